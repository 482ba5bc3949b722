/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_SERVICE_TARGET (sc_service_target_get_type())
G_DECLARE_FINAL_TYPE(ScServiceTarget, sc_service_target, SC, SERVICE_TARGET,
                     GObject)

gint64 sc_service_target_get_skill_id(ScServiceTarget *self);
void sc_service_target_set_skill_id(ScServiceTarget *self, gint64 skill_id);
double sc_service_target_get_service_level(ScServiceTarget *self);
void sc_service_target_set_service_level(ScServiceTarget *self,
                                         double service_level);
int sc_service_target_get_target_seconds(ScServiceTarget *self);
void sc_service_target_set_target_seconds(ScServiceTarget *self,
                                          int target_seconds);
double sc_service_target_get_max_occupancy(ScServiceTarget *self);
void sc_service_target_set_max_occupancy(ScServiceTarget *self,
                                         double max_occupancy);
double sc_service_target_get_shrinkage(ScServiceTarget *self);
void sc_service_target_set_shrinkage(ScServiceTarget *self, double shrinkage);
int sc_service_target_get_aht_seconds(ScServiceTarget *self);
void sc_service_target_set_aht_seconds(ScServiceTarget *self, int aht_seconds);

G_END_DECLS
