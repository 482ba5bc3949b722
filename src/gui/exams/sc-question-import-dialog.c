/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-question-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-question-import.h"
#include "sc-question-import-dialog.h"
#include "common/sc-file-chooser.h"

/*
 * ScQuestionImportDialog: questions from a GIFT, Aiken or Moodle XML file
 * into the bank. The file is read in a thread; every question read and
 * every problem found (with its file, line and reason) is listed before
 * anything is written. A file without problems may be imported whole; one
 * with problems only for its valid questions, if the trainer chooses so.
 */

struct _ScQuestionImportDialog
{
  AdwWindow         parent_instance;

  /* Owned */
  ScStore          *store;
  ScSession        *session;
  GFile            *file;
  ScQuestionImport *import;
  char             *error;
  GCancellable     *cancellable;
  GPtrArray        *paths;      /* char *, by row of category_row after “as the file says” */
  gboolean          loading;
  gboolean          writing;

  /* Template */
  AdwWindowTitle   *window_title;
  AdwActionRow     *file_row;
  AdwComboRow      *format_row;
  AdwComboRow      *category_row;
  GtkWidget        *loading_box;
  GtkSpinner       *spinner;
  GtkLabel         *loading_label;
  GtkLabel         *error_label;
  AdwPreferencesGroup *problems_group;
  GtkListBox       *problems_list;
  AdwPreferencesGroup *preview_group;
  GtkListBox       *preview_list;
  GtkButton        *import_all_button;
  GtkButton        *import_valid_button;
};

G_DEFINE_FINAL_TYPE (ScQuestionImportDialog, sc_question_import_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
target_category (ScQuestionImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->paths == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected - 1 >= self->paths->len)
    return NULL;
  return g_ptr_array_index (self->paths, selected - 1);
}

static void
update_state (ScQuestionImportDialog *self)
{
  gboolean busy = self->loading || self->writing;
  guint n_questions = self->import != NULL ? self->import->questions->len : 0;
  guint n_problems = self->import != NULL ? self->import->problems->len : 0;

  gtk_widget_set_visible (self->loading_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_label_set_text (self->loading_label, self->writing ? _("Importing…") : _("Reading the file…"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !busy && self->error != NULL);
  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), !self->loading && self->import != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), !self->loading && n_problems > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_all_button), !busy && n_questions > 0 && n_problems == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_valid_button), !busy && n_questions > 0 && n_problems > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), !busy);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_lists (ScQuestionImportDialog *self)
{
  const char *target = target_category (self);
  g_autofree char *description = NULL;

  clear_list (self->preview_list);
  clear_list (self->problems_list);

  if (self->import == NULL)
    return;

  for (guint i = 0; i < self->import->problems->len; i++)
    {
      ScQuestionProblem *problem = g_ptr_array_index (self->import->problems, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *where = NULL;
      g_autofree char *name = g_path_get_basename (self->import->filename);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      if (problem->line > 0)
        /* Translators: where a problem is: the file and the line, e.g. “bank.gift, line 12” */
        where = g_strdup_printf (_("%s, line %u"), name, problem->line);
      else
        where = g_strdup (name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->reason);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_tooltip_text (row, self->import->filename);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problems_list, row);
    }

  for (guint i = 0; i < self->import->questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (self->import->questions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      const char *category = target != NULL ? target : question->category;

      /* Translators: a question in the import preview: its type, category and line in the file */
      subtitle = g_strdup_printf (_("%s · %s · line %u"), sc_question_type_get_label (question->type),
                                  category != NULL ? category : "", question->line);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->preview_list, row);
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question read", "%u questions read",
                                              self->import->questions->len),
                                 self->import->questions->len);
  adw_preferences_group_set_description (self->preview_group, description);

  {
    g_autofree char *problems = NULL;

    problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u problem: the questions concerned cannot be imported",
                                             "%u problems: the questions concerned cannot be imported",
                                             self->import->problems->len),
                                self->import->problems->len);
    adw_preferences_group_set_description (self->problems_group, problems);
  }
}

