/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-moodle-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-gift.h"
#include "sc-moodle-xml.h"

/*
 * Moodle XML (<quiz><question type="…">…</question></quiz>), the types the
 * bank knows: multichoice, truefalse, shortanswer, numerical, matching,
 * essay, description, and category switches. Answer fractions are per cent
 * (fraction="50"); texts keep their format attribute. Other types (cloze,
 * calculated, drag and drop…) are reported and left out.
 */

typedef struct
{
  ScQuestionImport *import;
  GMarkupParseContext *context;
  char             *category;
  GPtrArray        *stack;        /* element names */
  GString          *text;         /* text of the element being read */
  ScQuestion       *question;     /* NULL outside <question> or for a category */
  gboolean          is_category;
  gboolean          skip;         /* a type the bank does not know */
  char             *type_name;
  guint             line;
  ScQuestionAnswer *answer;
  double            answer_fraction;
  ScQuestionPair   *pair;
  char             *section_format;
  char             *image_name;   /* the old <image> and <image_base64> */
  gboolean          has_image_data;
  gboolean          failed;
} Reader;

static const char *
parent (Reader *reader,
        guint   up)
{
  if (reader->stack->len < up + 1)
    return "";
  return g_ptr_array_index (reader->stack, reader->stack->len - 1 - up);
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* GMarkup tells the position after the start tag, past the end of its
 * line when nothing follows it there */
static int
tag_line (GMarkupParseContext *context)
{
  int line = 0;
  int column = 0;

  g_markup_parse_context_get_position (context, &line, &column);
  if (column <= 1 && line > 1)
    line--;
  return line;
}

/* Moodle XML names its text formats its own way; as Moodle's
 * trans_format(), any other name (or none) is HTML */
static const char *
text_format_from_xml (const char *format)
{
  g_autofree char *name = g_strstrip (g_strdup (format ? format : ""));

  if (g_str_equal (name, "moodle_auto_format") || g_str_equal (name, "wiki_like"))
    return "moodle";
  if (g_str_equal (name, "plain_text"))
    return "plain";
  if (g_str_equal (name, "markdown"))
    return "markdown";
  return "html";
}

static gboolean
parse_fraction (const char *text,
                double     *fraction)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    {
      *fraction = 0;
      return TRUE;
    }
  value = g_ascii_strtod (text, &end);
  if (end == text || *g_strchug (end) != '\0' || !isfinite (value))
    return FALSE;
  *fraction = value / 100;
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  const char *in = parent (reader, 0);
  int line = tag_line (context);

  g_ptr_array_add (reader->stack, g_strdup (element));
  g_string_truncate (reader->text, 0);

  if (g_str_equal (element, "question") && g_str_equal (in, "quiz"))
    {
      const char *type = attribute (names, values, "type");
      ScQuestionType qtype;

      reader->line = line;
      reader->is_category = g_strcmp0 (type, "category") == 0;
      reader->skip = FALSE;
      g_free (reader->type_name);
      reader->type_name = g_strdup (type ? type : "");

      if (reader->is_category)
        return;

      if (g_strcmp0 (type, "match") == 0)
        qtype = SC_QUESTION_TYPE_MATCHING;
      else if (!sc_question_type_from_string (type, &qtype))
        {
          sc_question_import_add_problem (reader->import, line,
                                          _("the question type “%s” is not one the question bank knows"),
                                          type ? type : "");
          reader->skip = TRUE;
          return;
        }

      reader->question = sc_question_new (qtype);
      reader->question->line = line;
      reader->question->category = g_strdup (reader->category);
      if (qtype == SC_QUESTION_TYPE_TRUEFALSE)
        reader->question->correct = FALSE;
      return;
    }

  if (reader->question == NULL)
    return;

  if (g_str_equal (element, "questiontext") || g_str_equal (element, "generalfeedback"))
    {
      const char *format = attribute (names, values, "format");
      if (g_str_equal (element, "questiontext"))
        sc_question_set_string (&reader->question->text_format, text_format_from_xml (format));
    }
  else if (g_str_equal (element, "answer") && g_str_equal (in, "question"))
    {
      const char *fraction = attribute (names, values, "fraction");
      double value = 0;
      if (!parse_fraction (fraction, &value))
        {
          sc_question_import_add_problem (reader->import, line,
                                          _("the fraction “%s” is not a number of per cent"), fraction);
          reader->failed = TRUE;
        }
      reader->answer = sc_question_add_answer (reader->question, "", value, "");
    }
  else if (g_str_equal (element, "subquestion") && g_str_equal (in, "question"))
    reader->pair = sc_question_add_pair (reader->question, "", "");
}

