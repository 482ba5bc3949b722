/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

#include "sc-gui-test-util.h"
#include "sc-security-window.h"
#include "sc-store-private.h"
#include "accounts/sc-account-dialog.h"
#include "accounts/sc-accounts-page.h"
#include "audit/sc-audit-page.h"
#include "common/sc-strength-bar.h"
#include "profile/sc-profile-page.h"
#include "session/sc-first-run-window.h"
#include "session/sc-sign-in-window.h"
#include "team/sc-person-dialog.h"
#include "team/sc-skills-dialog.h"
#include "team/sc-team-page.h"

/*
 * Who may do what, on the real windows: the first-run window, the sign-in
 * window, the main window as an agent, a trainer and a supervisor, the
 * accounts and audit pages, automatic sign-out and switching users. With
 * screenshots in English and Chinese.
 */

/* Helpers */

static void
set_text (gpointer    widget,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
click (gpointer button)
{
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
wait_until_gone (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (find_toplevel (type) != NULL && g_get_monotonic_time () < deadline)
    iterate_for (20);

  g_assert_null (find_toplevel (type));
}

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name)
{
  GtkWidget *page = sc_window_get_page (fixture->window, name);

  g_assert_nonnull (page);
  sc_window_set_visible_page (fixture->window, name);
  g_assert_cmpstr (sc_window_get_visible_page (fixture->window), ==, name);
  iterate_for (300);
  return page;
}

/* Takes over the main window the application opened, for tear-down */
static void
adopt_main_window (Fixture *fixture)
{
  ScWindow *window = wait_for_toplevel (SC_TYPE_WINDOW);

  g_set_object (&fixture->window, window);
  g_set_object (&fixture->session, sc_window_get_session (window));
}

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

/* Ten minutes pass between two looks at the clock: no waiting between
 * wrong tries */
static gint64 fake_now = 1767225600;

static gint64
fake_clock (void)
{
  fake_now += 600;
  return fake_now;
}

/* Tests */

static void
test_first_run (void)
{
  Fixture fixture = { 0 };
  ScFirstRunWindow *window;
  ScStrengthBar *strength;
  GtkWidget *confirm_row;
  GtkWidget *error_label;
  ScSession *session;

  fixture_open (&fixture, FALSE);
  g_assert_false (sc_store_has_accounts (fixture.store));

  sc_application_start (app);
  window = wait_for_toplevel (SC_TYPE_FIRST_RUN_WINDOW);
  g_assert_null (find_toplevel (SC_TYPE_SIGN_IN_WINDOW));
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));

  /* The strength hint follows the typing */
  strength = get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "strength_bar");
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "passphrase_row"), "abc");
  g_assert_cmpint (sc_strength_bar_get_value (strength), <=, 1);
  g_assert_cmpstr (sc_strength_bar_get_hint (strength), ==, sc_credential_strength_hint ("abc"));
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "passphrase_row"), TEST_PASSPHRASE);
  g_assert_cmpint (sc_strength_bar_get_value (strength), ==, sc_credential_strength (TEST_PASSPHRASE));
  g_assert_cmpint (sc_strength_bar_get_value (strength), >, sc_credential_strength ("abc"));

  /* Two passphrases that differ: said inline, nothing created */
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "name_row"), "Morgan Lee");
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "employee_no_row"), "T0001");
  confirm_row = get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "confirm_row");
  set_text (confirm_row, TEST_PASSPHRASE "!");
  click (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "create_button"));
  iterate_for (100);

  error_label = get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "error_label");
  g_assert_nonnull (sc_first_run_window_get_error (window));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, sc_first_run_window_get_error (window));
  g_assert_true (gtk_widget_has_css_class (confirm_row, "error"));
  g_assert_false (sc_store_has_accounts (fixture.store));
  g_assert_null (sc_application_get_session (app));
  save_screenshot (window, "first-run");

  /* A passphrase too short: the rules say why */
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "passphrase_row"), "short");
  set_text (confirm_row, "short");
  g_assert_false (sc_first_run_window_create (window));
  g_assert_true (gtk_widget_has_css_class (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "passphrase_row"),
                                           "error"));
  g_assert_false (sc_store_has_accounts (fixture.store));

  /* The same one twice: the supervisor is created and signed in */
  set_text (get_child (window, SC_TYPE_FIRST_RUN_WINDOW, "passphrase_row"), TEST_PASSPHRASE);
  set_text (confirm_row, TEST_PASSPHRASE);
  g_signal_emit_by_name (confirm_row, "entry-activated");

  adopt_main_window (&fixture);
  wait_until_gone (SC_TYPE_FIRST_RUN_WINDOW);
  g_assert_true (sc_store_has_accounts (fixture.store));

  session = sc_application_get_session (app);
  g_assert_nonnull (session);
  g_assert_cmpint (sc_session_get_role (session), ==, SC_ACCOUNT_ROLE_SUPERVISOR);
  g_assert_cmpstr (sc_session_get_display_name (session), ==, "Morgan Lee");
  g_assert_nonnull (sc_window_get_page (fixture.window, "team"));
  g_assert_nonnull (sc_window_get_page (fixture.window, "accounts"));
  g_assert_nonnull (sc_window_get_page (fixture.window, "audit"));

  /* The passphrase works for signing in */
  {
    g_autoptr(GPtrArray) accounts = sc_store_get_sign_in_accounts (fixture.store, NULL);
    g_autoptr(ScSession) again = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (accounts->len, ==, 1);
    again = sc_store_sign_in (fixture.store, sc_account_get_id (g_ptr_array_index (accounts, 0)),
                              TEST_PASSPHRASE, &error);
    g_assert_no_error (error);
  }

  fixture_tear_down (&fixture);
}

