/* rk-cli-report.c: the progress report as a PDF, from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-cli-report.h"
#include "rk-database.h"
#include "rk-report-pdf.h"
#include "rk-report.h"

/**
 * rk_cli_report_pdf:
 * @path: the database file
 * @pdf_path: where the PDF goes; relative to the current folder
 *
 * Writes the latest progress report as a PDF, or, when there is no report
 * yet, the projects as they are now. An existing file is replaced only
 * once the new one is complete.
 */
RkExitStatus
rk_cli_report_pdf (const char *path,
                   const char *pdf_path)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      rk_cli_print_error (error);
      return RK_EXIT_DATABASE_FAILED;
    }

  report = rk_report_find_latest (db, &error);
  if (error != NULL)
    {
      rk_cli_print_error (error);
      return RK_EXIT_DATABASE_FAILED;
    }

  file = g_file_new_for_commandline_arg (pdf_path);
  display = g_file_get_parse_name (file);
  if (!rk_report_pdf_write (db, report != NULL ? rk_report_get_id (report) : NULL, file, NULL, &error))
    {
      rk_cli_print_error (error);
      /* Nothing was written, and the database was only read. */
      return RK_EXIT_INPUT_REFUSED;
    }

  if (report != NULL)
    /* Translators: the first %s is a report's title, the second a file */
    g_print (_("The progress report “%s” was written to %s.\n"), rk_report_get_title (report), display);
  else
    /* Translators: %s is a file */
    g_print (_("There is no progress report yet; the current state of the projects was written to %s.\n"),
             display);

  return RK_EXIT_OK;
}
