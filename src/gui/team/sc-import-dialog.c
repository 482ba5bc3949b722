/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-import-dialog.h"
#include "sc-people-csv.h"

/*
 * ScImportDialog: reads a CSV file of people in a worker thread, shows what
 * would be added and updated and every row that has a problem, and imports
 * only a file without problems, in one go.
 */

/* One row of the preview */

#define SC_TYPE_IMPORT_ROW (sc_import_row_get_type ())
G_DECLARE_FINAL_TYPE (ScImportRow, sc_import_row, SC, IMPORT_ROW, GObject)

struct _ScImportRow
{
  GObject               parent_instance;

  guint                 line;
  ScPeopleCsvRowStatus  status;
  char                 *name;
  char                 *employee_no;
  char                 *role;
  char                 *level;
  char                 *skills;
  char                 *problem;
};

G_DEFINE_FINAL_TYPE (ScImportRow, sc_import_row, G_TYPE_OBJECT)

static void
sc_import_row_finalize (GObject *object)
{
  ScImportRow *self = SC_IMPORT_ROW (object);

  g_free (self->name);
  g_free (self->employee_no);
  g_free (self->role);
  g_free (self->level);
  g_free (self->skills);
  g_free (self->problem);

  G_OBJECT_CLASS (sc_import_row_parent_class)->finalize (object);
}

static void
sc_import_row_class_init (ScImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_import_row_finalize;
}

static void
sc_import_row_init (ScImportRow *self)
{
}

static ScImportRow *
sc_import_row_new (ScPeopleCsv *csv,
                   guint        index)
{
  ScImportRow *self = g_object_new (SC_TYPE_IMPORT_ROW, NULL);
  ScPerson *person = sc_people_csv_get_row_person (csv, index);

  self->line = sc_people_csv_get_row_line (csv, index);
  self->status = sc_people_csv_get_row_status (csv, index);
  self->skills = g_strdup (sc_people_csv_get_row_skills (csv, index));
  self->problem = g_strdup (sc_people_csv_get_row_error (csv, index));

  if (person != NULL)
    {
      self->name = g_strdup (sc_person_get_name (person));
      self->employee_no = g_strdup (sc_person_get_employee_no (person));

      /* A bad row may hold defaults in place of what could not be read:
       * showing “Agent” for a role that was not understood would mislead */
      if (self->status != SC_PEOPLE_CSV_ROW_ERROR)
        {
          self->role = g_strdup (sc_role_get_label (sc_person_get_role (person)));
          self->level = g_strdup (sc_level_get_label (sc_person_get_level (person)));
        }
    }

  return self;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const ScImportRow *ra = *(ScImportRow * const *) a;
  const ScImportRow *rb = *(ScImportRow * const *) b;
  gboolean bad_a = ra->status == SC_PEOPLE_CSV_ROW_ERROR;
  gboolean bad_b = rb->status == SC_PEOPLE_CSV_ROW_ERROR;

  /* Rows with problems first, then in file order */
  if (bad_a != bad_b)
    return bad_a ? -1 : 1;

  return ra->line < rb->line ? -1 : ra->line > rb->line ? 1 : 0;
}

/* The dialog */

struct _ScImportDialog
{
  ScStoreWindow            parent_instance;

  /* The window’s, kept here for short */
  ScStore             *store;
  ScSession           *session;

  /* Owned */
  GFile               *file;
  ScPeopleCsv         *csv;
  GCancellable        *cancellable;
  GListStore          *rows;

  /* Template */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkLabel            *loading_label;
  AdwStatusPage       *error_page;
  GtkImage            *summary_icon;
  GtkLabel            *summary_label;
  GtkLabel            *details_label;
  GtkFlowBox          *columns_box;
  GtkColumnView       *rows_view;
  GtkColumnViewColumn *line_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *employee_no_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *skills_column;
  GtkColumnViewColumn *problem_column;
};

G_DEFINE_FINAL_TYPE (ScImportDialog, sc_import_dialog, SC_TYPE_STORE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_LINE,
  COLUMN_STATUS,
  COLUMN_NAME,
  COLUMN_EMPLOYEE_NO,
  COLUMN_ROLE,
  COLUMN_LEVEL,
  COLUMN_SKILLS,
  COLUMN_PROBLEM,
} Column;

