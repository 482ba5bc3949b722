/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-roster-problem.h"
#include "sc-roster-score.h"

#define OFF SC_ROSTER_OFF

/* One person, one 8-hour day shift "D" unless said otherwise, no limits */
static ScRosterProblem *
make_problem (int n_days,
              int n_people)
{
  ScRosterProblem *problem = sc_roster_problem_new (n_days, G_DATE_MONDAY);

  sc_roster_problem_add_shift_type (problem, "D", 8 * 60, 480);
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      sc_roster_problem_add_person (problem, id);
    }
  return problem;
}

static ScRosterSolution *
make_row (const ScRosterProblem *problem,
          const char            *pattern)
{
  /* one character per day: '.' off, a digit a shift type; person 0 */
  ScRosterSolution *solution = sc_roster_solution_new_for_problem (problem);

  g_assert_cmpint ((int) strlen (pattern), ==, problem->n_days);
  for (int d = 0; pattern[d]; d++)
    sc_roster_solution_set (solution, 0, d, pattern[d] == '.' ? OFF : pattern[d] - '0');
  return solution;
}

static ScRosterScore *
score_row (const ScRosterProblem *problem,
           const char            *pattern)
{
  g_autoptr(ScRosterSolution) solution = make_row (problem, pattern);

  return sc_roster_score_compute (problem, solution, TRUE);
}

static const ScRosterViolation *
find_violation (const ScRosterScore *score,
                ScRosterRule         rule,
                int                  nth)
{
  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (v->rule == rule && nth-- == 0)
        return v;
    }
  g_error ("violation %d of rule %s not found", nth, sc_roster_rule_get_name (rule));
}

static void
test_succession (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (4, G_DATE_MONDAY);
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;
  int early, late;

  early = sc_roster_problem_add_shift_type (problem, "E", 6 * 60, 480);
  late = sc_roster_problem_add_shift_type (problem, "L", 14 * 60, 480);
  sc_roster_problem_add_person (problem, "A");
  sc_roster_problem_set_forbidden (problem, late, early, TRUE);

  /* E L E L: L→E on day 2 is forbidden, E→L is not */
  score = score_row (problem, "0101");
  g_assert_cmpint (score->hard_violations, ==, 1);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_SUCCESSION], ==, 1);
  v = find_violation (score, SC_ROSTER_RULE_SUCCESSION, 0);
  g_assert_cmpint (v->person, ==, 0);
  g_assert_cmpint (v->day, ==, 2);
  g_assert_cmpint (v->index, ==, early);
  g_clear_pointer (&score, sc_roster_score_free);

  /* a day off between them breaks the succession */
  score = score_row (problem, "1.00");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* minimum rest of 11 hours: L (14–22) then E (6:00) leaves 8 h */
  sc_roster_problem_set_forbidden (problem, late, early, FALSE);
  sc_roster_problem_set_min_rest (problem, 11 * 60);
  g_assert_true (sc_roster_problem_is_forbidden (problem, late, early));
  g_assert_false (sc_roster_problem_is_forbidden (problem, early, late));
  g_assert_false (sc_roster_problem_is_forbidden (problem, early, early));
  score = score_row (problem, "0110");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_SUCCESSION], ==, 1);
}

static void
test_min_consecutive (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (9, 1);
  ScRosterPerson *person = sc_roster_problem_get_person (problem, 0);
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  person->min_consecutive_work = 2;

  /* a 1-day block inside the horizon is a violation … */
  score = score_row (problem, "00..0..00");
  g_assert_cmpint (score->hard_violations, ==, 1);
  v = find_violation (score, SC_ROSTER_RULE_MIN_CONSECUTIVE_WORK, 0);
  g_assert_cmpint (v->day, ==, 4);
  g_assert_cmpint (v->amount, ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);

  /* … but not at either end of the horizon */
  score = score_row (problem, "0..00...0");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* days off likewise */
  person->min_consecutive_work = 0;
  person->min_consecutive_off = 2;
  score = score_row (problem, ".00.00..0");
  g_assert_cmpint (score->hard_violations, ==, 1);
  v = find_violation (score, SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF, 0);
  g_assert_cmpint (v->day, ==, 3);
  g_clear_pointer (&score, sc_roster_score_free);
  score = score_row (problem, ".0000000.");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* min 3 days off: a 1-day and a 2-day gap */
  person->min_consecutive_off = 3;
  score = score_row (problem, "0.0..0...");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF], ==, 2);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF], ==, 2 + 1);
}

