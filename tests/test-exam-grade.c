/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-exam-grade.h"

static double
grade (ScQuestion *question,
       const char *response)
{
  ScExamGrade g;

  sc_exam_grade_question (question, response, 2.0, &g);
  g_assert_cmpfloat_with_epsilon (g.mark, g.fraction * 2.0, 1e-12);
  g_assert_cmpfloat (g.fraction, >=, 0);
  g_assert_cmpfloat (g.fraction, <=, 1);
  return g.fraction;
}

static void
test_single_choice (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_MULTICHOICE);
  ScExamGrade g;

  q->single = TRUE;
  sc_question_add_answer (q, "先道歉并倾听", 1, "");
  sc_question_add_answer (q, "转给主管", 0.5, "");
  sc_question_add_answer (q, "挂断电话", -1, "");

  g_assert_cmpfloat (grade (q, "0"), ==, 1);
  g_assert_cmpfloat (grade (q, "1"), ==, 0.5);
  /* Negative credit never takes a question below 0 */
  g_assert_cmpfloat (grade (q, "2"), ==, 0);
  g_assert_cmpfloat (grade (q, ""), ==, 0);
  g_assert_cmpfloat (grade (q, NULL), ==, 0);
  /* Two answers to a one-answer question, or a choice that is not there */
  g_assert_cmpfloat (grade (q, "0,1"), ==, 0);
  g_assert_cmpfloat (grade (q, "7"), ==, 0);

  sc_exam_grade_question (q, "1", 4, &g);
  g_assert_true (g.answered);
  g_assert_cmpint (g.matched, ==, 1);
  g_assert_cmpfloat (g.mark, ==, 2);
  sc_exam_grade_question (q, NULL, 4, &g);
  g_assert_false (g.answered);
}

static void
test_multiple_choice (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_MULTICHOICE);

  q->single = FALSE;
  sc_question_add_answer (q, "What", 0.5, "");
  sc_question_add_answer (q, "Why", 0.5, "");
  sc_question_add_answer (q, "Who cares", -1, "");
  sc_question_add_answer (q, "Whatever", -0.5, "");

  g_assert_cmpfloat (grade (q, "0,1"), ==, 1);
  g_assert_cmpfloat (grade (q, "1"), ==, 0.5);
  g_assert_cmpfloat (grade (q, "0,1,3"), ==, 0.5);
  /* Partial credit with a wrong choice, and below 0 kept at 0 */
  g_assert_cmpfloat (grade (q, "0,2"), ==, 0);
  g_assert_cmpfloat (grade (q, "2,3"), ==, 0);
  /* The same choice twice counts once */
  g_assert_cmpfloat (grade (q, "0,0"), ==, 0.5);
  /* Order does not matter */
  g_assert_cmpfloat (grade (q, "1,0"), ==, 1);
}

static void
test_true_false (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);

  q->correct = FALSE;
  g_assert_cmpfloat (grade (q, "false"), ==, 1);
  g_assert_cmpfloat (grade (q, "true"), ==, 0);
  g_assert_cmpfloat (grade (q, "maybe"), ==, 0);
  q->correct = TRUE;
  g_assert_cmpfloat (grade (q, "true"), ==, 1);
}

static void
test_short_answer (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_SHORTANSWER);

  sc_question_add_answer (q, "5W2H", 1, "");
  sc_question_add_answer (q, "5W*", 0.5, "");
  sc_question_add_answer (q, "投诉*处理", 0.75, "");
  sc_question_add_answer (q, "*", 0, "");

  g_assert_cmpfloat (grade (q, "5W2H"), ==, 1);
  /* Case-insensitive unless the question says otherwise; spaces trimmed */
  g_assert_cmpfloat (grade (q, "  5w2h "), ==, 1);
  g_assert_cmpfloat (grade (q, "5W1H"), ==, 0.5);
  g_assert_cmpfloat (grade (q, "投诉升级处理"), ==, 0.75);
  g_assert_cmpfloat (grade (q, "nothing"), ==, 0);
  g_assert_cmpfloat (grade (q, "   "), ==, 0);

  q->case_sensitive = TRUE;
  g_assert_cmpfloat (grade (q, "5w2h"), ==, 0);
  g_assert_cmpfloat (grade (q, "5W2H"), ==, 1);

  g_assert_true (sc_exam_shortanswer_matches ("a\\*b", "a*b", TRUE));
  g_assert_false (sc_exam_shortanswer_matches ("a\\*b", "axb", TRUE));
  g_assert_true (sc_exam_shortanswer_matches ("*退款*", "申请退款了", FALSE));
  g_assert_true (sc_exam_shortanswer_matches ("ÉTÉ", "été", FALSE));
}

