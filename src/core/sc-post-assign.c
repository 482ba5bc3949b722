/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-post-assign"

#include "config.h"

#include <string.h>

#include "sc-post-assign.h"

/*
 * The post each shift of a roster is worked on: the channel (phone,
 * chat, email…) a person answers during that shift.
 *
 * The solver only decides who works which shift type on which day; a
 * person who holds several channels counts for every channel cover they
 * qualify for. Here each shift gets one channel, so that the people on a
 * channel are the ones who answer it:
 *
 * 1. Shifts whose post is kept (locked shifts, posts a user chose) keep
 *    it, and count as worked on it.
 * 2. A shift's choices are the channels its person holds that need
 *    someone during the shift: an interval cover of the channel that the
 *    shift spans (start to end inside the shift, as the scorer counts)
 *    or a cover of that day and shift type, with someone required. With
 *    no choice the shift is on no post; with one, it is on that one.
 * 3. The others, day by day, fewest choices first (then by person): the
 *    channel whose need over the shift is least covered so far, that is
 *    the most person-minutes short (required − assigned, where that is
 *    above zero, times the interval's length; a shift-type cover counts
 *    the shift's length); on a tie the least over-covered (the same sum
 *    with the surplus counted against), then the first channel in the
 *    problem's skill order.
 *
 * Every step is in a fixed order: the same roster gets the same posts.
 */

typedef struct
{
  const ScRosterProblem *problem;
  GArray                *by_skill[SC_ROSTER_MAX_SKILLS];  /* int: interval covers of the skill, by start */
  int                   *icover_assigned;
  int                   *cover_start;    /* [d * T + t] … [d * T + t + 1]: into cover_list */
  int                   *cover_list;
  int                   *cover_assigned;
} Assigner;

