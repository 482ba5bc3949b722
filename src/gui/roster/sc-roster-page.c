/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-roster-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sc-day.h"
#include "sc-post-assign.h"
#include "sc-roster-grid.h"
#include "sc-roster-input.h"
#include "sc-roster-page.h"
#include "common/sc-roster-print.h"
#include "sc-roster-solver.h"

/*
 * ScRosterPage: the roster of a period as a supervisor works on it.
 *
 * The page builds the period's roster problem from the store (the same
 * one the solver gets) and keeps the shown roster as a solution of it, so
 * that after every edit the scorer says at once which rules are broken:
 * a red mark on the chip, the reason in words in the side list, and the
 * coverage strip under the grid. Edits go to the store one by one; undo
 * and redo put cells back as they were, through the same store calls.
 * Generate runs the solver in a thread from the roster shown (locked
 * shifts imposed), shows its progress, and saves a new draft.
 *
 * Every shift is worked on a post (the channel it answers): a generated
 * roster comes with posts (sc_store_assign_roster_posts()), and a shift
 * added, moved or changed by hand gets one again when it lost its own,
 * unless a supervisor chose it in the cell's menu (kept from then on,
 * like the posts of locked shifts when the roster is generated again).
 *
 * The filters (role, skill held, group, post worked in the period) choose
 * the rows shown; all that are set must match. The side list then holds
 * only the problems of the people shown, while the coverage stays the
 * whole team's.
 */

#define DEFAULT_TIME_LIMIT 20.0
#define MAX_PROBLEMS_LISTED 200

typedef struct
{
  int      person;
  int      day;
  gint64   type_id;    /* 0: off */
  gboolean locked;
  gint64   post_id;    /* 0: none */
  gboolean post_chosen;
} CellState;

typedef struct
{
  GArray *before;   /* CellState */
  GArray *after;
} Edit;

struct _ScRosterPage
{
  AdwBin            parent_instance;

  /* Owned */
  ScStore          *store;
  ScSession        *session;
  char             *first_day;
  int               n_days;
  ScRosterInput    *input;
  ScRosterInfo     *roster;
  GPtrArray        *types;          /* ScShiftType, the grid's type indexes */
  int              *type_to_problem;
  int              *problem_to_type;
  GHashTable       *people;         /* id → ScPerson */
  GPtrArray        *channel_names;  /* char *, by problem skill */
  ScRosterSolution *solution;
  gint64           *cell_ids;       /* [p * n_days + d]: shift id or 0 */
  gint64           *cell_types;     /* shift type id or 0 */
  gint64           *cell_posts;     /* the skill the shift is worked on, or 0 */
  guint8           *cell_post_chosen;
  guint8           *cell_locked;
  GHashTable       *skill_names;    /* skill id → name */
  ScRosterScore    *score;
  GPtrArray        *problems;       /* char *, as listed */
  GStrv             crews;          /* the group filter's choices */
  GArray           *post_ids;       /* gint64: the post filter's choices */
  guint8           *shown;          /* [p]: the filters let the row through */
  guint             n_shown;
  guint             n_filters;
  gboolean          loading_filters;
  GArray           *problem_cells;  /* int pairs: person, day */
  GPtrArray        *undo_stack;     /* Edit */
  GPtrArray        *redo_stack;
  GCancellable     *cancellable;
  double            time_limit;
  int               min_rest;
  gboolean          editable;
  gboolean          writing;
  gboolean          generating;
  gboolean          needs_load;      /* waits until the page shows */
  int               menu_person;
  int               menu_day;
  GtkWidget        *cell_menu;
  GtkDropDown      *menu_post_dropdown;   /* in cell_menu, or NULL */
  GArray           *menu_post_ids;        /* gint64: its choices, 0 for none */
  guint             pulse_id;
  guint             n_changed;       /* cells marked changed since the last version */

  /* Template */
  AdwButtonContent *period_content;
  GtkPopover       *period_popover;
  GtkCalendar      *calendar;
  GtkDropDown      *length_dropdown;
  GtkLabel         *status_label;
  GtkMenuButton    *filter_button;
  GtkPopover       *filter_popover;
  GtkLabel         *filter_count_label;
  GtkButton        *clear_filters_button;
  GtkDropDown      *skill_dropdown;
  GtkDropDown      *role_dropdown;
  GtkDropDown      *crew_dropdown;
  GtkDropDown      *post_dropdown;
  GtkLabel         *filter_note_label;
  GtkStack         *grid_stack;
  GtkToggleButton  *zoom_day_button;
  GtkToggleButton  *zoom_week_button;
  GtkToggleButton  *zoom_month_button;
  GtkRevealer      *progress_revealer;
  GtkProgressBar   *progress_bar;
  GtkLabel         *progress_label;
  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  GtkButton        *empty_generate_button;
  ScRosterGrid     *grid;
  GtkLabel         *problems_title;
  GtkLabel         *score_label;
  GtkListBox       *problems_list;
  GtkLabel         *legend_label;
  GtkButton        *publish_button;
  GtkButton        *generate_button;
  GtkWidget        *edit_box;
};

G_DEFINE_FINAL_TYPE (ScRosterPage, sc_roster_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_period (ScRosterPage *self);
static void load_roster (ScRosterPage *self);
static void list_problems (ScRosterPage *self);

/* Helpers */

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_array_unref (edit->before);
  g_array_unref (edit->after);
  g_free (edit);
}

static ScPerson *
person_at (ScRosterPage *self,
           int           p)
{
  gint64 id = sc_roster_page_get_person_id (self, p);

  return g_hash_table_lookup (self->people, &id);
}

static const char *
person_name (ScRosterPage *self,
             int           p)
{
  ScPerson *person = person_at (self, p);

  return person ? sc_person_get_name (person) : "?";
}

static void
get_date (ScRosterPage *self,
          int           day,
          GDate        *date)
{
  g_autoptr(GDateTime) first = sc_day_parse (self->first_day);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));
  g_date_add_days (date, day);
}

static char *
format_day (ScRosterPage *self,
            int           day)
{
  GDate date;

  get_date (self, day, &date);
  return sc_roster_grid_format_date (&date, SC_ROSTER_DATE_FULL);
}

static char *
format_hours (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

static char *
format_clock (int minute)
{
  minute = ((minute % 1440) + 1440) % 1440;
  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

static ScShiftType *
type_of_problem (ScRosterPage *self,
                 int           t)
{
  if (t < 0 || self->problem_to_type == NULL || self->problem_to_type[t] < 0)
    return NULL;
  return g_ptr_array_index (self->types, self->problem_to_type[t]);
}

static const char *
type_name (ScRosterPage *self,
           int           t)
{
  ScShiftType *type = type_of_problem (self, t);

  return type ? sc_shift_type_get_name (type) : "?";
}

/* A broken rule in words a supervisor acts on */
static char *
explain (ScRosterPage            *self,
         const ScRosterViolation *v)
{
  const ScRosterProblem *pb = self->input->problem;
  const char *name = v->person >= 0 ? person_name (self, v->person) : "";
  const ScRosterPerson *pp = v->person >= 0 ? &pb->people[v->person] : NULL;
  g_autofree char *day = v->day >= 0 ? format_day (self, v->day) : NULL;

  switch (v->rule)
    {
    case SC_ROSTER_RULE_SUCCESSION:
      {
        int prev = v->day > 0 ? sc_roster_solution_get (self->solution, v->person, v->day - 1) : -1;
        int rest = 0;
        g_autofree char *rest_h = NULL;
        g_autofree char *need_h = format_hours (self->min_rest);

        if (prev >= 0 && v->index >= 0)
          rest = 1440 + pb->shift_types[v->index].start_minute -
                 (pb->shift_types[prev].start_minute + pb->shift_types[prev].length);
        rest_h = format_hours (MAX (rest, 0));
        /* Translators: “Li Na: 9 h rest after the Late shift, 11 h required” */
        return g_strdup_printf (_("%s: %s h rest after the %s shift, %s h required"),
                                name, rest_h, type_name (self, prev), need_h);
      }
    case SC_ROSTER_RULE_UNAVAILABLE:
      return g_strdup_printf (_("%s: works on %s, a day of approved time off"), name, day);
    case SC_ROSTER_RULE_LOCKED:
      return g_strdup_printf (_("%s: differs from the locked shift on %s"), name, day);
    case SC_ROSTER_RULE_MAX_SHIFTS_OF_TYPE:
      {
        int max = pb->max_shifts[v->person * pb->n_shift_types + v->index];

        return g_strdup_printf (ngettext ("%s: %d %s shift, at most %d allowed",
                                          "%s: %d %s shifts, at most %d allowed", max + v->amount),
                                name, max + v->amount, type_name (self, v->index), max);
      }
    case SC_ROSTER_RULE_MIN_MINUTES:
      {
        g_autofree char *have = format_hours (pp->min_minutes - v->amount);
        g_autofree char *need = format_hours (pp->min_minutes);

        return g_strdup_printf (_("%s: %s h of work in these weeks, at least %s h required"), name, have, need);
      }
    case SC_ROSTER_RULE_MAX_MINUTES:
      {
        g_autofree char *have = format_hours (pp->max_minutes + v->amount);
        g_autofree char *max = format_hours (pp->max_minutes);

        return g_strdup_printf (_("%s: %s h of work in these weeks, at most %s h allowed"), name, have, max);
      }
    case SC_ROSTER_RULE_MAX_CONSECUTIVE_WORK:
      return g_strdup_printf (_("%s: %d working days in a row from %s, at most %d allowed"),
                              name, pp->max_consecutive_work + v->amount, day, pp->max_consecutive_work);
    case SC_ROSTER_RULE_MIN_CONSECUTIVE_WORK:
      return g_strdup_printf (_("%s: %d working days in a row from %s, at least %d required"),
                              name, pp->min_consecutive_work - v->amount, day, pp->min_consecutive_work);
    case SC_ROSTER_RULE_MIN_CONSECUTIVE_OFF:
      return g_strdup_printf (_("%s: %d days off in a row from %s, at least %d required"),
                              name, pp->min_consecutive_off - v->amount, day, pp->min_consecutive_off);
    case SC_ROSTER_RULE_MAX_WEEKENDS:
      return g_strdup_printf (_("%s: %d weekends worked, at most %d allowed"),
                              name, pp->max_weekends + v->amount, pp->max_weekends);
    case SC_ROSTER_RULE_SHIFT_ON_REQUEST:
      return g_strdup_printf (_("%s: asked to work on %s"), name, day);
    case SC_ROSTER_RULE_SHIFT_OFF_REQUEST:
      return g_strdup_printf (_("%s: asked to be off on %s"), name, day);
    case SC_ROSTER_RULE_NIGHTS_SPREAD:
    case SC_ROSTER_RULE_WEEKENDS_SPREAD:
    case SC_ROSTER_RULE_HOURS_SPREAD:
      return sc_roster_violation_describe_spread (v, name);
    case SC_ROSTER_RULE_COVER_UNDER:
    case SC_ROSTER_RULE_COVER_OVER:
    case SC_ROSTER_RULE_INTERVAL_UNDER:
    case SC_ROSTER_RULE_INTERVAL_OVER:
    case SC_ROSTER_N_RULES:
    default:
      return NULL;
    }
}

static char *
describe_cell (int      person,
               int      day,
               gpointer user_data)
{
  ScRosterPage *self = user_data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = NULL;
  int t;

  if (self->input == NULL || self->solution == NULL || person < 0 || day < 0 ||
      person >= self->solution->n_people || day >= self->n_days)
    return NULL;

  date = format_day (self, day);
  t = sc_roster_solution_get (self->solution, person, day);

  if (t >= 0)
    {
      ScShiftType *type = type_of_problem (self, t);
      g_autofree char *start = format_clock (type ? sc_shift_type_get_start_minute (type) : 0);
      g_autofree char *end = format_clock (type ? sc_shift_type_get_start_minute (type) +
                                                  sc_shift_type_get_length_minutes (type) : 0);

      /* Translators: a cell of the roster, for tooltips and screen readers:
       * “Li Na, Tue 1 Dec: Early 07:00–15:30” */
      g_string_append_printf (text, _("%s, %s: %s %s–%s"), person_name (self, person), date,
                              type_name (self, t), start, end);
      if (self->cell_posts[person * self->n_days + day] != 0)
        {
          gint64 post = self->cell_posts[person * self->n_days + day];
          const char *name = g_hash_table_lookup (self->skill_names, &post);

          /* Translators: the post (channel) a shift is worked on, after the
           * shift in a roster cell's tooltip: “Post: Phone” */
          g_string_append (text, " · ");
          g_string_append_printf (text, _("Post: %s"), name != NULL ? name : "?");
        }
      if (self->cell_locked[person * self->n_days + day])
        g_string_append_printf (text, " · %s", _("locked"));
    }
  else
    /* Translators: an empty cell of the roster: “Li Na, Tue 1 Dec: off” */
    g_string_append_printf (text, _("%s, %s: off"), person_name (self, person), date);

  if (self->input->problem->unavailable[person * self->n_days + day])
    g_string_append_printf (text, " · %s", _("time off"));

  for (guint i = 0; self->score && self->score->violations && i < self->score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (self->score->violations, ScRosterViolation, i);
      g_autofree char *why = NULL;

      if (v->person != person || (v->day != day && v->day >= 0))
        continue;
      if ((why = explain (self, v)) != NULL)
        g_string_append_printf (text, "\n%s", why);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_actions (ScRosterPage *self)
{
  gboolean has_roster = self->roster != NULL;
  gboolean can_edit = self->editable && has_roster && !self->generating;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.undo", can_edit && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.redo", can_edit && self->redo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.generate",
                                 self->editable && !self->generating && self->input != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.cancel", self->generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.toggle-lock", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.set-type", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.set-post", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.publish",
                                 can_edit && !self->roster->published);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.print", has_roster && !self->generating);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.save-pdf", has_roster && !self->generating);
  /* Those who may only look get no editing buttons */
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->generate_button), self->editable);
  gtk_widget_set_visible (self->edit_box, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_generate_button), self->editable);
  sc_roster_grid_set_editable (self->grid, can_edit);
}

