/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Staffing figures: required agents for one interval, Erlang C and Erlang A,
 * at loads from 1 to 1,000 Erlangs. Prints figures; never fails on time.
 */
#include "config.h"

#include <glib.h>

#include "sc-erlang.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
bench_load (double erlangs,
            double patience_seconds,
            guint  n_runs)
{
  ScStaffingInput in = {
    .interval_minutes = 30, .aht_seconds = 180, .target_sl = 0.8, .target_seconds = 20,
    .max_occupancy = 0.9, .shrinkage = 0.3, .patience_seconds = patience_seconds,
  };
  ScStaffingResult out = { 0, };
  double base_calls = erlangs * 30 * 60 / in.aht_seconds;
  double t;
  gint64 agents = 0;

  t = now ();
  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;

      /* A slightly different load each time, as across the intervals of a day */
      in.calls = base_calls * (1 + (i % 101) / 1000.0);
      if (!sc_erlang_required_agents (&in, &out, &error))
        g_error ("%s", error->message);
      agents += out.agents;
    }
  t = now () - t;

  g_print ("%-8s %8.0f Erlangs  %7u runs  %9.3f s  %10.2f us each  (mean %.1f agents)\n",
           patience_seconds > 0 ? "Erlang A" : "Erlang C", erlangs, n_runs, t, t / n_runs * 1e6,
           (double) agents / n_runs);
}

int
main (int   argc,
      char *argv[])
{
  const double loads[] = { 1, 10, 100, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    bench_load (loads[i], 0, 100000);

  /* Erlang A bisects, with an incomplete gamma function at each step */
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    bench_load (loads[i], 300, loads[i] >= 1000 ? 1000 : 10000);

  return 0;
}
