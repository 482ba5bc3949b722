/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A reader for comma- or tab-separated values as spreadsheets write them
 * (RFC 4180): UTF-8 with or without a byte order mark, CRLF or LF line ends,
 * fields in double quotes that may hold the delimiter, doubled quotes ("")
 * and line breaks. The delimiter is taken from the first non-blank line (the
 * header): a tab if it has more tabs than commas, otherwise a comma.
 *
 * Errors name the 1-based physical line: invalid UTF-8 (the line holding the
 * first bad byte) and a quoted field that is never closed (the line where its
 * quote opens).
 *
 * The reader does not copy @data: keep it alive until the reader is freed.
 */

#define SC_CSV_ERROR (sc_csv_error_quark ())

typedef enum
{
  SC_CSV_ERROR_ENCODING,  /* not UTF-8 */
  SC_CSV_ERROR_SYNTAX,    /* unterminated quoted field */
} ScCsvError;

typedef struct
{
  guint   line;      /* 1-based physical line where the record starts */
  guint   n_fields;
  char  **fields;    /* n_fields strings, NULL-terminated; line breaks inside
                      * quoted fields are given as "\n" */
} ScCsvRecord;

typedef struct _ScCsvReader ScCsvReader;

GQuark        sc_csv_error_quark        (void);

void          sc_csv_record_free        (ScCsvRecord  *record);
gboolean      sc_csv_record_is_blank    (ScCsvRecord  *record);

ScCsvReader  *sc_csv_reader_new         (const char   *data,
                                         gssize        length,
                                         GError      **error);
char          sc_csv_reader_get_delimiter (ScCsvReader *self);
gboolean      sc_csv_reader_had_bom     (ScCsvReader  *self);
ScCsvRecord  *sc_csv_reader_read        (ScCsvReader  *self,
                                         GError      **error);
void          sc_csv_reader_free        (ScCsvReader  *self);

GPtrArray    *sc_csv_parse              (const char   *data,
                                         gssize        length,
                                         char         *out_delimiter,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvRecord, sc_csv_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvReader, sc_csv_reader_free)

G_END_DECLS
