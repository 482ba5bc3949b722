/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "sc-calendar-test-util.h"
#include "sc-ics.h"

static const char *latin_names[3] = { "Anna Schmidt", "Wang Fang", "Zhang Wei" };
static const char *chinese_names[3] = { "欧阳娜娜", "王芳", "张伟" };

/* ------------------------------------------------------------- helpers */

static void
set_up_berlin (CalendarFixture *f,
               gconstpointer    data)
{
  calendar_fixture_set_up (f, "Europe/Berlin", latin_names, "Early", "Phone");
}

static void
set_up_shanghai (CalendarFixture *f,
                 gconstpointer    data)
{
  calendar_fixture_set_up (f, "Asia/Shanghai", chinese_names, "早班", "电话");
}

static void
tear_down (CalendarFixture *f,
           gconstpointer    data)
{
  calendar_fixture_tear_down (f);
}

static GDateTime *
stamp_at (const char *iso)
{
  GDateTime *stamp = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (stamp);
  return stamp;
}

/* Publishes @roster and exports the team's (or a person's) calendar */
static char *
export (CalendarFixture *f,
        const char      *first_day,
        int              days,
        gint64           person_id,
        const char      *stamp_iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCalendar) calendar = NULL;
  g_autoptr(GDateTime) stamp = stamp_at (stamp_iso);
  gsize length = 0;
  char *text;

  calendar = sc_store_get_calendar (f->store, sc_test_session (), first_day, days, person_id, &error);
  g_assert_no_error (error);
  text = sc_ics_export (calendar, stamp, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, length);
  return text;
}

static void
assert_no_parse_errors (icalcomponent *component)
{
  icalproperty *error = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);

  if (error != NULL)
    g_error ("libical: %s", icalproperty_get_xlicerror (error));

  for (icalcomponent *c = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    assert_no_parse_errors (c);
}

/* libical reads the text back; every TZID it resolves must come from the
 * file's own VTIMEZONE */
static icalcomponent *
parse_back (const char *text)
{
  icalcomponent *vcalendar = icalparser_parse_string (text);

  g_assert_nonnull (vcalendar);
  g_assert_cmpint (icalcomponent_isa (vcalendar), ==, ICAL_VCALENDAR_COMPONENT);
  assert_no_parse_errors (vcalendar);
  return vcalendar;
}

static icalcomponent *
find_event (icalcomponent *vcalendar,
            const char    *uid_prefix)
{
  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    if (g_str_has_prefix (icalcomponent_get_uid (c), uid_prefix))
      return c;

  g_error ("No event with a UID starting %s", uid_prefix);
  return NULL;
}

static char *
uid_prefix_of (gint64 shift_id)
{
  return g_strdup_printf ("shift-%" G_GINT64_FORMAT "-", shift_id);
}

static gint64
instant (icalcomponent *vcalendar,
         icalproperty  *property)
{
  struct icaltimetype t = icalproperty_get_datetime_with_component (property, vcalendar);
  icalparameter *tzid = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);

  if (tzid != NULL)
    {
      icalcomponent *vtimezone = icalcomponent_get_first_component (vcalendar, ICAL_VTIMEZONE_COMPONENT);
      icaltimezone *zone = icalcomponent_get_timezone (vcalendar, icalparameter_get_tzid (tzid));

      g_assert_nonnull (vtimezone);
      g_assert_nonnull (zone);
      g_assert_cmpstr (icaltimezone_get_tzid (zone), ==, icalparameter_get_tzid (tzid));
      return icaltime_as_timet_with_zone (t, zone);
    }

  g_assert_true (icaltime_is_utc (t));
  return icaltime_as_timet (t);
}

static gint64
iso_seconds (const char *iso)
{
  g_autoptr(GDateTime) dt = stamp_at (iso);

  return g_date_time_to_unix (dt);
}

static void
assert_times (icalcomponent *vcalendar,
              icalcomponent *event,
              const char    *start_utc,
              const char    *end_utc)
{
  icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *end = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);

  g_assert_cmpint (instant (vcalendar, start), ==, iso_seconds (start_utc));
  g_assert_cmpint (instant (vcalendar, end), ==, iso_seconds (end_utc));
}

