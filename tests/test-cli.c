/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/wait.h>

#include "sc-test-util.h"

/* Runs the real shiftcraft binary, with no display */
static int
run (const char  *dir,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *binary = g_getenv ("SHIFTCRAFT_BINARY");
  const char *arg;
  int status = -1;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "SHIFTCRAFT_DATABASE");

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static guint
count_people (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, &error);

  g_assert_no_error (error);
  return sc_store_count_people (store, TRUE);
}

static void
test_help_and_usage (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (dir, &out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import-people"));
  g_assert_nonnull (strstr (out, "--database"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "backup", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "restore"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "backup", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "backup"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "demo", "extra", "--database", "x.db", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "demo", "--no-such-option", NULL), ==, 2);
  g_assert_cmpuint (strlen (err), >, 0);
}

static void
test_demo_backup_restore (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "team.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *json = g_build_filename (dir, "backup.json", NULL);
  g_autofree char *json2 = g_build_filename (dir, "backup2.json", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (dir, &out, &err, "demo", "--database", db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "60"));
  g_assert_cmpuint (count_people (db), ==, 60);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A second demo would mix with the data: refused with one line */
  g_assert_cmpint (run (dir, &out, &err, "demo", "--database", db, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "shiftcraft: "));
  g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_assert_cmpuint (count_people (db), ==, 60);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "backup", json, "--database", db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "restore", "--database", other, json, NULL), ==, 0);
  g_assert_cmpuint (count_people (other), ==, 60);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "backup", "--database", other, json2, NULL), ==, 0);
  g_assert_true (g_file_get_contents (json, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (json2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A missing file is a failure, not a usage error */
  g_assert_cmpint (run (dir, &out, &err, "restore", "--database", other, "missing.json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.json"));
  g_assert_cmpuint (count_people (other), ==, 60);
}

static void
test_import_people (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "import.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *good_csv =
    "\xEF\xBB\xBF" "姓名,工号,角色,级别,入职日期\n"
    "王芳,E001,客服专员,初级,2024-03-01\n"
    "\"Lee, Daniel\",E002,Supervisor,Senior,2019/07/15\n";
  const char *bad_csv =
    "Name,Employee No,Role,Level\n"
    "张伟,E010,agent,junior\n"
    ",E011,agent,junior\n"
    "李娜,E012,pilot,junior\n"
    "赵敏,E010,agent,junior\n";

  g_assert_true (g_file_set_contents (good, good_csv, -1, NULL));
  g_assert_true (g_file_set_contents (bad, bad_csv, -1, NULL));

  g_assert_cmpint (run (dir, &out, &err, "import-people", bad, "--database", db, NULL), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "Line 3:"));
  g_assert_nonnull (strstr (err, "Line 4:"));
  g_assert_nonnull (strstr (err, "Line 5:"));
  g_assert_null (strstr (err, "Line 2:"));
  g_assert_cmpuint (count_people (db), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "import-people", good, "--database", db, NULL), ==, 0);
  g_assert_cmpuint (count_people (db), ==, 2);
}

