/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-gui-test-util.h"
#include "common/sc-file-chooser.h"
#include "session/sc-sign-in-window.h"
#include "team/sc-import-dialog.h"
#include "team/sc-person-dialog.h"
#include "team/sc-sample-accounts-dialog.h"
#include "team/sc-team-page.h"

/*
 * The GUI on a real window, signed in as a supervisor: the team list,
 * search, the person dialog, the import preview, the empty state with the
 * sample team and its accounts, backup and restore, in English and in
 * Chinese, with a PNG screenshot of each in the build directory.
 */

/* Helpers */

static void
scroll_to_end (GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = find_descendant (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  iterate_for (200);
}

static ScTeamPage *
get_team_page (Fixture *fixture)
{
  GtkWidget *page = sc_window_get_page (fixture->window, "team");

  g_assert_true (SC_IS_TEAM_PAGE (page));
  return SC_TEAM_PAGE (page);
}

static guint
count_shown (ScTeamPage *page)
{
  GtkColumnView *column_view = get_child (page, SC_TYPE_TEAM_PAGE, "column_view");
  GListModel *shown = sc_team_page_get_shown_people (page);

  /* What the column view shows is the page's model */
  g_assert_true (G_LIST_MODEL (gtk_column_view_get_model (column_view)) == shown);
  return g_list_model_get_n_items (shown);
}

static const char *
count_label_text (ScTeamPage *page)
{
  return gtk_label_get_text (get_child (page, SC_TYPE_TEAM_PAGE, "count_label"));
}

static void
search (ScTeamPage *page,
        const char *text)
{
  GtkEditable *entry = get_child (page, SC_TYPE_TEAM_PAGE, "search_entry");

  gtk_editable_set_text (entry, text);
  /* The search entry waits a little before it tells */
  iterate_for (400);
}

static guint
count_people_matching (Fixture    *fixture,
                       const char *needle)
{
  g_autoptr(GPtrArray) people = sc_store_get_people (fixture->store, fixture->session, FALSE, NULL);
  guint n = 0;

  for (guint i = 0; i < people->len; i++)
    if (strstr (sc_person_get_name (g_ptr_array_index (people, i)), needle) != NULL)
      n++;

  return n;
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static ScImportDialog *
open_import (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ScImportDialog *dialog;
  gint64 deadline;

  dialog = SC_IMPORT_DIALOG (sc_team_page_import_file (get_team_page (fixture), file));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (sc_import_dialog_is_loading (dialog) && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_false (sc_import_dialog_is_loading (dialog));
  wait_until_mapped (GTK_WIDGET (dialog));

  return dialog;
}

/* Tests */

static void
test_team_list (void)
{
  Fixture fixture = { 0 };
  ScTeamPage *page;
  g_autofree char *expected = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  g_assert_cmpstr (sc_window_get_visible_page (fixture.window), ==, "team");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_TEAM_PAGE, "stack")),
                   ==, "list");
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE);

  expected = g_strdup_printf (ngettext ("%u person", "%u people", SC_DEMO_N_PEOPLE), SC_DEMO_N_PEOPLE);
  g_assert_cmpstr (count_label_text (page), ==, expected);

  save_screenshot (fixture.window, "team");

  fixture_tear_down (&fixture);
}

static void
test_team_search (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) trainers = g_ptr_array_new ();
  ScPerson *someone;
  ScTeamPage *page;
  guint n_wang;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  for (guint i = 0; i < people->len; i++)
    if (sc_person_get_role (g_ptr_array_index (people, i)) == SC_ROLE_TRAINER)
      g_ptr_array_add (trainers, g_ptr_array_index (people, i));
  g_assert_cmpuint (trainers->len, >, 0);

  /* By employee number: exactly that person */
  someone = g_ptr_array_index (people, 7);
  search (page, sc_person_get_employee_no (someone));
  g_assert_cmpuint (count_shown (page), ==, 1);
  {
    g_autoptr(ScPerson) shown = g_list_model_get_item (sc_team_page_get_shown_people (page), 0);
    g_assert_cmpint (sc_person_get_id (shown), ==, sc_person_get_id (someone));
  }

  /* By a Chinese surname */
  n_wang = count_people_matching (&fixture, "王");
  g_assert_cmpuint (n_wang, >, 0);
  search (page, "王");
  g_assert_cmpuint (count_shown (page), ==, n_wang);

  /* By role, ignoring case */
  {
    g_autofree char *lower = g_utf8_strdown (sc_role_get_label (SC_ROLE_TRAINER), -1);

    search (page, lower);
    g_assert_cmpuint (count_shown (page), ==, trainers->len);
  }

  /* The count tells how many of all are shown */
  {
    g_autofree char *expected = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people",
                                                           SC_DEMO_N_PEOPLE),
                                                 trainers->len, SC_DEMO_N_PEOPLE);
    g_assert_cmpstr (count_label_text (page), ==, expected);
  }

  /* Nobody */
  search (page, "zzzz-nobody-zzzz");
  g_assert_cmpuint (count_shown (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_TEAM_PAGE,
                                                                "results_stack")),
                   ==, "no-results");

  search (page, "");
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE);

  fixture_tear_down (&fixture);
}

