/* rk-database.c: the programme database, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rk-backup.h"
#include "rk-database-private.h"

struct _RkDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *copy_id;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GArray     *pending;      /* RkChange, emitted after commit */
  int         schema_version;
  guint       read_only : 1;
  guint       in_transaction : 1;
};

typedef struct
{
  GQuark  table;
  char   *key;
} RkChange;

G_DEFINE_FINAL_TYPE (RkDatabase, rk_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean make_pending_base (RkDatabase  *self,
                                   GError     **error);

const char * const rk_database_tables[] = {
  "field", "municipality", "project", "milestone", "project_municipality",
  "organisation", "project_partner", "board_member", "meeting",
  "meeting_member", "note", "note_project", "report", "report_entry",
  "tombstone",
  NULL
};

/* Counting rows names the table in the SQL text, which cannot be bound; a
 * fixed list, parallel to rk_database_tables, keeps every statement the app
 * runs one it wrote itself. */
static const char * const count_sql[] = {
  "SELECT count(*) FROM field",
  "SELECT count(*) FROM municipality",
  "SELECT count(*) FROM project",
  "SELECT count(*) FROM milestone",
  "SELECT count(*) FROM project_municipality",
  "SELECT count(*) FROM organisation",
  "SELECT count(*) FROM project_partner",
  "SELECT count(*) FROM board_member",
  "SELECT count(*) FROM meeting",
  "SELECT count(*) FROM meeting_member",
  "SELECT count(*) FROM note",
  "SELECT count(*) FROM note_project",
  "SELECT count(*) FROM report",
  "SELECT count(*) FROM report_entry",
  "SELECT count(*) FROM tombstone",
};
G_STATIC_ASSERT (G_N_ELEMENTS (count_sql) + 1 == G_N_ELEMENTS (rk_database_tables));

G_DEFINE_QUARK (rk-database-error-quark, rk_database_error)

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
rk_change_clear (gpointer data)
{
  RkChange *change = data;

  g_clear_pointer (&change->key, g_free);
}

void
rk_database_set_error (RkDatabase  *self,
                       GError     **error,
                       const char  *what)
{
  int code = sqlite3_extended_errcode (self->db);

  /* A disk that cannot take the change: whichever step met it, the
   * transaction is undone, and the user needs to know what to do. */
  switch (code)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, RK_DATABASE_ERROR, code,
                           _("The changes could not be saved because the disk is full. Everything stays as it was; free some space and try again."));
      return;

    case SQLITE_READONLY:
    case SQLITE_READONLY_DBMOVED:
    case SQLITE_READONLY_DIRECTORY:
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_DIR_FSYNC:
    case SQLITE_IOERR_TRUNCATE:
      g_set_error_literal (error, RK_DATABASE_ERROR, code,
                           _("The changes could not be saved because the database file cannot be written; the disk may be read-only or no longer connected. Everything stays as it was; try again when it can be written."));
      return;

    default:
      g_set_error (error, RK_DATABASE_ERROR, code,
                   /* Translators: %s is an action such as “Saving the project”,
                    * the second %s SQLite's own description of the problem */
                   _("%s failed: %s."), what, sqlite3_errmsg (self->db));
    }
}

/* Whether the write-ahead log beside @path holds more than its header. */
static gboolean
wal_has_frames (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 32;
}

/* Reads the 100-byte header of an existing file and refuses what cannot be
 * a complete SQLite database, without letting SQLite touch the file. */
