/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sc-csv.h"
#include "sc-people-csv.h"
#include "sc-store.h"
#include "sc-test-util.h"

/* A store in its own temporary folder, with a few skills */
typedef struct
{
  char    *dir;
  ScStore *store;
} TestStore;

static void
test_store_free (TestStore *ts)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&ts->store);

  dir = g_dir_open (ts->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (ts->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (ts->dir);

  g_free (ts->dir);
  g_free (ts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestStore, test_store_free)

static TestStore *
test_store_new (void)
{
  static const struct
  {
    const char      *name;
    ScSkillCategory  category;
  } skills[] = {
    { "Product knowledge", SC_SKILL_CATEGORY_PRODUCT },
    { "Complaint handling", SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
    { "Communication", SC_SKILL_CATEGORY_COMMUNICATION },
    { "产品知识", SC_SKILL_CATEGORY_PRODUCT },
    { "投诉处理", SC_SKILL_CATEGORY_EMOTION_MANAGEMENT },
    { "沟通技巧", SC_SKILL_CATEGORY_COMMUNICATION },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *template = g_build_filename (g_get_tmp_dir (), "test-csv-XXXXXX", NULL);
  TestStore *ts = g_new0 (TestStore, 1);

  ts->dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (ts->dir);

  path = g_build_filename (ts->dir, "shiftcraft.db", NULL);
  ts->store = sc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ts->store);

  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    {
      g_autoptr(ScSkill) skill = sc_skill_new (skills[i].name, skills[i].category);

      sc_store_add_skill (ts->store, sc_test_session (), skill, &error);
      g_assert_no_error (error);
    }

  return ts;
}

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  return g_file_new_for_path (path);
}

static ScPeopleCsv *
parse_data_file (ScStore    *store,
                 const char *name)
{
  g_autoptr(GFile) file = data_file (name);
  g_autoptr(GError) error = NULL;
  ScPeopleCsv *csv;

  csv = sc_people_csv_parse_file (store, sc_test_session (), file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static ScPeopleCsv *
parse_string (ScStore    *store,
              const char *data,
              GError    **error)
{
  return sc_people_csv_parse (store, sc_test_session (), data, strlen (data), "test.csv", error);
}

static ScPerson *
find_person (ScStore    *store,
             const char *employee_no)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  people = sc_store_get_people (store, sc_test_session (), TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < people->len; i++)
    {
      ScPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (sc_person_get_employee_no (person), employee_no) == 0)
        return g_object_ref (person);
    }

  return NULL;
}

static int
person_skill_level (ScStore    *store,
                    ScPerson   *person,
                    const char *skill_name)
{
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) error = NULL;

  skills = sc_store_get_person_skills (store, sc_test_session (), sc_person_get_id (person), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < skills->len; i++)
    {
      ScPersonSkill *ps = g_ptr_array_index (skills, i);

      if (g_strcmp0 (sc_person_skill_get_skill_name (ps), skill_name) == 0)
        return sc_person_skill_get_proficiency (ps);
    }

  return -1;
}

static guint
find_row (ScPeopleCsv *csv,
          guint        line)
{
  for (guint i = 0; i < sc_people_csv_get_n_rows (csv); i++)
    {
      if (sc_people_csv_get_row_line (csv, i) == line)
        return i;
    }

  g_error ("No row starts on line %u", line);
  return G_MAXUINT;
}

static void
add_person (ScStore    *store,
            const char *employee_no,
            const char *name,
            ScRole      role)
{
  g_autoptr(ScPerson) person = sc_person_new ();
  g_autoptr(GError) error = NULL;

  sc_person_set_employee_no (person, employee_no);
  sc_person_set_name (person, name);
  sc_person_set_role (person, role);
  sc_store_add_person (store, sc_test_session (), person, &error);
  g_assert_no_error (error);
}

/* Generic reader */

static void
test_csv_reader_basic (void)
{
  static const struct
  {
    const char *data;
    char        delimiter;
    guint       n_records;
    guint       last_line;
    guint       last_n_fields;
    const char *last_field;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',', 2, 2, 3, "3" },
    { "a,b,c\r\n1,2,3\r\n", ',', 2, 2, 3, "3" },
    { "a,b,c\n1,2,3", ',', 2, 2, 3, "3" },
    { "a\tb\tc,d\n1\t2\t3,4\n", '\t', 2, 2, 3, "3,4" },
    { "a\tb,c\n1\t2,3\n", ',', 2, 2, 2, "3" },
    { "\xEF\xBB\xBF" "a\tb\r\n1\t\"x\ty\"\r\n", '\t', 2, 2, 2, "x\ty" },
    { "a,b\n\"1\r\n2\",\"say \"\"hi\"\"\"\n", ',', 2, 2, 2, "say \"hi\"" },
    { "a,b\n\"1\n\n2\",x\nlast,row\n", ',', 3, 5, 2, "row" },
    { "a,b\n\n1,2\n", ',', 3, 3, 2, "2" },
    { "a,b\n1,\n", ',', 2, 2, 2, "" },
    { "\n\"a,b\"\tc\td\n", '\t', 2, 2, 3, "d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;
      ScCsvRecord *last;
      char delimiter = 0;

      g_test_message ("case %u", i);
      records = sc_csv_parse (cases[i].data, -1, &delimiter, &error);
      g_assert_no_error (error);
      g_assert_nonnull (records);
      g_assert_cmpint (delimiter, ==, cases[i].delimiter);
      g_assert_cmpuint (records->len, ==, cases[i].n_records);

      last = g_ptr_array_index (records, records->len - 1);
      g_assert_cmpuint (last->line, ==, cases[i].last_line);
      g_assert_cmpuint (last->n_fields, ==, cases[i].last_n_fields);
      g_assert_cmpuint (g_strv_length (last->fields), ==, cases[i].last_n_fields);
      g_assert_cmpstr (last->fields[last->n_fields - 1], ==, cases[i].last_field);
    }
}

static void
test_csv_reader_quoted (void)
{
  const char *data = "h1,h2\n\"a, b\",\"line1\r\nline2\"\n\"q\"\"q\",x\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  ScCsvRecord *record;

  records = sc_csv_parse (data, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);

  record = g_ptr_array_index (records, 1);
  g_assert_cmpuint (record->line, ==, 2);
  g_assert_cmpstr (record->fields[0], ==, "a, b");
  g_assert_cmpstr (record->fields[1], ==, "line1\nline2");

  record = g_ptr_array_index (records, 2);
  g_assert_cmpuint (record->line, ==, 4);
  g_assert_cmpstr (record->fields[0], ==, "q\"q");
  g_assert_false (sc_csv_record_is_blank (record));
}

static void
test_csv_reader_blank (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = sc_csv_parse ("a,b\n\n , \n,\n", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_false (sc_csv_record_is_blank (g_ptr_array_index (records, 0)));
  g_assert_true (sc_csv_record_is_blank (g_ptr_array_index (records, 1)));
  g_assert_true (sc_csv_record_is_blank (g_ptr_array_index (records, 2)));
  g_assert_true (sc_csv_record_is_blank (g_ptr_array_index (records, 3)));
  g_assert_cmpuint (((ScCsvRecord *) g_ptr_array_index (records, 3))->line, ==, 4);
}

static void
test_csv_reader_invalid_utf8 (void)
{
  static const struct
  {
    const char *data;
    gssize      length;
    const char *line;
  } cases[] = {
    { "a,b\n1,2\n\xff,3\n", -1, "Line 3:" },
    /* 张伟 in GBK */
    { "a,b\r\n\xd5\xc5\xce\xb0,1\r\n", -1, "Line 2:" },
    { "a,b\n\"x\ny\",\xc3\n", -1, "Line 3:" },
    { "a,b\n1\0002\n", 8, "Line 2:" },
    { "\xff\xfe" "a\000,\000", 6, "Line 1:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = NULL;

      g_test_message ("case %u", i);
      records = sc_csv_parse (cases[i].data, cases[i].length, NULL, &error);
      g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_ENCODING);
      g_assert_null (records);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
      g_assert_nonnull (strstr (error->message, "UTF-8"));
    }
}

static void
test_csv_reader_unterminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(ScCsvRecord) record = NULL;
  g_autoptr(ScCsvRecord) bad = NULL;
  const char *data = "a,b\n1,2\n3,\"never\nclosed,x\n";

  reader = sc_csv_reader_new (data, -1, &error);
  g_assert_no_error (error);

  record = sc_csv_reader_read (reader, &error);
  g_assert_no_error (error);
  g_clear_pointer (&record, sc_csv_record_free);
  record = sc_csv_reader_read (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->fields[1], ==, "2");

  bad = sc_csv_reader_read (reader, &error);
  g_assert_null (bad);
  g_assert_error (error, SC_CSV_ERROR, SC_CSV_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "Line 3:"));
}

