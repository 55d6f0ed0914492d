/* test-backup.c: backups made with SQLite's backup API, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "rk-backup.h"
#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-project.h"
#include "rk-test-util.h"

static RkDatabase *
make_database (void)
{
  RkDatabase *db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;

  rk_example_load (db, &error);
  g_assert_no_error (error);
  return db;
}

static void
add_project (RkDatabase *db,
             const char *title)
{
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (project, "title", title, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_backup_to (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autoptr(RkDatabase) copy = NULL;
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "kopie.db", NULL);
  g_autoptr(GError) error = NULL;

  /* Made while the database is open and has changes only in its WAL. */
  add_project (db, "Erst nach dem letzten Checkpoint");
  g_assert_true (rk_database_backup_to (db, path, &error));
  g_assert_no_error (error);

  /* One file, nothing beside it, and a database of this app. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  copy = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (copy, "project", NULL), ==, 9);
  g_assert_true (rk_database_check_integrity (copy, &error));

  /* A file that is there is replaced. */
  g_clear_object (&copy);
  add_project (db, "Noch eins");
  g_assert_true (rk_database_backup_to (db, path, &error));
  copy = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_cmpint (rk_database_count_rows (copy, "project", NULL), ==, 10);
}

static void
test_create_and_prune (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *folder = rk_backup_folder (rk_database_get_path (db));
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newest = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_free (newest);
      add_project (db, "Noch ein Projekt");
      g_assert_true (rk_backup_create (db, i == 4 ? RK_BACKUP_REASON_RESTORE : RK_BACKUP_REASON_IMPORT,
                                       3, &newest, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (newest, folder));
    }

  /* The newest three, newest first, with what each holds. */
  g_assert_cmpuint (count_files (folder), ==, 3);
  backups = rk_backup_list (rk_database_get_path (db), &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RkBackup) backup = g_list_model_get_item (backups, i);

      g_assert_true (rk_backup_is_usable (backup));
      g_assert_cmpint (rk_backup_get_n_projects (backup), ==, 13 - i);
      g_assert_cmpint (rk_backup_get_n_organisations (backup), >, 20);
      g_assert_cmpint (rk_backup_get_n_board_members (backup), ==, 3);
      g_assert_cmpint (rk_backup_get_n_notes (backup), ==, 1);
      g_assert_cmpint (rk_backup_get_n_reports (backup), ==, 0);
      g_assert_cmpint (rk_backup_get_reason (backup), ==, i == 0 ? RK_BACKUP_REASON_RESTORE : RK_BACKUP_REASON_IMPORT);
      g_assert_nonnull (rk_backup_get_created (backup));
      if (i == 0)
        g_assert_cmpstr (rk_backup_get_path (backup), ==, newest);
    }
}

static void
test_on_start (void)
{
  g_autoptr(RkDatabase) empty = rk_test_open_new_database ();
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *empty_folder = rk_backup_folder (rk_database_get_path (empty));
  g_autofree char *folder = rk_backup_folder (rk_database_get_path (db));
  g_autoptr(GError) error = NULL;

  /* Nothing to lose, nothing to back up. */
  g_assert_true (rk_backup_on_start (empty, 10, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (empty_folder, G_FILE_TEST_EXISTS));

  /* At most once a day. */
  g_assert_true (rk_backup_on_start (db, 10, &error));
  g_assert_cmpuint (count_files (folder), ==, 1);
  g_assert_true (rk_backup_on_start (db, 10, &error));
  g_assert_cmpuint (count_files (folder), ==, 1);
}

static void
test_on_start_yesterday (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *folder = rk_backup_folder (rk_database_get_path (db));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *stamp = g_date_time_format (yesterday, "%Y%m%d-%H%M%S-000000");
  g_autofree char *name = g_strdup_printf ("test.%s.start.db", stamp);
  g_autofree char *old = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  /* A backup from yesterday (the only one) does not count for today. */
  g_assert_true (rk_backup_create (db, RK_BACKUP_REASON_START, 10, NULL, &error));
  g_assert_cmpuint (count_files (folder), ==, 1);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    g_autofree char *made = g_build_filename (folder, g_dir_read_name (dir), NULL);

    g_assert_cmpint (g_rename (made, old), ==, 0);
  }

  g_assert_true (rk_backup_on_start (db, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (folder), ==, 2);
}

static void
test_restore (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *copy_id = g_strdup (rk_database_get_copy_id (db));
  g_autofree char *path = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_backup_create (db, RK_BACKUP_REASON_IMPORT, 10, &path, &error));
  g_assert_no_error (error);

  add_project (db, "Nach der Sicherung");
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 9);

  g_assert_true (rk_backup_restore (db, path, 10, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 8);
  g_assert_true (rk_database_check_integrity (db, &error));

  /* The state before the restore was backed up first, so the restore can
   * be undone; this copy kept its identity. */
  backups = rk_backup_list (rk_database_get_path (db), &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  {
    g_autoptr(RkBackup) newest = g_list_model_get_item (backups, 0);
    g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT value FROM local WHERE key = 'copy_id'", NULL);

    g_assert_cmpint (rk_backup_get_reason (newest), ==, RK_BACKUP_REASON_RESTORE);
    g_assert_cmpint (rk_backup_get_n_projects (newest), ==, 9);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, copy_id);
  }

  /* The restored database is written to as before, in WAL mode. */
  add_project (db, "Nach der Wiederherstellung");
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db, "PRAGMA journal_mode", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  }
}

static void
test_restore_refused (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *garbage = g_build_filename (dir, "kaputt.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "neuer.db", NULL);
  g_autofree char *folder = rk_backup_folder (rk_database_get_path (db));
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_true (g_file_set_contents (garbage, "Kennung;Titel\n", -1, NULL));
  g_assert_false (rk_backup_restore (db, garbage, 10, &error));
  g_assert_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_UNUSABLE);
  g_clear_error (&error);

  g_assert_true (rk_database_backup_to (db, newer, &error));
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_false (rk_backup_restore (db, newer, 10, &error));
  g_assert_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_TOO_NEW);

  /* Refused before anything was done: no backup of the current state. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 8);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
  guint    n_changed;
} Result;

static void
restored_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  Result *result = user_data;

  result->ok = rk_backup_restore_finish (res, &result->error);
  result->done = TRUE;
}

static void
on_changed_cb (RkDatabase *db,
               const char *table,
               const char *key,
               Result     *result)
{
  if (key != NULL && g_str_equal (table, "project"))
    result->n_changed++;
}

static void
test_restore_async (void)
{
  g_autoptr(RkDatabase) db = make_database ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  Result result = { 0 };

  g_assert_true (rk_backup_create (db, RK_BACKUP_REASON_IMPORT, 10, &path, &error));
  add_project (db, "Nach der Sicherung");
  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), &result);

  rk_backup_restore_async (db, path, 10, NULL, restored_cb, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_true (result.ok);

  /* The app's own connection sees the restored state and was told of
   * every project, the one that is gone too. */
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 8);
  g_assert_cmpuint (result.n_changed, ==, 9 + 8);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/to-file", test_backup_to);
  g_test_add_func ("/backup/create-and-prune", test_create_and_prune);
  g_test_add_func ("/backup/on-start", test_on_start);
  g_test_add_func ("/backup/on-start-yesterday", test_on_start_yesterday);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-refused", test_restore_refused);
  g_test_add_func ("/backup/restore-async", test_restore_async);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
