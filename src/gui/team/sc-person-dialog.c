/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-person-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sc-person-dialog.h"

/*
 * ScPersonDialog: adds a person, or shows and edits one.
 *
 * A new person is saved only when “Add” is pressed and everything is valid.
 * An existing person saves as they go: an entry row when its apply button
 * is pressed (or Enter), a combo or a spin button when it changes. A value
 * that is not valid is shown inline with the reason and is not saved.
 *
 * The group row offers the team's groups in a menu beside the entry, and
 * takes a new group's name typed in.
 *
 * What the session may not change is shown but insensitive: a trainer sees
 * the details and changes only the skills.
 */

typedef enum
{
  FIELD_NONE,
  FIELD_NAME,
  FIELD_EMPLOYEE_NO,
  FIELD_EMAIL,
  FIELD_CREW,
  FIELD_HIRE_DATE,
  FIELD_ROLE,
  FIELD_LEVEL,
  FIELD_MIN_HOURS,
  FIELD_MAX_HOURS,
  FIELD_MAX_DAYS,
  FIELD_MIN_REST,
  N_FIELDS
} Field;

struct _ScPersonDialog
{
  AdwWindow           parent_instance;

  /* Owned */
  ScStore            *store;
  ScSession          *session;
  ScPerson           *person;      /* as saved; a blank one while new */
  char               *error;
  GPtrArray          *skill_spins;
  gboolean            is_new;
  gboolean            loading;

  /* Not owned: the row showing the error */
  GtkWidget          *error_row;

  /* Template */
  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkButton          *cancel_button;
  GtkButton          *add_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwPreferencesPage *page;
  AdwEntryRow        *name_row;
  AdwEntryRow        *employee_no_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *crew_row;
  GtkMenuButton      *crew_button;
  AdwEntryRow        *hire_date_row;
  AdwComboRow        *role_row;
  AdwComboRow        *level_row;
  AdwActionRow       *min_hours_row;
  AdwActionRow       *max_hours_row;
  AdwActionRow       *max_days_row;
  AdwActionRow       *min_rest_row;
  GtkSpinButton      *min_hours_spin;
  GtkSpinButton      *max_hours_spin;
  GtkSpinButton      *max_days_spin;
  GtkSpinButton      *min_rest_spin;
  AdwPreferencesGroup *skills_group;
  AdwPreferencesGroup *status_group;
  AdwActionRow       *status_row;
  GtkButton          *status_button;
};

