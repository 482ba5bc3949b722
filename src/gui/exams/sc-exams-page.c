/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exams-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-exam-list.h"
#include "sc-exams-page.h"
#include "sc-gift.h"
#include "sc-permissions.h"
#include "sc-question-import-dialog.h"
#include "sc-category-dialog.h"

/*
 * ScExamsPage: the question bank as trainers keep it. Categories on the
 * side, the questions of the chosen one with search and filters, and an
 * editor for the question chosen with a preview of how an agent sees it.
 * The editor works on a copy: nothing is written before Save.
 */

struct _ScExamsPage
{
  ScPage          parent_instance;

  GPtrArray      *categories;   /* ScQuestionCategory, in tree order */
  GHashTable     *depths;       /* category id → depth */
  GHashTable     *totals;       /* category id → questions with subcategories */
  GPtrArray      *questions;    /* ScQuestion, the whole bank */
  GArray         *skill_ids;    /* gint64, by row of the skill filter after “any” */
  GHashTable     *shown_categories; /* category ids of the chosen category and those under it */
  gint64          category_id;  /* chosen, 0 for all */
  gint64          selected_id;
  ScQuestion     *editing;      /* the copy being edited */
  gboolean        dirty;
  char           *error;        /* why the copy cannot be saved */
  ScQuestion     *deleted;      /* for Undo */
  guint           n_shown;
  gboolean        filling;
  GSimpleActionGroup *actions;

  /* Editor rows, rebuilt with each question */
  GtkWidget      *name_row;
  GtkWidget      *text_view;

  /* Filters, built in code */
  GtkDropDown    *type_dropdown;
  GtkDropDown    *difficulty_dropdown;
  GtkDropDown    *skill_dropdown;

  /* Template */
  GtkListBox     *category_list;
  GtkSearchEntry *search_entry;
  GtkBox         *filter_box;
  GtkLabel       *count_label;
  GtkListBox     *question_list;
  GtkMenuButton  *add_button;
  GtkButton      *duplicate_button;
  GtkButton      *delete_button;
  GtkButton      *import_button;
  GtkButton      *export_button;
  GtkStack       *editor_stack;
  GtkLabel       *editor_title;
  GtkButton      *revert_button;
  GtkButton      *save_button;
  GtkRevealer    *validation_revealer;
  GtkLabel       *validation_label;
  GtkBox         *editor_box;
  GtkBox         *preview_box;

  /* The bank and the exams */
  GtkStack       *view_stack;
};

G_DEFINE_FINAL_TYPE (ScExamsPage, sc_exams_page, SC_TYPE_PAGE)

static const char * const page_tables[] = {
  "question", "question_category", "question_choice", "question_match_pair", "question_tag", "skill", NULL
};

static void build_editor (ScExamsPage *self);
static void editor_changed (ScExamsPage *self);

/* Helpers */

static ScStore *
get_store (ScExamsPage *self)
{
  return sc_page_get_store (SC_PAGE (self));
}

static ScSession *
get_session (ScExamsPage *self)
{
  return sc_page_get_session (SC_PAGE (self));
}

static gboolean
may_write (ScExamsPage *self)
{
  return get_session (self) != NULL &&
         sc_permission_access (get_session (self), SC_OPERATION_QUESTIONS_WRITE) == SC_ACCESS_ALL;
}

static GtkWindow *
get_window (ScExamsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwToast *
show_toast (ScExamsPage *self,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (message);

  if (overlay != NULL)
    {
      /* The toast's Undo button finds the page's actions there */
      gtk_widget_insert_action_group (overlay, "exams", G_ACTION_GROUP (self->actions));
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    {
      g_info ("%s", message);
      g_object_unref (toast);
      toast = NULL;
    }

  return toast;
}

static void
remove_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else if (GTK_IS_BOX (widget))
        gtk_box_remove (GTK_BOX (widget), child);
      else
        gtk_widget_unparent (child);
    }
}

static ScQuestion *
copy_question (ScQuestion *question)
{
  ScQuestion *copy = sc_question_new (question->type);

  copy->id = question->id;
  copy->category_id = question->category_id;
  sc_question_set_string (&copy->name, question->name);
  sc_question_set_string (&copy->text, question->text);
  sc_question_set_string (&copy->text_format, question->text_format);
  sc_question_set_string (&copy->general_feedback, question->general_feedback);
  sc_question_set_string (&copy->feedback_true, question->feedback_true);
  sc_question_set_string (&copy->feedback_false, question->feedback_false);
  copy->single = question->single;
  copy->case_sensitive = question->case_sensitive;
  copy->correct = question->correct;
  copy->difficulty = question->difficulty;
  copy->default_mark = question->default_mark;
  copy->idnumber = g_strdup (question->idnumber);
  copy->category = g_strdup (question->category);
  copy->line = question->line;

  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
      ScQuestionAnswer *new_answer = sc_question_add_answer (copy, answer->text, answer->fraction,
                                                             answer->feedback);

      new_answer->tolerance = answer->tolerance;
    }
  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
      sc_question_add_pair (copy, pair->question, pair->answer);
    }
  for (guint i = 0; i < question->tags->len; i++)
    sc_question_add_tag (copy, g_ptr_array_index (question->tags, i));

  return copy;
}

static ScQuestion *
find_question (ScExamsPage *self,
               gint64       id)
{
  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->id == id)
        return question;
    }
  return NULL;
}

static ScQuestionCategory *
find_category (ScExamsPage *self,
               gint64       id)
{
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      if (category->id == id)
        return category;
    }
  return NULL;
}

/* The skill a category tests: its own, or that of the nearest above it */
static gint64
category_skill (ScExamsPage *self,
                gint64       id)
{
  for (guint depth = 0; id != 0 && depth < 64; depth++)
    {
      ScQuestionCategory *category = find_category (self, id);

      if (category == NULL)
        return 0;
      if (category->skill_id != 0)
        return category->skill_id;
      id = category->parent_id;
    }
  return 0;
}

static char *
format_mark (double mark)
{
  /* Translators: the mark a question is worth, e.g. “1 mark”, “2.5 marks” */
  return g_strdup_printf (mark == 1 ? _("%g mark") : _("%g marks"), mark);
}

/* Categories */

static void
add_in_tree_order (GPtrArray  *all,
                   gint64      parent_id,
                   guint       depth,
                   GPtrArray  *ordered,
                   GHashTable *depths)
{
  for (guint i = 0; i < all->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (all, i);

      if (category->parent_id != parent_id || depth > 32)
        continue;
      g_ptr_array_add (ordered, category);
      g_hash_table_insert (depths, g_memdup2 (&category->id, sizeof (gint64)), GUINT_TO_POINTER (depth));
      add_in_tree_order (all, category->id, depth + 1, ordered, depths);
    }
}

static int
compare_category_names (gconstpointer a,
                        gconstpointer b)
{
  const ScQuestionCategory *ca = *(ScQuestionCategory * const *) a;
  const ScQuestionCategory *cb = *(ScQuestionCategory * const *) b;

  return g_utf8_collate (ca->name, cb->name);
}