static void
fill_categories (ScQuestionImportDialog *self,
                 const char             *selected_path)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) categories = sc_store_get_question_categories (self->store, self->session, NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->paths, 0);
  gtk_string_list_append (names, _("As the file says"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (names, category->path);
      g_ptr_array_add (self->paths, g_strdup (category->path));
      if (g_strcmp0 (category->path, selected_path) == 0)
        selected = self->paths->len;
    }

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, selected);
}

/* Reading in a thread */

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ScQuestionImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScQuestionImport *import;

  import = sc_question_import_read_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->store == NULL)
    {
      g_clear_pointer (&import, sc_question_import_unref);
      return;
    }

  self->loading = FALSE;
  g_clear_pointer (&self->import, sc_question_import_unref);
  g_clear_pointer (&self->error, g_free);

  if (import != NULL)
    self->import = import;
  else
    self->error = g_strdup (error->message);

  fill_lists (self);
  update_state (self);
}

static void
start_reading (ScQuestionImportDialog *self)
{
  guint format = adw_combo_row_get_selected (self->format_row);

  if (self->file == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->loading = TRUE;
  g_clear_pointer (&self->error, g_free);
  update_state (self);

  sc_question_import_read_file_async (self->file, format > 0 && format != GTK_INVALID_LIST_POSITION,
                                      format > 0 && format != GTK_INVALID_LIST_POSITION
                                        ? (ScQuestionFormat) (format - 1) : SC_QUESTION_FORMAT_GIFT,
                                      target_category (self), self->cancellable, on_read_done_cb,
                                      g_object_ref (self));
}

/* Writing in a thread */

static void
on_commit_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScQuestionImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  self->writing = FALSE;
  if (!sc_question_import_commit_finish (result, &n_added, &error))
    {
      if (self->store == NULL)
        return;  /* closed meanwhile */
      g_free (self->error);
      self->error = g_strdup_printf (_("Nothing was imported: %s"), error->message);
      update_state (self);
      return;
    }

  g_signal_emit (self, signals[DONE], 0, n_added);
  if (self->store != NULL)
    gtk_window_close (GTK_WINDOW (self));
}

