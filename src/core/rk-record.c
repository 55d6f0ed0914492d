/* rk-record.c: GObject properties backed by table columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-record"

#include "config.h"

#include <string.h>

#include "rk-record-private.h"

#define FIELD(self, column) ((gpointer) (((guint8 *) (self)) + (column)->offset))
#define TEXT(self, column) (*(char **) FIELD (self, column))
#define IS_TEXT(column) ((column)->type == RK_COLUMN_TEXT || (column)->type == RK_COLUMN_OPTIONAL_TEXT)

void
rk_record_install_properties (GObjectClass  *klass,
                              const RkColumn *columns,
                              guint          n_columns,
                              GParamSpec   **pspecs)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint prop = 1; prop < n_columns; prop++)
    {
      const RkColumn *column = &columns[prop];

      switch (column->type)
        {
        case RK_COLUMN_TEXT:
        case RK_COLUMN_OPTIONAL_TEXT:
          pspecs[prop] = g_param_spec_string (column->name, NULL, NULL, NULL, flags);
          break;

        case RK_COLUMN_AMOUNT:
          pspecs[prop] = g_param_spec_int64 (column->name, NULL, NULL, -1, G_MAXINT64, -1, flags);
          break;

        case RK_COLUMN_ENUM:
          pspecs[prop] = g_param_spec_enum (column->name, NULL, NULL, column->enum_type (), 0, flags);
          break;

        case RK_COLUMN_BOOLEAN:
          pspecs[prop] = g_param_spec_boolean (column->name, NULL, NULL, FALSE, flags);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_object_class_install_properties (klass, n_columns, pspecs);
}

void
rk_record_init (gpointer        self,
                const RkColumn *columns,
                guint           n_columns)
{
  for (guint prop = 1; prop < n_columns; prop++)
    if (columns[prop].type == RK_COLUMN_TEXT)
      TEXT (self, &columns[prop]) = g_strdup ("");
    else if (columns[prop].type == RK_COLUMN_AMOUNT)
      *(gint64 *) FIELD (self, &columns[prop]) = -1;
}

void
rk_record_finalize (gpointer        self,
                    const RkColumn *columns,
                    guint           n_columns)
{
  for (guint prop = 1; prop < n_columns; prop++)
    if (IS_TEXT (&columns[prop]))
      g_clear_pointer ((char **) FIELD (self, &columns[prop]), g_free);
}

void
rk_record_get_property (gpointer        self,
                        const RkColumn *column,
                        GValue         *value)
{
  switch (column->type)
    {
    case RK_COLUMN_TEXT:
    case RK_COLUMN_OPTIONAL_TEXT:
      g_value_set_string (value, TEXT (self, column));
      break;

    case RK_COLUMN_AMOUNT:
      g_value_set_int64 (value, *(gint64 *) FIELD (self, column));
      break;

    case RK_COLUMN_ENUM:
      g_value_set_enum (value, *(int *) FIELD (self, column));
      break;

    case RK_COLUMN_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) FIELD (self, column));
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * rk_record_set_column:
 *
 * Returns: whether the value changed, so the caller notifies
 */
