/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "sc-backup.h"
#include "sc-calendar-test-util.h"

static const char *names[3] = { "李娜", "Wang Fang", "Zhang Wei" };

static void
set_up (CalendarFixture *f,
        gconstpointer    data)
{
  calendar_fixture_set_up (f, "Asia/Shanghai", names, "Early", "Phone");
}

static void
tear_down (CalendarFixture *f,
           gconstpointer    data)
{
  calendar_fixture_tear_down (f);
}

static GPtrArray *
changes_of (CalendarFixture *f,
            gint64           roster_id,
            int             *since)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *changes = sc_store_get_roster_changes (f->store, sc_test_session (), roster_id, since, &error);

  g_assert_no_error (error);
  g_assert_nonnull (changes);
  return changes;
}

static void
test_versions (CalendarFixture *f,
               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  ScSession *s = sc_test_session ();
  gint64 roster = sc_test_add_roster (f, "2026-03-02", 7);
  gint64 shift;
  int since = -1;

  shift = sc_test_add_shift (f, roster, 0, "2026-03-02", f->early, f->phone);
  sc_test_add_shift (f, roster, 1, "2026-03-02", f->night, 0);

  g_assert_cmpint (sc_store_get_published_version (f->store, roster, &error), ==, 0);
  changes = changes_of (f, roster, &since);
  g_assert_cmpint (since, ==, 0);
  g_assert_cmpuint (changes->len, ==, 2);  /* never published: every shift is new */
  g_clear_pointer (&changes, g_ptr_array_unref);

  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT status = 'published' FROM roster"), ==, 1);
  changes = changes_of (f, roster, &since);
  g_assert_cmpint (since, ==, 1);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Nothing changed: the same version, nothing written */
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 1);
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT count(*) FROM roster_version"), ==, 1);

  sc_test_move_shift (f, shift, 9 * 60);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 2);
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT version FROM roster"), ==, 2);

  versions = sc_store_get_roster_versions (f->store, s, roster, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((ScRosterVersion *) versions->pdata[0])->version, ==, 1);
  g_assert_cmpint (((ScRosterVersion *) versions->pdata[1])->version, ==, 2);
  g_assert_cmpuint (((ScRosterVersion *) versions->pdata[1])->n_shifts, ==, 2);
  g_assert_true (g_str_has_suffix (((ScRosterVersion *) versions->pdata[1])->published_at, "Z"));

  /* Published twice in the audit trail */
  {
    g_autoptr(GPtrArray) audit = sc_store_get_audit (f->store, s, "roster", "version 2", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 1);
    g_assert_cmpstr (sc_audit_entry_get_action (g_ptr_array_index (audit, 0)), ==, "publish");
  }

  g_assert_cmpint (sc_store_publish_roster (f->store, s, 999, &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
}

static const ScShiftChange *
find_change (GPtrArray  *changes,
             gint64      person_id,
             const char *day)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const ScShiftChange *change = g_ptr_array_index (changes, i);

      if (change->person_id == person_id && g_strcmp0 (change->day, day) == 0)
        return change;
    }

  return NULL;
}

static const ScShiftChange *
require_change (GPtrArray  *changes,
                gint64      person_id,
                const char *day)
{
  const ScShiftChange *change = find_change (changes, person_id, day);

  if (change == NULL)
    g_error ("No change for person %" G_GINT64_FORMAT " on %s", person_id, day);
  return change;
}

