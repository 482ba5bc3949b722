/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-exam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-exam-grade.h"
#include "sc-exam-window.h"

/*
 * ScExamWindow: an attempt, full-window, one question at a time or every
 * question on one scrolling page. Every answer goes to the store the
 * moment it changes; the countdown is read from the stored deadline every
 * second (so a suspended or restarted PC shows the time that really
 * remains), and when the store says the attempt is over — time up and
 * submitted with what was saved — the window shows the result.
 *
 * Each question has its own card of widgets, built once; showing one
 * question at a time hides the other cards. The “current” question is
 * the one shown, or on one page the one that has the focus: the number
 * keys, the flag shortcut and the navigator speak of it.
 *
 * Screen readers: GTK 4.8 has no gtk_accessible_announce(), so the
 * countdown is a label with the “status” role whose accessible
 * description changes only at the announced moments (every five minutes
 * and the last minute), and the banner is a label with the “alert” role
 * that is revealed with the message: AT-SPI reports the new name of an
 * alert, which Orca reads out.
 */

typedef struct
{
  guint            index;
  GtkWidget       *card;
  GtkWidget       *separator;        /* above the card, on one page */
  GtkLabel        *number_label;
  GtkToggleButton *flag_button;
  GtkLabel        *question_label;
  GtkBox          *answer_box;
  GPtrArray       *choice_buttons;   /* GtkCheckButton */
  GPtrArray       *dropdowns;        /* GtkDropDown of a matching question */
  GtkWidget       *entry;            /* GtkEntry or GtkTextView */
} QuestionView;

struct _ScExamWindow
{
  AdwWindow          parent_instance;

  ScStore           *store;
  ScSession         *session;
  GSettings         *settings;
  gint64             attempt_id;
  ScExamAttempt     *attempt;
  GPtrArray         *questions;   /* ScAttemptQuestion */
  GPtrArray         *views;       /* QuestionView, one per question */
  guint              current;
  guint              tick_id;
  guint              scroll_id;
  guint              scroll_frames;
  int                announced;        /* the last threshold announced, in minutes */
  gboolean           loading;
  gboolean           counting;         /* the time left was read once */
  gboolean           inhibiting;
  gboolean           all_on_one_page;
  char              *countdown;

  /* Template */
  AdwWindowTitle    *window_title;
  GtkLabel          *countdown_label;
  GtkToggleButton   *all_button;
  GtkButton         *submit_button;
  GtkButton         *close_button;
  GtkRevealer       *banner_revealer;
  GtkLabel          *banner_label;
  GtkStack          *stack;
  GtkFlowBox        *navigator;
  GtkScrolledWindow *scroller;
  GtkBox            *questions_box;
  GtkButton         *previous_button;
  GtkButton         *next_button;
  GtkLabel          *saved_label;
  AdwPreferencesPage *result_page;
};

G_DEFINE_FINAL_TYPE (ScExamWindow, sc_exam_window, ADW_TYPE_WINDOW)

static void show_question (ScExamWindow *self);
static void show_result (ScExamWindow *self);

#define INDEX_KEY "sc-exam-question-index"

static void
question_view_free (QuestionView *view)
{
  g_clear_pointer (&view->choice_buttons, g_ptr_array_unref);
  g_clear_pointer (&view->dropdowns, g_ptr_array_unref);
  g_free (view);
}

static ScAttemptQuestion *
current_question (ScExamWindow *self)
{
  if (self->questions == NULL || self->current >= self->questions->len)
    return NULL;
  return g_ptr_array_index (self->questions, self->current);
}

static QuestionView *
current_view (ScExamWindow *self)
{
  if (self->views == NULL || self->current >= self->views->len)
    return NULL;
  return g_ptr_array_index (self->views, self->current);
}

static guint
widget_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

