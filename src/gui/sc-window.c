/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-security-window.h"
#include "sc-window.h"
#include "accounts/sc-account-dialog.h"
#include "accounts/sc-accounts-page.h"
#include "audit/sc-audit-page.h"
#include "calendar/sc-ics-export-dialog.h"
#include "calendar/sc-ics-import-dialog.h"
#include "exams/sc-exams-page.h"
#include "planning/sc-cover-dialog.h"
#include "planning/sc-forecast-dialog.h"
#include "planning/sc-shift-types-dialog.h"
#include "planning/sc-staffing-calculator.h"
#include "profile/sc-profile-page.h"
#include "exam-mode/sc-my-exams-page.h"
#include "exam-mode/sc-certifications-page.h"
#include "requests/sc-requests-page.h"
#include "roster/sc-roster-page.h"
#include "schedule/sc-schedule-page.h"
#include "team/sc-team-page.h"

/*
 * ScWindow: the main window of one signed-in account. It shows only the
 * pages whose data that account may see (the permission table decides,
 * not the role's name) and hands the session to every page, which passes
 * it on to every store call.
 */

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  ScStore              *store;
  ScSession            *session;
  GSettings            *settings;
  gboolean              ready;       /* pages set up, state restored */

  /* Template */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  GtkMenuButton        *account_button;
  AdwAvatar            *account_avatar;
  GtkLabel             *account_label;
  GMenu                *admin_section;
  GMenu                *planning_section;
  ScProfilePage        *profile_page;
  ScTeamPage           *team_page;
  ScRosterPage         *roster_page;
  ScAccountsPage       *accounts_page;
  ScAuditPage          *audit_page;
  ScRequestsPage       *requests_page;
  ScMyExamsPage        *my_exams_page;
  ScSchedulePage       *schedule_page;
  ScExamsPage          *exams_page;
  ScCertificationsPage *certifications_page;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without the schema must not abort */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_info ("Schema %s is not installed: the window will not remember its state", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}

static void
restore_state (ScWindow *self)
{
  g_autofree char *page = NULL;
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  sc_window_set_visible_page (self, page);
}

