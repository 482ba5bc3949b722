/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-solver"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "sc-lp.h"
#include "sc-roster-private.h"
#include "sc-roster-rows.h"
#include "sc-roster-solver.h"

#define HARD_WEIGHT      G_GINT64_CONSTANT (1000000)
#define ROW_NODE_LIMIT   20000   /* a row's search in a move: nodes, on up to LONG_ROW days, … */
#define LONG_ROW         120     /* … falling with the square of a longer horizon, … */
#define ROW_NODE_MIN     1000    /* … to this at least */
#define BUILD_NODE_START 20000   /* construction: first budget per row … */
#define BUILD_NODE_LIMIT 2000000  /* … raised tenfold up to this while no feasible row is found */
#define T_START          10.0
#define T_END            0.5
#define ANNEAL_CYCLE     100000
#define TIME_CYCLES      4
#define LOAD_PERIOD      (2 * G_USEC_PER_SEC) /* threads sharing cores: measured over 2 s, … */
#define LOAD_SLACK       0.5      /* … when they get less than a core each, less this */
#define P_FULL_HORIZON   40      /* % of moves that free whole rows */
#define K_FULL_HORIZON   3       /* … of 1 to 3 people */
#define FULL_MAX         28      /* … over at most 28 days */
#define P_FULL_TARGETED  50      /* % of those with someone off on a short day */
#define P_BAND           20      /* % of moves that free a band: */
#define K_BAND           20      /* … half the people (at most 20) … */
#define BAND_MIN         2       /* … over 2 to 5 days */
#define BAND_MAX         5
#define K_WINDOW         6       /* otherwise 2 to 6 people … */
#define WINDOW_MIN       5       /* … over 5 to 14 days */
#define WINDOW_MAX       14
#define P_TARGETED       50      /* % of windows around a day short of people */
#define POLISH_PASSES    3       /* passes of row re-solves after a move */
#define P_PAIR           20      /* % of moves that re-solve two rows together … */
#define PAIR_MIN         7       /* … over 7 to 14 days */
#define PAIR_MAX         14
#define PAIR_NODE_LIMIT  50000
#define P_CHAIN          10      /* % of moves that are ejection chains for cover */
#define CHAIN_MAX        4       /* … of at most 4 people, */
#define CHAIN_NODE_LIMIT 20000
#define CHAIN_TRY        2       /* … the better of 2 for each link */
#define SWAP_TRIES       10      /* block swaps tried after each move … */
#define SWAP_MAX         7       /* … over 1 to 7 days */
#define P_WEEKEND        10      /* % of moves that move weekends to short ones */
#define WEEKEND_LINKS    6       /* … of at most 6 people, */
#define WEEKEND_TRY      2       /* … the better of 2 for each link; */
#define LEAVE_AROUND     5       /* a weekend given up frees its days and 5 either side; */
#define LEAVE_SAMPLE     6       /* … the one of least loss among 6 people's */

/* ---- the search ------------------------------------------------------ */

typedef struct _Shared Shared;

typedef struct
{
  const ScRosterProblem *pb;
  const ScRosterIndex   *ix;
  ScRosterEval          *ev;
  GRand                 *rng;
  ScRowSolver            rs;
  ScRowSolver            rs2;        /* the second row of a pair search */
  gint64                *pair_cost;  /* [(d * V + va + 1) * V + vb + 1] */
  gint8                 *pair_best;  /* 2 * D: best rows of a pair search */
  gint64                 pair_best_cost;
  gint64                 pair_nodes;
  int                    D, T, P;
  gint8                 *saved;      /* P * D rows saved before a move */
  gint8                 *row;
  int                   *chosen;
  guint8                *is_chosen;
  guint8                *was_feasible;
  guint8                *free_day;   /* per day: in the window being re-optimised */
  int                    force_day;  /* a day whose value is imposed, or -1 … */
  int                    force_value; /* … and that value */
  guint8                *force_off;  /* per day: kept off in row re-solves */
  int                   *wk_start;   /* [w] … [w + 1]: into wk_days */
  int                   *wk_days;    /* the days of each weekend */
  gint8                 *weekend_kept; /* a weekend's values while their loss is probed */
  int                   *cover_short; /* scratch: indices of covers short of people */
  int                   *chain_tried;
  gint8                 *scratch;     /* 2 * D */
  gboolean               no_fallback; /* row re-solves: no feasibility-only retry */
  int                    building;    /* the person whose first row is built, or -1 */
  ScRosterSolution      *best;
  gint64                 best_total;
  double                 temperature;
  gint64                 iterations;
  gint64                 cycle;
  gint64                 half_cycle;
  double                 time_to_best;
  gint64                 row_limit;   /* nodes a row's search in a move may take (see row_budget ()), */
  gint64                 chain_limit; /* … a link's of a chain, */
  gint64                 pair_limit;  /* … and a pair's search */
  int                    index;
  gint64                 lower_bound; /* the best known to this search, or −1 … */
  gboolean               proven;      /* … and whether some search's best reached it */
  gboolean               crowded;     /* the threads do not each have a core (see report ()) */
  Shared                *shared;
  struct _Cg            *cg;          /* column generation, or NULL */
  int                    windows;      /* column generation over windows: so many so far, */
  int                    window_first; /* … the next block's first day, */
  double                 window_slice; /* … the last round's seconds (the local search's turn as long), */
  double                 window_rate;  /* … and its gain a second; */
  double                 lns_from_time; /* the local search since then, */
  gint64                 lns_from_total; /* … from this roster */
} Search;

struct _Shared
{
  const ScRosterProblem       *pb;
  const ScRosterSolution      *initial;
  const ScRosterSolverOptions *options;
  GCancellable                *cancellable;
  gint64                       start_time;
  GMutex                       mutex;
  gint64                       best_total;
  int                          best_hard;
  gint64                       best_objective;
  gint64                       last_report;
  gint64                       lower_bound;  /* of the objective, or −1: the best of the searches' */
  int                          n_threads;
  gint64                       load_time;    /* when the processor time was last read, … */
  double                       load_cpu;     /* … what it was, in seconds, */
  gboolean                     crowded;      /* … and whether the threads had less than a core each */
  Search                      *searches;
};

static gint64
current_total (Search *s)
{
  return sc_roster_eval_get_hard_penalty (s->ev) * HARD_WEIGHT + sc_roster_eval_get_objective (s->ev);
}

static gboolean
row_is_feasible (Search *s,
                 int     person)
{
  return _sc_roster_eval_get_row_penalty (s->ev, person) == 0;
}

/* Sets the allowed values of @person's row and their costs given everyone
 * else into @rs: fixed days keep @fixed_row's values, free days (off in the
 * evaluator) may take any value the person may work */
static void
setup_row (Search      *s,
           ScRowSolver *rs,
           int          person,
           const gint8 *fixed_row)
{
  const gint8 *locked = s->pb->locked + (gsize) person * s->D;
  const guint8 *unavailable = s->pb->unavailable + (gsize) person * s->D;
  int V = s->ix->n_values;

  _sc_row_solver_set_person (rs, person);
  for (int d = 0; d < s->D; d++)
    {
      gint8 *ord = rs->order + d * V;
      gint64 *c = rs->cost + d * V;
      int n = 0;

      memset (c, 0, sizeof (gint64) * V);
      if (!s->free_day[d])
        ord[n++] = fixed_row[d];
      else if (locked[d] != SC_ROSTER_UNLOCKED)
        ord[n++] = locked[d];
      else if (s->force_off[d])
        ord[n++] = SC_ROSTER_OFF;
      else if (d == s->force_day)
        ord[n++] = (gint8) s->force_value;
      else
        {
          ord[n++] = SC_ROSTER_OFF;
          if (!unavailable[d])
            for (int t = 0; t < s->T; t++)
              if (rs->max_shifts[t] > 0)
                {
                  ord[n++] = (gint8) t;
                  c[t + 1] = sc_roster_eval_add_cost (s->ev, person, d, t);
                }
        }
      rs->n_order[d] = n;
      if (ord[0] != SC_ROSTER_OFF && n == 1 && s->free_day[d])
        c[ord[0] + 1] = sc_roster_eval_add_cost (s->ev, person, d, ord[0]);
    }
}

#define LABEL_FALLBACK_LIMIT 2000000  /* labels of a feasibility-only search */
#define LINK_BEAM            16       /* labels a day of a chain's link where the depth-first search failed */

/* Costs for a search of any feasible row: every shift −1 when
 * @prefer_work, else 0, days off 0.
 *
 * Preferring to work, the search works from the first day on as long as
 * the rules let it: the first roster's rows built so (s->building) would
 * all rest on the same days, and use up their weekends before the last
 * ones. Person p's first row prefers to work from day p % 7 on, and, when
 * they may not work every weekend, only on weekends w where (w + p) / 2 is
 * even: two in four, in pairs that fall four ways across the people. */
static void
feasibility_costs (Search   *s,
                   gboolean  prefer_work)
{
  int V = s->ix->n_values, p = s->building, first = p >= 0 ? p % 7 : 0;
  gboolean ration = p >= 0 && s->rs.max_weekends < s->ix->n_weekends;

  for (int d = 0; d < s->D; d++)
    {
      int w = s->ix->weekend[d];
      gboolean prefer = prefer_work && d >= first && !(ration && w >= 0 && (w + p) / 2 % 2 == 1);

      s->rs.cost[d * V] = 0;
      for (int v = 0; v < s->T; v++)
        s->rs.cost[d * V + v + 1] = prefer ? -1 : 0;
    }
}

/* The searches that may still find a row for the person set up in s->rs
 * after its depth-first search gave up without one; TRUE when
 * rs->best_row holds one */
static gboolean
search_again (Search *s,
              gint64  node_limit)
{
  ScRowSolver *rs = &s->rs;

  /* a link of a chain whose free days lie apart (around the short day,
   * and around the weekend given up): where the depth-first search finds
   * no row within its budget, a narrow beam of labels may (on Instance
   * 22, one in six of the rows the search missed), where it walks only
   * those days */
  if (s->no_fallback)
    {
      if (s->ix->fair_on || !_sc_row_few_free (rs))
        return FALSE;
      rs->want = 1;
      return _sc_row_solver_label (rs, LABEL_FALLBACK_LIMIT, LINK_BEAM) && rs->found;
    }
  /* no feasible row found: feasibility-only searches with a larger budget,
   * first preferring to work (minimum minutes are the usual obstacle), then
   * preferring days off */
  for (int pass = 0; pass < 2; pass++)
    {
      feasibility_costs (s, pass == 0);
      if (_sc_row_solver_run (rs, NULL, node_limit * 5))
        return TRUE;
      /* on long horizons the depth-first search can miss a row that the
       * search by labels, day by day, finds; it is exact, so the first
       * pass's costs are enough */
      rs->cutoff = COST_INF;
      rs->want = 1;
      if (pass == 0 && _sc_row_solver_label (rs, LABEL_FALLBACK_LIMIT, 0) && rs->found)
        return TRUE;
    }
  return FALSE;
}

/* Re-optimises @person's row on the free days given everyone else. The
 * free days must be off in the evaluator; fixed days keep @fixed_row's
 * values. @incumbent (may be NULL) is a feasible row to improve on. */
static gboolean
reoptimise_row (Search      *s,
                int          person,
                const gint8 *fixed_row,
                const gint8 *incumbent,
                gint64       node_limit)
{
  ScRowSolver *rs = &s->rs;
  gboolean found;

  setup_row (s, rs, person, fixed_row);
  rs->fair_ev = NULL;
  if (s->ix->fair_on)
    {
      int max[SC_ROSTER_N_FAIR] = { s->D, s->ix->n_weekends, s->D * rs->max_len };

      rs->fair_ev = s->ev;
      rs->fair_offset = _sc_roster_eval_fair_min_delta (s->ev, person, max, rs->len_unit);
    }
  found = _sc_row_solver_run (rs, incumbent, node_limit);
  rs->fair_ev = NULL;
  /* a search given an incumbent always ends with a row, so without one
   * there was none. Where the search ran to its end without a cut-off, no
   * row keeps the rules and no other search would find one (on Instance
   * 22, one link of a chain in two; searching those again by labels took
   * 6 % of its time). */
  if (!found && (rs->aborted || rs->cutoff < COST_INF))
    found = search_again (s, node_limit);
  sc_roster_eval_apply_row (s->ev, person, found ? rs->best_row : fixed_row);
  return found;
}

static double
elapsed (Shared *sh)
{
  return (g_get_monotonic_time () - sh->start_time) / 1e6;
}

/* The roster in the evaluator as the best, found now */
static void
save_best (Search *s)
{
  s->best_total = current_total (s);
  s->time_to_best = elapsed (s->shared);
  sc_roster_solution_copy_into (s->best, sc_roster_eval_get_solution (s->ev));
}

/* The best roster back in the evaluator */
static void
restore_best (Search *s)
{
  for (int p = 0; p < s->P; p++)
    sc_roster_eval_apply_row (s->ev, p, s->best->cells + (gsize) p * s->D);
}

/* The monotonic time at which @share of the time limit from now is up;
 * 0 without a time limit */
static gint64
share_deadline (Search *s,
                double  share)
{
  double limit = s->shared->options->time_limit;

  return limit > 0 ? g_get_monotonic_time () + (gint64) (limit * share * 1e6) : 0;
}

static double
fraction_used (Search *s)
{
  const ScRosterSolverOptions *o = s->shared->options;
  double f = 0;

  if (o->time_limit > 0)
    f = elapsed (s->shared) / o->time_limit;
  if (o->max_iterations > 0)
    f = MAX (f, (double) s->iterations / o->max_iterations);
  return MIN (f, 1.0);
}

/* The processor time of the whole process so far, in seconds, or −1
 * where there is no such clock */
