/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "sc-backup.h"
#include "sc-cli.h"
#include "sc-cli-ics.h"
#include "sc-cli-exams.h"
#include "sc-cli-questions.h"
#include "sc-demo.h"
#include "sc-erlang.h"
#include "sc-people-csv.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-store.h"

/*
 * Headless commands: `shiftcraft COMMAND [ARGUMENT] [--database PATH]`.
 * They need no display. Exit codes: 0 done, 1 failed (one line on stderr
 * says why), 2 the command line was wrong.
 */

typedef int (*CommandFunc) (ScStore    *store,
                            ScSession  *session,
                            const char *argument);

/* A command that needs no database: it gets the command line from its own
 * word on (argv[0] is the command) and reads its options itself */
typedef int (*CommandArgvFunc) (int    argc,
                                char **argv);

typedef struct
{
  const char      *name;
  const char      *argument;    /* NULL: takes none */
  const char      *summary;
  CommandFunc      func;
  CommandArgvFunc  func_no_store;  /* instead of func */
} Command;

static int run_demo (ScStore *store, ScSession *session, const char *argument);
static int run_import_people (ScStore *store, ScSession *session, const char *argument);
static int run_backup (ScStore *store, ScSession *session, const char *argument);
static int run_restore (ScStore *store, ScSession *session, const char *argument);
static int run_reset_credential (ScStore *store, ScSession *session, const char *argument);
static int run_staffing (int argc, char **argv);
static int run_solve (int argc, char **argv);

static const Command commands[] = {
  { "demo", NULL, N_("Create a sample team of 60 people in an empty database"), run_demo },
  { "import-people", N_("FILE.csv"), N_("Import people from a CSV file (nothing is written if a row is bad)"), run_import_people },
  { "import-questions", N_("FILE"), N_("Import a question bank from GIFT, Aiken or Moodle XML (options: --format, --category PATH, --dry-run, --json)"), NULL, sc_cli_import_questions },
  { "exam-stats", N_("EXAM_ID"), N_("Print the item analysis of an exam: facility, discrimination, Cronbach’s alpha"), sc_cli_exam_stats },
  { "export-questions", N_("FILE.gift"), N_("Write the question bank as GIFT (option: --category PATH)"), NULL, sc_cli_export_questions },
  { "backup", N_("FILE.json"), N_("Write a backup of the whole database"), run_backup },
  { "restore", N_("FILE.json"), N_("Replace all data with a backup (a copy of the database is kept)"), run_restore },
  { "reset-credential", N_("EMPLOYEE_NO"), N_("Set a new passphrase or PIN (read from standard input) and unlock the account"), run_reset_credential },
  { "solve", N_("--from DATE --days N"), N_("Make a draft roster from the forecasts (options: --time-limit S, --seed N)"), NULL, run_solve },
  { "staffing", N_("--channel NAME --day DATE"), N_("Agents needed per interval of a day’s forecast"), NULL, run_staffing },
  { "publish", N_("ROSTER_ID"), N_("Publish a roster: version 1, or the next version when it changed"), sc_cli_run_publish },
  { "export-ics", N_("--from DATE OUTPUT.ics"), N_("Write published shifts and time off as iCalendar (options: --days N, --person EMPLOYEE_NO)"), NULL, sc_cli_run_export_ics },
  { "import-ics", N_("FILE.ics --as KIND"), N_("Import all-day events as holidays (--as holidays) or as one person’s time off (--as time-off --person EMPLOYEE_NO)"), NULL, sc_cli_run_import_ics },
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

/**
 * sc_cli_fail:
 *
 * Tells what went wrong on standard error, as “shiftcraft: …”.
 */
void
sc_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("shiftcraft: %s\n", message);
}

/**
 * sc_cli_parse_options:
 * @args: (out): the command line left when the options are taken out
 *
 * Parses a command's options; --help is one of @entries, not GLib's.
 */
gboolean
sc_cli_parse_options (GOptionEntry  *entries,
                      int            argc,
                      char         **argv,
                      GStrv         *args,
                      GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  *args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    (*args)[i] = g_strdup (argv[i]);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse_strv (context, args, error);
}