static void
update_period_label (ScRosterPage *self)
{
  GDate first, last;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *label = NULL;

  get_date (self, 0, &first);
  get_date (self, self->n_days - 1, &last);
  from = sc_roster_grid_format_date (&first, SC_ROSTER_DATE_DAY_MONTH);
  to = sc_roster_grid_format_date (&last, SC_ROSTER_DATE_DAY_MONTH_YEAR);
  /* Translators: the roster period: “30 Nov – 27 Dec 2026” */
  label = g_strdup_printf (_("%s – %s"), from, to);
  adw_button_content_set_label (self->period_content, label);
}

static void
update_status (ScRosterPage *self)
{
  g_autofree char *text = NULL;

  if (self->roster == NULL)
    text = g_strdup (_("No roster"));
  else if (self->roster->published)
    text = g_strdup_printf (_("Published · version %d"), self->roster->version);
  else if (self->roster->ever_published)
    text = g_strdup_printf (_("Draft · changed since version %d"), self->roster->version);
  else
    text = g_strdup (C_("roster status", "Draft"));

  gtk_label_set_text (self->status_label, text);
}

/* Whether person @p has a shift on @post_id in the period shown */
static gboolean
works_on_post (ScRosterPage *self,
               int           p,
               gint64        post_id)
{
  if (self->cell_posts == NULL || self->cell_ids == NULL)
    return FALSE;

  for (int d = 0; d < self->n_days; d++)
    {
      gsize cell = (gsize) p * self->n_days + d;

      if (self->cell_ids[cell] != 0 && self->cell_posts[cell] == post_id)
        return TRUE;
    }

  return FALSE;
}

static guint
get_selected (GtkDropDown *dropdown,
              guint        n_choices)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION || selected > n_choices ? 0 : selected;
}

/* The rows the filters let through: a role of the team, a skill held, a
 * group and a post worked on in the period, all those that are chosen.
 * The coverage strip stays the whole team's. */
static void
update_rows (ScRosterPage *self)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint skill, role, crew, post;
  const char *crew_name = NULL;
  gint64 post_id = 0;
  guint n_filters;
  gboolean filtered;

  if (self->input == NULL)
    return;

  skill = get_selected (self->skill_dropdown, self->input->skill_ids->len);
  role = get_selected (self->role_dropdown, SC_N_ROLES);
  crew = get_selected (self->crew_dropdown, self->crews != NULL ? g_strv_length (self->crews) : 0);
  post = get_selected (self->post_dropdown, self->post_ids->len);
  if (crew > 0)
    crew_name = self->crews[crew - 1];
  if (post > 0)
    post_id = g_array_index (self->post_ids, gint64, post - 1);

  g_free (self->shown);
  self->shown = g_new0 (guint8, MAX (self->input->problem->n_people, 1));

  for (int p = 0; p < self->input->problem->n_people; p++)
    {
      ScPerson *person = person_at (self, p);

      if (skill != 0 && !(self->input->problem->people[p].skills & (G_GUINT64_CONSTANT (1) << (skill - 1))))
        continue;
      if (role != 0 && (person == NULL || sc_person_get_role (person) != (ScRole) (role - 1)))
        continue;
      if (crew_name != NULL && (person == NULL || g_strcmp0 (sc_person_get_crew (person), crew_name) != 0))
        continue;
      if (post_id != 0 && !works_on_post (self, p, post_id))
        continue;
      self->shown[p] = TRUE;
      g_array_append_val (rows, p);
    }
  self->n_shown = rows->len;

  sc_roster_grid_set_rows (self->grid, (int *) rows->data, rows->len);
  gtk_stack_set_visible_child_name (self->grid_stack,
                                    rows->len == 0 && self->input->problem->n_people > 0 ? "no-match" : "grid");

  /* The button says how many filters are on */
  n_filters = (skill != 0) + (role != 0) + (crew != 0) + (post != 0);
  self->n_filters = n_filters;
  filtered = n_filters > 0;
  if (filtered)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_filters);
      g_autofree char *label = g_strdup_printf (ngettext ("%u filter on", "%u filters on", n_filters), n_filters);

      gtk_label_set_text (self->filter_count_label, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_count_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count_label), filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.clear-filters", filtered);

  if (filtered)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (ngettext ("Filtered: %u person of %d shown, with only their problems listed.",
                                        "Filtered: %u people of %d shown, with only their problems listed.",
                                        self->n_shown),
                              self->n_shown, self->input->problem->n_people);
      gtk_label_set_text (self->filter_note_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_note_label), filtered);

  list_problems (self);
}

static gboolean
is_filtered (ScRosterPage *self)
{
  return self->n_filters > 0;
}

/* Whether the side list names the problems of person @p */
static gboolean
is_shown (ScRosterPage *self,
          int           p)
{
  return self->shown == NULL || self->input == NULL || p >= self->input->problem->n_people || self->shown[p];
}

static void
on_problem_activated_cb (ScRosterPage  *self,
                         GtkListBoxRow *row)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "problem")) - 1;
  int person, day;

  if (index < 0 || (guint) index >= self->problem_cells->len / 2)
    return;

  person = g_array_index (self->problem_cells, int, index * 2);
  day = g_array_index (self->problem_cells, int, index * 2 + 1);
  sc_roster_grid_set_focus_cell (self->grid, person, MAX (day, 0));
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
add_problem_row (ScRosterPage *self,
                 const char   *text,
                 const char   *when,
                 gboolean      hard,
                 int           person,
                 int           day)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (when != NULL)
    {
      GtkWidget *caption = gtk_label_new (when);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), caption);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, hard ? "sc-problem-hard" : "sc-problem-wish");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_list_box_append (self->problems_list, row);

  g_ptr_array_add (self->problems, g_strdup (text));
  g_object_set_data (G_OBJECT (row), "problem", GINT_TO_POINTER (self->problems->len));
  g_array_append_val (self->problem_cells, person);
  g_array_append_val (self->problem_cells, day);
}

/* The score counts every difference from a fair share; the list names
 * only those a supervisor would act on: a night or a working weekend more
 * or less than the share, or a shift's worth of hours */
static gboolean
fair_share_matters (const ScRosterViolation *v)
{
  double off = fabs (v->amount - v->expected);

  switch (v->rule)
    {
    case SC_ROSTER_RULE_NIGHTS_SPREAD:
    case SC_ROSTER_RULE_WEEKENDS_SPREAD:
      return off >= 1.0;
    case SC_ROSTER_RULE_HOURS_SPREAD:
      return off >= 8 * 60;
    default:
      return TRUE;
    }
}

static void
add_heading_row (ScRosterPage *self,
                 const char   *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "sc-problem-heading");
  gtk_list_box_append (self->problems_list, row);
}

static void
update_coverage (ScRosterPage *self)
{
  const ScRosterProblem *pb = self->input->problem;
  g_autofree gint16 *balance = NULL;
  int first = 1440, last = 0, slot = 1440;
  int n_slots, n_channels = (int) self->channel_names->len;

  for (guint i = 0; i < pb->interval_covers->len; i++)
    {
      const ScRosterIntervalCover *c = &g_array_index (pb->interval_covers, ScRosterIntervalCover, i);
      int start = c->start % 1440;

      first = MIN (first, start);
      last = MAX (last, start + c->length);
      slot = MIN (slot, c->length);
    }

  if (pb->interval_covers->len == 0 || n_channels == 0 || slot <= 0)
    {
      sc_roster_grid_set_coverage (self->grid, NULL, 0, 0, 30, 0, NULL);
      return;
    }

  n_slots = MAX ((last - first + slot - 1) / slot, 1);
  balance = g_new (gint16, (gsize) n_channels * self->n_days * n_slots);
  for (gsize i = 0; i < (gsize) n_channels * self->n_days * n_slots; i++)
    balance[i] = SC_ROSTER_GRID_NO_NEED;

#define SLOT(c_) (((gsize) (c_)->skill * self->n_days + (c_)->start / 1440) * n_slots + \
                  ((c_)->start % 1440 - first) / slot)

  for (guint i = 0; i < pb->interval_covers->len; i++)
    {
      const ScRosterIntervalCover *c = &g_array_index (pb->interval_covers, ScRosterIntervalCover, i);

      if (c->skill >= 0 && c->skill < n_channels && c->start / 1440 < self->n_days)
        balance[SLOT (c)] = 0;
    }

  for (guint i = 0; i < self->score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (self->score->violations, ScRosterViolation, i);
      const ScRosterIntervalCover *c;

      if (v->rule != SC_ROSTER_RULE_INTERVAL_UNDER && v->rule != SC_ROSTER_RULE_INTERVAL_OVER)
        continue;

      c = &g_array_index (pb->interval_covers, ScRosterIntervalCover, v->index);
      if (c->skill >= 0 && c->skill < n_channels && c->start / 1440 < self->n_days)
        balance[SLOT (c)] = (gint16) (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER ? -v->amount : v->amount);
    }
