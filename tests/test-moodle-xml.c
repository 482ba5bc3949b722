/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-moodle-xml.h"
#include "sc-question-import.h"
#include "sc-test-util.h"

static ScQuestionImport *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScQuestionImport *import;

  import = sc_question_import_read_file (file, FALSE, SC_QUESTION_FORMAT_GIFT, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *problem = sc_question_import_format_problem (import, i);
      g_test_message ("%s", problem);
    }
  return import;
}

static ScQuestion *
question (ScQuestionImport *import,
          guint             index)
{
  g_assert_cmpuint (index, <, import->questions->len);
  return g_ptr_array_index (import->questions, index);
}

static ScQuestionAnswer *
answer (ScQuestion *q,
        guint       index)
{
  g_assert_cmpuint (index, <, q->answers->len);
  return g_ptr_array_index (q->answers, index);
}

/* Names are cleaned as Moodle cleans them, and a question without one is
 * named after the start of its text */
static void
test_names (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
    "<question type=\"essay\"><name><text><![CDATA[Question with <strong>tags</strong> : "
    "x > 1 & x < 2]]></text></name>\n"
    "<questiontext format=\"html\"><text>Q</text></questiontext></question>\n"
    "<question type=\"essay\"><name><text>  </text></name>\n"
    "<questiontext format=\"html\"><text><![CDATA[<p>Describe the call</p>]]></text></questiontext>"
    "</question>\n</quiz>\n";
  g_autoptr(ScQuestionImport) import =
    sc_question_import_parse (SC_QUESTION_FORMAT_MOODLE_XML, "names.xml", xml, -1, NULL);

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpstr (question (import, 0)->name, ==, "Question with tags : x > 1 & x < 2");
  g_assert_cmpstr (question (import, 1)->name, ==, "Describe the call");

  /* Format names Moodle does not know are HTML to it */
  {
    static const char formats[] =
      "<quiz><question type=\"essay\"><name><text>a</text></name>"
      "<questiontext format=\"moodle\"><text>Q</text></questiontext></question>"
      "<question type=\"essay\"><name><text>b</text></name>"
      "<questiontext format=\" plain_text \"><text>Q</text></questiontext></question></quiz>";
    g_autoptr(ScQuestionImport) other =
      sc_question_import_parse (SC_QUESTION_FORMAT_MOODLE_XML, "formats.xml", formats, -1, NULL);

    g_assert_cmpstr (question (other, 0)->text_format, ==, "html");
    g_assert_cmpstr (question (other, 1)->text_format, ==, "plain");
  }
}

/* True/false as Moodle's import_truefalse() reads it: in an old file the
 * first answer is “true” whatever its text, and a “false” worth 100 % makes
 * false the right answer */
static void
test_truefalse (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
    "<question type=\"truefalse\"><name><text>Old</text></name>\n"
    "<questiontext><text>Q</text></questiontext>\n"
    "<answer fraction=\"0\"><text>Yes</text><feedback><text>y</text></feedback></answer>\n"
    "<answer fraction=\"100\"><text>No</text><feedback><text>n</text></feedback></answer>\n"
    "</question>\n"
    "<question type=\"truefalse\"><name><text>New</text></name>\n"
    "<questiontext><text>Q</text></questiontext>\n"
    "<answer fraction=\"0\"><text>false</text><feedback><text>f</text></feedback></answer>\n"
    "<answer fraction=\"100\"><text>true</text><feedback><text>t</text></feedback></answer>\n"
    "</question>\n</quiz>\n";
  g_autoptr(ScQuestionImport) import =
    sc_question_import_parse (SC_QUESTION_FORMAT_MOODLE_XML, "tf.xml", xml, -1, NULL);
  ScQuestion *old_style;
  ScQuestion *new_style;

  g_assert_cmpuint (import->problems->len, ==, 0);
  old_style = question (import, 0);
  new_style = question (import, 1);
  g_assert_false (old_style->correct);
  g_assert_cmpstr (old_style->feedback_true, ==, "y");
  g_assert_cmpstr (old_style->feedback_false, ==, "n");
  g_assert_true (new_style->correct);
  g_assert_cmpstr (new_style->feedback_true, ==, "t");
  g_assert_cmpstr (new_style->feedback_false, ==, "f");
}

