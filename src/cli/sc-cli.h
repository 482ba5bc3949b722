/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_CLI_EXIT_OK = 0,
  SC_CLI_EXIT_FAILURE = 1,
  SC_CLI_EXIT_USAGE = 2,
} ScCliExit;

gboolean sc_cli_is_command (const char  *word);
int      sc_cli_run        (int          argc,
                            char       **argv);

G_END_DECLS
