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

const char *
sc_role_to_string (ScRole role)
{
  g_return_val_if_fail (role < SC_N_ROLES, NULL);
  return role_keys[role];
}

gboolean
sc_role_from_string (const char *str,
                     ScRole     *role)
{
  guint i;

  if (!lookup_key (str, role_keys, SC_N_ROLES, &i))
    return FALSE;
  *role = i;
  return TRUE;
}

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
sc_level_to_string (ScLevel level)
{
  g_return_val_if_fail (level < SC_N_LEVELS, NULL);
  return level_keys[level];
}

gboolean
sc_level_from_string (const char *str,
                      ScLevel    *level)
{
  guint i;

  if (!lookup_key (str, level_keys, SC_N_LEVELS, &i))
    return FALSE;
  *level = i;
  return TRUE;
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
sc_skill_category_to_string (ScSkillCategory category)
{
  g_return_val_if_fail (category < SC_N_SKILL_CATEGORIES, NULL);
  return category_keys[category];
}

gboolean
sc_skill_category_from_string (const char      *str,
                               ScSkillCategory *category)
{
  guint i;

  if (!lookup_key (str, category_keys, SC_N_SKILL_CATEGORIES, &i))
    return FALSE;
  *category = i;
  return TRUE;
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
sc_shift_category_to_string (ScShiftCategory category)
{
  g_return_val_if_fail (category < SC_N_SHIFT_CATEGORIES, NULL);
  return shift_category_keys[category];
}

gboolean
sc_shift_category_from_string (const char      *str,
                               ScShiftCategory *category)
{
  guint i;

  if (!lookup_key (str, shift_category_keys, SC_N_SHIFT_CATEGORIES, &i))
    return FALSE;
  *category = i;
  return TRUE;
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
sc_time_off_kind_to_string (ScTimeOffKind kind)
{
  g_return_val_if_fail (kind < SC_N_TIME_OFF_KINDS, NULL);
  return time_off_kind_keys[kind];
}

gboolean
sc_time_off_kind_from_string (const char    *str,
                              ScTimeOffKind *kind)
{
  guint i;

  if (!lookup_key (str, time_off_kind_keys, SC_N_TIME_OFF_KINDS, &i))
    return FALSE;
  *kind = i;
  return TRUE;
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
sc_request_status_to_string (ScRequestStatus status)
{
  g_return_val_if_fail (status < SC_N_REQUEST_STATUSES, NULL);
  return request_status_keys[status];
}

gboolean
sc_request_status_from_string (const char      *str,
                               ScRequestStatus *status)
{
  guint i;

  if (!lookup_key (str, request_status_keys, SC_N_REQUEST_STATUSES, &i))
    return FALSE;
  *status = i;
  return TRUE;
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
