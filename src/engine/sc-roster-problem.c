/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-problem"

#include "config.h"

#include <string.h>

#include "sc-roster-problem.h"

ScRosterProblem *
sc_roster_problem_new (int          n_days,
                       GDateWeekday first_weekday)
{
  ScRosterProblem *self;

  g_return_val_if_fail (n_days > 0, NULL);
  g_return_val_if_fail (g_date_valid_weekday (first_weekday), NULL);

  self = g_new0 (ScRosterProblem, 1);
  self->n_days = n_days;
  self->first_weekday = first_weekday;
  self->requests = g_array_new (FALSE, FALSE, sizeof (ScRosterRequest));
  self->covers = g_array_new (FALSE, FALSE, sizeof (ScRosterCover));
  self->interval_covers = g_array_new (FALSE, FALSE, sizeof (ScRosterIntervalCover));
  return self;
}

void
sc_roster_problem_free (ScRosterProblem *self)
{
  if (self == NULL)
    return;

  for (int t = 0; t < self->n_shift_types; t++)
    g_free (self->shift_types[t].id);
  for (int p = 0; p < self->n_people; p++)
    g_free (self->people[p].id);
  g_free (self->shift_types);
  g_free (self->forbidden);
  g_free (self->people);
  g_free (self->max_shifts);
  g_free (self->unavailable);
  g_free (self->locked);
  g_free (self->day_kinds);
  g_array_unref (self->requests);
  g_array_unref (self->covers);
  g_array_unref (self->interval_covers);
  g_free (self);
}

int
sc_roster_problem_add_shift_type (ScRosterProblem *self,
                                  const char      *id,
                                  int              start_minute,
                                  int              length)
{
  int n, t;
  guint8 *forbidden;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (self->n_people == 0, -1);
  g_return_val_if_fail (self->n_shift_types < SC_ROSTER_MAX_SHIFT_TYPES, -1);
  g_return_val_if_fail (length > 0, -1);

  t = self->n_shift_types;
  n = t + 1;
  self->shift_types = g_renew (ScRosterShiftType, self->shift_types, n);
  self->shift_types[t].id = g_strdup (id);
  self->shift_types[t].start_minute = start_minute;
  self->shift_types[t].length = length;
  self->shift_types[t].night = sc_roster_shift_is_night (start_minute, length);

  forbidden = g_new0 (guint8, n * n);
  for (int a = 0; a < t; a++)
    for (int b = 0; b < t; b++)
      forbidden[a * n + b] = self->forbidden[a * t + b];
  g_free (self->forbidden);
  self->forbidden = forbidden;
  self->n_shift_types = n;
  return t;
}

void
sc_roster_problem_set_forbidden (ScRosterProblem *self,
                                 int              shift,
                                 int              next_shift,
                                 gboolean         forbidden)
{
  g_return_if_fail (shift >= 0 && shift < self->n_shift_types);
  g_return_if_fail (next_shift >= 0 && next_shift < self->n_shift_types);

  self->forbidden[shift * self->n_shift_types + next_shift] = forbidden ? 1 : 0;
}

/* Forbids every succession that leaves less than @minutes between the end
 * of a shift and the start of a shift on the next day. */
void
sc_roster_problem_set_min_rest (ScRosterProblem *self,
                                int              minutes)
{
  int n = self->n_shift_types;

  for (int t = 0; t < n; t++)
    for (int u = 0; u < n; u++)
      {
        const ScRosterShiftType *a = &self->shift_types[t];
        const ScRosterShiftType *b = &self->shift_types[u];
        int rest = 1440 + b->start_minute - (a->start_minute + a->length);

        self->forbidden[t * n + u] = rest < minutes ? 1 : 0;
      }
}

/* Whether a shift of these times is a night shift when nothing else says
 * so: it runs past midnight or starts at 20:00 or later */
