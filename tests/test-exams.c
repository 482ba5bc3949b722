/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sc-demo.h"
#include "sc-exam-grade.h"
#include "sc-store-private.h"
#include "sc-test-util.h"

/*
 * Exams in the store: the frozen draw, what an agent's session may read,
 * grading with essays, resuming after the process is killed, the
 * deadline, attempt limits and cool-downs, certification states and item
 * analysis. The store's clock is set by the tests: no test waits.
 */

/* 2026-12-01T08:00:00Z */
#define T0 G_GINT64_CONSTANT (1796112000)

static gint64 fake_now = T0;

static gint64
fake_clock (void)
{
  return fake_now;
}

typedef struct
{
  char      *dir;
  char      *path;
  ScStore   *store;
  ScSession *boss;
  ScSession *trainer;
  ScSession *agent;
  gint64     agent_id;
  ScSession *other;
  gint64     other_id;
  gint64     skill;
  gint64     category;
  gint64     exam;
} Fixture;

static gint64
add_account (Fixture       *f,
             const char    *name,
             const char    *employee_no,
             ScAccountRole  role,
             ScSession    **session)
{
  g_autoptr(ScPerson) person = sc_test_person (name, employee_no);
  g_autoptr(GError) error = NULL;
  gint64 account;

  g_assert_true (sc_store_add_person (f->store, f->boss, person, &error));
  account = sc_store_create_account (f->store, f->boss, sc_person_get_id (person), role, SC_CREDENTIAL_PIN,
                                     "582913", &error);
  g_assert_no_error (error);
  *session = sc_session_new (account, sc_person_get_id (person), role, name);
  return sc_person_get_id (person);
}

static void
add_question (Fixture    *f,
              ScQuestion *question,
              const char *name)
{
  g_autoptr(GError) error = NULL;

  sc_question_set_string (&question->name, name);
  if (question->text == NULL || *question->text == '\0')
    sc_question_set_string (&question->text, name);
  sc_question_set_string (&question->category, "情绪管理/投诉处理");
  g_assert_true (sc_store_add_question (f->store, f->boss, question, &error));
  g_assert_no_error (error);
}

/* One question of every type that is graded */
static void
add_bank (Fixture *f)
{
  g_autoptr(ScQuestion) single = sc_question_new (SC_QUESTION_TYPE_MULTICHOICE);
  g_autoptr(ScQuestion) truefalse = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);
  g_autoptr(ScQuestion) shortanswer = sc_question_new (SC_QUESTION_TYPE_SHORTANSWER);
  g_autoptr(ScQuestion) numerical = sc_question_new (SC_QUESTION_TYPE_NUMERICAL);
  g_autoptr(ScQuestion) matching = sc_question_new (SC_QUESTION_TYPE_MATCHING);
  g_autoptr(ScQuestion) essay = sc_question_new (SC_QUESTION_TYPE_ESSAY);

  single->single = TRUE;
  sc_question_add_answer (single, "先道歉并倾听", 1, "对：先处理情绪");
  sc_question_add_answer (single, "马上转主管", 0, "太早了");
  sc_question_add_answer (single, "解释公司政策", 0, "客户还在气头上");
  sc_question_set_string (&single->general_feedback, "先情绪，后问题。");
  add_question (f, single, "a-single");

  truefalse->correct = TRUE;
  sc_question_set_string (&truefalse->feedback_true, "是的");
  add_question (f, truefalse, "b-truefalse");

  sc_question_add_answer (shortanswer, "5W2H", 1, "");
  add_question (f, shortanswer, "c-shortanswer");

  sc_question_add_answer (numerical, "80", 1, "");
  add_question (f, numerical, "d-numerical");

  sc_question_add_pair (matching, "What", "发生了什么");
  sc_question_add_pair (matching, "Why", "为什么");
  sc_question_add_pair (matching, "Who", "谁");
  add_question (f, matching, "e-matching");

  sc_question_set_string (&essay->general_feedback, "评分要点：道歉、复述、方案。");
  add_question (f, essay, "f-essay");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScPerson) boss = sc_test_person ("刘建华", "S001");
  g_autoptr(ScSkill) skill = sc_skill_new ("投诉处理", SC_SKILL_CATEGORY_EMOTION_MANAGEMENT);
  g_autoptr(ScExam) exam = sc_exam_new ("投诉处理 中级");
  g_autoptr(GError) error = NULL;

  fake_now = T0;
  f->dir = sc_test_make_dir ();
  f->path = g_build_filename (f->dir, "exams.db", NULL);
  f->store = sc_test_open_store (f->dir, "exams.db");
  f->store->clock = fake_clock;
  g_assert_true (sc_store_create_first_supervisor (f->store, boss, SC_CREDENTIAL_PASSPHRASE, "morning shift tea",
                                                   &f->boss, &error));
  g_assert_no_error (error);
  add_account (f, "Grace Liu", "T001", SC_ACCOUNT_ROLE_TRAINER, &f->trainer);
  f->agent_id = add_account (f, "王芳", "A001", SC_ACCOUNT_ROLE_AGENT, &f->agent);
  f->other_id = add_account (f, "张伟", "A002", SC_ACCOUNT_ROLE_AGENT, &f->other);

  g_assert_true (sc_store_add_skill (f->store, f->boss, skill, &error));
  f->skill = sc_skill_get_id (skill);

  add_bank (f);
  f->category = sc_store_ensure_question_category (f->store, f->boss, "情绪管理/投诉处理", &error);
  g_assert_no_error (error);

  exam->skill_id = f->skill;
  exam->level = SC_LEVEL_INTERMEDIATE;
  exam->time_limit_minutes = 30;
  exam->pass_percent = 75;
  sc_exam_add_category_rule (exam, f->category, 6, 0);
  sc_exam_add_band (exam, 90, "优秀");
  sc_exam_add_band (exam, 75, "通过");
  sc_exam_add_band (exam, 0, "请继续练习");
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  g_assert_no_error (error);
  f->exam = exam->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->boss);
  g_clear_object (&f->trainer);
  g_clear_object (&f->agent);
  g_clear_object (&f->other);
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->dir);
}

