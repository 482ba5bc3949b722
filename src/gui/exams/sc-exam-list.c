/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-list"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-exam-editor.h"
#include "sc-exam-list.h"
#include "sc-exam-table.h"
#include "sc-permissions.h"
#include "common/sc-widget-util.h"

/*
 * ScExamList: the exams trainers have built, with what each draws and
 * how it went (attempts, pass rate); New, Edit, Duplicate and Delete for
 * those who may build exams; and below, the results and item analysis of
 * the exam chosen.
 */

struct _ScExamList
{
  ScPage              parent_instance;

  /* Owned */
  GPtrArray          *exams;      /* ScExam */
  GListStore         *rows;
  GtkSingleSelection *selection;

  /* Template */
  GtkLabel           *count_label;
  GtkButton          *new_button;
  GtkButton          *edit_button;
  GtkButton          *duplicate_button;
  GtkButton          *delete_button;
  GtkStack           *list_stack;
  GtkColumnView      *exam_view;
  GtkStack           *detail_stack;
  ScExamResults      *results;
};

G_DEFINE_FINAL_TYPE (ScExamList, sc_exam_list, SC_TYPE_PAGE)

static const char * const page_tables[] = {
  "exam", "exam_draw_rule", "exam_feedback_band", "exam_attempt", "exam_attempt_question", "exam_extra_time",
  "skill", NULL
};

enum { EXAM_NAME, EXAM_SKILL, EXAM_LEVEL, EXAM_QUESTIONS, EXAM_TIME, EXAM_PASS, EXAM_ATTEMPTS, EXAM_PASS_RATE,
       N_EXAM_CELLS };

/* Helpers */

static ScStore *
get_store (ScExamList *self)
{
  return sc_page_get_store (SC_PAGE (self));
}

static ScSession *
get_session (ScExamList *self)
{
  return sc_page_get_session (SC_PAGE (self));
}

static gboolean
may_write (ScExamList *self)
{
  return get_session (self) != NULL &&
         sc_permission_access (get_session (self), SC_OPERATION_EXAMS_WRITE) == SC_ACCESS_ALL;
}

static ScExam *
find_exam (ScExamList *self,
           gint64      exam_id)
{
  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      ScExam *exam = g_ptr_array_index (self->exams, i);

      if (exam->id == exam_id)
        return exam;
    }
  return NULL;
}

static guint
count_drawn (ScExam *exam)
{
  guint n = 0;

  for (guint i = 0; i < exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (exam->rules, ScExamRule, i);

      n += rule->question_id > 0 ? 1 : rule->count;
    }
  return n;
}

static void
update_actions (ScExamList *self)
{
  gboolean writer = may_write (self);
  gboolean selected = sc_exam_table_get_selected_id (self->selection) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->new_button), writer);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), writer);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_button), writer);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), writer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-list.new", writer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-list.edit", writer && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-list.duplicate", writer && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exam-list.delete", writer && selected);
}

static void
show_selected (ScExamList *self)
{
  gint64 exam_id = sc_exam_table_get_selected_id (self->selection);

  if (exam_id == 0)
    gtk_stack_set_visible_child_name (self->detail_stack, "none");
  else
    {
      sc_exam_results_set_exam (self->results, get_store (self), get_session (self), exam_id);
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");
    }
  update_actions (self);
}

/* Reloading */

