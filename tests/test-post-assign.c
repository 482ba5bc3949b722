/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-day.h"
#include "sc-demo.h"
#include "sc-ics.h"
#include "sc-post-assign.h"
#include "sc-roster-input.h"
#include "sc-roster-solver.h"
#include "sc-test-util.h"

/*
 * The post (channel) each shift is worked on: small problems whose answer
 * is worked out by hand in the comments, then the sample team's generated
 * roster in the store.
 */

#define PHONE 0
#define CHAT  1
#define EMAIL 2
#define ALL_CHANNELS 0x7

/* One Monday; an early shift 08:00–16:00 (type 0), a night 22:00–06:00
 * (type 1) */
static ScRosterProblem *
new_problem (int n_people)
{
  ScRosterProblem *problem = sc_roster_problem_new (2, G_DATE_MONDAY);

  sc_roster_problem_add_shift_type (problem, "E", 8 * 60, 480);
  sc_roster_problem_add_shift_type (problem, "N", 22 * 60, 480);
  for (int p = 0; p < n_people; p++)
    {
      g_autofree char *id = g_strdup_printf ("p%d", p);

      sc_roster_problem_add_person (problem, id);
    }
  return problem;
}

static void
set_skills (ScRosterProblem *problem,
            int              person,
            guint64          skills)
{
  sc_roster_problem_get_person (problem, person)->skills = skills;
}

/* Half hours of @skill from @start (minutes from day 0's midnight) */
static void
add_need (ScRosterProblem *problem,
          int              skill,
          int              start,
          int              n_intervals,
          int              required)
{
  for (int i = 0; i < n_intervals; i++)
    sc_roster_problem_add_interval_cover (problem, start + i * 30, 30, skill, required, 100, 1);
}

static int *
assign_early (ScRosterProblem *problem,
              const int       *kept)
{
  g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);

  for (int p = 0; p < problem->n_people; p++)
    sc_roster_solution_set (solution, p, 0, 0);
  return sc_post_assign (problem, solution, ALL_CHANNELS, kept);
}

#define POST(posts, problem, p) ((posts)[(p) * (problem)->n_days + 0])

/* One channel each, or none: no choice to make */
static void
test_single_skill (void)
{
  g_autoptr(ScRosterProblem) problem = new_problem (5);
  g_autofree int *posts = NULL;

  add_need (problem, PHONE, 8 * 60, 4, 1);
  add_need (problem, CHAT, 8 * 60, 4, 1);
  set_skills (problem, 0, 1 << PHONE);
  set_skills (problem, 1, 1 << CHAT);
  set_skills (problem, 2, 0);
  /* holds email, which no one needs; and phone plus a skill that is not a channel */
  set_skills (problem, 3, 1 << EMAIL);
  set_skills (problem, 4, (1 << PHONE) | (1 << 5));

  posts = assign_early (problem, NULL);
  g_assert_cmpint (POST (posts, problem, 0), ==, PHONE);
  g_assert_cmpint (POST (posts, problem, 1), ==, CHAT);
  g_assert_cmpint (POST (posts, problem, 2), ==, SC_POST_NONE);
  g_assert_cmpint (POST (posts, problem, 3), ==, SC_POST_NONE);
  g_assert_cmpint (POST (posts, problem, 4), ==, PHONE);

  /* Days off have no post */
  for (int p = 0; p < 5; p++)
    g_assert_cmpint (posts[p * 2 + 1], ==, SC_POST_NONE);
}

/* Phone needs 2 people and chat 3, over four half hours of the early
 * shift. Person 0 holds only phone: phone. Then, short in person-minutes:
 *   person 1: phone 4 × (2 − 1) × 30 = 120, chat 4 × 3 × 30 = 360 → chat
 *   person 2: phone 120, chat 4 × 2 × 30 = 240                    → chat
 *   person 3: phone 120, chat 120, both balances 120: a tie        → phone
 * The other half hours of the shift need no one. */
