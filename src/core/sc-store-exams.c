/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-store-exams"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sc-exam-draw.h"
#include "sc-exam-grade.h"
#include "sc-permissions.h"
#include "sc-store-private.h"

/*
 * Certification exams: exams and their draw rules, attempts with their
 * frozen draws and saved answers, grading, essays, certifications and item
 * analysis. Times are UTC seconds inside, ISO 8601 text in the database;
 * every internal step takes the time “now” as an argument, so that a
 * trainer can record an attempt taken on paper at the time it was taken.
 */

#define EXAM_COLUMNS                                                                     \
  "id, name, description, ifnull (skill_id, 0), level, validity_months,"                 \
  " time_limit_minutes, overdue, grace_minutes, attempts_allowed, cooldown_hours,"        \
  " pass_percent, grading_method, shuffle_questions, shuffle_choices, review, available"

#define ATTEMPT_COLUMNS                                                                  \
  "a.id, a.exam_id, e.name, a.person_id, p.name, a.number, a.started, a.deadline,"        \
  " a.submitted, a.state, a.auto_submitted, a.score, a.max_score, a.percent, a.passed,"   \
  " (SELECT count (*) FROM exam_attempt_question q WHERE q.attempt_id = a.id),"          \
  " (SELECT count (*) FROM exam_attempt_question q WHERE q.attempt_id = a.id"            \
  "   AND q.response IS NOT NULL AND q.response <> ''),"                                  \
  " e.overdue, e.grace_minutes"

#define QUESTION_COLUMNS \
  "id, category_id, type, name, text, text_format, general_feedback, single, case_sensitive, correct," \
  " feedback_true, feedback_false, difficulty, default_mark, idnumber"

static const char * const review_keys[] = { "never", "after-submit", "after-pass" };
static const char * const state_keys[] = { "in-progress", "submitted", "abandoned" };

