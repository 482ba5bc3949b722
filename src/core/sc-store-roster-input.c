/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-roster-input"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-erlang.h"
#include "sc-permissions.h"
#include "sc-roster-input.h"
#include "sc-store-private.h"

/*
 * From the store to a roster problem and back:
 *
 * - people: the active agents and technical support staff, with their
 *   contract limits scaled from a week to the horizon;
 * - skills: the channels that have a service target; a person counts for a
 *   channel at proficiency 2 or more;
 * - cover: for every half hour of every channel's forecast, the agents to
 *   schedule (Erlang C for the channel's target, then shrinkage), short
 *   people weighing 100 and extra people 1;
 * - shift types that overlap the opening hours; the longest minimum rest of
 *   the people between two shifts;
 * - approved time off as days off, preferences as on/off requests;
 * - each person's most shifts of a type, kept per four weeks like the
 *   working weekends and scaled to the horizon rounding up (0 stays 0:
 *   never that shift);
 * - fairness: people on the same contract (the same minimum and maximum
 *   minutes a week) are compared with each other for nights (shift types
 *   of the night category), weekends and hours against their contract.
 *   The weights are small next to a person short for half an hour (100),
 *   so that fairness picks between rosters that cover alike: 30 per
 *   night² and 10 per weekend² of deviation from a person's fair share,
 *   1 per hour². Handing one night from one person to another gains
 *   30 × 2 × (the nights between them − 1), more than a half-hour gap only
 *   when they are three nights or more apart; on the sample team with a
 *   night desk (bench-roster-fairness) the cover shortfall stays within
 *   its run-to-run spread while the most nights anyone works falls from
 *   10–12 to 3.
 */

#define UNDER_WEIGHT 100
#define OVER_WEIGHT  1
#define MIN_PROFICIENCY_TO_COUNT 2
#define FAIR_NIGHTS_WEIGHT   30
#define FAIR_WEEKENDS_WEIGHT 10
#define FAIR_HOURS_WEIGHT    1

void
sc_roster_input_free (ScRosterInput *input)
{
  if (input == NULL)
    return;

  g_clear_pointer (&input->problem, sc_roster_problem_free);
  g_clear_pointer (&input->person_ids, g_array_unref);
  g_clear_pointer (&input->shift_type_ids, g_array_unref);
  g_clear_pointer (&input->skill_ids, g_array_unref);
  g_free (input->first_day);
  g_free (input);
}

static int
day_index (GDateTime  *first,
           const char *day)
{
  g_autoptr(GDateTime) dt = sc_day_parse (day);

  if (dt == NULL)
    return -1;

  return (int) (g_date_time_difference (dt, first) / G_TIME_SPAN_DAY);
}

static int
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;

  return -1;
}

/* Holidays are rest days for the weekend rules; a weekend day marked as a
 * working day counts as a working day */
static gboolean
add_holidays (ScStore        *self,
              ScRosterInput  *input,
              GDateTime      *first,
              const char     *last_day,
              GError        **error)
{
  g_autoptr(GPtrArray) holidays = sc_store_get_holidays (self, input->first_day, last_day, error);

  if (holidays == NULL)
    return FALSE;

  for (guint i = 0; i < holidays->len; i++)
    {
      ScHoliday *holiday = g_ptr_array_index (holidays, i);
      int day = day_index (first, sc_holiday_get_day (holiday));

      if (day >= 0 && day < input->n_days)
        sc_roster_problem_set_day_kind (input->problem, day,
                                        sc_holiday_get_working_day (holiday) ? SC_ROSTER_DAY_WORKING
                                                                             : SC_ROSTER_DAY_HOLIDAY);
    }

  return TRUE;
}

