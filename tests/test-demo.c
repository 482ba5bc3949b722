/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-demo.h"
#include "sc-test-util.h"

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static void
test_sample_team (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "demo.db");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(ScTeam) team = NULL;
  g_autoptr(GError) error = NULL;
  guint roles[SC_N_ROLES] = { 0 };
  guint levels[SC_N_LEVELS] = { 0 };
  guint categories[SC_N_SKILL_CATEGORIES] = { 0 };
  guint proficiency_seen[SC_PROFICIENCY_MAX + 1] = { 0 };
  guint chinese = 0;
  guint english = 0;

  g_assert_true (sc_demo_populate (store, &error));
  g_assert_no_error (error);

  team = sc_store_get_team (store, &error);
  g_assert_cmpstr (sc_team_get_time_zone (team), ==, "Asia/Shanghai");

  people = sc_store_get_people (store, TRUE, &error);
  g_assert_cmpuint (people->len, ==, SC_DEMO_N_PEOPLE);
  g_assert_cmpuint (people->len, ==, 60);

  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      g_autoptr(GPtrArray) person_skills = NULL;

      roles[sc_person_get_role (person)]++;
      levels[sc_person_get_level (person)]++;
      if (has_han (sc_person_get_name (person)))
        chinese++;
      else
        english++;
      g_assert_true (g_hash_table_add (names, (gpointer) sc_person_get_name (person)));
      g_assert_true (sc_person_validate (person, NULL));
      g_assert_nonnull (sc_person_get_hire_date (person));

      person_skills = sc_store_get_person_skills (store, sc_person_get_id (person), &error);
      g_assert_cmpuint (person_skills->len, >=, 4);
      for (guint j = 0; j < person_skills->len; j++)
        {
          ScPersonSkill *ps = g_ptr_array_index (person_skills, j);
          categories[sc_person_skill_get_category (ps)]++;
          proficiency_seen[sc_person_skill_get_proficiency (ps)]++;
        }
    }

  /* Every role, every level, both kinds of names, every skill category */
  for (guint r = 0; r < SC_N_ROLES; r++)
    g_assert_cmpuint (roles[r], >, 0);
  g_assert_cmpuint (roles[SC_ROLE_AGENT], >, roles[SC_ROLE_SUPERVISOR]);
  for (guint l = 0; l < SC_N_LEVELS; l++)
    g_assert_cmpuint (levels[l], >, 0);
  g_assert_cmpuint (chinese, >, 30);
  g_assert_cmpuint (english, >, 5);
  for (guint c = 0; c < SC_N_SKILL_CATEGORIES; c++)
    g_assert_cmpuint (categories[c], >, 0);
  for (guint p = 1; p <= SC_PROFICIENCY_MAX; p++)
    g_assert_cmpuint (proficiency_seen[p], >, 0);

  skills = sc_store_get_skills (store, &error);
  g_assert_cmpuint (skills->len, >=, 12);

  /* Never into a database that has people */
  g_assert_false (sc_demo_populate (store, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 60);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) a = sc_test_open_store (dir, "a.db");
  g_autoptr(ScStore) b = sc_test_open_store (dir, "b.db");
  g_autoptr(GVariant) dump_a = NULL;
  g_autoptr(GVariant) dump_b = NULL;

  g_assert_true (sc_demo_populate (a, NULL));
  g_assert_true (sc_demo_populate (b, NULL));
  dump_a = sc_store_dump (a, NULL);
  dump_b = sc_store_dump (b, NULL);
  g_assert_true (g_variant_equal (dump_a, dump_b));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/demo/sample-team", test_sample_team);
  g_test_add_func ("/core/demo/deterministic", test_deterministic);

  return g_test_run ();
}
