/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-my-exams-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-certificate.h"
#include "sc-day.h"
#include "sc-my-exams-page.h"
#include "common/sc-widget-util.h"

/*
 * ScMyExamsPage: the exams a person may take (start one, or resume the
 * attempt left open with the time that really remains), their past
 * attempts and their certifications, with a certificate to save.
 */

struct _ScMyExamsPage
{
  ScPage                parent_instance;

  GPtrArray            *rows;            /* the rows added, to remove on reload */
  GPtrArray            *certifications;  /* ScCertification */
  GHashTable           *exam_status;     /* exam id → its subtitle */
  guint                 n_exams;
  guint                 n_attempts;

  /* Template */
  AdwPreferencesGroup  *exams_group;
  AdwPreferencesGroup  *attempts_group;
  AdwPreferencesGroup  *certifications_group;
};

G_DEFINE_FINAL_TYPE (ScMyExamsPage, sc_my_exams_page, SC_TYPE_PAGE)

static const char * const page_tables[] = { "exam", "exam_attempt", "certification", NULL };

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) dt = day != NULL ? sc_day_parse (day) : NULL;

  if (dt == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: a day on the My Exams page, as strftime() writes it, e.g. “7 Dec 2026” */
  return sc_day_format (dt, C_("exam day", "%-d %b %Y"));
}

/* A stored moment (UTC, “YYYY-MM-DD HH:MM:SS” or ISO 8601) as local time */
static char *
format_moment (const char *moment)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  if (moment == NULL)
    return g_strdup ("");
  iso = g_strdup (moment);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  utc = g_date_time_new_from_iso8601 (iso, g_time_zone_new_utc ());
  if (utc == NULL)
    return g_strdup (moment);
  local = g_date_time_to_local (utc);
  /* Translators: when an exam was taken, as strftime() writes it, e.g. “7 Dec 2026 14:05” */
  return sc_day_format (local, C_("exam moment", "%-d %b %Y %H:%M"));
}

static void
add_row (ScMyExamsPage       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (ScMyExamsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->exam_status);
}

static void
on_exam_window_destroy_cb (ScMyExamsPage *self)
{
  sc_page_queue_reload (SC_PAGE (self));
}

/**
 * sc_my_exams_page_open_exam:
 * Resumes the person's open attempt at @exam_id, or starts one.
 * Returns: (transfer none) (nullable): the exam window, or %NULL when
 *   the exam cannot be started (a toast says why)
 */
ScExamWindow *
sc_my_exams_page_open_exam (ScMyExamsPage *self,
                            gint64         exam_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) attempt = NULL;
  ScStore *store = sc_page_get_store (SC_PAGE (self));
  ScSession *session = sc_page_get_session (SC_PAGE (self));
  gint64 person_id = sc_session_get_person_id (session);
  ScExamWindow *window;

  attempt = sc_store_get_open_attempt (store, session, exam_id, person_id, &error);
  if (attempt == NULL && error == NULL)
    attempt = sc_store_start_attempt (store, session, exam_id, person_id, &error);
  if (attempt == NULL)
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      sc_page_queue_reload (SC_PAGE (self));
      return NULL;
    }

  window = sc_exam_window_new (sc_widget_get_window (GTK_WIDGET (self)), store, session, attempt->id);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_exam_window_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_start_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ScMyExamsPage    *self)
{
  if (g_strcmp0 (response, "start") == 0)
    sc_my_exams_page_open_exam (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "exam-id")));
}

