/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-question.h"
#include "sc-types.h"

G_BEGIN_DECLS

/*
 * Certification exams: plain structs the store fills and takes. None of
 * them carries an answer key unless it says so.
 */

/* What happens when the time is up */
typedef enum
{
  SC_EXAM_OVERDUE_AUTOSUBMIT,  /* submitted with what was saved */
  SC_EXAM_OVERDUE_GRACE,       /* no more answers; the agent may still submit
                                * during the grace period, after which the
                                * attempt is abandoned and does not count */
} ScExamOverdue;

/* Which attempt gives a person's grade on the exam */
typedef enum
{
  SC_EXAM_GRADING_HIGHEST,
  SC_EXAM_GRADING_LAST,
} ScExamGradingMethod;

/* When an agent may see the right answers and the feedback */
typedef enum
{
  SC_EXAM_REVIEW_NEVER,         /* the score only */
  SC_EXAM_REVIEW_AFTER_SUBMIT,  /* once the attempt is submitted */
  SC_EXAM_REVIEW_AFTER_PASS,    /* once the attempt passed */
} ScExamReview;

/**
 * ScExamRule:
 * A draw rule: @count questions from @category_id (and the categories
 * under it when @with_subcategories) at @difficulty (0: any), or the one
 * question @question_id. Each question drawn is worth its default mark.
 */
typedef struct
{
  gint64    category_id;
  gboolean  with_subcategories;
  int       difficulty;
  guint     count;
  gint64    question_id;
} ScExamRule;

typedef struct
{
  double  min_percent;
  char   *feedback;
} ScExamFeedbackBand;

/**
 * ScExam:
 * An exam's settings. @skill_id and @level are what passing certifies,
 * for @validity_months (0: never expires). @time_limit_minutes 0 means
 * no limit. @attempts_allowed 0 means as many as wanted.
 */
typedef struct
{
  gint64               id;
  char                *name;
  char                *description;
  gint64               skill_id;
  ScLevel              level;
  int                  validity_months;
  int                  time_limit_minutes;
  ScExamOverdue        overdue;
  int                  grace_minutes;
  int                  attempts_allowed;
  int                  cooldown_hours;
  double               pass_percent;
  ScExamGradingMethod  grading_method;
  gboolean             shuffle_questions;
  gboolean             shuffle_choices;
  ScExamReview         review;
  gboolean             available;
  GArray              *rules;  /* ScExamRule */
  GArray              *bands;  /* ScExamFeedbackBand */
} ScExam;

ScExam     *sc_exam_new          (const char *name);
void        sc_exam_free         (ScExam     *exam);
ScExamRule *sc_exam_add_category_rule (ScExam *exam,
                                       gint64  category_id,
                                       guint   count,
                                       int     difficulty);
ScExamRule *sc_exam_add_fixed_question (ScExam *exam,
                                        gint64  question_id);
void        sc_exam_add_band     (ScExam     *exam,
                                  double      min_percent,
                                  const char *feedback);

typedef enum
{
  SC_ATTEMPT_IN_PROGRESS,
  SC_ATTEMPT_SUBMITTED,
  SC_ATTEMPT_ABANDONED,
} ScAttemptState;

/**
 * ScExamAttempt:
 * @deadline: UTC, or %NULL without a time limit
 * @seconds_left: deadline − now when it was read, from the stored
 *   deadline (−1 without a time limit; 0 when it passed)
 * @graded: the score is known (%FALSE while essays wait for a trainer)
 * @feedback: the grade band's feedback, once graded
 */
typedef struct
{
  gint64          id;
  gint64          exam_id;
  char           *exam_name;
  gint64          person_id;
  char           *person_name;
  int             number;
  char           *started;
  char           *deadline;
  char           *submitted;
  ScAttemptState  state;
  gboolean        auto_submitted;
  gboolean        in_grace;
  gint64          seconds_left;
  gboolean        graded;
  double          score;
  double          max_score;
  double          percent;
  gboolean        passed;
  guint           n_questions;
  guint           n_answered;
  char           *feedback;
} ScExamAttempt;

