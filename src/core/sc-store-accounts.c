/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-credential.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * Accounts, sign-in with rate limiting, the audit trail and team-wide
 * settings. Credentials are only ever hashes (sc-credential.c), never
 * logged, never in a backup (sc-store-backup.c leaves the column out).
 */

#define FREE_ATTEMPTS        3     /* failures before the first delay */
#define FIRST_DELAY_SECONDS  5     /* doubles with each further failure */
#define MAX_DELAY_SECONDS    300
#define LOCK_AFTER_FAILURES  10
#define DEFAULT_IDLE_MINUTES 15

#define ACCOUNT_COLUMNS                                                            \
  "a.id, a.person_id, p.name, p.employee_no, a.role, a.credential_kind, "          \
  "a.credential_hash IS NOT NULL, a.failed_attempts, a.locked"

/**
 * _sc_store_audit:
 *
 * Appends an entry to the audit trail, inside the caller's transaction.
 */
gboolean
_sc_store_audit (ScStore     *self,
                 ScSession   *session,
                 const char  *action,
                 const char  *table,
                 gint64       row_id,
                 const char  *summary,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = _sc_store_format_utc (_sc_store_now (self));

  stmt = _sc_store_prepare (self,
                            "INSERT INTO audit_entry (at, account_id, actor, action, table_name, row_id, summary)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  if (session != NULL && sc_session_get_account_id (session) != 0)
    sqlite3_bind_int64 (stmt, 2, sc_session_get_account_id (session));
  sqlite3_bind_text (stmt, 3, session ? sc_session_get_display_name (session) : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, table, -1, SQLITE_STATIC);
  if (row_id != 0)
    sqlite3_bind_int64 (stmt, 6, row_id);
  sqlite3_bind_text (stmt, 7, summary ? summary : "", -1, SQLITE_TRANSIENT);

  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;

  _sc_store_touch (self, "audit_entry");
  return TRUE;
}

static ScAccount *
account_from_row (sqlite3_stmt *stmt)
{
  ScAccount *account = g_object_new (SC_TYPE_ACCOUNT, NULL);
  ScAccountRole role = SC_ACCOUNT_ROLE_AGENT;

  sc_account_role_from_string (_sc_store_column_text (stmt, 4), &role);
  sc_account_set_id (account, sqlite3_column_int64 (stmt, 0));
  sc_account_set_person_id (account, sqlite3_column_int64 (stmt, 1));
  sc_account_set_person_name (account, _sc_store_column_text (stmt, 2));
  sc_account_set_employee_no (account, _sc_store_column_text (stmt, 3));
  sc_account_set_role (account, role);
  sc_account_set_credential_kind (account, _sc_store_column_text (stmt, 5));
  sc_account_set_has_credential (account, sqlite3_column_int (stmt, 6) != 0);
  sc_account_set_failed_attempts (account, sqlite3_column_int (stmt, 7));
  sc_account_set_locked (account, sqlite3_column_int (stmt, 8) != 0);
  return account;
}

static GPtrArray *
query_accounts (ScStore     *self,
                const char  *where,
                gint64       param,
                GError     **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT " ACCOUNT_COLUMNS " FROM account a JOIN person p ON p.id = a.person_id"
                         " WHERE %s ORDER BY p.name COLLATE NOCASE, a.id",
                         where);
  if (!(stmt = _sc_store_prepare (self, sql, error)))
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (accounts, account_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

/**
 * sc_store_has_accounts:
 *
 * Returns: %TRUE once the first supervisor account exists
 */
gboolean
sc_store_has_accounts (ScStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  stmt = _sc_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM account)", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/**
 * sc_store_get_sign_in_accounts:
 *
 * The accounts of active people, for “Who is using Shiftcraft?”. Needs no
 * session: it shows names and roles only.
 *
 * Returns: (transfer full) (element-type ScAccount):
 */
GPtrArray *
sc_store_get_sign_in_accounts (ScStore  *self,
                               GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return query_accounts (self, "p.active = 1", 0, error);
}

/**
 * sc_store_get_accounts:
 * Returns: (transfer full) (element-type ScAccount): every account
 */
GPtrArray *
sc_store_get_accounts (ScStore    *self,
                       ScSession  *session,
                       GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_READ, 0, error))
    return NULL;

  return query_accounts (self, "1", 0, error);
}