static void
test_max_consecutive (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (10, 1);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_get_person (problem, 0)->max_consecutive_work = 3;
  score = score_row (problem, "000.000.00");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* 5 in a row: windows 0–3 and 1–4 hold no day off */
  score = score_row (problem, "00000.0000");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK], ==, 2);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK, 0)->amount, ==, 2);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK, 1)->amount, ==, 1);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK, 1)->day, ==, 6);
}

static void
test_weekends (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (14, 1);
  g_autoptr(ScRosterProblem) sunday = NULL;
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_get_person (problem, 0)->max_weekends = 1;
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 4), ==, -1);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 5), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 6), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 12), ==, 1);

  /* Saturday and Sunday of one weekend: 1 weekend */
  score = score_row (problem, ".....00.......");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* Saturday of the first, Sunday of the second: 2 weekends */
  score = score_row (problem, ".....0.......0");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MAX_WEEKENDS], ==, 1);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_WEEKENDS, 0)->amount, ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);

  /* a horizon starting on a Sunday: day 0 is a weekend of its own */
  sunday = sc_roster_problem_new (8, G_DATE_SUNDAY);
  sc_roster_problem_add_shift_type (sunday, "D", 480, 480);
  sc_roster_problem_add_person (sunday, "A");
  sc_roster_problem_get_person (sunday, 0)->max_weekends = 1;
  g_assert_cmpint (sc_roster_problem_get_weekday (sunday, 0), ==, G_DATE_SUNDAY);
  g_assert_cmpint (sc_roster_problem_get_weekend (sunday, 0), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (sunday, 6), ==, 1);
  g_assert_cmpint (sc_roster_problem_get_weekend (sunday, 7), ==, 1);
  score = score_row (sunday, "0.....0.");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MAX_WEEKENDS], ==, 1);
}

/* A holiday is a rest day for the weekend rules (next to a weekend it
 * makes the weekend longer); a weekend day marked as a working day is not
 * part of a weekend */
static void
test_holidays (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (14, 1);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_get_person (problem, 0)->max_weekends = 1;
  sc_roster_problem_set_day_kind (problem, 4, SC_ROSTER_DAY_HOLIDAY);    /* Friday */
  sc_roster_problem_set_day_kind (problem, 9, SC_ROSTER_DAY_HOLIDAY);    /* Wednesday */
  sc_roster_problem_set_day_kind (problem, 13, SC_ROSTER_DAY_WORKING);   /* Sunday */
  g_assert_true (sc_roster_problem_is_rest_day (problem, 4));
  g_assert_false (sc_roster_problem_is_rest_day (problem, 3));
  g_assert_true (sc_roster_problem_is_rest_day (problem, 12));
  g_assert_false (sc_roster_problem_is_rest_day (problem, 13));
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 3), ==, -1);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 4), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 5), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 6), ==, 0);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 9), ==, 1);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 12), ==, 2);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 13), ==, -1);
  g_assert_cmpint (sc_roster_problem_get_n_weekends (problem), ==, 3);

  /* the holiday Friday and the Sunday: one long weekend */
  score = score_row (problem, "....0.0.......");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* the Sunday marked as a working day is not a weekend */
  score = score_row (problem, "....0........0");
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);

  /* the Wednesday holiday is a weekend of its own: two weekends */
  score = score_row (problem, "......0..0....");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MAX_WEEKENDS], ==, 1);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_WEEKENDS, 0)->amount, ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);

  /* the Saturday of the second week is still a weekend */
  score = score_row (problem, "....0.......0.");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_MAX_WEEKENDS], ==, 1);
}

