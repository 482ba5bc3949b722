/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-roster-problem.h"
#include "sc-roster-rows.h"

/*
 * The row solver's two exact searches, the depth-first one and the one by
 * labels, on random people, costs and allowed values: they must agree on
 * whether a row exists and on its cost (and with a plain dynamic programme
 * over every state, where it fits), their rows must keep the rules and cost
 * what they say, and with a cut-off the labels must still find every
 * optimum below it and nothing at or above it. Windows of longer rows, the
 * rest of the row forced, are compared too: there the labels walk only the
 * free days. Their lower bounds may only cut what cannot beat the best
 * row: a bound that overestimates shows up as a label search that misses
 * the optimum, at least under a cut-off just above it.
 */

#define N_INSTANCES     300
#define N_WINDOWS       150      /* and these with windows of a longer row free */
#define DFS_NODE_LIMIT  5000000
#define LABEL_LIMIT     2000000
#define ORACLE_STATES   200000   /* states a day of the reference search may hold */
#define MAX_TYPES       3

/* A problem with one person and random rules of sequence, weekends
 * (holidays and working weekend days included), minutes and shifts, over
 * @min_days … @max_days days */
static ScRosterProblem *
random_problem (GRand *rng,
                int    min_days,
                int    max_days)
{
  int D = g_rand_int_range (rng, min_days, max_days + 1);
  int T = g_rand_int_range (rng, 1, MAX_TYPES + 1);
  ScRosterProblem *problem = sc_roster_problem_new (D, g_rand_int_range (rng, 1, 8));
  ScRosterPerson *person;
  int n_weekends, mean = 0;

  for (int t = 0; t < T; t++)
    {
      g_autofree char *id = g_strdup_printf ("S%d", t);
      /* mostly whole hours, sometimes not, so that the unit of the minutes
       * varies */
      int length = g_rand_int_range (rng, 0, 4) == 0 ? g_rand_int_range (rng, 180, 721)
                                                     : g_rand_int_range (rng, 4, 13) * 60;

      sc_roster_problem_add_shift_type (problem, id, g_rand_int_range (rng, 0, 24) * 60, length);
      mean += length;
    }
  mean /= T;
  for (int t = 0; t < T; t++)
    for (int u = 0; u < T; u++)
      if (g_rand_int_range (rng, 0, 4) == 0)
        sc_roster_problem_set_forbidden (problem, t, u, TRUE);
  if (g_rand_int_range (rng, 0, 4) == 0)
    for (int d = 0; d < D; d++)
      {
        int r = g_rand_int_range (rng, 0, 8);

        if (r == 0)
          sc_roster_problem_set_day_kind (problem, d, SC_ROSTER_DAY_HOLIDAY);
        else if (r == 1)
          sc_roster_problem_set_day_kind (problem, d, SC_ROSTER_DAY_WORKING);
      }
  n_weekends = sc_roster_problem_get_n_weekends (problem);

  sc_roster_problem_add_person (problem, "P");
  person = sc_roster_problem_get_person (problem, 0);
  switch (g_rand_int_range (rng, 0, 4))
    {
    case 0:
      person->max_consecutive_work = SC_ROSTER_NO_LIMIT;
      break;
    default:
      person->max_consecutive_work = g_rand_int_range (rng, 1, 7);
      break;
    }
  person->min_consecutive_work = g_rand_boolean (rng) ? g_rand_int_range (rng, 0, 2)
                                                      : g_rand_int_range (rng, 2, 5);
  person->min_consecutive_off = g_rand_boolean (rng) ? g_rand_int_range (rng, 0, 2)
                                                     : g_rand_int_range (rng, 2, 4);
  switch (g_rand_int_range (rng, 0, 5))
    {
    case 0:
      person->max_weekends = SC_ROSTER_NO_LIMIT;
      break;
    case 1:
      person->max_weekends = 0;
      break;
    case 2:
      person->max_weekends = 1;
      break;
    default:
      person->max_weekends = g_rand_int_range (rng, 0, n_weekends + 2);
      break;
    }
  if (g_rand_int_range (rng, 0, 3) > 0)
    person->min_minutes = g_rand_int_range (rng, 0, D * mean * 2 / 3 + 1);
  if (g_rand_int_range (rng, 0, 3) > 0)
    {
      /* sometimes below the minimum */
      int slack = g_rand_int_range (rng, -mean, D * mean / 2 + 1);

      person->max_minutes = MAX (0, person->min_minutes + slack);
    }
  for (int t = 0; t < T; t++)
    {
      int r = g_rand_int_range (rng, 0, 6);

      if (r == 0)
        sc_roster_problem_set_max_shifts (problem, 0, t, 0);
      else if (r < 3)
        sc_roster_problem_set_max_shifts (problem, 0, t, g_rand_int_range (rng, 1, D / 2 + 2));
      else if (r == 3)
        sc_roster_problem_set_max_shifts (problem, 0, t, D);
    }
  return problem;
}