#undef SLOT

  sc_roster_grid_set_coverage (self->grid, (const char * const *) self->channel_names->pdata, n_channels,
                               first, slot, n_slots, balance);
}

/* The side list: the rules broken and the wishes not met by the people
 * the filters show, with the title counting theirs */
static void
list_problems (ScRosterPage *self)
{
  GtkWidget *child;
  int n_listed = 0;
  int n_hard = 0;
  gboolean wish_heading = FALSE;
  gboolean fair_heading = FALSE;
  g_autofree char *title = NULL;

  g_ptr_array_set_size (self->problems, 0);
  g_array_set_size (self->problem_cells, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  if (self->input == NULL || self->score == NULL)
    return;

  /* Hard rules first, then wishes */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->score->violations->len; i++)
      {
        const ScRosterViolation *v = &g_array_index (self->score->violations, ScRosterViolation, i);
        gboolean hard = sc_roster_rule_is_hard (v->rule);
        g_autofree char *text = NULL;
        g_autofree char *when = NULL;

        if (v->person < 0 || hard != (pass == 0) || !is_shown (self, v->person))
          continue;

        if (hard)
          n_hard++;

        if (n_listed >= MAX_PROBLEMS_LISTED || !fair_share_matters (v) || !(text = explain (self, v)))
          continue;

        if (pass == 1 && sc_roster_rule_is_spread (v->rule))
          {
            if (!fair_heading)
              add_heading_row (self, C_("roster problems heading", "Fairness"));
            fair_heading = TRUE;
          }
        else if (pass == 1 && !wish_heading)
          {
            add_heading_row (self, _("Wishes not met"));
            wish_heading = TRUE;
          }

        /* The texts that do not name the day get it underneath */
        if (v->rule == SC_ROSTER_RULE_SUCCESSION)
          when = format_day (self, v->day);
        else if (v->day < 0)
          when = g_strdup (_("Whole period"));
        add_problem_row (self, text, when, hard, v->person, v->day);
        n_listed++;
      }

  if (is_filtered (self))
    {
      if (self->n_shown == 0)
        title = g_strdup (_("No one is shown"));
      else if (n_hard == 0)
        title = g_strdup (_("The people shown keep every rule"));
      else
        title = g_strdup_printf (ngettext ("%d rule broken by the people shown",
                                           "%d rules broken by the people shown", n_hard),
                                 n_hard);
    }
  else if (self->score->hard_violations == 0)
    title = g_strdup (_("Every rule is kept"));
  else
    title = g_strdup_printf (ngettext ("%d rule broken", "%d rules broken", self->score->hard_violations),
                             self->score->hard_violations);
  gtk_label_set_text (self->problems_title, title);
}

/* Scores the roster shown and shows what the score says */
static void
rescore (ScRosterPage *self)
{
  const ScRosterProblem *pb;
  double short_hours = 0;
  int wishes = 0;
  g_autofree char *summary = NULL;
  g_autofree char *short_text = NULL;

  g_clear_pointer (&self->score, sc_roster_score_free);
  list_problems (self);

  if (self->input == NULL || self->solution == NULL)
    return;

  pb = self->input->problem;
  self->score = sc_roster_score_compute (pb, self->solution, TRUE);
  self->n_changed = 0;

  /* The cells: shift, lock, time off, and a mark where a rule is broken */
  for (int p = 0; p < pb->n_people; p++)
    {
      sc_roster_grid_set_person_broken (self->grid, p, FALSE);
      for (int d = 0; d < self->n_days; d++)
        {
          int t = sc_roster_solution_get (self->solution, p, d);
          guint flags = 0;

          if (self->cell_locked[p * self->n_days + d])
            flags |= SC_ROSTER_CELL_LOCKED;
          if (pb->unavailable[p * self->n_days + d])
            flags |= SC_ROSTER_CELL_UNAVAILABLE;
          sc_roster_grid_set_cell (self->grid, p, d, t >= 0 ? self->problem_to_type[t] : -1, flags);
        }
    }

  /* What changed since the last published version */
  if (self->roster != NULL && self->roster->ever_published && !self->roster->published)
    {
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(GDateTime) first = sc_day_parse (self->first_day);
      int since = 0;

      changes = sc_store_get_roster_changes (self->store, self->session, self->roster->id, &since, NULL);
      for (guint i = 0; changes != NULL && first != NULL && i < changes->len; i++)
        {
          ScShiftChange *change = g_ptr_array_index (changes, i);
          g_autoptr(GDateTime) day = sc_day_parse (change->day);
          int d = day != NULL ? (int) (g_date_time_difference (day, first) / G_TIME_SPAN_DAY) : -1;

          if (d < 0 || d >= self->n_days)
            continue;
          for (int p = 0; p < pb->n_people; p++)
            if (g_array_index (self->input->person_ids, gint64, p) == change->person_id)
              {
                guint flags = 0;
                int t = sc_roster_grid_get_cell (self->grid, p, d, &flags);

                sc_roster_grid_set_cell (self->grid, p, d, t, flags | SC_ROSTER_CELL_CHANGED);
                self->n_changed++;
              }
        }
    }

  /* The marks on the cells, for everyone; the cover is the team's */
  for (guint i = 0; i < self->score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (self->score->violations, ScRosterViolation, i);
      guint flags = 0;
      int t;

      if (v->rule == SC_ROSTER_RULE_INTERVAL_UNDER)
        {
          const ScRosterIntervalCover *c = &g_array_index (pb->interval_covers, ScRosterIntervalCover, v->index);

          short_hours += v->amount * c->length / 60.0;
        }

      if (v->person < 0)
        continue;

      if (sc_roster_rule_is_hard (v->rule))
        {
          if (v->day >= 0)
            {
              t = sc_roster_grid_get_cell (self->grid, v->person, v->day, &flags);
              sc_roster_grid_set_cell (self->grid, v->person, v->day, t, flags | SC_ROSTER_CELL_BROKEN);
            }
          else
            sc_roster_grid_set_person_broken (self->grid, v->person, TRUE);
        }
      else if (v->day >= 0)
        {
          t = sc_roster_grid_get_cell (self->grid, v->person, v->day, &flags);
          sc_roster_grid_set_cell (self->grid, v->person, v->day, t, flags | SC_ROSTER_CELL_WISH);
          wishes++;
        }
    }

  list_problems (self);

  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    short_text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", short_hours));
  }
  summary = g_strdup_printf (ngettext ("Coverage: %s person-hours short. %d wish not met.",
                                       "Coverage: %s person-hours short. %d wishes not met.", wishes),
                             short_text, wishes);
  gtk_label_set_text (self->score_label, summary);

  update_coverage (self);
}

static char *
day_string (ScRosterPage *self,
            int           d)
{
  g_autoptr(GDateTime) first = sc_day_parse (self->first_day);
  g_autoptr(GDateTime) date = g_date_time_add_days (first, d);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
clear_roster (ScRosterPage *self)
{
  g_clear_pointer (&self->roster, sc_roster_info_free);
  g_clear_pointer (&self->solution, sc_roster_solution_free);
  g_clear_pointer (&self->cell_ids, g_free);
  g_clear_pointer (&self->cell_types, g_free);
  g_clear_pointer (&self->cell_posts, g_free);
  g_clear_pointer (&self->cell_post_chosen, g_free);
  g_clear_pointer (&self->cell_locked, g_free);
  g_clear_pointer (&self->score, sc_roster_score_free);
}

static int
find_problem_type (ScRosterPage *self,
                   gint64        type_id)
{
  for (guint i = 0; self->input && i < self->input->shift_type_ids->len; i++)
    if (g_array_index (self->input->shift_type_ids, gint64, i) == type_id)
      return (int) i;
  return -1;
}

static int
compare_post_names (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GHashTable *names = user_data;

  /* The array holds the hash table's keys; the sort hands their addresses */
  return g_utf8_collate (g_hash_table_lookup (names, *(gint64 * const *) a),
                         g_hash_table_lookup (names, *(gint64 * const *) b));
}

/* The post filter's choices: the skills the shifts shown are worked on,
 * by name. The post chosen stays chosen while its shifts are there. */
static void
load_posts (ScRosterPage *self)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = get_selected (self->post_dropdown, self->post_ids->len);
  gint64 chosen = selected > 0 ? g_array_index (self->post_ids, gint64, selected - 1) : 0;
  gsize n_cells = self->input != NULL ? (gsize) self->input->problem->n_people * self->n_days : 0;
  GHashTableIter iter;
  gpointer key;

  if (self->cell_posts != NULL && self->store != NULL)
    skills = sc_store_get_skills (self->store, NULL);

  for (gsize cell = 0; self->cell_posts != NULL && cell < n_cells; cell++)
    {
      gint64 id = self->cell_posts[cell];
      const char *name = NULL;

      if (id == 0 || self->cell_ids[cell] == 0 || g_hash_table_contains (names, &id))
        continue;

      for (guint j = 0; skills != NULL && j < skills->len; j++)
        if (sc_skill_get_id (g_ptr_array_index (skills, j)) == id)
          name = sc_skill_get_name (g_ptr_array_index (skills, j));
      if (name == NULL)
        continue;

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
    }

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);
  g_ptr_array_sort_with_data (ids, compare_post_names, names);

  g_array_set_size (self->post_ids, 0);
  selected = 0;
  gtk_string_list_append (list, _("Any Post"));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = *(gint64 *) g_ptr_array_index (ids, i);

      g_array_append_val (self->post_ids, id);
      gtk_string_list_append (list, g_hash_table_lookup (names, &id));
      if (id == chosen)
        selected = i + 1;
    }

  self->loading_filters = TRUE;
  gtk_drop_down_set_model (self->post_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->post_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->post_dropdown), self->post_ids->len > 0);
  self->loading_filters = FALSE;
}

