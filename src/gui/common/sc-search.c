/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-search"

#include "config.h"

#include <string.h>

#include "sc-search.h"

/*
 * What the search entries of the pages compare: text normalised and case
 * folded, so that “wang” finds “Wang” and full-width letters find their
 * ASCII twins; Chinese text is compared as it is.
 */

/**
 * sc_search_key_new:
 * Returns: (transfer full) (nullable): @text made ready for comparing
 */
char *
sc_search_key_new (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

/**
 * sc_search_key_matches:
 * @key: a key from sc_search_key_new()
 *
 * Returns: %TRUE when @text contains @key
 */
gboolean
sc_search_key_matches (const char *text,
                       const char *key)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  folded = sc_search_key_new (text);
  return folded != NULL && strstr (folded, key) != NULL;
}
