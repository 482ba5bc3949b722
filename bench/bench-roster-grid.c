/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The roster page on a generated team of 600 people × 28 days: the time
 * from creating the page to its first frame (building the roster problem,
 * reading the shifts, scoring them, drawing), the frame times while the
 * grid scrolls down, across and back, and the time one edit takes (store,
 * rescore, redraw). Needs a display (meson runs it under Xvfb); prints why
 * it skips otherwise. Never fails on time.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <time.h>

#include "sc-demo.h"
#include "sc-roster-input.h"
#include "sc-store.h"
#include "roster/sc-roster-grid.h"
#include "roster/sc-roster-page.h"

#define N_DAYS 28

typedef struct
{
  GArray  *paint_ms;     /* end of layout → after-paint: snapshot and render */
  GArray  *interval_ms;  /* after-paint to after-paint */
  GArray  *work_ms;      /* update → after-paint: the whole frame's work */
  double   update_start;
  double   paint_start;
  double   last_frame;
  gboolean painted;
} Frames;

/* Wall-clock time; with SC_BENCH_CPU_TIME set, the main thread's CPU time
 * instead, which a busy machine disturbs less (but which leaves out the
 * X server's share of a frame) */
static double
now_ms (void)
{
  if (g_getenv ("SC_BENCH_CPU_TIME"))
    {
      struct timespec ts;
      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
      return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
    }
  return g_get_monotonic_time () / 1000.0;
}

static char *
next_monday (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) monday = g_date_time_add_days (now, 8 - g_date_time_get_day_of_week (now));

  return g_date_time_format (monday, "%Y-%m-%d");
}

