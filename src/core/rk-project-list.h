/* rk-project-list.h: the projects as a list model, searched, filtered and
 * sorted in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-project.h"

G_BEGIN_DECLS

typedef enum {
  RK_PROJECT_SORT_TITLE,
  RK_PROJECT_SORT_CODE,
  RK_PROJECT_SORT_STATUS,
  RK_PROJECT_SORT_UPDATED,
} RkProjectSort;

#define RK_TYPE_PROJECT_SORT (rk_project_sort_get_type ())
GType rk_project_sort_get_type (void) G_GNUC_CONST;

#define RK_TYPE_PROJECT_LIST (rk_project_list_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectList, rk_project_list, RK, PROJECT_LIST, GObject)

RkProjectList *rk_project_list_new               (RkDatabase    *db);
RkDatabase    *rk_project_list_get_database      (RkProjectList *self);
void           rk_project_list_set_search        (RkProjectList *self,
                                                  const char    *text);
void           rk_project_list_set_field_id      (RkProjectList *self,
                                                  const char    *field_id);
void           rk_project_list_set_status        (RkProjectList *self,
                                                  const char    *status_key);
void           rk_project_list_set_pillar        (RkProjectList *self,
                                                  const char    *pillar_key);
void           rk_project_list_set_lead_ministry (RkProjectList *self,
                                                  const char    *lead_ministry);
void           rk_project_list_set_sort          (RkProjectList *self,
                                                  RkProjectSort  sort);
guint          rk_project_list_get_n_total       (RkProjectList *self);
gboolean       rk_project_list_find              (RkProjectList *self,
                                                  const char    *id,
                                                  guint         *out_position);
gboolean       rk_project_list_refresh           (RkProjectList *self,
                                                  GError       **error);
guint          rk_project_list_get_n_loaded      (RkProjectList *self);

char          *rk_search_to_fts_query            (const char    *text);

G_END_DECLS
