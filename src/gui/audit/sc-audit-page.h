/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_AUDIT_PAGE (sc_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (ScAuditPage, sc_audit_page, SC, AUDIT_PAGE, AdwBin)

typedef enum
{
  SC_AUDIT_PERIOD_TODAY,
  SC_AUDIT_PERIOD_WEEK,
  SC_AUDIT_PERIOD_MONTH,
  SC_AUDIT_PERIOD_ALL,
} ScAuditPeriod;

GtkWidget  *sc_audit_page_new           (void);
ScStore    *sc_audit_page_get_store     (ScAuditPage   *self);
void        sc_audit_page_set_store     (ScAuditPage   *self,
                                         ScStore       *store);
ScSession  *sc_audit_page_get_session   (ScAuditPage   *self);
void        sc_audit_page_set_session   (ScAuditPage   *self,
                                         ScSession     *session);
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
