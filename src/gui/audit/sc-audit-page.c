/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-audit-csv.h"
#include "sc-audit-page.h"
#include "common/sc-file-chooser.h"
#include "common/sc-widget-util.h"

/*
 * ScAuditPage: the audit trail, newest first, filtered by text, by what the
 * entries are about and by period; the store does the filtering. Times are
 * stored in UTC and shown in local time. “Export CSV…” writes the entries
 * the filters select, in a worker thread.
 */

struct _ScAuditPage
{
  ScPage               parent_instance;

  /* Owned */
  GListStore          *entries;
  GCancellable        *cancellable;
  guint                exporting;

  /* Template */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *table_dropdown;
  GtkDropDown         *period_dropdown;
  GtkLabel            *count_label;
  GtkButton           *export_button;
  GtkStack            *results_stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *actor_column;
  GtkColumnViewColumn *action_column;
  GtkColumnViewColumn *table_column;
  GtkColumnViewColumn *summary_column;
};

G_DEFINE_FINAL_TYPE (ScAuditPage, sc_audit_page, SC_TYPE_PAGE)

/* Every change adds an entry */
static const char * const page_tables[] = { "audit_entry", NULL };

typedef enum
{
  COLUMN_TIME,
  COLUMN_ACTOR,
  COLUMN_ACTION,
  COLUMN_TABLE,
  COLUMN_SUMMARY,
} Column;

/* What the table drop-down offers: the store's table names */
static const char * const tables[] = {
  NULL, "person", "person_skill", "skill", "team", "account", "setting",
  "shift_type", "forecast", "service_target", "*",
};

/* Helpers */

static const char *
get_table_label (const char *table)
{
  if (table == NULL)
    return _("All Records");
  if (g_str_equal (table, "person"))
    return C_("audit record", "People");
  if (g_str_equal (table, "person_skill"))
    return C_("audit record", "People’s Skills");
  if (g_str_equal (table, "skill"))
    return C_("audit record", "Skills");
  if (g_str_equal (table, "team"))
    return C_("audit record", "Team");
  if (g_str_equal (table, "account"))
    return C_("audit record", "Accounts");
  if (g_str_equal (table, "setting"))
    return C_("audit record", "Settings");
  if (g_str_equal (table, "shift_type"))
    return C_("audit record", "Shift Types");
  if (g_str_equal (table, "forecast"))
    return C_("audit record", "Forecasts");
  if (g_str_equal (table, "service_target"))
    return C_("audit record", "Service Targets");
  if (g_str_equal (table, "*"))
    return C_("audit record", "All Data");

  return table;
}

static const char *
get_action_label (const char *action)
{
  static const struct
  {
    const char *key;
    const char *label;
  } actions[] = {
    { "insert", NC_("audit action", "Added") },
    { "create", NC_("audit action", "Created") },
    { "update", NC_("audit action", "Changed") },
    { "save", NC_("audit action", "Saved") },
    { "delete", NC_("audit action", "Deleted") },
    { "credential", NC_("audit action", "New passphrase or PIN") },
    { "unlock", NC_("audit action", "Unlocked") },
    { "lock", NC_("audit action", "Locked") },
    { "sign-in", NC_("audit action", "Signed in") },
    { "sign-in-failed", NC_("audit action", "Wrong passphrase or PIN") },
    { "restore", NC_("audit action", "Restored a backup") },
    { "publish", NC_("audit action", "Published") },
    { "export", NC_("audit action", "Exported a calendar") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "audit action", actions[i].label);

  return action;
}

static char *
format_local_time (const char *utc)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || !(dt = g_date_time_new_from_iso8601 (utc, NULL)))
    return g_strdup (utc ? utc : "");

  local = g_date_time_to_local (dt);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static const char *
get_table (ScAuditPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->table_dropdown);

  return selected < G_N_ELEMENTS (tables) ? tables[selected] : NULL;
}

static const char *
get_text (ScAuditPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text != NULL && *text != '\0' ? text : NULL;
}

