/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-format-file"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-format-file.h"

/**
 * sc_format_file_write_private:
 *
 * Replaces @file atomically with @contents, readable by the user only
 * (what Shiftcraft writes holds personal data). A failure names the file.
 */
gboolean
sc_format_file_write_private (GFile         *file,
                              const char    *contents,
                              gsize          length,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_replace_contents (file, contents, length, NULL, FALSE,
                               G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = g_file_get_parse_name (file);
  g_set_error (error, local_error->domain, local_error->code,
               _("Cannot write “%s”: %s"), name, local_error->message);
  return FALSE;
}
