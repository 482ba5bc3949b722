/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-gui-test-util.h"
#include "sc-day.h"
#include "sc-roster-input.h"
#include "roster/sc-roster-grid.h"
#include "roster/sc-roster-page.h"
#include "team/sc-person-dialog.h"
#include "team/sc-team-page.h"

/*
 * Groups (班组) and the roster filters on the sample team: a person's
 * group in the person dialog and the team list; on the roster, the group
 * and post filters set through their drop-downs, alone and with role and
 * skill (the posts those the generated roster's shifts are worked on),
 * the side list holding only the problems of the people shown, the empty
 * state, and Clear; a shift's post in its menu, kept through undo, moves
 * and a new generation; screenshots in English and Chinese.
 */

static ScRosterPage *
get_roster_page (Fixture *fixture)
{
  GtkWidget *page = sc_window_get_page (fixture->window, "roster");

  g_assert_true (SC_IS_ROSTER_PAGE (page));
  return SC_ROSTER_PAGE (page);
}

static ScTeamPage *
get_team_page (Fixture *fixture)
{
  GtkWidget *page = sc_window_get_page (fixture->window, "team");

  g_assert_true (SC_IS_TEAM_PAGE (page));
  return SC_TEAM_PAGE (page);
}

static void
generate (ScRosterPage *page)
{
  gint64 deadline;

  sc_roster_page_set_time_limit (page, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "roster.generate", NULL));

  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (sc_roster_page_get_generating (page) && g_get_monotonic_time () < deadline)
    iterate_for (50);
  g_assert_false (sc_roster_page_get_generating (page));
  iterate_for (200);
}

static gboolean
has_row (ScRosterGrid *grid,
         int           person)
{
  GdkRectangle area;

  return sc_roster_grid_get_cell_area (grid, person, 0, &area);
}

static ScPerson *
person_at (Fixture      *fixture,
           ScRosterPage *page,
           int           p)
{
  ScPerson *person = sc_store_get_person (fixture->store, fixture->session,
                                          sc_roster_page_get_person_id (page, p), NULL);

  g_assert_nonnull (person);
  return person;
}

/* The people (grid indexes) the side list names */
static GHashTable *
listed_people (ScRosterPage *page)
{
  GHashTable *people = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < sc_roster_page_get_n_problems (page); i++)
    {
      int p = sc_roster_page_get_problem_person (page, i);

      g_assert_cmpint (p, >=, 0);
      g_hash_table_add (people, GINT_TO_POINTER (p + 1));
    }
  return people;
}

/* Every person listed is shown; when the whole list fitted before,
 * everyone shown who was listed then is listed now */
static void
check_side_list (ScRosterPage *page,
                 ScRosterGrid *grid,
                 GHashTable   *unfiltered,
                 gboolean      complete)
{
  g_autoptr(GHashTable) now = listed_people (page);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, now);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (has_row (grid, GPOINTER_TO_INT (key) - 1));

  if (!complete)
    return;

  g_hash_table_iter_init (&iter, unfiltered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_cmpint (g_hash_table_contains (now, key), ==, has_row (grid, GPOINTER_TO_INT (key) - 1));
}

static guint
n_choices (GtkDropDown *dropdown)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (dropdown));
}

static const char *
choice (GtkDropDown *dropdown,
        guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position);
}

static guint
n_bits (guint64 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

/* The first shift of someone who holds two channels or more, or NULL */
static const ScRosterShift *
find_multi_channel_shift (GArray        *shifts,
                          ScRosterInput *input,
                          guint64        channels)
{
  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);

      for (int p = 0; p < input->problem->n_people; p++)
        if (g_array_index (input->person_ids, gint64, p) == shift->person_id && shift->skill_id != 0 &&
            n_bits (input->problem->people[p].skills & channels) >= 2)
          return shift;
    }
  return NULL;
}

