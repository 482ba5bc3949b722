/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_SHIFT_TYPES_DIALOG (sc_shift_types_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScShiftTypesDialog, sc_shift_types_dialog, SC, SHIFT_TYPES_DIALOG, ScStoreWindow)

GtkWidget *sc_shift_types_dialog_new    (GtkWindow          *parent,
                                         ScStore            *store,
                                         ScSession          *session);
void       sc_shift_types_dialog_edit   (ScShiftTypesDialog *self,
                                         const char         *code);
void       sc_shift_types_dialog_fill   (ScShiftTypesDialog *self,
                                         const char         *code,
                                         const char         *name,
                                         const char         *start,
                                         const char         *length,
                                         int                 break_minutes);
gboolean   sc_shift_types_dialog_save   (ScShiftTypesDialog *self);
guint      sc_shift_types_dialog_get_n_types (ScShiftTypesDialog *self);

G_END_DECLS