G_DEFINE_FINAL_TYPE (ScPersonDialog, sc_person_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PERSON_ADDED,
  PERSON_LEFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static GtkWidget *
get_field_row (ScPersonDialog *self,
               Field           field)
{
  switch (field)
    {
    case FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case FIELD_EMPLOYEE_NO:
      return GTK_WIDGET (self->employee_no_row);
    case FIELD_EMAIL:
      return GTK_WIDGET (self->email_row);
    case FIELD_CREW:
      return GTK_WIDGET (self->crew_row);
    case FIELD_HIRE_DATE:
      return GTK_WIDGET (self->hire_date_row);
    case FIELD_ROLE:
      return GTK_WIDGET (self->role_row);
    case FIELD_LEVEL:
      return GTK_WIDGET (self->level_row);
    case FIELD_MIN_HOURS:
      return GTK_WIDGET (self->min_hours_row);
    case FIELD_MAX_HOURS:
      return GTK_WIDGET (self->max_hours_row);
    case FIELD_MAX_DAYS:
      return GTK_WIDGET (self->max_days_row);
    case FIELD_MIN_REST:
      return GTK_WIDGET (self->min_rest_row);
    case FIELD_NONE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static Field
get_row_field (ScPersonDialog *self,
               gpointer        widget)
{
  for (Field field = FIELD_NAME; field < N_FIELDS; field++)
    {
      GtkWidget *row = get_field_row (self, field);

      if (row == widget || (row != NULL && widget != NULL && gtk_widget_is_ancestor (widget, row)))
        return field;
    }

  return FIELD_NONE;
}

static int
hours_to_minutes (GtkSpinButton *spin)
{
  return (int) lround (gtk_spin_button_get_value (spin) * 60.0);
}

static void
set_spin_hours (GtkSpinButton *spin,
                int            minutes)
{
  gtk_spin_button_set_digits (spin, minutes % 60 == 0 ? 0 : 1);
  gtk_spin_button_set_value (spin, minutes / 60.0);
}

static void
read_field (ScPersonDialog *self,
            ScPerson       *person,
            Field           field)
{
  g_autofree char *text = NULL;

  switch (field)
    {
    case FIELD_NAME:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      sc_person_set_name (person, text);
      break;

    case FIELD_EMPLOYEE_NO:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->employee_no_row))));
      sc_person_set_employee_no (person, text);
      break;

    case FIELD_EMAIL:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
      sc_person_set_email (person, *text != '\0' ? text : NULL);
      break;

    case FIELD_CREW:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->crew_row))));
      sc_person_set_crew (person, text);
      break;

    case FIELD_HIRE_DATE:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hire_date_row))));
      sc_person_set_hire_date (person, *text != '\0' ? text : NULL);
      break;

    case FIELD_ROLE:
      sc_person_set_role (person, adw_combo_row_get_selected (self->role_row));
      break;

    case FIELD_LEVEL:
      sc_person_set_level (person, adw_combo_row_get_selected (self->level_row));
      break;

    case FIELD_MIN_HOURS:
      sc_person_set_min_minutes_week (person, hours_to_minutes (self->min_hours_spin));
      break;

    case FIELD_MAX_HOURS:
      sc_person_set_max_minutes_week (person, hours_to_minutes (self->max_hours_spin));
      break;

    case FIELD_MAX_DAYS:
      sc_person_set_max_consecutive_days (person, gtk_spin_button_get_value_as_int (self->max_days_spin));
      break;

    case FIELD_MIN_REST:
      sc_person_set_min_rest_minutes (person, hours_to_minutes (self->min_rest_spin));
      break;

    case FIELD_NONE:
    case N_FIELDS:
    default:
      break;
    }
}

/* Puts a value that is surely valid into @field of @person */
static void
reset_field (ScPerson *person,
             Field     field)
{
  switch (field)
    {
    case FIELD_NAME:
      sc_person_set_name (person, "x");
      break;
    case FIELD_EMPLOYEE_NO:
      sc_person_set_employee_no (person, "x");
      break;
    case FIELD_EMAIL:
      sc_person_set_email (person, NULL);
      break;
    case FIELD_CREW:
      sc_person_set_crew (person, "");
      break;
    case FIELD_HIRE_DATE:
      sc_person_set_hire_date (person, NULL);
      break;
    case FIELD_MIN_HOURS:
      sc_person_set_min_minutes_week (person, 0);
      break;
    case FIELD_MAX_HOURS:
      sc_person_set_max_minutes_week (person, 7 * 24 * 60);
      break;
    case FIELD_MAX_DAYS:
      sc_person_set_max_consecutive_days (person, 6);
      break;
    case FIELD_MIN_REST:
      sc_person_set_min_rest_minutes (person, 11 * 60);
      break;
    case FIELD_ROLE:
    case FIELD_LEVEL:
    case FIELD_NONE:
    case N_FIELDS:
    default:
      break;
    }
}

/*
 * Finds the field an error is about: the first field that, set to a value
 * known to be valid, makes the error go away or change.
 */
static Field
find_error_field (ScPerson     *person,
                  const GError *error)
{
  if (g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT))
    return FIELD_EMPLOYEE_NO;

  if (error->domain != SC_PERSON_ERROR)
    return FIELD_NONE;

  for (Field field = FIELD_NAME; field < N_FIELDS; field++)
    {
      g_autoptr(ScPerson) copy = sc_person_copy (person);
      g_autoptr(GError) local_error = NULL;

      reset_field (copy, field);
      if (sc_person_validate (copy, &local_error) ||
          g_strcmp0 (local_error->message, error->message) != 0)
        return field;
    }

  return FIELD_NONE;
}