/* People */

static void
test_people_good (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-good.csv");
  ScPerson *person;

  g_assert_cmpstr (sc_people_csv_get_display_name (csv), ==, "people-good.csv");
  g_assert_cmpint (sc_people_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 4);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 0);
  g_assert_cmpuint (sc_people_csv_count_status (csv, SC_PEOPLE_CSV_ROW_NEW), ==, 4);

  /* Columns: the last one is not known and ignored */
  g_assert_cmpuint (sc_people_csv_get_n_columns (csv), ==, 12);
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 0), ==, "Name");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 0), ==, "Name");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 1), ==, "Employee number");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 10), ==, "Skills");
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 11), ==, "Notes");
  g_assert_null (sc_people_csv_get_column_field_label (csv, 11));

  g_assert_cmpuint (sc_people_csv_get_row_line (csv, 0), ==, 2);
  g_assert_cmpint (sc_people_csv_get_row_status (csv, 0), ==, SC_PEOPLE_CSV_ROW_NEW);
  g_assert_null (sc_people_csv_get_row_error (csv, 0));
  person = sc_people_csv_get_row_person (csv, 0);
  g_assert_cmpstr (sc_person_get_name (person), ==, "Alice Wong");
  g_assert_cmpstr (sc_person_get_employee_no (person), ==, "E001");
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_AGENT);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_JUNIOR);
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2023-01-15");
  g_assert_cmpstr (sc_person_get_email (person), ==, "alice@example.com");
  g_assert_cmpint (sc_person_get_min_minutes_week (person), ==, 20 * 60);
  g_assert_cmpint (sc_person_get_max_minutes_week (person), ==, 40 * 60);
  g_assert_cmpint (sc_person_get_max_consecutive_days (person), ==, 5);
  g_assert_cmpint (sc_person_get_min_rest_minutes (person), ==, 11 * 60);
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 0), ==,
                   "Product knowledge:3; Complaint handling:2");

  person = sc_people_csv_get_row_person (csv, 1);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2021-07-01");
  g_assert_cmpint (sc_person_get_max_minutes_week (person), ==, 37 * 60 + 30);
  g_assert_cmpint (sc_person_get_min_rest_minutes (person), ==, 12 * 60);
  g_assert_null (sc_people_csv_get_row_skills (csv, 1));

  /* Empty cells give the defaults */
  person = sc_people_csv_get_row_person (csv, 2);
  g_assert_cmpstr (sc_person_get_name (person), ==, "Carol Chen");
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TRAINER);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_INTERMEDIATE);
  g_assert_null (sc_person_get_hire_date (person));
  g_assert_cmpint (sc_person_get_max_minutes_week (person), ==, 2400);
  g_assert_cmpint (sc_person_get_max_consecutive_days (person), ==, 6);

  person = sc_people_csv_get_row_person (csv, 3);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_SUPERVISOR);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);
  /* The skill name as stored, whatever the case in the file */
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 3), ==, "Communication:5");
}

