/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-question-import.h"

G_BEGIN_DECLS

void  sc_moodle_xml_parse  (ScQuestionImport *import,
                            const char       *data,
                            gsize             length,
                            const char       *default_category);

G_END_DECLS