static gboolean
probe_header (const char  *path,
              const char  *display,
              gboolean    *is_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[100];
  gsize n_read = 0;
  goffset size;
  guint page_size;
  guint32 page_count, change_counter, valid_for;

  *is_empty = FALSE;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *is_empty = TRUE;
          return TRUE;
        }
      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CANTOPEN,
                   _("The database “%s” could not be read: %s."),
                   display, local_error->message);
      return FALSE;
    }

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, RK_DATABASE_ERROR, SQLITE_IOERR,
                   _("The database “%s” could not be read: %s."),
                   display, local_error->message);
      return FALSE;
    }

  size = g_file_info_get_size (info);
  if (size == 0)
    {
      *is_empty = TRUE;
      return TRUE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error (error, RK_DATABASE_ERROR, SQLITE_IOERR,
                   _("The database “%s” could not be read: %s."),
                   display, local_error->message);
      return FALSE;
    }

  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;

  if (n_read < sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0 ||
      page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_NOT_A_DATABASE,
                   _("The file “%s” is not a Ruhr-Konferenz database."),
                   display);
      return FALSE;
    }

  page_count = GUINT32_FROM_BE (*(guint32 *) (header + 28));
  change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
  valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));

  /* The page count in the header is only reliable when it was written by
   * the same change as the change counter (SQLite's own rule). Beside a
   * write-ahead log it is not a measure at all: a checkpoint cut short by
   * a crash leaves the new first page written and later pages not yet,
   * and SQLite completes them from the log. */
  if (!wal_has_frames (path) &&
      (size % page_size != 0 ||
       (valid_for == change_counter && (goffset) page_count * page_size > size)))
    {
      g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_TRUNCATED,
                   _("The database “%s” is incomplete: the file is shorter than its own header says, perhaps because a copy was cut off."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_OK;
}

/* Turns a failure while looking at an existing file into a sentence that
 * says what is wrong with the file, not what SQLite was doing. */
static void
set_open_error (sqlite3     *db,
                const char  *display,
                GError     **error)
{
  int code = sqlite3_extended_errcode (db);

  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, RK_DATABASE_ERROR, code,
                   _("The file “%s” is not a Ruhr-Konferenz database."),
                   display);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, RK_DATABASE_ERROR, code,
                   _("The database “%s” is damaged and cannot be used."),
                   display);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RK_DATABASE_ERROR, code,
                   _("The database “%s” is in use by another program."),
                   display);
      break;

    default:
      g_set_error (error, RK_DATABASE_ERROR, code,
                   _("The database “%s” could not be opened: %s."),
                   display, sqlite3_errmsg (db));
      break;
    }
}

static gboolean
is_writable (const char *path,
             gboolean    exists)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (exists && g_access (path, W_OK) != 0)
    return FALSE;

  /* WAL keeps two files beside the database: the folder must take them. */
  return g_access (dir, W_OK) == 0;
}

static int
open_connection (const char  *path,
                 gboolean     read_only,
                 gboolean     immutable,
                 sqlite3    **out_db)
{
  g_autofree char *uri = NULL;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc;

  flags |= read_only ? SQLITE_OPEN_READONLY
                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    uri = g_strdup (path);
  if (immutable)
    {
      char *tmp = g_strconcat (uri, "?immutable=1", NULL);
      g_free (uri);
      uri = tmp;
    }

  rc = sqlite3_open_v2 (uri, out_db, flags, NULL);
  if (*out_db != NULL)
    {
      sqlite3_extended_result_codes (*out_db, 1);
      sqlite3_busy_timeout (*out_db, 5000);
      /* Defensive, and no trust in what the file holds: a trigger or view
       * stored in it cannot call functions with side effects or use
       * virtual tables (the search index's triggers are the app's own,
       * TEMP ones: rk_schema_add_search_triggers()). */
      sqlite3_db_config (*out_db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_db_config (*out_db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      sqlite3_db_config (*out_db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
    }

  return rc;
}

/* Every object of a database's schema with its definition, in a fixed
 * order: what two databases must share to be of the same build. */
static char *
schema_text (sqlite3 *db)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
                              " ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int i = 0; i < 4; i++)
      {
        const char *value = (const char *) sqlite3_column_text (stmt, i);

        g_string_append (text, value != NULL ? value : "");
        g_string_append_c (text, i < 3 ? '\t' : '\n');
      }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The schema this build makes at @version, 0 to RK_SCHEMA_VERSION, made
 * once in memory. */
static const char *
expected_schema (int version)
{
  static char *made[RK_SCHEMA_VERSION + 1];
  static GMutex lock;
  const char *text;

  g_mutex_lock (&lock);
  if (made[version] == NULL)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
          rk_schema_migrate (db, 0, version, NULL))
        made[version] = schema_text (db);
      sqlite3_close (db);
    }
  text = made[version];
  g_mutex_unlock (&lock);

  return text;
}

static gboolean
rk_database_setup (RkDatabase  *self,
                   gboolean     is_new,
                   const char  *display,
                   GError     **error)
{
  int app_id = 0, version = 0, n_objects = 0;

  /* Look before anything is written: a file that is not ours, damaged or
   * from a newer version must stay exactly as it is. */
  if (!query_int (self->db, "PRAGMA application_id", &app_id) ||
      !query_int (self->db, "PRAGMA user_version", &version) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_objects))
    {
      set_open_error (self->db, display, error);
      return FALSE;
    }

  if (app_id != RK_APPLICATION_ID && !(app_id == 0 && n_objects == 0))
    {
      g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_FOREIGN,
                   _("The file “%s” is a database of another program, not of Ruhr-Konferenz."),
                   display);
      return FALSE;
    }

  if (version > RK_SCHEMA_VERSION)
    {
      g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Ruhr-Konferenz and cannot be opened with this one."),
                   display);
      return FALSE;
    }

  /* A file whose tables, indexes, triggers or views differ from what
   * this app makes was changed by something else: its triggers or views
   * could make the app run SQL it did not write. So was one with a
   * version below 0, which the app never writes. */
  if (version < 0 || n_objects > 0)
    {
      g_autofree char *found = schema_text (self->db);
      const char *expected = version >= 0 ? expected_schema (version) : NULL;

      if (found == NULL || expected == NULL || !g_str_equal (found, expected))
        {
          g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_ALTERED,
                       _("The structure of the database “%s” was changed outside Ruhr-Konferenz; it is not opened, so that nothing in it can act unseen."),
                       display);
          return FALSE;
        }
    }

  if (self->read_only && version < RK_SCHEMA_VERSION)
    {
      g_set_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY,
                   _("The database “%s” must be updated to this version of Ruhr-Konferenz, but it is read-only."),
                   display);
      return FALSE;
    }

  if (!self->read_only &&
      !rk_database_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  /* secure_delete overwrites what is deleted, so erased personal data
   * leaves no trace in the file. */
  if (!rk_database_exec (self,
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;",
                         error))
    return FALSE;

  if (version < RK_SCHEMA_VERSION &&
      !rk_schema_migrate (self->db, version, RK_SCHEMA_VERSION, error))
    return FALSE;

  self->schema_version = RK_SCHEMA_VERSION;

  {
    g_autoptr(RkStatement) stmt =
      rk_database_prepare (self, "SELECT value FROM local WHERE key = 'copy_id'", error);

    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      self->copy_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }

  if (self->read_only)
    return rk_database_exec (self, "PRAGMA query_only = ON", error);

  /* TEMP tables in memory: the search notes of rk-schema.c and the
   * import's staging tables. Changing this later would drop them. */
  return rk_database_exec (self, "PRAGMA temp_store = MEMORY", error) &&
         rk_schema_add_search_triggers (self->db, error) &&
         make_pending_base (self, error);
}

