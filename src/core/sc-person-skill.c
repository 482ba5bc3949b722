/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-person-skill"

#include "config.h"

#include "sc-enums.h"
#include "sc-person-skill.h"

struct _ScPersonSkill
{
  GObject parent_instance;

  gint64 person_id;
  gint64 skill_id;
  char *skill_name;
  ScSkillCategory category;
  int proficiency;
};

G_DEFINE_FINAL_TYPE (ScPersonSkill, sc_person_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON_ID,
  PROP_SKILL_ID,
  PROP_SKILL_NAME,
  PROP_CATEGORY,
  PROP_PROFICIENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_person_skill_finalize (GObject *object)
{
  ScPersonSkill *self = (ScPersonSkill *) object;

  g_clear_pointer (&self->skill_name, g_free);

  G_OBJECT_CLASS (sc_person_skill_parent_class)->finalize (object);
}

static void
sc_person_skill_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScPersonSkill *self = (ScPersonSkill *) object;

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_SKILL_ID:
      g_value_set_int64 (value, self->skill_id);
      break;

    case PROP_SKILL_NAME:
      g_value_set_string (value, self->skill_name);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    case PROP_PROFICIENCY:
      g_value_set_int (value, self->proficiency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_skill_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScPersonSkill *self = (ScPersonSkill *) object;

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      sc_person_skill_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_SKILL_ID:
      sc_person_skill_set_skill_id (self, g_value_get_int64 (value));
      break;

    case PROP_SKILL_NAME:
      sc_person_skill_set_skill_name (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      sc_person_skill_set_category (self, g_value_get_enum (value));
      break;

    case PROP_PROFICIENCY:
      sc_person_skill_set_proficiency (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_skill_class_init (ScPersonSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_person_skill_finalize;
  object_class->get_property = sc_person_skill_get_property;
  object_class->set_property = sc_person_skill_set_property;

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SKILL_ID] =
    g_param_spec_int64 ("skill-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SKILL_NAME] =
    g_param_spec_string ("skill-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, SC_TYPE_SKILL_CATEGORY, SC_SKILL_CATEGORY_PRODUCT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROFICIENCY] =
    g_param_spec_int ("proficiency", NULL, NULL, 0, 5, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_person_skill_init (ScPersonSkill *self)
{
  self->category = SC_SKILL_CATEGORY_PRODUCT;
  self->proficiency = 0;
}

gint64
sc_person_skill_get_person_id (ScPersonSkill *self)
{
  g_return_val_if_fail (SC_IS_PERSON_SKILL (self), 0);
  return self->person_id;
}

void
sc_person_skill_set_person_id (ScPersonSkill *self,
                               gint64 person_id)
{
  g_return_if_fail (SC_IS_PERSON_SKILL (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

gint64
sc_person_skill_get_skill_id (ScPersonSkill *self)
{
  g_return_val_if_fail (SC_IS_PERSON_SKILL (self), 0);
  return self->skill_id;
}

void
sc_person_skill_set_skill_id (ScPersonSkill *self,
                              gint64 skill_id)
{
  g_return_if_fail (SC_IS_PERSON_SKILL (self));

  if (self->skill_id != skill_id)
    {
      self->skill_id = skill_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILL_ID]);
    }
}

const char *
sc_person_skill_get_skill_name (ScPersonSkill *self)
{
  g_return_val_if_fail (SC_IS_PERSON_SKILL (self), NULL);
  return self->skill_name;
}

void
sc_person_skill_set_skill_name (ScPersonSkill   *self,
                                const char *skill_name)
{
  g_return_if_fail (SC_IS_PERSON_SKILL (self));

  if (g_strcmp0 (self->skill_name, skill_name) != 0)
    {
      g_free (self->skill_name);
      self->skill_name = g_strdup (skill_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILL_NAME]);
    }
}

ScSkillCategory
sc_person_skill_get_category (ScPersonSkill *self)
{
  g_return_val_if_fail (SC_IS_PERSON_SKILL (self), 0);
  return self->category;
}

void
sc_person_skill_set_category (ScPersonSkill *self,
                              ScSkillCategory category)
{
  g_return_if_fail (SC_IS_PERSON_SKILL (self));

  if (self->category != category)
    {
      self->category = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
    }
}

int
sc_person_skill_get_proficiency (ScPersonSkill *self)
{
  g_return_val_if_fail (SC_IS_PERSON_SKILL (self), 0);
  return self->proficiency;
}

void
sc_person_skill_set_proficiency (ScPersonSkill *self,
                                 int proficiency)
{
  g_return_if_fail (SC_IS_PERSON_SKILL (self));

  if (self->proficiency != proficiency)
    {
      self->proficiency = proficiency;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFICIENCY]);
    }
}

ScPersonSkill *
sc_person_skill_new (gint64 person_id,
                     gint64 skill_id,
                     int    proficiency)
{
  return g_object_new (SC_TYPE_PERSON_SKILL,
                       "person-id", person_id,
                       "skill-id", skill_id,
                       "proficiency", proficiency,
                       NULL);
}
