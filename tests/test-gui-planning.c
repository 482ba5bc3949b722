/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-erlang.h"
#include "sc-gui-test-util.h"
#include "planning/sc-cover-dialog.h"
#include "planning/sc-forecast-dialog.h"
#include "planning/sc-shift-types-dialog.h"
#include "planning/sc-staffing-calculator.h"

/*
 * The planning windows on the sample team, reached from the main menu as a
 * supervisor would: the staffing calculator, a channel's forecast with its
 * Erlang table, shift types and cover requirements. Screenshots in English
 * and Chinese.
 */

static gpointer
activate_and_wait (Fixture    *fixture,
                   const char *action,
                   GType       type)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  return wait_for_toplevel (type);
}

static void
test_calculator (void)
{
  Fixture fixture = { 0 };
  ScStaffingCalculator *calculator;
  ScStaffingResult result;
  ScStaffingInput in = {
    .calls = 100, .interval_minutes = 30, .aht_seconds = 180, .target_sl = 0.80,
    .target_seconds = 20, .max_occupancy = 0.85, .shrinkage = 0.30,
  };

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_AGENT);

  /* Anyone may reach for it */
  calculator = activate_and_wait (&fixture, "win.staffing-calculator", SC_TYPE_STAFFING_CALCULATOR);
  sc_staffing_calculator_set_input (calculator, &in);
  g_assert_true (sc_staffing_calculator_get_result (calculator, &result));

  /* The figures of `shiftcraft staffing --calls 100 …` */
  g_assert_cmpfloat_with_epsilon (result.erlangs, 10.0, 1e-9);
  g_assert_cmpint (result.agents, ==, 14);
  g_assert_cmpint (result.scheduled, ==, 20);
  g_assert_cmpfloat_with_epsilon (result.service_level, 0.8884, 5e-5);
  g_assert_cmpstr (gtk_label_get_text (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "agents_label")), ==, "14");
  g_assert_false (gtk_widget_get_visible (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "abandon_row")));

  /* With patience, Erlang A: fewer agents, and the share who hang up */
  gtk_spin_button_set_value (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "patience_spin"), 120);
  g_assert_true (sc_staffing_calculator_get_result (calculator, &result));
  g_assert_cmpint (result.agents, <=, 14);
  g_assert_cmpfloat (result.p_abandon, >, 0);
  g_assert_true (gtk_widget_get_visible (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "abandon_row")));
  save_screenshot (calculator, "staffing-calculator");

  /* An impossible load says why, and shows no figures */
  gtk_spin_button_set_value (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "patience_spin"), 0);
  gtk_spin_button_set_value (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "calls_spin"), 100000);
  gtk_spin_button_set_value (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "aht_spin"), 7200);
  gtk_spin_button_set_value (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "interval_spin"), 5);
  g_assert_false (sc_staffing_calculator_get_result (calculator, NULL));
  g_assert_true (gtk_widget_get_visible (get_child (calculator, SC_TYPE_STAFFING_CALCULATOR, "error_label")));

  /* The planning editors are not an agent's */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.edit-forecast", NULL) &&
                  find_toplevel (SC_TYPE_FORECAST_DIALOG) != NULL);

  fixture_tear_down (&fixture);
}

static gint64
first_channel (ScStore *store)
{
  g_autoptr(GPtrArray) skills = sc_store_get_skills (store, NULL);

  for (guint i = 0; i < skills->len; i++)
    if (sc_skill_get_category (g_ptr_array_index (skills, i)) == SC_SKILL_CATEGORY_CHANNEL)
      return sc_skill_get_id (g_ptr_array_index (skills, i));

  g_assert_not_reached ();
  return 0;
}

static void
test_forecast (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *day = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(ScServiceTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  ScForecastDialog *dialog;
  ScForecastPoint *busiest = NULL;
  ScStaffingResult expected;
  ScStaffingInput in = { 0 };
  gint64 channel;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  channel = first_channel (fixture.store);

  /* It opens on the first day with a forecast */
  dialog = activate_and_wait (&fixture, "win.edit-forecast", SC_TYPE_FORECAST_DIALOG);
  day = sc_store_get_next_forecast_day (fixture.store, today);
  g_assert_nonnull (day);
  g_assert_cmpstr (gtk_editable_get_text (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "day_entry")), ==, day);

  /* Each interval's agents are Erlang C's for its contacts and the target */
  points = sc_store_get_forecast (fixture.store, fixture.session, channel, day, &error);
  target = sc_store_get_service_target (fixture.store, fixture.session, channel, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, >, 0);
  for (guint i = 0; i < points->len; i++)
    if (busiest == NULL || g_array_index (points, ScForecastPoint, i).volume > busiest->volume)
      busiest = &g_array_index (points, ScForecastPoint, i);

  g_assert_nonnull (busiest);
  in.calls = busiest->volume;
  in.aht_seconds = busiest->aht_seconds;
  in.interval_minutes = 30;
  in.target_sl = sc_service_target_get_service_level (target);
  in.target_seconds = sc_service_target_get_target_seconds (target);
  in.max_occupancy = sc_service_target_get_max_occupancy (target);
  in.shrinkage = sc_service_target_get_shrinkage (target);
  g_assert_true (sc_erlang_required_agents (&in, &expected, NULL));
  g_assert_cmpint (expected.agents, >, 0);
  g_assert_cmpint (sc_forecast_dialog_get_agents (dialog, busiest->start_minute), ==, expected.agents);
  save_screenshot (dialog, "forecast");

  /* A changed interval counts again at once, and is saved */
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "save_button")));
  sc_forecast_dialog_set_volume (dialog, busiest->start_minute, busiest->volume * 2);
  g_assert_cmpint (sc_forecast_dialog_get_agents (dialog, busiest->start_minute), >, expected.agents);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "save_button")));
  g_assert_true (sc_forecast_dialog_save (dialog, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) saved = sc_store_get_forecast (fixture.store, fixture.session, channel, day, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < saved->len; i++)
      if (g_array_index (saved, ScForecastPoint, i).start_minute == busiest->start_minute)
        {
          g_assert_cmpfloat_with_epsilon (g_array_index (saved, ScForecastPoint, i).volume, busiest->volume * 2, 1e-6);
          found = TRUE;
        }
    g_assert_true (found);
    g_assert_cmpuint (saved->len, ==, points->len);
  }

  /* A day that is not a day is refused where it was typed */
  gtk_editable_set_text (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "day_entry"), "2026-02-30");
  g_signal_emit_by_name (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "day_entry"), "activate");
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_FORECAST_DIALOG, "day_entry"), "error"));

  fixture_tear_down (&fixture);
}

