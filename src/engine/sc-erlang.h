/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Staffing for one interval of a queue (phone, chat…): how many agents it
 * takes to answer a share of the contacts within a time.
 *
 * Erlang C (M/M/N) assumes callers wait as long as it takes; Erlang A
 * (M/M/N+M, the Palm model) lets each waiting caller hang up after an
 * exponentially distributed patience. Both are computed from Erlang B by
 * its recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), which stays in
 * [0, 1] for any load: no factorials and no powers, so loads of thousands
 * of Erlangs are fine.
 *
 * Words: the offered load A (Erlangs) is calls × AHT / interval length; N is
 * the number of agents on the phones; "unstable" means N ≤ A under Erlang C:
 * the queue grows without end, every caller waits, the service level is 0
 * and the average speed of answer is infinite (INFINITY).
 *
 * Everything here is plain arithmetic on doubles: no allocation, no state,
 * deterministic.
 */

#define SC_ERLANG_ERROR (sc_erlang_error_quark ())

typedef enum
{
  SC_ERLANG_ERROR_INVALID_INPUT,  /* a value outside its range; the message names it */
  SC_ERLANG_ERROR_TOO_LARGE,      /* the load is beyond what one interval can staff */
} ScErlangError;

/* Largest offered load sc_erlang_required_agents() accepts */
#define SC_ERLANG_MAX_ERLANGS 100000.0

typedef struct
{
  double calls;             /* contacts offered in the interval, ≥ 0 */
  int    interval_minutes;  /* length of the interval, > 0 */
  double aht_seconds;       /* average handling time (talk + wrap-up), > 0 */
  double target_sl;         /* share to answer within target_seconds, in (0, 1) */
  double target_seconds;    /* ≥ 0 */
  double max_occupancy;     /* in (0, 1]; 0 = no limit */
  double shrinkage;         /* share of paid time off the phones, in [0, 1) */
  double patience_seconds;  /* mean patience for Erlang A; 0 = callers never
                             * hang up (Erlang C) */
} ScStaffingInput;

typedef struct
{
  double   erlangs;         /* offered load A */
  int      agents;          /* N, on the phones */
  double   p_wait;          /* probability that a caller waits at all */
  double   service_level;   /* share answered within target_seconds */
  double   asa_seconds;     /* average speed of answer; INFINITY when unstable */
  double   occupancy;       /* share of the agents' time spent on contacts */
  int      scheduled;       /* ceil (N / (1 − shrinkage)) */
  double   p_abandon;       /* Erlang A: share of callers who hang up; else 0 */
  gboolean stable;          /* FALSE when N ≤ A under Erlang C */
} ScStaffingResult;

typedef struct
{
  double p_wait;            /* probability that a caller waits at all */
  double p_abandon;         /* probability that a caller hangs up before an answer */
  double occupancy;         /* A·(1 − p_abandon) / N */
  double asa_seconds;       /* mean wait of all callers, answered or not */
  double service_level;     /* share of all callers answered within the target
                             * (those who hang up count as missed) */
} ScErlangAResult;

GQuark   sc_erlang_error_quark            (void);

double   sc_erlang_offered_load           (double                  calls,
                                           int                     interval_minutes,
                                           double                  aht_seconds);

/* Erlang C primitives: agents ≥ 0, erlangs ≥ 0, aht_seconds > 0 */
double   sc_erlang_b                      (int                     agents,
                                           double                  erlangs);
double   sc_erlang_c                      (int                     agents,
                                           double                  erlangs);
double   sc_erlang_service_level          (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  target_seconds);
double   sc_erlang_asa                    (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds);
double   sc_erlang_occupancy              (int                     agents,
                                           double                  erlangs);

/* Erlang A: as above, and patience_seconds > 0 */
void     sc_erlang_a                      (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds,
                                           double                  target_seconds,
                                           ScErlangAResult        *out);
double   sc_erlang_a_wait_probability     (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds);
double   sc_erlang_a_abandon_probability  (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds);
double   sc_erlang_a_service_level        (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds,
                                           double                  target_seconds);
double   sc_erlang_a_asa                  (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds);
double   sc_erlang_a_occupancy            (int                     agents,
                                           double                  erlangs,
                                           double                  aht_seconds,
                                           double                  patience_seconds);

/* Whole intervals */
int      sc_erlang_scheduled_agents       (int                     agents,
                                           double                  shrinkage);
gboolean sc_erlang_evaluate               (const ScStaffingInput  *in,
                                           int                     agents,
                                           ScStaffingResult       *out,
                                           GError                **error);
gboolean sc_erlang_required_agents        (const ScStaffingInput  *in,
                                           ScStaffingResult       *out,
                                           GError                **error);

G_END_DECLS
