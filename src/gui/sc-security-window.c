/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-security-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-security-window.h"

/*
 * ScSecurityWindow: team-wide security settings, for those who may change
 * them. A change is saved a moment after the last click (each save is an
 * entry in the audit trail) and when the window closes.
 */

#define SAVE_DELAY_MS 700

struct _ScSecurityWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned */
  ScStore              *store;
  ScSession            *session;
  guint                 save_source;
  gboolean              loading;

  /* Template */
  AdwActionRow         *idle_row;
  GtkSpinButton        *idle_spin;
};

G_DEFINE_FINAL_TYPE (ScSecurityWindow, sc_security_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Callbacks */

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  ScSecurityWindow *self = user_data;

  self->save_source = 0;
  sc_security_window_save (self);
  return G_SOURCE_REMOVE;
}

static void
on_idle_value_changed_cb (ScSecurityWindow *self,
                          GtkSpinButton    *spin)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, on_save_timeout_cb, self);
}

/* Overrides */

static gboolean
sc_security_window_close_request (GtkWindow *window)
{
  ScSecurityWindow *self = SC_SECURITY_WINDOW (window);

  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      sc_security_window_save (self);
    }

  return GTK_WINDOW_CLASS (sc_security_window_parent_class)->close_request (window);
}

static void
sc_security_window_constructed (GObject *object)
{
  ScSecurityWindow *self = SC_SECURITY_WINDOW (object);
  gboolean allowed;

  G_OBJECT_CLASS (sc_security_window_parent_class)->constructed (object);

  g_assert (SC_IS_STORE (self->store));
  g_assert (SC_IS_SESSION (self->session));

  self->loading = TRUE;
  gtk_spin_button_set_value (self->idle_spin, sc_store_get_idle_minutes (self->store));
  self->loading = FALSE;

  allowed = sc_permission_access (self->session, SC_OPERATION_SETTINGS_WRITE) == SC_ACCESS_ALL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_spin), allowed);
}

static void
sc_security_window_dispose (GObject *object)
{
  ScSecurityWindow *self = SC_SECURITY_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SECURITY_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_security_window_parent_class)->dispose (object);
}

static void
sc_security_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ScSecurityWindow *self = SC_SECURITY_WINDOW (object);

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
sc_security_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ScSecurityWindow *self = SC_SECURITY_WINDOW (object);

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
sc_security_window_class_init (ScSecurityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_security_window_constructed;
  object_class->dispose = sc_security_window_dispose;
  object_class->get_property = sc_security_window_get_property;
  object_class->set_property = sc_security_window_set_property;

  window_class->close_request = sc_security_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-security-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSecurityWindow, idle_row);
  gtk_widget_class_bind_template_child (widget_class, ScSecurityWindow, idle_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_idle_value_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_security_window_init (ScSecurityWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_security_window_new (GtkWindow *parent,
                        ScStore   *store,
                        ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_SECURITY_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * sc_security_window_save:
 *
 * Saves the settings now; a refusal or a value out of range shows in a
 * toast.
 *
 * Returns: whether they were saved
 */
gboolean
sc_security_window_save (ScSecurityWindow *self)
{
  g_autoptr(GError) error = NULL;
  int minutes;

  g_return_val_if_fail (SC_IS_SECURITY_WINDOW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);

  minutes = gtk_spin_button_get_value_as_int (self->idle_spin);
  if (minutes == sc_store_get_idle_minutes (self->store))
    return TRUE;

  if (!sc_store_set_idle_minutes (self->store, self->session, minutes, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
      return FALSE;
    }

  return TRUE;
}
