/* rk-milestone.c: a project's milestones and municipalities
 *
 * Every change here also marks the project as changed, so its "last
 * changed" and the lists that sort by it follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-milestone"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-project.h"

struct _RkMilestone
{
  GObject   parent_instance;

  char     *id;
  char     *project_id;
  char     *date;
  char     *text;
  gboolean  done;
};

G_DEFINE_FINAL_TYPE (RkMilestone, rk_milestone, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TEXT,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rk_milestone_finalize (GObject *object)
{
  RkMilestone *self = (RkMilestone *) object;

  g_free (self->id);
  g_free (self->project_id);
  g_free (self->date);
  g_free (self->text);

  G_OBJECT_CLASS (rk_milestone_parent_class)->finalize (object);
}

static void
rk_milestone_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RkMilestone *self = RK_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_milestone_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RkMilestone *self = RK_MILESTONE (object);
  gboolean changed;

  switch (prop_id)
    {
    case PROP_DATE:
      changed = rk_set_str (&self->date, g_value_get_string (value));
      break;

    case PROP_TEXT:
      changed = rk_set_str (&self->text, g_value_get_string (value) ?: "");
      break;

    case PROP_DONE:
      changed = self->done != g_value_get_boolean (value);
      self->done = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_milestone_class_init (RkMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rk_milestone_finalize;
  object_class->get_property = rk_milestone_get_property;
  object_class->set_property = rk_milestone_set_property;

  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_milestone_init (RkMilestone *self)
{
  self->text = g_strdup ("");
}

const char *
rk_milestone_get_id (RkMilestone *self)
{
  g_return_val_if_fail (RK_IS_MILESTONE (self), NULL);
  return self->id;
}

const char *
rk_milestone_get_date (RkMilestone *self)
{
  g_return_val_if_fail (RK_IS_MILESTONE (self), NULL);
  return self->date;
}

const char *
rk_milestone_get_text (RkMilestone *self)
{
  g_return_val_if_fail (RK_IS_MILESTONE (self), NULL);
  return self->text;
}

gboolean
rk_milestone_get_done (RkMilestone *self)
{
  g_return_val_if_fail (RK_IS_MILESTONE (self), FALSE);
  return self->done;
}

/* Marks the project as changed now, inside the running transaction. */
static gboolean
touch_project (RkDatabase  *db,
               const char  *project_id,
               const char  *now,
               GError     **error)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "UPDATE project SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, project_id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    return FALSE;

  rk_database_note_change (db, "project", project_id);
  return TRUE;
}

/* Runs a write of a project's part and touches the project, in one
 * transaction. @bind binds the parameters the statement has; binding a
 * number it does not use is a harmless SQLITE_RANGE. */
typedef void (*BindFunc) (sqlite3_stmt *stmt, gpointer data, const char *now);

static gboolean
write_part (RkDatabase  *db,
            const char  *project_id,
            const char  *table,
            const char  *key,
            const char  *sql,
            BindFunc     bind,
            gpointer     data,
            GError     **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(RkStatement) stmt = NULL;

  if (!rk_database_begin (db, error))
    return FALSE;

  stmt = rk_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;
  bind (stmt, data, now);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_reset);

  rk_database_note_change (db, table, key);
  if (!touch_project (db, project_id, now, error) || !rk_database_commit (db, error))
    goto failed;

  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

static void
bind_milestone (sqlite3_stmt *stmt,
                gpointer      data,
                const char   *now)
{
  RkMilestone *self = data;

  sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->project_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, self->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, self->done);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (rk_iso_date_is_valid (date))
    return TRUE;

  g_set_error_literal (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_INVALID_DATE,
                       _("A milestone needs a valid date."));
  return FALSE;
}

/**
 * rk_project_list_milestones:
 *
 * Returns: (transfer full): the project's milestones by date, as
 *   #RkMilestone, or %NULL with @error set
 */