static void
show_error (ScExamWindow *self,
            const GError *error)
{
  gtk_label_set_text (self->banner_label, error->message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static gboolean
is_answered (const ScAttemptQuestion *question)
{
  if (question->response == NULL || *question->response == '\0')
    return FALSE;
  if (question->type == SC_QUESTION_TYPE_MATCHING)
    {
      g_autoptr(GArray) rows = sc_exam_parse_positions (question->response);

      for (guint i = 0; i < rows->len; i++)
        if (g_array_index (rows, int, i) >= 0)
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

/* The navigator: a button per question, its number, whether it is
 * answered and flagged */
static void
update_navigator (ScExamWindow *self)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (self->questions, i);
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->navigator, i);
      GtkWidget *button = gtk_flow_box_child_get_child (child);
      g_autofree char *label = NULL;
      g_autofree char *description = NULL;
      gboolean answered = is_answered (question);

      label = question->flagged ? g_strdup_printf ("%u ⚑", i + 1) : g_strdup_printf ("%u", i + 1);
      gtk_button_set_label (GTK_BUTTON (button), label);
      if (answered)
        gtk_widget_add_css_class (button, "exam-answered");
      else
        gtk_widget_remove_css_class (button, "exam-answered");
      if (i == self->current)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");

      /* Translators: the state of a question in the exam's navigator */
      description = g_strdup_printf (_("Question %u: %s%s"), i + 1,
                                     answered ? _("answered") : _("not answered"),
                                     question->flagged ? _(", flagged for review") : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_widget_set_tooltip_text (button, description);
    }
}

static void
save_response (ScExamWindow *self,
               guint         index,
               const char   *response)
{
  g_autoptr(GError) error = NULL;
  ScAttemptQuestion *question;

  if (self->loading || index >= self->questions->len)
    return;
  question = g_ptr_array_index (self->questions, index);
  if (g_strcmp0 (question->response, response) == 0)
    return;

  if (!sc_store_save_answer (self->store, self->session, self->attempt_id, question->position, response, &error))
    {
      show_error (self, error);
      /* The time may be up: the store says so */
      sc_exam_window_update_countdown (self);
      return;
    }

  g_free (question->response);
  question->response = g_strdup (response);
  gtk_label_set_text (self->saved_label, _("Answer saved"));
  update_navigator (self);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The response as the widgets of a question show it, in the store's
 * words (see sc-exam-grade.h) */
static char *
response_from_widgets (ScAttemptQuestion *question,
                       QuestionView      *view)
{
  switch (question->type)
    {
    case SC_QUESTION_TYPE_TRUEFALSE:
      for (guint i = 0; i < view->choice_buttons->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (view->choice_buttons, i)))
          return g_strdup (i == 0 ? "true" : "false");
      return g_strdup ("");

    case SC_QUESTION_TYPE_MULTICHOICE:
      {
        g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (int));

        for (guint i = 0; i < view->choice_buttons->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (view->choice_buttons, i)))
            {
              int bank = g_array_index (question->choice_order, int, i);
              g_array_append_val (chosen, bank);
            }
        g_array_sort (chosen, compare_int);
        return sc_exam_format_positions ((int *) chosen->data, chosen->len);
      }

    case SC_QUESTION_TYPE_MATCHING:
      {
        g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));

        for (guint i = 0; i < view->dropdowns->len; i++)
          {
            guint selected = gtk_drop_down_get_selected (g_ptr_array_index (view->dropdowns, i));
            int bank = -1;

            /* The first item is “Choose…” */
            if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
              bank = g_array_index (question->choice_order, int, selected - 1);
            g_array_append_val (rows, bank);
          }
        return sc_exam_format_positions ((int *) rows->data, rows->len);
      }

    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (view->entry)));

    case SC_QUESTION_TYPE_ESSAY:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->entry));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }

    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      return NULL;
    }
}

/* The question a widget belongs to becomes the current one (on one page,
 * where the focus is), and its answer is saved */
static void
save_from_widgets (ScExamWindow *self,
                   guint         index)
{
  g_autofree char *response = NULL;

  if (self->loading || index >= self->questions->len)
    return;
  response = response_from_widgets (g_ptr_array_index (self->questions, index),
                                    g_ptr_array_index (self->views, index));
  save_response (self, index, response != NULL ? response : "");
}

/* Multiple choice and true/false */
static void
on_choice_toggled_cb (ScExamWindow   *self,
                      GtkCheckButton *button)
{
  guint index = widget_index (button);
  ScAttemptQuestion *question;

  if (self->loading || index >= self->questions->len)
    return;
  question = g_ptr_array_index (self->questions, index);
  /* A radio group toggles twice: off, then on */
  if (question->single && !gtk_check_button_get_active (button))
    return;
  save_from_widgets (self, index);
}

static void
on_answer_changed_cb (ScExamWindow *self,
                      GParamSpec   *pspec,
                      GObject      *widget)
{
  save_from_widgets (self, widget_index (widget));
}

static void
on_entry_changed_cb (ScExamWindow *self,
                     GObject      *widget)
{
  save_from_widgets (self, widget_index (widget));
}

static void
on_flag_toggled_cb (ScExamWindow    *self,
                    GtkToggleButton *button)
{
  g_autoptr(GError) error = NULL;
  guint index = widget_index (button);
  ScAttemptQuestion *question;
  gboolean flagged = gtk_toggle_button_get_active (button);

  if (self->loading || index >= self->questions->len)
    return;
  question = g_ptr_array_index (self->questions, index);
  if (question->flagged == flagged)
    return;
  if (!sc_store_set_answer_flagged (self->store, self->session, self->attempt_id, question->position, flagged, &error))
    {
      show_error (self, error);
      return;
    }
  question->flagged = flagged;
  update_navigator (self);
}

static GtkWidget *
add_check (ScExamWindow   *self,
           QuestionView   *view,
           const char     *text,
           guint           index,
           GtkCheckButton *group,
           gboolean        active)
{
  /* Translators: a choice in an exam with the number key that chooses it, e.g. “1. Apologise first” */
  g_autofree char *label = g_strdup_printf (_("%u. %s"), index + 1, text);
  GtkWidget *button = gtk_check_button_new_with_label (label);
  GtkWidget *child;

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  /* Long choices wrap */
  child = gtk_check_button_get_child (GTK_CHECK_BUTTON (button));
  if (child == NULL)
    {
      child = gtk_label_new (label);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), child);
    }
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
    }
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (view->index));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (view->answer_box, button);
  g_ptr_array_add (view->choice_buttons, button);
  return button;
}

