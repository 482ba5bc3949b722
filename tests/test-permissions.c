/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-credential.h"
#include "sc-permissions.h"
#include "sc-roster-input.h"
#include "sc-test-util.h"

/*
 * Each role against every protected store operation. The expected answer
 * comes from the rule table, and every operation must have both a rule for
 * each role and a way to exercise it here: adding an operation without
 * them fails this test.
 */

typedef struct
{
  ScStore   *store;
  ScSession *sessions[SC_N_ACCOUNT_ROLES];
  gint64     other_person;
  gint64     other_account;
  gint64     skill;
  gint64     exam;
  GVariant  *dump;
  guint      counter;
} Fixture;

typedef gboolean (*Exercise) (Fixture    *f,
                              ScSession  *session,
                              gint64      subject,
                              GError    **error);

static gint64
account_of (Fixture *f,
            gint64   person_id)
{
  g_autoptr(ScAccount) account =
    sc_store_get_account_for_person (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], person_id, NULL);

  g_assert_nonnull (account);
  return sc_account_get_id (account);
}

static gboolean
ex_team_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScTeam) team = sc_store_get_team (f->store, NULL);
  return sc_store_save_team (f->store, s, team, error);
}

static gboolean
ex_people_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScPerson) person = sc_store_get_person (f->store, s, subject, error);
  return person != NULL;
}

static gboolean
ex_people_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScPerson) person = sc_store_get_person (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], subject, NULL);
  sc_person_set_email (person, "changed@example.com");
  return sc_store_update_person (f->store, s, person, error);
}

static gboolean
ex_skills_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autofree char *name = g_strdup_printf ("Skill %u", f->counter++);
  g_autoptr(ScSkill) skill = sc_skill_new (name, SC_SKILL_CATEGORY_PRODUCT);
  return sc_store_add_skill (f->store, s, skill, error);
}

static gboolean
ex_person_skills_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) skills = sc_store_get_person_skills (f->store, s, subject, error);
  return skills != NULL;
}

static gboolean
ex_person_skills_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  return sc_store_set_person_skill (f->store, s, subject, f->skill, 3, error);
}

static gboolean
ex_accounts_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) accounts = sc_store_get_accounts (f->store, s, error);
  return accounts != NULL;
}

static gboolean
ex_accounts_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  return sc_store_set_account_role (f->store, s, f->other_account, SC_ACCOUNT_ROLE_AGENT, error);
}

static gboolean
ex_credential_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  return sc_store_set_credential (f->store, s, account_of (f, subject), SC_CREDENTIAL_PIN,
                                  "739201", error);
}

static gboolean
ex_audit_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) entries = sc_store_get_audit (f->store, s, NULL, NULL, NULL, NULL, error);
  return entries != NULL;
}

static gboolean
ex_settings_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  return sc_store_set_idle_minutes (f->store, s, 20, error);
}

static gboolean
ex_backup (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GVariant) dump = sc_store_dump (f->store, s, error);
  return dump != NULL;
}

static gboolean
ex_restore (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  return sc_store_restore (f->store, s, f->dump, error);
}

static gboolean
ex_planning_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GArray) forecast = sc_store_get_forecast (f->store, s, f->skill, "2026-12-01", error);
  return forecast != NULL;
}

static gboolean
ex_planning_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  ScForecastPoint points[] = { { 540, 12.5, 240 }, { 570, 20, 240 } };
  return sc_store_set_forecast (f->store, s, f->skill, "2026-12-01", points, G_N_ELEMENTS (points), error);
}

static gboolean
ex_roster_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScRosterInput) input = g_new0 (ScRosterInput, 1);
  ScRosterSolution *solution;
  gint64 id;

  input->problem = sc_roster_problem_new (7, G_DATE_MONDAY);
  input->first_day = g_strdup ("2026-12-07");
  input->n_days = 7;
  input->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  input->shift_type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  input->skill_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  solution = sc_roster_solution_new_for_problem (input->problem);
  id = sc_store_save_roster_solution (f->store, s, input, solution, NULL, error);
  sc_roster_solution_free (solution);
  return id > 0;
}

static gboolean
ex_roster_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  sc_store_count_roster_shifts (f->store, s, 1, subject, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* A day no exercise used before, so that requests never overlap */
static char *
next_day (Fixture *f)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2027, 2, 1, 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (start, f->counter++);

  return g_date_time_format (day, "%Y-%m-%d");
}

