/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-question"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-question.h"
#include "sc-store.h"

G_DEFINE_BOXED_TYPE (ScQuestion, sc_question, sc_question_ref, sc_question_unref)

static const char * const type_keys[SC_N_QUESTION_TYPES] = {
  "multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay", "description",
};

static const char * const text_formats[] = { "moodle", "html", "plain", "markdown", NULL };

static void
answer_free (gpointer data)
{
  ScQuestionAnswer *answer = data;

  g_free (answer->text);
  g_free (answer->feedback);
  g_free (answer);
}

static void
pair_free (gpointer data)
{
  ScQuestionPair *pair = data;

  g_free (pair->question);
  g_free (pair->answer);
  g_free (pair);
}

ScQuestion *
sc_question_new (ScQuestionType type)
{
  ScQuestion *self = g_new0 (ScQuestion, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->name = g_strdup ("");
  self->text = g_strdup ("");
  self->text_format = g_strdup ("moodle");
  self->general_feedback = g_strdup ("");
  self->feedback_true = g_strdup ("");
  self->feedback_false = g_strdup ("");
  self->single = TRUE;
  self->difficulty = 3;
  self->default_mark = type == SC_QUESTION_TYPE_DESCRIPTION ? 0 : 1;
  self->answers = g_ptr_array_new_with_free_func (answer_free);
  self->pairs = g_ptr_array_new_with_free_func (pair_free);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  return self;
}

ScQuestion *
sc_question_ref (ScQuestion *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sc_question_unref (ScQuestion *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->text);
  g_free (self->text_format);
  g_free (self->general_feedback);
  g_free (self->feedback_true);
  g_free (self->feedback_false);
  g_free (self->idnumber);
  g_free (self->category);
  g_ptr_array_unref (self->answers);
  g_ptr_array_unref (self->pairs);
  g_ptr_array_unref (self->tags);
  g_free (self);
}

/**
 * sc_question_set_string:
 * Replaces the string in @field by a copy of @value ("" for %NULL).
 */
void
sc_question_set_string (char       **field,
                        const char  *value)
{
  g_free (*field);
  *field = g_strdup (value ? value : "");
}

ScQuestionAnswer *
sc_question_add_answer (ScQuestion *self,
                        const char *text,
                        double      fraction,
                        const char *feedback)
{
  ScQuestionAnswer *answer = g_new0 (ScQuestionAnswer, 1);

  answer->text = g_strdup (text ? text : "");
  answer->fraction = fraction;
  answer->feedback = g_strdup (feedback ? feedback : "");
  g_ptr_array_add (self->answers, answer);
  return answer;
}

ScQuestionPair *
sc_question_add_pair (ScQuestion *self,
                      const char *question,
                      const char *answer)
{
  ScQuestionPair *pair = g_new0 (ScQuestionPair, 1);

  pair->question = g_strdup (question ? question : "");
  pair->answer = g_strdup (answer ? answer : "");
  g_ptr_array_add (self->pairs, pair);
  return pair;
}

void
sc_question_add_tag (ScQuestion *self,
                     const char *tag)
{
  g_autofree char *copy = g_strstrip (g_strdup (tag));

  if (*copy == '\0')
    return;
  for (guint i = 0; i < self->tags->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->tags, i), copy) == 0)
      return;
  g_ptr_array_add (self->tags, g_steal_pointer (&copy));
}

/**
 * sc_question_max_fraction_sum:
 * Returns: the best mark an answer can earn, as a share of the question's
 *   mark: the highest fraction, or for a multiple-choice question that
 *   takes several answers, the sum of the positive fractions
 */
double
sc_question_max_fraction_sum (ScQuestion *self)
{
  double best = 0;
  double sum = 0;

  for (guint i = 0; i < self->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (self->answers, i);

      best = MAX (best, answer->fraction);
      if (answer->fraction > 0)
        sum += answer->fraction;
    }

  if (self->type == SC_QUESTION_TYPE_MULTICHOICE && !self->single)
    return sum;
  return best;
}

/**
 * sc_question_validate:
 *
 * Checks what the bank needs of a question before it is saved.
 */