static double
process_seconds (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return -1;
  return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Every LOAD_PERIOD, marks @sh crowded when its searches had less than a
 * core each since the last reading (other work on the machine): then the
 * searches after the first stop (see should_stop ()), which leaves the
 * first a core of its own rather than two searches at half speed. Once
 * marked, it stays so. Called with the mutex held. */
static void
check_load (Shared *sh,
            gint64  now)
{
  double cpu;

  if (sh->n_threads < 2 || sh->crowded || now - sh->load_time < LOAD_PERIOD)
    return;
  cpu = process_seconds ();
  if (cpu < 0)
    return;
  if (sh->load_time > 0 &&
      (cpu - sh->load_cpu) * G_USEC_PER_SEC < (sh->n_threads - LOAD_SLACK) * (now - sh->load_time))
    {
      sh->crowded = TRUE;
      g_debug ("searches: %.2f cores for %d threads, only the first goes on",
               (cpu - sh->load_cpu) * G_USEC_PER_SEC / (now - sh->load_time), sh->n_threads);
    }
  sh->load_time = now;
  sh->load_cpu = cpu;
}

static void
report (Search   *s,
        gboolean  force)
{
  Shared *sh = s->shared;
  const ScRosterSolverOptions *o = sh->options;
  gint64 now = g_get_monotonic_time ();
  gboolean improved = FALSE;

  g_mutex_lock (&sh->mutex);
  sh->lower_bound = MAX (sh->lower_bound, s->lower_bound);
  s->lower_bound = sh->lower_bound;
  if (s->best_total < sh->best_total)
    {
      g_autoptr(ScRosterScore) score = sc_roster_score_compute (sh->pb, s->best, FALSE);

      sh->best_total = s->best_total;
      sh->best_hard = score->hard_violations;
      sh->best_objective = score->objective;
      improved = TRUE;
    }
  s->proven = sh->lower_bound >= 0 && sh->best_total <= sh->lower_bound;
  check_load (sh, now);
  s->crowded = sh->crowded;
  if (o->progress && (improved || force || now - sh->last_report > 200000))
    {
      sh->last_report = now;
      o->progress (sh->best_hard, sh->best_objective, fraction_used (s), o->progress_data);
    }
  g_mutex_unlock (&sh->mutex);
}

static gboolean
should_stop (Search *s)
{
  const ScRosterSolverOptions *o = s->shared->options;

  if (o->max_iterations > 0 && s->iterations >= o->max_iterations)
    return TRUE;
  if (o->time_limit > 0 && elapsed (s->shared) >= o->time_limit)
    return TRUE;
  if (s->shared->cancellable && g_cancellable_is_cancelled (s->shared->cancellable))
    return TRUE;
  /* the best roster is optimal */
  if (s->best_total <= s->lower_bound)
    return TRUE;
  /* in a run bounded by time alone, also another search's, and the
   * searches after the first where they would share cores (a run bounded
   * by iterations goes on to its own end, which keeps it reproducible,
   * with a time limit or without) */
  if (o->max_iterations <= 0 && o->time_limit > 0 && (s->proven || (s->crowded && s->index > 0)))
    return TRUE;
  return FALSE;
}

static void
construct (Search                 *s,
           const ScRosterSolution *initial)
{
  int D = s->D;
  g_autofree int *order = g_new (int, s->P);

  /* start: the initial roster or all off, with the locked cells imposed */
  for (int p = 0; p < s->P; p++)
    {
      for (int d = 0; d < D; d++)
        {
          int lock = s->pb->locked[p * D + d];
          int v = initial ? sc_roster_solution_get (initial, p, d) : SC_ROSTER_OFF;

          if (v < SC_ROSTER_OFF || v >= s->T)
            v = SC_ROSTER_OFF;
          s->row[d] = (gint8) (lock != SC_ROSTER_UNLOCKED ? lock : v);
        }
      sc_roster_eval_apply_row (s->ev, p, s->row);
    }

  /* rows that break a hard rule are rebuilt, in random order */
  for (int p = 0; p < s->P; p++)
    order[p] = p;
  for (int i = s->P - 1; i > 0; i--)
    {
      int j = g_rand_int_range (s->rng, 0, i + 1);
      int tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }
  memset (s->free_day, 1, D);
  for (int i = 0; i < s->P; i++)
    {
      int p = order[i];

      if (initial && row_is_feasible (s, p))
        continue;
      memcpy (s->row, sc_roster_eval_get_solution (s->ev)->cells + (gsize) p * D, D);
      /* a small budget first (the search keeps the best row it has seen),
       * more only for a person no feasible row was found for; where the
       * search with costs finds none, the search for any feasible row
       * spreads the first rows apart (see feasibility_costs ()) */
      s->building = p;
      for (gint64 limit = BUILD_NODE_START; ; limit *= 10)
        {
          _sc_roster_eval_clear_days (s->ev, p, 0, D - 1);
          if (reoptimise_row (s, p, s->row, NULL, limit) || limit >= BUILD_NODE_LIMIT)
            break;
        }
      s->building = -1;
    }
}

/* A day with a cover requirement short of people, or -1 */
static int
find_short_day (Search *s)
{
  const ScRosterProblem *pb = s->pb;
  const int *count = _sc_roster_eval_get_cover_counts (s->ev);
  int n = (int) pb->covers->len;

  if (n == 0)
    return -1;
  for (int i = 0, start = g_rand_int_range (s->rng, 0, n); i < n; i++)
    {
      int c = (start + i) % n;
      const ScRosterCover *cover = &g_array_index (pb->covers, ScRosterCover, c);

      if (count[c] < cover->required && cover->under_weight > 0)
        return cover->day;
    }
  return -1;
}

/* Re-solves the rows of the chosen people on their window in turn, each
 * given all the others, until a whole pass gains nothing: the freed people
 * end up at a joint local optimum instead of a greedy insertion. */
static void
polish_rows (Search *s,
             int     k,
             int     first,
             int     last)
{
  int D = s->D;

  for (int pass = 0; pass < POLISH_PASSES; pass++)
    {
      gboolean improved = FALSE;

      for (int i = 0; i < k; i++)
        {
          int p = s->chosen[i];
          gint64 before = current_total (s);
          gboolean feasible = row_is_feasible (s, p);

          memcpy (s->row, sc_roster_eval_get_solution (s->ev)->cells + (gsize) p * D, D);
          _sc_roster_eval_clear_days (s->ev, p, first, last);
          reoptimise_row (s, p, s->row, feasible ? s->row : NULL, s->row_limit);
          if (current_total (s) < before)
            improved = TRUE;
        }
      if (!improved)
        break;
    }
}

static gboolean
accept (Search *s,
        gint64  before,
        gint64  after)
{
  if (after <= before)
    return TRUE;
  return g_rand_double (s->rng) < exp (-(double) (after - before) / s->temperature);
}

/* One move: free k people over a window of days, put them back one by one */
static void
lns_move (Search *s)
{
  int D = s->D, P = s->P;
  int k, first, last, kind, target = -1, n_chosen;
  const ScRosterSolution *sol = sc_roster_eval_get_solution (s->ev);
  gint64 before = current_total (s), after;

  kind = g_rand_int_range (s->rng, 0, 100);
  if (kind < P_FULL_HORIZON || D <= 7)
    {
      k = g_rand_int_range (s->rng, 1, MIN (P, K_FULL_HORIZON) + 1);
      first = 0;
      last = D - 1;
      if (g_rand_int_range (s->rng, 0, 100) < P_FULL_TARGETED)
        target = find_short_day (s);
      if (D > FULL_MAX)
        {
          /* on long horizons, "whole rows" are rows over FULL_MAX days:
           * the row search stays nearly exact there */
          int shift = g_rand_int_range (s->rng, 0, FULL_MAX);

          if (target >= 0)
            first = CLAMP (target - shift, 0, D - FULL_MAX);
          else
            first = g_rand_int_range (s->rng, 0, D - FULL_MAX + 1);
          last = first + FULL_MAX - 1;
        }
    }
  else
    {
      int len, kmin, kmax;

      if (kind < P_FULL_HORIZON + P_BAND)
        {
          /* a band: many people over a few days */
          len = g_rand_int_range (s->rng, MIN (D, BAND_MIN), MIN (D, BAND_MAX) + 1);
          kmin = MAX (1, P / 2);
          kmax = MIN (P, K_BAND);
        }
      else
        {
          len = g_rand_int_range (s->rng, MIN (D, WINDOW_MIN), MIN (D, WINDOW_MAX) + 1);
          kmin = MIN (P, 2);
          kmax = MIN (P, K_WINDOW);
        }
      k = g_rand_int_range (s->rng, MIN (kmin, kmax), kmax + 1);
      first = g_rand_int_range (s->rng, 0, D - len + 1);
      target = g_rand_int_range (s->rng, 0, 100) < P_TARGETED ? find_short_day (s) : -1;
      if (target >= 0)
        {
          int before_target = g_rand_int_range (s->rng, 0, len);

          first = CLAMP (target - before_target, 0, D - len);
        }
      last = first + len - 1;
    }

  memset (s->is_chosen, 0, P);
  n_chosen = 0;
  if (target >= 0)
    {
      /* about half of the people: off on the short day */
      int want = (k + 1) / 2, start = g_rand_int_range (s->rng, 0, P);

      for (int i = 0; i < P && n_chosen < want; i++)
        {
          int p = (start + i) % P;

          if (sc_roster_solution_get (sol, p, target) == SC_ROSTER_OFF &&
              !s->pb->unavailable[p * D + target] &&
              s->pb->locked[p * D + target] == SC_ROSTER_UNLOCKED)
            {
              s->is_chosen[p] = 1;
              s->chosen[n_chosen++] = p;
            }
        }
    }
  for (int i = n_chosen; i < k; i++)
    {
      int p;

      do
        p = g_rand_int_range (s->rng, 0, P);
      while (s->is_chosen[p]);
      s->is_chosen[p] = 1;
      s->chosen[i] = p;
    }

  memset (s->free_day, 0, D);
  memset (s->free_day + first, 1, last - first + 1);
  for (int i = 0; i < k; i++)
    {
      int p = s->chosen[i];

      memcpy (s->saved + (gsize) i * D, sol->cells + (gsize) p * D, D);
      s->was_feasible[i] = row_is_feasible (s, p);
      _sc_roster_eval_clear_days (s->ev, p, first, last);
    }
  for (int i = 0; i < k; i++)
    {
      int p = s->chosen[i];
      const gint8 *old = s->saved + (gsize) i * D;

      reoptimise_row (s, p, old, s->was_feasible[i] ? old : NULL, s->row_limit);
    }
  if (k > 1)
    polish_rows (s, k, first, last);

  after = current_total (s);
  if (accept (s, before, after))
    {
      if (after < s->best_total)
        save_best (s);
    }
  else
    {
      for (int i = 0; i < k; i++)
        sc_roster_eval_apply_row (s->ev, s->chosen[i], s->saved + (gsize) i * D);
    }
}

/* A cover of @day and @shift short of people, or -1 */
static int
short_cover_at (Search *s,
                int     day,
                int     shift)
{
  const ScRosterIndex *ix = s->ix;
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) s->pb->covers->data;
  const int *count = _sc_roster_eval_get_cover_counts (s->ev);
  int cell = day * s->T + shift;

  for (int k = ix->cover_start[cell]; k < ix->cover_start[cell + 1]; k++)
    {
      int c = ix->cover_list[k];

      if (count[c] < covers[c].required && covers[c].under_weight > 0)
        return c;
    }
  return -1;
}

/* A person who may be given @shift on @day (qualified for @skill) and is
 * not yet in the chain, chosen at random; -1 when there is none */
static int
pick_chain_person (Search *s,
                   int     day,
                   int     shift,
                   int     skill)
{
  const ScRosterSolution *sol = sc_roster_eval_get_solution (s->ev);
  int D = s->D, P = s->P;
  int start = g_rand_int_range (s->rng, 0, P);

  for (int i = 0; i < P; i++)
    {
      int p = (start + i) % P;

      if (s->is_chosen[p] || s->pb->unavailable[p * D + day] ||
          s->pb->locked[p * D + day] != SC_ROSTER_UNLOCKED ||
          s->pb->max_shifts[p * s->T + shift] <= 0 ||
          sc_roster_solution_get (sol, p, day) == shift ||
          !_sc_roster_qualifies (s->pb->people[p].skills, skill))
        continue;
      return p;
    }
  return -1;
}

static void
set_force_off (Search *s,
               int     w,
               guint8  value)
{
  if (w < 0)
    return;
  for (int i = s->wk_start[w]; i < s->wk_start[w + 1]; i++)
    s->force_off[s->wk_days[i]] = value;
}

/* One candidate for a link of a chain: @q made to work @shift on @day,
 * their row re-solved over first..last (giving up weekend @leave, -1 for
 * none, and re-solved around it too); when it gives the best roster of
 * the link so far, @q becomes @p, their new row @cand and the row before
 * @old. The roster is left as it was. */
static void
try_link (Search *s,
          int     q,
          int     day,
          int     shift,
          int     first,
          int     last,
          int     leave,
          gint8  *keep,
          gint8  *cand,
          gint8  *old,
          gint64 *link_best,
          int    *p)
{
  int D = s->D, leave_first = 0, leave_last = -1;

  s->is_chosen[q] = 2;
  memcpy (keep, sc_roster_eval_get_solution (s->ev)->cells + (gsize) q * D, D);
  _sc_roster_eval_clear_days (s->ev, q, first, last);
  if (leave >= 0)
    {
      /* the weekend given up may lie far away: the days around it are
       * free too, for the work it held to go elsewhere */
      leave_first = MAX (0, s->wk_days[s->wk_start[leave]] - LEAVE_AROUND);
      leave_last = MIN (D - 1, s->wk_days[s->wk_start[leave + 1] - 1] + LEAVE_AROUND);
      _sc_roster_eval_clear_days (s->ev, q, leave_first, leave_last);
      memset (s->free_day + leave_first, 1, leave_last - leave_first + 1);
    }
  set_force_off (s, leave, 1);
  s->force_day = day;
  s->force_value = shift;
  s->no_fallback = TRUE;
  if (reoptimise_row (s, q, keep, NULL, s->chain_limit) && current_total (s) < *link_best)
    {
      *link_best = current_total (s);
      *p = q;
      memcpy (cand, sc_roster_eval_get_solution (s->ev)->cells + (gsize) q * D, D);
      memcpy (old, keep, D);
    }
  set_force_off (s, leave, 0);
  for (int d = leave_first; d <= leave_last; d++)
    s->free_day[d] = d >= first && d <= last;
  s->force_day = -1;
  s->no_fallback = FALSE;
  sc_roster_eval_apply_row (s->ev, q, keep);
}

/* The next link of a chain: a cover @p left short by giving up a shift of
 * @old between @first and @last, or -1 */
static int
next_link (Search      *s,
           int          p,
           int          first,
           int          last,
           const gint8 *old)
{
  const gint8 *now = sc_roster_eval_get_solution (s->ev)->cells + (gsize) p * s->D;
  int next = -1, n_next = 0;

  for (int d = first; d <= last; d++)
    if (old[d] != now[d] && old[d] != SC_ROSTER_OFF)
      {
        int sc = short_cover_at (s, d, old[d]);

        if (sc >= 0 && g_rand_int_range (s->rng, 0, ++n_next) == 0)
          next = sc;
      }
  return next;
}

/* A chain of @k links is kept by the acceptance rule, or undone */
static void
end_chain (Search *s,
           gint64  before,
           int     k)
{
  gint64 after = current_total (s);

  if (k > 0 && accept (s, before, after))
    {
      if (after < s->best_total)
        save_best (s);
    }
  else
    {
      for (int i = k - 1; i >= 0; i--)
        sc_roster_eval_apply_row (s->ev, s->chosen[i], s->saved + (gsize) i * s->D);
    }
}

/* A cover of a shift type short of people, chosen at random (on weekend
 * days only, when @weekend), or −1 */
static int
pick_short_cover (Search   *s,
                  gboolean  weekend)
{
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) s->pb->covers->data;
  const int *count = _sc_roster_eval_get_cover_counts (s->ev);
  int n_short = 0;

  for (guint i = 0; i < s->pb->covers->len; i++)
    if (count[i] < covers[i].required && covers[i].under_weight > 0 &&
        (!weekend || s->ix->weekend[covers[i].day] >= 0))
      s->cover_short[n_short++] = (int) i;
  if (n_short == 0)
    return -1;
  return s->cover_short[g_rand_int_range (s->rng, 0, n_short)];
}

