/* rk-changes.c: change packages between copies of the programme database
 *
 * Two laptops that began as copies of one database (rk_database_make_copy())
 * exchange what each changed as a change package: a changeset of SQLite's
 * session extension, computed with sqlite3session_diff() between the
 * records now and the base snapshot beside the database, the records as
 * they were when the copies parted. The base does not move on with each
 * export: a package always carries all this copy's changes, so that any
 * copy, whatever it received before and from whom, can settle every field
 * the same way; a package that never arrived loses nothing. A package is
 *
 *   RK-CHANGES 1
 *   origin <the origin's id>
 *   sender <the sending copy's id>
 *   created <UTC time>
 *   length <bytes of the changeset>
 *   <empty line>
 *   <the changeset>
 *   sha256 <hex digest of everything before this line>
 *
 * Importing applies it in one transaction with sqlite3changeset_apply_v2()
 * and a conflict handler that merges field by field: a field changed on one
 * side only takes the change, a field changed differently on both is a
 * conflict, listed in sync_conflict, and the newer change (by updated_at)
 * wins until someone decides. A record deleted on one side wins over a
 * change on the other, so that an erased person stays erased and every
 * copy ends alike; the conflict is listed. A change this copy already has,
 * its own coming back or a package imported twice, is skipped. The same
 * project code created on two copies keeps both projects: the one with the
 * greater key gets its code suffixed, on every copy alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-changes"

#include "config.h"

/* The session extension's declarations; the library has it built in
 * (DESIGN.md, PACKAGING.md). */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-database-private.h"
#include "rk-organisation.h"

#define FORMAT_VERSION 1
#define MAGIC "RK-CHANGES "
#define DIGEST_LINE_LENGTH (strlen ("sha256 ") + 64 + 1)

G_DEFINE_QUARK (rk-changes-error-quark, rk_changes_error)

/* The records a package may carry: the programme's tables, never this
 * copy's bookkeeping or the search index. */
static gboolean
is_record_table (const char *table)
{
  return table != NULL && g_strv_contains ((const char * const *) rk_database_tables, table);
}

static char *
query_local (RkDatabase *db,
             const char *key)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT value FROM local WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Export */

/* Attaches the base snapshot as "base"; without one, an empty database of
 * the same schema, so that every record counts as new. */
static gboolean
attach_base (RkDatabase  *db,
             char       **out_scratch,
             GError     **error)
{
  g_autofree char *base = rk_database_base_path (rk_database_get_path (db));
  g_autofree char *scratch = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  *out_scratch = NULL;
  if (!g_file_test (base, G_FILE_TEST_IS_REGULAR))
    {
      sqlite3 *empty = NULL;
      int fd;

      fd = g_file_open_tmp ("rk-base-XXXXXX.db", &scratch, error);
      if (fd < 0)
        return FALSE;
      close (fd);
      if (sqlite3_open_v2 (scratch, &empty, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          !rk_schema_migrate (empty, 0, RK_SCHEMA_VERSION, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, RK_DATABASE_ERROR, sqlite3_errcode (empty), sqlite3_errmsg (empty));
          sqlite3_close (empty);
          g_unlink (scratch);
          return FALSE;
        }
      sqlite3_close (empty);
      g_free (base);
      base = g_strdup (scratch);
    }

  rc = sqlite3_prepare_v2 (rk_database_get_handle (db), "ATTACH DATABASE ?1 AS base", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, base, -1, SQLITE_STATIC);
      sqlite3_step (stmt);
      rc = sqlite3_finalize (stmt);
    }
  if (rc != SQLITE_OK)
    {
      rk_database_set_error (db, error, _("Opening the base snapshot"));
      if (scratch != NULL)
        g_unlink (scratch);
      return FALSE;
    }

  *out_scratch = g_steal_pointer (&scratch);
  return TRUE;
}

static void
detach_base (RkDatabase *db,
             char       *scratch)
{
  sqlite3_exec (rk_database_get_handle (db), "DETACH DATABASE base", NULL, NULL, NULL);
  if (scratch != NULL)
    g_unlink (scratch);
  g_free (scratch);
}

/* The changeset from the base snapshot to the records now. */
static gboolean
diff_from_base (RkDatabase  *db,
                GBytes     **out_changeset,
                GError     **error)
{
  sqlite3 *handle = rk_database_get_handle (db);
  sqlite3_session *session = NULL;
  char *scratch = NULL;
  void *buffer = NULL;
  int size = 0;
  int rc;

  if (!attach_base (db, &scratch, error))
    return FALSE;

  rc = sqlite3session_create (handle, "main", &session);
  for (guint i = 0; rc == SQLITE_OK && rk_database_tables[i] != NULL; i++)
    {
      char *message = NULL;

      rc = sqlite3session_attach (session, rk_database_tables[i]);
      if (rc == SQLITE_OK)
        rc = sqlite3session_diff (session, "base", rk_database_tables[i], &message);
      if (message != NULL)
        g_debug ("%s: %s", rk_database_tables[i], message);
      sqlite3_free (message);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3session_changeset (session, &size, &buffer);
  sqlite3session_delete (session);
  detach_base (db, scratch);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RK_DATABASE_ERROR, rc,
                   _("The changes could not be worked out: %s."), sqlite3_errstr (rc));
      sqlite3_free (buffer);
      return FALSE;
    }

  *out_changeset = g_bytes_new (buffer, size);
  sqlite3_free (buffer);
  return TRUE;
}

static guint
count_changes (GBytes *changeset)
{
  sqlite3_changeset_iter *iter = NULL;
  guint n = 0;

  if (sqlite3changeset_start (&iter, (int) g_bytes_get_size (changeset),
                              (void *) g_bytes_get_data (changeset, NULL)) != SQLITE_OK)
    return 0;
  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    n++;
  sqlite3changeset_finalize (iter);

  return n;
}

