/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-solver"

#include "config.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "sc-roster-rows.h"

#define MEMO_BITS  18
#define MEMO_SIZE  (1 << MEMO_BITS)
#define MEMO_TAIL  4       /* no memo for the last days: small subtrees */
#define MEMO_PROBE 4
#define SEQ_ROUNDS 12      /* subgradient steps of price_sequence (), for a person … */
#define SEQ_BUSY   10000   /* … whose last search expanded more labels than this */

static int
bits_for (int n)   /* bits to store 0 … n */
{
  int b = 0;

  while ((1 << b) <= n)
    b++;
  return b;
}

void
_sc_row_solver_init (ScRowSolver           *rs,
                     const ScRosterProblem *pb,
                     const ScRosterIndex   *ix)
{
  int D = ix->n_days;

  memset (rs, 0, sizeof *rs);
  rs->pb = pb;
  rs->ix = ix;
  rs->seq_busy = SEQ_BUSY;
  rs->seq_next_person = -1;
  rs->D = D;
  rs->T = ix->n_types;
  rs->V = ix->n_values;
  rs->cost = g_new0 (gint64, D * rs->V);
  rs->order = g_new0 (gint8, D * rs->V);
  rs->n_order = g_new0 (int, D);
  rs->base = g_new0 (gint64, D + 1);
  rs->forced = g_new0 (int, D + 1);
  rs->n_diff = g_new0 (int, D + 1);
  rs->n_neg = g_new0 (int, D + 1);
  rs->prefix = g_new0 (gint64, (D + 1) * (D + 1));
  rs->sorted = g_new0 (gint64, D + 1);
  rs->cur = g_new0 (gint8, D);
  rs->best_row = g_new0 (gint8, D);
  rs->want = 1;
  rs->rows = g_new0 (gint8, SC_ROW_MAX_WANT * (gsize) D);
  rs->row_cost = g_new0 (gint64, SC_ROW_MAX_WANT);
  rs->memo = g_new0 (ScRowMemoEntry, MEMO_SIZE);
  rs->fair_seen = g_new0 (guint8, MAX (ix->n_weekends, 1));
  rs->cutoff = COST_INF;
}

void
_sc_row_solver_clear (ScRowSolver *rs)
{
  g_free (rs->cost);
  g_free (rs->order);
  g_free (rs->n_order);
  g_free (rs->base);
  g_free (rs->forced);
  g_free (rs->n_diff);
  g_free (rs->n_neg);
  g_free (rs->prefix);
  g_free (rs->sorted);
  g_free (rs->cur);
  g_free (rs->best_row);
  g_free (rs->rows);
  g_free (rs->row_cost);
  g_free (rs->memo);
  g_free (rs->cap_minutes);
  g_free (rs->fair_seen);
  g_clear_pointer (&rs->labels[0], g_array_unref);
  g_clear_pointer (&rs->labels[1], g_array_unref);
  g_clear_pointer (&rs->candidates, g_array_unref);
  g_clear_pointer (&rs->sorted_labels, g_array_unref);
  g_free (rs->groups);
  g_free (rs->group_key);
  g_free (rs->group_start);
  g_free (rs->trace_parent);
  g_free (rs->trace_value);
  g_free (rs->seq);
  g_free (rs->seq_cost);
  g_free (rs->seq_kept);
  g_free (rs->seq_next);
}

void
_sc_row_solver_set_person (ScRowSolver *rs,
                           int          person)
{
  const ScRosterPerson *pp = &rs->pb->people[person];

  rs->person = person;
  rs->min_minutes = pp->min_minutes;
  rs->max_minutes = pp->max_minutes;
  rs->max_cons = pp->max_consecutive_work;
  rs->min_cons = pp->min_consecutive_work;
  rs->min_off = pp->min_consecutive_off;
  rs->max_weekends = pp->max_weekends;
  rs->max_shifts = rs->pb->max_shifts + (gsize) person * rs->T;
  rs->min_len = G_MAXINT;
  rs->max_len = 1;
  rs->cap_total = 0;
  for (int t = 0; t < rs->T; t++)
    if (rs->max_shifts[t] > 0)
      {
        rs->min_len = MIN (rs->min_len, rs->pb->shift_types[t].length);
        rs->max_len = MAX (rs->max_len, rs->pb->shift_types[t].length);
        rs->cap_total += MIN (rs->max_shifts[t], rs->D);
      }
  rs->cap_total = MIN (rs->cap_total, rs->D);
  if (rs->min_len == G_MAXINT)
    rs->min_len = 1;

  /* The rest of a row's search depends only on the day, the last value,
   * the current run (capped where the rules stop caring), whether that run
   * began on day 0, the weekends worked (capped) and the shifts of each
   * type (which also give the minutes): a state packed in 64 bits. */
  rs->cap_work = MAX (rs->min_cons, 1);
  if (rs->max_cons != SC_ROSTER_NO_LIMIT)
    rs->cap_work = MAX (rs->cap_work, MIN (rs->max_cons, rs->D));
  rs->cap_work = MIN (rs->cap_work, rs->D);
  rs->cap_off = MIN (MAX (rs->min_off, 1), rs->D);
  rs->cap_weekends = MIN (rs->max_weekends == SC_ROSTER_NO_LIMIT ? 0 : rs->max_weekends + 1,
                          rs->ix->n_weekends);
  rs->shift_bits = bits_for (rs->T);
  rs->run_bits = bits_for (rs->cap_work);
  rs->off_bits = bits_for (rs->cap_off);
  rs->weekend_bits = bits_for (rs->cap_weekends);
  rs->cnt_bits = bits_for (rs->D);
  /* the counts of a type matter only when its maximum can bind; the
   * minutes, in units of the lengths' greatest common divisor, stand for
   * the others */
  rs->len_unit = 0;
  {
    int longest = 1;

    for (int t = 0; t < rs->T; t++)
      {
        int a = rs->len_unit, b = rs->pb->shift_types[t].length;

        longest = MAX (longest, b);
        while (b != 0)
          {
            int tmp = a % b;

            a = b;
            b = tmp;
          }
        rs->len_unit = a;
      }
    if (rs->len_unit <= 0)
      rs->len_unit = 1;
    rs->used_bits = bits_for (rs->D * (longest / rs->len_unit));
  }
  {
    int total = bits_for (rs->D) + rs->shift_bits + rs->run_bits + rs->off_bits + 1 + 1 + rs->weekend_bits +
                rs->used_bits;

    /* with fairness, the nights and the weekends matter exactly */
    if (rs->ix->fair_on && rs->ix->fair_share[(gsize) person * SC_ROSTER_N_FAIR + SC_ROSTER_FAIR_WEEKENDS] > 0)
      {
        rs->cap_weekends = rs->ix->n_weekends;
        total += bits_for (rs->cap_weekends) - rs->weekend_bits;
        rs->weekend_bits = bits_for (rs->cap_weekends);
      }
    for (int t = 0; t < rs->T; t++)
      {
        rs->binding[t] = rs->max_shifts[t] > 0 && rs->max_shifts[t] < rs->D;
        if (rs->ix->fair_on && rs->ix->night[t] && rs->max_shifts[t] > 0 &&
            rs->ix->fair_share[(gsize) person * SC_ROSTER_N_FAIR + SC_ROSTER_FAIR_NIGHTS] > 0)
          rs->binding[t] = TRUE;
        if (rs->binding[t])
          total += rs->cnt_bits;
      }
    rs->memo_on = total <= 64;
  }
}

static inline guint64
state_key (ScRowSolver *rs,
           int          d,
           int          last,
           int          work_run,
           int          off_run,
           int          weekends,
           int          counted,
           int          used)
{
  guint64 key = (guint64) d;

  key = (key << rs->shift_bits) | (guint64) (last + 1);
  key = (key << rs->run_bits) | (guint64) MIN (work_run, rs->cap_work);
  key = (key << rs->off_bits) | (guint64) MIN (off_run, rs->cap_off);
  key = (key << 1) | (guint64) (d > 0 && (work_run == d || off_run == d));
  key = (key << 1) | (guint64) (counted != 0);
  key = (key << rs->weekend_bits) | (guint64) MIN (weekends, rs->cap_weekends);
  key = (key << rs->used_bits) | (guint64) (used / rs->len_unit);
  for (int t = 0; t < rs->T; t++)
    if (rs->binding[t])
      key = (key << rs->cnt_bits) | (guint64) rs->cnt[t];
  return key;
}

