/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-score"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-roster-private.h"

#define K_FAIR SC_ROSTER_N_FAIR

struct _ScRosterEval
{
  ScRosterIndex    *ix;           /* owned */
  ScRosterSolution *solution;     /* owned */
  int              *cover_count;  /* per cover: qualified people working it */
  int              *icover_count; /* per interval cover */
  int              *row_count;    /* per person: hard violations */
  gint64           *row_penalty;  /* per person: hard penalty */
  int               hard_count;
  gint64            hard_penalty;
  gint64            objective;
  gint8            *tmp_row;
  /* fairness */
  int              *fair_x;       /* [p * K_FAIR + k]: nights, weekends, minutes */
  guint8           *weekend_days; /* [p * n_weekends + w]: days worked in that weekend */
  ScRosterFairSums *fair_sums;    /* [g * K_FAIR + k] */
};

static const char *rule_names[SC_ROSTER_N_RULES] = {
  "unavailable",
  "locked",
  "succession",
  "max-shifts-of-type",
  "min-minutes",
  "max-minutes",
  "max-consecutive-work",
  "min-consecutive-work",
  "min-consecutive-off",
  "max-weekends",
  "cover-under",
  "cover-over",
  "interval-under",
  "interval-over",
  "shift-on-request",
  "shift-off-request",
  "nights-spread",
  "weekends-spread",
  "hours-spread",
};

gboolean
sc_roster_rule_is_hard (ScRosterRule rule)
{
  return rule < SC_ROSTER_FIRST_SOFT_RULE;
}

const char *
sc_roster_rule_get_name (ScRosterRule rule)
{
  g_return_val_if_fail (rule < SC_ROSTER_N_RULES, NULL);
  return rule_names[rule];
}

gboolean
sc_roster_rule_is_spread (ScRosterRule rule)
{
  return rule == SC_ROSTER_RULE_NIGHTS_SPREAD || rule == SC_ROSTER_RULE_WEEKENDS_SPREAD ||
         rule == SC_ROSTER_RULE_HOURS_SPREAD;
}

/**
 * sc_roster_violation_describe_spread:
 * @person_name: how to call the person
 *
 * Returns: (transfer full) (nullable): a fairness entry in words, or %NULL
 *   for the other rules
 */
char *
sc_roster_violation_describe_spread (const ScRosterViolation *violation,
                                     const char              *person_name)
{
  g_return_val_if_fail (violation != NULL, NULL);

  switch (violation->rule)
    {
    case SC_ROSTER_RULE_NIGHTS_SPREAD:
      /* Translators: a fairness entry of a roster's score: “Nights spread:
       * Li Na 6 nights, fair share 3.2”; the fair share is the team's
       * average, less for someone away part of the period */
      return g_strdup_printf (ngettext ("Nights spread: %s %d night, fair share %.1f",
                                        "Nights spread: %s %d nights, fair share %.1f",
                                        violation->amount),
                              person_name, violation->amount, violation->expected);
    case SC_ROSTER_RULE_WEEKENDS_SPREAD:
      /* Translators: “Weekends spread: Li Na 3 weekends worked, fair share 1.8” */
      return g_strdup_printf (ngettext ("Weekends spread: %s %d weekend worked, fair share %.1f",
                                        "Weekends spread: %s %d weekends worked, fair share %.1f",
                                        violation->amount),
                              person_name, violation->amount, violation->expected);
    case SC_ROSTER_RULE_HOURS_SPREAD:
      /* Translators: “Hours spread: Li Na 168.0 h worked, fair share 152.5 h”;
       * the fair share follows each person's contracted hours */
      return g_strdup_printf (_("Hours spread: %s %.1f h worked, fair share %.1f h"),
                              person_name, violation->amount / 60.0, violation->expected / 60.0);
    default:
      return NULL;
    }
}

/* ---- index ---------------------------------------------------------- */

/* Fairness shares: nights and weekends in proportion to the days (weekends)
 * a person is available, hours to their target times those days; someone
 * who may work no night shift is left out of the nights term. */
static void
index_fairness (ScRosterIndex         *ix,
                const ScRosterProblem *problem)
{
  int D = ix->n_days, T = ix->n_types, P = ix->n_people;
  g_autofree guint8 *weekend_seen = g_new0 (guint8, MAX (ix->n_weekends, 1));

  ix->fair_on = sc_roster_problem_has_fairness (problem) && P > 0;
  if (!ix->fair_on)
    return;

  ix->night = g_new0 (guint8, MAX (T, 1));
  for (int t = 0; t < T; t++)
    ix->night[t] = problem->shift_types[t].night ? 1 : 0;
  ix->fair_group = g_new (int, P);
  ix->n_groups = 1;
  for (int p = 0; p < P; p++)
    {
      ix->fair_group[p] = MAX (problem->people[p].fairness_group, 0);
      ix->n_groups = MAX (ix->n_groups, ix->fair_group[p] + 1);
    }
  ix->fair_share = g_new0 (gint64, (gsize) P * K_FAIR);
  ix->fair_total = g_new0 (gint64, (gsize) ix->n_groups * K_FAIR * 3);

  for (int p = 0; p < P; p++)
    {
      const guint8 *unavailable = problem->unavailable + (gsize) p * D;
      gint64 *share = ix->fair_share + (gsize) p * K_FAIR;
      int available = 0, weekends = 0;
      gboolean nights_allowed = FALSE;

      memset (weekend_seen, 0, MAX (ix->n_weekends, 1));
      for (int d = 0; d < D; d++)
        {
          if (unavailable[d])
            continue;
          available++;
          if (ix->weekend[d] >= 0 && !weekend_seen[ix->weekend[d]])
            {
              weekend_seen[ix->weekend[d]] = 1;
              weekends++;
            }
        }
      for (int t = 0; t < T; t++)
        if (ix->night[t] && problem->max_shifts[p * T + t] > 0)
          nights_allowed = TRUE;

      share[SC_ROSTER_FAIR_NIGHTS] = nights_allowed ? available : 0;
      share[SC_ROSTER_FAIR_WEEKENDS] = weekends;
      share[SC_ROSTER_FAIR_HOURS] = ((gint64) sc_roster_problem_get_fairness_target (problem, p) * available +
                                     D / 2) / D;
      for (int k = 0; k < K_FAIR; k++)
        {
          gint64 *total = ix->fair_total + ((gsize) ix->fair_group[p] * K_FAIR + k) * 3;

          if (problem->fairness_weight[k] <= 0)
            share[k] = 0;
          if (share[k] <= 0)
            continue;
          total[0]++;
          total[1] += share[k];
          total[2] += share[k] * share[k];
        }
    }
}

