/* rk-snapshot.c: rows kept aside so that a deletion can be undone
 *
 * Before a record is deleted, the model layer captures its row and every
 * row that the deletion takes with it (cascades) or changes (links set to
 * NULL). Restoring writes them back in the order they were captured,
 * parents first, in one transaction, so Undo brings the record back
 * exactly, keys and timestamps included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-snapshot-private.h"

typedef struct
{
  char            *table;
  char            *column;
  RkSnapshotMode   mode;
  GStrv            names;   /* column names */
  GPtrArray       *rows;    /* of sqlite3_value *[n_names] */
} Capture;

struct _RkSnapshot
{
  GPtrArray *captures;
};

static void
free_row (gpointer data)
{
  sqlite3_value **values = data;

  for (guint i = 0; values[i] != NULL; i++)
    sqlite3_value_free (values[i]);
  g_free (values);
}

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_free (capture->table);
  g_free (capture->column);
  g_strfreev (capture->names);
  g_ptr_array_unref (capture->rows);
  g_free (capture);
}

RkSnapshot *
rk_snapshot_new (void)
{
  RkSnapshot *self = g_new0 (RkSnapshot, 1);

  self->captures = g_ptr_array_new_with_free_func (capture_free);
  return self;
}

void
rk_snapshot_free (RkSnapshot *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->captures);
  g_free (self);
}

/**
 * rk_snapshot_capture:
 * @table: one of the app's tables
 * @column: the column that refers to the record, `id` for the record itself
 * @key: the record's key
 * @mode: how the rows come back
 *
 * Keeps the rows of @table whose @column is @key. The table and column
 * names come from the model layer, never from input.
 */
gboolean
rk_snapshot_capture (RkSnapshot      *self,
                     RkDatabase      *db,
                     const char      *table,
                     const char      *column,
                     const char      *key,
                     RkSnapshotMode   mode,
                     GError         **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT * FROM ");
  g_autoptr(RkStatement) stmt = NULL;
  Capture *capture;
  int n;

  g_string_append (sql, table);
  g_string_append (sql, " WHERE ");
  g_string_append (sql, column);
  g_string_append (sql, " = ?");

  stmt = rk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  n = sqlite3_column_count (stmt);
  capture = g_new0 (Capture, 1);
  capture->table = g_strdup (table);
  capture->column = g_strdup (column);
  capture->mode = mode;
  capture->names = g_new0 (char *, n + 1);
  for (int i = 0; i < n; i++)
    capture->names[i] = g_strdup (sqlite3_column_name (stmt, i));
  capture->rows = g_ptr_array_new_with_free_func (free_row);
  g_ptr_array_add (self->captures, capture);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_value **values = g_new0 (sqlite3_value *, n + 1);

      for (int i = 0; i < n; i++)
        values[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
      g_ptr_array_add (capture->rows, values);
    }

  return TRUE;
}

static char *
restore_sql (const Capture *capture)
{
  GString *sql = g_string_new (NULL);

  if (capture->mode == RK_SNAPSHOT_RELINK)
    {
      g_string_append (sql, "UPDATE ");
      g_string_append (sql, capture->table);
      g_string_append (sql, " SET ");
      g_string_append (sql, capture->column);
      g_string_append (sql, " = ?2 WHERE id = ?1");
      return g_string_free (sql, FALSE);
    }

  if (capture->mode == RK_SNAPSHOT_UPDATE)
    {
      g_string_append (sql, "UPDATE ");
      g_string_append (sql, capture->table);
      g_string_append (sql, " SET ");
      for (guint i = 0; capture->names[i] != NULL; i++)
        g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", capture->names[i], i + 1);
      g_string_append (sql, " WHERE id = ?1");
      return g_string_free (sql, FALSE);
    }

  g_string_append (sql, "INSERT INTO ");
  g_string_append (sql, capture->table);
  g_string_append (sql, " (");
  for (guint i = 0; capture->names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, capture->names[i]);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; capture->names[i] != NULL; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  return g_string_free (sql, FALSE);
}

