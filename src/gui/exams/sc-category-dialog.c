/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-category-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-category-dialog.h"

/*
 * ScCategoryDialog: the question bank's tree of categories, edited: add
 * a category at the top or under another, rename one, move it under
 * another, map it to the skill its questions test, delete an empty one.
 * What the store refuses (a name taken, a category under itself, one
 * that still holds questions) is said at the top of the dialog, in the
 * store's words.
 */

struct _ScCategoryDialog
{
  ScStoreWindow        parent_instance;

  /* Owned */
  GPtrArray           *categories;   /* ScQuestionCategory, by path */
  GArray              *skill_ids;    /* gint64, the skill row's items after “None” */
  gboolean             loading;

  /* Template */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *error_label;
  AdwEntryRow         *new_name_row;
  AdwComboRow         *new_parent_row;
  GtkButton           *add_button;
  AdwComboRow         *category_row;
  AdwEntryRow         *name_row;
  AdwComboRow         *parent_row;
  AdwComboRow         *skill_row;
  GtkLabel            *count_label;
  GtkButton           *delete_button;
};

G_DEFINE_FINAL_TYPE (ScCategoryDialog, sc_category_dialog, SC_TYPE_STORE_WINDOW)

static void
show_error (ScCategoryDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_toast (ScCategoryDialog *self,
            const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static ScQuestionCategory *
get_selected (ScCategoryDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->categories == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->categories->len)
    return NULL;
  return g_ptr_array_index (self->categories, selected);
}

/* The index of @id in the “Under” rows: 0 is the top level */
static guint
parent_position (ScCategoryDialog *self,
                 gint64            id)
{
  for (guint i = 0; id != 0 && i < self->categories->len; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->id == id)
      return i + 1;
  return 0;
}

static gint64
parent_at (ScCategoryDialog *self,
           guint             position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->categories->len)
    return 0;
  return ((ScQuestionCategory *) g_ptr_array_index (self->categories, position - 1))->id;
}

static guint
count_children (ScCategoryDialog *self,
                gint64            id)
{
  guint n = 0;

  for (guint i = 0; i < self->categories->len; i++)
    n += ((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->parent_id == id;
  return n;
}

/* The “Change a Category” rows show the category chosen */
static void
show_selected (ScCategoryDialog *self)
{
  ScQuestionCategory *category = get_selected (self);
  g_autofree char *count = NULL;
  guint skill = 0;
  guint children;

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), category != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->parent_row), category != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skill_row), category != NULL);
  if (category == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gtk_label_set_text (self->count_label, _("The bank has no category yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), FALSE);
      self->loading = FALSE;
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), category->name);
  adw_combo_row_set_selected (self->parent_row, parent_position (self, category->parent_id));
  for (guint i = 0; i < self->skill_ids->len; i++)
    if (g_array_index (self->skill_ids, gint64, i) == category->skill_id)
      skill = i + 1;
  adw_combo_row_set_selected (self->skill_row, skill);

  children = count_children (self, category->id);
  if (category->n_questions == 0 && children == 0)
    count = g_strdup (_("Empty: it can be deleted"));
  else
    {
      g_autofree char *questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                                                 category->n_questions),
                                                    category->n_questions);
      g_autofree char *subcategories = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u subcategory",
                                                                     "%u subcategories", children),
                                                        children);

      /* Translators: e.g. “12 questions, 2 subcategories: move them before deleting the category” */
      count = g_strdup_printf (_("%s, %s: move them before deleting the category"), questions, subcategories);
    }
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), category->n_questions == 0 && children == 0);
  self->loading = FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const ScQuestionCategory *x = *(ScQuestionCategory * const *) a;
  const ScQuestionCategory *y = *(ScQuestionCategory * const *) b;

  return g_utf8_collate (x->path, y->path);
}