/* Random costs (negative ones included) and allowed values for every day,
 * as the pricing sets them: mostly a day off and every type the person may
 * work, sometimes one value only (a locked day), a day off only (a day
 * unavailable), no day off, or a few values */
static void
random_costs (ScRowSolver *rs,
              GRand       *rng)
{
  int V = rs->V;
  int spread = g_rand_boolean (rng) ? 50 : 1000;

  for (int d = 0; d < rs->D; d++)
    {
      gint8 *ord = rs->order + d * V;
      int r = g_rand_int_range (rng, 0, 20), n = 0;

      for (int v = -1; v < rs->T; v++)
        rs->cost[d * V + v + 1] = g_rand_int_range (rng, -spread, spread + 1);
      if (r == 0)
        ord[n++] = SC_ROSTER_OFF;
      else if (r == 1)
        ord[n++] = (gint8) g_rand_int_range (rng, -1, rs->T);
      else if (r == 2 || r == 3)
        {
          for (int v = -1; v < rs->T; v++)
            if ((v < 0 ? r == 3 : rs->max_shifts[v] > 0) && g_rand_boolean (rng))
              ord[n++] = (gint8) v;
        }
      else
        {
          ord[n++] = SC_ROSTER_OFF;
          for (int t = 0; t < rs->T; t++)
            if (rs->max_shifts[t] > 0)
              ord[n++] = (gint8) t;
        }
      if (n == 0)
        ord[n++] = SC_ROSTER_OFF;
      /* in no particular order: the searches sort them */
      for (int i = n - 1; i > 0; i--)
        {
          int j = g_rand_int_range (rng, 0, i + 1);
          gint8 tmp = ord[i];

          ord[i] = ord[j];
          ord[j] = tmp;
        }
      rs->n_order[d] = n;
    }
  rs->fair_ev = NULL;
}

/* Keeps windows of at most a quarter of the days free, as the solver's
 * do: every other day forced to a feasible row found first (by
 * the labels over the whole row). FALSE when there is none. */
static gboolean
free_window_only (ScRowSolver     *rs,
                  ScRosterProblem *problem,
                  GRand           *rng)
{
  int D = rs->D, n_spans;
  g_autofree guint8 *free_day = NULL;

  rs->cutoff = COST_INF;
  rs->want = 1;
  if (!_sc_row_solver_label (rs, LABEL_LIMIT, 0) || !rs->found)
    {
      /* none with the days' random values: every value allowed */
      for (int d = 0; d < D; d++)
        {
          gint8 *ord = rs->order + d * rs->V;

          rs->n_order[d] = 0;
          ord[rs->n_order[d]++] = SC_ROSTER_OFF;
          for (int t = 0; t < rs->T; t++)
            if (rs->max_shifts[t] > 0)
              ord[rs->n_order[d]++] = (gint8) t;
        }
      if (!_sc_row_solver_label (rs, LABEL_LIMIT, 0) || !rs->found)
        return FALSE;
    }
  /* one span, sometimes at either end of the row, or two apart, as the
   * windows of a week short with a week over */
  n_spans = g_rand_int_range (rng, 0, 3) == 0 ? 2 : 1;
  free_day = g_new0 (guint8, D);
  for (int k = 0; k < n_spans; k++)
    {
      int len = g_rand_int_range (rng, 1, D / (4 * n_spans) + 1), first;

      switch (n_spans == 1 ? g_rand_int_range (rng, 0, 4) : 2)
        {
        case 0:
          first = 0;
          break;
        case 1:
          first = D - len;
          break;
        default:
          first = g_rand_int_range (rng, 0, D - len + 1);
          break;
        }
      memset (free_day + first, 1, len);
    }
  for (int d = 0; d < D; d++)
    if (!free_day[d])
      {
        rs->order[d * rs->V] = rs->best_row[d];
        rs->n_order[d] = 1;
      }
  /* sometimes a type's maximum at what the row works of it, so that the
   * counts outside the windows bind */
  for (int t = 0; t < rs->T; t++)
    if (g_rand_boolean (rng))
      {
        int n = 0;

        for (int d = 0; d < D; d++)
          n += rs->best_row[d] == t;
        if (n > 0)
          sc_roster_problem_set_max_shifts (problem, 0, t, n);
      }
  _sc_row_solver_set_person (rs, 0);
  return TRUE;
}

