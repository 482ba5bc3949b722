/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-roster-score.h"
#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_ROSTER_PAGE (sc_roster_page_get_type ())
G_DECLARE_FINAL_TYPE (ScRosterPage, sc_roster_page, SC, ROSTER_PAGE, AdwBin)

GtkWidget           *sc_roster_page_new             (void);
void                 sc_roster_page_set_store       (ScRosterPage *self,
                                                     ScStore      *store);
void                 sc_roster_page_set_session     (ScRosterPage *self,
                                                     ScSession    *session);
void                 sc_roster_page_set_period      (ScRosterPage *self,
                                                     const char   *first_day,
                                                     int           n_days);
const char          *sc_roster_page_get_first_day   (ScRosterPage *self);
void                 sc_roster_page_set_time_limit  (ScRosterPage *self,
                                                     double        seconds);
void                 sc_roster_page_generate        (ScRosterPage *self);
gboolean             sc_roster_page_get_generating  (ScRosterPage *self);
gint64               sc_roster_page_get_roster_id   (ScRosterPage *self);
GtkWidget           *sc_roster_page_get_grid        (ScRosterPage *self);
void                 sc_roster_page_set_filter      (ScRosterPage *self,
                                                     int           role,
                                                     gint64        skill_id);
void                 sc_roster_page_set_filters     (ScRosterPage *self,
                                                     int           role,
                                                     gint64        skill_id,
                                                     const char   *crew,
                                                     gint64        post_id);
int                  sc_roster_page_get_problem_person (ScRosterPage *self,
                                                        guint         index);
GArray              *sc_roster_page_get_post_ids    (ScRosterPage *self);
char                *sc_roster_page_describe_cell   (ScRosterPage *self,
                                                     int           person,
                                                     int           day);
const ScRosterScore *sc_roster_page_get_score       (ScRosterPage *self);
int                  sc_roster_page_find_person     (ScRosterPage *self,
                                                     gint64        person_id);
gint64               sc_roster_page_get_person_id   (ScRosterPage *self,
                                                     int           person);
gint64               sc_roster_page_get_shift_type_id (ScRosterPage *self,
                                                       int           type);
guint                sc_roster_page_get_n_problems  (ScRosterPage *self);
char                *sc_roster_page_get_problem_text (ScRosterPage *self,
                                                      guint         index);
gboolean             sc_roster_page_undo            (ScRosterPage *self);
gboolean             sc_roster_page_redo            (ScRosterPage *self);

gboolean      sc_roster_page_save_pdf          (ScRosterPage  *self,
                                                GFile         *file,
                                                GError       **error);

guint         sc_roster_page_get_n_changed     (ScRosterPage  *self);

G_END_DECLS
