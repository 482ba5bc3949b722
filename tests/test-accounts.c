/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <argon2.h>
#include <stdio.h>

#include "sc-credential.h"
#include "sc-permissions.h"
#include "sc-store-private.h"
#include "sc-test-util.h"

static gint64 fake_now = 1800000000;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
test_hash_and_verify (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = sc_credential_hash ("correct horse battery", &error);
  g_autofree char *again = sc_credential_hash ("correct horse battery", &error);
  gboolean rehash = TRUE;
  unsigned int m = 0, t = 0, p = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$"));
  /* The parameters are recorded with the hash */
  g_assert_cmpint (sscanf (hash, "$argon2id$v=19$m=%u,t=%u,p=%u$", &m, &t, &p), ==, 3);
  g_assert_cmpuint (m, >=, 19456);
  g_assert_cmpuint (t, >=, 2);
  /* Salted: the same passphrase never gives the same hash */
  g_assert_cmpstr (hash, !=, again);
  g_assert_null (strstr (hash, "correct"));

  g_assert_true (sc_credential_verify (hash, "correct horse battery", &rehash));
  g_assert_false (rehash);
  g_assert_false (sc_credential_verify (hash, "correct horse batterY", NULL));
  g_assert_false (sc_credential_verify (hash, "", NULL));
  g_assert_false (sc_credential_verify ("not a hash", "x", NULL));
}

static void
test_weak_parameters_rehashed (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScPerson) boss = sc_test_person ("Old Hash", "S9");
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScSession) again = NULL;
  g_autoptr(ScStore) store = sc_test_open_store (dir, "rehash.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char weak[160];
  gboolean rehash = FALSE;

  /* A hash made with weaker parameters, as an older version might have */
  g_assert_cmpint (argon2id_hash_encoded (1, 4096, 1, "password1", 9, "somesaltsomesalt", 16, 32,
                                          weak, sizeof weak), ==, ARGON2_OK);
  g_assert_true (sc_credential_verify (weak, "password1", &rehash));
  g_assert_true (rehash);

  g_assert_true (sc_store_create_first_supervisor (store, boss, SC_CREDENTIAL_PASSPHRASE,
                                                   "password1", &session, &error));
  sql = g_strdup_printf ("UPDATE account SET credential_hash = '%s'", weak);
  g_assert_true (_sc_store_exec (store, sql, &error));

  /* Signing in replaces it with one made with today's parameters */
  again = sc_store_sign_in (store, sc_session_get_account_id (session), "password1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  {
    g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (store, "SELECT credential_hash FROM account", &error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), !=, weak);
    g_assert_true (sc_credential_verify ((const char *) sqlite3_column_text (stmt, 0), "password1", &rehash));
    g_assert_false (rehash);
  }
}

static void
test_rules (void)
{
  struct {
    ScCredentialKind kind;
    const char *secret;
    gboolean ok;
  } cases[] = {
    { SC_CREDENTIAL_PIN, "482915", TRUE },
    { SC_CREDENTIAL_PIN, "48291", FALSE },
    { SC_CREDENTIAL_PIN, "4829a5", FALSE },
    { SC_CREDENTIAL_PIN, "111111", FALSE },
    { SC_CREDENTIAL_PIN, "123456", FALSE },
    { SC_CREDENTIAL_PIN, "987654", FALSE },
    { SC_CREDENTIAL_PIN, "73920184", TRUE },
    { SC_CREDENTIAL_PASSPHRASE, "short", FALSE },
    { SC_CREDENTIAL_PASSPHRASE, "客服中心早班好", FALSE },
    { SC_CREDENTIAL_PASSPHRASE, "客服中心早班最好", TRUE },
    { SC_CREDENTIAL_PASSPHRASE, "tea at four o'clock", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = sc_credential_check_rules (cases[i].kind, cases[i].secret, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK);
    }

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *pin = sc_credential_generate_pin ();
      g_assert_true (sc_credential_check_rules (SC_CREDENTIAL_PIN, pin, NULL));
    }

  g_assert_cmpint (sc_credential_strength (""), ==, 0);
  g_assert_cmpint (sc_credential_strength ("aaaaaaaaaa"), <, sc_credential_strength ("Tea at 4, by the river!"));
}

static ScStore *
store_with_supervisor (const char  *dir,
                       ScSession  **supervisor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) boss = sc_test_person ("刘建华", "S001");
  ScStore *store = sc_test_open_store (dir, "accounts.db");

  store->clock = fake_clock;
  g_assert_false (sc_store_has_accounts (store));
  g_assert_true (sc_store_create_first_supervisor (store, boss, SC_CREDENTIAL_PASSPHRASE,
                                                   "morning shift tea", supervisor, &error));
  g_assert_no_error (error);
  g_assert_true (sc_store_has_accounts (store));
  return store;
}

