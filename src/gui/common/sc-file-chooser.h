/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One kind of file a chooser offers */
typedef struct
{
  const char *name;       /* as shown, marked with N_() */
  const char *patterns;   /* globs separated by “;”, e.g. "*.ics;*.ICS" */
  const char *mime_type;  /* nullable */
} ScFileFilter;

/* Called only when a file was chosen and @owner is still there */
typedef void (*ScFileChosenFunc) (GObject *owner,
                                  GFile   *file);

void sc_choose_file (GObject              *owner,
                     GtkWindow            *parent,
                     GtkFileChooserAction  action,
                     const char           *title,
                     const char           *accept_label,
                     const char           *current_name,
                     const ScFileFilter   *filters,
                     ScFileChosenFunc      chosen);

G_END_DECLS
