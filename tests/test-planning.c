/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-test-util.h"

static ScShiftType *
make_type (const char *code,
           int         start,
           int         length,
           int         breaks)
{
  ScShiftType *type = g_object_new (SC_TYPE_SHIFT_TYPE, "code", code, "name", code,
                                    "start-minute", start, "length-minutes", length,
                                    "break-minutes", breaks, "paid-minutes", length - breaks,
                                    "colour", "#3584e4", NULL);
  return type;
}

static void
test_shift_types (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "planning.db");
  g_autoptr(ScShiftType) late = make_type ("L", 14 * 60, 8 * 60, 30);
  g_autoptr(ScShiftType) night = make_type ("N", 22 * 60, 9 * 60, 60);
  g_autoptr(ScShiftType) dup = make_type ("n", 6 * 60, 8 * 60, 0);
  g_autoptr(ScShiftType) bad = make_type ("X", 6 * 60, 7 * 60 + 10, 0);
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;

  sc_shift_type_set_category (night, SC_SHIFT_CATEGORY_NIGHT);
  g_assert_true (sc_store_save_shift_type (store, sc_test_session (), late, &error));
  g_assert_true (sc_store_save_shift_type (store, sc_test_session (), night, &error));
  g_assert_no_error (error);

  /* Codes are unique whatever the case */
  g_assert_false (sc_store_save_shift_type (store, sc_test_session (), dup, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (sc_store_save_shift_type (store, sc_test_session (), bad, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "15 minutes"));
  g_clear_error (&error);

  /* A night shift past midnight keeps its length on the clock */
  types = sc_store_get_shift_types (store, &error);
  g_assert_cmpuint (types->len, ==, 2);
  g_assert_cmpstr (sc_shift_type_get_code (g_ptr_array_index (types, 1)), ==, "N");
  g_assert_cmpint (sc_shift_type_get_length_minutes (g_ptr_array_index (types, 1)), ==, 540);
  g_assert_cmpint (sc_shift_type_get_paid_minutes (g_ptr_array_index (types, 1)), ==, 480);
  g_assert_cmpint (sc_shift_type_get_category (g_ptr_array_index (types, 1)), ==, SC_SHIFT_CATEGORY_NIGHT);

  sc_shift_type_set_name (late, "Late shift");
  g_assert_true (sc_store_save_shift_type (store, sc_test_session (), late, &error));
  g_clear_pointer (&types, g_ptr_array_unref);
  types = sc_store_get_shift_types (store, &error);
  g_assert_cmpstr (sc_shift_type_get_name (g_ptr_array_index (types, 0)), ==, "Late shift");
}

static void
test_targets_and_forecasts (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "forecast.db");
  g_autoptr(ScSkill) phone = sc_skill_new ("Phone", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(ScServiceTarget) target = g_object_new (SC_TYPE_SERVICE_TARGET, NULL);
  g_autoptr(ScServiceTarget) read = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  ScForecastPoint day[] = { { 8 * 60, 40, 240 }, { 8 * 60 + 30, 55.5, 250 }, { 9 * 60, 80, 240 } };
  ScForecastPoint twice[] = { { 8 * 60, 40, 240 }, { 8 * 60, 41, 240 } };

  g_assert_true (sc_store_add_skill (store, sc_test_session (), phone, &error));
  g_assert_null (sc_store_get_service_target (store, sc_test_session (), sc_skill_get_id (phone), &error));
  g_assert_no_error (error);

  sc_service_target_set_skill_id (target, sc_skill_get_id (phone));
  sc_service_target_set_service_level (target, 0.8);
  sc_service_target_set_target_seconds (target, 20);
  sc_service_target_set_shrinkage (target, 0.3);
  g_assert_true (sc_store_set_service_target (store, sc_test_session (), target, &error));
  read = sc_store_get_service_target (store, sc_test_session (), sc_skill_get_id (phone), &error);
  g_assert_cmpfloat_with_epsilon (sc_service_target_get_service_level (read), 0.8, 1e-9);
  g_assert_cmpint (sc_service_target_get_target_seconds (read), ==, 20);

  sc_service_target_set_service_level (target, 1.5);
  g_assert_false (sc_store_set_service_target (store, sc_test_session (), target, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_store_set_forecast (store, sc_test_session (), sc_skill_get_id (phone), "2026-12-01",
                                        day, G_N_ELEMENTS (day), &error));
  points = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (phone), "2026-12-01", &error);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (points, ScForecastPoint, 1).volume, 55.5, 1e-9);

  /* A bad set changes nothing */
  g_assert_false (sc_store_set_forecast (store, sc_test_session (), sc_skill_get_id (phone), "2026-12-01",
                                         twice, G_N_ELEMENTS (twice), &error));
  g_assert_nonnull (strstr (error->message, "08:00"));
  g_clear_error (&error);
  g_assert_false (sc_store_set_forecast (store, sc_test_session (), sc_skill_get_id (phone), "2026-13-01",
                                         day, G_N_ELEMENTS (day), &error));
  g_clear_error (&error);
  g_clear_pointer (&points, g_array_unref);
  points = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (phone), "2026-12-01", &error);
  g_assert_cmpuint (points->len, ==, 3);
}

