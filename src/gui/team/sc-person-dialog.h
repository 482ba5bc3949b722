/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_PERSON_DIALOG (sc_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScPersonDialog, sc_person_dialog, SC, PERSON_DIALOG, AdwWindow)

GtkWidget  *sc_person_dialog_new           (GtkWindow      *parent,
                                            ScStore        *store,
                                            ScSession      *session,
                                            ScPerson       *person);
ScPerson   *sc_person_dialog_get_person    (ScPersonDialog *self);
gboolean    sc_person_dialog_get_is_new    (ScPersonDialog *self);
const char *sc_person_dialog_get_error     (ScPersonDialog *self);

G_END_DECLS
