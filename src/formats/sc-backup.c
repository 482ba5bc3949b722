/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-backup"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "sc-backup.h"
#include "sc-format-file.h"

/*
 * A backup is one JSON document:
 *
 *   { "format": "shiftcraft-backup", "version": 1, "schema": 2,
 *     "tables": [ { "name": "team", "columns": [...], "rows": [[...], ...] }, ... ] }
 *
 * Tables come in the order the schema creates them and rows in rowid order,
 * and nothing in it depends on the time it was made, so a backup restored
 * into an empty database and backed up again gives the same bytes.
 */

#define BACKUP_FORMAT "shiftcraft-backup"

G_DEFINE_QUARK (sc-backup-error-quark, sc_backup_error)

static JsonNode *
variant_to_json (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return json_node_init_int (json_node_alloc (), g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return json_node_init_double (json_node_alloc (), g_variant_get_double (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return json_node_init_string (json_node_alloc (), g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize len;
      gconstpointer data = g_variant_get_fixed_array (value, &len, 1);
      g_autofree char *b64 = g_base64_encode (data, len);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "base64", b64);
      return json_node_init_object (json_node_alloc (), object);
    }

  return json_node_init_null (json_node_alloc ());
}

static char *
dump_to_json (GVariant *dump,
              int       schema,
              gsize    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GVariantIter iter;
  GVariant *entry;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BACKUP_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SC_BACKUP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, schema);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_array (builder);

  g_variant_iter_init (&iter, dump);
  while ((entry = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(GVariant) columns = g_variant_get_child_value (entry, 1);
      g_autoptr(GVariant) rows = g_variant_get_child_value (entry, 2);
      const char *name = NULL;
      GVariantIter row_iter;
      GVariant *row;

      g_variant_get_child (entry, 0, "&s", &name);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (gsize c = 0; c < g_variant_n_children (columns); c++)
        {
          const char *column = NULL;

          g_variant_get_child (columns, c, "&s", &column);
          json_builder_add_string_value (builder, column);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      g_variant_iter_init (&row_iter, rows);
      while ((row = g_variant_iter_next_value (&row_iter)))
        {
          json_builder_begin_array (builder);
          for (gsize c = 0; c < g_variant_n_children (row); c++)
            {
              g_autoptr(GVariant) boxed = g_variant_get_child_value (row, c);
              g_autoptr(GVariant) value = g_variant_get_variant (boxed);

              json_builder_add_value (builder, variant_to_json (value));
            }
          json_builder_end_array (builder);
          g_variant_unref (row);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);

  return json_generator_to_data (generator, length);
}

/**
 * sc_backup_write:
 *
 * Writes every table of @store to @file, replacing it atomically (readable
 * by the user only: it holds personal data).
 */
gboolean
sc_backup_write (ScStore       *store,
                 ScSession     *session,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GVariant) dump = NULL;
  g_autofree char *json = NULL;
  g_autofree char *with_newline = NULL;
  gsize length;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(dump = sc_store_dump (store, session, error)))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  json = dump_to_json (dump, sc_store_get_schema_version (store), &length);
  with_newline = g_strconcat (json, "\n", NULL);

  return sc_format_file_write_private (file, with_newline, length + 1, cancellable, error);
}

static void G_GNUC_PRINTF (4, 5)
set_format_error (GError     **error,
                  const char  *filename,
                  int          code,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the first is a file name, the second says what is wrong */
  g_set_error (error, SC_BACKUP_ERROR, code, _("“%s” is not a usable Shiftcraft backup: %s"),
               filename, message);
}

static GVariant *
json_to_variant (JsonNode *node,
                 gboolean *ok)
{
  *ok = TRUE;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_variant_new_tuple (NULL, 0);

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return g_variant_new_int64 (json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return g_variant_new_double (json_node_get_double (node));
        case G_TYPE_STRING:
          return g_variant_new_string (json_node_get_string (node));
        default:
          break;
        }
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *b64 = json_object_get_string_member_with_default (object, "base64", NULL);

      if (b64 != NULL)
        {
          gsize len;
          g_autofree guchar *data = g_base64_decode (b64, &len);

          return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, data, len, 1);
        }
    }

  *ok = FALSE;
  return NULL;
}

