/* rk-export.c: projects and organisations as CSV for spreadsheets
 *
 * The columns and their order come from rk-csv-columns.c; the `de` format
 * is what German Excel opens with a double click (semicolons, a byte order
 * mark so that umlauts survive, German headings and labels, 31.12.2024,
 * 1234567,89), `en` is plain (commas, English keys, ISO dates, 1234567.89).
 * Lines end in CRLF as RFC 4180 has it; line breaks inside a text stay as
 * they are stored, inside quotes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-export.h"

/* Written to the stream whenever this much has gathered. */
#define CHUNK_SIZE (256 * 1024)

#define SELECT_PROJECTS \
  "SELECT p.id, p.code, p.title, f.name_de, f.name_en, p.pillar, p.status," \
  " p.lead_ministry, p.volume_cents, p.start_date, p.end_date, p.goal," \
  " p.added_value, p.approach, p.beneficiaries, p.current_status, p.outlook" \
  " FROM project p LEFT JOIN field f ON f.id = p.field_id"

#define SELECT_ORGANISATIONS \
  "SELECT o.id, o.name, o.kind, m.name, o.address, o.website, o.email, o.phone, o.notes" \
  " FROM organisation o LEFT JOIN municipality m ON m.id = o.municipality_id"

typedef struct
{
  RkCsvFormat    format;
  char           delimiter;
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GHashTable    *municipalities;  /* project key → names, ", " between */
} Writer;

static const char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
flush (Writer   *writer,
       gboolean  all,
       GError  **error)
{
  if (writer->out->len == 0 || (!all && writer->out->len < CHUNK_SIZE))
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->out->str, writer->out->len,
                                  NULL, writer->cancellable, error))
    return FALSE;

  g_string_truncate (writer->out, 0);
  return TRUE;
}

static void
cell (Writer     *writer,
      const char *text,
      gboolean    first)
{
  if (!first)
    g_string_append_c (writer->out, writer->delimiter);
  rk_csv_append_cell (writer->out, text, writer->delimiter);
}

static void
write_header (Writer    *writer,
              RkCsvKind  kind)
{
  const RkCsvColumn *columns;
  guint n_columns;

  columns = rk_csv_columns (kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    cell (writer, rk_csv_column_heading (&columns[i], writer->format), i == 0);
  g_string_append (writer->out, "\r\n");
}

static void
term_cell (Writer         *writer,
           RkCsvValueType  type,
           const char     *key)
{
  int value = 0;
  gboolean known;

  switch (type)
    {
    case RK_CSV_VALUE_STATUS:
      known = rk_status_from_key (key, (RkStatus *) &value);
      break;

    case RK_CSV_VALUE_PILLAR:
      known = rk_pillar_from_key (key, (RkPillar *) &value);
      break;

    default:
      known = rk_kind_from_key (key, (RkKind *) &value);
      break;
    }

  /* A key of a newer version is written as it is stored. */
  cell (writer, known ? rk_csv_term_text (type, value, writer->format) : key, FALSE);
}

static void
date_cell (Writer     *writer,
           const char *iso_date)
{
  g_autofree char *text = rk_csv_format_date (iso_date, writer->format);

  cell (writer, text, FALSE);
}

/* Writes the row of SELECT_PROJECTS that @stmt stands on. */
static void
write_project (Writer       *writer,
               sqlite3_stmt *stmt)
{
  cell (writer, text_at (stmt, 1), TRUE);
  cell (writer, text_at (stmt, 2), FALSE);
  cell (writer, text_at (stmt, writer->format == RK_CSV_FORMAT_DE ? 3 : 4), FALSE);
  term_cell (writer, RK_CSV_VALUE_PILLAR, text_at (stmt, 5));
  term_cell (writer, RK_CSV_VALUE_STATUS, text_at (stmt, 6));
  cell (writer, text_at (stmt, 7), FALSE);
  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    cell (writer, NULL, FALSE);
  else
    {
      g_autofree char *money = rk_csv_format_money (sqlite3_column_int64 (stmt, 8), writer->format);
      cell (writer, money, FALSE);
    }
  date_cell (writer, text_at (stmt, 9));
  date_cell (writer, text_at (stmt, 10));
  for (int column = 11; column <= 16; column++)
    cell (writer, text_at (stmt, column), FALSE);
  cell (writer, g_hash_table_lookup (writer->municipalities, text_at (stmt, 0)), FALSE);
  g_string_append (writer->out, "\r\n");
}

static void
write_organisation (Writer       *writer,
                    sqlite3_stmt *stmt)
{
  cell (writer, text_at (stmt, 1), TRUE);
  term_cell (writer, RK_CSV_VALUE_KIND, text_at (stmt, 2));
  for (int column = 3; column <= 8; column++)
    cell (writer, text_at (stmt, column), FALSE);
  g_string_append (writer->out, "\r\n");
}

/* Every project's municipalities in one query, instead of one per row. */
static GHashTable *
read_municipalities (RkDatabase  *db,
                     GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *last_project = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  int rc;

  stmt = rk_database_prepare (db, "SELECT pm.project_id, m.name FROM project_municipality pm"
                                  " JOIN municipality m ON m.id = pm.municipality_id"
                                  " ORDER BY pm.project_id, m.name", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *project = text_at (stmt, 0);

      if (g_strcmp0 (project, last_project) != 0)
        {
          if (last_project != NULL)
            g_hash_table_insert (names, g_steal_pointer (&last_project), g_strdup (list->str));
          last_project = g_strdup (project);
          g_string_truncate (list, 0);
        }
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, text_at (stmt, 1));
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the municipalities of the projects"));
      return NULL;
    }

  if (last_project != NULL)
    g_hash_table_insert (names, g_steal_pointer (&last_project), g_strdup (list->str));

  return g_steal_pointer (&names);
}

