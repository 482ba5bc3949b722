/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application-private.h"
#include "sc-backup.h"
#include "sc-window.h"
#include "session/sc-first-run-window.h"
#include "session/sc-sign-in-window.h"
#include "common/sc-file-chooser.h"
#include "exam-mode/sc-certification-reminder.h"

/*
 * ScApplication: opens the store, asks who is using Shiftcraft, holds the
 * session of whoever signed in and hands it to the main window. It signs
 * out after a while without keyboard or pointer input in any of its
 * windows, unless something (an exam) inhibits that.
 */

struct _ScApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;
  ScStore        *store;
  ScSession      *session;
  GCancellable   *cancellable;

  /* A backup or a restore is running */
  guint           busy;

  /* Idle sign-out */
  gint64          last_activity;   /* monotonic µs */
  guint           idle_source;
  guint           overdue_source;
  guint           idle_inhibit;
  gboolean        notifying;
  guint           idle_seconds;    /* tests: instead of the store's minutes */
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DATABASE_PATH,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH instead of the default one"), N_("PATH") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static void restart_idle_timer (ScApplication *self);

/* Helpers */

static GtkWindow *
get_active_window (ScApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static ScWindow *
find_main_window (ScApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
add_toast (ScApplication *self,
           GtkWindow     *window,
           AdwToast      *toast)
{
  /* The window may have closed meanwhile (signed out) */
  if (!SC_IS_WINDOW (window) || !gtk_widget_get_visible (GTK_WIDGET (window)))
    window = GTK_WINDOW (find_main_window (self));

  if (SC_IS_WINDOW (window))
    sc_window_add_toast (SC_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

static void
show_error_dialog (GtkWindow  *parent,
                   const char *heading,
                   const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
may (ScApplication *self,
     ScOperation    operation)
{
  return self->session != NULL && sc_permission_access (self->session, operation) == SC_ACCESS_ALL;
}

static void
set_action_enabled (ScApplication *self,
                    const char    *name,
                    gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (ScApplication *self)
{
  gboolean ready = self->store != NULL && self->busy == 0;

  /* The store refuses anyway; the menu does not offer what it refuses */
  set_action_enabled (self, "backup", ready && may (self, SC_OPERATION_BACKUP));
  set_action_enabled (self, "restore", ready && may (self, SC_OPERATION_RESTORE));
  set_action_enabled (self, "sign-out", self->session != NULL);
  set_action_enabled (self, "switch-user", self->session != NULL);
}

static void
begin_busy (ScApplication *self)
{
  self->busy++;
  g_application_hold (G_APPLICATION (self));
  update_actions (self);
}

static void
end_busy (ScApplication *self)
{
  g_assert (self->busy > 0);

  self->busy--;
  update_actions (self);
  g_application_release (G_APPLICATION (self));
}

static const ScFileFilter json_filters[] = {
  { N_("Shiftcraft backups (*.json)"), "*.json", "application/json" },
  { NULL }
};

static gboolean
is_transient_of (GtkWindow *window,
                 GtkWindow *parent)
{
  for (GtkWindow *w = gtk_window_get_transient_for (window); w != NULL; w = gtk_window_get_transient_for (w))
    if (w == parent)
      return TRUE;

  return FALSE;
}

/* Closes every window but @keep, and the dialogs that belong to them */
static void
close_other_windows (ScApplication *self,
                     GtkWindow     *keep)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GList *toplevels;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (l->data != keep)
      g_ptr_array_add (doomed, g_object_ref (l->data));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (l->data == keep || g_ptr_array_find (doomed, l->data, NULL))
        continue;

      for (guint i = 0; i < doomed->len; i++)
        {
          if (is_transient_of (l->data, g_ptr_array_index (doomed, i)))
            {
              g_ptr_array_add (doomed, g_object_ref (l->data));
              break;
            }
        }
    }
  g_list_free (toplevels);

  /* Dialogs first, then the windows they belong to; the main window
   * closes rather than dies, so that it saves its size */
  for (guint i = doomed->len; i > 0; i--)
    {
      GtkWindow *window = g_ptr_array_index (doomed, i - 1);

      if (SC_IS_WINDOW (window))
        gtk_window_close (window);
      else
        gtk_window_destroy (window);
    }
}

static void on_signed_in_cb (ScApplication *self,
                             ScSession     *session);

static GtkWindow *
show_sign_in_window (ScApplication *self,
                     const char    *note)
{
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_SIGN_IN_WINDOW (l->data))
      window = l->data;

  if (window == NULL)
    {
      window = GTK_WINDOW (sc_sign_in_window_new (self, self->store));
      g_signal_connect_object (window, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    sc_sign_in_window_reload (SC_SIGN_IN_WINDOW (window));

  sc_sign_in_window_set_note (SC_SIGN_IN_WINDOW (window), note);
  gtk_window_present (window);
  return window;
}

static GtkWindow *
show_first_run_window (ScApplication *self)
{
  GtkWindow *window = GTK_WINDOW (sc_first_run_window_new (self, self->store));

  g_signal_connect_object (window, "signed-in", G_CALLBACK (on_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (window);
  return window;
}

/* After the store is open and its permissions were looked at */
static void
continue_start (ScApplication *self)
{
  GtkWindow *window;

  if (self->store == NULL)
    return;

  if (self->session != NULL)
    {
      window = GTK_WINDOW (sc_window_new (self, self->store, self->session));
      gtk_window_present (window);
    }
  else if (!sc_store_has_accounts (self->store))
    window = show_first_run_window (self);
  else
    window = show_sign_in_window (self, NULL);

  close_other_windows (self, window);
}

static guint
get_idle_seconds (ScApplication *self)
{
  if (self->idle_seconds > 0)
    return self->idle_seconds;

  if (self->store == NULL)
    return 0;

  return MAX (1, sc_store_get_idle_minutes (self->store)) * 60;
}

/* Tells the signed-in person the answers to their requests, once each */
static void
notify_answers (ScApplication *self)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) swaps = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->store == NULL || self->notifying)
    return;

  self->notifying = TRUE;
  answers = sc_store_take_time_off_answers (self->store, self->session, &error);
  if (answers != NULL)
    swaps = sc_store_take_swap_answers (self->store, self->session, &error);
  self->notifying = FALSE;

  if (answers == NULL || swaps == NULL)
    {
      g_warning ("Could not read the answers to requests: %s", error->message);
      return;
    }

  for (guint i = 0; i < swaps->len; i++)
    {
      ScSwapRequest *swap = g_ptr_array_index (swaps, i);
      gboolean approved = swap->status == SC_REQUEST_STATUS_APPROVED;
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *body = NULL;
      g_autofree char *id = NULL;

      notification = g_notification_new (approved ? _("Swap Approved") : _("Swap Declined"));
      /* Translators: e.g. “Your shift on 2026-12-07 with Li Na” */
      body = g_strdup_printf (_("Your shift on %s with %s"), swap->day,
                              swap->partner_name != NULL ? swap->partner_name : "?");
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s", "requests");
      id = g_strdup_printf ("swap-%lld", (long long) swap->id);
      g_application_send_notification (G_APPLICATION (self), id, notification);
    }

  for (guint i = 0; i < answers->len; i++)
    {
      ScTimeOff *time_off = g_ptr_array_index (answers, i);
      gboolean approved = sc_time_off_get_status (time_off) == SC_REQUEST_STATUS_APPROVED;
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *body = NULL;
      g_autofree char *id = NULL;
      const char *by = sc_time_off_get_decided_by_name (time_off);

      notification = g_notification_new (approved ? _("Time Off Approved") : _("Time Off Declined"));
      if (by != NULL)
        /* Translators: e.g. “Annual leave, 2026-12-07 to 2026-12-09, answered by Amy Leung” */
        body = g_strdup_printf (_("%s, %s to %s, answered by %s"),
                                sc_time_off_kind_get_label (sc_time_off_get_kind (time_off)),
                                sc_time_off_get_first_day (time_off), sc_time_off_get_last_day (time_off), by);
      else
        body = g_strdup_printf (_("%s, %s to %s"),
                                sc_time_off_kind_get_label (sc_time_off_get_kind (time_off)),
                                sc_time_off_get_first_day (time_off), sc_time_off_get_last_day (time_off));
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-page", "s", "requests");
      id = g_strdup_printf ("time-off-%lld", (long long) sc_time_off_get_id (time_off));
      g_application_send_notification (G_APPLICATION (self), id, notification);
    }
}

/* Callbacks */

static void
on_signed_in_cb (ScApplication *self,
                 ScSession     *session)
{
  sc_application_sign_in (self, session);
}

static gboolean
on_idle_timeout_cb (gpointer user_data)
{
  ScApplication *self = user_data;
  guint seconds = get_idle_seconds (self);
  gint64 idle = g_get_monotonic_time () - self->last_activity;
  g_autofree char *note = NULL;
  int minutes;

  self->idle_source = 0;

  if (self->session == NULL || self->idle_inhibit > 0 || seconds == 0)
    return G_SOURCE_REMOVE;

  if (idle < (gint64) seconds * G_USEC_PER_SEC)
    {
      restart_idle_timer (self);
      return G_SOURCE_REMOVE;
    }

  minutes = (int) ((seconds + 59) / 60);
  note = g_strdup_printf (ngettext ("You were signed out after %d minute without use",
                                    "You were signed out after %d minutes without use", minutes),
                          minutes);
  g_info ("Signing out after %u seconds without input", seconds);
  sc_application_sign_out (self, note);

  return G_SOURCE_REMOVE;
}

static gboolean
on_window_event_cb (GtkEventControllerLegacy *controller,
                    GdkEvent                 *event,
                    ScApplication            *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = g_get_monotonic_time ();
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_store_changed_cb (ScApplication      *self,
                     const char * const *tables,
                     ScStore            *store)
{
  /* The automatic sign-out time was changed */
  if (tables == NULL || g_strv_contains (tables, "setting"))
    restart_idle_timer (self);

  if (tables == NULL || g_strv_contains (tables, "time_off") || g_strv_contains (tables, "swap_request"))
    notify_answers (self);
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ScApplication    *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_private_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ScApplication    *self)
{
  g_autoptr(GError) error = NULL;

  g_application_hold (G_APPLICATION (self));

  if (g_strcmp0 (response, "fix") == 0 && self->store != NULL &&
      !sc_store_make_private (sc_store_get_path (self->store), &error))
    g_warning ("%s", error->message);

  continue_start (self);

  if (error != NULL)
    show_error_dialog (get_active_window (self), _("Cannot Change the Permissions"), error->message);

  g_application_release (G_APPLICATION (self));
}

static void
on_backup_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) data = user_data;
  ScApplication *self = g_task_get_source_object (data);
  GFile *file = g_task_get_task_data (data);
  GtkWindow *window = g_object_get_data (G_OBJECT (data), "window");
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  AdwToast *toast;

  if (sc_backup_write_finish (result, &error))
    toast = adw_toast_new_format (_("Backup saved as “%s”"), basename);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast = NULL;
  else
    {
      toast = adw_toast_new_format (_("Backup failed: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
    }

  if (toast != NULL)
    add_toast (self, window, toast);

  end_busy (self);
}

static void
back_up_to_file (GObject *owner,
                 GFile   *file)
{
  ScApplication *self = SC_APPLICATION (owner);

  if (self->store != NULL && self->session != NULL)
    sc_application_back_up (self, get_active_window (self), file);
}

/* A restore replaces the accounts too: the one signed in may be gone */
static gboolean
session_still_valid (ScApplication *self)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (self->session == NULL || sc_session_is_system (self->session))
    return TRUE;

  accounts = sc_store_get_sign_in_accounts (self->store, NULL);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      ScAccount *account = g_ptr_array_index (accounts, i);

      if (sc_account_get_id (account) == sc_session_get_account_id (self->session))
        return sc_account_get_person_id (account) == sc_session_get_person_id (self->session) &&
               sc_account_get_role (account) == sc_session_get_role (self->session) &&
               !sc_account_get_locked (account);
    }

  return FALSE;
}

static void
on_backup_restored_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) data = user_data;
  ScApplication *self = g_task_get_source_object (data);
  GtkWindow *window = g_object_get_data (G_OBJECT (data), "window");
  g_autoptr(GError) error = NULL;

  if (sc_backup_restore_finish (result, &error))
    {
      if (self->store != NULL && !session_still_valid (self))
        sc_application_sign_out (self, _("The backup was restored. Your account is not the same in it: sign in again."));
      else
        add_toast (self, window, adw_toast_new (_("Backup restored")));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error_dialog (window, _("Cannot Restore the Backup"), error->message);

  end_busy (self);
}

static void
on_restore_confirm_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                ScApplication    *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "replace") == 0 && self->store != NULL && self->session != NULL)
    sc_application_restore (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), file);
}

