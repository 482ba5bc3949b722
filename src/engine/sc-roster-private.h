/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-roster-score.h"

G_BEGIN_DECLS

/* Look-up tables built once from a problem, shared by scorer and solver */
typedef struct
{
  const ScRosterProblem *problem;
  int     n_days;
  int     n_types;
  int     n_people;
  int     n_values;        /* n_types + 1: value v is stored at v + 1 */
  int    *weekend;         /* per day: weekend index or -1 */
  int     n_weekends;
  int    *cover_start;     /* [d * n_types + t] … [+1]: into cover_list */
  int    *cover_list;
  int    *icover_start;    /* same for interval covers spanned by shift t on day d */
  int    *icover_list;
  int    *cell_cost;       /* [(p * n_days + d) * n_values + v + 1]: request cost */
  /* fairness (all NULL / FALSE when the problem has none) */
  gboolean fair_on;
  int      n_groups;
  guint8  *night;          /* per shift type: counts as a night */
  int     *fair_group;     /* per person */
  gint64  *fair_share;     /* [p * SC_ROSTER_N_FAIR + k]: share, 0 = left out */
  gint64  *fair_total;     /* [g * SC_ROSTER_N_FAIR + k]: members, Σ share, Σ share² (3 each) */
} ScRosterIndex;

/* Running sums of a fairness group for one kind */
typedef struct
{
  gint64 sum;        /* Σ x */
  gint64 sum_sq;     /* Σ x² */
  gint64 sum_share;  /* Σ share × x */
  gint64 cost;
} ScRosterFairSums;

ScRosterIndex *_sc_roster_index_new   (const ScRosterProblem *problem);
void           _sc_roster_index_free  (ScRosterIndex         *ix);

/* Hard rules of one person's row; appends violations when @violations is set */
void           _sc_roster_row_hard    (const ScRosterIndex   *ix,
                                       int                    person,
                                       const gint8           *row,
                                       int                   *count,
                                       gint64                *penalty,
                                       GArray                *violations);

gint64         _sc_roster_fair_cost   (const ScRosterIndex    *ix,
                                       int                     group,
                                       int                     kind,
                                       const ScRosterFairSums *sums);

/* The change of the fairness cost if @person's nights, weekends and minutes
 * were @x instead of what they are now */
gint64         _sc_roster_eval_fair_delta (ScRosterEval *self,
                                           int           person,
                                           const int    *x);
/* A lower bound of _sc_roster_eval_fair_delta() over 0 … max[k] (minutes
 * in steps of @minute_step) */
gint64         _sc_roster_eval_fair_min_delta (ScRosterEval *self,
                                               int           person,
                                               const int    *max,
                                               int           minute_step);

const ScRosterIndex *_sc_roster_eval_get_index (ScRosterEval *self);
const int           *_sc_roster_eval_get_cover_counts (ScRosterEval *self);
const int           *_sc_roster_eval_get_icover_counts (ScRosterEval *self);
gint64               _sc_roster_eval_get_row_penalty (ScRosterEval *self,
                                                      int           person);
/* Sets @person's days @first … @last off, checking the row's hard rules
 * once (sc_roster_eval_apply_change () checks them at every cell) */
void                 _sc_roster_eval_clear_days (ScRosterEval *self,
                                                 int           person,
                                                 int           first,
                                                 int           last);
/* Sets one cell to probe the costs of others beside it: the objective
 * follows, the hard rules do not, so the cell must be set back before
 * they are read */
void                 _sc_roster_eval_probe_cell (ScRosterEval *self,
                                                 int           person,
                                                 int           day,
                                                 int           value);
/* The objective's change if @person_a and @person_b swapped their cells
 * from @first to @last (sc_roster_eval_delta_swap () without the hard
 * rules, which it checks over both whole rows) */
gint64               _sc_roster_eval_swap_objective (ScRosterEval *self,
                                                     int           person_a,
                                                     int           person_b,
                                                     int           first,
                                                     int           last);

static inline gboolean
_sc_roster_qualifies (guint64 skills,
                      int     skill)
{
  return skill < 0 || ((skills >> skill) & 1) != 0;
}

static inline gint64
_sc_roster_cover_cost (int required,
                       int under_weight,
                       int over_weight,
                       int n)
{
  return n < required ? (gint64) (required - n) * under_weight
                      : (gint64) (n - required) * over_weight;
}

G_END_DECLS
