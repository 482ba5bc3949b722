/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sc-gui-test-util.h"
#include "exams/sc-category-dialog.h"

/*
 * The question bank's categories edited from the Exams page by a
 * trainer: added, refused with a reason, renamed, moved, mapped to a
 * skill and deleted when empty. Screenshots in English and Chinese.
 */

static ScQuestionCategory *
find_category (Fixture   *fixture,
               GPtrArray **categories,
               gint64      id)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (categories, g_ptr_array_unref);
  *categories = sc_store_get_question_categories (fixture->store, fixture->session, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < (*categories)->len; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (*categories, i))->id == id)
      return g_ptr_array_index (*categories, i);
  return NULL;
}

static void
test_categories (void)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 };
  ScCategoryDialog *dialog;
  ScQuestionCategory *category;
  ScQuestionCategory *full = NULL;
  GtkWidget *page;
  guint n;
  gint64 quality;
  gint64 phone;
  gint64 skill_id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  sc_window_set_visible_page (fixture.window, "exams");
  page = sc_window_get_page (fixture.window, "exams");
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (page, "exams.edit-categories", NULL));
  dialog = wait_for_toplevel (SC_TYPE_CATEGORY_DIALOG);

  find_category (&fixture, &categories, 0);
  n = categories->len;
  g_assert_cmpuint (sc_category_dialog_get_n_categories (dialog), ==, n);

  /* Added at the top, and chosen */
  g_assert_true (sc_category_dialog_add (dialog, 0, "Quality 质检"));
  g_assert_null (sc_category_dialog_get_error (dialog));
  g_assert_cmpuint (sc_category_dialog_get_n_categories (dialog), ==, n + 1);
  quality = sc_category_dialog_get_selected (dialog);
  category = find_category (&fixture, &categories, quality);
  g_assert_nonnull (category);
  g_assert_cmpstr (category->path, ==, "Quality 质检");

  /* Refused: the same name twice, no name */
  g_assert_false (sc_category_dialog_add (dialog, 0, "Quality 质检"));
  g_assert_nonnull (sc_category_dialog_get_error (dialog));
  g_assert_nonnull (strstr (sc_category_dialog_get_error (dialog), "Quality 质检"));
  g_assert_cmpuint (sc_category_dialog_get_n_categories (dialog), ==, n + 1);
  save_screenshot (dialog, "category-dialog-error");
  g_assert_false (sc_category_dialog_add (dialog, quality, "  "));
  g_assert_nonnull (sc_category_dialog_get_error (dialog));

  /* Renamed; a subcategory under it; never under its own subcategory */
  g_assert_true (sc_category_dialog_select (dialog, quality));
  g_assert_true (sc_category_dialog_rename (dialog, "Call quality 通话质量"));
  g_assert_cmpstr (find_category (&fixture, &categories, quality)->path, ==, "Call quality 通话质量");
  g_assert_true (sc_category_dialog_add (dialog, quality, "Phone"));
  phone = sc_category_dialog_get_selected (dialog);
  g_assert_cmpstr (find_category (&fixture, &categories, phone)->path, ==, "Call quality 通话质量/Phone");
  g_assert_true (sc_category_dialog_select (dialog, quality));
  g_assert_false (sc_category_dialog_move (dialog, phone));
  g_assert_nonnull (sc_category_dialog_get_error (dialog));
  g_assert_cmpint (find_category (&fixture, &categories, quality)->parent_id, ==, 0);

  /* Moved to the top, mapped to a skill */
  g_assert_true (sc_category_dialog_select (dialog, phone));
  g_assert_true (sc_category_dialog_move (dialog, 0));
  g_assert_cmpstr (find_category (&fixture, &categories, phone)->path, ==, "Phone");
  skills = sc_store_get_skills (fixture.store, &error);
  g_assert_no_error (error);
  skill_id = sc_skill_get_id (g_ptr_array_index (skills, 0));
  g_assert_true (sc_category_dialog_set_skill (dialog, skill_id));
  g_assert_cmpint (find_category (&fixture, &categories, phone)->skill_id, ==, skill_id);
  {
    AdwComboRow *skill_row = get_child (dialog, SC_TYPE_CATEGORY_DIALOG, "skill_row");

    g_assert_cmpuint (adw_combo_row_get_selected (skill_row), ==, 1);
  }
  save_screenshot (dialog, "category-dialog");

  /* Deleted when empty; one with questions is not */
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_CATEGORY_DIALOG, "delete_button")));
  g_assert_true (sc_category_dialog_delete (dialog));
  g_assert_null (find_category (&fixture, &categories, phone));
  g_assert_cmpuint (sc_category_dialog_get_n_categories (dialog), ==, n + 1);
  for (guint i = 0; i < categories->len && full == NULL; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (categories, i))->n_questions > 0)
      full = g_ptr_array_index (categories, i);
  if (full == NULL)
    g_error ("The sample bank has no category with questions");
  g_assert_true (sc_category_dialog_select (dialog, full->id));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_CATEGORY_DIALOG, "delete_button")));
  g_assert_false (sc_category_dialog_delete (dialog));
  g_assert_nonnull (sc_category_dialog_get_error (dialog));
  save_screenshot (dialog, "category-dialog-not-empty");

  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  test_categories ();
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/exams/categories", test_categories);
  g_test_add_func ("/gui/exams/categories/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
