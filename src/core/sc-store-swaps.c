/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-roster-input.h"
#include "sc-roster-score.h"
#include "sc-store-private.h"

/*
 * Swap requests: someone offers a shift of theirs to a colleague, who
 * works that day's shift (or has the day off) in exchange. The engine
 * says at once whether the exchange breaks a rule for either of them; a
 * supervisor approves or declines, and approving makes the exchange on the
 * roster. Asking is one's own request (the time-off rights: ask for
 * oneself, supervisors decide).
 */

#define SWAP_COLUMNS                                                                            \
  "w.id, w.shift_id, w.requester_id, r.name, w.partner_id, p.name, s.day, w.status, w.note,"    \
  " w.requested_at, w.decided_at, (SELECT d.name FROM person d WHERE d.id = w.decided_by),"    \
  " s.roster_id"

#define SWAP_FROM                                                                               \
  " FROM swap_request w JOIN shift s ON s.id = w.shift_id JOIN person r ON r.id = w.requester_id" \
  " LEFT JOIN person p ON p.id = w.partner_id"

void
sc_swap_request_free (ScSwapRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->requester_name);
  g_free (request->partner_name);
  g_free (request->note);
  g_free (request->requested_at);
  g_free (request->decided_at);
  g_free (request->decided_by_name);
  g_free (request);
}

static ScSwapRequest *
swap_from_row (sqlite3_stmt *stmt)
{
  ScSwapRequest *request = g_new0 (ScSwapRequest, 1);

  request->id = sqlite3_column_int64 (stmt, 0);
  request->shift_id = sqlite3_column_int64 (stmt, 1);
  request->requester_id = sqlite3_column_int64 (stmt, 2);
  request->requester_name = g_strdup (_sc_store_column_text (stmt, 3));
  request->partner_id = sqlite3_column_int64 (stmt, 4);
  request->partner_name = g_strdup (_sc_store_column_text (stmt, 5));
  g_strlcpy (request->day, _sc_store_column_text (stmt, 6) ?: "", sizeof request->day);
  sc_request_status_from_string (_sc_store_column_text (stmt, 7), &request->status);
  request->note = g_strdup (_sc_store_column_text (stmt, 8));
  request->requested_at = g_strdup (_sc_store_column_text (stmt, 9));
  request->decided_at = g_strdup (_sc_store_column_text (stmt, 10));
  request->decided_by_name = g_strdup (_sc_store_column_text (stmt, 11));
  request->roster_id = sqlite3_column_int64 (stmt, 12);
  return request;
}

/* A roster as the rules see it: the whole team's problem, the shifts
 * stored, and its score. Building the problem reads the whole team, so the
 * last one is kept on the store until the database changes: a list of
 * waiting swaps on one roster is checked against one build. */
typedef struct
{
  gint64            roster_id;
  sqlite3_int64     total_changes;  /* writes through this connection */
  gint64            data_version;   /* writes through any other one */
  ScRosterInput    *input;
  ScRosterSolution *solution;
  ScRosterScore    *score;
} RosterCheck;

#define ROSTER_CHECK_KEY "sc-store-roster-check"

static void
roster_check_free (RosterCheck *check)
{
  g_clear_pointer (&check->input, sc_roster_input_free);
  g_clear_pointer (&check->solution, sc_roster_solution_free);
  g_clear_pointer (&check->score, sc_roster_score_free);
  g_free (check);
}

static int
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return -1;
}