static void
test_private_permissions (void)
{
  Fixture fixture = { 0 };
  AdwMessageDialog *dialog;
  struct stat st;

  fixture_open (&fixture, TRUE);
  g_assert_cmpint (g_chmod (sc_store_get_path (fixture.store), 0644), ==, 0);

  /* Before anything else: the warning, with a way to fix it */
  sc_application_start (app);
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_null (find_toplevel (SC_TYPE_SIGN_IN_WINDOW));
  g_assert_true (adw_message_dialog_has_response (dialog, "fix"));
  g_assert_true (adw_message_dialog_has_response (dialog, "leave"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), sc_store_get_path (fixture.store)));

  adw_message_dialog_response (dialog, "fix");
  wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_cmpint (g_stat (sc_store_get_path (fixture.store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (sc_store_check_private (sc_store_get_path (fixture.store), NULL));

  fixture_tear_down (&fixture);
}

static void
test_sign_in (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(ScAccount) agent = NULL;
  ScSignInWindow *window;
  GtkWidget *secret_row;
  GtkWidget *error_label;
  const char *pin = NULL;

  fixture_open (&fixture, TRUE);
  accounts = sc_store_get_sign_in_accounts (fixture.store, NULL);

  sc_application_start (app);
  window = wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));
  g_assert_null (sc_sign_in_window_get_note (window));

  /* Everyone with an account, and a search over them */
  g_assert_cmpuint (g_list_model_get_n_items (sc_sign_in_window_get_accounts (window)), ==, accounts->len);
  set_text (get_child (window, SC_TYPE_SIGN_IN_WINDOW, "search_entry"), "SC1001");
  iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (sc_sign_in_window_get_accounts (window)), ==, 1);
  set_text (get_child (window, SC_TYPE_SIGN_IN_WINDOW, "search_entry"), "");
  iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (sc_sign_in_window_get_accounts (window)), ==, accounts->len);
  save_screenshot (window, "signin");

  /* A wrong PIN: the store's message, in red, under the entry */
  agent = fixture_find_account (&fixture, SC_ACCOUNT_ROLE_AGENT, &pin);
  g_assert_true (sc_sign_in_window_choose_account (window, sc_account_get_id (agent)));
  g_assert_true (sc_sign_in_window_get_chosen (window) != NULL);
  g_assert_cmpint (sc_account_get_id (sc_sign_in_window_get_chosen (window)), ==, sc_account_get_id (agent));
  iterate_for (300);

  secret_row = get_child (window, SC_TYPE_SIGN_IN_WINDOW, "secret_row");
  set_text (secret_row, "13572468");
  click (get_child (window, SC_TYPE_SIGN_IN_WINDOW, "sign_in_button"));
  iterate_for (100);

  error_label = get_child (window, SC_TYPE_SIGN_IN_WINDOW, "error_label");
  g_assert_cmpstr (sc_sign_in_window_get_error (window), ==, _("Wrong passphrase or PIN"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (error_label, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==, "");
  g_assert_null (sc_application_get_session (app));
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));
  save_screenshot (window, "signin-credential");

  /* Back goes to the list */
  click (get_child (window, SC_TYPE_SIGN_IN_WINDOW, "back_button"));
  g_assert_null (sc_sign_in_window_get_chosen (window));
  g_assert_true (sc_sign_in_window_choose_account (window, sc_account_get_id (agent)));
  g_assert_null (sc_sign_in_window_get_error (window));

  /* The right PIN and Enter: the main window, for that agent */
  set_text (secret_row, pin);
  g_signal_emit_by_name (secret_row, "entry-activated");
  adopt_main_window (&fixture);
  wait_until_gone (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_nonnull (sc_application_get_session (app));
  g_assert_cmpint (sc_session_get_account_id (sc_application_get_session (app)), ==, sc_account_get_id (agent));
  g_assert_nonnull (sc_window_get_page (fixture.window, "profile"));

  fixture_tear_down (&fixture);
}

