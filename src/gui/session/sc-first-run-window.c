/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-first-run-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-first-run-window.h"
#include "common/sc-strength-bar.h"

/*
 * ScFirstRunWindow: a database without accounts asks for its first
 * supervisor: name, employee number and a passphrase typed twice, with a
 * strength hint as it is typed. Emits ScFirstRunWindow::signed-in with the
 * new supervisor's session.
 */

struct _ScFirstRunWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  ScStore              *store;
  char                 *error;

  /* Not owned: the row the error is about */
  GtkWidget            *error_row;

  /* Template */
  AdwEntryRow          *name_row;
  AdwEntryRow          *employee_no_row;
  AdwPasswordEntryRow  *passphrase_row;
  AdwPasswordEntryRow  *confirm_row;
  ScStrengthBar        *strength_bar;
  GtkLabel             *error_label;
  GtkButton            *create_button;
};

G_DEFINE_FINAL_TYPE (ScFirstRunWindow, sc_first_run_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
set_error (ScFirstRunWindow *self,
           GtkWidget        *row,
           const char       *message)
{
  if (self->error_row != NULL)
    gtk_widget_remove_css_class (self->error_row, "error");
  self->error_row = row;
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
get_stripped_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* Callbacks */

static void
on_field_changed_cb (ScFirstRunWindow *self,
                     GtkEditable      *editable)
{
  if (self->error_row != NULL && self->error_row == GTK_WIDGET (editable))
    gtk_widget_remove_css_class (self->error_row, "error");
}

static void
on_passphrase_changed_cb (ScFirstRunWindow *self,
                          GtkEditable      *editable)
{
  sc_strength_bar_update (self->strength_bar, SC_CREDENTIAL_PASSPHRASE,
                          gtk_editable_get_text (editable));
  on_field_changed_cb (self, editable);
}

static void
on_create_clicked_cb (ScFirstRunWindow *self)
{
  sc_first_run_window_create (self);
}

/* Overrides */

static void
sc_first_run_window_show (GtkWidget *widget)
{
  ScFirstRunWindow *self = SC_FIRST_RUN_WINDOW (widget);

  GTK_WIDGET_CLASS (sc_first_run_window_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
sc_first_run_window_dispose (GObject *object)
{
  ScFirstRunWindow *self = SC_FIRST_RUN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_FIRST_RUN_WINDOW);

  self->error_row = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sc_first_run_window_parent_class)->dispose (object);
}

static void
sc_first_run_window_finalize (GObject *object)
{
  ScFirstRunWindow *self = SC_FIRST_RUN_WINDOW (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (sc_first_run_window_parent_class)->finalize (object);
}

static void
sc_first_run_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ScFirstRunWindow *self = SC_FIRST_RUN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_first_run_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ScFirstRunWindow *self = SC_FIRST_RUN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_first_run_window_class_init (ScFirstRunWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_first_run_window_dispose;
  object_class->finalize = sc_first_run_window_finalize;
  object_class->get_property = sc_first_run_window_get_property;
  object_class->set_property = sc_first_run_window_set_property;

  widget_class->show = sc_first_run_window_show;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScFirstRunWindow::signed-in:
   * @session: the first supervisor's session
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SC_TYPE_SESSION);

  g_type_ensure (SC_TYPE_STRENGTH_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-first-run-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, employee_no_row);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ScFirstRunWindow, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
}

static void
sc_first_run_window_init (ScFirstRunWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
sc_first_run_window_new (ScApplication *application,
                         ScStore       *store)
{
  g_return_val_if_fail (SC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SC_IS_STORE (store), NULL);

  return g_object_new (SC_TYPE_FIRST_RUN_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * sc_first_run_window_create:
 *
 * Creates the supervisor from what was typed, as the button does; what is
 * wrong shows under the fields.
 *
 * Returns: whether the account was created (and ::signed-in emitted)
 */
gboolean
sc_first_run_window_create (ScFirstRunWindow *self)
{
  g_autoptr(ScPerson) person = sc_person_new ();
  g_autoptr(ScSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *employee_no = NULL;
  g_autofree char *secret = NULL;
  const char *confirm;

  g_return_val_if_fail (SC_IS_FIRST_RUN_WINDOW (self), FALSE);

  name = get_stripped_text (self->name_row);
  employee_no = get_stripped_text (self->employee_no_row);
  secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  sc_person_set_name (person, name);
  sc_person_set_employee_no (person, employee_no);
  sc_person_set_role (person, SC_ROLE_SUPERVISOR);
  sc_person_set_level (person, SC_LEVEL_SENIOR);

  if (!sc_person_validate (person, &error))
    {
      GtkWidget *row = *name == '\0' ? GTK_WIDGET (self->name_row)
                       : *employee_no == '\0' ? GTK_WIDGET (self->employee_no_row)
                       : NULL;

      set_error (self, row, error->message);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      return FALSE;
    }

  if (!sc_credential_check_rules (SC_CREDENTIAL_PASSPHRASE, secret, &error))
    {
      set_error (self, GTK_WIDGET (self->passphrase_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return FALSE;
    }

  if (g_strcmp0 (secret, confirm) != 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
      set_error (self, GTK_WIDGET (self->confirm_row),
                 _("The two passphrases differ: type the same one twice"));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
      return FALSE;
    }

  if (!sc_store_create_first_supervisor (self->store, person, SC_CREDENTIAL_PASSPHRASE, secret,
                                         &session, &error))
    {
      GtkWidget *row = g_error_matches (error, SC_CREDENTIAL_ERROR, SC_CREDENTIAL_ERROR_WEAK)
                         ? GTK_WIDGET (self->passphrase_row)
                         : g_error_matches (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT)
                         ? GTK_WIDGET (self->employee_no_row)
                         : NULL;

      memset (secret, 0, strlen (secret));
      set_error (self, row, error->message);
      return FALSE;
    }

  memset (secret, 0, strlen (secret));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  set_error (self, NULL, NULL);

  g_signal_emit (self, signals[SIGNED_IN], 0, session);
  return TRUE;
}

/**
 * sc_first_run_window_get_error:
 * Returns: (nullable): the message shown under the fields
 */
const char *
sc_first_run_window_get_error (ScFirstRunWindow *self)
{
  g_return_val_if_fail (SC_IS_FIRST_RUN_WINDOW (self), NULL);
  return self->error;
}
