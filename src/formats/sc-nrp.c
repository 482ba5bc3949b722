/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-nrp"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-nrp.h"

G_DEFINE_QUARK (sc-nrp-error-quark, sc_nrp_error)

typedef enum
{
  SECTION_NONE = -1,
  SECTION_HORIZON,
  SECTION_SHIFTS,
  SECTION_STAFF,
  SECTION_DAYS_OFF,
  SECTION_SHIFT_ON_REQUESTS,
  SECTION_SHIFT_OFF_REQUESTS,
  SECTION_COVER,
  N_SECTIONS
} Section;

static const char *section_names[N_SECTIONS] = {
  "SECTION_HORIZON",
  "SECTION_SHIFTS",
  "SECTION_STAFF",
  "SECTION_DAYS_OFF",
  "SECTION_SHIFT_ON_REQUESTS",
  "SECTION_SHIFT_OFF_REQUESTS",
  "SECTION_COVER",
};

typedef struct
{
  guint   line;
  char  **fields;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_strfreev (row->fields);
}

/* A whole non-negative number, nothing else; the published instances
 * write some zeros as “-0” */
static gboolean
parse_count (const char *text,
             int        *out)
{
  gint64 value = 0;
  gboolean negative = FALSE;

  if (text != NULL && *text == '-')
    {
      negative = TRUE;
      text++;
    }
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *s = text; *s; s++)
    {
      if (!g_ascii_isdigit (*s))
        return FALSE;
      value = value * 10 + (*s - '0');
      if (value > G_MAXINT / 2)
        return FALSE;
    }
  if (negative && value != 0)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
get_count (const Row   *row,
           guint        field,
           const char  *what,
           int         *out,
           GError     **error)
{
  if (!parse_count (row->fields[field], out))
    {
      /* TRANSLATORS: the first %s names a field by its name in the file
       * format, such as “Weight” or “Length” */
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                   _("Line %u: %s “%s” is not a whole number of zero or more"),
                   row->line, what, row->fields[field]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_fields (const Row   *row,
              guint        min,
              guint        max,
              const char  *layout,
              GError     **error)
{
  guint n = g_strv_length (row->fields);

  if (n < min || n > max)
    {
      /* TRANSLATORS: the second %s lists the fields of the file format by
       * their names in the format, such as “EmployeeID, Day, ShiftID” */
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                   _("Line %u: expected %s, found %u fields"), row->line, layout, n);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_person (const ScRosterProblem *problem,
            const Row             *row,
            guint                  field,
            int                   *out,
            GError               **error)
{
  *out = sc_roster_problem_find_person (problem, row->fields[field]);
  if (*out < 0)
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                   _("Line %u: employee “%s” is not listed in SECTION_STAFF"),
                   row->line, row->fields[field]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_shift (const ScRosterProblem *problem,
           const Row             *row,
           const char            *id,
           int                   *out,
           GError               **error)
{
  *out = sc_roster_problem_find_shift_type (problem, id);
  if (*out < 0)
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                   _("Line %u: shift “%s” is not listed in SECTION_SHIFTS"), row->line, id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_day (const ScRosterProblem *problem,
         const Row             *row,
         const char            *text,
         int                   *out,
         GError               **error)
{
  if (!parse_count (text, out) || *out >= problem->n_days)
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                   _("Line %u: day “%s” is not a day index from 0 to %d"),
                   row->line, text, problem->n_days - 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_staff (ScRosterProblem *problem,
            const Row       *row,
            GError         **error)
{
  static const char *names[] = {
    NULL, NULL, "MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts",
    "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends",
  };
  int values[8];
  int p;
  ScRosterPerson *person;
  g_auto(GStrv) limits = NULL;
  g_autofree guint8 *seen = NULL;

  if (!check_fields (row, 8, 8,
                     "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, "
                     "MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends", error))
    return FALSE;
  if (*row->fields[0] == '\0')
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                   _("Line %u: the employee ID is empty"), row->line);
      return FALSE;
    }
  if (sc_roster_problem_find_person (problem, row->fields[0]) >= 0)
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                   _("Line %u: employee “%s” is listed twice"), row->line, row->fields[0]);
      return FALSE;
    }
  for (guint f = 2; f < 8; f++)
    if (!get_count (row, f, names[f], &values[f], error))
      return FALSE;

  p = sc_roster_problem_add_person (problem, row->fields[0]);
  person = sc_roster_problem_get_person (problem, p);
  person->max_minutes = values[2];
  person->min_minutes = values[3];
  person->max_consecutive_work = values[4];
  person->min_consecutive_work = values[5];
  person->min_consecutive_off = values[6];
  person->max_weekends = values[7];

  seen = g_new0 (guint8, problem->n_shift_types);
  limits = g_strsplit (row->fields[1], "|", -1);
  for (guint i = 0; limits[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (limits[i], "=", 2);
      int t, max;

      if (g_strv_length (kv) != 2)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                       _("Line %u: MaxShifts entry “%s” is not of the form ShiftID=limit"),
                       row->line, limits[i]);
          return FALSE;
        }
      if (!get_shift (problem, row, kv[0], &t, error))
        return FALSE;
      if (!parse_count (kv[1], &max))
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                       _("Line %u: MaxShifts limit “%s” is not a whole number of zero or more"),
                       row->line, kv[1]);
          return FALSE;
        }
      if (seen[t])
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                       _("Line %u: MaxShifts gives shift “%s” twice"), row->line, kv[0]);
          return FALSE;
        }
      seen[t] = 1;
      sc_roster_problem_set_max_shifts (problem, p, t, max);
    }
  return TRUE;
}

