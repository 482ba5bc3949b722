/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_CREDENTIAL_PASSPHRASE,
  SC_CREDENTIAL_PIN,
} ScCredentialKind;

#define SC_CREDENTIAL_ERROR (sc_credential_error_quark ())

typedef enum
{
  SC_CREDENTIAL_ERROR_WEAK,
  SC_CREDENTIAL_ERROR_HASH,
} ScCredentialError;

#define SC_PIN_MIN_DIGITS       6
#define SC_PASSPHRASE_MIN_CHARS 8

GQuark       sc_credential_error_quark   (void);

const char  *sc_credential_kind_to_string   (ScCredentialKind  kind);
gboolean     sc_credential_kind_from_string (const char       *str,
                                             ScCredentialKind *kind);
gboolean     sc_credential_check_rules   (ScCredentialKind   kind,
                                          const char        *secret,
                                          GError           **error);
int          sc_credential_strength      (const char        *secret);
const char  *sc_credential_strength_hint (const char        *secret);
char        *sc_credential_hash          (const char        *secret,
                                          GError           **error);
gboolean     sc_credential_verify        (const char        *encoded,
                                          const char        *secret,
                                          gboolean          *needs_rehash);
char        *sc_credential_generate_pin  (void);

G_END_DECLS
