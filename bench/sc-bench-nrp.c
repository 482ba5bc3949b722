/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The roster solver on the Curtois employee shift scheduling benchmark.
 *
 *   sc-bench-nrp INSTANCE.txt [--time-limit S] [--seed N] [--threads N]
 *                [--iterations N] [--output ROSTER.csv]
 *     solves one instance, writes the roster (EmployeeID,Day,ShiftID per
 *     worked day) and prints as last line
 *     objective=<int> hard_violations=<int> seconds=<float>
 *     (seconds from the start of reading the instance to the roster written;
 *     the time limit bounds that whole span)
 *
 *     (--threads: independent searches, the best roster kept; by default
 *     one a core, at most two)
 *
 *   sc-bench-nrp --suite DIR [--time-limit S] …
 *     solves Instance1–7 and 10 of DIR and prints a table against
 *     best_known.tsv (one thread unless --threads says otherwise: those
 *     targets are for one core); prints why and exits 0 when DIR is absent.
 *
 * Exit status: 0 done, 1 bad instance file or write error, 2 usage.
 */
#define G_LOG_DOMAIN "sc-bench-nrp"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "sc-nrp.h"
#include "sc-roster-score.h"
#include "sc-roster-solver.h"

static double   opt_time_limit = 60;
static int      opt_seed = 1;
static int      opt_threads = 0;
static gint64   opt_iterations = 0;
static char    *opt_output = NULL;
static char    *opt_suite = NULL;
static gboolean opt_verbose = FALSE;

static GOptionEntry entries[] = {
  { "time-limit", 't', 0, G_OPTION_ARG_DOUBLE, &opt_time_limit, "Seconds per instance (default 60)", "S" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Random seed (default 1)", "N" },
  { "threads", 'j', 0, G_OPTION_ARG_INT, &opt_threads, "Independent searches in threads (default: one a core, at most 2)", "N" },
  { "iterations", 'i', 0, G_OPTION_ARG_INT64, &opt_iterations, "Iteration budget (default: none)", "N" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Write the roster to this file", "FILE" },
  { "suite", 0, 0, G_OPTION_ARG_FILENAME, &opt_suite, "Solve Instances 1–7 and 10 of this folder", "DIR" },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Print progress on stderr", NULL },
  { NULL }
};

static void
on_progress (int      hard,
             gint64   objective,
             double   fraction,
             gpointer user_data)
{
  if (opt_verbose)
    g_printerr ("  %5.1f%%  hard=%d objective=%" G_GINT64_FORMAT "\n", fraction * 100, hard, objective);
}

/* The time limit holds for the whole run of one instance: reading it, the
 * search, and writing the roster. The search gets what is left after
 * reading, less a reserve for writing (1 %, at most a second). */
static ScRosterSolution *
solve (const ScRosterProblem *problem,
       gint64                 start,
       ScRosterSolverStats   *stats)
{
  ScRosterSolverOptions options;
  double used = (g_get_monotonic_time () - start) / 1e6;

  sc_roster_solver_options_init (&options);
  options.seed = (guint32) opt_seed;
  options.time_limit = opt_time_limit;
  if (opt_time_limit > 0)
    options.time_limit = MAX (0.01, opt_time_limit - used - MIN (1.0, opt_time_limit * 0.01));
  options.max_iterations = opt_iterations;
  options.n_threads = opt_threads > 0 ? opt_threads : sc_roster_solver_threads ();
  options.progress = on_progress;
  return sc_roster_solve (problem, NULL, &options, NULL, stats);
}

static int
run_one (const char *path)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterProblem) problem = sc_nrp_load (path, &error);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  g_autofree char *roster = NULL;
  ScRosterSolverStats stats;

  if (problem == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  solution = solve (problem, start, &stats);
  score = sc_roster_score_compute (problem, solution, FALSE);
  roster = sc_nrp_format_roster (problem, solution);
  if (opt_output)
    {
      if (!g_file_set_contents (opt_output, roster, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  else
    fputs (roster, stdout);
  if (opt_verbose)
    for (int r = 0; r < SC_ROSTER_N_RULES; r++)
      if (score->count[r] > 0)
        g_printerr ("%-22s %5d %8" G_GINT64_FORMAT "\n", sc_roster_rule_get_name (r),
                    score->count[r], score->total[r]);
  printf ("objective=%" G_GINT64_FORMAT " hard_violations=%d seconds=%.2f to_best=%.2f iterations=%" G_GINT64_FORMAT
          " lower_bound=%" G_GINT64_FORMAT "\n",
          score->objective, score->hard_violations, (g_get_monotonic_time () - start) / 1e6, stats.seconds_to_best,
          stats.iterations, stats.lower_bound);
  return 0;
}

static GHashTable *
read_best_known (const char *dir)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_build_filename (dir, "best_known.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return table;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (f) >= 6)
        g_hash_table_insert (table, g_strdup (f[0]), GINT_TO_POINTER (atoi (f[5])));
    }
  return table;
}

static int
run_suite (const char *dir)
{
  static const int instances[] = { 1, 2, 3, 4, 5, 6, 7, 10 };
  g_autoptr(GHashTable) best_known = NULL;
  double total_seconds = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      printf ("nrp: skipped: the benchmark folder %s is absent\n", dir);
      return 0;
    }
  best_known = read_best_known (dir);
  printf ("%-11s %9s %9s %7s %5s %8s %8s %10s\n", "instance", "objective", "optimum", "gap%",
          "hard", "seconds", "to-best", "iterations");
  for (guint i = 0; i < G_N_ELEMENTS (instances); i++)
    {
      g_autofree char *name = g_strdup_printf ("Instance%d", instances[i]);
      g_autofree char *file = g_strdup_printf ("%s.txt", name);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScRosterProblem) problem = NULL;
      g_autoptr(ScRosterSolution) solution = NULL;
      g_autoptr(ScRosterScore) score = NULL;
      ScRosterSolverStats stats;
      gint64 start = g_get_monotonic_time ();
      int known;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          printf ("%-11s skipped: %s is absent\n", name, path);
          continue;
        }
      problem = sc_nrp_load (path, &error);
      if (problem == NULL)
        {
          printf ("%-11s error: %s\n", name, error->message);
          continue;
        }
      solution = solve (problem, start, &stats);
      score = sc_roster_score_compute (problem, solution, FALSE);
      known = GPOINTER_TO_INT (g_hash_table_lookup (best_known, name));
      total_seconds += stats.seconds;
      printf ("%-11s %9" G_GINT64_FORMAT " %9d %7.2f %5d %8.2f %8.2f %10" G_GINT64_FORMAT "\n",
              name, score->objective, known,
              known > 0 ? 100.0 * (score->objective - known) / known : 0.0,
              score->hard_violations, stats.seconds, stats.seconds_to_best, stats.iterations);
      fflush (stdout);
    }
  printf ("total seconds=%.1f\n", total_seconds);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("INSTANCE.txt");
  g_option_context_set_summary (context, "Solve a Curtois shift scheduling benchmark instance.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_time_limit <= 0 && opt_iterations <= 0)
    {
      g_printerr ("Give a positive --time-limit or --iterations\n");
      return 2;
    }
  /* the suite's instances have their targets on one core */
  if (opt_suite)
    {
      if (opt_threads <= 0)
        opt_threads = 1;
      return argc == 1 ? run_suite (opt_suite) : 2;
    }
  if (argc != 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }
  return run_one (argv[1]);
}
