/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-erlang"

#include "config.h"

#include <float.h>
#include <glib/gi18n.h>
#include <math.h>

#include "sc-erlang.h"

/*
 * Notation: A offered load in Erlangs, N agents, AHT the mean handling time.
 * Inside this file time is measured in AHTs (the service rate μ is 1), so
 * the arrival rate λ is A, the abandonment rate θ is AHT / patience and a
 * target of t seconds is t / AHT.
 *
 * Erlang A follows Mandelbaum & Zeltyn, "The Palm/Erlang-A queue, with
 * applications to call centers" (2005). With x = N/θ and y = A/θ, all of its
 * measures come from
 *
 *   S(x, z) = 1 + Σ_{k≥1} z^k / ((x+1)(x+2)…(x+k)) = x·e^z·z^−x·γ(x, z)
 *
 * (their A(x, y); γ is the lower incomplete gamma function) and the
 * Erlang B value E = B(N, A):
 *
 *   P(wait)           = S·E / (1 + (S − 1)·E)
 *   P(abandon | wait) = 1 + 1/(ρ·S) − 1/ρ,              ρ = A/N
 *   P(abandon)        = P(wait)·P(abandon | wait)
 *   E[wait]           = P(abandon) / θ                  (Little's law on the queue)
 *   occupancy         = ρ·(1 − P(abandon))
 *
 * A delayed caller's offered wait V (the time to an answer if they never
 * hung up) has P(V > s) = P(wait)·γ(x, y·e^−θs) / γ(x, y), and they are
 * answered when V is less than their own patience, so the share of all
 * callers answered within t is
 *
 *   SL(t) = 1 − P(abandon) − P(wait)·(1/ρ)·e^{y(1 − e^−θt) − N·t}·(S(x, y·e^−θt) − 1) / S(x, y)
 *
 * (callers who hang up, and callers answered after t, miss the target).
 * S is summed directly where its terms shrink (z < x + 1) and taken from the
 * continued fraction of the upper incomplete gamma function elsewhere, in
 * logarithms throughout, so nothing overflows for large N, A or patience.
 */

/* Slack in the comparisons with targets, so that a value equal to its
 * target in exact arithmetic is not rejected for a rounding error */
#define TARGET_SLACK 1e-12

/* More agents than any load up to SC_ERLANG_MAX_ERLANGS can need; reaching
 * it means the arithmetic went wrong, not that the answer is that large */
#define MAX_AGENTS ((int) (4 * SC_ERLANG_MAX_ERLANGS) + 1000)

G_DEFINE_QUARK (sc-erlang-error-quark, sc_erlang_error)

static double
clamp_fraction (double value)
{
  return CLAMP (value, 0.0, 1.0);
}

static double
log_gamma (double x)
{
  int sign;

  /* lgamma() writes the global signgam: not for threads */
  return lgamma_r (x, &sign);
}

/* ln S(x, z) and ln (S(x, z) − 1), for x > 0 and z > 0 */
static void
log_palm_sum (double  x,
              double  z,
              double *log_s,
              double *log_s_minus_1)
{
  g_assert (x > 0 && z > 0);

  if (z < x + 1)
    {
      /* Every term is smaller than the one before it */
      double term = 1.0;
      double sum = 0.0;

      for (int k = 1; k < 100000000; k++)
        {
          term *= z / (x + k);
          sum += term;
          if (term <= sum * DBL_EPSILON)
            break;
        }

      *log_s = log1p (sum);
      *log_s_minus_1 = log (sum);
    }
  else
    {
      /* S = x·z^−x·e^z·(Γ(x) − Γ(x, z)) = e^L·(1 − Q(x, z)) with
       * L = z − x·ln z + ln Γ(x + 1) and Γ(x, z) = e^−z·z^x·h, h by the
       * modified Lentz continued fraction (Numerical Recipes, gcf) */
      const double tiny = DBL_MIN / DBL_EPSILON;
      double b = z + 1 - x;
      double c = 1 / tiny;
      double d = 1 / b;
      double h = d;
      double l;
      double q;

      for (int i = 1; i < 100000000; i++)
        {
          double an = -i * (i - x);
          double delta;

          b += 2;
          d = an * d + b;
          if (fabs (d) < tiny)
            d = tiny;
          c = b + an / c;
          if (fabs (c) < tiny)
            c = tiny;
          d = 1 / d;
          delta = d * c;
          h *= delta;
          if (fabs (delta - 1) <= DBL_EPSILON)
            break;
        }

      l = z - x * log (z) + log_gamma (x + 1);
      q = x * h * exp (-l);
      *log_s = l + log1p (-CLAMP (q, 0.0, 1.0 - DBL_EPSILON));
      *log_s_minus_1 = *log_s + log1p (-exp (-*log_s));
    }
}