static gboolean
read_request (ScRosterProblem *problem,
              const Row       *row,
              gboolean         on,
              GError         **error)
{
  int p, d, t, weight;

  if (!check_fields (row, 4, 4, "EmployeeID, Day, ShiftID, Weight", error) ||
      !get_person (problem, row, 0, &p, error) ||
      !get_day (problem, row, row->fields[1], &d, error) ||
      !get_shift (problem, row, row->fields[2], &t, error) ||
      !get_count (row, 3, "Weight", &weight, error))
    return FALSE;
  sc_roster_problem_add_request (problem, p, d, t, on, weight);
  return TRUE;
}

static gboolean
read_cover (ScRosterProblem *problem,
            const Row       *row,
            GError         **error)
{
  int d, t, required, under, over;

  if (!check_fields (row, 5, 5, "Day, ShiftID, Requirement, Weight for under, Weight for over", error) ||
      !get_day (problem, row, row->fields[0], &d, error) ||
      !get_shift (problem, row, row->fields[1], &t, error) ||
      !get_count (row, 2, "Requirement", &required, error) ||
      !get_count (row, 3, "Weight for under", &under, error) ||
      !get_count (row, 4, "Weight for over", &over, error))
    return FALSE;
  sc_roster_problem_add_cover (problem, d, t, SC_ROSTER_ANY, required, under, over);
  return TRUE;
}

static gboolean
require_section (GArray       **rows,
                 const guint   *section_line,
                 Section        section,
                 guint          n_lines,
                 GError       **error)
{
  if (section_line[section] == 0 || rows[section]->len == 0)
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                   _("Line %u: the file ends without a %s section with entries"),
                   MAX (n_lines, 1), section_names[section]);
      return FALSE;
    }
  return TRUE;
}

