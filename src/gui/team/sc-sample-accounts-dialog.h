/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-demo.h"

G_BEGIN_DECLS

#define SC_TYPE_SAMPLE_ACCOUNTS_DIALOG (sc_sample_accounts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScSampleAccountsDialog, sc_sample_accounts_dialog, SC, SAMPLE_ACCOUNTS_DIALOG, AdwWindow)

GtkWidget *sc_sample_accounts_dialog_new       (GtkWindow              *parent,
                                                GPtrArray              *accounts);
guint      sc_sample_accounts_dialog_get_n_accounts (ScSampleAccountsDialog *self);
char      *sc_sample_accounts_dialog_get_text  (ScSampleAccountsDialog *self);
void       sc_sample_accounts_dialog_copy      (ScSampleAccountsDialog *self);

G_END_DECLS