static ScPersonDialog *
open_new_person_dialog (Fixture *fixture)
{
  ScPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_team_page (fixture)),
                                             "team.add-person", NULL));
  dialog = find_toplevel (SC_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (sc_person_dialog_get_is_new (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  wait_until_mapped (GTK_WIDGET (dialog));

  return dialog;
}

static void
test_person_add (void)
{
  Fixture fixture = { 0 };
  ScPersonDialog *dialog;
  ScTeamPage *page;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *expected = NULL;
  gboolean found = FALSE;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  dialog = open_new_person_dialog (&fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  gtk_editable_set_text (get_child (dialog, SC_TYPE_PERSON_DIALOG, "name_row"), "Test Person");
  gtk_editable_set_text (get_child (dialog, SC_TYPE_PERSON_DIALOG, "employee_no_row"), "T-0001");
  gtk_editable_set_text (get_child (dialog, SC_TYPE_PERSON_DIALOG, "hire_date_row"), "2024-03-01");
  adw_combo_row_set_selected (get_child (dialog, SC_TYPE_PERSON_DIALOG, "role_row"), SC_ROLE_TRAINER);
  adw_combo_row_set_selected (get_child (dialog, SC_TYPE_PERSON_DIALOG, "level_row"), SC_LEVEL_SENIOR);
  g_signal_emit_by_name (get_child (dialog, SC_TYPE_PERSON_DIALOG, "add_button"), "clicked");
  iterate_for (200);

  /* The dialog closed, the store and the list have the person */
  g_assert_null (dialog);
  g_assert_cmpuint (sc_store_count_people (fixture.store, FALSE), ==, SC_DEMO_N_PEOPLE + 1);
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE + 1);
  expected = g_strdup_printf (ngettext ("%u person", "%u people", SC_DEMO_N_PEOPLE + 1),
                              SC_DEMO_N_PEOPLE + 1);
  g_assert_cmpstr (count_label_text (page), ==, expected);

  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (sc_person_get_employee_no (person), "T-0001") == 0)
        {
          g_assert_cmpstr (sc_person_get_name (person), ==, "Test Person");
          g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TRAINER);
          g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);
          g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2024-03-01");
          found = TRUE;
        }
    }
  g_assert_true (found);

  fixture_tear_down (&fixture);
}