static void
test_two_channels (void)
{
  g_autoptr(ScRosterProblem) problem = new_problem (4);
  g_autofree int *posts = NULL;

  add_need (problem, PHONE, 9 * 60, 4, 2);
  add_need (problem, CHAT, 9 * 60, 4, 3);
  set_skills (problem, 0, 1 << PHONE);
  for (int p = 1; p < 4; p++)
    set_skills (problem, p, (1 << PHONE) | (1 << CHAT));

  posts = assign_early (problem, NULL);
  g_assert_cmpint (POST (posts, problem, 0), ==, PHONE);
  g_assert_cmpint (POST (posts, problem, 1), ==, CHAT);
  g_assert_cmpint (POST (posts, problem, 2), ==, CHAT);
  g_assert_cmpint (POST (posts, problem, 3), ==, PHONE);
}

/* Ties: with equal needs the first channel; when both are covered, the
 * one less over-covered; and fewer choices go first. */
static void
test_ties (void)
{
  /* Phone and chat need 1 each: person 0 takes phone (the first), person
   * 1 chat (phone is covered), person 2 phone again (both covered, both
   * balances 0: the first) */
  {
    g_autoptr(ScRosterProblem) problem = new_problem (3);
    g_autofree int *posts = NULL;

    add_need (problem, PHONE, 8 * 60, 2, 1);
    add_need (problem, CHAT, 8 * 60, 2, 1);
    for (int p = 0; p < 3; p++)
      set_skills (problem, p, (1 << PHONE) | (1 << CHAT));

    posts = assign_early (problem, NULL);
    g_assert_cmpint (POST (posts, problem, 0), ==, PHONE);
    g_assert_cmpint (POST (posts, problem, 1), ==, CHAT);
    g_assert_cmpint (POST (posts, problem, 2), ==, PHONE);
  }

  /* Covered alike, over-covered not alike: phone has two people kept on
   * it for a need of one (balance −60), chat one (balance 0): person 3
   * goes to chat, although phone comes first */
  {
    g_autoptr(ScRosterProblem) problem = new_problem (4);
    g_autofree int *posts = NULL;
    int kept[] = { PHONE, SC_POST_NONE, PHONE, SC_POST_NONE, CHAT, SC_POST_NONE,
                   SC_POST_CHOOSE, SC_POST_NONE };

    add_need (problem, PHONE, 8 * 60, 2, 1);
    add_need (problem, CHAT, 8 * 60, 2, 1);
    for (int p = 0; p < 4; p++)
      set_skills (problem, p, (1 << PHONE) | (1 << CHAT));

    posts = assign_early (problem, kept);
    g_assert_cmpint (POST (posts, problem, 3), ==, CHAT);
  }

  /* Fewest choices first: person 1 (phone or chat) before person 0
   * (phone, chat or email) although 0 comes first. Person 1 takes phone
   * (a tie, the first); then person 0: phone covered, chat and email
   * short alike → chat. By person order it would have been phone for
   * person 0 and chat for person 1. */
  {
    g_autoptr(ScRosterProblem) problem = new_problem (2);
    g_autofree int *posts = NULL;

    add_need (problem, PHONE, 8 * 60, 2, 1);
    add_need (problem, CHAT, 8 * 60, 2, 1);
    add_need (problem, EMAIL, 8 * 60, 2, 1);
    set_skills (problem, 0, (1 << PHONE) | (1 << CHAT) | (1 << EMAIL));
    set_skills (problem, 1, (1 << PHONE) | (1 << CHAT));

    posts = assign_early (problem, NULL);
    g_assert_cmpint (POST (posts, problem, 1), ==, PHONE);
    g_assert_cmpint (POST (posts, problem, 0), ==, CHAT);
  }
}

/* Kept posts stay, even one the person would not get, and count: with
 * person 0 kept on phone, person 1 goes to chat; person 2 is kept on no
 * post although they could work one */
static void
test_locked_kept (void)
{
  g_autoptr(ScRosterProblem) problem = new_problem (3);
  g_autofree int *posts = NULL;
  int kept[] = { PHONE, SC_POST_NONE, SC_POST_CHOOSE, SC_POST_NONE, SC_POST_NONE, SC_POST_NONE };

  add_need (problem, PHONE, 8 * 60, 2, 1);
  add_need (problem, CHAT, 8 * 60, 2, 1);
  set_skills (problem, 0, 1 << CHAT);
  set_skills (problem, 1, (1 << PHONE) | (1 << CHAT));
  set_skills (problem, 2, 1 << PHONE);

  posts = assign_early (problem, kept);
  g_assert_cmpint (POST (posts, problem, 0), ==, PHONE);
  g_assert_cmpint (POST (posts, problem, 1), ==, CHAT);
  g_assert_cmpint (POST (posts, problem, 2), ==, SC_POST_NONE);
}

