/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_QUESTION_IMPORT_DIALOG (sc_question_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScQuestionImportDialog, sc_question_import_dialog, SC, QUESTION_IMPORT_DIALOG, AdwWindow)

GtkWidget  *sc_question_import_dialog_new             (GtkWindow              *parent,
                                                       ScStore                *store,
                                                       ScSession              *session,
                                                       const char             *category);
void        sc_question_import_dialog_load_file       (ScQuestionImportDialog *self,
                                                       GFile                  *file);
gboolean    sc_question_import_dialog_is_busy         (ScQuestionImportDialog *self);
guint       sc_question_import_dialog_get_n_questions (ScQuestionImportDialog *self);
guint       sc_question_import_dialog_get_n_problems  (ScQuestionImportDialog *self);
char       *sc_question_import_dialog_get_problem     (ScQuestionImportDialog *self,
                                                       guint                   index);
const char *sc_question_import_dialog_get_error       (ScQuestionImportDialog *self);

G_END_DECLS
