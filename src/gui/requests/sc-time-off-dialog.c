/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-time-off-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-time-off-dialog.h"

/*
 * ScTimeOffDialog: asking for days off. An agent asks for themself; a
 * supervisor may enter it for anyone, and already approved.
 */

struct _ScTimeOffDialog
{
  ScStoreWindow        parent_instance;

  /* The window’s, kept here for short */
  ScStore         *store;
  ScSession       *session;

  /* Owned */
  GPtrArray       *people;     /* ScPerson, the person row's items */
  gboolean         may_decide;

  /* Template */
  GtkButton       *submit_button;
  AdwComboRow     *person_row;
  AdwComboRow     *kind_row;
  AdwEntryRow     *first_row;
  AdwEntryRow     *last_row;
  AdwEntryRow     *note_row;
  AdwActionRow    *approved_row;
  GtkSwitch       *approved_switch;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (ScTimeOffDialog, sc_time_off_dialog, SC_TYPE_STORE_WINDOW)

static void
set_error (ScTimeOffDialog *self,
           const char      *message,
           GtkWidget       *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->first_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->last_row), "error");
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Callbacks */

static void
on_field_changed_cb (ScTimeOffDialog *self)
{
  set_error (self, NULL, NULL);
}

static void
on_submit_clicked_cb (ScTimeOffDialog *self)
{
  if (sc_time_off_dialog_submit (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static void
sc_time_off_dialog_constructed (GObject *object)
{
  ScTimeOffDialog *self = SC_TIME_OFF_DIALOG (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autofree char *day = g_date_time_format (next_week, "%Y-%m-%d");

  G_OBJECT_CLASS (sc_time_off_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));

  for (ScTimeOffKind kind = 0; kind < SC_N_TIME_OFF_KINDS; kind++)
    gtk_string_list_append (kinds, sc_time_off_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->may_decide = sc_permission_access (self->session, SC_OPERATION_TIME_OFF_DECIDE) == SC_ACCESS_ALL;
  if (self->may_decide)
    {
      self->people = sc_store_get_people (self->store, self->session, FALSE, NULL);
      for (guint i = 0; self->people != NULL && i < self->people->len; i++)
        {
          ScPerson *person = g_ptr_array_index (self->people, i);

          gtk_string_list_append (names, sc_person_get_name (person));
        }
      adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
      for (guint i = 0; self->people != NULL && i < self->people->len; i++)
        if (sc_person_get_id (g_ptr_array_index (self->people, i)) == sc_session_get_person_id (self->session))
          adw_combo_row_set_selected (self->person_row, i);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->person_row), self->may_decide && self->people != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->approved_row), self->may_decide);

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), day);
}

static void
sc_time_off_dialog_dispose (GObject *object)
{
  ScTimeOffDialog *self = SC_TIME_OFF_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_TIME_OFF_DIALOG);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_time_off_dialog_parent_class)->dispose (object);
}

static void
sc_time_off_dialog_class_init (ScTimeOffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_time_off_dialog_constructed;
  object_class->dispose = sc_time_off_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-time-off-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, approved_row);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, approved_switch);
  gtk_widget_class_bind_template_child (widget_class, ScTimeOffDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);

}

static void
sc_time_off_dialog_init (ScTimeOffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_time_off_dialog_new (GtkWindow *parent,
                        ScStore   *store,
                        ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_TIME_OFF_DIALOG, "transient-for", parent, "store", store,
                       "session", session, NULL);
}

/**
 * sc_time_off_dialog_fill:
 *
 * Types into the form, as a user would.
 */
void
sc_time_off_dialog_fill (ScTimeOffDialog *self,
                         const char      *first_day,
                         const char      *last_day,
                         ScTimeOffKind    kind,
                         const char      *note)
{
  g_return_if_fail (SC_IS_TIME_OFF_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->first_row), first_day);
  gtk_editable_set_text (GTK_EDITABLE (self->last_row), last_day);
  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}

/**
 * sc_time_off_dialog_submit:
 *
 * Sends the request; a wrong value is shown on its row.
 *
 * Returns: whether it was stored
 */
gboolean
sc_time_off_dialog_submit (ScTimeOffDialog *self)
{
  g_autoptr(ScTimeOff) time_off = sc_time_off_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *message = NULL;
  const char *first = gtk_editable_get_text (GTK_EDITABLE (self->first_row));
  const char *last = gtk_editable_get_text (GTK_EDITABLE (self->last_row));
  gint64 person_id = sc_session_get_person_id (self->session);
  guint selected;

  g_return_val_if_fail (SC_IS_TIME_OFF_DIALOG (self), FALSE);

  if (!sc_day_is_valid (first))
    {
      message = g_strdup_printf (_("“%s” is not a day: write it as YYYY-MM-DD"), first);
      set_error (self, message, GTK_WIDGET (self->first_row));
      return FALSE;
    }
  if (!sc_day_is_valid (last))
    {
      message = g_strdup_printf (_("“%s” is not a day: write it as YYYY-MM-DD"), last);
      set_error (self, message, GTK_WIDGET (self->last_row));
      return FALSE;
    }

  selected = adw_combo_row_get_selected (self->person_row);
  if (self->may_decide && self->people != NULL && selected < self->people->len)
    person_id = sc_person_get_id (g_ptr_array_index (self->people, selected));

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  sc_time_off_set_person_id (time_off, person_id);
  sc_time_off_set_first_day (time_off, first);
  sc_time_off_set_last_day (time_off, last);
  sc_time_off_set_kind (time_off, adw_combo_row_get_selected (self->kind_row));
  sc_time_off_set_note (time_off, *note != '\0' ? note : NULL);
  if (self->may_decide && gtk_switch_get_active (self->approved_switch))
    sc_time_off_set_status (time_off, SC_REQUEST_STATUS_APPROVED);

  if (!sc_store_request_time_off (self->store, self->session, time_off, &error))
    {
      set_error (self, error->message, strstr (error->message, last) != NULL && g_strcmp0 (first, last) != 0
                                       ? GTK_WIDGET (self->last_row) : NULL);
      return FALSE;
    }

  return TRUE;
}
