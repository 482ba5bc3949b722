/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-lp.h"

#define BIG 1000.0

/* min 2x₁ + 3x₂ subject to x₁ + x₂ ≥ 4 and x₁ + 3x₂ ≥ 6: the optimum is
 * x = (3, 1), cost 9, with duals (1.5, 0.5), worked out by hand from the
 * two binding constraints. Surplus columns make the rows equalities and
 * two artificial columns of high cost the first basis. */
static ScLp *
textbook_lp (int *x1,
             int *x2)
{
  double rhs[] = { 4, 6 };
  ScLp *lp = _sc_lp_new (2, rhs);
  int rows[] = { 0, 1 };
  int r0 = 0, r1 = 1;
  double x1v[] = { 1, 1 }, x2v[] = { 1, 3 }, one = 1, minus = -1;
  int basis[2];

  basis[0] = _sc_lp_add_column (lp, BIG, 1, &r0, &one);
  basis[1] = _sc_lp_add_column (lp, BIG, 1, &r1, &one);
  _sc_lp_add_column (lp, 0, 1, &r0, &minus);
  _sc_lp_add_column (lp, 0, 1, &r1, &minus);
  *x1 = _sc_lp_add_column (lp, 2, 2, rows, x1v);
  *x2 = _sc_lp_add_column (lp, 3, 2, rows, x2v);
  g_assert_true (_sc_lp_set_basis (lp, basis));
  return lp;
}

static void
test_lp_textbook (void)
{
  int x1, x2;
  ScLp *lp = textbook_lp (&x1, &x2);
  const double *y;

  g_assert_true (_sc_lp_solve (lp, 0));
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), 9, 1e-9);
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_value (lp, x1), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_value (lp, x2), 1, 1e-9);
  y = _sc_lp_get_duals (lp);
  g_assert_cmpfloat_with_epsilon (y[0], 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (y[1], 0.5, 1e-9);
  _sc_lp_free (lp);
}

/* A column added after a solve: the next solve goes on from the last
 * basis. With x₃ of cost 1 counting once in both rows the optimum is 6
 * (x₃ = 6, or x₂ = 1 and x₃ = 3: both cost 6); its reduced cost at the old
 * duals was 1 − 1.5 − 0.5 = −1, so it must enter. */
static void
test_lp_column_added (void)
{
  int x1, x2, x3;
  ScLp *lp = textbook_lp (&x1, &x2);
  int rows[] = { 0, 1 };
  double values[] = { 1, 1 };

  g_assert_true (_sc_lp_solve (lp, 0));
  x3 = _sc_lp_add_column (lp, 1, 2, rows, values);
  g_assert_cmpint (_sc_lp_get_n_columns (lp), ==, 7);
  g_assert_true (_sc_lp_solve (lp, 0));
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), 6, 1e-9);
  g_assert_cmpfloat (_sc_lp_get_value (lp, x3), >=, 3 - 1e-9);
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_value (lp, x1), 0, 1e-9);

  /* a cost raised: x₃ no longer pays, the old optimum comes back */
  _sc_lp_set_cost (lp, x3, 10);
  g_assert_true (_sc_lp_solve (lp, 0));
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), 9, 1e-9);
  _sc_lp_free (lp);
}

/* A 5 × 5 assignment problem: one row per worker and per task */
static const int assignment_cost[5][5] = {
  { 7, 5, 9, 8, 11 },
  { 9, 12, 7, 11, 10 },
  { 8, 5, 4, 6, 9 },
  { 7, 3, 6, 9, 5 },
  { 4, 6, 7, 5, 11 },
};

/* The assignment optimum over the permutations that avoid the cells
 * marked in @fixed (may be NULL), by enumeration */