static void
build_answer_widgets (ScExamWindow      *self,
                      QuestionView      *view,
                      ScAttemptQuestion *question)
{
  gpointer index = GUINT_TO_POINTER (view->index);

  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      {
        g_autoptr(GArray) chosen = sc_exam_parse_positions (question->response);
        GtkCheckButton *group = NULL;
        GtkWidget *hint = gtk_label_new (question->single ? _("Choose one answer.") : _("Choose one or more answers."));

        gtk_widget_set_halign (hint, GTK_ALIGN_START);
        gtk_widget_add_css_class (hint, "dim-label");
        gtk_box_append (view->answer_box, hint);
        for (guint i = 0; i < question->choices->len; i++)
          {
            int bank = g_array_index (question->choice_order, int, i);
            gboolean active = FALSE;
            GtkWidget *button;

            for (guint k = 0; k < chosen->len; k++)
              active |= g_array_index (chosen, int, k) == bank;
            button = add_check (self, view, g_ptr_array_index (question->choices, i), i, group, active);
            if (question->single && group == NULL)
              group = GTK_CHECK_BUTTON (button);
          }
        break;
      }
    case SC_QUESTION_TYPE_TRUEFALSE:
      {
        GtkWidget *first = add_check (self, view, C_("exam answer", "True"), 0, NULL,
                                      g_strcmp0 (question->response, "true") == 0);

        add_check (self, view, C_("exam answer", "False"), 1, GTK_CHECK_BUTTON (first),
                   g_strcmp0 (question->response, "false") == 0);
        question->single = TRUE;
        break;
      }
    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      {
        GtkWidget *entry = gtk_entry_new ();

        gtk_editable_set_text (GTK_EDITABLE (entry), question->response != NULL ? question->response : "");
        if (question->type == SC_QUESTION_TYPE_NUMERICAL)
          {
            gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
            gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("A number, such as 12.5"));
          }
        else
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your answer"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your answer"), -1);
        g_object_set_data (G_OBJECT (entry), INDEX_KEY, index);
        g_signal_connect_object (entry, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
        gtk_box_append (view->answer_box, entry);
        view->entry = entry;
        break;
      }
    case SC_QUESTION_TYPE_ESSAY:
      {
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *text_view = gtk_text_view_new ();
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
        gtk_widget_set_size_request (text_view, -1, 220);
        gtk_text_buffer_set_text (buffer, question->response != NULL ? question->response : "", -1);
        gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your answer"), -1);
        g_object_set_data (G_OBJECT (buffer), INDEX_KEY, index);
        g_signal_connect_object (buffer, "changed", G_CALLBACK (on_entry_changed_cb), self, G_CONNECT_SWAPPED);
        gtk_frame_set_child (GTK_FRAME (frame), text_view);
        gtk_box_append (view->answer_box, frame);
        view->entry = text_view;
        break;
      }
    case SC_QUESTION_TYPE_MATCHING:
      {
        g_autoptr(GArray) chosen = sc_exam_parse_positions (question->response);
        g_autoptr(GPtrArray) items = g_ptr_array_new ();
        GtkWidget *grid = gtk_grid_new ();

        gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
        gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
        g_ptr_array_add (items, (gpointer) _("Choose…"));
        for (guint i = 0; i < question->choices->len; i++)
          g_ptr_array_add (items, g_ptr_array_index (question->choices, i));
        g_ptr_array_add (items, NULL);

        for (guint r = 0; r < question->rows->len; r++)
          {
            GtkWidget *label = gtk_label_new (g_ptr_array_index (question->rows, r));
            GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *) items->pdata);
            guint selected = 0;

            if (r < chosen->len && g_array_index (chosen, int, r) >= 0)
              for (guint k = 0; k < question->choice_order->len; k++)
                if (g_array_index (question->choice_order, int, k) == g_array_index (chosen, int, r))
                  selected = k + 1;
            gtk_label_set_wrap (GTK_LABEL (label), TRUE);
            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_widget_set_hexpand (label, TRUE);
            gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
            gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            g_ptr_array_index (question->rows, r), -1);
            g_object_set_data (G_OBJECT (dropdown), INDEX_KEY, index);
            g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_answer_changed_cb), self,
                                     G_CONNECT_SWAPPED);
            gtk_grid_attach (GTK_GRID (grid), label, 0, r, 1, 1);
            gtk_grid_attach (GTK_GRID (grid), dropdown, 1, r, 1, 1);
            g_ptr_array_add (view->dropdowns, dropdown);
          }
        gtk_box_append (view->answer_box, grid);
        break;
      }
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      break;
    }
}

