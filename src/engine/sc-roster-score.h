/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-roster-problem.h"

G_BEGIN_DECLS

/*
 * The scorer: evaluates any roster (a solver's or a hand-edited one).
 *
 * The score has two levels: hard violations (the number of broken hard
 * rules; each one listed with its size) and the objective (the weighted sum
 * of the soft terms). A roster with no hard violation is feasible; among
 * feasible rosters the lower objective is better.
 *
 * Each hard violation also has a penalty used by the search: its size in
 * shifts, days or weekends, and for the minute bounds in started hours.
 *
 * Fairness (see sc-roster-problem.h) is scored per group; the violation
 * list has one entry per person whose share of the group's cost is not
 * zero (index: the group), with the group's cost apportioned between them
 * by largest remainders, so that the entries add up to the rule's total;
 * the largest entries of a group come first.
 */

typedef enum
{
  /* hard */
  SC_ROSTER_RULE_UNAVAILABLE,           /* works on a fixed day off */
  SC_ROSTER_RULE_LOCKED,                /* differs from a locked cell */
  SC_ROSTER_RULE_SUCCESSION,            /* forbidden shift after the previous day's shift */
  SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE,
  SC_ROSTER_RULE_MIN_MINUTES,
  SC_ROSTER_RULE_MAX_MINUTES,
  SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK,
  SC_ROSTER_RULE_MIN_CONSECUTIVE_WORK,
  SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF,
  SC_ROSTER_RULE_MAX_WEEKENDS,
  /* soft */
  SC_ROSTER_RULE_COVER_UNDER,
  SC_ROSTER_RULE_COVER_OVER,
  SC_ROSTER_RULE_INTERVAL_UNDER,
  SC_ROSTER_RULE_INTERVAL_OVER,
  SC_ROSTER_RULE_SHIFT_ON_REQUEST,
  SC_ROSTER_RULE_SHIFT_OFF_REQUEST,
  SC_ROSTER_RULE_NIGHTS_SPREAD,         /* one entry per person off their fair share of nights */
  SC_ROSTER_RULE_WEEKENDS_SPREAD,       /* … of weekends worked */
  SC_ROSTER_RULE_HOURS_SPREAD,          /* … of minutes worked, against their target */
  SC_ROSTER_N_RULES
} ScRosterRule;

#define SC_ROSTER_FIRST_SOFT_RULE SC_ROSTER_RULE_COVER_UNDER

typedef struct
{
  ScRosterRule rule;
  int          person;   /* -1 for cover rules */
  int          day;      /* first day concerned; -1 when the rule is over the horizon */
  int          index;    /* shift type (succession: the later one; max shifts of type),
                          * cover or interval cover index, request index; else -1 */
  int          amount;   /* persons short/over, shifts, days, minutes, weekends, or 1;
                          * spread rules: the person's nights, weekends or minutes */
  gint64       cost;     /* soft: weighted cost; hard: search penalty */
  double       expected; /* spread rules: the person's fair share (same unit as amount) */
} ScRosterViolation;

typedef struct
{
  int      hard_violations;
  gint64   hard_penalty;
  gint64   objective;
  int      count[SC_ROSTER_N_RULES];   /* violations per rule */
  gint64   total[SC_ROSTER_N_RULES];   /* cost (soft) or penalty (hard) per rule */
  GArray  *violations;                 /* ScRosterViolation, or NULL */
} ScRosterScore;

gboolean        sc_roster_rule_is_hard       (ScRosterRule rule);
const char     *sc_roster_rule_get_name      (ScRosterRule rule);
gboolean        sc_roster_rule_is_spread     (ScRosterRule rule);
char           *sc_roster_violation_describe_spread (const ScRosterViolation *violation,
                                                     const char              *person_name);

ScRosterScore  *sc_roster_score_compute      (const ScRosterProblem  *problem,
                                              const ScRosterSolution *solution,
                                              gboolean                list_violations);
void            sc_roster_score_free         (ScRosterScore          *score);

/*
 * Incremental evaluation for the search. The evaluator owns a copy of the
 * solution; deltas leave it unchanged, apply functions change it. Totals
 * always equal those of sc_roster_score_compute() on the current solution.
 */
typedef struct _ScRosterEval ScRosterEval;

ScRosterEval   *sc_roster_eval_new           (const ScRosterProblem  *problem,
                                              const ScRosterSolution *solution);
void            sc_roster_eval_free          (ScRosterEval           *self);
const ScRosterSolution *
                sc_roster_eval_get_solution  (ScRosterEval           *self);
gint64          sc_roster_eval_get_objective (ScRosterEval           *self);
gint64          sc_roster_eval_get_hard_penalty (ScRosterEval        *self);
int             sc_roster_eval_get_hard_violations (ScRosterEval     *self);
/* Set cell (person, day) to @value (a shift type or SC_ROSTER_OFF) */
void            sc_roster_eval_delta_change  (ScRosterEval           *self,
                                              int                     person,
                                              int                     day,
                                              int                     value,
                                              gint64                 *hard_penalty_delta,
                                              gint64                 *objective_delta);
void            sc_roster_eval_apply_change  (ScRosterEval           *self,
                                              int                     person,
                                              int                     day,
                                              int                     value);
/* Exchange the cells of two people on days first_day … last_day */
void            sc_roster_eval_delta_swap    (ScRosterEval           *self,
                                              int                     person_a,
                                              int                     person_b,
                                              int                     first_day,
                                              int                     last_day,
                                              gint64                 *hard_penalty_delta,
                                              gint64                 *objective_delta);
void            sc_roster_eval_apply_swap    (ScRosterEval           *self,
                                              int                     person_a,
                                              int                     person_b,
                                              int                     first_day,
                                              int                     last_day);
/* Replace a whole row (n_days values) */
void            sc_roster_eval_apply_row     (ScRosterEval           *self,
                                              int                     person,
                                              const gint8            *row);
/* The change of objective if @person, now off on @day, worked @shift there
 * (cover and requests only; hard rules not considered) */
gint64          sc_roster_eval_add_cost      (ScRosterEval           *self,
                                              int                     person,
                                              int                     day,
                                              int                     shift);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterScore, sc_roster_score_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterEval, sc_roster_eval_free)

G_END_DECLS
