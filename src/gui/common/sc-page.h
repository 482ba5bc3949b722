/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sc-store.h"

G_BEGIN_DECLS

#define SC_TYPE_PAGE (sc_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (ScPage, sc_page, SC, PAGE, AdwBin)

/*
 * ScPageClass:
 * @tables: (nullable): the tables whose changes the page shows; %NULL for
 *   every change
 * @reload: reads the store again; called only while the page is shown,
 *   with both a store and a session
 */
struct _ScPageClass
{
  AdwBinClass          parent_class;

  const char * const  *tables;

  void               (*reload) (ScPage *self);
};

ScStore   *sc_page_get_store    (ScPage    *self);
void       sc_page_set_store    (ScPage    *self,
                                 ScStore   *store);
ScSession *sc_page_get_session  (ScPage    *self);
void       sc_page_set_session  (ScPage    *self,
                                 ScSession *session);
void       sc_page_queue_reload (ScPage    *self);
void       sc_page_reload_now   (ScPage    *self);

G_END_DECLS
