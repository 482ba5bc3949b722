/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-lp"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-lp.h"

#define EPS_PIVOT      1e-9    /* smallest pivot element */
#define EPS_COST       1e-9    /* reduced costs above −this are optimal */
#define REFACTOR_EVERY 50      /* pivots between refactorisations */
#define DEGENERATE_MAX 30      /* degenerate pivots before Bland's rule */

struct _ScLp
{
  int     m;
  double *rhs;
  /* columns, sparse */
  GArray *cost;       /* double */
  GArray *start;      /* int, n + 1 */
  GArray *rows;       /* int */
  GArray *values;     /* double */
  /* basis */
  int    *basis;      /* [m]: column in position k */
  GArray *position;   /* int per column: its position in the basis, or −1 */
  double *binv;       /* [k * m + i] */
  double *xb;
  double *y;
  double *d;
  double *work;       /* m × m scratch for refactorising */
  int     since_refactor;
  double  objective;
};

ScLp *
_sc_lp_new (int           n_rows,
            const double *rhs)
{
  ScLp *lp = g_new0 (ScLp, 1);
  int zero = 0;

  lp->m = n_rows;
  lp->rhs = g_memdup2 (rhs, sizeof (double) * MAX (n_rows, 1));
  lp->cost = g_array_new (FALSE, FALSE, sizeof (double));
  lp->start = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (lp->start, zero);
  lp->rows = g_array_new (FALSE, FALSE, sizeof (int));
  lp->values = g_array_new (FALSE, FALSE, sizeof (double));
  lp->position = g_array_new (FALSE, FALSE, sizeof (int));
  lp->basis = g_new0 (int, MAX (n_rows, 1));
  lp->binv = g_new0 (double, (gsize) MAX (n_rows, 1) * MAX (n_rows, 1));
  lp->xb = g_new0 (double, MAX (n_rows, 1));
  lp->y = g_new0 (double, MAX (n_rows, 1));
  lp->d = g_new0 (double, MAX (n_rows, 1));
  lp->work = g_new0 (double, (gsize) MAX (n_rows, 1) * MAX (n_rows, 1));
  return lp;
}

void
_sc_lp_free (ScLp *lp)
{
  if (lp == NULL)
    return;
  g_free (lp->rhs);
  g_array_unref (lp->cost);
  g_array_unref (lp->start);
  g_array_unref (lp->rows);
  g_array_unref (lp->values);
  g_array_unref (lp->position);
  g_free (lp->basis);
  g_free (lp->binv);
  g_free (lp->xb);
  g_free (lp->y);
  g_free (lp->d);
  g_free (lp->work);
  g_free (lp);
}

int
_sc_lp_add_column (ScLp         *lp,
                   double        cost,
                   int           n,
                   const int    *rows,
                   const double *values)
{
  int end, none = -1;

  g_array_append_val (lp->cost, cost);
  g_array_append_vals (lp->rows, rows, n);
  g_array_append_vals (lp->values, values, n);
  end = (int) lp->rows->len;
  g_array_append_val (lp->start, end);
  g_array_append_val (lp->position, none);
  return (int) lp->cost->len - 1;
}

int
_sc_lp_get_n_columns (ScLp *lp)
{
  return (int) lp->cost->len;
}

/* A new cost for a column: the basis stays feasible, the next solve goes
 * on from it */
void
_sc_lp_set_cost (ScLp   *lp,
                 int     column,
                 double  cost)
{
  g_array_index (lp->cost, double, column) = cost;
}

/* B⁻¹ from the basis columns by Gauss–Jordan elimination with partial
 * pivoting, and the basic solution B⁻¹b */
static gboolean
refactor (ScLp *lp)
{
  int m = lp->m;
  double *a = lp->work, *inv = lp->binv;
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows = (const int *) (gpointer) lp->rows->data;
  const double *values = (const double *) (gpointer) lp->values->data;

  memset (a, 0, sizeof (double) * m * m);
  memset (inv, 0, sizeof (double) * m * m);
  for (int k = 0; k < m; k++)
    {
      int j = lp->basis[k];

      for (int e = start[j]; e < start[j + 1]; e++)
        a[rows[e] * m + k] = values[e];
      inv[k * m + k] = 1;
    }
  for (int c = 0; c < m; c++)
    {
      int p = c;
      double big = fabs (a[c * m + c]);

      for (int r = c + 1; r < m; r++)
        if (fabs (a[r * m + c]) > big)
          {
            big = fabs (a[r * m + c]);
            p = r;
          }
      if (big < EPS_PIVOT)
        return FALSE;
      if (p != c)
        for (int i = 0; i < m; i++)
          {
            double t = a[c * m + i];

            a[c * m + i] = a[p * m + i];
            a[p * m + i] = t;
            t = inv[c * m + i];
            inv[c * m + i] = inv[p * m + i];
            inv[p * m + i] = t;
          }
      {
        double piv = a[c * m + c];

        for (int i = 0; i < m; i++)
          {
            a[c * m + i] /= piv;
            inv[c * m + i] /= piv;
          }
      }
      for (int r = 0; r < m; r++)
        {
          double f = a[r * m + c];

          if (r == c || f == 0)
            continue;
          for (int i = 0; i < m; i++)
            {
              a[r * m + i] -= f * a[c * m + i];
              inv[r * m + i] -= f * inv[c * m + i];
            }
        }
    }
  /* rows of inv are now the rows of B⁻¹ in basis order */
  for (int k = 0; k < m; k++)
    {
      double s = 0;

      for (int i = 0; i < m; i++)
        s += inv[k * m + i] * lp->rhs[i];
      lp->xb[k] = s < 0 && s > -1e-9 ? 0 : s;
    }
  lp->since_refactor = 0;
  return TRUE;
}

