/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-lp"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sc-lp.h"

/* the dense loops over B⁻¹ in AVX2 where the processor has it (without
 * FMA: the same sums, to the bit, as the plain version) */
#if defined(__GNUC__) && defined(__x86_64__) && defined(__linux__)
#define SC_LP_VECTOR __attribute__ ((target_clones ("avx2", "default")))
#else
#define SC_LP_VECTOR
#endif

#define EPS_PIVOT      1e-9    /* smallest pivot element */
#define EPS_COST       1e-7    /* reduced costs above −this are optimal */
#define EPS_BLOCK      1e-7    /* a column held at zero leaves when it would move this much */
#define EPS_FEASIBLE   1e-7    /* columns held at zero: their largest sum */
#define PERTURBATION   1e-6    /* the least a basic column gains, at most twice that */
#define RAISE          1e-5    /* the least a nonbasic column's cost gains, at most twice that */
#define REFACTOR_EVERY 400     /* pivots between refactorisations */
#define PRICE_SEGMENT  512     /* columns priced before taking the best */
#define SHORTLIST      8       /* … of which these many are weighed by their steepness */
#define DEGENERATE_MAX 300     /* degenerate pivots in a row before Bland's rule … */
#define DEGENERATE_TOTAL 5     /* … or these many a row in all: then for the rest */

typedef struct
{
  int    column;
  double alpha;   /* its entry in the leaving row of B⁻¹A */
  double rc;      /* its reduced cost */
  double ratio;   /* its reduced cost over |alpha| */
} Candidate;

struct _ScLp
{
  int     m;
  double *rhs;
  double *shifted;    /* the right-hand side moved by the perturbation */
  const double *b;    /* the one in use: rhs or shifted */
  guint32 random;     /* the perturbation's generator */
  /* columns, sparse */
  GArray *cost;       /* double */
  GArray *start;      /* int, n + 1 */
  GArray *rows;       /* int */
  GArray *values;     /* double */
  GArray *fixed;      /* guint8: held at zero */
  GArray *other_cost; /* double: the first phase's costs, or dual_raised ()'s */
  /* basis */
  int    *basis;      /* [m]: column in position k */
  GArray *position;   /* int per column: its position in the basis, or −1 */
  double *binv;       /* [i * m + k]: column i of B⁻¹ contiguous */
  double *xb;
  double *y;
  double *d;
  double *d_spare;    /* the shortlist's: B⁻¹a_j of the steepest so far */
  double *row;        /* a row of B⁻¹, or the basic costs */
  double *work;       /* 2 m × m scratch for refactorising: R_J and its inverse */
  int    *iwork;      /* 6 m scratch: see refactor () and pivot () */
  GArray *candidates; /* Candidate: the dual ratio test's */
  int     short_column[SHORTLIST];  /* the primal pricing's best reduced costs … */
  double  short_rc[SHORTLIST];
  int     n_short;
  int     since_refactor;
  int     price_next;  /* where the next pricing starts */
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
  lp->shifted = g_new0 (double, MAX (n_rows, 1));
  lp->b = lp->rhs;
  lp->random = 1;
  lp->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  lp->cost = g_array_new (FALSE, FALSE, sizeof (double));
  lp->start = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (lp->start, zero);
  lp->rows = g_array_new (FALSE, FALSE, sizeof (int));
  lp->values = g_array_new (FALSE, FALSE, sizeof (double));
  lp->fixed = g_array_new (FALSE, TRUE, sizeof (guint8));
  lp->other_cost = g_array_new (FALSE, TRUE, sizeof (double));
  lp->position = g_array_new (FALSE, FALSE, sizeof (int));
  lp->basis = g_new0 (int, MAX (n_rows, 1));
  lp->binv = g_new0 (double, (gsize) MAX (n_rows, 1) * MAX (n_rows, 1));
  lp->xb = g_new0 (double, MAX (n_rows, 1));
  lp->y = g_new0 (double, MAX (n_rows, 1));
  lp->d = g_new0 (double, MAX (n_rows, 1));
  lp->d_spare = g_new0 (double, MAX (n_rows, 1));
  lp->row = g_new0 (double, MAX (n_rows, 1));
  lp->work = g_new0 (double, (gsize) 2 * MAX (n_rows, 1) * MAX (n_rows, 1));
  lp->iwork = g_new0 (int, 6 * (gsize) MAX (n_rows, 1));
  return lp;
}

