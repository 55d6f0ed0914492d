/* test-csv.c: CSV files of projects and organisations, both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "rk-backup.h"
#include "rk-csv.h"
#include "rk-database-private.h"
#include "rk-export.h"
#include "rk-format.h"
#include "rk-import.h"
#include "rk-organisation.h"
#include "rk-project.h"
#include "rk-test-util.h"

#define FIELD_MOBILITY "013d95f2-394c-5685-a211-d33321d564f9"
#define FIELD_ECONOMY "fa286129-ddb4-5850-8311-89ad8bd5bd68"
#define FIELD_EDUCATION "8c57e2b9-68fb-5100-99c6-59c8d299543d"
#define ESSEN "39410dd2-c74b-5ff8-9602-f701b140e45c"
#define BOCHUM "cdd305ed-cd0b-5e7a-b9fb-cd9f2ebba323"
#define MUELHEIM "eb1af181-f011-5378-a631-5928a37f961c"

/* Texts that test every rule of the format at once. */
#define AWKWARD_TEXT "Zeile eins; mit Semikolon, Komma und \"Anführungszeichen\"\nZeile zwei: Ärger über Öl – 100 %"

/* The reader */

static RkCsvTable *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  RkCsvTable *table = rk_csv_table_parse (text, strlen (text), NULL, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static void
test_reader_quoting (void)
{
  g_autoptr(RkCsvTable) table = NULL;

  table = parse ("a;b;c\r\n"
                 "\"x;y\";\"er sagte \"\"ja\"\"\";\"zwei\r\nZeilen\"\r\n"
                 "\r\n"
                 ";;\r\n"
                 "1;2\"3;\"\"\n"
                 "last;;no newline");

  g_assert_cmpint (rk_csv_table_get_delimiter (table), ==, ';');
  /* The blank line and the row of empty cells are left out. */
  g_assert_cmpuint (rk_csv_table_get_n_records (table), ==, 4);

  g_assert_cmpstr (rk_csv_table_get_cell (table, 1, 0), ==, "x;y");
  g_assert_cmpstr (rk_csv_table_get_cell (table, 1, 1), ==, "er sagte \"ja\"");
  g_assert_cmpstr (rk_csv_table_get_cell (table, 1, 2), ==, "zwei\r\nZeilen");
  g_assert_cmpuint (rk_csv_table_get_line (table, 1), ==, 2);

  /* Lines count as in the file: the quoted line break is one. */
  g_assert_cmpuint (rk_csv_table_get_line (table, 2), ==, 6);
  g_assert_cmpstr (rk_csv_table_get_cell (table, 2, 1), ==, "2\"3");
  g_assert_cmpstr (rk_csv_table_get_cell (table, 2, 2), ==, "");
  g_assert_cmpuint (rk_csv_table_get_line (table, 3), ==, 7);
  g_assert_cmpstr (rk_csv_table_get_cell (table, 3, 2), ==, "no newline");
  g_assert_cmpuint (rk_csv_table_get_n_cells (table, 3), ==, 3);

  /* Beyond the record: empty. */
  g_assert_cmpstr (rk_csv_table_get_cell (table, 3, 7), ==, "");
}

static void
test_reader_cell_lines (void)
{
  g_autoptr(RkCsvTable) table = parse ("a,b,c\n1,\"x\ny\nz\",3\n");

  g_assert_cmpuint (rk_csv_table_get_cell_line (table, 1, 0), ==, 2);
  g_assert_cmpuint (rk_csv_table_get_cell_line (table, 1, 1), ==, 2);
  g_assert_cmpuint (rk_csv_table_get_cell_line (table, 1, 2), ==, 4);
}

static void
test_reader_delimiters (void)
{
  g_autoptr(RkCsvTable) semicolon = parse ("Kennung;Titel;\"Nutzen, für\"\n");
  g_autoptr(RkCsvTable) comma = parse ("code,title,\"a;b\"\n");
  g_autoptr(RkCsvTable) tab = parse ("code\ttitle\tgoal\n1\t2\t3,4;5\n");
  g_autoptr(RkCsvTable) single = parse ("\n\nname\n\"Müller, Hans\"\nA;B\n");

  g_assert_cmpint (rk_csv_table_get_delimiter (semicolon), ==, ';');
  g_assert_cmpint (rk_csv_table_get_delimiter (comma), ==, ',');
  g_assert_cmpint (rk_csv_table_get_delimiter (tab), ==, '\t');
  g_assert_cmpstr (rk_csv_table_get_cell (tab, 1, 2), ==, "3,4;5");

  /* A single heading: every line is one cell, whatever it holds. */
  g_assert_cmpint (rk_csv_table_get_delimiter (single), ==, '\0');
  g_assert_cmpuint (rk_csv_table_get_line (single, 0), ==, 3);
  g_assert_cmpstr (rk_csv_table_get_cell (single, 1, 0), ==, "Müller, Hans");
  g_assert_cmpstr (rk_csv_table_get_cell (single, 2, 0), ==, "A;B");
}

static void
test_reader_encodings (void)
{
  g_autoptr(RkCsvTable) bom = parse ("\xEF\xBB\xBFName;Art\nMülheim;Kommune\n");
  g_autoptr(RkCsvTable) plain = parse ("Name;Art\nMülheim;Kommune\n");
  g_autoptr(RkCsvTable) cp1252 = parse ("Name;Notizen\nM\xfclheim;\x80 100 \x96 \x84gut\x93\n");
  g_autoptr(RkCsvTable) damaged = parse ("Name;Notizen\nMülheim;gut\nEssen;M\xfcll\n");

  g_assert_cmpint (rk_csv_table_get_encoding (bom), ==, RK_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpstr (rk_csv_table_get_cell (bom, 0, 0), ==, "Name");
  g_assert_cmpint (rk_csv_table_get_encoding (plain), ==, RK_CSV_ENCODING_UTF8);
  g_assert_cmpstr (rk_csv_table_get_cell (plain, 1, 0), ==, "Mülheim");

  g_assert_cmpint (rk_csv_table_get_encoding (cp1252), ==, RK_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (rk_csv_table_get_cell (cp1252, 1, 0), ==, "Mülheim");
  g_assert_cmpstr (rk_csv_table_get_cell (cp1252, 1, 1), ==, "€ 100 – „gut“");
  g_assert_true (rk_csv_table_cell_is_valid (cp1252, 1, 1));

  /* UTF-8 with one bad cell: that cell, and only that one, is marked. */
  g_assert_cmpint (rk_csv_table_get_encoding (damaged), ==, RK_CSV_ENCODING_UTF8);
  g_assert_true (rk_csv_table_cell_is_valid (damaged, 1, 0));
  g_assert_true (rk_csv_table_cell_is_valid (damaged, 2, 0));
  g_assert_false (rk_csv_table_cell_is_valid (damaged, 2, 1));
  g_assert_true (g_utf8_validate (rk_csv_table_get_cell (damaged, 2, 1), -1, NULL));
}

static void
assert_parse_fails (const char *data,
                    gsize       length,
                    int         code,
                    guint       line,
                    guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkCsvTable) table = NULL;
  guint error_line = 99, error_column = 99;

  table = rk_csv_table_parse (data, length, &error_line, &error_column, &error);
  g_assert_null (table);
  g_assert_error (error, RK_CSV_ERROR, code);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpuint (error_line, ==, line);
  g_assert_cmpuint (error_column, ==, column);
}

static void
test_reader_errors (void)
{
  assert_parse_fails ("a;b\n1;\"open\n\n", 12, RK_CSV_ERROR_STRUCTURE, 2, 2);
  assert_parse_fails ("a;b\n1;\"x\"y\n", 11, RK_CSV_ERROR_STRUCTURE, 2, 2);
  assert_parse_fails ("a;b\n1;2\n3;\0\n", 12, RK_CSV_ERROR_ENCODING, 3, 0);
  assert_parse_fails ("\xFF\xFE" "a\0;\0", 6, RK_CSV_ERROR_ENCODING, 0, 0);
  assert_parse_fails ("\n\n;;\n", 5, RK_CSV_ERROR_EMPTY, 0, 0);
}

/* The writer */

static char *
write_cells (const char * const *cells,
             char                delimiter)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, delimiter);
      rk_csv_append_cell (out, cells[i], delimiter);
    }
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

