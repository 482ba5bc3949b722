/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * iCalendar export throughput: 100,000 shifts (500 people × 200 days) in
 * Europe/Berlin, across both clock changes, with Chinese names, written
 * to a string and to a file. Prints figures; never fails on time.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "sc-calendar.h"
#include "sc-ics.h"

#define N_PEOPLE 500
#define N_DAYS   200

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static ScCalendar *
make_calendar (void)
{
  static const struct { const char *code; const char *name; int start; int length; } types[] = {
    { "E", "早班", 7 * 60, 8 * 60 + 30 },
    { "D", "白班", 9 * 60, 9 * 60 },
    { "L", "晚班", 13 * 60 + 30, 8 * 60 + 30 },
    { "N", "夜班", 22 * 60, 8 * 60 },
  };
  static const char *channels[] = { "电话", "在线客服", "邮件", NULL };
  static const char *family[] = { "王", "李", "张", "刘", "陈", "欧阳" };
  static const char *given[] = { "芳", "娜", "伟", "秀英", "建华", "子涵", "一诺" };
  ScCalendar *calendar = sc_calendar_new ("华东客服中心", "Europe/Berlin", "0123456789abcdef", "2026-01-01", N_DAYS);
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  char names[N_PEOPLE][32];
  gint64 id = 1;

  for (int p = 0; p < N_PEOPLE; p++)
    g_snprintf (names[p], sizeof names[p], "%s%s%d", family[p % G_N_ELEMENTS (family)],
                given[p % G_N_ELEMENTS (given)], p);

  for (int d = 0; d < N_DAYS; d++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (first, d);
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

      for (int p = 0; p < N_PEOPLE; p++)
        {
          int t = (p + d) % G_N_ELEMENTS (types);
          ScCalendarShift shift = {
            .shift_id = id++,
            .roster_id = 1 + d / 28,
            .person_id = p + 1,
            .person_name = names[p],
            .day = day,
            .start_minute = types[t].start,
            .length_minutes = types[t].length,
            .shift_type_code = types[t].code,
            .shift_type_name = types[t].name,
            .skill_name = channels[(p * 7 + d) % G_N_ELEMENTS (channels)],
            .sequence = (p + d) % 5 == 0 ? 1 : 0,
            .cancelled = (p * 31 + d) % 97 == 0,
            .roster_version = 1,
          };

          sc_calendar_add_shift (calendar, &shift);
        }
    }

  return calendar;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  double best = G_MAXDOUBLE;
  double t;
  gsize length = 0;

  setlocale (LC_ALL, "");

  t = now ();
  calendar = make_calendar ();
  g_print ("calendar of %u shifts built in %.3f s\n", calendar->shifts->len, now () - t);

  for (int run = 0; run < 3; run++)
    {
      g_autofree char *text = NULL;

      t = now ();
      text = sc_ics_export (calendar, stamp, &length, &error);
      t = now () - t;
      if (text == NULL)
        g_error ("%s", error->message);
      best = MIN (best, t);
      g_print ("export to a string: %u shifts, %.1f MB, %.3f s (%.0f shifts/s)\n",
               calendar->shifts->len, length / 1e6, t, calendar->shifts->len / t);
    }
  g_print ("best of 3: %.3f s for %u shifts (target: under 2 s)\n", best, calendar->shifts->len);

  dir = g_dir_make_tmp ("shiftcraft-bench-ics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "team.ics", NULL);
  file = g_file_new_for_path (path);
  t = now ();
  if (!sc_ics_export_to_file (calendar, stamp, file, NULL, &error))
    g_error ("%s", error->message);
  g_print ("export to a file: %.3f s\n", now () - t);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
