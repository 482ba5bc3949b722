/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Helpers for the GUI tests: a temporary database with a signed-in
 * account, the real main window on it, waiting for the main loop, and
 * PNG screenshots into the build directory.
 */

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sc-application-private.h"
#include "sc-demo.h"
#include "sc-store.h"
#include "sc-window.h"

static ScApplication *app;

#define TEST_PASSPHRASE "correct horse battery staple"

typedef struct
{
  char      *dir;
  ScStore   *store;
  ScSession *session;
  GPtrArray *accounts;   /* ScDemoAccount, when populated */
  ScWindow  *window;
} Fixture;

static inline gboolean
sc_test_timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static inline void
iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, sc_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    iterate_for (20);

  g_assert_true (gtk_widget_get_mapped (widget));

  /* A few frames, so that layout and the first paint are done */
  iterate_for (400);
}

static inline gpointer
get_child (gpointer    widget,
           GType       type,
           const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static inline const char *
lang_suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "zh") ? "-zh_CN" : "";
}

static inline void
save_screenshot (gpointer    widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = 0;
  int height = 0;

  /* Let layout and transitions (an error revealed…) finish */
  iterate_for (400);

  /* A widget still waiting for its size draws nothing: on a loaded
   * machine that can take a while */
  paintable = gtk_widget_paintable_new (widget);
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        {
          snapshot = gtk_snapshot_new ();
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (snapshot);
        }
      if (node == NULL)
        iterate_for (100);
    }
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  filename = g_strdup_printf ("%s%s.png", name, lang_suffix ());
  path = g_test_build_filename (G_TEST_BUILT, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* The first widget of @type under @widget (itself included), depth first */
static inline gpointer
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entry under @widget with that placeholder */
static inline GtkWidget *
find_entry (GtkWidget  *widget,
            const char *placeholder)
{
  if (GTK_IS_ENTRY (widget) &&
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child, placeholder);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline gpointer
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gpointer found = NULL;

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static inline guint
count_toplevels (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      n++;
  g_list_free (toplevels);

  return n;
}

/* Waits for a toplevel of that type to show up */
static inline gpointer
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gpointer found;

  while ((found = find_toplevel (type)) == NULL && g_get_monotonic_time () < deadline)
    iterate_for (20);

  g_assert_nonnull (found);
  wait_until_mapped (found);
  return found;
}

/* The account of a sample person with that role, as the sign-in list has it */
static inline ScAccount *
fixture_find_account (Fixture       *fixture,
                      ScAccountRole  role,
                      const char   **pin)
{
  g_autoptr(GPtrArray) accounts = sc_store_get_sign_in_accounts (fixture->store, NULL);

  g_assert_nonnull (fixture->accounts);

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      ScDemoAccount *demo = g_ptr_array_index (fixture->accounts, i);

      if (demo->role != role)
        continue;

      for (guint j = 0; j < accounts->len; j++)
        {
          ScAccount *account = g_ptr_array_index (accounts, j);

          if (g_strcmp0 (sc_account_get_employee_no (account), demo->employee_no) == 0)
            {
              if (pin != NULL)
                *pin = demo->pin;
              return g_object_ref (account);
            }
        }
    }

  g_assert_not_reached ();
  return NULL;
}

static inline ScSession *
fixture_sign_in (Fixture       *fixture,
                 ScAccountRole  role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScAccount) account = NULL;
  const char *pin = NULL;
  ScSession *session;

  account = fixture_find_account (fixture, role, &pin);
  session = sc_store_sign_in (fixture->store, sc_account_get_id (account), pin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_session_get_role (session), ==, role);
  return session;
}

/* A database in a fresh folder, the sample team in it or not; nobody
 * signed in yet */
static inline void
fixture_open (Fixture  *fixture,
              gboolean  populate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("shiftcraft-gui-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "shiftcraft.db", NULL);
  fixture->store = sc_store_open (path, &error);
  g_assert_no_error (error);

  if (populate)
    {
      g_autoptr(ScSession) system = sc_session_new_system ();

      sc_demo_populate (fixture->store, system, &fixture->accounts, &error);
      g_assert_no_error (error);
    }

  sc_application_set_store (app, fixture->store);
}

/* The first supervisor of an empty database */
static inline ScSession *
fixture_create_first_supervisor (Fixture *fixture)
{
  g_autoptr(ScPerson) person = sc_person_new ();
  g_autoptr(GError) error = NULL;
  ScSession *session = NULL;

  sc_person_set_name (person, "Morgan Lee");
  sc_person_set_employee_no (person, "T0001");
  g_assert_true (sc_store_create_first_supervisor (fixture->store, person, SC_CREDENTIAL_PASSPHRASE,
                                                   TEST_PASSPHRASE, &session, &error));
  g_assert_no_error (error);
  return session;
}

/* Shows the main window for @session */
static inline void
fixture_show_window (Fixture   *fixture,
                     ScSession *session)
{
  g_set_object (&fixture->session, session);
  sc_application_set_session (app, session);

  fixture->window = sc_window_new (app, fixture->store, session);
  g_object_ref_sink (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until_mapped (GTK_WIDGET (fixture->window));
}

/*
 * @populate: the sample team, signed in with the first sample account of
 *   @role; otherwise an empty database with its first supervisor
 */
static inline void
fixture_set_up (Fixture       *fixture,
                gboolean       populate,
                ScAccountRole  role)
{
  g_autoptr(ScSession) session = NULL;

  fixture_open (fixture, populate);

  if (populate)
    session = fixture_sign_in (fixture, role);
  else
    session = fixture_create_first_supervisor (fixture);

  fixture_show_window (fixture, session);
}

static inline void
destroy_all_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) || GTK_IS_APPLICATION_WINDOW (l->data))
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
}

static inline void
fixture_tear_down (Fixture *fixture)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  destroy_all_windows ();
  g_clear_object (&fixture->window);
  sc_application_set_store (app, NULL);
  _sc_application_set_idle_seconds (app, 0);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->accounts, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  g_settings_reset (settings, "last-page");
  iterate_for (50);

  /* The database and its WAL files */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Common start of the GUI test programs */
static inline void
sc_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *localedir;

  g_setenv ("TZ", "UTC", TRUE);
  /* Software rendering: the same pixels with or without a GPU */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_unsetenv ("LANGUAGE");

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init sets a locale that may not exist; C.UTF-8 always does,
   * and, unlike “C”, lets LANGUAGE choose the translation */
  setlocale (LC_ALL, "C.UTF-8");

  localedir = g_getenv ("SHIFTCRAFT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : SC_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  adw_init ();

  app = sc_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
}
