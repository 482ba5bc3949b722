/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_PERSON (sc_person_get_type ())
G_DECLARE_FINAL_TYPE (ScPerson, sc_person, SC, PERSON, GObject)

#define SC_PERSON_ERROR (sc_person_error_quark ())

typedef enum
{
  SC_PERSON_ERROR_INVALID,
} ScPersonError;

GQuark      sc_person_error_quark              (void);

ScPerson   *sc_person_new                      (void);
ScPerson   *sc_person_copy                     (ScPerson   *self);
gint64      sc_person_get_id                   (ScPerson   *self);
void        sc_person_set_id                   (ScPerson   *self,
                                                gint64      id);
const char *sc_person_get_name                 (ScPerson   *self);
void        sc_person_set_name                 (ScPerson   *self,
                                                const char *name);
const char *sc_person_get_employee_no          (ScPerson   *self);
void        sc_person_set_employee_no          (ScPerson   *self,
                                                const char *employee_no);
ScRole      sc_person_get_role                 (ScPerson   *self);
void        sc_person_set_role                 (ScPerson   *self,
                                                ScRole      role);
ScLevel     sc_person_get_level                (ScPerson   *self);
void        sc_person_set_level                (ScPerson   *self,
                                                ScLevel     level);
const char *sc_person_get_hire_date            (ScPerson   *self);
void        sc_person_set_hire_date            (ScPerson   *self,
                                                const char *hire_date);
const char *sc_person_get_email                (ScPerson   *self);
void        sc_person_set_email                (ScPerson   *self,
                                                const char *email);
const char *sc_person_get_crew                 (ScPerson   *self);
void        sc_person_set_crew                 (ScPerson   *self,
                                                const char *crew);
int         sc_person_get_min_minutes_week     (ScPerson   *self);
void        sc_person_set_min_minutes_week     (ScPerson   *self,
                                                int         minutes);
int         sc_person_get_max_minutes_week     (ScPerson   *self);
void        sc_person_set_max_minutes_week     (ScPerson   *self,
                                                int         minutes);
int         sc_person_get_max_consecutive_days (ScPerson   *self);
void        sc_person_set_max_consecutive_days (ScPerson   *self,
                                                int         days);
int         sc_person_get_min_consecutive_days (ScPerson   *self);
void        sc_person_set_min_consecutive_days (ScPerson   *self,
                                                int         days);
int         sc_person_get_min_consecutive_days_off (ScPerson *self);
void        sc_person_set_min_consecutive_days_off (ScPerson *self,
                                                    int       days);
int         sc_person_get_max_weekends         (ScPerson   *self);
void        sc_person_set_max_weekends         (ScPerson   *self,
                                                int         weekends);
int         sc_person_get_min_rest_minutes     (ScPerson   *self);
void        sc_person_set_min_rest_minutes     (ScPerson   *self,
                                                int         minutes);
gboolean    sc_person_get_active               (ScPerson   *self);
void        sc_person_set_active               (ScPerson   *self,
                                                gboolean    active);
const char *sc_person_get_skills_summary       (ScPerson   *self);
void        sc_person_set_skills_summary       (ScPerson   *self,
                                                const char *summary);
gboolean    sc_person_validate                 (ScPerson   *self,
                                                GError    **error);

G_END_DECLS
