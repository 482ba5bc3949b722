/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-exam-editor.h"
#include "sc-permissions.h"

/*
 * ScExamEditor: the exam builder. Every setting of an exam, its draw
 * rules and fixed questions, grade bands and extra time per person, on
 * a copy that is written only on Save. The summary (questions, marks,
 * time) follows every change, and what keeps it from being saved is said
 * above the form and marked on the row at fault.
 */

struct _ScExamEditor
{
  ScStoreWindow        parent_instance;

  /* The window’s, kept here for short */
  ScStore             *store;
  ScSession           *session;

  /* Owned */
  ScExam              *exam;          /* the copy being edited */
  GPtrArray           *skills;        /* ScSkill */
  GPtrArray           *categories;    /* ScQuestionCategory, by path */
  GHashTable          *parents;       /* category id → parent id */
  GPtrArray           *questions;     /* ScQuestion, the bank */
  GPtrArray           *people;        /* ScPerson */
  GPtrArray           *other_names;   /* char *, casefolded names of the other exams */
  GHashTable          *extra;         /* person id → minutes, as edited */
  GHashTable          *extra_stored;  /* person id → minutes, as stored */
  GPtrArray           *rule_rows;     /* GtkWidget, not owned */
  GPtrArray           *band_rows;
  GPtrArray           *extra_rows;
  char                *error;
  GtkWidget           *error_widget;
  gboolean             filling;
  gboolean             touched;

  /* Template */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesPage  *page;
  AdwEntryRow         *title_row;
  AdwEntryRow         *description_row;
  AdwComboRow         *skill_row;
  AdwComboRow         *level_row;
  GtkSpinButton       *validity_spin;
  GtkSwitch           *available_switch;
  AdwPreferencesGroup *questions_group;
  GtkButton           *add_rule_button;
  GtkMenuButton       *add_question_button;
  GtkPopover          *question_popover;
  GtkSearchEntry      *question_search;
  GtkListBox          *question_results;
  GtkSpinButton       *time_limit_spin;
  AdwComboRow         *overdue_row;
  AdwActionRow        *grace_row;
  GtkSpinButton       *grace_spin;
  GtkSpinButton       *attempts_spin;
  GtkSpinButton       *cooldown_spin;
  GtkSpinButton       *pass_spin;
  AdwComboRow         *grading_row;
  GtkSwitch           *shuffle_questions_switch;
  GtkSwitch           *shuffle_choices_switch;
  AdwComboRow         *review_row;
  AdwPreferencesGroup *bands_group;
  GtkButton           *add_band_button;
  AdwPreferencesGroup *extra_group;
  GtkButton           *extra_add_button;
  GtkDropDown         *extra_person_dropdown;
  GtkSpinButton       *extra_minutes_spin;
};

G_DEFINE_FINAL_TYPE (ScExamEditor, sc_exam_editor, SC_TYPE_STORE_WINDOW)

enum {
  PROP_0,
  PROP_EXAM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void build_rules (ScExamEditor *self);
static void build_bands (ScExamEditor *self);
static void build_extra (ScExamEditor *self);
static void update_state (ScExamEditor *self);

/* Helpers */

static char *
format_number (double value)
{
  char *text = g_strdup_printf ("%.2f", value);
  char *end = text + strlen (text) - 1;

  /* Marks such as 0.5 or 12.25, never 12.250000 */
  while (end > text && *end == '0')
    *end-- = '\0';
  if (*end == '.' || *end == ',')
    *end = '\0';
  return text;
}

static ScQuestion *
find_question (ScExamEditor *self,
               gint64        id)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->id == id)
        return question;
    }
  return NULL;
}

static ScQuestionCategory *
find_category (ScExamEditor *self,
               gint64        id)
{
  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      if (category->id == id)
        return category;
    }
  return NULL;
}

static guint
category_index (ScExamEditor *self,
                gint64        id)
{
  for (guint i = 0; i < self->categories->len; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->id == id)
      return i;
  /* A category no longer in the bank: none chosen */
  return GTK_INVALID_LIST_POSITION;
}

/* Whether @category is @ancestor or, with @below, under it */
static gboolean
category_within (ScExamEditor *self,
                 gint64        category,
                 gint64        ancestor,
                 gboolean      below)
{
  for (guint depth = 0; category > 0 && depth < 64; depth++)
    {
      gint64 *parent;

      if (category == ancestor)
        return TRUE;
      if (!below)
        return FALSE;
      parent = g_hash_table_lookup (self->parents, &category);
      category = parent != NULL ? *parent : 0;
    }
  return FALSE;
}

static gboolean
is_fixed (ScExamEditor *self,
          gint64        question_id)
{
  for (guint i = 0; i < self->exam->rules->len; i++)
    if (g_array_index (self->exam->rules, ScExamRule, i).question_id == question_id)
      return TRUE;
  return FALSE;
}

/* The questions a draw rule may draw, as the store draws them: not
 * descriptions, in the category, at the difficulty, and not one every
 * attempt gets anyway */
static guint
rule_pool (ScExamEditor *self,
           ScExamRule   *rule,
           double       *marks)
{
  guint n = 0;

  *marks = 0;
  for (guint i = 0; i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->type == SC_QUESTION_TYPE_DESCRIPTION ||
          (rule->difficulty > 0 && question->difficulty != rule->difficulty) ||
          !category_within (self, question->category_id, rule->category_id, rule->with_subcategories) ||
          is_fixed (self, question->id))
        continue;
      n++;
      *marks += question->default_mark;
    }
  return n;
}

