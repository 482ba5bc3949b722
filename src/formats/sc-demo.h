/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_DEMO_N_PEOPLE 60

/* An account made for the sample team, with its PIN in clear: shown once
 * to whoever created the team, never stored */
typedef struct
{
  char          *name;
  char          *employee_no;
  ScAccountRole  role;
  char          *pin;
} ScDemoAccount;

void     sc_demo_account_free  (ScDemoAccount  *account);
gboolean sc_demo_populate      (ScStore        *store,
                                ScSession      *session,
                                GPtrArray     **accounts,
                                GError        **error);
gboolean sc_demo_populate_from (ScStore        *store,
                                ScSession      *session,
                                const char     *first_day,
                                GPtrArray     **accounts,
                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDemoAccount, sc_demo_account_free)

G_END_DECLS