/**
 * rk_database_base_path:
 * @path: a database file
 *
 * Returns: the file beside it that holds its base snapshot: the records as
 *   they were at its last exchange of changes (rk-changes.c)
 */
char *
rk_database_base_path (const char *path)
{
  return g_strconcat (path, ".base", NULL);
}

/* A copy made for another laptop (rk_database_make_copy()) takes its base
 * snapshot the first time it is opened, before anything can change: as
 * one file it travels alone. */
static gboolean
make_pending_base (RkDatabase  *self,
                   GError     **error)
{
  g_autofree char *base = NULL;
  gboolean pending = FALSE;

  {
    g_autoptr(RkStatement) stmt =
      rk_database_prepare (self, "SELECT 1 FROM local WHERE key = 'base_pending'", error);

    if (stmt == NULL)
      return FALSE;
    pending = sqlite3_step (stmt) == SQLITE_ROW;
  }
  if (!pending)
    return TRUE;

  base = rk_database_base_path (self->path);
  return rk_database_backup_to (self, base, error) &&
         rk_database_exec (self, "DELETE FROM local WHERE key = 'base_pending'", error);
}

static void
rk_database_finalize (GObject *object)
{
  RkDatabase *self = (RkDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->copy_id, g_free);

  G_OBJECT_CLASS (rk_database_parent_class)->finalize (object);
}

static void
rk_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RkDatabase *self = RK_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_database_class_init (RkDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* Before the first connection: without the statistics of its memory
   * use, which the app never reads, SQLite allocates without taking a
   * lock that every thread would share. An import writes on one
   * connection while it plans on another. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  object_class->finalize = rk_database_finalize;
  object_class->get_property = rk_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RkDatabase::changed:
   * @table: the table whose row changed
   * @key: the row's key
   *
   * Emitted after a transaction that changed the row has been committed.
   * The signal is detailed by the table name, so a list of projects can
   * connect to `changed::project` alone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING);
}

static void
rk_database_init (RkDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (RkChange));
  g_array_set_clear_func (self->pending, rk_change_clear);
}

/**
 * rk_database_default_path:
 *
 * Returns: the database file used when none is named on the command line
 */
