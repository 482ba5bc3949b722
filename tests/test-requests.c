/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-test-util.h"

/*
 * Time off, preferences, holidays and the contract rules that go with
 * them: stored, checked, audited, and seen by the roster problem.
 */

#define FIRST_DAY "2026-12-28" /* a Monday; 2027-01-01 is day 4 */
#define N_DAYS    28

typedef struct
{
  ScStore   *store;
  ScSession *boss;      /* the command line's session: may do everything */
  ScSession *agent;     /* a rostered agent with no time off of their own */
  ScSession *trainer;
  gint64     agent_id;
  gint64     other_id;  /* another rostered person */
} Fixture;

/* Whether the sample gave @person_id time off or shift wishes */
static gboolean
has_requests (ScStore *store,
              gint64   person_id)
{
  g_autoptr(GPtrArray) time_off = sc_store_get_time_off (store, sc_test_session (), person_id, NULL, NULL, NULL);
  g_autoptr(GPtrArray) wishes = sc_store_get_preferences (store, sc_test_session (), person_id, NULL, NULL, NULL);

  g_assert_nonnull (time_off);
  g_assert_nonnull (wishes);
  return time_off->len > 0 || wishes->len > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  f->store = sc_test_open_store (dir, "requests.db");
  f->boss = g_object_ref (sc_test_session ());
  g_assert_true (sc_demo_populate_from (f->store, f->boss, FIRST_DAY, NULL, &error));
  g_assert_no_error (error);

  people = sc_store_get_people (f->store, f->boss, FALSE, &error);
  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      gint64 id = sc_person_get_id (person);

      if (sc_person_get_role (person) == SC_ROLE_TRAINER && f->trainer == NULL)
        f->trainer = sc_session_new (0, id, SC_ACCOUNT_ROLE_TRAINER, sc_person_get_name (person));
      if (sc_person_get_role (person) != SC_ROLE_AGENT || has_requests (f->store, id))
        continue;
      if (f->agent == NULL)
        {
          f->agent_id = id;
          f->agent = sc_session_new (0, id, SC_ACCOUNT_ROLE_AGENT, sc_person_get_name (person));
        }
      else if (f->other_id == 0)
        f->other_id = id;
    }

  g_assert_nonnull (f->agent);
  g_assert_nonnull (f->trainer);
  g_assert_cmpint (f->other_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->agent);
  g_clear_object (&f->trainer);
  g_clear_object (&f->boss);
  g_clear_object (&f->store);
}

static ScTimeOff *
make_time_off (gint64         person_id,
               const char    *first,
               const char    *last,
               ScTimeOffKind  kind)
{
  return g_object_new (SC_TYPE_TIME_OFF, "person-id", person_id, "first-day", first, "last-day", last,
                       "kind", kind, NULL);
}

