/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM_PAGE (sc_team_page_get_type ())
G_DECLARE_FINAL_TYPE (ScTeamPage, sc_team_page, SC, TEAM_PAGE, AdwBin)

GtkWidget  *sc_team_page_new               (ScStore    *store,
                                            ScSession  *session);
ScStore    *sc_team_page_get_store         (ScTeamPage *self);
void        sc_team_page_set_store         (ScTeamPage *self,
                                            ScStore    *store);
ScSession  *sc_team_page_get_session       (ScTeamPage *self);
void        sc_team_page_set_session       (ScTeamPage *self,
                                            ScSession  *session);
gboolean    sc_team_page_get_show_left     (ScTeamPage *self);
void        sc_team_page_set_show_left     (ScTeamPage *self,
                                            gboolean    show_left);
GListModel *sc_team_page_get_shown_people  (ScTeamPage *self);
GtkWindow  *sc_team_page_open_person       (ScTeamPage *self,
                                            ScPerson   *person);
GtkWindow  *sc_team_page_import_file       (ScTeamPage *self,
                                            GFile      *file);
GtkWindow  *sc_team_page_open_skills       (ScTeamPage *self);
GtkWindow  *sc_team_page_create_sample     (ScTeamPage *self);

G_END_DECLS
