/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_FIRST_RUN_WINDOW (sc_first_run_window_get_type ())
G_DECLARE_FINAL_TYPE (ScFirstRunWindow, sc_first_run_window, SC, FIRST_RUN_WINDOW, AdwApplicationWindow)

GtkWidget  *sc_first_run_window_new       (ScApplication    *application,
                                           ScStore          *store);
gboolean    sc_first_run_window_create    (ScFirstRunWindow *self);
const char *sc_first_run_window_get_error (ScFirstRunWindow *self);

G_END_DECLS
