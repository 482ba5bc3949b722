/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-application.h"

G_BEGIN_DECLS

/* For tests: sign out after @seconds without input instead of the minutes
 * set in the store; 0 goes back to the store's setting */
void _sc_application_set_idle_seconds (ScApplication *self,
                                       guint          seconds);

G_END_DECLS
