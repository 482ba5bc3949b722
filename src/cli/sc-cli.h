/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-store.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CLI_EXIT_OK = 0,
  SC_CLI_EXIT_FAILURE = 1,
  SC_CLI_EXIT_USAGE = 2,
} ScCliExit;

gboolean sc_cli_is_command    (const char    *word);
int      sc_cli_run           (int            argc,
                               char         **argv);

/* For the commands' own files */
void     sc_cli_fail          (const char    *format,
                               ...) G_GNUC_PRINTF (1, 2);
gboolean sc_cli_parse_options (GOptionEntry  *entries,
                               int            argc,
                               char         **argv,
                               GStrv         *args,
                               GError       **error);
ScStore *sc_cli_open_store    (const char    *database,
                               GError       **error);

G_END_DECLS
