/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-schedule-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-schedule-page.h"
#include "calendar/sc-ics-export-dialog.h"
#include "requests/sc-swap-dialog.h"

/*
 * ScSchedulePage: “My Schedule” — the signed-in person's shifts from
 * published rosters, their time off and the public holidays, a week or a
 * month at a time, with a button to put them in their own calendar.
 */

struct _ScSchedulePage
{
  ScPage           parent_instance;

  GDateTime       *anchor;      /* a day in the period shown */
  gboolean         month;
  char            *first_day;   /* of the grid */
  guint            n_shifts;
  guint            n_days_off;
  double           hours;

  /* Template */
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkButton       *export_button;
  GtkGrid         *grid;
};

G_DEFINE_FINAL_TYPE (ScSchedulePage, sc_schedule_page, SC_TYPE_PAGE)

static const char * const page_tables[] = {
  "shift", "roster", "roster_version", "time_off", "holiday", "shift_type", NULL
};

/* Helpers */

/* Days are calendar days, as sc_day_parse() makes them (midnight UTC) */
static GDateTime *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return sc_day_parse (day);
}

static GDateTime *
monday_of (GDateTime *day)
{
  return g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
}

static void
add_css (GtkWidget  *widget,
         const char *css)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (widget), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
shift_chip (const ScCalendarShift *shift,
            const char            *colour,
            gboolean               compact)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  int end = (shift->start_minute + shift->length_minutes) % (24 * 60);
  g_autofree char *times = g_strdup_printf ("%02d:%02d–%02d:%02d", shift->start_minute / 60,
                                            shift->start_minute % 60, end / 60, end % 60);
  g_autofree char *css = NULL;
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (chip, "schedule-chip");
  if (colour != NULL)
    {
      css = g_strdup_printf ("box.schedule-chip { background-color: alpha(%s, 0.25); border-left: 4px solid %s; }",
                             colour, colour);
      add_css (chip, css);
    }

  if (shift->shift_type_code != NULL)
    name = g_strdup_printf ("%s · %s", shift->shift_type_code,
                            shift->shift_type_name != NULL ? shift->shift_type_name : "");
  else
    name = g_strdup (C_("schedule", "Shift"));

  gtk_box_append (GTK_BOX (chip), label_new (name, "heading"));
  gtk_box_append (GTK_BOX (chip), label_new (times, "numeric"));
  if (!compact && shift->skill_name != NULL)
    gtk_box_append (GTK_BOX (chip), label_new (shift->skill_name, "caption"));

  /* Translators: what a screen reader says of a shift, e.g. “Early 07:00–15:30, Phone” */
  if (shift->skill_name != NULL)
    accessible = g_strdup_printf (_("%s %s, %s"), name, times, shift->skill_name);
  else
    accessible = g_strdup_printf ("%s %s", name, times);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return chip;
}

static void
on_chip_clicked_cb (GtkButton      *button,
                    ScSchedulePage *self)
{
  gint64 *shift_id = g_object_get_data (G_OBJECT (button), "shift-id");
  const char *description = g_object_get_data (G_OBJECT (button), "description");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = sc_swap_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, sc_page_get_store (SC_PAGE (self)),
                               sc_page_get_session (SC_PAGE (self)), *shift_id, description);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A shift still ahead can be offered to a colleague: the chip is a button */
static GtkWidget *
swappable_chip (ScSchedulePage        *self,
                const ScCalendarShift *shift,
                GtkWidget             *chip,
                GDateTime             *day)
{
  GtkWidget *button = gtk_button_new ();
  int end = (shift->start_minute + shift->length_minutes) % (24 * 60);
  /* Translators: a day in the swap form, as strftime() writes it, e.g. “Tue 1 Dec” */
  g_autofree char *when = sc_day_format (day, C_("swap day", "%a %-d %b"));
  char *description = g_strdup_printf ("%s · %s %02d:%02d–%02d:%02d", when,
                                       shift->shift_type_code != NULL ? shift->shift_type_code : "",
                                       shift->start_minute / 60, shift->start_minute % 60, end / 60, end % 60);

  gtk_button_set_child (GTK_BUTTON (button), chip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "schedule-chip-button");
  gtk_widget_set_tooltip_text (button, _("Ask a colleague to swap this shift"));
  g_object_set_data_full (G_OBJECT (button), "shift-id", g_memdup2 (&shift->shift_id, sizeof (gint64)), g_free);
  g_object_set_data_full (G_OBJECT (button), "description", description, g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);
  return button;
}

