/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

int sc_cli_run_publish    (ScStore    *store,
                           ScSession  *session,
                           const char *argument);
int sc_cli_run_export_ics (int         argc,
                           char      **argv);
int sc_cli_run_import_ics (int         argc,
                           char      **argv);

G_END_DECLS