static void
sc_exam_list_reload (ScPage *page)
{
  ScExamList *self = SC_EXAM_LIST (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autofree char *count = NULL;
  gint64 selected = sc_exam_table_get_selected_id (self->selection);

  if (!(exams = sc_store_get_exams (get_store (self), get_session (self), &error)) ||
      !(attempts = sc_store_get_attempts (get_store (self), get_session (self), 0, 0, &error)) ||
      !(skills = sc_store_get_skills (get_store (self), &error)))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }

  g_clear_pointer (&self->exams, g_ptr_array_unref);
  self->exams = g_steal_pointer (&exams);

  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < self->exams->len; i++)
    {
      ScExam *exam = g_ptr_array_index (self->exams, i);
      g_autoptr(ScExamTableRow) row = sc_exam_table_row_new (exam->id, N_EXAM_CELLS);
      guint n_attempts = 0, n_graded = 0, n_passed = 0;
      const char *skill = "—";

      for (guint k = 0; k < skills->len; k++)
        if (sc_skill_get_id (g_ptr_array_index (skills, k)) == exam->skill_id)
          skill = sc_skill_get_name (g_ptr_array_index (skills, k));
      for (guint k = 0; k < attempts->len; k++)
        {
          ScExamAttempt *attempt = g_ptr_array_index (attempts, k);

          if (attempt->exam_id != exam->id || attempt->state == SC_ATTEMPT_ABANDONED)
            continue;
          n_attempts++;
          if (attempt->state == SC_ATTEMPT_SUBMITTED && attempt->graded)
            {
              n_graded++;
              n_passed += attempt->passed ? 1 : 0;
            }
        }

      if (exam->available)
        sc_exam_table_row_set (row, EXAM_NAME, exam->name, NULL);
      else
        /* TRANSLATORS: an exam agents may no longer take */
        sc_exam_table_row_take (row, EXAM_NAME, g_strdup_printf (_("%s (unavailable)"), exam->name), "dim-label");
      sc_exam_table_row_set (row, EXAM_SKILL, skill, NULL);
      sc_exam_table_row_set (row, EXAM_LEVEL, sc_level_get_label (exam->level), NULL);
      sc_exam_table_row_set_key (row, EXAM_LEVEL, exam->level);
      sc_exam_table_row_set_key (row, EXAM_QUESTIONS, count_drawn (exam));
      sc_exam_table_row_set_key (row, EXAM_PASS, exam->pass_percent);
      sc_exam_table_row_set_key (row, EXAM_ATTEMPTS, n_attempts);
      sc_exam_table_row_take (row, EXAM_QUESTIONS, g_strdup_printf ("%u", count_drawn (exam)), NULL);
      if (exam->time_limit_minutes > 0)
        sc_exam_table_row_set_key (row, EXAM_TIME, exam->time_limit_minutes);
      if (exam->time_limit_minutes > 0)
        sc_exam_table_row_take (row, EXAM_TIME,
                                g_strdup_printf (ngettext ("%d min", "%d min", exam->time_limit_minutes),
                                                 exam->time_limit_minutes), NULL);
      else
        sc_exam_table_row_set (row, EXAM_TIME, C_("time limit", "None"), "dim-label");
      sc_exam_table_row_take (row, EXAM_PASS, g_strdup_printf (_("%.0f %%"), exam->pass_percent), NULL);
      sc_exam_table_row_take (row, EXAM_ATTEMPTS, g_strdup_printf ("%u", n_attempts), NULL);
      if (n_graded > 0)
        sc_exam_table_row_set_key (row, EXAM_PASS_RATE, 100.0 * n_passed / n_graded);
      if (n_graded > 0)
        sc_exam_table_row_take (row, EXAM_PASS_RATE, g_strdup_printf (_("%.0f %%"), 100.0 * n_passed / n_graded),
                                NULL);
      else
        sc_exam_table_row_set (row, EXAM_PASS_RATE, "—", "dim-label");
      g_list_store_append (self->rows, row);
    }

  count = g_strdup_printf (ngettext ("%u Exam", "%u Exams", self->exams->len), self->exams->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, self->exams->len > 0 ? "list" : "empty");

  /* The same exam stays chosen; the first one when none was */
  if (!sc_exam_table_select_id (self->selection, selected) && self->exams->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  show_selected (self);
}

/* Callbacks */

static void
on_selection_changed_cb (ScExamList *self)
{
  show_selected (self);
}

static void
on_editor_saved_cb (ScExamList *self,
                    gint64      exam_id)
{
  sc_page_reload_now (SC_PAGE (self));
  sc_exam_list_select_exam (self, exam_id);
}