static void
test_agent (void)
{
  Fixture fixture = { 0 };
  ScProfilePage *profile;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_AGENT);

  /* No page about others, no supervisor's action */
  g_assert_null (sc_window_get_page (fixture.window, "team"));
  g_assert_null (sc_window_get_page (fixture.window, "accounts"));
  g_assert_null (sc_window_get_page (fixture.window, "audit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "restore"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));
  g_assert_cmpint (g_menu_model_get_n_items (get_child (fixture.window, SC_TYPE_WINDOW, "admin_section")), ==, 0);

  /* Only their own profile */
  profile = SC_PROFILE_PAGE (sc_window_get_page (fixture.window, "profile"));
  g_assert_nonnull (profile);
  g_assert_cmpstr (sc_window_get_visible_page (fixture.window), ==, "profile");
  g_assert_nonnull (sc_profile_page_get_person (profile));
  g_assert_cmpint (sc_person_get_id (sc_profile_page_get_person (profile)), ==,
                   sc_session_get_person_id (fixture.session));
  g_assert_cmpuint (sc_profile_page_get_n_skills (profile), >, 0);
  save_screenshot (fixture.window, "profile-agent");
  scroll_to_end (GTK_WIDGET (profile));
  save_screenshot (fixture.window, "profile-agent-skills");

  /* The store agrees: the team is just them */
  people = sc_store_get_people (fixture.store, fixture.session, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);

  /* A backup would be refused even if asked for */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));

  /* They change their own PIN, without the old one */
  {
    ScAccountDialog *dialog = SC_ACCOUNT_DIALOG (sc_window_change_credential (fixture.window));
    g_autoptr(ScSession) again = NULL;

    wait_until_mapped (GTK_WIDGET (dialog));
    adw_combo_row_set_selected (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "kind_row"), 1);
    set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "secret_row"), "480917");
    set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "480917");
    g_assert_true (sc_account_dialog_save (dialog));
    iterate_for (100);
    g_assert_null (find_toplevel (SC_TYPE_ACCOUNT_DIALOG));

    again = sc_store_sign_in (fixture.store, sc_session_get_account_id (fixture.session), "480917", &error);
    g_assert_no_error (error);
  }

  fixture_tear_down (&fixture);
}

