/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "sc-store-private.h"
#include "sc-test-util.h"

static void
on_changed_cb (ScStore    *store,
               GStrv       tables,
               GPtrArray  *log)
{
  g_ptr_array_add (log, g_strjoinv (",", tables));
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
test_open_new (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "shiftcraft.db", NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *version = NULL;
  g_autofree char *strict = NULL;
  GStatBuf st;

  store = sc_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sc_store_get_schema_version (store), ==, sc_store_get_latest_version ());
  g_assert_cmpint (sc_store_get_latest_version (), >=, 2);
  g_assert_true (sc_store_is_empty (store));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  journal = query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  version = query_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, sc_store_get_latest_version ());
  strict = query_text (path, "SELECT group_concat (name) FROM pragma_table_list WHERE strict = 0 AND name NOT LIKE 'sqlite_%'");
  g_assert_null (strict);
}

static void
create_at_version (const char *path,
                   int         version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = _sc_store_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sc_store_get_schema_version (store), ==, version);

  if (version >= 1)
    {
      /* Data written the way that schema version wrote it */
      g_assert_true (_sc_store_exec (store,
                                     "INSERT INTO team (id, name, time_zone) VALUES (1, 'T', 'Asia/Shanghai');"
                                     "INSERT INTO skill (id, name, category) VALUES (1, '普通话', 'language');"
                                     "INSERT INTO person (id, team_id, employee_no, name, role, level)"
                                     " VALUES (7, 1, 'E7', '王芳', 'agent', 'senior');"
                                     "INSERT INTO person_skill VALUES (7, 1, 5);",
                                     &error));
      g_assert_no_error (error);
    }
}

/* Schema numbers need not be contiguous: a number no migration file has
 * is no schema a database was ever written with */
static gboolean
has_migration (int version)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE "/migrations", 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("%04d-", version);

  if (version == 0)
    return TRUE;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_migrate_from_every_version (void)
{
  int latest = sc_store_get_latest_version ();

  for (int version = 0; version < latest; version++)
    {
      g_autofree char *dir = sc_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autofree char *copy = g_strdup_printf ("%s.schema-%d.bak", path, version);
      g_autoptr(ScStore) store = NULL;
      g_autoptr(GError) error = NULL;

      if (!has_migration (version))
        continue;

      create_at_version (path, version);

      store = sc_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (sc_store_get_schema_version (store), ==, latest);

      if (version >= 1)
        {
          g_autoptr(ScPerson) person = sc_store_get_person (store, sc_test_session (), 7, &error);
          g_autoptr(GPtrArray) skills = NULL;
          g_autofree char *copy_version = NULL;

          g_assert_no_error (error);
          g_assert_cmpstr (sc_person_get_name (person), ==, "王芳");
          g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);
          g_assert_null (sc_person_get_email (person));
          g_assert_cmpstr (sc_person_get_crew (person), ==, "");
          skills = sc_store_get_person_skills (store, sc_test_session (), 7, &error);
          g_assert_cmpuint (skills->len, ==, 1);

          /* The copy taken before the migration is the old schema with the data */
          g_assert_true (g_file_test (copy, G_FILE_TEST_EXISTS));
          copy_version = query_text (copy, "PRAGMA user_version");
          g_assert_cmpint (atoi (copy_version), ==, version);
          g_free (copy_version);
          copy_version = query_text (copy, "SELECT name FROM person WHERE id = 7");
          g_assert_cmpstr (copy_version, ==, "王芳");
        }
      else
        g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

      /* Opening again changes nothing */
      g_clear_object (&store);
      store = sc_store_open (path, &error);
      g_assert_no_error (error);
    }
}

/* The group (班组) a person is in: stored trimmed, listed once each in
 * the language's order, audited when it changes, checked for length */
