/* rk-note-editor.h: the detail page of a note; edits save themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-note.h"

G_BEGIN_DECLS

#define RK_TYPE_NOTE_EDITOR (rk_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkNoteEditor, rk_note_editor, RK, NOTE_EDITOR, GtkWidget)

void      rk_note_editor_set_database (RkNoteEditor *self,
                                       RkDatabase   *db);
void      rk_note_editor_set_note     (RkNoteEditor *self,
                                       RkNote       *note);
RkNote   *rk_note_editor_get_note     (RkNoteEditor *self);
gboolean  rk_note_editor_flush        (RkNoteEditor *self);
gboolean  rk_note_editor_undo         (RkNoteEditor *self);
gboolean  rk_note_editor_can_undo     (RkNoteEditor *self);
void      rk_note_editor_focus_title  (RkNoteEditor *self);

G_END_DECLS
