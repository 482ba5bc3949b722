/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-roster-problem.h"
#include "sc-roster-rows.h"
#include "sc-roster-score.h"
#include "sc-roster-solver.h"
#include "sc-roster-test-util.h"

/* A random problem built around a random "planted" roster that keeps every
 * hard rule, so a feasible roster is known to exist. */
static ScRosterProblem *
planted_problem (guint32 seed,
                 int     n_days,
                 int     n_people,
                 int     n_types)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  ScRosterProblem *problem = sc_roster_problem_new (n_days, g_rand_int_range (rng, 1, 8));
  g_autoptr(ScRosterSolution) plant = NULL;
  g_autofree guint8 *follows = g_new0 (guint8, n_types * n_types);
  int D = n_days, T = n_types;

  for (int t = 0; t < T; t++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", t);
      sc_roster_problem_add_shift_type (problem, id, g_rand_int_range (rng, 0, 24) * 60,
                                        g_rand_int_range (rng, 6, 11) * 60);
    }
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      sc_roster_problem_add_person (problem, id);
    }
  plant = sc_roster_solution_new_for_problem (problem);
  for (int p = 0; p < n_people; p++)
    for (int d = 0; d < D; d++)
      if (g_rand_int_range (rng, 0, 10) < 6)
        sc_roster_solution_set (plant, p, d, g_rand_int_range (rng, 0, T));

  for (int p = 0; p < n_people; p++)
    {
      ScRosterPerson *person = sc_roster_problem_get_person (problem, p);
      const gint8 *row = plant->cells + (gsize) p * D;
      int count[8] = { 0 }, minutes = 0, longest = 0, min_work = D, min_off = D, weekends = 0;
      int start = 0, r1, r2;

      for (int d = 0; d < D; d++)
        if (row[d] >= 0)
          {
            count[row[d]]++;
            minutes += problem->shift_types[row[d]].length;
            if (d > 0 && row[d - 1] >= 0)
              follows[row[d - 1] * T + row[d]] = 1;
          }
      for (int d = 1; d <= D; d++)
        {
          if (d < D && (row[d] < 0) == (row[start] < 0))
            continue;
          if (row[start] >= 0)
            longest = MAX (longest, d - start);
          if (start > 0 && d < D)
            {
              if (row[start] >= 0)
                min_work = MIN (min_work, d - start);
              else
                min_off = MIN (min_off, d - start);
            }
          start = d;
        }
      for (int w = 0; w < sc_roster_problem_get_n_weekends (problem); w++)
        for (int d = 0; d < D; d++)
          if (sc_roster_problem_get_weekend (problem, d) == w && row[d] >= 0)
            {
              weekends++;
              break;
            }

      for (int t = 0; t < T; t++)
        sc_roster_problem_set_max_shifts (problem, p, t, count[t] + g_rand_int_range (rng, 0, 2));
      r1 = g_rand_int_range (rng, 0, 600);
      person->min_minutes = MAX (0, minutes - r1);
      person->max_minutes = minutes + g_rand_int_range (rng, 0, 600);
      person->max_consecutive_work = MAX (1, longest + g_rand_int_range (rng, 0, 2));
      r1 = g_rand_int_range (rng, 1, 4);
      r2 = g_rand_int_range (rng, 1, 4);
      person->min_consecutive_work = MIN (r1, min_work);   /* MIN evaluates twice */
      person->min_consecutive_off = MIN (r2, min_off);
      person->max_weekends = weekends + g_rand_int_range (rng, 0, 2);
      person->skills = g_rand_int (rng) & 3;
      for (int d = 0; d < D; d++)
        {
          int r = g_rand_int_range (rng, 0, 20);

          if (r == 0 && row[d] < 0)
            sc_roster_problem_set_unavailable (problem, p, d);
          else if (r == 1)
            sc_roster_problem_lock (problem, p, d, row[d]);
          else if (r < 5)
            sc_roster_problem_add_request (problem, p, d, g_rand_int_range (rng, -1, T),
                                           g_rand_boolean (rng), g_rand_int_range (rng, 1, 5));
        }
    }
  for (int t = 0; t < T; t++)
    for (int u = 0; u < T; u++)
      if (!follows[t * T + u] && g_rand_int_range (rng, 0, 3) == 0)
        sc_roster_problem_set_forbidden (problem, t, u, TRUE);
  for (int d = 0; d < D; d++)
    for (int t = 0; t < T; t++)
      {
        sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, g_rand_int_range (rng, 0, n_people),
                                     100, 1);
        if (g_rand_int_range (rng, 0, 4) == 0)
          sc_roster_problem_add_cover (problem, d, t, g_rand_int_range (rng, 0, 2), 1, 20, 0);
      }
  if (g_rand_boolean (rng))
    for (int i = 0; i < D * 6; i++)
      sc_roster_problem_add_interval_cover (problem, i * 240, 240, SC_ROSTER_ANY,
                                            g_rand_int_range (rng, 0, 3), 3, 1);

  /* the plant is feasible */
  {
    g_autoptr(ScRosterScore) score = sc_roster_score_compute (problem, plant, TRUE);

    for (guint i = 0; i < score->violations->len; i++)
      {
        const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

        if (sc_roster_rule_is_hard (v->rule))
          {
            GString *str = g_string_new (NULL);
            for (int d = 0; d < D; d++)
              g_string_append_printf (str, "%c", sc_roster_solution_get (plant, v->person, d) < 0 ? '.' : '0' + sc_roster_solution_get (plant, v->person, d));
            g_test_message ("plant: %s person %d day %d %s min %d", sc_roster_rule_get_name (v->rule), v->person, v->day, str->str, problem->people[v->person].min_consecutive_work);
            g_string_free (str, TRUE);
          }
      }
    g_assert_cmpint (score->hard_violations, ==, 0);
  }
  return problem;
}

