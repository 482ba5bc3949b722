/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-requests-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-permissions.h"
#include "sc-requests-page.h"
#include "sc-time-off-dialog.h"
#include "common/sc-widget-util.h"

/*
 * ScRequestsPage: time off asked for and its answers. A supervisor sees
 * everyone's and answers them; anyone else sees their own, asks for more
 * and may withdraw what is not answered yet.
 */

#define RECENT_DAYS 28

struct _ScRequestsPage
{
  ScPage               parent_instance;

  GPtrArray           *rows;
  guint                n_waiting;
  guint                n_answered;
  gboolean             show_all;

  /* Template */
  GtkToggleButton     *waiting_button;
  GtkToggleButton     *all_button;
  GtkLabel            *count_label;
  GtkButton           *request_button;
  GtkStack            *stack;
  AdwPreferencesGroup *waiting_group;
  AdwPreferencesGroup *answered_group;
  AdwStatusPage       *empty_page;
};

G_DEFINE_FINAL_TYPE (ScRequestsPage, sc_requests_page, SC_TYPE_PAGE)

static const char * const page_tables[] = { "time_off", "swap_request", "shift", "person", NULL };

/* Helpers */

/* A day as people read it, e.g. “Mon 7 Dec 2026” */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) dt = sc_day_parse (day);

  if (dt == NULL)
    return g_strdup (day != NULL ? day : "");

  /* Translators: a day in a request, as strftime() writes it, e.g. “Mon 7 Dec 2026” */
  return sc_day_format (dt, C_("request day", "%a %-d %b %Y"));
}

/* A stored moment (UTC) as the local day it fell on */
static char *
format_moment (const char *moment)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (moment == NULL || (utc = g_date_time_new_from_iso8601 (moment, NULL)) == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  /* Translators: the day a request was made or answered, as strftime() writes it, e.g. “20 Nov 2026” */
  return sc_day_format (local, C_("request moment", "%-d %b %Y"));
}

static int
count_days (ScTimeOff *time_off)
{
  g_autoptr(GDateTime) first = sc_day_parse (sc_time_off_get_first_day (time_off));
  g_autoptr(GDateTime) last = sc_day_parse (sc_time_off_get_last_day (time_off));

  if (first == NULL || last == NULL)
    return 0;
  return (int) (g_date_time_difference (last, first) / G_TIME_SPAN_DAY) + 1;
}

/* “Asked on 20 Nov 2026 · approved by Amy Leung on 21 Nov 2026”, for
 * time off and swaps alike */
static char *
describe_answer (const char      *requested_at,
                 ScRequestStatus  status,
                 const char      *decided_at,
                 const char      *by)
{
  g_autofree char *asked = format_moment (requested_at);
  g_autofree char *decided = format_moment (decided_at);
  GString *text = g_string_new (NULL);

  if (asked != NULL)
    /* Translators: when a request was made, e.g. “Asked on 20 Nov 2026” */
    g_string_append_printf (text, _("Asked on %s"), asked);

  if (status != SC_REQUEST_STATUS_REQUESTED && decided != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      if (status == SC_REQUEST_STATUS_APPROVED)
        {
          if (by != NULL)
            /* Translators: e.g. “approved by Amy Leung on 21 Nov 2026” */
            g_string_append_printf (text, _("approved by %s on %s"), by, decided);
          else
            g_string_append_printf (text, _("approved on %s"), decided);
        }
      else
        {
          if (by != NULL)
            g_string_append_printf (text, _("declined by %s on %s"), by, decided);
          else
            g_string_append_printf (text, _("declined on %s"), decided);
        }
    }

  return g_string_free (text, FALSE);
}

static void on_decide_clicked_cb (GtkButton *button, ScRequestsPage *self);
static void on_withdraw_clicked_cb (GtkButton *button, ScRequestsPage *self);
static void on_swap_decide_clicked_cb (GtkButton *button, ScRequestsPage *self);
static void on_swap_withdraw_clicked_cb (GtkButton *button, ScRequestsPage *self);