static void
load_categories (ScExamsPage *self,
                 GPtrArray   *all)
{
  g_ptr_array_sort (all, compare_category_names);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_hash_table_remove_all (self->depths);
  g_hash_table_remove_all (self->totals);

  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_category_free);
  add_in_tree_order (all, 0, 0, self->categories, self->depths);

  /* The array now owns the categories */
  g_ptr_array_set_free_func (all, NULL);

  /* Each question counts in its category and every one above it */
  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);
      gint64 id = category->id;

      for (guint depth = 0; id != 0 && depth < 64; depth++)
        {
          ScQuestionCategory *up = find_category (self, id);
          guint total;

          if (up == NULL)
            break;
          total = GPOINTER_TO_UINT (g_hash_table_lookup (self->totals, &up->id));
          g_hash_table_insert (self->totals, g_memdup2 (&up->id, sizeof (gint64)),
                               GUINT_TO_POINTER (total + category->n_questions));
          id = up->parent_id;
        }
    }
}

static GtkWidget *
new_category_row (const char *name,
                  guint       depth,
                  guint       count,
                  gint64      id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GtkWidget *count_label = gtk_label_new (count_text);
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (box, 12 * depth);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a category of questions for screen readers, e.g. “Billing, 12 questions” */
  accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u question", "%s, %u questions", count),
                                name, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "category-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

static void
compute_shown_categories (ScExamsPage *self)
{
  g_hash_table_remove_all (self->shown_categories);
  if (self->category_id == 0 || self->categories == NULL)
    return;

  /* In tree order, those under a category follow it */
  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      if (category->id == self->category_id ||
          g_hash_table_contains (self->shown_categories, &category->parent_id))
        g_hash_table_add (self->shown_categories, g_memdup2 (&category->id, sizeof (gint64)));
    }
}

static void
fill_categories (ScExamsPage *self)
{
  GtkWidget *selected = NULL;
  GtkWidget *row;

  self->filling = TRUE;
  remove_children (GTK_WIDGET (self->category_list));

  row = new_category_row (_("All Questions"), 0, self->questions ? self->questions->len : 0, 0);
  gtk_list_box_append (self->category_list, row);
  selected = row;

  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);
      guint depth = GPOINTER_TO_UINT (g_hash_table_lookup (self->depths, &category->id));
      guint total = GPOINTER_TO_UINT (g_hash_table_lookup (self->totals, &category->id));

      row = new_category_row (category->name, depth + 1, total, category->id);
      gtk_list_box_append (self->category_list, row);
      if (category->id == self->category_id)
        selected = row;
    }

  if (selected == gtk_widget_get_first_child (GTK_WIDGET (self->category_list)))
    self->category_id = 0;
  gtk_list_box_select_row (self->category_list, GTK_LIST_BOX_ROW (selected));
  self->filling = FALSE;
  compute_shown_categories (self);
}

/* Questions */

static gboolean
contains_folded (const char *text,
                 const char *folded_term)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_term) != NULL;
}

static gboolean
matches (ScExamsPage  *self,
         ScQuestion   *question,
         char        **terms)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint difficulty = gtk_drop_down_get_selected (self->difficulty_dropdown);
  guint skill = gtk_drop_down_get_selected (self->skill_dropdown);

  if (self->category_id != 0 && !g_hash_table_contains (self->shown_categories, &question->category_id))
    return FALSE;
  if (type > 0 && type != GTK_INVALID_LIST_POSITION && question->type != (ScQuestionType) (type - 1))
    return FALSE;
  if (difficulty > 0 && difficulty != GTK_INVALID_LIST_POSITION && question->difficulty != (int) difficulty)
    return FALSE;
  if (skill > 0 && skill != GTK_INVALID_LIST_POSITION && skill - 1 < self->skill_ids->len &&
      category_skill (self, question->category_id) != g_array_index (self->skill_ids, gint64, skill - 1))
    return FALSE;

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      gboolean found;

      if (*terms[i] == '\0')
        continue;
      found = contains_folded (question->name, terms[i]) || contains_folded (question->text, terms[i]) ||
              contains_folded (question->idnumber, terms[i]);
      for (guint j = 0; !found && j < question->tags->len; j++)
        found = contains_folded (g_ptr_array_index (question->tags, j), terms[i]);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static GtkWidget *
new_question_row (ScQuestion *question)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (question->name, -1);

  /* Translators: under a question in the bank: its type, difficulty and category,
   * e.g. “Multiple choice · difficulty 2 · Billing” */
  subtitle = g_markup_printf_escaped (_("%s · difficulty %d · %s"), sc_question_type_get_label (question->type),
                                      question->difficulty, question->category ? question->category : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  g_object_set_data_full (G_OBJECT (row), "question-id", g_memdup2 (&question->id, sizeof (gint64)), g_free);
  return row;
}

static void
fill_questions (ScExamsPage *self)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  g_autofree char *count = NULL;
  GtkWidget *selected = NULL;

  self->filling = TRUE;
  remove_children (GTK_WIDGET (self->question_list));
  self->n_shown = 0;

  folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  terms = g_strsplit_set (g_strstrip (folded), " \t", -1);

  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);
      GtkWidget *row;

      if (!matches (self, question, terms))
        continue;

      row = new_question_row (question);
      gtk_list_box_append (self->question_list, row);
      self->n_shown++;
      if (question->id == self->selected_id)
        selected = row;
    }

  gtk_list_box_select_row (self->question_list, GTK_LIST_BOX_ROW (selected));
  self->filling = FALSE;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question shown of %u", "%u questions shown of %u",
                                        self->n_shown),
                           self->n_shown, self->questions ? self->questions->len : 0);
  gtk_label_set_text (self->count_label, count);
}

static void
fill_skills (ScExamsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) skills = sc_store_get_skills (get_store (self), NULL);
  guint selected = gtk_drop_down_get_selected (self->skill_dropdown);
  gint64 selected_id = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected - 1 < self->skill_ids->len)
    selected_id = g_array_index (self->skill_ids, gint64, selected - 1);

  g_array_set_size (self->skill_ids, 0);
  gtk_string_list_append (names, _("Any skill"));
  selected = 0;
  for (guint i = 0; skills != NULL && i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);
      gint64 id = sc_skill_get_id (skill);

      gtk_string_list_append (names, sc_skill_get_name (skill));
      g_array_append_val (self->skill_ids, id);
      if (id == selected_id)
        selected = self->skill_ids->len;
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->skill_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->skill_dropdown, selected);
  self->filling = FALSE;
}

static void
update_buttons (ScExamsPage *self)
{
  gboolean write = may_write (self);
  gboolean stored = self->editing != NULL && self->editing->id != 0 && !self->dirty;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), write);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), write);
  gtk_widget_set_sensitive (GTK_WIDGET (self->duplicate_button), write && stored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), write && self->editing != NULL &&
                            self->editing->id != 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), write && self->dirty && self->error == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), self->dirty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->n_shown > 0 || self->category_id != 0);
}