/* Returns: (nullable): the UTC time the period starts at */
static char *
get_since (ScAuditPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) since = NULL;

  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case SC_AUDIT_PERIOD_TODAY:
      since = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 0, 0, 0);
      break;

    case SC_AUDIT_PERIOD_WEEK:
      since = g_date_time_add_days (now, -7);
      break;

    case SC_AUDIT_PERIOD_MONTH:
      since = g_date_time_add_days (now, -30);
      break;

    case SC_AUDIT_PERIOD_ALL:
    default:
      return NULL;
    }

  return format_utc (since);
}

static void
update_state (ScAuditPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *text = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);
  ScSession *session = sc_page_get_session (SC_PAGE (self));
  gboolean ready = sc_page_get_store (SC_PAGE (self)) != NULL && session != NULL &&
                   sc_permission_access (session, SC_OPERATION_AUDIT_READ) != SC_ACCESS_DENY;

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "results" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.export", ready && self->exporting == 0);
}

/* Cells */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_TIME)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_TABLE)
    gtk_widget_add_css_class (label, "dim-label");

  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  ScAuditEntry *entry = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_TIME:
      text = format_local_time (sc_audit_entry_get_at (entry));
      break;

    case COLUMN_ACTOR:
      text = g_strdup (sc_audit_entry_get_actor (entry));
      break;

    case COLUMN_ACTION:
      text = g_strdup (get_action_label (sc_audit_entry_get_action (entry)));
      break;

    case COLUMN_TABLE:
      text = g_strdup (get_table_label (sc_audit_entry_get_table_name (entry)));
      break;

    case COLUMN_SUMMARY:
      text = g_strdup (sc_audit_entry_get_summary (entry));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column == COLUMN_SUMMARY && text != NULL && *text != '\0' ? text : NULL);

  /* Refusals stand out */
  if (g_strcmp0 (sc_audit_entry_get_action (entry), "sign-in-failed") == 0 ||
      g_strcmp0 (sc_audit_entry_get_action (entry), "lock") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
setup_column (GtkColumnViewColumn *column,
              Column               id)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (id));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (id));
  gtk_column_view_column_set_factory (column, factory);
}

/* Callbacks */

static void
on_filter_changed_cb (ScAuditPage *self)
{
  sc_audit_page_reload (self);
}

static void
on_search_stop_cb (ScAuditPage    *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) data = user_data;
  ScAuditPage *self = g_task_get_source_object (data);
  GFile *file = g_task_get_task_data (data);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gboolean ok;

  self->exporting--;
  ok = sc_audit_csv_write_finish (result, &error);

  /* The page is gone (signed out) */
  if (self->entries == NULL)
    return;

  update_state (self);

  if (ok)
    toast = adw_toast_new_format (_("Audit trail saved as “%s”"), basename);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  else
    {
      toast = adw_toast_new_format (_("Cannot save the audit trail: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
    }

  sc_widget_add_toast (GTK_WIDGET (self), toast);
}

/* Actions */

static void
export_to_file (GObject *owner,
                GFile   *file)
{
  sc_audit_page_export (SC_AUDIT_PAGE (owner), file);
}

static void
sc_audit_page_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ScAuditPage *self = SC_AUDIT_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("shiftcraft-audit-%s.csv", date);
  const ScFileFilter filters[] = {
    { N_("Spreadsheets saved as CSV (*.csv)"), "*.csv", "text/csv" },
    { NULL }
  };

  sc_choose_file (G_OBJECT (self), sc_widget_get_window (GTK_WIDGET (self)), GTK_FILE_CHOOSER_ACTION_SAVE,
                  _("Export the Audit Trail"), _("_Export"), name, filters, export_to_file);
}

/* Overrides */

static void
sc_audit_page_dispose (GObject *object)
{
  ScAuditPage *self = SC_AUDIT_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_AUDIT_PAGE);

  g_clear_object (&self->entries);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sc_audit_page_parent_class)->dispose (object);
}

static void
sc_audit_page_page_reload (ScPage *page)
{
  sc_audit_page_reload (SC_AUDIT_PAGE (page));
}

static void
sc_audit_page_class_init (ScAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_audit_page_dispose;

  /* Reading the trail costs time with many entries: ScPage reads it only
   * while the page shows */
  page_class->tables = page_tables;
  page_class->reload = sc_audit_page_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, time_column);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, actor_column);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, action_column);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, table_column);
  gtk_widget_class_bind_template_child (widget_class, ScAuditPage, summary_column);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);

  gtk_widget_class_install_action (widget_class, "audit.export", NULL, sc_audit_page_export_action);
}

