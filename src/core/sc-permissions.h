/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-session.h"

G_BEGIN_DECLS

/**
 * ScOperation:
 * Everything the store protects. Each one has a rule per account role in
 * sc-permissions.c; the test suite fails when one does not.
 */
typedef enum
{
  SC_OPERATION_TEAM_WRITE,
  SC_OPERATION_PEOPLE_READ,
  SC_OPERATION_PEOPLE_WRITE,
  SC_OPERATION_SKILLS_WRITE,
  SC_OPERATION_PERSON_SKILLS_READ,
  SC_OPERATION_PERSON_SKILLS_WRITE,
  SC_OPERATION_ACCOUNTS_READ,
  SC_OPERATION_ACCOUNTS_WRITE,
  SC_OPERATION_CREDENTIAL_WRITE,
  SC_OPERATION_AUDIT_READ,
  SC_OPERATION_SETTINGS_WRITE,
  SC_OPERATION_BACKUP,
  SC_OPERATION_RESTORE,
  SC_OPERATION_PLANNING_READ,
  SC_OPERATION_PLANNING_WRITE,
  SC_OPERATION_ROSTER_READ,
  SC_OPERATION_ROSTER_WRITE,
  SC_OPERATION_TIME_OFF_READ,
  SC_OPERATION_TIME_OFF_REQUEST,
  SC_OPERATION_TIME_OFF_DECIDE,
  SC_OPERATION_PREFERENCES,
  SC_OPERATION_HOLIDAYS_WRITE,
  SC_OPERATION_QUESTIONS_READ,
  SC_OPERATION_QUESTIONS_WRITE,
  SC_OPERATION_EXAMS_WRITE,
  SC_OPERATION_EXAM_TAKE,
  SC_OPERATION_EXAM_RESULTS_READ,
  SC_OPERATION_ESSAYS_GRADE,
  SC_OPERATION_CERTIFICATIONS_READ,
  SC_OPERATION_CERTIFICATIONS_WRITE,
  SC_N_OPERATIONS
} ScOperation;

/**
 * ScAccess:
 * @SC_ACCESS_UNSET: no rule: a bug, refused
 * @SC_ACCESS_DENY: never
 * @SC_ACCESS_OWN: only about the person who is signed in
 * @SC_ACCESS_ALL: about anyone
 */
typedef enum
{
  SC_ACCESS_UNSET,
  SC_ACCESS_DENY,
  SC_ACCESS_OWN,
  SC_ACCESS_ALL,
} ScAccess;

#define SC_PERMISSION_ERROR (sc_permission_error_quark ())

typedef enum
{
  SC_PERMISSION_ERROR_DENIED,
} ScPermissionError;

GQuark       sc_permission_error_quark (void);

ScAccess     sc_permission_get         (ScOperation    operation,
                                        ScAccountRole  role);
const char  *sc_operation_get_label    (ScOperation    operation);
gboolean     sc_permission_check       (ScSession     *session,
                                        ScOperation    operation,
                                        gint64         person_id,
                                        GError       **error);
ScAccess     sc_permission_access      (ScSession     *session,
                                        ScOperation    operation);

G_END_DECLS
