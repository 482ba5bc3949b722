/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sc-day.h"
#include "sc-store-private.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/migrations"

G_DEFINE_FINAL_TYPE (ScStore, sc_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (sc-store-error-quark, sc_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  ScStore  *store;
  GStrv     tables;
} ChangedData;

static void
changed_data_free (gpointer data)
{
  ChangedData *cd = data;

  g_clear_object (&cd->store);
  g_clear_pointer (&cd->tables, g_strfreev);
  g_free (cd);
}

static gboolean
emit_changed_cb (gpointer data)
{
  ChangedData *cd = data;

  g_signal_emit (cd->store, signals[CHANGED], 0, cd->tables);
  return G_SOURCE_REMOVE;
}

static void
emit_changed (ScStore *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GList) keys = NULL;
  ChangedData *cd;

  if (g_hash_table_size (self->touched) == 0)
    return;

  builder = g_strv_builder_new ();
  keys = g_list_sort (g_hash_table_get_keys (self->touched), (GCompareFunc) g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  g_hash_table_remove_all (self->touched);

  cd = g_new0 (ChangedData, 1);
  cd->store = g_object_ref (self);
  cd->tables = g_strv_builder_end (builder);

  /* Listeners are widgets and models that live in the thread that opened
   * the store; work done in a worker thread tells them from there. */
  if (g_thread_self () == self->owner)
    {
      emit_changed_cb (cd);
      changed_data_free (cd);
    }
  else
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_changed_cb, cd,
                                changed_data_free);
}

void
_sc_store_set_error (ScStore  *self,
                     GError  **error)
{
  int code = sqlite3_errcode (self->db);
  int primary = code & 0xff;

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_FULL,
                   _("The disk holding “%s” is full: free some space and try again. Nothing was saved."),
                   self->path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   self->path, sqlite3_errmsg (self->db));
      break;

    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("This would create a duplicate (%s)"), sqlite3_errmsg (self->db));
      else
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("A value is not allowed here (%s)"), sqlite3_errmsg (self->db));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_OPEN,
                   _("Cannot write to “%s”: %s"), self->path, sqlite3_errmsg (self->db));
      break;

    default:
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_QUERY,
                   _("Database error in “%s”: %s"), self->path, sqlite3_errmsg (self->db));
      break;
    }
}

sqlite3_stmt *
_sc_store_prepare (ScStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return stmt;
}

