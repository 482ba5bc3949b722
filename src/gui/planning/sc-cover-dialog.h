/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_COVER_DIALOG (sc_cover_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScCoverDialog, sc_cover_dialog, SC, COVER_DIALOG, ScStoreWindow)

GtkWidget *sc_cover_dialog_new       (GtkWindow     *parent,
                                      ScStore       *store,
                                      ScSession     *session,
                                      const char    *day);
void       sc_cover_dialog_fill      (ScCoverDialog *self,
                                      const char    *day,
                                      const char    *time,
                                      const char    *shift_code,
                                      const char    *skill,
                                      int            required);
gboolean   sc_cover_dialog_add       (ScCoverDialog *self);
guint      sc_cover_dialog_get_n_shown (ScCoverDialog *self);

G_END_DECLS
