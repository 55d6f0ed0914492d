/* rk-archive.c: the whole database as one JSON file, and back
 *
 * The archive holds every row of every table of rk_database_tables, with
 * every column as stored: keys, timestamps, cents, ISO dates and enum
 * keys. It leaves out what is derived or local (the search index, which
 * the schema's triggers rebuild, and the table `local` with this copy's
 * identity). Tables come in their fixed order and rows by key, and the
 * file has no time of export in it, so the same data gives the same bytes:
 * export, import into an empty database and export again gives an
 * identical file.
 *
 *   {
 *     "format": "org.nrw.RuhrKonferenz.archive",
 *     "version": 1,
 *     "schema_version": 2,
 *     "tables": { "field": [ { "id": …, … }, … ], … }
 *   }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-archive"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-archive.h"
#include "rk-backup.h"
#include "rk-database-private.h"
#include "rk-json-reader.h"
#include "rk-json-writer.h"

#define ARCHIVE_FORMAT "org.nrw.RuhrKonferenz.archive"
#define ARCHIVE_VERSION 1

G_DEFINE_QUARK (rk-archive-error-quark, rk_archive_error)

/* Reference rows ship with every database under the same keys: an
 * archive's copy of them replaces the seeded one instead of clashing. */
static gboolean
is_reference_table (const char *table)
{
  return g_str_equal (table, "field") || g_str_equal (table, "municipality");
}

static gboolean
write_table (RkDatabase    *db,
             RkJsonWriter  *json,
             const char    *table,
             GError       **error)
{
  g_autofree char *sql = g_strconcat ("SELECT * FROM ", table, " ORDER BY id", NULL);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rk_json_writer_key (json, table);
  rk_json_writer_begin_array (json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rk_json_writer_begin_object (json);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          rk_json_writer_key (json, sqlite3_column_name (stmt, i));
          switch (sqlite3_column_type (stmt, i))
            {
            case SQLITE_NULL:
              rk_json_writer_null (json);
              break;

            case SQLITE_INTEGER:
              rk_json_writer_int (json, sqlite3_column_int64 (stmt, i));
              break;

            default:
              rk_json_writer_string (json, (const char *) sqlite3_column_text (stmt, i));
              break;
            }
        }
      rk_json_writer_end_object (json);
    }
  rk_json_writer_end_array (json);

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the database for the archive"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_archive_to_json:
 *
 * Returns: (transfer full): the archive's text, read in one transaction
 *   so that it shows one state of the database, or %NULL with @error set
 */
