/* rk-note.c: a note on the advisory board's work, linked to projects
 *
 * A note has a date, a title and a text of paragraphs; it may belong to a
 * meeting and may have a member as its author, and it names the projects
 * it concerns through note_project rows. Linking and unlinking a project
 * marks the note as changed, so that lists filtered by project follow.
 * The search index over title and text is kept by the schema's triggers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-note"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-note.h"
#include "rk-record-private.h"
#include "rk-snapshot-private.h"

struct _RkNote
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char     *meeting_id;      /* NULL when the note belongs to no meeting */
  char     *author_id;       /* NULL when no member wrote it */
  char     *date;
  char     *title;
  char     *text;
  gboolean  is_example;
  char     *created_at;
  char     *updated_at;
  GStrv     project_ids;     /* the projects concerned, by title */
};

G_DEFINE_FINAL_TYPE (RkNote, rk_note, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-note-error-quark, rk_note_error)

/* As in rk-project.c, the property ids are the column positions of
 * NOTE_COLUMNS (0 is the rowid) and the parameter numbers of the INSERT
 * and UPDATE. The linked projects are no column: they come after. */
enum {
  PROP_0,
  PROP_ID,
  PROP_MEETING_ID,
  PROP_AUTHOR_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_TEXT,
  PROP_IS_EXAMPLE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_COLUMNS,
  PROP_PROJECT_IDS = N_COLUMNS,
  N_PROPS
};

#define COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkNote, field), NULL }

