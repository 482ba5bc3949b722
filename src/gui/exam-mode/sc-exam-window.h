/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_EXAM_WINDOW (sc_exam_window_get_type ())
G_DECLARE_FINAL_TYPE (ScExamWindow, sc_exam_window, SC, EXAM_WINDOW, AdwWindow)

ScExamWindow *sc_exam_window_new              (GtkWindow    *parent,
                                               ScStore      *store,
                                               ScSession    *session,
                                               gint64        attempt_id);
gint64        sc_exam_window_get_attempt_id   (ScExamWindow *self);
guint         sc_exam_window_get_n_questions  (ScExamWindow *self);
guint         sc_exam_window_get_position     (ScExamWindow *self);
void          sc_exam_window_go_to            (ScExamWindow *self,
                                               guint         index);
ScQuestionType sc_exam_window_get_question_type (ScExamWindow *self);
void          sc_exam_window_choose           (ScExamWindow *self,
                                               guint         choice);
void          sc_exam_window_type_answer      (ScExamWindow *self,
                                               const char   *text);
void          sc_exam_window_set_flagged      (ScExamWindow *self,
                                               gboolean      flagged);
const char   *sc_exam_window_get_response     (ScExamWindow *self,
                                               guint         index);
gint64        sc_exam_window_get_seconds_left (ScExamWindow *self);
const char   *sc_exam_window_get_countdown    (ScExamWindow *self);
void          sc_exam_window_update_countdown (ScExamWindow *self);
const char   *sc_exam_window_get_announcement (ScExamWindow *self);
GtkWindow    *sc_exam_window_ask_submit       (ScExamWindow *self);
gboolean      sc_exam_window_get_showing_result (ScExamWindow *self);
void          sc_exam_window_set_all_on_one_page (ScExamWindow *self,
                                                  gboolean      all_on_one_page);
gboolean      sc_exam_window_get_all_on_one_page (ScExamWindow *self);
gboolean      sc_exam_window_get_question_shown  (ScExamWindow *self,
                                                  guint         index);
char         *sc_exam_window_read_shown_response (ScExamWindow *self,
                                                  guint         index);
gboolean      sc_exam_window_get_shown_flagged   (ScExamWindow *self,
                                                  guint         index);

G_END_DECLS
