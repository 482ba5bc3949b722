/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-shift-type"

#include "config.h"

#include "sc-enums.h"
#include "sc-shift-type.h"

struct _ScShiftType
{
  GObject parent_instance;

  gint64 id;
  char *code;
  char *name;
  int start_minute;
  int length_minutes;
  int break_minutes;
  int paid_minutes;
  char *colour;
  ScShiftCategory category;
};

G_DEFINE_FINAL_TYPE (ScShiftType, sc_shift_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_START_MINUTE,
  PROP_LENGTH_MINUTES,
  PROP_BREAK_MINUTES,
  PROP_PAID_MINUTES,
  PROP_COLOUR,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sc_shift_type_finalize (GObject *object)
{
  ScShiftType *self = (ScShiftType *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->colour, g_free);

  G_OBJECT_CLASS (sc_shift_type_parent_class)->finalize (object);
}

static void
sc_shift_type_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScShiftType *self = (ScShiftType *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_START_MINUTE:
      g_value_set_int (value, self->start_minute);
      break;

    case PROP_LENGTH_MINUTES:
      g_value_set_int (value, self->length_minutes);
      break;

    case PROP_BREAK_MINUTES:
      g_value_set_int (value, self->break_minutes);
      break;

    case PROP_PAID_MINUTES:
      g_value_set_int (value, self->paid_minutes);
      break;

    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_shift_type_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ScShiftType *self = (ScShiftType *) object;

  switch (prop_id)
    {
    case PROP_ID:
      sc_shift_type_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_CODE:
      sc_shift_type_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      sc_shift_type_set_name (self, g_value_get_string (value));
      break;

    case PROP_START_MINUTE:
      sc_shift_type_set_start_minute (self, g_value_get_int (value));
      break;

    case PROP_LENGTH_MINUTES:
      sc_shift_type_set_length_minutes (self, g_value_get_int (value));
      break;

    case PROP_BREAK_MINUTES:
      sc_shift_type_set_break_minutes (self, g_value_get_int (value));
      break;

    case PROP_PAID_MINUTES:
      sc_shift_type_set_paid_minutes (self, g_value_get_int (value));
      break;

    case PROP_COLOUR:
      sc_shift_type_set_colour (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      sc_shift_type_set_category (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_shift_type_class_init (ScShiftTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_shift_type_finalize;
  object_class->get_property = sc_shift_type_get_property;
  object_class->set_property = sc_shift_type_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_START_MINUTE] =
    g_param_spec_int ("start-minute", NULL, NULL, 0, 1439, 540,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LENGTH_MINUTES] =
    g_param_spec_int ("length-minutes", NULL, NULL, 15, 1440, 480,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BREAK_MINUTES] =
    g_param_spec_int ("break-minutes", NULL, NULL, 0, 1440, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAID_MINUTES] =
    g_param_spec_int ("paid-minutes", NULL, NULL, 0, 1440, 480,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, SC_TYPE_SHIFT_CATEGORY, SC_SHIFT_CATEGORY_DAY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_shift_type_init (ScShiftType *self)
{
  self->start_minute = 540;
  self->length_minutes = 480;
  self->break_minutes = 0;
  self->paid_minutes = 480;
  self->category = SC_SHIFT_CATEGORY_DAY;
}

gint64
sc_shift_type_get_id (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->id;
}

void
sc_shift_type_set_id (ScShiftType *self,
                      gint64 id)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
sc_shift_type_get_code (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), NULL);
  return self->code;
}

void
sc_shift_type_set_code (ScShiftType   *self,
                        const char *code)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (g_strcmp0 (self->code, code) != 0)
    {
      g_free (self->code);
      self->code = g_strdup (code);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
    }
}

const char *
sc_shift_type_get_name (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), NULL);
  return self->name;
}

void
sc_shift_type_set_name (ScShiftType   *self,
                        const char *name)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }
}

int
sc_shift_type_get_start_minute (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->start_minute;
}

void
sc_shift_type_set_start_minute (ScShiftType *self,
                                int start_minute)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->start_minute != start_minute)
    {
      self->start_minute = start_minute;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_MINUTE]);
    }
}

int
sc_shift_type_get_length_minutes (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->length_minutes;
}

void
sc_shift_type_set_length_minutes (ScShiftType *self,
                                  int length_minutes)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->length_minutes != length_minutes)
    {
      self->length_minutes = length_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH_MINUTES]);
    }
}

int
sc_shift_type_get_break_minutes (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->break_minutes;
}

void
sc_shift_type_set_break_minutes (ScShiftType *self,
                                 int break_minutes)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->break_minutes != break_minutes)
    {
      self->break_minutes = break_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BREAK_MINUTES]);
    }
}

int
sc_shift_type_get_paid_minutes (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->paid_minutes;
}

void
sc_shift_type_set_paid_minutes (ScShiftType *self,
                                int paid_minutes)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->paid_minutes != paid_minutes)
    {
      self->paid_minutes = paid_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAID_MINUTES]);
    }
}

const char *
sc_shift_type_get_colour (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), NULL);
  return self->colour;
}

void
sc_shift_type_set_colour (ScShiftType   *self,
                          const char *colour)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (g_strcmp0 (self->colour, colour) != 0)
    {
      g_free (self->colour);
      self->colour = g_strdup (colour);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
    }
}

ScShiftCategory
sc_shift_type_get_category (ScShiftType *self)
{
  g_return_val_if_fail (SC_IS_SHIFT_TYPE (self), 0);
  return self->category;
}

void
sc_shift_type_set_category (ScShiftType *self,
                            ScShiftCategory category)
{
  g_return_if_fail (SC_IS_SHIFT_TYPE (self));

  if (self->category != category)
    {
      self->category = category;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
    }
}
