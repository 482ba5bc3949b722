/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sc-gift.h"
#include "sc-question-import.h"
#include "sc-test-util.h"

/*
 * GIFT as Moodle reads it. Each case is written from the rules of the
 * format; the expected values are what Moodle's importer gives for them.
 */

static ScQuestionImport *
parse (const char *gift)
{
  return sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, "test.gift", gift, strlen (gift), NULL);
}

/* Parses text that holds exactly one question and no problem */
static ScQuestion *
parse_one (const char *gift)
{
  g_autoptr(ScQuestionImport) import = parse (gift);

  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *problem = sc_question_import_format_problem (import, i);
      g_test_message ("unexpected problem: %s", problem);
    }
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->questions->len, ==, 1);
  return sc_question_ref (g_ptr_array_index (import->questions, 0));
}

static ScQuestionAnswer *
answer (ScQuestion *question,
        guint       index)
{
  g_assert_cmpuint (index, <, question->answers->len);
  return g_ptr_array_index (question->answers, index);
}

static ScQuestionPair *
pair (ScQuestion *question,
      guint       index)
{
  g_assert_cmpuint (index, <, question->pairs->len);
  return g_ptr_array_index (question->pairs, index);
}

static void
test_escapes (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("::E\\:1::colon\\: hash\\# equals\\= braces\\{\\} tilde\\~ backslash\\\\ line\\nnext"
               "{=a\\=b#c\\#d =x\\~y}");

  g_assert_cmpstr (q->name, ==, "E:1");
  g_assert_cmpstr (q->text, ==, "colon: hash# equals= braces{} tilde~ backslash\\ line\nnext");
  g_assert_cmpint (q->type, ==, SC_QUESTION_TYPE_SHORTANSWER);
  g_assert_cmpuint (q->answers->len, ==, 2);
  g_assert_cmpstr (answer (q, 0)->text, ==, "a=b");
  g_assert_cmpstr (answer (q, 0)->feedback, ==, "c#d");
  g_assert_cmpstr (answer (q, 1)->text, ==, "x~y");
}

static void
test_escaped_backslash (void)
{
  /* “\\” is one backslash, and it escapes nothing after it */
  g_autoptr(ScQuestion) q = parse_one ("::double backslash:: A \\\\ B \\\\\\\\ C{}");
  g_autoptr(ScQuestion) r = parse_one ("::Open::x \\\\{=y}");

  g_assert_cmpstr (q->text, ==, "A \\ B \\\\ C");
  g_assert_cmpint (q->type, ==, SC_QUESTION_TYPE_ESSAY);
  g_assert_cmpstr (r->text, ==, "x \\");
  g_assert_cmpstr (answer (r, 0)->text, ==, "y");
}

static void
test_comments (void)
{
  g_autoptr(ScQuestionImport) import =
    parse ("// a comment before\n"
           "::Q1:: First line\n"
           "// a comment inside\n"
           "second line, see http://example.com {T}\n"
           "\n"
           "// only comments make no question\n"
           "// at all\n");
  ScQuestion *q;

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->questions->len, ==, 1);
  q = g_ptr_array_index (import->questions, 0);
  /* A comment line inside a question leaves a space line behind */
  g_assert_cmpstr (q->text, ==, "First line\n \nsecond line, see http://example.com");
  g_assert_cmpint (q->line, ==, 2);
}