static void
test_trainer (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  ScPersonDialog *dialog;
  ScSkillsDialog *skills_dialog;
  GtkSpinButton *spin;
  ScTeamPage *page;
  ScPerson *person;
  guint n_skills;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);

  /* The team, read only; no accounts, no audit trail */
  page = SC_TEAM_PAGE (sc_window_get_page (fixture.window, "team"));
  g_assert_nonnull (page);
  g_assert_null (sc_window_get_page (fixture.window, "accounts"));
  g_assert_null (sc_window_get_page (fixture.window, "audit"));
  g_assert_null (sc_window_get_page (fixture.window, "profile"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));
  g_assert_cmpuint (g_list_model_get_n_items (sc_team_page_get_shown_people (page)), ==, SC_DEMO_N_PEOPLE);
  g_assert_false (gtk_widget_get_visible (get_child (page, SC_TYPE_TEAM_PAGE, "add_button")));
  g_assert_false (gtk_widget_get_visible (get_child (page, SC_TYPE_TEAM_PAGE, "import_button")));
  g_assert_true (gtk_widget_get_visible (get_child (page, SC_TYPE_TEAM_PAGE, "skills_button")));
  save_screenshot (fixture.window, "team-trainer");

  /* A person's details are insensitive; their skills are not */
  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  person = g_ptr_array_index (people, 0);
  if (sc_person_get_id (person) == sc_session_get_person_id (fixture.session))
    person = g_ptr_array_index (people, 1);

  dialog = SC_PERSON_DIALOG (sc_team_page_open_person (page, person));
  wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_PERSON_DIALOG, "name_row")));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_PERSON_DIALOG, "role_row")));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, SC_TYPE_PERSON_DIALOG, "status_group")));
  save_screenshot (dialog, "person-dialog-trainer");

  spin = find_descendant (get_child (dialog, SC_TYPE_PERSON_DIALOG, "skills_group"), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (spin)));
  gtk_spin_button_set_value (spin, gtk_spin_button_get_value_as_int (spin) == 2 ? 3 : 2);
  g_assert_null (sc_person_dialog_get_error (dialog));
  {
    g_autoptr(GPtrArray) person_skills = sc_store_get_person_skills (fixture.store, fixture.session,
                                                                     sc_person_get_id (person), NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < person_skills->len; i++)
      if (sc_person_skill_get_proficiency (g_ptr_array_index (person_skills, i)) ==
          gtk_spin_button_get_value_as_int (spin))
        found = TRUE;
    g_assert_true (found);
  }
  gtk_window_close (GTK_WINDOW (dialog));
  iterate_for (100);

  /* Trainers add skills to the team's list */
  skills = sc_store_get_skills (fixture.store, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "team.skills", NULL));
  skills_dialog = wait_for_toplevel (SC_TYPE_SKILLS_DIALOG);
  n_skills = sc_skills_dialog_get_n_skills (skills_dialog);
  g_assert_cmpuint (n_skills, ==, skills->len);
  g_assert_true (gtk_widget_get_visible (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "add_group")));

  set_text (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "name_row"), "Live-stream selling");
  adw_combo_row_set_selected (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "category_row"),
                              SC_SKILL_CATEGORY_CHANNEL);
  click (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "add_button"));
  g_assert_null (sc_skills_dialog_get_error (skills_dialog));
  g_assert_cmpuint (sc_skills_dialog_get_n_skills (skills_dialog), ==, n_skills + 1);
  {
    g_autoptr(ScSkill) skill = sc_store_find_skill (fixture.store, "Live-stream selling", NULL);

    g_assert_nonnull (skill);
    g_assert_cmpint (sc_skill_get_category (skill), ==, SC_SKILL_CATEGORY_CHANNEL);
  }

  /* The same name again: the store's refusal shows */
  set_text (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "name_row"), "Live-stream selling");
  g_assert_false (sc_skills_dialog_add_skill (skills_dialog));
  g_assert_nonnull (sc_skills_dialog_get_error (skills_dialog));
  g_assert_true (gtk_widget_get_visible (get_child (skills_dialog, SC_TYPE_SKILLS_DIALOG, "error_label")));
  g_assert_cmpuint (sc_skills_dialog_get_n_skills (skills_dialog), ==, n_skills + 1);
  iterate_for (200);
  save_screenshot (skills_dialog, "skills-dialog");

  fixture_tear_down (&fixture);
}

