/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "sc-day.h"
#include "sc-gui-test-util.h"
#include "sc-notification-test-util.h"
#include "requests/sc-requests-page.h"
#include "requests/sc-time-off-dialog.h"
#include "requests/sc-swap-dialog.h"
#include "schedule/sc-schedule-page.h"
#include "common/sc-roster-print.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"

/*
 * Time off, from both sides: an agent asks on the Requests page, a
 * supervisor sees it waiting and approves it, and the agent is told when
 * they next sign in; then the agent's own schedule from a published
 * roster. Screenshots in English and Chinese.
 */

static gint64
find_request (Fixture    *fixture,
              ScSession  *session,
              const char *first_day)
{
  g_autoptr(GPtrArray) list = sc_store_get_time_off (fixture->store, session, sc_session_get_person_id (session),
                                                     first_day, first_day, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_strcmp0 (sc_time_off_get_first_day (g_ptr_array_index (list, i)), first_day) == 0)
      return sc_time_off_get_id (g_ptr_array_index (list, i));

  return 0;
}

static void
test_request_and_answer (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 40);
  g_autoptr(GDateTime) later_end = g_date_time_add_days (now, 42);
  g_autofree char *first = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *last = g_date_time_format (later_end, "%Y-%m-%d");
  ScRequestsPage *page;
  ScTimeOffDialog *dialog;
  guint waiting, notified;
  const char *told;
  gint64 id;

  fixture_open (&fixture, TRUE);
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  fixture_show_window (&fixture, agent);

  /* The agent asks; a wrong day is refused on its row */
  sc_window_set_visible_page (fixture.window, "requests");
  page = SC_REQUESTS_PAGE (sc_window_get_page (fixture.window, "requests"));
  g_assert_nonnull (page);
  iterate_for (100);
  waiting = sc_requests_page_get_n_waiting (page);

  dialog = SC_TIME_OFF_DIALOG (sc_requests_page_request (page));
  wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, SC_TYPE_TIME_OFF_DIALOG, "person_row")));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, SC_TYPE_TIME_OFF_DIALOG, "approved_row")));
  sc_time_off_dialog_fill (dialog, "2026-02-30", last, SC_TIME_OFF_KIND_ANNUAL_LEAVE, "Family visit");
  g_assert_false (sc_time_off_dialog_submit (dialog));
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_TIME_OFF_DIALOG, "first_row"), "error"));
  save_screenshot (dialog, "time-off-dialog-error");

  sc_time_off_dialog_fill (dialog, first, last, SC_TIME_OFF_KIND_ANNUAL_LEAVE, "Family visit");
  g_assert_true (sc_time_off_dialog_submit (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_for (100);
  g_assert_cmpuint (sc_requests_page_get_n_waiting (page), ==, waiting + 1);
  id = find_request (&fixture, agent, first);
  g_assert_cmpint (id, >, 0);
  save_screenshot (fixture.window, "requests-agent");

  /* The supervisor sees it waiting, with everyone's, and approves it */
  destroy_all_windows ();
  g_clear_object (&fixture.window);
  supervisor = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_SUPERVISOR);
  fixture_show_window (&fixture, supervisor);
  sc_window_set_visible_page (fixture.window, "requests");
  page = SC_REQUESTS_PAGE (sc_window_get_page (fixture.window, "requests"));
  iterate_for (100);
  waiting = sc_requests_page_get_n_waiting (page);
  g_assert_cmpuint (waiting, >=, 1);
  save_screenshot (fixture.window, "requests");

  g_assert_true (sc_requests_page_decide (page, id, SC_REQUEST_STATUS_APPROVED));
  iterate_for (100);
  g_assert_cmpuint (sc_requests_page_get_n_waiting (page), ==, waiting - 1);
  g_assert_cmpuint (sc_requests_page_get_n_answered (page), >=, 1);
  save_screenshot (fixture.window, "requests-answered");

  /* The agent is told once, at the next sign-in, through the desktop */
  notified = notifications->len;
  destroy_all_windows ();
  g_clear_object (&fixture.window);
  fixture_show_window (&fixture, agent);
  iterate_for (300);
  g_assert_cmpuint (notifications->len, ==, notified + 1);
  told = g_ptr_array_index (notifications, notified);
  g_assert_true (g_str_has_prefix (told, _("Time Off Approved")));
  g_assert_nonnull (strstr (told, first));
  g_assert_nonnull (strstr (told, sc_session_get_display_name (supervisor)));
  sc_application_set_session (app, NULL);
  sc_application_set_session (app, agent);
  iterate_for (300);
  g_assert_cmpuint (notifications->len, ==, notified + 1);

  fixture_tear_down (&fixture);
}


