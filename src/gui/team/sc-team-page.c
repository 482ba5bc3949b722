/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-team-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-demo.h"
#include "sc-import-dialog.h"
#include "sc-people-model.h"
#include "sc-person-dialog.h"
#include "sc-sample-accounts-dialog.h"
#include "sc-skills-dialog.h"
#include "common/sc-search.h"
#include "sc-team-page.h"
#include "common/sc-file-chooser.h"
#include "common/sc-widget-util.h"

/*
 * ScTeamPage: the people of the team in a sortable table with a search.
 * What the signed-in account may do decides which buttons show: those who
 * may only read the team still open a person to see them (and change their
 * skills, when they may).
 */

struct _ScTeamPage
{
  AdwBin                parent_instance;

  /* Owned */
  ScStore              *store;
  ScSession            *session;
  ScPeopleModel        *people;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkSingleSelection   *selection;
  GtkCustomFilter      *filter;
  char                 *search_key;
  gboolean              show_left;

  /* Template */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkSearchEntry       *search_entry;
  GtkCheckButton       *show_left_check;
  GtkLabel             *count_label;
  GtkButton            *add_button;
  GtkButton            *import_button;
  GtkButton            *skills_button;
  GtkButton            *sample_button;
  GtkButton            *empty_import_button;
  GtkButton            *empty_add_button;
  GtkStack             *results_stack;
  AdwStatusPage        *no_results_page;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *name_column;
  GtkColumnViewColumn  *employee_no_column;
  GtkColumnViewColumn  *role_column;
  GtkColumnViewColumn  *crew_column;
  GtkColumnViewColumn  *level_column;
  GtkColumnViewColumn  *hire_date_column;
  GtkColumnViewColumn  *skills_column;
  GtkColumnViewColumn  *status_column;
};

G_DEFINE_FINAL_TYPE (ScTeamPage, sc_team_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_SHOW_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_NAME,
  COLUMN_EMPLOYEE_NO,
  COLUMN_ROLE,
  COLUMN_CREW,
  COLUMN_LEVEL,
  COLUMN_HIRE_DATE,
  COLUMN_SKILLS,
  COLUMN_STATUS,
} Column;

/* Helpers */

static gboolean
person_matches (ScPerson   *person,
                const char *key)
{
  g_auto(GStrv) words = NULL;

  if (key == NULL || *key == '\0')
    return TRUE;

  /* Every word typed must match one of the fields: “senior chat” finds
   * the senior people who have the Online chat skill */
  words = g_strsplit_set (key, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0')
        continue;

      if (!sc_search_key_matches (sc_person_get_name (person), word) &&
          !sc_search_key_matches (sc_person_get_employee_no (person), word) &&
          !sc_search_key_matches (sc_role_get_label (sc_person_get_role (person)), word) &&
          !sc_search_key_matches (sc_person_get_crew (person), word) &&
          !sc_search_key_matches (sc_level_get_label (sc_person_get_level (person)), word) &&
          !sc_search_key_matches (sc_person_get_skills_summary (person), word) &&
          !sc_search_key_matches (sc_person_get_email (person), word))
        return FALSE;
    }

  return TRUE;
}

static gboolean
filter_person (gpointer item,
               gpointer user_data)
{
  ScTeamPage *self = user_data;
  ScPerson *person = item;

  if (!self->show_left && !sc_person_get_active (person))
    return FALSE;

  return person_matches (person, self->search_key);
}

static char *
format_skills (const char *summary)
{
  g_auto(GStrv) parts = NULL;
  GString *str;

  /* “Phone 5, Online chat 4” reads better as “Phone 5 · Online chat 4” */
  if (summary == NULL || *summary == '\0')
    return g_strdup ("");

  parts = g_strsplit (summary, ", ", -1);
  str = g_string_new (NULL);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (str, "  ·  ");
      g_string_append (str, parts[i]);
    }

  return g_string_free (str, FALSE);
}