static void
clear_error (ScPersonDialog *self)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = NULL;

  g_clear_pointer (&self->error, g_free);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_error (ScPersonDialog *self,
            Field           field,
            const char     *message)
{
  GtkWidget *row = get_field_row (self, field);

  clear_error (self);

  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  if (row != NULL)
    {
      self->error_row = row;
      gtk_widget_add_css_class (row, "error");
    }
}

static void
update_title (ScPersonDialog *self)
{
  if (self->is_new)
    {
      adw_window_title_set_title (self->window_title, _("New Person"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
    }
  else
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the subtitle of the person dialog, e.g. “Agent · Senior” */
      subtitle = g_strdup_printf (C_("role and level", "%s · %s"),
                                  sc_role_get_label (sc_person_get_role (self->person)),
                                  sc_level_get_label (sc_person_get_level (self->person)));
      adw_window_title_set_title (self->window_title, sc_person_get_name (self->person));
      adw_window_title_set_subtitle (self->window_title, subtitle);
      gtk_window_set_title (GTK_WINDOW (self), sc_person_get_name (self->person));
    }
}

static void
update_status (ScPersonDialog *self)
{
  gboolean active = sc_person_get_active (self->person);

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), !self->is_new);

  adw_action_row_set_subtitle (self->status_row,
                               active ? _("Works in the team")
                                      : _("Has left the team: kept for history, not rostered"));
  gtk_button_set_label (self->status_button, active ? _("Mark as _Left") : _("_Bring Back"));

  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "destructive-action");
}

static void
load_person (ScPersonDialog *self)
{
  ScPerson *person = self->person;
  const char *text;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), sc_person_get_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->employee_no_row), sc_person_get_employee_no (person));
  text = sc_person_get_email (person);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), text ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->crew_row), sc_person_get_crew (person));
  text = sc_person_get_hire_date (person);
  gtk_editable_set_text (GTK_EDITABLE (self->hire_date_row), text ? text : "");
  adw_combo_row_set_selected (self->role_row, sc_person_get_role (person));
  adw_combo_row_set_selected (self->level_row, sc_person_get_level (person));
  set_spin_hours (self->min_hours_spin, sc_person_get_min_minutes_week (person));
  set_spin_hours (self->max_hours_spin, sc_person_get_max_minutes_week (person));
  gtk_spin_button_set_value (self->max_days_spin, sc_person_get_max_consecutive_days (person));
  set_spin_hours (self->min_rest_spin, sc_person_get_min_rest_minutes (person));

  self->loading = FALSE;
}

static void
on_skill_value_changed_cb (ScPersonDialog *self,
                           GtkSpinButton  *spin);

static void
load_skills (ScPersonDialog *self)
{
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) person_skills = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) levels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  skills = sc_store_get_skills (self->store, &error);
  if (skills == NULL)
    {
      show_error (self, FIELD_NONE, error->message);
      return;
    }

  if (!self->is_new)
    {
      person_skills = sc_store_get_person_skills (self->store, self->session,
                                                  sc_person_get_id (self->person), &error);
      if (person_skills == NULL)
        {
          show_error (self, FIELD_NONE, error->message);
          return;
        }

      for (guint i = 0; i < person_skills->len; i++)
        {
          ScPersonSkill *ps = g_ptr_array_index (person_skills, i);
          gint64 skill_id = sc_person_skill_get_skill_id (ps);

          /* Stored as proficiency + 1 so that 0 is told apart from “none” */
          g_hash_table_insert (levels, g_memdup2 (&skill_id, sizeof skill_id),
                               GINT_TO_POINTER (sc_person_skill_get_proficiency (ps) + 1));
        }
    }

  if (skills->len == 0)
    {
      adw_preferences_group_set_description (self->skills_group,
                                             _("There are no skills in the team yet. Skills come with "
                                               "the sample team and with imported people."));
      return;
    }

  self->loading = TRUE;

  for (guint i = 0; i < skills->len; i++)
    {
      ScSkill *skill = g_ptr_array_index (skills, i);
      gint64 skill_id = sc_skill_get_id (skill);
      gpointer level = g_hash_table_lookup (levels, &skill_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, SC_PROFICIENCY_MAX, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_skill_get_name (skill));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sc_skill_category_get_label (sc_skill_get_category (skill)));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), level ? GPOINTER_TO_INT (level) - 1 : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sc_skill_get_name (skill),
                                      -1);
      g_object_set_data_full (G_OBJECT (spin), "skill-id",
                              g_memdup2 (&skill_id, sizeof skill_id), g_free);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_skill_value_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->skills_group, row);
      g_ptr_array_add (self->skill_spins, spin);
    }

  self->loading = FALSE;
}

