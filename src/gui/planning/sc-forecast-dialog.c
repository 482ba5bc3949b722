/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-forecast-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-day.h"
#include "sc-erlang.h"
#include "sc-forecast-dialog.h"
#include "sc-permissions.h"

/*
 * ScForecastDialog: one channel's contacts for one day, interval by
 * interval, with the channel's service target and, next to every interval,
 * what Erlang C makes of it: the agents it takes, the service level they
 * reach, their occupancy. Editing a number updates its row at once; Save
 * writes the day's forecast and the target together.
 */

enum {
  COL_TIME,
  COL_VOLUME,
  COL_AHT,
  COL_ERLANGS,
  COL_AGENTS,
  COL_SCHEDULED,
  COL_SL,
  COL_ASA,
  COL_OCCUPANCY,
  N_COLUMNS
};

typedef struct
{
  int            start_minute;
  GtkEntry      *volume_entry;
  GtkEntry      *aht_entry;
  double         volume;
  int            aht;
  gboolean       bad;          /* a cell that is not a number */
  GtkLabel      *labels[N_COLUMNS];
  ScStaffingResult result;
  gboolean       valid;
} IntervalRow;

struct _ScForecastDialog
{
  ScStoreWindow        parent_instance;

  /* The window’s, kept here for short */
  ScStore         *store;
  ScSession       *session;

  /* Owned */
  GPtrArray       *channels;      /* ScSkill of the channel category */
  GArray          *rows;          /* IntervalRow */
  char            *day;
  gint64           channel_id;
  int              interval_minutes;
  gboolean         may_write;
  gboolean         dirty;
  gboolean         loading;

  /* Template */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *save_button;
  AdwComboRow     *channel_row;
  GtkEntry        *day_entry;
  AdwPreferencesGroup *target_group;
  GtkLabel        *total_label;
  GtkLabel        *peak_label;
  GtkLabel        *hours_label;
  GtkStack        *table_stack;
  GtkGrid         *table;
  GtkGrid         *header;

  /* Service target rows */
  GtkSpinButton   *sl_spin;
  GtkSpinButton   *seconds_spin;
  GtkSpinButton   *occupancy_spin;
  GtkSpinButton   *shrinkage_spin;
  GtkSpinButton   *default_aht_spin;
};

G_DEFINE_FINAL_TYPE (ScForecastDialog, sc_forecast_dialog, SC_TYPE_STORE_WINDOW)

static void load (ScForecastDialog *self);

/* Helpers */

static void
show_error (ScForecastDialog *self,
            const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_dirty (ScForecastDialog *self,
           gboolean          dirty)
{
  self->dirty = dirty;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), dirty && self->may_write);
}

static GtkSpinButton *
add_spin_row (ScForecastDialog *self,
              const char       *title,
              const char       *subtitle,
              double            lower,
              double            upper,
              double            step)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_sensitive (spin, self->may_write);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->target_group, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
read_target (ScForecastDialog *self,
             ScStaffingInput  *in)
{
  double occupancy = gtk_spin_button_get_value (self->occupancy_spin) / 100.0;

  in->target_sl = gtk_spin_button_get_value (self->sl_spin) / 100.0;
  in->target_seconds = gtk_spin_button_get_value (self->seconds_spin);
  in->max_occupancy = occupancy >= 1.0 ? 0.0 : occupancy;
  in->shrinkage = gtk_spin_button_get_value (self->shrinkage_spin) / 100.0;
}

static void
set_label (IntervalRow *row,
           int          column,
           char        *text)   /* (transfer full) */
{
  gtk_label_set_text (row->labels[column], text);
  g_free (text);
}