/* Frees the days a chain link may re-solve around @day: the whole
 * horizon, or FULL_MAX days around it on longer ones */
static void
set_link_window (Search *s,
                 int     day,
                 int    *first,
                 int    *last)
{
  int D = s->D;

  if (D > FULL_MAX)
    {
      *first = CLAMP (day - FULL_MAX / 2, 0, D - FULL_MAX);
      *last = *first + FULL_MAX - 1;
    }
  memset (s->free_day, 0, D);
  memset (s->free_day + *first, 1, *last - *first + 1);
}

/* An ejection chain for cover: a person is made to work a shift that is
 * short of people, their row re-solved around it; the shifts they give up
 * may leave another cover short, which the next person is made to take,
 * and so on. The chain stops as soon as the roster is better than before
 * (kept) or after CHAIN_MAX people (kept or undone by the acceptance
 * rule). Returns FALSE when no cover of a shift type is short (nothing was done). */
static gboolean
chain_move (Search *s)
{
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) s->pb->covers->data;
  int D = s->D, k = 0, c, first = 0, last = D - 1;
  gint64 before = current_total (s), after = before;

  c = pick_short_cover (s, FALSE);
  if (c < 0)
    return FALSE;

  memset (s->is_chosen, 0, s->P);
  while (c >= 0 && k < MIN (CHAIN_MAX, s->P))
    {
      int day = covers[c].day, shift = covers[c].shift;
      int p = -1, n_tried = 0;
      gint64 link_best = COST_INF;
      gint8 *old = s->saved + (gsize) k * D;
      gint8 *cand = s->scratch, *keep = s->scratch + D;

      set_link_window (s, day, &first, &last);

      /* the best of a few people made to work that shift */
      for (int i = 0; i < CHAIN_TRY; i++)
        {
          int q = pick_chain_person (s, day, shift, covers[c].skill);

          if (q < 0)
            break;
          s->chain_tried[n_tried++] = q;
          try_link (s, q, day, shift, first, last, -1, keep, cand, old, &link_best, &p);
        }
      for (int i = 0; i < n_tried; i++)
        s->is_chosen[s->chain_tried[i]] = 0;
      if (p < 0)
        break;
      s->is_chosen[p] = 1;
      s->chosen[k++] = p;
      sc_roster_eval_apply_row (s->ev, p, cand);
      after = current_total (s);
      if (after < before)
        break;

      c = next_link (s, p, first, last, old);
    }

  end_chain (s, before, k);
  return TRUE;
}

/* Block swaps: two people exchange their shifts over a few consecutive
 * days, kept when neither row's hard penalty changes and the roster is no
 * worse (a walk on the plateaus the row moves leave) */
static void
swap_moves (Search *s)
{
  int D = s->D, P = s->P;
  const gint8 *cells = sc_roster_eval_get_solution (s->ev)->cells;

  if (P < 2)
    return;
  for (int i = 0; i < SWAP_TRIES; i++)
    {
      int a = g_rand_int_range (s->rng, 0, P);
      int b = g_rand_int_range (s->rng, 0, P - 1);
      int len = g_rand_int_range (s->rng, 1, MIN (D, SWAP_MAX) + 1);
      int first = g_rand_int_range (s->rng, 0, D - len + 1);
      gint64 hard, obj, before;

      if (b >= a)
        b++;
      /* blocks alike change nothing, and a worse objective is never kept:
       * neither needs both whole rows checked against the hard rules
       * (those checks took a tenth of Instance 22's time; 4 % is saved) */
      if (memcmp (cells + (gsize) a * D + first, cells + (gsize) b * D + first, len) == 0 ||
          _sc_roster_eval_swap_objective (s->ev, a, b, first, first + len - 1) > 0)
        continue;
      sc_roster_eval_delta_swap (s->ev, a, b, first, first + len - 1, &hard, &obj);
      if (hard != 0 || obj > 0)
        continue;
      before = current_total (s);
      sc_roster_eval_apply_swap (s->ev, a, b, first, first + len - 1);
      if (current_total (s) < MIN (before, s->best_total))
        save_best (s);
    }
}

/* ---- weekend moves ---------------------------------------------------- */

/* When everyone works as many weekends as allowed, a weekend day short of
 * people gains someone only if that person already works the other day of
 * that weekend, or gives up another weekend at the same time; the shifts
 * they leave on weekdays then have to be taken by others. A weekend chain
 * is an ejection chain that makes those choices on purpose. */

static gboolean
works_weekend (Search *s,
               int     person,
               int     w)
{
  const gint8 *row = sc_roster_eval_get_solution (s->ev)->cells + (gsize) person * s->D;

  for (int i = s->wk_start[w]; i < s->wk_start[w + 1]; i++)
    if (row[s->wk_days[i]] != SC_ROSTER_OFF)
      return TRUE;
  return FALSE;
}

static int
weekends_worked (Search *s,
                 int     person)
{
  int n = 0;

  for (int w = 0; w < s->ix->n_weekends; w++)
    n += works_weekend (s, person, w);
  return n;
}

/* The weekend other than @w2 that @person works, that is not locked,
 * and whose cover loses least without them (that loss, times 4 plus a
 * random tie-break, in @loss); -1 when there is none */
static int
weekend_to_leave (Search *s,
                  int     person,
                  int     w2,
                  gint64 *loss)
{
  const gint8 *row = sc_roster_eval_get_solution (s->ev)->cells + (gsize) person * s->D;
  gint64 best = COST_INF;
  int best_w = -1;

  for (int w = 0; w < s->ix->n_weekends; w++)
    {
      gint64 before = sc_roster_eval_get_objective (s->ev), cost;
      gboolean movable = w != w2 && s->wk_start[w] < s->wk_start[w + 1] && works_weekend (s, person, w);

      for (int i = s->wk_start[w]; movable && i < s->wk_start[w + 1]; i++)
        {
          int d = s->wk_days[i];

          if (s->pb->locked[person * s->D + d] != SC_ROSTER_UNLOCKED)
            movable = FALSE;
        }
      if (!movable)
        continue;
      /* the objective without their shifts there (the hard rules are
       * the row search's business) */
      for (int i = s->wk_start[w]; i < s->wk_start[w + 1]; i++)
        {
          s->weekend_kept[i - s->wk_start[w]] = row[s->wk_days[i]];
          _sc_roster_eval_probe_cell (s->ev, person, s->wk_days[i], SC_ROSTER_OFF);
        }
      cost = sc_roster_eval_get_objective (s->ev) - before;
      for (int i = s->wk_start[w]; i < s->wk_start[w + 1]; i++)
        _sc_roster_eval_probe_cell (s->ev, person, s->wk_days[i], s->weekend_kept[i - s->wk_start[w]]);
      /* ties broken at random, so that equal weekends all get their turn */
      cost = cost * 4 + g_rand_int_range (s->rng, 0, 4);
      if (cost < best)
        {
          best = cost;
          best_w = w;
        }
    }
  *loss = best;
  return best_w;
}

/* Whether @p, off on @day, not yet in the chain nor tried, may be given
 * @shift there (qualified for @skill) */
static gboolean
may_link (Search *s,
          int     p,
          int     day,
          int     shift,
          int     skill)
{
  int D = s->D;

  return !s->is_chosen[p] && !s->pb->unavailable[p * D + day] &&
         s->pb->locked[p * D + day] == SC_ROSTER_UNLOCKED &&
         s->pb->max_shifts[p * s->T + shift] > 0 &&
         sc_roster_solution_get (sc_roster_eval_get_solution (s->ev), p, day) == SC_ROSTER_OFF &&
         _sc_roster_qualifies (s->pb->people[p].skills, skill);
}

/* The next person to try for @shift on @day, not yet in the chain nor
 * tried: on a weekend day, first someone who works the other day of that
 * weekend, then someone below their most weekends, then of LEAVE_SAMPLE
 * people, the one who gives up another weekend (returned in @leave, else
 * -1) at the least loss of cover; on a weekday anyone who may work the
 * shift. Random among equals; -1 when there is none. */
static int
pick_link_person (Search *s,
                  int     day,
                  int     shift,
                  int     skill,
                  int    *leave)
{
  int P = s->P, w = s->ix->weekend[day];
  int start = g_rand_int_range (s->rng, 0, P);
  int best = -1, best_class = 3;
  gint64 best_loss = COST_INF;

  *leave = -1;
  for (int i = 0; i < P && best_class > 0; i++)
    {
      int p = (start + i) % P, cls;

      if (!may_link (s, p, day, shift, skill))
        continue;
      if (w < 0 || works_weekend (s, p, w))
        cls = 0;
      else if (weekends_worked (s, p) < s->pb->people[p].max_weekends)
        cls = 1;
      else
        cls = 2;
      if (cls < best_class)
        {
          best_class = cls;
          best = p;
        }
    }
  if (best_class < 2)
    return best;
  best = -1;
  for (int i = 0, n = 0; i < P && n < LEAVE_SAMPLE; i++)
    {
      int p = (start + i) % P, w_leave;
      gint64 loss;

      if (!may_link (s, p, day, shift, skill))
        continue;
      n++;
      w_leave = weekend_to_leave (s, p, w, &loss);
      if (w_leave >= 0 && loss < best_loss)
        {
          best_loss = loss;
          best = p;
          *leave = w_leave;
        }
    }
  return best;
}

/* A weekend chain: a weekend day short of people gets the best placed
 * person (see pick_link_person ()), their row re-solved around it (and
 * around the weekend they give up, if any); a cover they leave short gets
 * the next person, and so on, at most WEEKEND_LINKS people. Returns FALSE when
 * no weekend day is short (nothing was done). */
static gboolean
weekend_move (Search *s)
{
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) s->pb->covers->data;
  int D = s->D, k = 0, c, first = 0, last = D - 1;
  gint64 before = current_total (s);

  if (s->ix->n_weekends == 0)
    return FALSE;
  c = pick_short_cover (s, TRUE);
  if (c < 0)
    return FALSE;

  memset (s->is_chosen, 0, s->P);
  while (c >= 0 && k < MIN (WEEKEND_LINKS, s->P))
    {
      int day = covers[c].day, shift = covers[c].shift;
      int p = -1, n_tried = 0;
      gint64 link_best = COST_INF;
      gint8 *old = s->saved + (gsize) k * D;
      gint8 *cand = s->scratch, *keep = s->scratch + D;

      set_link_window (s, day, &first, &last);

      for (int i = 0; i < WEEKEND_TRY; i++)
        {
          int leave;
          int q = pick_link_person (s, day, shift, covers[c].skill, &leave);

          if (q < 0)
            break;
          s->chain_tried[n_tried++] = q;
          try_link (s, q, day, shift, first, last, leave, keep, cand, old, &link_best, &p);
        }
      for (int i = 0; i < n_tried; i++)
        s->is_chosen[s->chain_tried[i]] = 0;
      if (p < 0)
        break;
      s->is_chosen[p] = 1;
      s->chosen[k++] = p;
      sc_roster_eval_apply_row (s->ev, p, cand);
      if (current_total (s) < before)
        break;

      c = next_link (s, p, 0, D - 1, old);
    }

  end_chain (s, before, k);
  return TRUE;
}

/* ---- joint re-optimisation of two rows ------------------------------ */

/* Branch and bound over the values of two rows day by day. The costs of
 * each row alone (the other one off) are a lower bound of their joint
 * cost, as cover costs are convex in the number of people. */
static void
pair_dfs (Search         *s,
          int             d,
          const ScRowState *sa,
          const ScRowState *sb,
          gint64          cost)
{
  ScRowSolver *ra = &s->rs, *rb = &s->rs2;
  int V = s->ix->n_values;
  const gint8 *oa, *ob;
  gint64 lb;

  if (++s->pair_nodes > s->pair_limit)
    return;
  if (d == s->D)
    {
      if (cost < s->pair_best_cost && sa->used >= ra->min_minutes && sb->used >= rb->min_minutes)
        {
          s->pair_best_cost = cost;
          memcpy (s->pair_best, ra->cur, s->D);
          memcpy (s->pair_best + s->D, rb->cur, s->D);
        }
      return;
    }
  lb = _sc_row_bound (ra, d, sa);
  if (lb >= COST_INF)
    return;
  lb += _sc_row_bound (rb, d, sb);
  if (lb >= COST_INF || cost + lb >= s->pair_best_cost)
    return;
  if (d > ra->free_last)
    {
      /* both rows forced from here: one walk each (costs outside the
       * window are the same for every pair) */
      ScRowState ea = *sa, eb = *sb;
      gint64 ca = 0, cb = 0;
      int stop_a, stop_b = d;

      if (_sc_row_walk_rest (ra, d, &ea, &ca, &stop_a) &&
          _sc_row_walk_rest (rb, d, &eb, &cb, &stop_b))
        pair_dfs (s, s->D, &ea, &eb, cost);
      _sc_row_unwalk (ra, d, stop_a);
      _sc_row_unwalk (rb, d, stop_b);
      return;
    }

  oa = ra->order + d * V;
  ob = rb->order + d * V;
  for (int i = 0; i < ra->n_order[d]; i++)
    {
      int va = oa[i];
      ScRowState na;

      if (!_sc_row_step (ra, d, sa, va, va >= 0 ? ra->cnt[va] : 0, &na))
        continue;
      if (va >= 0)
        ra->cnt[va]++;
      ra->cur[d] = (gint8) va;
      for (int j = 0; j < rb->n_order[d]; j++)
        {
          int vb = ob[j];
          ScRowState nb;

          if (!_sc_row_step (rb, d, sb, vb, vb >= 0 ? rb->cnt[vb] : 0, &nb))
            continue;
          if (vb >= 0)
            rb->cnt[vb]++;
          rb->cur[d] = (gint8) vb;
          pair_dfs (s, d + 1, &na, &nb, cost + s->pair_cost[((gsize) d * V + va + 1) * V + vb + 1]);
          if (vb >= 0)
            rb->cnt[vb]--;
          if (s->pair_nodes > s->pair_limit)
            break;
        }
      if (va >= 0)
        ra->cnt[va]--;
      if (s->pair_nodes > s->pair_limit)
        return;
    }
}

/* Re-solves the rows of people @a and @b together on days @first … @last,
 * given everyone else; keeps them only when the roster gains */