static ScTimeOff *
make_time_off (Fixture *f,
               gint64   person_id)
{
  g_autofree char *day = next_day (f);

  return g_object_new (SC_TYPE_TIME_OFF, "person-id", person_id, "first-day", day, "last-day", day,
                       "kind", SC_TIME_OFF_KIND_ANNUAL_LEAVE, NULL);
}

static gboolean
ex_time_off_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) list = sc_store_get_time_off (f->store, s, subject, NULL, NULL, error);
  return list != NULL;
}

static gboolean
ex_time_off_request (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScTimeOff) time_off = make_time_off (f, subject);
  return sc_store_request_time_off (f->store, s, time_off, error);
}

static gboolean
ex_time_off_decide (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScTimeOff) time_off = make_time_off (f, subject);

  g_assert_true (sc_store_request_time_off (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], time_off, NULL));
  return sc_store_decide_time_off (f->store, s, sc_time_off_get_id (time_off), SC_REQUEST_STATUS_APPROVED, error);
}

static gboolean
ex_preferences (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autofree char *day = next_day (f);
  g_autoptr(ScPreference) preference = g_object_new (SC_TYPE_PREFERENCE, "person-id", subject, "day", day,
                                                     "on-request", FALSE, "weight", 5, NULL);
  return sc_store_save_preference (f->store, s, preference, error);
}

static gboolean
ex_holidays_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autofree char *day = next_day (f);
  g_autoptr(ScHoliday) holiday = g_object_new (SC_TYPE_HOLIDAY, "day", day, "name", "Holiday", NULL);
  return sc_store_save_holiday (f->store, s, holiday, error);
}

static gboolean
ex_questions_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) questions = sc_store_get_questions (f->store, s, 0, TRUE, error);
  return questions != NULL;
}

static gboolean
ex_questions_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScQuestion) question = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);

  sc_question_set_string (&question->name, "客服应先倾听");
  sc_question_set_string (&question->text, "处理投诉时应先倾听客户。");
  sc_question_set_string (&question->category, "投诉处理");
  question->correct = TRUE;
  return sc_store_add_question (f->store, s, question, error);
}

static gboolean
ex_exams_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autofree char *name = g_strdup_printf ("Exam %u", f->counter++);
  g_autoptr(ScExam) exam = sc_exam_new (name);

  return sc_store_save_exam (f->store, s, exam, error);
}

static gboolean
ex_exam_take (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScExamAttempt) attempt = sc_store_start_attempt (f->store, s, f->exam, subject, error);
  return attempt != NULL;
}

static gboolean
ex_exam_results_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) attempts = sc_store_get_attempts (f->store, s, f->exam, subject, error);
  return attempts != NULL;
}

static gboolean
ex_essays_grade (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) essays = sc_store_get_essays_to_grade (f->store, s, error);
  return essays != NULL;
}

static gboolean
ex_certifications_read (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(GPtrArray) list = sc_store_get_certifications (f->store, s, subject, error);
  return list != NULL;
}

static gboolean
ex_certifications_write (Fixture *f, ScSession *s, gint64 subject, GError **error)
{
  g_autoptr(ScCertification) certification =
    sc_store_issue_certification (f->store, s, subject, f->skill, SC_LEVEL_JUNIOR, "2026-11-02", 12, error);
  return certification != NULL;
}