static ScRosterInput *
build_input (Fixture *f,
             int      n_days)
{
  g_autoptr(GError) error = NULL;
  ScRosterInput *input = sc_store_build_roster_input (f->store, f->boss, FIRST_DAY, n_days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (input);
  return input;
}

static int
problem_person (ScRosterInput *input,
                gint64         person_id)
{
  for (guint i = 0; i < input->person_ids->len; i++)
    if (g_array_index (input->person_ids, gint64, i) == person_id)
      return (int) i;

  g_assert_not_reached ();
}

static gboolean
is_unavailable (ScRosterInput *input,
                int            person,
                int            day)
{
  return input->problem->unavailable[person * input->problem->n_days + day] != 0;
}

static ScAuditEntry *
last_audit (Fixture    *f,
            const char *table)
{
  g_autoptr(GPtrArray) entries = sc_store_get_audit (f->store, f->boss, table, NULL, NULL, NULL, NULL);
  ScAuditEntry *newest = NULL;

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  for (guint i = 0; i < entries->len; i++)
    {
      ScAuditEntry *entry = g_ptr_array_index (entries, i);
      if (newest == NULL || sc_audit_entry_get_id (entry) > sc_audit_entry_get_id (newest))
        newest = entry;
    }

  return g_object_ref (newest);
}

static void
test_time_off_approve (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScTimeOff) leave = make_time_off (f->agent_id, "2027-01-05", "2027-01-07",
                                              SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  g_autoptr(ScRosterInput) before = NULL;
  g_autoptr(ScRosterInput) after = NULL;
  g_autoptr(ScAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  int p;

  sc_time_off_set_note (leave, "Family visit");
  g_assert_true (sc_store_request_time_off (f->store, f->agent, leave, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_time_off_get_id (leave), >, 0);
  g_assert_cmpint (sc_time_off_get_status (leave), ==, SC_REQUEST_STATUS_REQUESTED);

  /* The audit trail names the person and the days, and keeps the note out */
  entry = last_audit (f, "time_off");
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), sc_session_get_display_name (f->agent)));
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "2027-01-05 – 2027-01-07"));
  g_assert_null (strstr (sc_audit_entry_get_summary (entry), "Family"));
  g_clear_object (&entry);

  /* Asked for is not yet away */
  before = build_input (f, N_DAYS);
  p = problem_person (before, f->agent_id);
  for (int d = 0; d < N_DAYS; d++)
    g_assert_false (is_unavailable (before, p, d));

  /* Agents cannot decide, not even on their own */
  g_assert_false (sc_store_decide_time_off (f->store, f->agent, sc_time_off_get_id (leave),
                                            SC_REQUEST_STATUS_APPROVED, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (sc_store_decide_time_off (f->store, f->boss, sc_time_off_get_id (leave),
                                           SC_REQUEST_STATUS_APPROVED, &error));
  g_assert_no_error (error);
  entry = last_audit (f, "time_off");
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "requested → approved"));

  after = build_input (f, N_DAYS);
  p = problem_person (after, f->agent_id);
  for (int d = 0; d < N_DAYS; d++)
    g_assert_cmpint (is_unavailable (after, p, d), ==, d >= 8 && d <= 10);

  /* What the agent sees */
  mine = sc_store_get_time_off (f->store, f->agent, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (sc_time_off_get_status (g_ptr_array_index (mine, 0)), ==, SC_REQUEST_STATUS_APPROVED);
  g_assert_cmpstr (sc_time_off_get_note (g_ptr_array_index (mine, 0)), ==, "Family visit");
  g_assert_cmpstr (sc_time_off_get_person_name (g_ptr_array_index (mine, 0)), ==,
                   sc_session_get_display_name (f->agent));
}

