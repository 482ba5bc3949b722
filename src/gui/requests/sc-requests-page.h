/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_REQUESTS_PAGE (sc_requests_page_get_type ())
G_DECLARE_FINAL_TYPE (ScRequestsPage, sc_requests_page, SC, REQUESTS_PAGE, ScPage)

GtkWidget *sc_requests_page_new            (void);
guint      sc_requests_page_get_n_waiting  (ScRequestsPage *self);
guint      sc_requests_page_get_n_answered (ScRequestsPage *self);
void       sc_requests_page_set_show_all   (ScRequestsPage *self,
                                            gboolean        show_all);
gboolean   sc_requests_page_decide         (ScRequestsPage *self,
                                            gint64          time_off_id,
                                            ScRequestStatus status);
gboolean   sc_requests_page_withdraw       (ScRequestsPage *self,
                                            gint64          time_off_id);
GtkWidget *sc_requests_page_request        (ScRequestsPage *self);
gboolean   sc_requests_page_decide_swap    (ScRequestsPage *self,
                                            gint64          swap_id,
                                            ScRequestStatus status);

G_END_DECLS