gboolean
sc_roster_shift_is_night (int start_minute,
                          int length)
{
  return start_minute + length > 24 * 60 || start_minute >= 20 * 60;
}

void
sc_roster_problem_set_night (ScRosterProblem *self,
                             int              shift,
                             gboolean         night)
{
  g_return_if_fail (shift >= 0 && shift < self->n_shift_types);
  self->shift_types[shift].night = night != FALSE;
}

void
sc_roster_problem_set_fairness (ScRosterProblem  *self,
                                ScRosterFairKind  kind,
                                int               weight)
{
  g_return_if_fail (kind < SC_ROSTER_N_FAIR);
  g_return_if_fail (weight >= 0);
  self->fairness_weight[kind] = weight;
}

gboolean
sc_roster_problem_has_fairness (const ScRosterProblem *self)
{
  for (int k = 0; k < SC_ROSTER_N_FAIR; k++)
    if (self->fairness_weight[k] > 0)
      return TRUE;
  return FALSE;
}

/* The minutes a person's hours are compared against: their own target, or
 * the middle of their minimum and maximum, or their minimum when they have
 * no maximum; 0 when there is none */
int
sc_roster_problem_get_fairness_target (const ScRosterProblem *self,
                                       int                    person)
{
  const ScRosterPerson *pp;

  g_return_val_if_fail (person >= 0 && person < self->n_people, 0);
  pp = &self->people[person];
  if (pp->fairness_target > 0)
    return pp->fairness_target;
  if (pp->max_minutes != SC_ROSTER_NO_LIMIT)
    return (int) (((gint64) pp->min_minutes + pp->max_minutes) / 2);
  return MAX (pp->min_minutes, 0);
}

int
sc_roster_problem_add_person (ScRosterProblem *self,
                              const char      *id)
{
  int p, n_types, n_days;
  ScRosterPerson *person;

  g_return_val_if_fail (self != NULL, -1);

  p = self->n_people;
  n_types = self->n_shift_types;
  n_days = self->n_days;
  if (p == self->people_alloc)
    {
      int alloc = MAX (8, self->people_alloc * 2);

      self->people = g_renew (ScRosterPerson, self->people, alloc);
      self->max_shifts = g_renew (int, self->max_shifts, (gsize) alloc * MAX (n_types, 1));
      self->unavailable = g_renew (guint8, self->unavailable, (gsize) alloc * n_days);
      self->locked = g_renew (gint8, self->locked, (gsize) alloc * n_days);
      self->people_alloc = alloc;
    }

  person = &self->people[p];
  memset (person, 0, sizeof *person);
  person->id = g_strdup (id);
  person->min_minutes = 0;
  person->max_minutes = SC_ROSTER_NO_LIMIT;
  person->max_consecutive_work = SC_ROSTER_NO_LIMIT;
  person->min_consecutive_work = 0;
  person->min_consecutive_off = 0;
  person->max_weekends = SC_ROSTER_NO_LIMIT;
  person->skills = 0;
  person->fairness_group = 0;
  person->fairness_target = 0;
  for (int t = 0; t < n_types; t++)
    self->max_shifts[p * n_types + t] = SC_ROSTER_NO_LIMIT;
  memset (self->unavailable + (gsize) p * n_days, 0, n_days);
  memset (self->locked + (gsize) p * n_days, SC_ROSTER_UNLOCKED, n_days);
  self->n_people = p + 1;
  return p;
}

ScRosterPerson *
sc_roster_problem_get_person (ScRosterProblem *self,
                              int              person)
{
  g_return_val_if_fail (person >= 0 && person < self->n_people, NULL);
  return &self->people[person];
}

void
sc_roster_problem_set_max_shifts (ScRosterProblem *self,
                                  int              person,
                                  int              shift,
                                  int              max)
{
  g_return_if_fail (person >= 0 && person < self->n_people);
  g_return_if_fail (shift >= 0 && shift < self->n_shift_types);
  self->max_shifts[person * self->n_shift_types + shift] = max;
}

