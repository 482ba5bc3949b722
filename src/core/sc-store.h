/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sc-person.h"
#include "sc-person-skill.h"
#include "sc-skill.h"
#include "sc-team.h"
#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_STORE (sc_store_get_type ())
G_DECLARE_FINAL_TYPE (ScStore, sc_store, SC, STORE, GObject)

#define SC_STORE_ERROR (sc_store_error_quark ())

typedef enum
{
  SC_STORE_ERROR_OPEN,
  SC_STORE_ERROR_CORRUPT,
  SC_STORE_ERROR_TOO_NEW,
  SC_STORE_ERROR_MIGRATE,
  SC_STORE_ERROR_QUERY,
  SC_STORE_ERROR_CONSTRAINT,
  SC_STORE_ERROR_NOT_FOUND,
  SC_STORE_ERROR_FULL,
  SC_STORE_ERROR_INVALID,
} ScStoreError;

GQuark         sc_store_error_quark          (void);

char          *sc_store_default_path         (void);
ScStore       *sc_store_open                 (const char   *path,
                                              GError      **error);
const char    *sc_store_get_path             (ScStore      *self);
int            sc_store_get_schema_version   (ScStore      *self);
int            sc_store_get_latest_version   (void);
gboolean       sc_store_is_empty             (ScStore      *self);

/* Transactions: every write of one user action goes into one. */
gboolean       sc_store_begin                (ScStore      *self,
                                              GError      **error);
gboolean       sc_store_commit               (ScStore      *self,
                                              GError      **error);
void           sc_store_rollback             (ScStore      *self);

/* Team (sc-store-team.c) */
ScTeam        *sc_store_get_team             (ScStore      *self,
                                              GError      **error);
ScTeam        *sc_store_ensure_team          (ScStore      *self,
                                              GError      **error);
gboolean       sc_store_save_team            (ScStore      *self,
                                              ScTeam       *team,
                                              GError      **error);
GPtrArray     *sc_store_get_people           (ScStore      *self,
                                              gboolean      include_inactive,
                                              GError      **error);
guint          sc_store_count_people         (ScStore      *self,
                                              gboolean      include_inactive);
ScPerson      *sc_store_get_person           (ScStore      *self,
                                              gint64        id,
                                              GError      **error);
gboolean       sc_store_add_person           (ScStore      *self,
                                              ScPerson     *person,
                                              GError      **error);
gboolean       sc_store_update_person        (ScStore      *self,
                                              ScPerson     *person,
                                              GError      **error);
gboolean       sc_store_set_person_active    (ScStore      *self,
                                              gint64        person_id,
                                              gboolean      active,
                                              GError      **error);
GPtrArray     *sc_store_get_skills           (ScStore      *self,
                                              GError      **error);
ScSkill       *sc_store_find_skill           (ScStore      *self,
                                              const char   *name,
                                              GError      **error);
gboolean       sc_store_add_skill            (ScStore      *self,
                                              ScSkill      *skill,
                                              GError      **error);
GPtrArray     *sc_store_get_person_skills    (ScStore      *self,
                                              gint64        person_id,
                                              GError      **error);
gboolean       sc_store_set_person_skill     (ScStore      *self,
                                              gint64        person_id,
                                              gint64        skill_id,
                                              int           proficiency,
                                              GError      **error);
gboolean       sc_store_remove_person_skill  (ScStore      *self,
                                              gint64        person_id,
                                              gint64        skill_id,
                                              GError      **error);

/* Whole-database dump and restore (sc-store-backup.c), for formats/. */
GVariant      *sc_store_dump                 (ScStore      *self,
                                              GError      **error);
gboolean       sc_store_restore              (ScStore      *self,
                                              GVariant     *dump,
                                              GError      **error);
gboolean       sc_store_copy_to              (ScStore      *self,
                                              const char   *path,
                                              GError      **error);

G_END_DECLS
