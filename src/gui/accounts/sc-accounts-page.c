/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-accounts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-account-dialog.h"
#include "common/sc-search.h"
#include "sc-accounts-page.h"
#include "common/sc-widget-util.h"

/*
 * ScAccountsPage: every account with its role and state. A supervisor
 * creates accounts, changes roles, resets a passphrase or PIN, unlocks and
 * deletes; the store checks each of these and what it refuses shows in a
 * toast. Nobody changes their own role or deletes their own account here:
 * that is how the last supervisor would lock everyone out.
 */

struct _ScAccountsPage
{
  ScPage               parent_instance;

  /* Owned */
  GListStore          *accounts;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  char                *search_key;

  /* Template */
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkButton           *new_button;
  GtkListBox          *account_list;
};

G_DEFINE_FINAL_TYPE (ScAccountsPage, sc_accounts_page, SC_TYPE_PAGE)

static const char * const page_tables[] = { "account", "person", NULL };

static void on_role_selected_cb (ScAccountsPage *self,
                                 GParamSpec     *pspec,
                                 GtkDropDown    *dropdown);

/* Helpers */

static ScStore *
get_store (ScAccountsPage *self)
{
  return sc_page_get_store (SC_PAGE (self));
}

static ScSession *
get_session (ScAccountsPage *self)
{
  return sc_page_get_session (SC_PAGE (self));
}

static gboolean
filter_account (gpointer item,
                gpointer user_data)
{
  ScAccountsPage *self = user_data;
  ScAccount *account = item;

  if (self->search_key == NULL || *self->search_key == '\0')
    return TRUE;

  return sc_search_key_matches (sc_account_get_person_name (account), self->search_key) ||
         sc_search_key_matches (sc_account_get_employee_no (account), self->search_key) ||
         sc_search_key_matches (sc_account_role_get_label (sc_account_get_role (account)), self->search_key);
}

static void
show_refusal (ScAccountsPage *self,
              const GError   *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sc_widget_add_toast (GTK_WIDGET (self), toast);
}

static ScAccount *
find_account (ScAccountsPage *self,
              gint64          account_id)
{
  GListModel *model = G_LIST_MODEL (self->accounts);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScAccount) account = g_list_model_get_item (model, i);

      if (sc_account_get_id (account) == account_id)
        return account;
    }

  return NULL;
}

static gboolean
is_own (ScAccountsPage *self,
        ScAccount      *account)
{
  return get_session (self) != NULL &&
         sc_account_get_id (account) == sc_session_get_account_id (get_session (self));
}

static gboolean
may_write (ScAccountsPage *self)
{
  return get_session (self) != NULL &&
         sc_permission_access (get_session (self), SC_OPERATION_ACCOUNTS_WRITE) == SC_ACCESS_ALL;
}

static char *
describe_account (ScAccount *account)
{
  ScCredentialKind kind = SC_CREDENTIAL_PASSPHRASE;
  const char *how;

  sc_credential_kind_from_string (sc_account_get_credential_kind (account), &kind);

  if (!sc_account_get_has_credential (account))
    how = _("no passphrase or PIN yet");
  else if (kind == SC_CREDENTIAL_PIN)
    how = _("signs in with a PIN");
  else
    how = _("signs in with a passphrase");

  /* Translators: under a name in the accounts list, e.g. “SC1001 · signs in with a PIN” */
  return g_strdup_printf (C_("account details", "%s · %s"), sc_account_get_employee_no (account), how);
}

