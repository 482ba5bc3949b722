/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sc-people-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-csv.h"
#include "sc-people-csv.h"

typedef enum
{
  FIELD_NAME,
  FIELD_EMPLOYEE_NO,
  FIELD_ROLE,
  FIELD_LEVEL,
  FIELD_HIRE_DATE,
  FIELD_EMAIL,
  FIELD_CREW,
  FIELD_MIN_HOURS_WEEK,
  FIELD_MAX_HOURS_WEEK,
  FIELD_MAX_CONSECUTIVE_DAYS,
  FIELD_MIN_REST_HOURS,
  FIELD_SKILLS,
  N_FIELDS
} Field;

typedef struct
{
  const char *label;
  const char *headers[8];
} FieldInfo;

static const FieldInfo fields[N_FIELDS] = {
  [FIELD_NAME] = { N_("Name"), { "Name", "Full name", "姓名", NULL } },
  [FIELD_EMPLOYEE_NO] = { N_("Employee number"),
                          { "Employee No", "Employee Number", "employee_no", "Employee ID",
                            "工号", "员工编号", NULL } },
  [FIELD_ROLE] = { N_("Role"), { "Role", "角色", "岗位", NULL } },
  [FIELD_LEVEL] = { N_("Level"), { "Level", "级别", "等级", NULL } },
  [FIELD_HIRE_DATE] = { N_("Hire date"), { "Hire date", "hire_date", "入职日期", NULL } },
  [FIELD_EMAIL] = { N_("Email"), { "Email", "E-mail", "邮箱", "电子邮件", NULL } },
  /* The group (班组) within the team */
  [FIELD_CREW] = { N_("Group"), { "Group", "Crew", "Team group", "班组", "小组", "组别", NULL } },
  [FIELD_MIN_HOURS_WEEK] = { N_("Minimum hours per week"),
                             { "Min hours per week", "最少周工时", NULL } },
  [FIELD_MAX_HOURS_WEEK] = { N_("Maximum hours per week"),
                             { "Max hours per week", "最多周工时", NULL } },
  [FIELD_MAX_CONSECUTIVE_DAYS] = { N_("Maximum consecutive working days"),
                                   { "Max consecutive days", "最多连续工作天数", NULL } },
  [FIELD_MIN_REST_HOURS] = { N_("Minimum rest hours"),
                             { "Min rest hours", "最短休息时间", NULL } },
  [FIELD_SKILLS] = { N_("Skills"), { "Skills", "技能", NULL } },
};

typedef struct
{
  const char *text;
  int         value;
} Synonym;

static const Synonym role_synonyms[] = {
  { "agent", SC_ROLE_AGENT },
  { "客服专员", SC_ROLE_AGENT },
  { "客服", SC_ROLE_AGENT },
  { "坐席", SC_ROLE_AGENT },
  { "technical-support", SC_ROLE_TECHNICAL_SUPPORT },
  { "technical support", SC_ROLE_TECHNICAL_SUPPORT },
  { "tech support", SC_ROLE_TECHNICAL_SUPPORT },
  { "技术支持", SC_ROLE_TECHNICAL_SUPPORT },
  { "trainer", SC_ROLE_TRAINER },
  { "培训师", SC_ROLE_TRAINER },
  { "讲师", SC_ROLE_TRAINER },
  { "supervisor", SC_ROLE_SUPERVISOR },
  { "主管", SC_ROLE_SUPERVISOR },
  { "客服经理", SC_ROLE_SUPERVISOR },
  { "班组长", SC_ROLE_SUPERVISOR },
  { "组长", SC_ROLE_SUPERVISOR },
};

static const Synonym level_synonyms[] = {
  { "junior", SC_LEVEL_JUNIOR },
  { "初级", SC_LEVEL_JUNIOR },
  { "intermediate", SC_LEVEL_INTERMEDIATE },
  { "中级", SC_LEVEL_INTERMEDIATE },
  { "senior", SC_LEVEL_SENIOR },
  { "高级", SC_LEVEL_SENIOR },
};