static gboolean
add_people (ScStore        *self,
            ScRosterInput  *input,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) contracts = g_array_new (FALSE, FALSE, sizeof (gint64));
  int weekends = sc_roster_problem_get_n_weekends (input->problem);
  int max_rest = 0;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT id, employee_no, min_minutes_week, max_minutes_week,"
                            " max_consecutive_days, min_consecutive_days, min_consecutive_days_off,"
                            " max_weekends, min_rest_minutes FROM person"
                            " WHERE active = 1 AND role IN ('agent', 'technical-support') ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int p = sc_roster_problem_add_person (input->problem, _sc_store_column_text (stmt, 1));
      ScRosterPerson *person = sc_roster_problem_get_person (input->problem, p);
      int min_week = sqlite3_column_int (stmt, 2);
      int max_week = sqlite3_column_int (stmt, 3);
      int max_weekends_4w = sqlite3_column_int (stmt, 7);

      /* Weekly limits over the horizon; weekends are counted per four weeks */
      person->min_minutes = (int) ((gint64) min_week * input->n_days / 7);
      person->max_minutes = (int) ((gint64) max_week * input->n_days / 7);
      person->max_consecutive_work = sqlite3_column_int (stmt, 4);
      person->min_consecutive_work = sqlite3_column_int (stmt, 5);
      person->min_consecutive_off = sqlite3_column_int (stmt, 6);
      person->max_weekends = (max_weekends_4w * weekends + 3) / 4;
      max_rest = MAX (max_rest, sqlite3_column_int (stmt, 8));

      /* One fairness group per contract */
      {
        gint64 contract = (gint64) min_week * 100000 + max_week;
        int group = find_id (contracts, contract);

        if (group < 0)
          {
            g_array_append_val (contracts, contract);
            group = (int) contracts->len - 1;
          }
        person->fairness_group = group;
      }

      g_array_append_val (input->person_ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  sc_roster_problem_set_min_rest (input->problem, max_rest);
  return TRUE;
}

