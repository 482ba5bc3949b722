/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_ACCOUNT (sc_account_get_type ())
G_DECLARE_FINAL_TYPE (ScAccount, sc_account, SC, ACCOUNT, GObject)

gint64        sc_account_get_id (ScAccount *self);
void          sc_account_set_id (ScAccount *self, gint64 id);
gint64        sc_account_get_person_id (ScAccount *self);
void          sc_account_set_person_id (ScAccount *self, gint64 person_id);
const char   *sc_account_get_person_name (ScAccount *self);
void          sc_account_set_person_name (ScAccount *self, const char *person_name);
const char   *sc_account_get_employee_no (ScAccount *self);
void          sc_account_set_employee_no (ScAccount *self, const char *employee_no);
ScAccountRole sc_account_get_role (ScAccount *self);
void          sc_account_set_role (ScAccount *self, ScAccountRole role);
const char   *sc_account_get_credential_kind (ScAccount *self);
void          sc_account_set_credential_kind (ScAccount *self, const char *credential_kind);
gboolean      sc_account_get_has_credential (ScAccount *self);
void          sc_account_set_has_credential (ScAccount *self, gboolean has_credential);
int           sc_account_get_failed_attempts (ScAccount *self);
void          sc_account_set_failed_attempts (ScAccount *self, int failed_attempts);
gboolean      sc_account_get_locked (ScAccount *self);
void          sc_account_set_locked (ScAccount *self, gboolean locked);

G_END_DECLS
