/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-team"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-permissions.h"
#include "sc-store-private.h"

#define PERSON_COLUMNS                                                                   \
  "p.id, p.employee_no, p.name, p.role, p.level, p.hire_date, p.email, "                 \
  "p.min_minutes_week, p.max_minutes_week, p.max_consecutive_days, p.min_rest_minutes, " \
  "p.active, p.min_consecutive_days, p.min_consecutive_days_off, p.max_weekends, "      \
  "(SELECT group_concat (s.name || ' ' || ps.proficiency, ', ') FROM "                   \
  "  (SELECT * FROM person_skill ps2 WHERE ps2.person_id = p.id "                        \
  "   ORDER BY ps2.proficiency DESC, ps2.skill_id) ps "                                  \
  " JOIN skill s ON s.id = ps.skill_id), "                                               \
  "p.crew"

static ScPerson *
person_from_row (sqlite3_stmt *stmt)
{
  ScPerson *person = sc_person_new ();
  ScRole role = SC_ROLE_AGENT;
  ScLevel level = SC_LEVEL_JUNIOR;

  sc_role_from_string (_sc_store_column_text (stmt, 3), &role);
  sc_level_from_string (_sc_store_column_text (stmt, 4), &level);

  sc_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  sc_person_set_employee_no (person, _sc_store_column_text (stmt, 1));
  sc_person_set_name (person, _sc_store_column_text (stmt, 2));
  sc_person_set_role (person, role);
  sc_person_set_level (person, level);
  sc_person_set_hire_date (person, _sc_store_column_text (stmt, 5));
  sc_person_set_email (person, _sc_store_column_text (stmt, 6));
  sc_person_set_min_minutes_week (person, sqlite3_column_int (stmt, 7));
  sc_person_set_max_minutes_week (person, sqlite3_column_int (stmt, 8));
  sc_person_set_max_consecutive_days (person, sqlite3_column_int (stmt, 9));
  sc_person_set_min_rest_minutes (person, sqlite3_column_int (stmt, 10));
  sc_person_set_active (person, sqlite3_column_int (stmt, 11) != 0);
  sc_person_set_min_consecutive_days (person, sqlite3_column_int (stmt, 12));
  sc_person_set_min_consecutive_days_off (person, sqlite3_column_int (stmt, 13));
  sc_person_set_max_weekends (person, sqlite3_column_int (stmt, 14));
  sc_person_set_skills_summary (person, _sc_store_column_text (stmt, 15));
  sc_person_set_crew (person, _sc_store_column_text (stmt, 16));

  return person;
}

static ScTeam *
team_from_row (sqlite3_stmt *stmt)
{
  ScTeam *team = sc_team_new (_sc_store_column_text (stmt, 1), _sc_store_column_text (stmt, 2));

  sc_team_set_id (team, sqlite3_column_int64 (stmt, 0));
  sc_team_set_interval_minutes (team, sqlite3_column_int (stmt, 3));
  return team;
}

/* What the audit trail says about a person: never more than the fields */
static char *
describe_person (ScPerson *person)
{
  return g_strdup_printf ("%s (%s), %s, %s", sc_person_get_name (person),
                          sc_person_get_employee_no (person),
                          sc_role_to_string (sc_person_get_role (person)),
                          sc_level_to_string (sc_person_get_level (person)));
}

static void
append_change (GString    *str,
               const char *field,
               const char *before,
               const char *after)
{
  if (g_strcmp0 (before ? before : "", after ? after : "") == 0)
    return;

  g_string_append_printf (str, "%s%s: %s → %s", str->len ? "; " : "", field,
                          before && *before ? before : "∅", after && *after ? after : "∅");
}

static void
append_int_change (GString    *str,
                   const char *field,
                   int         before,
                   int         after)
{
  if (before != after)
    g_string_append_printf (str, "%s%s: %d → %d", str->len ? "; " : "", field, before, after);
}

