/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-types"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-types.h"

static const char *role_keys[SC_N_ROLES] = { "agent", "technical-support", "trainer", "supervisor" };
static const char *level_keys[SC_N_LEVELS] = { "junior", "intermediate", "senior" };
static const char *shift_category_keys[SC_N_SHIFT_CATEGORIES] = { "early", "day", "late", "night" };
static const char *time_off_kind_keys[SC_N_TIME_OFF_KINDS] = {
  "annual-leave", "sick", "training", "fixed-day-off", "other",
};
static const char *account_role_keys[SC_N_ACCOUNT_ROLES] = { "agent", "trainer", "supervisor" };
static const char *request_status_keys[SC_N_REQUEST_STATUSES] = { "requested", "approved", "declined" };
static const char *category_keys[SC_N_SKILL_CATEGORIES] = {
  "product", "communication", "emotion-management", "problem-solving", "channel", "language",
};

static gboolean
lookup_key (const char  *str,
            const char **keys,
            guint        n_keys,
            guint       *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_keys; i++)
    {
      if (g_strcmp0 (str, keys[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The key stored in the database for each value of an enum, and back */
#define SC_DEFINE_ENUM_KEYS(prefix, Type, keys, n_keys)   \
  const char *                                          \
  prefix##_to_string (Type value)                       \
  {                                                     \
    g_return_val_if_fail ((guint) value < n_keys, NULL); \
    return keys[value];                                 \
  }                                                     \
                                                        \
  gboolean                                              \
  prefix##_from_string (const char *str,                \
                        Type       *value)              \
  {                                                     \
    guint i;                                            \
                                                        \
    if (!lookup_key (str, keys, n_keys, &i))            \
      return FALSE;                                     \
    *value = (Type) i;                                  \
    return TRUE;                                        \
  }

SC_DEFINE_ENUM_KEYS (sc_role, ScRole, role_keys, SC_N_ROLES)
SC_DEFINE_ENUM_KEYS (sc_level, ScLevel, level_keys, SC_N_LEVELS)
SC_DEFINE_ENUM_KEYS (sc_skill_category, ScSkillCategory, category_keys, SC_N_SKILL_CATEGORIES)
SC_DEFINE_ENUM_KEYS (sc_shift_category, ScShiftCategory, shift_category_keys, SC_N_SHIFT_CATEGORIES)
SC_DEFINE_ENUM_KEYS (sc_time_off_kind, ScTimeOffKind, time_off_kind_keys, SC_N_TIME_OFF_KINDS)
SC_DEFINE_ENUM_KEYS (sc_request_status, ScRequestStatus, request_status_keys, SC_N_REQUEST_STATUSES)
SC_DEFINE_ENUM_KEYS (sc_account_role, ScAccountRole, account_role_keys, SC_N_ACCOUNT_ROLES)

const char *
sc_role_get_label (ScRole role)
{
  switch (role)
    {
    case SC_ROLE_AGENT:
      return _("Agent");
    case SC_ROLE_TECHNICAL_SUPPORT:
      return _("Technical support");
    case SC_ROLE_TRAINER:
      return _("Trainer");
    case SC_ROLE_SUPERVISOR:
      return _("Supervisor");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sc_level_get_label (ScLevel level)
{
  switch (level)
    {
    case SC_LEVEL_JUNIOR:
      return _("Junior");
    case SC_LEVEL_INTERMEDIATE:
      return _("Intermediate");
    case SC_LEVEL_SENIOR:
      return _("Senior");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sc_skill_category_get_label (ScSkillCategory category)
{
  switch (category)
    {
    case SC_SKILL_CATEGORY_PRODUCT:
      return _("Product knowledge");
    case SC_SKILL_CATEGORY_COMMUNICATION:
      return _("Communication");
    case SC_SKILL_CATEGORY_EMOTION_MANAGEMENT:
      return _("Emotion management");
    case SC_SKILL_CATEGORY_PROBLEM_SOLVING:
      return _("Problem solving");
    case SC_SKILL_CATEGORY_CHANNEL:
      return _("Channel");
    case SC_SKILL_CATEGORY_LANGUAGE:
      return _("Language");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sc_shift_category_get_label (ScShiftCategory category)
{
  switch (category)
    {
    case SC_SHIFT_CATEGORY_EARLY:
      return C_("shift category", "Early");
    case SC_SHIFT_CATEGORY_DAY:
      return C_("shift category", "Day");
    case SC_SHIFT_CATEGORY_LATE:
      return C_("shift category", "Late");
    case SC_SHIFT_CATEGORY_NIGHT:
      return C_("shift category", "Night");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sc_time_off_kind_get_label (ScTimeOffKind kind)
{
  switch (kind)
    {
    case SC_TIME_OFF_KIND_ANNUAL_LEAVE:
      return _("Annual leave");
    case SC_TIME_OFF_KIND_SICK:
      return _("Sick leave");
    case SC_TIME_OFF_KIND_TRAINING:
      return C_("time off", "Training");
    case SC_TIME_OFF_KIND_FIXED_DAY_OFF:
      return _("Fixed day off");
    case SC_TIME_OFF_KIND_OTHER:
      return C_("time off", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sc_request_status_get_label (ScRequestStatus status)
{
  switch (status)
    {
    case SC_REQUEST_STATUS_REQUESTED:
      return C_("request status", "Requested");
    case SC_REQUEST_STATUS_APPROVED:
      return C_("request status", "Approved");
    case SC_REQUEST_STATUS_DECLINED:
      return C_("request status", "Declined");
    default:
      g_return_val_if_reached (NULL);
    }
}
