/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-demo"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "sc-day.h"
#include "sc-demo.h"
#include "sc-demo-exams.h"
#include "sc-question-import.h"

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
  { NC_("skill", "Orders and delivery"), SC_SKILL_CATEGORY_PRODUCT },
  { NC_("skill", "Billing and refunds"), SC_SKILL_CATEGORY_PRODUCT },
  { NC_("skill", "Membership and points"), SC_SKILL_CATEGORY_PRODUCT },
  { NC_("skill", "Active listening"), SC_SKILL_CATEGORY_COMMUNICATION },
  { NC_("skill", "Clear explanation"), SC_SKILL_CATEGORY_COMMUNICATION },
  { NC_("skill", "Written replies"), SC_SKILL_CATEGORY_COMMUNICATION },
  { NC_("skill", "Calming upset customers"), SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
  { NC_("skill", "Complaint handling"), SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
  { NC_("skill", "Problem diagnosis (5W2H)"), SC_SKILL_CATEGORY_PROBLEM_SOLVING },
  { NC_("skill", "Technical troubleshooting"), SC_SKILL_CATEGORY_PROBLEM_SOLVING },
  { NC_("skill", "Phone"), SC_SKILL_CATEGORY_CHANNEL },
  { NC_("skill", "Online chat"), SC_SKILL_CATEGORY_CHANNEL },
  { NC_("skill", "Email"), SC_SKILL_CATEGORY_CHANNEL },
  { NC_("skill", "Mandarin"), SC_SKILL_CATEGORY_LANGUAGE },
  { NC_("skill", "Cantonese"), SC_SKILL_CATEGORY_LANGUAGE },
  { NC_("skill", "English"), SC_SKILL_CATEGORY_LANGUAGE },
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

/* The groups (班组) the support floor works in, each led by a team
 * leader: agents take turns through the first four, technical support
 * has its own, trainers are in none */
static const char * const demo_crews[] = {
  NC_("group", "Phone Group 1"),
  NC_("group", "Phone Group 2"),
  NC_("group", "Online Chat Group"),
  NC_("group", "Email and Complaints Group"),
  NC_("group", "Technical Support Group"),
};

#define DEMO_TECH_CREW 4

static const char *
pick_crew (ScRole role,
           guint  k)
{
  switch (role)
    {
    case SC_ROLE_AGENT:
      return g_dpgettext2 (GETTEXT_PACKAGE, "group", demo_crews[k % DEMO_TECH_CREW]);
    case SC_ROLE_TECHNICAL_SUPPORT:
      return g_dpgettext2 (GETTEXT_PACKAGE, "group", demo_crews[DEMO_TECH_CREW]);
    case SC_ROLE_SUPERVISOR:
      return g_dpgettext2 (GETTEXT_PACKAGE, "group", demo_crews[k % G_N_ELEMENTS (demo_crews)]);
    case SC_ROLE_TRAINER:
    default:
      return "";
    }
}

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

void
sc_demo_account_free (ScDemoAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->name);
  g_free (account->employee_no);
  if (account->pin != NULL)
    memset (account->pin, 0, strlen (account->pin));
  g_free (account->pin);
  g_free (account);
}

/* Supervisors and trainers get an account, and so do the first agents of
 * each kind, enough to try every role */
static gboolean
wants_account (ScRole role,
               guint  index)
{
  return role == SC_ROLE_SUPERVISOR || role == SC_ROLE_TRAINER || index < 4;
}

static ScAccountRole
account_role_for (ScRole role)
{
  switch (role)
    {
    case SC_ROLE_SUPERVISOR:
      return SC_ACCOUNT_ROLE_SUPERVISOR;
    case SC_ROLE_TRAINER:
      return SC_ACCOUNT_ROLE_TRAINER;
    case SC_ROLE_AGENT:
    case SC_ROLE_TECHNICAL_SUPPORT:
    default:
      return SC_ACCOUNT_ROLE_AGENT;
    }
}

static gboolean
has_other_people (ScStore   *store,
                  ScSession *session)
{
  g_autoptr(GPtrArray) people = sc_store_get_people (store, session, TRUE, NULL);

  if (people == NULL)
    return sc_store_count_people (store, TRUE) > 0;

  for (guint i = 0; i < people->len; i++)
    if (sc_person_get_id (g_ptr_array_index (people, i)) != sc_session_get_person_id (session))
      return TRUE;

  return FALSE;
}

typedef struct
{
  const char      *code;
  const char      *name;
  int              start;
  int              length;
  int              breaks;
  const char      *colour;
  ScShiftCategory  category;
} DemoShiftType;

static const DemoShiftType demo_shift_types[] = {
  { "E", NC_("shift type", "Early"), 7 * 60, 8 * 60 + 30, 30, "#f6d32d", SC_SHIFT_CATEGORY_EARLY },
  { "D", NC_("shift type", "Day"), 9 * 60, 9 * 60, 60, "#57e389", SC_SHIFT_CATEGORY_DAY },
  { "P", NC_("shift type", "Part-time midday"), 11 * 60, 4 * 60, 0, "#99c1f1", SC_SHIFT_CATEGORY_DAY },
  { "L", NC_("shift type", "Late"), 13 * 60 + 30, 8 * 60 + 30, 30, "#ffa348", SC_SHIFT_CATEGORY_LATE },
  { "N", NC_("shift type", "Night"), 22 * 60, 9 * 60, 60, "#9141ac", SC_SHIFT_CATEGORY_NIGHT },
};

/* How a channel's contacts come in: total per weekday and opening hours */
typedef struct
{
  guint  skill;
  double per_day;
  int    open;
  int    close;
  int    aht_seconds;
  double service_level;
  int    target_seconds;
} DemoChannel;

static const DemoChannel demo_channels[] = {
  { SKILL_PHONE, 1100, 8 * 60, 22 * 60, 240, 0.80, 20 },
  { SKILL_CHAT, 800, 8 * 60, 22 * 60, 300, 0.80, 60 },
  { SKILL_EMAIL, 300, 8 * 60, 20 * 60, 420, 0.90, 4 * 3600 },
};

#define DEMO_FORECAST_DAYS 28

/* Monday to Sunday */
static const double weekday_factor[7] = { 1.15, 1.05, 1.00, 0.98, 1.02, 0.75, 0.65 };

/* A morning and a bigger afternoon peak, as support lines have */
static double
intraday_shape (int minute)
{
  double h = minute / 60.0 + 0.25;
  double morning = exp (-((h - 10.5) * (h - 10.5)) / (2 * 1.5 * 1.5));
  double afternoon = exp (-((h - 15.0) * (h - 15.0)) / (2 * 2.0 * 2.0));

  return 0.15 + 0.6 * morning + 0.8 * afternoon;
}

static char *
next_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int weekday = g_date_time_get_day_of_week (now); /* 1 = Monday */
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - weekday);

  return g_date_time_format (monday, "%Y-%m-%d");
}