static void
set_editing (ScExamsPage *self,
             ScQuestion  *question,
             gboolean     dirty)
{
  g_clear_pointer (&self->editing, sc_question_unref);
  self->editing = question;
  self->dirty = dirty;
  self->selected_id = question != NULL ? question->id : 0;

  gtk_stack_set_visible_child_name (self->editor_stack, question != NULL ? "editor" : "empty");
  build_editor (self);
  if (question != NULL)
    editor_changed (self);
  update_buttons (self);
}

/* The preview */

static char *
plain_text (ScQuestion *question,
            const char *text)
{
  GString *plain;
  gboolean in_tag = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (g_strcmp0 (question->text_format, "html") != 0 && g_strcmp0 (question->text_format, "moodle") != 0)
    return g_strdup (text);

  /* What a browser would show of simple HTML */
  plain = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "<p", 2) == 0)
            g_string_append_c (plain, '\n');
          in_tag = TRUE;
        }
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (plain, *p);
    }
  return g_strstrip (g_string_free (plain, FALSE));
}

static GtkWidget *
preview_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
build_preview (ScExamsPage *self)
{
  ScQuestion *question = self->editing;
  GtkWidget *box = GTK_WIDGET (self->preview_box);
  g_autofree char *mark = NULL;
  g_autofree char *header = NULL;
  g_autofree char *text = NULL;

  remove_children (box);
  if (question == NULL)
    return;

  mark = format_mark (question->default_mark);
  if (question->type == SC_QUESTION_TYPE_DESCRIPTION)
    header = g_strdup (_("Information"));
  else
    /* Translators: the head of a question in an exam, e.g. “Question 1 · 1 mark” */
    header = g_strdup_printf (_("Question %u · %s"), 1, mark);
  gtk_box_append (GTK_BOX (box), preview_label (header, "heading"));

  text = plain_text (question, question->text);
  gtk_box_append (GTK_BOX (box), preview_label (text, NULL));

  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      {
        GtkCheckButton *group = NULL;

        gtk_box_append (GTK_BOX (box), preview_label (question->single ? _("Choose one answer:")
                                                                       : _("Choose one or more answers:"),
                                                      "dim-label"));
        for (guint i = 0; i < question->answers->len; i++)
          {
            ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
            g_autofree char *choice_text = plain_text (question, answer->text);
            g_autofree char *label = g_strdup_printf ("%c. %s", 'a' + (int) (i % 26), choice_text);
            GtkWidget *check = gtk_check_button_new ();

            /* Long choices wrap rather than widen the preview */
            gtk_check_button_set_child (GTK_CHECK_BUTTON (check), preview_label (label, NULL));

            if (question->single)
              {
                if (group == NULL)
                  group = GTK_CHECK_BUTTON (check);
                else
                  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
              }
            gtk_box_append (GTK_BOX (box), check);
          }
        break;
      }

    case SC_QUESTION_TYPE_TRUEFALSE:
      {
        GtkWidget *yes = gtk_check_button_new_with_label (C_("answer", "True"));
        GtkWidget *no = gtk_check_button_new_with_label (C_("answer", "False"));

        gtk_check_button_set_group (GTK_CHECK_BUTTON (no), GTK_CHECK_BUTTON (yes));
        gtk_box_append (GTK_BOX (box), preview_label (_("Choose one answer:"), "dim-label"));
        gtk_box_append (GTK_BOX (box), yes);
        gtk_box_append (GTK_BOX (box), no);
        break;
      }

    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      {
        GtkWidget *entry = gtk_entry_new ();

        gtk_box_append (GTK_BOX (box), preview_label (_("Answer:"), "dim-label"));
        if (question->type == SC_QUESTION_TYPE_NUMERICAL)
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
        gtk_box_append (GTK_BOX (box), entry);
        break;
      }

    case SC_QUESTION_TYPE_MATCHING:
      {
        g_autoptr(GPtrArray) answers = g_ptr_array_new ();
        GtkWidget *grid = gtk_grid_new ();
        guint row = 0;

        /* The answers in an order that gives nothing away */
        for (guint i = 0; i < question->pairs->len; i++)
          g_ptr_array_add (answers, ((ScQuestionPair *) g_ptr_array_index (question->pairs, i))->answer);
        g_ptr_array_sort (answers, compare_strings);
        g_ptr_array_insert (answers, 0, (gpointer) _("Choose…"));
        g_ptr_array_add (answers, NULL);

        gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
        gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
        for (guint i = 0; i < question->pairs->len; i++)
          {
            ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
            GtkWidget *label;
            GtkWidget *dropdown;

            if (pair->question == NULL || *pair->question == '\0')
              continue;
            label = preview_label (pair->question, NULL);
            gtk_widget_set_hexpand (label, TRUE);
            dropdown = gtk_drop_down_new_from_strings ((const char * const *) answers->pdata);
            gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            pair->question, -1);
            gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
            gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);
            row++;
          }
        gtk_box_append (GTK_BOX (box), grid);
        break;
      }

    case SC_QUESTION_TYPE_ESSAY:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *view = gtk_text_view_new ();

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_widget_set_size_request (view, -1, 140);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_box_append (GTK_BOX (box), preview_label (_("Write your answer; a trainer grades it."), "dim-label"));
        gtk_box_append (GTK_BOX (box), frame);
        break;
      }

    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }
}

/* Validation */

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

static char *
check_question (ScQuestion *question)
{
  g_autoptr(GError) error = NULL;

  if (question->name == NULL || *question->name == '\0')
    return g_strdup (_("The question needs a name"));
  if (question->type != SC_QUESTION_TYPE_DESCRIPTION && (question->text == NULL || *question->text == '\0'))
    return g_strdup (_("The question needs a text"));

  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
      double value;

      if (answer->text == NULL || *answer->text == '\0')
        return g_strdup_printf (_("Answer %u has no text"), i + 1);
      if (question->type == SC_QUESTION_TYPE_NUMERICAL && g_strcmp0 (answer->text, "*") != 0 &&
          !parse_number (answer->text, &value))
        return g_strdup_printf (_("Answer %u: “%s” is not a number; write a value such as 12.5, "
                                  "or a range such as 10..15"), i + 1, answer->text);
    }

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);

      if (pair->answer == NULL || *pair->answer == '\0')
        return g_strdup_printf (_("Pair %u has no answer"), i + 1);
    }

  if (!sc_question_validate (question, &error))
    return g_strdup (error->message);

  return NULL;
}

static void
editor_changed (ScExamsPage *self)
{
  g_autofree char *title = NULL;

  if (self->editing == NULL)
    return;

  g_free (self->error);
  self->error = check_question (self->editing);
  gtk_label_set_text (self->validation_label, self->error ? self->error : "");
  gtk_revealer_set_reveal_child (self->validation_revealer, self->error != NULL);

  if (self->name_row != NULL)
    {
      if (*self->editing->name == '\0')
        gtk_widget_add_css_class (self->name_row, "error");
      else
        gtk_widget_remove_css_class (self->name_row, "error");
    }

  if (self->dirty)
    /* Translators: the head of the editor when a question has changes not saved yet */
    title = g_strdup_printf (_("%s (not saved)"), sc_question_type_get_label (self->editing->type));
  else
    title = g_strdup (sc_question_type_get_label (self->editing->type));
  gtk_label_set_text (self->editor_title, title);

  build_preview (self);
  update_buttons (self);
}