static char *
format_day (gint64 seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static int
key_index (const char * const *keys,
           guint               n_keys,
           const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

static void
touch_exam_tables (ScStore *self)
{
  _sc_store_touch (self, "exam");
  _sc_store_touch (self, "exam_draw_rule");
  _sc_store_touch (self, "exam_feedback_band");
}

static void
touch_attempt_tables (ScStore *self)
{
  _sc_store_touch (self, "exam_attempt");
  _sc_store_touch (self, "exam_attempt_question");
}

/* ---------------------------------------------------------------- exams */

static ScExam *
exam_from_row (sqlite3_stmt *stmt)
{
  ScExam *exam = sc_exam_new (_sc_store_column_text (stmt, 1));

  exam->id = sqlite3_column_int64 (stmt, 0);
  g_free (exam->description);
  exam->description = g_strdup (_sc_store_column_text (stmt, 2));
  exam->skill_id = sqlite3_column_int64 (stmt, 3);
  exam->level = sqlite3_column_int (stmt, 4);
  exam->validity_months = sqlite3_column_int (stmt, 5);
  exam->time_limit_minutes = sqlite3_column_int (stmt, 6);
  exam->overdue = g_strcmp0 (_sc_store_column_text (stmt, 7), "grace") == 0
                    ? SC_EXAM_OVERDUE_GRACE : SC_EXAM_OVERDUE_AUTOSUBMIT;
  exam->grace_minutes = sqlite3_column_int (stmt, 8);
  exam->attempts_allowed = sqlite3_column_int (stmt, 9);
  exam->cooldown_hours = sqlite3_column_int (stmt, 10);
  exam->pass_percent = sqlite3_column_double (stmt, 11);
  exam->grading_method = g_strcmp0 (_sc_store_column_text (stmt, 12), "last") == 0
                           ? SC_EXAM_GRADING_LAST : SC_EXAM_GRADING_HIGHEST;
  exam->shuffle_questions = sqlite3_column_int (stmt, 13);
  exam->shuffle_choices = sqlite3_column_int (stmt, 14);
  exam->review = key_index (review_keys, G_N_ELEMENTS (review_keys), _sc_store_column_text (stmt, 15));
  exam->available = sqlite3_column_int (stmt, 16);
  return exam;
}

static gboolean
read_exam_parts (ScStore  *self,
                 ScExam   *exam,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) rules = NULL;
  g_autoptr(sqlite3_stmt) bands = NULL;
  int rc;

  rules = _sc_store_prepare (self,
                             "SELECT ifnull (category_id, 0), with_subcategories, difficulty, count,"
                             " ifnull (question_id, 0) FROM exam_draw_rule WHERE exam_id = ?1 ORDER BY position",
                             error);
  if (rules == NULL)
    return FALSE;
  sqlite3_bind_int64 (rules, 1, exam->id);
  while ((rc = sqlite3_step (rules)) == SQLITE_ROW)
    {
      ScExamRule rule = {
        sqlite3_column_int64 (rules, 0), sqlite3_column_int (rules, 1), sqlite3_column_int (rules, 2),
        sqlite3_column_int (rules, 3), sqlite3_column_int64 (rules, 4),
      };
      g_array_append_val (exam->rules, rule);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  bands = _sc_store_prepare (self,
                             "SELECT min_percent, feedback FROM exam_feedback_band WHERE exam_id = ?1"
                             " ORDER BY min_percent DESC",
                             error);
  if (bands == NULL)
    return FALSE;
  sqlite3_bind_int64 (bands, 1, exam->id);
  while ((rc = sqlite3_step (bands)) == SQLITE_ROW)
    sc_exam_add_band (exam, sqlite3_column_double (bands, 0), _sc_store_column_text (bands, 1));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
load_exams (ScStore  *self,
            gint64    exam_id,
            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) exams = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_exam_free);
  int rc;

  stmt = _sc_store_prepare (self, "SELECT " EXAM_COLUMNS " FROM exam WHERE ?1 = 0 OR id = ?1 ORDER BY name",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, exam_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (exams, exam_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < exams->len; i++)
    if (!read_exam_parts (self, g_ptr_array_index (exams, i), error))
      return NULL;

  return g_steal_pointer (&exams);
}

/**
 * sc_store_get_exams:
 * Returns: (transfer full) (element-type ScExam): every exam with its draw
 *   rules and grade bands, by name. Exam settings hold no answer key:
 *   every signed-in person may read them.
 */
GPtrArray *
sc_store_get_exams (ScStore    *self,
                    ScSession  *session,
                    GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return load_exams (self, 0, error);
}

static ScExam *
get_exam (ScStore  *self,
          gint64    exam_id,
          GError  **error)
{
  g_autoptr(GPtrArray) found = load_exams (self, exam_id, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This exam no longer exists"));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * sc_store_get_exam:
 * Returns: (transfer full): the exam with its draw rules and grade bands
 */
ScExam *
sc_store_get_exam (ScStore    *self,
                   ScSession  *session,
                   gint64      exam_id,
                   GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return get_exam (self, exam_id, error);
}

static gboolean
validate_exam (ScExam  *exam,
               GError **error)
{
  if (exam->name == NULL || *g_strstrip (exam->name) == '\0')
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, _("An exam needs a name"));
      return FALSE;
    }
  if (!(exam->pass_percent >= 0 && exam->pass_percent <= 100))
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The pass mark of “%s” must be between 0 and 100 %%"), exam->name);
      return FALSE;
    }
  if (exam->time_limit_minutes < 0 || exam->time_limit_minutes > 1440 ||
      exam->grace_minutes < 0 || exam->grace_minutes > 1440)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The time limit and grace period of “%s” must be between 0 and 1440 minutes"), exam->name);
      return FALSE;
    }
  if (exam->attempts_allowed < 0 || exam->cooldown_hours < 0 ||
      exam->validity_months < 0 || exam->validity_months > 120)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The attempts, cool-down and validity of “%s” cannot be negative, and validity is at most 120 months"),
                   exam->name);
      return FALSE;
    }
  if ((guint) exam->level >= SC_N_LEVELS)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The level granted by “%s” is not Junior, Intermediate or Senior"), exam->name);
      return FALSE;
    }

  for (guint i = 0; i < exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (exam->rules, ScExamRule, i);

      if ((rule->category_id > 0) == (rule->question_id > 0) || rule->count < 1 ||
          rule->difficulty < 0 || rule->difficulty > 5)
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("Draw rule %u of “%s” must name either a category, with at least one question to draw and a difficulty from 0 (any) to 5, or one question"),
                       i + 1, exam->name);
          return FALSE;
        }
    }

  for (guint i = 0; i < exam->bands->len; i++)
    {
      ScExamFeedbackBand *band = &g_array_index (exam->bands, ScExamFeedbackBand, i);

      if (!(band->min_percent >= 0 && band->min_percent <= 100))
        {
          g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                       _("Grade band %u of “%s” must start between 0 and 100 %%"), i + 1, exam->name);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * sc_store_save_exam:
 * Adds @exam (its id 0; it gets one) or replaces it with its rules and
 * bands. Attempts already started keep the draw they froze.
 */
gboolean
sc_store_save_exam (ScStore    *self,
                    ScSession  *session,
                    ScExam     *exam,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_new;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);
  g_return_val_if_fail (exam != NULL, FALSE);

  if (!sc_permission_check (session, SC_OPERATION_EXAMS_WRITE, 0, error))
    return FALSE;
  if (!validate_exam (exam, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  is_new = exam->id == 0;
  stmt = _sc_store_prepare (self,
                            is_new
                            ? "INSERT INTO exam (name, description, skill_id, level, validity_months,"
                              " time_limit_minutes, overdue, grace_minutes, attempts_allowed, cooldown_hours,"
                              " pass_percent, grading_method, shuffle_questions, shuffle_choices, review, available)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                            : "UPDATE exam SET name = ?1, description = ?2, skill_id = ?3, level = ?4,"
                              " validity_months = ?5, time_limit_minutes = ?6, overdue = ?7, grace_minutes = ?8,"
                              " attempts_allowed = ?9, cooldown_hours = ?10, pass_percent = ?11,"
                              " grading_method = ?12, shuffle_questions = ?13, shuffle_choices = ?14,"
                              " review = ?15, available = ?16 WHERE id = ?17",
                            error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_text (stmt, 1, exam->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, exam->description ? exam->description : "", -1, SQLITE_TRANSIENT);
  if (exam->skill_id > 0)
    sqlite3_bind_int64 (stmt, 3, exam->skill_id);
  sqlite3_bind_int (stmt, 4, exam->level);
  sqlite3_bind_int (stmt, 5, exam->validity_months);
  sqlite3_bind_int (stmt, 6, exam->time_limit_minutes);
  sqlite3_bind_text (stmt, 7, exam->overdue == SC_EXAM_OVERDUE_GRACE ? "grace" : "autosubmit", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, exam->grace_minutes);
  sqlite3_bind_int (stmt, 9, exam->attempts_allowed);
  sqlite3_bind_int (stmt, 10, exam->cooldown_hours);
  sqlite3_bind_double (stmt, 11, exam->pass_percent);
  sqlite3_bind_text (stmt, 12, exam->grading_method == SC_EXAM_GRADING_LAST ? "last" : "highest", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, 13, exam->shuffle_questions ? 1 : 0);
  sqlite3_bind_int (stmt, 14, exam->shuffle_choices ? 1 : 0);
  sqlite3_bind_text (stmt, 15, review_keys[CLAMP ((guint) exam->review, 0, G_N_ELEMENTS (review_keys) - 1)],
                     -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 16, exam->available ? 1 : 0);
  if (!is_new)
    sqlite3_bind_int64 (stmt, 17, exam->id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                     _("There is already an exam called “%s”"), exam->name);
      else if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
        g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                     _("The skill of exam “%s” no longer exists"), exam->name);
      else
        _sc_store_set_error (self, error);
      goto failed;
    }
  if (is_new)
    exam->id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This exam no longer exists"));
      goto failed;
    }

  {
    static const char * const clear[] = {
      "DELETE FROM exam_draw_rule WHERE exam_id = ?1",
      "DELETE FROM exam_feedback_band WHERE exam_id = ?1",
    };

    for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
      {
        g_autoptr(sqlite3_stmt) del = _sc_store_prepare (self, clear[i], error);

        if (del == NULL)
          goto failed;
        sqlite3_bind_int64 (del, 1, exam->id);
        if (!_sc_store_step_done (self, del, error))
          goto failed;
      }
  }

  for (guint i = 0; i < exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (exam->rules, ScExamRule, i);
      g_autoptr(sqlite3_stmt) ins = NULL;

      ins = _sc_store_prepare (self,
                               "INSERT INTO exam_draw_rule (exam_id, position, category_id, with_subcategories,"
                               " difficulty, count, question_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
      if (ins == NULL)
        goto failed;
      sqlite3_bind_int64 (ins, 1, exam->id);
      sqlite3_bind_int (ins, 2, i);
      if (rule->category_id > 0)
        sqlite3_bind_int64 (ins, 3, rule->category_id);
      sqlite3_bind_int (ins, 4, rule->with_subcategories ? 1 : 0);
      sqlite3_bind_int (ins, 5, rule->difficulty);
      sqlite3_bind_int (ins, 6, rule->question_id > 0 ? 1 : rule->count);
      if (rule->question_id > 0)
        sqlite3_bind_int64 (ins, 7, rule->question_id);
      if (sqlite3_step (ins) != SQLITE_DONE)
        {
          if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
            g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                         _("Draw rule %u of “%s” names a category or question that no longer exists"),
                         i + 1, exam->name);
          else
            _sc_store_set_error (self, error);
          goto failed;
        }
    }

  for (guint i = 0; i < exam->bands->len; i++)
    {
      ScExamFeedbackBand *band = &g_array_index (exam->bands, ScExamFeedbackBand, i);
      g_autoptr(sqlite3_stmt) ins = NULL;

      ins = _sc_store_prepare (self,
                               "INSERT OR REPLACE INTO exam_feedback_band (exam_id, min_percent, feedback)"
                               " VALUES (?1, ?2, ?3)",
                               error);
      if (ins == NULL)
        goto failed;
      sqlite3_bind_int64 (ins, 1, exam->id);
      sqlite3_bind_double (ins, 2, band->min_percent);
      sqlite3_bind_text (ins, 3, band->feedback ? band->feedback : "", -1, SQLITE_TRANSIENT);
      if (!_sc_store_step_done (self, ins, error))
        goto failed;
    }

  touch_exam_tables (self);
  if (!_sc_store_audit (self, session, is_new ? "create" : "update", "exam", exam->id, exam->name, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_remove_exam:
 * Removes an exam nobody has attempted; one with attempts is made
 * unavailable instead (set #ScExam.available), to keep the results.
 */
gboolean
sc_store_remove_exam (ScStore    *self,
                      ScSession  *session,
                      gint64      exam_id,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_EXAMS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  count = _sc_store_prepare (self, "SELECT count (*) FROM exam_attempt WHERE exam_id = ?1", error);
  if (count == NULL)
    goto failed;
  sqlite3_bind_int64 (count, 1, exam_id);
  if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int (count, 0) > 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT,
                           _("This exam has attempts and cannot be removed; make it unavailable instead"));
      goto failed;
    }

  del = _sc_store_prepare (self, "DELETE FROM exam WHERE id = ?1", error);
  if (del == NULL)
    goto failed;
  sqlite3_bind_int64 (del, 1, exam_id);
  if (!_sc_store_step_done (self, del, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This exam no longer exists"));
      goto failed;
    }

  touch_exam_tables (self);
  _sc_store_touch (self, "exam_extra_time");
  if (!_sc_store_audit (self, session, "delete", "exam", exam_id, NULL, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_set_exam_extra_time:
 * @minutes: added to the exam's time limit for @person_id; 0 removes it
 */
gboolean
sc_store_set_exam_extra_time (ScStore    *self,
                              ScSession  *session,
                              gint64      exam_id,
                              gint64      person_id,
                              int         minutes,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_EXAMS_WRITE, 0, error))
    return FALSE;
  if (minutes < 0 || minutes > 1440)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("Extra time must be between 0 and 1440 minutes"));
      return FALSE;
    }
  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            minutes == 0
                            ? "DELETE FROM exam_extra_time WHERE exam_id = ?1 AND person_id = ?2"
                            : "INSERT INTO exam_extra_time (exam_id, person_id, minutes) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (exam_id, person_id) DO UPDATE SET minutes = excluded.minutes",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, exam_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (minutes > 0)
    sqlite3_bind_int (stmt, 3, minutes);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                             _("This exam or person no longer exists"));
      else
        _sc_store_set_error (self, error);
      goto failed;
    }

  _sc_store_touch (self, "exam_extra_time");
  summary = g_strdup_printf ("person %lld: %d min", (long long) person_id, minutes);
  if (!_sc_store_audit (self, session, "update", "exam_extra_time", exam_id, summary, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_exam_extra_time:
 * Returns: the extra minutes @person_id has on @exam_id; it tells nothing
 *   of answers, so it needs no permission
 */
int
sc_store_get_exam_extra_time (ScStore *self,
                              gint64   exam_id,
                              gint64   person_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  stmt = _sc_store_prepare (self, "SELECT minutes FROM exam_extra_time WHERE exam_id = ?1 AND person_id = ?2",
                            NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, exam_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/* ------------------------------------------------ the bank, inside only */

/* The full question with its key, for grading and drawing; never handed
 * to a session that may not read the bank */
static ScQuestion *
load_question_key (ScStore  *self,
                   gint64    question_id,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) choices = NULL;
  g_autoptr(sqlite3_stmt) pairs = NULL;
  g_autoptr(ScQuestion) question = NULL;
  ScQuestionType type = SC_QUESTION_TYPE_DESCRIPTION;
  int rc;

  stmt = _sc_store_prepare (self, "SELECT " QUESTION_COLUMNS " FROM question WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  if (!_sc_store_step_row (self, stmt, error, _("This question no longer exists")))
    return NULL;

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

  choices = _sc_store_prepare (self,
                               "SELECT id, text, fraction, feedback, tolerance FROM question_choice"
                               " WHERE question_id = ?1 ORDER BY position",
                               error);
  if (choices == NULL)
    return NULL;
  sqlite3_bind_int64 (choices, 1, question_id);
  while ((rc = sqlite3_step (choices)) == SQLITE_ROW)
    {
      ScQuestionAnswer *answer = sc_question_add_answer (question, _sc_store_column_text (choices, 1),
                                                         sqlite3_column_double (choices, 2),
                                                         _sc_store_column_text (choices, 3));
      answer->id = sqlite3_column_int64 (choices, 0);
      answer->tolerance = sqlite3_column_double (choices, 4);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  pairs = _sc_store_prepare (self,
                             "SELECT question, answer FROM question_match_pair WHERE question_id = ?1 ORDER BY position",
                             error);
  if (pairs == NULL)
    return NULL;
  sqlite3_bind_int64 (pairs, 1, question_id);
  while ((rc = sqlite3_step (pairs)) == SQLITE_ROW)
    sc_question_add_pair (question, _sc_store_column_text (pairs, 0), _sc_store_column_text (pairs, 1));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&question);
}

/* The questions a rule may draw: visible, not descriptions, in the
 * category (and under it), at the difficulty */
static GArray *
rule_pool (ScStore     *self,
           ScExamRule  *rule,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _sc_store_prepare (self,
                            "WITH RECURSIVE tree (id) AS ("
                            "   SELECT id FROM question_category WHERE id = ?1"
                            "   UNION SELECT c.id FROM question_category c JOIN tree ON c.parent_id = tree.id"
                            "   WHERE ?2)"
                            " SELECT id FROM question WHERE category_id IN (SELECT id FROM tree)"
                            " AND hidden = 0 AND type <> 'description' AND (?3 = 0 OR difficulty = ?3)"
                            " ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rule->category_id);
  sqlite3_bind_int (stmt, 2, rule->with_subcategories ? 1 : 0);
  sqlite3_bind_int (stmt, 3, rule->difficulty);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (pool, id);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&pool);
}

static char *
rule_name (ScStore    *self,
           ScExamRule *rule)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _sc_store_prepare (self, "SELECT name FROM question_category WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, rule->category_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup (_sc_store_column_text (stmt, 0));
    }
  return g_strdup_printf ("%lld", (long long) rule->category_id);
}

/* ------------------------------------------------------------- attempts */

static ScExamAttempt *
attempt_from_row (sqlite3_stmt  *stmt,
                  gint64         now,
                  ScExamOverdue *overdue,
                  int           *grace_minutes)
{
  ScExamAttempt *attempt = g_new0 (ScExamAttempt, 1);

  attempt->id = sqlite3_column_int64 (stmt, 0);
  attempt->exam_id = sqlite3_column_int64 (stmt, 1);
  attempt->exam_name = g_strdup (_sc_store_column_text (stmt, 2));
  attempt->person_id = sqlite3_column_int64 (stmt, 3);
  attempt->person_name = g_strdup (_sc_store_column_text (stmt, 4));
  attempt->number = sqlite3_column_int (stmt, 5);
  attempt->started = g_strdup (_sc_store_column_text (stmt, 6));
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    attempt->deadline = g_strdup (_sc_store_column_text (stmt, 7));
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    attempt->submitted = g_strdup (_sc_store_column_text (stmt, 8));
  attempt->state = key_index (state_keys, G_N_ELEMENTS (state_keys), _sc_store_column_text (stmt, 9));
  attempt->auto_submitted = sqlite3_column_int (stmt, 10);
  attempt->graded = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  attempt->score = sqlite3_column_double (stmt, 11);
  attempt->max_score = sqlite3_column_double (stmt, 12);
  attempt->percent = sqlite3_column_double (stmt, 13);
  attempt->passed = sqlite3_column_int (stmt, 14) == 1;
  attempt->n_questions = sqlite3_column_int (stmt, 15);
  attempt->n_answered = sqlite3_column_int (stmt, 16);
  if (overdue)
    *overdue = g_strcmp0 (_sc_store_column_text (stmt, 17), "grace") == 0
                 ? SC_EXAM_OVERDUE_GRACE : SC_EXAM_OVERDUE_AUTOSUBMIT;
  if (grace_minutes)
    *grace_minutes = sqlite3_column_int (stmt, 18);

  if (attempt->deadline == NULL)
    attempt->seconds_left = -1;
  else if (attempt->state != SC_ATTEMPT_IN_PROGRESS)
    attempt->seconds_left = 0;
  else
    attempt->seconds_left = MAX (_sc_store_parse_utc (attempt->deadline) - now, 0);
  attempt->in_grace = attempt->state == SC_ATTEMPT_IN_PROGRESS && attempt->deadline != NULL &&
                      attempt->seconds_left == 0;
  return attempt;
}

static gboolean
band_feedback (ScStore        *self,
               ScExamAttempt  *attempt,
               GError        **error)
{
  g_autoptr(ScExam) exam = NULL;
  g_autofree ScExamBand *bands = NULL;
  const char *feedback;

  if (!attempt->graded)
    return TRUE;
  if (!(exam = get_exam (self, attempt->exam_id, error)))
    return FALSE;

  bands = g_new0 (ScExamBand, MAX (exam->bands->len, 1));
  for (guint i = 0; i < exam->bands->len; i++)
    {
      bands[i].min_percent = g_array_index (exam->bands, ScExamFeedbackBand, i).min_percent;
      bands[i].feedback = g_array_index (exam->bands, ScExamFeedbackBand, i).feedback;
    }
  feedback = sc_exam_band_feedback (bands, exam->bands->len, attempt->percent);
  g_free (attempt->feedback);
  attempt->feedback = g_strdup (feedback);
  return TRUE;
}

static GPtrArray *
load_attempts (ScStore     *self,
               const char  *where,
               gint64       a,
               gint64       b,
               gint64       now,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_exam_attempt_free);
  g_autofree char *sql = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT " ATTEMPT_COLUMNS " FROM exam_attempt a JOIN exam e ON e.id = a.exam_id"
                         " JOIN person p ON p.id = a.person_id WHERE %s ORDER BY a.started, a.id",
                         where);
  stmt = _sc_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attempts, attempt_from_row (stmt, now, NULL, NULL));
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  for (guint i = 0; i < attempts->len; i++)
    if (!band_feedback (self, g_ptr_array_index (attempts, i), error))
      return NULL;

  return g_steal_pointer (&attempts);
}

static ScExamAttempt *
load_attempt (ScStore  *self,
              gint64    attempt_id,
              gint64    now,
              GError  **error)
{
  g_autoptr(GPtrArray) found = load_attempts (self, "a.id = ?1 AND ?2 = 0", attempt_id, 0, now, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This exam attempt no longer exists"));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/* A verification code: twelve letters and digits people cannot confuse,
 * from what the certificate says */
static char *
make_code (gint64      certification_id,
           gint64      person_id,
           gint64      skill_id,
           int         level,
           const char *issued)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autofree char *text = g_strdup_printf ("shiftcraft-certification:%lld:%lld:%lld:%d:%s",
                                           (long long) certification_id, (long long) person_id,
                                           (long long) skill_id, level, issued);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  GString *code = g_string_new (NULL);

  for (guint i = 0; i < 12; i++)
    {
      char pair[3] = { digest[2 * i], digest[2 * i + 1], '\0' };

      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[g_ascii_strtoull (pair, NULL, 16) % 32]);
    }
  return g_string_free (code, FALSE);
}

static char *
add_months (const char *day,
            int         months)
{
  int y, m, d;
  GDate date;
  char out[11];

  if (months <= 0)
    return g_strdup ("9999-12-31");

  if (sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_add_months (&date, months);
  /* Valid through the day before the same date, months later */
  g_date_subtract_days (&date, 1);
  g_snprintf (out, sizeof out, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  return g_strdup (out);
}

/* Inside the caller's transaction */
static ScCertification *
insert_certification (ScStore    *self,
                      ScSession  *session,
                      gint64      person_id,
                      gint64      skill_id,
                      ScLevel     level,
                      const char *issued,
                      int         validity_months,
                      gint64      exam_id,
                      gint64      attempt_id,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) code_stmt = NULL;
  g_autofree char *expires = add_months (issued, validity_months);
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  ScCertification *certification;
  gint64 id;

  if (expires == NULL || (guint) level >= SC_N_LEVELS)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("A certification is issued on a day written as YYYY-MM-DD at a known level, not “%s”"), issued);
      return NULL;
    }

  stmt = _sc_store_prepare (self,
                            "INSERT INTO certification (person_id, skill_id, level, issued, expires, exam_id,"
                            " attempt_id, code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending-' || ?1 || '-' || random ())",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, skill_id);
  sqlite3_bind_int (stmt, 3, level);
  sqlite3_bind_text (stmt, 4, issued, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, expires, -1, SQLITE_TRANSIENT);
  if (exam_id > 0)
    sqlite3_bind_int64 (stmt, 6, exam_id);
  if (attempt_id > 0)
    sqlite3_bind_int64 (stmt, 7, attempt_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                             _("This person or skill no longer exists"));
      else
        _sc_store_set_error (self, error);
      return NULL;
    }
  id = sqlite3_last_insert_rowid (self->db);

  code = make_code (id, person_id, skill_id, level, issued);
  code_stmt = _sc_store_prepare (self, "UPDATE certification SET code = ?2 WHERE id = ?1", error);
  if (code_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (code_stmt, 1, id);
  sqlite3_bind_text (code_stmt, 2, code, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, code_stmt, error))
    return NULL;

  _sc_store_touch (self, "certification");
  summary = g_strdup_printf ("person %lld, skill %lld, %s, %s..%s, %s", (long long) person_id,
                             (long long) skill_id, sc_level_to_string (level), issued, expires, code);
  if (!_sc_store_audit (self, session, "create", "certification", id, summary, error))
    return NULL;

  certification = g_new0 (ScCertification, 1);
  certification->id = id;
  certification->person_id = person_id;
  certification->skill_id = skill_id;
  certification->level = level;
  certification->issued = g_strdup (issued);
  certification->expires = g_steal_pointer (&expires);
  certification->exam_id = exam_id;
  certification->attempt_id = attempt_id;
  certification->code = g_steal_pointer (&code);
  return certification;
}

