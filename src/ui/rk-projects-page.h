/* rk-projects-page.h: the Projects section, list beside detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"
#include "rk-record-list.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECTS_PAGE (rk_projects_page_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectsPage, rk_projects_page, RK, PROJECTS_PAGE, GtkWidget)

void     rk_projects_page_set_database        (RkProjectsPage *self,
                                               RkDatabase     *db);
void     rk_projects_page_new_project         (RkProjectsPage *self);
void     rk_projects_page_focus_search        (RkProjectsPage *self);
gboolean rk_projects_page_flush               (RkProjectsPage *self);
void     rk_projects_page_load_example_data   (RkProjectsPage *self);
void     rk_projects_page_remove_example_data (RkProjectsPage *self);
void     rk_projects_page_select              (RkProjectsPage *self,
                                               const char     *project_id);
void     rk_projects_page_show_filtered       (RkProjectsPage *self,
                                               const char     *field_id,
                                               const char     *status_key);

RkRecordList *rk_projects_page_get_list (RkProjectsPage *self);

G_END_DECLS