/* TRUE when the state was already searched at a cost ≤ @cost (then there is
 * nothing to gain below it); otherwise records it */
static inline gboolean
memo_seen (ScRowSolver *rs,
           guint64      key,
           gint64       cost)
{
  guint64 h = key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  guint32 slot = (guint32) (h >> (64 - MEMO_BITS));
  guint32 victim = slot;

  for (int i = 0; i < MEMO_PROBE; i++)
    {
      guint32 j = (slot + i) & (MEMO_SIZE - 1);

      if (rs->memo[j].stamp != rs->stamp)
        {
          victim = j;
          break;
        }
      if (rs->memo[j].key == key)
        {
          if (rs->memo[j].cost <= cost)
            return TRUE;
          rs->memo[j].cost = cost;
          return FALSE;
        }
    }
  rs->memo[victim].stamp = rs->stamp;
  rs->memo[victim].key = key;
  rs->memo[victim].cost = cost;
  return FALSE;
}

/* The first and the last day with more than one allowed value (D and −1
 * when there is none) into free_first and free_last */
void
_sc_row_find_free (ScRowSolver *rs)
{
  rs->free_first = rs->D;
  rs->free_last = -1;
  for (int d = 0; d < rs->D; d++)
    if (rs->n_order[d] > 1)
      {
        rs->free_first = MIN (rs->free_first, d);
        rs->free_last = d;
      }
}

/* Sorts the allowed values of every day from @first on by cost and builds
 * the lower bound tables: for the days from d on, base[d] is the cost with
 * every free day off and every forced day worked at its cheapest, forced[d]
 * the number of forced working days, and prefix[d][k] the sum of the k
 * smallest (work − off) differences of the free days. The days before
 * @first get no table: a search that walks them as forced asks none. */
void
_sc_row_prepare_bound (ScRowSolver *rs,
                       int          first)
{
  int D = rs->D, V = rs->V;
  int n_sorted = 0;

  rs->base[D] = 0;
  rs->forced[D] = 0;
  rs->n_diff[D] = 0;
  rs->n_neg[D] = 0;
  rs->prefix[D * (D + 1)] = 0;

  for (int d = D - 1; d >= MAX (first, 0); d--)
    {
      gint8 *ord = rs->order + d * V;
      const gint64 *c = rs->cost + d * V;
      int n = rs->n_order[d];
      gboolean off_ok = FALSE;
      gint64 best_work = COST_INF;

      /* insertion sort of the allowed values by cost */
      for (int i = 1; i < n; i++)
        {
          gint8 v = ord[i];
          int j = i;

          while (j > 0 && c[ord[j - 1] + 1] > c[v + 1])
            {
              ord[j] = ord[j - 1];
              j--;
            }
          ord[j] = v;
        }
      for (int i = 0; i < n; i++)
        {
          if (ord[i] == SC_ROSTER_OFF)
            off_ok = TRUE;
          else
            best_work = MIN (best_work, c[ord[i] + 1]);
        }

      rs->base[d] = rs->base[d + 1];
      rs->forced[d] = rs->forced[d + 1];
      if (!off_ok)
        {
          rs->base[d] += best_work;
          rs->forced[d]++;
        }
      else
        {
          rs->base[d] += c[0];
          if (best_work < COST_INF)
            {
              gint64 diff = best_work - c[0];
              int j = n_sorted;

              while (j > 0 && rs->sorted[j - 1] > diff)
                {
                  rs->sorted[j] = rs->sorted[j - 1];
                  j--;
                }
              rs->sorted[j] = diff;
              n_sorted++;
            }
        }
      rs->n_diff[d] = n_sorted;
      rs->n_neg[d] = 0;
      rs->prefix[d * (D + 1)] = 0;
      for (int k = 0; k < n_sorted; k++)
        {
          rs->prefix[d * (D + 1) + k + 1] = rs->prefix[d * (D + 1) + k] + rs->sorted[k];
          if (rs->sorted[k] < 0)
            rs->n_neg[d] = k + 1;
        }
    }
}

/* A relaxation that gives the most minutes a row can still work from day d,
 * given where the row stands (see _sc_row_capacity_short ()) and the
 * weekends w that may still be worked, keeping only the allowed values of
 * each day, the maximum consecutive working days, the minimum consecutive
 * days off and the maximum weekends. It cuts the branches that can no
 * longer reach the minimum minutes early, which the counting bound below
 * misses on long horizons.
 *
 * The states: 0, free to work; r = 1 … cap_r, r days worked in a row;
 * cap_r + o, o = 1 … cap_o, o days off in a row, fewer than the minimum,
 * so the next day is off too. The days off matter where a person works
 * most of their days: with at most 5 days in a row and at least 2 off, a
 * row works at most 5 days in 7, where without the days off it would seem
 * to work 5 in 6, and a search that has to fit more shifts into a short
 * stretch (a link of a chain, on Instance 22) would go on long after it
 * has lost.
 *
 * The table covers the days @first … @last and the forced days after them
 * up to the end of their first stretch off as long as the minimum (at
 * most CAP_TAIL_DAYS), so that a row whose run cannot go on into those
 * days is cut too. Beyond, every row is free to work again, and the forced
 * days' minutes bound what they add; the weekends they work are taken off
 * those left before the table is read. The weekends left count up to the
 * weekends of the table's days: more never bind. */
#define CAP_TAIL_DAYS 14
#define CAP_MAX_OFF   14

/* The state after a day off in state @r, where states 1 … @R − 1 are runs
 * of work and @R … @R + @O − 1 stretches off short of the minimum: the
 * first of a stretch (or free where there is no minimum), the next one, or
 * free again */
static inline int
capacity_after_off (int r,
                    int R,
                    int O)
{
  if (r == 0 || O == 0)
    return 0;
  if (r < R)
    return R;
  return r + 1 < R + O ? r + 1 : 0;
}

void
_sc_row_prepare_capacity (ScRowSolver *rs,
                          int          first,
                          int          last)
{
  int D = rs->D, V = rs->V;
  int R, O, W, tail = 0, end, n_weekends = 0;
  gboolean limited;
  gsize size;

  rs->cap_on = rs->min_minutes > 0;
  if (!rs->cap_on)
    return;
  first = MAX (first, 0);
  last = MIN (last, D - 1);
  end = last;
  for (int off = 0; end + 1 < D && end - last < CAP_TAIL_DAYS && off < MAX (rs->min_off, 1);)
    {
      end++;
      off = rs->order[end * V] == SC_ROSTER_OFF ? off + 1 : 0;
    }
  limited = rs->max_weekends < rs->ix->n_weekends;
  rs->cap_tail_weekends = limited ? 0 : -1;
  for (int d = end + 1, counted = -1; d < D; d++)
    {
      int v = rs->order[d * V], wk = rs->ix->weekend[d];

      g_assert (rs->n_order[d] == 1);
      if (v == SC_ROSTER_OFF)
        continue;
      tail += rs->pb->shift_types[v].length;
      /* a weekend the forced days work, all of it after the table */
      if (limited && wk >= 0 && wk != counted && wk != rs->ix->weekend[end])
        {
          rs->cap_tail_weekends++;
          counted = wk;
        }
    }
  for (int d = first, prev = -1; limited && d <= end; d++)
    if (rs->ix->weekend[d] >= 0 && rs->ix->weekend[d] != prev)
      {
        n_weekends++;
        prev = rs->ix->weekend[d];
      }

  rs->cap_r = rs->max_cons <= 14 ? rs->max_cons : 1;
  rs->cap_o = rs->min_off > 1 && rs->min_off - 1 <= CAP_MAX_OFF ? rs->min_off - 1 : 0;
  rs->cap_w = limited ? MIN (rs->max_weekends, n_weekends) : 0;
  R = rs->cap_r + 1;
  O = rs->cap_o;
  W = rs->cap_w + 1;
  size = (gsize) (D + 1) * (R + O) * W;
  if (size > rs->cap_alloc)
    {
      rs->cap_minutes = g_renew (int, rs->cap_minutes, size);
      rs->cap_alloc = size;
    }
  for (int i = 0; i < (R + O) * W; i++)
    rs->cap_minutes[_sc_row_capacity_index (rs, end + 1, 0, 0) + i] = tail;
  for (int d = end; d >= first; d--)
    {
      const gint8 *ord = rs->order + d * V;
      int *here = rs->cap_minutes + _sc_row_capacity_index (rs, d, 0, 0);
      const int *next = here + (R + O) * W;   /* the next day's */
      gboolean off_ok = FALSE, weekend_worked, weekend_rested;
      int len = -1;

      for (int i = 0; i < rs->n_order[d]; i++)
        {
          if (ord[i] == SC_ROSTER_OFF)
            off_ok = TRUE;
          else
            len = MAX (len, rs->pb->shift_types[ord[i]].length);
        }
      /* whether working day d adds a weekend, after a day worked or not */
      weekend_worked = limited && _sc_row_new_weekend_relaxed (rs, d, TRUE);
      weekend_rested = limited && _sc_row_new_weekend_relaxed (rs, d, FALSE);
      for (int r = 0; r < R + O; r++)
        {
          int after_off = capacity_after_off (r, R, O);
          gboolean may_work = len > 0 && r < R && r < rs->max_cons;
          gboolean new_weekend = r > 0 ? weekend_worked : weekend_rested;
          /* where the maximum run is over 14 days, state 1 stands for any run */
          const int *after_work = next + MIN (r + 1, rs->cap_r) * W;

          for (int w = 0; w < W; w++)
            {
              int best = off_ok ? next[after_off * W + w] : -1;

              if (may_work && (!new_weekend || w > 0))
                {
                  int rest = after_work[new_weekend ? w - 1 : w];

                  if (rest >= 0)
                    best = MAX (best, rest + len);
                }
              here[r * W + w] = best;
            }
        }
    }
}

