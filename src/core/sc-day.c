/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-day"

#include "config.h"

#include <string.h>

#include "sc-day.h"

/**
 * sc_day_parse:
 * Returns: (transfer full) (nullable): midnight UTC of @day, or %NULL when
 *   it is not a real date written YYYY-MM-DD
 */
GDateTime *
sc_day_parse (const char *day)
{
  g_autofree char *iso = NULL;

  if (day == NULL || strlen (day) != 10)
    return NULL;

  iso = g_strdup_printf ("%sT00:00:00Z", day);
  return g_date_time_new_from_iso8601 (iso, NULL);
}

gboolean
sc_day_is_valid (const char *day)
{
  g_autoptr(GDateTime) dt = sc_day_parse (day);

  return dt != NULL;
}