/* The day @offset days after @start, as YYYY-MM-DD */
static char *
format_day (GDateTime *start,
            int        offset)
{
  g_autoptr(GDateTime) date = g_date_time_add_days (start, offset);

  return g_date_time_format (date, "%Y-%m-%d");
}

static gboolean
add_planning_data (ScStore     *store,
                   ScSession   *session,
                   GRand       *rand,
                   gint64      *skill_ids,
                   const char  *first,
                   GError     **error)
{
  g_autoptr(GDateTime) start = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo_shift_types); i++)
    {
      const DemoShiftType *d = &demo_shift_types[i];
      g_autoptr(ScShiftType) type = g_object_new (SC_TYPE_SHIFT_TYPE,
                                                  "code", d->code,
                                                  "name", g_dpgettext2 (GETTEXT_PACKAGE, "shift type", d->name),
                                                  "start-minute", d->start,
                                                  "length-minutes", d->length,
                                                  "break-minutes", d->breaks,
                                                  "paid-minutes", d->length - d->breaks,
                                                  "colour", d->colour,
                                                  "category", d->category,
                                                  NULL);

      if (!sc_store_save_shift_type (store, session, type, error))
        return FALSE;
    }

  start = sc_day_parse (first);

  for (guint c = 0; c < G_N_ELEMENTS (demo_channels); c++)
    {
      const DemoChannel *channel = &demo_channels[c];
      g_autoptr(ScServiceTarget) target = g_object_new (SC_TYPE_SERVICE_TARGET, NULL);
      double shape_total = 0;

      sc_service_target_set_skill_id (target, skill_ids[channel->skill]);
      sc_service_target_set_service_level (target, channel->service_level);
      sc_service_target_set_target_seconds (target, channel->target_seconds);
      sc_service_target_set_max_occupancy (target, 0.85);
      sc_service_target_set_shrinkage (target, 0.30);
      sc_service_target_set_aht_seconds (target, channel->aht_seconds);
      if (!sc_store_set_service_target (store, session, target, error))
        return FALSE;

      for (int m = channel->open; m < channel->close; m += 30)
        shape_total += intraday_shape (m);

      for (int d = 0; d < DEMO_FORECAST_DAYS; d++)
        {
          g_autoptr(GDateTime) date = g_date_time_add_days (start, d);
          g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
          g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (ScForecastPoint));
          double day_total = channel->per_day * weekday_factor[d % 7];

          for (int m = channel->open; m < channel->close; m += 30)
            {
              double noise = 1.0 + g_rand_double_range (rand, -0.06, 0.06);
              ScForecastPoint point = {
                .start_minute = m,
                .volume = round (day_total * intraday_shape (m) / shape_total * noise),
                .aht_seconds = channel->aht_seconds,
              };
              g_array_append_val (points, point);
            }

          if (!sc_store_set_forecast (store, session, skill_ids[channel->skill], day,
                                      (ScForecastPoint *) points->data, points->len, error))
            return FALSE;
        }
    }

  return TRUE;
}