/* A run within @time_limit seconds (0: none) and @max_iterations (0:
 * none), in @threads threads, with its figures (@stats may be NULL) */
static ScRosterSolution *
solve_with (ScRosterProblem     *problem,
            guint32              seed,
            double               time_limit,
            gint64               max_iterations,
            int                  threads,
            ScRosterSolverStats *stats)
{
  ScRosterSolverOptions options;

  sc_roster_solver_options_init (&options);
  options.seed = seed;
  options.time_limit = time_limit;
  options.max_iterations = max_iterations;
  options.n_threads = threads;
  return sc_roster_solve (problem, NULL, &options, NULL, stats);
}

static void
test_solver_feasible_property (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      g_autoptr(GRand) rng = g_rand_new_with_seed (seed * 7919);
      g_autoptr(ScRosterProblem) problem = planted_problem (seed, g_rand_int_range (rng, 5, 22),
                                                           g_rand_int_range (rng, 1, 9),
                                                           g_rand_int_range (rng, 1, 4));
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;

      solution = solve_with (problem, seed, 2, 100, 1, NULL);
      score = sc_roster_score_compute (problem, solution, FALSE);
      if (score->hard_violations != 0)
        g_test_message ("seed %u: %d hard violations", seed, score->hard_violations);
      g_assert_cmpint (score->hard_violations, ==, 0);
    }
}

static void
test_solver_deterministic (void)
{
  g_autoptr(ScRosterProblem) problem = planted_problem (99, 21, 8, 3);

  for (int threads = 1; threads <= 2; threads++)
    {
      g_autoptr(ScRosterSolution) a = NULL;
      g_autoptr(ScRosterSolution) b = NULL;
      g_autoptr(ScRosterSolution) c = NULL;
      ScRosterSolverOptions options;

      sc_roster_solver_options_init (&options);
      options.seed = 5;
      options.time_limit = 0;
      options.max_iterations = 400;
      options.n_threads = threads;
      a = sc_roster_solve (problem, NULL, &options, NULL, NULL);
      b = sc_roster_solve (problem, NULL, &options, NULL, NULL);
      g_assert_true (sc_roster_solution_equal (a, b));
      /* a time limit that is not reached changes nothing */
      options.time_limit = 60;
      c = sc_roster_solve (problem, NULL, &options, NULL, NULL);
      g_assert_true (sc_roster_solution_equal (a, c));
    }
}

typedef struct
{
  GCancellable *cancellable;
  int           calls;
  int           last_hard;
  gint64        last_objective;
} CancelData;