static void
summarize (ScExamEditor *self,
           guint        *n_questions,
           double       *marks)
{
  *n_questions = 0;
  *marks = 0;

  for (guint i = 0; i < self->exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (self->exam->rules, ScExamRule, i);

      if (rule->question_id > 0)
        {
          ScQuestion *question = find_question (self, rule->question_id);

          *n_questions += 1;
          *marks += question != NULL ? question->default_mark : 1;
        }
      else
        {
          double pool_marks;
          guint pool = rule_pool (self, rule, &pool_marks);

          /* Questions of a category may be worth different marks: what a
           * draw is worth on average */
          *n_questions += rule->count;
          *marks += rule->count * (pool > 0 ? pool_marks / pool : 1);
        }
    }
}

static void
set_error (ScExamEditor *self,
           const char   *message,
           GtkWidget    *widget)
{
  if (self->error_widget != NULL)
    gtk_widget_remove_css_class (self->error_widget, "error");
  g_clear_weak_pointer (&self->error_widget);

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL && self->touched);

  if (message != NULL && widget != NULL && self->touched)
    {
      g_set_weak_pointer (&self->error_widget, widget);
      gtk_widget_add_css_class (widget, "error");
    }
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
new_remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
new_spin (double      value,
          double      lower,
          double      upper,
          double      step,
          const char *accessible)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return spin;
}

static GtkWidget *
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
new_box_row (GtkWidget *child)
{
  /* A preferences row, so that the group puts it in its list */
  GtkWidget *row = adw_preferences_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 6);
  gtk_widget_set_margin_top (child, 8);
  gtk_widget_set_margin_bottom (child, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  return row;
}

static GtkStringList *
string_list_with_search (GtkDropDown *dropdown)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  g_object_unref (list);
  return list;
}

static const char *
person_name (ScExamEditor *self,
             gint64        person_id)
{
  for (guint i = 0; i < self->people->len; i++)
    if (sc_person_get_id (g_ptr_array_index (self->people, i)) == person_id)
      return sc_person_get_name (g_ptr_array_index (self->people, i));
  return "";
}

/* The form and the copy */

static void
fill_form (ScExamEditor *self)
{
  ScExam *exam = self->exam;
  guint skill_index = 0;

  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), exam->name ? exam->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), exam->description ? exam->description : "");
  for (guint i = 0; i < self->skills->len; i++)
    if (sc_skill_get_id (g_ptr_array_index (self->skills, i)) == exam->skill_id)
      skill_index = i + 1;
  adw_combo_row_set_selected (self->skill_row, skill_index);
  adw_combo_row_set_selected (self->level_row, exam->level);
  gtk_spin_button_set_value (self->validity_spin, exam->validity_months);
  gtk_switch_set_active (self->available_switch, exam->available);
  gtk_spin_button_set_value (self->time_limit_spin, exam->time_limit_minutes);
  adw_combo_row_set_selected (self->overdue_row, exam->overdue);
  gtk_spin_button_set_value (self->grace_spin, exam->grace_minutes);
  gtk_spin_button_set_value (self->attempts_spin, exam->attempts_allowed);
  gtk_spin_button_set_value (self->cooldown_spin, exam->cooldown_hours);
  gtk_spin_button_set_value (self->pass_spin, exam->pass_percent);
  adw_combo_row_set_selected (self->grading_row, exam->grading_method);
  gtk_switch_set_active (self->shuffle_questions_switch, exam->shuffle_questions);
  gtk_switch_set_active (self->shuffle_choices_switch, exam->shuffle_choices);
  adw_combo_row_set_selected (self->review_row, exam->review);

  self->filling = FALSE;
}

static void
read_form (ScExamEditor *self)
{
  ScExam *exam = self->exam;
  guint skill_index = adw_combo_row_get_selected (self->skill_row);

  g_free (exam->name);
  exam->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (exam->description);
  exam->description = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  exam->skill_id = skill_index > 0 && skill_index <= self->skills->len
                     ? sc_skill_get_id (g_ptr_array_index (self->skills, skill_index - 1)) : 0;
  exam->level = MIN (adw_combo_row_get_selected (self->level_row), SC_N_LEVELS - 1);
  exam->validity_months = gtk_spin_button_get_value_as_int (self->validity_spin);
  exam->available = gtk_switch_get_active (self->available_switch);
  exam->time_limit_minutes = gtk_spin_button_get_value_as_int (self->time_limit_spin);
  exam->overdue = adw_combo_row_get_selected (self->overdue_row) == SC_EXAM_OVERDUE_GRACE
                    ? SC_EXAM_OVERDUE_GRACE : SC_EXAM_OVERDUE_AUTOSUBMIT;
  exam->grace_minutes = gtk_spin_button_get_value_as_int (self->grace_spin);
  exam->attempts_allowed = gtk_spin_button_get_value_as_int (self->attempts_spin);
  exam->cooldown_hours = gtk_spin_button_get_value_as_int (self->cooldown_spin);
  exam->pass_percent = gtk_spin_button_get_value (self->pass_spin);
  exam->grading_method = adw_combo_row_get_selected (self->grading_row) == SC_EXAM_GRADING_LAST
                           ? SC_EXAM_GRADING_LAST : SC_EXAM_GRADING_HIGHEST;
  exam->shuffle_questions = gtk_switch_get_active (self->shuffle_questions_switch);
  exam->shuffle_choices = gtk_switch_get_active (self->shuffle_choices_switch);
  exam->review = MIN (adw_combo_row_get_selected (self->review_row), SC_EXAM_REVIEW_AFTER_PASS);
}

