/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-roster-private.h"

G_BEGIN_DECLS

/*
 * The exact search for one person's cheapest feasible row, given a cost
 * for every day and value: a depth-first search with a memo of states
 * (with fairness), or day by day over labels (the pricing of the column
 * generation). Shared by the solver's local search, its pair search and
 * its column generation.
 */

#define COST_INF (G_MAXINT64 / 4)
#define SC_ROW_MAX_WANT 8   /* rows a label search can keep */

/* one slot of the memo: key, cost and stamp side by side, so that a probe
 * reads one cache line */
typedef struct
{
  guint64 key;
  gint64  cost;
  guint32 stamp;
} ScRowMemoEntry;

typedef struct _ScRowSolver
{
  const ScRosterProblem *pb;
  const ScRosterIndex   *ix;
  int      D, T, V;
  /* the person */
  int      person;
  int      min_minutes, max_minutes;
  int      max_cons, min_cons, min_off, max_weekends;
  const int *max_shifts;
  int      min_len, max_len;
  int      cap_total;
  /* per solve */
  gint64  *cost;      /* [d * V + v + 1] */
  gint8   *order;     /* [d * V + k]: allowed values by increasing cost */
  int     *n_order;
  gint64  *base;      /* lower bound tables, see _sc_row_prepare_bound () */
  int     *forced;
  int     *n_diff;
  int     *n_neg;
  gint64  *prefix;    /* [d * (D + 1) + k] */
  gint64  *sorted;
  gint8   *cur;
  gint8   *best_row;
  /* the rows found, the least costly first: the label search can keep
   * several, the depth-first search keeps one */
  int      want;      /* how many, up to SC_ROW_MAX_WANT: 1 unless set */
  int      n_rows;    /* found */
  gint8   *rows;      /* [k * D + d], the first one also in best_row */
  gint64  *row_cost;
  /* most minutes still workable (see _sc_row_prepare_capacity ()) */
  int     *cap_minutes;     /* [(d * (cap_r + cap_o + 1) + state) * (cap_w + 1) + w] */
  gsize    cap_alloc;
  int      cap_r, cap_o, cap_w;
  int      cap_tail_weekends; /* worked by the forced days after the table, or −1: no limit */
  gboolean cap_on;
  /* the days with a choice: free_first … free_last (see _sc_row_find_free ()) */
  int      free_first, free_last;
  /* the forced days after free_last, in two parts (see
   * _sc_row_prepare_tail ()): up to its first change between work and
   * rest, walked; from tail_join on, the same for every row that gets
   * there, so added as totals */
  int      tail_join;       /* D: no totals */
  gboolean tail_ok;
  int      tail_minutes, tail_weekends;
  gint64   tail_cost;
  int      tail_count[SC_ROSTER_MAX_SHIFT_TYPES];  /* shifts of each type */
  gint64   best_cost;
  gint64   cutoff;    /* without an incumbent, only rows cheaper than this */
  gboolean found;
  int      cnt[SC_ROSTER_MAX_SHIFT_TYPES];
  gint64   nodes;
  gint64   node_limit;
  gint64   deadline;  /* monotonic time at which a search gives up, or 0 */
  gboolean aborted;
  /* memo of the states already searched (see state_key ()) */
  gboolean  memo_on;
  int       cap_work, cap_off, cap_weekends;
  int       shift_bits, run_bits, off_bits, weekend_bits, cnt_bits, used_bits;
  int       len_unit;
  guint8    binding[SC_ROSTER_MAX_SHIFT_TYPES];
  ScRowMemoEntry *memo;
  guint32   stamp;
  /* fairness, which depends on a whole row: added exactly at its end, less
   * a lower bound so that the partial costs stay lower bounds */
  ScRosterEval *fair_ev;     /* NULL: not counted */
  gint64    fair_offset;
  guint8   *fair_seen;       /* per weekend */
  /* the labels of _sc_row_solver_label (): a day's, and the next day's
   * candidates, then those kept */
  GArray   *labels[2];
  GArray   *candidates;
  GArray   *sorted_labels;   /* LabelOrder, see keep_labels () */
  int      *groups;          /* open addressing: a key's group */
  gsize     groups_alloc;
  guint64  *group_key;       /* per group */
  int      *group_start;
  gsize     group_alloc;
  int      *trace_parent;    /* every label kept: the one it extends … */
  gint8    *trace_value;     /* … and its value */
  gsize     trace_alloc;
  /* the least cost of the rest of a row under the rules of sequence alone
   * (see prepare_sequence ()): [d * seq_states + state] */
  gint64   *seq;
  gsize     seq_alloc;
  int       seq_states;
  int       seq_weekends;   /* the weekends left that the states tell apart */
  /* the table's costs, moved by multipliers of the counts and minutes
   * that it does not follow (see price_sequence ()) */
  gint64   *seq_cost;       /* [d * V + v + 1] */
  gsize     seq_cost_alloc;
  gboolean  seq_moved;
  gint64    seq_lambda[SC_ROSTER_MAX_SHIFT_TYPES]; /* per shift of a binding type, ≥ 0 */
  gint64    seq_pi;         /* per len_unit minutes worked, either sign */
  gboolean  seq_limited;    /* the table follows the weekends */
  gint64   *seq_kept;       /* [p * (T + 2) + t]: each person's last multipliers, the minutes' at T,
                             * and at T + 1 the labels its last exact search expanded */
  int       seq_bind[SC_ROSTER_MAX_SHIFT_TYPES];  /* the binding types, as in the labels' counts */
  int       seq_n_bind;
  gint64    seq_busy;       /* new multipliers only after a search that expanded more labels */
  /* the table's moves (see sequence_moves ()): for days of a kind, the
   * state after each value in each state, or −1; [slot * S * V + state * V + v + 1] */
  int      *seq_next;
  gsize     seq_next_alloc;
  int       seq_next_person;  /* whose rules they follow, or −1 */
  int       seq_next_states;
  int       seq_next_slots;
  int       seq_next_kind[8]; /* each slot's kind of day, or −1 */
  int       seq_next_evict;
} ScRowSolver;

