/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-roster-grid.h"

/*
 * ScRosterGrid: people down the side, days across, a chip per shift
 * coloured by its shift type, and under it a coverage strip per channel.
 *
 * One widget draws everything with GtkSnapshot, and only what is in view:
 * a roster of 600 people × 28 days costs the rows on screen, not 16,800
 * widgets. It is GtkScrollable: the names column, the day header and the
 * coverage strip stay put while the cells scroll under them.
 *
 * The grid knows nothing of the store. It tells what the user asks for
 * through signals (move-shift, activate-cell, toggle-lock, remove-shift,
 * context-menu); the page does it, checks the roster and sets the cells
 * again. Drags and the keyboard's Alt+arrow moves both end in
 * sc_roster_grid_drop().
 *
 * Scrolling stays smooth on big teams because a row's cells are drawn once
 * into tiles (textures of a few days each) that later frames reuse; only a
 * change to a person's cells draws that person's tiles again.
 *
 * At the day zoom a column spans the hours the shift types need, from the
 * earliest start to the latest end, which is the next morning when a shift
 * runs past midnight. At the other zooms such a shift reaches into the next
 * day's cell as far as it lasts there.
 */

#define NAME_WIDTH      184
#define HEADER_HEIGHT   46
#define ROW_HEIGHT      34
#define CHIP_INSET_X    3
#define CHIP_INSET_Y    4
#define STRIP_ROW       16
#define STRIP_PAD       8
#define MIN_DAY_COLUMN  34
#define MIN_WEEK_COLUMN 104
#define MIN_DAY_ZOOM    480
#define TILE_WIDTH      1024  /* about how wide a tile of cells is */

typedef struct
{
  char        *code;
  char        *name;
  GdkRGBA      colour;
  GdkRGBA      text;
  int          start_minute;
  int          length_minutes;
  PangoLayout *full;     /* “E 07:00–15:30” */
  PangoLayout *brief;    /* “E” */
} GridType;

typedef struct
{
  gint8  type;     /* -1: off */
  guint8 flags;
} GridCell;

struct _ScRosterGrid
{
  GtkWidget                 parent_instance;

  /* Scrolling */
  GtkAdjustment            *hadjustment;
  GtkAdjustment            *vadjustment;
  guint                     hscroll_policy : 1;
  guint                     vscroll_policy : 1;

  /* Data */
  GDate                     first_day;
  int                       n_days;
  int                       today;
  GArray                   *types;        /* GridType */
  GPtrArray                *names;        /* char *, by person */
  GPtrArray                *name_layouts; /* PangoLayout *, lazily */
  guint8                   *person_broken;
  int                       n_people;
  GridCell                 *cells;        /* [person * n_days + day] */
  GArray                   *rows;         /* int person, in display order */
  GPtrArray                *channels;     /* char * */
  int                       first_minute;
  int                       slot_minutes;
  int                       n_slots;
  gint16                   *balance;      /* [(channel * n_days + day) * n_slots + slot] */
  GPtrArray                *day_layouts;  /* PangoLayout *, by day */
  ScRosterGridDescribeFunc  describe;
  gpointer                  describe_data;

  /* State */
  ScRosterZoom              zoom;
  gboolean                  editable;
  int                       column_width;
  int                       focus_row;
  int                       focus_day;
  int                       drag_row;
  int                       drag_day;
  int                       hover_row;
  int                       hover_day;
  int                       drawn_first;
  int                       drawn_last;
  gboolean                  scroll_pending;  /* to the focus, once columns are known */

  /* Drawing caches */
  int                       span_start;     /* the day zoom's hours, in minutes */
  int                       span_end;       /* from the day's midnight */
  int                      *person_rows;    /* person → row, or -1 */
  GskRenderNode           **tiles;          /* [person * n_tiles + tile] */
  GskRenderNode           **strip_tiles;    /* [tile]: the coverage strip's */
  guint8                   *tile_drawn;     /* (a drawn tile may be empty: NULL) */
  GArray                   *resident;       /* int: the tiles that hold a texture */
  int                       tile_days;
  int                       tile_scale;
  gboolean                  tile_textures;  /* textures for GL, images for cairo */
  int                       n_tiles;
  PangoLayout              *hour_layouts[24];
  PangoLayout              *count_layout;
  GPtrArray                *channel_layouts;
};

static void sc_roster_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScRosterGrid, sc_roster_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, sc_roster_grid_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_EDITABLE,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE_SHIFT,
  ACTIVATE_CELL,
  TOGGLE_LOCK,
  REMOVE_SHIFT,
  CONTEXT_MENU,
  FOCUS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/**
 * sc_roster_grid_format_date:
 * @date: a valid date
 *
 * Returns: (transfer full): the date as the roster writes it
 */
char *
sc_roster_grid_format_date (const GDate          *date,
                            ScRosterDateFormat    format)
{
  /* The same in every locale setting: the translation decides the order
   * and the names */
  const char *weekday = sc_day_weekday_abbreviation (g_date_get_weekday (date));
  const char *month = sc_day_month_abbreviation (g_date_get_month (date));
  int day = g_date_get_day (date);
  int year = g_date_get_year (date);

  switch (format)
    {
    case SC_ROSTER_DATE_WEEKDAY:
      return g_strdup (weekday);
    case SC_ROSTER_DATE_DAY:
      return g_strdup_printf ("%d", day);
    case SC_ROSTER_DATE_DAY_MONTH:
      /* Translators: day and month: “1 Dec”; reorder with %2$s and %1$d */
      return g_strdup_printf (C_("date", "%1$d %2$s"), day, month);
    case SC_ROSTER_DATE_DAY_MONTH_YEAR:
      /* Translators: day, month and year: “27 Dec 2026” */
      return g_strdup_printf (C_("date", "%1$d %2$s %3$d"), day, month, year);
    case SC_ROSTER_DATE_FULL:
    default:
      /* Translators: weekday, day and month: “Tue 1 Dec” */
      return g_strdup_printf (C_("date", "%1$s %2$d %3$s"), weekday, day, month);
    }
}

static void
grid_type_clear (gpointer data)
{
  GridType *type = data;

  g_free (type->code);
  g_free (type->name);
  g_clear_object (&type->full);
  g_clear_object (&type->brief);
}

/* Layout caches have holes */
static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
get_foreground (ScRosterGrid *self,
                GdkRGBA      *colour)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static GdkRGBA
with_alpha (const GdkRGBA *colour,
            float          alpha)
{
  GdkRGBA result = *colour;

  result.alpha = alpha;
  return result;
}

static void
get_accent (GdkRGBA *colour)
{
  gdk_rgba_parse (colour, is_dark () ? "#78aeed" : "#1c71d8");
}

static void
get_short_colour (GdkRGBA *colour)
{
  gdk_rgba_parse (colour, is_dark () ? "#ff7b63" : "#e01b24");
}

static void
get_over_colour (GdkRGBA *colour)
{
  gdk_rgba_parse (colour, is_dark () ? "#62a0ea" : "#1a5fb4");
}

static char *
format_time (int minute)
{
  minute = ((minute % 1440) + 1440) % 1440;
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static int
strip_height (ScRosterGrid *self)
{
  if (self->channels->len == 0 || self->n_slots == 0)
    return 0;

  return STRIP_PAD * 2 + (int) self->channels->len * STRIP_ROW;
}

static int
body_height (ScRosterGrid *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_HEIGHT - strip_height (self), 0);
}

static int
body_width (ScRosterGrid *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)) - NAME_WIDTH, 0);
}

static int
compute_column_width (ScRosterGrid *self,
                      int           width)
{
  int avail = MAX (width - NAME_WIDTH, 1);
  int n = MAX (self->n_days, 1);

  switch (self->zoom)
    {
    case SC_ROSTER_ZOOM_DAY:
      return MAX (avail, MIN_DAY_ZOOM);
    case SC_ROSTER_ZOOM_WEEK:
      return MAX (avail / MIN (n, 7), MIN_WEEK_COLUMN);
    case SC_ROSTER_ZOOM_MONTH:
    default:
      return MAX (avail / MIN (n, 28), MIN_DAY_COLUMN);
    }
}

static double
hvalue (ScRosterGrid *self)
{
  /* Whole pixels: tiles are copied, not resampled */
  return self->hadjustment ? round (gtk_adjustment_get_value (self->hadjustment)) : 0;
}

