/* rk-backup.c: copies of the database, made while it is in use, and
 * restoring one
 *
 * Copies are made with SQLite's online backup API, which copies the pages
 * of a consistent state while the app goes on reading and writing, never
 * by copying the file, which could catch a write half done. A copy is
 * written under a temporary name and renamed when complete, and is a
 * single file in rollback-journal mode, so it can be copied, mailed and
 * opened anywhere.
 *
 * Automatic backups go into a folder `backups` beside the database file,
 * named `STEM.YYYYMMDD-HHMMSS-UUUUUU.REASON.db` after the database's own
 * name, the time in UTC and why it was made (start, import, restore), so
 * the names sort by time and several databases can share the folder. Only
 * the newest ones are kept. A database that holds nothing but its
 * reference rows is not backed up automatically: there is nothing to lose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "rk-backup.h"
#include "rk-database-private.h"

struct _RkBackup
{
  GObject         parent_instance;

  char           *path;
  GDateTime      *created;
  RkBackupReason  reason;
  gboolean        usable;
  gint64          n_projects;
  gint64          n_organisations;
  gint64          n_board_members;
  gint64          n_notes;
  gint64          n_reports;
};

G_DEFINE_FINAL_TYPE (RkBackup, rk_backup, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-backup-error-quark, rk_backup_error)

static const char * const reasons[] = { "start", "import", "restore" };

/* The tables whose rows have a key worth announcing after a restore. */
static const char * const keyed_tables[] = {
  "project", "organisation", "board_member", "meeting", "note", "report",
};
static const char * const key_sql[] = {
  "SELECT id FROM project",
  "SELECT id FROM organisation",
  "SELECT id FROM board_member",
  "SELECT id FROM meeting",
  "SELECT id FROM note",
  "SELECT id FROM report",
};
G_STATIC_ASSERT (G_N_ELEMENTS (keyed_tables) == G_N_ELEMENTS (key_sql));

static void
rk_backup_finalize (GObject *object)
{
  RkBackup *self = (RkBackup *) object;

  g_free (self->path);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rk_backup_parent_class)->finalize (object);
}

static void
rk_backup_class_init (RkBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_backup_finalize;
}

static void
rk_backup_init (RkBackup *self)
{
  self->n_projects = self->n_organisations = self->n_board_members = -1;
  self->n_notes = self->n_reports = -1;
}

/**
 * rk_database_is_empty:
 * @out_empty: (out): whether the database holds nothing but the reference
 *   rows it was created with
 */
gboolean
rk_database_is_empty (RkDatabase  *db,
                      gboolean    *out_empty,
                      GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  *out_empty = TRUE;
  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      gint64 n;

      if (g_str_equal (rk_database_tables[i], "field") ||
          g_str_equal (rk_database_tables[i], "municipality"))
        continue;

      n = rk_database_count_rows (db, rk_database_tables[i], error);
      if (n < 0)
        return FALSE;
      if (n > 0)
        {
          *out_empty = FALSE;
          break;
        }
    }

  return TRUE;
}

/* Runs a backup from @source to @dest to its end; another connection may
 * hold a lock for a moment, so that is waited out a little. */
