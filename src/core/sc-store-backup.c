/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * The dump is a GVariant of type a(sasaav): for each table, in the order
 * the schema created them (parents before children), its name, its column
 * names and its rows ordered by rowid. A NULL value is the empty tuple "()".
 */
#define DUMP_TYPE "a(sasaav)"

/* Never in a backup: the audit trail stays with the database it records
 * (exported on its own as CSV), and credentials never leave it. */
static const char * const private_tables[] = { "audit_entry", NULL };
static const char * const private_columns[] = { "account.credential_hash", NULL };

static gboolean
is_private_table (const char *table)
{
  return g_strv_contains (private_tables, table);
}

static gboolean
is_private_column (const char *table,
                   const char *column)
{
  g_autofree char *qualified = g_strdup_printf ("%s.%s", table, column);

  return g_strv_contains (private_columns, qualified);
}

static GPtrArray *
list_tables (ScStore  *self,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT name FROM sqlite_schema WHERE type = 'table'"
                            " AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!is_private_table (_sc_store_column_text (stmt, 0)))
      g_ptr_array_add (tables, g_strdup (_sc_store_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&tables);
}

static GPtrArray *
list_columns (ScStore     *self,
              const char  *table,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = _sc_store_prepare (self, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!is_private_column (table, _sc_store_column_text (stmt, 0)))
      g_ptr_array_add (columns, g_strdup (_sc_store_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

static char *
quote_identifier (const char *name)
{
  g_autoptr(GString) str = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
select_columns_sql (const char *quoted_table,
                    GPtrArray  *columns)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");

  for (guint c = 0; c < columns->len; c++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (columns, c));
      g_string_append_printf (sql, "%s%s", c ? ", " : "", quoted);
    }
  if (columns->len == 0)
    g_string_append (sql, "NULL");
  g_string_append_printf (sql, " FROM %s ORDER BY rowid", quoted_table);

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static GVariant *
value_to_variant (sqlite3_stmt *stmt,
                  int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      return g_variant_new_int64 (sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return g_variant_new_double (sqlite3_column_double (stmt, column));
    case SQLITE_TEXT:
      return g_variant_new_string (_sc_store_column_text (stmt, column));
    case SQLITE_BLOB:
      return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_column_blob (stmt, column),
                                        sqlite3_column_bytes (stmt, column), 1);
    case SQLITE_NULL:
    default:
      return g_variant_new_tuple (NULL, 0);
    }
}

/**
 * sc_store_dump:
 *
 * Reads every table in one read transaction.
 *
 * Returns: (transfer full): the dump, see the comment at the top of this file
 */
GVariant *
sc_store_dump (ScStore    *self,
               ScSession  *session,
               GError    **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  GVariantBuilder builder;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_BACKUP, 0, error))
    return NULL;

  if (!sc_store_begin (self, error))
    return NULL;

  if (!(tables = list_tables (self, error)))
    goto failed;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (DUMP_TYPE));

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *quoted = quote_identifier (table);
      g_autofree char *sql = NULL;
      GVariantBuilder rows;
      int rc;

      if (!(columns = list_columns (self, table, error)))
        goto failed_builder;

      sql = select_columns_sql (quoted, columns);
      if (!(stmt = _sc_store_prepare (self, sql, error)))
        goto failed_builder;

      g_variant_builder_init (&rows, G_VARIANT_TYPE ("aav"));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          GVariantBuilder row;

          g_variant_builder_init (&row, G_VARIANT_TYPE ("av"));
          for (guint c = 0; c < columns->len; c++)
            g_variant_builder_add (&row, "v", value_to_variant (stmt, c));
          g_variant_builder_add_value (&rows, g_variant_builder_end (&row));
        }

      if (rc != SQLITE_DONE)
        {
          _sc_store_set_error (self, error);
          g_variant_builder_clear (&rows);
          goto failed_builder;
        }

      g_ptr_array_add (columns, NULL);
      g_variant_builder_add (&builder, "(s^as@aav)", table, (char **) columns->pdata,
                             g_variant_builder_end (&rows));
    }

  sc_store_rollback (self);
  return g_variant_ref_sink (g_variant_builder_end (&builder));

failed_builder:
  g_variant_builder_clear (&builder);
failed:
  sc_store_rollback (self);
  return NULL;
}

