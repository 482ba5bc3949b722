/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sc-erlang.h"

/* Tolerances of the oracle: fractions and Erlangs to 4 decimals, ASA to 0.01 s */
#define FRACTION_TOLERANCE 1e-4
#define ASA_TOLERANCE      0.01

static const char *oracle_columns[] = {
  "calls", "interval_min", "aht_s", "sl_target", "target_s", "erlangs", "agents",
  "p_wait", "service_level", "asa_s", "occupancy",
};

static ScStaffingInput
example_input (void)
{
  /* 100 calls in 30 minutes, AHT 3 minutes, 80 % within 20 s */
  return (ScStaffingInput) {
    .calls = 100, .interval_minutes = 30, .aht_seconds = 180,
    .target_sl = 0.80, .target_seconds = 20,
  };
}

static double
parse_double (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

/* Every row of the oracle, from the test's own copy of it */
static void
test_erlang_oracle (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "erlang-oracle.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean seen_header = FALSE;
  guint n_rows = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      ScStaffingInput in = { 0, };
      ScStaffingResult out = { 0, };
      const char *line = lines[i];

      if (*line == '\0' || *line == '#')
        continue;

      fields = g_strsplit (line, "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (oracle_columns));

      if (!seen_header)
        {
          for (guint j = 0; j < G_N_ELEMENTS (oracle_columns); j++)
            g_assert_cmpstr (fields[j], ==, oracle_columns[j]);
          seen_header = TRUE;
          continue;
        }

      in.calls = parse_double (fields[0]);
      in.interval_minutes = (int) parse_double (fields[1]);
      in.aht_seconds = parse_double (fields[2]);
      in.target_sl = parse_double (fields[3]);
      in.target_seconds = parse_double (fields[4]);

      g_test_message ("oracle line %u: %s", i + 1, line);
      g_assert_true (sc_erlang_required_agents (&in, &out, &error));
      g_assert_no_error (error);

      g_assert_cmpfloat_with_epsilon (out.erlangs, parse_double (fields[5]), FRACTION_TOLERANCE);
      g_assert_cmpint (out.agents, ==, (int) parse_double (fields[6]));
      g_assert_cmpfloat_with_epsilon (out.p_wait, parse_double (fields[7]), FRACTION_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (out.service_level, parse_double (fields[8]), FRACTION_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (out.asa_seconds, parse_double (fields[9]), ASA_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (out.occupancy, parse_double (fields[10]), FRACTION_TOLERANCE);
      g_assert_cmpint (out.scheduled, ==, out.agents);
      g_assert_true (out.stable);
      g_assert_cmpfloat (out.p_abandon, ==, 0);

      /* The primitives agree with the whole-interval answer */
      g_assert_cmpfloat_with_epsilon (sc_erlang_c (out.agents, out.erlangs), out.p_wait, 1e-12);
      g_assert_cmpfloat_with_epsilon (sc_erlang_service_level (out.agents, out.erlangs, in.aht_seconds,
                                                               in.target_seconds),
                                      out.service_level, 1e-12);
      g_assert_cmpfloat_with_epsilon (sc_erlang_asa (out.agents, out.erlangs, in.aht_seconds),
                                      out.asa_seconds, 1e-9);
      g_assert_cmpfloat_with_epsilon (sc_erlang_occupancy (out.agents, out.erlangs), out.occupancy, 1e-12);

      /* One agent fewer misses the target */
      g_assert_cmpfloat (sc_erlang_service_level (out.agents - 1, out.erlangs, in.aht_seconds,
                                                  in.target_seconds), <, in.target_sl);
      n_rows++;
    }

  g_assert_true (seen_header);
  g_assert_cmpuint (n_rows, ==, 6);
}

/* Further facts: 100 calls / 30 min, AHT 180 s, N = 11..15 */
static void
test_erlang_service_level_by_agents (void)
{
  const double expected[] = { 0.3896, 0.6402, 0.7956, 0.8884, 0.9415 };
  double erlangs = sc_erlang_offered_load (100, 30, 180);

  g_assert_cmpfloat (erlangs, ==, 10.0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (sc_erlang_service_level (11 + i, erlangs, 180, 20), expected[i],
                                    FRACTION_TOLERANCE);
}

static void
test_erlang_shrinkage (void)
{
  g_autoptr(GError) error = NULL;
  ScStaffingInput in = example_input ();
  ScStaffingResult out = { 0, };

  in.shrinkage = 0.30;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.agents, ==, 14);
  g_assert_cmpint (out.scheduled, ==, 20);

  g_assert_cmpint (sc_erlang_scheduled_agents (14, 0.30), ==, 20);
  g_assert_cmpint (sc_erlang_scheduled_agents (15, 0.30), ==, 22);
  g_assert_cmpint (sc_erlang_scheduled_agents (14, 0), ==, 14);
  g_assert_cmpint (sc_erlang_scheduled_agents (0, 0.5), ==, 0);
  /* Exact quotients are not pushed up by rounding */
  g_assert_cmpint (sc_erlang_scheduled_agents (7, 0.3), ==, 10);
  g_assert_cmpint (sc_erlang_scheduled_agents (9, 0.1), ==, 10);
  g_assert_cmpint (sc_erlang_scheduled_agents (80, 0.2), ==, 100);
  g_assert_cmpint (sc_erlang_scheduled_agents (81, 0.2), ==, 102);
}

static void
test_erlang_max_occupancy (void)
{
  g_autoptr(GError) error = NULL;
  ScStaffingInput in = example_input ();
  ScStaffingResult out = { 0, };

  /* 0.85 does not bind: 14 agents are 71 % busy */
  in.max_occupancy = 0.85;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.agents, ==, 14);

  in.max_occupancy = 0.70;
  in.shrinkage = 0.30;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.agents, ==, 15);
  g_assert_cmpfloat_with_epsilon (out.service_level, 0.9415, FRACTION_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (out.occupancy, 0.6667, FRACTION_TOLERANCE);
  g_assert_cmpint (out.scheduled, ==, 22);

  /* A limit met exactly counts as met: 10 Erlangs on 20 agents is 0.5 */
  in.max_occupancy = 0.5;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_cmpint (out.agents, ==, 20);

  /* 1 is no stricter than no limit */
  in.max_occupancy = 1;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_cmpint (out.agents, ==, 14);
}

/* The textbook sum Σ A^k / k!, as an independent check of the recursion */
static double
erlang_b_by_sum (int    agents,
                 double erlangs)
{
  long double term = 1;
  long double sum = 1;

  for (int k = 1; k <= agents; k++)
    {
      term *= erlangs / k;
      sum += term;
    }

  return (double) (term / sum);
}

static void
test_erlang_b (void)
{
  g_assert_cmpfloat_with_epsilon (sc_erlang_b (10, 5), 0.018385, 5e-7);
  g_assert_cmpfloat (sc_erlang_b (0, 5), ==, 1);
  g_assert_cmpfloat (sc_erlang_b (0, 0), ==, 1);
  g_assert_cmpfloat (sc_erlang_b (3, 0), ==, 0);
  g_assert_cmpfloat_with_epsilon (sc_erlang_b (1, 1), 0.5, 1e-15);

  for (int n = 1; n <= 60; n += 7)
    for (double a = 0.25; a < 50; a *= 1.9)
      g_assert_cmpfloat_with_epsilon (sc_erlang_b (n, a), erlang_b_by_sum (n, a), 1e-12);

  /* Erlang C from B: C = N·B / (N − A·(1 − B)) against the textbook form
   * (A^N/N!)·N/(N−A) / (Σ_{k<N} A^k/k! + (A^N/N!)·N/(N−A)) */
  for (int n = 2; n <= 40; n += 3)
    for (double a = 0.5; a < n; a += 1.3)
      {
        long double term = 1, sum = 0, last;
        double expected;

        for (int k = 0; k < n; k++)
          {
            sum += term;
            term *= a / (k + 1);
          }
        last = term * n / (n - a);
        expected = (double) (last / (sum + last));
        g_assert_cmpfloat_with_epsilon (sc_erlang_c (n, a), expected, 1e-12);
      }
}

/* Further facts: pyworkforce's Erlang A case, patience 5 min, 100 calls in
 * 30 min, AHT 3 min, 14 agents, SL within 20 s */
static void
test_erlang_a (void)
{
  g_autoptr(GError) error = NULL;
  ScErlangAResult a = { 0, };
  ScStaffingInput in = example_input ();
  ScStaffingResult out = { 0, };

  sc_erlang_a (14, 10, 180, 300, 20, &a);
  g_assert_cmpfloat_with_epsilon (a.p_wait, 0.14526, 5e-6);
  g_assert_cmpfloat_with_epsilon (a.p_abandon, 0.013984, 5e-7);
  g_assert_cmpfloat_with_epsilon (a.occupancy, 0.704297, 5e-7);
  g_assert_cmpfloat_with_epsilon (a.asa_seconds / 60, 0.069919, 5e-7);
  g_assert_cmpfloat_with_epsilon (a.service_level, 0.916792, 5e-7);

  g_assert_cmpfloat (sc_erlang_a_wait_probability (14, 10, 180, 300), ==, a.p_wait);
  g_assert_cmpfloat (sc_erlang_a_abandon_probability (14, 10, 180, 300), ==, a.p_abandon);
  g_assert_cmpfloat (sc_erlang_a_occupancy (14, 10, 180, 300), ==, a.occupancy);
  g_assert_cmpfloat (sc_erlang_a_asa (14, 10, 180, 300), ==, a.asa_seconds);
  g_assert_cmpfloat (sc_erlang_a_service_level (14, 10, 180, 300, 20), ==, a.service_level);

  /* The same through the interval API */
  in.patience_seconds = 300;
  g_assert_true (sc_erlang_evaluate (&in, 14, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out.p_wait, ==, a.p_wait);
  g_assert_cmpfloat (out.p_abandon, ==, a.p_abandon);
  g_assert_cmpfloat (out.service_level, ==, a.service_level);
  g_assert_cmpfloat (out.asa_seconds, ==, a.asa_seconds);
  g_assert_cmpfloat (out.occupancy, ==, a.occupancy);
  g_assert_true (out.stable);

  /* Callers who hang up relieve the queue: 13 agents reach 80 % too,
   * where Erlang C needs 14 */
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.agents, ==, 13);
  g_assert_cmpfloat (out.service_level, >=, 0.80);
  g_assert_cmpfloat (sc_erlang_a_service_level (12, 10, 180, 300, 20), <, 0.80);

  /* Less patience, more hang-ups */
  g_assert_cmpfloat (sc_erlang_a_abandon_probability (14, 10, 180, 60), >,
                     sc_erlang_a_abandon_probability (14, 10, 180, 1200));

  /* Answered at once or not at all at t = 0 */
  sc_erlang_a (14, 10, 180, 300, 0, &a);
  g_assert_cmpfloat_with_epsilon (a.service_level, 1 - a.p_wait, 1e-12);

  /* Nobody on the phones: everyone waits until they hang up */
  sc_erlang_a (0, 10, 180, 300, 20, &a);
  g_assert_cmpfloat (a.p_wait, ==, 1);
  g_assert_cmpfloat (a.p_abandon, ==, 1);
  g_assert_cmpfloat (a.service_level, ==, 0);
  g_assert_cmpfloat_with_epsilon (a.asa_seconds, 300, 1e-9);
}

/* Infinitely patient callers are Erlang C's */
static void
test_erlang_a_patient_limit (void)
{
  for (int n = 11; n <= 25; n += 2)
    {
      ScErlangAResult a = { 0, };

      sc_erlang_a (n, 10, 180, 1e9, 20, &a);
      g_assert_cmpfloat_with_epsilon (a.p_wait, sc_erlang_c (n, 10), 1e-5);
      g_assert_cmpfloat_with_epsilon (a.service_level, sc_erlang_service_level (n, 10, 180, 20), 1e-5);
      g_assert_cmpfloat_with_epsilon (a.asa_seconds, sc_erlang_asa (n, 10, 180), 1e-3);
      g_assert_cmpfloat_with_epsilon (a.occupancy, sc_erlang_occupancy (n, 10), 1e-5);
      g_assert_cmpfloat (a.p_abandon, <, 1e-5);
    }
}

/* More agents never serve worse, nor keep each agent busier */
static void
test_erlang_monotone (void)
{
  const double loads[] = { 0.3, 4, 10, 47.5, 250, 1000 };
  const double patiences[] = { 0, 30, 300, 3600 };

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    for (guint j = 0; j < G_N_ELEMENTS (patiences); j++)
      {
        ScStaffingInput in = {
          .calls = loads[i] * 1800 / 180, .interval_minutes = 30, .aht_seconds = 180,
          .target_sl = 0.8, .target_seconds = 20, .patience_seconds = patiences[j],
        };
        double last_sl = -1;
        double last_occupancy = 2;
        int last_agents = (int) (loads[i] * 1.3) + 10;

        for (int n = patiences[j] > 0 ? 0 : (int) floor (loads[i]) + 1; n <= last_agents; n++)
          {
            g_autoptr(GError) error = NULL;
            ScStaffingResult out = { 0, };

            g_assert_true (sc_erlang_evaluate (&in, n, &out, &error));
            g_assert_no_error (error);
            g_assert_true (isfinite (out.p_wait) && isfinite (out.service_level) &&
                           isfinite (out.asa_seconds) && isfinite (out.occupancy));
            g_assert_cmpfloat (out.service_level, >=, last_sl - 1e-9);
            if (n > 0)
              g_assert_cmpfloat (out.occupancy, <=, last_occupancy + 1e-9);
            last_sl = out.service_level;
            if (n > 0)
              last_occupancy = out.occupancy;
          }
      }
}

/* The answer is the smallest N, whichever model and targets */
static void
test_erlang_minimal (void)
{
  const double loads[] = { 0.01, 0.7, 3, 10, 33.3, 120, 800 };
  const double targets[] = { 0.5, 0.8, 0.95, 0.999 };
  const double patiences[] = { 0, 120 };

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    for (guint j = 0; j < G_N_ELEMENTS (targets); j++)
      for (guint k = 0; k < G_N_ELEMENTS (patiences); k++)
        {
          g_autoptr(GError) error = NULL;
          ScStaffingInput in = {
            .calls = loads[i] * 900 / 240, .interval_minutes = 15, .aht_seconds = 240,
            .target_sl = targets[j], .target_seconds = 15, .max_occupancy = 0.9,
            .patience_seconds = patiences[k],
          };
          ScStaffingResult out = { 0, };
          ScStaffingResult fewer = { 0, };

          g_assert_true (sc_erlang_required_agents (&in, &out, &error));
          g_assert_no_error (error);
          g_assert_cmpfloat_with_epsilon (out.erlangs, loads[i], 1e-9);
          g_assert_cmpint (out.agents, >=, 1);
          g_assert_cmpfloat (out.service_level, >=, targets[j]);
          g_assert_cmpfloat (out.occupancy, <=, 0.9);

          g_assert_true (sc_erlang_evaluate (&in, out.agents - 1, &fewer, &error));
          g_assert_no_error (error);
          g_assert_true (!fewer.stable || fewer.service_level < targets[j] || fewer.occupancy > 0.9);
        }
}

/* No calls need no agents */
static void
test_erlang_zero_calls (void)
{
  g_autoptr(GError) error = NULL;
  ScStaffingInput in = example_input ();
  ScStaffingResult out = { 0, };

  in.calls = 0;
  in.shrinkage = 0.3;
  in.max_occupancy = 0.8;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out.erlangs, ==, 0);
  g_assert_cmpint (out.agents, ==, 0);
  g_assert_cmpint (out.scheduled, ==, 0);
  g_assert_cmpfloat (out.p_wait, ==, 0);
  g_assert_cmpfloat (out.service_level, ==, 1);
  g_assert_cmpfloat (out.asa_seconds, ==, 0);
  g_assert_cmpfloat (out.occupancy, ==, 0);
  g_assert_true (out.stable);

  in.patience_seconds = 120;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_cmpint (out.agents, ==, 0);
  g_assert_cmpfloat (out.service_level, ==, 1);

  g_assert_cmpfloat (sc_erlang_c (5, 0), ==, 0);
  g_assert_cmpfloat (sc_erlang_service_level (0, 0, 180, 20), ==, 1);
  g_assert_cmpfloat (sc_erlang_asa (0, 0, 180), ==, 0);
  g_assert_cmpfloat (sc_erlang_occupancy (0, 0), ==, 0);

  /* A trickle still needs someone */
  in.calls = 0.01;
  in.patience_seconds = 0;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_cmpint (out.agents, ==, 1);
  g_assert_cmpint (out.scheduled, ==, 2);
}

static void
test_erlang_unstable (void)
{
  g_autoptr(GError) error = NULL;
  ScStaffingInput in = example_input ();
  ScStaffingResult out = { 0, };

  for (int n = 0; n <= 10; n++)
    {
      g_assert_true (sc_erlang_evaluate (&in, n, &out, &error));
      g_assert_no_error (error);
      g_assert_false (out.stable);
      g_assert_cmpfloat (out.p_wait, ==, 1);
      g_assert_cmpfloat (out.service_level, ==, 0);
      g_assert_true (isinf (out.asa_seconds) && out.asa_seconds > 0);
      g_assert_cmpfloat (out.occupancy, ==, n > 0 ? 1 : 0);
    }

  g_assert_cmpfloat (sc_erlang_c (10, 10), ==, 1);
  g_assert_cmpfloat (sc_erlang_c (9, 10), ==, 1);
  g_assert_cmpfloat (sc_erlang_service_level (10, 10, 180, 20), ==, 0);
  g_assert_true (isinf (sc_erlang_asa (10, 10, 180)));
  g_assert_cmpfloat (sc_erlang_occupancy (8, 10), ==, 1);

  /* Just above the load: stable, barely */
  g_assert_true (sc_erlang_evaluate (&in, 11, &out, &error));
  g_assert_true (out.stable);
  g_assert_cmpfloat (out.p_wait, <, 1);
  g_assert_true (isfinite (out.asa_seconds));

  /* Erlang A is never unstable */
  in.patience_seconds = 300;
  g_assert_true (sc_erlang_evaluate (&in, 8, &out, &error));
  g_assert_true (out.stable);
  g_assert_true (isfinite (out.asa_seconds));
  g_assert_cmpfloat (out.service_level, >, 0);
  g_assert_cmpfloat (out.p_abandon, >, 0);
}

static void
test_erlang_huge_load (void)
{
  g_autoptr(GError) error = NULL;
  ScStaffingInput in = {
    .calls = 10000, .interval_minutes = 30, .aht_seconds = 180,
    .target_sl = 0.8, .target_seconds = 20, .shrinkage = 0.35,
  };
  ScStaffingResult out = { 0, };
  ScErlangAResult a = { 0, };
  double b;

  /* 1,000 Erlangs */
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out.erlangs, ==, 1000);
  g_assert_cmpint (out.agents, >, 1000);
  g_assert_cmpint (out.agents, <, 1100);
  g_assert_cmpfloat (out.service_level, >=, 0.8);
  g_assert_true (isfinite (out.asa_seconds) && out.asa_seconds >= 0);
  g_assert_cmpint (out.scheduled, ==, sc_erlang_scheduled_agents (out.agents, 0.35));

  b = sc_erlang_b (1100, 1000);
  g_assert_true (isfinite (b) && b > 0 && b < 1);
  g_assert_true (isfinite (sc_erlang_c (1100, 1000)));
  g_assert_cmpfloat (sc_erlang_service_level (1100, 1000, 180, 20), >, 0.999);
  g_assert_cmpfloat (sc_erlang_b (1100, 10), ==, 0);  /* underflows, harmlessly */
  g_assert_cmpfloat (sc_erlang_c (1100, 10), ==, 0);

  /* Erlang A at 1,000 Erlangs, patience short and very long */
  sc_erlang_a (1050, 1000, 180, 30, 20, &a);
  g_assert_true (isfinite (a.p_wait) && isfinite (a.service_level) && isfinite (a.asa_seconds));
  sc_erlang_a (500, 1000, 180, 1e6, 20, &a);
  g_assert_true (isfinite (a.p_wait) && isfinite (a.service_level) && isfinite (a.asa_seconds));
  g_assert_cmpfloat_with_epsilon (a.p_abandon, 0.5, 1e-6);  /* half the calls can be answered */
  g_assert_cmpfloat_with_epsilon (a.occupancy, 1, 1e-6);

  in.patience_seconds = 600;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (out.service_level, >=, 0.8);
  g_assert_cmpint (out.agents, <, 1100);

  /* 50,000 Erlangs: still finite */
  in.patience_seconds = 0;
  in.calls = 500000;
  g_assert_true (sc_erlang_required_agents (&in, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out.agents, >, 50000);
  g_assert_cmpint (out.agents, <, 50200);
  g_assert_true (isfinite (out.asa_seconds));

  /* Beyond any interval */
  in.calls = 1e9;
  g_assert_false (sc_erlang_required_agents (&in, &out, &error));
  g_assert_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_TOO_LARGE);
}

typedef struct
{
  const char *name;
  gsize       offset;  /* of the field set to value in the example */
  double      value;
  const char *shown;   /* the message names the value */
} BadInput;

#define FIELD(name) G_STRUCT_OFFSET (ScStaffingInput, name)

static void
test_erlang_bad_input (void)
{
  const BadInput cases[] = {
    { "negative calls", FIELD (calls), -5, "-5" },
    { "NaN calls", FIELD (calls), NAN, "nan" },
    { "negative interval", FIELD (interval_minutes), -15, "-15" },
    { "zero AHT", FIELD (aht_seconds), 0, "0" },
    { "negative AHT", FIELD (aht_seconds), -180, "-180" },
    { "target 0", FIELD (target_sl), 0, "0" },
    { "target 1", FIELD (target_sl), 1, "1" },
    { "target above 1", FIELD (target_sl), 1.25, "1.25" },
    { "target in percent", FIELD (target_sl), 80, "80" },
    { "negative target time", FIELD (target_seconds), -1, "-1" },
    { "occupancy above 1", FIELD (max_occupancy), 1.5, "1.5" },
    { "negative occupancy", FIELD (max_occupancy), -0.2, "-0.2" },
    { "shrinkage 1", FIELD (shrinkage), 1, "1" },
    { "negative shrinkage", FIELD (shrinkage), -0.1, "-0.1" },
    { "negative patience", FIELD (patience_seconds), -3, "-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ScStaffingResult out = { .agents = 77 };

      ScStaffingInput in = example_input ();

      if (cases[i].offset == FIELD (interval_minutes))
        in.interval_minutes = (int) cases[i].value;
      else
        G_STRUCT_MEMBER (double, &in, cases[i].offset) = cases[i].value;

      g_test_message ("%s", cases[i].name);
      g_assert_false (sc_erlang_required_agents (&in, &out, &error));
      g_assert_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, cases[i].shown));
      g_assert_cmpint (out.agents, ==, 77);  /* untouched */
    }

  /* evaluate () ignores the SL target but checks the rest, and the agents */
  {
    g_autoptr(GError) error = NULL;
    ScStaffingInput in = example_input ();
    ScStaffingResult out = { 0, };

    in.target_sl = 0;
    g_assert_true (sc_erlang_evaluate (&in, 14, &out, &error));
    g_assert_no_error (error);
    g_assert_false (sc_erlang_evaluate (&in, -1, &out, &error));
    g_assert_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "-1"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/engine/erlang/oracle", test_erlang_oracle);
  g_test_add_func ("/engine/erlang/service-level-by-agents", test_erlang_service_level_by_agents);
  g_test_add_func ("/engine/erlang/shrinkage", test_erlang_shrinkage);
  g_test_add_func ("/engine/erlang/max-occupancy", test_erlang_max_occupancy);
  g_test_add_func ("/engine/erlang/erlang-b", test_erlang_b);
  g_test_add_func ("/engine/erlang/erlang-a", test_erlang_a);
  g_test_add_func ("/engine/erlang/erlang-a-patient-limit", test_erlang_a_patient_limit);
  g_test_add_func ("/engine/erlang/monotone", test_erlang_monotone);
  g_test_add_func ("/engine/erlang/minimal", test_erlang_minimal);
  g_test_add_func ("/engine/erlang/zero-calls", test_erlang_zero_calls);
  g_test_add_func ("/engine/erlang/unstable", test_erlang_unstable);
  g_test_add_func ("/engine/erlang/huge-load", test_erlang_huge_load);
  g_test_add_func ("/engine/erlang/bad-input", test_erlang_bad_input);

  return g_test_run ();
}