/* Reads the shown roster's shifts from the store and scores them */
static void
load_roster (ScRosterPage *self)
{
  g_autoptr(GPtrArray) rosters = NULL;
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) days = NULL;
  ScRosterProblem *pb;
  gsize n_cells;

  clear_roster (self);

  if (self->store == NULL || self->session == NULL || self->first_day == NULL)
    return;

  /* The newest roster that starts on the period's first day */
  rosters = sc_store_get_rosters (self->store, self->session, &error);
  for (guint i = 0; rosters != NULL && i < rosters->len; i++)
    {
      ScRosterInfo *info = g_ptr_array_index (rosters, i);

      if (g_strcmp0 (info->first_day, self->first_day) == 0 && info->days == self->n_days)
        {
          self->roster = g_ptr_array_steal_index (rosters, i);
          break;
        }
    }

  update_status (self);

  if (self->roster == NULL || self->input == NULL)
    {
      load_posts (self);
      update_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  pb = self->input->problem;
  n_cells = (gsize) pb->n_people * self->n_days;
  self->solution = sc_roster_solution_new_for_problem (pb);
  self->cell_ids = g_new0 (gint64, n_cells);
  self->cell_types = g_new0 (gint64, n_cells);
  self->cell_posts = g_new0 (gint64, n_cells);
  self->cell_post_chosen = g_new0 (guint8, n_cells);
  self->cell_locked = g_new0 (guint8, n_cells);

  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->input->person_ids->len; i++)
    g_hash_table_insert (index, &g_array_index (self->input->person_ids, gint64, i), GINT_TO_POINTER (i + 1));

  /* The period's days by their text: no date parsing per shift */
  days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (int d = 0; d < self->n_days; d++)
    g_hash_table_insert (days, day_string (self, d), GINT_TO_POINTER (d + 1));

  shifts = sc_store_get_roster_shifts (self->store, self->session, self->roster->id, FALSE, &error);
  if (shifts == NULL)
    g_warning ("Cannot read the roster’s shifts: %s", error->message);

  for (guint i = 0; shifts != NULL && i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);
      int p = GPOINTER_TO_INT (g_hash_table_lookup (index, &shift->person_id)) - 1;
      int d = GPOINTER_TO_INT (g_hash_table_lookup (days, shift->day)) - 1;
      int t = find_problem_type (self, shift->shift_type_id);
      gsize cell;

      if (p < 0 || d < 0 || d >= self->n_days)
        continue;

      cell = (gsize) p * self->n_days + d;
      self->cell_ids[cell] = shift->id;
      self->cell_types[cell] = shift->shift_type_id;
      self->cell_posts[cell] = shift->skill_id;
      self->cell_post_chosen[cell] = shift->post_chosen;
      self->cell_locked[cell] = shift->locked;
      if (t >= 0)
        sc_roster_solution_set (self->solution, p, d, t);
    }

  /* Locks as the solver will see them */
  for (int p = 0; p < pb->n_people; p++)
    for (int d = 0; d < self->n_days; d++)
      sc_roster_problem_lock (pb, p, d,
                              self->cell_locked[p * self->n_days + d] ? sc_roster_solution_get (self->solution, p, d)
                                                                      : SC_ROSTER_UNLOCKED);

  /* The posts of these shifts, and the rows as the filters say */
  load_posts (self);
  update_rows (self);

  gtk_stack_set_visible_child_name (self->stack, "roster");
  rescore (self);
  update_actions (self);
}

static void
load_skills (ScRosterPage *self)
{
  g_autoptr(GPtrArray) skills = sc_store_get_skills (self->store, NULL);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->channel_names, 0);
  gtk_string_list_append (list, _("All Skills"));

  g_hash_table_remove_all (self->skill_names);
  for (guint j = 0; skills && j < skills->len; j++)
    {
      ScSkill *skill = g_ptr_array_index (skills, j);
      gint64 id = sc_skill_get_id (skill);

      g_hash_table_insert (self->skill_names, g_memdup2 (&id, sizeof id), g_strdup (sc_skill_get_name (skill)));
    }

  for (guint i = 0; self->input && i < self->input->skill_ids->len; i++)
    {
      gint64 id = g_array_index (self->input->skill_ids, gint64, i);
      const char *name = "?";

      for (guint j = 0; skills && j < skills->len; j++)
        if (sc_skill_get_id (g_ptr_array_index (skills, j)) == id)
          name = sc_skill_get_name (g_ptr_array_index (skills, j));

      g_ptr_array_add (self->channel_names, g_strdup (name));
      gtk_string_list_append (list, name);
    }

  gtk_drop_down_set_model (self->skill_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->skill_dropdown, 0);
}

/* The team's roles: the groups a supervisor looks at apart */
static void
load_roles (ScRosterPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("All Roles"));
  for (int role = 0; role < SC_N_ROLES; role++)
    gtk_string_list_append (list, sc_role_get_label (role));

  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->role_dropdown, 0);
}

/* The team's groups, by name; the group chosen stays chosen */
static void
load_crews (ScRosterPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = get_selected (self->crew_dropdown, self->crews != NULL ? g_strv_length (self->crews) : 0);
  g_autofree char *chosen = selected > 0 ? g_strdup (self->crews[selected - 1]) : NULL;

  g_clear_pointer (&self->crews, g_strfreev);
  self->crews = sc_store_get_crews (self->store, self->session, NULL);

  selected = 0;
  gtk_string_list_append (list, _("All Groups"));
  for (guint i = 0; self->crews != NULL && self->crews[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->crews[i]);
      if (g_strcmp0 (self->crews[i], chosen) == 0)
        selected = i + 1;
    }

  self->loading_filters = TRUE;
  gtk_drop_down_set_model (self->crew_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->crew_dropdown, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->crew_dropdown), self->crews != NULL && self->crews[0] != NULL);
  self->loading_filters = FALSE;
}

static void
load_people_and_types (ScRosterPage *self)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) grid_types = g_array_new (FALSE, TRUE, sizeof (ScRosterGridType));
  g_autoptr(GDateTime) first = sc_day_parse (self->first_day);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) today = sc_day_parse (today_text);
  const ScRosterProblem *pb = self->input->problem;
  GDate date;
  int today_index;

  g_hash_table_remove_all (self->people);
  people = sc_store_get_people (self->store, self->session, TRUE, NULL);
  self->min_rest = 0;
  for (guint i = 0; people && i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);
      gint64 *key = g_new (gint64, 1);

      *key = sc_person_get_id (person);
      g_hash_table_insert (self->people, key, g_object_ref (person));
    }

  for (int p = 0; p < pb->n_people; p++)
    {
      ScPerson *person = person_at (self, p);

      g_ptr_array_add (names, (gpointer) (person ? sc_person_get_name (person) : "?"));
      if (person != NULL)
        self->min_rest = MAX (self->min_rest, sc_person_get_min_rest_minutes (person));
    }

  g_clear_pointer (&self->types, g_ptr_array_unref);
  self->types = sc_store_get_shift_types (self->store, NULL);
  if (self->types == NULL)
    self->types = g_ptr_array_new_with_free_func (g_object_unref);

  g_free (self->type_to_problem);
  g_free (self->problem_to_type);
  self->type_to_problem = g_new (int, MAX (self->types->len, 1));
  self->problem_to_type = g_new (int, MAX (pb->n_shift_types, 1));
  for (int t = 0; t < pb->n_shift_types; t++)
    self->problem_to_type[t] = -1;

  for (guint i = 0; i < self->types->len; i++)
    {
      ScShiftType *type = g_ptr_array_index (self->types, i);
      ScRosterGridType grid_type = {
        .code = sc_shift_type_get_code (type),
        .name = sc_shift_type_get_name (type),
        .colour = sc_shift_type_get_colour (type),
        .start_minute = sc_shift_type_get_start_minute (type),
        .length_minutes = sc_shift_type_get_length_minutes (type),
      };
      int t = find_problem_type (self, sc_shift_type_get_id (type));

      self->type_to_problem[i] = t;
      if (t >= 0)
        self->problem_to_type[t] = (int) i;
      g_array_append_val (grid_types, grid_type);
    }

  today_index = (int) (g_date_time_difference (today, first) / G_TIME_SPAN_DAY);
  if (today_index < 0 || today_index >= self->n_days || g_date_time_compare (today, first) < 0)
    today_index = -1;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));

  sc_roster_grid_set_shift_types (self->grid, (ScRosterGridType *) grid_types->data, grid_types->len);
  sc_roster_grid_set_people (self->grid, (const char * const *) names->pdata, names->len);
  sc_roster_grid_set_period (self->grid, &date, self->n_days, today_index);
}

static void
load_period (ScRosterPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->input, sc_roster_input_free);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  clear_roster (self);

  if (self->store == NULL || self->session == NULL || self->first_day == NULL)
    return;

  update_period_label (self);

  self->input = sc_store_build_roster_input (self->store, self->session, self->first_day, self->n_days, &error);
  if (self->input == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_status (self);
      update_actions (self);
      return;
    }

  adw_status_page_set_description (self->empty_page,
                                   self->editable
                                     ? _("Generate a draft from the forecasts, the team’s contracts and its time off, then adjust it by hand.")
                                     : _("A supervisor has not made a roster for these weeks yet."));

  self->loading_filters = TRUE;
  load_skills (self);
  load_roles (self);
  self->loading_filters = FALSE;
  load_crews (self);
  load_people_and_types (self);
  update_rows (self);
  load_roster (self);
}

/* The roster's first period: the newest roster's, else four weeks from next Monday */
static void
choose_default_period (ScRosterPage *self)
{
  g_autoptr(GPtrArray) rosters = NULL;

  rosters = sc_store_get_rosters (self->store, self->session, NULL);
  g_clear_pointer (&self->first_day, g_free);

  if (rosters != NULL && rosters->len > 0)
    {
      ScRosterInfo *info = g_ptr_array_index (rosters, 0);

      self->first_day = g_strdup (info->first_day);
      self->n_days = info->days;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));

      self->first_day = g_date_time_format (monday, "%Y-%m-%d");
      self->n_days = 28;
    }
}

/* Reading the period costs the staffing tables and the score: only for
 * a page that shows */
static void
request_load (ScRosterPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_load = FALSE;
      load_period (self);
    }
  else
    self->needs_load = TRUE;
}

static void
setup (ScRosterPage *self)
{
  if (self->store == NULL || self->session == NULL)
    return;

  self->editable = sc_permission_access (self->session, SC_OPERATION_ROSTER_WRITE) == SC_ACCESS_ALL;
  if (self->first_day == NULL)
    choose_default_period (self);
  update_period_label (self);
  update_actions (self);
  request_load (self);
}

/* A toast: what went wrong, or what was done */
static void
show_error (ScRosterPage *self,
            const char   *message)
{
  AdwToast *toast = adw_toast_new (message);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_timeout (toast, 6);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", message);
      g_object_unref (toast);
    }
}

/* Edits */

static CellState
capture (ScRosterPage *self,
         int           p,
         int           d)
{
  gsize cell = (gsize) p * self->n_days + d;
  CellState state = { p, d, self->cell_types[cell], self->cell_locked[cell],
                      self->cell_posts[cell], self->cell_post_chosen[cell] };

  return state;
}

