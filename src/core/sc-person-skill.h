/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_PERSON_SKILL (sc_person_skill_get_type ())
G_DECLARE_FINAL_TYPE (ScPersonSkill, sc_person_skill, SC, PERSON_SKILL, GObject)

gint64          sc_person_skill_get_person_id (ScPersonSkill *self);
void            sc_person_skill_set_person_id (ScPersonSkill *self, gint64 person_id);
gint64          sc_person_skill_get_skill_id (ScPersonSkill *self);
void            sc_person_skill_set_skill_id (ScPersonSkill *self, gint64 skill_id);
const char     *sc_person_skill_get_skill_name (ScPersonSkill *self);
void            sc_person_skill_set_skill_name (ScPersonSkill *self, const char *skill_name);
ScSkillCategory sc_person_skill_get_category (ScPersonSkill *self);
void            sc_person_skill_set_category (ScPersonSkill *self, ScSkillCategory category);
int             sc_person_skill_get_proficiency (ScPersonSkill *self);
void            sc_person_skill_set_proficiency (ScPersonSkill *self, int proficiency);

ScPersonSkill *sc_person_skill_new (gint64 person_id,
                                    gint64 skill_id,
                                    int    proficiency);

G_END_DECLS
