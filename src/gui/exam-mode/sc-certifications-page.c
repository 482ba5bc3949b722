/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-certifications-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-certificate.h"
#include "sc-certifications-page.h"
#include "sc-day.h"
#include "sc-permissions.h"
#include "common/sc-widget-util.h"

/*
 * ScCertificationsPage: every certification of the team, for trainers
 * and supervisors: who, which skill at which level, issued, expires and
 * its state today (valid, expiring soon, expired, revoked). A filter
 * shows those expiring soon or expired, a search finds a name or a
 * skill; each row prints or saves its certificate, or revokes it with a
 * reason.
 */

struct _ScCertificationsPage
{
  ScPage                  parent_instance;

  GPtrArray              *certifications;  /* ScCertification */
  ScCertificationsFilter  filter;
  char                   *search;          /* case-folded, or NULL */
  guint                   n_shown;
  gboolean                setting_search;

  /* Template */
  GtkSearchEntry         *search_entry;
  GtkDropDown            *filter_dropdown;
  GtkLabel               *summary_label;
  GtkListBox             *list;
};

G_DEFINE_FINAL_TYPE (ScCertificationsPage, sc_certifications_page, SC_TYPE_PAGE)

static const char * const page_tables[] = { "certification", "person", "skill", NULL };

#define CERTIFICATION_KEY "sc-certification"

static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) dt = day != NULL && *day != '\0' ? sc_day_parse (day) : NULL;

  if (dt == NULL)
    return g_strdup (day != NULL ? day : "");
  /* Translators: a day in the certifications list, as strftime() writes it, e.g. “7 Dec 2026” */
  return sc_day_format (dt, C_("certification day", "%-d %b %Y"));
}

static ScCertification *
find_certification (ScCertificationsPage *self,
                    gint64                id)
{
  for (guint i = 0; self->certifications != NULL && i < self->certifications->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (self->certifications, i);

      if (certification->id == id)
        return certification;
    }
  return NULL;
}

static gboolean
matches (ScCertificationsPage  *self,
         const ScCertification *certification)
{
  switch (self->filter)
    {
    case SC_CERTIFICATIONS_FILTER_EXPIRING_SOON:
      if (certification->state != SC_CERTIFICATION_EXPIRING_SOON)
        return FALSE;
      break;
    case SC_CERTIFICATIONS_FILTER_EXPIRED:
      if (certification->state != SC_CERTIFICATION_EXPIRED)
        return FALSE;
      break;
    case SC_CERTIFICATIONS_FILTER_ALL:
    default:
      break;
    }

  if (self->search != NULL && *self->search != '\0')
    {
      g_autofree char *person = g_utf8_casefold (certification->person_name != NULL ? certification->person_name : "", -1);
      g_autofree char *skill = g_utf8_casefold (certification->skill_name != NULL ? certification->skill_name : "", -1);

      if (strstr (person, self->search) == NULL && strstr (skill, self->search) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  ScCertificationsPage *self = data;
  ScCertification *certification = g_object_get_data (G_OBJECT (row), CERTIFICATION_KEY);

  return certification != NULL && matches (self, certification);
}

static void
update_shown (ScCertificationsPage *self)
{
  guint n_expiring = 0;
  guint n_expired = 0;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;

  self->n_shown = 0;
  for (guint i = 0; self->certifications != NULL && i < self->certifications->len; i++)
    {
      ScCertification *certification = g_ptr_array_index (self->certifications, i);

      self->n_shown += matches (self, certification);
      n_expiring += certification->state == SC_CERTIFICATION_EXPIRING_SOON;
      n_expired += certification->state == SC_CERTIFICATION_EXPIRED;
    }
  gtk_list_box_invalidate_filter (self->list);

  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification", "%u certifications",
                                        self->certifications != NULL ? self->certifications->len : 0),
                           self->certifications != NULL ? self->certifications->len : 0);
  /* Translators: under the search of the Certifications page, e.g.
   * “120 certifications · 4 expire within 30 days · 2 expired” */
  summary = g_strdup_printf (_("%s · %u expire within %d days · %u expired"), total, n_expiring,
                             SC_CERTIFICATION_EXPIRING_DAYS, n_expired);
  gtk_label_set_text (self->summary_label, summary);
}

