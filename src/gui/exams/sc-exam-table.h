/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * ScExamTableRow: one row of the exam tables (exams, attempts, the parts
 * of an attempt, item analysis): an id, the text of each cell and an
 * optional style class per cell (“success”, “error”, “warning”…). The
 * tables are GtkColumnViews over a GListStore of these.
 */

#define SC_TYPE_EXAM_TABLE_ROW (sc_exam_table_row_get_type ())
G_DECLARE_FINAL_TYPE (ScExamTableRow, sc_exam_table_row, SC, EXAM_TABLE_ROW, GObject)

ScExamTableRow *sc_exam_table_row_new       (gint64          id,
                                             guint           n_cells);
gint64          sc_exam_table_row_get_id    (ScExamTableRow *self);
void            sc_exam_table_row_set       (ScExamTableRow *self,
                                             guint           cell,
                                             const char     *text,
                                             const char     *style);
void            sc_exam_table_row_take      (ScExamTableRow *self,
                                             guint           cell,
                                             char           *text,
                                             const char     *style);
const char     *sc_exam_table_row_get_text  (ScExamTableRow *self,
                                             guint           cell);
const char     *sc_exam_table_row_get_style (ScExamTableRow *self,
                                             guint           cell);
void            sc_exam_table_row_set_key   (ScExamTableRow *self,
                                             guint           cell,
                                             double          key);
double          sc_exam_table_row_get_key   (ScExamTableRow *self,
                                             guint           cell);

/* Column flags */
typedef enum
{
  SC_EXAM_COLUMN_TEXT    = 0,
  SC_EXAM_COLUMN_NUMERIC = 1 << 0,  /* right-aligned, tabular figures */
  SC_EXAM_COLUMN_EXPAND  = 1 << 1,  /* takes the width left, ellipsized */
  SC_EXAM_COLUMN_WRAP    = 1 << 2,  /* wraps over several lines */
  SC_EXAM_COLUMN_SORT    = 1 << 3,  /* sortable: by the cell's key when it has one, else its text */
} ScExamColumnFlags;

GtkColumnViewColumn *sc_exam_table_add_column (GtkColumnView     *view,
                                               const char        *title,
                                               guint              cell,
                                               ScExamColumnFlags  flags);
GtkSingleSelection  *sc_exam_table_setup      (GtkColumnView     *view,
                                               GListStore       **store);
gint64               sc_exam_table_get_selected_id (GtkSingleSelection *selection);
gboolean             sc_exam_table_select_id  (GtkSingleSelection *selection,
                                               gint64              id);

G_END_DECLS