static void
test_writer_protection (void)
{
  static const char * const cells[] = {
    "=SUMME(A1:A9)", "+49 201 123", "-5 Jahre", "@user", "\tTab", "\rWagenrücklauf",
    "'=schon geschützt", "''zwei", "'Tis", "normal", "a;b", "a,b", "sagte \"ja\"",
    "zwei\nZeilen", "1.234,56", "", NULL,
  };
  static const char * const written[] = {
    "'=SUMME(A1:A9)", "'+49 201 123", "'-5 Jahre", "'@user", "'\tTab", "\"'\rWagenrücklauf\"",
    "''=schon geschützt", "'''zwei", "'Tis", "normal", "\"a;b\"", "a,b", "\"sagte \"\"ja\"\"\"",
    "\"zwei\nZeilen\"", "1.234,56", "",
  };
  g_autofree char *line = write_cells (cells, ';');
  g_autoptr(RkCsvTable) table = NULL;
  g_auto(GStrv) fields = NULL;

  /* Each cell as a spreadsheet will see it: never a formula. */
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autoptr(GString) one = g_string_new (NULL);

      rk_csv_append_cell (one, cells[i], ';');
      g_assert_cmpstr (one->str, ==, written[i]);
      g_assert_false (one->str[0] == '=' || one->str[0] == '+' || one->str[0] == '-' ||
                      one->str[0] == '@' || one->str[0] == '\t' || one->str[0] == '\r');
    }

  /* And read back: every cell exactly as it was. */
  table = parse (line);
  g_assert_cmpuint (rk_csv_table_get_n_cells (table, 0), ==, G_N_ELEMENTS (cells) - 1);
  for (guint i = 0; cells[i] != NULL; i++)
    g_assert_cmpstr (rk_csv_unprotect (rk_csv_table_get_cell (table, 0, i)), ==, cells[i]);

  /* A cell typed by hand with Excel's text mark reads without it. */
  g_assert_cmpstr (rk_csv_unprotect ("'=1+2"), ==, "=1+2");
  g_assert_cmpstr (rk_csv_unprotect ("'1+2"), ==, "'1+2");
}

/* Values */