static void
test_time_off_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ScTimeOff) leave = make_time_off (f->agent_id, "2027-01-05", "2027-01-07",
                                              SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  g_autoptr(ScTimeOff) overlap = make_time_off (f->agent_id, "2027-01-07", "2027-01-08",
                                                SC_TIME_OFF_KIND_SICK);
  g_autoptr(ScTimeOff) theirs = make_time_off (f->other_id, "2027-01-12", "2027-01-12",
                                               SC_TIME_OFF_KIND_OTHER);
  g_autoptr(ScTimeOff) approved = make_time_off (f->agent_id, "2027-01-20", "2027-01-20",
                                                 SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_store_request_time_off (f->store, f->agent, leave, &error));

  /* Overlapping time off of the same person, with the other one's days */
  g_assert_false (sc_store_request_time_off (f->store, f->agent, overlap, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2027-01-05"));
  g_assert_nonnull (strstr (error->message, "2027-01-07"));
  g_clear_error (&error);

  /* A declined request is no obstacle */
  g_assert_true (sc_store_decide_time_off (f->store, f->boss, sc_time_off_get_id (leave),
                                           SC_REQUEST_STATUS_DECLINED, &error));
  g_assert_true (sc_store_request_time_off (f->store, f->agent, overlap, &error));
  g_assert_no_error (error);
  /* …but approving it again would overlap */
  g_assert_false (sc_store_decide_time_off (f->store, f->boss, sc_time_off_get_id (leave),
                                            SC_REQUEST_STATUS_APPROVED, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Only for oneself, and never already approved */
  g_assert_false (sc_store_request_time_off (f->store, f->agent, theirs, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  sc_time_off_set_status (approved, SC_REQUEST_STATUS_APPROVED);
  g_assert_false (sc_store_request_time_off (f->store, f->agent, approved, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A supervisor asks on someone's behalf, and enters decided time off */
  g_assert_true (sc_store_request_time_off (f->store, f->boss, theirs, &error));
  g_assert_true (sc_store_request_time_off (f->store, f->boss, approved, &error));
  g_assert_no_error (error);

  /* Listing: agents their own, trainers everyone's */
  g_assert_null (sc_store_get_time_off (f->store, f->agent, f->other_id, NULL, NULL, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  list = sc_store_get_time_off (f->store, f->agent, 0, "2027-01-01", "2027-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpint (sc_time_off_get_person_id (g_ptr_array_index (list, i)), ==, f->agent_id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sc_store_get_time_off (f->store, f->agent, 0, "2027-01-08", "2027-01-19", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sc_store_get_time_off (f->store, f->trainer, f->other_id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sc_store_get_time_off (f->store, f->trainer, 0, NULL, NULL, &error);
  g_assert_cmpuint (list->len, >, 10);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Withdraw: one's own while it waits; a decided one only a supervisor */
  g_assert_false (sc_store_withdraw_time_off (f->store, f->agent, sc_time_off_get_id (theirs), &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_withdraw_time_off (f->store, f->agent, sc_time_off_get_id (approved), &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2027-01-20"));
  g_clear_error (&error);
  g_assert_true (sc_store_withdraw_time_off (f->store, f->agent, sc_time_off_get_id (overlap), &error));
  g_assert_no_error (error);
  g_assert_true (sc_store_withdraw_time_off (f->store, f->boss, sc_time_off_get_id (approved), &error));
  g_assert_no_error (error);
  list = sc_store_get_time_off (f->store, f->agent, 0, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (sc_time_off_get_status (g_ptr_array_index (list, 0)), ==, SC_REQUEST_STATUS_DECLINED);
  g_assert_false (sc_store_withdraw_time_off (f->store, f->boss, sc_time_off_get_id (approved), &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
}

static void
test_time_off_validation (Fixture       *f,
                          gconstpointer  data)
{
  const struct
  {
    const char *first;
    const char *last;
    const char *expect;
  } cases[] = {
    { "2027-02-30", "2027-03-01", "YYYY-MM-DD" },
    { "2027-03-01", "1 March", "YYYY-MM-DD" },
    { "", "2027-03-01", "YYYY-MM-DD" },
    { "2027-03-05", "2027-03-01", "ends before it starts" },
    { "2027-01-01", "2028-01-02", "367 days" },
  };
  g_autoptr(ScTimeOff) year = make_time_off (f->agent_id, "2028-01-01", "2028-12-31", SC_TIME_OFF_KIND_OTHER);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScTimeOff) bad = make_time_off (f->agent_id, cases[i].first, cases[i].last,
                                                SC_TIME_OFF_KIND_ANNUAL_LEAVE);

      g_assert_false (sc_store_request_time_off (f->store, f->agent, bad, &error));
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
      g_test_message ("%s – %s: %s", cases[i].first, cases[i].last, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      g_clear_error (&error);
    }

  /* A leap year is 366 days, the most there is */
  g_assert_true (sc_store_request_time_off (f->store, f->agent, year, &error));
  g_assert_no_error (error);

  g_assert_null (sc_store_get_time_off (f->store, f->boss, 0, "soon", NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) types = sc_store_get_shift_types (f->store, NULL);
  g_autoptr(ScPreference) off = NULL;
  g_autoptr(ScPreference) early = NULL;
  g_autoptr(ScPreference) twin = NULL;
  g_autoptr(ScPreference) theirs = NULL;
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(ScAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 early_id = 0;
  gboolean seen_off = FALSE, seen_early = FALSE;
  int p, e;

  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (sc_shift_type_get_code (g_ptr_array_index (types, i)), "E") == 0)
      early_id = sc_shift_type_get_id (g_ptr_array_index (types, i));
  g_assert_cmpint (early_id, >, 0);

  off = g_object_new (SC_TYPE_PREFERENCE, "person-id", f->agent_id, "day", "2027-01-02",
                      "on-request", FALSE, "weight", 7, NULL);
  early = g_object_new (SC_TYPE_PREFERENCE, "person-id", f->agent_id, "day", "2027-01-06",
                        "shift-type-id", early_id, "on-request", TRUE, "weight", 3, NULL);
  g_assert_true (sc_store_save_preference (f->store, f->agent, off, &error));
  g_assert_true (sc_store_save_preference (f->store, f->agent, early, &error));
  g_assert_no_error (error);

  entry = last_audit (f, "preference");
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "2027-01-06: on E (3)"));
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), sc_session_get_display_name (f->agent)));

  /* Both become requests of the roster problem */
  input = build_input (f, N_DAYS);
  p = problem_person (input, f->agent_id);
  e = sc_roster_problem_find_shift_type (input->problem, "E");
  for (guint i = 0; i < input->problem->requests->len; i++)
    {
      ScRosterRequest *r = &g_array_index (input->problem->requests, ScRosterRequest, i);

      if (r->person != p)
        continue;
      if (r->day == 5 && r->shift == SC_ROSTER_ANY && !r->on && r->weight == 7)
        seen_off = TRUE;
      else if (r->day == 9 && r->shift == e && r->on && r->weight == 3)
        seen_early = TRUE;
      else
        g_assert_not_reached ();
    }
  g_assert_true (seen_off);
  g_assert_true (seen_early);

  /* One per day and shift type; weights 1 to 100 */
  twin = g_object_new (SC_TYPE_PREFERENCE, "person-id", f->agent_id, "day", "2027-01-02",
                       "on-request", TRUE, "weight", 1, NULL);
  g_assert_false (sc_store_save_preference (f->store, f->agent, twin, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  sc_preference_set_day (twin, "2027-01-03");
  sc_preference_set_weight (twin, 0);
  g_assert_false (sc_store_save_preference (f->store, f->agent, twin, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1"));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  sc_preference_set_weight (twin, 101);
  g_assert_false (sc_store_save_preference (f->store, f->agent, twin, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sc_preference_set_weight (twin, 100);
  sc_preference_set_day (twin, "2027-1-3");
  g_assert_false (sc_store_save_preference (f->store, f->agent, twin, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody else's, neither new nor taken over */
  theirs = g_object_new (SC_TYPE_PREFERENCE, "person-id", f->other_id, "day", "2027-01-03",
                         "on-request", FALSE, "weight", 2, NULL);
  g_assert_false (sc_store_save_preference (f->store, f->agent, theirs, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sc_store_save_preference (f->store, f->boss, theirs, &error));
  sc_preference_set_person_id (theirs, f->agent_id);
  g_assert_false (sc_store_save_preference (f->store, f->agent, theirs, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_remove_preference (f->store, f->agent, sc_preference_get_id (theirs), &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Change and remove one's own */
  sc_preference_set_weight (early, 9);
  g_assert_true (sc_store_save_preference (f->store, f->agent, early, &error));
  g_assert_true (sc_store_remove_preference (f->store, f->agent, sc_preference_get_id (off), &error));
  g_assert_no_error (error);
  mine = sc_store_get_preferences (f->store, f->agent, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (sc_preference_get_weight (g_ptr_array_index (mine, 0)), ==, 9);
  g_assert_cmpint (sc_preference_get_shift_type_id (g_ptr_array_index (mine, 0)), ==, early_id);
  g_assert_true (sc_preference_get_on_request (g_ptr_array_index (mine, 0)));
}

static void
test_holidays (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "holidays.db");
  g_autoptr(ScStore) demo = sc_test_open_store (dir, "demo.db");
  g_autoptr(ScStore) autumn = sc_test_open_store (dir, "autumn.db");
  g_autoptr(ScSession) agent = sc_session_new (0, 1, SC_ACCOUNT_ROLE_AGENT, "agent");
  g_autoptr(ScHoliday) new_year = g_object_new (SC_TYPE_HOLIDAY, "day", "2027-01-01", "name", "元旦", NULL);
  g_autoptr(ScHoliday) worked = g_object_new (SC_TYPE_HOLIDAY, "day", "2027-02-20", "name", "春节调休",
                                              "working-day", TRUE, NULL);
  g_autoptr(ScHoliday) bad = g_object_new (SC_TYPE_HOLIDAY, "day", "2027-02-29", "name", "?", NULL);
  g_autoptr(ScHoliday) nameless = g_object_new (SC_TYPE_HOLIDAY, "day", "2027-02-06", "name", "  ", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen_working = FALSE;

  g_assert_true (sc_store_save_holiday (store, sc_test_session (), new_year, &error));
  g_assert_true (sc_store_save_holiday (store, sc_test_session (), worked, &error));
  g_assert_no_error (error);

  g_assert_false (sc_store_save_holiday (store, agent, new_year, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_save_holiday (store, sc_test_session (), bad, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_save_holiday (store, sc_test_session (), nameless, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2027-02-06"));
  g_clear_error (&error);

  list = sc_store_get_holidays (store, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (sc_holiday_get_day (g_ptr_array_index (list, 0)), ==, "2027-01-01");
  g_assert_cmpstr (sc_holiday_get_name (g_ptr_array_index (list, 0)), ==, "元旦");
  g_assert_false (sc_holiday_get_working_day (g_ptr_array_index (list, 0)));
  g_assert_true (sc_holiday_get_working_day (g_ptr_array_index (list, 1)));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Saving the same day again replaces it */
  sc_holiday_set_name (new_year, "New Year");
  g_assert_true (sc_store_save_holiday (store, sc_test_session (), new_year, &error));
  list = sc_store_get_holidays (store, "2027-01-01", "2027-01-31", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (sc_holiday_get_name (g_ptr_array_index (list, 0)), ==, "New Year");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (sc_store_remove_holiday (store, agent, "2027-01-01", &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sc_store_remove_holiday (store, sc_test_session (), "2027-01-01", &error));
  g_assert_false (sc_store_remove_holiday (store, sc_test_session (), "2027-01-01", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sc_store_get_holidays (store, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The sample team gets the holidays of its four weeks, and only those */
  g_assert_true (sc_demo_populate_from (demo, sc_test_session (), FIRST_DAY, NULL, &error));
  g_assert_no_error (error);
  list = sc_store_get_holidays (demo, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (sc_holiday_get_day (g_ptr_array_index (list, 0)), ==, "2027-01-01");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Adjusted working days are holidays with working-day set */
  g_assert_true (sc_demo_populate_from (autumn, sc_test_session (), "2026-09-14", NULL, &error));
  list = sc_store_get_holidays (autumn, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 12);
  for (guint i = 0; i < list->len; i++)
    {
      ScHoliday *holiday = g_ptr_array_index (list, i);

      g_assert_cmpstr (sc_holiday_get_day (holiday), >=, "2026-09-14");
      g_assert_cmpstr (sc_holiday_get_day (holiday), <=, "2026-10-11");
      if (g_strcmp0 (sc_holiday_get_day (holiday), "2026-09-20") == 0)
        seen_working = sc_holiday_get_working_day (holiday);
    }
  g_assert_true (seen_working);

  /* Only a Monday starts the sample weeks */
  g_assert_false (sc_demo_populate_from (store, sc_test_session (), "2026-09-15", NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
}

static void
test_sample_requests (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) time_off = sc_store_get_time_off (f->store, f->boss, 0, NULL, NULL, NULL);
  g_autoptr(GPtrArray) preferences = sc_store_get_preferences (f->store, f->boss, 0, NULL, NULL, NULL);
  guint by_status[SC_N_REQUEST_STATUSES] = { 0, };
  guint by_kind[SC_N_TIME_OFF_KINDS] = { 0, };
  guint on = 0, off = 0;

  for (guint i = 0; i < time_off->len; i++)
    {
      ScTimeOff *t = g_ptr_array_index (time_off, i);

      by_status[sc_time_off_get_status (t)]++;
      by_kind[sc_time_off_get_kind (t)]++;
      g_assert_cmpstr (sc_time_off_get_first_day (t), >=, FIRST_DAY);
      g_assert_cmpstr (sc_time_off_get_last_day (t), <=, "2027-01-24");
    }
  g_assert_cmpuint (by_status[SC_REQUEST_STATUS_APPROVED], >, 3);
  g_assert_cmpuint (by_status[SC_REQUEST_STATUS_REQUESTED], >, 0);
  g_assert_cmpuint (by_kind[SC_TIME_OFF_KIND_ANNUAL_LEAVE], >, 2);
  g_assert_cmpuint (by_kind[SC_TIME_OFF_KIND_SICK], ==, 1);
  g_assert_cmpuint (by_kind[SC_TIME_OFF_KIND_FIXED_DAY_OFF], >, 0);

  for (guint i = 0; i < preferences->len; i++)
    {
      ScPreference *p = g_ptr_array_index (preferences, i);

      if (sc_preference_get_on_request (p))
        on++;
      else
        off++;
      g_assert_cmpint (sc_preference_get_weight (p), >=, 1);
      g_assert_cmpint (sc_preference_get_weight (p), <=, 10);
    }
  g_assert_cmpuint (on, >, 0);
  g_assert_cmpuint (off, >, 0);
}

static void
test_contract (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ScPerson) person = sc_test_person ("孙丽", "C001");
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(ScAuditEntry) entry = NULL;
  g_autoptr(GPtrArray) types = sc_store_get_shift_types (f->store, NULL);
  g_autoptr(GArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 early_id = 0;

  /* Defaults as in the schema */
  g_assert_cmpint (sc_person_get_min_consecutive_days (person), ==, 1);
  g_assert_cmpint (sc_person_get_min_consecutive_days_off (person), ==, 1);
  g_assert_cmpint (sc_person_get_max_weekends (person), ==, 2);

  sc_person_set_min_consecutive_days (person, 2);
  sc_person_set_min_consecutive_days_off (person, 2);
  sc_person_set_max_weekends (person, 1);
  g_assert_true (sc_store_add_person (f->store, f->boss, person, &error));
  g_assert_no_error (error);

  read = sc_store_get_person (f->store, f->boss, sc_person_get_id (person), &error);
  g_assert_cmpint (sc_person_get_min_consecutive_days (read), ==, 2);
  g_assert_cmpint (sc_person_get_min_consecutive_days_off (read), ==, 2);
  g_assert_cmpint (sc_person_get_max_weekends (read), ==, 1);

  sc_person_set_max_weekends (read, 3);
  g_assert_true (sc_store_update_person (f->store, f->boss, read, &error));
  entry = last_audit (f, "person");
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "max_weekends: 1 → 3"));
  g_clear_object (&read);
  read = sc_store_get_person (f->store, f->boss, sc_person_get_id (person), &error);
  g_assert_cmpint (sc_person_get_max_weekends (read), ==, 3);

  /* Validation */
  {
    const struct
    {
      int min_days;
      int min_off;
      int weekends;
    } bad[] = {
      { 0, 1, 2 },
      { 15, 1, 2 },
      { 7, 1, 2 },    /* more than the maximum of 6 */
      { 1, 0, 2 },
      { 1, 15, 2 },
      { 1, 1, -1 },
      { 1, 1, 5 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(ScPerson) copy = sc_person_copy (read);

        sc_person_set_min_consecutive_days (copy, bad[i].min_days);
        sc_person_set_min_consecutive_days_off (copy, bad[i].min_off);
        sc_person_set_max_weekends (copy, bad[i].weekends);
        g_assert_false (sc_store_update_person (f->store, f->boss, copy, &error));
        g_assert_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_clear_error (&error);
      }
  }

  /* Shift limits per four weeks, scaled to the roster */
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (sc_shift_type_get_code (g_ptr_array_index (types, i)), "E") == 0)
      early_id = sc_shift_type_get_id (g_ptr_array_index (types, i));

  g_assert_false (sc_store_set_person_shift_limit (f->store, f->agent, f->agent_id, early_id, 4, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_set_person_shift_limit (f->store, f->boss, f->agent_id, early_id, 29, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_set_person_shift_limit (f->store, f->boss, f->agent_id, 9999, 4, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (sc_store_set_person_shift_limit (f->store, f->boss, f->agent_id, early_id, 4, &error));
  g_assert_true (sc_store_set_person_shift_limit (f->store, f->boss, f->other_id, early_id, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = last_audit (f, "person_shift_limit");
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "E"));
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), "∅ → 0"));

  limits = sc_store_get_person_shift_limits (f->store, f->agent, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 1);
  g_assert_cmpint (g_array_index (limits, ScShiftLimit, 0).shift_type_id, ==, early_id);
  g_assert_cmpint (g_array_index (limits, ScShiftLimit, 0).max_shifts, ==, 4);
  g_clear_pointer (&limits, g_array_unref);
  g_assert_null (sc_store_get_person_shift_limits (f->store, f->agent, f->other_id, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  {
    const struct
    {
      int n_days;
      int agent_max;
    } horizons[] = { { 28, 4 }, { 14, 2 }, { 7, 1 }, { 10, 2 }, { 56, 8 } };

    for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
      {
        g_autoptr(ScRosterInput) input = build_input (f, horizons[i].n_days);
        ScRosterProblem *pb = input->problem;
        int e = sc_roster_problem_find_shift_type (pb, "E");
        int l = sc_roster_problem_find_shift_type (pb, "L");
        int a = problem_person (input, f->agent_id);
        int o = problem_person (input, f->other_id);

        g_assert_cmpint (e, >=, 0);
        g_assert_cmpint (pb->max_shifts[a * pb->n_shift_types + e], ==, horizons[i].agent_max);
        g_assert_cmpint (pb->max_shifts[o * pb->n_shift_types + e], ==, 0);
        g_assert_cmpint (pb->max_shifts[a * pb->n_shift_types + l], ==, SC_ROSTER_NO_LIMIT);
        g_assert_cmpint (pb->people[problem_person (input, sc_person_get_id (read))].min_consecutive_off, ==, 2);
      }
  }

  g_assert_true (sc_store_set_person_shift_limit (f->store, f->boss, f->agent_id, early_id, -1, &error));
  limits = sc_store_get_person_shift_limits (f->store, f->boss, f->agent_id, &error);
  g_assert_cmpuint (limits->len, ==, 0);
}

/* Who answered and when; the person who asked is told once */
static void
test_time_off_answers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ScTimeOff) leave = make_time_off (f->agent_id, "2027-02-01", "2027-02-02",
                                              SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  g_autoptr(ScTimeOff) own = NULL;
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  ScTimeOff *read;

  people = sc_store_get_people (f->store, f->boss, FALSE, &error);
  for (guint i = 0; i < people->len && supervisor == NULL; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);

      if (sc_person_get_role (person) == SC_ROLE_SUPERVISOR)
        supervisor = sc_session_new (0, sc_person_get_id (person), SC_ACCOUNT_ROLE_SUPERVISOR,
                                     sc_person_get_name (person));
    }
  g_assert_nonnull (supervisor);

  g_assert_true (sc_store_request_time_off (f->store, f->agent, leave, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sc_time_off_get_requested_at (leave));
  g_assert_true (g_str_has_suffix (sc_time_off_get_requested_at (leave), "Z"));

  /* Nothing to tell before an answer */
  answers = sc_store_take_time_off_answers (f->store, f->agent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_clear_pointer (&answers, g_ptr_array_unref);

  g_assert_true (sc_store_decide_time_off (f->store, supervisor, sc_time_off_get_id (leave),
                                           SC_REQUEST_STATUS_DECLINED, &error));
  g_assert_no_error (error);

  mine = sc_store_get_time_off (f->store, f->agent, 0, "2027-02-01", "2027-02-28", &error);
  g_assert_cmpuint (mine->len, ==, 1);
  read = g_ptr_array_index (mine, 0);
  g_assert_cmpstr (sc_time_off_get_decided_by_name (read), ==, sc_session_get_display_name (supervisor));
  g_assert_nonnull (sc_time_off_get_decided_at (read));
  g_assert_cmpstr (sc_time_off_get_requested_at (read), <=, sc_time_off_get_decided_at (read));

  /* Told once, to the one who asked */
  answers = sc_store_take_time_off_answers (f->store, supervisor, &error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = sc_store_take_time_off_answers (f->store, f->agent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpint (sc_time_off_get_status (g_ptr_array_index (answers, 0)), ==, SC_REQUEST_STATUS_DECLINED);
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = sc_store_take_time_off_answers (f->store, f->agent, &error);
  g_assert_cmpuint (answers->len, ==, 0);
  g_clear_pointer (&answers, g_ptr_array_unref);

  /* A supervisor entering their own, already approved, has nothing to be told */
  own = make_time_off (sc_session_get_person_id (supervisor), "2027-03-01", "2027-03-01",
                       SC_TIME_OFF_KIND_SICK);
  sc_time_off_set_status (own, SC_REQUEST_STATUS_APPROVED);
  g_assert_true (sc_store_request_time_off (f->store, supervisor, own, &error));
  g_assert_no_error (error);
  answers = sc_store_take_time_off_answers (f->store, supervisor, &error);
  g_assert_cmpuint (answers->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/requests/time-off/approve", Fixture, NULL,
              fixture_set_up, test_time_off_approve, fixture_tear_down);
  g_test_add ("/core/requests/time-off/answers", Fixture, NULL,
              fixture_set_up, test_time_off_answers, fixture_tear_down);
  g_test_add ("/core/requests/time-off/rules", Fixture, NULL,
              fixture_set_up, test_time_off_rules, fixture_tear_down);
  g_test_add ("/core/requests/time-off/validation", Fixture, NULL,
              fixture_set_up, test_time_off_validation, fixture_tear_down);
  g_test_add ("/core/requests/preferences", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add_func ("/core/requests/holidays", test_holidays);
  g_test_add ("/core/requests/sample", Fixture, NULL,
              fixture_set_up, test_sample_requests, fixture_tear_down);
  g_test_add ("/core/requests/contract", Fixture, NULL,
              fixture_set_up, test_contract, fixture_tear_down);

  return g_test_run ();
}
