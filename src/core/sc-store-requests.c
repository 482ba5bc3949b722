/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-requests"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * What people ask of a roster and what the calendar imposes: time off
 * (asked for, then approved or declined by a supervisor), wishes to work
 * or not work a shift on a day, and public holidays. Days are local dates
 * (YYYY-MM-DD) in the team's time zone, so they compare as strings.
 *
 * Only approved time off and the preferences reach the roster problem
 * (sc-store-roster-input.c).
 */

#define MAX_TIME_OFF_DAYS 366

#define TIME_OFF_COLUMNS \
  "t.id, t.person_id, p.name, t.first_day, t.last_day, t.kind, t.status, t.note, t.requested_at," \
  " t.decided_at, (SELECT d.name FROM person d WHERE d.id = t.decided_by)"

#define PREFERENCE_COLUMNS \
  "id, person_id, day, shift_type_id, on_request, weight"

/* Both ends included; the days must be valid */
static int
count_days (const char *first_day,
            const char *last_day)
{
  g_autoptr(GDateTime) first = sc_day_parse (first_day);
  g_autoptr(GDateTime) last = sc_day_parse (last_day);

  return (int) (g_date_time_difference (last, first) / G_TIME_SPAN_DAY) + 1;
}

/* An optional bound of a listing: %NULL or a day */

/* For messages and the audit trail: what people call each other */
static char *
person_name (ScStore *self,
             gint64   person_id)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT name FROM person WHERE id = ?1", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_sc_store_column_text (stmt, 0));
    }

  return NULL;
}

/* The person's name, or %NULL with an error when there is no such person */
static char *
require_person (ScStore  *self,
                gint64    person_id,
                GError  **error)
{
  char *name = person_id > 0 ? person_name (self, person_id) : NULL;

  if (name == NULL)
    g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                 _("There is no person with id %lld"), (long long) person_id);
  return name;
}

static char *
shift_type_code (ScStore *self,
                 gint64   shift_type_id)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT code FROM shift_type WHERE id = ?1", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, shift_type_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_sc_store_column_text (stmt, 0));
    }

  return NULL;
}

/*
 * Who may list what: someone's own rows with OWN access, anyone's with
 * ALL. @person_id 0 asks for everyone's, which OWN access narrows to the
 * signed-in person's. Returns the person to filter on (0: everyone), or
 * -1 with @error set.
 */
static gint64
listing_filter (ScSession    *session,
                ScOperation   operation,
                gint64        person_id,
                GError      **error)
{
  ScAccess access = sc_permission_access (session, operation);

  if (person_id != 0)
    return sc_permission_check (session, operation, person_id, error) ? person_id : -1;

  if (access == SC_ACCESS_ALL)
    return 0;

  if (access == SC_ACCESS_OWN && sc_session_get_person_id (session) > 0)
    return sc_session_get_person_id (session);

  sc_permission_check (session, operation, 0, error);
  return -1;
}

/* Time off */

static ScTimeOff *
time_off_from_row (sqlite3_stmt *stmt)
{
  ScTimeOff *time_off = sc_time_off_new ();
  ScTimeOffKind kind = SC_TIME_OFF_KIND_OTHER;
  ScRequestStatus status = SC_REQUEST_STATUS_REQUESTED;

  sc_time_off_kind_from_string (_sc_store_column_text (stmt, 5), &kind);
  sc_request_status_from_string (_sc_store_column_text (stmt, 6), &status);

  sc_time_off_set_id (time_off, sqlite3_column_int64 (stmt, 0));
  sc_time_off_set_person_id (time_off, sqlite3_column_int64 (stmt, 1));
  sc_time_off_set_person_name (time_off, _sc_store_column_text (stmt, 2));
  sc_time_off_set_first_day (time_off, _sc_store_column_text (stmt, 3));
  sc_time_off_set_last_day (time_off, _sc_store_column_text (stmt, 4));
  sc_time_off_set_kind (time_off, kind);
  sc_time_off_set_status (time_off, status);
  sc_time_off_set_note (time_off, _sc_store_column_text (stmt, 7));
  sc_time_off_set_requested_at (time_off, _sc_store_column_text (stmt, 8));
  sc_time_off_set_decided_at (time_off, _sc_store_column_text (stmt, 9));
  sc_time_off_set_decided_by_name (time_off, _sc_store_column_text (stmt, 10));
  return time_off;
}