static gboolean
validate_dump (ScStore     *self,
               GVariant    *dump,
               GPtrArray   *tables,
               GError     **error)
{
  GVariantIter iter;
  GVariant *entry;

  if (!g_variant_is_of_type (dump, G_VARIANT_TYPE (DUMP_TYPE)))
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The backup does not have the expected structure"));
      return FALSE;
    }

  g_variant_iter_init (&iter, dump);
  while ((entry = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(GVariant) columns = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) rows = g_variant_get_child_value (entry, 2);
      const char *table = NULL;
      g_autoptr(GPtrArray) known = NULL;
      gsize n_columns = g_variant_n_children (columns);
      GVariantIter row_iter;
      GVariant *row;
      guint row_number = 0;

      g_variant_get_child (entry, 0, "&s", &table);
      if (!g_ptr_array_find_with_equal_func (tables, table, g_str_equal, NULL))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("The backup has a table “%s” that this version of Shiftcraft does not know"),
                       table);
          return FALSE;
        }

      if (!(known = list_columns (self, table, error)))
        return FALSE;

      for (gsize c = 0; c < n_columns; c++)
        {
          const char *column = NULL;

          g_variant_get_child (columns, c, "&s", &column);
          if (!g_ptr_array_find_with_equal_func (known, column, g_str_equal, NULL))
            {
              g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("The backup has a column “%s” in table “%s” that this version of Shiftcraft does not know"),
                           column, table);
              return FALSE;
            }
        }

      g_variant_iter_init (&row_iter, rows);
      while ((row = g_variant_iter_next_value (&row_iter)))
        {
          gsize n = g_variant_n_children (row);

          row_number++;
          g_variant_unref (row);
          if (n != n_columns)
            {
              g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("Row %u of table “%s” in the backup has %u values for %u columns"),
                           row_number, table, (guint) n, (guint) n_columns);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           index,
              GVariant     *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt, index, g_variant_get_double (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize len;
      gconstpointer data = g_variant_get_fixed_array (value, &len, 1);
      sqlite3_bind_blob (stmt, index, data, len, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, index);
}

/**
 * sc_store_restore:
 *
 * Replaces everything in the database with @dump, in one transaction:
 * either the whole backup is in or nothing changed. The dump is checked
 * against the schema before anything is written.
 */
gboolean
sc_store_restore (ScStore    *self,
                  ScSession  *session,
                  GVariant   *dump,
                  GError    **error)
{
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *summary = NULL;
  GVariantIter iter;
  GVariant *entry;
  guint n_rows = 0;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (dump != NULL, FALSE);

  if (!sc_permission_check (session, SC_OPERATION_RESTORE, 0, error))
    return FALSE;

  if (!(tables = list_tables (self, error)))
    return FALSE;

  if (!validate_dump (self, dump, tables, error))
    return FALSE;

  if (!sc_store_begin (self, error))
    return FALSE;

  /* Credentials are not in backups: accounts that stay keep theirs */
  if (!_sc_store_exec (self,
                       "CREATE TEMP TABLE kept_credential AS"
                       " SELECT id, person_id, credential_hash FROM account",
                       error))
    goto failed;

  /* Children first, so that foreign keys never point nowhere */
  for (guint i = tables->len; i > 0; i--)
    {
      const char *name = g_ptr_array_index (tables, i - 1);
      g_autofree char *quoted = quote_identifier (name);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", quoted);

      if (!_sc_store_exec (self, sql, error))
        goto failed;
      _sc_store_touch (self, name);
    }

  g_variant_iter_init (&iter, dump);
  while ((entry = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(GVariant) columns = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) rows = g_variant_get_child_value (entry, 2);
      const char *table = NULL;
      g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *quoted = NULL;
      gsize n_columns = g_variant_n_children (columns);
      GVariantIter row_iter;
      GVariant *row;
      guint row_number = 0;

      g_variant_get_child (entry, 0, "&s", &table);
      quoted = quote_identifier (table);
      if (n_columns == 0)
        continue;

      g_string_append_printf (sql, "%s (", quoted);
      for (gsize c = 0; c < n_columns; c++)
        {
          const char *column = NULL;
          g_autofree char *qc = NULL;

          g_variant_get_child (columns, c, "&s", &column);
          qc = quote_identifier (column);
          g_string_append_printf (sql, "%s%s", c ? ", " : "", qc);
        }
      g_string_append (sql, ") VALUES (");
      for (gsize c = 0; c < n_columns; c++)
        g_string_append_printf (sql, "%s?%u", c ? ", " : "", (guint) c + 1);
      g_string_append (sql, ")");

      if (!(stmt = _sc_store_prepare (self, sql->str, error)))
        goto failed;

      g_variant_iter_init (&row_iter, rows);
      while ((row = g_variant_iter_next_value (&row_iter)))
        {
          gboolean ok;

          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          for (gsize c = 0; c < n_columns; c++)
            {
              g_autoptr(GVariant) boxed = g_variant_get_child_value (row, c);
              g_autoptr(GVariant) value = g_variant_get_variant (boxed);

              bind_variant (stmt, c + 1, value);
            }

          ok = sqlite3_step (stmt) == SQLITE_DONE;
          g_variant_unref (row);
          row_number++;
          n_rows++;
          if (!ok)
            {
              g_autoptr(GError) local_error = NULL;

              if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
                g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                             _("row %u of table “%s” refers to a row that is not in the backup"),
                             row_number, table);
              else
                {
                  _sc_store_set_error (self, &local_error);
                  g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                               _("row %u of table “%s”: %s"), row_number, table,
                               local_error->message);
                }
              goto failed;
            }
        }
    }

  if (!_sc_store_exec (self,
                       "UPDATE account SET credential_hash = (SELECT k.credential_hash FROM kept_credential k"
                       " WHERE k.id = account.id AND k.person_id = account.person_id);"
                       "DROP TABLE temp.kept_credential",
                       error))
    goto failed;

  summary = g_strdup_printf ("%u rows", n_rows);
  if (!_sc_store_audit (self, session, "restore", "*", 0, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  _sc_store_exec (self, "DROP TABLE IF EXISTS temp.kept_credential", NULL);
  sc_store_rollback (self);
  return FALSE;
}