static void
test_names (void)
{
  g_autoptr(ScQuestion) named = parse_one ("::  The name  ::  The text {}");
  g_autoptr(ScQuestion) unnamed = parse_one ("Who is it?{=me}");
  g_autoptr(ScQuestion) html = parse_one ("::<b>Bold</b> name::[html]Text{}");
  g_autoptr(ScQuestion) unclosed = parse_one ("::No end to the name {T}");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) hanzi = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(ScQuestion) long_words = NULL;
  g_autoptr(ScQuestion) long_hanzi = NULL;

  g_assert_cmpstr (named->name, ==, "The name");
  g_assert_cmpstr (named->text, ==, "The text");
  g_assert_cmpstr (unnamed->name, ==, "Who is it?");
  g_assert_cmpstr (html->name, ==, "Bold name");
  /* Without a closing “::” the opening one is dropped and the text names it */
  g_assert_cmpstr (unclosed->text, ==, "No end to the name");
  g_assert_cmpstr (unclosed->name, ==, "No end to the name");

  /* Long texts give the first words, cut after a space, and “...” */
  for (guint i = 0; i < 20; i++)
    g_string_append (words, "abcd ");
  g_string_append (words, "{}");
  long_words = parse_one (words->str);
  for (guint i = 0; i < 15; i++)
    g_string_append (expected, "abcd ");
  g_string_append (expected, "...");
  g_assert_cmpstr (long_words->name, ==, expected->str);

  /* Chinese text is cut at any character */
  for (guint i = 0; i < 100; i++)
    g_string_append (hanzi, "客");
  g_string_append (hanzi, "{}");
  long_hanzi = parse_one (hanzi->str);
  g_assert_cmpint (g_utf8_strlen (long_hanzi->name, -1), ==, 80);
  g_assert_true (g_str_has_suffix (long_hanzi->name, "客..."));

  /* Names lose their tags as PHP's strip_tags() takes them out */
  {
    g_autoptr(ScQuestion) open_tag = parse_one ("::x<5 then::t{}");
    g_autoptr(ScQuestion) quoted = parse_one ("::a <b title=\"1>2\">bold</b> c::t{}");
    g_autoptr(ScQuestion) comment = parse_one ("::<!-- a -> b -->Plain::t{}");
    g_autoptr(ScQuestion) spaced = parse_one ("::a < b > c::t{}");

    g_assert_cmpstr (open_tag->name, ==, "x");
    g_assert_cmpstr (quoted->name, ==, "a bold c");
    g_assert_cmpstr (comment->name, ==, "Plain");
    g_assert_cmpstr (spaced->name, ==, "a < b > c");
  }

  /* A name longer than 255 characters is shortened at a word, as Moodle's
   * clean_question_name() does */
  {
    g_autoptr(GString) gift = g_string_new ("::");
    g_autoptr(ScQuestion) long_name = NULL;

    for (guint i = 0; i < 60; i++)
      g_string_append_printf (gift, "%sword%02u", i ? " " : "", i);
    g_string_append (gift, "::text{}");
    long_name = parse_one (gift->str);
    g_assert_cmpint (g_utf8_strlen (long_name->name, -1), ==, 248);
    g_assert_true (g_str_has_suffix (long_name->name, " word34 ..."));
  }

  /* An entity counts as one character, as in Moodle's shorten_text() */
  {
    g_autoptr(ScQuestion) amp =
      parse_one ("Fish &amp; chips &amp; peas &lt;3 are what the support team orders on Fridays "
                 "when the queue is long{}");
    g_autoptr(ScQuestion) nbsp =
      parse_one ("[html]<p>Customers&nbsp;who&nbsp;call&nbsp;twice&nbsp;in&nbsp;one&nbsp;day&nbsp;"
                 "should&nbsp;be&nbsp;routed&nbsp;to&nbsp;the&nbsp;same&nbsp;agent&nbsp;always</p>{}");

    g_assert_cmpstr (amp->name, ==,
                     "Fish &amp; chips &amp; peas &lt;3 are what the support team orders on Fridays when the ...");
    g_assert_cmpstr (nbsp->name, ==,
                     "Customers&nbsp;who&nbsp;call&nbsp;twice&nbsp;in&nbsp;one&nbsp;day&nbsp;should&nbsp;"
                     "be&nbsp;routed&nbsp;to&nbsp;the&nbsp;same&nbsp;agent&nbsp;always...");
  }
}

static void
test_formats (void)
{
  g_autoptr(ScQuestion) html = parse_one ("::H::[html]<p>Pick</p>{=[plain]a#[markdown]*b* ~c####gf}");
  g_autoptr(ScQuestion) markdown = parse_one ("[markdown]**Read** this.");
  g_autoptr(ScQuestion) plain = parse_one ("[plain]x{T}");
  g_autoptr(ScQuestion) moodle = parse_one ("[moodle]y{T}");
  g_autoptr(ScQuestion) unknown = parse_one ("[foo]z{T}");
  g_autoptr(ScQuestion) feedback = parse_one ("q{T####[html]<i>general</i>}");

  g_assert_cmpstr (html->text_format, ==, "html");
  g_assert_cmpstr (html->text, ==, "<p>Pick</p>");
  g_assert_cmpstr (answer (html, 0)->text, ==, "a");
  g_assert_cmpstr (answer (html, 0)->feedback, ==, "*b*");
  g_assert_cmpstr (html->general_feedback, ==, "gf");
  g_assert_cmpstr (markdown->text_format, ==, "markdown");
  g_assert_cmpint (markdown->type, ==, SC_QUESTION_TYPE_DESCRIPTION);
  g_assert_cmpstr (markdown->text, ==, "**Read** this.");
  g_assert_cmpstr (plain->text_format, ==, "plain");
  g_assert_cmpstr (moodle->text_format, ==, "moodle");
  g_assert_cmpstr (moodle->text, ==, "y");
  g_assert_cmpstr (unknown->text_format, ==, "moodle");
  g_assert_cmpstr (unknown->text, ==, "[foo]z");
  g_assert_cmpstr (feedback->general_feedback, ==, "<i>general</i>");
}

