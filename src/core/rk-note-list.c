/* rk-note-list.c: the advisory board's notes as a list model
 *
 * The notes, newest first, searched in note_fts and filtered by author,
 * by a project they concern and by meeting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-note-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-note-list.h"
#include "rk-record-list-private.h"

enum {
  FILTER_AUTHOR,
  FILTER_PROJECT,
  FILTER_MEETING,
  N_FILTERS
};

/* One statement serves every combination of filters, as for the projects.
 * The order is that of the index note_date (date, then rowid), so without
 * a filter the query reads that index alone. Each filter asks for rowids
 * found through its own index rather than for a column of the row, so a
 * row that is filtered out is never read: the subquery runs once, and the
 * scan checks each rowid against its result. */
static const char * const queries[] = {
  "SELECT rowid FROM note"
  " WHERE (?1 IS NULL OR rowid IN (SELECT rowid FROM note WHERE author_id = ?1))"
  " AND (?2 IS NULL OR rowid IN (SELECT n.rowid FROM note_project np"
  "      JOIN note n ON n.id = np.note_id WHERE np.project_id = ?2))"
  " AND (?3 IS NULL OR rowid IN (SELECT rowid FROM note WHERE meeting_id = ?3))"
  " ORDER BY date DESC, rowid DESC",
};

static gpointer
load_note (RkDatabase  *db,
           gint64       rowid,
           GError     **error)
{
  return rk_note_load_by_rowid (db, rowid, error);
}

static gboolean
reload_note (gpointer     item,
             RkDatabase  *db,
             GError     **error)
{
  return rk_note_reload (item, db, error);
}

static const char *
note_key (gpointer item)
{
  return rk_note_get_id (item);
}

static const RkRecordListSpec note_spec = {
  .table = "note",
  .item_type = rk_note_get_type,
  .queries = queries,
  .n_sorts = G_N_ELEMENTS (queries),
  .n_filters = N_FILTERS,
  .search_sql = "SELECT rowid FROM note_fts WHERE note_fts MATCH ?",
  .count_sql = "SELECT count(*) FROM note",
  .rowid_sql = "SELECT rowid FROM note WHERE id = ?",
  .what = N_("Listing the notes"),
  .load = load_note,
  .reload = reload_note,
  .get_key = note_key,
};

/**
 * rk_note_list_new:
 *
 * Returns: (transfer full): all notes, the newest first; search by
 *   rk_record_list_set_search(), in titles and texts
 */
RkRecordList *
rk_note_list_new (RkDatabase *db)
{
  return rk_record_list_new (db, &note_spec);
}

/**
 * rk_note_list_set_author_id:
 * @member_id: (nullable): only the notes this member wrote; %NULL for all
 */
void
rk_note_list_set_author_id (RkRecordList *self,
                            const char   *member_id)
{
  rk_record_list_set_filter (self, FILTER_AUTHOR, member_id);
}

/**
 * rk_note_list_set_project_id:
 * @project_id: (nullable): only the notes that concern this project;
 *   %NULL for all
 */
void
rk_note_list_set_project_id (RkRecordList *self,
                             const char   *project_id)
{
  rk_record_list_set_filter (self, FILTER_PROJECT, project_id);
}

/**
 * rk_note_list_set_meeting_id:
 * @meeting_id: (nullable): only the notes of this meeting; %NULL for all
 */
void
rk_note_list_set_meeting_id (RkRecordList *self,
                             const char   *meeting_id)
{
  rk_record_list_set_filter (self, FILTER_MEETING, meeting_id);
}

/**
 * rk_note_list_for_project:
 * @project_id: a project's key
 * @max_items: how many notes to build, the newest; 0 for all
 * @out_n_notes: (out) (optional): how many notes concern the project
 *
 * The notes of the advisory board that concern a project, for its page.
 * They are found through the link table's index, so the time grows with
 * the project's notes, not with all notes; only the newest @max_items are
 * built as objects, since a page shows a few and points to the rest.
 *
 * Returns: (transfer full): the notes as #RkNote, the newest first, or
 *   %NULL with @error set
 */
GListModel *
rk_note_list_for_project (RkDatabase  *db,
                          const char  *project_id,
                          guint        max_items,
                          guint       *out_n_notes,
                          GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_NOTE);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RkStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (project_id != NULL, NULL);

  stmt = rk_database_prepare (db, "SELECT n.rowid FROM note_project np"
                                  " JOIN note n ON n.id = np.note_id"
                                  " WHERE np.project_id = ? ORDER BY n.date DESC, n.rowid DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, project_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (db, error, _("Listing the notes"));
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  for (guint i = 0; i < rowids->len && (max_items == 0 || i < max_items); i++)
    {
      g_autoptr(RkNote) note = rk_note_load_by_rowid (db, g_array_index (rowids, gint64, i), error);

      if (note == NULL)
        return NULL;
      g_list_store_append (store, note);
    }

  if (out_n_notes != NULL)
    *out_n_notes = rowids->len;
  return G_LIST_MODEL (g_steal_pointer (&store));
}
