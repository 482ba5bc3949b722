/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * Cover requirements: how many people a day needs, beyond what the
 * forecasts say. A requirement is either for an interval of the day
 * (start_minute, one interval long) or for a shift type; either may name a
 * skill (a channel, a language…), and only people holding it count.
 */

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
describe (ScStore                  *self,
          const ScCoverRequirement *req)
{
  g_autoptr(sqlite3_stmt) shift = NULL;
  g_autoptr(sqlite3_stmt) skill = NULL;
  g_autofree char *what = NULL;
  g_autofree char *who = NULL;

  if (req->shift_type_id != 0)
    {
      shift = _sc_store_prepare (self, "SELECT code FROM shift_type WHERE id = ?1", NULL);
      if (shift != NULL)
        {
          sqlite3_bind_int64 (shift, 1, req->shift_type_id);
          if (sqlite3_step (shift) == SQLITE_ROW)
            what = g_strdup_printf ("shift %s", _sc_store_column_text (shift, 0));
        }
    }
  else
    what = g_strdup_printf ("%02d:%02d", req->start_minute / 60, req->start_minute % 60);

  if (req->skill_id != 0)
    {
      skill = _sc_store_prepare (self, "SELECT name FROM skill WHERE id = ?1", NULL);
      if (skill != NULL)
        {
          sqlite3_bind_int64 (skill, 1, req->skill_id);
          if (sqlite3_step (skill) == SQLITE_ROW)
            who = g_strdup_printf (" %s", _sc_store_column_text (skill, 0));
        }
    }

  return g_strdup_printf ("%s %s%s: %d (under %d, over %d)", req->day, or_empty (what),
                          or_empty (who), req->required, req->under_weight, req->over_weight);
}

