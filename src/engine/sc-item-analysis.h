/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Classical item analysis of an exam, as Moodle's quiz statistics do it:
 *
 *   facility index   mean score on the item ÷ its maximum (0 hard … 1 easy)
 *   item SD          standard deviation of the item's score ÷ its maximum
 *   discrimination   Pearson correlation of the item's score with the rest
 *                    of the test (the attempt's total without the item)
 *   test SD          of the attempts' totals (sample, n − 1)
 *   α                Cronbach's alpha, k/(k−1)·(1 − Σσᵢ²/σ²); with items
 *                    scored 0 or 1 it is KR-20, Σσᵢ² being Σpq
 *
 * The input is a grid of attempts × items holding each item's mark, NAN
 * where an attempt did not get the item (random draws). Facility, item
 * SD and discrimination use the attempts that had the item; α uses the
 * attempts that had every item, and is NAN when fewer than two did or the
 * totals do not vary.
 */

typedef enum
{
  SC_ITEM_FLAG_NONE            = 0,
  SC_ITEM_FLAG_TOO_EASY        = 1 << 0,  /* facility above 0.9 */
  SC_ITEM_FLAG_TOO_HARD        = 1 << 1,  /* facility below 0.2 */
  SC_ITEM_FLAG_LOW_DISCRIMINATION = 1 << 2, /* discrimination below 0.2 */
  SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION = 1 << 3, /* below 0: the strong get it wrong */
  SC_ITEM_FLAG_FEW_ATTEMPTS    = 1 << 4,  /* fewer than 5 attempts had it */
} ScItemFlags;

#define SC_ITEM_EASY_ABOVE            0.9
#define SC_ITEM_HARD_BELOW            0.2
#define SC_ITEM_DISCRIMINATION_BELOW  0.2
#define SC_ITEM_MIN_ATTEMPTS          5

typedef struct
{
  guint        n_attempts;      /* attempts that had the item */
  double       facility;        /* 0 to 1 */
  double       sd;              /* of the item's score as a share of its maximum */
  double       discrimination;  /* −1 to 1; NAN when either side never varies */
  ScItemFlags  flags;
} ScItemStats;

typedef struct
{
  guint        n_attempts;
  guint        n_items;
  double       mean;            /* of the totals */
  double       sd;              /* sample SD of the totals */
  double       variance;        /* population variance of the totals, as KR-20 tables print it */
  double       alpha;           /* Cronbach's α (KR-20 for items scored 0/1) */
  ScItemStats *items;
} ScItemAnalysis;

ScItemAnalysis *sc_item_analysis_compute (const double *marks,
                                          guint         n_attempts,
                                          guint         n_items,
                                          const double *max_marks);
void            sc_item_analysis_free    (ScItemAnalysis *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScItemAnalysis, sc_item_analysis_free)

G_END_DECLS
