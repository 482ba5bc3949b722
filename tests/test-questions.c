/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-demo.h"
#include "sc-gift.h"
#include "sc-question-import.h"
#include "sc-test-util.h"

/* The question bank in the store, and the import-questions command */

static ScQuestionImport *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ScQuestionImport *import;

  import = sc_question_import_read_file (file, FALSE, SC_QUESTION_FORMAT_GIFT, NULL, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static ScQuestion *
find_question (GPtrArray  *questions,
               const char *name)
{
  for (guint i = 0; i < questions->len; i++)
    {
      ScQuestion *q = g_ptr_array_index (questions, i);

      if (g_str_equal (q->name, name))
        return q;
    }
  g_assert_not_reached ();
}

static void
on_changed_cb (ScStore  *store,
               GStrv     tables,
               GStrv    *seen)
{
  g_strfreev (*seen);
  *seen = g_strdupv (tables);
}

static void
test_import_and_read_back (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(ScQuestionImport) import = read_fixture ("questions-mixed.gift");
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) changed = NULL;
  ScSession *session = sc_test_session ();
  ScQuestion *q;
  guint added = 0;
  guint created = 0;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changed);

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_true (sc_question_import_commit (import, store, session, FALSE, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, import->questions->len);
  g_assert_cmpuint (sc_store_count_questions (store), ==, import->questions->len);
  g_assert_true (g_strv_contains ((const char * const *) changed, "question"));
  g_assert_true (g_strv_contains ((const char * const *) changed, "question_choice"));
  g_assert_true (g_strv_contains ((const char * const *) changed, "question_category"));

  /* The Moodle context and “top” are left out of the paths */
  categories = sc_store_get_question_categories (store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 4);
  g_assert_cmpstr (((ScQuestionCategory *) g_ptr_array_index (categories, 0))->path, ==, "投诉处理");
  g_assert_cmpstr (((ScQuestionCategory *) g_ptr_array_index (categories, 1))->path, ==, "投诉处理/升级");
  g_assert_cmpint (((ScQuestionCategory *) g_ptr_array_index (categories, 1))->parent_id, ==,
                   ((ScQuestionCategory *) g_ptr_array_index (categories, 0))->id);
  g_assert_cmpuint (((ScQuestionCategory *) g_ptr_array_index (categories, 1))->n_questions, ==, 4);
  g_assert_cmpstr (((ScQuestionCategory *) g_ptr_array_index (categories, 3))->path, ==, "产品知识/账单");

  questions = sc_store_get_questions (store, session, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, import->questions->len);

  for (guint i = 0; i < questions->len; i++)
    {
      ScQuestion *read = g_ptr_array_index (questions, i);
      ScQuestion *written = g_ptr_array_index (import->questions, i);

      g_assert_cmpint (read->id, ==, written->id);
      g_assert_cmpint (read->type, ==, written->type);
      g_assert_cmpstr (read->name, ==, written->name);
      g_assert_cmpstr (read->text, ==, written->text);
      g_assert_cmpstr (read->text_format, ==, written->text_format);
      g_assert_cmpstr (read->general_feedback, ==, written->general_feedback);
      g_assert_cmpuint (read->answers->len, ==, written->answers->len);
      g_assert_cmpuint (read->pairs->len, ==, written->pairs->len);
      for (guint k = 0; k < read->answers->len; k++)
        {
          ScQuestionAnswer *a = g_ptr_array_index (read->answers, k);
          ScQuestionAnswer *b = g_ptr_array_index (written->answers, k);

          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_cmpfloat (a->fraction, ==, b->fraction);
          g_assert_cmpstr (a->feedback, ==, b->feedback);
          g_assert_cmpfloat (a->tolerance, ==, b->tolerance);
        }
    }

  /* The difficulty has its own column, not a tag */
  q = find_question (questions, "首问负责");
  g_assert_cmpint (q->difficulty, ==, 2);
  g_assert_cmpuint (q->tags->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (q->tags, 0), ==, "投诉");
  g_assert_cmpstr (q->idnumber, ==, "CMP-T1");
  g_assert_cmpstr (q->category, ==, "投诉处理/升级");

  q = find_question (questions, "判断");
  g_assert_true (q->correct);
  g_assert_cmpstr (q->feedback_true, ==, "对。");

  /* Only the category's own questions, or with those under it */
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = sc_store_get_questions (store, session,
                                      ((ScQuestionCategory *) g_ptr_array_index (categories, 0))->id,
                                      FALSE, &error);
  g_assert_cmpuint (questions->len, ==, 0);
  g_clear_pointer (&questions, g_ptr_array_unref);
  questions = sc_store_get_questions (store, session,
                                      ((ScQuestionCategory *) g_ptr_array_index (categories, 0))->id,
                                      TRUE, &error);
  g_assert_cmpuint (questions->len, ==, 4);

  audit = sc_store_get_audit (store, session, "question", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (sc_audit_entry_get_action (g_ptr_array_index (audit, i)), "create"))
      created++;
  g_assert_cmpuint (created, ==, import->questions->len);
}