static ScPerson *
find_person_without_account (Fixture *fixture)
{
  g_autoptr(GPtrArray) people = sc_store_get_people (fixture->store, fixture->session, FALSE, NULL);
  g_autoptr(GPtrArray) accounts = sc_store_get_accounts (fixture->store, fixture->session, NULL);

  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      gboolean has = FALSE;

      for (guint j = 0; j < accounts->len; j++)
        if (sc_account_get_person_id (g_ptr_array_index (accounts, j)) == sc_person_get_id (person))
          has = TRUE;

      if (!has)
        return g_object_ref (person);
    }

  g_assert_not_reached ();
  return NULL;
}

static gint64
find_account_id (Fixture *fixture,
                 gint64   person_id)
{
  g_autoptr(ScAccount) account = sc_store_get_account_for_person (fixture->store, fixture->session,
                                                                  person_id, NULL);

  g_assert_nonnull (account);
  return sc_account_get_id (account);
}

static void
test_accounts_page (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(ScPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  ScAccountsPage *page;
  ScAccountDialog *dialog;
  GtkWidget *row;
  guint n_accounts;
  gint64 account_id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = SC_ACCOUNTS_PAGE (show_page (&fixture, "accounts"));

  accounts = sc_store_get_accounts (fixture.store, fixture.session, NULL);
  n_accounts = accounts->len;
  g_assert_cmpuint (g_list_model_get_n_items (sc_accounts_page_get_accounts (page)), ==, n_accounts);
  g_assert_true (gtk_widget_get_visible (get_child (page, SC_TYPE_ACCOUNTS_PAGE, "new_button")));

  /* Nobody changes their own role or deletes their own account */
  row = sc_accounts_page_get_row (page, sc_session_get_account_id (fixture.session));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (find_named (row, "role-dropdown")));
  save_screenshot (fixture.window, "accounts");

  /* A new account, for someone without one */
  person = find_person_without_account (&fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.new", NULL));
  dialog = wait_for_toplevel (SC_TYPE_ACCOUNT_DIALOG);
  g_assert_cmpuint (sc_account_dialog_get_n_people (dialog), ==, SC_DEMO_N_PEOPLE - n_accounts);
  g_assert_true (sc_account_dialog_select_person (dialog, sc_person_get_id (person)));
  adw_combo_row_set_selected (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "role_row"), SC_ACCOUNT_ROLE_AGENT);
  adw_combo_row_set_selected (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "kind_row"), 0);
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "secret_row"), "blue kettle on the stove");
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "blue kettle on the stove?");
  g_assert_false (sc_account_dialog_save (dialog));
  g_assert_nonnull (sc_account_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "error"));
  save_screenshot (dialog, "account-dialog");

  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "blue kettle on the stove");
  g_assert_true (sc_account_dialog_save (dialog));
  wait_until_gone (SC_TYPE_ACCOUNT_DIALOG);
  g_assert_cmpuint (g_list_model_get_n_items (sc_accounts_page_get_accounts (page)), ==, n_accounts + 1);

  account_id = find_account_id (&fixture, sc_person_get_id (person));
  {
    g_autoptr(ScSession) session = sc_store_sign_in (fixture.store, account_id, "blue kettle on the stove",
                                                     &error);
    g_assert_no_error (error);
    g_assert_cmpint (sc_session_get_role (session), ==, SC_ACCOUNT_ROLE_AGENT);
  }

  /* Its role changes */
  g_assert_true (sc_accounts_page_set_role (page, account_id, SC_ACCOUNT_ROLE_TRAINER));
  {
    g_autoptr(ScAccount) account = sc_store_get_account_for_person (fixture.store, fixture.session,
                                                                    sc_person_get_id (person), NULL);

    g_assert_cmpint (sc_account_get_role (account), ==, SC_ACCOUNT_ROLE_TRAINER);
  }
  row = sc_accounts_page_get_row (page, account_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (row, "role-dropdown"))), ==,
                    SC_ACCOUNT_ROLE_TRAINER);

  /* A supervisor resets its PIN */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.reset", "x", account_id));
  dialog = wait_for_toplevel (SC_TYPE_ACCOUNT_DIALOG);
  g_assert_false (gtk_widget_get_visible (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "person_group")));
  adw_combo_row_set_selected (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "kind_row"), 1);
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "secret_row"), "123456");
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "123456");
  g_assert_false (sc_account_dialog_save (dialog));
  g_assert_nonnull (sc_account_dialog_get_error (dialog));
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "secret_row"), "739152");
  set_text (get_child (dialog, SC_TYPE_ACCOUNT_DIALOG, "confirm_row"), "739152");
  g_assert_true (sc_account_dialog_save (dialog));
  wait_until_gone (SC_TYPE_ACCOUNT_DIALOG);
  {
    g_autoptr(ScSession) session = sc_store_sign_in (fixture.store, account_id, "739152", &error);
    g_assert_no_error (error);
  }

  /* Unlocking an account that is not locked does no harm */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.unlock", "x", account_id));

  /* Deleting asks first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.delete", "x", account_id));
  {
    AdwMessageDialog *confirm = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_true (adw_message_dialog_has_response (confirm, "delete"));
    adw_message_dialog_response (confirm, "delete");
    iterate_for (100);
  }
  g_assert_cmpuint (g_list_model_get_n_items (sc_accounts_page_get_accounts (page)), ==, n_accounts);
  g_assert_null (sc_store_get_account_for_person (fixture.store, fixture.session, sc_person_get_id (person), NULL));

  fixture_tear_down (&fixture);
}

static void
test_locked_account (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScAccount) agent = NULL;
  g_autoptr(ScAccount) account = NULL;
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ScAccountsPage *page;
  ScSignInWindow *sign_in;
  GtkWidget *row;
  const char *pin = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  fixture.store->clock = fake_clock;

  /* Ten wrong tries lock an agent's account */
  agent = fixture_find_account (&fixture, SC_ACCOUNT_ROLE_AGENT, &pin);
  for (guint i = 0; i < 10; i++)
    {
      g_assert_null (sc_store_sign_in (fixture.store, sc_account_get_id (agent), "97531864", &error));
      g_clear_error (&error);
    }
  account = sc_store_get_account_for_person (fixture.store, fixture.session,
                                             sc_account_get_person_id (agent), NULL);
  g_assert_true (sc_account_get_locked (account));

  /* The sign-in list shows the lock, and says so when chosen */
  sign_in = SC_SIGN_IN_WINDOW (sc_sign_in_window_new (app, fixture.store));
  gtk_window_present (GTK_WINDOW (sign_in));
  wait_until_mapped (GTK_WIDGET (sign_in));
  g_assert_nonnull (find_named (GTK_WIDGET (sign_in), "lock-icon"));
  g_assert_true (sc_sign_in_window_choose_account (sign_in, sc_account_get_id (agent)));
  g_assert_nonnull (sc_sign_in_window_get_error (sign_in));
  gtk_window_destroy (GTK_WINDOW (sign_in));

  /* The accounts page offers to unlock it */
  page = SC_ACCOUNTS_PAGE (show_page (&fixture, "accounts"));
  row = sc_accounts_page_get_row (page, sc_account_get_id (agent));
  g_assert_nonnull (row);
  g_assert_nonnull (find_named (row, "unlock-button"));
  save_screenshot (fixture.window, "accounts-locked");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "accounts.unlock", "x",
                                             sc_account_get_id (agent)));
  iterate_for (100);
  g_clear_object (&account);
  account = sc_store_get_account_for_person (fixture.store, fixture.session,
                                             sc_account_get_person_id (agent), NULL);
  g_assert_false (sc_account_get_locked (account));
  row = sc_accounts_page_get_row (page, sc_account_get_id (agent));
  g_assert_null (find_named (row, "unlock-button"));

  session = sc_store_sign_in (fixture.store, sc_account_get_id (agent), pin, &error);
  g_assert_no_error (error);

  fixture.store->clock = NULL;
  fixture_tear_down (&fixture);
}

