/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-preference"

#include "config.h"

#include "sc-enums.h"
#include "sc-preference.h"

/*
 * A wish to work (on-request) or not to work a shift type, or any shift
 * when shift-type-id is 0, on a day; weight 1–100 says how much it
 * matters. Days are local dates, YYYY-MM-DD.
 */

struct _ScPreference
{
  GObject   parent_instance;

  gint64    id;
  gint64    person_id;
  char     *day;
  gint64    shift_type_id;
  gboolean  on_request;
  int       weight;
};

G_DEFINE_FINAL_TYPE (ScPreference, sc_preference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_DAY,
  PROP_SHIFT_TYPE_ID,
  PROP_ON_REQUEST,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_preference_finalize (GObject *object)
{
  ScPreference *self = (ScPreference *) object;

  g_clear_pointer (&self->day, g_free);

  G_OBJECT_CLASS (sc_preference_parent_class)->finalize (object);
}

static void
sc_preference_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScPreference *self = (ScPreference *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_SHIFT_TYPE_ID:
      g_value_set_int64 (value, self->shift_type_id);
      break;

    case PROP_ON_REQUEST:
      g_value_set_boolean (value, self->on_request);
      break;

    case PROP_WEIGHT:
      g_value_set_int (value, self->weight);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_preference_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScPreference *self = (ScPreference *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_preference_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      sc_preference_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_DAY:
      sc_preference_set_day (self, g_value_get_string (value));
      break;

    case PROP_SHIFT_TYPE_ID:
      sc_preference_set_shift_type_id (self, g_value_get_int64 (value));
      break;

    case PROP_ON_REQUEST:
      sc_preference_set_on_request (self, g_value_get_boolean (value));
      break;

    case PROP_WEIGHT:
      sc_preference_set_weight (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_preference_class_init (ScPreferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_preference_finalize;
  object_class->get_property = sc_preference_get_property;
  object_class->set_property = sc_preference_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHIFT_TYPE_ID] =
    g_param_spec_int64 ("shift-type-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ON_REQUEST] =
    g_param_spec_boolean ("on-request", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WEIGHT] =
    g_param_spec_int ("weight", NULL, NULL, 1, 100, 1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_preference_init (ScPreference *self)
{
  self->weight = 1;
}

ScPreference *
sc_preference_new (void)
{
  return g_object_new (SC_TYPE_PREFERENCE, NULL);
}

gint64
sc_preference_get_id (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), 0);
  return self->id;
}

void
sc_preference_set_id (ScPreference *self,
                      gint64        id)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
sc_preference_get_person_id (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), 0);
  return self->person_id;
}

void
sc_preference_set_person_id (ScPreference *self,
                             gint64        person_id)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
sc_preference_get_day (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), NULL);
  return self->day;
}

void
sc_preference_set_day (ScPreference *self,
                       const char   *day)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;

  g_free (self->day);
  self->day = g_strdup (day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

gint64
sc_preference_get_shift_type_id (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), 0);
  return self->shift_type_id;
}

void
sc_preference_set_shift_type_id (ScPreference *self,
                                 gint64        shift_type_id)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (self->shift_type_id == shift_type_id)
    return;

  self->shift_type_id = shift_type_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHIFT_TYPE_ID]);
}

gboolean
sc_preference_get_on_request (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), FALSE);
  return self->on_request;
}

void
sc_preference_set_on_request (ScPreference *self,
                              gboolean      on_request)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (self->on_request == (on_request != FALSE))
    return;

  self->on_request = (on_request != FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_REQUEST]);
}

int
sc_preference_get_weight (ScPreference *self)
{
  g_return_val_if_fail (SC_IS_PREFERENCE (self), 0);
  return self->weight;
}

void
sc_preference_set_weight (ScPreference *self,
                          int           weight)
{
  g_return_if_fail (SC_IS_PREFERENCE (self));

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT]);
}
