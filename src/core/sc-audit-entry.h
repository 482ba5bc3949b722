/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_AUDIT_ENTRY (sc_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (ScAuditEntry, sc_audit_entry, SC, AUDIT_ENTRY, GObject)

gint64      sc_audit_entry_get_id (ScAuditEntry *self);
void        sc_audit_entry_set_id (ScAuditEntry *self, gint64 id);
const char *sc_audit_entry_get_at (ScAuditEntry *self);
void        sc_audit_entry_set_at (ScAuditEntry *self, const char *at);
gint64      sc_audit_entry_get_account_id (ScAuditEntry *self);
void        sc_audit_entry_set_account_id (ScAuditEntry *self, gint64 account_id);
const char *sc_audit_entry_get_actor (ScAuditEntry *self);
void        sc_audit_entry_set_actor (ScAuditEntry *self, const char *actor);
const char *sc_audit_entry_get_action (ScAuditEntry *self);
void        sc_audit_entry_set_action (ScAuditEntry *self, const char *action);
const char *sc_audit_entry_get_table_name (ScAuditEntry *self);
void        sc_audit_entry_set_table_name (ScAuditEntry *self, const char *table_name);
gint64      sc_audit_entry_get_row_id (ScAuditEntry *self);
void        sc_audit_entry_set_row_id (ScAuditEntry *self, gint64 row_id);
const char *sc_audit_entry_get_summary (ScAuditEntry *self);
void        sc_audit_entry_set_summary (ScAuditEntry *self, const char *summary);

G_END_DECLS