static void
mark_dirty (ScExamsPage *self)
{
  self->dirty = TRUE;
  editor_changed (self);
}

/* The editor */

static void
on_string_row_changed_cb (GtkEditable *editable,
                          ScExamsPage *self)
{
  char **field = g_object_get_data (G_OBJECT (editable), "field");

  if (self->filling || field == NULL)
    return;
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (editable));
  mark_dirty (self);
}

static GtkWidget *
add_entry_row (ScExamsPage *self,
               GtkWidget   *group,
               const char  *title,
               char       **field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), *field ? *field : "");
  g_object_set_data (G_OBJECT (row), "field", field);
  g_signal_connect (row, "changed", G_CALLBACK (on_string_row_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
on_switch_changed_cb (GtkSwitch   *widget,
                      GParamSpec  *pspec,
                      ScExamsPage *self)
{
  gboolean *field = g_object_get_data (G_OBJECT (widget), "field");

  if (self->filling || field == NULL)
    return;
  *field = gtk_switch_get_active (widget);
  mark_dirty (self);
}

static void
add_switch_row (ScExamsPage *self,
                GtkWidget   *group,
                const char  *title,
                const char  *subtitle,
                gboolean    *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (widget), *field);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (widget), "field", field);
  g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
on_text_changed_cb (GtkTextBuffer *buffer,
                    ScExamsPage   *self)
{
  GtkTextIter start, end;

  if (self->filling || self->editing == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->editing->text);
  self->editing->text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  mark_dirty (self);
}

static void
on_category_row_selected_cb (AdwComboRow *row,
                             GParamSpec  *pspec,
                             ScExamsPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  ScQuestionCategory *category;

  if (self->filling || self->editing == NULL || selected >= self->categories->len)
    return;
  category = g_ptr_array_index (self->categories, selected);
  self->editing->category_id = category->id;
  sc_question_set_string (&self->editing->category, category->path);
  mark_dirty (self);
}

static void
on_difficulty_selected_cb (AdwComboRow *row,
                           GParamSpec  *pspec,
                           ScExamsPage *self)
{
  if (self->filling || self->editing == NULL)
    return;
  self->editing->difficulty = (int) adw_combo_row_get_selected (row) + 1;
  mark_dirty (self);
}

static void
on_correct_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        ScExamsPage *self)
{
  if (self->filling || self->editing == NULL)
    return;
  self->editing->correct = adw_combo_row_get_selected (row) == 0;
  mark_dirty (self);
}

static void
on_mark_changed_cb (GtkSpinButton *spin,
                    ScExamsPage   *self)
{
  if (self->filling || self->editing == NULL)
    return;
  self->editing->default_mark = gtk_spin_button_get_value (spin);
  mark_dirty (self);
}

static void
on_tags_changed_cb (GtkEditable *editable,
                    ScExamsPage *self)
{
  g_auto(GStrv) tags = NULL;

  if (self->filling || self->editing == NULL)
    return;

  g_ptr_array_set_size (self->editing->tags, 0);
  tags = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_strstrip (tags[i]);
      if (*tags[i] != '\0')
        sc_question_add_tag (self->editing, tags[i]);
    }
  mark_dirty (self);
}

static void
on_answer_text_changed_cb (GtkEditable *editable,
                           ScExamsPage *self)
{
  ScQuestionAnswer *answer = g_object_get_data (G_OBJECT (editable), "answer");
  const char *text = gtk_editable_get_text (editable);
  const char *dots;

  if (self->filling || answer == NULL)
    return;

  /* A numerical range, min..max, is kept as its middle ± half its width */
  dots = self->editing->type == SC_QUESTION_TYPE_NUMERICAL ? strstr (text, "..") : NULL;
  if (dots != NULL)
    {
      g_autofree char *low_text = g_strndup (text, dots - text);
      double low, high;

      if (parse_number (g_strstrip (low_text), &low) && parse_number (dots + 2, &high) && low <= high)
        {
          GtkSpinButton *tolerance = g_object_get_data (G_OBJECT (editable), "tolerance");
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_free (answer->text);
          answer->text = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, (low + high) / 2));
          answer->tolerance = (high - low) / 2;
          if (tolerance != NULL)
            {
              self->filling = TRUE;
              gtk_spin_button_set_value (tolerance, answer->tolerance);
              self->filling = FALSE;
            }
          mark_dirty (self);
          return;
        }
    }

  g_free (answer->text);
  answer->text = g_strdup (text);
  mark_dirty (self);
}

static void
on_answer_feedback_changed_cb (GtkEditable *editable,
                               ScExamsPage *self)
{
  ScQuestionAnswer *answer = g_object_get_data (G_OBJECT (editable), "answer");

  if (self->filling || answer == NULL)
    return;
  g_free (answer->feedback);
  answer->feedback = g_strdup (gtk_editable_get_text (editable));
  mark_dirty (self);
}

static void
on_answer_fraction_changed_cb (GtkSpinButton *spin,
                               ScExamsPage   *self)
{
  ScQuestionAnswer *answer = g_object_get_data (G_OBJECT (spin), "answer");

  if (self->filling || answer == NULL)
    return;
  answer->fraction = gtk_spin_button_get_value (spin) / 100;
  mark_dirty (self);
}

static void
on_answer_tolerance_changed_cb (GtkSpinButton *spin,
                                ScExamsPage   *self)
{
  ScQuestionAnswer *answer = g_object_get_data (G_OBJECT (spin), "answer");

  if (self->filling || answer == NULL)
    return;
  answer->tolerance = gtk_spin_button_get_value (spin);
  mark_dirty (self);
}

static void
on_pair_changed_cb (GtkEditable *editable,
                    ScExamsPage *self)
{
  char **field = g_object_get_data (G_OBJECT (editable), "field");

  if (self->filling || field == NULL)
    return;
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (editable));
  mark_dirty (self);
}

static void
on_remove_item_clicked_cb (GtkButton   *button,
                           ScExamsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  gboolean pair = g_object_get_data (G_OBJECT (button), "pair") != NULL;
  GPtrArray *items = pair ? self->editing->pairs : self->editing->answers;

  if (index >= items->len)
    return;
  g_ptr_array_remove_index (items, index);
  self->dirty = TRUE;
  build_editor (self);
  editor_changed (self);
}

static void
on_add_item_clicked_cb (GtkButton   *button,
                        ScExamsPage *self)
{
  if (self->editing->type == SC_QUESTION_TYPE_MATCHING)
    sc_question_add_pair (self->editing, "", "");
  else
    sc_question_add_answer (self->editing, "", 0, "");
  self->dirty = TRUE;
  build_editor (self);
  editor_changed (self);
}

static GtkWidget *
new_entry (const char *text,
           const char *placeholder,
           const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  return entry;
}

static GtkWidget *
new_spin (double      value,
          double      lower,
          double      upper,
          double      step,
          guint       digits,
          const char *accessible)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return spin;
}

static GtkWidget *
new_remove_button (guint    index,
                   gboolean pair)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, pair ? _("Remove this pair") : _("Remove this answer"));
  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  if (pair)
    g_object_set_data (G_OBJECT (button), "pair", GINT_TO_POINTER (TRUE));
  return button;
}

