/* rk-project-editor.h: the detail page of a project; edits save themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-project.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECT_EDITOR (rk_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectEditor, rk_project_editor, RK, PROJECT_EDITOR, GtkWidget)

void        rk_project_editor_set_database (RkProjectEditor *self,
                                            RkDatabase      *db);
void        rk_project_editor_set_project  (RkProjectEditor *self,
                                            RkProject       *project);
RkProject  *rk_project_editor_get_project  (RkProjectEditor *self);
gboolean    rk_project_editor_flush        (RkProjectEditor *self);
gboolean    rk_project_editor_undo         (RkProjectEditor *self);
gboolean    rk_project_editor_can_undo     (RkProjectEditor *self);
void        rk_project_editor_focus_title  (RkProjectEditor *self);

G_END_DECLS
