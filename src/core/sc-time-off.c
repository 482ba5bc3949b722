/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-time-off"

#include "config.h"

#include "sc-enums.h"
#include "sc-time-off.h"

/*
 * A stretch of whole days someone is away: a request for time off and its
 * decision. Days are local dates, YYYY-MM-DD.
 */

struct _ScTimeOff
{
  GObject          parent_instance;

  gint64           id;
  gint64           person_id;
  char            *person_name;
  char            *first_day;
  char            *last_day;
  ScTimeOffKind    kind;
  ScRequestStatus  status;
  char            *note;
  char            *requested_at;      /* UTC, ISO 8601; NULL before it is stored */
  char            *decided_at;
  char            *decided_by_name;
};

G_DEFINE_FINAL_TYPE (ScTimeOff, sc_time_off, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_FIRST_DAY,
  PROP_LAST_DAY,
  PROP_KIND,
  PROP_STATUS,
  PROP_NOTE,
  PROP_REQUESTED_AT,
  PROP_DECIDED_AT,
  PROP_DECIDED_BY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_time_off_finalize (GObject *object)
{
  ScTimeOff *self = (ScTimeOff *) object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->first_day, g_free);
  g_clear_pointer (&self->last_day, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->requested_at, g_free);
  g_clear_pointer (&self->decided_at, g_free);
  g_clear_pointer (&self->decided_by_name, g_free);

  G_OBJECT_CLASS (sc_time_off_parent_class)->finalize (object);
}

static void
sc_time_off_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScTimeOff *self = (ScTimeOff *) object;

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

    case PROP_FIRST_DAY:
      g_value_set_string (value, self->first_day);
      break;

    case PROP_LAST_DAY:
      g_value_set_string (value, self->last_day);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_REQUESTED_AT:
      g_value_set_string (value, self->requested_at);
      break;

    case PROP_DECIDED_AT:
      g_value_set_string (value, self->decided_at);
      break;

    case PROP_DECIDED_BY_NAME:
      g_value_set_string (value, self->decided_by_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char **
string_field (ScTimeOff *self,
              guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_REQUESTED_AT:
      return &self->requested_at;
    case PROP_DECIDED_AT:
      return &self->decided_at;
    case PROP_DECIDED_BY_NAME:
      return &self->decided_by_name;
    default:
      g_assert_not_reached ();
    }
}

static void
set_string (ScTimeOff  *self,
            guint       prop_id,
            const char *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
sc_time_off_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScTimeOff *self = (ScTimeOff *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_time_off_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      sc_time_off_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_NAME:
      sc_time_off_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_FIRST_DAY:
      sc_time_off_set_first_day (self, g_value_get_string (value));
      break;

    case PROP_LAST_DAY:
      sc_time_off_set_last_day (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      sc_time_off_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STATUS:
      sc_time_off_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      sc_time_off_set_note (self, g_value_get_string (value));
      break;

    case PROP_REQUESTED_AT:
    case PROP_DECIDED_AT:
    case PROP_DECIDED_BY_NAME:
      set_string (self, prop_id, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_time_off_class_init (ScTimeOffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_time_off_finalize;
  object_class->get_property = sc_time_off_get_property;
  object_class->set_property = sc_time_off_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRST_DAY] =
    g_param_spec_string ("first-day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_DAY] =
    g_param_spec_string ("last-day", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SC_TYPE_TIME_OFF_KIND, SC_TIME_OFF_KIND_ANNUAL_LEAVE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SC_TYPE_REQUEST_STATUS, SC_REQUEST_STATUS_REQUESTED,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REQUESTED_AT] =
    g_param_spec_string ("requested-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DECIDED_AT] =
    g_param_spec_string ("decided-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DECIDED_BY_NAME] =
    g_param_spec_string ("decided-by-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_time_off_init (ScTimeOff *self)
{
  self->kind = SC_TIME_OFF_KIND_ANNUAL_LEAVE;
  self->status = SC_REQUEST_STATUS_REQUESTED;
}

ScTimeOff *
sc_time_off_new (void)
{
  return g_object_new (SC_TYPE_TIME_OFF, NULL);
}

gint64
sc_time_off_get_id (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), 0);
  return self->id;
}

void
sc_time_off_set_id (ScTimeOff *self,
                    gint64     id)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
sc_time_off_get_person_id (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), 0);
  return self->person_id;
}

void
sc_time_off_set_person_id (ScTimeOff *self,
                           gint64     person_id)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
sc_time_off_get_person_name (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->person_name;
}

void
sc_time_off_set_person_name (ScTimeOff  *self,
                             const char *person_name)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (g_strcmp0 (self->person_name, person_name) == 0)
    return;

  g_free (self->person_name);
  self->person_name = g_strdup (person_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

const char *
sc_time_off_get_first_day (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->first_day;
}

void
sc_time_off_set_first_day (ScTimeOff  *self,
                           const char *first_day)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (g_strcmp0 (self->first_day, first_day) == 0)
    return;

  g_free (self->first_day);
  self->first_day = g_strdup (first_day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DAY]);
}

const char *
sc_time_off_get_last_day (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->last_day;
}

void
sc_time_off_set_last_day (ScTimeOff  *self,
                          const char *last_day)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (g_strcmp0 (self->last_day, last_day) == 0)
    return;

  g_free (self->last_day);
  self->last_day = g_strdup (last_day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_DAY]);
}

ScTimeOffKind
sc_time_off_get_kind (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), 0);
  return self->kind;
}

void
sc_time_off_set_kind (ScTimeOff     *self,
                      ScTimeOffKind  kind)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

ScRequestStatus
sc_time_off_get_status (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), 0);
  return self->status;
}

void
sc_time_off_set_status (ScTimeOff       *self,
                        ScRequestStatus  status)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
sc_time_off_get_note (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->note;
}

void
sc_time_off_set_note (ScTimeOff  *self,
                      const char *note)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* When the request was made and answered, and by whom: kept by the store */

const char *
sc_time_off_get_requested_at (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->requested_at;
}

void
sc_time_off_set_requested_at (ScTimeOff  *self,
                              const char *requested_at)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));
  set_string (self, PROP_REQUESTED_AT, requested_at);
}

const char *
sc_time_off_get_decided_at (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->decided_at;
}

void
sc_time_off_set_decided_at (ScTimeOff  *self,
                            const char *decided_at)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));
  set_string (self, PROP_DECIDED_AT, decided_at);
}

const char *
sc_time_off_get_decided_by_name (ScTimeOff *self)
{
  g_return_val_if_fail (SC_IS_TIME_OFF (self), NULL);
  return self->decided_by_name;
}

void
sc_time_off_set_decided_by_name (ScTimeOff  *self,
                                 const char *decided_by_name)
{
  g_return_if_fail (SC_IS_TIME_OFF (self));
  set_string (self, PROP_DECIDED_BY_NAME, decided_by_name);
}