static gboolean
validate (ScStore                  *self,
          const ScCoverRequirement *req,
          GError                  **error)
{
  if (!sc_day_is_valid (req->day))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Day of the cover requirement “%s” is not a day: write it as YYYY-MM-DD"), req->day);
      return FALSE;
    }

  if ((req->shift_type_id == 0) == (req->start_minute < 0))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A cover requirement on %s is either for a time of day or for a shift type, not both"),
                   req->day);
      return FALSE;
    }

  if (req->start_minute > 1439)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A cover requirement on %s starts after the end of the day"), req->day);
      return FALSE;
    }

  if (req->required < 0 || req->required > 10000)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A cover requirement on %s asks for %d people: give a number from 0 to 10,000"),
                   req->day, req->required);
      return FALSE;
    }

  if (req->under_weight < 0 || req->over_weight < 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The weights of a cover requirement on %s cannot be negative"), req->day);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_get_cover_requirements:
 * @first_day: (nullable): from this day
 * @last_day: (nullable): up to this day
 *
 * Returns: (transfer full) (element-type ScCoverRequirement): by day, then
 *   time of day, shift type requirements after interval ones
 */
GArray *
sc_store_get_cover_requirements (ScStore     *self,
                                 ScSession   *session,
                                 const char  *first_day,
                                 const char  *last_day,
                                 GError     **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (ScCoverRequirement));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_READ, 0, error))
    return NULL;

  if (!_sc_store_check_range (first_day, last_day, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT id, day, start_minute, shift_type_id, skill_id, required,"
                            " under_weight, over_weight FROM cover_requirement"
                            " WHERE (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)"
                            " ORDER BY day, start_minute IS NULL, start_minute, shift_type_id, skill_id, id",
                            error);
  if (stmt == NULL)
    return NULL;

  _sc_store_bind_text (stmt, 1, first_day);
  _sc_store_bind_text (stmt, 2, last_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScCoverRequirement req = { 0 };

      req.id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (req.day, _sc_store_column_text (stmt, 1), sizeof req.day);
      req.start_minute = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
      req.shift_type_id = sqlite3_column_int64 (stmt, 3);
      req.skill_id = sqlite3_column_int64 (stmt, 4);
      req.required = sqlite3_column_int (stmt, 5);
      req.under_weight = sqlite3_column_int (stmt, 6);
      req.over_weight = sqlite3_column_int (stmt, 7);
      g_array_append_val (list, req);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * sc_store_save_cover_requirement:
 * @req: a new requirement (id 0) or a change to an existing one
 *
 * Returns: the requirement's id, or 0 on error
 */
gint64
sc_store_save_cover_requirement (ScStore                  *self,
                                 ScSession                *session,
                                 const ScCoverRequirement *req,
                                 GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (req != NULL, 0);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_WRITE, 0, error))
    return 0;

  if (!validate (self, req, error))
    return 0;

  if (!sc_store_begin (self, error))
    return 0;

  if (req->id == 0)
    stmt = _sc_store_prepare (self,
                              "INSERT INTO cover_requirement (day, start_minute, shift_type_id, skill_id,"
                              " required, under_weight, over_weight) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  else
    stmt = _sc_store_prepare (self,
                              "UPDATE cover_requirement SET day = ?2, start_minute = ?3, shift_type_id = ?4,"
                              " skill_id = ?5, required = ?6, under_weight = ?7, over_weight = ?8"
                              " WHERE id = ?1",
                              error);
  if (stmt == NULL)
    goto failed;

  if (req->id != 0)
    sqlite3_bind_int64 (stmt, 1, req->id);
  sqlite3_bind_text (stmt, 2, req->day, -1, SQLITE_TRANSIENT);
  if (req->start_minute >= 0)
    sqlite3_bind_int (stmt, 3, req->start_minute);
  else
    sqlite3_bind_null (stmt, 3);
  if (req->shift_type_id != 0)
    sqlite3_bind_int64 (stmt, 4, req->shift_type_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (req->skill_id != 0)
    sqlite3_bind_int64 (stmt, 5, req->skill_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int (stmt, 6, req->required);
  sqlite3_bind_int (stmt, 7, req->under_weight);
  sqlite3_bind_int (stmt, 8, req->over_weight);

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  if (req->id != 0 && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("The cover requirement was removed by someone else"));
      goto failed;
    }

  id = req->id != 0 ? req->id : sqlite3_last_insert_rowid (self->db);
  _sc_store_touch (self, "cover_requirement");

  summary = describe (self, req);
  if (!_sc_store_audit (self, session, req->id != 0 ? "update" : "insert", "cover_requirement",
                        id, summary, error))
    goto failed;

  return sc_store_commit (self, error) ? id : 0;

failed:
  sc_store_rollback (self);
  return 0;
}

gboolean
sc_store_remove_cover_requirement (ScStore     *self,
                                   ScSession   *session,
                                   gint64       id,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  ScCoverRequirement req = { 0 };

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  find = _sc_store_prepare (self,
                            "SELECT day, start_minute, shift_type_id, skill_id, required, under_weight,"
                            " over_weight FROM cover_requirement WHERE id = ?1",
                            error);
  stmt = _sc_store_prepare (self, "DELETE FROM cover_requirement WHERE id = ?1", error);
  if (find == NULL || stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (find, 1, id);
  if (sqlite3_step (find) != SQLITE_ROW)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("The cover requirement was removed by someone else"));
      goto failed;
    }

  req.id = id;
  g_strlcpy (req.day, _sc_store_column_text (find, 0), sizeof req.day);
  req.start_minute = sqlite3_column_type (find, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (find, 1);
  req.shift_type_id = sqlite3_column_int64 (find, 2);
  req.skill_id = sqlite3_column_int64 (find, 3);
  req.required = sqlite3_column_int (find, 4);
  req.under_weight = sqlite3_column_int (find, 5);
  req.over_weight = sqlite3_column_int (find, 6);
  summary = describe (self, &req);

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "cover_requirement");
  if (!_sc_store_audit (self, session, "delete", "cover_requirement", id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}