static void
test_categories (void)
{
  g_autoptr(ScQuestionImport) import =
    sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, "c.gift",
                              "Before{T}\n\n$CATEGORY: $course$/top/A/B\n\nIn B{T}\n\n"
                              "$CATEGORY:   产品知识/订单  \n\nIn 订单{T}\n", -1, "默认");
  const char *expected[] = { "默认", "$course$/top/A/B", "产品知识/订单" };
  g_auto(GStrv) split = sc_question_category_path_split ("$course$/top/A//B/ C /");

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->questions->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((ScQuestion *) g_ptr_array_index (import->questions, i))->category, ==, expected[i]);

  /* Moodle's paths: a context and “top” first, “//” a slash in a name */
  g_assert_cmpuint (g_strv_length (split), ==, 2);
  g_assert_cmpstr (split[0], ==, "A/B");
  g_assert_cmpstr (split[1], ==, "C");
}

static void
test_type_detection (void)
{
  struct {
    const char     *gift;
    ScQuestionType  type;
  } cases[] = {
    { "No braces at all", SC_QUESTION_TYPE_DESCRIPTION },
    { "Empty braces{}", SC_QUESTION_TYPE_ESSAY },
    { "Only feedback{####gf}", SC_QUESTION_TYPE_ESSAY },
    { "Hash first{#3}", SC_QUESTION_TYPE_NUMERICAL },
    { "Hash first, even with tildes{#3 ~#wrong}", SC_QUESTION_TYPE_NUMERICAL },
    { "Tilde{~a =b}", SC_QUESTION_TYPE_MULTICHOICE },
    { "Tilde beats arrows{=a -> b ~c}", SC_QUESTION_TYPE_MULTICHOICE },
    { "Arrows{=a -> b =c -> d}", SC_QUESTION_TYPE_MATCHING },
    { "T{T}", SC_QUESTION_TYPE_TRUEFALSE },
    { "TRUE{TRUE}", SC_QUESTION_TYPE_TRUEFALSE },
    { "F{F#wrong#right}", SC_QUESTION_TYPE_TRUEFALSE },
    { "FALSE{ FALSE }", SC_QUESTION_TYPE_TRUEFALSE },
    { "Lower case is no true/false{true}", SC_QUESTION_TYPE_SHORTANSWER },
    { "Equals T is a short answer{=T}", SC_QUESTION_TYPE_SHORTANSWER },
    { "Short{=no one =nobody}", SC_QUESTION_TYPE_SHORTANSWER },
    { "Arrow without equals{a -> b}", SC_QUESTION_TYPE_SHORTANSWER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScQuestion) q = parse_one (cases[i].gift);

      g_test_message ("%s", cases[i].gift);
      g_assert_cmpstr (sc_question_type_to_string (q->type), ==, sc_question_type_to_string (cases[i].type));
    }
}

static void
test_multichoice_weights (void)
{
  g_autoptr(ScQuestion) single = parse_one ("Q{=right#yes ~wrong#no ~also wrong}");
  g_autoptr(ScQuestion) multi =
    parse_one ("Q{\n~%50%a#half\n~%-100%b#none\n~%33.33333%c\n~%16.66667%d\n~e}");
  g_autoptr(ScQuestion) leading = parse_one ("Q{first ~second =third}");

  g_assert_true (single->single);
  g_assert_cmpfloat (answer (single, 0)->fraction, ==, 1);
  g_assert_cmpstr (answer (single, 0)->feedback, ==, "yes");
  g_assert_cmpfloat (answer (single, 1)->fraction, ==, 0);

  g_assert_false (multi->single);
  g_assert_cmpfloat (answer (multi, 0)->fraction, ==, 0.5);
  g_assert_cmpstr (answer (multi, 0)->feedback, ==, "half");
  g_assert_cmpfloat (answer (multi, 1)->fraction, ==, -1);
  g_assert_cmpfloat_with_epsilon (answer (multi, 2)->fraction, 0.3333333, 1e-12);
  g_assert_cmpfloat_with_epsilon (answer (multi, 3)->fraction, 0.1666667, 1e-12);
  g_assert_cmpfloat (answer (multi, 4)->fraction, ==, 0);

  /* Text before the first “~” or “=” is an answer too */
  g_assert_cmpuint (leading->answers->len, ==, 3);
  g_assert_cmpstr (answer (leading, 0)->text, ==, "first");
  g_assert_cmpfloat (answer (leading, 2)->fraction, ==, 1);
}