static void
compute_row (ScForecastDialog *self,
             IntervalRow      *row)
{
  ScStaffingInput in = { 0 };

  read_target (self, &in);
  in.calls = row->volume;
  in.aht_seconds = row->aht;
  in.interval_minutes = self->interval_minutes;

  row->valid = !row->bad && sc_erlang_required_agents (&in, &row->result, NULL);
  if (!row->valid)
    {
      for (int c = COL_ERLANGS; c < N_COLUMNS; c++)
        gtk_label_set_text (row->labels[c], "—");
      return;
    }

  set_label (row, COL_ERLANGS, g_strdup_printf ("%.2f", row->result.erlangs));
  set_label (row, COL_AGENTS, g_strdup_printf ("%d", row->result.agents));
  set_label (row, COL_SCHEDULED, g_strdup_printf ("%d", row->result.scheduled));
  if (row->result.agents == 0)
    {
      gtk_label_set_text (row->labels[COL_SL], "");
      gtk_label_set_text (row->labels[COL_ASA], "");
      gtk_label_set_text (row->labels[COL_OCCUPANCY], "");
      return;
    }
  set_label (row, COL_SL, g_strdup_printf (_("%.1f %%"), row->result.service_level * 100.0));
  set_label (row, COL_ASA, isfinite (row->result.asa_seconds)
                           ? g_strdup_printf (_("%.1f s"), row->result.asa_seconds) : g_strdup ("∞"));
  set_label (row, COL_OCCUPANCY, g_strdup_printf (_("%.1f %%"), row->result.occupancy * 100.0));
}

static void
update_summary (ScForecastDialog *self)
{
  double total = 0, hours = 0;
  int peak = 0;
  char *text;

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      total += row->volume;
      if (row->valid)
        {
          peak = MAX (peak, row->result.agents);
          hours += row->result.scheduled * self->interval_minutes / 60.0;
        }
    }

  text = g_strdup_printf ("%.0f", total);
  gtk_label_set_text (self->total_label, text);
  g_free (text);
  text = g_strdup_printf ("%d", peak);
  gtk_label_set_text (self->peak_label, text);
  g_free (text);
  /* Translators: hours of work, e.g. “412.5 h” */
  text = g_strdup_printf (_("%.1f h"), hours);
  gtk_label_set_text (self->hours_label, text);
  g_free (text);
}

static void
recompute_all (ScForecastDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    compute_row (self, &g_array_index (self->rows, IntervalRow, i));
  update_summary (self);
}

static char *
format_volume (double volume)
{
  return volume == (int) volume ? g_strdup_printf ("%d", (int) volume) : g_strdup_printf ("%.1f", volume);
}

/* Reads a row's cells; a cell that is not a number in range is marked */
static void
parse_row (IntervalRow *row)
{
  const char *volume_text = gtk_editable_get_text (GTK_EDITABLE (row->volume_entry));
  const char *aht_text = gtk_editable_get_text (GTK_EDITABLE (row->aht_entry));
  g_autofree char *volume_copy = g_strstrip (g_strdup (volume_text));
  char *end = NULL;
  guint64 aht = 0;
  double volume;
  gboolean volume_ok, aht_ok;

  volume = *volume_copy == '\0' ? 0 : g_ascii_strtod (volume_copy, &end);
  volume_ok = (*volume_copy == '\0' || (end != NULL && *end == '\0')) && volume >= 0 && volume <= 100000;
  aht_ok = g_ascii_string_to_unsigned (aht_text, 10, 1, 7200, &aht, NULL);

  if (volume_ok)
    {
      row->volume = volume;
      gtk_widget_remove_css_class (GTK_WIDGET (row->volume_entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->volume_entry), "error");

  if (aht_ok)
    {
      row->aht = (int) aht;
      gtk_widget_remove_css_class (GTK_WIDGET (row->aht_entry), "error");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->aht_entry), "error");

  row->bad = !volume_ok || !aht_ok;
}

static void
set_row (IntervalRow *row,
         double       volume,
         int          aht)
{
  g_autofree char *volume_text = format_volume (volume);
  g_autofree char *aht_text = g_strdup_printf ("%d", aht);

  gtk_editable_set_text (GTK_EDITABLE (row->volume_entry), volume_text);
  gtk_editable_set_text (GTK_EDITABLE (row->aht_entry), aht_text);
  row->volume = volume;
  row->aht = aht;
  row->bad = FALSE;
}

