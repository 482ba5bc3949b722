/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-window.h"
#include "team/sc-team-page.h"

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  ScStore              *store;
  GSettings            *settings;

  /* Template */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  ScTeamPage           *team_page;
};

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
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

/* Callbacks */

static void
on_stack_visible_child_name_cb (ScWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
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

  restore_state (self);
}

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = SC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  g_clear_object (&self->store);
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
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          sc_team_page_set_store (self->team_page, self->store);
          g_object_notify_by_pspec (object, pspec);
        }
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
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_TEAM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, team_page);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_name_cb);
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
               ScStore       *store)
{
  g_return_val_if_fail (SC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       "store", store,
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
 * sc_window_get_page:
 * Returns: (transfer none) (nullable): the page with that name
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

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