static void
test_diff (CalendarFixture *f,
           gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  ScSession *s = sc_test_session ();
  gint64 roster = sc_test_add_roster (f, "2026-03-02", 7);
  gint64 moved, cancelled, added;
  const ScShiftChange *change;
  int since = 0;

  moved = sc_test_add_shift (f, roster, 0, "2026-03-02", f->early, f->phone);
  cancelled = sc_test_add_shift (f, roster, 1, "2026-03-03", f->night, 0);
  sc_test_add_shift (f, roster, 2, "2026-03-04", f->early, 0);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 1);

  sc_test_move_shift (f, moved, 10 * 60);
  sc_test_cancel_shift (f, cancelled);
  added = sc_test_add_shift (f, roster, 1, "2026-03-05", f->early, 0);

  changes = changes_of (f, roster, &since);
  g_assert_cmpint (since, ==, 1);
  g_assert_cmpuint (changes->len, ==, 3);

  change = require_change (changes, f->people[0], "2026-03-02");
  g_assert_cmpint (change->kind, ==, SC_SHIFT_CHANGE_CHANGED);
  g_assert_cmpint (change->shift_id, ==, moved);
  g_assert_cmpint (change->before.start_minute, ==, 8 * 60);
  g_assert_cmpint (change->after.start_minute, ==, 10 * 60);
  g_assert_cmpstr (change->before.shift_type_code, ==, "E");
  g_assert_null (change->after.shift_type_code);
  g_assert_cmpstr (change->person_name, ==, "李娜");

  change = require_change (changes, f->people[1], "2026-03-03");
  g_assert_cmpint (change->kind, ==, SC_SHIFT_CHANGE_REMOVED);
  g_assert_cmpint (change->shift_id, ==, cancelled);
  g_assert_cmpint (change->before.start_minute, ==, 22 * 60);

  change = require_change (changes, f->people[1], "2026-03-05");
  g_assert_cmpint (change->kind, ==, SC_SHIFT_CHANGE_ADDED);
  g_assert_cmpint (change->shift_id, ==, added);

  g_assert_null (find_change (changes, f->people[2], "2026-03-04"));

  /* Version 2 holds the changes; nothing is new since */
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 2);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = changes_of (f, roster, &since);
  g_assert_cmpint (since, ==, 2);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT count(*) FROM roster_version_shift WHERE version = 2"), ==, 3);
}

static void
test_permissions (CalendarFixture *f,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScSession) agent = sc_session_new (1, f->people[1], SC_ACCOUNT_ROLE_AGENT, "Wang Fang");
  g_autoptr(ScSession) trainer = sc_session_new (2, f->people[2], SC_ACCOUNT_ROLE_TRAINER, "Zhang Wei");
  g_autoptr(ScSession) supervisor = sc_session_new (3, f->people[0], SC_ACCOUNT_ROLE_SUPERVISOR, "李娜");
  g_autoptr(ScCalendar) own = NULL;
  g_autoptr(ScCalendar) team = NULL;
  ScCalendar *refused;
  gint64 roster = sc_test_add_roster (f, "2026-03-02", 7);

  sc_test_add_shift (f, roster, 0, "2026-03-02", f->early, f->phone);
  sc_test_add_shift (f, roster, 1, "2026-03-02", f->night, 0);

  /* Only a supervisor publishes */
  g_assert_cmpint (sc_store_publish_roster (f->store, agent, roster, &error), ==, 0);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sc_store_publish_roster (f->store, trainer, roster, &error), ==, 0);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT count(*) FROM roster_version"), ==, 0);
  g_assert_cmpint (sc_store_publish_roster (f->store, supervisor, roster, &error), ==, 1);
  g_assert_no_error (error);

  /* An agent exports their own calendar, and nobody else's */
  own = sc_store_get_calendar (f->store, agent, "2026-03-02", 7, f->people[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->shifts->len, ==, 1);
  g_assert_cmpstr (own->person_name, ==, "Wang Fang");

  refused = sc_store_get_calendar (f->store, agent, "2026-03-02", 7, f->people[0], &error);
  g_assert_null (refused);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  refused = sc_store_get_calendar (f->store, agent, "2026-03-02", 7, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  team = sc_store_get_calendar (f->store, trainer, "2026-03-02", 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (team->shifts->len, ==, 2);

  /* The agent's export is in the audit trail */
  {
    g_autoptr(GPtrArray) audit = sc_store_get_audit (f->store, supervisor, "shift", "of Wang Fang", NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (audit->len, ==, 1);
    g_assert_cmpstr (sc_audit_entry_get_action (g_ptr_array_index (audit, 0)), ==, "export");
  }
}

static void
test_calendar (CalendarFixture *f,
               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCalendar) calendar = NULL;
  ScSession *s = sc_test_session ();
  gint64 old_roster = sc_test_add_roster (f, "2026-03-02", 7);
  gint64 draft = sc_test_add_roster (f, "2026-03-02", 7);
  gint64 newer;
  gint64 old_shift, cancelled;
  const ScCalendarShift *shift;

  old_shift = sc_test_add_shift (f, old_roster, 0, "2026-03-02", f->early, f->phone);
  cancelled = sc_test_add_shift (f, old_roster, 1, "2026-03-03", f->early, 0);
  sc_test_add_shift (f, old_roster, 2, "2026-03-09", f->early, 0);  /* after the period */
  sc_test_add_shift (f, draft, 2, "2026-03-04", f->early, 0);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, old_roster, &error), ==, 1);
  sc_test_cancel_shift (f, cancelled);

  /* Approved time off shows; requested time off does not */
  sc_test_exec (f->store, "INSERT INTO time_off (person_id, first_day, last_day, kind, status)"
                          " SELECT id, '2026-03-05', '2026-03-06', 'annual-leave', 'approved' FROM person WHERE employee_no = 'E002'");
  sc_test_exec (f->store, "INSERT INTO time_off (person_id, first_day, last_day, kind, status)"
                          " SELECT id, '2026-03-07', '2026-03-07', 'sick', 'requested' FROM person WHERE employee_no = 'E003'");

  calendar = sc_store_get_calendar (f->store, s, "2026-03-02", 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (calendar->time_zone, ==, "Asia/Shanghai");
  g_assert_cmpuint (strlen (calendar->token), ==, 16);
  g_assert_cmpuint (calendar->shifts->len, ==, 2);  /* no draft, nothing after the period */
  shift = &g_array_index (calendar->shifts, ScCalendarShift, 0);
  g_assert_cmpint (shift->shift_id, ==, old_shift);
  g_assert_cmpstr (shift->shift_type_name, ==, "Early");
  g_assert_cmpstr (shift->skill_name, ==, "Phone");
  g_assert_cmpint (shift->roster_version, ==, 1);
  shift = &g_array_index (calendar->shifts, ScCalendarShift, 1);
  g_assert_cmpint (shift->shift_id, ==, cancelled);
  g_assert_true (shift->cancelled);
  g_assert_cmpint (shift->sequence, ==, 1);
  g_assert_cmpuint (calendar->time_off->len, ==, 1);
  g_assert_cmpstr (g_array_index (calendar->time_off, ScCalendarTimeOff, 0).first_day, ==, "2026-03-05");
  g_clear_pointer (&calendar, sc_calendar_free);

  /* A newer published roster for the same person and day replaces the shift */
  newer = sc_test_add_roster (f, "2026-03-02", 3);
  sc_test_add_shift (f, newer, 0, "2026-03-02", f->night, 0);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, newer, &error), ==, 1);
  calendar = sc_store_get_calendar (f->store, s, "2026-03-02", 7, f->people[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calendar->shifts->len, ==, 1);
  g_assert_cmpint (g_array_index (calendar->shifts, ScCalendarShift, 0).roster_id, ==, newer);
  g_clear_pointer (&calendar, sc_calendar_free);

  calendar = sc_store_get_calendar (f->store, s, "2026-02-30", 7, 0, &error);
  g_assert_null (calendar);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
}

