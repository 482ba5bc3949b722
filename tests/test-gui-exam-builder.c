/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The Exams view of the Exams page in the real window on the sample
 * team, as a trainer: the list of exams; an exam built through the
 * builder's widgets (title, skill, a draw rule, a question picked from
 * the bank, pass mark, a grade band, extra time), refused while it is
 * incomplete and then saved; the results of a sample exam with an
 * attempt's marks by category; the item analysis, and its empty state;
 * an essay graded; Duplicate and Delete. Screenshots in English and
 * Chinese.
 */
#include "config.h"

#include <math.h>

#include "sc-gui-test-util.h"
#include "exams/sc-exam-editor.h"
#include "exams/sc-exam-list.h"
#include "exams/sc-exam-results.h"
#include "exams/sc-exam-table.h"
#include "exams/sc-exams-page.h"

static void
screenshot (gpointer    widget,
            const char *name)
{
  iterate_for (300);
  save_screenshot (widget, name);
}

static ScExamList *
show_exam_list (Fixture *fixture)
{
  ScExamsPage *page = SC_EXAMS_PAGE (get_child (fixture->window, SC_TYPE_WINDOW, "exams_page"));
  ScExamList *list;

  sc_window_set_visible_page (fixture->window, "exams");
  g_assert_cmpstr (sc_window_get_visible_page (fixture->window), ==, "exams");
  list = SC_EXAM_LIST (sc_exams_page_set_view (page, "exams"));
  g_assert_true (SC_IS_EXAM_LIST (list));
  iterate_for (300);
  return list;
}