static void
test_first_supervisor_only_once (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(ScStore) store = store_with_supervisor (dir, &supervisor);
  g_autoptr(ScPerson) intruder = sc_test_person ("Mallory", "X1");
  g_autoptr(ScSession) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sc_session_get_role (supervisor), ==, SC_ACCOUNT_ROLE_SUPERVISOR);
  g_assert_false (sc_store_create_first_supervisor (store, intruder, SC_CREDENTIAL_PIN, "482915",
                                                    &other, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_null (other);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 1);
}

static void
test_sign_in_and_rate_limit (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(ScStore) store = store_with_supervisor (dir, &supervisor);
  g_autoptr(ScPerson) agent = sc_test_person ("王芳", "A001");
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account;

  g_assert_true (sc_store_add_person (store, supervisor, agent, &error));
  account = sc_store_create_account (store, supervisor, sc_person_get_id (agent),
                                     SC_ACCOUNT_ROLE_AGENT, SC_CREDENTIAL_PIN, "482915", &error);
  g_assert_no_error (error);
  g_assert_cmpint (account, >, 0);

  list = sc_store_get_sign_in_accounts (store, &error);
  g_assert_cmpuint (list->len, ==, 2);

  session = sc_store_sign_in (store, account, "482915", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_session_get_role (session), ==, SC_ACCOUNT_ROLE_AGENT);
  g_assert_cmpint (sc_session_get_person_id (session), ==, sc_person_get_id (agent));
  g_clear_object (&session);

  /* Three wrong tries are free */
  for (int i = 0; i < 3; i++)
    {
      g_assert_null (sc_store_sign_in (store, account, "000001", &error));
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_WRONG_CREDENTIAL);
      g_clear_error (&error);
    }

  /* Then even the right one must wait */
  g_assert_null (sc_store_sign_in (store, account, "482915", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);

  fake_now += 5;
  session = sc_store_sign_in (store, account, "482915", &error);
  g_assert_no_error (error);
  g_clear_object (&session);

  /* Ten wrong tries in a row lock the account, waiting out each delay */
  for (int i = 0; i < 10; i++)
    {
      fake_now += 600;
      g_assert_null (sc_store_sign_in (store, account, "000001", &error));
      g_assert_true (error->code == SC_STORE_ERROR_WRONG_CREDENTIAL || (i == 9 && error->code == SC_STORE_ERROR_LOCKED));
      g_clear_error (&error);
    }

  fake_now += 3600;
  g_assert_null (sc_store_sign_in (store, account, "482915", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* An agent cannot unlock; a supervisor can */
  {
    g_autoptr(ScSession) agent_session = sc_session_new (account, sc_person_get_id (agent),
                                                          SC_ACCOUNT_ROLE_AGENT, "王芳");
    g_assert_false (sc_store_unlock_account (store, agent_session, account, &error));
    g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_true (sc_store_unlock_account (store, supervisor, account, &error));
  session = sc_store_sign_in (store, account, "482915", &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
}

static void
test_credentials_stay_out (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(ScStore) store = store_with_supervisor (dir, &supervisor);
  g_autoptr(GVariant) dump = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  dump = sc_store_dump (store, supervisor, &error);
  g_assert_no_error (error);
  text = g_variant_print (dump, FALSE);
  g_assert_null (strstr (text, "argon2"));
  g_assert_null (strstr (text, "credential_hash"));
  g_assert_null (strstr (text, "morning shift tea"));
  g_assert_nonnull (strstr (text, "'account'"));

  audit = sc_store_get_audit (store, supervisor, NULL, NULL, NULL, NULL, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      ScAuditEntry *entry = g_ptr_array_index (audit, i);
      g_assert_null (strstr (sc_audit_entry_get_summary (entry), "morning"));
      g_assert_null (strstr (sc_audit_entry_get_summary (entry), "argon2"));
    }
}

static void
test_idle_setting (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(ScStore) store = store_with_supervisor (dir, &supervisor);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sc_store_get_idle_minutes (store), ==, 15);
  g_assert_true (sc_store_set_idle_minutes (store, supervisor, 30, &error));
  g_assert_cmpint (sc_store_get_idle_minutes (store), ==, 30);
  g_assert_false (sc_store_set_idle_minutes (store, supervisor, 0, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_cmpint (sc_store_get_idle_minutes (store), ==, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/accounts/hash-and-verify", test_hash_and_verify);
  g_test_add_func ("/core/accounts/weak-parameters", test_weak_parameters_rehashed);
  g_test_add_func ("/core/accounts/rules", test_rules);
  g_test_add_func ("/core/accounts/first-supervisor-once", test_first_supervisor_only_once);
  g_test_add_func ("/core/accounts/sign-in-rate-limit", test_sign_in_and_rate_limit);
  g_test_add_func ("/core/accounts/credentials-stay-out", test_credentials_stay_out);
  g_test_add_func ("/core/accounts/idle-setting", test_idle_setting);

  return g_test_run ();
}
