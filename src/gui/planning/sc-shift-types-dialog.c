/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-shift-types-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-permissions.h"
#include "sc-shift-types-dialog.h"

/*
 * ScShiftTypesDialog: the team's shift types, and a form below the list to
 * add one or change the one picked. Those who may not change planning see
 * the list only.
 */

struct _ScShiftTypesDialog
{
  ScStoreWindow            parent_instance;

  /* The window’s, kept here for short */
  ScStore             *store;
  ScSession           *session;

  /* Owned */
  GPtrArray           *types;       /* ScShiftType */
  GPtrArray           *rows;        /* rows in list_group */
  ScShiftType         *editing;     /* NULL for a new one */

  /* Template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkButton           *new_button;
  AdwPreferencesGroup *list_group;
  AdwPreferencesGroup *edit_group;
  AdwEntryRow         *code_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *length_row;
  GtkSpinButton       *break_spin;
  GtkLabel            *paid_label;
  AdwComboRow         *category_row;
  GtkColorButton      *colour_button;
  GtkLabel            *error_label;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (ScShiftTypesDialog, sc_shift_types_dialog, SC_TYPE_STORE_WINDOW)

/* Helpers */

/* “6:30”, “06:30” or “8” (hours) → minutes; -1 when it is not a time */
static int
parse_clock (const char *text,
             int         max_hours)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *copy = NULL;
  guint64 hours, minutes = 0;

  if (text == NULL)
    return -1;

  copy = g_strstrip (g_strdup (text));
  parts = g_strsplit (copy, ":", 0);

  if (g_strv_length (parts) < 1 || g_strv_length (parts) > 2)
    return -1;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, max_hours, &hours, NULL))
    return -1;
  if (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    return -1;
  if (hours * 60 + minutes > (guint64) max_hours * 60)
    return -1;

  return (int) (hours * 60 + minutes);
}

static char *
format_minutes (int minutes)
{
  return g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);
}

static void
set_error (ScShiftTypesDialog *self,
           const char         *message,
           GtkWidget          *row)
{
  AdwEntryRow *rows[] = { self->code_row, self->name_row, self->start_row, self->length_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_paid (ScShiftTypesDialog *self)
{
  int length = parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->length_row)), 24);
  int breaks = gtk_spin_button_get_value_as_int (self->break_spin);
  g_autofree char *text = NULL;

  if (length < 0 || breaks >= length)
    text = g_strdup ("—");
  else
    /* Translators: paid time of a shift, e.g. “7:30 h” */
    text = g_strdup_printf (_("%d:%02d h"), (length - breaks) / 60, (length - breaks) % 60);
  gtk_label_set_text (self->paid_label, text);
}

static void
set_colour (ScShiftTypesDialog *self,
            const char         *colour)
{
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#3584e4");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
}

static char *
get_colour (ScShiftTypesDialog *self)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  return g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5), (int) (rgba.green * 255 + 0.5),
                          (int) (rgba.blue * 255 + 0.5));
}

static void
show_form (ScShiftTypesDialog *self,
           ScShiftType        *type)
{
  g_autofree char *start = NULL;
  g_autofree char *length = NULL;

  g_set_object (&self->editing, type);
  set_error (self, NULL, NULL);

  if (type == NULL)
    {
      adw_preferences_group_set_title (self->edit_group, _("New Shift Type"));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), "09:00");
      gtk_editable_set_text (GTK_EDITABLE (self->length_row), "8:00");
      gtk_spin_button_set_value (self->break_spin, 30);
      adw_combo_row_set_selected (self->category_row, SC_SHIFT_CATEGORY_DAY);
      set_colour (self, "#3584e4");
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Shift Type %s"), sc_shift_type_get_code (type));

      adw_preferences_group_set_title (self->edit_group, title);
      start = g_strdup_printf ("%02d:%02d", sc_shift_type_get_start_minute (type) / 60,
                               sc_shift_type_get_start_minute (type) % 60);
      length = format_minutes (sc_shift_type_get_length_minutes (type));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), sc_shift_type_get_code (type));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sc_shift_type_get_name (type));
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
      gtk_editable_set_text (GTK_EDITABLE (self->length_row), length);
      gtk_spin_button_set_value (self->break_spin, sc_shift_type_get_break_minutes (type));
      adw_combo_row_set_selected (self->category_row, sc_shift_type_get_category (type));
      set_colour (self, sc_shift_type_get_colour (type));
    }

  update_paid (self);
}