static void
pair_reoptimise (Search *s,
                 int     a,
                 int     b,
                 int     first,
                 int     last)
{
  ScRowSolver *ra = &s->rs, *rb = &s->rs2;
  int D = s->D, V = s->ix->n_values;
  gint8 *old_a = s->saved, *old_b = s->saved + D;
  const ScRosterSolution *sol = sc_roster_eval_get_solution (s->ev);
  gboolean feasible = row_is_feasible (s, a) && row_is_feasible (s, b);
  ScRowState init = { SC_ROSTER_OFF, 0, 0, 0, 0, 0 }, ia, ib;
  gint64 incumbent = COST_INF;
  int from, to;

  memcpy (old_a, sol->cells + (gsize) a * D, D);
  memcpy (old_b, sol->cells + (gsize) b * D, D);
  memset (s->free_day, 0, D);
  memset (s->free_day + first, 1, last - first + 1);
  _sc_roster_eval_clear_days (s->ev, a, first, last);
  _sc_roster_eval_clear_days (s->ev, b, first, last);
  setup_row (s, ra, a, old_a);
  setup_row (s, rb, b, old_b);
  _sc_row_find_free (ra);
  _sc_row_find_free (rb);
  from = MIN (ra->free_first, rb->free_first);
  to = MAX (ra->free_last, rb->free_last);
  /* the two searches end their windows together */
  ra->free_last = rb->free_last = to;
  _sc_row_prepare_bound (ra, from);
  _sc_row_prepare_capacity (ra, from, to);
  _sc_row_prepare_tail (ra);
  _sc_row_prepare_bound (rb, from);
  _sc_row_prepare_capacity (rb, from, to);
  _sc_row_prepare_tail (rb);
  memset (ra->cnt, 0, sizeof (int) * s->T);
  memset (rb->cnt, 0, sizeof (int) * s->T);

  /* joint costs of the free days: a's value, then b's given a's */
  memset (s->pair_cost, 0, sizeof (gint64) * D * V * V);
  for (int d = first; d <= last; d++)
    for (int i = 0; i < ra->n_order[d]; i++)
      {
        int va = ra->order[d * V + i];
        gint64 *pc = s->pair_cost + ((gsize) d * V + va + 1) * V;

        _sc_roster_eval_probe_cell (s->ev, a, d, va);
        for (int j = 0; j < rb->n_order[d]; j++)
          {
            int vb = rb->order[d * V + j];

            pc[vb + 1] = ra->cost[d * V + va + 1] +
                         (vb >= 0 ? sc_roster_eval_add_cost (s->ev, b, d, vb) : 0);
          }
        _sc_roster_eval_probe_cell (s->ev, a, d, SC_ROSTER_OFF);
      }
  if (feasible)
    {
      incumbent = 0;
      for (int d = from; d <= to; d++)
        incumbent += s->pair_cost[((gsize) d * V + old_a[d] + 1) * V + old_b[d] + 1];
    }

  ia = init;
  ia.cap_left = ra->cap_total;
  ib = init;
  ib.cap_left = rb->cap_total;
  s->pair_best_cost = incumbent;
  s->pair_nodes = 0;
  /* the forced days before the window, walked once (their costs are
   * the same for every pair of rows) */
  {
    gint64 ca = 0, cb = 0;

    if (_sc_row_walk_forced (ra, 0, from, &ia, &ca) == from &&
        _sc_row_walk_forced (rb, 0, from, &ib, &cb) == from)
      pair_dfs (s, from, &ia, &ib, 0);
  }

  if (s->pair_best_cost < incumbent)
    {
      sc_roster_eval_apply_row (s->ev, a, s->pair_best);
      sc_roster_eval_apply_row (s->ev, b, s->pair_best + D);
      if (current_total (s) < s->best_total)
        save_best (s);
    }
  else
    {
      sc_roster_eval_apply_row (s->ev, a, old_a);
      sc_roster_eval_apply_row (s->ev, b, old_b);
    }
}

/* A pair move: two people (one of them, half of the time, off on a day
 * short of people) over a window of days */
static void
pair_move (Search *s)
{
  int D = s->D, P = s->P;
  int len = g_rand_int_range (s->rng, MIN (D, PAIR_MIN), MIN (D, PAIR_MAX) + 1);
  int first = g_rand_int_range (s->rng, 0, D - len + 1);
  int a = g_rand_int_range (s->rng, 0, P), b;
  int target = g_rand_int_range (s->rng, 0, 100) < P_TARGETED ? find_short_day (s) : -1;

  if (target >= 0)
    {
      const ScRosterSolution *sol = sc_roster_eval_get_solution (s->ev);
      int start = g_rand_int_range (s->rng, 0, P);
      int before_target = g_rand_int_range (s->rng, 0, len);

      first = CLAMP (target - before_target, 0, D - len);
      for (int i = 0; i < P; i++)
        {
          int p = (start + i) % P;

          if (sc_roster_solution_get (sol, p, target) == SC_ROSTER_OFF &&
              !s->pb->unavailable[p * D + target])
            {
              a = p;
              break;
            }
        }
    }
  b = g_rand_int_range (s->rng, 0, P - 1);
  if (b >= a)
    b++;
  pair_reoptimise (s, a, b, first, first + len - 1);
}

/* ---- column generation ---------------------------------------------- */

/* Without fairness, a roster's objective is a sum over rows (requests) and
 * over covers (a convex cost of how many people count), so the problem is
 * a set partitioning of rows: choose one feasible row per person. Its
 * linear relaxation over the rows generated so far (the columns) is the
 * restricted master problem; the row search by labels, with the cover
 * duals as arc costs, finds the row of least reduced cost for each person
 * (the pricing problem), after quicker rounds that keep only the most
 * promising labels of each day. At the root this gives a lower bound of
 * the objective (the relaxation's value plus every person's least reduced
 * cost). Then a dive takes, one after the other, the row of largest
 * fractional value in the relaxation, or on backtracking forbids the
 * value of its most fractional cell (person, day, value); the columns
 * that break the fixings are held at zero in the LP, which goes on from
 * its last basis by the dual simplex; quick rounds price again (a few,
 * within a share of the time), until the relaxation is integral: a roster
 * near its optimum, from which the search goes on. A node is cut only on
 * a lower bound that cannot beat the best roster: its relaxation priced
 * to the end, or one exact pricing round's (the relaxation plus every
 * person's least reduced cost). When the best roster reaches the bound,
 * the search stops: it is optimal. On master problems of more than
 * CG_MAX_ROWS rows the dense simplex cannot dive within a minute: up to
 * CG_TAKE_ROWS, the relaxation alone gives a first roster, each person's
 * column of highest value, from which the windows and the local search
 * go on (its shape, each person's work spread as the relaxation spreads
 * it, is what they cannot find alone); larger ones are left to them. */

#define CG_MAX_ROWS   360      /* covers + people: dives … */
#define CG_TAKE_ROWS  600      /* … or the relaxation's columns alone */
#define CG_SCALE      65536.0  /* duals to the row search's integer costs */
#define CG_NODE_LIMIT 200000   /* the row search, when labels do not apply */
#define CG_LABEL_LIMIT 2000000 /* labels kept by an exact pricing */
#define CG_QUICK_NODES 5000
#define CG_BEAM       256      /* labels kept each day by a quick pricing */
#define CG_COLUMNS    4        /* rows a pricing may add for one person */
#define CG_DIVE_ROUNDS 20      /* pricing rounds at a node below the root … */
#define CG_NODE_TIME  0.01     /* … within this share of the time limit, */
#define CG_NODE_TIME_SLOW 0.004 /* … or this one where the relaxation took over half its share */
#define CG_EPS        1e-6
#define CG_QUICK_GAIN 1e-3     /* quick pricing rounds while they lower the relaxation by this share */
#define CG_LP_PIVOTS  60       /* per row: a solve that needs more gives up */
#define CG_ROOT_NODES 600      /* branch-and-price nodes from the root … */
#define CG_RINS_NODES 300      /* … and around the best roster */
#define CG_RELAX_TIME 0.3      /* the root relaxation, or no column generation … */
#define CG_TAKE_TIME  0.4      /* … or no dives: the share of a relaxation for its columns alone */
#define CG_OPEN_GAP   0.10     /* … unless its bound is this near its value */
#define CG_ROOT_TIME  0.2      /* at most these shares of the time limit */
#define CG_RINS_TIME  0.06
#define CG_NEAR_NODES 1.5      /* the second search from the root, when the first explored 1.5 nodes a person: */
#define CG_NEAR_GAP   0.02     /* … or found nothing within 2 % of it: a second search */
#define CG_TARGET_MIN 3.0      /* … near the relaxation */
#define CG_TARGET_SHARE 0.005
#define WINDOW_FROM   0.4      /* windows of the horizon from this share of the time limit … */
#define WINDOW_UNTIL  0.9      /* … to this one, in rounds of 3 */
#define WINDOW_ROUND  3
#define WINDOW_DAYS   14       /* … of 14 days, */
#define WINDOW_DAYS_MAX 28     /* … or a third of a longer horizon, up to 28, */
#define CG_WINDOW_NODES 150    /* … each with this many branch-and-price nodes */
#define WINDOW_TIME   0.05     /* … each within this share */
#define WINDOW_SECONDS 0.5     /* … or half a second */
#define CG_SMOOTH     0.5      /* the share of the duals priced before in those priced next */
#define CG_FIX_SHARE  0.5      /* greedy dives take the columns of at least this value */
#define CG_PACE_NODES 4        /* a dive's pace: the time of its last 4 nodes */
#define CG_RANDOM_NODES 3.0    /* dives from the root at random, when the first explored 3 nodes a person */

typedef struct _Cg
{
  Search  *s;
  int      n_covers;     /* the covers of the window: shift covers, then interval covers */
  int      m;            /* n_covers + people */
  guint8  *in_window;    /* per day, or NULL (every day): the others keep the best roster */
  int     *lp_row;       /* per cover (shift covers, then interval covers): its row, or −1 */
  double   offset;       /* the best roster's cost outside the LP (covers outside the window) */
  double  *rhs;
  double  *under, *over;
  /* the pool of columns */
  GArray  *person;       /* int */
  GArray  *rows;         /* gint8, D per column */
  GArray  *banned;       /* guint8: breaks a fixing */
  GArray  *lp_of;        /* int: its LP column, or −1 */
  GArray  *last;         /* double: its value in the last relaxation */
  guint8  *allowed;      /* [(p * D + d) * V + v + 1]: the fixings */
  double  *share;        /* [(p * D + d) * V + v + 1]: the relaxation's */
  double  *root_share;   /* … at the root */
  ScLp    *lp;
  int     *count;        /* scratch, per cover */
  int     *touched;
  int     *cell_rows;    /* scratch, per cover */
  int     *entry_rows;
  double  *entry_values;
  guint8  *fixed;        /* scratch, per cell: a neighbourhood's fixings */
  double   lower_bound;
  gboolean bound_valid;
  int      nodes_left;
  int      dive_nodes;   /* the nodes the search began with, … */
  gboolean dive_turned;  /* … whether it has reached a roster or turned back, */
  gint64   pace[CG_PACE_NODES]; /* … and when it took its last nodes */
  double   target;       /* cut nodes whose relaxation exceeds it, if > 0 */
  int      rins;         /* searches around the best roster so far */
  gboolean random_branch; /* branch on a fractional column drawn by its value */
  gboolean quick_dives;   /* the first dive explored CG_RANDOM_NODES a person */
  gboolean slow_pricing;  /* the relaxation took over a quarter of its share, or the
                           * search under way fell behind its pace (see cg_behind ()) */
  gint64   deadline;     /* monotonic time, or 0 */
  gboolean converged;    /* the last relaxation: no column left to price */
  double   fix_share;    /* > 0: a branch takes every column of at least this value */
  double  *smooth;       /* the duals priced, per LP row */
} Cg;

/* The covers a shift of type @t on day @d counts for when @person works
 * it: shift covers, then interval covers (numbered after the shift
 * covers); returns how many */
static int
cell_covers (Search *s,
             int     person,
             int     d,
             int     t,
             int    *covers_out)
{
  const ScRosterIndex *ix = s->ix;
  const ScRosterProblem *pb = s->pb;
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) pb->covers->data;
  const ScRosterIntervalCover *icovers = (const ScRosterIntervalCover *) (gpointer) pb->interval_covers->data;
  guint64 skills = pb->people[person].skills;
  int cell = d * ix->n_types + t, n = 0;

  for (int k = ix->cover_start[cell]; k < ix->cover_start[cell + 1]; k++)
    if (_sc_roster_qualifies (skills, covers[ix->cover_list[k]].skill))
      covers_out[n++] = ix->cover_list[k];
  for (int k = ix->icover_start[cell]; k < ix->icover_start[cell + 1]; k++)
    if (_sc_roster_qualifies (skills, icovers[ix->icover_list[k]].skill))
      covers_out[n++] = (int) pb->covers->len + ix->icover_list[k];
  return n;
}

/* The LP rows of the covers a shift of type @t on day @d counts for when
 * @person works it (none outside the window); returns how many */
static int
cg_cell_rows (Cg  *cg,
              int  person,
              int  d,
              int  t,
              int *rows)
{
  int n;

  if (cg->in_window != NULL && !cg->in_window[d])
    return 0;
  n = cell_covers (cg->s, person, d, t, rows);
  for (int i = 0; i < n; i++)
    rows[i] = cg->lp_row[rows[i]];
  return n;
}

/* The sparse LP column of a row: covers it counts for, and its person's
 * convexity row; returns the number of entries and sets its cost */
static int
cg_entries (Cg          *cg,
            int          person,
            const gint8 *row,
            double      *cost)
{
  const ScRosterIndex *ix = cg->s->ix;
  int D = cg->s->D, V = ix->n_values, n_touched = 0, n = 0;
  gint64 c = 0;

  for (int d = 0; d < D; d++)
    {
      int v = row[d], n_rows;

      c += ix->cell_cost[((gsize) person * D + d) * V + v + 1];
      if (v == SC_ROSTER_OFF)
        continue;
      n_rows = cg_cell_rows (cg, person, d, v, cg->cell_rows);
      for (int i = 0; i < n_rows; i++)
        if (cg->count[cg->cell_rows[i]]++ == 0)
          cg->touched[n_touched++] = cg->cell_rows[i];
    }
  for (int i = 0; i < n_touched; i++)
    {
      int r = cg->touched[i];

      cg->entry_rows[n] = r;
      cg->entry_values[n++] = cg->count[r];
      cg->count[r] = 0;
    }
  cg->entry_rows[n] = cg->n_covers + person;
  cg->entry_values[n++] = 1;
  *cost = (double) c;
  return n;
}

static const gint8 *
cg_row (Cg  *cg,
        int  k)
{
  return &g_array_index (cg->rows, gint8, (gsize) k * cg->s->D);
}

static int
cg_add_column (Cg          *cg,
               int          person,
               const gint8 *row)
{
  double cost;
  int n, j;

  g_array_append_val (cg->person, person);
  g_array_append_vals (cg->rows, row, cg->s->D);
  g_array_set_size (cg->banned, cg->person->len);
  g_array_set_size (cg->last, cg->person->len);
  n = cg_entries (cg, person, row, &cost);
  j = cg->lp ? _sc_lp_add_column (cg->lp, cost, n, cg->entry_rows, cg->entry_values) : -1;
  g_array_append_val (cg->lp_of, j);
  return (int) cg->person->len - 1;
}

static double
cg_value (Cg  *cg,
          int  k)
{
  int j = g_array_index (cg->lp_of, int, k);

  return j >= 0 && cg->lp ? _sc_lp_get_value (cg->lp, j) : 0;
}

static double cg_price (Cg           *cg,
                        int           person,
                        const double *y,
                        const double *y_lp,
                        gboolean      quick,
                        gboolean     *exact,
                        gboolean     *improving);

