/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-test-util.h"

/*
 * Editing a roster's shifts in the store: what calendars will be told
 * (sequence raised by every edit, removed shifts of a published roster
 * kept as cancelled rows, deleted from a draft never published), who may
 * edit, and the audit trail.
 */

#define FIRST_DAY "2026-12-28" /* a Monday */
#define N_DAYS    14

typedef struct
{
  ScStore       *store;
  char          *path;
  ScSession     *boss;
  ScRosterInput *input;
  gint64         roster_id;
  gint64         early_id;   /* the problem's shift types 0 and 1 */
  gint64         other_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(GError) error = NULL;

  f->store = sc_test_open_store (dir, "shifts.db");
  f->path = g_strdup (sc_store_get_path (f->store));
  f->boss = g_object_ref (sc_test_session ());
  g_assert_true (sc_demo_populate_from (f->store, f->boss, FIRST_DAY, NULL, &error));
  g_assert_no_error (error);

  f->input = sc_store_build_roster_input (f->store, f->boss, FIRST_DAY, N_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->input->problem->n_shift_types, >=, 2);
  g_assert_cmpint (f->input->problem->n_people, >=, 3);

  /* Person 0 works type 0 on days 0–2, person 1 type 1 on days 0–1;
   * person 2 is off */
  solution = sc_roster_solution_new_for_problem (f->input->problem);
  for (int d = 0; d < 3; d++)
    sc_roster_solution_set (solution, 0, d, 0);
  for (int d = 0; d < 2; d++)
    sc_roster_solution_set (solution, 1, d, 1);

  f->roster_id = sc_store_save_roster_solution (f->store, f->boss, f->input, solution, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->roster_id, >, 0);

  f->early_id = g_array_index (f->input->shift_type_ids, gint64, 0);
  f->other_id = g_array_index (f->input->shift_type_ids, gint64, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->input, sc_roster_input_free);
  g_clear_object (&f->store);
  g_clear_object (&f->boss);
  g_free (f->path);
}

static gint64
person (Fixture *f,
        int      p)
{
  return g_array_index (f->input->person_ids, gint64, p);
}

