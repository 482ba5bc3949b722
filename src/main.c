/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shiftcraft"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sc-application.h"
#include "sc-cli.h"

static gboolean
wants_cli (int    argc,
           char **argv)
{
  const char *word;

  if (argc < 2)
    return FALSE;

  word = argv[1];
  return sc_cli_is_command (word) ||
         g_strcmp0 (word, "--help") == 0 ||
         g_strcmp0 (word, "-h") == 0 ||
         g_strcmp0 (word, "help") == 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");

  localedir = g_getenv ("SHIFTCRAFT_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (wants_cli (argc, argv))
    return sc_cli_run (argc, argv);

  app = sc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
