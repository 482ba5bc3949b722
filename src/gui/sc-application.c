/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-backup.h"
#include "sc-window.h"

struct _ScApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *database_path;
  ScStore        *store;
  GCancellable   *cancellable;

  /* A backup or a restore is running */
  guint           busy;
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DATABASE_PATH,
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

/* Helpers */

static GtkWindow *
get_active_window (ScApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
add_toast (ScApplication *self,
           GtkWindow     *window,
           AdwToast      *toast)
{
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

static void
update_actions (ScApplication *self)
{
  static const char *store_actions[] = { "backup", "restore" };

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), store_actions[i]);

      if (action != NULL)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->store != NULL && self->busy == 0);
    }
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

static GtkFileFilter *
new_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Shiftcraft backups (*.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

/* Callbacks */

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           ScApplication    *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
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
on_backup_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ScApplication   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && self->store != NULL)
    sc_application_back_up (self, gtk_native_dialog_get_transient_for (chooser), file);

  g_object_unref (chooser);
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
    add_toast (self, window, adw_toast_new (_("Backup restored")));
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

  if (g_strcmp0 (response, "replace") == 0 && self->store != NULL)
    sc_application_restore (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), file);
}

static void
on_restore_chooser_response_cb (GtkNativeDialog *chooser,
                                int              response,
                                ScApplication   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  GtkWidget *dialog;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    goto out;

  basename = g_file_get_basename (file);
  dialog = adw_message_dialog_new (gtk_native_dialog_get_transient_for (chooser),
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

out:
  g_object_unref (chooser);
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
  g_autoptr(GtkFileFilter) filter = new_json_filter ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("shiftcraft-backup-%s.json", date);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Back Up Shiftcraft Data"),
                                         get_active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Back Up"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sc_application_restore_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  ScApplication *self = user_data;
  g_autoptr(GtkFileFilter) filter = new_json_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore Shiftcraft Data"),
                                         get_active_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_restore_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry app_actions[] = {
  { "quit", sc_application_quit_action },
  { "about", sc_application_about_action },
  { "help", sc_application_help_action },
  { "backup", sc_application_backup_action },
  { "restore", sc_application_restore_action },
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

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
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

  window = GTK_WINDOW (sc_window_new (self, self->store));
  gtk_window_present (window);
}

static void
sc_application_shutdown (GApplication *application)
{
  ScApplication *self = SC_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (sc_application_parent_class)->shutdown (application);
}

static void
sc_application_dispose (GObject *object)
{
  ScApplication *self = SC_APPLICATION (object);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sc_application_dispose;
  object_class->finalize = sc_application_finalize;
  object_class->get_property = sc_application_get_property;
  object_class->set_property = sc_application_set_property;

  app_class->handle_local_options = sc_application_handle_local_options;
  app_class->startup = sc_application_startup;
  app_class->activate = sc_application_activate;
  app_class->shutdown = sc_application_shutdown;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_application_init (ScApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Without a command, Shiftcraft opens its window. "
                                              "Run “shiftcraft help” for the commands that work "
                                              "without a display."));
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

void
sc_application_set_store (ScApplication *self,
                          ScStore       *store)
{
  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (store == NULL || SC_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
    }
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
 * Writes a backup of the whole database to @file in a worker thread.
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

  begin_busy (self);
  sc_backup_write_async (self->store, file, self->cancellable, on_backup_written_cb,
                         new_callback_data (self, window, file));
}

/**
 * sc_application_restore:
 * @window: (nullable): the window that shows the result
 *
 * Replaces all data with the backup in @file, in a worker thread. The
 * caller has asked the user first.
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

  begin_busy (self);
  sc_backup_restore_async (self->store, file, self->cancellable, on_backup_restored_cb,
                           new_callback_data (self, window, file));
}