static void
cancel_on_progress (int      hard,
                    gint64   objective,
                    double   fraction,
                    gpointer user_data)
{
  CancelData *data = user_data;

  data->calls++;
  data->last_hard = hard;
  data->last_objective = objective;
  if (data->calls == 3)
    g_cancellable_cancel (data->cancellable);
}

static void
test_solver_cancel (void)
{
  g_autoptr(ScRosterProblem) problem = planted_problem (3, 28, 12, 3);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  CancelData data = { cancellable, 0, -1, -1 };
  ScRosterSolverOptions options;
  ScRosterSolverStats stats;

  sc_roster_solver_options_init (&options);
  options.time_limit = 60;
  options.progress = cancel_on_progress;
  options.progress_data = &data;
  solution = sc_roster_solve (problem, NULL, &options, cancellable, &stats);
  g_assert_nonnull (solution);
  g_assert_cmpfloat (stats.seconds, <, 10);
  g_assert_cmpint (data.calls, >=, 3);
  /* the roster returned is the best one reported */
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_assert_cmpint (score->hard_violations, ==, data.last_hard);
  g_assert_cmpint (score->objective, ==, data.last_objective);
  g_assert_cmpint (score->hard_violations, ==, 0);
}

static void
on_solved (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ScRosterSolution **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sc_roster_solve_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_solver_async (void)
{
  g_autoptr(ScRosterProblem) problem = planted_problem (11, 14, 5, 2);
  ScRosterSolution *solution = NULL;
  g_autoptr(ScRosterSolution) sync = NULL;
  ScRosterSolverOptions options;

  sc_roster_solver_options_init (&options);
  options.time_limit = 0;
  options.max_iterations = 200;
  sc_roster_solve_async (problem, NULL, &options, NULL, on_solved, &solution);
  while (solution == NULL)
    g_main_context_iteration (NULL, TRUE);
  sync = sc_roster_solve (problem, NULL, &options, NULL, NULL);
  g_assert_true (sc_roster_solution_equal (solution, sync));
  sc_roster_solution_free (solution);
}

static void
test_solver_initial_and_locks (void)
{
  g_autoptr(ScRosterProblem) problem = planted_problem (21, 14, 6, 2);
  g_autoptr(ScRosterSolution) initial = sc_roster_solution_new_for_problem (problem);
  g_autoptr(ScRosterSolution) solution = NULL;
  ScRosterSolverOptions options;

  /* an arbitrary, infeasible start */
  for (int i = 0; i < problem->n_people * problem->n_days; i++)
    initial->cells[i] = (gint8) (i % 3 - 1);
  sc_roster_solver_options_init (&options);
  options.time_limit = 2;
  options.max_iterations = 200;
  solution = sc_roster_solve (problem, initial, &options, NULL, NULL);
  for (int p = 0; p < problem->n_people; p++)
    for (int d = 0; d < problem->n_days; d++)
      {
        int lock = problem->locked[p * problem->n_days + d];

        if (lock != SC_ROSTER_UNLOCKED)
          g_assert_cmpint (sc_roster_solution_get (solution, p, d), ==, lock);
      }
  {
    g_autoptr(ScRosterScore) score = sc_roster_score_compute (problem, solution, FALSE);
    g_assert_cmpint (score->hard_violations, ==, 0);
  }
}

/* A team's problem: @n_people over @n_days, @n_types shift types of eight
 * hours two hours apart, each with its cover of 0–2 people (each person
 * short costs 100, each one too many 1), the usual rules, and requests */
static ScRosterProblem *
team_problem (int     n_days,
              int     n_people,
              int     n_types,
              guint32 seed)
{
  ScRosterProblem *problem = sc_roster_problem_new (n_days, G_DATE_FRIDAY);
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  int weeks = n_days / 7;

  for (int t = 0; t < n_types; t++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", t);
      sc_roster_problem_add_shift_type (problem, id, t * 120, 480);
    }
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p);
      ScRosterPerson *person;

      sc_roster_problem_add_person (problem, id);
      person = sc_roster_problem_get_person (problem, p);
      person->min_minutes = 4 * weeks * 480;
      person->max_minutes = 5 * weeks * 480;
      person->max_consecutive_work = 5;
      person->min_consecutive_work = 2;
      person->min_consecutive_off = 2;
      person->max_weekends = weeks / 2;
      for (int t = 0; t < n_types; t++)
        sc_roster_problem_set_max_shifts (problem, p, t, n_days);
      for (int d = 0; d < n_days; d++)
        if (g_rand_int_range (rng, 0, 8) == 0)
          sc_roster_problem_add_request (problem, p, d, g_rand_int_range (rng, -1, n_types),
                                         g_rand_boolean (rng), g_rand_int_range (rng, 1, 4));
    }
  for (int d = 0; d < n_days; d++)
    for (int t = 0; t < n_types; t++)
      sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, g_rand_int_range (rng, 0, 3), 100, 1);
  return problem;
}

