/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-shifts"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * Rosters and their shifts as people edit them on the roster page.
 *
 * What a calendar that received a shift must be told decides how edits
 * are written:
 *
 * - every edit of a shift raises its sequence by one, so that an exported
 *   event with the same UID replaces the one already sent;
 * - a shift stays with its person: moving it to someone else removes it
 *   from the first person and gives the second one a shift (a swap between
 *   two people exchanges what the two rows hold, each row keeping its
 *   person); moving it to another day of the same person keeps the row;
 * - removing a shift from a roster that has ever been published (it is
 *   published, or its version is past 1) marks the row cancelled and keeps
 *   it, so that the cancellation can be sent; in a draft never published
 *   the row is deleted. A cell with a cancelled row that gets a shift again
 *   reuses that row.
 *
 * Locking is not an edit of the shift as its person sees it: it leaves the
 * sequence alone.
 *
 * A shift's post (the channel it is worked on) goes with the shift when it
 * moves to another person or is swapped, as long as that person holds the
 * skill (proficiency 2 or more); otherwise the shift lands on no post and
 * the roster page gives it one again (sc_store_assign_roster_posts()).
 */

#define SHIFT_COLUMNS "id, roster_id, person_id, day, shift_type_id, start_minute, length_minutes," \
                      " skill_id, locked, sequence, cancelled, post_chosen"

void
sc_roster_info_free (ScRosterInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->first_day);
  g_free (info->score);
  g_free (info);
}

static ScRosterInfo *
roster_from_row (sqlite3_stmt *stmt)
{
  ScRosterInfo *info = g_new0 (ScRosterInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->first_day = g_strdup (_sc_store_column_text (stmt, 1));
  info->days = sqlite3_column_int (stmt, 2);
  info->published = g_strcmp0 (_sc_store_column_text (stmt, 3), "published") == 0;
  info->version = sqlite3_column_int (stmt, 4);
  info->score = g_strdup (_sc_store_column_text (stmt, 5));
  info->ever_published = info->published || sqlite3_column_int (stmt, 6) != 0;
  return info;
}

static void
shift_from_row (sqlite3_stmt  *stmt,
                ScRosterShift *shift)
{
  memset (shift, 0, sizeof *shift);
  shift->id = sqlite3_column_int64 (stmt, 0);
  shift->roster_id = sqlite3_column_int64 (stmt, 1);
  shift->person_id = sqlite3_column_int64 (stmt, 2);
  g_strlcpy (shift->day, _sc_store_column_text (stmt, 3) ?: "", sizeof shift->day);
  shift->shift_type_id = sqlite3_column_int64 (stmt, 4);
  shift->start_minute = sqlite3_column_int (stmt, 5);
  shift->length_minutes = sqlite3_column_int (stmt, 6);
  shift->skill_id = sqlite3_column_int64 (stmt, 7);
  shift->locked = sqlite3_column_int (stmt, 8) != 0;
  shift->sequence = sqlite3_column_int (stmt, 9);
  shift->cancelled = sqlite3_column_int (stmt, 10) != 0;
  shift->post_chosen = sqlite3_column_int (stmt, 11) != 0;
}

static gboolean
read_shift (ScStore        *self,
            gint64          shift_id,
            ScRosterShift  *shift,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT " SHIFT_COLUMNS " FROM shift WHERE id = ?1",
                                                    error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, shift_id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no shift with id %lld"), (long long) shift_id))
    return FALSE;
  shift_from_row (stmt, shift);
  return TRUE;
}

/* Reads a live shift: cancelled ones cannot be edited */
static gboolean
read_live_shift (ScStore        *self,
                 gint64          shift_id,
                 ScRosterShift  *shift,
                 GError        **error)
{
  if (!read_shift (self, shift_id, shift, error))
    return FALSE;

  if (shift->cancelled)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("Shift %lld was removed from the roster"), (long long) shift_id);
      return FALSE;
    }

  return TRUE;
}

/* The row at a cell, cancelled or not; FALSE with no error when there is none */
static gboolean
read_cell (ScStore        *self,
           gint64          roster_id,
           gint64          person_id,
           const char     *day,
           ScRosterShift  *shift,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT " SHIFT_COLUMNS " FROM shift WHERE roster_id = ?1 AND person_id = ?2 AND day = ?3",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      shift_from_row (stmt, shift);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    _sc_store_set_error (self, error);
  return FALSE;
}

