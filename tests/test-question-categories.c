/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-demo.h"
#include "sc-permissions.h"
#include "sc-test-util.h"

/* Editing the question bank's categories: add, rename, move, map to a
 * skill and remove an empty one, each checked, audited and announced */

static void
on_changed_cb (ScStore  *store,
               GStrv     tables,
               guint    *count)
{
  if (g_strv_contains ((const char * const *) tables, "question_category"))
    (*count)++;
}

static ScQuestionCategory *
find_category (ScStore    *store,
               const char *path)
{
  static GPtrArray *categories;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = sc_store_get_question_categories (store, sc_test_session (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (category->path, path) == 0)
        return category;
    }
  return NULL;
}

static guint
count_audit (ScStore    *store,
             const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = sc_store_get_audit (store, sc_test_session (), "question_category", NULL, NULL, NULL,
                                                   &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    n += g_strcmp0 (sc_audit_entry_get_action (g_ptr_array_index (audit, i)), action) == 0;
  return n;
}

static void
test_edit (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "categories.db");
  g_autoptr(ScSession) agent = sc_session_new (1, 1, SC_ACCOUNT_ROLE_AGENT, "王芳");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  ScSession *session = sc_test_session ();
  guint changes = 0;
  guint created;
  gint64 quality, calls, chat, empty;
  gint64 skill_id;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  created = count_audit (store, "create");

  /* Adding: a name, unique among its siblings */
  quality = sc_store_add_question_category (store, session, 0, "  质检 Quality ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (quality, >, 0);
  g_assert_nonnull (find_category (store, "质检 Quality"));
  calls = sc_store_add_question_category (store, session, quality, "Calls", &error);
  g_assert_no_error (error);
  chat = sc_store_add_question_category (store, session, quality, "Chat", &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_category (store, "质检 Quality/Calls"));
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (count_audit (store, "create"), ==, created + 3);

  g_assert_cmpint (sc_store_add_question_category (store, session, quality, "Calls", &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Calls"));
  g_clear_error (&error);
  g_assert_cmpint (sc_store_add_question_category (store, session, quality, "   ", &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (sc_store_add_question_category (store, session, 999999, "Orphan", &error), ==, 0);
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (find_category (store, "Orphan"));
  g_assert_cmpuint (changes, ==, 3);

  /* Agents never edit the bank */
  g_assert_cmpint (sc_store_add_question_category (store, agent, 0, "Mine", &error), ==, 0);
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_rename_question_category (store, agent, calls, "Phone", &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (sc_store_remove_question_category (store, agent, chat, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_clear_error (&error);

  /* Renaming */
  g_assert_true (sc_store_rename_question_category (store, session, calls, "Phone calls", &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_category (store, "质检 Quality/Phone calls"));
  g_assert_null (find_category (store, "质检 Quality/Calls"));
  g_assert_false (sc_store_rename_question_category (store, session, chat, "Phone calls", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_rename_question_category (store, session, chat, "", &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_store_rename_question_category (store, session, chat, "Chat", &error));
  g_assert_no_error (error);

  /* Moving: never under itself or what is under it */
  g_assert_false (sc_store_move_question_category (store, session, quality, calls, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sc_store_move_question_category (store, session, quality, quality, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sc_store_move_question_category (store, session, chat, calls, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_category (store, "质检 Quality/Phone calls/Chat"));
  g_assert_true (sc_store_move_question_category (store, session, chat, 0, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_category (store, "Chat"));
  g_assert_cmpint (find_category (store, "Chat")->parent_id, ==, 0);
  /* Not next to one of the same name */
  empty = sc_store_add_question_category (store, session, quality, "Chat", &error);
  g_assert_no_error (error);
  g_assert_false (sc_store_move_question_category (store, session, chat, quality, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (find_category (store, "Chat"));

  /* Mapping to a skill */
  {
    g_autoptr(ScSkill) skill = sc_skill_new ("Call quality", SC_SKILL_CATEGORY_COMMUNICATION);

    g_assert_true (sc_store_add_skill (store, session, skill, &error));
    g_assert_no_error (error);
  }
  skills = sc_store_get_skills (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skills->len, >, 0);
  skill_id = sc_skill_get_id (g_ptr_array_index (skills, 0));
  g_assert_true (sc_store_set_question_category_skill (store, session, calls, skill_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (find_category (store, "质检 Quality/Phone calls")->skill_id, ==, skill_id);

  /* Removing: only what is empty */
  g_assert_false (sc_store_remove_question_category (store, session, quality, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (find_category (store, "质检 Quality"));
  g_assert_true (sc_store_remove_question_category (store, session, empty, &error));
  g_assert_no_error (error);
  g_assert_null (find_category (store, "质检 Quality/Chat"));
  g_assert_cmpuint (count_audit (store, "delete"), ==, 1);
  g_assert_false (sc_store_remove_question_category (store, session, empty, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* The sample bank: a category with questions, one an exam draws from */
static void
test_remove_refused (void)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScStore) store = sc_test_open_store (dir, "categories.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(ScExam) exam = NULL;
  ScSession *session = sc_test_session ();
  ScQuestionCategory *full = NULL;
  gint64 drawn;
  guint n_categories;

  g_assert_true (sc_demo_populate (store, session, NULL, &error));
  g_assert_no_error (error);
  categories = sc_store_get_question_categories (store, session, &error);
  g_assert_no_error (error);
  n_categories = categories->len;
  for (guint i = 0; i < categories->len && full == NULL; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (categories, i))->n_questions > 0)
      full = g_ptr_array_index (categories, i);
  if (full == NULL)
    g_error ("The sample bank has no category with questions");

  g_assert_false (sc_store_remove_question_category (store, session, full->id, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty category an exam draws from */
  drawn = sc_store_add_question_category (store, session, 0, "Drawn", &error);
  g_assert_no_error (error);
  exams = sc_store_get_exams (store, session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exams->len, >, 0);
  exam = sc_store_get_exam (store, session, ((ScExam *) g_ptr_array_index (exams, 0))->id, &error);
  g_assert_no_error (error);
  sc_exam_add_category_rule (exam, drawn, 1, 0);
  g_assert_true (sc_store_save_exam (store, session, exam, &error));
  g_assert_no_error (error);
  g_assert_false (sc_store_remove_question_category (store, session, drawn, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = sc_store_get_question_categories (store, session, &error);
  g_assert_cmpuint (categories->len, ==, n_categories + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/question-categories/edit", test_edit);
  g_test_add_func ("/core/question-categories/remove-refused", test_remove_refused);

  return g_test_run ();
}