/* Totals an attempt whose questions are all graded; a pass issues the
 * exam's certification. Inside the caller's transaction. */
static gboolean
finish_attempt (ScStore    *self,
                ScSession  *session,
                gint64      attempt_id,
                gint64      now,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) sums = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(ScExam) exam = NULL;
  double score, max_score, percent;
  gboolean passed;
  gint64 exam_id, person_id;

  sums = _sc_store_prepare (self,
                            "SELECT sum (ifnull (mark, 0)), sum (max_mark), sum (needs_grading)"
                            " FROM exam_attempt_question WHERE attempt_id = ?1",
                            error);
  if (sums != NULL)
    sqlite3_bind_int64 (sums, 1, attempt_id);
  if (sums == NULL || sqlite3_step (sums) != SQLITE_ROW)
    {
      if (sums != NULL)
        _sc_store_set_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int (sums, 2) > 0)
    return TRUE;  /* essays wait for a trainer */

  score = sqlite3_column_double (sums, 0);
  max_score = sqlite3_column_double (sums, 1);
  percent = max_score > 0 ? 100.0 * score / max_score : 0;
  /* Two decimals, as shown: a pass is a pass on what people see */
  percent = round (percent * 100) / 100;

  info = _sc_store_prepare (self, "SELECT exam_id, person_id, submitted FROM exam_attempt WHERE id = ?1", error);
  if (info != NULL)
    sqlite3_bind_int64 (info, 1, attempt_id);
  if (info == NULL || sqlite3_step (info) != SQLITE_ROW)
    {
      if (info != NULL)
        _sc_store_set_error (self, error);
      return FALSE;
    }
  exam_id = sqlite3_column_int64 (info, 0);
  person_id = sqlite3_column_int64 (info, 1);

  if (!(exam = get_exam (self, exam_id, error)))
    return FALSE;
  passed = percent + 1e-9 >= exam->pass_percent;

  update = _sc_store_prepare (self,
                              "UPDATE exam_attempt SET score = ?2, max_score = ?3, percent = ?4, passed = ?5"
                              " WHERE id = ?1",
                              error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, attempt_id);
  sqlite3_bind_double (update, 2, score);
  sqlite3_bind_double (update, 3, max_score);
  sqlite3_bind_double (update, 4, percent);
  sqlite3_bind_int (update, 5, passed ? 1 : 0);
  if (!_sc_store_step_done (self, update, error))
    return FALSE;
  _sc_store_touch (self, "exam_attempt");

  if (passed && exam->skill_id > 0)
    {
      g_autofree char *issued = format_day (now);
      g_autoptr(ScCertification) certification =
        insert_certification (self, session, person_id, exam->skill_id, exam->level, issued,
                              exam->validity_months, exam_id, attempt_id, error);

      if (certification == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Grades every question of an attempt from the answers saved and marks it
 * submitted at @now. Inside the caller's transaction. */
static gboolean
submit_at (ScStore    *self,
           ScSession  *session,
           gint64      attempt_id,
           gint64      now,
           gboolean    automatic,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) slots = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autoptr(sqlite3_stmt) state = NULL;
  g_autofree char *when = _sc_store_format_utc (now);
  int rc;

  slots = _sc_store_prepare (self,
                             "SELECT position, question_id, max_mark, response FROM exam_attempt_question"
                             " WHERE attempt_id = ?1 ORDER BY position",
                             error);
  if (slots == NULL)
    return FALSE;
  sqlite3_bind_int64 (slots, 1, attempt_id);

  while ((rc = sqlite3_step (slots)) == SQLITE_ROW)
    {
      g_autoptr(ScQuestion) question = NULL;
      g_autoptr(GError) local_error = NULL;
      ScExamGrade grade = { 0, };
      const char *response = sqlite3_column_type (slots, 3) == SQLITE_NULL
                               ? NULL : _sc_store_column_text (slots, 3);

      question = load_question_key (self, sqlite3_column_int64 (slots, 1), &local_error);
      if (question != NULL)
        sc_exam_grade_question (question, response, sqlite3_column_double (slots, 2), &grade);
      else if (!g_error_matches (local_error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* A question gone from the bank counts for nothing either way */

      g_clear_pointer (&mark, sqlite3_finalize);
      mark = _sc_store_prepare (self,
                                "UPDATE exam_attempt_question SET fraction = ?3, mark = ?4, needs_grading = ?5,"
                                " max_mark = ?6 WHERE attempt_id = ?1 AND position = ?2",
                                error);
      if (mark == NULL)
        return FALSE;
      sqlite3_bind_int64 (mark, 1, attempt_id);
      sqlite3_bind_int (mark, 2, sqlite3_column_int (slots, 0));
      if (!grade.needs_grading)
        {
          sqlite3_bind_double (mark, 3, grade.fraction);
          sqlite3_bind_double (mark, 4, grade.mark);
        }
      sqlite3_bind_int (mark, 5, grade.needs_grading ? 1 : 0);
      sqlite3_bind_double (mark, 6, question != NULL ? grade.max_mark : 0);
      if (!_sc_store_step_done (self, mark, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }

  state = _sc_store_prepare (self,
                             "UPDATE exam_attempt SET state = 'submitted', submitted = ?2, auto_submitted = ?3"
                             " WHERE id = ?1",
                             error);
  if (state == NULL)
    return FALSE;
  sqlite3_bind_int64 (state, 1, attempt_id);
  sqlite3_bind_text (state, 2, when, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (state, 3, automatic ? 1 : 0);
  if (!_sc_store_step_done (self, state, error))
    return FALSE;

  touch_attempt_tables (self);
  if (!_sc_store_audit (self, session, automatic ? "auto-submit" : "submit", "exam_attempt", attempt_id, when,
                        error))
    return FALSE;

  return finish_attempt (self, session, attempt_id, now, error);
}

/* The overdue rule, applied to one attempt before anything reads or
 * changes it. Inside the caller's transaction. */
static gboolean
apply_overdue (ScStore  *self,
               gint64    attempt_id,
               gint64    now,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 deadline;
  gboolean grace;
  int grace_minutes;

  stmt = _sc_store_prepare (self,
                            "SELECT a.deadline, e.overdue, e.grace_minutes FROM exam_attempt a"
                            " JOIN exam e ON e.id = a.exam_id"
                            " WHERE a.id = ?1 AND a.state = 'in-progress' AND a.deadline IS NOT NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  deadline = _sc_store_parse_utc (_sc_store_column_text (stmt, 0));
  grace = g_strcmp0 (_sc_store_column_text (stmt, 1), "grace") == 0;
  grace_minutes = sqlite3_column_int (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (now < deadline)
    return TRUE;

  if (!grace)
    /* Submitted as at the deadline, with what was saved by then */
    return submit_at (self, NULL, attempt_id, deadline, TRUE, error);

  if (now >= deadline + (gint64) grace_minutes * 60)
    {
      g_autoptr(sqlite3_stmt) abandon = NULL;

      abandon = _sc_store_prepare (self, "UPDATE exam_attempt SET state = 'abandoned' WHERE id = ?1", error);
      if (abandon == NULL)
        return FALSE;
      sqlite3_bind_int64 (abandon, 1, attempt_id);
      if (!_sc_store_step_done (self, abandon, error))
        return FALSE;
      _sc_store_touch (self, "exam_attempt");
      return _sc_store_audit (self, NULL, "abandon", "exam_attempt", attempt_id, NULL, error);
    }

  return TRUE;
}

static gboolean
apply_overdue_committed (ScStore  *self,
                         gint64    attempt_id,
                         gint64    now,
                         GError  **error)
{
  if (!sc_store_begin (self, error))
    return FALSE;
  if (!apply_overdue (self, attempt_id, now, error))
    {
      sc_store_rollback (self);
      return FALSE;
    }
  return sc_store_commit (self, error);
}

/**
 * sc_store_close_overdue_attempts:
 * Applies the overdue rule to every attempt still in progress: the
 * application calls it when it starts and from its timer, so that an
 * attempt whose time ran out while nobody was signed in is submitted.
 * It is the exam's rule, not anybody's action, hence no session.
 *
 * Returns: how many attempts it submitted or abandoned
 */
guint
sc_store_close_overdue_attempts (ScStore  *self,
                                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 now = _sc_store_now (self);
  g_autofree char *now_text = _sc_store_format_utc (now);
  guint closed = 0;

  g_return_val_if_fail (SC_IS_STORE (self), 0);

  stmt = _sc_store_prepare (self,
                            "SELECT id FROM exam_attempt WHERE state = 'in-progress' AND deadline IS NOT NULL"
                            " AND deadline <= ?1 ORDER BY id",
                            error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(ScExamAttempt) attempt = NULL;

      if (!apply_overdue_committed (self, g_array_index (ids, gint64, i), now, error))
        return closed;
      attempt = load_attempt (self, g_array_index (ids, gint64, i), now, NULL);
      if (attempt != NULL && attempt->state != SC_ATTEMPT_IN_PROGRESS)
        closed++;
    }

  return closed;
}

static gint64
attempt_person (ScStore  *self,
                gint64    attempt_id,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, "SELECT person_id FROM exam_attempt WHERE id = ?1",
                                                    error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  if (!_sc_store_step_row (self, stmt, error, _("This exam attempt no longer exists")))
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
open_attempt_id (ScStore  *self,
                 gint64    exam_id,
                 gint64    person_id,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _sc_store_prepare (self,
                            "SELECT id FROM exam_attempt WHERE exam_id = ?1 AND person_id = ?2"
                            " AND state = 'in-progress' ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, exam_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
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

/* Whether @person_id may start a new attempt at @now: attempts left and
 * the cool-down over */
static gboolean
check_can_start (ScStore  *self,
                 ScExam   *exam,
                 gint64    person_id,
                 gint64    now,
                 char    **next_start,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int used;
  gint64 last;

  if (!exam->available)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, _("The exam “%s” is not available"), exam->name);
      return FALSE;
    }

  stmt = _sc_store_prepare (self,
                            "SELECT count (*), max (ifnull (submitted, started)) FROM exam_attempt"
                            " WHERE exam_id = ?1 AND person_id = ?2",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, exam->id);
      sqlite3_bind_int64 (stmt, 2, person_id);
    }
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        _sc_store_set_error (self, error);
      return FALSE;
    }
  used = sqlite3_column_int (stmt, 0);
  last = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? 0 : _sc_store_parse_utc (_sc_store_column_text (stmt, 1));

  if (exam->attempts_allowed > 0 && used >= exam->attempts_allowed)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "All %d attempt at “%s” has been used",
                                "All %d attempts at “%s” have been used", exam->attempts_allowed),
                   exam->attempts_allowed, exam->name);
      return FALSE;
    }

  if (used > 0 && exam->cooldown_hours > 0 && now < last + (gint64) exam->cooldown_hours * 3600)
    {
      g_autofree char *when = _sc_store_format_utc (last + (gint64) exam->cooldown_hours * 3600);

      if (next_start)
        *next_start = g_strdup (when);
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Attempts at “%s” are %d hour apart: the next one can start at %s (UTC)",
                                "Attempts at “%s” are %d hours apart: the next one can start at %s (UTC)",
                                exam->cooldown_hours),
                   exam->name, exam->cooldown_hours, when);
      return FALSE;
    }

  return TRUE;
}

/* Freezes a draw and starts an attempt at @now. Inside the caller's
 * transaction. Returns the attempt's id, or 0. */
static gint64
start_at (ScStore    *self,
          ScSession  *session,
          ScExam     *exam,
          gint64      person_id,
          gint64      now,
          GError    **error)
{
  g_autoptr(GPtrArray) pools = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree ScExamDrawRule *rules = g_new0 (ScExamDrawRule, MAX (exam->rules->len, 1));
  g_autoptr(ScExamDraw) draw = NULL;
  g_autoptr(sqlite3_stmt) number_stmt = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_question_unref);
  g_autofree guint *n_choices = NULL;
  g_autofree gboolean *shuffle = NULL;
  g_autofree char *started = _sc_store_format_utc (now);
  g_autofree char *deadline = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) draw_error = NULL;
  guint32 seed;
  gint64 attempt_id;
  int number;

  for (guint i = 0; i < exam->rules->len; i++)
    {
      ScExamRule *rule = &g_array_index (exam->rules, ScExamRule, i);

      rules[i].question_id = rule->question_id;
      rules[i].count = rule->count;
      if (rule->category_id > 0)
        {
          GArray *pool = rule_pool (self, rule, error);

          if (pool == NULL)
            return 0;
          g_ptr_array_add (pools, pool);
          rules[i].pool = pool;
          g_ptr_array_add (names, rule_name (self, rule));
          rules[i].name = g_ptr_array_index (names, names->len - 1);
        }
    }

  number_stmt = _sc_store_prepare (self,
                                   "SELECT ifnull (max (number), 0) + 1 FROM exam_attempt"
                                   " WHERE exam_id = ?1 AND person_id = ?2",
                                   error);
  if (number_stmt == NULL)
    return 0;
  sqlite3_bind_int64 (number_stmt, 1, exam->id);
  sqlite3_bind_int64 (number_stmt, 2, person_id);
  if (sqlite3_step (number_stmt) != SQLITE_ROW)
    return 0;
  number = sqlite3_column_int (number_stmt, 0);

  /* The same exam, person, attempt and second give the same draw */
  {
    g_autofree char *text = g_strdup_printf ("%lld:%lld:%d:%lld", (long long) exam->id, (long long) person_id,
                                             number, (long long) now);
    seed = g_str_hash (text);
  }

  draw = sc_exam_draw_make (rules, exam->rules->len, seed, exam->shuffle_questions, &draw_error);
  if (draw == NULL)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID, "%s: %s", exam->name, draw_error->message);
      return 0;
    }

  n_choices = g_new0 (guint, draw->question_ids->len);
  shuffle = g_new0 (gboolean, draw->question_ids->len);
  for (guint i = 0; i < draw->question_ids->len; i++)
    {
      ScQuestion *question = load_question_key (self, g_array_index (draw->question_ids, gint64, i), error);

      if (question == NULL)
        return 0;
      g_ptr_array_add (questions, question);
      if (question->type == SC_QUESTION_TYPE_MULTICHOICE)
        {
          n_choices[i] = question->answers->len;
          shuffle[i] = exam->shuffle_choices;
        }
      else if (question->type == SC_QUESTION_TYPE_MATCHING)
        {
          g_autoptr(GPtrArray) answers = sc_exam_matching_answers (question);

          /* Matching answers are always shuffled: in the bank's order
           * they would give the pairs away */
          n_choices[i] = answers->len;
          shuffle[i] = TRUE;
        }
    }
  sc_exam_draw_set_choices (draw, n_choices, shuffle, seed);

  if (exam->time_limit_minutes > 0)
    {
      int extra = sc_store_get_exam_extra_time (self, exam->id, person_id);

      deadline = _sc_store_format_utc (now + (gint64) (exam->time_limit_minutes + extra) * 60);
    }

  insert = _sc_store_prepare (self,
                              "INSERT INTO exam_attempt (exam_id, person_id, number, seed, started, deadline)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, exam->id);
  sqlite3_bind_int64 (insert, 2, person_id);
  sqlite3_bind_int (insert, 3, number);
  sqlite3_bind_int64 (insert, 4, seed);
  sqlite3_bind_text (insert, 5, started, -1, SQLITE_TRANSIENT);
  _sc_store_bind_text (insert, 6, deadline);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      if (sqlite3_errcode (self->db) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("This person no longer exists"));
      else
        _sc_store_set_error (self, error);
      return 0;
    }
  attempt_id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < draw->question_ids->len; i++)
    {
      ScQuestion *question = g_ptr_array_index (questions, i);
      GArray *order = g_ptr_array_index (draw->choice_orders, i);
      g_autofree char *order_text = sc_exam_format_positions ((int *) order->data, order->len);
      g_autoptr(sqlite3_stmt) slot = NULL;

      slot = _sc_store_prepare (self,
                                "INSERT INTO exam_attempt_question (attempt_id, position, question_id, choice_order,"
                                " max_mark) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
      if (slot == NULL)
        return 0;
      sqlite3_bind_int64 (slot, 1, attempt_id);
      sqlite3_bind_int (slot, 2, i);
      sqlite3_bind_int64 (slot, 3, question->id);
      sqlite3_bind_text (slot, 4, order_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (slot, 5, question->default_mark);
      if (!_sc_store_step_done (self, slot, error))
        return 0;
    }

  touch_attempt_tables (self);
  summary = g_strdup_printf ("%s, person %lld, attempt %d, %u questions", exam->name, (long long) person_id,
                             number, draw->question_ids->len);
  if (!_sc_store_audit (self, session, "start", "exam_attempt", attempt_id, summary, error))
    return 0;

  return attempt_id;
}

/**
 * sc_store_can_start_attempt:
 * @next_start: (out) (optional): when the cool-down ends, UTC, if that is
 *   what stops it
 *
 * Returns: whether @person_id may start an attempt at @exam_id now (or
 *   resume the one in progress), else %FALSE with the reason
 */
gboolean
sc_store_can_start_attempt (ScStore    *self,
                            ScSession  *session,
                            gint64      exam_id,
                            gint64      person_id,
                            char      **next_start,
                            GError    **error)
{
  g_autoptr(ScExam) exam = NULL;
  gint64 now = _sc_store_now (self);
  gint64 open;

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_EXAM_TAKE, person_id, error))
    return FALSE;
  if (!(exam = get_exam (self, exam_id, error)))
    return FALSE;
  if ((open = open_attempt_id (self, exam_id, person_id, error)) < 0)
    return FALSE;
  if (open > 0)
    {
      if (!apply_overdue_committed (self, open, now, error))
        return FALSE;
      if (open_attempt_id (self, exam_id, person_id, NULL) == open)
        return TRUE;
    }
  return check_can_start (self, exam, person_id, now, next_start, error);
}