static void
restore_from_file (GObject *owner,
                   GFile   *file)
{
  ScApplication *self = SC_APPLICATION (owner);
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_active_window (self),
                                   _("Replace All Data With This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Everything in Shiftcraft — the team, its people, their skills "
                                    "and all other records — will be replaced by the contents of "
                                    "“%s”. Back up the current data first if you may need it."),
                                  basename);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace All Data"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
sc_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  ScApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close the windows so that they save their state */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
sc_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  ScApplication *self = user_data;
  static const char *developers[] = { "The Shiftcraft developers", NULL };

  adw_show_about_window (get_active_window (self),
                         "application-name", _("Shiftcraft"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Training, certification, rotation, shift rosters and "
                                       "awards for customer-support teams"),
                         "developer-name", _("The Shiftcraft developers"),
                         "developers", developers,
                         "copyright", _("© The Shiftcraft developers"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
sc_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  ScApplication *self = user_data;

  gtk_show_uri (get_active_window (self), "help:shiftcraft", GDK_CURRENT_TIME);
}

static void
sc_application_backup_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  ScApplication *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("shiftcraft-backup-%s.json", date);

  sc_choose_file (G_OBJECT (self), get_active_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                  _("Back Up Shiftcraft Data"), _("_Back Up"), name, json_filters, back_up_to_file);
}

