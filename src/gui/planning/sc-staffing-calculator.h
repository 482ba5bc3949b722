/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-erlang.h"

G_BEGIN_DECLS

#define SC_TYPE_STAFFING_CALCULATOR (sc_staffing_calculator_get_type ())

G_DECLARE_FINAL_TYPE (ScStaffingCalculator, sc_staffing_calculator, SC, STAFFING_CALCULATOR, AdwWindow)

GtkWidget *sc_staffing_calculator_new        (GtkWindow              *parent);
void       sc_staffing_calculator_set_input  (ScStaffingCalculator   *self,
                                              const ScStaffingInput  *input);
gboolean   sc_staffing_calculator_get_result (ScStaffingCalculator   *self,
                                              ScStaffingResult       *result);

G_END_DECLS
