/* rk-project.c: a project of the programme, its milestones and municipalities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-project.h"
#include "rk-record-private.h"
#include "rk-snapshot-private.h"

struct _RkProject
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char     *code;            /* NULL when the project has none yet */
  char     *title;
  char     *goal;
  char     *field_id;        /* NULL until a field is chosen */
  RkPillar  pillar;
  RkStatus  status;
  char     *lead_ministry;
  gint64    volume_cents;    /* RK_NO_VOLUME when unknown */
  char     *start_date;      /* ISO dates, NULL when unknown */
  char     *end_date;
  char     *added_value;
  char     *approach;
  char     *beneficiaries;
  char     *current_status;
  char     *outlook;
  gboolean  is_example;
  char     *created_at;
  char     *updated_at;
};

G_DEFINE_FINAL_TYPE (RkProject, rk_project, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-project-error-quark, rk_project_error)

/* The property ids are also the column positions of PROJECT_COLUMNS (0 is
 * the rowid) and the parameter numbers of the INSERT and UPDATE below, so
 * one table drives loading, saving and the GObject properties. */
enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE,
  PROP_GOAL,
  PROP_FIELD_ID,
  PROP_PILLAR,
  PROP_STATUS,
  PROP_LEAD_MINISTRY,
  PROP_VOLUME_CENTS,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_ADDED_VALUE,
  PROP_APPROACH,
  PROP_BENEFICIARIES,
  PROP_CURRENT_STATUS,
  PROP_OUTLOOK,
  PROP_IS_EXAMPLE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

#define COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkProject, field), NULL }

static const RkColumn columns[N_PROPS] = {
  COLUMN (PROP_ID, "id", TEXT, id),
  COLUMN (PROP_CODE, "code", OPTIONAL_TEXT, code),
  COLUMN (PROP_TITLE, "title", TEXT, title),
  COLUMN (PROP_GOAL, "goal", TEXT, goal),
  COLUMN (PROP_FIELD_ID, "field-id", OPTIONAL_TEXT, field_id),
  [PROP_PILLAR] = { "pillar", RK_COLUMN_ENUM, G_STRUCT_OFFSET (RkProject, pillar), rk_pillar_get_type },
  [PROP_STATUS] = { "status", RK_COLUMN_ENUM, G_STRUCT_OFFSET (RkProject, status), rk_status_get_type },
  COLUMN (PROP_LEAD_MINISTRY, "lead-ministry", TEXT, lead_ministry),
  COLUMN (PROP_VOLUME_CENTS, "volume-cents", AMOUNT, volume_cents),
  COLUMN (PROP_START_DATE, "start-date", OPTIONAL_TEXT, start_date),
  COLUMN (PROP_END_DATE, "end-date", OPTIONAL_TEXT, end_date),
  COLUMN (PROP_ADDED_VALUE, "added-value", TEXT, added_value),
  COLUMN (PROP_APPROACH, "approach", TEXT, approach),
  COLUMN (PROP_BENEFICIARIES, "beneficiaries", TEXT, beneficiaries),
  COLUMN (PROP_CURRENT_STATUS, "current-status", TEXT, current_status),
  COLUMN (PROP_OUTLOOK, "outlook", TEXT, outlook),
  COLUMN (PROP_IS_EXAMPLE, "is-example", BOOLEAN, is_example),
  COLUMN (PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  COLUMN (PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define PROJECT_COLUMNS \
  "rowid, id, code, title, goal, field_id, pillar, status, lead_ministry," \
  " volume_cents, start_date, end_date, added_value, approach, beneficiaries," \
  " current_status, outlook, is_example, created_at, updated_at"

static GParamSpec *properties[N_PROPS];

static const RkRecordKind kind = {
  .table = "project",
  .columns = columns,
  .n_columns = N_PROPS,
  .pspecs = properties,
  .id_prop = PROP_ID,
  .created_prop = PROP_CREATED_AT,
  .updated_prop = PROP_UPDATED_AT,
  .rowid_offset = G_STRUCT_OFFSET (RkProject, rowid),
};

static void
rk_project_finalize (GObject *object)
{
  rk_record_finalize (object, columns, N_PROPS);

  G_OBJECT_CLASS (rk_project_parent_class)->finalize (object);
}

static void
rk_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  rk_record_get_property (object, &columns[prop_id], value);
}

static void
rk_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (rk_record_set_column (object, &columns[prop_id], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_project_class_init (RkProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_project_finalize;
  object_class->get_property = rk_project_get_property;
  object_class->set_property = rk_project_set_property;

  rk_record_install_properties (object_class, columns, N_PROPS, properties);
}

static void
rk_project_init (RkProject *self)
{
  rk_record_init (self, columns, N_PROPS);
  self->pillar = RK_PILLAR_MINISTRY_PROJECT;
  self->status = RK_STATUS_PROPOSAL;
}

/**
 * rk_project_new:
 *
 * Returns: (transfer full): a project that is not stored yet
 */
RkProject *
rk_project_new (void)
{
  return g_object_new (RK_TYPE_PROJECT, NULL);
}

/* Reads a row of PROJECT_COLUMNS. */
static void
read_row (RkProject    *self,
          sqlite3_stmt *stmt)
{
  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, columns, N_PROPS, properties, stmt);
}

static RkProject *
load_where (RkDatabase  *db,
            const char  *sql,
            const char  *id,
            gint64       rowid,
            GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  g_autoptr(RkProject) self = NULL;

  if (stmt == NULL)
    return NULL;

  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_NOT_FOUND,
                           _("The project no longer exists."));
      return NULL;
    }

  self = rk_project_new ();
  read_row (self, stmt);
  return g_steal_pointer (&self);
}

RkProject *
rk_project_load (RkDatabase  *db,
                 const char  *id,
                 GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_where (db, "SELECT " PROJECT_COLUMNS " FROM project WHERE id = ?", id, 0, error);
}

RkProject *
rk_project_load_by_rowid (RkDatabase  *db,
                          gint64       rowid,
                          GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return load_where (db, "SELECT " PROJECT_COLUMNS " FROM project WHERE rowid = ?", NULL, rowid, error);
}

/**
 * rk_project_reload:
 *
 * Reads the stored values again; properties that changed are notified, so
 * rows and pages bound to them follow.
 */
gboolean
rk_project_reload (RkProject   *self,
                   RkDatabase  *db,
                   GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_PROJECT (self), FALSE);

  stmt = rk_database_prepare (db, "SELECT " PROJECT_COLUMNS " FROM project WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_NOT_FOUND,
                           _("The project no longer exists."));
      return FALSE;
    }

  read_row (self, stmt);
  return TRUE;
}

