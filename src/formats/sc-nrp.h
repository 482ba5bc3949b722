/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-roster-problem.h"

G_BEGIN_DECLS

/*
 * The text format of the Curtois employee shift scheduling benchmark
 * (instances 1–24): sections SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF,
 * SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS,
 * SECTION_COVER; '#' comment lines, blank lines, CRLF or LF.
 *
 * The whole file is checked before a problem is returned; errors name the
 * 1-based line and what was expected. Day 0 is a Monday; all contract rules
 * are hard; shift types start at 00:00.
 */

#define SC_NRP_ERROR (sc_nrp_error_quark ())

typedef enum
{
  SC_NRP_ERROR_SYNTAX,    /* malformed line or number */
  SC_NRP_ERROR_INVALID,   /* unknown id, day out of range, missing section… */
} ScNrpError;

GQuark           sc_nrp_error_quark    (void);

ScRosterProblem *sc_nrp_parse          (const char              *data,
                                        gssize                   length,
                                        GError                 **error);
ScRosterProblem *sc_nrp_load           (const char              *path,
                                        GError                 **error);
/* Lines "EmployeeID,Day,ShiftID", one per worked day, by employee then day */
char            *sc_nrp_format_roster  (const ScRosterProblem   *problem,
                                        const ScRosterSolution  *solution);
/* Reads such lines back (blank and '#' lines ignored) */
ScRosterSolution *sc_nrp_parse_roster  (const ScRosterProblem   *problem,
                                        const char              *data,
                                        gssize                   length,
                                        GError                 **error);

G_END_DECLS