static void
test_person_invalid (void)
{
  Fixture fixture = { 0 };
  ScPersonDialog *dialog;
  GtkWidget *name_row;
  GtkRevealer *revealer;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  /* An empty name: the error shows inline, nothing is saved */
  dialog = open_new_person_dialog (&fixture);
  name_row = get_child (dialog, SC_TYPE_PERSON_DIALOG, "name_row");
  gtk_editable_set_text (get_child (dialog, SC_TYPE_PERSON_DIALOG, "employee_no_row"), "T-0002");
  g_signal_emit_by_name (get_child (dialog, SC_TYPE_PERSON_DIALOG, "add_button"), "clicked");
  iterate_for (400);

  revealer = get_child (dialog, SC_TYPE_PERSON_DIALOG, "error_revealer");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (sc_person_dialog_get_error (dialog));
  g_assert_cmpstr (gtk_label_get_text (get_child (dialog, SC_TYPE_PERSON_DIALOG, "error_label")),
                   ==, sc_person_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpuint (sc_store_count_people (fixture.store, TRUE), ==, SC_DEMO_N_PEOPLE);
  save_screenshot (dialog, "person-dialog-error");

  /* A duplicate employee number blames that row */
  {
    g_autoptr(GPtrArray) people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
    ScPerson *first = g_ptr_array_index (people, 0);
    GtkWidget *employee_no_row = get_child (dialog, SC_TYPE_PERSON_DIALOG, "employee_no_row");

    gtk_editable_set_text (GTK_EDITABLE (name_row), "Someone New");
    gtk_editable_set_text (GTK_EDITABLE (employee_no_row), sc_person_get_employee_no (first));
    g_signal_emit_by_name (get_child (dialog, SC_TYPE_PERSON_DIALOG, "add_button"), "clicked");
    iterate_for (100);

    g_assert_true (gtk_widget_has_css_class (employee_no_row, "error"));
    g_assert_false (gtk_widget_has_css_class (name_row, "error"));
    g_assert_cmpuint (sc_store_count_people (fixture.store, TRUE), ==, SC_DEMO_N_PEOPLE);
  }

  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (100);
  g_assert_cmpuint (sc_store_count_people (fixture.store, TRUE), ==, SC_DEMO_N_PEOPLE);

  fixture_tear_down (&fixture);
}

static void
test_person_edit (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScPerson) saved = NULL;
  ScPersonDialog *dialog;
  ScTeamPage *page;
  ScPerson *person;
  GtkWidget *email_row;
  gint64 id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  /* Someone else than the supervisor signed in */
  person = g_ptr_array_index (people, 3);
  if (sc_person_get_id (person) == sc_session_get_person_id (fixture.session))
    person = g_ptr_array_index (people, 4);
  id = sc_person_get_id (person);

  dialog = SC_PERSON_DIALOG (sc_team_page_open_person (page, person));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (sc_person_dialog_get_is_new (dialog));
  save_screenshot (dialog, "person-dialog");
  scroll_to_end (get_child (dialog, SC_TYPE_PERSON_DIALOG, "page"));
  save_screenshot (dialog, "person-dialog-skills");

  /* A bad email is shown and not saved */
  email_row = get_child (dialog, SC_TYPE_PERSON_DIALOG, "email_row");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "not an address");
  g_signal_emit_by_name (email_row, "apply");
  g_assert_nonnull (sc_person_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  saved = sc_store_get_person (fixture.store, fixture.session, id, NULL);
  g_assert_cmpstr (sc_person_get_email (saved), ==, sc_person_get_email (person));
  g_clear_object (&saved);

  /* A good one is saved at once */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "someone@example.com");
  g_signal_emit_by_name (email_row, "apply");
  g_assert_null (sc_person_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  saved = sc_store_get_person (fixture.store, fixture.session, id, NULL);
  g_assert_cmpstr (sc_person_get_email (saved), ==, "someone@example.com");
  g_clear_object (&saved);

  /* Spin buttons save as they change */
  gtk_spin_button_set_value (get_child (dialog, SC_TYPE_PERSON_DIALOG, "max_days_spin"), 4);
  saved = sc_store_get_person (fixture.store, fixture.session, id, NULL);
  g_assert_cmpint (sc_person_get_max_consecutive_days (saved), ==, 4);
  g_clear_object (&saved);

  /* Marking as left closes the dialog and takes the person off the list */
  g_signal_emit_by_name (get_child (dialog, SC_TYPE_PERSON_DIALOG, "status_button"), "clicked");
  iterate_for (200);
  g_assert_null (dialog);
  saved = sc_store_get_person (fixture.store, fixture.session, id, NULL);
  g_assert_false (sc_person_get_active (saved));
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE - 1);

  /* …unless people who left are shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "team.show-left", NULL));
  iterate_for (50);
  g_assert_true (sc_team_page_get_show_left (page));
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE);

  fixture_tear_down (&fixture);
}

static void
test_team_empty (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) sign_in = NULL;
  ScSampleAccountsDialog *dialog;
  ScTeamPage *page;
  g_autofree char *text = NULL;
  g_autofree char *first_line = NULL;

  /* Only the first supervisor: the team is empty for them */
  fixture_set_up (&fixture, FALSE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_TEAM_PAGE, "stack")),
                   ==, "empty");
  g_assert_cmpuint (count_shown (page), ==, 1);
  g_assert_true (gtk_widget_get_visible (get_child (page, SC_TYPE_TEAM_PAGE, "sample_button")));
  save_screenshot (fixture.window, "team-empty");

  /* The sample team fills it, and its accounts show once */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "team.create-sample", NULL));
  dialog = wait_for_toplevel (SC_TYPE_SAMPLE_ACCOUNTS_DIALOG);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_TEAM_PAGE, "stack")),
                   ==, "list");
  g_assert_cmpuint (count_shown (page), ==, SC_DEMO_N_PEOPLE + 1);
  g_assert_false (gtk_widget_is_sensitive (get_child (page, SC_TYPE_TEAM_PAGE, "sample_button")));

  sign_in = sc_store_get_sign_in_accounts (fixture.store, NULL);
  g_assert_cmpuint (sc_sample_accounts_dialog_get_n_accounts (dialog), ==, sign_in->len - 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture.window));
  save_screenshot (dialog, "sample-accounts");

  /* Copy gives plain text: a header line, then one line per account with its PIN */
  text = sc_sample_accounts_dialog_get_text (dialog);
  first_line = g_strndup (text, strcspn (text, "\n"));
  g_assert_nonnull (strstr (first_line, _("PIN")));
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_auto(GStrv) fields = NULL;

    /* The header, the accounts and the empty string after the last newline */
    g_assert_cmpuint (g_strv_length (lines), ==, sc_sample_accounts_dialog_get_n_accounts (dialog) + 2);
    fields = g_strsplit (lines[1], "\t", -1);
    g_assert_cmpuint (g_strv_length (fields), ==, 4);
    g_assert_true (sc_credential_check_rules (SC_CREDENTIAL_PIN, fields[3], NULL));
  }
  sc_sample_accounts_dialog_copy (dialog);
  g_assert_true (gdk_clipboard_is_local (gtk_widget_get_clipboard (GTK_WIDGET (dialog))));
  {
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (dialog)));
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, text);
    g_value_unset (&value);
  }

  fixture_tear_down (&fixture);
}

