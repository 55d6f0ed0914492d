/* rk-record-list-private.h: what a kind of record tells its list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-record-list.h"

G_BEGIN_DECLS

#define RK_RECORD_LIST_MAX_FILTERS 4

/* All statements are the model layer's own. The filter query of each sort
 * binds ?1 … ?n_filters, each NULL for "all"; the search statement binds
 * the FTS5 query and returns the rowids of the table's records. */
typedef struct
{
  const char          *table;        /* its "changed::" detail */
  GType              (*item_type) (void);
  const char * const  *queries;      /* one per sort */
  guint                n_sorts;
  guint                n_filters;
  const char          *search_sql;
  const char          *count_sql;
  const char          *rowid_sql;    /* rowid of a key */
  const char          *what;         /* marked for translation: "Listing the projects" */
  gpointer           (*load)     (RkDatabase *db, gint64 rowid, GError **error);
  gboolean           (*reload)   (gpointer item, RkDatabase *db, GError **error);
  const char *       (*get_key)  (gpointer item);
} RkRecordListSpec;

RkRecordList *rk_record_list_new (RkDatabase             *db,
                                  const RkRecordListSpec *spec);

G_END_DECLS
