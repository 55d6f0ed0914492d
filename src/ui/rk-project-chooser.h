/* rk-project-chooser.h: a popover that finds a project by search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECT_CHOOSER (rk_project_chooser_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectChooser, rk_project_chooser, RK, PROJECT_CHOOSER, GtkPopover)

GtkWidget *rk_project_chooser_new          (void);
void       rk_project_chooser_set_database (RkProjectChooser   *self,
                                            RkDatabase         *db);
void       rk_project_chooser_set_marked   (RkProjectChooser   *self,
                                            const char * const *project_ids);

G_END_DECLS
