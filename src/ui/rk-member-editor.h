/* rk-member-editor.h: the detail page of a board member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-board.h"

G_BEGIN_DECLS

#define RK_TYPE_MEMBER_EDITOR (rk_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkMemberEditor, rk_member_editor, RK, MEMBER_EDITOR, GtkWidget)

void           rk_member_editor_set_database (RkMemberEditor *self,
                                              RkDatabase     *db);
void           rk_member_editor_set_member   (RkMemberEditor *self,
                                              RkBoardMember  *member);
RkBoardMember *rk_member_editor_get_member   (RkMemberEditor *self);
gboolean       rk_member_editor_flush        (RkMemberEditor *self);
gboolean       rk_member_editor_undo         (RkMemberEditor *self);
gboolean       rk_member_editor_can_undo     (RkMemberEditor *self);
void           rk_member_editor_focus_name   (RkMemberEditor *self);

G_END_DECLS