static void
test_shortanswer (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("::Shortanswer::Which is the best animal?{\n=Frog#Good!\n=%50%Cat#Cats again?\n=%0%*#Completely wrong\n}");

  g_assert_cmpuint (q->answers->len, ==, 3);
  g_assert_cmpstr (answer (q, 0)->text, ==, "Frog");
  g_assert_cmpfloat (answer (q, 0)->fraction, ==, 1);
  g_assert_cmpstr (answer (q, 1)->text, ==, "Cat");
  g_assert_cmpfloat (answer (q, 1)->fraction, ==, 0.5);
  g_assert_cmpstr (answer (q, 1)->feedback, ==, "Cats again?");
  g_assert_cmpstr (answer (q, 2)->text, ==, "*");
  g_assert_cmpfloat (answer (q, 2)->fraction, ==, 0);
}

static void
test_numerical (void)
{
  g_autoptr(ScQuestion) tolerance = parse_one ("When was Grant born?{#1822:5}");
  g_autoptr(ScQuestion) exact = parse_one ("Pi to two places?{#3.14}");
  g_autoptr(ScQuestion) range = parse_one ("A number from 1 to 5?{#1..5}");
  g_autoptr(ScQuestion) halves = parse_one ("From 1.5 to 2?{#1.5..2}");
  g_autoptr(ScQuestion) several =
    parse_one ("When was Grant born?{#\n=1822:0#Right\n=%50%1822:2#Close\n~#Completely wrong\n}");
  g_autoptr(ScQuestion) wrong = parse_one ("::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}");
  g_autoptr(ScQuestion) negative = parse_one ("Below zero?{#-40:0.5}");
  g_autoptr(ScQuestion) pi = parse_one ("What is the value of pi (to 3 decimal places)? {#3.141..3.142}.");

  g_assert_cmpstr (answer (tolerance, 0)->text, ==, "1822");
  g_assert_cmpfloat (answer (tolerance, 0)->tolerance, ==, 5);
  g_assert_cmpfloat (answer (tolerance, 0)->fraction, ==, 1);
  g_assert_cmpstr (answer (exact, 0)->text, ==, "3.14");
  g_assert_cmpfloat (answer (exact, 0)->tolerance, ==, 0);
  g_assert_cmpstr (answer (range, 0)->text, ==, "3");
  g_assert_cmpfloat (answer (range, 0)->tolerance, ==, 2);
  g_assert_cmpstr (answer (halves, 0)->text, ==, "1.75");
  g_assert_cmpfloat (answer (halves, 0)->tolerance, ==, 0.25);

  g_assert_cmpuint (several->answers->len, ==, 3);
  g_assert_cmpfloat (answer (several, 1)->fraction, ==, 0.5);
  g_assert_cmpfloat (answer (several, 1)->tolerance, ==, 2);
  g_assert_cmpstr (answer (several, 1)->feedback, ==, "Close");
  g_assert_cmpstr (answer (several, 2)->text, ==, "*");
  g_assert_cmpfloat (answer (several, 2)->fraction, ==, 0);
  g_assert_cmpstr (answer (several, 2)->feedback, ==, "Completely wrong");

  g_assert_cmpstr (wrong->name, ==, "Q5");
  g_assert_cmpuint (wrong->answers->len, ==, 2);
  g_assert_cmpstr (answer (wrong, 0)->text, ==, "3");
  g_assert_cmpfloat (answer (wrong, 0)->tolerance, ==, 2);
  g_assert_cmpstr (answer (wrong, 1)->text, ==, "*");

  /* The middle of a range is printed as PHP prints it, to 14 digits; text
   * after the braces makes a missing-word question */
  g_assert_cmpstr (answer (pi, 0)->text, ==, "3.1415");
  g_assert_cmpfloat_with_epsilon (answer (pi, 0)->tolerance, 0.0005, 1e-12);
  g_assert_cmpstr (pi->text, ==, "What is the value of pi (to 3 decimal places)? _____.");

  g_assert_cmpstr (answer (negative, 0)->text, ==, "-40");
  g_assert_cmpfloat (answer (negative, 0)->tolerance, ==, 0.5);
}

