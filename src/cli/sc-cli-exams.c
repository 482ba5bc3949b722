/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cli-exams"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-cli.h"
#include "sc-cli-exams.h"

static char *
number (double value,
        int    decimals)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
flags_text (ScItemFlags flags)
{
  GString *out = g_string_new (NULL);
  const struct { ScItemFlags flag; const char *label; } labels[] = {
    { SC_ITEM_FLAG_TOO_EASY, N_("too easy") },
    { SC_ITEM_FLAG_TOO_HARD, N_("too hard") },
    { SC_ITEM_FLAG_LOW_DISCRIMINATION, N_("weak discrimination") },
    { SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION, N_("negative discrimination") },
    { SC_ITEM_FLAG_FEW_ATTEMPTS, N_("few attempts") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (flags & labels[i].flag)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", _(labels[i].label));
  return g_string_free (out, FALSE);
}

/**
 * sc_cli_exam_stats:
 * @argument: the exam's id
 *
 * Prints the item analysis of an exam: per question the facility index,
 * SD, discrimination and what to review; then the test's mean, SD and
 * Cronbach's α.
 */
int
sc_cli_exam_stats (ScStore    *store,
                   ScSession  *session,
                   const char *argument)
{
  g_autoptr(ScItemAnalysis) analysis = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(ScExam) exam = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *sd = NULL;
  g_autofree char *alpha = NULL;
  gint64 exam_id = 0;

  if (argument == NULL || !g_ascii_string_to_signed (argument, 10, 1, G_MAXINT64, &exam_id, NULL))
    {
      sc_cli_fail ("%s", _("Usage: shiftcraft exam-stats EXAM_ID"));
      return SC_CLI_EXIT_USAGE;
    }

  if (!(exam = sc_store_get_exam (store, session, exam_id, &error)) ||
      !(analysis = sc_store_get_exam_item_analysis (store, session, exam_id, &items, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print ("%s\n", exam->name);
  /* TRANSLATORS: column headings of the item analysis, separated by tabs */
  g_print ("%s\n", _("Question\tAttempts\tFacility\tSD\tDiscrimination\tReview"));
  for (guint i = 0; i < analysis->n_items; i++)
    {
      ScItemStats *item = &analysis->items[i];
      gint64 question_id = g_array_index (items, gint64, i);
      g_autoptr(ScQuestion) question = sc_store_get_question (store, session, question_id, NULL);
      g_autofree char *facility = number (item->facility * 100, 1);
      g_autofree char *item_sd = number (item->sd, 3);
      g_autofree char *discrimination = number (item->discrimination, 3);
      g_autofree char *flags = flags_text (item->flags);

      g_print ("%lld %s\t%u\t%s %%\t%s\t%s\t%s\n", (long long) question_id, question ? question->name : "",
               item->n_attempts, facility, item_sd, discrimination, flags);
    }

  mean = number (analysis->mean, 2);
  sd = number (analysis->sd, 2);
  alpha = number (analysis->alpha, 3);
  g_print (_("Attempts: %u, mean score: %s, SD: %s, Cronbach’s α: %s\n"), analysis->n_attempts, mean, sd, alpha);
  return SC_CLI_EXIT_OK;
}