/* A card per question: its number, the flag, the text, the answer */
static QuestionView *
build_view (ScExamWindow      *self,
            guint              index,
            ScAttemptQuestion *question)
{
  QuestionView *view = g_new0 (QuestionView, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number = NULL;

  view->index = index;
  view->choice_buttons = g_ptr_array_new ();
  view->dropdowns = g_ptr_array_new ();
  view->card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  if (index > 0)
    {
      view->separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_set_margin_bottom (view->separator, 18);
      gtk_box_append (GTK_BOX (view->card), view->separator);
    }

  /* Translators: above a question in an exam */
  number = g_strdup_printf (_("Question %u of %u"), index + 1, self->questions->len);
  view->number_label = GTK_LABEL (gtk_label_new (number));
  gtk_widget_set_hexpand (GTK_WIDGET (view->number_label), TRUE);
  gtk_label_set_xalign (view->number_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (view->number_label), "dim-label");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (view->number_label));

  view->flag_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Flag for Review")));
  gtk_toggle_button_set_active (view->flag_button, question->flagged);
  gtk_widget_set_tooltip_text (GTK_WIDGET (view->flag_button), _("Alt+F or Ctrl+D"));
  g_object_set_data (G_OBJECT (view->flag_button), INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect_object (view->flag_button, "toggled", G_CALLBACK (on_flag_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (view->flag_button));
  gtk_box_append (GTK_BOX (view->card), header);

  view->question_label = GTK_LABEL (gtk_label_new (question->text != NULL ? question->text : ""));
  gtk_label_set_wrap (view->question_label, TRUE);
  gtk_label_set_xalign (view->question_label, 0);
  gtk_label_set_selectable (view->question_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (view->question_label), "title-4");
  gtk_box_append (GTK_BOX (view->card), GTK_WIDGET (view->question_label));

  view->answer_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  build_answer_widgets (self, view, question);
  gtk_box_append (GTK_BOX (view->card), GTK_WIDGET (view->answer_box));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (view->answer_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, view->question_label, NULL, -1);
  gtk_box_append (self->questions_box, view->card);
  return view;
}

static void
set_answers_editable (ScExamWindow *self,
                      gboolean      editable)
{
  for (guint i = 0; i < self->views->len; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (((QuestionView *) g_ptr_array_index (self->views, i))->answer_box),
                              editable);
}

/* The first widget of a card that takes the focus */
static GtkWidget *
first_focusable (QuestionView *view)
{
  if (view->choice_buttons->len > 0 && gtk_widget_is_sensitive (g_ptr_array_index (view->choice_buttons, 0)))
    return g_ptr_array_index (view->choice_buttons, 0);
  if (view->dropdowns->len > 0 && gtk_widget_is_sensitive (g_ptr_array_index (view->dropdowns, 0)))
    return g_ptr_array_index (view->dropdowns, 0);
  if (view->entry != NULL && gtk_widget_is_sensitive (view->entry))
    return view->entry;
  return GTK_WIDGET (view->flag_button);
}

/* On one page, the current card is scrolled to the top once it has its
 * place: a frame or two after it was shown */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  ScExamWindow *self = SC_EXAM_WINDOW (widget);
  QuestionView *view = current_view (self);
  graphene_point_t point;

  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;
  self->scroll_id = 0;
  if (view != NULL && self->all_on_one_page &&
      gtk_widget_compute_point (view->card, GTK_WIDGET (self->questions_box), &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

      /* Under the box's own top margin */
      gtk_adjustment_set_value (adjustment, MAX (0, point.y));
    }
  return G_SOURCE_REMOVE;
}

static void
queue_scroll (ScExamWindow *self)
{
  self->scroll_frames = 0;
  if (self->scroll_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
show_question (ScExamWindow *self)
{
  QuestionView *view = current_view (self);

  if (view == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < self->views->len; i++)
    {
      QuestionView *other = g_ptr_array_index (self->views, i);

      gtk_widget_set_visible (other->card, self->all_on_one_page || i == self->current);
      if (other->separator != NULL)
        gtk_widget_set_visible (other->separator, self->all_on_one_page);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->current > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->current + 1 < self->questions->len);
  gtk_label_set_text (self->saved_label, "");
  self->loading = FALSE;
  update_navigator (self);

  if (self->all_on_one_page)
    queue_scroll (self);
  else
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* On one page, the question with the focus is the current one */
static void
on_focus_changed_cb (ScExamWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || self->views == NULL || !self->all_on_one_page)
    return;
  for (guint i = 0; i < self->views->len; i++)
    {
      QuestionView *view = g_ptr_array_index (self->views, i);

      if (gtk_widget_is_ancestor (focus, view->card) && i != self->current)
        {
          self->current = i;
          gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->current > 0);
          gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->current + 1 < self->questions->len);
          update_navigator (self);
          break;
        }
    }
}

/* The countdown */

static char *
format_seconds (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%lld:%02d:%02d", (long long) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static void
announce (ScExamWindow *self,
          const char   *message)
{
  /* GTK 4.8 has no gtk_accessible_announce(): the banner is an alert and
   * the countdown a status whose description changes */
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
}

/**
 * sc_exam_window_update_countdown:
 * Reads the attempt again: the time left from the stored deadline, or the
 * result once the attempt is over. Called every second.
 */
void
sc_exam_window_update_countdown (ScExamWindow *self)
{
  g_autoptr(GError) error = NULL;
  ScExamAttempt *attempt;
  gboolean first;
  int threshold;

  g_return_if_fail (SC_IS_EXAM_WINDOW (self));

  if (self->attempt != NULL && self->attempt->state != SC_ATTEMPT_IN_PROGRESS)
    return;

  if (!(attempt = sc_store_get_attempt (self->store, self->session, self->attempt_id, &error)))
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->attempt, sc_exam_attempt_free);
  self->attempt = attempt;

  if (attempt->state != SC_ATTEMPT_IN_PROGRESS)
    {
      show_result (self);
      return;
    }

  g_clear_pointer (&self->countdown, g_free);
  if (attempt->in_grace)
    {
      self->countdown = g_strdup (_("Time is up"));
      if (self->announced != 0)
        {
          self->announced = 0;
          announce (self, _("Time is up: your answers are kept. Submit the exam now."));
          set_answers_editable (self, FALSE);
        }
    }
  else if (attempt->seconds_left < 0)
    self->countdown = g_strdup (_("No time limit"));
  else
    {
      g_autofree char *time = format_seconds (attempt->seconds_left);

      /* Translators: the countdown of an exam, e.g. “Time left 12:30” */
      self->countdown = g_strdup_printf (_("Time left %s"), time);
      first = !self->counting;
      self->counting = TRUE;
      /* Announced: every five minutes, and the last minute; only what is
       * crossed while the exam is shown */
      threshold = attempt->seconds_left <= 60 ? 1 : (int) (((attempt->seconds_left + 59) / 60 + 4) / 5 * 5);
      if (threshold < self->announced)
        {
          self->announced = threshold;
          if (!first)
            {
              g_autofree char *message = NULL;

              message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left: the exam is submitted automatically at the end.",
                                                      "%d minutes left: the exam is submitted automatically at the end.",
                                                      threshold),
                                         threshold);
              announce (self, message);
            }
        }
      if (attempt->seconds_left <= 60)
        gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "error");
      else if (attempt->seconds_left <= 300)
        gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "warning");
    }
  gtk_label_set_text (self->countdown_label, self->countdown);
}

