/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-roster"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * What rosters are made from: shift types, the channels' service targets
 * and their forecasts. Days are local dates (YYYY-MM-DD) in the team's
 * time zone; times of day are minutes after midnight on the clock.
 */

static gboolean
is_valid_colour (const char *colour)
{
  if (colour == NULL || strlen (colour) != 7 || colour[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;

  return TRUE;
}

/* For the audit trail: what people call the channel */
static char *
skill_name (ScStore *self,
            gint64   skill_id)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT name FROM skill WHERE id = ?1", NULL);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, skill_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_sc_store_column_text (stmt, 0));
    }

  return g_strdup_printf ("#%" G_GINT64_FORMAT, skill_id);
}

static ScShiftType *
shift_type_from_row (sqlite3_stmt *stmt)
{
  ScShiftType *type = g_object_new (SC_TYPE_SHIFT_TYPE, NULL);
  ScShiftCategory category = SC_SHIFT_CATEGORY_DAY;

  sc_shift_category_from_string (_sc_store_column_text (stmt, 8), &category);
  sc_shift_type_set_id (type, sqlite3_column_int64 (stmt, 0));
  sc_shift_type_set_code (type, _sc_store_column_text (stmt, 1));
  sc_shift_type_set_name (type, _sc_store_column_text (stmt, 2));
  sc_shift_type_set_start_minute (type, sqlite3_column_int (stmt, 3));
  sc_shift_type_set_length_minutes (type, sqlite3_column_int (stmt, 4));
  sc_shift_type_set_break_minutes (type, sqlite3_column_int (stmt, 5));
  sc_shift_type_set_paid_minutes (type, sqlite3_column_int (stmt, 6));
  sc_shift_type_set_colour (type, _sc_store_column_text (stmt, 7));
  sc_shift_type_set_category (type, category);
  return type;
}

/**
 * sc_store_get_shift_types:
 *
 * Everyone may read them: they say what the codes on a roster mean.
 *
 * Returns: (transfer full) (element-type ScShiftType): by start time
 */
GPtrArray *
sc_store_get_shift_types (ScStore  *self,
                          GError  **error)
{
  g_autoptr(GPtrArray) types = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT id, code, name, start_minute, length_minutes, break_minutes,"
                            " paid_minutes, colour, category FROM shift_type"
                            " ORDER BY start_minute, length_minutes, code",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (types, shift_type_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&types);
}

static gboolean
validate_shift_type (ScShiftType  *type,
                     GError      **error)
{
  const char *code = sc_shift_type_get_code (type);
  const char *name = sc_shift_type_get_name (type);
  int length = sc_shift_type_get_length_minutes (type);

  if (code == NULL || *code == '\0' || g_utf8_strlen (code, -1) > 8)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A shift type needs a short code of 1 to 8 characters, like E or N"));
      return FALSE;
    }

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Shift type “%s” needs a name"), code);
      return FALSE;
    }

  if (length < 15 || length > 24 * 60 || length % 15 != 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Shift type “%s”: the length must be a multiple of 15 minutes, up to 24 hours"),
                   code);
      return FALSE;
    }

  if (sc_shift_type_get_break_minutes (type) >= length ||
      sc_shift_type_get_paid_minutes (type) > length)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Shift type “%s”: breaks and paid time must fit in the shift"), code);
      return FALSE;
    }

  if (!is_valid_colour (sc_shift_type_get_colour (type)))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Shift type “%s”: the colour must be written like #3584e4"), code);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_save_shift_type:
 *
 * Adds @type when its id is 0 (setting the id), else updates it.
 */
