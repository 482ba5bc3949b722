/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-demo.h"

/*
 * A sample team for trying Shiftcraft: a support centre with agents on
 * phone, chat and email, a technical support desk, trainers and
 * supervisors. The data is the same on every run (a fixed seed), so that
 * screenshots and tests can rely on it. Skill names are translated when
 * they are created, since they are what the user reads.
 */

#define DEMO_SEED 20261126

typedef struct
{
  const char      *name;
  ScSkillCategory  category;
} DemoSkill;

static const DemoSkill demo_skills[] = {
  { N_("Orders and delivery"), SC_SKILL_CATEGORY_PRODUCT },
  { N_("Billing and refunds"), SC_SKILL_CATEGORY_PRODUCT },
  { N_("Membership and points"), SC_SKILL_CATEGORY_PRODUCT },
  { N_("Active listening"), SC_SKILL_CATEGORY_COMMUNICATION },
  { N_("Clear explanation"), SC_SKILL_CATEGORY_COMMUNICATION },
  { N_("Written replies"), SC_SKILL_CATEGORY_COMMUNICATION },
  { N_("Calming upset customers"), SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
  { N_("Complaint handling"), SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
  { N_("Problem diagnosis (5W2H)"), SC_SKILL_CATEGORY_PROBLEM_SOLVING },
  { N_("Technical troubleshooting"), SC_SKILL_CATEGORY_PROBLEM_SOLVING },
  { N_("Phone"), SC_SKILL_CATEGORY_CHANNEL },
  { N_("Online chat"), SC_SKILL_CATEGORY_CHANNEL },
  { N_("Email"), SC_SKILL_CATEGORY_CHANNEL },
  { N_("Mandarin"), SC_SKILL_CATEGORY_LANGUAGE },
  { N_("Cantonese"), SC_SKILL_CATEGORY_LANGUAGE },
  { N_("English"), SC_SKILL_CATEGORY_LANGUAGE },
};

enum {
  SKILL_ORDERS,
  SKILL_BILLING,
  SKILL_MEMBERSHIP,
  SKILL_LISTENING,
  SKILL_EXPLANATION,
  SKILL_WRITTEN,
  SKILL_CALMING,
  SKILL_COMPLAINTS,
  SKILL_DIAGNOSIS,
  SKILL_TROUBLESHOOTING,
  SKILL_PHONE,
  SKILL_CHAT,
  SKILL_EMAIL,
  SKILL_MANDARIN,
  SKILL_CANTONESE,
  SKILL_ENGLISH,
  N_DEMO_SKILLS
};

G_STATIC_ASSERT (G_N_ELEMENTS (demo_skills) == N_DEMO_SKILLS);

static const char *surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
};

static const char *given_names[] = {
  "芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "晨", "浩", "婷", "雪", "琳", "鑫", "宇",
  "欣怡", "子涵", "思远", "佳", "文", "慧", "雨萱", "梓轩", "一诺", "嘉怡", "俊杰", "晓东",
  "海燕", "建华", "丹", "凯",
};

static const char *english_names[] = {
  "Emily Carter", "James Wong", "Olivia Chen", "Daniel Lee", "Sophie Martin", "Ryan Ho",
  "Grace Liu", "Michael Tan", "Chloe Ng", "David Cheung", "Hannah Lam", "Kevin Yip",
  "Natalie Chan", "Lucas Fung", "Amy Leung",
};

/* Who is in the team: role, how many of them, and how many speak English */
typedef struct
{
  ScRole role;
  guint  count;
  guint  english;
} DemoRoleCount;

static const DemoRoleCount role_counts[] = {
  { SC_ROLE_AGENT, 44, 10 },
  { SC_ROLE_TECHNICAL_SUPPORT, 8, 2 },
  { SC_ROLE_TRAINER, 4, 2 },
  { SC_ROLE_SUPERVISOR, 4, 1 },
};

static int
clamp_proficiency (int value)
{
  return CLAMP (value, 0, SC_PROFICIENCY_MAX);
}

static ScLevel
pick_level (GRand  *rand,
            ScRole  role)
{
  int roll = g_rand_int_range (rand, 0, 100);

  switch (role)
    {
    case SC_ROLE_SUPERVISOR:
    case SC_ROLE_TRAINER:
      return roll < 70 ? SC_LEVEL_SENIOR : SC_LEVEL_INTERMEDIATE;
    case SC_ROLE_TECHNICAL_SUPPORT:
      return roll < 25 ? SC_LEVEL_JUNIOR : roll < 70 ? SC_LEVEL_INTERMEDIATE : SC_LEVEL_SENIOR;
    case SC_ROLE_AGENT:
    default:
      return roll < 45 ? SC_LEVEL_JUNIOR : roll < 80 ? SC_LEVEL_INTERMEDIATE : SC_LEVEL_SENIOR;
    }
}

/* Proficiencies that fit the role and level, with some spread */
static void
pick_skills (GRand   *rand,
             ScRole   role,
             ScLevel  level,
             gboolean english,
             int      proficiency[N_DEMO_SKILLS])
{
  int base = 1 + (int) level; /* 1 junior, 2 intermediate, 3 senior */

  for (guint i = 0; i < N_DEMO_SKILLS; i++)
    proficiency[i] = -1;

  proficiency[SKILL_MANDARIN] = english ? g_rand_int_range (rand, 1, 4) : 5;
  if (english)
    proficiency[SKILL_ENGLISH] = 5;
  else if (g_rand_int_range (rand, 0, 100) < 30)
    proficiency[SKILL_ENGLISH] = g_rand_int_range (rand, 2, 5);
  if (g_rand_int_range (rand, 0, 100) < 15)
    proficiency[SKILL_CANTONESE] = g_rand_int_range (rand, 3, 6);

  proficiency[SKILL_LISTENING] = clamp_proficiency (base + g_rand_int_range (rand, 0, 3));
  proficiency[SKILL_EXPLANATION] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));

  switch (role)
    {
    case SC_ROLE_AGENT:
      proficiency[SKILL_PHONE] = clamp_proficiency (base + g_rand_int_range (rand, 0, 3));
      proficiency[SKILL_CHAT] = clamp_proficiency (base + g_rand_int_range (rand, -1, 3));
      if (g_rand_int_range (rand, 0, 100) < 50)
        proficiency[SKILL_EMAIL] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_WRITTEN] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_ORDERS] = clamp_proficiency (base + g_rand_int_range (rand, 0, 2));
      proficiency[SKILL_BILLING] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      if (g_rand_int_range (rand, 0, 100) < 60)
        proficiency[SKILL_MEMBERSHIP] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_CALMING] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      if (level >= SC_LEVEL_INTERMEDIATE)
        proficiency[SKILL_COMPLAINTS] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_DIAGNOSIS] = clamp_proficiency (base + g_rand_int_range (rand, -1, 1));
      break;

    case SC_ROLE_TECHNICAL_SUPPORT:
      proficiency[SKILL_TROUBLESHOOTING] = clamp_proficiency (base + 1 + g_rand_int_range (rand, 0, 2));
      proficiency[SKILL_DIAGNOSIS] = clamp_proficiency (base + 1 + g_rand_int_range (rand, 0, 2));
      proficiency[SKILL_PHONE] = clamp_proficiency (base + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_EMAIL] = clamp_proficiency (base + g_rand_int_range (rand, 0, 2));
      proficiency[SKILL_WRITTEN] = clamp_proficiency (base + g_rand_int_range (rand, 0, 2));
      proficiency[SKILL_ORDERS] = clamp_proficiency (base + g_rand_int_range (rand, -1, 1));
      break;

    case SC_ROLE_TRAINER:
    case SC_ROLE_SUPERVISOR:
      for (guint i = SKILL_ORDERS; i <= SKILL_CHAT; i++)
        proficiency[i] = clamp_proficiency (base + 1 + g_rand_int_range (rand, -1, 2));
      proficiency[SKILL_COMPLAINTS] = clamp_proficiency (base + 2);
      break;

    default:
      g_assert_not_reached ();
    }
}

