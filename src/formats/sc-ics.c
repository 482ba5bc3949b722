/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "sc-day.h"
#include "sc-format-file.h"
#include "sc-ics.h"

G_DEFINE_QUARK (sc-ics-error-quark, sc_ics_error)

#define FOLD_OCTETS 75

/* ------------------------------------------------------------------ days */

typedef struct
{
  int year;
  int month;
  int day;
} Ymd;

static gboolean
parse_ymd (const char *text,
           Ymd        *ymd)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  ymd->year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  ymd->month = (text[5] - '0') * 10 + (text[6] - '0');
  ymd->day = (text[8] - '0') * 10 + (text[9] - '0');
  return g_date_valid_dmy (ymd->day, ymd->month, ymd->year);
}

static Ymd
ymd_add_days (Ymd ymd,
              int n)
{
  GDate date;

  if (n == 0)
    return ymd;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, ymd.day, ymd.month, ymd.year);
  if (n > 0)
    g_date_add_days (&date, n);
  else
    g_date_subtract_days (&date, -n);

  return (Ymd) { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date) };
}

/* Seconds since 1970 of a wall-clock time read as if it were UTC */
static gint64
wall_seconds (Ymd ymd,
              int minute)
{
  GDate date;
  static guint32 epoch_julian;

  if (epoch_julian == 0)
    {
      GDate epoch;

      g_date_clear (&epoch, 1);
      g_date_set_dmy (&epoch, 1, 1, 1970);
      epoch_julian = g_date_get_julian (&epoch);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, ymd.day, ymd.month, ymd.year);
  return ((gint64) g_date_get_julian (&date) - epoch_julian) * 86400 + (gint64) minute * 60;
}

/*
 * The real instant of a wall-clock time in @tz. @clean is FALSE when the
 * wall-clock time is not one instant: skipped by a clock change (read, as
 * RFC 5545 says, with the offset before the change) or repeated by one
 * (the first of the two).
 */
static gint64
wall_to_utc (GTimeZone *tz,
             gint64     wall,
             gboolean  *clean)
{
  int standard = g_time_zone_find_interval (tz, G_TIME_TYPE_STANDARD, wall);
  int daylight = g_time_zone_find_interval (tz, G_TIME_TYPE_DAYLIGHT, wall);
  int before;

  *clean = standard >= 0 && standard == daylight;

  if (standard >= 0 || daylight >= 0)
    {
      /* Repeated: the earlier instant is the one with the larger offset */
      int a = standard >= 0 ? standard : daylight;
      int b = daylight >= 0 ? daylight : standard;
      int offset = MAX (g_time_zone_get_offset (tz, a), g_time_zone_get_offset (tz, b));

      return wall - offset;
    }

  before = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, wall - 2 * 86400);
  return wall - g_time_zone_get_offset (tz, before);
}

static struct icaltimetype
ical_floating (gint64 wall)
{
  struct icaltimetype t = icaltime_from_timet_with_zone ((time_t) wall, 0, icaltimezone_get_utc_timezone ());

  t.zone = NULL;
  return t;
}

/* ------------------------------------------------------------- time zone */

static char *
format_offset (int seconds)
{
  int a = ABS (seconds);

  if (a % 60 != 0)
    return g_strdup_printf ("%c%02d%02d%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
  return g_strdup_printf ("%c%02d%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

static void
add_observance (icalcomponent *vtimezone,
                GTimeZone     *tz,
                int            interval,
                int            offset_from,
                gint64         starts_utc)
{
  int offset_to = g_time_zone_get_offset (tz, interval);
  const char *abbreviation = g_time_zone_get_abbreviation (tz, interval);
  icalcomponent *observance;
  icalproperty *property;
  g_autofree char *from = format_offset (offset_from);
  g_autofree char *to = format_offset (offset_to);

  observance = icalcomponent_new (g_time_zone_is_dst (tz, interval) ? ICAL_XDAYLIGHT_COMPONENT
                                                                      : ICAL_XSTANDARD_COMPONENT);
  if (abbreviation != NULL && *abbreviation != '\0')
    icalcomponent_add_property (observance, icalproperty_new_tzname (abbreviation));

  /* TZOFFSETFROM/TO as text: libical would drop the seconds of old offsets */
  {
    g_autofree char *line_from = g_strconcat ("TZOFFSETFROM:", from, NULL);
    g_autofree char *line_to = g_strconcat ("TZOFFSETTO:", to, NULL);

    property = icalproperty_new_from_string (line_from);
    icalcomponent_add_property (observance, property);
    property = icalproperty_new_from_string (line_to);
    icalcomponent_add_property (observance, property);
  }

  /* DTSTART is the local time of the change in the offset before it */
  icalcomponent_add_property (observance, icalproperty_new_dtstart (ical_floating (starts_utc + offset_from)));
  icalcomponent_add_component (vtimezone, observance);
}

/*
 * A VTIMEZONE for @tzid from @from_utc to @until_utc: the observance in
 * force at the start, then one per clock change, each with its own
 * DTSTART. Every parser reads it the same way, and it says exactly what
 * the time zone database of this system says.
 */
static icalcomponent *
build_vtimezone (GTimeZone  *tz,
                 const char *tzid,
                 gint64      from_utc,
                 gint64      until_utc)
{
  icalcomponent *vtimezone = icalcomponent_new (ICAL_VTIMEZONE_COMPONENT);
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, from_utc);
  gint64 t = from_utc;

  icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));
  add_observance (vtimezone, tz, interval, g_time_zone_get_offset (tz, interval), from_utc);

  while (t < until_utc)
    {
      gint64 next = MIN (t + 86400, until_utc);
      int next_interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, next);

      if (next_interval != interval)
        {
          gint64 lo = t;
          gint64 hi = next;

          /* The first second of the new interval */
          while (hi - lo > 1)
            {
              gint64 mid = lo + (hi - lo) / 2;

              if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid) == interval)
                lo = mid;
              else
                hi = mid;
            }

          next_interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, hi);
          if (g_time_zone_get_offset (tz, next_interval) != g_time_zone_get_offset (tz, interval) ||
              g_time_zone_is_dst (tz, next_interval) != g_time_zone_is_dst (tz, interval))
            add_observance (vtimezone, tz, next_interval, g_time_zone_get_offset (tz, interval), hi);
          interval = next_interval;
          t = hi;
          continue;
        }

      t = next;
    }

  return vtimezone;
}