/* What keeps the exam from being saved, and where */
static char *
check_exam (ScExamEditor  *self,
            GtkWidget    **where)
{
  ScExam *exam = self->exam;
  g_autofree char *name = g_strstrip (g_strdup (exam->name ? exam->name : ""));
  g_autofree char *folded = g_utf8_casefold (name, -1);

  *where = NULL;

  if (*name == '\0')
    {
      *where = GTK_WIDGET (self->title_row);
      return g_strdup (_("Give the exam a title"));
    }
  for (guint i = 0; i < self->other_names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->other_names, i), folded))
      {
        *where = GTK_WIDGET (self->title_row);
        return g_strdup_printf (_("There is already an exam called “%s”: give this one another title"), name);
      }
  if (exam->skill_id == 0)
    {
      *where = GTK_WIDGET (self->skill_row);
      return g_strdup (_("Choose the skill that passing the exam certifies"));
    }

  if (exam->rules->len == 0)
    {
      *where = GTK_WIDGET (self->add_rule_button);
      return g_strdup (_("The exam has no questions yet: add a draw rule or a question"));
    }
  for (guint i = 0; i < exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (exam->rules, ScExamRule, i);
      GtkWidget *row = i < self->rule_rows->len ? g_ptr_array_index (self->rule_rows, i) : NULL;

      if (rule->question_id > 0)
        {
          for (guint k = 0; k < i; k++)
            if (g_array_index (exam->rules, ScExamRule, k).question_id == rule->question_id)
              {
                ScQuestion *question = find_question (self, rule->question_id);

                *where = row;
                return g_strdup_printf (_("Question “%s” is in the exam twice"),
                                        question != NULL ? question->name : "");
              }
        }
      else
        {
          ScQuestionCategory *category = find_category (self, rule->category_id);
          double marks;
          guint pool = rule_pool (self, rule, &marks);

          if (category == NULL)
            {
              *where = row;
              return g_strdup_printf (_("Draw rule %u: choose the category to draw from"), i + 1);
            }
          if (pool < rule->count)
            {
              *where = row;
              if (rule->difficulty > 0)
                return g_strdup_printf (ngettext ("Draw rule %u asks for %u questions, but “%s” has only %u question of difficulty %d",
                                                  "Draw rule %u asks for %u questions, but “%s” has only %u questions of difficulty %d",
                                                  pool),
                                        i + 1, rule->count, category->path, pool, rule->difficulty);
              return g_strdup_printf (ngettext ("Draw rule %u asks for %u questions, but “%s” has only %u question",
                                                "Draw rule %u asks for %u questions, but “%s” has only %u questions",
                                                pool),
                                      i + 1, rule->count, category->path, pool);
            }
        }
    }

  if (exam->overdue == SC_EXAM_OVERDUE_GRACE)
    {
      if (exam->time_limit_minutes == 0)
        {
          *where = GTK_WIDGET (self->overdue_row);
          return g_strdup (_("A grace period needs a time limit: set one, or submit automatically"));
        }
      if (exam->grace_minutes == 0)
        {
          *where = GTK_WIDGET (self->grace_row);
          return g_strdup (_("Give the grace period a length of at least one minute"));
        }
    }

  for (guint i = 0; i < exam->bands->len; i++)
    {
      ScExamFeedbackBand *band = &g_array_index (exam->bands, ScExamFeedbackBand, i);
      GtkWidget *row = i < self->band_rows->len ? g_ptr_array_index (self->band_rows, i) : NULL;
      g_autofree char *percent = format_number (band->min_percent);

      if (band->feedback == NULL || *band->feedback == '\0')
        {
          *where = row;
          return g_strdup_printf (_("The grade band from %s %% has no feedback"), percent);
        }
      for (guint k = 0; k < i; k++)
        if (fabs (g_array_index (exam->bands, ScExamFeedbackBand, k).min_percent - band->min_percent) < 1e-9)
          {
            *where = row;
            return g_strdup_printf (_("Two grade bands start at %s %%: each needs its own start"), percent);
          }
    }

  return NULL;
}

static void
update_state (ScExamEditor *self)
{
  g_autofree char *summary = sc_exam_editor_get_summary (self);
  g_autofree char *error = NULL;
  GtkWidget *where = NULL;

  adw_window_title_set_subtitle (self->window_title, summary);
  adw_preferences_group_set_description (self->questions_group, summary);

  error = check_exam (self, &where);
  set_error (self, error, where);
  gtk_widget_set_sensitive (GTK_WIDGET (self->grace_row), self->exam->overdue == SC_EXAM_OVERDUE_GRACE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), error == NULL || !self->touched);
}

static void
changed (ScExamEditor *self)
{
  if (self->filling)
    return;
  self->touched = TRUE;
  update_state (self);
}

/* Draw rules and fixed questions */

static ScExamRule *
row_rule (ScExamEditor *self,
          GObject      *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (widget, "index"));

  g_assert (index < self->exam->rules->len);
  return &g_array_index (self->exam->rules, ScExamRule, index);
}

static void
update_pool_label (ScExamEditor *self,
                   GtkWidget    *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "pool");
  ScExamRule *rule = row_rule (self, G_OBJECT (row));
  g_autofree char *text = NULL;
  double marks;
  guint pool = rule_pool (self, rule, &marks);

  text = g_strdup_printf (ngettext ("%u in the bank", "%u in the bank", pool), pool);
  gtk_label_set_text (label, text);
}