static int
assignment_best (const gboolean fixed[5][5])
{
  int best = G_MAXINT;

  for (int a = 0; a < 5; a++)
    for (int b = 0; b < 5; b++)
      for (int c = 0; c < 5; c++)
        for (int d = 0; d < 5; d++)
          for (int e = 0; e < 5; e++)
            {
              int perm[5] = { a, b, c, d, e }, seen = 0, sum = 0;
              gboolean ok = TRUE;

              for (int i = 0; i < 5; i++)
                {
                  seen |= 1 << perm[i];
                  sum += assignment_cost[i][perm[i]];
                  ok = ok && (fixed == NULL || !fixed[i][perm[i]]);
                }
              if (seen == 31 && ok)
                best = MIN (best, sum);
            }
  return best;
}

/* The assignment LP, started from artificial columns of high cost; its
 * columns in @column */
static ScLp *
assignment_lp (int column[5][5])
{
  double rhs[10];
  int basis[10];
  ScLp *lp;

  for (int i = 0; i < 10; i++)
    rhs[i] = 1;
  lp = _sc_lp_new (10, rhs);
  for (int i = 0; i < 10; i++)
    {
      double one = 1;

      basis[i] = _sc_lp_add_column (lp, BIG, 1, &i, &one);
    }
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++)
      {
        int rows[] = { i, 5 + j };
        double values[] = { 1, 1 };

        column[i][j] = _sc_lp_add_column (lp, assignment_cost[i][j], 2, rows, values);
      }
  g_assert_true (_sc_lp_set_basis (lp, basis));
  return lp;
}

/* The assignment problem is as degenerate as linear programs get (n of
 * the 2n − 1 basic variables are at zero); its optimum, found by
 * enumerating the 120 permutations, is 27. */
static void
test_lp_assignment (void)
{
  int column[5][5], best = assignment_best (NULL);
  ScLp *lp = assignment_lp (column);

  g_assert_true (_sc_lp_solve (lp, 0));
  /* the assignment polytope is integral: the relaxation reaches the optimum */
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), best, 1e-9);
  g_assert_cmpint (best, ==, 27);
  _sc_lp_free (lp);
}

/* Columns held at zero and freed again, as branching does, each solve going
 * on from the last basis: held columns that were basic with value one
 * leave through the first phase. Every optimum is checked against
 * enumeration. */
static void
test_lp_fixed (void)
{
  int column[5][5];
  ScLp *lp = assignment_lp (column);

  g_assert_true (_sc_lp_solve (lp, 0));
  for (int t = 0; t < 25; t++)
    {
      gboolean fixed[5][5] = { { FALSE } };
      int best;

      /* two cells, and for every third trial the whole optimal diagonal
       * of the last solve as well */
      fixed[t / 5][t % 5] = TRUE;
      fixed[((t * 7 + 3) % 25) / 5][(t * 7 + 3) % 5] = TRUE;
      if (t % 3 == 0)
        for (int i = 0; i < 5; i++)
          for (int j = 0; j < 5; j++)
            if (_sc_lp_get_value (lp, column[i][j]) > 0.5)
              fixed[i][j] = TRUE;
      best = assignment_best (fixed);
      for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
          _sc_lp_set_fixed (lp, column[i][j], fixed[i][j]);
      g_assert_true (_sc_lp_solve (lp, 0));
      g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), best, 1e-9);
      for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
          if (fixed[i][j])
            g_assert_cmpfloat_with_epsilon (_sc_lp_get_value (lp, column[i][j]), 0, 1e-9);
    }

  /* all freed: back to the optimum */
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++)
      _sc_lp_set_fixed (lp, column[i][j], FALSE);
  g_assert_true (_sc_lp_solve (lp, 0));
  g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), 27, 1e-9);
  _sc_lp_free (lp);
}

/* The least cost of a permutation of rows i.. of an n × n problem that
 * avoids the @forbidden cells, by enumeration; G_MAXINT when none does */
