/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sc-demo.h"
#include "sc-nrp.h"
#include "sc-roster-input.h"
#include "sc-roster-problem.h"
#include "sc-roster-score.h"
#include "sc-roster-solver.h"
#include "sc-roster-test-util.h"
#include "sc-test-util.h"

#define OFF SC_ROSTER_OFF

/* A day shift "D" (08:00, 8 h) and a night shift "N" (22:00, 8 h) */
static ScRosterProblem *
make_problem (int n_days,
              int n_people)
{
  ScRosterProblem *problem = sc_roster_problem_new (n_days, G_DATE_MONDAY);

  sc_roster_problem_add_shift_type (problem, "D", 8 * 60, 480);
  sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 480);
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      sc_roster_problem_add_person (problem, id);
    }
  return problem;
}

/* One string per person: '.' off, 'D' or 'N' */
static ScRosterSolution *
make_roster (const ScRosterProblem *problem,
             const char * const    *rows)
{
  ScRosterSolution *solution = sc_roster_solution_new_for_problem (problem);

  for (int p = 0; p < problem->n_people; p++)
    {
      g_assert_cmpint ((int) strlen (rows[p]), ==, problem->n_days);
      for (int d = 0; d < problem->n_days; d++)
        sc_roster_solution_set (solution, p, d,
                                rows[p][d] == '.' ? OFF : sc_roster_problem_find_shift_type (problem,
                                                                                           (char[]) { rows[p][d], 0 }));
    }
  return solution;
}

static const ScRosterViolation *
lookup_entry (const ScRosterScore *score,
              ScRosterRule         rule,
              int                  person)
{
  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (v->rule == rule && v->person == person)
        return v;
    }
  return NULL;
}

static const ScRosterViolation *
find_entry (const ScRosterScore *score,
            ScRosterRule         rule,
            int                  person)
{
  const ScRosterViolation *v = lookup_entry (score, rule, person);

  if (v == NULL)
    g_error ("no %s entry for person %d", sc_roster_rule_get_name (rule), person);
  return v;
}

/* The entries of a rule add up to its total */
static void
assert_entries_add_up (const ScRosterScore *score)
{
  gint64 total[SC_ROSTER_N_RULES] = { 0 };
  gint64 objective = 0;

  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      total[v->rule] += v->cost;
      if (!sc_roster_rule_is_hard (v->rule))
        objective += v->cost;
    }
  for (int r = 0; r < SC_ROSTER_N_RULES; r++)
    g_assert_cmpint (total[r], ==, score->total[r]);
  g_assert_cmpint (objective, ==, score->objective);
}

static void
test_night_flag (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (7, G_DATE_MONDAY);
  int early = sc_roster_problem_add_shift_type (problem, "E", 7 * 60, 510);
  int late = sc_roster_problem_add_shift_type (problem, "L", 13 * 60 + 30, 510);
  int evening = sc_roster_problem_add_shift_type (problem, "V", 20 * 60, 180);
  int night = sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 540);

  /* crossing midnight or starting at 20:00 or later */
  g_assert_false (problem->shift_types[early].night);
  g_assert_false (problem->shift_types[late].night);   /* ends at 22:00 */
  g_assert_true (problem->shift_types[evening].night);
  g_assert_true (problem->shift_types[night].night);
  sc_roster_problem_set_night (problem, evening, FALSE);
  g_assert_false (problem->shift_types[evening].night);
  g_assert_false (sc_roster_problem_has_fairness (problem));
}

/* Three people with 0, 2 and 4 nights: average 2, squared deviations
 * 4 + 0 + 4 = 8, weight 10: 80, half of it on each of the outer two */