static void
test_truefalse_feedback (void)
{
  g_autoptr(ScQuestion) true_q = parse_one ("Sky is blue.{TRUE#No, look up.#Yes, it is.}");
  g_autoptr(ScQuestion) false_q =
    parse_one ("::Q1:: 42 is the Absolute Answer to everything.{\nFALSE#42 is the Ultimate Answer.#You gave the right answer.}");
  g_autoptr(ScQuestion) bare = parse_one ("::2-08 TSL::TSL is blablabla.{T}");

  /* {ANSWER#feedback for a wrong answer#feedback for the right one} */
  g_assert_true (true_q->correct);
  g_assert_cmpstr (true_q->feedback_true, ==, "Yes, it is.");
  g_assert_cmpstr (true_q->feedback_false, ==, "No, look up.");

  g_assert_false (false_q->correct);
  g_assert_cmpstr (false_q->feedback_true, ==, "42 is the Ultimate Answer.");
  g_assert_cmpstr (false_q->feedback_false, ==, "You gave the right answer.");

  g_assert_true (bare->correct);
  g_assert_cmpstr (bare->name, ==, "2-08 TSL");
  g_assert_cmpstr (bare->feedback_true, ==, "");
}

static void
test_matching (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("::Moodle activities::[html]Match the <b>activity</b> to the description.{\n"
               "    =[html]An activity supporting asynchronous discussions. -> Forum\n"
               "    =[moodle]A teacher asks a question. -> Choice\n"
               "    = -> Chat\n}");

  g_assert_cmpstr (q->text, ==, "Match the <b>activity</b> to the description.");
  g_assert_cmpuint (q->pairs->len, ==, 3);
  g_assert_cmpstr (pair (q, 0)->question, ==, "An activity supporting asynchronous discussions.");
  g_assert_cmpstr (pair (q, 0)->answer, ==, "Forum");
  g_assert_cmpstr (pair (q, 1)->question, ==, "A teacher asks a question.");
  /* An empty question is an extra wrong answer */
  g_assert_cmpstr (pair (q, 2)->question, ==, "");
  g_assert_cmpstr (pair (q, 2)->answer, ==, "Chat");
}

static void
test_general_feedback (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("Which is the best animal?{\n=Frog#Good!\n=%50%Cat#Hmm\n####[html]Here is some general feedback!\n}");
  g_autoptr(ScQuestion) tf = parse_one ("Q{T#wrong#right####General words}");

  g_assert_cmpstr (q->general_feedback, ==, "Here is some general feedback!");
  g_assert_cmpuint (q->answers->len, ==, 2);
  g_assert_cmpstr (tf->general_feedback, ==, "General words");
  g_assert_cmpstr (tf->feedback_true, ==, "right");
}

static void
test_missing_word (void)
{
  g_autoptr(ScQuestion) q = parse_one ("Grant is {~buried =entombed ~living} in Grant's tomb.");
  g_autoptr(ScQuestion) end = parse_one ("Grant is in Grant's tomb.{~yes =no}");

  g_assert_cmpstr (q->text, ==, "Grant is _____ in Grant's tomb.");
  g_assert_cmpstr (answer (q, 1)->text, ==, "entombed");
  g_assert_cmpstr (end->text, ==, "Grant is in Grant's tomb.");
}

static void
test_chinese (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("::投诉处理::客户情绪激动时，应该先处理什么？{\n=客户的情绪#先处理心情，再处理事情。\n~公司的规定\n####EN — feelings first}");

  g_assert_cmpstr (q->name, ==, "投诉处理");
  g_assert_cmpstr (q->text, ==, "客户情绪激动时，应该先处理什么？");
  g_assert_cmpstr (answer (q, 0)->text, ==, "客户的情绪");
  g_assert_cmpstr (answer (q, 0)->feedback, ==, "先处理心情，再处理事情。");
  g_assert_cmpstr (q->general_feedback, ==, "EN — feelings first");
}

