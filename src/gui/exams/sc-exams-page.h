/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_EXAMS_PAGE (sc_exams_page_get_type ())
G_DECLARE_FINAL_TYPE (ScExamsPage, sc_exams_page, SC, EXAMS_PAGE, ScPage)

GtkWidget  *sc_exams_page_new                 (void);
guint       sc_exams_page_get_n_questions     (ScExamsPage    *self);
guint       sc_exams_page_get_n_shown         (ScExamsPage    *self);
void        sc_exams_page_set_search          (ScExamsPage    *self,
                                               const char     *text);
void        sc_exams_page_select_category     (ScExamsPage    *self,
                                               gint64          category_id);
gint64      sc_exams_page_find_question       (ScExamsPage    *self,
                                               ScQuestionType  type);
gboolean    sc_exams_page_open_question       (ScExamsPage    *self,
                                               gint64          question_id);
ScQuestion *sc_exams_page_get_editing         (ScExamsPage    *self);
GtkWidget  *sc_exams_page_get_name_row        (ScExamsPage    *self);
const char *sc_exams_page_get_validation_error (ScExamsPage   *self);
gboolean    sc_exams_page_save                (ScExamsPage    *self);
void        sc_exams_page_add_question        (ScExamsPage    *self,
                                               ScQuestionType  type);
gboolean    sc_exams_page_duplicate           (ScExamsPage    *self);
gboolean    sc_exams_page_delete              (ScExamsPage    *self);
gboolean    sc_exams_page_undo_delete         (ScExamsPage    *self);
GtkWidget  *sc_exams_page_import              (ScExamsPage    *self);
gboolean    sc_exams_page_export_to_file      (ScExamsPage    *self,
                                               GFile          *file,
                                               GError        **error);
GtkWidget  *sc_exams_page_set_view            (ScExamsPage    *self,
                                               const char     *view);

G_END_DECLS
