/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-account-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-account-dialog.h"
#include "common/sc-strength-bar.h"

/*
 * ScAccountDialog: a passphrase or PIN typed twice, for
 *  - a new account (a supervisor chooses a person without one and a role),
 *  - someone else's account (a supervisor resets it),
 *  - one's own account (anyone, signed in: the old one is not asked again).
 * The store decides; what it refuses shows at the top of the dialog.
 * Emits ScAccountDialog::done after saving, then closes.
 */

typedef enum
{
  MODE_NEW,
  MODE_RESET,
  MODE_OWN,
} Mode;

struct _ScAccountDialog
{
  AdwWindow            parent_instance;

  /* Owned */
  ScStore             *store;
  ScSession           *session;
  ScAccount           *account;     /* MODE_RESET */
  GPtrArray           *people;      /* MODE_NEW: people without an account */
  char                *error;
  Mode                 mode;

  /* Not owned: the row the error is about */
  GtkWidget           *error_row;

  /* Template */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *person_group;
  AdwActionRow        *person_row;
  GtkDropDown         *person_dropdown;
  AdwComboRow         *role_row;
  AdwPreferencesGroup *credential_group;
  AdwComboRow         *kind_row;
  AdwPasswordEntryRow *secret_row;
  AdwPasswordEntryRow *confirm_row;
  ScStrengthBar       *strength_bar;
};

G_DEFINE_FINAL_TYPE (ScAccountDialog, sc_account_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_ACCOUNT,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static ScCredentialKind
get_kind (ScAccountDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 1 ? SC_CREDENTIAL_PIN : SC_CREDENTIAL_PASSPHRASE;
}

static void
set_error (ScAccountDialog *self,
           GtkWidget       *row,
           const char      *message)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = row;
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_kind (ScAccountDialog *self)
{
  gboolean pin = get_kind (self) == SC_CREDENTIAL_PIN;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 pin ? _("New PIN") : _("New Passphrase"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->confirm_row),
                                 pin ? _("New PIN Again") : _("New Passphrase Again"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->secret_row),
                                   pin ? GTK_INPUT_PURPOSE_PIN : GTK_INPUT_PURPOSE_PASSWORD);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->confirm_row),
                                   pin ? GTK_INPUT_PURPOSE_PIN : GTK_INPUT_PURPOSE_PASSWORD);
  sc_strength_bar_update (self->strength_bar, get_kind (self),
                          gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
}

static ScAccountRole
account_role_for (ScRole role)
{
  switch (role)
    {
    case SC_ROLE_SUPERVISOR:
      return SC_ACCOUNT_ROLE_SUPERVISOR;
    case SC_ROLE_TRAINER:
      return SC_ACCOUNT_ROLE_TRAINER;
    case SC_ROLE_AGENT:
    case SC_ROLE_TECHNICAL_SUPPORT:
    default:
      return SC_ACCOUNT_ROLE_AGENT;
    }
}

static ScPerson *
get_selected_person (ScAccountDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  if (self->people == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->people->len)
    return NULL;

  return g_ptr_array_index (self->people, selected);
}

static void
load_people (ScAccountDialog *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GHashTable) with_account = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GError) error = NULL;

  self->people = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(people = sc_store_get_people (self->store, self->session, FALSE, &error)) ||
      !(accounts = sc_store_get_accounts (self->store, self->session, &error)))
    {
      set_error (self, NULL, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }

  for (guint i = 0; i < accounts->len; i++)
    {
      gint64 person_id = sc_account_get_person_id (g_ptr_array_index (accounts, i));

      g_hash_table_add (with_account, g_memdup2 (&person_id, sizeof person_id));
    }

  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      gint64 person_id = sc_person_get_id (person);
      g_autofree char *label = NULL;

      if (g_hash_table_contains (with_account, &person_id))
        continue;

      /* Translators: a person in the list of the new-account dialog, e.g. “Wang Fang (SC1001)” */
      label = g_strdup_printf (C_("person choice", "%s (%s)"), sc_person_get_name (person),
                               sc_person_get_employee_no (person));
      gtk_string_list_append (names, label);
      g_ptr_array_add (self->people, g_object_ref (person));
    }

  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->person_dropdown, expression);
  gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (names));

  if (self->people->len == 0)
    {
      adw_action_row_set_subtitle (self->person_row, _("Everyone in the team has an account already"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->person_dropdown), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
    }
}

