/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-strength-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-strength-bar.h"

/*
 * ScStrengthBar: a level bar from 0 to 4 and a line of advice, updated as a
 * passphrase is typed (sc_credential_strength()). For a PIN it tells the
 * rules instead: a PIN is short by nature, its strength is the lock-out.
 */

struct _ScStrengthBar
{
  GtkWidget    parent_instance;

  /* Children */
  GtkLevelBar *level_bar;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (ScStrengthBar, sc_strength_bar, GTK_TYPE_WIDGET)

static void
sc_strength_bar_dispose (GObject *object)
{
  ScStrengthBar *self = SC_STRENGTH_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->level_bar = NULL;
  self->label = NULL;

  G_OBJECT_CLASS (sc_strength_bar_parent_class)->dispose (object);
}

static void
sc_strength_bar_class_init (ScStrengthBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_strength_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sc-strength-bar");
}

static void
sc_strength_bar_init (ScStrengthBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->level_bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, 4));
  gtk_level_bar_set_mode (self->level_bar, GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 2);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Strength"),
                                  -1);
  gtk_widget_set_parent (GTK_WIDGET (self->level_bar), GTK_WIDGET (self));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  sc_strength_bar_update (self, SC_CREDENTIAL_PASSPHRASE, NULL);
}

GtkWidget *
sc_strength_bar_new (void)
{
  return g_object_new (SC_TYPE_STRENGTH_BAR, NULL);
}

/**
 * sc_strength_bar_update:
 * @secret: (nullable): what was typed so far
 */
void
sc_strength_bar_update (ScStrengthBar    *self,
                        ScCredentialKind  kind,
                        const char       *secret)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_STRENGTH_BAR (self));

  if (kind == SC_CREDENTIAL_PIN)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), FALSE);
      text = g_strdup_printf (_("A PIN has at least %d digits, without runs like 123456 or one "
                                "digit repeated. After ten wrong tries the account locks."),
                              SC_PIN_MIN_DIGITS);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->level_bar), TRUE);
      gtk_level_bar_set_value (self->level_bar, sc_credential_strength (secret));

      if (secret == NULL || *secret == '\0')
        text = g_strdup_printf (_("At least %d characters. A few words that belong together only "
                                  "for you make a strong passphrase."),
                                SC_PASSPHRASE_MIN_CHARS);
      else
        text = g_strdup (sc_credential_strength_hint (secret));
    }

  gtk_label_set_text (self->label, text);
}

int
sc_strength_bar_get_value (ScStrengthBar *self)
{
  g_return_val_if_fail (SC_IS_STRENGTH_BAR (self), 0);
  return (int) gtk_level_bar_get_value (self->level_bar);
}

const char *
sc_strength_bar_get_hint (ScStrengthBar *self)
{
  g_return_val_if_fail (SC_IS_STRENGTH_BAR (self), NULL);
  return gtk_label_get_text (self->label);
}