static ScAttemptQuestion *
find_question (GPtrArray  *questions,
               const char *name)
{
  for (guint i = 0; i < questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (questions, i);

      if (g_str_equal (question->name, name))
        return question;
    }
  g_assert_not_reached ();
}

/* The bank position of the shown choice whose text is @text */
static int
bank_position (ScAttemptQuestion *question,
               const char        *text)
{
  for (guint i = 0; i < question->choices->len; i++)
    if (g_str_equal (g_ptr_array_index (question->choices, i), text))
      return g_array_index (question->choice_order, int, i);
  g_assert_not_reached ();
}

static void
answer (Fixture    *f,
        ScSession  *session,
        gint64      attempt,
        GPtrArray  *questions,
        const char *name,
        const char *response)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_store_save_answer (f->store, session, attempt, find_question (questions, name)->position,
                                       response, &error));
  g_assert_no_error (error);
}

/* Right answers to every question but the essay, which gets some text */
static void
answer_all_right (Fixture   *f,
                  ScSession *session,
                  gint64     attempt)
{
  g_autoptr(GPtrArray) questions = sc_store_get_attempt_questions (f->store, session, attempt, NULL);
  ScAttemptQuestion *single = find_question (questions, "a-single");
  ScAttemptQuestion *matching = find_question (questions, "e-matching");
  g_autofree char *choice = g_strdup_printf ("%d", bank_position (single, "先道歉并倾听"));
  g_autoptr(GPtrArray) bank_answers = g_ptr_array_new ();
  g_autofree char *pairs = NULL;
  int rows[3];

  /* Matching responses index the distinct answers in bank order */
  for (guint i = 0; i < matching->choices->len; i++)
    g_ptr_array_add (bank_answers, NULL);
  for (guint i = 0; i < matching->choices->len; i++)
    bank_answers->pdata[g_array_index (matching->choice_order, int, i)] = g_ptr_array_index (matching->choices, i);
  rows[0] = bank_position (matching, "发生了什么");
  rows[1] = bank_position (matching, "为什么");
  rows[2] = bank_position (matching, "谁");
  pairs = sc_exam_format_positions (rows, 3);

  answer (f, session, attempt, questions, "a-single", choice);
  answer (f, session, attempt, questions, "b-truefalse", "true");
  answer (f, session, attempt, questions, "c-shortanswer", "5w2h");
  answer (f, session, attempt, questions, "d-numerical", "80");
  answer (f, session, attempt, questions, "e-matching", pairs);
  answer (f, session, attempt, questions, "f-essay", "先道歉，复述问题，再给出补偿方案。");
}

static char *
describe_draw (GPtrArray *questions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (questions, i);
      g_autofree char *order = sc_exam_format_positions ((int *) question->choice_order->data,
                                                         question->choice_order->len);

      g_string_append_printf (out, "%lld[%s] ", (long long) question->question_id, order);
    }
  return g_string_free (out, FALSE);
}

static void
test_frozen_draw (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_autoptr(ScExamAttempt) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(ScExam) exam = NULL;
  g_autoptr(ScStore) second = NULL;
  g_autoptr(GPtrArray) from_second = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(ScQuestion) extra = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);

  g_assert_no_error (error);
  g_assert_cmpuint (attempt->n_questions, ==, 6);
  g_assert_cmpint (attempt->number, ==, 1);
  g_assert_cmpstr (attempt->started, ==, "2026-12-01T08:00:00Z");
  g_assert_cmpstr (attempt->deadline, ==, "2026-12-01T08:30:00Z");
  g_assert_cmpint (attempt->seconds_left, ==, 30 * 60);

  before = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  before_text = describe_draw (before);

  /* The exam and the bank change: the attempt keeps what it drew */
  exam = sc_store_get_exam (f->store, f->trainer, f->exam, &error);
  g_array_set_size (exam->rules, 0);
  sc_exam_add_category_rule (exam, f->category, 2, 0);
  exam->shuffle_questions = FALSE;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  add_question (f, extra, "g-extra");

  fake_now += 60;
  after = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  after_text = describe_draw (after);
  g_assert_cmpstr (before_text, ==, after_text);

  /* Starting again resumes the same attempt */
  again = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, attempt->id);
  g_assert_cmpint (again->seconds_left, ==, 29 * 60);

  /* And another connection to the file reads the same draw */
  second = sc_test_open_store (f->dir, "exams.db");
  second->clock = fake_clock;
  from_second = sc_store_get_attempt_questions (second, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  second_text = describe_draw (from_second);
  g_assert_cmpstr (before_text, ==, second_text);
}

