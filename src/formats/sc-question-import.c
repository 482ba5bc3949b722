/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-question-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sc-aiken.h"
#include "sc-gift.h"
#include "sc-moodle-xml.h"
#include "sc-question-import.h"

G_DEFINE_QUARK (sc-question-import-error-quark, sc_question_import_error)
G_DEFINE_BOXED_TYPE (ScQuestionImport, sc_question_import, sc_question_import_ref, sc_question_import_unref)

static void
problem_free (gpointer data)
{
  ScQuestionProblem *problem = data;

  g_free (problem->reason);
  g_free (problem);
}

ScQuestionImport *
sc_question_import_new (const char *filename)
{
  ScQuestionImport *self = g_new0 (ScQuestionImport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->filename = g_strdup (filename ? filename : "");
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_unref);
  self->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_unref);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  return self;
}

ScQuestionImport *
sc_question_import_ref (ScQuestionImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sc_question_import_unref (ScQuestionImport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->filename);
  g_ptr_array_unref (self->questions);
  g_ptr_array_unref (self->rejected);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

void
sc_question_import_add_problem (ScQuestionImport *self,
                                guint             line,
                                const char       *format,
                                ...)
{
  ScQuestionProblem *problem = g_new0 (ScQuestionProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, problem);
}

/**
 * sc_question_import_format_problem:
 * Returns: (transfer full): “FILE:LINE: reason”, the way compilers say it
 */
char *
sc_question_import_format_problem (ScQuestionImport *self,
                                   guint             index)
{
  ScQuestionProblem *problem;

  g_return_val_if_fail (index < self->problems->len, NULL);

  problem = g_ptr_array_index (self->problems, index);
  if (problem->line == 0)
    return g_strdup_printf ("%s: %s", self->filename, problem->reason);
  return g_strdup_printf ("%s:%u: %s", self->filename, problem->line, problem->reason);
}

/**
 * sc_question_import_set_category:
 * Puts every question read into the category @path, whatever the file said.
 */
void
sc_question_import_set_category (ScQuestionImport *self,
                                 const char       *path)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);

      g_free (question->category);
      question->category = g_strdup (path);
    }
}

