/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-gift"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-gift.h"

/*
 * GIFT, read the way Moodle's own importer (qformat_gift) reads it, so that
 * a file gives here the questions it gives there:
 *
 * - lines are trimmed; a blank line ends a question; lines starting with
 *   “//” are comments, where “[id:…]” and “[tag:…]” give the ID number and
 *   tags;
 * - “\\ \: \# \= \{ \} \~” are the characters themselves and “\n” a new line;
 * - “$CATEGORY: path” switches the category of the questions that follow;
 * - “::name::” names a question; “[html]”, “[moodle]”, “[plain]” and
 *   “[markdown]” before a text give its format;
 * - the answers are between the first “{” and the first “}”; text after the
 *   “}” makes a missing-word question whose blank is “_____”; “####” starts
 *   the general feedback;
 * - the type is, in this order: description (no braces), essay (“{}”),
 *   numerical (“{#”), multiple choice (a “~”), matching (“=” and “->”),
 *   true/false (T, TRUE, F, FALSE), else short answer;
 * - “%50%” before an answer gives it half the mark, “%-100%” takes a whole
 *   mark away; “#” starts an answer's feedback.
 *
 * Where Moodle would quietly store something else than the file says (a
 * numerical answer that is not a number becomes “any answer”), this reader
 * reports a problem instead.
 */

/* Escaped characters wait in the private use area while the text is cut up */
static const char escapable[] = ":#={}~n";
static const char unescaped[] = ":#={}~\n";
#define PLACEHOLDER_BASE 0xE000

static const char * const text_formats[] = { "moodle", "html", "plain", "markdown", NULL };

typedef struct
{
  char  *text;
  guint  number;
} Line;

/* PHP's trim(): spaces, tabs, new lines, NUL and vertical tabs only */
static gboolean
is_trim_char (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0b';
}

static char *
trim_len (const char *text,
          gssize      length)
{
  const char *start = text;
  const char *end;

  if (length < 0)
    length = strlen (text);
  end = text + length;

  while (start < end && is_trim_char (*start))
    start++;
  while (end > start && is_trim_char (end[-1]))
    end--;

  return g_strndup (start, end - start);
}

static char *
trim (const char *text)
{
  return trim_len (text, -1);
}