static void
show_error (ScTeamPage *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_count (ScTeamPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_total = self->show_left
                    ? g_list_model_get_n_items (G_LIST_MODEL (self->people))
                    : sc_people_model_count_active (self->people);
  g_autofree char *text = NULL;

  if (n_shown == n_total)
    text = g_strdup_printf (ngettext ("%u person", "%u people", n_total), n_total);
  else
    /* Translators: shown while searching, e.g. “3 of 60 people” */
    text = g_strdup_printf (ngettext ("%u of %u person", "%u of %u people", n_total),
                            n_shown, n_total);

  gtk_label_set_text (self->count_label, text);

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else
    {
      if (self->search_key == NULL || *self->search_key == '\0')
        {
          adw_status_page_set_icon_name (self->no_results_page, "system-users-symbolic");
          adw_status_page_set_title (self->no_results_page, _("Everyone Has Left"));
          adw_status_page_set_description (self->no_results_page,
                                           _("Turn on “Show people who left” to see them, or add new people."));
        }
      else
        {
          adw_status_page_set_icon_name (self->no_results_page, "edit-find-symbolic");
          adw_status_page_set_title (self->no_results_page, _("No Matching People"));
          adw_status_page_set_description (self->no_results_page,
                                           _("Try a different name, employee number, role or skill."));
        }
      gtk_stack_set_visible_child_name (self->results_stack, "no-results");
    }
}

static gboolean
may (ScTeamPage  *self,
     ScOperation  operation)
{
  return self->store != NULL && self->session != NULL &&
         sc_permission_access (self->session, operation) == SC_ACCESS_ALL;
}

/* Nobody in the team, or only the one signed in */
static gboolean
is_empty (ScTeamPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->people));
  g_autoptr(ScPerson) only = NULL;

  if (n == 0)
    return TRUE;
  if (n > 1 || self->session == NULL)
    return FALSE;

  only = g_list_model_get_item (G_LIST_MODEL (self->people), 0);
  return sc_person_get_id (only) == sc_session_get_person_id (self->session);
}

static void
update_state (ScTeamPage *self)
{
  gboolean empty = is_empty (self);
  gboolean write = may (self, SC_OPERATION_PEOPLE_WRITE);
  gboolean sample = empty && write && may (self, SC_OPERATION_ACCOUNTS_WRITE);
  gboolean skills = self->store != NULL && self->session != NULL &&
                    sc_permission_access (self->session, SC_OPERATION_SKILLS_WRITE) != SC_ACCESS_DENY;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.create-sample", sample);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.add-person", write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.import", write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.skills", skills);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.search", !empty);

  /* Only what this account may do is offered at all */
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), write);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), write);
  gtk_widget_set_visible (GTK_WIDGET (self->skills_button), skills);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_button), sample);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_import_button), write);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_add_button), write);

  adw_status_page_set_title (self->empty_page,
                             g_list_model_get_n_items (G_LIST_MODEL (self->people)) == 0
                               ? _("No One in the Team Yet")
                               : _("No One Else in the Team Yet"));
  if (write)
    adw_status_page_set_description (self->empty_page,
                                     _("Add the people you work with, import them from a spreadsheet, "
                                       "or explore Shiftcraft with a sample team of agents, trainers "
                                       "and supervisors."));
  else
    adw_status_page_set_description (self->empty_page, _("A supervisor adds the people of the team."));

  update_count (self);
}

/* Sorting */

static int
compare_names (ScPerson *a,
               ScPerson *b)
{
  g_autofree char *ka = g_utf8_collate_key (sc_person_get_name (a), -1);
  g_autofree char *kb = g_utf8_collate_key (sc_person_get_name (b), -1);

  return strcmp (ka, kb);
}