char *
rk_archive_to_json (RkDatabase  *db,
                    GError     **error)
{
  g_autoptr(RkJsonWriter) json = rk_json_writer_new ();
  gboolean ok = TRUE;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  if (!rk_database_exec (db, "BEGIN", error))
    return NULL;

  rk_json_writer_begin_object (json);
  rk_json_writer_key (json, "format");
  rk_json_writer_string (json, ARCHIVE_FORMAT);
  rk_json_writer_key (json, "version");
  rk_json_writer_int (json, ARCHIVE_VERSION);
  rk_json_writer_key (json, "schema_version");
  rk_json_writer_int (json, rk_database_get_schema_version (db));
  rk_json_writer_key (json, "tables");
  rk_json_writer_begin_object (json);
  for (guint i = 0; ok && rk_database_tables[i] != NULL; i++)
    ok = write_table (db, json, rk_database_tables[i], error);
  rk_json_writer_end_object (json);
  rk_json_writer_end_object (json);

  sqlite3_exec (rk_database_get_handle (db), ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  return ok ? rk_json_writer_finish (json) : NULL;
}

/**
 * rk_archive_export:
 * @file: where the archive goes; an existing file is replaced only once
 *   the new one is complete
 */
gboolean
rk_archive_export (RkDatabase  *db,
                   GFile       *file,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = rk_archive_to_json (db, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("The file “%s” could not be written: %s."), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Importing */

typedef struct
{
  RkDatabase   *db;
  RkJsonReader *reader;
  const char   *display_name;
  GCancellable *cancellable;
  GHashTable   *columns;     /* table → GHashTable of its column names */
  GPtrArray    *names;       /* of the current row's columns */
  GArray       *values;      /* Value, parallel to names */
  guint         n_rows;
} Import;

typedef struct
{
  RkJsonToken token;
  char       *text;
  gint64      number;
  double      real;
} Value;

static void
value_clear (gpointer data)
{
  g_free (((Value *) data)->text);
}

/* Says where in the file, and what. */
static gboolean
fail_at (Import      *import,
         guint        line,
         guint        column,
         GError     **error,
         int          code,
         const char  *message)
{
  /* Translators: the first %s is a file name; the last %s a sentence */
  g_set_error (error, RK_ARCHIVE_ERROR, code, _("“%s”, line %u, column %u: %s"),
               import->display_name, line, column, message);
  return FALSE;
}

static gboolean
fail_here (Import      *import,
           GError     **error,
           int          code,
           const char  *message)
{
  return fail_at (import, rk_json_reader_get_line (import->reader),
                  rk_json_reader_get_column (import->reader), error, code, message);
}

static RkJsonToken
next (Import  *import,
      GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RkJsonToken token = rk_json_reader_next (import->reader, &local_error);

  if (token == RK_JSON_TOKEN_ERROR)
    fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, local_error->message);
  return token;
}

static GHashTable *
columns_of (Import      *import,
            const char  *table,
            GError     **error)
{
  GHashTable *columns = g_hash_table_lookup (import->columns, table);
  g_autoptr(RkStatement) stmt = NULL;

  if (columns != NULL)
    return columns;

  stmt = rk_database_prepare (import->db, "SELECT name FROM pragma_table_info (?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);

  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_hash_table_insert (import->columns, g_strdup (table), columns);

  return columns;
}

/* The statement for a row with these columns; tables written by this app
 * have the same columns in every row, so it is prepared once per table. */
static RkStatement *
insert_statement (Import      *import,
                  const char  *table,
                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");

  g_string_append_printf (sql, "\"%s\" (", table);
  for (guint i = 0; i < import->names->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (import->names, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < import->names->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (sql, ")");

  if (is_reference_table (table))
    {
      g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
      for (guint i = 0; i < import->names->len; i++)
        {
          const char *name = g_ptr_array_index (import->names, i);

          g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", i > 0 ? ", " : "", name, name);
        }
    }

  return rk_database_prepare (import->db, sql->str, error);
}

static gboolean
read_row (Import      *import,
          const char  *table,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  GHashTable *columns;
  guint line = rk_json_reader_get_line (import->reader);
  guint column = rk_json_reader_get_column (import->reader);
  RkJsonToken token;

  columns = columns_of (import, table, error);
  if (columns == NULL)
    return FALSE;

  g_ptr_array_set_size (import->names, 0);
  g_array_set_size (import->values, 0);

  while ((token = next (import, error)) == RK_JSON_TOKEN_KEY)
    {
      const char *name = rk_json_reader_get_string (import->reader);
      Value value = { 0 };

      if (!g_hash_table_contains (columns, name))
        {
          g_autofree char *message = g_strdup_printf (_("The table “%s” has no column “%s”."), table, name);
          return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, message);
        }
      for (guint i = 0; i < import->names->len; i++)
        if (g_str_equal (g_ptr_array_index (import->names, i), name))
          {
            g_autofree char *message = g_strdup_printf (_("The column “%s” appears twice in the row."), name);
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, message);
          }
      g_ptr_array_add (import->names, g_strdup (name));

      value.token = next (import, error);
      switch (value.token)
        {
        case RK_JSON_TOKEN_STRING:
          value.text = g_strdup (rk_json_reader_get_string (import->reader));
          break;

        case RK_JSON_TOKEN_INT:
          value.number = rk_json_reader_get_int (import->reader);
          break;

        case RK_JSON_TOKEN_DOUBLE:
          value.real = rk_json_reader_get_double (import->reader);
          break;

        case RK_JSON_TOKEN_NULL:
          break;

        case RK_JSON_TOKEN_ERROR:
          return FALSE;

        default:
          {
            g_autofree char *message = g_strdup_printf (_("The value of the column “%s” is neither text, a number nor null."), name);
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, message);
          }
        }
      g_array_append_val (import->values, value);
    }

  if (token != RK_JSON_TOKEN_END_OBJECT)
    return FALSE;

  stmt = insert_statement (import, table, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < import->values->len; i++)
    {
      const Value *value = &g_array_index (import->values, Value, i);

      if (value->token == RK_JSON_TOKEN_STRING)
        sqlite3_bind_text (stmt, i + 1, value->text, -1, SQLITE_TRANSIENT);
      else if (value->token == RK_JSON_TOKEN_INT)
        sqlite3_bind_int64 (stmt, i + 1, value->number);
      else if (value->token == RK_JSON_TOKEN_DOUBLE)
        sqlite3_bind_double (stmt, i + 1, value->real);
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  if (!rk_database_step_done (import->db, stmt, &local_error))
    {
      g_autofree char *message = g_strdup_printf (_("The row of the table “%s” was refused: %s."),
                                                  table, sqlite3_errmsg (rk_database_get_handle (import->db)));
      return fail_at (import, line, column, error, RK_ARCHIVE_ERROR_INVALID, message);
    }

  import->n_rows++;
  if (import->n_rows % 1000 == 0 &&
      g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;

  return TRUE;
}

static gboolean
read_tables (Import  *import,
             GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  RkJsonToken token;

  if (next (import, error) != RK_JSON_TOKEN_BEGIN_OBJECT)
    return error != NULL && *error != NULL
           ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                _("The tables must be an object of arrays."));

  while ((token = next (import, error)) == RK_JSON_TOKEN_KEY)
    {
      g_autofree char *table = g_strdup (rk_json_reader_get_string (import->reader));

      if (!g_strv_contains (rk_database_tables, table))
        {
          g_autofree char *message = g_strdup_printf (_("The table “%s” is not one of this version’s."), table);
          return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, message);
        }
      if (!g_hash_table_add (seen, g_strdup (table)))
        {
          g_autofree char *message = g_strdup_printf (_("The table “%s” appears twice."), table);
          return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID, message);
        }

      token = next (import, error);
      if (token != RK_JSON_TOKEN_BEGIN_ARRAY)
        return token == RK_JSON_TOKEN_ERROR
               ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                    _("The rows of a table must be an array of objects."));

      while ((token = next (import, error)) == RK_JSON_TOKEN_BEGIN_OBJECT)
        if (!read_row (import, table, error))
          return FALSE;

      if (token != RK_JSON_TOKEN_END_ARRAY)
        return token == RK_JSON_TOKEN_ERROR
               ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                    _("The rows of a table must be an array of objects."));
    }

  return token == RK_JSON_TOKEN_END_OBJECT;
}