static void
test_people_bom_tab (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-bom-tab.csv");
  ScPerson *person;

  g_assert_cmpint (sc_people_csv_get_delimiter (csv), ==, '\t');
  g_assert_cmpuint (sc_people_csv_get_n_columns (csv), ==, 7);
  /* The BOM is not part of the first header */
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 0), ==, "Full name");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 0), ==, "Name");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 4), ==, "Hire date");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 5), ==, "Email");

  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 4);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 0);

  person = sc_people_csv_get_row_person (csv, 0);
  g_assert_cmpstr (sc_person_get_name (person), ==, "Erin Xu");
  g_assert_cmpstr (sc_person_get_employee_no (person), ==, "T100");
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2022-03-04");

  person = sc_people_csv_get_row_person (csv, 1);
  g_assert_cmpstr (sc_person_get_name (person), ==, "Frank\tMa");
  g_assert_cmpuint (sc_people_csv_get_row_line (csv, 1), ==, 3);

  /* A CRLF inside a quoted skills cell */
  g_assert_cmpuint (sc_people_csv_get_row_line (csv, 2), ==, 4);
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 2), ==,
                   "Product knowledge:2; Communication:1");

  g_assert_cmpuint (sc_people_csv_get_row_line (csv, 3), ==, 6);
  g_assert_cmpstr (sc_person_get_name (sc_people_csv_get_row_person (csv, 3)), ==, "Henry Sun");
}

static void
test_people_quoted (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-quoted.csv");
  guint row;

  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 6);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 1);

  g_assert_cmpstr (sc_person_get_name (sc_people_csv_get_row_person (csv, 0)), ==, "Wong, Alice");
  g_assert_cmpstr (sc_person_get_name (sc_people_csv_get_row_person (csv, 1)), ==,
                   "Bob \"the builder\" Li");
  g_assert_cmpstr (sc_person_get_name (sc_people_csv_get_row_person (csv, 2)), ==, "Carol\nChen");
  g_assert_cmpuint (sc_people_csv_get_row_line (csv, 2), ==, 4);

  /* Line numbers after the multi-line fields are still the file's */
  row = find_row (csv, 6);
  g_assert_cmpstr (sc_person_get_employee_no (sc_people_csv_get_row_person (csv, row)), ==,
                   "Q004");
  g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_ERROR);
  g_assert_true (g_str_has_prefix (sc_people_csv_get_row_error (csv, row),
                                   "Line 6: role “Boss” is not known"));

  row = find_row (csv, 7);
  g_assert_cmpstr (sc_person_get_name (sc_people_csv_get_row_person (csv, row)), ==,
                   "Eve\n\nLiu");
  g_assert_cmpstr (sc_person_get_email (sc_people_csv_get_row_person (csv, row)), ==,
                   "eve@example.com");

  row = find_row (csv, 10);
  g_assert_cmpstr (sc_person_get_employee_no (sc_people_csv_get_row_person (csv, row)), ==,
                   "Q006");
  g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_NEW);
}

