/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Store figures on a 5,000-person team: insert in one transaction, list,
 * look up by id, set skills, back up, restore. Prints figures; never fails
 * on time.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sc-backup.h"
#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-store.h"

#define N_PEOPLE 5000

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Checking a swap request against the rules: the sample team on a
 * published four-week roster, twenty requests in a row as the Requests
 * page does on every reload */
static void
bench_swap_checks (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "swaps.db", NULL);
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScStore) store = sc_store_open (path, &error);
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(GArray) shifts = NULL;
  ScRosterSolverOptions options;
  gint64 roster_id;
  guint checked = 0;
  double t;

  g_assert_no_error (error);
  g_assert_true (sc_demo_populate_from (store, session, "2026-12-07", NULL, &error));
  input = sc_store_build_roster_input (store, session, "2026-12-07", 28, &error);
  g_assert_no_error (error);
  sc_roster_solver_options_init (&options);
  options.max_iterations = 2000;
  options.time_limit = 0;
  solution = sc_roster_solve (input->problem, NULL, &options, NULL, NULL);
  roster_id = sc_store_save_roster_solution (store, session, input, solution, NULL, &error);
  g_assert_no_error (error);
  shifts = sc_store_get_roster_shifts (store, session, roster_id, FALSE, &error);
  g_assert_no_error (error);

  /* Posts: the whole roster again, then one shift as a hand edit does */
  {
    g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));
    guint changed = 0;

    t = now ();
    g_assert_true (sc_store_assign_roster_posts (store, session, input, roster_id, NULL, &changed, &error));
    g_print ("assign posts to the %u shifts of a 60-person four-week roster: %.1f ms (%u changed)\n",
             shifts->len, (now () - t) * 1000, changed);

    g_array_append_val (one, g_array_index (shifts, ScRosterShift, 0).id);
    t = now ();
    for (int i = 0; i < 20; i++)
      g_assert_true (sc_store_assign_roster_posts (store, session, input, roster_id, one, NULL, &error));
    g_print ("give one shift its post again: %.1f ms each\n", (now () - t) * 1000 / 20);
  }

  t = now ();
  for (guint i = 0; i < shifts->len / 2 && checked < 20; i += 1 + shifts->len / 40)
    {
      ScRosterShift *a = &g_array_index (shifts, ScRosterShift, i);
      ScRosterShift *b = &g_array_index (shifts, ScRosterShift, shifts->len - 1 - i);

      if (a->person_id == b->person_id)
        continue;
      g_assert_cmpint (sc_store_check_swap (store, session, a->id, b->person_id, NULL, &error), >=, 0);
      checked++;
    }
  g_print ("check %u swap requests on a 60-person four-week roster: %.1f ms each\n",
           checked, (now () - t) * 1000 / MAX (checked, 1));
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? atol (line + 6) : -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *path2 = g_build_filename (dir, "restored.db", NULL);
  g_autofree char *json = g_build_filename (dir, "bench.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json);
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScStore) restored = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScSession) session = sc_session_new_system ();
  double t;

  store = sc_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *name = g_strdup_printf ("Skill %u", i);
      ScSkill *skill = sc_skill_new (name, i % SC_N_SKILL_CATEGORIES);

      g_assert_true (sc_store_add_skill (store, session, skill, &error));
      g_ptr_array_add (skills, skill);
    }

  t = now ();
  g_assert_true (sc_store_begin (store, &error));
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("员工 %u", i);
      g_autofree char *no = g_strdup_printf ("B%05u", i);
      g_autoptr(ScPerson) person = sc_person_new ();

      sc_person_set_name (person, name);
      sc_person_set_employee_no (person, no);
      sc_person_set_level (person, i % SC_N_LEVELS);
      g_assert_true (sc_store_add_person (store, session, person, &error));
      for (guint s = 0; s < 6; s++)
        g_assert_true (sc_store_set_person_skill (store, session, sc_person_get_id (person),
                                                  sc_skill_get_id (g_ptr_array_index (skills, (i + s) % 16)),
                                                  (i + s) % 6, &error));
    }
  g_assert_true (sc_store_commit (store, &error));
  g_print ("insert %d people with 6 skills each (one transaction): %.3f s\n", N_PEOPLE, now () - t);

  t = now ();
  for (guint r = 0; r < 10; r++)
    {
      g_clear_pointer (&people, g_ptr_array_unref);
      people = sc_store_get_people (store, session, TRUE, &error);
    }
  g_print ("list %u people with skill summaries: %.1f ms\n", people->len, (now () - t) * 100);

  t = now ();
  for (guint i = 1; i <= 1000; i++)
    {
      g_autoptr(ScPerson) person = sc_store_get_person (store, session, i, &error);
      g_assert_nonnull (person);
    }
  g_print ("get one person by id: %.1f µs\n", (now () - t) * 1000);

  t = now ();
  for (guint i = 1; i <= 200; i++)
    g_assert_true (sc_store_set_person_skill (store, session, i, sc_skill_get_id (g_ptr_array_index (skills, 0)), 3, &error));
  g_print ("save one proficiency (own transaction): %.2f ms\n", (now () - t) * 1000 / 200);

  t = now ();
  g_assert_true (sc_backup_write (store, session, file, NULL, &error));
  g_print ("backup to JSON: %.3f s\n", now () - t);

  restored = sc_store_open (path2, &error);
  t = now ();
  g_assert_true (sc_backup_restore (restored, session, file, NULL, &error));
  g_print ("restore from JSON: %.3f s\n", now () - t);
  g_print ("peak resident memory: %ld kB\n", rss_kb ());

  bench_swap_checks (dir);

  g_unlink (json);
  return 0;
}