static void
test_shift_types (void)
{
  Fixture fixture = { 0 };
  ScShiftTypesDialog *dialog;
  g_autoptr(GPtrArray) types = NULL;
  guint before;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  dialog = activate_and_wait (&fixture, "win.edit-shift-types", SC_TYPE_SHIFT_TYPES_DIALOG);
  before = sc_shift_types_dialog_get_n_types (dialog);
  g_assert_cmpuint (before, >, 0);

  /* A start that is not a time is shown on its row, nothing saved */
  sc_shift_types_dialog_fill (dialog, "M", "Middle", "25:00", "8:00", 30);
  g_assert_false (sc_shift_types_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_SHIFT_TYPES_DIALOG, "start_row"), "error"));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, SC_TYPE_SHIFT_TYPES_DIALOG, "error_label")));
  save_screenshot (dialog, "shift-types-error");

  sc_shift_types_dialog_fill (dialog, "M", "Middle", "11:00", "8:30", 30);
  g_assert_true (sc_shift_types_dialog_save (dialog));
  g_assert_cmpuint (sc_shift_types_dialog_get_n_types (dialog), ==, before + 1);

  types = sc_store_get_shift_types (fixture.store, NULL);
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (sc_shift_type_get_code (g_ptr_array_index (types, i)), "M") == 0)
      {
        g_assert_cmpint (sc_shift_type_get_start_minute (g_ptr_array_index (types, i)), ==, 11 * 60);
        g_assert_cmpint (sc_shift_type_get_length_minutes (g_ptr_array_index (types, i)), ==, 8 * 60 + 30);
        g_assert_cmpint (sc_shift_type_get_paid_minutes (g_ptr_array_index (types, i)), ==, 8 * 60);
      }

  /* The same code twice is refused on the code's row */
  sc_shift_types_dialog_edit (dialog, NULL);
  sc_shift_types_dialog_fill (dialog, "m", "Another", "12:00", "8:00", 0);
  g_assert_false (sc_shift_types_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_SHIFT_TYPES_DIALOG, "code_row"), "error"));
  g_assert_cmpuint (sc_shift_types_dialog_get_n_types (dialog), ==, before + 1);

  sc_shift_types_dialog_edit (dialog, "M");
  save_screenshot (dialog, "shift-types");

  fixture_tear_down (&fixture);
}

static void
test_cover (void)
{
  Fixture fixture = { 0 };
  ScCoverDialog *dialog;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autofree char *day = g_date_time_format (later, "%Y-%m-%d");

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  dialog = activate_and_wait (&fixture, "win.edit-cover", SC_TYPE_COVER_DIALOG);
  g_assert_cmpuint (sc_cover_dialog_get_n_shown (dialog), ==, 0);

  sc_cover_dialog_fill (dialog, day, "9:75", NULL, NULL, 2);
  g_assert_false (sc_cover_dialog_add (dialog));
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_COVER_DIALOG, "time_row"), "error"));

  sc_cover_dialog_fill (dialog, day, "09:00", NULL, NULL, 2);
  g_assert_true (sc_cover_dialog_add (dialog));
  sc_cover_dialog_fill (dialog, day, NULL, "L", NULL, 3);
  g_assert_true (sc_cover_dialog_add (dialog));
  g_assert_cmpuint (sc_cover_dialog_get_n_shown (dialog), ==, 2);
  save_screenshot (dialog, "cover-requirements");

  list = sc_store_get_cover_requirements (fixture.store, fixture.session, day, day, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 0).start_minute, ==, 9 * 60);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 0).required, ==, 2);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 1).start_minute, ==, -1);
  g_assert_cmpint (g_array_index (list, ScCoverRequirement, 1).required, ==, 3);

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_calculator ();
  test_forecast ();
  test_shift_types ();
  test_cover ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/planning/calculator", test_calculator);
  g_test_add_func ("/gui/planning/forecast", test_forecast);
  g_test_add_func ("/gui/planning/shift-types", test_shift_types);
  g_test_add_func ("/gui/planning/cover", test_cover);
  g_test_add_func ("/gui/zh_CN/planning", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