/*
 * Public holidays in mainland China, as the State Council announces them
 * each year: the days off, and the weekend days worked instead (调休).
 * The 2027 adjusted working days were not known when this was written.
 */
typedef struct
{
  const char *day;
  const char *name;
  gboolean    working_day;
} DemoHoliday;

static const DemoHoliday demo_holidays[] = {
  { "2026-01-01", NC_("holiday", "New Year’s Day"), FALSE },
  { "2026-01-02", NC_("holiday", "New Year’s Day"), FALSE },
  { "2026-01-03", NC_("holiday", "New Year’s Day"), FALSE },
  { "2026-01-04", NC_("holiday", "Working day for New Year’s Day"), TRUE },
  { "2026-02-14", NC_("holiday", "Working day for the Spring Festival"), TRUE },
  { "2026-02-15", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-16", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-17", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-18", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-19", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-20", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-21", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-22", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-23", NC_("holiday", "Spring Festival"), FALSE },
  { "2026-02-28", NC_("holiday", "Working day for the Spring Festival"), TRUE },
  { "2026-04-04", NC_("holiday", "Qingming Festival"), FALSE },
  { "2026-04-05", NC_("holiday", "Qingming Festival"), FALSE },
  { "2026-04-06", NC_("holiday", "Qingming Festival"), FALSE },
  { "2026-05-01", NC_("holiday", "Labour Day"), FALSE },
  { "2026-05-02", NC_("holiday", "Labour Day"), FALSE },
  { "2026-05-03", NC_("holiday", "Labour Day"), FALSE },
  { "2026-05-04", NC_("holiday", "Labour Day"), FALSE },
  { "2026-05-05", NC_("holiday", "Labour Day"), FALSE },
  { "2026-05-09", NC_("holiday", "Working day for Labour Day"), TRUE },
  { "2026-06-19", NC_("holiday", "Dragon Boat Festival"), FALSE },
  { "2026-06-20", NC_("holiday", "Dragon Boat Festival"), FALSE },
  { "2026-06-21", NC_("holiday", "Dragon Boat Festival"), FALSE },
  { "2026-09-20", NC_("holiday", "Working day for National Day"), TRUE },
  { "2026-09-25", NC_("holiday", "Mid-Autumn Festival"), FALSE },
  { "2026-09-26", NC_("holiday", "Mid-Autumn Festival"), FALSE },
  { "2026-09-27", NC_("holiday", "Mid-Autumn Festival"), FALSE },
  { "2026-10-01", NC_("holiday", "National Day"), FALSE },
  { "2026-10-02", NC_("holiday", "National Day"), FALSE },
  { "2026-10-03", NC_("holiday", "National Day"), FALSE },
  { "2026-10-04", NC_("holiday", "National Day"), FALSE },
  { "2026-10-05", NC_("holiday", "National Day"), FALSE },
  { "2026-10-06", NC_("holiday", "National Day"), FALSE },
  { "2026-10-07", NC_("holiday", "National Day"), FALSE },
  { "2026-10-10", NC_("holiday", "Working day for National Day"), TRUE },
  { "2027-01-01", NC_("holiday", "New Year’s Day"), FALSE },
  { "2027-02-05", NC_("holiday", "Spring Festival"), FALSE },
  { "2027-02-06", NC_("holiday", "Spring Festival"), FALSE },
  { "2027-02-07", NC_("holiday", "Spring Festival"), FALSE },
  { "2027-02-08", NC_("holiday", "Spring Festival"), FALSE },
};