static void
test_cover_requirements (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "cover.db");
  g_autoptr(ScShiftType) early = make_type ("E", 6 * 60, 8 * 60, 30);
  g_autoptr(ScSkill) chat = sc_skill_new ("Chat", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ScCoverRequirement interval = { 0, "2026-12-07", 9 * 60, 0, 0, 4, 100, 1 };
  ScCoverRequirement per_shift = { 0, "2026-12-07", -1, 0, 0, 2, 50, 5 };
  ScCoverRequirement both = { 0, "2026-12-07", 8 * 60, 0, 0, 1, 1, 1 };
  ScCoverRequirement bad_day = { 0, "2026-13-01", 8 * 60, 0, 0, 1, 1, 1 };
  gint64 id1, id2;

  g_assert_true (sc_store_save_shift_type (store, sc_test_session (), early, &error));
  g_assert_true (sc_store_add_skill (store, sc_test_session (), chat, &error));
  g_assert_no_error (error);

  per_shift.shift_type_id = sc_shift_type_get_id (early);
  per_shift.skill_id = sc_skill_get_id (chat);
  id1 = sc_store_save_cover_requirement (store, sc_test_session (), &per_shift, &error);
  g_assert_no_error (error);
  id2 = sc_store_save_cover_requirement (store, sc_test_session (), &interval, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (id2, >, id1);

  /* Either a time of day or a shift type, and a real day */
  both.shift_type_id = sc_shift_type_get_id (early);
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &both, &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &bad_day, &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-13-01"));
  g_clear_error (&error);

  /* Interval requirements come first on a day */
  list = sc_store_get_cover_requirements (store, sc_test_session (), "2026-12-07", "2026-12-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 0).id, ==, id2);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 0).start_minute, ==, 9 * 60);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 1).shift_type_id, ==, sc_shift_type_get_id (early));
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 1).skill_id, ==, sc_skill_get_id (chat));
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 1).under_weight, ==, 50);
  g_clear_pointer (&list, g_array_unref);

  /* Changed in place, then removed */
  interval.id = id2;
  interval.required = 6;
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &interval, &error), ==, id2);
  list = sc_store_get_cover_requirements (store, sc_test_session (), NULL, NULL, &error);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 0).required, ==, 6);
  g_clear_pointer (&list, g_array_unref);

  g_assert_true (sc_store_remove_cover_requirement (store, sc_test_session (), id1, &error));
  g_assert_false (sc_store_remove_cover_requirement (store, sc_test_session (), id1, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = sc_store_get_cover_requirements (store, sc_test_session (), "2026-12-08", NULL, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Cover requirements reach the solver: a shift type no forecast needs,
 * a language, and a minimum above the forecast's */
static void
test_cover_in_problem (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "cover-problem.db");
  g_autoptr(ScRosterInput) before = NULL;
  g_autoptr(ScRosterInput) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *first = g_date_time_format (monday, "%Y-%m-%d");
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;
  ScCoverRequirement night = { 0 }, english = { 0 }, peak = { 0 };
  gint64 english_id = 0, phone_id = 0;
  int phone, shift, n_covers;
  const ScRosterIntervalCover *at_ten = NULL;

  g_assert_true (sc_demo_populate (store, sc_test_session (), NULL, &error));
  types = sc_store_get_shift_types (store, &error);
  skills = sc_store_get_skills (store, &error);
  for (guint i = 0; i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);

      if (sc_skill_get_category (skill) == SC_SKILL_CATEGORY_LANGUAGE && english_id == 0 &&
          g_str_equal (sc_skill_get_name (skill), "English"))
        english_id = sc_skill_get_id (skill);
      if (sc_skill_get_category (skill) == SC_SKILL_CATEGORY_CHANNEL && phone_id == 0)
        phone_id = sc_skill_get_id (skill);
    }
  g_assert_cmpint (english_id, >, 0);

  before = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_roster_problem_find_shift_type (before->problem, "N"), <, 0);

  /* Two on the night shift on the first day; one English speaker at 10:00
   * on the second; 40 on the phone at 10:00 on the third */
  g_strlcpy (night.day, first, sizeof night.day);
  night.start_minute = -1;
  for (guint i = 0; i < types->len; i++)
    if (g_str_equal (sc_shift_type_get_code (g_ptr_array_index (types, i)), "N"))
      night.shift_type_id = sc_shift_type_get_id (g_ptr_array_index (types, i));
  night.required = 2;
  night.under_weight = 100;
  night.over_weight = 1;
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &night, &error), >, 0);

  english = night;
  {
    g_autoptr(GDateTime) second = g_date_time_add_days (monday, 1);
    g_autofree char *day = g_date_time_format (second, "%Y-%m-%d");
    g_strlcpy (english.day, day, sizeof english.day);
  }
  english.shift_type_id = 0;
  english.start_minute = 10 * 60;
  english.skill_id = english_id;
  english.required = 1;
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &english, &error), >, 0);

  peak = english;
  {
    g_autoptr(GDateTime) third = g_date_time_add_days (monday, 2);
    g_autofree char *day = g_date_time_format (third, "%Y-%m-%d");
    g_strlcpy (peak.day, day, sizeof peak.day);
  }
  peak.skill_id = phone_id;
  peak.required = 40;
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &peak, &error), >, 0);
  g_assert_no_error (error);

  after = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  g_assert_no_error (error);

  /* The night shift is in, with its cover on day 0 */
  shift = sc_roster_problem_find_shift_type (after->problem, "N");
  g_assert_cmpint (shift, >=, 0);
  g_assert_cmpuint (after->problem->covers->len, ==, before->problem->covers->len + 1);
  {
    const ScRosterCover *cover = &g_array_index (after->problem->covers, ScRosterCover, after->problem->covers->len - 1);

    g_assert_cmpint (cover->day, ==, 0);
    g_assert_cmpint (cover->shift, ==, shift);
    g_assert_cmpint (cover->skill, ==, SC_ROSTER_ANY);
    g_assert_cmpint (cover->required, ==, 2);
  }

  /* English became a skill of the problem: one more interval cover */
  g_assert_cmpuint (after->skill_ids->len, ==, before->skill_ids->len + 1);
  g_assert_cmpint (g_array_index (after->skill_ids, gint64, after->skill_ids->len - 1), ==, english_id);
  n_covers = after->problem->interval_covers->len;
  g_assert_cmpint (n_covers, ==, (int) before->problem->interval_covers->len + 1);

  /* The phone at 10:00 on day 2 asks for 40, more than the forecast */
  phone = -1;
  for (guint i = 0; i < after->skill_ids->len; i++)
    if (g_array_index (after->skill_ids, gint64, i) == phone_id)
      phone = i;
  for (int c = 0; c < n_covers; c++)
    {
      const ScRosterIntervalCover *cover = &g_array_index (after->problem->interval_covers, ScRosterIntervalCover, c);

      if (cover->start == 2 * 24 * 60 + 10 * 60 && cover->skill == phone)
        at_ten = cover;
    }
  g_assert_nonnull (at_ten);
  g_assert_cmpint (at_ten->required, ==, 40);
}