static void
test_agent_gets_no_keys (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) as_trainer = NULL;
  g_autoptr(GPtrArray) bank = NULL;
  g_autoptr(ScExamAttempt) submitted = NULL;
  g_autoptr(ScExam) exam = NULL;

  g_assert_no_error (error);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (questions, i);

      g_assert_false (question->reviewable);
      g_assert_null (question->feedback);
      g_assert_null (question->general_feedback);
      g_assert_null (question->right_answer);
      g_assert_cmpfloat (question->fraction, ==, 0);
    }
  g_assert_cmpuint (find_question (questions, "a-single")->choices->len, ==, 3);
  g_assert_cmpuint (find_question (questions, "e-matching")->rows->len, ==, 3);

  /* The bank itself is closed to agents, and so are other people's attempts */
  bank = sc_store_get_questions (f->store, f->agent, 0, TRUE, &error);
  g_assert_null (bank);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (sc_store_get_attempt_questions (f->store, f->other, attempt->id, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_save_answer (f->store, f->other, attempt->id, 0, "true", &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  /* Not even a trainer answers in the agent's name */
  g_assert_false (sc_store_save_answer (f->store, f->trainer, attempt->id, 0, "true", &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* A trainer reads the bank anyway */
  as_trainer = sc_store_get_attempt_questions (f->store, f->trainer, attempt->id, &error);
  g_assert_true (find_question (as_trainer, "a-single")->reviewable);
  g_assert_cmpstr (find_question (as_trainer, "a-single")->right_answer, ==, "先道歉并倾听");

  /* Reviewing never: not even after submitting */
  exam = sc_store_get_exam (f->store, f->trainer, f->exam, &error);
  exam->review = SC_EXAM_REVIEW_NEVER;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  submitted = sc_store_submit_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_false (find_question (questions, "a-single")->reviewable);
  g_assert_null (find_question (questions, "a-single")->right_answer);

  /* After a pass only: this attempt, blank, failed */
  g_assert_false (submitted->passed);
  exam->review = SC_EXAM_REVIEW_AFTER_PASS;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_false (find_question (questions, "a-single")->reviewable);
  g_assert_null (find_question (questions, "a-single")->right_answer);

  /* After submitting: the review policy lets the agent see them */
  exam->review = SC_EXAM_REVIEW_AFTER_SUBMIT;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_true (find_question (questions, "a-single")->reviewable);
  g_assert_cmpstr (find_question (questions, "a-single")->general_feedback, ==, "先情绪，后问题。");
}

static void
test_grading_and_certification (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_autoptr(ScExamAttempt) submitted = NULL;
  g_autoptr(ScExamAttempt) graded = NULL;
  g_autoptr(GPtrArray) essays = NULL;
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(GPtrArray) breakdown = NULL;
  g_autoptr(GPtrArray) review = NULL;
  ScCertification *certification;
  ScExamResultPart *part;

  g_assert_no_error (error);
  answer_all_right (f, f->agent, attempt->id);

  fake_now += 20 * 60;
  submitted = sc_store_submit_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (submitted->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_false (submitted->auto_submitted);
  g_assert_cmpstr (submitted->submitted, ==, "2026-12-01T08:20:00Z");
  g_assert_cmpuint (submitted->n_answered, ==, 6);
  /* The essay waits for a trainer: no score, no certification yet */
  g_assert_false (submitted->graded);
  certifications = sc_store_get_certifications (f->store, f->agent, f->agent_id, &error);
  g_assert_cmpuint (certifications->len, ==, 0);
  g_clear_pointer (&certifications, g_ptr_array_unref);

  /* Answers cannot change any more */
  g_assert_false (sc_store_save_answer (f->store, f->agent, attempt->id, 0, "", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (sc_store_get_essays_to_grade (f->store, f->agent, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  essays = sc_store_get_essays_to_grade (f->store, f->trainer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (essays->len, ==, 1);
  g_assert_cmpstr (((ScEssayToGrade *) g_ptr_array_index (essays, 0))->response, ==,
                   "先道歉，复述问题，再给出补偿方案。");
  g_assert_cmpstr (((ScEssayToGrade *) g_ptr_array_index (essays, 0))->general_feedback, ==,
                   "评分要点：道歉、复述、方案。");

  g_assert_false (sc_store_grade_essay (f->store, f->trainer, attempt->id,
                                        ((ScEssayToGrade *) g_ptr_array_index (essays, 0))->position, 1.5, NULL,
                                        &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_store_grade_essay (f->store, f->trainer, attempt->id,
                                       ((ScEssayToGrade *) g_ptr_array_index (essays, 0))->position, 0.5,
                                       "方案不够具体", &error));
  g_assert_no_error (error);

  /* 5 right and half an essay out of 6 */
  graded = sc_store_get_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_true (graded->graded);
  g_assert_cmpfloat_with_epsilon (graded->score, 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (graded->max_score, 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (graded->percent, 91.67, 1e-9);
  g_assert_true (graded->passed);
  g_assert_cmpstr (graded->feedback, ==, "优秀");

  review = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  g_assert_cmpfloat (find_question (review, "e-matching")->fraction, ==, 1);
  g_assert_cmpstr (find_question (review, "a-single")->feedback, ==, "对：先处理情绪");
  g_assert_cmpstr (find_question (review, "b-truefalse")->feedback, ==, "是的");
  g_assert_cmpstr (find_question (review, "f-essay")->grader_comment, ==, "方案不够具体");

  breakdown = sc_store_get_attempt_breakdown (f->store, f->agent, attempt->id, &error);
  g_assert_cmpuint (breakdown->len, ==, 1);
  part = g_ptr_array_index (breakdown, 0);
  g_assert_cmpstr (part->category, ==, "投诉处理");
  g_assert_cmpfloat_with_epsilon (part->mark, 5.5, 1e-9);
  g_assert_cmpuint (part->n_questions, ==, 6);

  /* The pass certified the skill at the exam's level for twelve months */
  certifications = sc_store_get_certifications (f->store, f->agent, f->agent_id, &error);
  g_assert_cmpuint (certifications->len, ==, 1);
  certification = g_ptr_array_index (certifications, 0);
  g_assert_cmpint (certification->skill_id, ==, f->skill);
  g_assert_cmpint (certification->level, ==, SC_LEVEL_INTERMEDIATE);
  g_assert_cmpstr (certification->issued, ==, "2026-12-01");
  g_assert_cmpstr (certification->expires, ==, "2027-11-30");
  g_assert_cmpint (certification->attempt_id, ==, attempt->id);
  g_assert_cmpint (certification->state, ==, SC_CERTIFICATION_VALID);
  g_assert_cmpuint (strlen (certification->code), ==, 14);
}

static void
test_wrong_answers_score_zero (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = NULL;
  g_autoptr(ScExamAttempt) submitted = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(ScExam) exam = sc_store_get_exam (f->store, f->trainer, f->exam, NULL);

  /* Without the essay, nothing waits for a trainer */
  g_array_set_size (exam->rules, 0);
  sc_exam_add_category_rule (exam, f->category, 5, 0);
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));

  attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  for (guint i = 0; i < questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (questions, i);
      const char *wrong = question->type == SC_QUESTION_TYPE_TRUEFALSE ? "false"
                          : question->type == SC_QUESTION_TYPE_NUMERICAL ? "81"
                          : question->type == SC_QUESTION_TYPE_SHORTANSWER ? "5W1H"
                          : question->type == SC_QUESTION_TYPE_ESSAY ? "" : NULL;

      if (question->type == SC_QUESTION_TYPE_MULTICHOICE)
        wrong = "1";
      else if (question->type == SC_QUESTION_TYPE_MATCHING)
        wrong = "-1,-1,-1";
      if (wrong != NULL)
        answer (f, f->agent, attempt->id, questions, question->name, wrong);
    }
  submitted = sc_store_submit_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (submitted->n_questions, ==, 5);
  g_assert_true (submitted->graded);
  g_assert_false (submitted->passed);
  g_assert_cmpfloat (submitted->score, ==, 0);
  g_assert_cmpstr (submitted->feedback, ==, "请继续练习");
  certifications = sc_store_get_certifications (f->store, f->agent, f->agent_id, &error);
  g_assert_cmpuint (certifications->len, ==, 0);
}

/* The child: start an attempt, answer two questions, say so, wait to be
 * killed */
static void
child_takes_exam (Fixture *f,
                  int      ready_fd)
{
  g_autoptr(ScStore) store = sc_store_open (f->path, NULL);
  g_autoptr(ScExamAttempt) attempt = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  ScAttemptQuestion *single;
  g_autofree char *choice = NULL;
  char message[64];

  if (store == NULL)
    _exit (2);
  store->clock = fake_clock;
  attempt = sc_store_start_attempt (store, f->agent, f->exam, f->agent_id, NULL);
  if (attempt == NULL)
    _exit (3);
  questions = sc_store_get_attempt_questions (store, f->agent, attempt->id, NULL);
  single = find_question (questions, "a-single");
  choice = g_strdup_printf ("%d", bank_position (single, "先道歉并倾听"));
  if (!sc_store_save_answer (store, f->agent, attempt->id, single->position, choice, NULL) ||
      !sc_store_save_answer (store, f->agent, attempt->id, find_question (questions, "c-shortanswer")->position,
                             "5W2H", NULL) ||
      !sc_store_set_answer_flagged (store, f->agent, attempt->id, single->position, TRUE, NULL))
    _exit (4);

  g_snprintf (message, sizeof message, "%lld\n", (long long) attempt->id);
  if (write (ready_fd, message, strlen (message)) < 0)
    _exit (5);
  for (;;)
    pause ();
}

static void
test_resume_after_kill (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) resumed = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(ScStore) store = NULL;
  ScAttemptQuestion *single;
  char buffer[64] = { 0 };
  gint64 attempt_id;
  int fds[2];
  int status;
  pid_t pid;
  gssize got;

  /* Nothing of the parent's connection crosses the fork */
  g_clear_object (&f->store);
  g_assert_cmpint (pipe (fds), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_takes_exam (f, fds[1]);
    }

  close (fds[1]);
  got = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  if (got <= 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_error ("the child stopped before answering (status %d)", status);
    }

  /* Mid-attempt, the process dies without a chance to clean up */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  attempt_id = g_ascii_strtoll (buffer, NULL, 10);
  g_assert_cmpint (attempt_id, >, 0);

  /* Seven minutes later the agent signs in again on a new process */
  fake_now = T0 + 7 * 60;
  store = sc_store_open (f->path, &error);
  g_assert_no_error (error);
  store->clock = fake_clock;

  resumed = sc_store_get_open_attempt (store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resumed);
  g_assert_cmpint (resumed->id, ==, attempt_id);
  g_assert_cmpint (resumed->state, ==, SC_ATTEMPT_IN_PROGRESS);
  /* The time that really remains: deadline − now, not a fresh 30 minutes */
  g_assert_cmpstr (resumed->deadline, ==, "2026-12-01T08:30:00Z");
  g_assert_cmpint (resumed->seconds_left, ==, 23 * 60);
  g_assert_cmpuint (resumed->n_answered, ==, 2);

  questions = sc_store_get_attempt_questions (store, f->agent, attempt_id, &error);
  g_assert_no_error (error);
  single = find_question (questions, "a-single");
  g_assert_cmpint (g_ascii_strtoll (single->response, NULL, 10), ==, bank_position (single, "先道歉并倾听"));
  g_assert_cmpstr (single->saved, ==, "2026-12-01T08:00:00Z");
  g_assert_true (single->flagged);
  g_assert_cmpstr (find_question (questions, "c-shortanswer")->response, ==, "5W2H");
  g_assert_null (find_question (questions, "b-truefalse")->response);

  /* And goes on answering */
  g_assert_true (sc_store_save_answer (store, f->agent, attempt_id, find_question (questions, "b-truefalse")->position,
                                       "true", &error));
  g_assert_no_error (error);
}

static void
test_deadline_autosubmit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_autoptr(ScExamAttempt) other = sc_store_start_attempt (f->store, f->other, f->exam, f->other_id, &error);
  g_autoptr(ScExamAttempt) after = NULL;
  g_autoptr(ScExamAttempt) other_after = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  g_assert_no_error (error);
  questions = sc_store_get_attempt_questions (f->store, f->agent, attempt->id, &error);
  answer (f, f->agent, attempt->id, questions, "b-truefalse", "true");
  answer (f, f->agent, attempt->id, questions, "d-numerical", "80");

  /* One second before the deadline answers still save */
  fake_now = T0 + 30 * 60 - 1;
  answer (f, f->agent, attempt->id, questions, "c-shortanswer", "5W2H");

  /* At the deadline the attempt is submitted with what was saved */
  fake_now = T0 + 30 * 60 + 5;
  g_assert_false (sc_store_save_answer (f->store, f->agent, attempt->id,
                                        find_question (questions, "a-single")->position, "0", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = sc_store_get_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_true (after->auto_submitted);
  g_assert_cmpstr (after->submitted, ==, "2026-12-01T08:30:00Z");
  g_assert_cmpint (after->seconds_left, ==, 0);
  /* Three right of six; the essay was left blank, so nothing waits */
  g_assert_true (after->graded);
  g_assert_cmpfloat_with_epsilon (after->score, 3, 1e-9);
  g_assert_false (after->passed);

  /* Nobody signed in for the other one: the application's sweep submits it */
  fake_now = T0 + 3600;
  g_assert_cmpuint (sc_store_close_overdue_attempts (f->store, &error), ==, 1);
  g_assert_no_error (error);
  other_after = sc_store_get_attempt (f->store, f->other, other->id, &error);
  g_assert_cmpint (other_after->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_true (other_after->auto_submitted);
  g_assert_cmpuint (sc_store_close_overdue_attempts (f->store, &error), ==, 0);
}

static void
test_grace_period (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExam) exam = sc_store_get_exam (f->store, f->trainer, f->exam, NULL);
  g_autoptr(ScExamAttempt) attempt = NULL;
  g_autoptr(ScExamAttempt) late = NULL;
  g_autoptr(ScExamAttempt) submitted = NULL;
  g_autoptr(ScExamAttempt) abandoned = NULL;

  exam->overdue = SC_EXAM_OVERDUE_GRACE;
  exam->grace_minutes = 10;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));

  attempt = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  late = sc_store_start_attempt (f->store, f->other, f->exam, f->other_id, &error);
  g_assert_no_error (error);

  /* In the grace period: no more answers, but submitting is fine */
  fake_now = T0 + 35 * 60;
  g_assert_false (sc_store_save_answer (f->store, f->agent, attempt->id, 0, "true", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  submitted = sc_store_submit_attempt (f->store, f->agent, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (submitted->state, ==, SC_ATTEMPT_SUBMITTED);
  g_assert_false (submitted->auto_submitted);

  /* After it the attempt no longer counts */
  fake_now = T0 + 41 * 60;
  g_assert_null (sc_store_submit_attempt (f->store, f->other, late->id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  abandoned = sc_store_get_attempt (f->store, f->other, late->id, &error);
  g_assert_cmpint (abandoned->state, ==, SC_ATTEMPT_ABANDONED);
}

static void
test_attempts_and_cooldown (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExam) exam = sc_store_get_exam (f->store, f->trainer, f->exam, NULL);
  g_autoptr(ScExamAttempt) first = NULL;
  g_autoptr(ScExamAttempt) done = NULL;
  g_autoptr(ScExamAttempt) second = NULL;
  g_autoptr(ScExamAttempt) done2 = NULL;
  g_autoptr(ScExamAttempt) counted = NULL;
  g_autoptr(GPtrArray) first_questions = NULL;
  g_autofree char *next = NULL;

  exam->attempts_allowed = 2;
  exam->cooldown_hours = 24;
  exam->grading_method = SC_EXAM_GRADING_HIGHEST;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  g_assert_true (sc_store_set_exam_extra_time (f->store, f->trainer, f->exam, f->agent_id, 15, &error));
  g_assert_false (sc_store_set_exam_extra_time (f->store, f->agent, f->exam, f->agent_id, 60, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  first = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  /* Thirty minutes and fifteen extra */
  g_assert_cmpstr (first->deadline, ==, "2026-12-01T08:45:00Z");
  answer_all_right (f, f->agent, first->id);
  fake_now = T0 + 10 * 60;
  done = sc_store_submit_attempt (f->store, f->agent, first->id, &error);
  g_assert_no_error (error);

  fake_now = T0 + 3600;
  g_assert_false (sc_store_can_start_attempt (f->store, f->agent, f->exam, f->agent_id, &next, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_cmpstr (next, ==, "2026-12-02T08:10:00Z");
  g_clear_error (&error);
  g_assert_null (sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  fake_now = T0 + 24 * 3600 + 10 * 60;
  g_assert_true (sc_store_can_start_attempt (f->store, f->agent, f->exam, f->agent_id, NULL, &error));
  second = sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->number, ==, 2);
  done2 = sc_store_submit_attempt (f->store, f->agent, second->id, &error);
  g_assert_no_error (error);
  g_assert_true (done2->graded);

  /* Two allowed, two used */
  fake_now += 48 * 3600;
  g_assert_null (sc_store_start_attempt (f->store, f->agent, f->exam, f->agent_id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The first one's essay is graded: highest is the first, last the second */
  first_questions = sc_store_get_attempt_questions (f->store, f->trainer, first->id, &error);
  g_assert_true (sc_store_grade_essay (f->store, f->trainer, first->id,
                                       find_question (first_questions, "f-essay")->position, 1, NULL, &error));
  counted = sc_store_get_exam_result (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counted->id, ==, first->id);
  g_clear_pointer (&counted, sc_exam_attempt_free);
  exam->grading_method = SC_EXAM_GRADING_LAST;
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));
  counted = sc_store_get_exam_result (f->store, f->agent, f->exam, f->agent_id, &error);
  g_assert_cmpint (counted->id, ==, second->id);
}

static ScCertification *
issue (Fixture    *f,
       gint64      person,
       ScLevel     level,
       const char *issued)
{
  g_autoptr(GError) error = NULL;
  ScCertification *certification = sc_store_issue_certification (f->store, f->trainer, person, f->skill, level,
                                                                  issued, 12, &error);

  g_assert_no_error (error);
  return certification;
}

static void
test_certification_states (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* Today is 2026-12-01 */
  g_autoptr(ScCertification) valid = issue (f, f->agent_id, SC_LEVEL_SENIOR, "2026-06-01");
  g_autoptr(ScCertification) soon = issue (f, f->other_id, SC_LEVEL_INTERMEDIATE, "2026-01-01");
  g_autoptr(ScCertification) expired = issue (f, f->other_id, SC_LEVEL_SENIOR, "2025-11-01");
  gint64 boss_id = sc_session_get_person_id (f->boss);
  g_autoptr(ScCertification) revoked = issue (f, boss_id, SC_LEVEL_JUNIOR, "2026-10-01");
  g_autoptr(ScCertification) verified = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) people = NULL;
  g_autofree char *sloppy = NULL;
  int left;

  g_assert_cmpstr (valid->expires, ==, "2027-05-31");
  g_assert_cmpint (valid->state, ==, SC_CERTIFICATION_VALID);
  g_assert_cmpstr (soon->expires, ==, "2026-12-31");
  g_assert_cmpint (soon->state, ==, SC_CERTIFICATION_EXPIRING_SOON);
  g_assert_cmpint (soon->days_left, ==, 30);
  g_assert_cmpint (expired->state, ==, SC_CERTIFICATION_EXPIRED);
  g_assert_true (sc_store_revoke_certification (f->store, f->trainer, revoked->id, "考试作弊", &error));
  g_assert_false (sc_store_revoke_certification (f->store, f->trainer, revoked->id, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The day it expires it is still valid; the day after, not */
  g_assert_cmpint (sc_certification_state_on ("2026-12-31", FALSE, "2026-12-31", &left), ==,
                   SC_CERTIFICATION_EXPIRING_SOON);
  g_assert_cmpint (left, ==, 0);
  g_assert_cmpint (sc_certification_state_on ("2026-12-31", FALSE, "2027-01-01", &left), ==,
                   SC_CERTIFICATION_EXPIRED);
  g_assert_cmpint (left, ==, -1);
  g_assert_cmpint (sc_certification_state_on ("2027-01-01", FALSE, "2026-12-01", NULL), ==,
                   SC_CERTIFICATION_VALID);

  all = sc_store_get_certifications (f->store, f->trainer, 0, &error);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      ScCertification *c = g_ptr_array_index (all, i);

      if (c->id == revoked->id)
        {
          g_assert_cmpint (c->state, ==, SC_CERTIFICATION_REVOKED);
          g_assert_cmpstr (c->revoked_reason, ==, "考试作弊");
        }
    }

  /* Agents see their own */
  g_assert_null (sc_store_get_certifications (f->store, f->agent, f->other_id, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* The trainers' reminder list */
  expiring = sc_store_get_expiring_certifications (f->store, f->trainer, SC_CERTIFICATION_EXPIRING_DAYS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, ==, 1);
  g_assert_cmpint (((ScCertification *) g_ptr_array_index (expiring, 0))->id, ==, soon->id);

  /* Verification, with the code typed loosely */
  sloppy = g_ascii_strdown (valid->code, -1);
  g_strdelimit (sloppy, "-", ' ');
  verified = sc_store_verify_certification (f->store, f->trainer, sloppy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (verified->id, ==, valid->id);
  g_assert_cmpstr (verified->person_name, ==, "王芳");
  g_assert_null (sc_store_verify_certification (f->store, f->trainer, "0000-0000-0000", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* For the roster: valid at the level today */
  people = sc_store_get_certified_people (f->store, f->skill, SC_LEVEL_INTERMEDIATE, NULL, &error);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, f->agent_id);
  g_assert_cmpint (g_array_index (people, gint64, 1), ==, f->other_id);
  g_clear_pointer (&people, g_array_unref);
  people = sc_store_get_certified_people (f->store, f->skill, SC_LEVEL_SENIOR, NULL, &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_clear_pointer (&people, g_array_unref);
  /* In a month the intermediate one has expired */
  people = sc_store_get_certified_people (f->store, f->skill, SC_LEVEL_INTERMEDIATE, "2027-01-01", &error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (g_array_index (people, gint64, 0), ==, f->agent_id);
  g_clear_pointer (&people, g_array_unref);
  /* A revoked one never counts */
  people = sc_store_get_certified_people (f->store, f->skill, SC_LEVEL_JUNIOR, NULL, &error);
  g_assert_cmpuint (people->len, ==, 2);
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpint (g_array_index (people, gint64, i), !=, boss_id);
}

/* The published KR-20 example of test-item-analysis.c, taken through the
 * store: ten people answer ten true/false questions as the ten students
 * did (Wuensch, “The Kuder-Richardson 20”, East Carolina University) */
static const int wuensch[10][10] = {
  { 1, 1, 1, 1, 1, 1, 0, 1, 1, 0 },
  { 1, 0, 1, 1, 0, 1, 1, 1, 0, 1 },
  { 1, 1, 1, 1, 0, 1, 1, 0, 0, 1 },
  { 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 1, 0, 0, 1, 0 },
  { 1, 1, 1, 0, 1, 1, 1, 1, 1, 1 },
  { 1, 1, 0, 1, 1, 1, 0, 1, 1, 1 },
  { 1, 1, 1, 1, 1, 1, 1, 1, 0, 1 },
  { 0, 1, 0, 1, 1, 1, 1, 1, 0, 1 },
  { 1, 1, 0, 1, 1, 0, 1, 1, 1, 0 },
};

static char *
answer_like_student (const ScQuestion *question,
                     GArray           *choice_order,
                     gpointer          user_data)
{
  const int *row = user_data;
  int item = atoi (question->name + strlen ("KR "));

  return g_strdup (row[item] == 1 ? "true" : "false");
}

static void
test_item_analysis (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExam) exam = sc_exam_new ("KR-20");
  g_autoptr(ScItemAnalysis) analysis = NULL;
  g_autoptr(GArray) items = NULL;
  gint64 category = sc_store_ensure_question_category (f->store, f->boss, "KR20", &error);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(ScQuestion) question = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);
      g_autofree char *name = g_strdup_printf ("KR %u", i);

      sc_question_set_string (&question->name, name);
      sc_question_set_string (&question->text, name);
      sc_question_set_string (&question->category, "KR20");
      question->correct = TRUE;
      g_assert_true (sc_store_add_question (f->store, f->boss, question, &error));
    }
  sc_exam_add_category_rule (exam, category, 10, 0);
  g_assert_true (sc_store_save_exam (f->store, f->trainer, exam, &error));

  for (guint s = 0; s < 10; s++)
    {
      g_autofree char *name = g_strdup_printf ("Student %c", 'A' + s);
      g_autofree char *number = g_strdup_printf ("K%03u", s);
      g_autoptr(ScPerson) person = sc_test_person (name, number);

      g_assert_true (sc_store_add_person (f->store, f->boss, person, &error));
      g_assert_cmpint (sc_store_record_attempt (f->store, f->trainer, exam->id, sc_person_get_id (person),
                                                "2026-11-20T09:00:00Z", 20, answer_like_student,
                                                (gpointer) wuensch[s], &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_null (sc_store_get_exam_item_analysis (f->store, f->agent, exam->id, &items, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  analysis = sc_store_get_exam_item_analysis (f->store, f->trainer, exam->id, &items, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (analysis->n_attempts, ==, 10);
  g_assert_cmpuint (analysis->n_items, ==, 10);
  g_assert_cmpuint (items->len, ==, 10);
  /* The page's figures: variance of the totals 5.84, KR-20 0.6963 */
  g_assert_cmpfloat_with_epsilon (analysis->variance, 5.84, 1e-9);
  g_assert_cmpfloat_with_epsilon (analysis->alpha, 10.0 / 9.0 * (1 - 2.18 / 5.84), 1e-9);
}

static void
test_demo_history (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(GPtrArray) essays = NULL;
  g_autoptr(GPtrArray) expiring = NULL;
  guint states[4] = { 0, };
  gboolean some_alpha = FALSE;

  /* A Wednesday; the sample roster starts the Monday after */
  fake_now = T0 + 86400;
  store->clock = fake_clock;
  g_assert_true (sc_demo_populate_from (store, sc_test_session (), "2026-12-07", NULL, &error));
  g_assert_no_error (error);

  exams = sc_store_get_exams (store, sc_test_session (), &error);
  g_assert_cmpuint (exams->len, ==, 3);
  for (guint i = 0; i < exams->len; i++)
    {
      ScExam *exam = g_ptr_array_index (exams, i);
      g_autoptr(GArray) items = NULL;
      g_autoptr(ScItemAnalysis) analysis =
        sc_store_get_exam_item_analysis (store, sc_test_session (), exam->id, &items, &error);

      g_assert_no_error (error);
      g_assert_cmpint (exam->skill_id, >, 0);
      g_assert_cmpuint (analysis->n_attempts, >=, 5);
      some_alpha |= !isnan (analysis->alpha);
    }
  g_assert_true (some_alpha);

  certifications = sc_store_get_certifications (store, sc_test_session (), 0, &error);
  for (guint i = 0; i < certifications->len; i++)
    states[((ScCertification *) g_ptr_array_index (certifications, i))->state]++;
  g_assert_cmpuint (states[SC_CERTIFICATION_VALID], >=, 5);
  g_assert_cmpuint (states[SC_CERTIFICATION_EXPIRING_SOON], ==, 1);
  g_assert_cmpuint (states[SC_CERTIFICATION_EXPIRED], ==, 1);

  expiring = sc_store_get_expiring_certifications (store, sc_test_session (), SC_CERTIFICATION_EXPIRING_DAYS, &error);
  g_assert_cmpuint (expiring->len, ==, 1);

  /* One essay is left for the trainers */
  essays = sc_store_get_essays_to_grade (store, sc_test_session (), &error);
  g_assert_cmpuint (essays->len, ==, 1);
}

/* The command line prints the same analysis as the store gives */
static void
test_exam_stats_command (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GSubprocess) process = NULL;
  const char *binary = g_getenv ("SHIFTCRAFT_BINARY");

  if (binary == NULL)
    {
      g_test_skip ("SHIFTCRAFT_BINARY is not set");
      return;
    }

  test_item_analysis (f, data);
  id = g_strdup_printf ("%lld", (long long) f->exam + 1);
  g_clear_object (&f->store);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              binary, "exam-stats", id, "--database", f->path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_nonnull (strstr (out, "KR-20\n"));
  g_assert_nonnull (strstr (out, "KR 0\t10\t70.0 %"));
  g_assert_nonnull (strstr (out, "0.696"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add ("/core/exams/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("frozen-draw", test_frozen_draw);
  ADD ("agent-gets-no-keys", test_agent_gets_no_keys);
  ADD ("grading-and-certification", test_grading_and_certification);
  ADD ("wrong-answers-score-zero", test_wrong_answers_score_zero);
  ADD ("resume-after-kill", test_resume_after_kill);
  ADD ("deadline-autosubmit", test_deadline_autosubmit);
  ADD ("grace-period", test_grace_period);
  ADD ("attempts-and-cooldown", test_attempts_and_cooldown);
  ADD ("certification-states", test_certification_states);
  ADD ("item-analysis", test_item_analysis);
  ADD ("exam-stats-command", test_exam_stats_command);
#undef ADD
  g_test_add_func ("/core/exams/demo-history", test_demo_history);

  return g_test_run ();
}
