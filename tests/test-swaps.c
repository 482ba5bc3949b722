/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-test-util.h"

/*
 * Swap requests: the verdict of the rules, asking, answering, the
 * exchange on the roster, and telling the person who asked.
 */

typedef struct
{
  ScStore   *store;
  gint64     roster_id;
  char      *first_day;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(ScRosterSolution) solution = NULL;
  ScRosterSolverOptions options;

  f->store = sc_test_open_store (dir, "swaps.db");
  f->first_day = g_strdup ("2026-12-07");
  g_assert_true (sc_demo_populate_from (f->store, sc_test_session (), f->first_day, NULL, &error));
  g_assert_no_error (error);

  input = sc_store_build_roster_input (f->store, sc_test_session (), f->first_day, 7, &error);
  g_assert_no_error (error);
  sc_roster_solver_options_init (&options);
  options.max_iterations = 3000;
  options.time_limit = 0;
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, NULL);
  f->roster_id = sc_store_save_roster_solution (f->store, sc_test_session (), input, solution, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), f->roster_id, &error), ==, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->first_day, g_free);
}

/* Two people on the first day: one working a shift, the other off */
static void
pick (Fixture       *f,
      ScRosterShift *shift,
      gint64        *partner)
{
  g_autoptr(GArray) shifts = sc_store_get_roster_shifts (f->store, sc_test_session (), f->roster_id, FALSE, NULL);
  g_autoptr(GArray) partners = NULL;

  g_assert_cmpuint (shifts->len, >, 0);
  for (guint i = 0; i < shifts->len; i++)
    if (g_str_equal (g_array_index (shifts, ScRosterShift, i).day, f->first_day))
      {
        *shift = g_array_index (shifts, ScRosterShift, i);
        break;
      }

  partners = sc_store_get_swap_partners (f->store, sc_test_session (), shift->id, NULL);
  g_assert_nonnull (partners);
  *partner = 0;
  for (guint i = 0; i < partners->len && *partner == 0; i++)
    if (g_array_index (partners, ScSwapPartner, i).shift_id == 0)
      *partner = g_array_index (partners, ScSwapPartner, i).person_id;
  g_assert_cmpint (*partner, >, 0);
}

static void
test_swap_flow (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScSession) owner = NULL;
  g_autoptr(ScSession) other = NULL;
  g_autoptr(GArray) violations = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterShift shift, after;
  gint64 partner, id;
  int broken;

  pick (f, &shift, &partner);
  owner = sc_session_new (0, shift.person_id, SC_ACCOUNT_ROLE_AGENT, "owner");
  other = sc_session_new (0, partner, SC_ACCOUNT_ROLE_AGENT, "partner");

  /* The verdict, for the owner only */
  broken = sc_store_check_swap (f->store, owner, shift.id, partner, &violations, &error);
  g_assert_no_error (error);
  g_assert_cmpint (broken, >=, 0);
  g_assert_cmpuint (violations->len, ==, (guint) broken);
  g_assert_cmpint (sc_store_check_swap (f->store, other, shift.id, partner, NULL, &error), ==, -1);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Asking, once */
  id = sc_store_request_swap (f->store, owner, shift.id, partner, "Family dinner", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (sc_store_request_swap (f->store, owner, shift.id, partner, NULL, &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Both people see it; agents cannot answer */
  mine = sc_store_get_swap_requests (f->store, other, &error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpstr (((ScSwapRequest *) g_ptr_array_index (mine, 0))->note, ==, "Family dinner");
  g_assert_false (sc_store_decide_swap (f->store, owner, id, SC_REQUEST_STATUS_APPROVED, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Approved: the shift changes hands on the roster */
  g_assert_true (sc_store_decide_swap (f->store, sc_test_session (), id, SC_REQUEST_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  g_assert_true (sc_store_get_shift (f->store, sc_test_session (), shift.id, &after, &error));
  g_assert_true (after.cancelled || after.person_id == partner);
  {
    g_autoptr(GArray) shifts = sc_store_get_roster_shifts (f->store, sc_test_session (), f->roster_id, FALSE, NULL);
    gboolean partner_works = FALSE, owner_works = FALSE;

    for (guint i = 0; i < shifts->len; i++)
      {
        ScRosterShift *s = &g_array_index (shifts, ScRosterShift, i);

        if (!g_str_equal (s->day, f->first_day))
          continue;
        partner_works |= s->person_id == partner && s->shift_type_id == shift.shift_type_id;
        owner_works |= s->person_id == shift.person_id;
      }
    g_assert_true (partner_works);
    g_assert_false (owner_works);
  }

  /* A second answer is refused, and the owner is told once */
  g_assert_false (sc_store_decide_swap (f->store, sc_test_session (), id, SC_REQUEST_STATUS_DECLINED, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  answers = sc_store_take_swap_answers (f->store, owner, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = sc_store_take_swap_answers (f->store, owner, &error);
  g_assert_cmpuint (answers->len, ==, 0);
}

static void
test_swap_withdraw (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ScSession) owner = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterShift shift;
  gint64 partner, id;

  pick (f, &shift, &partner);
  owner = sc_session_new (0, shift.person_id, SC_ACCOUNT_ROLE_AGENT, "owner");
  id = sc_store_request_swap (f->store, owner, shift.id, partner, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_withdraw_swap (f->store, owner, id, &error));
  g_assert_no_error (error);
  all = sc_store_get_swap_requests (f->store, sc_test_session (), &error);
  g_assert_cmpuint (all->len, ==, 0);
}

/* The verdict follows the store: approved leave for the partner on the
 * day makes the same swap break a rule, and withdrawing it mends it */
static void
test_swap_verdict_follows_store (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(ScTimeOff) time_off = sc_time_off_new ();
  g_autoptr(GArray) violations = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterShift shift;
  gboolean unavailable = FALSE;
  gint64 partner;
  int before;

  pick (f, &shift, &partner);
  before = sc_store_check_swap (f->store, sc_test_session (), shift.id, partner, NULL, &error);
  g_assert_no_error (error);

  sc_time_off_set_person_id (time_off, partner);
  sc_time_off_set_first_day (time_off, shift.day);
  sc_time_off_set_last_day (time_off, shift.day);
  sc_time_off_set_kind (time_off, SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  sc_time_off_set_status (time_off, SC_REQUEST_STATUS_APPROVED);
  g_assert_true (sc_store_request_time_off (f->store, sc_test_session (), time_off, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sc_store_check_swap (f->store, sc_test_session (), shift.id, partner, &violations, &error), ==,
                   before + 1);
  g_assert_no_error (error);
  for (guint i = 0; i < violations->len; i++)
    {
      const ScSwapViolation *v = &g_array_index (violations, ScSwapViolation, i);

      unavailable |= v->rule == SC_ROSTER_RULE_UNAVAILABLE && v->person_id == partner &&
                     g_str_equal (v->day, shift.day);
    }
  g_assert_true (unavailable);

  g_assert_true (sc_store_withdraw_time_off (f->store, sc_test_session (), sc_time_off_get_id (time_off), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_check_swap (f->store, sc_test_session (), shift.id, partner, NULL, &error), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/swaps/flow", Fixture, NULL, fixture_set_up, test_swap_flow, fixture_tear_down);
  g_test_add ("/core/swaps/verdict-follows-store", Fixture, NULL, fixture_set_up, test_swap_verdict_follows_store,
              fixture_tear_down);
  g_test_add ("/core/swaps/withdraw", Fixture, NULL, fixture_set_up, test_swap_withdraw, fixture_tear_down);

  return g_test_run ();
}