static const RkColumn columns[N_COLUMNS] = {
  COLUMN (PROP_ID, "id", TEXT, id),
  COLUMN (PROP_MEETING_ID, "meeting-id", OPTIONAL_TEXT, meeting_id),
  COLUMN (PROP_AUTHOR_ID, "author-id", OPTIONAL_TEXT, author_id),
  COLUMN (PROP_DATE, "date", OPTIONAL_TEXT, date),
  COLUMN (PROP_TITLE, "title", TEXT, title),
  COLUMN (PROP_TEXT, "text", TEXT, text),
  COLUMN (PROP_IS_EXAMPLE, "is-example", BOOLEAN, is_example),
  COLUMN (PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  COLUMN (PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define NOTE_COLUMNS \
  "rowid, id, meeting_id, author_id, date, title, text, is_example, created_at, updated_at"

static GParamSpec *properties[N_PROPS];

static const RkRecordKind kind = {
  .table = "note",
  .columns = columns,
  .n_columns = N_COLUMNS,
  .pspecs = properties,
  .id_prop = PROP_ID,
  .created_prop = PROP_CREATED_AT,
  .updated_prop = PROP_UPDATED_AT,
  .rowid_offset = G_STRUCT_OFFSET (RkNote, rowid),
};

static void
rk_note_finalize (GObject *object)
{
  RkNote *self = (RkNote *) object;

  rk_record_finalize (object, columns, N_COLUMNS);
  g_strfreev (self->project_ids);

  G_OBJECT_CLASS (rk_note_parent_class)->finalize (object);
}

static void
rk_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RkNote *self = RK_NOTE (object);

  if (prop_id == PROP_PROJECT_IDS)
    g_value_set_boxed (value, self->project_ids);
  else if (prop_id > 0 && prop_id < N_COLUMNS)
    rk_record_get_property (object, &columns[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rk_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_COLUMNS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (rk_record_set_column (object, &columns[prop_id], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_note_class_init (RkNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_note_finalize;
  object_class->get_property = rk_note_get_property;
  object_class->set_property = rk_note_set_property;

  rk_record_install_properties (object_class, columns, N_COLUMNS, properties);

  /* Read-only: links are written by rk_note_link_project() and
   * rk_note_unlink_project(), each in a transaction of its own. */
  properties[PROP_PROJECT_IDS] =
    g_param_spec_boxed ("project-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_PROJECT_IDS, properties[PROP_PROJECT_IDS]);
}

static void
rk_note_init (RkNote *self)
{
  rk_record_init (self, columns, N_COLUMNS);
  self->project_ids = g_new0 (char *, 1);
}

/**
 * rk_note_new:
 *
 * Returns: (transfer full): a note that is not stored yet
 */
RkNote *
rk_note_new (void)
{
  return g_object_new (RK_TYPE_NOTE, NULL);
}

/* The projects a note concerns, by title. */
static GStrv
load_project_ids (RkDatabase  *db,
                  const char  *note_id,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RkStatement) stmt = NULL;

  stmt = rk_database_prepare (db, "SELECT np.project_id FROM note_project np"
                                  " JOIN project p ON p.id = np.project_id"
                                  " WHERE np.note_id = ? ORDER BY p.title COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, note_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

static void
take_project_ids (RkNote *self,
                  GStrv   ids)
{
  if (g_strv_equal ((const char * const *) self->project_ids, (const char * const *) ids))
    {
      g_strfreev (ids);
      return;
    }

  g_strfreev (self->project_ids);
  self->project_ids = ids;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT_IDS]);
}

/* Reads a row of NOTE_COLUMNS and the linked projects, notifying what
 * changed in one batch. */
static gboolean
read_note (RkNote        *self,
           RkDatabase    *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  GStrv ids;

  g_object_freeze_notify (G_OBJECT (self));
  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, columns, N_COLUMNS, properties, stmt);
  ids = load_project_ids (db, self->id, error);
  if (ids != NULL)
    take_project_ids (self, ids);
  g_object_thaw_notify (G_OBJECT (self));

  return ids != NULL;
}

static RkNote *
load_where (RkDatabase  *db,
            const char  *sql,
            const char  *id,
            gint64       rowid,
            GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  g_autoptr(RkNote) self = NULL;

  if (stmt == NULL)
    return NULL;

  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_NOTE_ERROR, RK_NOTE_ERROR_NOT_FOUND,
                           _("The note no longer exists."));
      return NULL;
    }

  self = rk_note_new ();
  if (!read_note (self, db, stmt, error))
    return NULL;
  return g_steal_pointer (&self);
}

RkNote *
rk_note_load (RkDatabase  *db,
              const char  *id,
              GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_where (db, "SELECT " NOTE_COLUMNS " FROM note WHERE id = ?", id, 0, error);
}

RkNote *
rk_note_load_by_rowid (RkDatabase  *db,
                       gint64       rowid,
                       GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return load_where (db, "SELECT " NOTE_COLUMNS " FROM note WHERE rowid = ?", NULL, rowid, error);
}

/**
 * rk_note_reload:
 *
 * Reads the stored values and links again; properties that changed are
 * notified, so rows and pages bound to them follow.
 */
gboolean
rk_note_reload (RkNote      *self,
                RkDatabase  *db,
                GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  stmt = rk_database_prepare (db, "SELECT " NOTE_COLUMNS " FROM note WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_NOTE_ERROR, RK_NOTE_ERROR_NOT_FOUND,
                           _("The note no longer exists."));
      return FALSE;
    }

  return read_note (self, db, stmt, error);
}

/**
 * rk_note_validate:
 *
 * Checks what the database would refuse, with a sentence the interface
 * can show at the field: a note has a valid date. Title and text may be
 * empty while it is being written; meeting and author are optional.
 */
gboolean
rk_note_validate (RkNote  *self,
                  GError **error)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);

  if (self->date == NULL)
    {
      g_set_error_literal (error, RK_NOTE_ERROR, RK_NOTE_ERROR_DATE_REQUIRED,
                           _("A note needs a date."));
      return FALSE;
    }

  if (!rk_iso_date_is_valid (self->date))
    {
      g_set_error_literal (error, RK_NOTE_ERROR, RK_NOTE_ERROR_INVALID_DATE,
                           _("The date of the note is not valid."));
      return FALSE;
    }

  return TRUE;
}

/* Validates, then writes every column in a transaction of its own. */
static gboolean
write_note (RkNote      *self,
            RkDatabase  *db,
            const char  *sql,
            GError     **error)
{
  return rk_note_validate (self, error) &&
         rk_record_write (self, &kind, db, sql, NULL, error);
}

/**
 * rk_note_insert:
 *
 * Stores a new note under a new key.
 */
gboolean
rk_note_insert (RkNote      *self,
                RkDatabase  *db,
                GError     **error)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  rk_record_new_key (self, &kind);

  return write_note (self, db,
                     "INSERT INTO note (id, meeting_id, author_id, date, title, text, is_example,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                     error);
}

/**
 * rk_note_save:
 *
 * Writes every attribute of a stored note, in one transaction, and marks
 * it as changed now.
 */
gboolean
rk_note_save (RkNote      *self,
              RkDatabase  *db,
              GError     **error)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  return write_note (self, db,
                     "UPDATE note SET meeting_id = ?2, author_id = ?3, date = ?4, title = ?5,"
                     " text = ?6, is_example = ?7, created_at = ?8, updated_at = ?9"
                     " WHERE id = ?1",
                     error);
}

/* The rows a note's deletion removes, the note first. */
static const RkSnapshotRow note_rows[] = {
  { "note", "id", RK_SNAPSHOT_INSERT, FALSE },
  { "note_project", "note_id", RK_SNAPSHOT_INSERT, FALSE },
};

/**
 * rk_note_delete:
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs to
 *   bring the note back exactly, with its links to projects
 *
 * Deletes a note and its links, in one transaction.
 */
gboolean
rk_note_delete (RkDatabase  *db,
                const char  *id,
                RkSnapshot **out_snapshot,
                GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rk_snapshot_delete (db, id, note_rows, G_N_ELEMENTS (note_rows),
                             RK_NOTE_ERROR, RK_NOTE_ERROR_NOT_FOUND,
                             _("The note no longer exists."),
                             out_snapshot, error);
}

/**
 * rk_note_equal_values:
 *
 * Returns: whether both hold the same attributes (keys, timestamps and
 *   links aside: links are stored as they are made)
 */
gboolean
rk_note_equal_values (RkNote *self,
                      RkNote *other)
{
  g_return_val_if_fail (RK_IS_NOTE (self) && RK_IS_NOTE (other), FALSE);

  return rk_record_equal_columns (self, other, columns, PROP_MEETING_ID, PROP_IS_EXAMPLE);
}

