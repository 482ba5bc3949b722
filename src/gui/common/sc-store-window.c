/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-window"

#include "config.h"

#include "sc-store-window.h"

/*
 * ScStoreWindow: a dialog window that reads and writes the store as one
 * signed-in person. Both are given when it is made and never change; the
 * subclasses read them in constructed() and after.
 */

typedef struct
{
  ScStore   *store;
  ScSession *session;
} ScStoreWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ScStoreWindow, sc_store_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_store_window_dispose (GObject *object)
{
  ScStoreWindowPrivate *priv = sc_store_window_get_instance_private (SC_STORE_WINDOW (object));

  g_clear_object (&priv->session);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (sc_store_window_parent_class)->dispose (object);
}

static void
sc_store_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScStoreWindowPrivate *priv = sc_store_window_get_instance_private (SC_STORE_WINDOW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_store_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScStoreWindowPrivate *priv = sc_store_window_get_instance_private (SC_STORE_WINDOW (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_store_window_class_init (ScStoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_store_window_dispose;
  object_class->get_property = sc_store_window_get_property;
  object_class->set_property = sc_store_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_store_window_init (ScStoreWindow *self)
{
}

ScStore *
sc_store_window_get_store (ScStoreWindow *self)
{
  ScStoreWindowPrivate *priv = sc_store_window_get_instance_private (self);

  g_return_val_if_fail (SC_IS_STORE_WINDOW (self), NULL);
  return priv->store;
}

ScSession *
sc_store_window_get_session (ScStoreWindow *self)
{
  ScStoreWindowPrivate *priv = sc_store_window_get_instance_private (self);

  g_return_val_if_fail (SC_IS_STORE_WINDOW (self), NULL);
  return priv->session;
}
