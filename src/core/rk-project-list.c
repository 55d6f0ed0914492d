/* rk-project-list.c: the projects as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-project-list.h"
#include "rk-record-list-private.h"

enum {
  FILTER_FIELD,
  FILTER_STATUS,
  FILTER_PILLAR,
  FILTER_LEAD_MINISTRY,
  N_FILTERS
};

/* Each filter is "?N IS NULL OR column = ?N", so one statement serves every
 * combination; each sort has a covering index that holds all filter
 * columns (see rk-schema.c), so the query is one scan of a narrow index. */
#define SELECT_FILTERED \
  "SELECT rowid FROM project" \
  " WHERE (?1 IS NULL OR field_id = ?1) AND (?2 IS NULL OR status = ?2)" \
  " AND (?3 IS NULL OR pillar = ?3) AND (?4 IS NULL OR lead_ministry = ?4)"

/* In the order of RkProjectSort. The status order spells the expression of
 * the index project_list_status exactly, or SQLite would not use it. */
static const char * const queries[] = {
  SELECT_FILTERED " ORDER BY title COLLATE NOCASE",
  SELECT_FILTERED " ORDER BY code, title COLLATE NOCASE",
  SELECT_FILTERED
  " ORDER BY CASE status WHEN 'proposal' THEN 0 WHEN 'under_review' THEN 1"
  " WHEN 'in_implementation' THEN 2 WHEN 'completed' THEN 3 ELSE 4 END,"
  " title COLLATE NOCASE",
  SELECT_FILTERED " ORDER BY updated_at DESC",
};

static gpointer
load_project (RkDatabase  *db,
              gint64       rowid,
              GError     **error)
{
  return rk_project_load_by_rowid (db, rowid, error);
}

static gboolean
reload_project (gpointer     item,
                RkDatabase  *db,
                GError     **error)
{
  return rk_project_reload (item, db, error);
}

static const char *
project_key (gpointer item)
{
  return rk_project_get_id (item);
}

static const RkRecordListSpec project_spec = {
  .table = "project",
  .item_type = rk_project_get_type,
  .queries = queries,
  .n_sorts = G_N_ELEMENTS (queries),
  .n_filters = N_FILTERS,
  .search_sql = "SELECT rowid FROM project_fts WHERE project_fts MATCH ?",
  .count_sql = "SELECT count(*) FROM project",
  .rowid_sql = "SELECT rowid FROM project WHERE id = ?",
  .what = N_("Listing the projects"),
  .load = load_project,
  .reload = reload_project,
  .get_key = project_key,
};

/**
 * rk_project_list_new:
 *
 * Returns: (transfer full): all projects by title; search by
 *   rk_record_list_set_search(), sort by an #RkProjectSort
 */
RkRecordList *
rk_project_list_new (RkDatabase *db)
{
  return rk_record_list_new (db, &project_spec);
}

void
rk_project_list_set_field_id (RkRecordList *self,
                              const char   *field_id)
{
  rk_record_list_set_filter (self, FILTER_FIELD, field_id);
}

void
rk_project_list_set_status (RkRecordList *self,
                            const char   *status_key)
{
  rk_record_list_set_filter (self, FILTER_STATUS, status_key);
}

void
rk_project_list_set_pillar (RkRecordList *self,
                            const char   *pillar_key)
{
  rk_record_list_set_filter (self, FILTER_PILLAR, pillar_key);
}

void
rk_project_list_set_lead_ministry (RkRecordList *self,
                                   const char   *lead_ministry)
{
  rk_record_list_set_filter (self, FILTER_LEAD_MINISTRY, lead_ministry);
}
