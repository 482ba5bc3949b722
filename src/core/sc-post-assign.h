/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-roster-problem.h"

G_BEGIN_DECLS

#define SC_POST_NONE   (-1)   /* the shift is worked on no post */
#define SC_POST_CHOOSE (-2)   /* a post to choose */

int *sc_post_assign (const ScRosterProblem  *problem,
                     const ScRosterSolution *solution,
                     guint64                 channels,
                     const int              *kept);

G_END_DECLS
