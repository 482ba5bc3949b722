/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cli-questions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-cli-questions.h"
#include "sc-format-file.h"
#include "sc-gift.h"
#include "sc-question-import.h"
#include "sc-store.h"

/*
 * shiftcraft import-questions FILE [--format gift|aiken|moodle-xml]
 *                              [--category PATH] [--dry-run] [--json]
 *
 * Reads the whole file first. With --dry-run nothing is written and no
 * database is needed; with --json the questions read are printed as JSON.
 * Each problem is printed on stderr as FILE:LINE: reason, and then nothing
 * is written.
 *
 * shiftcraft export-questions FILE [--category PATH]
 *
 * Writes the bank, or a category with those under it, as GIFT.
 */

static void
print_problems (ScQuestionImport *import)
{
  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *line = sc_question_import_format_problem (import, i);
      g_printerr ("%s\n", line);
    }
}

static void
print_summary (ScQuestionImport *import)
{
  guint counts[SC_N_QUESTION_TYPES] = { 0, };

  for (guint i = 0; i < import->questions->len; i++)
    counts[((ScQuestion *) g_ptr_array_index (import->questions, i))->type]++;

  for (guint t = 0; t < SC_N_QUESTION_TYPES; t++)
    if (counts[t] > 0)
      g_print ("  %s\t%u\n", sc_question_type_get_label (t), counts[t]);
}

int
sc_cli_import_questions (int    argc,
                         char **argv)
{
  g_autoptr(ScQuestionImport) import = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *category = NULL;
  g_autofree char *database = NULL;
  ScQuestionFormat format = SC_QUESTION_FORMAT_GIFT;
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean help = FALSE;
  guint added = 0;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, NULL, NULL },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, NULL, NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };

  if (!sc_cli_parse_options (entries, argc, argv, &args, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_USAGE;
    }

  if (help)
    {
      g_print ("%s\n", _("Usage: shiftcraft import-questions FILE [--format gift|aiken|moodle-xml] [--category PATH] [--dry-run] [--json] [--database PATH]"));
      g_print ("%s\n", _("Reads a question bank file; the format comes from the extension (.gift, .txt, .aiken, .xml) unless given. --category names the category of questions the file puts in none. --dry-run writes nothing; --json prints the questions read as JSON."));
      return SC_CLI_EXIT_OK;
    }

  if (g_strv_length (args) != 2)
    {
      g_printerr ("shiftcraft: %s\n",
                  _("“import-questions” needs one file: shiftcraft import-questions FILE [--format gift|aiken|moodle-xml] [--category PATH] [--dry-run] [--json]"));
      return SC_CLI_EXIT_USAGE;
    }

  if (format_name != NULL && !sc_question_format_from_string (format_name, &format))
    {
      g_printerr ("shiftcraft: ");
      g_printerr (_("“%s” is not a question format; use gift, aiken or moodle-xml"), format_name);
      g_printerr ("\n");
      return SC_CLI_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (args[1]);
  import = sc_question_import_read_file (file, format_name != NULL, format, category, NULL, &error);
  if (import == NULL)
    {
      sc_cli_fail ("%s", error->message);
      return g_error_matches (error, SC_QUESTION_IMPORT_ERROR, SC_QUESTION_IMPORT_ERROR_FORMAT)
             ? SC_CLI_EXIT_USAGE : SC_CLI_EXIT_FAILURE;
    }

  if (json)
    {
      g_autofree char *text = sc_question_import_to_json (import);
      g_print ("%s\n", text);
    }

  if (import->problems->len > 0)
    {
      print_problems (import);
      g_printerr ("shiftcraft: ");
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "“%s” has %u problem; nothing was imported",
                               "“%s” has %u problems; nothing was imported",
                               import->problems->len),
                  import->filename, import->problems->len);
      g_printerr ("\n");
      return SC_CLI_EXIT_FAILURE;
    }

  if (dry_run)
    {
      if (!json)
        {
          g_print (g_dngettext (GETTEXT_PACKAGE,
                                "Read %u question from %s; nothing was written\n",
                                "Read %u questions from %s; nothing was written\n",
                                import->questions->len),
                   import->questions->len, import->filename);
          print_summary (import);
        }
      return SC_CLI_EXIT_OK;
    }

  session = sc_session_new_system ();
  if (!(store = sc_cli_open_store (database, &error)) ||
      !sc_question_import_commit (import, store, session, FALSE, &added, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (!json)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u question from %s\n",
                            "Imported %u questions from %s\n", added),
               added, import->filename);
      print_summary (import);
    }
  return SC_CLI_EXIT_OK;
}

int
sc_cli_export_questions (int    argc,
                         char **argv)
{
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *category = NULL;
  g_autofree char *database = NULL;
  g_autofree char *gift = NULL;
  gint64 category_id = 0;
  gboolean help = FALSE;
  GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };

  if (!sc_cli_parse_options (entries, argc, argv, &args, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_USAGE;
    }

  if (help || g_strv_length (args) != 2)
    {
      const char *usage = _("Usage: shiftcraft export-questions FILE.gift [--category PATH] [--database PATH]");

      if (help)
        {
          g_print ("%s\n", usage);
          return SC_CLI_EXIT_OK;
        }
      sc_cli_fail ("%s", usage);
      return SC_CLI_EXIT_USAGE;
    }

  if (!(store = sc_cli_open_store (database, &error)) ||
      !(categories = sc_store_get_question_categories (store, session, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (category != NULL)
    {
      g_auto(GStrv) names = sc_question_category_path_split (category);
      g_autofree char *wanted = sc_question_category_path_join (names);

      for (guint i = 0; i < categories->len && category_id == 0; i++)
        {
          ScQuestionCategory *known = g_ptr_array_index (categories, i);

          if (g_str_equal (known->path, wanted))
            category_id = known->id;
        }
      if (category_id == 0)
        {
          g_printerr ("shiftcraft: ");
          g_printerr (_("The question bank has no category “%s”"), category);
          g_printerr ("\n");
          return SC_CLI_EXIT_FAILURE;
        }
    }

  if (!(questions = sc_store_get_questions (store, session, category_id, TRUE, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  /* The file holds the answer keys: readable by its owner only */
  gift = sc_gift_write (questions);
  file = g_file_new_for_commandline_arg (args[1]);
  if (!sc_format_file_write_private (file, gift, strlen (gift), NULL, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u question to %s\n",
                        "Wrote %u questions to %s\n", questions->len),
           questions->len, args[1]);
  return SC_CLI_EXIT_OK;
}