static GMenuModel *
new_row_menu (ScAccountsPage *self,
              ScAccount      *account)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) reset = NULL;
  GVariant *target = g_variant_new_int64 (sc_account_get_id (account));

  g_variant_ref_sink (target);

  reset = g_menu_item_new (_("_Reset Passphrase or PIN…"), NULL);
  g_menu_item_set_action_and_target_value (reset, "accounts.reset", target);
  g_menu_append_item (menu, reset);

  if (sc_account_get_locked (account))
    {
      g_autoptr(GMenuItem) unlock = g_menu_item_new (_("_Unlock"), NULL);

      g_menu_item_set_action_and_target_value (unlock, "accounts.unlock", target);
      g_menu_append_item (menu, unlock);
    }

  if (!is_own (self, account))
    {
      g_autoptr(GMenu) section = g_menu_new ();
      g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Account…"), NULL);

      g_menu_item_set_action_and_target_value (delete, "accounts.delete", target);
      g_menu_append_item (section, delete);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  g_variant_unref (target);
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ScAccountsPage *self = user_data;
  ScAccount *account = item;
  g_autofree char *subtitle = describe_account (account);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (36, sc_account_get_person_name (account), TRUE);
  GtkWidget *dropdown;
  GtkWidget *menu_button;
  gboolean writable = may_write (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_account_get_person_name (account));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  gtk_widget_set_name (row, "account-row");

  if (sc_account_get_locked (account))
    {
      GtkWidget *tag = gtk_label_new (_("Locked"));
      GtkWidget *unlock = gtk_button_new_with_mnemonic (_("_Unlock"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "sc-tag");
      gtk_widget_add_css_class (tag, "error");
      gtk_widget_set_tooltip_text (tag, _("Locked after too many wrong tries"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);

      gtk_widget_set_valign (unlock, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (unlock), "accounts.unlock");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (unlock),
                                              g_variant_new_int64 (sc_account_get_id (account)));
      gtk_widget_set_name (unlock, "unlock-button");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlock);
    }

  if (is_own (self, account))
    {
      GtkWidget *you = gtk_label_new (C_("accounts list", "You"));

      gtk_widget_set_valign (you, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (you, "sc-tag");
      gtk_widget_add_css_class (you, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), you);
    }

  for (guint i = 0; i < SC_N_ACCOUNT_ROLES; i++)
    gtk_string_list_append (roles, sc_account_role_get_label (i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), sc_account_get_role (account));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_name (dropdown, "role-dropdown");
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("account", "Role"),
                                  -1);
  if (is_own (self, account))
    {
      gtk_widget_set_sensitive (dropdown, FALSE);
      gtk_widget_set_tooltip_text (dropdown, _("Another supervisor can change your role"));
    }
  else
    {
      gtk_widget_set_sensitive (dropdown, writable);
      gtk_widget_set_tooltip_text (dropdown, _("What this account may see and change"));
    }
  g_object_set_data_full (G_OBJECT (dropdown), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  menu = new_row_menu (self, account);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("More for this account"));
  gtk_widget_set_sensitive (menu_button, writable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
  return row;
}

static void
update_count (ScAccountsPage *self)
{
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (n_shown == n_total)
    text = g_strdup_printf (ngettext ("%u account", "%u accounts", n_total), n_total);
  else
    /* Translators: shown while searching, e.g. “3 of 20 accounts” */
    text = g_strdup_printf (ngettext ("%u of %u account", "%u of %u accounts", n_total),
                            n_shown, n_total);

  gtk_label_set_text (self->count_label, text);
}

static void
update_actions (ScAccountsPage *self)
{
  gboolean writable = get_store (self) != NULL && may_write (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reset", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.unlock", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.delete", writable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), writable);
}

/* Callbacks */

typedef struct
{
  ScAccountsPage *self;
  gint64          account_id;
  ScAccountRole   role;
} RoleChange;

static void
role_change_free (gpointer data)
{
  RoleChange *change = data;

  g_object_unref (change->self);
  g_free (change);
}

static gboolean
apply_role_change_cb (gpointer data)
{
  RoleChange *change = data;

  if (get_store (change->self) != NULL)
    sc_accounts_page_set_role (change->self, change->account_id, change->role);

  return G_SOURCE_REMOVE;
}

static void
on_role_selected_cb (ScAccountsPage *self,
                     GParamSpec     *pspec,
                     GtkDropDown    *dropdown)
{
  ScAccount *account = g_object_get_data (G_OBJECT (dropdown), "account");
  guint role = gtk_drop_down_get_selected (dropdown);
  RoleChange *change;

  if (account == NULL || role == GTK_INVALID_LIST_POSITION || role == sc_account_get_role (account))
    return;

  /* The change reloads the list, which replaces this drop-down: not from
   * inside its own signal */
  change = g_new0 (RoleChange, 1);
  change->self = g_object_ref (self);
  change->account_id = sc_account_get_id (account);
  change->role = role;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_role_change_cb, change, role_change_free);
}

static void
on_filter_items_changed_cb (ScAccountsPage *self)
{
  update_count (self);
}