/* weight × Σ (x − share × X / S)² / unit, from the sums: exact in integers
 * when every share is the same, else in double precision; rounded to the
 * nearest integer. A function of the sums only. */
gint64
_sc_roster_fair_cost (const ScRosterIndex    *ix,
                      int                     group,
                      int                     kind,
                      const ScRosterFairSums *sums)
{
  const gint64 *total = ix->fair_total + ((gsize) group * K_FAIR + kind) * 3;
  gint64 w = ix->problem->fairness_weight[kind];
  double unit = kind == SC_ROSTER_FAIR_HOURS ? 3600.0 : 1.0;
  double x = (double) sums->sum, S = (double) total[1], dev;

  if (w <= 0 || total[0] < 2)
    return 0;
  if (total[1] * total[1] == total[0] * total[2] && kind != SC_ROSTER_FAIR_HOURS)
    {
      /* equal shares: Σ (x − X/n)² = (n Σx² − X²) / n */
      gint64 n = total[0];
      gint64 num = w * (n * sums->sum_sq - sums->sum * sums->sum);

      return (num + n / 2) / n;
    }
  dev = (double) sums->sum_sq - 2.0 * x * (double) sums->sum_share / S + x * x * (double) total[2] / (S * S);
  if (dev <= 0)
    return 0;
  return (gint64) floor ((double) w * dev / unit + 0.5);
}

static int
request_cost (const ScRosterRequest *r,
              int                    value)
{
  gboolean hit = r->shift == SC_ROSTER_ANY ? value != SC_ROSTER_OFF : value == r->shift;

  return (r->on ? !hit : hit) ? r->weight : 0;
}

ScRosterIndex *
_sc_roster_index_new (const ScRosterProblem *problem)
{
  ScRosterIndex *ix = g_new0 (ScRosterIndex, 1);
  int D = problem->n_days, T = problem->n_shift_types, P = problem->n_people;
  int V = T + 1, n_cells = D * T;
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) problem->covers->data;
  const ScRosterIntervalCover *icovers = (const ScRosterIntervalCover *) (gpointer) problem->interval_covers->data;
  int *fill;

  ix->problem = problem;
  ix->n_days = D;
  ix->n_types = T;
  ix->n_people = P;
  ix->n_values = V;

  ix->weekend = g_new (int, D);
  for (int d = 0; d < D; d++)
    ix->weekend[d] = sc_roster_problem_get_weekend (problem, d);
  ix->n_weekends = sc_roster_problem_get_n_weekends (problem);

  /* covers by (day, shift type) */
  ix->cover_start = g_new0 (int, n_cells + 1);
  for (guint i = 0; i < problem->covers->len; i++)
    ix->cover_start[covers[i].day * T + covers[i].shift + 1]++;
  for (int c = 0; c < n_cells; c++)
    ix->cover_start[c + 1] += ix->cover_start[c];
  ix->cover_list = g_new (int, MAX (problem->covers->len, 1));
  fill = g_memdup2 (ix->cover_start, sizeof (int) * (n_cells + 1));
  for (guint i = 0; i < problem->covers->len; i++)
    ix->cover_list[fill[covers[i].day * T + covers[i].shift]++] = (int) i;
  g_free (fill);

  /* interval covers spanned by each (day, shift type) */
  ix->icover_start = g_new0 (int, n_cells + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      int n = 0;

      for (int d = 0; d < D; d++)
        for (int t = 0; t < T; t++)
          {
            int from = d * 1440 + problem->shift_types[t].start_minute;
            int to = from + problem->shift_types[t].length;

            if (pass == 0)
              ix->icover_start[d * T + t] = n;
            for (guint i = 0; i < problem->interval_covers->len; i++)
              if (icovers[i].start >= from && icovers[i].start + icovers[i].length <= to)
                {
                  if (pass == 1)
                    ix->icover_list[n] = (int) i;
                  n++;
                }
          }
      if (pass == 0)
        {
          ix->icover_start[n_cells] = n;
          ix->icover_list = g_new (int, MAX (n, 1));
        }
    }

  /* request costs per cell and value */
  ix->cell_cost = g_new0 (int, (gsize) P * D * V);
  for (guint i = 0; i < problem->requests->len; i++)
    {
      const ScRosterRequest *r = &g_array_index (problem->requests, ScRosterRequest, i);
      int *cell = ix->cell_cost + ((gsize) r->person * D + r->day) * V;

      for (int v = SC_ROSTER_OFF; v < T; v++)
        cell[v + 1] += request_cost (r, v);
    }

  index_fairness (ix, problem);

  return ix;
}

