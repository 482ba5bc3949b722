/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-table"

#include "config.h"

#include <math.h>

#include "sc-exam-table.h"

struct _ScExamTableRow
{
  GObject     parent_instance;

  gint64      id;
  guint       n_cells;
  char      **texts;
  const char **styles;  /* static strings */
  double     *keys;     /* NAN: sort by the text */
};

G_DEFINE_FINAL_TYPE (ScExamTableRow, sc_exam_table_row, G_TYPE_OBJECT)

static void
sc_exam_table_row_finalize (GObject *object)
{
  ScExamTableRow *self = SC_EXAM_TABLE_ROW (object);

  for (guint i = 0; i < self->n_cells; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_free (self->styles);
  g_free (self->keys);

  G_OBJECT_CLASS (sc_exam_table_row_parent_class)->finalize (object);
}

static void
sc_exam_table_row_class_init (ScExamTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_exam_table_row_finalize;
}

static void
sc_exam_table_row_init (ScExamTableRow *self)
{
}

ScExamTableRow *
sc_exam_table_row_new (gint64 id,
                       guint  n_cells)
{
  ScExamTableRow *self = g_object_new (SC_TYPE_EXAM_TABLE_ROW, NULL);

  self->id = id;
  self->n_cells = n_cells;
  self->texts = g_new0 (char *, n_cells);
  self->styles = g_new0 (const char *, n_cells);
  self->keys = g_new (double, n_cells);
  for (guint i = 0; i < n_cells; i++)
    self->keys[i] = NAN;
  return self;
}

gint64
sc_exam_table_row_get_id (ScExamTableRow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_TABLE_ROW (self), 0);
  return self->id;
}

/**
 * sc_exam_table_row_take:
 * @text: (transfer full) (nullable)
 * @style: (nullable): a style class for the cell, a static string
 */
void
sc_exam_table_row_take (ScExamTableRow *self,
                        guint           cell,
                        char           *text,
                        const char     *style)
{
  g_return_if_fail (SC_IS_EXAM_TABLE_ROW (self));
  g_return_if_fail (cell < self->n_cells);

  g_free (self->texts[cell]);
  self->texts[cell] = text;
  self->styles[cell] = style;
}

void
sc_exam_table_row_set (ScExamTableRow *self,
                       guint           cell,
                       const char     *text,
                       const char     *style)
{
  sc_exam_table_row_take (self, cell, g_strdup (text), style);
}

const char *
sc_exam_table_row_get_text (ScExamTableRow *self,
                            guint           cell)
{
  g_return_val_if_fail (SC_IS_EXAM_TABLE_ROW (self), NULL);
  return cell < self->n_cells ? self->texts[cell] : NULL;
}

const char *
sc_exam_table_row_get_style (ScExamTableRow *self,
                             guint           cell)
{
  g_return_val_if_fail (SC_IS_EXAM_TABLE_ROW (self), NULL);
  return cell < self->n_cells ? self->styles[cell] : NULL;
}

/**
 * sc_exam_table_row_set_key:
 * @key: what the cell sorts by, when its text does not sort right
 *   (numbers, percents, dates)
 */
void
sc_exam_table_row_set_key (ScExamTableRow *self,
                           guint           cell,
                           double          key)
{
  g_return_if_fail (SC_IS_EXAM_TABLE_ROW (self));
  g_return_if_fail (cell < self->n_cells);

  self->keys[cell] = key;
}

double
sc_exam_table_row_get_key (ScExamTableRow *self,
                           guint           cell)
{
  g_return_val_if_fail (SC_IS_EXAM_TABLE_ROW (self), NAN);
  return cell < self->n_cells ? self->keys[cell] : NAN;
}

/* Columns */

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const ScExamTableRow *x = a;
  const ScExamTableRow *y = b;
  guint cell = GPOINTER_TO_UINT (user_data);
  double kx = x->keys[cell];
  double ky = y->keys[cell];

  /* Rows without a key after those with one */
  if (!isnan (kx) || !isnan (ky))
    {
      if (isnan (kx) != isnan (ky))
        return isnan (kx) ? 1 : -1;
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    }
  return g_utf8_collate (x->texts[cell] ? x->texts[cell] : "", y->texts[cell] ? y->texts[cell] : "");
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  ScExamColumnFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "flags"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), flags & SC_EXAM_COLUMN_NUMERIC ? 1 : 0);
  if (flags & SC_EXAM_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (flags & SC_EXAM_COLUMN_WRAP)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else if (flags & SC_EXAM_COLUMN_EXPAND)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ScExamTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint cell = GPOINTER_TO_UINT (user_data);
  const char *text = sc_exam_table_row_get_text (row, cell);
  const char *style = sc_exam_table_row_get_style (row, cell);
  const char *old = g_object_get_data (G_OBJECT (label), "style");

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, text != NULL && g_utf8_strlen (text, -1) > 24 ? text : NULL);
  if (old != NULL)
    gtk_widget_remove_css_class (label, old);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  g_object_set_data (G_OBJECT (label), "style", (gpointer) style);
}

/**
 * sc_exam_table_add_column:
 * @cell: which cell of the rows it shows
 *
 * Returns: (transfer none): the column, appended to @view
 */
GtkColumnViewColumn *
sc_exam_table_add_column (GtkColumnView     *view,
                          const char        *title,
                          guint              cell,
                          ScExamColumnFlags  flags)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "flags", GUINT_TO_POINTER (flags));
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (cell));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (cell));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, (flags & (SC_EXAM_COLUMN_EXPAND | SC_EXAM_COLUMN_WRAP)) != 0);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (flags & SC_EXAM_COLUMN_SORT)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, GUINT_TO_POINTER (cell), NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

/**
 * sc_exam_table_setup:
 * @store: (out) (transfer none): where the rows go
 *
 * Gives @view a store of #ScExamTableRow, sorted by the column headers
 * clicked, with single selection.
 *
 * Returns: (transfer none): the selection model
 */
GtkSingleSelection *
sc_exam_table_setup (GtkColumnView  *view,
                     GListStore    **store)
{
  GListStore *rows = g_list_store_new (SC_TYPE_EXAM_TABLE_ROW);
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
  GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (rows), sorter ? g_object_ref (sorter) : NULL);
  GtkSingleSelection *selection = gtk_single_selection_new (G_LIST_MODEL (sorted));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  *store = rows;
  return selection;
}

gint64
sc_exam_table_get_selected_id (GtkSingleSelection *selection)
{
  ScExamTableRow *row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? sc_exam_table_row_get_id (row) : 0;
}

gboolean
sc_exam_table_select_id (GtkSingleSelection *selection,
                         gint64              id)
{
  GListModel *model = gtk_single_selection_get_model (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ScExamTableRow) row = g_list_model_get_item (model, i);

      if (sc_exam_table_row_get_id (row) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  return FALSE;
}