char *
rk_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ruhr-konferenz",
                           "ruhr-konferenz.db", NULL);
}

/**
 * rk_database_open:
 * @path: the database file; created with its folder when missing
 * @flags: %RK_DATABASE_OPEN_READ_ONLY to refuse every write
 * @error: a #GError in %RK_DATABASE_ERROR
 *
 * Opens the programme database, creating and migrating it as needed. A file
 * that cannot be used (not a database, cut off, damaged, of another program,
 * of a newer version) is refused with an error that says so in one
 * sentence, and its bytes are left exactly as they were. A file or folder
 * that cannot be written is opened read-only.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
RkDatabase *
rk_database_open (const char           *path,
                  RkDatabaseOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(RkDatabase) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dir = NULL;
  gboolean is_new = FALSE;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR) &&
      (flags & RK_DATABASE_OPEN_READ_ONLY) == 0 &&
      g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CANTOPEN,
                   _("The folder “%s” for the database could not be created: %s."),
                   dir_display, g_strerror (saved_errno));
      return NULL;
    }

  if (!probe_header (path, display, &is_new, error))
    return NULL;

  self = g_object_new (RK_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->read_only = (flags & RK_DATABASE_OPEN_READ_ONLY) != 0 ||
                    !is_writable (path, g_file_test (path, G_FILE_TEST_EXISTS));

  if (self->read_only && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CANTOPEN,
                   _("The database “%s” does not exist and cannot be created here, because the folder is read-only."),
                   display);
      return NULL;
    }

  rc = open_connection (path, self->read_only, FALSE, &self->db);
  if (rc != SQLITE_OK)
    {
      set_open_error (self->db, display, error);
      return NULL;
    }

  /* A database in WAL mode on a read-only folder has no shared-memory file
   * to read through; opened as immutable it can still be read. */
  if (self->read_only)
    {
      int probe;

      if (!query_int (self->db, "SELECT count(*) FROM sqlite_schema", &probe) &&
          ((sqlite3_errcode (self->db) & 0xff) == SQLITE_CANTOPEN ||
           (sqlite3_errcode (self->db) & 0xff) == SQLITE_READONLY))
        {
          sqlite3_close_v2 (self->db);
          self->db = NULL;
          rc = open_connection (path, TRUE, TRUE, &self->db);
          if (rc != SQLITE_OK)
            {
              set_open_error (self->db, display, error);
              return NULL;
            }
        }
    }

  if (!rk_database_setup (self, is_new, display, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
rk_database_get_path (RkDatabase *self)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), NULL);

  return self->path;
}

gboolean
rk_database_get_read_only (RkDatabase *self)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), TRUE);

  return self->read_only;
}

int
rk_database_get_schema_version (RkDatabase *self)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * rk_database_get_copy_id:
 *
 * Returns: the identity of this copy of the database, minted when the file
 *   was created and never part of a change package
 */
const char *
rk_database_get_copy_id (RkDatabase *self)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), NULL);

  return self->copy_id;
}

sqlite3 *
rk_database_get_handle (RkDatabase *self)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), NULL);

  return self->db;
}

/**
 * rk_database_prepare:
 * @sql: a statement; kept prepared for the life of the connection
 *
 * Returns: (transfer none): the statement, reset and with no bindings, or
 *   %NULL with @error set
 */
