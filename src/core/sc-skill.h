/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_SKILL (sc_skill_get_type ())
G_DECLARE_FINAL_TYPE (ScSkill, sc_skill, SC, SKILL, GObject)

gint64          sc_skill_get_id (ScSkill *self);
void            sc_skill_set_id (ScSkill *self, gint64 id);
const char     *sc_skill_get_name (ScSkill *self);
void            sc_skill_set_name (ScSkill *self, const char *name);
ScSkillCategory sc_skill_get_category (ScSkill *self);
void            sc_skill_set_category (ScSkill *self, ScSkillCategory category);

ScSkill    *sc_skill_new (const char      *name,
                         ScSkillCategory  category);

G_END_DECLS