/* Erlang A in AHT units: theta = AHT / patience, t = target / AHT.
 * Fills out with asa_seconds in AHTs. */
static void
erlang_a_compute (int              agents,
                  double           erlangs,
                  double           theta,
                  double           t,
                  ScErlangAResult *out)
{
  double rho, x, y, e, log_s, log_s1, p_wait, p_abandon_wait, p_abandon, missed_late;

  if (erlangs <= 0)
    {
      *out = (ScErlangAResult) { .p_wait = 0, .p_abandon = 0, .occupancy = 0,
                                 .asa_seconds = 0, .service_level = 1 };
      return;
    }
  if (agents <= 0)
    {
      /* Nobody answers: every caller waits until they hang up */
      *out = (ScErlangAResult) { .p_wait = 1, .p_abandon = 1, .occupancy = 0,
                                 .asa_seconds = 1 / theta, .service_level = 0 };
      return;
    }

  rho = erlangs / agents;
  x = agents / theta;
  y = erlangs / theta;
  e = sc_erlang_b (agents, erlangs);
  log_palm_sum (x, y, &log_s, &log_s1);

  /* P(wait) = 1 / (1 + (1 − E) / (S·E)); E may underflow to 0 */
  p_wait = clamp_fraction (1 / (1 + (1 - e) * exp (-log_s - log (e))));
  p_abandon_wait = clamp_fraction (1 - exp (log_s1 - log_s) / rho);
  p_abandon = p_wait * p_abandon_wait;

  /* Delayed callers answered after t */
  if (t <= 0)
    {
      missed_late = 1 - p_abandon_wait;
    }
  else
    {
      double z = y * exp (-theta * t);

      if (z > 0)
        {
          double log_sz, log_sz1;

          log_palm_sum (x, z, &log_sz, &log_sz1);
          missed_late = exp (-log (rho) - y * expm1 (-theta * t) - agents * t + log_sz1 - log_s);
        }
      else
        {
          missed_late = 0;
        }
    }

  out->p_wait = p_wait;
  out->p_abandon = p_abandon;
  out->occupancy = clamp_fraction (rho * (1 - p_abandon));
  out->asa_seconds = p_abandon / theta;
  out->service_level = clamp_fraction (1 - p_abandon - p_wait * missed_late);
}

/**
 * sc_erlang_offered_load:
 * @calls: contacts offered in the interval
 * @interval_minutes: length of the interval
 * @aht_seconds: average handling time
 *
 * Returns: the offered load in Erlangs, calls × AHT / interval
 */
double
sc_erlang_offered_load (double calls,
                        int    interval_minutes,
                        double aht_seconds)
{
  g_return_val_if_fail (interval_minutes > 0, NAN);

  return calls * aht_seconds / (interval_minutes * 60.0);
}

/**
 * sc_erlang_b:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 *
 * Returns: the Erlang B blocking probability B(N, A); B(0, A) = 1
 */
