/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_BACKUP_ERROR (sc_backup_error_quark ())

typedef enum
{
  SC_BACKUP_ERROR_SYNTAX,
  SC_BACKUP_ERROR_FORMAT,
  SC_BACKUP_ERROR_VERSION,
} ScBackupError;

#define SC_BACKUP_FORMAT_VERSION 1

GQuark    sc_backup_error_quark  (void);

/* Blocking versions, for the CLI and for threads */
gboolean  sc_backup_write        (ScStore              *store,
                                  ScSession            *session,
                                  GFile                *file,
                                  GCancellable         *cancellable,
                                  GError              **error);
gboolean  sc_backup_restore      (ScStore              *store,
                                  ScSession            *session,
                                  GFile                *file,
                                  GCancellable         *cancellable,
                                  GError              **error);

/* Run in a worker thread, for the GUI */
void      sc_backup_write_async  (ScStore              *store,
                                  ScSession            *session,
                                  GFile                *file,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean  sc_backup_write_finish (GAsyncResult         *result,
                                  GError              **error);
void      sc_backup_restore_async (ScStore             *store,
                                   ScSession           *session,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean  sc_backup_restore_finish (GAsyncResult       *result,
                                    GError            **error);

G_END_DECLS