static void
test_person_crew (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "crew.db");
  static const struct { const char *name; const char *no; const char *crew; } people[] = {
    { "张伟", "C1", " 投诉一组 " },
    { "李娜", "C2", "Chat B" },
    { "王芳", "C3", "投诉一组" },
    { "刘洋", "C4", "" },
    { "陈静", "C5", "Chat A" },
  };
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(ScPerson) long_crew = sc_test_person ("Too Long", "C9");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) crews = NULL;
  g_autofree char *name = NULL;
  gint64 first_id = 0;

  g_assert_cmpstr (sc_person_get_crew (long_crew), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(ScPerson) person = sc_test_person (people[i].name, people[i].no);

      sc_person_set_crew (person, people[i].crew);
      g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
      g_assert_no_error (error);
      if (i == 0)
        first_id = sc_person_get_id (person);
    }

  read = sc_store_get_person (store, sc_test_session (), first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_person_get_crew (read), ==, "投诉一组");

  /* Each group once, sorted, no empty group */
  crews = sc_store_get_crews (store, sc_test_session (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (crews), ==, 3);
  g_assert_cmpstr (crews[0], ==, "Chat A");
  g_assert_cmpstr (crews[1], ==, "Chat B");
  g_assert_cmpstr (crews[2], ==, "投诉一组");

  /* A change of group is in the audit trail, with both names */
  sc_person_set_crew (read, "Chat A");
  g_assert_true (sc_store_update_person (store, sc_test_session (), read, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = sc_store_get_person (store, sc_test_session (), first_id, &error);
  g_assert_cmpstr (sc_person_get_crew (read), ==, "Chat A");
  entries = sc_store_get_audit (store, sc_test_session (), "person", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  {
    const char *summary = sc_audit_entry_get_summary (g_ptr_array_index (entries, 0));

    g_test_message ("%s", summary);
    g_assert_nonnull (strstr (summary, "crew: 投诉一组 → Chat A"));
  }

  /* Out of a group, and the group list follows; people who left count not */
  sc_person_set_crew (read, NULL);
  g_assert_cmpstr (sc_person_get_crew (read), ==, "");
  g_assert_true (sc_store_update_person (store, sc_test_session (), read, &error));
  g_assert_true (sc_store_set_person_active (store, sc_test_session (), first_id + 1, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&crews, g_strfreev);
  crews = sc_store_get_crews (store, sc_test_session (), &error);
  g_assert_cmpuint (g_strv_length (crews), ==, 2);
  g_assert_cmpstr (crews[0], ==, "Chat A");
  g_assert_cmpstr (crews[1], ==, "投诉一组");

  /* Too long a name: refused, saying what */
  name = g_strnfill (51, 'x');
  sc_person_set_crew (long_crew, name);
  g_assert_false (sc_store_add_person (store, sc_test_session (), long_crew, &error));
  g_assert_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Group"));
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, G_N_ELEMENTS (people));
}

static void
test_too_new (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;

  store = sc_test_open_store (dir, "new.db");
  g_assert_true (_sc_store_exec (store, "PRAGMA user_version = 999", &error));
  g_clear_object (&store);

  store = sc_store_open (path, &error);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "999"));
}

static void
test_corrupt (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  char garbage[4096];

  memset (garbage, 'x', sizeof garbage);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  store = sc_store_open (path, &error);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_null (store);
}

static void
test_person_crud (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "crud.db");
  g_autoptr(ScPerson) person = sc_test_person ("  李娜 ", "E100");
  g_autoptr(ScPerson) other = sc_test_person ("Amy Leung", "E100");
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(GError) error = NULL;

  sc_person_set_role (person, SC_ROLE_TECHNICAL_SUPPORT);
  sc_person_set_level (person, SC_LEVEL_INTERMEDIATE);
  sc_person_set_hire_date (person, "2023-05-02");
  sc_person_set_email (person, "lina@example.com");
  sc_person_set_max_minutes_week (person, 30 * 60);
  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sc_person_get_id (person), >, 0);

  /* A team was made for the first person, in a real time zone */
  team = sc_store_get_team (store, &error);
  g_assert_nonnull (team);
  g_assert_nonnull (sc_team_get_time_zone (team));

  read = sc_store_get_person (store, sc_test_session (), sc_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_person_get_name (read), ==, "李娜");
  g_assert_cmpstr (sc_person_get_employee_no (read), ==, "E100");
  g_assert_cmpint (sc_person_get_role (read), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpint (sc_person_get_level (read), ==, SC_LEVEL_INTERMEDIATE);
  g_assert_cmpstr (sc_person_get_hire_date (read), ==, "2023-05-02");
  g_assert_cmpstr (sc_person_get_email (read), ==, "lina@example.com");
  g_assert_cmpint (sc_person_get_max_minutes_week (read), ==, 1800);
  g_assert_true (sc_person_get_active (read));

  /* Duplicate employee number */
  g_assert_false (sc_store_add_person (store, sc_test_session (), other, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "E100"));
  g_clear_error (&error);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 1);

  sc_person_set_employee_no (other, "E101");
  g_assert_true (sc_store_add_person (store, sc_test_session (), other, &error));
  g_assert_no_error (error);

  /* Update */
  sc_person_set_level (read, SC_LEVEL_SENIOR);
  g_assert_true (sc_store_update_person (store, sc_test_session (), read, &error));
  g_clear_object (&person);
  person = sc_store_get_person (store, sc_test_session (), sc_person_get_id (read), &error);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);

  /* Deactivate someone who left */
  g_assert_true (sc_store_set_person_active (store, sc_test_session (), sc_person_get_id (read), FALSE, &error));
  g_assert_cmpuint (sc_store_count_people (store, FALSE), ==, 1);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 2);
  people = sc_store_get_people (store, sc_test_session (), FALSE, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (sc_person_get_name (g_ptr_array_index (people, 0)), ==, "Amy Leung");
  g_clear_pointer (&people, g_ptr_array_unref);
  people = sc_store_get_people (store, sc_test_session (), TRUE, &error);
  g_assert_cmpuint (people->len, ==, 2);

  /* Not found */
  g_assert_null (sc_store_get_person (store, sc_test_session (), 4242, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
}

static void
test_person_validation (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "valid.db");
  struct {
    const char *name;
    const char *employee_no;
    const char *hire_date;
    const char *email;
    int min_minutes;
    int max_minutes;
    int max_days;
    const char *expected;
  } cases[] = {
    { "", "E1", NULL, NULL, 0, 2400, 6, "Name" },
    { "   ", "E1", NULL, NULL, 0, 2400, 6, "Name" },
    { "张伟", "", NULL, NULL, 0, 2400, 6, "Employee number" },
    { "张伟", "E1", "2024-13-01", NULL, 0, 2400, 6, "2024-13-01" },
    { "张伟", "E1", "01/02/2024", NULL, 0, 2400, 6, "01/02/2024" },
    { "张伟", "E1", NULL, "not-an-address", 0, 2400, 6, "not-an-address" },
    { "张伟", "E1", NULL, NULL, 3000, 2400, 6, "Minimum weekly hours" },
    { "张伟", "E1", NULL, NULL, 0, 20000, 6, "168" },
    { "张伟", "E1", NULL, NULL, 0, 2400, 0, "consecutive" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScPerson) person = sc_test_person (cases[i].name, cases[i].employee_no);
      g_autoptr(GError) error = NULL;

      sc_person_set_hire_date (person, cases[i].hire_date);
      sc_person_set_email (person, cases[i].email);
      sc_person_set_min_minutes_week (person, cases[i].min_minutes);
      sc_person_set_max_minutes_week (person, cases[i].max_minutes);
      sc_person_set_max_consecutive_days (person, cases[i].max_days);

      g_assert_false (sc_store_add_person (store, sc_test_session (), person, &error));
      g_assert_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }

  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 0);
}