static gboolean
read_archive (Import  *import,
              GError **error)
{
  gboolean format_seen = FALSE, version_seen = FALSE, tables_seen = FALSE;
  RkJsonToken token;

  token = next (import, error);
  if (token != RK_JSON_TOKEN_BEGIN_OBJECT)
    return token == RK_JSON_TOKEN_ERROR
           ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                _("The file is not an archive of Ruhr-Konferenz."));

  while ((token = next (import, error)) == RK_JSON_TOKEN_KEY)
    {
      g_autofree char *key = g_strdup (rk_json_reader_get_string (import->reader));

      if (g_str_equal (key, "format"))
        {
          token = next (import, error);
          if (token == RK_JSON_TOKEN_ERROR)
            return FALSE;
          if (token != RK_JSON_TOKEN_STRING ||
              !g_str_equal (rk_json_reader_get_string (import->reader), ARCHIVE_FORMAT))
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                              _("The file is not an archive of Ruhr-Konferenz."));
          format_seen = TRUE;
        }
      else if (g_str_equal (key, "version") || g_str_equal (key, "schema_version"))
        {
          gint64 limit = g_str_equal (key, "version") ? ARCHIVE_VERSION : RK_SCHEMA_VERSION;

          token = next (import, error);
          if (token == RK_JSON_TOKEN_ERROR)
            return FALSE;
          if (token != RK_JSON_TOKEN_INT || rk_json_reader_get_int (import->reader) < 1)
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                              _("The version of the archive is not a positive whole number."));
          if (rk_json_reader_get_int (import->reader) > limit)
            return fail_here (import, error, RK_ARCHIVE_ERROR_TOO_NEW,
                              _("The archive was written by a newer version of Ruhr-Konferenz and cannot be imported with this one."));
          version_seen = version_seen || g_str_equal (key, "version");
        }
      else if (g_str_equal (key, "tables"))
        {
          /* Rows go into the database as they are read, so what they are
           * must be known before them. */
          if (!format_seen || !version_seen)
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                              _("The archive must name its format and version before its tables."));
          if (!read_tables (import, error))
            return error != NULL && *error != NULL
                   ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                        _("The tables must be an object of arrays."));
          tables_seen = TRUE;
        }
      else
        {
          /* Members a later version may add are skipped. */
          token = next (import, error);
          if (!rk_json_reader_skip (import->reader, token, NULL))
            return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                              _("The file is not an archive of Ruhr-Konferenz."));
        }
    }

  if (token != RK_JSON_TOKEN_END_OBJECT || next (import, error) != RK_JSON_TOKEN_END)
    return error != NULL && *error != NULL
           ? FALSE : fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                                _("The file is not an archive of Ruhr-Konferenz."));

  if (!tables_seen)
    return fail_here (import, error, RK_ARCHIVE_ERROR_INVALID,
                      _("The archive has no tables."));

  return TRUE;
}