/* The fairness cost of a whole row, given everyone else, less the offset */
static gint64
row_fair_cost (ScRowSolver *rs,
               const gint8 *row)
{
  int x[SC_ROSTER_N_FAIR] = { 0 };

  memset (rs->fair_seen, 0, MAX (rs->ix->n_weekends, 1));
  for (int d = 0; d < rs->D; d++)
    {
      int v = row[d], w = rs->ix->weekend[d];

      if (v == SC_ROSTER_OFF)
        continue;
      x[SC_ROSTER_FAIR_NIGHTS] += rs->ix->night[v];
      x[SC_ROSTER_FAIR_HOURS] += rs->pb->shift_types[v].length;
      if (w >= 0 && !rs->fair_seen[w])
        {
          rs->fair_seen[w] = 1;
          x[SC_ROSTER_FAIR_WEEKENDS]++;
        }
    }
  return _sc_roster_eval_fair_delta (rs->fair_ev, rs->person, x) - rs->fair_offset;
}

/* A whole row in rs->cur, in state @st at its end */
static void
row_end (ScRowSolver      *rs,
         const ScRowState *st,
         gint64            cost)
{
  if (rs->fair_ev && st->used >= rs->min_minutes && cost < rs->best_cost)
    cost += row_fair_cost (rs, rs->cur);
  if (st->used >= rs->min_minutes && cost < rs->best_cost)
    {
      rs->best_cost = cost;
      rs->found = TRUE;
      memcpy (rs->best_row, rs->cur, rs->D);
    }
}

/* Walks the forced days @from … @to − 1 into rs->cur and rs->cnt, adding
 * their costs to @cost: the day it stopped at (@to, or the first day whose
 * value breaks a rule) */
int
_sc_row_walk_forced (ScRowSolver *rs,
                     int          from,
                     int          to,
                     ScRowState  *st,
                     gint64      *cost)
{
  for (int d = from; d < to; d++)
    {
      int v = rs->order[d * rs->V];
      ScRowState next;

      if (!_sc_row_step (rs, d, st, v, v >= 0 ? rs->cnt[v] : 0, &next))
        return d;
      rs->cur[d] = (gint8) v;
      if (v >= 0)
        rs->cnt[v]++;
      *cost += rs->cost[d * rs->V + v + 1];
      *st = next;
    }
  return to;
}

/* Takes back the counts of _sc_row_walk_forced () */
void
_sc_row_unwalk (ScRowSolver *rs,
                int          from,
                int          to)
{
  for (int d = from; d < to; d++)
    if (rs->cur[d] >= 0)
      rs->cnt[rs->cur[d]]--;
}

#define TAIL_MIN 8   /* forced tails of fewer days are walked whole */

/* The forced days after the last free one are walked by every row a
 * search completes. Once they change between work and rest, the rules of
 * sequence no longer see what came before, and the counts, minutes and
 * weekends only add up: that part is walked once here, from the state
 * every row has there, and its totals kept. */
void
_sc_row_prepare_tail (ScRowSolver *rs)
{
  int from = rs->free_last + 1, D = rs->D, V = rs->V, join = from, stop;
  gboolean works;
  ScRowState st = { SC_ROSTER_OFF, 0, 0, 0, 0, D };

  rs->tail_join = D;
  if (rs->free_last < 0 || D - from < TAIL_MIN)
    return;
  works = rs->order[from * V] != SC_ROSTER_OFF;
  while (join < D && (rs->order[join * V] != SC_ROSTER_OFF) == works)
    join++;
  /* join: the first change; the state after it is known */
  if (++join >= D)
    return;
  st.last = rs->order[(join - 1) * V];
  st.work_run = st.last != SC_ROSTER_OFF;
  st.off_run = st.last == SC_ROSTER_OFF;
  /* that day's weekend is worked when the day is, or when the day before
   * (worked: the first change is to a day off) lies in it too */
  st.counted = _sc_row_weekend_goes_on (rs, join - 1) &&
               (st.last != SC_ROSTER_OFF || rs->ix->weekend[join - 2] == rs->ix->weekend[join - 1]);
  rs->tail_join = join;
  rs->tail_cost = 0;
  memset (rs->cnt, 0, sizeof (int) * rs->T);
  stop = _sc_row_walk_forced (rs, join, D, &st, &rs->tail_cost);
  rs->tail_ok = stop == D;
  rs->tail_minutes = st.used;
  rs->tail_weekends = st.weekends;
  memcpy (rs->tail_count, rs->cnt, sizeof (int) * rs->T);
  _sc_row_unwalk (rs, join, stop);
}

/* Adds _sc_row_prepare_tail ()'s minutes, weekends and cost to @st and
 * @cost: FALSE when the minutes or the weekends then break a rule (the
 * counts of each shift type are the caller's to check) */
static gboolean
add_tail (ScRowSolver *rs,
          ScRowState  *st,
          gint64      *cost)
{
  st->used += rs->tail_minutes;
  st->weekends += rs->tail_weekends;
  *cost += rs->tail_cost;
  return (rs->max_minutes == SC_ROSTER_NO_LIMIT || st->used <= rs->max_minutes) &&
         st->weekends <= rs->max_weekends;
}

/* Walks the forced rest of a row from @d, after the last free day: up to
 * _sc_row_prepare_tail ()'s totals, which it then adds to @st and @cost
 * (rs->cur holds their days), or to the end. TRUE when the row keeps its
 * rules to the end; in either case the counts of the days it walked, up to
 * *@walked, are to be taken back with _sc_row_unwalk (). */
gboolean
_sc_row_walk_rest (ScRowSolver *rs,
                   int          d,
                   ScRowState  *st,
                   gint64      *cost,
                   int         *walked)
{
  int to = rs->tail_join;

  *walked = _sc_row_walk_forced (rs, d, to, st, cost);
  if (*walked < to)
    return FALSE;
  if (to == rs->D)
    return TRUE;
  if (!rs->tail_ok)
    return FALSE;
  for (int t = 0; t < rs->T; t++)
    if (rs->cnt[t] + rs->tail_count[t] > rs->max_shifts[t])
      return FALSE;
  return add_tail (rs, st, cost);
}

/* Whether the search's time is up (never without a deadline) */
static gboolean
past_deadline (const ScRowSolver *rs)
{
  return rs->deadline > 0 && g_get_monotonic_time () > rs->deadline;
}