/* CRLF only, every physical line at most 75 octets and whole UTF-8 */
static void
assert_lines (const char *text)
{
  const char *p = text;
  guint n = 0;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  while (*p != '\0')
    {
      const char *eol = strstr (p, "\r\n");

      g_assert_nonnull (eol);
      g_assert_null (memchr (p, '\n', eol - p));
      g_assert_null (memchr (p, '\r', eol - p));
      g_assert_cmpint (eol - p, <=, 75);
      g_assert_true (g_utf8_validate (p, eol - p, NULL));
      p = eol + 2;
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

static void
assert_count_in_text (const char *text,
                      const char *needle,
                      guint       expected)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  g_assert_cmpuint (n, ==, expected);
}

/* --------------------------------------------------------------- export */

static void
test_export_structure (CalendarFixture *f,
                       gconstpointer    data)
{
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  icalcomponent *vtimezone;
  icalcomponent *event;
  icalproperty *property;
  gint64 roster = sc_test_add_roster (f, "2026-06-01", 7);
  gint64 shift;
  guint n_events = 0;

  shift = sc_test_add_shift (f, roster, 0, "2026-06-01", f->early, f->phone);
  sc_test_add_shift (f, roster, 1, "2026-06-02", f->night, 0);
  sc_test_add_shift (f, roster, 2, "2026-06-03", f->early, 0);
  sc_test_exec (f->store, "INSERT INTO time_off (person_id, first_day, last_day, kind, status)"
                          " SELECT id, '2026-06-05', '2026-06-06', 'annual-leave', 'approved' FROM person WHERE employee_no = 'E003'");
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 1);

  text = export (f, "2026-06-01", 7, 0, "2026-05-20T08:00:00Z");
  assert_lines (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (text, "\r\nPRODID:-//Shiftcraft//"));
  g_assert_nonnull (strstr (text, "\r\nTZID:Europe/Berlin\r\n"));
  g_assert_null (strstr (text, "freeassociation"));
  assert_count_in_text (text, "DTSTAMP:20260520T080000Z\r\n", 4);
  assert_count_in_text (text, "BEGIN:VTIMEZONE", 1);

  vcalendar = parse_back (text);
  g_assert_cmpint (icalcomponent_get_method (vcalendar), ==, ICAL_METHOD_PUBLISH);

  property = icalcomponent_get_first_property (vcalendar, ICAL_X_PROPERTY);
  g_assert_cmpstr (icalproperty_get_x_name (property), ==, "X-WR-CALNAME");

  vtimezone = icalcomponent_get_first_component (vcalendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)), ==,
                   "Europe/Berlin");

  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    n_events++;
  g_assert_cmpuint (n_events, ==, 4);

  /* Summer time: 08:00 in Berlin is 06:00 UTC */
  {
    g_autofree char *prefix = uid_prefix_of (shift);

    event = find_event (vcalendar, prefix);
  }
  assert_times (vcalendar, event, "2026-06-01T06:00:00Z", "2026-06-01T14:00:00Z");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Anna Schmidt: Early 08:00–16:00 · Phone");
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_true (g_str_has_suffix (icalcomponent_get_uid (event), "@shiftcraft"));

  /* Approved time off: an all-day event, the end the day after the last */
  event = find_event (vcalendar, "time-off-");
  {
    struct icaltimetype start = icalcomponent_get_dtstart (event);
    struct icaltimetype end = icalcomponent_get_dtend (event);

    g_assert_true (start.is_date && end.is_date);
    g_assert_cmpint (start.day, ==, 5);
    g_assert_cmpint (end.day, ==, 7);
    g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Zhang Wei: Annual leave");
  }

  icalcomponent_free (vcalendar);
}