void
_sc_roster_index_free (ScRosterIndex *ix)
{
  if (ix == NULL)
    return;
  g_free (ix->weekend);
  g_free (ix->cover_start);
  g_free (ix->cover_list);
  g_free (ix->icover_start);
  g_free (ix->icover_list);
  g_free (ix->cell_cost);
  g_free (ix->night);
  g_free (ix->fair_group);
  g_free (ix->fair_share);
  g_free (ix->fair_total);
  g_free (ix);
}

/* ---- hard rules of one row ------------------------------------------ */

static inline void
add_violation (GArray       *violations,
               ScRosterRule  rule,
               int           person,
               int           day,
               int           index,
               int           amount,
               gint64        cost)
{
  ScRosterViolation v = { rule, person, day, index, amount, cost, 0 };

  g_array_append_val (violations, v);
}

#define HARD(rule_, day_, index_, amount_, penalty_) \
  G_STMT_START { \
    n++; \
    pen += (penalty_); \
    if (violations) \
      add_violation (violations, rule_, person, day_, index_, amount_, penalty_); \
  } G_STMT_END

void
_sc_roster_row_hard (const ScRosterIndex *ix,
                     int                  person,
                     const gint8         *row,
                     int                 *count,
                     gint64              *penalty,
                     GArray              *violations)
{
  const ScRosterProblem *pb = ix->problem;
  const ScRosterPerson *pp = &pb->people[person];
  const guint8 *unavailable = pb->unavailable + (gsize) person * ix->n_days;
  const gint8 *locked = pb->locked + (gsize) person * ix->n_days;
  const int *max_shifts = pb->max_shifts + (gsize) person * ix->n_types;
  int D = ix->n_days, T = ix->n_types;
  int type_count[SC_ROSTER_MAX_SHIFT_TYPES] = { 0 };
  guint64 weekends_seen[4] = { 0 };
  guint8 *weekends_big = NULL;
  int n = 0, n_weekends = 0, minutes = 0;
  gint64 pen = 0;
  int run_start = 0;

  if (ix->n_weekends > 256)
    weekends_big = g_new0 (guint8, ix->n_weekends);

  for (int d = 0; d < D; d++)
    {
      int v = row[d];

      if (v != SC_ROSTER_OFF && unavailable[d])
        HARD (SC_ROSTER_RULE_UNAVAILABLE, d, v, 1, 1);
      if (locked[d] != SC_ROSTER_UNLOCKED && locked[d] != v)
        HARD (SC_ROSTER_RULE_LOCKED, d, locked[d], 1, 1);
      if (v == SC_ROSTER_OFF)
        continue;
      type_count[v]++;
      minutes += pb->shift_types[v].length;
      if (d > 0 && row[d - 1] != SC_ROSTER_OFF && pb->forbidden[row[d - 1] * T + v])
        HARD (SC_ROSTER_RULE_SUCCESSION, d, v, 1, 1);
      if (ix->weekend[d] >= 0)
        {
          int w = ix->weekend[d];

          if (weekends_big)
            {
              if (!weekends_big[w])
                n_weekends++;
              weekends_big[w] = 1;
            }
          else if (!(weekends_seen[w >> 6] & (G_GUINT64_CONSTANT (1) << (w & 63))))
            {
              weekends_seen[w >> 6] |= G_GUINT64_CONSTANT (1) << (w & 63);
              n_weekends++;
            }
        }
    }
  g_free (weekends_big);

  for (int t = 0; t < T; t++)
    if (type_count[t] > max_shifts[t])
      HARD (SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE, -1, t, type_count[t] - max_shifts[t],
            type_count[t] - max_shifts[t]);
  if (minutes < pp->min_minutes)
    HARD (SC_ROSTER_RULE_MIN_MINUTES, -1, -1, pp->min_minutes - minutes,
          (pp->min_minutes - minutes + 59) / 60);
  if (minutes > pp->max_minutes)
    HARD (SC_ROSTER_RULE_MAX_MINUTES, -1, -1, minutes - pp->max_minutes,
          (minutes - pp->max_minutes + 59) / 60);
  if (n_weekends > pp->max_weekends)
    HARD (SC_ROSTER_RULE_MAX_WEEKENDS, -1, -1, n_weekends - pp->max_weekends,
          n_weekends - pp->max_weekends);

  /* blocks of working days and of days off */
  for (int d = 1; d <= D; d++)
    {
      if (d < D && (row[d] == SC_ROSTER_OFF) == (row[run_start] == SC_ROSTER_OFF))
        continue;

      {
        int len = d - run_start;
        gboolean interior = run_start > 0 && d < D;

        if (row[run_start] != SC_ROSTER_OFF)
          {
            if (len > pp->max_consecutive_work)
              HARD (SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK, run_start, -1,
                    len - pp->max_consecutive_work, len - pp->max_consecutive_work);
            if (interior && len < pp->min_consecutive_work)
              HARD (SC_ROSTER_RULE_MIN_CONSECUTIVE_WORK, run_start, -1,
                    pp->min_consecutive_work - len, pp->min_consecutive_work - len);
          }
        else if (interior && len < pp->min_consecutive_off)
          HARD (SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF, run_start, -1,
                pp->min_consecutive_off - len, pp->min_consecutive_off - len);
      }
      run_start = d;
    }

  *count = n;
  *penalty = pen;
}