/**
 * rk_changes_export:
 * @path: the package to write
 * @out_n_changes: (out) (optional): how many records it carries
 *
 * Writes what changed since the copy was made into a package.
 */
gboolean
rk_changes_export (RkDatabase  *db,
                   const char  *path,
                   guint       *out_n_changes,
                   GError     **error)
{
  g_autofree char *origin = NULL;
  g_autofree char *now = rk_timestamp_now ();
  g_autofree char *digest = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GByteArray) package = g_byte_array_new ();
  g_autoptr(GString) header = g_string_new (NULL);

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  origin = query_local (db, "origin_id");
  if (origin == NULL)
    {
      g_set_error_literal (error, RK_CHANGES_ERROR, RK_CHANGES_ERROR_NO_ORIGIN,
                           _("This database has no copy on another laptop yet: save a copy first, then the copies can exchange their changes."));
      return FALSE;
    }

  if (!diff_from_base (db, &changeset, error))
    return FALSE;

  g_string_append_printf (header, "%s%d\norigin %s\nsender %s\ncreated %s\nlength %" G_GSIZE_FORMAT "\n\n",
                          MAGIC, FORMAT_VERSION, origin, rk_database_get_copy_id (db), now,
                          g_bytes_get_size (changeset));
  g_byte_array_append (package, (const guint8 *) header->str, header->len);
  g_byte_array_append (package, g_bytes_get_data (changeset, NULL), g_bytes_get_size (changeset));
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, package->data, package->len);
  g_byte_array_append (package, (const guint8 *) "sha256 ", 7);
  g_byte_array_append (package, (const guint8 *) digest, strlen (digest));
  g_byte_array_append (package, (const guint8 *) "\n", 1);

  if (!g_file_set_contents (path, (const char *) package->data, package->len, error))
    return FALSE;

  if (out_n_changes != NULL)
    *out_n_changes = count_changes (changeset);
  return TRUE;
}

/* Reading a package */

static gboolean
damaged (const char  *name,
         GError     **error)
{
  g_set_error (error, RK_CHANGES_ERROR, RK_CHANGES_ERROR_DAMAGED,
               _("The change package “%s” is damaged or incomplete; nothing was changed."), name);
  return FALSE;
}

/* Checks the package's header and digest and returns its changeset. */
static gboolean
read_package (RkDatabase    *db,
              const guint8  *data,
              gsize          length,
              const char    *name,
              char         **out_sender,
              GBytes       **out_changeset,
              GError       **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *origin = NULL;
  g_auto(GStrv) lines = NULL;
  const guint8 *end;
  gsize header_length, changeset_length, body_length;
  guint64 version, declared;
  char *rest = NULL;

  if (length < strlen (MAGIC) || memcmp (data, MAGIC, strlen (MAGIC)) != 0)
    {
      g_set_error (error, RK_CHANGES_ERROR, RK_CHANGES_ERROR_NOT_A_PACKAGE,
                   _("The file “%s” is not a change package of Ruhr-Konferenz; nothing was changed."), name);
      return FALSE;
    }

  /* The header ends with an empty line, within the first kilobyte. */
  end = NULL;
  for (gsize i = 0; end == NULL && i + 1 < MIN (length, 1024); i++)
    if (data[i] == '\n' && data[i + 1] == '\n')
      end = data + i;
  if (end == NULL)
    return damaged (name, error);
  header_length = end - data + 2;
  {
    g_autofree char *header = g_strndup ((const char *) data, header_length - 2);

    if (!g_utf8_validate (header, -1, NULL))
      return damaged (name, error);
    lines = g_strsplit (header, "\n", -1);
  }

  version = g_ascii_strtoull (lines[0] + strlen (MAGIC), &rest, 10);
  if (rest == lines[0] + strlen (MAGIC) || *rest != '\0')
    return damaged (name, error);
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, RK_CHANGES_ERROR, RK_CHANGES_ERROR_TOO_NEW,
                   _("The change package “%s” was written by a newer version of Ruhr-Konferenz; update this one to import it. Nothing was changed."),
                   name);
      return FALSE;
    }

  if (g_strv_length (lines) != 5 ||
      !g_str_has_prefix (lines[1], "origin ") || !g_str_has_prefix (lines[2], "sender ") ||
      !g_str_has_prefix (lines[3], "created ") || !g_str_has_prefix (lines[4], "length "))
    return damaged (name, error);

  declared = g_ascii_strtoull (lines[4] + strlen ("length "), &rest, 10);
  if (*rest != '\0' || declared > length)
    return damaged (name, error);
  changeset_length = declared;
  body_length = header_length + changeset_length;
  if (length != body_length + DIGEST_LINE_LENGTH ||
      memcmp (data + body_length, "sha256 ", 7) != 0 || data[length - 1] != '\n')
    return damaged (name, error);

  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, body_length);
  expected = g_strndup ((const char *) data + body_length + 7, 64);
  if (g_strcmp0 (digest, expected) != 0)
    return damaged (name, error);

  origin = query_local (db, "origin_id");
  if (g_strcmp0 (origin, lines[1] + strlen ("origin ")) != 0)
    {
      g_set_error (error, RK_CHANGES_ERROR, RK_CHANGES_ERROR_FOREIGN,
                   _("The change package “%s” belongs to another programme database, not to a copy of this one; nothing was changed."),
                   name);
      return FALSE;
    }

  *out_sender = g_strdup (lines[2] + strlen ("sender "));
  *out_changeset = g_bytes_new (data + header_length, changeset_length);
  return TRUE;
}

