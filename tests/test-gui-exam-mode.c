/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-gui-test-util.h"
#include "sc-store-private.h"
#include "exam-mode/sc-certificate.h"
#include "exam-mode/sc-exam-window.h"
#include "exam-mode/sc-my-exams-page.h"

/*
 * Exam mode on the sample team, as an agent: My Exams lists the exams and
 * the agent's certifications; an exam is started, answered through the
 * widgets, left as if the app crashed, resumed with its answers and the
 * time from the stored deadline, submitted automatically at the deadline;
 * then a certificate. The store's clock is the test's: nothing waits.
 */

static gint64 fake_now;

static gint64
fake_clock (void)
{
  return fake_now;
}

static void
answer_shown_question (ScExamWindow *window)
{
  switch (sc_exam_window_get_question_type (window))
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
    case SC_QUESTION_TYPE_TRUEFALSE:
    case SC_QUESTION_TYPE_MATCHING:
      sc_exam_window_choose (window, 0);
      break;
    case SC_QUESTION_TYPE_NUMERICAL:
      sc_exam_window_type_answer (window, "42");
      break;
    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_ESSAY:
      sc_exam_window_type_answer (window, "先道歉，再复述问题");
      break;
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }
}

/* A key as the window's key handler gets it */
static gboolean
press_key (GtkWidget       *window,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static const char *
type_name (ScQuestionType type)
{
  static const char *names[] = { "multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay",
                                 "description" };

  return type < G_N_ELEMENTS (names) ? names[type] : "other";
}

static void
test_exam_mode (void)
{
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(ScExamAttempt) open = NULL;
  g_autoptr(ScExamAttempt) done = NULL;
  g_autofree char *first_response = NULL;
  g_autofree char *second_response = NULL;
  g_autofree char *expected_countdown = NULL;
  Fixture fixture = { 0 };
  ScMyExamsPage *page;
  ScExamWindow *window;
  GtkWindow *dialog;
  ScExam *exam = NULL;
  gint64 person_id;
  gint64 attempt_id;
  gint64 seconds_left;
  guint shown_types = 0;
  const char *status;

  fake_now = g_get_real_time () / G_USEC_PER_SEC;
  fixture_open (&fixture, TRUE);
  fixture.store->clock = fake_clock;
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  person_id = sc_session_get_person_id (agent);
  g_assert_cmpint (person_id, !=, 0);
  fixture_show_window (&fixture, agent);

  /* My Exams: the sample exams and the agent's certifications */
  sc_window_set_visible_page (fixture.window, "my-exams");
  page = SC_MY_EXAMS_PAGE (sc_window_get_page (fixture.window, "my-exams"));
  g_assert_nonnull (page);
  sc_page_reload_now (SC_PAGE (page));
  exams = sc_store_get_exams (fixture.store, agent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exams->len, ==, 3);
  g_assert_cmpuint (sc_my_exams_page_get_n_exams (page), ==, exams->len);
  certifications = sc_store_get_certifications (fixture.store, agent, person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (certifications->len, >, 0);
  g_assert_cmpuint (sc_my_exams_page_get_n_certifications (page), ==, certifications->len);
  g_assert_cmpuint (sc_my_exams_page_get_n_attempts (page), >, 0);
  save_screenshot (fixture.window, "exam-mode-my-exams");

  /* An exam with a time limit that submits itself at the deadline */
  for (guint i = 0; i < exams->len && exam == NULL; i++)
    {
      ScExam *candidate = g_ptr_array_index (exams, i);

      if (candidate->time_limit_minutes > 0 && candidate->overdue == SC_EXAM_OVERDUE_AUTOSUBMIT &&
          sc_store_can_start_attempt (fixture.store, agent, candidate->id, person_id, NULL, NULL))
        exam = candidate;
    }
  if (exam == NULL)
    g_error ("No sample exam with a time limit the agent may start");

  window = sc_my_exams_page_open_exam (page, exam->id);
  g_assert_nonnull (window);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_window_is_maximized (GTK_WINDOW (window)) || gtk_window_get_modal (GTK_WINDOW (window)));
  attempt_id = sc_exam_window_get_attempt_id (window);
  g_assert_cmpuint (sc_exam_window_get_n_questions (window), >=, 3);
  g_assert_cmpint (sc_exam_window_get_seconds_left (window), ==, exam->time_limit_minutes * 60);

  /* Two answers through the widgets, the second flagged */
  g_assert_null (sc_exam_window_get_announcement (window));
  sc_exam_window_go_to (window, 0);
  answer_shown_question (window);
  sc_exam_window_go_to (window, 1);
  answer_shown_question (window);
  sc_exam_window_set_flagged (window, TRUE);
  g_assert_nonnull (sc_exam_window_get_response (window, 0));
  g_assert_nonnull (sc_exam_window_get_response (window, 1));
  first_response = g_strdup (sc_exam_window_get_response (window, 0));
  second_response = g_strdup (sc_exam_window_get_response (window, 1));
  g_assert_cmpstr (first_response, !=, "");

  saved = sc_store_get_attempt_questions (fixture.store, agent, attempt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((ScAttemptQuestion *) g_ptr_array_index (saved, 0))->response, ==, first_response);
  g_assert_cmpstr (((ScAttemptQuestion *) g_ptr_array_index (saved, 1))->response, ==, second_response);
  g_assert_false (((ScAttemptQuestion *) g_ptr_array_index (saved, 0))->flagged);
  g_assert_true (((ScAttemptQuestion *) g_ptr_array_index (saved, 1))->flagged);
  g_assert_null (((ScAttemptQuestion *) g_ptr_array_index (saved, 0))->right_answer);

  /* A screenshot of each kind of question, up to three */
  for (guint i = 0; i < sc_exam_window_get_n_questions (window) && shown_types != 0x7; i++)
    {
      ScQuestionType type;

      sc_exam_window_go_to (window, i);
      type = sc_exam_window_get_question_type (window);
      if (type < 3 && !(shown_types & (1u << type)))
        {
          g_autofree char *name = g_strdup_printf ("exam-mode-question-%s", type_name (type));

          shown_types |= 1u << type;
          save_screenshot (window, name);
        }
    }
  sc_exam_window_go_to (window, 1);
  save_screenshot (window, "exam-mode-question-flagged");

  /* Keyboard only: Alt+Right and Alt+Left move, a number key chooses */
  sc_exam_window_go_to (window, 0);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 0);
  for (guint i = 0; i < sc_exam_window_get_n_questions (window); i++)
    {
      sc_exam_window_go_to (window, i);
      if (sc_exam_window_get_question_type (window) == SC_QUESTION_TYPE_TRUEFALSE)
        {
          gtk_widget_grab_focus (GTK_WIDGET (window));
          g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_2, 0));
          g_assert_cmpstr (sc_exam_window_get_response (window, i), ==, "false");
          g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_1, 0));
          g_assert_cmpstr (sc_exam_window_get_response (window, i), ==, "true");
          break;
        }
    }
  g_clear_pointer (&saved, g_ptr_array_unref);
  saved = sc_store_get_attempt_questions (fixture.store, agent, attempt_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->len; i++)
    g_assert_cmpstr (((ScAttemptQuestion *) g_ptr_array_index (saved, i))->response, ==,
                     sc_exam_window_get_response (window, i));
  sc_exam_window_go_to (window, 1);

  /* The confirmation lists what is left; keep working */
  dialog = sc_exam_window_ask_submit (window);
  wait_until_mapped (GTK_WIDGET (dialog));
  save_screenshot (dialog, "exam-mode-submit");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  iterate_for (100);
  g_assert_false (sc_exam_window_get_showing_result (window));

  /* The app crashes: the window goes without a submit */
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);

  /* Signed in again five minutes later: the attempt is open, with its
   * real time left */
  fake_now += 5 * 60;
  sc_page_reload_now (SC_PAGE (page));
  open = sc_store_get_open_attempt (fixture.store, agent, exam->id, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_cmpint (open->id, ==, attempt_id);
  g_assert_cmpint (open->seconds_left, ==, (exam->time_limit_minutes - 5) * 60);
  status = sc_my_exams_page_get_exam_status (page, exam->id);
  g_assert_nonnull (status);
  {
    g_autofree char *minutes = g_strdup_printf ("%d", exam->time_limit_minutes - 5);
    g_assert_nonnull (strstr (status, minutes));
  }
  save_screenshot (fixture.window, "exam-mode-resume");

  window = sc_my_exams_page_open_exam (page, exam->id);
  g_assert_nonnull (window);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpint (sc_exam_window_get_attempt_id (window), ==, attempt_id);
  g_assert_cmpstr (sc_exam_window_get_response (window, 0), ==, first_response);
  g_assert_cmpstr (sc_exam_window_get_response (window, 1), ==, second_response);
  g_assert_cmpint (sc_exam_window_get_seconds_left (window), ==, (exam->time_limit_minutes - 5) * 60);
  seconds_left = sc_exam_window_get_seconds_left (window);
  {
    g_autofree char *clock = g_strdup_printf ("%02d:00", (int) (seconds_left / 60));

    expected_countdown = g_strdup_printf (_("Time left %s"), clock);
    g_assert_cmpstr (sc_exam_window_get_countdown (window), ==, expected_countdown);
  }

  /* Nine minutes before the end: announced */
  fake_now += seconds_left - 9 * 60;
  sc_exam_window_update_countdown (window);
  g_assert_nonnull (strstr (sc_exam_window_get_countdown (window), "09:00"));
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left: the exam is submitted automatically at the end.",
                                                              "%d minutes left: the exam is submitted automatically at the end.", 10),
                                                 10);
    g_assert_cmpstr (sc_exam_window_get_announcement (window), ==, expected);
  }
  save_screenshot (window, "exam-mode-ten-minutes");

  /* Nine minutes before the end, answers are still saved */
  sc_exam_window_go_to (window, 2);
  answer_shown_question (window);
  g_assert_nonnull (sc_exam_window_get_response (window, 2));

  /* The deadline: submitted with what was saved, the result shown */
  fake_now += 9 * 60 + 1;
  sc_exam_window_update_countdown (window);
  g_assert_true (sc_exam_window_get_showing_result (window));
  done = sc_store_get_attempt (fixture.store, agent, attempt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_true (done->auto_submitted);
  g_assert_cmpuint (done->n_answered, >=, 2);
  save_screenshot (window, "exam-mode-result");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);

  /* A certificate of a valid certification */
  sc_page_reload_now (SC_PAGE (page));
  g_clear_pointer (&certifications, g_ptr_array_unref);
  certifications = sc_store_get_certifications (fixture.store, agent, person_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < certifications->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (certifications, i);
      g_autofree char *pdf_name = g_strdup_printf ("exam-mode-certificate%s.pdf", lang_suffix ());
      g_autofree char *png_name = g_strdup_printf ("exam-mode-certificate%s.png", lang_suffix ());
      g_autofree char *pdf_path = g_test_build_filename (G_TEST_BUILT, pdf_name, NULL);
      g_autofree char *png_path = g_test_build_filename (G_TEST_BUILT, png_name, NULL);
      g_autofree char *json_path = g_strdup_printf ("%.*s.json", (int) strlen (pdf_path) - 4, pdf_path);
      g_autoptr(GFile) file = g_file_new_for_path (pdf_path);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *contents = NULL;
      gsize length = 0;
      JsonObject *assertion;

      if (certification->state != SC_CERTIFICATION_VALID && certification->state != SC_CERTIFICATION_EXPIRING_SOON)
        continue;

      g_assert_true (sc_my_exams_page_save_certificate (page, certification->id, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (pdf_path, &contents, &length, &error));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_clear_pointer (&contents, g_free);

      g_assert_true (json_parser_load_from_file (parser, json_path, &error));
      g_assert_no_error (error);
      assertion = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (assertion, "type"), ==, "Assertion");
      g_assert_nonnull (strstr (json_object_get_string_member (assertion, "id"), certification->code));

      g_assert_true (sc_certificate_write_png (certification, png_path, 1123, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (png_path, &contents, &length, &error));
      g_assert_true (length > 8 && memcmp (contents, "\x89PNG", 4) == 0);
      g_test_message ("Certificate: %s", png_path);
      break;
    }

  fixture_tear_down (&fixture);
}