/**
 * _sc_lp_set_basis:
 * @columns: one column per row
 *
 * Returns: %FALSE when those columns are not a basis or their solution is
 *   not ≥ 0
 */
gboolean
_sc_lp_set_basis (ScLp      *lp,
                  const int *columns)
{
  int *position = (int *) (gpointer) lp->position->data;

  for (guint j = 0; j < lp->position->len; j++)
    position[j] = -1;
  for (int k = 0; k < lp->m; k++)
    {
      lp->basis[k] = columns[k];
      position[columns[k]] = k;
    }
  if (!refactor (lp))
    return FALSE;
  for (int k = 0; k < lp->m; k++)
    if (lp->xb[k] < -1e-7)
      return FALSE;
  return TRUE;
}

static double
reduced_cost (ScLp *lp,
              int   j)
{
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows = (const int *) (gpointer) lp->rows->data;
  const double *values = (const double *) (gpointer) lp->values->data;
  double rc = g_array_index (lp->cost, double, j);

  for (int e = start[j]; e < start[j + 1]; e++)
    rc -= lp->y[rows[e]] * values[e];
  return rc;
}

static void
compute_duals (ScLp *lp)
{
  int m = lp->m;
  const double *cost = (const double *) (gpointer) lp->cost->data;

  memset (lp->y, 0, sizeof (double) * m);
  for (int k = 0; k < m; k++)
    {
      double cb = cost[lp->basis[k]];

      if (cb == 0)
        continue;
      for (int i = 0; i < m; i++)
        lp->y[i] += cb * lp->binv[k * m + i];
    }
}

/**
 * _sc_lp_solve:
 * @max_pivots: a bound on the work, ≤ 0 for none
 *
 * Solves from the current basis (see _sc_lp_set_basis()).
 *
 * Returns: %TRUE when the basis is optimal
 */
gboolean
_sc_lp_solve (ScLp *lp,
              int   max_pivots)
{
  int m = lp->m;
  int degenerate = 0;
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows;
  const double *values;
  int *position;

  for (int pivots = 0; max_pivots <= 0 || pivots < max_pivots; pivots++)
    {
      int n = (int) lp->cost->len;
      gboolean bland = degenerate >= DEGENERATE_MAX;
      int q = -1, r = -1;
      double best = -EPS_COST, theta, piv;

      start = (const int *) (gpointer) lp->start->data;
      rows = (const int *) (gpointer) lp->rows->data;
      values = (const double *) (gpointer) lp->values->data;
      position = (int *) (gpointer) lp->position->data;

      if (lp->since_refactor >= REFACTOR_EVERY && !refactor (lp))
        return FALSE;
      compute_duals (lp);

      /* entering column: the most negative reduced cost, or under Bland's
       * rule the first negative one */
      for (int j = 0; j < n; j++)
        {
          double rc;

          if (position[j] >= 0)
            continue;
          rc = reduced_cost (lp, j);
          if (rc < best)
            {
              best = rc;
              q = j;
              if (bland)
                break;
            }
        }
      if (q < 0)
        {
          const double *cost = (const double *) (gpointer) lp->cost->data;

          lp->objective = 0;
          for (int k = 0; k < m; k++)
            lp->objective += cost[lp->basis[k]] * lp->xb[k];
          return TRUE;
        }

      /* d = B⁻¹ a_q */
      memset (lp->d, 0, sizeof (double) * m);
      for (int e = start[q]; e < start[q + 1]; e++)
        {
          int i = rows[e];
          double v = values[e];

          for (int k = 0; k < m; k++)
            lp->d[k] += lp->binv[k * m + i] * v;
        }

      /* leaving row: the ratio test, ties to the largest pivot (or under
       * Bland's rule to the lowest column) */
      theta = G_MAXDOUBLE;
      for (int k = 0; k < m; k++)
        {
          double t;

          if (lp->d[k] <= EPS_PIVOT)
            continue;
          t = lp->xb[k] / lp->d[k];
          if (r < 0 || t < theta - 1e-12 ||
              (t < theta + 1e-12 && (bland ? lp->basis[k] < lp->basis[r] : lp->d[k] > lp->d[r])))
            {
              theta = MIN (t, theta);
              r = k;
            }
        }
      if (r < 0)
        return FALSE;   /* unbounded */
      theta = MAX (lp->xb[r] / lp->d[r], 0);
      degenerate = theta < 1e-12 ? degenerate + 1 : 0;

      for (int k = 0; k < m; k++)
        if (k != r)
          {
            lp->xb[k] -= theta * lp->d[k];
            if (lp->xb[k] < 0 && lp->xb[k] > -1e-9)
              lp->xb[k] = 0;
          }
      lp->xb[r] = theta;

      piv = lp->d[r];
      for (int i = 0; i < m; i++)
        lp->binv[r * m + i] /= piv;
      for (int k = 0; k < m; k++)
        {
          double f = lp->d[k];

          if (k == r || f == 0)
            continue;
          for (int i = 0; i < m; i++)
            lp->binv[k * m + i] -= f * lp->binv[r * m + i];
        }
      position[lp->basis[r]] = -1;
      lp->basis[r] = q;
      position[q] = r;
      lp->since_refactor++;
    }
  return FALSE;
}

double
_sc_lp_get_objective (ScLp *lp)
{
  return lp->objective;
}

/* the duals of the last optimal basis */
const double *
_sc_lp_get_duals (ScLp *lp)
{
  return lp->y;
}

double
_sc_lp_get_value (ScLp *lp,
                  int   column)
{
  int k = g_array_index (lp->position, int, column);

  return k >= 0 ? lp->xb[k] : 0;
}
