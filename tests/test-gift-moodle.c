/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "sc-test-util.h"

/*
 * Moodle's own import test cases, read by `shiftcraft import-questions FILE
 * --dry-run --json` and compared field by field with what Moodle makes of
 * them.
 *
 * Each folder under tests/data (moodle-gift, moodle-aiken, moodle-xml) holds
 * input files and, next to each, NAME.json with the expected result: either
 * the array of questions, or an object with “questions” and “problems” (the
 * lines the reader must complain about) for a file Moodle refuses. Only the
 * fields the expected objects name are compared, so the expectation states
 * what Moodle states and nothing else.
 */

static const char * const folders[] = { "moodle-gift", "moodle-aiken", "moodle-xml" };

typedef struct
{
  char *input;     /* full path */
  char *expected;  /* full path */
  char *name;      /* folder/file, for messages */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->input);
  g_free (c->expected);
  g_free (c->name);
  g_free (c);
}

static const char *
kind_name (JsonNode *node)
{
  if (node == NULL)
    return "nothing";
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a number";
    }
}

static char *
show (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  if (node == NULL)
    return g_strdup ("(missing)");
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Adds a line to @errors for each difference; @path names the field */
static void
compare (GString    *errors,
         const char *path,
         JsonNode   *expected,
         JsonNode   *actual)
{
  if (is_number (expected))
    {
      double want = json_node_get_double (expected);
      double got;

      if (!is_number (actual))
        goto mismatch;
      got = json_node_get_double (actual);
      if (fabs (want - got) > 1e-9 * MAX (1.0, fabs (want)))
        goto mismatch;
      return;
    }

  if (actual == NULL || json_node_get_node_type (expected) != json_node_get_node_type (actual))
    goto mismatch;

  switch (json_node_get_node_type (expected))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *want = json_node_get_object (expected);
        JsonObject *got = json_node_get_object (actual);
        g_autoptr(GList) members = json_object_get_members (want);

        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s%s%s", path, *path ? "." : "",
                                                    (const char *) l->data);

            compare (errors, sub, json_object_get_member (want, l->data),
                     json_object_get_member (got, l->data));
          }
        return;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *want = json_node_get_array (expected);
        JsonArray *got = json_node_get_array (actual);
        guint n_want = json_array_get_length (want);
        guint n_got = json_array_get_length (got);

        if (n_want != n_got)
          g_string_append_printf (errors, "  %s: expected %u items, got %u\n", path, n_want, n_got);
        for (guint i = 0; i < MIN (n_want, n_got); i++)
          {
            g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);

            compare (errors, sub, json_array_get_element (want, i),
                     json_array_get_element (got, i));
          }
        return;
      }

    case JSON_NODE_NULL:
      return;

    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (expected) != json_node_get_value_type (actual))
        goto mismatch;
      if (json_node_get_value_type (expected) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (expected) == json_node_get_boolean (actual))
        return;
      if (json_node_get_value_type (expected) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (expected), json_node_get_string (actual)) == 0)
        return;
      goto mismatch;
    }

mismatch:
  {
    g_autofree char *want = show (expected);
    g_autofree char *got = show (actual);

    g_string_append_printf (errors, "  %s: expected %s %s, got %s %s\n", path,
                            kind_name (expected), want, kind_name (actual), got);
  }
}

/* Runs the real binary, as someone checking the import would */
static int
run_import (const char  *input,
            char       **out,
            char       **err)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *binary = g_getenv ("SHIFTCRAFT_BINARY");
  const char *argv[] = { binary, "import-questions", input, "--dry-run", "--json", NULL };
  int status = -1;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "SHIFTCRAFT_DATABASE");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* The lines of “FILE:LINE: reason” messages on stderr */