/* Fractions are stored to 7 decimals, as Moodle does: 0.3333333 */
static double
round_fraction (double value)
{
  return round (value * 1e7) / 1e7;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_number_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
build_question (JsonBuilder *builder,
                ScQuestion  *question)
{
  json_builder_begin_object (builder);
  add_string_member (builder, "type", sc_question_type_to_string (question->type));
  add_string_member (builder, "name", question->name);
  add_string_member (builder, "text", question->text);
  add_string_member (builder, "text_format", question->text_format);
  add_string_member (builder, "general_feedback", question->general_feedback);

  if (question->type == SC_QUESTION_TYPE_MULTICHOICE)
    {
      json_builder_set_member_name (builder, "single");
      json_builder_add_boolean_value (builder, question->single);
    }

  if (question->type == SC_QUESTION_TYPE_MULTICHOICE ||
      question->type == SC_QUESTION_TYPE_SHORTANSWER ||
      question->type == SC_QUESTION_TYPE_NUMERICAL)
    {
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          json_builder_begin_object (builder);
          add_string_member (builder, "text", answer->text);
          add_number_member (builder, "fraction", round_fraction (answer->fraction));
          add_string_member (builder, "feedback", answer->feedback);
          if (question->type == SC_QUESTION_TYPE_NUMERICAL)
            add_number_member (builder, "tolerance", answer->tolerance);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (question->type == SC_QUESTION_TYPE_SHORTANSWER)
    {
      json_builder_set_member_name (builder, "case_sensitive");
      json_builder_add_boolean_value (builder, question->case_sensitive);
    }

  if (question->type == SC_QUESTION_TYPE_MATCHING)
    {
      json_builder_set_member_name (builder, "pairs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < question->pairs->len; i++)
        {
          ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);

          json_builder_begin_object (builder);
          add_string_member (builder, "question", pair->question);
          add_string_member (builder, "answer", pair->answer);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (question->type == SC_QUESTION_TYPE_TRUEFALSE)
    {
      json_builder_set_member_name (builder, "correct");
      json_builder_add_boolean_value (builder, question->correct);
      add_string_member (builder, "feedback_true", question->feedback_true);
      add_string_member (builder, "feedback_false", question->feedback_false);
    }

  json_builder_set_member_name (builder, "category");
  if (question->category != NULL)
    json_builder_add_string_value (builder, question->category);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < question->tags->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (question->tags, i));
  json_builder_end_array (builder);

  add_string_member (builder, "idnumber", question->idnumber);

  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, question->line);
  json_builder_end_object (builder);
}

/**
 * sc_question_import_to_json:
 *
 * The questions the file format could read, those the bank refuses
 * included, in the order of the file, as a JSON array of objects with the fields of
 * `shiftcraft import-questions --json`: type, name, text, text_format,
 * general_feedback, single, answers (text, fraction, feedback, tolerance),
 * pairs (question, answer), correct, feedback_true, feedback_false,
 * category, tags, idnumber, and the line the question starts on.
 *
 * Returns: (transfer full): the JSON text, pretty-printed
 */
char *
sc_question_import_to_json (ScQuestionImport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0, r = 0; i < self->questions->len || r < self->rejected->len;)
    {
      ScQuestion *next = i < self->questions->len ? g_ptr_array_index (self->questions, i) : NULL;
      ScQuestion *refused = r < self->rejected->len ? g_ptr_array_index (self->rejected, r) : NULL;

      if (refused != NULL && (next == NULL || refused->line < next->line))
        {
          build_question (builder, refused);
          r++;
        }
      else
        {
          build_question (builder, next);
          i++;
        }
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/**
 * sc_question_import_commit:
 * @only_valid: write the questions that could be read even when others
 *   had problems
 * @n_added: (out) (optional): how many questions were written
 *
 * Writes the questions into the bank in one transaction, creating the
 * categories they name. Nothing is written when the file had problems,
 * unless @only_valid.
 */
gboolean
sc_question_import_commit (ScQuestionImport  *self,
                           ScStore           *store,
                           ScSession         *session,
                           gboolean           only_valid,
                           guint             *n_added,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->problems->len > 0 && !only_valid)
    {
      g_set_error (error, SC_QUESTION_IMPORT_ERROR, SC_QUESTION_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u problem; nothing was imported",
                                "“%s” has %u problems; nothing was imported",
                                self->problems->len),
                   self->filename, self->problems->len);
      return FALSE;
    }

  if (!sc_store_add_questions (store, session, self->questions, error))
    return FALSE;

  if (n_added)
    *n_added = self->questions->len;
  return TRUE;
}

gboolean
sc_question_format_from_string (const char       *str,
                                ScQuestionFormat *format)
{
  if (g_strcmp0 (str, "gift") == 0)
    *format = SC_QUESTION_FORMAT_GIFT;
  else if (g_strcmp0 (str, "aiken") == 0)
    *format = SC_QUESTION_FORMAT_AIKEN;
  else if (g_strcmp0 (str, "moodle-xml") == 0 || g_strcmp0 (str, "xml") == 0)
    *format = SC_QUESTION_FORMAT_MOODLE_XML;
  else
    return FALSE;
  return TRUE;
}

/**
 * sc_question_format_guess:
 *
 * The format from the file name's extension (.gift, .xml, .aiken), or for
 * a plain .txt file from its contents: Moodle exports GIFT as .txt, and
 * Aiken files are .txt too.
 *
 * Returns: %TRUE when the format could be told
 */
gboolean
sc_question_format_guess (const char       *filename,
                          const char       *data,
                          gsize             length,
                          ScQuestionFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (filename ? filename : "", -1);

  if (g_str_has_suffix (lower, ".gift"))
    *format = SC_QUESTION_FORMAT_GIFT;
  else if (g_str_has_suffix (lower, ".xml"))
    *format = SC_QUESTION_FORMAT_MOODLE_XML;
  else if (g_str_has_suffix (lower, ".aiken"))
    *format = SC_QUESTION_FORMAT_AIKEN;
  else if (g_str_has_suffix (lower, ".txt"))
    *format = sc_aiken_looks_like (data, length) ? SC_QUESTION_FORMAT_AIKEN : SC_QUESTION_FORMAT_GIFT;
  else
    return FALSE;
  return TRUE;
}

/**
 * sc_question_import_check_text:
 *
 * Checks that @data is UTF-8 text, adding a problem with the line of the
 * first bad byte when it is not.
 */
gboolean
sc_question_import_check_text (ScQuestionImport *self,
                               const char       *data,
                               gsize             length)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;

  sc_question_import_add_problem (self, line, "%s",
                                  _("this is not UTF-8 text; save the file as UTF-8 and import it again"));
  return FALSE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const ScQuestionProblem *pa = *(ScQuestionProblem **) a;
  const ScQuestionProblem *pb = *(ScQuestionProblem **) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/**
 * sc_question_import_parse:
 * @length: the length of @data, or -1 when it ends with a NUL
 * @default_category: (nullable): the category path of questions the file
 *   puts in no category
 *
 * Reads a whole file. Every problem is listed in the result; questions that
 * could not be read are left out of it.
 */
ScQuestionImport *
sc_question_import_parse (ScQuestionFormat  format,
                          const char       *filename,
                          const char       *data,
                          gssize            length,
                          const char       *default_category)
{
  g_autoptr(ScQuestionImport) self = sc_question_import_new (filename);

  if (length < 0)
    length = strlen (data);

  if (!sc_question_import_check_text (self, data, length))
    return g_steal_pointer (&self);

  switch (format)
    {
    case SC_QUESTION_FORMAT_GIFT:
      sc_gift_parse (self, data, length, default_category);
      break;
    case SC_QUESTION_FORMAT_AIKEN:
      sc_aiken_parse (self, data, length, default_category);
      break;
    case SC_QUESTION_FORMAT_MOODLE_XML:
      sc_moodle_xml_parse (self, data, length, default_category);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  /* What the bank needs beyond what the file format checks */
  for (guint i = 0; i < self->questions->len;)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);
      g_autoptr(GError) error = NULL;

      if (!sc_question_validate (question, &error))
        {
          sc_question_import_add_problem (self, question->line, "%s", error->message);
          g_ptr_array_add (self->rejected, g_ptr_array_steal_index (self->questions, i));
        }
      else
        i++;
    }

  g_ptr_array_sort (self->problems, compare_problems);
  return g_steal_pointer (&self);
}