static gboolean
all_about (GListModel *entries,
           const char *table)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(ScAuditEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (sc_audit_entry_get_table_name (entry), table) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
test_audit_page (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScPerson) copy = NULL;
  g_autoptr(ScAuditEntry) newest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  ScAuditPage *page;
  GListModel *entries;
  guint n_before;
  gsize length;
  gint64 deadline;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = SC_AUDIT_PAGE (show_page (&fixture, "audit"));
  entries = sc_audit_page_get_entries (page);
  n_before = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_before, >, 0);

  /* An edit shows at the top */
  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  copy = sc_person_copy (g_ptr_array_index (people, 5));
  sc_person_set_email (copy, "audit-me@example.com");
  g_assert_true (sc_store_update_person (fixture.store, fixture.session, copy, &error));
  g_assert_no_error (error);
  iterate_for (100);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_before + 1);
  newest = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (sc_audit_entry_get_action (newest), ==, "update");
  g_assert_cmpstr (sc_audit_entry_get_table_name (newest), ==, "person");
  g_assert_cmpstr (sc_audit_entry_get_actor (newest), ==, sc_session_get_display_name (fixture.session));
  save_screenshot (fixture.window, "audit");

  /* Filters */
  sc_audit_page_set_table (page, "person");
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_true (all_about (entries, "person"));
  sc_audit_page_set_table (page, "account");
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_true (all_about (entries, "account"));
  sc_audit_page_set_table (page, NULL);

  set_text (get_child (page, SC_TYPE_AUDIT_PAGE, "search_entry"), sc_person_get_name (copy));
  iterate_for (400);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), <, n_before);
  set_text (get_child (page, SC_TYPE_AUDIT_PAGE, "search_entry"), "");
  iterate_for (400);

  sc_audit_page_set_period (page, SC_AUDIT_PERIOD_TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_before + 1);
  sc_audit_page_set_period (page, SC_AUDIT_PERIOD_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_before + 1);

  /* Export: UTF-8 with a byte-order mark, a header and a line per entry */
  path = g_build_filename (fixture.dir, "audit.csv", NULL);
  file = g_file_new_for_path (path);
  sc_audit_page_export (page, file);
  g_assert_true (sc_audit_page_get_exporting (page));
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (sc_audit_page_get_exporting (page) && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_false (sc_audit_page_get_exporting (page));

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3);
  g_assert_true (memcmp (contents, "\xEF\xBB\xBF", 3) == 0);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_nonnull (strstr (contents, sc_person_get_name (copy)));

  fixture_tear_down (&fixture);
}

