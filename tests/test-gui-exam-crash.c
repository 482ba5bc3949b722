/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "sc-gui-test-util.h"
#include "sc-store-private.h"
#include "exam-mode/sc-exam-window.h"
#include "exam-mode/sc-my-exams-page.h"

/*
 * The crash of an exam, for real: a second process (this program, run
 * with --exam-child) opens the main window and the exam window as an
 * agent on a database file, answers questions through the widgets and
 * flags one; the test waits until the database holds those answers,
 * kills that process with SIGKILL and opens the exam again as the same
 * agent, seven minutes later by the store's clock. The attempt resumes:
 * the widgets show the answers given before the crash, and the countdown
 * the time that really remains (the stored deadline minus now), not a
 * fresh time limit.
 *
 * Both processes read the time from a clock the test sets, so nothing
 * depends on how fast the machine is.
 */

#define LATER (7 * 60 + 13)

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

/* The child: the app as an agent runs it, until it is killed */

static G_GNUC_NORETURN void
run_child (const char *database,
           gint64      account_id,
           const char *pin,
           gint64      exam_id,
           gint64      now,
           const char *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GArray) answered = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *data = NULL;
  ScApplication *application;
  ScWindow *window;
  ScMyExamsPage *page;
  ScExamWindow *exam_window;
  const char *localedir;
  gsize length;

  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  setlocale (LC_ALL, "C.UTF-8");
  localedir = g_getenv ("SHIFTCRAFT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : SC_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();

  /* The test's own instance owns the application's name on the bus */
  application = sc_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Cannot register: %s", error->message);

  fake_now = now;
  store = sc_store_open (database, &error);
  if (store == NULL)
    g_error ("Cannot open %s: %s", database, error->message);
  store->clock = fake_clock;
  sc_application_set_store (application, store);
  agent = sc_store_sign_in (store, account_id, pin, &error);
  if (agent == NULL)
    g_error ("Cannot sign in: %s", error->message);
  sc_application_set_session (application, agent);

  window = sc_window_new (application, store, agent);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));
  sc_window_set_visible_page (window, "my-exams");
  page = SC_MY_EXAMS_PAGE (sc_window_get_page (window, "my-exams"));
  sc_page_reload_now (SC_PAGE (page));

  exam_window = sc_my_exams_page_open_exam (page, exam_id);
  if (exam_window == NULL)
    g_error ("Cannot start exam %lld", (long long) exam_id);
  wait_until_mapped (GTK_WIDGET (exam_window));

  /* Three answers through the widgets, the second one flagged */
  for (guint i = 0; i < sc_exam_window_get_n_questions (exam_window) && answered->len < 3; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *shown = NULL;

      sc_exam_window_go_to (exam_window, i);
      answer_shown_question (exam_window);
      iterate_for (50);
      shown = sc_exam_window_read_shown_response (exam_window, i);
      if (shown == NULL || *shown == '\0')
        continue;
      if (answered->len == 1)
        sc_exam_window_set_flagged (exam_window, TRUE);
      g_array_append_val (answered, i);
      key = g_strdup_printf ("response-%u", i);
      g_key_file_set_string (key_file, "answers", key, shown);
    }
  g_key_file_set_int64 (key_file, "answers", "attempt", sc_exam_window_get_attempt_id (exam_window));
  g_key_file_set_integer_list (key_file, "answers", "answered", (int *) answered->data, answered->len);
  g_key_file_set_integer (key_file, "answers", "flagged", g_array_index (answered, int, 1));
  data = g_key_file_to_data (key_file, &length, NULL);
  if (!g_file_set_contents (report, data, length, &error))
    g_error ("Cannot write %s: %s", report, error->message);

  /* Working on, until the power goes */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

/* The test */

/* The attempt as the database has it: the responses the child reported
 * are all there */
static gboolean
answers_saved (Fixture    *fixture,
               ScSession  *agent,
               GKeyFile   *report)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autofree int *answered = NULL;
  gsize n_answered = 0;
  gint64 attempt_id = g_key_file_get_int64 (report, "answers", "attempt", NULL);
  int flagged = g_key_file_get_integer (report, "answers", "flagged", NULL);

  saved = sc_store_get_attempt_questions (fixture->store, agent, attempt_id, NULL);
  answered = g_key_file_get_integer_list (report, "answers", "answered", &n_answered, NULL);
  if (saved == NULL || answered == NULL || n_answered != 3)
    return FALSE;

  for (gsize i = 0; i < n_answered; i++)
    {
      g_autofree char *key = g_strdup_printf ("response-%d", answered[i]);
      g_autofree char *response = g_key_file_get_string (report, "answers", key, NULL);
      ScAttemptQuestion *question = g_ptr_array_index (saved, answered[i]);

      if (g_strcmp0 (question->response, response) != 0)
        return FALSE;
    }
  return ((ScAttemptQuestion *) g_ptr_array_index (saved, flagged))->flagged;
}