void
sc_roster_problem_set_unavailable (ScRosterProblem *self,
                                   int              person,
                                   int              day)
{
  g_return_if_fail (person >= 0 && person < self->n_people);
  g_return_if_fail (day >= 0 && day < self->n_days);
  self->unavailable[person * self->n_days + day] = 1;
}

void
sc_roster_problem_lock (ScRosterProblem *self,
                        int              person,
                        int              day,
                        int              value)
{
  g_return_if_fail (person >= 0 && person < self->n_people);
  g_return_if_fail (day >= 0 && day < self->n_days);
  g_return_if_fail (value >= SC_ROSTER_UNLOCKED && value < self->n_shift_types);
  self->locked[person * self->n_days + day] = (gint8) value;
}

void
sc_roster_problem_add_request (ScRosterProblem *self,
                               int              person,
                               int              day,
                               int              shift,
                               gboolean         on,
                               int              weight)
{
  ScRosterRequest r = { person, day, shift, weight, on };

  g_return_if_fail (person >= 0 && person < self->n_people);
  g_return_if_fail (day >= 0 && day < self->n_days);
  g_return_if_fail (shift >= SC_ROSTER_ANY && shift < self->n_shift_types);
  g_array_append_val (self->requests, r);
}

void
sc_roster_problem_add_cover (ScRosterProblem *self,
                             int              day,
                             int              shift,
                             int              skill,
                             int              required,
                             int              under_weight,
                             int              over_weight)
{
  ScRosterCover c = { day, shift, skill, required, under_weight, over_weight };

  g_return_if_fail (day >= 0 && day < self->n_days);
  g_return_if_fail (shift >= 0 && shift < self->n_shift_types);
  g_return_if_fail (skill >= SC_ROSTER_ANY && skill < SC_ROSTER_MAX_SKILLS);
  g_array_append_val (self->covers, c);
}

void
sc_roster_problem_add_interval_cover (ScRosterProblem *self,
                                      int              start,
                                      int              length,
                                      int              skill,
                                      int              required,
                                      int              under_weight,
                                      int              over_weight)
{
  ScRosterIntervalCover c = { start, length, skill, required, under_weight, over_weight };

  g_return_if_fail (length > 0);
  g_return_if_fail (skill >= SC_ROSTER_ANY && skill < SC_ROSTER_MAX_SKILLS);
  g_array_append_val (self->interval_covers, c);
}

int
sc_roster_problem_find_shift_type (const ScRosterProblem *self,
                                   const char            *id)
{
  for (int t = 0; t < self->n_shift_types; t++)
    if (g_strcmp0 (self->shift_types[t].id, id) == 0)
      return t;
  return -1;
}

int
sc_roster_problem_find_person (const ScRosterProblem *self,
                               const char            *id)
{
  for (int p = 0; p < self->n_people; p++)
    if (g_strcmp0 (self->people[p].id, id) == 0)
      return p;
  return -1;
}

GDateWeekday
sc_roster_problem_get_weekday (const ScRosterProblem *self,
                               int                    day)
{
  return (GDateWeekday) ((self->first_weekday - 1 + day) % 7 + 1);
}

void
sc_roster_problem_set_day_kind (ScRosterProblem *self,
                                int              day,
                                ScRosterDayKind  kind)
{
  g_return_if_fail (day >= 0 && day < self->n_days);
  g_return_if_fail (kind >= SC_ROSTER_DAY_CALENDAR && kind <= SC_ROSTER_DAY_WORKING);

  if (self->day_kinds == NULL)
    {
      if (kind == SC_ROSTER_DAY_CALENDAR)
        return;
      self->day_kinds = g_new0 (guint8, self->n_days);
    }
  self->day_kinds[day] = (guint8) kind;
}