/* A week of the sample team rostered and published, as a supervisor would */
static char *
publish_week (Fixture *fixture)
{
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *first = sc_store_get_next_forecast_day (fixture->store, today);
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterSolverOptions options;
  gint64 roster;

  g_assert_nonnull (first);
  input = sc_store_build_roster_input (fixture->store, system, first, 7, &error);
  g_assert_no_error (error);
  sc_roster_solver_options_init (&options);
  options.time_limit = 2;
  options.seed = 1;
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, NULL);
  roster = sc_store_save_roster_solution (fixture->store, system, input, solution, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_store_publish_roster (fixture->store, system, roster, &error), ==, 1);
  return g_steal_pointer (&first);
}

static void
test_schedule (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(ScCalendar) calendar = NULL;
  g_autofree char *first = NULL;
  ScSchedulePage *page;
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  guint expected = 0, in_month = 0;

  fixture_open (&fixture, TRUE);
  first = publish_week (&fixture);
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  fixture_show_window (&fixture, agent);

  calendar = sc_store_get_calendar (fixture.store, agent, first, 7, sc_session_get_person_id (agent), NULL);
  g_assert_nonnull (calendar);
  for (guint i = 0; i < calendar->shifts->len; i++)
    {
      ScCalendarShift *shift = &g_array_index (calendar->shifts, ScCalendarShift, i);

      if (shift->cancelled)
        continue;
      expected++;
      if (strncmp (shift->day, first, 7) == 0)
        in_month++;
    }

  /* Looking is not exporting: the audit trail stays as it was */
  audit_before = sc_store_get_audit (fixture.store, system, NULL, NULL, NULL, NULL, NULL);
  sc_window_set_visible_page (fixture.window, "schedule");
  page = SC_SCHEDULE_PAGE (sc_window_get_page (fixture.window, "schedule"));
  g_assert_nonnull (page);
  sc_schedule_page_show_day (page, first);
  iterate_for (200);
  audit_after = sc_store_get_audit (fixture.store, system, NULL, NULL, NULL, NULL, NULL);
  g_assert_nonnull (audit_after);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len);

  g_assert_cmpstr (sc_schedule_page_get_first_day (page), ==, first);
  g_assert_cmpuint (sc_schedule_page_get_n_shifts (page), ==, expected);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (sc_schedule_page_get_n_shifts (page) + sc_schedule_page_get_n_days_off (page), <=, 7);
  save_screenshot (fixture.window, "schedule-week");

  /* Asking to swap the first shift: the rules' verdict at once */
  {
    ScCalendarShift *shift = &g_array_index (calendar->shifts, ScCalendarShift, 0);
    g_autoptr(GArray) partners = sc_store_get_swap_partners (fixture.store, agent, shift->shift_id, NULL);
    ScSwapDialog *swap;
    ScRequestsPage *requests;
    g_autoptr(ScSession) supervisor = NULL;
    g_autoptr(GPtrArray) asked = NULL;
    gint64 partner = 0;
    guint notified = notifications->len;

    g_assert_nonnull (partners);
    for (guint i = 0; i < partners->len && partner == 0; i++)
      if (g_array_index (partners, ScSwapPartner, i).shift_id == 0)
        partner = g_array_index (partners, ScSwapPartner, i).person_id;
    g_assert_cmpint (partner, >, 0);

    swap = SC_SWAP_DIALOG (sc_swap_dialog_new (GTK_WINDOW (fixture.window), fixture.store, agent, shift->shift_id,
                                               "Mon · E 07:00–15:30"));
    gtk_window_present (GTK_WINDOW (swap));
    wait_until_mapped (GTK_WIDGET (swap));
    g_assert_true (sc_swap_dialog_select_partner (swap, partner));
    g_assert_cmpint (sc_swap_dialog_get_n_broken (swap), >=, 0);
    save_screenshot (swap, "swap-dialog");
    g_assert_true (sc_swap_dialog_submit (swap));
    gtk_window_destroy (GTK_WINDOW (swap));

    asked = sc_store_get_swap_requests (fixture.store, agent, NULL);
    g_assert_cmpuint (asked->len, ==, 1);

    /* A supervisor approves it on the Requests page; the agent is told */
    destroy_all_windows ();
    g_clear_object (&fixture.window);
    supervisor = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_SUPERVISOR);
    fixture_show_window (&fixture, supervisor);
    sc_window_set_visible_page (fixture.window, "requests");
    requests = SC_REQUESTS_PAGE (sc_window_get_page (fixture.window, "requests"));
    iterate_for (200);
    save_screenshot (fixture.window, "requests-swap");
    g_assert_true (sc_requests_page_decide_swap (requests, ((ScSwapRequest *) g_ptr_array_index (asked, 0))->id,
                                                 SC_REQUEST_STATUS_APPROVED));
    destroy_all_windows ();
    g_clear_object (&fixture.window);
    fixture_show_window (&fixture, agent);
    iterate_for (300);
    g_assert_cmpuint (notifications->len, ==, notified + 1);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (notifications, notified), _("Swap Approved")));
    sc_window_set_visible_page (fixture.window, "schedule");
    page = SC_SCHEDULE_PAGE (sc_window_get_page (fixture.window, "schedule"));
    sc_schedule_page_show_day (page, first);
    iterate_for (200);
    g_assert_cmpuint (sc_schedule_page_get_n_shifts (page), ==, expected - 1);
    expected--;
    in_month -= strncmp (shift->day, first, 7) == 0;
  }

  /* The month counts its own days only */
  sc_schedule_page_set_month (page, TRUE);
  iterate_for (200);
  g_assert_cmpuint (sc_schedule_page_get_n_shifts (page), ==, in_month);
  save_screenshot (fixture.window, "schedule-month");

  fixture_tear_down (&fixture);
}


