/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Fairness figures on the sample team (4 weeks): the same roster problem
 * solved with the fairness terms off and on, and for each contract group
 * the nights, weekends worked and hours worked against the contract, per
 * person: lowest, highest and standard deviation; with the score, hard
 * violations and cover shortfall of each run. The sample team's forecasts
 * need no night shift, so a night desk (people on the night shift every
 * day) is asked for as well. Never fails on time.
 *
 *   bench-roster-fairness [--time-limit S] [--iterations N] [--seed N] [--night-desk N]
 *                         [--weights NIGHTS,WEEKENDS,HOURS]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-store.h"

#define FIRST_DAY "2026-11-30"   /* a Monday */

static void
add_night_desk (ScStore   *store,
                ScSession *session,
                int        people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = sc_store_get_shift_types (store, &error);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 11, 30, 12, 0, 0);
  gint64 night = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < types->len; i++)
    if (sc_shift_type_get_category (g_ptr_array_index (types, i)) == SC_SHIFT_CATEGORY_NIGHT)
      night = sc_shift_type_get_id (g_ptr_array_index (types, i));
  g_assert_cmpint (night, !=, 0);

  for (int d = 0; d < 28; d++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (first, d);
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
      ScCoverRequirement req = { 0, };

      g_strlcpy (req.day, day, sizeof req.day);
      req.start_minute = -1;
      req.shift_type_id = night;
      req.required = people;
      req.under_weight = 100;
      req.over_weight = 100;
      g_assert_cmpint (sc_store_save_cover_requirement (store, session, &req, &error), !=, 0);
      g_assert_no_error (error);
    }
}

typedef struct
{
  int    n;
  double low, high, sum, sum_sq;
} Spread;

static void
spread_add (Spread *s,
            double  x)
{
  if (s->n == 0 || x < s->low)
    s->low = x;
  if (s->n == 0 || x > s->high)
    s->high = x;
  s->n++;
  s->sum += x;
  s->sum_sq += x * x;
}

static double
spread_stdev (const Spread *s)
{
  double mean = s->sum / MAX (s->n, 1);

  return s->n > 0 ? sqrt (MAX (s->sum_sq / s->n - mean * mean, 0)) : 0;
}

static void
print_spreads (const char             *label,
               const ScRosterProblem  *pb,
               const ScRosterSolution *solution)
{
  int groups = 0;

  for (int p = 0; p < pb->n_people; p++)
    groups = MAX (groups, pb->people[p].fairness_group + 1);

  for (int g = 0; g < groups; g++)
    {
      Spread nights = { 0, }, weekends = { 0, }, hours = { 0, };

      for (int p = 0; p < pb->n_people; p++)
        {
          int n = 0, minutes = 0, worked = 0, target = sc_roster_problem_get_fairness_target (pb, p);
          g_autofree guint8 *seen = g_new0 (guint8, sc_roster_problem_get_n_weekends (pb) + 1);

          if (pb->people[p].fairness_group != g)
            continue;
          for (int d = 0; d < pb->n_days; d++)
            {
              int t = sc_roster_solution_get (solution, p, d);
              int w = sc_roster_problem_get_weekend (pb, d);

              if (t < 0)
                continue;
              n += pb->shift_types[t].night;
              minutes += pb->shift_types[t].length;
              if (w >= 0 && !seen[w])
                {
                  seen[w] = 1;
                  worked++;
                }
            }
          spread_add (&nights, n);
          spread_add (&weekends, worked);
          if (target > 0)
            spread_add (&hours, 100.0 * minutes / target);
        }

      g_print ("%s: group %d (%d people): nights min=%.0f max=%.0f stdev=%.2f;"
               " weekends min=%.0f max=%.0f stdev=%.2f; hours %% of target min=%.1f max=%.1f stdev=%.2f\n",
               label, g, nights.n, nights.low, nights.high, spread_stdev (&nights),
               weekends.low, weekends.high, spread_stdev (&weekends),
               hours.low, hours.high, spread_stdev (&hours));
    }
}

static int weights[SC_ROSTER_N_FAIR] = { -1, -1, -1 };

static void
run (const char *label,
     ScStore    *store,
     ScSession  *session,
     gboolean    fair,
     double      time_limit,
     gint64      iterations,
     guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  ScRosterSolverOptions options;
  ScRosterSolverStats stats = { 0, };
  double short_intervals = 0;

  input = sc_store_build_roster_input (store, session, FIRST_DAY, 28, &error);
  g_assert_no_error (error);
  for (int k = 0; k < SC_ROSTER_N_FAIR; k++)
    if (!fair || weights[k] >= 0)
      sc_roster_problem_set_fairness (input->problem, k, fair ? weights[k] : 0);
  g_print ("%s: weights %d/%d/%d\n", label, input->problem->fairness_weight[0], input->problem->fairness_weight[1],
           input->problem->fairness_weight[2]);

  sc_roster_solver_options_init (&options);
  options.seed = seed;
  options.time_limit = time_limit;
  options.max_iterations = iterations;
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, &stats);
  score = sc_roster_score_compute (input->problem, solution, TRUE);

  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER || v->rule == SC_ROSTER_RULE_COVER_UNDER)
        short_intervals += v->amount;
    }

  g_print ("%s: objective=%" G_GINT64_FORMAT " hard_violations=%d shortfall_percent=%.2f"
           " spread_cost=%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
           " seconds=%.1f iterations=%" G_GINT64_FORMAT "\n",
           label, score->objective, score->hard_violations,
           input->required_person_intervals > 0 ? 100.0 * short_intervals / input->required_person_intervals : 0.0,
           score->total[SC_ROSTER_RULE_NIGHTS_SPREAD], score->total[SC_ROSTER_RULE_WEEKENDS_SPREAD],
           score->total[SC_ROSTER_RULE_HOURS_SPREAD], stats.seconds, stats.iterations);
  print_spreads (label, input->problem, solution);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fairness.db", NULL);
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScStore) store = NULL;
  double time_limit = 10;
  gint64 iterations = 0;
  int seed = 1;
  int night_desk = 2;
  g_autofree char *weight_list = NULL;
  GOptionEntry entries[] = {
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit, "Seconds per run", "S" },
    { "iterations", 0, 0, G_OPTION_ARG_INT64, &iterations, "Iterations per run, whatever the time (0: none)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed", "N" },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weight_list, "Weights instead of the defaults", "N,W,H" },
    { "night-desk", 0, 0, G_OPTION_ARG_INT, &night_desk, "People on the night shift every day (0: none)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (weight_list != NULL &&
      sscanf (weight_list, "%d,%d,%d", &weights[0], &weights[1], &weights[2]) != 3)
    {
      g_printerr ("--weights takes three numbers: nights,weekends,hours\n");
      return 2;
    }

  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_demo_populate_from (store, session, FIRST_DAY, NULL, &error));
  if (night_desk > 0)
    add_night_desk (store, session, night_desk);

  run ("fairness off", store, session, FALSE, time_limit, iterations, (guint32) seed);
  run ("fairness on", store, session, TRUE, time_limit, iterations, (guint32) seed);

  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
