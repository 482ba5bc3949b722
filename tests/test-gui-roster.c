/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-gui-test-util.h"
#include "sc-day.h"
#include "sc-roster-input.h"
#include "roster/sc-roster-grid.h"
#include "roster/sc-roster-page.h"

/*
 * The roster page on the sample team: the empty state, Generate with its
 * progress, a shift dropped where it breaks the rest rule (the same call
 * a drag ends in), the broken rule on the chip and in the side list, undo
 * and redo, locking, what trainers and agents see, the role and skill
 * filters, and a night shift drawn past midnight at every zoom;
 * screenshots in English and Chinese.
 */

static ScRosterPage *
get_roster_page (Fixture *fixture)
{
  GtkWidget *page = sc_window_get_page (fixture->window, "roster");

  g_assert_true (SC_IS_ROSTER_PAGE (page));
  return SC_ROSTER_PAGE (page);
}

static void
show_roster_page (Fixture *fixture)
{
  sc_window_set_visible_page (fixture->window, "roster");
  iterate_for (200);
  g_assert_cmpstr (sc_window_get_visible_page (fixture->window), ==, "roster");
}

static void
generate (ScRosterPage *page)
{
  gint64 deadline;

  sc_roster_page_set_time_limit (page, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.generate", NULL));
  g_assert_true (sc_roster_page_get_generating (page));

  /* The progress shows while the solver runs */
  iterate_for (300);
  g_assert_true (gtk_revealer_get_reveal_child (get_child (page, SC_TYPE_ROSTER_PAGE, "progress_revealer")));

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (sc_roster_page_get_generating (page) && g_get_monotonic_time () < deadline)
    iterate_for (50);
  g_assert_false (sc_roster_page_get_generating (page));
  iterate_for (200);
}

static int
count_rule (const ScRosterScore *score,
            ScRosterRule         rule,
            int                  person,
            int                  day)
{
  int n = 0;

  for (guint i = 0; i < score->violations->len; i++)
    {
      const ScRosterViolation *v = &g_array_index (score->violations, ScRosterViolation, i);

      if (v->rule == rule && v->person == person && v->day == day)
        n++;
    }
  return n;
}

/* Someone (a) who works on day d and is off on d + 1, and someone else
 * (b) whose shift on d + 1 may not follow a's shift */
static gboolean
find_rest_breaking_move (ScRosterPage *page,
                         ScStore      *store,
                         ScSession    *session,
                         int          *a,
                         int          *b,
                         int          *day)
{
  ScRosterGrid *grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) types = sc_store_get_shift_types (store, NULL);
  const char *first_day = sc_roster_page_get_first_day (page);
  int n_people, n_types;

  input = sc_store_build_roster_input (store, session, first_day, 28, &error);
  g_assert_no_error (error);
  n_people = input->problem->n_people;
  n_types = input->problem->n_shift_types;

  /* The grid's cells hold indexes into the store's shift types */
  for (int d = 0; d + 1 < 28; d++)
    for (int p = 0; p < n_people; p++)
      {
        int tp = sc_roster_grid_get_cell (grid, p, d, NULL);
        guint flags = 0;

        if (tp < 0 || sc_roster_grid_get_cell (grid, p, d + 1, &flags) >= 0 ||
            (flags & SC_ROSTER_CELL_UNAVAILABLE))
          continue;

        for (int q = 0; q < n_people; q++)
          {
            int tq = sc_roster_grid_get_cell (grid, q, d + 1, NULL);
            int t = -1, u = -1;

            if (q == p || tq < 0)
              continue;

            for (int k = 0; k < n_types; k++)
              {
                gint64 id = g_array_index (input->shift_type_ids, gint64, k);

                if (id == sc_shift_type_get_id (g_ptr_array_index (types, tp)))
                  t = k;
                if (id == sc_shift_type_get_id (g_ptr_array_index (types, tq)))
                  u = k;
              }

            if (t >= 0 && u >= 0 && sc_roster_problem_is_forbidden (input->problem, t, u))
              {
                *a = p;
                *b = q;
                *day = d;
                return TRUE;
              }
          }
      }

  return FALSE;
}