/**
 * sc_store_start_attempt:
 * Starts an attempt of @person_id (the person signed in) at @exam_id: the
 * draw, the order of the questions and of their choices, and the deadline
 * are frozen now. When an attempt is already in progress, returns it
 * instead: starting twice resumes.
 *
 * Returns: (transfer full): the attempt, or %NULL with @error set when no
 *   attempt is left, the cool-down is not over, or the bank cannot fill
 *   the draw rules
 */
ScExamAttempt *
sc_store_start_attempt (ScStore    *self,
                        ScSession  *session,
                        gint64      exam_id,
                        gint64      person_id,
                        GError    **error)
{
  g_autoptr(ScExam) exam = NULL;
  gint64 now = _sc_store_now (self);
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_EXAM_TAKE, person_id, error))
    return NULL;
  if (!(exam = get_exam (self, exam_id, error)))
    return NULL;
  if (!sc_store_begin (self, error))
    return NULL;

  if ((id = open_attempt_id (self, exam_id, person_id, error)) < 0)
    goto failed;
  if (id > 0)
    {
      if (!apply_overdue (self, id, now, error))
        goto failed;
      if (open_attempt_id (self, exam_id, person_id, NULL) != id)
        id = 0;
    }

  if (id == 0)
    {
      if (!check_can_start (self, exam, person_id, now, NULL, error))
        goto failed;
      if ((id = start_at (self, session, exam, person_id, now, error)) == 0)
        goto failed;
    }

  if (!sc_store_commit (self, error))
    return NULL;
  return load_attempt (self, id, now, error);