static GVariant *
parse_backup (const char  *data,
              gsize        length,
              const char  *filename,
              ScStore     *store,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  GVariantBuilder builder;
  JsonObject *root;
  JsonArray *tables;
  const char *format;
  gint64 version;
  gint64 schema;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;
      guint line = 0;
      guint column = 0;

      /* json-glib says “<data>:LINE:COLUMN: Parse error: …” */
      if (g_str_has_prefix (message, "<data>:") &&
          sscanf (message, "<data>:%u:%u:", &line, &column) == 2)
        {
          const char *rest = strstr (message + 7, ": ");

          set_format_error (error, filename, SC_BACKUP_ERROR_SYNTAX, _("line %u, column %u: %s"),
                            line, column, rest ? rest + 2 : message);
        }
      else
        set_format_error (error, filename, SC_BACKUP_ERROR_SYNTAX, "%s", message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT, _("the file is not a JSON object"));
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  format = json_object_get_string_member_with_default (root, "format", NULL);
  if (g_strcmp0 (format, BACKUP_FORMAT) != 0)
    {
      set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT,
                        _("it has no “format”: “%s” member"), BACKUP_FORMAT);
      return NULL;
    }

  version = json_object_get_int_member_with_default (root, "version", 0);
  if (version < 1 || version > SC_BACKUP_FORMAT_VERSION)
    {
      set_format_error (error, filename, SC_BACKUP_ERROR_VERSION,
                        _("it has format version %lld, and this Shiftcraft reads version %d"),
                        (long long) version, SC_BACKUP_FORMAT_VERSION);
      return NULL;
    }

  schema = json_object_get_int_member_with_default (root, "schema", 0);
  if (schema < 1 || schema > sc_store_get_schema_version (store))
    {
      set_format_error (error, filename, SC_BACKUP_ERROR_VERSION,
                        _("it comes from database schema %lld, and this Shiftcraft knows up to %d; update Shiftcraft first"),
                        (long long) schema, sc_store_get_schema_version (store));
      return NULL;
    }

  if (!json_object_has_member (root, "tables") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "tables")))
    {
      set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT, _("it has no list of tables"));
      return NULL;
    }

  tables = json_object_get_array_member (root, "tables");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sasaav)"));

  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      JsonNode *table_node = json_array_get_element (tables, t);
      JsonObject *table;
      JsonArray *columns;
      JsonArray *rows;
      const char *name;
      GVariantBuilder column_builder;
      GVariantBuilder rows_builder;

      if (!JSON_NODE_HOLDS_OBJECT (table_node))
        goto bad_table;

      table = json_node_get_object (table_node);
      name = json_object_get_string_member_with_default (table, "name", NULL);
      if (name == NULL ||
          !json_object_has_member (table, "columns") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (table, "columns")) ||
          !json_object_has_member (table, "rows") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (table, "rows")))
        goto bad_table;

      columns = json_object_get_array_member (table, "columns");
      rows = json_object_get_array_member (table, "rows");

      g_variant_builder_init (&column_builder, G_VARIANT_TYPE ("as"));
      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          JsonNode *column = json_array_get_element (columns, c);

          if (!JSON_NODE_HOLDS_VALUE (column) || json_node_get_value_type (column) != G_TYPE_STRING)
            {
              g_variant_builder_clear (&column_builder);
              goto bad_table;
            }
          g_variant_builder_add (&column_builder, "s", json_node_get_string (column));
        }

      g_variant_builder_init (&rows_builder, G_VARIANT_TYPE ("aav"));
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonNode *row_node = json_array_get_element (rows, r);
          GVariantBuilder row_builder;
          JsonArray *row;

          if (!JSON_NODE_HOLDS_ARRAY (row_node))
            {
              set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT,
                                _("row %u of table “%s” is not a list of values"), r + 1, name);
              g_variant_builder_clear (&rows_builder);
              g_variant_builder_clear (&column_builder);
              g_variant_builder_clear (&builder);
              return NULL;
            }

          row = json_node_get_array (row_node);
          g_variant_builder_init (&row_builder, G_VARIANT_TYPE ("av"));
          for (guint c = 0; c < json_array_get_length (row); c++)
            {
              gboolean ok;
              GVariant *value = json_to_variant (json_array_get_element (row, c), &ok);

              if (!ok)
                {
                  set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT,
                                    _("value %u in row %u of table “%s” is not a number, text or null"),
                                    c + 1, r + 1, name);
                  g_variant_builder_clear (&row_builder);
                  g_variant_builder_clear (&rows_builder);
                  g_variant_builder_clear (&column_builder);
                  g_variant_builder_clear (&builder);
                  return NULL;
                }
              g_variant_builder_add (&row_builder, "v", value);
            }
          g_variant_builder_add_value (&rows_builder, g_variant_builder_end (&row_builder));
        }

      g_variant_builder_add (&builder, "(s@as@aav)", name,
                             g_variant_builder_end (&column_builder),
                             g_variant_builder_end (&rows_builder));
      continue;

    bad_table:
      set_format_error (error, filename, SC_BACKUP_ERROR_FORMAT,
                        _("table %u needs a “name”, a list of “columns” and a list of “rows”"), t + 1);
      g_variant_builder_clear (&builder);
      return NULL;
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * sc_backup_restore:
 *
 * Reads and checks the whole backup, keeps a copy of the database as it is
 * next to it (`…db.before-restore.bak`), then replaces all data in one
 * transaction. On any error the database is unchanged.
 */
gboolean
sc_backup_restore (ScStore       *store,
                   ScSession     *session,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GVariant) dump = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Say no before reading anything */
  if (!sc_permission_check (session, SC_OPERATION_RESTORE, 0, error))
    return FALSE;

  filename = g_file_get_parse_name (file);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot read the backup “%s”: %s"), filename, local_error->message);
      return FALSE;
    }

  if (!(dump = parse_backup (contents, length, filename, store, error)))
    return FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!sc_store_is_empty (store))
    {
      copy = g_strconcat (sc_store_get_path (store), ".before-restore.bak", NULL);
      if (!sc_store_copy_to (store, copy, error))
        return FALSE;
    }

  if (!sc_store_restore (store, session, dump, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot restore “%s”: %s"), filename, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  ScSession *session = g_object_get_data (G_OBJECT (task), "session");

  if (sc_backup_write (source_object, session, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sc_backup_write_async (ScStore             *store,
                       ScSession           *session,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_backup_write_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
sc_backup_write_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_backup_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  ScSession *session = g_object_get_data (G_OBJECT (task), "session");

  if (sc_backup_restore (source_object, session, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sc_backup_restore_async (ScStore             *store,
                         ScSession           *session,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_backup_restore_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);
  g_task_run_in_thread (task, restore_thread);
}

gboolean
sc_backup_restore_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_backup_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
