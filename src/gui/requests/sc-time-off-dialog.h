/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_TIME_OFF_DIALOG (sc_time_off_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScTimeOffDialog, sc_time_off_dialog, SC, TIME_OFF_DIALOG, ScStoreWindow)

GtkWidget *sc_time_off_dialog_new    (GtkWindow       *parent,
                                      ScStore         *store,
                                      ScSession       *session);
void       sc_time_off_dialog_fill   (ScTimeOffDialog *self,
                                      const char      *first_day,
                                      const char      *last_day,
                                      ScTimeOffKind    kind,
                                      const char      *note);
gboolean   sc_time_off_dialog_submit (ScTimeOffDialog *self);

G_END_DECLS