/* An exam with a grace period: at the deadline the answers are frozen and
 * the agent is told to submit; submitting shows the result */
static void
test_grace (void)
{
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(ScExamAttempt) done = NULL;
  Fixture fixture = { 0 };
  ScMyExamsPage *page;
  ScExamWindow *window;
  GtkWindow *dialog;
  ScExam *exam = NULL;
  gint64 person_id;
  gint64 attempt_id;

  fake_now = g_get_real_time () / G_USEC_PER_SEC;
  fixture_open (&fixture, TRUE);
  fixture.store->clock = fake_clock;
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  person_id = sc_session_get_person_id (agent);
  fixture_show_window (&fixture, agent);
  sc_window_set_visible_page (fixture.window, "my-exams");
  page = SC_MY_EXAMS_PAGE (sc_window_get_page (fixture.window, "my-exams"));
  sc_page_reload_now (SC_PAGE (page));

  exams = sc_store_get_exams (fixture.store, agent, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exams->len && exam == NULL; i++)
    {
      ScExam *candidate = g_ptr_array_index (exams, i);

      if (candidate->time_limit_minutes > 0 && candidate->overdue == SC_EXAM_OVERDUE_GRACE &&
          sc_store_can_start_attempt (fixture.store, agent, candidate->id, person_id, NULL, NULL))
        exam = candidate;
    }
  if (exam == NULL)
    g_error ("No sample exam with a grace period the agent may start");

  window = sc_my_exams_page_open_exam (page, exam->id);
  g_assert_nonnull (window);
  wait_until_mapped (GTK_WIDGET (window));
  attempt_id = sc_exam_window_get_attempt_id (window);
  sc_exam_window_go_to (window, 0);
  answer_shown_question (window);
  g_assert_nonnull (sc_exam_window_get_response (window, 0));

  /* The deadline passes: no more answers, but not submitted yet */
  fake_now += exam->time_limit_minutes * 60 + 30;
  sc_exam_window_update_countdown (window);
  g_assert_false (sc_exam_window_get_showing_result (window));
  g_assert_cmpstr (sc_exam_window_get_announcement (window), ==,
                   _("Time is up: your answers are kept. Submit the exam now."));
  g_assert_cmpstr (sc_exam_window_get_countdown (window), ==, _("Time is up"));
  sc_exam_window_go_to (window, 1);
  sc_exam_window_choose (window, 0);
  sc_exam_window_type_answer (window, "late");
  g_assert_null (sc_exam_window_get_response (window, 1));
  save_screenshot (window, "exam-mode-grace");

  dialog = sc_exam_window_ask_submit (window);
  wait_until_mapped (GTK_WIDGET (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "submit");
  iterate_for (100);
  g_assert_true (sc_exam_window_get_showing_result (window));
  done = sc_store_get_attempt (fixture.store, agent, attempt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_false (done->auto_submitted);
  g_assert_cmpuint (done->n_answered, ==, 1);
  save_screenshot (window, "exam-mode-grace-result");

  fixture_tear_down (&fixture);
}

/* Every question on one page: all cards shown, answers and flags saved
 * as in the other mode, the focus making a question the current one, the
 * keyboard moving between them, the choice remembered; the countdown
 * announced every five minutes and in the last minute */
static void
test_all_on_one_page (void)
{
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  Fixture fixture = { 0 };
  ScMyExamsPage *page;
  ScExamWindow *window;
  ScExam *exam = NULL;
  gint64 person_id;
  gint64 attempt_id;
  gint64 seconds_left;
  guint n;

  fake_now = g_get_real_time () / G_USEC_PER_SEC;
  fixture_open (&fixture, TRUE);
  fixture.store->clock = fake_clock;
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  person_id = sc_session_get_person_id (agent);
  fixture_show_window (&fixture, agent);
  sc_window_set_visible_page (fixture.window, "my-exams");
  page = SC_MY_EXAMS_PAGE (sc_window_get_page (fixture.window, "my-exams"));
  sc_page_reload_now (SC_PAGE (page));

  exams = sc_store_get_exams (fixture.store, agent, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exams->len && exam == NULL; i++)
    {
      ScExam *candidate = g_ptr_array_index (exams, i);

      if (candidate->time_limit_minutes >= 20 &&
          sc_store_can_start_attempt (fixture.store, agent, candidate->id, person_id, NULL, NULL))
        exam = candidate;
    }
  if (exam == NULL)
    g_error ("No sample exam of 20 minutes or more the agent may start");

  g_settings_set_boolean (settings, "exam-all-questions", FALSE);
  window = sc_my_exams_page_open_exam (page, exam->id);
  g_assert_nonnull (window);
  wait_until_mapped (GTK_WIDGET (window));
  attempt_id = sc_exam_window_get_attempt_id (window);
  n = sc_exam_window_get_n_questions (window);
  g_assert_cmpuint (n, >=, 4);

  /* One at a time: only the current question is shown */
  g_assert_false (sc_exam_window_get_all_on_one_page (window));
  g_assert_true (sc_exam_window_get_question_shown (window, 0));
  g_assert_false (sc_exam_window_get_question_shown (window, 1));

  /* Tab goes from the navigator to the question's flag, its answers, then
   * Previous and Next */
  {
    GtkWidget *navigator = get_child (window, SC_TYPE_EXAM_WINDOW, "navigator");
    GtkWidget *questions_box = get_child (window, SC_TYPE_EXAM_WINDOW, "questions_box");
    GtkWidget *next_button = get_child (window, SC_TYPE_EXAM_WINDOW, "next_button");
    int in_navigator = -1, on_flag = -1, in_answer = -1, on_next = -1;

    gtk_widget_grab_focus (get_child (window, SC_TYPE_EXAM_WINDOW, "all_button"));
    for (int i = 0; i < 40 && on_next < 0; i++)
      {
        GtkWidget *focus;

        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
        focus = gtk_root_get_focus (GTK_ROOT (window));
        g_assert_nonnull (focus);
        if (in_navigator < 0 && gtk_widget_is_ancestor (focus, navigator))
          in_navigator = i;
        else if (on_flag < 0 && GTK_IS_TOGGLE_BUTTON (focus) && gtk_widget_is_ancestor (focus, questions_box))
          on_flag = i;
        /* after the flag: the answers, check buttons or, for some kinds
         * of question, toggle buttons (the question's text is a
         * selectable label) */
        else if (in_answer < 0 && on_flag >= 0 && gtk_widget_is_ancestor (focus, questions_box) &&
                 !GTK_IS_LABEL (focus))
          in_answer = i;
        else if (focus == next_button || gtk_widget_is_ancestor (focus, next_button))
          on_next = i;
      }
    g_assert_cmpint (in_navigator, >=, 0);
    g_assert_cmpint (on_flag, >, in_navigator);
    g_assert_cmpint (in_answer, >, on_flag);
    g_assert_cmpint (on_next, >, in_answer);
  }

  /* All on one page, remembered */
  sc_exam_window_set_all_on_one_page (window, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "exam-all-questions"));
  g_assert_true (gtk_toggle_button_get_active (get_child (window, SC_TYPE_EXAM_WINDOW, "all_button")));
  for (guint i = 0; i < n; i++)
    g_assert_true (sc_exam_window_get_question_shown (window, i));

  /* The keyboard moves the focus from question to question */
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 0);
  answer_shown_question (window);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 2);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, get_child (window, SC_TYPE_EXAM_WINDOW, "questions_box")));
  }
  answer_shown_question (window);
  sc_exam_window_set_flagged (window, TRUE);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (sc_exam_window_get_position (window), ==, 1);
  iterate_for (100);
  save_screenshot (window, "exam-mode-all-on-one-page");

  /* Saved as they changed, read back from the widgets */
  saved = sc_store_get_attempt_questions (fixture.store, agent, attempt_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (saved, i);
      g_autofree char *shown = sc_exam_window_read_shown_response (window, i);

      g_assert_cmpstr (question->response, ==, sc_exam_window_get_response (window, i));
      if (question->response != NULL)
        g_assert_cmpstr (shown, ==, question->response);
      g_assert_cmpint (question->flagged, ==, i == 2);
      g_assert_cmpint (sc_exam_window_get_shown_flagged (window, i), ==, i == 2);
    }
  g_assert_nonnull (sc_exam_window_get_response (window, 0));
  g_assert_nonnull (sc_exam_window_get_response (window, 2));

  /* The focus in a question makes it the current one */
  gtk_widget_grab_focus (gtk_widget_get_first_child (get_child (window, SC_TYPE_EXAM_WINDOW, "questions_box")));
  {
    GtkWidget *last_card = gtk_widget_get_last_child (get_child (window, SC_TYPE_EXAM_WINDOW, "questions_box"));

    g_assert_true (gtk_widget_child_focus (last_card, GTK_DIR_TAB_FORWARD));
    g_assert_cmpuint (sc_exam_window_get_position (window), ==, n - 1);
  }

  /* The countdown is announced every five minutes and in the last one */
  seconds_left = sc_exam_window_get_seconds_left (window);
  fake_now += seconds_left - 14 * 60 - 30;
  sc_exam_window_update_countdown (window);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left: the exam is submitted automatically at the end.",
                                                              "%d minutes left: the exam is submitted automatically at the end.", 15),
                                                 15);
    g_assert_cmpstr (sc_exam_window_get_announcement (window), ==, expected);
  }
  fake_now += 14 * 60;
  sc_exam_window_update_countdown (window);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left: the exam is submitted automatically at the end.",
                                                              "%d minutes left: the exam is submitted automatically at the end.", 1),
                                                 1);
    g_assert_cmpstr (sc_exam_window_get_announcement (window), ==, expected);
  }

  /* Back to one at a time; the next exam window opens as it was left */
  sc_exam_window_set_all_on_one_page (window, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "exam-all-questions"));
  g_assert_false (sc_exam_window_get_question_shown (window, 0));
  g_assert_true (sc_exam_window_get_question_shown (window, sc_exam_window_get_position (window)));
  sc_exam_window_set_all_on_one_page (window, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);
  window = sc_my_exams_page_open_exam (page, exam->id);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_true (sc_exam_window_get_all_on_one_page (window));
  g_assert_true (sc_exam_window_get_question_shown (window, n - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);
  g_settings_reset (settings, "exam-all-questions");

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  test_exam_mode ();
  test_all_on_one_page ();
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/exam-mode/take-resume-certify", test_exam_mode);
  g_test_add_func ("/gui/exam-mode/grace", test_grace);
  g_test_add_func ("/gui/exam-mode/all-on-one-page", test_all_on_one_page);
  g_test_add_func ("/gui/exam-mode/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
