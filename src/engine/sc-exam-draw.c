/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-draw"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-exam-draw.h"

G_DEFINE_QUARK (sc-exam-draw-error-quark, sc_exam_draw_error)

/* Fisher–Yates with GLib's Mersenne Twister: the same seed gives the same
 * order on every machine */
void
sc_exam_shuffle_ints (GRand *rand,
                      int   *values,
                      guint  n)
{
  for (guint i = n; i > 1; i--)
    {
      guint k = g_rand_int_range (rand, 0, i);
      int swap = values[i - 1];

      values[i - 1] = values[k];
      values[k] = swap;
    }
}

static void
shuffle_ids (GRand  *rand,
             gint64 *values,
             guint   n)
{
  for (guint i = n; i > 1; i--)
    {
      guint k = g_rand_int_range (rand, 0, i);
      gint64 swap = values[i - 1];

      values[i - 1] = values[k];
      values[k] = swap;
    }
}

void
sc_exam_draw_free (ScExamDraw *draw)
{
  if (draw == NULL)
    return;
  g_clear_pointer (&draw->question_ids, g_array_unref);
  g_clear_pointer (&draw->choice_orders, g_ptr_array_unref);
  g_free (draw);
}

/**
 * sc_exam_draw_make:
 * @seed: the attempt's seed
 * @shuffle_questions: shuffle the whole draw; else the questions come
 *   rule by rule, each rule's in the order drawn
 *
 * Returns: (transfer full): the draw, without choice orders yet (see
 *   sc_exam_draw_set_choices()), or %NULL when a pool is too small or
 *   nothing is drawn
 */
ScExamDraw *
sc_exam_draw_make (const ScExamDrawRule *rules,
                   guint                 n_rules,
                   guint32               seed,
                   gboolean              shuffle_questions,
                   GError              **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ScExamDraw) draw = g_new0 (ScExamDraw, 1);

  /* Fixed questions first, so that no rule draws one of them */
  for (guint r = 0; r < n_rules; r++)
    if (rules[r].question_id > 0)
      g_hash_table_add (taken, (gpointer) &rules[r].question_id);

  for (guint r = 0; r < n_rules; r++)
    {
      const ScExamDrawRule *rule = &rules[r];
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (rule->question_id > 0)
        {
          gboolean twice = FALSE;

          /* The same fixed question in two rules is asked once */
          for (guint i = 0; i < ids->len && !twice; i++)
            twice = g_array_index (ids, gint64, i) == rule->question_id;
          if (!twice)
            g_array_append_val (ids, rule->question_id);
          continue;
        }

      if (rule->pool != NULL)
        for (guint i = 0; i < rule->pool->len; i++)
          if (!g_hash_table_contains (taken, &g_array_index (rule->pool, gint64, i)))
            g_array_append_val (candidates, g_array_index (rule->pool, gint64, i));

      if (candidates->len < rule->count)
        {
          g_set_error (error, SC_EXAM_DRAW_ERROR, SC_EXAM_DRAW_ERROR_POOL_TOO_SMALL,
                       /* TRANSLATORS: “The draw rule “Complaint handling” asks for 5 questions but only 3 are left” */
                       _("The draw rule “%s” asks for %u questions but only %u are left to draw from"),
                       rule->name ? rule->name : "", rule->count, candidates->len);
          return NULL;
        }

      shuffle_ids (rand, (gint64 *) candidates->data, candidates->len);
      for (guint i = 0; i < rule->count; i++)
        {
          gint64 *id = &g_array_index (candidates, gint64, i);

          g_array_append_val (ids, *id);
          /* The pool outlives this loop; point into it, not into candidates */
          for (guint k = 0; k < rule->pool->len; k++)
            if (g_array_index (rule->pool, gint64, k) == *id)
              {
                g_hash_table_add (taken, &g_array_index (rule->pool, gint64, k));
                break;
              }
        }
    }

  if (ids->len == 0)
    {
      g_set_error_literal (error, SC_EXAM_DRAW_ERROR, SC_EXAM_DRAW_ERROR_EMPTY,
                           _("This exam has no questions to draw: add a draw rule first"));
      return NULL;
    }

  if (shuffle_questions)
    shuffle_ids (rand, (gint64 *) ids->data, ids->len);

  draw->question_ids = g_steal_pointer (&ids);
  draw->choice_orders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  return g_steal_pointer (&draw);
}

/**
 * sc_exam_draw_set_choices:
 * @n_choices: for each drawn question, how many choices (or matching
 *   answers) it has
 * @shuffle: for each drawn question, whether to shuffle them; else they
 *   keep the bank's order
 *
 * Fills @draw's choice orders. The seed is mixed with each question's id,
 * so a question's order does not depend on the questions before it.
 */
void
sc_exam_draw_set_choices (ScExamDraw  *draw,
                          const guint    *n_choices,
                          const gboolean *shuffle,
                          guint32         seed)
{
  g_return_if_fail (draw != NULL);

  g_ptr_array_set_size (draw->choice_orders, 0);
  for (guint i = 0; i < draw->question_ids->len; i++)
    {
      GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (int), n_choices[i]);

      for (guint k = 0; k < n_choices[i]; k++)
        {
          int position = k;
          g_array_append_val (order, position);
        }

      if (shuffle[i] && n_choices[i] > 1)
        {
          gint64 id = g_array_index (draw->question_ids, gint64, i);
          guint32 mixed[2] = { seed, (guint32) (id * 2654435761u) };
          g_autoptr(GRand) rand = g_rand_new_with_seed_array (mixed, 2);

          sc_exam_shuffle_ints (rand, (int *) order->data, order->len);
        }

      g_ptr_array_add (draw->choice_orders, order);
    }
}