/* The position of @text in a dropdown's list of strings */
static guint
find_string (GtkDropDown *dropdown,
             const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_builder (void)
{
  Fixture fixture = { 0 };
  ScExamList *list;
  ScExamEditor *editor;
  GtkWidget *title_row;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScExam) stored = NULL;
  g_autofree char *summary = NULL;
  const char *title = "Refund policy — Junior";
  gint64 category_id = 0;
  guint pool = 0;
  gint64 exam_id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  list = show_exam_list (&fixture);

  /* The three sample exams, the first one chosen with its results */
  g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 3);
  g_assert_cmpint (sc_exam_list_get_selected (list), !=, 0);
  g_assert_true (gtk_widget_get_visible (get_child (list, SC_TYPE_EXAM_LIST, "new_button")));
  screenshot (fixture.window, "exam-list");

  /* The category of the sample bank with the most questions */
  categories = sc_store_get_question_categories (fixture.store, fixture.session, NULL);
  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      if (category->n_questions > pool)
        {
          pool = category->n_questions;
          category_id = category->id;
        }
    }
  g_assert_cmpuint (pool, >=, 5);

  /* New: nothing to save yet */
  sc_exam_list_edit (list, 0);
  editor = wait_for_toplevel (SC_TYPE_EXAM_EDITOR);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  title_row = get_child (editor, SC_TYPE_EXAM_EDITOR, "title_row");
  g_assert_nonnull (sc_exam_editor_get_validation_error (editor));
  g_assert_false (sc_exam_editor_save (editor));
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_true (gtk_revealer_get_reveal_child (get_child (editor, SC_TYPE_EXAM_EDITOR, "error_revealer")));
  screenshot (editor, "exam-builder-invalid");

  /* Title and skill, then questions */
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  adw_combo_row_set_selected (get_child (editor, SC_TYPE_EXAM_EDITOR, "skill_row"), 1);
  g_assert_cmpstr (sc_exam_editor_get_validation_error (editor), ==,
                   _("The exam has no questions yet: add a draw rule or a question"));

  g_signal_emit_by_name (get_child (editor, SC_TYPE_EXAM_EDITOR, "add_rule_button"), "clicked");
  g_assert_cmpuint (sc_exam_editor_get_n_rules (editor), ==, 1);
  {
    GtkDropDown *category = GTK_DROP_DOWN (sc_exam_editor_get_rule_widget (editor, 0, "category"));
    GtkSpinButton *count = GTK_SPIN_BUTTON (sc_exam_editor_get_rule_widget (editor, 0, "count"));
    const char *path = NULL;

    for (guint i = 0; i < categories->len; i++)
      if (((ScQuestionCategory *) g_ptr_array_index (categories, i))->id == category_id)
        path = ((ScQuestionCategory *) g_ptr_array_index (categories, i))->path;
    gtk_drop_down_set_selected (category, find_string (category, path));

    /* More than the category holds: said on the rule */
    gtk_spin_button_set_value (count, pool + 1);
    g_assert_nonnull (sc_exam_editor_get_validation_error (editor));
    g_assert_nonnull (strstr (sc_exam_editor_get_validation_error (editor), path));
    g_assert_true (gtk_widget_has_css_class (sc_exam_editor_get_rule_widget (editor, 0, NULL), "error"));
    g_assert_false (gtk_widget_get_sensitive (get_child (editor, SC_TYPE_EXAM_EDITOR, "save_button")));

    gtk_spin_button_set_value (count, 5);
    g_assert_null (sc_exam_editor_get_validation_error (editor));
  }

  /* A question every attempt gets, picked from the bank by searching */
  gtk_menu_button_popup (get_child (editor, SC_TYPE_EXAM_EDITOR, "add_question_button"));
  iterate_for (100);
  gtk_editable_set_text (get_child (editor, SC_TYPE_EXAM_EDITOR, "question_search"), "5W2H");
  iterate_for (400);
  {
    GtkListBox *results = get_child (editor, SC_TYPE_EXAM_EDITOR, "question_results");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, 0);

    g_assert_nonnull (row);
    screenshot (get_child (editor, SC_TYPE_EXAM_EDITOR, "question_popover"), "exam-builder-pick");
    g_signal_emit_by_name (results, "row-activated", row);
  }
  g_assert_cmpuint (sc_exam_editor_get_n_rules (editor), ==, 2);
  g_assert_null (sc_exam_editor_get_validation_error (editor));

  /* Pass mark, and a grade band that needs its feedback */
  gtk_spin_button_set_value (get_child (editor, SC_TYPE_EXAM_EDITOR, "pass_spin"), 80);
  g_signal_emit_by_name (get_child (editor, SC_TYPE_EXAM_EDITOR, "add_band_button"), "clicked");
  g_assert_nonnull (sc_exam_editor_get_validation_error (editor));
  gtk_editable_set_text (GTK_EDITABLE (find_entry (GTK_WIDGET (editor), _("Feedback for these scores"))),
                         "Passed: ready for the refunds queue.");
  g_assert_null (sc_exam_editor_get_validation_error (editor));

  /* A grace period of no length is refused on its row */
  adw_combo_row_set_selected (get_child (editor, SC_TYPE_EXAM_EDITOR, "overdue_row"), 1);
  gtk_spin_button_set_value (get_child (editor, SC_TYPE_EXAM_EDITOR, "grace_spin"), 0);
  g_assert_nonnull (sc_exam_editor_get_validation_error (editor));
  g_assert_true (gtk_widget_has_css_class (get_child (editor, SC_TYPE_EXAM_EDITOR, "grace_row"), "error"));
  gtk_spin_button_set_value (get_child (editor, SC_TYPE_EXAM_EDITOR, "grace_spin"), 5);
  g_assert_null (sc_exam_editor_get_validation_error (editor));

  /* Ten more minutes for the first person of the list */
  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  gtk_drop_down_set_selected (get_child (editor, SC_TYPE_EXAM_EDITOR, "extra_person_dropdown"), 0);
  gtk_spin_button_set_value (get_child (editor, SC_TYPE_EXAM_EDITOR, "extra_minutes_spin"), 10);
  g_signal_emit_by_name (get_child (editor, SC_TYPE_EXAM_EDITOR, "extra_add_button"), "clicked");

  /* Six questions, thirty minutes */
  summary = sc_exam_editor_get_summary (editor);
  g_assert_true (g_str_has_prefix (summary, "6"));
  g_assert_nonnull (strstr (summary, "30"));
  screenshot (editor, "exam-builder");

  /* The end of the form: grading, grade bands and extra time */
  {
    GtkWidget *scrolled = find_descendant (get_child (editor, SC_TYPE_EXAM_EDITOR, "page"), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (editor, "exam-builder-end");
  }

  g_signal_emit_by_name (get_child (editor, SC_TYPE_EXAM_EDITOR, "save_button"), "clicked");
  iterate_for (200);
  g_assert_null (editor);

  /* In the store as built, and chosen in the list */
  exam_id = sc_exam_list_find_exam (list, title);
  g_assert_cmpint (exam_id, !=, 0);
  g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 4);
  g_assert_cmpint (sc_exam_list_get_selected (list), ==, exam_id);
  stored = sc_store_get_exam (fixture.store, fixture.session, exam_id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, title);
  g_assert_cmpint (stored->skill_id, !=, 0);
  g_assert_cmpfloat_with_epsilon (stored->pass_percent, 80, 1e-9);
  g_assert_cmpint (stored->overdue, ==, SC_EXAM_OVERDUE_GRACE);
  g_assert_cmpint (stored->grace_minutes, ==, 5);
  g_assert_cmpuint (stored->rules->len, ==, 2);
  g_assert_cmpint (g_array_index (stored->rules, ScExamRule, 0).category_id, ==, category_id);
  g_assert_cmpuint (g_array_index (stored->rules, ScExamRule, 0).count, ==, 5);
  g_assert_cmpint (g_array_index (stored->rules, ScExamRule, 1).question_id, >, 0);
  g_assert_cmpuint (stored->bands->len, ==, 1);
  g_assert_cmpint (sc_store_get_exam_extra_time (fixture.store, exam_id,
                                                 sc_person_get_id (g_ptr_array_index (people, 0))), ==, 10);

  /* Opened again, it is as saved and valid */
  sc_exam_list_edit (list, exam_id);
  editor = wait_for_toplevel (SC_TYPE_EXAM_EDITOR);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (get_child (editor, SC_TYPE_EXAM_EDITOR, "title_row")), ==, title);
  g_assert_cmpuint (sc_exam_editor_get_n_rules (editor), ==, 2);
  g_assert_null (sc_exam_editor_get_validation_error (editor));

  /* A second exam of the same title is refused on the title */
  gtk_editable_set_text (get_child (editor, SC_TYPE_EXAM_EDITOR, "title_row"), _("Phone channel — Junior"));
  g_assert_nonnull (sc_exam_editor_get_validation_error (editor));
  g_assert_true (gtk_widget_has_css_class (get_child (editor, SC_TYPE_EXAM_EDITOR, "title_row"), "error"));
  gtk_window_close (GTK_WINDOW (editor));
  iterate_for (100);
  g_assert_null (editor);

  fixture_tear_down (&fixture);
}

