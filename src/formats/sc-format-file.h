/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sc_format_file_write_private (GFile         *file,
                                       const char    *contents,
                                       gsize          length,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
