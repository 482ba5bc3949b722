/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-application.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_SIGN_IN_WINDOW (sc_sign_in_window_get_type ())
G_DECLARE_FINAL_TYPE (ScSignInWindow, sc_sign_in_window, SC, SIGN_IN_WINDOW, AdwApplicationWindow)

GtkWidget  *sc_sign_in_window_new            (ScApplication  *application,
                                              ScStore        *store);
void        sc_sign_in_window_reload         (ScSignInWindow *self);
void        sc_sign_in_window_set_note       (ScSignInWindow *self,
                                              const char     *note);
const char *sc_sign_in_window_get_note       (ScSignInWindow *self);
GListModel *sc_sign_in_window_get_accounts   (ScSignInWindow *self);
gboolean    sc_sign_in_window_choose_account (ScSignInWindow *self,
                                              gint64          account_id);
ScAccount  *sc_sign_in_window_get_chosen     (ScSignInWindow *self);
void        sc_sign_in_window_go_back        (ScSignInWindow *self);
const char *sc_sign_in_window_get_error      (ScSignInWindow *self);

G_END_DECLS
