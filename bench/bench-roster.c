/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Roster figures from the store to a draft roster: the sample team (52
 * rostered people, 4 weeks, half-hour cover for phone, chat and email)
 * and a generated team of 600 people with ten times the contacts. Prints
 * the score, hard violations, cover shortfall in person-hours and as a
 * share of the required person-intervals, seconds and peak memory. Never
 * fails on time.
 *
 *   bench-roster [--time-limit S] [--people N] [--seed N]
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-store.h"

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? atol (line + 6) : -1;
}

static char *
next_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));

  return g_date_time_format (monday, "%Y-%m-%d");
}

/* More agents, and the forecasts scaled so that they are needed */
static void
grow_team (ScStore   *store,
           ScSession *session,
           int        n_people,
           double     factor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = sc_store_get_skills (store, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (600);
  g_autofree char *first = next_monday ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", first);
  int existing = sc_store_count_people (store, TRUE);

  start = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_true (sc_store_begin (store, &error));

  for (int i = existing; i < n_people; i++)
    {
      g_autoptr(ScPerson) person = sc_person_new ();
      g_autofree char *name = g_strdup_printf ("Agent %04d", i);
      g_autofree char *no = g_strdup_printf ("G%05d", i);

      sc_person_set_name (person, name);
      sc_person_set_employee_no (person, no);
      sc_person_set_level (person, g_rand_int_range (rand, 0, SC_N_LEVELS));
      sc_person_set_min_minutes_week (person, 36 * 60);
      sc_person_set_max_minutes_week (person, 44 * 60);
      g_assert_true (sc_store_add_person (store, session, person, &error));

      for (guint s = 0; s < skills->len; s++)
        {
          ScSkill *skill = g_ptr_array_index (skills, s);

          if (sc_skill_get_category (skill) == SC_SKILL_CATEGORY_CHANNEL && g_rand_int_range (rand, 0, 100) < 60)
            g_assert_true (sc_store_set_person_skill (store, session, sc_person_get_id (person),
                                                      sc_skill_get_id (skill), g_rand_int_range (rand, 2, 6),
                                                      &error));
        }
    }

  for (guint s = 0; s < skills->len; s++)
    {
      ScSkill *skill = g_ptr_array_index (skills, s);

      if (sc_skill_get_category (skill) != SC_SKILL_CATEGORY_CHANNEL)
        continue;

      for (int d = 0; d < 28; d++)
        {
          g_autoptr(GDateTime) date = g_date_time_add_days (start, d);
          g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
          g_autoptr(GArray) points = sc_store_get_forecast (store, session, sc_skill_get_id (skill), day, &error);

          for (guint k = 0; k < points->len; k++)
            g_array_index (points, ScForecastPoint, k).volume *= factor;
          g_assert_true (sc_store_set_forecast (store, session, sc_skill_get_id (skill), day,
                                                (ScForecastPoint *) points->data, points->len, &error));
        }
    }

  g_assert_true (sc_store_commit (store, &error));
}

static void
run (const char *label,
     ScStore    *store,
     ScSession  *session,
     double      time_limit,
     guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = next_monday ();
  g_autoptr(ScRosterInput) input = NULL;
  ScRosterSolverOptions options;
  ScRosterSolverStats stats = { 0, };
  ScRosterSolution *solution;
  ScRosterScore *score;
  double short_hours = 0;
  double short_intervals = 0;
  gint64 t = g_get_monotonic_time ();

  input = sc_store_build_roster_input (store, session, first, 28, &error);
  g_assert_no_error (error);
  g_print ("%s: problem built in %.0f ms: %d people, %d shift types, %u half-hour covers\n", label,
           (g_get_monotonic_time () - t) / 1000.0, input->problem->n_people,
           input->problem->n_shift_types, input->problem->interval_covers->len);

  /* as the application runs it: a search a core, at most two */
  sc_roster_solver_options_init (&options);
  options.seed = seed;
  options.time_limit = time_limit;
  options.n_threads = sc_roster_solver_threads ();
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, &stats);
  score = sc_roster_score_compute (input->problem, solution, TRUE);

  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (sc_roster_rule_is_hard (v->rule))
        {
          const ScRosterPerson *who = &input->problem->people[v->person];
          int can = 0;

          for (int d = 0; d < input->problem->n_days; d++)
            can += !input->problem->unavailable[v->person * input->problem->n_days + d];
          g_print ("  hard: %s person %s day %d amount %d (min %d max %d minutes, %d days available)\n",
                   sc_roster_rule_get_name (v->rule), who->id, v->day, v->amount,
                   who->min_minutes, who->max_minutes, can);
        }
      if (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER)
        {
          short_intervals += v->amount;
          short_hours += v->amount * g_array_index (input->problem->interval_covers, ScRosterIntervalCover,
                                                    v->index).length / 60.0;
        }
    }

  g_print ("%s: objective=%" G_GINT64_FORMAT " hard_violations=%d shortfall_person_hours=%.1f"
           " shortfall_percent=%.2f seconds=%.1f iterations=%" G_GINT64_FORMAT " threads=%d peak_kb=%ld\n",
           label, score->objective, score->hard_violations, short_hours,
           input->required_person_intervals > 0 ? 100.0 * short_intervals / input->required_person_intervals : 0.0,
           stats.seconds, stats.iterations, options.n_threads, peak_kb ());

  for (int r = 0; r < SC_ROSTER_N_RULES; r++)
    if (score->count[r] > 0)
      g_print ("  %s: %d\n", sc_roster_rule_get_name (r), score->count[r]);

  sc_roster_score_free (score);
  sc_roster_solution_free (solution);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.db", NULL);
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScStore) store = NULL;
  double time_limit = 8;
  double big_time_limit = 50;
  int people = 600;
  int seed = 1;
  GOptionEntry entries[] = {
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit, "Seconds for the sample team", "S" },
    { "big-time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &big_time_limit, "Seconds for the generated team", "S" },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, "People in the generated team (0: skip)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_demo_populate (store, session, NULL, &error));

  run ("sample team", store, session, time_limit, (guint32) seed);

  if (people > 0)
    {
      grow_team (store, session, people, people / 52.0);
      run ("generated team", store, session, big_time_limit, (guint32) seed);
    }

  g_clear_object (&store);
  g_unlink (path);
  return 0;
}
