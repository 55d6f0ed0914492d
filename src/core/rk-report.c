/* rk-report.c: progress reports, the projects as they stood at a
 * reporting date
 *
 * A report is made by taking a snapshot of every project: its code, title,
 * field of action, status and current-status text become the report's
 * entries, and from then on the report no longer follows the projects.
 * While it is a draft its title, reporting date and entries can be edited;
 * once the cabinet has adopted it, it is frozen. The freeze is enforced
 * here, in the transaction of every write, rather than by the interface,
 * so that no way into the model layer (a second window, the command line,
 * a later import) can change what was adopted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-format.h"
#include "rk-record-list-private.h"
#include "rk-record-private.h"
#include "rk-report.h"
#include "rk-snapshot-private.h"

struct _RkReport
{
  GObject        parent_instance;

  gint64         rowid;
  char          *id;
  char          *title;
  char          *as_of;        /* ISO date */
  RkReportState  state;
  char          *created_at;
  char          *updated_at;
};

struct _RkReportEntry
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char     *report_id;
  char     *project_id;     /* NULL once the project is deleted */
  char     *project_code;
  char     *project_title;
  char     *field_id;
  RkStatus  status;
  char     *text;
  char     *created_at;
  char     *updated_at;
};

G_DEFINE_FINAL_TYPE (RkReport, rk_report, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RkReportEntry, rk_report_entry, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-report-error-quark, rk_report_error)