static gboolean
store_has_shift (Fixture      *fixture,
                 ScRosterPage *page,
                 int           person,
                 int           day)
{
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = sc_day_parse (sc_roster_page_get_first_day (page));
  g_autoptr(GDateTime) date = g_date_time_add_days (first, day);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  gint64 person_id = sc_roster_page_get_person_id (page, person);

  shifts = sc_store_get_roster_shifts (fixture->store, fixture->session, sc_roster_page_get_roster_id (page),
                                       FALSE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);

      if (shift->person_id == person_id && g_str_equal (shift->day, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
problems_mention (ScRosterPage *page,
                  const char   *name)
{
  for (guint i = 0; i < sc_roster_page_get_n_problems (page); i++)
    {
      g_autofree char *text = sc_roster_page_get_problem_text (page, i);

      if (strstr (text, name) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Tests */

static void
test_roster_empty (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  GtkStack *stack;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  show_roster_page (&fixture);

  stack = get_child (page, SC_TYPE_ROSTER_PAGE, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpint (sc_roster_page_get_roster_id (page), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (get_child (page, SC_TYPE_ROSTER_PAGE, "empty_generate_button")));

  save_screenshot (fixture.window, "roster-empty");
  fixture_tear_down (&fixture);
}

static void
test_roster_edit (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  ScRosterGrid *grid;
  const ScRosterScore *score;
  g_autoptr(ScPerson) person_a = NULL;
  g_autoptr(GError) error = NULL;
  int a = -1, b = -1, d = -1, hard_before;
  int type_b;
  guint flags = 0;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  show_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));

  generate (page);
  g_assert_cmpint (sc_roster_page_get_roster_id (page), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_ROSTER_PAGE, "stack")), ==,
                   "roster");
  g_assert_cmpuint (sc_store_count_roster_shifts (fixture.store, fixture.session,
                                                  sc_roster_page_get_roster_id (page), 0, NULL), >, 0);
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), >, 0);

  /* Only the rows in view are drawn */
  {
    int first = -1, last = -1;

    sc_roster_grid_get_drawn_rows (grid, &first, &last);
    g_assert_cmpint (first, ==, 0);
    g_assert_cmpint (last, >, 0);
    g_assert_cmpint (last, <, (int) sc_roster_grid_get_n_rows (grid) - 1);
  }

  save_screenshot (fixture.window, "roster");

  score = sc_roster_page_get_score (page);
  g_assert_nonnull (score);
  hard_before = score->hard_violations;

  /* Drop b's shift of day d + 1 on a, who worked day d: too little rest */
  g_assert_true (find_rest_breaking_move (page, fixture.store, fixture.session, &a, &b, &d));
  type_b = sc_roster_grid_get_cell (grid, b, d + 1, NULL);
  g_assert_cmpint (count_rule (score, SC_ROSTER_RULE_SUCCESSION, a, d + 1), ==, 0);

  g_assert_true (sc_roster_grid_drop (grid, b, d + 1, a, d + 1));
  iterate_for (100);

  score = sc_roster_page_get_score (page);
  g_assert_cmpint (count_rule (score, SC_ROSTER_RULE_SUCCESSION, a, d + 1), ==, 1);
  g_assert_cmpint (score->hard_violations, >, hard_before);
  g_assert_true (store_has_shift (&fixture, page, a, d + 1));
  g_assert_false (store_has_shift (&fixture, page, b, d + 1));
  g_assert_cmpint (sc_roster_grid_get_cell (grid, a, d + 1, &flags), ==, type_b);
  g_assert_true (flags & SC_ROSTER_CELL_BROKEN);

  /* The side list says who and why */
  person_a = sc_store_get_person (fixture.store, fixture.session, sc_roster_page_get_person_id (page, a), &error);
  g_assert_no_error (error);
  g_assert_true (problems_mention (page, sc_person_get_name (person_a)));

  sc_roster_grid_set_focus_cell (grid, a, d + 1);
  gtk_widget_grab_focus (GTK_WIDGET (grid));
  save_screenshot (fixture.window, "roster-violation");

  /* Undo puts the shift back; redo moves it again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.undo", NULL));
  iterate_for (100);
  score = sc_roster_page_get_score (page);
  g_assert_cmpint (count_rule (score, SC_ROSTER_RULE_SUCCESSION, a, d + 1), ==, 0);
  g_assert_cmpint (score->hard_violations, ==, hard_before);
  g_assert_false (store_has_shift (&fixture, page, a, d + 1));
  g_assert_true (store_has_shift (&fixture, page, b, d + 1));
  g_assert_cmpint (sc_roster_grid_get_cell (grid, b, d + 1, NULL), ==, type_b);

  g_assert_true (sc_roster_page_redo (page));
  score = sc_roster_page_get_score (page);
  g_assert_cmpint (count_rule (score, SC_ROSTER_RULE_SUCCESSION, a, d + 1), ==, 1);
  g_assert_true (sc_roster_page_undo (page));
  g_assert_cmpint (sc_roster_page_get_score (page)->hard_violations, ==, hard_before);
  g_assert_false (sc_roster_page_undo (page));

  /* Locking from the keyboard's key, and its undo */
  g_signal_emit_by_name (grid, "toggle-lock", b, d + 1);
  g_assert_cmpint (sc_roster_grid_get_cell (grid, b, d + 1, &flags), ==, type_b);
  g_assert_true (flags & SC_ROSTER_CELL_LOCKED);
  g_assert_true (sc_roster_page_undo (page));
  sc_roster_grid_get_cell (grid, b, d + 1, &flags);
  g_assert_false (flags & SC_ROSTER_CELL_LOCKED);

  /* Enter on a cell opens its menu; picking a type changes the shift */
  {
    g_autoptr(GPtrArray) types = sc_store_get_shift_types (fixture.store, NULL);
    GtkWidget *menu = NULL;
    int other = (type_b + 1) % (int) types->len;

    sc_roster_grid_set_focus_cell (grid, b, d + 1);
    g_signal_emit_by_name (grid, "activate-cell", b, d + 1);
    iterate_for (200);
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        menu = child;
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    save_screenshot (menu, "roster-menu");
    gtk_popover_popdown (GTK_POPOVER (menu));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.set-type", "x",
                                               sc_shift_type_get_id (g_ptr_array_index (types, other))));
    g_assert_cmpint (sc_roster_grid_get_cell (grid, b, d + 1, NULL), ==, other);
    g_assert_true (sc_roster_page_undo (page));
    g_assert_cmpint (sc_roster_grid_get_cell (grid, b, d + 1, NULL), ==, type_b);
  }

  /* The week zoom shows the shift times */
  gtk_toggle_button_set_active (get_child (page, SC_TYPE_ROSTER_PAGE, "zoom_week_button"), TRUE);
  g_assert_cmpint (sc_roster_grid_get_zoom (grid), ==, SC_ROSTER_ZOOM_WEEK);
  save_screenshot (fixture.window, "roster-week");

  /* The day zoom draws shifts at their hours */
  gtk_toggle_button_set_active (get_child (page, SC_TYPE_ROSTER_PAGE, "zoom_day_button"), TRUE);
  g_assert_cmpint (sc_roster_grid_get_zoom (grid), ==, SC_ROSTER_ZOOM_DAY);
  save_screenshot (fixture.window, "roster-day");

  /* Dark style: the chips keep their colours, the rest follows */
  gtk_toggle_button_set_active (get_child (page, SC_TYPE_ROSTER_PAGE, "zoom_month_button"), TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (fixture.window, "roster-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* The skill filter shows fewer people */
  {
    guint all = sc_roster_grid_get_n_rows (grid);
    GtkDropDown *skills = get_child (page, SC_TYPE_ROSTER_PAGE, "skill_dropdown");

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (skills)), >, 1);
    gtk_drop_down_set_selected (skills, 3);
    g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), >, 0);
    g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), <, all);
    gtk_drop_down_set_selected (skills, 0);
    g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, all);
  }

  fixture_tear_down (&fixture);
}

