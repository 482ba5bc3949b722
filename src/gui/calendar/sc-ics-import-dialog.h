/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-ics.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_ICS_IMPORT_DIALOG (sc_ics_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScIcsImportDialog, sc_ics_import_dialog, SC, ICS_IMPORT_DIALOG, AdwWindow)

GtkWidget       *sc_ics_import_dialog_new         (GtkWindow         *parent,
                                                   ScStore           *store,
                                                   ScSession         *session);
void             sc_ics_import_dialog_load_file   (ScIcsImportDialog *self,
                                                   GFile             *file);
gboolean         sc_ics_import_dialog_is_loading  (ScIcsImportDialog *self);
ScIcsImportKind  sc_ics_import_dialog_get_kind    (ScIcsImportDialog *self);
void             sc_ics_import_dialog_set_kind    (ScIcsImportDialog *self,
                                                   ScIcsImportKind    kind);
guint            sc_ics_import_dialog_get_n_items (ScIcsImportDialog *self);
gboolean         sc_ics_import_dialog_can_import  (ScIcsImportDialog *self);
const char      *sc_ics_import_dialog_get_error   (ScIcsImportDialog *self);

G_END_DECLS
