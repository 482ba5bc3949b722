/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-audit-csv.h"
#include "sc-backup.h"
#include "sc-store-private.h"
#include "sc-test-util.h"

/* The newest audit entry, checked against what it must say */
static void
assert_last_entry (ScStore    *store,
                   ScSession  *reader,
                   const char *actor,
                   const char *action,
                   const char *table,
                   const char *summary_part)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ScAuditEntry *entry;

  entries = sc_store_get_audit (store, reader, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  entry = g_ptr_array_index (entries, 0);

  g_test_message ("%s %s %s %s: %s", sc_audit_entry_get_at (entry), sc_audit_entry_get_actor (entry),
                  sc_audit_entry_get_action (entry), sc_audit_entry_get_table_name (entry),
                  sc_audit_entry_get_summary (entry));
  g_assert_cmpstr (sc_audit_entry_get_actor (entry), ==, actor);
  g_assert_cmpstr (sc_audit_entry_get_action (entry), ==, action);
  g_assert_cmpstr (sc_audit_entry_get_table_name (entry), ==, table);
  g_assert_nonnull (strstr (sc_audit_entry_get_summary (entry), summary_part));
  g_assert_true (g_str_has_suffix (sc_audit_entry_get_at (entry), "Z"));
}

static void
test_each_kind_of_change (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "audit.db");
  g_autoptr(ScPerson) boss = sc_test_person ("刘建华", "S001");
  g_autoptr(ScPerson) agent = sc_test_person ("王芳", "A001");
  g_autoptr(ScSkill) skill = sc_skill_new ("Complaint handling", SC_SKILL_CATEGORY_EMOTION_MANAGEMENT);
  g_autoptr(ScSession) s = NULL;
  g_autoptr(ScSession) agent_session = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "b.json", NULL);
  gint64 account;

  g_assert_true (sc_store_create_first_supervisor (store, boss, SC_CREDENTIAL_PASSPHRASE,
                                                   "morning shift tea", &s, &error));
  assert_last_entry (store, s, "刘建华", "create", "account", "supervisor");

  g_assert_true (sc_store_add_person (store, s, agent, &error));
  assert_last_entry (store, s, "刘建华", "insert", "person", "王芳 (A001)");

  sc_person_set_level (agent, SC_LEVEL_SENIOR);
  sc_person_set_email (agent, "wf@example.com");
  g_assert_true (sc_store_update_person (store, s, agent, &error));
  assert_last_entry (store, s, "刘建华", "update", "person", "level: junior → senior");
  assert_last_entry (store, s, "刘建华", "update", "person", "email: ∅ → wf@example.com");

  g_assert_true (sc_store_set_person_active (store, s, sc_person_get_id (agent), FALSE, &error));
  assert_last_entry (store, s, "刘建华", "update", "person", "active: 1 → 0");
  g_assert_true (sc_store_set_person_active (store, s, sc_person_get_id (agent), TRUE, &error));

  g_assert_true (sc_store_add_skill (store, s, skill, &error));
  assert_last_entry (store, s, "刘建华", "insert", "skill", "Complaint handling");

  g_assert_true (sc_store_set_person_skill (store, s, sc_person_get_id (agent), sc_skill_get_id (skill), 3, &error));
  assert_last_entry (store, s, "刘建华", "insert", "person_skill", "王芳, Complaint handling: ∅ → 3");
  g_assert_true (sc_store_set_person_skill (store, s, sc_person_get_id (agent), sc_skill_get_id (skill), 4, &error));
  assert_last_entry (store, s, "刘建华", "update", "person_skill", "3 → 4");
  g_assert_true (sc_store_remove_person_skill (store, s, sc_person_get_id (agent), sc_skill_get_id (skill), &error));
  assert_last_entry (store, s, "刘建华", "delete", "person_skill", "4 → ∅");

  team = sc_store_get_team (store, &error);
  sc_team_set_time_zone (team, "Asia/Shanghai");
  g_assert_true (sc_store_save_team (store, s, team, &error));
  assert_last_entry (store, s, "刘建华", "save", "team", "Asia/Shanghai");

  account = sc_store_create_account (store, s, sc_person_get_id (agent), SC_ACCOUNT_ROLE_AGENT,
                                     SC_CREDENTIAL_PIN, "582913", &error);
  assert_last_entry (store, s, "刘建华", "create", "account", "王芳: agent, pin");

  agent_session = sc_store_sign_in (store, account, "582913", &error);
  g_assert_no_error (error);
  assert_last_entry (store, s, "王芳", "sign-in", "account", "");

  g_assert_null (sc_store_sign_in (store, account, "000001", NULL));
  assert_last_entry (store, s, "王芳", "sign-in-failed", "account", "");

  g_assert_true (sc_store_set_credential (store, agent_session, account, SC_CREDENTIAL_PIN, "739201", &error));
  assert_last_entry (store, s, "王芳", "credential", "account", "new pin");

  g_assert_true (sc_store_set_account_role (store, s, account, SC_ACCOUNT_ROLE_TRAINER, &error));
  assert_last_entry (store, s, "刘建华", "update", "account", "agent → trainer");

  g_assert_true (sc_store_unlock_account (store, s, account, &error));
  assert_last_entry (store, s, "刘建华", "unlock", "account", "王芳");

  g_assert_true (sc_store_set_idle_minutes (store, s, 10, &error));
  assert_last_entry (store, s, "刘建华", "update", "setting", "idle-minutes = 10");

  file = g_file_new_for_path (path);
  g_assert_true (sc_backup_write (store, s, file, NULL, &error));
  g_assert_true (sc_backup_restore (store, s, file, NULL, &error));
  g_assert_no_error (error);
  assert_last_entry (store, s, "刘建华", "restore", "*", "rows");

  /* The restore kept the credentials of the accounts it brought back */
  g_clear_object (&agent_session);
  agent_session = sc_store_sign_in (store, account, "739201", &error);
  g_assert_no_error (error);

  g_assert_true (sc_store_delete_account (store, s, account, &error));
  assert_last_entry (store, s, "刘建华", "delete", "account", "王芳");
}

