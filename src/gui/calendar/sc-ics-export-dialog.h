/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_ICS_EXPORT_DIALOG (sc_ics_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScIcsExportDialog, sc_ics_export_dialog, SC, ICS_EXPORT_DIALOG, AdwWindow)

GtkWidget *sc_ics_export_dialog_new            (GtkWindow         *parent,
                                                ScStore           *store,
                                                ScSession         *session);
void       sc_ics_export_dialog_set_period     (ScIcsExportDialog *self,
                                                const char        *first_day,
                                                int                n_days);
void       sc_ics_export_dialog_set_person     (ScIcsExportDialog *self,
                                                gint64             person_id);
gboolean   sc_ics_export_dialog_export_to_file (ScIcsExportDialog *self,
                                                GFile             *file);
gboolean   sc_ics_export_dialog_is_busy        (ScIcsExportDialog *self);
const char *sc_ics_export_dialog_get_error     (ScIcsExportDialog *self);

G_END_DECLS