static gint64
get_spin_skill_id (GtkSpinButton *spin)
{
  gint64 *id = g_object_get_data (G_OBJECT (spin), "skill-id");

  return id ? *id : 0;
}

/* Saves one field of an existing person */
static void
save_field (ScPersonDialog *self,
            Field           field)
{
  g_autoptr(ScPerson) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->is_new || self->loading)
    return;

  copy = sc_person_copy (self->person);
  read_field (self, copy, field);

  if (!sc_store_update_person (self->store, self->session, copy, &error))
    {
      show_error (self, field, error->message);
      return;
    }

  g_set_object (&self->person, copy);
  clear_error (self);
  update_title (self);
}

static gboolean
may (ScPersonDialog *self,
     ScOperation     operation)
{
  ScAccess access = sc_permission_access (self->session, operation);

  if (access == SC_ACCESS_ALL)
    return TRUE;

  return access == SC_ACCESS_OWN && !self->is_new &&
         sc_person_get_id (self->person) == sc_session_get_person_id (self->session);
}

/* What the session may not change stays visible but insensitive */
static void
apply_permissions (ScPersonDialog *self)
{
  gboolean write = may (self, SC_OPERATION_PEOPLE_WRITE);
  gboolean skills = may (self, SC_OPERATION_PERSON_SKILLS_WRITE);

  for (Field field = FIELD_NAME; field < N_FIELDS; field++)
    gtk_widget_set_sensitive (get_field_row (self, field), write);

  for (guint i = 0; i < self->skill_spins->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->skill_spins, i), skills);

  if (!write)
    gtk_widget_set_visible (GTK_WIDGET (self->status_group), FALSE);

  if (!write && !self->is_new)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the subtitle of the person dialog for those who may not
       * change the person, e.g. “Agent · Senior — you may change the skills” */
      subtitle = g_strdup_printf (C_("person dialog", "%s — %s"),
                                  adw_window_title_get_subtitle (self->window_title),
                                  skills ? _("you may change the skills") : _("read only"));
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

static void
set_modal_buttons (ScPersonDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), self->is_new);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), self->is_new);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, !self->is_new);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, !self->is_new);

  adw_entry_row_set_show_apply_button (self->name_row, !self->is_new);
  adw_entry_row_set_show_apply_button (self->employee_no_row, !self->is_new);
  adw_entry_row_set_show_apply_button (self->email_row, !self->is_new);
  adw_entry_row_set_show_apply_button (self->crew_row, !self->is_new);
  adw_entry_row_set_show_apply_button (self->hire_date_row, !self->is_new);

  if (self->is_new)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
}

static void
setup_combos (ScPersonDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  for (guint i = 0; i < SC_N_ROLES; i++)
    gtk_string_list_append (roles, sc_role_get_label (i));
  for (guint i = 0; i < SC_N_LEVELS; i++)
    gtk_string_list_append (levels, sc_level_get_label (i));

  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
}

/* The team's groups, each a menu item that puts its name in the row */
static void
load_crews (ScPersonDialog *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_auto(GStrv) crews = sc_store_get_crews (self->store, self->session, NULL);

  for (guint i = 0; crews != NULL && crews[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (crews[i], NULL);

      g_menu_item_set_action_and_target (item, "person.set-crew", "s", crews[i]);
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->crew_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->crew_button), crews != NULL && crews[0] != NULL);
}

/* Callbacks */

static void
set_crew_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->crew_row), g_variant_get_string (parameter, NULL));
  save_field (self, FIELD_CREW);
}

