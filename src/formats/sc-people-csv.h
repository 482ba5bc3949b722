/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

/*
 * Import of people from a CSV file exported from an HR spreadsheet.
 *
 * Parsing reads and checks the whole file against the store (to tell new
 * people from updates of existing employee numbers and to resolve skill
 * names) and writes nothing. The caller shows the rows and their problems;
 * only a file without a single bad row can be committed, in one transaction.
 */

#define SC_PEOPLE_CSV_ERROR (sc_people_csv_error_quark ())

typedef enum
{
  SC_PEOPLE_CSV_ERROR_ENCODING,   /* not UTF-8 */
  SC_PEOPLE_CSV_ERROR_SYNTAX,     /* unterminated quote… */
  SC_PEOPLE_CSV_ERROR_HEADER,     /* no header, required column missing, duplicate column */
  SC_PEOPLE_CSV_ERROR_ROWS,       /* commit refused: some rows are bad */
} ScPeopleCsvError;

typedef enum
{
  SC_PEOPLE_CSV_ROW_NEW,
  SC_PEOPLE_CSV_ROW_UPDATE,
  SC_PEOPLE_CSV_ROW_ERROR,
} ScPeopleCsvRowStatus;

typedef struct _ScPeopleCsv ScPeopleCsv;

GQuark                sc_people_csv_error_quark      (void);

ScPeopleCsv          *sc_people_csv_parse            (ScStore       *store,
                                                      ScSession     *session,
                                                      const char    *data,
                                                      gsize          length,
                                                      const char    *display_name,
                                                      GError       **error);
ScPeopleCsv          *sc_people_csv_parse_file       (ScStore       *store,
                                                      ScSession     *session,
                                                      GFile         *file,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
void                  sc_people_csv_parse_file_async (ScStore             *store,
                                                      ScSession           *session,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ScPeopleCsv          *sc_people_csv_parse_file_finish (GAsyncResult  *result,
                                                       GError       **error);
void                  sc_people_csv_free             (ScPeopleCsv   *self);

const char           *sc_people_csv_get_display_name (ScPeopleCsv   *self);
char                  sc_people_csv_get_delimiter    (ScPeopleCsv   *self);

/* Column mapping found in the header: for each known field, the header text
 * that was mapped to it (or NULL); and the header columns that were ignored */
guint                 sc_people_csv_get_n_columns    (ScPeopleCsv   *self);
const char           *sc_people_csv_get_column_header (ScPeopleCsv  *self,
                                                       guint         column);
const char           *sc_people_csv_get_column_field_label (ScPeopleCsv *self,
                                                            guint        column);

guint                 sc_people_csv_get_n_rows       (ScPeopleCsv   *self);
guint                 sc_people_csv_get_n_errors     (ScPeopleCsv   *self);
guint                 sc_people_csv_count_status     (ScPeopleCsv          *self,
                                                      ScPeopleCsvRowStatus  status);
guint                 sc_people_csv_get_row_line     (ScPeopleCsv   *self,
                                                      guint          row);
ScPeopleCsvRowStatus  sc_people_csv_get_row_status   (ScPeopleCsv   *self,
                                                      guint          row);
ScPerson             *sc_people_csv_get_row_person   (ScPeopleCsv   *self,
                                                      guint          row);
const char           *sc_people_csv_get_row_skills   (ScPeopleCsv   *self,
                                                      guint          row);
const char           *sc_people_csv_get_row_error    (ScPeopleCsv   *self,
                                                      guint          row);

gboolean              sc_people_csv_commit           (ScPeopleCsv   *self,
                                                      ScStore       *store,
                                                      ScSession     *session,
                                                      guint         *n_added,
                                                      guint         *n_updated,
                                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPeopleCsv, sc_people_csv_free)

G_END_DECLS