static void
on_start_clicked_cb (GtkButton     *button,
                     ScMyExamsPage *self)
{
  gint64 exam_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "exam-id"));
  int minutes = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "minutes"));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_object_get_data (G_OBJECT (button), "resume") != NULL)
    {
      sc_my_exams_page_open_exam (self, exam_id);
      return;
    }

  if (minutes > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "You have %d minute. The exam fills the screen until you submit it; your answers are saved as you go, and at the end of the time the exam is submitted with them.",
                                         "You have %d minutes. The exam fills the screen until you submit it; your answers are saved as you go, and at the end of the time the exam is submitted with them.",
                                         minutes), minutes);
  else
    body = g_strdup (_("The exam fills the screen until you submit it; your answers are saved as you go."));
  dialog = adw_message_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), _("Start the Exam?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  g_object_set_data (G_OBJECT (dialog), "exam-id", GSIZE_TO_POINTER (exam_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_start_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static ScCertification *
find_certification (ScMyExamsPage *self,
                    gint64         certification_id)
{
  for (guint i = 0; self->certifications != NULL && i < self->certifications->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (self->certifications, i);

      if (certification->id == certification_id)
        return certification;
    }
  return NULL;
}

/**
 * sc_my_exams_page_save_certificate:
 * Writes the certificate of @certification_id to @file as PDF, and an
 * Open Badges assertion next to it (the same name, “.json”).
 */
gboolean
sc_my_exams_page_save_certificate (ScMyExamsPage *self,
                                   gint64         certification_id,
                                   GFile         *file,
                                   GError       **error)
{
  ScCertification *certification = find_certification (self, certification_id);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *json = NULL;
  g_autofree char *json_path = NULL;

  if (certification == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This certification no longer exists"));
      return FALSE;
    }
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a file on this computer"));
      return FALSE;
    }
  if (!sc_certificate_write_pdf (certification, path, error))
    return FALSE;

  json = sc_certificate_badge_json (certification, NULL);
  json_path = g_str_has_suffix (path, ".pdf") ? g_strdup_printf ("%.*s.json", (int) strlen (path) - 4, path)
                                              : g_strconcat (path, ".json", NULL);
  return g_file_set_contents (json_path, json, -1, error);
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ScMyExamsPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "certification-id"));

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (!sc_my_exams_page_save_certificate (self, id, file, &error))
        sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      else
        sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Certificate saved, with its Open Badges record")));
    }
  g_object_unref (chooser);
}