static void
on_row_changed_cb (GtkEditable      *entry,
                   ScForecastDialog *self)
{
  if (self->loading)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      if (GTK_EDITABLE (row->volume_entry) == entry || GTK_EDITABLE (row->aht_entry) == entry)
        {
          parse_row (row);
          compute_row (self, row);
        }
    }

  update_summary (self);
  set_dirty (self, TRUE);
}

static void
on_target_changed_cb (ScForecastDialog *self)
{
  if (self->loading)
    return;

  recompute_all (self);
  set_dirty (self, TRUE);
}

/* Header and body are two grids, so that the header stays in view: the
 * columns have fixed widths to line up */
static const int column_widths[N_COLUMNS] = { 52, 80, 80, 72, 64, 96, 112, 88, 96 };

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  return label;
}

static void
build_table (ScForecastDialog *self)
{
  const char *headers[N_COLUMNS] = {
    C_("forecast column", "Time"),
    C_("forecast column", "Contacts"),
    /* Translators: average handling time in seconds; keep it short */
    C_("forecast column", "AHT (s)"),
    C_("forecast column", "Erlangs"),
    C_("forecast column", "Agents"),
    C_("forecast column", "Scheduled"),
    C_("forecast column", "Service level"),
    /* Translators: average speed of answer; keep it short */
    C_("forecast column", "ASA"),
    C_("forecast column", "Occupancy"),
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header))) != NULL)
    gtk_grid_remove (self->header, child);
  g_array_set_size (self->rows, 0);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = header_label (headers[c]);

      gtk_widget_set_size_request (label, column_widths[c], -1);
      gtk_grid_attach (self->header, label, c, 0, 1, 1);
    }

  for (int start = 0, r = 1; start < 24 * 60; start += self->interval_minutes, r++)
    {
      IntervalRow row = { .start_minute = start };
      g_autofree char *time = g_strdup_printf ("%02d:%02d", start / 60, start % 60);
      char *accessible;
      GtkWidget *label;

      label = gtk_label_new (time);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_size_request (label, column_widths[COL_TIME], -1);
      row.labels[COL_TIME] = GTK_LABEL (label);
      gtk_grid_attach (self->table, label, COL_TIME, r, 1, 1);

      row.volume_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (row.volume_entry), 3);
      gtk_widget_set_size_request (GTK_WIDGET (row.volume_entry), column_widths[COL_VOLUME], -1);
      gtk_editable_set_alignment (GTK_EDITABLE (row.volume_entry), 1.0);
      gtk_entry_set_input_purpose (row.volume_entry, GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_sensitive (GTK_WIDGET (row.volume_entry), self->may_write);
      /* Translators: the accessible name of a forecast cell, e.g. “Contacts at 09:30” */
      accessible = g_strdup_printf (_("Contacts at %s"), time);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.volume_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_free (accessible);
      g_signal_connect (row.volume_entry, "changed", G_CALLBACK (on_row_changed_cb), self);
      gtk_grid_attach (self->table, GTK_WIDGET (row.volume_entry), COL_VOLUME, r, 1, 1);

      row.aht_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (row.aht_entry), 3);
      gtk_widget_set_size_request (GTK_WIDGET (row.aht_entry), column_widths[COL_AHT], -1);
      gtk_editable_set_alignment (GTK_EDITABLE (row.aht_entry), 1.0);
      gtk_entry_set_input_purpose (row.aht_entry, GTK_INPUT_PURPOSE_DIGITS);
      gtk_widget_set_sensitive (GTK_WIDGET (row.aht_entry), self->may_write);
      accessible = g_strdup_printf (_("Handling time at %s"), time);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.aht_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_free (accessible);
      g_signal_connect (row.aht_entry, "changed", G_CALLBACK (on_row_changed_cb), self);
      gtk_grid_attach (self->table, GTK_WIDGET (row.aht_entry), COL_AHT, r, 1, 1);

      for (int c = COL_ERLANGS; c < N_COLUMNS; c++)
        {
          label = gtk_label_new ("");
          gtk_widget_set_size_request (label, column_widths[c], -1);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          gtk_widget_add_css_class (label, "numeric");
          if (c == COL_SCHEDULED)
            gtk_widget_add_css_class (label, "heading");
          row.labels[c] = GTK_LABEL (label);
          gtk_grid_attach (self->table, label, c, r, 1, 1);
        }

      g_array_append_val (self->rows, row);
    }
}