/* A new restricted master over the columns that keep the fixings, started
 * from each person's column of highest value in the last one; FALSE when
 * someone has none */
static gboolean
cg_build (Cg *cg)
{
  Search *s = cg->s;
  int P = s->P, C = cg->n_covers;
  g_autofree int *basis = g_new (int, cg->m);
  g_autofree double *best = g_new (double, MAX (P, 1));
  g_autofree double *residual = g_memdup2 (cg->rhs, sizeof (double) * MAX (C, 1));

  _sc_lp_free (cg->lp);
  cg->lp = NULL;
  for (int p = 0; p < P; p++)
    best[p] = -1;
  for (guint k = 0; k < cg->person->len; k++)
    if (!g_array_index (cg->banned, guint8, k))
      best[g_array_index (cg->person, int, k)] = 0;
  for (int p = 0; p < P; p++)
    {
      gboolean exact = TRUE;

      if (best[p] < 0 && cg_price (cg, p, NULL, NULL, FALSE, &exact, NULL) == 0)
        return FALSE;
    }

  cg->lp = _sc_lp_new (cg->m, cg->rhs);
  for (int c = 0; c < C; c++)
    {
      double one = 1, minus = -1;

      _sc_lp_add_column (cg->lp, cg->under[c], 1, &c, &one);
      _sc_lp_add_column (cg->lp, cg->over[c], 1, &c, &minus);
    }
  for (int p = 0; p < P; p++)
    {
      basis[C + p] = -1;
      best[p] = -1;
    }
  for (guint k = 0; k < cg->person->len; k++)
    {
      int p = g_array_index (cg->person, int, k);
      double cost, x = g_array_index (cg->last, double, k);
      int n = cg_entries (cg, p, cg_row (cg, k), &cost);
      int j = _sc_lp_add_column (cg->lp, cost, n, cg->entry_rows, cg->entry_values);

      if (g_array_index (cg->banned, guint8, k))
        _sc_lp_set_fixed (cg->lp, j, TRUE);
      else if (x > best[p])
        {
          best[p] = x;
          basis[C + p] = (int) k;
        }
      g_array_index (cg->lp_of, int, k) = j;
    }
  for (int p = 0; p < P; p++)
    {
      double cost;
      int k = basis[C + p], n;

      if (k < 0)
        return FALSE;
      n = cg_entries (cg, p, cg_row (cg, k), &cost);
      for (int e = 0; e < n - 1; e++)
        residual[cg->entry_rows[e]] -= cg->entry_values[e];
      basis[C + p] = g_array_index (cg->lp_of, int, k);
    }
  for (int c = 0; c < C; c++)
    basis[c] = residual[c] >= 0 ? 2 * c : 2 * c + 1;
  return _sc_lp_set_basis (cg->lp, basis);
}

/* Every column's value in the relaxation, kept for the next build */
static void
cg_keep_values (Cg *cg)
{
  for (guint k = 0; k < cg->person->len; k++)
    g_array_index (cg->last, double, k) = cg_value (cg, k);
}

/* Adds the row of least reduced cost for @person given the duals @y and
 * the fixings, if it is negative: returns it, or 0. Where @y are smoothed,
 * @y_lp are the LP's own: a row found is added also when its reduced cost
 * at them is negative, and sets @improving then (NULL @y_lp: @y are the
 * LP's). Without duals, adds the cheapest row that keeps the fixings, if
 * there is one, and returns −1. */
static double
cg_price (Cg           *cg,
          int           person,
          const double *y,
          const double *y_lp,
          gboolean      quick,
          gboolean     *exact,
          gboolean     *improving)
{
  Search *s = cg->s;
  ScRowSolver *rs = &s->rs;
  const ScRosterIndex *ix = s->ix;
  const ScRosterProblem *pb = s->pb;
  const gint8 *locked = pb->locked + (gsize) person * s->D;
  const guint8 *unavailable = pb->unavailable + (gsize) person * s->D;
  int V = ix->n_values, D = s->D, n_entries;
  double cost, least = 0;
  gint64 run_deadline = rs->deadline;

  _sc_row_solver_set_person (rs, person);
  for (int d = 0; d < D; d++)
    {
      const int *cc = ix->cell_cost + ((gsize) person * D + d) * V;
      gint8 *ord = rs->order + d * V;
      gint64 *c = rs->cost + d * V;
      const guint8 *allowed = cg->allowed + ((gsize) person * D + d) * V;
      int n = 0;

      c[0] = llround (cc[0] * CG_SCALE);
      if (locked[d] != SC_ROSTER_UNLOCKED)
        ord[n++] = locked[d];
      else
        {
          if (allowed[0])
            ord[n++] = SC_ROSTER_OFF;
          if (!unavailable[d])
            for (int t = 0; t < s->T; t++)
              if (rs->max_shifts[t] > 0 && allowed[t + 1])
                ord[n++] = (gint8) t;
        }
      for (int i = 0; i < n; i++)
        {
          int t = ord[i];
          double dual = 0;

          if (t == SC_ROSTER_OFF)
            continue;
          if (y != NULL)
            for (int k = 0, n_rows = cg_cell_rows (cg, person, d, t, cg->cell_rows); k < n_rows; k++)
              dual += y[cg->cell_rows[k]];
          c[t + 1] = llround ((cc[t + 1] - dual) * CG_SCALE);
        }
      rs->n_order[d] = n;
    }
  rs->fair_ev = NULL;
  rs->cutoff = y ? llround ((y[cg->n_covers + person] - CG_EPS) * CG_SCALE) : COST_INF;
  rs->want = y ? CG_COLUMNS : 1;
  /* within the column generation's time too */
  if (cg->deadline > 0 && (rs->deadline == 0 || cg->deadline < rs->deadline))
    rs->deadline = cg->deadline;
  if (quick)
    {
      if (!_sc_row_solver_label (rs, CG_LABEL_LIMIT, CG_BEAM))
        _sc_row_solver_run (rs, NULL, CG_QUICK_NODES);
    }
  else if (!_sc_row_solver_label (rs, CG_LABEL_LIMIT, 0))
    _sc_row_solver_run (rs, NULL, CG_NODE_LIMIT);
  rs->deadline = run_deadline;
  rs->cutoff = COST_INF;
  rs->want = 1;
  if (rs->aborted)
    *exact = FALSE;
  if (!rs->found)
    return 0;
  if (y == NULL)
    {
      cg_add_column (cg, person, rs->best_row);
      return -1;
    }

  /* the exact reduced costs of the rows found, at the duals priced and
   * at the LP's own */
  for (int k = 0; k < rs->n_rows; k++)
    {
      const gint8 *row = rs->rows + (gsize) k * s->D;
      double rc, rc_lp;

      n_entries = cg_entries (cg, person, row, &cost);
      rc = rc_lp = cost;
      for (int e = 0; e < n_entries; e++)
        {
          rc -= y[cg->entry_rows[e]] * cg->entry_values[e];
          if (y_lp != NULL)
            rc_lp -= y_lp[cg->entry_rows[e]] * cg->entry_values[e];
        }
      if (y_lp == NULL)
        rc_lp = rc;
      if (rc >= -CG_EPS && rc_lp >= -CG_EPS)
        continue;
      cg_add_column (cg, person, row);
      least = MIN (least, rc);
      if (improving != NULL && rc_lp < -CG_EPS)
        *improving = TRUE;
    }
  return least;
}

static gboolean
cg_stopped (Cg *cg)
{
  return should_stop (cg->s) || (cg->deadline > 0 && g_get_monotonic_time () > cg->deadline);
}

/* How far cg_converge () prices */
typedef enum
{
  CG_ROOT,    /* to the end, keeping the lower bound */
  CG_DIVE,    /* a few quick rounds: the dives' relaxations */
} CgRounds;

/* The lower bound from a relaxation of value @z and every person's least
 * reduced cost, summed in @sum: the pricing's rounding of the duals costs
 * at most half a unit per day and person */
static double
cg_lagrangian_bound (Cg     *cg,
                     double  z,
                     double  sum)
{
  return z + sum - (double) cg->s->P * cg->s->D * 0.5 / CG_SCALE;
}

/* Generates columns, at first by the quick pricing, until no one has a row
 * of negative reduced cost (or after a few rounds in a dive); at the root,
 * keeps the lower bound. FALSE when stopped. */
static gboolean
cg_converge (Cg       *cg,
             CgRounds  rounds)
{
  Search *s = cg->s;
  gboolean quick = TRUE, at_lp_next = FALSE;
  gint64 node_end = share_deadline (s, cg->slow_pricing ? CG_NODE_TIME_SLOW : CG_NODE_TIME);
  double z_before = G_MAXDOUBLE;
  double *ys = cg->smooth;
  /* smoothed duals only in the relaxation over the whole horizon: a dive's
   * few rounds start near the end, and a window's relaxation takes few
   * rounds (a smoothed round that finds nothing costs one more) */
  gboolean smooth = rounds == CG_ROOT && cg->in_window == NULL;

  cg->converged = FALSE;
  for (int round = 0;; round++)
    {
      const double *y;
      double z, sum = 0, dual_value = 0;
      gboolean exact = TRUE, improving = FALSE, at_lp;

      report (s, FALSE);
      if (cg_stopped (cg))
        return FALSE;
      if (!_sc_lp_solve (cg->lp, CG_LP_PIVOTS * cg->m))
        {
          g_debug ("column generation: the simplex gave up");
          return FALSE;
        }
      z = _sc_lp_get_objective (cg->lp);
      y = _sc_lp_get_duals (cg->lp);
      /* the duals priced: the LP's, smoothed by those priced the round
       * before, so that they do not swing from one extreme to the other;
       * the LP's own after a round that found nothing for it */
      at_lp = !smooth || round == 0 || at_lp_next;
      for (int r = 0; r < cg->m; r++)
        {
          ys[r] = at_lp ? y[r] : CG_SMOOTH * ys[r] + (1 - CG_SMOOTH) * y[r];
          dual_value += cg->rhs[r] * ys[r];
        }
      for (int p = 0; p < s->P; p++)
        {
          double rc = cg_price (cg, p, ys, at_lp ? NULL : y, quick, &exact, &improving);

          if (rc < 0)
            sum += rc;
          if (cg_stopped (cg))
            return FALSE;
        }
      if (rounds == CG_ROOT && !quick && exact)
        {
          double bound = cg_lagrangian_bound (cg, dual_value, sum);

          if (!cg->bound_valid || bound > cg->lower_bound)
            cg->lower_bound = bound;
          cg->bound_valid = TRUE;
        }
      /* nothing for the LP at smoothed duals: the next round prices its
       * own */
      at_lp_next = !improving && !at_lp;
      if (at_lp_next)
        continue;
      if (!improving && !quick)
        {
          cg->converged = exact;
          return TRUE;
        }
      if (rounds == CG_DIVE &&
          (!improving || round + 1 >= CG_DIVE_ROUNDS || (node_end > 0 && g_get_monotonic_time () > node_end)))
        return TRUE;
      /* quick rounds while they find columns that lower the relaxation
       * enough, then an exact one: on long horizons, the quick pricing
       * finds a few columns a round that hardly move it (in a dive where
       * pricing is slow, quick rounds only: an exact one would take the
       * node's whole time) */
      quick = improving && (z_before - z > CG_QUICK_GAIN * MAX (1, fabs (z)) ||
                            (rounds == CG_DIVE && cg->slow_pricing));
      z_before = z;
    }
}

/* A lower bound of the relaxation below the current node from one exact
 * pricing round at the last duals (their objective plus every person's
 * least reduced cost; −G_MAXDOUBLE when a pricing was not exact), adding
 * the columns found. FALSE when stopped. */
static gboolean
cg_bound (Cg     *cg,
          double *bound)
{
  Search *s = cg->s;
  const double *y = _sc_lp_get_duals (cg->lp);
  double sum = 0;
  gboolean exact = TRUE;

  for (int p = 0; p < s->P; p++)
    {
      sum += cg_price (cg, p, y, NULL, FALSE, &exact, NULL);
      if (cg_stopped (cg))
        return FALSE;
    }
  *bound = exact ? cg_lagrangian_bound (cg, _sc_lp_get_objective (cg->lp), sum) : -G_MAXDOUBLE;
  return TRUE;
}

/* Bans @person's columns that break a fixing */
static void
cg_ban (Cg  *cg,
        int  person)
{
  int D = cg->s->D, V = cg->s->ix->n_values;
  const guint8 *allowed = cg->allowed + (gsize) person * D * V;

  for (guint k = 0; k < cg->person->len; k++)
    if (g_array_index (cg->person, int, k) == person)
      {
        const gint8 *row = cg_row (cg, k);
        guint8 banned = 0;

        for (int d = 0; d < D && !banned; d++)
          banned = !allowed[d * V + row[d] + 1];
        g_array_index (cg->banned, guint8, k) = banned;
      }
}

/* Allows only @value in @cell (person × D + day) */
static void
cg_allow_only (Cg    *cg,
               gsize  cell,
               int    value)
{
  int V = cg->s->ix->n_values;

  for (int v = 0; v < V; v++)
    cg->allowed[cell * V + v] = v == value + 1;
}

/* Fixes @person's @day to @value (@on) or forbids that value there */
static void
cg_fix (Cg       *cg,
        int       person,
        int       day,
        int       value,
        gboolean  on)
{
  gsize cell = (gsize) person * cg->s->D + day;

  if (on)
    cg_allow_only (cg, cell, value);
  else
    cg->allowed[cell * cg->s->ix->n_values + value + 1] = 0;
  cg_ban (cg, person);
}

/* Holds the columns that break a fixing at zero in the LP, and gives
 * everyone a column that keeps them; FALSE when someone has none */
static gboolean
cg_sync (Cg *cg)
{
  Search *s = cg->s;
  g_autofree guint8 *has = g_new0 (guint8, MAX (s->P, 1));

  for (guint k = 0; k < cg->person->len; k++)
    {
      guint8 banned = g_array_index (cg->banned, guint8, k);

      _sc_lp_set_fixed (cg->lp, g_array_index (cg->lp_of, int, k), banned);
      if (!banned)
        has[g_array_index (cg->person, int, k)] = 1;
    }
  for (int p = 0; p < s->P; p++)
    {
      gboolean exact = TRUE;

      if (!has[p] && cg_price (cg, p, NULL, NULL, FALSE, &exact, NULL) == 0)
        return FALSE;
    }
  return TRUE;
}

/* The relaxation's value after a fixing, G_MAXDOUBLE when no roster keeps
 * the fixings; FALSE when stopped. Goes on from the last basis, or builds
 * the LP again when that fails. */
static gboolean
cg_try (Cg     *cg,
        double *z)
{
  *z = G_MAXDOUBLE;
  if (cg->lp != NULL)
    {
      if (!cg_sync (cg))
        return !cg_stopped (cg);
      if (cg_converge (cg, CG_DIVE))
        {
          *z = _sc_lp_get_objective (cg->lp);
          return TRUE;
        }
      if (cg_stopped (cg))
        return FALSE;
      g_debug ("column generation: warm start failed, building again");
    }
  if (!cg_build (cg))
    return !cg_stopped (cg);
  if (!cg_converge (cg, CG_DIVE))
    return FALSE;
  *z = _sc_lp_get_objective (cg->lp);
  return TRUE;
}

