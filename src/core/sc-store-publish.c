/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * Publishing a roster and reading what calendars show.
 *
 * A roster starts as a draft. Publishing it makes version 1 and copies its
 * shifts into roster_version_shift; publishing again after changes makes
 * version 2, and so on. The changes since the last version are the
 * difference between the shifts now and that copy, per person and day.
 *
 * Calendars show the shifts of rosters that have been published, as they
 * stand: the roster editor raises a shift's sequence on every change and
 * marks shifts removed from a published roster as cancelled, so that the
 * calendars that imported an earlier export update their events. When two
 * published rosters cover the same person and day, the newer one counts.
 */

#define PUBLISHED_ROSTER(r) \
  "(" r ".status = 'published' OR EXISTS (SELECT 1 FROM roster_version rv WHERE rv.roster_id = " r ".id))"

void
sc_roster_version_free (ScRosterVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->published_at);
  g_free (version->published_by);
  g_free (version);
}

void
sc_shift_change_free (ScShiftChange *change)
{
  if (change == NULL)
    return;

  g_free (change->person_name);
  g_free (change->day);
  g_free (change->before.shift_type_code);
  g_free (change->after.shift_type_code);
  g_free (change);
}

static char *
format_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Returns: the last published version of @roster_id, 0 if never, -1 on error */
static int
last_version (ScStore  *self,
              gint64    roster_id,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT coalesce (max (version), 0) FROM roster_version WHERE roster_id = ?1",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

static gboolean
require_roster (ScStore     *self,
                gint64       roster_id,
                char       **first_day,
                int         *n_days,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT first_day, days FROM roster WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      if (first_day != NULL)
        *first_day = g_strdup (_sc_store_column_text (stmt, 0));
      if (n_days != NULL)
        *n_days = sqlite3_column_int (stmt, 1);
      return TRUE;

    case SQLITE_DONE:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no roster number %lld"), (long long) roster_id);
      return FALSE;

    default:
      _sc_store_set_error (self, error);
      return FALSE;
    }
}

static void
read_times (sqlite3_stmt *stmt,
            int           column,
            ScShiftTimes *times)
{
  times->shift_type_id = sqlite3_column_int64 (stmt, column);
  times->shift_type_code = g_strdup (_sc_store_column_text (stmt, column + 1));
  times->start_minute = sqlite3_column_int (stmt, column + 2);
  times->length_minutes = sqlite3_column_int (stmt, column + 3);
  times->skill_id = sqlite3_column_int64 (stmt, column + 4);
}

static gboolean
times_equal (const ScShiftTimes *a,
             const ScShiftTimes *b)
{
  return a->shift_type_id == b->shift_type_id &&
         a->start_minute == b->start_minute &&
         a->length_minutes == b->length_minutes &&
         a->skill_id == b->skill_id;
}

