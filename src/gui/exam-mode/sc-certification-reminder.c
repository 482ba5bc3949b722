/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-certification-reminder"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-certification-reminder.h"
#include "sc-permissions.h"

/*
 * Reminders of certifications that expire, sent through the desktop when
 * someone signs in:
 *
 * - an agent hears of each of their own certifications that expires
 *   within SC_CERTIFICATION_EXPIRING_DAYS, and again once it has expired
 *   (unless a newer certification of the same skill replaced it);
 * - a trainer or supervisor gets one summary, “N certifications expire
 *   in the next 30 days”, which opens the Certifications page.
 *
 * What was told is remembered in the “certification-reminders” GSettings
 * key, so that signing in again does not repeat it: “c<id>:soon” and
 * “c<id>:expired” for an agent's certification, “s<account>:<id>” for a
 * certification a summary to that account counted. A summary is sent
 * again only when a certification not yet counted starts to expire soon.
 * Entries of certifications no longer expiring are dropped.
 *
 * Without a notification service on the session bus (a bare X session,
 * a test without one) nothing is sent and nothing is marked as told, so
 * the reminder comes at the next sign-in where it can be shown.
 */

#define SETTINGS_KEY "certification-reminders"

static gboolean
has_notification_service (void)
{
  static const char * const names[] = {
    "org.freedesktop.portal.Desktop", "org.gtk.Notifications", "org.freedesktop.Notifications",
  };
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **activatable_names = NULL;

  if (bus == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", names[i]),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        return TRUE;
    }

  /* Or one the bus starts when asked */
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &activatable_names);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strv_contains ((const char * const *) activatable_names, names[i]))
      return TRUE;
  return FALSE;
}

/* A newer certification of the same skill and at least the same level,
 * valid today, replaces an expired one */
static gboolean
is_renewed (GPtrArray             *all,
            const ScCertification *expired)
{
  for (guint i = 0; i < all->len; i++)
    {
      const ScCertification *other = g_ptr_array_index (all, i);

      if (other != expired && other->skill_id == expired->skill_id && other->level >= expired->level &&
          (other->state == SC_CERTIFICATION_VALID || other->state == SC_CERTIFICATION_EXPIRING_SOON))
        return TRUE;
    }
  return FALSE;
}

static guint
remind_agent (GApplication *application,
              ScStore      *store,
              ScSession    *session,
              GStrvBuilder *keep,
              GHashTable   *told,
              GHashTable   *mine)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autoptr(GError) error = NULL;
  guint sent = 0;

  own = sc_store_get_certifications (store, session, sc_session_get_person_id (session), &error);
  if (own == NULL)
    {
      g_warning ("Could not read the certifications to remind of: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < own->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (own, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *key = NULL;
      g_autofree char *body = NULL;
      g_autofree char *id = NULL;
      gboolean expired = certification->state == SC_CERTIFICATION_EXPIRED;

      g_hash_table_add (mine, g_strdup_printf ("c%lld", (long long) certification->id));
      if (certification->state != SC_CERTIFICATION_EXPIRING_SOON && !expired)
        continue;
      if (expired && is_renewed (own, certification))
        continue;

      key = g_strdup_printf ("c%lld:%s", (long long) certification->id, expired ? "expired" : "soon");
      g_strv_builder_add (keep, key);
      if (g_hash_table_contains (told, key))
        continue;

      if (expired)
        {
          notification = g_notification_new (_("Certification Expired"));
          /* Translators: e.g. “Complaint handling — Senior expired on 2026-12-07. Take the exam again to renew it.” */
          body = g_strdup_printf (_("%s — %s expired on %s. Take the exam again to renew it."),
                                  certification->skill_name, sc_level_get_label (certification->level),
                                  certification->expires);
        }
      else
        {
          notification = g_notification_new (_("Certification Expiring Soon"));
          /* Translators: e.g. “Complaint handling — Senior expires on 2026-12-07, in 12 days. …” */
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — %s expires on %s, in %d day. Take the exam again to renew it.",
                                               "%s — %s expires on %s, in %d days. Take the exam again to renew it.",
                                               certification->days_left),
                                  certification->skill_name, sc_level_get_label (certification->level),
                                  certification->expires, certification->days_left);
        }
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s", "my-exams");
      id = g_strdup_printf ("certification-%lld", (long long) certification->id);
      g_application_send_notification (application, id, notification);
      sent++;
    }
  return sent;
}