static void
test_export_dst (CalendarFixture *f,
                 gconstpointer    data)
{
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  icalcomponent *event;
  gint64 spring_roster = sc_test_add_roster (f, "2026-03-26", 7);
  gint64 autumn_roster = sc_test_add_roster (f, "2026-10-22", 7);
  gint64 spring, autumn, before, gap, repeated;

  /* Night shifts, 22:00–06:00 on the clock, across both changes */
  spring = sc_test_add_shift (f, spring_roster, 0, "2026-03-28", f->night, 0);
  before = sc_test_add_shift (f, spring_roster, 1, "2026-03-27", f->night, 0);
  autumn = sc_test_add_shift (f, autumn_roster, 0, "2026-10-24", f->night, 0);
  /* A shift that starts in the skipped hour, one in the repeated hour */
  gap = sc_test_add_shift (f, spring_roster, 2, "2026-03-29", f->early, 0);
  sc_test_exec (f->store, "UPDATE shift SET start_minute = 150, shift_type_id = NULL WHERE day = '2026-03-29'");
  repeated = sc_test_add_shift (f, autumn_roster, 2, "2026-10-25", f->early, 0);
  sc_test_exec (f->store, "UPDATE shift SET start_minute = 150, shift_type_id = NULL WHERE day = '2026-10-25'");
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), spring_roster, NULL), ==, 1);
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), autumn_roster, NULL), ==, 1);

  text = export (f, "2026-03-26", 240, 0, "2026-03-01T00:00:00Z");
  assert_lines (text);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Berlin:20260328T220000\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;TZID=Europe/Berlin:20260329T060000\r\n"));
  vcalendar = parse_back (text);

  /* Spring: 22:00 CET to 06:00 CEST is 7 real hours */
  {
    g_autofree char *prefix = uid_prefix_of (spring);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z");
    g_assert_nonnull (strstr (icalcomponent_get_description (event), "7 h 00 min"));
  }
  {
    g_autofree char *prefix = uid_prefix_of (before);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-03-27T21:00:00Z", "2026-03-28T05:00:00Z");
    g_assert_null (strstr (icalcomponent_get_description (event), "clocks"));
  }
  /* Autumn: 22:00 CEST to 06:00 CET is 9 real hours */
  {
    g_autofree char *prefix = uid_prefix_of (autumn);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z");
    g_assert_nonnull (strstr (icalcomponent_get_description (event), "9 h 00 min"));
  }
  /* 02:30 does not exist on 29 March: read with the offset before, in UTC */
  {
    g_autofree char *prefix = uid_prefix_of (gap);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-03-29T01:30:00Z", "2026-03-29T08:30:00Z");
  }
  /* 02:30 happens twice on 25 October: the first one */
  {
    g_autofree char *prefix = uid_prefix_of (repeated);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-10-25T00:30:00Z", "2026-10-25T09:30:00Z");
  }

  icalcomponent_free (vcalendar);
}