static double
vvalue (ScRosterGrid *self)
{
  return self->vadjustment ? round (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

static int
row_person (ScRosterGrid *self,
            int           row)
{
  if (row < 0 || row >= (int) self->rows->len)
    return -1;
  return g_array_index (self->rows, int, row);
}

static int
person_row (ScRosterGrid *self,
            int           person)
{
  if (person < 0 || person >= self->n_people || self->person_rows == NULL)
    return -1;
  return self->person_rows[person];
}

static GridCell *
cell_at (ScRosterGrid *self,
         int           person,
         int           day)
{
  if (person < 0 || person >= self->n_people || day < 0 || day >= self->n_days)
    return NULL;
  return &self->cells[(gsize) person * self->n_days + day];
}

/* The cell under a point of the widget; FALSE outside the cells */
static gboolean
pick_cell (ScRosterGrid *self,
           double        x,
           double        y,
           int          *row,
           int          *day)
{
  double bx = x - NAME_WIDTH + hvalue (self);
  double by = y - HEADER_HEIGHT + vvalue (self);

  if (x < NAME_WIDTH || y < HEADER_HEIGHT || y >= HEADER_HEIGHT + body_height (self) ||
      self->column_width <= 0)
    return FALSE;

  *row = (int) (by / ROW_HEIGHT);
  *day = (int) (bx / self->column_width);
  return *row >= 0 && *row < (int) self->rows->len && *day >= 0 && *day < self->n_days;
}

static void
configure_adjustments (ScRosterGrid *self)
{
  int width = body_width (self);
  int height = body_height (self);

  if (self->hadjustment != NULL)
    {
      double upper = (double) self->n_days * self->column_width;

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (upper - width, 0)),
                                0, MAX (upper, width), self->column_width, MAX (width * 0.9, 1), width);
    }

  if (self->vadjustment != NULL)
    {
      double upper = (double) self->rows->len * ROW_HEIGHT;

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (upper - height, 0)),
                                0, MAX (upper, height), ROW_HEIGHT, MAX (height * 0.9, 1), height);
    }
}

static void
drop_type_layouts (ScRosterGrid *self)
{
  for (guint i = 0; i < self->types->len; i++)
    {
      GridType *type = &g_array_index (self->types, GridType, i);

      g_clear_object (&type->full);
      g_clear_object (&type->brief);
    }
}

static void drop_tiles (ScRosterGrid *self);

static void
drop_layouts (ScRosterGrid *self)
{
  drop_type_layouts (self);
  g_ptr_array_set_size (self->name_layouts, 0);
  g_ptr_array_set_size (self->day_layouts, 0);
  g_ptr_array_set_size (self->channel_layouts, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->hour_layouts); i++)
    g_clear_object (&self->hour_layouts[i]);
  g_clear_object (&self->count_layout);
  drop_tiles (self);
}

static PangoLayout *
type_layout (ScRosterGrid *self,
             GridType     *type,
             gboolean      full)
{
  if (type->brief == NULL)
    {
      g_autofree char *start = format_time (type->start_minute);
      g_autofree char *end = format_time (type->start_minute + type->length_minutes);
      g_autofree char *markup = NULL;

      type->brief = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      markup = g_markup_printf_escaped ("<b>%s</b>", type->code);
      pango_layout_set_markup (type->brief, markup, -1);

      type->full = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      g_free (markup);
      if (self->zoom == SC_ROSTER_ZOOM_DAY)
        /* Translators: a shift chip at the day zoom: code, name, start–end */
        markup = g_markup_printf_escaped (_("<b>%s</b> %s  <small>%s–%s</small>"), type->code, type->name, start, end);
      else
        /* Translators: a shift chip: code, then start–end */
        markup = g_markup_printf_escaped (_("<b>%s</b> <small>%s–%s</small>"), type->code, start, end);
      pango_layout_set_markup (type->full, markup, -1);
    }

  return full ? type->full : type->brief;
}

static PangoLayout *
name_layout (ScRosterGrid *self,
             int           person)
{
  PangoLayout *layout;

  if (self->name_layouts->len < (guint) self->n_people)
    g_ptr_array_set_size (self->name_layouts, self->n_people);

  layout = g_ptr_array_index (self->name_layouts, person);
  if (layout == NULL)
    {
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), g_ptr_array_index (self->names, person));
      pango_layout_set_width (layout, (NAME_WIDTH - 28) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      g_ptr_array_index (self->name_layouts, person) = layout;
    }

  return layout;
}

static GDateWeekday
weekday_of (ScRosterGrid *self,
            int           day)
{
  GDate date = self->first_day;

  g_date_add_days (&date, day);
  return g_date_get_weekday (&date);
}

static gboolean
is_weekend (ScRosterGrid *self,
            int           day)
{
  GDateWeekday weekday = weekday_of (self, day);

  return weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY;
}