/* Only channels in the shift's time: a need outside it (or only partly
 * inside) is no choice; a night counts the next day's early hours; a
 * cover on the shift type counts like the intervals */
static void
test_no_channel (void)
{
  g_autoptr(ScRosterProblem) problem = new_problem (3);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autofree int *posts = NULL;

  /* 15:45–16:15 runs past the early shift; email all evening */
  sc_roster_problem_add_interval_cover (problem, 15 * 60 + 45, 30, PHONE, 3, 100, 1);
  add_need (problem, EMAIL, 17 * 60, 6, 2);
  /* phone at 02:00 on day 1, inside the night from day 0 */
  add_need (problem, PHONE, 24 * 60 + 2 * 60, 1, 1);
  /* chat on the early shift of day 0, by shift type */
  sc_roster_problem_add_cover (problem, 0, 0, CHAT, 1, 100, 1);

  set_skills (problem, 0, (1 << PHONE) | (1 << EMAIL));
  set_skills (problem, 1, (1 << PHONE) | (1 << CHAT));
  set_skills (problem, 2, (1 << PHONE) | (1 << EMAIL));

  solution = sc_roster_solution_new_for_problem (problem);
  sc_roster_solution_set (solution, 0, 0, 0);   /* early: nothing it can take */
  sc_roster_solution_set (solution, 1, 0, 0);   /* early: chat by shift type */
  sc_roster_solution_set (solution, 2, 0, 1);   /* night: phone after midnight */

  posts = sc_post_assign (problem, solution, ALL_CHANNELS, NULL);
  g_assert_cmpint (posts[0 * 2], ==, SC_POST_NONE);
  g_assert_cmpint (posts[1 * 2], ==, CHAT);
  g_assert_cmpint (posts[2 * 2], ==, PHONE);

  /* A skill that is not a channel is never a post */
  g_clear_pointer (&posts, g_free);
  posts = sc_post_assign (problem, solution, 1 << PHONE, NULL);
  g_assert_cmpint (posts[1 * 2], ==, SC_POST_NONE);
  g_assert_cmpint (posts[2 * 2], ==, PHONE);
}

/* The same roster, the same posts */
static void
test_deterministic (void)
{
  g_autoptr(ScRosterProblem) problem = new_problem (12);
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autofree int *first = NULL;
  g_autofree int *second = NULL;

  for (int d = 0; d < 2; d++)
    {
      add_need (problem, PHONE, d * 1440 + 8 * 60, 16, 3);
      add_need (problem, CHAT, d * 1440 + 8 * 60, 16, 2);
      add_need (problem, EMAIL, d * 1440 + 8 * 60, 16, 1);
    }
  solution = sc_roster_solution_new_for_problem (problem);
  for (int p = 0; p < 12; p++)
    {
      set_skills (problem, p, (p % 7) + 1);
      sc_roster_solution_set (solution, p, p % 2, 0);
    }

  first = sc_post_assign (problem, solution, ALL_CHANNELS, NULL);
  second = sc_post_assign (problem, solution, ALL_CHANNELS, NULL);
  g_assert_cmpmem (first, sizeof (int) * 24, second, sizeof (int) * 24);
  for (int p = 0; p < 12; p++)
    {
      int post = first[p * 2 + p % 2];

      g_assert_cmpint (post, >=, 0);
      g_assert_true (problem->people[p].skills & (1 << post));
    }
}

/* The store: a solved roster of the sample team is saved with posts */

#define FIRST_DAY "2026-12-28" /* a Monday */
#define N_DAYS    14