static void
test_tags_and_idnumber (void)
{
  g_autoptr(ScQuestion) q =
    parse_one ("// This question is to test importing tags: [tag:tag] [tag:other-tag].\n"
               "// And an idnumber: [id:myid]. [tag:  spaced  ] [tag:t\\]ag] [tag:\n"
               "// [tag:difficulty:4]\n"
               "::Question name:: How are you? {}");
  g_autoptr(ScQuestion) escaped = parse_one ("// [id:i\\]d]\nQ{}");
  const char *tags[] = { "tag", "other-tag", "spaced", "t]ag", "difficulty:4" };

  g_assert_cmpstr (q->idnumber, ==, "myid");
  g_assert_cmpuint (q->tags->len, ==, G_N_ELEMENTS (tags));
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    g_assert_cmpstr (g_ptr_array_index (q->tags, i), ==, tags[i]);
  g_assert_cmpint (q->difficulty, ==, 4);
  g_assert_cmpstr (escaped->idnumber, ==, "i]d");

  /* Moodle's expressions allow “[” in an ID number, and a run without a
   * plain “]” ends at its last “\]”, the backslash kept */
  {
    g_autoptr(ScQuestion) square = parse_one ("// [id:a[1]] [tag:x\\]y\n::Q::Q{}");
    g_autoptr(ScQuestion) open_end = parse_one ("// [id:k\\]z [tag:<b>]\n// [tag:ok]\nQ{}");

    g_assert_cmpstr (square->idnumber, ==, "a[1");
    g_assert_cmpuint (square->tags->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (square->tags, 0), ==, "x\\");
    g_assert_cmpstr (open_end->idnumber, ==, "k]z [tag:<b>");
    g_assert_cmpuint (open_end->tags->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (open_end->tags, 0), ==, "ok");
    {
      g_autoptr(ScQuestion) cut = parse_one ("// [id:k\\]z\n// [tag:\\]t\\]u\nQ{}");

      g_assert_cmpstr (cut->idnumber, ==, "k\\");
      g_assert_cmpuint (cut->tags->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (cut->tags, 0), ==, "]t\\");
    }
  }
}

static void
test_line_endings (void)
{
  g_autoptr(ScQuestionImport) crlf = parse ("\xef\xbb\xbf::A::x{T}\r\n\r\n::B::y{F}\r\n");
  g_autoptr(ScQuestionImport) cr = parse ("::A::x{T}\r\r::B::y{F}\r");
  g_autoptr(ScQuestionImport) zero = parse ("::A::x{T}\n0\n::B::y{F}");

  g_assert_cmpuint (crlf->questions->len, ==, 2);
  g_assert_cmpstr (((ScQuestion *) g_ptr_array_index (crlf->questions, 0))->name, ==, "A");
  g_assert_cmpuint (cr->questions->len, ==, 2);
  g_assert_cmpint (((ScQuestion *) g_ptr_array_index (cr->questions, 1))->line, ==, 3);
  /* As in PHP, a line holding “0” is a blank line */
  g_assert_cmpuint (zero->questions->len, ==, 2);
}

static void
test_malformed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions-bad.gift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScQuestionImport) import = NULL;
  const guint lines[] = { 6, 8, 10, 12, 17, 19, 21, 23 };

  import = sc_question_import_read_file (file, FALSE, SC_QUESTION_FORMAT_AIKEN, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < import->problems->len; i++)
    {
      g_autofree char *problem = sc_question_import_format_problem (import, i);
      g_test_message ("%s", problem);
    }

  g_assert_cmpuint (import->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      ScQuestionProblem *problem = g_ptr_array_index (import->problems, i);
      g_autofree char *message = sc_question_import_format_problem (import, i);
      g_autofree char *where = g_strdup_printf ("questions-bad.gift:%u: ", lines[i]);

      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_nonnull (strstr (message, where));
      g_assert_cmpuint (strlen (problem->reason), >, 10);
    }

  /* The good questions are still read, for the preview; the one the bank
   * refuses is kept apart but still shown in the JSON */
  g_assert_cmpuint (import->questions->len, ==, 2);
  g_assert_cmpuint (import->rejected->len, ==, 1);
  {
    g_autofree char *json = sc_question_import_to_json (import);
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *list;

    g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
    list = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (list), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "name"), ==, "Too much");
  }
  g_assert_nonnull (strstr (((ScQuestionProblem *) g_ptr_array_index (import->problems, 4))->reason, "ten"));
}

static void
test_not_utf8 (void)
{
  const char data[] = "::A::ok{T}\n\n::B::caf\xe9{T}\n";
  g_autoptr(ScQuestionImport) import =
    sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, "latin1.gift", data, sizeof data - 1, NULL);

  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_cmpuint (((ScQuestionProblem *) g_ptr_array_index (import->problems, 0))->line, ==, 3);
  g_assert_cmpuint (import->questions->len, ==, 0);
}