/**
 * rk_archive_import_data:
 * @display_name: the file's name, for errors
 *
 * Imports an archive into a database that holds nothing but its reference
 * rows, in one transaction: on any error nothing is written, and the error
 * names the file, the line and the column. Foreign keys are checked at
 * the end, so the order of the tables does not matter.
 */
gboolean
rk_archive_import_data (RkDatabase    *db,
                        const char    *text,
                        gsize          length,
                        const char    *display_name,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(RkJsonReader) reader = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) values = NULL;
  g_autoptr(GError) local_error = NULL;
  Import import = { 0 };
  gboolean empty;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!rk_database_is_empty (db, &empty, error))
    return FALSE;
  if (!empty)
    {
      g_autofree char *path = g_filename_display_name (rk_database_get_path (db));

      g_set_error (error, RK_ARCHIVE_ERROR, RK_ARCHIVE_ERROR_NOT_EMPTY,
                   _("The database “%s” is not empty: an archive can only be imported into a new, empty database."),
                   path);
      return FALSE;
    }

  reader = rk_json_reader_new (text, length);
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  names = g_ptr_array_new_with_free_func (g_free);
  values = g_array_new (FALSE, TRUE, sizeof (Value));
  g_array_set_clear_func (values, value_clear);

  import.db = db;
  import.reader = reader;
  import.display_name = display_name;
  import.cancellable = cancellable;
  import.columns = columns;
  import.names = names;
  import.values = values;

  if (!rk_database_begin (db, error))
    return FALSE;

  if (!rk_database_exec (db, "PRAGMA defer_foreign_keys = ON", error) ||
      !read_archive (&import, error))
    goto failed;

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    rk_database_note_change (db, rk_database_tables[i], NULL);

  if (!rk_database_commit (db, &local_error))
    {
      if ((local_error->code & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, RK_ARCHIVE_ERROR, RK_ARCHIVE_ERROR_INVALID,
                     _("The archive “%s” is inconsistent: a row refers to a row that is not in it."),
                     display_name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

/**
 * rk_archive_import:
 *
 * As rk_archive_import_data(), from a file.
 */
gboolean
rk_archive_import (RkDatabase    *db,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The file “%s” could not be read: %s."), name, local_error->message);
      return FALSE;
    }

  return rk_archive_import_data (db, contents, length, name, cancellable, error);
}
