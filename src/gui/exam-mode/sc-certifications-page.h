/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-page.h"

G_BEGIN_DECLS

typedef enum
{
  SC_CERTIFICATIONS_FILTER_ALL,
  SC_CERTIFICATIONS_FILTER_EXPIRING_SOON,
  SC_CERTIFICATIONS_FILTER_EXPIRED,
} ScCertificationsFilter;

#define SC_TYPE_CERTIFICATIONS_PAGE (sc_certifications_page_get_type ())
G_DECLARE_FINAL_TYPE (ScCertificationsPage, sc_certifications_page, SC, CERTIFICATIONS_PAGE, ScPage)

GtkWidget *sc_certifications_page_new              (void);
guint      sc_certifications_page_get_n_certifications (ScCertificationsPage  *self);
guint      sc_certifications_page_get_n_shown      (ScCertificationsPage  *self);
void       sc_certifications_page_set_filter       (ScCertificationsPage  *self,
                                                    ScCertificationsFilter filter);
void       sc_certifications_page_set_search       (ScCertificationsPage  *self,
                                                    const char            *text);
gboolean   sc_certifications_page_is_shown         (ScCertificationsPage  *self,
                                                    gint64                 certification_id);
GtkWindow *sc_certifications_page_ask_revoke       (ScCertificationsPage  *self,
                                                    gint64                 certification_id);
gboolean   sc_certifications_page_save_certificate (ScCertificationsPage  *self,
                                                    gint64                 certification_id,
                                                    GFile                 *file,
                                                    GError               **error);
gboolean   sc_certifications_page_print            (ScCertificationsPage  *self,
                                                    gint64                 certification_id,
                                                    const char            *export_pdf,
                                                    GError               **error);

G_END_DECLS