/* “level: junior → senior; email: ∅ → a@b.c”, or %NULL when nothing changed */
static char *
describe_person_change (ScPerson *before,
                        ScPerson *after)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *name = g_strstrip (g_strdup (sc_person_get_name (after)));
  g_autofree char *employee_no = g_strstrip (g_strdup (sc_person_get_employee_no (after)));
  g_autofree char *crew = g_strstrip (g_strdup (sc_person_get_crew (after)));

  append_change (str, "name", sc_person_get_name (before), name);
  append_change (str, "employee_no", sc_person_get_employee_no (before), employee_no);
  append_change (str, "role", sc_role_to_string (sc_person_get_role (before)),
                 sc_role_to_string (sc_person_get_role (after)));
  append_change (str, "level", sc_level_to_string (sc_person_get_level (before)),
                 sc_level_to_string (sc_person_get_level (after)));
  append_change (str, "hire_date", sc_person_get_hire_date (before), sc_person_get_hire_date (after));
  append_change (str, "email", sc_person_get_email (before), sc_person_get_email (after));
  append_change (str, "crew", sc_person_get_crew (before), crew);
  append_int_change (str, "min_minutes_week", sc_person_get_min_minutes_week (before),
                     sc_person_get_min_minutes_week (after));
  append_int_change (str, "max_minutes_week", sc_person_get_max_minutes_week (before),
                     sc_person_get_max_minutes_week (after));
  append_int_change (str, "max_consecutive_days", sc_person_get_max_consecutive_days (before),
                     sc_person_get_max_consecutive_days (after));
  append_int_change (str, "min_consecutive_days", sc_person_get_min_consecutive_days (before),
                     sc_person_get_min_consecutive_days (after));
  append_int_change (str, "min_consecutive_days_off", sc_person_get_min_consecutive_days_off (before),
                     sc_person_get_min_consecutive_days_off (after));
  append_int_change (str, "max_weekends", sc_person_get_max_weekends (before),
                     sc_person_get_max_weekends (after));
  append_int_change (str, "min_rest_minutes", sc_person_get_min_rest_minutes (before),
                     sc_person_get_min_rest_minutes (after));
  append_int_change (str, "active", sc_person_get_active (before), sc_person_get_active (after));

  if (str->len == 0)
    return NULL;

  g_string_prepend (str, ": ");
  g_string_prepend (str, sc_person_get_name (before));
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The stored proficiency, or -1 when the person does not have the skill */
static int
get_proficiency (ScStore *self,
                 gint64   person_id,
                 gint64   skill_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    _sc_store_prepare (self, "SELECT proficiency FROM person_skill WHERE person_id = ?1 AND skill_id = ?2", NULL);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
}

static char *
describe_person_skill (ScStore *self,
                       gint64   person_id,
                       gint64   skill_id,
                       int      before,
                       int      after)
{
  g_autoptr(sqlite3_stmt) stmt =
    _sc_store_prepare (self,
                       "SELECT (SELECT name FROM person WHERE id = ?1), (SELECT name FROM skill WHERE id = ?2)",
                       NULL);
  g_autofree char *b = before < 0 ? g_strdup ("∅") : g_strdup_printf ("%d", before);
  g_autofree char *a = after < 0 ? g_strdup ("∅") : g_strdup_printf ("%d", after);

  if (stmt == NULL)
    return g_strdup_printf ("%s → %s", b, a);

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup_printf ("%s → %s", b, a);

  return g_strdup_printf ("%s, %s: %s → %s", _sc_store_column_text (stmt, 0),
                          _sc_store_column_text (stmt, 1), b, a);
}

/**
 * sc_store_get_team:
 * Returns: (transfer full) (nullable): the team, or %NULL when there is none
 *   yet (without setting @error)
 */
ScTeam *
sc_store_get_team (ScStore  *self,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT id, name, time_zone, interval_minutes FROM team ORDER BY id LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return team_from_row (stmt);
  if (rc != SQLITE_DONE)
    _sc_store_set_error (self, error);

  return NULL;
}

/**
 * sc_store_ensure_team:
 *
 * Returns the team, creating one named “Support team” in the system's time
 * zone when the database has none.
 *
 * Returns: (transfer full): the team
 */
