/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sc-item-analysis.h"

/*
 * A published worked example: ten students, ten items scored 0 or 1, from
 * Karl L. Wuensch, “The Kuder-Richardson 20” (East Carolina University,
 * StatHelp, core.ecu.edu/wuenschk/StatHelp/KR20.txt). The page prints each
 * item's p (.7 .7 .6 .7 .6 .8 .7 .7 .5 .6), pq, Σpq = 2.18 and the variance
 * of the totals, 5.84; KR-20 follows as 10/9 · (1 − 2.18/5.84) = 0.6963.
 */
static const double wuensch[10][10] = {
  { 1, 1, 1, 1, 1, 1, 0, 1, 1, 0 },  /* A: 8 */
  { 1, 0, 1, 1, 0, 1, 1, 1, 0, 1 },  /* B: 7 */
  { 1, 1, 1, 1, 0, 1, 1, 0, 0, 1 },  /* C: 7 */
  { 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 },  /* D: 2 */
  { 0, 0, 0, 0, 0, 1, 0, 0, 1, 0 },  /* E: 2 */
  { 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 },  /* F: 9 */
  { 1, 1, 0, 1, 1, 1, 0, 1, 1, 1 },  /* G: 8 */
  { 1, 1, 1, 1, 1, 1, 1, 1, 0, 1 },  /* H: 9 */
  { 0, 1, 0, 1, 1, 1, 1, 1, 0, 1 },  /* I: 7 */
  { 1, 1, 0, 1, 1, 0, 1, 1, 1, 0 },  /* J: 7 */
};

static const double published_p[10] = { .7, .7, .6, .7, .6, .8, .7, .7, .5, .6 };
static const double published_pq[10] = { .21, .21, .24, .21, .24, .16, .21, .21, .25, .24 };
static const double published_variance = 5.84;
static const double published_sum_pq = 2.18;

static const double ones[10] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

static void
test_kr20_worked_example (void)
{
  g_autoptr(ScItemAnalysis) analysis = sc_item_analysis_compute (&wuensch[0][0], 10, 10, ones);
  double sum_pq = 0;
  double kr20;

  g_assert_cmpuint (analysis->n_attempts, ==, 10);
  g_assert_cmpfloat_with_epsilon (analysis->mean, 6.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->variance, published_variance, 1e-9);

  for (guint i = 0; i < 10; i++)
    {
      ScItemStats *item = &analysis->items[i];
      double p = item->facility;

      g_assert_cmpfloat_with_epsilon (p, published_p[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (p * (1 - p), published_pq[i], 1e-9);
      sum_pq += p * (1 - p);
    }
  g_assert_cmpfloat_with_epsilon (sum_pq, published_sum_pq, 1e-9);

  /* KR-20 from the page's own figures, and α computed from the grid */
  kr20 = 10.0 / 9.0 * (1 - published_sum_pq / published_variance);
  g_assert_cmpfloat_with_epsilon (analysis->alpha, kr20, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->alpha, 0.6963, 1e-4);

  /* Sample SD of the totals: √(58.4 / 9) */
  g_assert_cmpfloat_with_epsilon (analysis->sd, sqrt (58.4 / 9), 1e-9);
}

static void
test_discrimination (void)
{
  g_autoptr(ScItemAnalysis) analysis = sc_item_analysis_compute (&wuensch[0][0], 10, 10, ones);

  /* Item 1 against the rest of the test, by hand: the rest scores are
   * 7 6 6 2 2 8 7 8 7 6 (mean 5.9); Σ(x−x̄)(y−ȳ) = 6.7, Σ(x−x̄)² = 2.1,
   * Σ(y−ȳ)² = 42.9: r = 6.7 / √(2.1 · 42.9) = 0.7059 */
  g_assert_cmpfloat_with_epsilon (analysis->items[0].discrimination, 6.7 / sqrt (2.1 * 42.9), 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->items[0].discrimination, 0.7059, 1e-4);

  /* Items 7 and 9 are answered better by the weaker students */
  g_assert_cmpfloat (analysis->items[6].discrimination, <, 0);
  g_assert_cmpfloat (analysis->items[8].discrimination, <, 0);
  g_assert_true (analysis->items[6].flags & SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION);
  g_assert_true (analysis->items[8].flags & SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION);

  /* Item 3 does not discriminate at all */
  g_assert_cmpfloat_with_epsilon (analysis->items[2].discrimination, 0, 1e-9);
  g_assert_true (analysis->items[2].flags & SC_ITEM_FLAG_LOW_DISCRIMINATION);

  /* Item 1 is a good item */
  g_assert_cmpint (analysis->items[0].flags, ==, SC_ITEM_FLAG_NONE);

  /* An item everyone gets right is too easy and tells nothing */
  {
    double grid[6][2] = { { 1, 0 }, { 1, 1 }, { 1, 0 }, { 1, 1 }, { 1, 1 }, { 1, 0 } };
    double max[2] = { 1, 1 };
    g_autoptr(ScItemAnalysis) easy = sc_item_analysis_compute (&grid[0][0], 6, 2, max);

    g_assert_true (easy->items[0].flags & SC_ITEM_FLAG_TOO_EASY);
    g_assert_true (isnan (easy->items[0].discrimination));
    g_assert_true (easy->items[0].flags & SC_ITEM_FLAG_LOW_DISCRIMINATION);
    g_assert_cmpfloat_with_epsilon (easy->items[1].facility, 0.5, 1e-9);
  }
}

static void
test_partial_marks_and_missing (void)
{
  /* Marks out of 2, and a random draw: NAN where an attempt did not get
   * the item. α is Cronbach's over the complete rows only. */
  double grid[5][3] = {
    { 2, 1,   2 },
    { 1, 0,   1 },
    { 2, 2,   NAN },
    { 0, 0,   0 },
    { 1, 1,   2 },
  };
  double max[3] = { 2, 2, 2 };
  g_autoptr(ScItemAnalysis) analysis = sc_item_analysis_compute (&grid[0][0], 5, 3, max);
  /* By hand over rows 1, 2, 4, 5: item variances (population) 0.5,
   * 0.25, 0.6875; totals 5 2 0 4, mean 2.75, variance 3.6875;
   * α = 3/2 · (1 − 1.4375/3.6875) */
  double alpha = 1.5 * (1 - 1.4375 / 3.6875);

  g_assert_cmpuint (analysis->items[2].n_attempts, ==, 4);
  g_assert_cmpfloat_with_epsilon (analysis->items[0].facility, 6.0 / 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->items[2].facility, 5.0 / 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->alpha, alpha, 1e-9);
  g_assert_true (analysis->items[2].flags & SC_ITEM_FLAG_FEW_ATTEMPTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/item-analysis/kr20-worked-example", test_kr20_worked_example);
  g_test_add_func ("/engine/item-analysis/discrimination", test_discrimination);
  g_test_add_func ("/engine/item-analysis/partial-marks-and-missing", test_partial_marks_and_missing);

  return g_test_run ();
}