static void
test_roster_regenerate_keeps_locks (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  ScRosterGrid *grid;
  gint64 first_roster;
  int person = -1, day = -1, type = -1;
  guint flags = 0;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  show_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));

  generate (page);
  first_roster = sc_roster_page_get_roster_id (page);

  for (int p = 0; p < 5 && person < 0; p++)
    for (int d = 0; d < 7 && person < 0; d++)
      if ((type = sc_roster_grid_get_cell (grid, p, d, NULL)) >= 0)
        {
          person = p;
          day = d;
        }
  g_assert_cmpint (person, >=, 0);

  g_signal_emit_by_name (grid, "toggle-lock", person, day);
  generate (page);

  g_assert_cmpint (sc_roster_page_get_roster_id (page), >, first_roster);
  g_assert_cmpint (sc_roster_grid_get_cell (grid, person, day, &flags), ==, type);
  g_assert_true (flags & SC_ROSTER_CELL_LOCKED);

  fixture_tear_down (&fixture);
}

static void
test_roster_cancel (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  g_autoptr(GPtrArray) rosters = NULL;
  gint64 deadline;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  show_roster_page (&fixture);

  sc_roster_page_set_time_limit (page, 60);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.generate", NULL));
  g_assert_true (sc_roster_page_get_generating (page));

  /* The solver reports its best roster so far */
  {
    GtkProgressBar *bar = get_child (page, SC_TYPE_ROSTER_PAGE, "progress_bar");
    GtkLabel *label = get_child (page, SC_TYPE_ROSTER_PAGE, "progress_label");
    g_autofree char *building = g_strdup (gtk_label_get_text (label));

    deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    while (g_str_equal (gtk_label_get_text (label), building) && g_get_monotonic_time () < deadline)
      iterate_for (50);
    g_assert_cmpstr (gtk_label_get_text (label), !=, building);
    g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0);
    g_assert_true (sc_roster_page_get_generating (page));
  }
  save_screenshot (fixture.window, "roster-generating");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.cancel", NULL));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (sc_roster_page_get_generating (page) && g_get_monotonic_time () < deadline)
    iterate_for (50);
  g_assert_false (sc_roster_page_get_generating (page));

  /* Cancelled: nothing saved */
  rosters = sc_store_get_rosters (fixture.store, fixture.session, NULL);
  g_assert_cmpuint (rosters->len, ==, 0);
  g_assert_cmpint (sc_roster_page_get_roster_id (page), ==, 0);

  fixture_tear_down (&fixture);
}