static void
save_state (ScWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
may (ScWindow    *self,
     ScOperation  operation)
{
  return sc_permission_access (self->session, operation) == SC_ACCESS_ALL;
}

/* Removes a page the session may not see: it never reads the store */
static void
drop_page (ScWindow  *self,
           gpointer  *page)
{
  adw_view_stack_remove (self->stack, GTK_WIDGET (*page));
  *page = NULL;
}

static void
setup_pages (ScWindow *self)
{
  ScAccess people = sc_permission_access (self->session, SC_OPERATION_PEOPLE_READ);

  /* Those who see the team see themselves in it; the others get their
   * own profile instead */
  if (people == SC_ACCESS_ALL)
    {
      drop_page (self, (gpointer *) &self->profile_page);
      sc_team_page_set_session (self->team_page, self->session);
      sc_team_page_set_store (self->team_page, self->store);
    }
  else
    {
      drop_page (self, (gpointer *) &self->team_page);
      sc_page_set_session (SC_PAGE (self->profile_page), self->session);
      sc_page_set_store (SC_PAGE (self->profile_page), self->store);
    }

  /* The whole roster: supervisors edit it, trainers see it to plan
   * classes; agents see only their own shifts elsewhere */
  if (sc_permission_access (self->session, SC_OPERATION_ROSTER_READ) == SC_ACCESS_ALL)
    {
      sc_roster_page_set_session (self->roster_page, self->session);
      sc_roster_page_set_store (self->roster_page, self->store);
    }
  else
    drop_page (self, (gpointer *) &self->roster_page);

  if (sc_permission_access (self->session, SC_OPERATION_ACCOUNTS_READ) != SC_ACCESS_DENY)
    {
      sc_page_set_session (SC_PAGE (self->accounts_page), self->session);
      sc_page_set_store (SC_PAGE (self->accounts_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->accounts_page);

  /* Everyone on the team has a schedule of their own */
  if (sc_session_get_person_id (self->session) != 0 &&
      sc_permission_access (self->session, SC_OPERATION_ROSTER_READ) != SC_ACCESS_DENY)
    {
      sc_page_set_session (SC_PAGE (self->schedule_page), self->session);
      sc_page_set_store (SC_PAGE (self->schedule_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->schedule_page);

  if (sc_permission_access (self->session, SC_OPERATION_TIME_OFF_READ) != SC_ACCESS_DENY)
    {
      sc_page_set_session (SC_PAGE (self->requests_page), self->session);
      sc_page_set_store (SC_PAGE (self->requests_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->requests_page);

  /* The bank holds the answer keys: agents see exams elsewhere */
  if (may (self, SC_OPERATION_QUESTIONS_READ))
    {
      sc_page_set_session (SC_PAGE (self->exams_page), self->session);
      sc_page_set_store (SC_PAGE (self->exams_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->exams_page);

  /* Those who take exams, rather than keep them, take them as themselves
   * (the bank's keepers would only see their own keys) */
  if (sc_session_get_person_id (self->session) != 0 && !may (self, SC_OPERATION_QUESTIONS_READ))
    {
      sc_page_set_session (SC_PAGE (self->my_exams_page), self->session);
      sc_page_set_store (SC_PAGE (self->my_exams_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->my_exams_page);

  /* Trainers and supervisors follow everyone's certifications */
  if (may (self, SC_OPERATION_CERTIFICATIONS_READ))
    {
      sc_page_set_session (SC_PAGE (self->certifications_page), self->session);
      sc_page_set_store (SC_PAGE (self->certifications_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->certifications_page);

  if (sc_permission_access (self->session, SC_OPERATION_AUDIT_READ) != SC_ACCESS_DENY)
    {
      sc_page_set_session (SC_PAGE (self->audit_page), self->session);
      sc_page_set_store (SC_PAGE (self->audit_page), self->store);
    }
  else
    drop_page (self, (gpointer *) &self->audit_page);
}

static void
setup_menu (ScWindow *self)
{
  g_autofree char *tooltip = NULL;
  const char *name = sc_session_get_display_name (self->session);
  const char *role = sc_account_role_get_label (sc_session_get_role (self->session));

  /* The planning editors are on the Roster page's menu; the calculator
   * is for anyone */
  g_menu_remove_all (self->planning_section);
  g_menu_append (self->planning_section, _("Staffing Ca_lculator…"), "win.staffing-calculator");

  for (guint i = 0; i < 3; i++)
    {
      const char *actions[] = { "win.edit-shift-types", "win.edit-forecast", "win.edit-cover" };

      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i],
                                     sc_permission_access (self->session, SC_OPERATION_PLANNING_READ) != SC_ACCESS_DENY);
    }

  g_menu_remove_all (self->admin_section);
  if (may (self, SC_OPERATION_SETTINGS_WRITE))
    g_menu_append (self->admin_section, _("Se_curity…"), "win.security");
  if (may (self, SC_OPERATION_BACKUP))
    g_menu_append (self->admin_section, _("_Back Up…"), "app.backup");
  if (may (self, SC_OPERATION_RESTORE))
    g_menu_append (self->admin_section, _("_Restore…"), "app.restore");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.security", may (self, SC_OPERATION_SETTINGS_WRITE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-credential",
                                 sc_session_get_account_id (self->session) != 0);

  adw_avatar_set_text (self->account_avatar, name);
  gtk_label_set_text (self->account_label, name);
  /* Translators: the tooltip of the account button, e.g. “Signed in as Wang Fang (Agent)” */
  tooltip = g_strdup_printf (_("Signed in as %s (%s)"), name, role);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->account_button), tooltip);
  adw_view_switcher_title_set_subtitle (self->switcher_title, tooltip);
}

/* Callbacks */

static void
on_stack_visible_child_name_cb (ScWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  /* Not while pages the session may not see are taken away */
  if (self->settings != NULL && name != NULL && self->ready)
    g_settings_set_string (self->settings, "last-page", name);
}

/* Actions */

static void
sc_window_change_credential_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  sc_window_change_credential (SC_WINDOW (widget));
}

static void
sc_window_security_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  sc_window_show_security (SC_WINDOW (widget));
}

static void
sc_window_edit_shift_types_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sc_shift_types_dialog_new (GTK_WINDOW (self), self->store, self->session)));
}

static void
sc_window_edit_forecast_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *day = sc_store_get_next_forecast_day (self->store, today);

  gtk_window_present (GTK_WINDOW (sc_forecast_dialog_new (GTK_WINDOW (self), self->store, self->session,
                                                          day != NULL ? day : today)));
}

static void
sc_window_edit_cover_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sc_cover_dialog_new (GTK_WINDOW (self), self->store, self->session, NULL)));
}

static void
sc_window_staffing_calculator_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (sc_staffing_calculator_new (GTK_WINDOW (widget))));
}

static void
on_ics_imported_cb (ScWindow        *self,
                    ScIcsImportKind  kind,
                    guint            n_written)
{
  g_autofree char *message = NULL;

  if (kind == SC_ICS_IMPORT_HOLIDAYS)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u holiday", "Imported %u holidays",
                                            n_written), n_written);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u period of time off",
                                            "Imported %u periods of time off", n_written), n_written);
  sc_window_add_toast (self, adw_toast_new (message));
}

