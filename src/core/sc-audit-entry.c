/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-audit-entry"

#include "config.h"

#include "sc-enums.h"
#include "sc-audit-entry.h"

struct _ScAuditEntry
{
  GObject parent_instance;

  gint64 id;
  char *at;
  gint64 account_id;
  char *actor;
  char *action;
  char *table_name;
  gint64 row_id;
  char *summary;
};

G_DEFINE_FINAL_TYPE (ScAuditEntry, sc_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACCOUNT_ID,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_audit_entry_finalize (GObject *object)
{
  ScAuditEntry *self = (ScAuditEntry *) object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->action, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sc_audit_entry_parent_class)->finalize (object);
}

static void
sc_audit_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScAuditEntry *self = (ScAuditEntry *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;

    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;

    case PROP_ROW_ID:
      g_value_set_int64 (value, self->row_id);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_audit_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScAuditEntry *self = (ScAuditEntry *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_audit_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_AT:
      sc_audit_entry_set_at (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      sc_audit_entry_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTOR:
      sc_audit_entry_set_actor (self, g_value_get_string (value));
      break;

    case PROP_ACTION:
      sc_audit_entry_set_action (self, g_value_get_string (value));
      break;

    case PROP_TABLE_NAME:
      sc_audit_entry_set_table_name (self, g_value_get_string (value));
      break;

    case PROP_ROW_ID:
      sc_audit_entry_set_row_id (self, g_value_get_int64 (value));
      break;

    case PROP_SUMMARY:
      sc_audit_entry_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_audit_entry_class_init (ScAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_audit_entry_finalize;
  object_class->get_property = sc_audit_entry_get_property;
  object_class->set_property = sc_audit_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TABLE_NAME] =
    g_param_spec_string ("table-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROW_ID] =
    g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_audit_entry_init (ScAuditEntry *self)
{
}

gint64
sc_audit_entry_get_id (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

void
sc_audit_entry_set_id (ScAuditEntry *self,
                       gint64 id)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
sc_audit_entry_get_at (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

void
sc_audit_entry_set_at (ScAuditEntry   *self,
                       const char *at)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (g_strcmp0 (self->at, at) != 0)
    {
      g_free (self->at);
      self->at = g_strdup (at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
    }
}

gint64
sc_audit_entry_get_account_id (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), 0);
  return self->account_id;
}

void
sc_audit_entry_set_account_id (ScAuditEntry *self,
                               gint64 account_id)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (self->account_id != account_id)
    {
      self->account_id = account_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
    }
}

const char *
sc_audit_entry_get_actor (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

void
sc_audit_entry_set_actor (ScAuditEntry   *self,
                          const char *actor)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (g_strcmp0 (self->actor, actor) != 0)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
    }
}

const char *
sc_audit_entry_get_action (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

void
sc_audit_entry_set_action (ScAuditEntry   *self,
                           const char *action)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (g_strcmp0 (self->action, action) != 0)
    {
      g_free (self->action);
      self->action = g_strdup (action);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
    }
}

const char *
sc_audit_entry_get_table_name (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), NULL);
  return self->table_name;
}

void
sc_audit_entry_set_table_name (ScAuditEntry   *self,
                               const char *table_name)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (g_strcmp0 (self->table_name, table_name) != 0)
    {
      g_free (self->table_name);
      self->table_name = g_strdup (table_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE_NAME]);
    }
}

gint64
sc_audit_entry_get_row_id (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), 0);
  return self->row_id;
}

void
sc_audit_entry_set_row_id (ScAuditEntry *self,
                           gint64 row_id)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (self->row_id != row_id)
    {
      self->row_id = row_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_ID]);
    }
}

const char *
sc_audit_entry_get_summary (ScAuditEntry *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_ENTRY (self), NULL);
  return self->summary;
}

void
sc_audit_entry_set_summary (ScAuditEntry   *self,
                            const char *summary)
{
  g_return_if_fail (SC_IS_AUDIT_ENTRY (self));

  if (g_strcmp0 (self->summary, summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_strdup (summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}