static const Exercise exercises[SC_N_OPERATIONS] = {
  [SC_OPERATION_TEAM_WRITE]          = ex_team_write,
  [SC_OPERATION_PEOPLE_READ]         = ex_people_read,
  [SC_OPERATION_PEOPLE_WRITE]        = ex_people_write,
  [SC_OPERATION_SKILLS_WRITE]        = ex_skills_write,
  [SC_OPERATION_PERSON_SKILLS_READ]  = ex_person_skills_read,
  [SC_OPERATION_PERSON_SKILLS_WRITE] = ex_person_skills_write,
  [SC_OPERATION_ACCOUNTS_READ]       = ex_accounts_read,
  [SC_OPERATION_ACCOUNTS_WRITE]      = ex_accounts_write,
  [SC_OPERATION_CREDENTIAL_WRITE]    = ex_credential_write,
  [SC_OPERATION_AUDIT_READ]          = ex_audit_read,
  [SC_OPERATION_SETTINGS_WRITE]      = ex_settings_write,
  [SC_OPERATION_BACKUP]              = ex_backup,
  [SC_OPERATION_RESTORE]             = ex_restore,
  [SC_OPERATION_PLANNING_READ]       = ex_planning_read,
  [SC_OPERATION_PLANNING_WRITE]      = ex_planning_write,
  [SC_OPERATION_ROSTER_READ]         = ex_roster_read,
  [SC_OPERATION_ROSTER_WRITE]        = ex_roster_write,
  [SC_OPERATION_TIME_OFF_READ]       = ex_time_off_read,
  [SC_OPERATION_TIME_OFF_REQUEST]    = ex_time_off_request,
  [SC_OPERATION_TIME_OFF_DECIDE]     = ex_time_off_decide,
  [SC_OPERATION_PREFERENCES]         = ex_preferences,
  [SC_OPERATION_HOLIDAYS_WRITE]      = ex_holidays_write,
  [SC_OPERATION_QUESTIONS_READ]      = ex_questions_read,
  [SC_OPERATION_QUESTIONS_WRITE]     = ex_questions_write,
  [SC_OPERATION_EXAMS_WRITE]         = ex_exams_write,
  [SC_OPERATION_EXAM_TAKE]           = ex_exam_take,
  [SC_OPERATION_EXAM_RESULTS_READ]   = ex_exam_results_read,
  [SC_OPERATION_ESSAYS_GRADE]        = ex_essays_grade,
  [SC_OPERATION_CERTIFICATIONS_READ] = ex_certifications_read,
  [SC_OPERATION_CERTIFICATIONS_WRITE] = ex_certifications_write,
};

static gint64
add_person_with_account (Fixture       *f,
                         const char    *name,
                         const char    *employee_no,
                         ScAccountRole  role,
                         ScSession    **session)
{
  g_autoptr(ScPerson) person = sc_test_person (name, employee_no);
  g_autoptr(GError) error = NULL;
  ScSession *boss = f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR];
  gint64 account;

  g_assert_true (sc_store_add_person (f->store, boss, person, &error));
  account = sc_store_create_account (f->store, boss, sc_person_get_id (person), role,
                                     SC_CREDENTIAL_PIN, "582913", &error);
  g_assert_no_error (error);
  if (session)
    *session = sc_session_new (account, sc_person_get_id (person), role, name);
  return sc_person_get_id (person);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScPerson) boss = sc_test_person ("刘建华", "S001");
  g_autoptr(ScSkill) skill = sc_skill_new ("Phone", SC_SKILL_CATEGORY_CHANNEL);
  g_autoptr(GError) error = NULL;

  f->store = sc_test_open_store (dir, "permissions.db");
  g_assert_true (sc_store_create_first_supervisor (f->store, boss, SC_CREDENTIAL_PASSPHRASE,
                                                   "morning shift tea",
                                                   &f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], &error));
  g_assert_no_error (error);

  add_person_with_account (f, "王芳", "A001", SC_ACCOUNT_ROLE_AGENT, &f->sessions[SC_ACCOUNT_ROLE_AGENT]);
  add_person_with_account (f, "Grace Liu", "T001", SC_ACCOUNT_ROLE_TRAINER, &f->sessions[SC_ACCOUNT_ROLE_TRAINER]);
  f->other_person = add_person_with_account (f, "张伟", "A002", SC_ACCOUNT_ROLE_AGENT, NULL);
  f->other_account = account_of (f, f->other_person);

  g_assert_true (sc_store_add_skill (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], skill, &error));
  f->skill = sc_skill_get_id (skill);

  /* An exam of two questions drawn from three */
  {
    ScSession *boss_session = f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR];
    g_autoptr(ScExam) exam = sc_exam_new ("电话渠道 初级");
    gint64 category = sc_store_ensure_question_category (f->store, boss_session, "渠道技能/电话", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(ScQuestion) question = sc_question_new (SC_QUESTION_TYPE_TRUEFALSE);
        g_autofree char *name = g_strdup_printf ("电话 %u", i);

        sc_question_set_string (&question->name, name);
        sc_question_set_string (&question->text, "接听电话时应先自报工号。");
        sc_question_set_string (&question->category, "渠道技能/电话");
        question->correct = TRUE;
        g_assert_true (sc_store_add_question (f->store, boss_session, question, &error));
      }
    exam->skill_id = f->skill;
    sc_exam_add_category_rule (exam, category, 2, 0);
    g_assert_true (sc_store_save_exam (f->store, boss_session, exam, &error));
    g_assert_no_error (error);
    f->exam = exam->id;
  }

  f->dump = sc_store_dump (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  for (guint r = 0; r < SC_N_ACCOUNT_ROLES; r++)
    g_clear_object (&f->sessions[r]);
  g_clear_pointer (&f->dump, g_variant_unref);
  g_clear_object (&f->store);
}

