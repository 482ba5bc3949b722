/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Exams page in the real window on the sample team, as a trainer: the
 * question bank with its search, the editor of every question type with
 * its preview and inline validation, Delete with Undo, and a GIFT file
 * imported through the dialog with one malformed question. An agent does
 * not see the page. Screenshots in English and Chinese.
 */
#include "config.h"

#include "sc-gui-test-util.h"
#include "exams/sc-exams-page.h"
#include "exams/sc-question-import-dialog.h"
#include "sc-question-import.h"

static void
screenshot (gpointer    widget,
            const char *name)
{
  iterate_for (200);
  save_screenshot (widget, name);
}

static ScExamsPage *
show_exams (Fixture *fixture)
{
  ScExamsPage *page = SC_EXAMS_PAGE (get_child (fixture->window, SC_TYPE_WINDOW, "exams_page"));

  sc_window_set_visible_page (fixture->window, "exams");
  g_assert_cmpstr (sc_window_get_visible_page (fixture->window), ==, "exams");
  iterate_for (200);
  return page;
}

static void
test_bank (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;
  guint n_bank;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = show_exams (&fixture);

  /* The whole sample bank, every question listed */
  n_bank = sc_store_count_questions (fixture.store);
  g_assert_cmpuint (n_bank, ==, 134);
  g_assert_cmpuint (sc_exams_page_get_n_questions (page), ==, n_bank);
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), ==, n_bank);
  screenshot (fixture.window, "exams-bank");

  /* Search narrows, and finds nothing for nonsense */
  sc_exams_page_set_search (page, "5W2H");
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), >, 0);
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), <, n_bank);
  sc_exams_page_set_search (page, "zzqxv-no-such-words");
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), ==, 0);
  sc_exams_page_set_search (page, "");
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), ==, n_bank);

  fixture_tear_down (&fixture);
}

static void
test_editor (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;
  ScQuestion *editing;
  g_autoptr(ScQuestion) stored = NULL;
  gint64 id;
  static const char * const shots[SC_N_QUESTION_TYPES] = {
    [SC_QUESTION_TYPE_MULTICHOICE] = "exams-editor-multichoice",
    [SC_QUESTION_TYPE_NUMERICAL] = "exams-editor-numerical",
    [SC_QUESTION_TYPE_MATCHING] = "exams-editor-matching",
  };

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = show_exams (&fixture);

  /* A question of each type opens in the editor, valid as stored */
  for (guint type = 0; type < SC_N_QUESTION_TYPES; type++)
    {
      id = sc_exams_page_find_question (page, type);
      g_assert_cmpint (id, !=, 0);
      g_assert_true (sc_exams_page_open_question (page, id));
      editing = sc_exams_page_get_editing (page);
      g_assert_nonnull (editing);
      g_assert_cmpint (editing->id, ==, id);
      g_assert_cmpint (editing->type, ==, type);
      g_assert_null (sc_exams_page_get_validation_error (page));
      g_assert_nonnull (sc_exams_page_get_name_row (page));
      if (shots[type] != NULL)
        screenshot (fixture.window, shots[type]);
      if (type == SC_QUESTION_TYPE_MATCHING)
        screenshot (get_child (page, SC_TYPE_EXAMS_PAGE, "preview_box"), "exams-preview-matching");
      if (type == SC_QUESTION_TYPE_MULTICHOICE)
        screenshot (get_child (page, SC_TYPE_EXAMS_PAGE, "editor_box"), "exams-editor-multichoice-fields");
    }

  /* Change one and save it */
  id = sc_exams_page_find_question (page, SC_QUESTION_TYPE_TRUEFALSE);
  g_assert_cmpint (id, !=, 0);
  g_assert_true (sc_exams_page_open_question (page, id));
  gtk_editable_set_text (GTK_EDITABLE (sc_exams_page_get_name_row (page)), "Renamed in the editor");
  g_assert_null (sc_exams_page_get_validation_error (page));
  g_assert_true (gtk_widget_get_sensitive (get_child (page, SC_TYPE_EXAMS_PAGE, "save_button")));
  g_signal_emit_by_name (get_child (page, SC_TYPE_EXAMS_PAGE, "save_button"), "clicked");
  stored = sc_store_get_question (fixture.store, fixture.session, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "Renamed in the editor");

  /* An empty name: the error shown in the editor, Save refused */
  gtk_editable_set_text (GTK_EDITABLE (sc_exams_page_get_name_row (page)), "");
  g_assert_nonnull (sc_exams_page_get_validation_error (page));
  g_assert_true (gtk_widget_has_css_class (sc_exams_page_get_name_row (page), "error"));
  g_assert_true (gtk_revealer_get_reveal_child (get_child (page, SC_TYPE_EXAMS_PAGE, "validation_revealer")));
  g_assert_false (gtk_widget_get_sensitive (get_child (page, SC_TYPE_EXAMS_PAGE, "save_button")));
  g_assert_false (sc_exams_page_save (page));
  screenshot (fixture.window, "exams-editor-invalid");
  g_clear_pointer (&stored, sc_question_unref);
  stored = sc_store_get_question (fixture.store, fixture.session, id, NULL);
  g_assert_cmpstr (stored->name, ==, "Renamed in the editor");

  /* A numerical answer typed as a range is kept as its middle ± half its
   * width; a value that is no number is refused where it is typed */
  id = sc_exams_page_find_question (page, SC_QUESTION_TYPE_NUMERICAL);
  g_assert_true (sc_exams_page_open_question (page, id));
  {
    GtkWidget *value = find_entry (GTK_WIDGET (page), _("Value, or a range such as 10..15"));
    ScQuestionAnswer *answer;

    g_assert_nonnull (value);
    gtk_editable_set_text (GTK_EDITABLE (value), "55..65");
    answer = g_ptr_array_index (sc_exams_page_get_editing (page)->answers, 0);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (answer->text, NULL), 60, 1e-9);
    g_assert_cmpfloat_with_epsilon (answer->tolerance, 5, 1e-9);
    g_assert_null (sc_exams_page_get_validation_error (page));

    gtk_editable_set_text (GTK_EDITABLE (value), "ten");
    g_assert_nonnull (sc_exams_page_get_validation_error (page));
    g_assert_nonnull (strstr (sc_exams_page_get_validation_error (page), "ten"));
    g_assert_false (gtk_widget_get_sensitive (get_child (page, SC_TYPE_EXAMS_PAGE, "save_button")));
  }

  /* Choosing another question asks what to do with the changes */
  {
    GtkListBox *list = get_child (page, SC_TYPE_EXAMS_PAGE, "question_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    gint64 other = *(gint64 *) g_object_get_data (G_OBJECT (row), "question-id");
    AdwMessageDialog *ask;

    g_assert_cmpint (other, !=, id);
    gtk_list_box_select_row (list, row);
    ask = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_cmpint (sc_exams_page_get_editing (page)->id, ==, id);
    adw_message_dialog_response (ask, "discard");
    iterate_for (100);
    g_assert_cmpint (sc_exams_page_get_editing (page)->id, ==, other);
    g_assert_null (sc_exams_page_get_validation_error (page));
  }

  /* A new short-answer question: invalid until it has a text and an answer */
  sc_exams_page_add_question (page, SC_QUESTION_TYPE_SHORTANSWER);
  editing = sc_exams_page_get_editing (page);
  g_assert_cmpint (editing->id, ==, 0);
  g_assert_nonnull (sc_exams_page_get_validation_error (page));

  fixture_tear_down (&fixture);
}

