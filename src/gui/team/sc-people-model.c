/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-people-model"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-people-model.h"

/*
 * ScPeopleModel: everyone in the team, those who left included, in the
 * store's order (by name). It reloads when the store commits a change to
 * people or their skills and tells its views only about the range of items
 * that really changed, so that selection and scrolling survive an edit.
 * It reads as the session it is given: without one, it is empty.
 */

struct _ScPeopleModel
{
  GObject    parent_instance;

  /* Owned */
  ScStore   *store;
  ScSession *session;
  GPtrArray *people;
};

static void sc_people_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScPeopleModel, sc_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      sc_people_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
person_equal (ScPerson *a,
              ScPerson *b)
{
  return sc_person_get_id (a) == sc_person_get_id (b) &&
         g_strcmp0 (sc_person_get_name (a), sc_person_get_name (b)) == 0 &&
         g_strcmp0 (sc_person_get_employee_no (a), sc_person_get_employee_no (b)) == 0 &&
         sc_person_get_role (a) == sc_person_get_role (b) &&
         sc_person_get_level (a) == sc_person_get_level (b) &&
         g_strcmp0 (sc_person_get_hire_date (a), sc_person_get_hire_date (b)) == 0 &&
         g_strcmp0 (sc_person_get_email (a), sc_person_get_email (b)) == 0 &&
         sc_person_get_min_minutes_week (a) == sc_person_get_min_minutes_week (b) &&
         sc_person_get_max_minutes_week (a) == sc_person_get_max_minutes_week (b) &&
         sc_person_get_max_consecutive_days (a) == sc_person_get_max_consecutive_days (b) &&
         sc_person_get_min_rest_minutes (a) == sc_person_get_min_rest_minutes (b) &&
         sc_person_get_active (a) == sc_person_get_active (b) &&
         g_strcmp0 (sc_person_get_skills_summary (a), sc_person_get_skills_summary (b)) == 0;
}

static void
replace_people (ScPeopleModel *self,
                GPtrArray     *people)
{
  guint old_len = self->people->len;
  guint new_len = people->len;
  guint prefix = 0;
  guint suffix = 0;

  while (prefix < old_len && prefix < new_len &&
         person_equal (g_ptr_array_index (self->people, prefix),
                       g_ptr_array_index (people, prefix)))
    prefix++;

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         person_equal (g_ptr_array_index (self->people, old_len - 1 - suffix),
                       g_ptr_array_index (people, new_len - 1 - suffix)))
    suffix++;

  g_ptr_array_unref (self->people);
  self->people = g_ptr_array_ref (people);

  if (old_len - prefix - suffix == 0 && new_len - prefix - suffix == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix,
                              new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Callbacks */

static void
on_store_changed_cb (ScPeopleModel      *self,
                     const char * const *tables,
                     ScStore            *store)
{
  if (tables == NULL ||
      g_strv_contains (tables, "person") ||
      g_strv_contains (tables, "person_skill") ||
      g_strv_contains (tables, "skill"))
    sc_people_model_reload (self);
}

/* GListModel */

static GType
sc_people_model_get_item_type (GListModel *model)
{
  return SC_TYPE_PERSON;
}

static guint
sc_people_model_get_n_items (GListModel *model)
{
  return SC_PEOPLE_MODEL (model)->people->len;
}

static gpointer
sc_people_model_get_item (GListModel *model,
                          guint       position)
{
  ScPeopleModel *self = SC_PEOPLE_MODEL (model);

  if (position >= self->people->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->people, position));
}

static void
sc_people_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sc_people_model_get_item_type;
  iface->get_n_items = sc_people_model_get_n_items;
  iface->get_item = sc_people_model_get_item;
}

/* Overrides */

static void
sc_people_model_dispose (GObject *object)
{
  ScPeopleModel *self = SC_PEOPLE_MODEL (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_people_model_parent_class)->dispose (object);
}

static void
sc_people_model_finalize (GObject *object)
{
  ScPeopleModel *self = SC_PEOPLE_MODEL (object);

  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_people_model_parent_class)->finalize (object);
}

static void
sc_people_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScPeopleModel *self = SC_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->people->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_people_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ScPeopleModel *self = SC_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sc_people_model_set_store (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      sc_people_model_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_people_model_class_init (ScPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_people_model_dispose;
  object_class->finalize = sc_people_model_finalize;
  object_class->get_property = sc_people_model_get_property;
  object_class->set_property = sc_people_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_people_model_init (ScPeopleModel *self)
{
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

ScPeopleModel *
sc_people_model_new (ScStore   *store,
                     ScSession *session)
{
  g_return_val_if_fail (store == NULL || SC_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_PEOPLE_MODEL, "store", store, "session", session, NULL);
}

/**
 * sc_people_model_get_store:
 * Returns: (transfer none) (nullable): the store
 */
ScStore *
sc_people_model_get_store (ScPeopleModel *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

void
sc_people_model_set_store (ScPeopleModel *self,
                           ScStore       *store)
{
  g_return_if_fail (SC_IS_PEOPLE_MODEL (self));
  g_return_if_fail (store == NULL || SC_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);

  g_set_object (&self->store, store);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);

  sc_people_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sc_people_model_get_session:
 * Returns: (transfer none) (nullable): who the model reads as
 */
ScSession *
sc_people_model_get_session (ScPeopleModel *self)
{
  g_return_val_if_fail (SC_IS_PEOPLE_MODEL (self), NULL);
  return self->session;
}

void
sc_people_model_set_session (ScPeopleModel *self,
                             ScSession     *session)
{
  g_return_if_fail (SC_IS_PEOPLE_MODEL (self));
  g_return_if_fail (session == NULL || SC_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  sc_people_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * sc_people_model_reload:
 *
 * Reads the people again from the store. Called by itself when the store
 * changes; there is rarely a reason to call it from outside.
 */
void
sc_people_model_reload (ScPeopleModel *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_PEOPLE_MODEL (self));

  if (self->store != NULL && self->session != NULL)
    {
      people = sc_store_get_people (self->store, self->session, TRUE, &error);
      if (people == NULL)
        g_warning ("Cannot read the team: %s", error->message);
    }

  if (people == NULL)
    people = g_ptr_array_new_with_free_func (g_object_unref);

  replace_people (self, people);
}

/**
 * sc_people_model_count_active:
 * Returns: how many people have not left
 */
guint
sc_people_model_count_active (ScPeopleModel *self)
{
  guint n = 0;

  g_return_val_if_fail (SC_IS_PEOPLE_MODEL (self), 0);

  for (guint i = 0; i < self->people->len; i++)
    if (sc_person_get_active (g_ptr_array_index (self->people, i)))
      n++;

  return n;
}

/**
 * sc_people_model_find:
 * @position: (out) (optional): where the person is
 * Returns: (transfer none) (nullable): the person with that id
 */
ScPerson *
sc_people_model_find (ScPeopleModel *self,
                      gint64         person_id,
                      guint         *position)
{
  g_return_val_if_fail (SC_IS_PEOPLE_MODEL (self), NULL);

  for (guint i = 0; i < self->people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (self->people, i);

      if (sc_person_get_id (person) == person_id)
        {
          if (position != NULL)
            *position = i;
          return person;
        }
    }

  return NULL;
}