static PangoLayout *
day_layout (ScRosterGrid *self,
            int           day)
{
  PangoLayout *layout;

  /* One more than the period: the day zoom names the morning after */
  if (self->day_layouts->len < (guint) self->n_days + 1)
    g_ptr_array_set_size (self->day_layouts, self->n_days + 1);

  layout = g_ptr_array_index (self->day_layouts, day);
  if (layout == NULL)
    {
      GDate date = self->first_day;
      g_autofree char *top = NULL;
      g_autofree char *bottom = NULL;
      g_autofree char *markup = NULL;

      g_date_add_days (&date, day);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      g_ptr_array_index (self->day_layouts, day) = layout;

      if (self->zoom == SC_ROSTER_ZOOM_DAY)
        {
          /* One line, the hours under it */
          top = sc_roster_grid_format_date (&date, SC_ROSTER_DATE_FULL);
          markup = g_markup_printf_escaped (day == self->today ? "<b>%s</b>" : "%s", top);
          pango_layout_set_markup (layout, markup, -1);
          return layout;
        }

      top = sc_roster_grid_format_date (&date, SC_ROSTER_DATE_WEEKDAY);
      bottom = sc_roster_grid_format_date (&date, self->zoom == SC_ROSTER_ZOOM_MONTH ? SC_ROSTER_DATE_DAY
                                                                                    : SC_ROSTER_DATE_DAY_MONTH);
      g_strstrip (bottom);
      markup = g_markup_printf_escaped (day == self->today ? "<small>%s</small>\n<b>%s</b>"
                                                           : "<small>%s</small>\n%s",
                                        top, bottom);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_width (layout, MAX (self->column_width - 4, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *colour,
             float          x,
             float          y,
             float          w,
             float          h)
{
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *colour,
                float          x,
                float          y,
                float          w,
                float          h,
                float          radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, colour, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *colour,
                float          x,
                float          y,
                float          w,
                float          h,
                float          radius,
                float          width)
{
  GskRoundedRect rounded;
  float widths[4] = { width, width, width, width };
  GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colours);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               const GdkRGBA *colour,
               float          x,
               float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

/* A small padlock */
static void
append_lock (GtkSnapshot   *snapshot,
             const GdkRGBA *colour,
             float          x,
             float          y)
{
  append_outline (snapshot, colour, x + 1.5f, y, 6, 7, 3, 1.5f);
  append_rounded (snapshot, colour, x, y + 4, 9, 6, 1.5f);
}

/* Where the time of day is drawn in a column: the day zoom spans the hours
 * the shift types need (a night shift's morning included), the other
 * zooms the day's 24 hours */
static float
minute_x (ScRosterGrid *self,
          int           minute)
{
  int start = self->zoom == SC_ROSTER_ZOOM_DAY ? self->span_start : 0;
  int end = self->zoom == SC_ROSTER_ZOOM_DAY ? self->span_end : 1440;

  return (float) (minute - start) / MAX (end - start, 1) * self->column_width;
}

static GridType *
cell_type (ScRosterGrid *self,
           GridCell     *cell)
{
  if (cell == NULL || cell->type < 0 || cell->type >= (int) self->types->len)
    return NULL;
  return &g_array_index (self->types, GridType, cell->type);
}

/* At the week and four-week zooms a shift that ends after midnight
 * reaches into the next day's cell as far as it lasts there */
static float
tail_width (ScRosterGrid *self,
            int           person,
            int           day)
{
  GridType *type = cell_type (self, cell_at (self, person, day));
  int after;

  if (type == NULL || self->zoom == SC_ROSTER_ZOOM_DAY)
    return 0;

  after = type->start_minute + type->length_minutes - 1440;
  if (after <= 0)
    return 0;

  return CLAMP (roundf ((float) after / 1440 * self->column_width), 4, self->column_width / 3.0f);
}

/* The chip of a cell, across in the body's coordinates */
static gboolean
chip_span (ScRosterGrid *self,
           int           person,
           int           day,
           float        *x,
           float        *width)
{
  GridType *type = cell_type (self, cell_at (self, person, day));
  float left = (float) day * self->column_width;

  if (type == NULL)
    return FALSE;

  if (self->zoom == SC_ROSTER_ZOOM_DAY)
    {
      /* At the day zoom a chip spans its hours, past midnight too */
      float start = minute_x (self, type->start_minute);
      float end = minute_x (self, type->start_minute + type->length_minutes);

      *x = left + CLAMP (start, 0, self->column_width - 24) + 1;
      *width = MAX (MIN (end, self->column_width) - start - 2, 24);
    }
  else
    {
      float lead = day > 0 ? tail_width (self, person, day - 1) : 0;
      float tail = tail_width (self, person, day);

      if (lead > 0)
        lead += 2;
      *x = left + CHIP_INSET_X + lead;
      *width = self->column_width - 2 * CHIP_INSET_X - lead;
      if (tail > 0 && day + 1 < self->n_days)
        *width += CHIP_INSET_X + tail;
    }

  return TRUE;
}

static void
snapshot_chip (ScRosterGrid *self,
               GtkSnapshot  *snapshot,
               GridType     *type,
               guint         flags,
               float         cx,
               float         y,
               float         cw)
{
  float h = ROW_HEIGHT - 2 * CHIP_INSET_Y;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA text = type->text;
  GdkRGBA fill = type->colour;
  GdkRGBA red;
  float lock_space = (flags & SC_ROSTER_CELL_LOCKED) ? 12 : 0;
  float tx;

  get_short_colour (&red);
  append_rounded (snapshot, &fill, cx, y + CHIP_INSET_Y, cw, h, 6);

  /* The times when they fit, else the code alone, else colour only (the
   * tooltip and the accessible description still say it all) */
  layout = type_layout (self, type, TRUE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.width > cw - 8 - lock_space)
    {
      layout = type_layout (self, type, FALSE);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
    }

  tx = cx + MAX ((cw - lock_space - logical.width) / 2, 4);
  if (logical.width <= cw - 4 - lock_space / 2)
    {
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (cx, y, cw, ROW_HEIGHT));
      append_layout (snapshot, layout, &text, roundf (tx), roundf (y + (ROW_HEIGHT - logical.height) / 2.0f));
      gtk_snapshot_pop (snapshot);
    }

  if (flags & SC_ROSTER_CELL_LOCKED)
    append_lock (snapshot, &text, cx + cw - 13, y + ROW_HEIGHT / 2.0f - 5);

  /* Changed since the last published version: a bar in the accent colour
   * under the chip */
  if (flags & SC_ROSTER_CELL_CHANGED)
    {
      GdkRGBA accent;

      get_accent (&accent);
      append_rounded (snapshot, &accent, cx + 2, y + ROW_HEIGHT - CHIP_INSET_Y, cw - 4, 2.5f, 1.25f);
    }

  if (flags & SC_ROSTER_CELL_BROKEN)
    {
      GdkRGBA white = { 1, 1, 1, 1 };

      append_outline (snapshot, &red, cx - 1, y + CHIP_INSET_Y - 1, cw + 2, h + 2, 7, 2);
      /* The mark: a red dot with a white ring in the corner */
      append_rounded (snapshot, &white, cx + cw - 9, y + 1, 11, 11, 5.5f);
      append_rounded (snapshot, &red, cx + cw - 7.5f, y + 2.5f, 8, 8, 4);
    }
  else if (flags & SC_ROSTER_CELL_WISH)
    {
      GdkRGBA amber;

      gdk_rgba_parse (&amber, "#e5a50a");
      append_rounded (snapshot, &amber, cx + cw - 7.5f, y + 2.5f, 7, 7, 3.5f);
    }
}

/* The cells of one row from @from_day to @to_day, with day 0 at x = 0: what
 * a tile holds. A shift of the day before that runs past midnight reaches
 * into @from_day, so that day is looked at too. */
static void
snapshot_cells (ScRosterGrid  *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *fg,
                int            row,
                int            from_day,
                int            to_day,
                float          y)
{
  int person = row_person (self, row);
  GdkRGBA off = with_alpha (fg, 0.10f);
  GdkRGBA accent;
  float inner_w = self->column_width - 2 * CHIP_INSET_X;
  float inner_h = ROW_HEIGHT - 2 * CHIP_INSET_Y;

  get_accent (&accent);

  for (int d = MAX (from_day - 1, 0); d <= to_day; d++)
    {
      GridCell *cell = cell_at (self, person, d);
      GridType *type = cell_type (self, cell);
      float x = (float) d * self->column_width;
      gboolean dragged = row == self->drag_row && d == self->drag_day;
      float cx, cw;

      if (cell == NULL)
        continue;

      if (d < from_day)
        {
          /* Only what runs over midnight into the first day */
          if (type != NULL && !dragged && tail_width (self, person, d) > 0 && chip_span (self, person, d, &cx, &cw))
            snapshot_chip (self, snapshot, type, cell->flags, cx, y, cw);
          continue;
        }

      /* Time off */
      if (cell->flags & SC_ROSTER_CELL_UNAVAILABLE)
        append_rounded (snapshot, &off, x + CHIP_INSET_X, y + CHIP_INSET_Y, inner_w, inner_h, 6);

      if (type != NULL && !dragged && chip_span (self, person, d, &cx, &cw))
        snapshot_chip (self, snapshot, type, cell->flags, cx, y, cw);
      else if (type == NULL && (cell->flags & SC_ROSTER_CELL_CHANGED))
        /* A shift taken off since the last published version */
        append_outline (snapshot, &accent, x + CHIP_INSET_X, y + CHIP_INSET_Y, inner_w, inner_h, 6, 1.5f);
      else if (type != NULL && dragged)
        {
          GdkRGBA ghost = with_alpha (&type->colour, 0.35f);

          append_rounded (snapshot, &ghost, x + CHIP_INSET_X, y + CHIP_INSET_Y, inner_w, inner_h, 6);
        }
    }
}

/* Tiles: the cells of a row over a few days, drawn once into a texture
 * and reused frame after frame until one of them changes. Scrolling then
 * costs a copy per tile instead of shaping and filling every chip. */

static void
drop_tiles (ScRosterGrid *self)
{
  for (guint i = 0; i < self->resident->len; i++)
    g_clear_pointer (&self->tiles[g_array_index (self->resident, int, i)], gsk_render_node_unref);
  g_array_set_size (self->resident, 0);
  for (int t = 0; self->strip_tiles != NULL && t < self->n_tiles; t++)
    g_clear_pointer (&self->strip_tiles[t], gsk_render_node_unref);
  g_clear_pointer (&self->strip_tiles, g_free);
  g_clear_pointer (&self->tiles, g_free);
  g_clear_pointer (&self->tile_drawn, g_free);
  self->n_tiles = 0;
}

static void
drop_person_tiles (ScRosterGrid *self,
                   int           person)
{
  if (self->tiles == NULL || person < 0 || person >= self->n_people)
    return;

  for (int t = 0; t < self->n_tiles; t++)
    {
      gsize i = (gsize) person * self->n_tiles + t;

      self->tile_drawn[i] = FALSE;
      if (self->tiles[i] != NULL)
        {
          g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
          for (guint k = 0; k < self->resident->len; k++)
            if (g_array_index (self->resident, int, k) == (int) i)
              {
                g_array_remove_index_fast (self->resident, k);
                break;
              }
        }
    }
}

static void
ensure_tiles (ScRosterGrid *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int tile_days = MAX (TILE_WIDTH / MAX (self->column_width, 1), 1);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  gboolean textures = renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer);

  if (self->tiles != NULL && tile_days == self->tile_days && scale == self->tile_scale &&
      textures == self->tile_textures)
    return;

  drop_tiles (self);
  self->tile_days = tile_days;
  self->tile_scale = scale;
  self->tile_textures = textures;
  self->n_tiles = (self->n_days + tile_days - 1) / tile_days;
  self->tiles = g_new0 (GskRenderNode *, MAX ((gsize) self->n_people * self->n_tiles, 1));
  self->tile_drawn = g_new0 (guint8, MAX ((gsize) self->n_people * self->n_tiles, 1));
  self->strip_tiles = g_new0 (GskRenderNode *, MAX (self->n_tiles, 1));
}

/* A node that paints an image of @content, from @x across */
static void
free_surface (gpointer surface)
{
  cairo_surface_destroy (surface);
}

/* The GL renderer keeps a texture on the GPU from frame to frame; the
 * cairo renderer paints an image straight from memory, where a texture
 * would be converted again at every frame */
static GskRenderNode *
make_image_node (ScRosterGrid  *self,
                 GskRenderNode *content,
                 float          x,
                 int            width,
                 int            height)
{
  int scale = self->tile_scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  GskRenderNode *node;
  cairo_t *cr;

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x, 0);
  gsk_render_node_draw (content, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (self->tile_textures)
    {
      int stride = cairo_image_surface_get_stride (surface);
      g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                                             (gsize) stride * height * scale,
                                                             free_surface, surface);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                                              bytes, stride);

      return gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (x, 0, width, height));
    }

  cairo_surface_set_device_scale (surface, scale, scale);

  node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, 0, width, height));
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, surface, x, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return node;
}

/* The tile's node, drawn when it is not yet; NULL when it holds nothing.
 * The node paints an image of the tile: later frames only copy it. */
static GskRenderNode *
get_tile (ScRosterGrid  *self,
          const GdkRGBA *fg,
          int            row,
          int            tile)
{
  int person = row_person (self, row);
  gsize i = (gsize) person * self->n_tiles + tile;
  int from = tile * self->tile_days;
  int to = MIN (from + self->tile_days, self->n_days) - 1;
  int width = (to - from + 1) * self->column_width;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) cells = NULL;

  if (self->tile_drawn[i])
    return self->tiles[i];

  self->tile_drawn[i] = TRUE;

  snapshot = gtk_snapshot_new ();
  snapshot_cells (self, snapshot, fg, row, from, to, 0);
  cells = gtk_snapshot_free_to_node (snapshot);
  if (cells == NULL)
    return NULL;

  self->tiles[i] = make_image_node (self, cells, (float) from * self->column_width, width, ROW_HEIGHT);
  g_array_append_vals (self->resident, (int[]) { (int) i }, 1);
  return self->tiles[i];
}

/* Keeps the tiles within a screen of the view */
static void
evict_tiles (ScRosterGrid *self,
             int           first_row,
             int           last_row,
             int           first_tile,
             int           last_tile)
{
  int rows = last_row - first_row + 1;
  int tiles = last_tile - first_tile + 1;

  if (self->resident->len <= (guint) (3 * rows * tiles))
    return;

  for (guint k = 0; k < self->resident->len;)
    {
      int i = g_array_index (self->resident, int, k);
      int person = i / self->n_tiles;
      int tile = i % self->n_tiles;
      int row = self->person_rows[person];

      if (row < first_row - rows || row > last_row + rows || tile < first_tile - tiles || tile > last_tile + tiles)
        {
          g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
          self->tile_drawn[i] = FALSE;
          g_array_remove_index_fast (self->resident, k);
        }
      else
        k++;
    }
}

