/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-page.h"
#include "sc-exam-results.h"

G_BEGIN_DECLS

#define SC_TYPE_EXAM_LIST (sc_exam_list_get_type ())
G_DECLARE_FINAL_TYPE (ScExamList, sc_exam_list, SC, EXAM_LIST, ScPage)

GtkWidget     *sc_exam_list_new            (void);
guint          sc_exam_list_get_n_exams    (ScExamList *self);
gint64         sc_exam_list_find_exam      (ScExamList *self,
                                            const char *name);
gboolean       sc_exam_list_select_exam    (ScExamList *self,
                                            gint64      exam_id);
gint64         sc_exam_list_get_selected   (ScExamList *self);
ScExamResults *sc_exam_list_get_results    (ScExamList *self);
GtkWidget     *sc_exam_list_edit           (ScExamList *self,
                                            gint64      exam_id);
gint64         sc_exam_list_duplicate      (ScExamList *self);
GtkWidget     *sc_exam_list_delete         (ScExamList *self);

G_END_DECLS
