/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * ScQuestionType:
 * The question types of the bank; their keys are Moodle's type names.
 */
typedef enum
{
  SC_QUESTION_TYPE_MULTICHOICE,
  SC_QUESTION_TYPE_TRUEFALSE,
  SC_QUESTION_TYPE_SHORTANSWER,
  SC_QUESTION_TYPE_NUMERICAL,
  SC_QUESTION_TYPE_MATCHING,
  SC_QUESTION_TYPE_ESSAY,
  SC_QUESTION_TYPE_DESCRIPTION,
} ScQuestionType;

#define SC_N_QUESTION_TYPES 7

/**
 * ScQuestionAnswer:
 * A choice of a multiple-choice question, or an accepted answer of a short
 * answer or numerical question. @fraction is the share of the mark it earns,
 * from −1 to 1. @tolerance is for numerical answers; a numerical answer
 * whose @text is “*” matches any other answer.
 */
typedef struct
{
  gint64  id;
  char   *text;
  double  fraction;
  char   *feedback;
  double  tolerance;
} ScQuestionAnswer;

/**
 * ScQuestionPair:
 * A row of a matching question; an empty @question is a distractor answer.
 */
typedef struct
{
  char *question;
  char *answer;
} ScQuestionPair;

/**
 * ScQuestion:
 *
 * A question of the bank, or one read from a file. Plain fields: it is
 * built by the readers in formats/ and by the store, and carries the
 * answer key, so it never reaches an agent's session.
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64          id;
  gint64          category_id;
  ScQuestionType  type;
  char           *name;
  char           *text;
  char           *text_format;       /* moodle, html, plain or markdown */
  char           *general_feedback;
  gboolean        single;            /* multichoice: one answer only */
  gboolean        case_sensitive;    /* shortanswer */
  gboolean        correct;           /* truefalse */
  char           *feedback_true;     /* truefalse: shown when the answer given is true */
  char           *feedback_false;
  int             difficulty;        /* 1 (easy) to 5 (hard) */
  double          default_mark;
  char           *idnumber;
  char           *category;          /* the category path, as written in a file */
  GPtrArray      *answers;           /* ScQuestionAnswer */
  GPtrArray      *pairs;             /* ScQuestionPair */
  GPtrArray      *tags;              /* char * */
  guint           line;              /* where it starts in the file it was read from */
} ScQuestion;

/**
 * ScQuestionCategory:
 * A category of the bank. @path names it from the top, levels joined by
 * “/” (a “/” inside a name is written “//”, as Moodle writes it).
 */
typedef struct
{
  gint64  id;
  gint64  parent_id;
  char   *name;
  char   *path;
  gint64  skill_id;
  guint   n_questions;
} ScQuestionCategory;

void         sc_question_category_free    (ScQuestionCategory *category);
char       **sc_question_category_path_split (const char      *path);
char        *sc_question_category_path_join  (char           **names);

#define SC_TYPE_QUESTION (sc_question_get_type ())

GType        sc_question_get_type         (void) G_GNUC_CONST;
ScQuestion  *sc_question_new              (ScQuestionType  type);
ScQuestion  *sc_question_ref              (ScQuestion     *self);
void         sc_question_unref            (ScQuestion     *self);
void         sc_question_set_string       (char          **field,
                                           const char     *value);
ScQuestionAnswer *sc_question_add_answer  (ScQuestion     *self,
                                           const char     *text,
                                           double          fraction,
                                           const char     *feedback);
ScQuestionPair   *sc_question_add_pair    (ScQuestion     *self,
                                           const char     *question,
                                           const char     *answer);
void         sc_question_add_tag          (ScQuestion     *self,
                                           const char     *tag);
gboolean     sc_question_validate         (ScQuestion     *self,
                                           GError        **error);
double       sc_question_max_fraction_sum (ScQuestion     *self);

const char  *sc_question_type_to_string   (ScQuestionType  type);
gboolean     sc_question_type_from_string (const char     *str,
                                           ScQuestionType *type);
const char  *sc_question_type_get_label   (ScQuestionType  type);
gboolean     sc_text_format_is_valid      (const char     *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuestion, sc_question_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScQuestionCategory, sc_question_category_free)

G_END_DECLS
