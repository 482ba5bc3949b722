/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-demo-exams"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sc-day.h"
#include "sc-demo-exams.h"
#include "sc-exam-grade.h"

/*
 * Three exams on the sample question bank, and a history for the sample
 * team: attempts taken over the five weeks before the roster starts
 * (recorded at the times they were taken, so item analysis has data),
 * essays graded but one, and certifications: valid ones from the passes,
 * one expiring soon and one expired. Everything comes from one seed and
 * the first day: the same day gives the same history.
 */

#define EXAM_SEED 20261201

typedef struct
{
  GRand  *rand;
  double  ability;   /* logit scale: 0 gets a middling question right half the time */
} Candidate;

static char *
right_response (const ScQuestion *question)
{
  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      {
        g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (int));
        int best = 0;

        for (guint i = 0; i < question->answers->len; i++)
          {
            ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);
            int position = i;

            if (question->single)
              {
                if (answer->fraction > ((ScQuestionAnswer *) g_ptr_array_index (question->answers, best))->fraction)
                  best = i;
              }
            else if (answer->fraction > 0)
              g_array_append_val (chosen, position);
          }
        if (question->single)
          g_array_append_val (chosen, best);
        return sc_exam_format_positions ((int *) chosen->data, chosen->len);
      }
    case SC_QUESTION_TYPE_TRUEFALSE:
      return g_strdup (question->correct ? "true" : "false");
    case SC_QUESTION_TYPE_SHORTANSWER:
    case SC_QUESTION_TYPE_NUMERICAL:
      for (guint i = 0; i < question->answers->len; i++)
        {
          ScQuestionAnswer *answer = g_ptr_array_index (question->answers, i);

          if (answer->fraction >= 1 - 1e-9)
            {
              g_autofree char *text = g_strdup (answer->text);

              /* A pattern's stars stand for nothing in particular */
              g_strdelimit (text, "*", ' ');
              return g_strdup (g_strstrip (text));
            }
        }
      return g_strdup ("");
    case SC_QUESTION_TYPE_MATCHING:
      {
        g_autoptr(GPtrArray) answers = sc_exam_matching_answers (question);
        g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));

        for (guint i = 0; i < question->pairs->len; i++)
          {
            ScQuestionPair *pair = g_ptr_array_index (question->pairs, i);

            if (pair->question == NULL || *pair->question == '\0')
              continue;
            for (guint k = 0; k < answers->len; k++)
              if (g_strcmp0 (g_ptr_array_index (answers, k), pair->answer) == 0)
                {
                  int position = k;
                  g_array_append_val (rows, position);
                  break;
                }
          }
        return sc_exam_format_positions ((int *) rows->data, rows->len);
      }
    case SC_QUESTION_TYPE_ESSAY:
      return g_strdup (_("First I apologised and repeated the problem back to the customer, then I offered a solution and a follow-up call."));
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      return NULL;
    }
}

static char *
wrong_response (const ScQuestion *question,
                GRand            *rand)
{
  switch (question->type)
    {
    case SC_QUESTION_TYPE_MULTICHOICE:
      {
        g_autoptr(GArray) wrong = g_array_new (FALSE, FALSE, sizeof (int));

        for (guint i = 0; i < question->answers->len; i++)
          if (((ScQuestionAnswer *) g_ptr_array_index (question->answers, i))->fraction <= 0)
            {
              int position = i;
              g_array_append_val (wrong, position);
            }
        if (wrong->len == 0)
          return g_strdup ("");
        return g_strdup_printf ("%d", g_array_index (wrong, int, g_rand_int_range (rand, 0, wrong->len)));
      }
    case SC_QUESTION_TYPE_TRUEFALSE:
      return g_strdup (question->correct ? "false" : "true");
    case SC_QUESTION_TYPE_SHORTANSWER:
      return g_strdup (_("I am not sure"));
    case SC_QUESTION_TYPE_NUMERICAL:
      return g_strdup ("-1");
    case SC_QUESTION_TYPE_MATCHING:
      {
        g_autoptr(GPtrArray) answers = sc_exam_matching_answers (question);
        g_autofree char *right = right_response (question);
        g_autoptr(GArray) rows = sc_exam_parse_positions (right);

        /* Two rows swapped */
        if (rows->len >= 2)
          {
            int swap = g_array_index (rows, int, 0);

            g_array_index (rows, int, 0) = g_array_index (rows, int, 1);
            g_array_index (rows, int, 1) = swap;
          }
        return sc_exam_format_positions ((int *) rows->data, rows->len);
      }
    case SC_QUESTION_TYPE_ESSAY:
      return g_strdup (_("I would tell the customer to call back later."));
    case SC_QUESTION_TYPE_DESCRIPTION:
    default:
      return NULL;
    }
}

