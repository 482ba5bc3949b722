/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-account.h"
#include "sc-audit-entry.h"
#include "sc-calendar.h"
#include "sc-credential.h"
#include "sc-exam.h"
#include "sc-holiday.h"
#include "sc-item-analysis.h"
#include "sc-permissions.h"
#include "sc-person.h"
#include "sc-person-skill.h"
#include "sc-preference.h"
#include "sc-question.h"
#include "sc-skill.h"
#include "sc-service-target.h"
#include "sc-session.h"
#include "sc-shift-type.h"
#include "sc-team.h"
#include "sc-time-off.h"
#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_STORE (sc_store_get_type ())
G_DECLARE_FINAL_TYPE (ScStore, sc_store, SC, STORE, GObject)

#define SC_STORE_ERROR (sc_store_error_quark ())

typedef enum
{
  SC_STORE_ERROR_OPEN,
  SC_STORE_ERROR_CORRUPT,
  SC_STORE_ERROR_TOO_NEW,
  SC_STORE_ERROR_MIGRATE,
  SC_STORE_ERROR_QUERY,
  SC_STORE_ERROR_CONSTRAINT,
  SC_STORE_ERROR_NOT_FOUND,
  SC_STORE_ERROR_FULL,
  SC_STORE_ERROR_INVALID,
  SC_STORE_ERROR_WRONG_CREDENTIAL,
  SC_STORE_ERROR_RATE_LIMITED,
  SC_STORE_ERROR_LOCKED,
} ScStoreError;

GQuark         sc_store_error_quark          (void);

char          *sc_store_default_path         (void);
ScStore       *sc_store_open                 (const char   *path,
                                              GError      **error);
const char    *sc_store_get_path             (ScStore      *self);
int            sc_store_get_schema_version   (ScStore      *self);
int            sc_store_get_latest_version   (void);
gboolean       sc_store_is_empty             (ScStore      *self);
gboolean       sc_store_check_private        (const char   *path,
                                              char        **problem);
gboolean       sc_store_make_private         (const char   *path,
                                              GError      **error);

/* Transactions: every write of one user action goes into one. */
gboolean       sc_store_begin                (ScStore      *self,
                                              GError      **error);
gboolean       sc_store_commit               (ScStore      *self,
                                              GError      **error);
void           sc_store_rollback             (ScStore      *self);

/* Team (sc-store-team.c) */
ScTeam        *sc_store_get_team             (ScStore      *self,
                                              GError      **error);
ScTeam        *sc_store_ensure_team          (ScStore      *self,
                                              GError      **error);
gboolean       sc_store_save_team            (ScStore      *self,
                                              ScSession    *session,
                                              ScTeam       *team,
                                              GError      **error);
GPtrArray     *sc_store_get_people           (ScStore      *self,
                                              ScSession    *session,
                                              gboolean      include_inactive,
                                              GError      **error);
guint          sc_store_count_people         (ScStore      *self,
                                              gboolean      include_inactive);
ScPerson      *sc_store_get_person           (ScStore      *self,
                                              ScSession    *session,
                                              gint64        id,
                                              GError      **error);
gboolean       sc_store_add_person           (ScStore      *self,
                                              ScSession    *session,
                                              ScPerson     *person,
                                              GError      **error);
gboolean       sc_store_update_person        (ScStore      *self,
                                              ScSession    *session,
                                              ScPerson     *person,
                                              GError      **error);
gboolean       sc_store_set_person_active    (ScStore      *self,
                                              ScSession    *session,
                                              gint64        person_id,
                                              gboolean      active,
                                              GError      **error);
GStrv          sc_store_get_crews            (ScStore      *self,
                                              ScSession    *session,
                                              GError      **error);
GPtrArray     *sc_store_get_skills           (ScStore      *self,
                                              GError      **error);
ScSkill       *sc_store_find_skill           (ScStore      *self,
                                              const char   *name,
                                              GError      **error);
gboolean       sc_store_add_skill            (ScStore      *self,
                                              ScSession    *session,
                                              ScSkill      *skill,
                                              GError      **error);
GArray        *sc_store_get_certified_only_skills (ScStore  *self,
                                                  GError  **error);
