/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "common/sc-store-window.h"

G_BEGIN_DECLS

#define SC_TYPE_CATEGORY_DIALOG (sc_category_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScCategoryDialog, sc_category_dialog, SC, CATEGORY_DIALOG, ScStoreWindow)

ScCategoryDialog *sc_category_dialog_new              (GtkWindow        *parent,
                                                       ScStore          *store,
                                                       ScSession        *session);
guint             sc_category_dialog_get_n_categories (ScCategoryDialog *self);
gboolean          sc_category_dialog_add              (ScCategoryDialog *self,
                                                       gint64            parent_id,
                                                       const char       *name);
gboolean          sc_category_dialog_select           (ScCategoryDialog *self,
                                                       gint64            category_id);
gint64            sc_category_dialog_get_selected     (ScCategoryDialog *self);
gboolean          sc_category_dialog_rename           (ScCategoryDialog *self,
                                                       const char       *name);
gboolean          sc_category_dialog_move             (ScCategoryDialog *self,
                                                       gint64            parent_id);
gboolean          sc_category_dialog_set_skill        (ScCategoryDialog *self,
                                                       gint64            skill_id);
gboolean          sc_category_dialog_delete           (ScCategoryDialog *self);
const char       *sc_category_dialog_get_error        (ScCategoryDialog *self);

G_END_DECLS
