/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ScStore       ScStore;
typedef struct _ScTeam        ScTeam;
typedef struct _ScPerson      ScPerson;
typedef struct _ScSkill       ScSkill;
typedef struct _ScPersonSkill ScPersonSkill;
typedef struct _ScTimeOff     ScTimeOff;
typedef struct _ScPreference  ScPreference;
typedef struct _ScHoliday     ScHoliday;

/**
 * ScRole:
 * What a person does in the team.
 */
typedef enum
{
  SC_ROLE_AGENT,
  SC_ROLE_TECHNICAL_SUPPORT,
  SC_ROLE_TRAINER,
  SC_ROLE_SUPERVISOR,
} ScRole;

#define SC_N_ROLES 4

typedef enum
{
  SC_LEVEL_JUNIOR,
  SC_LEVEL_INTERMEDIATE,
  SC_LEVEL_SENIOR,
} ScLevel;

#define SC_N_LEVELS 3

typedef enum
{
  SC_SKILL_CATEGORY_PRODUCT,
  SC_SKILL_CATEGORY_COMMUNICATION,
  SC_SKILL_CATEGORY_EMOTION_MANAGEMENT,
  SC_SKILL_CATEGORY_PROBLEM_SOLVING,
  SC_SKILL_CATEGORY_CHANNEL,
  SC_SKILL_CATEGORY_LANGUAGE,
} ScSkillCategory;

#define SC_N_SKILL_CATEGORIES 6

#define SC_PROFICIENCY_MAX 5

typedef enum
{
  SC_SHIFT_CATEGORY_EARLY,
  SC_SHIFT_CATEGORY_DAY,
  SC_SHIFT_CATEGORY_LATE,
  SC_SHIFT_CATEGORY_NIGHT,
} ScShiftCategory;

#define SC_N_SHIFT_CATEGORIES 4

/**
 * ScTimeOffKind:
 * Why someone is away. A fixed day off is a part-timer's regular free day.
 */
typedef enum
{
  SC_TIME_OFF_KIND_ANNUAL_LEAVE,
  SC_TIME_OFF_KIND_SICK,
  SC_TIME_OFF_KIND_TRAINING,
  SC_TIME_OFF_KIND_FIXED_DAY_OFF,
  SC_TIME_OFF_KIND_OTHER,
} ScTimeOffKind;

#define SC_N_TIME_OFF_KINDS 5

/**
 * ScRequestStatus:
 * Where a request stands: asked for, then approved or declined by a
 * supervisor.
 */
typedef enum
{
  SC_REQUEST_STATUS_REQUESTED,
  SC_REQUEST_STATUS_APPROVED,
  SC_REQUEST_STATUS_DECLINED,
} ScRequestStatus;

#define SC_N_REQUEST_STATUSES 3

/**
 * ScAccountRole:
 * What an account may do. Not the same as a person's #ScRole: technical
 * support staff sign in as agents.
 */
typedef enum
{
  SC_ACCOUNT_ROLE_AGENT,
  SC_ACCOUNT_ROLE_TRAINER,
  SC_ACCOUNT_ROLE_SUPERVISOR,
} ScAccountRole;

#define SC_N_ACCOUNT_ROLES 3

const char *sc_account_role_to_string   (ScAccountRole  role);
gboolean    sc_account_role_from_string (const char    *str,
                                         ScAccountRole *role);
const char *sc_account_role_get_label   (ScAccountRole  role);


const char *sc_role_to_string            (ScRole           role);
gboolean    sc_role_from_string          (const char      *str,
                                          ScRole          *role);
const char *sc_role_get_label            (ScRole           role);
const char *sc_level_to_string           (ScLevel          level);
gboolean    sc_level_from_string         (const char      *str,
                                          ScLevel         *level);
const char *sc_level_get_label           (ScLevel          level);
const char *sc_skill_category_to_string  (ScSkillCategory  category);
gboolean    sc_skill_category_from_string (const char     *str,
                                          ScSkillCategory *category);
const char *sc_skill_category_get_label  (ScSkillCategory  category);
const char *sc_shift_category_to_string  (ScShiftCategory  category);
gboolean    sc_shift_category_from_string (const char     *str,
                                          ScShiftCategory *category);
const char *sc_shift_category_get_label  (ScShiftCategory  category);
const char *sc_time_off_kind_to_string   (ScTimeOffKind    kind);
gboolean    sc_time_off_kind_from_string (const char      *str,
                                          ScTimeOffKind   *kind);
const char *sc_time_off_kind_get_label   (ScTimeOffKind    kind);
const char *sc_request_status_to_string  (ScRequestStatus  status);
gboolean    sc_request_status_from_string (const char     *str,
                                          ScRequestStatus *status);
const char *sc_request_status_get_label  (ScRequestStatus  status);

G_END_DECLS
