/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_TIME_OFF (sc_time_off_get_type ())
G_DECLARE_FINAL_TYPE (ScTimeOff, sc_time_off, SC, TIME_OFF, GObject)

/* person-name is filled in by the store when it reads time off, for lists */

ScTimeOff      *sc_time_off_new             (void);
gint64          sc_time_off_get_id          (ScTimeOff *self);
void            sc_time_off_set_id          (ScTimeOff       *self,
                                             gint64           id);
gint64          sc_time_off_get_person_id   (ScTimeOff *self);
void            sc_time_off_set_person_id   (ScTimeOff       *self,
                                             gint64           person_id);
const char     *sc_time_off_get_person_name (ScTimeOff *self);
void            sc_time_off_set_person_name (ScTimeOff       *self,
                                             const char      *person_name);
const char     *sc_time_off_get_first_day   (ScTimeOff *self);
void            sc_time_off_set_first_day   (ScTimeOff       *self,
                                             const char      *first_day);
const char     *sc_time_off_get_last_day    (ScTimeOff *self);
void            sc_time_off_set_last_day    (ScTimeOff       *self,
                                             const char      *last_day);
ScTimeOffKind   sc_time_off_get_kind        (ScTimeOff *self);
void            sc_time_off_set_kind        (ScTimeOff       *self,
                                             ScTimeOffKind    kind);
ScRequestStatus sc_time_off_get_status      (ScTimeOff *self);
void            sc_time_off_set_status      (ScTimeOff       *self,
                                             ScRequestStatus  status);
const char     *sc_time_off_get_note        (ScTimeOff *self);
void            sc_time_off_set_note        (ScTimeOff       *self,
                                             const char      *note);

const char     *sc_time_off_get_requested_at    (ScTimeOff  *self);
void            sc_time_off_set_requested_at    (ScTimeOff  *self,
                                                 const char *requested_at);
const char     *sc_time_off_get_decided_at      (ScTimeOff  *self);
void            sc_time_off_set_decided_at      (ScTimeOff  *self,
                                                 const char *decided_at);
const char     *sc_time_off_get_decided_by_name (ScTimeOff  *self);
void            sc_time_off_set_decided_by_name (ScTimeOff  *self,
                                                 const char *decided_by_name);

G_END_DECLS
