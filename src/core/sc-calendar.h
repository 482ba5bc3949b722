/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sc-types.h"

G_BEGIN_DECLS

/*
 * What a calendar export holds: the shifts of published rosters and the
 * approved time off in a period, for the whole team or for one person,
 * with the names a reader needs. Plain structs, so that a hundred
 * thousand shifts cost little; strings live in the calendar's chunk.
 */
typedef struct
{
  gint64      shift_id;
  gint64      roster_id;
  gint64      person_id;
  const char *person_name;
  const char *day;              /* YYYY-MM-DD, local to the team */
  int         start_minute;     /* on the clock */
  int         length_minutes;   /* on the clock */
  const char *shift_type_code;  /* nullable */
  const char *shift_type_name;  /* nullable: explicit times */
  const char *skill_name;       /* nullable: no channel given */
  int         sequence;
  gboolean    cancelled;
  int         roster_version;
} ScCalendarShift;

typedef struct
{
  gint64         time_off_id;
  gint64         person_id;
  const char    *person_name;
  const char    *first_day;
  const char    *last_day;      /* inclusive */
  ScTimeOffKind  kind;
} ScCalendarTimeOff;

typedef struct
{
  char         *team_name;
  char         *time_zone;      /* an Olson name such as Asia/Shanghai */
  char         *token;          /* the team's part of every UID */
  gint64        person_id;      /* 0: the whole team */
  char         *person_name;    /* nullable */
  char         *first_day;
  int           n_days;
  GArray       *shifts;         /* ScCalendarShift, by day then person */
  GArray       *time_off;       /* ScCalendarTimeOff */
  GStringChunk *strings;
} ScCalendar;

ScCalendar *sc_calendar_new          (const char *team_name,
                                      const char *time_zone,
                                      const char *token,
                                      const char *first_day,
                                      int         n_days);
void        sc_calendar_free         (ScCalendar *calendar);
const char *sc_calendar_intern       (ScCalendar *calendar,
                                      const char *text);
void        sc_calendar_set_person   (ScCalendar *calendar,
                                      gint64      person_id,
                                      const char *person_name);
void        sc_calendar_add_shift    (ScCalendar            *calendar,
                                      const ScCalendarShift *shift);
void        sc_calendar_add_time_off (ScCalendar              *calendar,
                                      const ScCalendarTimeOff *time_off);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCalendar, sc_calendar_free)

G_END_DECLS
