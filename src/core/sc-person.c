/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-person"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-day.h"
#include "sc-enums.h"
#include "sc-person.h"

struct _ScPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *employee_no;
  ScRole   role;
  ScLevel  level;
  char    *hire_date;
  char    *email;
  char    *crew;
  int      min_minutes_week;
  int      max_minutes_week;
  int      max_consecutive_days;
  int      min_consecutive_days;
  int      min_consecutive_days_off;
  int      max_weekends;
  int      min_rest_minutes;
  gboolean active;
  char    *skills_summary;
};

G_DEFINE_FINAL_TYPE (ScPerson, sc_person, G_TYPE_OBJECT)
G_DEFINE_QUARK (sc-person-error-quark, sc_person_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMPLOYEE_NO,
  PROP_ROLE,
  PROP_LEVEL,
  PROP_HIRE_DATE,
  PROP_EMAIL,
  PROP_CREW,
  PROP_MIN_MINUTES_WEEK,
  PROP_MAX_MINUTES_WEEK,
  PROP_MAX_CONSECUTIVE_DAYS,
  PROP_MIN_CONSECUTIVE_DAYS,
  PROP_MIN_CONSECUTIVE_DAYS_OFF,
  PROP_MAX_WEEKENDS,
  PROP_MIN_REST_MINUTES,
  PROP_ACTIVE,
  PROP_SKILLS_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
sc_person_finalize (GObject *object)
{
  ScPerson *self = (ScPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->employee_no, g_free);
  g_clear_pointer (&self->hire_date, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->crew, g_free);
  g_clear_pointer (&self->skills_summary, g_free);

  G_OBJECT_CLASS (sc_person_parent_class)->finalize (object);
}

static void
sc_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScPerson *self = SC_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMPLOYEE_NO:
      g_value_set_string (value, self->employee_no);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;

    case PROP_HIRE_DATE:
      g_value_set_string (value, self->hire_date);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_CREW:
      g_value_set_string (value, self->crew);
      break;

    case PROP_MIN_MINUTES_WEEK:
      g_value_set_int (value, self->min_minutes_week);
      break;

    case PROP_MAX_MINUTES_WEEK:
      g_value_set_int (value, self->max_minutes_week);
      break;

    case PROP_MAX_CONSECUTIVE_DAYS:
      g_value_set_int (value, self->max_consecutive_days);
      break;

    case PROP_MIN_CONSECUTIVE_DAYS:
      g_value_set_int (value, self->min_consecutive_days);
      break;

    case PROP_MIN_CONSECUTIVE_DAYS_OFF:
      g_value_set_int (value, self->min_consecutive_days_off);
      break;

    case PROP_MAX_WEEKENDS:
      g_value_set_int (value, self->max_weekends);
      break;

    case PROP_MIN_REST_MINUTES:
      g_value_set_int (value, self->min_rest_minutes);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_SKILLS_SUMMARY:
      g_value_set_string (value, self->skills_summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScPerson *self = SC_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      sc_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      sc_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMPLOYEE_NO:
      sc_person_set_employee_no (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      sc_person_set_role (self, g_value_get_enum (value));
      break;

    case PROP_LEVEL:
      sc_person_set_level (self, g_value_get_enum (value));
      break;

    case PROP_HIRE_DATE:
      sc_person_set_hire_date (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      sc_person_set_email (self, g_value_get_string (value));
      break;

    case PROP_CREW:
      sc_person_set_crew (self, g_value_get_string (value));
      break;

    case PROP_MIN_MINUTES_WEEK:
      sc_person_set_min_minutes_week (self, g_value_get_int (value));
      break;

    case PROP_MAX_MINUTES_WEEK:
      sc_person_set_max_minutes_week (self, g_value_get_int (value));
      break;

    case PROP_MAX_CONSECUTIVE_DAYS:
      sc_person_set_max_consecutive_days (self, g_value_get_int (value));
      break;

    case PROP_MIN_CONSECUTIVE_DAYS:
      sc_person_set_min_consecutive_days (self, g_value_get_int (value));
      break;

    case PROP_MIN_CONSECUTIVE_DAYS_OFF:
      sc_person_set_min_consecutive_days_off (self, g_value_get_int (value));
      break;

    case PROP_MAX_WEEKENDS:
      sc_person_set_max_weekends (self, g_value_get_int (value));
      break;

    case PROP_MIN_REST_MINUTES:
      sc_person_set_min_rest_minutes (self, g_value_get_int (value));
      break;

    case PROP_ACTIVE:
      sc_person_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_SKILLS_SUMMARY:
      sc_person_set_skills_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_class_init (ScPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_person_finalize;
  object_class->get_property = sc_person_get_property;
  object_class->set_property = sc_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMPLOYEE_NO] =
    g_param_spec_string ("employee-no", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, SC_TYPE_ROLE, SC_ROLE_AGENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, SC_TYPE_LEVEL, SC_LEVEL_JUNIOR,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HIRE_DATE] =
    g_param_spec_string ("hire-date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The group (班组) within the team, led by a team leader; "" for none */
  properties[PROP_CREW] =
    g_param_spec_string ("crew", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MIN_MINUTES_WEEK] =
    g_param_spec_int ("min-minutes-week", NULL, NULL, 0, 10080, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_MINUTES_WEEK] =
    g_param_spec_int ("max-minutes-week", NULL, NULL, 0, 10080, 2400,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_CONSECUTIVE_DAYS] =
    g_param_spec_int ("max-consecutive-days", NULL, NULL, 1, 14, 6,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MIN_CONSECUTIVE_DAYS] =
    g_param_spec_int ("min-consecutive-days", NULL, NULL, 1, 14, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MIN_CONSECUTIVE_DAYS_OFF] =
    g_param_spec_int ("min-consecutive-days-off", NULL, NULL, 1, 14, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Per four weeks */
  properties[PROP_MAX_WEEKENDS] =
    g_param_spec_int ("max-weekends", NULL, NULL, 0, 4, 2,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MIN_REST_MINUTES] =
    g_param_spec_int ("min-rest-minutes", NULL, NULL, 0, 1440, 660,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SKILLS_SUMMARY] =
    g_param_spec_string ("skills-summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_person_init (ScPerson *self)
{
  self->name = g_strdup ("");
  self->employee_no = g_strdup ("");
  self->crew = g_strdup ("");
  self->role = SC_ROLE_AGENT;
  self->level = SC_LEVEL_JUNIOR;
  self->min_minutes_week = 0;
  self->max_minutes_week = 2400;
  self->max_consecutive_days = 6;
  self->min_consecutive_days = 1;
  self->min_consecutive_days_off = 1;
  self->max_weekends = 2;
  self->min_rest_minutes = 660;
  self->active = TRUE;
}

ScPerson *
sc_person_new (void)
{
  return g_object_new (SC_TYPE_PERSON, NULL);
}

/**
 * sc_person_copy:
 * Returns: (transfer full): a new person with the same values
 */
ScPerson *
sc_person_copy (ScPerson *self)
{
  ScPerson *copy;

  g_return_val_if_fail (SC_IS_PERSON (self), NULL);

  copy = sc_person_new ();
  sc_person_set_id (copy, self->id);
  sc_person_set_name (copy, self->name);
  sc_person_set_employee_no (copy, self->employee_no);
  sc_person_set_role (copy, self->role);
  sc_person_set_level (copy, self->level);
  sc_person_set_hire_date (copy, self->hire_date);
  sc_person_set_email (copy, self->email);
  sc_person_set_crew (copy, self->crew);
  sc_person_set_min_minutes_week (copy, self->min_minutes_week);
  sc_person_set_max_minutes_week (copy, self->max_minutes_week);
  sc_person_set_max_consecutive_days (copy, self->max_consecutive_days);
  sc_person_set_min_consecutive_days (copy, self->min_consecutive_days);
  sc_person_set_min_consecutive_days_off (copy, self->min_consecutive_days_off);
  sc_person_set_max_weekends (copy, self->max_weekends);
  sc_person_set_min_rest_minutes (copy, self->min_rest_minutes);
  sc_person_set_active (copy, self->active);
  sc_person_set_skills_summary (copy, self->skills_summary);

  return copy;
}

gint64
sc_person_get_id (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->id;
}

void
sc_person_set_id (ScPerson *self,
                 gint64 id)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
sc_person_get_name (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->name;
}

void
sc_person_set_name (ScPerson   *self,
                   const char *name)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
sc_person_get_employee_no (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->employee_no;
}

void
sc_person_set_employee_no (ScPerson   *self,
                          const char *employee_no)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->employee_no, employee_no))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEE_NO]);
}

ScRole
sc_person_get_role (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->role;
}

void
sc_person_set_role (ScPerson *self,
                   ScRole role)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

ScLevel
sc_person_get_level (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->level;
}

void
sc_person_set_level (ScPerson *self,
                    ScLevel level)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->level != level)
    {
      self->level = level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
    }
}