static void
test_minutes_and_types (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (7, G_DATE_MONDAY);
  ScRosterPerson *person;
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  sc_roster_problem_add_shift_type (problem, "D", 480, 480);
  sc_roster_problem_add_shift_type (problem, "N", 1320, 600);
  sc_roster_problem_add_person (problem, "A");
  person = sc_roster_problem_get_person (problem, 0);
  person->min_minutes = 1500;
  person->max_minutes = 2000;
  sc_roster_problem_set_max_shifts (problem, 0, 1, 1);

  /* 480 + 600 = 1080 < 1500: 420 minutes short, 7 started hours */
  score = score_row (problem, "0.1....");
  v = find_violation (score, SC_ROSTER_RULE_MIN_MINUTES, 0);
  g_assert_nonnull (v);
  g_assert_cmpint (v->amount, ==, 420);
  g_assert_cmpint (v->cost, ==, 7);
  g_assert_cmpint (score->hard_violations, ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);

  /* 2 × 480 + 2 × 600 = 2160 > 2000, and two N where one is allowed */
  score = score_row (problem, "0.1.0.1");
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_MINUTES, 0)->amount, ==, 160);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE, 0)->amount, ==, 1);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE, 0)->index, ==, 1);
  g_assert_cmpint (score->hard_violations, ==, 2);
  g_clear_pointer (&score, sc_roster_score_free);

  score = score_row (problem, "0.0.1..");
  g_assert_cmpint (score->hard_violations, ==, 0);
}

static void
test_unavailable_and_locked (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (5, 1);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_set_unavailable (problem, 0, 1);
  sc_roster_problem_lock (problem, 0, 3, 0);
  sc_roster_problem_lock (problem, 0, 4, OFF);
  score = score_row (problem, ".0..0");
  g_assert_cmpint (score->count[SC_ROSTER_RULE_UNAVAILABLE], ==, 1);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_LOCKED], ==, 2);
  g_assert_cmpint (score->hard_violations, ==, 3);
  g_clear_pointer (&score, sc_roster_score_free);
  score = score_row (problem, "0..0.");
  g_assert_cmpint (score->hard_violations, ==, 0);
}

static void
test_cover_weights (void)
{
  g_autoptr(ScRosterProblem) problem = make_problem (2, 4);
  g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);
  g_autoptr(ScRosterScore) score = NULL;
  const ScRosterViolation *v;

  sc_roster_problem_add_cover (problem, 0, 0, SC_ROSTER_ANY, 2, 100, 1);
  sc_roster_problem_add_cover (problem, 1, 0, SC_ROSTER_ANY, 1, 100, 7);

  /* nobody: 2 short on day 0, 1 short on day 1 */
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->objective, ==, 300);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_COVER_UNDER], ==, 2);
  v = find_violation (score, SC_ROSTER_RULE_COVER_UNDER, 0);
  g_assert_cmpint (v->person, ==, -1);
  g_assert_cmpint (v->day, ==, 0);
  g_assert_cmpint (v->amount, ==, 2);
  g_assert_cmpint (v->cost, ==, 200);
  g_clear_pointer (&score, sc_roster_score_free);

  /* 3 on day 0 (1 over × 1), 3 on day 1 (2 over × 7) */
  for (int p = 0; p < 3; p++)
    {
      sc_roster_solution_set (solution, p, 0, 0);
      sc_roster_solution_set (solution, p, 1, 0);
    }
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->objective, ==, 1 + 14);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_COVER_OVER], ==, 15);
  g_clear_pointer (&score, sc_roster_score_free);

  /* skills: a requirement for skill 3 on day 0 counts only holders */
  sc_roster_problem_add_cover (problem, 0, 0, 3, 1, 50, 0);
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->objective, ==, 15 + 50);
  g_clear_pointer (&score, sc_roster_score_free);
  problem->people[2].skills = 1 << 3;
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->objective, ==, 15);
}