static gboolean
value_allowed (ScRowSolver *rs,
               int          d,
               int          v)
{
  for (int k = 0; k < rs->n_order[d]; k++)
    if (rs->order[d * rs->V + k] == v)
      return TRUE;
  return FALSE;
}

/* Whether @row keeps the rules, replayed day by day from the state the
 * searches start from, and its cost in @cost */
static gboolean
row_feasible (ScRowSolver *rs,
              const gint8 *row,
              gint64      *cost)
{
  ScRowState st = { SC_ROSTER_OFF, 0, 0, 0, 0, rs->cap_total };
  int cnt[MAX_TYPES] = { 0 };

  *cost = 0;
  for (int d = 0; d < rs->D; d++)
    {
      int v = row[d];
      ScRowState next;

      if (v < SC_ROSTER_OFF || v >= rs->T || !value_allowed (rs, d, v))
        return FALSE;
      if (!_sc_row_step (rs, d, &st, v, v >= 0 ? cnt[v] : 0, &next))
        return FALSE;
      if (v >= 0)
        cnt[v]++;
      st = next;
      *cost += rs->cost[d * rs->V + v + 1];
    }
  return st.used >= rs->min_minutes;
}

/* Every row the searches return must also be free of hard violations for
 * the scorer (whose rules the searches' may only tighten) */
static void
assert_scorer_feasible (ScRowSolver *rs,
                        const gint8 *row)
{
  int count;
  gint64 penalty;

  _sc_roster_row_hard (rs->ix, rs->person, row, &count, &penalty, NULL);
  g_assert_cmpint (count, ==, 0);
}

/* ---- the reference: every state, no bound ------------------------------- */

typedef struct
{
  ScRowState st;
  int        cnt[MAX_TYPES];
  gint64     cost;
} RefState;

/* Everything _sc_row_step () reads, 8 bits each (at most 21 days) */
static guint64
ref_key (const RefState *s)
{
  guint64 key = (guint64) (s->st.last + 1);

  key = (key << 8) | (guint64) s->st.work_run;
  key = (key << 8) | (guint64) s->st.off_run;
  key = (key << 8) | (guint64) s->st.weekends;
  key = (key << 1) | (guint64) s->st.counted;
  for (int t = 0; t < MAX_TYPES; t++)
    key = (key << 8) | (guint64) s->cnt[t];
  return key;
}

/* The least cost of a row, with @cost laid out as the solver's, by dynamic
 * programming forwards over the exact states of _sc_row_step () (the
 * minutes follow from the counts), with no bound and no dominance. Returns
 * FALSE when the states grow too many; otherwise sets @found and
 * @optimum. */
