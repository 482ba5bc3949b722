/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-swap-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-roster-score.h"
#include "sc-swap-dialog.h"

/*
 * ScSwapDialog: offering one of one's shifts to a colleague. Picking the
 * colleague asks the roster's rules at once whether the exchange keeps
 * them, for both people; the request may be sent either way, with the
 * verdict for the supervisor to weigh.
 */

struct _ScSwapDialog
{
  ScStoreWindow  parent_instance;

  gint64         shift_id;
  GArray        *partners;     /* ScSwapPartner, the combo's items */
  int            n_broken;

  /* Template */
  GtkButton     *submit_button;
  AdwActionRow  *shift_row;
  AdwComboRow   *partner_row;
  AdwEntryRow   *note_row;
  GtkLabel      *verdict_label;
};

G_DEFINE_FINAL_TYPE (ScSwapDialog, sc_swap_dialog, SC_TYPE_STORE_WINDOW)

/* What a broken rule means to the people concerned */
static const char *
rule_text (int rule)
{
  switch (rule)
    {
    case SC_ROSTER_RULE_UNAVAILABLE:
      return _("would work on a day of time off");
    case SC_ROSTER_RULE_LOCKED:
      return _("would change a shift the supervisor locked");
    case SC_ROSTER_RULE_SUCCESSION:
      return _("would have too little rest between two shifts");
    case SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE:
      return _("would work more shifts of one kind than allowed");
    case SC_ROSTER_RULE_MIN_MINUTES:
      return _("would work fewer hours than the contract asks");
    case SC_ROSTER_RULE_MAX_MINUTES:
      return _("would work more hours than the contract allows");
    case SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK:
      return _("would work too many days in a row");
    case SC_ROSTER_RULE_MIN_CONSECUTIVE_WORK:
      return _("would have too short a run of working days");
    case SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF:
      return _("would have too short a rest of days off");
    case SC_ROSTER_RULE_MAX_WEEKENDS:
      return _("would work more weekends than allowed");
    default:
      return _("would break a rule of the roster");
    }
}

static void
update_verdict (ScSwapDialog *self)
{
  ScStore *store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  ScSession *session = sc_store_window_get_session (SC_STORE_WINDOW (self));
  guint selected = adw_combo_row_get_selected (self->partner_row);
  g_autoptr(GArray) violations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  ScSwapPartner *partner;

  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "error");
  self->n_broken = -1;

  if (self->partners == NULL || selected >= self->partners->len)
    {
      gtk_label_set_text (self->verdict_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
      return;
    }

  partner = &g_array_index (self->partners, ScSwapPartner, selected);
  self->n_broken = sc_store_check_swap (store, session, self->shift_id, partner->person_id, &violations, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), self->n_broken >= 0);

  if (self->n_broken < 0)
    {
      gtk_label_set_text (self->verdict_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "error");
      return;
    }

  if (self->n_broken == 0)
    {
      gtk_label_set_text (self->verdict_label, _("✓ This swap keeps every rule of the roster, for both of you."));
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "success");
      return;
    }

  g_string_append_printf (text, ngettext ("This swap breaks %d rule of the roster:",
                                          "This swap breaks %d rules of the roster:", self->n_broken),
                          self->n_broken);
  for (guint i = 0; i < violations->len; i++)
    {
      ScSwapViolation *v = &g_array_index (violations, ScSwapViolation, i);
      const char *who = v->person_id == partner->person_id ? partner->name : _("you");

      /* Translators: one rule a swap would break, e.g. “Li Na would work too many days in a row” */
      g_string_append_printf (text, _("\n• %s %s"), who, rule_text (v->rule));
      if (v->day[0] != '\0')
        g_string_append_printf (text, " (%s)", v->day);
    }
  g_string_append_printf (text, "\n%s", _("You may still ask; the supervisor sees this too."));
  gtk_label_set_text (self->verdict_label, text->str);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "error");
}

static void
on_partner_selected_cb (ScSwapDialog *self)
{
  update_verdict (self);
}

