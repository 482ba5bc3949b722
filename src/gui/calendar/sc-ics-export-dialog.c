/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-ics-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-ics.h"
#include "sc-ics-export-dialog.h"
#include "sc-window.h"
#include "common/sc-file-chooser.h"

/*
 * ScIcsExportDialog: a period, the whole team or one person, then a file
 * to save the calendar in. The export runs in a thread; Cancel stops it.
 * Agents export only their own calendar.
 */

struct _ScIcsExportDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  ScStore        *store;
  ScSession      *session;
  GCancellable   *cancellable;    /* while exporting */
  GArray         *person_ids;     /* gint64 by row of person_row; 0 is the team */
  char           *error;

  /* Template */
  GtkButton      *cancel_button;
  GtkButton      *export_button;
  AdwEntryRow    *first_day_row;
  GtkSpinButton  *days_spin;
  AdwComboRow    *person_row;
  GtkWidget      *busy_box;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ScIcsExportDialog, sc_ics_export_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static gint64
selected_person (ScIcsExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->person_ids->len)
    return sc_session_get_person_id (self->session);

  return g_array_index (self->person_ids, gint64, selected);
}

static gboolean
is_busy (ScIcsExportDialog *self)
{
  return self->cancellable != NULL;
}

static void
update_state (ScIcsExportDialog *self)
{
  const char *first_day = gtk_editable_get_text (GTK_EDITABLE (self->first_day_row));
  gboolean valid = sc_day_is_valid (first_day);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->first_day_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->first_day_row), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), valid && !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->first_day_row), !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->days_spin), !is_busy (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->person_row), !is_busy (self) && self->person_ids->len > 1);
  gtk_widget_set_visible (self->busy_box, is_busy (self));
  gtk_spinner_set_spinning (self->spinner, is_busy (self));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL && !is_busy (self));
  gtk_label_set_text (self->error_label, self->error ? self->error : "");
}

static void
fill_people (ScIcsExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 own = sc_session_get_person_id (self->session);

  g_array_set_size (self->person_ids, 0);

  if (sc_permission_access (self->session, SC_OPERATION_ROSTER_READ) == SC_ACCESS_ALL &&
      sc_permission_access (self->session, SC_OPERATION_TIME_OFF_READ) == SC_ACCESS_ALL)
    {
      g_autoptr(GPtrArray) people = sc_store_get_people (self->store, self->session, FALSE, NULL);
      gint64 team = 0;

      gtk_string_list_append (names, _("The whole team"));
      g_array_append_val (self->person_ids, team);

      for (guint i = 0; people != NULL && i < people->len; i++)
        {
          ScPerson *person = g_ptr_array_index (people, i);
          gint64 id = sc_person_get_id (person);
          g_autofree char *label = g_strdup_printf ("%s (%s)", sc_person_get_name (person),
                                                    sc_person_get_employee_no (person));

          gtk_string_list_append (names, label);
          g_array_append_val (self->person_ids, id);
        }
    }
  else if (own != 0)
    {
      gtk_string_list_append (names, sc_session_get_display_name (self->session));
      g_array_append_val (self->person_ids, own);
    }

  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
}

static char *
suggest_name (ScIcsExportDialog *self)
{
  const char *first_day = gtk_editable_get_text (GTK_EDITABLE (self->first_day_row));
  gint64 person = selected_person (self);

  if (person != 0)
    {
      g_autoptr(ScPerson) p = sc_store_get_person (self->store, self->session, person, NULL);

      if (p != NULL)
        return g_strdup_printf ("%s-%s.ics", sc_person_get_employee_no (p), first_day);
    }

  /* TRANSLATORS: the file name offered for the whole team's calendar; %s is the first day */
  return g_strdup_printf (_("roster-%s.ics"), first_day);
}