#undef HARD

/* ---- full score ----------------------------------------------------- */

typedef struct
{
  int    person;
  gint64 cost;
  double fraction;
} FairPart;

static int
compare_fraction_desc (gconstpointer a,
                       gconstpointer b)
{
  const FairPart *x = a, *y = b;

  if (x->fraction != y->fraction)
    return x->fraction > y->fraction ? -1 : 1;
  return x->person - y->person;
}

/* the furthest from their share first */
static int
compare_cost_desc (gconstpointer a,
                   gconstpointer b)
{
  const FairPart *x = a, *y = b;

  if (x->cost != y->cost)
    return x->cost > y->cost ? -1 : 1;
  return x->person - y->person;
}

/* One entry per person with a share of a group's fairness cost: each
 * person's own (x − fair share)², rounded down, and the rest of the
 * group's cost given out by largest remainders; the largest first */
static void
add_fairness (const ScRosterIndex    *ix,
              const ScRosterSolution *solution,
              GArray                 *violations)
{
  int P = ix->n_people, D = ix->n_days, G = ix->n_groups;
  const ScRosterProblem *pb = ix->problem;
  g_autofree int *x = g_new0 (int, (gsize) P * K_FAIR);
  g_autofree ScRosterFairSums *sums = g_new0 (ScRosterFairSums, (gsize) G * K_FAIR);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (ix->n_weekends, 1));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (FairPart));

  for (int p = 0; p < P; p++)
    {
      int *xp = x + (gsize) p * K_FAIR;

      memset (seen, 0, MAX (ix->n_weekends, 1));
      for (int d = 0; d < D; d++)
        {
          int v = sc_roster_solution_get (solution, p, d);
          int w = ix->weekend[d];

          if (v == SC_ROSTER_OFF)
            continue;
          xp[SC_ROSTER_FAIR_NIGHTS] += ix->night[v];
          xp[SC_ROSTER_FAIR_HOURS] += pb->shift_types[v].length;
          if (w >= 0 && !seen[w])
            {
              seen[w] = 1;
              xp[SC_ROSTER_FAIR_WEEKENDS]++;
            }
        }
      for (int k = 0; k < K_FAIR; k++)
        {
          gint64 share = ix->fair_share[(gsize) p * K_FAIR + k];
          ScRosterFairSums *sum = &sums[ix->fair_group[p] * K_FAIR + k];

          if (share == 0)
            continue;
          sum->sum += xp[k];
          sum->sum_sq += (gint64) xp[k] * xp[k];
          sum->sum_share += share * xp[k];
        }
    }

  for (int g = 0; g < G; g++)
    for (int k = 0; k < K_FAIR; k++)
      {
        const gint64 *total = ix->fair_total + ((gsize) g * K_FAIR + k) * 3;
        const ScRosterFairSums *sum = &sums[g * K_FAIR + k];
        gint64 cost = _sc_roster_fair_cost (ix, g, k, sum);
        double unit = k == SC_ROSTER_FAIR_HOURS ? 3600.0 : 1.0;
        gint64 rest = cost;

        if (cost == 0)
          continue;

        g_array_set_size (parts, 0);
        for (int p = 0; p < P; p++)
          {
            gint64 share = ix->fair_share[(gsize) p * K_FAIR + k];
            double dev, c;
            FairPart part;

            if (share == 0 || ix->fair_group[p] != g)
              continue;
            dev = x[(gsize) p * K_FAIR + k] - (double) share * sum->sum / total[1];
            c = pb->fairness_weight[k] * dev * dev / unit;
            part.person = p;
            part.cost = (gint64) floor (c);
            part.fraction = c - floor (c);
            rest -= part.cost;
            g_array_append_val (parts, part);
          }

        g_array_sort (parts, compare_fraction_desc);
        for (guint i = 0; rest > 0; i = (i + 1) % parts->len, rest--)
          g_array_index (parts, FairPart, i).cost++;
        for (guint i = parts->len; rest < 0; i = i > 0 ? i - 1 : parts->len)
          if (i < parts->len && g_array_index (parts, FairPart, i).cost > 0)
            {
              g_array_index (parts, FairPart, i).cost--;
              rest++;
            }
        g_array_sort (parts, compare_cost_desc);

        for (guint i = 0; i < parts->len; i++)
          {
            const FairPart *part = &g_array_index (parts, FairPart, i);
            gint64 share = ix->fair_share[(gsize) part->person * K_FAIR + k];
            ScRosterViolation v = {
              SC_ROSTER_RULE_NIGHTS_SPREAD + k, part->person, -1, g,
              x[(gsize) part->person * K_FAIR + k], part->cost,
              (double) share * sum->sum / total[1],
            };

            if (part->cost != 0)
              g_array_append_val (violations, v);
          }
      }
}