gboolean       sc_store_set_skill_certified_only  (ScStore    *self,
                                                   ScSession  *session,
                                                   gint64      skill_id,
                                                   gboolean    certified_only,
                                                   GError    **error);
GPtrArray     *sc_store_get_person_skills    (ScStore      *self,
                                              ScSession    *session,
                                              gint64        person_id,
                                              GError      **error);
gboolean       sc_store_set_person_skill     (ScStore      *self,
                                              ScSession    *session,
                                              gint64        person_id,
                                              gint64        skill_id,
                                              int           proficiency,
                                              GError      **error);
gboolean       sc_store_remove_person_skill  (ScStore      *self,
                                              ScSession    *session,
                                              gint64        person_id,
                                              gint64        skill_id,
                                              GError      **error);

/* How many shifts of a type someone may work in four weeks */
typedef struct
{
  gint64 shift_type_id;
  int    max_shifts;
} ScShiftLimit;

GArray        *sc_store_get_person_shift_limits (ScStore   *self,
                                                 ScSession *session,
                                                 gint64     person_id,
                                                 GError   **error);
gboolean       sc_store_set_person_shift_limit  (ScStore   *self,
                                                 ScSession *session,
                                                 gint64     person_id,
                                                 gint64     shift_type_id,
                                                 int        max_shifts,
                                                 GError   **error);

/* Whole-database dump and restore (sc-store-backup.c), for formats/. */
GVariant      *sc_store_dump                 (ScStore      *self,
                                              ScSession    *session,
                                              GError      **error);
gboolean       sc_store_restore              (ScStore      *self,
                                              ScSession    *session,
                                              GVariant     *dump,
                                              GError      **error);
gboolean       sc_store_copy_to              (ScStore      *self,
                                              const char   *path,
                                              GError      **error);

/* Accounts, sign-in, audit trail, settings (sc-store-accounts.c) */
gboolean       sc_store_has_accounts         (ScStore      *self);
GPtrArray     *sc_store_get_sign_in_accounts (ScStore      *self,
                                              GError      **error);
ScSession     *sc_store_sign_in              (ScStore      *self,
                                              gint64        account_id,
                                              const char   *secret,
                                              GError      **error);
gboolean       sc_store_create_first_supervisor (ScStore          *self,
                                                 ScPerson         *person,
                                                 ScCredentialKind  kind,
                                                 const char       *secret,
                                                 ScSession       **session,
                                                 GError          **error);
GPtrArray     *sc_store_get_accounts         (ScStore      *self,
                                              ScSession    *session,
                                              GError      **error);
ScAccount     *sc_store_get_account_for_person (ScStore    *self,
                                                ScSession  *session,
                                                gint64      person_id,
                                                GError    **error);
gint64         sc_store_create_account       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            person_id,
                                              ScAccountRole     role,
                                              ScCredentialKind  kind,
                                              const char       *secret,
                                              GError          **error);
gboolean       sc_store_set_account_role     (ScStore      *self,
                                              ScSession    *session,
                                              gint64        account_id,
                                              ScAccountRole role,
                                              GError      **error);
gboolean       sc_store_set_credential       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            account_id,
                                              ScCredentialKind  kind,
                                              const char       *secret,
                                              GError          **error);
gboolean       sc_store_unlock_account       (ScStore      *self,
                                              ScSession    *session,
                                              gint64        account_id,
                                              GError      **error);
gboolean       sc_store_delete_account       (ScStore      *self,
                                              ScSession    *session,
                                              gint64        account_id,
                                              GError      **error);
GPtrArray     *sc_store_get_audit            (ScStore      *self,
                                              ScSession    *session,
                                              const char   *table,
                                              const char   *text,
                                              const char   *since,
                                              const char   *until,
                                              GError      **error);
int            sc_store_get_idle_minutes     (ScStore      *self);
gboolean       sc_store_set_idle_minutes     (ScStore      *self,
                                              ScSession    *session,
                                              int           minutes,
                                              GError      **error);

/* Planning data: shift types, service targets, forecasts (sc-store-roster.c) */
typedef struct
{
  int    start_minute;
  double volume;
  int    aht_seconds;
} ScForecastPoint;

GPtrArray       *sc_store_get_shift_types    (ScStore          *self,
                                              GError          **error);