static GtkWidget *
item_row (GtkWidget *box)
{
  /* A preferences row, so that the group shows it in its boxed list */
  GtkWidget *row = adw_preferences_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
new_group (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
add_group_button (ScExamsPage *self,
                  GtkWidget   *group,
                  const char  *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_item_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
}

static void
build_answers (ScExamsPage *self,
               GtkWidget   *group)
{
  ScQuestion *question = self->editing;
  gboolean numerical = question->type == SC_QUESTION_TYPE_NUMERICAL;

  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *line2 = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      GtkWidget *text;
      GtkWidget *fraction;
      GtkWidget *feedback;
      GtkWidget *remove;

      text = new_entry (answer->text,
                        numerical ? _("Value, or a range such as 10..15") : _("Answer text"),
                        _("Answer text"));
      g_object_set_data (G_OBJECT (text), "answer", answer);
      g_signal_connect (text, "changed", G_CALLBACK (on_answer_text_changed_cb), self);

      fraction = new_spin (answer->fraction * 100, -100, 100, 5, 1, _("Share of the mark, in percent"));
      gtk_widget_set_tooltip_text (fraction, _("Share of the mark, in percent"));
      g_object_set_data (G_OBJECT (fraction), "answer", answer);
      g_signal_connect (fraction, "value-changed", G_CALLBACK (on_answer_fraction_changed_cb), self);

      feedback = new_entry (answer->feedback, _("Feedback for this answer"), _("Feedback for this answer"));
      g_object_set_data (G_OBJECT (feedback), "answer", answer);
      g_signal_connect (feedback, "changed", G_CALLBACK (on_answer_feedback_changed_cb), self);

      remove = new_remove_button (i, FALSE);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_item_clicked_cb), self);

      gtk_box_append (GTK_BOX (line), gtk_label_new (number));
      gtk_box_append (GTK_BOX (line), text);
      gtk_box_append (GTK_BOX (line), remove);
      gtk_widget_set_margin_start (line2, 18);
      if (numerical)
        {
          GtkWidget *tolerance = new_spin (answer->tolerance, 0, 1e9, 0.5, 2, _("Tolerance"));

          gtk_widget_set_tooltip_text (tolerance, _("Tolerance: the answer may be this much more or less"));
          g_object_set_data (G_OBJECT (tolerance), "answer", answer);
          g_object_set_data (G_OBJECT (text), "tolerance", tolerance);
          g_signal_connect (tolerance, "value-changed", G_CALLBACK (on_answer_tolerance_changed_cb), self);
          gtk_box_append (GTK_BOX (line2), gtk_label_new ("±"));
          gtk_box_append (GTK_BOX (line2), tolerance);
        }
      {
        /* Translators: before the share of the mark an answer earns, e.g. “Earns 50 %” */
        GtkWidget *earns = gtk_label_new (_("Earns"));

        gtk_widget_add_css_class (earns, "dim-label");
        gtk_box_append (GTK_BOX (line2), earns);
      }
      gtk_box_append (GTK_BOX (line2), fraction);
      gtk_box_append (GTK_BOX (line2), gtk_label_new ("%"));
      gtk_widget_set_margin_start (feedback, 18);
      gtk_box_append (GTK_BOX (box), line);
      gtk_box_append (GTK_BOX (box), line2);
      gtk_box_append (GTK_BOX (box), feedback);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (box));
    }
}

static void
build_pairs (ScExamsPage *self,
             GtkWidget   *group)
{
  ScQuestion *question = self->editing;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *left = new_entry (pair->question, _("Item (empty: a distractor)"), _("Item to match"));
      GtkWidget *right = new_entry (pair->answer, _("Its match"), _("Its match"));
      GtkWidget *remove = new_remove_button (i, TRUE);

      g_object_set_data (G_OBJECT (left), "field", &pair->question);
      g_object_set_data (G_OBJECT (right), "field", &pair->answer);
      g_signal_connect (left, "changed", G_CALLBACK (on_pair_changed_cb), self);
      g_signal_connect (right, "changed", G_CALLBACK (on_pair_changed_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_item_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), left);
      gtk_box_append (GTK_BOX (box), gtk_label_new ("→"));
      gtk_box_append (GTK_BOX (box), right);
      gtk_box_append (GTK_BOX (box), remove);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row (box));
    }
}

static void
build_editor (ScExamsPage *self)
{
  ScQuestion *question = self->editing;
  GtkWidget *box = GTK_WIDGET (self->editor_box);
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *frame;
  GtkTextBuffer *buffer;
  g_autoptr(GtkStringList) paths = gtk_string_list_new (NULL);
  g_autoptr(GString) tags = g_string_new (NULL);
  guint category_index = GTK_INVALID_LIST_POSITION;

  self->name_row = NULL;
  self->text_view = NULL;
  remove_children (box);
  if (question == NULL)
    return;

  self->filling = TRUE;

  /* What it is */
  group = new_group (_("Question"), NULL);
  self->name_row = add_entry_row (self, group, C_("question", "Name"), &question->name);

  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (paths, category->path);
      if (category->id == question->category_id)
        category_index = i;
    }
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Category"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (paths));
  if (category_index != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), category_index);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_category_row_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  {
    const char *levels[] = {
      C_("difficulty", "1 – Easy"), C_("difficulty", "2"), C_("difficulty", "3 – Medium"),
      C_("difficulty", "4"), C_("difficulty", "5 – Hard"), NULL
    };
    g_autoptr(GtkStringList) model = gtk_string_list_new (levels);

    row = adw_combo_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Difficulty"));
    adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), CLAMP (question->difficulty, 1, 5) - 1);
    g_signal_connect (row, "notify::selected", G_CALLBACK (on_difficulty_selected_cb), self);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }

  if (question->type != SC_QUESTION_TYPE_DESCRIPTION)
    {
      GtkWidget *spin = new_spin (question->default_mark, 0, 100, 0.5, 1, _("Mark"));

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Mark"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("What a fully right answer is worth"));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_mark_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = 0; i < question->tags->len; i++)
    g_string_append_printf (tags, "%s%s", i > 0 ? ", " : "", (char *) g_ptr_array_index (question->tags, i));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Tags, separated by commas"));
  gtk_editable_set_text (GTK_EDITABLE (row), tags->str);
  g_signal_connect (row, "changed", G_CALLBACK (on_tags_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), group);

  /* Its text */
  group = new_group (_("Text"), question->type == SC_QUESTION_TYPE_DESCRIPTION
                                  ? _("Information shown between questions; it earns no mark.") : NULL);
  frame = gtk_frame_new (NULL);
  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
  gtk_widget_set_size_request (self->text_view, -1, 90);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Question text"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_set_text (buffer, question->text ? question->text : "", -1);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed_cb), self);
  gtk_frame_set_child (GTK_FRAME (frame), self->text_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  gtk_box_append (GTK_BOX (box), group);

  /* Its answers */
  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      group = new_group (_("Choices"), _("Each choice earns a share of the mark, from −100 % to 100 %; "
                                         "a question’s score never goes below 0."));
      add_group_button (self, group, _("Add _Choice"));
      add_switch_row (self, group, _("One Answer Only"), _("Otherwise several choices may be ticked"),
                      &question->single);
      build_answers (self, group);
      gtk_box_append (GTK_BOX (box), group);
      break;

    case SC_QUESTION_TYPE_SHORTANSWER:
      group = new_group (_("Accepted Answers"), _("Each accepted answer earns a share of the mark."));
      add_group_button (self, group, _("Add _Answer"));
      add_switch_row (self, group, _("Case Sensitive"), _("“Refund” and “refund” are then different answers"),
                      &question->case_sensitive);
      build_answers (self, group);
      gtk_box_append (GTK_BOX (box), group);
      break;

    case SC_QUESTION_TYPE_NUMERICAL:
      group = new_group (_("Accepted Values"), _("A value with its tolerance, or a range written min..max; "
                                                 "each earns a share of the mark."));
      add_group_button (self, group, _("Add _Value"));
      build_answers (self, group);
      gtk_box_append (GTK_BOX (box), group);
      break;

    case SC_QUESTION_TYPE_MATCHING:
      group = new_group (_("Pairs"), _("Each item is matched with its answer; an answer without an item "
                                       "is a distractor."));
      add_group_button (self, group, _("Add _Pair"));
      build_pairs (self, group);
      gtk_box_append (GTK_BOX (box), group);
      break;

    case SC_QUESTION_TYPE_TRUEFALSE:
      {
        const char *answers[] = { C_("answer", "True"), C_("answer", "False"), NULL };
        g_autoptr(GtkStringList) model = gtk_string_list_new (answers);

        group = new_group (_("Answer"), NULL);
        row = adw_combo_row_new ();
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Right Answer"));
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), question->correct ? 0 : 1);
        g_signal_connect (row, "notify::selected", G_CALLBACK (on_correct_selected_cb), self);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        add_entry_row (self, group, _("Feedback When Answered True"), &question->feedback_true);
        add_entry_row (self, group, _("Feedback When Answered False"), &question->feedback_false);
        gtk_box_append (GTK_BOX (box), group);
        break;
      }

    case SC_QUESTION_TYPE_ESSAY:
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  if (question->type != SC_QUESTION_TYPE_DESCRIPTION)
    {
      group = new_group (_("Feedback"), _("Shown after the answer, whatever it was."));
      add_entry_row (self, group, _("General Feedback"), &question->general_feedback);
      add_entry_row (self, group, _("ID Number"), &question->idnumber);
      gtk_box_append (GTK_BOX (box), group);
    }

  self->filling = FALSE;
}