static GtkWidget *
colour_swatch (const char *colour)
{
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkCssProvider *provider = gtk_css_provider_new ();
  g_autofree char *css = g_strdup_printf ("* { background-color: %s; border-radius: 6px; }", colour);

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (swatch), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
  gtk_widget_set_size_request (swatch, 24, 24);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  return swatch;
}

static void on_row_activated_cb (AdwActionRow *row, ScShiftTypesDialog *self);

static void
load_types (ScShiftTypesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->types, g_ptr_array_unref);

  self->types = sc_store_get_shift_types (self->store, &error);
  if (self->types == NULL)
    {
      set_error (self, error->message, NULL);
      return;
    }

  subtitle = g_strdup_printf (ngettext ("%u shift type", "%u shift types", self->types->len), self->types->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (guint i = 0; i < self->types->len; i++)
    {
      ScShiftType *type = g_ptr_array_index (self->types, i);
      int start = sc_shift_type_get_start_minute (type);
      int end = (start + sc_shift_type_get_length_minutes (type)) % (24 * 60);
      int paid = sc_shift_type_get_paid_minutes (type);
      g_autofree char *title = g_strdup_printf ("%s · %s", sc_shift_type_get_code (type),
                                                sc_shift_type_get_name (type));
      g_autofree char *times = NULL;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a shift's times, kind and paid time, e.g. “22:00–06:00 · Night · 7:30 h paid” */
      times = g_strdup_printf (_("%02d:%02d–%02d:%02d · %s · %d:%02d h paid"), start / 60, start % 60,
                               end / 60, end % 60, sc_shift_category_get_label (sc_shift_type_get_category (type)),
                               paid / 60, paid % 60);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), times);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), colour_swatch (sc_shift_type_get_colour (type)));
      if (gtk_widget_get_visible (GTK_WIDGET (self->edit_group)))
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "shift-type", type);
          g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
        }
      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->types->len == 0)
    adw_preferences_group_set_description (self->list_group, _("There are no shift types yet. Add the team’s first below."));
}

/* Callbacks */

static void
on_row_activated_cb (AdwActionRow       *row,
                     ScShiftTypesDialog *self)
{
  show_form (self, g_object_get_data (G_OBJECT (row), "shift-type"));
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
on_new_clicked_cb (ScShiftTypesDialog *self)
{
  show_form (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
on_field_changed_cb (ScShiftTypesDialog *self)
{
  set_error (self, NULL, NULL);
}

static void
on_length_changed_cb (ScShiftTypesDialog *self)
{
  set_error (self, NULL, NULL);
  update_paid (self);
}

static void
on_save_clicked_cb (ScShiftTypesDialog *self)
{
  sc_shift_types_dialog_save (self);
}

/* Overrides */

static void
sc_shift_types_dialog_constructed (GObject *object)
{
  ScShiftTypesDialog *self = SC_SHIFT_TYPES_DIALOG (object);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  gboolean may_write;

  G_OBJECT_CLASS (sc_shift_types_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));

  for (ScShiftCategory category = 0; category <= SC_SHIFT_CATEGORY_NIGHT; category++)
    gtk_string_list_append (categories, sc_shift_category_get_label (category));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  may_write = sc_permission_access (self->session, SC_OPERATION_PLANNING_WRITE) == SC_ACCESS_ALL;
  gtk_widget_set_visible (GTK_WIDGET (self->edit_group), may_write);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), may_write);

  load_types (self);
  show_form (self, NULL);
}

static void
sc_shift_types_dialog_dispose (GObject *object)
{
  ScShiftTypesDialog *self = SC_SHIFT_TYPES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SHIFT_TYPES_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (sc_shift_types_dialog_parent_class)->dispose (object);
}