/* Cells */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  if (column == COLUMN_LINE)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
    }

  if (column == COLUMN_PROBLEM)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_add_css_class (label, "error");
    }

  if (column == COLUMN_STATUS)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }

  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  ScImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  const char *value = NULL;

  switch (column)
    {
    case COLUMN_LINE:
      text = g_strdup_printf ("%u", row->line);
      value = text;
      break;

    case COLUMN_STATUS:
      {
        GtkWidget *image = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_next_sibling (image);
        const char *icon;

        gtk_widget_remove_css_class (child, "error");
        gtk_widget_remove_css_class (child, "success");
        gtk_widget_remove_css_class (child, "accent");

        switch (row->status)
          {
          case SC_PEOPLE_CSV_ROW_NEW:
            icon = "list-add-symbolic";
            /* Translators: an imported row that adds a person */
            value = C_("import row", "New");
            gtk_widget_add_css_class (child, "success");
            break;

          case SC_PEOPLE_CSV_ROW_UPDATE:
            icon = "document-edit-symbolic";
            /* Translators: an imported row that changes a person already in the team */
            value = C_("import row", "Update");
            gtk_widget_add_css_class (child, "accent");
            break;

          case SC_PEOPLE_CSV_ROW_ERROR:
          default:
            icon = "dialog-error-symbolic";
            /* Translators: an imported row that cannot be imported */
            value = C_("import row", "Problem");
            gtk_widget_add_css_class (child, "error");
            break;
          }

        gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
        gtk_label_set_text (GTK_LABEL (label), value);
        return;
      }

    case COLUMN_NAME:
      value = row->name;
      break;

    case COLUMN_EMPLOYEE_NO:
      value = row->employee_no;
      break;

    case COLUMN_ROLE:
      value = row->role;
      break;

    case COLUMN_LEVEL:
      value = row->level;
      break;

    case COLUMN_SKILLS:
      value = row->skills;
      break;

    case COLUMN_PROBLEM:
      value = row->problem;
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (child), value != NULL ? value : "");
  gtk_widget_set_tooltip_text (child, value != NULL && *value != '\0' ? value : NULL);
}

static void
setup_column (GtkColumnViewColumn *column,
              Column               id)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (id));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (id));
  gtk_column_view_column_set_factory (column, factory);
}

/* Helpers */

static GtkWidget *
new_column_chip (const char *header,
                 const char *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *from = gtk_label_new (header);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *to = gtk_label_new (field != NULL ? field : _("ignored"));

  gtk_widget_add_css_class (box, "sc-column-chip");
  gtk_widget_add_css_class (from, "heading");
  gtk_widget_add_css_class (arrow, "dim-label");
  if (field == NULL)
    {
      gtk_widget_add_css_class (box, "dim-label");
      gtk_widget_add_css_class (to, "dim-label");
    }

  gtk_box_append (GTK_BOX (box), from);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), to);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  field != NULL ? field : _("ignored"), -1);
  return box;
}

static char *
format_summary (guint n_new,
                guint n_update)
{
  g_autofree char *add = NULL;
  g_autofree char *update = NULL;

  if (n_new == 0 && n_update == 0)
    return g_strdup (_("The file has no people in it"));

  add = g_strdup_printf (ngettext ("%u person to add", "%u people to add", n_new), n_new);
  update = g_strdup_printf (ngettext ("%u to update", "%u to update", n_update), n_update);

  if (n_update == 0)
    return g_steal_pointer (&add);
  if (n_new == 0)
    return g_strdup_printf (ngettext ("%u person to update", "%u people to update", n_update), n_update);

  /* Translators: “58 people to add, 2 to update” */
  return g_strdup_printf (C_("import summary", "%s, %s"), add, update);
}

static void
show_preview (ScImportDialog *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint n_rows = sc_people_csv_get_n_rows (self->csv);
  guint n_errors = sc_people_csv_get_n_errors (self->csv);
  guint n_new = 0, n_update = 0;

  for (guint i = 0; i < n_rows; i++)
    {
      ScImportRow *row = sc_import_row_new (self->csv, i);

      if (row->status == SC_PEOPLE_CSV_ROW_NEW)
        n_new++;
      else if (row->status == SC_PEOPLE_CSV_ROW_UPDATE)
        n_update++;
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort_with_data (rows, compare_rows, NULL);
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < rows->len; i++)
    g_list_store_append (self->rows, g_ptr_array_index (rows, i));

  if (n_errors > 0)
    {
      summary = g_strdup_printf (ngettext ("%u row has a problem: nothing will be imported until it is fixed",
                                           "%u rows have problems: nothing will be imported until they are fixed",
                                           n_errors),
                                 n_errors);
      details = g_strdup_printf (_("Correct the rows marked below in “%s”, save it and import it again."),
                                 basename);
      gtk_image_set_from_icon_name (self->summary_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "warning");
    }
  else
    {
      summary = format_summary (n_new, n_update);
      details = g_strdup_printf (ngettext ("%u row read from “%s”. Press Import to save them.",
                                           "%u rows read from “%s”. Press Import to save them.",
                                           n_rows),
                                 n_rows, basename);
      gtk_image_set_from_icon_name (self->summary_icon,
                                    n_rows > 0 ? "emblem-ok-symbolic" : "dialog-information-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_icon), "success");
    }

  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->details_label, details);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_flow_box_remove (self->columns_box, child);

  for (guint i = 0; i < sc_people_csv_get_n_columns (self->csv); i++)
    gtk_flow_box_append (self->columns_box,
                         new_column_chip (sc_people_csv_get_column_header (self->csv, i),
                                          sc_people_csv_get_column_field_label (self->csv, i)));

  /* The problem column only matters when there are problems */
  gtk_column_view_column_set_visible (self->problem_column, n_errors > 0);
  gtk_column_view_column_set_expand (self->skills_column, n_errors == 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n_errors == 0 && n_new + n_update > 0);
  if (n_errors == 0 && n_new + n_update > 0)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));

  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_failure (ScImportDialog *self,
              const char     *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Callbacks */

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ScImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ScPeopleCsv *csv;

  csv = sc_people_csv_parse_file_finish (result, &error);

  /* The dialog was closed meanwhile */
  if (self->store == NULL)
    {
      g_clear_pointer (&csv, sc_people_csv_free);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);

  if (csv == NULL)
    {
      show_failure (self, error->message);
      return;
    }

  g_clear_pointer (&self->csv, sc_people_csv_free);
  self->csv = csv;
  show_preview (self);
}

