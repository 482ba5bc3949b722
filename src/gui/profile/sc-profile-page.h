/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_PROFILE_PAGE (sc_profile_page_get_type ())
G_DECLARE_FINAL_TYPE (ScProfilePage, sc_profile_page, SC, PROFILE_PAGE, AdwBin)

GtkWidget *sc_profile_page_new         (void);
ScStore   *sc_profile_page_get_store   (ScProfilePage *self);
void       sc_profile_page_set_store   (ScProfilePage *self,
                                        ScStore       *store);
ScSession *sc_profile_page_get_session (ScProfilePage *self);
void       sc_profile_page_set_session (ScProfilePage *self,
                                        ScSession     *session);
ScPerson  *sc_profile_page_get_person  (ScProfilePage *self);
guint      sc_profile_page_get_n_skills (ScProfilePage *self);
void       sc_profile_page_reload      (ScProfilePage *self);

G_END_DECLS
