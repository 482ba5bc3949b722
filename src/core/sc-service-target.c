/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-service-target"

#include "config.h"

#include "sc-enums.h"
#include "sc-service-target.h"

struct _ScServiceTarget
{
  GObject parent_instance;

  gint64 skill_id;
  double service_level;
  int target_seconds;
  double max_occupancy;
  double shrinkage;
  int aht_seconds;
};

G_DEFINE_FINAL_TYPE (ScServiceTarget, sc_service_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SKILL_ID,
  PROP_SERVICE_LEVEL,
  PROP_TARGET_SECONDS,
  PROP_MAX_OCCUPANCY,
  PROP_SHRINKAGE,
  PROP_AHT_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_service_target_finalize (GObject *object)
{

  G_OBJECT_CLASS (sc_service_target_parent_class)->finalize (object);
}

static void
sc_service_target_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScServiceTarget *self = (ScServiceTarget *) object;

  switch (prop_id)
    {
    case PROP_SKILL_ID:
      g_value_set_int64 (value, self->skill_id);
      break;

    case PROP_SERVICE_LEVEL:
      g_value_set_double (value, self->service_level);
      break;

    case PROP_TARGET_SECONDS:
      g_value_set_int (value, self->target_seconds);
      break;

    case PROP_MAX_OCCUPANCY:
      g_value_set_double (value, self->max_occupancy);
      break;

    case PROP_SHRINKAGE:
      g_value_set_double (value, self->shrinkage);
      break;

    case PROP_AHT_SECONDS:
      g_value_set_int (value, self->aht_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_service_target_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScServiceTarget *self = (ScServiceTarget *) object;

  switch (prop_id)
    {
    case PROP_SKILL_ID:
      sc_service_target_set_skill_id (self, g_value_get_int64 (value));
      break;

    case PROP_SERVICE_LEVEL:
      sc_service_target_set_service_level (self, g_value_get_double (value));
      break;

    case PROP_TARGET_SECONDS:
      sc_service_target_set_target_seconds (self, g_value_get_int (value));
      break;

    case PROP_MAX_OCCUPANCY:
      sc_service_target_set_max_occupancy (self, g_value_get_double (value));
      break;

    case PROP_SHRINKAGE:
      sc_service_target_set_shrinkage (self, g_value_get_double (value));
      break;

    case PROP_AHT_SECONDS:
      sc_service_target_set_aht_seconds (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_service_target_class_init (ScServiceTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_service_target_finalize;
  object_class->get_property = sc_service_target_get_property;
  object_class->set_property = sc_service_target_set_property;

  properties[PROP_SKILL_ID] =
    g_param_spec_int64 ("skill-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SERVICE_LEVEL] =
    g_param_spec_double ("service-level", NULL, NULL, 0.0, 1.0, 0.8,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET_SECONDS] =
    g_param_spec_int ("target-seconds", NULL, NULL, 1, 86400, 20,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_OCCUPANCY] =
    g_param_spec_double ("max-occupancy", NULL, NULL, 0.0, 1.0, 0.85,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHRINKAGE] =
    g_param_spec_double ("shrinkage", NULL, NULL, 0.0, 1.0, 0.3,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AHT_SECONDS] =
    g_param_spec_int ("aht-seconds", NULL, NULL, 1, 86400, 240,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_service_target_init (ScServiceTarget *self)
{
  self->service_level = 0.8;
  self->target_seconds = 20;
  self->max_occupancy = 0.85;
  self->shrinkage = 0.3;
  self->aht_seconds = 240;
}

gint64
sc_service_target_get_skill_id (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->skill_id;
}

void
sc_service_target_set_skill_id (ScServiceTarget *self,
                                gint64 skill_id)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->skill_id != skill_id)
    {
      self->skill_id = skill_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILL_ID]);
    }
}

double
sc_service_target_get_service_level (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->service_level;
}

void
sc_service_target_set_service_level (ScServiceTarget *self,
                                     double service_level)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->service_level != service_level)
    {
      self->service_level = service_level;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_LEVEL]);
    }
}

int
sc_service_target_get_target_seconds (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->target_seconds;
}

void
sc_service_target_set_target_seconds (ScServiceTarget *self,
                                      int target_seconds)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->target_seconds != target_seconds)
    {
      self->target_seconds = target_seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_SECONDS]);
    }
}

double
sc_service_target_get_max_occupancy (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->max_occupancy;
}

void
sc_service_target_set_max_occupancy (ScServiceTarget *self,
                                     double max_occupancy)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->max_occupancy != max_occupancy)
    {
      self->max_occupancy = max_occupancy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_OCCUPANCY]);
    }
}

double
sc_service_target_get_shrinkage (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->shrinkage;
}

void
sc_service_target_set_shrinkage (ScServiceTarget *self,
                                 double shrinkage)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->shrinkage != shrinkage)
    {
      self->shrinkage = shrinkage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHRINKAGE]);
    }
}

int
sc_service_target_get_aht_seconds (ScServiceTarget *self)
{
  g_return_val_if_fail (SC_IS_SERVICE_TARGET (self), 0);
  return self->aht_seconds;
}

void
sc_service_target_set_aht_seconds (ScServiceTarget *self,
                                   int aht_seconds)
{
  g_return_if_fail (SC_IS_SERVICE_TARGET (self));

  if (self->aht_seconds != aht_seconds)
    {
      self->aht_seconds = aht_seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AHT_SECONDS]);
    }
}