/* Reads a varint of the changeset format (SQLite's record varints). */
static gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             guint64       *out)
{
  guint64 value = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (*p >= end)
        return FALSE;
      if (i == 8)
        {
          value = (value << 8) | **p;
          (*p)++;
          *out = value;
          return TRUE;
        }
      value = (value << 7) | (**p & 0x7f);
      if ((*(*p)++ & 0x80) == 0)
        {
          *out = value;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
skip_value (const guint8 **p,
            const guint8  *end)
{
  guint64 length;

  if (*p >= end)
    return FALSE;
  switch (*(*p)++)
    {
    case 0:           /* not given */
    case 5:           /* NULL */
      return TRUE;
    case 1:           /* integer */
    case 2:           /* real */
      if (end - *p < 8)
        return FALSE;
      *p += 8;
      return TRUE;
    case 3:           /* text: UTF-8, as every text the app stores */
      if (!read_varint (p, end, &length) || length > (guint64) (end - *p) ||
          (length > 0 && !g_utf8_validate_len ((const char *) *p, length, NULL)))
        return FALSE;
      *p += length;
      return TRUE;
    case 4:           /* blob */
      if (!read_varint (p, end, &length) || length > (guint64) (end - *p))
        return FALSE;
      *p += length;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Walks the changeset's bytes as its format lays them out (sqlite3.h,
 * "Changeset format") before SQLite reads them: SQLite 3.40 can be led
 * into an endless loop by a table of no columns. Every table is one of
 * the record tables, with as many columns as it has here, and every text
 * is valid UTF-8 without a NUL. */
static gboolean
check_format (GBytes     *changeset,
              GHashTable *columns)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (changeset, &size);
  const guint8 *end = p + size;
  guint64 n_columns = 0;

  while (p < end)
    {
      guint8 op = *p++;

      if (op == 'T')
        {
          const guint8 *name;
          GPtrArray *names;

          if (!read_varint (&p, end, &n_columns) || n_columns == 0 || n_columns > (guint64) (end - p))
            return FALSE;
          p += n_columns;
          name = p;
          while (p < end && *p != '\0')
            p++;
          if (p >= end)
            return FALSE;
          names = g_hash_table_lookup (columns, (const char *) name);
          if (names == NULL || names->len != n_columns)
            return FALSE;
          p++;
          continue;
        }

      if (n_columns == 0 || p >= end)
        return FALSE;
      p++;   /* indirect */
      switch (op)
        {
        case SQLITE_INSERT:
        case SQLITE_DELETE:
          for (guint64 i = 0; i < n_columns; i++)
            if (!skip_value (&p, end))
              return FALSE;
          break;
        case SQLITE_UPDATE:
          for (guint64 i = 0; i < 2 * n_columns; i++)
            if (!skip_value (&p, end))
              return FALSE;
          break;
        default:
          return FALSE;
        }
    }

  return TRUE;
}

/* Every change is well formed and addresses a record table with the
 * columns it has here. */
static gboolean
check_changeset (RkDatabase  *db,
                 GBytes      *changeset,
                 GHashTable  *columns,
                 guint       *out_n_changes,
                 const char  *name,
                 GError     **error)
{
  sqlite3_changeset_iter *iter = NULL;
  guint n = 0;
  int rc;

  if (!check_format (changeset, columns) ||
      g_bytes_get_size (changeset) > G_MAXINT ||
      sqlite3changeset_start (&iter, (int) g_bytes_get_size (changeset),
                              (void *) g_bytes_get_data (changeset, NULL)) != SQLITE_OK)
    return damaged (name, error);

  while ((rc = sqlite3changeset_next (iter)) == SQLITE_ROW)
    {
      const char *table = NULL;
      int n_columns = 0, op = 0, indirect = 0;
      GPtrArray *names;

      if (sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect) != SQLITE_OK ||
          !is_record_table (table) ||
          (names = g_hash_table_lookup (columns, table)) == NULL ||
          (guint) n_columns != names->len)
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      n++;
    }
  if (sqlite3changeset_finalize (iter) != SQLITE_OK || rc != SQLITE_DONE)
    return damaged (name, error);

  *out_n_changes = n;
  return TRUE;
}

/* The column names of every record table, as this database has them. */
static GHashTable *
load_columns (RkDatabase  *db,
              GError     **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      g_autoptr(RkStatement) stmt =
        rk_database_prepare (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid", error);
      GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

      if (stmt == NULL)
        {
          g_ptr_array_unref (names);
          return NULL;
        }
      sqlite3_bind_text (stmt, 1, rk_database_tables[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_hash_table_insert (columns, (gpointer) rk_database_tables[i], names);
    }

  return g_steal_pointer (&columns);
}

/* Merging */

/* What the conflict handler leaves for after the changeset: SQLite lets
 * it choose only between a whole change and none. */
typedef struct
{
  const char    *table;
  GPtrArray     *names;       /* the table's columns */
  sqlite3_value *key;         /* the record's id */
  GArray        *columns;     /* int: the columns to set, for an update */
  GPtrArray     *values;      /* sqlite3_value: their values */
  gboolean       insert;      /* a record refused for a unique value */
} Action;

typedef struct
{
  char     *table;
  char     *row_id;
  char     *column;
  char     *mine;
  char     *theirs;
  char     *mine_time;
  char     *theirs_time;
  gboolean  kept_theirs;
} Conflict;

typedef struct
{
  GHashTable *columns;
  GArray     *actions;        /* Action */
  GArray     *conflicts;      /* Conflict */
  guint       n_skipped;
  guint       n_merged;
} Merge;

static void
action_clear (gpointer data)
{
  Action *action = data;

  sqlite3_value_free (action->key);
  g_clear_pointer (&action->columns, g_array_unref);
  g_clear_pointer (&action->values, g_ptr_array_unref);
}

static void
conflict_clear (gpointer data)
{
  Conflict *conflict = data;

  g_free (conflict->table);
  g_free (conflict->row_id);
  g_free (conflict->column);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->mine_time);
  g_free (conflict->theirs_time);
}

static char *
value_text (sqlite3_value *value)
{
  return value != NULL && sqlite3_value_type (value) != SQLITE_NULL
         ? g_strdup ((const char *) sqlite3_value_text (value)) : NULL;
}

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type;

  if (a == NULL || b == NULL)
    return a == b;
  type = sqlite3_value_type (a);
  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      /* An empty text or blob has no buffer to compare. */
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             (sqlite3_value_bytes (a) == 0 ||
              memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b), sqlite3_value_bytes (a)) == 0);
    }
}