static void
on_entry_apply_cb (ScPersonDialog *self,
                   AdwEntryRow    *row)
{
  save_field (self, get_row_field (self, row));
}

static void
on_entry_changed_cb (ScPersonDialog *self,
                     GtkEditable    *editable)
{
  if (!self->loading && self->error_row == GTK_WIDGET (editable))
    gtk_widget_remove_css_class (self->error_row, "error");
}

static void
on_combo_selected_cb (ScPersonDialog *self,
                      GParamSpec     *pspec,
                      AdwComboRow    *row)
{
  save_field (self, get_row_field (self, row));
}

static void
on_spin_value_changed_cb (ScPersonDialog *self,
                          GtkSpinButton  *spin)
{
  save_field (self, get_row_field (self, spin));
}

static void
on_skill_value_changed_cb (ScPersonDialog *self,
                           GtkSpinButton  *spin)
{
  g_autoptr(GError) error = NULL;
  gint64 person_id;
  gint64 skill_id;
  int value;
  gboolean ok;

  if (self->is_new || self->loading)
    return;

  person_id = sc_person_get_id (self->person);
  skill_id = get_spin_skill_id (spin);
  value = gtk_spin_button_get_value_as_int (spin);

  /* Proficiency 0 means the person does not have the skill */
  if (value == 0)
    ok = sc_store_remove_person_skill (self->store, self->session, person_id, skill_id, &error);
  else
    ok = sc_store_set_person_skill (self->store, self->session, person_id, skill_id, value, &error);

  if (!ok)
    show_error (self, FIELD_NONE, error->message);
  else if (self->error_row == NULL)
    clear_error (self);
}

static void
on_add_clicked_cb (ScPersonDialog *self,
                   GtkButton      *button)
{
  g_autoptr(ScPerson) person = sc_person_new ();
  g_autoptr(GError) error = NULL;

  g_assert (self->is_new);

  for (Field field = FIELD_NAME; field < N_FIELDS; field++)
    read_field (self, person, field);

  if (!sc_person_validate (person, &error))
    {
      Field field = find_error_field (person, error);
      GtkWidget *row = get_field_row (self, field);

      show_error (self, field, error->message);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      return;
    }

  /* The person and their skills in one transaction */
  if (!sc_store_begin (self->store, &error))
    goto failed;

  if (!sc_store_add_person (self->store, self->session, person, &error))
    {
      sc_store_rollback (self->store);
      goto failed;
    }

  for (guint i = 0; i < self->skill_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->skill_spins, i);
      int value = gtk_spin_button_get_value_as_int (spin);

      if (value > 0 &&
          !sc_store_set_person_skill (self->store, self->session, sc_person_get_id (person),
                                      get_spin_skill_id (spin), value, &error))
        {
          sc_store_rollback (self->store);
          goto failed;
        }
    }

  if (!sc_store_commit (self->store, &error))
    goto failed;

  g_set_object (&self->person, person);
  clear_error (self);
  g_signal_emit (self, signals[PERSON_ADDED], 0, person);
  gtk_window_close (GTK_WINDOW (self));
  return;

failed:
  sc_person_set_id (person, 0);
  show_error (self, find_error_field (person, error), error->message);
}

static void
on_status_clicked_cb (ScPersonDialog *self,
                      GtkButton      *button)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = NULL;
  gboolean active;

  if (self->is_new)
    return;

  active = !sc_person_get_active (self->person);
  if (!sc_store_set_person_active (self->store, self->session, sc_person_get_id (self->person),
                                  active, &error))
    {
      show_error (self, FIELD_NONE, error->message);
      return;
    }

  person = sc_person_copy (self->person);
  sc_person_set_active (person, active);
  g_set_object (&self->person, person);

  if (!active)
    {
      g_signal_emit (self, signals[PERSON_LEFT], 0, self->person);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  update_status (self);
}

/* Overrides */