static ScRosterProblem *
parse_text (char     *text,
            GArray  **rows,
            GError  **error)
{
  g_autoptr(ScRosterProblem) problem = NULL;
  g_auto(GStrv) lines = NULL;
  guint section_line[N_SECTIONS] = { 0 };
  Section current = SECTION_NONE;
  int horizon = 0;
  guint n_lines;

  /* 1: split into sections of rows */
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  for (guint i = 0; i < n_lines; i++)
    {
      char *line = g_strstrip (lines[i]);
      Row row;

      if (*line == '\0' || *line == '#')
        continue;
      if (g_str_has_prefix (line, "SECTION_"))
        {
          current = SECTION_NONE;
          for (int s = 0; s < N_SECTIONS; s++)
            if (strcmp (line, section_names[s]) == 0)
              current = (Section) s;
          if (current == SECTION_NONE)
            {
              g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                           _("Line %u: unknown section “%s”"), i + 1, line);
              return NULL;
            }
          if (section_line[current] != 0)
            {
              g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                           _("Line %u: section %s was already given on line %u"),
                           i + 1, line, section_line[current]);
              return NULL;
            }
          section_line[current] = i + 1;
          continue;
        }
      if (current == SECTION_NONE)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                       _("Line %u: “%s” is outside any section: the file must start with SECTION_HORIZON"),
                       i + 1, line);
          return NULL;
        }
      row.line = i + 1;
      row.fields = g_strsplit (line, ",", -1);
      for (guint f = 0; row.fields[f]; f++)
        g_strstrip (row.fields[f]);
      g_array_append_val (rows[current], row);
    }

  /* 2: horizon */
  if (!require_section (rows, section_line, SECTION_HORIZON, n_lines, error))
    return NULL;
  {
    Row *row = &g_array_index (rows[SECTION_HORIZON], Row, 0);

    if (rows[SECTION_HORIZON]->len != 1)
      {
        Row *extra = &g_array_index (rows[SECTION_HORIZON], Row, 1);

        g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                     _("Line %u: SECTION_HORIZON holds one number, the number of days"), extra->line);
        return NULL;
      }
    if (!check_fields (row, 1, 1, _("the number of days"), error) ||
        !get_count (row, 0, "horizon", &horizon, error))
      return NULL;
    if (horizon < 1 || horizon > 3660)
      {
        g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                     _("Line %u: the horizon must be from 1 to 3660 days"), row->line);
        return NULL;
      }
    problem = sc_roster_problem_new (horizon, G_DATE_MONDAY);
  }

  /* 3: shift types, then their successions */
  if (!require_section (rows, section_line, SECTION_SHIFTS, n_lines, error))
    return NULL;
  for (guint i = 0; i < rows[SECTION_SHIFTS]->len; i++)
    {
      Row *row = &g_array_index (rows[SECTION_SHIFTS], Row, i);
      int length;

      if (!check_fields (row, 2, 3, "ShiftID, Length in mins, Shifts which cannot follow", error) ||
          !get_count (row, 1, "Length", &length, error))
        return NULL;
      if (*row->fields[0] == '\0')
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                       _("Line %u: the shift ID is empty"), row->line);
          return NULL;
        }
      if (sc_roster_problem_find_shift_type (problem, row->fields[0]) >= 0)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                       _("Line %u: shift “%s” is listed twice"), row->line, row->fields[0]);
          return NULL;
        }
      if (length < 1 || length > 1440)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                       _("Line %u: a shift lasts from 1 to 1440 minutes"), row->line);
          return NULL;
        }
      if (problem->n_shift_types >= SC_ROSTER_MAX_SHIFT_TYPES)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                       _("Line %u: more than %d shift types"), row->line, SC_ROSTER_MAX_SHIFT_TYPES);
          return NULL;
        }
      sc_roster_problem_add_shift_type (problem, row->fields[0], 0, length);
    }
  for (guint i = 0; i < rows[SECTION_SHIFTS]->len; i++)
    {
      Row *row = &g_array_index (rows[SECTION_SHIFTS], Row, i);
      g_auto(GStrv) ids = NULL;

      if (row->fields[2] == NULL || *row->fields[2] == '\0')
        continue;
      ids = g_strsplit (row->fields[2], "|", -1);
      for (guint k = 0; ids[k]; k++)
        {
          int u;

          g_strstrip (ids[k]);
          if (!get_shift (problem, row, ids[k], &u, error))
            return NULL;
          sc_roster_problem_set_forbidden (problem, (int) i, u, TRUE);
        }
    }

  /* 4: staff and the rest */
  if (!require_section (rows, section_line, SECTION_STAFF, n_lines, error))
    return NULL;
  for (guint i = 0; i < rows[SECTION_STAFF]->len; i++)
    if (!read_staff (problem, &g_array_index (rows[SECTION_STAFF], Row, i), error))
      return NULL;

  for (guint i = 0; i < rows[SECTION_DAYS_OFF]->len; i++)
    {
      Row *row = &g_array_index (rows[SECTION_DAYS_OFF], Row, i);
      int p;

      if (!check_fields (row, 2, G_MAXUINT, "EmployeeID, DayIndexes", error) ||
          !get_person (problem, row, 0, &p, error))
        return NULL;
      for (guint f = 1; row->fields[f]; f++)
        {
          int d;

          if (!get_day (problem, row, row->fields[f], &d, error))
            return NULL;
          sc_roster_problem_set_unavailable (problem, p, d);
        }
    }
  for (guint i = 0; i < rows[SECTION_SHIFT_ON_REQUESTS]->len; i++)
    if (!read_request (problem, &g_array_index (rows[SECTION_SHIFT_ON_REQUESTS], Row, i), TRUE, error))
      return NULL;
  for (guint i = 0; i < rows[SECTION_SHIFT_OFF_REQUESTS]->len; i++)
    if (!read_request (problem, &g_array_index (rows[SECTION_SHIFT_OFF_REQUESTS], Row, i), FALSE, error))
      return NULL;
  for (guint i = 0; i < rows[SECTION_COVER]->len; i++)
    if (!read_cover (problem, &g_array_index (rows[SECTION_COVER], Row, i), error))
      return NULL;

  return g_steal_pointer (&problem);
}

