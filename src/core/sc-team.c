/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-team"

#include "config.h"

#include "sc-enums.h"
#include "sc-team.h"

struct _ScTeam
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *time_zone;
  int interval_minutes;
};

G_DEFINE_FINAL_TYPE (ScTeam, sc_team, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TIME_ZONE,
  PROP_INTERVAL_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_team_finalize (GObject *object)
{
  ScTeam *self = (ScTeam *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->time_zone, g_free);

  G_OBJECT_CLASS (sc_team_parent_class)->finalize (object);
}

static void
sc_team_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  ScTeam *self = (ScTeam *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_INTERVAL_MINUTES:
      g_value_set_int (value, self->interval_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  ScTeam *self = (ScTeam *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_team_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      sc_team_set_name (self, g_value_get_string (value));
      break;

    case PROP_TIME_ZONE:
      sc_team_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_INTERVAL_MINUTES:
      sc_team_set_interval_minutes (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_class_init (ScTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_team_finalize;
  object_class->get_property = sc_team_get_property;
  object_class->set_property = sc_team_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTERVAL_MINUTES] =
    g_param_spec_int ("interval-minutes", NULL, NULL, 15, 30, 30,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_team_init (ScTeam *self)
{
  self->interval_minutes = 30;
}

gint64
sc_team_get_id (ScTeam *self)
{
  g_return_val_if_fail (SC_IS_TEAM (self), 0);
  return self->id;
}

void
sc_team_set_id (ScTeam *self,
                gint64 id)
{
  g_return_if_fail (SC_IS_TEAM (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
sc_team_get_name (ScTeam *self)
{
  g_return_val_if_fail (SC_IS_TEAM (self), NULL);
  return self->name;
}

void
sc_team_set_name (ScTeam   *self,
                  const char *name)
{
  g_return_if_fail (SC_IS_TEAM (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

const char *
sc_team_get_time_zone (ScTeam *self)
{
  g_return_val_if_fail (SC_IS_TEAM (self), NULL);
  return self->time_zone;
}

void
sc_team_set_time_zone (ScTeam   *self,
                       const char *time_zone)
{
  g_return_if_fail (SC_IS_TEAM (self));

  if (g_strcmp0 (self->time_zone, time_zone) != 0)
    {
      g_free (self->time_zone);
      self->time_zone = g_strdup (time_zone);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
    }
}

int
sc_team_get_interval_minutes (ScTeam *self)
{
  g_return_val_if_fail (SC_IS_TEAM (self), 0);
  return self->interval_minutes;
}

void
sc_team_set_interval_minutes (ScTeam *self,
                              int interval_minutes)
{
  g_return_if_fail (SC_IS_TEAM (self));

  if (self->interval_minutes != interval_minutes)
    {
      self->interval_minutes = interval_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_MINUTES]);
    }
}

ScTeam *
sc_team_new (const char *name,
             const char *time_zone)
{
  return g_object_new (SC_TYPE_TEAM, "name", name, "time-zone", time_zone, NULL);
}

/**
 * sc_team_dup_timezone:
 * Returns: (transfer full): the team's time zone, or the system's when the
 *   team has none or an unknown one
 */
GTimeZone *
sc_team_dup_timezone (ScTeam *self)
{
  GTimeZone *tz = NULL;

  g_return_val_if_fail (SC_IS_TEAM (self), NULL);

  if (self->time_zone != NULL && *self->time_zone != '\0')
    tz = g_time_zone_new_identifier (self->time_zone);

  return tz != NULL ? tz : g_time_zone_new_local ();
}

/**
 * sc_team_default_time_zone:
 * Returns: (transfer full): the identifier of the system's time zone
 */
char *
sc_team_default_time_zone (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (tz);

  /* "UTC" or an Olson name; a path like /etc/localtime is not useful */
  if (id == NULL || *id == '\0' || *id == '/' || g_strcmp0 (id, "localtime") == 0)
    return g_strdup ("UTC");

  return g_strdup (id);
}