/* An order every copy agrees on, for values that are not equal. */
static int
values_compare (sqlite3_value *a,
                sqlite3_value *b)
{
  g_autofree char *x = value_text (a);
  g_autofree char *y = value_text (b);

  return g_strcmp0 (x, y);
}

static int
column_index (GPtrArray  *names,
              const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return (int) i;
  return -1;
}

static void
add_conflict (Merge         *merge,
              const char    *table,
              sqlite3_value *key,
              const char    *column,
              sqlite3_value *mine,
              sqlite3_value *theirs,
              sqlite3_value *mine_time,
              sqlite3_value *theirs_time,
              gboolean       kept_theirs)
{
  Conflict conflict = {
    g_strdup (table), value_text (key), g_strdup (column), value_text (mine), value_text (theirs),
    value_text (mine_time), value_text (theirs_time), kept_theirs,
  };

  g_array_append_val (merge->conflicts, conflict);
}

static Action *
new_action (Merge         *merge,
            const char    *table,
            sqlite3_value *key,
            gboolean       insert)
{
  /* The changeset's own name lives only as long as the callback. */
  Action action = { g_intern_string (table), g_hash_table_lookup (merge->columns, table), sqlite3_value_dup (key),
                    g_array_new (FALSE, FALSE, sizeof (int)),
                    g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free), insert };

  g_array_append_val (merge->actions, action);
  return &g_array_index (merge->actions, Action, merge->actions->len - 1);
}

/* A record both copies have, with its fields as this copy has them
 * (@current) and as the package brings them: the fields changed there
 * only are taken, those changed on both sides go to the newer change and
 * are listed. @old is what the field was before the sender changed it,
 * or NULL when the package does not say (a record it created). */
static int
merge_fields (Merge                  *merge,
              sqlite3_changeset_iter *iter,
              const char             *table,
              int                     n_columns,
              gboolean                from_insert)
{
  GPtrArray *names = g_hash_table_lookup (merge->columns, table);
  int time_column = column_index (names, "updated_at");
  int erased_column = column_index (names, "erased_at");
  sqlite3_value *key = NULL, *mine_time = NULL, *theirs_time = NULL;
  Action *action = NULL;
  gboolean theirs_newer, mine_erased = FALSE, theirs_erasing = FALSE;
  gboolean is_tombstone = g_str_equal (table, "tombstone");

  (from_insert ? sqlite3changeset_new : sqlite3changeset_old) (iter, 0, &key);
  if (time_column >= 0)
    {
      sqlite3changeset_conflict (iter, time_column, &mine_time);
      sqlite3changeset_new (iter, time_column, &theirs_time);
    }
  /* The change made later wins; between two made at once, the greater
   * value, so that every copy decides alike. */
  theirs_newer = theirs_time != NULL && mine_time != NULL &&
                 values_compare (theirs_time, mine_time) > 0;

  /* A person's data erased on either side stays erased: the erasure
   * takes every field it brings, and nothing overwrites it here. */
  if (erased_column >= 0)
    {
      sqlite3_value *mine = NULL, *theirs = NULL;

      sqlite3changeset_conflict (iter, erased_column, &mine);
      sqlite3changeset_new (iter, erased_column, &theirs);
      mine_erased = mine != NULL && sqlite3_value_type (mine) != SQLITE_NULL;
      theirs_erasing = theirs != NULL && sqlite3_value_type (theirs) != SQLITE_NULL;
    }

  for (int i = 1; i < n_columns; i++)
    {
      sqlite3_value *mine = NULL, *theirs = NULL, *old = NULL;
      gboolean take;

      if (i == time_column)
        continue;
      if (sqlite3changeset_new (iter, i, &theirs) != SQLITE_OK || theirs == NULL)
        continue;      /* not changed there */
      sqlite3changeset_conflict (iter, i, &mine);
      if (values_equal (mine, theirs))
        continue;      /* the same here already */
      if (!from_insert)
        sqlite3changeset_old (iter, i, &old);

      if (theirs_erasing != mine_erased)
        take = theirs_erasing;
      else if (is_tombstone || theirs_erasing)
        take = values_compare (theirs, mine) > 0;   /* no one's edit */
      else if (!from_insert && values_equal (mine, old))
        take = TRUE;   /* changed there only */
      else
        {
          gboolean same_time = theirs_time != NULL && mine_time != NULL &&
                               values_equal (theirs_time, mine_time);

          take = same_time ? values_compare (theirs, mine) > 0 : theirs_newer;
          add_conflict (merge, table, key, g_ptr_array_index (names, i), mine, theirs,
                        mine_time, theirs_time, take);
        }

      if (take)
        {
          if (action == NULL)
            action = new_action (merge, table, key, FALSE);
          g_array_append_val (action->columns, i);
          g_ptr_array_add (action->values, sqlite3_value_dup (theirs));
        }
    }

  /* The record's time becomes the later of the two, whichever fields
   * were taken: so every copy ends with the same one, in any order. */
  if (action != NULL)
    merge->n_merged++;
  else
    merge->n_skipped++;      /* a later time alone is no change to report */
  if (theirs_newer)
    {
      if (action == NULL)
        action = new_action (merge, table, key, FALSE);
      g_array_append_val (action->columns, time_column);
      g_ptr_array_add (action->values, sqlite3_value_dup (theirs_time));
    }
  return SQLITE_CHANGESET_OMIT;
}