static gboolean
tick_cb (gpointer data)
{
  sc_exam_window_update_countdown (data);
  return G_SOURCE_CONTINUE;
}

/* The result */

/* A response as the person gave it, in words */
static char *
response_text (const ScAttemptQuestion *question)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GString) text = NULL;

  if (!is_answered (question))
    return g_strdup (_("Not answered"));

  switch (question->type)
    {
    case SC_QUESTION_TYPE_TRUEFALSE:
      return g_strdup (g_strcmp0 (question->response, "true") == 0 ? C_("exam answer", "True")
                                                                    : C_("exam answer", "False"));
    case SC_QUESTION_TYPE_MULTICHOICE:
    case SC_QUESTION_TYPE_MATCHING:
      positions = sc_exam_parse_positions (question->response);
      text = g_string_new (NULL);
      for (guint i = 0; i < positions->len; i++)
        {
          int bank = g_array_index (positions, int, i);
          const char *choice = NULL;

          for (guint k = 0; k < question->choice_order->len; k++)
            if (g_array_index (question->choice_order, int, k) == bank)
              choice = g_ptr_array_index (question->choices, k);
          if (text->len > 0)
            g_string_append (text, question->type == SC_QUESTION_TYPE_MATCHING ? "; " : ", ");
          if (question->type == SC_QUESTION_TYPE_MATCHING && i < question->rows->len)
            g_string_append_printf (text, "%s → %s", (char *) g_ptr_array_index (question->rows, i),
                                    choice != NULL ? choice : "—");
          else if (choice != NULL)
            g_string_append (text, choice);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    default:
      return g_strdup (question->response);
    }
}

static void
show_result (ScExamWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GPtrArray) review = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *row;
  g_autofree char *title = NULL;
  g_autofree char *score = NULL;
  ScExamAttempt *attempt = self->attempt;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->all_button), FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (attempt->state == SC_ATTEMPT_ABANDONED)
    title = g_strdup (_("Attempt Abandoned"));
  else if (!attempt->graded)
    title = g_strdup (_("Submitted: Waiting for a Trainer"));
  else
    title = g_strdup (attempt->passed ? _("Passed") : _("Not Passed"));
  adw_preferences_group_set_title (group, title);
  if (attempt->auto_submitted)
    adw_preferences_group_set_description (group, _("The time was up: the exam was submitted with the answers saved."));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Score"));
  if (attempt->graded)
    /* Translators: a score, e.g. “7.5 of 10 (75%)” */
    score = g_strdup_printf (_("%.1f of %.1f (%.0f%%)"), attempt->score, attempt->max_score, attempt->percent);
  else
    score = g_strdup (_("An essay waits for a trainer’s grade"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), score);
  adw_preferences_group_add (group, row);
  if (attempt->feedback != NULL && *attempt->feedback != '\0')
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Feedback"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), attempt->feedback);
      adw_preferences_group_add (group, row);
    }
  adw_preferences_page_add (self->result_page, group);

  /* By category of the bank */
  if ((parts = sc_store_get_attempt_breakdown (self->store, self->session, self->attempt_id, &error)) && parts->len > 0)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("By Category"));
      for (guint i = 0; i < parts->len; i++)
        {
          ScExamResultPart *part = g_ptr_array_index (parts, i);
          g_autofree char *marks = g_strdup_printf (_("%.1f of %.1f (%.0f%%)"), part->mark, part->max_mark,
                                                    part->max_mark > 0 ? 100 * part->mark / part->max_mark : 0);
          GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);

          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), part->category);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), marks);
          gtk_level_bar_set_value (GTK_LEVEL_BAR (level), part->max_mark > 0 ? part->mark / part->max_mark : 0);
          gtk_widget_set_size_request (level, 160, -1);
          gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
          adw_preferences_group_add (group, row);
        }
      adw_preferences_page_add (self->result_page, group);
    }
  g_clear_error (&error);

  /* The answers, when the review policy allows */
  if ((review = sc_store_get_attempt_questions (self->store, self->session, self->attempt_id, &error)) &&
      review->len > 0 && ((ScAttemptQuestion *) g_ptr_array_index (review, 0))->reviewable)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _("Review"));
      for (guint i = 0; i < review->len; i++)
        {
          ScAttemptQuestion *question = g_ptr_array_index (review, i);
          g_autoptr(GString) subtitle = g_string_new (NULL);
          g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, question->text);
          g_autofree char *mark = g_strdup_printf (_("%.1f of %.1f"), question->mark, question->max_mark);

          {
            g_autofree char *given = response_text (question);

            g_string_append_printf (subtitle, _("Your answer: %s"), given);
          }
          if (question->right_answer != NULL)
            {
              g_string_append_c (subtitle, '\n');
              g_string_append_printf (subtitle, _("Right answer: %s"), question->right_answer);
            }
          if (question->feedback != NULL && *question->feedback != '\0')
            g_string_append_printf (subtitle, "\n%s", question->feedback);
          if (question->general_feedback != NULL && *question->general_feedback != '\0')
            g_string_append_printf (subtitle, "\n%s", question->general_feedback);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (question->needs_grading ? _("To grade") : mark));
          adw_preferences_group_add (group, row);
        }
      adw_preferences_page_add (self->result_page, group);
    }
  else if (attempt->state == SC_ATTEMPT_SUBMITTED)
    {
      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_description (group, _("The answers of this exam cannot be reviewed now."));
      adw_preferences_page_add (self->result_page, group);
    }

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

