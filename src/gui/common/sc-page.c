/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-page"

#include "config.h"

#include "sc-page.h"

/*
 * ScPage: what every page of the main window has in common — the store and
 * the session it reads with, and reading again when the data it shows
 * changes. A page that is not shown reads nothing: it is marked stale and
 * reads when it is next shown.
 */

typedef struct
{
  ScStore   *store;
  ScSession *session;
  gboolean   stale;
} ScPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ScPage, sc_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_store_changed_cb (ScPage             *self,
                     const char * const *tables,
                     ScStore            *store)
{
  const char * const *wanted = SC_PAGE_GET_CLASS (self)->tables;

  if (tables != NULL && wanted != NULL)
    {
      gboolean relevant = FALSE;

      for (guint i = 0; wanted[i] != NULL && !relevant; i++)
        relevant = g_strv_contains (tables, wanted[i]);
      if (!relevant)
        return;
    }

  sc_page_queue_reload (self);
}

static void
sc_page_map (GtkWidget *widget)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (widget));

  GTK_WIDGET_CLASS (sc_page_parent_class)->map (widget);

  if (priv->stale)
    sc_page_reload_now (SC_PAGE (widget));
}

static void
sc_page_dispose (GObject *object)
{
  ScPagePrivate *priv = sc_page_get_instance_private (SC_PAGE (object));

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, on_store_changed_cb, object);
  g_clear_object (&priv->store);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (sc_page_parent_class)->dispose (object);
}

static void
sc_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScPage *self = SC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, sc_page_get_store (self));
      break;

    case PROP_SESSION:
      g_value_set_object (value, sc_page_get_session (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ScPage *self = SC_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sc_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      sc_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_page_class_init (ScPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_page_dispose;
  object_class->get_property = sc_page_get_property;
  object_class->set_property = sc_page_set_property;

  widget_class->map = sc_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_page_init (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  priv->stale = TRUE;
}

ScStore *
sc_page_get_store (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);
  return priv->store;
}

void
sc_page_set_store (ScPage  *self,
                   ScStore *store)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_if_fail (SC_IS_PAGE (self));
  g_return_if_fail (store == NULL || SC_IS_STORE (store));

  if (priv->store == store)
    return;

  if (priv->store != NULL)
    g_signal_handlers_disconnect_by_func (priv->store, on_store_changed_cb, self);

  g_set_object (&priv->store, store);

  if (priv->store != NULL)
    g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  sc_page_queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

ScSession *
sc_page_get_session (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_val_if_fail (SC_IS_PAGE (self), NULL);
  return priv->session;
}

void
sc_page_set_session (ScPage    *self,
                     ScSession *session)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_if_fail (SC_IS_PAGE (self));
  g_return_if_fail (session == NULL || SC_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  sc_page_queue_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * sc_page_queue_reload:
 *
 * Reads again now when the page is shown, else when it is next shown.
 */
void
sc_page_queue_reload (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_if_fail (SC_IS_PAGE (self));

  priv->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sc_page_reload_now (self);
}

/**
 * sc_page_reload_now:
 *
 * Reads again at once, shown or not (tests, and pages that must be ready).
 */
void
sc_page_reload_now (ScPage *self)
{
  ScPagePrivate *priv = sc_page_get_instance_private (self);

  g_return_if_fail (SC_IS_PAGE (self));

  if (priv->store == NULL || priv->session == NULL)
    return;

  priv->stale = FALSE;
  if (SC_PAGE_GET_CLASS (self)->reload != NULL)
    SC_PAGE_GET_CLASS (self)->reload (self);
}
