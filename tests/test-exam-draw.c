/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-exam-draw.h"

static GArray *
pool_of (gint64 first,
         guint  n)
{
  GArray *pool = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = first + i;
      g_array_append_val (pool, id);
    }
  return pool;
}

static char *
describe (ScExamDraw *draw)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < draw->question_ids->len; i++)
    {
      GArray *order = g_ptr_array_index (draw->choice_orders, i);

      g_string_append_printf (out, "%lld[", (long long) g_array_index (draw->question_ids, gint64, i));
      for (guint k = 0; k < order->len; k++)
        g_string_append_printf (out, k ? ",%d" : "%d", g_array_index (order, int, k));
      g_string_append (out, "] ");
    }
  return g_string_free (out, FALSE);
}

static ScExamDraw *
make (guint32  seed,
      gboolean shuffle)
{
  g_autoptr(GArray) a = pool_of (100, 20);
  g_autoptr(GArray) b = pool_of (110, 20);  /* overlaps a */
  ScExamDrawRule rules[] = {
    { 0, 5, a, "A" },
    { 105, 0, NULL, "fixed" },
    { 0, 4, b, "B" },
  };
  g_autoptr(GError) error = NULL;
  ScExamDraw *draw = sc_exam_draw_make (rules, G_N_ELEMENTS (rules), seed, shuffle, &error);
  guint n_choices[10];
  gboolean shuffles[10];

  g_assert_no_error (error);
  g_assert_nonnull (draw);
  g_assert_cmpuint (draw->question_ids->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      n_choices[i] = 4;
      shuffles[i] = shuffle;
    }
  sc_exam_draw_set_choices (draw, n_choices, shuffles, seed);
  return draw;
}

static void
test_deterministic (void)
{
  g_autoptr(ScExamDraw) one = make (4242, TRUE);
  g_autoptr(ScExamDraw) two = make (4242, TRUE);
  g_autoptr(ScExamDraw) other = make (4243, TRUE);
  g_autofree char *one_text = describe (one);
  g_autofree char *two_text = describe (two);
  g_autofree char *other_text = describe (other);

  g_test_message ("draw: %s", one_text);
  g_assert_cmpstr (one_text, ==, two_text);
  g_assert_cmpstr (one_text, !=, other_text);
}

static void
test_rules_respected (void)
{
  for (guint32 seed = 1; seed < 200; seed++)
    {
      g_autoptr(ScExamDraw) draw = make (seed, seed % 2 == 0);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      guint from_a = 0, from_b_only = 0, fixed = 0;

      for (guint i = 0; i < draw->question_ids->len; i++)
        {
          gint64 *id = &g_array_index (draw->question_ids, gint64, i);
          GArray *order = g_ptr_array_index (draw->choice_orders, i);
          guint mask = 0;

          /* Never the same question twice */
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);

          if (*id == 105)
            fixed++;
          else if (*id >= 100 && *id < 120)
            from_a++;
          else if (*id >= 120 && *id < 130)
            from_b_only++;
          else
            g_assert_not_reached ();

          /* A choice order is a permutation */
          g_assert_cmpuint (order->len, ==, 4);
          for (guint k = 0; k < order->len; k++)
            mask |= 1u << g_array_index (order, int, k);
          g_assert_cmpuint (mask, ==, 0xf);
        }

      g_assert_cmpuint (fixed, ==, 1);
      /* B's pool overlaps A's: B may draw from 110–119 too */
      g_assert_cmpuint (from_a + from_b_only, ==, 9);
      g_assert_cmpuint (from_a, >=, 5);

      /* Without shuffling, A's five come first, then the fixed question,
       * and the choices keep the bank's order */
      if (seed % 2 == 1)
        {
          g_assert_cmpint (g_array_index (draw->question_ids, gint64, 5), ==, 105);
          for (guint i = 0; i < 5; i++)
            g_assert_cmpint (g_array_index (draw->question_ids, gint64, i), <, 120);
          for (guint i = 0; i < draw->choice_orders->len; i++)
            for (guint k = 0; k < 4; k++)
              g_assert_cmpint (g_array_index ((GArray *) g_ptr_array_index (draw->choice_orders, i), int, k), ==, k);
        }
    }
}

static void
test_shuffle_changes_order (void)
{
  guint moved = 0;

  /* Over many seeds, shuffled choices do not always stay in place */
  for (guint32 seed = 1; seed < 50; seed++)
    {
      g_autoptr(ScExamDraw) draw = make (seed, TRUE);
      GArray *order = g_ptr_array_index (draw->choice_orders, 0);

      if (g_array_index (order, int, 0) != 0)
        moved++;
    }
  g_assert_cmpuint (moved, >, 0);
  g_assert_cmpuint (moved, <, 49);
}

static void
test_pool_too_small (void)
{
  g_autoptr(GArray) a = pool_of (1, 3);
  ScExamDrawRule rules[] = {
    { 2, 0, NULL, "fixed" },
    { 0, 3, a, "投诉处理" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamDraw) draw = sc_exam_draw_make (rules, G_N_ELEMENTS (rules), 1, FALSE, &error);

  /* The fixed question leaves only two to draw */
  g_assert_null (draw);
  g_assert_error (error, SC_EXAM_DRAW_ERROR, SC_EXAM_DRAW_ERROR_POOL_TOO_SMALL);
  g_assert_nonnull (strstr (error->message, "投诉处理"));
  g_clear_error (&error);

  {
    ScExamDrawRule twice[] = {
      { 7, 0, NULL, "fixed" },
      { 7, 0, NULL, "fixed again" },
    };
    g_autoptr(ScExamDraw) once = sc_exam_draw_make (twice, G_N_ELEMENTS (twice), 1, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (once->question_ids->len, ==, 1);
  }

  g_assert_null (sc_exam_draw_make (rules, 0, 1, FALSE, &error));
  g_assert_error (error, SC_EXAM_DRAW_ERROR, SC_EXAM_DRAW_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/exam-draw/deterministic", test_deterministic);
  g_test_add_func ("/engine/exam-draw/rules-respected", test_rules_respected);
  g_test_add_func ("/engine/exam-draw/shuffle-changes-order", test_shuffle_changes_order);
  g_test_add_func ("/engine/exam-draw/pool-too-small", test_pool_too_small);

  return g_test_run ();
}