static void
start_writing (ScQuestionImportDialog *self,
               gboolean                only_valid)
{
  const char *target = target_category (self);

  if (self->import == NULL || self->writing || self->loading)
    return;

  if (target != NULL)
    sc_question_import_set_category (self->import, target);

  self->writing = TRUE;
  g_clear_pointer (&self->error, g_free);
  update_state (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sc_question_import_commit_async (self->import, self->store, self->session, only_valid, self->cancellable,
                                   on_commit_done_cb, g_object_ref (self));
}

/* Callbacks */

static void
load_file (GObject *owner,
           GFile   *file)
{
  sc_question_import_dialog_load_file (SC_QUESTION_IMPORT_DIALOG (owner), file);
}

static void
on_choose_clicked_cb (ScQuestionImportDialog *self)
{
  const ScFileFilter filters[] = {
    { N_("Question files (GIFT, Aiken, Moodle XML)"), "*.gift;*.txt;*.xml", NULL },
    { N_("GIFT or Aiken (*.gift, *.txt)"), "*.gift;*.txt", NULL },
    { N_("Moodle XML (*.xml)"), "*.xml", NULL },
    { NULL }
  };

  sc_choose_file (G_OBJECT (self), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a Question File"),
                  _("_Open"), NULL, filters, load_file);
}

static void
on_format_selected_cb (ScQuestionImportDialog *self)
{
  if (self->paths != NULL && self->file != NULL)
    start_reading (self);
}

static void
on_category_selected_cb (ScQuestionImportDialog *self)
{
  /* Questions without a category of their own go into the target */
  if (self->paths != NULL && self->file != NULL)
    start_reading (self);
}

static void
on_stop_clicked_cb (ScQuestionImportDialog *self)
{
  /* Writing, once started, finishes: it is one transaction */
  if (!self->loading)
    return;

  g_cancellable_cancel (self->cancellable);
  self->loading = FALSE;
  g_clear_pointer (&self->import, sc_question_import_unref);
  g_free (self->error);
  self->error = g_strdup (_("Reading was stopped; nothing was imported"));
  fill_lists (self);
  update_state (self);
}

static void
on_import_all_clicked_cb (ScQuestionImportDialog *self)
{
  start_writing (self, FALSE);
}

static void
on_import_valid_clicked_cb (ScQuestionImportDialog *self)
{
  start_writing (self, TRUE);
}

/* Overrides */

static gboolean
sc_question_import_dialog_close_request (GtkWindow *window)
{
  ScQuestionImportDialog *self = SC_QUESTION_IMPORT_DIALOG (window);

  /* Writing, once started, finishes: the dialog closes when it is done */
  if (self->writing)
    return TRUE;

  if (GTK_WINDOW_CLASS (sc_question_import_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (sc_question_import_dialog_parent_class)->close_request (window);
  return FALSE;
}

static void
sc_question_import_dialog_dispose (GObject *object)
{
  ScQuestionImportDialog *self = SC_QUESTION_IMPORT_DIALOG (object);

  if (self->loading)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_QUESTION_IMPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (sc_question_import_dialog_parent_class)->dispose (object);
}

static void
sc_question_import_dialog_finalize (GObject *object)
{
  ScQuestionImportDialog *self = SC_QUESTION_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, sc_question_import_unref);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_free (self->error);

  G_OBJECT_CLASS (sc_question_import_dialog_parent_class)->finalize (object);
}

static void
sc_question_import_dialog_class_init (ScQuestionImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_question_import_dialog_dispose;
  object_class->finalize = sc_question_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = sc_question_import_dialog_close_request;

  /**
   * ScQuestionImportDialog::done:
   * @n_added: the questions written
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-question-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, loading_box);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, import_all_button);
  gtk_widget_class_bind_template_child (widget_class, ScQuestionImportDialog, import_valid_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_valid_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_question_import_dialog_init (ScQuestionImportDialog *self)
{
  self->paths = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * sc_question_import_dialog_new:
 * @category: (nullable): the category path offered as the target
 *
 * Returns: (transfer none): a new dialog over @parent, not yet shown
 */
GtkWidget *
sc_question_import_dialog_new (GtkWindow  *parent,
                               ScStore    *store,
                               ScSession  *session,
                               const char *category)
{
  ScQuestionImportDialog *self;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_QUESTION_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  fill_categories (self, category);

  update_state (self);
  return GTK_WIDGET (self);
}

/**
 * sc_question_import_dialog_load_file:
 *
 * Reads and checks @file in a thread, then lists its questions and problems.
 */
void
sc_question_import_dialog_load_file (ScQuestionImportDialog *self,
                                     GFile                  *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->file_row, name);
  adw_window_title_set_subtitle (self->window_title, name);
  start_reading (self);
}

gboolean
sc_question_import_dialog_is_busy (ScQuestionImportDialog *self)
{
  g_return_val_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self), FALSE);
  return self->loading || self->writing;
}

guint
sc_question_import_dialog_get_n_questions (ScQuestionImportDialog *self)
{
  g_return_val_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self), 0);
  return self->import != NULL ? self->import->questions->len : 0;
}

guint
sc_question_import_dialog_get_n_problems (ScQuestionImportDialog *self)
{
  g_return_val_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self), 0);
  return self->import != NULL ? self->import->problems->len : 0;
}

/**
 * sc_question_import_dialog_get_problem:
 * Returns: (transfer full): “FILE:LINE: reason”
 */
char *
sc_question_import_dialog_get_problem (ScQuestionImportDialog *self,
                                       guint                   index)
{
  g_return_val_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (self->import != NULL && index < self->import->problems->len, NULL);

  return sc_question_import_format_problem (self->import, index);
}

/**
 * sc_question_import_dialog_get_error:
 * Returns: (nullable): why the file could not be read or written, as shown
 */
const char *
sc_question_import_dialog_get_error (ScQuestionImportDialog *self)
{
  g_return_val_if_fail (SC_IS_QUESTION_IMPORT_DIALOG (self), NULL);
  return self->error;
}
