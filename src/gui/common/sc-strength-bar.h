/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-credential.h"

G_BEGIN_DECLS

#define SC_TYPE_STRENGTH_BAR (sc_strength_bar_get_type ())
G_DECLARE_FINAL_TYPE (ScStrengthBar, sc_strength_bar, SC, STRENGTH_BAR, GtkWidget)

GtkWidget  *sc_strength_bar_new       (void);
void        sc_strength_bar_update    (ScStrengthBar    *self,
                                       ScCredentialKind  kind,
                                       const char       *secret);
int         sc_strength_bar_get_value (ScStrengthBar    *self);
const char *sc_strength_bar_get_hint  (ScStrengthBar    *self);

G_END_DECLS