/* Reloading */

static void
sc_exams_page_reload (ScPage *page)
{
  ScExamsPage *self = SC_EXAMS_PAGE (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) questions = NULL;

  categories = sc_store_get_question_categories (get_store (self), get_session (self), &error);
  if (categories != NULL)
    questions = sc_store_get_questions (get_store (self), get_session (self), 0, TRUE, &error);
  if (questions == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = g_steal_pointer (&questions);
  load_categories (self, categories);

  fill_skills (self);
  fill_categories (self);
  fill_questions (self);

  /* The question being edited follows the store, unless it has changes */
  if (!self->dirty)
    {
      ScQuestion *stored = find_question (self, self->selected_id);

      set_editing (self, stored != NULL ? copy_question (stored) : NULL, FALSE);
    }
  else
    editor_changed (self);  /* rebuilding it would lose what is being typed */

  update_buttons (self);
}

/* Callbacks */

static void
on_category_selected_cb (ScExamsPage   *self,
                         GtkListBoxRow *row)
{
  gint64 *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "category-id");
  self->category_id = id != NULL ? *id : 0;
  compute_shown_categories (self);
  fill_questions (self);
  update_buttons (self);
}

/* What to show once the changes to the question shown are saved or dropped */
typedef struct
{
  ScExamsPage *self;
  gint64       question_id;
  int          add_type;     /* a type to add, or -1 */
} Pending;

static void
select_editing_row (ScExamsPage *self)
{
  self->filling = TRUE;
  gtk_list_box_unselect_all (self->question_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "question-id");

      if (id != NULL && self->editing != NULL && *id == self->editing->id)
        gtk_list_box_select_row (self->question_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
}

static void
go_on (Pending *pending)
{
  if (pending->add_type >= 0)
    sc_exams_page_add_question (pending->self, pending->add_type);
  else
    sc_exams_page_open_question (pending->self, pending->question_id);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Pending          *pending)
{
  ScExamsPage *self = pending->self;

  if (g_strcmp0 (response, "discard") == 0 ||
      (g_strcmp0 (response, "save") == 0 && sc_exams_page_save (self)))
    {
      self->dirty = FALSE;
      go_on (pending);
    }
  else
    select_editing_row (self);

  g_object_unref (pending->self);
  g_free (pending);
}

/* Asks what to do with changes not saved before showing something else */
static void
leave_editor (ScExamsPage *self,
              gint64       question_id,
              int          add_type)
{
  Pending *pending = g_new0 (Pending, 1);
  GtkWidget *dialog;

  pending->self = g_object_ref (self);
  pending->question_id = question_id;
  pending->add_type = add_type;

  if (!self->dirty || self->editing == NULL)
    {
      go_on (pending);
      g_object_unref (pending->self);
      g_free (pending);
      return;
    }

  dialog = adw_message_dialog_new (get_window (self), _("Save Changes?"),
                                   _("The question shown has changes that are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", self->error == NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response_cb), pending);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_question_selected_cb (ScExamsPage   *self,
                         GtkListBoxRow *row)
{
  gint64 *id;

  if (self->filling || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "question-id");
  if (id != NULL && (self->editing == NULL || *id != self->editing->id || !self->dirty))
    leave_editor (self, *id, -1);
}

static void
on_filter_changed_cb (ScExamsPage *self)
{
  if (self->filling)
    return;
  fill_questions (self);
  update_buttons (self);
}

static void
on_save_clicked_cb (ScExamsPage *self)
{
  sc_exams_page_save (self);
}

static void
on_revert_clicked_cb (ScExamsPage *self)
{
  ScQuestion *stored = find_question (self, self->selected_id);

  set_editing (self, stored != NULL ? copy_question (stored) : NULL, FALSE);
}

static void
on_duplicate_clicked_cb (ScExamsPage *self)
{
  sc_exams_page_duplicate (self);
}

static void
on_delete_clicked_cb (ScExamsPage *self)
{
  sc_exams_page_delete (self);
}

static void
on_import_done_cb (ScExamsPage *self,
                   guint        n_added)
{
  g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question imported",
                                                           "%u questions imported", n_added),
                                              n_added);
  show_toast (self, message);
}

static void
on_import_clicked_cb (ScExamsPage *self)
{
  sc_exams_page_import (self);
}

