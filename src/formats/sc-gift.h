/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-question-import.h"

G_BEGIN_DECLS

void   sc_gift_parse          (ScQuestionImport *import,
                               const char       *data,
                               gsize             length,
                               const char       *default_category);
char  *sc_gift_write          (GPtrArray        *questions);
char  *sc_gift_escape         (const char       *text);
char  *sc_gift_default_name   (const char       *text);
char  *sc_gift_clean_name     (const char       *name);

G_END_DECLS
