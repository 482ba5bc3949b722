/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_ACCOUNT_DIALOG (sc_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScAccountDialog, sc_account_dialog, SC, ACCOUNT_DIALOG, AdwWindow)

GtkWidget  *sc_account_dialog_new_for_new_account (GtkWindow       *parent,
                                                   ScStore         *store,
                                                   ScSession       *session);
GtkWidget  *sc_account_dialog_new_for_reset       (GtkWindow       *parent,
                                                   ScStore         *store,
                                                   ScSession       *session,
                                                   ScAccount       *account);
GtkWidget  *sc_account_dialog_new_for_own        (GtkWindow       *parent,
                                                   ScStore         *store,
                                                   ScSession       *session);
gboolean    sc_account_dialog_select_person       (ScAccountDialog *self,
                                                   gint64           person_id);
guint       sc_account_dialog_get_n_people        (ScAccountDialog *self);
gboolean    sc_account_dialog_save                (ScAccountDialog *self);
const char *sc_account_dialog_get_error           (ScAccountDialog *self);

G_END_DECLS