/* A supervisor puts one shift on another channel by hand */
static void
choose_post_by_hand (Fixture       *fixture,
                     ScRosterPage  *page,
                     ScRosterInput *input,
                     guint64        channels)
{
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  const ScRosterShift *shift;
  gint64 other = 0;
  int p;

  shifts = sc_store_get_roster_shifts (fixture->store, fixture->session, sc_roster_page_get_roster_id (page),
                                       FALSE, &error);
  g_assert_no_error (error);
  shift = find_multi_channel_shift (shifts, input, channels);
  g_assert_nonnull (shift);
  p = sc_roster_page_find_person (page, shift->person_id);
  for (guint s = 0; s < input->skill_ids->len; s++)
    if ((input->problem->people[p].skills & channels & (G_GUINT64_CONSTANT (1) << s)) &&
        g_array_index (input->skill_ids, gint64, s) != shift->skill_id)
      other = g_array_index (input->skill_ids, gint64, s);
  g_assert_cmpint (other, !=, 0);

  g_assert_true (sc_store_set_shift_post (fixture->store, fixture->session, shift->id, other, TRUE, &error));
  g_assert_no_error (error);
  iterate_for (300);
}

/* Makes the first person of each group work every day of the period,
 * which breaks the rule on consecutive working days: problems to list
 * in every group */
static void
overwork_one_per_group (Fixture      *fixture,
                        ScRosterPage *page,
                        int           n_people)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) types = sc_store_get_shift_types (fixture->store, NULL);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 day_type = 0;

  for (guint i = 0; i < types->len && day_type == 0; i++)
    if (g_str_equal (sc_shift_type_get_code (g_ptr_array_index (types, i)), "D"))
      day_type = sc_shift_type_get_id (g_ptr_array_index (types, i));
  g_assert_cmpint (day_type, !=, 0);

  first = sc_day_parse (sc_roster_page_get_first_day (page));
  g_assert_nonnull (first);

  g_assert_true (sc_store_begin (fixture->store, &error));
  for (int p = 0; p < n_people; p++)
    {
      g_autoptr(ScPerson) person = person_at (fixture, page, p);
      const char *crew = sc_person_get_crew (person);

      if (*crew == '\0' || g_hash_table_contains (done, crew))
        continue;
      g_hash_table_add (done, g_strdup (crew));

      for (int d = 0; d < 28; d++)
        {
          g_autoptr(GDateTime) date = g_date_time_add_days (first, d);
          g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
          ScRosterGrid *grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));

          if (sc_roster_grid_get_cell (grid, p, d, NULL) >= 0)
            continue;
          g_assert_cmpint (sc_store_add_shift (fixture->store, fixture->session, sc_roster_page_get_roster_id (page),
                                               sc_person_get_id (person), day, day_type, &error), !=, 0);
          g_assert_no_error (error);
        }
    }
  g_assert_true (sc_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  iterate_for (300);
}

/* Who has a shift on @post in the roster shown */
static GHashTable *
people_on_post (Fixture      *fixture,
                ScRosterPage *page,
                gint64        post)
{
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  shifts = sc_store_get_roster_shifts (fixture->store, fixture->session, sc_roster_page_get_roster_id (page),
                                       FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);

      if (shift->skill_id == post)
        g_hash_table_add (people, g_memdup2 (&shift->person_id, sizeof (gint64)));
    }
  return people;
}

