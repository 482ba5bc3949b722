/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_DEMO_N_PEOPLE 60

gboolean sc_demo_populate (ScStore  *store,
                           GError  **error);

G_END_DECLS