static void
test_people_chinese (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-chinese.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) stored = NULL;
  ScPerson *person;
  guint n_added = 0;
  guint n_updated = 0;

  g_assert_cmpuint (sc_people_csv_get_n_columns (csv), ==, 11);
  for (guint i = 0; i < 11; i++)
    g_assert_nonnull (sc_people_csv_get_column_field_label (csv, i));
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 1), ==, "工号");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 1), ==, "Employee number");

  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_null (sc_people_csv_get_row_error (csv, i));

  person = sc_people_csv_get_row_person (csv, 0);
  g_assert_cmpstr (sc_person_get_name (person), ==, "张伟");
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_AGENT);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_JUNIOR);
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2024-03-01");
  g_assert_cmpint (sc_person_get_max_minutes_week (person), ==, 2400);
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 0), ==, "产品知识:3; 投诉处理:2");

  person = sc_people_csv_get_row_person (csv, 1);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);

  person = sc_people_csv_get_row_person (csv, 2);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_SUPERVISOR);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_INTERMEDIATE);

  person = sc_people_csv_get_row_person (csv, 3);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_TRAINER);
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2022-01-09");
  g_assert_cmpint (sc_person_get_max_consecutive_days (person), ==, 5);
  g_assert_cmpint (sc_person_get_min_rest_minutes (person), ==, 720);
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 3), ==, "沟通技巧:4; 产品知识:1");

  person = sc_people_csv_get_row_person (csv, 4);
  g_assert_cmpint (sc_person_get_role (person), ==, SC_ROLE_AGENT);
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_JUNIOR);

  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), &n_added, &n_updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 5);
  g_assert_cmpuint (n_updated, ==, 0);

  stored = find_person (ts->store, "A1001");
  g_assert_nonnull (stored);
  g_assert_cmpstr (sc_person_get_name (stored), ==, "张伟");
  g_assert_cmpint (person_skill_level (ts->store, stored, "投诉处理"), ==, 2);
}

static void
test_people_bad_rows (void)
{
  static const struct
  {
    guint       line;
    const char *employee_no;
    const char *message;
  } expected[] = {
    { 3, "B002", "Line 3: role “Manager” is not known" },
    { 4, "B003", "Line 4: level “Expert” is not known" },
    { 5, "B004", "Line 5: hire date “2024-02-30” is not a date" },
    { 6, "B005", "Line 6: Email address “not-an-email” is not valid" },
    { 7, "B006", "Line 7: maximum hours per week “forty” is not valid" },
    { 8, "B001", "Line 8: employee number “B001” is already used on line 2" },
    { 9, "B007", "Line 9: found 3 values but the header has 9 columns" },
    { 10, "B008", "Line 10: Name is empty" },
    { 11, "B009", "Line 11: skill “Juggling” is not in the team’s skill list" },
    { 12, "B010", "Line 12: level “7” of skill “Communication” is not valid" },
    { 14, "", "Line 14: Employee number is empty" },
    { 15, "B012", "Line 15: Minimum weekly hours (40) are more than the maximum (20)" },
  };
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-bad.csv");
  guint row;

  /* Blank lines (13, 17) are skipped */
  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 14);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (sc_people_csv_count_status (csv, SC_PEOPLE_CSV_ROW_ERROR), ==,
                    G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *message;

      row = find_row (csv, expected[i].line);
      message = sc_people_csv_get_row_error (csv, row);
      g_test_message ("line %u: %s", expected[i].line, message);
      g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_ERROR);
      g_assert_cmpstr (sc_person_get_employee_no (sc_people_csv_get_row_person (csv, row)), ==,
                       expected[i].employee_no);
      g_assert_nonnull (message);
      g_assert_true (g_str_has_prefix (message, expected[i].message));
    }

  /* The first B001 is fine; the good rows are fine */
  row = find_row (csv, 2);
  g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_NEW);
  g_assert_null (sc_people_csv_get_row_error (csv, row));
  row = find_row (csv, 16);
  g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_NEW);
}

static void
test_people_several_problems (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_auto(GStrv) lines = NULL;

  csv = parse_string (ts->store,
                      "name,employee no,role,level,skills\n"
                      "X,1,Boss,Expert,Nope:9; Communication\n",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 1);

  lines = g_strsplit (sc_people_csv_get_row_error (csv, 0), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "Line 2: role “Boss”"));
  g_assert_true (g_str_has_prefix (lines[1], "Line 2: level “Expert”"));
  g_assert_true (g_str_has_prefix (lines[2], "Line 2: level “9” of skill “Nope”"));
  g_assert_true (g_str_has_prefix (lines[3], "Line 2: skill “Communication” has no level"));
}

static void
test_people_missing_column (void)
{
  static const struct
  {
    const char *data;
    const char *needles[3];
  } cases[] = {
    { "Name,Role\nAlice,Agent\n", { "test.csv", "“Employee number”", "“工号”" } },
    { "工号,岗位\nA1,客服\n", { "test.csv", "“Name”", "“姓名”" } },
    { "Name,Employee No,工号\nA,1,2\n", { "test.csv", "columns 2 (“Employee No”) and 3 (“工号”)",
                                          "Employee number" } },
    { "", { "test.csv", "empty", NULL } },
    { "\n\r\n , \n", { "test.csv", "empty", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestStore) ts = test_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPeopleCsv) csv = NULL;

      g_test_message ("case %u", i);
      csv = parse_string (ts->store, cases[i].data, &error);
      g_assert_null (csv);
      g_assert_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_HEADER);
      g_test_message ("%s", error->message);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j]; j++)
        g_assert_nonnull (strstr (error->message, cases[i].needles[j]));
    }
}