/* The row at a cell, cancelled ones too; FALSE when there is none */
static gboolean
find_row (Fixture       *f,
          int            p,
          const char    *day,
          ScRosterShift *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) shifts = sc_store_get_roster_shifts (f->store, f->boss, f->roster_id, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);

      if (shift->person_id == person (f, p) && g_str_equal (shift->day, day))
        {
          *out = *shift;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
count_live (Fixture *f)
{
  g_autoptr(GArray) shifts = sc_store_get_roster_shifts (f->store, f->boss, f->roster_id, FALSE, NULL);

  g_assert_nonnull (shifts);
  return shifts != NULL ? shifts->len : 0;
}

static void
mark_published (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sc_store_publish_roster (f->store, f->boss, f->roster_id, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rosters = sc_store_get_rosters (f->store, f->boss, &error);
  g_autoptr(ScRosterInfo) info = NULL;
  ScRosterShift shift;

  g_assert_no_error (error);
  g_assert_cmpuint (rosters->len, ==, 1);
  info = sc_store_get_roster (f->store, f->boss, f->roster_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->first_day, ==, FIRST_DAY);
  g_assert_cmpint (info->days, ==, N_DAYS);
  g_assert_false (info->published);
  g_assert_cmpint (info->version, ==, 1);

  g_assert_cmpuint (count_live (f), ==, 5);
  g_assert_true (find_row (f, 0, "2026-12-29", &shift));
  g_assert_cmpint (shift.shift_type_id, ==, f->early_id);
  g_assert_cmpint (shift.sequence, ==, 0);
  g_assert_false (shift.locked);
  g_assert_false (shift.cancelled);

  g_assert_null (sc_store_get_roster (f->store, f->boss, 999, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
}

static void
test_move_same_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRosterShift before, after;
  gint64 id;

  g_assert_true (find_row (f, 0, "2026-12-30", &before));
  id = sc_store_move_shift (f->store, f->boss, before.id, person (f, 0), "2027-01-02", &error);
  g_assert_no_error (error);

  /* Same row, the calendar event moves */
  g_assert_cmpint (id, ==, before.id);
  g_assert_false (find_row (f, 0, "2026-12-30", &after));
  g_assert_true (find_row (f, 0, "2027-01-02", &after));
  g_assert_cmpint (after.id, ==, before.id);
  g_assert_cmpint (after.sequence, ==, before.sequence + 1);

  /* Outside the roster, or onto a shift: refused */
  g_assert_cmpint (sc_store_move_shift (f->store, f->boss, id, person (f, 0), "2027-03-01", &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_store_move_shift (f->store, f->boss, id, person (f, 0), "2026-12-28", &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (count_live (f), ==, 5);
}

static void
test_move_to_other_draft (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRosterShift before, after;
  gint64 id;

  g_assert_true (find_row (f, 0, "2026-12-28", &before));
  id = sc_store_move_shift (f->store, f->boss, before.id, person (f, 2), "2026-12-28", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* A draft never published: the first person's row is gone */
  g_assert_false (find_row (f, 0, "2026-12-28", &after));
  g_assert_true (find_row (f, 2, "2026-12-28", &after));
  g_assert_cmpint (after.id, ==, id);
  g_assert_cmpint (after.shift_type_id, ==, before.shift_type_id);
  g_assert_cmpint (after.start_minute, ==, before.start_minute);
  g_assert_cmpuint (count_live (f), ==, 5);
}

static void
test_published_cancels (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRosterShift before, after, back;
  gint64 id;

  mark_published (f);

  /* Removing keeps the row, cancelled, with a higher sequence */
  g_assert_true (find_row (f, 1, "2026-12-29", &before));
  g_assert_true (sc_store_remove_shift (f->store, f->boss, before.id, &error));
  g_assert_no_error (error);
  g_assert_true (find_row (f, 1, "2026-12-29", &after));
  g_assert_true (after.cancelled);
  g_assert_cmpint (after.id, ==, before.id);
  g_assert_cmpint (after.sequence, ==, before.sequence + 1);
  g_assert_cmpuint (count_live (f), ==, 4);

  /* A cancelled shift cannot be edited */
  g_assert_false (sc_store_set_shift_type (f->store, f->boss, before.id, f->early_id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Moving to someone else cancels the first person's row */
  g_assert_true (find_row (f, 0, "2026-12-28", &before));
  id = sc_store_move_shift (f->store, f->boss, before.id, person (f, 2), "2026-12-28", &error);
  g_assert_no_error (error);
  g_assert_true (find_row (f, 0, "2026-12-28", &after));
  g_assert_true (after.cancelled);
  g_assert_cmpint (after.sequence, ==, before.sequence + 1);
  g_assert_true (find_row (f, 2, "2026-12-28", &after));
  g_assert_false (after.cancelled);

  /* …and moving it back revives that row: the same event, a new sequence */
  g_assert_true (find_row (f, 0, "2026-12-28", &back));
  g_assert_cmpint (sc_store_move_shift (f->store, f->boss, id, person (f, 0), "2026-12-28", &error), ==, back.id);
  g_assert_no_error (error);
  g_assert_true (find_row (f, 0, "2026-12-28", &after));
  g_assert_false (after.cancelled);
  g_assert_cmpint (after.sequence, ==, back.sequence + 1);
  g_assert_true (find_row (f, 2, "2026-12-28", &after));
  g_assert_true (after.cancelled);

  /* Adding a shift where one was cancelled reuses the row */
  g_assert_true (find_row (f, 1, "2026-12-29", &before));
  id = sc_store_add_shift (f->store, f->boss, f->roster_id, person (f, 1), "2026-12-29", f->early_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, before.id);
  g_assert_true (find_row (f, 1, "2026-12-29", &after));
  g_assert_false (after.cancelled);
  g_assert_cmpint (after.shift_type_id, ==, f->early_id);
  g_assert_cmpint (after.sequence, ==, before.sequence + 1);
}

static void
test_remove_draft (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRosterShift shift;

  g_assert_true (find_row (f, 1, "2026-12-28", &shift));
  g_assert_true (sc_store_remove_shift (f->store, f->boss, shift.id, &error));
  g_assert_no_error (error);
  g_assert_false (find_row (f, 1, "2026-12-28", &shift));
  g_assert_cmpuint (count_live (f), ==, 4);
}

static void
test_swap_type_lock (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ScRosterShift a, b, a2, b2;

  g_assert_true (find_row (f, 0, "2026-12-28", &a));
  g_assert_true (find_row (f, 1, "2026-12-28", &b));
  g_assert_true (sc_store_set_shift_locked (f->store, f->boss, a.id, TRUE, &error));
  g_assert_no_error (error);

  /* Locking is not a change people see: the sequence stays */
  g_assert_true (find_row (f, 0, "2026-12-28", &a2));
  g_assert_true (a2.locked);
  g_assert_cmpint (a2.sequence, ==, a.sequence);

  /* A swap exchanges what the rows hold; each keeps its person */
  g_assert_true (sc_store_swap_shifts (f->store, f->boss, a.id, b.id, &error));
  g_assert_no_error (error);
  g_assert_true (find_row (f, 0, "2026-12-28", &a2));
  g_assert_true (find_row (f, 1, "2026-12-28", &b2));
  g_assert_cmpint (a2.id, ==, a.id);
  g_assert_cmpint (b2.id, ==, b.id);
  g_assert_cmpint (a2.shift_type_id, ==, b.shift_type_id);
  g_assert_cmpint (b2.shift_type_id, ==, a.shift_type_id);
  g_assert_cmpint (a2.start_minute, ==, b.start_minute);
  g_assert_false (a2.locked);
  g_assert_true (b2.locked);
  g_assert_cmpint (a2.sequence, ==, a.sequence + 1);
  g_assert_cmpint (b2.sequence, ==, b.sequence + 1);

  /* A new type brings its times */
  g_assert_true (sc_store_set_shift_type (f->store, f->boss, a.id, f->early_id, &error));
  g_assert_no_error (error);
  g_assert_true (find_row (f, 0, "2026-12-28", &a2));
  g_assert_cmpint (a2.shift_type_id, ==, f->early_id);
  g_assert_cmpint (a2.start_minute, ==, f->input->problem->shift_types[0].start_minute);
  g_assert_cmpint (a2.length_minutes, ==, f->input->problem->shift_types[0].length);
  g_assert_cmpint (a2.sequence, ==, a.sequence + 2);

  /* The same type again is no edit */
  g_assert_true (sc_store_set_shift_type (f->store, f->boss, a.id, f->early_id, &error));
  g_assert_true (find_row (f, 0, "2026-12-28", &b2));
  g_assert_cmpint (b2.sequence, ==, a2.sequence);
}

static void
test_permissions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScSession) trainer = sc_session_new (0, person (f, 2), SC_ACCOUNT_ROLE_TRAINER, "Trainer");
  g_autoptr(ScSession) agent = sc_session_new (0, person (f, 0), SC_ACCOUNT_ROLE_AGENT, "Agent");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) own = NULL;
  g_autoptr(GArray) all = NULL;
  ScRosterShift shift;

  g_assert_true (find_row (f, 0, "2026-12-28", &shift));

  /* Trainers see every shift and change none */
  all = sc_store_get_roster_shifts (f->store, trainer, f->roster_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_false (sc_store_set_shift_locked (f->store, trainer, shift.id, TRUE, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Agents see their own only, and change nothing, not even their own */
  own = sc_store_get_roster_shifts (f->store, agent, f->roster_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 3);
  for (guint i = 0; i < own->len; i++)
    g_assert_cmpint (g_array_index (own, ScRosterShift, i).person_id, ==, person (f, 0));
  g_assert_cmpint (sc_store_move_shift (f->store, agent, shift.id, person (f, 0), "2027-01-05", &error), ==, 0);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_remove_shift (f->store, agent, shift.id, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Nothing changed */
  g_assert_true (find_row (f, 0, "2026-12-28", &shift));
  g_assert_false (shift.locked);
  g_assert_cmpint (shift.sequence, ==, 0);
}

static void
on_changed_cb (gboolean           *touched,
               const char * const *tables)
{
  *touched = g_strv_contains (tables, "shift");
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  gboolean touched = FALSE;
  ScRosterShift a, b;

  g_assert_true (find_row (f, 0, "2026-12-28", &a));
  g_assert_true (find_row (f, 1, "2026-12-28", &b));

  entries = sc_store_get_audit (f->store, f->boss, "shift", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (on_changed_cb), &touched);
  g_assert_true (sc_store_swap_shifts (f->store, f->boss, a.id, b.id, &error));
  g_assert_no_error (error);
  g_assert_true (touched);
  g_signal_handlers_disconnect_by_func (f->store, on_changed_cb, &touched);

  entries = sc_store_get_audit (f->store, f->boss, "shift", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path_, func_) g_test_add ((path_), Fixture, NULL, fixture_set_up, (func_), fixture_tear_down)
  ADD ("/core/shifts/list", test_list);
  ADD ("/core/shifts/move/same-person", test_move_same_person);
  ADD ("/core/shifts/move/other-person-draft", test_move_to_other_draft);
  ADD ("/core/shifts/published/cancels", test_published_cancels);
  ADD ("/core/shifts/remove/draft", test_remove_draft);
  ADD ("/core/shifts/swap-type-lock", test_swap_type_lock);
  ADD ("/core/shifts/permissions", test_permissions);
  ADD ("/core/shifts/audit", test_audit);
#undef ADD

  return g_test_run ();
}
