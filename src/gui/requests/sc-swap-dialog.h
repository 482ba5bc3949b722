/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_SWAP_DIALOG (sc_swap_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScSwapDialog, sc_swap_dialog, SC, SWAP_DIALOG, ScStoreWindow)

GtkWidget *sc_swap_dialog_new            (GtkWindow    *parent,
                                          ScStore      *store,
                                          ScSession    *session,
                                          gint64        shift_id,
                                          const char   *description);
gboolean   sc_swap_dialog_select_partner (ScSwapDialog *self,
                                          gint64        person_id);
int        sc_swap_dialog_get_n_broken   (ScSwapDialog *self);
gboolean   sc_swap_dialog_submit         (ScSwapDialog *self);

G_END_DECLS