static int
conflict_cb (void                   *data,
             int                     type,
             sqlite3_changeset_iter *iter)
{
  Merge *merge = data;
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;
  sqlite3_value *key = NULL;

  if (type == SQLITE_CHANGESET_FOREIGN_KEY)
    return SQLITE_CHANGESET_OMIT;   /* resolved by drop_orphans() */

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

  switch (type)
    {
    case SQLITE_CHANGESET_DATA:
      if (op == SQLITE_UPDATE)
        return merge_fields (merge, iter, table, n_columns, FALSE);
      /* Deleted there, changed here: the deletion wins, on both sides. */
      sqlite3changeset_old (iter, 0, &key);
      add_conflict (merge, table, key, "*", NULL, NULL, NULL, NULL, TRUE);
      return SQLITE_CHANGESET_REPLACE;

    case SQLITE_CHANGESET_NOTFOUND:
      if (op == SQLITE_UPDATE)
        {
          /* Changed there, deleted here. */
          sqlite3changeset_old (iter, 0, &key);
          add_conflict (merge, table, key, "*", NULL, NULL, NULL, NULL, FALSE);
        }
      merge->n_skipped++;
      return SQLITE_CHANGESET_OMIT;

    case SQLITE_CHANGESET_CONFLICT:
      /* A record this copy has already: its own coming back, or one
       * changed since on either side. */
      return merge_fields (merge, iter, table, n_columns, TRUE);

    case SQLITE_CHANGESET_CONSTRAINT:
      if (op == SQLITE_INSERT)
        {
          Action *action;

          sqlite3changeset_new (iter, 0, &key);
          action = new_action (merge, table, key, TRUE);
          for (int i = 0; i < n_columns; i++)
            {
              sqlite3_value *value = NULL;

              sqlite3changeset_new (iter, i, &value);
              g_array_append_val (action->columns, i);
              g_ptr_array_add (action->values, sqlite3_value_dup (value));
            }
          return SQLITE_CHANGESET_OMIT;
        }
      return SQLITE_CHANGESET_ABORT;

    default:
      return SQLITE_CHANGESET_ABORT;
    }
}

static int
filter_cb (void       *data,
           const char *table)
{
  return is_record_table (table);
}

/* The columns of a unique pair, for the link tables, and of a project's
 * code: a record that another with a different key already holds. */
static const struct {
  const char *table;
  const char *where;
} unique_keys[] = {
  { "project", "code = ?2" },
  { "project_municipality", "project_id = ?2 AND municipality_id = ?3" },
  { "project_partner", "project_id = ?2 AND organisation_id = ?3" },
  { "meeting_member", "meeting_id = ?2 AND board_member_id = ?3" },
  { "note_project", "note_id = ?2 AND project_id = ?3" },
  { "report_entry", "report_id = ?2 AND project_id = ?3" },
};

/* Runs @sql with the action's values as its parameters, @code in place of
 * the value at @code_index (unless it is -1), and with @key_after the
 * record's key after them. */
static gboolean
run_action_sql (RkDatabase  *db,
                const char  *sql,
                Action      *action,
                int          code_index,
                const char  *code,
                gboolean     key_after,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (rk_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      rk_database_set_error (db, error, _("Merging the changes"));
      return FALSE;
    }
  for (guint i = 0; i < action->values->len; i++)
    {
      if ((int) i == code_index)
        sqlite3_bind_text (stmt, i + 1, code, -1, SQLITE_STATIC);
      else
        sqlite3_bind_value (stmt, i + 1, g_ptr_array_index (action->values, i));
    }
  if (key_after)
    sqlite3_bind_value (stmt, action->values->len + 1, action->key);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Merging the changes"));
      return FALSE;
    }

  return TRUE;
}

/* Inserts the record the action holds; with @code, under that code. */
static gboolean
insert_values (RkDatabase  *db,
               Action      *action,
               const char  *code,
               GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO main.");
  int code_column = column_index (action->names, "code");

  g_string_append (sql, action->table);
  g_string_append (sql, " (");
  for (guint i = 0; i < action->names->len; i++)
    {
      g_string_append (sql, i > 0 ? ", " : "");
      g_string_append (sql, g_ptr_array_index (action->names, i));
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < action->names->len; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  g_string_append (sql, ")");

  return run_action_sql (db, sql->str, action, code != NULL ? code_column : -1, code, FALSE, error);
}

/* Runs @sql with @id as its one parameter. */
static gboolean
run_with_id (RkDatabase  *db,
             const char  *sql,
             const char  *id,
             GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  return rk_database_step_done (db, stmt, error);
}

/* The code project @id can have when it is to have @wanted: two copies
 * may have given one code to two projects. The project with the smaller
 * key keeps it, on every copy; the other gets the first letters of its key
 * added. Renames the other project when that is the one. */
static char *
resolve_code (RkDatabase  *db,
              const char  *id,
              const char  *wanted,
              GError     **error)
{
  g_autofree char *other = NULL;

  if (wanted == NULL)
    return g_strdup ("");
  {
    g_autoptr(RkStatement) stmt =
      rk_database_prepare (db, "SELECT id FROM main.project WHERE code = ?1 AND id <> ?2", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_text (stmt, 1, wanted, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }

  if (other == NULL)
    return g_strdup (wanted);
  if (g_strcmp0 (id, other) > 0)
    return g_strdup_printf ("%s-%.4s", wanted, id);
  if (!run_with_id (db, "UPDATE main.project SET code = code || '-' || substr (id, 1, 4) WHERE id = ?1",
                    other, error))
    return NULL;
  return g_strdup (wanted);
}

/* A record refused for a value another record holds: two copies created
 * the same project code, or the same link under two keys. The record with
 * the smaller key keeps the value, on every copy: for a link the other is
 * the same link and goes; for a project, the other gets its code with the
 * first letters of its key added. */
static gboolean
insert_refused (RkDatabase  *db,
                Merge       *merge,
                Action      *action,
                GError     **error)
{
  const char *where = NULL;
  g_autofree char *select = NULL;
  g_autofree char *other = NULL;
  g_autofree char *theirs = value_text (action->key);
  sqlite3_value *params[3] = { action->key, NULL, NULL };
  gboolean is_project = g_str_equal (action->table, "project");

  for (guint i = 0; i < G_N_ELEMENTS (unique_keys); i++)
    if (g_str_equal (unique_keys[i].table, action->table))
      where = unique_keys[i].where;
  if (where == NULL)
    {
      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT,
                   _("A record of the package breaks a rule of this database (table %s); nothing was changed."),
                   action->table);
      return FALSE;
    }

  if (is_project)
    params[1] = g_ptr_array_index (action->values, column_index (action->names, "code"));
  else
    {
      /* A link table's pair: its second and third column. */
      params[1] = g_ptr_array_index (action->values, 1);
      params[2] = g_ptr_array_index (action->values, 2);
    }

  select = g_strconcat ("SELECT id FROM main.", action->table, " WHERE id <> ?1 AND ", where, NULL);
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db, select, error);

    if (stmt == NULL)
      return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS (params) && params[i] != NULL; i++)
      sqlite3_bind_value (stmt, i + 1, params[i]);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      other = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }

  if (other == NULL)
    return insert_values (db, action, NULL, error);

  if (!is_project)
    {
      g_autofree char *drop = NULL;

      if (g_strcmp0 (theirs, other) > 0)
        return TRUE;   /* the one here keeps its key */
      drop = g_strconcat ("DELETE FROM main.", action->table, " WHERE id = ?1", NULL);
      return run_with_id (db, drop, other, error) && insert_values (db, action, NULL, error);
    }

  /* Two projects with one code: both stay. */
  add_conflict (merge, "project", action->key, "code", NULL, params[1], NULL, NULL, TRUE);
  {
    g_autofree char *code = value_text (params[1]);
    g_autofree char *final = resolve_code (db, theirs, code, error);

    return final != NULL && insert_values (db, action, final, error);
  }
}