gboolean
rk_record_set_column (gpointer        self,
                      const RkColumn *column,
                      const GValue   *value)
{
  switch (column->type)
    {
    case RK_COLUMN_TEXT:
    case RK_COLUMN_OPTIONAL_TEXT:
      {
        const char *text = g_value_get_string (value);

        if (column->type == RK_COLUMN_TEXT && text == NULL)
          text = "";
        else if (column->type == RK_COLUMN_OPTIONAL_TEXT && text != NULL && *text == '\0')
          text = NULL;
        return rk_set_str ((char **) FIELD (self, column), text);
      }

    case RK_COLUMN_AMOUNT:
      {
        gint64 *field = FIELD (self, column);

        if (*field == g_value_get_int64 (value))
          return FALSE;
        *field = g_value_get_int64 (value);
        return TRUE;
      }

    case RK_COLUMN_ENUM:
      {
        int *field = FIELD (self, column);

        if (*field == g_value_get_enum (value))
          return FALSE;
        *field = g_value_get_enum (value);
        return TRUE;
      }

    case RK_COLUMN_BOOLEAN:
      {
        gboolean *field = FIELD (self, column);

        if (*field == g_value_get_boolean (value))
          return FALSE;
        *field = g_value_get_boolean (value);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * rk_record_read_row:
 *
 * Takes the values of a row whose column i is property i, notifying every
 * property that changed, in one batch.
 */
void
rk_record_read_row (gpointer        self,
                    const RkColumn *columns,
                    guint           n_columns,
                    GParamSpec    **pspecs,
                    sqlite3_stmt   *stmt)
{
  g_object_freeze_notify (G_OBJECT (self));

  for (guint prop = 1; prop < n_columns; prop++)
    {
      const RkColumn *column = &columns[prop];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[prop]->value_type);
      switch (column->type)
        {
        case RK_COLUMN_TEXT:
        case RK_COLUMN_OPTIONAL_TEXT:
          {
            const char *text = (const char *) sqlite3_column_text (stmt, prop);
            int length = sqlite3_column_bytes (stmt, prop);

            /* The app writes only UTF-8; a file from elsewhere may hold
             * anything, which is shown with U+FFFD in place of what is
             * not text rather than handed on as it is. */
            if (text != NULL && !g_utf8_validate_len (text, length, NULL))
              g_value_take_string (&value, g_utf8_make_valid (text, length));
            else
              g_value_set_string (&value, text);
          }
          break;

        case RK_COLUMN_AMOUNT:
          g_value_set_int64 (&value, sqlite3_column_type (stmt, prop) == SQLITE_NULL
                                     ? -1 : sqlite3_column_int64 (stmt, prop));
          break;

        case RK_COLUMN_ENUM:
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());
            GEnumValue *found = g_enum_get_value_by_nick (klass, (const char *) sqlite3_column_text (stmt, prop));

            /* A key this version does not know reads as the first value. */
            g_value_set_enum (&value, found != NULL ? found->value : 0);
          }
          break;

        case RK_COLUMN_BOOLEAN:
          g_value_set_boolean (&value, sqlite3_column_int (stmt, prop) != 0);
          break;

        default:
          g_assert_not_reached ();
        }

      if (rk_record_set_column (self, column, &value))
        g_object_notify_by_pspec (G_OBJECT (self), pspecs[prop]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rk_record_bind:
 *
 * Binds property i to parameter i of an INSERT or UPDATE.
 */
void
rk_record_bind (gpointer        self,
                const RkColumn *columns,
                guint           n_columns,
                sqlite3_stmt   *stmt)
{
  for (guint prop = 1; prop < n_columns; prop++)
    {
      const RkColumn *column = &columns[prop];

      switch (column->type)
        {
        case RK_COLUMN_TEXT:
        case RK_COLUMN_OPTIONAL_TEXT:
          sqlite3_bind_text (stmt, prop, TEXT (self, column), -1, SQLITE_TRANSIENT);
          break;

        case RK_COLUMN_AMOUNT:
          if (*(gint64 *) FIELD (self, column) < 0)
            sqlite3_bind_null (stmt, prop);
          else
            sqlite3_bind_int64 (stmt, prop, *(gint64 *) FIELD (self, column));
          break;

        case RK_COLUMN_ENUM:
          {
            g_autoptr(GEnumClass) klass = g_type_class_ref (column->enum_type ());
            GEnumValue *found = g_enum_get_value (klass, *(int *) FIELD (self, column));

            sqlite3_bind_text (stmt, prop, found->value_nick, -1, SQLITE_TRANSIENT);
          }
          break;

        case RK_COLUMN_BOOLEAN:
          sqlite3_bind_int (stmt, prop, *(gboolean *) FIELD (self, column));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
rk_record_equal_columns (gpointer        self,
                         gpointer        other,
                         const RkColumn *columns,
                         guint           first,
                         guint           last)
{
  for (guint prop = first; prop <= last; prop++)
    {
      const RkColumn *column = &columns[prop];

      if (IS_TEXT (column))
        {
          if (g_strcmp0 (TEXT (self, column), TEXT (other, column)) != 0)
            return FALSE;
        }
      else if (memcmp (FIELD (self, column), FIELD (other, column),
                       column->type == RK_COLUMN_AMOUNT ? sizeof (gint64)
                       : column->type == RK_COLUMN_ENUM ? sizeof (int)
                       : sizeof (gboolean)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * rk_record_copy_columns:
 *
 * Gives @self the values of @other for properties @first to @last,
 * through the properties, so that what changes is notified.
 */
void
rk_record_copy_columns (gpointer        self,
                        gpointer        other,
                        const RkColumn *columns,
                        guint           first,
                        guint           last)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint prop = first; prop <= last; prop++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (other), columns[prop].name);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (other), columns[prop].name, &value);
      g_object_set_property (G_OBJECT (self), columns[prop].name, &value);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rk_record_new_key:
 *
 * Gives a record that is about to be inserted a key, unless it has one,
 * and forgets any rowid.
 */
void
rk_record_new_key (gpointer            self,
                   const RkRecordKind *kind)
{
  char **id = (char **) FIELD (self, &kind->columns[kind->id_prop]);

  if (*id == NULL || **id == '\0')
    {
      g_free (*id);
      *id = rk_new_key ();
    }
  *(gint64 *) ((guint8 *) self + kind->rowid_offset) = 0;
}

/**
 * rk_record_write:
 * @sql: an INSERT or UPDATE whose parameter i is property i
 * @also: (nullable): more writes in the same transaction
 *
 * Marks the record as changed now (and created now, if new), writes every
 * column in one transaction and announces the change after the commit.
 * The caller has validated the record.
 */
gboolean
rk_record_write (gpointer            self,
                 const RkRecordKind *kind,
                 RkDatabase         *db,
                 const char         *sql,
                 RkRecordAlso        also,
                 GError            **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *now = rk_timestamp_now ();
  char **created_at = (char **) FIELD (self, &kind->columns[kind->created_prop]);
  char **updated_at = (char **) FIELD (self, &kind->columns[kind->updated_prop]);
  gint64 *rowid = (gint64 *) ((guint8 *) self + kind->rowid_offset);

  if (!rk_database_begin (db, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (*created_at == NULL)
    {
      *created_at = g_strdup (now);
      g_object_notify_by_pspec (G_OBJECT (self), kind->pspecs[kind->created_prop]);
    }
  rk_set_str (updated_at, now);
  g_object_notify_by_pspec (G_OBJECT (self), kind->pspecs[kind->updated_prop]);

  stmt = rk_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;
  rk_record_bind (self, kind->columns, kind->n_columns, stmt);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_reset);

  if (*rowid == 0)
    *rowid = sqlite3_last_insert_rowid (rk_database_get_handle (db));
  if (also != NULL && !also (self, db, now, error))
    goto failed;

  rk_database_note_change (db, kind->table, TEXT (self, &kind->columns[kind->id_prop]));
  if (!rk_database_commit (db, error))
    goto failed;

  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;

failed:
  rk_database_rollback (db);
  g_object_thaw_notify (G_OBJECT (self));
  return FALSE;
}