failed:
  sc_store_rollback (self);
  return NULL;
}

/**
 * sc_store_get_open_attempt:
 * Finds the attempt @person_id has in progress at @exam_id, after a crash
 * for instance; its seconds_left comes from the stored deadline.
 *
 * Returns: (transfer full) (nullable): the attempt, or %NULL without
 *   error when there is none (its time may have run out meanwhile: then
 *   it was submitted)
 */
ScExamAttempt *
sc_store_get_open_attempt (ScStore    *self,
                           ScSession  *session,
                           gint64      exam_id,
                           gint64      person_id,
                           GError    **error)
{
  gint64 now = _sc_store_now (self);
  gint64 id;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_EXAM_TAKE, person_id, error))
    return NULL;
  if ((id = open_attempt_id (self, exam_id, person_id, error)) <= 0)
    return NULL;
  if (!apply_overdue_committed (self, id, now, error))
    return NULL;
  if (open_attempt_id (self, exam_id, person_id, error) != id)
    return NULL;
  return load_attempt (self, id, now, error);
}

/**
 * sc_store_get_attempt:
 * Returns: (transfer full): the attempt, its time left, score and grade
 *   band feedback
 */
ScExamAttempt *
sc_store_get_attempt (ScStore    *self,
                      ScSession  *session,
                      gint64      attempt_id,
                      GError    **error)
{
  gint64 now = _sc_store_now (self);
  gint64 person_id;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if ((person_id = attempt_person (self, attempt_id, error)) == 0)
    return NULL;
  if (!sc_permission_check (session, SC_OPERATION_EXAM_RESULTS_READ, person_id, error))
    return NULL;
  if (!apply_overdue_committed (self, attempt_id, now, error))
    return NULL;
  return load_attempt (self, attempt_id, now, error);
}

/**
 * sc_store_get_attempts:
 * @exam_id: an exam, or 0 for all
 * @person_id: a person, or 0 for everyone (trainers and supervisors)
 *
 * Returns: (transfer full) (element-type ScExamAttempt): the attempts, by
 *   start
 */
GPtrArray *
sc_store_get_attempts (ScStore    *self,
                       ScSession  *session,
                       gint64      exam_id,
                       gint64      person_id,
                       GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_EXAM_RESULTS_READ, person_id, error))
    return NULL;

  sc_store_close_overdue_attempts (self, NULL);
  return load_attempts (self, "(?1 = 0 OR a.exam_id = ?1) AND (?2 = 0 OR a.person_id = ?2)", exam_id, person_id,
                        _sc_store_now (self), error);
}

/**
 * sc_store_get_exam_result:
 * Returns: (transfer full) (nullable): the graded attempt that gives
 *   @person_id's grade at @exam_id by the exam's grading method (highest
 *   or last), or %NULL without error when none is graded yet
 */
ScExamAttempt *
sc_store_get_exam_result (ScStore    *self,
                          ScSession  *session,
                          gint64      exam_id,
                          gint64      person_id,
                          GError    **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(ScExam) exam = NULL;
  ScExamAttempt *best = NULL;
  guint best_index = 0;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!(attempts = sc_store_get_attempts (self, session, exam_id, person_id, error)) ||
      !(exam = get_exam (self, exam_id, error)))
    return NULL;

  for (guint i = 0; i < attempts->len; i++)
    {
      ScExamAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->state != SC_ATTEMPT_SUBMITTED || !attempt->graded)
        continue;
      if (best == NULL || exam->grading_method == SC_EXAM_GRADING_LAST ||
          attempt->percent > best->percent)
        {
          best = attempt;
          best_index = i;
        }
    }

  if (best == NULL)
    return NULL;
  return g_ptr_array_steal_index (attempts, best_index);
}

static char *
right_answer (ScQuestion *question)
{
  GString *out = g_string_new (NULL);
  double best = 0;

  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          if (question->single ? answer->fraction >= 1 - 1e-9 : answer->fraction > 0)
            g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", answer->text);
        }
      break;
    case SC_QUESTION_TYPE_TRUEFALSE:
      g_string_append (out, question->correct ? C_("answer", "True") : C_("answer", "False"));
      break;
    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          if (answer->fraction > best)
            {
              best = answer->fraction;
              g_string_truncate (out, 0);
              g_string_append (out, answer->text);
              if (question->type == SC_QUESTION_TYPE_NUMERICAL && answer->tolerance > 0)
                g_string_append_printf (out, " ± %g", answer->tolerance);
            }
        }
      break;
    case SC_QUESTION_TYPE_MATCHING:
      for (guint i = 0; i < question->pairs->len; i++)
        {
          ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);

          if (pair->question != NULL && *pair->question != '\0')
            g_string_append_printf (out, "%s%s → %s", out->len > 0 ? "\n" : "", pair->question, pair->answer);
        }
      break;
    case SC_QUESTION_TYPE_ESSAY:
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }

  return g_string_free (out, FALSE);
}

static char *
answer_feedback (ScQuestion        *question,
                 const ScExamGrade *grade)
{
  if (question->type == SC_QUESTION_TYPE_TRUEFALSE && grade->matched >= 0)
    return g_strdup (grade->matched == 0 ? question->feedback_true : question->feedback_false);
  if (question->type != SC_QUESTION_TYPE_MATCHING && grade->matched >= 0 &&
      (guint) grade->matched < question->answers->len)
    return g_strdup (((ScQuestionAnswer *) g_ptr_array_index (question->answers, grade->matched))->feedback);
  return g_strdup ("");
}