static int
to_order (int cmp)
{
  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_employee_no (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  g_autofree char *ka = g_utf8_collate_key_for_filename (sc_person_get_employee_no ((ScPerson *) a), -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (sc_person_get_employee_no ((ScPerson *) b), -1);

  return to_order (strcmp (ka, kb));
}

static int
compare_role (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  int cmp = (int) sc_person_get_role ((ScPerson *) a) - (int) sc_person_get_role ((ScPerson *) b);

  return to_order (cmp != 0 ? cmp : compare_names ((ScPerson *) a, (ScPerson *) b));
}

/* By group, people in no group last */
static int
compare_crew (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *ca = sc_person_get_crew ((ScPerson *) a);
  const char *cb = sc_person_get_crew ((ScPerson *) b);
  int cmp = (int) (*ca == '\0') - (int) (*cb == '\0');

  if (cmp == 0)
    cmp = g_utf8_collate (ca, cb);

  return to_order (cmp != 0 ? cmp : compare_names ((ScPerson *) a, (ScPerson *) b));
}

static int
compare_level (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int cmp = (int) sc_person_get_level ((ScPerson *) a) - (int) sc_person_get_level ((ScPerson *) b);

  return to_order (cmp != 0 ? cmp : compare_names ((ScPerson *) a, (ScPerson *) b));
}

static int
compare_hire_date (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char *da = sc_person_get_hire_date ((ScPerson *) a);
  const char *db = sc_person_get_hire_date ((ScPerson *) b);
  int cmp;

  /* People without a hire date come last */
  if (da == NULL || *da == '\0')
    cmp = (db == NULL || *db == '\0') ? 0 : 1;
  else if (db == NULL || *db == '\0')
    cmp = -1;
  else
    cmp = strcmp (da, db);

  return to_order (cmp != 0 ? cmp : compare_names ((ScPerson *) a, (ScPerson *) b));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int cmp = (int) !sc_person_get_active ((ScPerson *) a) - (int) !sc_person_get_active ((ScPerson *) b);

  return to_order (cmp != 0 ? cmp : compare_names ((ScPerson *) a, (ScPerson *) b));
}

/* Cells */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label;

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "sc-cell");

  if (column == COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *avatar = adw_avatar_new (28, NULL, TRUE);

      gtk_box_append (GTK_BOX (box), avatar);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }

  if (column == COLUMN_EMPLOYEE_NO || column == COLUMN_HIRE_DATE)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  ScPerson *person = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkLabel *label;
  g_autofree char *text = NULL;
  gboolean active = sc_person_get_active (person);

  if (column == COLUMN_NAME)
    {
      GtkWidget *avatar = gtk_widget_get_first_child (child);

      adw_avatar_set_text (ADW_AVATAR (avatar), sc_person_get_name (person));
      label = GTK_LABEL (gtk_widget_get_next_sibling (avatar));
      gtk_widget_set_opacity (avatar, active ? 1.0 : 0.55);
    }
  else
    label = GTK_LABEL (child);

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (sc_person_get_name (person));
      break;

    case COLUMN_EMPLOYEE_NO:
      text = g_strdup (sc_person_get_employee_no (person));
      break;

    case COLUMN_ROLE:
      text = g_strdup (sc_role_get_label (sc_person_get_role (person)));
      break;

    case COLUMN_CREW:
      text = g_strdup (sc_person_get_crew (person));
      break;

    case COLUMN_LEVEL:
      text = g_strdup (sc_level_get_label (sc_person_get_level (person)));
      break;

    case COLUMN_HIRE_DATE:
      text = g_strdup (sc_person_get_hire_date (person));
      break;

    case COLUMN_SKILLS:
      text = format_skills (sc_person_get_skills_summary (person));
      break;

    case COLUMN_STATUS:
      /* Translators: the status of a person in the team list */
      text = g_strdup (active ? C_("person status", "Active") : C_("person status", "Left"));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column == COLUMN_SKILLS && text != NULL && *text != '\0' ? text : NULL);

  if (active)
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
setup_column (GtkColumnViewColumn *column,
              Column               id,
              GtkSorter           *sorter)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GUINT_TO_POINTER (id));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), GUINT_TO_POINTER (id));
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

static GtkSorter *
new_string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SC_TYPE_PERSON, NULL,
                                                                        property)));
}

static void
setup_columns (ScTeamPage *self)
{
  setup_column (self->name_column, COLUMN_NAME, new_string_sorter ("name"));
  setup_column (self->employee_no_column, COLUMN_EMPLOYEE_NO,
                GTK_SORTER (gtk_custom_sorter_new (compare_employee_no, NULL, NULL)));
  setup_column (self->role_column, COLUMN_ROLE,
                GTK_SORTER (gtk_custom_sorter_new (compare_role, NULL, NULL)));
  setup_column (self->crew_column, COLUMN_CREW,
                GTK_SORTER (gtk_custom_sorter_new (compare_crew, NULL, NULL)));
  setup_column (self->level_column, COLUMN_LEVEL,
                GTK_SORTER (gtk_custom_sorter_new (compare_level, NULL, NULL)));
  setup_column (self->hire_date_column, COLUMN_HIRE_DATE,
                GTK_SORTER (gtk_custom_sorter_new (compare_hire_date, NULL, NULL)));
  setup_column (self->skills_column, COLUMN_SKILLS, new_string_sorter ("skills-summary"));
  setup_column (self->status_column, COLUMN_STATUS,
                GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL)));
}

/* Callbacks */

static void
on_people_items_changed_cb (ScTeamPage *self)
{
  update_state (self);
}

static void
on_filter_items_changed_cb (ScTeamPage *self)
{
  update_count (self);
}

