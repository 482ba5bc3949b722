/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  sc_cli_import_questions  (int    argc,
                               char **argv);
int  sc_cli_export_questions  (int    argc,
                               char **argv);

G_END_DECLS
