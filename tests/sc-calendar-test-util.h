/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store-private.h"
#include "sc-test-util.h"

/*
 * A small team for publishing and calendar tests: three people, an early
 * and a night shift type, a phone channel, and rosters written the way
 * the solver and the roster editor write them.
 */
typedef struct
{
  char    *dir;
  ScStore *store;
  gint64   people[3];
  gint64   early;
  gint64   night;
  gint64   phone;
} CalendarFixture;

static inline gint64
sc_test_query_int (ScStore    *store,
                   const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static inline void
sc_test_exec (ScStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_sc_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static inline void
calendar_fixture_set_up (CalendarFixture *f,
                         const char      *time_zone,
                         const char      *names[3],
                         const char      *early_name,
                         const char      *phone_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(ScSkill) phone = sc_skill_new (phone_name, SC_SKILL_CATEGORY_CHANNEL);
  ScSession *s = sc_test_session ();
  struct { const char *code; const char *name; int start; int length; ScShiftCategory category; } types[] = {
    { "E", early_name, 8 * 60, 8 * 60, SC_SHIFT_CATEGORY_EARLY },
    { "N", "Night", 22 * 60, 8 * 60, SC_SHIFT_CATEGORY_NIGHT },
  };

  f->dir = sc_test_make_dir ();
  f->store = sc_test_open_store (f->dir, "calendar.db");

  team = sc_store_ensure_team (f->store, &error);
  g_assert_no_error (error);
  sc_team_set_time_zone (team, time_zone);
  g_assert_true (sc_store_save_team (f->store, s, team, &error));

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *number = g_strdup_printf ("E%03d", i + 1);
      g_autoptr(ScPerson) person = sc_test_person (names[i], number);

      g_assert_true (sc_store_add_person (f->store, s, person, &error));
      g_assert_no_error (error);
      f->people[i] = sc_person_get_id (person);
    }

  g_assert_true (sc_store_add_skill (f->store, s, phone, &error));
  f->phone = sc_skill_get_id (phone);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(ScShiftType) type = g_object_new (SC_TYPE_SHIFT_TYPE,
                                                  "code", types[i].code,
                                                  "name", types[i].name,
                                                  "start-minute", types[i].start,
                                                  "length-minutes", types[i].length,
                                                  "paid-minutes", types[i].length,
                                                  "category", types[i].category,
                                                  "colour", "#3584e4",
                                                  NULL);

      sc_store_save_shift_type (f->store, s, type, &error);
      g_assert_no_error (error);
      if (i == 0)
        f->early = sc_shift_type_get_id (type);
      else
        f->night = sc_shift_type_get_id (type);
    }
}

static inline void
calendar_fixture_tear_down (CalendarFixture *f)
{
  g_clear_object (&f->store);
  g_free (f->dir);
}

/* A draft roster as the solver saves it */
static inline gint64
sc_test_add_roster (CalendarFixture *f,
                    const char      *first_day,
                    int              days)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO roster (first_day, days) VALUES ('%s', %d)", first_day, days);

  sc_test_exec (f->store, sql);
  return sc_test_query_int (f->store, "SELECT max (id) FROM roster");
}

static inline gint64
sc_test_add_shift (CalendarFixture *f,
                   gint64           roster_id,
                   int              person,
                   const char      *day,
                   gint64           shift_type_id,
                   gint64           skill_id)
{
  g_autofree char *sql = NULL;
  char skill[32] = "NULL";

  if (skill_id != 0)
    g_snprintf (skill, sizeof skill, "%" G_GINT64_FORMAT, skill_id);
  sql = g_strdup_printf ("INSERT INTO shift (roster_id, person_id, day, shift_type_id, start_minute, length_minutes, skill_id)"
                     " SELECT %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", '%s', id, start_minute, length_minutes, %s"
                     " FROM shift_type WHERE id = %" G_GINT64_FORMAT,
                     roster_id, f->people[person], day, skill, shift_type_id);

  sc_test_exec (f->store, sql);
  return sc_test_query_int (f->store, "SELECT max (id) FROM shift");
}

/* Edits as the roster editor makes them: every change raises the sequence */
static inline void
sc_test_move_shift (CalendarFixture *f,
                    gint64           shift_id,
                    int              start_minute)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE shift SET start_minute = %d, shift_type_id = NULL,"
                                          " sequence = sequence + 1 WHERE id = %" G_GINT64_FORMAT,
                                          start_minute, shift_id);

  sc_test_exec (f->store, sql);
}

static inline void
sc_test_cancel_shift (CalendarFixture *f,
                      gint64           shift_id)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE shift SET cancelled = 1, sequence = sequence + 1"
                                          " WHERE id = %" G_GINT64_FORMAT, shift_id);

  sc_test_exec (f->store, sql);
}
