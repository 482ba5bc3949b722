/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-sign-in-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "common/sc-search.h"
#include "sc-sign-in-window.h"

/*
 * ScSignInWindow: “Who is using Shiftcraft?” — the accounts of the people
 * in the team, then the passphrase or PIN of the one chosen. What the store
 * says when it refuses (wrong, wait, locked) shows under the entry. Emits
 * ScSignInWindow::signed-in with the session; the application takes it
 * from there.
 */

struct _ScSignInWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  ScStore              *store;
  GListStore           *accounts;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkLabel             *placeholder;
  ScAccount            *chosen;
  char                 *search_key;
  char                 *error;

  /* Template */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkRevealer          *note_revealer;
  GtkLabel             *note_label;
  GtkSearchEntry       *search_entry;
  GtkListBox           *account_list;
  AdwAvatar            *chosen_avatar;
  GtkLabel             *chosen_name_label;
  GtkLabel             *chosen_details_label;
  AdwPasswordEntryRow  *secret_row;
  GtkLabel             *error_label;
  GtkButton            *back_button;
  GtkButton            *sign_in_button;
};

G_DEFINE_FINAL_TYPE (ScSignInWindow, sc_sign_in_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_list (ScSignInWindow *self);

/* Helpers */

static gboolean
filter_account (gpointer item,
                gpointer user_data)
{
  ScSignInWindow *self = user_data;
  ScAccount *account = item;

  if (self->search_key == NULL || *self->search_key == '\0')
    return TRUE;

  return sc_search_key_matches (sc_account_get_person_name (account), self->search_key) ||
         sc_search_key_matches (sc_account_get_employee_no (account), self->search_key);
}

static char *
describe_account (ScAccount *account)
{
  /* Translators: under a name in the sign-in list, e.g. “SC1001 · Supervisor” */
  return g_strdup_printf (C_("account details", "%s · %s"),
                          sc_account_get_employee_no (account),
                          sc_account_role_get_label (sc_account_get_role (account)));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ScAccount *account = item;
  g_autofree char *subtitle = describe_account (account);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (40, sc_account_get_person_name (account), TRUE);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_account_get_person_name (account));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (sc_account_get_locked (account))
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Locked after too many wrong tries"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"),
                                      -1);
      gtk_widget_add_css_class (lock, "error");
      gtk_widget_set_name (lock, "lock-icon");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
  return row;
}

static void
set_error (ScSignInWindow *self,
           const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->secret_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
}

static void
show_credential_step (ScSignInWindow *self,
                      ScAccount      *account)
{
  g_autofree char *details = describe_account (account);

  g_set_object (&self->chosen, account);

  adw_avatar_set_text (self->chosen_avatar, sc_account_get_person_name (account));
  gtk_label_set_text (self->chosen_name_label, sc_account_get_person_name (account));
  gtk_label_set_text (self->chosen_details_label, details);
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");

  if (sc_account_get_locked (account))
    set_error (self, _("This account is locked after too many wrong tries: a supervisor can unlock it"));
  else
    set_error (self, NULL);

  gtk_stack_set_visible_child_name (self->stack, "credential");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->sign_in_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
}

static void
sign_in (ScSignInWindow *self)
{
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  if (self->chosen == NULL || self->store == NULL)
    return;

  secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->secret_row)));
  if (*secret == '\0')
    {
      set_error (self, _("Type your passphrase or PIN"));
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return;
    }

  session = sc_store_sign_in (self->store, sc_account_get_id (self->chosen), secret, &error);

  /* Nothing of it stays in the entry */
  memset (secret, 0, strlen (secret));
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");

  if (session == NULL)
    {
      g_info ("Sign-in refused: %s", error->message);
      set_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->secret_row));
      return;
    }

  set_error (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

/* Callbacks */

static void
on_search_changed_cb (ScSignInWindow *self,
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
on_search_activate_cb (ScSignInWindow *self,
                       GtkSearchEntry *entry)
{
  /* Enter with one match left chooses it */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 1)
    {
      g_autoptr(ScAccount) account = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

      show_credential_step (self, account);
    }
}

static void
on_search_stop_cb (ScSignInWindow *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_row_activated_cb (ScSignInWindow *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  ScAccount *account = g_object_get_data (G_OBJECT (row), "account");

  if (account != NULL)
    show_credential_step (self, account);
}

static void
on_secret_activated_cb (ScSignInWindow *self)
{
  sign_in (self);
}

static void
on_secret_changed_cb (ScSignInWindow *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->secret_row))[0] != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "error");
}

static void
on_sign_in_clicked_cb (ScSignInWindow *self)
{
  sign_in (self);
}

static void
on_back_clicked_cb (ScSignInWindow *self)
{
  sc_sign_in_window_go_back (self);
}

static void
sc_sign_in_window_back_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "credential") == 0)
    sc_sign_in_window_go_back (self);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Overrides */

static void
sc_sign_in_window_constructed (GObject *object)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (object);
  g_autoptr(ScTeam) team = NULL;

  G_OBJECT_CLASS (sc_sign_in_window_parent_class)->constructed (object);

  g_assert (SC_IS_STORE (self->store));

  team = sc_store_get_team (self->store, NULL);
  if (team != NULL && sc_team_get_name (team) != NULL && *sc_team_get_name (team) != '\0')
    adw_window_title_set_subtitle (self->window_title, sc_team_get_name (team));

  sc_sign_in_window_reload (self);
}