static void
test_requests (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (3, G_DATE_MONDAY);
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_add_shift_type (problem, "E", 360, 480);
  sc_roster_problem_add_shift_type (problem, "L", 840, 480);
  sc_roster_problem_add_person (problem, "A");
  sc_roster_problem_add_request (problem, 0, 0, 0, TRUE, 2);              /* wants E on day 0 */
  sc_roster_problem_add_request (problem, 0, 1, 1, FALSE, 3);             /* not L on day 1 */
  sc_roster_problem_add_request (problem, 0, 2, SC_ROSTER_ANY, FALSE, 5); /* day 2 off */

  score = score_row (problem, "0..");
  g_assert_cmpint (score->objective, ==, 0);
  g_clear_pointer (&score, sc_roster_score_free);
  /* a different shift on an on-request day costs like a day off */
  score = score_row (problem, "1..");
  g_assert_cmpint (score->objective, ==, 2);
  g_clear_pointer (&score, sc_roster_score_free);
  score = score_row (problem, "...");
  g_assert_cmpint (score->objective, ==, 2);
  g_assert_cmpint (score->count[SC_ROSTER_RULE_SHIFT_ON_REQUEST], ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);
  score = score_row (problem, "010");
  g_assert_cmpint (score->objective, ==, 3 + 5);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_SHIFT_OFF_REQUEST], ==, 8);
  g_assert_cmpint (find_violation (score, SC_ROSTER_RULE_SHIFT_OFF_REQUEST, 0)->day, ==, 1);
  g_clear_pointer (&score, sc_roster_score_free);
  score = score_row (problem, "000");
  g_assert_cmpint (score->objective, ==, 5);
}

static void
test_interval_cover (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (2, G_DATE_MONDAY);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;

  sc_roster_problem_add_shift_type (problem, "A", 8 * 60, 480);   /* 08–16 */
  sc_roster_problem_add_shift_type (problem, "B", 12 * 60, 480);  /* 12–20 */
  sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 480);  /* 22–06 */
  sc_roster_problem_add_person (problem, "P");
  sc_roster_problem_add_person (problem, "Q");
  solution = sc_roster_solution_new_for_problem (problem);
  /* one person wanted in every half hour of both days */
  for (int i = 0; i < 2 * 48; i++)
    sc_roster_problem_add_interval_cover (problem, i * 30, 30, SC_ROSTER_ANY, 1, 1, 1);

  /* nobody: 96 intervals short */
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->objective, ==, 96);
  g_clear_pointer (&score, sc_roster_score_free);

  /* two identical 8-hour shifts overlap 480 minutes: 16 intervals with one over */
  sc_roster_solution_set (solution, 0, 0, 0);
  sc_roster_solution_set (solution, 1, 0, 0);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_OVER], ==, 16);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_UNDER], ==, 96 - 16);
  g_clear_pointer (&score, sc_roster_score_free);

  /* 08–16 and 12–20 overlap 240 minutes: 8 over, 24 covered */
  sc_roster_solution_set (solution, 1, 0, 1);
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_OVER], ==, 8);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_UNDER], ==, 96 - 24);
  g_clear_pointer (&score, sc_roster_score_free);

  /* a night shift on day 0 covers 22:00–24:00 of day 0 and 00:00–06:00 of day 1 */
  sc_roster_solution_set (solution, 1, 0, 2);
  score = sc_roster_score_compute (problem, solution, TRUE);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_OVER], ==, 0);
  g_assert_cmpint (score->total[SC_ROSTER_RULE_INTERVAL_UNDER], ==, 96 - 32);
  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);
      /* 01:00 of day 1 is interval 50: covered, so not listed */
      g_assert_false (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER && v->index == 50);
    }
}

/* ---- property test: incremental = full ------------------------------- */

