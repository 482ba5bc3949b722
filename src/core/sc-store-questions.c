/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-questions"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * The question bank: categories (a tree, each perhaps standing for a
 * skill), questions with their choices, matching pairs and tags. Every
 * call is for trainers and supervisors: the bank holds the answer keys.
 */

#define DIFFICULTY_TAG "difficulty:"

static const char * const question_tables[] = {
  "question", "question_choice", "question_match_pair", "question_tag",
};

static void
touch_question_tables (ScStore *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (question_tables); i++)
    _sc_store_touch (self, question_tables[i]);
}

static gint64
find_category (ScStore     *self,
               gint64       parent_id,
               const char  *name,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT id FROM question_category WHERE ifnull (parent_id, 0) = ?1 AND name = ?2",
                            error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return -1;
    }
  return 0;
}

/* Inside the caller's transaction */
static gint64
ensure_category (ScStore     *self,
                 ScSession   *session,
                 const char  *path,
                 GError     **error)
{
  g_auto(GStrv) names = sc_question_category_path_split (path);
  gint64 parent_id = 0;

  if (names[0] == NULL)
    {
      g_strfreev (names);
      names = g_new0 (char *, 2);
      names[0] = g_strdup (C_("question category", "Default"));
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *summary = NULL;
      gint64 id = find_category (self, parent_id, names[i], error);

      if (id < 0)
        return 0;
      if (id > 0)
        {
          parent_id = id;
          continue;
        }

      stmt = _sc_store_prepare (self, "INSERT INTO question_category (parent_id, name) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return 0;
      if (parent_id != 0)
        sqlite3_bind_int64 (stmt, 1, parent_id);
      sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_TRANSIENT);
      if (!_sc_store_step_done (self, stmt, error))
        return 0;

      parent_id = sqlite3_last_insert_rowid (self->db);
      _sc_store_touch (self, "question_category");

      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) so_far = NULL;

        for (guint k = 0; k <= i; k++)
          g_strv_builder_add (builder, names[k]);
        so_far = g_strv_builder_end (builder);
        summary = sc_question_category_path_join (so_far);
      }
      if (!_sc_store_audit (self, session, "create", "question_category", parent_id, summary, error))
        return 0;
    }

  return parent_id;
}

/**
 * sc_store_ensure_question_category:
 * @path: a category path, such as “Complaint handling/Escalation”
 *
 * Returns: the id of the category at @path, made with any missing level,
 *   or 0 with @error set
 */
gint64
sc_store_ensure_question_category (ScStore     *self,
                                   ScSession   *session,
                                   const char  *path,
                                   GError     **error)
{
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return 0;
  if (!sc_store_begin (self, error))
    return 0;

  if ((id = ensure_category (self, session, path, error)) == 0)
    {
      sc_store_rollback (self);
      return 0;
    }

  if (!sc_store_commit (self, error))
    return 0;
  return id;
}

static char *
category_path (GHashTable *by_id,
               gint64      id)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_null_terminated (0, NULL, TRUE);

  for (guint depth = 0; id != 0 && depth < 64; depth++)
    {
      ScQuestionCategory *category = g_hash_table_lookup (by_id, &id);

      if (category == NULL)
        break;
      g_ptr_array_add (names, category->name);
      id = category->parent_id;
    }

  for (guint i = names->len; i > 0; i--)
    g_ptr_array_add (reversed, g_ptr_array_index (names, i - 1));
  return sc_question_category_path_join ((char **) reversed->pdata);
}

/**
 * sc_store_get_question_categories:
 * Returns: (transfer full) (element-type ScQuestionCategory): every
 *   category, ordered by path, with its path and number of questions
 */
GPtrArray *
sc_store_get_question_categories (ScStore    *self,
                                  ScSession  *session,
                                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT c.id, ifnull (c.parent_id, 0), c.name, ifnull (c.skill_id, 0),"
                            " (SELECT count (*) FROM question q WHERE q.category_id = c.id)"
                            " FROM question_category c ORDER BY c.id",
                            error);
  if (stmt == NULL)
    return NULL;

  categories = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_category_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScQuestionCategory *category = g_new0 (ScQuestionCategory, 1);

      category->id = sqlite3_column_int64 (stmt, 0);
      category->parent_id = sqlite3_column_int64 (stmt, 1);
      category->name = g_strdup (_sc_store_column_text (stmt, 2));
      category->skill_id = sqlite3_column_int64 (stmt, 3);
      category->n_questions = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (categories, category);
      g_hash_table_insert (by_id, &category->id, category);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);
      category->path = category_path (by_id, category->id);
    }

  return g_steal_pointer (&categories);
}