/* Submitting */

static void
submit (ScExamWindow *self)
{
  g_autoptr(GError) error = NULL;
  ScExamAttempt *attempt;

  if (!(attempt = sc_store_submit_attempt (self->store, self->session, self->attempt_id, &error)))
    {
      show_error (self, error);
      sc_exam_window_update_countdown (self);
      return;
    }
  g_clear_pointer (&self->attempt, sc_exam_attempt_free);
  self->attempt = attempt;
  show_result (self);
}

static void
on_submit_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ScExamWindow     *self)
{
  if (g_strcmp0 (response, "submit") == 0)
    submit (self);
}

/**
 * sc_exam_window_ask_submit:
 * Asks whether to submit, listing the questions not answered and those
 * flagged for review.
 * Returns: (transfer none): the confirmation shown
 */
GtkWindow *
sc_exam_window_ask_submit (ScExamWindow *self)
{
  g_autoptr(GString) unanswered = g_string_new (NULL);
  g_autoptr(GString) flagged = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_unanswered = 0;
  guint n_flagged = 0;
  GtkWidget *dialog;

  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), NULL);

  for (guint i = 0; i < self->questions->len; i++)
    {
      ScAttemptQuestion *question = g_ptr_array_index (self->questions, i);

      if (question->type == SC_QUESTION_TYPE_DESCRIPTION)
        continue;
      if (!is_answered (question))
        {
          g_string_append_printf (unanswered, "%s%u", n_unanswered > 0 ? ", " : "", i + 1);
          n_unanswered++;
        }
      if (question->flagged)
        {
          g_string_append_printf (flagged, "%s%u", n_flagged > 0 ? ", " : "", i + 1);
          n_flagged++;
        }
    }

  if (n_unanswered == 0 && n_flagged == 0)
    g_string_append (body, _("Every question is answered. Once submitted, the answers cannot be changed."));
  else
    {
      if (n_unanswered > 0)
        {
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u question is not answered: %s.",
                                                     "%u questions are not answered: %s.", n_unanswered),
                                  n_unanswered, unanswered->str);
          g_string_append_c (body, '\n');
        }
      if (n_flagged > 0)
        {
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u question is flagged for review: %s.",
                                                     "%u questions are flagged for review: %s.", n_flagged),
                                  n_flagged, flagged->str);
          g_string_append_c (body, '\n');
        }
      g_string_append (body, _("Once submitted, the answers cannot be changed."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Submit the Exam?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Working"),
                                    "submit", _("_Submit"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* Callbacks */

static void
on_submit_clicked_cb (ScExamWindow *self)
{
  sc_exam_window_ask_submit (self);
}

static void
on_previous_clicked_cb (ScExamWindow *self)
{
  if (self->current > 0)
    sc_exam_window_go_to (self, self->current - 1);
}

static void
on_next_clicked_cb (ScExamWindow *self)
{
  if (self->current + 1 < self->questions->len)
    sc_exam_window_go_to (self, self->current + 1);
}

static void
on_all_toggled_cb (ScExamWindow    *self,
                   GtkToggleButton *button)
{
  sc_exam_window_set_all_on_one_page (self, gtk_toggle_button_get_active (button));
}

static void
on_navigator_clicked_cb (GtkButton    *button,
                         ScExamWindow *self)
{
  sc_exam_window_go_to (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static gboolean
next_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  on_next_clicked_cb (SC_EXAM_WINDOW (widget));
  return TRUE;
}

static gboolean
previous_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   data)
{
  on_previous_clicked_cb (SC_EXAM_WINDOW (widget));
  return TRUE;
}

static gboolean
toggle_all_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   data)
{
  ScExamWindow *self = SC_EXAM_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exam") != 0)
    return FALSE;
  sc_exam_window_set_all_on_one_page (self, !self->all_on_one_page);
  return TRUE;
}

static gboolean
flag_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  ScExamWindow *self = SC_EXAM_WINDOW (widget);
  QuestionView *view = current_view (self);

  if (view == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exam") != 0)
    return FALSE;
  gtk_toggle_button_set_active (view->flag_button, !gtk_toggle_button_get_active (view->flag_button));
  return TRUE;
}

static gboolean
focus_in_text (ScExamWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   ScExamWindow          *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exam") != 0)
    return GDK_EVENT_PROPAGATE;

  if ((mods == GDK_ALT_MASK && keyval == GDK_KEY_Right) ||
      (mods == 0 && keyval == GDK_KEY_Right && !focus_in_text (self)) ||
      keyval == GDK_KEY_Page_Down)
    {
      on_next_clicked_cb (self);
      return GDK_EVENT_STOP;
    }
  if ((mods == GDK_ALT_MASK && keyval == GDK_KEY_Left) ||
      (mods == 0 && keyval == GDK_KEY_Left && !focus_in_text (self)) ||
      keyval == GDK_KEY_Page_Up)
    {
      on_previous_clicked_cb (self);
      return GDK_EVENT_STOP;
    }
  if (mods == 0 && !focus_in_text (self) && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    {
      guint choice = keyval - GDK_KEY_1;
      QuestionView *view = current_view (self);

      if (view != NULL && choice < view->choice_buttons->len)
        {
          sc_exam_window_choose (self, choice);
          gtk_widget_grab_focus (g_ptr_array_index (view->choice_buttons, choice));
          return GDK_EVENT_STOP;
        }
    }
  if (((mods == 0 && !focus_in_text (self)) || mods == GDK_CONTROL_MASK) &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* A focused button does what it says */
      if (mods == 0 && focus != NULL && GTK_IS_BUTTON (focus))
        return GDK_EVENT_PROPAGATE;
      sc_exam_window_ask_submit (self);
      return GDK_EVENT_STOP;
    }
  if (mods == 0 && keyval == GDK_KEY_Escape)
    return GDK_EVENT_STOP;
  return GDK_EVENT_PROPAGATE;
}

/* Closing the window leaves the attempt open, its answers saved: it is
 * resumed from My Exams. After the result, it simply closes. */
static gboolean
sc_exam_window_close_request (GtkWindow *window)
{
  ScExamWindow *self = SC_EXAM_WINDOW (window);

  if (self->attempt != NULL && self->attempt->state == SC_ATTEMPT_IN_PROGRESS)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Leave the Exam?"),
                                                  _("Your answers are saved and the time keeps running. Resume from My Exams before the time is up."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Working"),
                                        "leave", _("_Leave"), NULL);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response::leave", G_CALLBACK (gtk_window_destroy), window,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sc_exam_window_parent_class)->close_request (window);
}

static void
sc_exam_window_dispose (GObject *object)
{
  ScExamWindow *self = SC_EXAM_WINDOW (object);
  GApplication *app = g_application_get_default ();

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_id);
  self->scroll_id = 0;
  g_clear_object (&self->settings);
  if (self->inhibiting && app != NULL && SC_IS_APPLICATION (app))
    sc_application_uninhibit_idle_sign_out (SC_APPLICATION (app));
  self->inhibiting = FALSE;

  G_OBJECT_CLASS (sc_exam_window_parent_class)->dispose (object);
}

static void
sc_exam_window_finalize (GObject *object)
{
  ScExamWindow *self = SC_EXAM_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->attempt, sc_exam_attempt_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_free (self->countdown);

  G_OBJECT_CLASS (sc_exam_window_parent_class)->finalize (object);
}

static void
sc_exam_window_class_init (ScExamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sc_exam_window_dispose;
  object_class->finalize = sc_exam_window_finalize;
  window_class->close_request = sc_exam_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-exam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, close_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, navigator);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, all_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, questions_box);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, ScExamWindow, result_page);
  gtk_widget_class_bind_template_callback (widget_class, on_submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_toggled_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_ALT_MASK, next_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_ALT_MASK, previous_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK, toggle_all_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, flag_shortcut_cb, NULL);
}

