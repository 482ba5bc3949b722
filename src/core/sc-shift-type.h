/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_SHIFT_TYPE (sc_shift_type_get_type())
G_DECLARE_FINAL_TYPE(ScShiftType, sc_shift_type, SC, SHIFT_TYPE, GObject)

gint64 sc_shift_type_get_id(ScShiftType *self);
void sc_shift_type_set_id(ScShiftType *self, gint64 id);
const char *sc_shift_type_get_code(ScShiftType *self);
void sc_shift_type_set_code(ScShiftType *self, const char *code);
const char *sc_shift_type_get_name(ScShiftType *self);
void sc_shift_type_set_name(ScShiftType *self, const char *name);
int sc_shift_type_get_start_minute(ScShiftType *self);
void sc_shift_type_set_start_minute(ScShiftType *self, int start_minute);
int sc_shift_type_get_length_minutes(ScShiftType *self);
void sc_shift_type_set_length_minutes(ScShiftType *self, int length_minutes);
int sc_shift_type_get_break_minutes(ScShiftType *self);
void sc_shift_type_set_break_minutes(ScShiftType *self, int break_minutes);
int sc_shift_type_get_paid_minutes(ScShiftType *self);
void sc_shift_type_set_paid_minutes(ScShiftType *self, int paid_minutes);
const char *sc_shift_type_get_colour(ScShiftType *self);
void sc_shift_type_set_colour(ScShiftType *self, const char *colour);
ScShiftCategory sc_shift_type_get_category(ScShiftType *self);
void sc_shift_type_set_category(ScShiftType *self, ScShiftCategory category);

G_END_DECLS