static void
snapshot_body (ScRosterGrid  *self,
               GtkSnapshot   *snapshot,
               const GdkRGBA *fg,
               int            first_row,
               int            last_row,
               int            first_day,
               int            last_day)
{
  int bw = body_width (self);
  int bh = body_height (self);
  double hv = hvalue (self);
  double vv = vvalue (self);
  GdkRGBA weekend = with_alpha (fg, 0.045f);
  GdkRGBA line = with_alpha (fg, 0.09f);
  GdkRGBA accent, today, midnight;
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  int first_tile, last_tile;

  get_accent (&accent);
  today = with_alpha (&accent, 0.10f);
  midnight = with_alpha (fg, 0.30f);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (NAME_WIDTH, HEADER_HEIGHT, bw, bh));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (NAME_WIDTH - hv, HEADER_HEIGHT - vv));

  /* Columns: weekends shaded, today tinted, a line between days */
  for (int d = first_day; d <= last_day; d++)
    {
      float x = (float) d * self->column_width;

      if (d == self->today)
        append_rect (snapshot, &today, x, vv, self->column_width, bh);
      else if (is_weekend (self, d))
        append_rect (snapshot, &weekend, x, vv, self->column_width, bh);
      append_rect (snapshot, &line, x + self->column_width - 1, vv, 1, bh);

      /* The day zoom's hours, and midnight stronger */
      if (self->zoom == SC_ROSTER_ZOOM_DAY)
        for (int h = (self->span_start + 59) / 60; h * 60 < self->span_end; h++)
          if (h > self->span_start / 60)
            append_rect (snapshot, h % 24 == 0 ? &midnight : &line, roundf (x + minute_x (self, h * 60)), vv,
                         1, bh);
    }

  for (int r = first_row; r <= last_row; r++)
    append_rect (snapshot, &line, hv, (float) r * ROW_HEIGHT + ROW_HEIGHT - 1, bw, 1);

  /* The cells, from tiles */
  ensure_tiles (self);
  first_tile = first_day / self->tile_days;
  last_tile = last_day / self->tile_days;
  for (int r = first_row; r <= last_row; r++)
    for (int t = first_tile; t <= last_tile; t++)
      {
        GskRenderNode *node = get_tile (self, fg, r, t);

        if (node != NULL)
          {
            gtk_snapshot_save (snapshot);
            gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (float) r * ROW_HEIGHT));
            gtk_snapshot_append_node (snapshot, node);
            gtk_snapshot_restore (snapshot);
          }
      }
  evict_tiles (self, first_row, last_row, first_tile, last_tile);

  /* Where a drop would land */
  if (self->hover_row >= 0 && self->hover_day >= 0)
    append_outline (snapshot, &accent, (float) self->hover_day * self->column_width + 1,
                    (float) self->hover_row * ROW_HEIGHT + 1, self->column_width - 2, ROW_HEIGHT - 2, 7, 2);

  /* The keyboard's cell */
  if (focused && self->focus_row >= 0 && self->focus_day >= 0)
    append_outline (snapshot, &accent, (float) self->focus_day * self->column_width + 1,
                    (float) self->focus_row * ROW_HEIGHT + 1, self->column_width - 2, ROW_HEIGHT - 2, 7, 2);

  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_names (ScRosterGrid  *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *fg,
                int            first_row,
                int            last_row)
{
  int bh = body_height (self);
  double vv = vvalue (self);
  GdkRGBA line = with_alpha (fg, 0.09f);
  GdkRGBA edge = with_alpha (fg, 0.18f);
  GdkRGBA focus_tint;
  GdkRGBA red;

  get_accent (&focus_tint);
  focus_tint.alpha = 0.12f;
  get_short_colour (&red);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT, NAME_WIDTH, bh));
  for (int r = first_row; r <= last_row; r++)
    {
      int person = row_person (self, r);
      float y = HEADER_HEIGHT + (float) (r * ROW_HEIGHT - vv);
      PangoLayout *layout;
      PangoRectangle logical;

      if (person < 0)
        continue;

      if (r == self->focus_row)
        append_rect (snapshot, &focus_tint, 0, y, NAME_WIDTH, ROW_HEIGHT);
      append_rect (snapshot, &line, 0, y + ROW_HEIGHT - 1, NAME_WIDTH, 1);

      if (self->person_broken != NULL && self->person_broken[person])
        append_rounded (snapshot, &red, 8, y + ROW_HEIGHT / 2.0f - 4, 8, 8, 4);

      layout = name_layout (self, person);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      append_layout (snapshot, layout, fg, 22, y + (ROW_HEIGHT - logical.height) / 2.0f);
    }
  gtk_snapshot_pop (snapshot);

  append_rect (snapshot, &edge, NAME_WIDTH - 1, 0, 1, gtk_widget_get_height (GTK_WIDGET (self)));
}

static PangoLayout *
hour_layout (ScRosterGrid *self,
             int           hour)
{
  hour = ((hour % 24) + 24) % 24;
  if (self->hour_layouts[hour] == NULL)
    {
      g_autofree char *text = format_time (hour * 60);
      g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>", text);

      self->hour_layouts[hour] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (self->hour_layouts[hour], markup, -1);
    }

  return self->hour_layouts[hour];
}

/* The day zoom's header: the date, the next date from midnight on, and
 * the hours */
static void
snapshot_day_ruler (ScRosterGrid  *self,
                    GtkSnapshot   *snapshot,
                    const GdkRGBA *fg,
                    int            day,
                    float          x)
{
  static const int steps[] = { 1, 2, 3, 4, 6, 12 };
  GdkRGBA dim = with_alpha (fg, 0.65f);
  GdkRGBA tick = with_alpha (fg, 0.25f);
  float hour_width = minute_x (self, 60) - minute_x (self, 0);
  PangoRectangle logical;
  int step = 12;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (hour_width * steps[i] >= 46)
      {
        step = steps[i];
        break;
      }

  append_layout (snapshot, day_layout (self, day), fg, roundf (x + 6), 3);
  if (self->span_end > 1440)
    {
      float midnight = x + minute_x (self, 1440);

      append_rect (snapshot, &tick, roundf (midnight), 0, 1, HEADER_HEIGHT);
      append_layout (snapshot, day_layout (self, day + 1), &dim, roundf (midnight + 6), 3);
    }

  for (int h = (self->span_start + 59) / 60; h * 60 <= self->span_end; h++)
    {
      float hx = roundf (x + minute_x (self, h * 60));
      PangoLayout *layout;

      append_rect (snapshot, &tick, hx, HEADER_HEIGHT - 5, 1, 5);
      if (h % step != 0)
        continue;

      layout = hour_layout (self, h);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (hx - logical.width / 2.0f < x + 2 || hx + logical.width / 2.0f > x + self->column_width - 2)
        continue;
      append_layout (snapshot, layout, &dim, roundf (hx - logical.width / 2.0f), HEADER_HEIGHT - 6 - logical.height);
    }
}

