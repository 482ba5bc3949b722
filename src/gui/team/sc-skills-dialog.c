/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-skills-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-permissions.h"
#include "sc-skills-dialog.h"

/*
 * ScSkillsDialog: the team's skills by category, and a row to add one.
 * Those who may not change the skill list see it without that row.
 */

struct _ScSkillsDialog
{
  ScStoreWindow            parent_instance;

  /* The window’s, kept here for short */
  ScStore             *store;
  ScSession           *session;

  /* Owned */
  GPtrArray           *category_groups;
  char                *error;
  guint                n_skills;

  /* Template */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *add_group;
  GtkButton           *add_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *category_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (ScSkillsDialog, sc_skills_dialog, SC_TYPE_STORE_WINDOW)

/* Helpers */

static void
set_error (ScSkillsDialog *self,
           const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void add_certified_only (ScSkillsDialog *self, AdwActionRow *row, ScSkill *skill,
                                GArray *certified_only, gboolean may_change);

static void
load_skills (ScSkillsDialog *self)
{
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GArray) certified_only = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  gboolean may_change = sc_permission_access (self->session, SC_OPERATION_SKILLS_WRITE) == SC_ACCESS_ALL;

  for (guint i = 0; i < self->category_groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->category_groups, i));
  g_ptr_array_set_size (self->category_groups, 0);

  skills = sc_store_get_skills (self->store, &error);
  if (skills != NULL)
    certified_only = sc_store_get_certified_only_skills (self->store, &error);
  if (skills == NULL || certified_only == NULL)
    {
      set_error (self, error->message);
      return;
    }

  self->n_skills = skills->len;
  subtitle = g_strdup_printf (ngettext ("%u skill", "%u skills", skills->len), skills->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  for (ScSkillCategory category = 0; category < SC_N_SKILL_CATEGORIES; category++)
    {
      AdwPreferencesGroup *group = NULL;

      for (guint i = 0; i < skills->len; i++)
        {
          ScSkill *skill = g_ptr_array_index (skills, i);
          GtkWidget *row;

          if (sc_skill_get_category (skill) != category)
            continue;

          if (group == NULL)
            {
              group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
              adw_preferences_group_set_title (group, sc_skill_category_get_label (category));
              adw_preferences_page_add (self->page, group);
              g_ptr_array_add (self->category_groups, group);
            }

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sc_skill_get_name (skill));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          add_certified_only (self, ADW_ACTION_ROW (row), skill, certified_only, may_change);
          adw_preferences_group_add (group, row);
        }
    }

  if (skills->len == 0)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_description (group, _("There are no skills yet."));
      adw_preferences_page_add (self->page, group);
      g_ptr_array_add (self->category_groups, group);
    }
}

static gboolean
on_certified_only_set_cb (GtkSwitch      *toggle,
                          gboolean        state,
                          ScSkillsDialog *self)
{
  gint64 *skill_id = g_object_get_data (G_OBJECT (toggle), "skill-id");
  g_autoptr(GError) error = NULL;

  if (!sc_store_set_skill_certified_only (self->store, self->session, *skill_id, state, &error))
    {
      set_error (self, error->message);
      return TRUE;   /* the switch stays as it was */
    }

  gtk_switch_set_state (toggle, state);
  return TRUE;
}

/* Whether only a certification proves the skill on the roster: a switch
 * for those who may change skills, a word for the others */