static ScRosterProblem *
random_problem (GRand *rng)
{
  int D = g_rand_int_range (rng, 3, 16);
  int T = g_rand_int_range (rng, 1, 4);
  int P = g_rand_int_range (rng, 2, 6);
  ScRosterProblem *problem = sc_roster_problem_new (D, g_rand_int_range (rng, 1, 8));

  for (int t = 0; t < T; t++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", t);
      sc_roster_problem_add_shift_type (problem, id, g_rand_int_range (rng, 0, 48) * 30,
                                        g_rand_int_range (rng, 8, 21) * 30);
    }
  for (int t = 0; t < T; t++)
    for (int u = 0; u < T; u++)
      if (g_rand_int_range (rng, 0, 4) == 0)
        sc_roster_problem_set_forbidden (problem, t, u, TRUE);
  for (int p = 0; p < P; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      ScRosterPerson *person;

      sc_roster_problem_add_person (problem, id);
      person = sc_roster_problem_get_person (problem, p);
      person->min_minutes = g_rand_int_range (rng, 0, D * 200);
      person->max_minutes = person->min_minutes + g_rand_int_range (rng, 0, D * 300);
      person->max_consecutive_work = g_rand_int_range (rng, 1, 7);
      person->min_consecutive_work = g_rand_int_range (rng, 0, 4);
      person->min_consecutive_off = g_rand_int_range (rng, 0, 4);
      person->max_weekends = g_rand_int_range (rng, 0, 3);
      person->skills = g_rand_int (rng) & 7;
      for (int t = 0; t < T; t++)
        sc_roster_problem_set_max_shifts (problem, p, t, g_rand_int_range (rng, 0, D + 1));
      for (int d = 0; d < D; d++)
        {
          int r = g_rand_int_range (rng, 0, 20);

          if (r == 0)
            sc_roster_problem_set_unavailable (problem, p, d);
          else if (r == 1)
            sc_roster_problem_lock (problem, p, d, g_rand_int_range (rng, -1, T));
          else if (r < 5)
            sc_roster_problem_add_request (problem, p, d, g_rand_int_range (rng, -1, T),
                                           g_rand_boolean (rng), g_rand_int_range (rng, 1, 5));
        }
    }
  for (int d = 0; d < D; d++)
    for (int t = 0; t < T; t++)
      {
        sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, g_rand_int_range (rng, 0, 4),
                                     g_rand_int_range (rng, 0, 101), g_rand_int_range (rng, 0, 5));
        if (g_rand_boolean (rng))
          sc_roster_problem_add_cover (problem, d, t, g_rand_int_range (rng, 0, 3), 1, 30, 2);
      }
  for (int i = 0; i < D * 12; i++)
    sc_roster_problem_add_interval_cover (problem, i * 120, 120, g_rand_int_range (rng, -1, 3),
                                          g_rand_int_range (rng, 0, 3), g_rand_int_range (rng, 0, 9),
                                          g_rand_int_range (rng, 0, 3));
  return problem;
}

static void
assert_eval_matches (ScRosterEval          *eval,
                     const ScRosterProblem *problem)
{
  g_autoptr(ScRosterScore) full = sc_roster_score_compute (problem, sc_roster_eval_get_solution (eval), FALSE);

  g_assert_cmpint (sc_roster_eval_get_objective (eval), ==, full->objective);
  g_assert_cmpint (sc_roster_eval_get_hard_penalty (eval), ==, full->hard_penalty);
  g_assert_cmpint (sc_roster_eval_get_hard_violations (eval), ==, full->hard_violations);
}

