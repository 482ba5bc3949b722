/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-file-chooser.h"

/*
 * The file choosers of the application: the system's own (a portal in a
 * sandbox), modal, with the kinds of file offered, “All files” to open
 * anything, and a suggested name to save as.
 */

typedef struct
{
  GWeakRef         owner;
  ScFileChosenFunc chosen;
} Choice;

static void
choice_free (gpointer data,
             GClosure *closure)
{
  Choice *choice = data;

  g_weak_ref_clear (&choice->owner);
  g_free (choice);
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                Choice          *choice)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&choice->owner);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  if (owner != NULL && file != NULL)
    choice->chosen (owner, file);

  g_object_unref (chooser);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *patterns,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_auto(GStrv) globs = g_strsplit (patterns, ";", 0);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; globs[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, globs[i]);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  return filter;
}

/**
 * sc_choose_file:
 * @owner: what the choice is for; @chosen is not called once it is gone
 * @parent: (nullable): the window the chooser belongs to
 * @current_name: (nullable): the name suggested to save as
 * @filters: the kinds of file offered, ending with one whose name is %NULL
 *
 * Asks for a file to open or save as, without waiting for the answer.
 */
void
sc_choose_file (GObject              *owner,
                GtkWindow            *parent,
                GtkFileChooserAction  action,
                const char           *title,
                const char           *accept_label,
                const char           *current_name,
                const ScFileFilter   *filters,
                ScFileChosenFunc      chosen)
{
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (chosen != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (const ScFileFilter *f = filters; f != NULL && f->name != NULL; f++)
    {
      g_autoptr(GtkFileFilter) filter = new_filter (_(f->name), f->patterns, f->mime_type);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      g_autoptr(GtkFileFilter) all = new_filter (_("All files"), "*", NULL);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  choice = g_new0 (Choice, 1);
  g_weak_ref_init (&choice->owner, owner);
  choice->chosen = chosen;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_response_cb), choice, choice_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
