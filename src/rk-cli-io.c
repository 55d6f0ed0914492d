/* rk-cli-io.c: import, export and backups from the command line
 *
 * Relative file names are taken from where the command was typed. An
 * import prints what it did in one line; when the file has errors it
 * prints each of them on standard error with its file, line and column,
 * writes nothing and exits 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-archive.h"
#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-cli-io.h"
#include "rk-database.h"
#include "rk-export.h"
#include "rk-import.h"

/* More errors than this are counted, not printed: the first ones tell
 * what is wrong with the file. */
#define MAX_PRINTED_ISSUES 100

/* The app's settings, when its schema is installed; a build run from its
 * folder without one works with the defaults. */
static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backups-kept") ||
      !g_settings_schema_has_key (schema, "csv-format"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * rk_cli_io_backups_kept:
 *
 * Returns: how many backups to keep: the setting `backups-kept`
 */
int
rk_cli_io_backups_kept (void)
{
  g_autoptr(GSettings) settings = open_settings ();

  return settings != NULL ? g_settings_get_int (settings, "backups-kept") : RK_BACKUPS_KEPT_DEFAULT;
}

/**
 * rk_cli_io_csv_format:
 * @text: (nullable): `de` or `en` as typed, or %NULL for the setting
 *   `csv-format`, which when empty follows the interface language
 *
 * Returns: %FALSE, after saying so, when @text is no format
 */
gboolean
rk_cli_io_csv_format (const char  *text,
                      RkCsvFormat *out_format)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *setting = NULL;

  if (text != NULL)
    {
      if (rk_csv_format_from_string (text, out_format))
        return TRUE;

      /* Translators: do not translate “de” and “en”, they are typed as they are */
      g_printerr (_("“%s” is not a CSV format: use de or en.\n"), text);
      return FALSE;
    }

  settings = open_settings ();
  if (settings != NULL)
    setting = g_settings_get_string (settings, "csv-format");
  if (setting == NULL || !rk_csv_format_from_string (setting, out_format))
    *out_format = rk_csv_format_default ();

  return TRUE;
}

static RkDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    rk_cli_print_error (error);
  return db;
}

/* A database that cannot take a write cannot be used for this; anything
 * else was wrong with what the command was given. */
static RkExitStatus
failure (const GError *error)
{
  rk_cli_print_error (error);

  if (error->domain == RK_DATABASE_ERROR || error->domain == RK_BACKUP_ERROR)
    return RK_EXIT_DATABASE_FAILED;
  return RK_EXIT_INPUT_REFUSED;
}

/**
 * rk_cli_import_csv:
 * @file: a CSV file of projects or organisations
 *
 * Imports the file, after a backup of the database, or nothing at all.
 */
RkExitStatus
rk_cli_import_csv (const char *path,
                   RkCsvKind   kind,
                   const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(RkImport) import = rk_import_new (kind);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint n_printed = 0;

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (rk_import_read_file (import, location, NULL, &error) &&
      rk_import_apply (import, db, rk_cli_io_backups_kept (), NULL, &error))
    {
      summary = rk_import_get_summary (import);
      g_print ("%s\n", summary);
      return RK_EXIT_OK;
    }

  if (error->domain != RK_IMPORT_ERROR)
    return failure (error);

  for (guint i = 0; i < rk_import_get_n_issues (import); i++)
    {
      const RkImportIssue *issue = rk_import_get_issue (import, i);
      g_autofree char *text = NULL;

      if (!issue->is_error || n_printed++ >= MAX_PRINTED_ISSUES)
        continue;

      text = rk_import_issue_to_string (import, issue);
      g_printerr ("%s\n", text);
    }

  /* Errors of the rows end with how many there are and that nothing was
   * imported; a file that could not be read at all is said by its issue. */
  if (error->code == RK_IMPORT_ERROR_INVALID || n_printed == 0)
    rk_cli_print_error (error);

  return RK_EXIT_INPUT_REFUSED;
}

/**
 * rk_cli_export_csv:
 * @format: (nullable): `de` or `en`, or %NULL for the setting
 *
 * Writes every project or organisation to @file.
 */