/* The skills are the sample team's, named in the language of the run */
static const char csv_with_problems[] =
  "Name,Employee No,Role,Level,Hire date,Email,Skills,Notes\n"
  "Alice Wong,E9001,Agent,Junior,2024-01-15,alice@example.com,%s:3; %s:2,new hire\n"
  "Bob Li,E9002,Technical support,Senior,2021-07-01,bob@example.com,,\n"
  ",E9003,Agent,Junior,,,,no name\n"
  "Dan Zhao,E9004,Manager,Senior,2019-11-30,,,\n"
  "Eve Sun,E9005,Trainer,Intermediate,2024-02-30,,,\n"
  "Fay Lin,E9006,Supervisor,Senior,2018-03-12,fay@example.com,%s:4,\n";

static const char csv_good[] =
  "姓名,工号,岗位,级别,入职日期,邮箱,技能\n"
  "张伟,A1001,客服专员,初级,2024/03/01,zhangwei@example.cn,%s:3\n"
  "李娜,A1002,技术支持,高级,2020-05-18,,\n"
  "王芳,A1003,班组长,中级,,,\n";

static void
test_import_preview (void)
{
  Fixture fixture = { 0 };
  g_autofree char *bad_path = NULL;
  g_autofree char *good_path = NULL;
  ScImportDialog *dialog;
  GListModel *rows;
  g_autofree char *bad_csv = NULL;
  g_autofree char *good_csv = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  bad_csv = g_strdup_printf (csv_with_problems, C_("skill", "Phone"), C_("skill", "Online chat"),
                             C_("skill", "Email"));
  good_csv = g_strdup_printf (csv_good, C_("skill", "Phone"));

  /* Rows with problems: shown first, and nothing can be imported */
  bad_path = write_csv (&fixture, "people.csv", bad_csv);
  dialog = open_import (&fixture, bad_path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (dialog, SC_TYPE_IMPORT_DIALOG, "stack")),
                   ==, "preview");
  g_assert_false (sc_import_dialog_can_import (dialog));
  rows = sc_import_dialog_get_rows (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 6);
  save_screenshot (dialog, "import-preview");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (100);
  g_assert_cmpuint (sc_store_count_people (fixture.store, TRUE), ==, SC_DEMO_N_PEOPLE);

  /* A good file imports */
  good_path = write_csv (&fixture, "people-good.csv", good_csv);
  dialog = open_import (&fixture, good_path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (sc_import_dialog_can_import (dialog));
  save_screenshot (dialog, "import-preview-ok");
  g_signal_emit_by_name (get_child (dialog, SC_TYPE_IMPORT_DIALOG, "import_button"), "clicked");
  iterate_for (200);
  g_assert_null (dialog);
  g_assert_cmpuint (sc_store_count_people (fixture.store, TRUE), ==, SC_DEMO_N_PEOPLE + 3);
  g_assert_cmpuint (count_shown (get_team_page (&fixture)), ==, SC_DEMO_N_PEOPLE + 3);

  fixture_tear_down (&fixture);
}

