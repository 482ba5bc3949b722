/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-day"

#include "config.h"

#include <glib/gi18n.h>
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

static const char * const weekdays[] = {
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const weekday_names[] = {
  NC_("weekday name", "Monday"), NC_("weekday name", "Tuesday"), NC_("weekday name", "Wednesday"),
  NC_("weekday name", "Thursday"), NC_("weekday name", "Friday"), NC_("weekday name", "Saturday"),
  NC_("weekday name", "Sunday"),
};

static const char * const months[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

static const char * const month_names[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

/* The translated short name of @weekday (1 is Monday) */
const char *
sc_day_weekday_abbreviation (int weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[weekday - 1]);
}

/* The translated short name of @month (1 is January) */
const char *
sc_day_month_abbreviation (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);
}

/**
 * sc_day_format:
 * @format: as g_date_time_format() reads it
 *
 * Formats @when as g_date_time_format() does, except that the names of
 * weekdays and months (%a, %A, %b, %B) are the application's own, in the
 * language of its messages: a Chinese window on a system whose dates are
 * English still reads 周一, and an English one on a Chinese system Mon.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for a bad format
 */
char *
sc_day_format (GDateTime  *when,
               const char *format)
{
  g_autoptr(GString) own = g_string_new (NULL);
  int weekday = g_date_time_get_day_of_week (when) - 1;
  int month = g_date_time_get_month (when) - 1;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *name = NULL;

      if (p[0] != '%' || p[1] == '\0')
        {
          g_string_append_c (own, *p);
          continue;
        }

      switch (p[1])
        {
        case 'a': name = sc_day_weekday_abbreviation (weekday + 1); break;
        case 'A': name = g_dpgettext2 (GETTEXT_PACKAGE, "weekday name", weekday_names[weekday]); break;
        case 'b': case 'h': name = sc_day_month_abbreviation (month + 1); break;
        case 'B': name = g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[month]); break;
        default: break;
        }

      if (name == NULL)
        {
          g_string_append_len (own, p, 2);
        }
      else
        {
          /* A name is text, not a conversion */
          for (const char *c = name; *c != '\0'; c++)
            {
              if (*c == '%')
                g_string_append_c (own, '%');
              g_string_append_c (own, *c);
            }
        }
      p++;
    }

  return g_date_time_format (when, own->str);
}