gboolean         sc_store_save_shift_type    (ScStore          *self,
                                              ScSession        *session,
                                              ScShiftType      *type,
                                              GError          **error);
ScServiceTarget *sc_store_get_service_target (ScStore          *self,
                                              ScSession        *session,
                                              gint64            skill_id,
                                              GError          **error);
gboolean         sc_store_set_service_target (ScStore          *self,
                                              ScSession        *session,
                                              ScServiceTarget  *target,
                                              GError          **error);
GArray          *sc_store_get_forecast       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            skill_id,
                                              const char       *day,
                                              GError          **error);
gboolean         sc_store_set_forecast       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            skill_id,
                                              const char       *day,
                                              const ScForecastPoint *points,
                                              guint             n_points,
                                              GError          **error);
char            *sc_store_get_next_forecast_day (ScStore       *self,
                                                 const char    *day);

/* Time off, preferences, holidays (sc-store-requests.c) */
GPtrArray     *sc_store_get_time_off         (ScStore          *self,
                                              ScSession        *session,
                                              gint64            person_id,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
gboolean       sc_store_request_time_off     (ScStore          *self,
                                              ScSession        *session,
                                              ScTimeOff        *time_off,
                                              GError          **error);
gboolean       sc_store_decide_time_off      (ScStore          *self,
                                              ScSession        *session,
                                              gint64            id,
                                              ScRequestStatus   status,
                                              GError          **error);
GPtrArray     *sc_store_take_time_off_answers (ScStore         *self,
                                              ScSession        *session,
                                              GError          **error);
gboolean       sc_store_withdraw_time_off    (ScStore          *self,
                                              ScSession        *session,
                                              gint64            id,
                                              GError          **error);
GPtrArray     *sc_store_get_preferences      (ScStore          *self,
                                              ScSession        *session,
                                              gint64            person_id,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
gboolean       sc_store_save_preference      (ScStore          *self,
                                              ScSession        *session,
                                              ScPreference     *preference,
                                              GError          **error);
gboolean       sc_store_remove_preference    (ScStore          *self,
                                              ScSession        *session,
                                              gint64            id,
                                              GError          **error);
GPtrArray     *sc_store_get_holidays         (ScStore          *self,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
gboolean       sc_store_save_holiday         (ScStore          *self,
                                              ScSession        *session,
                                              ScHoliday        *holiday,
                                              GError          **error);
gboolean       sc_store_remove_holiday       (ScStore          *self,
                                              ScSession        *session,
                                              const char       *day,
                                              GError          **error);

/* Cover requirements beyond the forecasts (sc-store-cover.c) */
typedef struct
{
  gint64 id;              /* 0 for a new one */
  char   day[11];         /* YYYY-MM-DD */
  int    start_minute;    /* an interval of the day, or -1 for a shift type */
  gint64 shift_type_id;   /* 0 for an interval */
  gint64 skill_id;        /* 0: anyone counts */
  int    required;        /* people */
  int    under_weight;    /* per person short */
  int    over_weight;     /* per person over */
} ScCoverRequirement;

GArray        *sc_store_get_cover_requirements   (ScStore                  *self,
                                                  ScSession                *session,
                                                  const char               *first_day,
                                                  const char               *last_day,
                                                  GError                  **error);
gint64         sc_store_save_cover_requirement   (ScStore                  *self,
                                                  ScSession                *session,
                                                  const ScCoverRequirement *req,
                                                  GError                  **error);
gboolean       sc_store_remove_cover_requirement (ScStore                  *self,
                                                  ScSession                *session,
                                                  gint64                    id,
                                                  GError                  **error);
/* Publishing rosters, calendars (sc-store-publish.c) */
typedef struct
{
  int    version;
  char  *published_at;   /* UTC, ISO 8601 */
  char  *published_by;
  guint  n_shifts;
} ScRosterVersion;

typedef enum
{
  SC_SHIFT_CHANGE_ADDED,
  SC_SHIFT_CHANGE_REMOVED,
  SC_SHIFT_CHANGE_CHANGED,
} ScShiftChangeKind;

typedef struct
{
  gint64  shift_type_id;   /* 0: explicit times */
  char   *shift_type_code; /* nullable */
  int     start_minute;
  int     length_minutes;
  gint64  skill_id;        /* 0: none */
} ScShiftTimes;

typedef struct
{
  ScShiftChangeKind  kind;
  gint64             person_id;
  char              *person_name;
  char              *day;
  gint64             shift_id;  /* the shift now; the published one when removed */
  ScShiftTimes       before;    /* removed and changed shifts */
  ScShiftTimes       after;     /* added and changed shifts */
} ScShiftChange;

void           sc_roster_version_free        (ScRosterVersion  *version);
void           sc_shift_change_free          (ScShiftChange    *change);
int            sc_store_publish_roster       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              GError          **error);
int            sc_store_get_published_version (ScStore         *self,
                                               gint64           roster_id,
                                               GError         **error);
GPtrArray     *sc_store_get_roster_versions  (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              GError          **error);
GPtrArray     *sc_store_get_roster_changes   (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              int              *since_version,
                                              GError          **error);
gint64         sc_store_find_person_by_employee_no (ScStore    *self,
                                                    ScSession  *session,
                                                    const char *employee_no,
                                                    GError    **error);
ScCalendar    *sc_store_get_calendar         (ScStore          *self,
                                              ScSession        *session,
                                              const char       *first_day,
                                              int               n_days,
                                              gint64            person_id,
                                              GError          **error);
GHashTable    *sc_store_get_published_days   (ScStore          *self,
                                              const char       *first_day,
                                              const char       *last_day,
                                              GError          **error);
ScCalendar    *sc_store_get_schedule         (ScStore          *self,
                                              ScSession        *session,
                                              const char       *first_day,
                                              int               n_days,
                                              gint64            person_id,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterVersion, sc_roster_version_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScShiftChange, sc_shift_change_free)

/* Question bank (sc-store-questions.c) */
gint64         sc_store_ensure_question_category   (ScStore      *self,
                                                    ScSession    *session,
                                                    const char   *path,
                                                    GError      **error);
GPtrArray     *sc_store_get_question_categories    (ScStore      *self,
                                                    ScSession    *session,
                                                    GError      **error);
gboolean       sc_store_set_question_category_skill (ScStore     *self,
                                                    ScSession    *session,
                                                    gint64        category_id,
                                                    gint64        skill_id,
                                                    GError      **error);
gint64         sc_store_add_question_category      (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        parent_id,
                                                    const char   *name,
                                                    GError      **error);
gboolean       sc_store_rename_question_category   (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        id,
                                                    const char   *name,
                                                    GError      **error);
gboolean       sc_store_move_question_category     (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        id,
                                                    gint64        parent_id,
                                                    GError      **error);
gboolean       sc_store_remove_question_category   (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        id,
                                                    GError      **error);
gboolean       sc_store_add_questions              (ScStore      *self,
                                                    ScSession    *session,
                                                    GPtrArray    *questions,
                                                    GError      **error);
gboolean       sc_store_add_question               (ScStore      *self,
                                                    ScSession    *session,
                                                    ScQuestion   *question,
                                                    GError      **error);
gboolean       sc_store_update_question            (ScStore      *self,
                                                    ScSession    *session,
                                                    ScQuestion   *question,
                                                    GError      **error);
gboolean       sc_store_remove_question            (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        id,
                                                    GError      **error);
GPtrArray     *sc_store_get_questions              (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        category_id,
                                                    gboolean      with_subcategories,
                                                    GError      **error);
ScQuestion    *sc_store_get_question               (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        id,
                                                    GError      **error);
guint          sc_store_count_questions            (ScStore      *self);
/* Rosters and their shifts as people edit them (sc-store-shifts.c) */
typedef struct
{
  gint64    id;
  char     *first_day;    /* YYYY-MM-DD */
  int       days;
  gboolean  published;       /* as last published, with no change since */
  gboolean  ever_published;  /* a version of it was published */
  int       version;         /* the last published version (1 before any) */
  char     *score;
} ScRosterInfo;

typedef struct
{
  gint64    id;
  gint64    roster_id;
  gint64    person_id;
  char      day[11];      /* YYYY-MM-DD */
  gint64    shift_type_id; /* 0: explicit times */
  int       start_minute;
  int       length_minutes;
  gint64    skill_id;     /* 0: none; the post the shift is worked on */
  gboolean  locked;
  gboolean  post_chosen;  /* the post was chosen by hand: kept when posts are assigned */
  int       sequence;     /* raised by every edit */
  gboolean  cancelled;
} ScRosterShift;

void           sc_roster_info_free           (ScRosterInfo     *info);
GPtrArray     *sc_store_get_rosters          (ScStore          *self,
                                              ScSession        *session,
                                              GError          **error);
ScRosterInfo  *sc_store_get_roster           (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              GError          **error);
GArray        *sc_store_get_roster_shifts    (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              gboolean          include_cancelled,
                                              GError          **error);
gboolean       sc_store_get_shift            (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              ScRosterShift    *shift,
                                              GError          **error);
gint64         sc_store_add_shift            (ScStore          *self,
                                              ScSession        *session,
                                              gint64            roster_id,
                                              gint64            person_id,
                                              const char       *day,
                                              gint64            shift_type_id,
                                              GError          **error);
gboolean       sc_store_remove_shift         (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              GError          **error);
gint64         sc_store_move_shift           (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gint64            person_id,
                                              const char       *day,
                                              GError          **error);
gboolean       sc_store_swap_shifts          (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_a,
                                              gint64            shift_b,
                                              GError          **error);
gboolean       sc_store_set_shift_type       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gint64            shift_type_id,
                                              GError          **error);
gboolean       sc_store_set_shift_locked     (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gboolean          locked,
                                              GError          **error);
gboolean       sc_store_set_shift_post       (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gint64            skill_id,
                                              gboolean          chosen,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterInfo, sc_roster_info_free)

/* Certification exams (sc-store-exams.c)
 *
 * Trainers and supervisors build exams (sc_store_save_exam()); anyone
 * takes one as themselves: sc_store_start_attempt() freezes the draw and
 * the deadline (UTC, time limit plus the person's extra time), then
 * sc_store_save_answer() writes each answer the moment it changes, with
 * the time. After a crash, sc_store_get_open_attempt() finds the attempt
 * again and its seconds_left is the stored deadline minus now. Every call
 * that reads an attempt first applies the overdue rule: past the
 * deadline an attempt is submitted automatically with what was saved, or
 * with a grace period can only be submitted, then is abandoned.
 *
 * sc_store_get_attempt_questions() is what the exam mode shows: texts and
 * choices, without fractions or feedback until the review policy allows;
 * an agent's session never loads an answer key.
 *
 * Submitting grades the attempt; a pass issues a certification of the
 * exam's skill and level, unless an essay waits for a trainer
 * (sc_store_grade_essay()), in which case the last essay graded does. */
GPtrArray     *sc_store_get_exams                  (ScStore      *self,
                                                    ScSession    *session,
                                                    GError      **error);
ScExam        *sc_store_get_exam                   (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    GError      **error);
gboolean       sc_store_save_exam                  (ScStore      *self,
                                                    ScSession    *session,
                                                    ScExam       *exam,
                                                    GError      **error);
gboolean       sc_store_remove_exam                (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    GError      **error);
gboolean       sc_store_set_exam_extra_time        (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    int           minutes,
                                                    GError      **error);
int            sc_store_get_exam_extra_time        (ScStore      *self,
                                                    gint64        exam_id,
                                                    gint64        person_id);
gboolean       sc_store_can_start_attempt          (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    char        **next_start,
                                                    GError      **error);
ScExamAttempt *sc_store_start_attempt              (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    GError      **error);
ScExamAttempt *sc_store_get_open_attempt           (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    GError      **error);
ScExamAttempt *sc_store_get_attempt                (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    GError      **error);
GPtrArray     *sc_store_get_attempts               (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    GError      **error);
ScExamAttempt *sc_store_get_exam_result            (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    GError      **error);
GPtrArray     *sc_store_get_attempt_questions      (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    GError      **error);
gboolean       sc_store_save_answer                (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    guint         position,
                                                    const char   *response,
                                                    GError      **error);
gboolean       sc_store_set_answer_flagged         (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    guint         position,
                                                    gboolean      flagged,
                                                    GError      **error);
ScExamAttempt *sc_store_submit_attempt             (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    GError      **error);
/* Gives the response (as sc-exam-grade.h writes it) to a question drawn;
 * @choice_order is the order its choices are shown in */
typedef char *(*ScExamAnswerFunc) (const ScQuestion *question,
                                   GArray           *choice_order,
                                   gpointer          user_data);
gint64         sc_store_record_attempt             (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    gint64        person_id,
                                                    const char   *started,
                                                    int           minutes,
                                                    ScExamAnswerFunc answer,
                                                    gpointer      user_data,
                                                    GError      **error);
guint          sc_store_close_overdue_attempts     (ScStore      *self,
                                                    GError      **error);
GPtrArray     *sc_store_get_attempt_breakdown      (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    GError      **error);
GPtrArray     *sc_store_get_essays_to_grade        (ScStore      *self,
                                                    ScSession    *session,
                                                    GError      **error);
gboolean       sc_store_grade_essay                (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        attempt_id,
                                                    guint         position,
                                                    double        fraction,
                                                    const char   *comment,
                                                    GError      **error);
/* Item analysis of an exam's graded attempts: @question_ids gets the
 * question of each item, in the order of the analysis's items */
ScItemAnalysis *sc_store_get_exam_item_analysis    (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        exam_id,
                                                    GArray      **question_ids,
                                                    GError      **error);

/* Certifications */
GPtrArray     *sc_store_get_certifications         (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        person_id,
                                                    GError      **error);
GPtrArray     *sc_store_get_expiring_certifications (ScStore     *self,
                                                    ScSession    *session,
                                                    int           within_days,
                                                    GError      **error);
ScCertification *sc_store_verify_certification     (ScStore      *self,
                                                    ScSession    *session,
                                                    const char   *code,
                                                    GError      **error);
ScCertification *sc_store_issue_certification      (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        person_id,
                                                    gint64        skill_id,
                                                    ScLevel       level,
                                                    const char   *issued,
                                                    int           validity_months,
                                                    GError      **error);
gboolean       sc_store_revoke_certification       (ScStore      *self,
                                                    ScSession    *session,
                                                    gint64        certification_id,
                                                    const char   *reason,
                                                    GError      **error);
GArray        *sc_store_get_certified_people       (ScStore      *self,
                                                    gint64        skill_id,
                                                    ScLevel       min_level,
                                                    const char   *day,
                                                    GError      **error);

/* Swap requests (sc-store-swaps.c) */
typedef struct
{
  gint64           id;
  gint64           shift_id;        /* the requester's shift */
  gint64           roster_id;
  gint64           requester_id;
  char            *requester_name;
  gint64           partner_id;
  char            *partner_name;
  char             day[11];         /* YYYY-MM-DD */
  ScRequestStatus  status;
  char            *note;
  char            *requested_at;    /* UTC */
  char            *decided_at;
  char            *decided_by_name;
} ScSwapRequest;

typedef struct
{
  gint64  person_id;
  char   *name;
  gint64  shift_id;        /* 0: day off */
  char   *shift_code;      /* nullable */
  int     start_minute;
  int     length_minutes;
} ScSwapPartner;

typedef struct
{
  gint64  person_id;
  int     rule;            /* ScRosterRule */
  int     amount;
  char    day[11];         /* empty: over the whole roster */
} ScSwapViolation;

void           sc_swap_request_free          (ScSwapRequest    *request);
void           sc_swap_partner_clear         (ScSwapPartner    *partner);
GArray        *sc_store_get_swap_partners    (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              GError          **error);
int            sc_store_check_swap           (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gint64            partner_id,
                                              GArray          **violations,
                                              GError          **error);
gint64         sc_store_request_swap         (ScStore          *self,
                                              ScSession        *session,
                                              gint64            shift_id,
                                              gint64            partner_id,
                                              const char       *note,
                                              GError          **error);
GPtrArray     *sc_store_get_swap_requests    (ScStore          *self,
                                              ScSession        *session,
                                              GError          **error);
gboolean       sc_store_decide_swap          (ScStore          *self,
                                              ScSession        *session,
                                              gint64            id,
                                              ScRequestStatus   status,
                                              GError          **error);
gboolean       sc_store_withdraw_swap        (ScStore          *self,
                                              ScSession        *session,
                                              gint64            id,
                                              GError          **error);
GPtrArray     *sc_store_take_swap_answers    (ScStore          *self,
                                              ScSession        *session,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSwapRequest, sc_swap_request_free)

G_END_DECLS
