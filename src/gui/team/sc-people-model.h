/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_PEOPLE_MODEL (sc_people_model_get_type ())
G_DECLARE_FINAL_TYPE (ScPeopleModel, sc_people_model, SC, PEOPLE_MODEL, GObject)

ScPeopleModel *sc_people_model_new         (ScStore       *store,
                                            ScSession     *session);
ScStore       *sc_people_model_get_store   (ScPeopleModel *self);
void           sc_people_model_set_store   (ScPeopleModel *self,
                                            ScStore       *store);
ScSession     *sc_people_model_get_session (ScPeopleModel *self);
void           sc_people_model_set_session (ScPeopleModel *self,
                                            ScSession     *session);
guint          sc_people_model_count_active (ScPeopleModel *self);
ScPerson      *sc_people_model_find        (ScPeopleModel *self,
                                            gint64         person_id,
                                            guint         *position);
void           sc_people_model_reload      (ScPeopleModel *self);

G_END_DECLS