static void
setup (ScAccountDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  ScCredentialKind kind = SC_CREDENTIAL_PASSPHRASE;

  for (guint i = 0; i < SC_N_ACCOUNT_ROLES; i++)
    gtk_string_list_append (roles, sc_account_role_get_label (i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  gtk_string_list_append (kinds, _("Passphrase"));
  gtk_string_list_append (kinds, _("PIN"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  switch (self->mode)
    {
    case MODE_NEW:
      gtk_window_set_title (GTK_WINDOW (self), _("New Account"));
      adw_window_title_set_title (self->window_title, _("New Account"));
      gtk_button_set_label (self->save_button, _("C_reate"));
      load_people (self);
      kind = SC_CREDENTIAL_PIN;
      break;

    case MODE_RESET:
      gtk_window_set_title (GTK_WINDOW (self), _("Reset Passphrase or PIN"));
      adw_window_title_set_title (self->window_title, _("Reset Passphrase or PIN"));
      adw_window_title_set_subtitle (self->window_title, sc_account_get_person_name (self->account));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (GTK_WIDGET (self->person_group), FALSE);
      adw_preferences_group_set_description (self->credential_group,
                                             _("Tell them the new one in person. It also clears the "
                                               "wrong tries counted so far."));
      sc_credential_kind_from_string (sc_account_get_credential_kind (self->account), &kind);
      break;

    case MODE_OWN:
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Change Passphrase or PIN"));
      adw_window_title_set_title (self->window_title, _("Change Passphrase or PIN"));
      adw_window_title_set_subtitle (self->window_title, sc_session_get_display_name (self->session));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (GTK_WIDGET (self->person_group), FALSE);
      adw_preferences_group_set_description (self->credential_group,
                                             _("From your next sign-in on, only the new one works."));
      break;
    }

  adw_combo_row_set_selected (self->kind_row, kind == SC_CREDENTIAL_PIN ? 1 : 0);
  update_kind (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* Callbacks */

static void
on_person_selected_cb (ScAccountDialog *self)
{
  ScPerson *person = get_selected_person (self);

  if (person != NULL)
    adw_combo_row_set_selected (self->role_row, account_role_for (sc_person_get_role (person)));
}

static void
on_kind_selected_cb (ScAccountDialog *self)
{
  update_kind (self);
}

static void
on_secret_changed_cb (ScAccountDialog *self,
                      GtkEditable     *editable)
{
  sc_strength_bar_update (self->strength_bar, get_kind (self), gtk_editable_get_text (editable));
  if (self->error_row == GTK_WIDGET (editable))
    gtk_widget_remove_css_class (self->error_row, "error");
}

static void
on_confirm_changed_cb (ScAccountDialog *self,
                       GtkEditable     *editable)
{
  if (self->error_row == GTK_WIDGET (editable))
    gtk_widget_remove_css_class (self->error_row, "error");
}

static void
on_save_clicked_cb (ScAccountDialog *self)
{
  sc_account_dialog_save (self);
}

/* Overrides */

static void
sc_account_dialog_constructed (GObject *object)
{
  ScAccountDialog *self = SC_ACCOUNT_DIALOG (object);

  G_OBJECT_CLASS (sc_account_dialog_parent_class)->constructed (object);

  g_assert (SC_IS_STORE (self->store));
  g_assert (SC_IS_SESSION (self->session));
  g_assert (self->mode != MODE_RESET || SC_IS_ACCOUNT (self->account));

  setup (self);
}

static void
sc_account_dialog_dispose (GObject *object)
{
  ScAccountDialog *self = SC_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ACCOUNT_DIALOG);

  self->error_row = NULL;
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_object (&self->account);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_account_dialog_parent_class)->dispose (object);
}

static void
sc_account_dialog_finalize (GObject *object)
{
  ScAccountDialog *self = SC_ACCOUNT_DIALOG (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_account_dialog_parent_class)->finalize (object);
}

static void
sc_account_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScAccountDialog *self = SC_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_account_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScAccountDialog *self = SC_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    case PROP_MODE:
      self->mode = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_account_dialog_class_init (ScAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_account_dialog_constructed;
  object_class->dispose = sc_account_dialog_dispose;
  object_class->finalize = sc_account_dialog_finalize;
  object_class->get_property = sc_account_dialog_get_property;
  object_class->set_property = sc_account_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SC_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, MODE_NEW, MODE_OWN, MODE_OWN,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScAccountDialog::done:
   *
   * The account was created, or its passphrase or PIN changed.
   */
  signals[DONE] =
    g_signal_new ("done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_STRENGTH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, person_group);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, credential_group);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, ScAccountDialog, strength_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_account_dialog_init (ScAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_account_dialog_new_for_new_account:
 *
 * A dialog that creates an account for someone in the team without one.
 */
GtkWidget *
sc_account_dialog_new_for_new_account (GtkWindow *parent,
                                       ScStore   *store,
                                       ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       "mode", MODE_NEW,
                       NULL);
}

/**
 * sc_account_dialog_new_for_reset:
 *
 * A dialog that sets a new passphrase or PIN for @account.
 */
GtkWidget *
sc_account_dialog_new_for_reset (GtkWindow *parent,
                                 ScStore   *store,
                                 ScSession *session,
                                 ScAccount *account)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);
  g_return_val_if_fail (SC_IS_ACCOUNT (account), NULL);

  return g_object_new (SC_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       "account", account,
                       "mode", MODE_RESET,
                       NULL);
}

/**
 * sc_account_dialog_new_for_own:
 *
 * A dialog in which whoever is signed in sets a new passphrase or PIN for
 * themselves.
 */
GtkWidget *
sc_account_dialog_new_for_own (GtkWindow *parent,
                               ScStore   *store,
                               ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       "mode", MODE_OWN,
                       NULL);
}

/**
 * sc_account_dialog_select_person:
 *
 * Chooses the person a new account is for.
 *
 * Returns: whether that person can get an account
 */
gboolean
sc_account_dialog_select_person (ScAccountDialog *self,
                                 gint64           person_id)
{
  g_return_val_if_fail (SC_IS_ACCOUNT_DIALOG (self), FALSE);

  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      if (sc_person_get_id (g_ptr_array_index (self->people, i)) == person_id)
        {
          gtk_drop_down_set_selected (self->person_dropdown, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sc_account_dialog_get_n_people:
 * Returns: how many people a new account can be for
 */
guint
sc_account_dialog_get_n_people (ScAccountDialog *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT_DIALOG (self), 0);
  return self->people != NULL ? self->people->len : 0;
}

/**
 * sc_account_dialog_save:
 *
 * Does what the dialog is for, as its button does; closes it when done,
 * shows what is wrong otherwise.
 *
 * Returns: whether it was saved
 */
gboolean
sc_account_dialog_save (ScAccountDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  ScCredentialKind kind;
  gboolean ok;

  g_return_val_if_fail (SC_IS_ACCOUNT_DIALOG (self), FALSE);

  kind = get_kind (self);
  secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));

  if (self->mode == MODE_NEW && get_selected_person (self) == NULL)
    {
      set_error (self, GTK_WIDGET (self->person_row), _("Choose the person the account is for"));
      return FALSE;
    }

  if (!sc_credential_check_rules (kind, secret, &error))
    {
      set_error (self, GTK_WIDGET (self->secret_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return FALSE;
    }

  if (g_strcmp0 (secret, gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
      set_error (self, GTK_WIDGET (self->confirm_row),
                 kind == SC_CREDENTIAL_PIN ? _("The two PINs differ: type the same one twice")
                                           : _("The two passphrases differ: type the same one twice"));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return FALSE;
    }

  switch (self->mode)
    {
    case MODE_NEW:
      ok = sc_store_create_account (self->store, self->session,
                                    sc_person_get_id (get_selected_person (self)),
                                    adw_combo_row_get_selected (self->role_row),
                                    kind, secret, &error) != 0;
      break;

    case MODE_RESET:
      ok = sc_store_set_credential (self->store, self->session, sc_account_get_id (self->account),
                                    kind, secret, &error);
      break;

    case MODE_OWN:
    default:
      ok = sc_store_set_credential (self->store, self->session,
                                    sc_session_get_account_id (self->session),
                                    kind, secret, &error);
      break;
    }

  memset (secret, 0, strlen (secret));

  if (!ok)
    {
      set_error (self, NULL, error->message);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  set_error (self, NULL, NULL);
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * sc_account_dialog_get_error:
 * Returns: (nullable): the message shown at the top
 */
const char *
sc_account_dialog_get_error (ScAccountDialog *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT_DIALOG (self), NULL);
  return self->error;
}
