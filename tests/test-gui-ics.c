/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The calendar dialogs in the real window on the sample team: import a
 * holiday calendar with its preview, a malformed file refused with its
 * line, export the team's and an agent's own calendar. Screenshots in
 * English and Chinese.
 */
#include "config.h"

#include <libical/ical.h>

#include "sc-gui-test-util.h"
#include "calendar/sc-ics-export-dialog.h"
#include "calendar/sc-ics-import-dialog.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
wait_loaded (ScIcsImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sc_ics_import_dialog_is_loading (dialog) && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_false (sc_ics_import_dialog_is_loading (dialog));
}

static void
load (ScIcsImportDialog *dialog,
      const char        *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sc_ics_import_dialog_load_file (dialog, file);
  wait_loaded (dialog);
}

static gboolean
has_holiday (ScStore    *store,
             const char *day,
             const char *name)
{
  g_autoptr(GPtrArray) holidays = sc_store_get_holidays (store, day, day, NULL);

  return holidays != NULL && holidays->len == 1 &&
         g_strcmp0 (sc_holiday_get_name (g_ptr_array_index (holidays, 0)), name) == 0;
}

static void
test_import (void)
{
  Fixture fixture = { 0 };
  ScIcsImportDialog *dialog;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.import-ics", NULL));
  dialog = wait_for_toplevel (SC_TYPE_ICS_IMPORT_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_false (sc_ics_import_dialog_can_import (dialog));
  g_assert_cmpint (sc_ics_import_dialog_get_kind (dialog), ==, SC_ICS_IMPORT_HOLIDAYS);

  /* A malformed file: its line and what is wrong, nothing to import */
  load (dialog, "bad-date.ics");
  g_assert_false (sc_ics_import_dialog_can_import (dialog));
  g_assert_cmpuint (sc_ics_import_dialog_get_n_items (dialog), ==, 0);
  g_assert_nonnull (strstr (sc_ics_import_dialog_get_error (dialog), "6"));
  save_screenshot (dialog, "ics-import-error");

  /* A holiday calendar: every event listed first */
  load (dialog, "holidays-cn.ics");
  g_assert_null (sc_ics_import_dialog_get_error (dialog));
  g_assert_cmpuint (sc_ics_import_dialog_get_n_items (dialog), ==, 3);
  g_assert_true (sc_ics_import_dialog_can_import (dialog));
  save_screenshot (dialog, "ics-import-preview");
  g_assert_false (has_holiday (fixture.store, "2026-04-05", "清明节"));

  g_signal_emit_by_name (get_child (dialog, SC_TYPE_ICS_IMPORT_DIALOG, "import_button"), "clicked");
  iterate_for (200);
  g_assert_null (dialog);
  g_assert_true (has_holiday (fixture.store, "2026-04-05", "清明节"));
  g_assert_true (has_holiday (fixture.store, "2026-01-02", "元旦"));

  fixture_tear_down (&fixture);
}

static void
test_import_own_time_off (void)
{
  Fixture fixture = { 0 };
  ScIcsImportDialog *dialog;
  g_autoptr(GPtrArray) time_off = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_AGENT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.import-ics", NULL));
  dialog = wait_for_toplevel (SC_TYPE_ICS_IMPORT_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* An agent imports only their own time off, asked for, not approved */
  g_assert_cmpint (sc_ics_import_dialog_get_kind (dialog), ==, SC_ICS_IMPORT_TIME_OFF);
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_ICS_IMPORT_DIALOG, "kind_row")));
  load (dialog, "time-off.ics");
  g_assert_cmpuint (sc_ics_import_dialog_get_n_items (dialog), ==, 2);
  g_assert_true (sc_ics_import_dialog_can_import (dialog));
  save_screenshot (dialog, "ics-import-time-off");

  g_signal_emit_by_name (get_child (dialog, SC_TYPE_ICS_IMPORT_DIALOG, "import_button"), "clicked");
  iterate_for (200);
  g_assert_null (dialog);

  time_off = sc_store_get_time_off (fixture.store, fixture.session, sc_session_get_person_id (fixture.session),
                                    "2026-03-01", "2026-03-31", NULL);
  g_assert_cmpuint (time_off->len, ==, 2);
  g_assert_cmpint (sc_time_off_get_status (g_ptr_array_index (time_off, 0)), ==, SC_REQUEST_STATUS_REQUESTED);

  fixture_tear_down (&fixture);
}