static void
test_numerical (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_NUMERICAL);
  ScQuestionAnswer *answer;

  /* 80 ± 0: full marks; the range 70..90 written as 80 ± 10: half */
  sc_question_add_answer (q, "80", 1, "");
  answer = sc_question_add_answer (q, "80", 0.5, "");
  answer->tolerance = 10;
  sc_question_add_answer (q, "*", 0, "");

  g_assert_cmpfloat (grade (q, "80"), ==, 1);
  g_assert_cmpfloat (grade (q, "80.0"), ==, 1);
  g_assert_cmpfloat (grade (q, " 75,5 "), ==, 0.5);
  g_assert_cmpfloat (grade (q, "90"), ==, 0.5);
  g_assert_cmpfloat (grade (q, "70"), ==, 0.5);
  g_assert_cmpfloat (grade (q, "90.01"), ==, 0);
  g_assert_cmpfloat (grade (q, "eighty"), ==, 0);
  g_assert_cmpfloat (grade (q, "8e1"), ==, 1);

  {
    double value;

    g_assert_true (sc_exam_parse_number ("-1.5", &value));
    g_assert_cmpfloat (value, ==, -1.5);
    g_assert_false (sc_exam_parse_number ("1,000.5,", &value));
    g_assert_false (sc_exam_parse_number ("", &value));
  }
}

static void
test_matching (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_MATCHING);
  g_autoptr(GPtrArray) answers = NULL;

  sc_question_add_pair (q, "What", "发生了什么");
  sc_question_add_pair (q, "Why", "为什么发生");
  sc_question_add_pair (q, "When", "什么时候");
  sc_question_add_pair (q, "", "谁负责");  /* a distractor */

  answers = sc_exam_matching_answers (q);
  g_assert_cmpuint (answers->len, ==, 4);
  g_assert_cmpuint (sc_exam_matching_rows (q), ==, 3);

  g_assert_cmpfloat (grade (q, "0,1,2"), ==, 1);
  g_assert_cmpfloat_with_epsilon (grade (q, "0,2,1"), 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (grade (q, "0,1,3"), 2.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (grade (q, "0,-1"), 1.0 / 3, 1e-12);
  g_assert_cmpfloat (grade (q, "3,3,3"), ==, 0);
}

static void
test_essay_and_description (void)
{
  g_autoptr(ScQuestion) essay = sc_question_new (SC_QUESTION_TYPE_ESSAY);
  g_autoptr(ScQuestion) description = sc_question_new (SC_QUESTION_TYPE_DESCRIPTION);
  ScExamGrade g;

  sc_exam_grade_question (essay, "先安抚情绪，再用 5W2H 了解问题。", 5, &g);
  g_assert_true (g.needs_grading);
  g_assert_true (g.answered);
  g_assert_cmpfloat (g.mark, ==, 0);
  g_assert_cmpfloat (g.max_mark, ==, 5);

  /* Nothing written: nothing to grade */
  sc_exam_grade_question (essay, "  ", 5, &g);
  g_assert_false (g.needs_grading);

  sc_exam_grade_question (description, NULL, 5, &g);
  g_assert_cmpfloat (g.max_mark, ==, 0);
}

static void
test_breakdown_and_bands (void)
{
  gint64 keys[] = { 7, 9, 7, 0 };
  double marks[] = { 1, 0.5, 0, 2 };
  double max[] = { 1, 1, 1, 2 };
  g_autoptr(GArray) parts = sc_exam_breakdown (keys, marks, max, 4);
  ScExamBand bands[] = {
    { 90, "Excellent" },
    { 0, "Keep practising" },
    { 60, "Passed" },
  };

  g_assert_cmpuint (parts->len, ==, 3);
  g_assert_cmpint (g_array_index (parts, ScExamBreakdown, 0).key, ==, 7);
  g_assert_cmpfloat (g_array_index (parts, ScExamBreakdown, 0).mark, ==, 1);
  g_assert_cmpfloat (g_array_index (parts, ScExamBreakdown, 0).max_mark, ==, 2);
  g_assert_cmpuint (g_array_index (parts, ScExamBreakdown, 0).n_questions, ==, 2);
  g_assert_cmpfloat (g_array_index (parts, ScExamBreakdown, 1).mark, ==, 0.5);
  g_assert_cmpfloat (g_array_index (parts, ScExamBreakdown, 2).max_mark, ==, 2);

  g_assert_cmpstr (sc_exam_band_feedback (bands, 3, 95), ==, "Excellent");
  g_assert_cmpstr (sc_exam_band_feedback (bands, 3, 90), ==, "Excellent");
  g_assert_cmpstr (sc_exam_band_feedback (bands, 3, 75), ==, "Passed");
  g_assert_cmpstr (sc_exam_band_feedback (bands, 3, 10), ==, "Keep practising");
  g_assert_null (sc_exam_band_feedback (bands + 2, 1, 10));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/exam-grade/single-choice", test_single_choice);
  g_test_add_func ("/engine/exam-grade/multiple-choice", test_multiple_choice);
  g_test_add_func ("/engine/exam-grade/true-false", test_true_false);
  g_test_add_func ("/engine/exam-grade/short-answer", test_short_answer);
  g_test_add_func ("/engine/exam-grade/numerical", test_numerical);
  g_test_add_func ("/engine/exam-grade/matching", test_matching);
  g_test_add_func ("/engine/exam-grade/essay-and-description", test_essay_and_description);
  g_test_add_func ("/engine/exam-grade/breakdown-and-bands", test_breakdown_and_bands);

  return g_test_run ();
}
