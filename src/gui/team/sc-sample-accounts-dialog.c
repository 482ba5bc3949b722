/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-sample-accounts-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-sample-accounts-dialog.h"

/*
 * ScSampleAccountsDialog: the accounts the sample team came with and their
 * PINs, shown this once (the store keeps only hashes), with a button that
 * copies them as plain text.
 */

struct _ScSampleAccountsDialog
{
  AdwWindow            parent_instance;

  /* Owned: ScDemoAccount, PINs wiped when freed */
  GPtrArray           *accounts;

  /* Template */
  AdwWindowTitle      *window_title;
  GtkButton           *copy_button;
  GtkButton           *done_button;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *accounts_group;
};

G_DEFINE_FINAL_TYPE (ScSampleAccountsDialog, sc_sample_accounts_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static ScDemoAccount *
copy_account (const ScDemoAccount *account)
{
  ScDemoAccount *copy = g_new0 (ScDemoAccount, 1);

  copy->name = g_strdup (account->name);
  copy->employee_no = g_strdup (account->employee_no);
  copy->role = account->role;
  copy->pin = g_strdup (account->pin);
  return copy;
}

static void
add_rows (ScSampleAccountsDialog *self)
{
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      ScDemoAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *details = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *pin = gtk_label_new (account->pin);

      /* Translators: under a name in the sample accounts, e.g. “SC1001 · Supervisor” */
      details = g_strdup_printf (C_("account details", "%s · %s"), account->employee_no,
                                 sc_account_role_get_label (account->role));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, account->name, TRUE));

      gtk_label_set_selectable (GTK_LABEL (pin), TRUE);
      gtk_widget_add_css_class (pin, "sc-pin");
      gtk_widget_add_css_class (pin, "monospace");
      gtk_widget_set_valign (pin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin);

      adw_preferences_group_add (self->accounts_group, row);
    }

  subtitle = g_strdup_printf (ngettext ("%u account", "%u accounts", self->accounts->len),
                              self->accounts->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Callbacks */

static void
on_copy_clicked_cb (ScSampleAccountsDialog *self)
{
  sc_sample_accounts_dialog_copy (self);
}

/* Overrides */

static void
sc_sample_accounts_dialog_dispose (GObject *object)
{
  ScSampleAccountsDialog *self = SC_SAMPLE_ACCOUNTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SAMPLE_ACCOUNTS_DIALOG);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_sample_accounts_dialog_parent_class)->dispose (object);
}

static void
sc_sample_accounts_dialog_class_init (ScSampleAccountsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_sample_accounts_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-sample-accounts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSampleAccountsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScSampleAccountsDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ScSampleAccountsDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, ScSampleAccountsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScSampleAccountsDialog, accounts_group);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_sample_accounts_dialog_init (ScSampleAccountsDialog *self)
{
  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_demo_account_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_sample_accounts_dialog_new:
 * @parent: (nullable): the main window
 * @accounts: (element-type ScDemoAccount): from sc_demo_populate(); copied
 */
GtkWidget *
sc_sample_accounts_dialog_new (GtkWindow *parent,
                               GPtrArray *accounts)
{
  ScSampleAccountsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (accounts != NULL, NULL);

  self = g_object_new (SC_TYPE_SAMPLE_ACCOUNTS_DIALOG,
                       "transient-for", parent,
                       NULL);

  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (self->accounts, copy_account (g_ptr_array_index (accounts, i)));

  add_rows (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));
  return GTK_WIDGET (self);
}

guint
sc_sample_accounts_dialog_get_n_accounts (ScSampleAccountsDialog *self)
{
  g_return_val_if_fail (SC_IS_SAMPLE_ACCOUNTS_DIALOG (self), 0);
  return self->accounts->len;
}

/**
 * sc_sample_accounts_dialog_get_text:
 *
 * Returns: (transfer full): the accounts as plain text, one per line,
 *   columns separated by tabs (a spreadsheet splits them when pasted)
 */
char *
sc_sample_accounts_dialog_get_text (ScSampleAccountsDialog *self)
{
  GString *text;

  g_return_val_if_fail (SC_IS_SAMPLE_ACCOUNTS_DIALOG (self), NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\t%s\t%s\t%s\n", _("Name"), _("Employee No."), _("Role"), _("PIN"));

  for (guint i = 0; i < self->accounts->len; i++)
    {
      ScDemoAccount *account = g_ptr_array_index (self->accounts, i);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\n", account->name, account->employee_no,
                              sc_account_role_get_label (account->role), account->pin);
    }

  return g_string_free (text, FALSE);
}

/**
 * sc_sample_accounts_dialog_copy:
 *
 * Puts the accounts on the clipboard as plain text.
 */
void
sc_sample_accounts_dialog_copy (ScSampleAccountsDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_SAMPLE_ACCOUNTS_DIALOG (self));

  text = sc_sample_accounts_dialog_get_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  memset (text, 0, strlen (text));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied to the clipboard")));
}
