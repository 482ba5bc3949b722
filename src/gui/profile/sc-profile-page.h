/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_PROFILE_PAGE (sc_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (ScProfilePage, sc_profile_page, SC, PROFILE_PAGE, ScPage)

GtkWidget *sc_profile_page_new         (void);
ScPerson  *sc_profile_page_get_person  (ScProfilePage *self);
guint      sc_profile_page_get_n_skills (ScProfilePage *self);
void       sc_profile_page_reload      (ScProfilePage *self);

G_END_DECLS