/* ---------------------------------------------------------------- export */

static void
format_clock (char buffer[6],
              int  minute)
{
  minute = ((minute % 1440) + 1440) % 1440;
  g_snprintf (buffer, 6, "%02d:%02d", minute / 60, minute % 60);
}

/* The translated words of events, looked up once per export */
typedef struct
{
  const char *type_times;
  const char *times;
  const char *with_channel;
  const char *with_person;
  const char *cancelled;
  const char *removed;
  const char *person;
  const char *shift_type;
  const char *channel;
  const char *clocks;
  const char *version;
} Words;

static void
load_words (Words *w)
{
  /* TRANSLATORS: a shift in a calendar: its type, start and end, such as “Early 08:00–16:00” */
  w->type_times = C_("calendar event", "%s %s–%s");
  /* TRANSLATORS: a shift with no shift type in a calendar, such as “Shift 08:00–16:00” */
  w->times = C_("calendar event", "Shift %s–%s");
  /* TRANSLATORS: a shift and its channel, such as “Early 08:00–16:00 · Phone” */
  w->with_channel = C_("calendar event", "%s · %s");
  /* TRANSLATORS: a person's shift in the team's calendar, such as “Li Na: Early 08:00–16:00” */
  w->with_person = C_("calendar event", "%s: %s");
  /* TRANSLATORS: the title of a shift removed from a published roster */
  w->cancelled = C_("calendar event", "Cancelled: %s");
  w->removed = _("This shift was removed from the roster.");
  w->person = _("Person: %s");
  w->shift_type = _("Shift type: %s (%s)");
  w->channel = _("Channel: %s");
  /* TRANSLATORS: a night shift across a change of the clocks */
  w->clocks = _("The clocks change during this shift: it lasts %d h %02d min.");
  w->version = _("Roster version %d");
}

static char *
format_title (const Words           *w,
              const ScCalendarShift *shift,
              gboolean               with_person)
{
  g_autofree char *what = NULL;
  g_autofree char *with_channel = NULL;
  g_autofree char *with_name = NULL;
  char start[6], end[6];

  format_clock (start, shift->start_minute);
  format_clock (end, shift->start_minute + shift->length_minutes);

  if (shift->shift_type_name != NULL)
    what = g_strdup_printf (w->type_times, shift->shift_type_name, start, end);
  else
    what = g_strdup_printf (w->times, start, end);

  if (shift->skill_name != NULL)
    with_channel = g_strdup_printf (w->with_channel, what, shift->skill_name);
  else
    with_channel = g_steal_pointer (&what);

  if (with_person)
    with_name = g_strdup_printf (w->with_person, shift->person_name, with_channel);
  else
    with_name = g_steal_pointer (&with_channel);

  if (shift->cancelled)
    return g_strdup_printf (w->cancelled, with_name);

  return g_steal_pointer (&with_name);
}

/**
 * sc_ics_format_title:
 * @with_person: start with the person's name, for a calendar of the team
 *
 * Returns: (transfer full): the title of @shift's event in the user's
 *   language, such as “早班 08:00–16:00 · 电话”
 */
char *
sc_ics_format_title (const ScCalendarShift *shift,
                     gboolean               with_person)
{
  Words words;

  g_return_val_if_fail (shift != NULL, NULL);

  load_words (&words);
  return format_title (&words, shift, with_person);
}

static const char *
time_off_kind_title (ScTimeOffKind kind)
{
  switch (kind)
    {
    case SC_TIME_OFF_KIND_ANNUAL_LEAVE:
      return C_("calendar event", "Annual leave");
    case SC_TIME_OFF_KIND_SICK:
      return C_("calendar event", "Sick leave");
    case SC_TIME_OFF_KIND_TRAINING:
      return C_("calendar event", "Training");
    case SC_TIME_OFF_KIND_FIXED_DAY_OFF:
      return C_("calendar event", "Day off");
    case SC_TIME_OFF_KIND_OTHER:
    default:
      return C_("calendar event", "Time off");
    }
}

static icalproperty *
new_x_property (const char *name,
                const char *value)
{
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  return property;
}

static char *
shift_description (const Words           *w,
                   const ScCalendar      *calendar,
                   const ScCalendarShift *shift,
                   int                    real_minutes)
{
  GString *text = g_string_sized_new (128);

  if (shift->cancelled)
    {
      g_string_append (text, w->removed);
      g_string_append_c (text, '\n');
    }

  if (calendar->person_id == 0)
    g_string_append_printf (text, w->person, shift->person_name);
  else
    g_string_append (text, calendar->team_name);
  g_string_append_c (text, '\n');

  if (shift->shift_type_name != NULL)
    {
      g_string_append_printf (text, w->shift_type, shift->shift_type_name,
                              shift->shift_type_code ? shift->shift_type_code : "");
      g_string_append_c (text, '\n');
    }

  if (shift->skill_name != NULL)
    {
      g_string_append_printf (text, w->channel, shift->skill_name);
      g_string_append_c (text, '\n');
    }

  if (real_minutes != shift->length_minutes)
    {
      g_string_append_printf (text, w->clocks, real_minutes / 60, real_minutes % 60);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text, w->version, shift->roster_version);
  return g_string_free (text, FALSE);
}

/*
 * Events are written here rather than built as libical components: a
 * hundred thousand shifts are a million properties, and libical takes
 * seconds to make, print and free them. libical still writes the
 * calendar's own properties and the VTIMEZONE, and the tests read every
 * export back with it.
 */