static gboolean
reference_optimum (ScRowSolver  *rs,
                   const gint64 *cost,
                   gboolean     *found,
                   gint64       *optimum)
{
  g_autoptr(GArray) cur = g_array_new (FALSE, FALSE, sizeof (RefState));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (RefState));
  g_autoptr(GHashTable) where = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint64 *keys = g_new (guint64, ORACLE_STATES + 1);
  RefState root = { { SC_ROSTER_OFF, 0, 0, 0, 0, rs->cap_total }, { 0 }, 0 };

  g_array_append_val (cur, root);
  for (int d = 0; d < rs->D; d++)
    {
      g_hash_table_remove_all (where);
      g_array_set_size (next, 0);
      for (guint i = 0; i < cur->len; i++)
        {
          const RefState *s = &g_array_index (cur, RefState, i);

          for (int v = -1; v < rs->T; v++)
            {
              RefState n = *s;
              gpointer at;

              if (!value_allowed (rs, d, v) ||
                  !_sc_row_step (rs, d, &s->st, v, v >= 0 ? s->cnt[v] : 0, &n.st))
                continue;
              if (v >= 0)
                n.cnt[v]++;
              n.cost = s->cost + cost[d * rs->V + v + 1];
              keys[next->len] = ref_key (&n);
              if (g_hash_table_lookup_extended (where, &keys[next->len], NULL, &at))
                {
                  RefState *o = &g_array_index (next, RefState, GPOINTER_TO_UINT (at));

                  o->cost = MIN (o->cost, n.cost);
                  continue;
                }
              if (next->len == ORACLE_STATES)
                return FALSE;
              g_hash_table_insert (where, &keys[next->len], GUINT_TO_POINTER (next->len));
              g_array_append_val (next, n);
            }
        }
      {
        GArray *tmp = cur;

        cur = next;
        next = tmp;
      }
    }
  *found = FALSE;
  *optimum = COST_INF;
  for (guint i = 0; i < cur->len; i++)
    {
      const RefState *s = &g_array_index (cur, RefState, i);

      if (s->st.used >= rs->min_minutes && s->cost < *optimum)
        {
          *found = TRUE;
          *optimum = s->cost;
        }
    }
  return TRUE;
}

/* Sets the person's minimum minutes to the most a row can work (to none
 * when no row can be found): the rows left must then work every minute they
 * can, which the bounds on the minutes must not cut */
static void
tighten_min_minutes (ScRowSolver     *rs,
                     ScRosterProblem *problem)
{
  g_autofree gint64 *minus_minutes = g_new0 (gint64, (gsize) rs->D * rs->V);
  gboolean found;
  gint64 most;

  for (int d = 0; d < rs->D; d++)
    for (int t = 0; t < rs->T; t++)
      minus_minutes[d * rs->V + t + 1] = -problem->shift_types[t].length;
  problem->people[0].min_minutes = 0;
  _sc_row_solver_set_person (rs, 0);
  if (reference_optimum (rs, minus_minutes, &found, &most) && found)
    problem->people[0].min_minutes = (int) -most;
  _sc_row_solver_set_person (rs, 0);
}

/* ---- the property ------------------------------------------------------ */

/* The label search with @cutoff: FALSE when it could not answer; otherwise
 * checks that it finds a row exactly when @optimum (if @found) is below the
 * cut-off, at that cost, and that the rows it keeps are feasible, distinct,
 * by increasing cost and no more than asked for */
static int n_moved;   /* searches whose bound had multipliers */

static gboolean
check_label (ScRowSolver *rs,
             gint64       cutoff,
             int          want,
             gboolean     found,
             gint64       optimum)
{
  int D = rs->D;
  gboolean expect = found && optimum < cutoff;

  rs->cutoff = cutoff;
  rs->want = want;
  if (!_sc_row_solver_label (rs, LABEL_LIMIT, 0) || rs->aborted)
    return FALSE;
  if (rs->seq_moved)
    n_moved++;
  g_assert_cmpint (rs->found, ==, expect);
  if (!expect)
    {
      g_assert_cmpint (rs->n_rows, ==, 0);
      return TRUE;
    }
  g_assert_cmpint (rs->best_cost, ==, optimum);
  g_assert_cmpint (rs->n_rows, >=, 1);
  g_assert_cmpint (rs->n_rows, <=, want);
  g_assert_cmpmem (rs->best_row, D, rs->rows, D);
  for (int k = 0; k < rs->n_rows; k++)
    {
      const gint8 *row = rs->rows + (gsize) k * D;
      gint64 cost;

      g_assert_true (row_feasible (rs, row, &cost));
      assert_scorer_feasible (rs, row);
      g_assert_cmpint (cost, ==, rs->row_cost[k]);
      g_assert_cmpint (cost, <, cutoff);
      if (k == 0)
        g_assert_cmpint (cost, ==, optimum);
      else
        g_assert_cmpint (cost, >=, rs->row_cost[k - 1]);
      for (int j = 0; j < k; j++)
        g_assert_true (memcmp (row, rs->rows + (gsize) j * D, D) != 0);
    }
  return TRUE;
}