/**
 * sc_store_set_question_category_skill:
 * @skill_id: the skill the category's questions test, or 0 for none
 */
gboolean
sc_store_set_question_category_skill (ScStore     *self,
                                      ScSession   *session,
                                      gint64       category_id,
                                      gint64       skill_id,
                                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, "UPDATE question_category SET skill_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, category_id);
  if (skill_id != 0)
    sqlite3_bind_int64 (stmt, 2, skill_id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("This question category no longer exists"));
      goto failed;
    }

  _sc_store_touch (self, "question_category");
  summary = g_strdup_printf ("skill %lld", (long long) skill_id);
  if (!_sc_store_audit (self, session, "update", "question_category", category_id, summary, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/* Editing the tree of categories */

/* A category's parent, 0 at the top, or -1 with @error set when there is
 * no such category */
static gint64
category_parent (ScStore     *self,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT ifnull (parent_id, 0) FROM question_category WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("This question category no longer exists")))
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
count_rows (ScStore     *self,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, sql, error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _sc_store_set_error (self, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The name a category may take under @parent_id: not empty, not taken
 * by another category there. Returns the name trimmed, or %NULL. */
static char *
check_category_name (ScStore     *self,
                     gint64       parent_id,
                     gint64       id,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  gint64 other;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, _("A category needs a name"));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > 200)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A category’s name has at most 200 characters"));
      return NULL;
    }
  if ((other = find_category (self, parent_id, trimmed, error)) < 0)
    return NULL;
  if (other != 0 && other != id)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("There is already a category named “%s” there"), trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/**
 * sc_store_add_question_category:
 * @parent_id: the category it goes under, or 0 for the top level
 *
 * Returns: the new category's id, or 0 with @error set (an empty name,
 *   or one taken under that parent)
 */
gint64
sc_store_add_question_category (ScStore     *self,
                                ScSession   *session,
                                gint64       parent_id,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return 0;
  if (!sc_store_begin (self, error))
    return 0;

  if (parent_id != 0 && category_parent (self, parent_id, error) < 0)
    goto failed;
  if (!(trimmed = check_category_name (self, parent_id, 0, name, error)))
    goto failed;

  stmt = _sc_store_prepare (self, "INSERT INTO question_category (parent_id, name) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    goto failed;
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);

  _sc_store_touch (self, "question_category");
  if (!_sc_store_audit (self, session, "create", "question_category", id, trimmed, error))
    goto failed;
  if (!sc_store_commit (self, error))
    return 0;
  return id;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_rename_question_category:
 * Renames a category; its questions and subcategories stay in it.
 */
gboolean
sc_store_rename_question_category (ScStore     *self,
                                   ScSession   *session,
                                   gint64       id,
                                   const char  *name,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  gint64 parent_id;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  if ((parent_id = category_parent (self, id, error)) < 0)
    goto failed;
  if (!(trimmed = check_category_name (self, parent_id, id, name, error)))
    goto failed;

  stmt = _sc_store_prepare (self, "UPDATE question_category SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "question_category");
  if (!_sc_store_audit (self, session, "update", "question_category", id, trimmed, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_move_question_category:
 * @parent_id: the category to go under, or 0 for the top level
 *
 * Moves a category with its questions and subcategories. It cannot go
 * under itself or one of its own subcategories, nor next to one of the
 * same name.
 */
gboolean
sc_store_move_question_category (ScStore     *self,
                                 ScSession   *session,
                                 gint64       id,
                                 gint64       parent_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) name_stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *checked = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  if (category_parent (self, id, error) < 0)
    goto failed;

  /* Up from the new parent, never meeting the category itself */
  for (gint64 above = parent_id, depth = 0; above != 0; depth++)
    {
      if (above == id || depth > 64)
        {
          g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                               _("A category cannot go under itself or one of its subcategories"));
          goto failed;
        }
      if ((above = category_parent (self, above, error)) < 0)
        goto failed;
    }

  name_stmt = _sc_store_prepare (self, "SELECT name FROM question_category WHERE id = ?1", error);
  if (name_stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (name_stmt, 1, id);
  if (!_sc_store_step_row (self, name_stmt, error, _("This question category no longer exists")))
    goto failed;
  name = g_strdup (_sc_store_column_text (name_stmt, 0));
  if (!(checked = check_category_name (self, parent_id, id, name, error)))
    goto failed;

  stmt = _sc_store_prepare (self, "UPDATE question_category SET parent_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "question_category");
  summary = g_strdup_printf ("parent %lld", (long long) parent_id);
  if (!_sc_store_audit (self, session, "update", "question_category", id, summary, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_remove_question_category:
 *
 * Removes an empty category: one without questions, without
 * subcategories, and that no exam draws questions from.
 */
gboolean
sc_store_remove_question_category (ScStore     *self,
                                   ScSession   *session,
                                   gint64       id,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  if (category_parent (self, id, error) < 0)
    goto failed;
  if ((n = count_rows (self, "SELECT count (*) FROM question WHERE category_id = ?1", id, error)) < 0)
    goto failed;
  if (n > 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "This category holds %lld question: move or remove it first",
                                "This category holds %lld questions: move or remove them first", n),
                   (long long) n);
      goto failed;
    }
  if ((n = count_rows (self, "SELECT count (*) FROM question_category WHERE parent_id = ?1", id, error)) < 0)
    goto failed;
  if (n > 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "This category has %lld subcategory: move or remove it first",
                                "This category has %lld subcategories: move or remove them first", n),
                   (long long) n);
      goto failed;
    }
  if ((n = count_rows (self, "SELECT count (DISTINCT exam_id) FROM exam_draw_rule WHERE category_id = ?1", id,
                       error)) < 0)
    goto failed;
  if (n > 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%lld exam draws questions from this category: change its rules first",
                                "%lld exams draw questions from this category: change their rules first", n),
                   (long long) n);
      goto failed;
    }

  stmt = _sc_store_prepare (self, "DELETE FROM question_category WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;

  _sc_store_touch (self, "question_category");
  if (!_sc_store_audit (self, session, "delete", "question_category", id, NULL, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

static gboolean
is_difficulty_tag (const char *tag)
{
  return g_str_has_prefix (tag, DIFFICULTY_TAG);
}

/* The choices, pairs and tags of a question, replacing any it had */
static gboolean
write_parts (ScStore     *self,
             ScQuestion  *question,
             GError     **error)
{
  static const char * const clear[] = {
    "DELETE FROM question_choice WHERE question_id = ?1",
    "DELETE FROM question_match_pair WHERE question_id = ?1",
    "DELETE FROM question_tag WHERE question_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, clear[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, question->id);
      if (!_sc_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < question->answers->len; i++)
    {
      ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = _sc_store_prepare (self,
                                "INSERT INTO question_choice (question_id, position, text, fraction, feedback, tolerance)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, question->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, answer->text ? answer->text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 4, round (answer->fraction * 1e7) / 1e7);
      sqlite3_bind_text (stmt, 5, answer->feedback ? answer->feedback : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 6, answer->tolerance);
      if (!_sc_store_step_done (self, stmt, error))
        return FALSE;
      answer->id = sqlite3_last_insert_rowid (self->db);
    }

  for (guint i = 0; i < question->pairs->len; i++)
    {
      ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = _sc_store_prepare (self,
                                "INSERT INTO question_match_pair (question_id, position, question, answer)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, question->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, pair->question ? pair->question : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, pair->answer ? pair->answer : "", -1, SQLITE_TRANSIENT);
      if (!_sc_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < question->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (question->tags, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      /* The difficulty has its own column */
      if (is_difficulty_tag (tag))
        continue;

      stmt = _sc_store_prepare (self, "INSERT OR IGNORE INTO question_tag (question_id, tag) VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, question->id);
      sqlite3_bind_text (stmt, 2, tag, -1, SQLITE_TRANSIENT);
      if (!_sc_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_question (sqlite3_stmt *stmt,
               ScQuestion   *question)
{
  sqlite3_bind_int64 (stmt, 1, question->category_id);
  sqlite3_bind_text (stmt, 2, sc_question_type_to_string (question->type), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, question->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, question->text ? question->text : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, question->text_format, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, question->general_feedback ? question->general_feedback : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, question->single ? 1 : 0);
  sqlite3_bind_int (stmt, 8, question->case_sensitive ? 1 : 0);
  sqlite3_bind_int (stmt, 9, question->correct ? 1 : 0);
  sqlite3_bind_text (stmt, 10, question->feedback_true ? question->feedback_true : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, question->feedback_false ? question->feedback_false : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 12, question->difficulty);
  sqlite3_bind_double (stmt, 13, question->default_mark);
  _sc_store_bind_text (stmt, 14, question->idnumber);
}

/* Inside the caller's transaction */
static gboolean
insert_question (ScStore     *self,
                 ScSession   *session,
                 ScQuestion  *question,
                 GHashTable  *categories,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!sc_question_validate (question, error))
    return FALSE;

  if (question->category_id == 0)
    {
      const char *path = question->category ? question->category : "";
      gint64 *known = g_hash_table_lookup (categories, path);

      if (known == NULL)
        {
          gint64 id = ensure_category (self, session, path, error);

          if (id == 0)
            return FALSE;
          known = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (categories, g_strdup (path), known);
        }
      question->category_id = *known;
    }

  stmt = _sc_store_prepare (self,
                            "INSERT INTO question (category_id, type, name, text, text_format, general_feedback,"
                            " single, case_sensitive, correct, feedback_true, feedback_false, difficulty,"
                            " default_mark, idnumber)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;

  bind_question (stmt, question);
  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;

  question->id = sqlite3_last_insert_rowid (self->db);
  if (!write_parts (self, question, error))
    return FALSE;

  touch_question_tables (self);
  return _sc_store_audit (self, session, "create", "question", question->id, question->name, error);
}

/**
 * sc_store_add_questions:
 * @questions: (element-type ScQuestion): questions whose category is given
 *   by @category_id, or else by the path in @category
 *
 * Adds the questions in one transaction: all of them, or none when one
 * cannot be added. Their ids are set.
 */
gboolean
sc_store_add_questions (ScStore     *self,
                        ScSession   *session,
                        GPtrArray   *questions,
                        GError     **error)
{
  g_autoptr(GHashTable) categories = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (questions != NULL, FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < questions->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (questions, i);

      if (!insert_question (self, session, question, categories, error))
        {
          for (guint k = 0; k <= i; k++)
            ((ScQuestion *) g_ptr_array_index (questions, k))->id = 0;
          sc_store_rollback (self);
          return FALSE;
        }
    }

  return sc_store_commit (self, error);
}

/**
 * sc_store_add_question:
 * Adds one question; see sc_store_add_questions().
 */
gboolean
sc_store_add_question (ScStore     *self,
                       ScSession   *session,
                       ScQuestion  *question,
                       GError     **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, question);
  return sc_store_add_questions (self, session, one, error);
}

/**
 * sc_store_update_question:
 * Saves a changed question, replacing its choices, pairs and tags.
 */
gboolean
sc_store_update_question (ScStore     *self,
                          ScSession   *session,
                          ScQuestion  *question,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_question_validate (question, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "UPDATE question SET category_id = ?1, type = ?2, name = ?3, text = ?4,"
                            " text_format = ?5, general_feedback = ?6, single = ?7, case_sensitive = ?8,"
                            " correct = ?9, feedback_true = ?10, feedback_false = ?11, difficulty = ?12,"
                            " default_mark = ?13, idnumber = ?14 WHERE id = ?15",
                            error);
  if (stmt == NULL)
    goto failed;

  bind_question (stmt, question);
  sqlite3_bind_int64 (stmt, 15, question->id);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("This question no longer exists"));
      goto failed;
    }

  if (!write_parts (self, question, error))
    goto failed;

  touch_question_tables (self);
  if (!_sc_store_audit (self, session, "update", "question", question->id, question->name, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_remove_question:
 * Removes a question with its choices, pairs and tags.
 */
gboolean
sc_store_remove_question (ScStore     *self,
                          ScSession   *session,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_QUESTIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self, "DELETE FROM question WHERE id = ?1 RETURNING name", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_sc_store_step_row (self, stmt, error, _("This question no longer exists")))
    goto failed;
  name = g_strdup (_sc_store_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  touch_question_tables (self);
  if (!_sc_store_audit (self, session, "delete", "question", id, name, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

static ScQuestion *
question_from_row (sqlite3_stmt *stmt)
{
  ScQuestionType type = SC_QUESTION_TYPE_DESCRIPTION;
  ScQuestion *question;

  sc_question_type_from_string (_sc_store_column_text (stmt, 2), &type);
  question = sc_question_new (type);
  question->id = sqlite3_column_int64 (stmt, 0);
  question->category_id = sqlite3_column_int64 (stmt, 1);
  sc_question_set_string (&question->name, _sc_store_column_text (stmt, 3));
  sc_question_set_string (&question->text, _sc_store_column_text (stmt, 4));
  sc_question_set_string (&question->text_format, _sc_store_column_text (stmt, 5));
  sc_question_set_string (&question->general_feedback, _sc_store_column_text (stmt, 6));
  question->single = sqlite3_column_int (stmt, 7);
  question->case_sensitive = sqlite3_column_int (stmt, 8);
  question->correct = sqlite3_column_int (stmt, 9);
  sc_question_set_string (&question->feedback_true, _sc_store_column_text (stmt, 10));
  sc_question_set_string (&question->feedback_false, _sc_store_column_text (stmt, 11));
  question->difficulty = sqlite3_column_int (stmt, 12);
  question->default_mark = sqlite3_column_double (stmt, 13);
  if (sqlite3_column_type (stmt, 14) != SQLITE_NULL)
    question->idnumber = g_strdup (_sc_store_column_text (stmt, 14));
  return question;
}

static gboolean
read_parts (ScStore     *self,
            gint64       question_id,
            GHashTable  *by_id,
            GError     **error)
{
  static const char * const queries[] = {
    "SELECT question_id, id, text, fraction, feedback, tolerance FROM question_choice"
    " WHERE ?1 = 0 OR question_id = ?1 ORDER BY question_id, position",
    "SELECT question_id, question, answer FROM question_match_pair"
    " WHERE ?1 = 0 OR question_id = ?1 ORDER BY question_id, position",
    "SELECT question_id, tag FROM question_tag WHERE ?1 = 0 OR question_id = ?1 ORDER BY question_id, tag",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, queries[q], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, question_id);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 owner = sqlite3_column_int64 (stmt, 0);
          ScQuestion *question = g_hash_table_lookup (by_id, &owner);

          if (question == NULL)
            continue;

          if (q == 0)
            {
              ScQuestionAnswer *answer =
                sc_question_add_answer (question, _sc_store_column_text (stmt, 2),
                                        sqlite3_column_double (stmt, 3), _sc_store_column_text (stmt, 4));
              answer->id = sqlite3_column_int64 (stmt, 1);
              answer->tolerance = sqlite3_column_double (stmt, 5);
            }
          else if (q == 1)
            sc_question_add_pair (question, _sc_store_column_text (stmt, 1), _sc_store_column_text (stmt, 2));
          else
            sc_question_add_tag (question, _sc_store_column_text (stmt, 1));
        }

      if (rc != SQLITE_DONE)
        {
          _sc_store_set_error (self, error);
          return FALSE;
        }
    }

  return TRUE;
}

#define QUESTION_COLUMNS \
  "id, category_id, type, name, text, text_format, general_feedback, single, case_sensitive, correct," \
  " feedback_true, feedback_false, difficulty, default_mark, idnumber"

static GPtrArray *
load_questions (ScStore     *self,
                ScSession   *session,
                gint64       category_id,
                gboolean     with_subcategories,
                gint64       question_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) paths = NULL;
  int rc;

  if (!(categories = sc_store_get_question_categories (self, session, error)))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "WITH RECURSIVE tree (id) AS ("
                            "   SELECT id FROM question_category WHERE ?1 = 0 OR id = ?1"
                            "   UNION SELECT c.id FROM question_category c JOIN tree ON c.parent_id = tree.id"
                            "   WHERE ?2)"
                            " SELECT " QUESTION_COLUMNS " FROM question"
                            " WHERE category_id IN (SELECT id FROM tree) AND (?3 = 0 OR id = ?3) ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int (stmt, 2, with_subcategories || category_id == 0);
  sqlite3_bind_int64 (stmt, 3, question_id);

  questions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_unref);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  paths = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);
      g_hash_table_insert (paths, &category->id, category->path);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScQuestion *question = question_from_row (stmt);

      question->category = g_strdup (g_hash_table_lookup (paths, &question->category_id));
      g_ptr_array_add (questions, question);
      g_hash_table_insert (by_id, &question->id, question);
    }

  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  if (!read_parts (self, question_id, by_id, error))
    return NULL;

  return g_steal_pointer (&questions);
}

/**
 * sc_store_get_questions:
 * @category_id: a category, or 0 for the whole bank
 * @with_subcategories: include the questions of the categories under it
 *
 * Returns: (transfer full) (element-type ScQuestion): the questions with
 *   their answers, pairs, tags and category path, in the order they were
 *   added
 */
GPtrArray *
sc_store_get_questions (ScStore     *self,
                        ScSession   *session,
                        gint64       category_id,
                        gboolean     with_subcategories,
                        GError     **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  return load_questions (self, session, category_id, with_subcategories, 0, error);
}

/**
 * sc_store_get_question:
 * Returns: (transfer full): the question with its answer key
 */
ScQuestion *
sc_store_get_question (ScStore     *self,
                       ScSession   *session,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  if (!(found = load_questions (self, session, 0, TRUE, id, error)))
    return NULL;

  if (found->len == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("This question no longer exists"));
      return NULL;
    }

  return sc_question_ref (g_ptr_array_index (found, 0));
}

/**
 * sc_store_count_questions:
 * Returns: how many questions the bank holds; the count tells nothing of
 *   the answers, so it needs no permission
 */
guint
sc_store_count_questions (ScStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  stmt = _sc_store_prepare (self, "SELECT count (*) FROM question", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}