static GtkWidget *
row_button (ScRequestsPage *self,
            const char     *label,
            const char     *style,
            gint64          id,
            int             status,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  g_object_set_data_full (G_OBJECT (button), "request-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (button), "status", GINT_TO_POINTER (status));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_row (ScRequestsPage *self,
           ScTimeOff      *time_off,
           gboolean        may_decide,
           gint64          own_id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *first = format_day (sc_time_off_get_first_day (time_off));
  g_autofree char *last = format_day (sc_time_off_get_last_day (time_off));
  g_autofree char *history = describe_answer (sc_time_off_get_requested_at (time_off),
                                              sc_time_off_get_status (time_off),
                                              sc_time_off_get_decided_at (time_off),
                                              sc_time_off_get_decided_by_name (time_off));
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *kind = sc_time_off_kind_get_label (sc_time_off_get_kind (time_off));
  ScRequestStatus status = sc_time_off_get_status (time_off);
  gint64 id = sc_time_off_get_id (time_off);
  int days = count_days (time_off);

  if (may_decide)
    title = g_strdup_printf ("%s · %s", sc_time_off_get_person_name (time_off), kind);
  else
    title = g_strdup (kind);

  if (days <= 1)
    when = g_strdup (first);
  else
    /* Translators: a stretch of days off, e.g. “Mon 7 Dec 2026 – Wed 9 Dec 2026 · 3 days” */
    when = g_strdup_printf (ngettext ("%s – %s · %d day", "%s – %s · %d days", days), first, last, days);

  g_string_append (subtitle, when);
  if (*history != '\0')
    g_string_append_printf (subtitle, "\n%s", history);
  if (sc_time_off_get_note (time_off) != NULL && *sc_time_off_get_note (time_off) != '\0')
    /* Translators: the note of a request, in quotes */
    g_string_append_printf (subtitle, _("\n“%s”"), sc_time_off_get_note (time_off));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  if (status == SC_REQUEST_STATUS_REQUESTED)
    {
      if (may_decide)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, _("_Decline"), NULL, id, SC_REQUEST_STATUS_DECLINED,
                                                 G_CALLBACK (on_decide_clicked_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, _("_Approve"), "suggested-action", id,
                                                 SC_REQUEST_STATUS_APPROVED, G_CALLBACK (on_decide_clicked_cb)));
        }
      else if (sc_time_off_get_person_id (time_off) == own_id)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (self, _("_Withdraw"), NULL, id, 0,
                                               G_CALLBACK (on_withdraw_clicked_cb)));
    }
  else
    {
      GtkWidget *label = gtk_label_new (sc_request_status_get_label (status));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "request-status");
      gtk_widget_add_css_class (label, status == SC_REQUEST_STATUS_APPROVED ? "success" : "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static GtkWidget *
build_swap_row (ScRequestsPage *self,
                ScSwapRequest  *swap,
                gboolean        may_decide,
                gint64          own_id)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_day (swap->day);
  g_autofree char *history = describe_answer (swap->requested_at, swap->status, swap->decided_at,
                                              swap->decided_by_name);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (when);
  const char *partner = swap->partner_name != NULL ? swap->partner_name : "?";

  if (may_decide)
    /* Translators: a swap request in a supervisor's list, e.g. “Wang Fang ↔ Li Na · swap” */
    title = g_strdup_printf (_("%s ↔ %s · swap"), swap->requester_name, partner);
  else if (swap->requester_id == own_id)
    title = g_strdup_printf (_("Swap with %s"), partner);
  else
    title = g_strdup_printf (_("%s asks you to swap"), swap->requester_name);

  if (*history != '\0')
    g_string_append_printf (subtitle, "\n%s", history);

  /* What the rules say, for whoever answers */
  if (swap->status == SC_REQUEST_STATUS_REQUESTED && may_decide)
    {
      g_autoptr(GError) error = NULL;
      int broken = sc_store_check_swap (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                                        swap->shift_id, swap->partner_id, NULL, &error);

      g_string_append_c (subtitle, '\n');
      if (broken == 0)
        g_string_append (subtitle, _("Keeps every rule of the roster"));
      else if (broken > 0)
        g_string_append_printf (subtitle, ngettext ("Breaks %d rule of the roster", "Breaks %d rules of the roster",
                                                    broken), broken);
      else
        g_string_append (subtitle, error->message);
    }

  if (swap->note != NULL && *swap->note != '\0')
    g_string_append_printf (subtitle, _("\n“%s”"), swap->note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);

  if (swap->status == SC_REQUEST_STATUS_REQUESTED)
    {
      if (may_decide)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, _("_Decline"), NULL, swap->id, SC_REQUEST_STATUS_DECLINED,
                                                 G_CALLBACK (on_swap_decide_clicked_cb)));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     row_button (self, _("_Approve"), "suggested-action", swap->id,
                                                 SC_REQUEST_STATUS_APPROVED, G_CALLBACK (on_swap_decide_clicked_cb)));
        }
      else if (swap->requester_id == own_id)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (self, _("_Withdraw"), NULL, swap->id, 0,
                                               G_CALLBACK (on_swap_withdraw_clicked_cb)));
    }
  else
    {
      GtkWidget *label = gtk_label_new (sc_request_status_get_label (swap->status));

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "request-status");
      gtk_widget_add_css_class (label, swap->status == SC_REQUEST_STATUS_APPROVED ? "success" : "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static gboolean
is_recent (ScTimeOff *time_off,
           GDateTime *since)
{
  g_autoptr(GDateTime) last = sc_day_parse (sc_time_off_get_last_day (time_off));
  g_autoptr(GDateTime) decided = NULL;

  /* Still ahead, or answered lately */
  if (last != NULL && g_date_time_compare (last, since) >= 0)
    return TRUE;
  if (sc_time_off_get_decided_at (time_off) != NULL &&
      (decided = g_date_time_new_from_iso8601 (sc_time_off_get_decided_at (time_off), NULL)) != NULL)
    return g_date_time_compare (decided, since) >= 0;
  return FALSE;
}

static void
sc_requests_page_reload (ScPage *page)
{
  ScRequestsPage *self = SC_REQUESTS_PAGE (page);
  ScSession *session = sc_page_get_session (page);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) swaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -RECENT_DAYS);
  g_autofree char *count = NULL;
  gboolean may_decide = sc_permission_access (session, SC_OPERATION_TIME_OFF_DECIDE) == SC_ACCESS_ALL;
  gint64 own_id = sc_session_get_person_id (session);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  self->n_waiting = self->n_answered = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->request_button),
                          sc_permission_access (session, SC_OPERATION_TIME_OFF_REQUEST) != SC_ACCESS_DENY &&
                          (own_id != 0 || may_decide));

  list = sc_store_get_time_off (sc_page_get_store (page), session, 0, NULL, NULL, &error);
  if (list == NULL)
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  /* Waiting ones first, soonest first; then answers, latest days first */
  for (guint i = 0; i < list->len; i++)
    {
      ScTimeOff *time_off = g_ptr_array_index (list, i);
      GtkWidget *row;

      if (sc_time_off_get_status (time_off) != SC_REQUEST_STATUS_REQUESTED)
        continue;
      row = build_row (self, time_off, may_decide, own_id);
      adw_preferences_group_add (self->waiting_group, row);
      g_ptr_array_add (self->rows, row);
      self->n_waiting++;
    }

  for (guint i = list->len; i > 0; i--)
    {
      ScTimeOff *time_off = g_ptr_array_index (list, i - 1);
      GtkWidget *row;

      if (sc_time_off_get_status (time_off) == SC_REQUEST_STATUS_REQUESTED ||
          (!self->show_all && !is_recent (time_off, since)))
        continue;
      row = build_row (self, time_off, may_decide, own_id);
      adw_preferences_group_add (self->answered_group, row);
      g_ptr_array_add (self->rows, row);
      self->n_answered++;
    }

  swaps = sc_store_get_swap_requests (sc_page_get_store (page), session, NULL);
  for (guint i = 0; swaps != NULL && i < swaps->len; i++)
    {
      ScSwapRequest *swap = g_ptr_array_index (swaps, i);
      gboolean waiting = swap->status == SC_REQUEST_STATUS_REQUESTED;
      g_autoptr(GDateTime) day = sc_day_parse (swap->day);
      GtkWidget *row;

      if (!waiting && !self->show_all && (day == NULL || g_date_time_compare (day, since) < 0))
        continue;
      row = build_swap_row (self, swap, may_decide, own_id);
      adw_preferences_group_add (waiting ? self->waiting_group : self->answered_group, row);
      g_ptr_array_add (self->rows, row);
      if (waiting)
        self->n_waiting++;
      else
        self->n_answered++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->waiting_group), self->n_waiting > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->answered_group), self->n_answered > 0);

  if (self->n_waiting + self->n_answered == 0)
    {
      adw_status_page_set_description (self->empty_page,
                                       may_decide ? _("When someone asks for time off, it shows here for you to answer.")
                                                  : _("Ask for days off with “Request Time Off”; the answer shows here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  /* Translators: how many requests wait for an answer */
  count = g_strdup_printf (ngettext ("%u waiting for an answer", "%u waiting for an answer", self->n_waiting),
                           self->n_waiting);
  gtk_label_set_text (self->count_label, self->n_waiting > 0 ? count : "");
}

/* Callbacks */

static void
on_decide_clicked_cb (GtkButton      *button,
                      ScRequestsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "request-id");
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));

  sc_requests_page_decide (self, *id, status);
}

