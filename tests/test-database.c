/* test-database.c: opening, creating, migrating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rk-database-private.h"
#include "rk-test-util.h"

static char *
query_text (RkDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
query_int64 (RkDatabase *db,
             const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_new (void)
{
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *parent = g_build_filename (dir, "ruhr-konferenz", NULL);
  g_autofree char *path = g_build_filename (parent, "ruhr-konferenz.db", NULL);
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  GStatBuf st;

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  /* The folder is created, private to the user. */
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  g_assert_false (rk_database_get_read_only (db));
  g_assert_cmpint (rk_database_get_schema_version (db), ==, RK_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (db, "PRAGMA user_version"), ==, RK_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (db, "PRAGMA application_id"), ==, RK_APPLICATION_ID);
  g_assert_cmpint (query_int64 (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int64 (db, "PRAGMA busy_timeout"), >, 0);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_true (g_uuid_string_is_valid (rk_database_get_copy_id (db)));

  /* Every table of the data model is there, empty but for reference rows. */
  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      gint64 n = rk_database_count_rows (db, rk_database_tables[i], &error);

      g_assert_no_error (error);
      if (g_str_equal (rk_database_tables[i], "field"))
        g_assert_cmpint (n, ==, 5);
      else if (g_str_equal (rk_database_tables[i], "municipality"))
        g_assert_cmpint (n, ==, 53);
      else
        g_assert_cmpint (n, ==, 0);
    }

  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static void
test_reopen (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) first = NULL;
  g_autoptr(RkDatabase) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_id = NULL;

  first = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copy_id = g_strdup (rk_database_get_copy_id (first));
  g_clear_object (&first);

  second = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Opening again neither seeds twice nor changes the copy's identity. */
  g_assert_cmpstr (rk_database_get_copy_id (second), ==, copy_id);
  g_assert_cmpint (rk_database_count_rows (second, "field", NULL), ==, 5);
  g_assert_cmpint (rk_database_count_rows (second, "municipality", NULL), ==, 53);
}

static void
test_seeded_rows (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *id;
    int position;
    const char *name_de;
    const char *name_en;
  } fields[] = {
    { "013d95f2-394c-5685-a211-d33321d564f9", 1, "Vernetzte Mobilität – kurze Wege", "Networked mobility – short distances" },
    { "fa286129-ddb4-5850-8311-89ad8bd5bd68", 2, "Erfolgreiche Wirtschaft – gute Arbeit", "Thriving economy – good forms of work" },
    { "5a540593-f64e-567f-a631-068c2d16ffb5", 3, "Gelebte Vielfalt – starker Zusammenhalt", "Lived diversity – strong cohesion" },
    { "3d4871be-ff18-57ca-9c0c-6140cba11d56", 4, "Sichere Energie – gesunde Umwelt", "Secure energy – healthy environment" },
    { "8c57e2b9-68fb-5100-99c6-59c8d299543d", 5, "Beste Bildung – exzellente Forschung", "Excellence in education and research" },
  };
  static const struct {
    const char *district;
    int count;
  } districts[] = {
    { NULL, 11 },
    { "Ennepe-Ruhr-Kreis", 9 },
    { "Kreis Recklinghausen", 10 },
    { "Kreis Unna", 10 },
    { "Kreis Wesel", 13 },
  };
  g_autoptr(RkStatement) stmt = NULL;
  guint i = 0;

  g_assert_nonnull (db);

  stmt = rk_database_prepare (db, "SELECT id, position, name_de, name_en FROM field ORDER BY position", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (fields));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, fields[i].id);
      g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, fields[i].position);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, fields[i].name_de);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, fields[i].name_en);
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (fields));
  g_clear_pointer (&stmt, sqlite3_reset);

  for (i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      stmt = rk_database_prepare (db, "SELECT count(*) FROM municipality WHERE district IS ?", &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, districts[i].district, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, districts[i].count);
      g_clear_pointer (&stmt, sqlite3_reset);
    }

  /* Fixed keys: the same on every install, so copies can be merged. */
  stmt = rk_database_prepare (db, "SELECT id, district FROM municipality WHERE name = ?", &error);
  sqlite3_bind_text (stmt, 1, "Mülheim an der Ruhr", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "eb1af181-f011-5378-a631-5928a37f961c");
  g_assert_null (sqlite3_column_text (stmt, 1));
}