static guint
remind_keeper (GApplication *application,
               ScStore      *store,
               ScSession    *session,
               GStrvBuilder *keep,
               GHashTable   *told)
{
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  gboolean anything_new = FALSE;

  expiring = sc_store_get_expiring_certifications (store, session, SC_CERTIFICATION_EXPIRING_DAYS, &error);
  if (expiring == NULL)
    {
      g_warning ("Could not read the certifications to remind of: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < expiring->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (expiring, i);
      g_autofree char *key = g_strdup_printf ("s%lld:%lld", (long long) sc_session_get_account_id (session),
                                              (long long) certification->id);

      anything_new |= !g_hash_table_contains (told, key);
      g_strv_builder_add (keep, key);
    }
  if (!anything_new)
    return 0;

  notification = g_notification_new (_("Certifications Expiring"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification expires in the next %d days.",
                                       "%u certifications expire in the next %d days.", expiring->len),
                          expiring->len, SC_CERTIFICATION_EXPIRING_DAYS);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-page", "s", "certifications");
  g_notification_add_button_with_target (notification, _("Show Certifications"), "app.show-page", "s",
                                         "certifications");
  g_application_send_notification (application, "certifications-expiring", notification);
  return 1;
}

/**
 * sc_certification_reminder_send:
 * Tells @session, through the desktop, of the certifications that expire
 * soon (or have expired), unless it was told already.
 *
 * Returns: how many notifications were sent
 */
guint
sc_certification_reminder_send (GApplication *application,
                                ScStore      *store,
                                ScSession    *session)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GHashTable) told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) keep = g_strv_builder_new ();
  g_auto(GStrv) previous = NULL;
  g_auto(GStrv) now = NULL;
  g_autofree char *own_prefix = NULL;
  ScAccess access;
  guint sent;

  g_return_val_if_fail (G_IS_APPLICATION (application), 0);
  g_return_val_if_fail (SC_IS_STORE (store), 0);
  g_return_val_if_fail (SC_IS_SESSION (session), 0);

  access = sc_permission_access (session, SC_OPERATION_CERTIFICATIONS_READ);
  if (access == SC_ACCESS_DENY || (access != SC_ACCESS_ALL && sc_session_get_person_id (session) == 0))
    return 0;
  if (!has_notification_service ())
    return 0;

  settings = g_settings_new (APP_ID);
  previous = g_settings_get_strv (settings, SETTINGS_KEY);
  for (guint i = 0; previous[i] != NULL; i++)
    g_hash_table_add (told, g_strdup (previous[i]));

  if (access == SC_ACCESS_ALL)
    sent = remind_keeper (application, store, session, keep, told);
  else
    sent = remind_agent (application, store, session, keep, told, mine);

  /* What others were told stays; of this session's, only what still
   * expires (added above) */
  own_prefix = g_strdup_printf ("s%lld:", (long long) sc_session_get_account_id (session));
  for (guint i = 0; previous[i] != NULL; i++)
    {
      g_autofree char *certification = g_strndup (previous[i], strcspn (previous[i], ":"));
      gboolean own = access == SC_ACCESS_ALL ? g_str_has_prefix (previous[i], own_prefix)
                                             : g_hash_table_contains (mine, certification);

      if (!own)
        g_strv_builder_add (keep, previous[i]);
    }
  now = g_strv_builder_end (keep);
  g_settings_set_strv (settings, SETTINGS_KEY, (const char * const *) now);
  return sent;
}