static void
on_withdraw_clicked_cb (GtkButton      *button,
                        ScRequestsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "request-id");

  sc_requests_page_withdraw (self, *id);
}

static void
on_swap_decide_clicked_cb (GtkButton      *button,
                           ScRequestsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "request-id");
  int status = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "status"));

  sc_requests_page_decide_swap (self, *id, status);
}

static void
on_swap_withdraw_clicked_cb (GtkButton      *button,
                             ScRequestsPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "request-id");
  g_autoptr(GError) error = NULL;

  if (!sc_store_withdraw_swap (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)), *id, &error))
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  else
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Request withdrawn")));
}

static void
on_filter_toggled_cb (ScRequestsPage *self)
{
  sc_requests_page_set_show_all (self, gtk_toggle_button_get_active (self->all_button));
}

static void
on_request_clicked_cb (ScRequestsPage *self)
{
  sc_requests_page_request (self);
}

/* Overrides */

static void
sc_requests_page_dispose (GObject *object)
{
  ScRequestsPage *self = SC_REQUESTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_REQUESTS_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_requests_page_parent_class)->dispose (object);
}

static void
sc_requests_page_class_init (ScRequestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_requests_page_dispose;
  page_class->reload = sc_requests_page_reload;
  page_class->tables = page_tables;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-requests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, waiting_button);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, request_button);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, waiting_group);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, answered_group);
  gtk_widget_class_bind_template_child (widget_class, ScRequestsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_request_clicked_cb);
}