static gboolean
read_choice_texts (ScStore     *self,
                   const char  *sql,
                   gint64       question_id,
                   GPtrArray   *texts,
                   GPtrArray   *rows,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _sc_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = _sc_store_column_text (stmt, 0);

      if (rows != NULL)
        {
          /* Matching: the row's question, then its answer; answers once each */
          const char *row = _sc_store_column_text (stmt, 1);
          gboolean seen = FALSE;

          if (*row != '\0')
            g_ptr_array_add (rows, g_strdup (row));
          for (guint k = 0; k < texts->len && !seen; k++)
            seen = g_strcmp0 (g_ptr_array_index (texts, k), text) == 0;
          if (seen)
            continue;
        }
      g_ptr_array_add (texts, g_strdup (text));
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * sc_store_get_attempt_questions:
 * The questions of an attempt, in the order frozen at its start, with
 * their choices in the order shown, the answers saved and the flags. It
 * reads only the texts of the bank: fractions, feedback and right answers
 * are loaded only when the question is reviewable (see
 * #ScAttemptQuestion).
 *
 * Returns: (transfer full) (element-type ScAttemptQuestion): the questions
 */
GPtrArray *
sc_store_get_attempt_questions (ScStore    *self,
                                ScSession  *session,
                                gint64      attempt_id,
                                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(ScExamAttempt) attempt = NULL;
  g_autoptr(ScExam) exam = NULL;
  gboolean reviewable;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!(attempt = sc_store_get_attempt (self, session, attempt_id, error)) ||
      !(exam = get_exam (self, attempt->exam_id, error)))
    return NULL;

  reviewable = sc_permission_access (session, SC_OPERATION_QUESTIONS_READ) == SC_ACCESS_ALL ||
               (attempt->state == SC_ATTEMPT_SUBMITTED &&
                (exam->review == SC_EXAM_REVIEW_AFTER_SUBMIT ||
                 (exam->review == SC_EXAM_REVIEW_AFTER_PASS && attempt->graded && attempt->passed)));

  stmt = _sc_store_prepare (self,
                            "SELECT s.position, s.question_id, s.choice_order, s.max_mark, s.response, s.saved,"
                            " s.flagged, s.fraction, s.mark, s.needs_grading, s.grader_comment,"
                            " ifnull (q.category_id, 0), ifnull (q.type, 'description'), ifnull (q.name, ''),"
                            " ifnull (q.text, ''), ifnull (q.text_format, 'plain'), ifnull (q.single, 1)"
                            " FROM exam_attempt_question s LEFT JOIN question q ON q.id = s.question_id"
                            " WHERE s.attempt_id = ?1 ORDER BY s.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attempt_id);

  questions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_attempt_question_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScAttemptQuestion *question = g_new0 (ScAttemptQuestion, 1);
      g_autoptr(GPtrArray) bank = g_ptr_array_new_with_free_func (g_free);
      ScQuestionType type = SC_QUESTION_TYPE_DESCRIPTION;

      g_ptr_array_add (questions, question);
      question->position = sqlite3_column_int (stmt, 0);
      question->question_id = sqlite3_column_int64 (stmt, 1);
      question->choice_order = sc_exam_parse_positions (_sc_store_column_text (stmt, 2));
      question->max_mark = sqlite3_column_double (stmt, 3);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        question->response = g_strdup (_sc_store_column_text (stmt, 4));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        question->saved = g_strdup (_sc_store_column_text (stmt, 5));
      question->flagged = sqlite3_column_int (stmt, 6);
      question->category_id = sqlite3_column_int64 (stmt, 11);
      sc_question_type_from_string (_sc_store_column_text (stmt, 12), &type);
      question->type = type;
      question->name = g_strdup (_sc_store_column_text (stmt, 13));
      question->text = g_strdup (_sc_store_column_text (stmt, 14));
      question->text_format = g_strdup (_sc_store_column_text (stmt, 15));
      question->single = sqlite3_column_int (stmt, 16);
      question->choices = g_ptr_array_new_with_free_func (g_free);
      question->rows = g_ptr_array_new_with_free_func (g_free);

      if (type == SC_QUESTION_TYPE_MULTICHOICE &&
          !read_choice_texts (self, "SELECT text FROM question_choice WHERE question_id = ?1 ORDER BY position",
                              question->question_id, bank, NULL, error))
        return NULL;
      if (type == SC_QUESTION_TYPE_MATCHING &&
          !read_choice_texts (self,
                              "SELECT answer, question FROM question_match_pair WHERE question_id = ?1 ORDER BY position",
                              question->question_id, bank, question->rows, error))
        return NULL;

      for (guint k = 0; k < question->choice_order->len; k++)
        {
          int from = g_array_index (question->choice_order, int, k);

          if (from >= 0 && (guint) from < bank->len)
            g_ptr_array_add (question->choices, g_strdup (g_ptr_array_index (bank, from)));
        }

      question->reviewable = reviewable;
      if (reviewable)
        {
          g_autoptr(ScQuestion) key = load_question_key (self, question->question_id, NULL);

          question->graded = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
          question->fraction = sqlite3_column_double (stmt, 7);
          question->mark = sqlite3_column_double (stmt, 8);
          question->needs_grading = sqlite3_column_int (stmt, 9);
          question->grader_comment = g_strdup (_sc_store_column_text (stmt, 10));
          if (key != NULL)
            {
              ScExamGrade grade;

              sc_exam_grade_question (key, question->response, question->max_mark, &grade);
              question->feedback = answer_feedback (key, &grade);
              question->general_feedback = g_strdup (key->general_feedback);
              question->right_answer = right_answer (key);
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&questions);
}

/* Checks and opens the transaction for a change to an attempt in
 * progress; on success the caller owns the transaction */
static gboolean
begin_attempt_change (ScStore    *self,
                      ScSession  *session,
                      gint64      attempt_id,
                      gint64      now,
                      gboolean    answering,
                      GError    **error)
{
  g_autoptr(ScExamAttempt) attempt = NULL;
  gint64 person_id;

  if ((person_id = attempt_person (self, attempt_id, error)) == 0)
    return FALSE;
  if (!sc_permission_check (session, SC_OPERATION_EXAM_TAKE, person_id, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  if (!apply_overdue (self, attempt_id, now, error) ||
      !(attempt = load_attempt (self, attempt_id, now, error)))
    {
      sc_store_rollback (self);
      return FALSE;
    }

  if (attempt->state == SC_ATTEMPT_SUBMITTED)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   attempt->auto_submitted
                   ? _("The time for “%s” ran out and the attempt was submitted with the answers saved")
                   : _("This attempt at “%s” was submitted; its answers can no longer change"),
                   attempt->exam_name);
      goto failed;
    }
  if (attempt->state == SC_ATTEMPT_ABANDONED)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("This attempt at “%s” was not submitted before the grace period ended and no longer counts"),
                   attempt->exam_name);
      goto failed;
    }
  if (answering && attempt->in_grace)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("The time for “%s” is up: answers can no longer change, but the attempt can still be submitted"),
                   attempt->exam_name);
      goto failed;
    }

  return TRUE;

failed:
  /* The overdue rule's own changes stand even when this change fails */
  if (!sc_store_commit (self, NULL))
    sc_store_rollback (self);
  return FALSE;
}

static gboolean
update_slot (ScStore     *self,
             ScSession   *session,
             gint64       attempt_id,
             guint        position,
             const char  *sql,
             const char  *text,
             int          value,
             gint64       now,
             const char  *action,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = _sc_store_format_utc (now);
  g_autofree char *summary = NULL;

  stmt = _sc_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_int (stmt, 2, position);
  _sc_store_bind_text (stmt, 3, text);
  sqlite3_bind_int (stmt, 4, value);
  sqlite3_bind_text (stmt, 5, when, -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("This attempt has no question %u"), position + 1);
      return FALSE;
    }

  _sc_store_touch (self, "exam_attempt_question");
  summary = g_strdup_printf ("question %u", position + 1);
  return _sc_store_audit (self, session, action, "exam_attempt_question", attempt_id, summary, error);
}

/**
 * sc_store_save_answer:
 * @position: the question's place in the attempt, from 0
 * @response: (nullable): the answer as sc-exam-grade.h describes it, in
 *   bank positions; %NULL clears it
 *
 * Saves an answer the moment it changes, with the time. Refused once the
 * attempt is submitted or its time is up.
 */
gboolean
sc_store_save_answer (ScStore     *self,
                      ScSession   *session,
                      gint64       attempt_id,
                      guint        position,
                      const char  *response,
                      GError     **error)
{
  gint64 now = _sc_store_now (self);

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_attempt_change (self, session, attempt_id, now, TRUE, error))
    return FALSE;
  if (!update_slot (self, session, attempt_id, position,
                    "UPDATE exam_attempt_question SET response = ?3, saved = ?5"
                    " WHERE attempt_id = ?1 AND position = ?2",
                    response, 0, now, "answer", error))
    {
      sc_store_rollback (self);
      return FALSE;
    }
  return sc_store_commit (self, error);
}

/**
 * sc_store_set_answer_flagged:
 * Flags a question for review before submitting, or clears the flag.
 */
gboolean
sc_store_set_answer_flagged (ScStore    *self,
                             ScSession  *session,
                             gint64      attempt_id,
                             guint       position,
                             gboolean    flagged,
                             GError    **error)
{
  gint64 now = _sc_store_now (self);

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!begin_attempt_change (self, session, attempt_id, now, FALSE, error))
    return FALSE;
  if (!update_slot (self, session, attempt_id, position,
                    "UPDATE exam_attempt_question SET flagged = ?4 WHERE attempt_id = ?1 AND position = ?2",
                    NULL, flagged ? 1 : 0, now, "flag", error))
    {
      sc_store_rollback (self);
      return FALSE;
    }
  return sc_store_commit (self, error);
}

/**
 * sc_store_submit_attempt:
 * Submits and grades the attempt; a pass issues the certification unless
 * an essay waits for a trainer.
 *
 * Returns: (transfer full): the attempt as submitted
 */
ScExamAttempt *
sc_store_submit_attempt (ScStore    *self,
                         ScSession  *session,
                         gint64      attempt_id,
                         GError    **error)
{
  gint64 now = _sc_store_now (self);

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!begin_attempt_change (self, session, attempt_id, now, FALSE, error))
    return NULL;
  if (!submit_at (self, session, attempt_id, now, FALSE, error))
    {
      sc_store_rollback (self);
      return NULL;
    }
  if (!sc_store_commit (self, error))
    return NULL;
  return load_attempt (self, attempt_id, now, error);
}

