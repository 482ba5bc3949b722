/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_TEAM (sc_team_get_type ())
G_DECLARE_FINAL_TYPE (ScTeam, sc_team, SC, TEAM, GObject)

gint64      sc_team_get_id (ScTeam *self);
void        sc_team_set_id (ScTeam *self, gint64 id);
const char *sc_team_get_name (ScTeam *self);
void        sc_team_set_name (ScTeam *self, const char *name);
const char *sc_team_get_time_zone (ScTeam *self);
void        sc_team_set_time_zone (ScTeam *self, const char *time_zone);
int         sc_team_get_interval_minutes (ScTeam *self);
void        sc_team_set_interval_minutes (ScTeam *self, int interval_minutes);

ScTeam     *sc_team_new                  (const char *name,
                                          const char *time_zone);
GTimeZone  *sc_team_dup_timezone         (ScTeam     *self);
char       *sc_team_default_time_zone    (void);

G_END_DECLS