/**
 * rk_note_copy:
 *
 * Returns: (transfer full): a detached copy with the same values, key,
 *   timestamps and links, for undoing edits
 */
RkNote *
rk_note_copy (RkNote *self)
{
  RkNote *copy;

  g_return_val_if_fail (RK_IS_NOTE (self), NULL);

  copy = rk_note_new ();
  copy->rowid = self->rowid;
  rk_record_copy_columns (copy, self, columns, PROP_ID, PROP_UPDATED_AT);
  g_strfreev (copy->project_ids);
  copy->project_ids = g_strdupv (self->project_ids);
  return copy;
}

/**
 * rk_note_set_values_from:
 * @other: a note whose attributes to take
 *
 * Takes every attribute of @other (not its key, timestamps or links),
 * notifying what changes; how Undo puts an earlier state back.
 */
void
rk_note_set_values_from (RkNote *self,
                         RkNote *other)
{
  g_return_if_fail (RK_IS_NOTE (self) && RK_IS_NOTE (other));

  rk_record_copy_columns (self, other, columns, PROP_MEETING_ID, PROP_IS_EXAMPLE);
}

/* Adds (@link) or removes the link row between the note and a project,
 * marks the note as changed and takes the stored links and change time
 * back into @self, in one transaction. */
static gboolean
write_link (RkNote      *self,
            RkDatabase  *db,
            const char  *project_id,
            gboolean     link,
            GError     **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autofree char *key = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  GStrv ids;

  if (!rk_database_begin (db, error))
    return FALSE;

  /* Linking again, or removing a link that is not there, changes nothing
   * and announces nothing; a project that is gone cannot be linked. */
  if (link)
    stmt = rk_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM project WHERE id = ?2),"
                                    " EXISTS (SELECT 1 FROM note_project"
                                    " WHERE note_id = ?1 AND project_id = ?2)", error);
  else
    stmt = rk_database_prepare (db, "SELECT 1, id FROM note_project"
                                    " WHERE note_id = ?1 AND project_id = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, project_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (link && sqlite3_column_int (stmt, 0) == 0)
        {
          g_set_error_literal (error, RK_NOTE_ERROR, RK_NOTE_ERROR_PROJECT_NOT_FOUND,
                               _("The project no longer exists."));
          goto failed;
        }
      if (link && sqlite3_column_int (stmt, 1) == 0)
        key = rk_new_key ();
      else if (!link)
        key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  if (key == NULL)
    {
      rk_database_rollback (db);
      return TRUE;
    }

  if (link)
    stmt = rk_database_prepare (db, "INSERT INTO note_project (id, note_id, project_id,"
                                    " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)", error);
  else
    stmt = rk_database_prepare (db, "DELETE FROM note_project WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  /* The DELETE uses ?1 only: binding the others is a harmless SQLITE_RANGE. */
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, project_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_reset);
  rk_database_note_change (db, "note_project", key);

  stmt = rk_database_prepare (db, "UPDATE note SET updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_reset);

  ids = load_project_ids (db, self->id, error);
  if (ids == NULL)
    goto failed;

  rk_database_note_change (db, "note", self->id);
  if (!rk_database_commit (db, error))
    {
      g_strfreev (ids);
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (rk_set_str (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  take_project_ids (self, ids);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

/**
 * rk_note_link_project:
 * @project_id: the key of a project the note concerns
 *
 * Links a stored note to a project, in one transaction; linking it again
 * changes nothing.
 */
gboolean
rk_note_link_project (RkNote      *self,
                      RkDatabase  *db,
                      const char  *project_id,
                      GError     **error)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL && project_id != NULL, FALSE);

  return write_link (self, db, project_id, TRUE, error);
}

/**
 * rk_note_unlink_project:
 *
 * Removes the link between a note and a project, in one transaction.
 */
gboolean
rk_note_unlink_project (RkNote      *self,
                        RkDatabase  *db,
                        const char  *project_id,
                        GError     **error)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL && project_id != NULL, FALSE);

  return write_link (self, db, project_id, FALSE, error);
}

const char *
rk_note_get_id (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->id;
}

gint64
rk_note_get_rowid (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), 0);
  return self->rowid;
}

const char *
rk_note_get_meeting_id (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->meeting_id;
}

const char *
rk_note_get_author_id (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->author_id;
}

const char *
rk_note_get_date (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->date;
}

const char *
rk_note_get_title (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->title;
}

const char *
rk_note_get_text (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->text;
}

gboolean
rk_note_get_is_example (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), FALSE);
  return self->is_example;
}

const char *
rk_note_get_updated_at (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return self->updated_at;
}

/**
 * rk_note_get_project_ids:
 *
 * Returns: (transfer none): the keys of the projects the note concerns,
 *   by title
 */
const char * const *
rk_note_get_project_ids (RkNote *self)
{
  g_return_val_if_fail (RK_IS_NOTE (self), NULL);
  return (const char * const *) self->project_ids;
}