/**
 * sc_store_record_attempt:
 * @started: when it started, UTC (YYYY-MM-DDTHH:MM:SSZ)
 * @minutes: how long it took
 * @answer: gives the response to each question drawn
 *
 * Records an attempt taken on paper, or elsewhere, at the time it was
 * taken: the draw is made as at @started, the answers are saved, and the
 * attempt is submitted and graded @minutes later (a pass certifies as of
 * that day). Attempt limits and cool-downs are not applied.
 *
 * Returns: the attempt's id, or 0 with @error set
 */
gint64
sc_store_record_attempt (ScStore          *self,
                         ScSession        *session,
                         gint64            exam_id,
                         gint64            person_id,
                         const char       *started,
                         int               minutes,
                         ScExamAnswerFunc  answer,
                         gpointer          user_data,
                         GError          **error)
{
  g_autoptr(ScExam) exam = NULL;
  g_autoptr(sqlite3_stmt) slots = NULL;
  gint64 start = _sc_store_parse_utc (started);
  gint64 id;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), 0);
  g_return_val_if_fail (answer != NULL, 0);

  if (!sc_permission_check (session, SC_OPERATION_EXAMS_WRITE, 0, error))
    return 0;
  if (start == 0 || minutes < 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                   _("An attempt starts at a time written as YYYY-MM-DDTHH:MM:SSZ, not “%s”"), started);
      return 0;
    }
  if (!(exam = get_exam (self, exam_id, error)))
    return 0;
  if (!sc_store_begin (self, error))
    return 0;

  if ((id = start_at (self, session, exam, person_id, start, error)) == 0)
    goto failed;

  slots = _sc_store_prepare (self,
                             "SELECT position, question_id, choice_order FROM exam_attempt_question"
                             " WHERE attempt_id = ?1 ORDER BY position",
                             error);
  if (slots == NULL)
    goto failed;
  sqlite3_bind_int64 (slots, 1, id);
  while ((rc = sqlite3_step (slots)) == SQLITE_ROW)
    {
      g_autoptr(ScQuestion) question = load_question_key (self, sqlite3_column_int64 (slots, 1), error);
      g_autoptr(GArray) order = sc_exam_parse_positions (_sc_store_column_text (slots, 2));
      g_autofree char *response = NULL;
      guint position = sqlite3_column_int (slots, 0);

      if (question == NULL)
        goto failed;
      response = answer (question, order, user_data);
      if (response != NULL &&
          !update_slot (self, session, id, position,
                        "UPDATE exam_attempt_question SET response = ?3, saved = ?5"
                        " WHERE attempt_id = ?1 AND position = ?2",
                        response, 0, start + (gint64) minutes * 60,
                        "answer", error))
        goto failed;
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      goto failed;
    }
  g_clear_pointer (&slots, sqlite3_finalize);

  if (!submit_at (self, session, id, start + (gint64) minutes * 60, FALSE, error))
    goto failed;
  if (!sc_store_commit (self, error))
    return 0;
  return id;

failed:
  sc_store_rollback (self);
  return 0;
}

/**
 * sc_store_get_attempt_breakdown:
 * Returns: (transfer full) (element-type ScExamResultPart): the marks of
 *   the attempt per category of the bank, with the category's skill, in
 *   the order the categories first come in the attempt
 */
GPtrArray *
sc_store_get_attempt_breakdown (ScStore    *self,
                                ScSession  *session,
                                gint64      attempt_id,
                                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) max_marks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) skills = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GPtrArray) result = NULL;
  gint64 person_id;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if ((person_id = attempt_person (self, attempt_id, error)) == 0)
    return NULL;
  if (!sc_permission_check (session, SC_OPERATION_EXAM_RESULTS_READ, person_id, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT ifnull (c.id, 0), ifnull (c.name, ''), ifnull (c.skill_id, 0),"
                            " ifnull (s.mark, 0), s.max_mark"
                            " FROM exam_attempt_question s LEFT JOIN question q ON q.id = s.question_id"
                            " LEFT JOIN question_category c ON c.id = q.category_id"
                            " WHERE s.attempt_id = ?1 ORDER BY s.position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      double mark = sqlite3_column_double (stmt, 3);
      double max_mark = sqlite3_column_double (stmt, 4);

      g_array_append_val (keys, key);
      g_array_append_val (marks, mark);
      g_array_append_val (max_marks, max_mark);
      g_hash_table_insert (names, g_memdup2 (&key, sizeof key), g_strdup (_sc_store_column_text (stmt, 1)));
      g_hash_table_insert (skills, g_memdup2 (&key, sizeof key), g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 2) }, sizeof (gint64)));
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }

  parts = sc_exam_breakdown ((gint64 *) keys->data, (double *) marks->data, (double *) max_marks->data, keys->len);
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_exam_result_part_free);
  for (guint i = 0; i < parts->len; i++)
    {
      ScExamBreakdown *part = &g_array_index (parts, ScExamBreakdown, i);
      ScExamResultPart *out = g_new0 (ScExamResultPart, 1);
      gint64 *skill = g_hash_table_lookup (skills, &part->key);

      out->category_id = part->key;
      out->category = g_strdup (g_hash_table_lookup (names, &part->key));
      out->skill_id = skill ? *skill : 0;
      out->mark = part->mark;
      out->max_mark = part->max_mark;
      out->n_questions = part->n_questions;
      g_ptr_array_add (result, out);
    }

  return g_steal_pointer (&result);
}

/**
 * sc_store_get_essays_to_grade:
 * Returns: (transfer full) (element-type ScEssayToGrade): the essays of
 *   submitted attempts waiting for a trainer, oldest first
 */
GPtrArray *
sc_store_get_essays_to_grade (ScStore    *self,
                              ScSession  *session,
                              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) essays = NULL;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_ESSAYS_GRADE, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT a.id, s.position, a.person_id, p.name, e.name, ifnull (q.text, ''),"
                            " ifnull (q.general_feedback, ''), ifnull (s.response, ''), s.max_mark, a.submitted"
                            " FROM exam_attempt_question s JOIN exam_attempt a ON a.id = s.attempt_id"
                            " JOIN exam e ON e.id = a.exam_id JOIN person p ON p.id = a.person_id"
                            " LEFT JOIN question q ON q.id = s.question_id"
                            " WHERE s.needs_grading = 1 AND a.state = 'submitted'"
                            " ORDER BY a.submitted, a.id, s.position",
                            error);
  if (stmt == NULL)
    return NULL;

  essays = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_essay_to_grade_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScEssayToGrade *essay = g_new0 (ScEssayToGrade, 1);

      essay->attempt_id = sqlite3_column_int64 (stmt, 0);
      essay->position = sqlite3_column_int (stmt, 1);
      essay->person_id = sqlite3_column_int64 (stmt, 2);
      essay->person_name = g_strdup (_sc_store_column_text (stmt, 3));
      essay->exam_name = g_strdup (_sc_store_column_text (stmt, 4));
      essay->question_text = g_strdup (_sc_store_column_text (stmt, 5));
      essay->general_feedback = g_strdup (_sc_store_column_text (stmt, 6));
      essay->response = g_strdup (_sc_store_column_text (stmt, 7));
      essay->max_mark = sqlite3_column_double (stmt, 8);
      essay->submitted = g_strdup (_sc_store_column_text (stmt, 9));
      g_ptr_array_add (essays, essay);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&essays);
}

/**
 * sc_store_grade_essay:
 * @fraction: the share of the question's mark earned, 0 to 1
 * @comment: (nullable): the trainer's comment, shown on review
 *
 * Grades an essay waiting for a trainer. When it was the attempt's last
 * one, the attempt gets its score, and a pass its certification.
 */
gboolean
sc_store_grade_essay (ScStore     *self,
                      ScSession   *session,
                      gint64       attempt_id,
                      guint        position,
                      double       fraction,
                      const char  *comment,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = NULL;
  g_autofree char *summary = NULL;
  gint64 now = _sc_store_now (self);

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_ESSAYS_GRADE, 0, error))
    return FALSE;
  if (!(fraction >= 0 && fraction <= 1))
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("An essay’s grade is a share of its mark, from 0 to 100 %"));
      return FALSE;
    }
  if (!sc_store_begin (self, error))
    return FALSE;

  when = _sc_store_format_utc (now);
  stmt = _sc_store_prepare (self,
                            "UPDATE exam_attempt_question SET fraction = ?3, mark = ?3 * max_mark,"
                            " needs_grading = 0, graded_by = ?4, graded = ?5, grader_comment = ?6"
                            " WHERE attempt_id = ?1 AND position = ?2 AND needs_grading = 1"
                            " AND (SELECT state FROM exam_attempt WHERE id = ?1) = 'submitted'",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, attempt_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_double (stmt, 3, fraction);
  if (sc_session_get_person_id (session) > 0)
    sqlite3_bind_int64 (stmt, 4, sc_session_get_person_id (session));
  sqlite3_bind_text (stmt, 5, when, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, comment ? comment : "", -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                   _("Question %u of this attempt is not an essay waiting to be graded"), position + 1);
      goto failed;
    }

  _sc_store_touch (self, "exam_attempt_question");
  summary = g_strdup_printf ("question %u: %.0f %%", position + 1, fraction * 100);
  if (!_sc_store_audit (self, session, "grade", "exam_attempt_question", attempt_id, summary, error) ||
      !finish_attempt (self, session, attempt_id, now, error))
    goto failed;

  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_exam_item_analysis:
 * @question_ids: (out) (element-type gint64): the question of each item
 *
 * Item analysis over the exam's graded attempts; with random draws, an
 * attempt counts for the items it had.
 *
 * Returns: (transfer full): the analysis (see sc-item-analysis.h)
 */
