/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-backup.h"
#include "sc-demo.h"
#include "sc-store-private.h"
#include "sc-test-util.h"

static GFile *
file_in (const char *dir,
         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  return g_file_new_for_path (path);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static ScStore *
demo_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  ScStore *store = sc_test_open_store (dir, "demo.db");

  g_assert_true (sc_demo_populate (store, sc_test_session (), NULL, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = demo_store (dir);
  g_autoptr(ScStore) empty = sc_test_open_store (dir, "empty.db");
  g_autoptr(GFile) first = file_in (dir, "first.json");
  g_autoptr(GFile) second = file_in (dir, "second.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  /* Some edits, so that the backup holds more than fresh inserts */
  g_assert_true (sc_store_set_person_active (store, sc_test_session (), 3, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (sc_backup_write (store, sc_test_session (), first, NULL, &error));
  g_assert_no_error (error);

  path = g_file_get_path (first);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  g_assert_true (sc_backup_restore (empty, sc_test_session (), first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_people (empty, TRUE), ==, SC_DEMO_N_PEOPLE);
  g_assert_cmpuint (sc_store_count_people (empty, FALSE), ==, SC_DEMO_N_PEOPLE - 1);

  g_assert_true (sc_backup_write (empty, sc_test_session (), second, NULL, &error));
  g_assert_no_error (error);

  a = read_file (first);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"format\" : \"shiftcraft-backup\""));
  g_assert_nonnull (strstr (a, "person_skill"));
}

/* The group (班组) of each person goes through a backup; a backup from
 * before people had groups restores with everyone in none */
static void
test_crew (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *old_path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(ScStore) store = sc_test_open_store (dir, "crew.db");
  g_autoptr(ScStore) empty = sc_test_open_store (dir, "empty.db");
  g_autoptr(ScStore) old = NULL;
  g_autoptr(ScPerson) person = sc_test_person ("周杰", "G1");
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(GFile) file = file_in (dir, "crew.json");
  g_autoptr(GFile) old_file = file_in (dir, "old.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  sc_person_set_crew (person, "电话二组");
  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  g_assert_no_error (error);
  g_assert_true (sc_backup_write (store, sc_test_session (), file, NULL, &error));
  g_assert_no_error (error);
  json = read_file (file);
  g_assert_nonnull (strstr (json, "\"crew\""));

  g_assert_true (sc_backup_restore (empty, sc_test_session (), file, NULL, &error));
  g_assert_no_error (error);
  read = sc_store_get_person (empty, sc_test_session (), sc_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_person_get_crew (read), ==, "电话二组");
  g_clear_object (&read);

  /* A backup written by schema 9, which had no groups */
  old = _sc_store_open_at_version (old_path, 9, &error);
  g_assert_no_error (error);
  g_assert_true (_sc_store_exec (old,
                                 "INSERT INTO team (id, name, time_zone) VALUES (1, 'T', 'Asia/Shanghai');"
                                 "INSERT INTO person (id, team_id, employee_no, name, role, level)"
                                 " VALUES (5, 1, 'E5', '赵敏', 'agent', 'junior');",
                                 &error));
  g_assert_no_error (error);
  g_assert_true (sc_backup_write (old, sc_test_session (), old_file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&json, g_free);
  json = read_file (old_file);
  g_assert_null (strstr (json, "\"crew\""));
  g_assert_nonnull (strstr (json, "\"schema\" : 9"));

  g_assert_true (sc_backup_restore (empty, sc_test_session (), old_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_people (empty, TRUE), ==, 1);
  read = sc_store_get_person (empty, sc_test_session (), 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_person_get_name (read), ==, "赵敏");
  g_assert_cmpstr (sc_person_get_crew (read), ==, "");
}

static void
test_restore_replaces (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = demo_store (dir);
  g_autoptr(GFile) file = file_in (dir, "backup.json");
  g_autoptr(ScPerson) extra = sc_test_person ("Someone New", "NEW1");
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;

  g_assert_true (sc_backup_write (store, sc_test_session (), file, NULL, &error));
  g_assert_true (sc_store_add_person (store, sc_test_session (), extra, &error));
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, SC_DEMO_N_PEOPLE + 1);

  g_assert_true (sc_backup_restore (store, sc_test_session (), file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, SC_DEMO_N_PEOPLE);

  /* The database as it was before the restore is kept */
  copy = g_strconcat (sc_store_get_path (store), ".before-restore.bak", NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
}

static void
test_bad_backups (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = demo_store (dir);
  struct {
    const char *name;
    const char *contents;
    int code;
    const char *expected;
  } cases[] = {
    { "syntax.json", "{\n \"format\" : \"shiftcraft-backup\",\n \"version\" : 1,,\n}", SC_BACKUP_ERROR_SYNTAX, "line 3" },
    { "array.json", "[1, 2]", SC_BACKUP_ERROR_FORMAT, "array.json" },
    { "format.json", "{\"format\": \"other\", \"version\": 1}", SC_BACKUP_ERROR_FORMAT, "format" },
    { "version.json", "{\"format\": \"shiftcraft-backup\", \"version\": 7, \"schema\": 1, \"tables\": []}", SC_BACKUP_ERROR_VERSION, "7" },
    { "schema.json", "{\"format\": \"shiftcraft-backup\", \"version\": 1, \"schema\": 99, \"tables\": []}", SC_BACKUP_ERROR_VERSION, "99" },
    { "notables.json", "{\"format\": \"shiftcraft-backup\", \"version\": 1, \"schema\": 1}", SC_BACKUP_ERROR_FORMAT, "tables" },
    { "value.json", "{\"format\": \"shiftcraft-backup\", \"version\": 1, \"schema\": 1, \"tables\": ["
                    "{\"name\": \"skill\", \"columns\": [\"id\", \"name\", \"category\"], \"rows\": [[1, [\"x\"], \"channel\"]]}]}",
      SC_BACKUP_ERROR_FORMAT, "row 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = file_in (dir, cases[i].name);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_replace_contents (file, cases[i].contents, strlen (cases[i].contents),
                                              NULL, FALSE, 0, NULL, NULL, NULL));
      g_assert_false (sc_backup_restore (store, sc_test_session (), file, NULL, &error));
      g_assert_error (error, SC_BACKUP_ERROR, cases[i].code);
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, SC_DEMO_N_PEOPLE);
    }
}

static void
test_bad_rows_change_nothing (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = demo_store (dir);
  g_autoptr(GFile) file = file_in (dir, "bad-rows.json");
  g_autoptr(GError) error = NULL;
  /* Well-formed, but the second person points at a team that does not exist */
  const char *contents =
    "{\"format\": \"shiftcraft-backup\", \"version\": 1, \"schema\": 2, \"tables\": ["
    "{\"name\": \"team\", \"columns\": [\"id\", \"name\", \"time_zone\", \"interval_minutes\"], \"rows\": [[1, \"T\", \"UTC\", 30]]},"
    "{\"name\": \"person\", \"columns\": [\"id\", \"team_id\", \"employee_no\", \"name\", \"role\", \"level\"],"
    " \"rows\": [[1, 1, \"A\", \"甲\", \"agent\", \"junior\"], [2, 9, \"B\", \"乙\", \"agent\", \"junior\"]]}]}";
  const char *unknown =
    "{\"format\": \"shiftcraft-backup\", \"version\": 1, \"schema\": 2, \"tables\": ["
    "{\"name\": \"payroll\", \"columns\": [\"id\"], \"rows\": []}]}";

  g_assert_true (g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (sc_backup_restore (store, sc_test_session (), file, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "person"));
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, SC_DEMO_N_PEOPLE);
  g_clear_error (&error);

  g_assert_true (g_file_replace_contents (file, unknown, strlen (unknown), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_false (sc_backup_restore (store, sc_test_session (), file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "payroll"));
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, SC_DEMO_N_PEOPLE);
}

static void
on_write_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_backup_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_backup_restore_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
on_changed_cb (ScStore  *store,
               GStrv     tables,
               gboolean *seen)
{
  g_assert_true (g_strv_contains ((const char * const *) tables, "person"));
  *seen = TRUE;
}

static void
test_async (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = demo_store (dir);
  g_autoptr(ScStore) empty = sc_test_open_store (dir, "empty.db");
  g_autoptr(GFile) file = file_in (dir, "async.json");
  gboolean done = FALSE;
  gboolean seen = FALSE;

  sc_backup_write_async (store, sc_test_session (), file, NULL, on_write_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  /* The changed signal reaches the thread that opened the store */
  g_signal_connect (empty, "changed", G_CALLBACK (on_changed_cb), &seen);
  done = FALSE;
  sc_backup_restore_async (empty, sc_test_session (), file, NULL, on_restore_done_cb, &done);
  while (!done || !seen)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (sc_store_count_people (empty, TRUE), ==, SC_DEMO_N_PEOPLE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/backup/round-trip", test_round_trip);
  g_test_add_func ("/formats/backup/restore-replaces", test_restore_replaces);
  g_test_add_func ("/formats/backup/crew", test_crew);
  g_test_add_func ("/formats/backup/bad-files", test_bad_backups);
  g_test_add_func ("/formats/backup/bad-rows-change-nothing", test_bad_rows_change_nothing);
  g_test_add_func ("/formats/backup/async", test_async);

  return g_test_run ();
}
