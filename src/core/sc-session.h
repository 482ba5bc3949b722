/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_SESSION (sc_session_get_type ())
G_DECLARE_FINAL_TYPE (ScSession, sc_session, SC, SESSION, GObject)

ScSession     *sc_session_new            (gint64         account_id,
                                          gint64         person_id,
                                          ScAccountRole  role,
                                          const char    *display_name);
ScSession     *sc_session_new_system     (void);
gint64         sc_session_get_account_id (ScSession     *self);
gint64         sc_session_get_person_id  (ScSession     *self);
ScAccountRole  sc_session_get_role       (ScSession     *self);
const char    *sc_session_get_display_name (ScSession   *self);
gboolean       sc_session_is_system      (ScSession     *self);

G_END_DECLS