/* Version 0 is a SQLite file with nothing in it, as an empty file or one
 * just created by another tool: migration takes it to the current schema. */
static void
test_migrate_from_empty (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA page_size = 4096; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_get_schema_version (db), ==, RK_SCHEMA_VERSION);
  g_assert_cmpint (rk_database_count_rows (db, "field", NULL), ==, 5);
}

/* Each step is tested from the schema of the version before it. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (rk_schema_migrate (raw, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw,
    "INSERT INTO organisation (id, name, kind, created_at, updated_at)"
    " VALUES ('o-1', 'Stiftung Zollverein', 'other', 'x', 'x')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_get_schema_version (db), ==, RK_SCHEMA_VERSION);
  name = query_text (db, "SELECT name FROM organisation WHERE id = 'o-1'");
  g_assert_cmpstr (name, ==, "Stiftung Zollverein");
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'organisation_list_name'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'organisation_name'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "PRAGMA secure_delete"), ==, 1);
}

static GStrv search_projects (RkDatabase *db,
                              const char *query);

/* Version 3 rebuilds the search indexes in their lean form: what was
 * searchable before still is, and the index follows edits afterwards. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (rk_schema_migrate (raw, 0, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw,
    "INSERT INTO project (id, code, title, goal, created_at, updated_at)"
    " VALUES ('p-1', '07-01_MKW', 'Neue Künste Ruhr', 'Urbane Künste', 'x', 'x');"
    "INSERT INTO organisation (id, name, kind, notes, created_at, updated_at)"
    " VALUES ('o-1', 'Stiftung Zollverein', 'other', 'Welterbe', 'x', 'x');"
    "INSERT INTO note (id, date, title, text, created_at, updated_at)"
    " VALUES ('n-1', '2018-10-22', 'Konstituierende Sitzung', 'Bischofshaus', 'x', 'x');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_get_schema_version (db), ==, RK_SCHEMA_VERSION);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM sqlite_schema"
                                    " WHERE name LIKE '%_fts' AND sql LIKE '%detail = none%'"), ==, 3);

  found = search_projects (db, "kunste");
  g_assert_cmpstrv (found, ((const char *[]) { "Neue Künste Ruhr", NULL }));
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organisation_fts WHERE organisation_fts MATCH 'welterbe'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'bischofs*'"), ==, 1);

  /* The triggers remove the old words by naming them. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET title = 'Zirkus' WHERE id = 'p-1';"
                                       "DELETE FROM organisation WHERE id = 'o-1';"
                                       "UPDATE note SET text = 'Essen' WHERE id = 'n-1'", &error));
  g_assert_true (rk_database_commit (db, &error));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "neue");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "zirk*");
  g_assert_cmpstrv (found, ((const char *[]) { "Zirkus", NULL }));
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organisation_fts WHERE organisation_fts MATCH 'welterbe'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'bischofshaus'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'essen'"), ==, 1);
  g_assert_true (rk_database_exec (db, "INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 0)", &error));
  g_assert_no_error (error);
}

static void
assert_refused (const char *path,
                int         expected_code)
{
  g_autoptr(GBytes) before = rk_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, RK_DATABASE_ERROR, expected_code);

  /* One sentence that names the file. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, path));

  after = rk_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_garbage (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  guint8 junk[3000];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = g_test_rand_int_range (0, 256);
  g_file_set_contents (path, (const char *) junk, sizeof junk, &error);
  g_assert_no_error (error);

  assert_refused (path, RK_DATABASE_ERROR_NOT_A_DATABASE);

  /* Text that begins like a database but is none. */
  g_file_set_contents (path, "SQLite format 3 is what this says, but it is a note.", -1, &error);
  g_assert_no_error (error);
  assert_refused (path, RK_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  rk_test_make_checkpointed_database (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 * 4096);

  /* Cut off at a page boundary, as a copy that stopped half way. */
  g_file_set_contents (path, contents, length / 2 - (length / 2) % 4096, &error);
  g_assert_no_error (error);
  assert_refused (path, RK_DATABASE_ERROR_TRUNCATED);

  /* Cut off in the middle of a page. */
  g_file_set_contents (path, contents, 4096 + 1000, &error);
  g_assert_no_error (error);
  assert_refused (path, RK_DATABASE_ERROR_TRUNCATED);

  /* Only part of the header left. */
  g_file_set_contents (path, contents, 60, &error);
  g_assert_no_error (error);
  assert_refused (path, RK_DATABASE_ERROR_NOT_A_DATABASE);
}