/* Some time off in the forecast weeks, by index among the rostered people
 * (agents, then technical support) and day from the first Monday */
typedef struct
{
  guint            person;
  int              first;
  int              last;
  ScTimeOffKind    kind;
  ScRequestStatus  status;
} DemoTimeOff;

static const DemoTimeOff demo_time_off[] = {
  { 1, 17, 19, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_REQUESTED },
  { 2, 7, 11, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_APPROVED },
  { 5, 3, 3, SC_TIME_OFF_KIND_SICK, SC_REQUEST_STATUS_APPROVED },
  { 8, 14, 15, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_DECLINED },
  { 8, 21, 22, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_APPROVED },
  { 11, 9, 9, SC_TIME_OFF_KIND_TRAINING, SC_REQUEST_STATUS_APPROVED },
  { 14, 24, 27, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_REQUESTED },
  { 46, 0, 4, SC_TIME_OFF_KIND_ANNUAL_LEAVE, SC_REQUEST_STATUS_APPROVED },
};

/* Wishes: person, day, shift type code (NULL: any), on, weight */
typedef struct
{
  guint       person;
  int         day;
  const char *code;
  gboolean    on;
  int         weight;
} DemoPreference;

static const DemoPreference demo_preferences[] = {
  { 0, 5, NULL, FALSE, 8 },
  { 3, 1, "E", TRUE, 3 },
  { 3, 2, "E", TRUE, 3 },
  { 4, 12, "L", FALSE, 5 },
  { 6, 20, NULL, TRUE, 2 },
  { 9, 26, NULL, FALSE, 10 },
  { 12, 13, "D", TRUE, 1 },
  { 47, 6, NULL, FALSE, 6 },
};

static gint64
find_shift_type (GPtrArray  *types,
                 const char *code)
{
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (sc_shift_type_get_code (g_ptr_array_index (types, i)), code) == 0)
      return sc_shift_type_get_id (g_ptr_array_index (types, i));

  return 0;
}

/* Time off, wishes and holidays in the four forecast weeks; part-timers
 * have a fixed day off each week */
