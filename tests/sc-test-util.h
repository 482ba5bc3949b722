/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "sc-store.h"

/* A fresh folder for one test, removed by the isolation of g_test_init */
static inline char *
sc_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shiftcraft-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline ScStore *
sc_test_open_store (const char *dir,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ScStore *store = sc_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static inline ScPerson *
sc_test_person (const char *name,
                const char *employee_no)
{
  ScPerson *person = sc_person_new ();

  sc_person_set_name (person, name);
  sc_person_set_employee_no (person, employee_no);
  return person;
}

/* The session tests act as, unless they test permissions: the command
 * line's, which may do everything */
static inline ScSession *
sc_test_session (void)
{
  static ScSession *session;

  if (session == NULL)
    session = sc_session_new_system ();
  return session;
}