static char *
answer_question (const ScQuestion *question,
                 GArray           *choice_order,
                 gpointer          user_data)
{
  Candidate *candidate = user_data;
  /* The bank's difficulty 1 to 5, centred on 3 */
  double chance = 1 / (1 + exp (-(candidate->ability - 0.6 * (question->difficulty - 3))));

  if (g_rand_double (candidate->rand) < chance)
    return right_response (question);
  return wrong_response (question, candidate->rand);
}

static gint64
find_category (GPtrArray  *categories,
               const char *path)
{
  for (guint i = 0; i < categories->len; i++)
    {
      ScQuestionCategory *category = g_ptr_array_index (categories, i);

      if (g_str_equal (category->path, path))
        return category->id;
    }
  return 0;
}

static char *
day_offset (const char *first_day,
            int         days,
            int         hour,
            int         minute)
{
  g_autoptr(GDateTime) first = sc_day_parse (first_day);
  g_autoptr(GDateTime) day = g_date_time_add_days (first, days);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00Z", g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day), hour, minute);
}

static char *
day_only (const char *first_day,
          int         days,
          int         months)
{
  g_autoptr(GDateTime) first = sc_day_parse (first_day);
  g_autoptr(GDateTime) shifted = g_date_time_add_months (first, months);
  g_autoptr(GDateTime) day = g_date_time_add_days (shifted, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/**
 * sc_demo_add_exams:
 * @people: the rostered people of the sample team, by id
 */
gboolean
sc_demo_add_exams (ScStore     *store,
                   ScSession   *session,
                   gint64       complaints_skill,
                   gint64       phone_skill,
                   gint64       diagnosis_skill,
                   GArray      *people,
                   const char  *first_day,
                   GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (EXAM_SEED);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(ScExam) complaints = sc_exam_new (_("Complaint handling — Intermediate"));
  g_autoptr(ScExam) phone = sc_exam_new (_("Phone channel — Junior"));
  g_autoptr(ScExam) diagnosis = sc_exam_new (_("Problem diagnosis (5W2H) — Intermediate"));
  g_autoptr(GPtrArray) essays = NULL;
  g_autoptr(ScCertification) soon = NULL;
  g_autoptr(ScCertification) expired = NULL;
  g_autofree char *soon_day = NULL;
  g_autofree char *expired_day = NULL;
  ScExam *exams[3];
  guint n_people;

  if (!(categories = sc_store_get_question_categories (store, session, error)))
    return FALSE;

  g_free (complaints->description);
  complaints->description =
    g_strdup (_("Handling a complaint from the first words to the follow-up: apologising, finding out what happened, offering a remedy, escalating."));
  complaints->skill_id = complaints_skill;
  complaints->level = SC_LEVEL_INTERMEDIATE;
  complaints->time_limit_minutes = 30;
  complaints->pass_percent = 70;
  complaints->attempts_allowed = 3;
  complaints->cooldown_hours = 24;
  complaints->review = SC_EXAM_REVIEW_AFTER_PASS;
  sc_exam_add_category_rule (complaints, find_category (categories, "情绪管理/投诉处理"), 8, 0);
  sc_exam_add_category_rule (complaints, find_category (categories, "情绪管理/安抚客户情绪"), 2, 0);
  sc_exam_add_band (complaints, 90, _("Excellent: ready to coach others on complaints."));
  sc_exam_add_band (complaints, 70, _("Passed: certified for the complaints desk."));
  sc_exam_add_band (complaints, 0, _("Not yet: review the complaint handling course and try again."));

  phone->skill_id = phone_skill;
  phone->level = SC_LEVEL_JUNIOR;
  phone->time_limit_minutes = 20;
  phone->overdue = SC_EXAM_OVERDUE_GRACE;
  phone->grace_minutes = 5;
  phone->pass_percent = 60;
  phone->validity_months = 24;
  sc_exam_add_category_rule (phone, find_category (categories, "渠道技能/电话"), 10, 0);
  sc_exam_add_band (phone, 60, _("Passed: certified for the phones."));
  sc_exam_add_band (phone, 0, _("Not yet: listen to the recorded calls of the phone course and try again."));

  diagnosis->skill_id = diagnosis_skill;
  diagnosis->level = SC_LEVEL_INTERMEDIATE;
  diagnosis->time_limit_minutes = 25;
  diagnosis->pass_percent = 65;
  diagnosis->grading_method = SC_EXAM_GRADING_LAST;
  sc_exam_add_category_rule (diagnosis, find_category (categories, "问题解决/问题诊断（5W2H）"), 8, 0);

  exams[0] = complaints;
  exams[1] = phone;
  exams[2] = diagnosis;
  for (guint e = 0; e < G_N_ELEMENTS (exams); e++)
    if (!sc_store_save_exam (store, session, exams[e], error))
      return FALSE;

  /* Half the team took the complaints exam, most took the phone exam,
   * over the five weeks before the roster */
  n_people = MIN (people->len, 24);
  for (guint i = 0; i < n_people; i++)
    {
      gint64 person = g_array_index (people, gint64, i);
      Candidate candidate = { rand, g_rand_double_range (rand, -1.5, 2.0) };

      for (guint e = 0; e < G_N_ELEMENTS (exams); e++)
        {
          g_autofree char *started = NULL;
          int day = -35 + (int) ((i * 3 + e * 5) % 30);

          if (e == 0 && i % 2 == 1)
            continue;
          if (e == 2 && i % 3 != 0)
            continue;

          started = day_offset (first_day, day, 9 + (int) (i % 8), (int) (i * 7 % 60));
          if (!sc_store_record_attempt (store, session, exams[e]->id, person, started,
                                        10 + (int) (i * 11 % 15), answer_question, &candidate, error))
            return FALSE;
        }
    }

  /* The trainers have graded the essays but the latest one */
  if (!(essays = sc_store_get_essays_to_grade (store, session, error)))
    return FALSE;
  for (guint i = 0; i + 1 < essays->len; i++)
    {
      ScEssayToGrade *essay = g_ptr_array_index (essays, i);
      double fraction = strlen (essay->response) > 60 ? 0.8 : 0.3;

      if (!sc_store_grade_essay (store, session, essay->attempt_id, essay->position, fraction,
                                 fraction > 0.5 ? _("Good structure; name the follow-up date.")
                                                : _("Too short: apologise and offer a remedy."),
                                 error))
        return FALSE;
    }

  /* From before the exams were on the desktop: one certification expiring
   * in two weeks, one that expired two months ago */
  soon_day = day_only (first_day, 14, -12);
  expired_day = day_only (first_day, 0, -14);
  if (people->len > n_people + 1)
    {
      if (!(soon = sc_store_issue_certification (store, session, g_array_index (people, gint64, n_people),
                                                 complaints_skill, SC_LEVEL_SENIOR, soon_day, 12, error)) ||
          !(expired = sc_store_issue_certification (store, session, g_array_index (people, gint64, n_people + 1),
                                                    phone_skill, SC_LEVEL_JUNIOR, expired_day, 12, error)))
        return FALSE;
    }

  return TRUE;
}