/* A Saturday or a Sunday not marked as a working day, or a holiday */
gboolean
sc_roster_problem_is_rest_day (const ScRosterProblem *self,
                               int                    day)
{
  int kind = self->day_kinds ? self->day_kinds[day] : SC_ROSTER_DAY_CALENDAR;
  int wd = ((int) self->first_weekday - 1 + day) % 7;   /* 0 = Monday */

  if (kind == SC_ROSTER_DAY_HOLIDAY)
    return TRUE;
  return kind == SC_ROSTER_DAY_CALENDAR && wd >= 5;
}

/* The index of the weekend @day belongs to, or -1 for a working day.
 * Without holidays or working-day marks, a weekend is a Saturday and the
 * Sunday after it, numbered by calendar week; otherwise weekends are the
 * runs of consecutive rest days, numbered in order. */
int
sc_roster_problem_get_weekend (const ScRosterProblem *self,
                               int                    day)
{
  int abs = (int) self->first_weekday - 1 + day;   /* 0 = Monday of week 0 */
  int n = 0;

  if (self->day_kinds == NULL)
    return abs % 7 >= 5 ? abs / 7 : -1;
  if (!sc_roster_problem_is_rest_day (self, day))
    return -1;
  for (int d = 0; d < day; d++)
    if (sc_roster_problem_is_rest_day (self, d) && (d == 0 || !sc_roster_problem_is_rest_day (self, d - 1)))
      n++;
  return sc_roster_problem_is_rest_day (self, day) && day > 0 && sc_roster_problem_is_rest_day (self, day - 1)
         ? n - 1 : n;
}

/* An upper bound on the weekend indices, plus one */
int
sc_roster_problem_get_n_weekends (const ScRosterProblem *self)
{
  int n = 0;

  if (self->day_kinds == NULL)
    return ((int) self->first_weekday - 1 + self->n_days - 1) / 7 + 1;
  for (int d = 0; d < self->n_days; d++)
    if (sc_roster_problem_is_rest_day (self, d) && (d == 0 || !sc_roster_problem_is_rest_day (self, d - 1)))
      n++;
  return n;
}

gboolean
sc_roster_problem_is_forbidden (const ScRosterProblem *self,
                                int                    shift,
                                int                    next_shift)
{
  if (shift < 0 || next_shift < 0)
    return FALSE;
  return self->forbidden[shift * self->n_shift_types + next_shift] != 0;
}

ScRosterSolution *
sc_roster_solution_new (int n_people,
                        int n_days)
{
  ScRosterSolution *self = g_new0 (ScRosterSolution, 1);

  self->n_people = n_people;
  self->n_days = n_days;
  self->cells = g_new (gint8, MAX ((gsize) n_people * n_days, 1));
  memset (self->cells, SC_ROSTER_OFF, (gsize) n_people * n_days);
  return self;
}

ScRosterSolution *
sc_roster_solution_new_for_problem (const ScRosterProblem *problem)
{
  return sc_roster_solution_new (problem->n_people, problem->n_days);
}

ScRosterSolution *
sc_roster_solution_copy (const ScRosterSolution *self)
{
  ScRosterSolution *copy = sc_roster_solution_new (self->n_people, self->n_days);

  memcpy (copy->cells, self->cells, (gsize) self->n_people * self->n_days);
  return copy;
}

void
sc_roster_solution_copy_into (ScRosterSolution       *dest,
                              const ScRosterSolution *src)
{
  g_return_if_fail (dest->n_people == src->n_people && dest->n_days == src->n_days);
  memcpy (dest->cells, src->cells, (gsize) src->n_people * src->n_days);
}

void
sc_roster_solution_free (ScRosterSolution *self)
{
  if (self == NULL)
    return;
  g_free (self->cells);
  g_free (self);
}

gboolean
sc_roster_solution_equal (const ScRosterSolution *a,
                          const ScRosterSolution *b)
{
  return a->n_people == b->n_people && a->n_days == b->n_days &&
         memcmp (a->cells, b->cells, (gsize) a->n_people * a->n_days) == 0;
}