/* The changes of @roster_id since @version (0: since nothing) */
static GPtrArray *
compute_changes (ScStore  *self,
                 gint64    roster_id,
                 int       version,
                 GError  **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_shift_change_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* Current shifts full-joined with the published copy on person and day,
   * written as two left joins */
  stmt = _sc_store_prepare (self,
                            "WITH now AS (SELECT id, person_id, day, shift_type_id, start_minute, length_minutes, skill_id"
                            "               FROM shift WHERE roster_id = ?1 AND cancelled = 0),"
                            " was AS (SELECT shift_id AS id, person_id, day, shift_type_id, start_minute, length_minutes, skill_id"
                            "           FROM roster_version_shift WHERE roster_id = ?1 AND version = ?2),"
                            " pairs AS (SELECT n.person_id AS person_id, n.day AS day, n.id AS now_id, w.id AS was_id"
                            "             FROM now n LEFT JOIN was w ON w.person_id = n.person_id AND w.day = n.day"
                            "           UNION ALL"
                            "           SELECT w.person_id, w.day, NULL, w.id"
                            "             FROM was w WHERE NOT EXISTS (SELECT 1 FROM now n WHERE n.person_id = w.person_id AND n.day = w.day))"
                            " SELECT pa.person_id, p.name, pa.day, pa.now_id, pa.was_id,"
                            "        coalesce (n.shift_type_id, 0), tn.code, n.start_minute, n.length_minutes, coalesce (n.skill_id, 0),"
                            "        coalesce (w.shift_type_id, 0), tw.code, w.start_minute, w.length_minutes, coalesce (w.skill_id, 0)"
                            "   FROM pairs pa JOIN person p ON p.id = pa.person_id"
                            "   LEFT JOIN now n ON n.id = pa.now_id LEFT JOIN shift_type tn ON tn.id = n.shift_type_id"
                            "   LEFT JOIN was w ON w.person_id = pa.person_id AND w.day = pa.day AND pa.was_id IS NOT NULL"
                            "   LEFT JOIN shift_type tw ON tw.id = w.shift_type_id"
                            "  ORDER BY p.name COLLATE NOCASE, pa.person_id, pa.day",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int (stmt, 2, version);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ScShiftChange) change = g_new0 (ScShiftChange, 1);
      gboolean has_now = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      gboolean had = sqlite3_column_type (stmt, 4) != SQLITE_NULL;

      change->person_id = sqlite3_column_int64 (stmt, 0);
      change->person_name = g_strdup (_sc_store_column_text (stmt, 1));
      change->day = g_strdup (_sc_store_column_text (stmt, 2));

      if (has_now)
        read_times (stmt, 5, &change->after);
      if (had)
        read_times (stmt, 10, &change->before);

      if (has_now && had)
        {
          if (times_equal (&change->before, &change->after))
            continue;
          change->kind = SC_SHIFT_CHANGE_CHANGED;
          change->shift_id = sqlite3_column_int64 (stmt, 3);
        }
      else if (has_now)
        {
          change->kind = SC_SHIFT_CHANGE_ADDED;
          change->shift_id = sqlite3_column_int64 (stmt, 3);
        }
      else
        {
          change->kind = SC_SHIFT_CHANGE_REMOVED;
          change->shift_id = sqlite3_column_int64 (stmt, 4);
        }

      g_ptr_array_add (changes, g_steal_pointer (&change));
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/**
 * sc_store_get_published_version:
 *
 * Returns: the last published version of @roster_id, 0 when it was never
 *   published, -1 with @error set
 */
int
sc_store_get_published_version (ScStore  *self,
                                gint64    roster_id,
                                GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), -1);

  return last_version (self, roster_id, error);
}

/**
 * sc_store_publish_roster:
 *
 * Publishes @roster_id: version 1 the first time, the next version when
 * its shifts changed since the last one. Publishing a roster that did not
 * change since gives the same version again and writes nothing.
 *
 * Returns: the published version, or 0 with @error set
 */
