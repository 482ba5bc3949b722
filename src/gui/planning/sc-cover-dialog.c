/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-cover-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-cover-dialog.h"
#include "sc-day.h"
#include "sc-permissions.h"

/*
 * ScCoverDialog: cover requirements beyond the forecasts — “two people who
 * speak English at 09:00”, “three on every late shift on Saturday” — from a
 * day on, with a form to add one and a button to remove each.
 */

#define MAX_SHOWN 500

struct _ScCoverDialog
{
  ScStoreWindow            parent_instance;

  /* The window’s, kept here for short */
  ScStore             *store;
  ScSession           *session;

  /* Owned */
  GPtrArray           *shift_types;   /* ScShiftType; the combo's items after “A time of day” */
  GPtrArray           *skills;        /* ScSkill; the combo's items after “Anyone” */
  GPtrArray           *rows;
  char                *from_day;
  guint                n_shown;

  /* Template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *add_group;
  AdwPreferencesGroup *list_group;
  AdwEntryRow         *day_row;
  AdwComboRow         *shift_row;
  AdwEntryRow         *time_row;
  AdwComboRow         *skill_row;
  GtkSpinButton       *required_spin;
  GtkSpinButton       *under_spin;
  GtkSpinButton       *over_spin;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ScCoverDialog, sc_cover_dialog, SC_TYPE_STORE_WINDOW)

/* Helpers */

static void
set_error (ScCoverDialog *self,
           const char    *message,
           GtkWidget     *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->day_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
shift_code (ScCoverDialog *self,
            gint64         id)
{
  for (guint i = 0; i < self->shift_types->len; i++)
    if (sc_shift_type_get_id (g_ptr_array_index (self->shift_types, i)) == id)
      return sc_shift_type_get_code (g_ptr_array_index (self->shift_types, i));
  return "?";
}

static const char *
skill_name (ScCoverDialog *self,
            gint64         id)
{
  for (guint i = 0; i < self->skills->len; i++)
    if (sc_skill_get_id (g_ptr_array_index (self->skills, i)) == id)
      return sc_skill_get_name (g_ptr_array_index (self->skills, i));
  return "?";
}

static void on_remove_clicked_cb (GtkButton *button, ScCoverDialog *self);

static void
load (ScCoverDialog *self)
{
  g_autoptr(GArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  gboolean may_write = gtk_widget_get_visible (GTK_WIDGET (self->add_group));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_shown = 0;

  list = sc_store_get_cover_requirements (self->store, self->session, self->from_day, NULL, &error);
  if (list == NULL)
    {
      set_error (self, error->message, NULL);
      return;
    }

  subtitle = g_strdup_printf (ngettext ("%u requirement from %s on", "%u requirements from %s on", list->len),
                              list->len, self->from_day);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_preferences_group_set_description (self->list_group,
                                         list->len == 0 ? _("None: the forecasts alone decide the cover.") : NULL);

  for (guint i = 0; i < list->len && i < MAX_SHOWN; i++)
    {
      ScCoverRequirement *req = &g_array_index (list, ScCoverRequirement, i);
      g_autofree char *when = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle_row = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (req->shift_type_id != 0)
        /* Translators: a cover requirement on a shift, e.g. “2026-12-07 · shift L” */
        when = g_strdup_printf (_("%s · shift %s"), req->day, shift_code (self, req->shift_type_id));
      else
        when = g_strdup_printf ("%s · %02d:%02d", req->day, req->start_minute / 60, req->start_minute % 60);

      if (req->skill_id != 0)
        /* Translators: e.g. “3 people with Phone” */
        title = g_strdup_printf (ngettext ("%d person with %s", "%d people with %s", req->required),
                                 req->required, skill_name (self, req->skill_id));
      else
        title = g_strdup_printf (ngettext ("%d person", "%d people", req->required), req->required);

      /* Translators: the weights of a cover requirement */
      subtitle_row = g_strdup_printf (_("%s · weight %d short, %d over"), when, req->under_weight, req->over_weight);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_row);

      if (may_write)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Remove"));
          g_object_set_data_full (G_OBJECT (button), "requirement-id-64", g_memdup2 (&req->id, sizeof req->id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      adw_preferences_group_add (self->list_group, row);
      g_ptr_array_add (self->rows, row);
      self->n_shown++;
    }
}

static int
parse_time (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 0);
  guint64 hours, minutes;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hours, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    return -1;
  return (int) (hours * 60 + minutes);
}

/* Callbacks */

static void
on_remove_clicked_cb (GtkButton     *button,
                      ScCoverDialog *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "requirement-id-64");
  g_autoptr(GError) error = NULL;

  if (!sc_store_remove_cover_requirement (self->store, self->session, *id, &error))
    {
      set_error (self, error->message, NULL);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Requirement removed")));
  load (self);
}

static void
on_field_changed_cb (ScCoverDialog *self)
{
  set_error (self, NULL, NULL);
}

static void
on_shift_selected_cb (ScCoverDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), adw_combo_row_get_selected (self->shift_row) == 0);
}

static void
on_add_clicked_cb (ScCoverDialog *self)
{
  sc_cover_dialog_add (self);
}

/* Overrides */

static void
sc_cover_dialog_constructed (GObject *object)
{
  ScCoverDialog *self = SC_COVER_DIALOG (object);
  g_autoptr(GtkStringList) shifts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all_skills = NULL;

  G_OBJECT_CLASS (sc_cover_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->add_group),
                          sc_permission_access (self->session, SC_OPERATION_PLANNING_WRITE) == SC_ACCESS_ALL);