static void
test_nights_by_hand (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (7, 3);
  const char *rows[] = { "DDDDD..", "NN.DDD.", "NNNN..." };
  g_autoptr(ScRosterSolution) solution = make_roster (problem, rows);
  g_autoptr(ScRosterScore) off = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  off = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (off->objective, ==, 0);
  g_assert_cmpint (off->count[SC_ROSTER_RULE_NIGHTS_SPREAD], ==, 0);

  sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_NIGHTS, 10);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->objective, ==, 80);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_NIGHTS_SPREAD], ==, 80);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_NIGHTS_SPREAD], ==, 2);
  g_assert_cmpint (score->hard_violations, ==, 0);

  v = find_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 0);
  g_assert_cmpint (v->amount, ==, 0);
  g_assert_cmpint (v->cost, ==, 40);
  g_assert_cmpfloat_with_epsilon (v->expected, 2.0, 1e-9);
  g_assert_cmpint (v->day, ==, -1);
  g_assert_null (lookup_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 1));
  v = find_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 2);
  g_assert_cmpint (v->amount, ==, 4);
  g_assert_cmpint (v->cost, ==, 40);
  assert_entries_add_up (score);
}

/* 1, 2 and 4 nights: average 7/3, deviations² 16/9 + 1/9 + 25/9 = 42/9 =
 * 4.67, weight 3: 14 exactly; the entries 5.33 + 0.33 + 8.33 are rounded
 * down to 5 + 0 + 8 and the remaining 1 goes to the largest remainder
 * (ties: the first person) */
static void
test_nights_apportioned (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (7, 3);
  const char *rows[] = { "N......", "NN.....", "NNNN..." };
  g_autoptr(ScRosterSolution) solution = make_roster (problem, rows);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_NIGHTS, 3);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->objective, ==, 14);
  g_assert_cmpint (find_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 0)->cost, ==, 6);
  g_assert_cmpint (find_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 2)->cost, ==, 8);
  g_assert_null (lookup_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 1));
  assert_entries_add_up (score);
}

/* Groups are compared separately; someone who may work no night shift and
 * someone away half the time get a share in proportion */
static void
test_groups_and_shares (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (8, 5);
  /* group 0: P0, P1 (P1 away 4 of 8 days: half the share); group 1: P2,
   * P3 and P4, who may not work nights */
  const char *rows[] = { "NN......", "NNNN....", "NNN.....", "NNN.....", "DDDD...." };
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  for (int d = 4; d < 8; d++)
    sc_roster_problem_set_unavailable (problem, 1, d);
  for (int p = 2; p < 5; p++)
    sc_roster_problem_get_person (problem, p)->fairness_group = 1;
  sc_roster_problem_set_max_shifts (problem, 4, 1, 0);
  sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_NIGHTS, 9);
  solution = make_roster (problem, rows);

  /* group 0: shares 8 and 4 of 12, 6 nights: fair shares 4 and 2,
   * deviations −2 and +2: 9 × 8 = 72; group 1: P2 and P3 equal, P4 out */
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_assert_cmpint (score->objective, ==, 72);
  v = find_entry (score, SC_ROSTER_RULE_NIGHTS_SPREAD, 1);
  g_assert_cmpint (v->amount, ==, 4);
  g_assert_cmpfloat_with_epsilon (v->expected, 2.0, 1e-9);
  g_assert_cmpint (v->index, ==, 0);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_NIGHTS_SPREAD], ==, 2);
  assert_entries_add_up (score);
}

/* Weekends: 0, 1 and 2 of two weekends worked, average 1, weight 10: 20 */
static void
test_weekends_by_hand (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (14, 3);
  const char *rows[] = {
    "DDDDD.....DD..",
    "DDDDD.DDDDDD..",   /* the first Sunday */
    "DDDDDD.DDDDDD.",   /* both Saturdays */
  };
  g_autoptr(ScRosterSolution) solution = make_roster (problem, rows);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_WEEKENDS, 10);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->objective, ==, 20);
  g_assert_cmpint (find_entry (score, SC_ROSTER_RULE_WEEKENDS_SPREAD, 0)->amount, ==, 0);
  g_assert_cmpint (find_entry (score, SC_ROSTER_RULE_WEEKENDS_SPREAD, 0)->cost, ==, 10);
  g_assert_null (lookup_entry (score, SC_ROSTER_RULE_WEEKENDS_SPREAD, 1));
  g_assert_cmpint (find_entry (score, SC_ROSTER_RULE_WEEKENDS_SPREAD, 2)->amount, ==, 2);
  assert_entries_add_up (score);
}

