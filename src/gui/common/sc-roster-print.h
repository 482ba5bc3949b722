/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A roster as it is printed: people down the side, days across, one shift
 * (or none) per person and day. The caller fills it from whatever it
 * shows (a draft on screen, a published version).
 */
typedef struct
{
  char *code;      /* shown on the chip, e.g. “E” */
  char *times;     /* e.g. “07:00–15:30” */
  char *colour;    /* #rrggbb, nullable */
} ScRosterPrintCell;

typedef struct _ScRosterPrint ScRosterPrint;

ScRosterPrint *sc_roster_print_new        (const char    *title,
                                           const char    *first_day,
                                           int            n_days);
void           sc_roster_print_free       (ScRosterPrint *self);
int            sc_roster_print_add_person (ScRosterPrint *self,
                                           const char    *name);
void           sc_roster_print_set_cell   (ScRosterPrint *self,
                                           int            person,
                                           int            day,
                                           const char    *code,
                                           const char    *times,
                                           const char    *colour);
int            sc_roster_print_get_n_pages (ScRosterPrint *self,
                                            int           rows_per_page);
gboolean       sc_roster_print_render_png (ScRosterPrint  *self,
                                           int             page_nr,
                                           const char     *filename,
                                           GError        **error);
GtkPrintOperationResult
               sc_roster_print_run        (ScRosterPrint            *self,
                                           GtkPrintOperationAction   action,
                                           GtkWindow                *parent,
                                           const char               *export_filename,
                                           GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterPrint, sc_roster_print_free)

G_END_DECLS