/* Makes the cells as @states say, in one transaction */
static gboolean
apply_states (ScRosterPage  *self,
              GArray        *states,
              GError       **error)
{
  if (!sc_store_begin (self->store, error))
    return FALSE;

  /* First empty the cells that end empty, so that shifts can land */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < states->len; i++)
      {
        const CellState *want = &g_array_index (states, CellState, i);
        gsize cell = (gsize) want->person * self->n_days + want->day;
        gint64 id = self->cell_ids[cell];
        gboolean ok = TRUE;

        if (pass == 0)
          {
            if (want->type_id == 0 && id != 0)
              {
                ok = sc_store_remove_shift (self->store, self->session, id, error);
                self->cell_ids[cell] = 0;
                self->cell_types[cell] = 0;
              }
          }
        else if (want->type_id != 0)
          {
            if (id == 0)
              {
                g_autofree char *day = day_string (self, want->day);
                gint64 person_id = sc_roster_page_get_person_id (self, want->person);

                id = sc_store_add_shift (self->store, self->session, self->roster->id, person_id, day,
                                         want->type_id, error);
                ok = id != 0;
                self->cell_locked[cell] = FALSE;
              }
            else if (self->cell_types[cell] != want->type_id)
              ok = sc_store_set_shift_type (self->store, self->session, id, want->type_id, error);

            if (ok && self->cell_locked[cell] != want->locked)
              ok = sc_store_set_shift_locked (self->store, self->session, id, want->locked, error);
            if (ok)
              ok = sc_store_set_shift_post (self->store, self->session, id, want->post_id, want->post_chosen, error);
          }

        if (!ok)
          {
            sc_store_rollback (self->store);
            return FALSE;
          }
      }

  return sc_store_commit (self->store, error);
}

static void
push_edit (ScRosterPage *self,
           GArray       *before,
           GArray       *after)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->before = g_array_ref (before);
  edit->after = g_array_ref (after);
  g_ptr_array_add (self->undo_stack, edit);
  g_ptr_array_set_size (self->redo_stack, 0);
}

typedef gboolean (*EditFunc) (ScRosterPage  *self,
                              gpointer       data,
                              GError       **error);

/* Runs one edit of the cells (@p1, @d1) and (@p2, @d2), records it for
 * undo and checks the roster again */
static gboolean
run_edit (ScRosterPage *self,
          int           p1,
          int           d1,
          int           p2,
          int           d2,
          EditFunc      func,
          gpointer      data)
{
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (CellState));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (CellState));
  g_autoptr(GError) error = NULL;
  CellState state;
  gboolean ok;

  if (self->roster == NULL || !self->editable || self->generating)
    return FALSE;

  state = capture (self, p1, d1);
  g_array_append_val (before, state);
  if (p2 >= 0 && (p2 != p1 || d2 != d1))
    {
      state = capture (self, p2, d2);
      g_array_append_val (before, state);
    }

  self->writing = TRUE;
  ok = func (self, data, &error);
  self->writing = FALSE;

  load_roster (self);

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  for (guint i = 0; i < before->len; i++)
    {
      const CellState *b = &g_array_index (before, CellState, i);

      state = capture (self, b->person, b->day);
      g_array_append_val (after, state);
    }
  push_edit (self, before, after);
  update_actions (self);
  return TRUE;
}

/* Gives the shifts @ids their post again: those left on none, or with
 * @always all but the posts chosen by hand and those of locked shifts,
 * the rest of the roster as it is */
static gboolean
derive_posts (ScRosterPage  *self,
              const gint64  *ids,
              guint          n_ids,
              gboolean       always,
              GError       **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_ids; i++)
    {
      ScRosterShift shift;

      if (ids[i] == 0)
        continue;
      if (!always)
        {
          if (!sc_store_get_shift (self->store, self->session, ids[i], &shift, error))
            return FALSE;
          if (shift.skill_id != 0)
            continue;
        }
      g_array_append_val (list, ids[i]);
    }

  if (list->len == 0)
    return TRUE;

  return sc_store_assign_roster_posts (self->store, self->session, self->input, self->roster->id, list, NULL, error);
}

/* Whether person @p may work on @skill_id: holds it as the roster counts
 * skills (proficiency 2, certified where it must be), or for a skill the
 * roster does not count, at proficiency 2 */
static gboolean
person_holds (ScRosterPage *self,
              int           p,
              gint64        skill_id,
              GPtrArray    *person_skills)
{
  for (guint s = 0; s < self->input->skill_ids->len && s < SC_ROSTER_MAX_SKILLS; s++)
    if (g_array_index (self->input->skill_ids, gint64, s) == skill_id)
      return (self->input->problem->people[p].skills & (G_GUINT64_CONSTANT (1) << s)) != 0;

  for (guint i = 0; person_skills != NULL && i < person_skills->len; i++)
    {
      ScPersonSkill *held = g_ptr_array_index (person_skills, i);

      if (sc_person_skill_get_skill_id (held) == skill_id)
        return sc_person_skill_get_proficiency (held) >= 2;
    }

  return FALSE;
}

typedef struct
{
  int p1, d1, p2, d2;
} MoveData;

/* A shift moved or swapped keeps its post where the person holds it,
 * else gets one again */
static gboolean
do_move (ScRosterPage  *self,
         gpointer       data,
         GError       **error)
{
  MoveData *move = data;
  gint64 a = self->cell_ids[move->p1 * self->n_days + move->d1];
  gint64 b = self->cell_ids[move->p2 * self->n_days + move->d2];
  gint64 ids[2] = { a, b };
  gboolean ok;

  if (move->p1 == move->p2 && move->d1 == move->d2)
    return TRUE;

  if (!sc_store_begin (self->store, error))
    return FALSE;

  if (b != 0)
    ok = sc_store_swap_shifts (self->store, self->session, a, b, error);
  else
    {
      g_autofree char *day = day_string (self, move->d2);

      ids[0] = sc_store_move_shift (self->store, self->session, a, sc_roster_page_get_person_id (self, move->p2),
                                    day, error);
      ok = ids[0] != 0;
    }

  if (!ok || !derive_posts (self, ids, G_N_ELEMENTS (ids), FALSE, error))
    {
      sc_store_rollback (self->store);
      return FALSE;
    }

  return sc_store_commit (self->store, error);
}

static gboolean
do_toggle_lock (ScRosterPage  *self,
                gpointer       data,
                GError       **error)
{
  gsize cell = GPOINTER_TO_SIZE (data);

  return sc_store_set_shift_locked (self->store, self->session, self->cell_ids[cell], !self->cell_locked[cell],
                                    error);
}

static gboolean
do_remove (ScRosterPage  *self,
           gpointer       data,
           GError       **error)
{
  gsize cell = GPOINTER_TO_SIZE (data);

  return sc_store_remove_shift (self->store, self->session, self->cell_ids[cell], error);
}

typedef struct
{
  int    p, d;
  gint64 type_id;
} SetTypeData;

/* A new shift, or one at other hours, gets its post again unless it
 * was chosen */
static gboolean
do_set_type (ScRosterPage  *self,
             gpointer       data,
             GError       **error)
{
  SetTypeData *set = data;
  gsize cell = (gsize) set->p * self->n_days + set->d;
  gint64 id = self->cell_ids[cell];

  if (id != 0 && self->cell_types[cell] == set->type_id)
    return TRUE;

  if (!sc_store_begin (self->store, error))
    return FALSE;

  if (id != 0)
    {
      if (!sc_store_set_shift_type (self->store, self->session, id, set->type_id, error))
        id = 0;
    }
  else
    {
      g_autofree char *day = day_string (self, set->d);

      id = sc_store_add_shift (self->store, self->session, self->roster->id,
                               sc_roster_page_get_person_id (self, set->p), day, set->type_id, error);
    }

  if (id == 0 || !derive_posts (self, &id, 1, TRUE, error))
    {
      sc_store_rollback (self->store);
      return FALSE;
    }

  return sc_store_commit (self->store, error);
}

typedef struct
{
  int    p, d;
  gint64 post_id;
} SetPostData;

/* A post chosen by hand (none too) is kept from then on */
static gboolean
do_set_post (ScRosterPage  *self,
             gpointer       data,
             GError       **error)
{
  SetPostData *set = data;
  gsize cell = (gsize) set->p * self->n_days + set->d;

  return sc_store_set_shift_post (self->store, self->session, self->cell_ids[cell], set->post_id, TRUE, error);
}

static gboolean
replay (ScRosterPage *self,
        GPtrArray    *from,
        GPtrArray    *to,
        gboolean      undo)
{
  g_autoptr(GError) error = NULL;
  Edit *edit;
  gboolean ok;

  if (from->len == 0 || self->roster == NULL || self->generating)
    return FALSE;

  edit = g_ptr_array_steal_index (from, from->len - 1);
  self->writing = TRUE;
  ok = apply_states (self, undo ? edit->before : edit->after, &error);
  self->writing = FALSE;
  load_roster (self);

  if (!ok)
    {
      edit_free (edit);
      show_error (self, error->message);
      update_actions (self);
      return FALSE;
    }

  g_ptr_array_add (to, edit);
  {
    const CellState *first = &g_array_index (edit->before, CellState, 0);
    sc_roster_grid_set_focus_cell (self->grid, first->person, first->day);
  }
  update_actions (self);
  return TRUE;
}

/* Publishing: the next version for everyone's calendars */
static void
publish_roster (ScRosterPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int version;

  if (self->roster == NULL)
    return;

  version = sc_store_publish_roster (self->store, self->session, self->roster->id, &error);
  if (version == 0)
    {
      show_error (self, error->message);
      return;
    }

  /* Translators: a toast after publishing, e.g. “Published version 2” */
  message = g_strdup_printf (_("Published version %d"), version);
  show_error (self, message);
}

/* Printing: the roster as shown, every person, a page per week */

static ScRosterPrint *
build_print (ScRosterPage *self)
{
  ScRosterPrint *print;
  g_autofree char *title = NULL;

  if (self->roster == NULL || self->input == NULL || self->cell_types == NULL)
    return NULL;

  if (self->roster->published)
    /* Translators: the title of a printed roster */
    title = g_strdup_printf (_("Roster · version %d"), self->roster->version);
  else
    title = g_strdup_printf (_("Roster · draft"));

  print = sc_roster_print_new (title, self->first_day, self->n_days);
  for (int p = 0; p < self->input->problem->n_people; p++)
    {
      ScPerson *person = person_at (self, p);
      int row = sc_roster_print_add_person (print, person != NULL ? sc_person_get_name (person) : "");

      for (int d = 0; d < self->n_days; d++)
        {
          gint64 type_id = self->cell_types[p * self->n_days + d];

          for (guint t = 0; type_id != 0 && t < self->types->len; t++)
            {
              ScShiftType *type = g_ptr_array_index (self->types, t);
              int start = sc_shift_type_get_start_minute (type);
              int end = (start + sc_shift_type_get_length_minutes (type)) % (24 * 60);
              g_autofree char *times = NULL;

              if (sc_shift_type_get_id (type) != type_id)
                continue;
              times = g_strdup_printf ("%02d:%02d–%02d:%02d", start / 60, start % 60, end / 60, end % 60);
              sc_roster_print_set_cell (print, row, d, sc_shift_type_get_code (type), times,
                                        sc_shift_type_get_colour (type));
            }
        }
    }

  return print;
}

