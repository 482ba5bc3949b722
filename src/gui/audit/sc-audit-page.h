/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_AUDIT_PAGE (sc_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (ScAuditPage, sc_audit_page, SC, AUDIT_PAGE, ScPage)

typedef enum
{
  SC_AUDIT_PERIOD_TODAY,
  SC_AUDIT_PERIOD_WEEK,
  SC_AUDIT_PERIOD_MONTH,
  SC_AUDIT_PERIOD_ALL,
} ScAuditPeriod;

GtkWidget  *sc_audit_page_new           (void);
GListModel *sc_audit_page_get_entries   (ScAuditPage   *self);
void        sc_audit_page_reload        (ScAuditPage   *self);
void        sc_audit_page_set_table     (ScAuditPage   *self,
                                         const char    *table);
void        sc_audit_page_set_period    (ScAuditPage   *self,
                                         ScAuditPeriod  period);
void        sc_audit_page_export        (ScAuditPage   *self,
                                         GFile         *file);
gboolean    sc_audit_page_get_exporting (ScAuditPage   *self);

G_END_DECLS