static void
on_export_response_cb (ScExamsPage     *self,
                       int              response,
                       GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !sc_exams_page_export_to_file (self, file, &error))
        show_toast (self, error->message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_clicked_cb (ScExamsPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ScQuestionCategory *category = find_category (self, self->category_id);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Questions to GIFT"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GIFT files (*.gift, *.txt)"));
  gtk_file_filter_add_pattern (filter, "*.gift");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered when exporting the whole question bank */
  name = g_strdup_printf ("%s.gift", category != NULL ? category->name : _("questions"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ScQuestionType type;

  if (sc_question_type_from_string (g_variant_get_string (parameter, NULL), &type))
    leave_editor (SC_EXAMS_PAGE (user_data), 0, type);
}

static void
undo_delete_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  sc_exams_page_undo_delete (SC_EXAMS_PAGE (user_data));
}

static gboolean
save_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  return sc_exams_page_save (SC_EXAMS_PAGE (widget));
}

/* Overrides */

static void
sc_exams_page_dispose (GObject *object)
{
  ScExamsPage *self = SC_EXAMS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_EXAMS_PAGE);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (sc_exams_page_parent_class)->dispose (object);
}

static void
sc_exams_page_finalize (GObject *object)
{
  ScExamsPage *self = SC_EXAMS_PAGE (object);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->depths, g_hash_table_unref);
  g_clear_pointer (&self->totals, g_hash_table_unref);
  g_clear_pointer (&self->shown_categories, g_hash_table_unref);
  g_clear_pointer (&self->skill_ids, g_array_unref);
  g_clear_pointer (&self->editing, sc_question_unref);
  g_clear_pointer (&self->deleted, sc_question_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sc_exams_page_parent_class)->finalize (object);
}

static void
edit_categories_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ScExamsPage *self = SC_EXAMS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (sc_category_dialog_new (get_window (self), get_store (self), get_session (self))));
}

static void
sc_exams_page_class_init (ScExamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_exams_page_dispose;
  object_class->finalize = sc_exams_page_finalize;
  page_class->reload = sc_exams_page_reload;
  page_class->tables = page_tables;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-exams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, question_list);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, revert_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, validation_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, validation_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, ScExamsPage, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_binding_cb, NULL);
  gtk_widget_class_install_action (widget_class, "exams.edit-categories", NULL, edit_categories_action);
}

static void
on_filter_item_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_list_item_set_child (item, label);
}

static void
on_filter_item_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkWidget *
new_filter (const char * const *items,
            const char         *accessible)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* Long names shorten rather than widen the list */
  g_signal_connect (factory, "setup", G_CALLBACK (on_filter_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_filter_item_bind_cb), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_widget_set_hexpand (dropdown, TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return dropdown;
}

/* Two views switched at the top: the question bank of the template, and
 * the exams built from it, which read with the page's store and session */
static void
add_views (ScExamsPage *self)
{
  g_autoptr(GtkWidget) bank = g_object_ref (adw_bin_get_child (ADW_BIN (self)));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *exam_list = sc_exam_list_new ();

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->view_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view_stack), TRUE);
  gtk_stack_add_titled (self->view_stack, bank, "questions", _("Question Bank"));
  gtk_stack_add_titled (self->view_stack, exam_list, "exams", _("Exams"));
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->view_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (switcher, TRUE);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), switcher);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view_stack));
  adw_bin_set_child (ADW_BIN (self), box);

  g_object_bind_property (self, "store", exam_list, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "session", exam_list, "session", G_BINDING_SYNC_CREATE);
}

static void
sc_exams_page_init (ScExamsPage *self)
{
  static const GActionEntry entries[] = {
    { "add", add_action_cb, "s", NULL, NULL, { 0 } },
    { "undo-delete", undo_delete_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *types[SC_N_QUESTION_TYPES + 2] = { NULL };
  const char *difficulties[] = {
    _("Any difficulty"), C_("difficulty", "1 – Easy"), C_("difficulty", "2"), C_("difficulty", "3 – Medium"),
    C_("difficulty", "4"), C_("difficulty", "5 – Hard"), NULL
  };
  const char *skills[] = { _("Any skill"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  add_views (self);

  self->depths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->totals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->shown_categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "exams", G_ACTION_GROUP (self->actions));

  types[0] = _("Any type");
  for (guint i = 0; i < SC_N_QUESTION_TYPES; i++)
    {
      g_autofree char *action = g_strdup_printf ("exams.add::%s", sc_question_type_to_string (i));

      types[i + 1] = sc_question_type_get_label (i);
      g_menu_append (menu, sc_question_type_get_label (i), action);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));

  self->type_dropdown = GTK_DROP_DOWN (new_filter (types, _("Question type")));
  self->difficulty_dropdown = GTK_DROP_DOWN (new_filter (difficulties, _("Difficulty")));
  self->skill_dropdown = GTK_DROP_DOWN (new_filter (skills, _("Skill")));
  {
    /* Two lines, so that the list stays narrow */
    GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_set_homogeneous (GTK_BOX (first), TRUE);
    gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->type_dropdown));
    gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->difficulty_dropdown));
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filter_box), GTK_ORIENTATION_VERTICAL);
    gtk_box_set_homogeneous (self->filter_box, FALSE);
    gtk_box_append (self->filter_box, first);
    gtk_box_append (self->filter_box, GTK_WIDGET (self->skill_dropdown));
  }
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->difficulty_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->skill_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);

  gtk_stack_set_visible_child_name (self->editor_stack, "empty");
}

/* Public API */

GtkWidget *
sc_exams_page_new (void)
{
  return g_object_new (SC_TYPE_EXAMS_PAGE, NULL);
}

guint
sc_exams_page_get_n_questions (ScExamsPage *self)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), 0);
  return self->questions != NULL ? self->questions->len : 0;
}

guint
sc_exams_page_get_n_shown (ScExamsPage *self)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), 0);
  return self->n_shown;
}

void
sc_exams_page_set_search (ScExamsPage *self,
                          const char  *text)
{
  g_return_if_fail (SC_IS_EXAMS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Now rather than after the entry's delay */
  fill_questions (self);
  update_buttons (self);
}

/**
 * sc_exams_page_select_category:
 * @category_id: a category, or 0 for the whole bank
 */
void
sc_exams_page_select_category (ScExamsPage *self,
                               gint64       category_id)
{
  g_return_if_fail (SC_IS_EXAMS_PAGE (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->category_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "category-id");

      if (id != NULL && *id == category_id)
        gtk_list_box_select_row (self->category_list, GTK_LIST_BOX_ROW (row));
    }
}

/**
 * sc_exams_page_find_question:
 * Returns: the first question of @type in the bank, or 0
 */
gint64
sc_exams_page_find_question (ScExamsPage    *self,
                             ScQuestionType  type)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), 0);

  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->type == type)
        return question->id;
    }
  return 0;
}

/**
 * sc_exams_page_open_question:
 *
 * Shows a question of the bank in the editor, as choosing it does; changes
 * not saved to the one being edited are dropped.
 */
gboolean
sc_exams_page_open_question (ScExamsPage *self,
                             gint64       question_id)
{
  ScQuestion *stored;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  if ((stored = find_question (self, question_id)) == NULL)
    return FALSE;

  set_editing (self, copy_question (stored), FALSE);

  self->filling = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->question_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "question-id");

      if (id != NULL && *id == question_id)
        gtk_list_box_select_row (self->question_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
  return TRUE;
}

