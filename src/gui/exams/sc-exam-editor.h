/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_EXAM_EDITOR (sc_exam_editor_get_type ())
G_DECLARE_FINAL_TYPE (ScExamEditor, sc_exam_editor, SC, EXAM_EDITOR, ScStoreWindow)

GtkWidget  *sc_exam_editor_new                  (GtkWindow      *parent,
                                                 ScStore        *store,
                                                 ScSession      *session,
                                                 gint64          exam_id);
gint64      sc_exam_editor_get_exam_id          (ScExamEditor   *self);
const char *sc_exam_editor_get_validation_error (ScExamEditor   *self);
char       *sc_exam_editor_get_summary          (ScExamEditor   *self);
guint       sc_exam_editor_get_n_rules          (ScExamEditor   *self);
GtkWidget  *sc_exam_editor_get_rule_widget      (ScExamEditor   *self,
                                                 guint           rule,
                                                 const char     *part);
gboolean    sc_exam_editor_save                 (ScExamEditor   *self);

G_END_DECLS