static char *
escape_pre (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      const char *which;

      if (p[0] == '\\' && p[1] == '\\')
        {
          g_string_append_c (out, '\\');
          p++;
        }
      else if (p[0] == '\\' && p[1] != '\0' && (which = strchr (escapable, p[1])) != NULL)
        {
          g_string_append_unichar (out, PLACEHOLDER_BASE + (which - escapable));
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
escape_post (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= PLACEHOLDER_BASE && c < PLACEHOLDER_BASE + strlen (escapable))
        g_string_append_c (out, unescaped[c - PLACEHOLDER_BASE]);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* A “[format]” prefix, then the text unescaped and trimmed */
static char *
text_with_format (const char  *text,
                  const char  *default_format,
                  char       **format)
{
  const char *body = text;
  const char *end;

  if (format)
    *format = g_strdup (default_format);

  if (text[0] == '[' && (end = strchr (text, ']')) != NULL)
    {
      g_autofree char *name = g_strndup (text + 1, end - text - 1);

      if (g_strv_contains (text_formats, name))
        {
          if (format)
            {
              g_free (*format);
              *format = g_steal_pointer (&name);
            }
          body = end + 1;
        }
    }

  {
    g_autofree char *post = escape_post (body);
    return trim (post);
  }
}

/* PHP's strip_tags(), which Moodle's question names go through: a “<” not
 * followed by a space opens a tag that only a “>” outside quotes closes
 * (nested “<” need their own “>”), “<!-- … -->” and “<? … ?>” are dropped
 * whole, and a tag never closed takes the rest of the text with it */
static char *
strip_tags (const char *text)
{
  GString *out = g_string_new (NULL);
  enum { TEXT, TAG, PHP, BANG, COMMENT } state = TEXT;
  const char *buf = text;
  char in_q = '\0';
  char lc = '\0';
  int depth = 0;
  int br = 0;
  gboolean is_xml = FALSE;

  for (const char *p = text; *p; p++)
    {
      char c = *p;

      switch (state)
        {
        case TEXT:
          if (c == '<')
            {
              if (g_ascii_isspace (p[1]))
                g_string_append_c (out, c);
              else
                {
                  lc = '<';
                  state = TAG;
                }
            }
          else if (c == '>' && depth > 0)
            depth--;
          else
            g_string_append_c (out, c);
          break;

        case TAG:
          if (c == '<')
            {
              if (!in_q && !g_ascii_isspace (p[1]))
                depth++;
            }
          else if (c == '>')
            {
              if (depth > 0)
                depth--;
              else if (!in_q)
                {
                  lc = '>';
                  if (!(is_xml && p > buf && p[-1] == '-'))
                    {
                      in_q = '\0';
                      is_xml = FALSE;
                      state = TEXT;
                    }
                }
            }
          else if (c == '"' || c == '\'')
            {
              if (p != buf && (!in_q || c == in_q))
                in_q = in_q ? '\0' : c;
            }
          else if (c == '!' && p > buf && p[-1] == '<')
            {
              state = BANG;
              lc = c;
            }
          else if (c == '?' && p > buf && p[-1] == '<')
            {
              br = 0;
              state = PHP;
            }
          break;

        case PHP:
          if (c == '(' && lc != '"' && lc != '\'')
            {
              lc = '(';
              br++;
            }
          else if (c == ')' && lc != '"' && lc != '\'')
            {
              lc = ')';
              br--;
            }
          else if (c == '>')
            {
              if (depth > 0)
                depth--;
              else if (!in_q && br == 0 && lc != '"' && p[-1] == '?')
                {
                  in_q = '\0';
                  state = TEXT;
                }
            }
          else if (c == '"' || c == '\'')
            {
              if (p[-1] != '\\')
                {
                  if (lc == c)
                    lc = '\0';
                  else if (lc != '\\')
                    lc = c;
                }
              if (!in_q || c == in_q)
                in_q = in_q ? '\0' : c;
            }
          else if ((c == 'l' || c == 'L') && p - buf > 4 &&
                   g_ascii_strncasecmp (p - 4, "<?xm", 4) == 0)
            {
              state = TAG;
              is_xml = TRUE;
            }
          break;

        case BANG:
          if (c == '>')
            {
              if (depth > 0)
                depth--;
              else if (!in_q)
                {
                  in_q = '\0';
                  state = TEXT;
                }
            }
          else if (c == '"' || c == '\'')
            {
              if (p[-1] != '\\' && (!in_q || c == in_q))
                in_q = in_q ? '\0' : c;
            }
          else if (c == '-' && p - buf >= 2 && p[-1] == '-' && p[-2] == '!')
            state = COMMENT;
          else if ((c == 'E' || c == 'e') && p - buf > 6 &&
                   g_ascii_strncasecmp (p - 6, "doctyp", 6) == 0)
            state = TAG;
          break;

        case COMMENT:
          if (c == '>' && !in_q && p - buf >= 2 && p[-1] == '-' && p[-2] == '-')
            {
              in_q = '\0';
              state = TEXT;
            }
          break;

        default:
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static char *shorten_text (const char *text,
                           guint       ideal);

static char *
clean_name (const char *name)
{
  g_autofree char *stripped = strip_tags (name);
  char *cleaned = trim (stripped);

  /* Moodle's clean_question_name(): shortened, ten characters less each
   * time, until it fits in 255 */
  for (int length = 251; g_utf8_strlen (cleaned, -1) > 255 && length > 0; length -= 10)
    {
      char *cut = shorten_text (cleaned, length);
      g_free (cleaned);
      cleaned = cut;
    }
  return cleaned;
}

/* The length of an HTML entity (“&amp;”, “&#38;”, “&#x26;”) at @p, or 0 */
static gsize
entity_length (const char *p)
{
  gsize n = 0;

  if (p[0] != '&')
    return 0;

  if (p[1] == '#' && (p[2] == 'x' || p[2] == 'X'))
    {
      while (n < 7 && g_ascii_isxdigit (p[3 + n]))
        n++;
      if (n >= 1 && n <= 6 && p[3 + n] == ';')
        return n + 4;
      n = 0;
    }
  if (p[1] == '#')
    {
      while (n < 8 && g_ascii_isdigit (p[2 + n]))
        n++;
      return n >= 1 && n <= 7 && p[2 + n] == ';' ? n + 3 : 0;
    }

  while (n < 9 && g_ascii_isalnum (p[1 + n]))
    n++;
  return n >= 2 && n <= 8 && p[1 + n] == ';' ? n + 2 : 0;
}

/* Moodle's shorten_text ($text, 80): the plain text is cut after a space, a
 * full stop or a CJK character, an entity counts as one character, tags are
 * left whole, “...” is added */
static char *
shorten_text (const char *text,
              guint       ideal)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint total = 3;  /* the “...” */
  const char *p = text;

  for (const char *q = text; *q; q++)
    {
      const char *close;

      if (*q == '<' && q[1] != '\n' && (close = strpbrk (q + 1, ">\n")) != NULL && *close == '>')
        q = close;
      else
        g_string_append_c (plain, *q);
    }
  if (g_utf8_strlen (plain->str, -1) <= (glong) ideal)
    return g_strdup (text);

  while (*p)
    {
      const char *content;
      const char *content_end;
      glong chars;
      glong length;

      if (*p == '<')
        {
          const char *close = p[1] ? strchr (p + 2, '>') : NULL;

          if (close == NULL)
            {
              p++;
              continue;
            }
          g_string_append_len (out, p, close + 1 - p);
          p = close + 1;
        }
      else if (*p == '>')
        {
          p++;
          continue;
        }

      content = p;
      content_end = p + strcspn (p, "<>");
      chars = g_utf8_strlen (content, content_end - content);
      length = chars;
      for (const char *e = content; e < content_end; e++)
        {
          gsize entity = entity_length (e);

          if (entity > 0)
            {
              length -= entity - 1;
              e += entity - 1;
            }
        }

      if (total + length > ideal)
        {
          glong left = ideal - total;
          glong entities = 0;
          glong breakpos;

          /* As Moodle counts them: offsets in bytes, lengths in characters */
          for (const char *e = content; e < content_end; e++)
            {
              gsize entity = entity_length (e);

              if (entity == 0)
                continue;
              if ((e - content) + 1 - entities > left)
                break;
              left--;
              entities += entity;
              e += entity - 1;
            }
          breakpos = left + entities;

          for (; breakpos > 0; breakpos--)
            {
              const char *at;
              gsize bytes;

              if (breakpos >= chars)
                continue;
              at = g_utf8_offset_to_pointer (content, breakpos);
              bytes = g_utf8_next_char (at) - at;
              if (*at == '0')
                continue;
              if (*at == '.' || *at == ' ' || bytes > 2)
                {
                  breakpos++;
                  break;
                }
            }
          if (breakpos == 0 || breakpos > left + entities)
            breakpos = left + entities;

          g_string_append_len (out, content, g_utf8_offset_to_pointer (content, breakpos) - content);
          break;
        }

      g_string_append_len (out, content, content_end - content);
      total += length;
      p = content_end;
      if (total >= ideal)
        break;
    }

  g_string_append (out, "...");
  return g_strdup (out->str);
}

/**
 * sc_gift_clean_name:
 * Returns: (transfer full): @name as Moodle keeps it: tags stripped,
 *   trimmed, cut to 255 characters
 */
char *
sc_gift_clean_name (const char *name)
{
  return clean_name (name ? name : "");
}

/**
 * sc_gift_default_name:
 * Returns: (transfer full): the name Moodle gives a question that has
 *   none: the start of its text
 */
char *
sc_gift_default_name (const char *text)
{
  g_autofree char *shortened = shorten_text (text, 80);
  g_autofree char *name = clean_name (shortened);

  if (*name == '\0')
    return g_strdup (_("Question name"));
  return g_steal_pointer (&name);
}

/* ^%-*([0-9]{1,2})\.?([0-9]*)% */
static gboolean
has_weight (const char *answer)
{
  const char *p = answer;
  guint digits = 0;

  if (*p++ != '%')
    return FALSE;
  while (*p == '-')
    p++;
  while (g_ascii_isdigit (p[digits]))
    digits++;
  if (digits == 0)
    return FALSE;
  if (p[digits] == '%')
    return TRUE;
  if (digits <= 2 && p[digits] == '.')
    {
      p += digits + 1;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '%';
    }
  return FALSE;
}

/* A number the way PHP's is_numeric() takes it */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  char *end = NULL;
  gboolean digits = FALSE;

  while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r' || *text == '\v' || *text == '\f')
    text++;
  trimmed = g_strdup (text);
  g_strchomp (trimmed);

  p = trimmed;
  if (*p == '+' || *p == '-')
    p++;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p != '.' && *p != 'e' && *p != 'E' && *p != '+' && *p != '-')
        return FALSE;
    }
  if (!digits)
    return FALSE;

  *value = g_ascii_strtod (trimmed, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* Removes a “%n%” weight from the front of *answer */
static gboolean
take_weight (char   **answer,
             double  *weight)
{
  const char *start = *answer + 1;
  const char *end = strchr (start, '%');
  g_autofree char *number = g_strndup (start, end - start);
  char *rest;

  if (!parse_number (number, weight))
    return FALSE;

  *weight /= 100;
  rest = g_strdup (end + 1);
  g_free (*answer);
  *answer = rest;
  return TRUE;
}

/* “answer#feedback” */
static void
split_feedback (const char  *answer,
                const char  *format,
                char       **text,
                char       **feedback)
{
  const char *hash = strchr (answer, '#');
  g_autofree char *before = trim_len (answer, hash ? hash - answer : -1);

  *text = text_with_format (before, format, NULL);
  if (hash)
    {
      g_autofree char *after = trim (hash + 1);
      *feedback = text_with_format (after, format, NULL);
    }
  else
    *feedback = g_strdup ("");
}

/* Splits on @separator; a blank first part (text before the first answer)
 * is dropped, as PHP's empty() drops it */
static GPtrArray *
split_answers (const char *answers,
               char        separator)
{
  char sep[2] = { separator, '\0' };
  g_auto(GStrv) parts = g_strsplit (answers, sep, -1);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i == 0)
        {
          g_autofree char *first = trim (parts[0]);

          if (*first == '\0' || g_str_equal (first, "0"))
            continue;
          g_ptr_array_add (list, g_steal_pointer (&first));
        }
      else
        g_ptr_array_add (list, g_strdup (parts[i]));
    }

  return list;
}

/* A number the way PHP prints a float: 14 significant digits */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%lld", (long long) value);

  g_ascii_formatd (buffer, sizeof buffer, "%.14g", value);
  return g_strdup (buffer);
}

