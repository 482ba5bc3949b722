/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cli-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-cli-ics.h"
#include "sc-day.h"
#include "sc-format-file.h"
#include "sc-ics.h"

/*
 * Publishing and calendars from the command line:
 *
 *   shiftcraft publish ROSTER_ID
 *   shiftcraft export-ics --from DATE --days N [--person EMPLOYEE_NO] OUTPUT.ics
 *   shiftcraft import-ics FILE.ics --as holidays|time-off [--person EMPLOYEE_NO] [--dry-run]
 */

int
sc_cli_run_publish (ScStore    *store,
                    ScSession  *session,
                    const char *argument)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  char *end = NULL;
  gint64 roster_id;
  int before;
  int version;

  roster_id = g_ascii_strtoll (argument, &end, 10);
  if (end == argument || *end != '\0' || roster_id <= 0)
    {
      sc_cli_fail (_("“%s” is not a roster number"), argument);
      return SC_CLI_EXIT_USAGE;
    }

  if ((before = sc_store_get_published_version (store, roster_id, &error)) < 0 ||
      !(changes = sc_store_get_roster_changes (store, session, roster_id, NULL, &error)) ||
      (version = sc_store_publish_roster (store, session, roster_id, &error)) == 0)
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (version == before)
    g_print (_("Roster %lld: version %d is published and nothing changed since\n"),
             (long long) roster_id, version);
  else if (before == 0)
    g_print (_("Roster %lld: published version %d\n"), (long long) roster_id, version);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Roster %lld: published version %d, %u shift changed since version %d\n",
                          "Roster %lld: published version %d, %u shifts changed since version %d\n",
                          changes->len),
             (long long) roster_id, version, changes->len, before);

  return SC_CLI_EXIT_OK;
}

int
sc_cli_run_export_ics (int    argc,
                       char **argv)
{
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *from = NULL;
  g_autofree char *person = NULL;
  g_autofree char *database = NULL;
  g_autofree char *text = NULL;
  gboolean help = FALSE;
  gint64 person_id = 0;
  gsize length = 0;
  int days = 28;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, NULL, NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, NULL, NULL },
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
      g_print ("%s\n", _("Usage: shiftcraft export-ics --from DATE --days N [--person EMPLOYEE_NO] OUTPUT.ics"));
      g_print ("%s\n", _("Writes the published shifts and approved time off of the period, for the whole team or one person (“-” writes to standard output)."));
      return SC_CLI_EXIT_OK;
    }

  if (from == NULL || g_strv_length (args) != 2 || days < 1 || days > 366)
    {
      sc_cli_fail ("%s", _("“export-ics” needs --from DATE (YYYY-MM-DD) and an output file, and takes --days N (1 to 366) and --person EMPLOYEE_NO"));
      return SC_CLI_EXIT_USAGE;
    }

  if (!sc_day_is_valid (from))
    {
      sc_cli_fail (_("“%s” is not a day: write it as YYYY-MM-DD"), from);
      return SC_CLI_EXIT_USAGE;
    }

  if (!(store = sc_cli_open_store (database, &error)) ||
      (person != NULL && !(person_id = sc_store_find_person_by_employee_no (store, session, person, &error))) ||
      !(calendar = sc_store_get_calendar (store, session, from, days, person_id, &error)) ||
      !(text = sc_ics_export (calendar, NULL, &length, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (strcmp (args[1], "-") == 0)
    {
      if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          sc_cli_fail ("%s", _("Cannot write to standard output"));
          return SC_CLI_EXIT_FAILURE;
        }
      return SC_CLI_EXIT_OK;
    }

  file = g_file_new_for_commandline_arg (args[1]);
  if (!sc_format_file_write_private (file, text, length, NULL, &error))
    {
      sc_cli_fail (_("Cannot write “%s”: %s"), args[1], error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (calendar->shifts->len == 0)
    g_printerr (_("shiftcraft: no published shift from %s for %d days; publish a roster first\n"),
                from, days);

  g_print (_("Wrote %u shifts and %u periods of time off to %s\n"),
           calendar->shifts->len, calendar->time_off->len, args[1]);
  return SC_CLI_EXIT_OK;
}

int
sc_cli_run_import_ics (int    argc,
                       char **argv)
{
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScIcsImport) import = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *as = NULL;
  g_autofree char *person = NULL;
  g_autofree char *database = NULL;
  gboolean dry_run = FALSE;
  gboolean help = FALSE;
  ScIcsImportKind kind;
  gint64 person_id = 0;
  guint n_written = 0;
  GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &as, NULL, NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, NULL, NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, NULL, NULL },
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
      g_print ("%s\n", _("Usage: shiftcraft import-ics FILE.ics --as holidays|time-off [--person EMPLOYEE_NO] [--dry-run]"));
      g_print ("%s\n", _("Imports the all-day events of the file as public holidays, or as one person’s time off; --dry-run shows them and writes nothing."));
      return SC_CLI_EXIT_OK;
    }

  if (g_strcmp0 (as, "holidays") == 0)
    kind = SC_ICS_IMPORT_HOLIDAYS;
  else if (g_strcmp0 (as, "time-off") == 0)
    kind = SC_ICS_IMPORT_TIME_OFF;
  else
    {
      sc_cli_fail ("%s", _("“import-ics” needs a file and --as holidays or --as time-off"));
      return SC_CLI_EXIT_USAGE;
    }

  if (g_strv_length (args) != 2 || (kind == SC_ICS_IMPORT_TIME_OFF) != (person != NULL))
    {
      sc_cli_fail ("%s", _("“import-ics” needs one file, and --person EMPLOYEE_NO with --as time-off (and only then)"));
      return SC_CLI_EXIT_USAGE;
    }

  /* Read and check the whole file before the database is opened */
  file = g_file_new_for_commandline_arg (args[1]);
  if (!(import = sc_ics_import_read_file (file, kind, NULL, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (!(store = sc_cli_open_store (database, &error)) ||
      (person != NULL && !(person_id = sc_store_find_person_by_employee_no (store, session, person, &error))))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < import->items->len; i++)
    {
      const ScIcsImportItem *item = g_ptr_array_index (import->items, i);

      if (strcmp (item->first_day, item->last_day) == 0)
        g_print ("%s\t\t%s\n", item->first_day, item->summary ? item->summary : "");
      else
        g_print ("%s\t%s\t%s\n", item->first_day, item->last_day, item->summary ? item->summary : "");
    }

  if (dry_run)
    {
      g_print (_("%u events to import, %u cancelled ones left out; nothing was written (--dry-run)\n"),
               import->items->len, import->n_skipped);
      return SC_CLI_EXIT_OK;
    }

  if (!sc_ics_import_apply (import, store, session, person_id, &n_written, &error))
    {
      sc_cli_fail (_("Nothing was imported: %s"), error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (kind == SC_ICS_IMPORT_HOLIDAYS)
    g_print (_("Imported %u holidays from %s\n"), n_written, args[1]);
  else
    g_print (_("Imported %u periods of time off from %s\n"), n_written, args[1]);
  return SC_CLI_EXIT_OK;
}
