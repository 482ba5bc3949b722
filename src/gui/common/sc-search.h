/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *sc_search_key_new     (const char *text);
gboolean  sc_search_key_matches (const char *text,
                                 const char *key);

G_END_DECLS
