/* rk-project-list.h: the projects as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-project.h"
#include "rk-record-list.h"

G_BEGIN_DECLS

typedef enum {
  RK_PROJECT_SORT_TITLE,
  RK_PROJECT_SORT_CODE,
  RK_PROJECT_SORT_STATUS,
  RK_PROJECT_SORT_UPDATED,
} RkProjectSort;

RkRecordList *rk_project_list_new               (RkDatabase   *db);
void          rk_project_list_set_field_id      (RkRecordList *self,
                                                 const char   *field_id);
void          rk_project_list_set_status        (RkRecordList *self,
                                                 const char   *status_key);
void          rk_project_list_set_pillar        (RkRecordList *self,
                                                 const char   *pillar_key);
void          rk_project_list_set_lead_ministry (RkRecordList *self,
                                                 const char   *lead_ministry);

G_END_DECLS