/* Every cell's share of the relaxation */
static void
cg_shares (Cg *cg)
{
  Search *s = cg->s;
  int D = s->D, V = s->ix->n_values;

  memset (cg->share, 0, sizeof (double) * s->P * D * V);
  for (guint k = 0; k < cg->person->len; k++)
    {
      double x = cg_value (cg, k);
      const gint8 *row = cg_row (cg, k);
      int p;

      if (x <= CG_EPS)
        continue;
      p = g_array_index (cg->person, int, k);
      for (int d = 0; d < D; d++)
        cg->share[((gsize) p * D + d) * V + row[d] + 1] += x;
    }
}

/* Each person's column of highest value in the relaxation, among those
 * not banned (the first of equals), into @top (−1: none) and its value
 * into @top_x */
static void
cg_best_columns (Cg     *cg,
                 int    *top,
                 double *top_x)
{
  for (int p = 0; p < cg->s->P; p++)
    {
      top[p] = -1;
      top_x[p] = -1;
    }
  for (guint k = 0; k < cg->person->len; k++)
    {
      int p = g_array_index (cg->person, int, k);
      double x = cg_value (cg, k);

      if (!g_array_index (cg->banned, guint8, k) && x > top_x[p])
        {
          top_x[p] = x;
          top[p] = (int) k;
        }
    }
}

/* The integral relaxation's roster into the evaluator */
static void
cg_take (Cg *cg)
{
  g_autofree int *top = g_new (int, MAX (cg->s->P, 1));
  g_autofree double *top_x = g_new (double, MAX (cg->s->P, 1));

  cg_best_columns (cg, top, top_x);
  for (int p = 0; p < cg->s->P; p++)
    if (top[p] >= 0)
      sc_roster_eval_apply_row (cg->s->ev, p, cg_row (cg, top[p]));
}

/* Fixes the cells of @list (cell, value pairs) from the fixings @saved,
 * or forbids the first one's value when not @on */
static void
cg_apply (Cg           *cg,
          const guint8 *saved,
          const int    *list,
          int           n,
          gboolean      on)
{
  Search *s = cg->s;
  int D = s->D;

  memcpy (cg->allowed, saved, (gsize) s->P * D * s->ix->n_values);
  for (int i = 0; i < (on ? n : 1); i++)
    cg_fix (cg, list[2 * i] / D, list[2 * i] % D, list[2 * i + 1], on);
}

/* The highest relaxation worth exploring: below the best roster, and
 * within the target when there is one */
static double
cg_limit (Cg *cg)
{
  double limit = cg->s->best_total - cg->offset - 1 + CG_EPS;

  if (cg->target > 0)
    limit = MIN (limit, cg->target + CG_EPS);
  return limit;
}

/* The fractional column of highest value (or, in random dives, one drawn
 * with odds by value), as a list of its cells (cell, value pairs) whose
 * first is its most fractional one: fixing them all takes the row,
 * forbidding the first one's value leaves it. Returns the
 * length of the list, 0 when every cell's share is integral (from
 * cg_shares ()). */
static int
cg_branching_row (Cg  *cg,
                  int *list)
{
  Search *s = cg->s;
  int D = s->D, V = s->ix->n_values;
  int kbest = -1, dbest = -1, p, n = 1;
  double xbest = CG_EPS, total = 0;
  const gint8 *row;

  for (guint k = 0; k < cg->person->len; k++)
    {
      double x = cg_value (cg, k), top = -1;
      const gint8 *r;
      int q, dsel = -1;

      if (x <= (cg->random_branch ? CG_EPS : xbest) || x >= 1 - CG_EPS || g_array_index (cg->banned, guint8, k))
        continue;
      q = g_array_index (cg->person, int, k);
      r = cg_row (cg, k);
      for (int d = 0; d < D; d++)
        {
          double share = cg->share[((gsize) q * D + d) * V + r[d] + 1];

          if (share < 1 - CG_EPS && share > top)
            {
              top = share;
              dsel = d;
            }
        }
      if (dsel < 0)
        continue;
      total += x;
      if (!cg->random_branch || g_rand_double (cg->s->rng) * total < x)
        {
          kbest = (int) k;
          dbest = dsel;
          xbest = x;
        }
    }
  if (kbest < 0)
    return 0;

  p = g_array_index (cg->person, int, kbest);
  row = cg_row (cg, kbest);
  list[0] = p * D + dbest;
  list[1] = row[dbest];
  for (int d = 0; d < D; d++)
    if (d != dbest)
      {
        list[2 * n] = p * D + d;
        list[2 * n + 1] = row[d];
        n++;
      }
  if (cg->fix_share > 0)
    {
      /* a greedy dive: everyone else's column of value over fix_share
       * is taken along */
      g_autofree int *top = g_new (int, s->P);
      g_autofree double *top_x = g_new (double, s->P);

      cg_best_columns (cg, top, top_x);
      for (int q = 0; q < s->P; q++)
        if (q != p && top[q] >= 0 && top_x[q] >= cg->fix_share && top_x[q] < 1 - CG_EPS)
          {
            const gint8 *r = cg_row (cg, top[q]);

            for (int d = 0; d < D; d++)
              {
                list[2 * n] = q * D + d;
                list[2 * n + 1] = r[d];
                n++;
              }
          }
    }
  return n;
}

/* The nodes the search under way has explored */
static int
cg_explored (Cg *cg)
{
  return cg->dive_nodes - MAX (cg->nodes_left, 0);
}

/* Whether a search still on its first way down (no roster reached, no
 * node above the limit of the best roster, none left for its other
 * branch), taking one row a node, would reach the bottom after its
 * deadline at the pace of its last nodes (they slow down as rows are
 * fixed): a node for each person not yet taken */
static gboolean
cg_behind (Cg *cg)
{
  int done = cg_explored (cg);
  gint64 now = g_get_monotonic_time (), then;

  if (cg->deadline == 0 || cg->dive_turned || done >= cg->s->P)
    return FALSE;
  then = cg->pace[done % CG_PACE_NODES];
  cg->pace[done % CG_PACE_NODES] = now;
  return then > 0 && (now - then) / CG_PACE_NODES * (cg->s->P - done) > cg->deadline - now;
}

/* Branch and price, depth first, from the relaxation just solved: below a
 * node, the row of cg_branching_row () is taken, or its most fractional
 * cell loses that value. A node whose relaxation cannot beat
 * the best roster is cut; an integral one that beats it is saved. Returns
 * FALSE when stopped (budget, time, cancel). */
static gboolean
cg_branch (Cg *cg)
{
  Search *s = cg->s;
  int D = s->D, V = s->ix->n_values, n;
  gsize size = (gsize) s->P * D * V;
  gboolean go_on = TRUE;
  g_autofree guint8 *saved = NULL;
  g_autofree int *list = NULL;

  if (cg->nodes_left-- <= 0 || cg_stopped (cg))
    return FALSE;
  /* a node is cut only on a lower bound: its relaxation priced to the
   * end, or one exact pricing round */
  if (_sc_lp_get_objective (cg->lp) > cg_limit (cg))
    {
      double bound;

      cg->dive_turned = TRUE;
      if (cg->converged)
        return TRUE;
      if (!cg_bound (cg, &bound))
        return FALSE;
      if (bound > cg_limit (cg))
        return TRUE;
      if (!cg_converge (cg, CG_DIVE))
        return FALSE;
    }
  list = g_new (int, 2 * (gsize) s->P * D);
  cg_shares (cg);
  /* too slow to take one row a node: a dive as where pricing is slow,
   * every column over one half along and quick nodes (the pace of a dive
   * varies from run to run on the same problem) */
  if (!cg->slow_pricing && cg_behind (cg))
    {
      cg->slow_pricing = TRUE;
      cg->fix_share = CG_FIX_SHARE;
      g_debug ("branch and price: behind its pace, greedy for this search, %.2f s", elapsed (s->shared));
    }
  n = cg_branching_row (cg, list);
  if (n == 0)
    {
      /* every cell integral: a roster */
      cg->dive_turned = TRUE;
      cg_take (cg);
      if (current_total (s) < s->best_total)
        {
          save_best (s);
          report (s, FALSE);
          g_debug ("branch and price: %" G_GINT64_FORMAT " at %.2f s", sc_roster_eval_get_objective (s->ev),
                   elapsed (s->shared));
        }
      return TRUE;
    }

  /* the row taken first, then its first cell's value forbidden */
  saved = g_memdup2 (cg->allowed, size);
  for (int b = 1; b >= 0 && go_on; b--)
    {
      double z;

      if (b == 0)
        cg->dive_turned = TRUE;
      cg_apply (cg, saved, list, n, b == 1);
      go_on = cg_try (cg, &z);
      if (go_on && z < G_MAXDOUBLE)
        go_on = cg_branch (cg);
    }
  memcpy (cg->allowed, saved, size);
  for (int p = 0; p < s->P; p++)
    cg_ban (cg, p);
  return go_on;
}

/* Whether column generation over windows of days applies: no fairness
 * terms, covers, every row feasible */
static gboolean
window_applicable (Search *s)
{
  if (s->ix->fair_on || s->pb->covers->len + s->pb->interval_covers->len == 0)
    return FALSE;
  for (int p = 0; p < s->P; p++)
    if (!row_is_feasible (s, p))
      return FALSE;
  return TRUE;
}

/* … and over the whole horizon: as long as the master problem's rows fit */
static gboolean
cg_applicable (Search *s)
{
  int covers = (int) (s->pb->covers->len + s->pb->interval_covers->len);

  return covers + s->P <= CG_TAKE_ROWS && window_applicable (s);
}

static void
cg_free (Cg *cg)
{
  if (cg == NULL)
    return;
  _sc_lp_free (cg->lp);
  g_free (cg->rhs);
  g_free (cg->smooth);
  g_free (cg->under);
  g_free (cg->over);
  g_array_unref (cg->person);
  g_array_unref (cg->rows);
  g_array_unref (cg->banned);
  g_array_unref (cg->lp_of);
  g_array_unref (cg->last);
  g_free (cg->allowed);
  g_free (cg->share);
  g_free (cg->root_share);
  g_free (cg->count);
  g_free (cg->touched);
  g_free (cg->cell_rows);
  g_free (cg->entry_rows);
  g_free (cg->entry_values);
  g_free (cg->fixed);
  g_free (cg->lp_row);
  g_free (cg->in_window);
  g_free (cg);
}

/* The column generation over the days that @window marks (NULL: all of
 * them): its LP has the covers that shifts on those days count for, less
 * what the best roster's shifts on other days give them, and the cells of
 * other days keep the best roster's values */
static Cg *
cg_new (Search       *s,
        const guint8 *window)
{
  const ScRosterProblem *pb = s->pb;
  const ScRosterIndex *ix = s->ix;
  int n_sc = (int) pb->covers->len, n_all = n_sc + (int) pb->interval_covers->len;
  int D = s->D, V = ix->n_values, n = 0;
  gsize cells = (gsize) s->P * D * V;
  Cg *cg = g_new0 (Cg, 1);

  cg->s = s;
  cg->in_window = window ? g_memdup2 (window, D) : NULL;
  cg->lp_row = g_new (int, MAX (n_all, 1));
  for (int c = 0; c < n_all; c++)
    cg->lp_row[c] = window ? -1 : c;
  for (int d = 0; window && d < D; d++)
    for (int t = 0; t < s->T && window[d]; t++)
      {
        int cell = d * ix->n_types + t;

        for (int k = ix->cover_start[cell]; k < ix->cover_start[cell + 1]; k++)
          cg->lp_row[ix->cover_list[k]] = 0;
        for (int k = ix->icover_start[cell]; k < ix->icover_start[cell + 1]; k++)
          cg->lp_row[n_sc + ix->icover_list[k]] = 0;
      }
  for (int c = 0; window && c < n_all; c++)
    if (cg->lp_row[c] == 0)
      cg->lp_row[c] = n++;
  cg->n_covers = window ? n : n_all;
  cg->m = cg->n_covers + s->P;
  cg->rhs = g_new0 (double, cg->m);
  cg->smooth = g_new0 (double, cg->m);
  cg->under = g_new0 (double, MAX (cg->n_covers, 1));
  cg->over = g_new0 (double, MAX (cg->n_covers, 1));
  for (int c = 0; c < n_all; c++)
    {
      int r = cg->lp_row[c];

      if (r < 0)
        continue;
      if (c < n_sc)
        {
          const ScRosterCover *cover = &g_array_index (pb->covers, ScRosterCover, c);

          cg->rhs[r] = cover->required;
          cg->under[r] = cover->under_weight;
          cg->over[r] = cover->over_weight;
        }
      else
        {
          const ScRosterIntervalCover *cover = &g_array_index (pb->interval_covers, ScRosterIntervalCover, c - n_sc);

          cg->rhs[r] = cover->required;
          cg->under[r] = cover->under_weight;
          cg->over[r] = cover->over_weight;
        }
    }
  for (int p = 0; p < s->P; p++)
    cg->rhs[cg->n_covers + p] = 1;
  cg->person = g_array_new (FALSE, FALSE, sizeof (int));
  cg->rows = g_array_new (FALSE, FALSE, sizeof (gint8));
  cg->banned = g_array_new (FALSE, TRUE, sizeof (guint8));
  cg->lp_of = g_array_new (FALSE, FALSE, sizeof (int));
  cg->last = g_array_new (FALSE, TRUE, sizeof (double));
  cg->allowed = g_malloc (cells);
  memset (cg->allowed, 1, cells);
  cg->share = g_new0 (double, cells);
  cg->count = g_new0 (int, MAX (cg->n_covers, 1));
  cg->touched = g_new0 (int, MAX (cg->n_covers, 1));
  cg->cell_rows = g_new0 (int, MAX (n_all, 1));
  cg->entry_rows = g_new0 (int, cg->n_covers + 1);
  cg->entry_values = g_new0 (double, cg->n_covers + 1);
  cg->fixed = g_new0 (guint8, (gsize) s->P * D);
  if (window)
    {
      const gint8 *best = s->best->cells;
      double inside = 0;

      /* outside the window: the best roster's values, and what they give
       * the window's covers */
      for (int p = 0; p < s->P; p++)
        for (int d = 0; d < D; d++)
          {
            int v = best[p * D + d];

            if (window[d])
              continue;
            cg_allow_only (cg, (gsize) p * D + d, v);
            if (v == SC_ROSTER_OFF)
              continue;
            for (int k = 0, n_rows = cell_covers (s, p, d, v, cg->cell_rows); k < n_rows; k++)
              if (cg->lp_row[cg->cell_rows[k]] >= 0)
                cg->rhs[cg->lp_row[cg->cell_rows[k]]] -= 1;
          }
      /* the best roster's value in this LP, and the rest of its cost */
      for (int p = 0; p < s->P; p++)
        {
          double cost;
          int n_entries = cg_entries (cg, p, best + (gsize) p * D, &cost);

          inside += cost;
          for (int e = 0; e < n_entries - 1; e++)
            cg->count[cg->entry_rows[e]] += (int) cg->entry_values[e];
        }
      for (int r = 0; r < cg->n_covers; r++)
        {
          double gap = cg->rhs[r] - cg->count[r];

          inside += gap > 0 ? gap * cg->under[r] : -gap * cg->over[r];
          cg->count[r] = 0;
        }
      cg->offset = (double) s->best_total - inside;
    }
  return cg;
}