static void
test_export_shanghai (CalendarFixture *f,
                      gconstpointer    data)
{
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  icalcomponent *event;
  icalcomponent *vtimezone;
  gint64 roster = sc_test_add_roster (f, "2026-03-26", 7);
  gint64 night, early;
  guint n_observances = 0;

  night = sc_test_add_shift (f, roster, 0, "2026-03-28", f->night, 0);
  early = sc_test_add_shift (f, roster, 1, "2026-03-29", f->early, f->phone);
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 1);

  text = export (f, "2026-03-26", 7, f->people[1], "2026-03-01T00:00:00Z");
  vcalendar = parse_back (text);
  g_assert_cmpuint (icalcomponent_count_components (vcalendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_clear_pointer (&vcalendar, icalcomponent_free);
  g_clear_pointer (&text, g_free);

  text = export (f, "2026-03-26", 7, 0, "2026-03-01T00:00:00Z");
  assert_lines (text);
  vcalendar = parse_back (text);

  /* No daylight saving time: one observance, and a night is 8 hours */
  vtimezone = icalcomponent_get_first_component (vcalendar, ICAL_VTIMEZONE_COMPONENT);
  for (icalcomponent *c = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    n_observances++;
  g_assert_cmpuint (n_observances, ==, 1);

  {
    g_autofree char *prefix = uid_prefix_of (night);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-03-28T14:00:00Z", "2026-03-28T22:00:00Z");
  }
  {
    g_autofree char *prefix = uid_prefix_of (early);

    event = find_event (vcalendar, prefix);
    assert_times (vcalendar, event, "2026-03-29T00:00:00Z", "2026-03-29T08:00:00Z");
    g_assert_cmpstr (icalcomponent_get_summary (event), ==, "王芳: 早班 08:00–16:00 · 电话");
  }

  icalcomponent_free (vcalendar);
}

static GHashTable *
sequences_by_uid (const char *text)
{
  GHashTable *sequences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  icalcomponent *vcalendar = parse_back (text);

  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    g_hash_table_insert (sequences, g_strdup (icalcomponent_get_uid (c)),
                         GINT_TO_POINTER (icalcomponent_get_sequence (c)));

  icalcomponent_free (vcalendar);
  return sequences;
}

static void
test_export_stable (CalendarFixture *f,
                    gconstpointer    data)
{
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  g_autoptr(GHashTable) third = NULL;
  g_autofree char *text = NULL;
  g_autofree char *moved_prefix = NULL;
  g_autofree char *cancelled_prefix = NULL;
  gint64 roster = sc_test_add_roster (f, "2026-06-01", 7);
  gint64 moved, cancelled;
  GHashTableIter iter;
  gpointer key, value;
  icalcomponent *vcalendar;
  icalcomponent *event;

  moved = sc_test_add_shift (f, roster, 0, "2026-06-01", f->early, 0);
  cancelled = sc_test_add_shift (f, roster, 1, "2026-06-01", f->early, 0);
  for (int p = 0; p < 3; p++)
    sc_test_add_shift (f, roster, p, "2026-06-03", f->night, 0);
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 1);

  text = export (f, "2026-06-01", 7, 0, "2026-05-20T08:00:00Z");
  first = sequences_by_uid (text);
  g_clear_pointer (&text, g_free);
  text = export (f, "2026-06-01", 7, 0, "2026-05-21T09:30:00Z");
  second = sequences_by_uid (text);
  g_clear_pointer (&text, g_free);

  /* The same UIDs, the same sequences */
  g_assert_cmpuint (g_hash_table_size (first), ==, 5);
  g_assert_cmpuint (g_hash_table_size (second), ==, 5);
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (second, key));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (second, key)), ==, GPOINTER_TO_INT (value));
      g_assert_cmpint (GPOINTER_TO_INT (value), ==, 0);
    }

  /* One shift moved, one removed: only those two change */
  sc_test_move_shift (f, moved, 9 * 60);
  sc_test_cancel_shift (f, cancelled);
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 2);
  text = export (f, "2026-06-01", 7, 0, "2026-05-22T10:00:00Z");
  third = sequences_by_uid (text);
  g_assert_cmpuint (g_hash_table_size (third), ==, 5);

  moved_prefix = uid_prefix_of (moved);
  cancelled_prefix = uid_prefix_of (cancelled);
  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int expected = g_str_has_prefix (key, moved_prefix) || g_str_has_prefix (key, cancelled_prefix) ? 1 : 0;

      g_assert_true (g_hash_table_contains (third, key));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (third, key)), ==, expected);
    }

  vcalendar = parse_back (text);
  event = find_event (vcalendar, cancelled_prefix);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Cancelled: Wang Fang: Early 08:00–16:00");
  event = find_event (vcalendar, moved_prefix);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Anna Schmidt: Shift 09:00–17:00");
  assert_times (vcalendar, event, "2026-06-01T07:00:00Z", "2026-06-01T15:00:00Z");
  icalcomponent_free (vcalendar);
}

static void
test_export_folding (CalendarFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *text = NULL;
  icalcomponent *vcalendar;
  gint64 roster = sc_test_add_roster (f, "2026-06-01", 7);
  guint n_folds = 0;

  /* Names of 1-, 2-, 3- and 4-octet characters, so that folds fall at
   * every offset inside a character */
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autofree char *sql = NULL;
      char *escaped;

      for (int k = 0; k < i; k++)
        g_string_append_c (name, 'a');
      for (int k = 0; k < 12; k++)
        g_string_append (name, k % 3 == 0 ? "客服班组长" : (k % 3 == 1 ? "é😀" : "排班"));
      escaped = sqlite3_mprintf ("UPDATE person SET name = %Q WHERE employee_no = 'E00%d'", name->str, i % 3 + 1);
      sql = g_strdup (escaped);
      sqlite3_free (escaped);
      sc_test_exec (f->store, sql);
      sc_test_add_shift (f, roster, i % 3, i < 3 ? "2026-06-01" : "2026-06-02", f->early, f->phone);
      if (i == 3)
        g_string_assign (long_name, name->str);
    }
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 1);

  text = export (f, "2026-06-01", 7, 0, "2026-05-20T08:00:00Z");
  assert_lines (text);
  for (const char *p = strstr (text, "\r\n "); p != NULL; p = strstr (p + 1, "\r\n "))
    n_folds++;
  g_assert_cmpuint (n_folds, >, 8);

  /* Read back whole: nothing lost or broken at the folds */
  vcalendar = parse_back (text);
  {
    g_autofree char *expected = g_strdup_printf ("%s: 早班 08:00–16:00 · 电话", long_name->str);
    gboolean found = FALSE;

    for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); c != NULL;
         c = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
      if (g_strcmp0 (icalcomponent_get_summary (c), expected) == 0)
        found = TRUE;
    g_assert_true (found);
  }
  icalcomponent_free (vcalendar);
}