/* Appends @line and CRLF, folded at 75 octets, never inside a character */
static void
append_folded (GString    *out,
               const char *line,
               gsize       len)
{
  gsize written = 0;
  gsize limit = FOLD_OCTETS;

  do
    {
      gsize take = MIN (limit, len - written);

      while (take > 0 && written + take < len && ((guchar) line[written + take] & 0xC0) == 0x80)
        take--;

      if (written > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + written, take);
      g_string_append_len (out, "\r\n", 2);
      written += take;
      limit = FOLD_OCTETS - 1;  /* the leading space counts */
    }
  while (written < len);
}

/* A TEXT value (RFC 5545 3.3.11) */
static void
append_text (GString    *line,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (line, '\\');
          g_string_append_c (line, *p);
          break;

        case '\n':
          g_string_append_len (line, "\\n", 2);
          break;

        case '\r':
          break;

        default:
          g_string_append_c (line, *p);
        }
    }
}

static void
append_digits (GString *line,
               int      value,
               int      width)
{
  char buffer[8];

  for (int i = width - 1; i >= 0; i--)
    {
      buffer[i] = '0' + value % 10;
      value /= 10;
    }
  g_string_append_len (line, buffer, width);
}

static void
append_date (GString *line,
             Ymd      ymd)
{
  append_digits (line, ymd.year, 4);
  append_digits (line, ymd.month, 2);
  append_digits (line, ymd.day, 2);
}

static void
append_date_time (GString *line,
                  Ymd      ymd,
                  int      minute)
{
  append_date (line, ymd);
  g_string_append_c (line, 'T');
  append_digits (line, minute / 60, 2);
  append_digits (line, minute % 60, 2);
  g_string_append_len (line, "00", 2);
}

static void
append_utc (GString *line,
            gint64   unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  append_date_time (line, (Ymd) { g_date_time_get_year (dt), g_date_time_get_month (dt),
                                  g_date_time_get_day_of_month (dt) },
                    g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt));
  g_string_append_c (line, 'Z');
}

static void
end_line (GString *out,
          GString *line)
{
  append_folded (out, line->str, line->len);
  g_string_truncate (line, 0);
}

typedef struct
{
  GString          *out;
  GString          *line;
  const ScCalendar *calendar;
  GTimeZone        *tz;
  char             *dtstamp;      /* the whole DTSTAMP line */
  char             *tzid_start;   /* “DTSTART;TZID=…:” */
  char             *tzid_end;
  Words             words;
  GHashTable       *instants;     /* wall-clock seconds → Instant */
} Writer;

typedef struct
{
  gint64   wall;     /* the key */
  gint64   utc;
  gboolean clean;
} Instant;

/* wall_to_utc (), remembered: a roster has few different start times */
static gint64
writer_to_utc (Writer   *w,
               gint64    wall,
               gboolean *clean)
{
  Instant *instant = g_hash_table_lookup (w->instants, &wall);

  if (instant == NULL)
    {
      instant = g_new (Instant, 1);
      instant->wall = wall;
      instant->utc = wall_to_utc (w->tz, wall, &instant->clean);
      g_hash_table_insert (w->instants, &instant->wall, instant);
    }

  *clean = instant->clean;
  return instant->utc;
}

static void
write_time (Writer   *w,
            gboolean  start,
            Ymd       day,
            int       minute,
            gint64    utc,
            gboolean  clean)
{
  if (clean)
    {
      g_string_append (w->line, start ? w->tzid_start : w->tzid_end);
      append_date_time (w->line, day, minute);
    }
  else
    {
      /* A time the clock skips or repeats: the instant itself, in UTC */
      g_string_append (w->line, start ? "DTSTART:" : "DTEND:");
      append_utc (w->line, utc);
    }
  end_line (w->out, w->line);
}