static ScAccount *
get_account (ScStore  *self,
             gint64    account_id,
             GError  **error)
{
  g_autoptr(GPtrArray) accounts = query_accounts (self, "a.id = ?1", account_id, error);

  if (accounts == NULL)
    return NULL;

  if (accounts->len == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no account with id %lld"), (long long) account_id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (accounts, 0));
}

/**
 * sc_store_get_account_for_person:
 * Returns: (transfer full) (nullable): the person's account, or %NULL
 *   without an error when they have none
 */
ScAccount *
sc_store_get_account_for_person (ScStore    *self,
                                 ScSession  *session,
                                 gint64      person_id,
                                 GError    **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_READ, 0, error))
    return NULL;

  if (!(accounts = query_accounts (self, "a.person_id = ?1", person_id, error)))
    return NULL;

  return accounts->len ? g_object_ref (g_ptr_array_index (accounts, 0)) : NULL;
}

static gboolean
insert_account (ScStore           *self,
                ScSession         *session,
                gint64             person_id,
                ScAccountRole      role,
                ScCredentialKind   kind,
                const char        *secret,
                gint64            *account_id,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(ScPerson) person = NULL;

  if (!sc_credential_check_rules (kind, secret, error))
    return FALSE;

  if (!(person = _sc_store_get_person_unchecked (self, person_id, error)))
    return FALSE;

  if (!(hash = sc_credential_hash (secret, error)))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO account (person_id, role, credential_kind, credential_hash, created_at)"
                            " VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;

  at = _sc_store_format_utc (_sc_store_now (self));
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, sc_account_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sc_credential_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("%s already has an account"), sc_person_get_name (person));
      else
        _sc_store_set_error (self, error);
      return FALSE;
    }

  *account_id = sqlite3_last_insert_rowid (self->db);
  _sc_store_touch (self, "account");

  summary = g_strdup_printf ("%s: %s, %s", sc_person_get_name (person),
                             sc_account_role_to_string (role), sc_credential_kind_to_string (kind));
  return _sc_store_audit (self, session, "create", "account", *account_id, summary, error);
}

/**
 * sc_store_create_first_supervisor:
 * @person: the supervisor; added to the team when its id is 0
 * @session: (out): the new supervisor's session
 *
 * Creates the first account of a new database. Refused once any account
 * exists: after that only a supervisor creates accounts.
 */
gboolean
sc_store_create_first_supervisor (ScStore           *self,
                                  ScPerson          *person,
                                  ScCredentialKind   kind,
                                  const char        *secret,
                                  ScSession        **session,
                                  GError           **error)
{
  g_autoptr(ScSession) creating = NULL;
  gint64 account_id = 0;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_PERSON (person), FALSE);

  if (!sc_credential_check_rules (kind, secret, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (sc_store_has_accounts (self))
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("This database already has a supervisor: ask them to create your account"));
      goto failed;
    }

  creating = sc_session_new (0, 0, SC_ACCOUNT_ROLE_SUPERVISOR, sc_person_get_name (person));

  if (sc_person_get_id (person) == 0)
    {
      sc_person_set_role (person, SC_ROLE_SUPERVISOR);
      if (!sc_store_add_person (self, creating, person, error))
        goto failed;
    }

  if (!insert_account (self, creating, sc_person_get_id (person), SC_ACCOUNT_ROLE_SUPERVISOR,
                       kind, secret, &account_id, error))
    goto failed;

  if (!sc_store_commit (self, error))
    return FALSE;

  if (session)
    *session = sc_session_new (account_id, sc_person_get_id (person), SC_ACCOUNT_ROLE_SUPERVISOR,
                               sc_person_get_name (person));
  return TRUE;

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_create_account:
 * Returns: the new account's id, or 0 with @error set
 */