/**
 * rk_project_validate:
 *
 * Checks what the database would refuse, with a sentence the interface
 * can show at the field: a title, a code no other project has, valid
 * dates with the end not before the start. (The volume property itself
 * refuses negative amounts.)
 */
gboolean
rk_project_validate (RkProject   *self,
                     RkDatabase  *db,
                     GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (RK_IS_PROJECT (self), FALSE);

  title = g_strstrip (g_strdup (self->title));
  if (*title == '\0')
    {
      g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_TITLE_REQUIRED,
                           _("A project needs a title."));
      return FALSE;
    }

  if ((self->start_date != NULL && !rk_iso_date_is_valid (self->start_date)) ||
      (self->end_date != NULL && !rk_iso_date_is_valid (self->end_date)))
    {
      g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_INVALID_DATE,
                           _("A date is not valid."));
      return FALSE;
    }

  if (self->start_date != NULL && self->end_date != NULL &&
      strcmp (self->end_date, self->start_date) < 0)
    {
      g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_END_BEFORE_START,
                           _("The end date lies before the start date."));
      return FALSE;
    }

  if (self->code == NULL)
    return TRUE;

  stmt = rk_database_prepare (db, "SELECT title FROM project WHERE code = ? AND id IS NOT ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_CODE_TAKEN,
                   _("The code “%s” is already used by the project “%s”."),
                   self->code, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

/* Validates, then writes every column in a transaction of its own. */
static gboolean
write_project (RkProject   *self,
               RkDatabase  *db,
               const char  *sql,
               GError     **error)
{
  return rk_project_validate (self, db, error) &&
         rk_record_write (self, &kind, db, sql, NULL, error);
}

/**
 * rk_project_insert:
 *
 * Stores a new project under a new key.
 */
gboolean
rk_project_insert (RkProject   *self,
                   RkDatabase  *db,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  rk_record_new_key (self, &kind);

  return write_project (self, db,
                        "INSERT INTO project (id, code, title, goal, field_id, pillar, status,"
                        " lead_ministry, volume_cents, start_date, end_date, added_value,"
                        " approach, beneficiaries, current_status, outlook, is_example,"
                        " created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                        " ?14, ?15, ?16, ?17, ?18, ?19)",
                        error);
}

/**
 * rk_project_save:
 *
 * Writes every attribute of a stored project, in one transaction, and
 * marks it as changed now.
 */
