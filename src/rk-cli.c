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