/* Reads the categories and skills again, keeping @select_id chosen */
static void
reload (ScCategoryDialog *self,
        gint64            select_id)
{
  ScStore *store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  ScSession *session = sc_store_window_get_session (SC_STORE_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GtkStringList) paths = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) parents = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) skill_names = gtk_string_list_new (NULL);
  guint new_parent = adw_combo_row_get_selected (self->new_parent_row);
  gint64 new_parent_id = self->categories != NULL ? parent_at (self, new_parent) : 0;
  guint selected = 0;

  self->loading = TRUE;
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = sc_store_get_question_categories (store, session, &error);
  if (self->categories == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
      self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_category_free);
    }
  g_ptr_array_sort (self->categories, compare_paths);

  gtk_string_list_append (parents, C_("question category", "Top level"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (paths, category->path);
      gtk_string_list_append (parents, category->path);
      if (category->id == select_id)
        selected = i;
    }

  g_array_set_size (self->skill_ids, 0);
  gtk_string_list_append (skill_names, C_("skill", "None"));
  if ((skills = sc_store_get_skills (store, &error)))
    for (guint i = 0; i < skills->len; i++)
      {
        ScSkill *skill = g_ptr_array_index (skills, i);
        gint64 id = sc_skill_get_id (skill);

        gtk_string_list_append (skill_names, sc_skill_get_name (skill));
        g_array_append_val (self->skill_ids, id);
      }

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (paths));
  adw_combo_row_set_model (self->new_parent_row, G_LIST_MODEL (parents));
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (parents));
  adw_combo_row_set_model (self->skill_row, G_LIST_MODEL (skill_names));
  adw_combo_row_set_selected (self->category_row, self->categories->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (self->new_parent_row, parent_position (self, new_parent_id));
  self->loading = FALSE;
  show_selected (self);
}

/* Callbacks */

static void
on_add_clicked_cb (ScCategoryDialog *self)
{
  sc_category_dialog_add (self, parent_at (self, adw_combo_row_get_selected (self->new_parent_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->new_name_row)));
}

static void
on_category_selected_cb (ScCategoryDialog *self)
{
  if (self->loading)
    return;
  show_error (self, NULL);
  show_selected (self);
}

static void
on_rename_cb (ScCategoryDialog *self)
{
  if (!self->loading)
    sc_category_dialog_rename (self, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
on_parent_selected_cb (ScCategoryDialog *self)
{
  ScQuestionCategory *category = get_selected (self);
  gint64 parent_id = parent_at (self, adw_combo_row_get_selected (self->parent_row));

  if (self->loading || category == NULL || parent_id == category->parent_id)
    return;
  if (!sc_category_dialog_move (self, parent_id))
    {
      /* Back to where it is */
      self->loading = TRUE;
      adw_combo_row_set_selected (self->parent_row, parent_position (self, category->parent_id));
      self->loading = FALSE;
    }
}

static void
on_skill_selected_cb (ScCategoryDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->skill_row);

  if (self->loading || get_selected (self) == NULL)
    return;
  sc_category_dialog_set_skill (self, selected > 0 && selected <= self->skill_ids->len
                                        ? g_array_index (self->skill_ids, gint64, selected - 1) : 0);
}

static void
on_delete_clicked_cb (ScCategoryDialog *self)
{
  sc_category_dialog_delete (self);
}

/* Overrides */

static void
sc_category_dialog_constructed (GObject *object)
{
  ScCategoryDialog *self = SC_CATEGORY_DIALOG (object);

  G_OBJECT_CLASS (sc_category_dialog_parent_class)->constructed (object);
  reload (self, 0);
}

static void
sc_category_dialog_finalize (GObject *object)
{
  ScCategoryDialog *self = SC_CATEGORY_DIALOG (object);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->skill_ids, g_array_unref);

  G_OBJECT_CLASS (sc_category_dialog_parent_class)->finalize (object);
}

static void
sc_category_dialog_class_init (ScCategoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_category_dialog_constructed;
  object_class->finalize = sc_category_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-category-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, new_name_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, new_parent_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, skill_row);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScCategoryDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rename_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_parent_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_skill_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked_cb);
}

static void
sc_category_dialog_init (ScCategoryDialog *self)
{
  self->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

ScCategoryDialog *
sc_category_dialog_new (GtkWindow *parent,
                        ScStore   *store,
                        ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_CATEGORY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);
}

guint
sc_category_dialog_get_n_categories (ScCategoryDialog *self)
{
  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), 0);
  return self->categories->len;
}

/**
 * sc_category_dialog_add:
 * @parent_id: the category to add under, or 0 for the top level
 *
 * Adds a category as the “Add Category” button does, and chooses it in
 * the rows below. What the store refuses is shown.
 */