gboolean
sc_store_save_shift_type (ScStore      *self,
                          ScSession    *session,
                          ScShiftType  *type,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  gboolean insert;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (type), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_WRITE, 0, error))
    return FALSE;

  if (!validate_shift_type (type, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  insert = sc_shift_type_get_id (type) == 0;
  stmt = _sc_store_prepare (self,
                            insert ? "INSERT INTO shift_type (code, name, start_minute, length_minutes,"
                                     " break_minutes, paid_minutes, colour, category)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                   : "UPDATE shift_type SET code = ?1, name = ?2, start_minute = ?3,"
                                     " length_minutes = ?4, break_minutes = ?5, paid_minutes = ?6,"
                                     " colour = ?7, category = ?8 WHERE id = ?9",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, sc_shift_type_get_code (type), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sc_shift_type_get_name (type), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, sc_shift_type_get_start_minute (type));
  sqlite3_bind_int (stmt, 4, sc_shift_type_get_length_minutes (type));
  sqlite3_bind_int (stmt, 5, sc_shift_type_get_break_minutes (type));
  sqlite3_bind_int (stmt, 6, sc_shift_type_get_paid_minutes (type));
  sqlite3_bind_text (stmt, 7, sc_shift_type_get_colour (type), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, sc_shift_category_to_string (sc_shift_type_get_category (type)), -1,
                     SQLITE_STATIC);
  if (!insert)
    sqlite3_bind_int64 (stmt, 9, sc_shift_type_get_id (type));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("There is already a shift type with the code “%s”"),
                     sc_shift_type_get_code (type));
      else
        _sc_store_set_error (self, error);
      goto failed;
    }

  if (insert)
    sc_shift_type_set_id (type, sqlite3_last_insert_rowid (self->db));
  _sc_store_touch (self, "shift_type");

  summary = g_strdup_printf ("%s %s %02d:%02d +%d min", sc_shift_type_get_code (type),
                             sc_shift_type_get_name (type), sc_shift_type_get_start_minute (type) / 60,
                             sc_shift_type_get_start_minute (type) % 60,
                             sc_shift_type_get_length_minutes (type));
  if (!_sc_store_audit (self, session, insert ? "insert" : "update", "shift_type",
                        sc_shift_type_get_id (type), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_service_target:
 * Returns: (transfer full) (nullable): the channel's target, or %NULL
 *   without an error when it has none
 */
ScServiceTarget *
sc_store_get_service_target (ScStore    *self,
                             ScSession  *session,
                             gint64      skill_id,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScServiceTarget *target;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT service_level, target_seconds, max_occupancy, shrinkage, aht_seconds"
                            " FROM service_target WHERE skill_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, skill_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _sc_store_set_error (self, error);
      return NULL;
    }

  target = g_object_new (SC_TYPE_SERVICE_TARGET, NULL);
  sc_service_target_set_skill_id (target, skill_id);
  sc_service_target_set_service_level (target, sqlite3_column_double (stmt, 0));
  sc_service_target_set_target_seconds (target, sqlite3_column_int (stmt, 1));
  sc_service_target_set_max_occupancy (target, sqlite3_column_double (stmt, 2));
  sc_service_target_set_shrinkage (target, sqlite3_column_double (stmt, 3));
  sc_service_target_set_aht_seconds (target, sqlite3_column_int (stmt, 4));
  return target;
}

gboolean
sc_store_set_service_target (ScStore          *self,
                             ScSession        *session,
                             ScServiceTarget  *target,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  double sl = sc_service_target_get_service_level (target);
  double occupancy = sc_service_target_get_max_occupancy (target);
  double shrinkage = sc_service_target_get_shrinkage (target);

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (target), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_WRITE, 0, error))
    return FALSE;

  if (!(sl > 0 && sl < 1) || !(occupancy > 0 && occupancy <= 1) || !(shrinkage >= 0 && shrinkage < 1))
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A service target needs a service level between 0 and 100 %, a maximum occupancy above 0 and up to 100 %, and shrinkage from 0 to under 100 %"));
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO service_target (skill_id, service_level, target_seconds,"
                            " max_occupancy, shrinkage, aht_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                            " ON CONFLICT (skill_id) DO UPDATE SET service_level = excluded.service_level,"
                            " target_seconds = excluded.target_seconds, max_occupancy = excluded.max_occupancy,"
                            " shrinkage = excluded.shrinkage, aht_seconds = excluded.aht_seconds",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, sc_service_target_get_skill_id (target));
  sqlite3_bind_double (stmt, 2, sl);
  sqlite3_bind_int (stmt, 3, sc_service_target_get_target_seconds (target));
  sqlite3_bind_double (stmt, 4, occupancy);
  sqlite3_bind_double (stmt, 5, shrinkage);
  sqlite3_bind_int (stmt, 6, sc_service_target_get_aht_seconds (target));

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  _sc_store_touch (self, "service_target");

  name = skill_name (self, sc_service_target_get_skill_id (target));
  summary = g_strdup_printf ("%s: %.0f%% in %d s, occupancy ≤ %.0f%%, shrinkage %.0f%%",
                             name, sl * 100,
                             sc_service_target_get_target_seconds (target), occupancy * 100,
                             shrinkage * 100);
  if (!_sc_store_audit (self, session, "save", "service_target",
                        sc_service_target_get_skill_id (target), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_forecast:
 * Returns: (transfer full) (element-type ScForecastPoint): the channel's
 *   forecast for @day, by start minute (empty when there is none)
 */
GArray *
sc_store_get_forecast (ScStore     *self,
                       ScSession   *session,
                       gint64       skill_id,
                       const char  *day,
                       GError     **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScForecastPoint));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT start_minute, volume, aht_seconds FROM forecast"
                            " WHERE skill_id = ?1 AND day = ?2 ORDER BY start_minute",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, skill_id);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScForecastPoint point = {
        .start_minute = sqlite3_column_int (stmt, 0),
        .volume = sqlite3_column_double (stmt, 1),
        .aht_seconds = sqlite3_column_int (stmt, 2),
      };
      g_array_append_val (points, point);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&points);
}

