/* test-archive.c: the whole database as JSON and back, and the JSON reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "rk-archive.h"
#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-json-reader.h"
#include "rk-test-util.h"

/* The example data, and a row in each table it leaves empty, so that the
 * archive carries every table. */
static RkDatabase *
make_full_database (void)
{
  RkDatabase *db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;

  rk_example_load (db, &error);
  g_assert_no_error (error);

  g_assert_true (rk_database_exec (db,
    "INSERT INTO note_project (id, note_id, project_id, created_at, updated_at)"
    " SELECT 'c1b0e7f4-7c55-4b1e-9d7e-0d8f6a1b2c3d', (SELECT id FROM note LIMIT 1),"
    " (SELECT id FROM project ORDER BY id LIMIT 1), '2025-01-02T03:04:05.000006Z', '2025-01-02T03:04:05.000006Z';"
    "INSERT INTO report (id, title, as_of, status, created_at, updated_at)"
    " VALUES ('5e0c2f1a-9d3b-4c6e-8f7a-1b2c3d4e5f60', 'Fortschrittsbericht 2024', '2024-12-31',"
    " 'adopted', '2025-11-26T10:00:00.000000Z', '2025-11-26T10:00:00.000000Z');"
    "INSERT INTO report_entry (id, report_id, project_id, project_code, project_title, field_id,"
    " status, text, created_at, updated_at)"
    " SELECT '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', '5e0c2f1a-9d3b-4c6e-8f7a-1b2c3d4e5f60', id, code,"
    " title, field_id, status, 'Text „mit“ Umlauten\nund Zeilen', created_at, updated_at"
    " FROM project ORDER BY id LIMIT 1;"
    "INSERT INTO tombstone (id, table_name, deleted_at)"
    " VALUES ('9f8e7d6c-5b4a-4321-8fed-cba987654321', 'note', '2025-11-26T11:00:00.000Z');",
    &error));
  g_assert_no_error (error);

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    g_assert_cmpint (rk_database_count_rows (db, rk_database_tables[i], NULL), >, 0);

  return db;
}

static char *
dump_all (RkDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      g_autofree char *sql = g_strconcat ("SELECT * FROM ", rk_database_tables[i], " ORDER BY id", NULL);
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

      g_string_append_printf (out, "[%s]\n", rk_database_tables[i]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%d:%s|", sqlite3_column_type (stmt, c),
                                    sqlite3_column_text (stmt, c) ?: (const guint8 *) "NULL");
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkDatabase) copy = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = rk_archive_to_json (db, &error);
  g_autofree char *second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) found = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"org.nrw.RuhrKonferenz.archive\",\n"
                                          "  \"version\": 1,\n"));
  /* Derived and local tables stay out. */
  g_assert_null (strstr (first, "\"project_fts\""));
  g_assert_null (strstr (first, "\"local\""));
  g_assert_null (strstr (first, rk_database_get_copy_id (db)));

  rk_archive_import_data (copy, first, strlen (first), "archiv.json", NULL, &error);
  g_assert_no_error (error);

  /* Every key, every timestamp, every value, of the same SQLite type. */
  before = dump_all (db);
  after = dump_all (copy);
  g_assert_cmpstr (after, ==, before);

  /* Export, import, export: the same bytes. */
  second = rk_archive_to_json (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, first);

  /* The search index was rebuilt by the schema's triggers; the copy keeps
   * its own identity. */
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (copy, "SELECT count(*) FROM project_fts WHERE project_fts MATCH 'kunste'", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
  g_assert_cmpstr (rk_database_get_copy_id (copy), !=, rk_database_get_copy_id (db));
}

