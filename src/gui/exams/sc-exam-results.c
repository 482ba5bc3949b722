/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-exam-results.h"
#include "sc-exam-table.h"
#include "sc-permissions.h"

/*
 * ScExamResults: what an exam gave, for trainers and supervisors. The
 * attempts with their state, score and result, and the marks of the
 * attempt chosen by category (and its skill); the essays of the exam
 * waiting for a trainer, with a form to grade them; and the item
 * analysis: facility, SD and discrimination per question with what to
 * review, and the test's mean, SD and Cronbach's α.
 */

struct _ScExamResults
{
  AdwBin              parent_instance;

  /* Owned */
  ScStore            *store;
  ScSession          *session;
  gint64              exam_id;
  GPtrArray          *attempts;   /* ScExamAttempt */
  GPtrArray          *essays;     /* ScEssayToGrade of this exam */
  ScItemAnalysis     *analysis;
  GListStore         *attempt_rows;
  GListStore         *part_rows;
  GListStore         *item_rows;
  GtkSingleSelection *attempt_selection;
  guint               n_parts;

  /* Template */
  GtkLabel           *summary_label;
  GtkStack           *view_stack;
  GtkStack           *attempts_stack;
  GtkColumnView      *attempts_view;
  GtkLabel           *breakdown_title;
  GtkLabel           *feedback_label;
  GtkStack           *breakdown_stack;
  GtkColumnView      *breakdown_view;
  GtkStackPage       *essays_page;
  GtkStack           *essays_stack;
  GtkListBox         *essay_list;
  GtkLabel           *essay_who_label;
  GtkLabel           *essay_question_label;
  GtkLabel           *essay_guide_heading;
  GtkLabel           *essay_guide_label;
  GtkLabel           *essay_response_label;
  GtkSpinButton      *grade_spin;
  AdwEntryRow        *comment_row;
  GtkLabel           *grade_error_label;
  GtkButton          *grade_button;
  GtkStack           *analysis_stack;
  GtkBox             *stats_box;
  GtkColumnView      *analysis_view;
};

G_DEFINE_FINAL_TYPE (ScExamResults, sc_exam_results, ADW_TYPE_BIN)

enum { ATTEMPT_PERSON, ATTEMPT_NUMBER, ATTEMPT_STATE, ATTEMPT_SCORE, ATTEMPT_PERCENT, ATTEMPT_RESULT,
       ATTEMPT_FINISHED, N_ATTEMPT_CELLS };
enum { PART_CATEGORY, PART_SKILL, PART_MARKS, PART_PERCENT, N_PART_CELLS };
enum { ITEM_QUESTION, ITEM_ATTEMPTS, ITEM_FACILITY, ITEM_SD, ITEM_DISCRIMINATION, ITEM_REVIEW, N_ITEM_CELLS };

/* Helpers */

static char *
format_number (double value,
               int    decimals)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_percent (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  /* TRANSLATORS: a percentage, as in “72 %” */
  return g_strdup_printf (_("%.0f %%"), value);
}

/* A UTC time from the store, as a local date and time */
static char *
format_time (const char *utc)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || *utc == '\0')
    return g_strdup ("—");
  if (!(time = g_date_time_new_from_iso8601 (utc, NULL)))
    return g_strdup (utc);
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
state_label (ScAttemptState state)
{
  switch (state)
    {
    case SC_ATTEMPT_IN_PROGRESS:
      return C_("attempt", "In progress");
    case SC_ATTEMPT_SUBMITTED:
      return C_("attempt", "Submitted");
    case SC_ATTEMPT_ABANDONED:
      return C_("attempt", "Abandoned");
    default:
      return "";
    }
}