static void
test_json (void)
{
  g_autoptr(ScQuestionImport) import =
    parse ("// [tag:a] [id:X1]\n::TF::Sky{TRUE#w#r####g}\n\n::MC::Pick{~%50%a#fa ~%-100%b ~%50%c}\n\n"
           "::N::n{#1..3}\n\n::M::m{=a -> 1 =b -> 2}\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = sc_question_import_to_json (import);
  JsonArray *questions;
  JsonObject *tf, *mc, *num, *match;
  JsonArray *answers;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  questions = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (questions), ==, 4);

  tf = json_array_get_object_element (questions, 0);
  g_assert_cmpstr (json_object_get_string_member (tf, "type"), ==, "truefalse");
  g_assert_cmpstr (json_object_get_string_member (tf, "name"), ==, "TF");
  g_assert_cmpstr (json_object_get_string_member (tf, "text_format"), ==, "moodle");
  g_assert_cmpstr (json_object_get_string_member (tf, "general_feedback"), ==, "g");
  g_assert_true (json_object_get_boolean_member (tf, "correct"));
  g_assert_cmpstr (json_object_get_string_member (tf, "feedback_true"), ==, "r");
  g_assert_cmpstr (json_object_get_string_member (tf, "feedback_false"), ==, "w");
  g_assert_cmpstr (json_object_get_string_member (tf, "idnumber"), ==, "X1");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (tf, "tags"), 0), ==, "a");
  g_assert_true (json_object_get_null_member (tf, "category"));

  mc = json_array_get_object_element (questions, 1);
  g_assert_false (json_object_get_boolean_member (mc, "single"));
  answers = json_object_get_array_member (mc, "answers");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (answers, 0), "fraction"), ==, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (answers, 1), "fraction"), ==, -1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 0), "feedback"), ==, "fa");

  num = json_array_get_object_element (questions, 2);
  answers = json_object_get_array_member (num, "answers");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 0), "text"), ==, "2");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (answers, 0), "tolerance"), ==, 1);

  match = json_array_get_object_element (questions, 3);
  g_assert_cmpstr (json_object_get_string_member (match, "type"), ==, "matching");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (match, "pairs"), 1), "answer"), ==, "2");
}

static void
assert_same_questions (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);

  for (guint i = 0; i < a->len; i++)
    {
      ScQuestion *x = g_ptr_array_index (a, i);
      ScQuestion *y = g_ptr_array_index (b, i);

      g_test_message ("question %u: %s", i, x->name);
      g_assert_cmpint (x->type, ==, y->type);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->text_format, ==, y->text_format);
      g_assert_cmpstr (x->general_feedback, ==, y->general_feedback);
      g_assert_cmpstr (x->idnumber, ==, y->idnumber);
      g_assert_cmpint (x->difficulty, ==, y->difficulty);
      if (x->type == SC_QUESTION_TYPE_MULTICHOICE)
        g_assert_cmpint (x->single, ==, y->single);
      if (x->type == SC_QUESTION_TYPE_TRUEFALSE)
        {
          g_assert_cmpint (x->correct, ==, y->correct);
          g_assert_cmpstr (x->feedback_true, ==, y->feedback_true);
          g_assert_cmpstr (x->feedback_false, ==, y->feedback_false);
        }
      g_assert_cmpuint (x->answers->len, ==, y->answers->len);
      for (guint k = 0; k < x->answers->len; k++)
        {
          g_assert_cmpstr (answer (x, k)->text, ==, answer (y, k)->text);
          g_assert_cmpfloat_with_epsilon (answer (x, k)->fraction, answer (y, k)->fraction, 1e-9);
          g_assert_cmpstr (answer (x, k)->feedback, ==, answer (y, k)->feedback);
          g_assert_cmpfloat_with_epsilon (answer (x, k)->tolerance, answer (y, k)->tolerance, 1e-9);
        }
      g_assert_cmpuint (x->pairs->len, ==, y->pairs->len);
      for (guint k = 0; k < x->pairs->len; k++)
        {
          g_assert_cmpstr (pair (x, k)->question, ==, pair (y, k)->question);
          g_assert_cmpstr (pair (x, k)->answer, ==, pair (y, k)->answer);
        }
      g_assert_cmpuint (x->tags->len, ==, y->tags->len);
      for (guint k = 0; k < x->tags->len; k++)
        g_assert_cmpstr (g_ptr_array_index (x->tags, k), ==, g_ptr_array_index (y->tags, k));
      g_assert_cmpstr (x->category, ==, y->category);
    }
}