static void
on_submit_clicked_cb (ScSwapDialog *self)
{
  if (sc_swap_dialog_submit (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
sc_swap_dialog_finalize (GObject *object)
{
  ScSwapDialog *self = SC_SWAP_DIALOG (object);

  g_clear_pointer (&self->partners, g_array_unref);

  G_OBJECT_CLASS (sc_swap_dialog_parent_class)->finalize (object);
}

static void
sc_swap_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_SWAP_DIALOG);

  G_OBJECT_CLASS (sc_swap_dialog_parent_class)->dispose (object);
}

static void
sc_swap_dialog_class_init (ScSwapDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_swap_dialog_dispose;
  object_class->finalize = sc_swap_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-swap-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSwapDialog, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScSwapDialog, shift_row);
  gtk_widget_class_bind_template_child (widget_class, ScSwapDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, ScSwapDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ScSwapDialog, verdict_label);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);
}

static void
sc_swap_dialog_init (ScSwapDialog *self)
{
  self->n_broken = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sc_swap_dialog_new:
 * @description: what the shift is, as the person sees it, e.g. “Tue 1 Dec · L 13:30–22:00”
 */
GtkWidget *
sc_swap_dialog_new (GtkWindow  *parent,
                    ScStore    *store,
                    ScSession  *session,
                    gint64      shift_id,
                    const char *description)
{
  ScSwapDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_SWAP_DIALOG, "transient-for", parent, "store", store, "session", session, NULL);
  self->shift_id = shift_id;
  adw_action_row_set_subtitle (self->shift_row, description != NULL ? description : "");

  self->partners = sc_store_get_swap_partners (store, session, shift_id, &error);
  if (self->partners == NULL)
    {
      gtk_label_set_text (self->verdict_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), FALSE);
      return GTK_WIDGET (self);
    }

  for (guint i = 0; i < self->partners->len; i++)
    {
      ScSwapPartner *partner = &g_array_index (self->partners, ScSwapPartner, i);
      g_autofree char *label = NULL;

      if (partner->shift_id != 0)
        {
          int end = (partner->start_minute + partner->length_minutes) % (24 * 60);

          label = g_strdup_printf ("%s · %s %02d:%02d–%02d:%02d", partner->name,
                                   partner->shift_code != NULL ? partner->shift_code : "",
                                   partner->start_minute / 60, partner->start_minute % 60, end / 60, end % 60);
        }
      else
        /* Translators: a colleague who does not work that day, e.g. “Li Na · day off” */
        label = g_strdup_printf (_("%s · day off"), partner->name);
      gtk_string_list_append (names, label);
    }

  adw_combo_row_set_model (self->partner_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->partner_row, "notify::selected", G_CALLBACK (on_partner_selected_cb), self);
  update_verdict (self);

  return GTK_WIDGET (self);
}

gboolean
sc_swap_dialog_select_partner (ScSwapDialog *self,
                               gint64        person_id)
{
  g_return_val_if_fail (SC_IS_SWAP_DIALOG (self), FALSE);

  for (guint i = 0; self->partners != NULL && i < self->partners->len; i++)
    if (g_array_index (self->partners, ScSwapPartner, i).person_id == person_id)
      {
        adw_combo_row_set_selected (self->partner_row, i);
        update_verdict (self);
        return TRUE;
      }

  return FALSE;
}

/**
 * sc_swap_dialog_get_n_broken:
 *
 * Returns: how many rules the swap with the colleague chosen breaks, or -1
 */
int
sc_swap_dialog_get_n_broken (ScSwapDialog *self)
{
  g_return_val_if_fail (SC_IS_SWAP_DIALOG (self), -1);
  return self->n_broken;
}

gboolean
sc_swap_dialog_submit (ScSwapDialog *self)
{
  ScStore *store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  ScSession *session = sc_store_window_get_session (SC_STORE_WINDOW (self));
  guint selected = adw_combo_row_get_selected (self->partner_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (SC_IS_SWAP_DIALOG (self), FALSE);

  if (self->partners == NULL || selected >= self->partners->len)
    return FALSE;

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  if (sc_store_request_swap (store, session, self->shift_id,
                             g_array_index (self->partners, ScSwapPartner, selected).person_id, note, &error) == 0)
    {
      gtk_label_set_text (self->verdict_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), "error");
      return FALSE;
    }

  return TRUE;
}
