/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-session"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-session.h"

/*
 * Who is acting: a signed-in account, or the operating-system user who owns
 * the database file (the command line), who may do everything a supervisor
 * may. Every protected store operation takes one.
 */
struct _ScSession
{
  GObject        parent_instance;

  gint64         account_id;
  gint64         person_id;
  ScAccountRole  role;
  char          *display_name;
  gboolean       system;
};

G_DEFINE_FINAL_TYPE (ScSession, sc_session, G_TYPE_OBJECT)

const char *
sc_account_role_get_label (ScAccountRole role)
{
  switch (role)
    {
    case SC_ACCOUNT_ROLE_AGENT:
      return _("Agent");
    case SC_ACCOUNT_ROLE_TRAINER:
      return _("Trainer");
    case SC_ACCOUNT_ROLE_SUPERVISOR:
      return _("Supervisor");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
sc_session_finalize (GObject *object)
{
  ScSession *self = (ScSession *) object;

  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (sc_session_parent_class)->finalize (object);
}

static void
sc_session_class_init (ScSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_session_finalize;
}

static void
sc_session_init (ScSession *self)
{
}

ScSession *
sc_session_new (gint64         account_id,
                gint64         person_id,
                ScAccountRole  role,
                const char    *display_name)
{
  ScSession *self = g_object_new (SC_TYPE_SESSION, NULL);

  self->account_id = account_id;
  self->person_id = person_id;
  self->role = role;
  self->display_name = g_strdup (display_name);
  return self;
}

/**
 * sc_session_new_system:
 *
 * The session of the command line: the operating-system user who can write
 * the database file. Its changes are recorded under that user's name.
 */
ScSession *
sc_session_new_system (void)
{
  ScSession *self = g_object_new (SC_TYPE_SESSION, NULL);

  self->role = SC_ACCOUNT_ROLE_SUPERVISOR;
  self->system = TRUE;
  /* TRANSLATORS: who made a change from the command line; %s is the user name */
  self->display_name = g_strdup_printf (_("%s (command line)"), g_get_user_name ());
  return self;
}

gint64
sc_session_get_account_id (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), 0);
  return self->account_id;
}

gint64
sc_session_get_person_id (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), 0);
  return self->person_id;
}

ScAccountRole
sc_session_get_role (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), SC_ACCOUNT_ROLE_AGENT);
  return self->role;
}

const char *
sc_session_get_display_name (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), NULL);
  return self->display_name;
}

gboolean
sc_session_is_system (ScSession *self)
{
  g_return_val_if_fail (SC_IS_SESSION (self), FALSE);
  return self->system;
}