RkStatement *
rk_database_prepare (RkDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RK_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      rk_database_set_error (self, error, _("Preparing a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/**
 * rk_database_step_done:
 *
 * Runs @stmt, which returns no rows, to its end.
 */
gboolean
rk_database_step_done (RkDatabase   *self,
                       RkStatement  *stmt,
                       GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rk_database_set_error (self, error, _("Writing to the database"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
rk_database_exec (RkDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      rk_database_set_error (self, error, _("Running a database command"));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_database_begin:
 *
 * Starts a write transaction. Every write of the model layer runs in one,
 * so that a change is wholly there or wholly absent.
 */
gboolean
rk_database_begin (RkDatabase  *self,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (self->read_only)
    {
      g_set_error_literal (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY,
                           _("This database is read-only, so changes cannot be saved."));
      return FALSE;
    }

  if (!rk_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  return TRUE;
}

/**
 * rk_database_flush_search:
 *
 * Brings the search index up to date with the records changed so far in
 * the running transaction; rk_database_commit() does it before it
 * commits. See schema version 6 in rk-schema.c.
 */
gboolean
rk_database_flush_search (RkDatabase  *self,
                          GError     **error)
{
  const char * const *flush = rk_schema_get_search_flush ();

  for (guint i = 0; flush[i] != NULL; i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (self, flush[i], error);

      if (stmt == NULL || !rk_database_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rk_database_commit (RkDatabase  *self,
                    GError     **error)
{
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!rk_database_flush_search (self, error) ||
      !rk_database_exec (self, "COMMIT", error))
    {
      rk_database_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;

  /* Handlers may start the next transaction: hand them a fresh queue. */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (RkChange));
  g_array_set_clear_func (self->pending, rk_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      const RkChange *change = &g_array_index (pending, RkChange, i);

      g_signal_emit (self, signals[CHANGED], change->table,
                     g_quark_to_string (change->table), change->key);
    }

  return TRUE;
}

void
rk_database_rollback (RkDatabase *self)
{
  g_return_if_fail (RK_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  self->in_transaction = FALSE;
  g_array_set_size (self->pending, 0);
}

/**
 * rk_database_note_change:
 * @table: the table
 * @key: the changed row's key
 *
 * Queues a #RkDatabase::changed emission for when the running transaction
 * commits; dropped when it rolls back.
 */
void
rk_database_note_change (RkDatabase *self,
                         const char *table,
                         const char *key)
{
  RkChange change;

  g_return_if_fail (RK_IS_DATABASE (self));
  g_return_if_fail (self->in_transaction);
  g_return_if_fail (table != NULL);

  change.table = g_quark_from_string (table);
  change.key = g_strdup (key);
  g_array_append_val (self->pending, change);
}

/**
 * rk_database_check_integrity:
 *
 * Runs SQLite's full integrity check and the foreign key check; this reads
 * the whole file, so it is for `--check`, not for start-up.
 */
gboolean
rk_database_check_integrity (RkDatabase  *self,
                             GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  const char *result;

  g_return_val_if_fail (RK_IS_DATABASE (self), FALSE);

  stmt = rk_database_prepare (self, "PRAGMA integrity_check(1)", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rk_database_set_error (self, error, _("The integrity check"));
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CORRUPT,
                   _("The database “%s” is damaged: %s."), display, result);
      return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_reset);
  stmt = rk_database_prepare (self, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_FOREIGNKEY,
                   _("The database “%s” is inconsistent: a row in “%s” refers to a row that does not exist."),
                   display, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

/**
 * rk_database_count_rows:
 * @table: one of rk_database_tables
 *
 * Returns: the number of rows, or -1 with @error set
 */
gint64
rk_database_count_rows (RkDatabase  *self,
                        const char  *table,
                        GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (self), -1);

  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      g_autoptr(RkStatement) stmt = NULL;

      if (g_strcmp0 (rk_database_tables[i], table) != 0)
        continue;

      stmt = rk_database_prepare (self, count_sql[i], error);
      if (stmt == NULL)
        return -1;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          rk_database_set_error (self, error, _("Counting rows"));
          return -1;
        }
      return sqlite3_column_int64 (stmt, 0);
    }

  g_return_val_if_reached (-1);
}

/**
 * rk_timestamp_now:
 *
 * Returns: the current UTC time as ISO 8601 text with microseconds, the
 *   form of every created_at and updated_at; it sorts as text
 */
char *
rk_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/**
 * rk_new_key:
 *
 * A version 7 UUID (RFC 9562): 48 bits of the time in milliseconds, then
 * 74 random bits. The random bits keep two copies from ever minting the
 * same key; the time in front makes keys minted one after another sort
 * together, so a large import appends to the key index instead of
 * writing all over it (a tenth of the time of importing 100,000
 * projects).
 *
 * Returns: a new UUID, the key of every row the user creates
 */
char *
rk_new_key (void)
{
  guint64 ms = (guint64) g_get_real_time () / 1000;
  guint32 a = g_random_int (), b = g_random_int (), c = g_random_int ();

  return g_strdup_printf ("%08x-%04x-7%03x-%04x-%04x%08x",
                          (guint32) (ms >> 16), (guint) (ms & 0xffff),
                          a & 0xfff, 0x8000 | ((a >> 12) & 0x3fff),
                          b & 0xffff, c);
}

/**
 * rk_set_str:
 * @str_pointer: a pointer to an allocated string or %NULL
 * @new_str: (nullable): the new value
 *
 * Replaces the string when it differs (g_set_str() came with GLib 2.76).
 *
 * Returns: whether it changed
 */
gboolean
rk_set_str (char       **str_pointer,
            const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}