/* A horizon too long for branch and price over all of it: branch and
 * price over windows of days runs, keeps every rule and never loses the
 * local search's roster */
static void
test_solver_windows (void)
{
  g_autoptr(ScRosterProblem) problem = team_problem (56, 20, 12, 7);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  ScRosterSolverStats stats;

  /* more rows than even a relaxation alone takes (600) */
  g_assert_cmpint (problem->covers->len + problem->interval_covers->len + problem->n_people, >, 600);
  solution = solve_with (problem, 3, 3, 0, 1, &stats);
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_test_message ("%d windows, objective %" G_GINT64_FORMAT, stats.windows, score->objective);
  g_assert_cmpint (stats.windows, >, 0);
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_assert_cmpint (score->objective, ==, stats.objective);
}

/* Small random problems: the solver finds the optimum found by enumeration */
static void
test_solver_brute_force (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 100, 6, 3, 2);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      gint64 optimum = sc_test_brute_force_optimum (problem);

      solution = solve_with (problem, seed, 5, 2000, 1, NULL);
      score = sc_roster_score_compute (problem, solution, FALSE);
      g_test_message ("seed %u: optimum %" G_GINT64_FORMAT ", solver %" G_GINT64_FORMAT,
                      seed, optimum, score->objective);
      g_assert_cmpint (score->hard_violations, ==, 0);
      g_assert_cmpint (score->objective, ==, optimum);
    }
}

/* A master problem too large to dive on (over 360 rows) but not for its
 * relaxation alone (up to 600): 40 people over four weeks, twelve shift
 * types each with its cover. The relaxation gives a lower bound and the
 * first roster, each person's column of highest value, from which the
 * search goes on, keeping every rule. (A run bounded by iterations: the
 * relaxation has no share of a time limit, and ends.) */
static void
test_solver_relaxation_columns (void)
{
  g_autoptr(ScRosterProblem) problem = team_problem (28, 40, 12, 41);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  ScRosterSolverStats stats;
  int rows = (int) (problem->covers->len + problem->interval_covers->len) + problem->n_people;

  g_assert_cmpint (rows, >, 360);
  g_assert_cmpint (rows, <=, 600);
  solution = solve_with (problem, 5, 0, 300, 1, &stats);
  score = sc_roster_score_compute (problem, solution, FALSE);
  g_test_message ("%d rows: objective %" G_GINT64_FORMAT ", bound %" G_GINT64_FORMAT, rows, score->objective,
                  stats.lower_bound);
  g_assert_cmpint (score->hard_violations, ==, 0);
  g_assert_cmpint (score->objective, ==, stats.objective);
  g_assert_cmpint (stats.lower_bound, >=, 0);
  g_assert_cmpint (stats.lower_bound, <=, score->objective);
}

/* The lower bound from the linear relaxation never exceeds the optimum
 * found by enumeration; where it meets the roster found, the search stops
 * early, and the roster is the optimum */