static void
on_rule_category_cb (GtkDropDown  *dropdown,
                     GParamSpec   *pspec,
                     ScExamEditor *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || selected >= self->categories->len)
    return;
  row_rule (self, G_OBJECT (dropdown))->category_id =
    ((ScQuestionCategory *) g_ptr_array_index (self->categories, selected))->id;
  update_pool_label (self, g_object_get_data (G_OBJECT (dropdown), "row"));
  changed (self);
}

static void
on_rule_difficulty_cb (GtkDropDown  *dropdown,
                       GParamSpec   *pspec,
                       ScExamEditor *self)
{
  if (self->filling)
    return;
  row_rule (self, G_OBJECT (dropdown))->difficulty = MIN (gtk_drop_down_get_selected (dropdown), 5);
  update_pool_label (self, g_object_get_data (G_OBJECT (dropdown), "row"));
  changed (self);
}

static void
on_rule_count_cb (GtkSpinButton *spin,
                  ScExamEditor  *self)
{
  if (self->filling)
    return;
  row_rule (self, G_OBJECT (spin))->count = gtk_spin_button_get_value_as_int (spin);
  changed (self);
}

static void
on_rule_subcategories_cb (GtkCheckButton *check,
                          GParamSpec     *pspec,
                          ScExamEditor   *self)
{
  if (self->filling)
    return;
  row_rule (self, G_OBJECT (check))->with_subcategories = gtk_check_button_get_active (check);
  update_pool_label (self, g_object_get_data (G_OBJECT (check), "row"));
  changed (self);
}

static void
on_rule_remove_cb (GtkButton    *button,
                   ScExamEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  g_array_remove_index (self->exam->rules, index);
  build_rules (self);
  changed (self);
}

static void
tag_widget (GtkWidget *widget,
            GtkWidget *row,
            guint      index)
{
  g_object_set_data (G_OBJECT (widget), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (widget), "row", row);
}

static GtkWidget *
new_category_rule_row (ScExamEditor *self,
                       guint         index)
{
  ScExamRule *rule = &g_array_index (self->exam->rules, ScExamRule, index);
  const char *difficulties[] = {
    _("Any difficulty"), C_("difficulty", "1 – Easy"), C_("difficulty", "2"), C_("difficulty", "3 – Medium"),
    C_("difficulty", "4"), C_("difficulty", "5 – Hard"), NULL
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *category = gtk_drop_down_new (NULL, NULL);
  GtkWidget *difficulty = gtk_drop_down_new_from_strings (difficulties);
  GtkWidget *count = new_spin (rule->count, 1, 500, 1, _("Questions to draw"));
  GtkWidget *subcategories = gtk_check_button_new_with_mnemonic (_("With _subcategories"));
  GtkWidget *pool = new_label (NULL);
  GtkWidget *remove = new_remove_button (_("Remove the draw rule"));
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *row = new_box_row (box);
  GtkStringList *paths = string_list_with_search (GTK_DROP_DOWN (category));
  g_autofree char *heading = g_strdup_printf (_("Draw rule %u"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);

  for (guint i = 0; i < self->categories->len; i++)
    gtk_string_list_append (paths, ((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->path);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category), category_index (self, rule->category_id));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (difficulty), CLAMP (rule->difficulty, 0, 5));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (subcategories), rule->with_subcategories);
  gtk_widget_set_hexpand (category, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (category), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Category to draw from"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (difficulty), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Difficulty"), -1);

  gtk_label_set_text (GTK_LABEL (title), heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (first), title);
  gtk_box_append (GTK_BOX (first), category);
  gtk_box_append (GTK_BOX (first), remove);

  gtk_box_append (GTK_BOX (second), new_label (C_("draw rule", "Draw")));
  gtk_box_append (GTK_BOX (second), count);
  gtk_box_append (GTK_BOX (second), new_label (C_("draw rule", "questions of")));
  gtk_box_append (GTK_BOX (second), difficulty);
  gtk_box_append (GTK_BOX (second), subcategories);
  gtk_widget_set_hexpand (pool, TRUE);
  gtk_label_set_xalign (GTK_LABEL (pool), 1);
  gtk_widget_add_css_class (pool, "caption");
  gtk_box_append (GTK_BOX (second), pool);

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);

  tag_widget (row, row, index);
  tag_widget (category, row, index);
  tag_widget (difficulty, row, index);
  tag_widget (count, row, index);
  tag_widget (subcategories, row, index);
  tag_widget (remove, row, index);
  g_object_set_data (G_OBJECT (row), "pool", pool);
  g_object_set_data (G_OBJECT (row), "category", category);
  g_object_set_data (G_OBJECT (row), "difficulty", difficulty);
  g_object_set_data (G_OBJECT (row), "count", count);
  g_object_set_data (G_OBJECT (row), "subcategories", subcategories);

  g_signal_connect (category, "notify::selected", G_CALLBACK (on_rule_category_cb), self);
  g_signal_connect (difficulty, "notify::selected", G_CALLBACK (on_rule_difficulty_cb), self);
  g_signal_connect (count, "value-changed", G_CALLBACK (on_rule_count_cb), self);
  g_signal_connect (subcategories, "notify::active", G_CALLBACK (on_rule_subcategories_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_rule_remove_cb), self);

  update_pool_label (self, row);
  return row;
}

