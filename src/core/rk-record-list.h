/* rk-record-list.h: records as a list model, searched, filtered and sorted
 * in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_RECORD_LIST (rk_record_list_get_type ())
G_DECLARE_FINAL_TYPE (RkRecordList, rk_record_list, RK, RECORD_LIST, GObject)

RkDatabase *rk_record_list_get_database (RkRecordList  *self);
void        rk_record_list_set_search   (RkRecordList  *self,
                                         const char    *text);
void        rk_record_list_set_filter   (RkRecordList  *self,
                                         guint          index,
                                         const char    *value);
void        rk_record_list_set_sort     (RkRecordList  *self,
                                         guint          sort);
guint       rk_record_list_get_n_total  (RkRecordList  *self);
gboolean    rk_record_list_find         (RkRecordList  *self,
                                         const char    *id,
                                         guint         *out_position);
gboolean    rk_record_list_refresh      (RkRecordList  *self,
                                         GError       **error);
guint       rk_record_list_get_n_loaded (RkRecordList  *self);

char       *rk_search_to_fts_query      (const char    *text);

G_END_DECLS
