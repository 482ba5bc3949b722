/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-widget-util"

#include "config.h"

#include "sc-widget-util.h"

/**
 * sc_widget_get_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in, for the
 *   dialogs it opens
 */
GtkWindow *
sc_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * sc_widget_add_toast:
 * @toast: (transfer full): what to say
 *
 * Shows @toast in the toast overlay around @widget; a widget outside any
 * (a test's bare page) logs what it says instead.
 */
void
sc_widget_add_toast (GtkWidget *widget,
                     AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }

  g_info ("%s", adw_toast_get_title (toast));
  g_object_unref (toast);
}
