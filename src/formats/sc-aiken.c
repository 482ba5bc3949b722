/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-aiken"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-aiken.h"
#include "sc-gift.h"

/*
 * Aiken, as Moodle reads it: a question's text on one line, then its
 * choices one a line (“A) text” or “A. text”; the letters are not checked,
 * the choices count in the order they come), then “ANSWER: B” for the
 * second choice. Every question is single choice with one right answer and
 * no feedback. Lines shorter than two characters are skipped; texts are
 * HTML with <, > and & escaped. Problems are told on the lines Moodle
 * tells them; where Moodle drops a question quietly (the file ends before
 * its “ANSWER:” line) this reader reports it too.
 */

static gboolean
is_choice (const char *line)
{
  return line[0] >= 'A' && line[0] <= 'Z' && (line[1] == ')' || line[1] == '.');
}

static char *
escape_html (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '&')
        g_string_append (out, "&amp;");
      else if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char **
split_lines (const char *data,
             gsize       length)
{
  g_autoptr(GString) text = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* CR LF, LF and CR alone all end a line */
  text = g_string_new_len (data, length);
  g_string_replace (text, "\r\n", "\n", 0);
  g_strdelimit (text->str, "\r", '\n');
  return g_strsplit (text->str, "\n", -1);
}

/**
 * sc_aiken_looks_like:
 * Returns: %TRUE when a line starts with “ANSWER:”, which GIFT never has
 */
gboolean
sc_aiken_looks_like (const char *data,
                     gsize       length)
{
  g_auto(GStrv) lines = split_lines (data, length);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (g_str_has_prefix (line, "ANSWER:"))
        return TRUE;
    }
  return FALSE;
}

void
sc_aiken_parse (ScQuestionImport *import,
                const char       *data,
                gsize             length,
                const char       *default_category)
{
  g_auto(GStrv) lines = split_lines (data, length);
  g_autoptr(ScQuestion) question = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      guint number = i + 1;

      if (strlen (line) < 2)
        continue;

      if (is_choice (line))
        {
          g_autofree char *choice = g_strstrip (g_strdup (line + 2));
          g_autofree char *escaped = escape_html (choice);

          if (question == NULL)
            {
              sc_question_import_add_problem (import, number, "%s",
                                              _("a choice comes before the text of its question"));
              continue;
            }
          sc_question_add_answer (question, escaped, 0, "");
        }
      else if (g_str_has_prefix (line, "ANSWER:"))
        {
          g_autofree char *letter = g_strstrip (g_strdup (line + strlen ("ANSWER:")));
          int index = letter[0] - 'A';

          if (question == NULL)
            {
              sc_question_import_add_problem (import, number, "%s",
                                              _("an “ANSWER:” line comes before the text of its question"));
              continue;
            }

          if (question->answers->len < 2)
            sc_question_import_add_problem (import, number, "%s",
                                            _("a question needs at least two choices before its “ANSWER:” line"));
          else if (letter[0] == '\0' || index < 0 || (guint) index >= question->answers->len)
            sc_question_import_add_problem (import, number,
                                            _("“ANSWER: %s” names no choice of this question; use a letter from A to %c"),
                                            letter, 'A' + question->answers->len - 1);
          else
            {
              ((ScQuestionAnswer *) g_ptr_array_index (question->answers, index))->fraction = 1;
              g_ptr_array_add (import->questions, g_steal_pointer (&question));
            }
          g_clear_pointer (&question, sc_question_unref);
        }
      else
        {
          g_autofree char *escaped = escape_html (line);

          /* One line of text per question: another one starts a new
           * question, and like Moodle the problem is told on that line */
          if (question != NULL)
            sc_question_import_add_problem (import, number,
                                            _("the question on line %u has no “ANSWER:” line before this line starts another one (a question's text must fit on one line)"),
                                            question->line);

          g_clear_pointer (&question, sc_question_unref);
          question = sc_question_new (SC_QUESTION_TYPE_MULTICHOICE);
          question->single = TRUE;
          question->line = number;
          question->category = g_strdup (default_category);
          sc_question_set_string (&question->text_format, "html");
          sc_question_set_string (&question->text, escaped);
          g_free (question->name);
          question->name = sc_gift_default_name (line);
        }
    }

  if (question != NULL)
    sc_question_import_add_problem (import, question->line, "%s",
                                    _("this question has no “ANSWER:” line after its choices"));
}