static int
permutation_best (int             n,
                  const int      *cost,
                  const gboolean *forbidden,
                  int             i,
                  int             used)
{
  int best = G_MAXINT;

  if (i == n)
    return 0;
  for (int j = 0; j < n; j++)
    if (!(used & (1 << j)) && !forbidden[i * n + j])
      {
        int rest = permutation_best (n, cost, forbidden, i + 1, used | (1 << j));

        if (rest < G_MAXINT)
          best = MIN (best, cost[i * n + j] + rest);
      }
  return best;
}

/* Random 8 × 8 assignment problems, with random cells held at zero and
 * freed again many times over, each solve going on from the last basis
 * (the dual simplex, then the primal one on a perturbed right-hand
 * side): every optimum is checked against enumeration */
static void
test_lp_random_assignment (void)
{
  enum { N = 8 };

  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
      int cost[N * N], column[N * N], basis[2 * N];
      double rhs[2 * N];
      ScLp *lp;

      for (int i = 0; i < 2 * N; i++)
        rhs[i] = 1;
      lp = _sc_lp_new (2 * N, rhs);
      for (int i = 0; i < 2 * N; i++)
        {
          double one = 1;

          basis[i] = _sc_lp_add_column (lp, BIG, 1, &i, &one);
        }
      for (int c = 0; c < N * N; c++)
        {
          int rows[] = { c / N, N + c % N };
          double values[] = { 1, 1 };

          /* few distinct costs: many ties, a degenerate problem */
          cost[c] = g_rand_int_range (rng, 0, 6);
          column[c] = _sc_lp_add_column (lp, cost[c], 2, rows, values);
        }
      g_assert_true (_sc_lp_set_basis (lp, basis));

      for (int t = 0; t < 20; t++)
        {
          gboolean forbidden[N * N] = { FALSE };
          int best;

          if (t > 0)
            for (int k = g_rand_int_range (rng, 1, 3 * N); k > 0; k--)
              forbidden[g_rand_int_range (rng, 0, N * N)] = TRUE;
          if (t % 4 == 3)
            for (int c = 0; c < N * N; c++)
              if (_sc_lp_get_value (lp, column[c]) > 0.5 && g_rand_boolean (rng))
                forbidden[c] = TRUE;
          best = permutation_best (N, cost, forbidden, 0, 0);
          for (int c = 0; c < N * N; c++)
            _sc_lp_set_fixed (lp, column[c], forbidden[c]);
          g_assert_true (_sc_lp_solve (lp, 0));
          if (best == G_MAXINT)
            {
              /* only the artificial columns complete it */
              g_assert_cmpfloat (_sc_lp_get_objective (lp), >, BIG / 2);
              continue;
            }
          g_assert_cmpfloat_with_epsilon (_sc_lp_get_objective (lp), best, 1e-9);
          for (int c = 0; c < N * N; c++)
            {
              double x = _sc_lp_get_value (lp, column[c]);

              g_assert_cmpfloat (x, >=, -1e-9);
              if (forbidden[c])
                g_assert_cmpfloat_with_epsilon (x, 0, 1e-9);
            }
        }
      _sc_lp_free (lp);
    }
}

/* A first basis whose solution is negative is refused */
static void
test_lp_infeasible_basis (void)
{
  double rhs[] = { -1 };
  ScLp *lp = _sc_lp_new (1, rhs);
  int r = 0, basis[1];
  double one = 1;

  basis[0] = _sc_lp_add_column (lp, 1, 1, &r, &one);
  g_assert_false (_sc_lp_set_basis (lp, basis));
  _sc_lp_free (lp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/lp/textbook", test_lp_textbook);
  g_test_add_func ("/engine/lp/column-added", test_lp_column_added);
  g_test_add_func ("/engine/lp/assignment", test_lp_assignment);
  g_test_add_func ("/engine/lp/fixed", test_lp_fixed);
  g_test_add_func ("/engine/lp/random-assignment", test_lp_random_assignment);
  g_test_add_func ("/engine/lp/infeasible-basis", test_lp_infeasible_basis);
  return g_test_run ();
}