static gboolean
bracket_char_ok (char     c,
                 gboolean is_tag)
{
  if ((guchar) c < 0x20 || c == 0x7f)
    return FALSE;
  return !is_tag || (c != '<' && c != '>' && c != '`');
}

/* [id:…] and [tag:…] in the comments, read as Moodle's regular
 * expressions read them: any characters but control characters (and for a
 * tag “<”, “>” and “`”), “\]” for a “]”, up to a “]”. Like the expression,
 * a run that finds no plain “]” ends at its last “\]” instead, the backslash
 * kept. Returns %NULL when there is no match at @start. */
static char *
read_bracket (const char  *start,
              gboolean     is_tag,
              const char **next)
{
  const char *p = start;
  const char *close = NULL;

  *next = start;
  for (;; p++)
    {
      if (p[0] == '\\' && p[1] == ']')
        {
          close = p + 1;
          p++;
        }
      else if (*p == ']')
        {
          close = p;
          break;
        }
      else if (*p == '\0' || !bracket_char_ok (*p, is_tag))
        break;
    }

  /* A tag may be empty, an ID number may not */
  if (close == NULL || (!is_tag && close == start))
    return NULL;

  *next = close + 1;
  {
    g_autofree char *value = trim_len (start, close - start);
    g_autoptr(GString) value_text = g_string_new (value);

    g_string_replace (value_text, "\\]", "]", 0);
    return g_strdup (value_text->str);
  }
}