static void
sc_window_import_ics_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  GtkWidget *dialog = sc_ics_import_dialog_new (GTK_WINDOW (self), self->store, self->session);

  g_signal_connect_object (dialog, "done", G_CALLBACK (on_ics_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sc_window_export_ics_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  GtkWidget *dialog = sc_ics_export_dialog_new (GTK_WINDOW (self), self->store, self->session);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static gboolean
sc_window_close_request (GtkWindow *window)
{
  save_state (SC_WINDOW (window));

  return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);
}

static void
sc_window_constructed (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  G_OBJECT_CLASS (sc_window_parent_class)->constructed (object);

  g_assert (SC_IS_STORE (self->store));
  g_assert (SC_IS_SESSION (self->session));

  setup_pages (self);
  setup_menu (self);
  restore_state (self);
  self->ready = TRUE;
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_window_constructed;
  object_class->dispose = sc_window_dispose;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;

  window_class->close_request = sc_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * ScWindow:session:
   *
   * Who the window is for. A window serves one session: signing out closes it.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_TEAM_PAGE);
  g_type_ensure (SC_TYPE_PROFILE_PAGE);
  g_type_ensure (SC_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (SC_TYPE_ROSTER_PAGE);
  g_type_ensure (SC_TYPE_AUDIT_PAGE);
  g_type_ensure (SC_TYPE_REQUESTS_PAGE);
  g_type_ensure (SC_TYPE_MY_EXAMS_PAGE);
  g_type_ensure (SC_TYPE_SCHEDULE_PAGE);
  g_type_ensure (SC_TYPE_EXAMS_PAGE);
  g_type_ensure (SC_TYPE_CERTIFICATIONS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, account_avatar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, admin_section);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, planning_section);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, profile_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, roster_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, audit_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, requests_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, my_exams_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, schedule_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, exams_page);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, certifications_page);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);

  gtk_widget_class_install_action (widget_class, "win.change-credential", NULL,
                                   sc_window_change_credential_action);
  gtk_widget_class_install_action (widget_class, "win.security", NULL, sc_window_security_action);
  gtk_widget_class_install_action (widget_class, "win.edit-shift-types", NULL, sc_window_edit_shift_types_action);
  gtk_widget_class_install_action (widget_class, "win.edit-forecast", NULL, sc_window_edit_forecast_action);
  gtk_widget_class_install_action (widget_class, "win.edit-cover", NULL, sc_window_edit_cover_action);
  gtk_widget_class_install_action (widget_class, "win.staffing-calculator", NULL,
                                   sc_window_staffing_calculator_action);
  gtk_widget_class_install_action (widget_class, "win.import-ics", NULL, sc_window_import_ics_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", NULL, sc_window_export_ics_action);
}

static void
sc_window_init (ScWindow *self)
{
  self->settings = new_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

ScWindow *
sc_window_new (ScApplication *application,
               ScStore       *store,
               ScSession     *session)
{
  g_return_val_if_fail (SC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * sc_window_get_store:
 * Returns: (transfer none): the store the window shows
 */
ScStore *
sc_window_get_store (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * sc_window_get_session:
 * Returns: (transfer none): who the window is for
 */
ScSession *
sc_window_get_session (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * sc_window_get_page:
 * Returns: (transfer none) (nullable): the page with that name, or %NULL
 *   when there is none or the session may not see it
 */
GtkWidget *
sc_window_get_page (ScWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return adw_view_stack_get_child_by_name (self->stack, name);
}

const char *
sc_window_get_visible_page (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * sc_window_set_visible_page:
 *
 * Shows the page with that name; does nothing when there is no such page
 * (for example a page that the signed-in role does not see).
 */
void
sc_window_set_visible_page (ScWindow   *self,
                            const char *name)
{
  GtkWidget *child;

  g_return_if_fail (SC_IS_WINDOW (self));

  if (name == NULL || *name == '\0')
    return;

  child = adw_view_stack_get_child_by_name (self->stack, name);
  if (child != NULL && gtk_widget_get_visible (child))
    adw_view_stack_set_visible_child (self->stack, child);
}

/**
 * sc_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
sc_window_add_toast (ScWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->toast_overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_credential_changed_cb (ScWindow *self)
{
  sc_window_add_toast (self, adw_toast_new (_("The new passphrase or PIN is saved")));
}

/**
 * sc_window_change_credential:
 *
 * Opens the dialog in which the signed-in person sets a new passphrase or
 * PIN for themselves.
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWindow *
sc_window_change_credential (ScWindow *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  dialog = sc_account_dialog_new_for_own (GTK_WINDOW (self), self->store, self->session);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_credential_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * sc_window_show_security:
 *
 * Opens the security settings (automatic sign-out).
 *
 * Returns: (transfer none): the settings window, already presented
 */
GtkWindow *
sc_window_show_security (ScWindow *self)
{
  GtkWidget *window;

  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  window = sc_security_window_new (GTK_WINDOW (self), self->store, self->session);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