static GtkWidget *
new_fixed_rule_row (ScExamEditor *self,
                    guint         index)
{
  ScExamRule *rule = &g_array_index (self->exam->rules, ScExamRule, index);
  ScQuestion *question = find_question (self, rule->question_id);
  ScQuestionCategory *category = question != NULL ? find_category (self, question->category_id) : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = new_remove_button (_("Remove the question from the exam"));
  g_autofree char *mark = format_number (question != NULL ? question->default_mark : 0);
  g_autofree char *subtitle = NULL;

  /* TRANSLATORS: the subtitle of a question every attempt gets: its category and mark */
  subtitle = g_strdup_printf (ngettext ("Every attempt · %s · %s mark", "Every attempt · %s · %s marks",
                                        (gulong) ceil (question != NULL ? question->default_mark : 0)),
                              category != NULL ? category->path : "", mark);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 question != NULL ? question->name : _("A question no longer in the bank"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("view-pin-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  tag_widget (row, row, index);
  tag_widget (remove, row, index);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_rule_remove_cb), self);
  return row;
}

static void
build_rules (ScExamEditor *self)
{
  self->filling = TRUE;
  remove_rows (self->questions_group, self->rule_rows);
  for (guint i = 0; i < self->exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (self->exam->rules, ScExamRule, i);
      GtkWidget *row = rule->question_id > 0 ? new_fixed_rule_row (self, i) : new_category_rule_row (self, i);

      adw_preferences_group_add (self->questions_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }
  self->filling = FALSE;
}

static void
on_add_rule_clicked_cb (ScExamEditor *self)
{
  ScQuestionCategory *category;

  if (self->categories->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The question bank has no categories yet")));
      return;
    }

  /* The first category with questions in it */
  category = g_ptr_array_index (self->categories, 0);
  for (guint i = 0; i < self->categories->len; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->n_questions > 0)
      {
        category = g_ptr_array_index (self->categories, i);
        break;
      }
  sc_exam_add_category_rule (self->exam, category->id, 1, 0);
  build_rules (self);
  changed (self);
}

static gboolean
question_matches (ScQuestion *question,
                  const char *folded)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (folded == NULL || *folded == '\0')
    return TRUE;
  name = g_utf8_casefold (question->name ? question->name : "", -1);
  text = g_utf8_casefold (question->text ? question->text : "", -1);
  return strstr (name, folded) != NULL || strstr (text, folded) != NULL;
}

static void
fill_question_results (ScExamEditor *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->question_search)), -1);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->question_results))) != NULL)
    gtk_list_box_remove (self->question_results, child);

  for (guint i = 0; i < self->questions->len && shown < 200; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);
      ScQuestionCategory *category;
      GtkWidget *row, *box, *name, *where;

      g_autofree char *detail = NULL;

      /* Those in the exam already are not offered again */
      if (question->type == SC_QUESTION_TYPE_DESCRIPTION || is_fixed (self, question->id) ||
          !question_matches (question, folded))
        continue;

      category = find_category (self, question->category_id);
      /* The same words as under a question in the bank */
      detail = g_strdup_printf (_("%s · difficulty %d · %s"), sc_question_type_get_label (question->type),
                                question->difficulty, category != NULL ? category->path : "");
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      name = gtk_label_new (question->name);
      where = gtk_label_new (detail);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (where), 0);
      gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_widget_add_css_class (where, "caption");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), where);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "question-id", g_memdup2 (&question->id, sizeof (gint64)), g_free);
      gtk_list_box_append (self->question_results, row);
      shown++;
    }
}

static void
on_question_popover_show_cb (ScExamEditor *self)
{
  fill_question_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->question_search));
}

static void
on_question_search_changed_cb (ScExamEditor *self)
{
  fill_question_results (self);
}

static void
on_question_picked_cb (ScExamEditor  *self,
                       GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "question-id");

  if (id == NULL)
    return;
  sc_exam_add_fixed_question (self->exam, *id);
  gtk_popover_popdown (self->question_popover);
  build_rules (self);
  changed (self);
}

/* Grade bands */

static ScExamFeedbackBand *
row_band (ScExamEditor *self,
          GObject      *widget)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (widget, "index"));

  g_assert (index < self->exam->bands->len);
  return &g_array_index (self->exam->bands, ScExamFeedbackBand, index);
}

static void
on_band_percent_cb (GtkSpinButton *spin,
                    ScExamEditor  *self)
{
  if (self->filling)
    return;
  row_band (self, G_OBJECT (spin))->min_percent = gtk_spin_button_get_value (spin);
  changed (self);
}

static void
on_band_feedback_cb (GtkEditable  *editable,
                     ScExamEditor *self)
{
  ScExamFeedbackBand *band;

  if (self->filling)
    return;
  band = row_band (self, G_OBJECT (editable));
  g_free (band->feedback);
  band->feedback = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  changed (self);
}

