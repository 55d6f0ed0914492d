/* rk-board.c: the advisory board's members and meetings
 *
 * A member has a name, the organisation and function they sit for, and
 * the dates they were active from and to; a member without an end date, or
 * with one still ahead, is current, the others are former members. A
 * meeting has a date, a place, a title and the members present, which are
 * rows of meeting_member and are written with the meeting, in its
 * transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-board"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-board.h"
#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-record-private.h"
#include "rk-snapshot-private.h"

struct _RkBoardMember
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char     *name;
  char     *organisation;
  char     *function;
  char     *active_from;     /* ISO dates, NULL when unknown */
  char     *active_to;       /* NULL while the membership lasts */
  gboolean  is_example;
  char     *created_at;
  char     *updated_at;
};

struct _RkMeeting
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char     *date;
  char     *place;
  char     *title;
  gboolean  is_example;
  char     *created_at;
  char     *updated_at;
  GStrv     member_ids;      /* the members present, by name */
};

G_DEFINE_FINAL_TYPE (RkBoardMember, rk_board_member, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RkMeeting, rk_meeting, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-board-error-quark, rk_board_error)

/* As in rk-project.c, the property ids are the column positions of the
 * *_COLUMNS lists (0 is the rowid) and the parameter numbers of the INSERT
 * and UPDATE statements. */
enum {
  MEMBER_PROP_0,
  MEMBER_PROP_ID,
  MEMBER_PROP_NAME,
  MEMBER_PROP_ORGANISATION,
  MEMBER_PROP_FUNCTION,
  MEMBER_PROP_ACTIVE_FROM,
  MEMBER_PROP_ACTIVE_TO,
  MEMBER_PROP_IS_EXAMPLE,
  MEMBER_PROP_CREATED_AT,
  MEMBER_PROP_UPDATED_AT,
  N_MEMBER_PROPS
};

#define MEMBER_COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkBoardMember, field), NULL }