static ScRosterInfo *
read_roster (ScStore  *self,
             gint64    roster_id,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT id, first_day, days, status, version, score,"
                                " EXISTS (SELECT 1 FROM roster_version v WHERE v.roster_id = roster.id)"
                                " FROM roster WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no roster with id %lld"), (long long) roster_id))
    return NULL;
  return roster_from_row (stmt);
}

/* The day must lie in the roster's period */
static gboolean
check_day (ScRosterInfo  *roster,
           const char    *day,
           GError       **error)
{
  g_autoptr(GDateTime) first = sc_day_parse (roster->first_day);
  g_autoptr(GDateTime) date = day ? sc_day_parse (day) : NULL;
  gint64 offset;

  if (date == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), day ? day : "");
      return FALSE;
    }

  offset = first ? g_date_time_difference (date, first) / G_TIME_SPAN_DAY : -1;
  if (first == NULL || offset < 0 || offset >= roster->days)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("%s is outside the roster, which runs for %d days from %s"),
                   day, roster->days, roster->first_day);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_shift_type (ScStore  *self,
                 gint64    shift_type_id,
                 int      *start_minute,
                 int      *length_minutes,
                 char    **code,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT start_minute, length_minutes, code FROM shift_type WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, shift_type_id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no shift type with id %lld"), (long long) shift_type_id))
    return FALSE;
  *start_minute = sqlite3_column_int (stmt, 0);
  *length_minutes = sqlite3_column_int (stmt, 1);
  *code = g_strdup (_sc_store_column_text (stmt, 2));
  return TRUE;
}

static gboolean
person_exists (ScStore  *self,
               gint64    person_id,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT 1 FROM person WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  return _sc_store_step_row (self, stmt, error, _("There is no person with id %lld"), (long long) person_id);
}