/* --------------------------------------------------------------- import */

static ScIcsImport *
read_fixture (const char       *name,
              ScIcsImportKind   kind,
              GError          **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sc_ics_import_read_file (file, kind, NULL, error);
}

static void
test_import_holidays (CalendarFixture *f,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScIcsImport) import = read_fixture ("holidays-cn.ics", SC_ICS_IMPORT_HOLIDAYS, &error);
  g_autoptr(GPtrArray) holidays = NULL;
  const ScIcsImportItem *item;
  guint n_written = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (import->items->len, ==, 3);
  g_assert_cmpuint (import->n_skipped, ==, 1);

  item = g_ptr_array_index (import->items, 0);
  g_assert_cmpstr (item->first_day, ==, "2026-01-01");
  g_assert_cmpstr (item->last_day, ==, "2026-01-03");
  g_assert_cmpstr (item->summary, ==, "元旦");
  g_assert_cmpuint (item->line, ==, 6);
  item = g_ptr_array_index (import->items, 1);
  g_assert_cmpstr (item->first_day, ==, "2026-04-04");
  g_assert_cmpstr (item->last_day, ==, "2026-04-06");
  item = g_ptr_array_index (import->items, 2);
  g_assert_cmpstr (item->first_day, ==, "2026-05-01");
  g_assert_cmpstr (item->last_day, ==, "2026-05-01");
  g_assert_cmpstr (item->summary, ==, "劳动节, 国际劳动节");

  g_assert_true (sc_ics_import_apply (import, f->store, sc_test_session (), 0, &n_written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_written, ==, 7);

  holidays = sc_store_get_holidays (f->store, NULL, NULL, &error);
  g_assert_cmpuint (holidays->len, ==, 7);
  g_assert_cmpstr (sc_holiday_get_day (g_ptr_array_index (holidays, 2)), ==, "2026-01-03");
  g_assert_cmpstr (sc_holiday_get_name (g_ptr_array_index (holidays, 2)), ==, "元旦");
  g_assert_false (sc_holiday_get_working_day (g_ptr_array_index (holidays, 2)));

  /* Agents may not change the holidays */
  {
    g_autoptr(ScSession) agent = sc_session_new (1, f->people[1], SC_ACCOUNT_ROLE_AGENT, "王芳");

    g_assert_false (sc_ics_import_apply (import, f->store, agent, 0, NULL, &error));
    g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  }
}