static void
sc_audit_page_init (ScAuditPage *self)
{
  g_autoptr(GtkStringList) table_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  self->entries = g_list_store_new (SC_TYPE_AUDIT_ENTRY);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    gtk_string_list_append (table_labels, get_table_label (tables[i]));
  gtk_string_list_append (periods, _("Today"));
  gtk_string_list_append (periods, _("Last 7 Days"));
  gtk_string_list_append (periods, _("Last 30 Days"));
  gtk_string_list_append (periods, _("All Time"));

  /* Filled before they tell about selection changes */
  g_signal_handlers_block_by_func (self->table_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->period_dropdown, on_filter_changed_cb, self);
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (table_labels));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));
  gtk_drop_down_set_selected (self->table_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, SC_AUDIT_PERIOD_MONTH);
  g_signal_handlers_unblock_by_func (self->table_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->period_dropdown, on_filter_changed_cb, self);

  setup_column (self->time_column, COLUMN_TIME);
  setup_column (self->actor_column, COLUMN_ACTOR);
  setup_column (self->action_column, COLUMN_ACTION);
  setup_column (self->table_column, COLUMN_TABLE);
  setup_column (self->summary_column, COLUMN_SUMMARY);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  update_state (self);
}

/* Public API */

GtkWidget *
sc_audit_page_new (void)
{
  return g_object_new (SC_TYPE_AUDIT_PAGE, NULL);
}

/**
 * sc_audit_page_get_entries:
 * Returns: (transfer none): the entries shown, newest first
 */
GListModel *
sc_audit_page_get_entries (ScAuditPage *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/**
 * sc_audit_page_reload:
 *
 * Reads the entries the filters select again.
 */
void
sc_audit_page_reload (ScAuditPage *self)
{
  ScStore *store = sc_page_get_store (SC_PAGE (self));
  ScSession *session = sc_page_get_session (SC_PAGE (self));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;

  g_return_if_fail (SC_IS_AUDIT_PAGE (self));

  if (store != NULL && session != NULL)
    {
      since = get_since (self);
      entries = sc_store_get_audit (store, session, get_table (self), get_text (self), since, NULL, &error);
      if (entries == NULL)
        {
          adw_status_page_set_description (self->empty_page, error->message);
          g_info ("Cannot read the audit trail: %s", error->message);
        }
    }

  if (entries == NULL)
    entries = g_ptr_array_new_with_free_func (g_object_unref);

  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  update_state (self);
}

/**
 * sc_audit_page_set_table:
 * @table: (nullable): a table name of the store, or %NULL for all
 */
void
sc_audit_page_set_table (ScAuditPage *self,
                         const char  *table)
{
  g_return_if_fail (SC_IS_AUDIT_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_strcmp0 (tables[i], table) == 0)
        {
          gtk_drop_down_set_selected (self->table_dropdown, i);
          return;
        }
    }

  g_warning ("No filter for table “%s”", table);
}

void
sc_audit_page_set_period (ScAuditPage   *self,
                          ScAuditPeriod  period)
{
  g_return_if_fail (SC_IS_AUDIT_PAGE (self));
  g_return_if_fail (period <= SC_AUDIT_PERIOD_ALL);

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

/**
 * sc_audit_page_export:
 *
 * Writes the entries the filters select to @file as CSV, in a worker
 * thread; a toast tells when it is done.
 */
void
sc_audit_page_export (ScAuditPage *self,
                      GFile       *file)
{
  g_autofree char *since = NULL;
  GTask *data;

  g_return_if_fail (SC_IS_AUDIT_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (sc_page_get_store (SC_PAGE (self)) != NULL && sc_page_get_session (SC_PAGE (self)) != NULL);

  /* A task only to carry the page and the file to the callback */
  data = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (data, g_object_ref (file), g_object_unref);

  self->exporting++;
  update_state (self);

  since = get_since (self);
  sc_audit_csv_write_async (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                            get_table (self), get_text (self), since, NULL, file, self->cancellable,
                            on_exported_cb, data);
}

gboolean
sc_audit_page_get_exporting (ScAuditPage *self)
{
  g_return_val_if_fail (SC_IS_AUDIT_PAGE (self), FALSE);
  return self->exporting > 0;
}
