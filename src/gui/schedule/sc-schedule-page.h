/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "common/sc-page.h"

G_BEGIN_DECLS

#define SC_TYPE_SCHEDULE_PAGE (sc_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (ScSchedulePage, sc_schedule_page, SC, SCHEDULE_PAGE, ScPage)

GtkWidget  *sc_schedule_page_new          (void);
void        sc_schedule_page_show_day     (ScSchedulePage *self,
                                           const char     *day);
void        sc_schedule_page_set_month    (ScSchedulePage *self,
                                           gboolean        month);
const char *sc_schedule_page_get_first_day (ScSchedulePage *self);
guint       sc_schedule_page_get_n_shifts (ScSchedulePage *self);
guint       sc_schedule_page_get_n_days_off (ScSchedulePage *self);
double      sc_schedule_page_get_hours    (ScSchedulePage *self);

G_END_DECLS