static ScTimeOff *
get_time_off_unchecked (ScStore  *self,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT " TIME_OFF_COLUMNS " FROM time_off t JOIN person p ON p.id = t.person_id"
                            " WHERE t.id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no time off with id %lld"), (long long) id))
    return NULL;
  return time_off_from_row (stmt);
}

/* “王芳: annual-leave 2026-12-01 – 2026-12-03 (3 days)” */
static char *
describe_time_off (const char *name,
                   ScTimeOff  *time_off)
{
  const char *first = sc_time_off_get_first_day (time_off);
  const char *last = sc_time_off_get_last_day (time_off);

  return g_strdup_printf ("%s: %s %s – %s (%d d)", name,
                          sc_time_off_kind_to_string (sc_time_off_get_kind (time_off)),
                          first, last, count_days (first, last));
}

static gboolean
validate_time_off (ScTimeOff  *time_off,
                   GError    **error)
{
  const char *first = sc_time_off_get_first_day (time_off);
  const char *last = sc_time_off_get_last_day (time_off);
  int days;

  if (!sc_day_is_valid (first))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("First day of the time off “%s” is not a day: write it as YYYY-MM-DD"),
                   first ? first : "");
      return FALSE;
    }

  if (!sc_day_is_valid (last))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Last day of the time off “%s” is not a day: write it as YYYY-MM-DD"),
                   last ? last : "");
      return FALSE;
    }

  if (strcmp (first, last) > 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Time off from %s to %s ends before it starts: the last day must be on or after the first"),
                   first, last);
      return FALSE;
    }

  days = count_days (first, last);
  if (days > MAX_TIME_OFF_DAYS)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Time off from %s to %s is %d days long: ask for at most 366 days at a time"),
                   first, last, days);
      return FALSE;
    }

  return TRUE;
}

/* Refuses time off that overlaps another request of the same person that
 * was not declined */
static gboolean
check_overlap (ScStore     *self,
               gint64       person_id,
               const char  *name,
               const char  *first_day,
               const char  *last_day,
               gint64       exclude_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScRequestStatus status = SC_REQUEST_STATUS_REQUESTED;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT first_day, last_day, status FROM time_off"
                            " WHERE person_id = ?1 AND status <> 'declined' AND id <> ?4"
                            " AND last_day >= ?2 AND first_day <= ?3 ORDER BY first_day LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, exclude_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (rc != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  sc_request_status_from_string (_sc_store_column_text (stmt, 2), &status);
  g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
               /* TRANSLATORS: “王芳 already has time off from 2026-12-01 to 2026-12-03 (Approved): …” */
               _("%s already has time off from %s to %s (%s): change or withdraw that first"),
               name, _sc_store_column_text (stmt, 0), _sc_store_column_text (stmt, 1),
               sc_request_status_get_label (status));
  return FALSE;
}

/**
 * sc_store_get_time_off:
 * @person_id: whose time off, or 0 for everyone's the session may see
 *   (an agent's own)
 * @first_day: (nullable): list only time off that ends on or after this day
 * @last_day: (nullable): list only time off that starts on or before this day
 *
 * Returns: (transfer full) (element-type ScTimeOff): by first day, then name
 */
