/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-permissions"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-permissions.h"

/*
 * Who may do what: the one table. The help page “Who may do what” shows the
 * same table to users; change both together.
 *
 *   agent       own profile, own skills, the skill list, own credential
 *   trainer     everything about training and skills; the team read-only
 *   supervisor  everything, accounts and the audit trail included
 *
 * Time off and shift wishes: everyone asks for their own (trainers are
 * rostered people too); trainers see who is away, to plan classes; only
 * supervisors decide, ask on someone's behalf, and keep the holidays.
 *
 * The question bank holds the answer keys: trainers and supervisors read
 * and edit it; agents never read it (they see questions only through an
 * exam attempt).
 *
 * Exams: trainers and supervisors build them, grade essays, read every
 * result and the item analysis, and issue or revoke certifications.
 * Everyone takes exams only as themselves, and agents read only their own
 * results and certificates.
 */

G_DEFINE_QUARK (sc-permission-error-quark, sc_permission_error)

#define D SC_ACCESS_DENY
#define O SC_ACCESS_OWN
#define A SC_ACCESS_ALL

/*                                                 agent trainer supervisor */
static const ScAccess rules[SC_N_OPERATIONS][SC_N_ACCOUNT_ROLES] = {
  [SC_OPERATION_TEAM_WRITE]          = { D, D, A },
  [SC_OPERATION_PEOPLE_READ]         = { O, A, A },
  [SC_OPERATION_PEOPLE_WRITE]        = { D, D, A },
  [SC_OPERATION_SKILLS_WRITE]        = { D, A, A },
  [SC_OPERATION_PERSON_SKILLS_READ]  = { O, A, A },
  [SC_OPERATION_PERSON_SKILLS_WRITE] = { D, A, A },
  [SC_OPERATION_ACCOUNTS_READ]       = { D, D, A },
  [SC_OPERATION_ACCOUNTS_WRITE]      = { D, D, A },
  [SC_OPERATION_CREDENTIAL_WRITE]    = { O, O, A },
  [SC_OPERATION_AUDIT_READ]          = { D, D, A },
  [SC_OPERATION_SETTINGS_WRITE]      = { D, D, A },
  [SC_OPERATION_BACKUP]              = { D, D, A },
  [SC_OPERATION_RESTORE]             = { D, D, A },
  [SC_OPERATION_PLANNING_READ]       = { D, A, A },
  [SC_OPERATION_PLANNING_WRITE]      = { D, D, A },
  [SC_OPERATION_ROSTER_READ]         = { O, A, A },
  [SC_OPERATION_ROSTER_WRITE]        = { D, D, A },
  [SC_OPERATION_TIME_OFF_READ]       = { O, A, A },
  [SC_OPERATION_TIME_OFF_REQUEST]    = { O, O, A },
  [SC_OPERATION_TIME_OFF_DECIDE]     = { D, D, A },
  [SC_OPERATION_PREFERENCES]         = { O, O, A },
  [SC_OPERATION_HOLIDAYS_WRITE]      = { D, D, A },
  [SC_OPERATION_QUESTIONS_READ]      = { D, A, A },
  [SC_OPERATION_QUESTIONS_WRITE]     = { D, A, A },
  [SC_OPERATION_EXAMS_WRITE]         = { D, A, A },
  [SC_OPERATION_EXAM_TAKE]           = { O, O, O },
  [SC_OPERATION_EXAM_RESULTS_READ]   = { O, A, A },
  [SC_OPERATION_ESSAYS_GRADE]        = { D, A, A },
  [SC_OPERATION_CERTIFICATIONS_READ] = { O, A, A },
  [SC_OPERATION_CERTIFICATIONS_WRITE] = { D, A, A },
};

#undef D
#undef O
#undef A

ScAccess
sc_permission_get (ScOperation   operation,
                   ScAccountRole role)
{
  g_return_val_if_fail (operation < SC_N_OPERATIONS, SC_ACCESS_UNSET);
  g_return_val_if_fail (role < SC_N_ACCOUNT_ROLES, SC_ACCESS_UNSET);

  return rules[operation][role];
}