static void
sc_application_restore_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  ScApplication *self = user_data;

  sc_choose_file (G_OBJECT (self), get_active_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                  _("Restore Shiftcraft Data"), _("_Open"), NULL, json_filters, restore_from_file);
}

static void
sc_application_sign_out_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  ScApplication *self = user_data;
  g_autofree char *note = NULL;

  if (self->session != NULL)
    note = g_strdup_printf (_("%s signed out"), sc_session_get_display_name (self->session));

  sc_application_sign_out (self, note);
}

static void
sc_application_switch_user_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  ScApplication *self = user_data;

  sc_application_sign_out (self, NULL);
}

/* From a notification: the main window, on that page */
static void
sc_application_show_page_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  ScApplication *self = user_data;
  ScWindow *window = find_main_window (self);

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      return;
    }

  sc_window_set_visible_page (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "show-page", sc_application_show_page_action, "s" },
  { "quit", sc_application_quit_action },
  { "about", sc_application_about_action },
  { "help", sc_application_help_action },
  { "backup", sc_application_backup_action },
  { "restore", sc_application_restore_action },
  { "sign-out", sc_application_sign_out_action },
  { "switch-user", sc_application_switch_user_action },
};

/* Overrides */

static int
sc_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  ScApplication *self = SC_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path != NULL && *path != '\0')
    sc_application_set_database_path (self, path);

  return -1;
}