static void
on_band_remove_cb (GtkButton    *button,
                   ScExamEditor *self)
{
  g_array_remove_index (self->exam->bands, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
  build_bands (self);
  changed (self);
}

static void
build_bands (ScExamEditor *self)
{
  self->filling = TRUE;
  remove_rows (self->bands_group, self->band_rows);
  for (guint i = 0; i < self->exam->bands->len; i++)
    {
      ScExamFeedbackBand *band = &g_array_index (self->exam->bands, ScExamFeedbackBand, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *percent = new_spin (band->min_percent, 0, 100, 1, _("Lowest percent of the band"));
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *remove = new_remove_button (_("Remove the grade band"));
      GtkWidget *row = new_box_row (box);
      g_autofree char *title = g_strdup_printf (_("Grade band %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_editable_set_text (GTK_EDITABLE (entry), band->feedback ? band->feedback : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Feedback for these scores"));
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Feedback for these scores"), -1);
      gtk_box_append (GTK_BOX (box), new_label (C_("grade band", "From")));
      gtk_box_append (GTK_BOX (box), percent);
      gtk_box_append (GTK_BOX (box), new_label ("%"));
      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), remove);
      tag_widget (row, row, i);
      tag_widget (percent, row, i);
      tag_widget (entry, row, i);
      tag_widget (remove, row, i);
      g_signal_connect (percent, "value-changed", G_CALLBACK (on_band_percent_cb), self);
      g_signal_connect (entry, "changed", G_CALLBACK (on_band_feedback_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_band_remove_cb), self);
      adw_preferences_group_add (self->bands_group, row);
      g_ptr_array_add (self->band_rows, row);
    }
  self->filling = FALSE;
}

static void
on_add_band_clicked_cb (ScExamEditor *self)
{
  double lowest = 100;

  /* Below the lowest band there is */
  for (guint i = 0; i < self->exam->bands->len; i++)
    lowest = MIN (lowest, g_array_index (self->exam->bands, ScExamFeedbackBand, i).min_percent);
  sc_exam_add_band (self->exam, self->exam->bands->len == 0 ? self->exam->pass_percent : MAX (lowest - 10, 0), "");
  build_bands (self);
  changed (self);
}

/* Extra time */

static void
on_extra_minutes_cb (GtkSpinButton *spin,
                     ScExamEditor  *self)
{
  gint64 *person = g_object_get_data (G_OBJECT (spin), "person-id");

  g_hash_table_insert (self->extra, g_memdup2 (person, sizeof (gint64)),
                       GINT_TO_POINTER (gtk_spin_button_get_value_as_int (spin)));
  changed (self);
}

static void
on_extra_remove_cb (GtkButton    *button,
                    ScExamEditor *self)
{
  gint64 *person = g_object_get_data (G_OBJECT (button), "person-id");

  g_hash_table_remove (self->extra, person);
  build_extra (self);
  changed (self);
}

static void
build_extra (ScExamEditor *self)
{
  remove_rows (self->extra_group, self->extra_rows);
  for (guint i = 0; i < self->people->len; i++)
    {
      gint64 id = sc_person_get_id (g_ptr_array_index (self->people, i));
      gpointer minutes;
      GtkWidget *row, *spin, *remove;

      if (!g_hash_table_lookup_extended (self->extra, &id, NULL, &minutes))
        continue;

      row = adw_action_row_new ();
      spin = new_spin (GPOINTER_TO_INT (minutes), 1, 1440, 5, _("Extra minutes"));
      remove = new_remove_button (_("Remove the extra time"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person_name (self, id));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Extra minutes"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data_full (G_OBJECT (spin), "person-id", g_memdup2 (&id, sizeof id), g_free);
      g_object_set_data_full (G_OBJECT (remove), "person-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_extra_minutes_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_extra_remove_cb), self);
      adw_preferences_group_add (self->extra_group, row);
      g_ptr_array_add (self->extra_rows, row);
    }
}

static void
on_extra_add_clicked_cb (ScExamEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->extra_person_dropdown);
  gint64 id;

  if (selected >= self->people->len)
    return;
  id = sc_person_get_id (g_ptr_array_index (self->people, selected));
  g_hash_table_insert (self->extra, g_memdup2 (&id, sizeof id),
                       GINT_TO_POINTER (gtk_spin_button_get_value_as_int (self->extra_minutes_spin)));
  build_extra (self);
  changed (self);
}

/* Callbacks */

static void
on_field_changed_cb (ScExamEditor *self)
{
  if (self->filling)
    return;
  read_form (self);
  changed (self);
}

static void
on_save_clicked_cb (ScExamEditor *self)
{
  sc_exam_editor_save (self);
}

static gboolean
save_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  sc_exam_editor_save (SC_EXAM_EDITOR (widget));
  return TRUE;
}

/* Loading */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const ScQuestionCategory *x = *(ScQuestionCategory **) a;
  const ScQuestionCategory *y = *(ScQuestionCategory **) b;

  return g_utf8_collate (x->path, y->path);
}

static gboolean
load (ScExamEditor  *self,
      gint64         exam_id,
      GError       **error)
{
  g_autoptr(GPtrArray) exams = NULL;

  if (!(self->skills = sc_store_get_skills (self->store, error)) ||
      !(self->categories = sc_store_get_question_categories (self->store, self->session, error)) ||
      !(self->questions = sc_store_get_questions (self->store, self->session, 0, TRUE, error)) ||
      !(self->people = sc_store_get_people (self->store, self->session, FALSE, error)) ||
      !(exams = sc_store_get_exams (self->store, self->session, error)))
    return FALSE;

  g_ptr_array_sort (self->categories, compare_paths);
  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      g_hash_table_insert (self->parents, g_memdup2 (&category->id, sizeof (gint64)),
                           g_memdup2 (&category->parent_id, sizeof (gint64)));
    }

  for (guint i = 0; i < exams->len; i++)
    {
      ScExam *exam = g_ptr_array_index (exams, i);

      if (exam->id == exam_id)
        self->exam = g_ptr_array_steal_index (exams, i--);
      else
        g_ptr_array_add (self->other_names, g_utf8_casefold (exam->name, -1));
    }

  if (exam_id > 0 && self->exam == NULL)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This exam no longer exists"));
      return FALSE;
    }

  if (self->exam == NULL)
    {
      self->exam = sc_exam_new ("");
      self->exam->time_limit_minutes = 30;
      self->exam->pass_percent = 70;
      self->exam->validity_months = 12;
      self->exam->shuffle_questions = TRUE;
      self->exam->shuffle_choices = TRUE;
      self->exam->review = SC_EXAM_REVIEW_AFTER_SUBMIT;
      self->exam->available = TRUE;
    }

  for (guint i = 0; exam_id > 0 && i < self->people->len; i++)
    {
      gint64 id = sc_person_get_id (g_ptr_array_index (self->people, i));
      int minutes = sc_store_get_exam_extra_time (self->store, exam_id, id);

      if (minutes > 0)
        {
          g_hash_table_insert (self->extra, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (minutes));
          g_hash_table_insert (self->extra_stored, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (minutes));
        }
    }

  return TRUE;
}