static void
test_window_state (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  ScWindow *window;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  /* The app-wide actions are there */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "backup"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "restore"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "switch-user"));

  /* A supervisor's window: the team, the accounts, the audit trail */
  g_assert_nonnull (sc_window_get_page (fixture.window, "team"));
  g_assert_nonnull (sc_window_get_page (fixture.window, "accounts"));
  g_assert_nonnull (sc_window_get_page (fixture.window, "audit"));
  g_assert_null (sc_window_get_page (fixture.window, "profile"));
  g_assert_cmpint (g_menu_model_get_n_items (get_child (fixture.window, SC_TYPE_WINDOW, "admin_section")), ==, 3);
  save_screenshot (fixture.window, "team-supervisor");

  /* The shortcuts window comes from gtk/help-overlay.ui */
  {
    GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture.window));

    g_assert_nonnull (overlay);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-help-overlay", NULL));
    wait_until_mapped (GTK_WIDGET (overlay));
    save_screenshot (overlay, "shortcuts");
    gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  }

  /* The size is saved on close and used by the next window */
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 900, 640);
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (fixture.window)));
  gtk_window_close (GTK_WINDOW (fixture.window));
  iterate_for (50);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpstr (sc_window_get_visible_page (fixture.window), ==, "team");

  /* …and so is the page last shown */
  g_settings_set_string (settings, "last-page", "audit");
  window = sc_window_new (app, fixture.store, fixture.session);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }
  g_assert_cmpstr (sc_window_get_visible_page (window), ==, "audit");
  sc_window_set_visible_page (window, "accounts");
  {
    g_autofree char *last = g_settings_get_string (settings, "last-page");

    g_assert_cmpstr (last, ==, "accounts");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");

  /* fixture_tear_down destroys the window once more: harmless */
  fixture_tear_down (&fixture);
}

static void
wait_until_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (sc_application_get_busy (app) && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_false (sc_application_get_busy (app));
  iterate_for (50);
}

static void
test_backup_restore (void)
{
  Fixture full = { 0 };
  Fixture empty = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ScSignInWindow *sign_in;
  ScTeamPage *page;

  fixture_set_up (&full, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  path = g_build_filename (full.dir, "backup.json", NULL);
  file = g_file_new_for_path (path);

  sc_application_back_up (app, GTK_WINDOW (full.window), file);
  g_assert_true (sc_application_get_busy (app));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));
  wait_until_idle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));

  /* Restoring the same data keeps the supervisor signed in */
  sc_application_restore (app, GTK_WINDOW (full.window), file);
  wait_until_idle ();
  g_assert_true (sc_application_get_session (app) == full.session);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (full.window)));
  g_assert_cmpuint (sc_store_count_people (full.store, TRUE), ==, SC_DEMO_N_PEOPLE);
  destroy_all_windows ();

  /* Restoring into a database whose supervisor is not in the backup fills
   * it and signs them out: their account is not the same any more */
  fixture_set_up (&empty, FALSE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&empty);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_TEAM_PAGE, "stack")),
                   ==, "empty");
  sc_application_restore (app, GTK_WINDOW (empty.window), file);
  wait_until_idle ();
  g_assert_cmpuint (sc_store_count_people (empty.store, TRUE), ==, SC_DEMO_N_PEOPLE);
  g_assert_null (sc_application_get_session (app));
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));
  sign_in = wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_nonnull (sc_sign_in_window_get_note (sign_in));
  g_assert_cmpuint (g_list_model_get_n_items (sc_sign_in_window_get_accounts (sign_in)), ==,
                    full.accounts->len);

  fixture_tear_down (&empty);
  fixture_tear_down (&full);
}