static void
sc_application_startup (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *sign_out_accels[] = { "<Control><Shift>l", NULL };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.sign-out", sign_out_accels);
  update_actions (self);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
sc_application_activate (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *dialog;

  window = get_active_window (self);
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL && !sc_application_open_store (self, &error))
    {
      g_message ("%s", error->message);

      dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  sc_application_start (self);
}

static void
sc_application_window_added (GtkApplication *application,
                             GtkWindow      *window)
{
  ScApplication *self = SC_APPLICATION (application);
  GtkEventController *controller;

  GTK_APPLICATION_CLASS (sc_application_parent_class)->window_added (application, window);

  /* Any input in any of our windows keeps the session alive */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "sc-idle-watch");
  g_signal_connect_object (controller, "event", G_CALLBACK (on_window_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
sc_application_shutdown (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);

  G_APPLICATION_CLASS (sc_application_parent_class)->shutdown (application);
}

static void
sc_application_dispose (GObject *object)
{
  ScApplication *self = SC_APPLICATION (object);

  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->overdue_source, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_application_parent_class)->dispose (object);
}

static void
sc_application_finalize (GObject *object)
{
  ScApplication *self = SC_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScApplication *self = SC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScApplication *self = SC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sc_application_set_store (self, g_value_get_object (value));
      break;

    case PROP_DATABASE_PATH:
      sc_application_set_database_path (self, g_value_get_string (value));
      break;

    case PROP_SESSION:
      sc_application_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = sc_application_dispose;
  object_class->finalize = sc_application_finalize;
  object_class->get_property = sc_application_get_property;
  object_class->set_property = sc_application_set_property;

  app_class->handle_local_options = sc_application_handle_local_options;
  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->shutdown = sc_application_shutdown;

  gtk_app_class->window_added = sc_application_window_added;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ScApplication:session:
   *
   * Who is signed in, or %NULL while nobody is.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_application_init (ScApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->last_activity = g_get_monotonic_time ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a command, Shiftcraft opens its window. "
                                              "Run “shiftcraft help” for the commands that work "
                                              "without a display."));
}