static void
sc_exam_window_init (ScExamWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) question_view_free);
  self->announced = G_MAXINT;
  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed_cb), NULL);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * sc_exam_window_new:
 * @parent: (nullable): the main window, which the exam covers
 * Returns: (transfer none): the exam window on @attempt_id, shown
 *   maximized, or %NULL with a warning when the attempt cannot be read
 */
ScExamWindow *
sc_exam_window_new (GtkWindow *parent,
                    ScStore   *store,
                    ScSession *session,
                    gint64     attempt_id)
{
  g_autoptr(GError) error = NULL;
  ScExamWindow *self;
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (SC_IS_SESSION (session), NULL);

  self = g_object_new (SC_TYPE_EXAM_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
  self->attempt_id = attempt_id;

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  gtk_window_maximize (GTK_WINDOW (self));

  if (app != NULL && SC_IS_APPLICATION (app))
    {
      sc_application_inhibit_idle_sign_out (SC_APPLICATION (app));
      self->inhibiting = TRUE;
    }

  if (!(self->attempt = sc_store_get_attempt (store, session, attempt_id, &error)) ||
      !(self->questions = sc_store_get_attempt_questions (store, session, attempt_id, &error)))
    {
      self->questions = g_ptr_array_new ();
      show_error (self, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->submit_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->all_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
      return self;
    }

  adw_window_title_set_title (self->window_title, self->attempt->exam_name);
  {
    /* Translators: under the exam's name, e.g. “Attempt 2” */
    g_autofree char *subtitle = g_strdup_printf (_("Attempt %d"), self->attempt->number);
    adw_window_title_set_subtitle (self->window_title, subtitle);
  }

  for (guint i = 0; i < self->questions->len; i++)
    {
      GtkWidget *button = gtk_button_new ();

      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      gtk_widget_set_size_request (button, 48, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_navigator_clicked_cb), self);
      gtk_flow_box_append (self->navigator, button);
    }

  self->loading = TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    g_ptr_array_add (self->views, build_view (self, i, g_ptr_array_index (self->questions, i)));
  set_answers_editable (self, self->attempt->state == SC_ATTEMPT_IN_PROGRESS && !self->attempt->in_grace);
  self->loading = FALSE;

  /* Resume where nothing is answered yet */
  for (self->current = 0; self->current < self->questions->len; self->current++)
    if (!is_answered (g_ptr_array_index (self->questions, self->current)))
      break;
  if (self->current >= self->questions->len)
    self->current = 0;

  if (self->attempt->state != SC_ATTEMPT_IN_PROGRESS)
    show_result (self);
  else
    {
      self->all_on_one_page = g_settings_get_boolean (self->settings, "exam-all-questions");
      self->loading = TRUE;
      gtk_toggle_button_set_active (self->all_button, self->all_on_one_page);
      self->loading = FALSE;
      show_question (self);
      sc_exam_window_update_countdown (self);
      if (self->attempt != NULL && self->attempt->state == SC_ATTEMPT_IN_PROGRESS)
        self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
    }

  return self;
}

gint64
sc_exam_window_get_attempt_id (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), 0);
  return self->attempt_id;
}