static void
test_incremental_property (void)
{
  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
      g_autoptr(ScRosterProblem) problem = random_problem (rng);
      g_autoptr(ScRosterSolution) start = sc_roster_solution_new_for_problem (problem);
      g_autoptr(ScRosterEval) eval = NULL;
      int D = problem->n_days, T = problem->n_shift_types, P = problem->n_people;

      for (int i = 0; i < P * D; i++)
        start->cells[i] = (gint8) g_rand_int_range (rng, -1, T);
      eval = sc_roster_eval_new (problem, start);
      assert_eval_matches (eval, problem);

      for (int move = 0; move < 300; move++)
        {
          gint64 hard0 = sc_roster_eval_get_hard_penalty (eval);
          gint64 obj0 = sc_roster_eval_get_objective (eval);
          gint64 dh, dobj;
          int kind = g_rand_int_range (rng, 0, 3);

          if (kind == 0)
            {
              int p = g_rand_int_range (rng, 0, P), d = g_rand_int_range (rng, 0, D);
              int v = g_rand_int_range (rng, -1, T);

              sc_roster_eval_delta_change (eval, p, d, v, &dh, &dobj);
              sc_roster_eval_apply_change (eval, p, d, v);
            }
          else if (kind == 1)
            {
              int a = g_rand_int_range (rng, 0, P), b = (a + g_rand_int_range (rng, 1, P)) % P;
              int first = g_rand_int_range (rng, 0, D), last = g_rand_int_range (rng, first, D);

              sc_roster_eval_delta_swap (eval, a, b, first, last, &dh, &dobj);
              sc_roster_eval_apply_swap (eval, a, b, first, last);
            }
          else
            {
              int p = g_rand_int_range (rng, 0, P);
              g_autofree gint8 *row = g_new (gint8, D);

              for (int d = 0; d < D; d++)
                row[d] = (gint8) g_rand_int_range (rng, -1, T);
              sc_roster_eval_apply_row (eval, p, row);
              dh = sc_roster_eval_get_hard_penalty (eval) - hard0;
              dobj = sc_roster_eval_get_objective (eval) - obj0;
            }
          g_assert_cmpint (sc_roster_eval_get_hard_penalty (eval) - hard0, ==, dh);
          g_assert_cmpint (sc_roster_eval_get_objective (eval) - obj0, ==, dobj);
          assert_eval_matches (eval, problem);
        }
    }
}

static void
test_add_cost (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (7);
  g_autoptr(ScRosterProblem) problem = random_problem (rng);
  g_autoptr(ScRosterSolution) start = sc_roster_solution_new_for_problem (problem);
  g_autoptr(ScRosterEval) eval = NULL;

  for (int i = 0; i < problem->n_people * problem->n_days; i++)
    start->cells[i] = (gint8) (g_rand_int_range (rng, 0, 3) ? SC_ROSTER_OFF : g_rand_int_range (rng, 0, problem->n_shift_types));
  eval = sc_roster_eval_new (problem, start);
  for (int p = 0; p < problem->n_people; p++)
    for (int d = 0; d < problem->n_days; d++)
      if (sc_roster_solution_get (start, p, d) == SC_ROSTER_OFF)
        for (int t = 0; t < problem->n_shift_types; t++)
          {
            gint64 dh, dobj;

            sc_roster_eval_delta_change (eval, p, d, t, &dh, &dobj);
            g_assert_cmpint (sc_roster_eval_add_cost (eval, p, d, t), ==, dobj);
          }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/roster-score/succession", test_succession);
  g_test_add_func ("/engine/roster-score/min-consecutive", test_min_consecutive);
  g_test_add_func ("/engine/roster-score/max-consecutive", test_max_consecutive);
  g_test_add_func ("/engine/roster-score/weekends", test_weekends);
  g_test_add_func ("/engine/roster-score/holidays", test_holidays);
  g_test_add_func ("/engine/roster-score/minutes-and-types", test_minutes_and_types);
  g_test_add_func ("/engine/roster-score/unavailable-and-locked", test_unavailable_and_locked);
  g_test_add_func ("/engine/roster-score/cover-weights", test_cover_weights);
  g_test_add_func ("/engine/roster-score/requests", test_requests);
  g_test_add_func ("/engine/roster-score/interval-cover", test_interval_cover);
  g_test_add_func ("/engine/roster-score/incremental-equals-full", test_incremental_property);
  g_test_add_func ("/engine/roster-score/add-cost", test_add_cost);

  return g_test_run ();
}