/* Adds the evaluator's rows to the pool, as the next build's start */
static void
cg_add_current (Cg *cg)
{
  Search *s = cg->s;

  for (guint k = 0; k < cg->person->len; k++)
    g_array_index (cg->last, double, k) = 0;
  for (int p = 0; p < s->P; p++)
    {
      int k = cg_add_column (cg, p, sc_roster_eval_get_solution (s->ev)->cells + (gsize) p * s->D);

      g_array_index (cg->last, double, k) = 1;
    }
}

/* Branch and price from the relaxation just solved, within @nodes;
 * leaves the evaluator on the best roster. Returns the nodes explored. */
static int
cg_search (Cg         *cg,
           int         nodes,
           double      share_of_time,
           const char *what)
{
  Search *s = cg->s;
  double fix_share = cg->fix_share;
  gboolean slow_pricing = cg->slow_pricing, complete;

  cg->nodes_left = nodes;
  cg->dive_nodes = nodes;
  cg->dive_turned = FALSE;
  memset (cg->pace, 0, sizeof cg->pace);
  cg->deadline = share_deadline (s, share_of_time);
  complete = cg_branch (cg);
  /* greedy for this search only, when it fell behind */
  cg->fix_share = fix_share;
  cg->slow_pricing = slow_pricing;
  g_debug ("%s: %s after %d nodes, %u columns, best %" G_GINT64_FORMAT ", %.2f s", what,
           complete ? "complete" : "stopped", cg_explored (cg), cg->person->len,
           s->best_total, elapsed (s->shared));
  restore_best (s);
  return cg_explored (cg);
}

/* Whether the relaxation, out of time before it converged, is near
 * enough its end to dive from: its lower bound (from the last exact
 * pricing round) within CG_OPEN_GAP of its value. On long horizons the
 * last rounds move it little, and the dives do not need its end. */
static gboolean
cg_near_enough (Cg *cg)
{
  double z = _sc_lp_get_objective (cg->lp);

  if (should_stop (cg->s) || !cg->bound_valid)
    return FALSE;
  g_debug ("column generation: out of time at %.3f, bound %.3f", z, cg->lower_bound);
  return z - cg->lower_bound <= CG_OPEN_GAP * MAX (1, fabs (z));
}

/* The root relaxation from the current roster (every row feasible), its
 * lower bound, and a first dive. Returns the bound, or −1 when there is
 * none; keeps the column generation in s->cg for later dives. */
static gint64
column_generation (Search *s)
{
  Cg *cg;
  gint64 bound = -1;
  double started;
  gboolean dives, built, converged, near;

  if (!cg_applicable (s))
    return -1;

  cg = cg_new (s, NULL);
  cg_add_current (cg);
  started = elapsed (s->shared);
  dives = cg->m <= CG_MAX_ROWS;
  cg->deadline = share_deadline (s, dives ? CG_RELAX_TIME : CG_TAKE_TIME);
  built = cg_build (cg);
  converged = built && cg_converge (cg, CG_ROOT);
  near = converged || (built && cg_near_enough (cg));
  if (cg->bound_valid && cg->lower_bound > 0)
    bound = (gint64) ceil (cg->lower_bound - 1e-6);
  if (built && !should_stop (s) && (converged || cg_stopped (cg)) && (!dives || !near))
    {
      /* no dive: each person's column of highest value, for the windows
       * and the local search to go on from (a relaxation out of time too:
       * its columns still spread the work much as its end would) */
      cg_take (cg);
      g_debug ("column generation: relaxation %.3f, its columns %" G_GINT64_FORMAT ", %d rows, %u columns, %.2f s",
               _sc_lp_get_objective (cg->lp), current_total (s), cg->m, cg->person->len, elapsed (s->shared));
      if (current_total (s) < s->best_total)
        save_best (s);
      else
        restore_best (s);
      cg_free (cg);
      return bound;
    }
  if (!built || !near)
    {
      g_debug ("column generation: no relaxation in time, %.2f s", elapsed (s->shared));
      cg_free (cg);
      return -1;
    }
  g_debug ("column generation: relaxation %.3f, bound %" G_GINT64_FORMAT ", %d rows, %u columns, %.2f s",
           _sc_lp_get_objective (cg->lp), bound, cg->m, cg->person->len, elapsed (s->shared));
  /* a relaxation that took over a quarter of its share (long horizons,
   * many people) means slow pricing rounds: with the usual time a node,
   * the first dive would not reach a roster within its own share (without
   * a time limit there are no shares, and no pace to judge) */
  cg->slow_pricing = s->shared->options->time_limit > 0 &&
                     elapsed (s->shared) - started > CG_RELAX_TIME * s->shared->options->time_limit / 4;
  /* … and a dive that fixes one person's row a node would not reach
   * the bottom: it takes every column of value over one half along */
  cg->fix_share = cg->slow_pricing ? CG_FIX_SHARE : 0;
  cg_keep_values (cg);
  cg_shares (cg);
  cg->root_share = g_memdup2 (cg->share, sizeof (double) * s->P * s->D * s->ix->n_values);
  s->cg = cg;
  /* first anywhere below the roster built (a dive that searches only near
   * the relaxation cuts nodes on exact pricing rounds, which on long
   * horizons cost too much to reach a roster), then only near it, unless
   * the first could hardly take a row per person in its time */
  {
    double z = _sc_lp_get_objective (cg->lp);
    double target = ceil (z - CG_EPS) + MAX (CG_TARGET_MIN, z * CG_TARGET_SHARE);
    int explored = cg_search (cg, CG_ROOT_NODES, CG_ROOT_TIME, "column generation");
    /* … or where the first found only a roster far above the relaxation
     * in half a node a person or more, unless its pricing is slow */
    gboolean far = !cg->slow_pricing && 2 * explored >= s->P &&
                   s->best_total > z * (1 + CG_NEAR_GAP);

    cg->deadline = share_deadline (s, CG_ROOT_TIME);
    cg->target = target;
    cg->quick_dives = explored >= CG_RANDOM_NODES * s->P;
    if ((explored >= CG_NEAR_NODES * s->P || far) && !cg_stopped (cg) && cg_try (cg, &z) && z < G_MAXDOUBLE)
      cg_search (cg, CG_ROOT_NODES, CG_ROOT_TIME, "column generation, near the relaxation");
    cg->target = 0;
  }
  return bound;
}

/* The best roster back in the evaluator, with the fixings of @fixed
 * (NULL: none): a cell it marks keeps the best roster's value. Then a
 * search from it, the best roster's columns the LP's start. */
static void
cg_dive_from_best (Search       *s,
                   const guint8 *fixed,
                   int           nodes,
                   const char   *what)
{
  Cg *cg = s->cg;
  int D = s->D, V = s->ix->n_values;
  double z;

  restore_best (s);
  memset (cg->allowed, 1, (gsize) s->P * D * V);
  for (int i = 0; fixed != NULL && i < s->P * D; i++)
    if (fixed[i])
      cg_allow_only (cg, i, s->best->cells[i]);
  for (int p = 0; p < s->P; p++)
    cg_ban (cg, p);
  cg_add_current (cg);
  cg->deadline = share_deadline (s, CG_RINS_TIME);
  if (cg_try (cg, &z) && z < G_MAXDOUBLE)
    cg_search (cg, nodes, CG_RINS_TIME, what);
}

/* A dive in the neighbourhood of the best roster: the cells where it
 * agrees with the root relaxation's integral shares stay fixed, but for
 * the people marked in @free_person */
static void
cg_rins_dive (Search       *s,
              const guint8 *free_person)
{
  Cg *cg = s->cg;
  int D = s->D, V = s->ix->n_values;
  int n_free = 0;

  for (int i = 0; i < s->P * D; i++)
    {
      cg->fixed[i] = cg->root_share[(gsize) i * V + s->best->cells[i] + 1] >= 1 - CG_EPS && !free_person[i / D];
      n_free += !cg->fixed[i];
    }
  g_debug ("neighbourhood dive: %d cells free of %d", n_free, s->P * D);
  cg_dive_from_best (s, cg->fixed, CG_RINS_NODES, "neighbourhood");
}

/* A dive from the root again, below the best roster, branching on
 * fractional columns drawn at random by their value */
static void
cg_random_dive (Search *s)
{
  s->cg->random_branch = TRUE;
  cg_dive_from_best (s, NULL, CG_ROOT_NODES, "random dive");
  s->cg->random_branch = FALSE;
}

/* Dives around the best roster: the first time as it is, then with two
 * to five people chosen at random free as well, again and again within a
 * share of the time limit until one improves it. Where dives are quick,
 * they alternate with dives from the root that branch at random. */
static void
cg_rins (Search *s)
{
  Cg *cg = s->cg;
  gint64 end = share_deadline (s, CG_RINS_TIME);
  gint64 before = s->best_total;
  g_autofree guint8 *free_person = NULL;

  if (cg == NULL || s->best_total >= HARD_WEIGHT)
    return;
  free_person = g_new (guint8, s->P);
  do
    {
      int turn = cg->rins++;

      /* where dives are quick, every other search dives from the root
       * (the neighbourhoods between them free three or five people) */
      if (cg->quick_dives && turn % 2 == 1)
        {
          cg_random_dive (s);
          continue;
        }
      memset (free_person, 0, s->P);
      if (turn > 0)
        for (int k = MIN (2 + (turn + 1) % 4, s->P); k > 0;)
          {
            int p = g_rand_int_range (s->rng, 0, s->P);

            k -= !free_person[p];
            free_person[p] = 1;
          }
      cg_rins_dive (s, free_person);
    }
  while (end > 0 && s->best_total == before && !should_stop (s) && g_get_monotonic_time () < end);
}

/* Column generation over the days @window marks, the rest of the best
 * roster fixed: its relaxation, then branch and price below the best
 * roster, within @share of the time limit. The evaluator holds the best
 * roster before and after. */
static void
cg_window (Search       *s,
           const guint8 *window,
           double        share)
{
  Cg *cg;
  double started = elapsed (s->shared);
  gint64 before = s->best_total;

  cg = cg_new (s, window);
  cg_add_current (cg);
  cg->deadline = share_deadline (s, share * 0.6);
  if (cg_build (cg) && (cg_converge (cg, CG_ROOT) || cg_near_enough (cg)))
    {
      cg->slow_pricing = s->shared->options->time_limit > 0 &&
                         elapsed (s->shared) - started > share * 0.3 * s->shared->options->time_limit;
      cg_keep_values (cg);
      g_debug ("window: relaxation %.3f + %.3f, %d rows, %u columns, %.2f s",
               _sc_lp_get_objective (cg->lp), cg->offset, cg->m, cg->person->len, elapsed (s->shared));
      cg_search (cg, CG_WINDOW_NODES, share * 0.4, "window");
    }
  else
    g_debug ("window: no relaxation in time");
  g_debug ("window: %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT ", %.2f s", before,
           s->best_total, elapsed (s->shared) - started);
  cg_free (cg);
}

/* The best roster's cover penalties by day: people short in @under,
 * people over in @over (weighted) */
static void
day_penalties (Search *s,
               double *under,
               double *over)
{
  const ScRosterProblem *pb = s->pb;
  const int *count = _sc_roster_eval_get_cover_counts (s->ev);
  const int *icount = _sc_roster_eval_get_icover_counts (s->ev);

  memset (under, 0, sizeof (double) * s->D);
  memset (over, 0, sizeof (double) * s->D);
  for (guint c = 0; c < pb->covers->len; c++)
    {
      const ScRosterCover *cover = &g_array_index (pb->covers, ScRosterCover, c);
      int gap = cover->required - count[c];

      if (gap > 0)
        under[cover->day] += (double) gap * cover->under_weight;
      else
        over[cover->day] += (double) -gap * cover->over_weight;
    }
  for (guint c = 0; c < pb->interval_covers->len; c++)
    {
      const ScRosterIntervalCover *cover = &g_array_index (pb->interval_covers, ScRosterIntervalCover, c);
      int gap = cover->required - icount[c], d = CLAMP (cover->start / 1440, 0, s->D - 1);

      if (gap > 0)
        under[d] += (double) gap * cover->under_weight;
      else
        over[d] += (double) -gap * cover->over_weight;
    }
}

/* The first day of a block of @len days drawn with odds by the sum of
 * @weight over it (at random when it is zero everywhere), and not
 * meeting the days @taken marks */
static int
draw_block (Search       *s,
            const double *weight,
            int           len,
            const guint8 *taken)
{
  int D = s->D, pick = -1;
  double total = 0;

  for (int a = 0; a + len <= D; a++)
    {
      double w = 1e-9;
      gboolean free = TRUE;

      for (int d = a; d < a + len; d++)
        {
          w += weight[d];
          free = free && !taken[d];
        }
      if (!free)
        continue;
      total += w;
      if (g_rand_double (s->rng) * total < w)
        pick = a;
    }
  return pick;
}

/* Marks in @window weekends with the days either side while they fit in
 * @budget days, drawn in turn with odds by @under and by @over on them:
 * everyone may be at their most weekends, so a weekend short of people
 * gains one only from a weekend where someone is not needed. Returns the
 * days marked. */
static int
draw_weekends (Search       *s,
               const double *under,
               const double *over,
               int           budget,
               guint8       *window)
{
  int days = 0;

  for (int n = 0; days + 4 <= budget; n++)
    {
      const double *weight = n % 2 == 0 ? under : over;
      int pick = -1;
      double total = 0;

      for (int k = 0; k < s->ix->n_weekends; k++)
        {
          double u = 1e-3;

          if (window[s->wk_days[s->wk_start[k]]])
            continue;
          for (int i = s->wk_start[k]; i < s->wk_start[k + 1]; i++)
            u += weight[s->wk_days[i]];
          total += u;
          if (g_rand_double (s->rng) * total < u)
            pick = k;
        }
      if (pick < 0)
        break;
      for (int i = s->wk_start[pick]; i < s->wk_start[pick + 1]; i++)
        for (int d = MAX (s->wk_days[i] - 1, 0); d <= MIN (s->wk_days[i] + 1, s->D - 1); d++)
          {
            days += !window[d];
            window[d] = 1;
          }
    }
  return days;
}

/* A round of column generation over windows of the best roster, three
 * kinds in turn: blocks of days from the start of the horizon on, each
 * half over the last; pairs of shorter blocks, one drawn where people are
 * short and one where there are too many (work moves between them, which
 * minimum and maximum minutes forbid within one block); weekends. FALSE
 * when windows do not apply. */
