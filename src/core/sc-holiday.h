/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_HOLIDAY (sc_holiday_get_type ())
G_DECLARE_FINAL_TYPE (ScHoliday, sc_holiday, SC, HOLIDAY, GObject)

ScHoliday  *sc_holiday_new             (void);
const char *sc_holiday_get_day         (ScHoliday *self);
void        sc_holiday_set_day         (ScHoliday  *self,
                                        const char *day);
const char *sc_holiday_get_name        (ScHoliday *self);
void        sc_holiday_set_name        (ScHoliday  *self,
                                        const char *name);
gboolean    sc_holiday_get_working_day (ScHoliday *self);
void        sc_holiday_set_working_day (ScHoliday  *self,
                                        gboolean    working_day);

G_END_DECLS