typedef struct
{
  ScStore       *store;
  ScSession     *boss;
  ScRosterInput *input;
  gint64         roster_id;
  guint64        channels;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = sc_test_make_dir ();
  g_autoptr(ScRosterSolution) solution = NULL;
  g_autoptr(GError) error = NULL;
  ScRosterSolverOptions options;

  f->store = sc_test_open_store (dir, "posts.db");
  f->boss = g_object_ref (sc_test_session ());
  g_assert_true (sc_demo_populate_from (f->store, f->boss, FIRST_DAY, NULL, &error));
  g_assert_no_error (error);

  f->input = sc_store_build_roster_input (f->store, f->boss, FIRST_DAY, N_DAYS, &error);
  g_assert_no_error (error);
  g_assert_true (sc_store_get_post_channels (f->store, f->input, &f->channels, &error));
  g_assert_no_error (error);

  sc_roster_solver_options_init (&options);
  options.seed = 1;
  options.time_limit = 1;
  solution = sc_roster_solve (f->input->problem, NULL, &options, NULL, NULL);
  f->roster_id = sc_store_save_roster_solution (f->store, f->boss, f->input, solution, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->roster_id, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->input, sc_roster_input_free);
  g_clear_object (&f->store);
  g_clear_object (&f->boss);
}

static int
find (GArray *ids,
      gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

static GArray *
get_shifts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GArray *shifts = sc_store_get_roster_shifts (f->store, f->boss, f->roster_id, FALSE, &error);

  g_assert_no_error (error);
  return shifts;
}

static const ScRosterShift *
find_shift (GArray *shifts,
            gint64  id)
{
  for (guint i = 0; i < shifts->len; i++)
    if (g_array_index (shifts, ScRosterShift, i).id == id)
      return &g_array_index (shifts, ScRosterShift, i);
  g_assert_not_reached ();
}

static void
test_store_solved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) shifts = get_shifts (f);
  g_autoptr(GHashTable) posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint with_post = 0, single = 0;

  /* The sample team's three channels */
  g_assert_cmpint (__builtin_popcountll (f->channels), ==, 3);
  g_assert_cmpuint (shifts->len, >, 100);

  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);
      int p = find (f->input->person_ids, shift->person_id);
      guint64 held;

      g_assert_cmpint (p, >=, 0);
      held = f->input->problem->people[p].skills & f->channels;
      g_assert_false (shift->post_chosen);
      if (shift->skill_id == 0)
        continue;

      /* A channel the person holds */
      with_post++;
      g_assert_cmpint (find (f->input->skill_ids, shift->skill_id), >=, 0);
      g_assert_true (held & (G_GUINT64_CONSTANT (1) << find (f->input->skill_ids, shift->skill_id)));
      g_hash_table_add (posts, g_memdup2 (&shift->skill_id, sizeof (gint64)));

      /* Someone with one channel works on it */
      if ((held & (held - 1)) == 0)
        single++;
    }

  g_test_message ("%u of %u shifts on a post, %u by people with one channel", with_post, shifts->len, single);
  g_assert_cmpuint (with_post, >=, shifts->len * 9 / 10);
  g_assert_cmpuint (g_hash_table_size (posts), ==, 3);
  g_assert_cmpuint (single, >, 0);
}

/* Locked shifts and chosen posts are kept when posts are assigned again;
 * a moved shift keeps its post only where the person holds it */