/* Idle sign-out */

static void
restart_idle_timer (ScApplication *self)
{
  guint seconds;
  gint64 remaining;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (self->session == NULL || self->store == NULL || self->idle_inhibit > 0)
    return;

  seconds = get_idle_seconds (self);
  if (seconds == 0)
    return;

  remaining = self->last_activity + (gint64) seconds * G_USEC_PER_SEC - g_get_monotonic_time ();
  remaining = CLAMP (remaining / 1000, 0, (gint64) seconds * 1000) + 50;
  self->idle_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) remaining,
                                          on_idle_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->idle_source, "[shiftcraft] idle sign-out");
}

/**
 * sc_application_inhibit_idle_sign_out:
 *
 * Keeps the session open however long nobody touches the keyboard or the
 * pointer, for example while an exam shows a question: reading takes time.
 * Calls nest; each needs a matching
 * sc_application_uninhibit_idle_sign_out().
 */
void
sc_application_inhibit_idle_sign_out (ScApplication *self)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  if (self->idle_inhibit++ == 0)
    g_clear_handle_id (&self->idle_source, g_source_remove);
}

/**
 * sc_application_uninhibit_idle_sign_out:
 *
 * Ends an sc_application_inhibit_idle_sign_out(); the time without use
 * counts from now.
 */
void
sc_application_uninhibit_idle_sign_out (ScApplication *self)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (self->idle_inhibit > 0);

  if (--self->idle_inhibit == 0)
    {
      self->last_activity = g_get_monotonic_time ();
      restart_idle_timer (self);
    }
}

void
_sc_application_set_idle_seconds (ScApplication *self,
                                  guint          seconds)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  self->idle_seconds = seconds;
  restart_idle_timer (self);
}

/* Public API */

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * sc_application_get_database_path:
 * Returns: (nullable): the database given with `--database`, or %NULL for
 *   the default one
 */
const char *
sc_application_get_database_path (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  return self->database_path;
}

