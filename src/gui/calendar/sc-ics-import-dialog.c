/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-ics-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-ics-import-dialog.h"
#include "common/sc-file-chooser.h"

/*
 * ScIcsImportDialog: public holidays or someone's time off from the
 * all-day events of an iCalendar file. The file is read and checked in a
 * thread; every event is listed before anything is written, and a file
 * with a mistake is shown with its line and nothing else. Import writes
 * all of it in one transaction.
 */

struct _ScIcsImportDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  ScStore        *store;
  ScSession      *session;
  GFile          *file;
  ScIcsImport    *import;
  char           *error;
  GCancellable   *cancellable;
  GArray         *person_ids;     /* gint64, by row of person_row */
  gboolean        loading;

  /* Template */
  AdwWindowTitle *window_title;
  GtkButton      *import_button;
  AdwActionRow   *file_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *person_row;
  GtkWidget      *loading_box;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  AdwPreferencesGroup *preview_group;
  GtkListBox     *preview_list;
};

G_DEFINE_FINAL_TYPE (ScIcsImportDialog, sc_ics_import_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
may_all (ScIcsImportDialog *self,
         ScOperation        operation)
{
  return sc_permission_access (self->session, operation) == SC_ACCESS_ALL;
}

static gint64
selected_person (ScIcsImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);

  if (self->person_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return 0;

  return g_array_index (self->person_ids, gint64, selected);
}

static void
update_state (ScIcsImportDialog *self)
{
  gboolean time_off = sc_ics_import_dialog_get_kind (self) == SC_ICS_IMPORT_TIME_OFF;
  gboolean ready = !self->loading && self->import != NULL &&
                   (!time_off || selected_person (self) != 0);

  gtk_widget_set_visible (GTK_WIDGET (self->person_row), time_off && self->person_ids->len > 1);
  gtk_widget_set_visible (self->loading_box, self->loading);
  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !self->loading && self->error != NULL);
  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), !self->loading && self->import != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row),
                            !self->loading && may_all (self, SC_OPERATION_HOLIDAYS_WRITE));
}

static char *
describe_days (const ScIcsImportItem *item)
{
  g_autoptr(GDateTime) first = sc_day_parse (item->first_day);
  g_autoptr(GDateTime) last = sc_day_parse (item->last_day);
  int n_days = (int) (g_date_time_difference (last, first) / G_TIME_SPAN_DAY) + 1;

  if (n_days == 1)
    /* TRANSLATORS: an event of one day in the import preview: its day and its line in the file */
    return g_strdup_printf (_("%s · line %u"), item->first_day, item->line);

  /* TRANSLATORS: an event of several days in the import preview: first and last day, days, line in the file */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s, %d day · line %u",
                                       "%s – %s, %d days · line %u", n_days),
                          item->first_day, item->last_day, n_days, item->line);
}

static void
fill_preview (ScIcsImportDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  if (self->import == NULL)
    return;

  for (guint i = 0; i < self->import->items->len; i++)
    {
      const ScIcsImportItem *item = g_ptr_array_index (self->import->items, i);
      g_autofree char *days = describe_days (item);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     item->summary ? item->summary : _("Time off"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days);
      gtk_list_box_append (self->preview_list, row);
    }

  {
    g_autofree char *description = NULL;

    if (self->import->n_skipped > 0)
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u event; cancelled events are left out (%u)",
                                                  "%u events; cancelled events are left out (%u)",
                                                  self->import->items->len),
                                     self->import->items->len, self->import->n_skipped);
    else
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                  self->import->items->len),
                                     self->import->items->len);
    adw_preferences_group_set_description (self->preview_group, description);
  }
}

static void
fill_people (ScIcsImportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;

  g_array_set_size (self->person_ids, 0);

  if (may_all (self, SC_OPERATION_TIME_OFF_REQUEST))
    people = sc_store_get_people (self->store, self->session, FALSE, NULL);

  if (people != NULL)
    {
      for (guint i = 0; i < people->len; i++)
        {
          ScPerson *person = g_ptr_array_index (people, i);
          gint64 id = sc_person_get_id (person);
          g_autofree char *label = g_strdup_printf ("%s (%s)", sc_person_get_name (person),
                                                    sc_person_get_employee_no (person));

          gtk_string_list_append (names, label);
          g_array_append_val (self->person_ids, id);
        }
    }
  else if (sc_session_get_person_id (self->session) != 0)
    {
      gint64 id = sc_session_get_person_id (self->session);

      gtk_string_list_append (names, sc_session_get_display_name (self->session));
      g_array_append_val (self->person_ids, id);
    }

  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
}

/* Reading in a thread */

typedef struct
{
  GFile           *file;
  ScIcsImportKind  kind;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  ScIcsImport *import;
  GError *error = NULL;

  if ((import = sc_ics_import_read_file (data->file, data->kind, cancellable, &error)))
    g_task_return_pointer (task, import, (GDestroyNotify) sc_ics_import_free);
  else
    g_task_return_error (task, error);
}

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScIcsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScIcsImport *import;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  g_clear_pointer (&self->import, sc_ics_import_free);
  g_clear_pointer (&self->error, g_free);

  if (import != NULL)
    self->import = import;
  else
    self->error = g_strdup (error->message);

  fill_preview (self);
  update_state (self);
}