static GtkWidget *
build_row (ScCertificationsPage *self,
           ScCertification      *certification,
           gboolean              may_write)
{
  g_autofree char *issued = format_day (certification->issued);
  g_autofree char *expires = format_day (certification->expires);
  g_autofree char *subtitle = NULL;
  g_autofree char *what = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (sc_certification_state_get_label (certification->state));
  GtkWidget *button;

  /* Translators: a certified skill and its level, e.g. “Complaint handling — Senior” */
  what = g_strdup_printf (_("%s — %s"), certification->skill_name, sc_level_get_label (certification->level));
  if (certification->state == SC_CERTIFICATION_REVOKED)
    /* Translators: e.g. “Complaint handling — Senior · issued 7 Dec 2026 · revoked: left the team” */
    subtitle = g_strdup_printf (_("%s · issued %s · revoked: %s"), what, issued,
                                certification->revoked_reason != NULL ? certification->revoked_reason : "");
  else if (certification->expires == NULL || *certification->expires == '\0')
    subtitle = g_strdup_printf (_("%s · issued %s · does not expire · code %s"), what, issued, certification->code);
  else if (certification->state == SC_CERTIFICATION_EXPIRED)
    subtitle = g_strdup_printf (_("%s · issued %s · expired %s · code %s"), what, issued, expires, certification->code);
  else if (certification->state == SC_CERTIFICATION_EXPIRING_SOON)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · issued %s · expires %s, in %d day · code %s",
                                             "%s · issued %s · expires %s, in %d days · code %s",
                                             certification->days_left),
                                what, issued, expires, certification->days_left, certification->code);
  else
    subtitle = g_strdup_printf (_("%s · issued %s · expires %s · code %s"), what, issued, expires, certification->code);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), certification->person_name);
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

  if (certification->state != SC_CERTIFICATION_REVOKED)
    {
      g_autoptr(GMenuItem) item = NULL;

      item = g_menu_item_new (_("_Print Certificate…"), NULL);
      g_menu_item_set_action_and_target (item, "certifications.print", "x", certification->id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
      item = g_menu_item_new (_("Save as P_DF…"), NULL);
      g_menu_item_set_action_and_target (item, "certifications.save", "x", certification->id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
      if (may_write)
        {
          item = g_menu_item_new (_("_Revoke…"), NULL);
          g_menu_item_set_action_and_target (item, "certifications.revoke", "x", certification->id);
          g_menu_append_item (menu, item);
        }

      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: the tooltip of a certification's menu button, e.g. “Actions for Li Na’s certification” */
      menu_label = g_strdup_printf (_("Actions for %s’s certification"), certification->person_name);
      gtk_widget_set_tooltip_text (button, menu_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  g_object_set_data (G_OBJECT (row), CERTIFICATION_KEY, certification);
  return row;
}

/* Revoking */

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "revoke", *reason != '\0');
}

static void
on_revoke_response_cb (AdwMessageDialog     *dialog,
                       const char           *response,
                       ScCertificationsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "certification-id"));
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "revoke") != 0)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (!sc_store_revoke_certification (sc_page_get_store (SC_PAGE (self)), sc_page_get_session (SC_PAGE (self)),
                                      id, reason, &error))
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      return;
    }
  sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Certification revoked")));
  sc_page_reload_now (SC_PAGE (self));
}

/**
 * sc_certifications_page_ask_revoke:
 * Asks for the reason to revoke @certification_id.
 * Returns: (transfer none) (nullable): the dialog shown, its entry the
 *   extra child
 */
