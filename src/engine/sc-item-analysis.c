/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-item-analysis"

#include "config.h"

#include <math.h>

#include "sc-item-analysis.h"

#define CELL(a, i) marks[(gsize) (a) * n_items + (i)]

void
sc_item_analysis_free (ScItemAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_free (analysis->items);
  g_free (analysis);
}

static double
correlation (const double *x,
             const double *y,
             guint         n)
{
  double mx = 0, my = 0, sxy = 0, sxx = 0, syy = 0;

  if (n < 2)
    return NAN;

  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;

  for (guint i = 0; i < n; i++)
    {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }

  if (sxx <= 0 || syy <= 0)
    return NAN;
  return sxy / sqrt (sxx * syy);
}

/**
 * sc_item_analysis_compute:
 * @marks: @n_attempts rows of @n_items marks, NAN where an attempt did not
 *   have the item
 * @max_marks: what each item is worth
 *
 * Returns: (transfer full): the statistics of the test and of each item
 */
ScItemAnalysis *
sc_item_analysis_compute (const double *marks,
                          guint         n_attempts,
                          guint         n_items,
                          const double *max_marks)
{
  ScItemAnalysis *analysis = g_new0 (ScItemAnalysis, 1);
  g_autofree double *totals = g_new0 (double, MAX (n_attempts, 1));
  g_autofree double *x = g_new0 (double, MAX (n_attempts, 1));
  g_autofree double *rest = g_new0 (double, MAX (n_attempts, 1));
  double sum = 0, squares = 0;
  double item_variances = 0, complete_sum = 0, complete_squares = 0;
  guint complete = 0;

  analysis->n_attempts = n_attempts;
  analysis->n_items = n_items;
  analysis->items = g_new0 (ScItemStats, MAX (n_items, 1));

  for (guint a = 0; a < n_attempts; a++)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < n_items; i++)
        {
          if (isnan (CELL (a, i)))
            all = FALSE;
          else
            totals[a] += CELL (a, i);
        }
      sum += totals[a];
      if (all)
        {
          complete++;
          complete_sum += totals[a];
        }
    }

  analysis->mean = n_attempts > 0 ? sum / n_attempts : NAN;
  for (guint a = 0; a < n_attempts; a++)
    squares += (totals[a] - analysis->mean) * (totals[a] - analysis->mean);
  analysis->variance = n_attempts > 0 ? squares / n_attempts : NAN;
  analysis->sd = n_attempts > 1 ? sqrt (squares / (n_attempts - 1)) : NAN;

  for (guint i = 0; i < n_items; i++)
    {
      ScItemStats *item = &analysis->items[i];
      double max = max_marks[i] > 0 ? max_marks[i] : 1;
      double mean = 0, var = 0;
      guint n = 0;

      for (guint a = 0; a < n_attempts; a++)
        {
          if (isnan (CELL (a, i)))
            continue;
          x[n] = CELL (a, i);
          rest[n] = totals[a] - CELL (a, i);
          mean += x[n];
          n++;
        }

      item->n_attempts = n;
      if (n == 0)
        {
          item->facility = item->sd = item->discrimination = NAN;
          item->flags = SC_ITEM_FLAG_FEW_ATTEMPTS;
          continue;
        }

      mean /= n;
      for (guint k = 0; k < n; k++)
        var += (x[k] - mean) * (x[k] - mean);

      item->facility = mean / max;
      item->sd = n > 1 ? sqrt (var / (n - 1)) / max : NAN;
      item->discrimination = correlation (x, rest, n);

      if (n < SC_ITEM_MIN_ATTEMPTS)
        item->flags |= SC_ITEM_FLAG_FEW_ATTEMPTS;
      if (item->facility > SC_ITEM_EASY_ABOVE)
        item->flags |= SC_ITEM_FLAG_TOO_EASY;
      if (item->facility < SC_ITEM_HARD_BELOW)
        item->flags |= SC_ITEM_FLAG_TOO_HARD;
      if (!isnan (item->discrimination) && item->discrimination < 0)
        item->flags |= SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION;
      else if (isnan (item->discrimination) || item->discrimination < SC_ITEM_DISCRIMINATION_BELOW)
        item->flags |= SC_ITEM_FLAG_LOW_DISCRIMINATION;
    }

  /* Cronbach's α over the attempts that had every item; population
   * variances throughout, the denominators cancel */
  analysis->alpha = NAN;
  if (complete >= 2 && n_items >= 2)
    {
      g_autofree gboolean *whole = g_new0 (gboolean, n_attempts);
      double complete_mean = complete_sum / complete;
      double total_variance;

      for (guint a = 0; a < n_attempts; a++)
        {
          whole[a] = TRUE;
          for (guint i = 0; i < n_items && whole[a]; i++)
            whole[a] = !isnan (CELL (a, i));
          if (whole[a])
            complete_squares += (totals[a] - complete_mean) * (totals[a] - complete_mean);
        }
      total_variance = complete_squares / complete;

      for (guint i = 0; i < n_items; i++)
        {
          double mean = 0, var = 0;

          for (guint a = 0; a < n_attempts; a++)
            if (whole[a])
              mean += CELL (a, i);
          mean /= complete;
          for (guint a = 0; a < n_attempts; a++)
            if (whole[a])
              var += (CELL (a, i) - mean) * (CELL (a, i) - mean);
          item_variances += var / complete;
        }

      if (total_variance > 0)
        analysis->alpha = (double) n_items / (n_items - 1) * (1 - item_variances / total_variance);
    }

  return analysis;
}
