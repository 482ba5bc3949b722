/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The draw of an attempt: which questions, in which order, with their
 * choices in which order. It is made once, from a seed, when the attempt
 * starts, and stored: the same seed and the same pools give the same draw.
 *
 * Each rule either names one question (a fixed question) or draws
 * @count questions from its @pool (the ids of the questions of a
 * category, at a difficulty, as the store found them). A question drawn
 * by an earlier rule is never drawn again.
 */

#define SC_EXAM_DRAW_ERROR (sc_exam_draw_error_quark ())

typedef enum
{
  SC_EXAM_DRAW_ERROR_POOL_TOO_SMALL,
  SC_EXAM_DRAW_ERROR_EMPTY,
} ScExamDrawError;

typedef struct
{
  gint64   question_id;  /* a fixed question, or 0 to draw from @pool */
  guint    count;        /* how many to draw from @pool */
  GArray  *pool;         /* (element-type gint64) the candidates */
  const char *name;      /* the rule as people know it, for messages */
} ScExamDrawRule;

typedef struct
{
  GArray     *question_ids;   /* (element-type gint64) in the order shown */
  GPtrArray  *choice_orders;  /* (element-type GArray of int) per question:
                               * position shown → position in the bank */
} ScExamDraw;

GQuark       sc_exam_draw_error_quark  (void);
ScExamDraw  *sc_exam_draw_make          (const ScExamDrawRule *rules,
                                         guint                 n_rules,
                                         guint32               seed,
                                         gboolean              shuffle_questions,
                                         GError              **error);
void         sc_exam_draw_set_choices   (ScExamDraw           *draw,
                                         const guint          *n_choices,
                                         const gboolean       *shuffle,
                                         guint32               seed);
void         sc_exam_draw_free          (ScExamDraw           *draw);
void         sc_exam_shuffle_ints       (GRand                *rand,
                                         int                  *values,
                                         guint                 n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScExamDraw, sc_exam_draw_free)

G_END_DECLS