static void
write_shift (Writer                *w,
             const ScCalendarShift *shift)
{
  const ScCalendar *calendar = w->calendar;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean start_clean, end_clean;
  gint64 start_wall, end_wall, start_utc, end_utc;
  int end_minute;
  Ymd day, end_day;

  if (!parse_ymd (shift->day, &day))
    {
      g_warning ("Shift %" G_GINT64_FORMAT " has no valid day", shift->shift_id);
      return;
    }

  start_wall = wall_seconds (day, shift->start_minute);
  end_wall = start_wall + (gint64) shift->length_minutes * 60;
  start_utc = writer_to_utc (w, start_wall, &start_clean);
  end_utc = writer_to_utc (w, end_wall, &end_clean);
  end_minute = shift->start_minute + shift->length_minutes;
  end_day = ymd_add_days (day, end_minute / 1440);
  end_minute %= 1440;

  title = format_title (&w->words, shift, calendar->person_id == 0);
  description = shift_description (&w->words, calendar, shift, (int) ((end_utc - start_utc) / 60));

  g_string_append_len (w->out, "BEGIN:VEVENT\r\n", 14);
  g_string_append_printf (w->line, "UID:shift-%" G_GINT64_FORMAT "-%s@shiftcraft", shift->shift_id, calendar->token);
  end_line (w->out, w->line);
  g_string_append (w->out, w->dtstamp);
  write_time (w, TRUE, day, shift->start_minute, start_utc, start_clean);
  write_time (w, FALSE, end_day, end_minute, end_utc, end_clean);
  g_string_append_printf (w->out, "SEQUENCE:%d\r\n", shift->sequence);
  g_string_append (w->out, shift->cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n");
  g_string_append_len (w->line, "SUMMARY:", 8);
  append_text (w->line, title);
  end_line (w->out, w->line);
  g_string_append_len (w->line, "DESCRIPTION:", 12);
  append_text (w->line, description);
  end_line (w->out, w->line);
  if (shift->shift_type_code != NULL)
    {
      g_string_append_len (w->line, "CATEGORIES:", 11);
      append_text (w->line, shift->shift_type_code);
      end_line (w->out, w->line);
    }
  g_string_append (w->out, "TRANSP:OPAQUE\r\nEND:VEVENT\r\n");
}

static void
write_time_off (Writer                  *w,
                const ScCalendarTimeOff *time_off)
{
  const ScCalendar *calendar = w->calendar;
  g_autofree char *title = NULL;
  Ymd first, last;

  if (!parse_ymd (time_off->first_day, &first) || !parse_ymd (time_off->last_day, &last))
    return;

  if (calendar->person_id == 0)
    title = g_strdup_printf (C_("calendar event", "%s: %s"), time_off->person_name,
                             time_off_kind_title (time_off->kind));
  else
    title = g_strdup (time_off_kind_title (time_off->kind));

  g_string_append_len (w->out, "BEGIN:VEVENT\r\n", 14);
  g_string_append_printf (w->line, "UID:time-off-%" G_GINT64_FORMAT "-%s@shiftcraft", time_off->time_off_id, calendar->token);
  end_line (w->out, w->line);
  g_string_append (w->out, w->dtstamp);
  g_string_append (w->line, "DTSTART;VALUE=DATE:");
  append_date (w->line, first);
  end_line (w->out, w->line);
  g_string_append (w->line, "DTEND;VALUE=DATE:");
  append_date (w->line, ymd_add_days (last, 1));
  end_line (w->out, w->line);
  g_string_append_len (w->line, "SUMMARY:", 8);
  append_text (w->line, title);
  end_line (w->out, w->line);
  g_string_append (w->out, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n");
}

/*
 * Unfolds libical's output and folds it again: libical 3.0 folds where it
 * likes (before spaces and punctuation); folding here keeps one rule for
 * the whole file.
 */
static void
append_refolded (GString    *out,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      for (;;)
        {
          const char *end = p + strcspn (p, "\r\n");

          g_string_append_len (line, p, end - p);
          p = end;
          if (*p == '\r')
            p++;
          if (*p == '\n')
            p++;
          if (*p == ' ' || *p == '\t')
            {
              p++;
              continue;
            }
          break;
        }

      if (line->len > 0)
        end_line (out, line);
    }
}

/**
 * sc_ics_export:
 * @stamp: (nullable): the DTSTAMP of every event, now when %NULL
 *
 * Returns: (transfer full): @calendar as an iCalendar text, or %NULL with
 *   @error set
 */
char *
sc_ics_export (ScCalendar  *calendar,
               GDateTime   *stamp,
               gsize       *length,
               GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *name = NULL;
  g_autofree char *prodid = NULL;
  g_autofree char *stamp_text = NULL;
  char *head;
  char *end_of_head;
  icalcomponent *vcalendar;
  Writer w = { 0, };

  g_return_val_if_fail (calendar != NULL, NULL);

  if (calendar->time_zone == NULL ||
      (tz = g_time_zone_new_identifier (calendar->time_zone)) == NULL)
    {
      g_set_error (error, SC_ICS_ERROR, SC_ICS_ERROR_TIME_ZONE,
                   _("The team’s time zone “%s” is not known to this system"),
                   calendar->time_zone ? calendar->time_zone : "");
      return NULL;
    }

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (stamp);
  stamp_text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  if (calendar->person_id != 0)
    /* TRANSLATORS: the name of a person's calendar: their name and their team's */
    name = g_strdup_printf (C_("calendar name", "%s — %s"), calendar->person_name, calendar->team_name);
  else
    /* TRANSLATORS: the name of the whole team's calendar */
    name = g_strdup_printf (C_("calendar name", "%s roster"), calendar->team_name);

  prodid = g_strdup_printf ("-//Shiftcraft//Shiftcraft %s//%s", PACKAGE_VERSION, "EN");

  /* The calendar's properties and its time zone, by libical */
  vcalendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (vcalendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_property (vcalendar, new_x_property ("X-WR-CALNAME", name));
  icalcomponent_add_property (vcalendar, new_x_property ("X-WR-TIMEZONE", calendar->time_zone));

  /* The time zone, from the end of the year before the first shift to the
   * end of the year after the last */
  if (calendar->shifts->len > 0)
    {
      int min_year = G_MAXINT;
      int max_year = 0;

      for (guint i = 0; i < calendar->shifts->len; i++)
        {
          Ymd day;

          if (parse_ymd (g_array_index (calendar->shifts, ScCalendarShift, i).day, &day))
            {
              min_year = MIN (min_year, day.year);
              max_year = MAX (max_year, day.year);
            }
        }

      if (min_year <= max_year)
        {
          g_autoptr(GDateTime) from = g_date_time_new_utc (min_year - 1, 12, 31, 0, 0, 0);
          g_autoptr(GDateTime) until = g_date_time_new_utc (max_year + 1, 12, 31, 0, 0, 0);

          icalcomponent_add_component (vcalendar,
                                       build_vtimezone (tz, calendar->time_zone,
                                                        g_date_time_to_unix (from),
                                                        g_date_time_to_unix (until)));
        }
    }

  head = icalcomponent_as_ical_string_r (vcalendar);
  icalcomponent_free (vcalendar);
  end_of_head = g_strrstr (head, "END:VCALENDAR");
  g_assert (end_of_head != NULL);
  *end_of_head = '\0';

  w.out = g_string_sized_new (4096 + (gsize) calendar->shifts->len * 420);
  w.line = g_string_sized_new (256);
  w.calendar = calendar;
  w.tz = tz;
  w.dtstamp = g_strdup_printf ("DTSTAMP:%s\r\n", stamp_text);
  w.tzid_start = g_strdup_printf ("DTSTART;TZID=%s:", calendar->time_zone);
  w.tzid_end = g_strdup_printf ("DTEND;TZID=%s:", calendar->time_zone);
  w.instants = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  load_words (&w.words);

  append_refolded (w.out, head);
  icalmemory_free_buffer (head);

  for (guint i = 0; i < calendar->shifts->len; i++)
    write_shift (&w, &g_array_index (calendar->shifts, ScCalendarShift, i));

  for (guint i = 0; i < calendar->time_off->len; i++)
    write_time_off (&w, &g_array_index (calendar->time_off, ScCalendarTimeOff, i));

  g_string_append (w.out, "END:VCALENDAR\r\n");

  g_string_free (w.line, TRUE);
  g_free (w.dtstamp);
  g_free (w.tzid_start);
  g_free (w.tzid_end);
  g_hash_table_unref (w.instants);

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/**
 * sc_ics_export_to_file:
 *
 * Writes @calendar to @file, replacing it atomically.
 */
gboolean
sc_ics_export_to_file (ScCalendar    *calendar,
                       GDateTime     *stamp,
                       GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(text = sc_ics_export (calendar, stamp, &length, error)))
    return FALSE;

  return sc_format_file_write_private (file, text, length, cancellable, error);
}

typedef struct
{
  ScStore   *store;
  ScSession *session;
  char      *first_day;
  int        n_days;
  gint64     person_id;
  GFile     *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data->first_day);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(ScCalendar) calendar = NULL;
  GError *error = NULL;

  calendar = sc_store_get_calendar (data->store, data->session, data->first_day, data->n_days,
                                    data->person_id, &error);
  if (calendar == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!sc_ics_export_to_file (calendar, NULL, data->file, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, calendar->shifts->len + calendar->time_off->len);
}

/**
 * sc_ics_export_async:
 * @person_id: whose calendar, or 0 for the whole team's
 *
 * Reads the calendar from @store and writes it to @file in a thread.
 */
void
sc_ics_export_async (ScStore             *store,
                     ScSession           *session,
                     const char          *first_day,
                     int                  n_days,
                     gint64               person_id,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (SC_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->store = g_object_ref (store);
  data->session = g_object_ref (session);
  data->first_day = g_strdup (first_day);
  data->n_days = n_days;
  data->person_id = person_id;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_ics_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sc_ics_export_finish:
 * @n_events: (out) (optional): how many events were written
 */
gboolean
sc_ics_export_finish (GAsyncResult  *result,
                      guint         *n_events,
                      GError       **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;

  if (n_events != NULL)
    *n_events = (guint) n;
  return TRUE;
}

/* ---------------------------------------------------------------- import */

typedef struct
{
  char  *name;    /* upper case */
  char  *params;  /* upper case, as written, without the leading “;” */
  char  *value;
  guint  line;
} ContentLine;

typedef struct
{
  guint      line;
  GPtrArray *properties;  /* ContentLine */
} Event;

static void
content_line_free (ContentLine *cl)
{
  g_free (cl->name);
  g_free (cl->params);
  g_free (cl->value);
  g_free (cl);
}

static void
event_free (Event *event)
{
  g_ptr_array_unref (event->properties);
  g_free (event);
}

static void
import_item_free (ScIcsImportItem *item)
{
  g_free (item->first_day);
  g_free (item->last_day);
  g_free (item->summary);
  g_free (item);
}

void
sc_ics_import_free (ScIcsImport *import)
{
  if (import == NULL)
    return;

  g_free (import->filename);
  g_clear_pointer (&import->items, g_ptr_array_unref);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ContentLine, content_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScIcsImportItem, import_item_free)

static void G_GNUC_PRINTF (5, 6)
set_line_error (GError     **error,
                int          code,
                const char  *filename,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: “holidays.ics”, line 12: what is wrong */
  g_set_error (error, SC_ICS_ERROR, code, _("“%s”, line %u: %s"), filename, line, message);
}

/* Splits “NAME;PARAM=x:value” at the first colon outside quotes */
static ContentLine *
split_content_line (const char *text,
                    guint       line)
{
  const char *p = text;
  const char *colon = NULL;
  const char *name_end;
  gboolean quoted = FALSE;
  ContentLine *cl;

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          colon = p;
          break;
        }
    }

  if (colon == NULL)
    return NULL;

  name_end = text;
  while (name_end < colon && (g_ascii_isalnum (*name_end) || *name_end == '-'))
    name_end++;

  if (name_end == text || (name_end != colon && *name_end != ';'))
    return NULL;

  cl = g_new0 (ContentLine, 1);
  cl->name = g_ascii_strup (text, name_end - text);
  cl->params = name_end < colon ? g_ascii_strup (name_end + 1, colon - name_end - 1) : g_strdup ("");
  cl->value = g_strdup (colon + 1);
  cl->line = line;
  return cl;
}

static const ContentLine *
find_property (Event      *event,
               const char *name)
{
  for (guint i = 0; i < event->properties->len; i++)
    {
      const ContentLine *cl = g_ptr_array_index (event->properties, i);

      if (strcmp (cl->name, name) == 0)
        return cl;
    }

  return NULL;
}

/* A DATE (YYYYMMDD) value, or a DATE-TIME whose day is taken */
static gboolean
parse_ical_date (const char *value,
                 Ymd        *ymd,
                 gboolean   *is_date)
{
  gsize len = strlen (value);

  if (len < 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;

  if (len == 8)
    *is_date = TRUE;
  else if ((len == 15 || len == 16) && value[8] == 'T' &&
           (len == 15 || value[15] == 'Z'))
    {
      for (int i = 9; i < 15; i++)
        if (!g_ascii_isdigit (value[i]))
          return FALSE;
      *is_date = FALSE;
    }
  else
    return FALSE;

  ymd->year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 + (value[3] - '0');
  ymd->month = (value[4] - '0') * 10 + (value[5] - '0');
  ymd->day = (value[6] - '0') * 10 + (value[7] - '0');
  return g_date_valid_dmy (ymd->day, ymd->month, ymd->year);
}

static char *
format_ymd (Ymd ymd)
{
  return g_strdup_printf ("%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
}

static int
days_between (Ymd a,
              Ymd b)
{
  GDate da, db;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, a.day, a.month, a.year);
  g_date_set_dmy (&db, b.day, b.month, b.year);
  return g_date_days_between (&da, &db);
}

/* libical reads the TEXT value: unescaped, in UTF-8 */
static char *
read_text (const ContentLine *cl)
{
  g_autofree char *line = g_strdup_printf ("%s:%s", cl->name, cl->value);
  icalproperty *property = icalproperty_new_from_string (line);
  char *text = NULL;

  if (property != NULL)
    {
      icalvalue *value = icalproperty_get_value (property);

      if (value != NULL && icalvalue_isa (value) == ICAL_TEXT_VALUE && icalvalue_get_text (value) != NULL)
        text = g_strstrip (g_strdup (icalvalue_get_text (value)));
      icalproperty_free (property);
    }

  if (text == NULL)
    text = g_strstrip (g_strdup (cl->value));

  return text;
}

/* Adds the DATE values of @cl (a comma-separated list) to @days */
static gboolean
add_date_list (GArray            *days,
               const ContentLine *cl)
{
  g_auto(GStrv) values = g_strsplit (cl->value, ",", -1);

  for (guint i = 0; values[i] != NULL; i++)
    {
      gboolean is_date = FALSE;
      Ymd day;

      if (!parse_ical_date (g_strstrip (values[i]), &day, &is_date) || !is_date)
        return FALSE;
      g_array_append_val (days, day);
    }

  return TRUE;
}

static gboolean
contains_day (GArray *days,
              Ymd     day)
{
  for (guint i = 0; i < days->len; i++)
    if (days_between (g_array_index (days, Ymd, i), day) == 0)
      return TRUE;

  return FALSE;
}

/*
 * The first days of a repeating event: its RRULE and RDATE, less its
 * EXDATE. A rule without an end gives the days of this year and the next.
 */
static gboolean
expand_repeats (Event       *event,
                Ymd          first,
                const char  *filename,
                GArray      *starts,
                GError     **error)
{
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (Ymd));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Ymd));

  g_array_append_val (all, first);

  for (guint i = 0; i < event->properties->len; i++)
    {
      const ContentLine *cl = g_ptr_array_index (event->properties, i);
      GArray *target = NULL;

      if (strcmp (cl->name, "RDATE") == 0)
        target = all;
      else if (strcmp (cl->name, "EXDATE") == 0)
        target = excluded;

      if (target != NULL && !add_date_list (target, cl))
        {
          set_line_error (error, SC_ICS_ERROR_EVENT, filename, cl->line,
                          _("“%s” is not a list of dates: write YYYYMMDD, such as 20261001"), cl->value);
          return FALSE;
        }

      if (strcmp (cl->name, "RRULE") == 0)
        {
          struct icalrecurrencetype rule = icalrecurrencetype_from_string (cl->value);
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          Ymd from = { 1, 1, 1 };
          Ymd until = { 9999, 12, 31 };
          icalrecur_iterator *iterator;
          g_autofree char *start_text = g_strdup_printf ("%04d%02d%02d", first.year, first.month, first.day);
          struct icaltimetype start = icaltime_from_string (start_text);
          struct icaltimetype next;
          guint n = 0;

          if (rule.freq == ICAL_NO_RECURRENCE)
            {
              set_line_error (error, SC_ICS_ERROR_EVENT, filename, cl->line,
                              _("the repeat rule “%s” cannot be read"), cl->value);
              return FALSE;
            }

          if (rule.count == 0 && icaltime_is_null_time (rule.until))
            {
              from = (Ymd) { g_date_time_get_year (now), 1, 1 };
              until = (Ymd) { g_date_time_get_year (now) + 1, 12, 31 };
            }

          iterator = icalrecur_iterator_new (rule, start);
          if (iterator == NULL)
            {
              set_line_error (error, SC_ICS_ERROR_EVENT, filename, cl->line,
                              _("the repeat rule “%s” cannot be read"), cl->value);
              return FALSE;
            }

          for (next = icalrecur_iterator_next (iterator);
               !icaltime_is_null_time (next) && n < 1000;
               next = icalrecur_iterator_next (iterator), n++)
            {
              Ymd day = { next.year, next.month, next.day };

              if (days_between (day, until) < 0)
                break;
              if (days_between (from, day) >= 0 && !contains_day (all, day))
                g_array_append_val (all, day);
            }
          icalrecur_iterator_free (iterator);

          /* DTSTART counts only inside the window of an endless rule */
          if (days_between (from, first) < 0)
            g_array_remove_index (all, 0);
        }
    }

  for (guint i = 0; i < all->len; i++)
    {
      Ymd day = g_array_index (all, Ymd, i);

      if (!contains_day (excluded, day) && !contains_day (starts, day))
        g_array_append_val (starts, day);
    }

  return TRUE;
}