const char *
sc_person_get_hire_date (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->hire_date;
}

void
sc_person_set_hire_date (ScPerson   *self,
                        const char *hire_date)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->hire_date, hire_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIRE_DATE]);
}

const char *
sc_person_get_email (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->email;
}

void
sc_person_set_email (ScPerson   *self,
                    const char *email)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

/**
 * sc_person_get_crew:
 *
 * The group (班组) the person works in within the team, led by a team
 * leader. Never %NULL: "" when the person is in no group.
 */
const char *
sc_person_get_crew (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->crew;
}

void
sc_person_set_crew (ScPerson   *self,
                    const char *crew)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->crew, crew != NULL ? crew : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREW]);
}

int
sc_person_get_min_minutes_week (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->min_minutes_week;
}

void
sc_person_set_min_minutes_week (ScPerson *self,
                               int min_minutes_week)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->min_minutes_week != min_minutes_week)
    {
      self->min_minutes_week = min_minutes_week;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_MINUTES_WEEK]);
    }
}

int
sc_person_get_max_minutes_week (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->max_minutes_week;
}

void
sc_person_set_max_minutes_week (ScPerson *self,
                               int max_minutes_week)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->max_minutes_week != max_minutes_week)
    {
      self->max_minutes_week = max_minutes_week;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MINUTES_WEEK]);
    }
}