static int
compare_cover_start (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const ScRosterProblem *problem = user_data;
  const ScRosterIntervalCover *x = &g_array_index (problem->interval_covers, ScRosterIntervalCover, *(const int *) a);
  const ScRosterIntervalCover *y = &g_array_index (problem->interval_covers, ScRosterIntervalCover, *(const int *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return *(const int *) a - *(const int *) b;
}

static void
assigner_init (Assigner              *self,
               const ScRosterProblem *problem)
{
  int T = problem->n_shift_types;
  int n = problem->n_days * T;
  int *fill;

  memset (self, 0, sizeof *self);
  self->problem = problem;

  for (guint i = 0; i < problem->interval_covers->len; i++)
    {
      const ScRosterIntervalCover *c = &g_array_index (problem->interval_covers, ScRosterIntervalCover, i);
      int index = (int) i;

      if (c->skill < 0 || c->skill >= SC_ROSTER_MAX_SKILLS)
        continue;
      if (self->by_skill[c->skill] == NULL)
        self->by_skill[c->skill] = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_val (self->by_skill[c->skill], index);
    }
  for (int s = 0; s < SC_ROSTER_MAX_SKILLS; s++)
    if (self->by_skill[s] != NULL)
      g_array_sort_with_data (self->by_skill[s], compare_cover_start, (gpointer) problem);
  self->icover_assigned = g_new0 (int, MAX (problem->interval_covers->len, 1));

  /* Shift-type covers by (day, shift type) */
  self->cover_start = g_new0 (int, n + 1);
  self->cover_list = g_new0 (int, MAX (problem->covers->len, 1));
  self->cover_assigned = g_new0 (int, MAX (problem->covers->len, 1));
  for (guint i = 0; i < problem->covers->len; i++)
    {
      const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, i);

      if (c->day >= 0 && c->day < problem->n_days && c->shift >= 0 && c->shift < T)
        self->cover_start[c->day * T + c->shift + 1]++;
    }
  for (int k = 0; k < n; k++)
    self->cover_start[k + 1] += self->cover_start[k];
  fill = g_memdup2 (self->cover_start, sizeof (int) * (n + 1));
  for (guint i = 0; i < problem->covers->len; i++)
    {
      const ScRosterCover *c = &g_array_index (problem->covers, ScRosterCover, i);

      if (c->day >= 0 && c->day < problem->n_days && c->shift >= 0 && c->shift < T)
        self->cover_list[fill[c->day * T + c->shift]++] = (int) i;
    }
  g_free (fill);
}

static void
assigner_clear (Assigner *self)
{
  for (int s = 0; s < SC_ROSTER_MAX_SKILLS; s++)
    g_clear_pointer (&self->by_skill[s], g_array_unref);
  g_clear_pointer (&self->icover_assigned, g_free);
  g_clear_pointer (&self->cover_start, g_free);
  g_clear_pointer (&self->cover_list, g_free);
  g_clear_pointer (&self->cover_assigned, g_free);
}

/* The first interval cover of @skill that starts at @from or later */
static guint
first_cover_from (Assigner *self,
                  int       skill,
                  int       from)
{
  GArray *covers = self->by_skill[skill];
  guint lo = 0, hi = covers->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const ScRosterIntervalCover *c = &g_array_index (self->problem->interval_covers, ScRosterIntervalCover,
                                                       g_array_index (covers, int, mid));

      if (c->start < from)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

typedef enum
{
  VISIT_COUNT,       /* add @delta to the people assigned */
  VISIT_HAS_NEED,    /* whether someone is required */
  VISIT_NEED,        /* person-minutes short and the balance */
} Visit;

typedef struct
{
  gboolean has_need;
  gint64   short_minutes;
  gint64   balance;       /* required − assigned, in person-minutes, over and under */
} Need;

/* One cover of @required people over @minutes, @assigned so far */
static inline void
visit_cover (Visit  what,
             int    delta,
             Need  *need,
             int   *assigned,
             int    required,
             int    minutes)
{
  switch (what)
    {
    case VISIT_COUNT:
      *assigned += delta;
      break;
    case VISIT_HAS_NEED:
      need->has_need |= required > 0;
      break;
    case VISIT_NEED:
    default:
      need->short_minutes += (gint64) MAX (required - *assigned, 0) * minutes;
      need->balance += (gint64) (required - *assigned) * minutes;
      break;
    }
}

/* Visits the covers of @skill that a shift of type @t on day @d works
 * for: the interval covers it spans and the covers of (d, t) */
static void
visit (Assigner *self,
       int       d,
       int       t,
       int       skill,
       Visit     what,
       int       delta,
       Need     *need)
{
  const ScRosterProblem *pb = self->problem;
  const ScRosterShiftType *type = &pb->shift_types[t];
  int from = d * 24 * 60 + type->start_minute;
  int to = from + type->length;
  GArray *covers = self->by_skill[skill];
  int T = pb->n_shift_types;

  for (guint i = covers != NULL ? first_cover_from (self, skill, from) : 0; covers != NULL && i < covers->len; i++)
    {
      int index = g_array_index (covers, int, i);
      const ScRosterIntervalCover *c = &g_array_index (pb->interval_covers, ScRosterIntervalCover, index);

      if (c->start >= to)
        break;
      if (c->start + c->length > to)
        continue;

      visit_cover (what, delta, need, &self->icover_assigned[index], c->required, c->length);
    }

  for (int k = self->cover_start[d * T + t]; k < self->cover_start[d * T + t + 1]; k++)
    {
      int index = self->cover_list[k];
      const ScRosterCover *c = &g_array_index (pb->covers, ScRosterCover, index);

      if (c->skill != skill)
        continue;

      visit_cover (what, delta, need, &self->cover_assigned[index], c->required, type->length);
    }
}

typedef struct
{
  int     person;
  int     n_choices;
  guint64 choices;
} Choice;

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const Choice *x = a;
  const Choice *y = b;

  if (x->n_choices != y->n_choices)
    return x->n_choices - y->n_choices;
  return x->person - y->person;
}

static int
cell_type (const ScRosterProblem  *problem,
           const ScRosterSolution *solution,
           int                     p,
           int                     d)
{
  int t = sc_roster_solution_get (solution, p, d);

  return t >= 0 && t < problem->n_shift_types ? t : SC_ROSTER_OFF;
}

/**
 * sc_post_assign:
 * @problem: the covers, the people's skills and the shift types
 * @solution: the shifts, as cells of @problem
 * @channels: bit s set: the problem's skill s is a channel, a post
 * @kept: (nullable): by cell (p × n_days + d), %SC_POST_CHOOSE for a
 *   shift to give a post, else the post it keeps (a skill index or
 *   %SC_POST_NONE); %NULL: choose them all
 *
 * Gives each shift the channel it is worked on; see the top of this file.
 *
 * Returns: (transfer full): by cell, the shift's post: a skill index, or
 *   %SC_POST_NONE (also for days off). Free with g_free().
 */
int *
sc_post_assign (const ScRosterProblem  *problem,
                const ScRosterSolution *solution,
                guint64                 channels,
                const int              *kept)
{
  int P = solution->n_people, D = solution->n_days;
  g_autofree guint64 *choices = NULL;
  g_autoptr(GArray) day = g_array_new (FALSE, FALSE, sizeof (Choice));
  Assigner assigner;
  int *posts;

  g_return_val_if_fail (problem != NULL && solution != NULL, NULL);
  g_return_val_if_fail (P <= problem->n_people && D == problem->n_days, NULL);

  posts = g_new (int, MAX ((gsize) P * D, 1));
  choices = g_new0 (guint64, MAX ((gsize) P * D, 1));
  assigner_init (&assigner, problem);

  /* Kept posts count first */
  for (int p = 0; p < P; p++)
    for (int d = 0; d < D; d++)
      {
        gsize cell = (gsize) p * D + d;
        int t = cell_type (problem, solution, p, d);
        int post = kept != NULL ? kept[cell] : SC_POST_CHOOSE;

        posts[cell] = SC_POST_NONE;
        if (t < 0 || post == SC_POST_CHOOSE)
          continue;

        posts[cell] = post >= 0 ? post : SC_POST_NONE;
        if (post >= 0 && post < SC_ROSTER_MAX_SKILLS)
          visit (&assigner, d, t, post, VISIT_COUNT, 1, NULL);
      }

  /* The channels each shift to choose for could be on; one is no choice */
  for (int p = 0; p < P; p++)
    for (int d = 0; d < D; d++)
      {
        gsize cell = (gsize) p * D + d;
        int t = cell_type (problem, solution, p, d);
        guint64 held = problem->people[p].skills & channels;

        if (t < 0 || (kept != NULL && kept[cell] != SC_POST_CHOOSE))
          continue;

        for (int s = 0; s < SC_ROSTER_MAX_SKILLS && (held >> s) != 0; s++)
          {
            Need need = { 0, };

            if (!(held & (G_GUINT64_CONSTANT (1) << s)))
              continue;
            visit (&assigner, d, t, s, VISIT_HAS_NEED, 0, &need);
            if (need.has_need)
              choices[cell] |= G_GUINT64_CONSTANT (1) << s;
          }

        if (choices[cell] != 0 && (choices[cell] & (choices[cell] - 1)) == 0)
          {
            int s = g_bit_nth_lsf (choices[cell], -1);

            posts[cell] = s;
            visit (&assigner, d, t, s, VISIT_COUNT, 1, NULL);
          }
      }

  /* Day by day, those with the fewest choices first */
  for (int d = 0; d < D; d++)
    {
      g_array_set_size (day, 0);
      for (int p = 0; p < P; p++)
        {
          guint64 c = choices[(gsize) p * D + d];

          if (c != 0 && (c & (c - 1)) != 0)
            {
              Choice choice = { p, 0, c };

              for (guint64 rest = c; rest != 0; rest &= rest - 1)
                choice.n_choices++;
              g_array_append_val (day, choice);
            }
        }
      g_array_sort (day, compare_choices);

      for (guint i = 0; i < day->len; i++)
        {
          const Choice *choice = &g_array_index (day, Choice, i);
          int t = cell_type (problem, solution, choice->person, d);
          Need best = { 0, };
          int best_skill = -1;

          for (int s = 0; s < SC_ROSTER_MAX_SKILLS && (choice->choices >> s) != 0; s++)
            {
              Need need = { 0, };

              if (!(choice->choices & (G_GUINT64_CONSTANT (1) << s)))
                continue;
              visit (&assigner, d, t, s, VISIT_NEED, 0, &need);
              if (best_skill < 0 || need.short_minutes > best.short_minutes ||
                  (need.short_minutes == best.short_minutes && need.balance > best.balance))
                {
                  best = need;
                  best_skill = s;
                }
            }

          posts[(gsize) choice->person * D + d] = best_skill;
          visit (&assigner, d, t, best_skill, VISIT_COUNT, 1, NULL);
        }
    }

  assigner_clear (&assigner);
  return posts;
}