static void
test_roster_filters (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GHashTable) unfiltered = NULL;
  g_autoptr(GHashTable) on_post = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterPage *page;
  ScRosterGrid *grid;
  GtkDropDown *crews, *posts, *roles, *skills;
  GtkWidget *count_label, *note_label, *grid_stack;
  gboolean complete;
  int n_people;
  guint expected, crew = 0, best = 0;
  guint64 channels;
  gint64 post;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));
  sc_window_set_visible_page (fixture.window, "roster");
  iterate_for (200);
  generate (page);

  crews = get_child (page, SC_TYPE_ROSTER_PAGE, "crew_dropdown");
  posts = get_child (page, SC_TYPE_ROSTER_PAGE, "post_dropdown");
  roles = get_child (page, SC_TYPE_ROSTER_PAGE, "role_dropdown");
  skills = get_child (page, SC_TYPE_ROSTER_PAGE, "skill_dropdown");
  count_label = get_child (page, SC_TYPE_ROSTER_PAGE, "filter_count_label");
  note_label = get_child (page, SC_TYPE_ROSTER_PAGE, "filter_note_label");
  grid_stack = get_child (page, SC_TYPE_ROSTER_PAGE, "grid_stack");

  input = sc_store_build_roster_input (fixture.store, fixture.session, sc_roster_page_get_first_day (page), 28,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_get_post_channels (fixture.store, input, &channels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_bits (channels), ==, 3);
  n_people = input->problem->n_people;
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, (guint) n_people);
  g_assert_false (gtk_widget_get_visible (count_label));
  g_assert_false (gtk_widget_get_visible (note_label));
  overwork_one_per_group (&fixture, page, n_people);

  /* The group filter offers the sample team's five groups, sorted */
  g_assert_cmpuint (n_choices (crews), ==, 6);
  for (guint i = 2; i < 6; i++)
    g_assert_cmpint (g_utf8_collate (choice (crews, i - 1), choice (crews, i)), <, 0);

  /* The generated shifts are on the sample team's three channels */
  g_assert_cmpuint (n_choices (posts), ==, 4);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (posts)));
  for (guint i = 0; i < sc_roster_page_get_post_ids (page)->len; i++)
    {
      gint64 id = g_array_index (sc_roster_page_get_post_ids (page), gint64, i);
      gboolean channel = FALSE;

      for (guint s = 0; s < input->skill_ids->len; s++)
        channel |= g_array_index (input->skill_ids, gint64, s) == id && (channels & (G_GUINT64_CONSTANT (1) << s));
      g_assert_true (channel);
    }

  unfiltered = listed_people (page);
  complete = sc_roster_page_get_n_problems (page) < 200;
  g_assert_cmpuint (g_hash_table_size (unfiltered), >=, 5);
  g_test_message ("%u problems listed for %u people", sc_roster_page_get_n_problems (page),
                  g_hash_table_size (unfiltered));

  /* A group: exactly its people, and only their problems */
  for (guint c = 1; c < n_choices (crews); c++)
    {
      expected = 0;
      for (int p = 0; p < n_people; p++)
        {
          g_autoptr(ScPerson) person = person_at (&fixture, page, p);

          expected += g_strcmp0 (sc_person_get_crew (person), choice (crews, c)) == 0;
        }

      gtk_drop_down_set_selected (crews, c);
      iterate_for (50);
      g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, expected);
      g_assert_cmpuint (expected, >, 0);
      for (int p = 0; p < n_people; p++)
        {
          g_autoptr(ScPerson) person = person_at (&fixture, page, p);

          g_assert_cmpint (has_row (grid, p), ==, g_strcmp0 (sc_person_get_crew (person), choice (crews, c)) == 0);
        }
      check_side_list (page, grid, unfiltered, complete);
      g_assert_cmpuint (sc_roster_page_get_n_problems (page), >, 0);
      g_assert_true (gtk_widget_get_visible (count_label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_label)), ==, "1");
      g_assert_true (gtk_widget_get_visible (note_label));

      /* The group whose people have the most problems listed, for the picture */
      {
        g_autoptr(GHashTable) listed = listed_people (page);

        if (crew == 0 || g_hash_table_size (listed) > best)
          {
            crew = c;
            best = g_hash_table_size (listed);
          }
      }
    }
  gtk_drop_down_set_selected (crews, crew);
  iterate_for (100);
  save_screenshot (fixture.window, "roster-filter-group");

  /* Posts on the shifts: the post filter offers them */
  gtk_drop_down_set_selected (crews, 0);
  iterate_for (50);
  g_assert_cmpuint (n_choices (posts), ==, 4);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (posts)));
  g_assert_cmpuint (sc_roster_page_get_post_ids (page)->len, ==, 3);
  g_clear_pointer (&unfiltered, g_hash_table_unref);
  unfiltered = listed_people (page);
  complete = sc_roster_page_get_n_problems (page) < 200;

  /* A post: those with at least one shift on it */
  post = g_array_index (sc_roster_page_get_post_ids (page), gint64, 0);
  on_post = people_on_post (&fixture, page, post);
  g_assert_cmpuint (g_hash_table_size (on_post), >, 0);
  gtk_drop_down_set_selected (posts, 1);
  iterate_for (50);
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, g_hash_table_size (on_post));
  for (int p = 0; p < n_people; p++)
    {
      gint64 id = sc_roster_page_get_person_id (page, p);

      g_assert_cmpint (has_row (grid, p), ==, g_hash_table_contains (on_post, &id));
    }
  check_side_list (page, grid, unfiltered, complete);
  save_screenshot (fixture.window, "roster-filter-post");

  /* Group and post together: who is in both */
  gtk_drop_down_set_selected (crews, crew);
  iterate_for (50);
  expected = 0;
  for (int p = 0; p < n_people; p++)
    {
      g_autoptr(ScPerson) person = person_at (&fixture, page, p);
      gint64 id = sc_person_get_id (person);

      expected += g_strcmp0 (sc_person_get_crew (person), choice (crews, crew)) == 0 &&
                  g_hash_table_contains (on_post, &id);
    }
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_label)), ==, "2");
  check_side_list (page, grid, unfiltered, complete);

  /* With a role and a skill too: all four must match */
  gtk_drop_down_set_selected (roles, SC_ROLE_AGENT + 1);
  gtk_drop_down_set_selected (skills, 1);
  iterate_for (50);
  expected = 0;
  for (int p = 0; p < n_people; p++)
    {
      g_autoptr(ScPerson) person = person_at (&fixture, page, p);
      gint64 id = sc_person_get_id (person);

      expected += g_strcmp0 (sc_person_get_crew (person), choice (crews, crew)) == 0 &&
                  g_hash_table_contains (on_post, &id) &&
                  sc_person_get_role (person) == SC_ROLE_AGENT &&
                  (input->problem->people[p].skills & 1);
    }
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count_label)), ==, "4");
  check_side_list (page, grid, unfiltered, complete);

  /* The filters in their popover */
  {
    GtkPopover *popover = get_child (page, SC_TYPE_ROSTER_PAGE, "filter_popover");

    gtk_popover_popup (popover);
    wait_until_mapped (GTK_WIDGET (popover));
    save_screenshot (popover, "roster-filters-popover");
    gtk_popover_popdown (popover);
  }

  /* No one: trainers are in no group and work no post */
  gtk_drop_down_set_selected (roles, SC_ROLE_TRAINER + 1);
  iterate_for (50);
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (grid_stack)), ==, "no-match");
  g_assert_cmpuint (sc_roster_page_get_n_problems (page), ==, 0);
  save_screenshot (fixture.window, "roster-filter-no-match");

  /* Clear: all four back, everyone shown and listed */
  g_signal_emit_by_name (get_child (page, SC_TYPE_ROSTER_PAGE, "clear_filters_button"), "clicked");
  iterate_for (50);
  g_assert_cmpuint (gtk_drop_down_get_selected (roles), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (skills), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (crews), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (posts), ==, 0);
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), ==, (guint) n_people);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (grid_stack)), ==, "grid");
  g_assert_false (gtk_widget_get_visible (count_label));
  g_assert_false (gtk_widget_get_visible (note_label));
  {
    g_autoptr(GHashTable) now = listed_people (page);

    g_assert_cmpuint (g_hash_table_size (now), ==, g_hash_table_size (unfiltered));
  }

  /* The same through the API, and a group that no one is in sets nothing */
  sc_roster_page_set_filters (page, -1, 0, choice (crews, crew), post);
  g_assert_cmpuint (gtk_drop_down_get_selected (crews), ==, crew);
  g_assert_cmpuint (gtk_drop_down_get_selected (posts), ==, 1);
  sc_roster_page_set_filters (page, -1, 0, "No Such Group", 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (crews), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (posts), ==, 0);

  /* The chosen group stays chosen when the roster changes */
  gtk_drop_down_set_selected (crews, crew);
  gtk_drop_down_set_selected (posts, 2);
  choose_post_by_hand (&fixture, page, input, channels);
  g_assert_cmpuint (gtk_drop_down_get_selected (crews), ==, crew);
  g_assert_cmpuint (gtk_drop_down_get_selected (posts), ==, 2);

  /* A narrow window: the toolbar still reads */
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 860, 640);
  iterate_for (300);
  save_screenshot (fixture.window, "roster-filters-narrow");

  fixture_tear_down (&fixture);
}