static const RkColumn member_columns[N_MEMBER_PROPS] = {
  MEMBER_COLUMN (MEMBER_PROP_ID, "id", TEXT, id),
  MEMBER_COLUMN (MEMBER_PROP_NAME, "name", TEXT, name),
  MEMBER_COLUMN (MEMBER_PROP_ORGANISATION, "organisation", TEXT, organisation),
  MEMBER_COLUMN (MEMBER_PROP_FUNCTION, "function", TEXT, function),
  MEMBER_COLUMN (MEMBER_PROP_ACTIVE_FROM, "active-from", OPTIONAL_TEXT, active_from),
  MEMBER_COLUMN (MEMBER_PROP_ACTIVE_TO, "active-to", OPTIONAL_TEXT, active_to),
  MEMBER_COLUMN (MEMBER_PROP_IS_EXAMPLE, "is-example", BOOLEAN, is_example),
  MEMBER_COLUMN (MEMBER_PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  MEMBER_COLUMN (MEMBER_PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define MEMBER_COLUMNS \
  "rowid, id, name, organisation, function, active_from, active_to, is_example," \
  " created_at, updated_at"

static GParamSpec *member_properties[N_MEMBER_PROPS];

static const RkRecordKind member_kind = {
  .table = "board_member",
  .columns = member_columns,
  .n_columns = N_MEMBER_PROPS,
  .pspecs = member_properties,
  .id_prop = MEMBER_PROP_ID,
  .created_prop = MEMBER_PROP_CREATED_AT,
  .updated_prop = MEMBER_PROP_UPDATED_AT,
  .rowid_offset = G_STRUCT_OFFSET (RkBoardMember, rowid),
};

/* The members present are no column of the meeting row; their property
 * comes after the columns. */
enum {
  MEETING_PROP_0,
  MEETING_PROP_ID,
  MEETING_PROP_DATE,
  MEETING_PROP_PLACE,
  MEETING_PROP_TITLE,
  MEETING_PROP_IS_EXAMPLE,
  MEETING_PROP_CREATED_AT,
  MEETING_PROP_UPDATED_AT,
  N_MEETING_COLUMNS,
  MEETING_PROP_MEMBER_IDS = N_MEETING_COLUMNS,
  N_MEETING_PROPS
};

#define MEETING_COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkMeeting, field), NULL }

static const RkColumn meeting_columns[N_MEETING_COLUMNS] = {
  MEETING_COLUMN (MEETING_PROP_ID, "id", TEXT, id),
  MEETING_COLUMN (MEETING_PROP_DATE, "date", OPTIONAL_TEXT, date),
  MEETING_COLUMN (MEETING_PROP_PLACE, "place", TEXT, place),
  MEETING_COLUMN (MEETING_PROP_TITLE, "title", TEXT, title),
  MEETING_COLUMN (MEETING_PROP_IS_EXAMPLE, "is-example", BOOLEAN, is_example),
  MEETING_COLUMN (MEETING_PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  MEETING_COLUMN (MEETING_PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define MEETING_COLUMNS \
  "rowid, id, date, place, title, is_example, created_at, updated_at"

static GParamSpec *meeting_properties[N_MEETING_PROPS];

static const RkRecordKind meeting_kind = {
  .table = "meeting",
  .columns = meeting_columns,
  .n_columns = N_MEETING_COLUMNS,
  .pspecs = meeting_properties,
  .id_prop = MEETING_PROP_ID,
  .created_prop = MEETING_PROP_CREATED_AT,
  .updated_prop = MEETING_PROP_UPDATED_AT,
  .rowid_offset = G_STRUCT_OFFSET (RkMeeting, rowid),
};

/* ------------------------------------------------------------------ */
/* Shared by both kinds                                                */
/* ------------------------------------------------------------------ */

/**
 * rk_today:
 *
 * Returns: the local date today as `YYYY-MM-DD`, what "current" is
 *   measured against
 */
char *
rk_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The rows a deletion removes or changes, the record itself first; the
 * attendance rows and notes it touches are announced. */
static const RkSnapshotRow member_rows[] = {
  { "board_member", "id", RK_SNAPSHOT_INSERT, FALSE },
  { "meeting_member", "board_member_id", RK_SNAPSHOT_INSERT, TRUE },
  { "note", "author_id", RK_SNAPSHOT_RELINK, TRUE },
};

static const RkSnapshotRow meeting_rows[] = {
  { "meeting", "id", RK_SNAPSHOT_INSERT, FALSE },
  { "meeting_member", "meeting_id", RK_SNAPSHOT_INSERT, TRUE },
  { "note", "meeting_id", RK_SNAPSHOT_RELINK, TRUE },
};

/* ------------------------------------------------------------------ */
/* Members                                                             */
/* ------------------------------------------------------------------ */

static void
rk_board_member_finalize (GObject *object)
{
  rk_record_finalize (object, member_columns, N_MEMBER_PROPS);

  G_OBJECT_CLASS (rk_board_member_parent_class)->finalize (object);
}

static void
rk_board_member_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_MEMBER_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  rk_record_get_property (object, &member_columns[prop_id], value);
}

static void
rk_board_member_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_MEMBER_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (rk_record_set_column (object, &member_columns[prop_id], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_board_member_class_init (RkBoardMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_board_member_finalize;
  object_class->get_property = rk_board_member_get_property;
  object_class->set_property = rk_board_member_set_property;

  rk_record_install_properties (object_class, member_columns, N_MEMBER_PROPS, member_properties);
}

static void
rk_board_member_init (RkBoardMember *self)
{
  rk_record_init (self, member_columns, N_MEMBER_PROPS);
}

/**
 * rk_board_member_new:
 *
 * Returns: (transfer full): a member that is not stored yet
 */
RkBoardMember *
rk_board_member_new (void)
{
  return g_object_new (RK_TYPE_BOARD_MEMBER, NULL);
}

static void
read_member_row (RkBoardMember *self,
                 sqlite3_stmt  *stmt)
{
  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, member_columns, N_MEMBER_PROPS, member_properties, stmt);
}

RkBoardMember *
rk_board_member_load (RkDatabase  *db,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(RkBoardMember) self = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = rk_database_prepare (db, "SELECT " MEMBER_COLUMNS " FROM board_member WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                           _("The board member no longer exists."));
      return NULL;
    }

  self = rk_board_member_new ();
  read_member_row (self, stmt);
  return g_steal_pointer (&self);
}

/**
 * rk_board_member_reload:
 *
 * Reads the stored values again; properties that changed are notified.
 */
gboolean
rk_board_member_reload (RkBoardMember  *self,
                        RkDatabase     *db,
                        GError        **error)
{
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  stmt = rk_database_prepare (db, "SELECT " MEMBER_COLUMNS " FROM board_member WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                           _("The board member no longer exists."));
      return FALSE;
    }

  read_member_row (self, stmt);
  return TRUE;
}

/**
 * rk_board_member_validate:
 *
 * Checks what the database would refuse, with a sentence the interface
 * can show at the field: a name, valid dates, and a membership that does
 * not end before it began.
 */
gboolean
rk_board_member_validate (RkBoardMember  *self,
                          GError        **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);

  name = g_strstrip (g_strdup (self->name));
  if (*name == '\0')
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NAME_REQUIRED,
                           _("A board member needs a name."));
      return FALSE;
    }

  if ((self->active_from != NULL && !rk_iso_date_is_valid (self->active_from)) ||
      (self->active_to != NULL && !rk_iso_date_is_valid (self->active_to)))
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_INVALID_DATE,
                           _("A date is not valid."));
      return FALSE;
    }

  if (self->active_from != NULL && self->active_to != NULL &&
      strcmp (self->active_to, self->active_from) < 0)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_END_BEFORE_START,
                           _("The membership cannot end before it began: “active to” lies before “active from”."));
      return FALSE;
    }

  return TRUE;
}