static void
test_results (void)
{
  Fixture fixture = { 0 };
  ScExamList *list;
  ScExamResults *results;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(ScItemAnalysis) analysis = NULL;
  const ScItemAnalysis *shown;
  gint64 phone, diagnosis, attempt_id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  list = show_exam_list (&fixture);
  results = sc_exam_list_get_results (list);

  /* Every attempt of the phone exam, newest first */
  phone = sc_exam_list_find_exam (list, _("Phone channel — Junior"));
  g_assert_cmpint (phone, !=, 0);
  g_assert_true (sc_exam_list_select_exam (list, phone));
  iterate_for (100);
  attempts = sc_store_get_attempts (fixture.store, fixture.session, phone, 0, NULL);
  g_assert_cmpuint (attempts->len, >=, 2);
  g_assert_cmpuint (sc_exam_results_get_n_attempts (results), ==, attempts->len);

  /* An attempt's marks by category, the newest's at first */
  g_assert_cmpuint (sc_exam_results_get_n_parts (results), >=, 1);
  attempt_id = sc_exam_results_find_attempt (results, TRUE);
  g_assert_cmpint (attempt_id, !=, 0);
  g_assert_true (sc_exam_results_select_attempt (results, attempt_id));
  g_assert_cmpuint (sc_exam_results_get_n_parts (results), >=, 1);
  screenshot (fixture.window, "exam-results");

  /* Sorted by percent, lowest first, by the column's header */
  {
    GtkColumnView *view = get_child (results, SC_TYPE_EXAM_RESULTS, "attempts_view");
    g_autoptr(GtkColumnViewColumn) percent = g_list_model_get_item (gtk_column_view_get_columns (view), 4);
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
    double last = -1;

    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, attempts->len);
    gtk_column_view_sort_by_column (view, percent, GTK_SORT_ASCENDING);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(ScExamTableRow) row = g_list_model_get_item (rows, i);
        double key = sc_exam_table_row_get_key (row, 4);

        if (isnan (key))
          continue;
        g_assert_cmpfloat (key, >=, last);
        last = key;
      }
    g_assert_cmpfloat (last, >, 0);
    /* The attempt chosen stays chosen */
    g_assert_true (sc_exam_results_select_attempt (results, attempt_id));
    g_assert_cmpuint (sc_exam_results_get_n_parts (results), >=, 1);
  }

  /* The item analysis is the store's */
  sc_exam_results_set_view (results, "analysis");
  analysis = sc_store_get_exam_item_analysis (fixture.store, fixture.session, phone, &items, NULL);
  shown = sc_exam_results_get_analysis (results);
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->n_attempts, ==, analysis->n_attempts);
  g_assert_cmpuint (sc_exam_results_get_n_items (results), ==, analysis->n_items);
  g_assert_cmpfloat_with_epsilon (shown->mean, analysis->mean, 1e-9);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (results, SC_TYPE_EXAM_RESULTS, "analysis_stack")),
                   ==, "table");
  screenshot (fixture.window, "exam-item-analysis");

  /* The essay waiting for a trainer, graded */
  diagnosis = sc_exam_list_find_exam (list, _("Problem diagnosis (5W2H) — Intermediate"));
  g_assert_true (sc_exam_list_select_exam (list, diagnosis));
  iterate_for (100);
  g_assert_cmpuint (sc_exam_results_get_n_essays (results), ==, 1);
  attempt_id = sc_exam_results_find_attempt (results, FALSE);
  g_assert_cmpint (attempt_id, !=, 0);
  sc_exam_results_set_view (results, "essays");
  g_assert_true (sc_exam_results_select_essay (results, 0));
  gtk_spin_button_set_value (get_child (results, SC_TYPE_EXAM_RESULTS, "grade_spin"), 75);
  gtk_editable_set_text (get_child (results, SC_TYPE_EXAM_RESULTS, "comment_row"), "Clear steps; name the owner.");
  screenshot (fixture.window, "exam-essay-grading");
  g_signal_emit_by_name (get_child (results, SC_TYPE_EXAM_RESULTS, "grade_button"), "clicked");
  iterate_for (200);
  g_assert_cmpuint (sc_exam_results_get_n_essays (results), ==, 0);
  {
    g_autoptr(ScExamAttempt) graded = sc_store_get_attempt (fixture.store, fixture.session, attempt_id, NULL);

    g_assert_nonnull (graded);
    g_assert_true (graded->graded);
  }

  /* A copy has no attempts: nothing to analyse yet */
  g_assert_cmpint (sc_exam_list_duplicate (list), !=, 0);
  iterate_for (100);
  g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 4);
  g_assert_cmpuint (sc_exam_results_get_n_attempts (results), ==, 0);
  sc_exam_results_set_view (results, "analysis");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (results, SC_TYPE_EXAM_RESULTS, "analysis_stack")),
                   ==, "empty");
  screenshot (fixture.window, "exam-item-analysis-empty");

  /* Deleted, once asked */
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (sc_exam_list_delete (list));

    g_assert_nonnull (ask);
    wait_until_mapped (GTK_WIDGET (ask));
    adw_message_dialog_response (ask, "delete");
    iterate_for (100);
    g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 3);
  }

  /* One with attempts is made unavailable instead */
  g_assert_true (sc_exam_list_select_exam (list, phone));
  iterate_for (100);
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (sc_exam_list_delete (list));
    g_autoptr(ScExam) stored = NULL;

    wait_until_mapped (GTK_WIDGET (ask));
    adw_message_dialog_response (ask, "unavailable");
    iterate_for (100);
    g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 3);
    stored = sc_store_get_exam (fixture.store, fixture.session, phone, NULL);
    g_assert_false (stored->available);
  }

  fixture_tear_down (&fixture);
}

static void
test_supervisor (void)
{
  Fixture fixture = { 0 };
  ScExamList *list;

  /* Supervisors build exams too */
  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  list = show_exam_list (&fixture);
  g_assert_cmpuint (sc_exam_list_get_n_exams (list), ==, 3);
  g_assert_true (gtk_widget_get_visible (get_child (list, SC_TYPE_EXAM_LIST, "new_button")));
  g_assert_true (gtk_widget_get_visible (get_child (list, SC_TYPE_EXAM_LIST, "delete_button")));

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_builder ();
  test_results ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add_func ("/gui/exam-builder/builder", test_builder);
  g_test_add_func ("/gui/exam-builder/results", test_results);
  g_test_add_func ("/gui/exam-builder/supervisor", test_supervisor);
  g_test_add_func ("/gui/zh_CN/exam-builder", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
