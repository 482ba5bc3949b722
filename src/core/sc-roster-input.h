/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sc-roster-problem.h"
#include "sc-roster-score.h"
#include "sc-store.h"

G_BEGIN_DECLS

/*
 * A roster problem built from the store, with what is needed to write its
 * solution back: which person, shift type and skill each index stands for.
 */
typedef struct
{
  ScRosterProblem *problem;
  char            *first_day;     /* YYYY-MM-DD */
  int              n_days;
  GArray          *person_ids;    /* gint64, by problem person index */
  GArray          *shift_type_ids; /* gint64, by problem shift type index */
  GArray          *skill_ids;     /* gint64, by problem skill index */
  double           required_person_intervals;
} ScRosterInput;

void           sc_roster_input_free          (ScRosterInput          *input);
ScRosterInput *sc_store_build_roster_input   (ScStore                *self,
                                              ScSession              *session,
                                              const char             *first_day,
                                              int                     n_days,
                                              GError                **error);
gint64         sc_store_save_roster_solution (ScStore                *self,
                                              ScSession              *session,
                                              const ScRosterInput    *input,
                                              const ScRosterSolution *solution,
                                              const char             *score_summary,
                                              GError                **error);
guint          sc_store_count_roster_shifts  (ScStore                *self,
                                              ScSession              *session,
                                              gint64                  roster_id,
                                              gint64                  person_id,
                                              GError                **error);

/* The posts (channels) shifts are worked on (sc-store-posts.c) */
gboolean       sc_store_get_post_channels    (ScStore                *self,
                                              const ScRosterInput    *input,
                                              guint64                *channels,
                                              GError                **error);
gboolean       sc_store_assign_roster_posts  (ScStore                *self,
                                              ScSession              *session,
                                              const ScRosterInput    *input,
                                              gint64                  roster_id,
                                              GArray                 *shift_ids,
                                              guint                  *n_changed,
                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScRosterInput, sc_roster_input_free)

G_END_DECLS
