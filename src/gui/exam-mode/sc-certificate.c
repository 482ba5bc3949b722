/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-certificate"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sc-certificate.h"
#include "sc-day.h"
#include "sc-types.h"

/* A4 landscape in points */
#define PAGE_WIDTH  841.89
#define PAGE_HEIGHT 595.28

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) dt = day != NULL ? sc_day_parse (day) : NULL;

  if (dt == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: a date on a certificate, as strftime() writes it, e.g. “7 December 2026” */
  return sc_day_format (dt, C_("certificate date", "%-d %B %Y"));
}

/* Draws @text centred at @y (its top), @size points high on a page
 * @scale times A4 */
static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      size,
           double      scale,
           double      width,
           double      y)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  pango_font_description_set_absolute_size (desc, size * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * 0.8 * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, width * 0.1, y);
  pango_cairo_show_layout (cr, layout);
  return y + h;
}

/**
 * sc_certificate_draw:
 * Draws the certificate on @cr, filling @width × @height (A4 landscape
 * proportions).
 */
void
sc_certificate_draw (const ScCertification *certification,
                     cairo_t               *cr,
                     double                 width,
                     double                 height)
{
  g_autofree char *issued = format_day (certification->issued);
  g_autofree char *expires = format_day (certification->expires);
  g_autofree char *skill = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *code = NULL;
  double scale = width / PAGE_WIDTH;
  double y;

  /* Paper and a double frame */
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.55);
  cairo_set_line_width (cr, 6 * scale);
  cairo_rectangle (cr, 24 * scale, 24 * scale, width - 48 * scale, height - 48 * scale);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.5 * scale);
  cairo_rectangle (cr, 36 * scale, 36 * scale, width - 72 * scale, height - 72 * scale);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.11, 0.35, 0.55);
  y = draw_text (cr, _("Certificate of Skill"), "Sans Bold", 40, scale, width, 80 * scale);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  y = draw_text (cr, _("This certifies that"), "Sans", 16, scale, width, y + 28 * scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y = draw_text (cr, certification->person_name != NULL ? certification->person_name : "",
                 "Serif Bold", 36, scale, width, y + 12 * scale);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  y = draw_text (cr, _("has passed the certification exam and is certified in"), "Sans", 16, scale, width,
                 y + 16 * scale);
  /* Translators: the skill certified and its level, e.g. “Complaints — Senior” */
  skill = g_strdup_printf (_("%s — %s"), certification->skill_name != NULL ? certification->skill_name : "",
                           sc_level_get_label (certification->level));
  cairo_set_source_rgb (cr, 0.11, 0.35, 0.55);
  y = draw_text (cr, skill, "Sans Bold", 26, scale, width, y + 12 * scale);

  if (certification->expires != NULL && *certification->expires != '\0')
    /* Translators: on a certificate */
    dates = g_strdup_printf (_("Issued %s · Valid through %s"), issued, expires);
  else
    /* Translators: on a certificate that does not expire */
    dates = g_strdup_printf (_("Issued %s · Does not expire"), issued);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  draw_text (cr, dates, "Sans", 15, scale, width, y + 36 * scale);

  /* Translators: on a certificate; %s is a code such as “K7QF-3MZ2” */
  code = g_strdup_printf (_("Verification code: %s"), certification->code != NULL ? certification->code : "");
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  draw_text (cr, code, "Monospace", 13, scale, width, height - 100 * scale);
  draw_text (cr, _("Shiftcraft"), "Sans Italic", 11, scale, width, height - 76 * scale);
  cairo_restore (cr);
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is a file name, then the reason */
               _("Could not write the certificate to “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * sc_certificate_write_pdf:
 * Writes the certificate as a one-page A4 landscape PDF.
 */
gboolean
sc_certificate_write_pdf (const ScCertification *certification,
                          const char            *path,
                          GError               **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (certification != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Certificate of Skill"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shiftcraft");
  cr = cairo_create (surface);
  sc_certificate_draw (certification, cr, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error);
}

/**
 * sc_certificate_write_png:
 * @width: in pixels; the height follows from A4 landscape
 * Writes the certificate as a PNG image, for a preview.
 */
gboolean
sc_certificate_write_png (const ScCertification *certification,
                          const char            *path,
                          int                    width,
                          GError               **error)
{
  int height = (int) (width * PAGE_HEIGHT / PAGE_WIDTH + 0.5);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (certification != NULL, FALSE);
  g_return_val_if_fail (width > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  sc_certificate_draw (certification, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error);
}

/**
 * sc_certificate_badge_json:
 * Returns: (transfer full): an Open Badges 2.0 assertion of the
 *   certification, with the badge class and issuer embedded, as JSON
 */
char *
sc_certificate_badge_json (const ScCertification *certification,
                           const char            *issuer_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = g_strdup_printf ("urn:shiftcraft:certification:%s", certification->code);
  g_autofree char *name = g_strdup_printf ("%s — %s", certification->skill_name,
                                           sc_level_get_label (certification->level));
  g_autofree char *issued = g_strdup_printf ("%sT00:00:00Z", certification->issued);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, "https://w3id.org/openbadges/v2");
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Assertion");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "recipient");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "name");
  json_builder_set_member_name (builder, "hashed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "identity");
  json_builder_add_string_value (builder, certification->person_name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "badge");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "BadgeClass");
  json_builder_set_member_name (builder, "id");
  {
    g_autofree char *badge_id = g_strdup_printf ("urn:shiftcraft:skill:%lld:%s", (long long) certification->skill_id,
                                                 sc_level_to_string (certification->level));
    json_builder_add_string_value (builder, badge_id);
  }
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "narrative");
  json_builder_add_string_value (builder, _("Passed the certification exam of this skill at this level."));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "issuer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Profile");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "urn:shiftcraft:issuer");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, issuer_name != NULL ? issuer_name : "Shiftcraft");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "verification");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "hosted");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "issuedOn");
  json_builder_add_string_value (builder, issued);
  if (certification->expires != NULL && *certification->expires != '\0')
    {
      g_autofree char *expires = g_strdup_printf ("%sT23:59:59Z", certification->expires);

      json_builder_set_member_name (builder, "expires");
      json_builder_add_string_value (builder, expires);
    }
  if (certification->revoked != NULL)
    {
      json_builder_set_member_name (builder, "revoked");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
