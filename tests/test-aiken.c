/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-aiken.h"
#include "sc-question-import.h"
#include "sc-test-util.h"

static ScQuestionImport *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScQuestionImport *import;

  /* .txt: the format is told from the contents */
  import = sc_question_import_read_file (file, FALSE, SC_QUESTION_FORMAT_GIFT, "Aiken", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *problem = sc_question_import_format_problem (import, i);
      g_test_message ("%s", problem);
    }
  return import;
}

static double
fraction (ScQuestion *question,
          guint       index)
{
  return ((ScQuestionAnswer *) g_ptr_array_index (question->answers, index))->fraction;
}

static const char *
choice (ScQuestion *question,
        guint       index)
{
  return ((ScQuestionAnswer *) g_ptr_array_index (question->answers, index))->text;
}

static void
test_good (void)
{
  g_autoptr(ScQuestionImport) import = read_fixture ("aiken-good.txt");
  ScQuestion *first, *second, *third;

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->questions->len, ==, 3);

  first = g_ptr_array_index (import->questions, 0);
  g_assert_cmpint (first->type, ==, SC_QUESTION_TYPE_MULTICHOICE);
  g_assert_true (first->single);
  g_assert_cmpstr (first->text, ==, "客户情绪激动时，应该先处理什么？");
  g_assert_cmpstr (first->name, ==, first->text);
  g_assert_cmpstr (first->text_format, ==, "html");
  g_assert_cmpstr (first->category, ==, "Aiken");
  g_assert_cmpuint (first->answers->len, ==, 3);
  g_assert_cmpstr (choice (first, 2), ==, "自己的工作量");
  g_assert_cmpfloat (fraction (first, 0), ==, 1);
  g_assert_cmpfloat (fraction (first, 1), ==, 0);
  g_assert_cmpint (first->line, ==, 1);

  /* Texts are HTML: <, > and & are escaped */
  second = g_ptr_array_index (import->questions, 1);
  g_assert_cmpstr (second->text, ==, "Which tag is &lt; and &gt; in HTML &amp; XML?");
  /* The name comes from the text as written */
  g_assert_cmpstr (second->name, ==, "Which tag is < and > in HTML & XML?");
  g_assert_cmpint (second->line, ==, 7);

  /* The letters are not checked; “ANSWER: D” is the fourth choice */
  third = g_ptr_array_index (import->questions, 2);
  g_assert_cmpuint (third->answers->len, ==, 4);
  g_assert_cmpstr (choice (third, 1), ==, "no");
  g_assert_cmpfloat (fraction (third, 3), ==, 1);
  g_assert_cmpfloat (fraction (third, 0), ==, 0);
}

static void
test_bad (void)
{
  g_autoptr(ScQuestionImport) import = read_fixture ("aiken-bad.txt");
  /* Moodle reads one line of text per question: the second line starts
   * another question, and the first is told unfinished on that line */
  const guint lines[] = { 8, 13, 16, 21 };

  g_assert_cmpuint (import->questions->len, ==, 2);
  g_assert_cmpuint (import->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *message = sc_question_import_format_problem (import, i);
      g_autofree char *where = g_strdup_printf ("aiken-bad.txt:%u: ", lines[i]);

      g_assert_nonnull (strstr (message, where));
    }

  {
    g_autofree char *message = sc_question_import_format_problem (import, 2);
    g_assert_nonnull (strstr (message, "line 15"));
  }
}

static void
test_guess (void)
{
  const char gift[] = "::Q::Is it GIFT?{T}";
  const char aiken[] = "Is it Aiken?\nA. yes\nB. no\nANSWER: A\n";
  ScQuestionFormat format;

  g_assert_true (sc_question_format_guess ("bank.txt", aiken, strlen (aiken), &format));
  g_assert_cmpint (format, ==, SC_QUESTION_FORMAT_AIKEN);
  g_assert_true (sc_question_format_guess ("bank.txt", gift, strlen (gift), &format));
  g_assert_cmpint (format, ==, SC_QUESTION_FORMAT_GIFT);
  g_assert_true (sc_question_format_guess ("BANK.GIFT", aiken, strlen (aiken), &format));
  g_assert_cmpint (format, ==, SC_QUESTION_FORMAT_GIFT);
  g_assert_true (sc_question_format_guess ("quiz.xml", gift, strlen (gift), &format));
  g_assert_cmpint (format, ==, SC_QUESTION_FORMAT_MOODLE_XML);
  g_assert_false (sc_question_format_guess ("bank.docx", gift, strlen (gift), &format));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/aiken/good", test_good);
  g_test_add_func ("/formats/aiken/bad", test_bad);
  g_test_add_func ("/formats/aiken/guess-format", test_guess);

  return g_test_run ();
}
