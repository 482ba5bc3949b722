/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-grade"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sc-exam-grade.h"

/* Numbers within this of an accepted answer's edge still match: the
 * decimal text of a number is rarely its exact double */
#define NUMBER_EPSILON 1e-9

/**
 * sc_exam_parse_positions:
 * @text: (nullable): positions separated by commas, such as “0,2”
 *
 * Returns: (transfer full) (element-type int): the positions; anything
 *   that is not a whole number counts as −1
 */
GArray *
sc_exam_parse_positions (const char *text)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_auto(GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return positions;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      gint64 value = -1;
      int position;

      if (!g_ascii_string_to_signed (part, 10, -1, G_MAXINT, &value, NULL))
        value = -1;
      position = (int) value;
      g_array_append_val (positions, position);
    }

  return positions;
}

/**
 * sc_exam_format_positions:
 * Returns: (transfer full): @positions written as sc_exam_parse_positions()
 *   reads them
 */
char *
sc_exam_format_positions (const int *positions,
                          guint      n_positions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_positions; i++)
    g_string_append_printf (out, i > 0 ? ",%d" : "%d", positions[i]);
  return g_string_free (out, FALSE);
}

/**
 * sc_exam_parse_number:
 * Reads a number as people type it: spaces around it, a decimal point or
 * a decimal comma, an exponent.
 */
gboolean
sc_exam_parse_number (const char *text,
                      double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;

  /* One comma and no point: a decimal comma */
  if (strchr (copy, '.') == NULL && strchr (copy, ',') != NULL &&
      strchr (copy, ',') == strrchr (copy, ','))
    *strchr (copy, ',') = '.';

  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*value);
}

static gboolean
glob_match (const char *pattern,
            const char *text)
{
  const char *star = NULL;
  const char *resume = NULL;

  while (*text != '\0')
    {
      if (*pattern == '\\' && pattern[1] == '*' && *text == '*')
        {
          pattern += 2;
          text++;
        }
      else if (*pattern == '*')
        {
          star = pattern++;
          resume = text;
        }
      else if (*pattern != '\0' && *pattern == *text)
        {
          pattern++;
          text++;
        }
      else if (star != NULL)
        {
          pattern = star + 1;
          text = ++resume;
        }
      else
        return FALSE;
    }

  while (*pattern == '*')
    pattern++;
  return *pattern == '\0';
}

/**
 * sc_exam_shortanswer_matches:
 * @pattern: an accepted answer; “*” stands for any run of characters and
 *   “\*” for a star
 *
 * Returns: whether @response, without the spaces around it, matches
 *   @pattern
 */
gboolean
sc_exam_shortanswer_matches (const char *pattern,
                             const char *response,
                             gboolean    case_sensitive)
{
  g_autofree char *p = NULL;
  g_autofree char *r = NULL;

  if (pattern == NULL || response == NULL)
    return FALSE;

  p = g_strstrip (g_strdup (pattern));
  r = g_strstrip (g_strdup (response));
  if (*r == '\0')
    return FALSE;

  if (!case_sensitive)
    {
      char *folded = g_utf8_casefold (p, -1);

      g_free (p);
      p = folded;
      folded = g_utf8_casefold (r, -1);
      g_free (r);
      r = folded;
    }

  return glob_match (p, r);
}

/**
 * sc_exam_matching_answers:
 * Returns: (transfer container) (element-type utf8): the distinct answers
 *   of a matching question, in the order they first appear; the strings
 *   belong to @question
 */
GPtrArray *
sc_exam_matching_answers (const ScQuestion *question)
{
  GPtrArray *answers = g_ptr_array_new ();

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
      gboolean seen = FALSE;

      for (guint k = 0; k < answers->len && !seen; k++)
        seen = g_strcmp0 (g_ptr_array_index (answers, k), pair->answer) == 0;
      if (!seen)
        g_ptr_array_add (answers, pair->answer);
    }

  return answers;
}

/**
 * sc_exam_matching_rows:
 * Returns: how many rows of a matching question ask something (the others
 *   only add wrong answers)
 */
guint
sc_exam_matching_rows (const ScQuestion *question)
{
  guint n = 0;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);

      if (pair->question != NULL && *pair->question != '\0')
        n++;
    }
  return n;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static double
grade_multichoice (const ScQuestion *question,
                   const char       *response,
                   ScExamGrade      *grade)
{
  g_autoptr(GArray) chosen = sc_exam_parse_positions (response);
  double sum = 0;

  grade->answered = chosen->len > 0;
  if (chosen->len == 0)
    return 0;

  if (question->single && chosen->len > 1)
    return 0;

  for (guint i = 0; i < chosen->len; i++)
    {
      int position = g_array_index (chosen, int, i);
      ScQuestionAnswer *answer;

      if (position < 0 || (guint) position >= question->answers->len)
        continue;

      /* The same choice twice counts once */
      for (guint k = 0; k < i; k++)
        if (g_array_index (chosen, int, k) == position)
          goto next;

      answer = g_ptr_array_index (question->answers, position);
      sum += answer->fraction;
      if (grade->matched < 0)
        grade->matched = position;
    next:
      ;
    }

  return sum;
}

static double
grade_truefalse (const ScQuestion *question,
                 const char       *response,
                 ScExamGrade      *grade)
{
  gboolean value;

  if (g_strcmp0 (response, "true") == 0)
    value = TRUE;
  else if (g_strcmp0 (response, "false") == 0)
    value = FALSE;
  else
    return 0;

  grade->answered = TRUE;
  grade->matched = value ? 0 : 1;
  return value == question->correct ? 1 : 0;
}

