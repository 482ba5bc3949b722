/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-store.h"

G_BEGIN_DECLS

/* The sample team's exams and their history; part of sc_demo_populate() */
gboolean sc_demo_add_exams (ScStore      *store,
                            ScSession    *session,
                            gint64        complaints_skill,
                            gint64        phone_skill,
                            gint64        diagnosis_skill,
                            GArray       *people,
                            const char   *first_day,
                            GError      **error);

G_END_DECLS