static void
on_search_changed_cb (ScTeamPage     *self,
                      GtkSearchEntry *entry)
{
  g_autofree char *key = sc_search_key_new (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (key != NULL)
    g_strstrip (key);

  if (g_strcmp0 (key, self->search_key) == 0)
    return;

  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_search_stop_cb (ScTeamPage     *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_search_activate_cb (ScTeamPage     *self,
                       GtkSearchEntry *entry)
{
  /* Enter in the search field opens the only match */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 1)
    {
      g_autoptr(ScPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

      sc_team_page_open_person (self, person);
    }
}

static void
on_column_view_activate_cb (ScTeamPage    *self,
                            guint          position,
                            GtkColumnView *column_view)
{
  g_autoptr(ScPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (person != NULL)
    sc_team_page_open_person (self, person);
}

static void
on_person_added_cb (ScTeamPage *self,
                    ScPerson   *person)
{
  sc_widget_add_toast (GTK_WIDGET (self),
                       adw_toast_new_format (_("%s added to the team"), sc_person_get_name (person)));
}

static void
on_undo_left_clicked_cb (ScTeamPage *self,
                         AdwToast   *toast)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "person-id"));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!sc_store_set_person_active (self->store, self->session, person_id, TRUE, &error))
    show_error (self, _("Cannot Bring This Person Back"), error->message);
}

static void
on_person_left_cb (ScTeamPage *self,
                   ScPerson   *person)
{
  AdwToast *toast;

  toast = adw_toast_new_format (_("%s marked as left"), sc_person_get_name (person));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "person-id", GSIZE_TO_POINTER (sc_person_get_id (person)));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_left_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  sc_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
on_imported_cb (ScTeamPage *self,
                guint       n_added,
                guint       n_updated,
                gpointer    dialog)
{
  g_autofree char *text = NULL;

  if (n_updated == 0)
    text = g_strdup_printf (ngettext ("Imported %u person", "Imported %u people", n_added), n_added);
  else if (n_added == 0)
    text = g_strdup_printf (ngettext ("Updated %u person", "Updated %u people", n_updated), n_updated);
  else
    {
      g_autofree char *added = g_strdup_printf (ngettext ("Imported %u person", "Imported %u people", n_added),
                                                n_added);
      g_autofree char *updated = g_strdup_printf (ngettext ("updated %u", "updated %u", n_updated),
                                                  n_updated);

      /* Translators: “Imported 58 people, updated 2” */
      text = g_strdup_printf (C_("import summary", "%s, %s"), added, updated);
    }

  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

/* Actions */

static void
sc_team_page_add_person_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  sc_team_page_open_person (SC_TEAM_PAGE (widget), NULL);
}

static void
import_file (GObject *owner,
             GFile   *file)
{
  sc_team_page_import_file (SC_TEAM_PAGE (owner), file);
}

static void
sc_team_page_import_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  const ScFileFilter filters[] = {
    { N_("Spreadsheets saved as CSV (*.csv, *.txt)"), "*.csv;*.CSV;*.txt", "text/csv" },
    { NULL }
  };

  sc_choose_file (G_OBJECT (widget), sc_widget_get_window (widget), GTK_FILE_CHOOSER_ACTION_OPEN,
                  _("Import People from CSV"), _("_Open"), NULL, filters, import_file);
}

static void
sc_team_page_create_sample_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ScTeamPage *self = SC_TEAM_PAGE (widget);

  sc_team_page_create_sample (self);
}

static void
sc_team_page_skills_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  sc_team_page_open_skills (SC_TEAM_PAGE (widget));
}

static void
sc_team_page_search_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ScTeamPage *self = SC_TEAM_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
activate_if_mapped_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  const char *action = user_data;

  /* The shortcuts are global to the window, but belong to this page only
   * while it is on screen */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, action, NULL);
}

static void
add_global_shortcuts (ScTeamPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (activate_if_mapped_cb,
                                                                                   (gpointer) "team.add-person",
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (activate_if_mapped_cb,
                                                                                   (gpointer) "team.search",
                                                                                   NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Overrides */

static void
sc_team_page_dispose (GObject *object)
{
  ScTeamPage *self = SC_TEAM_PAGE (object);

  /* AdwBin holds the template's top widget: let it go first */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_TEAM_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->people);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_team_page_parent_class)->dispose (object);
}

static void
sc_team_page_finalize (GObject *object)
{
  ScTeamPage *self = SC_TEAM_PAGE (object);

  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (sc_team_page_parent_class)->finalize (object);
}

static void
sc_team_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ScTeamPage *self = SC_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_LEFT:
      g_value_set_boolean (value, self->show_left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ScTeamPage *self = SC_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sc_team_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      sc_team_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_LEFT:
      sc_team_page_set_show_left (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_team_page_class_init (ScTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_team_page_dispose;
  object_class->finalize = sc_team_page_finalize;
  object_class->get_property = sc_team_page_get_property;
  object_class->set_property = sc_team_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * ScTeamPage:session:
   *
   * Who is signed in: every store call is made as them.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_LEFT] =
    g_param_spec_boolean ("show-left", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, show_left_check);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, skills_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, sample_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, empty_import_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, employee_no_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, crew_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, level_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, hire_date_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, skills_column);
  gtk_widget_class_bind_template_child (widget_class, ScTeamPage, status_column);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "team.add-person", NULL, sc_team_page_add_person_action);
  gtk_widget_class_install_action (widget_class, "team.import", NULL, sc_team_page_import_action);
  gtk_widget_class_install_action (widget_class, "team.create-sample", NULL,
                                   sc_team_page_create_sample_action);
  gtk_widget_class_install_action (widget_class, "team.search", NULL, sc_team_page_search_action);
  gtk_widget_class_install_action (widget_class, "team.skills", NULL, sc_team_page_skills_action);
  gtk_widget_class_install_property_action (widget_class, "team.show-left", "show-left");
}