static void
dfs (ScRowSolver      *rs,
     int               d,
     const ScRowState *st,
     gint64            cost)
{
  const gint8 *ord;
  gint64 lb;

  if (rs->aborted)
    return;
  if (++rs->nodes > rs->node_limit || ((rs->nodes & 1023) == 0 && past_deadline (rs)))
    {
      rs->aborted = TRUE;
      return;
    }

  if (d == rs->D)
    {
      row_end (rs, st, cost);
      return;
    }

  lb = _sc_row_bound (rs, d, st);
  if (lb >= COST_INF || cost + lb >= rs->best_cost)
    return;
  if (rs->n_order[d] == 1)
    {
      /* forced days up to the next free one (or the end): one walk, not a
       * node a day */
      ScRowState next = *st;
      int to = d, stop;

      while (to < rs->D && rs->n_order[to] == 1)
        to++;
      if (to == rs->D)
        {
          /* a walk to the end ends at a node, one to the totals at once */
          if (_sc_row_walk_rest (rs, d, &next, &cost, &stop))
            {
              if (stop == rs->D)
                dfs (rs, rs->D, &next, cost);
              else
                row_end (rs, &next, cost);
            }
        }
      else if ((stop = _sc_row_walk_forced (rs, d, to, &next, &cost)) == to)
        dfs (rs, to, &next, cost);
      _sc_row_unwalk (rs, d, stop);
      return;
    }
  if (rs->memo_on && d > 0 && d < rs->D - MEMO_TAIL &&
      memo_seen (rs, state_key (rs, d, st->last, st->work_run, st->off_run, st->weekends, st->counted, st->used), cost))
    return;

  ord = rs->order + d * rs->V;
  for (int i = 0; i < rs->n_order[d]; i++)
    {
      int v = ord[i];
      ScRowState next;

      if (!_sc_row_step (rs, d, st, v, v >= 0 ? rs->cnt[v] : 0, &next))
        continue;
      rs->cur[d] = (gint8) v;
      if (v >= 0)
        rs->cnt[v]++;
      dfs (rs, d + 1, &next, cost + rs->cost[d * rs->V + v + 1]);
      if (v >= 0)
        rs->cnt[v]--;
      if (rs->aborted)
        return;
    }
}

/* Runs the search once costs and allowed values are set. @incumbent (may be
 * NULL) is a row known to be feasible: only a cheaper row replaces it. The
 * search gives up (aborted set) after @node_limit nodes or at rs->deadline.
 * Returns TRUE when best_row holds a feasible row. */
gboolean
_sc_row_solver_run (ScRowSolver *rs,
                    const gint8 *incumbent,
                    gint64       node_limit)
{
  _sc_row_find_free (rs);
  _sc_row_prepare_bound (rs, rs->free_first);
  _sc_row_prepare_capacity (rs, rs->free_first, rs->free_last);
  _sc_row_prepare_tail (rs);
  memset (rs->cnt, 0, sizeof (int) * rs->T);
  rs->nodes = 0;
  rs->node_limit = node_limit;
  if (++rs->stamp == 0)
    {
      for (int i = 0; i < MEMO_SIZE; i++)
        rs->memo[i].stamp = 0;
      rs->stamp = 1;
    }
  rs->aborted = FALSE;
  rs->found = FALSE;
  rs->best_cost = rs->cutoff;
  if (incumbent)
    {
      rs->best_cost = 0;
      for (int d = 0; d < rs->D; d++)
        rs->best_cost += rs->cost[d * rs->V + incumbent[d] + 1];
      if (rs->fair_ev)
        rs->best_cost += row_fair_cost (rs, incumbent);
      memcpy (rs->best_row, incumbent, rs->D);
      rs->found = TRUE;
    }
  {
    ScRowState start = { SC_ROSTER_OFF, 0, 0, 0, 0, rs->cap_total };
    gint64 cost = 0;

    /* the forced days before the first free one, walked once */
    if (_sc_row_walk_forced (rs, 0, rs->free_first, &start, &cost) == rs->free_first)
      dfs (rs, rs->free_first, &start, cost);
  }
  /* the one row in the list the search by labels fills */
  rs->n_rows = rs->found;
  if (rs->found)
    {
      memcpy (rs->rows, rs->best_row, rs->D);
      rs->row_cost[0] = rs->best_cost;
    }
  return rs->found;
}

/* ---- the same search by labels ----------------------------------------- */

/* A partial row from day 0 up to a day: its cost and what its future
 * depends on. Labels of a day that agree on everything but their weekends
 * and their counts of the binding shift types form a group; within a group,
 * a label that costs no more, with no more weekends and no more shifts of
 * any binding type, dominates: whatever follows the other follows it. */

#define LABEL_MAX_BINDING 8
#define LABEL_WORDS       3          /* the weekends and the counts, four to a word */
#define SEQ_MAX_ENTRIES   (1 << 21)  /* the table of prepare_sequence (): 16 MB at most */
#define SEQ_MAX_MOVES     (1 << 21)  /* its moves, kept for the kinds of day: 8 MB at most */
#define WINDOW_SHARE      4          /* a search of at most 1/4 of a row's days walks the rest */

typedef struct
{
  gint64     cost;
  gint64     bound;   /* the least it can end at: see label_bound () */
  guint64    key;     /* its group */
  int        trace;   /* its place in the trace, once kept */
  int        parent;  /* the trace of the label it extends */
  ScRowState st;
  gboolean   dead;
  gint8      value;   /* the value it adds to its parent */
  guint16    cnt[LABEL_MAX_BINDING];
} Label;

/* A candidate in the order in which keep_labels () compares them: by
 * group, then by cost, then by the sum of its resources (so that of two
 * that cost the same, one that dominates the other comes first), with the
 * weekends and counts in 16-bit lanes, compared all at once */
typedef struct
{
  gint64  cost;
  guint64 lanes[LABEL_WORDS];
  int     group;
  int     sum;
  int     index;   /* in the candidates */
} LabelOrder;

#define LANE_HIGH G_GUINT64_CONSTANT (0x8000800080008000)

static guint64
label_key (ScRowSolver *rs,
           int          d,
           const Label *l)
{
  const ScRowState *st = &l->st;
  guint64 key = (guint64) (st->last + 1);

  key = (key << rs->run_bits) | (guint64) MIN (st->work_run, rs->cap_work);
  key = (key << rs->off_bits) | (guint64) MIN (st->off_run, rs->cap_off);
  key = (key << 1) | (guint64) (d > 0 && (st->work_run == d || st->off_run == d));
  key = (key << 1) | (guint64) (st->counted != 0);
  key = (key << 32) | (guint64) (st->used / rs->len_unit);
  return key;
}

/* Whether @a's weekends and counts are each no more than @b's: lanes of
 * fewer than 15 bits, so that a lane's subtraction never borrows from the
 * next one */
static inline gboolean
lanes_within (const LabelOrder *a,
              const LabelOrder *b,
              int               n_words)
{
  for (int w = 0; w < n_words; w++)
    if ((((b->lanes[w] | LANE_HIGH) - a->lanes[w]) & LANE_HIGH) != LANE_HIGH)
      return FALSE;
  return TRUE;
}

static int
label_order_cmp (gconstpointer a,
                 gconstpointer b)
{
  const LabelOrder *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->cost != y->cost)
    return x->cost < y->cost ? -1 : 1;
  return (x->sum > y->sum) - (x->sum < y->sum);
}

/* The runs a state of sequence_state () may be in: after a day off, the
 * days off in a row (0 on the first day); after a shift, the working days
 * in a row, at least one. A row never has both runs at once. */
static inline int
sequence_runs (ScRowSolver *rs)
{
  return rs->cap_off + 1 + rs->T * rs->cap_work;
}

/* The state of the rules of sequence on day @d: the last value, the
 * current run capped as in the labels' keys, whether it began on day 0,
 * and the weekends that may still be worked (capped) */
static inline int
sequence_state (ScRowSolver *rs,
                int          last,
                int          work_run,
                int          off_run,
                gboolean     from_start,
                int          weekends_left)
{
  int state = last == SC_ROSTER_OFF ? MIN (off_run, rs->cap_off)
                                    : rs->cap_off + last * rs->cap_work + MIN (work_run, rs->cap_work);

  state = state * 2 + (from_start != FALSE);
  return state * rs->seq_weekends + MIN (weekends_left, rs->seq_weekends - 1);
}

static inline gint64
sequence_bound (ScRowSolver      *rs,
                int               d,
                const ScRowState *st)
{
  gboolean from_start = d == 0 || st->work_run == d || st->off_run == d;
  int left = rs->max_weekends == SC_ROSTER_NO_LIMIT ? 0 : MAX (rs->max_weekends - st->weekends, 0);

  if (rs->seq_states == 0)
    return -COST_INF;
  return rs->seq[(gsize) d * rs->seq_states +
                 sequence_state (rs, st->last, st->work_run, st->off_run, from_start, left)];
}