int
sc_person_get_max_consecutive_days (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->max_consecutive_days;
}

void
sc_person_set_max_consecutive_days (ScPerson *self,
                                   int max_consecutive_days)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->max_consecutive_days != max_consecutive_days)
    {
      self->max_consecutive_days = max_consecutive_days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONSECUTIVE_DAYS]);
    }
}

int
sc_person_get_min_consecutive_days (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->min_consecutive_days;
}

void
sc_person_set_min_consecutive_days (ScPerson *self,
                                    int       days)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->min_consecutive_days != days)
    {
      self->min_consecutive_days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CONSECUTIVE_DAYS]);
    }
}

int
sc_person_get_min_consecutive_days_off (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->min_consecutive_days_off;
}

void
sc_person_set_min_consecutive_days_off (ScPerson *self,
                                        int       days)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->min_consecutive_days_off != days)
    {
      self->min_consecutive_days_off = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CONSECUTIVE_DAYS_OFF]);
    }
}

int
sc_person_get_max_weekends (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->max_weekends;
}

void
sc_person_set_max_weekends (ScPerson *self,
                            int       weekends)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->max_weekends != weekends)
    {
      self->max_weekends = weekends;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WEEKENDS]);
    }
}

int
sc_person_get_min_rest_minutes (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->min_rest_minutes;
}

void
sc_person_set_min_rest_minutes (ScPerson *self,
                               int min_rest_minutes)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (self->min_rest_minutes != min_rest_minutes)
    {
      self->min_rest_minutes = min_rest_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_REST_MINUTES]);
    }
}

gboolean
sc_person_get_active (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), 0);
  return self->active;
}

