/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-calendar"

#include "config.h"

#include "sc-calendar.h"

/**
 * sc_calendar_new:
 * @token: the team's calendar token, part of every event's UID
 *
 * Returns: (transfer full): an empty calendar for @n_days from @first_day
 */
ScCalendar *
sc_calendar_new (const char *team_name,
                 const char *time_zone,
                 const char *token,
                 const char *first_day,
                 int         n_days)
{
  ScCalendar *calendar = g_new0 (ScCalendar, 1);

  calendar->team_name = g_strdup (team_name);
  calendar->time_zone = g_strdup (time_zone);
  calendar->token = g_strdup (token);
  calendar->first_day = g_strdup (first_day);
  calendar->n_days = n_days;
  calendar->shifts = g_array_new (FALSE, FALSE, sizeof (ScCalendarShift));
  calendar->time_off = g_array_new (FALSE, FALSE, sizeof (ScCalendarTimeOff));
  calendar->strings = g_string_chunk_new (4096);
  return calendar;
}

void
sc_calendar_free (ScCalendar *calendar)
{
  if (calendar == NULL)
    return;

  g_free (calendar->team_name);
  g_free (calendar->time_zone);
  g_free (calendar->token);
  g_free (calendar->person_name);
  g_free (calendar->first_day);
  g_array_unref (calendar->shifts);
  g_array_unref (calendar->time_off);
  g_string_chunk_free (calendar->strings);
  g_free (calendar);
}

/**
 * sc_calendar_intern:
 * Returns: (nullable): a copy of @text that lives as long as @calendar
 */
const char *
sc_calendar_intern (ScCalendar *calendar,
                    const char *text)
{
  g_return_val_if_fail (calendar != NULL, NULL);

  if (text == NULL)
    return NULL;

  return g_string_chunk_insert_const (calendar->strings, text);
}

void
sc_calendar_set_person (ScCalendar *calendar,
                        gint64      person_id,
                        const char *person_name)
{
  g_return_if_fail (calendar != NULL);

  calendar->person_id = person_id;
  g_free (calendar->person_name);
  calendar->person_name = g_strdup (person_name);
}

/**
 * sc_calendar_add_shift:
 *
 * Adds a copy of @shift; its strings are copied into the calendar.
 */
void
sc_calendar_add_shift (ScCalendar            *calendar,
                       const ScCalendarShift *shift)
{
  ScCalendarShift copy;

  g_return_if_fail (calendar != NULL && shift != NULL);

  copy = *shift;
  copy.person_name = sc_calendar_intern (calendar, shift->person_name);
  copy.day = sc_calendar_intern (calendar, shift->day);
  copy.shift_type_code = sc_calendar_intern (calendar, shift->shift_type_code);
  copy.shift_type_name = sc_calendar_intern (calendar, shift->shift_type_name);
  copy.skill_name = sc_calendar_intern (calendar, shift->skill_name);
  g_array_append_val (calendar->shifts, copy);
}

void
sc_calendar_add_time_off (ScCalendar              *calendar,
                          const ScCalendarTimeOff *time_off)
{
  ScCalendarTimeOff copy;

  g_return_if_fail (calendar != NULL && time_off != NULL);

  copy = *time_off;
  copy.person_name = sc_calendar_intern (calendar, time_off->person_name);
  copy.first_day = sc_calendar_intern (calendar, time_off->first_day);
  copy.last_day = sc_calendar_intern (calendar, time_off->last_day);
  g_array_append_val (calendar->time_off, copy);
}