/* A crash during a checkpoint leaves the database's first page new and
 * the file still short, with every page in the write-ahead log: SQLite
 * completes it from the log, so it must not be refused as cut off. */
static void
test_interrupted_checkpoint (void)
{
  g_autofree char *origin = rk_test_new_database_path ();
  g_autofree char *path = rk_test_new_database_path ();
  g_autofree char *origin_wal = g_strconcat (origin, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autofree char *short_file = NULL;
  g_autofree char *full_file = NULL;
  g_autofree char *log = NULL;
  gsize short_length, full_length, log_length;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (origin, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (rk_schema_migrate (raw, 0, RK_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
    " INSERT INTO project (id, code, title, goal, created_at, updated_at)"
    " SELECT 'p-' || i, 'K-' || i, 'Projekt ' || i, hex (randomblob (200)), 'x', 'x' FROM n",
    NULL, NULL, NULL), ==, SQLITE_OK);

  /* The state before the checkpoint: the records only in the log. */
  g_file_get_contents (origin, &short_file, &short_length, &error);
  g_assert_no_error (error);
  g_file_get_contents (origin_wal, &log, &log_length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA wal_checkpoint(FULL)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_file_get_contents (origin, &full_file, &full_length, &error);
  g_assert_no_error (error);
  sqlite3_close (raw);
  g_assert_cmpuint (full_length, >, short_length + 4096);

  /* The checkpoint's first page written, nothing after it. */
  memcpy (short_file, full_file, 4096);
  g_file_set_contents (path, short_file, short_length, &error);
  g_assert_no_error (error);
  g_file_set_contents (wal, log, log_length, &error);
  g_assert_no_error (error);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project"), ==, 500);
}

static void
test_refuse_newer (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  sqlite3 *raw = NULL;

  rk_test_make_checkpointed_database (path);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused (path, RK_DATABASE_ERROR_TOO_NEW);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused (path, RK_DATABASE_ERROR_FOREIGN);
}

/* A database of ours whose structure something else changed: an extra
 * trigger, view or table, or a changed definition, could make the app run
 * SQL it did not write. Each is refused, the file untouched. */
static void
test_refuse_altered (void)
{
  static const char * const changes[] = {
    "CREATE TRIGGER wipe AFTER INSERT ON project BEGIN DELETE FROM organisation; END",
    "CREATE VIEW everything AS SELECT * FROM project",
    "CREATE TABLE extra (x)",
    "DROP INDEX project_lead_ministry; CREATE INDEX project_lead_ministry ON project (title)",
    "DROP TRIGGER project_tombstone",
    /* Found by fuzz-database: the version indexed the schemas made. */
    "PRAGMA user_version = -3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autofree char *path = rk_test_new_database_path ();
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      sqlite3 *raw = NULL;

      rk_test_make_checkpointed_database (path);
      g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (raw, changes[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (raw);
      g_unlink (wal);

      g_test_message ("%s", changes[i]);
      assert_refused (path, RK_DATABASE_ERROR_ALTERED);
    }
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  rk_test_make_checkpointed_database (path);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* Scribbling over pages 2 to 9 leaves a header that looks right and
   * b-tree pages that make no sense. */
  g_assert_cmpuint (length, >, 10 * 4096);
  memset (contents + 4096, 0x5a, 8 * 4096);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL)
    {
      g_assert_false (rk_database_check_integrity (db, &error));
      g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CORRUPT);
    }
  else
    {
      g_assert_cmpint (error->domain, ==, RK_DATABASE_ERROR);
      g_assert_cmpint (error->code & 0xff, ==, SQLITE_CORRUPT);
    }
}

/* Root may write any file, so the read-only tests drop to an ordinary user
 * in a child process. */
static void
become_ordinary_user (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_read_only_file (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("RK_TEST_DB");
      g_autoptr(RkDatabase) db = NULL;
      g_autoptr(GError) error = NULL;

      become_ordinary_user ();

      db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (rk_database_get_read_only (db));
      g_assert_cmpint (rk_database_count_rows (db, "municipality", NULL), ==, 53);

      g_assert_false (rk_database_begin (db, &error));
      g_assert_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY);
      return;
    }
  else
    {
      g_autofree char *dir = rk_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ro.db", NULL);

      rk_test_make_checkpointed_database (path);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_setenv ("RK_TEST_DB", path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
}

static void
test_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("RK_TEST_DB");
      g_autofree char *missing = g_build_filename (g_getenv ("RK_TEST_DIR"), "missing.db", NULL);
      g_autoptr(RkDatabase) db = NULL;
      g_autoptr(GError) error = NULL;

      become_ordinary_user ();

      /* The file may be written, but WAL cannot put its files beside it. */
      db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (rk_database_get_read_only (db));
      g_assert_cmpint (rk_database_count_rows (db, "field", NULL), ==, 5);
      g_clear_object (&db);

      /* A new database cannot be made there: a sentence, not a crash. */
      db = rk_database_open (missing, RK_DATABASE_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CANTOPEN);
      return;
    }
  else
    {
      g_autofree char *dir = rk_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "ro.db", NULL);

      rk_test_make_checkpointed_database (path);
      g_assert_cmpint (g_chmod (path, 0666), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("RK_TEST_DB", path, TRUE);
      g_setenv ("RK_TEST_DIR", dir, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_chmod (dir, 0755);
      g_test_trap_assert_passed ();
    }
}

static void
on_changed_cb (RkDatabase *db,
               const char *table,
               const char *key,
               GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s/%s", table, key));
}

static gboolean
insert_project (RkDatabase  *db,
                const char  *id,
                const char  *code,
                const char  *title,
                const char  *goal,
                GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *now = rk_timestamp_now ();

  stmt = rk_database_prepare (db,
                              "INSERT INTO project (id, code, title, goal, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, goal, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  return rk_database_step_done (db, stmt, error);
}

/* Keys are UUIDs of version 7: no two alike, and a key minted later in
 * another millisecond sorts after the earlier ones, which keeps a large
 * import's key index growing at its end. */
static void
test_new_keys (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = rk_new_key ();
  g_autofree char *later = NULL;
  gint64 start = g_get_real_time ();

  for (guint i = 0; i < 10000; i++)
    {
      char *key = rk_new_key ();

      g_assert_true (g_uuid_string_is_valid (key));
      g_assert_cmpint (key[14], ==, '7');
      g_assert_nonnull (strchr ("89ab", key[19]));
      g_assert_true (g_hash_table_add (seen, key));
    }

  /* The clock moves on by at least a millisecond. */
  while (g_get_real_time () / 1000 <= start / 1000)
    g_thread_yield ();
  later = rk_new_key ();
  g_assert_cmpstr (later, >, first);
}

static void
test_transactions_signal_after_commit (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) seen_orgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = rk_new_key ();

  g_assert_true (g_uuid_string_is_valid (key));
  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_signal_connect (db, "changed::organisation", G_CALLBACK (on_changed_cb), seen_orgs);

  /* Rolled back: no row, no signal. */
  g_assert_true (rk_database_begin (db, &error));
  insert_project (db, key, "13-02_VM", "Mobilitätsregion", "", &error);
  g_assert_no_error (error);
  rk_database_note_change (db, "project", key);
  rk_database_rollback (db);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 0);

  /* Committed: the row, then one signal, detailed by table. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (insert_project (db, key, "13-02_VM", "Mobilitätsregion", "", &error));
  rk_database_note_change (db, "project", key);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_true (rk_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (seen, 0), "project/"));
  g_assert_cmpuint (seen_orgs->len, ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);
}

static void
test_constraints (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = rk_new_key ();
  g_autofree char *b = rk_new_key ();

  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (insert_project (db, a, "07-01_MKW", "Neue Künste Ruhr", "", &error));

  /* The code is unique; the error carries SQLite's code. */
  g_assert_false (insert_project (db, b, "07-01_MKW", "Zweites Projekt", "", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_UNIQUE);
  g_clear_error (&error);

  /* A title is required. */
  g_assert_false (insert_project (db, b, "07-02_MKW", "", "", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_CHECK);
  g_clear_error (&error);

  /* The end does not come before the start; money is never negative. */
  g_assert_false (rk_database_exec (db, "UPDATE project SET start_date = '2022-01-01', end_date = '2021-12-31'", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_CHECK);
  g_clear_error (&error);
  g_assert_false (rk_database_exec (db, "UPDATE project SET volume_cents = -1", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_CHECK);
  g_clear_error (&error);
  g_assert_false (rk_database_exec (db, "UPDATE project SET status = 'In Umsetzung'", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_CHECK);
  g_clear_error (&error);

  /* A reference to a field that does not exist. */
  g_assert_false (rk_database_exec (db, "UPDATE project SET field_id = 'no-such-field'", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_clear_error (&error);

  g_assert_true (rk_database_commit (db, &error));
}

static GStrv
search_projects (RkDatabase *db,
                 const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();

  stmt = rk_database_prepare (db,
                              "SELECT p.title FROM project_fts f"
                              " JOIN project p ON p.rowid = f.rowid"
                              " WHERE project_fts MATCH ? ORDER BY p.title", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (titles, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (titles);
}

static void
test_search_index (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = rk_new_key ();
  g_autofree char *b = rk_new_key ();
  g_auto(GStrv) found = NULL;

  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (insert_project (db, a, "07-01_MKW", "Neue Künste Ruhr", "Urbane Künste und Neuer Zirkus", &error));
  g_assert_true (insert_project (db, b, "13-02_VM", "Mobilitätsregion", "Zollverein erreichen", &error));
  g_assert_true (rk_database_commit (db, &error));

  /* Without diacritics, and by prefix. */
  found = search_projects (db, "kunste");
  g_assert_cmpstrv (found, ((const char *[]) { "Neue Künste Ruhr", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "zoll*");
  g_assert_cmpstrv (found, ((const char *[]) { "Mobilitätsregion", NULL }));
  g_clear_pointer (&found, g_strfreev);

  /* The index follows updates and deletes. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET goal = 'Verkehr' WHERE code = '13-02_VM'", &error));
  g_assert_true (rk_database_exec (db, "DELETE FROM project WHERE code = '07-01_MKW'", &error));
  g_assert_true (rk_database_commit (db, &error));
  found = search_projects (db, "zoll*");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "kunste");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "verkehr");
  g_assert_cmpstrv (found, ((const char *[]) { "Mobilitätsregion", NULL }));
}

/* The file is opened defensively, with no trust in its schema: a trigger
 * stored in it could not write to the search index, and none does. The
 * app's own TEMP triggers keep the index right through what a transaction
 * can do: a statement that fails halfway, a rollback, a record made,
 * changed and deleted at once, a rowid used again. */
static void
test_untrusted_schema (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = rk_new_key ();
  g_autofree char *b = rk_new_key ();
  g_auto(GStrv) found = NULL;
  sqlite3 *handle = rk_database_get_handle (db);
  int trusted = -1, defensive = -1;

  sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
  sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (trusted, ==, 0);
  g_assert_cmpint (defensive, ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM main.sqlite_schema"
                                    " WHERE type = 'trigger' AND sql LIKE '%_fts%'"), ==, 0);

  /* What a stored trigger writing to the index would meet. */
  g_assert_true (rk_database_exec (db, "CREATE VIEW hostile AS SELECT rowid FROM project_fts", &error));
  g_assert_false (rk_database_exec (db, "SELECT * FROM hostile", &error));
  g_assert_nonnull (strstr (error->message, "unsafe use of virtual table"));
  g_clear_error (&error);
  g_assert_true (rk_database_exec (db, "DROP VIEW hostile", &error));

  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (insert_project (db, a, "01-01_A", "Hafen", "Logistik", &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET title = 'Hafenbahn' WHERE code = '01-01_A'", &error));
  /* Fails on its second row, after the first was changed. */
  g_assert_true (insert_project (db, b, "01-02_B", "Kanal", "Schleuse", &error));
  g_assert_false (rk_database_exec (db, "UPDATE project SET title = 'Zwischenstand',"
                                        " code = CASE code WHEN '01-02_B' THEN '01-01_A' ELSE code END", &error));
  g_clear_error (&error);
  g_assert_true (rk_database_exec (db, "DELETE FROM project WHERE code = '01-02_B'", &error));
  g_assert_true (insert_project (db, b, "01-03_C", "Kanalufer", "Schleuse", &error));
  g_assert_true (rk_database_commit (db, &error));
  g_assert_no_error (error);

  found = search_projects (db, "hafen*");
  g_assert_cmpstrv (found, ((const char *[]) { "Hafenbahn", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "zwischenstand");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "schleuse");
  g_assert_cmpstrv (found, ((const char *[]) { "Kanalufer", NULL }));
  g_clear_pointer (&found, g_strfreev);

  /* Rolled back: the index keeps what the records keep. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET goal = 'Vergessen'", &error));
  rk_database_rollback (db);
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, "UPDATE project SET goal = 'Binnenschiff' WHERE code = '01-03_C'", &error));
  g_assert_true (rk_database_commit (db, &error));
  found = search_projects (db, "vergessen");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "logistik OR binnenschiff");
  g_assert_cmpstrv (found, ((const char *[]) { "Hafenbahn", "Kanalufer", NULL }));
  g_clear_pointer (&found, g_strfreev);
  found = search_projects (db, "schleuse");
  g_assert_cmpstrv (found, ((const char *[]) { NULL }));

  /* Every word taken out was one the index held. */
  g_assert_true (rk_database_exec (db, "INSERT INTO project_fts (project_fts, rank) VALUES ('integrity-check', 0)", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/new", test_new);
  g_test_add_func ("/database/reopen", test_reopen);
  g_test_add_func ("/database/seeded-rows", test_seeded_rows);
  g_test_add_func ("/database/migrate/from-empty", test_migrate_from_empty);
  g_test_add_func ("/database/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/database/migrate/from-v2", test_migrate_from_v2);
  g_test_add_func ("/database/refuse/garbage", test_refuse_garbage);
  g_test_add_func ("/database/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/database/refuse/newer-version", test_refuse_newer);
  g_test_add_func ("/database/interrupted-checkpoint", test_interrupted_checkpoint);
  g_test_add_func ("/database/refuse/other-program", test_refuse_foreign);
  g_test_add_func ("/database/refuse/damaged", test_refuse_damaged);
  g_test_add_func ("/database/refuse/altered", test_refuse_altered);
  g_test_add_func ("/database/read-only/file", test_read_only_file);
  g_test_add_func ("/database/read-only/folder", test_read_only_folder);
  g_test_add_func ("/database/new-keys", test_new_keys);
  g_test_add_func ("/database/transactions", test_transactions_signal_after_commit);
  g_test_add_func ("/database/constraints", test_constraints);
  g_test_add_func ("/database/search-index", test_search_index);
  g_test_add_func ("/database/untrusted-schema", test_untrusted_schema);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