static void
sc_shift_types_dialog_class_init (ScShiftTypesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_shift_types_dialog_constructed;
  object_class->dispose = sc_shift_types_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-shift-types-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, new_button);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, edit_group);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, length_row);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, break_spin);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, paid_label);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, colour_button);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScShiftTypesDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_length_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

}

static void
sc_shift_types_dialog_init (ScShiftTypesDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_shift_types_dialog_new (GtkWindow *parent,
                           ScStore   *store,
                           ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_SHIFT_TYPES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * sc_shift_types_dialog_edit:
 * @code: (nullable): a shift type's code, or %NULL for a new one
 */
void
sc_shift_types_dialog_edit (ScShiftTypesDialog *self,
                            const char         *code)
{
  g_return_if_fail (SC_IS_SHIFT_TYPES_DIALOG (self));

  for (guint i = 0; code != NULL && i < self->types->len; i++)
    if (g_ascii_strcasecmp (sc_shift_type_get_code (g_ptr_array_index (self->types, i)), code) == 0)
      {
        show_form (self, g_ptr_array_index (self->types, i));
        return;
      }

  show_form (self, NULL);
}

/**
 * sc_shift_types_dialog_fill:
 *
 * Types into the form, as a user would.
 */
void
sc_shift_types_dialog_fill (ScShiftTypesDialog *self,
                            const char         *code,
                            const char         *name,
                            const char         *start,
                            const char         *length,
                            int                 break_minutes)
{
  g_return_if_fail (SC_IS_SHIFT_TYPES_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->length_row), length);
  gtk_spin_button_set_value (self->break_spin, break_minutes);
}

/**
 * sc_shift_types_dialog_save:
 *
 * Saves the form; a wrong value is shown under it, on its row.
 *
 * Returns: whether it was saved
 */
gboolean
sc_shift_types_dialog_save (ScShiftTypesDialog *self)
{
  g_autoptr(ScShiftType) type = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  int start, length, breaks;

  g_return_val_if_fail (SC_IS_SHIFT_TYPES_DIALOG (self), FALSE);

  start = parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), 23);
  if (start < 0)
    {
      message = g_strdup_printf (_("“%s” is not a time of day: write it as HH:MM, like 06:30"),
                                 gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
      set_error (self, message, GTK_WIDGET (self->start_row));
      return FALSE;
    }

  length = parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->length_row)), 24);
  if (length <= 0)
    {
      message = g_strdup_printf (_("“%s” is not a length: write hours and minutes, like 8:00"),
                                 gtk_editable_get_text (GTK_EDITABLE (self->length_row)));
      set_error (self, message, GTK_WIDGET (self->length_row));
      return FALSE;
    }

  breaks = gtk_spin_button_get_value_as_int (self->break_spin);
  colour = get_colour (self);
  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  /* A copy: the one in the list stays as stored until the save succeeds */
  type = g_object_new (SC_TYPE_SHIFT_TYPE,
                       "code", code,
                       "name", name,
                       "start-minute", start,
                       "length-minutes", length,
                       "break-minutes", breaks,
                       "paid-minutes", MAX (length - breaks, 0),
                       "colour", colour,
                       "category", (int) adw_combo_row_get_selected (self->category_row),
                       NULL);
  if (self->editing != NULL)
    sc_shift_type_set_id (type, sc_shift_type_get_id (self->editing));

  if (!sc_store_save_shift_type (self->store, self->session, type, &error))
    {
      GtkWidget *row = NULL;

      if (*code == '\0' || g_utf8_strlen (code, -1) > 8 ||
          g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT))
        row = GTK_WIDGET (self->code_row);
      else if (*name == '\0')
        row = GTK_WIDGET (self->name_row);
      else if (breaks >= length)
        row = NULL;
      else
        row = GTK_WIDGET (self->length_row);
      set_error (self, error->message, row);
      return FALSE;
    }

  load_types (self);
  sc_shift_types_dialog_edit (self, code);
  message = g_strdup_printf (_("Shift type %s saved"), code);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  return TRUE;
}

guint
sc_shift_types_dialog_get_n_types (ScShiftTypesDialog *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPES_DIALOG (self), 0);

  return self->types != NULL ? self->types->len : 0;
}