static void
snapshot_header (ScRosterGrid  *self,
                 GtkSnapshot   *snapshot,
                 const GdkRGBA *fg,
                 int            first_day,
                 int            last_day)
{
  int bw = body_width (self);
  double hv = hvalue (self);
  GdkRGBA line = with_alpha (fg, 0.09f);
  GdkRGBA edge = with_alpha (fg, 0.18f);
  GdkRGBA weekend = with_alpha (fg, 0.06f);
  GdkRGBA dim = with_alpha (fg, 0.65f);
  GdkRGBA accent;
  PangoRectangle logical;

  get_accent (&accent);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (NAME_WIDTH, 0, bw, HEADER_HEIGHT));
  for (int d = first_day; d <= last_day; d++)
    {
      float x = NAME_WIDTH + (float) (d * self->column_width - hv);

      if (d == self->today)
        {
          GdkRGBA tint = with_alpha (&accent, 0.16f);

          append_rect (snapshot, &tint, x, 0, self->column_width, HEADER_HEIGHT);
          append_rect (snapshot, &accent, x, HEADER_HEIGHT - 3, self->column_width, 3);
        }
      else if (is_weekend (self, d))
        append_rect (snapshot, &weekend, x, 0, self->column_width, HEADER_HEIGHT);

      if (self->zoom == SC_ROSTER_ZOOM_DAY)
        snapshot_day_ruler (self, snapshot, d == self->today ? &accent : fg, d, x);
      else
        {
          PangoLayout *layout = day_layout (self, d);

          pango_layout_get_pixel_extents (layout, NULL, &logical);
          append_layout (snapshot, layout, d == self->today ? &accent : fg, x + 2,
                         roundf ((HEADER_HEIGHT - logical.height) / 2.0f));
        }
      append_rect (snapshot, &line, x + self->column_width - 1, 0, 1, HEADER_HEIGHT);
    }
  gtk_snapshot_pop (snapshot);

  if (self->count_layout == NULL)
    {
      /* Translators: over the names column of the roster */
      g_autofree char *count = g_strdup_printf (ngettext ("%u person", "%u people", self->rows->len),
                                                self->rows->len);

      self->count_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), count);
    }
  pango_layout_get_pixel_extents (self->count_layout, NULL, &logical);
  append_layout (snapshot, self->count_layout, &dim, 22, roundf ((HEADER_HEIGHT - logical.height) / 2.0f));

  append_rect (snapshot, &edge, 0, HEADER_HEIGHT - 1, gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static PangoLayout *
channel_layout (ScRosterGrid *self,
                guint         channel)
{
  PangoLayout *layout;

  if (self->channel_layouts->len < self->channels->len)
    g_ptr_array_set_size (self->channel_layouts, self->channels->len);

  layout = g_ptr_array_index (self->channel_layouts, channel);
  if (layout == NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<small>%s</small>",
                                                         (char *) g_ptr_array_index (self->channels, channel));

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_width (layout, (NAME_WIDTH - 30) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      g_ptr_array_index (self->channel_layouts, channel) = layout;
    }

  return layout;
}

static void
slot_colour (int            balance,
             const GdkRGBA *red,
             const GdkRGBA *blue,
             const GdkRGBA *even,
             GdkRGBA       *colour)
{
  if (balance < 0)
    *colour = with_alpha (red, MIN (0.45f + 0.18f * -balance, 1.0f));
  else if (balance > 0)
    *colour = with_alpha (blue, MIN (0.22f + 0.12f * balance, 0.8f));
  else
    *colour = *even;
}

/* The strip's slots from @from_day to @to_day, with day 0 at x = 0 and
 * the strip's top at y = 0: what a strip tile holds */
static void
snapshot_strip_days (ScRosterGrid  *self,
                     GtkSnapshot   *snapshot,
                     const GdkRGBA *fg,
                     int            from_day,
                     int            to_day)
{
  int height = strip_height (self);
  GdkRGBA even = with_alpha (fg, 0.10f);
  GdkRGBA line = with_alpha (fg, 0.09f);
  GdkRGBA red, blue;

  get_short_colour (&red);
  get_over_colour (&blue);

  for (int d = from_day; d <= to_day; d++)
    {
      float x = (float) d * self->column_width;
      float slot_w = (float) (self->column_width - 4) / self->n_slots;

      for (guint c = 0; c < self->channels->len; c++)
        {
          float y = STRIP_PAD + (float) c * STRIP_ROW + 2;

          if (self->zoom == SC_ROSTER_ZOOM_DAY)
            {
              /* On the day's time scale: its slots, then the next
               * morning's as far as the scale goes */
              for (int dd = d; dd <= d + 1 && dd < self->n_days; dd++)
                {
                  const gint16 *balance = self->balance + ((gsize) c * self->n_days + dd) * self->n_slots;

                  for (int s = 0; s < self->n_slots; s++)
                    {
                      int m = (dd - d) * 1440 + self->first_minute + s * self->slot_minutes;
                      float x0, x1;
                      GdkRGBA colour;

                      if (balance[s] == SC_ROSTER_GRID_NO_NEED || m < self->span_start ||
                          m + self->slot_minutes > self->span_end)
                        continue;
                      x0 = x + minute_x (self, m);
                      x1 = x + minute_x (self, m + self->slot_minutes);
                      slot_colour (balance[s], &red, &blue, &even, &colour);
                      append_rect (snapshot, &colour, x0, y, MAX (x1 - x0 - 1, 1), STRIP_ROW - 4);
                    }
                }
              continue;
            }

          {
            const gint16 *balance = self->balance + ((gsize) c * self->n_days + d) * self->n_slots;

            for (int s = 0; s < self->n_slots; s++)
              {
                GdkRGBA colour;

                if (balance[s] == SC_ROSTER_GRID_NO_NEED)
                  continue;
                slot_colour (balance[s], &red, &blue, &even, &colour);
                append_rect (snapshot, &colour, x + 2 + s * slot_w, y, MAX (slot_w - (slot_w > 3 ? 1 : 0), 1),
                             STRIP_ROW - 4);
              }
          }
        }
      append_rect (snapshot, &line, x + self->column_width - 1, 0, 1, height);
    }
}

static void
snapshot_strip (ScRosterGrid  *self,
                GtkSnapshot   *snapshot,
                const GdkRGBA *fg,
                int            first_day,
                int            last_day)
{
  int height = strip_height (self);
  int top = gtk_widget_get_height (GTK_WIDGET (self)) - height;
  double hv = hvalue (self);
  GdkRGBA edge = with_alpha (fg, 0.18f);
  GdkRGBA background;

  if (height == 0)
    return;

  gdk_rgba_parse (&background, is_dark () ? "#303030" : "#fafafa");

  append_rect (snapshot, &background, 0, top, gtk_widget_get_width (GTK_WIDGET (self)), height);
  append_rect (snapshot, &edge, 0, top, gtk_widget_get_width (GTK_WIDGET (self)), 1);

  for (guint c = 0; c < self->channels->len; c++)
    {
      PangoLayout *layout = channel_layout (self, c);
      PangoRectangle logical;
      float y = top + STRIP_PAD + (float) c * STRIP_ROW;

      pango_layout_get_pixel_extents (layout, NULL, &logical);
      append_layout (snapshot, layout, fg, 14, roundf (y + (STRIP_ROW - logical.height) / 2.0f));
    }

  ensure_tiles (self);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (NAME_WIDTH, top, body_width (self), height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (NAME_WIDTH - hv, top));
  for (int t = first_day / self->tile_days; t <= last_day / self->tile_days; t++)
    {
      if (self->strip_tiles[t] == NULL)
        {
          int from = t * self->tile_days;
          int to = MIN (from + self->tile_days, self->n_days) - 1;
          GtkSnapshot *days = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) content = NULL;

          snapshot_strip_days (self, days, fg, from, to);
          content = gtk_snapshot_free_to_node (days);
          if (content == NULL)
            continue;
          self->strip_tiles[t] = make_image_node (self, content, (float) from * self->column_width,
                                                  (to - from + 1) * self->column_width, height);
        }
      gtk_snapshot_append_node (snapshot, self->strip_tiles[t]);
    }
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

/* The slot of the coverage strip at @bx across the body */
static gboolean
strip_slot_at (ScRosterGrid *self,
               double        bx,
               int          *day,
               int          *slot)
{
  int column;

  if (self->column_width <= 0 || self->n_slots <= 0 || bx < 0)
    return FALSE;

  column = (int) (bx / self->column_width);
  if (self->zoom == SC_ROSTER_ZOOM_DAY)
    {
      double within = bx - (double) column * self->column_width;
      int minute = self->span_start + (int) (within / self->column_width * (self->span_end - self->span_start));

      *day = column + minute / 1440;
      minute %= 1440;
      if (minute < self->first_minute)
        return FALSE;
      *slot = (minute - self->first_minute) / self->slot_minutes;
    }
  else
    {
      *day = column;
      *slot = (int) ((bx - (double) column * self->column_width - 2) /
                     ((double) (self->column_width - 4) / self->n_slots));
    }

  return *day >= 0 && *day < self->n_days && *slot >= 0 && *slot < self->n_slots;
}

static void
update_accessible (ScRosterGrid *self)
{
  g_autofree char *description = NULL;
  int person = row_person (self, self->focus_row);

  if (person >= 0 && self->focus_day >= 0 && self->describe != NULL)
    description = self->describe (person, self->focus_day, self->describe_data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
scroll_to_focus (ScRosterGrid *self)
{
  if (self->focus_row < 0 || self->focus_day < 0)
    return;

  if (self->column_width <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }

  if (self->vadjustment != NULL)
    {
      double y = (double) self->focus_row * ROW_HEIGHT;
      double v = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);

      if (y < v)
        gtk_adjustment_set_value (self->vadjustment, y);
      else if (y + ROW_HEIGHT > v + page)
        gtk_adjustment_set_value (self->vadjustment, y + ROW_HEIGHT - page);
    }

  if (self->hadjustment != NULL)
    {
      double x = (double) self->focus_day * self->column_width;
      double v = gtk_adjustment_get_value (self->hadjustment);
      double page = gtk_adjustment_get_page_size (self->hadjustment);

      if (x < v)
        gtk_adjustment_set_value (self->hadjustment, x);
      else if (x + self->column_width > v + page)
        gtk_adjustment_set_value (self->hadjustment, x + self->column_width - page);
    }
}

static void
set_focus (ScRosterGrid *self,
           int           row,
           int           day)
{
  if (self->rows->len == 0 || self->n_days == 0)
    return;

  row = CLAMP (row, 0, (int) self->rows->len - 1);
  day = CLAMP (day, 0, self->n_days - 1);

  if (row == self->focus_row && day == self->focus_day)
    return;

  self->focus_row = row;
  self->focus_day = day;
  scroll_to_focus (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[FOCUS_CHANGED], 0);
}

static void
emit_context_menu (ScRosterGrid *self,
                   double        x,
                   double        y)
{
  int person = row_person (self, self->focus_row);

  if (person >= 0)
    g_signal_emit (self, signals[CONTEXT_MENU], 0, person, self->focus_day, x, y);
}

/* Callbacks */

static void
on_adjustment_value_changed_cb (ScRosterGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed_cb (ScRosterGrid    *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int row, day;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (!pick_cell (self, x, y, &row, &day))
    return;

  set_focus (self, row, day);

  if (button == GDK_BUTTON_SECONDARY)
    {
      emit_context_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATE_CELL], 0, row_person (self, row), day);
}

static GdkContentProvider *
on_drag_prepare_cb (ScRosterGrid  *self,
                    double         x,
                    double         y,
                    GtkDragSource *source)
{
  int row, day;
  GridCell *cell;
  g_autofree char *payload = NULL;

  if (!self->editable || !pick_cell (self, x, y, &row, &day))
    return NULL;

  cell = cell_at (self, row_person (self, row), day);
  if (cell == NULL || cell->type < 0)
    return NULL;

  self->drag_row = row;
  self->drag_day = day;
  drop_person_tiles (self, row_person (self, row));
  payload = g_strdup_printf ("sc-shift:%d:%d", row_person (self, row), day);
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
on_drag_begin_cb (ScRosterGrid  *self,
                  GdkDrag       *drag,
                  GtkDragSource *source)
{
  GridCell *cell = cell_at (self, row_person (self, self->drag_row), self->drag_day);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkPaintable) icon = NULL;
  int width = MAX (self->column_width, MIN_WEEK_COLUMN);

  if (cell == NULL || cell->type < 0)
    return;

  /* The chip itself follows the pointer */
  {
    ScRosterZoom zoom = self->zoom;

    self->zoom = SC_ROSTER_ZOOM_WEEK;
    drop_type_layouts (self);
    snapshot_chip (self, snapshot, &g_array_index (self->types, GridType, cell->type),
                   cell->flags & ~SC_ROSTER_CELL_BROKEN, CHIP_INSET_X, 0, width - 2 * CHIP_INSET_X);
    self->zoom = zoom;
    drop_type_layouts (self);
  }
  icon = gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot), &GRAPHENE_SIZE_INIT (width, ROW_HEIGHT));
  gtk_drag_source_set_icon (source, icon, width / 2, ROW_HEIGHT / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end_cb (ScRosterGrid  *self,
                GdkDrag       *drag,
                gboolean       delete_data,
                GtkDragSource *source)
{
  drop_person_tiles (self, row_person (self, self->drag_row));
  self->drag_row = self->drag_day = -1;
  self->hover_row = self->hover_day = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GdkDragAction
on_drop_motion_cb (ScRosterGrid  *self,
                   double         x,
                   double         y,
                   GtkDropTarget *target)
{
  int row, day;

  if (!self->editable || !pick_cell (self, x, y, &row, &day))
    {
      self->hover_row = self->hover_day = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return 0;
    }

  if (row != self->hover_row || day != self->hover_day)
    {
      self->hover_row = row;
      self->hover_day = day;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (ScRosterGrid  *self,
                  GtkDropTarget *target)
{
  self->hover_row = self->hover_day = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_drop_cb (ScRosterGrid  *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  const char *payload = g_value_get_string (value);
  int from_person, from_day;
  int row, day;

  self->hover_row = self->hover_day = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (payload == NULL || sscanf (payload, "sc-shift:%d:%d", &from_person, &from_day) != 2)
    return FALSE;

  if (!pick_cell (self, x, y, &row, &day))
    return FALSE;

  return sc_roster_grid_drop (self, from_person, from_day, row_person (self, row), day);
}

static gboolean
on_key_pressed_cb (ScRosterGrid          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  int page = MAX (body_height (self) / ROW_HEIGHT - 1, 1);
  int row = MAX (self->focus_row, 0);
  int day = MAX (self->focus_day, 0);
  int to_row = row, to_day = day;
  int person = row_person (self, row);

  if (self->rows->len == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      to_day = day - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      to_day = day + 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      to_row = row - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      to_row = row + 1;
      break;
    case GDK_KEY_Page_Up:
      to_row = row - page;
      break;
    case GDK_KEY_Page_Down:
      to_row = row + page;
      break;
    case GDK_KEY_Home:
      to_day = 0;
      if (ctrl)
        to_row = 0;
      break;
    case GDK_KEY_End:
      to_day = self->n_days - 1;
      if (ctrl)
        to_row = (int) self->rows->len - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      g_signal_emit (self, signals[ACTIVATE_CELL], 0, person, day);
      return TRUE;
    case GDK_KEY_space:
      g_signal_emit (self, signals[TOGGLE_LOCK], 0, person, day);
      return TRUE;
    case GDK_KEY_l:
      if (!ctrl)
        return FALSE;
      g_signal_emit (self, signals[TOGGLE_LOCK], 0, person, day);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      g_signal_emit (self, signals[REMOVE_SHIFT], 0, person, day);
      return TRUE;
    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && !(state & GDK_SHIFT_MASK))
        return FALSE;
      {
        GdkRectangle area;

        if (sc_roster_grid_get_cell_area (self, person, day, &area))
          emit_context_menu (self, area.x + area.width / 2.0, area.y + area.height / 2.0);
      }
      return TRUE;
    default:
      return FALSE;
    }

  to_row = CLAMP (to_row, 0, (int) self->rows->len - 1);
  to_day = CLAMP (to_day, 0, self->n_days - 1);

  /* Alt+arrow carries the shift along, as a drag would */
  if (alt && (to_row != row || to_day != day))
    {
      GridCell *cell = cell_at (self, person, day);

      if (cell != NULL && cell->type >= 0 &&
          sc_roster_grid_drop (self, person, day, row_person (self, to_row), to_day))
        set_focus (self, to_row, to_day);
      return TRUE;
    }

  set_focus (self, to_row, to_day);
  return TRUE;
}

static gboolean
on_query_tooltip_cb (ScRosterGrid *self,
                     int           x,
                     int           y,
                     gboolean      keyboard,
                     GtkTooltip   *tooltip)
{
  g_autofree char *text = NULL;
  int row, day;

  if (keyboard)
    {
      row = self->focus_row;
      day = self->focus_day;
    }
  else if (y >= gtk_widget_get_height (GTK_WIDGET (self)) - strip_height (self) && x >= NAME_WIDTH &&
           self->n_slots > 0)
    {
      /* A slot of the coverage strip */
      int top = gtk_widget_get_height (GTK_WIDGET (self)) - strip_height (self);
      double bx = x - NAME_WIDTH + hvalue (self);
      int c = (y - top - STRIP_PAD) / STRIP_ROW;
      int s;
      int minute, b;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *whole = NULL;

      if (c < 0 || c >= (int) self->channels->len || !strip_slot_at (self, bx, &day, &s))
        return FALSE;

      b = self->balance[((gsize) c * self->n_days + day) * self->n_slots + s];
      if (b == SC_ROSTER_GRID_NO_NEED)
        return FALSE;

      minute = self->first_minute + s * self->slot_minutes;
      start = format_time (minute);
      end = format_time (minute + self->slot_minutes);
      if (b < 0)
        /* Translators: coverage strip tooltip: channel, start–end, how many people short */
        text = g_strdup_printf (ngettext ("%s %s–%s: %d person short", "%s %s–%s: %d people short", -b),
                                (char *) g_ptr_array_index (self->channels, c), start, end, -b);
      else if (b > 0)
        text = g_strdup_printf (ngettext ("%s %s–%s: %d person more than needed",
                                          "%s %s–%s: %d people more than needed", b),
                                (char *) g_ptr_array_index (self->channels, c), start, end, b);
      else
        text = g_strdup_printf (_("%s %s–%s: covered"), (char *) g_ptr_array_index (self->channels, c),
                                start, end);

      /* The strip counts everyone, whatever the rows show */
      if (self->rows->len < (guint) self->n_people)
        {
          whole = g_strdup_printf ("%s\n%s", text, _("Cover of the whole team, not only the people shown"));
          gtk_tooltip_set_text (tooltip, whole);
        }
      else
        gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  else if (!pick_cell (self, x, y, &row, &day))
    return FALSE;

  if (self->describe == NULL || row_person (self, row) < 0 || day < 0)
    return FALSE;

  text = self->describe (row_person (self, row), day, self->describe_data);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_dark_changed_cb (ScRosterGrid *self)
{
  drop_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GtkScrollable */

static gboolean
sc_roster_grid_get_border (GtkScrollable *scrollable,
                           GtkBorder     *border)
{
  ScRosterGrid *self = SC_ROSTER_GRID (scrollable);

  border->left = NAME_WIDTH;
  border->top = HEADER_HEIGHT;
  border->bottom = strip_height (self);
  border->right = 0;
  return TRUE;
}

static void
sc_roster_grid_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = sc_roster_grid_get_border;
}

static void
set_adjustment (ScRosterGrid   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

/* Overrides */

static void
sc_roster_grid_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ScRosterGrid *self = SC_ROSTER_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH + MIN_DAY_COLUMN * 2;
      *natural = NAME_WIDTH + MIN_DAY_COLUMN * MAX (self->n_days, 7);
    }
  else
    {
      *minimum = HEADER_HEIGHT + ROW_HEIGHT * 2 + strip_height (self);
      *natural = MAX (HEADER_HEIGHT + ROW_HEIGHT * (int) self->rows->len + strip_height (self), *minimum);
    }
}

static void
sc_roster_grid_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ScRosterGrid *self = SC_ROSTER_GRID (widget);
  int column_width = compute_column_width (self, width);

  if (column_width != self->column_width)
    {
      self->column_width = column_width;
      drop_layouts (self);
    }

  configure_adjustments (self);
  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      scroll_to_focus (self);
    }

  /* Popovers (the page's cell menu) */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
sc_roster_grid_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ScRosterGrid *self = SC_ROSTER_GRID (widget);
  int bh = body_height (self);
  int bw = body_width (self);
  double hv = hvalue (self);
  double vv = vvalue (self);
  int first_row, last_row, first_day, last_day;
  GdkRGBA fg;

  if (self->column_width <= 0 || self->n_days == 0)
    return;

  get_foreground (self, &fg);

  /* Only what is in view */
  first_row = (int) (vv / ROW_HEIGHT);
  last_row = MIN ((int) ((vv + bh) / ROW_HEIGHT), (int) self->rows->len - 1);
  first_day = (int) (hv / self->column_width);
  last_day = MIN ((int) ((hv + bw) / self->column_width), self->n_days - 1);
  self->drawn_first = first_row;
  self->drawn_last = last_row;

  snapshot_body (self, snapshot, &fg, first_row, last_row, first_day, last_day);
  snapshot_names (self, snapshot, &fg, first_row, last_row);
  snapshot_header (self, snapshot, &fg, first_day, last_day);
  snapshot_strip (self, snapshot, &fg, first_day, last_day);
}

static void
sc_roster_grid_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sc_roster_grid_parent_class)->css_changed (widget, change);

  /* Fonts may have changed */
  drop_layouts (SC_ROSTER_GRID (widget));
  gtk_widget_queue_draw (widget);
}

static gboolean
sc_roster_grid_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  ScRosterGrid *self = SC_ROSTER_GRID (widget);

  if (gtk_widget_is_focus (widget))
    return FALSE;

  if (self->focus_row < 0 && self->rows->len > 0)
    {
      self->focus_row = 0;
      self->focus_day = MAX (self->today, 0);
    }
  gtk_widget_grab_focus (widget);
  update_accessible (self);
  return TRUE;
}

static void
sc_roster_grid_dispose (GObject *object)
{
  ScRosterGrid *self = SC_ROSTER_GRID (object);
  GtkWidget *child;

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_roster_grid_parent_class)->dispose (object);
}