/* Callbacks */

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ScIcsExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  guint n_events = 0;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->error, g_free);

  if (!sc_ics_export_finish (result, &n_events, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->error = g_strdup_printf (_("The calendar was not exported: %s"), error->message);
      update_state (self);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (SC_IS_WINDOW (parent))
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Exported %u event",
                                                               "Exported %u events", n_events),
                                                  n_events);

      sc_window_add_toast (SC_WINDOW (parent), adw_toast_new (message));
    }

  update_state (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_to_file (GObject *owner,
                GFile   *file)
{
  sc_ics_export_dialog_export_to_file (SC_ICS_EXPORT_DIALOG (owner), file);
}

static void
on_export_clicked_cb (ScIcsExportDialog *self)
{
  g_autofree char *name = suggest_name (self);
  const ScFileFilter filters[] = {
    { N_("iCalendar files (*.ics)"), "*.ics", "text/calendar" },
    { NULL }
  };

  sc_choose_file (G_OBJECT (self), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Save the Calendar"),
                  _("_Save"), name, filters, export_to_file);
}

static void
on_cancel_clicked_cb (ScIcsExportDialog *self)
{
  if (is_busy (self))
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_changed_cb (ScIcsExportDialog *self)
{
  g_clear_pointer (&self->error, g_free);
  update_state (self);
}

/* Overrides */

static void
sc_ics_export_dialog_dispose (GObject *object)
{
  ScIcsExportDialog *self = SC_ICS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ICS_EXPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_ics_export_dialog_parent_class)->dispose (object);
}

static void
sc_ics_export_dialog_finalize (GObject *object)
{
  ScIcsExportDialog *self = SC_ICS_EXPORT_DIALOG (object);

  g_clear_pointer (&self->person_ids, g_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sc_ics_export_dialog_parent_class)->finalize (object);
}

static void
sc_ics_export_dialog_class_init (ScIcsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_ics_export_dialog_dispose;
  object_class->finalize = sc_ics_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-ics-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, days_spin);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScIcsExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_ics_export_dialog_init (ScIcsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_ics_export_dialog_new:
 *
 * Returns: (transfer none): a new dialog over @parent, not yet shown, for
 *   the four weeks from next Monday
 */
GtkWidget *
sc_ics_export_dialog_new (GtkWindow *parent,
                          ScStore   *store,
                          ScSession *session)
{
  ScIcsExportDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
  g_autofree char *day = g_date_time_format (monday, "%Y-%m-%d");

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_ICS_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  fill_people (self);
  gtk_editable_set_text (GTK_EDITABLE (self->first_day_row), day);
  update_state (self);
  return GTK_WIDGET (self);
}

void
sc_ics_export_dialog_set_period (ScIcsExportDialog *self,
                                 const char        *first_day,
                                 int                n_days)
{
  g_return_if_fail (SC_IS_ICS_EXPORT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->first_day_row), first_day);
  gtk_spin_button_set_value (self->days_spin, n_days);
}

/**
 * sc_ics_export_dialog_set_person:
 * @person_id: whose calendar, or 0 for the whole team's
 */
void
sc_ics_export_dialog_set_person (ScIcsExportDialog *self,
                                 gint64             person_id)
{
  g_return_if_fail (SC_IS_ICS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->person_ids->len; i++)
    if (g_array_index (self->person_ids, gint64, i) == person_id)
      adw_combo_row_set_selected (self->person_row, i);
}

/**
 * sc_ics_export_dialog_export_to_file:
 *
 * Exports the chosen period and people to @file in a thread; the dialog
 * closes when it is written.
 *
 * Returns: %FALSE when the period is not valid or an export is running
 */
gboolean
sc_ics_export_dialog_export_to_file (ScIcsExportDialog *self,
                                     GFile             *file)
{
  const char *first_day;

  g_return_val_if_fail (SC_IS_ICS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  first_day = gtk_editable_get_text (GTK_EDITABLE (self->first_day_row));
  if (is_busy (self) || !sc_day_is_valid (first_day))
    return FALSE;

  g_clear_pointer (&self->error, g_free);
  self->cancellable = g_cancellable_new ();
  sc_ics_export_async (self->store, self->session, first_day,
                       gtk_spin_button_get_value_as_int (self->days_spin), selected_person (self),
                       file, self->cancellable, on_exported_cb, g_object_ref (self));
  update_state (self);
  return TRUE;
}

gboolean
sc_ics_export_dialog_is_busy (ScIcsExportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_EXPORT_DIALOG (self), FALSE);
  return is_busy (self);
}

const char *
sc_ics_export_dialog_get_error (ScIcsExportDialog *self)
{
  g_return_val_if_fail (SC_IS_ICS_EXPORT_DIALOG (self), NULL);
  return self->error;
}
