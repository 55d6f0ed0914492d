/* test-disk.c: a full or read-only disk during an edit and an import
 *
 * The disk of rk-test-disk.c fails every write while the test says so.
 * Each time: a clear message, the database byte for byte as it was and
 * passing SQLite's integrity check, and the same change going through
 * once the disk works again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <sqlite3.h>

#include "rk-database-private.h"
#include "rk-import.h"
#include "rk-project.h"
#include "rk-test-disk.h"
#include "rk-test-util.h"

#define FIELD_EDUCATION "8c57e2b9-68fb-5100-99c6-59c8d299543d"

static const RkTestDiskState failures[] = { RK_TEST_DISK_FULL, RK_TEST_DISK_READ_ONLY };
static const char *const messages[] = { "the disk is full", "cannot be written" };
static const int codes[] = { SQLITE_FULL, SQLITE_IOERR_WRITE };

static RkProject *
add_project (RkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "code", "05-01_MKW", "title", "Bildungsregion", "field-id", FIELD_EDUCATION, NULL);
  g_assert_true (rk_project_insert (project, db, &error));
  g_assert_no_error (error);
  return project;
}

/* The file as another program would read it now: written through. */
static GBytes *
settled_bytes (RkDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  return rk_test_database_bytes (rk_database_get_path (db));
}

static void
assert_intact (RkDatabase *db,
               GBytes     *before)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = settled_bytes (db);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static void
test_edit (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (failures); f++)
    {
      g_autoptr(RkDatabase) db = rk_test_open_new_database ();
      g_autoptr(RkProject) project = add_project (db);
      g_autoptr(RkProject) stored = NULL;
      g_autoptr(GBytes) before = settled_bytes (db);
      g_autoptr(GError) error = NULL;

      g_object_set (project, "title", "Bildungsregion Ruhr", "goal", "Talente fördern", NULL);
      rk_test_disk_set_state (failures[f]);
      g_assert_false (rk_project_save (project, db, &error));
      rk_test_disk_set_state (RK_TEST_DISK_WORKS);

      g_assert_error (error, RK_DATABASE_ERROR, codes[f]);
      g_assert_nonnull (strstr (error->message, messages[f]));
      g_assert_nonnull (strstr (error->message, "Everything stays as it was"));
      g_clear_error (&error);
      assert_intact (db, before);

      /* The object still holds the edit; saving again stores it. */
      g_assert_cmpstr (rk_project_get_title (project), ==, "Bildungsregion Ruhr");
      g_assert_true (rk_project_save (project, db, &error));
      g_assert_no_error (error);
      stored = rk_project_load (db, rk_project_get_id (project), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rk_project_get_title (stored), ==, "Bildungsregion Ruhr");
      g_assert_cmpstr (rk_project_get_goal (stored), ==, "Talente fördern");
    }
}

static void
test_import (void)
{
  g_autoptr(GString) csv = g_string_new ("code,title,field,goal\n");

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "10-%04u_X,Projekt %u,5,Ziel %u mit etwas mehr Text\n", i, i, i);

  for (guint f = 0; f < G_N_ELEMENTS (failures); f++)
    {
      g_autoptr(RkDatabase) db = rk_test_open_new_database ();
      g_autoptr(RkProject) project = add_project (db);
      g_autoptr(RkImport) import = rk_import_new (RK_CSV_KIND_PROJECTS);
      g_autoptr(GBytes) before = settled_bytes (db);
      g_autoptr(GError) error = NULL;

      g_assert_true (rk_import_read_data (import, csv->str, csv->len, "projekte.csv", &error));
      g_assert_no_error (error);
      rk_test_disk_set_state (failures[f]);
      g_assert_false (rk_import_apply (import, db, 0, NULL, &error));
      rk_test_disk_set_state (RK_TEST_DISK_WORKS);

      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, messages[f]));
      g_clear_error (&error);
      assert_intact (db, before);
      g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);

      /* The same import again, on a disk that works. */
      g_assert_true (rk_import_apply (import, db, 0, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 3001);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rk_test_disk_install ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/disk/edit", test_edit);
  g_test_add_func ("/disk/import", test_import);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