/* Hours against contracts of 40 and 20 hours (targets 2400 and 1200
 * minutes): 32 and 24 hours worked share 56 hours as 37.33 and 18.67, so
 * both are 5.33 hours off: 2 × (16/3)² = 56.9 h², weight 1: 57 */
static void
test_hours_by_hand (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (7, 2);
  const char *rows[] = { "DDDD...", "DDD...." };
  g_autoptr(ScRosterSolution) solution = make_roster (problem, rows);
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  /* the middle of 36 and 44 hours is 40; a target given outright wins */
  sc_roster_problem_get_person (problem, 0)->min_minutes = 36 * 60;
  sc_roster_problem_get_person (problem, 0)->max_minutes = 44 * 60;
  sc_roster_problem_get_person (problem, 1)->fairness_target = 20 * 60;
  g_assert_cmpint (sc_roster_problem_get_fairness_target (problem, 0), ==, 2400);
  g_assert_cmpint (sc_roster_problem_get_fairness_target (problem, 1), ==, 1200);
  sc_roster_problem_get_person (problem, 0)->min_minutes = 0;
  sc_roster_problem_get_person (problem, 0)->max_minutes = SC_ROSTER_NO_LIMIT;
  g_assert_cmpint (sc_roster_problem_get_fairness_target (problem, 0), ==, 0);
  sc_roster_problem_get_person (problem, 0)->fairness_target = 40 * 60;
  sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_HOURS, 1);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_assert_cmpint (score->objective, ==, 57);
  v = find_entry (score, SC_ROSTER_RULE_HOURS_SPREAD, 0);
  g_assert_cmpint (v->amount, ==, 32 * 60);
  g_assert_cmpfloat_with_epsilon (v->expected, 56 * 60 * 2 / 3.0, 1e-6);
  assert_entries_add_up (score);
}

static void
test_describe (void)
{
  ScRosterViolation nights = { SC_ROSTER_RULE_NIGHTS_SPREAD, 0, -1, 0, 6, 80, 3.2 };
  ScRosterViolation one = { SC_ROSTER_RULE_WEEKENDS_SPREAD, 0, -1, 0, 1, 10, 2.0 };
  ScRosterViolation hours = { SC_ROSTER_RULE_HOURS_SPREAD, 0, -1, 0, 168 * 60, 60, 152.5 * 60 };
  ScRosterViolation other = { SC_ROSTER_RULE_SHIFT_ON_REQUEST, 0, 2, 0, 1, 1, 0 };
  g_autofree char *a = sc_roster_violation_describe_spread (&nights, "Li Na");
  g_autofree char *b = sc_roster_violation_describe_spread (&one, "Li Na");
  g_autofree char *c = sc_roster_violation_describe_spread (&hours, "Li Na");

  g_assert_cmpstr (a, ==, "Nights spread: Li Na 6 nights, fair share 3.2");
  g_assert_cmpstr (b, ==, "Weekends spread: Li Na 1 weekend worked, fair share 2.0");
  g_assert_cmpstr (c, ==, "Hours spread: Li Na 168.0 h worked, fair share 152.5 h");
  g_assert_null (sc_roster_violation_describe_spread (&other, "Li Na"));
  g_assert_true (sc_roster_rule_is_spread (SC_ROSTER_RULE_HOURS_SPREAD));
  g_assert_false (sc_roster_rule_is_hard (SC_ROSTER_RULE_NIGHTS_SPREAD));
  g_assert_cmpstr (sc_roster_rule_get_name (SC_ROSTER_RULE_NIGHTS_SPREAD), ==, "nights-spread");
}

/* A random problem with every fairness term, groups, time off, holidays
 * and cover */
