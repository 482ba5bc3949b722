/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "sc-exam.h"

G_BEGIN_DECLS

/*
 * A certificate for a certification: an A4 landscape page with the
 * person's name, the skill, the level, the dates and the verification
 * code, in the language of the user interface.
 */

void      sc_certificate_draw       (const ScCertification *certification,
                                     cairo_t               *cr,
                                     double                 width,
                                     double                 height);
gboolean  sc_certificate_write_pdf  (const ScCertification *certification,
                                     const char            *path,
                                     GError               **error);
gboolean  sc_certificate_write_png  (const ScCertification *certification,
                                     const char            *path,
                                     int                    width,
                                     GError               **error);
char     *sc_certificate_badge_json (const ScCertification *certification,
                                     const char            *issuer_name);

G_END_DECLS