static void
test_rows_agree (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20240611);
  int compared = 0, feasible = 0, skipped = 0, referenced = 0, windows = 0, tails = 0;

  for (int i = 0; i < N_INSTANCES + N_WINDOWS; i++)
    {
      gboolean window = i >= N_INSTANCES;
      g_autoptr(ScRosterProblem) problem = random_problem (rng, window ? 28 : 7, window ? 70 : 21);
      ScRosterIndex *ix = _sc_roster_index_new (problem);
      g_autofree gint8 *dfs_row = NULL;
      ScRowSolver rs;
      gboolean found, ref_found;
      gint64 optimum, ref_optimum, cost;
      int D = problem->n_days;

      _sc_row_solver_init (&rs, problem, ix);
      /* the bound with multipliers in every search with a cut-off, not
       * only after a long one */
      rs.seq_busy = -1;
      _sc_row_solver_set_person (&rs, 0);
      random_costs (&rs, rng);
      if (window && !free_window_only (&rs, problem, rng))
        {
          skipped++;
          goto next;
        }
      if (g_rand_int_range (rng, 0, 4) == 0)
        tighten_min_minutes (&rs, problem);

      /* the depth-first search */
      rs.cutoff = COST_INF;
      rs.want = 1;
      _sc_row_solver_run (&rs, NULL, DFS_NODE_LIMIT);
      if (rs.aborted)
        {
          g_test_message ("instance %d: the depth-first search gave up", i);
          skipped++;
          goto next;
        }
      found = rs.found;
      optimum = found ? rs.best_cost : COST_INF;
      dfs_row = g_memdup2 (rs.best_row, D);
      if (found)
        {
          g_assert_true (row_feasible (&rs, dfs_row, &cost));
          assert_scorer_feasible (&rs, dfs_row);
          g_assert_cmpint (cost, ==, optimum);
        }

      /* the labels, with no cut-off: the same answer */
      if (!check_label (&rs, COST_INF, 1, found, optimum))
        {
          g_test_message ("instance %d: the label search gave up", i);
          skipped++;
          goto next;
        }
      compared++;
      /* the labels walked only the free days */
      if (window && _sc_row_few_free (&rs))
        {
          windows++;
          tails += rs.tail_join < D;
        }
      feasible += found;

      /* both against the search with no bound, where it fits */
      if (reference_optimum (&rs, rs.cost, &ref_found, &ref_optimum))
        {
          referenced++;
          g_assert_cmpint (found, ==, ref_found);
          if (found)
            g_assert_cmpint (optimum, ==, ref_optimum);
        }

      /* a cut-off just above the optimum keeps it, one at the optimum
       * leaves nothing, and one at random cuts or keeps it; asked for
       * several rows, the first is still the optimum */
      if (found)
        {
          gint64 cutoff = optimum + g_rand_int_range (rng, -20, 21);
          int want = g_rand_int_range (rng, 2, SC_ROW_MAX_WANT + 1);

          g_assert_true (check_label (&rs, optimum + 1, 1, found, optimum));
          g_assert_true (check_label (&rs, optimum, 1, found, optimum));
          g_assert_true (check_label (&rs, cutoff, 1, found, optimum));
          g_assert_true (check_label (&rs, optimum + 1, want, found, optimum));
          g_assert_true (check_label (&rs, COST_INF, want, found, optimum));

          /* the depth-first search under the same cut-offs */
          rs.want = 1;
          rs.cutoff = optimum + 1;
          _sc_row_solver_run (&rs, NULL, DFS_NODE_LIMIT);
          g_assert_false (rs.aborted);
          g_assert_true (rs.found);
          g_assert_cmpint (rs.best_cost, ==, optimum);
          rs.cutoff = optimum;
          _sc_row_solver_run (&rs, NULL, DFS_NODE_LIMIT);
          g_assert_false (rs.aborted);
          g_assert_false (rs.found);
        }
      else
        {
          gint64 cutoff = g_rand_int_range (rng, -1000, 1001);

          g_assert_true (check_label (&rs, cutoff, 1, found, optimum));
        }

    next:
      _sc_row_solver_clear (&rs);
      _sc_roster_index_free (ix);
    }
  g_test_message ("%d instances compared (%d with a row, %d checked against the reference, "
                  "%d with a window free, %d of them before forced days added as totals), %d skipped",
                  compared, feasible, referenced, windows, tails, skipped);
  /* enough of each kind for the comparison to mean something */
  g_assert_cmpint (compared, >=, N_INSTANCES * 9 / 10 + N_WINDOWS * 2 / 3);
  g_assert_cmpint (windows, >=, N_WINDOWS * 2 / 3);
  g_assert_cmpint (tails, >=, windows / 3);
  g_assert_cmpint (feasible, >=, compared / 3);
  g_test_message ("%d label searches bounded with multipliers", n_moved);
  g_assert_cmpint (n_moved, >=, compared / 3);
  g_assert_cmpint (compared - feasible, >=, compared / 10);
  g_assert_cmpint (referenced, >=, compared / 2);
}