ScRosterScore *
sc_roster_score_compute (const ScRosterProblem  *problem,
                         const ScRosterSolution *solution,
                         gboolean                list_violations)
{
  ScRosterScore *score;
  ScRosterIndex *ix;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (ScRosterViolation));
  g_autofree int *cover_count = NULL;
  g_autofree int *icover_count = NULL;
  int D, T, P;

  g_return_val_if_fail (problem != NULL && solution != NULL, NULL);
  g_return_val_if_fail (solution->n_people == problem->n_people &&
                        solution->n_days == problem->n_days, NULL);

  ix = _sc_roster_index_new (problem);
  D = ix->n_days;
  T = ix->n_types;
  P = ix->n_people;

  for (int p = 0; p < P; p++)
    {
      int c;
      gint64 pen;

      _sc_roster_row_hard (ix, p, solution->cells + (gsize) p * D, &c, &pen, all);
    }

  cover_count = g_new0 (int, MAX (problem->covers->len, 1));
  icover_count = g_new0 (int, MAX (problem->interval_covers->len, 1));
  for (int p = 0; p < P; p++)
    {
      guint64 skills = problem->people[p].skills;

      for (int d = 0; d < D; d++)
        {
          int v = sc_roster_solution_get (solution, p, d);

          if (v == SC_ROSTER_OFF)
            continue;
          g_return_val_if_fail (v >= 0 && v < T, NULL);
          for (int k = ix->cover_start[d * T + v]; k < ix->cover_start[d * T + v + 1]; k++)
            {
              const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, ix->cover_list[k]);

              if (_sc_roster_qualifies (skills, c->skill))
                cover_count[ix->cover_list[k]]++;
            }
          for (int k = ix->icover_start[d * T + v]; k < ix->icover_start[d * T + v + 1]; k++)
            {
              const ScRosterIntervalCover *c = &g_array_index (problem->interval_covers,
                                                               ScRosterIntervalCover, ix->icover_list[k]);

              if (_sc_roster_qualifies (skills, c->skill))
                icover_count[ix->icover_list[k]]++;
            }
        }
    }

  for (guint i = 0; i < problem->covers->len; i++)
    {
      const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, i);
      int n = cover_count[i];

      if (n < c->required && c->under_weight != 0)
        add_violation (all, SC_ROSTER_RULE_COVER_UNDER, -1, c->day, (int) i, c->required - n,
                       (gint64) (c->required - n) * c->under_weight);
      else if (n > c->required && c->over_weight != 0)
        add_violation (all, SC_ROSTER_RULE_COVER_OVER, -1, c->day, (int) i, n - c->required,
                       (gint64) (n - c->required) * c->over_weight);
    }
  for (guint i = 0; i < problem->interval_covers->len; i++)
    {
      const ScRosterIntervalCover *c = &g_array_index (problem->interval_covers, ScRosterIntervalCover, i);
      int n = icover_count[i];
      int day = c->start >= 0 ? c->start / 1440 : -1;

      if (n < c->required && c->under_weight != 0)
        add_violation (all, SC_ROSTER_RULE_INTERVAL_UNDER, -1, day, (int) i, c->required - n,
                       (gint64) (c->required - n) * c->under_weight);
      else if (n > c->required && c->over_weight != 0)
        add_violation (all, SC_ROSTER_RULE_INTERVAL_OVER, -1, day, (int) i, n - c->required,
                       (gint64) (n - c->required) * c->over_weight);
    }
  for (guint i = 0; i < problem->requests->len; i++)
    {
      const ScRosterRequest *r = &g_array_index (problem->requests, ScRosterRequest, i);
      int cost = request_cost (r, sc_roster_solution_get (solution, r->person, r->day));

      if (cost != 0)
        add_violation (all, r->on ? SC_ROSTER_RULE_SHIFT_ON_REQUEST : SC_ROSTER_RULE_SHIFT_OFF_REQUEST,
                       r->person, r->day, (int) i, 1, cost);
    }
  if (ix->fair_on)
    add_fairness (ix, solution, all);

  score = g_new0 (ScRosterScore, 1);
  for (guint i = 0; i < all->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (all, ScRosterViolation, i);

      score->count[v->rule]++;
      score->total[v->rule] += v->cost;
      if (sc_roster_rule_is_hard (v->rule))
        {
          score->hard_violations++;
          score->hard_penalty += v->cost;
        }
      else
        score->objective += v->cost;
    }
  if (list_violations)
    score->violations = g_steal_pointer (&all);

  _sc_roster_index_free (ix);
  return score;
}

void
sc_roster_score_free (ScRosterScore *score)
{
  if (score == NULL)
    return;
  if (score->violations)
    g_array_unref (score->violations);
  g_free (score);
}

/* ---- incremental evaluation ----------------------------------------- */

/* Adds (sign = +1) or removes (−1) @person working @shift on @day to the
 * cover counts; returns the change of objective */
