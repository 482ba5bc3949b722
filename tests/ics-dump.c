/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Prints what libical reads in an iCalendar file, one event a line:
 * UID, start and end in UTC (or DATE:YYYY-MM-DD), status, summary. Time
 * zones come from the file's own VTIMEZONE components. For the interop
 * test, which compares this with Python's icalendar.
 */
#include "config.h"

#include <glib.h>
#include <libical/ical.h>
#include <locale.h>

static char *
format (icalcomponent *vcalendar,
        icalproperty  *property)
{
  struct icaltimetype t;
  icalparameter *tzid;
  icaltimezone *zone = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (property == NULL)
    return g_strdup ("-");

  t = icalproperty_get_datetime_with_component (property, vcalendar);
  if (t.is_date)
    return g_strdup_printf ("DATE:%04d-%02d-%02d", t.year, t.month, t.day);

  tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  if (tzid != NULL)
    {
      zone = icalcomponent_get_timezone (vcalendar, icalparameter_get_tzid (tzid));
      if (zone == NULL)
        g_error ("TZID %s has no VTIMEZONE", icalparameter_get_tzid (tzid));
    }
  else if (!icaltime_is_utc (t))
    g_error ("A floating time: %s", icaltime_as_ical_string (t));

  dt = g_date_time_new_from_unix_utc (zone ? icaltime_as_timet_with_zone (t, zone) : icaltime_as_timet (t));
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *vcalendar;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("usage: ics-dump FILE.ics\n");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    g_error ("%s", error->message);

  vcalendar = icalparser_parse_string (text);
  if (vcalendar == NULL)
    g_error ("libical read nothing");

  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    {
      g_autofree char *start = format (vcalendar, icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY));
      g_autofree char *end = format (vcalendar, icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY));

      icalproperty_status status = icalcomponent_get_status (c);

      g_print ("%s\t%s\t%s\t%d\t%s\t%s\n", icalcomponent_get_uid (c), start, end, icalcomponent_get_sequence (c),
               icalcomponent_get_first_property (c, ICAL_STATUS_PROPERTY) == NULL ? "-" : icalproperty_status_to_string (status),
               icalcomponent_get_summary (c));
    }

  icalcomponent_free (vcalendar);
  return 0;
}