static void
test_solver_lower_bound (void)
{
  int with_bound = 0;

  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 500, 6, 3, 2);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      ScRosterSolverStats stats;
      gint64 optimum = sc_test_brute_force_optimum (problem);

      solution = solve_with (problem, seed, 0, 2000, 1, &stats);
      score = sc_roster_score_compute (problem, solution, FALSE);
      g_test_message ("seed %u: optimum %" G_GINT64_FORMAT ", bound %" G_GINT64_FORMAT ", solver %"
                      G_GINT64_FORMAT " after %" G_GINT64_FORMAT " iterations",
                      seed, optimum, stats.lower_bound, score->objective, stats.iterations);
      g_assert_cmpint (score->hard_violations, ==, 0);
      g_assert_cmpint (stats.lower_bound, <=, optimum);
      if (stats.lower_bound < 0)
        continue;
      with_bound++;
      if (stats.lower_bound == score->objective)
        g_assert_cmpint (stats.iterations, <, 2000);
    }
  /* planted problems without fairness: the relaxation applies to all */
  g_assert_cmpint (with_bound, ==, 12);

  /* one person over ten days: the pricing's search over labels must
   * keep every row that can still be completed, so the bound is that
   * person's optimum */
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 700, 10, 1, 2);
      g_autoptr(ScRosterSolution) solution = NULL;
      ScRosterSolverStats stats;
      gint64 optimum = sc_test_brute_force_optimum (problem);

      solution = solve_with (problem, seed, 0, 200, 1, &stats);
      g_test_message ("one person, seed %u: optimum %" G_GINT64_FORMAT ", bound %" G_GINT64_FORMAT,
                      seed, optimum, stats.lower_bound);
      g_assert_cmpint (stats.lower_bound, >=, 0);
      g_assert_cmpint (stats.lower_bound, <=, optimum);
    }
}

/* Two searches in a run bounded by time: each runs the relaxation, and
 * the run ends as soon as one's roster reaches the bound, long before the
 * time limit, with the optimum */
static void
test_solver_threads_bound (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 500, 6, 3, 2);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      ScRosterSolverStats stats;
      gint64 optimum = sc_test_brute_force_optimum (problem);

      solution = solve_with (problem, seed, 30, 0, 2, &stats);
      score = sc_roster_score_compute (problem, solution, FALSE);
      g_test_message ("two threads, seed %u: optimum %" G_GINT64_FORMAT ", bound %" G_GINT64_FORMAT
                      ", solver %" G_GINT64_FORMAT " in %.2f s",
                      seed, optimum, stats.lower_bound, score->objective, stats.seconds);
      g_assert_cmpint (score->hard_violations, ==, 0);
      g_assert_cmpint (stats.lower_bound, >=, 0);
      g_assert_cmpint (stats.lower_bound, <=, optimum);
      if (stats.lower_bound == optimum)
        {
          g_assert_cmpint (score->objective, ==, optimum);
          g_assert_cmpfloat (stats.seconds, <, 15);
        }
    }
}

