/* rk-project-notes-group.h: the advisory board's notes on a project's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECT_NOTES_GROUP (rk_project_notes_group_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectNotesGroup, rk_project_notes_group, RK, PROJECT_NOTES_GROUP, AdwPreferencesGroup)

GtkWidget *rk_project_notes_group_new         (void);
void       rk_project_notes_group_set_project (RkProjectNotesGroup *self,
                                               RkDatabase          *db,
                                               const char          *project_id);
guint      rk_project_notes_group_get_n_notes (RkProjectNotesGroup *self);

G_END_DECLS