static char *
flags_text (ScItemFlags flags)
{
  GString *out = g_string_new (NULL);
  const struct { ScItemFlags flag; const char *label; } labels[] = {
    { SC_ITEM_FLAG_TOO_EASY, N_("too easy") },
    { SC_ITEM_FLAG_TOO_HARD, N_("too hard") },
    { SC_ITEM_FLAG_LOW_DISCRIMINATION, N_("weak discrimination") },
    { SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION, N_("negative discrimination") },
    { SC_ITEM_FLAG_FEW_ATTEMPTS, N_("few attempts") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (flags & labels[i].flag)
      /* TRANSLATORS: separates the reasons to review a question */
      g_string_append_printf (out, "%s%s", out->len > 0 ? C_("reasons", ", ") : "", _(labels[i].label));
  return g_string_free (out, FALSE);
}

static void
set_grade_error (ScExamResults *self,
                 const char    *message)
{
  gtk_label_set_text (self->grade_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->grade_error_label), message != NULL);
}

static ScExamAttempt *
find_attempt (ScExamResults *self,
              gint64         attempt_id)
{
  for (guint i = 0; self->attempts != NULL && i < self->attempts->len; i++)
    {
      ScExamAttempt *attempt = g_ptr_array_index (self->attempts, i);

      if (attempt->id == attempt_id)
        return attempt;
    }
  return NULL;
}

static char *
format_mark (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  /* 1, 0.5 or 2.25 marks */
  while (end > text && *end == '0')
    *end-- = '\0';
  if (*end == '.' || *end == ',')
    *end = '\0';
  return text;
}

static GtkWidget *
new_stat (const char *value,
          const char *title,
          const char *why_none)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (value);
  GtkWidget *caption = gtk_label_new (title);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (number, 8);
  gtk_widget_set_margin_bottom (caption, 8);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);
  if (why_none != NULL)
    {
      /* The box's tooltip says why there is no figure */
      gtk_widget_set_tooltip_text (box, why_none);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why_none, -1);
    }
  return box;
}

/* Filling */

static void
fill_breakdown (ScExamResults *self)
{
  gint64 attempt_id = sc_exam_table_get_selected_id (self->attempt_selection);
  ScExamAttempt *attempt = find_attempt (self, attempt_id);
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_list_store_remove_all (self->part_rows);
  self->n_parts = 0;
  gtk_label_set_text (self->feedback_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), FALSE);

  if (attempt == NULL)
    {
      gtk_label_set_text (self->breakdown_title, _("By Category"));
      gtk_stack_set_visible_child_name (self->breakdown_stack, "none");
      return;
    }

  /* TRANSLATORS: the heading of an attempt's marks by category: the person and the attempt's number */
  title = g_strdup_printf (_("%s, Attempt %d"), attempt->person_name, attempt->number);
  gtk_label_set_text (self->breakdown_title, title);
  if (attempt->feedback != NULL && *attempt->feedback != '\0')
    {
      gtk_label_set_text (self->feedback_label, attempt->feedback);
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), TRUE);
    }

  if (!(parts = sc_store_get_attempt_breakdown (self->store, self->session, attempt_id, &error)))
    {
      gtk_label_set_text (self->feedback_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->feedback_label), TRUE);
      gtk_stack_set_visible_child_name (self->breakdown_stack, "none");
      return;
    }
  skills = sc_store_get_skills (self->store, NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      ScExamResultPart *part = g_ptr_array_index (parts, i);
      g_autoptr(ScExamTableRow) row = sc_exam_table_row_new (part->category_id, N_PART_CELLS);
      double percent = part->max_mark > 0 ? 100 * part->mark / part->max_mark : NAN;
      const char *skill = "";
      g_autofree char *mark = format_number (part->mark, 1);
      g_autofree char *max_mark = format_number (part->max_mark, 1);

      for (guint k = 0; skills != NULL && k < skills->len; k++)
        if (sc_skill_get_id (g_ptr_array_index (skills, k)) == part->skill_id)
          skill = sc_skill_get_name (g_ptr_array_index (skills, k));

      sc_exam_table_row_set (row, PART_CATEGORY, part->category, NULL);
      sc_exam_table_row_set (row, PART_SKILL, skill, NULL);
      /* TRANSLATORS: marks earned out of the marks there were, as in “7.5 / 10.0” */
      sc_exam_table_row_take (row, PART_MARKS, g_strdup_printf (_("%s / %s"), mark, max_mark), NULL);
      sc_exam_table_row_set_key (row, PART_MARKS, part->mark);
      sc_exam_table_row_set_key (row, PART_PERCENT, percent);
      sc_exam_table_row_take (row, PART_PERCENT, format_percent (percent),
                              !attempt->graded ? NULL : percent < 50 ? "error" : NULL);
      g_list_store_append (self->part_rows, row);
    }
  self->n_parts = parts->len;
  gtk_stack_set_visible_child_name (self->breakdown_stack, "parts");
}