static void
fill_models (ScExamEditor *self)
{
  g_autoptr(GtkStringList) skills = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  const char *overdue[] = { _("Submit automatically"), _("Grace period to submit"), NULL };
  const char *grading[] = { _("Highest attempt"), _("Last attempt"), NULL };
  const char *review[] = { _("Never: the score only"), _("Once submitted"), _("Once passed"), NULL };
  g_autoptr(GtkStringList) overdue_model = gtk_string_list_new (overdue);
  g_autoptr(GtkStringList) grading_model = gtk_string_list_new (grading);
  g_autoptr(GtkStringList) review_model = gtk_string_list_new (review);
  GtkStringList *people = string_list_with_search (self->extra_person_dropdown);

  gtk_string_list_append (skills, C_("skill", "None"));
  for (guint i = 0; i < self->skills->len; i++)
    gtk_string_list_append (skills, sc_skill_get_name (g_ptr_array_index (self->skills, i)));
  for (ScLevel level = 0; level < SC_N_LEVELS; level++)
    gtk_string_list_append (levels, sc_level_get_label (level));
  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (people, sc_person_get_name (g_ptr_array_index (self->people, i)));

  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skills));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_model (self->overdue_row, G_LIST_MODEL (overdue_model));
  adw_combo_row_set_model (self->grading_row, G_LIST_MODEL (grading_model));
  adw_combo_row_set_model (self->review_row, G_LIST_MODEL (review_model));
}

/* Overrides */

static void
sc_exam_editor_constructed (GObject *object)
{
  ScExamEditor *self = SC_EXAM_EDITOR (object);
  gint64 exam_id = self->exam != NULL ? self->exam->id : 0;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (sc_exam_editor_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));
  g_clear_pointer (&self->exam, sc_exam_free);

  self->filling = TRUE;
  if (!load (self, exam_id, &error))
    {
      if (self->skills == NULL)
        self->skills = g_ptr_array_new ();
      if (self->categories == NULL)
        self->categories = g_ptr_array_new ();
      if (self->questions == NULL)
        self->questions = g_ptr_array_new ();
      if (self->people == NULL)
        self->people = g_ptr_array_new ();
      if (self->exam == NULL)
        self->exam = sc_exam_new ("");
      self->touched = TRUE;
      fill_models (self);
      set_error (self, error->message, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      self->filling = FALSE;
      return;
    }

  fill_models (self);
  fill_form (self);
  build_rules (self);
  build_bands (self);
  build_extra (self);
  self->filling = FALSE;

  adw_window_title_set_title (self->window_title, exam_id > 0 ? _("Edit Exam") : _("New Exam"));
  gtk_window_set_title (GTK_WINDOW (self), exam_id > 0 ? _("Edit Exam") : _("New Exam"));
  if (sc_permission_access (self->session, SC_OPERATION_EXAMS_WRITE) != SC_ACCESS_ALL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
    }
  /* An exam that is stored is checked at once; a new one once it is touched */
  self->touched = exam_id > 0;
  update_state (self);
}

static void
sc_exam_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScExamEditor *self = SC_EXAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EXAM_ID:
      /* Kept until constructed() loads it */
      g_clear_pointer (&self->exam, sc_exam_free);
      self->exam = sc_exam_new ("");
      self->exam->id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_exam_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScExamEditor *self = SC_EXAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EXAM_ID:
      g_value_set_int64 (value, sc_exam_editor_get_exam_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_exam_editor_dispose (GObject *object)
{
  ScExamEditor *self = SC_EXAM_EDITOR (object);

  g_clear_weak_pointer (&self->error_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EXAM_EDITOR);

  G_OBJECT_CLASS (sc_exam_editor_parent_class)->dispose (object);
}

static void
sc_exam_editor_finalize (GObject *object)
{
  ScExamEditor *self = SC_EXAM_EDITOR (object);

  g_clear_pointer (&self->exam, sc_exam_free);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->other_names, g_ptr_array_unref);
  g_clear_pointer (&self->extra, g_hash_table_unref);
  g_clear_pointer (&self->extra_stored, g_hash_table_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->band_rows, g_ptr_array_unref);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sc_exam_editor_parent_class)->finalize (object);
}