static gboolean
add_requests_data (ScStore     *store,
                   ScSession   *session,
                   GArray      *rostered,
                   GArray      *part_timers,
                   const char  *first,
                   GError     **error)
{
  g_autoptr(GDateTime) start = sc_day_parse (first);
  g_autofree char *last = format_day (start, DEMO_FORECAST_DAYS - 1);
  g_autoptr(GPtrArray) types = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (demo_time_off); i++)
    {
      const DemoTimeOff *d = &demo_time_off[i];
      g_autofree char *from = format_day (start, d->first);
      g_autofree char *to = format_day (start, d->last);
      g_autoptr(ScTimeOff) time_off = NULL;

      g_assert (d->person < rostered->len);
      time_off = g_object_new (SC_TYPE_TIME_OFF,
                               "person-id", g_array_index (rostered, gint64, d->person),
                               "first-day", from,
                               "last-day", to,
                               "kind", d->kind,
                               "status", d->status,
                               NULL);
      if (!sc_store_request_time_off (store, session, time_off, error))
        return FALSE;
    }

  /* Part-timers: the same weekday off every week, Monday to Thursday */
  for (guint k = 0; k < part_timers->len && k < 4; k++)
    for (int week = 0; week < DEMO_FORECAST_DAYS / 7; week++)
      {
        gint64 person_id = g_array_index (part_timers, gint64, k);
        g_autofree char *day = format_day (start, week * 7 + (int) k);
        g_autoptr(GPtrArray) that_day = NULL;
        g_autoptr(ScTimeOff) time_off = NULL;

        /* Not over leave they already have */
        if (!(that_day = sc_store_get_time_off (store, session, person_id, day, day, error)))
          return FALSE;
        if (that_day->len > 0)
          continue;

        time_off = g_object_new (SC_TYPE_TIME_OFF,
                                 "person-id", person_id,
                                 "first-day", day,
                                 "last-day", day,
                                 "kind", SC_TIME_OFF_KIND_FIXED_DAY_OFF,
                                 "status", SC_REQUEST_STATUS_APPROVED,
                                 NULL);
        if (!sc_store_request_time_off (store, session, time_off, error))
          return FALSE;
      }

  if (!(types = sc_store_get_shift_types (store, error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_preferences); i++)
    {
      const DemoPreference *d = &demo_preferences[i];
      g_autofree char *day = format_day (start, d->day);
      g_autoptr(ScPreference) preference = NULL;

      g_assert (d->person < rostered->len);
      preference = g_object_new (SC_TYPE_PREFERENCE,
                                 "person-id", g_array_index (rostered, gint64, d->person),
                                 "day", day,
                                 "shift-type-id", d->code ? find_shift_type (types, d->code) : 0,
                                 "on-request", d->on,
                                 "weight", d->weight,
                                 NULL);
      if (!sc_store_save_preference (store, session, preference, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_holidays); i++)
    {
      const DemoHoliday *d = &demo_holidays[i];
      g_autoptr(ScHoliday) holiday = NULL;

      if (strcmp (d->day, first) < 0 || strcmp (d->day, last) > 0)
        continue;

      holiday = g_object_new (SC_TYPE_HOLIDAY,
                              "day", d->day,
                              "name", g_dpgettext2 (GETTEXT_PACKAGE, "holiday", d->name),
                              "working-day", d->working_day,
                              NULL);
      if (!sc_store_save_holiday (store, session, holiday, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sc_demo_populate:
 * @session: who creates the team (a supervisor, or the command line)
 * @accounts: (out) (optional) (element-type ScDemoAccount): the accounts
 *   made for the sample team, with their PINs, to show once
 *
 * Creates the sample team of %SC_DEMO_N_PEOPLE people with their skills
 * and a few accounts, its shift types, and four weeks of forecasts for
 * phone, chat and email from next Monday, with some time off, shift
 * wishes and the public holidays of those weeks, in one transaction.
 * Refuses when the database already has people (besides the one creating
 * it), so that it never mixes with real data.
 */
gboolean
sc_demo_populate (ScStore    *store,
                  ScSession  *session,
                  GPtrArray **accounts,
                  GError    **error)
{
  g_autofree char *first = next_monday ();

  return sc_demo_populate_from (store, session, first, accounts, error);
}

/* The sample question bank is a GIFT file read with the same importer
 * trainers use; its categories stand for the demo skills, in the order of
 * demo_skills */
static const char * const demo_bank_categories[] = {
  "产品知识/订单与物流", "产品知识/账单与退款", "产品知识/会员与积分",
  "沟通技巧/积极倾听", "沟通技巧/清晰表达", "沟通技巧/书面回复",
  "情绪管理/安抚客户情绪", "情绪管理/投诉处理",
  "问题解决/问题诊断（5W2H）", "问题解决/技术故障排查",
  "渠道技能/电话", "渠道技能/在线客服", "渠道技能/邮件",
};

static gboolean
add_question_bank (ScStore       *store,
                   ScSession     *session,
                   const gint64  *skill_ids,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScQuestionImport) import = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/demo/questions.gift", 0, error);
  if (bytes == NULL)
    return FALSE;

  import = sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, "questions.gift",
                                     g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (import->problems->len > 0)
    {
      g_autofree char *problem = sc_question_import_format_problem (import, 0);

      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, problem);
      return FALSE;
    }

  if (!sc_question_import_commit (import, store, session, FALSE, NULL, error) ||
      !(categories = sc_store_get_question_categories (store, session, error)))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      for (guint k = 0; k < G_N_ELEMENTS (demo_bank_categories); k++)
        if (g_str_equal (category->path, demo_bank_categories[k]) &&
            !sc_store_set_question_category_skill (store, session, category->id, skill_ids[k], error))
          return FALSE;
    }

  return TRUE;
}

/**
 * sc_demo_populate_from:
 * @first_day: the Monday the four planned weeks start on, YYYY-MM-DD
 *
 * Like sc_demo_populate(), from @first_day: the same day gives the same
 * data.
 */
gboolean
sc_demo_populate_from (ScStore     *store,
                       ScSession   *session,
                       const char  *first_day,
                       GPtrArray  **accounts,
                       GError     **error)
{
  g_autoptr(GArray) rostered = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) part_timers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_demo_account_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ScTeam) team = NULL;
  gint64 skill_ids[N_DEMO_SKILLS];
  guint number = 1;
  guint english_used = 0;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_day != NULL, FALSE);

  if (!(first = sc_day_parse (first_day)) || g_date_time_get_day_of_week (first) != 1)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The sample team’s roster starts on a Monday written as YYYY-MM-DD, not “%s”"),
                   first_day);
      return FALSE;
    }

  if (!sc_permission_check (session, SC_OPERATION_PEOPLE_WRITE, 0, error) ||
      !sc_permission_check (session, SC_OPERATION_ACCOUNTS_WRITE, 0, error))
    return FALSE;

  if (has_other_people (store, session))
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
  if (!sc_store_save_team (store, session, team, error))
    goto failed;

  for (guint i = 0; i < N_DEMO_SKILLS; i++)
    {
      g_autoptr(ScSkill) skill = NULL;

      skill = sc_store_find_skill (store, g_dpgettext2 (GETTEXT_PACKAGE, "skill", demo_skills[i].name), NULL);
      if (skill == NULL)
        {
          skill = sc_skill_new (g_dpgettext2 (GETTEXT_PACKAGE, "skill", demo_skills[i].name),
                                 demo_skills[i].category);
          if (!sc_store_add_skill (store, session, skill, error))
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
          sc_person_set_crew (person, pick_crew (role, k));
          set_contract (rand, person, role);

          if (!sc_store_add_person (store, session, person, error))
            goto failed;

          if (role == SC_ROLE_AGENT || role == SC_ROLE_TECHNICAL_SUPPORT)
            {
              gint64 id = sc_person_get_id (person);

              g_array_append_val (rostered, id);
              if (sc_person_get_max_minutes_week (person) < 36 * 60)
                g_array_append_val (part_timers, id);
            }

          if (wants_account (role, k))
            {
              g_autoptr(ScDemoAccount) account = g_new0 (ScDemoAccount, 1);

              account->name = g_strdup (name);
              account->employee_no = g_strdup (employee_no);
              account->role = account_role_for (role);
              account->pin = sc_credential_generate_pin ();
              if (!sc_store_create_account (store, session, sc_person_get_id (person), account->role,
                                            SC_CREDENTIAL_PIN, account->pin, error))
                goto failed;
              g_ptr_array_add (made, g_steal_pointer (&account));
            }

          pick_skills (rand, role, level, english, proficiency);
          for (guint i = 0; i < N_DEMO_SKILLS; i++)
            {
              if (proficiency[i] < 0)
                continue;
              if (!sc_store_set_person_skill (store, session, sc_person_get_id (person), skill_ids[i],
                                              proficiency[i], error))
                goto failed;
            }

          number++;
        }
    }

  g_assert (number - 1 == SC_DEMO_N_PEOPLE);

  if (!add_planning_data (store, session, rand, skill_ids, first_day, error) ||
      !add_requests_data (store, session, rostered, part_timers, first_day, error) ||
      !add_question_bank (store, session, skill_ids, error) ||
      !sc_demo_add_exams (store, session, skill_ids[SKILL_COMPLAINTS], skill_ids[SKILL_PHONE],
                          skill_ids[SKILL_DIAGNOSIS], rostered, first_day, error))
    goto failed;

  if (!sc_store_commit (store, error))
    return FALSE;

  if (accounts)
    *accounts = g_steal_pointer (&made);
  return TRUE;

failed:
  sc_store_rollback (store);
  return FALSE;
}