/* Published versions and the calendar token survive a backup and restore */
static void
test_backup (CalendarFixture *f,
             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) empty = sc_test_open_store (f->dir, "restored.db");
  g_autoptr(ScCalendar) before = NULL;
  g_autoptr(ScCalendar) after = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *first_path = g_build_filename (f->dir, "first.json", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.json", NULL);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  ScSession *s = sc_test_session ();
  gint64 roster = sc_test_add_roster (f, "2026-03-02", 7);
  gint64 shift;

  shift = sc_test_add_shift (f, roster, 0, "2026-03-02", f->early, f->phone);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 1);
  sc_test_move_shift (f, shift, 9 * 60);
  g_assert_cmpint (sc_store_publish_roster (f->store, s, roster, &error), ==, 2);
  before = sc_store_get_calendar (f->store, s, "2026-03-02", 7, 0, &error);
  g_assert_no_error (error);

  g_assert_true (sc_backup_write (f->store, s, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_backup_restore (empty, s, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_backup_write (empty, s, second, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (first_path, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second_path, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "roster_version_shift"));
  g_assert_nonnull (strstr (a, before->token));

  versions = sc_store_get_roster_versions (empty, s, roster, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  after = sc_store_get_calendar (empty, s, "2026-03-02", 7, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->token, ==, before->token);
  g_assert_cmpuint (after->shifts->len, ==, 1);
  g_assert_cmpint (g_array_index (after->shifts, ScCalendarShift, 0).sequence, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/publish/versions", CalendarFixture, NULL, set_up, test_versions, tear_down);
  g_test_add ("/core/publish/diff", CalendarFixture, NULL, set_up, test_diff, tear_down);
  g_test_add ("/core/publish/permissions", CalendarFixture, NULL, set_up, test_permissions, tear_down);
  g_test_add ("/core/publish/calendar", CalendarFixture, NULL, set_up, test_calendar, tear_down);
  g_test_add ("/core/publish/backup", CalendarFixture, NULL, set_up, test_backup, tear_down);

  return g_test_run ();
}
