/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Days as the store keeps them: local dates written YYYY-MM-DD. Parsed to
 * midnight UTC, so that adding days and formatting give dates with no
 * daylight-saving surprises.
 */
GDateTime *sc_day_parse    (const char *day);
gboolean   sc_day_is_valid (const char *day);
char      *sc_day_format   (GDateTime  *when,
                            const char *format);

const char *sc_day_weekday_abbreviation (int weekday);
const char *sc_day_month_abbreviation   (int month);

G_END_DECLS