static void
test_people_header_synonyms (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPeopleCsv) csv = NULL;
  ScPerson *person;

  csv = parse_string (ts->store,
                      "  FULL NAME , Employee  ID ,e-mail,HIRE_DATE,级别,Min Hours Per Week,"
                      "max hours per week,MAX CONSECUTIVE DAYS,min rest hours,技能,,Remarks\n"
                      "\xE3\x80\x80" "Ann" "\xE3\x80\x80" ", 42 ,ann@example.com,2024/2/29,高级,10.25,"
                      "20,7,8.5,communication：3,x,y\n",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 0);
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 0), ==, "FULL NAME");
  g_assert_null (sc_people_csv_get_column_field_label (csv, 10));
  g_assert_null (sc_people_csv_get_column_field_label (csv, 11));

  person = sc_people_csv_get_row_person (csv, 0);
  g_assert_cmpstr (sc_person_get_name (person), ==, "Ann");
  g_assert_cmpstr (sc_person_get_employee_no (person), ==, "42");
  g_assert_cmpstr (sc_person_get_email (person), ==, "ann@example.com");
  g_assert_cmpstr (sc_person_get_hire_date (person), ==, "2024-02-29");
  g_assert_cmpint (sc_person_get_level (person), ==, SC_LEVEL_SENIOR);
  g_assert_cmpint (sc_person_get_min_minutes_week (person), ==, 615);
  g_assert_cmpint (sc_person_get_max_minutes_week (person), ==, 1200);
  g_assert_cmpint (sc_person_get_max_consecutive_days (person), ==, 7);
  g_assert_cmpint (sc_person_get_min_rest_minutes (person), ==, 510);
  g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 0), ==, "Communication:3");
}

static void
test_people_bad_numbers (void)
{
  static const struct
  {
    const char *cell;
    gboolean    ok;
    int         minutes;
  } cases[] = {
    { "40", TRUE, 2400 },
    { "37.5", TRUE, 2250 },
    { ".5", TRUE, 30 },
    { "168", TRUE, 10080 },
    { "168.5", FALSE, 0 },
    { "-1", FALSE, 0 },
    { "+40", FALSE, 0 },
    { "1e2", FALSE, 0 },
    { "0x10", FALSE, 0 },
    { "4.0.1", FALSE, 0 },
    { ".", FALSE, 0 },
    { "40h", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestStore) ts = test_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPeopleCsv) csv = NULL;
      g_autofree char *data = g_strdup_printf ("Name,Employee No,Max hours per week\n"
                                               "Ann,N1,%s\n", cases[i].cell);

      g_test_message ("case %u: %s", i, cases[i].cell);
      csv = parse_string (ts->store, data, &error);
      g_assert_no_error (error);

      if (cases[i].ok)
        {
          g_assert_null (sc_people_csv_get_row_error (csv, 0));
          g_assert_cmpint (sc_person_get_max_minutes_week (sc_people_csv_get_row_person (csv, 0)),
                           ==, cases[i].minutes);
        }
      else
        {
          g_assert_cmpint (sc_people_csv_get_row_status (csv, 0), ==, SC_PEOPLE_CSV_ROW_ERROR);
          g_assert_true (g_str_has_prefix (sc_people_csv_get_row_error (csv, 0),
                                           "Line 2: maximum hours per week"));
        }
    }
}

static void
test_people_invalid_utf8 (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPeopleCsv) csv = NULL;

  csv = parse_string (ts->store, "Name,Employee No\nAnn,1\n\xd5\xc5\xce\xb0,2\n", &error);
  g_assert_null (csv);
  g_assert_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_ENCODING);
  g_assert_true (g_str_has_prefix (error->message, "test.csv: Line 3:"));
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 0);
}

static void
test_people_unterminated_quote (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPeopleCsv) csv = NULL;

  csv = parse_string (ts->store,
                      "Name,Employee No\n\"Ann\nLee\",1\nBob,2\n\"Carl,3\nDora,4\n",
                      &error);
  g_assert_null (csv);
  g_assert_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "test.csv: Line 5:"));
}

static void
test_people_commit_refused (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 99;
  guint before;

  add_person (ts->store, "X1", "Existing Person", SC_ROLE_AGENT);
  before = sc_store_count_people (ts->store, TRUE);
  g_assert_cmpuint (before, ==, 1);

  csv = parse_data_file (ts->store, "people-bad.csv");
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), >, 0);

  g_assert_false (sc_people_csv_commit (csv, ts->store, sc_test_session (), &n_added, NULL, &error));
  g_assert_error (error, SC_PEOPLE_CSV_ERROR, SC_PEOPLE_CSV_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "12 rows"));
  g_assert_cmpuint (n_added, ==, 99);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, before);
}