static void
check_round_trip (const char *name,
                  const char *data,
                  gsize       length)
{
  g_autoptr(ScQuestionImport) first =
    sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, name, data, length, NULL);
  g_autoptr(ScQuestionImport) second = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  g_assert_cmpuint (first->problems->len, ==, 0);
  g_assert_cmpuint (first->questions->len, >, 0);

  written = sc_gift_write (first->questions);
  second = sc_question_import_parse (SC_QUESTION_FORMAT_GIFT, "written.gift", written, strlen (written), NULL);
  for (guint i = 0; i < second->problems->len; i++)
    {
      g_autofree char *problem = sc_question_import_format_problem (second, i);
      g_test_message ("%s", problem);
    }
  g_assert_cmpuint (second->problems->len, ==, 0);
  assert_same_questions (first->questions, second->questions);

  /* Writing what was read back gives the same file */
  rewritten = sc_gift_write (second->questions);
  g_assert_cmpstr (written, ==, rewritten);
}

static void
test_round_trip_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions-mixed.gift", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  check_round_trip ("questions-mixed.gift", data, length);
}

static void
test_round_trip_demo_bank (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/demo/questions.gift", 0, NULL);

  g_assert_nonnull (bytes);
  check_round_trip ("questions.gift", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_export_like_moodle (void)
{
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_SHORTANSWER);
  g_autoptr(ScQuestion) tf = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autofree char *gift = NULL;

  q->id = 666;
  sc_question_set_string (&q->name, "Shortanswer");
  sc_question_set_string (&q->text, "Which is the best animal?");
  sc_question_add_answer (q, "Frog", 1, "Good!");
  sc_question_add_answer (q, "Cat", 0.5, "What is it with Moodlers and cats?");
  sc_question_add_answer (q, "*", 0, "Completely wrong");
  sc_question_set_string (&q->general_feedback, "General: #1");

  tf->id = 667;
  sc_question_set_string (&tf->name, "Q1");
  sc_question_set_string (&tf->text, "42 is the Absolute Answer to everything.");
  tf->correct = TRUE;
  sc_question_set_string (&tf->feedback_true, "You gave the right answer.");
  sc_question_set_string (&tf->feedback_false, "42 is the Ultimate Answer.");

  g_ptr_array_add (list, q);
  g_ptr_array_add (list, tf);
  gift = sc_gift_write (list);
  g_assert_cmpstr (gift, ==,
                   "// question: 666  name: Shortanswer\n"
                   "::Shortanswer::Which is the best animal?{\n"
                   "\t=%100%Frog#Good!\n"
                   "\t=%50%Cat#What is it with Moodlers and cats?\n"
                   "\t=%0%*#Completely wrong\n"
                   "\t####General\\: \\#1\n"
                   "}\n"
                   "\n"
                   "// question: 667  name: Q1\n"
                   "::Q1::42 is the Absolute Answer to everything.{TRUE#42 is the Ultimate Answer.#You gave the right answer.}\n"
                   "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/gift/escapes", test_escapes);
  g_test_add_func ("/formats/gift/escaped-backslash", test_escaped_backslash);
  g_test_add_func ("/formats/gift/comments", test_comments);
  g_test_add_func ("/formats/gift/names", test_names);
  g_test_add_func ("/formats/gift/formats", test_formats);
  g_test_add_func ("/formats/gift/categories", test_categories);
  g_test_add_func ("/formats/gift/type-detection", test_type_detection);
  g_test_add_func ("/formats/gift/multiple-choice/weights", test_multichoice_weights);
  g_test_add_func ("/formats/gift/short-answer", test_shortanswer);
  g_test_add_func ("/formats/gift/numerical", test_numerical);
  g_test_add_func ("/formats/gift/true-false/feedback-order", test_truefalse_feedback);
  g_test_add_func ("/formats/gift/matching", test_matching);
  g_test_add_func ("/formats/gift/general-feedback", test_general_feedback);
  g_test_add_func ("/formats/gift/missing-word", test_missing_word);
  g_test_add_func ("/formats/gift/chinese", test_chinese);
  g_test_add_func ("/formats/gift/tags-and-idnumber", test_tags_and_idnumber);
  g_test_add_func ("/formats/gift/line-endings", test_line_endings);
  g_test_add_func ("/formats/gift/malformed", test_malformed);
  g_test_add_func ("/formats/gift/not-utf8", test_not_utf8);
  g_test_add_func ("/formats/gift/json", test_json);
  g_test_add_func ("/formats/gift/round-trip/fixture", test_round_trip_fixture);
  g_test_add_func ("/formats/gift/round-trip/demo-bank", test_round_trip_demo_bank);
  g_test_add_func ("/formats/gift/export-like-moodle", test_export_like_moodle);

  return g_test_run ();
}