static void
sc_roster_grid_finalize (GObject *object)
{
  ScRosterGrid *self = SC_ROSTER_GRID (object);

  drop_layouts (self);
  g_clear_pointer (&self->resident, g_array_unref);
  g_clear_pointer (&self->types, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->name_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->day_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->channel_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self->person_rows);
  g_free (self->cells);
  g_free (self->balance);
  g_free (self->person_broken);

  G_OBJECT_CLASS (sc_roster_grid_parent_class)->finalize (object);
}

static void
sc_roster_grid_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScRosterGrid *self = SC_ROSTER_GRID (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_int (value, self->zoom);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_roster_grid_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScRosterGrid *self = SC_ROSTER_GRID (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      sc_roster_grid_set_zoom (self, g_value_get_int (value));
      break;
    case PROP_EDITABLE:
      sc_roster_grid_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_roster_grid_class_init (ScRosterGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_roster_grid_dispose;
  object_class->finalize = sc_roster_grid_finalize;
  object_class->get_property = sc_roster_grid_get_property;
  object_class->set_property = sc_roster_grid_set_property;

  widget_class->measure = sc_roster_grid_measure;
  widget_class->size_allocate = sc_roster_grid_size_allocate;
  widget_class->snapshot = sc_roster_grid_snapshot;
  widget_class->css_changed = sc_roster_grid_css_changed;
  widget_class->focus = sc_roster_grid_focus;

  properties[PROP_ZOOM] =
    g_param_spec_int ("zoom", NULL, NULL, SC_ROSTER_ZOOM_DAY, SC_ROSTER_ZOOM_MONTH, SC_ROSTER_ZOOM_MONTH,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * ScRosterGrid::move-shift:
   *
   * The user dropped the shift of (@from_person, @from_day) on
   * (@to_person, @to_day): a move to an empty cell, else a swap.
   */
  signals[MOVE_SHIFT] =
    g_signal_new ("move-shift", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 4, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
  signals[ACTIVATE_CELL] =
    g_signal_new ("activate-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[TOGGLE_LOCK] =
    g_signal_new ("toggle-lock", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[REMOVE_SHIFT] =
    g_signal_new ("remove-shift", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  signals[CONTEXT_MENU] =
    g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_INT, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[FOCUS_CHANGED] =
    g_signal_new ("focus-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "sc-roster-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sc_roster_grid_init (ScRosterGrid *self)
{
  GtkGesture *click;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkEventController *key;

  self->types = g_array_new (FALSE, TRUE, sizeof (GridType));
  g_array_set_clear_func (self->types, grid_type_clear);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->name_layouts = g_ptr_array_new_with_free_func (unref_layout);
  self->day_layouts = g_ptr_array_new_with_free_func (unref_layout);
  self->channels = g_ptr_array_new_with_free_func (g_free);
  self->channel_layouts = g_ptr_array_new_with_free_func (unref_layout);
  self->resident = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_array_new (FALSE, FALSE, sizeof (int));
  self->span_start = 0;
  self->span_end = 1440;
  self->zoom = SC_ROSTER_ZOOM_MONTH;
  self->today = -1;
  self->focus_row = self->focus_day = -1;
  self->drag_row = self->drag_day = -1;
  self->hover_row = self->hover_day = -1;
  g_date_clear (&self->first_day, 1);
  g_date_set_dmy (&self->first_day, 1, 1, 2000);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect_swapped (drop, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect_swapped (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
}

/* Public API */

GtkWidget *
sc_roster_grid_new (void)
{
  return g_object_new (SC_TYPE_ROSTER_GRID, NULL);
}

/**
 * sc_roster_grid_set_period:
 * @today: the index of today, or -1 when it is not in the period
 *
 * Clears the cells.
 */
void
sc_roster_grid_set_period (ScRosterGrid *self,
                           GDate        *first_day,
                           int           n_days,
                           int           today)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));
  g_return_if_fail (first_day != NULL && g_date_valid (first_day));
  g_return_if_fail (n_days >= 0);

  self->first_day = *first_day;
  self->n_days = n_days;
  self->today = today;
  g_clear_pointer (&self->cells, g_free);
  if (self->n_people > 0 && n_days > 0)
    {
      self->cells = g_new (GridCell, (gsize) self->n_people * n_days);
      for (gsize i = 0; i < (gsize) self->n_people * n_days; i++)
        self->cells[i] = (GridCell) { -1, 0 };
    }
  self->focus_day = MIN (self->focus_day, n_days - 1);
  g_ptr_array_set_size (self->day_layouts, 0);
  drop_tiles (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sc_roster_grid_set_shift_types (ScRosterGrid           *self,
                                const ScRosterGridType *types,
                                guint                   n_types)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  g_array_set_size (self->types, 0);
  for (guint i = 0; i < n_types; i++)
    {
      GridType type = { 0, };
      double luminance;

      type.code = g_strdup (types[i].code);
      type.name = g_strdup (types[i].name);
      type.start_minute = types[i].start_minute;
      type.length_minutes = types[i].length_minutes;
      if (types[i].colour == NULL || !gdk_rgba_parse (&type.colour, types[i].colour))
        gdk_rgba_parse (&type.colour, "#99c1f1");
      luminance = 0.2126 * type.colour.red + 0.7152 * type.colour.green + 0.0722 * type.colour.blue;
      gdk_rgba_parse (&type.text, luminance > 0.5 ? "rgba(0,0,0,0.87)" : "#ffffff");
      g_array_append_val (self->types, type);
    }

  /* The day zoom's hours: from the earliest start to the latest end, in
   * whole hours, the next morning included */
  self->span_start = 1440;
  self->span_end = 0;
  for (guint i = 0; i < self->types->len; i++)
    {
      GridType *type = &g_array_index (self->types, GridType, i);
      int start = CLAMP (type->start_minute, 0, 1439);

      self->span_start = MIN (self->span_start, start / 60 * 60);
      self->span_end = MAX (self->span_end, (start + MAX (type->length_minutes, 0) + 59) / 60 * 60);
    }
  if (self->span_end <= self->span_start)
    {
      self->span_start = 0;
      self->span_end = 1440;
    }
  self->span_end = MIN (self->span_end, self->span_start + 2 * 1440);

  drop_tiles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sc_roster_grid_set_people:
 *
 * Sets who the rows may show (all of them, in order) and clears the cells.
 * Call sc_roster_grid_set_period() after.
 */
void
sc_roster_grid_set_people (ScRosterGrid       *self,
                           const char * const *names,
                           guint               n_people)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  g_ptr_array_set_size (self->names, 0);
  g_ptr_array_set_size (self->name_layouts, 0);
  for (guint i = 0; i < n_people; i++)
    g_ptr_array_add (self->names, g_strdup (names[i]));
  self->n_people = (int) n_people;

  g_free (self->person_broken);
  self->person_broken = g_new0 (guint8, MAX (n_people, 1));

  g_array_set_size (self->rows, 0);
  g_free (self->person_rows);
  self->person_rows = g_new (int, MAX (n_people, 1));
  for (guint i = 0; i < n_people; i++)
    {
      int p = (int) i;
      g_array_append_val (self->rows, p);
      self->person_rows[i] = p;
    }
  self->focus_row = MIN (self->focus_row, (int) n_people - 1);
  g_clear_object (&self->count_layout);
  drop_tiles (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sc_roster_grid_set_rows:
 * @people: the people to show, in order (a filter)
 */
void
sc_roster_grid_set_rows (ScRosterGrid *self,
                         const int    *people,
                         guint         n_rows)
{
  int focus_person;

  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  focus_person = row_person (self, self->focus_row);
  g_array_set_size (self->rows, 0);
  for (int p = 0; p < self->n_people; p++)
    self->person_rows[p] = -1;
  for (guint i = 0; i < n_rows; i++)
    if (people[i] >= 0 && people[i] < self->n_people && self->person_rows[people[i]] < 0)
      {
        self->person_rows[people[i]] = (int) self->rows->len;
        g_array_append_val (self->rows, people[i]);
      }
  g_clear_object (&self->count_layout);

  self->focus_row = focus_person >= 0 ? person_row (self, focus_person) : -1;
  if (self->focus_row < 0 && self->rows->len > 0 && self->focus_day >= 0)
    self->focus_row = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sc_roster_grid_get_n_rows (ScRosterGrid *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), 0);
  return self->rows->len;
}

/**
 * sc_roster_grid_set_cell:
 * @type: the shift type's index, or -1 for a day off
 * @flags: #ScRosterCellFlags
 */
void
sc_roster_grid_set_cell (ScRosterGrid *self,
                         int           person,
                         int           day,
                         int           type,
                         guint         flags)
{
  GridCell *cell;

  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  cell = cell_at (self, person, day);
  g_return_if_fail (cell != NULL);

  if (cell->type == type && cell->flags == flags)
    return;

  cell->type = (gint8) type;
  cell->flags = (guint8) flags;
  drop_person_tiles (self, person);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sc_roster_grid_get_cell:
 * Returns: the shift type's index, or -1 for a day off
 */
int
sc_roster_grid_get_cell (ScRosterGrid *self,
                         int           person,
                         int           day,
                         guint        *flags)
{
  GridCell *cell;

  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), -1);

  cell = cell_at (self, person, day);
  if (cell == NULL)
    return -1;
  if (flags != NULL)
    *flags = cell->flags;
  return cell->type;
}

void
sc_roster_grid_set_person_broken (ScRosterGrid *self,
                                  int           person,
                                  gboolean      broken)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));
  g_return_if_fail (person >= 0 && person < self->n_people);

  if (self->person_broken[person] == !!broken)
    return;
  self->person_broken[person] = !!broken;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sc_roster_grid_set_coverage:
 * @channels: the channels' names, one strip row each
 * @first_minute: when the first slot of a day starts
 * @balance: (array): [(channel × n_days + day) × n_slots + slot]
 */
void
sc_roster_grid_set_coverage (ScRosterGrid       *self,
                             const char * const *channels,
                             guint               n_channels,
                             int                 first_minute,
                             int                 slot_minutes,
                             int                 n_slots,
                             const gint16       *balance)
{
  gsize size;

  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  g_ptr_array_set_size (self->channels, 0);
  g_ptr_array_set_size (self->channel_layouts, 0);
  for (int t = 0; self->strip_tiles != NULL && t < self->n_tiles; t++)
    g_clear_pointer (&self->strip_tiles[t], gsk_render_node_unref);
  for (guint i = 0; i < n_channels; i++)
    g_ptr_array_add (self->channels, g_strdup (channels[i]));

  self->first_minute = first_minute;
  self->slot_minutes = MAX (slot_minutes, 1);
  self->n_slots = n_slots;
  size = (gsize) n_channels * self->n_days * n_slots;
  g_free (self->balance);
  self->balance = size > 0 ? g_memdup2 (balance, size * sizeof (gint16)) : NULL;
  if (self->balance == NULL)
    self->n_slots = 0;

  configure_adjustments (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sc_roster_grid_set_describe_func (ScRosterGrid             *self,
                                  ScRosterGridDescribeFunc  func,
                                  gpointer                  user_data)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  self->describe = func;
  self->describe_data = user_data;
}

void
sc_roster_grid_set_zoom (ScRosterGrid *self,
                         ScRosterZoom  zoom)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  self->column_width = 0;
  drop_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  self->scroll_pending = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

ScRosterZoom
sc_roster_grid_get_zoom (ScRosterGrid *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), SC_ROSTER_ZOOM_MONTH);
  return self->zoom;
}

void
sc_roster_grid_set_editable (ScRosterGrid *self,
                             gboolean      editable)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
sc_roster_grid_get_editable (ScRosterGrid *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), FALSE);
  return self->editable;
}

void
sc_roster_grid_set_focus_cell (ScRosterGrid *self,
                               int           person,
                               int           day)
{
  int row;

  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  row = person_row (self, person);
  if (row >= 0)
    set_focus (self, row, day);
}

/**
 * sc_roster_grid_get_focus_cell:
 * @person: (out): the person of the keyboard's cell, or -1
 * @day: (out): its day, or -1
 */
void
sc_roster_grid_get_focus_cell (ScRosterGrid *self,
                               int          *person,
                               int          *day)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  *person = row_person (self, self->focus_row);
  *day = *person >= 0 ? self->focus_day : -1;
}

/**
 * sc_roster_grid_get_cell_area:
 *
 * Returns: %TRUE with @area set to where the cell is drawn, in the grid's
 *   coordinates, when the person has a row
 */
gboolean
sc_roster_grid_get_cell_area (ScRosterGrid *self,
                              int           person,
                              int           day,
                              GdkRectangle *area)
{
  int row;

  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), FALSE);

  row = person_row (self, person);
  if (row < 0 || day < 0 || day >= self->n_days)
    return FALSE;

  area->x = NAME_WIDTH + (int) (day * self->column_width - hvalue (self));
  area->y = HEADER_HEIGHT + (int) (row * ROW_HEIGHT - vvalue (self));
  area->width = self->column_width;
  area->height = ROW_HEIGHT;
  return TRUE;
}

/**
 * sc_roster_grid_drop:
 *
 * What a drag of the chip of (@from_person, @from_day) onto
 * (@to_person, @to_day) does, and what Alt+arrow keys do: emits
 * ScRosterGrid::move-shift when the grid is editable.
 *
 * Returns: %TRUE when the move was made
 */
gboolean
sc_roster_grid_drop (ScRosterGrid *self,
                     int           from_person,
                     int           from_day,
                     int           to_person,
                     int           to_day)
{
  GridCell *from;
  gboolean done = FALSE;

  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), FALSE);

  from = cell_at (self, from_person, from_day);
  if (!self->editable || from == NULL || from->type < 0 || cell_at (self, to_person, to_day) == NULL ||
      (from_person == to_person && from_day == to_day))
    return FALSE;

  g_signal_emit (self, signals[MOVE_SHIFT], 0, from_person, from_day, to_person, to_day, &done);
  return done;
}

