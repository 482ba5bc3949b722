/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-print"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-roster-print.h"

/*
 * Printing a roster: landscape, one week per page, as many pages down as
 * the team needs, each with the week's dates, the people's names and
 * their shifts as coloured chips; page numbers at the foot. “Save as PDF”
 * is the same drawing through GTK's print dialog, or straight to a file
 * with GTK_PRINT_OPERATION_ACTION_EXPORT.
 */

#define NAME_WIDTH_MM   42.0
#define HEADER_MM       16.0
#define FOOTER_MM        8.0
#define ROW_MM           9.0

struct _ScRosterPrint
{
  char              *title;
  char              *first_day;
  int                n_days;
  GPtrArray         *people;   /* char * */
  GArray            *cells;    /* ScRosterPrintCell, [person * n_days + day] */
  int                rows_per_page;
  int                n_weeks;
  int                n_row_pages;
};

static void
cell_clear (gpointer data)
{
  ScRosterPrintCell *cell = data;

  g_clear_pointer (&cell->code, g_free);
  g_clear_pointer (&cell->times, g_free);
  g_clear_pointer (&cell->colour, g_free);
}

ScRosterPrint *
sc_roster_print_new (const char *title,
                     const char *first_day,
                     int         n_days)
{
  ScRosterPrint *self = g_new0 (ScRosterPrint, 1);

  g_return_val_if_fail (sc_day_is_valid (first_day), NULL);
  g_return_val_if_fail (n_days > 0, NULL);

  self->title = g_strdup (title);
  self->first_day = g_strdup (first_day);
  self->n_days = n_days;
  self->people = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (ScRosterPrintCell));
  g_array_set_clear_func (self->cells, cell_clear);
  return self;
}

void
sc_roster_print_free (ScRosterPrint *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->first_day);
  g_ptr_array_unref (self->people);
  g_array_unref (self->cells);
  g_free (self);
}

int
sc_roster_print_add_person (ScRosterPrint *self,
                            const char    *name)
{
  g_ptr_array_add (self->people, g_strdup (name));
  g_array_set_size (self->cells, self->people->len * self->n_days);
  return self->people->len - 1;
}

void
sc_roster_print_set_cell (ScRosterPrint *self,
                          int            person,
                          int            day,
                          const char    *code,
                          const char    *times,
                          const char    *colour)
{
  ScRosterPrintCell *cell;

  g_return_if_fail (person >= 0 && person < (int) self->people->len);
  g_return_if_fail (day >= 0 && day < self->n_days);

  cell = &g_array_index (self->cells, ScRosterPrintCell, person * self->n_days + day);
  cell_clear (cell);
  cell->code = g_strdup (code);
  cell->times = g_strdup (times);
  cell->colour = g_strdup (colour);
}

/* Pages: every week, and within it the people split into pages of rows */
int
sc_roster_print_get_n_pages (ScRosterPrint *self,
                             int            rows_per_page)
{
  int weeks = (self->n_days + 6) / 7;
  int row_pages = MAX (1, ((int) self->people->len + rows_per_page - 1) / MAX (rows_per_page, 1));

  return weeks * row_pages;
}

/* A page to draw on: a printer's, or an image's */
typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       width;
  double       height;
  double       dpi;
} Page;

static double
mm (const Page *page,
    double      millimetres)
{
  return millimetres * page->dpi / 25.4;
}

static void
layout_rows (ScRosterPrint *self,
             const Page    *page)
{
  double rows = (page->height - mm (page, HEADER_MM + FOOTER_MM + ROW_MM)) / mm (page, ROW_MM);

  self->rows_per_page = MAX (1, (int) rows);
  self->n_weeks = (self->n_days + 6) / 7;
  self->n_row_pages = MAX (1, ((int) self->people->len + self->rows_per_page - 1) / self->rows_per_page);
}

static void
set_source_hex (cairo_t    *cr,
                const char *colour,
                double      alpha)
{
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    gdk_rgba_parse (&rgba, "#c0bfbc");
  cairo_set_source_rgba (cr, rgba.red, rgba.green, rgba.blue, alpha);
}

static void
show_text (cairo_t              *cr,
           PangoLayout          *layout,
           const char           *text,
           double                x,
           double                y,
           double                width,
           PangoAlignment        alignment)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   ScRosterPrint     *self)
{
  Page page = {
    .width = gtk_print_context_get_width (context),
    .height = gtk_print_context_get_height (context),
    .dpi = gtk_print_context_get_dpi_x (context),
  };

  layout_rows (self, &page);
  gtk_print_operation_set_n_pages (operation, self->n_weeks * self->n_row_pages);
}