/* Brings the first interval with contacts into view, once laid out */
static gboolean
scroll_to_busy_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  ScForecastDialog *self = SC_FORECAST_DIALOG (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->table), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);
      double x, y;

      if (row->volume <= 0)
        continue;

      /* One interval above it, so the eye sees where the day starts */
      if (i > 0)
        row = &g_array_index (self->rows, IntervalRow, i - 1);
      /* Not laid out yet: try on the next frame */
      if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
        return G_SOURCE_CONTINUE;
      if (gtk_widget_translate_coordinates (GTK_WIDGET (row->volume_entry), GTK_WIDGET (self->table), 0, 0, &x, &y))
        gtk_adjustment_set_value (adjustment, y);
      break;
    }

  return G_SOURCE_REMOVE;
}

static ScSkill *
current_channel (ScForecastDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->channel_row);

  if (self->channels == NULL || selected >= self->channels->len)
    return NULL;
  return g_ptr_array_index (self->channels, selected);
}

static void
load (ScForecastDialog *self)
{
  g_autoptr(ScServiceTarget) target = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  ScSkill *channel = current_channel (self);
  int default_aht = 300;

  if (channel == NULL)
    {
      gtk_stack_set_visible_child_name (self->table_stack, "empty");
      gtk_widget_set_sensitive (GTK_WIDGET (self->target_group), FALSE);
      return;
    }

  self->channel_id = sc_skill_get_id (channel);
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), self->day);
  subtitle = g_strdup_printf ("%s · %s", sc_skill_get_name (channel), self->day);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  target = sc_store_get_service_target (self->store, self->session, self->channel_id, &error);
  if (error == NULL)
    points = sc_store_get_forecast (self->store, self->session, self->channel_id, self->day, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->loading = TRUE;

  if (target != NULL)
    {
      gtk_spin_button_set_value (self->sl_spin, sc_service_target_get_service_level (target) * 100.0);
      gtk_spin_button_set_value (self->seconds_spin, sc_service_target_get_target_seconds (target));
      gtk_spin_button_set_value (self->occupancy_spin, sc_service_target_get_max_occupancy (target) * 100.0);
      gtk_spin_button_set_value (self->shrinkage_spin, sc_service_target_get_shrinkage (target) * 100.0);
      default_aht = sc_service_target_get_aht_seconds (target);
    }
  else
    {
      gtk_spin_button_set_value (self->sl_spin, 80);
      gtk_spin_button_set_value (self->seconds_spin, 20);
      gtk_spin_button_set_value (self->occupancy_spin, 85);
      gtk_spin_button_set_value (self->shrinkage_spin, 30);
    }
  gtk_spin_button_set_value (self->default_aht_spin, default_aht);

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      set_row (row, 0, default_aht);
    }

  /* A point between two rows (another interval length) goes to the row it
   * falls in, adding its contacts */
  for (guint i = 0; i < points->len; i++)
    {
      ScForecastPoint *point = &g_array_index (points, ScForecastPoint, i);
      guint r = point->start_minute / self->interval_minutes;

      if (r < self->rows->len)
        {
          IntervalRow *row = &g_array_index (self->rows, IntervalRow, r);

          set_row (row, row->volume + point->volume, point->aht_seconds);
        }
    }

  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->table_stack, "table");
  recompute_all (self);
  set_dirty (self, FALSE);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_busy_cb, NULL, NULL);
}

/* Switching away from unsaved changes asks first */

typedef struct
{
  ScForecastDialog *self;
  char             *day;
  guint             channel;
  gboolean          close;
} PendingSwitch;