static void
test_skills (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "skills.db");
  g_autoptr(ScSkill) phone = sc_skill_new ("Phone", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(ScSkill) mandarin = sc_skill_new ("普通话", SC_SKILL_CATEGORY_LANGUAGE);
  g_autoptr(ScSkill) again = sc_skill_new ("phone", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(ScSkill) found = NULL;
  g_autoptr(ScPerson) person = sc_test_person ("陈静", "E9");
  g_autoptr(ScPerson) read = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (sc_store_add_skill (store, sc_test_session (), phone, &error));
  g_assert_true (sc_store_add_skill (store, sc_test_session (), mandarin, &error));
  g_assert_no_error (error);
  g_assert_false (sc_store_add_skill (store, sc_test_session (), again, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  found = sc_store_find_skill (store, "PHONE", &error);
  g_assert_nonnull (found);
  g_assert_cmpint (sc_skill_get_id (found), ==, sc_skill_get_id (phone));
  g_assert_null (sc_store_find_skill (store, "Fax", &error));
  g_assert_no_error (error);

  skills = sc_store_get_skills (store, &error);
  g_assert_cmpuint (skills->len, ==, 2);
  /* channel comes before language */
  g_assert_cmpstr (sc_skill_get_name (g_ptr_array_index (skills, 0)), ==, "Phone");
  g_clear_pointer (&skills, g_ptr_array_unref);

  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  id = sc_person_get_id (person);
  g_assert_true (sc_store_set_person_skill (store, sc_test_session (), id, sc_skill_get_id (phone), 3, &error));
  g_assert_true (sc_store_set_person_skill (store, sc_test_session (), id, sc_skill_get_id (mandarin), 5, &error));
  g_assert_true (sc_store_set_person_skill (store, sc_test_session (), id, sc_skill_get_id (phone), 4, &error));
  g_assert_no_error (error);

  g_assert_false (sc_store_set_person_skill (store, sc_test_session (), id, sc_skill_get_id (phone), 6, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_set_person_skill (store, sc_test_session (), 999, sc_skill_get_id (phone), 2, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  skills = sc_store_get_person_skills (store, sc_test_session (), id, &error);
  g_assert_cmpuint (skills->len, ==, 2);
  g_assert_cmpint (sc_person_skill_get_proficiency (g_ptr_array_index (skills, 0)), ==, 4);
  g_assert_cmpint (sc_person_skill_get_category (g_ptr_array_index (skills, 1)), ==, SC_SKILL_CATEGORY_LANGUAGE);

  read = sc_store_get_person (store, sc_test_session (), id, &error);
  g_assert_cmpstr (sc_person_get_skills_summary (read), ==, "普通话 5, Phone 4");

  g_assert_true (sc_store_remove_person_skill (store, sc_test_session (), id, sc_skill_get_id (phone), &error));
  g_clear_pointer (&skills, g_ptr_array_unref);
  skills = sc_store_get_person_skills (store, sc_test_session (), id, &error);
  g_assert_cmpuint (skills->len, ==, 1);
}

static void
test_rollback (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "rollback.db");
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ScPerson) a = sc_test_person ("周杰", "A1");
  g_autoptr(ScPerson) b = sc_test_person ("吴敏", "A1");
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), log);

  g_assert_true (sc_store_begin (store, &error));
  g_assert_true (sc_store_add_person (store, sc_test_session (), a, &error));
  g_assert_false (sc_store_add_person (store, sc_test_session (), b, &error)); /* duplicate */
  g_clear_error (&error);
  sc_store_rollback (store);

  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 0);
  g_assert_null (sc_store_get_team (store, &error));
  g_assert_cmpuint (log->len, ==, 0);

  /* A failed nested part makes the whole transaction fail at commit */
  g_clear_object (&b);
  b = sc_test_person ("吴敏", "A2");
  g_assert_true (sc_store_begin (store, &error));
  g_assert_true (sc_store_add_person (store, sc_test_session (), b, &error));
  g_assert_true (sc_store_begin (store, &error));
  sc_store_rollback (store);
  g_assert_false (sc_store_commit (store, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_QUERY);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 0);
  g_assert_cmpuint (log->len, ==, 0);
}

static void
test_changed (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "changed.db");
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ScPerson) person = sc_test_person ("Grace Liu", "G1");
  g_autoptr(ScSkill) skill = sc_skill_new ("Email", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), log);

  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "audit_entry,person,team");

  g_assert_true (sc_store_begin (store, &error));
  g_assert_true (sc_store_add_skill (store, sc_test_session (), skill, &error));
  g_assert_true (sc_store_set_person_skill (store, sc_test_session (), sc_person_get_id (person), sc_skill_get_id (skill), 2, &error));
  g_assert_cmpuint (log->len, ==, 1); /* nothing until commit */
  g_assert_true (sc_store_commit (store, &error));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "audit_entry,person_skill,skill");

  /* A failed write says nothing */
  g_assert_false (sc_store_set_person_skill (store, sc_test_session (), 12345, sc_skill_get_id (skill), 2, &error));
  g_assert_cmpuint (log->len, ==, 2);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "full.db");
  g_autoptr(GError) error = NULL;
  gboolean failed = FALSE;
  guint before;
  guint i;

  /* Cap the file at a few pages so that writes hit SQLITE_FULL */
  g_assert_true (_sc_store_exec (store, "PRAGMA max_page_count = 12", &error));

  for (i = 0; i < 2000 && !failed; i++)
    {
      g_autofree char *no = g_strdup_printf ("F%04u", i);
      g_autofree char *name = g_strdup_printf ("一个很长的名字用来填满数据库的页面 %u %s", i,
                                               "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
      g_autoptr(ScPerson) person = sc_test_person (name, no);

      before = sc_store_count_people (store, TRUE);
      if (!sc_store_add_person (store, sc_test_session (), person, &error))
        failed = TRUE;
    }

  g_assert_true (failed);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  /* The failed write left nothing half-done */
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, before);
}