static void
draw_page (ScRosterPrint *self,
           const Page    *page,
           int            page_nr)
{
  cairo_t *cr = page->cr;
  PangoLayout *layout = page->layout;
  double width = page->width;
  double height = page->height;
  int week = page_nr / self->n_row_pages;
  int row_page = page_nr % self->n_row_pages;
  int first_person = row_page * self->rows_per_page;
  int last_person = MIN ((int) self->people->len, first_person + self->rows_per_page);
  int first_day = week * 7;
  int n = MIN (7, self->n_days - first_day);
  double name_width = mm (page, NAME_WIDTH_MM);
  double day_width = (width - name_width) / 7;
  double row = mm (page, ROW_MM);
  double top = mm (page, HEADER_MM);
  g_autoptr(GDateTime) start = sc_day_parse (self->first_day);
  g_autoptr(PangoFontDescription) title_font = pango_font_description_from_string ("Sans Bold 13");
  g_autoptr(PangoFontDescription) text_font = pango_font_description_from_string ("Sans 8");
  g_autoptr(PangoFontDescription) bold_font = pango_font_description_from_string ("Sans Bold 8");
  g_autoptr(GDateTime) week_start = g_date_time_add_days (start, first_day);
  g_autoptr(GDateTime) week_end = g_date_time_add_days (start, first_day + n - 1);
  g_autofree char *from = sc_day_format (week_start, C_("print date", "%-d %b %Y"));
  g_autofree char *to = sc_day_format (week_end, C_("print date", "%-d %b %Y"));
  g_autofree char *heading = g_strdup_printf ("%s · %s – %s", self->title, from, to);
  g_autofree char *footer = NULL;

  /* The heading */
  cairo_set_source_rgb (cr, 0, 0, 0);
  pango_layout_set_font_description (layout, title_font);
  show_text (cr, layout, heading, 0, 0, width, PANGO_ALIGN_LEFT);

  /* Day columns */
  pango_layout_set_font_description (layout, bold_font);
  for (int d = 0; d < n; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (start, first_day + d);
      /* Translators: a day over a printed roster's column, as strftime() writes it, e.g. “Mon 7 Dec” */
      g_autofree char *label = sc_day_format (day, C_("print day", "%a %-d %b"));
      double x = name_width + d * day_width;

      if (g_date_time_get_day_of_week (day) >= 6)
        {
          cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
          cairo_rectangle (cr, x, top, day_width, row * (last_person - first_person + 1));
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (cr, layout, label, x + 2, top + row * 0.25, day_width - 4, PANGO_ALIGN_CENTER);
    }

  /* People and their shifts */
  for (int p = first_person; p < last_person; p++)
    {
      double y = top + row * (p - first_person + 1);

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_font_description (layout, text_font);
      show_text (cr, layout, g_ptr_array_index (self->people, p), 2, y + row * 0.25, name_width - 4,
                 PANGO_ALIGN_LEFT);

      for (int d = 0; d < n; d++)
        {
          ScRosterPrintCell *cell = &g_array_index (self->cells, ScRosterPrintCell,
                                                    p * self->n_days + first_day + d);
          double x = name_width + d * day_width;
          g_autofree char *text = NULL;

          if (cell->code == NULL)
            continue;

          set_source_hex (cr, cell->colour, 0.35);
          cairo_rectangle (cr, x + 2, y + 2, day_width - 4, row - 4);
          cairo_fill (cr);
          set_source_hex (cr, cell->colour, 1.0);
          cairo_rectangle (cr, x + 2, y + 2, 3, row - 4);
          cairo_fill (cr);

          cairo_set_source_rgb (cr, 0, 0, 0);
          text = cell->times != NULL ? g_strdup_printf ("%s  %s", cell->code, cell->times) : g_strdup (cell->code);
          pango_layout_set_font_description (layout, bold_font);
          show_text (cr, layout, text, x + 7, y + row * 0.25, day_width - 10, PANGO_ALIGN_LEFT);
        }
    }

  /* Page number */
  /* Translators: the foot of a printed roster page, e.g. “Page 2 of 8” */
  footer = g_strdup_printf (_("Page %d of %d"), page_nr + 1, self->n_weeks * self->n_row_pages);
  pango_layout_set_font_description (layout, text_font);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (cr, layout, footer, 0, height - mm (page, FOOTER_MM) * 0.7, width, PANGO_ALIGN_RIGHT);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 ScRosterPrint     *self)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  Page page = {
    .cr = gtk_print_context_get_cairo_context (context),
    .layout = layout,
    .width = gtk_print_context_get_width (context),
    .height = gtk_print_context_get_height (context),
    .dpi = gtk_print_context_get_dpi_x (context),
  };

  draw_page (self, &page, page_nr);
}

/**
 * sc_roster_print_render_png:
 * @page_nr: from 0
 *
 * Draws one page of the printout, A4 landscape at 96 dpi, into a PNG file:
 * a preview of what the printer gets.
 */
gboolean
sc_roster_print_render_png (ScRosterPrint  *self,
                            int             page_nr,
                            const char     *filename,
                            GError        **error)
{
  /* A4 landscape at 96 dots per inch, with 10 mm margins */
  const double dpi = 96.0;
  const double margin = 10.0 * dpi / 25.4;
  int width = (int) (297.0 * dpi / 25.4), height = (int) (210.0 * dpi / 25.4);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = NULL;
  cairo_status_t status;
  Page page = { .dpi = dpi, .width = width - 2 * margin, .height = height - 2 * margin };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  layout = pango_cairo_create_layout (cr);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), dpi);
  page.cr = cr;
  page.layout = layout;

  layout_rows (self, &page);
  if (page_nr < self->n_weeks * self->n_row_pages)
    draw_page (self, &page, page_nr);

  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, filename);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), filename,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * sc_roster_print_run:
 * @action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to print (or save as
 *   PDF from the dialog), GTK_PRINT_OPERATION_ACTION_EXPORT with
 *   @export_filename to write a PDF directly
 */
GtkPrintOperationResult
sc_roster_print_run (ScRosterPrint            *self,
                     GtkPrintOperationAction   action,
                     GtkWindow                *parent,
                     const char               *export_filename,
                     GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, self->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self);

  return gtk_print_operation_run (operation, action, parent, error);
}