static GtkWidget *
note_chip (const char *text,
           const char *css_class)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (chip, "schedule-chip");
  gtk_widget_add_css_class (chip, css_class);
  gtk_box_append (GTK_BOX (chip), label_new (text, NULL));
  return chip;
}

static void
clear_grid (ScSchedulePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
update_title (ScSchedulePage *self,
              GDateTime      *first,
              GDateTime      *last)
{
  g_autofree char *title = NULL;

  if (self->month)
    /* Translators: the month shown, as strftime() writes it, e.g. “December 2026” */
    title = sc_day_format (self->anchor, C_("schedule month", "%B %Y"));
  else
    {
      /* Translators: the first and last day of the week shown, as strftime() writes them */
      g_autofree char *from = sc_day_format (first, C_("schedule week start", "%-d %b"));
      g_autofree char *to = sc_day_format (last, C_("schedule week end", "%-d %b %Y"));

      title = g_strdup_printf ("%s – %s", from, to);
    }

  gtk_label_set_text (self->title_label, title);
}

static void
sc_schedule_page_reload (ScPage *page)
{
  ScSchedulePage *self = SC_SCHEDULE_PAGE (page);
  ScStore *store = sc_page_get_store (page);
  ScSession *session = sc_page_get_session (page);
  gint64 person_id = sc_session_get_person_id (session);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) now = today ();
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *summary = NULL;
  int n_days, row0 = 0;

  clear_grid (self);
  self->n_shifts = self->n_days_off = 0;
  self->hours = 0;

  if (self->month)
    {
      g_autoptr(GDateTime) first_of_month = g_date_time_add_days (self->anchor,
                                                                 1 - g_date_time_get_day_of_month (self->anchor));
      first = monday_of (first_of_month);
      n_days = 42;
    }
  else
    {
      first = monday_of (self->anchor);
      n_days = 7;
    }
  last = g_date_time_add_days (first, n_days - 1);
  g_free (self->first_day);
  self->first_day = g_date_time_format (first, "%Y-%m-%d");
  last_day = g_date_time_format (last, "%Y-%m-%d");
  update_title (self, first, last);

  if (person_id == 0)
    {
      gtk_label_set_text (self->summary_label, _("This account is not one of the team’s people"));
      return;
    }

  calendar = sc_store_get_schedule (store, session, self->first_day, n_days, person_id, &error);
  if (calendar == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  types = sc_store_get_shift_types (store, NULL);
  for (guint i = 0; types != NULL && i < types->len; i++)
    g_hash_table_insert (colours, (gpointer) sc_shift_type_get_code (g_ptr_array_index (types, i)),
                         (gpointer) sc_shift_type_get_colour (g_ptr_array_index (types, i)));
  holidays = sc_store_get_holidays (store, self->first_day, last_day, NULL);
  requests = sc_store_get_time_off (store, session, person_id, self->first_day, last_day, NULL);
  published = sc_store_get_published_days (store, self->first_day, last_day, NULL);

  /* Weekday names over the month */
  if (self->month)
    {
      for (int d = 0; d < 7; d++)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
          /* Translators: a weekday over the month view, as strftime() writes it, e.g. “Mon” */
          g_autofree char *name = sc_day_format (day, C_("schedule weekday", "%a"));
          GtkWidget *label = gtk_label_new (name);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "heading");
          gtk_grid_attach (self->grid, label, d, 0, 1, 1);
        }
      row0 = 1;
    }

  for (int d = 0; d < n_days; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, d);
      g_autofree char *key = g_date_time_format (day, "%Y-%m-%d");
      g_autofree char *header = NULL;
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gboolean worked = FALSE, away = FALSE;
      gboolean counted = !self->month || g_date_time_get_month (day) == g_date_time_get_month (self->anchor);

      gtk_widget_add_css_class (cell, "schedule-day");
      if (g_date_time_compare (day, now) == 0)
        gtk_widget_add_css_class (cell, "today");
      if (g_date_time_get_day_of_week (day) >= 6)
        gtk_widget_add_css_class (cell, "weekend");
      if (self->month && g_date_time_get_month (day) != g_date_time_get_month (self->anchor))
        gtk_widget_add_css_class (cell, "other-month");

      if (self->month)
        header = g_date_time_format (day, "%-d");
      else
        /* Translators: a day over the week view, as strftime() writes it, e.g. “Mon 7” */
        header = sc_day_format (day, C_("schedule day", "%a %-d"));
      gtk_box_append (GTK_BOX (cell), label_new (header, "heading"));

      for (guint i = 0; holidays != NULL && i < holidays->len; i++)
        {
          ScHoliday *holiday = g_ptr_array_index (holidays, i);

          if (g_strcmp0 (sc_holiday_get_day (holiday), key) != 0)
            continue;
          if (sc_holiday_get_working_day (holiday))
            {
              /* Translators: a weekend day that is a working day by law, e.g. “National Day (working day)” */
              g_autofree char *text = g_strdup_printf (_("%s (working day)"), sc_holiday_get_name (holiday));

              gtk_box_append (GTK_BOX (cell), label_new (text, "schedule-holiday"));
            }
          else
            gtk_box_append (GTK_BOX (cell), label_new (sc_holiday_get_name (holiday), "schedule-holiday"));
        }

      for (guint i = 0; i < calendar->shifts->len; i++)
        {
          ScCalendarShift *shift = &g_array_index (calendar->shifts, ScCalendarShift, i);

          if (shift->cancelled || g_strcmp0 (shift->day, key) != 0)
            continue;
          {
            GtkWidget *chip = shift_chip (shift, shift->shift_type_code != NULL
                                                 ? g_hash_table_lookup (colours, shift->shift_type_code) : NULL,
                                          self->month);

            if (!self->month && g_date_time_compare (day, now) >= 0)
              chip = swappable_chip (self, shift, chip, day);
            gtk_box_append (GTK_BOX (cell), chip);
          }
          worked = TRUE;
          if (counted)
            {
              self->n_shifts++;
              self->hours += shift->length_minutes / 60.0;
            }
        }

      for (guint i = 0; requests != NULL && i < requests->len; i++)
        {
          ScTimeOff *time_off = g_ptr_array_index (requests, i);
          ScRequestStatus status = sc_time_off_get_status (time_off);
          g_autofree char *text = NULL;

          if (status == SC_REQUEST_STATUS_DECLINED || g_strcmp0 (sc_time_off_get_first_day (time_off), key) > 0 ||
              g_strcmp0 (sc_time_off_get_last_day (time_off), key) < 0)
            continue;
          if (status == SC_REQUEST_STATUS_APPROVED)
            text = g_strdup (sc_time_off_kind_get_label (sc_time_off_get_kind (time_off)));
          else
            /* Translators: time off asked for and not answered yet, e.g. “Annual leave (requested)” */
            text = g_strdup_printf (_("%s (requested)"), sc_time_off_kind_get_label (sc_time_off_get_kind (time_off)));
          gtk_box_append (GTK_BOX (cell), note_chip (text, status == SC_REQUEST_STATUS_APPROVED
                                                           ? "schedule-away" : "schedule-asked"));
          away = status == SC_REQUEST_STATUS_APPROVED;
        }

      /* Only a published roster says a day is off */
      if (!worked && !away && published != NULL && g_hash_table_contains (published, key))
        {
          gtk_box_append (GTK_BOX (cell), label_new (_("Day off"), "dim-label"));
          if (counted)
            self->n_days_off++;
        }

      gtk_grid_attach (self->grid, cell, d % 7, row0 + d / 7, 1, 1);
    }

  /* Translators: the period's totals, e.g. “5 shifts · 40.0 h · 2 days off” */
  summary = g_strdup_printf (ngettext ("%u shift · %.1f h · %u days off", "%u shifts · %.1f h · %u days off",
                                       self->n_shifts),
                             self->n_shifts, self->hours, self->n_days_off);
  gtk_label_set_text (self->summary_label, self->n_shifts > 0 ? summary
                                                              : _("No published shifts in this period"));
}