void     _sc_row_solver_init       (ScRowSolver           *rs,
                                    const ScRosterProblem *pb,
                                    const ScRosterIndex   *ix);
void     _sc_row_solver_clear      (ScRowSolver           *rs);
void     _sc_row_solver_set_person (ScRowSolver           *rs,
                                    int                    person);
void     _sc_row_find_free         (ScRowSolver           *rs);
void     _sc_row_prepare_bound     (ScRowSolver           *rs,
                                    int                    first);
void     _sc_row_prepare_capacity  (ScRowSolver           *rs,
                                    int                    first,
                                    int                    last);
gboolean _sc_row_solver_run        (ScRowSolver           *rs,
                                    const gint8           *incumbent,
                                    gint64                 node_limit);
gboolean _sc_row_solver_label      (ScRowSolver           *rs,
                                    gsize                  limit,
                                    int                    beam);
gboolean _sc_row_few_free          (ScRowSolver           *rs);

static inline gint64
_sc_row_lower_bound (ScRowSolver *rs,
                     int          d,
                     int          kmin,
                     int          kmax)
{
  int lo = MAX (0, kmin - rs->forced[d]);
  int hi = MIN (rs->n_diff[d], kmax - rs->forced[d]);
  int k;

  if (hi < lo)
    return COST_INF;
  k = CLAMP (rs->n_neg[d], lo, hi);
  return rs->base[d] + rs->prefix[d * (rs->D + 1) + k];
}

/* _sc_row_lower_bound () for the rest of a row from day @d, given the minutes
 * @used so far and the most shifts @cap_left still workable */
static inline gint64
_sc_row_rest_bound (ScRowSolver *rs,
                    int          d,
                    int          used,
                    int          cap_left)
{
  int need = rs->min_minutes - used;
  int kmin = need > 0 ? (need + rs->max_len - 1) / rs->max_len : 0;
  int kmax = rs->max_minutes == SC_ROSTER_NO_LIMIT ? rs->D : (rs->max_minutes - used) / rs->min_len;

  return _sc_row_lower_bound (rs, d, kmin, MIN (kmax, cap_left));
}

/* Where a row stands after some days: what its rules still depend on */
typedef struct
{
  int last, work_run, off_run, used, weekends, cap_left;
  int counted;   /* 1: the next day's weekend is already among the weekends */
} ScRowState;

/* Whether day @d's weekend goes on to the next day */
static inline gboolean
_sc_row_weekend_goes_on (ScRowSolver *rs,
                         int          d)
{
  int w = rs->ix->weekend[d];

  return w >= 0 && d + 1 < rs->D && rs->ix->weekend[d + 1] == w;
}

/* Whether working day @d adds a weekend, where only whether day @d − 1 was
 * worked is known (the tables of bounds): after a day off within a
 * weekend, the row may have worked an earlier day of it, and is taken to
 * have, so that a table never counts more weekends than the row uses
 * (_sc_row_step () knows, from ScRowState.counted) */