static gint64
row_cost (const ScRowSolver *rs,
          const gint8       *row)
{
  gint64 c = 0;

  for (int d = 0; d < rs->D; d++)
    c += rs->cost[d * rs->V + row[d] + 1];
  return c;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The search over labels, asked for several rows (as the pricing does):
 * the first is the cheapest feasible row, found by enumeration; the others
 * are feasible, distinct, by increasing cost, and no cheaper than the
 * enumeration's next ones */
static void
test_solver_label_rows (void)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 900, 9, 1, 2);
      g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
      g_autoptr(GArray) feasible = sc_test_feasible_rows (problem, 0);
      g_autoptr(GArray) costs = g_array_new (FALSE, FALSE, sizeof (gint64));
      ScRosterIndex *ix = _sc_roster_index_new (problem);
      ScRowSolver rs;
      int D = problem->n_days;

      _sc_row_solver_init (&rs, problem, ix);
      _sc_row_solver_set_person (&rs, 0);
      for (int d = 0; d < D; d++)
        {
          int n = 0;

          for (int v = 0; v < rs.V; v++)
            rs.cost[d * rs.V + v] = g_rand_int_range (rng, -50, 51);
          if (problem->locked[d] != SC_ROSTER_UNLOCKED)
            rs.order[d * rs.V + n++] = problem->locked[d];
          else
            {
              rs.order[d * rs.V + n++] = SC_ROSTER_OFF;
              if (!problem->unavailable[d])
                for (int t = 0; t < rs.T; t++)
                  if (rs.max_shifts[t] > 0)
                    rs.order[d * rs.V + n++] = (gint8) t;
            }
          rs.n_order[d] = n;
        }
      rs.fair_ev = NULL;
      rs.cutoff = COST_INF;
      rs.want = 4;
      g_assert_true (_sc_row_solver_label (&rs, 1000000, 0));
      g_assert_false (rs.aborted);

      for (guint i = 0; i < feasible->len; i++)
        {
          gint64 c = row_cost (&rs, (const gint8 *) feasible->data + (gsize) i * D);

          g_array_append_val (costs, c);
        }
      g_array_sort (costs, compare_gint64);
      g_test_message ("seed %u: %u feasible rows, %d found", seed, feasible->len, rs.n_rows);
      g_assert_cmpint (feasible->len, >, 0);
      g_assert_cmpint (rs.n_rows, >=, 1);
      g_assert_cmpint (rs.n_rows, <=, MIN (4, (int) feasible->len));
      g_assert_cmpint (rs.row_cost[0], ==, g_array_index (costs, gint64, 0));
      g_assert_cmpmem (rs.best_row, D, rs.rows, D);
      for (int k = 0; k < rs.n_rows; k++)
        {
          const gint8 *row = rs.rows + (gsize) k * D;
          gboolean is_feasible = FALSE;

          g_assert_cmpint (row_cost (&rs, row), ==, rs.row_cost[k]);
          g_assert_cmpint (rs.row_cost[k], >=, g_array_index (costs, gint64, k));
          if (k > 0)
            g_assert_cmpint (rs.row_cost[k], >=, rs.row_cost[k - 1]);
          for (int j = 0; j < k; j++)
            g_assert_true (memcmp (row, rs.rows + (gsize) j * D, D) != 0);
          for (guint i = 0; i < feasible->len && !is_feasible; i++)
            is_feasible = memcmp (row, (const gint8 *) feasible->data + (gsize) i * D, D) == 0;
          g_assert_true (is_feasible);
        }

      /* with too few labels allowed, no row at all (not a stale one) */
      g_assert_false (_sc_row_solver_label (&rs, 4, 0));
      g_assert_true (rs.aborted);
      g_assert_false (rs.found);
      g_assert_cmpint (rs.n_rows, ==, 0);
      _sc_row_solver_clear (&rs);
      _sc_roster_index_free (ix);
    }
}

/* One person over a longer horizon: the row search alone (with its memo of
 * states already searched) must be exact */
static void
test_solver_single_row_optimum (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(ScRosterProblem) problem = planted_problem (seed + 300, 11, 1, 2);
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      gint64 optimum = sc_test_brute_force_optimum (problem);

      solution = solve_with (problem, seed, 5, 50, 1, NULL);
      score = sc_roster_score_compute (problem, solution, FALSE);
      g_test_message ("seed %u: optimum %" G_GINT64_FORMAT ", solver %" G_GINT64_FORMAT,
                      seed, optimum, score->objective);
      g_assert_cmpint (score->hard_violations, ==, 0);
      g_assert_cmpint (score->objective, ==, optimum);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/roster-solver/feasible-property", test_solver_feasible_property);
  g_test_add_func ("/engine/roster-solver/deterministic", test_solver_deterministic);
  g_test_add_func ("/engine/roster-solver/cancel", test_solver_cancel);
  g_test_add_func ("/engine/roster-solver/async", test_solver_async);
  g_test_add_func ("/engine/roster-solver/initial-and-locks", test_solver_initial_and_locks);
  g_test_add_func ("/engine/roster-solver/brute-force-optimum", test_solver_brute_force);
  g_test_add_func ("/engine/roster-solver/single-row-optimum", test_solver_single_row_optimum);
  g_test_add_func ("/engine/roster-solver/lower-bound", test_solver_lower_bound);
  g_test_add_func ("/engine/roster-solver/threads-bound", test_solver_threads_bound);
  g_test_add_func ("/engine/roster-solver/label-rows", test_solver_label_rows);
  g_test_add_func ("/engine/roster-solver/windows", test_solver_windows);
  g_test_add_func ("/engine/roster-solver/relaxation-columns", test_solver_relaxation_columns);

  return g_test_run ();
}