void
sc_person_set_active (ScPerson *self,
                     gboolean active)
{
  g_return_if_fail (SC_IS_PERSON (self));

  active = !!active;

  if (self->active != active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
}

const char *
sc_person_get_skills_summary (ScPerson *self)
{
  g_return_val_if_fail (SC_IS_PERSON (self), NULL);
  return self->skills_summary;
}

void
sc_person_set_skills_summary (ScPerson   *self,
                             const char *skills_summary)
{
  g_return_if_fail (SC_IS_PERSON (self));

  if (set_str (&self->skills_summary, skills_summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILLS_SUMMARY]);
}

/**
 * sc_person_validate:
 *
 * Checks the values a user can enter. The message names the field and what
 * is expected.
 */
gboolean
sc_person_validate (ScPerson  *self,
                    GError   **error)
{
  g_return_val_if_fail (SC_IS_PERSON (self), FALSE);

  {
    g_autofree char *name = g_strstrip (g_strdup (self->name ? self->name : ""));
    g_autofree char *no = g_strstrip (g_strdup (self->employee_no ? self->employee_no : ""));

    if (*name == '\0')
      {
        g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                             _("Name is empty: enter the person’s full name"));
        return FALSE;
      }

    if (g_utf8_strlen (name, -1) > 100)
      {
        g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                             _("Name is too long: use at most 100 characters"));
        return FALSE;
      }

    if (*no == '\0')
      {
        g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                             _("Employee number is empty: enter the number from the HR system"));
        return FALSE;
      }

    if (g_utf8_strlen (no, -1) > 32)
      {
        g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                             _("Employee number is too long: use at most 32 characters"));
        return FALSE;
      }
  }

  if (self->hire_date != NULL && *self->hire_date != '\0' && !sc_day_is_valid (self->hire_date))
    {
      g_set_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                   _("Hire date “%s” is not a date: write it as YYYY-MM-DD, for example 2024-03-01"),
                   self->hire_date);
      return FALSE;
    }

  if (self->email != NULL && *self->email != '\0' &&
      (strchr (self->email, '@') == NULL || strchr (self->email, ' ') != NULL))
    {
      g_set_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                   _("Email address “%s” is not valid: it needs a name, “@” and a domain"),
                   self->email);
      return FALSE;
    }

  if (g_utf8_strlen (self->crew, -1) > 50)
    {
      g_set_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                   _("Group “%s” is too long: use at most 50 characters"),
                   self->crew);
      return FALSE;
    }

  if (self->min_minutes_week < 0 || self->max_minutes_week > 7 * 24 * 60)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Weekly hours must be between 0 and 168"));
      return FALSE;
    }

  if (self->min_minutes_week > self->max_minutes_week)
    {
      g_set_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                   _("Minimum weekly hours (%d) are more than the maximum (%d)"),
                   self->min_minutes_week / 60, self->max_minutes_week / 60);
      return FALSE;
    }

  if (self->max_consecutive_days < 1 || self->max_consecutive_days > 14)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Maximum consecutive working days must be between 1 and 14"));
      return FALSE;
    }

  if (self->min_consecutive_days < 1 || self->min_consecutive_days > 14)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Minimum consecutive working days must be between 1 and 14"));
      return FALSE;
    }

  if (self->min_consecutive_days > self->max_consecutive_days)
    {
      g_set_error (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                   _("Minimum consecutive working days (%d) are more than the maximum (%d)"),
                   self->min_consecutive_days, self->max_consecutive_days);
      return FALSE;
    }

  if (self->min_consecutive_days_off < 1 || self->min_consecutive_days_off > 14)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Minimum consecutive days off must be between 1 and 14"));
      return FALSE;
    }

  if (self->max_weekends < 0 || self->max_weekends > 4)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Maximum working weekends must be between 0 and 4 in four weeks"));
      return FALSE;
    }

  if (self->min_rest_minutes < 0 || self->min_rest_minutes > 24 * 60)
    {
      g_set_error_literal (error, SC_PERSON_ERROR, SC_PERSON_ERROR_INVALID,
                           _("Minimum rest between shifts must be between 0 and 24 hours"));
      return FALSE;
    }

  return TRUE;
}
