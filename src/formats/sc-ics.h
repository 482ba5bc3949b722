/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

/*
 * iCalendar (RFC 5545) with libical.
 *
 * Export: one VCALENDAR with METHOD:PUBLISH, a VTIMEZONE for the team's
 * zone (TZID is its Olson name) covering the years the events use, one
 * VEVENT per shift and one all-day VEVENT per approved time off. UIDs
 * come from the row id and the team's token, so they stay the same from
 * one export to the next; SEQUENCE is the shift's own, raised by every
 * change; removed shifts are STATUS:CANCELLED. CRLF line ends, lines
 * folded at 75 octets and never inside a UTF-8 character.
 *
 * Import: public holidays or someone's time off from the all-day events
 * of a file. The whole file is read and checked first; a problem gives
 * its line and what is wrong, and nothing is written. Writing is one
 * transaction.
 */

#define SC_ICS_ERROR (sc_ics_error_quark ())

typedef enum
{
  SC_ICS_ERROR_ENCODING,    /* not UTF-8 */
  SC_ICS_ERROR_SYNTAX,      /* not iCalendar content lines and components */
  SC_ICS_ERROR_EVENT,       /* an event that cannot be imported */
  SC_ICS_ERROR_EMPTY,       /* nothing to import */
  SC_ICS_ERROR_TIME_ZONE,   /* the team's time zone is unknown */
} ScIcsError;

typedef enum
{
  SC_ICS_IMPORT_HOLIDAYS,
  SC_ICS_IMPORT_TIME_OFF,
} ScIcsImportKind;

typedef struct
{
  guint  line;        /* of the event's BEGIN:VEVENT */
  char  *first_day;   /* YYYY-MM-DD */
  char  *last_day;    /* inclusive */
  char  *summary;     /* nullable for time off */
} ScIcsImportItem;

typedef struct
{
  ScIcsImportKind  kind;
  char            *filename;
  GPtrArray       *items;      /* ScIcsImportItem, in file order */
  guint            n_skipped;  /* cancelled events */
} ScIcsImport;

GQuark       sc_ics_error_quark        (void);

char        *sc_ics_export             (ScCalendar     *calendar,
                                        GDateTime      *stamp,
                                        gsize          *length,
                                        GError        **error);
gboolean     sc_ics_export_to_file     (ScCalendar     *calendar,
                                        GDateTime      *stamp,
                                        GFile          *file,
                                        GCancellable   *cancellable,
                                        GError        **error);
void         sc_ics_export_async       (ScStore             *store,
                                        ScSession           *session,
                                        const char          *first_day,
                                        int                  n_days,
                                        gint64               person_id,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     sc_ics_export_finish      (GAsyncResult   *result,
                                        guint          *n_events,
                                        GError        **error);

char        *sc_ics_format_title       (const ScCalendarShift *shift,
                                        gboolean               with_person);

ScIcsImport *sc_ics_import_parse       (const char     *data,
                                        gsize           length,
                                        const char     *filename,
                                        ScIcsImportKind kind,
                                        GError        **error);
ScIcsImport *sc_ics_import_read_file   (GFile          *file,
                                        ScIcsImportKind kind,
                                        GCancellable   *cancellable,
                                        GError        **error);
gboolean     sc_ics_import_apply       (ScIcsImport    *import,
                                        ScStore        *store,
                                        ScSession      *session,
                                        gint64          person_id,
                                        guint          *n_written,
                                        GError        **error);
void         sc_ics_import_free        (ScIcsImport    *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScIcsImport, sc_ics_import_free)

G_END_DECLS
