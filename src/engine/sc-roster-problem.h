/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A rostering problem: who works which shift type on which day.
 *
 * Days are 0 … n_days−1; day 0 falls on @first_weekday. Each person works at
 * most one shift per day; a day without a shift is a day off
 * (SC_ROSTER_OFF). Shift types have a start (minute of the day) and a
 * length; a shift may run past midnight.
 *
 * Hard rules (each person separately): fixed days off (unavailable),
 * locked cells, forbidden successions (shift u on day d+1 after t on day d,
 * given as a list or derived from a minimum rest), maximum shifts of each
 * type, minimum and maximum total minutes, maximum consecutive working days
 * (every window of max+1 days holds a day off), minimum consecutive working
 * days and minimum consecutive days off (a block shorter than the minimum
 * is a violation only when a day of the other kind lies on both sides of it
 * inside the horizon: blocks touching day 0 or the last day are exempt, as
 * there is no history), maximum working weekends (a weekend is worked when
 * its Saturday or its Sunday is; with holidays or working-day marks, see
 * ScRosterDayKind).
 *
 * Soft terms (the objective): cover per (day, shift type[, skill]) and cover
 * per time interval (a person counts for an interval when one of their
 * shifts spans the whole interval), each with weights per person short and
 * per person over; shift-on and shift-off requests with weights. A person
 * counts for a cover requirement with a skill when they hold that skill.
 *
 * Fairness (soft, off unless a weight is set): within each fairness group
 * (people on comparable contracts; every person is in group 0 unless told
 * otherwise), the spread of
 *   - night shifts worked (shift types flagged as night),
 *   - weekends worked (as counted for the maximum weekends rule),
 *   - minutes worked, relative to each person's target.
 * Each is the sum over the group of the squared deviations from each
 * person's fair share of the group's total:
 *
 *   cost = weight × Σ_i (x_i − s_i · X / S)² / unit
 *
 * where x_i is the person's count, X = Σ x_i, s_i the person's share and
 * S = Σ s_i. For nights and weekends every member's share is 1 (so the fair
 * share is the group average) and the unit is 1: the weight is per
 * night² or weekend². For hours the share is the person's target minutes
 * (fairness_target, or the middle of the minimum and maximum minutes, or
 * the minimum when there is no maximum; people with no target are left out)
 * and x_i is in minutes with a unit of 3600: the weight is per hour².
 * Expanding the square, the cost is a function of Σ x_i, Σ x_i² and
 * Σ s_i x_i, so one person's change costs O(1) to evaluate. Nights and
 * weekends are computed exactly in integers (weight × (n Σx² − X²) div n);
 * hours in double precision, rounded to the nearest integer; either way the
 * cost of a group is a function of those sums only, which keeps the
 * search's deltas equal to a full re-score.
 *
 * Everything is stored in flat arrays; the struct fields may be read
 * directly. Build a problem with the functions below: shift types first,
 * then people, then the rest.
 */

#define SC_ROSTER_OFF       (-1)   /* a day off in a solution cell */
#define SC_ROSTER_ANY       (-1)   /* any shift type / no particular skill */
#define SC_ROSTER_UNLOCKED  (-2)   /* a cell the solver may change */
#define SC_ROSTER_NO_LIMIT  G_MAXINT
#define SC_ROSTER_MAX_SHIFT_TYPES 120
#define SC_ROSTER_MAX_SKILLS 64

/* How a day counts for the weekend rules. A rest day is a Saturday or a
 * Sunday that is not marked as a working day, or a holiday; a "weekend"
 * is a run of consecutive rest days (a holiday next to a weekend makes it
 * longer, a holiday on a weekday is a weekend of its own), and it is
 * worked when any of its days is. */
typedef enum
{
  SC_ROSTER_DAY_CALENDAR,   /* Saturday and Sunday rest, other days work */
  SC_ROSTER_DAY_HOLIDAY,    /* a rest day whatever the weekday */
  SC_ROSTER_DAY_WORKING,    /* a working day whatever the weekday */
} ScRosterDayKind;

typedef struct
{
  char    *id;
  int      start_minute;   /* 0 … 1439 */
  int      length;         /* minutes, > 0 */
  gboolean night;          /* counts for the nights fairness term */
} ScRosterShiftType;

typedef enum
{
  SC_ROSTER_FAIR_NIGHTS,
  SC_ROSTER_FAIR_WEEKENDS,
  SC_ROSTER_FAIR_HOURS,
  SC_ROSTER_N_FAIR
} ScRosterFairKind;

typedef struct
{
  char    *id;
  int      min_minutes;            /* 0 = none */
  int      max_minutes;            /* SC_ROSTER_NO_LIMIT = none */
  int      max_consecutive_work;   /* SC_ROSTER_NO_LIMIT = none */
  int      min_consecutive_work;   /* ≤ 1 = none */
  int      min_consecutive_off;    /* ≤ 1 = none */
  int      max_weekends;           /* SC_ROSTER_NO_LIMIT = none */
  guint64  skills;                 /* bit s set: holds skill s */
  int      fairness_group;         /* ≥ 0; people compared with each other */
  int      fairness_target;        /* minutes for the hours term; 0 = from the contract */
} ScRosterPerson;

typedef struct
{
  int      person;
  int      day;
  int      shift;    /* a shift type or SC_ROSTER_ANY */
  int      weight;
  gboolean on;       /* TRUE: wants that shift (any shift); FALSE: wants not to work it */
} ScRosterRequest;

typedef struct
{
  int day;
  int shift;
  int skill;         /* SC_ROSTER_ANY or a skill index */
  int required;
  int under_weight;  /* per person short */
  int over_weight;   /* per person over */
} ScRosterCover;