GListModel *
rk_project_list_milestones (RkDatabase  *db,
                            const char  *project_id,
                            GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_MILESTONE);
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT id, date, text, done FROM milestone"
                                  " WHERE project_id = ? ORDER BY date, created_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, project_id, -1, SQLITE_TRANSIENT);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(RkMilestone) milestone = g_object_new (RK_TYPE_MILESTONE, NULL);

      milestone->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      milestone->project_id = g_strdup (project_id);
      milestone->date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      rk_set_str (&milestone->text, (const char *) sqlite3_column_text (stmt, 2));
      milestone->done = sqlite3_column_int (stmt, 3) != 0;
      g_list_store_append (store, milestone);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * rk_project_add_milestone:
 * @date: an ISO date
 *
 * Returns: (transfer full): the new milestone, or %NULL with @error set
 */
RkMilestone *
rk_project_add_milestone (RkDatabase  *db,
                          const char  *project_id,
                          const char  *date,
                          const char  *text,
                          GError     **error)
{
  g_autoptr(RkMilestone) self = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);

  if (!check_date (date, error))
    return NULL;

  self = g_object_new (RK_TYPE_MILESTONE, "date", date, "text", text, NULL);
  self->id = rk_new_key ();
  self->project_id = g_strdup (project_id);

  if (!write_part (db, project_id, "milestone", self->id,
                   "INSERT INTO milestone (id, project_id, date, text, done, created_at, updated_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                   bind_milestone, self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rk_milestone_save:
 *
 * Writes the milestone's date, text and done mark.
 */
gboolean
rk_milestone_save (RkMilestone  *self,
                   RkDatabase   *db,
                   GError      **error)
{
  g_return_val_if_fail (RK_IS_MILESTONE (self), FALSE);

  if (!check_date (self->date, error))
    return FALSE;

  return write_part (db, self->project_id, "milestone", self->id,
                     "UPDATE milestone SET date = ?3, text = ?4, done = ?5, updated_at = ?6"
                     " WHERE id = ?1 AND project_id = ?2",
                     bind_milestone, self, error);
}

gboolean
rk_project_remove_milestone (RkDatabase   *db,
                             RkMilestone  *milestone,
                             GError      **error)
{
  g_return_val_if_fail (RK_IS_MILESTONE (milestone), FALSE);

  return write_part (db, milestone->project_id, "milestone", milestone->id,
                     "DELETE FROM milestone WHERE id = ?1 AND project_id = ?2",
                     bind_milestone, milestone, error);
}

typedef struct
{
  const char *project_id;
  const char *municipality_id;
  char       *key;
} Link;

static void
bind_link (sqlite3_stmt *stmt,
           gpointer      data,
           const char   *now)
{
  Link *link = data;

  sqlite3_bind_text (stmt, 1, link->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, link->project_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, link->municipality_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
}

/**
 * rk_project_list_municipalities:
 *
 * Returns: (transfer full): the keys of the project's municipalities, by
 *   name
 */
GStrv
rk_project_list_municipalities (RkDatabase  *db,
                                const char  *project_id,
                                GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(RkStatement) stmt = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  stmt = rk_database_prepare (db, "SELECT m.id FROM project_municipality pm"
                                  " JOIN municipality m ON m.id = pm.municipality_id"
                                  " WHERE pm.project_id = ? ORDER BY m.name", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, project_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

gboolean
rk_project_add_municipality (RkDatabase  *db,
                             const char  *project_id,
                             const char  *municipality_id,
                             GError     **error)
{
  g_autofree char *key = rk_new_key ();
  Link link = { project_id, municipality_id, key };

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  /* Adding one that is there already changes nothing. */
  return write_part (db, project_id, "project_municipality", key,
                     "INSERT OR IGNORE INTO project_municipality"
                     " (id, project_id, municipality_id, created_at, updated_at)"
                     " VALUES (?1, ?2, ?3, ?4, ?4)",
                     bind_link, &link, error);
}

gboolean
rk_project_remove_municipality (RkDatabase  *db,
                                const char  *project_id,
                                const char  *municipality_id,
                                GError     **error)
{
  Link link = { project_id, municipality_id, NULL };

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  return write_part (db, project_id, "project_municipality", NULL,
                     "DELETE FROM project_municipality"
                     " WHERE project_id = ?2 AND municipality_id = ?3",
                     bind_link, &link, error);
}