/* Validates, then writes every column in a transaction of its own. */
static gboolean
write_member (RkBoardMember  *self,
              RkDatabase     *db,
              const char     *sql,
              GError        **error)
{
  return rk_board_member_validate (self, error) &&
         rk_record_write (self, &member_kind, db, sql, NULL, error);
}

/**
 * rk_board_member_insert:
 *
 * Stores a new member under a new key.
 */
gboolean
rk_board_member_insert (RkBoardMember  *self,
                        RkDatabase     *db,
                        GError        **error)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  rk_record_new_key (self, &member_kind);

  return write_member (self, db,
                       "INSERT INTO board_member (id, name, organisation, function, active_from,"
                       " active_to, is_example, created_at, updated_at)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                       error);
}

/**
 * rk_board_member_save:
 *
 * Writes every attribute of a stored member, in one transaction.
 */
gboolean
rk_board_member_save (RkBoardMember  *self,
                      RkDatabase     *db,
                      GError        **error)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  return write_member (self, db,
                       "UPDATE board_member SET name = ?2, organisation = ?3, function = ?4,"
                       " active_from = ?5, active_to = ?6, is_example = ?7, created_at = ?8,"
                       " updated_at = ?9 WHERE id = ?1",
                       error);
}

/**
 * rk_board_member_delete:
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs to
 *   bring the member back, with their attendance and authorship
 *
 * Deletes a member in one transaction. Their notes stay, without an
 * author; their attendance at meetings goes with them.
 */
gboolean
rk_board_member_delete (RkDatabase  *db,
                        const char  *id,
                        RkSnapshot **out_snapshot,
                        GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rk_snapshot_delete (db, id, member_rows, G_N_ELEMENTS (member_rows),
                             RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                             _("The board member no longer exists."),
                             out_snapshot, error);
}

/**
 * rk_board_member_equal_values:
 *
 * Returns: whether both hold the same attributes (keys and timestamps
 *   aside)
 */
gboolean
rk_board_member_equal_values (RkBoardMember *self,
                              RkBoardMember *other)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self) && RK_IS_BOARD_MEMBER (other), FALSE);

  return rk_record_equal_columns (self, other, member_columns,
                                  MEMBER_PROP_NAME, MEMBER_PROP_IS_EXAMPLE);
}