gboolean
_sc_store_exec (ScStore     *self,
                const char  *sql,
                GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
_sc_store_step_done (ScStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Steps to the one row a look-up by key reads: FALSE with @error set when
 * there is none (%SC_STORE_ERROR_NOT_FOUND, saying @not_found) or the
 * database fails */
gboolean
_sc_store_step_row (ScStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error,
                    const char    *not_found,
                    ...)
{
  g_autofree char *message = NULL;
  int rc = sqlite3_step (stmt);
  va_list args;

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  va_start (args, not_found);
  message = g_strdup_vprintf (not_found, args);
  va_end (args);
  g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

void
_sc_store_touch (ScStore    *self,
                 const char *table)
{
  g_hash_table_add (self->touched, g_strdup (table));
}

void
_sc_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_sc_store_column_text (sqlite3_stmt *stmt,
                       int           index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

gboolean
sc_store_begin (ScStore  *self,
                GError  **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  g_rec_mutex_lock (&self->lock);

  if (self->depth == 0)
    {
      if (!_sc_store_exec (self, "BEGIN IMMEDIATE", error))
        {
          g_rec_mutex_unlock (&self->lock);
          return FALSE;
        }
      self->failed = FALSE;
    }

  self->depth++;
  return TRUE;
}

gboolean
sc_store_commit (ScStore  *self,
                 GError  **error)
{
  gboolean ret = TRUE;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;

  if (self->depth == 0)
    {
      if (self->failed)
        {
          _sc_store_exec (self, "ROLLBACK", NULL);
          g_hash_table_remove_all (self->touched);
          g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_QUERY,
                               _("The change was undone because a part of it failed"));
          ret = FALSE;
        }
      else if (!_sc_store_exec (self, "COMMIT", error))
        {
          _sc_store_exec (self, "ROLLBACK", NULL);
          g_hash_table_remove_all (self->touched);
          ret = FALSE;
        }
      else
        emit_changed (self);
    }

  g_rec_mutex_unlock (&self->lock);
  return ret;
}

void
sc_store_rollback (ScStore *self)
{
  g_return_if_fail (SC_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;

  if (self->depth == 0)
    {
      _sc_store_exec (self, "ROLLBACK", NULL);
      g_hash_table_remove_all (self->touched);
    }
  else
    self->failed = TRUE;

  g_rec_mutex_unlock (&self->lock);
}

static int
migration_number (const char *name)
{
  return (int) g_ascii_strtoll (name, NULL, 10);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".sql") && migration_number (children[i]) > 0)
      g_ptr_array_add (names, g_strdup (children[i]));

  g_ptr_array_sort (names, compare_names);
  return names;
}

int
sc_store_get_latest_version (void)
{
  g_autoptr(GPtrArray) names = list_migrations ();

  if (names->len == 0)
    return 0;

  return migration_number (g_ptr_array_index (names, names->len - 1));
}

static int
read_user_version (ScStore  *self,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

gboolean
sc_store_copy_to (ScStore     *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  g_unlink (path);

  stmt = _sc_store_prepare (self, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;

  g_chmod (path, 0600);
  return TRUE;
}

static gboolean
migrate (ScStore  *self,
         int       target,
         GError  **error)
{
  g_autoptr(GPtrArray) names = list_migrations ();
  int current;

  current = read_user_version (self, error);
  if (current < 0)
    return FALSE;

  if (current > sc_store_get_latest_version ())
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer Shiftcraft (schema %d; this version knows up to %d). Update Shiftcraft to open it."),
                   self->path, current, sc_store_get_latest_version ());
      return FALSE;
    }

  if (current >= target)
    {
      self->schema_version = current;
      return TRUE;
    }

  /* Keep a copy of the data as it was before the schema changes */
  if (current > 0)
    {
      g_autofree char *copy = g_strdup_printf ("%s.schema-%d.bak", self->path, current);

      if (!sc_store_copy_to (self, copy, error))
        return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int number = migration_number (name);
      g_autofree char *resource = NULL;
      g_autofree char *pragma = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(GError) local_error = NULL;

      if (number <= current || number > target)
        continue;

      resource = g_build_path ("/", MIGRATIONS_PATH, name, NULL);
      bytes = g_resources_lookup_data (resource, 0, &local_error);
      if (bytes == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);

      if (!sc_store_begin (self, error))
        return FALSE;

      if (!_sc_store_exec (self, sql, &local_error) ||
          !_sc_store_exec (self, pragma, &local_error))
        {
          sc_store_rollback (self);
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_MIGRATE,
                       _("Cannot update the database “%s” to schema %d: %s"),
                       self->path, number, local_error->message);
          return FALSE;
        }

      if (!sc_store_commit (self, error))
        return FALSE;

      self->schema_version = number;
    }

  return TRUE;
}

static void
sc_store_finalize (GObject *object)
{
  ScStore *self = (ScStore *) object;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sc_store_parent_class)->finalize (object);
}