const char *
sc_operation_get_label (ScOperation operation)
{
  switch (operation)
    {
    case SC_OPERATION_TEAM_WRITE:
      return _("change the team’s settings");
    case SC_OPERATION_PEOPLE_READ:
      return _("see other people’s profiles");
    case SC_OPERATION_PEOPLE_WRITE:
      return _("add or change people");
    case SC_OPERATION_SKILLS_WRITE:
      return _("change the skill list");
    case SC_OPERATION_PERSON_SKILLS_READ:
      return _("see other people’s skills");
    case SC_OPERATION_PERSON_SKILLS_WRITE:
      return _("change people’s skills");
    case SC_OPERATION_ACCOUNTS_READ:
      return _("see accounts");
    case SC_OPERATION_ACCOUNTS_WRITE:
      return _("create or change accounts");
    case SC_OPERATION_CREDENTIAL_WRITE:
      return _("change someone else’s passphrase or PIN");
    case SC_OPERATION_AUDIT_READ:
      return _("see the audit trail");
    case SC_OPERATION_SETTINGS_WRITE:
      return _("change security settings");
    case SC_OPERATION_BACKUP:
      return _("back up the database");
    case SC_OPERATION_RESTORE:
      return _("restore a backup");
    case SC_OPERATION_PLANNING_READ:
      return _("see forecasts and service targets");
    case SC_OPERATION_PLANNING_WRITE:
      return _("change shift types, forecasts and service targets");
    case SC_OPERATION_ROSTER_READ:
      return _("see other people’s shifts");
    case SC_OPERATION_ROSTER_WRITE:
      return _("make or change rosters");
    case SC_OPERATION_TIME_OFF_READ:
      return _("see other people’s time off");
    case SC_OPERATION_TIME_OFF_REQUEST:
      return _("ask for or withdraw time off for someone else");
    case SC_OPERATION_TIME_OFF_DECIDE:
      return _("approve or decline time off");
    case SC_OPERATION_PREFERENCES:
      return _("see or change other people’s shift preferences");
    case SC_OPERATION_HOLIDAYS_WRITE:
      return _("change the public holidays");
    case SC_OPERATION_QUESTIONS_READ:
      return _("see the question bank and its answer keys");
    case SC_OPERATION_QUESTIONS_WRITE:
      return _("change the question bank");
    case SC_OPERATION_EXAMS_WRITE:
      return _("build or change exams");
    case SC_OPERATION_EXAM_TAKE:
      return _("take an exam in someone else’s name");
    case SC_OPERATION_EXAM_RESULTS_READ:
      return _("see other people’s exam results and the item analysis");
    case SC_OPERATION_ESSAYS_GRADE:
      return _("grade essays");
    case SC_OPERATION_CERTIFICATIONS_READ:
      return _("see other people’s certificates");
    case SC_OPERATION_CERTIFICATIONS_WRITE:
      return _("issue or revoke certificates");
    case SC_N_OPERATIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sc_permission_access:
 * Returns: what @session may do for @operation
 */
ScAccess
sc_permission_access (ScSession   *session,
                      ScOperation  operation)
{
  g_return_val_if_fail (SC_IS_SESSION (session), SC_ACCESS_DENY);

  return sc_permission_get (operation, sc_session_get_role (session));
}

/**
 * sc_permission_check:
 * @person_id: the person the operation is about, or 0 when it is about
 *   the whole team
 *
 * Returns: %TRUE when @session may do @operation, else %FALSE with a
 *   message that says who may not do what
 */
gboolean
sc_permission_check (ScSession    *session,
                     ScOperation   operation,
                     gint64        person_id,
                     GError      **error)
{
  ScAccess access;

  g_return_val_if_fail (SC_IS_SESSION (session), FALSE);
  g_return_val_if_fail (operation < SC_N_OPERATIONS, FALSE);

  access = sc_permission_access (session, operation);

  if (access == SC_ACCESS_ALL)
    return TRUE;

  if (access == SC_ACCESS_OWN && person_id != 0 &&
      person_id == sc_session_get_person_id (session))
    return TRUE;

  if (access == SC_ACCESS_UNSET)
    g_critical ("No permission rule for operation %d", operation);

  g_set_error (error, SC_PERMISSION_ERROR, SC_PERMISSION_ERROR_DENIED,
               /* TRANSLATORS: “Wang Fang (Agent) may not add or change people” */
               _("%s (%s) may not %s"),
               sc_session_get_display_name (session),
               sc_account_role_get_label (sc_session_get_role (session)),
               sc_operation_get_label (operation));
  return FALSE;
}
