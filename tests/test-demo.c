/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-demo.h"
#include "sc-store-private.h"
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

  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) sign_in = NULL;
  guint account_roles[SC_N_ACCOUNT_ROLES] = { 0 };

  g_assert_true (sc_demo_populate (store, sc_test_session (), &accounts, &error));
  g_assert_no_error (error);

  /* Accounts for every role, with PINs that work and are nowhere else */
  sign_in = sc_store_get_sign_in_accounts (store, &error);
  g_assert_cmpuint (accounts->len, ==, sign_in->len);
  g_assert_cmpuint (accounts->len, >=, 10);
  for (guint i = 0; i < accounts->len; i++)
    {
      ScDemoAccount *account = g_ptr_array_index (accounts, i);
      account_roles[account->role]++;
      g_assert_true (sc_credential_check_rules (SC_CREDENTIAL_PIN, account->pin, NULL));
    }
  for (guint r = 0; r < SC_N_ACCOUNT_ROLES; r++)
    g_assert_cmpuint (account_roles[r], >, 0);
  {
    ScDemoAccount *first = g_ptr_array_index (accounts, 0);
    g_autoptr(ScSession) session = NULL;
    gint64 account_id = 0;

    for (guint i = 0; i < sign_in->len; i++)
      if (g_strcmp0 (sc_account_get_employee_no (g_ptr_array_index (sign_in, i)), first->employee_no) == 0)
        account_id = sc_account_get_id (g_ptr_array_index (sign_in, i));
    session = sc_store_sign_in (store, account_id, first->pin, &error);
    g_assert_no_error (error);
    g_assert_cmpint (sc_session_get_role (session), ==, first->role);
  }

  team = sc_store_get_team (store, &error);
  g_assert_cmpstr (sc_team_get_time_zone (team), ==, "Asia/Shanghai");

  people = sc_store_get_people (store, sc_test_session (), TRUE, &error);
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

      /* Everyone on the floor is in a group; trainers are in none */
      if (sc_person_get_role (person) == SC_ROLE_TRAINER)
        g_assert_cmpstr (sc_person_get_crew (person), ==, "");
      else
        g_assert_cmpstr (sc_person_get_crew (person), !=, "");

      person_skills = sc_store_get_person_skills (store, sc_test_session (), sc_person_get_id (person), &error);
      g_assert_cmpuint (person_skills->len, >=, 4);
      for (guint j = 0; j < person_skills->len; j++)
        {
          ScPersonSkill *ps = g_ptr_array_index (person_skills, j);
          categories[sc_person_skill_get_category (ps)]++;
          proficiency_seen[sc_person_skill_get_proficiency (ps)]++;
        }
    }

  /* Five groups of about a dozen people */
  {
    g_auto(GStrv) crews = sc_store_get_crews (store, sc_test_session (), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (crews), ==, 5);
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

  /* Planning data: shift types, and four weeks of forecasts per channel */
  {
    g_autoptr(GPtrArray) types = sc_store_get_shift_types (store, &error);
    guint channels = 0;

    g_assert_cmpuint (types->len, ==, 5);
    for (guint i = 0; i < skills->len; i++)
      {
        ScSkill *skill = g_ptr_array_index (skills, i);
        g_autoptr(ScServiceTarget) target = NULL;
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));
        g_autoptr(GDateTime) sunday = g_date_time_add_days (monday, 6);
        g_autoptr(GDateTime) last = g_date_time_add_days (monday, 27);
        g_autoptr(GDateTime) after = g_date_time_add_days (monday, 28);
        g_autofree char *d0 = g_date_time_format (monday, "%Y-%m-%d");
        g_autofree char *d6 = g_date_time_format (sunday, "%Y-%m-%d");
        g_autofree char *d27 = g_date_time_format (last, "%Y-%m-%d");
        g_autofree char *d28 = g_date_time_format (after, "%Y-%m-%d");
        g_autoptr(GArray) mon = NULL;
        g_autoptr(GArray) sun = NULL;
        g_autoptr(GArray) end = NULL;
        g_autoptr(GArray) none = NULL;
        double mon_total = 0, sun_total = 0;

        if (sc_skill_get_category (skill) != SC_SKILL_CATEGORY_CHANNEL)
          continue;

        target = sc_store_get_service_target (store, sc_test_session (), sc_skill_get_id (skill), &error);
        g_assert_nonnull (target);
        channels++;

        mon = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (skill), d0, &error);
        sun = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (skill), d6, &error);
        end = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (skill), d27, &error);
        none = sc_store_get_forecast (store, sc_test_session (), sc_skill_get_id (skill), d28, &error);
        g_assert_cmpuint (mon->len, >=, 24);
        g_assert_cmpuint (end->len, ==, mon->len);
        g_assert_cmpuint (none->len, ==, 0);
        for (guint k = 0; k < mon->len; k++)
          mon_total += g_array_index (mon, ScForecastPoint, k).volume;
        for (guint k = 0; k < sun->len; k++)
          sun_total += g_array_index (sun, ScForecastPoint, k).volume;
        g_assert_cmpfloat (mon_total, >, sun_total * 1.4);
      }
    g_assert_cmpuint (channels, ==, 3);
  }

  /* Never into a database that has people */
  g_assert_false (sc_demo_populate (store, sc_test_session (), NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_cmpuint (sc_store_count_people (store, TRUE), ==, 60);
}

/* The dump without the accounts, whose PINs and creation times differ */
static char *
print_without_accounts (GVariant *dump)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (gsize i = 0; i < g_variant_n_children (dump); i++)
    {
      g_autoptr(GVariant) table = g_variant_get_child_value (dump, i);
      const char *name = NULL;

      g_variant_get_child (table, 0, "&s", &name);
      if (g_strcmp0 (name, "account") != 0)
        g_variant_print_string (table, str, FALSE);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The same moment for both: requests carry the time they were made */
static gint64
fixed_clock (void)
{
  return 1795000000;
}

static void
test_deterministic (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) a = sc_test_open_store (dir, "a.db");
  g_autoptr(ScStore) b = sc_test_open_store (dir, "b.db");
  g_autoptr(GVariant) dump_a = NULL;
  g_autoptr(GVariant) dump_b = NULL;

  a->clock = fixed_clock;
  b->clock = fixed_clock;
  g_assert_true (sc_demo_populate (a, sc_test_session (), NULL, NULL));
  g_assert_true (sc_demo_populate (b, sc_test_session (), NULL, NULL));
  dump_a = sc_store_dump (a, sc_test_session (), NULL);
  dump_b = sc_store_dump (b, sc_test_session (), NULL);
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  a_text = print_without_accounts (dump_a);
  b_text = print_without_accounts (dump_b);
  g_assert_cmpstr (a_text, ==, b_text);
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
