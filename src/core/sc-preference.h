/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_PREFERENCE (sc_preference_get_type ())
G_DECLARE_FINAL_TYPE (ScPreference, sc_preference, SC, PREFERENCE, GObject)

ScPreference *sc_preference_new               (void);
gint64        sc_preference_get_id            (ScPreference *self);
void          sc_preference_set_id            (ScPreference *self,
                                               gint64        id);
gint64        sc_preference_get_person_id     (ScPreference *self);
void          sc_preference_set_person_id     (ScPreference *self,
                                               gint64        person_id);
const char   *sc_preference_get_day           (ScPreference *self);
void          sc_preference_set_day           (ScPreference *self,
                                               const char   *day);
gint64        sc_preference_get_shift_type_id (ScPreference *self);
void          sc_preference_set_shift_type_id (ScPreference *self,
                                               gint64        shift_type_id);
gboolean      sc_preference_get_on_request    (ScPreference *self);
void          sc_preference_set_on_request    (ScPreference *self,
                                               gboolean      on_request);
int           sc_preference_get_weight        (ScPreference *self);
void          sc_preference_set_weight        (ScPreference *self,
                                               int           weight);

G_END_DECLS
