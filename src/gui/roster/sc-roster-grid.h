/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SC_TYPE_ROSTER_GRID (sc_roster_grid_get_type ())
G_DECLARE_FINAL_TYPE (ScRosterGrid, sc_roster_grid, SC, ROSTER_GRID, GtkWidget)

typedef enum
{
  SC_ROSTER_ZOOM_DAY,
  SC_ROSTER_ZOOM_WEEK,
  SC_ROSTER_ZOOM_MONTH,   /* four weeks */
} ScRosterZoom;

typedef enum
{
  SC_ROSTER_CELL_LOCKED      = 1 << 0,
  SC_ROSTER_CELL_BROKEN      = 1 << 1,   /* breaks a hard rule */
  SC_ROSTER_CELL_UNAVAILABLE = 1 << 2,   /* time off */
  SC_ROSTER_CELL_WISH        = 1 << 3,   /* goes against a wish */
  SC_ROSTER_CELL_CHANGED     = 1 << 4,   /* differs from the last published version */
} ScRosterCellFlags;

/* What the grid shows of a shift type */
typedef struct
{
  const char *code;
  const char *name;
  const char *colour;     /* #rrggbb */
  int         start_minute;
  int         length_minutes;
} ScRosterGridType;

/* The coverage strip: per channel, day and slot, people over (> 0) or
 * short (< 0) of the need; SC_ROSTER_GRID_NO_NEED where there is none */
#define SC_ROSTER_GRID_NO_NEED G_MININT16

typedef enum
{
  SC_ROSTER_DATE_WEEKDAY,
  SC_ROSTER_DATE_DAY,
  SC_ROSTER_DATE_DAY_MONTH,
  SC_ROSTER_DATE_DAY_MONTH_YEAR,
  SC_ROSTER_DATE_FULL,           /* weekday, day, month */
} ScRosterDateFormat;

char         *sc_roster_grid_format_date       (const GDate            *date,
                                                ScRosterDateFormat      format);

typedef char *(*ScRosterGridDescribeFunc) (int      person,
                                           int      day,
                                           gpointer user_data);

GtkWidget    *sc_roster_grid_new               (void);
void          sc_roster_grid_set_period        (ScRosterGrid           *self,
                                                GDate                  *first_day,
                                                int                     n_days,
                                                int                     today);
void          sc_roster_grid_set_shift_types   (ScRosterGrid           *self,
                                                const ScRosterGridType *types,
                                                guint                   n_types);
void          sc_roster_grid_set_people        (ScRosterGrid           *self,
                                                const char * const     *names,
                                                guint                   n_people);
void          sc_roster_grid_set_rows          (ScRosterGrid           *self,
                                                const int              *people,
                                                guint                   n_rows);
void          sc_roster_grid_set_cell          (ScRosterGrid           *self,
                                                int                     person,
                                                int                     day,
                                                int                     type,
                                                guint                   flags);
int           sc_roster_grid_get_cell          (ScRosterGrid           *self,
                                                int                     person,
                                                int                     day,
                                                guint                  *flags);
void          sc_roster_grid_set_person_broken (ScRosterGrid           *self,
                                                int                     person,
                                                gboolean                broken);
void          sc_roster_grid_set_coverage      (ScRosterGrid           *self,
                                                const char * const     *channels,
                                                guint                   n_channels,
                                                int                     first_minute,
                                                int                     slot_minutes,
                                                int                     n_slots,
                                                const gint16           *balance);
void          sc_roster_grid_set_describe_func (ScRosterGrid           *self,
                                                ScRosterGridDescribeFunc func,
                                                gpointer                user_data);
void          sc_roster_grid_set_zoom          (ScRosterGrid           *self,
                                                ScRosterZoom            zoom);
ScRosterZoom  sc_roster_grid_get_zoom          (ScRosterGrid           *self);
void          sc_roster_grid_set_editable      (ScRosterGrid           *self,
                                                gboolean                editable);
gboolean      sc_roster_grid_get_editable      (ScRosterGrid           *self);
void          sc_roster_grid_set_focus_cell    (ScRosterGrid           *self,
                                                int                     person,
                                                int                     day);
void          sc_roster_grid_get_focus_cell    (ScRosterGrid           *self,
                                                int                    *person,
                                                int                    *day);
gboolean      sc_roster_grid_get_cell_area     (ScRosterGrid           *self,
                                                int                     person,
                                                int                     day,
                                                GdkRectangle           *area);
gboolean      sc_roster_grid_drop              (ScRosterGrid           *self,
                                                int                     from_person,
                                                int                     from_day,
                                                int                     to_person,
                                                int                     to_day);
gboolean      sc_roster_grid_get_chip_area     (ScRosterGrid           *self,
                                                int                     person,
                                                int                     day,
                                                GdkRectangle           *area);
double        sc_roster_grid_get_time_x        (ScRosterGrid           *self,
                                                int                     day,
                                                int                     minute);
void          sc_roster_grid_get_day_span      (ScRosterGrid           *self,
                                                int                    *start,
                                                int                    *end);
guint         sc_roster_grid_get_n_rows        (ScRosterGrid           *self);
void          sc_roster_grid_get_drawn_rows    (ScRosterGrid           *self,
                                                int                    *first,
                                                int                    *last);

G_END_DECLS