typedef struct
{
  gint64 skill_id;
  int    proficiency;
} SkillLevel;

typedef struct
{
  guint                 line;
  ScPeopleCsvRowStatus  status;
  ScPerson             *person;
  char                 *skills;
  GArray               *skill_levels;
  char                 *error;
} Row;

struct _ScPeopleCsv
{
  char       *display_name;
  char        delimiter;
  /* Header: column → trimmed text, and the field it holds or -1 */
  GPtrArray  *headers;
  GArray     *column_fields;
  int         field_columns[N_FIELDS];
  GPtrArray  *rows;
  guint       n_errors;
};

typedef struct
{
  ScStore    *store;
  GHashTable *existing;    /* employee no. → ScPerson */
  GHashTable *seen;        /* employee no. → line, as GUINT_TO_POINTER */
  GHashTable *skills;      /* casefolded name → ScSkill, or the name → NULL */
} Context;

G_DEFINE_QUARK (sc-people-csv-error-quark, sc_people_csv_error)

static void
row_free (Row *row)
{
  g_clear_object (&row->person);
  g_clear_pointer (&row->skills, g_free);
  g_clear_pointer (&row->skill_levels, g_array_unref);
  g_clear_pointer (&row->error, g_free);
  g_free (row);
}

static gboolean
is_trimmable (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B;
}