void
sc_application_set_database_path (ScApplication *self,
                                  const char    *path)
{
  g_return_if_fail (SC_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}

/**
 * sc_application_get_store:
 * Returns: (transfer none) (nullable): the open store
 */
ScStore *
sc_application_get_store (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * sc_application_set_store:
 *
 * Makes @store the application's store. Whoever was signed in into another
 * store is signed out.
 */
void
sc_application_set_store (ScApplication *self,
                          ScStore       *store)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (store == NULL || SC_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);
  sc_application_set_session (self, NULL);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sc_application_open_store:
 *
 * Opens the database given with `--database` (or the default one) and
 * makes it the application's store.
 */
gboolean
sc_application_open_store (ScApplication  *self,
                           GError        **error)
{
  g_autoptr(ScStore) store = NULL;
  g_autofree char *default_path = NULL;
  const char *path;

  g_return_val_if_fail (SC_IS_APPLICATION (self), FALSE);

  path = self->database_path;
  if (path == NULL)
    path = default_path = sc_store_default_path ();

  store = sc_store_open (path, error);
  if (store == NULL)
    return FALSE;

  sc_application_set_store (self, store);
  return TRUE;
}

/**
 * sc_application_get_session:
 * Returns: (transfer none) (nullable): who is signed in
 */
ScSession *
sc_application_get_session (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  return self->session;
}

/**
 * sc_application_set_session:
 * @session: (nullable): who signed in, or %NULL
 *
 * Only changes who the application acts as; sc_application_sign_in() and
 * sc_application_sign_out() also change the windows.
 */
/* Exams left open past their deadline (the PC was off, the app closed)
 * are submitted with what was saved, or abandoned after their grace */
static gboolean
close_overdue_attempts_cb (gpointer data)
{
  ScApplication *self = data;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && sc_store_close_overdue_attempts (self->store, &error) == 0 && error != NULL)
    g_warning ("Could not close the exams past their deadline: %s", error->message);
  return G_SOURCE_CONTINUE;
}

void
sc_application_set_session (ScApplication *self,
                            ScSession     *session)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (session == NULL || SC_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_clear_handle_id (&self->overdue_source, g_source_remove);
  if (session != NULL)
    {
      close_overdue_attempts_cb (self);
      self->overdue_source = g_timeout_add_seconds (60, close_overdue_attempts_cb, self);
      g_source_set_name_by_id (self->overdue_source, "[shiftcraft] close overdue exams");
    }

  self->last_activity = g_get_monotonic_time ();
  restart_idle_timer (self);
  update_actions (self);
  notify_answers (self);
  if (session != NULL && self->store != NULL)
    sc_certification_reminder_send (G_APPLICATION (self), self->store, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * sc_application_start:
 *
 * With the store open: warns when others can read the database, then
 * shows the first-run window on a database without accounts, the sign-in
 * window otherwise (or the main window when someone is signed in).
 */
void
sc_application_start (ScApplication *self)
{
  g_autofree char *problem = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (self->store != NULL);

  if (sc_store_check_private (sc_store_get_path (self->store), &problem))
    {
      continue_start (self);
      return;
    }

  dialog = adw_message_dialog_new (NULL, _("Others Can Read Your Data"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", problem,
                                  _("The database holds people’s details and the hashes of their "
                                    "passphrases and PINs: it should be yours alone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "leave", _("_Leave As It Is"),
                                    "fix", _("_Fix Permissions"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fix",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "fix");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "leave");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_private_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sc_application_sign_in:
 * @session: who signed in
 *
 * Makes @session the application's and opens the main window for it in
 * place of the sign-in or first-run window.
 *
 * Returns: (transfer none): the main window
 */
GtkWindow *
sc_application_sign_in (ScApplication *self,
                        ScSession     *session)
{
  GtkWindow *window;

  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  sc_application_set_session (self, session);

  window = GTK_WINDOW (sc_window_new (self, self->store, session));
  gtk_window_present (window);
  close_other_windows (self, window);

  return window;
}

/**
 * sc_application_sign_out:
 * @note: (nullable): a line for the sign-in window, saying why
 *
 * Forgets the session, closes its windows and asks who is using
 * Shiftcraft.
 *
 * Returns: (transfer none): the sign-in window
 */
GtkWindow *
sc_application_sign_out (ScApplication *self,
                         const char    *note)
{
  GtkWindow *window;

  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);

  /* The sign-in window comes first so that the application does not
   * quit when its last window closes */
  sc_application_set_session (self, NULL);
  window = show_sign_in_window (self, note);
  close_other_windows (self, window);

  return window;
}

/**
 * sc_application_get_busy:
 * Returns: whether a backup or a restore is running
 */
gboolean
sc_application_get_busy (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), FALSE);
  return self->busy > 0;
}

static GTask *
new_callback_data (ScApplication *self,
                   GtkWindow     *window,
                   GFile         *file)
{
  /* A task only to carry the window and the file to the callback */
  GTask *data = g_task_new (self, NULL, NULL, NULL);

  g_task_set_task_data (data, g_object_ref (file), g_object_unref);
  if (window != NULL)
    g_object_set_data_full (G_OBJECT (data), "window", g_object_ref (window), g_object_unref);

  return data;
}

/**
 * sc_application_back_up:
 * @window: (nullable): the window that shows the result in a toast
 *
 * Writes a backup of the whole database to @file in a worker thread, as
 * the signed-in account (the store refuses those who may not).
 */
void
sc_application_back_up (ScApplication *self,
                        GtkWindow     *window,
                        GFile         *file)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (self->session != NULL);

  begin_busy (self);
  sc_backup_write_async (self->store, self->session, file, self->cancellable, on_backup_written_cb,
                         new_callback_data (self, window, file));
}

/**
 * sc_application_restore:
 * @window: (nullable): the window that shows the result
 *
 * Replaces all data with the backup in @file, in a worker thread. The
 * caller has asked the user first. When the restored data no longer has
 * the signed-in account as it was, signs out.
 */
void
sc_application_restore (ScApplication *self,
                        GtkWindow     *window,
                        GFile         *file)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (window == NULL || GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (self->session != NULL);

  begin_busy (self);
  sc_backup_restore_async (self->store, self->session, file, self->cancellable, on_backup_restored_cb,
                           new_callback_data (self, window, file));
}
