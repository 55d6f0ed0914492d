/* rk-note-row.h: a note in the list, under the heading of its group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-note.h"

G_BEGIN_DECLS

#define RK_TYPE_NOTE_ROW (rk_note_row_get_type ())
G_DECLARE_FINAL_TYPE (RkNoteRow, rk_note_row, RK, NOTE_ROW, GtkWidget)

GtkWidget  *rk_note_row_new         (void);
void        rk_note_row_set_note    (RkNoteRow  *self,
                                     RkNote     *note);
RkNote     *rk_note_row_get_note    (RkNoteRow  *self);
void        rk_note_row_set_heading (RkNoteRow  *self,
                                     const char *heading);
const char *rk_note_row_get_heading (RkNoteRow  *self);
void        rk_note_row_set_details (RkNoteRow  *self,
                                     const char *details);

GtkWidget  *rk_note_action_row_new  (RkNote     *note,
                                     const char *subtitle);

G_END_DECLS
