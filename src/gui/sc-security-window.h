/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_SECURITY_WINDOW (sc_security_window_get_type ())
G_DECLARE_FINAL_TYPE (ScSecurityWindow, sc_security_window, SC, SECURITY_WINDOW, AdwPreferencesWindow)

GtkWidget *sc_security_window_new  (GtkWindow        *parent,
                                    ScStore          *store,
                                    ScSession        *session);
gboolean   sc_security_window_save (ScSecurityWindow *self);

G_END_DECLS
