/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_EXAM_RESULTS (sc_exam_results_get_type ())
G_DECLARE_FINAL_TYPE (ScExamResults, sc_exam_results, SC, EXAM_RESULTS, AdwBin)

GtkWidget      *sc_exam_results_new              (void);
void            sc_exam_results_set_exam         (ScExamResults *self,
                                                  ScStore       *store,
                                                  ScSession     *session,
                                                  gint64         exam_id);
gint64          sc_exam_results_get_exam_id      (ScExamResults *self);
void            sc_exam_results_reload           (ScExamResults *self);
void            sc_exam_results_set_view         (ScExamResults *self,
                                                  const char    *view);
guint           sc_exam_results_get_n_attempts   (ScExamResults *self);
gint64          sc_exam_results_find_attempt     (ScExamResults *self,
                                                  gboolean       graded);
gboolean        sc_exam_results_select_attempt   (ScExamResults *self,
                                                  gint64         attempt_id);
guint           sc_exam_results_get_n_parts      (ScExamResults *self);
guint           sc_exam_results_get_n_essays     (ScExamResults *self);
gboolean        sc_exam_results_select_essay     (ScExamResults *self,
                                                  guint          index);
guint           sc_exam_results_get_n_items      (ScExamResults *self);
const ScItemAnalysis *sc_exam_results_get_analysis (ScExamResults *self);

G_END_DECLS