static void
test_money (void)
{
  static const struct {
    const char *text;
    gboolean german;
    gint64 cents;
  } good[] = {
    { "1234567,89", TRUE, 123456789 },
    { "1.234.567,89", TRUE, 123456789 },
    { "1.234.567,89 €", TRUE, 123456789 },
    { "€ 1234567.89", TRUE, 123456789 },
    { "1234567.89", FALSE, 123456789 },
    { "1,234,567.89", FALSE, 123456789 },
    { "EUR 12,50", FALSE, 1250 },
    { "1.234", TRUE, 123400 },        /* grouping in a German file */
    { "1,234", FALSE, 123400 },       /* grouping in an English file */
    { "1,5", FALSE, 150 },
    { "0", TRUE, 0 },
    { "4 000 000", TRUE, 400000000 },
  };
  static const char * const bad[] = { "1.234", "12,3,4", "abc", "-5", "1.5.2024", "", "1,2345" };
  char *text;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents = -1;

      g_assert_true (rk_csv_parse_money (good[i].text, good[i].german, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, good[i].cents);
    }

  /* "1.234" in an English file has too many decimals for cents. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 cents;

      g_assert_false (rk_csv_parse_money (bad[i], FALSE, &cents, &error));
      g_assert_error (error, RK_FORMAT_ERROR, g_str_equal (bad[i], "-5") ? RK_FORMAT_ERROR_NEGATIVE
                                                                           : RK_FORMAT_ERROR_INVALID);
    }

  text = rk_csv_format_money (123456789, RK_CSV_FORMAT_DE);
  g_assert_cmpstr (text, ==, "1234567,89");
  g_free (text);
  text = rk_csv_format_money (5, RK_CSV_FORMAT_EN);
  g_assert_cmpstr (text, ==, "0.05");
  g_free (text);
  text = rk_csv_format_date ("2024-12-31", RK_CSV_FORMAT_DE);
  g_assert_cmpstr (text, ==, "31.12.2024");
  g_free (text);
}

static void
test_terms (void)
{
  int value = -1;

  for (RkStatus s = 0; s < RK_N_STATUSES; s++)
    {
      g_assert_true (rk_csv_match_term (RK_CSV_VALUE_STATUS, rk_status_to_key (s), &value));
      g_assert_cmpint (value, ==, s);
      /* The table's English is the app's own (the tests run in English). */
      g_assert_cmpstr (rk_csv_term_english (RK_CSV_VALUE_STATUS, s), ==, rk_status_get_label (s));
      g_assert_true (rk_csv_match_term (RK_CSV_VALUE_STATUS, rk_csv_term_text (RK_CSV_VALUE_STATUS, s, RK_CSV_FORMAT_DE), &value));
      g_assert_cmpint (value, ==, s);
    }
  for (RkPillar p = 0; p < RK_N_PILLARS; p++)
    g_assert_cmpstr (rk_csv_term_english (RK_CSV_VALUE_PILLAR, p), ==, rk_pillar_get_label (p));
  for (RkKind k = 0; k < RK_N_KINDS; k++)
    g_assert_cmpstr (rk_csv_term_english (RK_CSV_VALUE_KIND, k), ==, rk_kind_get_label (k));

  g_assert_true (rk_csv_match_term (RK_CSV_VALUE_STATUS, "  in   UMSETZUNG ", &value));
  g_assert_cmpint (value, ==, RK_STATUS_IN_IMPLEMENTATION);
  g_assert_true (rk_csv_match_term (RK_CSV_VALUE_STATUS, "In implementation", &value));
  g_assert_true (rk_csv_match_term (RK_CSV_VALUE_STATUS, "abgeschlossen bzw. in fortlaufende Aktivitäten überführt", &value));
  g_assert_cmpint (value, ==, RK_STATUS_COMPLETED);
  g_assert_true (rk_csv_match_term (RK_CSV_VALUE_KIND, "hochschule oder forschungseinrichtung", &value));
  g_assert_cmpint (value, ==, RK_KIND_RESEARCH);
  g_assert_true (rk_csv_match_term (RK_CSV_VALUE_PILLAR, "partner project", &value));
  g_assert_cmpint (value, ==, RK_PILLAR_PARTNER_PROJECT);
  g_assert_false (rk_csv_match_term (RK_CSV_VALUE_STATUS, "verschoben", &value));
}

/* Whole files */

static RkProject *
add_project (RkDatabase *db,
             const char *code,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "code", code, "title", title, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
  return project;
}

/* A database with projects and organisations that use every attribute
 * and every awkward character. */
static RkDatabase *
make_full_database (void)
{
  RkDatabase *db = rk_test_open_new_database ();
  g_autoptr(RkProject) first = rk_project_new ();
  g_autoptr(RkProject) second = NULL;
  g_autoptr(RkOrganisation) organisation = rk_organisation_new ();
  g_autoptr(RkOrganisation) person = rk_organisation_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (first,
                "code", "07-01_MKW",
                "title", "Neue Künste Ruhr",
                "goal", "=HYPERLINK(\"http://example.org\")",
                "field-id", FIELD_EDUCATION,
                "pillar", RK_PILLAR_PARTNER_PROJECT,
                "status", RK_STATUS_IN_IMPLEMENTATION,
                "lead-ministry", "MKW",
                "volume-cents", (gint64) 123456789,
                "start-date", "2022-01-01",
                "end-date", "2030-12-31",
                "added-value", AWKWARD_TEXT,
                "approach", "-5 Jahre, +2 Stellen, @alle",
                "beneficiaries", "Künstlerinnen und Künstler",
                "current-status", "'=nur Text",
                "outlook", "\tEingerückt",
                NULL);
  rk_project_insert (first, db, &error);
  g_assert_no_error (error);
  rk_project_add_municipality (db, rk_project_get_id (first), ESSEN, &error);
  g_assert_no_error (error);
  rk_project_add_municipality (db, rk_project_get_id (first), MUELHEIM, &error);
  g_assert_no_error (error);

  /* Nothing but what every project has. */
  second = add_project (db, "13-02_VM", "Mobilitätsregion: InnaMoRuhr");

  g_object_set (organisation,
                "name", "Emschergenossenschaft",
                "kind", RK_KIND_ASSOCIATION,
                "municipality-id", ESSEN,
                "address", "Kronprinzenstraße 24\n45128 Essen",
                "website", "https://www.eglv.de",
                "email", "info@eglv.de",
                "phone", "+49 201 1040",
                "notes", AWKWARD_TEXT,
                NULL);
  rk_organisation_insert (organisation, db, &error);
  g_assert_no_error (error);

  g_object_set (person, "name", "Müller, Hans", "kind", RK_KIND_PRIVATE_PERSON, NULL);
  rk_organisation_insert (person, db, &error);
  g_assert_no_error (error);

  return db;
}