int
sc_store_publish_roster (ScStore    *self,
                         ScSession  *session,
                         gint64      roster_id,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  int n_days = 0;
  int previous;
  int version;
  int n_shifts;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_WRITE, 0, error))
    return 0;

  if (!sc_store_begin (self, error))
    return 0;

  if (!require_roster (self, roster_id, &first_day, &n_days, error) ||
      (previous = last_version (self, roster_id, error)) < 0)
    goto failed;

  if (previous > 0)
    {
      if (!(changes = compute_changes (self, roster_id, previous, error)))
        goto failed;

      if (changes->len == 0)
        {
          /* Nothing new to publish: make sure the status says published */
          stmt = _sc_store_prepare (self,
                                    "UPDATE roster SET status = 'published', version = ?2"
                                    " WHERE id = ?1 AND (status <> 'published' OR version <> ?2)",
                                    error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, roster_id);
          sqlite3_bind_int (stmt, 2, previous);
          if (!_sc_store_step_done (self, stmt, error))
            goto failed;
          if (sqlite3_changes (self->db) > 0)
            _sc_store_touch (self, "roster");
          return sc_store_commit (self, error) ? previous : 0;
        }
    }

  version = previous + 1;
  now = format_now_utc ();

  stmt = _sc_store_prepare (self,
                            "INSERT INTO roster_version (roster_id, version, published_at, published_by)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sc_session_get_display_name (session), -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _sc_store_prepare (self,
                            "INSERT INTO roster_version_shift (roster_id, version, shift_id, person_id, day,"
                            " shift_type_id, start_minute, length_minutes, skill_id)"
                            " SELECT roster_id, ?2, id, person_id, day, shift_type_id, start_minute, length_minutes, skill_id"
                            " FROM shift WHERE roster_id = ?1 AND cancelled = 0 ORDER BY id",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int (stmt, 2, version);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  n_shifts = sqlite3_changes (self->db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _sc_store_prepare (self, "UPDATE roster SET status = 'published', version = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int (stmt, 2, version);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "roster");
  _sc_store_touch (self, "roster_version");
  _sc_store_touch (self, "roster_version_shift");

  if (changes != NULL)
    summary = g_strdup_printf ("roster %s +%d days, version %d: %d shifts, %u changes",
                               first_day, n_days, version, n_shifts, changes->len);
  else
    summary = g_strdup_printf ("roster %s +%d days, version %d: %d shifts",
                               first_day, n_days, version, n_shifts);
  if (!_sc_store_audit (self, session, "publish", "roster", roster_id, summary, error))
    goto failed;

  return sc_store_commit (self, error) ? version : 0;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_get_roster_versions:
 *
 * Returns: (transfer full) (element-type ScRosterVersion): the published
 *   versions of @roster_id, oldest first, or %NULL with @error set
 */
GPtrArray *
sc_store_get_roster_versions (ScStore    *self,
                              ScSession  *session,
                              gint64      roster_id,
                              GError    **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_roster_version_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT v.version, v.published_at, v.published_by,"
                            " (SELECT count(*) FROM roster_version_shift s WHERE s.roster_id = v.roster_id AND s.version = v.version)"
                            " FROM roster_version v WHERE v.roster_id = ?1 ORDER BY v.version",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScRosterVersion *version = g_new0 (ScRosterVersion, 1);

      version->version = sqlite3_column_int (stmt, 0);
      version->published_at = g_strdup (_sc_store_column_text (stmt, 1));
      version->published_by = g_strdup (_sc_store_column_text (stmt, 2));
      version->n_shifts = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (versions, version);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/**
 * sc_store_get_roster_changes:
 * @since_version: (out) (optional): the version the changes are counted
 *   from, 0 when the roster was never published (then every shift is new)
 *
 * Returns: (transfer full) (element-type ScShiftChange): what changed in
 *   @roster_id since it was last published, by person then day, or %NULL
 *   with @error set
 */
GPtrArray *
sc_store_get_roster_changes (ScStore    *self,
                             ScSession  *session,
                             gint64      roster_id,
                             int        *since_version,
                             GError    **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  int version;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_READ, 0, error))
    return NULL;

  if (!require_roster (self, roster_id, NULL, NULL, error) ||
      (version = last_version (self, roster_id, error)) < 0)
    return NULL;

  if (!(changes = compute_changes (self, roster_id, version, error)))
    return NULL;

  if (since_version != NULL)
    *since_version = version;

  return g_steal_pointer (&changes);
}

/**
 * sc_store_find_person_by_employee_no:
 *
 * Returns: the id of the person with @employee_no, or 0 with @error set
 */
gint64
sc_store_find_person_by_employee_no (ScStore     *self,
                                     ScSession   *session,
                                     const char  *employee_no,
                                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (employee_no != NULL, 0);

  stmt = _sc_store_prepare (self, "SELECT id FROM person WHERE employee_no = ?1 ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, employee_no, -1, SQLITE_TRANSIENT);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      break;

    case SQLITE_DONE:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("Nobody has the employee number “%s”"), employee_no);
      return 0;

    default:
      _sc_store_set_error (self, error);
      return 0;
    }

  /* Only who may see that person learns the id */
  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_READ, id, error))
    return 0;

  return id;
}

static char *
add_days (const char *day,
          int         n)
{
  g_autoptr(GDateTime) dt = sc_day_parse (day);
  g_autoptr(GDateTime) later = g_date_time_add_days (dt, n);

  return g_date_time_format (later, "%Y-%m-%d");
}