static void
sc_sign_in_window_dispose (GObject *object)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SIGN_IN_WINDOW);

  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->accounts);
  g_clear_object (&self->chosen);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_sign_in_window_parent_class)->dispose (object);
}

static void
sc_sign_in_window_finalize (GObject *object)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (object);

  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_sign_in_window_parent_class)->finalize (object);
}

static void
sc_sign_in_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sign_in_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScSignInWindow *self = SC_SIGN_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_sign_in_window_class_init (ScSignInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_sign_in_window_constructed;
  object_class->dispose = sc_sign_in_window_dispose;
  object_class->finalize = sc_sign_in_window_finalize;
  object_class->get_property = sc_sign_in_window_get_property;
  object_class->set_property = sc_sign_in_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScSignInWindow::signed-in:
   * @session: the new session
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-sign-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, chosen_avatar);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, chosen_name_label);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, chosen_details_label);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, secret_row);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ScSignInWindow, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.back", NULL, sc_sign_in_window_back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.back", NULL);
}

static void
sc_sign_in_window_init (ScSignInWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->accounts = g_list_store_new (SC_TYPE_ACCOUNT);
  self->filter = gtk_custom_filter_new (filter_account, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->accounts)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->account_list, G_LIST_MODEL (self->filtered), create_row, self, NULL);

  placeholder = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->account_list, placeholder);
  self->placeholder = GTK_LABEL (placeholder);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_sign_in_window_new (ScApplication *application,
                       ScStore       *store)
{
  g_return_val_if_fail (SC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  return g_object_new (SC_TYPE_SIGN_IN_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * sc_sign_in_window_reload:
 *
 * Reads the accounts again (one may have been locked meanwhile) and goes
 * back to the list.
 */
void
sc_sign_in_window_reload (ScSignInWindow *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_SIGN_IN_WINDOW (self));

  accounts = sc_store_get_sign_in_accounts (self->store, &error);
  if (accounts == NULL)
    {
      g_warning ("Cannot read the accounts: %s", error->message);
      accounts = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                       accounts->pdata, accounts->len);

  if (accounts->len == 0)
    gtk_label_set_text (self->placeholder,
                        _("Nobody in the team has an account to sign in with. Ask whoever set up "
                          "Shiftcraft on this computer."));
  else
    gtk_label_set_text (self->placeholder, _("No account matches"));

  show_list (self);
}

/**
 * sc_sign_in_window_set_note:
 * @note: (nullable): why the list shows, e.g. after an automatic sign-out
 */
void
sc_sign_in_window_set_note (ScSignInWindow *self,
                            const char     *note)
{
  g_return_if_fail (SC_IS_SIGN_IN_WINDOW (self));

  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_revealer_set_reveal_child (self->note_revealer, note != NULL && *note != '\0');
}

/**
 * sc_sign_in_window_get_note:
 * Returns: (nullable): the note shown over the list
 */
const char *
sc_sign_in_window_get_note (ScSignInWindow *self)
{
  g_return_val_if_fail (SC_IS_SIGN_IN_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->note_revealer))
    return NULL;

  return gtk_label_get_text (self->note_label);
}

/**
 * sc_sign_in_window_get_accounts:
 * Returns: (transfer none): the accounts listed, as filtered by the search
 */
GListModel *
sc_sign_in_window_get_accounts (ScSignInWindow *self)
{
  g_return_val_if_fail (SC_IS_SIGN_IN_WINDOW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * sc_sign_in_window_choose_account:
 *
 * Goes to the passphrase step for that account, as a click on its row does.
 *
 * Returns: whether the account is in the list
 */
gboolean
sc_sign_in_window_choose_account (ScSignInWindow *self,
                                  gint64          account_id)
{
  GListModel *model;

  g_return_val_if_fail (SC_IS_SIGN_IN_WINDOW (self), FALSE);

  model = G_LIST_MODEL (self->accounts);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScAccount) account = g_list_model_get_item (model, i);

      if (sc_account_get_id (account) == account_id)
        {
          show_credential_step (self, account);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sc_sign_in_window_get_chosen:
 * Returns: (transfer none) (nullable): the account whose passphrase is asked
 */
ScAccount *
sc_sign_in_window_get_chosen (ScSignInWindow *self)
{
  g_return_val_if_fail (SC_IS_SIGN_IN_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "credential") != 0)
    return NULL;

  return self->chosen;
}

/**
 * sc_sign_in_window_go_back:
 *
 * Goes back from the passphrase step to the list, read again.
 */
void
sc_sign_in_window_go_back (ScSignInWindow *self)
{
  g_return_if_fail (SC_IS_SIGN_IN_WINDOW (self));

  sc_sign_in_window_reload (self);
}

static void
show_list (ScSignInWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  set_error (self, NULL);
  g_clear_object (&self->chosen);
  gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, "accounts");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sc_sign_in_window_get_error:
 * Returns: (nullable): the message shown under the passphrase entry
 */
const char *
sc_sign_in_window_get_error (ScSignInWindow *self)
{
  g_return_val_if_fail (SC_IS_SIGN_IN_WINDOW (self), NULL);
  return self->error;
}