static void
test_import_time_off (CalendarFixture *f,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScIcsImport) import = read_fixture ("time-off.ics", SC_ICS_IMPORT_TIME_OFF, &error);
  g_autoptr(GPtrArray) time_off = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (import->items->len, ==, 2);
  g_assert_cmpstr (((ScIcsImportItem *) import->items->pdata[1])->first_day, ==, "2026-03-20");
  g_assert_null (((ScIcsImportItem *) import->items->pdata[1])->summary);

  /* Whose time off must be said */
  g_assert_false (sc_ics_import_apply (import, f->store, sc_test_session (), 0, NULL, &error));
  g_assert_error (error, SC_ICS_ERROR, SC_ICS_ERROR_EVENT);
  g_clear_error (&error);

  g_assert_true (sc_ics_import_apply (import, f->store, sc_test_session (), f->people[0], NULL, &error));
  g_assert_no_error (error);
  time_off = sc_store_get_time_off (f->store, sc_test_session (), f->people[0], NULL, NULL, &error);
  g_assert_cmpuint (time_off->len, ==, 2);
  g_assert_cmpstr (sc_time_off_get_first_day (g_ptr_array_index (time_off, 0)), ==, "2026-03-10");
  g_assert_cmpstr (sc_time_off_get_last_day (g_ptr_array_index (time_off, 0)), ==, "2026-03-12");
  g_assert_cmpint (sc_time_off_get_status (g_ptr_array_index (time_off, 0)), ==, SC_REQUEST_STATUS_APPROVED);
  g_assert_cmpstr (sc_time_off_get_note (g_ptr_array_index (time_off, 0)), ==, "Family visit");

  /* Importing it again overlaps: refused, and nothing more is written */
  g_assert_false (sc_ics_import_apply (import, f->store, sc_test_session (), f->people[0], NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Line 4: "));
  g_assert_cmpint (sc_test_query_int (f->store, "SELECT count(*) FROM time_off"), ==, 2);
}

static void
test_import_malformed (CalendarFixture *f,
                       gconstpointer    data)
{
  const struct
  {
    const char *name;
    int         code;
    const char *where;
  } cases[] = {
    { "bad-unclosed.ics", SC_ICS_ERROR_SYNTAX, "line 7: END:VCALENDAR does not close BEGIN:VEVENT of line 4" },
    { "bad-date.ics", SC_ICS_ERROR_EVENT, "line 6: “20261301” is not a date" },
    { "bad-line.ics", SC_ICS_ERROR_SYNTAX, "line 7: “this line is broken” is not an iCalendar line" },
    { "bad-timed.ics", SC_ICS_ERROR_EVENT, "line 5: the event “Meeting” starts at a time of day" },
    { "bad-encoding.ics", SC_ICS_ERROR_ENCODING, "line 3: the text is not UTF-8" },
    { "bad-rrule.ics", SC_ICS_ERROR_EVENT, "line 7: the repeat rule “FREQ=SOMETIMES” cannot be read" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScIcsImport) import = read_fixture (cases[i].name, SC_ICS_IMPORT_HOLIDAYS, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(no error)");
      g_assert_null (import);
      g_assert_error (error, SC_ICS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      g_assert_nonnull (strstr (error->message, cases[i].where));
    }

  /* Not an iCalendar file at all, and one with no event */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ScIcsImport) import = sc_ics_import_parse ("name,day\n", 9, "people.csv", SC_ICS_IMPORT_HOLIDAYS, &error);

    g_assert_null (import);
    g_assert_error (error, SC_ICS_ERROR, SC_ICS_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, "line 1"));
  }
  {
    const char *empty = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(ScIcsImport) import = sc_ics_import_parse (empty, strlen (empty), "empty.ics", SC_ICS_IMPORT_HOLIDAYS, &error);

    g_assert_null (import);
    g_assert_error (error, SC_ICS_ERROR, SC_ICS_ERROR_EMPTY);
  }

  g_assert_cmpint (sc_test_query_int (f->store, "SELECT count(*) FROM holiday"), ==, 0);
}