/* Sets @rs up for the problem's one person, a day off or any shift type
 * allowed every day: a day off costs nothing, type t on day d @cost[d * T + t] */
static void
set_costs (ScRowSolver  *rs,
           const gint64 *cost)
{
  int V = rs->V;

  _sc_row_solver_set_person (rs, 0);
  for (int d = 0; d < rs->D; d++)
    {
      gint8 *ord = rs->order + d * V;

      rs->cost[d * V + SC_ROSTER_OFF + 1] = 0;
      ord[0] = SC_ROSTER_OFF;
      for (int t = 0; t < rs->T; t++)
        {
          rs->cost[d * V + t + 1] = cost[d * rs->T + t];
          ord[t + 1] = (gint8) t;
        }
      rs->n_order[d] = rs->T + 1;
    }
  rs->fair_ev = NULL;
}

/* A quick pricing's beam where the cheapest shift type has a maximum that
 * binds: type A saves 10 on the first ten days and 20 on the last four,
 * type B saves 9 every day, and A may be worked three times. Keeping one
 * partial row a day, the beam must still save A for the last days, as its
 * bound prices A's maximum; bounded by the rules of sequence alone, it took
 * A on the first three days (−129 against the optimum, −159). */
static void
test_rows_beam_maximum (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (14, 1);
  gint64 cost[14 * 2];
  ScRosterIndex *ix;
  ScRowSolver rs;
  int late_a = 0;

  sc_roster_problem_add_shift_type (problem, "A", 8 * 60, 480);
  sc_roster_problem_add_shift_type (problem, "B", 8 * 60, 480);
  sc_roster_problem_add_person (problem, "P");
  sc_roster_problem_set_max_shifts (problem, 0, 0, 3);
  ix = _sc_roster_index_new (problem);
  _sc_row_solver_init (&rs, problem, ix);
  for (int d = 0; d < 14; d++)
    {
      cost[d * 2] = d < 10 ? -10 : -20;
      cost[d * 2 + 1] = -9;
    }
  set_costs (&rs, cost);

  /* the optimum, by the exact search */
  rs.cutoff = COST_INF;
  rs.want = 1;
  _sc_row_solver_run (&rs, NULL, DFS_NODE_LIMIT);
  g_assert_true (rs.found);
  g_assert_cmpint (rs.best_cost, ==, -159);

  /* a beam of one, below a cut-off as in a pricing */
  rs.cutoff = 0;
  g_assert_true (_sc_row_solver_label (&rs, LABEL_LIMIT, 1));
  g_assert_true (rs.found);
  g_assert_cmpint (rs.best_cost, ==, -159);
  for (int d = 0; d < 10; d++)
    g_assert_cmpint (rs.best_row[d], ==, 1);
  for (int d = 10; d < rs.D; d++)
    late_a += rs.best_row[d] == 0;
  g_assert_cmpint (late_a, ==, 3);

  _sc_row_solver_clear (&rs);
  _sc_roster_index_free (ix);
}

/* Holidays from Tuesday to Thursday make one weekend of three days, and a
 * person who may work one weekend gains 10 working Tuesday and Thursday, and
 * loses 5 working Wednesday. Working Tuesday and Thursday is one weekend
 * worked, as the scorer counts it: both searches must find −20. Counting a
 * weekend again on the Thursday after a Wednesday off, they found −15
 * (Tuesday to Thursday). */