double
sc_erlang_b (int    agents,
             double erlangs)
{
  double b = 1.0;

  g_return_val_if_fail (agents >= 0, NAN);
  g_return_val_if_fail (erlangs >= 0, NAN);

  /* Once B underflows to 0 it stays there */
  for (int n = 1; n <= agents && b > 0; n++)
    b = erlangs * b / (n + erlangs * b);

  return b;
}

static double
erlang_c_from_b (int    agents,
                 double erlangs,
                 double b)
{
  return clamp_fraction (agents * b / (agents - erlangs * (1 - b)));
}

/**
 * sc_erlang_c:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 *
 * Returns: the Erlang C probability that a caller waits, N·B / (N − A·(1 − B));
 *   1 when the queue is unstable (N ≤ A), 0 when nobody calls (A = 0)
 */
double
sc_erlang_c (int    agents,
             double erlangs)
{
  g_return_val_if_fail (agents >= 0, NAN);
  g_return_val_if_fail (erlangs >= 0, NAN);

  if (erlangs == 0)
    return 0;
  if (agents <= erlangs)
    return 1;

  return erlang_c_from_b (agents, erlangs, sc_erlang_b (agents, erlangs));
}

static double
service_level_from_c (int    agents,
                      double erlangs,
                      double aht_seconds,
                      double target_seconds,
                      double c)
{
  /* The exponent is never positive: no overflow */
  return clamp_fraction (1 - c * exp (-(agents - erlangs) * target_seconds / aht_seconds));
}

/**
 * sc_erlang_service_level:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 * @aht_seconds: average handling time, > 0
 * @target_seconds: answer time, ≥ 0
 *
 * Returns: the Erlang C share of callers answered within @target_seconds,
 *   1 − C·e^(−(N − A)·t / AHT); 0 when unstable, 1 when nobody calls
 */
double
sc_erlang_service_level (int    agents,
                         double erlangs,
                         double aht_seconds,
                         double target_seconds)
{
  g_return_val_if_fail (aht_seconds > 0, NAN);
  g_return_val_if_fail (target_seconds >= 0, NAN);

  if (erlangs == 0)
    return 1;
  if (agents <= erlangs)
    return 0;

  return service_level_from_c (agents, erlangs, aht_seconds, target_seconds,
                               sc_erlang_c (agents, erlangs));
}

/**
 * sc_erlang_asa:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 * @aht_seconds: average handling time, > 0
 *
 * Returns: the Erlang C average speed of answer in seconds, C·AHT / (N − A);
 *   INFINITY when unstable, 0 when nobody calls
 */
double
sc_erlang_asa (int    agents,
               double erlangs,
               double aht_seconds)
{
  g_return_val_if_fail (aht_seconds > 0, NAN);

  if (erlangs == 0)
    return 0;
  if (agents <= erlangs)
    return INFINITY;

  return sc_erlang_c (agents, erlangs) * aht_seconds / (agents - erlangs);
}

/**
 * sc_erlang_occupancy:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 *
 * Returns: A / N, at most 1 (an unstable queue keeps every agent busy);
 *   0 with no agents
 */
double
sc_erlang_occupancy (int    agents,
                     double erlangs)
{
  g_return_val_if_fail (agents >= 0, NAN);
  g_return_val_if_fail (erlangs >= 0, NAN);

  if (agents == 0)
    return 0;

  return MIN (1.0, erlangs / agents);
}

/**
 * sc_erlang_a:
 * @agents: N ≥ 0
 * @erlangs: offered load A ≥ 0
 * @aht_seconds: average handling time, > 0
 * @patience_seconds: mean time a caller waits before hanging up, > 0
 * @target_seconds: answer time for the service level, ≥ 0
 * @out: (out): the measures
 *
 * Erlang A (M/M/N+M): callers hang up after an exponentially distributed
 * patience. Always stable, whatever N. The average speed of answer is the
 * mean wait of all callers, including the time those who hang up waited;
 * the service level counts callers who hang up as missed.
 */