ScTeam *
sc_store_ensure_team (ScStore  *self,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autofree char *tz = NULL;

  team = sc_store_get_team (self, &local_error);
  if (team != NULL)
    return g_steal_pointer (&team);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  tz = sc_team_default_time_zone ();
  team = sc_team_new (_("Support team"), tz);
  if (!sc_store_save_team (self, NULL, team, error))
    return NULL;

  return g_steal_pointer (&team);
}

gboolean
sc_store_save_team (ScStore    *self,
                    ScSession  *session,
                    ScTeam     *team,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  const char *name;
  const char *zone;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_TEAM (team), FALSE);

  if (session != NULL && !sc_permission_check (session, SC_OPERATION_TEAM_WRITE, 0, error))
    return FALSE;

  name = sc_team_get_name (team);
  zone = sc_team_get_time_zone (team);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The team needs a name"));
      return FALSE;
    }

  if (zone == NULL || (tz = g_time_zone_new_identifier (zone)) == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a known time zone: use a name like Asia/Shanghai"),
                   zone ? zone : "");
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  if (sc_team_get_id (team) == 0)
    stmt = _sc_store_prepare (self,
                              "INSERT INTO team (name, time_zone, interval_minutes) VALUES (?1, ?2, ?3)",
                              error);
  else
    stmt = _sc_store_prepare (self,
                              "UPDATE team SET name = ?1, time_zone = ?2, interval_minutes = ?3 WHERE id = ?4",
                              error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, zone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, sc_team_get_interval_minutes (team));
  if (sc_team_get_id (team) != 0)
    sqlite3_bind_int64 (stmt, 4, sc_team_get_id (team));

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  if (sc_team_get_id (team) == 0)
    sc_team_set_id (team, sqlite3_last_insert_rowid (self->db));

  _sc_store_touch (self, "team");

  {
    g_autofree char *summary = g_strdup_printf ("%s, %s, %d min", name, zone,
                                                sc_team_get_interval_minutes (team));
    if (!_sc_store_audit (self, session, "save", "team", sc_team_get_id (team), summary, error))
      goto failed;
  }

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* Who @session may read people of: everyone (*only = 0) or, for an agent,
 * only their own profile (*only = their person, −1 when they have none) */