static GBytes *
export (RkDatabase         *db,
        RkCsvKind           kind,
        const char * const *ids,
        RkCsvFormat         format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (rk_export_csv_to_stream (db, kind, ids, format, stream, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

static RkImport *
read_import (RkCsvKind   kind,
             const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  RkImport *import = rk_import_new (kind);

  rk_import_read_data (import, data, length, "test.csv", &error);
  g_assert_no_error (error);
  return import;
}

static RkImport *
import_bytes (RkDatabase *db,
              RkCsvKind   kind,
              GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  RkImport *import = read_import (kind, data, length);

  rk_import_apply (import, db, 0, NULL, &error);
  g_assert_no_error (error);
  return import;
}

static RkImport *
import_text (RkDatabase *db,
             RkCsvKind   kind,
             const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return import_bytes (db, kind, bytes);
}

static char *
dump (RkDatabase *db,
      const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i) ?: (const guint8 *) "NULL");
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What a CSV file carries, without keys and times, which differ. */
#define PROJECT_VALUES \
  "SELECT code, title, goal, field_id, pillar, status, lead_ministry, volume_cents," \
  " start_date, end_date, added_value, approach, beneficiaries, current_status, outlook," \
  " (SELECT group_concat (municipality_id) FROM (SELECT municipality_id FROM project_municipality" \
  "   WHERE project_id = project.id ORDER BY municipality_id))" \
  " FROM project ORDER BY code"
#define ORGANISATION_VALUES \
  "SELECT name, kind, municipality_id, address, website, email, phone, notes" \
  " FROM organisation ORDER BY name"

static void
assert_round_trip (RkCsvFormat format)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkDatabase) copy = rk_test_open_new_database ();
  g_autoptr(GBytes) projects = export (db, RK_CSV_KIND_PROJECTS, NULL, format);
  g_autoptr(GBytes) organisations = export (db, RK_CSV_KIND_ORGANISATIONS, NULL, format);
  g_autoptr(RkImport) first = NULL;
  g_autoptr(RkImport) second = NULL;
  g_autoptr(RkImport) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *organisations_before = NULL;
  g_autofree char *organisations_after = NULL;
  g_autoptr(GBytes) exported_again = NULL;

  first = import_bytes (copy, RK_CSV_KIND_PROJECTS, projects);
  g_assert_cmpuint (rk_import_get_n_new (first), ==, 2);
  g_assert_cmpuint (rk_import_get_n_errors (first), ==, 0);
  g_assert_cmpint (rk_import_get_language (first), ==, format);
  second = import_bytes (copy, RK_CSV_KIND_ORGANISATIONS, organisations);
  g_assert_cmpuint (rk_import_get_n_new (second), ==, 2);

  /* Not an umlaut, not a cent, not a line break lost. */
  before = dump (db, PROJECT_VALUES);
  after = dump (copy, PROJECT_VALUES);
  g_assert_cmpstr (after, ==, before);
  organisations_before = dump (db, ORGANISATION_VALUES);
  organisations_after = dump (copy, ORGANISATION_VALUES);
  g_assert_cmpstr (organisations_after, ==, organisations_before);

  /* The same file again changes nothing, and exports the same bytes. */
  again = import_bytes (copy, RK_CSV_KIND_PROJECTS, projects);
  g_assert_cmpuint (rk_import_get_n_new (again), ==, 0);
  g_assert_cmpuint (rk_import_get_n_updated (again), ==, 0);
  g_assert_cmpuint (rk_import_get_n_unchanged (again), ==, 2);
  exported_again = export (copy, RK_CSV_KIND_PROJECTS, NULL, format);
  g_assert_true (g_bytes_equal (exported_again, projects));
}

static void
test_round_trip_de (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GBytes) bytes = export (db, RK_CSV_KIND_PROJECTS, NULL, RK_CSV_FORMAT_DE);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* German Excel: a byte order mark, semicolons, German headings and
   * labels, German dates, a decimal comma, CRLF. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Kennung;Titel;Handlungsfeld;Säule;Status;"
                                         "Federführung;Projektvolumen (EUR);Beginn;Ende;Ziel;Mehrwert;"
                                         "Vorgehen;Nutzen für;Aktueller Stand;Ausblick;Kommunen\r\n"));
  g_assert_nonnull (strstr (text, "\r\n07-01_MKW;Neue Künste Ruhr;Beste Bildung – exzellente Forschung;"
                                  "Partnerprojekt;In Umsetzung;MKW;1234567,89;01.01.2022;31.12.2030;"
                                  "\"'=HYPERLINK(\"\"http://example.org\"\")\";"));
  g_assert_nonnull (strstr (text, ";\"Zeile eins; mit Semikolon, Komma und \"\"Anführungszeichen\"\"\nZeile zwei"));
  g_assert_nonnull (strstr (text, ";'-5 Jahre, +2 Stellen, @alle;"));
  g_assert_nonnull (strstr (text, ";''=nur Text;'\tEingerückt;Essen, Mülheim an der Ruhr\r\n"));
  g_assert_nonnull (strstr (text, "\r\n13-02_VM;Mobilitätsregion: InnaMoRuhr;;Ressortprojekt;Projektvorschlag;;;;;;;;;;;\r\n"));

  assert_round_trip (RK_CSV_FORMAT_DE);
}

static void
test_round_trip_en (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GBytes) bytes = export (db, RK_CSV_KIND_PROJECTS, NULL, RK_CSV_FORMAT_EN);
  g_autoptr(GBytes) organisations = export (db, RK_CSV_KIND_ORGANISATIONS, NULL, RK_CSV_FORMAT_EN);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *organisation_text = g_strndup (g_bytes_get_data (organisations, NULL),
                                                  g_bytes_get_size (organisations));

  g_assert_true (g_str_has_prefix (text, "code,title,field,pillar,status,lead_ministry,volume_eur,"
                                         "start_date,end_date,goal,added_value,approach,beneficiaries,"
                                         "current_status,outlook,municipalities\r\n"));
  g_assert_nonnull (strstr (text, "\r\n07-01_MKW,Neue Künste Ruhr,Excellence in education and research,"
                                  "partner_project,in_implementation,MKW,1234567.89,2022-01-01,2030-12-31,"));
  g_assert_nonnull (strstr (text, ",\"'-5 Jahre, +2 Stellen, @alle\","));
  g_assert_nonnull (strstr (text, ",\"Essen, Mülheim an der Ruhr\"\r\n"));

  g_assert_true (g_str_has_prefix (organisation_text, "name,kind,municipality,address,website,email,phone,notes\r\n"));
  g_assert_nonnull (strstr (organisation_text, "\r\nEmschergenossenschaft,association,Essen,\"Kronprinzenstraße 24\n45128 Essen\","
                                               "https://www.eglv.de,info@eglv.de,'+49 201 1040,"));
  g_assert_nonnull (strstr (organisation_text, "\r\n\"Müller, Hans\",private_person,,,,,,\r\n"));

  assert_round_trip (RK_CSV_FORMAT_EN);
}