gboolean
rk_project_save (RkProject   *self,
                 RkDatabase  *db,
                 GError     **error)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  return write_project (self, db,
                        "UPDATE project SET code = ?2, title = ?3, goal = ?4, field_id = ?5,"
                        " pillar = ?6, status = ?7, lead_ministry = ?8, volume_cents = ?9,"
                        " start_date = ?10, end_date = ?11, added_value = ?12, approach = ?13,"
                        " beneficiaries = ?14, current_status = ?15, outlook = ?16,"
                        " is_example = ?17, created_at = ?18, updated_at = ?19"
                        " WHERE id = ?1",
                        error);
}

/* The rows a project's deletion removes or changes, parents first. */
static const RkSnapshotRow project_rows[] = {
  { "project", "id", RK_SNAPSHOT_INSERT, FALSE },
  { "milestone", "project_id", RK_SNAPSHOT_INSERT, FALSE },
  { "project_municipality", "project_id", RK_SNAPSHOT_INSERT, FALSE },
  { "project_partner", "project_id", RK_SNAPSHOT_INSERT, FALSE },
  { "note_project", "project_id", RK_SNAPSHOT_INSERT, FALSE },
  { "report_entry", "project_id", RK_SNAPSHOT_RELINK, FALSE },
};

/**
 * rk_project_delete:
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs to
 *   bring the project back exactly, with its milestones, municipalities
 *   and links
 *
 * Deletes a project and what belongs to it, in one transaction.
 */
gboolean
rk_project_delete (RkDatabase  *db,
                   const char  *id,
                   RkSnapshot **out_snapshot,
                   GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rk_snapshot_delete (db, id, project_rows, G_N_ELEMENTS (project_rows),
                             RK_PROJECT_ERROR, RK_PROJECT_ERROR_NOT_FOUND,
                             _("The project no longer exists."),
                             out_snapshot, error);
}

/**
 * rk_project_equal_values:
 *
 * Returns: whether both hold the same attributes (keys and timestamps
 *   aside)
 */
gboolean
rk_project_equal_values (RkProject *self,
                         RkProject *other)
{
  g_return_val_if_fail (RK_IS_PROJECT (self) && RK_IS_PROJECT (other), FALSE);

  return rk_record_equal_columns (self, other, columns, PROP_CODE, PROP_IS_EXAMPLE);
}

/**
 * rk_project_copy:
 *
 * Returns: (transfer full): a detached copy with the same values, for
 *   undoing edits
 */
RkProject *
rk_project_copy (RkProject *self)
{
  RkProject *copy;

  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);

  copy = rk_project_new ();
  copy->rowid = self->rowid;
  rk_record_copy_columns (copy, self, columns, 1, N_PROPS - 1);
  return copy;
}

/**
 * rk_project_set_values_from:
 * @other: a project whose attributes to take
 *
 * Takes every attribute of @other (not its key or timestamps), notifying
 * what changes; how Undo puts an earlier state back.
 */
void
rk_project_set_values_from (RkProject *self,
                            RkProject *other)
{
  g_return_if_fail (RK_IS_PROJECT (self) && RK_IS_PROJECT (other));

  rk_record_copy_columns (self, other, columns, PROP_CODE, PROP_IS_EXAMPLE);
}

const char *
rk_project_get_id (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->id;
}

gint64
rk_project_get_rowid (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), 0);
  return self->rowid;
}

const char *
rk_project_get_code (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->code;
}

const char *
rk_project_get_title (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->title;
}

const char *
rk_project_get_goal (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->goal;
}

const char *
rk_project_get_field_id (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->field_id;
}

RkPillar
rk_project_get_pillar (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), 0);
  return self->pillar;
}

RkStatus
rk_project_get_status (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), 0);
  return self->status;
}

const char *
rk_project_get_lead_ministry (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->lead_ministry;
}

gint64
rk_project_get_volume_cents (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), RK_NO_VOLUME);
  return self->volume_cents;
}

const char *
rk_project_get_start_date (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->start_date;
}

const char *
rk_project_get_end_date (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->end_date;
}

const char *
rk_project_get_current_status (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->current_status;
}

gboolean
rk_project_get_is_example (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), FALSE);
  return self->is_example;
}

const char *
rk_project_get_updated_at (RkProject *self)
{
  g_return_val_if_fail (RK_IS_PROJECT (self), NULL);
  return self->updated_at;
}

/**
 * rk_database_list_lead_ministries:
 *
 * Returns: (transfer full): the lead ministries the projects name, sorted,
 *   for the filter
 */
GStrv
rk_database_list_lead_ministries (RkDatabase *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT DISTINCT lead_ministry FROM project"
                                  " WHERE lead_ministry <> '' ORDER BY 1", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}
