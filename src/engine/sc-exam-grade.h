/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-question.h"

G_BEGIN_DECLS

/*
 * Grading of one question from its answer key (an ScQuestion, plain
 * fields) and the response an agent saved. Responses are stored as text:
 *
 *   multichoice   the positions of the chosen choices in the bank's order,
 *                 comma-separated (“0,2”); empty when none is chosen
 *   truefalse     “true” or “false”
 *   shortanswer   the text typed
 *   numerical     the number typed (a decimal point or comma)
 *   matching      for each row that has a question, in the bank's order,
 *                 the position of the answer chosen in the list of
 *                 distinct answers (sc_exam_matching_answers()), or −1;
 *                 comma-separated
 *   essay         the text written; graded by a trainer
 *
 * The rules are Moodle's: a single-answer multiple choice earns the
 * fraction of the choice made; a multiple-answer one the sum of the
 * fractions of the choices made; short answers and numbers earn the
 * fraction of the first accepted answer they match (“*” in a short answer
 * matches any run of characters); a matching question earns the share of
 * rows matched right. A question's fraction is kept within 0 and 1: a
 * wrong answer with negative credit costs at most the question's own mark.
 */

typedef struct
{
  double    fraction;       /* 0 to 1 of the question's mark */
  double    mark;           /* fraction × the mark the question carries */
  double    max_mark;
  gboolean  answered;
  gboolean  needs_grading;  /* an essay waiting for a trainer */
  int       matched;        /* the answer or choice that decided the grade, or −1 */
} ScExamGrade;

void        sc_exam_grade_question     (const ScQuestion *question,
                                        const char       *response,
                                        double            max_mark,
                                        ScExamGrade      *grade);
GPtrArray  *sc_exam_matching_answers   (const ScQuestion *question);
guint       sc_exam_matching_rows      (const ScQuestion *question);
gboolean    sc_exam_shortanswer_matches (const char      *pattern,
                                         const char      *response,
                                         gboolean         case_sensitive);
gboolean    sc_exam_parse_number       (const char       *text,
                                        double           *value);
GArray     *sc_exam_parse_positions    (const char       *text);
char       *sc_exam_format_positions   (const int        *positions,
                                        guint             n_positions);

/* A part of a result: the marks of the questions of one category (or
 * skill) of an attempt */
typedef struct
{
  gint64  key;        /* a category or skill id; 0 for none */
  double  mark;
  double  max_mark;
  guint   n_questions;
} ScExamBreakdown;

GArray     *sc_exam_breakdown          (const gint64     *keys,
                                        const double     *marks,
                                        const double     *max_marks,
                                        guint             n);

/* Grade bands: the feedback of the band with the highest minimum the
 * percentage reaches */
typedef struct
{
  double       min_percent;
  const char  *feedback;
} ScExamBand;

const char *sc_exam_band_feedback      (const ScExamBand *bands,
                                        guint             n_bands,
                                        double            percent);

G_END_DECLS