static void
sc_exam_editor_class_init (ScExamEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_exam_editor_constructed;
  object_class->set_property = sc_exam_editor_set_property;
  object_class->get_property = sc_exam_editor_get_property;
  object_class->dispose = sc_exam_editor_dispose;
  object_class->finalize = sc_exam_editor_finalize;

  properties[PROP_EXAM_ID] =
    g_param_spec_int64 ("exam-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScExamEditor::saved:
   * @exam_id: the exam saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-exam-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, page);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, skill_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, validity_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, available_switch);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, questions_group);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, add_rule_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, add_question_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, question_popover);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, question_search);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, question_results);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, grace_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, grace_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, attempts_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, cooldown_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, pass_spin);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, grading_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, shuffle_questions_switch);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, shuffle_choices_switch);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, bands_group);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, add_band_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, extra_group);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, extra_add_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, extra_person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScExamEditor, extra_minutes_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_rule_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_band_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_extra_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_picked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_binding_cb, NULL);
}

static void
sc_exam_editor_init (ScExamEditor *self)
{
  self->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->other_names = g_ptr_array_new_with_free_func (g_free);
  self->extra = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->extra_stored = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rule_rows = g_ptr_array_new ();
  self->band_rows = g_ptr_array_new ();
  self->extra_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_exam_editor_new:
 * @exam_id: the exam to edit, or 0 for a new one
 */
GtkWidget *
sc_exam_editor_new (GtkWindow *parent,
                    ScStore   *store,
                    ScSession *session,
                    gint64     exam_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_EXAM_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       "exam-id", exam_id,
                       NULL);
}

/**
 * sc_exam_editor_get_exam_id:
 * Returns: the exam's id; 0 while a new exam is not saved
 */
gint64
sc_exam_editor_get_exam_id (ScExamEditor *self)
{
  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), 0);
  return self->exam != NULL ? self->exam->id : 0;
}

/**
 * sc_exam_editor_get_validation_error:
 * Returns: (nullable): why the exam cannot be saved as it is
 */
const char *
sc_exam_editor_get_validation_error (ScExamEditor *self)
{
  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), NULL);
  return self->error;
}

/**
 * sc_exam_editor_get_summary:
 * Returns: (transfer full): “20 questions, 100 marks, 30 min”
 */
char *
sc_exam_editor_get_summary (ScExamEditor *self)
{
  g_autofree char *questions = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *mark_text = NULL;
  g_autofree char *time = NULL;
  guint n_questions;
  double n_marks;

  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), NULL);

  summarize (self, &n_questions, &n_marks);
  mark_text = format_number (n_marks);
  questions = g_strdup_printf (ngettext ("%u question", "%u questions", n_questions), n_questions);
  marks = g_strdup_printf (ngettext ("%s mark", "%s marks", (gulong) ceil (n_marks)), mark_text);
  if (self->exam->time_limit_minutes > 0)
    time = g_strdup_printf (ngettext ("%d min", "%d min", self->exam->time_limit_minutes),
                            self->exam->time_limit_minutes);
  else
    time = g_strdup (_("no time limit"));

  /* TRANSLATORS: the exam summary: questions, marks and time, as in “20 questions, 100 marks, 30 min” */
  return g_strdup_printf (C_("exam summary", "%s, %s, %s"), questions, marks, time);
}

guint
sc_exam_editor_get_n_rules (ScExamEditor *self)
{
  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), 0);
  return self->exam->rules->len;
}

/**
 * sc_exam_editor_get_rule_widget:
 * @part: “category”, “count”, “difficulty” or “subcategories” for a draw
 *   rule; %NULL for the rule's row
 *
 * Returns: (transfer none) (nullable): that widget of the rule's row
 */
GtkWidget *
sc_exam_editor_get_rule_widget (ScExamEditor *self,
                                guint         rule,
                                const char   *part)
{
  GtkWidget *row;

  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), NULL);

  if (rule >= self->rule_rows->len)
    return NULL;
  row = g_ptr_array_index (self->rule_rows, rule);
  return part != NULL ? g_object_get_data (G_OBJECT (row), part) : row;
}

/**
 * sc_exam_editor_save:
 *
 * Saves the exam and the extra time given, then closes; what keeps it
 * from being saved is shown above the form.
 *
 * Returns: whether it was saved
 */
gboolean
sc_exam_editor_save (ScExamEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) people = NULL;

  g_return_val_if_fail (SC_IS_EXAM_EDITOR (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->page)))
    return FALSE;

  read_form (self);
  self->touched = TRUE;
  update_state (self);
  if (self->error != NULL)
    return FALSE;

  if (!sc_store_save_exam (self->store, self->session, self->exam, &error))
    {
      set_error (self, error->message, NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
      return FALSE;
    }

  /* Extra time, for those whose minutes changed */
  people = g_list_concat (g_hash_table_get_keys (self->extra), g_hash_table_get_keys (self->extra_stored));
  for (const GList *l = people; l != NULL; l = l->next)
    {
      gint64 person = *(gint64 *) l->data;
      int minutes = GPOINTER_TO_INT (g_hash_table_lookup (self->extra, &person));
      int stored = GPOINTER_TO_INT (g_hash_table_lookup (self->extra_stored, &person));

      if (minutes == stored)
        continue;
      if (!sc_store_set_exam_extra_time (self->store, self->session, self->exam->id, person, minutes, &error))
        {
          set_error (self, error->message, NULL);
          return FALSE;
        }
      g_hash_table_insert (self->extra_stored, g_memdup2 (&person, sizeof person), GINT_TO_POINTER (minutes));
    }

  g_signal_emit (self, signals[SAVED], 0, self->exam->id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