static void
print_roster (ScRosterPage *self)
{
  g_autoptr(ScRosterPrint) print = build_print (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (print == NULL)
    return;

  if (sc_roster_print_run (print, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

/**
 * sc_roster_page_save_pdf:
 *
 * Writes the roster shown as a PDF file, as “Save as PDF…” does.
 */
gboolean
sc_roster_page_save_pdf (ScRosterPage  *self,
                         GFile         *file,
                         GError       **error)
{
  g_autoptr(ScRosterPrint) print = build_print (self);
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), FALSE);

  if (print == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no roster to save"));
      return FALSE;
    }

  return sc_roster_print_run (print, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, path, error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}

static void
on_pdf_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            ScRosterPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!sc_roster_page_save_pdf (self, file, &error))
        show_error (self, error->message);
      else
        show_error (self, _("Roster saved as PDF"));
    }

  g_object_unref (chooser);
}

static void
save_pdf (ScRosterPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save Roster as PDF"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name offered for a roster PDF, e.g. “roster-2026-11-30.pdf” */
  name = g_strdup_printf (_("roster-%s.pdf"), self->first_day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Generating */

typedef struct
{
  GWeakRef  page;
  int       hard;
  gint64    objective;
  double    fraction;
} ProgressData;

typedef struct
{
  GWeakRef  page;
  gint64    last;
} ProgressState;

static gboolean
on_progress_idle_cb (gpointer data)
{
  ProgressData *progress = data;
  g_autoptr(ScRosterPage) self = g_weak_ref_get (&progress->page);
  g_autofree char *text = NULL;

  if (self == NULL || !self->generating)
    return G_SOURCE_REMOVE;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0, 1));
  text = g_strdup_printf (ngettext ("Best so far: %d rule broken, penalty %lld",
                                    "Best so far: %d rules broken, penalty %lld", progress->hard),
                          progress->hard, (long long) progress->objective);
  gtk_label_set_text (self->progress_label, text);
  return G_SOURCE_REMOVE;
}

static void
progress_data_free (gpointer data)
{
  ProgressData *progress = data;

  g_weak_ref_clear (&progress->page);
  g_free (progress);
}

/* From the solver's thread */
static void
on_solver_progress (int      hard,
                    gint64   objective,
                    double   fraction,
                    gpointer user_data)
{
  ProgressState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autoptr(GObject) page = NULL;
  ProgressData *progress;

  if (now - state->last < G_USEC_PER_SEC / 10 && fraction < 1)
    return;
  state->last = now;

  if ((page = g_weak_ref_get (&state->page)) == NULL)
    return;

  progress = g_new0 (ProgressData, 1);
  g_weak_ref_init (&progress->page, page);
  progress->hard = hard;
  progress->objective = objective;
  progress->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, on_progress_idle_cb, progress, progress_data_free);
}

typedef struct
{
  ScRosterPage     *self;
  ScRosterInput    *input;       /* kept alive while solving */
  ScRosterSolution *initial;
  ProgressState    *state;
  GArray           *locked;      /* int pairs: person, day */
  GArray           *kept_posts;  /* KeptPost: of locked shifts and chosen by hand */
} GenerateData;

typedef struct
{
  int      person;
  int      day;
  gint64   post_id;
  gboolean chosen;
} KeptPost;

static void
generate_data_free (GenerateData *data)
{
  g_object_unref (data->self);
  g_clear_pointer (&data->initial, sc_roster_solution_free);
  g_weak_ref_clear (&data->state->page);
  g_free (data->state);
  g_clear_pointer (&data->locked, g_array_unref);
  g_clear_pointer (&data->kept_posts, g_array_unref);
  g_free (data);
}

static void
finish_generating (ScRosterPage *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->generating = FALSE;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_actions (self);
}

static void
on_solve_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GenerateData *data = user_data;
  ScRosterPage *self = data->self;
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(ScRosterScore) score = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);
  gint64 roster_id = 0;

  solution = sc_roster_solve_finish (result, &error);
  g_clear_object (&self->cancellable);

  if (solution == NULL || cancelled || self->input != data->input || self->store == NULL)
    {
      finish_generating (self);
      if (error != NULL && !cancelled)
        show_error (self, error->message);
      generate_data_free (data);
      return;
    }

  score = sc_roster_score_compute (data->input->problem, solution, FALSE);
  summary = g_strdup_printf ("hard_violations=%d objective=%" G_GINT64_FORMAT,
                             score->hard_violations, score->objective);

  self->writing = TRUE;
  if (sc_store_begin (self->store, &error))
    {
      roster_id = sc_store_save_roster_solution (self->store, self->session, data->input, solution, summary,
                                                 &error);
      /* Locked shifts stay locked in the new draft, and with the posts
       * chosen by hand keep their posts */
      if (roster_id != 0 && (data->locked->len > 0 || data->kept_posts->len > 0))
        {
          g_autoptr(GArray) shifts = sc_store_get_roster_shifts (self->store, self->session, roster_id, FALSE,
                                                                 &error);

          for (guint i = 0; shifts != NULL && i < data->locked->len / 2 && roster_id != 0; i++)
            {
              int p = g_array_index (data->locked, int, i * 2);
              int d = g_array_index (data->locked, int, i * 2 + 1);
              g_autofree char *day = day_string (self, d);
              gint64 person_id = sc_roster_page_get_person_id (self, p);

              for (guint j = 0; j < shifts->len; j++)
                {
                  const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, j);

                  if (shift->person_id == person_id && g_strcmp0 (shift->day, day) == 0 &&
                      !sc_store_set_shift_locked (self->store, self->session, shift->id, TRUE, &error))
                    roster_id = 0;
                }
            }
          for (guint i = 0; shifts != NULL && i < data->kept_posts->len && roster_id != 0; i++)
            {
              const KeptPost *kept = &g_array_index (data->kept_posts, KeptPost, i);
              g_autofree char *day = day_string (self, kept->day);
              gint64 person_id = sc_roster_page_get_person_id (self, kept->person);

              for (guint j = 0; j < shifts->len; j++)
                {
                  const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, j);

                  if (shift->person_id == person_id && g_strcmp0 (shift->day, day) == 0 &&
                      !sc_store_set_shift_post (self->store, self->session, shift->id, kept->post_id, kept->chosen,
                                                &error))
                    roster_id = 0;
                }
            }
          if (shifts == NULL)
            roster_id = 0;

          /* The other shifts' posts around the kept ones */
          if (roster_id != 0 && data->kept_posts->len > 0 &&
              !sc_store_assign_roster_posts (self->store, self->session, data->input, roster_id, NULL, NULL, &error))
            roster_id = 0;
        }

      if (roster_id != 0)
        {
          if (!sc_store_commit (self->store, &error))
            roster_id = 0;
        }
      else
        sc_store_rollback (self->store);
    }
  self->writing = FALSE;

  finish_generating (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  load_roster (self);

  if (roster_id == 0)
    show_error (self, error ? error->message : _("The roster could not be saved"));

  generate_data_free (data);
}

/* Callbacks */

/* Until the solver has a first roster to report */
static gboolean
on_pulse_cb (gpointer data)
{
  ScRosterPage *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
on_store_changed_cb (ScRosterPage       *self,
                     const char * const *tables,
                     ScStore            *store)
{
  gboolean planning = FALSE;
  gboolean roster = FALSE;

  if (self->writing || self->generating)
    return;

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    {
      if (g_str_equal (tables[i], "shift") || g_str_equal (tables[i], "roster"))
        roster = TRUE;
      else if (!g_str_equal (tables[i], "audit_entry") && !g_str_equal (tables[i], "account"))
        planning = TRUE;
    }

  if (planning || (roster && !gtk_widget_get_mapped (GTK_WIDGET (self))))
    request_load (self);
  else if (roster)
    {
      g_ptr_array_set_size (self->undo_stack, 0);
      g_ptr_array_set_size (self->redo_stack, 0);
      load_roster (self);
    }
}

static void
on_period_apply_cb (ScRosterPage *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  static const int lengths[] = { 7, 14, 28 };
  guint selected = gtk_drop_down_get_selected (self->length_dropdown);

  gtk_popover_popdown (self->period_popover);
  sc_roster_page_set_period (self, day, lengths[MIN (selected, G_N_ELEMENTS (lengths) - 1)]);
}

static void
on_filter_selected_cb (ScRosterPage *self)
{
  if (!self->loading_filters)
    update_rows (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);

  gtk_popover_popdown (self->filter_popover);
  sc_roster_page_set_filters (self, -1, 0, NULL, 0);
}

static void
on_zoom_toggled_cb (ScRosterPage    *self,
                    GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  if (button == self->zoom_day_button)
    sc_roster_grid_set_zoom (self->grid, SC_ROSTER_ZOOM_DAY);
  else if (button == self->zoom_week_button)
    sc_roster_grid_set_zoom (self->grid, SC_ROSTER_ZOOM_WEEK);
  else
    sc_roster_grid_set_zoom (self->grid, SC_ROSTER_ZOOM_MONTH);
}

/* The zoom buttons follow the grid, whoever set its zoom */
static void
on_grid_zoom_changed_cb (ScRosterPage *self)
{
  switch (sc_roster_grid_get_zoom (self->grid))
    {
    case SC_ROSTER_ZOOM_DAY:
      gtk_toggle_button_set_active (self->zoom_day_button, TRUE);
      break;
    case SC_ROSTER_ZOOM_WEEK:
      gtk_toggle_button_set_active (self->zoom_week_button, TRUE);
      break;
    case SC_ROSTER_ZOOM_MONTH:
    default:
      gtk_toggle_button_set_active (self->zoom_month_button, TRUE);
      break;
    }
}

static gboolean
on_grid_move_shift_cb (ScRosterPage *self,
                       int           from_person,
                       int           from_day,
                       int           to_person,
                       int           to_day)
{
  MoveData move = { from_person, from_day, to_person, to_day };

  if (self->cell_ids == NULL || self->cell_ids[from_person * self->n_days + from_day] == 0)
    return FALSE;

  return run_edit (self, from_person, from_day, to_person, to_day, do_move, &move);
}

static void
on_grid_toggle_lock_cb (ScRosterPage *self,
                        int           person,
                        int           day)
{
  gsize cell = (gsize) person * self->n_days + day;

  if (self->cell_ids == NULL || self->cell_ids[cell] == 0)
    return;

  run_edit (self, person, day, -1, -1, do_toggle_lock, GSIZE_TO_POINTER (cell));
}

static void
on_grid_remove_shift_cb (ScRosterPage *self,
                         int           person,
                         int           day)
{
  gsize cell = (gsize) person * self->n_days + day;

  if (self->cell_ids == NULL || self->cell_ids[cell] == 0)
    return;

  run_edit (self, person, day, -1, -1, do_remove, GSIZE_TO_POINTER (cell));
}

static GMenuModel *
build_cell_menu (ScRosterPage *self,
                 int           person,
                 int           day)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) types = g_menu_new ();
  g_autoptr(GMenu) actions = g_menu_new ();
  gsize cell = (gsize) person * self->n_days + day;
  gboolean has_shift = self->cell_ids[cell] != 0;

  for (guint i = 0; i < self->types->len; i++)
    {
      ScShiftType *type = g_ptr_array_index (self->types, i);
      g_autofree char *start = format_clock (sc_shift_type_get_start_minute (type));
      g_autofree char *end = format_clock (sc_shift_type_get_start_minute (type) +
                                           sc_shift_type_get_length_minutes (type));
      /* Translators: a menu item: shift type code, name and hours */
      g_autofree char *label = g_strdup_printf (_("%s · %s %s–%s"), sc_shift_type_get_code (type),
                                                sc_shift_type_get_name (type), start, end);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      if (self->cell_types[cell] == sc_shift_type_get_id (type))
        continue;
      g_menu_item_set_action_and_target_value (item, "roster.set-type",
                                               g_variant_new_int64 (sc_shift_type_get_id (type)));
      g_menu_append_item (types, item);
    }

  if (has_shift)
    {
      g_autoptr(GMenu) post = g_menu_new ();
      g_autoptr(GMenuItem) chooser = g_menu_item_new (NULL, NULL);

      g_menu_append (actions, self->cell_locked[cell] ? _("_Unlock Shift") : _("_Lock Shift"),
                     "roster.toggle-lock");
      g_menu_append (actions, _("_Remove Shift"), "roster.remove");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (actions));
      /* The post drop-down (build_post_chooser()) */
      g_menu_item_set_attribute (chooser, "custom", "s", "post");
      g_menu_append_item (post, chooser);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (post));
      g_menu_append_section (menu, _("Change To"), G_MENU_MODEL (types));
    }
  else
    g_menu_append_section (menu, _("Add Shift"), G_MENU_MODEL (types));

  return G_MENU_MODEL (menu);
}