static void
test_idle_sign_out (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScSession) session = NULL;
  g_autofree char *expected = NULL;
  ScSignInWindow *sign_in;
  GtkWindow *window;

  fixture_open (&fixture, TRUE);
  session = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_SUPERVISOR);
  window = sc_application_sign_in (app, session);
  adopt_main_window (&fixture);
  g_assert_true (GTK_WINDOW (fixture.window) == window);

  _sc_application_set_idle_seconds (app, 1);

  /* While something inhibits it (an exam), nobody is signed out */
  sc_application_inhibit_idle_sign_out (app);
  iterate_for (1600);
  g_assert_true (sc_application_get_session (app) == session);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  sc_application_uninhibit_idle_sign_out (app);

  /* Then a second without input is enough */
  sign_in = wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_null (sc_application_get_session (app));
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));

  expected = g_strdup_printf (ngettext ("You were signed out after %d minute without use",
                                        "You were signed out after %d minutes without use", 1), 1);
  g_assert_cmpstr (sc_sign_in_window_get_note (sign_in), ==, expected);
  save_screenshot (sign_in, "signin-idle");

  /* The store's setting is in minutes */
  _sc_application_set_idle_seconds (app, 0);
  g_assert_cmpint (sc_store_get_idle_minutes (fixture.store), ==, 15);

  fixture_tear_down (&fixture);
}