gboolean
sc_question_validate (ScQuestion  *self,
                      GError     **error)
{
  guint n_answers = self->answers->len;
  guint n_real_pairs = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The question needs a name"));
      return FALSE;
    }

  if (!sc_text_format_is_valid (self->text_format))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a text format; use moodle, html, plain or markdown"),
                   self->text_format);
      return FALSE;
    }

  if (self->difficulty < 1 || self->difficulty > 5)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The difficulty goes from 1 (easy) to 5 (hard)"));
      return FALSE;
    }

  for (guint i = 0; i < n_answers; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (self->answers, i);

      if (!isfinite (answer->fraction) || answer->fraction < -1 || answer->fraction > 1)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("Answer %u of “%s” earns a share of the mark outside −100 %% to 100 %%"),
                       i + 1, self->name);
          return FALSE;
        }
      if (self->type == SC_QUESTION_TYPE_NUMERICAL &&
          (!isfinite (answer->tolerance) || answer->tolerance < 0))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("Answer %u of “%s” has a negative tolerance"), i + 1, self->name);
          return FALSE;
        }
    }

  switch (self->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      if (n_answers < 2)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("The multiple-choice question “%s” needs at least two choices"), self->name);
          return FALSE;
        }
      break;

    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      if (n_answers < 1)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("The question “%s” needs at least one accepted answer"), self->name);
          return FALSE;
        }
      break;

    case SC_QUESTION_TYPE_MATCHING:
      for (guint i = 0; i < self->pairs->len; i++)
        if (*((ScQuestionPair *) g_ptr_array_index (self->pairs, i))->question != '\0')
          n_real_pairs++;
      if (n_real_pairs < 2)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("The matching question “%s” needs at least two pairs"), self->name);
          return FALSE;
        }
      break;

    case SC_QUESTION_TYPE_TRUEFALSE:
    case SC_QUESTION_TYPE_ESSAY:
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  if (self->type != SC_QUESTION_TYPE_DESCRIPTION && self->type != SC_QUESTION_TYPE_ESSAY &&
      self->type != SC_QUESTION_TYPE_TRUEFALSE && self->type != SC_QUESTION_TYPE_MATCHING &&
      sc_question_max_fraction_sum (self) <= 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("No answer of “%s” earns any mark"), self->name);
      return FALSE;
    }

  return TRUE;
}

const char *
sc_question_type_to_string (ScQuestionType type)
{
  g_return_val_if_fail ((guint) type < SC_N_QUESTION_TYPES, NULL);
  return type_keys[type];
}

gboolean
sc_question_type_from_string (const char     *str,
                              ScQuestionType *type)
{
  for (guint i = 0; str != NULL && i < SC_N_QUESTION_TYPES; i++)
    if (g_str_equal (str, type_keys[i]))
      {
        *type = (ScQuestionType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sc_question_type_get_label (ScQuestionType type)
{
  switch (type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      return _("Multiple choice");
    case SC_QUESTION_TYPE_TRUEFALSE:
      return _("True/false");
    case SC_QUESTION_TYPE_SHORTANSWER:
      return _("Short answer");
    case SC_QUESTION_TYPE_NUMERICAL:
      return _("Numerical");
    case SC_QUESTION_TYPE_MATCHING:
      return _("Matching");
    case SC_QUESTION_TYPE_ESSAY:
      return _("Essay");
    case SC_QUESTION_TYPE_DESCRIPTION:
      return C_("question type", "Description");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sc_text_format_is_valid (const char *format)
{
  return format != NULL && g_strv_contains (text_formats, format);
}

void
sc_question_category_free (ScQuestionCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category->path);
  g_free (category);
}

/**
 * sc_question_category_path_split:
 *
 * Splits a category path the way Moodle does: levels are separated by “/”,
 * “//” is a “/” inside a name, blank levels are dropped, and a leading
 * context (“$course$”, “$system$”…) and “top” level are left out.
 *
 * Returns: (transfer full): the names from the top, perhaps none
 */
char **
sc_question_category_path_split (const char *path)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint first = 0;

  for (const char *p = path ? path : ""; ; p++)
    {
      if (*p == '/' && p[1] == '/')
        {
          g_string_append_c (name, '/');
          p++;
          continue;
        }
      if (*p == '/' || *p == '\0')
        {
          char *level = g_strstrip (g_strdup (name->str));

          if (*level != '\0')
            g_ptr_array_add (names, level);
          else
            g_free (level);
          g_string_truncate (name, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (name, *p);
    }

  if (first < names->len)
    {
      const char *head = g_ptr_array_index (names, first);

      if (head[0] == '$' && g_str_has_suffix (head, "$") && strlen (head) > 1)
        first++;
    }
  if (first < names->len && g_str_equal (g_ptr_array_index (names, first), "top"))
    first++;

  for (guint i = first; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));
  return g_strv_builder_end (builder);
}

/**
 * sc_question_category_path_join:
 * Returns: (transfer full): the path of @names, “/” inside a name doubled
 */
char *
sc_question_category_path_join (char **names)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GString) name = g_string_new (names[i]);

      g_string_replace (name, "/", "//", 0);
      g_string_append_printf (path, "%s%s", i ? "/" : "", name->str);
    }
  return g_string_free (path, FALSE);
}