static int
copy_pages (sqlite3 *dest,
            sqlite3 *source)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc, attempts = 0;

  if (backup == NULL)
    return sqlite3_extended_errcode (dest);

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++attempts < 100);

  sqlite3_backup_finish (backup);

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static sqlite3 *
open_uri (const char *path,
          gboolean    immutable)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full = NULL;
  sqlite3 *db = NULL;

  if (uri == NULL)
    return NULL;

  full = g_strconcat (uri, immutable ? "?immutable=1" : "", NULL);
  if (sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                                  SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* A reading connection to the database file; where the folder is
 * read-only, a WAL database can only be read as immutable. */
static sqlite3 *
open_source (const char *path)
{
  sqlite3 *db = open_uri (path, FALSE);

  if (db != NULL && sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK)
    return db;

  sqlite3_close (db);
  return open_uri (path, TRUE);
}

/**
 * rk_database_make_copy:
 * @path: the file to write
 *
 * Copies the database for another laptop: the copy has an identity of its
 * own and the same origin, the programme database both began as, so that
 * the two can exchange change packages (rk-changes.c). Each keeps a base
 * snapshot of the records as they were when the copy was made: this one
 * beside itself, unless it has one from an earlier exchange, the copy when
 * it is first opened. The base snapshots stay as they are: packages carry
 * every change made since (rk-changes.c).
 */
gboolean
rk_database_make_copy (RkDatabase  *db,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *base = rk_database_base_path (rk_database_get_path (db));
  g_autofree char *copy_id = g_uuid_string_random ();
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *copy = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A database that was never copied is its own origin. */
  if (!rk_database_begin (db, error))
    return FALSE;
  if (!rk_database_exec (db, "INSERT OR IGNORE INTO local (key, value)"
                             " SELECT 'origin_id', value FROM local WHERE key = 'copy_id'", error) ||
      !rk_database_commit (db, error))
    {
      rk_database_rollback (db);
      return FALSE;
    }

  if ((!g_file_test (base, G_FILE_TEST_EXISTS) && !rk_database_backup_to (db, base, error)) ||
      !rk_database_backup_to (db, path, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (copy, "UPDATE local SET value = ?1 WHERE key = 'copy_id'", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, copy_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (copy);
    }
  sqlite3_finalize (stmt);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "INSERT OR REPLACE INTO local (key, value) VALUES ('base_pending', '1')",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The copy “%s” could not be written: %s."),
                   display, copy != NULL ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
      sqlite3_close (copy);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close (copy);

  return TRUE;
}

/**
 * rk_database_backup_to:
 * @path: the file to write; replaced only once the copy is complete
 *
 * Copies the database as it is now into a file of its own, while it stays
 * open and in use.
 */
gboolean
rk_database_backup_to (RkDatabase  *db,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *display = NULL;
  sqlite3 *dest = NULL, *source;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  partial = g_strconcat (path, ".partial", NULL);
  journal = g_strconcat (partial, "-journal", NULL);
  g_unlink (partial);
  g_unlink (journal);

  /* The pages are read through a connection of the backup's own: the
   * app's may be inside a transaction (an import backs up just before it
   * writes), and WAL lets a second reader see the last committed state. */
  source = open_source (rk_database_get_path (db));
  if (source == NULL)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The backup “%s” could not be written: the database could not be read."),
                   display);
      return FALSE;
    }

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = copy_pages (dest, source);
  sqlite3_close (source);

  /* One file, without the WAL of the original. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."),
                   display, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (partial);
      g_unlink (journal);
      return FALSE;
    }

  sqlite3_close (dest);

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The backup “%s” could not be written: %s."),
                   display, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_backup_folder:
 *
 * Returns: the folder `backups` beside the database file
 */
char *
rk_backup_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

static char *
database_stem (const char *database_path)
{
  char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

/* Splits a backup's file name into its time and reason; %FALSE for a
 * file of another database or no backup at all. */
static gboolean
parse_name (const char      *name,
            const char      *stem,
            char           **out_stamp,
            RkBackupReason  *out_reason)
{
  gsize stem_len = strlen (stem);
  const char *rest;
  g_auto(GStrv) parts = NULL;

  if (strncmp (name, stem, stem_len) != 0 || name[stem_len] != '.')
    return FALSE;

  rest = name + stem_len + 1;
  parts = g_strsplit (rest, ".", -1);
  if (g_strv_length (parts) != 3 || !g_str_equal (parts[2], "db") ||
      strlen (parts[0]) != 22 ||
      !g_regex_match_simple ("^[0-9]{8}-[0-9]{6}-[0-9]{6}$", parts[0], 0, 0))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (parts[1], reasons[i]))
      {
        *out_reason = i;
        *out_stamp = g_strdup (parts[0]);
        return TRUE;
      }

  return FALSE;
}

static GDateTime *
stamp_to_time (const char *stamp)
{
  int y, mo, d, h, mi, s, us;

  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d-%6d", &y, &mo, &d, &h, &mi, &s, &us) != 7)
    return NULL;

  return g_date_time_new_utc (y, mo, d, h, mi, s + us / 1e6);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_strcmp0 (*(const char **) b, *(const char **) a);
}

/* The names of this database's backups, newest first. */
static GPtrArray *
list_names (const char *database_path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = rk_backup_folder (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stamp = NULL;
      RkBackupReason reason;

      if (parse_name (name, stem, &stamp, &reason))
        g_ptr_array_add (names, g_strdup (name));
    }

  /* The stem is the same for all, so the time decides. */
  g_ptr_array_sort (names, compare_newest_first);

  return g_steal_pointer (&names);
}

static void
prune (const char *database_path,
       int         kept)
{
  g_autoptr(GPtrArray) names = list_names (database_path);
  g_autofree char *folder = rk_backup_folder (database_path);

  for (guint i = MAX (kept, 1); i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        g_debug ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/**
 * rk_backup_create:
 * @kept: how many backups of this database to keep, at least one
 * @out_path: (out) (optional) (nullable): the new backup, or %NULL when
 *   the database was empty and none was made
 *
 * Backs the database up into the folder beside it and removes the oldest
 * backups beyond @kept.
 */
gboolean
rk_backup_create (RkDatabase      *db,
                  RkBackupReason   reason,
                  int              kept,
                  char           **out_path,
                  GError         **error)
{
  const char *database_path;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean empty;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reason < G_N_ELEMENTS (reasons), FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  if (!rk_database_is_empty (db, &empty, error))
    return FALSE;
  if (empty)
    return TRUE;

  database_path = rk_database_get_path (db);
  folder = rk_backup_folder (database_path);
  stem = database_stem (database_path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The folder “%s” for the backups could not be created: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Microseconds make every name new; should two backups still meet, the
   * later one moves on by one. */
  do
    {
      g_autoptr(GDateTime) later = NULL;
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("%s.%s-%06d.%s.db", stem, stamp,
                                               g_date_time_get_microsecond (now),
                                               reasons[reason]);

      g_free (path);
      path = g_build_filename (folder, name, NULL);
      later = g_date_time_add (now, 1);
      g_date_time_unref (now);
      now = g_steal_pointer (&later);
    }
  while (g_file_test (path, G_FILE_TEST_EXISTS));

  if (!rk_database_backup_to (db, path, error))
    return FALSE;

  prune (database_path, kept);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

/**
 * rk_backup_on_start:
 * @kept: how many backups to keep (the setting `backups-kept`)
 *
 * The backup when the app starts: made at most once a day, so nothing is
 * done when a backup of this database from today (in local time) exists,
 * nor for a read-only or empty database.
 */
static gboolean backup_of_the_day (RkDatabase  *db,
                                   int          kept,
                                   GError     **error);

gboolean
rk_backup_on_start (RkDatabase  *db,
                    int          kept,
                    GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (rk_database_get_read_only (db))
    return TRUE;

  return backup_of_the_day (db, kept, error);
}

/* @db only needs to read: the pages are copied through a connection of
 * the backup's own anyway (rk_database_backup_to()). */
static gboolean
backup_of_the_day (RkDatabase  *db,
                   int          kept,
                   GError     **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stem = NULL;

  names = list_names (rk_database_get_path (db));
  stem = database_stem (rk_database_get_path (db));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *stamp = NULL;
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      RkBackupReason reason;

      if (!parse_name (g_ptr_array_index (names, i), stem, &stamp, &reason) ||
          (utc = stamp_to_time (stamp)) == NULL)
        continue;

      local = g_date_time_to_local (utc);
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        return TRUE;
    }

  return rk_backup_create (db, RK_BACKUP_REASON_START, kept, NULL, error);
}

typedef struct
{
  char *path;
  int   kept;
} OnStartData;

static void
on_start_data_free (gpointer data)
{
  OnStartData *on_start = data;

  g_free (on_start->path);
  g_free (on_start);
}

static void
on_start_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OnStartData *on_start = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) reader = rk_database_open (on_start->path, RK_DATABASE_OPEN_READ_ONLY, &error);

  if (reader == NULL || !backup_of_the_day (reader, on_start->kept, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rk_backup_on_start_async:
 *
 * Makes the backup of the day as rk_backup_on_start() does, in a thread
 * on connections of its own, so that the app can be used meanwhile: the
 * copy is one read transaction, the state last committed when it begins,
 * whatever is saved while it runs.
 */
void
rk_backup_on_start_async (RkDatabase          *db,
                          int                  kept,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OnStartData *on_start;

  g_return_if_fail (RK_IS_DATABASE (db));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_backup_on_start_async);
  if (rk_database_get_read_only (db))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  on_start = g_new0 (OnStartData, 1);
  on_start->path = g_strdup (rk_database_get_path (db));
  on_start->kept = kept;
  g_task_set_task_data (task, on_start, on_start_data_free);
  g_task_run_in_thread (task, on_start_thread);
}

gboolean
rk_backup_on_start_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Opens a backup for reading only, without touching it: nothing writes a
 * backup, so SQLite need not lock it or look for a journal beside it. */
static sqlite3 *
open_backup (const char *path)
{
  return open_uri (path, TRUE);
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* SQLite's quick check: every page readable, every index in order. */
static gboolean
is_intact (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return ok;
}

/* What a backup is, or why it cannot be restored. */
static gboolean
check_backup (sqlite3     *db,
              const char  *path,
              gint64      *out_version,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  gint64 app_id = db != NULL ? query_int64 (db, "PRAGMA application_id") : -1;
  gint64 version = db != NULL ? query_int64 (db, "PRAGMA user_version") : -1;

  if (app_id != RK_APPLICATION_ID || version < 1)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_UNUSABLE,
                   _("The backup “%s” is not a database of Ruhr-Konferenz or cannot be read."),
                   display);
      return FALSE;
    }

  if (version > RK_SCHEMA_VERSION)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_TOO_NEW,
                   _("The backup “%s” was written by a newer version of Ruhr-Konferenz and cannot be restored with this one."),
                   display);
      return FALSE;
    }

  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}

static RkBackup *
read_backup (const char     *path,
             const char     *stamp,
             RkBackupReason  reason)
{
  g_autoptr(RkBackup) self = g_object_new (RK_TYPE_BACKUP, NULL);
  sqlite3 *db = open_backup (path);

  self->path = g_strdup (path);
  self->created = stamp_to_time (stamp);
  self->reason = reason;
  self->usable = check_backup (db, path, NULL, NULL);

  if (self->usable)
    {
      self->n_projects = query_int64 (db, "SELECT count(*) FROM project");
      self->n_organisations = query_int64 (db, "SELECT count(*) FROM organisation");
      self->n_board_members = query_int64 (db, "SELECT count(*) FROM board_member");
      self->n_notes = query_int64 (db, "SELECT count(*) FROM note");
      self->n_reports = query_int64 (db, "SELECT count(*) FROM report");
      self->usable = self->n_projects >= 0 && self->n_organisations >= 0 &&
                     self->n_board_members >= 0 && self->n_notes >= 0 &&
                     self->n_reports >= 0;
    }

  sqlite3_close (db);
  return g_steal_pointer (&self);
}

/**
 * rk_backup_list:
 * @database_path: the database file whose backups to list
 *
 * Reads each backup of the database in the folder beside it, for its
 * record counts.
 *
 * Returns: (transfer full): the backups as #RkBackup, newest first
 */
GListModel *
rk_backup_list (const char  *database_path,
                GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_BACKUP);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  names = list_names (database_path);
  folder = rk_backup_folder (database_path);
  stem = database_stem (database_path);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *stamp = NULL;
      g_autoptr(RkBackup) backup = NULL;
      RkBackupReason reason;

      if (!parse_name (name, stem, &stamp, &reason))
        continue;

      backup = read_backup (path, stamp, reason);
      g_list_store_append (store, backup);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GListModel *backups = rk_backup_list (task_data, &error);

  if (backups == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, backups, g_object_unref);
}

/**
 * rk_backup_list_async:
 *
 * Lists the backups in a thread: each is opened to count its records.
 */
void
rk_backup_list_async (const char          *database_path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_backup_list_async);
  g_task_set_task_data (task, g_strdup (database_path), g_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * rk_backup_list_finish:
 *
 * Returns: (transfer full): the backups, newest first, or %NULL
 */
GListModel *
rk_backup_list_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rk_backup_restore:
 * @db: the database to overwrite
 * @backup_path: the backup to restore
 * @kept: how many backups to keep
 *
 * Puts the state of a backup back into the database, after backing up
 * the current state, so that a restore can itself be undone. The
 * database keeps its identity (its copy id); a backup of an older schema
 * version is brought up to date. The backup is checked before anything
 * is touched: one that is no database of this app, or of a newer version,
 * is refused and nothing changes.
 */
gboolean
rk_backup_restore (RkDatabase  *db,
                   const char  *backup_path,
                   int          kept,
                   GError     **error)
{
  g_autofree char *copy_id = NULL;
  g_autofree char *display = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  sqlite3 *handle, *source;
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (rk_database_get_read_only (db))
    {
      g_set_error_literal (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY,
                           _("This database is read-only, so changes cannot be saved."));
      return FALSE;
    }

  display = g_filename_display_name (backup_path);
  source = open_backup (backup_path);
  if (!check_backup (source, backup_path, &version, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  if (!is_intact (source))
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_UNUSABLE,
                   _("The backup “%s” is damaged and cannot be restored."), display);
      sqlite3_close (source);
      return FALSE;
    }

  if (!rk_backup_create (db, RK_BACKUP_REASON_RESTORE, kept, NULL, error))
    {
      sqlite3_close (source);
      return FALSE;
    }

  copy_id = g_strdup (rk_database_get_copy_id (db));
  handle = rk_database_get_handle (db);
  rc = copy_pages (handle, source);
  sqlite3_close (source);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RK_BACKUP_ERROR, RK_BACKUP_ERROR_FAILED,
                   _("The backup “%s” could not be restored: %s."),
                   display, sqlite3_errstr (rc));
      return FALSE;
    }

  /* The copy took the backup's journal mode; this database keeps WAL. */
  if (!rk_database_exec (db, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  if (version < RK_SCHEMA_VERSION &&
      !rk_schema_migrate (handle, version, RK_SCHEMA_VERSION, error))
    return FALSE;

  /* This copy stays this copy, whatever the backup was made from. */
  if (copy_id != NULL)
    {
      stmt = rk_database_prepare (db, "INSERT INTO local (key, value) VALUES ('copy_id', ?)"
                                      " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, copy_id, -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Restoring in a thread, on a connection of its own */

typedef struct
{
  char      *database_path;
  char      *backup_path;
  int        kept;
  GPtrArray *keys;  /* "table\nkey" before and after, to announce */
} RestoreTask;

static void
restore_task_free (gpointer data)
{
  RestoreTask *task = data;

  g_free (task->database_path);
  g_free (task->backup_path);
  g_clear_pointer (&task->keys, g_ptr_array_unref);
  g_free (task);
}

static void
collect_keys (RkDatabase *db,
              GPtrArray  *keys)
{
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, key_sql[i], NULL);

      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (keys, g_strconcat (keyed_tables[i], "\n",
                                            sqlite3_column_text (stmt, 0), NULL));
    }
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreTask *data = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = rk_database_open (data->database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  collect_keys (db, data->keys);
  if (!rk_backup_restore (db, data->backup_path, data->kept, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  collect_keys (db, data->keys);

  g_task_return_boolean (task, TRUE);
}

/**
 * rk_backup_restore_async:
 * @db: the database the app has open
 *
 * Restores in a thread, on a connection of its own to the same file, so
 * the window stays responsive; rk_backup_restore_finish() then tells
 * @db's lists and pages what changed.
 */
void
rk_backup_restore_async (RkDatabase          *db,
                         const char          *backup_path,
                         int                  kept,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreTask *data;

  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (backup_path != NULL);

  data = g_new0 (RestoreTask, 1);
  data->database_path = g_strdup (rk_database_get_path (db));
  data->backup_path = g_strdup (backup_path);
  data->kept = kept;
  data->keys = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, rk_backup_restore_async);
  g_task_set_task_data (task, data, restore_task_free);
  /* Restoring is not stopped half-way. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, restore_thread);
}

static void
announce (RkDatabase *db,
          GPtrArray  *keys)
{
  if (!rk_database_begin (db, NULL))
    return;

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (keys, i), "\n", 2);

      rk_database_note_change (db, parts[0], parts[1]);
    }
  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    rk_database_note_change (db, rk_database_tables[i], NULL);

  rk_database_commit (db, NULL);
}

/**
 * rk_database_announce_all:
 *
 * Tells every list and page of @db that every row may have changed, after
 * another connection replaced the file's contents.
 */
void
rk_database_announce_all (RkDatabase *db)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (RK_IS_DATABASE (db));

  collect_keys (db, keys);
  announce (db, keys);
}

/**
 * rk_backup_restore_finish:
 *
 * On success, announces on the database given to
 * rk_backup_restore_async() every record that was there before or is
 * there now, so lists and open pages show the restored state.
 */
gboolean
rk_backup_restore_finish (GAsyncResult  *result,
                          GError       **error)
{
  RestoreTask *data;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rk_backup_restore_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  announce (g_task_get_source_object (G_TASK (result)), data->keys);
  return TRUE;
}

const char *
rk_backup_get_path (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), NULL);
  return self->path;
}

/**
 * rk_backup_get_created:
 *
 * Returns: (transfer none): when the backup was made, in UTC
 */
GDateTime *
rk_backup_get_created (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), NULL);
  return self->created;
}

RkBackupReason
rk_backup_get_reason (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), 0);
  return self->reason;
}

/**
 * rk_backup_is_usable:
 *
 * Returns: whether the backup could be read as a database of this
 *   version; the counts are -1 otherwise
 */
gboolean
rk_backup_is_usable (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), FALSE);
  return self->usable;
}

gint64
rk_backup_get_n_projects (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), -1);
  return self->n_projects;
}

gint64
rk_backup_get_n_organisations (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), -1);
  return self->n_organisations;
}

gint64
rk_backup_get_n_board_members (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), -1);
  return self->n_board_members;
}

gint64
rk_backup_get_n_notes (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), -1);
  return self->n_notes;
}

gint64
rk_backup_get_n_reports (RkBackup *self)
{
  g_return_val_if_fail (RK_IS_BACKUP (self), -1);
  return self->n_reports;
}