static void
test_command_line_actor (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "cli.db");
  g_autoptr(ScPerson) person = sc_test_person ("Amy Leung", "E1");
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = g_strdup_printf ("%s (command line)", g_get_user_name ());

  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  assert_last_entry (store, sc_test_session (), actor, "insert", "person", "Amy Leung");
}

static void
test_append_only_and_filters (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "filters.db");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *no = g_strdup_printf ("P%u", i);
      g_autoptr(ScPerson) person = sc_test_person (i % 2 ? "陈静" : "Daniel Lee", no);
      g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
    }

  entries = sc_store_get_audit (store, sc_test_session (), "person", NULL, NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = sc_store_get_audit (store, sc_test_session (), NULL, "陈静", NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = sc_store_get_audit (store, sc_test_session (), NULL, NULL, "2000-01-01T00:00:00Z", "2000-01-02T00:00:00Z", &error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Nothing can change or remove an entry, not even SQL in core */
  g_assert_false (_sc_store_exec (store, "DELETE FROM audit_entry", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (_sc_store_exec (store, "UPDATE audit_entry SET actor = 'someone else'", &error));
  g_clear_error (&error);
  entries = sc_store_get_audit (store, sc_test_session (), "person", NULL, NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 5);
}

static void
test_export_csv (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "audit.csv", NULL);
  g_autoptr(ScStore) store = sc_test_open_store (dir, "export.db");
  g_autoptr(ScPerson) person = sc_test_person ("Lee, \"Danny\" 李", "E1");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScSession) agent = sc_session_new (5, 5, SC_ACCOUNT_ROLE_AGENT, "王芳");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (sc_store_add_person (store, sc_test_session (), person, &error));
  g_assert_true (sc_audit_csv_write (store, sc_test_session (), NULL, NULL, NULL, NULL, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "time_utc,actor,action,table,row,summary\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4); /* header, person, team, and the end */
  g_assert_nonnull (strstr (lines[1], ",insert,person,1,\"Lee, \"\"Danny\"\" 李 (E1), agent, junior\""));

  /* Only supervisors read the trail, so only they can export it */
  g_assert_false (sc_audit_csv_write (store, agent, NULL, NULL, NULL, NULL, file, NULL, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/audit/each-kind-of-change", test_each_kind_of_change);
  g_test_add_func ("/core/audit/command-line-actor", test_command_line_actor);
  g_test_add_func ("/core/audit/append-only-and-filters", test_append_only_and_filters);
  g_test_add_func ("/formats/audit-csv/export", test_export_csv);

  return g_test_run ();
}