GtkWindow *
sc_certifications_page_ask_revoke (ScCertificationsPage *self,
                                   gint64                certification_id)
{
  ScCertification *certification;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), NULL);

  if ((certification = find_certification (self, certification_id)) == NULL)
    return NULL;

  /* Translators: e.g. “Li Na: Complaint handling — Senior. It no longer counts …” */
  body = g_strdup_printf (_("%s: %s — %s. It no longer counts on the roster from now on, and its certificate no longer verifies. Say why; the reason is kept."),
                          certification->person_name, certification->skill_name,
                          sc_level_get_label (certification->level));
  dialog = adw_message_dialog_new (sc_widget_get_window (GTK_WIDGET (self)), _("Revoke the Certification?"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "revoke", _("_Revoke"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revoke", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "revoke");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "certification-id", GSIZE_TO_POINTER (certification_id));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revoke_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return GTK_WINDOW (dialog);
}

/* Printing and saving */

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 ScCertification   *certification)
{
  sc_certificate_draw (certification, gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static ScCertification *
copy_certification (const ScCertification *certification)
{
  ScCertification *copy = g_memdup2 (certification, sizeof *certification);

  copy->person_name = g_strdup (certification->person_name);
  copy->skill_name = g_strdup (certification->skill_name);
  copy->issued = g_strdup (certification->issued);
  copy->expires = g_strdup (certification->expires);
  copy->code = g_strdup (certification->code);
  copy->revoked = g_strdup (certification->revoked);
  copy->revoked_reason = g_strdup (certification->revoked_reason);
  return copy;
}

/**
 * sc_certifications_page_print:
 * @export_pdf: (nullable): a PDF file to print to without a dialog, or
 *   %NULL for the print dialog
 *
 * Prints the certificate of @certification_id on an A4 landscape page.
 */
gboolean
sc_certifications_page_print (ScCertificationsPage  *self,
                              gint64                 certification_id,
                              const char            *export_pdf,
                              GError               **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  ScCertification *certification;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), FALSE);

  if ((certification = find_certification (self, certification_id)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This certification no longer exists"));
      return FALSE;
    }

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Certificate"));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), copy_certification (certification),
                         (GClosureNotify) (void (*) (void)) sc_certification_free, 0);
  if (export_pdf != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_pdf);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        sc_widget_get_window (GTK_WIDGET (self)), error);
    }
  else
    result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                      sc_widget_get_window (GTK_WIDGET (self)), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * sc_certifications_page_save_certificate:
 * Writes the certificate of @certification_id to @file as PDF.
 */
gboolean
sc_certifications_page_save_certificate (ScCertificationsPage  *self,
                                         gint64                 certification_id,
                                         GFile                 *file,
                                         GError               **error)
{
  ScCertification *certification;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((certification = find_certification (self, certification_id)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This certification no longer exists"));
      return FALSE;
    }
  path = g_file_get_path (file);
  return sc_certificate_write_pdf (certification, path, error);
}

static void
on_save_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     ScCertificationsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "certification-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!sc_certifications_page_save_certificate (self, id, file, &error))
        sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      else
        sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Certificate saved")));
    }
  g_object_unref (chooser);
}

/* Actions */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ScCertificationsPage *self = SC_CERTIFICATIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!sc_certifications_page_print (self, g_variant_get_int64 (parameter), NULL, &error))
    sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ScCertificationsPage *self = SC_CERTIFICATIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  ScCertification *certification = find_certification (self, id);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (certification == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Certificate"), sc_widget_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  /* Translators: the file name proposed for a certificate: the person, then the skill */
  name = g_strdup_printf (_("Certificate %s %s.pdf"), certification->person_name, certification->skill_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "certification-id", GSIZE_TO_POINTER (id));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  sc_certifications_page_ask_revoke (SC_CERTIFICATIONS_PAGE (widget), g_variant_get_int64 (parameter));
}

/* Callbacks */

static void
on_search_changed_cb (ScCertificationsPage *self)
{
  if (self->setting_search)
    return;
  sc_certifications_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_filter_changed_cb (ScCertificationsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  sc_certifications_page_set_filter (self, selected == GTK_INVALID_LIST_POSITION ? SC_CERTIFICATIONS_FILTER_ALL
                                                                                  : (ScCertificationsFilter) selected);
}

/* Overrides */

static void
sc_certifications_page_reload (ScPage *page)
{
  ScCertificationsPage *self = SC_CERTIFICATIONS_PAGE (page);
  ScSession *session = sc_page_get_session (page);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean may_write = sc_permission_access (session, SC_OPERATION_CERTIFICATIONS_WRITE) == SC_ACCESS_ALL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->certifications, g_ptr_array_unref);

  self->certifications = sc_store_get_certifications (sc_page_get_store (page), session, 0, &error);
  if (self->certifications == NULL)
    {
      sc_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      self->certifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_certification_free);
    }

  /* The soonest to expire first, then by name */
  for (guint i = 0; i < self->certifications->len; i++)
    gtk_list_box_append (self->list, build_row (self, g_ptr_array_index (self->certifications, i), may_write));
  update_shown (self);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       data)
{
  ScCertification *x = g_object_get_data (G_OBJECT (a), CERTIFICATION_KEY);
  ScCertification *y = g_object_get_data (G_OBJECT (b), CERTIFICATION_KEY);
  int order;

  /* Revoked last; the others by expiry, the soonest first */
  if ((x->state == SC_CERTIFICATION_REVOKED) != (y->state == SC_CERTIFICATION_REVOKED))
    return x->state == SC_CERTIFICATION_REVOKED ? 1 : -1;
  if ((order = g_strcmp0 (x->expires, y->expires)) != 0)
    return order;
  return g_utf8_collate (x->person_name, y->person_name);
}