static void
test_team (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "team.db");
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(ScTeam) read = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (sc_store_get_team (store, &error));
  g_assert_no_error (error);

  team = sc_store_ensure_team (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_team_get_interval_minutes (team), ==, 30);

  sc_team_set_time_zone (team, "Mars/Olympus_Mons");
  g_assert_false (sc_store_save_team (store, sc_test_session (), team, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_clear_error (&error);

  sc_team_set_time_zone (team, "Asia/Shanghai");
  sc_team_set_interval_minutes (team, 15);
  g_assert_true (sc_store_save_team (store, sc_test_session (), team, &error));
  read = sc_store_get_team (store, &error);
  g_assert_cmpstr (sc_team_get_time_zone (read), ==, "Asia/Shanghai");
  g_assert_cmpint (sc_team_get_interval_minutes (read), ==, 15);

  tz = sc_team_dup_timezone (read);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Asia/Shanghai");
}

static void
test_file_safety (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *folder = g_build_filename (dir, "data", NULL);
  g_autofree char *path = g_build_filename (folder, "safe.db", NULL);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  GStatBuf st;

  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (sc_store_check_private (path, NULL));

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_false (sc_store_check_private (path, &problem));
  g_assert_nonnull (strstr (problem, path));
  g_clear_pointer (&problem, g_free);

  g_assert_true (sc_store_make_private (path, &error));
  g_assert_true (sc_store_check_private (path, NULL));

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_false (sc_store_check_private (path, &problem));
  g_assert_nonnull (strstr (problem, folder));
  g_assert_true (sc_store_make_private (path, &error));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/open/new", test_open_new);
  g_test_add_func ("/core/store/migrate/from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/core/store/open/too-new", test_too_new);
  g_test_add_func ("/core/store/open/corrupt", test_corrupt);
  g_test_add_func ("/core/store/person/crud", test_person_crud);
  g_test_add_func ("/core/store/person/validation", test_person_validation);
  g_test_add_func ("/core/store/person/crew", test_person_crew);
  g_test_add_func ("/core/store/skills", test_skills);
  g_test_add_func ("/core/store/transaction/rollback", test_rollback);
  g_test_add_func ("/core/store/changed", test_changed);
  g_test_add_func ("/core/store/disk-full", test_disk_full);
  g_test_add_func ("/core/store/team", test_team);
  g_test_add_func ("/core/store/file-safety", test_file_safety);

  return g_test_run ();
}