gint64
sc_store_create_account (ScStore           *self,
                         ScSession         *session,
                         gint64             person_id,
                         ScAccountRole      role,
                         ScCredentialKind   kind,
                         const char        *secret,
                         GError           **error)
{
  gint64 account_id = 0;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_WRITE, 0, error))
    return 0;

  if (!sc_store_begin (self, error))
    return 0;

  if (!insert_account (self, session, person_id, role, kind, secret, &account_id, error))
    {
      sc_store_rollback (self);
      return 0;
    }

  return sc_store_commit (self, error) ? account_id : 0;
}

static gboolean
update_account (ScStore     *self,
                const char  *sql,
                gint64       account_id,
                const char  *text,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);

  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;

  _sc_store_touch (self, "account");
  return TRUE;
}

gboolean
sc_store_set_account_role (ScStore        *self,
                           ScSession      *session,
                           gint64          account_id,
                           ScAccountRole   role,
                           GError        **error)
{
  g_autoptr(ScAccount) account = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(account = get_account (self, account_id, error)))
    goto failed;

  summary = g_strdup_printf ("%s: role %s → %s", sc_account_get_person_name (account),
                             sc_account_role_to_string (sc_account_get_role (account)),
                             sc_account_role_to_string (role));

  if (!update_account (self, "UPDATE account SET role = ?2 WHERE id = ?1", account_id,
                       sc_account_role_to_string (role), error) ||
      !_sc_store_audit (self, session, "update", "account", account_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_credential:
 *
 * Sets a new passphrase or PIN: anyone for their own account, a supervisor
 * for anyone's. Also clears failed attempts.
 */
gboolean
sc_store_set_credential (ScStore           *self,
                         ScSession         *session,
                         gint64             account_id,
                         ScCredentialKind   kind,
                         const char        *secret,
                         GError           **error)
{
  g_autoptr(ScAccount) account = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!(account = get_account (self, account_id, error)))
    return FALSE;

  if (!sc_permission_check (session, SC_OPERATION_CREDENTIAL_WRITE,
                            sc_account_get_person_id (account), error))
    return FALSE;

  if (!sc_credential_check_rules (kind, secret, error))
    return FALSE;

  if (!(hash = sc_credential_hash (secret, error)))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "UPDATE account SET credential_kind = ?2, credential_hash = ?3,"
                            " failed_attempts = 0, last_failed_at = NULL WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, sc_credential_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, hash, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  _sc_store_touch (self, "account");

  /* The summary says that it changed, never what to */
  summary = g_strdup_printf ("%s: new %s", sc_account_get_person_name (account),
                             sc_credential_kind_to_string (kind));
  if (!_sc_store_audit (self, session, "credential", "account", account_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_unlock_account (ScStore    *self,
                         ScSession  *session,
                         gint64      account_id,
                         GError    **error)
{
  g_autoptr(ScAccount) account = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(account = get_account (self, account_id, error)))
    goto failed;

  if (!update_account (self,
                       "UPDATE account SET locked = 0, failed_attempts = 0, last_failed_at = NULL WHERE id = ?1",
                       account_id, NULL, error) ||
      !_sc_store_audit (self, session, "unlock", "account", account_id,
                        sc_account_get_person_name (account), error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_delete_account (ScStore    *self,
                         ScSession  *session,
                         gint64      account_id,
                         GError    **error)
{
  g_autoptr(ScAccount) account = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_ACCOUNTS_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(account = get_account (self, account_id, error)))
    goto failed;

  if (sc_account_get_role (account) == SC_ACCOUNT_ROLE_SUPERVISOR)
    {
      g_autoptr(sqlite3_stmt) stmt =
        _sc_store_prepare (self, "SELECT count(*) FROM account WHERE role = 'supervisor'", error);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        goto failed;
      if (sqlite3_column_int (stmt, 0) <= 1)
        {
          g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                               _("This is the last supervisor account: create another supervisor first"));
          goto failed;
        }
    }

  if (!update_account (self, "DELETE FROM account WHERE id = ?1", account_id, NULL, error) ||
      !_sc_store_audit (self, session, "delete", "account", account_id,
                        sc_account_get_person_name (account), error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

static gint64
delay_after (int failures)
{
  gint64 delay;

  if (failures < FREE_ATTEMPTS)
    return 0;

  delay = FIRST_DELAY_SECONDS;
  for (int i = FREE_ATTEMPTS; i < failures && delay < MAX_DELAY_SECONDS; i++)
    delay *= 2;

  return MIN (delay, MAX_DELAY_SECONDS);
}

/**
 * sc_store_sign_in:
 *
 * Checks @secret against the account's hash. After three failures each
 * further try must wait (5 s, then 10 s, 20 s… up to 5 minutes); after ten
 * the account locks until a supervisor unlocks it.
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
ScSession *
sc_store_sign_in (ScStore     *self,
                  gint64       account_id,
                  const char  *secret,
                  GError     **error)
{
  g_autoptr(ScAccount) account = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *last_failed = NULL;
  gboolean needs_rehash = FALSE;
  gboolean ok;
  gint64 now;
  gint64 wait;
  int failures;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!(account = get_account (self, account_id, error)))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT credential_hash, last_failed_at FROM account WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }
  hash = g_strdup (_sc_store_column_text (stmt, 0));
  last_failed = g_strdup (_sc_store_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sc_account_get_locked (account))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCKED,
                   _("The account of %s is locked after too many wrong tries: a supervisor can unlock it"),
                   sc_account_get_person_name (account));
      return NULL;
    }

  if (hash == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCKED,
                   _("%s has no passphrase or PIN yet: a supervisor can set one"),
                   sc_account_get_person_name (account));
      return NULL;
    }

  failures = sc_account_get_failed_attempts (account);
  now = _sc_store_now (self);
  wait = _sc_store_parse_utc (last_failed) + delay_after (failures) - now;
  if (failures >= FREE_ATTEMPTS && wait > 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_RATE_LIMITED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Too many wrong tries: wait %d second and try again",
                                "Too many wrong tries: wait %d seconds and try again", (gulong) wait),
                   (int) wait);
      return NULL;
    }

  session = sc_session_new (account_id, sc_account_get_person_id (account),
                            sc_account_get_role (account), sc_account_get_person_name (account));
  ok = sc_credential_verify (hash, secret, &needs_rehash);

  if (!sc_store_begin (self, error))
    return NULL;

  if (ok)
    {
      if (needs_rehash)
        {
          g_autofree char *new_hash = sc_credential_hash (secret, NULL);

          if (new_hash != NULL &&
              !update_account (self, "UPDATE account SET credential_hash = ?2 WHERE id = ?1",
                               account_id, new_hash, error))
            goto failed;
        }

      if (!update_account (self,
                           "UPDATE account SET failed_attempts = 0, last_failed_at = NULL WHERE id = ?1",
                           account_id, NULL, error) ||
          !_sc_store_audit (self, session, "sign-in", "account", account_id, "", error))
        goto failed;

      if (!sc_store_commit (self, error))
        return NULL;

      return g_steal_pointer (&session);
    }
  else
    {
      g_autofree char *at = _sc_store_format_utc (now);
      gboolean lock = failures + 1 >= LOCK_AFTER_FAILURES;

      if (!update_account (self,
                           lock ? "UPDATE account SET failed_attempts = failed_attempts + 1, last_failed_at = ?2, locked = 1 WHERE id = ?1"
                                : "UPDATE account SET failed_attempts = failed_attempts + 1, last_failed_at = ?2 WHERE id = ?1",
                           account_id, at, error) ||
          !_sc_store_audit (self, session, lock ? "lock" : "sign-in-failed", "account", account_id,
                            "", error))
        goto failed;

      if (!sc_store_commit (self, error))
        return NULL;

      if (lock)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_LOCKED,
                     _("Wrong passphrase or PIN. The account is now locked: a supervisor can unlock it"));
      else
        g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_WRONG_CREDENTIAL,
                             _("Wrong passphrase or PIN"));
      return NULL;
    }

failed:
  sc_store_rollback (self);
  return NULL;
}

static ScAuditEntry *
audit_from_row (sqlite3_stmt *stmt)
{
  ScAuditEntry *entry = g_object_new (SC_TYPE_AUDIT_ENTRY, NULL);

  sc_audit_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  sc_audit_entry_set_at (entry, _sc_store_column_text (stmt, 1));
  sc_audit_entry_set_account_id (entry, sqlite3_column_int64 (stmt, 2));
  sc_audit_entry_set_actor (entry, _sc_store_column_text (stmt, 3));
  sc_audit_entry_set_action (entry, _sc_store_column_text (stmt, 4));
  sc_audit_entry_set_table_name (entry, _sc_store_column_text (stmt, 5));
  sc_audit_entry_set_row_id (entry, sqlite3_column_int64 (stmt, 6));
  sc_audit_entry_set_summary (entry, _sc_store_column_text (stmt, 7));
  return entry;
}

/**
 * sc_store_get_audit:
 * @table: (nullable): only entries about this table
 * @text: (nullable): only entries whose actor or summary contain this
 * @since: (nullable): only entries at or after this UTC time (ISO 8601)
 * @until: (nullable): only entries before this UTC time
 *
 * Returns: (transfer full) (element-type ScAuditEntry): newest first
 */
GPtrArray *
sc_store_get_audit (ScStore     *self,
                    ScSession   *session,
                    const char  *table,
                    const char  *text,
                    const char  *since,
                    const char  *until,
                    GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_AUDIT_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT id, at, account_id, actor, action, table_name, row_id, summary"
                            " FROM audit_entry"
                            " WHERE (?1 IS NULL OR table_name = ?1)"
                            " AND (?2 IS NULL OR actor LIKE ?2 OR summary LIKE ?2)"
                            " AND (?3 IS NULL OR at >= ?3) AND (?4 IS NULL OR at < ?4)"
                            " ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL && *text != '\0')
    pattern = g_strdup_printf ("%%%s%%", text);
  _sc_store_bind_text (stmt, 1, table);
  _sc_store_bind_text (stmt, 2, pattern);
  _sc_store_bind_text (stmt, 3, since);
  _sc_store_bind_text (stmt, 4, until);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, audit_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * sc_store_get_idle_minutes:
 * Returns: the minutes without input after which the GUI signs out
 */
int
sc_store_get_idle_minutes (ScStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), DEFAULT_IDLE_MINUTES);

  stmt = _sc_store_prepare (self, "SELECT value FROM setting WHERE key = 'idle-minutes'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    return (int) g_ascii_strtoll (_sc_store_column_text (stmt, 0), NULL, 10);

  return DEFAULT_IDLE_MINUTES;
}

gboolean
sc_store_set_idle_minutes (ScStore    *self,
                           ScSession  *session,
                           int         minutes,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *value = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_SETTINGS_WRITE, 0, error))
    return FALSE;

  if (minutes < 1 || minutes > 480)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Automatic sign-out must be between 1 and 480 minutes, not %d"), minutes);
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO setting (key, value) VALUES ('idle-minutes', ?1)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    goto failed;

  value = g_strdup_printf ("%d", minutes);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  _sc_store_touch (self, "setting");

  summary = g_strdup_printf ("idle-minutes = %d", minutes);
  if (!_sc_store_audit (self, session, "update", "setting", 0, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}