/**
 * sc_cli_open_store:
 * @database: (nullable): the --database option
 *
 * Opens the database given, or the default one.
 */
ScStore *
sc_cli_open_store (const char  *database,
                   GError     **error)
{
  g_autofree char *path = database ? g_strdup (database) : sc_store_default_path ();

  return sc_store_open (path, error);
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
  g_print ("\n%s\n", _("Solve options:"));
  g_print ("  --from DATE --days N       %s\n", _("The first day (YYYY-MM-DD) and the number of days, 28 unless given"));
  g_print ("  --time-limit SECONDS       %s\n", _("How long to search, 10 seconds unless given"));
  g_print ("  --seed N                   %s\n", _("The same seed and time give the same roster"));
  g_print ("\n%s\n", _("Staffing options (Erlang C, or Erlang A with --patience):"));
  g_print ("  --channel NAME --day DATE  %s\n", _("A table for the channel’s forecast of that day (YYYY-MM-DD), with its service target"));
  g_print ("  %s\n", _("Or, as a calculator for one interval:"));
  g_print ("  --calls N                  %s\n", _("Calls offered in the interval"));
  g_print ("  --interval-minutes M       %s\n", _("Length of the interval in minutes"));
  g_print ("  --aht SECONDS              %s\n", _("Average handling time, talk and wrap-up"));
  g_print ("  --target-sl FRACTION       %s\n", _("Share of calls to answer within the target time, such as 0.80"));
  g_print ("  --target-seconds SECONDS   %s\n", _("The target time to answer"));
  g_print ("  --max-occupancy FRACTION   %s\n", _("Optional: the most the agents may be busy, such as 0.85"));
  g_print ("  --shrinkage FRACTION       %s\n", _("Optional: share of paid time off the phones, such as 0.30"));
  g_print ("  --patience SECONDS         %s\n", _("Optional: how long callers wait on average before hanging up"));
  g_print ("  %s\n", _("Prints one line: erlangs, agents, p_wait, service_level, asa_s (seconds), occupancy, scheduled (agents with shrinkage) and, with --patience, p_abandon."));
  g_print ("\n%s\n", _("Calendar options:"));
  g_print ("  --person EMPLOYEE_NO       %s\n", _("export-ics: only this person’s calendar; import-ics: whose time off"));
  g_print ("  --as holidays|time-off     %s\n", _("import-ics: what the all-day events of the file are"));
  g_print ("  --dry-run                  %s\n", _("import-ics: list the events and write nothing"));
  g_print ("\n");
  g_print (_("Default database: %s (or $SHIFTCRAFT_DATABASE)"), path);
  g_print ("\n");
  g_print ("%s\n", _("Commands run without a display and without signing in: they act as the operating-system user who owns the database file, with a supervisor’s rights, and the audit trail records that user’s name."));
  g_print ("%s\n", _("Exit status: 0 done, 1 failed (the reason is printed), 2 wrong command line."));
}

static int
run_demo (ScStore    *store,
          ScSession  *session,
          const char *argument)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  guint n_people;

  if (!sc_demo_populate (store, session, &accounts, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  n_people = sc_store_count_people (store, TRUE);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Created a sample team of %u person in %s\n",
                        "Created a sample team of %u people in %s\n", n_people),
           n_people, sc_store_get_path (store));
  g_print ("\n%s\n", _("Sample accounts (the PINs are shown only this once; write them down):"));
  for (guint i = 0; i < accounts->len; i++)
    {
      ScDemoAccount *account = g_ptr_array_index (accounts, i);

      /* Tabs: names and roles in Chinese are wider than their bytes say */
      g_print ("  %s\t%s\t%s\tPIN %s\n", sc_account_role_get_label (account->role),
               account->name, account->employee_no, account->pin);
    }
  return SC_CLI_EXIT_OK;
}