  self->shift_types = sc_store_get_shift_types (self->store, &error);
  if (self->shift_types == NULL)
    self->shift_types = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_string_list_append (shifts, _("A time of day"));
  for (guint i = 0; i < self->shift_types->len; i++)
    {
      ScShiftType *type = g_ptr_array_index (self->shift_types, i);
      /* Translators: a choice in “For”: a shift type, e.g. “Shift L · Late” */
      g_autofree char *label = g_strdup_printf (_("Shift %s · %s"), sc_shift_type_get_code (type),
                                                sc_shift_type_get_name (type));

      gtk_string_list_append (shifts, label);
    }
  adw_combo_row_set_model (self->shift_row, G_LIST_MODEL (shifts));

  self->skills = g_ptr_array_new_with_free_func (g_object_unref);
  all_skills = sc_store_get_skills (self->store, NULL);
  gtk_string_list_append (skills, _("Anyone"));
  for (guint i = 0; all_skills != NULL && i < all_skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (all_skills, i);
      ScSkillCategory category = sc_skill_get_category (skill);

      /* Cover asks for channels and languages; the rest is for training */
      if (category == SC_SKILL_CATEGORY_CHANNEL || category == SC_SKILL_CATEGORY_LANGUAGE)
        {
          g_ptr_array_add (self->skills, g_object_ref (skill));
          gtk_string_list_append (skills, sc_skill_get_name (skill));
        }
    }
  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skills));

  gtk_editable_set_text (GTK_EDITABLE (self->time_row), "09:00");
}

static void
sc_cover_dialog_dispose (GObject *object)
{
  ScCoverDialog *self = SC_COVER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_COVER_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shift_types, g_ptr_array_unref);
  g_clear_pointer (&self->skills, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_cover_dialog_parent_class)->dispose (object);
}

static void
sc_cover_dialog_finalize (GObject *object)
{
  ScCoverDialog *self = SC_COVER_DIALOG (object);

  g_clear_pointer (&self->from_day, g_free);

  G_OBJECT_CLASS (sc_cover_dialog_parent_class)->finalize (object);
}

static void
sc_cover_dialog_class_init (ScCoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_cover_dialog_constructed;
  object_class->dispose = sc_cover_dialog_dispose;
  object_class->finalize = sc_cover_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-cover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, day_row);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, shift_row);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, skill_row);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, required_spin);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, under_spin);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, over_spin);
  gtk_widget_class_bind_template_child (widget_class, ScCoverDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shift_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);

}