static void
move (ScSchedulePage *self,
      int             direction)
{
  GDateTime *next;

  if (self->month)
    next = g_date_time_add_months (self->anchor, direction);
  else
    next = g_date_time_add_weeks (self->anchor, direction);

  g_date_time_unref (self->anchor);
  self->anchor = next;
  sc_page_queue_reload (SC_PAGE (self));
}

/* Callbacks */

static void
on_previous_clicked_cb (ScSchedulePage *self)
{
  move (self, -1);
}

static void
on_next_clicked_cb (ScSchedulePage *self)
{
  move (self, 1);
}

static void
on_today_clicked_cb (ScSchedulePage *self)
{
  g_date_time_unref (self->anchor);
  self->anchor = today ();
  sc_page_queue_reload (SC_PAGE (self));
}

static void
on_view_toggled_cb (ScSchedulePage *self)
{
  sc_schedule_page_set_month (self, gtk_toggle_button_get_active (self->month_button));
}

static void
on_export_clicked_cb (ScSchedulePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = sc_ics_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)));
  sc_ics_export_dialog_set_person (SC_ICS_EXPORT_DIALOG (dialog),
                                   sc_session_get_person_id (sc_page_get_session (SC_PAGE (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
sc_schedule_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_SCHEDULE_PAGE);

  G_OBJECT_CLASS (sc_schedule_page_parent_class)->dispose (object);
}

static void
sc_schedule_page_finalize (GObject *object)
{
  ScSchedulePage *self = SC_SCHEDULE_PAGE (object);

  g_clear_pointer (&self->anchor, g_date_time_unref);
  g_clear_pointer (&self->first_day, g_free);

  G_OBJECT_CLASS (sc_schedule_page_parent_class)->finalize (object);
}

static void
sc_schedule_page_class_init (ScSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_schedule_page_dispose;
  object_class->finalize = sc_schedule_page_finalize;
  page_class->reload = sc_schedule_page_reload;
  page_class->tables = page_tables;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, week_button);
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, month_button);
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScSchedulePage, grid);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
}