static void
test_people_commit_clean (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = parse_data_file (ts->store, "people-good.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) alice = NULL;
  g_autoptr(ScPerson) bob = NULL;
  g_autoptr(ScPerson) dan = NULL;
  guint n_added = 0;
  guint n_updated = 99;

  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), &n_added, &n_updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 4);
  g_assert_cmpuint (n_updated, ==, 0);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 4);

  alice = find_person (ts->store, "E001");
  g_assert_nonnull (alice);
  g_assert_cmpstr (sc_person_get_name (alice), ==, "Alice Wong");
  g_assert_cmpstr (sc_person_get_hire_date (alice), ==, "2023-01-15");
  g_assert_cmpint (sc_person_get_min_minutes_week (alice), ==, 1200);
  g_assert_cmpint (person_skill_level (ts->store, alice, "Product knowledge"), ==, 3);
  g_assert_cmpint (person_skill_level (ts->store, alice, "Complaint handling"), ==, 2);
  g_assert_cmpint (person_skill_level (ts->store, alice, "Communication"), ==, -1);

  bob = find_person (ts->store, "E002");
  g_assert_cmpint (sc_person_get_role (bob), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpint (sc_person_get_max_minutes_week (bob), ==, 2250);
  g_assert_cmpstr (sc_person_get_hire_date (bob), ==, "2021-07-01");

  dan = find_person (ts->store, "E004");
  g_assert_cmpint (sc_person_get_role (dan), ==, SC_ROLE_SUPERVISOR);
  g_assert_cmpint (person_skill_level (ts->store, dan, "Communication"), ==, 5);

  /* The rows keep no ids of their own: importing again updates everyone */
  g_clear_pointer (&csv, sc_people_csv_free);
  csv = parse_data_file (ts->store, "people-good.csv");
  g_assert_cmpuint (sc_people_csv_count_status (csv, SC_PEOPLE_CSV_ROW_UPDATE), ==, 4);
  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), &n_added, &n_updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpuint (n_updated, ==, 4);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 4);
}

static void
test_people_update (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) before = NULL;
  g_autoptr(ScPerson) after = NULL;
  g_autoptr(ScPerson) carol = NULL;
  ScPerson *row_person;
  guint n_added = 0;
  guint n_updated = 0;
  guint row;

  add_person (ts->store, "E002", "Bob Old Name", SC_ROLE_AGENT);
  add_person (ts->store, "E003", "Carol Old", SC_ROLE_SUPERVISOR);
  before = find_person (ts->store, "E002");
  g_assert_nonnull (before);

  /* Carol's old email stays: her email cell is empty */
  carol = find_person (ts->store, "E003");
  sc_person_set_email (carol, "carol@old.example.com");
  sc_store_update_person (ts->store, sc_test_session (), carol, &error);
  g_assert_no_error (error);
  g_clear_object (&carol);

  csv = parse_data_file (ts->store, "people-good.csv");
  g_assert_cmpuint (sc_people_csv_count_status (csv, SC_PEOPLE_CSV_ROW_NEW), ==, 2);
  g_assert_cmpuint (sc_people_csv_count_status (csv, SC_PEOPLE_CSV_ROW_UPDATE), ==, 2);

  row = find_row (csv, 3);
  g_assert_cmpint (sc_people_csv_get_row_status (csv, row), ==, SC_PEOPLE_CSV_ROW_UPDATE);
  row_person = sc_people_csv_get_row_person (csv, row);
  g_assert_cmpint (sc_person_get_id (row_person), ==, sc_person_get_id (before));
  g_assert_cmpstr (sc_person_get_name (row_person), ==, "Bob Li");
  g_assert_cmpint (sc_people_csv_get_row_status (csv, find_row (csv, 2)), ==,
                   SC_PEOPLE_CSV_ROW_NEW);

  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), &n_added, &n_updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (n_updated, ==, 2);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 4);

  after = find_person (ts->store, "E002");
  g_assert_cmpint (sc_person_get_id (after), ==, sc_person_get_id (before));
  g_assert_cmpstr (sc_person_get_name (after), ==, "Bob Li");
  g_assert_cmpint (sc_person_get_role (after), ==, SC_ROLE_TECHNICAL_SUPPORT);
  g_assert_cmpstr (sc_person_get_email (after), ==, "bob@example.com");

  carol = find_person (ts->store, "E003");
  g_assert_cmpstr (sc_person_get_name (carol), ==, "Carol Chen");
  g_assert_cmpint (sc_person_get_role (carol), ==, SC_ROLE_TRAINER);
  g_assert_cmpstr (sc_person_get_email (carol), ==, "carol@old.example.com");
}

/* The group (班组) column, under its English or Chinese header; an empty
 * cell keeps the group someone has */
