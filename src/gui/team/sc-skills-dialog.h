/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_SKILLS_DIALOG (sc_skills_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScSkillsDialog, sc_skills_dialog, SC, SKILLS_DIALOG, ScStoreWindow)

GtkWidget  *sc_skills_dialog_new         (GtkWindow      *parent,
                                          ScStore        *store,
                                          ScSession      *session);
gboolean    sc_skills_dialog_add_skill   (ScSkillsDialog *self);
guint       sc_skills_dialog_get_n_skills (ScSkillsDialog *self);
const char *sc_skills_dialog_get_error   (ScSkillsDialog *self);

G_END_DECLS