static void
fill_attempts (ScExamResults *self)
{
  gint64 selected = sc_exam_table_get_selected_id (self->attempt_selection);
  guint n_graded = 0;
  guint n_passed = 0;
  double sum = 0;
  g_autofree char *summary = NULL;

  g_list_store_remove_all (self->attempt_rows);
  for (guint i = 0; i < self->attempts->len; i++)
    {
      ScExamAttempt *attempt = g_ptr_array_index (self->attempts, i);
      g_autoptr(ScExamTableRow) row = sc_exam_table_row_new (attempt->id, N_ATTEMPT_CELLS);
      gboolean graded = attempt->state == SC_ATTEMPT_SUBMITTED && attempt->graded;

      sc_exam_table_row_set (row, ATTEMPT_PERSON, attempt->person_name, NULL);
      sc_exam_table_row_take (row, ATTEMPT_NUMBER, g_strdup_printf ("%d", attempt->number), NULL);
      sc_exam_table_row_set_key (row, ATTEMPT_NUMBER, attempt->number);
      sc_exam_table_row_set (row, ATTEMPT_STATE, state_label (attempt->state),
                             attempt->state == SC_ATTEMPT_ABANDONED ? "dim-label" : NULL);
      if (graded)
        {
          g_autofree char *score = format_number (attempt->score, 1);
          g_autofree char *max_score = format_number (attempt->max_score, 1);

          sc_exam_table_row_take (row, ATTEMPT_SCORE, g_strdup_printf (_("%s / %s"), score, max_score), NULL);
          sc_exam_table_row_take (row, ATTEMPT_PERCENT, format_percent (attempt->percent), NULL);
          sc_exam_table_row_set_key (row, ATTEMPT_SCORE, attempt->score);
          sc_exam_table_row_set_key (row, ATTEMPT_PERCENT, attempt->percent);
          sc_exam_table_row_set (row, ATTEMPT_RESULT, attempt->passed ? _("Passed") : _("Failed"),
                                 attempt->passed ? "success" : "error");
          n_graded++;
          n_passed += attempt->passed ? 1 : 0;
          sum += attempt->percent;
        }
      else
        {
          sc_exam_table_row_set (row, ATTEMPT_SCORE, "—", "dim-label");
          sc_exam_table_row_set (row, ATTEMPT_PERCENT, "—", "dim-label");
          sc_exam_table_row_set (row, ATTEMPT_RESULT,
                                 attempt->state == SC_ATTEMPT_SUBMITTED ? _("Essays to grade") : "",
                                 "warning");
        }
      sc_exam_table_row_take (row, ATTEMPT_FINISHED, format_time (attempt->submitted), NULL);
      if (attempt->submitted != NULL)
        {
          g_autoptr(GDateTime) finished = g_date_time_new_from_iso8601 (attempt->submitted, NULL);

          if (finished != NULL)
            sc_exam_table_row_set_key (row, ATTEMPT_FINISHED, g_date_time_to_unix (finished));
        }
      g_list_store_append (self->attempt_rows, row);
    }

  gtk_stack_set_visible_child_name (self->attempts_stack, self->attempts->len > 0 ? "list" : "empty");
  /* The same attempt stays chosen; the newest when none was */
  if (!sc_exam_table_select_id (self->attempt_selection, selected) && self->attempts->len > 0)
    gtk_single_selection_set_selected (self->attempt_selection, 0);

  if (n_graded > 0)
    {
      g_autofree char *attempts = g_strdup_printf (ngettext ("%u attempt", "%u attempts", self->attempts->len),
                                                   self->attempts->len);
      g_autofree char *mean = format_percent (sum / n_graded);
      g_autofree char *rate = format_percent (100.0 * n_passed / n_graded);

      /* TRANSLATORS: above an exam's results: attempts, the share of graded attempts that passed, their mean score */
      summary = g_strdup_printf (_("%s · %s passed · mean score %s"), attempts, rate, mean);
    }
  else
    summary = g_strdup_printf (ngettext ("%u attempt", "%u attempts", self->attempts->len), self->attempts->len);
  gtk_label_set_text (self->summary_label, summary);
}