static void
test_every_type (void)
{
  g_autoptr(ScQuestionImport) import = read_fixture ("moodle-good.xml");
  ScQuestion *q;
  const ScQuestionType types[] = {
    SC_QUESTION_TYPE_MULTICHOICE, SC_QUESTION_TYPE_MULTICHOICE, SC_QUESTION_TYPE_TRUEFALSE,
    SC_QUESTION_TYPE_SHORTANSWER, SC_QUESTION_TYPE_NUMERICAL, SC_QUESTION_TYPE_MATCHING,
    SC_QUESTION_TYPE_ESSAY, SC_QUESTION_TYPE_DESCRIPTION,
  };

  g_assert_cmpuint (import->questions->len, ==, G_N_ELEMENTS (types));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_assert_cmpint (question (import, i)->type, ==, types[i]);

  /* The cloze question is not a type of the bank: reported with its line */
  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_cmpuint (((ScQuestionProblem *) g_ptr_array_index (import->problems, 0))->line, ==, 84);
  g_assert_nonnull (strstr (((ScQuestionProblem *) g_ptr_array_index (import->problems, 0))->reason, "cloze"));

  q = question (import, 0);
  g_assert_cmpstr (q->name, ==, "首问负责");
  g_assert_cmpstr (q->text, ==, "<p>接到投诉时，第一步应该做什么？</p>");
  g_assert_cmpstr (q->text_format, ==, "html");
  g_assert_cmpstr (q->general_feedback, ==, "先听完再处理。");
  g_assert_cmpstr (q->idnumber, ==, "CMP-X1");
  g_assert_cmpstr (q->category, ==, "$course$/top/投诉处理");
  g_assert_true (q->single);
  g_assert_cmpfloat (answer (q, 0)->fraction, ==, 1);
  g_assert_cmpstr (answer (q, 0)->text, ==, "耐心倾听");
  g_assert_cmpstr (answer (q, 0)->feedback, ==, "正确。");
  g_assert_cmpuint (q->tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (q->tags, 1), ==, "入门");
  g_assert_cmpint (q->line, ==, 10);

  q = question (import, 1);
  g_assert_false (q->single);
  g_assert_cmpfloat (answer (q, 2)->fraction, ==, -1);
  /* Moodle XML's names of the text formats */
  g_assert_cmpstr (q->text_format, ==, "moodle");
  g_assert_cmpstr (question (import, 2)->text_format, ==, "plain");

  q = question (import, 2);
  g_assert_true (q->correct);
  g_assert_cmpstr (q->feedback_true, ==, "Right.");
  g_assert_cmpstr (q->feedback_false, ==, "It is not.");
  g_assert_cmpuint (q->answers->len, ==, 0);

  q = question (import, 3);
  g_assert_true (q->case_sensitive);
  g_assert_cmpfloat (answer (q, 1)->fraction, ==, 0.5);

  q = question (import, 4);
  g_assert_cmpstr (q->category, ==, "$course$/top/产品知识/账单");
  g_assert_cmpstr (answer (q, 1)->text, ==, "60");
  g_assert_cmpfloat (answer (q, 1)->tolerance, ==, 5);

  q = question (import, 5);
  g_assert_cmpuint (q->pairs->len, ==, 3);
  g_assert_cmpstr (((ScQuestionPair *) g_ptr_array_index (q->pairs, 1))->answer, ==, "首次解决率");
  g_assert_cmpstr (((ScQuestionPair *) g_ptr_array_index (q->pairs, 2))->question, ==, "");

  q = question (import, 7);
  g_assert_cmpstr (q->text_format, ==, "markdown");
}

static void
test_malformed (void)
{
  g_autoptr(ScQuestionImport) import = read_fixture ("moodle-bad.xml");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (import->problems->len, ==, 2);
  first = sc_question_import_format_problem (import, 0);
  second = sc_question_import_format_problem (import, 1);
  g_assert_nonnull (strstr (first, "moodle-bad.xml:12: "));
  g_assert_nonnull (strstr (first, "lots"));
  g_assert_nonnull (strstr (second, "moodle-bad.xml:17: "));
  g_assert_cmpuint (import->questions->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/moodle-xml/every-type", test_every_type);
  g_test_add_func ("/formats/moodle-xml/names", test_names);
  g_test_add_func ("/formats/moodle-xml/truefalse", test_truefalse);
  g_test_add_func ("/formats/moodle-xml/malformed", test_malformed);

  return g_test_run ();
}
