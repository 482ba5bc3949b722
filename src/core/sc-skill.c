/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-skill"

#include "config.h"

#include "sc-enums.h"
#include "sc-skill.h"

struct _ScSkill
{
  GObject parent_instance;

  gint64 id;
  char *name;
  ScSkillCategory category;
};

G_DEFINE_FINAL_TYPE (ScSkill, sc_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_skill_finalize (GObject *object)
{
  ScSkill *self = (ScSkill *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sc_skill_parent_class)->finalize (object);
}

static void
sc_skill_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  ScSkill *self = (ScSkill *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_skill_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  ScSkill *self = (ScSkill *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_skill_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      sc_skill_set_name (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      sc_skill_set_category (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_skill_class_init (ScSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_skill_finalize;
  object_class->get_property = sc_skill_get_property;
  object_class->set_property = sc_skill_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, SC_TYPE_SKILL_CATEGORY, SC_SKILL_CATEGORY_PRODUCT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_skill_init (ScSkill *self)
{
  self->category = SC_SKILL_CATEGORY_PRODUCT;
}

gint64
sc_skill_get_id (ScSkill *self)
{
  g_return_val_if_fail (SC_IS_SKILL (self), 0);
  return self->id;
}

void
sc_skill_set_id (ScSkill *self,
                 gint64 id)
{
  g_return_if_fail (SC_IS_SKILL (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
sc_skill_get_name (ScSkill *self)
{
  g_return_val_if_fail (SC_IS_SKILL (self), NULL);
  return self->name;
}

void
sc_skill_set_name (ScSkill   *self,
                   const char *name)
{
  g_return_if_fail (SC_IS_SKILL (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

ScSkillCategory
sc_skill_get_category (ScSkill *self)
{
  g_return_val_if_fail (SC_IS_SKILL (self), 0);
  return self->category;
}

void
sc_skill_set_category (ScSkill *self,
                       ScSkillCategory category)
{
  g_return_if_fail (SC_IS_SKILL (self));

  if (self->category != category)
    {
      self->category = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
    }
}

ScSkill *
sc_skill_new (const char      *name,
              ScSkillCategory  category)
{
  return g_object_new (SC_TYPE_SKILL, "name", name, "category", category, NULL);
}
