/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-profile-page.h"

/*
 * ScProfilePage: what the team knows about the person signed in, read
 * only: their details, their skills with proficiency, and the way to
 * change their own passphrase or PIN. For those who may not see the team.
 */

struct _ScProfilePage
{
  ScPage               parent_instance;

  /* Owned */
  ScPerson            *person;
  GPtrArray           *skill_rows;
  guint                n_skills;

  /* Template */
  AdwPreferencesPage  *page;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *details_group;
  GtkLabel            *employee_no_label;
  GtkLabel            *role_label;
  GtkLabel            *level_label;
  GtkLabel            *hire_date_label;
  GtkLabel            *email_label;
  GtkLabel            *hours_label;
  AdwPreferencesGroup *skills_group;
  GtkButton           *change_button;
};

G_DEFINE_FINAL_TYPE (ScProfilePage, sc_profile_page, SC_TYPE_PAGE)

static const char * const page_tables[] = { "person", "person_skill", "skill", NULL };

/* Helpers */

static ScStore *
get_store (ScProfilePage *self)
{
  return sc_page_get_store (SC_PAGE (self));
}

static ScSession *
get_session (ScProfilePage *self)
{
  return sc_page_get_session (SC_PAGE (self));
}

static const char *
get_proficiency_label (int proficiency)
{
  switch (proficiency)
    {
    case 1:
      return C_("proficiency", "Learning");
    case 2:
      return C_("proficiency", "Basic");
    case 3:
      return C_("proficiency", "Works alone");
    case 4:
      return C_("proficiency", "Advanced");
    case 5:
      return C_("proficiency", "Expert");
    default:
      return C_("proficiency", "None");
    }
}

static char *
format_hours (int minutes)
{
  return minutes % 60 == 0 ? g_strdup_printf ("%d", minutes / 60)
                           : g_strdup_printf ("%.1f", minutes / 60.0);
}

static void
clear_skills (ScProfilePage *self)
{
  for (guint i = 0; i < self->skill_rows->len; i++)
    adw_preferences_group_remove (self->skills_group, g_ptr_array_index (self->skill_rows, i));
  g_ptr_array_set_size (self->skill_rows, 0);
}

static GtkWidget *
new_skill_row (ScPersonSkill *skill)
{
  int proficiency = sc_person_skill_get_proficiency (skill);
  g_autofree char *value = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, SC_PROFICIENCY_MAX);
  GtkWidget *label;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_person_skill_get_skill_name (skill));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               sc_skill_category_get_label (sc_person_skill_get_category (skill)));

  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), proficiency);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);

  /* Translators: a skill's proficiency, e.g. “4 · Advanced” */
  value = g_strdup_printf (C_("proficiency", "%d · %s"), proficiency, get_proficiency_label (proficiency));
  label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
show_person (ScProfilePage *self)
{
  ScPerson *person = self->person;
  g_autofree char *subtitle = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *hours = NULL;
  const char *text;

  if (person == NULL)
    return;

  adw_avatar_set_text (self->avatar, sc_person_get_name (person));
  gtk_label_set_text (self->name_label, sc_person_get_name (person));

  /* Translators: under the name on the profile page, e.g. “Agent · Senior” */
  subtitle = g_strdup_printf (C_("role and level", "%s · %s"),
                              sc_role_get_label (sc_person_get_role (person)),
                              sc_level_get_label (sc_person_get_level (person)));
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_label_set_text (self->employee_no_label, sc_person_get_employee_no (person));
  gtk_label_set_text (self->role_label, sc_role_get_label (sc_person_get_role (person)));
  gtk_label_set_text (self->level_label, sc_level_get_label (sc_person_get_level (person)));
  text = sc_person_get_hire_date (person);
  gtk_label_set_text (self->hire_date_label, text && *text ? text : "—");
  text = sc_person_get_email (person);
  gtk_label_set_text (self->email_label, text && *text ? text : "—");

  min = format_hours (sc_person_get_min_minutes_week (person));
  max = format_hours (sc_person_get_max_minutes_week (person));
  /* Translators: contract hours per week, e.g. “20 to 40” */
  hours = g_strdup_printf (C_("hours range", "%s to %s"), min, max);
  gtk_label_set_text (self->hours_label, hours);
}

/* Callbacks */

/* Overrides */

static void
sc_profile_page_dispose (GObject *object)
{
  ScProfilePage *self = SC_PROFILE_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PROFILE_PAGE);

  g_clear_pointer (&self->skill_rows, g_ptr_array_unref);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (sc_profile_page_parent_class)->dispose (object);
}

static void
sc_profile_page_page_reload (ScPage *page)
{
  sc_profile_page_reload (SC_PROFILE_PAGE (page));
}

static void
sc_profile_page_class_init (ScProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_profile_page_dispose;

  page_class->tables = page_tables;
  page_class->reload = sc_profile_page_page_reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, page);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, details_group);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, employee_no_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, role_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, level_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, hire_date_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, email_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, hours_label);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, skills_group);
  gtk_widget_class_bind_template_child (widget_class, ScProfilePage, change_button);
}

static void
sc_profile_page_init (ScProfilePage *self)
{
  self->skill_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_profile_page_new (void)
{
  return g_object_new (SC_TYPE_PROFILE_PAGE, NULL);
}

/**
 * sc_profile_page_get_person:
 * Returns: (transfer none) (nullable): the person shown
 */
ScPerson *
sc_profile_page_get_person (ScProfilePage *self)
{
  g_return_val_if_fail (SC_IS_PROFILE_PAGE (self), NULL);
  return self->person;
}

guint
sc_profile_page_get_n_skills (ScProfilePage *self)
{
  g_return_val_if_fail (SC_IS_PROFILE_PAGE (self), 0);
  return self->n_skills;
}

/**
 * sc_profile_page_reload:
 *
 * Reads the signed-in person again; done by itself when the store changes.
 */
void
sc_profile_page_reload (ScProfilePage *self)
{
  g_autoptr(ScPerson) person = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;
  gint64 person_id;

  g_return_if_fail (SC_IS_PROFILE_PAGE (self));

  clear_skills (self);
  self->n_skills = 0;

  if (get_store (self) == NULL || get_session (self) == NULL)
    return;

  person_id = sc_session_get_person_id (get_session (self));
  person = sc_store_get_person (get_store (self), get_session (self), person_id, &error);
  if (person == NULL)
    {
      g_warning ("Cannot read the profile: %s", error->message);
      adw_preferences_group_set_description (self->details_group, error->message);
      return;
    }

  g_set_object (&self->person, person);
  show_person (self);

  skills = sc_store_get_person_skills (get_store (self), get_session (self), person_id, &error);
  if (skills == NULL)
    {
      adw_preferences_group_set_description (self->skills_group, error->message);
      return;
    }

  for (guint i = 0; i < skills->len; i++)
    {
      GtkWidget *row = new_skill_row (g_ptr_array_index (skills, i));

      adw_preferences_group_add (self->skills_group, row);
      g_ptr_array_add (self->skill_rows, row);
    }
  self->n_skills = skills->len;

  if (skills->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No skills recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->skills_group, row);
      g_ptr_array_add (self->skill_rows, row);
    }
}
