/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-account"

#include "config.h"

#include "sc-enums.h"
#include "sc-account.h"

struct _ScAccount
{
  GObject parent_instance;

  gint64 id;
  gint64 person_id;
  char *person_name;
  char *employee_no;
  ScAccountRole role;
  char *credential_kind;
  gboolean has_credential;
  int failed_attempts;
  gboolean locked;
};

G_DEFINE_FINAL_TYPE (ScAccount, sc_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_EMPLOYEE_NO,
  PROP_ROLE,
  PROP_CREDENTIAL_KIND,
  PROP_HAS_CREDENTIAL,
  PROP_FAILED_ATTEMPTS,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_account_finalize (GObject *object)
{
  ScAccount *self = (ScAccount *) object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->employee_no, g_free);
  g_clear_pointer (&self->credential_kind, g_free);

  G_OBJECT_CLASS (sc_account_parent_class)->finalize (object);
}

static void
sc_account_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScAccount *self = (ScAccount *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_EMPLOYEE_NO:
      g_value_set_string (value, self->employee_no);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_CREDENTIAL_KIND:
      g_value_set_string (value, self->credential_kind);
      break;

    case PROP_HAS_CREDENTIAL:
      g_value_set_boolean (value, self->has_credential);
      break;

    case PROP_FAILED_ATTEMPTS:
      g_value_set_int (value, self->failed_attempts);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_account_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScAccount *self = (ScAccount *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_account_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      sc_account_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_NAME:
      sc_account_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_EMPLOYEE_NO:
      sc_account_set_employee_no (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      sc_account_set_role (self, g_value_get_enum (value));
      break;

    case PROP_CREDENTIAL_KIND:
      sc_account_set_credential_kind (self, g_value_get_string (value));
      break;

    case PROP_HAS_CREDENTIAL:
      sc_account_set_has_credential (self, g_value_get_boolean (value));
      break;

    case PROP_FAILED_ATTEMPTS:
      sc_account_set_failed_attempts (self, g_value_get_int (value));
      break;

    case PROP_LOCKED:
      sc_account_set_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_account_class_init (ScAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_account_finalize;
  object_class->get_property = sc_account_get_property;
  object_class->set_property = sc_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMPLOYEE_NO] =
    g_param_spec_string ("employee-no", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, SC_TYPE_ACCOUNT_ROLE, SC_ACCOUNT_ROLE_AGENT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREDENTIAL_KIND] =
    g_param_spec_string ("credential-kind", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HAS_CREDENTIAL] =
    g_param_spec_boolean ("has-credential", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FAILED_ATTEMPTS] =
    g_param_spec_int ("failed-attempts", NULL, NULL, 0, 1000000, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_account_init (ScAccount *self)
{
  self->role = SC_ACCOUNT_ROLE_AGENT;
  self->failed_attempts = 0;
}

gint64
sc_account_get_id (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->id;
}

void
sc_account_set_id (ScAccount *self,
                   gint64 id)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
sc_account_get_person_id (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->person_id;
}

void
sc_account_set_person_id (ScAccount *self,
                          gint64 person_id)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->person_id != person_id)
    {
      self->person_id = person_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
    }
}

const char *
sc_account_get_person_name (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), NULL);
  return self->person_name;
}

void
sc_account_set_person_name (ScAccount   *self,
                            const char *person_name)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (g_strcmp0 (self->person_name, person_name) != 0)
    {
      g_free (self->person_name);
      self->person_name = g_strdup (person_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
    }
}

const char *
sc_account_get_employee_no (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), NULL);
  return self->employee_no;
}

void
sc_account_set_employee_no (ScAccount   *self,
                            const char *employee_no)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (g_strcmp0 (self->employee_no, employee_no) != 0)
    {
      g_free (self->employee_no);
      self->employee_no = g_strdup (employee_no);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPLOYEE_NO]);
    }
}

ScAccountRole
sc_account_get_role (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->role;
}

void
sc_account_set_role (ScAccount *self,
                     ScAccountRole role)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
}

const char *
sc_account_get_credential_kind (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), NULL);
  return self->credential_kind;
}

void
sc_account_set_credential_kind (ScAccount   *self,
                                const char *credential_kind)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (g_strcmp0 (self->credential_kind, credential_kind) != 0)
    {
      g_free (self->credential_kind);
      self->credential_kind = g_strdup (credential_kind);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIAL_KIND]);
    }
}

gboolean
sc_account_get_has_credential (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->has_credential;
}

void
sc_account_set_has_credential (ScAccount *self,
                               gboolean has_credential)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->has_credential != has_credential)
    {
      self->has_credential = has_credential;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CREDENTIAL]);
    }
}

int
sc_account_get_failed_attempts (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->failed_attempts;
}

void
sc_account_set_failed_attempts (ScAccount *self,
                                int failed_attempts)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->failed_attempts != failed_attempts)
    {
      self->failed_attempts = failed_attempts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_ATTEMPTS]);
    }
}

gboolean
sc_account_get_locked (ScAccount *self)
{
  g_return_val_if_fail (SC_IS_ACCOUNT (self), 0);
  return self->locked;
}

void
sc_account_set_locked (ScAccount *self,
                       gboolean locked)
{
  g_return_if_fail (SC_IS_ACCOUNT (self));

  if (self->locked != locked)
    {
      self->locked = locked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }
}