static void
test_rows_holiday_weekend (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (5, G_DATE_MONDAY);
  static const gint64 cost[] = { 1, -10, 5, -10, 1 };
  ScRosterPerson *person;
  ScRosterIndex *ix;
  ScRowSolver rs;

  sc_roster_problem_add_shift_type (problem, "D", 8 * 60, 480);
  for (int d = 1; d <= 3; d++)
    sc_roster_problem_set_day_kind (problem, d, SC_ROSTER_DAY_HOLIDAY);
  g_assert_cmpint (sc_roster_problem_get_weekend (problem, 1), ==, sc_roster_problem_get_weekend (problem, 3));
  sc_roster_problem_add_person (problem, "P");
  person = sc_roster_problem_get_person (problem, 0);
  person->max_weekends = 1;
  ix = _sc_roster_index_new (problem);
  _sc_row_solver_init (&rs, problem, ix);
  set_costs (&rs, cost);
  rs.want = 1;

  rs.cutoff = COST_INF;
  _sc_row_solver_run (&rs, NULL, DFS_NODE_LIMIT);
  g_assert_true (rs.found);
  g_assert_cmpint (rs.best_cost, ==, -20);
  g_assert_cmpint (rs.best_row[2], ==, SC_ROSTER_OFF);
  assert_scorer_feasible (&rs, rs.best_row);
  g_assert_true (check_label (&rs, COST_INF, 1, TRUE, -20));

  _sc_row_solver_clear (&rs);
  _sc_roster_index_free (ix);
}

/* Eight weeks free in sixteen, the rest off: with at most 5 days in a row
 * and at least 2 off, those 56 days hold at most 40 shifts (5 in 7), where
 * without the days off they would seem to hold 47 (5 in 6). Asked for 41,
 * the search must know at once that there is no such row; asked for 40, it
 * must find one. Bounded without the days off, it ran out of its 1,000
 * nodes on the first. */
static void
test_rows_days_off_capacity (void)
{
  g_autoptr(ScRosterProblem) problem = sc_roster_problem_new (112, G_DATE_MONDAY);
  g_autofree gint64 *cost = g_new0 (gint64, 112);
  ScRosterPerson *person;
  ScRosterIndex *ix;

  sc_roster_problem_add_shift_type (problem, "D", 8 * 60, 480);
  sc_roster_problem_add_person (problem, "P");
  person = sc_roster_problem_get_person (problem, 0);
  person->max_consecutive_work = 5;
  person->min_consecutive_work = 1;
  person->min_consecutive_off = 2;
  person->max_weekends = SC_ROSTER_NO_LIMIT;
  ix = _sc_roster_index_new (problem);
  /* working costs a little, so that the search would rather rest */
  for (int d = 0; d < 112; d++)
    cost[d] = 1;

  for (int shifts = 41; shifts >= 40; shifts--)
    {
      ScRowSolver rs;
      int worked = 0;

      person->min_minutes = shifts * 480;
      _sc_row_solver_init (&rs, problem, ix);
      set_costs (&rs, cost);
      for (int d = 0; d < 112; d++)
        if (d < 28 || d >= 84)
          rs.n_order[d] = 1;
      rs.want = 1;
      rs.cutoff = COST_INF;
      _sc_row_solver_run (&rs, NULL, 1000);
      g_assert_false (rs.aborted);
      g_assert_cmpint (rs.found, ==, shifts == 40);
      if (rs.found)
        {
          for (int d = 0; d < 112; d++)
            worked += rs.best_row[d] != SC_ROSTER_OFF;
          g_assert_cmpint (worked, ==, 40);
          g_assert_cmpint (rs.best_cost, ==, 40);
          assert_scorer_feasible (&rs, rs.best_row);
        }
      _sc_row_solver_clear (&rs);
    }
  _sc_roster_index_free (ix);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/roster-rows/agree", test_rows_agree);
  g_test_add_func ("/engine/roster-rows/beam-maximum", test_rows_beam_maximum);
  g_test_add_func ("/engine/roster-rows/holiday-weekend", test_rows_holiday_weekend);
  g_test_add_func ("/engine/roster-rows/days-off-capacity", test_rows_days_off_capacity);

  return g_test_run ();
}