void
sc_erlang_a (int              agents,
             double           erlangs,
             double           aht_seconds,
             double           patience_seconds,
             double           target_seconds,
             ScErlangAResult *out)
{
  g_return_if_fail (agents >= 0);
  g_return_if_fail (erlangs >= 0);
  g_return_if_fail (aht_seconds > 0);
  g_return_if_fail (patience_seconds > 0);
  g_return_if_fail (target_seconds >= 0);
  g_return_if_fail (out != NULL);

  erlang_a_compute (agents, erlangs, aht_seconds / patience_seconds,
                    target_seconds / aht_seconds, out);
  out->asa_seconds *= aht_seconds;
}

double
sc_erlang_a_wait_probability (int    agents,
                              double erlangs,
                              double aht_seconds,
                              double patience_seconds)
{
  ScErlangAResult result = { 0, };

  sc_erlang_a (agents, erlangs, aht_seconds, patience_seconds, 0, &result);
  return result.p_wait;
}

double
sc_erlang_a_abandon_probability (int    agents,
                                 double erlangs,
                                 double aht_seconds,
                                 double patience_seconds)
{
  ScErlangAResult result = { 0, };

  sc_erlang_a (agents, erlangs, aht_seconds, patience_seconds, 0, &result);
  return result.p_abandon;
}

double
sc_erlang_a_service_level (int    agents,
                           double erlangs,
                           double aht_seconds,
                           double patience_seconds,
                           double target_seconds)
{
  ScErlangAResult result = { 0, };

  sc_erlang_a (agents, erlangs, aht_seconds, patience_seconds, target_seconds, &result);
  return result.service_level;
}

double
sc_erlang_a_asa (int    agents,
                 double erlangs,
                 double aht_seconds,
                 double patience_seconds)
{
  ScErlangAResult result = { 0, };

  sc_erlang_a (agents, erlangs, aht_seconds, patience_seconds, 0, &result);
  return result.asa_seconds;
}

double
sc_erlang_a_occupancy (int    agents,
                       double erlangs,
                       double aht_seconds,
                       double patience_seconds)
{
  ScErlangAResult result = { 0, };

  sc_erlang_a (agents, erlangs, aht_seconds, patience_seconds, 0, &result);
  return result.occupancy;
}

/**
 * sc_erlang_scheduled_agents:
 * @agents: agents needed on the phones
 * @shrinkage: share of paid time off the phones (breaks, training,
 *   absence), in [0, 1)
 *
 * Returns: the people to schedule, ceil (agents / (1 − shrinkage))
 */
int
sc_erlang_scheduled_agents (int    agents,
                            double shrinkage)
{
  g_return_val_if_fail (agents >= 0, 0);
  g_return_val_if_fail (shrinkage >= 0 && shrinkage < 1, agents);

  /* 14 / 0.7 may come out a hair above 20 */
  return (int) ceil (agents / (1 - shrinkage) - 1e-9);
}