/**
 * sc_question_import_read_file:
 * @format_given: %FALSE to tell the format from the file name
 *
 * Reads @file. A file that cannot be read at all, or whose format cannot be
 * told, is an error; problems inside it are listed in the result.
 */
ScQuestionImport *
sc_question_import_read_file (GFile             *file,
                              gboolean           format_given,
                              ScQuestionFormat   format,
                              const char        *default_category,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, SC_QUESTION_IMPORT_ERROR, SC_QUESTION_IMPORT_ERROR_READ,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (!format_given && !sc_question_format_guess (name, contents, length, &format))
    {
      g_set_error (error, SC_QUESTION_IMPORT_ERROR, SC_QUESTION_IMPORT_ERROR_FORMAT,
                   _("Cannot tell the format of “%s” from its name; give it with --format gift, aiken or moodle-xml"),
                   name);
      return NULL;
    }

  return sc_question_import_parse (format, name, contents, length, default_category);
}

typedef struct
{
  GFile            *file;
  gboolean          format_given;
  ScQuestionFormat  format;
  char             *default_category;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_object (&read->file);
  g_free (read->default_category);
  g_free (read);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReadData *read = task_data;
  g_autoptr(GError) error = NULL;
  ScQuestionImport *import;

  import = sc_question_import_read_file (read->file, read->format_given, read->format,
                                         read->default_category, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (g_task_return_error_if_cancelled (task))
    sc_question_import_unref (import);
  else
    g_task_return_pointer (task, import, (GDestroyNotify) sc_question_import_unref);
}

/**
 * sc_question_import_read_file_async:
 *
 * Reads and checks @file in a thread; see sc_question_import_read_file().
 */
void
sc_question_import_read_file_async (GFile               *file,
                                    gboolean             format_given,
                                    ScQuestionFormat     format,
                                    const char          *default_category,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *read;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  read = g_new0 (ReadData, 1);
  read->file = g_object_ref (file);
  read->format_given = format_given;
  read->format = format;
  read->default_category = g_strdup (default_category);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_question_import_read_file_async);
  g_task_set_task_data (task, read, read_data_free);
  g_task_run_in_thread (task, read_file_thread);
}

/**
 * sc_question_import_read_file_finish:
 * Returns: (transfer full): what was read, or %NULL with @error set (also
 *   %G_IO_ERROR_CANCELLED)
 */
ScQuestionImport *
sc_question_import_read_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_question_import_read_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ScStore *store = source_object;
  ScQuestionImport *import = task_data;
  ScSession *session = g_object_get_data (G_OBJECT (task), "session");
  gboolean only_valid = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "only-valid"));
  g_autoptr(GError) error = NULL;
  guint added = 0;

  /* Once writing starts it finishes: the transaction is all or nothing */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!sc_question_import_commit (import, store, session, only_valid, &added, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, added);
}

/**
 * sc_question_import_commit_async:
 *
 * Writes the questions in a thread; see sc_question_import_commit().
 */
void
sc_question_import_commit_async (ScQuestionImport    *self,
                                 ScStore             *store,
                                 ScSession           *session,
                                 gboolean             only_valid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (SC_IS_SESSION (session));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_question_import_commit_async);
  g_task_set_task_data (task, sc_question_import_ref (self), (GDestroyNotify) sc_question_import_unref);
  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);
  g_object_set_data (G_OBJECT (task), "only-valid", GINT_TO_POINTER (only_valid));
  g_task_run_in_thread (task, commit_thread);
}

/**
 * sc_question_import_commit_finish:
 * @n_added: (out) (optional): how many questions were written
 */
gboolean
sc_question_import_commit_finish (GAsyncResult  *result,
                                  guint         *n_added,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize added;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_question_import_commit_async, FALSE);

  added = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (n_added)
    *n_added = (guint) added;
  return TRUE;
}
