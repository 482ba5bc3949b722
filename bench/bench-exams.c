/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Exam figures: starting an attempt on the sample bank, saving an answer
 * (each is a committed transaction, as in exam mode), submitting, and
 * item analysis of a large grid. Prints figures; never fails on time.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "sc-demo.h"
#include "sc-item-analysis.h"
#include "sc-store.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
bench_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shiftcraft-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(ScSession) session = sc_session_new_system ();
  g_autoptr(ScStore) store = sc_store_open (path, &error);
  g_autoptr(GPtrArray) exams = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) all = NULL;
  double t, start_total = 0, save_total = 0, submit_total = 0;
  guint n_starts = 0, n_saves = 0;

  if (store == NULL || !sc_demo_populate (store, session, NULL, &error))
    g_error ("%s", error->message);
  exams = sc_store_get_exams (store, session, &error);
  all = sc_store_get_people (store, session, FALSE, &error);

  /* The people with no attempt at the phone exam yet: the last ones */
  for (guint i = all->len - 20; i < all->len; i++)
    {
      ScPerson *person = g_ptr_array_index (all, i);
      ScExam *exam = g_ptr_array_index (exams, 0);
      g_autoptr(ScExamAttempt) attempt = NULL;
      g_autoptr(ScExamAttempt) done = NULL;
      g_autoptr(GPtrArray) questions = NULL;
      /* Each takes the exam in their own name */
      g_autoptr(ScSession) agent = sc_session_new (0, sc_person_get_id (person), SC_ACCOUNT_ROLE_AGENT,
                                                   sc_person_get_name (person));

      t = now ();
      attempt = sc_store_start_attempt (store, agent, exam->id, sc_person_get_id (person), &error);
      start_total += now () - t;
      if (attempt == NULL)
        {
          g_print ("skipped %s: %s\n", sc_person_get_name (person), error->message);
          g_clear_error (&error);
          continue;
        }
      n_starts++;

      questions = sc_store_get_attempt_questions (store, agent, attempt->id, &error);
      for (guint k = 0; k < questions->len; k++)
        {
          t = now ();
          if (!sc_store_save_answer (store, agent, attempt->id, k, "0", &error))
            g_error ("%s", error->message);
          save_total += now () - t;
          n_saves++;
        }

      t = now ();
      done = sc_store_submit_attempt (store, agent, attempt->id, &error);
      submit_total += now () - t;
      if (done == NULL)
        g_error ("%s", error->message);
    }

  g_print ("start attempt:  %.2f ms mean over %u\n", 1000 * start_total / MAX (n_starts, 1), n_starts);
  g_print ("save answer:    %.2f ms mean over %u\n", 1000 * save_total / MAX (n_saves, 1), n_saves);
  g_print ("submit + grade: %.2f ms mean over %u\n", 1000 * submit_total / MAX (n_starts, 1), n_starts);

  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static void
bench_item_analysis (guint n_attempts,
                     guint n_items)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree double *grid = g_new (double, (gsize) n_attempts * n_items);
  g_autofree double *max = g_new (double, n_items);
  g_autoptr(ScItemAnalysis) analysis = NULL;
  double t;

  for (guint i = 0; i < n_items; i++)
    max[i] = 1;
  for (guint a = 0; a < n_attempts; a++)
    {
      double ability = g_rand_double_range (rand, -2, 2);

      for (guint i = 0; i < n_items; i++)
        grid[(gsize) a * n_items + i] =
          g_rand_double (rand) < 1 / (1 + exp (-(ability - (i % 5 - 2) * 0.5))) ? 1 : 0;
    }

  t = now ();
  analysis = sc_item_analysis_compute (grid, n_attempts, n_items, max);
  g_print ("item analysis %u × %u: %.2f ms, α = %.3f\n", n_attempts, n_items, 1000 * (now () - t),
           analysis->alpha);
}

int
main (int   argc,
      char *argv[])
{
  bench_store ();
  bench_item_analysis (100, 20);
  bench_item_analysis (1000, 50);
  bench_item_analysis (10000, 100);
  return 0;
}