static ScRosterProblem *
random_problem (GRand *rand)
{
  int D = g_rand_int_range (rand, 7, 22);
  int P = g_rand_int_range (rand, 2, 9);
  int T = g_rand_int_range (rand, 1, 4);
  ScRosterProblem *problem = sc_roster_problem_new (D, g_rand_int_range (rand, 1, 8));

  for (int t = 0; t < T; t++)
    {
      g_autofree char *id = g_strdup_printf ("T%d", t);

      sc_roster_problem_add_shift_type (problem, id, g_rand_int_range (rand, 0, 48) * 30,
                                        g_rand_int_range (rand, 8, 20) * 30);
    }
  for (int p = 0; p < P; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      ScRosterPerson *pp;

      sc_roster_problem_add_person (problem, id);
      pp = sc_roster_problem_get_person (problem, p);
      pp->fairness_group = g_rand_int_range (rand, 0, 3);
      if (g_rand_boolean (rand))
        {
          pp->min_minutes = g_rand_int_range (rand, 0, D * 200);
          pp->max_minutes = pp->min_minutes + g_rand_int_range (rand, 0, D * 300);
        }
      else if (g_rand_boolean (rand))
        pp->fairness_target = g_rand_int_range (rand, 1, D * 400);
      pp->max_weekends = g_rand_int_range (rand, 0, 4);
      for (int t = 0; t < T; t++)
        if (g_rand_int_range (rand, 0, 5) == 0)
          sc_roster_problem_set_max_shifts (problem, p, t, g_rand_int_range (rand, 0, 3));
      for (int d = 0; d < D; d++)
        if (g_rand_int_range (rand, 0, 6) == 0)
          sc_roster_problem_set_unavailable (problem, p, d);
    }
  for (int d = 0; d < D; d++)
    {
      if (g_rand_int_range (rand, 0, 8) == 0)
        sc_roster_problem_set_day_kind (problem, d, g_rand_int_range (rand, 0, 3));
      for (int t = 0; t < T; t++)
        sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, g_rand_int_range (rand, 0, 3),
                                     g_rand_int_range (rand, 1, 100), g_rand_int_range (rand, 0, 5));
    }
  for (int t = 0; t < T; t++)
    if (g_rand_int_range (rand, 0, 3) == 0)
      sc_roster_problem_set_night (problem, t, !problem->shift_types[t].night);
  for (int k = 0; k < SC_ROSTER_N_FAIR; k++)
    sc_roster_problem_set_fairness (problem, k, g_rand_int_range (rand, 0, 4) == 0 ? 0
                                                                                     : g_rand_int_range (rand, 1, 50));
  return problem;
}

static void
assert_eval_matches (ScRosterEval          *eval,
                     const ScRosterProblem *problem)
{
  g_autoptr(ScRosterScore) score = sc_roster_score_compute (problem, sc_roster_eval_get_solution (eval), TRUE);

  g_assert_cmpint (sc_roster_eval_get_objective (eval), ==, score->objective);
  g_assert_cmpint (sc_roster_eval_get_hard_violations (eval), ==, score->hard_violations);
  assert_entries_add_up (score);
}

/* Every delta equals the difference of two full scores, over random
 * changes, swaps and whole rows */
static void
test_delta_equals_full (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (int round = 0; round < 60; round++)
    {
      g_autoptr(ScRosterProblem) problem = random_problem (rand);
      g_autoptr(ScRosterSolution) start = sc_roster_solution_new_for_problem (problem);
      g_autoptr(ScRosterEval) eval = NULL;
      int D = problem->n_days, P = problem->n_people, T = problem->n_shift_types;

      for (int p = 0; p < P; p++)
        for (int d = 0; d < D; d++)
          sc_roster_solution_set (start, p, d, g_rand_int_range (rand, -1, T));
      eval = sc_roster_eval_new (problem, start);
      assert_eval_matches (eval, problem);

      for (int move = 0; move < 150; move++)
        {
          gint64 before = sc_roster_eval_get_objective (eval);
          gint64 d_hard, d_obj;
          int kind = g_rand_int_range (rand, 0, 10);

          if (kind < 6)
            {
              int p = g_rand_int_range (rand, 0, P), d = g_rand_int_range (rand, 0, D);
              int v = g_rand_int_range (rand, -1, T);

              sc_roster_eval_delta_change (eval, p, d, v, &d_hard, &d_obj);
              g_assert_cmpint (sc_roster_eval_get_objective (eval), ==, before);
              sc_roster_eval_apply_change (eval, p, d, v);
            }
          else if (kind < 9)
            {
              int a = g_rand_int_range (rand, 0, P), b = (a + g_rand_int_range (rand, 1, P)) % P;
              int first = g_rand_int_range (rand, 0, D), last = g_rand_int_range (rand, first, D);

              sc_roster_eval_delta_swap (eval, a, b, first, last, &d_hard, &d_obj);
              g_assert_cmpint (sc_roster_eval_get_objective (eval), ==, before);
              sc_roster_eval_apply_swap (eval, a, b, first, last);
            }
          else
            {
              g_autofree gint8 *row = g_new (gint8, D);
              int p = g_rand_int_range (rand, 0, P);

              for (int d = 0; d < D; d++)
                row[d] = (gint8) g_rand_int_range (rand, -1, T);
              sc_roster_eval_apply_row (eval, p, row);
              d_obj = sc_roster_eval_get_objective (eval) - before;
            }
          g_assert_cmpint (sc_roster_eval_get_objective (eval) - before, ==, d_obj);
          if (move % 10 == 0)
            assert_eval_matches (eval, problem);
        }
      assert_eval_matches (eval, problem);
    }
}