static void
test_every_operation_has_rules (void)
{
  for (guint op = 0; op < SC_N_OPERATIONS; op++)
    {
      g_assert_nonnull (sc_operation_get_label (op));
      g_assert_nonnull (exercises[op]);
      for (guint r = 0; r < SC_N_ACCOUNT_ROLES; r++)
        g_assert_cmpint (sc_permission_get (op, r), !=, SC_ACCESS_UNSET);
    }
}

static void
test_role_against_operation (Fixture       *f,
                             gconstpointer  data)
{
  for (guint op = 0; op < SC_N_OPERATIONS; op++)
    {
      for (guint r = 0; r < SC_N_ACCOUNT_ROLES; r++)
        {
          ScSession *session = f->sessions[r];
          ScAccess access = sc_permission_get (op, r);
          gint64 subjects[2] = { sc_session_get_person_id (session), f->other_person };

          for (guint k = 0; k < 2; k++)
            {
              g_autoptr(GError) error = NULL;
              gboolean expected = access == SC_ACCESS_ALL || (access == SC_ACCESS_OWN && k == 0);
              gboolean ok;

              g_assert_nonnull (exercises[op]);
              ok = exercises[op] (f, session, subjects[k], &error);

              g_test_message ("%s as %s about %s: %s", sc_operation_get_label (op),
                              sc_account_role_to_string (r), k == 0 ? "self" : "another",
                              ok ? "allowed" : error->message);
              if (expected)
                {
                  g_assert_no_error (error);
                  g_assert_true (ok);
                }
              else
                {
                  g_assert_false (ok);
                  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
                }
            }
        }
    }
}

static void
test_agent_sees_only_self (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  ScSession *agent = f->sessions[SC_ACCOUNT_ROLE_AGENT];

  people = sc_store_get_people (f->store, agent, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (sc_person_get_id (g_ptr_array_index (people, 0)), ==, sc_session_get_person_id (agent));
  g_clear_pointer (&people, g_ptr_array_unref);

  people = sc_store_get_people (f->store, f->sessions[SC_ACCOUNT_ROLE_TRAINER], TRUE, &error);
  g_assert_cmpuint (people->len, ==, 4);
}

static void
test_denied_changes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ScPerson) person = sc_test_person ("Not Allowed", "N1");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  guint before = sc_store_count_people (f->store, TRUE);
  guint audit_before;

  audit = sc_store_get_audit (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], NULL, NULL, NULL, NULL, &error);
  audit_before = audit->len;
  g_clear_pointer (&audit, g_ptr_array_unref);

  g_assert_false (sc_store_add_person (f->store, f->sessions[SC_ACCOUNT_ROLE_TRAINER], person, &error));
  g_assert_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "Grace Liu"));
  g_assert_cmpuint (sc_store_count_people (f->store, TRUE), ==, before);

  audit = sc_store_get_audit (f->store, f->sessions[SC_ACCOUNT_ROLE_SUPERVISOR], NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (audit->len, ==, audit_before);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/permissions/every-operation-has-rules", test_every_operation_has_rules);
  g_test_add ("/core/permissions/role-against-operation", Fixture, NULL,
              fixture_set_up, test_role_against_operation, fixture_tear_down);
  g_test_add ("/core/permissions/agent-sees-only-self", Fixture, NULL,
              fixture_set_up, test_agent_sees_only_self, fixture_tear_down);
  g_test_add ("/core/permissions/denied-changes-nothing", Fixture, NULL,
              fixture_set_up, test_denied_changes_nothing, fixture_tear_down);

  return g_test_run ();
}