static gint64
data_version (ScStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "PRAGMA data_version", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

static RosterCheck *
get_roster_check (ScStore  *self,
                  gint64    roster_id,
                  GError  **error)
{
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GDateTime) first = NULL;
  RosterCheck *check = g_object_get_data (G_OBJECT (self), ROSTER_CHECK_KEY);
  sqlite3_int64 total_changes = sqlite3_total_changes64 (self->db);
  gint64 version = data_version (self);

  if (check != NULL && check->roster_id == roster_id &&
      check->total_changes == total_changes && check->data_version == version)
    return check;

  check = g_new0 (RosterCheck, 1);
  check->roster_id = roster_id;
  check->total_changes = total_changes;
  check->data_version = version;
  g_object_set_data_full (G_OBJECT (self), ROSTER_CHECK_KEY, check, (GDestroyNotify) roster_check_free);

  /* Worked out with the whole team's data; only the verdict for the two
   * people of a swap leaves this file */
  if (!(roster = sc_store_get_roster (self, system, roster_id, error)) ||
      !(check->input = sc_store_build_roster_input (self, system, roster->first_day, roster->days, error)) ||
      !(shifts = sc_store_get_roster_shifts (self, system, roster_id, FALSE, error)))
    {
      g_object_set_data (G_OBJECT (self), ROSTER_CHECK_KEY, NULL);
      return NULL;
    }

  check->solution = sc_roster_solution_new_for_problem (check->input->problem);
  for (int p = 0; p < check->solution->n_people; p++)
    for (int d = 0; d < check->solution->n_days; d++)
      sc_roster_solution_set (check->solution, p, d, SC_ROSTER_OFF);

  first = sc_day_parse (roster->first_day);
  for (guint i = 0; i < shifts->len; i++)
    {
      ScRosterShift *s = &g_array_index (shifts, ScRosterShift, i);
      g_autoptr(GDateTime) when = sc_day_parse (s->day);
      int p = index_of (check->input->person_ids, s->person_id);
      int t = index_of (check->input->shift_type_ids, s->shift_type_id);
      int d = (int) (g_date_time_difference (when, first) / G_TIME_SPAN_DAY);

      if (p >= 0 && t >= 0 && d >= 0 && d < check->solution->n_days)
        sc_roster_solution_set (check->solution, p, d, t);
    }

  check->score = sc_roster_score_compute (check->input->problem, check->solution, TRUE);
  return check;
}

static gboolean
same_violation (const ScRosterViolation *x,
                const ScRosterViolation *y)
{
  return x->rule == y->rule && x->person == y->person && x->day == y->day && x->index == y->index;
}

/**
 * sc_store_check_swap:
 * @violations: (out) (optional) (element-type ScSwapViolation): the rules
 *   the swap would break that are not broken now, for either person
 *
 * Whether giving @shift_id to @partner_id, and the partner's shift of that
 * day (or their day off) to its owner, keeps the labour rules.
 *
 * Returns: how many rules it would break, or -1 with @error set
 */
int
sc_store_check_swap (ScStore     *self,
                     ScSession   *session,
                     gint64       shift_id,
                     gint64       partner_id,
                     GArray     **violations,
                     GError     **error)
{
  g_autoptr(ScRosterScore) after = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (ScSwapViolation));
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) when = NULL;
  ScRosterScore *before;
  RosterCheck *check;
  ScRosterShift shift;
  int cell_a, cell_b, a, b, day;

  g_return_val_if_fail (SC_IS_STORE (self), -1);

  if (!sc_store_get_shift (self, session, shift_id, &shift, error))
    return -1;
  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, shift.person_id, error))
    return -1;
  if (!(check = get_roster_check (self, shift.roster_id, error)))
    return -1;

  first = sc_day_parse (check->input->first_day);
  when = sc_day_parse (shift.day);
  day = (int) (g_date_time_difference (when, first) / G_TIME_SPAN_DAY);
  a = index_of (check->input->person_ids, shift.person_id);
  b = index_of (check->input->person_ids, partner_id);
  if (a < 0 || b < 0 || a == b || day < 0 || day >= check->solution->n_days)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A shift can be swapped only with someone else on the same roster"));
      return -1;
    }

  before = check->score;
  cell_a = sc_roster_solution_get (check->solution, a, day);
  cell_b = sc_roster_solution_get (check->solution, b, day);
  sc_roster_solution_set (check->solution, a, day, cell_b);
  sc_roster_solution_set (check->solution, b, day, cell_a);
  after = sc_roster_score_compute (check->input->problem, check->solution, TRUE);
  sc_roster_solution_set (check->solution, a, day, cell_a);
  sc_roster_solution_set (check->solution, b, day, cell_b);

  for (guint i = 0; i < after->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (after->violations, ScRosterViolation, i);
      gboolean old = FALSE;

      if (!sc_roster_rule_is_hard (v->rule) || (v->person != a && v->person != b))
        continue;
      for (guint j = 0; j < before->violations->len && !old; j++)
        old = same_violation (v, &g_array_index (before->violations, ScRosterViolation, j));
      if (!old)
        {
          ScSwapViolation found_one = {
            .person_id = g_array_index (check->input->person_ids, gint64, v->person),
            .rule = v->rule,
            .amount = v->amount,
          };

          if (v->day >= 0)
            {
              g_autoptr(GDateTime) broken_day = g_date_time_add_days (first, v->day);
              g_autofree char *text = g_date_time_format (broken_day, "%Y-%m-%d");

              g_strlcpy (found_one.day, text, sizeof found_one.day);
            }
          g_array_append_val (found, found_one);
        }
    }

  if (violations != NULL)
    *violations = g_array_ref (found);
  return found->len;
}