static gboolean
has_item (ScIcsImport *import,
          const char  *first_day,
          const char  *last_day,
          const char  *summary)
{
  for (guint i = 0; i < import->items->len; i++)
    {
      const ScIcsImportItem *item = g_ptr_array_index (import->items, i);

      if (g_strcmp0 (item->first_day, first_day) == 0 && g_strcmp0 (item->last_day, last_day) == 0 &&
          g_strcmp0 (item->summary, summary) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_import_repeating (CalendarFixture *f,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScIcsImport) import = read_fixture ("holidays-repeating.ics", SC_ICS_IMPORT_HOLIDAYS, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("%d-05-01", g_date_time_get_year (now));
  g_autofree char *next_year = g_strdup_printf ("%d-05-01", g_date_time_get_year (now) + 1);

  g_assert_no_error (error);

  /* A count, an end with a day left out, no end (this year and the next), extra days */
  g_assert_true (has_item (import, "2026-01-01", "2026-01-01", "New Year"));
  g_assert_true (has_item (import, "2027-01-01", "2027-01-01", "New Year"));
  g_assert_true (has_item (import, "2028-01-01", "2028-01-01", "New Year"));
  g_assert_true (has_item (import, "2026-10-01", "2026-10-03", "National Day"));
  g_assert_false (has_item (import, "2027-10-01", "2027-10-03", "National Day"));
  g_assert_true (has_item (import, "2028-10-01", "2028-10-03", "National Day"));
  g_assert_true (has_item (import, this_year, this_year, "Labour Day"));
  g_assert_true (has_item (import, next_year, next_year, "Labour Day"));
  g_assert_false (has_item (import, "2020-05-01", "2020-05-01", "Labour Day"));
  g_assert_true (has_item (import, "2026-06-01", "2026-06-01", "Company day"));
  g_assert_true (has_item (import, "2026-06-15", "2026-06-15", "Company day"));
  g_assert_true (has_item (import, "2026-07-01", "2026-07-01", "Company day"));
  g_assert_cmpuint (import->items->len, ==, 3 + 2 + 2 + 3);
}

/* An export imports back: its time off, as a person's time off */
static void
test_round_trip (CalendarFixture *f,
                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScIcsImport) import = NULL;
  g_autofree char *text = NULL;
  gint64 roster = sc_test_add_roster (f, "2026-06-01", 7);

  sc_test_add_shift (f, roster, 0, "2026-06-01", f->early, 0);
  sc_test_exec (f->store, "INSERT INTO time_off (person_id, first_day, last_day, kind, status)"
                          " SELECT id, '2026-06-04', '2026-06-05', 'annual-leave', 'approved' FROM person WHERE employee_no = 'E002'");
  g_assert_cmpint (sc_store_publish_roster (f->store, sc_test_session (), roster, NULL), ==, 1);
  text = export (f, "2026-06-01", 7, f->people[1], "2026-05-20T08:00:00Z");

  /* The person's time off comes back as it went out */
  import = sc_ics_import_parse (text, strlen (text), "export.ics", SC_ICS_IMPORT_TIME_OFF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->items->len, ==, 1);
  g_assert_cmpstr (((ScIcsImportItem *) import->items->pdata[0])->first_day, ==, "2026-06-04");
  g_assert_cmpstr (((ScIcsImportItem *) import->items->pdata[0])->last_day, ==, "2026-06-05");
  g_assert_cmpstr (((ScIcsImportItem *) import->items->pdata[0])->summary, ==, "Annual leave");
  g_clear_pointer (&import, sc_ics_import_free);
  g_clear_pointer (&text, g_free);

  /* Shifts are timed events: not time off, and the whole file is refused */
  text = export (f, "2026-06-01", 7, 0, "2026-05-20T08:00:00Z");
  import = sc_ics_import_parse (text, strlen (text), "export.ics", SC_ICS_IMPORT_TIME_OFF, &error);
  g_assert_null (import);
  g_assert_error (error, SC_ICS_ERROR, SC_ICS_ERROR_EVENT);
  g_assert_nonnull (strstr (error->message, "Anna Schmidt: Early 08:00–16:00"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/formats/ics/export/structure", CalendarFixture, NULL, set_up_berlin, test_export_structure, tear_down);
  g_test_add ("/formats/ics/export/dst-europe-berlin", CalendarFixture, NULL, set_up_berlin, test_export_dst, tear_down);
  g_test_add ("/formats/ics/export/asia-shanghai", CalendarFixture, NULL, set_up_shanghai, test_export_shanghai, tear_down);
  g_test_add ("/formats/ics/export/stable-uids-and-sequence", CalendarFixture, NULL, set_up_berlin, test_export_stable, tear_down);
  g_test_add ("/formats/ics/export/folding-utf-8", CalendarFixture, NULL, set_up_shanghai, test_export_folding, tear_down);
  g_test_add ("/formats/ics/import/holidays", CalendarFixture, NULL, set_up_shanghai, test_import_holidays, tear_down);
  g_test_add ("/formats/ics/import/repeating", CalendarFixture, NULL, set_up_shanghai, test_import_repeating, tear_down);
  g_test_add ("/formats/ics/import/time-off", CalendarFixture, NULL, set_up_berlin, test_import_time_off, tear_down);
  g_test_add ("/formats/ics/import/malformed", CalendarFixture, NULL, set_up_shanghai, test_import_malformed, tear_down);
  g_test_add ("/formats/ics/import/round-trip", CalendarFixture, NULL, set_up_berlin, test_round_trip, tear_down);

  return g_test_run ();
}