static void
test_crash_and_resume (void)
{
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(ScAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GKeyFile) report = g_key_file_new ();
  g_autoptr(ScExamAttempt) open = NULL;
  g_autofree char *database = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *account_arg = NULL;
  g_autofree char *exam_arg = NULL;
  g_autofree char *now_arg = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *expected_countdown = NULL;
  g_autofree int *answered = NULL;
  Fixture fixture = { 0 };
  ScMyExamsPage *page;
  ScExamWindow *window;
  ScExam *exam = NULL;
  const char *pin = NULL;
  gsize n_answered = 0;
  gint64 person_id;
  gint64 attempt_id;
  gint64 started;
  gint64 wait_until;
  gint64 seconds_left;
  gint64 deadline;
  int flagged;

  fixture_open (&fixture, TRUE);
  account = fixture_find_account (&fixture, SC_ACCOUNT_ROLE_AGENT, &pin);
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  person_id = sc_session_get_person_id (agent);

  exams = sc_store_get_exams (fixture.store, agent, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < exams->len && exam == NULL; i++)
    {
      ScExam *candidate = g_ptr_array_index (exams, i);

      if (candidate->time_limit_minutes * 60 > LATER &&
          sc_store_can_start_attempt (fixture.store, agent, candidate->id, person_id, NULL, NULL))
        exam = candidate;
    }
  if (exam == NULL)
    g_error ("No sample exam with a time limit the agent may start");
  g_assert_null (sc_store_get_open_attempt (fixture.store, agent, exam->id, person_id, &error));
  g_assert_no_error (error);

  /* The app as the agent runs it, in its own process */
  started = g_get_real_time () / G_USEC_PER_SEC;
  database = g_build_filename (fixture.dir, "shiftcraft.db", NULL);
  report_path = g_build_filename (fixture.dir, "answers.ini", NULL);
  self_path = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  account_arg = g_strdup_printf ("%lld", (long long) sc_account_get_id (account));
  exam_arg = g_strdup_printf ("%lld", (long long) exam->id);
  now_arg = g_strdup_printf ("%lld", (long long) started);
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_path, "--exam-child", database, account_arg, pin,
                            exam_arg, now_arg, report_path, NULL);
  g_assert_no_error (error);

  /* It answers; the answers reach the database */
  wait_until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < wait_until)
    {
      iterate_for (200);
      g_assert_false (g_subprocess_get_identifier (child) == NULL);
      if (g_file_test (report_path, G_FILE_TEST_EXISTS) &&
          g_key_file_load_from_file (report, report_path, G_KEY_FILE_NONE, NULL) &&
          answers_saved (&fixture, agent, report))
        break;
    }
  g_assert_true (answers_saved (&fixture, agent, report));

  /* The power goes */
  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  attempt_id = g_key_file_get_int64 (report, "answers", "attempt", NULL);
  answered = g_key_file_get_integer_list (report, "answers", "answered", &n_answered, NULL);
  flagged = g_key_file_get_integer (report, "answers", "flagged", NULL);
  g_assert_cmpuint (n_answered, ==, 3);

  /* The agent starts the app again seven minutes later: the attempt is
   * still open, with the time that really remains */
  fake_now = started + LATER;
  fixture.store->clock = fake_clock;
  open = sc_store_get_open_attempt (fixture.store, agent, exam->id, person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (open);
  g_assert_cmpint (open->id, ==, attempt_id);
  g_assert_cmpint (open->state, ==, SC_ATTEMPT_IN_PROGRESS);
  g_assert_cmpuint (open->n_answered, ==, 3);
  g_assert_nonnull (open->deadline);
  deadline = _sc_store_parse_utc (open->deadline);
  g_assert_cmpint (deadline, ==, started + exam->time_limit_minutes * 60);

  fixture_show_window (&fixture, agent);
  sc_window_set_visible_page (fixture.window, "my-exams");
  page = SC_MY_EXAMS_PAGE (sc_window_get_page (fixture.window, "my-exams"));
  sc_page_reload_now (SC_PAGE (page));
  window = sc_my_exams_page_open_exam (page, exam->id);
  g_assert_nonnull (window);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpint (sc_exam_window_get_attempt_id (window), ==, attempt_id);

  /* The widgets show the answers given before the crash, and the flag */
  for (gsize i = 0; i < n_answered; i++)
    {
      g_autofree char *key = g_strdup_printf ("response-%d", answered[i]);
      g_autofree char *given = g_key_file_get_string (report, "answers", key, NULL);
      g_autofree char *shown = sc_exam_window_read_shown_response (window, answered[i]);

      g_assert_nonnull (given);
      g_assert_cmpstr (shown, ==, given);
      g_assert_cmpint (sc_exam_window_get_shown_flagged (window, answered[i]), ==, answered[i] == flagged);
    }

  /* The countdown: the stored deadline minus now, not a fresh limit */
  seconds_left = deadline - fake_now;
  g_assert_cmpint (sc_exam_window_get_seconds_left (window), ==, seconds_left);
  g_assert_cmpint (seconds_left, <, exam->time_limit_minutes * 60);
  if (seconds_left >= 3600)
    clock = g_strdup_printf ("%d:%02d:%02d", (int) (seconds_left / 3600), (int) (seconds_left / 60 % 60),
                             (int) (seconds_left % 60));
  else
    clock = g_strdup_printf ("%02d:%02d", (int) (seconds_left / 60), (int) (seconds_left % 60));
  expected_countdown = g_strdup_printf (_("Time left %s"), clock);
  g_assert_cmpstr (sc_exam_window_get_countdown (window), ==, expected_countdown);
  g_assert_cmpstr (gtk_label_get_text (get_child (window, SC_TYPE_EXAM_WINDOW, "countdown_label")), ==,
                   expected_countdown);

  sc_exam_window_go_to (window, flagged);
  save_screenshot (window, "exam-crash-resumed");
  sc_exam_window_set_all_on_one_page (window, TRUE);
  save_screenshot (window, "exam-crash-resumed-all");
  sc_exam_window_set_all_on_one_page (window, FALSE);

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  test_crash_and_resume ();
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 8 && g_strcmp0 (argv[1], "--exam-child") == 0)
    run_child (argv[2], g_ascii_strtoll (argv[3], NULL, 10), argv[4], g_ascii_strtoll (argv[5], NULL, 10),
               g_ascii_strtoll (argv[6], NULL, 10), argv[7]);

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/exam-crash/kill-and-resume", test_crash_and_resume);
  g_test_add_func ("/gui/exam-crash/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