static gboolean
read_event (Event            *event,
            ScIcsImportKind   kind,
            const char       *filename,
            GPtrArray        *items,
            gboolean         *skip,
            GError          **error)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (Ymd));
  const ContentLine *start = find_property (event, "DTSTART");
  const ContentLine *end = find_property (event, "DTEND");
  const ContentLine *duration = find_property (event, "DURATION");
  const ContentLine *summary = find_property (event, "SUMMARY");
  const ContentLine *status = find_property (event, "STATUS");
  g_autofree char *title = NULL;
  gboolean is_date = FALSE;
  Ymd first, after;
  int n_days;

  *skip = FALSE;
  title = summary != NULL ? read_text (summary) : NULL;
  if (title != NULL && *title == '\0')
    g_clear_pointer (&title, g_free);

  if (status != NULL && g_ascii_strcasecmp (status->value, "CANCELLED") == 0)
    {
      *skip = TRUE;
      return FALSE;
    }

  if (start == NULL)
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, event->line,
                      _("the event “%s” has no start (DTSTART)"), title ? title : "");
      return FALSE;
    }

  if (!parse_ical_date (start->value, &first, &is_date))
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, start->line,
                      _("“%s” is not a date: write YYYYMMDD, such as 20261001"), start->value);
      return FALSE;
    }

  if (!is_date)
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, start->line,
                      _("the event “%s” starts at a time of day; holidays and time off are whole days, so only all-day events can be imported"),
                      title ? title : "");
      return FALSE;
    }

  if (end != NULL)
    {
      gboolean end_is_date = FALSE;

      if (!parse_ical_date (end->value, &after, &end_is_date) || !end_is_date)
        {
          set_line_error (error, SC_ICS_ERROR_EVENT, filename, end->line,
                          _("the end “%s” is not a date like the start: write YYYYMMDD"), end->value);
          return FALSE;
        }
    }
  else if (duration != NULL)
    {
      struct icaldurationtype d = icaldurationtype_from_string (duration->value);

      if (icaldurationtype_is_bad_duration (d) || d.is_neg || d.hours || d.minutes || d.seconds ||
          (d.days == 0 && d.weeks == 0))
        {
          set_line_error (error, SC_ICS_ERROR_EVENT, filename, duration->line,
                          _("the length “%s” is not a number of whole days, such as P3D"), duration->value);
          return FALSE;
        }
      after = ymd_add_days (first, (int) (d.days + 7 * d.weeks));
    }
  else
    after = ymd_add_days (first, 1);

  n_days = days_between (first, after);
  if (n_days < 1)
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, end ? end->line : event->line,
                      _("the event “%s” ends before it starts"), title ? title : "");
      return FALSE;
    }
  if (n_days > 366)
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, event->line,
                      _("the event “%s” lasts %d days; at most 366 can be imported"), title ? title : "", n_days);
      return FALSE;
    }

  if (kind == SC_ICS_IMPORT_HOLIDAYS && title == NULL)
    {
      set_line_error (error, SC_ICS_ERROR_EVENT, filename, event->line,
                      _("the event has no name (SUMMARY); a holiday needs one"));
      return FALSE;
    }

  if (!expand_repeats (event, first, filename, starts, error))
    return FALSE;

  for (guint i = 0; i < starts->len; i++)
    {
      Ymd day = g_array_index (starts, Ymd, i);
      ScIcsImportItem *item = g_new0 (ScIcsImportItem, 1);

      item->line = event->line;
      item->first_day = format_ymd (day);
      item->last_day = format_ymd (ymd_add_days (day, n_days - 1));
      item->summary = g_strdup (title);
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/**
 * sc_ics_import_parse:
 * @filename: the name to give in messages
 *
 * Reads and checks all of @data. Writes nothing.
 *
 * Returns: (transfer full): the events to import, or %NULL with @error
 *   set to the first problem, with its line
 */
ScIcsImport *
sc_ics_import_parse (const char       *data,
                     gsize             length,
                     const char       *filename,
                     ScIcsImportKind   kind,
                     GError          **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) stack_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(ScIcsImport) import = NULL;
  g_autoptr(GString) logical = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  const char *end = NULL;
  Event *current = NULL;
  gboolean seen_calendar = FALSE;
  guint logical_line = 0;
  guint n_lines;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (filename == NULL)
    filename = "";

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      set_line_error (error, SC_ICS_ERROR_ENCODING, filename, line,
                      _("the text is not UTF-8; save the file as UTF-8 and try again"));
      return NULL;
    }

  text = g_strndup (data, length);
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);

  /* Content lines, unfolded, each with the number of its first line */
  for (guint i = 0; i <= n_lines; i++)
    {
      char *raw = i < n_lines ? lines[i] : NULL;
      gsize raw_len = raw ? strlen (raw) : 0;
      g_autoptr(ContentLine) cl = NULL;

      if (raw != NULL && raw_len > 0 && raw[raw_len - 1] == '\r')
        raw[--raw_len] = '\0';

      if (raw != NULL && (raw[0] == ' ' || raw[0] == '\t'))
        {
          if (logical_line == 0)
            {
              set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, i + 1,
                              _("a continued line (starting with a space) continues nothing"));
              return NULL;
            }
          g_string_append (logical, raw + 1);
          continue;
        }

      /* @raw starts a new content line: finish the one before */
      if (logical_line != 0 && logical->len > 0)
        {
          if (!(cl = split_content_line (logical->str, logical_line)))
            {
              g_autofree char *shown = g_utf8_substring (logical->str, 0, MIN (g_utf8_strlen (logical->str, -1), 40));

              set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, logical_line,
                              _("“%s” is not an iCalendar line (NAME:value)"), shown);
              return NULL;
            }

          if (strcmp (cl->name, "BEGIN") == 0)
            {
              g_autofree char *component = g_ascii_strup (g_strstrip (cl->value), -1);

              if (stack->len == 0 && (seen_calendar || strcmp (component, "VCALENDAR") != 0))
                {
                  set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, cl->line,
                                  seen_calendar ? _("there is more after END:VCALENDAR")
                                                : _("an iCalendar file starts with BEGIN:VCALENDAR"));
                  return NULL;
                }

              if (stack->len == 1 && strcmp (component, "VEVENT") == 0)
                {
                  current = g_new0 (Event, 1);
                  current->line = cl->line;
                  current->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) content_line_free);
                  g_ptr_array_add (events, current);
                }

              seen_calendar = TRUE;
              g_ptr_array_add (stack, g_steal_pointer (&component));
              g_array_append_val (stack_lines, cl->line);
            }
          else if (strcmp (cl->name, "END") == 0)
            {
              g_autofree char *component = g_ascii_strup (g_strstrip (cl->value), -1);

              if (stack->len == 0)
                {
                  set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, cl->line,
                                  _("END:%s closes nothing"), component);
                  return NULL;
                }
              if (strcmp (component, g_ptr_array_index (stack, stack->len - 1)) != 0)
                {
                  set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, cl->line,
                                  _("END:%s does not close BEGIN:%s of line %u"), component,
                                  (const char *) g_ptr_array_index (stack, stack->len - 1),
                                  g_array_index (stack_lines, guint, stack_lines->len - 1));
                  return NULL;
                }
              if (stack->len == 2 && current != NULL)
                current = NULL;
              g_ptr_array_remove_index (stack, stack->len - 1);
              g_array_remove_index (stack_lines, stack_lines->len - 1);
            }
          else if (stack->len == 0)
            {
              set_line_error (error, SC_ICS_ERROR_SYNTAX, filename, cl->line,
                              seen_calendar ? _("there is more after END:VCALENDAR")
                                            : _("an iCalendar file starts with BEGIN:VCALENDAR"));
              return NULL;
            }
          else if (current != NULL && stack->len == 2)
            g_ptr_array_add (current->properties, g_steal_pointer (&cl));
        }

      g_string_truncate (logical, 0);
      if (raw != NULL)
        g_string_append (logical, raw);
      logical_line = i + 1;
    }

  if (stack->len > 0)
    {
      set_line_error (error, SC_ICS_ERROR_SYNTAX, filename,
                      g_array_index (stack_lines, guint, stack_lines->len - 1),
                      _("BEGIN:%s is never closed (END:%s is missing)"),
                      (const char *) g_ptr_array_index (stack, stack->len - 1),
                      (const char *) g_ptr_array_index (stack, stack->len - 1));
      return NULL;
    }

  if (!seen_calendar)
    {
      g_set_error (error, SC_ICS_ERROR, SC_ICS_ERROR_SYNTAX,
                   _("“%s” is not an iCalendar file: it has no BEGIN:VCALENDAR"), filename);
      return NULL;
    }

  import = g_new0 (ScIcsImport, 1);
  import->kind = kind;
  import->filename = g_strdup (filename);
  import->items = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);

  for (guint i = 0; i < events->len; i++)
    {
      gboolean skip;

      if (!read_event (g_ptr_array_index (events, i), kind, filename, import->items, &skip, error))
        {
          if (skip)
            {
              import->n_skipped++;
              continue;
            }
          return NULL;
        }
    }

  if (import->items->len == 0)
    {
      g_set_error (error, SC_ICS_ERROR, SC_ICS_ERROR_EMPTY,
                   _("“%s” has no event to import"), filename);
      return NULL;
    }

  return g_steal_pointer (&import);
}