static gboolean
run_action (RkDatabase  *db,
            Merge       *merge,
            Action      *action,
            GError     **error)
{
  g_autoptr(GString) sql = NULL;
  g_autofree char *code = NULL;
  int code_index = -1;

  if (action->insert)
    return insert_refused (db, merge, action, error);

  sql = g_string_new ("UPDATE main.");
  g_string_append (sql, action->table);
  g_string_append (sql, " SET ");
  for (guint i = 0; i < action->columns->len; i++)
    {
      const char *name = g_ptr_array_index (action->names, g_array_index (action->columns, int, i));

      g_string_append (sql, i > 0 ? ", " : "");
      g_string_append (sql, name);
      g_string_append (sql, " = ?");

      /* A code another project holds here is settled as for a new one. */
      if (g_str_equal (action->table, "project") && g_str_equal (name, "code"))
        {
          g_autofree char *id = value_text (action->key);
          g_autofree char *wanted = value_text (g_ptr_array_index (action->values, i));

          code_index = i;
          code = resolve_code (db, id, wanted, error);
          if (code == NULL)
            return FALSE;
        }
    }
  g_string_append (sql, " WHERE id = ?");

  return run_action_sql (db, sql->str, action, code_index, code, TRUE, error);
}

/* Records deleted on any copy go everywhere, even when a copy that still
 * had them sent them again. */
static gboolean
drop_buried (RkDatabase  *db,
             GError     **error)
{
  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      const char *table = rk_database_tables[i];
      g_autofree char *sql = NULL;

      if (g_str_equal (table, "field") || g_str_equal (table, "municipality") ||
          g_str_equal (table, "tombstone"))
        continue;
      sql = g_strconcat ("DELETE FROM main.", table,
                         " WHERE id IN (SELECT id FROM main.tombstone WHERE table_name = ?1)", NULL);
      if (!run_with_id (db, sql, table, error))
        return FALSE;
    }

  return TRUE;
}

/* Records whose parent the package deleted, or that point to one deleted
 * here, go as the schema's ON DELETE says: deleted, or their reference
 * cleared. */
static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

typedef struct
{
  char   *sql;
  gint64  rowid;
} Fix;

static void
fix_clear (gpointer data)
{
  g_free (((Fix *) data)->sql);
}

