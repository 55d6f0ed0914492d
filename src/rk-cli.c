/* rk-cli.c: batch work without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rk-cli.h"
#include "rk-database.h"
#include "rk-example.h"
#include "rk-project-list.h"

/* One sentence on standard error, as the command line promises. */
void
rk_cli_print_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

/**
 * rk_cli_check:
 * @path: the database file
 *
 * Opens the database, runs SQLite's integrity check and prints one line
 * per table with its number of rows.
 */
RkExitStatus
rk_cli_check (const char *path)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL || !rk_database_check_integrity (db, &error))
    {
      rk_cli_print_error (error);
      return RK_EXIT_DATABASE_FAILED;
    }

  if (rk_database_get_read_only (db))
    /* Translators: %s is a file name, %d the schema version */
    g_print (_("%s: schema version %d, integrity check passed, opened read-only\n"),
             display, rk_database_get_schema_version (db));
  else
    /* Translators: %s is a file name, %d the schema version */
    g_print (_("%s: schema version %d, integrity check passed\n"),
             display, rk_database_get_schema_version (db));

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      gint64 n = rk_database_count_rows (db, rk_database_tables[i], &error);

      if (n < 0)
        {
          rk_cli_print_error (error);
          return RK_EXIT_DATABASE_FAILED;
        }
      g_print ("%-22s %8" G_GINT64_FORMAT "\n", rk_database_tables[i], n);
    }

  return RK_EXIT_OK;
}

static RkDatabase *
open_or_complain (const char *path)
{
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    rk_cli_print_error (error);
  return db;
}

/**
 * rk_cli_load_example_data:
 *
 * Loads the example data set; loading it again adds nothing.
 */
RkExitStatus
rk_cli_load_example_data (const char *path)
{
  g_autoptr(RkDatabase) db = open_or_complain (path);
  g_autoptr(GError) error = NULL;
  gboolean was_loaded;

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  was_loaded = rk_example_is_loaded (db);
  if (!rk_example_load (db, &error))
    {
      rk_cli_print_error (error);
      /* Read-only: the database cannot be used for this. Otherwise rows of
       * the user's are in the way (a project with an example's code). */
      return g_error_matches (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY)
             ? RK_EXIT_DATABASE_FAILED : RK_EXIT_INPUT_REFUSED;
    }

  g_print ("%s\n", was_loaded ? _("The example data was already loaded; nothing was added.")
                              : _("The example data was loaded."));
  return RK_EXIT_OK;
}

/**
 * rk_cli_list_projects:
 * @search: (nullable): words to search for, as in the window
 *
 * Prints one project per line, `code<TAB>title<TAB>status-key`, sorted by
 * code.
 */
RkExitStatus
rk_cli_list_projects (const char *path,
                      const char *search)
{
  g_autoptr(RkDatabase) db = open_or_complain (path);
  g_autoptr(RkRecordList) list = NULL;

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  list = rk_project_list_new (db);
  rk_record_list_set_sort (list, RK_PROJECT_SORT_CODE);
  rk_record_list_set_search (list, search);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RkProject) project = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_print ("%s\t%s\t%s\n",
               rk_project_get_code (project) ?: "",
               rk_project_get_title (project),
               rk_status_to_key (rk_project_get_status (project)));
    }

  return RK_EXIT_OK;
}