static void
apply_switch (ScForecastDialog *self,
              const char       *day,
              guint             channel)
{
  if (day != NULL)
    {
      g_free (self->day);
      self->day = g_strdup (day);
    }
  self->loading = TRUE;
  adw_combo_row_set_selected (self->channel_row, channel);
  self->loading = FALSE;
  load (self);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PendingSwitch    *pending)
{
  ScForecastDialog *self = pending->self;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && !sc_forecast_dialog_save (self, &error))
    show_error (self, error->message);
  else if (g_strcmp0 (response, "save") == 0 || g_strcmp0 (response, "discard") == 0)
    {
      set_dirty (self, FALSE);
      if (pending->close)
        gtk_window_destroy (GTK_WINDOW (self));
      else
        apply_switch (self, pending->day, pending->channel);
    }
  else
    {
      /* Put the controls back as they were */
      gtk_editable_set_text (GTK_EDITABLE (self->day_entry), self->day);
      self->loading = TRUE;
      for (guint i = 0; self->channels != NULL && i < self->channels->len; i++)
        if (sc_skill_get_id (g_ptr_array_index (self->channels, i)) == self->channel_id)
          adw_combo_row_set_selected (self->channel_row, i);
      self->loading = FALSE;
    }

  g_object_unref (pending->self);
  g_free (pending->day);
  g_free (pending);
}

static void
request_switch (ScForecastDialog *self,
                const char       *day,
                guint             channel,
                gboolean          close)
{
  PendingSwitch *pending;
  GtkWidget *dialog;

  if (!self->dirty)
    {
      if (close)
        gtk_window_destroy (GTK_WINDOW (self));
      else
        apply_switch (self, day, channel);
      return;
    }

  pending = g_new0 (PendingSwitch, 1);
  pending->self = g_object_ref (self);
  pending->day = g_strdup (day != NULL ? day : self->day);
  pending->channel = channel;
  pending->close = close;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                   _("The forecast shown has changes that are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_day (ScForecastDialog *self,
          int               delta)
{
  g_autoptr(GDateTime) day = sc_day_parse (self->day);
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *text = NULL;

  if (day == NULL)
    return;

  next = g_date_time_add_days (day, delta);
  text = g_date_time_format (next, "%Y-%m-%d");
  request_switch (self, text, adw_combo_row_get_selected (self->channel_row), FALSE);
}

/* Callbacks */

static void
on_previous_day_cb (ScForecastDialog *self)
{
  move_day (self, -1);
}

static void
on_next_day_cb (ScForecastDialog *self)
{
  move_day (self, 1);
}

static void
on_day_activate_cb (ScForecastDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->day_entry));

  if (!sc_day_is_valid (text))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a day: write it as YYYY-MM-DD"), text);

      gtk_widget_add_css_class (GTK_WIDGET (self->day_entry), "error");
      show_error (self, message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->day_entry), "error");
  request_switch (self, text, adw_combo_row_get_selected (self->channel_row), FALSE);
}

static void
on_channel_selected_cb (ScForecastDialog *self)
{
  if (self->loading || self->channels == NULL)
    return;

  if (current_channel (self) != NULL && sc_skill_get_id (current_channel (self)) == self->channel_id)
    return;

  request_switch (self, NULL, adw_combo_row_get_selected (self->channel_row), FALSE);
}

static void
on_save_clicked_cb (ScForecastDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!sc_forecast_dialog_save (self, &error))
    show_error (self, error->message);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Forecast saved")));
}

static gboolean
on_close_request_cb (ScForecastDialog *self)
{
  if (!self->dirty)
    return FALSE;

  /* Ask like any other switch; closing is a switch to nothing */
  request_switch (self, NULL, adw_combo_row_get_selected (self->channel_row), TRUE);
  return TRUE;
}

/* Overrides */