static gboolean
drop_orphans (RkDatabase  *db,
              GError     **error)
{
  for (guint round = 0; round < 16; round++)
    {
      g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (Fix));
      sqlite3_stmt *stmt = NULL;

      g_array_set_clear_func (fixes, fix_clear);
      if (sqlite3_prepare_v2 (rk_database_get_handle (db),
                              "SELECT c.\"table\", c.rowid, f.\"from\", f.on_delete"
                              " FROM pragma_foreign_key_check AS c"
                              " JOIN pragma_foreign_key_list (c.\"table\") AS f ON f.id = c.fkid",
                              -1, &stmt, NULL) != SQLITE_OK)
        {
          rk_database_set_error (db, error, _("Merging the changes"));
          return FALSE;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *table = (const char *) sqlite3_column_text (stmt, 0);
          const char *column = (const char *) sqlite3_column_text (stmt, 2);
          Fix fix = { NULL, sqlite3_column_int64 (stmt, 1) };

          if (!is_record_table (table) || !is_identifier (column))
            continue;
          fix.sql = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "SET NULL") == 0
                    ? g_strconcat ("UPDATE main.", table, " SET ", column, " = NULL WHERE rowid = ?1", NULL)
                    : g_strconcat ("DELETE FROM main.", table, " WHERE rowid = ?1", NULL);
          g_array_append_val (fixes, fix);
        }
      sqlite3_finalize (stmt);

      if (fixes->len == 0)
        return TRUE;
      for (guint i = 0; i < fixes->len; i++)
        {
          Fix *fix = &g_array_index (fixes, Fix, i);
          g_autoptr(RkStatement) run = rk_database_prepare (db, fix->sql, error);

          if (run == NULL)
            return FALSE;
          sqlite3_bind_int64 (run, 1, fix->rowid);
          if (!rk_database_step_done (db, run, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
record_conflicts (RkDatabase  *db,
                  Merge       *merge,
                  guint       *out_new,
                  GError     **error)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "INSERT OR IGNORE INTO sync_conflict"
                             " (table_name, row_id, column_name, mine, theirs, mine_time, theirs_time, kept)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;

  *out_new = 0;
  for (guint i = 0; i < merge->conflicts->len; i++)
    {
      Conflict *c = &g_array_index (merge->conflicts, Conflict, i);

      sqlite3_bind_text (stmt, 1, c->table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, c->row_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, c->column, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->mine, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, c->theirs, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, c->mine_time, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, c->theirs_time, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, c->kept_theirs ? "theirs" : "mine", -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          rk_database_set_error (db, error, _("Listing the conflicts"));
          return FALSE;
        }
      *out_new += sqlite3_changes (rk_database_get_handle (db));
      sqlite3_reset (stmt);
    }

  return TRUE;
}

/**
 * rk_changes_import_data:
 * @data: the package's bytes
 * @display_name: the package's name, for messages
 * @backups_kept: unless 0, the database is backed up first
 * @out_summary: (out) (optional): what was done
 *
 * Merges a change package into @db in one transaction, or refuses it
 * whole: a package of another programme database, a damaged or cut short
 * one, or one of a newer format changes nothing.
 */
gboolean
rk_changes_import_data (RkDatabase        *db,
                        const guint8      *data,
                        gsize              length,
                        const char        *display_name,
                        int                backups_kept,
                        RkChangesSummary  *out_summary,
                        GError           **error)
{
  g_autofree char *sender = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (Action));
  g_autoptr(GArray) conflicts = g_array_new (FALSE, TRUE, sizeof (Conflict));
  g_autoptr(GPtrArray) erased = NULL;
  RkChangesSummary summary = { 0 };
  Merge merge;
  guint n_changes = 0, n_new_conflicts = 0;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  g_array_set_clear_func (actions, action_clear);
  g_array_set_clear_func (conflicts, conflict_clear);

  if (!read_package (db, data, length, display_name, &sender, &changeset, error) ||
      (columns = load_columns (db, error)) == NULL ||
      !check_changeset (db, changeset, columns, &n_changes, display_name, error))
    return FALSE;

  /* This copy's own package: it has every change in it already. */
  if (g_strcmp0 (sender, rk_database_get_copy_id (db)) == 0)
    {
      summary.from_self = TRUE;
      summary.n_skipped = n_changes;
      if (out_summary != NULL)
        *out_summary = summary;
      return TRUE;
    }

  if (n_changes == 0)
    {
      if (out_summary != NULL)
        *out_summary = summary;
      return TRUE;
    }

  if (backups_kept > 0 && !rk_backup_create (db, RK_BACKUP_REASON_IMPORT, backups_kept, NULL, error))
    return FALSE;

  if (!rk_database_begin (db, error))
    return FALSE;

  merge = (Merge) { columns, actions, conflicts, 0, 0 };
  rc = sqlite3changeset_apply_v2 (rk_database_get_handle (db),
                                  (int) g_bytes_get_size (changeset),
                                  (void *) g_bytes_get_data (changeset, NULL),
                                  filter_cb, conflict_cb, &merge, NULL, NULL,
                                  SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
  if (rc != SQLITE_OK)
    {
      rk_database_set_error (db, error, _("Applying the change package"));
      goto failed;
    }

  for (guint i = 0; i < actions->len; i++)
    if (!run_action (db, &merge, &g_array_index (actions, Action, i), error))
      goto failed;

  if (!drop_buried (db, error) ||
      !drop_orphans (db, error) ||
      !rk_organisation_erase_arrived (db, &erased, error) ||
      !record_conflicts (db, &merge, &n_new_conflicts, error))
    goto failed;

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    rk_database_note_change (db, rk_database_tables[i], NULL);
  rk_database_note_change (db, "sync_conflict", NULL);
  if (!rk_database_commit (db, error))
    return FALSE;

  /* What another copy erased leaves no trace here either. */
  for (guint i = 0; i < erased->len; i++)
    if (!rk_organisation_finish_erasure (db, g_ptr_array_index (erased, i), error))
      return FALSE;

  summary.n_skipped = merge.n_skipped;
  summary.n_applied = n_changes - merge.n_skipped;
  summary.n_conflicts = n_new_conflicts;
  if (out_summary != NULL)
    *out_summary = summary;
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

/**
 * rk_changes_import:
 * @path: the package
 *
 * rk_changes_import_data() for a file.
 */
gboolean
rk_changes_import (RkDatabase        *db,
                   const char        *path,
                   int                backups_kept,
                   RkChangesSummary  *out_summary,
                   GError           **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  return rk_changes_import_data (db, (const guint8 *) contents, length, display,
                                 backups_kept, out_summary, error);
}

/* Conflicts */

static void
conflict_free (gpointer data)
{
  RkChangesConflict *conflict = data;

  g_free (conflict->table);
  g_free (conflict->row_id);
  g_free (conflict->column);
  g_free (conflict->mine);
  g_free (conflict->theirs);
  g_free (conflict->mine_time);
  g_free (conflict->theirs_time);
  g_free (conflict);
}

#define COLUMN_TEXT(stmt, i) g_strdup ((const char *) sqlite3_column_text (stmt, i))

/**
 * rk_changes_list_conflicts:
 *
 * Returns: (element-type RkChangesConflict): the conflicts not yet
 *   decided, oldest first; %NULL on an error
 */
GPtrArray *
rk_changes_list_conflicts (RkDatabase  *db,
                           GError     **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (conflict_free);
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT id, table_name, row_id, column_name, mine, theirs,"
                             " mine_time, theirs_time, kept FROM sync_conflict ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkChangesConflict *conflict = g_new0 (RkChangesConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->table = COLUMN_TEXT (stmt, 1);
      conflict->row_id = COLUMN_TEXT (stmt, 2);
      conflict->column = COLUMN_TEXT (stmt, 3);
      conflict->mine = COLUMN_TEXT (stmt, 4);
      conflict->theirs = COLUMN_TEXT (stmt, 5);
      conflict->mine_time = COLUMN_TEXT (stmt, 6);
      conflict->theirs_time = COLUMN_TEXT (stmt, 7);
      conflict->kept_theirs = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), "theirs") == 0;
      g_ptr_array_add (conflicts, conflict);
    }
  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Listing the conflicts"));
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/* Inside a transaction: gives the field the value chosen, as a change of
 * now, so that it wins on the other copies too, and forgets the conflict. */
static gboolean
resolve_one (RkDatabase         *db,
             GHashTable         *columns,
             RkChangesConflict  *conflict,
             gboolean            keep_mine,
             const char         *now,
             GError            **error)
{
  GPtrArray *names = g_hash_table_lookup (columns, conflict->table);
  const char *value = keep_mine ? conflict->mine : conflict->theirs;
  g_autofree char *sql = NULL;
  g_autoptr(RkStatement) set = NULL;
  g_autoptr(RkStatement) forget = NULL;

  /* A deletion stands; the conflict only said so. A field is set only
   * when the choice differs from what is kept. */
  if (g_strcmp0 (conflict->column, "*") != 0 && keep_mine == conflict->kept_theirs)
    {
      if (names == NULL || column_index (names, conflict->column) < 1 || column_index (names, "updated_at") < 0)
        {
          g_set_error (error, RK_DATABASE_ERROR, SQLITE_MISMATCH,
                       _("The conflict in %s, field %s, cannot be settled here."), conflict->table, conflict->column);
          return FALSE;
        }
      sql = g_strconcat ("UPDATE main.", conflict->table, " SET ", conflict->column,
                         " = ?1, updated_at = ?2 WHERE id = ?3", NULL);
      set = rk_database_prepare (db, sql, error);
      if (set == NULL)
        return FALSE;
      sqlite3_bind_text (set, 1, value, -1, SQLITE_STATIC);
      sqlite3_bind_text (set, 2, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (set, 3, conflict->row_id, -1, SQLITE_STATIC);
      if (!rk_database_step_done (db, set, error))
        return FALSE;
      rk_database_note_change (db, conflict->table, conflict->row_id);
    }

  forget = rk_database_prepare (db, "DELETE FROM sync_conflict WHERE id = ?1", error);
  if (forget == NULL)
    return FALSE;
  sqlite3_bind_int64 (forget, 1, conflict->id);
  if (!rk_database_step_done (db, forget, error))
    return FALSE;
  rk_database_note_change (db, "sync_conflict", NULL);

  return TRUE;
}

static gboolean
resolve (RkDatabase  *db,
         gint64       only_id,
         gboolean     keep_mine,
         GError     **error)
{
  g_autoptr(GHashTable) columns = load_columns (db, error);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *now = rk_timestamp_now ();
  gboolean found = FALSE;

  if (columns == NULL || (conflicts = rk_changes_list_conflicts (db, error)) == NULL ||
      !rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < conflicts->len; i++)
    {
      RkChangesConflict *conflict = g_ptr_array_index (conflicts, i);

      if (only_id >= 0 && conflict->id != only_id)
        continue;
      found = TRUE;
      if (!resolve_one (db, columns, conflict, keep_mine, now, error))
        {
          rk_database_rollback (db);
          return FALSE;
        }
    }

  if (!found && only_id >= 0)
    {
      rk_database_rollback (db);
      g_set_error_literal (error, RK_DATABASE_ERROR, SQLITE_NOTFOUND,
                           _("This conflict has been settled already."));
      return FALSE;
    }

  return rk_database_commit (db, error);
}

/**
 * rk_changes_resolve:
 * @keep_mine: %TRUE for this copy's value, %FALSE for the package's
 *
 * Settles one conflict: the chosen value becomes the field's, as a change
 * made now, and the conflict leaves the list.
 */
gboolean
rk_changes_resolve (RkDatabase  *db,
                    gint64       conflict_id,
                    gboolean     keep_mine,
                    GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (conflict_id >= 0, FALSE);

  return resolve (db, conflict_id, keep_mine, error);
}

/**
 * rk_changes_resolve_all:
 *
 * Settles every conflict the same way, in one transaction.
 */
gboolean
rk_changes_resolve_all (RkDatabase  *db,
                        gboolean     keep_mine,
                        GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  return resolve (db, -1, keep_mine, error);
}

/* What names a record of each table for a person. */
static const struct {
  const char *table;
  const char *sql;
} describe_sql[] = {
  { "project", "SELECT title FROM main.project WHERE id = ?1" },
  { "milestone", "SELECT text FROM main.milestone WHERE id = ?1" },
  { "organisation", "SELECT name FROM main.organisation WHERE id = ?1" },
  { "board_member", "SELECT name FROM main.board_member WHERE id = ?1" },
  { "meeting", "SELECT title FROM main.meeting WHERE id = ?1" },
  { "note", "SELECT title FROM main.note WHERE id = ?1" },
  { "report", "SELECT title FROM main.report WHERE id = ?1" },
};

/**
 * rk_changes_describe:
 *
 * Returns: (nullable): the title or name of the record, if it has one and
 *   is still there
 */
char *
rk_changes_describe (RkDatabase *db,
                     const char *table,
                     const char *row_id)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (describe_sql); i++)
    if (g_strcmp0 (describe_sql[i].table, table) == 0)
      {
        g_autoptr(RkStatement) stmt = rk_database_prepare (db, describe_sql[i].sql, NULL);
        const char *text;

        if (stmt == NULL)
          return NULL;
        sqlite3_bind_text (stmt, 1, row_id, -1, SQLITE_STATIC);
        if (sqlite3_step (stmt) != SQLITE_ROW)
          return NULL;
        text = (const char *) sqlite3_column_text (stmt, 0);
        return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
      }

  return NULL;
}