/**
 * sc_store_get_swap_partners:
 *
 * Who on the roster of @shift_id could take it: everyone else on it, with
 * what they work that day.
 *
 * Returns: (transfer full) (element-type ScSwapPartner): by name
 */
GArray *
sc_store_get_swap_partners (ScStore    *self,
                            ScSession  *session,
                            gint64      shift_id,
                            GError    **error)
{
  g_autoptr(GArray) partners = g_array_new (FALSE, TRUE, sizeof (ScSwapPartner));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScRosterShift shift;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_store_get_shift (self, session, shift_id, &shift, error))
    return NULL;
  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, shift.person_id, error))
    return NULL;

  g_array_set_clear_func (partners, (GDestroyNotify) sc_swap_partner_clear);
  stmt = _sc_store_prepare (self,
                            "SELECT p.id, p.name, o.id, t.code, o.start_minute, o.length_minutes"
                            " FROM person p JOIN (SELECT DISTINCT person_id FROM shift WHERE roster_id = ?1) r"
                            " ON r.person_id = p.id"
                            " LEFT JOIN shift o ON o.roster_id = ?1 AND o.person_id = p.id AND o.day = ?2"
                            " AND o.cancelled = 0"
                            " LEFT JOIN shift_type t ON t.id = o.shift_type_id"
                            " WHERE p.id <> ?3 AND p.active = 1 ORDER BY p.name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, shift.roster_id);
  sqlite3_bind_text (stmt, 2, shift.day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, shift.person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScSwapPartner partner = {
        .person_id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup (_sc_store_column_text (stmt, 1)),
        .shift_id = sqlite3_column_int64 (stmt, 2),
        .shift_code = g_strdup (_sc_store_column_text (stmt, 3)),
        .start_minute = sqlite3_column_int (stmt, 4),
        .length_minutes = sqlite3_column_int (stmt, 5),
      };

      g_array_append_val (partners, partner);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&partners);
}

void
sc_swap_partner_clear (ScSwapPartner *partner)
{
  g_clear_pointer (&partner->name, g_free);
  g_clear_pointer (&partner->shift_code, g_free);
}

/**
 * sc_store_request_swap:
 *
 * Asks to give @shift_id, one's own, to @partner_id in exchange for their
 * shift (or day off) of that day.
 *
 * Returns: the request's id, or 0 with @error set
 */