static void
fill_essays (ScExamResults *self)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->essay_list))) != NULL)
    gtk_list_box_remove (self->essay_list, child);

  for (guint i = 0; i < self->essays->len; i++)
    {
      ScEssayToGrade *essay = g_ptr_array_index (self->essays, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (essay->person_name);
      g_autofree char *when = format_time (essay->submitted);
      /* TRANSLATORS: under a person's name in the essays to grade: the question's number and when it was submitted */
      g_autofree char *detail = g_strdup_printf (_("Question %u · %s"), essay->position + 1, when);
      GtkWidget *caption = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_list_box_append (self->essay_list, box);
    }

  if (self->essays->len > 0)
    /* TRANSLATORS: the tab of the essays waiting for a trainer, with their number */
    title = g_strdup_printf (_("Essays to Grade (%u)"), self->essays->len);
  else
    title = g_strdup (_("Essays to Grade"));
  gtk_stack_page_set_title (self->essays_page, title);
  gtk_stack_set_visible_child_name (self->essays_stack, self->essays->len > 0 ? "list" : "empty");
  if (self->essays->len > 0)
    gtk_list_box_select_row (self->essay_list, gtk_list_box_get_row_at_index (self->essay_list, 0));
}

static void
fill_analysis (ScExamResults *self,
               GArray        *question_ids)
{
  GtkWidget *child;

  g_list_store_remove_all (self->item_rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box))) != NULL)
    gtk_box_remove (self->stats_box, child);

  if (self->analysis == NULL || self->analysis->n_attempts < 2)
    {
      gtk_stack_set_visible_child_name (self->analysis_stack, "empty");
      return;
    }

  {
    g_autofree char *attempts = g_strdup_printf ("%u", self->analysis->n_attempts);
    g_autofree char *mean = format_number (self->analysis->mean, 2);
    g_autofree char *sd = format_number (self->analysis->sd, 2);
    g_autofree char *alpha = format_number (self->analysis->alpha, 3);

    gtk_box_append (self->stats_box, new_stat (attempts, _("Graded attempts"), NULL));
    gtk_box_append (self->stats_box, new_stat (mean, _("Mean score"), NULL));
    gtk_box_append (self->stats_box, new_stat (sd, _("Standard deviation"), NULL));
    gtk_box_append (self->stats_box,
                    new_stat (alpha, _("Reliability (Cronbach’s α / KR-20)"),
                              isnan (self->analysis->alpha)
                              ? _("Reliability needs at least two attempts that had every question and whose scores differ; with random draws, attempts rarely share all their questions.")
                              : NULL));
  }

  for (guint i = 0; i < self->analysis->n_items; i++)
    {
      ScItemStats *item = &self->analysis->items[i];
      gint64 question_id = g_array_index (question_ids, gint64, i);
      g_autoptr(ScQuestion) question = sc_store_get_question (self->store, self->session, question_id, NULL);
      g_autoptr(ScExamTableRow) row = sc_exam_table_row_new (question_id, N_ITEM_CELLS);
      g_autofree char *flags = flags_text (item->flags);
      ScItemFlags serious = item->flags & ~SC_ITEM_FLAG_FEW_ATTEMPTS;

      sc_exam_table_row_set (row, ITEM_QUESTION, question != NULL ? question->name : _("A removed question"), NULL);
      sc_exam_table_row_take (row, ITEM_ATTEMPTS, g_strdup_printf ("%u", item->n_attempts), NULL);
      sc_exam_table_row_set_key (row, ITEM_ATTEMPTS, item->n_attempts);
      sc_exam_table_row_set_key (row, ITEM_FACILITY, item->facility);
      sc_exam_table_row_set_key (row, ITEM_SD, item->sd);
      sc_exam_table_row_set_key (row, ITEM_DISCRIMINATION, item->discrimination);
      sc_exam_table_row_take (row, ITEM_FACILITY, format_percent (100 * item->facility),
                              item->flags & (SC_ITEM_FLAG_TOO_EASY | SC_ITEM_FLAG_TOO_HARD) ? "warning" : NULL);
      sc_exam_table_row_take (row, ITEM_SD, format_number (item->sd, 3), NULL);
      sc_exam_table_row_take (row, ITEM_DISCRIMINATION, format_number (item->discrimination, 3),
                              item->flags & SC_ITEM_FLAG_NEGATIVE_DISCRIMINATION ? "error"
                              : item->flags & SC_ITEM_FLAG_LOW_DISCRIMINATION ? "warning" : NULL);
      sc_exam_table_row_take (row, ITEM_REVIEW, g_steal_pointer (&flags),
                              serious != 0 ? "warning" : "dim-label");
      g_list_store_append (self->item_rows, row);
    }
  gtk_stack_set_visible_child_name (self->analysis_stack, "table");
}

