/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *sc_widget_get_window (GtkWidget *widget);
void       sc_widget_add_toast  (GtkWidget *widget,
                                 AdwToast  *toast);

G_END_DECLS