static void
sc_store_class_init (ScStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_store_finalize;

  /**
   * ScStore::changed:
   * @tables: the names of the tables a committed transaction wrote to
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
sc_store_init (ScStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
}

/**
 * sc_store_default_path:
 * Returns: (transfer full): `$SHIFTCRAFT_DATABASE`, or the database in the
 *   user's data folder
 */
char *
sc_store_default_path (void)
{
  const char *env = g_getenv ("SHIFTCRAFT_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "shiftcraft", "shiftcraft.db", NULL);
}

static gboolean
create_file_private (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

ScStore *
_sc_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  g_autoptr(ScStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!create_file_private (path, error))
    return NULL;

  self = g_object_new (SC_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  /* The first read tells whether this is a database at all */
  if (!_sc_store_exec (self, "PRAGMA journal_mode = WAL", &local_error) ||
      !_sc_store_exec (self, "PRAGMA foreign_keys = ON", &local_error) ||
      !_sc_store_exec (self, "PRAGMA synchronous = NORMAL", &local_error))
    {
      if (g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_CORRUPT) ||
          (sqlite3_errcode (self->db) & 0xff) == SQLITE_NOTADB)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CORRUPT,
                     _("“%s” is not a Shiftcraft database, or it is damaged. Restore it from a backup or open another file."),
                     path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * sc_store_open:
 * @path: the database file; created (mode 0600) when missing
 *
 * Opens the database and brings its schema up to date, keeping a copy of
 * the file as it was before any change to the schema.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
ScStore *
sc_store_open (const char  *path,
               GError     **error)
{
  return _sc_store_open_at_version (path, sc_store_get_latest_version (), error);
}

const char *
sc_store_get_path (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  return self->path;
}

int
sc_store_get_schema_version (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * sc_store_is_empty:
 * Returns: %TRUE when the database holds no people yet
 */
gboolean
sc_store_is_empty (ScStore *self)
{
  g_return_val_if_fail (SC_IS_STORE (self), TRUE);
  return sc_store_count_people (self, TRUE) == 0;
}

static gboolean
is_wider_than (const char *path,
               guint       mode,
               gboolean    only_if_owned)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;

  if (only_if_owned && st.st_uid != getuid ())
    return FALSE;

  return (st.st_mode & 0777 & ~mode) != 0;
}

/**
 * sc_store_check_private:
 * @problem: (out) (optional): what is wrong, for the user
 *
 * Checks that the database file can be read by its owner only (0600) and
 * that the owner's folder holding it is closed to others (0700). A shared
 * folder not owned by the user (like /tmp) is left alone.
 *
 * Returns: %TRUE when the permissions are as they should be
 */
gboolean
sc_store_check_private (const char  *path,
                        char       **problem)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (is_wider_than (path, 0600, FALSE))
    {
      if (problem)
        *problem = g_strdup_printf (_("Other users of this computer can read the database “%s”."), path);
      return FALSE;
    }

  if (is_wider_than (dir, 0700, TRUE))
    {
      if (problem)
        *problem = g_strdup_printf (_("Other users of this computer can open the folder “%s” that holds the database."), dir);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_store_make_private:
 *
 * Sets the database file (and its journal files) to 0600 and the user's
 * folder holding it to 0700.
 */
gboolean
sc_store_make_private (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS) && g_chmod (file, 0600) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot change the permissions of “%s”: %s"), file, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (is_wider_than (dir, 0700, TRUE) && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot change the permissions of “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Time, as the store keeps it: seconds since 1970 (or the tests' clock),
 * written in UTC as 2026-11-26T09:30:00Z */

gint64
_sc_store_now (ScStore *self)
{
  if (self->clock != NULL)
    return self->clock ();

  return g_get_real_time () / G_USEC_PER_SEC;
}

char *
_sc_store_format_utc (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_sc_store_now_text (ScStore *self)
{
  return _sc_store_format_utc (_sc_store_now (self));
}

/* 0 when @text is not a time */
gint64
_sc_store_parse_utc (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || !(dt = g_date_time_new_from_iso8601 (text, NULL)))
    return 0;

  return g_date_time_to_unix (dt);
}

/* Each of @first_day and @last_day is %NULL or a valid YYYY-MM-DD day */
gboolean
_sc_store_check_range (const char  *first_day,
                       const char  *last_day,
                       GError     **error)
{
  const char *bad = NULL;

  if (first_day != NULL && !sc_day_is_valid (first_day))
    bad = first_day;
  else if (last_day != NULL && !sc_day_is_valid (last_day))
    bad = last_day;

  if (bad != NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("“%s” is not a day: write it as YYYY-MM-DD"), bad);
      return FALSE;
    }

  return TRUE;
}
