/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-exam.h"

static void
band_clear (gpointer data)
{
  ScExamFeedbackBand *band = data;

  g_clear_pointer (&band->feedback, g_free);
}

/**
 * sc_exam_new:
 * Returns: (transfer full): an exam with Moodle's defaults: no time
 *   limit, as many attempts as wanted, pass at 60 %, highest grade,
 *   shuffled, reviewed after submitting, valid twelve months
 */
ScExam *
sc_exam_new (const char *name)
{
  ScExam *exam = g_new0 (ScExam, 1);

  exam->name = g_strdup (name);
  exam->description = g_strdup ("");
  exam->level = SC_LEVEL_JUNIOR;
  exam->validity_months = 12;
  exam->pass_percent = 60;
  exam->shuffle_questions = TRUE;
  exam->shuffle_choices = TRUE;
  exam->review = SC_EXAM_REVIEW_AFTER_SUBMIT;
  exam->available = TRUE;
  exam->rules = g_array_new (FALSE, TRUE, sizeof (ScExamRule));
  exam->bands = g_array_new (FALSE, TRUE, sizeof (ScExamFeedbackBand));
  g_array_set_clear_func (exam->bands, band_clear);
  return exam;
}

void
sc_exam_free (ScExam *exam)
{
  if (exam == NULL)
    return;
  g_free (exam->name);
  g_free (exam->description);
  g_array_unref (exam->rules);
  g_array_unref (exam->bands);
  g_free (exam);
}

/**
 * sc_exam_add_category_rule:
 * @difficulty: 1 to 5, or 0 for any
 *
 * Returns: (transfer none): the rule, drawing from the category and those
 *   under it
 */
ScExamRule *
sc_exam_add_category_rule (ScExam *exam,
                           gint64  category_id,
                           guint   count,
                           int     difficulty)
{
  ScExamRule rule = { category_id, TRUE, difficulty, count, 0 };

  g_array_append_val (exam->rules, rule);
  return &g_array_index (exam->rules, ScExamRule, exam->rules->len - 1);
}

ScExamRule *
sc_exam_add_fixed_question (ScExam *exam,
                            gint64  question_id)
{
  ScExamRule rule = { 0, FALSE, 0, 1, question_id };

  g_array_append_val (exam->rules, rule);
  return &g_array_index (exam->rules, ScExamRule, exam->rules->len - 1);
}

void
sc_exam_add_band (ScExam     *exam,
                  double      min_percent,
                  const char *feedback)
{
  ScExamFeedbackBand band = { min_percent, g_strdup (feedback) };

  g_array_append_val (exam->bands, band);
}

void
sc_exam_attempt_free (ScExamAttempt *attempt)
{
  if (attempt == NULL)
    return;
  g_free (attempt->exam_name);
  g_free (attempt->person_name);
  g_free (attempt->started);
  g_free (attempt->deadline);
  g_free (attempt->submitted);
  g_free (attempt->feedback);
  g_free (attempt);
}

void
sc_attempt_question_free (ScAttemptQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->name);
  g_free (question->text);
  g_free (question->text_format);
  g_clear_pointer (&question->choices, g_ptr_array_unref);
  g_clear_pointer (&question->choice_order, g_array_unref);
  g_clear_pointer (&question->rows, g_ptr_array_unref);
  g_free (question->response);
  g_free (question->saved);
  g_free (question->feedback);
  g_free (question->general_feedback);
  g_free (question->right_answer);
  g_free (question->grader_comment);
  g_free (question);
}

void
sc_exam_result_part_free (ScExamResultPart *part)
{
  if (part == NULL)
    return;
  g_free (part->category);
  g_free (part);
}

void
sc_essay_to_grade_free (ScEssayToGrade *essay)
{
  if (essay == NULL)
    return;
  g_free (essay->person_name);
  g_free (essay->exam_name);
  g_free (essay->question_text);
  g_free (essay->general_feedback);
  g_free (essay->response);
  g_free (essay->submitted);
  g_free (essay);
}

void
sc_certification_free (ScCertification *certification)
{
  if (certification == NULL)
    return;
  g_free (certification->person_name);
  g_free (certification->skill_name);
  g_free (certification->issued);
  g_free (certification->expires);
  g_free (certification->code);
  g_free (certification->revoked);
  g_free (certification->revoked_reason);
  g_free (certification);
}

static GDate *
parse_day (const char *day)
{
  int y, m, d;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

/**
 * sc_certification_state_on:
 * @expires: the last day it is valid, YYYY-MM-DD
 * @today: YYYY-MM-DD
 * @days_left: (out) (optional): days from @today to @expires, negative
 *   once expired
 *
 * Returns: the state of a certification on @today
 */
ScCertificationState
sc_certification_state_on (const char *expires,
                           gboolean    revoked,
                           const char *today,
                           int        *days_left)
{
  g_autoptr(GDate) end = parse_day (expires);
  g_autoptr(GDate) now = parse_day (today);
  int left = 0;

  if (end != NULL && now != NULL)
    left = g_date_days_between (now, end);
  if (days_left)
    *days_left = left;

  if (revoked)
    return SC_CERTIFICATION_REVOKED;
  if (end == NULL || now == NULL || left < 0)
    return SC_CERTIFICATION_EXPIRED;
  if (left <= SC_CERTIFICATION_EXPIRING_DAYS)
    return SC_CERTIFICATION_EXPIRING_SOON;
  return SC_CERTIFICATION_VALID;
}

const char *
sc_certification_state_get_label (ScCertificationState state)
{
  switch (state)
    {
    case SC_CERTIFICATION_VALID:
      return C_("certification", "Valid");
    case SC_CERTIFICATION_EXPIRING_SOON:
      return C_("certification", "Expiring soon");
    case SC_CERTIFICATION_EXPIRED:
      return C_("certification", "Expired");
    case SC_CERTIFICATION_REVOKED:
      return C_("certification", "Revoked");
    default:
      g_return_val_if_reached (NULL);
    }
}