/* The Curtois benchmark has no fairness: the objective of any roster is
 * its cover and request costs, as the benchmark counts them */
static void
test_nrp_unchanged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "nrp", "tiny.txt", NULL);
  g_autoptr(ScRosterProblem) problem = sc_nrp_load (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_no_error (error);
  g_assert_false (sc_roster_problem_has_fairness (problem));
  for (int k = 0; k < SC_ROSTER_N_FAIR; k++)
    g_assert_cmpint (problem->fairness_weight[k], ==, 0);

  for (int round = 0; round < 200; round++)
    {
      g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);
      g_autoptr(ScRosterScore) score = NULL;
      gint64 expected = 0;

      for (int p = 0; p < problem->n_people; p++)
        for (int d = 0; d < problem->n_days; d++)
          sc_roster_solution_set (solution, p, d, g_rand_int_range (rand, -1, problem->n_shift_types));

      for (guint i = 0; i < problem->covers->len; i++)
        {
          const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, i);
          int n = 0;

          for (int p = 0; p < problem->n_people; p++)
            n += sc_roster_solution_get (solution, p, c->day) == c->shift;
          expected += n < c->required ? (gint64) (c->required - n) * c->under_weight
                                      : (gint64) (n - c->required) * c->over_weight;
        }
      for (guint i = 0; i < problem->requests->len; i++)
        {
          const ScRosterRequest *r = &g_array_index (problem->requests, ScRosterRequest, i);
          int v = sc_roster_solution_get (solution, r->person, r->day);

          if (r->on != (v == r->shift))
            expected += r->weight;
        }

      score = sc_roster_score_compute (problem, solution, TRUE);
      g_assert_cmpint (score->objective, ==, expected);
      g_assert_cmpint (score->count[SC_ROSTER_RULE_NIGHTS_SPREAD] + score->count[SC_ROSTER_RULE_WEEKENDS_SPREAD] +
                       score->count[SC_ROSTER_RULE_HOURS_SPREAD], ==, 0);
    }
}

/* Four people, one night to cover every day of two weeks, nothing else to
 * choose between them: with the nights term the solver shares the 14
 * nights 4, 4, 3, 3 */
