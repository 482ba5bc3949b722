/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-staffing-calculator"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-staffing-calculator.h"

/*
 * ScStaffingCalculator: the everyday question “how many agents for this
 * many contacts?”, answered as the values are typed. The same figures as
 * `shiftcraft staffing --calls …`.
 */

struct _ScStaffingCalculator
{
  AdwWindow         parent_instance;

  ScStaffingResult  result;
  gboolean          valid;

  /* Template */
  GtkSpinButton    *calls_spin;
  GtkSpinButton    *interval_spin;
  GtkSpinButton    *aht_spin;
  GtkSpinButton    *target_sl_spin;
  GtkSpinButton    *target_seconds_spin;
  GtkSpinButton    *max_occupancy_spin;
  GtkSpinButton    *shrinkage_spin;
  GtkSpinButton    *patience_spin;
  GtkLabel         *erlangs_label;
  GtkLabel         *agents_label;
  GtkLabel         *scheduled_label;
  GtkLabel         *service_level_label;
  GtkLabel         *p_wait_label;
  GtkLabel         *asa_label;
  GtkLabel         *occupancy_label;
  GtkLabel         *abandon_label;
  AdwActionRow     *abandon_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (ScStaffingCalculator, sc_staffing_calculator, ADW_TYPE_WINDOW)

/* Helpers */

static void
set_percent (GtkLabel *label,
             double    share)
{
  g_autofree char *text = NULL;

  /* Translators: a percentage, e.g. “88.8 %” */
  text = g_strdup_printf (_("%.1f %%"), share * 100.0);
  gtk_label_set_text (label, text);
}

static void
read_input (ScStaffingCalculator *self,
            ScStaffingInput      *in)
{
  double occupancy = gtk_spin_button_get_value (self->max_occupancy_spin) / 100.0;

  memset (in, 0, sizeof *in);
  in->calls = gtk_spin_button_get_value (self->calls_spin);
  in->interval_minutes = gtk_spin_button_get_value_as_int (self->interval_spin);
  in->aht_seconds = gtk_spin_button_get_value (self->aht_spin);
  in->target_sl = gtk_spin_button_get_value (self->target_sl_spin) / 100.0;
  in->target_seconds = gtk_spin_button_get_value (self->target_seconds_spin);
  in->max_occupancy = occupancy >= 1.0 ? 0.0 : occupancy;
  in->shrinkage = gtk_spin_button_get_value (self->shrinkage_spin) / 100.0;
  in->patience_seconds = gtk_spin_button_get_value (self->patience_spin);
}

static void
recompute (ScStaffingCalculator *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ScStaffingInput in;
  GtkLabel *labels[] = {
    self->erlangs_label, self->agents_label, self->scheduled_label, self->service_level_label,
    self->p_wait_label, self->asa_label, self->occupancy_label, self->abandon_label,
  };

  read_input (self, &in);
  self->valid = sc_erlang_required_agents (&in, &self->result, &error);
  gtk_widget_set_visible (GTK_WIDGET (self->abandon_row), in.patience_seconds > 0);

  if (!self->valid)
    {
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        gtk_label_set_text (labels[i], "—");
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  text = g_strdup_printf ("%.2f", self->result.erlangs);
  gtk_label_set_text (self->erlangs_label, text);
  g_free (text);

  text = g_strdup_printf ("%d", self->result.agents);
  gtk_label_set_text (self->agents_label, text);
  g_free (text);

  text = g_strdup_printf ("%d", self->result.scheduled);
  gtk_label_set_text (self->scheduled_label, text);
  g_clear_pointer (&text, g_free);

  set_percent (self->service_level_label, self->result.service_level);
  set_percent (self->p_wait_label, self->result.p_wait);
  set_percent (self->occupancy_label, self->result.occupancy);
  set_percent (self->abandon_label, self->result.p_abandon);

  if (isfinite (self->result.asa_seconds))
    /* Translators: an average wait in seconds, e.g. “7.8 s” */
    text = g_strdup_printf (_("%.1f s"), self->result.asa_seconds);
  else
    text = g_strdup ("∞");
  gtk_label_set_text (self->asa_label, text);
}

/* Callbacks */

static void
on_input_changed_cb (ScStaffingCalculator *self)
{
  recompute (self);
}

/* Overrides */

static void
sc_staffing_calculator_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_STAFFING_CALCULATOR);

  G_OBJECT_CLASS (sc_staffing_calculator_parent_class)->dispose (object);
}

static void
sc_staffing_calculator_class_init (ScStaffingCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_staffing_calculator_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-staffing-calculator.ui");
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, calls_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, aht_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, target_sl_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, target_seconds_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, max_occupancy_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, shrinkage_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, patience_spin);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, erlangs_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, agents_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, scheduled_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, service_level_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, p_wait_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, asa_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, occupancy_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, abandon_label);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, abandon_row);
  gtk_widget_class_bind_template_child (widget_class, ScStaffingCalculator, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_staffing_calculator_init (ScStaffingCalculator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  recompute (self);
}

/* Public API */

GtkWidget *
sc_staffing_calculator_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SC_TYPE_STAFFING_CALCULATOR, "transient-for", parent, NULL);
}

/**
 * sc_staffing_calculator_set_input:
 *
 * Fills the form, e.g. with an interval of a forecast.
 */
void
sc_staffing_calculator_set_input (ScStaffingCalculator  *self,
                                  const ScStaffingInput *input)
{
  g_return_if_fail (SC_IS_STAFFING_CALCULATOR (self));
  g_return_if_fail (input != NULL);

  gtk_spin_button_set_value (self->calls_spin, input->calls);
  gtk_spin_button_set_value (self->interval_spin, input->interval_minutes);
  gtk_spin_button_set_value (self->aht_spin, input->aht_seconds);
  gtk_spin_button_set_value (self->target_sl_spin, input->target_sl * 100.0);
  gtk_spin_button_set_value (self->target_seconds_spin, input->target_seconds);
  gtk_spin_button_set_value (self->max_occupancy_spin,
                             input->max_occupancy > 0 ? input->max_occupancy * 100.0 : 100.0);
  gtk_spin_button_set_value (self->shrinkage_spin, input->shrinkage * 100.0);
  gtk_spin_button_set_value (self->patience_spin, input->patience_seconds);
  recompute (self);
}

/**
 * sc_staffing_calculator_get_result:
 *
 * Returns: FALSE when the values shown cannot be staffed (the form shows why)
 */
gboolean
sc_staffing_calculator_get_result (ScStaffingCalculator *self,
                                   ScStaffingResult     *result)
{
  g_return_val_if_fail (SC_IS_STAFFING_CALCULATOR (self), FALSE);

  if (self->valid && result != NULL)
    *result = self->result;

  return self->valid;
}