/**
 * rk_board_member_copy:
 *
 * Returns: (transfer full): a detached copy with the same values, key and
 *   timestamps, for undoing edits
 */
RkBoardMember *
rk_board_member_copy (RkBoardMember *self)
{
  RkBoardMember *copy;

  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);

  copy = rk_board_member_new ();
  copy->rowid = self->rowid;
  rk_record_copy_columns (copy, self, member_columns, MEMBER_PROP_ID, MEMBER_PROP_UPDATED_AT);
  return copy;
}

/**
 * rk_board_member_set_values_from:
 * @other: a member whose attributes to take
 *
 * Takes every attribute of @other (not its key or timestamps), notifying
 * what changes; how Undo puts an earlier state back.
 */
void
rk_board_member_set_values_from (RkBoardMember *self,
                                 RkBoardMember *other)
{
  g_return_if_fail (RK_IS_BOARD_MEMBER (self) && RK_IS_BOARD_MEMBER (other));

  rk_record_copy_columns (self, other, member_columns, MEMBER_PROP_NAME, MEMBER_PROP_IS_EXAMPLE);
}

/**
 * rk_board_member_is_current:
 * @today: the date to measure against, as `YYYY-MM-DD`
 *
 * Returns: whether the membership has not ended by @today; a member
 *   without an end date is current
 */
gboolean
rk_board_member_is_current (RkBoardMember *self,
                            const char    *today)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return self->active_to == NULL || strcmp (self->active_to, today) >= 0;
}

const char *
rk_board_member_get_id (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->id;
}

const char *
rk_board_member_get_name (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->name;
}

const char *
rk_board_member_get_organisation (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->organisation;
}

const char *
rk_board_member_get_function (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->function;
}

const char *
rk_board_member_get_active_from (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->active_from;
}

const char *
rk_board_member_get_active_to (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->active_to;
}

gboolean
rk_board_member_get_is_example (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), FALSE);
  return self->is_example;
}

const char *
rk_board_member_get_updated_at (RkBoardMember *self)
{
  g_return_val_if_fail (RK_IS_BOARD_MEMBER (self), NULL);
  return self->updated_at;
}

/**
 * rk_database_list_board_members:
 *
 * Returns: (transfer full): every member as #RkBoardMember, the current
 *   ones first, each group by name; %NULL with @error set
 */
GListModel *
rk_database_list_board_members (RkDatabase  *db,
                                GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_BOARD_MEMBER);
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *today = rk_today ();
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT " MEMBER_COLUMNS " FROM board_member"
                                  " ORDER BY active_to IS NOT NULL AND active_to < ?1,"
                                  " name COLLATE NOCASE, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RkBoardMember) member = rk_board_member_new ();

      read_member_row (member, stmt);
      g_list_store_append (store, member);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Listing the board members"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ------------------------------------------------------------------ */
/* Meetings                                                            */
/* ------------------------------------------------------------------ */

static void
rk_meeting_finalize (GObject *object)
{
  RkMeeting *self = (RkMeeting *) object;

  rk_record_finalize (object, meeting_columns, N_MEETING_COLUMNS);
  g_strfreev (self->member_ids);

  G_OBJECT_CLASS (rk_meeting_parent_class)->finalize (object);
}