GPtrArray *
sc_store_get_time_off (ScStore     *self,
                       ScSession   *session,
                       gint64       person_id,
                       const char  *first_day,
                       const char  *last_day,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 filter;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  if ((filter = listing_filter (session, SC_OPERATION_TIME_OFF_READ, person_id, error)) < 0)
    return NULL;

  if (!_sc_store_check_range (first_day, last_day, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT " TIME_OFF_COLUMNS " FROM time_off t JOIN person p ON p.id = t.person_id"
                            " WHERE (?1 = 0 OR t.person_id = ?1) AND (?2 IS NULL OR t.last_day >= ?2)"
                            " AND (?3 IS NULL OR t.first_day <= ?3)"
                            " ORDER BY t.first_day, p.name COLLATE NOCASE, t.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, filter);
  _sc_store_bind_text (stmt, 2, first_day);
  _sc_store_bind_text (stmt, 3, last_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, time_off_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * sc_store_request_time_off:
 *
 * Adds @time_off, setting its id. Anyone may ask for their own; a
 * supervisor may ask on someone's behalf, and may enter it already
 * approved (a sick day phoned in) — a status other than requested needs
 * the right to decide.
 */
gboolean
sc_store_request_time_off (ScStore    *self,
                           ScSession  *session,
                           ScTimeOff  *time_off,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *at = NULL;
  gint64 person_id;
  ScRequestStatus status;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_TIME_OFF (time_off), FALSE);

  person_id = sc_time_off_get_person_id (time_off);
  status = sc_time_off_get_status (time_off);

  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, person_id, error))
    return FALSE;

  if (status != SC_REQUEST_STATUS_REQUESTED &&
      !sc_permission_check (session, SC_OPERATION_TIME_OFF_DECIDE, person_id, error))
    return FALSE;

  if (!validate_time_off (time_off, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(name = require_person (self, person_id, error)))
    goto failed;

  if (status != SC_REQUEST_STATUS_DECLINED &&
      !check_overlap (self, person_id, name, sc_time_off_get_first_day (time_off),
                      sc_time_off_get_last_day (time_off), 0, error))
    goto failed;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO time_off (person_id, first_day, last_day, kind, status, note,"
                            " requested_at, decided_at, decided_by)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?5 = 'requested' THEN NULL ELSE ?7 END,"
                            " CASE WHEN ?5 = 'requested' OR ?8 = 0 THEN NULL ELSE ?8 END)",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, sc_time_off_get_first_day (time_off), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sc_time_off_get_last_day (time_off), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sc_time_off_kind_to_string (sc_time_off_get_kind (time_off)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, sc_request_status_to_string (status), -1, SQLITE_STATIC);
  _sc_store_bind_text (stmt, 6, sc_time_off_get_note (time_off));
  at = _sc_store_now_text (self);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, sc_session_get_person_id (session));

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  sc_time_off_set_id (time_off, sqlite3_last_insert_rowid (self->db));
  sc_time_off_set_requested_at (time_off, at);
  sc_time_off_set_person_name (time_off, name);
  _sc_store_touch (self, "time_off");

  /* The note stays out of the audit trail: it may say why someone is ill */
  {
    g_autofree char *what = describe_time_off (name, time_off);
    summary = g_strdup_printf ("%s, %s", what, sc_request_status_to_string (status));
  }
  if (!_sc_store_audit (self, session, "insert", "time_off", sc_time_off_get_id (time_off), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_decide_time_off:
 * @status: %SC_REQUEST_STATUS_APPROVED or %SC_REQUEST_STATUS_DECLINED
 *
 * A supervisor's answer to a request; also changes an earlier answer.
 */
gboolean
sc_store_decide_time_off (ScStore          *self,
                          ScSession        *session,
                          gint64            id,
                          ScRequestStatus   status,
                          GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScTimeOff) time_off = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *what = NULL;
  g_autofree char *at = NULL;
  ScRequestStatus before;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_DECIDE, 0, error))
    return FALSE;

  if (status != SC_REQUEST_STATUS_APPROVED && status != SC_REQUEST_STATUS_DECLINED)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A decision on time off is to approve or to decline it"));
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(time_off = get_time_off_unchecked (self, id, error)))
    goto failed;

  before = sc_time_off_get_status (time_off);
  if (before == status)
    return sc_store_commit (self, error);

  if (status == SC_REQUEST_STATUS_APPROVED &&
      !check_overlap (self, sc_time_off_get_person_id (time_off), sc_time_off_get_person_name (time_off),
                      sc_time_off_get_first_day (time_off), sc_time_off_get_last_day (time_off), id, error))
    goto failed;

  /* The person who asked is told the answer, unless they gave it */
  stmt = _sc_store_prepare (self,
                            "UPDATE time_off SET status = ?1, decided_at = ?3, decided_by = nullif (?4, 0),"
                            " answer_seen = (person_id = ?4) WHERE id = ?2",
                            error);
  if (stmt == NULL)
    goto failed;

  at = _sc_store_now_text (self);
  sqlite3_bind_text (stmt, 1, sc_request_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, sc_session_get_person_id (session));
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "time_off");

  what = describe_time_off (sc_time_off_get_person_name (time_off), time_off);
  summary = g_strdup_printf ("%s, %s → %s", what, sc_request_status_to_string (before),
                             sc_request_status_to_string (status));
  if (!_sc_store_audit (self, session, "update", "time_off", id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_withdraw_time_off:
 *
 * Removes a request. Its owner (or a supervisor for anyone) may withdraw
 * it while it waits for an answer; once decided, only someone who may
 * decide can cancel it.
 */
gboolean
sc_store_withdraw_time_off (ScStore    *self,
                            ScSession  *session,
                            gint64      id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScTimeOff) time_off = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *what = NULL;
  gint64 person_id;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_SESSION (session), FALSE);

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(time_off = get_time_off_unchecked (self, id, error)))
    goto failed;

  person_id = sc_time_off_get_person_id (time_off);
  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, person_id, error))
    goto failed;

  if (sc_time_off_get_status (time_off) != SC_REQUEST_STATUS_REQUESTED &&
      sc_permission_access (session, SC_OPERATION_TIME_OFF_DECIDE) != SC_ACCESS_ALL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The time off from %s to %s has already been decided: ask a supervisor to cancel it"),
                   sc_time_off_get_first_day (time_off), sc_time_off_get_last_day (time_off));
      goto failed;
    }

  stmt = _sc_store_prepare (self, "DELETE FROM time_off WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "time_off");

  what = describe_time_off (sc_time_off_get_person_name (time_off), time_off);
  summary = g_strdup_printf ("%s, %s", what, sc_request_status_to_string (sc_time_off_get_status (time_off)));
  if (!_sc_store_audit (self, session, "delete", "time_off", id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* Preferences */

static ScPreference *
preference_from_row (sqlite3_stmt *stmt)
{
  ScPreference *preference = sc_preference_new ();

  sc_preference_set_id (preference, sqlite3_column_int64 (stmt, 0));
  sc_preference_set_person_id (preference, sqlite3_column_int64 (stmt, 1));
  sc_preference_set_day (preference, _sc_store_column_text (stmt, 2));
  sc_preference_set_shift_type_id (preference, sqlite3_column_int64 (stmt, 3)); /* NULL reads as 0 */
  sc_preference_set_on_request (preference, sqlite3_column_int (stmt, 4) != 0);
  sc_preference_set_weight (preference, sqlite3_column_int (stmt, 5));
  return preference;
}

static ScPreference *
get_preference_unchecked (ScStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT " PREFERENCE_COLUMNS " FROM preference WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no preference with id %lld"), (long long) id))
    return NULL;
  return preference_from_row (stmt);
}

/* “王芳, 2026-12-05: on L (5)”, “张伟, 2026-12-06: off any (3)” */
static char *
describe_preference (ScStore      *self,
                     const char   *name,
                     ScPreference *preference)
{
  g_autofree char *code = NULL;

  if (sc_preference_get_shift_type_id (preference) != 0)
    code = shift_type_code (self, sc_preference_get_shift_type_id (preference));

  return g_strdup_printf ("%s, %s: %s %s (%d)", name, sc_preference_get_day (preference),
                          sc_preference_get_on_request (preference) ? "on" : "off",
                          code ? code : "any", sc_preference_get_weight (preference));
}

/**
 * sc_store_get_preferences:
 * @person_id: whose, or 0 for everyone's the session may see (an agent's
 *   or trainer's own)
 * @first_day: (nullable): from this day
 * @last_day: (nullable): up to this day
 *
 * Returns: (transfer full) (element-type ScPreference): by day, then person
 */
GPtrArray *
sc_store_get_preferences (ScStore     *self,
                          ScSession   *session,
                          gint64       person_id,
                          const char  *first_day,
                          const char  *last_day,
                          GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 filter;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  if ((filter = listing_filter (session, SC_OPERATION_PREFERENCES, person_id, error)) < 0)
    return NULL;

  if (!_sc_store_check_range (first_day, last_day, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT " PREFERENCE_COLUMNS " FROM preference"
                            " WHERE (?1 = 0 OR person_id = ?1) AND (?2 IS NULL OR day >= ?2)"
                            " AND (?3 IS NULL OR day <= ?3) ORDER BY day, person_id, id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, filter);
  _sc_store_bind_text (stmt, 2, first_day);
  _sc_store_bind_text (stmt, 3, last_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, preference_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static gboolean
validate_preference (ScPreference  *preference,
                     GError       **error)
{
  const char *day = sc_preference_get_day (preference);
  int weight = sc_preference_get_weight (preference);

  if (!sc_day_is_valid (day))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Day of the preference “%s” is not a day: write it as YYYY-MM-DD"),
                   day ? day : "");
      return FALSE;
    }

  if (weight < 1 || weight > 100)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Preference weight %d is out of range: use 1 (nice to have) to 100 (very important)"),
                   weight);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_save_preference:
 *
 * Adds @preference when its id is 0 (setting the id), else updates it.
 * A person has at most one preference per day and shift type.
 */
gboolean
sc_store_save_preference (ScStore       *self,
                          ScSession     *session,
                          ScPreference  *preference,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) twin = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScPreference) before = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  gint64 person_id;
  gint64 shift_type_id;
  gboolean insert;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_PREFERENCE (preference), FALSE);

  person_id = sc_preference_get_person_id (preference);
  shift_type_id = sc_preference_get_shift_type_id (preference);
  insert = sc_preference_get_id (preference) == 0;

  if (!sc_permission_check (session, SC_OPERATION_PREFERENCES, person_id, error))
    return FALSE;

  if (!validate_preference (preference, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  /* Nobody takes over someone else's preference by changing its person */
  if (!insert)
    {
      if (!(before = get_preference_unchecked (self, sc_preference_get_id (preference), error)))
        goto failed;
      if (!sc_permission_check (session, SC_OPERATION_PREFERENCES, sc_preference_get_person_id (before), error))
        goto failed;
    }

  if (!(name = require_person (self, person_id, error)))
    goto failed;

  if (shift_type_id != 0 && !(code = shift_type_code (self, shift_type_id)))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no shift type with id %lld"), (long long) shift_type_id);
      goto failed;
    }

  twin = _sc_store_prepare (self,
                            "SELECT 1 FROM preference WHERE person_id = ?1 AND day = ?2"
                            " AND shift_type_id IS ?3 AND id <> ?4",
                            error);
  if (twin == NULL)
    goto failed;

  sqlite3_bind_int64 (twin, 1, person_id);
  sqlite3_bind_text (twin, 2, sc_preference_get_day (preference), -1, SQLITE_TRANSIENT);
  if (shift_type_id != 0)
    sqlite3_bind_int64 (twin, 3, shift_type_id);
  sqlite3_bind_int64 (twin, 4, sc_preference_get_id (preference));
  if (sqlite3_step (twin) == SQLITE_ROW)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                   /* TRANSLATORS: the last %s is a shift type code, or “any shift” */
                   _("%s already has a preference for %s, %s: change that one instead"),
                   name, sc_preference_get_day (preference), code ? code : _("any shift"));
      goto failed;
    }

  stmt = _sc_store_prepare (self,
                            insert ? "INSERT INTO preference (person_id, day, shift_type_id, on_request, weight)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5)"
                                   : "UPDATE preference SET person_id = ?1, day = ?2, shift_type_id = ?3,"
                                     " on_request = ?4, weight = ?5 WHERE id = ?6",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, sc_preference_get_day (preference), -1, SQLITE_TRANSIENT);
  if (shift_type_id != 0)
    sqlite3_bind_int64 (stmt, 3, shift_type_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, sc_preference_get_on_request (preference) ? 1 : 0);
  sqlite3_bind_int (stmt, 5, sc_preference_get_weight (preference));
  if (!insert)
    sqlite3_bind_int64 (stmt, 6, sc_preference_get_id (preference));

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  if (insert)
    sc_preference_set_id (preference, sqlite3_last_insert_rowid (self->db));
  _sc_store_touch (self, "preference");

  if (insert)
    summary = describe_preference (self, name, preference);
  else
    {
      g_autofree char *old_name = person_name (self, sc_preference_get_person_id (before));
      g_autofree char *was = describe_preference (self, old_name ? old_name : "", before);
      g_autofree char *now = describe_preference (self, name, preference);

      summary = g_strdup_printf ("%s → %s", was, now);
    }
  if (!_sc_store_audit (self, session, insert ? "insert" : "update", "preference",
                        sc_preference_get_id (preference), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_remove_preference (ScStore    *self,
                            ScSession  *session,
                            gint64      id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScPreference) preference = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_SESSION (session), FALSE);

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(preference = get_preference_unchecked (self, id, error)))
    goto failed;

  if (!sc_permission_check (session, SC_OPERATION_PREFERENCES, sc_preference_get_person_id (preference), error))
    goto failed;

  stmt = _sc_store_prepare (self, "DELETE FROM preference WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "preference");

  name = person_name (self, sc_preference_get_person_id (preference));
  summary = describe_preference (self, name ? name : "", preference);
  if (!_sc_store_audit (self, session, "delete", "preference", id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* Holidays */

/**
 * sc_store_get_holidays:
 * @first_day: (nullable): from this day
 * @last_day: (nullable): up to this day
 *
 * Everyone may read them: they are on every calendar.
 *
 * Returns: (transfer full) (element-type ScHoliday): by day
 */
GPtrArray *
sc_store_get_holidays (ScStore     *self,
                       const char  *first_day,
                       const char  *last_day,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!_sc_store_check_range (first_day, last_day, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT day, name, working_day FROM holiday"
                            " WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2) ORDER BY day",
                            error);
  if (stmt == NULL)
    return NULL;

  _sc_store_bind_text (stmt, 1, first_day);
  _sc_store_bind_text (stmt, 2, last_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScHoliday *holiday = sc_holiday_new ();

      sc_holiday_set_day (holiday, _sc_store_column_text (stmt, 0));
      sc_holiday_set_name (holiday, _sc_store_column_text (stmt, 1));
      sc_holiday_set_working_day (holiday, sqlite3_column_int (stmt, 2) != 0);
      g_ptr_array_add (list, holiday);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * sc_store_save_holiday:
 *
 * Adds the holiday on @holiday's day, or replaces the one there.
 */
gboolean
sc_store_save_holiday (ScStore    *self,
                       ScSession  *session,
                       ScHoliday  *holiday,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  const char *day;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_HOLIDAY (holiday), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_HOLIDAYS_WRITE, 0, error))
    return FALSE;

  day = sc_holiday_get_day (holiday);
  if (!sc_day_is_valid (day))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Day of the holiday “%s” is not a day: write it as YYYY-MM-DD"), day ? day : "");
      return FALSE;
    }

  name = g_strstrip (g_strdup (sc_holiday_get_name (holiday) ? sc_holiday_get_name (holiday) : ""));
  if (*name == '\0')
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The holiday on %s needs a name"), day);
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO holiday (day, name, working_day) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (day) DO UPDATE SET name = excluded.name,"
                            " working_day = excluded.working_day",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, sc_holiday_get_working_day (holiday) ? 1 : 0);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "holiday");

  summary = g_strdup_printf ("%s %s%s", day, name, sc_holiday_get_working_day (holiday) ? ", working day" : "");
  if (!_sc_store_audit (self, session, "save", "holiday", 0, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_remove_holiday (ScStore     *self,
                         ScSession   *session,
                         const char  *day,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_HOLIDAYS_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  find = _sc_store_prepare (self, "SELECT name FROM holiday WHERE day = ?1", error);
  stmt = _sc_store_prepare (self, "DELETE FROM holiday WHERE day = ?1", error);
  if (find == NULL || stmt == NULL)
    goto failed;

  sqlite3_bind_text (find, 1, day, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no holiday on %s"), day ? day : "");
      goto failed;
    }
  summary = g_strdup_printf ("%s %s", day, _sc_store_column_text (find, 0));

  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "holiday");
  if (!_sc_store_audit (self, session, "delete", "holiday", 0, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* The rows @select_sql reads for @person_id, put into @list with
 * @from_row, then marked told with @mark_sql, in one transaction: the
 * answers to someone's requests that they have not been told yet */
gboolean
_sc_store_take_unseen (ScStore       *self,
                       const char    *select_sql,
                       const char    *mark_sql,
                       const char    *table,
                       gint64         person_id,
                       gpointer     (*from_row) (sqlite3_stmt *stmt),
                       GPtrArray     *list,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) seen = NULL;
  int rc;

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, select_sql, error);
  seen = _sc_store_prepare (self, mark_sql, error);
  if (stmt == NULL || seen == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      goto failed;
    }

  sqlite3_bind_int64 (seen, 1, person_id);
  if (!_sc_store_step_done (self, seen, error))
    goto failed;
  if (list->len > 0)
    _sc_store_touch (self, table);

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_take_time_off_answers:
 *
 * The answers to the signed-in person's time-off requests that they have
 * not been told yet; they count as told from now on. Used to notify them.
 *
 * Returns: (transfer full) (element-type ScTimeOff): by first day
 */
GPtrArray *
sc_store_take_time_off_answers (ScStore    *self,
                                ScSession  *session,
                                GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 person_id;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  person_id = sc_session_get_person_id (session);
  if (person_id == 0)
    return g_steal_pointer (&list);

  if (!_sc_store_take_unseen (self,
                              "SELECT " TIME_OFF_COLUMNS " FROM time_off t JOIN person p ON p.id = t.person_id"
                              " WHERE t.person_id = ?1 AND t.answer_seen = 0 ORDER BY t.first_day, t.id",
                              "UPDATE time_off SET answer_seen = 1 WHERE person_id = ?1 AND answer_seen = 0",
                              "time_off", person_id, (gpointer (*) (sqlite3_stmt *)) time_off_from_row, list, error))
    return NULL;
  return g_steal_pointer (&list);
}