gboolean
sc_category_dialog_add (ScCategoryDialog *self,
                        gint64            parent_id,
                        const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  adw_combo_row_set_selected (self->new_parent_row, parent_position (self, parent_id));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row)), name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), name != NULL ? name : "");

  id = sc_store_add_question_category (sc_store_window_get_store (SC_STORE_WINDOW (self)),
                                       sc_store_window_get_session (SC_STORE_WINDOW (self)),
                                       parent_id, name, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_name_row), "error");
      return FALSE;
    }

  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_name_row), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  reload (self, id);
  /* Translators: a toast, e.g. “Category “Escalation” added” */
  trimmed = g_strstrip (g_strdup (name));
  message = g_strdup_printf (_("Category “%s” added"), trimmed);
  show_toast (self, message);
  return TRUE;
}

/* Chooses the category the rows below change */
gboolean
sc_category_dialog_select (ScCategoryDialog *self,
                           gint64            category_id)
{
  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  for (guint i = 0; i < self->categories->len; i++)
    if (((ScQuestionCategory *) g_ptr_array_index (self->categories, i))->id == category_id)
      {
        adw_combo_row_set_selected (self->category_row, i);
        return TRUE;
      }
  return FALSE;
}

gint64
sc_category_dialog_get_selected (ScCategoryDialog *self)
{
  ScQuestionCategory *category;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), 0);
  category = get_selected (self);
  return category != NULL ? category->id : 0;
}

gboolean
sc_category_dialog_rename (ScCategoryDialog *self,
                           const char       *name)
{
  g_autoptr(GError) error = NULL;
  ScQuestionCategory *category;
  gint64 id;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  if ((category = get_selected (self)) == NULL)
    return FALSE;
  id = category->id;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) != 0)
    {
      self->loading = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
      self->loading = FALSE;
    }
  if (!sc_store_rename_question_category (sc_store_window_get_store (SC_STORE_WINDOW (self)),
                                          sc_store_window_get_session (SC_STORE_WINDOW (self)),
                                          id, name, &error))
    {
      show_error (self, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return FALSE;
    }
  show_error (self, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  reload (self, id);
  show_toast (self, _("Category renamed"));
  return TRUE;
}

/**
 * sc_category_dialog_move:
 * @parent_id: the category to move under, or 0 for the top level
 */
gboolean
sc_category_dialog_move (ScCategoryDialog *self,
                         gint64            parent_id)
{
  g_autoptr(GError) error = NULL;
  ScQuestionCategory *category;
  gint64 id;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  if ((category = get_selected (self)) == NULL)
    return FALSE;
  id = category->id;
  if (!sc_store_move_question_category (sc_store_window_get_store (SC_STORE_WINDOW (self)),
                                        sc_store_window_get_session (SC_STORE_WINDOW (self)),
                                        id, parent_id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  reload (self, id);
  show_toast (self, _("Category moved"));
  return TRUE;
}

/**
 * sc_category_dialog_set_skill:
 * @skill_id: the skill the chosen category's questions test, or 0
 */
gboolean
sc_category_dialog_set_skill (ScCategoryDialog *self,
                              gint64            skill_id)
{
  g_autoptr(GError) error = NULL;
  ScQuestionCategory *category;
  gint64 id;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  if ((category = get_selected (self)) == NULL)
    return FALSE;
  id = category->id;
  if (category->skill_id == skill_id)
    return TRUE;
  if (!sc_store_set_question_category_skill (sc_store_window_get_store (SC_STORE_WINDOW (self)),
                                             sc_store_window_get_session (SC_STORE_WINDOW (self)),
                                             id, skill_id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  reload (self, id);
  return TRUE;
}

/* Deletes the chosen category, when it is empty */
gboolean
sc_category_dialog_delete (ScCategoryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ScQuestionCategory *category;

  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), FALSE);

  if ((category = get_selected (self)) == NULL)
    return FALSE;
  if (!sc_store_remove_question_category (sc_store_window_get_store (SC_STORE_WINDOW (self)),
                                          sc_store_window_get_session (SC_STORE_WINDOW (self)),
                                          category->id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  message = g_strdup_printf (_("Category “%s” deleted"), category->name);
  reload (self, category->parent_id);
  show_toast (self, message);
  return TRUE;
}

/* What the dialog says is wrong, or %NULL */
const char *
sc_category_dialog_get_error (ScCategoryDialog *self)
{
  g_return_val_if_fail (SC_IS_CATEGORY_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