static void
read_id_and_tags (ScQuestion *question,
                  const char *comments)
{
  const char *p;

  for (p = strstr (comments, "[id:"); p != NULL && question->idnumber == NULL;
       p = strstr (p + 1, "[id:"))
    {
      const char *after;

      question->idnumber = read_bracket (p + 4, FALSE, &after);
    }

  for (p = strstr (comments, "[tag:"); p != NULL; )
    {
      const char *after;
      g_autofree char *tag = read_bracket (p + 5, TRUE, &after);

      if (tag != NULL && *tag != '\0')
        {
          int difficulty;

          sc_question_add_tag (question, tag);
          if (g_str_has_prefix (tag, "difficulty:") &&
              (difficulty = atoi (tag + strlen ("difficulty:"))) >= 1 && difficulty <= 5)
            question->difficulty = difficulty;
        }
      p = strstr (tag != NULL ? after : p + 1, "[tag:");
    }
}

typedef struct
{
  ScQuestionImport *import;
  ScQuestion       *question;
  guint             line;
} Context;

static gboolean
parse_multichoice (Context    *ctx,
                   const char *answertext)
{
  ScQuestion *question = ctx->question;
  g_autoptr(GString) spread = g_string_new (answertext);
  g_autoptr(GPtrArray) answers = NULL;

  question->single = strchr (answertext, '=') != NULL;
  g_string_replace (spread, "=", "~=", 0);
  answers = split_answers (spread->str, '~');

  if (answers->len < 2)
    {
      sc_question_import_add_problem (ctx->import, ctx->line, "%s",
                                      _("a multiple-choice question needs at least two answers"));
      return FALSE;
    }

  for (guint i = 0; i < answers->len; i++)
    {
      g_autofree char *answer = trim (g_ptr_array_index (answers, i));
      g_autofree char *text = NULL;
      g_autofree char *feedback = NULL;
      double weight = 0;

      if (answer[0] == '=')
        {
          char *rest = g_strdup (answer + 1);
          g_free (answer);
          answer = rest;
          weight = 1;
        }
      else if (has_weight (answer) && !take_weight (&answer, &weight))
        {
          sc_question_import_add_problem (ctx->import, ctx->line,
                                          _("the weight in “%s” is not a number; write it like %%50%% or %%-100%%"),
                                          answer);
          return FALSE;
        }

      split_feedback (answer, question->text_format, &text, &feedback);
      sc_question_add_answer (question, text, weight, feedback);
    }

  return TRUE;
}

static gboolean
parse_matching (Context    *ctx,
                const char *answertext)
{
  ScQuestion *question = ctx->question;
  g_autoptr(GPtrArray) answers = split_answers (answertext, '=');

  if (answers->len < 2)
    {
      sc_question_import_add_problem (ctx->import, ctx->line, "%s",
                                      _("a matching question needs at least two pairs"));
      return FALSE;
    }

  for (guint i = 0; i < answers->len; i++)
    {
      g_autofree char *answer = trim (g_ptr_array_index (answers, i));
      const char *arrow = strstr (answer, "->");
      g_autofree char *left = NULL;
      g_autofree char *subquestion = NULL;
      g_autofree char *right = NULL;
      g_autofree char *subanswer = NULL;

      if (arrow == NULL)
        {
          g_autofree char *shown = escape_post (answer);
          sc_question_import_add_problem (ctx->import, ctx->line,
                                          _("“%s” needs “->” between a question and its answer"),
                                          shown);
          return FALSE;
        }

      left = g_strndup (answer, arrow - answer);
      subquestion = text_with_format (left, question->text_format, NULL);
      right = escape_post (arrow + 2);
      subanswer = trim (right);
      sc_question_add_pair (question, subquestion, subanswer);
    }

  return TRUE;
}