G_DEFINE_ENUM_TYPE (RkReportState, rk_report_state,
  G_DEFINE_ENUM_VALUE (RK_REPORT_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (RK_REPORT_ADOPTED, "adopted"))

/* As in rk-project.c: property i is column i of the SELECT (0 being the
 * rowid) and parameter i of the INSERT. */
enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AS_OF,
  PROP_STATE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

#define REPORT_COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkReport, field), NULL }

static const RkColumn columns[N_PROPS] = {
  REPORT_COLUMN (PROP_ID, "id", TEXT, id),
  REPORT_COLUMN (PROP_TITLE, "title", TEXT, title),
  REPORT_COLUMN (PROP_AS_OF, "as-of", OPTIONAL_TEXT, as_of),
  [PROP_STATE] = { "state", RK_COLUMN_ENUM, G_STRUCT_OFFSET (RkReport, state), rk_report_state_get_type },
  REPORT_COLUMN (PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  REPORT_COLUMN (PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define REPORT_COLUMNS "rowid, id, title, as_of, status, created_at, updated_at"

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_PROP_REPORT_ID,
  ENTRY_PROP_PROJECT_ID,
  ENTRY_PROP_PROJECT_CODE,
  ENTRY_PROP_PROJECT_TITLE,
  ENTRY_PROP_FIELD_ID,
  ENTRY_PROP_STATUS,
  ENTRY_PROP_TEXT,
  ENTRY_PROP_CREATED_AT,
  ENTRY_PROP_UPDATED_AT,
  N_ENTRY_PROPS
};

#define ENTRY_COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkReportEntry, field), NULL }

static const RkColumn entry_columns[N_ENTRY_PROPS] = {
  ENTRY_COLUMN (ENTRY_PROP_ID, "id", TEXT, id),
  ENTRY_COLUMN (ENTRY_PROP_REPORT_ID, "report-id", TEXT, report_id),
  ENTRY_COLUMN (ENTRY_PROP_PROJECT_ID, "project-id", OPTIONAL_TEXT, project_id),
  ENTRY_COLUMN (ENTRY_PROP_PROJECT_CODE, "project-code", OPTIONAL_TEXT, project_code),
  ENTRY_COLUMN (ENTRY_PROP_PROJECT_TITLE, "project-title", TEXT, project_title),
  ENTRY_COLUMN (ENTRY_PROP_FIELD_ID, "field-id", OPTIONAL_TEXT, field_id),
  [ENTRY_PROP_STATUS] = { "status", RK_COLUMN_ENUM, G_STRUCT_OFFSET (RkReportEntry, status), rk_status_get_type },
  ENTRY_COLUMN (ENTRY_PROP_TEXT, "text", TEXT, text),
  ENTRY_COLUMN (ENTRY_PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  ENTRY_COLUMN (ENTRY_PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define ENTRY_COLUMNS \
  "e.rowid, e.id, e.report_id, e.project_id, e.project_code, e.project_title," \
  " e.field_id, e.status, e.text, e.created_at, e.updated_at"

/* The order of a report's entries, and of its chapters in the PDF: by
 * field of action, then by code, projects without either last. */
#define ENTRY_ORDER \
  " ORDER BY f.position IS NULL, f.position, e.project_code IS NULL," \
  " e.project_code, e.project_title COLLATE NOCASE"

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static const char * const state_labels[] = {
  N_("Draft"),
  N_("Adopted"),
};

/* RkReport */

static void
rk_report_finalize (GObject *object)
{
  rk_record_finalize (object, columns, N_PROPS);

  G_OBJECT_CLASS (rk_report_parent_class)->finalize (object);
}

static void
rk_report_get_property (GObject    *object,
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
rk_report_set_property (GObject      *object,
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
rk_report_class_init (RkReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_report_finalize;
  object_class->get_property = rk_report_get_property;
  object_class->set_property = rk_report_set_property;

  rk_record_install_properties (object_class, columns, N_PROPS, properties);
}

static void
rk_report_init (RkReport *self)
{
  rk_record_init (self, columns, N_PROPS);
  self->state = RK_REPORT_DRAFT;
}

/* RkReportEntry */

static void
rk_report_entry_finalize (GObject *object)
{
  rk_record_finalize (object, entry_columns, N_ENTRY_PROPS);

  G_OBJECT_CLASS (rk_report_entry_parent_class)->finalize (object);
}

static void
rk_report_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_ENTRY_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  rk_record_get_property (object, &entry_columns[prop_id], value);
}

static void
rk_report_entry_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_ENTRY_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (rk_record_set_column (object, &entry_columns[prop_id], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_report_entry_class_init (RkReportEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_report_entry_finalize;
  object_class->get_property = rk_report_entry_get_property;
  object_class->set_property = rk_report_entry_set_property;

  rk_record_install_properties (object_class, entry_columns, N_ENTRY_PROPS, entry_properties);
}

static void
rk_report_entry_init (RkReportEntry *self)
{
  rk_record_init (self, entry_columns, N_ENTRY_PROPS);
  self->status = RK_STATUS_PROPOSAL;
}

const char *
rk_report_state_get_label (RkReportState state)
{
  g_return_val_if_fail (state <= RK_REPORT_ADOPTED, NULL);

  return _(state_labels[state]);
}

/* Loading */

static RkReport *
load_where (RkDatabase  *db,
            const char  *sql,
            const char  *id,
            gint64       rowid,
            gboolean     required,
            GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  RkReport *self;

  if (stmt == NULL)
    return NULL;

  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  else if (rowid != 0)
    sqlite3_bind_int64 (stmt, 1, rowid);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (required)
        g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_NOT_FOUND,
                             _("The progress report no longer exists."));
      return NULL;
    }

  self = g_object_new (RK_TYPE_REPORT, NULL);
  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, columns, N_PROPS, properties, stmt);
  return self;
}

RkReport *
rk_report_load (RkDatabase  *db,
                const char  *id,
                GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return load_where (db, "SELECT " REPORT_COLUMNS " FROM report WHERE id = ?", id, 0, TRUE, error);
}

RkReport *
rk_report_load_by_rowid (RkDatabase  *db,
                         gint64       rowid,
                         GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return load_where (db, "SELECT " REPORT_COLUMNS " FROM report WHERE rowid = ?", NULL, rowid, TRUE, error);
}

/**
 * rk_report_reload:
 *
 * Reads the stored values again, notifying what changed.
 */
gboolean
rk_report_reload (RkReport    *self,
                  RkDatabase  *db,
                  GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  stmt = rk_database_prepare (db, "SELECT " REPORT_COLUMNS " FROM report WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_NOT_FOUND,
                           _("The progress report no longer exists."));
      return FALSE;
    }

  rk_record_read_row (self, columns, N_PROPS, properties, stmt);
  return TRUE;
}

/**
 * rk_report_find_latest:
 *
 * Returns: (transfer full) (nullable): the report with the latest
 *   reporting date, the later made of two on one date; %NULL without
 *   @error when there is none
 */
RkReport *
rk_report_find_latest (RkDatabase  *db,
                       GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return load_where (db, "SELECT " REPORT_COLUMNS " FROM report"
                         " ORDER BY as_of DESC, created_at DESC LIMIT 1",
                     NULL, 0, FALSE, error);
}

/**
 * rk_report_find_previous:
 *
 * Returns: (transfer full) (nullable): the report before this one by
 *   reporting date (of two on one date, the earlier made); %NULL without
 *   @error when this is the first
 */
RkReport *
rk_report_find_previous (RkReport    *self,
                         RkDatabase  *db,
                         GError     **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  RkReport *previous;

  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT " REPORT_COLUMNS " FROM report"
                                  " WHERE id <> ?3 AND (as_of < ?1 OR (as_of = ?1 AND created_at < ?2))"
                                  " ORDER BY as_of DESC, created_at DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, self->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->created_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  previous = g_object_new (RK_TYPE_REPORT, NULL);
  previous->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (previous, columns, N_PROPS, properties, stmt);
  return previous;
}

/* Writing */

/**
 * rk_report_validate:
 *
 * Checks what a report needs: a title and a valid reporting date.
 */
gboolean
rk_report_validate (RkReport  *self,
                    GError   **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (RK_IS_REPORT (self), FALSE);

  title = g_strstrip (g_strdup (self->title));
  if (*title == '\0')
    {
      g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_TITLE_REQUIRED,
                           _("A progress report needs a title."));
      return FALSE;
    }

  if (!rk_iso_date_is_valid (self->as_of))
    {
      g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_INVALID_DATE,
                           _("A progress report needs a valid reporting date."));
      return FALSE;
    }

  return TRUE;
}

/* Inside a write transaction: refuses when the report is adopted or gone.
 * The stored state decides, not the object's, which may be stale. */
static gboolean
check_draft (RkDatabase  *db,
             const char  *report_id,
             gboolean     deleting,
             GError     **error)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT status, title FROM report WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_NOT_FOUND,
                           _("The progress report no longer exists."));
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "draft") != 0)
    {
      const char *title = (const char *) sqlite3_column_text (stmt, 1);

      if (deleting)
        g_set_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED,
                     /* Translators: %s is a report's title */
                     _("The progress report “%s” is adopted and cannot be deleted."), title);
      else
        g_set_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED,
                     /* Translators: %s is a report's title */
                     _("The progress report “%s” is adopted and can no longer be changed."), title);
      return FALSE;
    }

  return TRUE;
}