/* Callbacks */

static void
on_attempt_selected_cb (ScExamResults *self)
{
  fill_breakdown (self);
}

static ScEssayToGrade *
selected_essay (ScExamResults *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->essay_list);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || (guint) index >= self->essays->len)
    return NULL;
  return g_ptr_array_index (self->essays, index);
}

static void
on_essay_selected_cb (ScExamResults *self)
{
  ScEssayToGrade *essay = selected_essay (self);
  g_autofree char *who = NULL;
  g_autofree char *max_mark = NULL;
  gboolean has_guide;

  set_grade_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_button), essay != NULL);
  if (essay == NULL)
    return;

  max_mark = format_mark (essay->max_mark);
  /* TRANSLATORS: above an essay to grade: the person, the question's number and what it is worth */
  who = g_strdup_printf (ngettext ("%s — question %u, worth %s mark", "%s — question %u, worth %s marks",
                                   (gulong) ceil (essay->max_mark)),
                         essay->person_name, essay->position + 1, max_mark);
  gtk_label_set_text (self->essay_who_label, who);
  gtk_label_set_text (self->essay_question_label, essay->question_text);
  /* The question's general feedback is the trainer's guide to marking */
  has_guide = essay->general_feedback != NULL && *essay->general_feedback != '\0';
  gtk_label_set_text (self->essay_guide_label, has_guide ? essay->general_feedback : "");
  gtk_widget_set_visible (GTK_WIDGET (self->essay_guide_heading), has_guide);
  gtk_widget_set_visible (GTK_WIDGET (self->essay_guide_label), has_guide);
  gtk_label_set_text (self->essay_response_label,
                      *essay->response != '\0' ? essay->response : _("(no answer)"));
  gtk_spin_button_set_value (self->grade_spin, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), "");
}

static void
on_grade_changed_cb (ScExamResults *self)
{
  set_grade_error (self, NULL);
}

static void
on_grade_clicked_cb (ScExamResults *self)
{
  ScEssayToGrade *essay = selected_essay (self);
  g_autoptr(GError) error = NULL;
  double fraction = gtk_spin_button_get_value (self->grade_spin) / 100;
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));

  if (essay == NULL)
    return;
  if (!sc_store_grade_essay (self->store, self->session, essay->attempt_id, essay->position, fraction,
                             *comment != '\0' ? comment : NULL, &error))
    {
      set_grade_error (self, error->message);
      return;
    }
  sc_exam_results_reload (self);
}

/* Overrides */

static void
sc_exam_results_dispose (GObject *object)
{
  ScExamResults *self = SC_EXAM_RESULTS (object);

  /* Taking the columns away re-sorts the rows, which changes the selection */
  if (self->attempt_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->attempt_selection, self);
  self->attempt_selection = NULL;
  /* The views own the rows */
  self->attempt_rows = self->part_rows = self->item_rows = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EXAM_RESULTS);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_exam_results_parent_class)->dispose (object);
}

static void
sc_exam_results_finalize (GObject *object)
{
  ScExamResults *self = SC_EXAM_RESULTS (object);

  g_clear_pointer (&self->attempts, g_ptr_array_unref);
  g_clear_pointer (&self->essays, g_ptr_array_unref);
  g_clear_pointer (&self->analysis, sc_item_analysis_free);

  G_OBJECT_CLASS (sc_exam_results_parent_class)->finalize (object);
}