static void
sc_forecast_dialog_constructed (GObject *object)
{
  ScForecastDialog *self = SC_FORECAST_DIALOG (object);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sc_forecast_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));

  self->may_write = sc_permission_access (self->session, SC_OPERATION_PLANNING_WRITE) == SC_ACCESS_ALL;
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->may_write);

  self->sl_spin = add_spin_row (self, _("Service level"), _("Percent of contacts answered in time"), 1, 99, 1);
  self->seconds_spin = add_spin_row (self, _("Answered within"), _("Seconds"), 0, 3600, 5);
  self->occupancy_spin = add_spin_row (self, _("Maximum occupancy"), _("Percent; 100 for no limit"), 10, 100, 1);
  self->shrinkage_spin = add_spin_row (self, _("Shrinkage"), _("Percent of paid time off the phones"), 0, 90, 1);
  self->default_aht_spin = add_spin_row (self, _("Usual handling time"), _("Seconds, for new intervals"), 1, 7200, 10);
  g_signal_connect_swapped (self->sl_spin, "value-changed", G_CALLBACK (on_target_changed_cb), self);
  g_signal_connect_swapped (self->seconds_spin, "value-changed", G_CALLBACK (on_target_changed_cb), self);
  g_signal_connect_swapped (self->occupancy_spin, "value-changed", G_CALLBACK (on_target_changed_cb), self);
  g_signal_connect_swapped (self->shrinkage_spin, "value-changed", G_CALLBACK (on_target_changed_cb), self);
  g_signal_connect_swapped (self->default_aht_spin, "value-changed", G_CALLBACK (on_target_changed_cb), self);

  team = sc_store_get_team (self->store, NULL);
  self->interval_minutes = team != NULL ? sc_team_get_interval_minutes (team) : 30;
  if (self->interval_minutes <= 0)
    self->interval_minutes = 30;

  self->channels = g_ptr_array_new_with_free_func (g_object_unref);
  skills = sc_store_get_skills (self->store, &error);
  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);

      if (sc_skill_get_category (skill) == SC_SKILL_CATEGORY_CHANNEL)
        {
          g_ptr_array_add (self->channels, g_object_ref (skill));
          gtk_string_list_append (names, sc_skill_get_name (skill));
        }
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (names));
  self->loading = FALSE;
  g_signal_connect_swapped (self->channel_row, "notify::selected", G_CALLBACK (on_channel_selected_cb), self);

  build_table (self);
}

static void
sc_forecast_dialog_dispose (GObject *object)
{
  ScForecastDialog *self = SC_FORECAST_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_FORECAST_DIALOG);
  g_clear_pointer (&self->channels, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_forecast_dialog_parent_class)->dispose (object);
}

static void
sc_forecast_dialog_finalize (GObject *object)
{
  ScForecastDialog *self = SC_FORECAST_DIALOG (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (sc_forecast_dialog_parent_class)->finalize (object);
}

static void
sc_forecast_dialog_class_init (ScForecastDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_forecast_dialog_constructed;
  object_class->dispose = sc_forecast_dialog_dispose;
  object_class->finalize = sc_forecast_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-forecast-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, day_entry);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, target_group);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, peak_label);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, hours_label);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, table_stack);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, table);
  gtk_widget_class_bind_template_child (widget_class, ScForecastDialog, header);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

}

static void
sc_forecast_dialog_init (ScForecastDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (IntervalRow));
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "close-request", G_CALLBACK (on_close_request_cb), self);
}

/* Public API */

GtkWidget *
sc_forecast_dialog_new (GtkWindow  *parent,
                        ScStore    *store,
                        ScSession  *session,
                        const char *day)
{
  ScForecastDialog *self;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_FORECAST_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);

  if (day != NULL && sc_day_is_valid (day))
    sc_forecast_dialog_select (self, NULL, day);
  else
    {
      now = g_date_time_new_now_local ();
      g_free (self->day);
      self->day = g_date_time_format (now, "%Y-%m-%d");
      load (self);
    }

  return GTK_WIDGET (self);
}

/**
 * sc_forecast_dialog_select:
 * @channel: (nullable): a channel's name, or %NULL for the one shown
 * @day: (nullable): a day, or %NULL for the one shown
 *
 * Shows another channel or day, dropping unsaved changes.
 */