static gboolean
parse_truefalse (Context    *ctx,
                 const char *answertext)
{
  ScQuestion *question = ctx->question;
  g_auto(GStrv) bits = g_strsplit (answertext, "#", 3);
  g_autofree char *answer_raw = trim (bits[0]);
  g_autofree char *answer = text_with_format (answer_raw, question->text_format, NULL);
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;

  for (guint i = 1; i < 3; i++)
    {
      g_autofree char *raw = bits[0] && g_strv_length (bits) > i ? trim (bits[i]) : g_strdup ("");
      char *text = text_with_format (raw, question->text_format, NULL);

      if (i == 1)
        wrong = text;
      else
        right = text;
    }

  question->correct = g_str_equal (answer, "T") || g_str_equal (answer, "TRUE");
  sc_question_set_string (&question->feedback_true, question->correct ? right : wrong);
  sc_question_set_string (&question->feedback_false, question->correct ? wrong : right);
  return TRUE;
}

static gboolean
parse_shortanswer (Context    *ctx,
                   const char *answertext)
{
  ScQuestion *question = ctx->question;
  g_autoptr(GPtrArray) answers = split_answers (answertext, '=');

  if (answers->len < 1)
    {
      sc_question_import_add_problem (ctx->import, ctx->line, "%s",
                                      _("a short-answer question needs at least one answer"));
      return FALSE;
    }

  for (guint i = 0; i < answers->len; i++)
    {
      g_autofree char *answer = trim (g_ptr_array_index (answers, i));
      g_autofree char *text = NULL;
      g_autofree char *feedback = NULL;
      double weight = 1;

      if (has_weight (answer) && !take_weight (&answer, &weight))
        {
          sc_question_import_add_problem (ctx->import, ctx->line,
                                          _("the weight in “%s” is not a number; write it like %%50%% or %%-100%%"),
                                          answer);
          return FALSE;
        }

      split_feedback (answer, question->text_format, &text, &feedback);
      sc_question_add_answer (question, text, weight, feedback);
    }

  return TRUE;
}

static gboolean
parse_numerical (Context    *ctx,
                 const char *answertext_in)
{
  ScQuestion *question = ctx->question;
  g_autofree char *answertext = g_strdup (answertext_in + 1);
  g_autofree char *wrong = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  char *tilde;

  if ((tilde = strchr (answertext, '~')) != NULL)
    {
      wrong = g_strdup (tilde);
      *tilde = '\0';
    }

  answers = split_answers (answertext, '=');
  if (answers->len == 0)
    {
      sc_question_import_add_problem (ctx->import, ctx->line, "%s",
                                      _("a numerical question needs at least one answer"));
      return FALSE;
    }

  for (guint i = 0; i < answers->len; i++)
    {
      g_autofree char *answer = trim (g_ptr_array_index (answers, i));
      g_autofree char *text = NULL;
      g_autofree char *feedback = NULL;
      g_autofree char *value_text = NULL;
      ScQuestionAnswer *added;
      const char *marker;
      double weight = 1;
      double value = 0;
      double tolerance = 0;

      if (has_weight (answer) && !take_weight (&answer, &weight))
        {
          sc_question_import_add_problem (ctx->import, ctx->line,
                                          _("the weight in “%s” is not a number; write it like %%50%% or %%-100%%"),
                                          answer);
          return FALSE;
        }

      split_feedback (answer, question->text_format, &text, &feedback);

      if ((marker = strstr (text, "..")) != NULL && marker > text)
        {
          g_autofree char *min_text = trim_len (text, marker - text);
          g_autofree char *max_text = trim (marker + 2);
          double min, max;

          if (!parse_number (min_text, &min) || !parse_number (max_text, &max))
            {
              sc_question_import_add_problem (ctx->import, ctx->line,
                                              _("“%s” is not a range of numbers like 1.5..2"), text);
              return FALSE;
            }
          value = (max + min) / 2;
          value_text = format_number (value);
          {
            g_autofree char *rounded = format_number (max - value);
            tolerance = g_ascii_strtod (rounded, NULL);
          }
        }
      else
        {
          g_autofree char *tolerance_text = NULL;

          if ((marker = strchr (text, ':')) != NULL && marker > text)
            {
              value_text = trim_len (text, marker - text);
              tolerance_text = trim (marker + 1);
            }
          else
            value_text = trim (text);

          if (tolerance_text != NULL && !parse_number (tolerance_text, &tolerance))
            {
              sc_question_import_add_problem (ctx->import, ctx->line,
                                              _("the tolerance “%s” is not a number"), tolerance_text);
              return FALSE;
            }
          if (!g_str_equal (value_text, "*") && !parse_number (value_text, &value))
            {
              sc_question_import_add_problem (ctx->import, ctx->line,
                                              _("the answer “%s” of a numerical question is not a number"),
                                              value_text);
              return FALSE;
            }
        }

      added = sc_question_add_answer (question, value_text, weight, feedback);
      added->tolerance = tolerance;
    }

  if (wrong != NULL && *wrong != '\0' && !g_str_equal (wrong, "0"))
    {
      g_autofree char *unused = NULL;
      g_autofree char *feedback = NULL;

      split_feedback (wrong, question->text_format, &unused, &feedback);
      sc_question_add_answer (question, "*", 0, feedback);
    }

  return TRUE;
}