static void
on_menu_post_selected_cb (ScRosterPage *self,
                          GParamSpec   *pspec,
                          GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (dropdown != self->menu_post_dropdown || selected >= self->menu_post_ids->len)
    return;

  if (self->cell_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->cell_menu));
  gtk_widget_activate_action (GTK_WIDGET (self), "roster.set-post", "x",
                              g_array_index (self->menu_post_ids, gint64, selected));
}

/* The post drop-down of a shift's menu: none, then the skills the person
 * holds, channels first; the shift's own post too if they no longer hold it */
static GtkWidget *
build_post_chooser (ScRosterPage *self,
                    int           person,
                    int           day)
{
  g_autoptr(GPtrArray) skills = sc_store_get_skills (self->store, NULL);
  g_autoptr(GPtrArray) person_skills = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gsize cell = (gsize) person * self->n_days + day;
  gint64 current = self->cell_posts[cell];
  guint selected = 0;
  GtkWidget *box, *label, *dropdown;

  person_skills = sc_store_get_person_skills (self->store, self->session, sc_roster_page_get_person_id (self, person),
                                              NULL);

  g_array_set_size (self->menu_post_ids, 1);
  g_array_index (self->menu_post_ids, gint64, 0) = 0;
  gtk_string_list_append (names, C_("post", "None"));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; skills != NULL && i < skills->len; i++)
      {
        ScSkill *skill = g_ptr_array_index (skills, i);
        gint64 id = sc_skill_get_id (skill);
        gboolean channel = sc_skill_get_category (skill) == SC_SKILL_CATEGORY_CHANNEL;

        if (channel != (pass == 0) || (id != current && !person_holds (self, person, id, person_skills)))
          continue;
        if (id == current)
          selected = self->menu_post_ids->len;
        g_array_append_val (self->menu_post_ids, id);
        gtk_string_list_append (names, sc_skill_get_name (skill));
      }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  label = gtk_label_new_with_mnemonic (C_("shift post", "_Post"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_widget_set_tooltip_text (dropdown, _("The channel this shift is worked on; a post chosen here is kept when the roster is generated again"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);

  g_set_weak_pointer (&self->menu_post_dropdown, GTK_DROP_DOWN (dropdown));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_menu_post_selected_cb), self,
                           G_CONNECT_SWAPPED);
  return box;
}

static void
on_grid_context_menu_cb (ScRosterPage *self,
                         int           person,
                         int           day,
                         double        x,
                         double        y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (!self->editable || self->roster == NULL || self->generating)
    return;

  self->menu_person = person;
  self->menu_day = day;
  model = build_cell_menu (self, person, day);

  if (self->cell_menu == NULL)
    {
      self->cell_menu = gtk_popover_menu_new_from_model (model);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->cell_menu), FALSE);
      gtk_widget_set_halign (self->cell_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->cell_menu, GTK_WIDGET (self->grid));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->cell_menu), model);

  g_clear_weak_pointer (&self->menu_post_dropdown);
  if (self->cell_ids[(gsize) person * self->n_days + day] != 0)
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (self->cell_menu), build_post_chooser (self, person, day), "post");

  gtk_popover_set_pointing_to (GTK_POPOVER (self->cell_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->cell_menu));
}

static void
on_grid_activate_cell_cb (ScRosterPage *self,
                          int           person,
                          int           day)
{
  GdkRectangle area;

  if (sc_roster_grid_get_cell_area (self->grid, person, day, &area))
    on_grid_context_menu_cb (self, person, day, area.x + area.width / 2.0, area.y + area.height);
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  sc_roster_page_undo (SC_ROSTER_PAGE (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  sc_roster_page_redo (SC_ROSTER_PAGE (widget));
}

static void
generate_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  sc_roster_page_generate (SC_ROSTER_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print_roster (SC_ROSTER_PAGE (widget));
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  save_pdf (SC_ROSTER_PAGE (widget));
}

static void
publish_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  publish_roster (SC_ROSTER_PAGE (widget));
}

static void
toggle_lock_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);

  on_grid_toggle_lock_cb (self, self->menu_person, self->menu_day);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);

  on_grid_remove_shift_cb (self, self->menu_person, self->menu_day);
}

static void
set_type_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);
  SetTypeData set = { self->menu_person, self->menu_day, g_variant_get_int64 (parameter) };

  if (self->cell_ids == NULL || set.p < 0 || set.d < 0)
    return;

  run_edit (self, set.p, set.d, -1, -1, do_set_type, &set);
}

static void
set_post_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);
  SetPostData set = { self->menu_person, self->menu_day, g_variant_get_int64 (parameter) };

  if (self->cell_ids == NULL || set.p < 0 || set.d < 0 || self->cell_ids[set.p * self->n_days + set.d] == 0)
    return;

  run_edit (self, set.p, set.d, -1, -1, do_set_post, &set);
}

/* Overrides */

static void
sc_roster_page_map (GtkWidget *widget)
{
  ScRosterPage *self = SC_ROSTER_PAGE (widget);

  GTK_WIDGET_CLASS (sc_roster_page_parent_class)->map (widget);

  if (self->needs_load && !self->generating)
    request_load (self);
}

static void
sc_roster_page_dispose (GObject *object)
{
  ScRosterPage *self = SC_ROSTER_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_weak_pointer (&self->menu_post_dropdown);
  g_clear_pointer (&self->cell_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_ROSTER_PAGE);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (sc_roster_page_parent_class)->dispose (object);
}

static void
sc_roster_page_finalize (GObject *object)
{
  ScRosterPage *self = SC_ROSTER_PAGE (object);

  clear_roster (self);
  g_clear_pointer (&self->input, sc_roster_input_free);
  g_clear_pointer (&self->types, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_hash_table_unref);
  g_clear_pointer (&self->channel_names, g_ptr_array_unref);
  g_clear_pointer (&self->skill_names, g_hash_table_unref);
  g_clear_pointer (&self->menu_post_ids, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_cells, g_array_unref);
  g_clear_pointer (&self->crews, g_strfreev);
  g_clear_pointer (&self->post_ids, g_array_unref);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_free (self->type_to_problem);
  g_free (self->problem_to_type);
  g_free (self->first_day);

  G_OBJECT_CLASS (sc_roster_page_parent_class)->finalize (object);
}