/**
 * sc_store_set_forecast:
 *
 * Replaces the channel's forecast for @day with @points.
 */
gboolean
sc_store_set_forecast (ScStore                *self,
                       ScSession              *session,
                       gint64                  skill_id,
                       const char             *day,
                       const ScForecastPoint  *points,
                       guint                   n_points,
                       GError                **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  double total = 0;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_WRITE, 0, error))
    return FALSE;

  if (!sc_day_is_valid (day))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), day ? day : "");
      return FALSE;
    }

  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].start_minute < 0 || points[i].start_minute >= 24 * 60 ||
          !(points[i].volume >= 0) || points[i].aht_seconds <= 0)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("Forecast for %s, interval %u: the time, volume or handling time is out of range"),
                       day, i + 1);
          return FALSE;
        }
      total += points[i].volume;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  remove = _sc_store_prepare (self, "DELETE FROM forecast WHERE skill_id = ?1 AND day = ?2", error);
  insert = _sc_store_prepare (self,
                              "INSERT INTO forecast (skill_id, day, start_minute, volume, aht_seconds)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)",
                              error);
  if (remove == NULL || insert == NULL)
    goto failed;

  sqlite3_bind_int64 (remove, 1, skill_id);
  sqlite3_bind_text (remove, 2, day, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, remove, error))
    goto failed;

  for (guint i = 0; i < n_points; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, skill_id);
      sqlite3_bind_text (insert, 2, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 3, points[i].start_minute);
      sqlite3_bind_double (insert, 4, points[i].volume);
      sqlite3_bind_int (insert, 5, points[i].aht_seconds);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          if ((sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CONSTRAINT)
            g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                         _("Forecast for %s: two intervals start at %02d:%02d, or the channel does not exist"),
                         day, points[i].start_minute / 60, points[i].start_minute % 60);
          else
            _sc_store_set_error (self, error);
          goto failed;
        }
    }

  _sc_store_touch (self, "forecast");
  name = skill_name (self, skill_id);
  summary = g_strdup_printf ("%s, %s: %u intervals, %.0f contacts", name, day, n_points, total);
  if (!_sc_store_audit (self, session, "save", "forecast", skill_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_next_forecast_day:
 * @day: a day (YYYY-MM-DD)
 *
 * Returns: (transfer full) (nullable): the first day on or after @day with
 *   a forecast for any channel, or %NULL when there is none
 */
char *
sc_store_get_next_forecast_day (ScStore    *self,
                                const char *day)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self, "SELECT min (day) FROM forecast WHERE day >= ?1", NULL);
  if (stmt == NULL)
    return NULL;

  _sc_store_bind_text (stmt, 1, day);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup (_sc_store_column_text (stmt, 0));

  return NULL;
}