/* Removes white space (including the ideographic space) at both ends */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_trimmable (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_trimmable (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Folds case, reads "_" and "-" as spaces, joins runs of spaces, drops a
 * trailing full stop ("Employee No.") */
static char *
normalize_key (const char *text)
{
  g_autofree char *trimmed = trim (text);
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '_' || c == '-' || g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len > 0 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static int
find_field_for_header (const char *header)
{
  g_autofree char *key = normalize_key (header);

  if (*key == '\0')
    return -1;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      for (guint i = 0; fields[f].headers[i] != NULL; i++)
        {
          g_autofree char *candidate = normalize_key (fields[f].headers[i]);

          if (g_strcmp0 (key, candidate) == 0)
            return f;
        }
    }

  return -1;
}

static char *
format_accepted_headers (Field field)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; fields[field].headers[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", fields[field].headers[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
lookup_synonym (const Synonym *synonyms,
                guint          n_synonyms,
                const char    *text,
                int           *value)
{
  g_autofree char *key = normalize_key (text);

  for (guint i = 0; i < n_synonyms; i++)
    {
      g_autofree char *candidate = normalize_key (synonyms[i].text);

      if (g_strcmp0 (key, candidate) == 0)
        {
          *value = synonyms[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_role (const char *text,
            ScRole     *role)
{
  int value;

  if (lookup_synonym (role_synonyms, G_N_ELEMENTS (role_synonyms), text, &value))
    {
      *role = value;
      return TRUE;
    }

  /* The labels in the user's language */
  for (guint i = 0; i < SC_N_ROLES; i++)
    {
      g_autofree char *key = normalize_key (text);
      g_autofree char *label = normalize_key (sc_role_get_label (i));

      if (g_strcmp0 (key, label) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_level (const char *text,
             ScLevel    *level)
{
  int value;

  if (lookup_synonym (level_synonyms, G_N_ELEMENTS (level_synonyms), text, &value))
    {
      *level = value;
      return TRUE;
    }

  for (guint i = 0; i < SC_N_LEVELS; i++)
    {
      g_autofree char *key = normalize_key (text);
      g_autofree char *label = normalize_key (sc_level_get_label (i));

      if (g_strcmp0 (key, label) == 0)
        {
          *level = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_digits (const char *text,
              guint       min_digits,
              guint       max_digits,
              guint      *value)
{
  gsize len = strlen (text);
  guint v = 0;

  if (len < min_digits || len > max_digits)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;
  return TRUE;
}

/* YYYY-MM-DD, YYYY/MM/DD (also with one-digit month and day, as spreadsheets
 * write them) → YYYY-MM-DD */
static char *
parse_date (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint year, month, day;
  char separator;

  if (strchr (text, '-') != NULL)
    separator = '-';
  else if (strchr (text, '/') != NULL)
    separator = '/';
  else
    return NULL;

  parts = g_strsplit (text, (char[]) { separator, '\0' }, -1);
  if (g_strv_length (parts) != 3 ||
      !parse_digits (parts[0], 4, 4, &year) ||
      !parse_digits (parts[1], 1, 2, &month) ||
      !parse_digits (parts[2], 1, 2, &day))
    return NULL;

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* A number of hours (decimals allowed) between 0 and @max_hours → minutes */
static gboolean
parse_hours (const char *text,
             double      max_hours,
             int        *minutes)
{
  guint n_digits = 0;
  guint n_points = 0;
  char *end = NULL;
  double hours;

  /* Plain decimals only: no sign, exponent or hexadecimal */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p == '.')
        n_points++;
      else
        return FALSE;
    }

  if (n_digits == 0 || n_points > 1)
    return FALSE;

  hours = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(hours >= 0 && hours <= max_hours))
    return FALSE;

  *minutes = (int) (hours * 60 + 0.5);
  return TRUE;
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static ScSkill *
lookup_skill (Context     *ctx,
              const char  *name,
              GError     **error)
{
  g_autofree char *key = g_utf8_casefold (name, -1);
  g_autoptr(GError) local_error = NULL;
  ScSkill *skill;

  if (g_hash_table_lookup_extended (ctx->skills, key, NULL, (gpointer *) &skill))
    return skill;

  skill = sc_store_find_skill (ctx->store, name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_hash_table_insert (ctx->skills, g_steal_pointer (&key), skill);
  return skill;
}

/* Unknown names map to NULL */
static void
unref_skill (gpointer skill)
{
  if (skill != NULL)
    g_object_unref (skill);
}

static gboolean
is_skill_separator (gunichar c)
{
  return c == ';' || c == ',' || c == 0xFF1B /* ； */ || c == 0xFF0C /* ， */;
}

/* "Skill name:level; Other skill:level" */
static gboolean
parse_skills (Context    *ctx,
              Row        *row,
              const char *text,
              GPtrArray  *problems,
              GError    **error)
{
  g_autoptr(GString) normalized = g_string_new (NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || is_skill_separator (g_utf8_get_char (p)))
        {
          g_ptr_array_add (items, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = g_utf8_next_char (p);
        }
    }

  row->skill_levels = g_array_new (FALSE, FALSE, sizeof (SkillLevel));

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *item = trim (g_ptr_array_index (items, i));
      g_autofree char *name = NULL;
      g_autofree char *level_text = NULL;
      const char *colon = NULL;
      ScSkill *skill;
      guint64 level;
      gboolean listed = FALSE;

      if (*item == '\0')
        continue;

      /* The last colon, so that a skill name may hold one */
      for (const char *p = item; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == ':' || c == 0xFF1A /* ： */)
            colon = p;
        }

      if (colon == NULL)
        {
          add_problem (problems,
                       _("Line %u: skill “%s” has no level: write skills as "
                         "“Skill name:level; Other skill:level” with levels from 0 to 5"),
                       row->line, item);
          continue;
        }

      {
        g_autofree char *raw_name = g_strndup (item, colon - item);

        name = trim (raw_name);
        level_text = trim (g_utf8_next_char (colon));
      }

      if (*name == '\0')
        {
          add_problem (problems,
                       _("Line %u: “%s” has no skill name before the colon: write skills as "
                         "“Skill name:level; Other skill:level”"),
                       row->line, item);
          continue;
        }

      if (!g_ascii_string_to_unsigned (level_text, 10, 0, SC_PROFICIENCY_MAX, &level, NULL))
        {
          add_problem (problems,
                       _("Line %u: level “%s” of skill “%s” is not valid: use a whole number "
                         "from 0 to 5"),
                       row->line, level_text, name);
          continue;
        }

      skill = lookup_skill (ctx, name, error);
      if (skill == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;

          add_problem (problems,
                       _("Line %u: skill “%s” is not in the team’s skill list: add the skill "
                         "first or correct its name"),
                       row->line, name);
          continue;
        }

      for (guint j = 0; j < row->skill_levels->len; j++)
        {
          if (g_array_index (row->skill_levels, SkillLevel, j).skill_id == sc_skill_get_id (skill))
            listed = TRUE;
        }

      if (listed)
        {
          add_problem (problems,
                       _("Line %u: skill “%s” is listed twice: give each skill once"),
                       row->line, sc_skill_get_name (skill));
          continue;
        }

      g_array_append_val (row->skill_levels,
                          ((SkillLevel) { sc_skill_get_id (skill), (int) level }));

      if (normalized->len > 0)
        g_string_append (normalized, "; ");
      g_string_append_printf (normalized, "%s:%u", sc_skill_get_name (skill), (guint) level);
    }

  if (normalized->len > 0)
    row->skills = g_strdup (normalized->str);

  return TRUE;
}

/* Returns: (nullable): the trimmed cell of @field, or %NULL when the file
 * has no such column or the record is too short */
static char *
get_cell (ScPeopleCsv *self,
          ScCsvRecord *record,
          Field        field)
{
  int column = self->field_columns[field];

  if (column < 0 || (guint) column >= record->n_fields)
    return NULL;

  return trim (record->fields[column]);
}

/* Builds the row for @record. Returns %FALSE only when the store fails. */
static gboolean
parse_row (ScPeopleCsv  *self,
           Context      *ctx,
           ScCsvRecord  *record,
           GError      **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *employee_no = NULL;
  g_autofree char *name = NULL;
  ScPerson *existing;
  gpointer first_line;
  Row *row;

  row = g_new0 (Row, 1);
  row->line = record->line;
  g_ptr_array_add (self->rows, row);

  if (!(name = get_cell (self, record, FIELD_NAME)))
    name = g_strdup ("");
  if (!(employee_no = get_cell (self, record, FIELD_EMPLOYEE_NO)))
    employee_no = g_strdup ("");

  existing = g_hash_table_lookup (ctx->existing, employee_no);
  if (existing != NULL)
    {
      row->person = sc_person_copy (existing);
      row->status = SC_PEOPLE_CSV_ROW_UPDATE;
    }
  else
    {
      row->person = sc_person_new ();
      row->status = SC_PEOPLE_CSV_ROW_NEW;
    }

  sc_person_set_name (row->person, name);
  sc_person_set_employee_no (row->person, employee_no);

  if (*employee_no != '\0')
    {
      if (g_hash_table_lookup_extended (ctx->seen, employee_no, NULL, &first_line))
        add_problem (problems,
                     _("Line %u: employee number “%s” is already used on line %u: "
                       "each person must appear only once"),
                     row->line, employee_no, GPOINTER_TO_UINT (first_line));
      else
        g_hash_table_insert (ctx->seen, g_strdup (employee_no), GUINT_TO_POINTER (row->line));
    }

  if (record->n_fields != self->headers->len)
    {
      add_problem (problems,
                   ngettext ("Line %u: found %u value but the header has %u columns: check for "
                             "a missing separator, or a comma inside a value that is not in "
                             "quotes",
                             "Line %u: found %u values but the header has %u columns: check for "
                             "a missing separator, or a comma inside a value that is not in "
                             "quotes",
                             record->n_fields),
                   row->line, record->n_fields, self->headers->len);
      goto done;
    }

  for (guint f = FIELD_ROLE; f < N_FIELDS; f++)
    {
      g_autofree char *value = get_cell (self, record, f);

      /* No column, or an empty cell, leaves the value as it is: the
       * default for someone new, the stored value for an update */
      if (value == NULL || *value == '\0')
        continue;

      switch ((Field) f)
        {
        case FIELD_ROLE:
          {
            ScRole role;

            if (parse_role (value, &role))
              sc_person_set_role (row->person, role);
            else
              add_problem (problems,
                           _("Line %u: role “%s” is not known: use Agent, Technical support, "
                             "Trainer or Supervisor (客服专员, 技术支持, 培训师, 主管)"),
                           row->line, value);
          }
          break;

        case FIELD_LEVEL:
          {
            ScLevel level;

            if (parse_level (value, &level))
              sc_person_set_level (row->person, level);
            else
              add_problem (problems,
                           _("Line %u: level “%s” is not known: use Junior, Intermediate or "
                             "Senior (初级, 中级, 高级)"),
                           row->line, value);
          }
          break;

        case FIELD_HIRE_DATE:
          {
            g_autofree char *date = parse_date (value);

            if (date != NULL)
              sc_person_set_hire_date (row->person, date);
            else
              add_problem (problems,
                           _("Line %u: hire date “%s” is not a date: write it as YYYY-MM-DD or "
                             "YYYY/MM/DD, for example 2024-03-01"),
                           row->line, value);
          }
          break;

        case FIELD_EMAIL:
          sc_person_set_email (row->person, value);
          break;

        case FIELD_CREW:
          sc_person_set_crew (row->person, value);
          break;

        case FIELD_MIN_HOURS_WEEK:
          {
            int minutes;

            if (parse_hours (value, 168, &minutes))
              sc_person_set_min_minutes_week (row->person, minutes);
            else
              add_problem (problems,
                           _("Line %u: minimum hours per week “%s” is not valid: write a number "
                             "of hours from 0 to 168, for example 20 or 37.5"),
                           row->line, value);
          }
          break;

        case FIELD_MAX_HOURS_WEEK:
          {
            int minutes;

            if (parse_hours (value, 168, &minutes))
              sc_person_set_max_minutes_week (row->person, minutes);
            else
              add_problem (problems,
                           _("Line %u: maximum hours per week “%s” is not valid: write a number "
                             "of hours from 0 to 168, for example 40 or 37.5"),
                           row->line, value);
          }
          break;

        case FIELD_MAX_CONSECUTIVE_DAYS:
          {
            guint64 days;

            if (g_ascii_string_to_unsigned (value, 10, 1, 14, &days, NULL))
              sc_person_set_max_consecutive_days (row->person, (int) days);
            else
              add_problem (problems,
                           _("Line %u: maximum consecutive working days “%s” is not valid: "
                             "write a whole number from 1 to 14"),
                           row->line, value);
          }
          break;

        case FIELD_MIN_REST_HOURS:
          {
            int minutes;

            if (parse_hours (value, 24, &minutes))
              sc_person_set_min_rest_minutes (row->person, minutes);
            else
              add_problem (problems,
                           _("Line %u: minimum rest “%s” is not valid: write a number of hours "
                             "from 0 to 24, for example 11"),
                           row->line, value);
          }
          break;

        case FIELD_SKILLS:
          if (!parse_skills (ctx, row, value, problems, error))
            return FALSE;
          break;

        case FIELD_NAME:
        case FIELD_EMPLOYEE_NO:
        case N_FIELDS:
        default:
          g_assert_not_reached ();
        }
    }

  if (problems->len == 0)
    {
      g_autoptr(GError) invalid = NULL;

      if (!sc_person_validate (row->person, &invalid))
        add_problem (problems, _("Line %u: %s"), row->line, invalid->message);
    }

done:
  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      row->error = g_strjoinv ("\n", (char **) problems->pdata);
      row->status = SC_PEOPLE_CSV_ROW_ERROR;
      self->n_errors++;
    }

  return TRUE;
}

static void
propagate_csv_error (GError      *csv_error,
                     const char  *display_name,
                     GError     **error)
{
  ScPeopleCsvError code = SC_PEOPLE_CSV_ERROR_SYNTAX;

  if (g_error_matches (csv_error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING))
    code = SC_PEOPLE_CSV_ERROR_ENCODING;

  g_set_error (error, SC_PEOPLE_CSV_ERROR, code, "%s: %s", display_name, csv_error->message);
}

static gboolean
parse_header (ScPeopleCsv  *self,
              ScCsvRecord  *record,
              GError      **error)
{
  static const Field required[] = { FIELD_NAME, FIELD_EMPLOYEE_NO };

  for (guint f = 0; f < N_FIELDS; f++)
    self->field_columns[f] = -1;

  for (guint i = 0; i < record->n_fields; i++)
    {
      char *header = trim (record->fields[i]);
      int field = find_field_for_header (header);

      g_ptr_array_add (self->headers, header);
      g_array_append_val (self->column_fields, field);

      if (field < 0)
        continue;

      if (self->field_columns[field] >= 0)
        {
          int other = self->field_columns[field];

          g_set_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_HEADER,
                       _("%s: line %u: columns %u (“%s”) and %u (“%s”) both hold the %s: "
                         "keep only one of them"),
                       self->display_name, record->line,
                       other + 1, (const char *) g_ptr_array_index (self->headers, other),
                       i + 1, header, _(fields[field].label));
          return FALSE;
        }

      self->field_columns[field] = i;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (self->field_columns[required[i]] < 0)
        {
          g_autofree char *accepted = format_accepted_headers (required[i]);

          g_set_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_HEADER,
                       _("%s: line %u: the header has no “%s” column: the first line must "
                         "name the columns; add a column with one of these headings: %s"),
                       self->display_name, record->line, _(fields[required[i]].label), accepted);
          return FALSE;
        }
    }

  return TRUE;
}

static ScPeopleCsv *
parse_internal (ScStore       *store,
                ScSession     *session,
                const char    *data,
                gsize          length,
                const char    *display_name,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(ScPeopleCsv) self = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(ScCsvRecord) header = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) skills = NULL;
  Context ctx;

  self = g_new0 (ScPeopleCsv, 1);
  self->display_name = g_strdup (display_name ? display_name : _("CSV file"));
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->column_fields = g_array_new (FALSE, FALSE, sizeof (int));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  if (!(reader = sc_csv_reader_new (data, length, &local_error)))
    {
      propagate_csv_error (local_error, self->display_name, error);
      return NULL;
    }

  self->delimiter = sc_csv_reader_get_delimiter (reader);

  /* The header is the first line that is not blank */
  for (;;)
    {
      g_clear_pointer (&header, sc_csv_record_free);
      header = sc_csv_reader_read (reader, &local_error);

      if (local_error != NULL)
        {
          propagate_csv_error (local_error, self->display_name, error);
          return NULL;
        }

      if (header == NULL)
        {
          g_set_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_HEADER,
                       _("%s: the file is empty: the first line must name the columns, "
                         "for example “Name,Employee No,Role,Level”"),
                       self->display_name);
          return NULL;
        }

      if (!sc_csv_record_is_blank (header))
        break;
    }

  if (!parse_header (self, header, error))
    return NULL;

  if (!(people = sc_store_get_people (store, session, TRUE, error)))
    return NULL;

  existing = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);

      g_hash_table_insert (existing, (gpointer) sc_person_get_employee_no (person), person);
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  skills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_skill);

  ctx.store = store;
  ctx.existing = existing;
  ctx.seen = seen;
  ctx.skills = skills;

  for (guint n = 0;; n++)
    {
      g_autoptr(ScCsvRecord) record = NULL;

      if (n % 64 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      record = sc_csv_reader_read (reader, &local_error);
      if (local_error != NULL)
        {
          propagate_csv_error (local_error, self->display_name, error);
          return NULL;
        }

      if (record == NULL)
        break;

      if (sc_csv_record_is_blank (record))
        continue;

      if (!parse_row (self, &ctx, record, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * sc_people_csv_parse:
 * @display_name: (nullable): the file name to show in messages
 *
 * Reads and checks @data against @store without writing anything.
 *
 * Returns: (transfer full): the rows, or %NULL with @error set when the file
 *   cannot be read at all (encoding, unterminated quote, header)
 */
ScPeopleCsv *
sc_people_csv_parse (ScStore     *store,
                     ScSession   *session,
                     const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_internal (store, session, data ? data : "", length, display_name, NULL, error);
}

static char *
get_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

/**
 * sc_people_csv_parse_file:
 *
 * Like sc_people_csv_parse(), for a file. Blocks: call it from a thread or
 * use sc_people_csv_parse_file_async().
 */
ScPeopleCsv *
sc_people_csv_parse_file (ScStore       *store,
                          ScSession     *session,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (SC_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = get_display_name (file);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }

  return parse_internal (store, session, contents, length, display_name, cancellable, error);
}

static void
parse_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ScStore *store = source_object;
  GFile *file = task_data;
  ScSession *session = g_object_get_data (G_OBJECT (task), "session");
  g_autoptr(GError) error = NULL;
  ScPeopleCsv *result;

  result = sc_people_csv_parse_file (store, session, file, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) sc_people_csv_free);
}

/**
 * sc_people_csv_parse_file_async:
 *
 * Reads and checks @file in a thread.
 */
void
sc_people_csv_parse_file_async (ScStore             *store,
                                ScSession           *session,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_people_csv_parse_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "session", g_object_ref (session), g_object_unref);
  g_task_run_in_thread (task, parse_file_thread);
}

/**
 * sc_people_csv_parse_file_finish:
 *
 * Returns: (transfer full): the rows, or %NULL with @error set (also
 *   %G_IO_ERROR_CANCELLED)
 */
ScPeopleCsv *
sc_people_csv_parse_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sc_people_csv_parse_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
sc_people_csv_free (ScPeopleCsv *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->column_fields, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

/**
 * sc_people_csv_get_display_name:
 * Returns: the file name used in messages
 */
const char *
sc_people_csv_get_display_name (ScPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->display_name;
}

/**
 * sc_people_csv_get_delimiter:
 * Returns: ',' or '\t', as found in the header line
 */
char
sc_people_csv_get_delimiter (ScPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->delimiter;
}

guint
sc_people_csv_get_n_columns (ScPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->headers->len;
}

/**
 * sc_people_csv_get_column_header:
 * Returns: the header text of @column, trimmed
 */
const char *
sc_people_csv_get_column_header (ScPeopleCsv *self,
                                 guint        column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->headers->len, NULL);

  return g_ptr_array_index (self->headers, column);
}

/**
 * sc_people_csv_get_column_field_label:
 * Returns: (nullable): the translated name of the field @column is read
 *   into, or %NULL when the column is ignored
 */
const char *
sc_people_csv_get_column_field_label (ScPeopleCsv *self,
                                      guint        column)
{
  int field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->column_fields->len, NULL);

  field = g_array_index (self->column_fields, int, column);
  if (field < 0)
    return NULL;

  return _(fields[field].label);
}

guint
sc_people_csv_get_n_rows (ScPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

guint
sc_people_csv_get_n_errors (ScPeopleCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_errors;
}

/**
 * sc_people_csv_count_status:
 * Returns: how many rows have @status
 */
guint
sc_people_csv_count_status (ScPeopleCsv          *self,
                            ScPeopleCsvRowStatus  status)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->status == status)
        n++;
    }

  return n;
}

static Row *
get_row (ScPeopleCsv *self,
         guint        row)
{
  g_assert (self != NULL);
  g_assert (row < self->rows->len);

  return g_ptr_array_index (self->rows, row);
}

/**
 * sc_people_csv_get_row_line:
 * Returns: the 1-based line of the file where @row starts
 */
guint
sc_people_csv_get_row_line (ScPeopleCsv *self,
                            guint        row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return get_row (self, row)->line;
}

ScPeopleCsvRowStatus
sc_people_csv_get_row_status (ScPeopleCsv *self,
                              guint        row)
{
  g_return_val_if_fail (self != NULL, SC_PEOPLE_CSV_ROW_ERROR);
  g_return_val_if_fail (row < self->rows->len, SC_PEOPLE_CSV_ROW_ERROR);

  return get_row (self, row)->status;
}

/**
 * sc_people_csv_get_row_person:
 *
 * For an update the person has the stored id and the stored values of the
 * columns that the file leaves out or leaves empty. For a bad row it holds
 * what could be read.
 *
 * Returns: (transfer none): the person the row becomes
 */
ScPerson *
sc_people_csv_get_row_person (ScPeopleCsv *self,
                              guint        row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->person;
}

/**
 * sc_people_csv_get_row_skills:
 * Returns: (nullable): the skills of the row with the names as stored, as
 *   "Skill:level; Other skill:level", or %NULL when it lists none
 */
const char *
sc_people_csv_get_row_skills (ScPeopleCsv *self,
                              guint        row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->skills;
}

/**
 * sc_people_csv_get_row_error:
 * Returns: (nullable): what is wrong with the row, one problem per line,
 *   each starting with the line number; %NULL for a good row
 */
const char *
sc_people_csv_get_row_error (ScPeopleCsv *self,
                             guint        row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return get_row (self, row)->error;
}

/**
 * sc_people_csv_commit:
 * @n_added: (out) (optional): how many people were added
 * @n_updated: (out) (optional): how many people were updated
 *
 * Writes every row in one transaction: new people are added, people whose
 * employee number is already stored are updated (keeping their id), and the
 * listed skills are set. Refused when any row is bad. On failure nothing
 * is written.
 */
gboolean
sc_people_csv_commit (ScPeopleCsv  *self,
                      ScStore      *store,
                      ScSession    *session,
                      guint        *n_added,
                      guint        *n_updated,
                      GError      **error)
{
  guint added = 0;
  guint updated = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (SC_IS_STORE (store), FALSE);

  if (self->n_errors > 0)
    {
      g_set_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_ROWS,
                   ngettext ("%s: %u row has a problem: correct the file and import it again",
                             "%s: %u rows have problems: correct the file and import it again",
                             self->n_errors),
                   self->display_name, self->n_errors);
      return FALSE;
    }

  if (!sc_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(ScPerson) person = sc_person_copy (row->person);
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (row->status == SC_PEOPLE_CSV_ROW_UPDATE)
        ok = sc_store_update_person (store, session, person, &local_error);
      else
        ok = sc_store_add_person (store, session, person, &local_error);

      for (guint j = 0; ok && row->skill_levels != NULL && j < row->skill_levels->len; j++)
        {
          SkillLevel *level = &g_array_index (row->skill_levels, SkillLevel, j);

          ok = sc_store_set_person_skill (store, session, sc_person_get_id (person), level->skill_id,
                                          level->proficiency, &local_error);
        }

      if (!ok)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("%s: line %u: %s"), self->display_name, row->line,
                       local_error->message);
          sc_store_rollback (store);
          return FALSE;
        }

      if (row->status == SC_PEOPLE_CSV_ROW_UPDATE)
        updated++;
      else
        added++;
    }

  if (!sc_store_commit (store, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;

  return TRUE;
}