static gboolean
restore_capture (const Capture  *capture,
                 RkDatabase     *db,
                 GError        **error)
{
  g_autofree char *sql = restore_sql (capture);
  int id_column = -1;
  int link_column = -1;

  for (guint i = 0; capture->names[i] != NULL; i++)
    {
      if (g_str_equal (capture->names[i], "id"))
        id_column = i;
      if (g_str_equal (capture->names[i], capture->column))
        link_column = i;
    }

  for (guint r = 0; r < capture->rows->len; r++)
    {
      sqlite3_value **values = g_ptr_array_index (capture->rows, r);
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

      if (stmt == NULL)
        return FALSE;

      if (capture->mode == RK_SNAPSHOT_RELINK)
        {
          sqlite3_bind_value (stmt, 1, values[id_column]);
          sqlite3_bind_value (stmt, 2, values[link_column]);
        }
      else
        for (guint i = 0; capture->names[i] != NULL; i++)
          sqlite3_bind_value (stmt, i + 1, values[i]);

      if (!rk_database_step_done (db, stmt, error))
        return FALSE;

      /* Back again: no longer deleted for the other copies. */
      if (id_column >= 0 && capture->mode != RK_SNAPSHOT_RELINK)
        {
          g_autoptr(RkStatement) forget = rk_database_prepare (db, "DELETE FROM tombstone WHERE id = ?1", error);

          if (forget == NULL)
            return FALSE;
          sqlite3_bind_value (forget, 1, values[id_column]);
          if (!rk_database_step_done (db, forget, error))
            return FALSE;
        }

      if (id_column >= 0)
        rk_database_note_change (db, capture->table,
                                 (const char *) sqlite3_value_text (values[id_column]));
    }

  return TRUE;
}

/**
 * rk_snapshot_restore:
 *
 * Writes every captured row back, in one transaction: all of it comes
 * back, or, when something in the way makes that impossible (a new record
 * took the same code), nothing does and @error says why.
 */
gboolean
rk_snapshot_restore (RkSnapshot  *self,
                     RkDatabase  *db,
                     GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < self->captures->len; i++)
    if (!restore_capture (g_ptr_array_index (self->captures, i), db, error))
      {
        rk_database_rollback (db);
        g_prefix_error (error, "%s ", _("The deleted record could not be restored."));
        return FALSE;
      }

  return rk_database_commit (db, error);
}

/* Announces the rows of @row's table whose column is @key, inside the
 * running transaction. Names come from the model's own tables. */
static gboolean
announce_rows (RkDatabase           *db,
               const RkSnapshotRow  *row,
               const char           *key,
               GError              **error)
{
  g_autofree char *sql = g_strconcat ("SELECT id FROM ", row->table,
                                      " WHERE ", row->column, " = ?", NULL);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rk_database_note_change (db, row->table, (const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}

/**
 * rk_snapshot_delete:
 * @rows: the record's own table first, then every table the deletion
 *   removes rows of (cascades) or changes (links set to NULL)
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs
 *
 * Deletes the record @id of @rows[0] in one transaction, keeping what
 * Undo needs. When the record is gone already, fails with the given
 * error and leaves the database as it was.
 */
gboolean
rk_snapshot_delete (RkDatabase           *db,
                    const char           *id,
                    const RkSnapshotRow  *rows,
                    guint                 n_rows,
                    GQuark                not_found_domain,
                    int                   not_found_code,
                    const char           *not_found_message,
                    RkSnapshot          **out_snapshot,
                    GError              **error)
{
  g_autoptr(RkSnapshot) snapshot = rk_snapshot_new ();
  g_autofree char *sql = NULL;
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL && rows != NULL && n_rows > 0, FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_rows; i++)
    if (!rk_snapshot_capture (snapshot, db, rows[i].table, rows[i].column, id,
                              rows[i].mode, error) ||
        (rows[i].announce && !announce_rows (db, &rows[i], id, error)))
      goto failed;

  sql = g_strconcat ("DELETE FROM ", rows[0].table, " WHERE ", rows[0].column, " = ?", NULL);
  stmt = rk_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (rk_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, not_found_domain, not_found_code, not_found_message);
      goto failed;
    }

  rk_database_note_change (db, rows[0].table, id);
  if (!rk_database_commit (db, error))
    return FALSE;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}