/* What the multipliers can have added at most to the rest of a row of a
 * label with @used minutes and @cnt shifts of the binding types @bind: the
 * table's value less this bounds the rest from below */
static gint64
sequence_moved (ScRowSolver   *rs,
                int            used,
                const guint16 *cnt,
                const int     *bind,
                int            n_bind)
{
  gint64 most = 0;

  if (!rs->seq_moved)
    return 0;
  for (int b = 0; b < n_bind; b++)
    most += rs->seq_lambda[bind[b]] * MAX (rs->max_shifts[bind[b]] - cnt[b], 0);
  if (rs->seq_pi > 0)
    most += rs->seq_pi * ((rs->max_minutes - used) / rs->len_unit);
  else if (rs->seq_pi < 0 && rs->min_minutes > used)
    most += rs->seq_pi * ((rs->min_minutes - used + rs->len_unit - 1) / rs->len_unit);
  return most;
}

/* A state of the table by its parts, the runs capped as in the labels'
 * keys (see sequence_state ()) */
typedef struct
{
  int      last, work_run, off_run, left;
  gboolean from_start;
} SeqState;

static inline int
sequence_index (ScRowSolver    *rs,
                const SeqState *q)
{
  return sequence_state (rs, q->last, q->work_run, q->off_run, q->from_start, q->left);
}

/* The state @to on the next day after @v in state @q on a day (the
 * horizon's first when @first_day); FALSE when @v breaks a rule of
 * sequence there */
static inline gboolean
sequence_next (ScRowSolver    *rs,
               gboolean        first_day,
               int             v,
               const SeqState *q,
               gboolean        new_weekend,
               SeqState       *to)
{
  if (v == SC_ROSTER_OFF)
    {
      if (q->work_run > 0 && !q->from_start && q->work_run < rs->min_cons)
        return FALSE;
      *to = (SeqState) { SC_ROSTER_OFF, 0, MIN (q->off_run + 1, rs->cap_off), q->left,
                         q->from_start && q->last < 0 };
      return TRUE;
    }
  if (q->off_run > 0 && !q->from_start && q->off_run < rs->min_off)
    return FALSE;
  if (q->work_run + 1 > rs->max_cons)
    return FALSE;
  if (q->last >= 0 && rs->pb->forbidden[q->last * rs->T + v])
    return FALSE;
  if (rs->max_minutes != SC_ROSTER_NO_LIMIT && rs->pb->shift_types[v].length > rs->max_minutes)
    return FALSE;
  if (new_weekend && q->left == 0)
    return FALSE;
  *to = (SeqState) { v, MIN (q->work_run + 1, rs->cap_work), 0, q->left - new_weekend,
                     q->from_start && (q->last >= 0 || first_day) };
  return TRUE;
}

/* What sequence_next () depends on of a day, besides the state: whether
 * it is the first, and whether working it begins a weekend after a working
 * day and after a day off. Days of one kind have the same moves. */
static int
sequence_kind (ScRowSolver *rs,
               int          d)
{
  int kind = d == 0;

  if (rs->seq_limited)
    kind |= _sc_row_new_weekend_relaxed (rs, d, TRUE) << 1 | _sc_row_new_weekend_relaxed (rs, d, FALSE) << 2;
  return kind;
}

/* The moves of the table on days of @d's kind: for each state and value,
 * the state after it, or −1 where the value breaks a rule of sequence.
 * They depend only on the person's rules and the kind of day, so each
 * person's are kept in slots, one a kind, while the memory allows. */
static const int *
sequence_moves (ScRowSolver *rs,
                int          d)
{
  int S = rs->seq_states, V = rs->V, kind = sequence_kind (rs, d), slot;
  gsize per_slot = (gsize) S * V;
  int *moves;

  if (rs->seq_next_person != rs->person || rs->seq_next_states != S)
    {
      rs->seq_next_person = rs->person;
      rs->seq_next_states = S;
      rs->seq_next_slots = (int) CLAMP (SEQ_MAX_MOVES / per_slot, 1, G_N_ELEMENTS (rs->seq_next_kind));
      if (per_slot * rs->seq_next_slots > rs->seq_next_alloc)
        {
          rs->seq_next_alloc = per_slot * rs->seq_next_slots;
          rs->seq_next = g_renew (int, rs->seq_next, rs->seq_next_alloc);
        }
      for (slot = 0; slot < (int) G_N_ELEMENTS (rs->seq_next_kind); slot++)
        rs->seq_next_kind[slot] = -1;
      rs->seq_next_evict = 0;
    }
  for (slot = 0; slot < rs->seq_next_slots; slot++)
    if (rs->seq_next_kind[slot] == kind)
      return rs->seq_next + slot * per_slot;
  slot = rs->seq_next_evict;
  rs->seq_next_evict = (slot + 1) % rs->seq_next_slots;
  rs->seq_next_kind[slot] = kind;
  moves = rs->seq_next + slot * per_slot;
  for (int last = -1; last < rs->T; last++)
    {
      /* a working day that begins a weekend uses one; only the states
       * a row can be in (see sequence_runs ()) */
      gboolean off = last == SC_ROSTER_OFF;
      gboolean new_weekend = (kind >> (off ? 2 : 1)) & 1;

      for (int run = off ? 0 : 1; run <= (off ? rs->cap_off : rs->cap_work); run++)
        for (int from_start = 0; from_start < 2; from_start++)
          for (int left = 0; left < rs->seq_weekends; left++)
            {
              SeqState q = { last, off ? 0 : run, off ? run : 0, left, from_start }, to;
              int *m = moves + (gsize) sequence_index (rs, &q) * V;

              for (int v = -1; v < rs->T; v++)
                m[v + 1] = sequence_next (rs, kind & 1, v, &q, new_weekend, &to) ? sequence_index (rs, &to) : -1;
            }
    }
  return moves;
}

/* The least cost of the rest of a row from each day and state of
 * sequence_state (), by dynamic programming backwards, under the rules of
 * _sc_row_step () that do not count minutes or shifts: successions,
 * consecutive working days and days off, the weekends, and days with no
 * choice. It bounds every completion from below, much more tightly than the
 * bound by counting on long horizons, where the runs, the rests and the
 * weekends keep a row from taking every day it would like. */
static void
prepare_sequence (ScRowSolver *rs)
{
  int D = rs->D, S;
  gsize size, per_day = (gsize) sequence_runs (rs) * 2;
  gboolean limited = rs->max_weekends != SC_ROSTER_NO_LIMIT;

  /* the weekends left only while the table stays small, and no table
   * at all when even the rest would not */
  rs->seq_weekends = limited ? MIN (MAX (rs->max_weekends, 0), rs->ix->n_weekends) + 1 : 1;
  if ((gsize) (D + 1) * per_day * rs->seq_weekends > SEQ_MAX_ENTRIES)
    {
      limited = FALSE;
      rs->seq_weekends = 1;
    }
  rs->seq_limited = limited;
  if ((gsize) (D + 1) * per_day > SEQ_MAX_ENTRIES)
    {
      rs->seq_states = 0;
      return;
    }
  S = rs->seq_states = (int) per_day * rs->seq_weekends;
  size = (gsize) (D + 1) * S;
  if (size > rs->seq_alloc)
    {
      rs->seq = g_renew (gint64, rs->seq, size);
      rs->seq_alloc = size;
    }
  for (int i = 0; i < S; i++)
    rs->seq[(gsize) D * S + i] = 0;
  for (int d = D - 1; d >= 0; d--)
    {
      const gint64 *next = rs->seq + (gsize) (d + 1) * S;
      const gint64 *c = (rs->seq_moved ? rs->seq_cost : rs->cost) + d * rs->V;
      const gint8 *ord = rs->order + d * rs->V;
      const int *moves = sequence_moves (rs, d);
      gint64 *here = rs->seq + (gsize) d * S;
      int n = rs->n_order[d];

      for (int i = 0; i < S; i++, moves += rs->V)
        {
          gint64 best = COST_INF;

          for (int k = 0; k < n; k++)
            {
              int to = moves[ord[k] + 1];

              if (to >= 0 && next[to] < COST_INF)
                best = MIN (best, c[ord[k] + 1] + next[to]);
            }
          here[i] = best;
        }
    }
}

