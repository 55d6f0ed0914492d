/* rk-personal-data.c: what the database holds on a person (GDPR Art. 15)
 *
 * A private person or a self-employed partner is an organisation row and
 * the project links that name it: the export holds every column of both,
 * with the projects' codes and titles so that the links can be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-personal-data"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-json-writer.h"
#include "rk-personal-data.h"

/* Writes the current row of @stmt as an object of column → value. */
static void
write_row (RkJsonWriter *json,
           sqlite3_stmt *stmt)
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
        }
    }
  rk_json_writer_end_object (json);
}

/**
 * rk_personal_data_to_json:
 *
 * Returns: (transfer full): the JSON text of everything stored on the
 *   organisation, or %NULL with @error set
 */
char *
rk_personal_data_to_json (RkDatabase  *db,
                          const char  *organisation_id,
                          GError     **error)
{
  g_autoptr(RkJsonWriter) json = rk_json_writer_new ();
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *now = rk_timestamp_now ();

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT * FROM organisation WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, organisation_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_DATABASE_ERROR, SQLITE_NOTFOUND,
                           _("The organisation no longer exists."));
      return NULL;
    }

  rk_json_writer_begin_object (json);
  rk_json_writer_key (json, "format");
  rk_json_writer_string (json, "org.nrw.RuhrKonferenz.personal-data");
  rk_json_writer_key (json, "version");
  rk_json_writer_int (json, 1);
  rk_json_writer_key (json, "exported_at");
  rk_json_writer_string (json, now);
  rk_json_writer_key (json, "organisation");
  write_row (json, stmt);
  g_clear_pointer (&stmt, sqlite3_reset);

  stmt = rk_database_prepare (db, "SELECT pp.*, p.code AS project_code, p.title AS project_title"
                                  " FROM project_partner pp JOIN project p ON p.id = pp.project_id"
                                  " WHERE pp.organisation_id = ? ORDER BY p.title", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, organisation_id, -1, SQLITE_TRANSIENT);
  rk_json_writer_key (json, "project_links");
  rk_json_writer_begin_array (json);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    write_row (json, stmt);
  rk_json_writer_end_array (json);
  rk_json_writer_end_object (json);

  return rk_json_writer_finish (json);
}