/**
 * sc_roster_grid_get_drawn_rows:
 *
 * The rows the last frame drew (for tests and benchmarks: only those in
 * view are drawn).
 */
void
sc_roster_grid_get_drawn_rows (ScRosterGrid *self,
                               int          *first,
                               int          *last)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  *first = self->drawn_first;
  *last = self->drawn_last;
}

/**
 * sc_roster_grid_get_chip_area:
 *
 * Returns: %TRUE with @area set to where the chip of the cell's shift is
 *   drawn, in the grid's coordinates, when the cell has a shift and the
 *   person a row. A shift past midnight reaches beyond its day's cell.
 */
gboolean
sc_roster_grid_get_chip_area (ScRosterGrid *self,
                              int           person,
                              int           day,
                              GdkRectangle *area)
{
  int row;
  float x, width;

  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), FALSE);

  row = person_row (self, person);
  if (row < 0 || !chip_span (self, person, day, &x, &width))
    return FALSE;

  area->x = NAME_WIDTH + (int) roundf (x - hvalue (self));
  area->y = HEADER_HEIGHT + (int) (row * ROW_HEIGHT - vvalue (self)) + CHIP_INSET_Y;
  area->width = (int) roundf (width);
  area->height = ROW_HEIGHT - 2 * CHIP_INSET_Y;
  return TRUE;
}

/**
 * sc_roster_grid_get_time_x:
 * @minute: minutes from the day's midnight; more than 1440 is the next day
 *
 * Returns: where that time of @day is drawn across, in the grid's
 *   coordinates
 */
double
sc_roster_grid_get_time_x (ScRosterGrid *self,
                           int           day,
                           int           minute)
{
  g_return_val_if_fail (SC_IS_ROSTER_GRID (self), 0);

  return NAME_WIDTH + (double) day * self->column_width + minute_x (self, minute) - hvalue (self);
}

/**
 * sc_roster_grid_get_day_span:
 * @start: (out): the first minute the day zoom shows, from the day's midnight
 * @end: (out): the last; more than 1440 when shifts run into the next morning
 */
void
sc_roster_grid_get_day_span (ScRosterGrid *self,
                             int          *start,
                             int          *end)
{
  g_return_if_fail (SC_IS_ROSTER_GRID (self));

  *start = self->span_start;
  *end = self->span_end;
}