static void
test_solver_spreads_nights (void)
{
  for (int weighted = 0; weighted < 2; weighted++)
    {
      g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (14, G_DATE_MONDAY);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      ScRosterSolverOptions options;
      int night, low = G_MAXINT, high = 0;

      night = sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 480);
      for (int p = 0; p < 4; p++)
        {
          g_autofree char *id = g_strdup_printf ("P%d", p);
          sc_roster_problem_add_person (problem, id);
        }
      for (int d = 0; d < 14; d++)
        sc_roster_problem_add_cover (problem, d, night, SC_ROSTER_ANY, 1, 100, 100);
      /* without fairness, someone who likes nights gets them all */
      for (int d = 0; d < 14; d++)
        sc_roster_problem_add_request (problem, 0, d, night, TRUE, 1);
      if (weighted)
        sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_NIGHTS, 10);

      sc_roster_solver_options_init (&options);
      options.max_iterations = 400;
      options.time_limit = 30;
      solution = sc_roster_solve (problem, NULL, &options, NULL, NULL);
      score = sc_roster_score_compute (problem, solution, TRUE);
      g_assert_cmpint (score->hard_violations, ==, 0);
      g_assert_cmpint (score->total[SC_ROSTER_RULE_COVER_UNDER] + score->total[SC_ROSTER_RULE_COVER_OVER], ==, 0);
      for (int p = 0; p < 4; p++)
        {
          int n = 0;

          for (int d = 0; d < 14; d++)
            n += sc_roster_solution_get (solution, p, d) == night;
          low = MIN (low, n);
          high = MAX (high, n);
        }
      g_test_message ("weighted %d: nights per person %d to %d, objective %" G_GINT64_FORMAT,
                      weighted, low, high, score->objective);
      if (weighted)
        {
          /* 4, 4, 3, 3 with P0 holding 4: 10 × 4 × 0.25 = 10 for nights, 10 for wishes */
          g_assert_cmpint (high - low, <=, 1);
          g_assert_cmpint (score->objective, ==, 20);
        }
      else
        {
          g_assert_cmpint (high, ==, 14);
          g_assert_cmpint (score->objective, ==, 0);
        }
    }
}

/* No single person's row can be replaced by a better one */
static void
assert_row_optimal (const ScRosterProblem  *problem,
                    const ScRosterSolution *solution)
{
  g_autoptr(ScRosterEval) eval = sc_roster_eval_new (problem, solution);
  gint64 objective = sc_roster_eval_get_objective (eval);

  for (int p = 0; p < problem->n_people; p++)
    {
      g_autoptr(GArray) rows = sc_test_feasible_rows (problem, p);
      g_autofree gint8 *own = g_memdup2 (solution->cells + (gsize) p * problem->n_days, problem->n_days);

      for (guint i = 0; i < rows->len; i++)
        {
          sc_roster_eval_apply_row (eval, p, (const gint8 *) rows->data + (gsize) i * problem->n_days);
          if (sc_roster_eval_get_hard_violations (eval) == 0)
            g_assert_cmpint (sc_roster_eval_get_objective (eval), >=, objective);
        }
      sc_roster_eval_apply_row (eval, p, own);
    }
}

/* On small problems with fairness, the solver's roster is at least as good
 * as any that changes one person's row (the row search counts fairness
 * exactly), and mostly the optimum that enumeration finds: fairness ties
 * people together, and a few optima need several people to change at once */
static void
test_solver_optimum (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  int misses = 0;

  for (int round = 0; round < 20; round++)
    {
      g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (4, G_DATE_FRIDAY);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      ScRosterSolverOptions options;
      gint64 optimum;

      sc_roster_problem_add_shift_type (problem, "D", 9 * 60, 480);
      sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 480);
      for (int p = 0; p < 3; p++)
        {
          g_autofree char *id = g_strdup_printf ("P%d", p);

          sc_roster_problem_add_person (problem, id);
          sc_roster_problem_get_person (problem, p)->max_minutes = g_rand_int_range (rand, 2, 4) * 480;
          sc_roster_problem_get_person (problem, p)->min_minutes = 480;
        }
      for (int d = 0; d < 4; d++)
        for (int t = 0; t < 2; t++)
          sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, g_rand_int_range (rand, 0, 2), 100, 5);
      sc_roster_problem_add_request (problem, g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 4), 1,
                                     TRUE, 4);
      sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_NIGHTS, g_rand_int_range (rand, 1, 11));
      sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_WEEKENDS, g_rand_int_range (rand, 1, 11));
      sc_roster_problem_set_fairness (problem, SC_ROSTER_FAIR_HOURS, g_rand_int_range (rand, 1, 3));

      optimum = sc_test_brute_force_optimum (problem);
      g_assert_cmpint (optimum, <, G_MAXINT64);

      sc_roster_solver_options_init (&options);
      options.seed = round + 1;
      options.max_iterations = 600;
      options.time_limit = 30;
      solution = sc_roster_solve (problem, NULL, &options, NULL, NULL);
      score = sc_roster_score_compute (problem, solution, FALSE);
      g_test_message ("round %d: optimum %" G_GINT64_FORMAT ", solver %" G_GINT64_FORMAT,
                      round, optimum, score->objective);
      g_assert_cmpint (score->hard_violations, ==, 0);
      assert_row_optimal (problem, solution);
      if (score->objective != optimum)
        misses++;
    }
  g_assert_cmpint (misses, <=, 4);
}