/* The line of the first “{” that is not escaped, for messages about answers */
static guint
find_brace_line (Line  *lines,
                 guint  n_lines,
                 guint  fallback)
{
  for (guint i = 0; i < n_lines; i++)
    {
      const char *text = lines[i].text;

      if (g_str_has_prefix (text, "//"))
        continue;
      for (const char *p = text; *p; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '{')
            return lines[i].number;
        }
    }
  return fallback;
}

static void
parse_block (ScQuestionImport  *import,
             Line              *lines,
             guint              n_lines,
             char             **category)
{
  g_autoptr(GString) comments = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(ScQuestion) question = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *answertext = NULL;
  g_autofree char *questiontext = NULL;
  g_autofree char *general_feedback = NULL;
  g_autofree char *name = NULL;
  gboolean has_name = FALSE;
  gboolean description = FALSE;
  const char *start;
  const char *finish;
  guint first_line = 0;
  Context ctx;
  ScQuestionType type;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_lines; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '\n');
      if (g_str_has_prefix (lines[i].text, "//"))
        {
          g_string_append_printf (comments, "%s\n", lines[i].text);
          g_string_append_c (joined, ' ');
        }
      else
        {
          g_string_append (joined, lines[i].text);
          if (first_line == 0)
            first_line = lines[i].number;
        }
    }

  trimmed = trim (joined->str);
  if (*trimmed == '\0')
    return;

  text = escape_pre (trimmed);

  if (g_str_has_prefix (text, "$CATEGORY:"))
    {
      g_autofree char *post = escape_post (text + strlen ("$CATEGORY:"));

      g_free (*category);
      *category = trim (post);
      return;
    }

  if (g_str_has_prefix (text, "::"))
    {
      const char *rest = text + 2;
      const char *end = strstr (rest, "::");
      char *remaining;

      if (end != NULL)
        {
          g_autofree char *raw = g_strndup (rest, end - rest);
          g_autofree char *post = escape_post (raw);

          name = clean_name (post);
          has_name = TRUE;
          remaining = trim (end + 2);
        }
      else
        remaining = g_strdup (rest);

      g_free (text);
      text = remaining;
    }

  start = strchr (text, '{');
  finish = strchr (text, '}');

  if (start == NULL && finish == NULL)
    {
      description = TRUE;
      answertext = g_strdup ("");
      questiontext = g_strdup (text);
    }
  else if (start == NULL)
    {
      sc_question_import_add_problem (import, first_line, "%s",
                                      _("a “}” closes an answer block that was never opened with “{” (write “\\}” for the character itself)"));
      return;
    }
  else if (finish == NULL)
    {
      sc_question_import_add_problem (import, find_brace_line (lines, n_lines, first_line), "%s",
                                      _("an answer block opened with “{” is never closed with “}”"));
      return;
    }
  else if (finish < start)
    {
      sc_question_import_add_problem (import, first_line, "%s",
                                      _("a “}” comes before the “{” of the answers (write “\\}” for the character itself)"));
      return;
    }
  else
    {
      g_autoptr(GString) rest = g_string_new_len (text, start - text);

      answertext = trim_len (start + 1, finish - start - 1);
      if (g_str_has_suffix (text, "}"))
        g_string_append (rest, finish + 1);
      else
        g_string_append_printf (rest, "_____%s", finish + 1);
      questiontext = g_string_free (g_steal_pointer (&rest), FALSE);
    }

  {
    const char *separator = NULL;

    for (const char *p = strstr (answertext, "####"); p != NULL; p = strstr (p + 1, "####"))
      separator = p;

    if (separator != NULL)
      {
        char *before = trim_len (answertext, separator - answertext);

        general_feedback = g_strdup (separator + 4);
        g_free (answertext);
        answertext = before;
      }
    else
      general_feedback = g_strdup ("");
  }

  /* The type decides nothing about the text, so read the text first */
  if (description)
    type = SC_QUESTION_TYPE_DESCRIPTION;
  else if (*answertext == '\0')
    type = SC_QUESTION_TYPE_ESSAY;
  else if (*answertext == '#')
    type = SC_QUESTION_TYPE_NUMERICAL;
  else if (strchr (answertext, '~') != NULL)
    type = SC_QUESTION_TYPE_MULTICHOICE;
  else if (strchr (answertext, '=') != NULL && strstr (answertext, "->") != NULL)
    type = SC_QUESTION_TYPE_MATCHING;
  else
    {
      const char *hash = strchr (answertext, '#');
      g_autofree char *check = hash != NULL && hash > answertext
                               ? trim_len (answertext, hash - answertext)
                               : g_strdup (answertext);

      if (g_str_equal (check, "T") || g_str_equal (check, "TRUE") ||
          g_str_equal (check, "F") || g_str_equal (check, "FALSE"))
        type = SC_QUESTION_TYPE_TRUEFALSE;
      else
        type = SC_QUESTION_TYPE_SHORTANSWER;
    }

  question = sc_question_new (type);
  question->line = first_line;
  question->category = g_strdup (*category);

  g_free (question->text);
  g_free (question->text_format);
  question->text = text_with_format (questiontext, "moodle", &question->text_format);
  g_free (question->general_feedback);
  question->general_feedback = text_with_format (general_feedback, question->text_format, NULL);

  g_free (question->name);
  question->name = has_name ? g_steal_pointer (&name) : sc_gift_default_name (question->text);

  read_id_and_tags (question, comments->str);

  ctx.import = import;
  ctx.question = question;
  ctx.line = find_brace_line (lines, n_lines, first_line);

  switch (type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      ok = parse_multichoice (&ctx, answertext);
      break;
    case SC_QUESTION_TYPE_MATCHING:
      ok = parse_matching (&ctx, answertext);
      break;
    case SC_QUESTION_TYPE_TRUEFALSE:
      ok = parse_truefalse (&ctx, answertext);
      break;
    case SC_QUESTION_TYPE_SHORTANSWER:
      ok = parse_shortanswer (&ctx, answertext);
      break;
    case SC_QUESTION_TYPE_NUMERICAL:
      ok = parse_numerical (&ctx, answertext);
      break;
    case SC_QUESTION_TYPE_ESSAY:
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  if (ok)
    g_ptr_array_add (import->questions, g_steal_pointer (&question));
}

