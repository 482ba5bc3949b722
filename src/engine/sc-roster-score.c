/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-score"

#include "config.h"

#include <string.h>

#include "sc-roster-private.h"

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

/* ---- index ---------------------------------------------------------- */

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
  ScRosterViolation v = { rule, person, day, index, amount, cost };

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