/* From the store: people on the same contract in one group, the night
 * category as the night flag, the default weights */
static void
test_store_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "fairness.db");
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(ScRosterInput) input = NULL;
  const ScRosterProblem *pb;
  ScCoverRequirement night = { 0, };
  int groups = 0;

  g_assert_true (sc_demo_populate_from (store, sc_test_session (), "2026-11-30", NULL, &error));
  g_assert_no_error (error);
  types = sc_store_get_shift_types (store, &error);
  for (guint i = 0; i < types->len; i++)
    if (sc_shift_type_get_category (g_ptr_array_index (types, i)) == SC_SHIFT_CATEGORY_NIGHT)
      night.shift_type_id = sc_shift_type_get_id (g_ptr_array_index (types, i));
  g_assert_cmpint (night.shift_type_id, >, 0);
  g_strlcpy (night.day, "2026-11-30", sizeof night.day);
  night.start_minute = -1;
  night.required = 2;
  night.under_weight = 100;
  night.over_weight = 1;
  g_assert_cmpint (sc_store_save_cover_requirement (store, sc_test_session (), &night, &error), >, 0);

  input = sc_store_build_roster_input (store, sc_test_session (), "2026-11-30", 7, &error);
  g_assert_no_error (error);
  pb = input->problem;

  g_assert_cmpint (pb->fairness_weight[SC_ROSTER_FAIR_NIGHTS], ==, 30);
  g_assert_cmpint (pb->fairness_weight[SC_ROSTER_FAIR_WEEKENDS], ==, 10);
  g_assert_cmpint (pb->fairness_weight[SC_ROSTER_FAIR_HOURS], ==, 1);

  for (int t = 0; t < pb->n_shift_types; t++)
    {
      g_test_message ("%s: night %d", pb->shift_types[t].id, pb->shift_types[t].night);
      g_assert_cmpint (pb->shift_types[t].night, ==, g_str_equal (pb->shift_types[t].id, "N"));
    }
  g_assert_cmpint (sc_roster_problem_find_shift_type (pb, "N"), >=, 0);

  for (int p = 0; p < pb->n_people; p++)
    {
      groups = MAX (groups, pb->people[p].fairness_group + 1);
      for (int q = 0; q < p; q++)
        g_assert_cmpint (pb->people[p].fairness_group == pb->people[q].fairness_group, ==,
                         pb->people[p].min_minutes == pb->people[q].min_minutes &&
                         pb->people[p].max_minutes == pb->people[q].max_minutes);
    }
  /* full time and part time */
  g_assert_cmpint (groups, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/roster-fairness/night-flag", test_night_flag);
  g_test_add_func ("/engine/roster-fairness/nights-by-hand", test_nights_by_hand);
  g_test_add_func ("/engine/roster-fairness/nights-apportioned", test_nights_apportioned);
  g_test_add_func ("/engine/roster-fairness/groups-and-shares", test_groups_and_shares);
  g_test_add_func ("/engine/roster-fairness/weekends-by-hand", test_weekends_by_hand);
  g_test_add_func ("/engine/roster-fairness/hours-by-hand", test_hours_by_hand);
  g_test_add_func ("/engine/roster-fairness/describe", test_describe);
  g_test_add_func ("/engine/roster-fairness/delta-equals-full", test_delta_equals_full);
  g_test_add_func ("/engine/roster-fairness/nrp-unchanged", test_nrp_unchanged);
  g_test_add_func ("/engine/roster-fairness/solver-spreads-nights", test_solver_spreads_nights);
  g_test_add_func ("/engine/roster-fairness/solver-optimum", test_solver_optimum);
  g_test_add_func ("/core/roster-fairness/store-input", test_store_input);

  return g_test_run ();
}