/**
 * sc_gift_parse:
 *
 * Reads the GIFT text @data into @import: its questions, and a problem with
 * its line for each question that cannot be read.
 */
void
sc_gift_parse (ScQuestionImport *import,
               const char       *data,
               gsize             length,
               const char       *default_category)
{
  g_autofree char *copy = NULL;
  g_autofree char *category = g_strdup (default_category);
  g_auto(GStrv) raw_lines = NULL;
  g_autoptr(GArray) block = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  const char *separator = "\n";

  g_return_if_fail (import != NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  copy = g_strndup (data, length);

  /* Old Mac files end their lines with CR alone */
  if (strchr (copy, '\n') == NULL && strchr (copy, '\r') != NULL)
    separator = "\r";
  raw_lines = g_strsplit (copy, separator, -1);

  for (guint i = 0; raw_lines[i] != NULL; i++)
    {
      char *line = trim (raw_lines[i]);

      /* PHP's empty() takes a line holding “0” for a blank one too */
      if (*line == '\0' || g_str_equal (line, "0"))
        {
          g_free (line);
          if (block->len > 0)
            parse_block (import, (Line *) (gpointer) block->data, block->len, &category);
          g_array_set_size (block, 0);
        }
      else
        {
          Line entry = { line, i + 1 };

          g_ptr_array_add (texts, line);
          g_array_append_val (block, entry);
        }
    }

  if (block->len > 0)
    parse_block (import, (Line *) (gpointer) block->data, block->len, &category);
}

/**
 * sc_gift_escape:
 * Returns: (transfer full): @text with GIFT's special characters escaped
 *   and new lines written “\n”
 */
char *
sc_gift_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    {
      switch (*p)
        {
        case '\\': case '#': case '=': case '~': case '{': case '}': case ':':
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_text (GString    *out,
             const char *text,
             const char *format,
             const char *default_format)
{
  g_autofree char *escaped = sc_gift_escape (text);

  if (text != NULL && *text != '\0' && g_strcmp0 (format, default_format) != 0)
    g_string_append_printf (out, "[%s]", format);
  g_string_append (out, escaped);
}

static void
append_weight (GString *out,
               double   fraction)
{
  g_autofree char *weight = format_number (round (fraction * 1e7) / 1e5);

  g_string_append_printf (out, "%%%s%%", weight);
}

static void
append_general_feedback (GString    *out,
                         ScQuestion *question,
                         gboolean    indent)
{
  if (question->general_feedback == NULL || *question->general_feedback == '\0')
    return;

  if (indent)
    g_string_append_c (out, '\t');
  g_string_append (out, "####");
  append_text (out, question->general_feedback, question->text_format, question->text_format);
  if (indent)
    g_string_append_c (out, '\n');
}

static void
append_id_and_tags (GString    *out,
                    ScQuestion *question)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *difficulty = g_strdup_printf ("difficulty:%d", question->difficulty);
  gboolean has_difficulty = FALSE;

  if (question->idnumber != NULL && *question->idnumber != '\0')
    {
      g_autoptr(GString) id = g_string_new (question->idnumber);
      g_string_replace (id, "]", "\\]", 0);
      g_string_append_printf (line, "[id:%s]", id->str);
    }

  for (guint i = 0; i < question->tags->len; i++)
    {
      g_autoptr(GString) tag = g_string_new (g_ptr_array_index (question->tags, i));

      if (g_str_has_prefix (tag->str, "difficulty:"))
        has_difficulty = TRUE;
      g_string_replace (tag, "]", "\\]", 0);
      g_string_append_printf (line, "%s[tag:%s]", line->len ? " " : "", tag->str);
    }

  if (!has_difficulty && question->difficulty != 3)
    g_string_append_printf (line, "%s[tag:%s]", line->len ? " " : "", difficulty);

  if (line->len > 0)
    g_string_append_printf (out, "// %s\n", line->str);
}

static void
write_question (GString    *out,
                ScQuestion *question)
{
  const char *format = question->text_format;

  g_string_append_printf (out, "// question: %lld  name: %s\n", (long long) question->id,
                          question->name);
  append_id_and_tags (out, question);

  if (*question->name != '\0')
    {
      g_autofree char *name = sc_gift_escape (question->name);
      g_string_append_printf (out, "::%s::", name);
    }
  append_text (out, question->text, format, "moodle");

  switch (question->type)
    {
    case SC_QUESTION_TYPE_DESCRIPTION:
      g_string_append_c (out, '\n');
      break;

    case SC_QUESTION_TYPE_ESSAY:
      g_string_append_c (out, '{');
      append_general_feedback (out, question, FALSE);
      g_string_append (out, "}\n");
      break;

    case SC_QUESTION_TYPE_TRUEFALSE:
      {
        const char *right = question->correct ? question->feedback_true : question->feedback_false;
        const char *wrong = question->correct ? question->feedback_false : question->feedback_true;

        g_string_append_printf (out, "{%s", question->correct ? "TRUE" : "FALSE");
        if (wrong && *wrong)
          {
            g_string_append_c (out, '#');
            append_text (out, wrong, format, format);
          }
        else if (right && *right)
          g_string_append_c (out, '#');
        if (right && *right)
          {
            g_string_append_c (out, '#');
            append_text (out, right, format, format);
          }
        append_general_feedback (out, question, FALSE);
        g_string_append (out, "}\n");
      }
      break;

    case SC_QUESTION_TYPE_MULTICHOICE:
      g_string_append (out, "{\n");
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          g_string_append_c (out, '\t');
          if (answer->fraction == 1 && question->single)
            g_string_append_c (out, '=');
          else if (answer->fraction == 0)
            g_string_append_c (out, '~');
          else
            {
              g_string_append_c (out, '~');
              append_weight (out, answer->fraction);
            }
          append_text (out, answer->text, format, format);
          if (answer->feedback && *answer->feedback)
            {
              g_string_append_c (out, '#');
              append_text (out, answer->feedback, format, format);
            }
          g_string_append_c (out, '\n');
        }
      append_general_feedback (out, question, TRUE);
      g_string_append (out, "}\n");
      break;

    case SC_QUESTION_TYPE_SHORTANSWER:
      g_string_append (out, "{\n");
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
          g_autofree char *text = sc_gift_escape (answer->text);

          g_string_append (out, "\t=");
          append_weight (out, answer->fraction);
          g_string_append_printf (out, "%s#", text);
          append_text (out, answer->feedback, format, format);
          g_string_append_c (out, '\n');
        }
      append_general_feedback (out, question, TRUE);
      g_string_append (out, "}\n");
      break;

    case SC_QUESTION_TYPE_NUMERICAL:
      g_string_append (out, "{#\n");
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          if (*answer->text != '\0' && !g_str_equal (answer->text, "*"))
            {
              g_autofree char *tolerance = format_number (answer->tolerance);

              g_string_append (out, "\t=");
              append_weight (out, answer->fraction);
              g_string_append_printf (out, "%s:%s#", answer->text, tolerance);
            }
          else
            g_string_append (out, "\t~#");
          append_text (out, answer->feedback, format, format);
          g_string_append_c (out, '\n');
        }
      append_general_feedback (out, question, TRUE);
      g_string_append (out, "}\n");
      break;

    case SC_QUESTION_TYPE_MATCHING:
      g_string_append (out, "{\n");
      for (guint i = 0; i < question->pairs->len; i++)
        {
          ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
          g_autofree char *answer = sc_gift_escape (pair->answer);

          g_string_append (out, "\t=");
          append_text (out, pair->question, format, format);
          g_string_append_printf (out, " -> %s\n", answer);
        }
      append_general_feedback (out, question, TRUE);
      g_string_append (out, "}\n");
      break;

    default:
      g_return_if_reached ();
    }

  g_string_append_c (out, '\n');
}

/**
 * sc_gift_write:
 * @questions: (element-type ScQuestion): the questions, with their category
 *   paths
 *
 * Writes questions the way Moodle exports GIFT, with a “$CATEGORY:” line
 * each time the category changes, and the difficulty as a tag.
 *
 * Returns: (transfer full): the GIFT text
 */
char *
sc_gift_write (GPtrArray *questions)
{
  GString *out = g_string_new (NULL);
  const char *category = NULL;

  for (guint i = 0; i < questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (questions, i);

      if (question->category != NULL && g_strcmp0 (question->category, category) != 0)
        {
          category = question->category;
          g_string_append_printf (out, "// question: 0  name: Switch category to %s\n"
                                       "$CATEGORY: %s\n\n", category, category);
        }
      write_question (out, question);
    }

  return g_string_free (out, FALSE);
}