static void
sc_roster_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ScRosterPage *self = SC_ROSTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_roster_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ScRosterPage *self = SC_ROSTER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sc_roster_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SESSION:
      sc_roster_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_roster_page_class_init (ScRosterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_roster_page_dispose;
  object_class->finalize = sc_roster_page_finalize;
  object_class->get_property = sc_roster_page_get_property;
  object_class->set_property = sc_roster_page_set_property;

  widget_class->map = sc_roster_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SC_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SC_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_ROSTER_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sc-roster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, period_content);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, period_popover);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, length_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, filter_count_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, skill_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, crew_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, post_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, filter_note_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, zoom_day_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, zoom_week_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, zoom_month_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, empty_generate_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, grid);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, problems_title);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, publish_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, ScRosterPage, edit_box);
  gtk_widget_class_bind_template_callback (widget_class, on_period_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_move_shift_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_toggle_lock_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_remove_shift_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_context_menu_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_activated_cb);

  gtk_widget_class_install_action (widget_class, "roster.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "roster.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "roster.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "roster.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "roster.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "roster.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "roster.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "roster.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "roster.toggle-lock", NULL, toggle_lock_action);
  gtk_widget_class_install_action (widget_class, "roster.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "roster.set-type", "x", set_type_action);
  gtk_widget_class_install_action (widget_class, "roster.set-post", "x", set_post_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "roster.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "roster.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "roster.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "roster.generate", NULL);
}

static void
sc_roster_page_init (ScRosterPage *self)
{
  g_autofree char *legend = NULL;

  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->channel_names = g_ptr_array_new_with_free_func (g_free);
  self->skill_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->menu_post_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->problem_cells = g_array_new (FALSE, FALSE, sizeof (int));
  self->post_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->undo_stack = g_ptr_array_new_with_free_func (edit_free);
  self->redo_stack = g_ptr_array_new_with_free_func (edit_free);
  self->time_limit = DEFAULT_TIME_LIMIT;
  self->menu_person = self->menu_day = -1;
  self->n_days = 28;

  self->loading_filters = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading_filters = FALSE;
  gtk_stack_set_visible_child_name (self->grid_stack, "grid");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.clear-filters", FALSE);
  g_signal_connect_object (self->grid, "notify::zoom", G_CALLBACK (on_grid_zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);

  sc_roster_grid_set_describe_func (self->grid, describe_cell, self);

  legend = g_strdup_printf ("<span foreground=\"#e01b24\">■</span> %s   <span foreground=\"#1a5fb4\">■</span> %s\n"
                            "<span foreground=\"#e01b24\">●</span> %s   <span foreground=\"#e5a50a\">●</span> %s   "
                            "<span foreground=\"#9a9996\">■</span> %s\n<span foreground=\"#3584e4\">▬</span> %s\n%s\n%s",
                            _("short of people"), _("more than needed"), _("rule broken"), _("wish not met"),
                            _("time off"), _("changed since it was published"),
                            _("The cover under the grid is the whole team’s, whatever the filters show."),
                            _("Drag a shift to move or swap it; right-click or Space to lock it."));
  gtk_label_set_markup (self->legend_label, legend);

  update_actions (self);
}

/* Public API */

GtkWidget *
sc_roster_page_new (void)
{
  return g_object_new (SC_TYPE_ROSTER_PAGE, NULL);
}

void
sc_roster_page_set_store (ScRosterPage *self,
                          ScStore      *store)
{
  g_return_if_fail (SC_IS_ROSTER_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  setup (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
sc_roster_page_set_session (ScRosterPage *self,
                            ScSession    *session)
{
  g_return_if_fail (SC_IS_ROSTER_PAGE (self));

  if (g_set_object (&self->session, session))
    {
      setup (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
}

/**
 * sc_roster_page_set_period:
 * @first_day: YYYY-MM-DD
 * @n_days: 1 to 92
 */
void
sc_roster_page_set_period (ScRosterPage *self,
                           const char   *first_day,
                           int           n_days)
{
  g_return_if_fail (SC_IS_ROSTER_PAGE (self));
  g_return_if_fail (sc_day_is_valid (first_day));

  if (self->generating)
    return;

  g_free (self->first_day);
  self->first_day = g_strdup (first_day);
  self->n_days = CLAMP (n_days, 1, 92);
  update_period_label (self);
  request_load (self);
}

const char *
sc_roster_page_get_first_day (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);
  return self->first_day;
}

/**
 * sc_roster_page_set_time_limit:
 *
 * How long Generate searches (20 s unless set).
 */
void
sc_roster_page_set_time_limit (ScRosterPage *self,
                               double        seconds)
{
  g_return_if_fail (SC_IS_ROSTER_PAGE (self));
  self->time_limit = seconds > 0 ? seconds : DEFAULT_TIME_LIMIT;
}

/**
 * sc_roster_page_generate:
 *
 * Starts the solver in a thread from the roster shown, its locked shifts
 * imposed; the result is saved as a new draft.
 */
void
sc_roster_page_generate (ScRosterPage *self)
{
  ScRosterSolverOptions options;
  GenerateData *data;

  g_return_if_fail (SC_IS_ROSTER_PAGE (self));

  if (self->generating || self->input == NULL || !self->editable)
    return;

  data = g_new0 (GenerateData, 1);
  data->self = g_object_ref (self);
  data->input = self->input;
  data->state = g_new0 (ProgressState, 1);
  g_weak_ref_init (&data->state->page, self);
  data->locked = g_array_new (FALSE, FALSE, sizeof (int));
  data->kept_posts = g_array_new (FALSE, FALSE, sizeof (KeptPost));

  if (self->solution != NULL)
    {
      data->initial = sc_roster_solution_copy (self->solution);
      for (int p = 0; p < self->solution->n_people; p++)
        {
          g_autoptr(GPtrArray) person_skills = NULL;

          for (int d = 0; d < self->n_days; d++)
            {
              gsize cell = (gsize) p * self->n_days + d;
              KeptPost kept = { p, d, self->cell_posts[cell], self->cell_post_chosen[cell] };

              if (self->cell_locked[cell])
                {
                  g_array_append_val (data->locked, p);
                  g_array_append_val (data->locked, d);
                }

              /* Only a post the person still holds can be kept */
              if (self->cell_ids[cell] == 0 || !(self->cell_locked[cell] || self->cell_post_chosen[cell]))
                continue;
              if (kept.post_id != 0 && person_skills == NULL)
                person_skills = sc_store_get_person_skills (self->store, self->session,
                                                            sc_roster_page_get_person_id (self, p), NULL);
              if (kept.post_id == 0 || person_holds (self, p, kept.post_id, person_skills))
                g_array_append_val (data->kept_posts, kept);
            }
        }
    }
  else
    {
      /* A new roster has nothing locked */
      for (int p = 0; p < self->input->problem->n_people; p++)
        for (int d = 0; d < self->n_days; d++)
          sc_roster_problem_lock (self->input->problem, p, d, SC_ROSTER_UNLOCKED);
    }

  sc_roster_solver_options_init (&options);
  options.seed = 1;
  options.time_limit = self->time_limit;
  options.n_threads = sc_roster_solver_threads ();
  options.progress = on_solver_progress;
  options.progress_data = data->state;

  self->generating = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Building a first roster…"));
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->pulse_id = g_timeout_add (150, on_pulse_cb, self);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  update_actions (self);

  sc_roster_solve_async (self->input->problem, data->initial, &options, self->cancellable, on_solve_done_cb, data);
}

gboolean
sc_roster_page_get_generating (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), FALSE);
  return self->generating;
}

/**
 * sc_roster_page_get_roster_id:
 * Returns: the id of the roster shown, or 0
 */
gint64
sc_roster_page_get_roster_id (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), 0);
  return self->roster ? self->roster->id : 0;
}

/**
 * sc_roster_page_get_grid:
 * Returns: (transfer none): the #ScRosterGrid
 */
GtkWidget *
sc_roster_page_get_grid (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);
  return GTK_WIDGET (self->grid);
}

/**
 * sc_roster_page_get_score:
 * Returns: (nullable): the score of the roster shown, with its violations
 */
const ScRosterScore *
sc_roster_page_get_score (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);
  return self->score;
}

/**
 * sc_roster_page_find_person:
 * Returns: the grid's person index of @person_id, or -1
 */
int
sc_roster_page_find_person (ScRosterPage *self,
                            gint64        person_id)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), -1);

  for (guint i = 0; self->input && i < self->input->person_ids->len; i++)
    if (g_array_index (self->input->person_ids, gint64, i) == person_id)
      return (int) i;
  return -1;
}

gint64
sc_roster_page_get_person_id (ScRosterPage *self,
                              int           person)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), 0);

  if (self->input == NULL || person < 0 || (guint) person >= self->input->person_ids->len)
    return 0;
  return g_array_index (self->input->person_ids, gint64, person);
}

/**
 * sc_roster_page_get_shift_type_id:
 * @type: a shift type index of the roster problem
 */
gint64
sc_roster_page_get_shift_type_id (ScRosterPage *self,
                                  int           type)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), 0);

  if (self->input == NULL || type < 0 || (guint) type >= self->input->shift_type_ids->len)
    return 0;
  return g_array_index (self->input->shift_type_ids, gint64, type);
}

/**
 * sc_roster_page_get_n_problems:
 * Returns: how many rows the side list of broken rules and wishes has
 */
guint
sc_roster_page_get_n_problems (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), 0);
  return self->problems->len;
}

/**
 * sc_roster_page_get_problem_text:
 * Returns: (transfer full) (nullable): the text of a row of the side list
 */
char *
sc_roster_page_get_problem_text (ScRosterPage *self,
                                 guint         index)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);

  if (index >= self->problems->len)
    return NULL;
  return g_strdup (g_ptr_array_index (self->problems, index));
}

gboolean
sc_roster_page_undo (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), FALSE);
  return replay (self, self->undo_stack, self->redo_stack, TRUE);
}

gboolean
sc_roster_page_redo (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), FALSE);
  return replay (self, self->redo_stack, self->undo_stack, FALSE);
}

/**
 * sc_roster_page_get_n_changed:
 *
 * Returns: how many cells are marked as changed since the last published
 *   version
 */
guint
sc_roster_page_get_n_changed (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), 0);
  return self->n_changed;
}

/**
 * sc_roster_page_set_filters:
 * @role: an #ScRole, or -1 for every role
 * @skill_id: a skill held, or 0 for any
 * @crew: (nullable): a group of the team, or %NULL or "" for all
 * @post_id: a skill that shifts of the period are worked on, or 0 for any
 *
 * Sets the four filter controls, as a person would: a choice that is not
 * among the control's (a group no one is in, a post no shift is on) is
 * left unset. Only the people who match every filter set are shown.
 */
void
sc_roster_page_set_filters (ScRosterPage *self,
                            int           role,
                            gint64        skill_id,
                            const char   *crew,
                            gint64        post_id)
{
  guint skill = 0, crew_index = 0, post = 0;

  g_return_if_fail (SC_IS_ROSTER_PAGE (self));

  for (guint i = 0; skill_id != 0 && self->input != NULL && i < self->input->skill_ids->len; i++)
    if (g_array_index (self->input->skill_ids, gint64, i) == skill_id)
      skill = i + 1;
  for (guint i = 0; crew != NULL && *crew != '\0' && self->crews != NULL && self->crews[i] != NULL; i++)
    if (g_str_equal (self->crews[i], crew))
      crew_index = i + 1;
  for (guint i = 0; post_id != 0 && i < self->post_ids->len; i++)
    if (g_array_index (self->post_ids, gint64, i) == post_id)
      post = i + 1;

  self->loading_filters = TRUE;
  gtk_drop_down_set_selected (self->role_dropdown, role >= 0 && role < SC_N_ROLES ? (guint) role + 1 : 0);
  gtk_drop_down_set_selected (self->skill_dropdown, skill);
  gtk_drop_down_set_selected (self->crew_dropdown, crew_index);
  gtk_drop_down_set_selected (self->post_dropdown, post);
  self->loading_filters = FALSE;
  update_rows (self);
}

/**
 * sc_roster_page_set_filter:
 * @role: an #ScRole, or -1 for everyone
 * @skill_id: a skill, or 0 for any
 *
 * Shows only the people in @role who hold the skill, whatever their group
 * and post: sc_roster_page_set_filters() with neither.
 */
void
sc_roster_page_set_filter (ScRosterPage *self,
                           int           role,
                           gint64        skill_id)
{
  sc_roster_page_set_filters (self, role, skill_id, NULL, 0);
}

/**
 * sc_roster_page_get_problem_person:
 * @index: a problem as listed, from 0
 *
 * Returns: the person (an index of the grid's people) the listed problem
 *   is about, or -1
 */
int
sc_roster_page_get_problem_person (ScRosterPage *self,
                                   guint         index)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), -1);

  if (index >= self->problem_cells->len / 2)
    return -1;
  return g_array_index (self->problem_cells, int, index * 2);
}

/**
 * sc_roster_page_get_post_ids:
 *
 * Returns: (transfer none) (element-type gint64): the posts the post filter
 *   offers, in its order after “Any Post”
 */
GArray *
sc_roster_page_get_post_ids (ScRosterPage *self)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);
  return self->post_ids;
}

/**
 * sc_roster_page_describe_cell:
 *
 * Returns: (transfer full) (nullable): what the cell's tooltip and
 *   screen readers say of it: person, day, shift, post, lock, problems
 */
char *
sc_roster_page_describe_cell (ScRosterPage *self,
                              int           person,
                              int           day)
{
  g_return_val_if_fail (SC_IS_ROSTER_PAGE (self), NULL);
  return describe_cell (person, day, self);
}