static void
test_export_filter (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkProject) third = add_project (db, "01-01_StK", "Dritter");
  const char *ids[] = { rk_project_get_id (third), NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  /* The current filter of the list, in the list's order. */
  bytes = export (db, RK_CSV_KIND_PROJECTS, ids, RK_CSV_FORMAT_EN);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "01-01_StK,Dritter,"));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_import_windows_1252 (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  /* As German Excel saves "CSV (Trennzeichen-getrennt)". */
  const char data[] =
    "Kennung;Titel;Handlungsfeld;Status;Projektvolumen (EUR);Kommunen;Ziel\r\n"
    "01-02_VM;Radschnellweg Ruhr;1;In Umsetzung;1.234.567,89 \x80;M\xfclheim an der Ruhr;Gr\xfc\xdf" "e \x84" "aus\x93 B\xf6nen\r\n";
  g_autoptr(RkImport) import = read_import (RK_CSV_KIND_PROJECTS, data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;

  g_assert_cmpstr (rk_import_get_encoding_label (import), ==, "Windows-1252");
  rk_import_apply (import, db, 0, NULL, &error);
  g_assert_no_error (error);

  values = dump (db, "SELECT code, title, field_id, status, volume_cents, goal FROM project");
  g_assert_cmpstr (values, ==, "01-02_VM|Radschnellweg Ruhr|" FIELD_MOBILITY "|in_implementation|123456789|Grüße „aus“ Bönen|\n");
  g_free (values);
  values = dump (db, "SELECT municipality_id FROM project_municipality");
  g_assert_cmpstr (values, ==, MUELHEIM "|\n");
}

static void
test_import_bom_and_no_bom (void)
{
  const char *bodies[] = {
    "\xEF\xBB\xBFname;kind\nStadt Dortmund;Kommune\n",
    "name;kind\nStadt Dortmund;Kommune\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(RkDatabase) db = rk_test_open_new_database ();
      g_autoptr(RkImport) import = import_text (db, RK_CSV_KIND_ORGANISATIONS, bodies[i]);
      g_autofree char *values = dump (db, ORGANISATION_VALUES);

      g_assert_cmpuint (rk_import_get_n_new (import), ==, 1);
      /* The mark is not part of the first heading. */
      g_assert_cmpuint (rk_import_get_n_issues (import), ==, 0);
      g_assert_cmpstr (values, ==, "Stadt Dortmund|municipality|NULL||||||\n");
    }
}

static void
test_import_columns (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkImport) import = NULL;
  g_autoptr(RkImport) missing = rk_import_new (RK_CSV_KIND_PROJECTS);
  g_autoptr(RkImport) twice = rk_import_new (RK_CSV_KIND_PROJECTS);
  g_autoptr(RkImport) no_name = rk_import_new (RK_CSV_KIND_ORGANISATIONS);
  g_autoptr(GError) error = NULL;
  g_autofree char *values = NULL;
  const RkImportIssue *issue;

  /* Any order, any case, English keys and the aliases mixed. */
  import = import_text (db, RK_CSV_KIND_PROJECTS,
                        "TITLE,Field of action,Farbe,CODE,start,End_Date\n"
                        "Ruhr Cluster,2,blau,02-03_MWIDE,1.2.2021,2022-06-30\n");
  g_assert_cmpuint (rk_import_get_n_new (import), ==, 1);
  g_assert_cmpint (rk_import_get_language (import), ==, RK_CSV_FORMAT_EN);
  values = dump (db, "SELECT code, title, field_id, start_date, end_date FROM project");
  g_assert_cmpstr (values, ==, "02-03_MWIDE|Ruhr Cluster|" FIELD_ECONOMY "|2021-02-01|2022-06-30|\n");

  /* The unknown column is a note, not an error. */
  g_assert_cmpuint (rk_import_get_n_issues (import), ==, 1);
  issue = rk_import_get_issue (import, 0);
  g_assert_false (issue->is_error);
  g_assert_cmpuint (issue->line, ==, 1);
  g_assert_cmpuint (issue->column, ==, 3);
  g_assert_nonnull (strstr (issue->message, "“Farbe”"));

  g_assert_false (rk_import_read_data (missing, "Titel;Status\nA;B\n", 16, "ohne.csv", &error));
  g_assert_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==, "“ohne.csv”, line 1: The column “Kennung” (“code”) is missing; every project file needs it.");
  g_assert_cmpuint (rk_import_get_n_errors (missing), ==, 1);
  g_clear_error (&error);

  g_assert_false (rk_import_read_data (twice, "code,title,Titel\n", 17, "twice.csv", &error));
  g_assert_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_COLUMNS);
  g_assert_cmpstr (error->message, ==, "“twice.csv”, line 1, column 3 (Titel): The column “Titel” appears twice, also in column 2.");
  g_clear_error (&error);

  g_assert_false (rk_import_read_data (no_name, "kind\nclub\n", 10, "org.csv", &error));
  g_assert_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "organisation file"));
}

static void
test_import_values (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkImport) import = NULL;
  g_autofree char *values = NULL;

  import = import_text (db, RK_CSV_KIND_PROJECTS,
                        "Kennung;Titel;Handlungsfeld;Säule;Status;Projektvolumen (EUR);Beginn;Ende\n"
                        "A;Eins;1;Ressortprojekt;proposal;1.234;31.12.24;\n"
                        "B;Zwei;Vernetzte Mobilität - kurze Wege;partner project;In Umsetzung;1.234.567,89 €;2024-01-31;31.12.2024\n"
                        "C;Drei;Excellence in education and research;State programme;Nicht weiterverfolgt;EUR 12,5;;\n");
  g_assert_cmpuint (rk_import_get_n_errors (import), ==, 0);
  values = dump (db, "SELECT code, field_id, pillar, status, volume_cents, start_date, end_date FROM project ORDER BY code");
  g_assert_cmpstr (values, ==,
                   "A|" FIELD_MOBILITY "|ministry_project|proposal|123400|2024-12-31|NULL|\n"
                   "B|" FIELD_MOBILITY "|partner_project|in_implementation|123456789|2024-01-31|2024-12-31|\n"
                   "C|" FIELD_EDUCATION "|state_programme|not_pursued|1250|NULL|NULL|\n");
}