/**
 * sc_ics_import_read_file:
 *
 * Reads and checks all of @file; see sc_ics_import_parse().
 */
ScIcsImport *
sc_ics_import_read_file (GFile            *file,
                         ScIcsImportKind   kind,
                         GCancellable     *cancellable,
                         GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  name = g_file_get_basename (file);
  return sc_ics_import_parse (contents, length, name, kind, error);
}

static void
prefix_line (GError                **error,
             const ScIcsImportItem  *item)
{
  if (error != NULL && *error != NULL)
    g_prefix_error (error, _("Line %u: "), item->line);
}

/**
 * sc_ics_import_apply:
 * @person_id: whose time off, for %SC_ICS_IMPORT_TIME_OFF
 * @n_written: (out) (optional): holidays (days) or time off written
 *
 * Writes @import in one transaction: all of it, or nothing. Holidays
 * replace those already on the same days. Time off is entered approved
 * when @session may approve it, else requested.
 */
gboolean
sc_ics_import_apply (ScIcsImport  *import,
                     ScStore      *store,
                     ScSession    *session,
                     gint64        person_id,
                     guint        *n_written,
                     GError      **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) days = NULL;
  guint n = 0;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (import->kind == SC_ICS_IMPORT_HOLIDAYS)
    {
      if (!sc_permission_check (session, SC_OPERATION_HOLIDAYS_WRITE, 0, error))
        return FALSE;

      /* Days named twice get both names */
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      days = g_ptr_array_new ();
      for (guint i = 0; i < import->items->len; i++)
        {
          const ScIcsImportItem *item = g_ptr_array_index (import->items, i);
          Ymd first, last;

          parse_ymd (item->first_day, &first);
          parse_ymd (item->last_day, &last);
          for (Ymd d = first; days_between (d, last) >= 0; d = ymd_add_days (d, 1))
            {
              char *day = format_ymd (d);
              const char *had = g_hash_table_lookup (names, day);

              if (had == NULL)
                {
                  g_ptr_array_add (days, day);
                  g_hash_table_insert (names, day, g_strdup (item->summary));
                }
              else
                {
                  if (strstr (had, item->summary) == NULL)
                    g_hash_table_insert (names, g_strdup (day), g_strdup_printf ("%s / %s", had, item->summary));
                  g_free (day);
                }
            }
        }
    }
  else
    {
      if (person_id == 0)
        {
          g_set_error_literal (error, SC_ICS_ERROR, SC_ICS_ERROR_EVENT,
                               _("Say whose time off the file holds"));
          return FALSE;
        }
      if (!sc_permission_check (session, SC_OPERATION_TIME_OFF_REQUEST, person_id, error))
        return FALSE;
    }

  if (!sc_store_begin (store, error))
    return FALSE;

  if (import->kind == SC_ICS_IMPORT_HOLIDAYS)
    {
      for (guint i = 0; i < days->len; i++)
        {
          g_autoptr(ScHoliday) holiday = sc_holiday_new ();
          const char *day = g_ptr_array_index (days, i);

          sc_holiday_set_day (holiday, day);
          sc_holiday_set_name (holiday, g_hash_table_lookup (names, day));
          sc_holiday_set_working_day (holiday, FALSE);
          if (!sc_store_save_holiday (store, session, holiday, error))
            goto failed;
          n++;
        }
    }
  else
    {
      gboolean approve = sc_permission_access (session, SC_OPERATION_TIME_OFF_DECIDE) == SC_ACCESS_ALL;

      for (guint i = 0; i < import->items->len; i++)
        {
          const ScIcsImportItem *item = g_ptr_array_index (import->items, i);
          g_autoptr(ScTimeOff) time_off = sc_time_off_new ();

          sc_time_off_set_person_id (time_off, person_id);
          sc_time_off_set_first_day (time_off, item->first_day);
          sc_time_off_set_last_day (time_off, item->last_day);
          sc_time_off_set_kind (time_off, SC_TIME_OFF_KIND_OTHER);
          sc_time_off_set_status (time_off, approve ? SC_REQUEST_STATUS_APPROVED : SC_REQUEST_STATUS_REQUESTED);
          sc_time_off_set_note (time_off, item->summary);
          if (!sc_store_request_time_off (store, session, time_off, error))
            {
              prefix_line (error, item);
              goto failed;
            }
          n++;
        }
    }

  if (!sc_store_commit (store, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = n;
  return TRUE;

failed:
  sc_store_rollback (store);
  return FALSE;
}
