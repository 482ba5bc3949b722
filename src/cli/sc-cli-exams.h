/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

int  sc_cli_exam_stats  (ScStore    *store,
                         ScSession  *session,
                         const char *argument);

G_END_DECLS