static gboolean
people_read_scope (ScSession  *session,
                   gint64     *only,
                   GError    **error)
{
  ScAccess access = sc_permission_access (session, SC_OPERATION_PEOPLE_READ);

  *only = 0;
  if (access == SC_ACCESS_OWN)
    *only = MAX (sc_session_get_person_id (session), -1);
  else if (access != SC_ACCESS_ALL)
    {
      sc_permission_check (session, SC_OPERATION_PEOPLE_READ, 0, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_store_get_people:
 * Returns: (transfer full) (element-type ScPerson): the team's people, by name
 */
GPtrArray *
sc_store_get_people (ScStore    *self,
                     ScSession  *session,
                     gboolean    include_inactive,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 only;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  if (!people_read_scope (session, &only, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT " PERSON_COLUMNS " FROM person p"
                            " WHERE (p.active = 1 OR ?1) AND (?2 = 0 OR p.id = ?2)"
                            " ORDER BY p.name COLLATE NOCASE, p.id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, only);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&people);
}

guint
sc_store_count_people (ScStore  *self,
                       gboolean  include_inactive)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  stmt = _sc_store_prepare (self, "SELECT count(*) FROM person WHERE active = 1 OR ?1", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int (stmt, 0);
}

/**
 * sc_store_get_person:
 * Returns: (transfer full): the person, or %NULL with @error set
 */
ScPerson *
sc_store_get_person (ScStore    *self,
                     ScSession  *session,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_READ, id, error))
    return NULL;

  return _sc_store_get_person_unchecked (self, id, error);
}

ScPerson *
_sc_store_get_person_unchecked (ScStore  *self,
                                gint64    id,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT " PERSON_COLUMNS " FROM person p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no person with id %lld"), (long long) id))
    return NULL;
  return person_from_row (stmt);
}

static void
bind_person (sqlite3_stmt *stmt,
             ScPerson     *person)
{
  g_autofree char *name = g_strstrip (g_strdup (sc_person_get_name (person)));
  g_autofree char *employee_no = g_strstrip (g_strdup (sc_person_get_employee_no (person)));
  g_autofree char *crew = g_strstrip (g_strdup (sc_person_get_crew (person)));

  sqlite3_bind_text (stmt, 1, employee_no, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, sc_role_to_string (sc_person_get_role (person)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sc_level_to_string (sc_person_get_level (person)), -1, SQLITE_STATIC);
  _sc_store_bind_text (stmt, 5, sc_person_get_hire_date (person));
  _sc_store_bind_text (stmt, 6, sc_person_get_email (person));
  sqlite3_bind_int (stmt, 7, sc_person_get_min_minutes_week (person));
  sqlite3_bind_int (stmt, 8, sc_person_get_max_minutes_week (person));
  sqlite3_bind_int (stmt, 9, sc_person_get_max_consecutive_days (person));
  sqlite3_bind_int (stmt, 10, sc_person_get_min_rest_minutes (person));
  sqlite3_bind_int (stmt, 11, sc_person_get_active (person) ? 1 : 0);
  sqlite3_bind_int (stmt, 12, sc_person_get_min_consecutive_days (person));
  sqlite3_bind_int (stmt, 13, sc_person_get_min_consecutive_days_off (person));
  sqlite3_bind_int (stmt, 14, sc_person_get_max_weekends (person));
  sqlite3_bind_text (stmt, 16, crew, -1, SQLITE_TRANSIENT);
}

static void
set_duplicate_error (ScPerson  *person,
                     GError   **error)
{
  g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
               _("Employee number “%s” already belongs to someone else in the team"),
               sc_person_get_employee_no (person));
}

/**
 * sc_store_add_person:
 *
 * Validates and inserts @person into the team, setting its id.
 */
gboolean
sc_store_add_person (ScStore    *self,
                     ScSession  *session,
                     ScPerson   *person,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_PERSON (person), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_WRITE, 0, error))
    return FALSE;

  if (!sc_person_validate (person, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(team = sc_store_ensure_team (self, error)))
    goto failed;

  stmt = _sc_store_prepare (self,
                            "INSERT INTO person (employee_no, name, role, level, hire_date, email,"
                            " min_minutes_week, max_minutes_week, max_consecutive_days,"
                            " min_rest_minutes, active, min_consecutive_days, min_consecutive_days_off,"
                            " max_weekends, team_id, crew)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 15, sc_team_get_id (team));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        set_duplicate_error (person, error);
      else
        _sc_store_set_error (self, error);
      goto failed;
    }

  sc_person_set_id (person, sqlite3_last_insert_rowid (self->db));
  _sc_store_touch (self, "person");

  summary = describe_person (person);
  if (!_sc_store_audit (self, session, "insert", "person", sc_person_get_id (person), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_update_person (ScStore    *self,
                        ScSession  *session,
                        ScPerson   *person,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ScPerson) before = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_PERSON (person), FALSE);
  g_return_val_if_fail (sc_person_get_id (person) > 0, FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_WRITE, sc_person_get_id (person), error))
    return FALSE;

  if (!sc_person_validate (person, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(before = _sc_store_get_person_unchecked (self, sc_person_get_id (person), error)))
    goto failed;

  stmt = _sc_store_prepare (self,
                            "UPDATE person SET employee_no = ?1, name = ?2, role = ?3, level = ?4,"
                            " hire_date = ?5, email = ?6, min_minutes_week = ?7,"
                            " max_minutes_week = ?8, max_consecutive_days = ?9,"
                            " min_rest_minutes = ?10, active = ?11, min_consecutive_days = ?12,"
                            " min_consecutive_days_off = ?13, max_weekends = ?14, crew = ?16"
                            " WHERE id = ?15",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_person (stmt, person);
  sqlite3_bind_int64 (stmt, 15, sc_person_get_id (person));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        set_duplicate_error (person, error);
      else
        _sc_store_set_error (self, error);
      goto failed;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no person with id %lld"), (long long) sc_person_get_id (person));
      goto failed;
    }

  _sc_store_touch (self, "person");

  summary = describe_person_change (before, person);
  if (summary != NULL &&
      !_sc_store_audit (self, session, "update", "person", sc_person_get_id (person), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_person_active:
 *
 * Deactivates someone who left (or brings them back). Their history stays.
 */
gboolean
sc_store_set_person_active (ScStore    *self,
                            ScSession  *session,
                            gint64      person_id,
                            gboolean    active,
                            GError    **error)
{
  g_autoptr(ScPerson) person = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_WRITE, person_id, error))
    return FALSE;

  if (!(person = _sc_store_get_person_unchecked (self, person_id, error)))
    return FALSE;

  sc_person_set_active (person, active);
  return sc_store_update_person (self, session, person, error);
}

static int
compare_crews (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/**
 * sc_store_get_crews:
 *
 * The groups (班组) the active people of the team are in, each once, in
 * the order of the user's language. People in no group add nothing.
 *
 * Returns: (transfer full): a %NULL-terminated array, empty when no one is
 *   in a group; %NULL with @error set
 */
GStrv
sc_store_get_crews (ScStore    *self,
                    ScSession  *session,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) crews = g_ptr_array_new_with_free_func (g_free);
  gint64 only;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  if (!people_read_scope (session, &only, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT DISTINCT crew FROM person"
                            " WHERE active = 1 AND crew <> '' AND (?1 = 0 OR id = ?1)",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, only);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (crews, g_strdup (_sc_store_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  g_ptr_array_sort (crews, compare_crews);
  g_ptr_array_add (crews, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&crews), FALSE);
}

static ScSkill *
skill_from_row (sqlite3_stmt *stmt)
{
  ScSkillCategory category = SC_SKILL_CATEGORY_PRODUCT;
  ScSkill *skill;

  sc_skill_category_from_string (_sc_store_column_text (stmt, 2), &category);
  skill = sc_skill_new (_sc_store_column_text (stmt, 1), category);
  sc_skill_set_id (skill, sqlite3_column_int64 (stmt, 0));
  return skill;
}

/**
 * sc_store_get_skills:
 * Returns: (transfer full) (element-type ScSkill): every skill, by category and name
 */
GPtrArray *
sc_store_get_skills (ScStore  *self,
                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT id, name, category FROM skill ORDER BY"
                            " CASE category WHEN 'product' THEN 0 WHEN 'communication' THEN 1"
                            " WHEN 'emotion-management' THEN 2 WHEN 'problem-solving' THEN 3"
                            " WHEN 'channel' THEN 4 ELSE 5 END, name",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (skills, skill_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&skills);
}

/**
 * sc_store_find_skill:
 * Returns: (transfer full) (nullable): the skill with that name (ignoring
 *   case), or %NULL without an error when there is none
 */
ScSkill *
sc_store_find_skill (ScStore     *self,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT id, name, category FROM skill WHERE name = ?1 COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return skill_from_row (stmt);
  if (rc != SQLITE_DONE)
    _sc_store_set_error (self, error);

  return NULL;
}

gboolean
sc_store_add_skill (ScStore    *self,
                    ScSession  *session,
                    ScSkill    *skill,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (SC_IS_SKILL (skill), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_SKILLS_WRITE, 0, error))
    return FALSE;

  name = g_strstrip (g_strdup (sc_skill_get_name (skill) ? sc_skill_get_name (skill) : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The skill needs a name"));
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, "INSERT INTO skill (name, category) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sc_skill_category_to_string (sc_skill_get_category (skill)), -1,
                     SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("There is already a skill named “%s”"), name);
      else
        _sc_store_set_error (self, error);
      goto failed;
    }

  sc_skill_set_id (skill, sqlite3_last_insert_rowid (self->db));
  _sc_store_touch (self, "skill");

  summary = g_strdup_printf ("%s (%s)", name, sc_skill_category_to_string (sc_skill_get_category (skill)));
  if (!_sc_store_audit (self, session, "insert", "skill", sc_skill_get_id (skill), summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_person_skills:
 * Returns: (transfer full) (element-type ScPersonSkill): the person's skills
 */
GPtrArray *
sc_store_get_person_skills (ScStore    *self,
                            ScSession  *session,
                            gint64      person_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PERSON_SKILLS_READ, person_id, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT ps.skill_id, s.name, s.category, ps.proficiency"
                            " FROM person_skill ps JOIN skill s ON s.id = ps.skill_id"
                            " WHERE ps.person_id = ?1 ORDER BY s.name",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScPersonSkill *ps = sc_person_skill_new (person_id, sqlite3_column_int64 (stmt, 0),
                                               sqlite3_column_int (stmt, 3));
      ScSkillCategory category = SC_SKILL_CATEGORY_PRODUCT;

      sc_skill_category_from_string (_sc_store_column_text (stmt, 2), &category);
      sc_person_skill_set_skill_name (ps, _sc_store_column_text (stmt, 1));
      sc_person_skill_set_category (ps, category);
      g_ptr_array_add (skills, ps);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&skills);
}

gboolean
sc_store_set_person_skill (ScStore    *self,
                           ScSession  *session,
                           gint64      person_id,
                           gint64      skill_id,
                           int         proficiency,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  int before;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PERSON_SKILLS_WRITE, person_id, error))
    return FALSE;

  if (proficiency < 0 || proficiency > SC_PROFICIENCY_MAX)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Proficiency %d is out of range: use 0 to 5"), proficiency);
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  before = get_proficiency (self, person_id, skill_id);

  stmt = _sc_store_prepare (self,
                            "INSERT INTO person_skill (person_id, skill_id, proficiency)"
                            " VALUES (?1, ?2, ?3) ON CONFLICT (person_id, skill_id)"
                            " DO UPDATE SET proficiency = excluded.proficiency",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  sqlite3_bind_int (stmt, 3, proficiency);

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "person_skill");

  if (before != proficiency)
    {
      summary = describe_person_skill (self, person_id, skill_id, before, proficiency);
      if (!_sc_store_audit (self, session, before < 0 ? "insert" : "update", "person_skill",
                            person_id, summary, error))
        goto failed;
    }

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

gboolean
sc_store_remove_person_skill (ScStore    *self,
                              ScSession  *session,
                              gint64      person_id,
                              gint64      skill_id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  int before;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PERSON_SKILLS_WRITE, person_id, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  before = get_proficiency (self, person_id, skill_id);

  stmt = _sc_store_prepare (self,
                            "DELETE FROM person_skill WHERE person_id = ?1 AND skill_id = ?2",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);

  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "person_skill");

  if (before >= 0)
    {
      summary = describe_person_skill (self, person_id, skill_id, before, -1);
      if (!_sc_store_audit (self, session, "delete", "person_skill", person_id, summary, error))
        goto failed;
    }

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_person_shift_limits:
 *
 * The most shifts of each type @person_id may work in four weeks; shift
 * types without a limit are not listed.
 *
 * Returns: (transfer full) (element-type ScShiftLimit): by shift type
 */
GArray *
sc_store_get_person_shift_limits (ScStore    *self,
                                  ScSession  *session,
                                  gint64      person_id,
                                  GError    **error)
{
  g_autoptr(GArray) limits = g_array_new (FALSE, FALSE, sizeof (ScShiftLimit));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_READ, person_id, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT shift_type_id, max_shifts FROM person_shift_limit"
                            " WHERE person_id = ?1 ORDER BY shift_type_id",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScShiftLimit limit = {
        .shift_type_id = sqlite3_column_int64 (stmt, 0),
        .max_shifts = sqlite3_column_int (stmt, 1),
      };
      g_array_append_val (limits, limit);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&limits);
}

/* The stored limit, or -1 when there is none */
static int
get_shift_limit (ScStore *self,
                 gint64   person_id,
                 gint64   shift_type_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    _sc_store_prepare (self,
                       "SELECT max_shifts FROM person_shift_limit WHERE person_id = ?1 AND shift_type_id = ?2",
                       NULL);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, shift_type_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
}

/**
 * sc_store_set_person_shift_limit:
 * @max_shifts: the most shifts of the type in four weeks (0: never), or -1
 *   to remove the limit
 *
 * The roster scales the limit to its length, rounding up.
 */
gboolean
sc_store_set_person_shift_limit (ScStore    *self,
                                 ScSession  *session,
                                 gint64      person_id,
                                 gint64      shift_type_id,
                                 int         max_shifts,
                                 GError    **error)
{
  g_autoptr(sqlite3_stmt) names = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *b = NULL;
  g_autofree char *a = NULL;
  int before;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_WRITE, person_id, error))
    return FALSE;

  if (max_shifts < -1 || max_shifts > 28)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Maximum shifts of a type must be between 0 and 28 in four weeks, not %d"), max_shifts);
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  names = _sc_store_prepare (self,
                             "SELECT (SELECT name FROM person WHERE id = ?1),"
                             " (SELECT code FROM shift_type WHERE id = ?2)",
                             error);
  if (names == NULL)
    goto failed;

  sqlite3_bind_int64 (names, 1, person_id);
  sqlite3_bind_int64 (names, 2, shift_type_id);
  if (sqlite3_step (names) != SQLITE_ROW ||
      sqlite3_column_type (names, 0) == SQLITE_NULL || sqlite3_column_type (names, 1) == SQLITE_NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no person with id %lld or no shift type with id %lld"),
                   (long long) person_id, (long long) shift_type_id);
      goto failed;
    }

  before = get_shift_limit (self, person_id, shift_type_id);
  if (before == max_shifts)
    return sc_store_commit (self, error);

  stmt = _sc_store_prepare (self,
                            max_shifts < 0
                              ? "DELETE FROM person_shift_limit WHERE person_id = ?1 AND shift_type_id = ?2"
                              : "INSERT INTO person_shift_limit (person_id, shift_type_id, max_shifts)"
                                " VALUES (?1, ?2, ?3) ON CONFLICT (person_id, shift_type_id)"
                                " DO UPDATE SET max_shifts = excluded.max_shifts",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, shift_type_id);
  if (max_shifts >= 0)
    sqlite3_bind_int (stmt, 3, max_shifts);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "person_shift_limit");

  b = before < 0 ? g_strdup ("∅") : g_strdup_printf ("%d", before);
  a = max_shifts < 0 ? g_strdup ("∅") : g_strdup_printf ("%d", max_shifts);
  summary = g_strdup_printf ("%s, max %s shifts in 4 weeks: %s → %s", _sc_store_column_text (names, 0),
                             _sc_store_column_text (names, 1), b, a);
  if (!_sc_store_audit (self, session, max_shifts < 0 ? "delete" : before < 0 ? "insert" : "update",
                        "person_shift_limit", person_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* Skills only a certification proves */

/**
 * sc_store_get_certified_only_skills:
 *
 * Returns: (transfer full) (element-type gint64): the skills for which only
 *   people with a valid certification count on the roster
 */
GArray *
sc_store_get_certified_only_skills (ScStore  *self,
                                    GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self, "SELECT id FROM skill WHERE certified_only = 1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * sc_store_set_skill_certified_only:
 *
 * Whether only a valid certification proves @skill_id for the roster.
 */
gboolean
sc_store_set_skill_certified_only (ScStore    *self,
                                   ScSession  *session,
                                   gint64      skill_id,
                                   gboolean    certified_only,
                                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_SKILLS_WRITE, 0, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, "UPDATE skill SET certified_only = ?2 WHERE id = ?1 RETURNING name", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, skill_id);
  sqlite3_bind_int (stmt, 2, certified_only ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("There is no skill with id %lld"), (long long) skill_id);
      goto failed;
    }
  name = g_strdup (_sc_store_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  _sc_store_touch (self, "skill");
  summary = g_strdup_printf ("%s: %s", name, certified_only ? "certified only" : "any holder");
  if (!_sc_store_audit (self, session, "update", "skill", skill_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}