static gboolean
add_shift_limits (ScStore        *self,
                  ScRosterInput  *input,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self, "SELECT person_id, shift_type_id, max_shifts FROM person_shift_limit", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int p = find_id (input->person_ids, sqlite3_column_int64 (stmt, 0));
      int t = find_id (input->shift_type_ids, sqlite3_column_int64 (stmt, 1));
      gint64 per_4_weeks = sqlite3_column_int (stmt, 2);

      if (p >= 0 && t >= 0)
        sc_roster_problem_set_max_shifts (input->problem, p, t,
                                          (int) ((per_4_weeks * input->n_days + 27) / 28));
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_channels (ScStore        *self,
              ScRosterInput  *input,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) channels = NULL;
  int rc;

  channels = _sc_store_prepare (self,
                                "SELECT s.id FROM skill s JOIN service_target t ON t.skill_id = s.id"
                                " WHERE s.category = 'channel' ORDER BY s.id LIMIT 64",
                                error);
  if (channels == NULL)
    return FALSE;

  while ((rc = sqlite3_step (channels)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (channels, 0);
      g_array_append_val (input->skill_ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_person_skills (ScStore        *self,
                   ScRosterInput  *input,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) held = NULL;
  g_autoptr(GArray) certified_only = NULL;
  g_autoptr(GHashTable) certified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  /* Skills only a certification proves: who holds a valid one on the first day */
  if (!(certified_only = sc_store_get_certified_only_skills (self, error)))
    return FALSE;
  for (guint i = 0; i < certified_only->len; i++)
    {
      gint64 skill_id = g_array_index (certified_only, gint64, i);
      g_autoptr(GArray) people = sc_store_get_certified_people (self, skill_id, SC_LEVEL_JUNIOR,
                                                                 input->first_day, error);

      if (people == NULL)
        return FALSE;
      for (guint j = 0; j < people->len; j++)
        g_hash_table_add (certified, g_strdup_printf ("%lld:%lld", (long long) g_array_index (people, gint64, j),
                                                      (long long) skill_id));
    }

  held = _sc_store_prepare (self, "SELECT person_id, skill_id FROM person_skill WHERE proficiency >= ?1", error);
  if (held == NULL)
    return FALSE;

  sqlite3_bind_int (held, 1, MIN_PROFICIENCY_TO_COUNT);
  while ((rc = sqlite3_step (held)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (held, 0);
      gint64 skill_id = sqlite3_column_int64 (held, 1);
      int p = find_id (input->person_ids, person_id);
      int s = find_id (input->skill_ids, skill_id);

      if (p < 0 || s < 0)
        continue;

      if (find_id (certified_only, skill_id) >= 0)
        {
          g_autofree char *key = g_strdup_printf ("%lld:%lld", (long long) person_id, (long long) skill_id);

          if (!g_hash_table_contains (certified, key))
            continue;
        }

      sc_roster_problem_get_person (input->problem, p)->skills |= G_GUINT64_CONSTANT (1) << s;
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Half hours of demand per channel, from forecasts and service targets */
static gboolean
add_interval_covers (ScStore        *self,
                     ScRosterInput  *input,
                     GDateTime      *first,
                     const char     *last_day,
                     int            *open_minute,
                     int            *close_minute,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT f.skill_id, f.day, f.start_minute, f.volume, f.aht_seconds,"
                            " t.service_level, t.target_seconds, t.max_occupancy, t.shrinkage,"
                            " (SELECT min (g.start_minute) FROM forecast g WHERE g.skill_id = f.skill_id"
                            "  AND g.day = f.day AND g.start_minute > f.start_minute)"
                            " FROM forecast f JOIN service_target t ON t.skill_id = f.skill_id"
                            " WHERE f.day BETWEEN ?1 AND ?2 ORDER BY f.skill_id, f.day, f.start_minute",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, input->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int skill = find_id (input->skill_ids, sqlite3_column_int64 (stmt, 0));
      int day = day_index (first, _sc_store_column_text (stmt, 1));
      int start = sqlite3_column_int (stmt, 2);
      int next = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? start + 30 : sqlite3_column_int (stmt, 9);
      ScStaffingInput in = {
        .calls = sqlite3_column_double (stmt, 3),
        .interval_minutes = MAX (next - start, 1),
        .aht_seconds = sqlite3_column_int (stmt, 4),
        .target_sl = sqlite3_column_double (stmt, 5),
        .target_seconds = sqlite3_column_int (stmt, 6),
        .max_occupancy = sqlite3_column_double (stmt, 7),
        .shrinkage = sqlite3_column_double (stmt, 8),
      };
      ScStaffingResult out = { 0, };

      if (skill < 0 || day < 0 || day >= input->n_days)
        continue;

      if (!sc_erlang_required_agents (&in, &out, error))
        return FALSE;

      if (out.scheduled > 0)
        {
          sc_roster_problem_add_interval_cover (input->problem, day * 24 * 60 + start, in.interval_minutes,
                                                skill, out.scheduled, UNDER_WEIGHT, OVER_WEIGHT);
          input->required_person_intervals += out.scheduled;
        }

      *open_minute = MIN (*open_minute, start);
      *close_minute = MAX (*close_minute, next);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Only shift types that meet some demand: a night shift with no one to
 * answer would only use up people's hours */
static gboolean
add_shift_types (ScStore        *self,
                 ScRosterInput  *input,
                 int             open_minute,
                 int             close_minute,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT id, code, start_minute, length_minutes, category = 'night' FROM shift_type"
                            " ORDER BY start_minute, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int start = sqlite3_column_int (stmt, 2);
      int end = start + sqlite3_column_int (stmt, 3);
      int t;
      gboolean useful = (start < close_minute && end > open_minute) ||
                        (end > 24 * 60 && end - 24 * 60 > open_minute);

      if (!useful || input->shift_type_ids->len >= SC_ROSTER_MAX_SHIFT_TYPES)
        continue;

      t = sc_roster_problem_add_shift_type (input->problem, _sc_store_column_text (stmt, 1), start,
                                            sqlite3_column_int (stmt, 3));
      /* the category says what a night is */
      sc_roster_problem_set_night (input->problem, t, sqlite3_column_int (stmt, 4) != 0);
      g_array_append_val (input->shift_type_ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Cover asked for beyond the forecasts: at least that many people at a
 * time of day (the higher of the two where a forecast asks too), or on a
 * shift type. A skill that is not a channel (a language…) becomes one of
 * the problem's skills, so that only people holding it count. */
static gboolean
add_cover_requirements (ScStore        *self,
                        ScSession      *session,
                        ScRosterInput  *input,
                        GDateTime      *first,
                        const char     *last_day,
                        GError        **error)
{
  g_autoptr(GArray) list = sc_store_get_cover_requirements (self, session, input->first_day, last_day, error);
  g_autoptr(ScTeam) team = NULL;
  int interval = 30;

  if (list == NULL)
    return FALSE;

  team = sc_store_get_team (self, NULL);
  if (team != NULL && sc_team_get_interval_minutes (team) > 0)
    interval = sc_team_get_interval_minutes (team);

  for (guint i = 0; i < list->len; i++)
    {
      ScCoverRequirement *req = &g_array_index (list, ScCoverRequirement, i);
      int day = day_index (first, req->day);
      int skill = SC_ROSTER_ANY;

      if (day < 0 || day >= input->n_days)
        continue;

      if (req->skill_id != 0)
        {
          skill = find_id (input->skill_ids, req->skill_id);
          if (skill < 0)
            {
              if (input->skill_ids->len >= SC_ROSTER_MAX_SKILLS)
                continue;
              g_array_append_val (input->skill_ids, req->skill_id);
              skill = input->skill_ids->len - 1;
            }
        }

      if (req->shift_type_id != 0)
        {
          int shift = find_id (input->shift_type_ids, req->shift_type_id);

          /* A shift type no forecast needed: it is needed now */
          if (shift < 0)
            {
              g_autoptr(sqlite3_stmt) stmt = NULL;

              if (input->shift_type_ids->len >= SC_ROSTER_MAX_SHIFT_TYPES)
                continue;
              stmt = _sc_store_prepare (self,
                                        "SELECT code, start_minute, length_minutes, category = 'night'"
                                        " FROM shift_type WHERE id = ?1",
                                        error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, req->shift_type_id);
              if (sqlite3_step (stmt) != SQLITE_ROW)
                continue;
              shift = sc_roster_problem_add_shift_type (input->problem, _sc_store_column_text (stmt, 0),
                                                        sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
              sc_roster_problem_set_night (input->problem, shift, sqlite3_column_int (stmt, 3) != 0);
              g_array_append_val (input->shift_type_ids, req->shift_type_id);
            }

          sc_roster_problem_add_cover (input->problem, day, shift, skill, req->required,
                                       req->under_weight, req->over_weight);
          input->required_person_intervals += req->required;
        }
      else
        {
          int start = day * 24 * 60 + req->start_minute;
          gboolean merged = FALSE;

          for (guint c = 0; c < input->problem->interval_covers->len; c++)
            {
              ScRosterIntervalCover *cover = &g_array_index (input->problem->interval_covers, ScRosterIntervalCover, c);

              if (cover->start == start && cover->skill == skill)
                {
                  if (req->required > cover->required)
                    {
                      input->required_person_intervals += req->required - cover->required;
                      cover->required = req->required;
                      cover->under_weight = MAX (cover->under_weight, req->under_weight);
                    }
                  merged = TRUE;
                }
            }

          if (!merged)
            {
              sc_roster_problem_add_interval_cover (input->problem, start, interval, skill, req->required,
                                                    req->under_weight, req->over_weight);
              input->required_person_intervals += req->required;
            }
        }
    }

  return TRUE;
}

static gboolean
add_time_off_and_preferences (ScStore        *self,
                              ScRosterInput  *input,
                              GDateTime      *first,
                              const char     *last_day,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) off = NULL;
  g_autoptr(sqlite3_stmt) wishes = NULL;
  int rc;

  off = _sc_store_prepare (self,
                           "SELECT person_id, first_day, last_day FROM time_off"
                           " WHERE status = 'approved' AND last_day >= ?1 AND first_day <= ?2",
                           error);
  wishes = _sc_store_prepare (self,
                              "SELECT person_id, day, shift_type_id, on_request, weight FROM preference"
                              " WHERE day BETWEEN ?1 AND ?2",
                              error);
  if (off == NULL || wishes == NULL)
    return FALSE;

  sqlite3_bind_text (off, 1, input->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (off, 2, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (off)) == SQLITE_ROW)
    {
      int p = find_id (input->person_ids, sqlite3_column_int64 (off, 0));
      int from = MAX (day_index (first, _sc_store_column_text (off, 1)), 0);
      int to = MIN (day_index (first, _sc_store_column_text (off, 2)), input->n_days - 1);

      for (int d = from; p >= 0 && d <= to; d++)
        sc_roster_problem_set_unavailable (input->problem, p, d);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_text (wishes, 1, input->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (wishes, 2, last_day, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (wishes)) == SQLITE_ROW)
    {
      int p = find_id (input->person_ids, sqlite3_column_int64 (wishes, 0));
      int d = day_index (first, _sc_store_column_text (wishes, 1));
      int t = sqlite3_column_type (wishes, 2) == SQLITE_NULL
                ? SC_ROSTER_ANY
                : find_id (input->shift_type_ids, sqlite3_column_int64 (wishes, 2));

      if (p >= 0 && d >= 0 && d < input->n_days && (t >= 0 || t == SC_ROSTER_ANY))
        sc_roster_problem_add_request (input->problem, p, d, t, sqlite3_column_int (wishes, 3) != 0,
                                       sqlite3_column_int (wishes, 4));
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _sc_store_set_error (self, error);
  return FALSE;
}

/**
 * sc_store_build_roster_input:
 * @first_day: YYYY-MM-DD
 * @n_days: 1 to 92
 *
 * Returns: (transfer full): the problem and what its indexes stand for
 */
ScRosterInput *
sc_store_build_roster_input (ScStore     *self,
                             ScSession   *session,
                             const char  *first_day,
                             int          n_days,
                             GError     **error)
{
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *last_day = NULL;
  int open_minute = 24 * 60;
  int close_minute = 0;
  gboolean ok;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_PLANNING_READ, 0, error))
    return NULL;

  if (!(first = sc_day_parse (first_day)))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), first_day ? first_day : "");
      return NULL;
    }

  if (n_days < 1 || n_days > 92)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A roster covers 1 to 92 days, not %d"), n_days);
      return NULL;
    }

  last = g_date_time_add_days (first, n_days - 1);
  last_day = g_date_time_format (last, "%Y-%m-%d");

  input = g_new0 (ScRosterInput, 1);
  input->first_day = g_strdup (first_day);
  input->n_days = n_days;
  input->problem = sc_roster_problem_new (n_days, (GDateWeekday) g_date_time_get_day_of_week (first));
  input->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  input->shift_type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  input->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* One read transaction, so that the problem is one consistent picture */
  if (!sc_store_begin (self, error))
    return NULL;

  /* Shift types before people: their limits are per shift type */
  ok = add_channels (self, input, error) &&
       add_interval_covers (self, input, first, last_day, &open_minute, &close_minute, error) &&
       add_shift_types (self, input, open_minute, close_minute, error) &&
       add_cover_requirements (self, session, input, first, last_day, error) &&
       add_holidays (self, input, first, last_day, error) &&
       add_people (self, input, error) &&
       add_shift_limits (self, input, error) &&
       add_person_skills (self, input, error) &&
       add_time_off_and_preferences (self, input, first, last_day, error);

  sc_store_rollback (self);

  if (!ok)
    return NULL;

  sc_roster_problem_set_fairness (input->problem, SC_ROSTER_FAIR_NIGHTS, FAIR_NIGHTS_WEIGHT);
  sc_roster_problem_set_fairness (input->problem, SC_ROSTER_FAIR_WEEKENDS, FAIR_WEEKENDS_WEIGHT);
  sc_roster_problem_set_fairness (input->problem, SC_ROSTER_FAIR_HOURS, FAIR_HOURS_WEIGHT);

  if (input->person_ids->len == 0 || input->shift_type_ids->len == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("There is nothing to roster: the team needs agents, shift types and forecasts for those days"));
      return NULL;
    }

  return g_steal_pointer (&input);
}

/**
 * sc_store_save_roster_solution:
 *
 * Writes @solution as a new draft roster, in one transaction, each shift
 * on the post (channel) it is worked on (sc_store_assign_roster_posts()).
 *
 * Returns: the roster's id, or 0 with @error set
 */
gint64
sc_store_save_roster_solution (ScStore                *self,
                               ScSession              *session,
                               const ScRosterInput    *input,
                               const ScRosterSolution *solution,
                               const char             *score_summary,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) roster = NULL;
  g_autoptr(sqlite3_stmt) shift = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *summary = NULL;
  gint64 roster_id;
  guint n_shifts = 0;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (input != NULL && solution != NULL, 0);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_WRITE, 0, error))
    return 0;

  first = sc_day_parse (input->first_day);

  if (!sc_store_begin (self, error))
    return 0;

  roster = _sc_store_prepare (self, "INSERT INTO roster (first_day, days, score) VALUES (?1, ?2, ?3)", error);
  shift = _sc_store_prepare (self,
                             "INSERT INTO shift (roster_id, person_id, day, shift_type_id, start_minute, length_minutes)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (roster == NULL || shift == NULL)
    goto failed;

  sqlite3_bind_text (roster, 1, input->first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (roster, 2, input->n_days);
  _sc_store_bind_text (roster, 3, score_summary);
  if (!_sc_store_step_done (self, roster, error))
    goto failed;
  roster_id = sqlite3_last_insert_rowid (self->db);

  for (int p = 0; p < solution->n_people; p++)
    for (int d = 0; d < solution->n_days; d++)
      {
        int t = sc_roster_solution_get (solution, p, d);
        g_autoptr(GDateTime) date = NULL;
        g_autofree char *day = NULL;
        const ScRosterShiftType *type;

        if (t == SC_ROSTER_OFF)
          continue;

        type = &input->problem->shift_types[t];
        date = g_date_time_add_days (first, d);
        day = g_date_time_format (date, "%Y-%m-%d");

        sqlite3_reset (shift);
        sqlite3_bind_int64 (shift, 1, roster_id);
        sqlite3_bind_int64 (shift, 2, g_array_index (input->person_ids, gint64, p));
        sqlite3_bind_text (shift, 3, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (shift, 4, g_array_index (input->shift_type_ids, gint64, t));
        sqlite3_bind_int (shift, 5, type->start_minute);
        sqlite3_bind_int (shift, 6, type->length);
        if (!_sc_store_step_done (self, shift, error))
          goto failed;
        n_shifts++;
      }

  _sc_store_touch (self, "roster");
  _sc_store_touch (self, "shift");

  if (!sc_store_assign_roster_posts (self, session, input, roster_id, NULL, NULL, error))
    goto failed;

  summary = g_strdup_printf ("draft %s +%d days: %u shifts", input->first_day, input->n_days, n_shifts);
  if (!_sc_store_audit (self, session, "insert", "roster", roster_id, summary, error))
    goto failed;

  return sc_store_commit (self, error) ? roster_id : 0;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_count_roster_shifts:
 * @person_id: whose shifts, or 0 for everyone's
 *
 * Returns: the number of shifts, or 0 with @error set
 */
guint
sc_store_count_roster_shifts (ScStore    *self,
                              ScSession  *session,
                              gint64      roster_id,
                              gint64      person_id,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_READ, person_id, error))
    return 0;

  stmt = _sc_store_prepare (self,
                            "SELECT count(*) FROM shift WHERE roster_id = ?1 AND (?2 = 0 OR person_id = ?2)",
                            error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, roster_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}
