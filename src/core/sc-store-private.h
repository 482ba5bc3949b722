/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "sc-store.h"

G_BEGIN_DECLS

struct _ScStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  GMainContext *context;
  GThread      *owner;
  int           schema_version;

  /* Transaction state */
  GRecMutex     lock;
  guint         depth;
  gboolean      failed;
  GHashTable   *touched;

  /* Tests set a clock to check waiting times without waiting */
  gint64      (*clock) (void);
};

sqlite3_stmt *_sc_store_prepare       (ScStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _sc_store_exec          (ScStore      *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      _sc_store_step_done     (ScStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
gboolean      _sc_store_step_row      (ScStore      *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error,
                                       const char   *not_found,
                                       ...) G_GNUC_PRINTF (4, 5);
void          _sc_store_set_error     (ScStore      *self,
                                       GError      **error);
void          _sc_store_touch         (ScStore      *self,
                                       const char   *table);
void          _sc_store_bind_text     (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
const char   *_sc_store_column_text   (sqlite3_stmt *stmt,
                                       int           index);
gboolean      _sc_store_audit         (ScStore      *self,
                                       ScSession    *session,
                                       const char   *action,
                                       const char   *table,
                                       gint64        row_id,
                                       const char   *summary,
                                       GError      **error);
ScPerson     *_sc_store_get_person_unchecked (ScStore  *self,
                                              gint64    id,
                                              GError  **error);
ScStore      *_sc_store_open_at_version (const char *path,
                                         int         version,
                                         GError    **error);

gboolean      _sc_store_check_range   (const char   *first_day,
                                       const char   *last_day,
                                       GError      **error);
gboolean      _sc_store_take_unseen   (ScStore      *self,
                                       const char   *select_sql,
                                       const char   *mark_sql,
                                       const char   *table,
                                       gint64        person_id,
                                       gpointer    (*from_row) (sqlite3_stmt *stmt),
                                       GPtrArray    *list,
                                       GError      **error);
gint64        _sc_store_now           (ScStore      *self);
char         *_sc_store_now_text      (ScStore      *self);
char         *_sc_store_format_utc    (gint64        seconds);
gint64        _sc_store_parse_utc     (const char   *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