void
sc_forecast_dialog_select (ScForecastDialog *self,
                           const char       *channel,
                           const char       *day)
{
  guint index = adw_combo_row_get_selected (self->channel_row);

  g_return_if_fail (SC_IS_FORECAST_DIALOG (self));

  for (guint i = 0; channel != NULL && i < self->channels->len; i++)
    if (g_strcmp0 (sc_skill_get_name (g_ptr_array_index (self->channels, i)), channel) == 0)
      index = i;

  set_dirty (self, FALSE);
  if (day != NULL || self->day == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      apply_switch (self, day != NULL ? day : today, index);
    }
  else
    apply_switch (self, NULL, index);
}

/**
 * sc_forecast_dialog_set_volume:
 *
 * Types @volume into the row starting at @start_minute, as a user would.
 */
void
sc_forecast_dialog_set_volume (ScForecastDialog *self,
                               int               start_minute,
                               double            volume)
{
  g_return_if_fail (SC_IS_FORECAST_DIALOG (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      if (row->start_minute == start_minute)
        {
          g_autofree char *text = format_volume (volume);

          gtk_editable_set_text (GTK_EDITABLE (row->volume_entry), text);
        }
    }
}

/**
 * sc_forecast_dialog_get_agents:
 *
 * Returns: the agents the row starting at @start_minute needs, or -1
 */
int
sc_forecast_dialog_get_agents (ScForecastDialog *self,
                               int               start_minute)
{
  g_return_val_if_fail (SC_IS_FORECAST_DIALOG (self), -1);

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      if (row->start_minute == start_minute)
        return row->valid ? row->result.agents : -1;
    }

  return -1;
}

/**
 * sc_forecast_dialog_save:
 *
 * Writes the service target and the day's forecast in one transaction:
 * the intervals from the first with contacts to the last, so that each
 * keeps its length.
 */
gboolean
sc_forecast_dialog_save (ScForecastDialog  *self,
                         GError           **error)
{
  g_autoptr(ScServiceTarget) target = g_object_new (SC_TYPE_SERVICE_TARGET, NULL);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScForecastPoint));
  ScStaffingInput in = { 0 };
  int first = -1, last = -1;

  g_return_val_if_fail (SC_IS_FORECAST_DIALOG (self), FALSE);

  if (self->channel_id == 0)
    return TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);

      if (row->bad)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("The interval at %02d:%02d needs a number of contacts (0 or more) and a handling time"
                         " from 1 to 7,200 seconds"),
                       row->start_minute / 60, row->start_minute % 60);
          gtk_widget_grab_focus (GTK_WIDGET (row->volume_entry));
          return FALSE;
        }
    }

  read_target (self, &in);
  sc_service_target_set_skill_id (target, self->channel_id);
  sc_service_target_set_service_level (target, in.target_sl);
  sc_service_target_set_target_seconds (target, (int) in.target_seconds);
  sc_service_target_set_max_occupancy (target, in.max_occupancy > 0 ? in.max_occupancy : 1.0);
  sc_service_target_set_shrinkage (target, in.shrinkage);
  sc_service_target_set_aht_seconds (target, gtk_spin_button_get_value_as_int (self->default_aht_spin));

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, IntervalRow, i).volume > 0)
      {
        if (first < 0)
          first = i;
        last = i;
      }

  for (int i = first; first >= 0 && i <= last; i++)
    {
      IntervalRow *row = &g_array_index (self->rows, IntervalRow, i);
      ScForecastPoint point = {
        .start_minute = row->start_minute,
        .volume = row->volume,
        .aht_seconds = row->aht,
      };

      g_array_append_val (points, point);
    }

  if (!sc_store_begin (self->store, error))
    return FALSE;

  if (!sc_store_set_service_target (self->store, self->session, target, error) ||
      !sc_store_set_forecast (self->store, self->session, self->channel_id, self->day,
                              (const ScForecastPoint *) (gpointer) points->data, points->len, error) ||
      !sc_store_commit (self->store, error))
    {
      sc_store_rollback (self->store);
      return FALSE;
    }

  set_dirty (self, FALSE);
  return TRUE;
}