static char *
make_hire_date (GRand   *rand,
                ScLevel  level)
{
  /* Seniors joined years ago, juniors recently */
  int first_year[] = { 2023, 2020, 2014 };
  int last_year[] = { 2026, 2024, 2021 };
  int year = g_rand_int_range (rand, first_year[level], last_year[level] + 1);
  int month = g_rand_int_range (rand, 1, year == 2026 ? 11 : 13);
  int day = g_rand_int_range (rand, 1, 29);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static char *
make_chinese_name (GRand      *rand,
                   GHashTable *used)
{
  for (;;)
    {
      const char *surname = surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))];
      const char *given = given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))];
      char *name = g_strconcat (surname, given, NULL);

      if (!g_hash_table_contains (used, name))
        {
          g_hash_table_add (used, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

static void
set_contract (GRand    *rand,
              ScPerson *person,
              ScRole    role)
{
  /* A few agents work part time */
  if (role == SC_ROLE_AGENT && g_rand_int_range (rand, 0, 100) < 15)
    {
      sc_person_set_min_minutes_week (person, 20 * 60);
      sc_person_set_max_minutes_week (person, 30 * 60);
      sc_person_set_max_consecutive_days (person, 4);
    }
  else
    {
      sc_person_set_min_minutes_week (person, 36 * 60);
      sc_person_set_max_minutes_week (person, 44 * 60);
      sc_person_set_max_consecutive_days (person, role == SC_ROLE_SUPERVISOR ? 5 : 6);
    }

  sc_person_set_min_rest_minutes (person, 11 * 60);
}

/**
 * sc_demo_populate:
 *
 * Creates the sample team of %SC_DEMO_N_PEOPLE people with their skills, in
 * one transaction. Refuses when the database already has people, so that
 * it never mixes with real data.
 */
gboolean
sc_demo_populate (ScStore  *store,
                  GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ScTeam) team = NULL;
  gint64 skill_ids[N_DEMO_SKILLS];
  guint number = 1;
  guint english_used = 0;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (!sc_store_is_empty (store))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The database “%s” already has people in it; the sample team goes only into an empty database"),
                   sc_store_get_path (store));
      return FALSE;
    }

  if (!sc_store_begin (store, error))
    return FALSE;

  if (!(team = sc_store_ensure_team (store, error)))
    goto failed;

  sc_team_set_name (team, _("Sample Support Centre"));
  sc_team_set_time_zone (team, "Asia/Shanghai");
  sc_team_set_interval_minutes (team, 30);
  if (!sc_store_save_team (store, team, error))
    goto failed;

  for (guint i = 0; i < N_DEMO_SKILLS; i++)
    {
      g_autoptr(ScSkill) skill = NULL;

      skill = sc_store_find_skill (store, _(demo_skills[i].name), NULL);
      if (skill == NULL)
        {
          skill = sc_skill_new (_(demo_skills[i].name), demo_skills[i].category);
          if (!sc_store_add_skill (store, skill, error))
            goto failed;
        }
      skill_ids[i] = sc_skill_get_id (skill);
    }

  for (guint r = 0; r < G_N_ELEMENTS (role_counts); r++)
    {
      for (guint k = 0; k < role_counts[r].count; k++)
        {
          g_autoptr(ScPerson) person = sc_person_new ();
          g_autofree char *employee_no = g_strdup_printf ("SC%04u", 1000 + number);
          g_autofree char *email = g_strdup_printf ("sc%04u@support.example.com", 1000 + number);
          g_autofree char *hire_date = NULL;
          g_autofree char *name = NULL;
          ScRole role = role_counts[r].role;
          gboolean english = k < role_counts[r].english;
          ScLevel level = pick_level (rand, role);
          int proficiency[N_DEMO_SKILLS];

          if (english)
            name = g_strdup (english_names[english_used++ % G_N_ELEMENTS (english_names)]);
          else
            name = make_chinese_name (rand, used);

          hire_date = make_hire_date (rand, level);

          sc_person_set_name (person, name);
          sc_person_set_employee_no (person, employee_no);
          sc_person_set_email (person, email);
          sc_person_set_role (person, role);
          sc_person_set_level (person, level);
          sc_person_set_hire_date (person, hire_date);
          set_contract (rand, person, role);

          if (!sc_store_add_person (store, person, error))
            goto failed;

          pick_skills (rand, role, level, english, proficiency);
          for (guint i = 0; i < N_DEMO_SKILLS; i++)
            {
              if (proficiency[i] < 0)
                continue;
              if (!sc_store_set_person_skill (store, sc_person_get_id (person), skill_ids[i],
                                              proficiency[i], error))
                goto failed;
            }

          number++;
        }
    }

  g_assert (number - 1 == SC_DEMO_N_PEOPLE);

  return sc_store_commit (store, error);

failed:
  sc_store_rollback (store);
  return FALSE;
}