static void
test_store_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) shifts = get_shifts (f);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const ScRosterShift *multi = NULL, *locked = NULL;
  gint64 other_post = 0, not_holding = 0;
  guint changed = 99;

  /* A shift of someone holding two channels or more, and another one */
  for (guint i = 0; i < shifts->len; i++)
    {
      const ScRosterShift *shift = &g_array_index (shifts, ScRosterShift, i);
      int p = find (f->input->person_ids, shift->person_id);
      guint64 held = f->input->problem->people[p].skills & f->channels;

      if (multi == NULL && shift->skill_id != 0 && (held & (held - 1)) != 0)
        {
          multi = shift;
          for (guint s = 0; s < f->input->skill_ids->len; s++)
            if ((held & (G_GUINT64_CONSTANT (1) << s)) && g_array_index (f->input->skill_ids, gint64, s) != shift->skill_id)
              other_post = g_array_index (f->input->skill_ids, gint64, s);
        }
      else if (locked == NULL && shift->skill_id != 0 && multi != NULL && shift->person_id != multi->person_id)
        locked = shift;
    }
  g_assert_nonnull (multi);
  g_assert_nonnull (locked);
  g_assert_cmpint (other_post, !=, 0);

  /* Nothing to change on a roster just assigned */
  g_assert_true (sc_store_assign_roster_posts (f->store, f->boss, f->input, f->roster_id, NULL, &changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  /* Choose the other post by hand; lock the other shift on no post */
  g_assert_true (sc_store_set_shift_post (f->store, f->boss, multi->id, other_post, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sc_store_set_shift_post (f->store, f->boss, locked->id, 0, FALSE, &error));
  g_assert_true (sc_store_set_shift_locked (f->store, f->boss, locked->id, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (sc_store_assign_roster_posts (f->store, f->boss, f->input, f->roster_id, NULL, NULL, &error));
  g_assert_no_error (error);
  after = get_shifts (f);
  g_assert_cmpint (find_shift (after, multi->id)->skill_id, ==, other_post);
  g_assert_true (find_shift (after, multi->id)->post_chosen);
  g_assert_cmpint (find_shift (after, locked->id)->skill_id, ==, 0);

  /* Unlocked, it gets a post again */
  g_assert_true (sc_store_set_shift_locked (f->store, f->boss, locked->id, FALSE, &error));
  g_assert_true (sc_store_assign_roster_posts (f->store, f->boss, f->input, f->roster_id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_array_unref);
  after = get_shifts (f);
  g_assert_cmpint (find_shift (after, locked->id)->skill_id, !=, 0);

  /* A skill the person does not hold is refused, saying who and what */
  {
    g_autoptr(GPtrArray) held = sc_store_get_person_skills (f->store, f->boss, multi->person_id, NULL);

    for (guint s = 0; s < f->input->skill_ids->len; s++)
      {
        gint64 id = g_array_index (f->input->skill_ids, gint64, s);
        gboolean holds = FALSE;

        for (guint k = 0; held != NULL && k < held->len; k++)
          holds |= sc_person_skill_get_skill_id (g_ptr_array_index (held, k)) == id &&
                   sc_person_skill_get_proficiency (g_ptr_array_index (held, k)) >= 2;
        if (!holds)
          not_holding = id;
      }
  }
  if (not_holding != 0)
    {
      g_assert_false (sc_store_set_shift_post (f->store, f->boss, multi->id, not_holding, TRUE, &error));
      g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (sc_store_set_shift_post (f->store, f->boss, multi->id, 999999, TRUE, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

/* Moving a shift to someone who holds its post keeps it; to someone who
 * does not, the shift is on no post */
static void
test_store_move (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) shifts = get_shifts (f);
  g_autoptr(GError) error = NULL;
  const ScRosterShift *shift = NULL;
  gint64 holder = 0, stranger = 0;

  for (guint i = 0; i < shifts->len && (holder == 0 || stranger == 0); i++)
    {
      shift = &g_array_index (shifts, ScRosterShift, i);
      if (shift->skill_id == 0)
        continue;
      holder = stranger = 0;
      for (int p = 0; p < f->input->problem->n_people; p++)
        {
          gint64 person_id = g_array_index (f->input->person_ids, gint64, p);
          int s = find (f->input->skill_ids, shift->skill_id);
          gboolean busy = FALSE;

          for (guint j = 0; j < shifts->len; j++)
            busy |= g_array_index (shifts, ScRosterShift, j).person_id == person_id &&
                    g_str_equal (g_array_index (shifts, ScRosterShift, j).day, shift->day);
          if (busy)
            continue;
          /* proficiency 2 or more is what the problem's skills hold, when the skill needs no certificate */
          if (f->input->problem->people[p].skills & (G_GUINT64_CONSTANT (1) << s))
            holder = holder ?: person_id;
          else
            {
              g_autoptr(GPtrArray) skills = sc_store_get_person_skills (f->store, f->boss, person_id, NULL);
              gboolean any = FALSE;

              for (guint k = 0; skills != NULL && k < skills->len; k++)
                any |= sc_person_skill_get_skill_id (g_ptr_array_index (skills, k)) == shift->skill_id;
              if (!any)
                stranger = stranger ?: person_id;
            }
        }
    }
  g_assert_cmpint (holder, !=, 0);
  g_assert_cmpint (stranger, !=, 0);

  {
    gint64 skill_id = shift->skill_id;
    char day[11];
    gint64 id;
    ScRosterShift moved;

    g_strlcpy (day, shift->day, sizeof day);
    id = sc_store_move_shift (f->store, f->boss, shift->id, holder, day, &error);
    g_assert_no_error (error);
    g_assert_true (sc_store_get_shift (f->store, f->boss, id, &moved, &error));
    g_assert_cmpint (moved.skill_id, ==, skill_id);

    id = sc_store_move_shift (f->store, f->boss, id, stranger, day, &error);
    g_assert_no_error (error);
    g_assert_true (sc_store_get_shift (f->store, f->boss, id, &moved, &error));
    g_assert_cmpint (moved.skill_id, ==, 0);
  }
}

/* Published, each shift's event says its post: “Early 08:00–16:00 · Phone” */
static void
test_store_ics (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GArray) shifts = get_shifts (f);
  g_autoptr(GPtrArray) skills = sc_store_get_skills (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wanted = NULL;
  g_auto(GStrv) lines = NULL;
  const ScRosterShift *first = NULL;
  const char *post_name = NULL;
  ScCalendar *calendar;
  guint expected = 0, found = 0;
  gsize length;

  for (guint i = 0; i < shifts->len && first == NULL; i++)
    if (g_array_index (shifts, ScRosterShift, i).skill_id != 0)
      first = &g_array_index (shifts, ScRosterShift, i);
  g_assert_nonnull (first);
  for (guint i = 0; i < skills->len; i++)
    if (sc_skill_get_id (g_ptr_array_index (skills, i)) == first->skill_id)
      post_name = sc_skill_get_name (g_ptr_array_index (skills, i));
  g_assert_nonnull (post_name);
  for (guint i = 0; i < shifts->len; i++)
    expected += g_array_index (shifts, ScRosterShift, i).person_id == first->person_id &&
                g_array_index (shifts, ScRosterShift, i).skill_id == first->skill_id;

  g_assert_cmpint (sc_store_publish_roster (f->store, f->boss, f->roster_id, &error), ==, 1);
  g_assert_no_error (error);
  calendar = sc_store_get_calendar (f->store, f->boss, FIRST_DAY, N_DAYS, first->person_id, &error);
  g_assert_no_error (error);
  text = sc_ics_export (calendar, NULL, &length, &error);
  g_assert_no_error (error);
  sc_calendar_free (calendar);

  /* Unfolded, the summaries that end with the post */
  {
    g_auto(GStrv) parts = g_strsplit (text, "\r\n ", -1);
    g_autofree char *unfolded = g_strjoinv ("", parts);

    lines = g_strsplit (unfolded, "\r\n", -1);
  }
  wanted = g_strdup_printf (" · %s", post_name);
  for (guint i = 0; lines[i] != NULL; i++)
    found += g_str_has_prefix (lines[i], "SUMMARY:") && g_str_has_suffix (lines[i], wanted);
  g_test_message ("%u events on %s", found, post_name);
  g_assert_cmpuint (found, ==, expected);
  g_assert_cmpuint (found, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/post-assign/single-skill", test_single_skill);
  g_test_add_func ("/core/post-assign/two-channels", test_two_channels);
  g_test_add_func ("/core/post-assign/ties", test_ties);
  g_test_add_func ("/core/post-assign/locked-kept", test_locked_kept);
  g_test_add_func ("/core/post-assign/no-channel", test_no_channel);
  g_test_add_func ("/core/post-assign/deterministic", test_deterministic);
  g_test_add ("/core/post-assign/store/solved", Fixture, NULL, fixture_set_up, test_store_solved, fixture_tear_down);
  g_test_add ("/core/post-assign/store/kept", Fixture, NULL, fixture_set_up, test_store_kept, fixture_tear_down);
  g_test_add ("/core/post-assign/store/move", Fixture, NULL, fixture_set_up, test_store_move, fixture_tear_down);
  g_test_add ("/core/post-assign/store/ics", Fixture, NULL, fixture_set_up, test_store_ics, fixture_tear_down);

  return g_test_run ();
}
