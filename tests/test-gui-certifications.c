/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-gui-test-util.h"
#include "sc-notification-test-util.h"
#include "exam-mode/sc-certifications-page.h"

/*
 * Certifications that expire: the reminders each person gets through the
 * desktop when signing in, once; and the Certifications page of trainers
 * and supervisors, with its filter, search, revoking with a reason, and
 * the certificate printed or saved. Screenshots in English and Chinese.
 */

/* Whether the notifications from @first on include one with both texts */
static gboolean
told_of (guint       first,
         const char *summary,
         const char *text)
{
  for (guint i = first; i < notifications->len; i++)
    {
      const char *told = g_ptr_array_index (notifications, i);

      if (g_str_has_prefix (told, summary) && (text == NULL || strstr (told, text) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* A day @months and @days from today, YYYY-MM-DD */
static char *
day_from_now (int months,
              int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) shifted = g_date_time_add_months (now, months);
  g_autoptr(GDateTime) day = g_date_time_add_days (shifted, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* Skills @person_id holds no certification of */
static GPtrArray *
uncertified_skills (Fixture   *fixture,
                    ScSession *session,
                    gint64     person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = sc_store_get_skills (fixture->store, &error);
  g_autoptr(GPtrArray) held = sc_store_get_certifications (fixture->store, session, person_id, &error);
  GPtrArray *free_skills = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);
      gboolean found = FALSE;

      for (guint k = 0; k < held->len; k++)
        found |= ((ScCertification *) g_ptr_array_index (held, k))->skill_id == sc_skill_get_id (skill);
      if (!found)
        g_ptr_array_add (free_skills, g_object_ref (skill));
    }
  return free_skills;
}

/* What an agent should be reminded of: their certifications expiring
 * soon, and those expired that nothing newer of the skill replaced */
static guint
count_reminders (GPtrArray *own)
{
  guint n = 0;

  for (guint i = 0; i < own->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (own, i);
      gboolean renewed = FALSE;

      if (certification->state == SC_CERTIFICATION_EXPIRING_SOON)
        n++;
      if (certification->state != SC_CERTIFICATION_EXPIRED)
        continue;
      for (guint k = 0; k < own->len; k++)
        {
          ScCertification *other = g_ptr_array_index (own, k);

          renewed |= other->skill_id == certification->skill_id && other->level >= certification->level &&
                     (other->state == SC_CERTIFICATION_VALID || other->state == SC_CERTIFICATION_EXPIRING_SOON);
        }
      n += !renewed;
    }
  return n;
}

static void
sign_in_again (Fixture   *fixture,
               ScSession *session)
{
  destroy_all_windows ();
  g_clear_object (&fixture->window);
  sc_application_set_session (app, NULL);
  fixture_show_window (fixture, session);
  iterate_for (300);
}

static void
test_reminders_and_page (void)
{
  g_autoptr(ScSession) agent = NULL;
  g_autoptr(ScSession) supervisor = NULL;
  g_autoptr(ScSession) trainer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(ScCertification) soon = NULL;
  g_autoptr(ScCertification) expired = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *soon_issued = day_from_now (-12, 10);
  g_autofree char *expired_issued = day_from_now (-13, 0);
  g_autofree char *body = NULL;
  Fixture fixture = { 0 };
  ScCertificationsPage *page;
  GtkWindow *dialog;
  GtkWidget *entry;
  gint64 person_id;
  guint notified;
  guint n_expiring = 0;
  guint n_expired = 0;
  const char *name;

  g_settings_reset (settings, "certification-reminders");
  fixture_open (&fixture, TRUE);
  supervisor = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_SUPERVISOR);
  trainer = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_TRAINER);
  agent = fixture_sign_in (&fixture, SC_ACCOUNT_ROLE_AGENT);
  person_id = sc_session_get_person_id (agent);
  name = sc_session_get_display_name (agent);

  /* One of the agent's certifications expires in ten days, another
   * expired a month ago */
  skills = uncertified_skills (&fixture, supervisor, person_id);
  g_assert_cmpuint (skills->len, >=, 2);
  soon = sc_store_issue_certification (fixture.store, supervisor, person_id,
                                       sc_skill_get_id (g_ptr_array_index (skills, 0)), SC_LEVEL_INTERMEDIATE,
                                       soon_issued, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (soon->state, ==, SC_CERTIFICATION_EXPIRING_SOON);
  expired = sc_store_issue_certification (fixture.store, supervisor, person_id,
                                          sc_skill_get_id (g_ptr_array_index (skills, 1)), SC_LEVEL_JUNIOR,
                                          expired_issued, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expired->state, ==, SC_CERTIFICATION_EXPIRED);

  /* The agent signs in: told of both, once */
  own = sc_store_get_certifications (fixture.store, agent, person_id, &error);
  g_assert_no_error (error);
  notified = notifications->len;
  fixture_show_window (&fixture, agent);
  iterate_for (300);
  g_assert_cmpuint (notifications->len, ==, notified + count_reminders (own));
  g_assert_true (told_of (notified, _("Certification Expiring Soon"), soon->skill_name));
  g_assert_true (told_of (notified, _("Certification Expired"), expired->skill_name));
  g_assert_null (sc_window_get_page (fixture.window, "certifications"));

  notified = notifications->len;
  sign_in_again (&fixture, agent);
  g_assert_cmpuint (notifications->len, ==, notified);

  /* A supervisor gets one summary, once, that opens the list */
  expiring = sc_store_get_expiring_certifications (fixture.store, supervisor, SC_CERTIFICATION_EXPIRING_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, >=, 1);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification expires in the next %d days.",
                                       "%u certifications expire in the next %d days.", expiring->len),
                          expiring->len, SC_CERTIFICATION_EXPIRING_DAYS);
  notified = notifications->len;
  sign_in_again (&fixture, supervisor);
  g_assert_cmpuint (notifications->len, ==, notified + 1);
  g_assert_true (told_of (notified, _("Certifications Expiring"), body));
  notified = notifications->len;
  sign_in_again (&fixture, supervisor);
  g_assert_cmpuint (notifications->len, ==, notified);

  sc_window_set_visible_page (fixture.window, "team");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-page", g_variant_new_string ("certifications"));
  wait_until_mapped (GTK_WIDGET (fixture.window));
  g_assert_cmpstr (sc_window_get_visible_page (fixture.window), ==, "certifications");

  /* The list: everyone's certifications */
  page = SC_CERTIFICATIONS_PAGE (sc_window_get_page (fixture.window, "certifications"));
  g_assert_nonnull (page);
  sc_page_reload_now (SC_PAGE (page));
  all = sc_store_get_certifications (fixture.store, supervisor, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (all, i);

      n_expiring += certification->state == SC_CERTIFICATION_EXPIRING_SOON;
      n_expired += certification->state == SC_CERTIFICATION_EXPIRED;
    }
  g_assert_cmpuint (sc_certifications_page_get_n_certifications (page), ==, all->len);
  g_assert_cmpuint (sc_certifications_page_get_n_shown (page), ==, all->len);
  save_screenshot (fixture.window, "certifications");

  sc_certifications_page_set_filter (page, SC_CERTIFICATIONS_FILTER_EXPIRING_SOON);
  g_assert_cmpuint (sc_certifications_page_get_n_shown (page), ==, n_expiring);
  g_assert_cmpuint (n_expiring, ==, expiring->len);
  g_assert_true (sc_certifications_page_is_shown (page, soon->id));
  g_assert_false (sc_certifications_page_is_shown (page, expired->id));
  save_screenshot (fixture.window, "certifications-expiring");

  sc_certifications_page_set_filter (page, SC_CERTIFICATIONS_FILTER_EXPIRED);
  g_assert_cmpuint (sc_certifications_page_get_n_shown (page), ==, n_expired);
  g_assert_true (sc_certifications_page_is_shown (page, expired->id));
  g_assert_false (sc_certifications_page_is_shown (page, soon->id));

  /* Search by name */
  sc_certifications_page_set_filter (page, SC_CERTIFICATIONS_FILTER_ALL);
  sc_certifications_page_set_search (page, name);
  g_assert_cmpuint (sc_certifications_page_get_n_shown (page), ==, own->len);
  g_assert_true (sc_certifications_page_is_shown (page, soon->id));
  sc_certifications_page_set_search (page, "no such name at all");
  g_assert_cmpuint (sc_certifications_page_get_n_shown (page), ==, 0);
  sc_certifications_page_set_search (page, name);
  save_screenshot (fixture.window, "certifications-search");

  /* The certificate, printed to a PDF and saved as one */
  {
    g_autofree char *printed_name = g_strdup_printf ("certifications-print%s.pdf", lang_suffix ());
    g_autofree char *saved_name = g_strdup_printf ("certifications-save%s.pdf", lang_suffix ());
    g_autofree char *printed = g_test_build_filename (G_TEST_BUILT, printed_name, NULL);
    g_autofree char *saved = g_test_build_filename (G_TEST_BUILT, saved_name, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (saved);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_unlink (printed);
    g_assert_true (sc_certifications_page_print (page, soon->id, printed, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (printed, &contents, &length, &error));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_cmpuint (length, >, 1000);
    g_clear_pointer (&contents, g_free);

    g_assert_true (sc_certifications_page_save_certificate (page, soon->id, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (saved, &contents, &length, &error));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

  /* Revoking asks for a reason */
  dialog = sc_certifications_page_ask_revoke (page, soon->id);
  g_assert_nonnull (dialog);
  wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revoke"));
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revoke"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Moved to the back office");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revoke"));
  save_screenshot (dialog, "certifications-revoke");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "revoke");
  iterate_for (100);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = sc_store_get_certifications (fixture.store, supervisor, person_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (all, i);

      if (certification->id == soon->id)
        {
          g_assert_cmpint (certification->state, ==, SC_CERTIFICATION_REVOKED);
          g_assert_cmpstr (certification->revoked_reason, ==, "Moved to the back office");
        }
    }
  g_assert_true (sc_certifications_page_is_shown (page, soon->id));
  sc_certifications_page_set_filter (page, SC_CERTIFICATIONS_FILTER_EXPIRING_SOON);
  g_assert_false (sc_certifications_page_is_shown (page, soon->id));
  sc_certifications_page_set_filter (page, SC_CERTIFICATIONS_FILTER_ALL);
  sc_certifications_page_set_search (page, NULL);

  /* A trainer sees the list too */
  sign_in_again (&fixture, trainer);
  g_assert_nonnull (sc_window_get_page (fixture.window, "certifications"));

  fixture_tear_down (&fixture);
  g_settings_reset (settings, "certification-reminders");
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  test_reminders_and_page ();
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);
  start_notification_server ();

  g_test_add_func ("/gui/certifications/reminders-and-page", test_reminders_and_page);
  g_test_add_func ("/gui/certifications/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