/* More agents with channel skills, as bench-roster does */
static void
grow_team (ScStore   *store,
           ScSession *session,
           int        n_people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = sc_store_get_skills (store, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (600);
  int existing = sc_store_count_people (store, TRUE);

  g_assert_true (sc_store_begin (store, &error));
  for (int i = existing; i < n_people; i++)
    {
      g_autoptr(ScPerson) person = sc_person_new ();
      g_autofree char *name = g_strdup_printf ("Agent %04d", i);
      g_autofree char *no = g_strdup_printf ("G%05d", i);

      sc_person_set_name (person, name);
      sc_person_set_employee_no (person, no);
      sc_person_set_min_minutes_week (person, 36 * 60);
      sc_person_set_max_minutes_week (person, 44 * 60);
      g_assert_true (sc_store_add_person (store, session, person, &error));

      for (guint s = 0; s < skills->len; s++)
        {
          ScSkill *skill = g_ptr_array_index (skills, s);

          if (sc_skill_get_category (skill) == SC_SKILL_CATEGORY_CHANNEL && g_rand_int_range (rand, 0, 100) < 60)
            g_assert_true (sc_store_set_person_skill (store, session, sc_person_get_id (person),
                                                      sc_skill_get_id (skill), 3, &error));
        }
    }
  g_assert_true (sc_store_commit (store, &error));
}

/* A roster in a plain pattern (five days on, two off, the shift type
 * changing by person and week): the grid's cost does not depend on how
 * good the roster is, and the solver on 600 people has its own benchmark */
static void
make_roster (ScStore    *store,
             ScSession  *session,
             const char *first_day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScRosterInput) input = sc_store_build_roster_input (store, session, first_day, N_DAYS, &error);
  g_autoptr(ScRosterSolution) solution = NULL;
  int n_types;

  g_assert_no_error (error);
  n_types = input->problem->n_shift_types;
  solution = sc_roster_solution_new_for_problem (input->problem);
  for (int p = 0; p < input->problem->n_people; p++)
    for (int d = 0; d < N_DAYS; d++)
      if ((d + p) % 7 < 5)
        sc_roster_solution_set (solution, p, d, (p + d / 7) % n_types);

  g_assert_cmpint (sc_store_save_roster_solution (store, session, input, solution, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_print ("roster: %d people x %d days, %u shifts\n", input->problem->n_people, N_DAYS,
           sc_store_count_roster_shifts (store, session, 1, 0, NULL));
}

static void
on_update_cb (GdkFrameClock *clock,
              Frames        *frames)
{
  frames->update_start = now_ms ();
}

/* Runs after GTK's own layout handler: what follows is the paint */
static void
on_layout_cb (GdkFrameClock *clock,
              Frames        *frames)
{
  frames->paint_start = now_ms ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  double now = now_ms ();

  frames->painted = TRUE;
  if (frames->paint_ms == NULL)
    return;

  g_array_append_vals (frames->paint_ms, (double[]) { now - frames->paint_start }, 1);
  g_array_append_vals (frames->work_ms, (double[]) { now - frames->update_start }, 1);
  if (frames->last_frame > 0)
    g_array_append_vals (frames->interval_ms, (double[]) { now - frames->last_frame }, 1);
  frames->last_frame = now;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_figures (const char *label,
               GArray     *values,
               double      budget)
{
  guint over = 0;
  double sum = 0;

  if (values->len == 0)
    return;

  g_array_sort (values, compare_doubles);
  for (guint i = 0; i < values->len; i++)
    {
      sum += g_array_index (values, double, i);
      over += g_array_index (values, double, i) > budget;
    }

  g_print ("%s: %u frames, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms, over %.1f ms: %u\n",
           label, values->len, sum / values->len, g_array_index (values, double, values->len / 2),
           g_array_index (values, double, (guint) (values->len * 0.95)),
           g_array_index (values, double, values->len - 1), budget, over);
}

typedef struct
{
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  int            step;
  int            phase;
  gboolean       done;
} Scroll;

/* Two rows a frame down to the end, across to the last day, and back up */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Scroll *scroll = data;
  GtkAdjustment *adjustment = scroll->phase == 1 ? scroll->hadjustment : scroll->vadjustment;
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  switch (scroll->phase)
    {
    case 0:
    case 1:
      gtk_adjustment_set_value (adjustment, MIN (value + scroll->step, end));
      if (value >= end)
        scroll->phase++;
      break;
    case 2:
      gtk_adjustment_set_value (adjustment, MAX (value - scroll->step, 0));
      if (value <= 0)
        {
          scroll->done = TRUE;
          return G_SOURCE_REMOVE;
        }
      break;
    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
wait_for_frame (Frames *frames)
{
  frames->painted = FALSE;
  while (!frames->painted)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "grid.db", NULL);
  g_autofree char *first_day = next_monday ();
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScStore) store = NULL;
  Frames frames = { 0, };
  Scroll scroll = { 0, };
  GtkWidget *window;
  GtkWidget *page;
  ScRosterGrid *grid;
  GdkFrameClock *clock;
  GtkScrolledWindow *scrolled;
  double t;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("roster grid: skipped, no display\n");
      return 0;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Xvfb has no GPU: software GL would measure Mesa, not the grid. The
   * GUI tests draw with cairo too; GSK_RENDERER=gl measures the other. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  t = now_ms ();
  store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sc_demo_populate (store, session, NULL, &error));
  grow_team (store, session, 600);
  g_print ("set-up: a team of 600 people: %.0f ms\n", now_ms () - t);
  t = now_ms ();
  make_roster (store, session, first_day);
  g_print ("set-up: its roster: %.0f ms\n", now_ms () - t);

  gtk_init ();
  adw_init ();
  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER"));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (on_update_cb), &frames);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  wait_for_frame (&frames);

  /* Page to first frame: problem, shifts, score, drawing */
  t = now_ms ();
  page = sc_roster_page_new ();
  sc_roster_page_set_session (SC_ROSTER_PAGE (page), session);
  sc_roster_page_set_store (SC_ROSTER_PAGE (page), store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  wait_for_frame (&frames);
  g_print ("roster page to first frame (600 people x 28 days): %.1f ms\n", now_ms () - t);

  grid = SC_ROSTER_GRID (sc_roster_page_get_grid (SC_ROSTER_PAGE (page)));
  g_assert_cmpuint (sc_roster_grid_get_n_rows (grid), >=, 550);
  {
    int first = 0, last = 0;

    sc_roster_grid_get_drawn_rows (grid, &first, &last);
    g_print ("rows drawn in the first frame: %d of %u\n", last - first + 1, sc_roster_grid_get_n_rows (grid));
  }

  /* Scrolling at four weeks and at one week */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW));
  for (int zoom = 0; zoom < 2; zoom++)
    {
      sc_roster_grid_set_zoom (grid, zoom == 0 ? SC_ROSTER_ZOOM_MONTH : SC_ROSTER_ZOOM_WEEK);
      wait_for_frame (&frames);

      frames.paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
      frames.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
      frames.work_ms = g_array_new (FALSE, FALSE, sizeof (double));
      frames.last_frame = 0;
      scroll = (Scroll) {
        .vadjustment = gtk_scrolled_window_get_vadjustment (scrolled),
        .hadjustment = gtk_scrolled_window_get_hadjustment (scrolled),
        .step = 68,
      };
      gtk_widget_add_tick_callback (GTK_WIDGET (grid), scroll_tick_cb, &scroll, NULL);
      while (!scroll.done)
        g_main_context_iteration (NULL, TRUE);

      print_figures (zoom == 0 ? "scrolling, 4 weeks: paint (snapshot and render)"
                               : "scrolling, week: paint (snapshot and render)",
                     frames.paint_ms, 1000.0 / 60);
      print_figures (zoom == 0 ? "scrolling, 4 weeks: whole frame (tick, layout, paint)"
                               : "scrolling, week: whole frame (tick, layout, paint)",
                     frames.work_ms, 1000.0 / 60);
      print_figures (zoom == 0 ? "scrolling, 4 weeks: interval between frames"
                               : "scrolling, week: interval between frames",
                     frames.interval_ms, 1000.0 / 60 * 1.5);
      g_clear_pointer (&frames.paint_ms, g_array_unref);
      g_clear_pointer (&frames.interval_ms, g_array_unref);
      g_clear_pointer (&frames.work_ms, g_array_unref);
    }

  /* The grid alone, off screen: building its nodes, and drawing them with
   * cairo into an image (no X server in between) */
  for (int zoom = 0; zoom < 2; zoom++)
    {
      g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
      int width = gtk_widget_get_width (GTK_WIDGET (grid));
      int height = gtk_widget_get_height (GTK_WIDGET (grid));
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

      sc_roster_grid_set_zoom (grid, zoom == 0 ? SC_ROSTER_ZOOM_MONTH : SC_ROSTER_ZOOM_WEEK);
      wait_for_frame (&frames);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 5000);
      wait_for_frame (&frames);

      for (int i = 0; i < 100; i++)
        {
          GtkSnapshot *snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          cairo_t *cr;
          double t0 = now_ms (), t1;

          GTK_WIDGET_GET_CLASS (grid)->snapshot (GTK_WIDGET (grid), snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          t1 = now_ms ();
          cr = cairo_create (surface);
          gsk_render_node_draw (node, cr);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          g_array_append_vals (build, (double[]) { t1 - t0 }, 1);
          g_array_append_vals (draw, (double[]) { now_ms () - t1 }, 1);
        }
      cairo_surface_destroy (surface);

      print_figures (zoom == 0 ? "grid alone, 4 weeks: its nodes" : "grid alone, week: its nodes",
                     build, 1000.0 / 60);
      print_figures (zoom == 0 ? "grid alone, 4 weeks: drawn with cairo" : "grid alone, week: drawn with cairo",
                     draw, 1000.0 / 60);
    }

  /* One edit: move a shift, check all 600 rows again, redraw */
  {
    int person = -1, day = -1;

    for (int p = 0; p < 50 && person < 0; p++)
      for (int d = 0; d + 1 < N_DAYS && person < 0; d++)
        if (sc_roster_grid_get_cell (grid, p, d, NULL) >= 0 && sc_roster_grid_get_cell (grid, p, d + 1, NULL) < 0)
          {
            person = p;
            day = d;
          }

    if (person >= 0)
      {
        t = now_ms ();
        g_assert_true (sc_roster_grid_drop (grid, person, day, person, day + 1));
        wait_for_frame (&frames);
        g_print ("one edit (store, rescore, redraw): %.1f ms\n", now_ms () - t);

        t = now_ms ();
        g_assert_true (sc_roster_page_undo (SC_ROSTER_PAGE (page)));
        wait_for_frame (&frames);
        g_print ("its undo: %.1f ms\n", now_ms () - t);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
  }
  g_rmdir (dir);
  return 0;
}