static double
grade_shortanswer (const ScQuestion *question,
                   const char       *response,
                   ScExamGrade      *grade)
{
  grade->answered = !is_blank (response);
  if (!grade->answered)
    return 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

      if (sc_exam_shortanswer_matches (answer->text, response, question->case_sensitive))
        {
          grade->matched = i;
          return answer->fraction;
        }
    }

  return 0;
}

static double
grade_numerical (const ScQuestion *question,
                 const char       *response,
                 ScExamGrade      *grade)
{
  double value;

  if (!sc_exam_parse_number (response, &value))
    {
      grade->answered = !is_blank (response);
      /* Text that is no number still meets a “*” answer */
      if (!grade->answered)
        return 0;
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          if (g_strcmp0 (answer->text, "*") == 0)
            {
              grade->matched = i;
              return answer->fraction;
            }
        }
      return 0;
    }

  grade->answered = TRUE;
  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
      double expected;

      if (g_strcmp0 (answer->text, "*") == 0 ||
          (sc_exam_parse_number (answer->text, &expected) &&
           fabs (value - expected) <= answer->tolerance + NUMBER_EPSILON * MAX (1.0, fabs (expected))))
        {
          grade->matched = i;
          return answer->fraction;
        }
    }

  return 0;
}

static double
grade_matching (const ScQuestion *question,
                const char       *response,
                ScExamGrade      *grade)
{
  g_autoptr(GPtrArray) answers = sc_exam_matching_answers (question);
  g_autoptr(GArray) chosen = sc_exam_parse_positions (response);
  guint rows = sc_exam_matching_rows (question);
  guint row = 0;
  guint right = 0;

  if (rows == 0)
    return 0;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
      int position;

      if (pair->question == NULL || *pair->question == '\0')
        continue;

      position = row < chosen->len ? g_array_index (chosen, int, row) : -1;
      row++;
      if (position < 0 || (guint) position >= answers->len)
        continue;

      grade->answered = TRUE;
      if (g_strcmp0 (g_ptr_array_index (answers, position), pair->answer) == 0)
        right++;
    }

  return (double) right / rows;
}

/**
 * sc_exam_grade_question:
 * @response: (nullable): the saved response, %NULL when none was given
 * @max_mark: what the question is worth in the exam
 *
 * Grades one question. An essay is left at 0 with @needs_grading set when
 * it was answered; a description is worth nothing.
 */
void
sc_exam_grade_question (const ScQuestion *question,
                        const char       *response,
                        double            max_mark,
                        ScExamGrade      *grade)
{
  double fraction = 0;

  g_return_if_fail (question != NULL);
  g_return_if_fail (grade != NULL);

  memset (grade, 0, sizeof *grade);
  grade->matched = -1;
  grade->max_mark = question->type == SC_QUESTION_TYPE_DESCRIPTION ? 0 : MAX (max_mark, 0);

  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      fraction = grade_multichoice (question, response, grade);
      break;
    case SC_QUESTION_TYPE_TRUEFALSE:
      fraction = grade_truefalse (question, response, grade);
      break;
    case SC_QUESTION_TYPE_SHORTANSWER:
      fraction = grade_shortanswer (question, response, grade);
      break;
    case SC_QUESTION_TYPE_NUMERICAL:
      fraction = grade_numerical (question, response, grade);
      break;
    case SC_QUESTION_TYPE_MATCHING:
      fraction = grade_matching (question, response, grade);
      break;
    case SC_QUESTION_TYPE_ESSAY:
      grade->answered = !is_blank (response);
      grade->needs_grading = grade->answered;
      break;
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  grade->fraction = CLAMP (fraction, 0.0, 1.0);
  grade->mark = grade->fraction * grade->max_mark;
}

/**
 * sc_exam_breakdown:
 * @keys: the category or skill of each question
 *
 * Returns: (transfer full) (element-type ScExamBreakdown): the marks
 *   summed per key, in the order the keys first appear
 */
GArray *
sc_exam_breakdown (const gint64 *keys,
                   const double *marks,
                   const double *max_marks,
                   guint         n)
{
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (ScExamBreakdown));

  for (guint i = 0; i < n; i++)
    {
      ScExamBreakdown *part = NULL;

      for (guint k = 0; k < parts->len && part == NULL; k++)
        if (g_array_index (parts, ScExamBreakdown, k).key == keys[i])
          part = &g_array_index (parts, ScExamBreakdown, k);

      if (part == NULL)
        {
          ScExamBreakdown fresh = { keys[i], 0, 0, 0 };

          g_array_append_val (parts, fresh);
          part = &g_array_index (parts, ScExamBreakdown, parts->len - 1);
        }

      part->mark += marks[i];
      part->max_mark += max_marks[i];
      part->n_questions++;
    }

  return parts;
}

/**
 * sc_exam_band_feedback:
 * Returns: (nullable): the feedback of the band @percent falls in, or
 *   %NULL when it reaches no band's minimum
 */
const char *
sc_exam_band_feedback (const ScExamBand *bands,
                       guint             n_bands,
                       double            percent)
{
  const ScExamBand *best = NULL;

  for (guint i = 0; i < n_bands; i++)
    if (percent + 1e-9 >= bands[i].min_percent &&
        (best == NULL || bands[i].min_percent > best->min_percent))
      best = &bands[i];

  return best != NULL ? best->feedback : NULL;
}
