/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-audit-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-audit-csv.h"
#include "sc-format-file.h"

static void
append_field (GString    *str,
              const char *value,
              gboolean    last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (str, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (str, '"');
          g_string_append_c (str, *p);
        }
      g_string_append_c (str, '"');
    }
  else
    g_string_append (str, value);

  g_string_append (str, last ? "\r\n" : ",");
}

/**
 * sc_audit_csv_to_string:
 * @entries: (element-type ScAuditEntry): the entries
 *
 * Returns: (transfer full): the CSV text, with a header row
 */
char *
sc_audit_csv_to_string (GPtrArray *entries)
{
  g_autoptr(GString) str = g_string_new ("\xEF\xBB\xBF");

  /* The header stays in English: it names columns for other programs */
  g_string_append (str, "time_utc,actor,action,table,row,summary\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      ScAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *row = sc_audit_entry_get_row_id (entry)
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, sc_audit_entry_get_row_id (entry))
                               : NULL;

      append_field (str, sc_audit_entry_get_at (entry), FALSE);
      append_field (str, sc_audit_entry_get_actor (entry), FALSE);
      append_field (str, sc_audit_entry_get_action (entry), FALSE);
      append_field (str, sc_audit_entry_get_table_name (entry), FALSE);
      append_field (str, row, FALSE);
      append_field (str, sc_audit_entry_get_summary (entry), TRUE);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

gboolean
sc_audit_csv_write (ScStore       *store,
                    ScSession     *session,
                    const char    *table,
                    const char    *text,
                    const char    *since,
                    const char    *until,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (SC_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(entries = sc_store_get_audit (store, session, table, text, since, until, error)))
    return FALSE;

  csv = sc_audit_csv_to_string (entries);

  return sc_format_file_write_private (file, csv, strlen (csv), cancellable, error);
}

typedef struct
{
  ScSession *session;
  char      *table;
  char      *text;
  char      *since;
  char      *until;
  GFile     *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->session);
  g_clear_object (&data->file);
  g_free (data->table);
  g_free (data->text);
  g_free (data->since);
  g_free (data->until);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (sc_audit_csv_write (source_object, data->session, data->table, data->text, data->since,
                          data->until, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sc_audit_csv_write_async (ScStore             *store,
                          ScSession           *session,
                          const char          *table,
                          const char          *text,
                          const char          *since,
                          const char          *until,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (SC_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->session = g_object_ref (session);
  data->table = g_strdup (table);
  data->text = g_strdup (text);
  data->since = g_strdup (since);
  data->until = g_strdup (until);
  data->file = g_object_ref (file);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_audit_csv_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
sc_audit_csv_write_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_audit_csv_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