static void
add_certified_only (ScSkillsDialog *self,
                    AdwActionRow   *row,
                    ScSkill        *skill,
                    GArray         *certified_only,
                    gboolean        may_change)
{
  gint64 id = sc_skill_get_id (skill);
  gboolean flagged = FALSE;

  for (guint i = 0; i < certified_only->len; i++)
    flagged |= g_array_index (certified_only, gint64, i) == id;

  if (may_change)
    {
      GtkWidget *toggle = gtk_switch_new ();

      gtk_switch_set_active (GTK_SWITCH (toggle), flagged);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (toggle, _("Only people with a valid certification in it count on the roster"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Certified only"), -1);
      g_object_set_data_full (G_OBJECT (toggle), "skill-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect (toggle, "state-set", G_CALLBACK (on_certified_only_set_cb), self);
      {
        GtkWidget *label = gtk_label_new (_("Certified only"));

        gtk_widget_add_css_class (label, "dim-label");
        gtk_widget_add_css_class (label, "caption");
        adw_action_row_add_suffix (row, label);
      }
      adw_action_row_add_suffix (row, toggle);
    }
  else if (flagged)
    adw_action_row_set_subtitle (row, _("Certified only"));
}

/* Callbacks */

static void
on_add_clicked_cb (ScSkillsDialog *self)
{
  sc_skills_dialog_add_skill (self);
}

static void
on_name_changed_cb (ScSkillsDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

/* Overrides */

static void
sc_skills_dialog_constructed (GObject *object)
{
  ScSkillsDialog *self = SC_SKILLS_DIALOG (object);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  gboolean may_add;

  G_OBJECT_CLASS (sc_skills_dialog_parent_class)->constructed (object);

  self->store = sc_store_window_get_store (SC_STORE_WINDOW (self));
  self->session = sc_store_window_get_session (SC_STORE_WINDOW (self));

  g_assert (SC_IS_STORE (self->store));
  g_assert (SC_IS_SESSION (self->session));

  for (ScSkillCategory category = 0; category < SC_N_SKILL_CATEGORIES; category++)
    gtk_string_list_append (categories, sc_skill_category_get_label (category));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  may_add = sc_permission_access (self->session, SC_OPERATION_SKILLS_WRITE) == SC_ACCESS_ALL;
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), may_add);

  load_skills (self);
}

static void
sc_skills_dialog_show (GtkWidget *widget)
{
  ScSkillsDialog *self = SC_SKILLS_DIALOG (widget);

  GTK_WIDGET_CLASS (sc_skills_dialog_parent_class)->show (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->add_group)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
sc_skills_dialog_dispose (GObject *object)
{
  ScSkillsDialog *self = SC_SKILLS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_SKILLS_DIALOG);

  g_clear_pointer (&self->category_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_skills_dialog_parent_class)->dispose (object);
}

static void
sc_skills_dialog_finalize (GObject *object)
{
  ScSkillsDialog *self = SC_SKILLS_DIALOG (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_skills_dialog_parent_class)->finalize (object);
}

static void
sc_skills_dialog_class_init (ScSkillsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sc_skills_dialog_constructed;
  object_class->dispose = sc_skills_dialog_dispose;
  object_class->finalize = sc_skills_dialog_finalize;

  widget_class->show = sc_skills_dialog_show;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-skills-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ScSkillsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);

}

static void
sc_skills_dialog_init (ScSkillsDialog *self)
{
  self->category_groups = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_skills_dialog_new (GtkWindow *parent,
                      ScStore   *store,
                      ScSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  return g_object_new (SC_TYPE_SKILLS_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session", session,
                       NULL);
}

/**
 * sc_skills_dialog_add_skill:
 *
 * Adds the skill typed in the name row, in the category chosen, as the
 * “Add Skill” button does. What the store refuses shows under the row.
 *
 * Returns: whether the skill was added
 */
gboolean
sc_skills_dialog_add_skill (ScSkillsDialog *self)
{
  g_autoptr(ScSkill) skill = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SC_IS_SKILLS_DIALOG (self), FALSE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  skill = sc_skill_new (name, adw_combo_row_get_selected (self->category_row));

  if (!sc_store_add_skill (self->store, self->session, skill, &error))
    {
      set_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }

  set_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  load_skills (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new_format (_("“%s” added to the skills"), name));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return TRUE;
}

guint
sc_skills_dialog_get_n_skills (ScSkillsDialog *self)
{
  g_return_val_if_fail (SC_IS_SKILLS_DIALOG (self), 0);
  return self->n_skills;
}

/**
 * sc_skills_dialog_get_error:
 * Returns: (nullable): the message shown under the name
 */
const char *
sc_skills_dialog_get_error (ScSkillsDialog *self)
{
  g_return_val_if_fail (SC_IS_SKILLS_DIALOG (self), NULL);
  return self->error;
}
