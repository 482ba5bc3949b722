/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sc-day.h"

/*
 * Days: parsing YYYY-MM-DD, and dates written in the language of the
 * messages whatever the system's date locale says.
 */

static void
test_day_parse (void)
{
  g_autoptr(GDateTime) day = sc_day_parse ("2026-12-07");

  g_assert_nonnull (day);
  g_assert_cmpint (g_date_time_get_day_of_week (day), ==, 1);
  g_assert_true (sc_day_is_valid ("2028-02-29"));
  g_assert_false (sc_day_is_valid ("2026-02-29"));
  g_assert_false (sc_day_is_valid ("2026-12-7"));
  g_assert_false (sc_day_is_valid (NULL));
}

static void
check_format (const char *day,
              const char *format,
              const char *expected)
{
  g_autoptr(GDateTime) when = sc_day_parse (day);
  g_autofree char *text = sc_day_format (when, format);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_day_format_english (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);

  check_format ("2026-12-07", "%a %-d %b %Y", "Mon 7 Dec 2026");
  check_format ("2026-12-13", "%A %-d %B", "Sunday 13 December");
  check_format ("2027-05-01", "%b %h %B", "May May May");
  /* Conversions other than names, and a literal %, pass through */
  check_format ("2026-01-02", "%Y-%m-%d %%a %j", "2026-01-02 %a 002");
}

static void
test_day_format_chinese (void)
{
  const char *localedir = g_getenv ("SHIFTCRAFT_LOCALEDIR");

  if (localedir == NULL)
    {
      g_test_skip ("SHIFTCRAFT_LOCALEDIR is not set: no compiled translations");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  /* The system's date locale stays C: the names still come out Chinese */
  check_format ("2026-12-07", "%Y年%-m月%-d日（%a）", "2026年12月7日（周一）");
  check_format ("2026-12-13", "%A", "星期日");
  check_format ("2026-12-13", "%b|%B", "12月|十二月");

  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/day/parse", test_day_parse);
  g_test_add_func ("/core/day/format/english", test_day_format_english);
  g_test_add_func ("/core/day/format/chinese", test_day_format_chinese);

  return g_test_run ();
}