static void
test_delete_undo (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;
  gint64 id;
  guint n_bank;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = show_exams (&fixture);
  n_bank = sc_store_count_questions (fixture.store);

  id = sc_exams_page_find_question (page, SC_QUESTION_TYPE_MATCHING);
  g_assert_true (sc_exams_page_open_question (page, id));
  g_assert_true (sc_exams_page_duplicate (page));
  g_assert_cmpuint (sc_store_count_questions (fixture.store), ==, n_bank + 1);
  g_assert_cmpint (sc_exams_page_get_editing (page)->id, !=, id);

  g_assert_true (sc_exams_page_delete (page));
  g_assert_cmpuint (sc_store_count_questions (fixture.store), ==, n_bank);
  g_assert_cmpuint (sc_exams_page_get_n_questions (page), ==, n_bank);

  /* The toast's Undo puts it back, pairs and all */
  g_assert_true (gtk_widget_activate_action (get_child (fixture.window, SC_TYPE_WINDOW, "toast_overlay"),
                                             "exams.undo-delete", NULL));
  iterate_for (100);
  g_assert_cmpuint (sc_store_count_questions (fixture.store), ==, n_bank + 1);
  g_assert_cmpuint (sc_exams_page_get_editing (page)->pairs->len, >=, 2);

  fixture_tear_down (&fixture);
}

static void
wait_idle (ScQuestionImportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (sc_question_import_dialog_is_busy (dialog) && g_get_monotonic_time () < deadline)
    iterate_for (20);
  g_assert_false (sc_question_import_dialog_is_busy (dialog));
}