gint64
sc_store_request_swap (ScStore     *self,
                       ScSession   *session,
                       gint64       shift_id,
                       gint64       partner_id,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) open = NULL;
  g_autofree char *at = NULL;
  g_autofree char *summary = NULL;
  ScRosterShift shift;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_store_get_shift (self, session, shift_id, &shift, error))
    return 0;
  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, shift.person_id, error))
    return 0;
  if (partner_id == shift.person_id || partner_id <= 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("Choose the colleague to swap with"));
      return 0;
    }

  if (!sc_store_begin (self, error))
    return 0;

  open = _sc_store_prepare (self, "SELECT 1 FROM swap_request WHERE shift_id = ?1 AND status = 'requested'", error);
  if (open == NULL)
    goto failed;
  sqlite3_bind_int64 (open, 1, shift_id);
  if (sqlite3_step (open) == SQLITE_ROW)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                   _("The shift on %s already waits for an answer to a swap"), shift.day);
      goto failed;
    }

  stmt = _sc_store_prepare (self,
                            "INSERT INTO swap_request (shift_id, requester_id, partner_id, status, note, requested_at)"
                            " VALUES (?1, ?2, ?3, 'requested', ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto failed;

  at = _sc_store_now_text (self);
  sqlite3_bind_int64 (stmt, 1, shift_id);
  sqlite3_bind_int64 (stmt, 2, shift.person_id);
  sqlite3_bind_int64 (stmt, 3, partner_id);
  _sc_store_bind_text (stmt, 4, note != NULL && *note != '\0' ? note : NULL);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (self->db);
  _sc_store_touch (self, "swap_request");
  summary = g_strdup_printf ("swap of shift %lld on %s: person %lld with person %lld", (long long) shift_id,
                             shift.day, (long long) shift.person_id, (long long) partner_id);
  if (!_sc_store_audit (self, session, "insert", "swap_request", id, summary, error))
    goto failed;

  return sc_store_commit (self, error) ? id : 0;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_get_swap_requests:
 *
 * Supervisors see everyone's; others the ones they asked or were asked in.
 *
 * Returns: (transfer full) (element-type ScSwapRequest): by day
 */
GPtrArray *
sc_store_get_swap_requests (ScStore    *self,
                            ScSession  *session,
                            GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_swap_request_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ScAccess access = sc_permission_access (session, SC_OPERATION_TIME_OFF_READ);
  gint64 own = sc_session_get_person_id (session);
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (access == SC_ACCESS_DENY)
    return sc_permission_check (session, SC_OPERATION_TIME_OFF_READ, 0, error) ? g_steal_pointer (&list) : NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT " SWAP_COLUMNS SWAP_FROM
                            " WHERE ?1 = 0 OR w.requester_id = ?1 OR w.partner_id = ?1 ORDER BY s.day, w.id",
                            error);
  if (stmt == NULL)
    return NULL;

  /* Everyone's, or one's own (nobody's for an account without a person) */
  sqlite3_bind_int64 (stmt, 1, access == SC_ACCESS_ALL ? 0 : (own > 0 ? own : -1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, swap_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static ScSwapRequest *
get_swap_unchecked (ScStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT " SWAP_COLUMNS SWAP_FROM " WHERE w.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("There is no swap request with id %lld"), (long long) id))
    return NULL;
  return swap_from_row (stmt);
}

static gboolean
set_swap_status (ScStore          *self,
                 ScSession        *session,
                 ScSwapRequest    *request,
                 ScRequestStatus   status,
                 GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = _sc_store_now_text (self);
  g_autofree char *summary = NULL;

  stmt = _sc_store_prepare (self,
                            "UPDATE swap_request SET status = ?2, decided_at = ?3, decided_by = nullif (?4, 0),"
                            " answer_seen = (requester_id = ?4) WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, request->id);
  sqlite3_bind_text (stmt, 2, sc_request_status_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, sc_session_get_person_id (session));
  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;

  _sc_store_touch (self, "swap_request");
  summary = g_strdup_printf ("swap on %s: %s with %s, %s → %s", request->day, request->requester_name,
                             request->partner_name ? request->partner_name : "?",
                             sc_request_status_to_string (request->status), sc_request_status_to_string (status));
  return _sc_store_audit (self, session, "update", "swap_request", request->id, summary, error);
}

/**
 * sc_store_decide_swap:
 * @status: %SC_REQUEST_STATUS_APPROVED or %SC_REQUEST_STATUS_DECLINED
 *
 * A supervisor's answer. Approving makes the exchange on the roster, in
 * the same transaction: the partner's shift of that day and the
 * requester's change hands (or the shift moves, when the partner is off).
 */
gboolean
sc_store_decide_swap (ScStore          *self,
                      ScSession        *session,
                      gint64            id,
                      ScRequestStatus   status,
                      GError          **error)
{
  g_autoptr(ScSwapRequest) request = NULL;
  g_autoptr(sqlite3_stmt) other = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_DECIDE, 0, error))
    return FALSE;
  if (status != SC_REQUEST_STATUS_APPROVED && status != SC_REQUEST_STATUS_DECLINED)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A decision on a swap is to approve or to decline it"));
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(request = get_swap_unchecked (self, id, error)))
    goto failed;

  if (request->status != SC_REQUEST_STATUS_REQUESTED)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The swap on %s has already been answered"), request->day);
      goto failed;
    }

  if (status == SC_REQUEST_STATUS_APPROVED)
    {
      other = _sc_store_prepare (self,
                                 "SELECT id FROM shift WHERE roster_id = ?1 AND person_id = ?2 AND day = ?3"
                                 " AND cancelled = 0",
                                 error);
      if (other == NULL)
        goto failed;
      sqlite3_bind_int64 (other, 1, request->roster_id);
      sqlite3_bind_int64 (other, 2, request->partner_id);
      sqlite3_bind_text (other, 3, request->day, -1, SQLITE_TRANSIENT);

      if (sqlite3_step (other) == SQLITE_ROW)
        {
          if (!sc_store_swap_shifts (self, session, request->shift_id, sqlite3_column_int64 (other, 0), error))
            goto failed;
        }
      else if (sc_store_move_shift (self, session, request->shift_id, request->partner_id, request->day, error) == 0)
        goto failed;
    }

  if (!set_swap_status (self, session, request, status, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_withdraw_swap:
 *
 * The requester takes back a request not answered yet.
 */
gboolean
sc_store_withdraw_swap (ScStore    *self,
                        ScSession  *session,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(ScSwapRequest) request = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(request = get_swap_unchecked (self, id, error)) ||
      !sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, request->requester_id, error))
    goto failed;

  if (request->status != SC_REQUEST_STATUS_REQUESTED)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The swap on %s has already been answered"), request->day);
      goto failed;
    }

  {
    g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "DELETE FROM swap_request WHERE id = ?1", error);
    g_autofree char *summary = g_strdup_printf ("swap on %s withdrawn", request->day);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!_sc_store_step_done (self, stmt, error))
      goto failed;
    _sc_store_touch (self, "swap_request");
    if (!_sc_store_audit (self, session, "delete", "swap_request", id, summary, error))
      goto failed;
  }

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_take_swap_answers:
 *
 * The answers to the signed-in person's swap requests not told yet; they
 * count as told from now on.
 *
 * Returns: (transfer full) (element-type ScSwapRequest)
 */
GPtrArray *
sc_store_take_swap_answers (ScStore    *self,
                            ScSession  *session,
                            GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_swap_request_free);
  gint64 person_id = sc_session_get_person_id (session);

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (person_id == 0)
    return g_steal_pointer (&list);

  if (!_sc_store_take_unseen (self,
                              "SELECT " SWAP_COLUMNS SWAP_FROM
                              " WHERE w.requester_id = ?1 AND w.answer_seen = 0 ORDER BY s.day, w.id",
                              "UPDATE swap_request SET answer_seen = 1 WHERE requester_id = ?1 AND answer_seen = 0",
                              "swap_request", person_id, (gpointer (*) (sqlite3_stmt *)) swap_from_row, list, error))
    return NULL;
  return g_steal_pointer (&list);
}
