/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-page.h"
#include "exam-mode/sc-exam-window.h"

G_BEGIN_DECLS

#define SC_TYPE_MY_EXAMS_PAGE (sc_my_exams_page_get_type ())
G_DECLARE_FINAL_TYPE (ScMyExamsPage, sc_my_exams_page, SC, MY_EXAMS_PAGE, ScPage)

GtkWidget    *sc_my_exams_page_new                 (void);
guint         sc_my_exams_page_get_n_exams         (ScMyExamsPage *self);
guint         sc_my_exams_page_get_n_attempts      (ScMyExamsPage *self);
guint         sc_my_exams_page_get_n_certifications (ScMyExamsPage *self);
const char   *sc_my_exams_page_get_exam_status     (ScMyExamsPage *self,
                                                    gint64         exam_id);
ScExamWindow *sc_my_exams_page_open_exam           (ScMyExamsPage *self,
                                                    gint64         exam_id);
gboolean      sc_my_exams_page_save_certificate    (ScMyExamsPage *self,
                                                    gint64         certification_id,
                                                    GFile         *file,
                                                    GError       **error);

G_END_DECLS