static void
on_import_clicked_cb (ScImportDialog *self,
                      GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  guint n_updated = 0;

  if (self->csv == NULL || sc_people_csv_get_n_errors (self->csv) > 0)
    return;

  if (!sc_people_csv_commit (self->csv, self->store, self->session, &n_added, &n_updated, &error))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Import These People"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_added, n_updated);
  gtk_window_close (GTK_WINDOW (self));
}

/* Overrides */

static gboolean
sc_import_dialog_close_request (GtkWindow *window)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sc_import_dialog_parent_class)->close_request (window);
}

static void
sc_import_dialog_constructed (GObject *object)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (sc_import_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));
}

static void
sc_import_dialog_dispose (GObject *object)
{
  ScImportDialog *self = SC_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->rows);
  g_clear_object (&self->file);
  g_clear_pointer (&self->csv, sc_people_csv_free);

  G_OBJECT_CLASS (sc_import_dialog_parent_class)->dispose (object);
}

static void
sc_import_dialog_class_init (ScImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sc_import_dialog_constructed;
  object_class->dispose = sc_import_dialog_dispose;

  window_class->close_request = sc_import_dialog_close_request;

  /**
   * ScImportDialog::imported:
   * @n_added: how many people were added
   * @n_updated: how many people already in the team were updated
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, columns_box);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, rows_view);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, line_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, status_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, name_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, employee_no_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, role_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, level_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, skills_column);
  gtk_widget_class_bind_template_child (widget_class, ScImportDialog, problem_column);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);

}

static void
sc_import_dialog_init (ScImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (SC_TYPE_IMPORT_ROW);

  setup_column (self->line_column, COLUMN_LINE);
  setup_column (self->status_column, COLUMN_STATUS);
  setup_column (self->name_column, COLUMN_NAME);
  setup_column (self->employee_no_column, COLUMN_EMPLOYEE_NO);
  setup_column (self->role_column, COLUMN_ROLE);
  setup_column (self->level_column, COLUMN_LEVEL);
  setup_column (self->skills_column, COLUMN_SKILLS);
  setup_column (self->problem_column, COLUMN_PROBLEM);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}

/* Public API */

/**
 * sc_import_dialog_new:
 * @parent: (nullable): the main window
 */
GtkWidget *
sc_import_dialog_new (GtkWindow *parent,
                      ScStore   *store,
                      ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * sc_import_dialog_load_file:
 *
 * Reads @file in a worker thread, showing a spinner meanwhile, then the
 * preview (or why the file cannot be read).
 */
void
sc_import_dialog_load_file (ScImportDialog *self,
                            GFile          *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->file, file);
  g_clear_pointer (&self->csv, sc_people_csv_free);

  basename = g_file_get_basename (file);
  text = g_strdup_printf (_("Reading “%s”…"), basename);
  gtk_label_set_text (self->loading_label, text);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  sc_people_csv_parse_file_async (self->store, self->session, file, self->cancellable, on_parsed_cb,
                                  g_object_ref (self));
}

gboolean
sc_import_dialog_is_loading (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}

/**
 * sc_import_dialog_can_import:
 * Returns: whether the file was read and has no bad rows
 */
gboolean
sc_import_dialog_can_import (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->import_button));
}

/**
 * sc_import_dialog_get_rows:
 * Returns: (transfer none): the rows of the preview, bad ones first
 */
GListModel *
sc_import_dialog_get_rows (ScImportDialog *self)
{
  g_return_val_if_fail (SC_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->rows);
}
