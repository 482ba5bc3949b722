/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())
G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

ScApplication *sc_application_new               (void);
const char    *sc_application_get_database_path (ScApplication  *self);
void           sc_application_set_database_path (ScApplication  *self,
                                                 const char     *path);
ScStore       *sc_application_get_store         (ScApplication  *self);
void           sc_application_set_store         (ScApplication  *self,
                                                 ScStore        *store);
gboolean       sc_application_open_store        (ScApplication  *self,
                                                 GError        **error);
ScSession     *sc_application_get_session       (ScApplication  *self);
void           sc_application_set_session       (ScApplication  *self,
                                                 ScSession      *session);
void           sc_application_start             (ScApplication  *self);
GtkWindow     *sc_application_sign_in           (ScApplication  *self,
                                                 ScSession      *session);
GtkWindow     *sc_application_sign_out          (ScApplication  *self,
                                                 const char     *note);
void           sc_application_inhibit_idle_sign_out   (ScApplication *self);
void           sc_application_uninhibit_idle_sign_out (ScApplication *self);
gboolean       sc_application_get_busy          (ScApplication  *self);
void           sc_application_back_up           (ScApplication  *self,
                                                 GtkWindow      *window,
                                                 GFile          *file);
void           sc_application_restore           (ScApplication  *self,
                                                 GtkWindow      *window,
                                                 GFile          *file);

G_END_DECLS