ScRosterProblem *
sc_nrp_parse (const char  *data,
              gssize       length,
              GError     **error)
{
  g_autofree char *text = NULL;
  GArray *rows[N_SECTIONS];
  ScRosterProblem *problem;

  g_return_val_if_fail (data != NULL, NULL);

  text = length < 0 ? g_strdup (data) : g_strndup (data, length);
  if ((length >= 0 && strlen (text) != (gsize) length) || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_SYNTAX,
                   _("The file is not valid UTF-8 text"));
      return NULL;
    }
  for (int s = 0; s < N_SECTIONS; s++)
    {
      rows[s] = g_array_new (FALSE, FALSE, sizeof (Row));
      g_array_set_clear_func (rows[s], row_clear);
    }
  problem = parse_text (text, rows, error);
  for (int s = 0; s < N_SECTIONS; s++)
    g_array_unref (rows[s]);
  return problem;
}

ScRosterProblem *
sc_nrp_load (const char  *path,
             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  ScRosterProblem *problem;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  problem = sc_nrp_parse (contents, (gssize) length, &local_error);
  if (problem == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
    }
  return problem;
}

char *
sc_nrp_format_roster (const ScRosterProblem  *problem,
                      const ScRosterSolution *solution)
{
  GString *out = g_string_new (NULL);

  for (int p = 0; p < solution->n_people; p++)
    for (int d = 0; d < solution->n_days; d++)
      {
        int v = sc_roster_solution_get (solution, p, d);

        if (v != SC_ROSTER_OFF)
          g_string_append_printf (out, "%s,%d,%s\n", problem->people[p].id, d,
                                  problem->shift_types[v].id);
      }
  return g_string_free (out, FALSE);
}

ScRosterSolution *
sc_nrp_parse_roster (const ScRosterProblem  *problem,
                     const char             *data,
                     gssize                  length,
                     GError                **error)
{
  g_autoptr(ScRosterSolution) solution = sc_roster_solution_new_for_problem (problem);
  g_autofree char *text = length < 0 ? g_strdup (data) : g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      Row row = { i + 1, NULL };
      int p, d, t;

      if (*line == '\0' || *line == '#')
        continue;
      row.fields = g_strsplit (line, ",", -1);
      for (guint f = 0; row.fields[f]; f++)
        g_strstrip (row.fields[f]);
      if (!check_fields (&row, 3, 3, "EmployeeID, Day, ShiftID", error) ||
          !get_person (problem, &row, 0, &p, error) ||
          !get_day (problem, &row, row.fields[1], &d, error) ||
          !get_shift (problem, &row, row.fields[2], &t, error))
        {
          row_clear (&row);
          return NULL;
        }
      if (sc_roster_solution_get (solution, p, d) != SC_ROSTER_OFF)
        {
          g_set_error (error, SC_NRP_ERROR, SC_NRP_ERROR_INVALID,
                       _("Line %u: employee “%s” already has a shift on day %d"), row.line,
                       row.fields[0], d);
          row_clear (&row);
          return NULL;
        }
      sc_roster_solution_set (solution, p, d, t);
      row_clear (&row);
    }
  return g_steal_pointer (&solution);
}