static void
test_import_updates (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkImport) import = NULL;
  g_autoptr(RkImport) organisations = NULL;
  g_autofree char *values = NULL;

  /* Columns absent from the file stay as they are; an empty cell clears an
   * optional attribute, and keeps the status, which always has one. */
  import = import_text (db, RK_CSV_KIND_PROJECTS,
                        "code;title;volume_eur;end_date;status;municipalities\n"
                        "07-01_MKW;Neue Künste Ruhr 2030;;;;Bochum\n"
                        "13-02_VM;Mobilitätsregion: InnaMoRuhr;;;;\n"
                        "99-99_NEU;Ganz neu;;;;\n");
  g_assert_cmpuint (rk_import_get_n_new (import), ==, 1);
  g_assert_cmpuint (rk_import_get_n_updated (import), ==, 1);
  g_assert_cmpuint (rk_import_get_n_unchanged (import), ==, 1);

  values = dump (db, "SELECT title, volume_cents, start_date, end_date, status, lead_ministry,"
                     " field_id, goal FROM project WHERE code = '07-01_MKW'");
  g_assert_cmpstr (values, ==, "Neue Künste Ruhr 2030|NULL|2022-01-01|NULL|in_implementation|MKW|"
                               FIELD_EDUCATION "|=HYPERLINK(\"http://example.org\")|\n");
  g_free (values);
  values = dump (db, "SELECT municipality_id FROM project_municipality pm JOIN project p"
                     " ON p.id = pm.project_id WHERE p.code = '07-01_MKW'");
  g_assert_cmpstr (values, ==, BOCHUM "|\n");
  g_free (values);
  values = dump (db, "SELECT status, pillar FROM project WHERE code = '99-99_NEU'");
  g_assert_cmpstr (values, ==, "proposal|ministry_project|\n");
  g_free (values);

  /* Organisations are found by name, whatever the case and spacing. */
  organisations = import_text (db, RK_CSV_KIND_ORGANISATIONS,
                               "Name;Telefon;Kommune\n"
                               "EMSCHERGENOSSENSCHAFT;;Bochum\n");
  g_assert_cmpuint (rk_import_get_n_updated (organisations), ==, 1);
  values = dump (db, ORGANISATION_VALUES);
  g_assert_cmpstr (values, ==,
                   "EMSCHERGENOSSENSCHAFT|association|" BOCHUM "|Kronprinzenstraße 24\n45128 Essen|"
                   "https://www.eglv.de|info@eglv.de||" AWKWARD_TEXT "|\n"
                   "Müller, Hans|private_person|NULL||||||\n");
}

static void
assert_refused (RkCsvKind   kind,
                const char *data,
                gsize       length,
                guint       line,
                guint       column,
                const char *message)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GBytes) before = rk_test_database_bytes (rk_database_get_path (db));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RkImport) import = rk_import_new (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *backups = rk_backup_folder (rk_database_get_path (db));
  const RkImportIssue *issue = NULL;

  if (rk_import_read_data (import, data, length, "bad.csv", &error))
    {
      g_assert_true (rk_import_plan (import, db, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rk_import_get_n_errors (import), ==, 1);

      g_assert_false (rk_import_apply (import, db, 5, NULL, &error));
      g_assert_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, "The file “bad.csv” has 1 error; nothing was imported.");
    }
  else
    g_assert_true (error->domain == RK_IMPORT_ERROR);

  for (guint i = 0; issue == NULL && i < rk_import_get_n_issues (import); i++)
    if (rk_import_get_issue (import, i)->is_error)
      issue = rk_import_get_issue (import, i);
  g_assert_nonnull (issue);
  g_test_message ("line %u, column %u: %s", issue->line, issue->column, issue->message);
  g_assert_cmpuint (issue->line, ==, line);
  g_assert_cmpuint (issue->column, ==, column);
  g_assert_cmpstr (issue->message, ==, message);
  g_assert_true (g_str_has_suffix (issue->message, "."));

  /* Nothing written, not even a backup. */
  after = rk_test_database_bytes (rk_database_get_path (db));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
}

#define HEADER "Kennung;Titel;Handlungsfeld;Beginn;Ende;Projektvolumen (EUR);Kommunen\n"
#define GOOD_ROW "07-01_MKW;Neue Künste Ruhr;5;01.01.2022;31.12.2030;4.000.000;Essen\n"
#define REFUSED(data, line, column, message) \
  assert_refused (RK_CSV_KIND_PROJECTS, data, sizeof data - 1, line, column, message)
#define ORGANISATIONS_REFUSED(data, line, column, message) \
  assert_refused (RK_CSV_KIND_ORGANISATIONS, data, sizeof data - 1, line, column, message)

static void
test_import_bad_rows (void)
{
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;6;;;;\n",
           3, 3, "“6” is not a field of action: give its number, 1 to 5, or its name.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;30.02.2024;;;\n",
           3, 4, "“30.02.2024” is not a valid date.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;;;12,3,4 €;\n",
           3, 6, "“12,3,4 €” is not an amount of money.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;;;-5;\n",
           3, 6, "An amount cannot be negative.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;2024-12-31;2024-01-01;;\n",
           3, 5, "The end date lies before the start date.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;;;;Paris\n",
           3, 7, "“Paris” is not one of the 53 municipalities of the Ruhr region.");
  REFUSED (HEADER GOOD_ROW "07-01_MKW;Doppelt;;;;;\n",
           3, 1, "The code “07-01_MKW” appears on line 2 already.");
  REFUSED (HEADER GOOD_ROW ";Ohne Kennung;;;;;\n",
           3, 1, "A project needs a code: the import finds projects by their code.");
  REFUSED (HEADER GOOD_ROW "08-01_X;  ;;;;;\n",
           3, 2, "A project needs a title.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;;;;;zu viel\n",
           3, 0, "The line has 8 cells, but the header line has 7.");
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel;;;\n",
           3, 0, "The line has 5 cells, but the header line has 7.");
  REFUSED (HEADER GOOD_ROW "\"08-01_X\";\"Titel\" mit;;;;;\n",
           3, 2, "After the closing quotation mark of the cell comes “ ” instead of a delimiter or the end of the line.");
  REFUSED (HEADER GOOD_ROW "08-01_X;\"Titel\n\nohne Ende;;;;;\n",
           3, 2, "The quotation mark that opens the cell is never closed.");
  /* UTF-8 elsewhere in the file, so the bad byte is damage, not 1252. */
  REFUSED (HEADER GOOD_ROW "08-01_X;Titel \xfc;;;;;\n",
           3, 2, "The cell is not valid UTF-8 text.");
  REFUSED ("Titel;Beginn\nNeue Künste Ruhr;2022-01-01\n",
           1, 0, "The column “Kennung” (“code”) is missing; every project file needs it.");
  REFUSED ("",
           0, 0, "The file is empty: it has no header line.");

  ORGANISATIONS_REFUSED ("name,email\nStadt Essen,info@\n",
                         2, 2, "“info@” is not an e-mail address.");
  ORGANISATIONS_REFUSED ("name,kind\nStadt Essen,Amt\n",
                         2, 2, "“Amt” is not a kind of organisation.");
  ORGANISATIONS_REFUSED ("name,kind\nStadt Essen,club\nstadt  essen,club\n",
                         3, 1, "The name “stadt  essen” appears on line 2 already.");
}