static void
sc_exam_results_class_init (ScExamResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_exam_results_dispose;
  object_class->finalize = sc_exam_results_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-exam-results.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, attempts_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, attempts_view);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, breakdown_title);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, breakdown_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, breakdown_view);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essays_page);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essays_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_list);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_who_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_question_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_guide_heading);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_guide_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, essay_response_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, grade_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, comment_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, grade_error_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, grade_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, analysis_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, stats_box);
  gtk_widget_class_bind_template_child (widget_class, ScExamResults, analysis_view);
  gtk_widget_class_bind_template_callback (widget_class, on_essay_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grade_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grade_clicked_cb);
}

static void
sc_exam_results_init (ScExamResults *self)
{
  GListStore *store;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->attempt_selection = sc_exam_table_setup (self->attempts_view, &store);
  self->attempt_rows = store;
  sc_exam_table_add_column (self->attempts_view, _("Person"),
                            ATTEMPT_PERSON, SC_EXAM_COLUMN_EXPAND | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, C_("attempt number",
                            "No."), ATTEMPT_NUMBER, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, _("State"), ATTEMPT_STATE, SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, _("Score"),
                            ATTEMPT_SCORE, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, C_("score",
                            "Percent"), ATTEMPT_PERCENT, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, _("Result"), ATTEMPT_RESULT, SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->attempts_view, _("Finished"),
                            ATTEMPT_FINISHED, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  g_signal_connect_object (self->attempt_selection, "notify::selected", G_CALLBACK (on_attempt_selected_cb), self,
                           G_CONNECT_SWAPPED);

  sc_exam_table_setup (self->breakdown_view, &store);
  self->part_rows = store;
  sc_exam_table_add_column (self->breakdown_view, _("Category"),
                            PART_CATEGORY, SC_EXAM_COLUMN_EXPAND | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->breakdown_view, _("Skill"), PART_SKILL, SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->breakdown_view, _("Marks"),
                            PART_MARKS, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->breakdown_view, C_("score",
                            "Percent"), PART_PERCENT, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);

  sc_exam_table_setup (self->analysis_view, &store);
  self->item_rows = store;
  sc_exam_table_add_column (self->analysis_view, _("Question"),
                            ITEM_QUESTION, SC_EXAM_COLUMN_EXPAND | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->analysis_view, _("Attempts"),
                            ITEM_ATTEMPTS, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->analysis_view, _("Facility"),
                            ITEM_FACILITY, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->analysis_view, C_("statistics",
                            "SD"), ITEM_SD, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->analysis_view, _("Discrimination"),
                            ITEM_DISCRIMINATION, SC_EXAM_COLUMN_NUMERIC | SC_EXAM_COLUMN_SORT);
  sc_exam_table_add_column (self->analysis_view, _("To Review"),
                            ITEM_REVIEW, SC_EXAM_COLUMN_WRAP | SC_EXAM_COLUMN_SORT);

  self->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_exam_attempt_free);
  self->essays = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_essay_to_grade_free);
}

/* Public API */

GtkWidget *
sc_exam_results_new (void)
{
  return g_object_new (SC_TYPE_EXAM_RESULTS, NULL);
}

/**
 * sc_exam_results_set_exam:
 *
 * Shows the results of @exam_id, read as @session.
 */
void
sc_exam_results_set_exam (ScExamResults *self,
                          ScStore       *store,
                          ScSession     *session,
                          gint64         exam_id)
{
  g_return_if_fail (SC_IS_EXAM_RESULTS (self));

  g_set_object (&self->store, store);
  g_set_object (&self->session, session);
  if (self->exam_id != exam_id)
    gtk_single_selection_set_selected (self->attempt_selection, GTK_INVALID_LIST_POSITION);
  self->exam_id = exam_id;
  sc_exam_results_reload (self);
}

gint64
sc_exam_results_get_exam_id (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);
  return self->exam_id;
}