static void
test_people_crew (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = NULL;
  g_autofree char *long_row = NULL;
  g_autofree char *long_name = g_strnfill (60, 'x');
  static const char english[] =
    "Name,Employee No,Group\n"
    "Alice Wong,E001,Phone A\n"
    "Bob Li,E002,\n";
  static const char chinese[] =
    "姓名,工号,班组\n"
    "张伟,A1001,投诉处理组\n"
    "Bob Li,E002,\n";

  csv = sc_people_csv_parse (ts->store, sc_test_session (), english, strlen (english), "groups.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 2), ==, "Group");
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 0);
  g_assert_cmpstr (sc_person_get_crew (sc_people_csv_get_row_person (csv, 0)), ==, "Phone A");
  g_assert_cmpstr (sc_person_get_crew (sc_people_csv_get_row_person (csv, 1)), ==, "");
  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_assert_no_error (error);
  person = find_person (ts->store, "E001");
  g_assert_cmpstr (sc_person_get_crew (person), ==, "Phone A");
  g_clear_object (&person);

  /* Bob gets a group by hand; the Chinese file leaves his cell empty */
  person = find_person (ts->store, "E002");
  sc_person_set_crew (person, "Chat");
  g_assert_true (sc_store_update_person (ts->store, sc_test_session (), person, &error));
  g_assert_no_error (error);
  g_clear_object (&person);

  g_clear_pointer (&csv, sc_people_csv_free);
  csv = sc_people_csv_parse (ts->store, sc_test_session (), chinese, strlen (chinese), "班组.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_people_csv_get_column_header (csv, 2), ==, "班组");
  g_assert_cmpstr (sc_people_csv_get_column_field_label (csv, 2), ==, "Group");
  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_assert_no_error (error);
  person = find_person (ts->store, "A1001");
  g_assert_cmpstr (sc_person_get_crew (person), ==, "投诉处理组");
  g_clear_object (&person);
  person = find_person (ts->store, "E002");
  g_assert_cmpstr (sc_person_get_crew (person), ==, "Chat");
  g_clear_object (&person);

  /* Too long a group: the row says where and what, nothing is written */
  g_clear_pointer (&csv, sc_people_csv_free);
  long_row = g_strdup_printf ("Name,Employee No,Group\nCarol Chen,E003,%s\n", long_name);
  csv = sc_people_csv_parse (ts->store, sc_test_session (), long_row, strlen (long_row), "long.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 1);
  g_test_message ("%s", sc_people_csv_get_row_error (csv, 0));
  g_assert_true (g_str_has_prefix (sc_people_csv_get_row_error (csv, 0), "Line 2: Group"));
  g_assert_false (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_clear_error (&error);
  person = find_person (ts->store, "E003");
  g_assert_null (person);
}

static void
test_people_commit_rollback (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) alice = NULL;

  add_person (ts->store, "X1", "Existing Person", SC_ROLE_AGENT);

  csv = parse_data_file (ts->store, "people-good.csv");
  g_assert_cmpuint (sc_people_csv_get_n_errors (csv), ==, 0);

  /* Someone else adds E003 between the preview and the import: the third
   * row then fails, and the two before it must be undone */
  add_person (ts->store, "E003", "Carol Elsewhere", SC_ROLE_AGENT);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 2);

  g_assert_false (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_assert_error (error, SC_STORE_ERROR, SC_STORE_ERROR_CONSTRAINT);
  g_assert_true (g_str_has_prefix (error->message, "people-good.csv: line 4:"));

  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 2);
  alice = find_person (ts->store, "E001");
  g_assert_null (alice);

  /* The store still works after the rollback */
  add_person (ts->store, "X2", "Another Person", SC_ROLE_AGENT);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 3);
}

static void
test_people_skills_cell (void)
{
  static const struct
  {
    const char *cell;
    const char *skills;
    const char *error;
  } cases[] = {
    { "Communication:4", "Communication:4", NULL },
    { "communication : 0 ; PRODUCT KNOWLEDGE:5;", "Communication:0; Product knowledge:5", NULL },
    { "产品知识：3；投诉处理：2", "产品知识:3; 投诉处理:2", NULL },
    { "\"Communication:1, Complaint handling:2\"", "Communication:1; Complaint handling:2", NULL },
    { "Juggling:3", NULL, "Line 2: skill “Juggling” is not in the team’s skill list" },
    { "Communication:6", NULL, "Line 2: level “6” of skill “Communication” is not valid" },
    { "Communication:-1", NULL, "Line 2: level “-1” of skill “Communication” is not valid" },
    { "Communication:high", NULL, "Line 2: level “high” of skill “Communication” is not valid" },
    { "Communication", NULL, "Line 2: skill “Communication” has no level" },
    { ":3", NULL, "Line 2: “:3” has no skill name" },
    { "Communication:1;communication:2", NULL, "Line 2: skill “Communication” is listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TestStore) ts = test_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPeopleCsv) csv = NULL;
      g_autofree char *data = g_strdup_printf ("Name,Employee No,Skills\nAnn,S1,%s\n",
                                               cases[i].cell);

      g_test_message ("case %u: %s", i, cases[i].cell);
      csv = parse_string (ts->store, data, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 1);

      if (cases[i].error == NULL)
        {
          g_autoptr(ScPerson) ann = NULL;

          g_assert_null (sc_people_csv_get_row_error (csv, 0));
          g_assert_cmpstr (sc_people_csv_get_row_skills (csv, 0), ==, cases[i].skills);

          sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error);
          g_assert_no_error (error);
          ann = find_person (ts->store, "S1");
          g_assert_nonnull (ann);
          if (i == 1)
            {
              g_assert_cmpint (person_skill_level (ts->store, ann, "Communication"), ==, 0);
              g_assert_cmpint (person_skill_level (ts->store, ann, "Product knowledge"), ==, 5);
            }
        }
      else
        {
          const char *message = sc_people_csv_get_row_error (csv, 0);

          g_test_message ("%s", message);
          g_assert_cmpint (sc_people_csv_get_row_status (csv, 0), ==, SC_PEOPLE_CSV_ROW_ERROR);
          g_assert_nonnull (message);
          g_assert_true (g_str_has_prefix (message, cases[i].error));
        }
    }
}

