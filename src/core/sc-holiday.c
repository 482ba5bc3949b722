/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-holiday"

#include "config.h"

#include "sc-enums.h"
#include "sc-holiday.h"

/*
 * A public holiday, or with working-day set, a weekend day that is worked
 * instead (调休) and counts as a working day. Days are local dates, YYYY-MM-
 * DD.
 */

struct _ScHoliday
{
  GObject   parent_instance;

  char     *day;
  char     *name;
  gboolean  working_day;
};

G_DEFINE_FINAL_TYPE (ScHoliday, sc_holiday, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  PROP_NAME,
  PROP_WORKING_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_holiday_finalize (GObject *object)
{
  ScHoliday *self = (ScHoliday *) object;

  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sc_holiday_parent_class)->finalize (object);
}

static void
sc_holiday_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ScHoliday *self = (ScHoliday *) object;

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_WORKING_DAY:
      g_value_set_boolean (value, self->working_day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_holiday_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ScHoliday *self = (ScHoliday *) object;

  switch (prop_id)
    {
    case PROP_DAY:
      sc_holiday_set_day (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sc_holiday_set_name (self, g_value_get_string (value));
      break;

    case PROP_WORKING_DAY:
      sc_holiday_set_working_day (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_holiday_class_init (ScHolidayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_holiday_finalize;
  object_class->get_property = sc_holiday_get_property;
  object_class->set_property = sc_holiday_set_property;

  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKING_DAY] =
    g_param_spec_boolean ("working-day", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_holiday_init (ScHoliday *self)
{
}

ScHoliday *
sc_holiday_new (void)
{
  return g_object_new (SC_TYPE_HOLIDAY, NULL);
}

const char *
sc_holiday_get_day (ScHoliday *self)
{
  g_return_val_if_fail (SC_IS_HOLIDAY (self), NULL);
  return self->day;
}

void
sc_holiday_set_day (ScHoliday  *self,
                    const char *day)
{
  g_return_if_fail (SC_IS_HOLIDAY (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;

  g_free (self->day);
  self->day = g_strdup (day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char *
sc_holiday_get_name (ScHoliday *self)
{
  g_return_val_if_fail (SC_IS_HOLIDAY (self), NULL);
  return self->name;
}

void
sc_holiday_set_name (ScHoliday  *self,
                     const char *name)
{
  g_return_if_fail (SC_IS_HOLIDAY (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
sc_holiday_get_working_day (ScHoliday *self)
{
  g_return_val_if_fail (SC_IS_HOLIDAY (self), FALSE);
  return self->working_day;
}

void
sc_holiday_set_working_day (ScHoliday *self,
                            gboolean   working_day)
{
  g_return_if_fail (SC_IS_HOLIDAY (self));

  if (self->working_day == (working_day != FALSE))
    return;

  self->working_day = (working_day != FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING_DAY]);
}
