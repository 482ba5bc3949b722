/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())
G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

ScWindow   *sc_window_new              (ScApplication *application,
                                        ScStore       *store,
                                        ScSession     *session);
ScStore    *sc_window_get_store        (ScWindow      *self);
ScSession  *sc_window_get_session      (ScWindow      *self);
GtkWidget  *sc_window_get_page         (ScWindow      *self,
                                        const char    *name);
const char *sc_window_get_visible_page (ScWindow      *self);
void        sc_window_set_visible_page (ScWindow      *self,
                                        const char    *name);
void        sc_window_add_toast        (ScWindow      *self,
                                        AdwToast      *toast);
GtkWindow  *sc_window_change_credential (ScWindow     *self);
GtkWindow  *sc_window_show_security    (ScWindow      *self);

G_END_DECLS