void
_sc_lp_free (ScLp *lp)
{
  if (lp == NULL)
    return;
  g_free (lp->rhs);
  g_free (lp->shifted);
  g_array_unref (lp->candidates);
  g_array_unref (lp->cost);
  g_array_unref (lp->start);
  g_array_unref (lp->rows);
  g_array_unref (lp->values);
  g_array_unref (lp->fixed);
  g_array_unref (lp->other_cost);
  g_array_unref (lp->position);
  g_free (lp->basis);
  g_free (lp->binv);
  g_free (lp->xb);
  g_free (lp->y);
  g_free (lp->d);
  g_free (lp->d_spare);
  g_free (lp->row);
  g_free (lp->work);
  g_free (lp->iwork);
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
  g_array_set_size (lp->fixed, lp->cost->len);
  return (int) lp->cost->len - 1;
}

/* Holds a column at zero, or frees it again. A basic column held at zero
 * with a positive value is driven out by a first phase at the next
 * solve, which then goes on from there: a warm start after branching. */
void
_sc_lp_set_fixed (ScLp     *lp,
                  int       column,
                  gboolean  fixed)
{
  g_return_if_fail (column >= 0 && column < (int) lp->fixed->len);
  g_array_index (lp->fixed, guint8, column) = fixed != FALSE;
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

/* y = c_B B⁻¹ */
static void
compute_duals (ScLp *lp)
{
  int m = lp->m;
  const double *cost = (const double *) (gpointer) lp->cost->data;

  double *cb = lp->row;

  for (int k = 0; k < m; k++)
    cb[k] = cost[lp->basis[k]];
  for (int i = 0; i < m; i++)
    {
      const double *col = lp->binv + (gsize) i * m;
      double yi = 0;

      for (int k = 0; k < m; k++)
        yi += cb[k] * col[k];
      lp->y[i] = yi;
    }
}

/* A basic value a rounding error below zero is zero */
static inline double
snap (double x)
{
  return x < 0 && x > -1e-9 ? 0 : x;
}

/* The basic solution B⁻¹b, for the right-hand side in use */
static void
basic_solution (ScLp *lp)
{
  int m = lp->m;

  double *x = lp->xb;

  memset (x, 0, sizeof (double) * m);
  for (int i = 0; i < m; i++)
    {
      const double *col = lp->binv + (gsize) i * m;
      double bi = lp->b[i];

      if (bi == 0)
        continue;
      for (int k = 0; k < m; k++)
        x[k] += bi * col[k];
    }
  for (int k = 0; k < m; k++)
    x[k] = snap (x[k]);
}

/* B⁻¹ from the basis columns, the basic solution B⁻¹b and the duals.
 * Basic columns with one entry (the slacks) cover rows I; the other
 * columns R, on the other rows J, form a square block R_J inverted by
 * Gauss–Jordan elimination with partial pivoting. With B = [S R] the rest follows:
 * x_R = R_J⁻¹ b_J, and a slack's x = (b_i − (R x_R)_i) / s. */
SC_LP_VECTOR static gboolean
refactor (ScLp *lp)
{
  int m = lp->m, nr = 0, nj = 0;
  double *a = lp->work, *inv = lp->binv;
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows = (const int *) (gpointer) lp->rows->data;
  const double *values = (const double *) (gpointer) lp->values->data;
  int *slack_of = lp->iwork;       /* per row: its slack's position, or −1 */
  int *rpos = lp->iwork + m;       /* R: basis positions */
  int *jrow = lp->iwork + 2 * m;   /* J: rows */
  int *jindex = lp->iwork + 3 * m; /* per row: its index in J, or −1 */
  int *alist = lp->iwork + 4 * m;  /* the nonzeros of a pivot row … */
  int *ilist = lp->iwork + 5 * m;  /* … and of its row in the inverse */
  int na, ni;
  gboolean dense_a, dense_inv;
  double *rinv;

  for (int i = 0; i < m; i++)
    slack_of[i] = -1;
  for (int k = 0; k < m; k++)
    {
      int j = lp->basis[k];

      if (start[j + 1] - start[j] == 1 && slack_of[rows[start[j]]] < 0)
        slack_of[rows[start[j]]] = k;
      else
        rpos[nr++] = k;
    }
  for (int i = 0; i < m; i++)
    {
      jindex[i] = slack_of[i] < 0 ? nj : -1;
      if (slack_of[i] < 0)
        jrow[nj++] = i;
    }
  if (nj != nr)
    return FALSE;

  /* R_J into a (nr × nr), its inverse built in rinv, right after it */
  rinv = a + (gsize) nr * nr;
  memset (a, 0, sizeof (double) * nr * nr * 2);
  for (int c = 0; c < nr; c++)
    {
      int j = lp->basis[rpos[c]];

      for (int e = start[j]; e < start[j + 1]; e++)
        if (jindex[rows[e]] >= 0)
          a[jindex[rows[e]] * nr + c] = values[e];
      rinv[c * nr + c] = 1;
    }
  for (int c = 0; c < nr; c++)
    {
      int p = c;
      double big = fabs (a[c * nr + c]);

      for (int r = c + 1; r < nr; r++)
        if (fabs (a[r * nr + c]) > big)
          {
            big = fabs (a[r * nr + c]);
            p = r;
          }
      if (big < EPS_PIVOT)
        return FALSE;
      if (p != c)
        for (int i = 0; i < nr; i++)
          {
            double t = a[c * nr + i];

            a[c * nr + i] = a[p * nr + i];
            a[p * nr + i] = t;
            t = rinv[c * nr + i];
            rinv[c * nr + i] = rinv[p * nr + i];
            rinv[p * nr + i] = t;
          }
      /* the columns of a left of c are zero in every row but their own;
       * row c's nonzeros listed, as the rows are sparse */
      {
        double piv = a[c * nr + c];

        na = ni = 0;
        for (int i = c + 1; i < nr; i++)
          if (a[c * nr + i] != 0)
            {
              a[c * nr + i] /= piv;
              alist[na++] = i;
            }
        a[c * nr + c] = 1;
        for (int i = 0; i < nr; i++)
          if (rinv[c * nr + i] != 0)
            {
              rinv[c * nr + i] /= piv;
              ilist[ni++] = i;
            }
      }
      /* by the lists while rows are sparse, then whole rows, which the
       * compiler vectorises (the same sums either way) */
      dense_a = na > (nr - c) / 4;
      dense_inv = ni > nr / 4;
      for (int r = 0; r < nr; r++)
        {
          double f = a[r * nr + c];
          double *ar = a + (gsize) r * nr, *invr = rinv + (gsize) r * nr;
          const double *ac = a + (gsize) c * nr, *invc = rinv + (gsize) c * nr;

          if (r == c || f == 0)
            continue;
          ar[c] = 0;
          if (dense_a)
            for (int i = c + 1; i < nr; i++)
              ar[i] -= f * ac[i];
          else
            for (int x = 0; x < na; x++)
              ar[alist[x]] -= f * ac[alist[x]];
          if (dense_inv)
            for (int i = 0; i < nr; i++)
              invr[i] -= f * invc[i];
          else
            for (int x = 0; x < ni; x++)
              invr[ilist[x]] -= f * invc[ilist[x]];
        }
    }

  /* the rows of B⁻¹: R's from R_J⁻¹, the slacks' from R's rows I */
  memset (inv, 0, sizeof (double) * m * m);
  for (int c = 0; c < nr; c++)
    for (int jj = 0; jj < nr; jj++)
      inv[jrow[jj] * m + rpos[c]] = rinv[c * nr + jj];
  for (int i = 0; i < m; i++)
    if (slack_of[i] >= 0)
      {
        int k = slack_of[i], j = lp->basis[k];

        inv[i * m + k] = 1 / values[start[j]];
      }
  for (int c = 0; c < nr; c++)
    {
      int j = lp->basis[rpos[c]];

      for (int e = start[j]; e < start[j + 1]; e++)
        {
          int i = rows[e], k = slack_of[i];
          double f;

          if (k < 0)
            continue;
          f = values[e] / values[start[lp->basis[k]]];
          for (int jj = 0; jj < nr; jj++)
            inv[jrow[jj] * m + k] -= f * rinv[c * nr + jj];
        }
    }
  basic_solution (lp);
  compute_duals (lp);
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

/* The sum of the basic columns held at zero: what the first phase takes
 * down to zero */
static double
infeasibility (ScLp *lp)
{
  const guint8 *fixed = (const guint8 *) lp->fixed->data;
  double sum = 0;

  for (int k = 0; k < lp->m; k++)
    if (fixed[lp->basis[k]])
      sum += MAX (lp->xb[k], 0);
  return sum;
}

/* d = B⁻¹ a_q */
SC_LP_VECTOR static void
column_in_basis (ScLp *lp,
                 int   q)
{
  int m = lp->m;
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows = (const int *) (gpointer) lp->rows->data;
  const double *values = (const double *) (gpointer) lp->values->data;

  double *d = lp->d;

  memset (d, 0, sizeof (double) * m);
  for (int e = start[q]; e < start[q + 1]; e++)
    {
      const double *col = lp->binv + (gsize) rows[e] * m;
      double v = values[e];

      for (int k = 0; k < m; k++)
        d[k] += v * col[k];
    }
}

/* Column @q, of reduced cost @rc, enters at value @theta in position
 * @r, given d = B⁻¹ a_q: the basic solution moves along d, B⁻¹ is
 * updated, and the duals with it (y + rc times B⁻¹'s new row r) */
SC_LP_VECTOR static void
pivot (ScLp   *lp,
       int     r,
       int     q,
       double  theta,
       double  rc)
{
  int m = lp->m;
  int *position = (int *) (gpointer) lp->position->data;
  const double *d = lp->d;
  double piv = d[r];

  for (int k = 0; k < m; k++)
    if (k != r)
      lp->xb[k] = snap (lp->xb[k] - theta * d[k]);
  lp->xb[r] = theta;

  /* B⁻¹'s new row r is the old one over the pivot, and every other row k
   * loses d_k times it: column by column, as B⁻¹ is dense */
  for (int i = 0; i < m; i++)
    {
      double *col = lp->binv + (gsize) i * m;
      double g = col[r] / piv;

      if (g == 0)
        continue;
      for (int k = 0; k < m; k++)
        col[k] -= d[k] * g;
      col[r] = g;
      lp->y[i] += rc * g;
    }
  position[lp->basis[r]] = -1;
  lp->basis[r] = q;
  position[q] = r;
  lp->since_refactor++;
}

/* Keeps the SHORTLIST most negative reduced costs of a pricing */
static void
shortlist_add (ScLp   *lp,
               int     j,
               double  rc)
{
  int at;

  if (lp->n_short == SHORTLIST && rc >= lp->short_rc[SHORTLIST - 1])
    return;
  at = MIN (lp->n_short, SHORTLIST - 1);
  for (; at > 0 && lp->short_rc[at - 1] > rc; at--)
    {
      lp->short_rc[at] = lp->short_rc[at - 1];
      lp->short_column[at] = lp->short_column[at - 1];
    }
  lp->short_rc[at] = rc;
  lp->short_column[at] = j;
  lp->n_short = MIN (lp->n_short + 1, SHORTLIST);
}

/* Of the shortlist (not empty), the column whose reduced cost per unit
 * of the edge it moves along (‖B⁻¹a_j‖, exact with the explicit inverse)
 * is steepest; sets @rc to its reduced cost, and leaves d = B⁻¹a_q */
static int
shortlist_steepest (ScLp   *lp,
                    double *rc)
{
  int q = lp->short_column[0];
  double best = -1, *swap;

  for (int c = 0; c < lp->n_short; c++)
    {
      double norm = 1, score;

      column_in_basis (lp, lp->short_column[c]);
      for (int k = 0; k < lp->m; k++)
        norm += lp->d[k] * lp->d[k];
      score = lp->short_rc[c] * lp->short_rc[c] / norm;
      if (score > best)
        {
          best = score;
          q = lp->short_column[c];
          *rc = lp->short_rc[c];
          /* kept aside: the next column's goes into the other buffer */
          swap = lp->d;
          lp->d = lp->d_spare;
          lp->d_spare = swap;
        }
    }
  swap = lp->d;
  lp->d = lp->d_spare;
  lp->d_spare = swap;
  return q;
}

/* Between two rows tied in the ratio test, whether @k leaves rather than
 * @r: in the first phase a column held at zero first; under Bland's rule
 * the lower column; otherwise the larger pivot */
static inline gboolean
leaves_first (ScLp     *lp,
              int       k,
              int       r,
              int       phase,
              gboolean  bland)
{
  const guint8 *fixed = (const guint8 *) lp->fixed->data;
  int jk = lp->basis[k], jr = lp->basis[r];

  if (phase == 1 && !bland && fixed[jk] != fixed[jr])
    return fixed[jk];
  if (bland)
    return jk < jr;
  return lp->d[k] > lp->d[r];
}

/* Simplex pivots from the current basis until it is optimal for the
 * current costs; columns held at zero never enter, and in the second
 * @phase one still basic leaves before it could move. Counts the pivots
 * in @pivots; FALSE when they reach @max_pivots or a basis breaks down. */
static gboolean
iterate (ScLp *lp,
         int   phase,
         int  *pivots,
         int   max_pivots)
{
  int m = lp->m;
  int degenerate = 0, total_degenerate = 0;
  const guint8 *fixed = (const guint8 *) lp->fixed->data;

  compute_duals (lp);
  for (; max_pivots <= 0 || *pivots < max_pivots; (*pivots)++)
    {
      int n = (int) lp->cost->len;
      gboolean bland = degenerate >= DEGENERATE_MAX || total_degenerate >= DEGENERATE_TOTAL * m;
      int q = -1, r = -1;
      double best = -EPS_COST, theta;
      int *position = (int *) (gpointer) lp->position->data;
      gboolean blocked = FALSE;

      if (lp->since_refactor >= REFACTOR_EVERY && !refactor (lp))
        return FALSE;

      /* entering column: of the first segment that has negative reduced
       * costs (the segments taken in turn), the steepest of the most
       * negative ones; under Bland's rule the first negative one */
      lp->n_short = 0;
      for (int i = 0, j = bland ? 0 : lp->price_next % MAX (n, 1); i < n; i++, j = j + 1 < n ? j + 1 : 0)
        {
          double rc;

          if (!bland && q >= 0 && i % PRICE_SEGMENT == 0)
            {
              lp->price_next = j;
              break;
            }
          if (position[j] >= 0 || fixed[j])
            continue;
          rc = reduced_cost (lp, j);
          if (rc < best)
            {
              best = rc;
              q = j;
              if (bland)
                break;
            }
          if (rc < -EPS_COST && !bland)
            shortlist_add (lp, j, rc);
        }
      if (q < 0)
        return TRUE;
      if (bland)
        column_in_basis (lp, q);
      else
        q = shortlist_steepest (lp, &best);

      /* leaving row: a column held at zero that would move, or the ratio
       * test, ties to the largest pivot (or under Bland's rule to the
       * lowest column) */
      theta = G_MAXDOUBLE;
      for (int k = 0; k < m; k++)
        if (fixed[lp->basis[k]] && (phase == 2 || lp->xb[k] <= EPS_FEASIBLE) && fabs (lp->d[k]) > EPS_BLOCK &&
            (r < 0 || fabs (lp->d[k]) > fabs (lp->d[r])))
          {
            r = k;
            blocked = TRUE;
          }
      for (int k = 0; k < m && !blocked; k++)
        {
          double t;

          if (lp->d[k] <= EPS_PIVOT)
            continue;
          t = lp->xb[k] / lp->d[k];
          if (r < 0 || t < theta - 1e-12 || (t < theta + 1e-12 && leaves_first (lp, k, r, phase, bland)))
            {
              theta = MIN (t, theta);
              r = k;
            }
        }
      if (r < 0)
        return FALSE;   /* unbounded */
      theta = blocked ? 0 : MAX (lp->xb[r] / lp->d[r], 0);
      degenerate = theta < 1e-12 ? degenerate + 1 : 0;
      total_degenerate += theta < 1e-12;
      pivot (lp, r, q, theta, best);
    }
  return FALSE;
}

/* How far the basic column in position @k is from its bounds: below
 * zero, or above zero when it is held there */
static double
violation (ScLp *lp,
           int   k)
{
  const guint8 *fixed = (const guint8 *) lp->fixed->data;

  if (lp->xb[k] < 0)
    return -lp->xb[k];
  return fixed[lp->basis[k]] ? lp->xb[k] : 0;
}

/* Dual simplex pivots from a basis whose reduced costs are ≥ 0 until its
 * solution is feasible: a basic column below zero, or held at zero and
 * above it, leaves at zero, and the entering column keeps the reduced
 * costs ≥ 0 (columns whose reduced cost is already negative are left out,
 * for the primal simplex after). The ratio test is Harris's: of the
 * columns within a tolerance of the least ratio, the largest pivot.
 * FALSE when no column can enter, or the work ran out. */
static gboolean
dual_iterate (ScLp *lp,
              int  *pivots,
              int   max_pivots)
{
  int m = lp->m;

  compute_duals (lp);
  for (; max_pivots <= 0 || *pivots < max_pivots; (*pivots)++)
    {
      int n = (int) lp->cost->len, r = -1, q = -1;
      double rc_q = 0;
      double worst = 0, bound = G_MAXDOUBLE, big = 0, sign;
      const int *start = (const int *) (gpointer) lp->start->data;
      const int *rows = (const int *) (gpointer) lp->rows->data;
      const double *values = (const double *) (gpointer) lp->values->data;
      const guint8 *fixed = (const guint8 *) lp->fixed->data;
      const int *position = (const int *) (gpointer) lp->position->data;
      const double *row;

      if (lp->since_refactor >= REFACTOR_EVERY && !refactor (lp))
        return FALSE;
      /* dual steepest edge, exact with the explicit inverse: the
       * violation over the norm of B⁻¹'s row */
      for (int k = 0; k < m; k++)
        {
          double v = violation (lp, k), norm = 0;

          if (v <= EPS_FEASIBLE)
            continue;
          for (int i = 0; i < m; i++)
            norm += lp->binv[(gsize) i * m + k] * lp->binv[(gsize) i * m + k];
          if (v * v / norm > worst)
            {
              worst = v * v / norm;
              r = k;
            }
        }
      if (r < 0)
        return TRUE;

      /* below zero, the entering column must have a negative entry in
       * the leaving row; above, a positive one */
      sign = lp->xb[r] < 0 ? -1 : 1;
      for (int i = 0; i < m; i++)
        lp->row[i] = lp->binv[(gsize) i * m + r];
      row = lp->row;
      g_array_set_size (lp->candidates, 0);
      for (int j = 0; j < n; j++)
        {
          Candidate c;
          double rc;

          if (position[j] >= 0 || fixed[j])
            continue;
          c.alpha = 0;
          for (int e = start[j]; e < start[j + 1]; e++)
            c.alpha += row[rows[e]] * values[e];
          if (c.alpha * sign <= EPS_PIVOT)
            continue;
          rc = reduced_cost (lp, j);
          if (rc < -EPS_COST)
            continue;
          c.column = j;
          c.rc = rc;
          c.ratio = MAX (rc, 0) / fabs (c.alpha);
          bound = MIN (bound, (MAX (rc, 0) + EPS_COST) / fabs (c.alpha));
          g_array_append_val (lp->candidates, c);
        }
      for (guint i = 0; i < lp->candidates->len; i++)
        {
          const Candidate *c = &g_array_index (lp->candidates, Candidate, i);

          if (c->ratio <= bound && fabs (c->alpha) > big)
            {
              big = fabs (c->alpha);
              q = c->column;
              rc_q = c->rc;
            }
        }
      if (q < 0)
        return FALSE;
      column_in_basis (lp, q);
      pivot (lp, r, q, MAX (lp->xb[r] / lp->d[r], 0), rc_q);
    }
  return FALSE;
}

/* A number in [0, 1), the same sequence for every run */
static double
random_unit (ScLp *lp)
{
  lp->random = lp->random * 1664525u + 1013904223u;
  return (lp->random >> 8) / (double) (1 << 24);
}

/* Moves the right-hand side so that every basic column not held at zero
 * gains a small random amount: b + Bδ. Degenerate pivots, which stall
 * the simplex on set partitioning problems, mostly go away. */
static void
perturb (ScLp *lp)
{
  int m = lp->m;
  const int *start = (const int *) (gpointer) lp->start->data;
  const int *rows = (const int *) (gpointer) lp->rows->data;
  const double *values = (const double *) (gpointer) lp->values->data;
  const guint8 *fixed = (const guint8 *) lp->fixed->data;

  memcpy (lp->shifted, lp->rhs, sizeof (double) * m);
  for (int k = 0; k < m; k++)
    {
      int j = lp->basis[k];
      double delta;

      if (fixed[j])
        continue;
      delta = PERTURBATION * (1 + random_unit (lp));
      lp->xb[k] += delta;
      for (int e = start[j]; e < start[j + 1]; e++)
        lp->shifted[rows[e]] += values[e] * delta;
    }
  lp->b = lp->shifted;
}

/* Back to the true right-hand side */
static void
unperturb (ScLp *lp)
{
  lp->b = lp->rhs;
  basic_solution (lp);
}

/* The dual simplex on costs where every nonbasic column costs a little
 * more, at random: the reduced costs stay ≥ 0 and no longer tie, which
 * stalls the dual simplex as ties in the ratio test stall the primal one.
 * The primal simplex after it works on the true costs. */
static gboolean
dual_raised (ScLp *lp,
             int  *pivots,
             int   max_pivots)
{
  GArray *real = lp->cost;
  const int *position = (const int *) (gpointer) lp->position->data;
  gboolean ok;

  g_array_set_size (lp->other_cost, real->len);
  for (guint j = 0; j < real->len; j++)
    g_array_index (lp->other_cost, double, j) = g_array_index (real, double, j) +
                                                (position[j] < 0 ? RAISE * (1 + random_unit (lp)) : 0);
  lp->cost = lp->other_cost;
  ok = dual_iterate (lp, pivots, max_pivots);
  lp->cost = real;
  return ok;
}

/**
 * _sc_lp_solve:
 * @max_pivots: a bound on the work, ≤ 0 for none
 *
 * Solves from the current basis (see _sc_lp_set_basis()). When basic
 * columns held at zero have a value, the dual simplex drives them out (a
 * first phase minimising their sum when it cannot); then the primal
 * simplex, on a perturbed right-hand side, and the dual simplex again on
 * the true one.
 *
 * Returns: %TRUE when the basis is optimal, %FALSE when the work ran out,
 *   the basis broke down, or no solution keeps the columns held at zero
 */
gboolean
_sc_lp_solve (ScLp *lp,
              int   max_pivots)
{
  const double *cost;
  int pivots = 0;
  gboolean ok;

  /* after fixings, the dual simplex first; a first phase when it fails */
  if (!dual_raised (lp, &pivots, max_pivots) && infeasibility (lp) > EPS_FEASIBLE)
    {
      GArray *real = lp->cost;

      g_array_set_size (lp->other_cost, lp->cost->len);
      for (guint j = 0; j < lp->cost->len; j++)
        g_array_index (lp->other_cost, double, j) = g_array_index (lp->fixed, guint8, j) ? 1 : 0;
      lp->cost = lp->other_cost;
      ok = iterate (lp, 1, &pivots, max_pivots);
      lp->cost = real;
      if (!ok || infeasibility (lp) > EPS_FEASIBLE)
        return FALSE;
    }
  perturb (lp);
  ok = iterate (lp, 2, &pivots, max_pivots);
  unperturb (lp);
  if (!ok)
    return FALSE;
  /* the true right-hand side may leave a basic column a little below
   * zero: the basis is optimal, so the dual simplex mends it */
  if (!dual_iterate (lp, &pivots, max_pivots))
    return FALSE;
  cost = (const double *) (gpointer) lp->cost->data;
  lp->objective = 0;
  for (int k = 0; k < lp->m; k++)
    lp->objective += cost[lp->basis[k]] * lp->xb[k];
  compute_duals (lp);
  return TRUE;
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
  int k;

  g_return_val_if_fail (column >= 0 && column < (int) lp->position->len, 0);
  k = g_array_index (lp->position, int, column);

  return k >= 0 ? lp->xb[k] : 0;
}