void        sc_exam_attempt_free (ScExamAttempt *attempt);

/**
 * ScAttemptQuestion:
 * A question of an attempt as the person taking it sees it.
 *
 * @choices: what to choose from, in the order shown: a multiple-choice
 *   question's choices, or a matching question's answers
 * @choice_order: for each shown choice, its position in the bank; the
 *   response speaks of bank positions (see sc-exam-grade.h)
 * @rows: a matching question's rows, in the bank's order
 *
 * The rest is there only when @reviewable: the review policy lets the
 * person see it, or the session may read the bank.
 */
typedef struct
{
  guint           position;
  gint64          question_id;
  gint64          category_id;
  ScQuestionType  type;
  char           *name;
  char           *text;
  char           *text_format;
  gboolean        single;
  GPtrArray      *choices;
  GArray         *choice_order;
  GPtrArray      *rows;
  double          max_mark;
  char           *response;
  char           *saved;
  gboolean        flagged;

  gboolean        reviewable;
  gboolean        graded;
  double          fraction;
  double          mark;
  gboolean        needs_grading;
  char           *feedback;          /* of the answer given */
  char           *general_feedback;
  char           *right_answer;      /* the best answer, as text */
  char           *grader_comment;
} ScAttemptQuestion;

void        sc_attempt_question_free (ScAttemptQuestion *question);

/**
 * ScExamResultPart:
 * The marks of an attempt in one category of the bank (and its skill).
 */
typedef struct
{
  gint64  category_id;
  char   *category;
  gint64  skill_id;
  double  mark;
  double  max_mark;
  guint   n_questions;
} ScExamResultPart;

void        sc_exam_result_part_free (ScExamResultPart *part);

/**
 * ScEssayToGrade:
 * An essay waiting for a trainer, with the question's text and the
 * general feedback (the marking guide).
 */
typedef struct
{
  gint64  attempt_id;
  guint   position;
  gint64  person_id;
  char   *person_name;
  char   *exam_name;
  char   *question_text;
  char   *general_feedback;
  char   *response;
  double  max_mark;
  char   *submitted;
} ScEssayToGrade;

void        sc_essay_to_grade_free (ScEssayToGrade *essay);

typedef enum
{
  SC_CERTIFICATION_VALID,
  SC_CERTIFICATION_EXPIRING_SOON,
  SC_CERTIFICATION_EXPIRED,
  SC_CERTIFICATION_REVOKED,
} ScCertificationState;

/* A certification expiring within this many days is “expiring soon” */
#define SC_CERTIFICATION_EXPIRING_DAYS 30

/**
 * ScCertification:
 * A certified skill. @issued and @expires are days (YYYY-MM-DD), stored
 * when it was issued; it is valid through @expires. @state and
 * @days_left are as of the day it was read.
 */
typedef struct
{
  gint64                id;
  gint64                person_id;
  char                 *person_name;
  gint64                skill_id;
  char                 *skill_name;
  ScLevel               level;
  char                 *issued;
  char                 *expires;
  gint64                exam_id;
  gint64                attempt_id;
  char                 *code;
  char                 *revoked;
  char                 *revoked_reason;
  ScCertificationState  state;
  int                   days_left;
} ScCertification;

void                 sc_certification_free      (ScCertification *certification);
ScCertificationState sc_certification_state_on  (const char      *expires,
                                                 gboolean         revoked,
                                                 const char      *today,
                                                 int             *days_left);
const char          *sc_certification_state_get_label (ScCertificationState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScExam, sc_exam_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScExamAttempt, sc_exam_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAttemptQuestion, sc_attempt_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScExamResultPart, sc_exam_result_part_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEssayToGrade, sc_essay_to_grade_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCertification, sc_certification_free)

G_END_DECLS