RkExitStatus
rk_cli_export_csv (const char *path,
                   RkCsvKind   kind,
                   const char *file,
                   const char *format)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (location);
  RkCsvFormat csv_format;
  guint n = 0;

  if (!rk_cli_io_csv_format (format, &csv_format))
    return RK_EXIT_INPUT_REFUSED;

  db = open_database (path);
  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (!rk_export_csv (db, kind, NULL, csv_format, location, NULL, &n, &error))
    return failure (error);

  if (kind == RK_CSV_KIND_PROJECTS)
    g_print (ngettext ("%u project was written to “%s”.\n",
                       "%u projects were written to “%s”.\n", n), n, name);
  else
    g_print (ngettext ("%u partner organisation was written to “%s”.\n",
                       "%u partner organisations were written to “%s”.\n", n), n, name);

  return RK_EXIT_OK;
}

/**
 * rk_cli_export_json:
 *
 * Writes the archive of the whole database.
 */
RkExitStatus
rk_cli_export_json (const char *path,
                    const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (location);

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (!rk_archive_export (db, location, &error))
    return failure (error);

  g_print (_("The archive of the database was written to “%s”.\n"), name);
  return RK_EXIT_OK;
}

/**
 * rk_cli_import_json:
 *
 * Imports an archive into an empty database.
 */
RkExitStatus
rk_cli_import_json (const char *path,
                    const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (location);

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (!rk_archive_import (db, location, NULL, &error))
    return failure (error);

  g_print (_("The archive “%s” was imported.\n"), name);
  return RK_EXIT_OK;
}

/**
 * rk_cli_backup:
 *
 * Copies the database into @file with SQLite's backup API, as a copy for
 * another laptop: an identity of its own, the same origin.
 */
RkExitStatus
rk_cli_backup (const char *path,
               const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autofree char *target = g_file_get_path (location);
  g_autofree char *name = g_file_get_parse_name (location);
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (target == NULL || !rk_database_make_copy (db, target, &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("The backup “%s” could not be written: it is not a local file."), name);
      rk_cli_print_error (error);
      return RK_EXIT_INPUT_REFUSED;
    }

  g_print (_("The database was backed up to “%s”.\n"), name);
  return RK_EXIT_OK;
}

/**
 * rk_cli_export_changes:
 *
 * Writes this copy's changes into a change package.
 */
RkExitStatus
rk_cli_export_changes (const char *path,
                       const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autofree char *target = g_file_get_path (location);
  g_autofree char *name = g_file_get_parse_name (location);
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (target == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The change package “%s” could not be written: it is not a local file."), name);
  if (error != NULL || !rk_changes_export (db, target, &n_changes, &error))
    return failure (error);

  g_print (ngettext ("The change package “%s” holds %u changed record.\n",
                     "The change package “%s” holds %u changed records.\n", n_changes),
           name, n_changes);
  return RK_EXIT_OK;
}

/**
 * rk_cli_import_changes:
 *
 * Merges a change package, after a backup, and says what it did.
 */
RkExitStatus
rk_cli_import_changes (const char *path,
                       const char *file)
{
  g_autoptr(RkDatabase) db = open_database (path);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (file);
  g_autofree char *source = g_file_get_path (location);
  g_autofree char *name = g_file_get_parse_name (location);
  g_autoptr(GError) error = NULL;
  RkChangesSummary summary = { 0 };

  if (db == NULL)
    return RK_EXIT_DATABASE_FAILED;

  if (source == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("The change package “%s” could not be read: it is not a local file."), name);
  if (error != NULL || !rk_changes_import (db, source, rk_cli_io_backups_kept (), &summary, &error))
    return failure (error);

  if (summary.from_self)
    {
      g_print (_("The change package “%s” came from this copy; it holds nothing new.\n"), name);
      return RK_EXIT_OK;
    }

  g_print (ngettext ("%u record was changed", "%u records were changed", summary.n_applied),
           summary.n_applied);
  g_print (ngettext ("; %u was known already", "; %u were known already", summary.n_skipped),
           summary.n_skipped);
  g_print (ngettext ("; %u new conflict.\n", "; %u new conflicts.\n", summary.n_conflicts),
           summary.n_conflicts);
  if (summary.n_conflicts > 0)
    {
      g_autoptr(GPtrArray) conflicts = rk_changes_list_conflicts (db, NULL);

      for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
        {
          RkChangesConflict *c = g_ptr_array_index (conflicts, i);

          g_print (_("Conflict in %s %s, field %s: this copy “%s”, the package “%s”; kept: %s\n"),
                   c->table, c->row_id, c->column, c->mine ? c->mine : "", c->theirs ? c->theirs : "",
                   c->kept_theirs ? _("the package's") : _("this copy's"));
        }
    }
  return RK_EXIT_OK;
}