static gboolean
get_shift_at (Fixture       *fixture,
              ScRosterPage  *page,
              gint64         person_id,
              const char    *day,
              ScRosterShift *out)
{
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;

  shifts = sc_store_get_roster_shifts (fixture->store, fixture->session, sc_roster_page_get_roster_id (page),
                                       FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);

      if (shift->person_id == person_id && g_str_equal (shift->day, day))
        {
          *out = *shift;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
skill_name (GPtrArray *skills,
            gint64     id)
{
  for (guint i = 0; i < skills->len; i++)
    if (sc_skill_get_id (g_ptr_array_index (skills, i)) == id)
      return sc_skill_get_name (g_ptr_array_index (skills, i));
  return NULL;
}

static int
day_of (ScRosterPage *page,
        const char   *day)
{
  g_autoptr(GDateTime) first = sc_day_parse (sc_roster_page_get_first_day (page));
  g_autoptr(GDateTime) date = sc_day_parse (day);

  return (int) (g_date_time_difference (date, first) / G_TIME_SPAN_DAY);
}

/* The Post drop-down in a shift's menu: the person's skills, channels
 * first, the post shown; a post chosen there is kept through undo and
 * redo, a move to someone else and a new generation (locked) */
static void
test_post_editor (void)
{
  Fixture fixture = { 0 };
  g_autoptr(ScRosterInput) input = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *day = NULL;
  ScRosterPage *page;
  ScRosterGrid *grid;
  GtkWidget *menu = NULL;
  GtkDropDown *dropdown;
  const ScRosterShift *found;
  ScRosterShift shift, now;
  guint64 channels;
  gint64 original, other = 0;
  guint n_items, other_item = 0;
  int p, d;
  gboolean moved;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  page = get_roster_page (&fixture);
  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (page));
  sc_window_set_visible_page (fixture.window, "roster");
  iterate_for (200);
  generate (page);

  input = sc_store_build_roster_input (fixture.store, fixture.session, sc_roster_page_get_first_day (page), 28,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_get_post_channels (fixture.store, input, &channels, &error));
  skills = sc_store_get_skills (fixture.store, NULL);
  shifts = sc_store_get_roster_shifts (fixture.store, fixture.session, sc_roster_page_get_roster_id (page), FALSE,
                                       &error);
  g_assert_no_error (error);

  /* A shift of someone on two channels or more */
  found = find_multi_channel_shift (shifts, input, channels);
  g_assert_nonnull (found);
  shift = *found;
  original = shift.skill_id;
  day = g_strdup (shift.day);
  p = sc_roster_page_find_person (page, shift.person_id);
  d = day_of (page, day);
  g_assert_cmpint (p, >=, 0);

  /* The cell says its post */
  description = sc_roster_page_describe_cell (page, p, d);
  g_assert_nonnull (strstr (description, skill_name (skills, original)));

  /* Its menu: none, the channels the person holds, then their other skills */
  sc_roster_grid_set_focus_cell (grid, p, d);
  g_signal_emit_by_name (grid, "activate-cell", p, d);
  iterate_for (200);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      menu = child;
  g_assert_nonnull (menu);
  dropdown = find_descendant (menu, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dropdown)));
  n_items = n_choices (dropdown);
  g_assert_cmpuint (n_items, >=, 1 + n_bits (input->problem->people[p].skills & channels));
  g_assert_cmpstr (choice (dropdown, gtk_drop_down_get_selected (dropdown)), ==, skill_name (skills, original));
  {
    gboolean past_channels = FALSE;

    for (guint i = 1; i < n_items; i++)
      {
        gboolean channel = FALSE;

        for (guint j = 0; j < skills->len; j++)
          if (g_str_equal (sc_skill_get_name (g_ptr_array_index (skills, j)), choice (dropdown, i)))
            channel = sc_skill_get_category (g_ptr_array_index (skills, j)) == SC_SKILL_CATEGORY_CHANNEL;
        g_assert_false (channel && past_channels);
        past_channels |= !channel;
        if (channel && other_item == 0 && !g_str_equal (choice (dropdown, i), skill_name (skills, original)))
          other_item = i;
      }
  }
  g_assert_cmpuint (other_item, >, 0);
  save_screenshot (menu, "roster-post-menu");

  /* Its choices, open */
  {
    GtkWidget *list;

    g_signal_emit_by_name (dropdown, "activate");
    list = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_POPOVER);
    g_assert_nonnull (list);
    wait_until_mapped (list);
    save_screenshot (list, "roster-post-choices");
    gtk_popover_popdown (GTK_POPOVER (list));
    iterate_for (100);
  }

  /* Choosing another channel: chosen by hand, said by the cell */
  gtk_drop_down_set_selected (dropdown, other_item);
  iterate_for (200);
  g_assert_false (gtk_widget_get_visible (menu));
  g_assert_true (get_shift_at (&fixture, page, shift.person_id, day, &now));
  other = now.skill_id;
  g_assert_cmpstr (skill_name (skills, other), ==, choice (dropdown, other_item));
  g_assert_true (now.post_chosen);
  g_clear_pointer (&description, g_free);
  description = sc_roster_page_describe_cell (page, p, d);
  wanted = g_strdup_printf (_("Post: %s"), skill_name (skills, other));
  g_assert_nonnull (strstr (description, wanted));
  g_test_message ("%s", description);

  /* Undo and redo */
  g_assert_true (sc_roster_page_undo (page));
  g_assert_true (get_shift_at (&fixture, page, shift.person_id, day, &now));
  g_assert_cmpint (now.skill_id, ==, original);
  g_assert_false (now.post_chosen);
  g_assert_true (sc_roster_page_redo (page));
  g_assert_true (get_shift_at (&fixture, page, shift.person_id, day, &now));
  g_assert_cmpint (now.skill_id, ==, other);
  g_assert_true (now.post_chosen);

  /* Locked with its chosen post, it keeps both in the next draft */
  g_signal_emit_by_name (grid, "toggle-lock", p, d);
  generate (page);
  g_assert_true (get_shift_at (&fixture, page, shift.person_id, day, &now));
  g_assert_true (now.locked);
  g_assert_cmpint (now.skill_id, ==, other);
  g_assert_true (now.post_chosen);
  g_signal_emit_by_name (grid, "toggle-lock", p, d);

  /* Moved to someone off that day: kept where they hold it, else a post
   * they hold or none */
  moved = FALSE;
  for (int q = 0; q < input->problem->n_people && !moved; q++)
    {
      gint64 person_id = sc_roster_page_get_person_id (page, q);
      ScRosterShift there;
      gboolean ok = FALSE;

      if (q == p || get_shift_at (&fixture, page, person_id, day, &there) ||
          input->problem->unavailable[q * input->n_days + d])
        continue;

      g_signal_emit_by_name (grid, "move-shift", p, d, q, d, &ok);
      g_assert_true (ok);
      g_assert_true (get_shift_at (&fixture, page, person_id, day, &there));
      g_assert_false (get_shift_at (&fixture, page, shift.person_id, day, &now));
      {
        int s;

        for (s = 0; s < (int) input->skill_ids->len; s++)
          if (g_array_index (input->skill_ids, gint64, s) == other)
            break;
        if (input->problem->people[q].skills & (G_GUINT64_CONSTANT (1) << s))
          {
            g_assert_cmpint (there.skill_id, ==, other);
            g_assert_true (there.post_chosen);
          }
        else
          {
            g_assert_false (there.post_chosen);
            for (s = 0; s < (int) input->skill_ids->len; s++)
              if (g_array_index (input->skill_ids, gint64, s) == there.skill_id)
                g_assert_true (input->problem->people[q].skills & channels & (G_GUINT64_CONSTANT (1) << s));
          }
        g_test_message ("moved to person %lld: post %lld", (long long) person_id, (long long) there.skill_id);
      }
      moved = TRUE;
    }
  g_assert_true (moved);

  fixture_tear_down (&fixture);
}