static void
start_reading (ScIcsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  if (self->file == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (ReadData, 1);
  data->file = g_object_ref (self->file);
  data->kind = sc_ics_import_dialog_get_kind (self);

  self->loading = TRUE;
  update_state (self);

  task = g_task_new (NULL, self->cancellable, on_read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

/* Callbacks */

static void
load_file (GObject *owner,
           GFile   *file)
{
  sc_ics_import_dialog_load_file (SC_ICS_IMPORT_DIALOG (owner), file);
}

static void
on_choose_clicked_cb (ScIcsImportDialog *self)
{
  const ScFileFilter filters[] = {
    { N_("iCalendar files (*.ics)"), "*.ics;*.ICS", "text/calendar" },
    { NULL }
  };

  sc_choose_file (G_OBJECT (self), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a Calendar File"),
                  _("_Open"), NULL, filters, load_file);
}

static void
on_kind_selected_cb (ScIcsImportDialog *self)
{
  if (self->person_ids == NULL)
    return;

  /* Holidays need a name, time off does not: read the file again */
  if (self->file != NULL)
    start_reading (self);
  else
    update_state (self);
}

static void
on_import_clicked_cb (ScIcsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n_written = 0;

  if (!sc_ics_import_dialog_can_import (self))
    return;

  if (!sc_ics_import_apply (self->import, self->store, self->session,
                            self->import->kind == SC_ICS_IMPORT_TIME_OFF ? selected_person (self) : 0,
                            &n_written, &error))
    {
      g_free (self->error);
      self->error = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      update_state (self);
      return;
    }

  g_signal_emit (self, signals[DONE], 0, self->import->kind, n_written);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static void
sc_ics_import_dialog_dispose (GObject *object)
{
  ScIcsImportDialog *self = SC_ICS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ICS_IMPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sc_ics_import_dialog_parent_class)->dispose (object);
}

static void
sc_ics_import_dialog_finalize (GObject *object)
{
  ScIcsImportDialog *self = SC_ICS_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, sc_ics_import_free);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sc_ics_import_dialog_parent_class)->finalize (object);
}

static void
sc_ics_import_dialog_class_init (ScIcsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_ics_import_dialog_dispose;
  object_class->finalize = sc_ics_import_dialog_finalize;

  /**
   * ScIcsImportDialog::done:
   * @kind: what was imported
   * @n_written: holidays (days) or periods of time off written
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-ics-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, loading_box);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, ScIcsImportDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_ics_import_dialog_init (ScIcsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_ics_import_dialog_new:
 *
 * Returns: (transfer none): a new dialog over @parent, not yet shown
 */
GtkWidget *
sc_ics_import_dialog_new (GtkWindow *parent,
                          ScStore   *store,
                          ScSession *session)
{
  ScIcsImportDialog *self;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_ICS_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  fill_people (self);
  g_signal_connect_object (self->person_row, "notify::selected", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);

  /* Who may not keep the holidays imports their own time off */
  if (!may_all (self, SC_OPERATION_HOLIDAYS_WRITE))
    adw_combo_row_set_selected (self->kind_row, SC_ICS_IMPORT_TIME_OFF);

  update_state (self);
  return GTK_WIDGET (self);
}

/**
 * sc_ics_import_dialog_load_file:
 *
 * Reads and checks @file in a thread, then lists its events.
 */
void
sc_ics_import_dialog_load_file (ScIcsImportDialog *self,
                                GFile             *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SC_IS_ICS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
  adw_window_title_set_subtitle (self->window_title, name);
  start_reading (self);
}

gboolean
sc_ics_import_dialog_is_loading (ScIcsImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_IMPORT_DIALOG (self), FALSE);
  return self->loading;
}

ScIcsImportKind
sc_ics_import_dialog_get_kind (ScIcsImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_IMPORT_DIALOG (self), SC_ICS_IMPORT_HOLIDAYS);

  return adw_combo_row_get_selected (self->kind_row) == 1 ? SC_ICS_IMPORT_TIME_OFF : SC_ICS_IMPORT_HOLIDAYS;
}

void
sc_ics_import_dialog_set_kind (ScIcsImportDialog *self,
                               ScIcsImportKind    kind)
{
  g_return_if_fail (SC_IS_ICS_IMPORT_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind == SC_ICS_IMPORT_TIME_OFF ? 1 : 0);
}

guint
sc_ics_import_dialog_get_n_items (ScIcsImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_IMPORT_DIALOG (self), 0);

  return self->import != NULL ? self->import->items->len : 0;
}

gboolean
sc_ics_import_dialog_can_import (ScIcsImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_IMPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->import_button));
}

/**
 * sc_ics_import_dialog_get_error:
 * Returns: (nullable): what is wrong with the file, as shown
 */
const char *
sc_ics_import_dialog_get_error (ScIcsImportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_IMPORT_DIALOG (self), NULL);
  return self->error;
}