/**
 * sc_exams_page_get_editing:
 * Returns: (transfer none) (nullable): the copy being edited
 */
ScQuestion *
sc_exams_page_get_editing (ScExamsPage *self)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), NULL);
  return self->editing;
}

/**
 * sc_exams_page_get_name_row:
 * Returns: (transfer none) (nullable): the editor's row for the name
 */
GtkWidget *
sc_exams_page_get_name_row (ScExamsPage *self)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), NULL);
  return self->name_row;
}

/**
 * sc_exams_page_get_validation_error:
 * Returns: (nullable): why the question being edited cannot be saved, as shown
 */
const char *
sc_exams_page_get_validation_error (ScExamsPage *self)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), NULL);
  return self->error;
}

gboolean
sc_exams_page_save (ScExamsPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean added;
  gboolean saved;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  if (self->editing == NULL || self->error != NULL || !may_write (self))
    return FALSE;

  added = self->editing->id == 0;
  if (added)
    saved = sc_store_add_question (get_store (self), get_session (self), self->editing, &error);
  else
    saved = sc_store_update_question (get_store (self), get_session (self), self->editing, &error);

  if (!saved)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      gtk_label_set_text (self->validation_label, self->error);
      gtk_revealer_set_reveal_child (self->validation_revealer, TRUE);
      update_buttons (self);
      return FALSE;
    }

  self->dirty = FALSE;
  self->selected_id = self->editing->id;
  editor_changed (self);
  show_toast (self, added ? _("Question added") : _("Question saved"));
  sc_page_reload_now (SC_PAGE (self));
  return TRUE;
}

/**
 * sc_exams_page_add_question:
 *
 * Starts a new question of @type in the chosen category; it is written
 * when saved.
 */
void
sc_exams_page_add_question (ScExamsPage    *self,
                            ScQuestionType  type)
{
  ScQuestion *question;
  ScQuestionCategory *category;

  g_return_if_fail (SC_IS_EXAMS_PAGE (self));

  question = sc_question_new (type);
  sc_question_set_string (&question->name, _("New question"));

  category = find_category (self, self->category_id);
  if (category == NULL && self->categories != NULL && self->categories->len > 0)
    category = g_ptr_array_index (self->categories, 0);
  if (category != NULL)
    {
      question->category_id = category->id;
      question->category = g_strdup (category->path);
    }
  else
    question->category = g_strdup (_("Default"));

  switch (type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      sc_question_add_answer (question, "", 1, "");
      sc_question_add_answer (question, "", 0, "");
      break;
    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      sc_question_add_answer (question, "", 1, "");
      break;
    case SC_QUESTION_TYPE_MATCHING:
      sc_question_add_pair (question, "", "");
      sc_question_add_pair (question, "", "");
      break;
    case SC_QUESTION_TYPE_TRUEFALSE:
      question->correct = TRUE;
      break;
    case SC_QUESTION_TYPE_ESSAY:
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  gtk_list_box_unselect_all (self->question_list);
  set_editing (self, question, TRUE);
  if (self->name_row != NULL)
    gtk_widget_grab_focus (self->name_row);
}

gboolean
sc_exams_page_duplicate (ScExamsPage *self)
{
  ScQuestion *stored;
  g_autoptr(ScQuestion) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  if ((stored = find_question (self, self->selected_id)) == NULL || !may_write (self))
    return FALSE;

  copy = copy_question (stored);
  copy->id = 0;
  g_clear_pointer (&copy->idnumber, g_free);
  /* Translators: the name of a copy of a question */
  name = g_strdup_printf (_("%s (copy)"), stored->name);
  sc_question_set_string (&copy->name, name);

  if (!sc_store_add_question (get_store (self), get_session (self), copy, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  self->selected_id = copy->id;
  self->dirty = FALSE;
  sc_page_reload_now (SC_PAGE (self));
  sc_exams_page_open_question (self, copy->id);
  show_toast (self, _("Question duplicated"));
  return TRUE;
}

gboolean
sc_exams_page_delete (ScExamsPage *self)
{
  ScQuestion *stored;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  if (self->editing == NULL || (stored = find_question (self, self->editing->id)) == NULL || !may_write (self))
    return FALSE;

  sc_question_ref (stored);
  if (!sc_store_remove_question (get_store (self), get_session (self), stored->id, &error))
    {
      sc_question_unref (stored);
      show_toast (self, error->message);
      return FALSE;
    }

  g_clear_pointer (&self->deleted, sc_question_unref);
  self->deleted = stored;
  self->dirty = FALSE;
  set_editing (self, NULL, FALSE);
  sc_page_reload_now (SC_PAGE (self));

  /* Translators: shown when a question was deleted, with an Undo button */
  message = g_strdup_printf (_("“%s” deleted"), stored->name);
  toast = show_toast (self, message);
  if (toast != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "exams.undo-delete");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  return TRUE;
}

/**
 * sc_exams_page_undo_delete:
 *
 * Puts the question deleted last back into the bank.
 */
gboolean
sc_exams_page_undo_delete (ScExamsPage *self)
{
  g_autoptr(ScQuestion) question = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  if (self->deleted == NULL)
    return FALSE;

  question = g_steal_pointer (&self->deleted);
  question->id = 0;
  if (find_category (self, question->category_id) == NULL)
    question->category_id = 0;  /* by its path, created again */

  if (!sc_store_add_question (get_store (self), get_session (self), question, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  sc_page_reload_now (SC_PAGE (self));
  sc_exams_page_open_question (self, question->id);
  return TRUE;
}

/**
 * sc_exams_page_import:
 *
 * Opens the dialog that imports questions into the bank.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
sc_exams_page_import (ScExamsPage *self)
{
  ScQuestionCategory *category;
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), NULL);

  category = find_category (self, self->category_id);
  dialog = sc_question_import_dialog_new (get_window (self), get_store (self), get_session (self),
                                          category != NULL ? category->path : NULL);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_import_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * sc_exams_page_export_to_file:
 *
 * Writes the questions of the chosen category and those under it (the whole
 * bank when none is chosen) to @file in GIFT.
 */
gboolean
sc_exams_page_export_to_file (ScExamsPage  *self,
                              GFile        *file,
                              GError      **error)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), FALSE);

  questions = sc_store_get_questions (get_store (self), get_session (self), self->category_id, TRUE, error);
  if (questions == NULL)
    return FALSE;

  text = sc_gift_write (questions);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, error))
    return FALSE;

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question exported",
                                                             "%u questions exported", questions->len),
                                                questions->len);
    show_toast (self, message);
  }
  return TRUE;
}

/**
 * sc_exams_page_set_view:
 * @view: “questions” for the question bank, or “exams”
 *
 * Returns: (transfer none): the view shown
 */
GtkWidget *
sc_exams_page_set_view (ScExamsPage *self,
                        const char  *view)
{
  g_return_val_if_fail (SC_IS_EXAMS_PAGE (self), NULL);

  gtk_stack_set_visible_child_name (self->view_stack, view);
  return gtk_stack_get_visible_child (self->view_stack);
}
