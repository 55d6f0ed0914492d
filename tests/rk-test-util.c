/* rk-test-util.c: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rk-database-private.h"
#include "rk-test-util.h"

static GPtrArray *made_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0700);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/**
 * rk_test_make_dir:
 *
 * Returns: a new empty folder of this test's own, in the system's temporary
 *   folder so that a test that drops privileges can still reach it;
 *   removed by rk_test_remove_dirs()
 */
char *
rk_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rk-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (made_dirs == NULL)
    made_dirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (made_dirs, g_strdup (dir));

  return dir;
}

void
rk_test_remove_dirs (void)
{
  if (made_dirs == NULL)
    return;

  for (guint i = 0; i < made_dirs->len; i++)
    remove_tree (g_ptr_array_index (made_dirs, i));
  g_clear_pointer (&made_dirs, g_ptr_array_unref);
}

char *
rk_test_new_database_path (void)
{
  g_autofree char *dir = rk_test_make_dir ();

  return g_build_filename (dir, "test.db", NULL);
}

/* A new, empty programme database of this test's own. */
RkDatabase *
rk_test_open_new_database (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

GBytes *
rk_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A database as the app leaves it when it closes: everything in the main
 * file, no -wal beside it. */
void
rk_test_make_checkpointed_database (const char *path)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/**
 * rk_test_dump_words:
 * @fts_table: a search index, "project_fts" for one
 *
 * The index keeps no copy of the text, only which rows hold which words:
 * this lists each word with the number of rows that hold it, one per line,
 * so that two states of the index can be compared.
 *
 * Returns: the list
 */
char *
rk_test_dump_words (RkDatabase *db,
                    const char *fts_table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *create = g_strdup_printf ("CREATE VIRTUAL TABLE IF NOT EXISTS temp.%s_words"
                                             " USING fts5vocab (main, %s, row)", fts_table, fts_table);
  g_autofree char *select = g_strdup_printf ("SELECT term, doc FROM temp.%s_words ORDER BY term", fts_table);
  g_autoptr(RkStatement) stmt = NULL;

  g_assert_true (rk_database_exec (db, create, &error));
  g_assert_no_error (error);
  stmt = rk_database_prepare (db, select, &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%d\n", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * rk_test_database_bytes:
 * @path: a database file
 *
 * Returns: the bytes of the file and of its write-ahead log, if there is
 *   one: what "unchanged" means for a database
 */
GBytes *
rk_test_database_bytes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GBytes) main_bytes = rk_test_read_file (path);
  g_autoptr(GByteArray) all = g_byte_array_new ();

  g_byte_array_append (all, g_bytes_get_data (main_bytes, NULL), g_bytes_get_size (main_bytes));
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) wal_bytes = rk_test_read_file (wal);
      g_byte_array_append (all, g_bytes_get_data (wal_bytes, NULL), g_bytes_get_size (wal_bytes));
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

/**
 * rk_test_assert_search_index_fresh:
 *
 * Asserts that every search index holds exactly the words a new index of
 * the records would hold, each for as many records: no word missing, none
 * left over, none counted twice.
 */
void
rk_test_assert_search_index_fresh (RkDatabase *db)
{
  static const char *const tables[] = { "project", "organisation", "note" };
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *fts = g_strconcat (tables[t], "_fts", NULL);
      g_autofree char *clear = g_strconcat ("INSERT INTO ", fts, " (", fts, ") VALUES ('delete-all')", NULL);
      g_autofree char *kept = rk_test_dump_words (db, fts);
      g_autofree char *fresh = NULL;
      g_autoptr(RkStatement) fill = NULL;

      g_assert_true (rk_database_exec (db, "SAVEPOINT fresh_index", &error));
      g_assert_true (rk_database_exec (db, clear, &error));
      fill = rk_database_prepare (db, rk_schema_get_search_fill (tables[t]), &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (fill, 1, 0);
      g_assert_cmpint (sqlite3_step (fill), ==, SQLITE_DONE);
      sqlite3_reset (fill);
      fresh = rk_test_dump_words (db, fts);
      g_assert_true (rk_database_exec (db, "ROLLBACK TO fresh_index; RELEASE fresh_index", &error));
      g_assert_no_error (error);

      g_assert_cmpstr (kept, ==, fresh);
    }
}
