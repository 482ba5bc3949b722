/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

/* The audit trail as CSV: UTF-8 with a byte-order mark, so that
 * spreadsheets open Chinese text correctly; one entry per row, newest
 * first, with the same filters as sc_store_get_audit(). */

char     *sc_audit_csv_to_string    (GPtrArray            *entries);
gboolean  sc_audit_csv_write        (ScStore              *store,
                                     ScSession            *session,
                                     const char           *table,
                                     const char           *text,
                                     const char           *since,
                                     const char           *until,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GError              **error);
void      sc_audit_csv_write_async  (ScStore              *store,
                                     ScSession            *session,
                                     const char           *table,
                                     const char           *text,
                                     const char           *since,
                                     const char           *until,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  sc_audit_csv_write_finish (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
