/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_ACCOUNTS_PAGE (sc_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (ScAccountsPage, sc_accounts_page, SC, ACCOUNTS_PAGE, ScPage)

GtkWidget  *sc_accounts_page_new          (void);
GListModel *sc_accounts_page_get_accounts (ScAccountsPage *self);
void        sc_accounts_page_reload       (ScAccountsPage *self);
GtkWidget  *sc_accounts_page_get_row      (ScAccountsPage *self,
                                           gint64          account_id);
gboolean    sc_accounts_page_set_role     (ScAccountsPage *self,
                                           gint64          account_id,
                                           ScAccountRole   role);

G_END_DECLS
