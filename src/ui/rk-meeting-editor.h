/* rk-meeting-editor.h: the detail page of a board meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-board.h"

G_BEGIN_DECLS

#define RK_TYPE_MEETING_EDITOR (rk_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkMeetingEditor, rk_meeting_editor, RK, MEETING_EDITOR, GtkWidget)

void       rk_meeting_editor_set_database (RkMeetingEditor *self,
                                           RkDatabase      *db);
void       rk_meeting_editor_set_meeting  (RkMeetingEditor *self,
                                           RkMeeting       *meeting);
RkMeeting *rk_meeting_editor_get_meeting  (RkMeetingEditor *self);
gboolean   rk_meeting_editor_flush        (RkMeetingEditor *self);
gboolean   rk_meeting_editor_undo         (RkMeetingEditor *self);
gboolean   rk_meeting_editor_can_undo     (RkMeetingEditor *self);
void       rk_meeting_editor_focus_title  (RkMeetingEditor *self);

G_END_DECLS