/* A line of one megabyte: read, imported, the text whole. */
static void
test_import_huge_line (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GString) data = g_string_new ("code;title;goal\nH-1;Lang;");
  g_autoptr(RkImport) import = NULL;
  g_autofree char *goal = NULL;

  while (data->len < 1024 * 1024)
    g_string_append (data, "Wasserstoff für das Revier, ");
  g_string_append (data, "Ende\n");

  import = import_text (db, RK_CSV_KIND_PROJECTS, data->str);
  g_assert_cmpuint (rk_import_get_n_new (import), ==, 1);
  goal = dump (db, "SELECT length (goal) > 1000000, substr (goal, -4) FROM project WHERE code = 'H-1'");
  g_assert_cmpstr (goal, ==, "1|Ende|\n");
}

static void
test_import_multiline_position (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkImport) import = rk_import_new (RK_CSV_KIND_PROJECTS);
  const char data[] = "code,title,goal,start_date\nA,Eins,\"drei\nZeilen\nlang\",nie\n";
  g_autoptr(GError) error = NULL;
  const RkImportIssue *issue;
  g_autofree char *text = NULL;

  g_assert_true (rk_import_read_data (import, data, sizeof data - 1, "lang.csv", &error));
  g_assert_true (rk_import_plan (import, db, NULL, &error));
  g_assert_cmpuint (rk_import_get_n_errors (import), ==, 1);

  /* The cell that is wrong begins two lines below its record. */
  issue = rk_import_get_issue (import, 0);
  g_assert_cmpuint (issue->line, ==, 4);
  g_assert_cmpuint (issue->column, ==, 4);
  text = rk_import_issue_to_string (import, issue);
  g_assert_cmpstr (text, ==, "“lang.csv”, line 4, column 4 (start_date): “nie” is not a valid date.");
}

static void
test_import_stored_duplicates (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkOrganisation) one = rk_organisation_new ();
  g_autoptr(RkOrganisation) two = rk_organisation_new ();
  g_autoptr(RkImport) import = rk_import_new (RK_CSV_KIND_ORGANISATIONS);
  g_autoptr(GError) error = NULL;

  g_object_set (one, "name", "Stadt Essen", NULL);
  g_object_set (two, "name", "Stadt  Essen", NULL);
  g_assert_true (rk_organisation_insert (one, db, NULL));
  g_assert_true (rk_organisation_insert (two, db, NULL));

  g_assert_true (rk_import_read_data (import, "name\nstadt essen\n", 17, "x.csv", &error));
  g_assert_true (rk_import_plan (import, db, NULL, &error));
  g_assert_cmpuint (rk_import_get_n_errors (import), ==, 1);
  g_assert_cmpstr (rk_import_get_issue (import, 0)->message, ==,
                   "2 organisations in the database are named “stadt essen”: merge them before importing.");
}

static void
test_import_backs_up (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkImport) import = read_import (RK_CSV_KIND_PROJECTS, "code,title\nN,Neu\n", 16);
  g_autoptr(RkImport) unchanged = read_import (RK_CSV_KIND_PROJECTS, "code,title\nN,Neu\n", 16);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(RkBackup) backup = NULL;

  rk_import_apply (import, db, 10, NULL, &error);
  g_assert_no_error (error);

  /* The state before the import, kept beside the database. */
  backups = rk_backup_list (rk_database_get_path (db), &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpint (rk_backup_get_reason (backup), ==, RK_BACKUP_REASON_IMPORT);
  g_assert_cmpint (rk_backup_get_n_projects (backup), ==, 2);
  g_clear_object (&backups);

  /* An import that changes nothing needs no backup. */
  g_assert_true (rk_import_apply (unchanged, db, 10, NULL, &error));
  g_assert_cmpuint (rk_import_get_n_unchanged (unchanged), ==, 1);
  backups = rk_backup_list (rk_database_get_path (db), &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
}

/* The indexes of @table as the schema defines them. */
static char *
index_definitions (RkDatabase *db,
                   const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, sql FROM sqlite_schema"
                                          " WHERE type = 'index' AND tbl_name = '%s' ORDER BY name", table);

  return dump (db, sql);
}

static guint
count_matches (RkDatabase *db,
               const char *query)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT count(*) FROM project_fts WHERE project_fts MATCH ?", NULL);

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* A file far larger than the table takes the bulk path: planning beside
 * writing, new records without triggers, the search index filled in one
 * statement, the list indexes built afresh. The result must be the same as
 * record by record, and an error on the last line must still leave no
 * trace. */