/* The state of the first day in the table */
static SeqState
sequence_start (ScRowSolver *rs)
{
  SeqState q = { SC_ROSTER_OFF, 0, 0, 0, TRUE };

  if (rs->max_weekends != SC_ROSTER_NO_LIMIT)
    q.left = MIN (MAX (rs->max_weekends, 0), rs->seq_weekends - 1);
  return q;
}

/* Follows the table's least path from the first day: its shifts of each
 * type in @count, its minutes in units of len_unit in @units; FALSE when
 * there is none */
static gboolean
sequence_walk (ScRowSolver *rs,
               int         *count,
               int         *units)
{
  const gint64 *c = rs->seq_moved ? rs->seq_cost : rs->cost;
  int S = rs->seq_states;
  SeqState q = sequence_start (rs), to;

  memset (count, 0, sizeof (int) * rs->T);
  *units = 0;
  for (int d = 0; d < rs->D; d++)
    {
      const gint64 *next = rs->seq + (gsize) (d + 1) * S;
      const gint8 *ord = rs->order + d * rs->V;
      gint64 here = rs->seq[(gsize) d * S + sequence_index (rs, &q)];
      int k;
      gboolean new_weekend = rs->seq_limited && _sc_row_new_weekend_relaxed (rs, d, q.last >= 0);

      if (here >= COST_INF)
        return FALSE;
      for (k = 0; k < rs->n_order[d]; k++)
        {
          int v = ord[k];

          if (!sequence_next (rs, d == 0, v, &q, new_weekend, &to) ||
              next[sequence_index (rs, &to)] >= COST_INF ||
              c[d * rs->V + v + 1] + next[sequence_index (rs, &to)] != here)
            continue;
          if (v != SC_ROSTER_OFF)
            {
              count[v]++;
              *units += rs->pb->shift_types[v].length / rs->len_unit;
            }
          q = to;
          break;
        }
      if (k == rs->n_order[d])
        return FALSE;
    }
  return TRUE;
}

/* The table's costs with the multipliers rs->seq_lambda and rs->seq_pi */
static void
sequence_move (ScRowSolver *rs)
{
  for (int d = 0; d < rs->D; d++)
    {
      const gint64 *c = rs->cost + d * rs->V;
      gint64 *m = rs->seq_cost + d * rs->V;
      const gint8 *ord = rs->order + d * rs->V;

      for (int k = 0; k < rs->n_order[d]; k++)
        {
          int v = ord[k];

          m[v + 1] = c[v + 1];
          if (v != SC_ROSTER_OFF)
            m[v + 1] += rs->seq_lambda[v] + rs->seq_pi * (rs->pb->shift_types[v].length / rs->len_unit);
        }
    }
  rs->seq_moved = TRUE;
}

/* The table of prepare_sequence () for a search with a cut-off, with
 * costs moved by multipliers that price the counts of the binding shift
 * types and the minutes, which the table does not follow: a Lagrangian
 * relaxation of those limits, its multipliers found by a few subgradient
 * steps from the first day. With any multipliers (≥ 0 for the counts) the
 * table less what they can add to the rest of a row (sequence_moved ())
 * bounds the rest from below; with good ones, much more tightly, as the
 * cheapest days are often those of one type whose maximum binds. */
static void
price_sequence (ScRowSolver *rs,
                const int   *bind,
                int          n_bind)
{
  static const guint16 none[LABEL_MAX_BINDING] = { 0 };
  gint64 best = -COST_INF, best_lambda[SC_ROSTER_MAX_SHIFT_TYPES], best_pi = 0;
  int count[SC_ROSTER_MAX_SHIFT_TYPES], units, stall = 0;
  int max_units = rs->max_minutes == SC_ROSTER_NO_LIMIT ? G_MAXINT : rs->max_minutes / rs->len_unit;
  int min_units = (MAX (rs->min_minutes, 0) + rs->len_unit - 1) / rs->len_unit;
  double theta = 1;
  gint64 *kept;
  int rounds;
  SeqState start;

  rs->seq_moved = FALSE;
  rs->seq_n_bind = n_bind;
  memcpy (rs->seq_bind, bind, sizeof (int) * n_bind);
  memset (rs->seq_lambda, 0, sizeof rs->seq_lambda);
  rs->seq_pi = 0;
  if (rs->cutoff >= COST_INF)
    {
      prepare_sequence (rs);
      return;
    }
  if ((gsize) rs->D * rs->V > rs->seq_cost_alloc)
    {
      rs->seq_cost_alloc = (gsize) rs->D * rs->V;
      rs->seq_cost = g_renew (gint64, rs->seq_cost, rs->seq_cost_alloc);
    }
  /* from the multipliers of this person's last search, which its next
   * costs seldom move far; new ones only before its first exact search
   * (a beam's multipliers are only a start: the beam does not say how long
   * an exact search would be), or after an exact search long enough to pay
   * for them */
  if (rs->seq_kept == NULL)
    rs->seq_kept = g_new0 (gint64, (gsize) rs->pb->n_people * (rs->T + 2));
  kept = rs->seq_kept + (gsize) rs->person * (rs->T + 2);
  rounds = kept[rs->T + 1] == 0 || kept[rs->T + 1] > rs->seq_busy ? SEQ_ROUNDS : 0;
  for (int b = 0; b < n_bind; b++)
    rs->seq_lambda[bind[b]] = kept[bind[b]];
  rs->seq_pi = kept[rs->T];
  sequence_move (rs);
  prepare_sequence (rs);
  if (rs->seq_states == 0)
    {
      rs->seq_moved = FALSE;
      return;
    }
  start = sequence_start (rs);
  for (int round = 0;; round++)
    {
      gint64 root = rs->seq[sequence_index (rs, &start)];
      double norm = 0, step, g_pi = 0, g[LABEL_MAX_BINDING];

      if (root >= COST_INF)
        break;
      root -= sequence_moved (rs, 0, none, bind, n_bind);
      if (root > best)
        {
          best = root;
          memcpy (best_lambda, rs->seq_lambda, sizeof best_lambda);
          best_pi = rs->seq_pi;
          stall = 0;
        }
      else if (++stall >= 2)
        {
          theta /= 2;
          stall = 0;
        }
      if (round == rounds || best >= rs->cutoff || !sequence_walk (rs, count, &units))
        break;
      /* the subgradient: shifts over each maximum, minutes outside the
       * limits (none pushes a multiplier below zero) */
      for (int b = 0; b < n_bind; b++)
        {
          g[b] = count[bind[b]] - rs->max_shifts[bind[b]];
          if (rs->seq_lambda[bind[b]] == 0 && g[b] < 0)
            g[b] = 0;
          norm += g[b] * g[b];
        }
      if (units > max_units)
        g_pi = units - max_units;
      else if (units < min_units)
        g_pi = units - min_units;
      else if (rs->seq_pi > 0 && max_units < G_MAXINT)
        g_pi = units - max_units;
      else if (rs->seq_pi < 0)
        g_pi = units - min_units;
      norm += g_pi * g_pi;
      if (norm == 0)
        break;
      step = theta * (double) (rs->cutoff - root) / norm;
      for (int b = 0; b < n_bind; b++)
        rs->seq_lambda[bind[b]] = MAX (0, rs->seq_lambda[bind[b]] + (gint64) llround (step * g[b]));
      rs->seq_pi += (gint64) llround (step * g_pi);
      if (max_units == G_MAXINT)
        rs->seq_pi = MIN (rs->seq_pi, 0);
      sequence_move (rs);
      prepare_sequence (rs);
    }
  if (best > -COST_INF && (memcmp (best_lambda, rs->seq_lambda, sizeof best_lambda) != 0 || best_pi != rs->seq_pi))
    {
      memcpy (rs->seq_lambda, best_lambda, sizeof best_lambda);
      rs->seq_pi = best_pi;
      sequence_move (rs);
      prepare_sequence (rs);
    }
  rs->seq_moved = rs->seq_pi != 0;
  for (int b = 0; b < n_bind; b++)
    {
      kept[bind[b]] = rs->seq_lambda[bind[b]];
      rs->seq_moved |= rs->seq_lambda[bind[b]] != 0;
    }
  kept[rs->T] = rs->seq_pi;
}