static guint
count_events (const char *path)
{
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  guint n;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  vcalendar = icalparser_parse_string (text);
  g_assert_nonnull (vcalendar);
  n = icalcomponent_count_components (vcalendar, ICAL_VEVENT_COMPONENT);
  icalcomponent_free (vcalendar);
  return n;
}

static void
export_with (Fixture           *fixture,
             ScIcsExportDialog *dialog,
             const char        *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (sc_ics_export_dialog_export_to_file (dialog, file));
  while (dialog != NULL && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_null (dialog);  /* closed when written */
  g_assert_cmpuint (count_events (path), >, 0);
}

static void
test_export (void)
{
  Fixture fixture = { 0 };
  ScIcsExportDialog *dialog;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *day = g_date_time_format (monday, "%Y-%m-%d");
  AdwComboRow *person_row;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.export-ics", NULL));
  dialog = wait_for_toplevel (SC_TYPE_ICS_EXPORT_DIALOG);

  /* The whole team, then each person */
  person_row = get_child (dialog, SC_TYPE_ICS_EXPORT_DIALOG, "person_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (person_row)), ==,
                    sc_store_count_people (fixture.store, FALSE) + 1);

  /* A day that is not one */
  sc_ics_export_dialog_set_period (dialog, "2026-02-30", 28);
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_ICS_EXPORT_DIALOG, "export_button")));
  sc_ics_export_dialog_set_period (dialog, day, 28);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_ICS_EXPORT_DIALOG, "export_button")));
  save_screenshot (dialog, "ics-export");

  /* The sample team's approved time off, with no roster published yet */
  export_with (&fixture, dialog, "team.ics");

  fixture_tear_down (&fixture);
}

static void
test_export_own (void)
{
  Fixture fixture = { 0 };
  ScIcsExportDialog *dialog;
  AdwComboRow *person_row;
  g_autoptr(ScTimeOff) time_off = sc_time_off_new ();
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_AGENT);

  /* Something of theirs to export */
  sc_time_off_set_person_id (time_off, sc_session_get_person_id (fixture.session));
  sc_time_off_set_first_day (time_off, "2026-06-01");
  sc_time_off_set_last_day (time_off, "2026-06-02");
  sc_time_off_set_kind (time_off, SC_TIME_OFF_KIND_ANNUAL_LEAVE);
  sc_time_off_set_status (time_off, SC_REQUEST_STATUS_APPROVED);
  g_assert_true (sc_store_request_time_off (fixture.store, system, time_off, &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.export-ics", NULL));
  dialog = wait_for_toplevel (SC_TYPE_ICS_EXPORT_DIALOG);

  /* Only their own calendar */
  person_row = get_child (dialog, SC_TYPE_ICS_EXPORT_DIALOG, "person_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (person_row)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (person_row)));
  sc_ics_export_dialog_set_period (dialog, "2026-06-01", 7);
  save_screenshot (dialog, "ics-export-own");
  export_with (&fixture, dialog, "own.ics");

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_import ();
  test_import_own_time_off ();
  test_export ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/calendar/import", test_import);
  g_test_add_func ("/gui/calendar/import-own-time-off", test_import_own_time_off);
  g_test_add_func ("/gui/calendar/export", test_export);
  g_test_add_func ("/gui/calendar/export-own", test_export_own);
  g_test_add_func ("/gui/zh_CN/calendar", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