static void
test_switch_user (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScSession) session = NULL;
  g_autoptr(ScAccount) agent = NULL;
  ScSignInWindow *sign_in;
  const char *pin = NULL;

  fixture_open (&fixture, TRUE);
  session = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_SUPERVISOR);
  sc_application_sign_in (app, session);
  adopt_main_window (&fixture);

  /* Switch User: back to the list, nobody signed in */
  g_action_group_activate_action (G_ACTION_GROUP (app), "switch-user", NULL);
  sign_in = wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_null (sc_application_get_session (app));
  g_assert_null (find_toplevel (SC_TYPE_WINDOW));
  g_assert_null (sc_sign_in_window_get_note (sign_in));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sign-out"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "backup"));

  /* Someone else signs in: their window, not the supervisor's */
  agent = fixture_find_account (&fixture, SC_ACCOUNT_ROLE_AGENT, &pin);
  g_assert_true (sc_sign_in_window_choose_account (sign_in, sc_account_get_id (agent)));
  set_text (get_child (sign_in, SC_TYPE_SIGN_IN_WINDOW, "secret_row"), pin);
  click (get_child (sign_in, SC_TYPE_SIGN_IN_WINDOW, "sign_in_button"));
  adopt_main_window (&fixture);
  wait_until_gone (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_cmpuint (count_toplevels (SC_TYPE_WINDOW), ==, 1);
  g_assert_cmpint (sc_session_get_role (sc_application_get_session (app)), ==, SC_ACCOUNT_ROLE_AGENT);
  g_assert_null (sc_window_get_page (fixture.window, "team"));

  /* Sign Out says who signed out */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  sign_in = wait_for_toplevel (SC_TYPE_SIGN_IN_WINDOW);
  g_assert_null (sc_application_get_session (app));
  g_assert_nonnull (sc_sign_in_window_get_note (sign_in));
  g_assert_nonnull (strstr (sc_sign_in_window_get_note (sign_in), sc_account_get_person_name (agent)));

  fixture_tear_down (&fixture);
}

static void
test_security (void)
{
  Fixture fixture = { 0 };
  ScSecurityWindow *window;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);

  window = SC_SECURITY_WINDOW (sc_window_show_security (fixture.window));
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (get_child (window, SC_TYPE_SECURITY_WINDOW, "idle_spin")),
                   ==, sc_store_get_idle_minutes (fixture.store));
  save_screenshot (window, "security");

  gtk_spin_button_set_value (get_child (window, SC_TYPE_SECURITY_WINDOW, "idle_spin"), 30);
  g_assert_true (sc_security_window_save (window));
  g_assert_cmpint (sc_store_get_idle_minutes (fixture.store), ==, 30);

  /* A change saves when the window closes too */
  gtk_spin_button_set_value (get_child (window, SC_TYPE_SECURITY_WINDOW, "idle_spin"), 45);
  gtk_window_close (GTK_WINDOW (window));
  iterate_for (100);
  g_assert_cmpint (sc_store_get_idle_minutes (fixture.store), ==, 45);

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  const char *english = _("Who Is Using Shiftcraft?");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  if (g_strcmp0 (_("Who Is Using Shiftcraft?"), english) == 0)
    g_test_message ("No Chinese translation of the sign-in window yet: the screenshots show English");

  test_first_run ();
  test_sign_in ();
  test_agent ();
  test_trainer ();
  test_accounts_page ();
  test_audit_page ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/start/first-run", test_first_run);
  g_test_add_func ("/gui/start/private-permissions", test_private_permissions);
  g_test_add_func ("/gui/start/sign-in", test_sign_in);
  g_test_add_func ("/gui/roles/agent", test_agent);
  g_test_add_func ("/gui/roles/trainer", test_trainer);
  g_test_add_func ("/gui/accounts/page", test_accounts_page);
  g_test_add_func ("/gui/accounts/locked", test_locked_account);
  g_test_add_func ("/gui/audit/page", test_audit_page);
  g_test_add_func ("/gui/session/idle-sign-out", test_idle_sign_out);
  g_test_add_func ("/gui/session/switch-user", test_switch_user);
  g_test_add_func ("/gui/session/security", test_security);
  g_test_add_func ("/gui/zh_CN/screenshots", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
