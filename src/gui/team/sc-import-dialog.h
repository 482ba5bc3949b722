/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_IMPORT_DIALOG (sc_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScImportDialog, sc_import_dialog, SC, IMPORT_DIALOG, ScStoreWindow)

GtkWidget  *sc_import_dialog_new        (GtkWindow      *parent,
                                         ScStore        *store,
                                         ScSession      *session);
void        sc_import_dialog_load_file  (ScImportDialog *self,
                                         GFile          *file);
gboolean    sc_import_dialog_is_loading (ScImportDialog *self);
gboolean    sc_import_dialog_can_import (ScImportDialog *self);
GListModel *sc_import_dialog_get_rows   (ScImportDialog *self);

G_END_DECLS