static void
rk_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RkMeeting *self = RK_MEETING (object);

  if (prop_id == MEETING_PROP_MEMBER_IDS)
    g_value_set_boxed (value, self->member_ids);
  else if (prop_id > 0 && prop_id < N_MEETING_COLUMNS)
    rk_record_get_property (object, &meeting_columns[prop_id], value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static gboolean
same_members (const char * const *a,
              const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((GStrv) a) : 0;
  guint n_b = b != NULL ? g_strv_length ((GStrv) b) : 0;

  if (n_a != n_b)
    return FALSE;

  /* A set: the order the interface ticks them in does not matter. */
  for (guint i = 0; i < n_a; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;

  return TRUE;
}

static void
rk_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RkMeeting *self = RK_MEETING (object);

  if (prop_id == MEETING_PROP_MEMBER_IDS)
    {
      const char * const *ids = g_value_get_boxed (value);

      if (same_members ((const char * const *) self->member_ids, ids))
        return;
      g_strfreev (self->member_ids);
      self->member_ids = ids != NULL ? g_strdupv ((GStrv) ids) : g_new0 (char *, 1);
      g_object_notify_by_pspec (object, pspec);
    }
  else if (prop_id > 0 && prop_id < N_MEETING_COLUMNS)
    {
      if (rk_record_set_column (object, &meeting_columns[prop_id], value))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
rk_meeting_class_init (RkMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_meeting_finalize;
  object_class->get_property = rk_meeting_get_property;
  object_class->set_property = rk_meeting_set_property;

  rk_record_install_properties (object_class, meeting_columns, N_MEETING_COLUMNS, meeting_properties);
  meeting_properties[MEETING_PROP_MEMBER_IDS] =
    g_param_spec_boxed ("member-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, MEETING_PROP_MEMBER_IDS,
                                   meeting_properties[MEETING_PROP_MEMBER_IDS]);
}

static void
rk_meeting_init (RkMeeting *self)
{
  rk_record_init (self, meeting_columns, N_MEETING_COLUMNS);
  self->member_ids = g_new0 (char *, 1);
}

/**
 * rk_meeting_new:
 *
 * Returns: (transfer full): a meeting that is not stored yet
 */
RkMeeting *
rk_meeting_new (void)
{
  return g_object_new (RK_TYPE_MEETING, NULL);
}

/* The members present at a meeting, by name. */
static GStrv
load_member_ids (RkDatabase  *db,
                 const char  *meeting_id,
                 GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RkStatement) stmt = NULL;

  stmt = rk_database_prepare (db, "SELECT mm.board_member_id FROM meeting_member mm"
                                  " JOIN board_member b ON b.id = mm.board_member_id"
                                  " WHERE mm.meeting_id = ? ORDER BY b.name COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

static void
set_member_ids (RkMeeting *self,
                GStrv      ids)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_take_boxed (&value, ids);
  g_object_set_property (G_OBJECT (self), "member-ids", &value);
}

/* Reads a row of MEETING_COLUMNS and the members present. */
static gboolean
read_meeting (RkMeeting     *self,
              RkDatabase    *db,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  GStrv ids;

  g_object_freeze_notify (G_OBJECT (self));
  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, meeting_columns, N_MEETING_COLUMNS, meeting_properties, stmt);
  ids = load_member_ids (db, self->id, error);
  if (ids != NULL)
    set_member_ids (self, ids);
  g_object_thaw_notify (G_OBJECT (self));

  return ids != NULL;
}

RkMeeting *
rk_meeting_load (RkDatabase  *db,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(RkMeeting) self = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = rk_database_prepare (db, "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                           _("The meeting no longer exists."));
      return NULL;
    }

  self = rk_meeting_new ();
  if (!read_meeting (self, db, stmt, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * rk_meeting_reload:
 *
 * Reads the stored values and the members present again; properties that
 * changed are notified.
 */
gboolean
rk_meeting_reload (RkMeeting   *self,
                   RkDatabase  *db,
                   GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  stmt = rk_database_prepare (db, "SELECT " MEETING_COLUMNS " FROM meeting WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                           _("The meeting no longer exists."));
      return FALSE;
    }

  return read_meeting (self, db, stmt, error);
}

/**
 * rk_meeting_validate:
 *
 * Checks what the database would refuse, with a sentence the interface
 * can show at the field: a meeting has a valid date.
 */
gboolean
rk_meeting_validate (RkMeeting  *self,
                     GError    **error)
{
  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);

  if (self->date == NULL)
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_DATE_REQUIRED,
                           _("A meeting needs a date."));
      return FALSE;
    }

  if (!rk_iso_date_is_valid (self->date))
    {
      g_set_error_literal (error, RK_BOARD_ERROR, RK_BOARD_ERROR_INVALID_DATE,
                           _("The date of the meeting is not valid."));
      return FALSE;
    }

  return TRUE;
}

/* Makes the attendance rows say who was present, inside the running
 * transaction: rows of members no longer ticked go, new ones come with
 * keys of their own, the others stay as they are. */
static gboolean
write_attendance (RkMeeting   *self,
                  RkDatabase  *db,
                  const char  *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) stored_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stored_members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RkStatement) stmt = NULL;

  stmt = rk_database_prepare (db, "SELECT id, board_member_id FROM meeting_member"
                                  " WHERE meeting_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (stored_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (stored_members, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  for (guint i = 0; i < stored_ids->len; i++)
    {
      if (g_strv_contains ((const char * const *) self->member_ids,
                           g_ptr_array_index (stored_members, i)))
        continue;

      stmt = rk_database_prepare (db, "DELETE FROM meeting_member WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (stored_ids, i), -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_reset);
      rk_database_note_change (db, "meeting_member", g_ptr_array_index (stored_ids, i));
    }

  for (guint i = 0; self->member_ids[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      gboolean stored = FALSE;

      for (guint j = 0; j < stored_members->len && !stored; j++)
        stored = g_str_equal (g_ptr_array_index (stored_members, j), self->member_ids[i]);
      if (stored)
        continue;

      key = rk_new_key ();
      stmt = rk_database_prepare (db, "INSERT INTO meeting_member (id, meeting_id, board_member_id,"
                                      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, self->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, self->member_ids[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_reset);
      rk_database_note_change (db, "meeting_member", key);
    }

  return TRUE;
}

static gboolean
write_attendance_cb (gpointer     self,
                     RkDatabase  *db,
                     const char  *now,
                     GError     **error)
{
  return write_attendance (self, db, now, error);
}

/* Validates, then writes every column and the attendance, in one
 * transaction. */
static gboolean
write_meeting (RkMeeting   *self,
               RkDatabase  *db,
               const char  *sql,
               GError     **error)
{
  return rk_meeting_validate (self, error) &&
         rk_record_write (self, &meeting_kind, db, sql, write_attendance_cb, error);
}

/**
 * rk_meeting_insert:
 *
 * Stores a new meeting and its members present under new keys.
 */
gboolean
rk_meeting_insert (RkMeeting   *self,
                   RkDatabase  *db,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  rk_record_new_key (self, &meeting_kind);

  return write_meeting (self, db,
                        "INSERT INTO meeting (id, date, place, title, is_example, created_at,"
                        " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        error);
}

/**
 * rk_meeting_save:
 *
 * Writes every attribute of a stored meeting and who was present, in one
 * transaction.
 */
gboolean
rk_meeting_save (RkMeeting   *self,
                 RkDatabase  *db,
                 GError     **error)
{
  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  return write_meeting (self, db,
                        "UPDATE meeting SET date = ?2, place = ?3, title = ?4, is_example = ?5,"
                        " created_at = ?6, updated_at = ?7 WHERE id = ?1",
                        error);
}

/**
 * rk_meeting_delete:
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs to
 *   bring the meeting back, with its attendance and its notes' links
 *
 * Deletes a meeting in one transaction. Its notes stay, without a
 * meeting.
 */
gboolean
rk_meeting_delete (RkDatabase  *db,
                   const char  *id,
                   RkSnapshot **out_snapshot,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rk_snapshot_delete (db, id, meeting_rows, G_N_ELEMENTS (meeting_rows),
                             RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND,
                             _("The meeting no longer exists."),
                             out_snapshot, error);
}

/**
 * rk_meeting_equal_values:
 *
 * Returns: whether both hold the same attributes and members present
 *   (keys and timestamps aside)
 */
gboolean
rk_meeting_equal_values (RkMeeting *self,
                         RkMeeting *other)
{
  g_return_val_if_fail (RK_IS_MEETING (self) && RK_IS_MEETING (other), FALSE);

  return rk_record_equal_columns (self, other, meeting_columns,
                                  MEETING_PROP_DATE, MEETING_PROP_IS_EXAMPLE) &&
         same_members ((const char * const *) self->member_ids,
                       (const char * const *) other->member_ids);
}

/**
 * rk_meeting_copy:
 *
 * Returns: (transfer full): a detached copy with the same values, key,
 *   timestamps and members present, for undoing edits
 */
RkMeeting *
rk_meeting_copy (RkMeeting *self)
{
  RkMeeting *copy;

  g_return_val_if_fail (RK_IS_MEETING (self), NULL);

  copy = rk_meeting_new ();
  copy->rowid = self->rowid;
  rk_record_copy_columns (copy, self, meeting_columns, MEETING_PROP_ID, MEETING_PROP_UPDATED_AT);
  set_member_ids (copy, g_strdupv (self->member_ids));
  return copy;
}

/**
 * rk_meeting_set_values_from:
 * @other: a meeting whose attributes to take
 *
 * Takes every attribute and the members present of @other (not its key or
 * timestamps), notifying what changes.
 */
void
rk_meeting_set_values_from (RkMeeting *self,
                            RkMeeting *other)
{
  g_return_if_fail (RK_IS_MEETING (self) && RK_IS_MEETING (other));

  g_object_freeze_notify (G_OBJECT (self));
  rk_record_copy_columns (self, other, meeting_columns, MEETING_PROP_DATE, MEETING_PROP_IS_EXAMPLE);
  set_member_ids (self, g_strdupv (other->member_ids));
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rk_meeting_dup_label:
 *
 * Returns: the meeting as lists and choosers name it: its date in the
 *   locale's form and its title, if it has one
 */
char *
rk_meeting_dup_label (RkMeeting *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RK_IS_MEETING (self), NULL);

  date = rk_format_date (self->date);
  if (*self->title == '\0')
    return g_steal_pointer (&date);

  /* Translators: a meeting as a list names it, its date and its title,
   * e.g. “22.10.2018 – Konstituierende Sitzung” */
  return g_strdup_printf (_("%s – %s"), date, self->title);
}

const char *
rk_meeting_get_id (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->id;
}

const char *
rk_meeting_get_date (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->date;
}

const char *
rk_meeting_get_place (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->place;
}

const char *
rk_meeting_get_title (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->title;
}

/**
 * rk_meeting_get_member_ids:
 *
 * Returns: (transfer none): the keys of the members present
 */
const char * const *
rk_meeting_get_member_ids (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return (const char * const *) self->member_ids;
}

gboolean
rk_meeting_get_is_example (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), FALSE);
  return self->is_example;
}

const char *
rk_meeting_get_updated_at (RkMeeting *self)
{
  g_return_val_if_fail (RK_IS_MEETING (self), NULL);
  return self->updated_at;
}

/**
 * rk_database_list_meetings:
 *
 * Returns: (transfer full): every meeting as #RkMeeting with its members
 *   present, the newest first; %NULL with @error set
 */
GListModel *
rk_database_list_meetings (RkDatabase  *db,
                           GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_MEETING);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_strv_builder_unref);
  g_autoptr(RkStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  /* All attendance in one query rather than one per meeting. */
  stmt = rk_database_prepare (db, "SELECT mm.meeting_id, mm.board_member_id FROM meeting_member mm"
                                  " JOIN board_member b ON b.id = mm.board_member_id"
                                  " ORDER BY b.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *meeting_id = (const char *) sqlite3_column_text (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (present, meeting_id);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (present, g_strdup (meeting_id), builder);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_reset);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = rk_database_prepare (db, "SELECT " MEETING_COLUMNS " FROM meeting"
                                  " ORDER BY date DESC, rowid DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RkMeeting) meeting = rk_meeting_new ();
      GStrvBuilder *builder;

      meeting->rowid = sqlite3_column_int64 (stmt, 0);
      rk_record_read_row (meeting, meeting_columns, N_MEETING_COLUMNS, meeting_properties, stmt);
      builder = g_hash_table_lookup (present, meeting->id);
      if (builder != NULL)
        {
          g_strfreev (meeting->member_ids);
          meeting->member_ids = g_strv_builder_end (builder);
        }
      g_list_store_append (store, meeting);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return G_LIST_MODEL (g_steal_pointer (&store));

failed:
  rk_database_set_error (db, error, _("Listing the meetings"));
  return NULL;
}