static gboolean
read_shifts (ScStore     *self,
             ScCalendar  *calendar,
             const char  *last_day,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT s.id, s.roster_id, s.person_id, p.name, s.day, s.start_minute, s.length_minutes,"
                            " t.code, t.name, k.name, s.sequence, s.cancelled, r.version"
                            " FROM shift s JOIN roster r ON r.id = s.roster_id JOIN person p ON p.id = s.person_id"
                            " LEFT JOIN shift_type t ON t.id = s.shift_type_id LEFT JOIN skill k ON k.id = s.skill_id"
                            " WHERE s.day >= ?1 AND s.day <= ?2 AND (?3 = 0 OR s.person_id = ?3)"
                            " AND " PUBLISHED_ROSTER ("r")
                            " AND NOT EXISTS (SELECT 1 FROM shift s2 JOIN roster r2 ON r2.id = s2.roster_id"
                            "                  WHERE s2.person_id = s.person_id AND s2.day = s.day"
                            "                    AND s2.roster_id > s.roster_id AND " PUBLISHED_ROSTER ("r2") ")"
                            " ORDER BY s.day, p.name COLLATE NOCASE, s.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, calendar->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, calendar->person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScCalendarShift shift = {
        .shift_id = sqlite3_column_int64 (stmt, 0),
        .roster_id = sqlite3_column_int64 (stmt, 1),
        .person_id = sqlite3_column_int64 (stmt, 2),
        .person_name = _sc_store_column_text (stmt, 3),
        .day = _sc_store_column_text (stmt, 4),
        .start_minute = sqlite3_column_int (stmt, 5),
        .length_minutes = sqlite3_column_int (stmt, 6),
        .shift_type_code = _sc_store_column_text (stmt, 7),
        .shift_type_name = _sc_store_column_text (stmt, 8),
        .skill_name = _sc_store_column_text (stmt, 9),
        .sequence = sqlite3_column_int (stmt, 10),
        .cancelled = sqlite3_column_int (stmt, 11) != 0,
        .roster_version = sqlite3_column_int (stmt, 12),
      };

      sc_calendar_add_shift (calendar, &shift);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_time_off (ScStore     *self,
               ScCalendar  *calendar,
               const char  *last_day,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT t.id, t.person_id, p.name, t.first_day, t.last_day, t.kind"
                            " FROM time_off t JOIN person p ON p.id = t.person_id"
                            " WHERE t.status = 'approved' AND t.last_day >= ?1 AND t.first_day <= ?2"
                            " AND (?3 = 0 OR t.person_id = ?3)"
                            " ORDER BY t.first_day, p.name COLLATE NOCASE, t.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, calendar->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, calendar->person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScCalendarTimeOff time_off = {
        .time_off_id = sqlite3_column_int64 (stmt, 0),
        .person_id = sqlite3_column_int64 (stmt, 1),
        .person_name = _sc_store_column_text (stmt, 2),
        .first_day = _sc_store_column_text (stmt, 3),
        .last_day = _sc_store_column_text (stmt, 4),
        .kind = SC_TIME_OFF_KIND_OTHER,
      };

      sc_time_off_kind_from_string (_sc_store_column_text (stmt, 5), &time_off.kind);
      sc_calendar_add_time_off (calendar, &time_off);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Shared by the calendar export and the schedule view */