static gint64
move_person (ScRosterEval *self,
             int           person,
             int           day,
             int           shift,
             int           sign)
{
  const ScRosterIndex *ix = self->ix;
  const ScRosterProblem *pb = ix->problem;
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) pb->covers->data;
  const ScRosterIntervalCover *icovers = (const ScRosterIntervalCover *) (gpointer) pb->interval_covers->data;
  guint64 skills = pb->people[person].skills;
  int cell = day * ix->n_types + shift;
  gint64 delta = 0;

  for (int k = ix->cover_start[cell]; k < ix->cover_start[cell + 1]; k++)
    {
      int i = ix->cover_list[k];
      const ScRosterCover *c = &covers[i];

      if (!_sc_roster_qualifies (skills, c->skill))
        continue;
      delta -= _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, self->cover_count[i]);
      self->cover_count[i] += sign;
      delta += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, self->cover_count[i]);
    }
  for (int k = ix->icover_start[cell]; k < ix->icover_start[cell + 1]; k++)
    {
      int i = ix->icover_list[k];
      const ScRosterIntervalCover *c = &icovers[i];

      if (!_sc_roster_qualifies (skills, c->skill))
        continue;
      delta -= _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, self->icover_count[i]);
      self->icover_count[i] += sign;
      delta += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, self->icover_count[i]);
    }
  return delta;
}

gint64
sc_roster_eval_add_cost (ScRosterEval *self,
                         int           person,
                         int           day,
                         int           shift)
{
  const ScRosterIndex *ix = self->ix;
  const ScRosterProblem *pb = ix->problem;
  const ScRosterCover *covers = (const ScRosterCover *) (gpointer) pb->covers->data;
  const ScRosterIntervalCover *icovers = (const ScRosterIntervalCover *) (gpointer) pb->interval_covers->data;
  const int *cc = ix->cell_cost + ((gsize) person * ix->n_days + day) * ix->n_values;
  guint64 skills = pb->people[person].skills;
  int cell = day * ix->n_types + shift;
  gint64 delta = cc[shift + 1] - cc[0];

  for (int k = ix->cover_start[cell]; k < ix->cover_start[cell + 1]; k++)
    {
      int i = ix->cover_list[k];
      const ScRosterCover *c = &covers[i];
      int n = self->cover_count[i];

      if (_sc_roster_qualifies (skills, c->skill))
        delta += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, n + 1)
               - _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, n);
    }
  for (int k = ix->icover_start[cell]; k < ix->icover_start[cell + 1]; k++)
    {
      int i = ix->icover_list[k];
      const ScRosterIntervalCover *c = &icovers[i];
      int n = self->icover_count[i];

      if (_sc_roster_qualifies (skills, c->skill))
        delta += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, n + 1)
               - _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, n);
    }
  return delta;
}

/* Changes @person's count of @kind by @dx; returns the change of cost */
static gint64
fair_change (ScRosterEval *self,
             int           person,
             int           kind,
             int           dx)
{
  const ScRosterIndex *ix = self->ix;
  int *x = &self->fair_x[(gsize) person * K_FAIR + kind];
  gint64 share = ix->fair_share[(gsize) person * K_FAIR + kind];
  int g = ix->fair_group[person];
  ScRosterFairSums *sums;
  gint64 cost, delta;

  if (dx == 0)
    return 0;
  if (share == 0)
    {
      *x += dx;
      return 0;
    }
  sums = &self->fair_sums[g * K_FAIR + kind];
  sums->sum += dx;
  sums->sum_sq += (gint64) (*x + dx) * (*x + dx) - (gint64) *x * *x;
  sums->sum_share += share * dx;
  *x += dx;
  cost = _sc_roster_fair_cost (ix, g, kind, sums);
  delta = cost - sums->cost;
  sums->cost = cost;
  return delta;
}

static gint64
fair_set_cell (ScRosterEval *self,
               int           person,
               int           day,
               int           old,
               int           value)
{
  const ScRosterIndex *ix = self->ix;
  const ScRosterShiftType *types = ix->problem->shift_types;
  int w = ix->weekend[day];
  gint64 delta = 0;

  delta += fair_change (self, person, SC_ROSTER_FAIR_NIGHTS,
                        (value != SC_ROSTER_OFF ? ix->night[value] : 0) -
                        (old != SC_ROSTER_OFF ? ix->night[old] : 0));
  delta += fair_change (self, person, SC_ROSTER_FAIR_HOURS,
                        (value != SC_ROSTER_OFF ? types[value].length : 0) -
                        (old != SC_ROSTER_OFF ? types[old].length : 0));
  if (w >= 0)
    {
      guint8 *n = &self->weekend_days[(gsize) person * ix->n_weekends + w];
      int before = *n > 0;

      *n = (guint8) (*n + (value != SC_ROSTER_OFF) - (old != SC_ROSTER_OFF));
      delta += fair_change (self, person, SC_ROSTER_FAIR_WEEKENDS, (*n > 0) - before);
    }
  return delta;
}

static gint64
fair_delta_of (ScRosterEval *self,
               int           person,
               int           kind,
               int           value)
{
  const ScRosterIndex *ix = self->ix;
  gint64 share = ix->fair_share[(gsize) person * K_FAIR + kind];
  int g = ix->fair_group[person];
  int old = self->fair_x[(gsize) person * K_FAIR + kind];
  ScRosterFairSums sums;

  if (share == 0 || old == value)
    return 0;
  sums = self->fair_sums[g * K_FAIR + kind];
  sums.sum += value - old;
  sums.sum_sq += (gint64) value * value - (gint64) old * old;
  sums.sum_share += share * (value - old);
  return _sc_roster_fair_cost (ix, g, kind, &sums) - self->fair_sums[g * K_FAIR + kind].cost;
}

