/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Start-up figures: opening the database, signing in, and building the
 * main window on the 60-person sample team until its first frame is
 * painted; then the resident memory. Needs a display (meson runs it under
 * Xvfb); prints why it skips otherwise. Never fails on time.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "sc-application.h"
#include "sc-demo.h"
#include "sc-store.h"
#include "sc-window.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line ? atol (line + strlen (field)) : -1;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static double
open_window (ScApplication *app,
             ScStore       *store,
             ScSession     *session)
{
  double start = now_ms ();
  ScWindow *window = sc_window_new (app, store, session);
  gboolean painted = FALSE;
  GdkFrameClock *clock;

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, &painted);

  start = now_ms () - start;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "startup.db", NULL);
  g_autoptr(ScSession) system = sc_session_new_system ();
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) sign_in = NULL;
  g_autoptr(ScStore) store = NULL;
  g_autoptr(ScApplication) app = NULL;
  ScDemoAccount *supervisor = NULL;
  gint64 account_id = 0;
  double t;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("start-up: skipped, no display\n");
      return 0;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  t = now_ms ();
  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_print ("open and create a new database: %.1f ms\n", now_ms () - t);

  t = now_ms ();
  g_assert_true (sc_demo_populate (store, system, &accounts, &error));
  g_print ("create the sample team (60 people, 16 accounts, 4 weeks of forecasts): %.0f ms\n",
           now_ms () - t);

  for (guint i = 0; i < accounts->len && supervisor == NULL; i++)
    if (((ScDemoAccount *) g_ptr_array_index (accounts, i))->role == SC_ACCOUNT_ROLE_SUPERVISOR)
      supervisor = g_ptr_array_index (accounts, i);

  sign_in = sc_store_get_sign_in_accounts (store, &error);
  for (guint i = 0; i < sign_in->len; i++)
    if (g_strcmp0 (sc_account_get_employee_no (g_ptr_array_index (sign_in, i)), supervisor->employee_no) == 0)
      account_id = sc_account_get_id (g_ptr_array_index (sign_in, i));

  g_clear_object (&store);

  t = now_ms ();
  gtk_init ();
  adw_init ();
  app = sc_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_print ("GTK, libadwaita and the application: %.1f ms\n", now_ms () - t);

  t = now_ms ();
  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_print ("open the sample database: %.1f ms\n", now_ms () - t);

  t = now_ms ();
  session = sc_store_sign_in (store, account_id, supervisor->pin, &error);
  g_assert_no_error (error);
  g_print ("sign in (Argon2id check): %.1f ms\n", now_ms () - t);

  g_print ("main window to first frame, cold: %.1f ms\n", open_window (app, store, session));
  for (int i = 0; i < 3; i++)
    g_print ("main window to first frame, warm: %.1f ms\n", open_window (app, store, session));

  g_print ("resident memory now: %ld kB, peak: %ld kB\n", status_kb ("VmRSS:"), status_kb ("VmHWM:"));

  g_clear_object (&store);
  g_unlink (path);
  return 0;
}