static void
on_search_changed_cb (ScAccountsPage *self,
                      GtkSearchEntry *entry)
{
  g_autofree char *key = sc_search_key_new (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (key != NULL)
    g_strstrip (key);

  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_stop_cb (ScAccountsPage *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_account_created_cb (ScAccountsPage *self)
{
  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Account created")));
}

static void
on_credential_reset_cb (ScAccountsPage *self)
{
  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("The new passphrase or PIN is saved")));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ScAccountsPage   *self)
{
  gint64 account_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "account-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || get_store (self) == NULL)
    return;

  if (!sc_store_delete_account (get_store (self), get_session (self), account_id, &error))
    show_refusal (self, error);
  else
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Account of %s deleted"), name));
}

/* Actions */

static void
sc_accounts_page_new_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (widget);
  GtkWidget *dialog;

  if (get_store (self) == NULL || get_session (self) == NULL)
    return;

  dialog = sc_account_dialog_new_for_new_account (sc_widget_get_window (GTK_WIDGET (self)), get_store (self),
                                                  get_session (self));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_account_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sc_accounts_page_reset_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (widget);
  ScAccount *account = find_account (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (account == NULL)
    return;

  dialog = sc_account_dialog_new_for_reset (sc_widget_get_window (GTK_WIDGET (self)), get_store (self),
                                            get_session (self), account);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_credential_reset_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sc_accounts_page_unlock_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (widget);
  g_autoptr(ScAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = find_account (self, g_variant_get_int64 (parameter));
  if (account == NULL)
    return;

  /* The list reloads under us */
  g_object_ref (account);

  if (!sc_store_unlock_account (get_store (self), get_session (self), sc_account_get_id (account), &error))
    show_refusal (self, error);
  else
    sc_widget_add_toast (GTK_WIDGET (self),
                         adw_toast_new_format (_("Account of %s unlocked"), sc_account_get_person_name (account)));
}

static void
sc_accounts_page_delete_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (widget);
  ScAccount *account = find_account (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (account == NULL)
    return;

  dialog = adw_message_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete the Account of %s?"),
                                     sc_account_get_person_name (account));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("They will no longer be able to sign in. They stay in the team, and "
                                 "the audit trail keeps what they did. You can give them a new "
                                 "account later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Account"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "account-id", GSIZE_TO_POINTER (sc_account_get_id (account)));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (sc_account_get_person_name (account)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
sc_accounts_page_dispose (GObject *object)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ACCOUNTS_PAGE);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (sc_accounts_page_parent_class)->dispose (object);
}

static void
sc_accounts_page_finalize (GObject *object)
{
  ScAccountsPage *self = SC_ACCOUNTS_PAGE (object);

  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (sc_accounts_page_parent_class)->finalize (object);
}

static void
sc_accounts_page_page_reload (ScPage *page)
{
  sc_accounts_page_reload (SC_ACCOUNTS_PAGE (page));
}

static void
sc_accounts_page_class_init (ScAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_accounts_page_dispose;
  object_class->finalize = sc_accounts_page_finalize;

  page_class->tables = page_tables;
  page_class->reload = sc_accounts_page_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScAccountsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, ScAccountsPage, account_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "accounts.new", NULL, sc_accounts_page_new_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset", "x", sc_accounts_page_reset_action);
  gtk_widget_class_install_action (widget_class, "accounts.unlock", "x", sc_accounts_page_unlock_action);
  gtk_widget_class_install_action (widget_class, "accounts.delete", "x", sc_accounts_page_delete_action);
}

static void
sc_accounts_page_init (ScAccountsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->accounts = g_list_store_new (SC_TYPE_ACCOUNT);
  self->filter = gtk_custom_filter_new (filter_account, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->accounts)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->account_list, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_filter_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No account matches"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->account_list, placeholder);

  update_actions (self);
  update_count (self);
}

/* Public API */

GtkWidget *
sc_accounts_page_new (void)
{
  return g_object_new (SC_TYPE_ACCOUNTS_PAGE, NULL);
}

/**
 * sc_accounts_page_get_accounts:
 * Returns: (transfer none): the accounts listed, as filtered by the search
 */
GListModel *
sc_accounts_page_get_accounts (ScAccountsPage *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * sc_accounts_page_reload:
 *
 * Reads the accounts again; done by itself when the store changes them.
 */
void
sc_accounts_page_reload (ScAccountsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_ACCOUNTS_PAGE (self));

  update_actions (self);

  if (get_store (self) != NULL && get_session (self) != NULL)
    {
      accounts = sc_store_get_accounts (get_store (self), get_session (self), &error);
      if (accounts == NULL)
        g_warning ("Cannot read the accounts: %s", error->message);
    }

  if (accounts == NULL)
    accounts = g_ptr_array_new_with_free_func (g_object_unref);

  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       accounts->pdata, accounts->len);
  update_count (self);
}

/**
 * sc_accounts_page_get_row:
 * Returns: (transfer none) (nullable): the row that shows that account
 */
GtkWidget *
sc_accounts_page_get_row (ScAccountsPage *self,
                          gint64          account_id)
{
  g_return_val_if_fail (SC_IS_ACCOUNTS_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->account_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScAccount *account = g_object_get_data (G_OBJECT (child), "account");

      if (account != NULL && sc_account_get_id (account) == account_id)
        return child;
    }

  return NULL;
}

/**
 * sc_accounts_page_set_role:
 *
 * Changes the role of an account, as its drop-down does; a refusal shows
 * in a toast and the drop-down goes back.
 *
 * Returns: whether the store changed it
 */
gboolean
sc_accounts_page_set_role (ScAccountsPage *self,
                           gint64          account_id,
                           ScAccountRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAccount) account = NULL;

  g_return_val_if_fail (SC_IS_ACCOUNTS_PAGE (self), FALSE);

  if (get_store (self) == NULL || (account = find_account (self, account_id)) == NULL)
    return FALSE;

  g_object_ref (account);

  if (!sc_store_set_account_role (get_store (self), get_session (self), account_id, role, &error))
    {
      show_refusal (self, error);
      /* Show the role as it is */
      sc_accounts_page_reload (self);
      return FALSE;
    }

  sc_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (_("%s is now: %s"), sc_account_get_person_name (account),
                                             sc_account_role_get_label (role)));
  return TRUE;
}
