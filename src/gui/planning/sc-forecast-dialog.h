/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_FORECAST_DIALOG (sc_forecast_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ScForecastDialog, sc_forecast_dialog, SC, FORECAST_DIALOG, ScStoreWindow)

GtkWidget *sc_forecast_dialog_new          (GtkWindow        *parent,
                                            ScStore          *store,
                                            ScSession        *session,
                                            const char       *day);
void       sc_forecast_dialog_select       (ScForecastDialog *self,
                                            const char       *channel,
                                            const char       *day);
void       sc_forecast_dialog_set_volume   (ScForecastDialog *self,
                                            int               start_minute,
                                            double            volume);
int        sc_forecast_dialog_get_agents   (ScForecastDialog *self,
                                            int               start_minute);
gboolean   sc_forecast_dialog_save         (ScForecastDialog *self,
                                            GError          **error);

G_END_DECLS