static void
test_file_round_trip (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(RkDatabase) copy = rk_test_open_new_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "archiv.json", NULL);
  g_autofree char *path2 = g_build_filename (dir, "archiv2.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) file2 = g_file_new_for_path (path2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_true (rk_archive_export (db, file, &error));
  g_assert_no_error (error);
  g_assert_true (rk_archive_import (copy, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rk_archive_export (copy, file2, &error));

  first = rk_test_read_file (path);
  second = rk_test_read_file (path2);
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(RkDatabase) db = make_full_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = rk_archive_to_json (db, NULL);

  g_assert_false (rk_archive_import_data (db, json, strlen (json), "a.json", NULL, &error));
  g_assert_error (error, RK_ARCHIVE_ERROR, RK_ARCHIVE_ERROR_NOT_EMPTY);
}

static void
assert_import_fails (const char *json,
                     int         code,
                     const char *message)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autofree char *before = dump_all (db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_archive_import_data (db, json, strlen (json), "a.json", NULL, &error));
  g_assert_error (error, RK_ARCHIVE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);

  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

#define START "{\n  \"format\": \"org.nrw.RuhrKonferenz.archive\",\n  \"version\": 1,\n  \"schema_version\": 2,\n"
#define PROJECT "{\"id\": \"p1\", \"title\": \"T\", \"created_at\": \"x\", \"updated_at\": \"x\"}"

static void
test_errors (void)
{
  assert_import_fails ("[1, 2]", RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 1, column 1: The file is not an archive of Ruhr-Konferenz.");
  assert_import_fails ("{\"format\": \"something else\"}", RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 1, column 12: The file is not an archive of Ruhr-Konferenz.");
  assert_import_fails (START "  \"tables\": {\n    \"project\": [" PROJECT ",\n      {\"id\": \"p2\" \"title\": \"U\"}]}}",
                       RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 7, column 19: A comma or “}” is expected here.");
  assert_import_fails (START "  \"tables\": {\"projekte\": []}}", RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 5, column 14: The table “projekte” is not one of this version’s.");
  assert_import_fails (START "  \"tables\": {\"project\": [{\"id\": \"p1\", \"farbe\": \"blau\"}]}}",
                       RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 5, column 39: The table “project” has no column “farbe”.");
  assert_import_fails (START "  \"tables\": {\"project\": [{\"id\": \"p1\", \"title\": \"\", \"created_at\": \"x\", \"updated_at\": \"x\"}]}}",
                       RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 5, column 26: The row of the table “project” was refused: CHECK constraint failed: title <> ''.");
  assert_import_fails ("{\"format\": \"org.nrw.RuhrKonferenz.archive\", \"version\": 2}", RK_ARCHIVE_ERROR_TOO_NEW,
                       "“a.json”, line 1, column 56: The archive was written by a newer version of Ruhr-Konferenz and cannot be imported with this one.");
  assert_import_fails ("{\"tables\": {}}", RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 1, column 2: The archive must name its format and version before its tables.");
  assert_import_fails (START "  \"tables\": {\"milestone\": [{\"id\": \"m\", \"project_id\": \"none\", \"date\": \"2024-01-01\","
                       " \"created_at\": \"x\", \"updated_at\": \"x\"}]}}",
                       RK_ARCHIVE_ERROR_INVALID,
                       "The archive “a.json” is inconsistent: a row refers to a row that is not in it.");
  assert_import_fails (START "  \"tables\": {\"project\": [" PROJECT "]}",
                       RK_ARCHIVE_ERROR_INVALID,
                       "“a.json”, line 5, column 92: The document ends in the middle.");
}

static RkJsonToken
next (RkJsonReader *reader)
{
  g_autoptr(GError) error = NULL;
  RkJsonToken token = rk_json_reader_next (reader, &error);

  g_assert_no_error (error);
  return token;
}

static void
test_reader (void)
{
  const char *text = "\xEF\xBB\xBF{\"a\": [1, -2.5e3, \"x\\u00e4\\ud83d\\ude00\\n\", true, false, null, {}],\n \"b\": {\"c\": []}}";
  g_autoptr(RkJsonReader) reader = rk_json_reader_new (text, strlen (text));

  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_KEY);
  g_assert_cmpstr (rk_json_reader_get_string (reader), ==, "a");
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_INT);
  g_assert_cmpint (rk_json_reader_get_int (reader), ==, 1);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_DOUBLE);
  g_assert_cmpfloat (rk_json_reader_get_double (reader), ==, -2500.0);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_STRING);
  g_assert_cmpstr (rk_json_reader_get_string (reader), ==, "xä😀\n");
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_TRUE);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_FALSE);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_NULL);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_END_ARRAY);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_KEY);
  g_assert_cmpuint (rk_json_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (rk_json_reader_get_column (reader), ==, 2);
  g_assert_true (rk_json_reader_skip (reader, next (reader), NULL));
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (next (reader), ==, RK_JSON_TOKEN_END);
}

static void
assert_reader_fails (const char *text,
                     guint       line,
                     guint       column)
{
  g_autoptr(RkJsonReader) reader = rk_json_reader_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RkJsonToken token;

  while ((token = rk_json_reader_next (reader, &error)) != RK_JSON_TOKEN_ERROR)
    g_assert_cmpint (token, !=, RK_JSON_TOKEN_END);

  g_assert_true (error->domain == RK_JSON_ERROR);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpuint (rk_json_reader_get_line (reader), ==, line);
  g_assert_cmpuint (rk_json_reader_get_column (reader), ==, column);
}

static void
test_reader_errors (void)
{
  assert_reader_fails ("[1,]", 1, 4);
  assert_reader_fails ("{\"a\" 1}", 1, 2);
  assert_reader_fails ("{\"a\": 1,}", 1, 9);
  assert_reader_fails ("[\n  01]", 2, 4);
  assert_reader_fails ("[\"a\nb\"]", 1, 2);
  assert_reader_fails ("[\"\\x\"]", 1, 2);
  assert_reader_fails ("[\"\\ud800\"]", 1, 2);
  assert_reader_fails ("[tru]", 1, 2);
  assert_reader_fails ("[1] 2", 1, 5);
  assert_reader_fails ("[1}", 1, 3);
  assert_reader_fails ("[\"\xc3\x28\"]", 1, 3);
  assert_reader_fails ("", 1, 1);
  assert_reader_fails ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 1, 65);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/archive/round-trip", test_round_trip);
  g_test_add_func ("/archive/file-round-trip", test_file_round_trip);
  g_test_add_func ("/archive/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/archive/errors", test_errors);
  g_test_add_func ("/json-reader/tokens", test_reader);
  g_test_add_func ("/json-reader/errors", test_reader_errors);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