typedef struct
{
  int start;         /* minutes from 00:00 of day 0 */
  int length;        /* minutes */
  int skill;
  int required;
  int under_weight;
  int over_weight;
} ScRosterIntervalCover;

typedef struct
{
  int                 n_days;
  GDateWeekday        first_weekday;
  int                 n_shift_types;
  ScRosterShiftType  *shift_types;
  guint8             *forbidden;        /* [t * n_shift_types + u]: u may not follow t */
  int                 n_people;
  ScRosterPerson     *people;
  int                *max_shifts;       /* [p * n_shift_types + t] */
  guint8             *unavailable;      /* [p * n_days + d]: fixed day off */
  gint8              *locked;           /* [p * n_days + d]: SC_ROSTER_UNLOCKED, OFF or a shift */
  GArray             *requests;         /* ScRosterRequest */
  GArray             *covers;           /* ScRosterCover */
  GArray             *interval_covers;  /* ScRosterIntervalCover */
  int                 fairness_weight[SC_ROSTER_N_FAIR];   /* 0 = off */
  /* private */
  int                 people_alloc;
  guint8             *day_kinds;        /* ScRosterDayKind per day, or NULL: all calendar */
} ScRosterProblem;

typedef struct
{
  int    n_people;
  int    n_days;
  gint8 *cells;      /* [p * n_days + d]: SC_ROSTER_OFF or a shift type */
} ScRosterSolution;

ScRosterProblem  *sc_roster_problem_new                (int                n_days,
                                                        GDateWeekday       first_weekday);
void              sc_roster_problem_free               (ScRosterProblem   *self);
int               sc_roster_problem_add_shift_type     (ScRosterProblem   *self,
                                                        const char        *id,
                                                        int                start_minute,
                                                        int                length);
void              sc_roster_problem_set_forbidden      (ScRosterProblem   *self,
                                                        int                shift,
                                                        int                next_shift,
                                                        gboolean           forbidden);
void              sc_roster_problem_set_min_rest       (ScRosterProblem   *self,
                                                        int                minutes);
void              sc_roster_problem_set_night          (ScRosterProblem   *self,
                                                        int                shift,
                                                        gboolean           night);
gboolean          sc_roster_shift_is_night             (int                start_minute,
                                                        int                length);
void              sc_roster_problem_set_fairness       (ScRosterProblem   *self,
                                                        ScRosterFairKind   kind,
                                                        int                weight);
gboolean          sc_roster_problem_has_fairness       (const ScRosterProblem *self);
int               sc_roster_problem_get_fairness_target (const ScRosterProblem *self,
                                                        int                person);
int               sc_roster_problem_add_person         (ScRosterProblem   *self,
                                                        const char        *id);
ScRosterPerson   *sc_roster_problem_get_person         (ScRosterProblem   *self,
                                                        int                person);
void              sc_roster_problem_set_max_shifts     (ScRosterProblem   *self,
                                                        int                person,
                                                        int                shift,
                                                        int                max);
void              sc_roster_problem_set_unavailable    (ScRosterProblem   *self,
                                                        int                person,
                                                        int                day);
void              sc_roster_problem_lock               (ScRosterProblem   *self,
                                                        int                person,
                                                        int                day,
                                                        int                value);
void              sc_roster_problem_add_request        (ScRosterProblem   *self,
                                                        int                person,
                                                        int                day,
                                                        int                shift,
                                                        gboolean           on,
                                                        int                weight);
void              sc_roster_problem_add_cover          (ScRosterProblem   *self,
                                                        int                day,
                                                        int                shift,
                                                        int                skill,
                                                        int                required,
                                                        int                under_weight,
                                                        int                over_weight);
void              sc_roster_problem_add_interval_cover (ScRosterProblem   *self,
                                                        int                start,
                                                        int                length,
                                                        int                skill,
                                                        int                required,
                                                        int                under_weight,
                                                        int                over_weight);
int               sc_roster_problem_find_shift_type    (const ScRosterProblem *self,
                                                        const char        *id);
int               sc_roster_problem_find_person        (const ScRosterProblem *self,
                                                        const char        *id);
GDateWeekday      sc_roster_problem_get_weekday        (const ScRosterProblem *self,
                                                        int                day);
void              sc_roster_problem_set_day_kind       (ScRosterProblem   *self,
                                                        int                day,
                                                        ScRosterDayKind    kind);
gboolean          sc_roster_problem_is_rest_day        (const ScRosterProblem *self,
                                                        int                day);
int               sc_roster_problem_get_weekend        (const ScRosterProblem *self,
                                                        int                day);
int               sc_roster_problem_get_n_weekends     (const ScRosterProblem *self);
gboolean          sc_roster_problem_is_forbidden       (const ScRosterProblem *self,
                                                        int                shift,
                                                        int                next_shift);

ScRosterSolution *sc_roster_solution_new               (int                n_people,
                                                        int                n_days);
ScRosterSolution *sc_roster_solution_new_for_problem   (const ScRosterProblem *problem);
ScRosterSolution *sc_roster_solution_copy              (const ScRosterSolution *self);
void              sc_roster_solution_copy_into         (ScRosterSolution  *dest,
                                                        const ScRosterSolution *src);
void              sc_roster_solution_free              (ScRosterSolution  *self);
gboolean          sc_roster_solution_equal             (const ScRosterSolution *a,
                                                        const ScRosterSolution *b);

static inline int
sc_roster_solution_get (const ScRosterSolution *self,
                        int                     person,
                        int                     day)
{
  return self->cells[person * self->n_days + day];
}

static inline void
sc_roster_solution_set (ScRosterSolution *self,
                        int               person,
                        int               day,
                        int               value)
{
  self->cells[person * self->n_days + day] = (gint8) value;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterProblem, sc_roster_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterSolution, sc_roster_solution_free)

G_END_DECLS