static int
run_import_people (ScStore    *store,
                   ScSession  *session,
                   const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint n_errors;
  guint added = 0;
  guint updated = 0;

  if (!(csv = sc_people_csv_parse_file (store, session, file, NULL, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  n_errors = sc_people_csv_get_n_errors (csv);
  if (n_errors > 0)
    {
      for (guint i = 0; i < sc_people_csv_get_n_rows (csv); i++)
        if (sc_people_csv_get_row_status (csv, i) == SC_PEOPLE_CSV_ROW_ERROR)
          g_printerr ("%s: %s\n", argument, sc_people_csv_get_row_error (csv, i));

      sc_cli_fail (g_dngettext (GETTEXT_PACKAGE,
                         "%u row of “%s” has a problem; nothing was imported",
                         "%u rows of “%s” have problems; nothing was imported", n_errors),
            n_errors, argument);
      return SC_CLI_EXIT_FAILURE;
    }

  if (!sc_people_csv_commit (csv, store, session, &added, &updated, &error))
    {
      sc_cli_fail ("%s", error->message);
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
            ScSession  *session,
            const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;

  if (!sc_backup_write (store, session, file, NULL, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (_("Wrote the backup %s\n"), argument);
  return SC_CLI_EXIT_OK;
}

static int
run_restore (ScStore    *store,
             ScSession  *session,
             const char *argument)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (argument);
  g_autoptr(GError) error = NULL;

  if (!sc_backup_restore (store, session, file, NULL, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Restored %s: %u person\n", "Restored %s: %u people\n",
                        sc_store_count_people (store, TRUE)),
           argument, sc_store_count_people (store, TRUE));
  return SC_CLI_EXIT_OK;
}

/* A finite number, or a usage error on stderr */
static gboolean
parse_number (const char *option,
              const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    {
      sc_cli_fail (_("--%s needs a number, not “%s”"), option, text);
      return FALSE;
    }

  return TRUE;
}

static ScSkill *
find_channel (ScStore    *store,
              const char *name)
{
  g_autoptr(GPtrArray) skills = sc_store_get_skills (store, NULL);
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);

      if (sc_skill_get_category (skill) != SC_SKILL_CATEGORY_CHANNEL)
        continue;

      if (g_utf8_collate (sc_skill_get_name (skill), name) == 0 ||
          g_ascii_strcasecmp (sc_skill_get_name (skill), name) == 0)
        return g_object_ref (skill);

      g_string_append_printf (known, "%s“%s”", known->len ? ", " : "", sc_skill_get_name (skill));
    }

  sc_cli_fail (_("There is no channel “%s”; the team’s channels are: %s"), name,
        known->len ? known->str : _("none"));
  return NULL;
}

/* One line per interval of the forecast, for scripts: not translated */
static int
print_staffing_table (const char *database,
                      const char *channel,
                      const char *day)
{
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScServiceTarget) target = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScSkill) skill = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTeam) team = NULL;
  char b[7][G_ASCII_DTOSTR_BUF_SIZE];
  double total_volume = 0;
  double total_hours = 0;
  int peak = 0;

  if (!(store = sc_cli_open_store (database, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  if (!(skill = find_channel (store, channel)))
    return SC_CLI_EXIT_FAILURE;

  target = sc_store_get_service_target (store, session, sc_skill_get_id (skill), &error);
  if (target == NULL)
    {
      if (error != NULL)
        sc_cli_fail ("%s", error->message);
      else
        sc_cli_fail (_("Channel “%s” has no service target yet"), sc_skill_get_name (skill));
      return SC_CLI_EXIT_FAILURE;
    }

  points = sc_store_get_forecast (store, session, sc_skill_get_id (skill), day, &error);
  if (points == NULL)
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }
  if (points->len == 0)
    {
      sc_cli_fail (_("There is no forecast for channel “%s” on %s"), sc_skill_get_name (skill), day);
      return SC_CLI_EXIT_FAILURE;
    }

  team = sc_store_get_team (store, NULL);
  g_print ("# %s, %s, %s: %s %g%% in %d s, max occupancy %g%%, shrinkage %g%%\n",
           team ? sc_team_get_name (team) : "", sc_skill_get_name (skill), day,
           "service level", sc_service_target_get_service_level (target) * 100,
           sc_service_target_get_target_seconds (target),
           sc_service_target_get_max_occupancy (target) * 100,
           sc_service_target_get_shrinkage (target) * 100);
  g_print ("time\tvolume\taht_s\terlangs\tagents\tp_wait\tservice_level\tasa_s\toccupancy\tscheduled\n");

  for (guint i = 0; i < points->len; i++)
    {
      const ScForecastPoint *point = &g_array_index (points, ScForecastPoint, i);
      int next = i + 1 < points->len ? g_array_index (points, ScForecastPoint, i + 1).start_minute
                                     : point->start_minute + 30;
      ScStaffingInput in = {
        .calls = point->volume,
        .interval_minutes = MAX (next - point->start_minute, 1),
        .aht_seconds = point->aht_seconds,
        .target_sl = sc_service_target_get_service_level (target),
        .target_seconds = sc_service_target_get_target_seconds (target),
        .max_occupancy = sc_service_target_get_max_occupancy (target),
        .shrinkage = sc_service_target_get_shrinkage (target),
      };
      ScStaffingResult out = { 0, };

      if (!sc_erlang_required_agents (&in, &out, &error))
        {
          sc_cli_fail ("%02d:%02d: %s", point->start_minute / 60, point->start_minute % 60, error->message);
          return SC_CLI_EXIT_FAILURE;
        }

      g_print ("%02d:%02d\t%s\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t%d\n",
               point->start_minute / 60, point->start_minute % 60,
               g_ascii_formatd (b[0], sizeof b[0], "%.0f", point->volume), point->aht_seconds,
               g_ascii_formatd (b[1], sizeof b[1], "%.4f", out.erlangs), out.agents,
               g_ascii_formatd (b[2], sizeof b[2], "%.4f", out.p_wait),
               g_ascii_formatd (b[3], sizeof b[3], "%.4f", out.service_level),
               g_ascii_formatd (b[4], sizeof b[4], "%.2f", out.asa_seconds),
               g_ascii_formatd (b[5], sizeof b[5], "%.4f", out.occupancy), out.scheduled);

      total_volume += point->volume;
      total_hours += out.scheduled * in.interval_minutes / 60.0;
      peak = MAX (peak, out.scheduled);
    }

  g_print ("# total volume %s, scheduled person-hours %s, peak scheduled %d\n",
           g_ascii_formatd (b[0], sizeof b[0], "%.0f", total_volume),
           g_ascii_formatd (b[1], sizeof b[1], "%.1f", total_hours), peak);
  return SC_CLI_EXIT_OK;
}

static int
run_staffing (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *aht = NULL;
  g_autofree char *target_sl = NULL;
  g_autofree char *target_seconds = NULL;
  g_autofree char *max_occupancy = NULL;
  g_autofree char *shrinkage = NULL;
  g_autofree char *patience = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *day = NULL;
  g_autofree char *database = NULL;
  gboolean help = FALSE;
  double interval_value = 0;
  ScStaffingInput in = { 0, };
  ScStaffingResult out = { 0, };
  char buffers[7][G_ASCII_DTOSTR_BUF_SIZE];
  GOptionEntry entries[] = {
    { "calls", 0, 0, G_OPTION_ARG_STRING, &calls, NULL, NULL },
    { "interval-minutes", 0, 0, G_OPTION_ARG_STRING, &interval, NULL, NULL },
    { "aht", 0, 0, G_OPTION_ARG_STRING, &aht, NULL, NULL },
    { "target-sl", 0, 0, G_OPTION_ARG_STRING, &target_sl, NULL, NULL },
    { "target-seconds", 0, 0, G_OPTION_ARG_STRING, &target_seconds, NULL, NULL },
    { "max-occupancy", 0, 0, G_OPTION_ARG_STRING, &max_occupancy, NULL, NULL },
    { "shrinkage", 0, 0, G_OPTION_ARG_STRING, &shrinkage, NULL, NULL },
    { "patience", 0, 0, G_OPTION_ARG_STRING, &patience, NULL, NULL },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, NULL, NULL },
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, NULL, NULL },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };
  const struct
  {
    const char  *option;
    char       **text;
    double      *value;
    gboolean     required;
  } numbers[] = {
    { "calls", &calls, &in.calls, TRUE },
    { "interval-minutes", &interval, &interval_value, TRUE },
    { "aht", &aht, &in.aht_seconds, TRUE },
    { "target-sl", &target_sl, &in.target_sl, TRUE },
    { "target-seconds", &target_seconds, &in.target_seconds, TRUE },
    { "max-occupancy", &max_occupancy, &in.max_occupancy, FALSE },
    { "shrinkage", &shrinkage, &in.shrinkage, FALSE },
    { "patience", &patience, &in.patience_seconds, FALSE },
  };

  if (!sc_cli_parse_options (entries, argc, argv, &args, &error))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_USAGE;
    }

  if (help)
    {
      print_usage ();
      return SC_CLI_EXIT_OK;
    }

  if (g_strv_length (args) > 1)
    {
      sc_cli_fail (_("“%s” takes no argument"), "staffing");
      return SC_CLI_EXIT_USAGE;
    }

  /* Without --calls: the table for a channel's forecast of a day */
  if (calls == NULL)
    {
      if (channel == NULL || day == NULL)
        {
          sc_cli_fail ("%s", _("“staffing” needs either --channel and --day (a table from the forecast) or --calls, --interval-minutes, --aht, --target-sl and --target-seconds (one interval)"));
          return SC_CLI_EXIT_USAGE;
        }
      return print_staffing_table (database, channel, day);
    }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const char *text = *numbers[i].text;

      if (text == NULL)
        {
          if (numbers[i].required)
            {
              sc_cli_fail (_("“staffing” needs --%s; see “shiftcraft --help”"), numbers[i].option);
              return SC_CLI_EXIT_USAGE;
            }
          continue;
        }

      if (!parse_number (numbers[i].option, text, numbers[i].value))
        return SC_CLI_EXIT_USAGE;
    }

  if (interval_value != floor (interval_value) || fabs (interval_value) > G_MAXINT)
    {
      sc_cli_fail (_("--interval-minutes needs a whole number of minutes, not “%s”"), interval);
      return SC_CLI_EXIT_USAGE;
    }
  in.interval_minutes = (int) interval_value;

  if (!sc_erlang_required_agents (&in, &out, &error))
    {
      sc_cli_fail ("%s", error->message);
      return g_error_matches (error, SC_ERLANG_ERROR, SC_ERLANG_ERROR_INVALID_INPUT)
               ? SC_CLI_EXIT_USAGE : SC_CLI_EXIT_FAILURE;
    }

  /* For scripts: not translated, a dot for the decimals in every locale */
  g_print ("erlangs=%s agents=%d p_wait=%s service_level=%s asa_s=%s occupancy=%s scheduled=%d",
           g_ascii_formatd (buffers[0], sizeof buffers[0], "%.4f", out.erlangs),
           out.agents,
           g_ascii_formatd (buffers[1], sizeof buffers[1], "%.4f", out.p_wait),
           g_ascii_formatd (buffers[2], sizeof buffers[2], "%.4f", out.service_level),
           g_ascii_formatd (buffers[3], sizeof buffers[3], "%.2f", out.asa_seconds),
           g_ascii_formatd (buffers[4], sizeof buffers[4], "%.4f", out.occupancy),
           out.scheduled);
  if (in.patience_seconds > 0)
    g_print (" p_abandon=%s", g_ascii_formatd (buffers[5], sizeof buffers[5], "%.4f", out.p_abandon));
  g_print ("\n");

  return SC_CLI_EXIT_OK;
}