static GArray *
problem_lines (const char *input,
               const char *err)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) rows = g_strsplit (err, "\n", -1);
  g_autofree char *prefix = g_strconcat (input, ":", NULL);

  for (guint i = 0; rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], prefix))
      {
        gint64 line = g_ascii_strtoll (rows[i] + strlen (prefix), NULL, 10);
        g_array_append_val (lines, line);
      }
  return lines;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(JsonParser) expected_parser = json_parser_new ();
  g_autoptr(JsonParser) actual_parser = json_parser_new ();
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) got_problems = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonNode *expected;
  JsonNode *questions;
  JsonArray *want_problems = NULL;
  JsonArray *want_questions;
  JsonArray *got_questions;
  int status;

  g_assert_true (json_parser_load_from_file (expected_parser, c->expected, &error));
  g_assert_no_error (error);
  expected = json_parser_get_root (expected_parser);
  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      JsonObject *object = json_node_get_object (expected);

      questions = json_object_get_member (object, "questions");
      want_problems = json_object_get_array_member (object, "problems");
    }
  else
    questions = expected;
  g_assert_true (JSON_NODE_HOLDS_ARRAY (questions));
  want_questions = json_node_get_array (questions);

  status = run_import (c->input, &out, &err);
  if (!json_parser_load_from_data (actual_parser, out, -1, &error))
    {
      g_test_message ("%s: the output is not JSON (%s); stderr: %s", c->name, error->message, err);
      g_test_fail ();
      return;
    }
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (actual_parser)));
  got_questions = json_node_get_array (json_parser_get_root (actual_parser));

  /* Problems: exactly the lines Moodle complains about, or none at all */
  got_problems = problem_lines (c->input, err);
  if (want_problems == NULL)
    {
      if (status != 0 || got_problems->len > 0)
        g_string_append_printf (errors, "  the import failed (exit %d): %s\n", status, err);
    }
  else
    {
      gboolean same = got_problems->len == json_array_get_length (want_problems) && status != 0;

      for (guint i = 0; same && i < got_problems->len; i++)
        same = g_array_index (got_problems, gint64, i) == json_array_get_int_element (want_problems, i);
      if (!same)
        {
          g_autofree char *want = show (json_object_get_member (json_node_get_object (expected), "problems"));
          g_string_append_printf (errors, "  problems: expected on lines %s, got (exit %d):\n%s",
                                  want, status, err);
        }
    }

  if (json_array_get_length (want_questions) != json_array_get_length (got_questions))
    g_string_append_printf (errors, "  expected %u questions, got %u\n",
                            json_array_get_length (want_questions),
                            json_array_get_length (got_questions));

  for (guint i = 0; i < MIN (json_array_get_length (want_questions),
                             json_array_get_length (got_questions)); i++)
    {
      JsonObject *want = json_array_get_object_element (want_questions, i);
      g_autofree char *path = g_strdup_printf ("question %u '%s'", i + 1,
                                               json_object_get_string_member_with_default (want, "name", ""));
      g_autoptr(GString) here = g_string_new (NULL);

      compare (here, "", json_array_get_element (want_questions, i),
               json_array_get_element (got_questions, i));
      if (here->len > 0)
        g_string_append_printf (errors, " %s:\n%s", path, here->str);
    }

  if (errors->len > 0)
    {
      g_test_message ("case %s differs from Moodle:\n%s", c->name, errors->str);
      g_test_fail ();
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Each input file with its expected NAME.json next to it */
static GPtrArray *
find_cases (void)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *entry;

      if (dir == NULL)
        continue;
      while ((entry = g_dir_read_name (dir)) != NULL)
        if (!g_str_has_suffix (entry, ".json") && !g_str_has_prefix (entry, "README"))
          g_ptr_array_add (names, g_strdup (entry));
      g_ptr_array_sort (names, compare_names);

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          const char *dot = strrchr (name, '.');
          g_autofree char *stem = dot ? g_strndup (name, dot - name) : g_strdup (name);
          g_autofree char *json = g_strconcat (stem, ".json", NULL);
          Case *c = g_new0 (Case, 1);

          c->input = g_build_filename (dir_path, name, NULL);
          c->expected = g_build_filename (dir_path, json, NULL);
          c->name = g_strdup_printf ("%s/%s", folders[f], name);
          g_ptr_array_add (cases, c);
        }
    }

  return cases;
}

static void
test_every_input_has_expectation (gconstpointer data)
{
  const GPtrArray *cases = data;
  guint per_folder[G_N_ELEMENTS (folders)] = { 0, };

  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index ((GPtrArray *) cases, i);

      if (!g_file_test (c->expected, G_FILE_TEST_EXISTS))
        {
          g_test_message ("%s has no expected result %s", c->name, c->expected);
          g_test_fail ();
        }
      for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
        if (g_str_has_prefix (c->name, folders[f]) && c->name[strlen (folders[f])] == '/')
          per_folder[f]++;
    }

  /* The GIFT cases are all there: every import test of giftformat_test.php */
  g_assert_cmpuint (per_folder[0], >=, 23);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cases = find_cases ();
  g_test_add_data_func ("/moodle/fixtures", cases, test_every_input_has_expectation);
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autofree char *path = g_strdup_printf ("/moodle/%s", c->name);

      if (g_file_test (c->expected, G_FILE_TEST_EXISTS))
        g_test_add_data_func (path, c, test_case);
    }

  return g_test_run ();
}