gint64
_sc_roster_eval_fair_delta (ScRosterEval *self,
                            int           person,
                            const int    *x)
{
  gint64 delta = 0;

  if (!self->ix->fair_on)
    return 0;
  for (int k = 0; k < K_FAIR; k++)
    delta += fair_delta_of (self, person, k, x[k]);
  return delta;
}

gint64
_sc_roster_eval_fair_min_delta (ScRosterEval *self,
                                int           person,
                                const int    *max,
                                int           minute_step)
{
  const ScRosterPerson *pp;
  gint64 bound = 0;

  if (!self->ix->fair_on)
    return 0;
  pp = &self->ix->problem->people[person];
  for (int k = 0; k < K_FAIR; k++)
    {
      int from = 0, to = max[k], step = 1;
      gint64 best = G_MAXINT64;

      if (self->ix->fair_share[(gsize) person * K_FAIR + k] == 0)
        continue;
      if (k == SC_ROSTER_FAIR_HOURS)
        {
          step = MAX (minute_step, 1);
          from = pp->min_minutes / step * step;
          if (pp->max_minutes != SC_ROSTER_NO_LIMIT)
            to = MIN (to, pp->max_minutes);
        }
      for (int v = from; v <= to; v += step)
        best = MIN (best, fair_delta_of (self, person, k, v));
      if (best != G_MAXINT64)
        bound += best;
    }
  return bound;
}

/* Sets one cell, keeping the cover counts and the objective (not the hard
 * rules) up to date; returns the change of objective */
static gint64
set_cell (ScRosterEval *self,
          int           person,
          int           day,
          int           value)
{
  const ScRosterIndex *ix = self->ix;
  gint8 *cell = &self->solution->cells[(gsize) person * ix->n_days + day];
  const int *cc = ix->cell_cost + ((gsize) person * ix->n_days + day) * ix->n_values;
  int old = *cell;
  gint64 delta;

  if (old == value)
    return 0;
  delta = cc[value + 1] - cc[old + 1];
  if (old != SC_ROSTER_OFF)
    delta += move_person (self, person, day, old, -1);
  if (value != SC_ROSTER_OFF)
    delta += move_person (self, person, day, value, +1);
  if (ix->fair_on)
    delta += fair_set_cell (self, person, day, old, value);
  *cell = (gint8) value;
  self->objective += delta;
  return delta;
}

static void
update_row_hard (ScRosterEval *self,
                 int           person)
{
  int c;
  gint64 pen;

  _sc_roster_row_hard (self->ix, person, self->solution->cells + (gsize) person * self->ix->n_days,
                       &c, &pen, NULL);
  self->hard_count += c - self->row_count[person];
  self->hard_penalty += pen - self->row_penalty[person];
  self->row_count[person] = c;
  self->row_penalty[person] = pen;
}

ScRosterEval *
sc_roster_eval_new (const ScRosterProblem  *problem,
                    const ScRosterSolution *solution)
{
  ScRosterEval *self;
  int P, D;

  g_return_val_if_fail (solution->n_people == problem->n_people &&
                        solution->n_days == problem->n_days, NULL);

  self = g_new0 (ScRosterEval, 1);
  self->ix = _sc_roster_index_new (problem);
  P = problem->n_people;
  D = problem->n_days;
  self->solution = sc_roster_solution_new (P, D);
  self->cover_count = g_new0 (int, MAX (problem->covers->len, 1));
  self->icover_count = g_new0 (int, MAX (problem->interval_covers->len, 1));
  self->row_count = g_new0 (int, MAX (P, 1));
  self->row_penalty = g_new0 (gint64, MAX (P, 1));
  self->tmp_row = g_new (gint8, D);
  if (self->ix->fair_on)
    {
      self->fair_x = g_new0 (int, (gsize) P * K_FAIR);
      self->weekend_days = g_new0 (guint8, (gsize) P * MAX (self->ix->n_weekends, 1));
      self->fair_sums = g_new0 (ScRosterFairSums, (gsize) self->ix->n_groups * K_FAIR);
    }

  for (guint i = 0; i < problem->covers->len; i++)
    {
      const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, i);
      self->objective += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, 0);
    }
  for (guint i = 0; i < problem->interval_covers->len; i++)
    {
      const ScRosterIntervalCover *c = &g_array_index (problem->interval_covers, ScRosterIntervalCover, i);
      self->objective += _sc_roster_cover_cost (c->required, c->under_weight, c->over_weight, 0);
    }
  for (int p = 0; p < P; p++)
    for (int d = 0; d < D; d++)
      self->objective += self->ix->cell_cost[((gsize) p * D + d) * self->ix->n_values];

  for (int p = 0; p < P; p++)
    {
      for (int d = 0; d < D; d++)
        set_cell (self, p, d, sc_roster_solution_get (solution, p, d));
      update_row_hard (self, p);
    }
  return self;
}

void
sc_roster_eval_free (ScRosterEval *self)
{
  if (self == NULL)
    return;
  _sc_roster_index_free (self->ix);
  sc_roster_solution_free (self->solution);
  g_free (self->cover_count);
  g_free (self->icover_count);
  g_free (self->row_count);
  g_free (self->row_penalty);
  g_free (self->tmp_row);
  g_free (self->fair_x);
  g_free (self->weekend_days);
  g_free (self->fair_sums);
  g_free (self);
}

const ScRosterSolution *
sc_roster_eval_get_solution (ScRosterEval *self)
{
  return self->solution;
}