static inline gboolean
_sc_row_new_weekend_relaxed (ScRowSolver *rs,
                             int          d,
                             gboolean     worked_before)
{
  int w = rs->ix->weekend[d];

  if (w < 0)
    return FALSE;
  if (d == 0 || rs->ix->weekend[d - 1] != w)
    return TRUE;
  return !worked_before && !(d > 1 && rs->ix->weekend[d - 2] == w);
}

/* The state after @v on day @d, given @count shifts of that type so far
 * (unused for a day off), or FALSE when @v breaks one of the row's rules
 * there (inlined always: it is the depth-first search's innermost step) */
G_ALWAYS_INLINE static inline gboolean
_sc_row_step (ScRowSolver      *rs,
              int               d,
              const ScRowState *st,
              int               v,
              int               count,
              ScRowState       *out)
{
  int len, w, weekends = st->weekends;

  if (v == SC_ROSTER_OFF)
    {
      if (st->work_run > 0 && st->work_run != d && st->work_run < rs->min_cons)
        return FALSE;
      *out = *st;
      out->last = SC_ROSTER_OFF;
      out->work_run = 0;
      out->off_run = st->off_run + 1;
      out->counted = st->counted && _sc_row_weekend_goes_on (rs, d);
      return TRUE;
    }
  len = rs->pb->shift_types[v].length;
  w = rs->ix->weekend[d];
  if (st->off_run > 0 && st->off_run != d && st->off_run < rs->min_off)
    return FALSE;
  if (st->work_run + 1 > rs->max_cons)
    return FALSE;
  if (st->last >= 0 && rs->pb->forbidden[st->last * rs->T + v])
    return FALSE;
  if (count >= rs->max_shifts[v])
    return FALSE;
  if (rs->max_minutes != SC_ROSTER_NO_LIMIT && st->used + len > rs->max_minutes)
    return FALSE;
  /* a weekend is a run of rest days, which holidays make longer than
   * two: working the first and the third day of three is one */
  if (w >= 0 && !st->counted)
    {
      weekends++;
      if (weekends > rs->max_weekends)
        return FALSE;
    }
  out->last = v;
  out->work_run = st->work_run + 1;
  out->off_run = 0;
  out->used = st->used + len;
  out->weekends = weekends;
  out->cap_left = st->cap_left - 1;
  out->counted = _sc_row_weekend_goes_on (rs, d);
  return TRUE;
}

/* The index into cap_minutes of day @d, @state and @w weekends left (see
 * _sc_row_prepare_capacity ()) */
static inline gsize
_sc_row_capacity_index (ScRowSolver *rs,
                        int          d,
                        int          state,
                        int          w)
{
  return ((gsize) d * (rs->cap_r + rs->cap_o + 1) + state) * (rs->cap_w + 1) + w;
}

/* Whether the row in state @st on day @d can no longer work the @need
 * minutes it still has to (see _sc_row_prepare_capacity ()) */
static inline gboolean
_sc_row_capacity_short (ScRowSolver      *rs,
                        int               d,
                        const ScRowState *st,
                        int               need)
{
  int r, w;

  if (!rs->cap_on || need <= 0)
    return FALSE;
  /* a stretch off from the first day on has no minimum */
  if (rs->cap_o > 0 && st->off_run > 0 && st->off_run != d && st->off_run < rs->min_off)
    r = rs->cap_r + st->off_run;
  else
    r = MIN (st->work_run, rs->cap_r);
  w = 0;
  if (rs->cap_tail_weekends >= 0)
    {
      w = rs->max_weekends - st->weekends - rs->cap_tail_weekends;
      if (w < 0)
        return TRUE;
      w = MIN (w, rs->cap_w);
    }
  return rs->cap_minutes[_sc_row_capacity_index (rs, d, r, w)] < need;
}

/* A lower bound of the cost of the rest of a row from day @d (COST_INF:
 * no feasible completion) */
static inline gint64
_sc_row_bound (ScRowSolver      *rs,
               int               d,
               const ScRowState *st)
{
  if (_sc_row_capacity_short (rs, d, st, rs->min_minutes - st->used))
    return COST_INF;
  return _sc_row_rest_bound (rs, d, st->used, st->cap_left);
}

int      _sc_row_walk_forced       (ScRowSolver           *rs,
                                    int                    from,
                                    int                    to,
                                    ScRowState            *st,
                                    gint64                *cost);
void     _sc_row_unwalk            (ScRowSolver           *rs,
                                    int                    from,
                                    int                    to);
void     _sc_row_prepare_tail      (ScRowSolver           *rs);
gboolean _sc_row_walk_rest         (ScRowSolver           *rs,
                                    int                    d,
                                    ScRowState            *st,
                                    gint64                *cost,
                                    int                   *walked);

G_END_DECLS