static void
test_all_or_nothing (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(ScQuestionImport) import = read_fixture ("questions-mixed.gift");
  g_autoptr(ScQuestionImport) bad = read_fixture ("questions-bad.gift");
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  ScSession *session = sc_test_session ();
  ScQuestion *last;

  /* A file with problems writes nothing, not even its good questions */
  g_assert_false (sc_question_import_commit (bad, store, session, FALSE, NULL, &error));
  g_assert_error (error, SC_QUESTION_IMPORT_ERROR, SC_QUESTION_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 0);
  g_clear_error (&error);

  /* …unless asked to import the valid ones only */
  g_assert_true (sc_question_import_commit (bad, store, session, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 2);

  /* A question the database refuses at the end undoes the whole import:
   * here an ID number another question of its category has */
  last = g_ptr_array_index (import->questions, import->questions->len - 1);
  sc_question_set_string (&((ScQuestion *) g_ptr_array_index (import->questions, 6))->idnumber, "DUP-1");
  sc_question_set_string (&last->idnumber, "DUP-1");
  g_assert_cmpstr (((ScQuestion *) g_ptr_array_index (import->questions, 6))->category, ==, last->category);
  g_assert_false (sc_question_import_commit (import, store, session, FALSE, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 2);
  for (guint i = 0; i < import->questions->len; i++)
    g_assert_cmpint (((ScQuestion *) g_ptr_array_index (import->questions, i))->id, ==, 0);

  categories = sc_store_get_question_categories (store, session, &error);
  g_assert_cmpuint (categories->len, ==, 1);
  g_assert_cmpstr (((ScQuestionCategory *) g_ptr_array_index (categories, 0))->path, ==,
                   C_("question category", "Default"));
}

static void
test_update_and_remove (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(ScQuestion) q = sc_question_new (SC_QUESTION_TYPE_MULTICHOICE);
  g_autoptr(ScQuestion) read = NULL;
  g_autoptr(ScQuestion) gone = NULL;
  g_autoptr(ScSkill) skill = sc_skill_new ("投诉处理", SC_SKILL_CATEGORY_EMOTION_MANAGEMENT);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  ScSession *session = sc_test_session ();
  gint64 category;

  category = sc_store_ensure_question_category (store, session, "情绪管理/投诉处理", &error);
  g_assert_no_error (error);
  g_assert_cmpint (category, >, 0);
  g_assert_cmpint (sc_store_ensure_question_category (store, session, "情绪管理/投诉处理", NULL), ==, category);

  g_assert_true (sc_store_add_skill (store, session, skill, &error));
  g_assert_true (sc_store_set_question_category_skill (store, session, category, sc_skill_get_id (skill), &error));
  g_assert_no_error (error);
  categories = sc_store_get_question_categories (store, session, &error);
  g_assert_cmpint (((ScQuestionCategory *) g_ptr_array_index (categories, 1))->skill_id, ==, sc_skill_get_id (skill));

  q->category_id = category;
  q->difficulty = 5;
  sc_question_set_string (&q->name, "升级");
  sc_question_set_string (&q->text, "什么时候升级投诉？");
  sc_question_add_answer (q, "超出权限时", 1, "对");
  sc_question_add_answer (q, "客户第一次来电时", 0, "");
  sc_question_add_tag (q, "投诉");
  g_assert_true (sc_store_add_question (store, session, q, &error));
  g_assert_no_error (error);

  sc_question_set_string (&q->text, "应在什么时候升级投诉？");
  g_ptr_array_set_size (q->answers, 0);
  sc_question_add_answer (q, "A", 0.5, "");
  sc_question_add_answer (q, "B", 0.5, "");
  sc_question_add_answer (q, "C", -1, "");
  q->single = FALSE;
  g_ptr_array_set_size (q->tags, 0);
  g_assert_true (sc_store_update_question (store, session, q, &error));
  g_assert_no_error (error);

  read = sc_store_get_question (store, session, q->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->text, ==, "应在什么时候升级投诉？");
  g_assert_false (read->single);
  g_assert_cmpint (read->difficulty, ==, 5);
  g_assert_cmpuint (read->answers->len, ==, 3);
  g_assert_cmpfloat (((ScQuestionAnswer *) g_ptr_array_index (read->answers, 2))->fraction, ==, -1);
  g_assert_cmpuint (read->tags->len, ==, 0);

  /* A fraction outside −1…1 is refused */
  ((ScQuestionAnswer *) g_ptr_array_index (q->answers, 0))->fraction = 1.5;
  g_assert_false (sc_store_update_question (store, session, q, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sc_store_remove_question (store, session, q->id, &error));
  g_assert_no_error (error);
  gone = sc_store_get_question (store, session, q->id, &error);
  g_assert_null (gone);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (sc_store_remove_question (store, session, q->id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
}

static void
test_agents_never_read_keys (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(ScSession) agent = sc_session_new (1, 1, SC_ACCOUNT_ROLE_AGENT, "王芳");
  g_autoptr(ScSession) trainer = sc_session_new (2, 2, SC_ACCOUNT_ROLE_TRAINER, "Grace Liu");
  g_autoptr(ScQuestionImport) import = read_fixture ("questions-mixed.gift");
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_question_import_commit (import, store, agent, FALSE, NULL, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (sc_question_import_commit (import, store, trainer, FALSE, NULL, &error));
  g_assert_no_error (error);

  questions = sc_store_get_questions (store, agent, 0, TRUE, &error);
  g_assert_null (questions);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (sc_store_get_question_categories (store, agent, &error));
  g_clear_error (&error);

  questions = sc_store_get_questions (store, trainer, 0, TRUE, &error);
  g_assert_cmpuint (questions->len, ==, import->questions->len);
}

static void
test_backup_holds_the_bank (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(ScQuestionImport) import = read_fixture ("questions-mixed.gift");
  g_autoptr(GVariant) dump = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "question_category", "question", "question_choice", "question_match_pair", "question_tag" };
  ScSession *session = sc_test_session ();

  g_assert_true (sc_question_import_commit (import, store, session, FALSE, NULL, &error));
  dump = sc_store_dump (store, session, &error);
  g_assert_no_error (error);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      gboolean found = FALSE;

      for (gsize i = 0; i < g_variant_n_children (dump); i++)
        {
          g_autoptr(GVariant) entry = g_variant_get_child_value (dump, i);
          g_autoptr(GVariant) rows = g_variant_get_child_value (entry, 2);
          const char *name = NULL;

          g_variant_get_child (entry, 0, "&s", &name);
          if (g_str_equal (name, tables[t]))
            {
              found = TRUE;
              g_assert_cmpuint (g_variant_n_children (rows), >, 0);
            }
        }
      g_assert_true (found);
    }

  /* Restored into an empty bank, it reads the same */
  g_assert_true (sc_store_restore (store, session, dump, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_questions (store), ==, import->questions->len);
}

static void
test_demo_bank (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "demo.db");
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  ScSession *session = sc_test_session ();
  guint per_type[SC_N_QUESTION_TYPES] = { 0, };
  guint leaves = 0;

  g_assert_true (sc_demo_populate (store, session, NULL, &error));
  g_assert_no_error (error);

  questions = sc_store_get_questions (store, session, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, >=, 120);

  for (guint i = 0; i < questions->len; i++)
    {
      ScQuestion *q = g_ptr_array_index (questions, i);
      gboolean has_han = FALSE;

      per_type[q->type]++;
      for (const char *p = q->text; *p; p = g_utf8_next_char (p))
        if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
          has_han = TRUE;
      /* Chinese for the agents, English for the trainers who review */
      g_assert_true (has_han);
      if (q->type != SC_QUESTION_TYPE_DESCRIPTION)
        {
          g_assert_nonnull (strstr (q->general_feedback, "EN — "));
          g_assert_nonnull (q->idnumber);
        }
      g_assert_cmpint (q->difficulty, >=, 1);
    }

  for (guint t = 0; t < SC_N_QUESTION_TYPES; t++)
    {
      g_test_message ("%s: %u", sc_question_type_to_string (t), per_type[t]);
      g_assert_cmpuint (per_type[t], >, 0);
    }
  g_assert_cmpuint (per_type[SC_QUESTION_TYPE_MULTICHOICE], >=, 40);

  /* Every category that holds questions tests a skill of the team */
  categories = sc_store_get_question_categories (store, session, &error);
  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      if (category->n_questions > 0)
        {
          leaves++;
          g_assert_cmpint (category->skill_id, >, 0);
        }
    }
  g_assert_cmpuint (leaves, ==, 13);
}

static void
on_async_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions-mixed.gift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScStore) store = sc_test_open_store (dir, "bank.db");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(ScQuestionImport) import = NULL;
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) written = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  sc_question_import_read_file_async (file, FALSE, SC_QUESTION_FORMAT_GIFT, NULL, NULL, on_async_done_cb, &read);
  import = sc_question_import_read_file_finish (wait_for (&read), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->questions->len, ==, 12);

  /* Cancelled before it starts, nothing is written */
  g_cancellable_cancel (cancelled);
  sc_question_import_commit_async (import, store, sc_test_session (), FALSE, cancelled, on_async_done_cb, &refused);
  g_assert_false (sc_question_import_commit_finish (wait_for (&refused), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 0);

  sc_question_import_commit_async (import, store, sc_test_session (), FALSE, NULL, on_async_done_cb, &written);
  g_assert_true (sc_question_import_commit_finish (wait_for (&written), &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 12);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 12);
}

/* Runs the real shiftcraft binary, with no display */
static int
run (const char  *dir,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *binary = g_getenv ("SHIFTCRAFT_BINARY");
  const char *arg;
  int status = -1;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *) binary);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "SHIFTCRAFT_DATABASE");

  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli_dry_run_json (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions-mixed.gift", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *questions;
  JsonObject *numerical = NULL;

  g_assert_cmpint (run (dir, &out, &err, "import-questions", path, "--dry-run", "--json",
                        "--database", db, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  questions = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (questions), ==, 12);

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);

      g_assert_true (json_object_has_member (q, "type"));
      g_assert_true (json_object_has_member (q, "text_format"));
      g_assert_true (json_object_has_member (q, "tags"));
      if (g_str_equal (json_object_get_string_member (q, "name"), "Numerical"))
        numerical = q;
    }
  g_assert_nonnull (numerical);
  g_assert_cmpstr (json_object_get_string_member (numerical, "category"), ==, "产品知识/账单");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (json_object_get_array_member (numerical, "answers"), 1), "fraction"), ==, 0.5);

  /* A dry run writes nothing, not even a database */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_cli_import (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "questions-mixed.gift", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "questions-bad.gift", NULL);
  g_autofree char *aiken = g_test_build_filename (G_TEST_DIST, "data", "aiken-good.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Problems: every one on stderr with its file and line, nothing written */
  g_assert_cmpint (run (dir, &out, &err, "import-questions", bad, "--database", db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "questions-bad.gift:6: "));
  g_assert_nonnull (strstr (err, "questions-bad.gift:23: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Wrong command lines */
  g_assert_cmpint (run (dir, &out, &err, "import-questions", "--database", db, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "import-questions", good, "--format", "docx", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "import-questions", "no-such-file.gift", "--dry-run", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (dir, &out, &err, "import-questions", good, "--database", db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "import-questions", aiken, "--category", "Aiken/导入",
                        "--database", db, NULL), ==, 0);

  store = sc_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_store_count_questions (store), ==, 12 + 3);
}

static void
test_cli_export (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autofree char *first_db = g_build_filename (dir, "first.db", NULL);
  g_autofree char *second_db = g_build_filename (dir, "second.db", NULL);
  g_autofree char *first_gift = g_build_filename (dir, "first.gift", NULL);
  g_autofree char *second_gift = g_build_filename (dir, "second.gift", NULL);
  g_autofree char *part_gift = g_build_filename (dir, "part.gift", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "questions-mixed.gift", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(ScQuestionImport) part = NULL;
  g_autoptr(GFile) part_file = NULL;
  GStatBuf st;

  g_assert_cmpint (run (dir, &out, &err, "import-questions", good, "--database", first_db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "export-questions", first_gift, "--database", first_db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The export holds the answer keys: its owner alone reads it */
  g_assert_cmpint (g_stat (first_gift, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Bank → GIFT → another bank → GIFT gives the same file */
  g_assert_cmpint (run (dir, &out, &err, "import-questions", first_gift, "--database", second_db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (dir, &out, &err, "export-questions", second_gift, "--database", second_db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (first_gift, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (second_gift, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  /* One category with those under it; an unknown one is an error */
  g_assert_cmpint (run (dir, &out, &err, "export-questions", part_gift, "--category", "$course$/top/投诉处理",
                        "--database", first_db, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  part_file = g_file_new_for_path (part_gift);
  part = sc_question_import_read_file (part_file, FALSE, SC_QUESTION_FORMAT_GIFT, NULL, NULL, NULL);
  g_assert_cmpuint (part->questions->len, ==, 4);
  g_assert_cmpint (run (dir, &out, &err, "export-questions", part_gift, "--category", "无此分类",
                        "--database", first_db, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "无此分类"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/questions/import-and-read-back", test_import_and_read_back);
  g_test_add_func ("/core/questions/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/core/questions/update-and-remove", test_update_and_remove);
  g_test_add_func ("/core/questions/agents-never-read-keys", test_agents_never_read_keys);
  g_test_add_func ("/core/questions/backup-holds-the-bank", test_backup_holds_the_bank);
  g_test_add_func ("/core/questions/async", test_async);
  g_test_add_func ("/core/questions/demo-bank", test_demo_bank);
  g_test_add_func ("/cli/import-questions/dry-run-json", test_cli_dry_run_json);
  g_test_add_func ("/cli/import-questions/import", test_cli_import);
  g_test_add_func ("/cli/export-questions", test_cli_export);

  return g_test_run ();
}