/**
 * rk_export_csv_to_stream:
 * @ids: (nullable) (array zero-terminated=1): the keys of the records to
 *   write, in the order to write them (the current filter of a list), or
 *   %NULL for every record, projects by code and organisations by name
 * @out_n_records: (out) (optional): how many records were written
 *
 * Writes a CSV file of projects or organisations to @stream.
 */
gboolean
rk_export_csv_to_stream (RkDatabase          *db,
                         RkCsvKind            kind,
                         const char * const  *ids,
                         RkCsvFormat          format,
                         GOutputStream       *stream,
                         GCancellable        *cancellable,
                         guint               *out_n_records,
                         GError             **error)
{
  g_autoptr(GHashTable) municipalities = NULL;
  g_autoptr(GString) out = g_string_sized_new (CHUNK_SIZE + 4096);
  g_autoptr(RkStatement) stmt = NULL;
  Writer writer = { format, rk_csv_format_get_delimiter (format), out, stream, cancellable, NULL };
  void (*write_row) (Writer *, sqlite3_stmt *);
  const char *select;
  guint n = 0;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (kind == RK_CSV_KIND_PROJECTS)
    {
      municipalities = read_municipalities (db, error);
      if (municipalities == NULL)
        return FALSE;
      writer.municipalities = municipalities;
      write_row = write_project;
      select = ids != NULL ? SELECT_PROJECTS " WHERE p.id = ?"
                           : SELECT_PROJECTS " ORDER BY p.code IS NULL, p.code, p.title COLLATE NOCASE, p.id";
    }
  else
    {
      write_row = write_organisation;
      select = ids != NULL ? SELECT_ORGANISATIONS " WHERE o.id = ?"
                           : SELECT_ORGANISATIONS " ORDER BY o.name COLLATE NOCASE, o.id";
    }

  /* Excel reads a file without the mark as the Windows code page. */
  if (format == RK_CSV_FORMAT_DE)
    g_string_append (out, "\xEF\xBB\xBF");
  write_header (&writer, kind);

  stmt = rk_database_prepare (db, select, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; ids == NULL || ids[i] != NULL; i++)
    {
      if (ids != NULL)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, ids[i], -1, SQLITE_TRANSIENT);
        }

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          write_row (&writer, stmt);
          n++;

          if (n % 1024 == 0 &&
              (g_cancellable_set_error_if_cancelled (cancellable, error) ||
               !flush (&writer, FALSE, error)))
            return FALSE;
        }

      if (rc != SQLITE_DONE || ids == NULL)
        break;
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the records to export"));
      return FALSE;
    }

  if (!flush (&writer, TRUE, error))
    return FALSE;

  if (out_n_records != NULL)
    *out_n_records = n;
  return TRUE;
}

/**
 * rk_export_csv:
 * @file: where the CSV goes; an existing file is replaced only once the
 *   new one is complete
 *
 * As rk_export_csv_to_stream(), to a file.
 */
gboolean
rk_export_csv (RkDatabase          *db,
               RkCsvKind            kind,
               const char * const  *ids,
               RkCsvFormat          format,
               GFile               *file,
               GCancellable        *cancellable,
               guint               *out_n_records,
               GError             **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The file “%s” could not be written: %s."), name, local_error->message);
      return FALSE;
    }

  if (!rk_export_csv_to_stream (db, kind, ids, format, G_OUTPUT_STREAM (stream),
                                cancellable, out_n_records, &local_error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the half-written copy
       * and leaves any earlier file as it was. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (local_error->domain == RK_DATABASE_ERROR ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The file “%s” could not be written: %s."), name, local_error->message);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The file “%s” could not be written: %s."), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Exporting in a thread, on a connection of its own */

typedef struct
{
  char        *database_path;
  RkCsvKind    kind;
  GStrv        ids;
  RkCsvFormat  format;
  GFile       *file;
  guint        n_records;
} ExportTask;

static void
export_task_free (gpointer data)
{
  ExportTask *task = data;

  g_free (task->database_path);
  g_strfreev (task->ids);
  g_clear_object (&task->file);
  g_free (task);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *data = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rk_database_open (data->database_path, RK_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL ||
      !rk_export_csv (db, data->kind, (const char * const *) data->ids, data->format,
                      data->file, cancellable, &data->n_records, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rk_export_csv_async:
 *
 * Writes the file in a thread, reading from a read-only connection of its
 * own to the same database file, so the window stays responsive.
 */
void
rk_export_csv_async (RkDatabase          *db,
                     RkCsvKind            kind,
                     const char * const  *ids,
                     RkCsvFormat          format,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *data;

  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportTask, 1);
  data->database_path = g_strdup (rk_database_get_path (db));
  data->kind = kind;
  data->ids = g_strdupv ((char **) ids);
  data->format = format;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_export_csv_async);
  g_task_set_task_data (task, data, export_task_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rk_export_csv_finish (GAsyncResult  *result,
                      guint         *out_n_records,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (out_n_records != NULL)
    *out_n_records = ((ExportTask *) g_task_get_task_data (G_TASK (result)))->n_records;
  return TRUE;
}