static void
sc_person_dialog_show (GtkWidget *widget)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (widget);

  GTK_WIDGET_CLASS (sc_person_dialog_parent_class)->show (widget);

  /* The first field gets the focus, which selects its text: for someone
   * already in the team, one key press would replace their name */
  if (!self->is_new)
    gtk_editable_select_region (GTK_EDITABLE (self->name_row), -1, -1);
}

static void
sc_person_dialog_constructed (GObject *object)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (object);

  G_OBJECT_CLASS (sc_person_dialog_parent_class)->constructed (object);

  g_assert (SC_IS_STORE (self->store));
  g_assert (SC_IS_SESSION (self->session));

  self->is_new = self->person == NULL || sc_person_get_id (self->person) == 0;
  if (self->person == NULL)
    self->person = sc_person_new ();

  set_modal_buttons (self);
  load_person (self);
  load_crews (self);
  load_skills (self);
  update_title (self);
  update_status (self);
  apply_permissions (self);
}

static void
sc_person_dialog_dispose (GObject *object)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PERSON_DIALOG);

  self->error_row = NULL;
  g_clear_pointer (&self->skill_spins, g_ptr_array_unref);
  g_clear_object (&self->person);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_person_dialog_parent_class)->dispose (object);
}

static void
sc_person_dialog_finalize (GObject *object)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_person_dialog_parent_class)->finalize (object);
}

static void
sc_person_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ScPersonDialog *self = SC_PERSON_DIALOG (object);
  ScPerson *person;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_PERSON:
      /* Work on a copy: the list's objects are the store's */
      person = g_value_get_object (value);
      self->person = person ? sc_person_copy (person) : NULL;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_person_dialog_class_init (ScPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_person_dialog_constructed;
  object_class->dispose = sc_person_dialog_dispose;
  object_class->finalize = sc_person_dialog_finalize;
  object_class->get_property = sc_person_dialog_get_property;
  object_class->set_property = sc_person_dialog_set_property;

  widget_class->show = sc_person_dialog_show;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, SC_TYPE_PERSON,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScPersonDialog::person-added:
   * @person: the person, with their id
   */
  signals[PERSON_ADDED] =
    g_signal_new ("person-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_PERSON);

  /**
   * ScPersonDialog::person-left:
   * @person: the person who was marked as left
   */
  signals[PERSON_LEFT] =
    g_signal_new ("person-left",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, employee_no_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, crew_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, crew_button);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, hire_date_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, min_hours_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, max_hours_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, max_days_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, min_rest_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, min_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, max_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, max_days_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, min_rest_spin);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, skills_group);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, ScPersonDialog, status_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_clicked_cb);

  gtk_widget_class_install_action (widget_class, "person.set-crew", "s", set_crew_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sc_person_dialog_init (ScPersonDialog *self)
{
  self->skill_spins = g_ptr_array_new ();

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_combos (self);
  self->loading = FALSE;
}

/* Public API */

/**
 * sc_person_dialog_new:
 * @parent: (nullable): the main window
 * @person: (nullable): the person to show, or %NULL to add a new one
 */
GtkWidget *
sc_person_dialog_new (GtkWindow *parent,
                      ScStore   *store,
                      ScSession *session,
                      ScPerson  *person)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);
  g_return_val_if_fail (person == NULL || SC_IS_PERSON (person), NULL);

  return g_object_new (SC_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       "person", person,
                       NULL);
}

/**
 * sc_person_dialog_get_person:
 * Returns: (transfer none): the person as last saved
 */
ScPerson *
sc_person_dialog_get_person (ScPersonDialog *self)
{
  g_return_val_if_fail (SC_IS_PERSON_DIALOG (self), NULL);
  return self->person;
}

gboolean
sc_person_dialog_get_is_new (ScPersonDialog *self)
{
  g_return_val_if_fail (SC_IS_PERSON_DIALOG (self), FALSE);
  return self->is_new;
}

/**
 * sc_person_dialog_get_error:
 * Returns: (nullable): the message shown for the last value that was not
 *   valid, or %NULL
 */
const char *
sc_person_dialog_get_error (ScPersonDialog *self)
{
  g_return_val_if_fail (SC_IS_PERSON_DIALOG (self), NULL);
  return self->error;
}