static void
test_roster_roles (void)
{
  Fixture trainer = { 0 };
  Fixture agent = { 0 };
  ScRosterPage *page;

  fixture_set_up (&trainer, TRUE, SC_ACCOUNT_ROLE_TRAINER);
  page = get_roster_page (&trainer);
  g_assert_false (gtk_widget_is_visible (get_child (page, SC_TYPE_ROSTER_PAGE, "publish_button")));
  g_assert_false (gtk_widget_is_visible (get_child (page, SC_TYPE_ROSTER_PAGE, "generate_button")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "roster.generate", NULL) &&
                  sc_roster_page_get_generating (page));
  g_assert_false (sc_roster_grid_get_editable (SC_ROSTER_GRID (sc_roster_page_get_grid (page))));
  fixture_tear_down (&trainer);

  fixture_set_up (&agent, TRUE, SC_ACCOUNT_ROLE_AGENT);
  g_assert_null (sc_window_get_page (agent.window, "roster"));
  fixture_tear_down (&agent);
}


/* Publish, change, publish again: version 2, and the change listed */
static void
test_roster_publish (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  ScRosterGrid *grid;
  g_autoptr(ScRosterInfo) info = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GFile) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_name = g_strdup_printf ("roster%s.pdf", lang_suffix ());
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  int a = -1, b = -1, d = -1, since = 0;
  gint64 roster_id;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  show_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));
  generate (page);
  roster_id = sc_roster_page_get_roster_id (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.publish", NULL));
  iterate_for (200);
  info = sc_store_get_roster (fixture.store, fixture.session, roster_id, &error);
  g_assert_no_error (error);
  g_assert_true (info->published);
  g_assert_cmpint (info->version, ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (get_child (page, SC_TYPE_ROSTER_PAGE, "status_label")), "1"));
  g_clear_pointer (&info, sc_roster_info_free);

  /* A change makes it a draft again, with the change listed */
  g_assert_true (find_rest_breaking_move (page, fixture.store, fixture.session, &a, &b, &d));
  g_assert_true (sc_roster_grid_drop (grid, b, d + 1, a, d + 1));
  iterate_for (200);
  info = sc_store_get_roster (fixture.store, fixture.session, roster_id, &error);
  g_assert_false (info->published);
  g_assert_true (info->ever_published);
  g_clear_pointer (&info, sc_roster_info_free);
  changes = sc_store_get_roster_changes (fixture.store, fixture.session, roster_id, &since, &error);
  g_assert_no_error (error);
  g_assert_cmpint (since, ==, 1);
  g_assert_cmpuint (changes->len, >=, 1);
  g_assert_cmpuint (sc_roster_page_get_n_changed (page), ==, changes->len);
  save_screenshot (fixture.window, "roster-changed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.publish", NULL));
  iterate_for (200);
  info = sc_store_get_roster (fixture.store, fixture.session, roster_id, &error);
  g_assert_true (info->published);
  g_assert_cmpint (info->version, ==, 2);
  g_assert_cmpuint (sc_roster_page_get_n_changed (page), ==, 0);

  /* Saved as a PDF, as “Save as PDF…” does */
  path = g_test_build_filename (G_TEST_BUILT, pdf_name, NULL);
  pdf = g_file_new_for_path (path);
  g_assert_true (sc_roster_page_save_pdf (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  fixture_tear_down (&fixture);
}

/* Whether the person has a row in the grid */
static gboolean
has_row (ScRosterGrid *grid,
         int           person)
{
  GdkRectangle area;

  return sc_roster_grid_get_cell_area (grid, person, 0, &area);
}

static void
test_roster_filters_and_night (void)
{
  Fixture fixture = { 0 };
  ScRosterPage *page;
  ScRosterGrid *grid;
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GError) error = NULL;
  int role_count[SC_N_ROLES] = { 0, };
  int n_people, n_all, role = -1, empty_role = -1, night = -1, night_end = 0;
  int start, end;
  guint skill = 0;
  GdkRectangle chip, cell;
  double midnight;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));
  show_roster_page (&fixture);
  generate (page);

  input = sc_store_build_roster_input (fixture.store, fixture.session, sc_roster_page_get_first_day (page), 28,
                                       &error);
  g_assert_no_error (error);
  n_people = input->problem->n_people;
  n_all = (int) sc_roster_grid_get_n_rows (grid);
  g_assert_cmpint (n_all, ==, n_people);

  for (int p = 0; p < n_people; p++)
    {
      g_autoptr(ScPerson) person = sc_store_get_person (fixture.store, fixture.session,
                                                        sc_roster_page_get_person_id (page, p), NULL);

      g_assert_nonnull (person);
      role_count[sc_person_get_role (person)]++;
    }

  /* The smallest role that has people, and one that has none */
  for (int r = 0; r < SC_N_ROLES; r++)
    {
      if (role_count[r] > 0 && role_count[r] < n_people && (role < 0 || role_count[r] < role_count[role]))
        role = r;
      if (role_count[r] == 0 && empty_role < 0)
        empty_role = r;
    }
  g_assert_cmpint (role, >=, 0);

  /* A role: fewer rows, exactly that role's people */
  sc_roster_page_set_filter (page, role, 0);
  iterate_for (100);
  g_assert_cmpint (sc_roster_grid_get_n_rows (grid), ==, role_count[role]);
  g_assert_cmpint (sc_roster_grid_get_n_rows (grid), <, n_all);
  for (int p = 0; p < n_people; p++)
    {
      g_autoptr(ScPerson) person = sc_store_get_person (fixture.store, fixture.session,
                                                        sc_roster_page_get_person_id (page, p), NULL);

      g_assert_cmpint (has_row (grid, p), ==, (int) sc_person_get_role (person) == role);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_ROSTER_PAGE, "grid_stack")), ==,
                   "grid");
  save_screenshot (fixture.window, "roster-filtered");

  /* Role and skill together: who has both */
  for (guint s = 0; s < input->skill_ids->len && skill == 0; s++)
    for (int p = 0; p < n_people; p++)
      if (has_row (grid, p) && (input->problem->people[p].skills & (G_GUINT64_CONSTANT (1) << s)))
        skill = s + 1;
  if (skill > 0)
    {
      guint expected = 0;

      for (int p = 0; p < n_people; p++)
        expected += has_row (grid, p) && (input->problem->people[p].skills & (G_GUINT64_CONSTANT (1) << (skill - 1)));
      sc_roster_page_set_filter (page, role, g_array_index (input->skill_ids, gint64, skill - 1));
      iterate_for (100);
      g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, expected);
    }

  /* Nobody matches: the empty state */
  if (empty_role >= 0)
    {
      sc_roster_page_set_filter (page, empty_role, 0);
      iterate_for (100);
      g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, 0);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (page, SC_TYPE_ROSTER_PAGE, "grid_stack")), ==,
                       "no-match");
      save_screenshot (fixture.window, "roster-no-match");
    }

  sc_roster_page_set_filter (page, -1, 0);
  iterate_for (100);
  g_assert_cmpint (sc_roster_grid_get_n_rows (grid), ==, n_all);

  /* A night shift on the third day, the fourth day off */
  types = sc_store_get_shift_types (fixture.store, NULL);
  for (guint i = 0; i < types->len; i++)
    {
      ScShiftType *type = g_ptr_array_index (types, i);
      int type_end = sc_shift_type_get_start_minute (type) + sc_shift_type_get_length_minutes (type);

      if (type_end > 1440 && night < 0)
        {
          night = (int) i;
          night_end = type_end;
        }
    }
  g_assert_cmpint (night, >=, 0);
  sc_roster_grid_set_cell (grid, 0, 2, night, 0);
  sc_roster_grid_set_cell (grid, 0, 3, -1, 0);

  /* The day zoom spans into the next morning; the chip crosses midnight */
  sc_roster_grid_set_zoom (grid, SC_ROSTER_ZOOM_DAY);
  sc_roster_grid_set_focus_cell (grid, 0, 2);
  iterate_for (200);
  sc_roster_grid_get_day_span (grid, &start, &end);
  g_assert_cmpint (end, >=, night_end);
  g_assert_true (sc_roster_grid_get_chip_area (grid, 0, 2, &chip));
  g_assert_true (sc_roster_grid_get_cell_area (grid, 0, 2, &cell));
  midnight = sc_roster_grid_get_time_x (grid, 2, 1440);
  g_assert_cmpfloat (chip.x, <, midnight);
  g_assert_cmpfloat (chip.x + chip.width, >, midnight + 20);
  g_assert_cmpfloat (fabs (chip.x + chip.width - sc_roster_grid_get_time_x (grid, 2, night_end)), <=, 3);
  g_assert_cmpint (chip.x + chip.width, <=, cell.x + cell.width);
  save_screenshot (fixture.window, "roster-night-day");

  /* The week and four-week zooms keep the part after midnight: the chip
   * reaches into the next day's cell */
  for (int zoom = SC_ROSTER_ZOOM_WEEK; zoom <= SC_ROSTER_ZOOM_MONTH; zoom++)
    {
      sc_roster_grid_set_zoom (grid, zoom);
      iterate_for (200);
      g_assert_true (sc_roster_grid_get_chip_area (grid, 0, 2, &chip));
      g_assert_true (sc_roster_grid_get_cell_area (grid, 0, 3, &cell));
      g_assert_cmpint (chip.x + chip.width, >, cell.x + 2);
      g_assert_cmpint (chip.x + chip.width, <, cell.x + cell.width / 2);
    }
  save_screenshot (fixture.window, "roster-4-weeks");

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_roster_empty ();
  test_roster_edit ();
  test_roster_filters_and_night ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/roster/empty", test_roster_empty);
  g_test_add_func ("/gui/roster/edit", test_roster_edit);
  g_test_add_func ("/gui/roster/regenerate-keeps-locks", test_roster_regenerate_keeps_locks);
  g_test_add_func ("/gui/roster/cancel", test_roster_cancel);
  g_test_add_func ("/gui/roster/publish", test_roster_publish);
  g_test_add_func ("/gui/roster/roles", test_roster_roles);
  g_test_add_func ("/gui/roster/filters-and-night", test_roster_filters_and_night);
  g_test_add_func ("/gui/roster/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