/* A skill only a certification proves: the uncertified do not count */
static void
test_certified_only (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "certified.db");
  g_autoptr(ScRosterInput) before = NULL;
  g_autoptr(ScRosterInput) after = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *first = g_date_time_format (monday, "%Y-%m-%d");
  g_autoptr(GArray) certified = NULL;
  g_autoptr(GError) error = NULL;
  gint64 phone_id;
  int bit, n_before = 0, n_after = 0, n_expected = 0;

  g_assert_true (sc_demo_populate (store, sc_test_session (), NULL, &error));
  before = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  g_assert_no_error (error);

  /* The first channel of the problem */
  bit = 0;
  phone_id = g_array_index (before->skill_ids, gint64, bit);
  for (int p = 0; p < before->problem->n_people; p++)
    n_before += (before->problem->people[p].skills >> bit) & 1;
  g_assert_cmpint (n_before, >, 0);

  g_assert_true (sc_store_set_skill_certified_only (store, sc_test_session (), phone_id, TRUE, &error));
  g_assert_no_error (error);
  certified = sc_store_get_certified_people (store, phone_id, SC_LEVEL_JUNIOR, first, &error);
  g_assert_no_error (error);

  after = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  g_assert_no_error (error);
  for (int p = 0; p < after->problem->n_people; p++)
    {
      gint64 id = g_array_index (after->person_ids, gint64, p);
      gboolean holds = (before->problem->people[p].skills >> bit) & 1;
      gboolean is_certified = FALSE;

      for (guint i = 0; i < certified->len; i++)
        is_certified |= g_array_index (certified, gint64, i) == id;
      n_expected += holds && is_certified;
      n_after += (after->problem->people[p].skills >> bit) & 1;
      if ((after->problem->people[p].skills >> bit) & 1)
        g_assert_true (is_certified);
    }
  g_assert_cmpint (n_after, ==, n_expected);
  g_assert_cmpint (n_after, <, n_before);

  /* And back */
  g_assert_true (sc_store_set_skill_certified_only (store, sc_test_session (), phone_id, FALSE, &error));
  g_clear_pointer (&after, sc_roster_input_free);
  after = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  n_after = 0;
  for (int p = 0; p < after->problem->n_people; p++)
    n_after += (after->problem->people[p].skills >> bit) & 1;
  g_assert_cmpint (n_after, ==, n_before);
}