guint
sc_exam_window_get_n_questions (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), 0);
  return self->questions->len;
}

guint
sc_exam_window_get_position (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), 0);
  return self->current;
}

void
sc_exam_window_go_to (ScExamWindow *self,
                      guint         index)
{
  g_return_if_fail (SC_IS_EXAM_WINDOW (self));
  g_return_if_fail (index < self->questions->len);

  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
    gboolean focus_in_card = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->questions_box));

    self->current = index;
    show_question (self);
    /* The keyboard follows the question shown */
    if (self->all_on_one_page || focus_in_card)
      gtk_widget_grab_focus (first_focusable (g_ptr_array_index (self->views, index)));
  }
}

ScQuestionType
sc_exam_window_get_question_type (ScExamWindow *self)
{
  ScAttemptQuestion *question = current_question (self);

  return question != NULL ? question->type : SC_QUESTION_TYPE_DESCRIPTION;
}

/**
 * sc_exam_window_choose:
 * Chooses, as the number key @choice + 1 does, a choice of the question
 * shown (a multiple-answer one toggles), or for a matching question the
 * first answer for row @choice.
 */
void
sc_exam_window_choose (ScExamWindow *self,
                       guint         choice)
{
  ScAttemptQuestion *question = current_question (self);
  QuestionView *view = current_view (self);

  g_return_if_fail (SC_IS_EXAM_WINDOW (self));

  if (view == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (view->answer_box)))
    return;
  if (choice < view->choice_buttons->len)
    {
      GtkCheckButton *button = g_ptr_array_index (view->choice_buttons, choice);

      if (question->single)
        gtk_check_button_set_active (button, TRUE);
      else
        gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
    }
  else if (choice < view->dropdowns->len)
    gtk_drop_down_set_selected (g_ptr_array_index (view->dropdowns, choice), 1);
}

/**
 * sc_exam_window_type_answer:
 * Puts @text in the answer field of the question shown, as typing does.
 */
void
sc_exam_window_type_answer (ScExamWindow *self,
                            const char   *text)
{
  QuestionView *view = current_view (self);

  g_return_if_fail (SC_IS_EXAM_WINDOW (self));

  if (view == NULL || view->entry == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (view->answer_box)))
    return;
  if (GTK_IS_TEXT_VIEW (view->entry))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view->entry)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (view->entry), text);
}

void
sc_exam_window_set_flagged (ScExamWindow *self,
                            gboolean      flagged)
{
  QuestionView *view = current_view (self);

  g_return_if_fail (SC_IS_EXAM_WINDOW (self));
  if (view != NULL)
    gtk_toggle_button_set_active (view->flag_button, flagged);
}

/**
 * sc_exam_window_set_all_on_one_page:
 * Shows every question on one scrolling page, or one at a time; the
 * choice is remembered for the next exam.
 */
void
sc_exam_window_set_all_on_one_page (ScExamWindow *self,
                                    gboolean      all_on_one_page)
{
  g_return_if_fail (SC_IS_EXAM_WINDOW (self));

  all_on_one_page = !!all_on_one_page;
  if (self->all_on_one_page == all_on_one_page)
    return;
  self->all_on_one_page = all_on_one_page;
  gtk_toggle_button_set_active (self->all_button, all_on_one_page);
  g_settings_set_boolean (self->settings, "exam-all-questions", all_on_one_page);
  show_question (self);
  if (self->views->len > 0)
    gtk_widget_grab_focus (first_focusable (g_ptr_array_index (self->views, self->current)));
}

gboolean
sc_exam_window_get_all_on_one_page (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), FALSE);
  return self->all_on_one_page;
}

/* Whether the question at @index is on screen: the current one, or any
 * on one page */
gboolean
sc_exam_window_get_question_shown (ScExamWindow *self,
                                   guint         index)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), FALSE);
  g_return_val_if_fail (index < self->views->len, FALSE);
  return gtk_widget_get_visible (((QuestionView *) g_ptr_array_index (self->views, index))->card);
}

/**
 * sc_exam_window_read_shown_response:
 * Reads the answer to the question at @index from its widgets (the
 * buttons ticked, the text typed), in the store's words.
 * Returns: (transfer full) (nullable): the response, "" when nothing is
 *   given, %NULL for a description
 */
char *
sc_exam_window_read_shown_response (ScExamWindow *self,
                                    guint         index)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->views->len, NULL);
  return response_from_widgets (g_ptr_array_index (self->questions, index), g_ptr_array_index (self->views, index));
}

/* Whether the flag button of the question at @index is down */
gboolean
sc_exam_window_get_shown_flagged (ScExamWindow *self,
                                  guint         index)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), FALSE);
  g_return_val_if_fail (index < self->views->len, FALSE);
  return gtk_toggle_button_get_active (((QuestionView *) g_ptr_array_index (self->views, index))->flag_button);
}

const char *
sc_exam_window_get_response (ScExamWindow *self,
                             guint         index)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return ((ScAttemptQuestion *) g_ptr_array_index (self->questions, index))->response;
}

gint64
sc_exam_window_get_seconds_left (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), -1);
  return self->attempt != NULL ? self->attempt->seconds_left : -1;
}

const char *
sc_exam_window_get_countdown (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), NULL);
  return self->countdown;
}

gboolean
sc_exam_window_get_showing_result (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "result") == 0;
}

/* What the banner says, or %NULL while it is hidden */
const char *
sc_exam_window_get_announcement (ScExamWindow *self)
{
  g_return_val_if_fail (SC_IS_EXAM_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}