static gboolean
window_search (Search *s)
{
  int D = s->D, first = s->window_first;
  int covers = (int) (s->pb->covers->len + s->pb->interval_covers->len);
  /* as many days as the LP's rows allow, at most WINDOW_DAYS or a third
   * of a longer horizon (twice WINDOW_DAYS for weekends, of which a window
   * holds only a part). On 84 days, windows of two weeks each end proven
   * optimal within a fifth of a second and gain nothing, while one run in
   * two keeps a weekend shift short that windows of four weeks re-pack. */
  int fit = (CG_MAX_ROWS - s->P) * D / MAX (covers, 1);
  int len = CLAMP (D / 3, WINDOW_DAYS, WINDOW_DAYS_MAX);
  int w = MIN (MIN (len, fit), D), w_weekends = MIN (2 * WINDOW_DAYS, fit);
  g_autofree guint8 *window = g_new0 (guint8, D);
  g_autofree double *under = g_new0 (double, D);
  g_autofree double *over = g_new0 (double, D);

  if (w < 2)
    return FALSE;
  restore_best (s);
  for (int round = 0; round < WINDOW_ROUND && window_applicable (s) && !should_stop (s); round++)
    {
      int turn = s->windows;
      int kind = s->ix->n_weekends > 1 ? turn % 3 : turn % 2;

      memset (window, 0, D);
      if (kind == 2)
        {
          /* weekends, with the days either side, drawn with odds by
           * people short on them and by people over: a weekend worked
           * counts whole against the limit, so shifts move between
           * weekends */
          day_penalties (s, under, over);
          g_debug ("window: %d days around weekends", draw_weekends (s, under, over, w_weekends, window));
        }
      else if (kind == 0 || w < 4)
        {
          memset (window + first, 1, MIN (first + w, D) - first);
          g_debug ("window: days %d–%d", first, MIN (first + w, D) - 1);
          first = first + w >= D ? 0 : first + MAX (1, w / 2);
        }
      else
        {
          int a, b;

          day_penalties (s, under, over);
          a = draw_block (s, under, w / 2, window);
          if (a < 0)
            break;
          memset (window + a, 1, w / 2);
          b = draw_block (s, over, w / 2, window);
          if (b >= 0)
            {
              memset (window + b, 1, w / 2);
              g_debug ("window: days %d–%d and %d–%d", a, a + w / 2 - 1, b, b + w / 2 - 1);
            }
          else
            g_debug ("window: days %d–%d", a, a + w / 2 - 1);
        }
      cg_window (s, window, MAX (WINDOW_TIME, WINDOW_SECONDS / s->shared->options->time_limit));
      s->windows++;
      report (s, TRUE);
    }
  s->window_first = first;
  return TRUE;
}

/* The nodes a search of rows in a move may take: @limit on up to LONG_ROW
 * days, then less with the square of the horizon. On long horizons those
 * searches seldom end within their budget, and what they find, they find
 * early: on Instance 22 (364 days), one row's search in eight ran out of
 * nodes and took 86 % of them all, and of those that found a better row
 * before running out, nearly half found it within 500 nodes. With budgets
 * of 3,000 to 4,000 nodes instead of 20,000, its local search made 74 %
 * more moves and ended 5 % lower. Instances 15 and 19 (42 and 84 days),
 * whose searches often find a better row late, ended higher so. */
static gint64
row_budget (int    days,
            gint64 limit)
{
  double f = days > LONG_ROW ? (double) LONG_ROW / days : 1.0;

  return MAX (ROW_NODE_MIN, (gint64) (limit * f * f));
}

static void
search_init (Search *s,
             Shared *sh,
             int     index)
{
  const ScRosterProblem *pb = sh->pb;
  g_autoptr(ScRosterSolution) empty = sc_roster_solution_new_for_problem (pb);

  memset (s, 0, sizeof *s);
  s->shared = sh;
  s->index = index;
  s->lower_bound = -1;
  s->pb = pb;
  s->D = pb->n_days;
  s->T = pb->n_shift_types;
  s->P = pb->n_people;
  s->ev = sc_roster_eval_new (pb, empty);
  s->ix = _sc_roster_eval_get_index (s->ev);
  s->row_limit = row_budget (s->D, ROW_NODE_LIMIT);
  s->chain_limit = row_budget (s->D, CHAIN_NODE_LIMIT);
  s->pair_limit = row_budget (s->D, PAIR_NODE_LIMIT);
  s->rng = g_rand_new_with_seed (sh->options->seed + (guint32) index);
  _sc_row_solver_init (&s->rs, pb, s->ix);
  _sc_row_solver_init (&s->rs2, pb, s->ix);
  /* no row search runs past the time limit */
  if (sh->options->time_limit > 0)
    s->rs.deadline = s->rs2.deadline = sh->start_time + (gint64) (sh->options->time_limit * 1e6);
  s->pair_cost = g_new0 (gint64, (gsize) s->D * s->ix->n_values * s->ix->n_values);
  s->pair_best = g_new0 (gint8, 2 * (gsize) s->D);
  s->saved = g_new0 (gint8, (gsize) MAX (s->P, 1) * s->D);
  s->row = g_new0 (gint8, s->D);
  s->chosen = g_new0 (int, MAX (s->P, 1));
  s->is_chosen = g_new0 (guint8, MAX (s->P, 1));
  s->was_feasible = g_new0 (guint8, MAX (s->P, 1));
  s->free_day = g_new0 (guint8, s->D);
  s->force_day = -1;
  s->building = -1;
  s->force_off = g_new0 (guint8, s->D);
  s->wk_start = g_new0 (int, s->ix->n_weekends + 1);
  s->wk_days = g_new0 (int, MAX (s->D, 1));
  s->weekend_kept = g_new0 (gint8, MAX (s->D, 1));
  for (int d = 0; d < s->D; d++)
    if (s->ix->weekend[d] >= 0)
      s->wk_start[s->ix->weekend[d] + 1]++;
  for (int w = 0; w < s->ix->n_weekends; w++)
    s->wk_start[w + 1] += s->wk_start[w];
  for (int d = 0, n = 0; d < s->D; d++)
    if (s->ix->weekend[d] >= 0)
      s->wk_days[n++] = d;
  s->cover_short = g_new0 (int, MAX (pb->covers->len, 1));
  s->chain_tried = g_new0 (int, MAX (s->P, 1));
  s->scratch = g_new0 (gint8, 2 * (gsize) s->D);
  s->best = sc_roster_solution_new_for_problem (pb);
  s->best_total = COST_INF;
}

static void
search_clear (Search *s)
{
  sc_roster_eval_free (s->ev);
  g_rand_free (s->rng);
  _sc_row_solver_clear (&s->rs);
  _sc_row_solver_clear (&s->rs2);
  g_free (s->pair_cost);
  g_free (s->pair_best);
  g_free (s->saved);
  g_free (s->row);
  g_free (s->chosen);
  g_free (s->is_chosen);
  g_free (s->was_feasible);
  g_free (s->free_day);
  g_free (s->force_off);
  g_free (s->wk_start);
  g_free (s->wk_days);
  g_free (s->weekend_kept);
  g_free (s->cover_short);
  g_free (s->chain_tried);
  g_free (s->scratch);
  sc_roster_solution_free (s->best);
  cg_free (s->cg);
}

static gpointer
search_run (gpointer data)
{
  Search *s = data;
  gint64 bound;

  construct (s, s->shared->initial);
  save_best (s);
  g_debug ("first roster: %" G_GINT64_FORMAT ", %.2f s", s->best_total, elapsed (s->shared));
  report (s, TRUE);

  if (s->P == 0)
    return NULL;

  /* in every search, each with its own seed: runs differ in where their
   * dives lead, and the best of two ends far less often on the worse
   * side than one */
  bound = column_generation (s);
  if (bound >= 0)
    s->lower_bound = MAX (s->lower_bound, bound);
  report (s, TRUE);
  /* the first search around the best roster comes at once */
  s->half_cycle = -1;

  while (!should_stop (s))
    {
      const ScRosterSolverOptions *o = s->shared->options;
      double phase;
      gint64 cycle;

      /* annealing cycles from T_START to T_END: of ANNEAL_CYCLE iterations
       * when the run is bounded by iterations (reproducible), otherwise
       * TIME_CYCLES cycles over the time limit, whatever the speed */
      if (o->max_iterations > 0 || o->time_limit <= 0)
        {
          cycle = s->iterations / ANNEAL_CYCLE;
          phase = (double) (s->iterations % ANNEAL_CYCLE) / ANNEAL_CYCLE;
        }
      else
        {
          double f = elapsed (s->shared) / o->time_limit * TIME_CYCLES;

          cycle = (gint64) f;
          phase = f - (double) cycle;
        }
      /* each new cycle starts again from the best roster; each half cycle
       * begins with a search around it by branch and price */
      if (cycle != s->cycle)
        {
          s->cycle = cycle;
          if (current_total (s) > s->best_total)
            restore_best (s);
        }
      if (s->cg && cycle * 2 + (phase >= 0.5) != s->half_cycle)
        {
          gint64 before = s->best_total;

          s->half_cycle = cycle * 2 + (phase >= 0.5);
          cg_rins (s);
          if (should_stop (s))
            break;
          /* one that found a better roster goes on at once */
          if (s->best_total < before)
            s->half_cycle = -1;
        }
      /* branch and price over windows of the horizon, once the local
       * search has brought the roster down (in time-limited runs: the
       * windows take time, not iterations); with branch and price over
       * the whole horizon too, whose dives around the best roster keep
       * most of it as it is */
      if (o->time_limit > 0 && fraction_used (s) >= WINDOW_FROM &&
          fraction_used (s) < WINDOW_UNTIL && elapsed (s->shared) >= s->lns_from_time + s->window_slice)
        {
          double now = elapsed (s->shared);
          gint64 before = s->best_total;
          /* whichever gained faster in its last turn, the local search
           * (over the time since the last round) or the windows, has the
           * next: a round, or as long again for the local search */
          double lns_rate = s->windows > 0 ? (s->lns_from_total - before) / MAX (now - s->lns_from_time, 1e-3) : 0;

          if (s->windows == 0 || s->window_rate >= lns_rate)
            {
              if (!window_search (s))
                {
                  s->window_slice = G_MAXDOUBLE;
                  continue;
                }
              s->window_slice = elapsed (s->shared) - now;
              s->window_rate = (before - s->best_total) / MAX (s->window_slice, 1e-3);
            }
          s->lns_from_time = elapsed (s->shared);
          s->lns_from_total = s->best_total;
          continue;
        }
      s->temperature = T_START * pow (T_END / T_START, phase);
      {
        int kind = g_rand_int_range (s->rng, 0, 100);

        if (s->P >= 2 && kind < P_PAIR)
          pair_move (s);
        else if (kind < P_PAIR + P_CHAIN)
          {
            if (!chain_move (s))
              lns_move (s);
          }
        else if (kind >= P_PAIR + P_CHAIN + P_WEEKEND || !weekend_move (s))
          lns_move (s);
      }
      swap_moves (s);
      s->iterations++;
      if ((s->iterations & 63) == 0)
        report (s, FALSE);
    }
  report (s, TRUE);
  return NULL;
}

void
sc_roster_solver_options_init (ScRosterSolverOptions *options)
{
  memset (options, 0, sizeof *options);
  options->seed = 1;
  options->time_limit = 10;
  options->n_threads = 1;
}

int
sc_roster_solver_threads (void)
{
  return CLAMP (g_get_num_processors (), 1, 2);
}

ScRosterSolution *
sc_roster_solve (const ScRosterProblem       *problem,
                 const ScRosterSolution      *initial,
                 const ScRosterSolverOptions *options,
                 GCancellable                *cancellable,
                 ScRosterSolverStats         *stats)
{
  Shared sh = { 0 };
  ScRosterSolverOptions defaults;
  ScRosterSolution *result;
  int n_threads, best_index = 0;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (initial == NULL || (initial->n_people == problem->n_people &&
                                            initial->n_days == problem->n_days), NULL);

  if (options == NULL)
    {
      sc_roster_solver_options_init (&defaults);
      options = &defaults;
    }
  n_threads = CLAMP (options->n_threads, 1, 64);

  sh.pb = problem;
  sh.initial = initial;
  sh.options = options;
  sh.cancellable = cancellable;
  sh.start_time = g_get_monotonic_time ();
  sh.best_total = COST_INF;
  sh.lower_bound = -1;
  sh.n_threads = n_threads;
  g_mutex_init (&sh.mutex);
  sh.searches = g_new0 (Search, n_threads);

  for (int i = 0; i < n_threads; i++)
    search_init (&sh.searches[i], &sh, i);

  if (n_threads == 1)
    search_run (&sh.searches[0]);
  else
    {
      g_autofree GThread **threads = g_new0 (GThread *, n_threads);

      for (int i = 1; i < n_threads; i++)
        threads[i] = g_thread_new ("sc-roster-solver", search_run, &sh.searches[i]);
      search_run (&sh.searches[0]);
      for (int i = 1; i < n_threads; i++)
        g_thread_join (threads[i]);
    }

  for (int i = 1; i < n_threads; i++)
    if (sh.searches[i].best_total < sh.searches[best_index].best_total)
      best_index = i;
  result = sc_roster_solution_copy (sh.searches[best_index].best);

  if (stats)
    {
      g_autoptr(ScRosterScore) score = sc_roster_score_compute (problem, result, FALSE);

      memset (stats, 0, sizeof *stats);
      for (int i = 0; i < n_threads; i++)
        {
          stats->iterations += sh.searches[i].iterations;
          stats->windows += sh.searches[i].windows;
        }
      stats->seconds = elapsed (&sh);
      stats->seconds_to_best = sh.searches[best_index].time_to_best;
      stats->hard_violations = score->hard_violations;
      stats->objective = score->objective;
      stats->lower_bound = sh.lower_bound;
    }

  for (int i = 0; i < n_threads; i++)
    search_clear (&sh.searches[i]);
  g_free (sh.searches);
  g_mutex_clear (&sh.mutex);
  return result;
}

/* ---- async ----------------------------------------------------------- */

typedef struct
{
  const ScRosterProblem  *problem;
  const ScRosterSolution *initial;
  ScRosterSolverOptions   options;
} SolveData;

static void
solve_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SolveData *data = task_data;
  ScRosterSolution *solution;

  solution = sc_roster_solve (data->problem, data->initial, &data->options, cancellable, NULL);
  g_task_return_pointer (task, solution, (GDestroyNotify) sc_roster_solution_free);
}

void
sc_roster_solve_async (const ScRosterProblem       *problem,
                       const ScRosterSolution      *initial,
                       const ScRosterSolverOptions *options,
                       GCancellable                *cancellable,
                       GAsyncReadyCallback          callback,
                       gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  SolveData *data;

  g_return_if_fail (problem != NULL);

  data = g_new0 (SolveData, 1);
  data->problem = problem;
  data->initial = initial;
  if (options)
    data->options = *options;
  else
    sc_roster_solver_options_init (&data->options);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_roster_solve_async);
  g_task_set_task_data (task, data, g_free);
  /* cancelling returns the best roster so far, not an error */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, solve_thread);
}

ScRosterSolution *
sc_roster_solve_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