static void
test_people_update_skills (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPerson) person = NULL;

  add_person (ts->store, "S1", "Ann", SC_ROLE_AGENT);
  csv = parse_string (ts->store, "Name,Employee No,Skills\nAnn,S1,Communication:2\n", &error);
  g_assert_no_error (error);
  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&csv, sc_people_csv_free);

  csv = parse_string (ts->store,
                      "Name,Employee No,Skills\nAnn,S1,Communication:4; Product knowledge:1\n",
                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_people_csv_get_row_status (csv, 0), ==, SC_PEOPLE_CSV_ROW_UPDATE);
  g_assert_true (sc_people_csv_commit (csv, ts->store, sc_test_session (), NULL, NULL, &error));
  g_assert_no_error (error);

  person = find_person (ts->store, "S1");
  g_assert_cmpint (person_skill_level (ts->store, person, "Communication"), ==, 4);
  g_assert_cmpint (person_skill_level (ts->store, person, "Product knowledge"), ==, 1);
  g_assert_cmpuint (sc_store_count_people (ts->store, TRUE), ==, 1);
}

static void
on_parse_ready_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_people_async (void)
{
  g_autoptr(TestStore) ts = test_store_new ();
  g_autoptr(GFile) file = data_file ("people-chinese.csv");
  g_autoptr(GFile) missing = data_file ("does-not-exist.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScPeopleCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  sc_people_csv_parse_file_async (ts->store, sc_test_session (), file, NULL, on_parse_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  csv = sc_people_csv_parse_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_cmpuint (sc_people_csv_get_n_rows (csv), ==, 5);
  g_clear_pointer (&csv, sc_people_csv_free);
  g_clear_object (&result);

  /* Cancelled */
  g_cancellable_cancel (cancellable);
  sc_people_csv_parse_file_async (ts->store, sc_test_session (), file, cancellable, on_parse_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  csv = sc_people_csv_parse_file_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (csv);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A file that is not there: the message names it */
  sc_people_csv_parse_file_async (ts->store, sc_test_session (), missing, NULL, on_parse_ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  csv = sc_people_csv_parse_file_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does-not-exist.csv"));
  g_assert_null (csv);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/formats/csv/reader/basic", test_csv_reader_basic);
  g_test_add_func ("/formats/csv/reader/quoted", test_csv_reader_quoted);
  g_test_add_func ("/formats/csv/reader/blank", test_csv_reader_blank);
  g_test_add_func ("/formats/csv/reader/invalid-utf8", test_csv_reader_invalid_utf8);
  g_test_add_func ("/formats/csv/reader/unterminated", test_csv_reader_unterminated);
  g_test_add_func ("/formats/csv/people/good", test_people_good);
  g_test_add_func ("/formats/csv/people/bom-tab", test_people_bom_tab);
  g_test_add_func ("/formats/csv/people/quoted", test_people_quoted);
  g_test_add_func ("/formats/csv/people/chinese", test_people_chinese);
  g_test_add_func ("/formats/csv/people/bad-rows", test_people_bad_rows);
  g_test_add_func ("/formats/csv/people/several-problems", test_people_several_problems);
  g_test_add_func ("/formats/csv/people/missing-column", test_people_missing_column);
  g_test_add_func ("/formats/csv/people/header-synonyms", test_people_header_synonyms);
  g_test_add_func ("/formats/csv/people/bad-numbers", test_people_bad_numbers);
  g_test_add_func ("/formats/csv/people/invalid-utf8", test_people_invalid_utf8);
  g_test_add_func ("/formats/csv/people/unterminated-quote", test_people_unterminated_quote);
  g_test_add_func ("/formats/csv/people/commit-refused", test_people_commit_refused);
  g_test_add_func ("/formats/csv/people/commit-clean", test_people_commit_clean);
  g_test_add_func ("/formats/csv/people/commit-rollback", test_people_commit_rollback);
  g_test_add_func ("/formats/csv/people/update", test_people_update);
  g_test_add_func ("/formats/csv/people/crew", test_people_crew);
  g_test_add_func ("/formats/csv/people/skills-cell", test_people_skills_cell);
  g_test_add_func ("/formats/csv/people/update-skills", test_people_update_skills);
  g_test_add_func ("/formats/csv/people/async", test_people_async);

  return g_test_run ();
}