static char *
take_text (Reader *reader)
{
  g_autofree char *text = g_string_free (g_steal_pointer (&reader->text), FALSE);

  reader->text = g_string_new (NULL);
  return g_strstrip (g_steal_pointer (&text));
}

static void
end_question (Reader *reader)
{
  ScQuestion *question = reader->question;

  if (question == NULL)
    return;

  if (question->type == SC_QUESTION_TYPE_TRUEFALSE)
    {
      /* As Moodle's import_truefalse(): the answers are “true” and “false”
       * (in an old file, whatever their text, the first is “true”); the
       * last one read decides, “true” worth 100 % or “false” not */
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
          gboolean full = fabs (answer->fraction - 1) < 1e-9;
          gboolean is_true;

          if (g_str_equal (answer->text, "true") || g_str_equal (answer->text, "false"))
            is_true = g_str_equal (answer->text, "true");
          else
            is_true = i == 0;

          question->correct = is_true ? full : !full;
          sc_question_set_string (is_true ? &question->feedback_true : &question->feedback_false,
                                  answer->feedback);
        }
      g_ptr_array_set_size (question->answers, 0);
    }

  /* Moodle 1.9's <image> field: Moodle adds the picture after the text */
  if (reader->image_name != NULL && *reader->image_name != '\0' &&
      !g_str_equal (reader->image_name, "0") && reader->has_image_data)
    {
      g_autoptr(GString) file = g_string_new (reader->image_name);
      g_autofree char *text = NULL;

      g_string_replace (file, "/", "_", 0);
      for (gsize i = 0; i < file->len;)
        if ((guchar) file->str[i] < 0x20 || strchr ("\\:*?\"<>|", file->str[i]) != NULL)
          g_string_erase (file, i, 1);
        else
          i++;
      text = g_strdup_printf ("%s <img src=\"@@PLUGINFILE@@/%s\" />", question->text, file->str);
      sc_question_set_string (&question->text, text);
    }
  g_clear_pointer (&reader->image_name, g_free);
  reader->has_image_data = FALSE;

  if (*question->name == '\0')
    {
      g_free (question->name);
      question->name = sc_gift_default_name (question->text);
    }

  if (reader->failed)
    sc_question_unref (question);
  else
    g_ptr_array_add (reader->import->questions, question);

  reader->question = NULL;
  reader->failed = FALSE;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;
  g_autofree char *text = take_text (reader);
  g_autofree char *name = NULL;
  const char *in;
  const char *in2;

  name = g_ptr_array_steal_index (reader->stack, reader->stack->len - 1);
  in = parent (reader, 0);
  in2 = parent (reader, 1);

  if (g_str_equal (element, "question") && g_str_equal (in, "quiz"))
    {
      end_question (reader);
      reader->is_category = FALSE;
      reader->skip = FALSE;
      return;
    }

  if (reader->is_category)
    {
      if (g_str_equal (element, "text") && g_str_equal (in, "category"))
        {
          g_free (reader->category);
          reader->category = g_steal_pointer (&text);
        }
      return;
    }

  if (reader->question == NULL)
    return;

  if (g_str_equal (element, "text"))
    {
      if (g_str_equal (in, "name") && g_str_equal (in2, "question"))
        {
          g_autofree char *clean = sc_gift_clean_name (text);
          sc_question_set_string (&reader->question->name, clean);
        }
      else if (g_str_equal (in, "questiontext"))
        sc_question_set_string (&reader->question->text, text);
      else if (g_str_equal (in, "generalfeedback"))
        sc_question_set_string (&reader->question->general_feedback, text);
      else if (g_str_equal (in, "answer") && g_str_equal (in2, "question") && reader->answer)
        sc_question_set_string (&reader->answer->text, text);
      else if (g_str_equal (in, "feedback") && g_str_equal (in2, "answer") && reader->answer)
        sc_question_set_string (&reader->answer->feedback, text);
      else if (g_str_equal (in, "subquestion") && reader->pair)
        sc_question_set_string (&reader->pair->question, text);
      else if (g_str_equal (in, "answer") && g_str_equal (in2, "subquestion") && reader->pair)
        sc_question_set_string (&reader->pair->answer, text);
      else if (g_str_equal (in, "tag"))
        sc_question_add_tag (reader->question, text);
    }
  else if (g_str_equal (in, "question"))
    {
      /* Moodle's trans_single(): only “false”, nothing or “0” (empty to
       * PHP) make a question with several right answers */
      if (g_str_equal (element, "single"))
        reader->question->single = !(g_str_equal (text, "false") || *text == '\0' ||
                                     g_str_equal (text, "0"));
      else if (g_str_equal (element, "usecase"))
        reader->question->case_sensitive = g_str_equal (text, "1");
      else if (g_str_equal (element, "idnumber"))
        sc_question_set_string (&reader->question->idnumber, text);
      else if (g_str_equal (element, "defaultgrade"))
        reader->question->default_mark = g_ascii_strtod (text, NULL);
      else if (g_str_equal (element, "image"))
        {
          g_free (reader->image_name);
          reader->image_name = g_steal_pointer (&text);
        }
      else if (g_str_equal (element, "image_base64"))
        reader->has_image_data = *text != '\0' && !g_str_equal (text, "0");
      else if (g_str_equal (element, "answer"))
        reader->answer = NULL;
      else if (g_str_equal (element, "subquestion"))
        reader->pair = NULL;
    }
  else if (g_str_equal (element, "fraction") && g_str_equal (in, "answer") && reader->answer &&
           reader->question->type == SC_QUESTION_TYPE_NUMERICAL)
    {
      /* Old files give a numerical answer's fraction as an element, 0 to 1 */
      double fraction = 0;

      if (!parse_fraction (text, &fraction))
        {
          sc_question_import_add_problem (reader->import, tag_line (context),
                                          _("the fraction “%s” is not a number of per cent"), text);
          reader->failed = TRUE;
        }
      reader->answer->fraction = fraction * 100;
    }
  else if (g_str_equal (element, "tolerance") && g_str_equal (in, "answer") && reader->answer)
    {
      double tolerance = 0;

      if (*text != '\0' && !parse_fraction (text, &tolerance))
        {
          sc_question_import_add_problem (reader->import, tag_line (context),
                                          _("the tolerance “%s” is not a number"), text);
          reader->failed = TRUE;
        }
      else if (*text != '\0')
        tolerance = g_ascii_strtod (text, NULL);
      reader->answer->tolerance = tolerance;
    }
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Reader *reader = user_data;

  g_string_append_len (reader->text, text, length);
}