/* Marks the object adopted when the database says so, so that a page
 * showing a stale draft freezes as soon as a write finds out. */
static void
follow_refusal (RkReport     *self,
                const GError *error)
{
  if (g_error_matches (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED) &&
      self->state != RK_REPORT_ADOPTED)
    {
      self->state = RK_REPORT_ADOPTED;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_timestamps (RkReport   *self,
                const char *now,
                gboolean    created)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (created)
    {
      rk_set_str (&self->created_at, now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  rk_set_str (&self->updated_at, now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
touch_report (RkDatabase  *db,
              const char  *report_id,
              const char  *now,
              GError     **error)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "UPDATE report SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, report_id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    return FALSE;

  rk_database_note_change (db, "report", report_id);
  return TRUE;
}

/* What a new entry is made of, read before any row is written: SQLite
 * leaves it undefined whether a scan sees rows inserted into its own table
 * while it runs. */
typedef struct
{
  char     *project_id;
  char     *code;
  char     *title;
  char     *field_id;
  char     *status;
  char     *text;
} EntryValues;

static void
entry_values_free (gpointer data)
{
  EntryValues *values = data;

  g_free (values->project_id);
  g_free (values->code);
  g_free (values->title);
  g_free (values->field_id);
  g_free (values->status);
  g_free (values->text);
  g_free (values);
}

static GPtrArray *
read_entry_values (RkDatabase  *db,
                   const char  *sql,
                   const char  *key,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (entry_values_free);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntryValues *values = g_new0 (EntryValues, 1);

      values->project_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      values->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      values->title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      values->field_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      values->status = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      values->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (rows, values);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the projects for the report"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
insert_entries (RkDatabase  *db,
                const char  *report_id,
                GPtrArray   *rows,
                const char  *now,
                GError     **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      EntryValues *values = g_ptr_array_index (rows, i);
      g_autofree char *id = rk_new_key ();
      g_autoptr(RkStatement) stmt =
        rk_database_prepare (db, "INSERT INTO report_entry (id, report_id, project_id, project_code,"
                                 " project_title, field_id, status, text, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, report_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, values->project_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, values->code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, values->title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, values->field_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, values->status, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, values->text != NULL ? values->text : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, now, -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Stores a new draft and the entries @sql reads (bound to @key), in one
 * transaction. */
static RkReport *
create_report (RkDatabase  *db,
               const char  *title,
               const char  *as_of,
               const char  *sql,
               const char  *key,
               GError     **error)
{
  g_autoptr(RkReport) self = g_object_new (RK_TYPE_REPORT, "title", title, "as-of", as_of, NULL);
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RkStatement) stmt = NULL;

  if (!rk_report_validate (self, error) || !rk_database_begin (db, error))
    return NULL;

  g_free (self->id);
  self->id = rk_new_key ();
  set_timestamps (self, now, TRUE);

  rows = read_entry_values (db, sql, key, error);
  if (rows == NULL)
    goto failed;

  stmt = rk_database_prepare (db, "INSERT INTO report (id, title, as_of, status, created_at, updated_at)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto failed;
  rk_record_bind (self, columns, N_PROPS, stmt);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  self->rowid = sqlite3_last_insert_rowid (rk_database_get_handle (db));
  g_clear_pointer (&stmt, sqlite3_reset);

  if (!insert_entries (db, self->id, rows, now, error))
    goto failed;

  rk_database_note_change (db, "report", self->id);
  if (!rk_database_commit (db, error))
    goto failed;

  return g_steal_pointer (&self);

failed:
  rk_database_rollback (db);
  return NULL;
}

/**
 * rk_report_create:
 * @title: what the report is called, e.g. “Fortschrittsbericht 2021”
 * @as_of: the reporting date, an ISO date
 *
 * Starts a draft with a snapshot of every project: status and
 * current-status text, with the code, title and field of action they have
 * now.
 *
 * Returns: (transfer full): the new draft, or %NULL with @error set
 */
RkReport *
rk_report_create (RkDatabase  *db,
                  const char  *title,
                  const char  *as_of,
                  GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return create_report (db, title, as_of,
                        "SELECT id, code, title, field_id, status, current_status"
                        " FROM project ORDER BY rowid",
                        NULL, error);
}

/**
 * rk_report_duplicate:
 * @title: the new report's title
 * @as_of: its reporting date
 *
 * Starts the next report as a draft copy of this one, entries and all,
 * so that each entry is brought up to date from what was last reported.
 * Until it is, the completeness check flags it.
 *
 * Returns: (transfer full): the new draft, or %NULL with @error set
 */
RkReport *
rk_report_duplicate (RkReport    *self,
                     RkDatabase  *db,
                     const char  *title,
                     const char  *as_of,
                     GError     **error)
{
  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return create_report (db, title, as_of,
                        "SELECT project_id, project_code, project_title, field_id, status, text"
                        " FROM report_entry WHERE report_id = ? ORDER BY rowid",
                        self->id, error);
}

/**
 * rk_report_save:
 *
 * Writes the title and reporting date of a draft. An adopted report is
 * refused with %RK_REPORT_ERROR_ADOPTED.
 */
gboolean
rk_report_save (RkReport    *self,
                RkDatabase  *db,
                GError     **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  if (!rk_report_validate (self, error) || !rk_database_begin (db, error))
    return FALSE;

  if (!check_draft (db, self->id, FALSE, &local_error))
    goto failed;

  stmt = rk_database_prepare (db, "UPDATE report SET title = ?, as_of = ?, updated_at = ? WHERE id = ?",
                              &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, self->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, &local_error))
    goto failed;

  rk_database_note_change (db, "report", self->id);
  if (!rk_database_commit (db, &local_error))
    goto failed;

  set_timestamps (self, now, FALSE);
  return TRUE;

failed:
  rk_database_rollback (db);
  follow_refusal (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * rk_report_adopt:
 *
 * Marks the draft as adopted by the cabinet. From then on the report and
 * its entries refuse every change; the next report starts as a duplicate.
 */
gboolean
rk_report_adopt (RkReport    *self,
                 RkDatabase  *db,
                 GError     **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  if (!check_draft (db, self->id, FALSE, &local_error))
    goto failed;

  stmt = rk_database_prepare (db, "UPDATE report SET status = 'adopted', updated_at = ? WHERE id = ?",
                              &local_error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, &local_error))
    goto failed;

  rk_database_note_change (db, "report", self->id);
  if (!rk_database_commit (db, &local_error))
    goto failed;

  g_object_freeze_notify (G_OBJECT (self));
  self->state = RK_REPORT_ADOPTED;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  set_timestamps (self, now, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;

failed:
  rk_database_rollback (db);
  follow_refusal (self, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * rk_report_delete:
 * @out_snapshot: (out) (optional): what rk_snapshot_restore() needs to
 *   bring the draft back with its entries
 *
 * Deletes a draft and its entries. An adopted report is a record of what
 * the cabinet decided and is refused with %RK_REPORT_ERROR_ADOPTED.
 */
gboolean
rk_report_delete (RkDatabase  *db,
                  const char  *id,
                  RkSnapshot **out_snapshot,
                  GError     **error)
{
  g_autoptr(RkSnapshot) snapshot = rk_snapshot_new ();
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  if (!check_draft (db, id, TRUE, error) ||
      !rk_snapshot_capture (snapshot, db, "report", "id", id, RK_SNAPSHOT_INSERT, error) ||
      !rk_snapshot_capture (snapshot, db, "report_entry", "report_id", id, RK_SNAPSHOT_INSERT, error))
    goto failed;

  stmt = rk_database_prepare (db, "DELETE FROM report WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  rk_database_note_change (db, "report", id);
  if (!rk_database_commit (db, error))
    return FALSE;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

/* The list of reports */

static gpointer
load_report (RkDatabase  *db,
             gint64       rowid,
             GError     **error)
{
  return rk_report_load_by_rowid (db, rowid, error);
}

static gboolean
reload_report (gpointer     item,
               RkDatabase  *db,
               GError     **error)
{
  return rk_report_reload (item, db, error);
}

static const char *
report_key (gpointer item)
{
  return rk_report_get_id (item);
}

/* Newest first: the draft in work is at the top. There are a few reports
 * a year, so the list is neither searched nor filtered. */
static const char * const report_queries[] = {
  "SELECT rowid FROM report ORDER BY as_of DESC, created_at DESC",
};

static const RkRecordListSpec report_spec = {
  .table = "report",
  .item_type = rk_report_get_type,
  .queries = report_queries,
  .n_sorts = G_N_ELEMENTS (report_queries),
  .n_filters = 0,
  .search_sql = NULL,
  .count_sql = "SELECT count(*) FROM report",
  .rowid_sql = "SELECT rowid FROM report WHERE id = ?",
  .what = N_("Listing the progress reports"),
  .load = load_report,
  .reload = reload_report,
  .get_key = report_key,
};

/**
 * rk_report_list_new:
 *
 * Returns: (transfer full): the reports, newest reporting date first; it
 *   follows every change to them
 */
RkRecordList *
rk_report_list_new (RkDatabase *db)
{
  return rk_record_list_new (db, &report_spec);
}

/* Accessors */

const char *
rk_report_get_id (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  return self->id;
}

const char *
rk_report_get_title (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  return self->title;
}

const char *
rk_report_get_as_of (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  return self->as_of;
}

RkReportState
rk_report_get_state (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), RK_REPORT_DRAFT);
  return self->state;
}

gboolean
rk_report_is_adopted (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), FALSE);
  return self->state == RK_REPORT_ADOPTED;
}

const char *
rk_report_get_created_at (RkReport *self)
{
  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  return self->created_at;
}

/* Entries */

/**
 * rk_report_list_entries:
 *
 * Returns: (transfer full): the report's entries as #RkReportEntry, by
 *   field of action and code, or %NULL with @error set
 */
GListModel *
rk_report_list_entries (RkReport    *self,
                        RkDatabase  *db,
                        GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_REPORT_ENTRY);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RkStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT " ENTRY_COLUMNS " FROM report_entry e"
                                  " LEFT JOIN field f ON f.id = e.field_id"
                                  " WHERE e.report_id = ?" ENTRY_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RkReportEntry *entry = g_object_new (RK_TYPE_REPORT_ENTRY, NULL);

      entry->rowid = sqlite3_column_int64 (stmt, 0);
      rk_record_read_row (entry, entry_columns, N_ENTRY_PROPS, entry_properties, stmt);
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the report’s entries"));
      return NULL;
    }

  /* One items-changed for the lot. */
  g_list_store_splice (store, 0, 0, entries->pdata, entries->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * rk_report_entry_save:
 *
 * Writes an entry's status and text. An entry of an adopted report is
 * refused with %RK_REPORT_ERROR_ADOPTED.
 */
gboolean
rk_report_entry_save (RkReportEntry  *self,
                      RkDatabase     *db,
                      GError        **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), FALSE);
  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  if (!check_draft (db, self->report_id, FALSE, error))
    goto failed;

  stmt = rk_database_prepare (db, "UPDATE report_entry SET status = ?, text = ?, updated_at = ?"
                                  " WHERE id = ? AND report_id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, rk_status_to_key (self->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, self->report_id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  if (sqlite3_changes (rk_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, RK_REPORT_ERROR, RK_REPORT_ERROR_NOT_FOUND,
                           _("The report entry no longer exists."));
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  rk_database_note_change (db, "report_entry", self->id);
  if (!touch_report (db, self->report_id, now, error) || !rk_database_commit (db, error))
    goto failed;

  if (rk_set_str (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_UPDATED_AT]);
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

const char *
rk_report_entry_get_id (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->id;
}

const char *
rk_report_entry_get_report_id (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->report_id;
}

const char *
rk_report_entry_get_project_id (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->project_id;
}

const char *
rk_report_entry_get_project_code (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->project_code;
}

const char *
rk_report_entry_get_project_title (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->project_title;
}

const char *
rk_report_entry_get_field_id (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->field_id;
}

RkStatus
rk_report_entry_get_status (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), RK_STATUS_PROPOSAL);
  return self->status;
}

const char *
rk_report_entry_get_text (RkReportEntry *self)
{
  g_return_val_if_fail (RK_IS_REPORT_ENTRY (self), NULL);
  return self->text;
}

/* Comparison */

static void
change_free (gpointer data)
{
  RkReportChange *change = data;

  g_free (change->key);
  g_free (change->entry_id);
  g_free (change->code);
  g_free (change->title);
  g_free (change->field_id);
  g_free (change);
}

typedef struct
{
  RkReportChange *change;
  char           *text;
  RkStatus        status;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->change, change_free);
  g_free (row->text);
  g_free (row);
}

/* A project is the same project in two reports when its key is the same;
 * an entry whose project has since been deleted is known by its code, or
 * failing that by its title. */
static char *
entry_key (const char *project_id,
           const char *code,
           const char *title)
{
  if (project_id != NULL)
    return g_strdup (project_id);
  if (code != NULL)
    return g_strconcat ("code:", code, NULL);
  return g_strconcat ("title:", title, NULL);
}

static GPtrArray *
read_rows (RkDatabase  *db,
           const char  *report_id,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(RkStatement) stmt = NULL;
  int rc;

  stmt = rk_database_prepare (db, "SELECT e.id, e.project_id, e.project_code, e.project_title,"
                                  " e.field_id, e.status, e.text FROM report_entry e"
                                  " LEFT JOIN field f ON f.id = e.field_id"
                                  " WHERE e.report_id = ?" ENTRY_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, report_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      RkReportChange *change = g_new0 (RkReportChange, 1);

      change->entry_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      change->field_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      change->key = entry_key ((const char *) sqlite3_column_text (stmt, 1), change->code, change->title);
      if (!rk_status_from_key ((const char *) sqlite3_column_text (stmt, 5), &row->status))
        row->status = RK_STATUS_PROPOSAL;
      row->text = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->change = change;
      g_ptr_array_add (rows, row);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Reading the report’s entries"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static RkReportChange *
take_change (Row *row)
{
  return g_steal_pointer (&row->change);
}

/**
 * rk_report_compare:
 * @previous: (nullable): the report to compare with, usually
 *   rk_report_find_previous(); without one every project is new
 *
 * Returns: (transfer full): how the projects changed between the two
 *   reports: counts per status then and now, projects whose status
 *   changed, new and dropped projects, and the entries whose text was
 *   not touched since @previous; %NULL with @error set
 */
RkReportComparison *
rk_report_compare (RkReport    *self,
                   RkReport    *previous,
                   RkDatabase  *db,
                   GError     **error)
{
  g_autoptr(RkReportComparison) comparison = g_new0 (RkReportComparison, 1);
  g_autoptr(GPtrArray) now_rows = NULL;
  g_autoptr(GPtrArray) then_rows = NULL;
  g_autoptr(GHashTable) then_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (RK_IS_REPORT (self), NULL);
  g_return_val_if_fail (previous == NULL || RK_IS_REPORT (previous), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  comparison->changed = g_ptr_array_new_with_free_func (change_free);
  comparison->added = g_ptr_array_new_with_free_func (change_free);
  comparison->dropped = g_ptr_array_new_with_free_func (change_free);
  comparison->unchanged_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  now_rows = read_rows (db, self->id, error);
  if (now_rows == NULL)
    return NULL;

  if (previous != NULL)
    {
      comparison->previous_id = g_strdup (previous->id);
      comparison->previous_title = g_strdup (previous->title);
      comparison->previous_as_of = g_strdup (previous->as_of);
      then_rows = read_rows (db, previous->id, error);
      if (then_rows == NULL)
        return NULL;
    }
  else
    then_rows = g_ptr_array_new_with_free_func (row_free);

  for (guint i = 0; i < then_rows->len; i++)
    {
      Row *row = g_ptr_array_index (then_rows, i);

      comparison->then_counts[row->status]++;
      g_hash_table_insert (then_by_key, row->change->key, row);
    }

  for (guint i = 0; i < now_rows->len; i++)
    {
      Row *row = g_ptr_array_index (now_rows, i);
      Row *then = g_hash_table_lookup (then_by_key, row->change->key);

      comparison->now_counts[row->status]++;
      row->change->new_status = row->status;

      if (then == NULL)
        {
          g_ptr_array_add (comparison->added, take_change (row));
          continue;
        }

      g_hash_table_remove (then_by_key, row->change->key);
      if (g_strcmp0 (then->text, row->text) == 0)
        g_hash_table_add (comparison->unchanged_text, g_strdup (row->change->entry_id));
      if (then->status != row->status)
        {
          row->change->old_status = then->status;
          g_ptr_array_add (comparison->changed, take_change (row));
        }
      else
        change_free (take_change (row));
    }

  /* What is left of the previous report is no longer reported. */
  for (guint i = 0; i < then_rows->len; i++)
    {
      Row *row = g_ptr_array_index (then_rows, i);

      if (g_hash_table_contains (then_by_key, row->change->key))
        {
          row->change->old_status = row->status;
          g_clear_pointer (&row->change->entry_id, g_free);
          g_ptr_array_add (comparison->dropped, take_change (row));
        }
    }

  return g_steal_pointer (&comparison);
}

void
rk_report_comparison_free (RkReportComparison *self)
{
  if (self == NULL)
    return;

  g_free (self->previous_id);
  g_free (self->previous_title);
  g_free (self->previous_as_of);
  g_clear_pointer (&self->changed, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  g_clear_pointer (&self->dropped, g_ptr_array_unref);
  g_clear_pointer (&self->unchanged_text, g_hash_table_unref);
  g_free (self);
}

/**
 * rk_report_comparison_text_unchanged:
 *
 * Returns: whether the entry's text is what the previous report said, so
 *   the draft flags it as not yet brought up to date
 */
gboolean
rk_report_comparison_text_unchanged (RkReportComparison *self,
                                     const char         *entry_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return entry_id != NULL && g_hash_table_contains (self->unchanged_text, entry_id);
}