static void
sc_team_page_init (ScTeamPage *self)
{
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->people = sc_people_model_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_person, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  setup_columns (self);

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (on_people_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_filter_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  add_global_shortcuts (self);

  update_state (self);
}

/* Public API */

GtkWidget *
sc_team_page_new (ScStore   *store,
                  ScSession *session)
{
  return g_object_new (SC_TYPE_TEAM_PAGE, "store", store, "session", session, NULL);
}

/**
 * sc_team_page_get_store:
 * Returns: (transfer none) (nullable): the store
 */
ScStore *
sc_team_page_get_store (ScTeamPage *self)
{
  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  return self->store;
}

void
sc_team_page_set_store (ScTeamPage *self,
                        ScStore    *store)
{
  g_return_if_fail (SC_IS_TEAM_PAGE (self));
  g_return_if_fail (store == NULL || SC_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  sc_people_model_set_store (self->people, store);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sc_team_page_get_session:
 * Returns: (transfer none) (nullable): who the page acts as
 */
ScSession *
sc_team_page_get_session (ScTeamPage *self)
{
  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  return self->session;
}

void
sc_team_page_set_session (ScTeamPage *self,
                          ScSession  *session)
{
  g_return_if_fail (SC_IS_TEAM_PAGE (self));
  g_return_if_fail (session == NULL || SC_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  sc_people_model_set_session (self->people, session);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
sc_team_page_get_show_left (ScTeamPage *self)
{
  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), FALSE);
  return self->show_left;
}

void
sc_team_page_set_show_left (ScTeamPage *self,
                            gboolean    show_left)
{
  g_return_if_fail (SC_IS_TEAM_PAGE (self));

  show_left = !!show_left;
  if (self->show_left == show_left)
    return;

  self->show_left = show_left;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_left ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEFT]);
}

/**
 * sc_team_page_get_shown_people:
 * Returns: (transfer none): the people the list shows, filtered and sorted
 */
GListModel *
sc_team_page_get_shown_people (ScTeamPage *self)
{
  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * sc_team_page_open_person:
 * @person: (nullable): the person to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the person dialog, already presented
 */
GtkWindow *
sc_team_page_open_person (ScTeamPage *self,
                          ScPerson   *person)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  dialog = sc_person_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), self->store, self->session, person);
  g_signal_connect_object (dialog, "person-added", G_CALLBACK (on_person_added_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "person-left", G_CALLBACK (on_person_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * sc_team_page_import_file:
 *
 * Opens the import dialog on @file: it reads the file, shows the preview
 * and imports when asked to.
 *
 * Returns: (transfer none): the import dialog, already presented
 */
GtkWindow *
sc_team_page_import_file (ScTeamPage *self,
                          GFile      *file)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  dialog = sc_import_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), self->store, self->session);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  sc_import_dialog_load_file (SC_IMPORT_DIALOG (dialog), file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * sc_team_page_open_skills:
 *
 * Opens the list of the team's skills, where those who may add skills.
 *
 * Returns: (transfer none): the skills dialog, already presented
 */
GtkWindow *
sc_team_page_open_skills (ScTeamPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);
  g_return_val_if_fail (self->store != NULL, NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  dialog = sc_skills_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), self->store, self->session);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * sc_team_page_create_sample:
 *
 * Fills an empty team with the sample team, then shows its accounts and
 * their PINs, this once.
 *
 * Returns: (transfer none) (nullable): the dialog with the accounts, or
 *   %NULL when the store refused (the reason is shown)
 */
GtkWindow *
sc_team_page_create_sample (ScTeamPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_TEAM_PAGE (self), NULL);

  if (self->store == NULL || self->session == NULL)
    return NULL;

  if (!sc_demo_populate (self->store, self->session, &accounts, &error))
    {
      show_error (self, _("Cannot Create the Sample Team"), error->message);
      return NULL;
    }

  dialog = sc_sample_accounts_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), accounts);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