static void
sc_schedule_page_init (ScSchedulePage *self)
{
  self->anchor = today ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_schedule_page_new (void)
{
  return g_object_new (SC_TYPE_SCHEDULE_PAGE, NULL);
}

/**
 * sc_schedule_page_show_day:
 * @day: YYYY-MM-DD
 *
 * Shows the week or month that holds @day.
 */
void
sc_schedule_page_show_day (ScSchedulePage *self,
                           const char     *day)
{
  GDateTime *parsed;

  g_return_if_fail (SC_IS_SCHEDULE_PAGE (self));

  if ((parsed = sc_day_parse (day)) == NULL)
    return;

  g_date_time_unref (self->anchor);
  self->anchor = parsed;
  sc_page_queue_reload (SC_PAGE (self));
}

void
sc_schedule_page_set_month (ScSchedulePage *self,
                            gboolean        month)
{
  g_return_if_fail (SC_IS_SCHEDULE_PAGE (self));

  month = !!month;
  if (gtk_toggle_button_get_active (self->month_button) != month)
    gtk_toggle_button_set_active (month ? self->month_button : self->week_button, TRUE);

  if (self->month == month)
    return;

  self->month = month;
  sc_page_queue_reload (SC_PAGE (self));
}

const char *
sc_schedule_page_get_first_day (ScSchedulePage *self)
{
  g_return_val_if_fail (SC_IS_SCHEDULE_PAGE (self), NULL);
  return self->first_day;
}

guint
sc_schedule_page_get_n_shifts (ScSchedulePage *self)
{
  g_return_val_if_fail (SC_IS_SCHEDULE_PAGE (self), 0);
  return self->n_shifts;
}

guint
sc_schedule_page_get_n_days_off (ScSchedulePage *self)
{
  g_return_val_if_fail (SC_IS_SCHEDULE_PAGE (self), 0);
  return self->n_days_off;
}

double
sc_schedule_page_get_hours (ScSchedulePage *self)
{
  g_return_val_if_fail (SC_IS_SCHEDULE_PAGE (self), 0);
  return self->hours;
}