static void
on_exam_activate_cb (ScExamList *self,
                     guint       position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (may_write (self))
    sc_exam_list_edit (self, sc_exam_table_get_selected_id (self->selection));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sc_exam_list_edit (SC_EXAM_LIST (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScExamList *self = SC_EXAM_LIST (widget);

  sc_exam_list_edit (self, sc_exam_table_get_selected_id (self->selection));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sc_exam_list_duplicate (SC_EXAM_LIST (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sc_exam_list_delete (SC_EXAM_LIST (widget));
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ScExamList       *self)
{
  gint64 exam_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "exam-id"));
  ScExam *exam = find_exam (self, exam_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (exam == NULL)
    return;

  if (g_str_equal (response, "delete"))
    {
      message = g_strdup_printf (_("“%s” deleted"), exam->name);
      if (!sc_store_remove_exam (get_store (self), get_session (self), exam_id, &error))
        {
          sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
          return;
        }
    }
  else if (g_str_equal (response, "unavailable"))
    {
      g_autoptr(ScExam) stored = sc_store_get_exam (get_store (self), get_session (self), exam_id, &error);

      if (stored != NULL)
        {
          stored->available = FALSE;
          message = g_strdup_printf (_("“%s” is no longer available to agents"), stored->name);
        }
      if (stored == NULL || !sc_store_save_exam (get_store (self), get_session (self), stored, &error))
        {
          sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
          return;
        }
    }
  else
    return;

  sc_page_reload_now (SC_PAGE (self));
  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
}

/* Overrides */

static void
sc_exam_list_dispose (GObject *object)
{
  ScExamList *self = SC_EXAM_LIST (object);

  /* Taking the columns away re-sorts the rows, which changes the selection */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  self->selection = NULL;
  self->rows = NULL;  /* the view's */
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EXAM_LIST);

  G_OBJECT_CLASS (sc_exam_list_parent_class)->dispose (object);
}

static void
sc_exam_list_finalize (GObject *object)
{
  ScExamList *self = SC_EXAM_LIST (object);

  g_clear_pointer (&self->exams, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_exam_list_parent_class)->finalize (object);
}

static void
sc_exam_list_class_init (ScExamListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_exam_list_dispose;
  object_class->finalize = sc_exam_list_finalize;
  page_class->reload = sc_exam_list_reload;
  page_class->tables = page_tables;

  g_type_ensure (SC_TYPE_EXAM_RESULTS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-exam-list.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExamList, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, new_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, exam_view);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamList, results);
  gtk_widget_class_bind_template_callback (widget_class, on_exam_activate_cb);

  gtk_widget_class_install_action (widget_class, "exam-list.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "exam-list.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "exam-list.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "exam-list.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "exam-list.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "exam-list.delete", NULL);
}

static void
sc_exam_list_init (ScExamList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = sc_exam_table_setup (self->exam_view, &self->rows);
  sc_exam_table_add_column (self->exam_view, _("Exam"), EXAM_NAME, SC_EXAM_COLUMN_EXPAND | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Skill"), EXAM_SKILL, SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Level"), EXAM_LEVEL, SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Questions"),
                            EXAM_QUESTIONS, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Time Limit"),
                            EXAM_TIME, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Pass Mark"), EXAM_PASS, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Attempts"),
                            EXAM_ATTEMPTS, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->exam_view, _("Pass Rate"),
                            EXAM_PASS_RATE, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Public API */

GtkWidget *
sc_exam_list_new (void)
{
  return g_object_new (SC_TYPE_EXAM_LIST, NULL);
}

guint
sc_exam_list_get_n_exams (ScExamList *self)
{
  g_return_val_if_fail (SC_IS_EXAM_LIST (self), 0);
  return self->exams != NULL ? self->exams->len : 0;
}

/**
 * sc_exam_list_find_exam:
 * Returns: the id of the exam called @name, or 0
 */
gint64
sc_exam_list_find_exam (ScExamList *self,
                        const char *name)
{
  g_return_val_if_fail (SC_IS_EXAM_LIST (self), 0);

  for (guint i = 0; self->exams != NULL && i < self->exams->len; i++)
    {
      ScExam *exam = g_ptr_array_index (self->exams, i);

      if (g_strcmp0 (exam->name, name) == 0)
        return exam->id;
    }
  return 0;
}

gboolean
sc_exam_list_select_exam (ScExamList *self,
                          gint64      exam_id)
{
  g_return_val_if_fail (SC_IS_EXAM_LIST (self), FALSE);
  return sc_exam_table_select_id (self->selection, exam_id);
}

gint64
sc_exam_list_get_selected (ScExamList *self)
{
  g_return_val_if_fail (SC_IS_EXAM_LIST (self), 0);
  return sc_exam_table_get_selected_id (self->selection);
}

/**
 * sc_exam_list_get_results:
 * Returns: (transfer none): the results of the exam chosen
 */
ScExamResults *
sc_exam_list_get_results (ScExamList *self)
{
  g_return_val_if_fail (SC_IS_EXAM_LIST (self), NULL);
  return self->results;
}

/**
 * sc_exam_list_edit:
 * @exam_id: an exam, or 0 for a new one
 *
 * Opens the exam builder; once it saves, the exam is chosen in the list.
 *
 * Returns: (transfer none) (nullable): the builder's window
 */
GtkWidget *
sc_exam_list_edit (ScExamList *self,
                   gint64      exam_id)
{
  GtkWidget *editor;

  g_return_val_if_fail (SC_IS_EXAM_LIST (self), NULL);

  if (!may_write (self))
    return NULL;
  editor = sc_exam_editor_new (sc_widget_get_window (GTK_WIDGET (self)), get_store (self), get_session (self), exam_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/**
 * sc_exam_list_duplicate:
 *
 * Copies the exam chosen under a new name, not yet available to agents,
 * and chooses the copy.
 *
 * Returns: the copy's id, or 0
 */
gint64
sc_exam_list_duplicate (ScExamList *self)
{
  g_autoptr(ScExam) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *original = NULL;
  gint64 exam_id;

  g_return_val_if_fail (SC_IS_EXAM_LIST (self), 0);

  exam_id = sc_exam_table_get_selected_id (self->selection);
  if (exam_id == 0 || !may_write (self))
    return 0;
  if (!(copy = sc_store_get_exam (get_store (self), get_session (self), exam_id, &error)))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return 0;
    }

  original = g_steal_pointer (&copy->name);
  for (guint n = 1; n < 100; n++)
    {
      g_free (copy->name);
      /* TRANSLATORS: the name of a copy of an exam; %u counts the copies from the second on */
      copy->name = n == 1 ? g_strdup_printf (_("%s (copy)"), original)
                          : g_strdup_printf (_("%s (copy %u)"), original, n);
      if (sc_exam_list_find_exam (self, copy->name) == 0)
        break;
    }
  copy->id = 0;
  copy->available = FALSE;
  if (!sc_store_save_exam (get_store (self), get_session (self), copy, &error))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return 0;
    }

  sc_page_reload_now (SC_PAGE (self));
  sc_exam_list_select_exam (self, copy->id);
  message = g_strdup_printf (_("Copied as “%s”, not yet available to agents"), copy->name);
  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (message));
  return copy->id;
}

/**
 * sc_exam_list_delete:
 *
 * Asks before deleting the exam chosen; an exam with attempts keeps its
 * results and is made unavailable instead.
 *
 * Returns: (transfer none) (nullable): the question asked
 */
GtkWidget *
sc_exam_list_delete (ScExamList *self)
{
  ScExam *exam;
  GtkWidget *dialog;
  guint n_attempts;

  g_return_val_if_fail (SC_IS_EXAM_LIST (self), NULL);

  exam = find_exam (self, sc_exam_table_get_selected_id (self->selection));
  if (exam == NULL || !may_write (self))
    return NULL;

  n_attempts = sc_exam_results_get_n_attempts (self->results);
  if (n_attempts > 0)
    {
      g_autofree char *heading = g_strdup_printf (_("Make “%s” Unavailable?"), exam->name);
      g_autofree char *body = g_strdup_printf (ngettext ("It has %u attempt, whose results are kept, so it cannot be deleted. Agents will no longer be able to take it.",
                                                         "It has %u attempts, whose results are kept, so it cannot be deleted. Agents will no longer be able to take it.",
                                                         n_attempts),
                                               n_attempts);

      dialog = adw_message_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), heading, body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "unavailable", _("_Make Unavailable"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unavailable",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), exam->name);

      dialog = adw_message_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), heading,
                                       _("Nobody has taken it yet. Its settings and draw rules are deleted; the questions stay in the bank."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "delete", _("_Delete"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "exam-id", GSIZE_TO_POINTER (exam->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