static gboolean
validate_input (const ScStaffingInput  *in,
                gboolean                need_target,
                double                 *out_erlangs,
                GError                **error)
{
  double erlangs;

  if (!(in->calls >= 0 && isfinite (in->calls)))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The number of calls must be zero or more, not %g"), in->calls);
      return FALSE;
    }
  if (in->interval_minutes <= 0)
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The interval must last at least one minute, not %d"), in->interval_minutes);
      return FALSE;
    }
  if (!(in->aht_seconds > 0 && isfinite (in->aht_seconds)))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The average handling time must be more than 0 seconds, not %g"),
                   in->aht_seconds);
      return FALSE;
    }
  if (need_target && !(in->target_sl > 0 && in->target_sl < 1))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The service level target must be a fraction between 0 and 1, such as 0.80, not %g"),
                   in->target_sl);
      return FALSE;
    }
  if (!(in->target_seconds >= 0 && isfinite (in->target_seconds)))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The target answer time must be 0 seconds or more, not %g"),
                   in->target_seconds);
      return FALSE;
    }
  if (!(in->max_occupancy == 0 || (in->max_occupancy > 0 && in->max_occupancy <= 1)))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The maximum occupancy must be a fraction above 0 and at most 1, such as 0.85 (or 0 for no limit), not %g"),
                   in->max_occupancy);
      return FALSE;
    }
  if (!(in->shrinkage >= 0 && in->shrinkage < 1))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The shrinkage must be a fraction from 0 up to but not including 1, such as 0.30, not %g"),
                   in->shrinkage);
      return FALSE;
    }
  if (!(in->patience_seconds >= 0 && isfinite (in->patience_seconds)))
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The mean patience must be 0 seconds (callers never hang up) or more, not %g"),
                   in->patience_seconds);
      return FALSE;
    }

  erlangs = sc_erlang_offered_load (in->calls, in->interval_minutes, in->aht_seconds);
  if (erlangs > SC_ERLANG_MAX_ERLANGS)
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_TOO_LARGE,
                   _("An offered load of %.0f Erlangs is more than one interval can be staffed for (at most %.0f)"),
                   erlangs, SC_ERLANG_MAX_ERLANGS);
      return FALSE;
    }

  *out_erlangs = erlangs;
  return TRUE;
}

/* Fills everything but scheduled */
static void
evaluate_erlang_c (const ScStaffingInput *in,
                   double                 erlangs,
                   int                    agents,
                   double                 b,
                   ScStaffingResult      *out)
{
  out->erlangs = erlangs;
  out->agents = agents;
  out->p_abandon = 0;

  if (erlangs == 0)
    {
      out->stable = TRUE;
      out->p_wait = 0;
      out->service_level = 1;
      out->asa_seconds = 0;
      out->occupancy = 0;
    }
  else if (agents <= erlangs)
    {
      out->stable = FALSE;
      out->p_wait = 1;
      out->service_level = 0;
      out->asa_seconds = INFINITY;
      out->occupancy = sc_erlang_occupancy (agents, erlangs);
    }
  else
    {
      double c = erlang_c_from_b (agents, erlangs, b);

      out->stable = TRUE;
      out->p_wait = c;
      out->service_level = service_level_from_c (agents, erlangs, in->aht_seconds,
                                                 in->target_seconds, c);
      out->asa_seconds = c * in->aht_seconds / (agents - erlangs);
      out->occupancy = erlangs / agents;
    }
}

static void
evaluate_erlang_a (const ScStaffingInput *in,
                   double                 erlangs,
                   int                    agents,
                   ScStaffingResult      *out)
{
  ScErlangAResult a = { 0, };

  sc_erlang_a (agents, erlangs, in->aht_seconds, in->patience_seconds, in->target_seconds, &a);
  out->erlangs = erlangs;
  out->agents = agents;
  out->stable = TRUE;
  out->p_wait = a.p_wait;
  out->p_abandon = a.p_abandon;
  out->service_level = a.service_level;
  out->asa_seconds = a.asa_seconds;
  out->occupancy = a.occupancy;
}

static gboolean
meets_targets (const ScStaffingInput  *in,
               const ScStaffingResult *result)
{
  return result->stable &&
         result->service_level >= in->target_sl - TARGET_SLACK &&
         (in->max_occupancy == 0 || result->occupancy <= in->max_occupancy + TARGET_SLACK);
}

/**
 * sc_erlang_evaluate:
 * @in: the interval (its target_sl is not used)
 * @agents: agents on the phones, ≥ 0
 * @out: (out): what they achieve
 * @error: an error in the SC_ERLANG_ERROR domain when @in is out of range
 *
 * The measures of one interval staffed with @agents: Erlang A when
 * @in->patience_seconds is set, Erlang C otherwise. An unstable Erlang C
 * queue gives stable = FALSE, p_wait 1, service level 0, ASA INFINITY and
 * occupancy 1.
 *
 * Returns: FALSE with @error set on bad input
 */
