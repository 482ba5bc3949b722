/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-roster-problem.h"
#include "sc-roster-score.h"

/* The optimum of a small problem by enumeration: every row of every person
 * that breaks no hard rule, then every combination of such rows. Returns
 * G_MAXINT64 when there is no feasible roster. */

static inline GArray *
sc_test_feasible_rows (const ScRosterProblem *problem,
                       int                    person)
{
  int D = problem->n_days, V = problem->n_shift_types + 1;
  GArray *rows = g_array_new (FALSE, FALSE, D);
  g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);
  g_autofree int *digits = g_new0 (int, D);
  gint64 n = 1;

  for (int d = 0; d < D; d++)
    n *= V;
  for (gint64 k = 0; k < n; k++)
    {
      g_autoptr(ScRosterScore) score = NULL;
      gint64 rest = k;
      gboolean ok = TRUE;

      for (int d = 0; d < D; d++)
        {
          sc_roster_solution_set (solution, person, d, (int) (rest % V) - 1);
          rest /= V;
        }
      score = sc_roster_score_compute (problem, solution, TRUE);
      for (guint i = 0; i < score->violations->len; i++)
        {
          const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);
          if (sc_roster_rule_is_hard (v->rule) && v->person == person)
            ok = FALSE;
        }
      if (ok)
        g_array_append_vals (rows, solution->cells + (gsize) person * D, 1);
    }
  return rows;
}

static inline void
sc_test_enumerate (ScRosterEval  *eval,
                   GArray       **rows,
                   int            person,
                   int            n_people,
                   gint64        *best)
{
  if (person == n_people)
    {
      if (sc_roster_eval_get_hard_violations (eval) == 0)
        *best = MIN (*best, sc_roster_eval_get_objective (eval));
      return;
    }
  for (guint i = 0; i < rows[person]->len; i++)
    {
      sc_roster_eval_apply_row (eval, person, (const gint8 *) rows[person]->data + (gsize) i * g_array_get_element_size (rows[person]));
      sc_test_enumerate (eval, rows, person + 1, n_people, best);
    }
}

static inline gint64
sc_test_brute_force_optimum (const ScRosterProblem *problem)
{
  g_autoptr(ScRosterSolution) empty = sc_roster_solution_new_for_problem (problem);
  g_autoptr(ScRosterEval) eval = sc_roster_eval_new (problem, empty);
  g_autofree GArray **rows = g_new0 (GArray *, problem->n_people);
  gint64 best = G_MAXINT64, combinations = 1;

  for (int p = 0; p < problem->n_people; p++)
    {
      rows[p] = sc_test_feasible_rows (problem, p);
      combinations *= MAX (rows[p]->len, 1);
    }
  g_assert_cmpint (combinations, <, 20000000);
  sc_test_enumerate (eval, rows, 0, problem->n_people, &best);
  for (int p = 0; p < problem->n_people; p++)
    g_array_unref (rows[p]);
  return best;
}