static void
on_save_clicked_cb (GtkButton     *button,
                    ScMyExamsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "certification-id"));
  ScCertification *certification = find_certification (self, id);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (certification == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Certificate"), sc_widget_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the file name proposed for a certificate; %s is the skill */
  name = g_strdup_printf (_("Certificate %s.pdf"), certification->skill_name);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "certification-id", GSIZE_TO_POINTER (id));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_exam_row (ScMyExamsPage *self,
              ScExam        *exam)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScExamAttempt) open = NULL;
  g_autofree char *next_start = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *about = NULL;
  ScStore *store = sc_page_get_store (SC_PAGE (self));
  ScSession *session = sc_page_get_session (SC_PAGE (self));
  gint64 person_id = sc_session_get_person_id (session);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), exam->name);

  /* Translators: about an exam, e.g. “30 min · pass mark 70%” */
  if (exam->time_limit_minutes > 0)
    about = g_strdup_printf (_("%d min · pass mark %.0f%%"), exam->time_limit_minutes, exam->pass_percent);
  else
    about = g_strdup_printf (_("No time limit · pass mark %.0f%%"), exam->pass_percent);

  open = sc_store_get_open_attempt (store, session, exam->id, person_id, &error);
  if (open != NULL)
    {
      if (open->seconds_left >= 0)
        {
          gint64 minutes = (open->seconds_left + 59) / 60;

          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In progress: %lld minute left, %u of %u answered",
                                                   "In progress: %lld minutes left, %u of %u answered", minutes),
                                      (long long) minutes, open->n_answered, open->n_questions);
        }
      else
        subtitle = g_strdup_printf (_("In progress: %u of %u answered"), open->n_answered, open->n_questions);
      button = gtk_button_new_with_mnemonic (_("_Resume"));
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "resume", GINT_TO_POINTER (1));
      gtk_widget_add_css_class (row, "exam-in-progress");
    }
  else if (sc_store_can_start_attempt (store, session, exam->id, person_id, &next_start, &error))
    {
      subtitle = g_strdup (about);
      button = gtk_button_new_with_mnemonic (_("_Start"));
    }
  else
    {
      g_autofree char *when = next_start != NULL ? format_moment (next_start) : NULL;

      if (when != NULL)
        /* Translators: %s is when the next attempt may start */
        subtitle = g_strdup_printf (_("%s\nNext attempt from %s"), about, when);
      else
        subtitle = g_strdup_printf ("%s\n%s", about, error != NULL ? error->message : _("No attempt left"));
      button = gtk_button_new_with_mnemonic (_("_Start"));
      gtk_widget_set_sensitive (button, FALSE);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_hash_table_insert (self->exam_status, g_memdup2 (&exam->id, sizeof exam->id), g_strdup (subtitle));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "exam-id", GSIZE_TO_POINTER (exam->id));
  g_object_set_data (G_OBJECT (button), "minutes", GINT_TO_POINTER (exam->time_limit_minutes));
  g_signal_connect (button, "clicked", G_CALLBACK (on_start_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  add_row (self, self->exams_group, row);
}

static void
sc_my_exams_page_reload (ScPage *page)
{
  ScMyExamsPage *self = SC_MY_EXAMS_PAGE (page);
  ScStore *store = sc_page_get_store (page);
  ScSession *session = sc_page_get_session (page);
  gint64 person_id = sc_session_get_person_id (session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GPtrArray) attempts = NULL;

  clear_rows (self);
  self->n_exams = 0;
  self->n_attempts = 0;
  g_clear_pointer (&self->certifications, g_ptr_array_unref);

  if ((exams = sc_store_get_exams (store, session, &error)))
    for (guint i = 0; i < exams->len; i++)
      {
        ScExam *exam = g_ptr_array_index (exams, i);

        if (!exam->available)
          continue;
        add_exam_row (self, exam);
        self->n_exams++;
      }
  else
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  g_clear_error (&error);
  if (self->n_exams == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No exam is open to take"));
      add_row (self, self->exams_group, row);
    }

  /* Certifications */
  if ((self->certifications = sc_store_get_certifications (store, session, person_id, &error)))
    for (guint i = 0; i < self->certifications->len; i++)
      {
        ScCertification *certification = g_ptr_array_index (self->certifications, i);
        g_autofree char *title = g_strdup_printf (_("%s — %s"), certification->skill_name,
                                                  sc_level_get_label (certification->level));
        g_autofree char *issued = format_day (certification->issued);
        g_autofree char *expires = format_day (certification->expires);
        g_autofree char *subtitle = NULL;
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *state = gtk_label_new (sc_certification_state_get_label (certification->state));

        if (certification->state == SC_CERTIFICATION_REVOKED)
          subtitle = g_strdup_printf (_("Issued %s · revoked: %s"), issued,
                                      certification->revoked_reason != NULL ? certification->revoked_reason : "");
        else if (certification->expires == NULL || *certification->expires == '\0')
          subtitle = g_strdup_printf (_("Issued %s · does not expire · code %s"), issued, certification->code);
        else if (certification->state == SC_CERTIFICATION_EXPIRED)
          subtitle = g_strdup_printf (_("Issued %s · expired %s"), issued, expires);
        else
          subtitle = g_strdup_printf (_("Issued %s · valid through %s · code %s"), issued, expires, certification->code);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_widget_add_css_class (state, "caption-heading");
        switch (certification->state)
          {
          case SC_CERTIFICATION_VALID:
            gtk_widget_add_css_class (state, "success");
            break;
          case SC_CERTIFICATION_EXPIRING_SOON:
            gtk_widget_add_css_class (state, "warning");
            break;
          default:
            gtk_widget_add_css_class (state, "error");
            break;
          }
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
        if (certification->state == SC_CERTIFICATION_VALID || certification->state == SC_CERTIFICATION_EXPIRING_SOON)
          {
            GtkWidget *button = gtk_button_new_with_mnemonic (_("Save _Certificate…"));

            gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
            g_object_set_data (G_OBJECT (button), "certification-id", GSIZE_TO_POINTER (certification->id));
            g_signal_connect (button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          }
        add_row (self, self->certifications_group, row);
      }
  else
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  g_clear_error (&error);
  if (self->certifications == NULL || self->certifications->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No certification yet: pass an exam to earn one"));
      add_row (self, self->certifications_group, row);
    }

  /* Past attempts, the latest first */
  if ((attempts = sc_store_get_attempts (store, session, 0, person_id, &error)))
    for (guint i = attempts->len; i-- > 0;)
      {
        ScExamAttempt *attempt = g_ptr_array_index (attempts, i);
        g_autofree char *when = format_moment (attempt->submitted != NULL ? attempt->submitted : attempt->started);
        g_autofree char *title = NULL;
        g_autofree char *outcome = NULL;
        GtkWidget *row;
        GtkWidget *label;

        if (attempt->state == SC_ATTEMPT_IN_PROGRESS)
          continue;
        /* Translators: a past attempt, e.g. “Phone Basics, attempt 2” */
        title = g_strdup_printf (_("%s, attempt %d"), attempt->exam_name, attempt->number);
        if (attempt->state == SC_ATTEMPT_ABANDONED)
          outcome = g_strdup (C_("exam attempt", "Abandoned"));
        else if (!attempt->graded)
          outcome = g_strdup (_("Waiting for a trainer"));
        else
          /* Translators: a score and the outcome, e.g. “75% · Passed” */
          outcome = g_strdup_printf (_("%.0f%% · %s"), attempt->percent, attempt->passed ? _("Passed") : _("Not passed"));
        row = adw_action_row_new ();
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
        label = gtk_label_new (outcome);
        if (attempt->graded && attempt->state == SC_ATTEMPT_SUBMITTED)
          gtk_widget_add_css_class (label, attempt->passed ? "success" : "error");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        add_row (self, self->attempts_group, row);
        self->n_attempts++;
      }
  else
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
  if (self->n_attempts == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No attempt yet"));
      add_row (self, self->attempts_group, row);
    }
}

static void
sc_my_exams_page_finalize (GObject *object)
{
  ScMyExamsPage *self = SC_MY_EXAMS_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->certifications, g_ptr_array_unref);
  g_clear_pointer (&self->exam_status, g_hash_table_unref);

  G_OBJECT_CLASS (sc_my_exams_page_parent_class)->finalize (object);
}

static void
sc_my_exams_page_class_init (ScMyExamsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->finalize = sc_my_exams_page_finalize;
  page_class->reload = sc_my_exams_page_reload;
  page_class->tables = page_tables;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-my-exams-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScMyExamsPage, exams_group);
  gtk_widget_class_bind_template_child (widget_class, ScMyExamsPage, attempts_group);
  gtk_widget_class_bind_template_child (widget_class, ScMyExamsPage, certifications_group);
}

static void
sc_my_exams_page_init (ScMyExamsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->exam_status = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

GtkWidget *
sc_my_exams_page_new (void)
{
  return g_object_new (SC_TYPE_MY_EXAMS_PAGE, NULL);
}

guint
sc_my_exams_page_get_n_exams (ScMyExamsPage *self)
{
  g_return_val_if_fail (SC_IS_MY_EXAMS_PAGE (self), 0);
  return self->n_exams;
}

guint
sc_my_exams_page_get_n_attempts (ScMyExamsPage *self)
{
  g_return_val_if_fail (SC_IS_MY_EXAMS_PAGE (self), 0);
  return self->n_attempts;
}

guint
sc_my_exams_page_get_n_certifications (ScMyExamsPage *self)
{
  g_return_val_if_fail (SC_IS_MY_EXAMS_PAGE (self), 0);
  return self->certifications != NULL ? self->certifications->len : 0;
}

/* The subtitle of @exam_id's row: what it says about an open attempt */
const char *
sc_my_exams_page_get_exam_status (ScMyExamsPage *self,
                                  gint64         exam_id)
{
  g_return_val_if_fail (SC_IS_MY_EXAMS_PAGE (self), NULL);
  return g_hash_table_lookup (self->exam_status, &exam_id);
}
