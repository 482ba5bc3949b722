/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-posts"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-post-assign.h"
#include "sc-roster-input.h"
#include "sc-store-private.h"

/*
 * The posts of a roster's shifts: the channel each shift is worked on,
 * chosen by sc_post_assign() over the roster problem the shifts were
 * made for. A locked shift and a post chosen by hand are kept, and the
 * others are chosen around them.
 */

/**
 * sc_store_get_post_channels:
 * @channels: (out): bit s set when the problem's skill s is a channel
 *
 * Which of @input's skills are channels, the skills a shift can be worked
 * on.
 */
gboolean
sc_store_get_post_channels (ScStore              *self,
                            const ScRosterInput  *input,
                            guint64              *channels,
                            GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL && channels != NULL, FALSE);

  *channels = 0;
  stmt = _sc_store_prepare (self, "SELECT id FROM skill WHERE category = 'channel'", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint s = 0; s < input->skill_ids->len && s < SC_ROSTER_MAX_SKILLS; s++)
        if (g_array_index (input->skill_ids, gint64, s) == id)
          *channels |= G_GUINT64_CONSTANT (1) << s;
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static int
skill_index (const ScRosterInput *input,
             gint64               skill_id)
{
  for (guint s = 0; skill_id != 0 && s < input->skill_ids->len && s < SC_ROSTER_MAX_SKILLS; s++)
    if (g_array_index (input->skill_ids, gint64, s) == skill_id)
      return (int) s;

  return SC_POST_NONE;
}

static int
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;

  return -1;
}

/**
 * sc_store_assign_roster_posts:
 * @input: the roster problem of @roster_id's period
 * @shift_ids: (nullable) (element-type gint64): the shifts to give a post;
 *   %NULL: every shift of the roster
 * @n_changed: (out) (optional): how many posts changed
 *
 * Gives the shifts the channel they are worked on (see sc_post_assign()),
 * in one transaction. Locked shifts and posts chosen by hand are kept;
 * other shifts not in @shift_ids keep theirs too, and count as worked on
 * it. Shifts outside @input (explicit times, people not rostered) are
 * left alone. In a roster that was ever published, a shift whose post
 * changes gets a new sequence, for the calendars.
 */
gboolean
sc_store_assign_roster_posts (ScStore              *self,
                              ScSession            *session,
                              const ScRosterInput  *input,
                              gint64                roster_id,
                              GArray               *shift_ids,
                              guint                *n_changed,
                              GError              **error)
{
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterInfo) roster = NULL;
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree gint64 *cell_shift = NULL;
  g_autofree int *kept = NULL;
  g_autofree int *posts = NULL;
  g_autofree char *summary = NULL;
  const ScRosterProblem *pb;
  guint64 channels;
  guint changed = 0;
  gsize n_cells;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (n_changed != NULL)
    *n_changed = 0;

  if (!sc_permission_check (session, SC_OPERATION_ROSTER_WRITE, 0, error))
    return FALSE;

  pb = input->problem;
  n_cells = (gsize) pb->n_people * input->n_days;
  first = sc_day_parse (input->first_day);
  if (first == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), input->first_day);
      return FALSE;
    }

  if (!sc_store_begin (self, error))
    return FALSE;

  if (!(roster = sc_store_get_roster (self, session, roster_id, error)) ||
      !(shifts = sc_store_get_roster_shifts (self, session, roster_id, FALSE, error)) ||
      !sc_store_get_post_channels (self, input, &channels, error))
    goto failed;

  if (g_strcmp0 (roster->first_day, input->first_day) != 0 || roster->days != input->n_days)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("Roster %lld runs for %d days from %s, not for the period the posts are assigned in"),
                   (long long) roster_id, roster->days, roster->first_day);
      goto failed;
    }

  /* The shifts as cells of the problem */
  solution = sc_roster_solution_new_for_problem (pb);
  cell_shift = g_new0 (gint64, MAX (n_cells, 1));
  kept = g_new (int, MAX (n_cells, 1));
  for (gsize c = 0; c < n_cells; c++)
    kept[c] = SC_POST_NONE;

  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);
      g_autoptr(GDateTime) date = sc_day_parse (shift->day);
      int p = index_of (input->person_ids, shift->person_id);
      int t = shift->shift_type_id != 0 ? index_of (input->shift_type_ids, shift->shift_type_id) : -1;
      int d = date != NULL ? (int) (g_date_time_difference (date, first) / G_TIME_SPAN_DAY) : -1;
      gboolean choose;
      gsize cell;

      if (p < 0 || t < 0 || d < 0 || d >= input->n_days)
        continue;

      cell = (gsize) p * input->n_days + d;
      sc_roster_solution_set (solution, p, d, t);
      cell_shift[cell] = shift->id;

      choose = !shift->locked && !shift->post_chosen &&
               (shift_ids == NULL || index_of (shift_ids, shift->id) >= 0);
      kept[cell] = choose ? SC_POST_CHOOSE : skill_index (input, shift->skill_id);
      /* a kept post outside the problem's skills is kept as it is, counting for nothing */
      if (!choose && shift->skill_id != 0 && kept[cell] == SC_POST_NONE)
        cell_shift[cell] = 0;
    }

  posts = sc_post_assign (pb, solution, channels, kept);

  update = _sc_store_prepare (self,
                              "UPDATE shift SET skill_id = ?1, post_chosen = 0, sequence = sequence + ?2"
                              " WHERE id = ?3 AND coalesce (skill_id, 0) != coalesce (?1, 0)",
                              error);
  if (update == NULL)
    goto failed;

  for (gsize c = 0; c < n_cells; c++)
    {
      gint64 skill_id;

      if (cell_shift[c] == 0 || kept[c] != SC_POST_CHOOSE)
        continue;

      skill_id = posts[c] >= 0 ? g_array_index (input->skill_ids, gint64, posts[c]) : 0;
      sqlite3_reset (update);
      if (skill_id != 0)
        sqlite3_bind_int64 (update, 1, skill_id);
      else
        sqlite3_bind_null (update, 1);
      sqlite3_bind_int (update, 2, roster->ever_published ? 1 : 0);
      sqlite3_bind_int64 (update, 3, cell_shift[c]);
      if (!_sc_store_step_done (self, update, error))
        goto failed;
      changed += sqlite3_changes (self->db);
    }

  if (changed > 0)
    {
      _sc_store_touch (self, "shift");
      summary = g_strdup_printf ("posts: %u shifts", changed);
      if (!_sc_store_audit (self, session, "update", "roster", roster_id, summary, error))
        goto failed;
    }

  if (!sc_store_commit (self, error))
    return FALSE;

  if (n_changed != NULL)
    *n_changed = changed;
  return TRUE;

failed:
  sc_store_rollback (self);
  return FALSE;
}