static void
sc_requests_page_init (ScRequestsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_requests_page_new (void)
{
  return g_object_new (SC_TYPE_REQUESTS_PAGE, NULL);
}

guint
sc_requests_page_get_n_waiting (ScRequestsPage *self)
{
  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), 0);
  return self->n_waiting;
}

guint
sc_requests_page_get_n_answered (ScRequestsPage *self)
{
  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), 0);
  return self->n_answered;
}

/**
 * sc_requests_page_set_show_all:
 *
 * Shows every answer, or only those still ahead or from the last four weeks.
 */
void
sc_requests_page_set_show_all (ScRequestsPage *self,
                               gboolean        show_all)
{
  g_return_if_fail (SC_IS_REQUESTS_PAGE (self));

  show_all = !!show_all;
  if (gtk_toggle_button_get_active (self->all_button) != show_all)
    gtk_toggle_button_set_active (show_all ? self->all_button : self->waiting_button, TRUE);

  if (self->show_all == show_all)
    return;

  self->show_all = show_all;
  sc_page_queue_reload (SC_PAGE (self));
}

/**
 * sc_requests_page_decide:
 *
 * Approves or declines, as the buttons on a row do.
 */
gboolean
sc_requests_page_decide (ScRequestsPage  *self,
                         gint64           time_off_id,
                         ScRequestStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), FALSE);

  if (!sc_store_decide_time_off (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                                 time_off_id, status, &error))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return FALSE;
    }

  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (status == SC_REQUEST_STATUS_APPROVED ? _("Time off approved")
                                                                                       : _("Time off declined")));
  return TRUE;
}

gboolean
sc_requests_page_withdraw (ScRequestsPage *self,
                           gint64          time_off_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), FALSE);

  if (!sc_store_withdraw_time_off (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                                   time_off_id, &error))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return FALSE;
    }

  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Request withdrawn")));
  return TRUE;
}

/**
 * sc_requests_page_request:
 *
 * Opens the form to ask for time off.
 *
 * Returns: (transfer none): the form
 */
GtkWidget *
sc_requests_page_request (ScRequestsPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), NULL);

  dialog = sc_time_off_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), sc_page_get_store (SC_PAGE (self)),
                                   sc_page_get_session (SC_PAGE (self)));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * sc_requests_page_decide_swap:
 *
 * Approves (making the exchange on the roster) or declines a swap, as the
 * buttons on its row do.
 */
gboolean
sc_requests_page_decide_swap (ScRequestsPage  *self,
                              gint64           swap_id,
                              ScRequestStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_REQUESTS_PAGE (self), FALSE);

  if (!sc_store_decide_swap (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                             swap_id, status, &error))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return FALSE;
    }

  sc_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new (status == SC_REQUEST_STATUS_APPROVED ? _("Swap approved: the roster is changed")
                                                                           : _("Swap declined")));
  return TRUE;
}