static void
sc_cover_dialog_init (ScCoverDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_cover_dialog_new:
 * @day: (nullable): show requirements from this day on; today when %NULL
 */
GtkWidget *
sc_cover_dialog_new (GtkWindow  *parent,
                     ScStore    *store,
                     ScSession  *session,
                     const char *day)
{
  ScCoverDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_COVER_DIALOG, "transient-for", parent, "store", store, "session", session, NULL);
  g_free (self->from_day);
  self->from_day = day != NULL && sc_day_is_valid (day) ? g_strdup (day) : g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), self->from_day);
  load (self);

  return GTK_WIDGET (self);
}

/**
 * sc_cover_dialog_fill:
 * @time: (nullable): a time of day, when @shift_code is %NULL
 * @shift_code: (nullable): a shift type's code
 * @skill: (nullable): a skill's name; %NULL for anyone
 *
 * Types into the form, as a user would.
 */
void
sc_cover_dialog_fill (ScCoverDialog *self,
                      const char    *day,
                      const char    *time,
                      const char    *shift_code,
                      const char    *skill,
                      int            required)
{
  g_return_if_fail (SC_IS_COVER_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->day_row), day);
  adw_combo_row_set_selected (self->shift_row, 0);
  for (guint i = 0; shift_code != NULL && i < self->shift_types->len; i++)
    if (g_ascii_strcasecmp (sc_shift_type_get_code (g_ptr_array_index (self->shift_types, i)), shift_code) == 0)
      adw_combo_row_set_selected (self->shift_row, i + 1);
  if (time != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
  adw_combo_row_set_selected (self->skill_row, 0);
  for (guint i = 0; skill != NULL && i < self->skills->len; i++)
    if (g_strcmp0 (sc_skill_get_name (g_ptr_array_index (self->skills, i)), skill) == 0)
      adw_combo_row_set_selected (self->skill_row, i + 1);
  gtk_spin_button_set_value (self->required_spin, required);
}

/**
 * sc_cover_dialog_add:
 *
 * Adds the requirement in the form; a wrong value is shown on its row.
 */
gboolean
sc_cover_dialog_add (ScCoverDialog *self)
{
  ScCoverRequirement req = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *day = gtk_editable_get_text (GTK_EDITABLE (self->day_row));
  guint shift = adw_combo_row_get_selected (self->shift_row);
  guint skill = adw_combo_row_get_selected (self->skill_row);

  g_return_val_if_fail (SC_IS_COVER_DIALOG (self), FALSE);

  if (!sc_day_is_valid (day))
    {
      message = g_strdup_printf (_("“%s” is not a day: write it as YYYY-MM-DD"), day);
      set_error (self, message, GTK_WIDGET (self->day_row));
      return FALSE;
    }
  g_strlcpy (req.day, day, sizeof req.day);

  if (shift == 0 || shift > self->shift_types->len)
    {
      const char *time = gtk_editable_get_text (GTK_EDITABLE (self->time_row));

      req.start_minute = parse_time (time);
      if (req.start_minute < 0)
        {
          message = g_strdup_printf (_("“%s” is not a time of day: write it as HH:MM, like 06:30"), time);
          set_error (self, message, GTK_WIDGET (self->time_row));
          return FALSE;
        }
    }
  else
    {
      req.start_minute = -1;
      req.shift_type_id = sc_shift_type_get_id (g_ptr_array_index (self->shift_types, shift - 1));
    }

  if (skill > 0 && skill <= self->skills->len)
    req.skill_id = sc_skill_get_id (g_ptr_array_index (self->skills, skill - 1));
  req.required = gtk_spin_button_get_value_as_int (self->required_spin);
  req.under_weight = gtk_spin_button_get_value_as_int (self->under_spin);
  req.over_weight = gtk_spin_button_get_value_as_int (self->over_spin);

  if (sc_store_save_cover_requirement (self->store, self->session, &req, &error) == 0)
    {
      set_error (self, error->message, NULL);
      return FALSE;
    }

  set_error (self, NULL, NULL);
  if (g_strcmp0 (req.day, self->from_day) < 0)
    {
      g_free (self->from_day);
      self->from_day = g_strdup (req.day);
    }
  load (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Requirement added")));
  return TRUE;
}

guint
sc_cover_dialog_get_n_shown (ScCoverDialog *self)
{
  g_return_val_if_fail (SC_IS_COVER_DIALOG (self), 0);

  return self->n_shown;
}