static void
test_roster_from_store (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "roster.db");
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *first = g_date_time_format (monday, "%Y-%m-%d");
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterSolverOptions options;
  ScRosterSolution *solution;
  gint64 roster_id;
  guint n_shifts;

  g_assert_true (sc_demo_populate (store, sc_test_session (), NULL, &error));

  g_assert_null (sc_store_build_roster_input (store, sc_test_session (), "2026-02-30", 7, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  input = sc_store_build_roster_input (store, sc_test_session (), first, 7, &error);
  g_assert_no_error (error);

  /* 44 agents and 8 technical support; supervisors and trainers are not rostered */
  g_assert_cmpint (input->problem->n_people, ==, 52);
  g_assert_cmpuint (input->skill_ids->len, ==, 3);
  /* The night shift meets no demand (the channels close at 22:00) and is left out */
  g_assert_cmpint (input->problem->n_shift_types, ==, 4);
  g_assert_cmpint (sc_roster_problem_find_shift_type (input->problem, "N"), <, 0);
  /* Phone and chat 08:00–22:00, email 08:00–20:00, every half hour, 7 days */
  g_assert_cmpuint (input->problem->interval_covers->len, ==, 7 * (28 + 28 + 24));
  g_assert_cmpfloat (input->required_person_intervals, >, 0);
  /* A week of a 36–44 hour contract */
  g_assert_cmpint (input->problem->people[0].max_minutes, ==, 44 * 60);

  sc_roster_solver_options_init (&options);
  options.max_iterations = 2000;
  options.time_limit = 0;
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, NULL);
  roster_id = sc_store_save_roster_solution (store, sc_test_session (), input, solution, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (roster_id, >, 0);

  n_shifts = 0;
  for (int p = 0; p < solution->n_people; p++)
    for (int d = 0; d < solution->n_days; d++)
      n_shifts += sc_roster_solution_get (solution, p, d) != SC_ROSTER_OFF;
  g_assert_cmpuint (n_shifts, >, 100);
  g_assert_cmpuint (sc_store_count_roster_shifts (store, sc_test_session (), roster_id, 0, &error), ==, n_shifts);

  /* An agent sees their own shifts only */
  agent = sc_session_new (0, g_array_index (input->person_ids, gint64, 0), SC_ACCOUNT_ROLE_AGENT, "agent");
  g_assert_cmpuint (sc_store_count_roster_shifts (store, agent, roster_id, g_array_index (input->person_ids, gint64, 1), &error), ==, 0);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  sc_store_count_roster_shifts (store, agent, roster_id, g_array_index (input->person_ids, gint64, 0), &error);
  g_assert_no_error (error);

  sc_roster_solution_free (solution);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/planning/shift-types", test_shift_types);
  g_test_add_func ("/core/planning/targets-and-forecasts", test_targets_and_forecasts);
  g_test_add_func ("/core/planning/cover-requirements", test_cover_requirements);
  g_test_add_func ("/core/planning/cover-in-problem", test_cover_in_problem);
  g_test_add_func ("/core/planning/certified-only", test_certified_only);
  g_test_add_func ("/core/planning/roster-from-store", test_roster_from_store);

  return g_test_run ();
}