static void
test_team_crew (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(ScPerson) saved = NULL;
  g_auto(GStrv) crews = NULL;
  ScPersonDialog *dialog;
  ScPerson *person = NULL;
  GtkWidget *crew_row;
  GtkMenuButton *crew_button;
  const char *other;

  fixture_set_up (&fixture, TRUE, SC_ACCOUNT_ROLE_SUPERVISOR);
  sc_window_set_visible_page (fixture.window, "team");
  iterate_for (300);
  save_screenshot (fixture.window, "team-groups");

  crews = sc_store_get_crews (fixture.store, fixture.session, NULL);
  g_assert_cmpuint (g_strv_length (crews), ==, 5);

  people = sc_store_get_people (fixture.store, fixture.session, FALSE, NULL);
  for (guint i = 0; i < people->len && person == NULL; i++)
    if (sc_person_get_role (g_ptr_array_index (people, i)) == SC_ROLE_AGENT &&
        sc_person_get_id (g_ptr_array_index (people, i)) != sc_session_get_person_id (fixture.session))
      person = g_ptr_array_index (people, i);
  g_assert_nonnull (person);

  dialog = SC_PERSON_DIALOG (sc_team_page_open_person (get_team_page (&fixture), person));
  wait_until_mapped (GTK_WIDGET (dialog));

  /* The row shows the group; its menu offers the team's groups */
  crew_row = get_child (dialog, SC_TYPE_PERSON_DIALOG, "crew_row");
  crew_button = get_child (dialog, SC_TYPE_PERSON_DIALOG, "crew_button");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crew_row)), ==, sc_person_get_crew (person));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (crew_button)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (crew_button)), ==, 5);
  save_screenshot (dialog, "person-dialog-group");

  gtk_menu_button_popup (crew_button);
  iterate_for (300);
  save_screenshot (gtk_menu_button_get_popover (crew_button), "person-dialog-group-menu");
  gtk_menu_button_popdown (crew_button);

  /* Choosing another group saves it at once */
  other = g_strcmp0 (crews[0], sc_person_get_crew (person)) == 0 ? crews[1] : crews[0];
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.set-crew", "s", other));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (crew_row)), ==, other);
  saved = sc_store_get_person (fixture.store, fixture.session, sc_person_get_id (person), NULL);
  g_assert_cmpstr (sc_person_get_crew (saved), ==, other);
  g_clear_object (&saved);

  /* A new group is typed in, trimmed */
  gtk_editable_set_text (GTK_EDITABLE (crew_row), " 夜班组 ");
  g_signal_emit_by_name (crew_row, "apply");
  g_assert_null (sc_person_dialog_get_error (dialog));
  saved = sc_store_get_person (fixture.store, fixture.session, sc_person_get_id (person), NULL);
  g_assert_cmpstr (sc_person_get_crew (saved), ==, "夜班组");
  g_clear_object (&saved);

  /* Too long: shown on the row, not saved */
  gtk_editable_set_text (GTK_EDITABLE (crew_row), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
  g_signal_emit_by_name (crew_row, "apply");
  g_assert_nonnull (sc_person_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (crew_row, "error"));
  saved = sc_store_get_person (fixture.store, fixture.session, sc_person_get_id (person), NULL);
  g_assert_cmpstr (sc_person_get_crew (saved), ==, "夜班组");
  g_clear_object (&saved);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The new group is offered on the roster */
  g_clear_pointer (&crews, g_strfreev);
  crews = sc_store_get_crews (fixture.store, fixture.session, NULL);
  g_assert_cmpuint (g_strv_length (crews), ==, 6);
  sc_window_set_visible_page (fixture.window, "roster");
  iterate_for (300);
  g_assert_cmpuint (n_choices (get_child (get_roster_page (&fixture), SC_TYPE_ROSTER_PAGE, "crew_dropdown")), ==, 7);

  fixture_tear_down (&fixture);
}

static void
test_chinese (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  test_team_crew ();
  test_roster_filters ();
  test_post_editor ();

  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sc_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/team/crew", test_team_crew);
  g_test_add_func ("/gui/roster/filters/group-and-post", test_roster_filters);
  g_test_add_func ("/gui/roster/post-editor", test_post_editor);
  g_test_add_func ("/gui/roster/filters/zh_CN", test_chinese);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