/* The Erlang calculator needs no database */
static void
test_staffing (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "0.80", "--target-seconds", "20",
                        "--max-occupancy", "0.85", "--shrinkage", "0.30", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "erlangs=10.0000 agents=14 p_wait=0.1741 service_level=0.8884 "
                            "asa_s=7.84 occupancy=0.7143 scheduled=20\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No shrinkage: scheduled = agents; a tighter occupancy needs 15 */
  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "0.80", "--target-seconds", "20",
                        "--max-occupancy", "0.70", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "erlangs=10.0000 agents=15 p_wait=0.1020 service_level=0.9415 "
                            "asa_s=3.67 occupancy=0.6667 scheduled=15\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Erlang A adds the share who hang up */
  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "0.80", "--target-seconds", "20",
                        "--patience", "300", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "erlangs=10.0000 agents=13 "));
  g_assert_true (g_str_has_suffix (out, " p_abandon=0.0250\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors: a missing option, a malformed one, one out of range */
  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "0.80", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "shiftcraft: "));
  g_assert_nonnull (strstr (err, "--target-seconds"));
  g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "lots", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "0.80", "--target-seconds", "20", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "lots"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--interval-minutes", "30",
                        "--aht", "180", "--target-sl", "80", "--target-seconds", "20", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "80"));
  g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--calls", "100", "--no-such-option", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Neither form: a usage error that names both */
  g_assert_cmpint (run (dir, &out, &err, "staffing", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--channel"));
  g_assert_nonnull (strstr (err, "--calls"));
  g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Listed in the help */
  g_assert_cmpint (run (dir, &out, &err, "staffing", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "staffing"));
  g_assert_nonnull (strstr (out, "--target-sl"));
}

static void
test_staffing_table (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "staffing.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *day = g_date_time_format (monday, "%Y-%m-%d");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int agents_at_peak = 0;

  g_assert_cmpint (run (dir, &out, &err, "demo", "--database", db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--channel", "phone", "--day", day,
                        "--database", db, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* A comment, the header, 28 half hours from 08:00 to 22:00, the totals */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 1 + 28 + 1 + 1);
  g_assert_true (g_str_has_prefix (lines[1], "time\tvolume\taht_s\terlangs\tagents"));
  g_assert_true (g_str_has_prefix (lines[2], "08:00\t"));
  g_assert_true (g_str_has_prefix (lines[29], "21:30\t"));
  for (guint i = 2; i < 30; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      double sl = g_ascii_strtod (fields[6], NULL);

      g_assert_cmpuint (g_strv_length (fields), ==, 10);
      /* Every interval meets the channel's target of 80 % */
      g_assert_cmpfloat (sl, >=, 0.80);
      agents_at_peak = MAX (agents_at_peak, atoi (fields[4]));
    }
  g_assert_cmpint (agents_at_peak, >, 5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--channel", "fax", "--day", day,
                        "--database", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "fax"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "staffing", "--channel", "phone", "--day", "1999-01-01",
                        "--database", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "1999-01-01"));
}

static void
test_reset_credential (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "reset.db", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScPerson) boss = sc_test_person ("刘建华", "S001");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 account;

  store = sc_store_open (db, &error);
  g_assert_true (sc_store_create_first_supervisor (store, boss, SC_CREDENTIAL_PASSPHRASE,
                                                   "forgotten long ago", &session, &error));
  account = sc_session_get_account_id (session);
  for (int i = 0; i < 10; i++)
    g_assert_null (sc_store_sign_in (store, account, "wrong guess", NULL));
  g_clear_object (&store);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("SHIFTCRAFT_BINARY"), "reset-credential", "S001",
                              "--database", db, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, "a new morning tea\n", NULL, &out, &err, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_null (strstr (out, "a new morning tea"));

  /* Unlocked, and the new passphrase works */
  store = sc_store_open (db, &error);
  g_clear_object (&session);
  session = sc_store_sign_in (store, account, "a new morning tea", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_clear_object (&store);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "reset-credential", "NOBODY", "--database", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NOBODY"));
}

static void
test_solve (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "solve.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *day = g_date_time_format (monday, "%Y-%m-%d");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (dir, &out, &err, "demo", "--database", db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "solve", "--from", day, "--days", "7", "--time-limit", "1",
                        "--database", db, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "rule\tcount\tcost\n"));
  g_assert_nonnull (strstr (out, "hard_violations="));
  g_assert_nonnull (strstr (out, "shortfall_person_hours="));
  /* fairness in words: people on one contract work different hours */
  g_assert_nonnull (strstr (out, "hours-spread\t"));
  g_assert_nonnull (strstr (out, "Hours spread: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The draft's shifts are on the channels they are worked on */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScStore) store = sc_store_open (db, &error);
    g_autoptr(GPtrArray) rosters = NULL;
    g_autoptr(GArray) shifts = NULL;
    guint with_post = 0;

    g_assert_no_error (error);
    rosters = sc_store_get_rosters (store, sc_test_session (), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rosters->len, ==, 1);
    shifts = sc_store_get_roster_shifts (store, sc_test_session (),
                                         ((ScRosterInfo *) g_ptr_array_index (rosters, 0))->id, FALSE, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < shifts->len; i++)
      with_post += g_array_index (shifts, ScRosterShift, i).skill_id != 0;
    g_test_message ("%u of %u shifts on a post", with_post, shifts->len);
    g_assert_cmpuint (with_post, >=, shifts->len * 9 / 10);
    g_assert_cmpuint (with_post, >, 0);
  }

  g_assert_cmpint (run (dir, &out, &err, "solve", "--days", "7", "--database", db, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "solve", "--from", "2026-13-01", "--database", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2026-13-01"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli/demo-backup-restore", test_demo_backup_restore);
  g_test_add_func ("/cli/import-people", test_import_people);
  g_test_add_func ("/cli/staffing-table", test_staffing_table);
  g_test_add_func ("/cli/reset-credential", test_reset_credential);
  g_test_add_func ("/cli/solve", test_solve);
  g_test_add_func ("/cli/staffing", test_staffing);

  return g_test_run ();
}
