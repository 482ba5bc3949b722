/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-csv.h"

struct _ScCsvReader
{
  const char *data;      /* not owned */
  gsize       length;
  gsize       pos;
  guint       line;
  char        delimiter;
  gboolean    had_bom;
};

G_DEFINE_QUARK (sc-csv-error-quark, sc_csv_error)

static guint
count_lines_before (const char *data,
                    gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))
        line++;
    }

  return line;
}

static gboolean
is_blank_line_char (char c)
{
  return c == ' ' || c == '\t';
}

/* Looks at the first line that holds something and counts the commas and
 * tabs outside quotes, up to the end of that record. */
static char
detect_delimiter (const char *data,
                  gsize       length)
{
  gsize pos = 0;
  guint commas = 0;
  guint tabs = 0;
  gboolean quoted = FALSE;

  /* Skip blank lines */
  for (;;)
    {
      gsize start = pos;

      while (pos < length && is_blank_line_char (data[pos]))
        pos++;

      if (pos < length && (data[pos] == '\r' || data[pos] == '\n'))
        {
          pos++;
          continue;
        }

      pos = start;
      break;
    }

  for (; pos < length; pos++)
    {
      char c = data[pos];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == ',')
        commas++;
      else if (c == '\t')
        tabs++;
      else if (c == '\r' || c == '\n')
        break;
    }

  return tabs > commas ? '\t' : ',';
}

/**
 * sc_csv_record_free:
 */
void
sc_csv_record_free (ScCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * sc_csv_record_is_blank:
 *
 * Returns: %TRUE when every field is empty or white space, as for an empty
 *   line or the ",,," rows spreadsheets leave at the end
 */
gboolean
sc_csv_record_is_blank (ScCsvRecord *record)
{
  g_return_val_if_fail (record != NULL, TRUE);

  for (guint i = 0; i < record->n_fields; i++)
    {
      if (!is_blank_text (record->fields[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * sc_csv_reader_new:
 * @data: the file's contents; it must outlive the reader
 * @length: the length of @data, or -1 if it ends with a NUL
 *
 * Checks that @data is UTF-8 text, skips a byte order mark and detects the
 * delimiter.
 *
 * Returns: (transfer full): a reader, or %NULL with @error set
 */
ScCsvReader *
sc_csv_reader_new (const char  *data,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(ScCsvReader) self = NULL;
  const char *end = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  self = g_new0 (ScCsvReader, 1);
  self->data = data;
  self->length = length;
  self->line = 1;

  if (length >= 2 &&
      (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
       ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING,
                           _("Line 1: the file is UTF-16 text, not UTF-8: save it as "
                             "“CSV UTF-8 (comma delimited)” and try again"));
      return NULL;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING,
                   _("Line %u: the text is not valid UTF-8 (perhaps the file was saved as "
                     "GBK or another legacy encoding): save it as “CSV UTF-8 (comma delimited)” "
                     "and try again"),
                   count_lines_before (data, end - data));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      self->pos = 3;
      self->had_bom = TRUE;
    }

  self->delimiter = detect_delimiter (data + self->pos, self->length - self->pos);

  return g_steal_pointer (&self);
}

/**
 * sc_csv_reader_get_delimiter:
 * Returns: ',' or '\t'
 */
char
sc_csv_reader_get_delimiter (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->delimiter;
}

gboolean
sc_csv_reader_had_bom (ScCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

/* Consumes a line end at the current position, if there is one */
static gboolean
skip_line_end (ScCsvReader *self)
{
  if (self->pos >= self->length)
    return FALSE;

  if (self->data[self->pos] == '\r')
    {
      self->pos++;
      if (self->pos < self->length && self->data[self->pos] == '\n')
        self->pos++;
      self->line++;
      return TRUE;
    }

  if (self->data[self->pos] == '\n')
    {
      self->pos++;
      self->line++;
      return TRUE;
    }

  return FALSE;
}

static gboolean
read_quoted (ScCsvReader  *self,
             GString      *field,
             GError      **error)
{
  guint quote_line = self->line;

  g_assert (self->data[self->pos] == '"');
  self->pos++;

  while (self->pos < self->length)
    {
      char c = self->data[self->pos];

      if (c == '"')
        {
          if (self->pos + 1 < self->length && self->data[self->pos + 1] == '"')
            {
              g_string_append_c (field, '"');
              self->pos += 2;
            }
          else
            {
              self->pos++;
              return TRUE;
            }
        }
      else if (c == '\r' || c == '\n')
        {
          skip_line_end (self);
          g_string_append_c (field, '\n');
        }
      else
        {
          g_string_append_c (field, c);
          self->pos++;
        }
    }

  g_set_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX,
               _("Line %u: a value opened with a quote (\") is never closed: add the closing "
                 "quote, and write a quote inside a value as two quotes (\"\")"),
               quote_line);
  return FALSE;
}

/**
 * sc_csv_reader_read:
 *
 * Reads the next record. Blank lines come back as records with one empty
 * field (see sc_csv_record_is_blank()).
 *
 * Returns: (transfer full) (nullable): the record, or %NULL at the end of
 *   the data (without an error) or on error
 */
ScCsvRecord *
sc_csv_reader_read (ScCsvReader  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  ScCsvRecord *record;
  guint line;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->pos >= self->length)
    return NULL;

  line = self->line;
  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  for (;;)
    {
      char c;

      /* At the start of a field */
      if (self->pos < self->length && self->data[self->pos] == '"')
        {
          if (!read_quoted (self, field, error))
            return NULL;
        }

      /* Up to the delimiter or the end of the line; text after a closing
       * quote and stray quotes in unquoted values are kept as they are */
      while (self->pos < self->length)
        {
          c = self->data[self->pos];
          if (c == self->delimiter || c == '\r' || c == '\n')
            break;
          g_string_append_c (field, c);
          self->pos++;
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      g_string_truncate (field, 0);

      if (self->pos < self->length && self->data[self->pos] == self->delimiter)
        {
          self->pos++;
          continue;
        }

      skip_line_end (self);
      break;
    }

  record = g_new0 (ScCsvRecord, 1);
  record->line = line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_steal (fields, NULL);

  return record;
}

void
sc_csv_reader_free (ScCsvReader *self)
{
  g_free (self);
}

/**
 * sc_csv_parse:
 * @out_delimiter: (out) (optional): the delimiter found
 *
 * Reads all the records of @data, blank ones included.
 *
 * Returns: (transfer full) (element-type ScCsvRecord): the records, or
 *   %NULL with @error set
 */
GPtrArray *
sc_csv_parse (const char  *data,
              gssize       length,
              char        *out_delimiter,
              GError     **error)
{
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;
  ScCsvRecord *record;

  if (!(reader = sc_csv_reader_new (data, length, error)))
    return NULL;

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_csv_record_free);

  while ((record = sc_csv_reader_read (reader, &local_error)))
    g_ptr_array_add (records, record);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (out_delimiter != NULL)
    *out_delimiter = reader->delimiter;

  return g_steal_pointer (&records);
}
