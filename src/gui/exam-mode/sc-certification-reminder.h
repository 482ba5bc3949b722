/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

guint sc_certification_reminder_send (GApplication *application,
                                      ScStore      *store,
                                      ScSession    *session);

G_END_DECLS
