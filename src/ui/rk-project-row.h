/* rk-project-row.h: a project in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-project.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECT_ROW (rk_project_row_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectRow, rk_project_row, RK, PROJECT_ROW, GtkWidget)

GtkWidget *rk_project_row_new         (void);
void       rk_project_row_set_project (RkProjectRow *self,
                                       RkProject    *project,
                                       RkDatabase   *db);

void       rk_status_tag_update       (GtkLabel     *tag,
                                       RkStatus      status);

G_END_DECLS
