/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-credential"

#include "config.h"

#include <argon2.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-credential.h"

/*
 * Passphrases and PINs are kept only as Argon2id hashes in the encoded form
 * ($argon2id$v=19$m=…,t=…,p=…$salt$hash), which records the parameters
 * with each hash. When the parameters below are raised, a hash made with
 * weaker ones is replaced at the next successful sign-in.
 */

#define HASH_TIME_COST    2
#define HASH_MEMORY_KIB   19456   /* 19 MiB */
#define HASH_PARALLELISM  1
#define HASH_SALT_LENGTH  16
#define HASH_LENGTH       32

G_DEFINE_QUARK (sc-credential-error-quark, sc_credential_error)

const char *
sc_credential_kind_to_string (ScCredentialKind kind)
{
  return kind == SC_CREDENTIAL_PIN ? "pin" : "passphrase";
}

gboolean
sc_credential_kind_from_string (const char       *str,
                                ScCredentialKind *kind)
{
  if (g_strcmp0 (str, "pin") == 0)
    *kind = SC_CREDENTIAL_PIN;
  else if (g_strcmp0 (str, "passphrase") == 0)
    *kind = SC_CREDENTIAL_PASSPHRASE;
  else
    return FALSE;

  return TRUE;
}

/**
 * sc_credential_check_rules:
 *
 * A PIN is at least six digits and not one digit repeated or a plain run
 * like 123456; a passphrase is at least eight characters.
 */
gboolean
sc_credential_check_rules (ScCredentialKind   kind,
                           const char        *secret,
                           GError           **error)
{
  gsize len;

  if (secret == NULL)
    secret = "";

  len = g_utf8_strlen (secret, -1);

  if (kind == SC_CREDENTIAL_PIN)
    {
      gboolean same = TRUE;
      gboolean run_up = TRUE;
      gboolean run_down = TRUE;

      for (const char *p = secret; *p; p++)
        {
          if (!g_ascii_isdigit (*p))
            {
              g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK,
                           _("A PIN may contain only digits (0–9)"));
              return FALSE;
            }
        }

      if (len < SC_PIN_MIN_DIGITS)
        {
          g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK,
                       _("A PIN needs at least %d digits"), SC_PIN_MIN_DIGITS);
          return FALSE;
        }

      for (gsize i = 1; i < len; i++)
        {
          same = same && secret[i] == secret[0];
          run_up = run_up && secret[i] == secret[i - 1] + 1;
          run_down = run_down && secret[i] == secret[i - 1] - 1;
        }

      if (same || run_up || run_down)
        {
          g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK,
                       _("This PIN is too easy to guess: avoid repeated digits and runs like 123456"));
          return FALSE;
        }

      return TRUE;
    }

  if (len < SC_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK,
                   _("A passphrase needs at least %d characters"), SC_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_credential_strength:
 * Returns: a rough strength from 0 (very weak) to 4 (strong), for a hint
 */
int
sc_credential_strength (const char *secret)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  g_autoptr(GHashTable) distinct = g_hash_table_new (NULL, NULL);
  gsize len;
  int classes;
  int score;

  if (secret == NULL || *secret == '\0')
    return 0;

  len = g_utf8_strlen (secret, -1);
  for (const char *p = secret; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_hash_table_add (distinct, GUINT_TO_POINTER (c));
      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE; /* punctuation, spaces, Chinese characters */
    }

  classes = lower + upper + digit + other;
  score = len >= 20 ? 3 : len >= 14 ? 2 : len >= 10 ? 1 : 0;
  if (classes >= 3)
    score++;
  if (g_hash_table_size (distinct) < len / 2 + 1)
    score--;

  return CLAMP (score, 0, 4);
}

const char *
sc_credential_strength_hint (const char *secret)
{
  switch (sc_credential_strength (secret))
    {
    case 0:
      return _("Very weak: use a few words that belong together only for you");
    case 1:
      return _("Weak: make it longer");
    case 2:
      return _("Fair: a few more characters make it strong");
    case 3:
      return _("Good");
    default:
      return _("Strong");
    }
}

static gboolean
read_random (guint8 *buffer,
             gsize   length)
{
  FILE *f = fopen ("/dev/urandom", "rb");
  gsize n;

  if (f == NULL)
    return FALSE;

  n = fread (buffer, 1, length, f);
  fclose (f);
  return n == length;
}

/**
 * sc_credential_hash:
 * Returns: (transfer full): the encoded Argon2id hash of @secret
 */
char *
sc_credential_hash (const char  *secret,
                    GError     **error)
{
  guint8 salt[HASH_SALT_LENGTH];
  gsize encoded_len;
  g_autofree char *encoded = NULL;
  int rc;

  g_return_val_if_fail (secret != NULL, NULL);

  if (!read_random (salt, sizeof salt))
    {
      g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_HASH,
                   _("Cannot protect the credential: the system has no source of random numbers"));
      return NULL;
    }

  encoded_len = argon2_encodedlen (HASH_TIME_COST, HASH_MEMORY_KIB, HASH_PARALLELISM,
                                   HASH_SALT_LENGTH, HASH_LENGTH, Argon2_id);
  encoded = g_malloc0 (encoded_len);

  rc = argon2id_hash_encoded (HASH_TIME_COST, HASH_MEMORY_KIB, HASH_PARALLELISM,
                              secret, strlen (secret), salt, sizeof salt, HASH_LENGTH,
                              encoded, encoded_len);
  if (rc != ARGON2_OK)
    {
      g_set_error (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_HASH,
                   _("Cannot protect the credential: %s"), argon2_error_message (rc));
      return NULL;
    }

  return g_steal_pointer (&encoded);
}

static gboolean
parameters_are_current (const char *encoded)
{
  unsigned int version = 0, m = 0, t = 0, p = 0;

  if (sscanf (encoded, "$argon2id$v=%u$m=%u,t=%u,p=%u$", &version, &m, &t, &p) != 4)
    return FALSE;

  return version >= ARGON2_VERSION_NUMBER && m >= HASH_MEMORY_KIB && t >= HASH_TIME_COST;
}

/**
 * sc_credential_verify:
 * @needs_rehash: (out) (optional): set when the hash was made with weaker
 *   parameters than today's and should be replaced
 *
 * Returns: %TRUE when @secret matches @encoded
 */
gboolean
sc_credential_verify (const char *encoded,
                      const char *secret,
                      gboolean   *needs_rehash)
{
  gboolean ok;

  if (needs_rehash)
    *needs_rehash = FALSE;

  if (encoded == NULL || secret == NULL || !g_str_has_prefix (encoded, "$argon2id$"))
    return FALSE;

  ok = argon2id_verify (encoded, secret, strlen (secret)) == ARGON2_OK;

  if (ok && needs_rehash)
    *needs_rehash = !parameters_are_current (encoded);

  return ok;
}

/**
 * sc_credential_generate_pin:
 * Returns: (transfer full): a random PIN of %SC_PIN_MIN_DIGITS digits that
 *   passes sc_credential_check_rules()
 */
char *
sc_credential_generate_pin (void)
{
  for (;;)
    {
      char pin[SC_PIN_MIN_DIGITS + 1];

      for (guint i = 0; i < SC_PIN_MIN_DIGITS; i++)
        pin[i] = '0' + g_random_int_range (0, 10);
      pin[SC_PIN_MIN_DIGITS] = '\0';

      if (sc_credential_check_rules (SC_CREDENTIAL_PIN, pin, NULL))
        return g_strdup (pin);
    }
}