ScItemAnalysis *
sc_store_get_exam_item_analysis (ScStore    *self,
                                 ScSession  *session,
                                 gint64      exam_id,
                                 GArray    **question_ids,
                                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) attempts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) item_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) attempt_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree double *grid = NULL;
  g_autofree double *max_marks = NULL;
  ScItemAnalysis *analysis;
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (question_ids != NULL, NULL);

  if (!sc_permission_check (session, SC_OPERATION_EXAM_RESULTS_READ, 0, error))
    return NULL;

  stmt = _sc_store_prepare (self,
                            "SELECT a.id, s.question_id, s.mark, s.max_mark FROM exam_attempt a"
                            " JOIN exam_attempt_question s ON s.attempt_id = a.id"
                            " WHERE a.exam_id = ?1 AND a.state = 'submitted' AND a.percent IS NOT NULL"
                            " AND s.max_mark > 0 ORDER BY a.id, s.question_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, exam_id);

  /* Two passes over the rows: the items and attempts, then the grid */
  for (int pass = 0; pass < 2; pass++)
    {
      sqlite3_reset (stmt);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 attempt = sqlite3_column_int64 (stmt, 0);
          gint64 question = sqlite3_column_int64 (stmt, 1);

          if (pass == 0)
            {
              if (!g_hash_table_contains (attempt_index, &attempt))
                {
                  g_hash_table_insert (attempt_index, g_memdup2 (&attempt, sizeof attempt),
                                       GUINT_TO_POINTER (attempts->len));
                  g_array_append_val (attempts, attempt);
                }
              if (!g_hash_table_contains (item_index, &question))
                {
                  g_hash_table_insert (item_index, g_memdup2 (&question, sizeof question),
                                       GUINT_TO_POINTER (items->len));
                  g_array_append_val (items, question);
                }
            }
          else
            {
              guint a = GPOINTER_TO_UINT (g_hash_table_lookup (attempt_index, &attempt));
              guint i = GPOINTER_TO_UINT (g_hash_table_lookup (item_index, &question));

              grid[(gsize) a * items->len + i] = sqlite3_column_double (stmt, 2);
              max_marks[i] = MAX (max_marks[i], sqlite3_column_double (stmt, 3));
            }
        }
      if (rc != SQLITE_DONE)
        {
          _sc_store_set_error (self, error);
          return NULL;
        }

      if (pass == 0)
        {
          gsize cells = (gsize) MAX (attempts->len, 1) * MAX (items->len, 1);

          grid = g_new (double, cells);
          for (gsize k = 0; k < cells; k++)
            grid[k] = NAN;
          max_marks = g_new0 (double, MAX (items->len, 1));
        }
    }

  analysis = sc_item_analysis_compute (grid, attempts->len, items->len, max_marks);
  *question_ids = g_steal_pointer (&items);
  return analysis;
}

/* ------------------------------------------------------ certifications */

#define CERTIFICATION_COLUMNS                                                           \
  "c.id, c.person_id, p.name, c.skill_id, s.name, c.level, c.issued, c.expires,"         \
  " ifnull (c.exam_id, 0), ifnull (c.attempt_id, 0), c.code, c.revoked, c.revoked_reason"

static GPtrArray *
load_certifications (ScStore     *self,
                     const char  *where,
                     gint64       a,
                     const char  *b,
                     const char  *c,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_certification_free);
  g_autofree char *sql = NULL;
  g_autofree char *today = format_day (_sc_store_now (self));
  int rc;

  sql = g_strdup_printf ("SELECT " CERTIFICATION_COLUMNS " FROM certification c"
                         " JOIN person p ON p.id = c.person_id JOIN skill s ON s.id = c.skill_id"
                         " WHERE %s", where);
  stmt = _sc_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  _sc_store_bind_text (stmt, 2, b);
  _sc_store_bind_text (stmt, 3, c);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScCertification *certification = g_new0 (ScCertification, 1);

      certification->id = sqlite3_column_int64 (stmt, 0);
      certification->person_id = sqlite3_column_int64 (stmt, 1);
      certification->person_name = g_strdup (_sc_store_column_text (stmt, 2));
      certification->skill_id = sqlite3_column_int64 (stmt, 3);
      certification->skill_name = g_strdup (_sc_store_column_text (stmt, 4));
      certification->level = sqlite3_column_int (stmt, 5);
      certification->issued = g_strdup (_sc_store_column_text (stmt, 6));
      certification->expires = g_strdup (_sc_store_column_text (stmt, 7));
      certification->exam_id = sqlite3_column_int64 (stmt, 8);
      certification->attempt_id = sqlite3_column_int64 (stmt, 9);
      certification->code = g_strdup (_sc_store_column_text (stmt, 10));
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        certification->revoked = g_strdup (_sc_store_column_text (stmt, 11));
      certification->revoked_reason = g_strdup (_sc_store_column_text (stmt, 12));
      certification->state = sc_certification_state_on (certification->expires, certification->revoked != NULL,
                                                         today, &certification->days_left);
      g_ptr_array_add (list, certification);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * sc_store_get_certifications:
 * @person_id: a person, or 0 for everyone (trainers and supervisors)
 *
 * Returns: (transfer full) (element-type ScCertification): the
 *   certifications with their state today, latest expiry first
 */
GPtrArray *
sc_store_get_certifications (ScStore    *self,
                             ScSession  *session,
                             gint64      person_id,
                             GError    **error)
{
  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_CERTIFICATIONS_READ, person_id, error))
    return NULL;
  return load_certifications (self, "(?1 = 0 OR c.person_id = ?1) ORDER BY c.expires DESC, c.id",
                              person_id, NULL, NULL, error);
}

/**
 * sc_store_get_expiring_certifications:
 * @within_days: how far ahead to look, such as
 *   %SC_CERTIFICATION_EXPIRING_DAYS
 *
 * The reminder list for trainers: certifications not revoked that expire
 * from today to @within_days from now, soonest first.
 *
 * Returns: (transfer full) (element-type ScCertification): the list
 */
GPtrArray *
sc_store_get_expiring_certifications (ScStore    *self,
                                      ScSession  *session,
                                      int         within_days,
                                      GError    **error)
{
  gint64 now = _sc_store_now (self);
  g_autofree char *today = format_day (now);
  g_autofree char *until = format_day (now + (gint64) MAX (within_days, 0) * 86400);

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  if (!sc_permission_check (session, SC_OPERATION_CERTIFICATIONS_READ, 0, error))
    return NULL;
  return load_certifications (self,
                              "?1 = 0 AND c.revoked IS NULL AND c.expires >= ?2 AND c.expires <= ?3"
                              " ORDER BY c.expires, c.id",
                              0, today, until, error);
}

/**
 * sc_store_verify_certification:
 * @code: a verification code as printed, in any case, with or without
 *   its dashes
 *
 * Returns: (transfer full): the certification with its state today, or
 *   %NULL with %SC_STORE_ERROR_NOT_FOUND
 */
ScCertification *
sc_store_verify_certification (ScStore     *self,
                               ScSession   *session,
                               const char  *code,
                               GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) normal = g_string_new (NULL);

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (const char *p = code; *p; p++)
    if (g_ascii_isalnum (*p))
      {
        if (normal->len == 4 || normal->len == 9)
          g_string_append_c (normal, '-');
        g_string_append_c (normal, g_ascii_toupper (*p));
      }

  if (!(found = load_certifications (self, "?1 = 0 AND c.code = ?2", 0, normal->str, NULL, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND, _("No certificate has the code “%s”"), code);
      return NULL;
    }
  if (!sc_permission_check (session, SC_OPERATION_CERTIFICATIONS_READ,
                            ((ScCertification *) g_ptr_array_index (found, 0))->person_id, error))
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

/**
 * sc_store_issue_certification:
 * @issued: the day it is issued, YYYY-MM-DD
 * @validity_months: 0 for one that never expires
 *
 * Issues a certification by hand, for a skill proved elsewhere.
 *
 * Returns: (transfer full): the certification with its expiry and code
 */
ScCertification *
sc_store_issue_certification (ScStore     *self,
                              ScSession   *session,
                              gint64       person_id,
                              gint64       skill_id,
                              ScLevel      level,
                              const char  *issued,
                              int          validity_months,
                              GError     **error)
{
  ScCertification *certification;
  g_autofree char *today = format_day (_sc_store_now (self));

  g_return_val_if_fail (SC_IS_STORE (self), NULL);
  g_return_val_if_fail (issued != NULL, NULL);

  if (!sc_permission_check (session, SC_OPERATION_CERTIFICATIONS_WRITE, person_id, error))
    return NULL;
  if (validity_months < 0 || validity_months > 120)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID,
                           _("A certification is valid from 0 (for ever) to 120 months"));
      return NULL;
    }
  if (!sc_store_begin (self, error))
    return NULL;

  certification = insert_certification (self, session, person_id, skill_id, level, issued, validity_months, 0, 0,
                                        error);
  if (certification == NULL)
    {
      sc_store_rollback (self);
      return NULL;
    }
  if (!sc_store_commit (self, error))
    {
      sc_certification_free (certification);
      return NULL;
    }
  certification->state = sc_certification_state_on (certification->expires, FALSE, today,
                                                     &certification->days_left);
  return certification;
}

/**
 * sc_store_revoke_certification:
 * @reason: (nullable): why, kept with it
 */
gboolean
sc_store_revoke_certification (ScStore     *self,
                               ScSession   *session,
                               gint64       certification_id,
                               const char  *reason,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *when = _sc_store_format_utc (_sc_store_now (self));

  g_return_val_if_fail (SC_IS_STORE (self), FALSE);

  if (!sc_permission_check (session, SC_OPERATION_CERTIFICATIONS_WRITE, 0, error))
    return FALSE;
  if (!sc_store_begin (self, error))
    return FALSE;

  stmt = _sc_store_prepare (self,
                            "UPDATE certification SET revoked = ?2, revoked_reason = ?3 WHERE id = ?1 AND revoked IS NULL",
                            error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, certification_id);
  sqlite3_bind_text (stmt, 2, when, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, reason ? reason : "", -1, SQLITE_TRANSIENT);
  if (!_sc_store_step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND,
                           _("This certification no longer exists or was already revoked"));
      goto failed;
    }

  _sc_store_touch (self, "certification");
  if (!_sc_store_audit (self, session, "revoke", "certification", certification_id, reason, error))
    goto failed;
  return sc_store_commit (self, error);

failed:
  sc_store_rollback (self);
  return FALSE;
}

/**
 * sc_store_get_certified_people:
 * @min_level: the lowest level that counts
 * @day: (nullable): YYYY-MM-DD, or %NULL for today
 *
 * For the roster input, which checks its own permission: who holds a
 * certification of @skill_id at @min_level or above, issued by @day, not
 * expired on @day, not revoked.
 *
 * Returns: (transfer full) (element-type gint64): the people, by id
 */
GArray *
sc_store_get_certified_people (ScStore     *self,
                               gint64       skill_id,
                               ScLevel      min_level,
                               const char  *day,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = day ? g_strdup (day) : format_day (_sc_store_now (self));
  int rc;

  g_return_val_if_fail (SC_IS_STORE (self), NULL);

  stmt = _sc_store_prepare (self,
                            "SELECT DISTINCT person_id FROM certification WHERE skill_id = ?1 AND level >= ?2"
                            " AND revoked IS NULL AND issued <= ?3 AND expires >= ?3 ORDER BY person_id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, skill_id);
  sqlite3_bind_int (stmt, 2, min_level);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (people, id);
    }
  if (rc != SQLITE_DONE)
    {
      _sc_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}