/**
 * sc_exam_results_reload:
 *
 * Reads the exam's attempts, essays and item analysis again.
 */
void
sc_exam_results_reload (ScExamResults *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) essays = NULL;
  g_autoptr(GArray) question_ids = NULL;
  g_autoptr(GHashTable) attempt_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean may_grade;

  g_return_if_fail (SC_IS_EXAM_RESULTS (self));

  g_ptr_array_set_size (self->attempts, 0);
  g_ptr_array_set_size (self->essays, 0);
  g_clear_pointer (&self->analysis, sc_item_analysis_free);

  if (self->store == NULL || self->session == NULL || self->exam_id == 0)
    return;

  may_grade = sc_permission_access (self->session, SC_OPERATION_ESSAYS_GRADE) == SC_ACCESS_ALL;
  gtk_stack_page_set_visible (self->essays_page, may_grade);

  if (!(attempts = sc_store_get_attempts (self->store, self->session, self->exam_id, 0, &error)) ||
      !(self->analysis = sc_store_get_exam_item_analysis (self->store, self->session, self->exam_id,
                                                          &question_ids, &error)) ||
      (may_grade && !(essays = sc_store_get_essays_to_grade (self->store, self->session, &error))))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }

  /* Newest first */
  for (guint i = attempts->len; i > 0; i--)
    {
      ScExamAttempt *attempt = g_ptr_array_steal_index (attempts, i - 1);

      g_hash_table_add (attempt_ids, &attempt->id);
      g_ptr_array_add (self->attempts, attempt);
    }
  for (guint i = 0; essays != NULL && i < essays->len; i++)
    {
      ScEssayToGrade *essay = g_ptr_array_index (essays, i);

      if (g_hash_table_contains (attempt_ids, &essay->attempt_id))
        g_ptr_array_add (self->essays, g_ptr_array_steal_index (essays, i--));
    }

  fill_attempts (self);
  fill_breakdown (self);
  fill_essays (self);
  fill_analysis (self, question_ids);
}

/**
 * sc_exam_results_set_view:
 * @view: “attempts”, “essays” or “analysis”
 */
void
sc_exam_results_set_view (ScExamResults *self,
                          const char    *view)
{
  g_return_if_fail (SC_IS_EXAM_RESULTS (self));
  gtk_stack_set_visible_child_name (self->view_stack, view);
}

guint
sc_exam_results_get_n_attempts (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);
  return self->attempts->len;
}

/**
 * sc_exam_results_find_attempt:
 * @graded: a graded attempt, or one whose essays wait
 *
 * Returns: the newest such attempt, or 0
 */
gint64
sc_exam_results_find_attempt (ScExamResults *self,
                              gboolean       graded)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);

  for (guint i = 0; i < self->attempts->len; i++)
    {
      ScExamAttempt *attempt = g_ptr_array_index (self->attempts, i);

      if (attempt->state == SC_ATTEMPT_SUBMITTED && attempt->graded == graded)
        return attempt->id;
    }
  return 0;
}

gboolean
sc_exam_results_select_attempt (ScExamResults *self,
                                gint64         attempt_id)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), FALSE);
  return sc_exam_table_select_id (self->attempt_selection, attempt_id);
}

/**
 * sc_exam_results_get_n_parts:
 * Returns: the categories of the chosen attempt's breakdown
 */
guint
sc_exam_results_get_n_parts (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);
  return self->n_parts;
}

guint
sc_exam_results_get_n_essays (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);
  return self->essays->len;
}

gboolean
sc_exam_results_select_essay (ScExamResults *self,
                              guint          index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), FALSE);

  if (!(row = gtk_list_box_get_row_at_index (self->essay_list, index)))
    return FALSE;
  gtk_list_box_select_row (self->essay_list, row);
  return TRUE;
}

guint
sc_exam_results_get_n_items (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->item_rows));
}

/**
 * sc_exam_results_get_analysis:
 * Returns: (transfer none) (nullable): the item analysis shown
 */
const ScItemAnalysis *
sc_exam_results_get_analysis (ScExamResults *self)
{
  g_return_val_if_fail (SC_IS_EXAM_RESULTS (self), NULL);
  return self->analysis;
}