/* Whether @person_id may work on @skill_id: holds it at proficiency 2 or more */
static gboolean
person_holds_skill (ScStore   *self,
                    gint64     person_id,
                    gint64     skill_id,
                    gboolean  *holds,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *holds = FALSE;
  if (skill_id == 0)
    return TRUE;

  stmt = _sc_store_prepare (self, "SELECT 1 FROM person_skill WHERE person_id = ?1 AND skill_id = ?2"
                                  " AND proficiency >= 2",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  *holds = rc == SQLITE_ROW;
  return TRUE;
}

/* The post @shift keeps on @person_id's row: its own if they hold it, else none */
static gboolean
post_for_person (ScStore        *self,
                 ScRosterShift  *shift,
                 gint64          person_id,
                 GError        **error)
{
  gboolean holds;

  if (shift->skill_id == 0 || shift->person_id == person_id)
    return TRUE;

  if (!person_holds_skill (self, person_id, shift->skill_id, &holds, error))
    return FALSE;

  if (!holds)
    {
      shift->skill_id = 0;
      shift->post_chosen = FALSE;
    }

  return TRUE;
}

static gboolean
roster_ever_published (ScRosterInfo *roster)
{
  return roster->ever_published;
}

static gboolean
run_update (ScStore     *self,
            const char  *sql,
            gint64       a,
            gint64       b,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return _sc_store_step_done (self, stmt, error);
}

/* Writes what @content holds (type, times, skill, lock) into the cell
 * (roster, @person_id, @day): into its cancelled row when there is one,
 * else into a new row. Returns the row's id, or 0. */
static gint64
put_cell (ScStore              *self,
          ScRosterInfo         *roster,
          gint64                person_id,
          const char           *day,
          const ScRosterShift  *content,
          GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScRosterShift existing;
  GError *local_error = NULL;
  gboolean reuse;

  reuse = read_cell (self, roster->id, person_id, day, &existing, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }

  if (reuse && !existing.cancelled)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                   _("That person already has a shift on %s"), day);
      return 0;
    }

  stmt = _sc_store_prepare (self,
                            reuse ? "UPDATE shift SET shift_type_id = ?4, start_minute = ?5, length_minutes = ?6,"
                                    " skill_id = ?7, locked = ?8, post_chosen = ?10, cancelled = 0,"
                                    " sequence = sequence + 1 WHERE id = ?9"
                                  : "INSERT INTO shift (roster_id, person_id, day, shift_type_id, start_minute,"
                                    " length_minutes, skill_id, locked, post_chosen)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
                            error);
  if (stmt == NULL)
    return 0;

  if (!reuse)
    {
      sqlite3_bind_int64 (stmt, 1, roster->id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_int64 (stmt, 9, existing.id);

  if (content->shift_type_id != 0)
    sqlite3_bind_int64 (stmt, 4, content->shift_type_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int (stmt, 5, content->start_minute);
  sqlite3_bind_int (stmt, 6, content->length_minutes);
  if (content->skill_id != 0)
    sqlite3_bind_int64 (stmt, 7, content->skill_id);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, content->locked ? 1 : 0);
  sqlite3_bind_int (stmt, 10, content->skill_id != 0 && content->post_chosen ? 1 : 0);

  if (!_sc_store_step_done (self, stmt, error))
    return 0;

  return reuse ? existing.id : sqlite3_last_insert_rowid (self->db);
}

/* Takes a live shift off the roster: cancelled once published, else deleted */
static gboolean
clear_cell (ScStore        *self,
            ScRosterInfo   *roster,
            gint64          shift_id,
            GError        **error)
{
  if (roster_ever_published (roster))
    return run_update (self, "UPDATE shift SET cancelled = 1, locked = 0, sequence = sequence + 1"
                             " WHERE id = ?1 AND ?2 = ?2",
                       shift_id, 0, error);

  return run_update (self, "DELETE FROM shift WHERE id = ?1 AND ?2 = ?2", shift_id, 0, error);
}

/* Every write: the permission, a transaction, the shift and its roster */
static gboolean
begin_edit (ScStore        *self,
            ScSession      *session,
            gint64          shift_id,
            ScRosterShift  *shift,
            ScRosterInfo  **roster,
            GError        **error)
{
  if (!sc_permission_check (session, SC_OPERATION_ROSTER_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!read_live_shift (self, shift_id, shift, error) ||
      !(*roster = read_roster (self, shift->roster_id, error)))
    {
      sc_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

static gboolean
end_edit (ScStore     *self,
          ScSession   *session,
          const char  *action,
          gint64       shift_id,
          const char  *summary,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) reopen = NULL;

  _sc_store_touch (self, "shift");

  /* A published roster that changes is a draft again, until its next
   * version is published */
  reopen = _sc_store_prepare (self,
                              "UPDATE roster SET status = 'draft' WHERE status = 'published'"
                              " AND id = (SELECT roster_id FROM shift WHERE id = ?1)",
                              error);
  if (reopen == NULL)
    {
      sc_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (reopen, 1, shift_id);
  if (!_sc_store_step_done (self, reopen, error))
    {
      sc_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) > 0)
    _sc_store_touch (self, "roster");

  if (!_sc_store_audit (self, session, action, "shift", shift_id, summary, error))
    {
      sc_store_rollback (self);
      return FALSE;
    }

  return sc_store_commit (self, error);
}

/**
 * sc_store_get_rosters:
 *
 * Everyone who may see shifts may see which rosters there are.
 *
 * Returns: (transfer full) (element-type ScRosterInfo): newest first
 */
GPtrArray *
sc_store_get_rosters (ScStore    *self,
                      ScSession  *session,
                      GError    **error)
{
  g_autoptr(GPtrArray) rosters = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_roster_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (sc_permission_access (session, SC_OPERATION_ROSTER_READ) == SC_ACCESS_DENY)
    {
      sc_permission_check (session, SC_OPERATION_ROSTER_READ, 0, error);
      return NULL;
    }

  stmt = _sc_store_prepare (self, "SELECT id, first_day, days, status, version, score,"
                                " EXISTS (SELECT 1 FROM roster_version v WHERE v.roster_id = roster.id)"
                                " FROM roster ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rosters, roster_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&rosters);
}

/**
 * sc_store_get_roster:
 * Returns: (transfer full): the roster, or %NULL with @error set
 */
ScRosterInfo *
sc_store_get_roster (ScStore    *self,
                     ScSession  *session,
                     gint64      roster_id,
                     GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (sc_permission_access (session, SC_OPERATION_ROSTER_READ) == SC_ACCESS_DENY)
    {
      sc_permission_check (session, SC_OPERATION_ROSTER_READ, 0, error);
      return NULL;
    }

  return read_roster (self, roster_id, error);
}

/**
 * sc_store_get_roster_shifts:
 * @include_cancelled: also the rows of removed shifts
 *
 * Those who may see only their own shifts get only theirs.
 *
 * Returns: (transfer full) (element-type ScRosterShift): by person and day
 */
GArray *
sc_store_get_roster_shifts (ScStore    *self,
                            ScSession  *session,
                            gint64      roster_id,
                            gboolean    include_cancelled,
                            GError    **error)
{
  g_autoptr(GArray) shifts = g_array_new (FALSE, FALSE, sizeof (ScRosterShift));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScAccess access;
  gint64 own;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  access = sc_permission_access (session, SC_OPERATION_ROSTER_READ);
  if (access != SC_ACCESS_ALL && access != SC_ACCESS_OWN)
    {
      sc_permission_check (session, SC_OPERATION_ROSTER_READ, 0, error);
      return NULL;
    }

  stmt = _sc_store_prepare (self,
                            "SELECT " SHIFT_COLUMNS " FROM shift WHERE roster_id = ?1"
                            " AND (?2 OR cancelled = 0) AND (?3 = 0 OR person_id = ?3)"
                            " ORDER BY person_id, day",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int (stmt, 2, include_cancelled ? 1 : 0);
  /* Only one's own shifts; someone who is nobody sees none */
  own = access == SC_ACCESS_ALL ? 0 : sc_session_get_person_id (session);
  if (access != SC_ACCESS_ALL && own == 0)
    own = -1;
  sqlite3_bind_int64 (stmt, 3, own);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScRosterShift shift;

      shift_from_row (stmt, &shift);
      g_array_append_val (shifts, shift);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&shifts);
}

/**
 * sc_store_get_shift:
 * Returns: %TRUE with @shift filled in, or %FALSE with @error set
 */
gboolean
sc_store_get_shift (ScStore        *self,
                    ScSession      *session,
                    gint64          shift_id,
                    ScRosterShift  *shift,
                    GError        **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (shift != NULL, FALSE);

  if (!read_shift (self, shift_id, shift, error))
    return FALSE;

  return sc_permission_check (session, SC_OPERATION_ROSTER_READ, shift->person_id, error);
}

/**
 * sc_store_add_shift:
 * @shift_type_id: what the person works that day
 *
 * Gives @person_id a shift of that type on @day.
 *
 * Returns: the shift's id, or 0 with @error set
 */
gint64
sc_store_add_shift (ScStore     *self,
                    ScSession   *session,
                    gint64       roster_id,
                    gint64       person_id,
                    const char  *day,
                    gint64       shift_type_id,
                    GError     **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift content = { 0, };
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_WRITE, 0, error))
    return 0;

  if (!sc_store_begin (self, error))
    return 0;

  content.shift_type_id = shift_type_id;
  if (!(roster = read_roster (self, roster_id, error)) ||
      !check_day (roster, day, error) ||
      !person_exists (self, person_id, error) ||
      !read_shift_type (self, shift_type_id, &content.start_minute, &content.length_minutes, &code, error) ||
      !(id = put_cell (self, roster, person_id, day, &content, error)))
    {
      sc_store_rollback (self);
      return 0;
    }

  summary = g_strdup_printf ("add %s: person %lld on %s", code, (long long) person_id, day);
  return end_edit (self, session, "insert", id, summary, error) ? id : 0;
}

/**
 * sc_store_remove_shift:
 *
 * Takes the shift off the roster: a roster that has ever been published
 * keeps the row, marked cancelled, for calendars to be told.
 */
gboolean
sc_store_remove_shift (ScStore    *self,
                       ScSession  *session,
                       gint64      shift_id,
                       GError    **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_edit (self, session, shift_id, &shift, &roster, error))
    return FALSE;

  if (!clear_cell (self, roster, shift_id, error))
    {
      sc_store_rollback (self);
      return FALSE;
    }

  summary = g_strdup_printf ("%s: person %lld on %s", roster_ever_published (roster) ? "cancel" : "remove",
                             (long long) shift.person_id, shift.day);
  return end_edit (self, session, "delete", shift_id, summary, error);
}

/**
 * sc_store_move_shift:
 * @person_id: whose shift it becomes
 * @day: on which day
 *
 * Moves the shift to an empty cell. Within one person's row the shift
 * keeps its id; to someone else it is removed from the first person and
 * added to the other.
 *
 * Returns: the id the shift has now, or 0 with @error set
 */
gint64
sc_store_move_shift (ScStore     *self,
                     ScSession   *session,
                     gint64       shift_id,
                     gint64       person_id,
                     const char  *day,
                     GError     **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;
  ScRosterShift target;
  GError *local_error = NULL;
  gboolean occupied;
  gint64 id = shift_id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!begin_edit (self, session, shift_id, &shift, &roster, error))
    return 0;

  if (shift.person_id == person_id && g_strcmp0 (shift.day, day) == 0)
    {
      sc_store_rollback (self);
      return shift_id;
    }

  if (!check_day (roster, day, error) || !person_exists (self, person_id, error))
    goto failed;

  occupied = read_cell (self, roster->id, person_id, day, &target, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto failed;
    }

  if (occupied && !target.cancelled)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                   _("That person already has a shift on %s"), day);
      goto failed;
    }

  if (person_id == shift.person_id && !occupied)
    {
      g_autoptr(sqlite3_stmt) stmt =
        _sc_store_prepare (self, "UPDATE shift SET day = ?1, sequence = sequence + 1 WHERE id = ?2", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, shift_id);
      if (!_sc_store_step_done (self, stmt, error))
        goto failed;
    }
  else
    {
      ScRosterShift content = shift;

      if (!post_for_person (self, &content, person_id, error) ||
          !(id = put_cell (self, roster, person_id, day, &content, error)) ||
          !clear_cell (self, roster, shift_id, error))
        goto failed;
    }

  summary = g_strdup_printf ("move: person %lld on %s to person %lld on %s",
                             (long long) shift.person_id, shift.day, (long long) person_id, day);
  return end_edit (self, session, "update", id, summary, error) ? id : 0;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_swap_shifts:
 *
 * Exchanges what two shifts are (type, times, skill, lock); each stays
 * with its person and day, so each person's calendar sees their own shift
 * change.
 */