/* One line from standard input, without echo when it is a terminal */
static char *
read_secret (const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved;
  char buffer[1024];
  char *line;

  if (tty)
    {
      struct termios quiet;

      g_printerr ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (line == NULL)
    return NULL;

  buffer[strcspn (buffer, "\r\n")] = '\0';
  line = g_strdup (buffer);
  memset (buffer, 0, sizeof buffer);
  return line;
}

/* The way back in when nobody can sign in: whoever owns the database file
 * may give an account a new credential */
static int
run_reset_credential (ScStore    *store,
                      ScSession  *session,
                      const char *argument)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *again = NULL;
  ScAccount *account = NULL;
  ScCredentialKind kind;

  if (!(accounts = sc_store_get_accounts (store, session, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < accounts->len && account == NULL; i++)
    if (g_strcmp0 (sc_account_get_employee_no (g_ptr_array_index (accounts, i)), argument) == 0)
      account = g_ptr_array_index (accounts, i);

  if (account == NULL)
    {
      sc_cli_fail (_("No account belongs to employee number “%s”"), argument);
      return SC_CLI_EXIT_FAILURE;
    }

  secret = read_secret (_("New passphrase or PIN: "));
  if (isatty (STDIN_FILENO))
    again = read_secret (_("Type it again: "));

  if (secret == NULL || (again != NULL && g_strcmp0 (secret, again) != 0))
    {
      sc_cli_fail ("%s", secret == NULL ? _("No passphrase or PIN was given on standard input")
                                 : _("The two entries differ; nothing was changed"));
      return SC_CLI_EXIT_FAILURE;
    }

  /* Only digits make a PIN */
  kind = SC_CREDENTIAL_PIN;
  for (const char *p = secret; *p; p++)
    if (!g_ascii_isdigit (*p))
      kind = SC_CREDENTIAL_PASSPHRASE;

  if (!sc_store_set_credential (store, session, sc_account_get_id (account), kind, secret, &error) ||
      !sc_store_unlock_account (store, session, sc_account_get_id (account), &error))
    {
      memset (secret, 0, strlen (secret));
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  memset (secret, 0, strlen (secret));
  if (kind == SC_CREDENTIAL_PIN)
    g_print (_("%s can sign in with the new PIN\n"), sc_account_get_person_name (account));
  else
    g_print (_("%s can sign in with the new passphrase\n"), sc_account_get_person_name (account));
  return SC_CLI_EXIT_OK;
}

typedef struct
{
  gint64 last_report;
} SolveProgress;

static void
on_solve_progress (int      hard_violations,
                   gint64   objective,
                   double   fraction,
                   gpointer user_data)
{
  SolveProgress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  /* A line a second at most, on stderr: stdout is for the result */
  if (now - progress->last_report < G_USEC_PER_SEC && fraction < 1.0)
    return;

  progress->last_report = now;
  g_printerr (_("%3.0f %%: %d hard violations, objective %lld\n"),
              fraction * 100, hard_violations, (long long) objective);
}

static int
compare_cost_desc (gconstpointer a,
                   gconstpointer b)
{
  const ScRosterViolation *x = *(const ScRosterViolation * const *) a;
  const ScRosterViolation *y = *(const ScRosterViolation * const *) b;

  return x->cost != y->cost ? (x->cost > y->cost ? -1 : 1) : x->person - y->person;
}

/* The people furthest from their fair share of nights, weekends and hours */
static void
print_spread (ScStore             *store,
              ScSession           *session,
              const ScRosterInput *input,
              const ScRosterScore *score)
{
  for (int r = 0; r < SC_ROSTER_N_RULES; r++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();

      if (!sc_roster_rule_is_spread (r))
        continue;
      for (guint i = 0; i < score->violations->len; i++)
        if (g_array_index (score->violations, ScRosterViolation, i).rule == (ScRosterRule) r)
          g_ptr_array_add (entries, &g_array_index (score->violations, ScRosterViolation, i));
      g_ptr_array_sort (entries, compare_cost_desc);

      for (guint i = 0; i < entries->len && i < 3; i++)
        {
          const ScRosterViolation *v = g_ptr_array_index (entries, i);
          g_autoptr(ScPerson) person = sc_store_get_person (store, session,
                                                            g_array_index (input->person_ids, gint64, v->person),
                                                            NULL);
          g_autofree char *text = sc_roster_violation_describe_spread (v, person ? sc_person_get_name (person)
                                                                                 : input->problem->people[v->person].id);

          g_print ("%s\n", text);
        }
    }
}

static int
run_solve (int    argc,
           char **argv)
{
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *from = NULL;
  g_autofree char *database = NULL;
  g_autofree char *summary = NULL;
  ScRosterSolverOptions options;
  ScRosterSolverStats stats = { 0, };
  ScRosterSolution *solution;
  ScRosterScore *score;
  SolveProgress progress = { 0, };
  double time_limit = 10;
  double shortfall_hours = 0;
  double short_intervals = 0;
  gboolean help = FALSE;
  gint64 roster_id;
  int days = 28;
  int seed = 1;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, NULL, NULL },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &time_limit, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, NULL, NULL },
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
      print_usage ();
      return SC_CLI_EXIT_OK;
    }

  if (from == NULL || g_strv_length (args) > 1 || time_limit <= 0 || seed < 0)
    {
      sc_cli_fail ("%s", _("“solve” needs --from DATE (YYYY-MM-DD), and takes --days N, --time-limit SECONDS and --seed N"));
      return SC_CLI_EXIT_USAGE;
    }

  if (!(store = sc_cli_open_store (database, &error)) ||
      !(input = sc_store_build_roster_input (store, session, from, days, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  sc_roster_solver_options_init (&options);
  options.seed = (guint32) seed;
  options.time_limit = time_limit;
  options.n_threads = sc_roster_solver_threads ();
  options.progress = on_solve_progress;
  options.progress_data = &progress;

  solution = sc_roster_solve (input->problem, NULL, &options, NULL, &stats);
  score = sc_roster_score_compute (input->problem, solution, TRUE);

  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER)
        {
          const ScRosterIntervalCover *cover =
            &g_array_index (input->problem->interval_covers, ScRosterIntervalCover, v->index);

          shortfall_hours += v->amount * cover->length / 60.0;
          short_intervals += v->amount;
        }
    }

  summary = g_strdup_printf ("hard_violations=%d objective=%" G_GINT64_FORMAT,
                             score->hard_violations, score->objective);
  roster_id = sc_store_save_roster_solution (store, session, input, solution, summary, &error);
  sc_roster_solution_free (solution);

  if (roster_id == 0)
    {
      sc_roster_score_free (score);
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  g_print (_("Draft roster %lld from %s, %d days, %d people: %u shifts\n"),
           (long long) roster_id, from, days, input->problem->n_people,
           sc_store_count_roster_shifts (store, session, roster_id, 0, NULL));

  /* The score by rule: not translated, for scripts */
  g_print ("rule\tcount\tcost\n");
  for (int r = 0; r < SC_ROSTER_N_RULES; r++)
    if (score->count[r] > 0)
      g_print ("%s\t%d\t%" G_GINT64_FORMAT "\n", sc_roster_rule_get_name (r), score->count[r],
               sc_roster_rule_is_hard (r) ? (gint64) 0 : score->total[r]);

  print_spread (store, session, input, score);

  {
    char b[3][G_ASCII_DTOSTR_BUF_SIZE];

    g_print ("hard_violations=%d objective=%" G_GINT64_FORMAT " shortfall_person_hours=%s"
             " shortfall_percent=%s seconds=%s\n",
             score->hard_violations, score->objective,
             g_ascii_formatd (b[0], sizeof b[0], "%.1f", shortfall_hours),
             g_ascii_formatd (b[1], sizeof b[1], "%.2f",
                              input->required_person_intervals > 0
                                ? 100.0 * short_intervals / input->required_person_intervals : 0.0),
             g_ascii_formatd (b[2], sizeof b[2], "%.1f", stats.seconds));
  }

  sc_roster_score_free (score);
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
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
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
      sc_cli_fail (_("“%s” is not a command; see “shiftcraft --help”"), argv[1]);
      return SC_CLI_EXIT_USAGE;
    }

  if (command->func_no_store != NULL)
    return command->func_no_store (argc - 1, argv + 1);

  if (!sc_cli_parse_options (entries, argc, argv, &args, &error))
    {
      sc_cli_fail ("%s", error->message);
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
      sc_cli_fail (_("“%s” needs one argument: shiftcraft %s %s"), command->name, command->name,
            _(command->argument));
      return SC_CLI_EXIT_USAGE;
    }
  if (command->argument == NULL && n_args != 0)
    {
      sc_cli_fail (_("“%s” takes no argument"), command->name);
      return SC_CLI_EXIT_USAGE;
    }

  if (!(store = sc_cli_open_store (database, &error)))
    {
      sc_cli_fail ("%s", error->message);
      return SC_CLI_EXIT_FAILURE;
    }

  /* The command line acts as the operating-system user who can write the
   * database file; its changes are recorded under that user's name */
  session = sc_session_new_system ();
  return command->func (store, session, command->argument ? args[2] : NULL);
}