/* Moves the next day's candidates that no other of their group dominates
 * to the next day's labels (rs->labels[1]), group by group, each given its
 * place in the trace. The candidates are put in groups by a table of their
 * keys and sorted within them, so that each is compared only with those of
 * its group already kept, which lie side by side. FALSE when the trace ran
 * out. */
static gboolean
keep_labels (ScRowSolver *rs,
             int          n_bind,
             gsize       *n_trace,
             gsize        limit)
{
  GArray *cand = rs->candidates, *out = rs->labels[1];
  GArray *order = rs->sorted_labels;
  guint n = cand->len;
  gsize table = 1024, mask;
  int n_groups = 0, n_words = (n_bind + 1 + 3) / 4;
  LabelOrder *in, *o;

  g_array_set_size (out, 0);
  if (n == 0)
    return TRUE;
  while (table < 2 * (gsize) n)
    table *= 2;
  if (table > rs->groups_alloc)
    {
      rs->groups_alloc = table;
      rs->groups = g_renew (int, rs->groups, table);
    }
  if (n + 1 > rs->group_alloc)
    {
      rs->group_alloc = MAX (n + 1, 2 * rs->group_alloc);
      rs->group_key = g_renew (guint64, rs->group_key, rs->group_alloc);
      rs->group_start = g_renew (int, rs->group_start, rs->group_alloc);
    }
  mask = table - 1;
  memset (rs->groups, 0xff, sizeof (int) * table);
  /* the candidates as they come, then by group */
  g_array_set_size (order, 2 * n);
  in = (LabelOrder *) (void *) order->data;
  o = in + n;

  /* each candidate's group, numbered as they first come */
  for (guint i = 0; i < n; i++)
    {
      const Label *l = &g_array_index (cand, Label, i);
      gsize h = (gsize) ((l->key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & mask;
      LabelOrder *e = &in[i];

      while (rs->groups[h] >= 0 && rs->group_key[rs->groups[h]] != l->key)
        h = (h + 1) & mask;
      if (rs->groups[h] < 0)
        {
          rs->groups[h] = n_groups;
          rs->group_start[n_groups] = 0;
          rs->group_key[n_groups++] = l->key;
        }
      rs->group_start[rs->groups[h]]++;
      e->group = rs->groups[h];
      e->index = (int) i;
      e->cost = l->cost;
      memset (e->lanes, 0, sizeof e->lanes);
      e->lanes[0] = (guint64) l->st.weekends;
      e->sum = l->st.weekends;
      for (int b = 0; b < n_bind; b++)
        {
          e->lanes[(b + 1) / 4] |= (guint64) l->cnt[b] << (16 * ((b + 1) % 4));
          e->sum += l->cnt[b];
        }
    }

  /* by group (counted), then by cost: one is dominated only by one
   * before it */
  for (int g = 0, at = 0; g < n_groups; g++)
    {
      int size = rs->group_start[g];

      rs->group_start[g] = at;
      at += size;
    }
  for (guint i = 0; i < n; i++)
    o[rs->group_start[in[i].group]++] = in[i];
  for (guint i = 0, k; i < n; i = k)
    {
      for (k = i + 1; k < n && o[k].group == o[i].group; k++)
        ;
      if (k - i > 24)
        qsort (o + i, k - i, sizeof (LabelOrder), label_order_cmp);
      else
        for (guint j = i + 1; j < k; j++)
          {
            LabelOrder e = o[j];
            guint at = j;

            for (; at > i && label_order_cmp (&o[at - 1], &e) > 0; at--)
              o[at] = o[at - 1];
            o[at] = e;
          }
    }
  for (guint i = 0, k; i < n; i = k)
    {
      guint kept = i;

      /* o[i … k) is a group; those kept move to o[i … kept) */
      for (k = i; k < n && o[k].group == o[i].group; k++)
        {
          gboolean dominated = FALSE;

          for (guint j = i; j < kept && !dominated; j++)
            dominated = lanes_within (&o[j], &o[k], n_words);
          if (!dominated)
            o[kept++] = o[k];
        }
      for (guint j = i; j < kept; j++)
        {
          Label *l = &g_array_index (cand, Label, o[j].index);

          if (*n_trace >= limit)
            return FALSE;
          if (*n_trace >= rs->trace_alloc)
            {
              rs->trace_alloc = MAX (rs->trace_alloc * 2, 4096);
              rs->trace_parent = g_renew (int, rs->trace_parent, rs->trace_alloc);
              rs->trace_value = g_renew (gint8, rs->trace_value, rs->trace_alloc);
            }
          rs->trace_parent[*n_trace] = l->parent;
          rs->trace_value[*n_trace] = l->value;
          l->trace = (int) (*n_trace)++;
          l->dead = FALSE;
          g_array_append_vals (out, l, 1);
        }
    }
  return TRUE;
}

static int
label_cmp_cost (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The least a label of day @d can end at: its cost and the bound on the
 * rest of the row */
static gint64
label_bound (ScRowSolver *rs,
             int          d,
             const Label *l)
{
  gint64 seq = sequence_bound (rs, d, &l->st);
  gint64 lb;

  if (seq < COST_INF)
    seq -= sequence_moved (rs, l->st.used, l->cnt, rs->seq_bind, rs->seq_n_bind);
  lb = MAX (_sc_row_rest_bound (rs, d, l->st.used, l->st.cap_left), seq);

  return lb >= COST_INF ? COST_INF : l->cost + lb;
}

/* Keeps the @beam labels of day @d of least bound */
static void
label_beam (ScRowSolver *rs,
            int          d,
            int          beam)
{
  GArray *labels = rs->labels[1];
  g_autofree gint64 *bounds = NULL;
  int n = 0;
  gint64 limit;

  if ((int) labels->len <= beam)
    return;
  bounds = g_new (gint64, labels->len);
  for (guint i = 0; i < labels->len; i++)
    if (!g_array_index (labels, Label, i).dead)
      bounds[n++] = g_array_index (labels, Label, i).bound;
  if (n <= beam)
    return;
  qsort (bounds, n, sizeof (gint64), label_cmp_cost);
  limit = bounds[beam - 1];
  for (guint i = 0; i < labels->len; i++)
    {
      Label *l = &g_array_index (labels, Label, i);

      if (!l->dead && l->bound > limit)
        l->dead = TRUE;
    }
}

/* Whether a search by labels walks only the free days (see
 * _sc_row_solver_label ()): at least one, and at most a quarter of the
 * row's. Sets free_first and free_last. */
gboolean
_sc_row_few_free (ScRowSolver *rs)
{
  int n_free = 0;

  _sc_row_find_free (rs);
  for (int d = rs->free_first; d <= rs->free_last; d++)
    n_free += rs->n_order[d] > 1;
  return n_free > 0 && n_free * WINDOW_SHARE <= rs->D;
}

/* Adds to @l, which has reached rs->tail_join, the totals of the forced
 * days from there to the end (see _sc_row_prepare_tail ()): FALSE when
 * they break a rule */
static gboolean
label_tail (ScRowSolver *rs,
            Label       *l,
            const int   *bind,
            int          n_bind)
{
  if (!rs->tail_ok)
    return FALSE;
  for (int b = 0; b < n_bind; b++)
    if (l->cnt[b] + rs->tail_count[bind[b]] > rs->max_shifts[bind[b]])
      return FALSE;
  return add_tail (rs, &l->st, &l->cost);
}

/* The search of _sc_row_solver_run () without fairness, day by day over
 * labels: exact like it, and much faster where many partial rows reach the
 * same state; with a @beam (> 0), only that many labels a day, the most
 * promising. Returns FALSE, with no row, when it cannot answer: the person
 * has too many binding shift types for it (nothing searched), or it needs
 * more than @limit labels or more time than rs->deadline gives (aborted
 * set). */
gboolean
_sc_row_solver_label (ScRowSolver *rs,
                      gsize        limit,
                      int          beam)
{
  int bind[LABEL_MAX_BINDING], n_bind = 0, D = rs->D;
  gsize n_trace = 0;
  gint64 gap = 0;
  int want = CLAMP (rs->want, 1, SC_ROW_MAX_WANT), n_ends = 0;
  int first = 0, end = D, stop;
  gboolean window;
  guint8 binds[SC_ROSTER_MAX_SHIFT_TYPES];
  int end_trace[SC_ROW_MAX_WANT];
  gint8 end_value[SC_ROW_MAX_WANT];
  Label root = { 0 };
  g_autofree int *rem_weekends = NULL;

  g_return_val_if_fail (rs->fair_ev == NULL, FALSE);
  if (rs->labels[0] == NULL)
    {
      rs->labels[0] = g_array_new (FALSE, FALSE, sizeof (Label));
      rs->labels[1] = g_array_new (FALSE, FALSE, sizeof (Label));
      rs->candidates = g_array_new (FALSE, FALSE, sizeof (Label));
      rs->sorted_labels = g_array_new (FALSE, FALSE, sizeof (LabelOrder));
    }
  rs->aborted = FALSE;
  rs->found = FALSE;
  rs->n_rows = 0;
  rs->best_cost = rs->cutoff;
  rs->nodes = 0;

  /* windows of a long row (a quarter of its days at most): the forced
   * days before them walked once, those after them up to
   * _sc_row_prepare_tail ()'s totals, no table of sequence, which would
   * cover the whole row, and the counts only of the shift types whose
   * maximum the days left can still reach */
  window = _sc_row_few_free (rs);
  memcpy (binds, rs->binding, sizeof binds);
  root.st.last = SC_ROSTER_OFF;
  root.st.cap_left = rs->cap_total;
  if (window)
    {
      first = rs->free_first;
      _sc_row_prepare_tail (rs);
      end = rs->tail_join;
      memset (rs->cnt, 0, sizeof (int) * rs->T);
      stop = _sc_row_walk_forced (rs, 0, first, &root.st, &root.cost);
      if (stop < first)
        {
          /* no row gets through the days before: the answer is none */
          _sc_row_unwalk (rs, 0, stop);
          return TRUE;
        }
      for (int t = 0; t < rs->T; t++)
        if (binds[t])
          {
            int most = rs->cnt[t] + (end < D ? rs->tail_count[t] : 0);

            for (int d = first; d < end && most <= rs->max_shifts[t]; d++)
              for (int k = 0; k < rs->n_order[d]; k++)
                most += rs->order[d * rs->V + k] == t;
            binds[t] = most > rs->max_shifts[t];
          }
    }
  for (int t = 0; t < rs->T; t++)
    if (binds[t])
      {
        if (n_bind == LABEL_MAX_BINDING)
          return FALSE;
        root.cnt[n_bind] = (guint16) (window ? rs->cnt[t] : 0);
        bind[n_bind++] = t;
      }
  if (window)
    _sc_row_unwalk (rs, 0, first);
  _sc_row_prepare_bound (rs, first);
  _sc_row_prepare_capacity (rs, first, end - 1);
  if (window)
    {
      rs->seq_states = 0;
      rs->seq_moved = FALSE;
      rs->seq_n_bind = 0;
    }
  else
    {
      /* the multipliers matter to a beam too: without them, it keeps the
       * labels that take the cheapest shifts, whose maximum later cuts
       * them */
      price_sequence (rs, bind, n_bind);
    }

  /* the weekends with a day still to come from each day (one whose
   * Saturday is past may still be counted on its Sunday) */
  rem_weekends = g_new0 (int, D + 1);
  for (int d = D - 1; d >= 0; d--)
    rem_weekends[d] = rem_weekends[d + 1] +
                      (rs->ix->weekend[d] >= 0 && (d == D - 1 || rs->ix->weekend[d + 1] != rs->ix->weekend[d]));

  root.trace = -1;
  root.bound = label_bound (rs, first, &root);
  /* with a tight bound, a search below a cut-off just above it keeps few
   * labels: the rows it finds are the best ones; if it finds fewer than
   * wanted, again with the cut-off four times further up, and at last the
   * one given */
  if (rs->seq_moved && root.bound < rs->cutoff)
    {
      gap = MAX ((rs->cutoff - root.bound) / 16, 1);
      rs->best_cost = root.bound + gap;
    }
again:
  n_trace = 0;
  n_ends = 0;
  rs->found = FALSE;
  g_array_set_size (rs->labels[0], 0);
  g_array_append_val (rs->labels[0], root);
  for (int d = first; d < end; d++)
    {
      GArray *cur = rs->labels[0];
      const gint8 *ord = rs->order + d * rs->V;

      g_array_set_size (rs->candidates, 0);
      for (guint i = 0; i < cur->len; i++)
        {
          Label l = g_array_index (cur, Label, i);

          if (l.dead)
            continue;
          rs->nodes++;
          if (l.bound >= rs->best_cost ||
              _sc_row_capacity_short (rs, d, &l.st, rs->min_minutes - l.st.used))
            continue;
          for (int k = 0; k < rs->n_order[d]; k++)
            {
              int v = ord[k], b = -1;
              Label n = l;

              if (v >= 0 && binds[v])
                for (b = 0; bind[b] != v; b++)
                  ;
              if (!_sc_row_step (rs, d, &l.st, v, b >= 0 ? l.cnt[b] : 0, &n.st))
                continue;
              if (b >= 0)
                n.cnt[b]++;
              n.cost = l.cost + rs->cost[d * rs->V + v + 1];
              if (d + 1 == end && end < D && !label_tail (rs, &n, bind, n_bind))
                continue;
              if (d + 1 == end)
                {
                  /* the rows kept by cost; the search cuts at the
                   * last one once there are enough */
                  if (n.st.used >= rs->min_minutes && n.cost < rs->best_cost)
                    {
                      int at = MIN (n_ends, want - 1);

                      for (; at > 0 && rs->row_cost[at - 1] > n.cost; at--)
                        {
                          rs->row_cost[at] = rs->row_cost[at - 1];
                          end_trace[at] = end_trace[at - 1];
                          end_value[at] = end_value[at - 1];
                        }
                      rs->row_cost[at] = n.cost;
                      end_trace[at] = l.trace;
                      end_value[at] = (gint8) v;
                      n_ends = MIN (n_ends + 1, want);
                      if (n_ends == want)
                        rs->best_cost = rs->row_cost[want - 1];
                      rs->found = TRUE;
                    }
                  continue;
                }
              /* a count that can no longer bind is as good as the
               * highest that cannot: more labels fall in one */
              for (int c = 0; c < n_bind; c++)
                n.cnt[c] = (guint16) MAX (n.cnt[c], rs->max_shifts[bind[c]] - (D - d - 1));
              if (rs->max_weekends != SC_ROSTER_NO_LIMIT)
                n.st.weekends = MAX (n.st.weekends, rs->max_weekends - rem_weekends[d + 1]);
              /* a label that cannot end below the cut-off is not kept */
              n.bound = label_bound (rs, d + 1, &n);
              if (n.bound >= rs->best_cost)
                continue;
              n.key = label_key (rs, d + 1, &n);
              n.parent = l.trace;
              n.value = (gint8) v;
              g_array_append_vals (rs->candidates, &n, 1);
            }
        }
      if (d + 1 < end && (!keep_labels (rs, n_bind, &n_trace, limit) || past_deadline (rs)))
        {
          /* no row is traced back before the last day */
          rs->aborted = TRUE;
          rs->found = FALSE;
          return FALSE;
        }
      if (beam > 0)
        label_beam (rs, d + 1, beam);
      rs->labels[0] = rs->labels[1];
      rs->labels[1] = cur;
    }
  if (n_ends < want && rs->best_cost < rs->cutoff)
    {
      gap *= 4;
      rs->best_cost = rs->best_cost + gap >= rs->cutoff - gap ? rs->cutoff : rs->best_cost + gap;
      goto again;
    }
  if (beam == 0 && rs->seq_kept != NULL && !window)
    rs->seq_kept[(gsize) rs->person * (rs->T + 2) + rs->T + 1] = rs->nodes;
  rs->n_rows = n_ends;
  for (int k = 0; k < n_ends; k++)
    {
      gint8 *row = rs->rows + (gsize) k * D;
      int d = end - 1;

      for (int f = 0; f < D; f++)
        if (f < first || f >= end)
          row[f] = rs->order[f * rs->V];
      row[d] = end_value[k];
      for (int t = end_trace[k]; t >= 0; t = rs->trace_parent[t])
        row[--d] = rs->trace_value[t];
      g_assert (d == first);
    }
  if (rs->found)
    {
      memcpy (rs->best_row, rs->rows, D);
      rs->best_cost = rs->row_cost[0];
    }
  return TRUE;
}