gboolean
sc_store_swap_shifts (ScStore    *self,
                      ScSession  *session,
                      gint64      shift_a,
                      gint64      shift_b,
                      GError    **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift a, b;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_edit (self, session, shift_a, &a, &roster, error))
    return FALSE;

  if (!read_live_shift (self, shift_b, &b, error))
    goto failed;

  if (a.roster_id != b.roster_id)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("Only shifts of the same roster can be swapped"));
      goto failed;
    }

  if (shift_a == shift_b)
    {
      sc_store_rollback (self);
      return TRUE;
    }

  stmt = _sc_store_prepare (self,
                            "UPDATE shift SET shift_type_id = ?1, start_minute = ?2, length_minutes = ?3,"
                            " skill_id = ?4, locked = ?5, post_chosen = ?7, sequence = sequence + 1 WHERE id = ?6",
                            error);
  if (stmt == NULL)
    goto failed;

  for (int i = 0; i < 2; i++)
    {
      ScRosterShift moved = i == 0 ? b : a;
      const ScRosterShift *from = &moved;
      const ScRosterShift *to = i == 0 ? &a : &b;

      if (!post_for_person (self, &moved, to->person_id, error))
        goto failed;

      sqlite3_reset (stmt);
      if (from->shift_type_id != 0)
        sqlite3_bind_int64 (stmt, 1, from->shift_type_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int (stmt, 2, from->start_minute);
      sqlite3_bind_int (stmt, 3, from->length_minutes);
      if (from->skill_id != 0)
        sqlite3_bind_int64 (stmt, 4, from->skill_id);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int (stmt, 5, from->locked ? 1 : 0);
      sqlite3_bind_int64 (stmt, 6, to->id);
      sqlite3_bind_int (stmt, 7, from->post_chosen ? 1 : 0);
      if (!_sc_store_step_done (self, stmt, error))
        goto failed;
    }

  summary = g_strdup_printf ("swap: person %lld on %s with person %lld on %s",
                             (long long) a.person_id, a.day, (long long) b.person_id, b.day);
  return end_edit (self, session, "update", shift_a, summary, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_shift_type:
 *
 * Makes the shift one of that type, with the type's times.
 */
gboolean
sc_store_set_shift_type (ScStore    *self,
                         ScSession  *session,
                         gint64      shift_id,
                         gint64      shift_type_id,
                         GError    **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;
  int start, length;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_edit (self, session, shift_id, &shift, &roster, error))
    return FALSE;

  if (!read_shift_type (self, shift_type_id, &start, &length, &code, error))
    goto failed;

  if (shift.shift_type_id == shift_type_id && shift.start_minute == start && shift.length_minutes == length)
    {
      sc_store_rollback (self);
      return TRUE;
    }

  stmt = _sc_store_prepare (self,
                            "UPDATE shift SET shift_type_id = ?1, start_minute = ?2, length_minutes = ?3,"
                            " sequence = sequence + 1 WHERE id = ?4",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, shift_type_id);
  sqlite3_bind_int (stmt, 2, start);
  sqlite3_bind_int (stmt, 3, length);
  sqlite3_bind_int64 (stmt, 4, shift_id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  summary = g_strdup_printf ("type %s: person %lld on %s", code, (long long) shift.person_id, shift.day);
  return end_edit (self, session, "update", shift_id, summary, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_shift_locked:
 *
 * A locked shift is kept as it is when the roster is generated again.
 */
gboolean
sc_store_set_shift_locked (ScStore    *self,
                           ScSession  *session,
                           gint64      shift_id,
                           gboolean    locked,
                           GError    **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_edit (self, session, shift_id, &shift, &roster, error))
    return FALSE;

  if (shift.locked == !!locked)
    {
      sc_store_rollback (self);
      return TRUE;
    }

  if (!run_update (self, "UPDATE shift SET locked = ?2 WHERE id = ?1", shift_id, locked ? 1 : 0, error))
    {
      sc_store_rollback (self);
      return FALSE;
    }

  summary = g_strdup_printf ("%s: person %lld on %s", locked ? "lock" : "unlock",
                             (long long) shift.person_id, shift.day);
  return end_edit (self, session, "update", shift_id, summary, error);
}

/**
 * sc_store_set_shift_post:
 * @skill_id: the skill the shift is worked on, or 0 for none
 * @chosen: %TRUE when a person chose it (kept when posts are assigned
 *   again), %FALSE when it was assigned
 *
 * Sets the post a shift is worked on. The person must hold the skill at
 * proficiency 2 or more.
 */
gboolean
sc_store_set_shift_post (ScStore    *self,
                         ScSession  *session,
                         gint64      shift_id,
                         gint64      skill_id,
                         gboolean    chosen,
                         GError    **error)
{
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;
  gboolean holds;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_edit (self, session, shift_id, &shift, &roster, error))
    return FALSE;

  if (!person_holds_skill (self, shift.person_id, skill_id, &holds, error))
    goto failed;

  if (skill_id != 0 && !holds)
    {
      g_autoptr(sqlite3_stmt) names = NULL;

      names = _sc_store_prepare (self, "SELECT (SELECT name FROM person WHERE id = ?1),"
                                       " (SELECT name FROM skill WHERE id = ?2)",
                                 error);
      if (names != NULL)
        {
          sqlite3_bind_int64 (names, 1, shift.person_id);
          sqlite3_bind_int64 (names, 2, skill_id);
        }
      if (names == NULL || sqlite3_step (names) != SQLITE_ROW)
        {
          if (names != NULL)
            _sc_store_set_error (self, error);
          goto failed;
        }
      if (sqlite3_column_type (names, 1) == SQLITE_NULL)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                     _("There is no skill with id %lld"), (long long) skill_id);
      else
        /* Translators: “Li Na does not hold the skill Email at level 2 or more, so cannot work on that post” */
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                     _("%s does not hold the skill %s at level 2 or more, so cannot work on that post"),
                     _sc_store_column_text (names, 0), _sc_store_column_text (names, 1));
      goto failed;
    }

  if (shift.skill_id == skill_id && shift.post_chosen == !!chosen)
    {
      /* Nothing to write; a commit, so that an enclosing transaction goes on */
      return sc_store_commit (self, error);
    }

  /* The post shows in the person's calendar: a new post is a new sequence */
  stmt = _sc_store_prepare (self,
                            "UPDATE shift SET skill_id = ?1, post_chosen = ?2,"
                            " sequence = sequence + (coalesce (skill_id, 0) != coalesce (?1, 0)) WHERE id = ?3",
                            error);
  if (stmt == NULL)
    goto failed;
  if (skill_id != 0)
    sqlite3_bind_int64 (stmt, 1, skill_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int (stmt, 2, chosen ? 1 : 0);
  sqlite3_bind_int64 (stmt, 3, shift_id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  summary = g_strdup_printf ("post %lld%s: person %lld on %s", (long long) skill_id, chosen ? " chosen" : "",
                             (long long) shift.person_id, shift.day);
  return end_edit (self, session, "update", shift_id, summary, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}