/* GMarkup hands CDATA sections over whole, markers included */
static void
passthrough_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;
  const gsize open = strlen ("<![CDATA["), close = strlen ("]]>");

  if (length >= open + close && strncmp (text, "<![CDATA[", open) == 0 &&
      strncmp (text + length - close, "]]>", close) == 0)
    g_string_append_len (reader->text, text + open, length - open - close);
}

static const GMarkupParser parser = {
  start_element, end_element, text_cb, passthrough_cb, NULL,
};

void
sc_moodle_xml_parse (ScQuestionImport *import,
                     const char       *data,
                     gsize             length,
                     const char       *default_category)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Reader reader = { 0, };

  reader.import = import;
  reader.category = g_strdup (default_category);
  reader.stack = g_ptr_array_new_with_free_func (g_free);
  reader.text = g_string_new (NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      int line = 0;

      g_markup_parse_context_get_position (context, &line, NULL);
      sc_question_import_add_problem (import, line,
                                      _("this is not well-formed Moodle XML: %s"), error->message);
      /* What was read is kept for the preview, but the file is refused */
      g_clear_pointer (&reader.question, sc_question_unref);
    }

  g_free (reader.category);
  g_free (reader.type_name);
  g_free (reader.image_name);
  g_ptr_array_unref (reader.stack);
  g_string_free (reader.text, TRUE);
}