static void
sc_certifications_page_finalize (GObject *object)
{
  ScCertificationsPage *self = SC_CERTIFICATIONS_PAGE (object);

  g_clear_pointer (&self->certifications, g_ptr_array_unref);
  g_free (self->search);

  G_OBJECT_CLASS (sc_certifications_page_parent_class)->finalize (object);
}

static void
sc_certifications_page_dispose (GObject *object)
{
  ScCertificationsPage *self = SC_CERTIFICATIONS_PAGE (object);

  /* The rows point into the list */
  if (self->list != NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
    }

  G_OBJECT_CLASS (sc_certifications_page_parent_class)->dispose (object);
}

static void
sc_certifications_page_class_init (ScCertificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  ScPageClass *page_class = SC_PAGE_CLASS (klass);

  object_class->dispose = sc_certifications_page_dispose;
  object_class->finalize = sc_certifications_page_finalize;
  page_class->reload = sc_certifications_page_reload;
  page_class->tables = page_tables;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-certifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScCertificationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScCertificationsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScCertificationsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ScCertificationsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "certifications.print", "x", print_action);
  gtk_widget_class_install_action (widget_class, "certifications.save", "x", save_action);
  gtk_widget_class_install_action (widget_class, "certifications.revoke", "x", revoke_action);
}

static void
sc_certifications_page_init (ScCertificationsPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_rows, NULL, NULL);

  placeholder = gtk_label_new (_("No certification matches"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->list, placeholder);
}

GtkWidget *
sc_certifications_page_new (void)
{
  return g_object_new (SC_TYPE_CERTIFICATIONS_PAGE, NULL);
}

guint
sc_certifications_page_get_n_certifications (ScCertificationsPage *self)
{
  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), 0);
  return self->certifications != NULL ? self->certifications->len : 0;
}

/* How many rows the filter and the search leave */
guint
sc_certifications_page_get_n_shown (ScCertificationsPage *self)
{
  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), 0);
  return self->n_shown;
}

void
sc_certifications_page_set_filter (ScCertificationsPage   *self,
                                   ScCertificationsFilter  filter)
{
  g_return_if_fail (SC_IS_CERTIFICATIONS_PAGE (self));

  self->filter = filter;
  if (gtk_drop_down_get_selected (self->filter_dropdown) != (guint) filter)
    gtk_drop_down_set_selected (self->filter_dropdown, filter);
  update_shown (self);
}

void
sc_certifications_page_set_search (ScCertificationsPage *self,
                                   const char           *text)
{
  g_return_if_fail (SC_IS_CERTIFICATIONS_PAGE (self));

  /* The entry empties, then fills: each time it says its search changed */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
    {
      self->setting_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_search = FALSE;
    }
  g_free (self->search);
  self->search = text != NULL ? g_utf8_casefold (text, -1) : NULL;
  update_shown (self);
}

/* Whether the row of @certification_id is shown, as the list filters it */
gboolean
sc_certifications_page_is_shown (ScCertificationsPage *self,
                                 gint64                certification_id)
{
  ScCertification *certification;

  g_return_val_if_fail (SC_IS_CERTIFICATIONS_PAGE (self), FALSE);

  if ((certification = find_certification (self, certification_id)) == NULL)
    return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), CERTIFICATION_KEY) == certification)
      return gtk_widget_get_child_visible (row) && matches (self, certification);
  return FALSE;
}
