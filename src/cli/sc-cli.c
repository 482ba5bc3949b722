/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-backup.h"
#include "sc-cli.h"
#include "sc-demo.h"
#include "sc-people-csv.h"
#include "sc-store.h"

/*
 * Headless commands: `shiftcraft COMMAND [ARGUMENT] [--database PATH]`.
 * They need no display. Exit codes: 0 done, 1 failed (one line on stderr
 * says why), 2 the command line was wrong.
 */

typedef int (*CommandFunc) (ScStore    *store,
                            const char *argument);

typedef struct
{
  const char  *name;
  const char  *argument;    /* NULL: takes none */
  const char  *summary;
  CommandFunc  func;
} Command;

static int run_demo (ScStore *store, const char *argument);
static int run_import_people (ScStore *store, const char *argument);
static int run_backup (ScStore *store, const char *argument);
static int run_restore (ScStore *store, const char *argument);

static const Command commands[] = {
  { "demo", NULL, N_("Create a sample team of 60 people in an empty database"), run_demo },
  { "import-people", N_("FILE.csv"), N_("Import people from a CSV file (nothing is written if a row is bad)"), run_import_people },
  { "backup", N_("FILE.json"), N_("Write a backup of the whole database"), run_backup },
  { "restore", N_("FILE.json"), N_("Replace all data with a backup (a copy of the database is kept)"), run_restore },
};

static const Command *
find_command (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, word) == 0)
      return &commands[i];

  return NULL;
}

gboolean
sc_cli_is_command (const char *word)
{
  return find_command (word) != NULL ||
         g_strcmp0 (word, "--help") == 0 ||
         g_strcmp0 (word, "-h") == 0 ||
         g_strcmp0 (word, "help") == 0;
}

static void G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("shiftcraft: %s\n", message);
}

static void
print_usage (void)
{
  g_autofree char *path = sc_store_default_path ();

  g_print ("%s\n", _("Usage:"));
  g_print ("  shiftcraft [--database PATH]                  %s\n", _("Start the application"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s%s%s", commands[i].name,
                                                   commands[i].argument ? " " : "",
                                                   commands[i].argument ? _(commands[i].argument) : "");

      g_print ("  shiftcraft %-34s %s\n", synopsis, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --database PATH   %s\n", _("Use this database file instead of the default"));
  g_print ("  --help            %s\n", _("Show this help"));
  g_print ("\n");
  g_print (_("Default database: %s (or $SHIFTCRAFT_DATABASE)"), path);
  g_print ("\n");
  g_print ("%s\n", _("Commands run without a display, as the user who runs them, on the database file that user can write."));
  g_print ("%s\n", _("Exit status: 0 done, 1 failed (the reason is printed), 2 wrong command line."));
}

static int
run_demo (ScStore    *store,
          const char *argument)
{
  g_autoptr(GError) error = NULL;

  if (!sc_demo_populate (store, &error))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Created a sample team of %u person in %s\n",
                        "Created a sample team of %u people in %s\n", SC_DEMO_N_PEOPLE),
           sc_store_count_people (store, TRUE), sc_store_get_path (store));
  return SC_CLI_EXIT_OK;
}

static int
run_import_people (ScStore    *store,
                   const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors;
  guint added = 0;
  guint updated = 0;

  if (!(csv = sc_people_csv_parse_file (store, file, NULL, &error)))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  n_errors = sc_people_csv_get_n_errors (csv);
  if (n_errors > 0)
    {
      for (guint i = 0; i < sc_people_csv_get_n_rows (csv); i++)
        if (sc_people_csv_get_row_status (csv, i) == SC_PEOPLE_CSV_ROW_ERROR)
          g_printerr ("%s: %s\n", argument, sc_people_csv_get_row_error (csv, i));

      fail (g_dngettext (GETTEXT_PACKAGE,
                         "%u row of “%s” has a problem; nothing was imported",
                         "%u rows of “%s” have problems; nothing was imported", n_errors),
            n_errors, argument);
      return SC_CLI_EXIT_FAILURE;
    }

  if (!sc_people_csv_commit (csv, store, &added, &updated, &error))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  /* TRANSLATORS: followed by “%u updated” */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u new person, ", "Imported %u new people, ", added),
           added);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u updated\n", "%u updated\n", updated), updated);
  return SC_CLI_EXIT_OK;
}

static int
run_backup (ScStore    *store,
            const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;

  if (!sc_backup_write (store, file, NULL, &error))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (_("Wrote the backup %s\n"), argument);
  return SC_CLI_EXIT_OK;
}

static int
run_restore (ScStore    *store,
             const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;

  if (!sc_backup_restore (store, file, NULL, &error))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %s: %u person\n", "Restored %s: %u people\n",
                        sc_store_count_people (store, TRUE)),
           argument, sc_store_count_people (store, TRUE));
  return SC_CLI_EXIT_OK;
}

/**
 * sc_cli_run:
 *
 * Runs the command named by argv[1].
 *
 * Returns: the exit status
 */
int
sc_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) args = NULL;
  gboolean help = FALSE;
  const Command *command;
  guint n_args;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };

  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 ||
      g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage ();
      return SC_CLI_EXIT_OK;
    }

  if (!(command = find_command (argv[1])))
    {
      fail (_("“%s” is not a command; see “shiftcraft --help”"), argv[1]);
      return SC_CLI_EXIT_USAGE;
    }

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_USAGE;
    }

  if (help)
    {
      print_usage ();
      return SC_CLI_EXIT_OK;
    }

  n_args = g_strv_length (args) - 2; /* program and command */
  if (command->argument != NULL && n_args != 1)
    {
      fail (_("“%s” needs one argument: shiftcraft %s %s"), command->name, command->name,
            _(command->argument));
      return SC_CLI_EXIT_USAGE;
    }
  if (command->argument == NULL && n_args != 0)
    {
      fail (_("“%s” takes no argument"), command->name);
      return SC_CLI_EXIT_USAGE;
    }

  path = database ? g_strdup (database) : sc_store_default_path ();
  if (!(store = sc_store_open (path, &error)))
    {
      fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  return command->func (store, command->argument ? args[2] : NULL);
}
