/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A small linear program in equality form, min cᵀx subject to Ax = b,
 * x ≥ 0, solved by the revised simplex method with an explicit basis
 * inverse (refactorised every few hundred pivots). Meant for restricted
 * master problems of a few hundred rows and a few thousand sparse columns,
 * where columns are added between solves and the last basis is the next
 * start.
 *
 * The caller gives a first feasible basis: one column per row whose
 * matrix is invertible and whose solution B⁻¹b is ≥ 0. Columns can be held
 * at zero and freed again (branching); the next solve starts from the last
 * basis with the dual simplex when a held column still has a value (a
 * first phase when that fails). The primal simplex runs on a slightly
 * perturbed right-hand side, against the stalling that degenerate set
 * partitioning problems cause, and the dual simplex mends the true one.
 */

typedef struct _ScLp ScLp;

ScLp         *_sc_lp_new             (int           n_rows,
                                      const double *rhs);
void          _sc_lp_free            (ScLp         *lp);
int           _sc_lp_add_column      (ScLp         *lp,
                                      double        cost,
                                      int           n,
                                      const int    *rows,
                                      const double *values);
int           _sc_lp_get_n_columns   (ScLp         *lp);
void          _sc_lp_set_cost        (ScLp         *lp,
                                      int           column,
                                      double        cost);
void          _sc_lp_set_fixed       (ScLp         *lp,
                                      int           column,
                                      gboolean      fixed);
gboolean      _sc_lp_set_basis       (ScLp         *lp,
                                      const int    *columns);
gboolean      _sc_lp_solve           (ScLp         *lp,
                                      int           max_pivots);
double        _sc_lp_get_objective   (ScLp         *lp);
const double *_sc_lp_get_duals       (ScLp         *lp);
double        _sc_lp_get_value       (ScLp         *lp,
                                      int           column);

G_END_DECLS