/* A published week printed: one landscape page per week and per page of people */
static void
test_print (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(ScRosterPrint) print = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdf_name = g_strdup_printf ("roster-print%s.pdf", lang_suffix ());
  g_autofree char *png_name = g_strdup_printf ("roster-print%s.png", lang_suffix ());
  gsize length;
  int n_pages = 0;

  fixture_open (&fixture, TRUE);
  first = publish_week (&fixture);
  calendar = sc_store_get_calendar (fixture.store, system, first, 7, 0, &error);
  g_assert_no_error (error);
  people = sc_store_get_people (fixture.store, system, FALSE, &error);
  types = sc_store_get_shift_types (fixture.store, &error);

  print = sc_roster_print_new (_("Roster"), first, 7);
  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      int row = sc_roster_print_add_person (print, sc_person_get_name (person));

      g_hash_table_insert (rows, g_memdup2 (&((gint64) { sc_person_get_id (person) }), sizeof (gint64)),
                           GINT_TO_POINTER (row + 1));
    }
  for (guint i = 0; i < calendar->shifts->len; i++)
    {
      ScCalendarShift *shift = &g_array_index (calendar->shifts, ScCalendarShift, i);
      int row = GPOINTER_TO_INT (g_hash_table_lookup (rows, &shift->person_id)) - 1;
      g_autoptr(GDateTime) a = sc_day_parse (first);
      g_autoptr(GDateTime) b = sc_day_parse (shift->day);
      int day = (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
      int end = (shift->start_minute + shift->length_minutes) % 1440;
      g_autofree char *times = g_strdup_printf ("%02d:%02d–%02d:%02d", shift->start_minute / 60,
                                                shift->start_minute % 60, end / 60, end % 60);
      const char *colour = NULL;

      for (guint t = 0; t < types->len; t++)
        if (g_strcmp0 (sc_shift_type_get_code (g_ptr_array_index (types, t)), shift->shift_type_code) == 0)
          colour = sc_shift_type_get_colour (g_ptr_array_index (types, t));
      if (row >= 0 && !shift->cancelled)
        sc_roster_print_set_cell (print, row, day, shift->shift_type_code, times, colour);
    }

  pdf = g_test_build_filename (G_TEST_BUILT, pdf_name, NULL);
  g_assert_cmpint (sc_roster_print_run (print, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, pdf, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  /* A real PDF with as many pages as the week and the team need */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p++)
    if (p[11] != 's')
      n_pages++;
  g_assert_cmpint (n_pages, >=, 2);   /* 60 people do not fit on one landscape page */
  g_test_message ("%s: %d pages", pdf, n_pages);

  png = g_test_build_filename (G_TEST_BUILT, png_name, NULL);
  g_assert_true (sc_roster_print_render_png (print, 0, png, &error));
  g_assert_no_error (error);

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  test_request_and_answer ();
  test_schedule ();
  test_print ();
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);
  start_notification_server ();

  g_test_add_func ("/gui/requests/request-and-answer", test_request_and_answer);
  g_test_add_func ("/gui/schedule/week-and-month", test_schedule);
  g_test_add_func ("/gui/print/pdf", test_print);
  g_test_add_func ("/gui/zh_CN/requests", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