static void
test_team_keyboard (void)
{
  Fixture fixture = { 0 };
  ScTeamPage *page;
  GtkWidget *search_entry;
  GtkColumnView *column_view;
  ScPersonDialog *dialog;
  g_autoptr(ScPerson) first = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_team_page (&fixture);

  /* Ctrl+F focuses the search */
  search_entry = get_child (page, SC_TYPE_TEAM_PAGE, "search_entry");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "team.search", NULL));
  iterate_for (50);
  g_assert_true (gtk_widget_is_focus (search_entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)), search_entry));

  /* Activating a row (double-click or Enter) opens that person */
  column_view = get_child (page, SC_TYPE_TEAM_PAGE, "column_view");
  first = g_list_model_get_item (sc_team_page_get_shown_people (page), 0);
  g_signal_emit_by_name (column_view, "activate", 0);
  dialog = find_toplevel (SC_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (sc_person_dialog_get_is_new (dialog));
  g_assert_cmpint (sc_person_get_id (sc_person_dialog_get_person (dialog)), ==, sc_person_get_id (first));

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  const char *english = _("Team");

  /* gettext reads LANGUAGE on each call, so new windows come up in Chinese */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  if (g_strcmp0 (_("Team"), english) == 0)
    g_test_message ("No Chinese translation of the GUI yet: the screenshots show English");

  test_team_list ();
  test_team_empty ();
  test_person_edit ();
  test_person_invalid ();
  test_import_preview ();

  g_unsetenv ("LANGUAGE");
}

static void
on_file_chosen (GObject *owner,
                GFile   *file)
{
  g_object_set_data_full (owner, "chosen", g_file_get_basename (file), g_free);
}

/* The application's file chooser: the kinds of file offered, “All
 * files” to open, and the file chosen handed to its owner */
static void
test_file_chooser (void)
{
  g_autoptr(GObject) owner = g_object_new (G_TYPE_OBJECT, NULL);
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-chooser-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "holidays.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) filters = NULL;
  const ScFileFilter kinds[] = {
    { N_("iCalendar files (*.ics)"), "*.ics;*.ICS", "text/calendar" },
    { NULL }
  };
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", -1, NULL));

  sc_choose_file (owner, NULL, GTK_FILE_CHOOSER_ACTION_OPEN, "Open a Calendar", "_Open", NULL, kinds,
                  on_file_chosen);
  dialog = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL));
  iterate_for (200);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  iterate_for (200);
  g_assert_cmpstr (g_object_get_data (owner, "chosen"), ==, "holidays.ics");
  g_assert_cmpint (count_toplevels (GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 0);

  /* Cancelled: nothing is chosen */
  g_object_set_data (owner, "chosen", NULL);
  sc_choose_file (owner, NULL, GTK_FILE_CHOOSER_ACTION_SAVE, "Save", "_Save", "roster.ics", kinds, on_file_chosen);
  dialog = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_clear_object (&filters);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==, "roster.ics");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  iterate_for (200);
  g_assert_null (g_object_get_data (owner, "chosen"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/window/actions", test_window_state);
  g_test_add_func ("/gui/team/list", test_team_list);
  g_test_add_func ("/gui/team/search", test_team_search);
  g_test_add_func ("/gui/team/keyboard", test_team_keyboard);
  g_test_add_func ("/gui/team/empty", test_team_empty);
  g_test_add_func ("/gui/person/add", test_person_add);
  g_test_add_func ("/gui/person/invalid", test_person_invalid);
  g_test_add_func ("/gui/person/edit", test_person_edit);
  g_test_add_func ("/gui/import/preview", test_import_preview);
  g_test_add_func ("/gui/app/backup-restore", test_backup_restore);
  g_test_add_func ("/gui/file-chooser", test_file_chooser);
  g_test_add_func ("/gui/zh_CN/screenshots", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