static ScCalendar *
read_calendar (ScStore     *self,
               ScSession   *session,
               const char  *first_day,
               int          n_days,
               gint64       person_id,
               gboolean     export,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) team = NULL;
  g_autoptr(ScCalendar) calendar = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_READ, person_id, error) ||
      !sc_permission_check (session, SC_OPERATION_TIME_OFF_READ, person_id, error))
    return NULL;

  if (!sc_day_is_valid (first_day))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), first_day ? first_day : "");
      return NULL;
    }
  if (n_days < 1 || n_days > 366)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A calendar covers 1 to 366 days, not %d"), n_days);
      return NULL;
    }

  last_day = add_days (first_day, n_days - 1);

  if (!sc_store_begin (self, error))
    return NULL;

  /* The team's token, made by its first export */
  if (export && !_sc_store_exec (self,
                       "UPDATE team SET calendar_token = lower (hex (randomblob (8)))"
                       " WHERE calendar_token IS NULL",
                       error))
    goto failed;
  if (export && sqlite3_changes (self->db) > 0)
    _sc_store_touch (self, "team");

  team = _sc_store_prepare (self, "SELECT name, time_zone, coalesce (calendar_token, '') FROM team ORDER BY id LIMIT 1",
                            error);
  if (team == NULL)
    goto failed;
  switch (sqlite3_step (team))
    {
    case SQLITE_ROW:
      calendar = sc_calendar_new (_sc_store_column_text (team, 0), _sc_store_column_text (team, 1),
                                  _sc_store_column_text (team, 2), first_day, n_days);
      break;

    case SQLITE_DONE:
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("There is no team yet: create one first"));
      goto failed;

    default:
      _sc_store_set_error (self, error);
      goto failed;
    }

  if (person_id != 0)
    {
      g_autoptr(ScPerson) person = _sc_store_get_person_unchecked (self, person_id, error);

      if (person == NULL)
        goto failed;
      sc_calendar_set_person (calendar, person_id, sc_person_get_name (person));
    }

  if (!read_shifts (self, calendar, last_day, error) ||
      !read_time_off (self, calendar, last_day, error))
    goto failed;

  summary = g_strdup_printf ("calendar %s +%d days%s%s: %u shifts, %u time off",
                             first_day, n_days,
                             person_id != 0 ? " of " : "", person_id != 0 ? calendar->person_name : "",
                             calendar->shifts->len, calendar->time_off->len);
  if (export && !_sc_store_audit (self, session, "export", "shift", 0, summary, error))
    goto failed;

  if (!sc_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&calendar);

failed:
  sc_store_rollback (self);
  return NULL;
}

/**
 * sc_store_get_calendar:
 * @person_id: whose calendar, or 0 for the whole team's
 *
 * Reads what a calendar export of @n_days from @first_day shows: the shifts
 * of published rosters (cancelled ones too, so that calendars remove them)
 * and approved time off. Anyone may read their own calendar; the whole
 * team's, or someone else's, needs the right to see other people's shifts
 * and time off. Recorded in the audit trail.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
ScCalendar *
sc_store_get_calendar (ScStore     *self,
                       ScSession   *session,
                       const char  *first_day,
                       int          n_days,
                       gint64       person_id,
                       GError     **error)
{
  return read_calendar (self, session, first_day, n_days, person_id, TRUE, error);
}

/**
 * sc_store_get_schedule:
 *
 * The same as sc_store_get_calendar(), to look at rather than to export:
 * nothing is written (no audit entry, no calendar token).
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 */
ScCalendar *
sc_store_get_schedule (ScStore     *self,
                       ScSession   *session,
                       const char  *first_day,
                       int          n_days,
                       gint64       person_id,
                       GError     **error)
{
  return read_calendar (self, session, first_day, n_days, person_id, FALSE, error);
}

/**
 * sc_store_get_published_days:
 * @first_day: YYYY-MM-DD
 * @last_day: YYYY-MM-DD, included
 *
 * The days from @first_day to @last_day that a published roster covers:
 * on those, no shift means a day off; on the others nothing is known yet.
 * Everyone may ask: it says nothing about anyone.
 *
 * Returns: (transfer full): a set of YYYY-MM-DD strings
 */
GHashTable *
sc_store_get_published_days (ScStore     *self,
                             const char  *first_day,
                             const char  *last_day,
                             GError     **error)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT r.first_day, r.days FROM roster r"
                            " WHERE EXISTS (SELECT 1 FROM roster_version v WHERE v.roster_id = r.id)"
                            " AND r.first_day <= ?2 AND date (r.first_day, '+' || (r.days - 1) || ' days') >= ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) start = sc_day_parse (_sc_store_column_text (stmt, 0));
      int n = sqlite3_column_int (stmt, 1);

      for (int d = 0; start != NULL && d < n; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (start, d);
          char *key = g_date_time_format (day, "%Y-%m-%d");

          if (strcmp (key, first_day) >= 0 && strcmp (key, last_day) <= 0)
            g_hash_table_add (days, key);
          else
            g_free (key);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&days);
}
