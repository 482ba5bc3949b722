/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-nrp.h"
#include "sc-roster-score.h"
#include "sc-roster-solver.h"
#include "sc-roster-test-util.h"

static ScRosterProblem *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nrp", name, NULL);

  return sc_nrp_load (path, error);
}

static void
test_nrp_tiny (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterProblem) problem = load ("tiny.txt", &error);
  const ScRosterPerson *b;
  int early, late;

  g_assert_no_error (error);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->n_days, ==, 7);
  g_assert_cmpint (problem->first_weekday, ==, G_DATE_MONDAY);
  g_assert_cmpint (problem->n_shift_types, ==, 2);
  g_assert_cmpint (problem->n_people, ==, 3);
  early = sc_roster_problem_find_shift_type (problem, "E");
  late = sc_roster_problem_find_shift_type (problem, "L");
  g_assert_cmpint (early, ==, 0);
  g_assert_cmpint (late, ==, 1);
  g_assert_cmpint (problem->shift_types[late].length, ==, 480);
  g_assert_true (sc_roster_problem_is_forbidden (problem, late, early));
  g_assert_false (sc_roster_problem_is_forbidden (problem, early, late));
  g_assert_false (sc_roster_problem_is_forbidden (problem, late, late));

  b = &problem->people[sc_roster_problem_find_person (problem, "B")];
  g_assert_cmpstr (b->id, ==, "B");
  g_assert_cmpint (b->max_minutes, ==, 2400);
  g_assert_cmpint (b->min_minutes, ==, 1920);
  g_assert_cmpint (b->max_consecutive_work, ==, 3);
  g_assert_cmpint (b->min_consecutive_work, ==, 2);
  g_assert_cmpint (b->min_consecutive_off, ==, 2);
  g_assert_cmpint (b->max_weekends, ==, 1);
  g_assert_cmpint (problem->max_shifts[1 * 2 + late], ==, 3);
  g_assert_cmpint (problem->max_shifts[1 * 2 + early], ==, 7);

  g_assert_true (problem->unavailable[0 * 7 + 0]);
  g_assert_false (problem->unavailable[0 * 7 + 1]);
  g_assert_cmpint (problem->requests->len, ==, 5);
  g_assert_cmpint (g_array_index (problem->requests, ScRosterRequest, 2).weight, ==, 3);
  g_assert_true (g_array_index (problem->requests, ScRosterRequest, 2).on);
  g_assert_false (g_array_index (problem->requests, ScRosterRequest, 3).on);
  g_assert_cmpint (problem->covers->len, ==, 14);
  g_assert_cmpint (g_array_index (problem->covers, ScRosterCover, 2).required, ==, 2);
  g_assert_cmpint (g_array_index (problem->covers, ScRosterCover, 2).under_weight, ==, 100);
}

static void
test_nrp_bad_files (void)
{
  static const struct {
    const char *file;
    int         code;
    const char *needle;
  } cases[] = {
    { "bad-unknown-shift.txt", SC_NRP_ERROR_INVALID, "Line 41: shift “N”" },
    { "bad-number.txt", SC_NRP_ERROR_SYNTAX, "Line 14: MinTotalMinutes “19x0”" },
    { "bad-day.txt", SC_NRP_ERROR_INVALID, "Line 19: day “7”" },
    { "bad-unknown-employee.txt", SC_NRP_ERROR_INVALID, "Line 25: employee “Z”" },
    { "bad-no-staff.txt", SC_NRP_ERROR_INVALID, "SECTION_STAFF" },
    { "bad-outside-section.txt", SC_NRP_ERROR_SYNTAX, "Line 1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScRosterProblem) problem = load (cases[i].file, &error);

      g_test_message ("%s: %s", cases[i].file, error ? error->message : "(no error)");
      g_assert_null (problem);
      g_assert_error (error, SC_NRP_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, cases[i].file));
    }
}

static void
test_nrp_parse_strings (void)
{
  static const struct {
    const char *text;
    const char *needle;
  } cases[] = {
    { "SECTION_HORIZON\n0\n", "Line 2:" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,0,\n", "Line 4:" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,X\n", "Line 4: shift “X”" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=1,1,1,1,1,1\n", "Line 6:" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D1,1,1,1,1,1,1\n", "Line 6: MaxShifts" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nD,480,\n", "Line 5: shift “D” is listed twice" },
    { "SECTION_HORIZON\n7\nSECTION_NOPE\n", "Line 3: unknown section" },
    { "SECTION_HORIZON\r\n7\r\nSECTION_HORIZON\r\n", "Line 3:" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=1,1,1,1,1,1,1\n"
      "SECTION_COVER\n0,D,-1,100,1\n", "Line 8: Requirement “-1”" },
    { "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=1,1,1,1,1,1,1\n"
      "SECTION_COVER\n0,D,-,100,1\n", "Line 8: Requirement “-”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScRosterProblem) problem = sc_nrp_parse (cases[i].text, -1, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (problem);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* The published Instance 15 writes two requirements as “-0” */
static void
test_nrp_minus_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterProblem) problem = NULL;

  problem = sc_nrp_parse ("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\n"
                          "SECTION_STAFF\nA,D=1,1,1,1,1,1,1\n"
                          "SECTION_COVER\n0,D,-0,100,1\n1,D,2,100,1\n", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->covers->len, ==, 2);
  g_assert_cmpint (g_array_index (problem->covers, ScRosterCover, 0).required, ==, 0);
  g_assert_cmpint (g_array_index (problem->covers, ScRosterCover, 1).required, ==, 2);
}

static void
test_nrp_roster_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterProblem) problem = load ("tiny.txt", &error);
  g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);
  g_autoptr(ScRosterSolution) back = NULL;
  g_autofree char *text = NULL;

  sc_roster_solution_set (solution, 0, 1, 0);
  sc_roster_solution_set (solution, 2, 6, 1);
  text = sc_nrp_format_roster (problem, solution);
  g_assert_cmpstr (text, ==, "A,1,E\nC,6,L\n");
  back = sc_nrp_parse_roster (problem, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (sc_roster_solution_equal (solution, back));

  g_clear_pointer (&back, sc_roster_solution_free);
  back = sc_nrp_parse_roster (problem, "A,1,E\nA,1,L\n", -1, &error);
  g_assert_null (back);
  g_assert_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2:"));
}

/* The solver reaches the optimum of the tiny instance, checked by enumeration */
static void
test_nrp_tiny_optimum (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterProblem) problem = load ("tiny.txt", &error);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  ScRosterSolverOptions options;
  gint64 optimum;

  optimum = sc_test_brute_force_optimum (problem);
  g_test_message ("optimum by enumeration: %" G_GINT64_FORMAT, optimum);
  g_assert_cmpint (optimum, <, G_MAXINT64);

  sc_roster_solver_options_init (&options);
  options.time_limit = 5;
  options.max_iterations = 3000;
  solution = sc_roster_solve (problem, NULL, &options, NULL, NULL);
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_assert_cmpint (score->objective, ==, optimum);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/nrp/tiny", test_nrp_tiny);
  g_test_add_func ("/formats/nrp/bad-files", test_nrp_bad_files);
  g_test_add_func ("/formats/nrp/bad-strings", test_nrp_parse_strings);
  g_test_add_func ("/formats/nrp/minus-zero", test_nrp_minus_zero);
  g_test_add_func ("/formats/nrp/roster-round-trip", test_nrp_roster_round_trip);
  g_test_add_func ("/formats/nrp/tiny-optimum", test_nrp_tiny_optimum);

  return g_test_run ();
}