gint64
sc_roster_eval_get_objective (ScRosterEval *self)
{
  return self->objective;
}

gint64
sc_roster_eval_get_hard_penalty (ScRosterEval *self)
{
  return self->hard_penalty;
}

int
sc_roster_eval_get_hard_violations (ScRosterEval *self)
{
  return self->hard_count;
}

const ScRosterIndex *
_sc_roster_eval_get_index (ScRosterEval *self)
{
  return self->ix;
}

const int *
_sc_roster_eval_get_cover_counts (ScRosterEval *self)
{
  return self->cover_count;
}

const int *
_sc_roster_eval_get_icover_counts (ScRosterEval *self)
{
  return self->icover_count;
}

gint64
_sc_roster_eval_get_row_penalty (ScRosterEval *self,
                                 int           person)
{
  return self->row_penalty[person];
}

static gint64
row_penalty_with (ScRosterEval *self,
                  int           person,
                  int           day,
                  int           value)
{
  int D = self->ix->n_days, c;
  gint64 pen;

  memcpy (self->tmp_row, self->solution->cells + (gsize) person * D, D);
  self->tmp_row[day] = (gint8) value;
  _sc_roster_row_hard (self->ix, person, self->tmp_row, &c, &pen, NULL);
  return pen;
}

void
sc_roster_eval_delta_change (ScRosterEval *self,
                             int           person,
                             int           day,
                             int           value,
                             gint64       *hard_penalty_delta,
                             gint64       *objective_delta)
{
  int old = sc_roster_solution_get (self->solution, person, day);
  gint64 d_obj;

  if (old == value)
    {
      *hard_penalty_delta = 0;
      *objective_delta = 0;
      return;
    }
  d_obj = set_cell (self, person, day, value);
  set_cell (self, person, day, old);
  *objective_delta = d_obj;
  *hard_penalty_delta = row_penalty_with (self, person, day, value) - self->row_penalty[person];
}

void
_sc_roster_eval_clear_days (ScRosterEval *self,
                            int           person,
                            int           first,
                            int           last)
{
  for (int d = first; d <= last; d++)
    set_cell (self, person, d, SC_ROSTER_OFF);
  update_row_hard (self, person);
}

void
_sc_roster_eval_probe_cell (ScRosterEval *self,
                            int           person,
                            int           day,
                            int           value)
{
  set_cell (self, person, day, value);
}

void
sc_roster_eval_apply_change (ScRosterEval *self,
                             int           person,
                             int           day,
                             int           value)
{
  g_return_if_fail (value >= SC_ROSTER_OFF && value < self->ix->n_types);

  if (sc_roster_solution_get (self->solution, person, day) == value)
    return;
  set_cell (self, person, day, value);
  update_row_hard (self, person);
}

static gint64
swap_cells (ScRosterEval *self,
            int           a,
            int           b,
            int           first_day,
            int           last_day)
{
  gint64 delta = 0;

  for (int d = first_day; d <= last_day; d++)
    {
      int va = sc_roster_solution_get (self->solution, a, d);
      int vb = sc_roster_solution_get (self->solution, b, d);

      if (va == vb)
        continue;
      delta += set_cell (self, a, d, vb);
      delta += set_cell (self, b, d, va);
    }
  return delta;
}

gint64
_sc_roster_eval_swap_objective (ScRosterEval *self,
                                int           person_a,
                                int           person_b,
                                int           first,
                                int           last)
{
  gint64 delta = swap_cells (self, person_a, person_b, first, last);

  swap_cells (self, person_a, person_b, first, last);
  return delta;
}

void
sc_roster_eval_delta_swap (ScRosterEval *self,
                           int           person_a,
                           int           person_b,
                           int           first_day,
                           int           last_day,
                           gint64       *hard_penalty_delta,
                           gint64       *objective_delta)
{
  int c;
  gint64 pa, pb;

  g_return_if_fail (person_a != person_b);
  g_return_if_fail (first_day >= 0 && first_day <= last_day && last_day < self->ix->n_days);

  *objective_delta = swap_cells (self, person_a, person_b, first_day, last_day);
  _sc_roster_row_hard (self->ix, person_a, self->solution->cells + (gsize) person_a * self->ix->n_days,
                       &c, &pa, NULL);
  _sc_roster_row_hard (self->ix, person_b, self->solution->cells + (gsize) person_b * self->ix->n_days,
                       &c, &pb, NULL);
  *hard_penalty_delta = pa + pb - self->row_penalty[person_a] - self->row_penalty[person_b];
  swap_cells (self, person_a, person_b, first_day, last_day);
}

void
sc_roster_eval_apply_swap (ScRosterEval *self,
                           int           person_a,
                           int           person_b,
                           int           first_day,
                           int           last_day)
{
  g_return_if_fail (person_a != person_b);
  g_return_if_fail (first_day >= 0 && first_day <= last_day && last_day < self->ix->n_days);

  swap_cells (self, person_a, person_b, first_day, last_day);
  update_row_hard (self, person_a);
  update_row_hard (self, person_b);
}

void
sc_roster_eval_apply_row (ScRosterEval *self,
                          int           person,
                          const gint8  *row)
{
  for (int d = 0; d < self->ix->n_days; d++)
    set_cell (self, person, d, row[d]);
  update_row_hard (self, person);
}