gboolean
sc_erlang_evaluate (const ScStaffingInput  *in,
                    int                     agents,
                    ScStaffingResult       *out,
                    GError                **error)
{
  double erlangs;

  g_return_val_if_fail (in != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_input (in, FALSE, &erlangs, error))
    return FALSE;
  if (agents < 0)
    {
      g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT,
                   _("The number of agents must be zero or more, not %d"), agents);
      return FALSE;
    }

  if (in->patience_seconds > 0)
    evaluate_erlang_a (in, erlangs, agents, out);
  else
    evaluate_erlang_c (in, erlangs, agents, sc_erlang_b (agents, erlangs), out);
  out->scheduled = sc_erlang_scheduled_agents (agents, in->shrinkage);
  return TRUE;
}

/**
 * sc_erlang_required_agents:
 * @in: the interval and its targets
 * @out: (out): the smallest staffing that meets them and what it achieves
 * @error: an error in the SC_ERLANG_ERROR domain when @in is out of range
 *
 * Finds the smallest number of agents N whose service level reaches
 * @in->target_sl within @in->target_seconds and, when @in->max_occupancy is
 * not 0, whose occupancy stays at or below it; then the people to schedule
 * for @in->shrinkage.
 *
 * Erlang C (no patience): N runs up from the smallest N > A, with Erlang B
 * carried along by its recursion. Erlang A (patience set): callers who hang
 * up count as missed; N is found by bisection, since more agents never
 * lower the service level nor raise the occupancy, and may be below A.
 *
 * No calls need no agents: an interval with 0 calls gives 0 agents,
 * 0 scheduled, p_wait 0, service level 1, ASA 0 and occupancy 0.
 *
 * Returns: FALSE with @error set on bad input
 */
gboolean
sc_erlang_required_agents (const ScStaffingInput  *in,
                           ScStaffingResult       *out,
                           GError                **error)
{
  ScStaffingResult result = { 0, };
  double erlangs;

  g_return_val_if_fail (in != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_input (in, TRUE, &erlangs, error))
    return FALSE;

  if (erlangs == 0)
    {
      evaluate_erlang_c (in, erlangs, 0, 1, &result);
    }
  else if (in->patience_seconds == 0)
    {
      /* erlangs ≤ SC_ERLANG_MAX_ERLANGS, so none of this overflows an int */
      int agents = (int) floor (erlangs) + 1;
      double b = sc_erlang_b (agents, erlangs);

      for (;;)
        {
          evaluate_erlang_c (in, erlangs, agents, b, &result);
          if (meets_targets (in, &result))
            break;

          if (++agents > MAX_AGENTS)
            goto unreachable;
          b = erlangs * b / (agents + erlangs * b);
        }
    }
  else
    {
      /* meets (lo) is FALSE (0 agents answer nobody), meets (hi) TRUE */
      int lo = 0;
      int hi = MAX (1, (int) ceil (erlangs));

      for (;;)
        {
          evaluate_erlang_a (in, erlangs, hi, &result);
          if (meets_targets (in, &result))
            break;
          lo = hi;
          if ((hi *= 2) > MAX_AGENTS)
            goto unreachable;
        }

      while (hi - lo > 1)
        {
          int mid = lo + (hi - lo) / 2;

          evaluate_erlang_a (in, erlangs, mid, &result);
          if (meets_targets (in, &result))
            hi = mid;
          else
            lo = mid;
        }

      evaluate_erlang_a (in, erlangs, hi, &result);
    }

  result.scheduled = sc_erlang_scheduled_agents (result.agents, in->shrinkage);
  *out = result;
  return TRUE;

unreachable:
  g_set_error (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_TOO_LARGE,
               _("No number of agents up to %d meets a service level of %g within %g seconds for %g Erlangs"),
               MAX_AGENTS, in->target_sl, in->target_seconds, erlangs);
  return FALSE;
}