static void
test_import (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;
  ScQuestionImportDialog *dialog;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "questions-gui.gift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *problem = NULL;
  guint n_bank;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = show_exams (&fixture);
  n_bank = sc_store_count_questions (fixture.store);

  g_signal_emit_by_name (get_child (page, SC_TYPE_EXAMS_PAGE, "import_button"), "clicked");
  dialog = wait_for_toplevel (SC_TYPE_QUESTION_IMPORT_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  sc_question_import_dialog_load_file (dialog, file);
  wait_idle (dialog);

  /* Four questions read, the malformed one listed with its line */
  g_assert_cmpuint (sc_question_import_dialog_get_n_questions (dialog), ==, 4);
  g_assert_cmpuint (sc_question_import_dialog_get_n_problems (dialog), ==, 1);
  problem = sc_question_import_dialog_get_problem (dialog, 0);
  g_assert_nonnull (strstr (problem, "questions-gui.gift:14:"));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG,
                                                       "import_all_button")));
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG,
                                                      "import_valid_button")));
  screenshot (dialog, "exams-import");

  /* An Aiken file without problems may be imported whole; the format is
   * recognised, or chosen */
  {
    g_autofree char *aiken_path = g_test_build_filename (G_TEST_DIST, "data", "aiken-good.txt", NULL);
    g_autoptr(GFile) aiken = g_file_new_for_path (aiken_path);

    sc_question_import_dialog_load_file (dialog, aiken);
    wait_idle (dialog);
    g_assert_cmpuint (sc_question_import_dialog_get_n_questions (dialog), ==, 3);
    g_assert_cmpuint (sc_question_import_dialog_get_n_problems (dialog), ==, 0);
    g_assert_true (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG,
                                                        "import_all_button")));
    g_assert_false (gtk_widget_get_sensitive (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG,
                                                         "import_valid_button")));

    /* Read as GIFT, the same file is not the same at all */
    adw_combo_row_set_selected (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG, "format_row"), 1);
    wait_idle (dialog);
    g_assert_cmpuint (sc_question_import_dialog_get_n_questions (dialog) +
                      sc_question_import_dialog_get_n_problems (dialog), >, 0);
    adw_combo_row_set_selected (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG, "format_row"), 0);
    wait_idle (dialog);
  }

  sc_question_import_dialog_load_file (dialog, file);
  wait_idle (dialog);
  g_assert_cmpuint (sc_question_import_dialog_get_n_problems (dialog), ==, 1);

  /* Nothing written yet */
  g_assert_cmpuint (sc_store_count_questions (fixture.store), ==, n_bank);

  g_signal_emit_by_name (get_child (dialog, SC_TYPE_QUESTION_IMPORT_DIALOG, "import_valid_button"), "clicked");
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (dialog != NULL && g_get_monotonic_time () < deadline)
      iterate_for (20);
  }
  g_assert_null (dialog);
  g_assert_cmpuint (sc_store_count_questions (fixture.store), ==, n_bank + 4);
  iterate_for (200);
  g_assert_cmpuint (sc_exams_page_get_n_questions (page), ==, n_bank + 4);

  /* Found by their Chinese text */
  sc_exams_page_set_search (page, "尊称");
  g_assert_cmpuint (sc_exams_page_get_n_shown (page), ==, 1);

  fixture_tear_down (&fixture);
}

static void
test_export (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ScQuestionImport) import = NULL;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = show_exams (&fixture);

  /* The whole bank to GIFT, read back whole */
  path = g_build_filename (fixture.dir, "bank.gift", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (sc_exams_page_export_to_file (page, file, &error));
  g_assert_no_error (error);
  import = sc_question_import_read_file (file, TRUE, SC_QUESTION_FORMAT_GIFT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->questions->len, ==, sc_store_count_questions (fixture.store));

  fixture_tear_down (&fixture);
}

static void
test_agent (void)
{
  Fixture fixture = { 0 };

  /* The bank holds the answer keys: no page for agents */
  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_AGENT);
  g_assert_null (adw_view_stack_get_child_by_name (get_child (fixture.window, SC_TYPE_WINDOW, "stack"), "exams"));
  sc_window_set_visible_page (fixture.window, "exams");
  g_assert_cmpstr (sc_window_get_visible_page (fixture.window), !=, "exams");

  fixture_tear_down (&fixture);
}

static void
test_supervisor (void)
{
  Fixture fixture = { 0 };
  ScExamsPage *page;

  /* Supervisors keep the bank too */
  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = show_exams (&fixture);
  g_assert_cmpuint (sc_exams_page_get_n_questions (page), ==, sc_store_count_questions (fixture.store));
  g_assert_true (gtk_widget_get_sensitive (get_child (page, SC_TYPE_EXAMS_PAGE, "import_button")));

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_bank ();
  test_editor ();
  test_import ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);
  /* A blinking cursor in the editor redraws the window while it is being
   * captured; the screenshots want a still window */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/gui/exams/bank", test_bank);
  g_test_add_func ("/gui/exams/editor", test_editor);
  g_test_add_func ("/gui/exams/delete-undo", test_delete_undo);
  g_test_add_func ("/gui/exams/import", test_import);
  g_test_add_func ("/gui/exams/export", test_export);
  g_test_add_func ("/gui/exams/agent", test_agent);
  g_test_add_func ("/gui/exams/supervisor", test_supervisor);
  g_test_add_func ("/gui/zh_CN/exams", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
