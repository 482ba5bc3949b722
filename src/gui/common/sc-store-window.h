/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_STORE_WINDOW (sc_store_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (ScStoreWindow, sc_store_window, SC, STORE_WINDOW, AdwWindow)

struct _ScStoreWindowClass
{
  AdwWindowClass parent_class;
};

ScStore   *sc_store_window_get_store   (ScStoreWindow *self);
ScSession *sc_store_window_get_session (ScStoreWindow *self);

G_END_DECLS