static void
test_import_large (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkDatabase) fresh = rk_test_open_new_database ();
  g_autoptr(GString) data = g_string_new ("code;title;goal;municipalities\n");
  g_autoptr(RkImport) bad = NULL;
  g_autoptr(RkImport) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = rk_test_database_bytes (rk_database_get_path (db));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(RkBackup) backup = NULL;
  g_autofree char *folder = rk_backup_folder (rk_database_get_path (db));
  g_autofree char *indexes = index_definitions (fresh, "project");
  g_autofree char *now_indexes = NULL;
  g_autofree char *values = NULL;

  /* One stored project changes its title; 2,999 are new. */
  g_string_append (data, "07-01_MKW;Stadtlabor Ruhrwerk;Neues Ziel;Essen\n");
  for (guint i = 1; i < 3000; i++)
    g_string_append_printf (data, "L-%04u;Vorhaben Werkstatt%u;Ziel;%s\n", i, i, i % 2 ? "Bochum, Herne" : "");

  g_string_append (data, "L-9999;Vorhaben;;Paris\n");
  bad = read_import (RK_CSV_KIND_PROJECTS, data->str, data->len);
  g_assert_false (rk_import_apply (bad, db, 10, NULL, &error));
  g_assert_error (error, RK_IMPORT_ERROR, RK_IMPORT_ERROR_INVALID);
  g_clear_error (&error);
  after = rk_test_database_bytes (rk_database_get_path (db));
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_string_truncate (data, data->len - strlen ("L-9999;Vorhaben;;Paris\n"));
  good = read_import (RK_CSV_KIND_PROJECTS, data->str, data->len);
  g_assert_true (rk_import_apply (good, db, 10, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rk_import_get_n_new (good), ==, 2999);
  g_assert_cmpuint (rk_import_get_n_updated (good), ==, 1);

  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 3001);
  g_assert_cmpint (rk_database_count_rows (db, "project_municipality", NULL), ==, 1500 * 2 + 1);
  values = dump (db, "SELECT title, goal, (SELECT count(*) FROM project_municipality"
                     " WHERE project_id = project.id) FROM project WHERE code IN ('07-01_MKW', 'L-0001', 'L-2999')"
                     " ORDER BY code");
  g_assert_cmpstr (values, ==, "Stadtlabor Ruhrwerk|Neues Ziel|1|\n"
                               "Vorhaben Werkstatt1|Ziel|2|\n"
                               "Vorhaben Werkstatt2999|Ziel|2|\n");

  /* The same indexes as the schema makes them, and a whole search index:
   * new words found, the updated project's old words gone. */
  now_indexes = index_definitions (db, "project");
  g_assert_cmpstr (now_indexes, ==, indexes);
  g_assert_cmpuint (count_matches (db, "werkstatt1234"), ==, 1);
  g_assert_cmpuint (count_matches (db, "vorhaben"), ==, 2999);
  g_assert_cmpuint (count_matches (db, "ruhrwerk"), ==, 1);
  g_assert_cmpuint (count_matches (db, "kunste"), ==, 0);
  g_assert_true (rk_database_exec (db, "INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 0)", &error));
  g_assert_no_error (error);
  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);
  /* Every word as a new index of the records would hold it. */
  rk_test_assert_search_index_fresh (db);

  /* The triggers are back for what the user does next. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET title = 'Zeche' WHERE code = 'L-0001'", &error));
  g_assert_true (rk_database_commit (db, &error));
  g_assert_cmpuint (count_matches (db, "zeche"), ==, 1);
  g_assert_cmpuint (count_matches (db, "werkstatt1"), ==, 0);

  /* One backup, of the records as they were. */
  backups = rk_backup_list (rk_database_get_path (db), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpint (rk_backup_get_n_projects (backup), ==, 2);
}

static void
test_import_cancel (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GString) data = g_string_new ("code;title;goal\n");
  g_autoptr(RkImport) import = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = rk_test_database_bytes (rk_database_get_path (db));
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (data, "C-%u;Projekt %u;Ziel %u\n", i, i, i);
  import = read_import (RK_CSV_KIND_PROJECTS, data->str, data->len);

  g_cancellable_cancel (cancellable);
  g_assert_false (rk_import_apply (import, db, 0, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = rk_test_database_bytes (rk_database_get_path (db));
  g_assert_true (g_bytes_equal (before, after));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_changed;
} AsyncResult;

static void
on_project_changed_cb (RkDatabase  *db,
                       const char  *table,
                       const char  *key,
                       AsyncResult *result)
{
  if (key != NULL)
    result->n_changed++;
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  AsyncResult *result = user_data;

  result->ok = rk_import_prepare_finish (RK_IMPORT (source), res, &result->error);
  result->done = TRUE;
}

static void
applied_cb (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  AsyncResult *result = user_data;

  result->ok = rk_import_apply_finish (RK_IMPORT (source), res, &result->error);
  result->done = TRUE;
}

static void
test_import_async (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkImport) import = rk_import_new (RK_CSV_KIND_PROJECTS);
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "projekte.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult result = { 0 };

  g_assert_true (g_file_set_contents (path, "Kennung;Titel\n07-01_MKW;Neu betitelt\nX-1;Neu\n", -1, NULL));
  g_signal_connect (db, "changed::project", G_CALLBACK (on_project_changed_cb), &result);

  rk_import_prepare_async (import, db, file, NULL, prepared_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpstr (rk_import_get_display_name (import), ==, "projekte.csv");
  g_assert_cmpuint (rk_import_get_n_new (import), ==, 1);
  g_assert_cmpuint (rk_import_get_n_updated (import), ==, 1);
  g_assert_cmpfloat (rk_import_get_progress (import), ==, 0.4);

  /* Written on a connection of its own; the app's is told what changed. */
  result.done = FALSE;
  rk_import_apply_async (import, db, 0, NULL, applied_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);
  g_assert_cmpuint (result.n_changed, ==, 2);
  g_assert_cmpfloat (rk_import_get_progress (import), ==, 1.0);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/reader/quoting", test_reader_quoting);
  g_test_add_func ("/csv/reader/cell-lines", test_reader_cell_lines);
  g_test_add_func ("/csv/reader/delimiters", test_reader_delimiters);
  g_test_add_func ("/csv/reader/encodings", test_reader_encodings);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/writer/formula-injection", test_writer_protection);
  g_test_add_func ("/csv/values/money", test_money);
  g_test_add_func ("/csv/values/terms", test_terms);
  g_test_add_func ("/csv/round-trip/de", test_round_trip_de);
  g_test_add_func ("/csv/round-trip/en", test_round_trip_en);
  g_test_add_func ("/csv/export/filter", test_export_filter);
  g_test_add_func ("/csv/import/windows-1252", test_import_windows_1252);
  g_test_add_func ("/csv/import/bom-and-no-bom", test_import_bom_and_no_bom);
  g_test_add_func ("/csv/import/columns", test_import_columns);
  g_test_add_func ("/csv/import/values", test_import_values);
  g_test_add_func ("/csv/import/updates", test_import_updates);
  g_test_add_func ("/csv/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/csv/import/huge-line", test_import_huge_line);
  g_test_add_func ("/csv/import/multiline-position", test_import_multiline_position);
  g_test_add_func ("/csv/import/stored-duplicates", test_import_stored_duplicates);
  g_test_add_func ("/csv/import/backs-up", test_import_backs_up);
  g_test_add_func ("/csv/import/large", test_import_large);
  g_test_add_func ("/csv/import/cancel", test_import_cancel);
  g_test_add_func ("/csv/import/async", test_import_async);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
