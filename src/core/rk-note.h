/* rk-note.h: a note on the advisory board's work, linked to projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-snapshot.h"

G_BEGIN_DECLS

#define RK_NOTE_ERROR (rk_note_error_quark ())

/* What is wrong with a note, so the interface can say it at the field. */
typedef enum {
  RK_NOTE_ERROR_DATE_REQUIRED,
  RK_NOTE_ERROR_INVALID_DATE,
  RK_NOTE_ERROR_NOT_FOUND,
  RK_NOTE_ERROR_PROJECT_NOT_FOUND,
} RkNoteError;

#define RK_TYPE_NOTE (rk_note_get_type ())
G_DECLARE_FINAL_TYPE (RkNote, rk_note, RK, NOTE, GObject)

GQuark       rk_note_error_quark      (void);

RkNote      *rk_note_new              (void);
RkNote      *rk_note_load             (RkDatabase  *db,
                                       const char  *id,
                                       GError     **error);
RkNote      *rk_note_load_by_rowid    (RkDatabase  *db,
                                       gint64       rowid,
                                       GError     **error);
gboolean     rk_note_reload           (RkNote      *self,
                                       RkDatabase  *db,
                                       GError     **error);
gboolean     rk_note_validate         (RkNote      *self,
                                       GError     **error);
gboolean     rk_note_insert           (RkNote      *self,
                                       RkDatabase  *db,
                                       GError     **error);
gboolean     rk_note_save             (RkNote      *self,
                                       RkDatabase  *db,
                                       GError     **error);
gboolean     rk_note_delete           (RkDatabase  *db,
                                       const char  *id,
                                       RkSnapshot **out_snapshot,
                                       GError     **error);
gboolean     rk_note_equal_values     (RkNote      *self,
                                       RkNote      *other);
RkNote      *rk_note_copy             (RkNote      *self);
void         rk_note_set_values_from  (RkNote      *self,
                                       RkNote      *other);

gboolean     rk_note_link_project     (RkNote      *self,
                                       RkDatabase  *db,
                                       const char  *project_id,
                                       GError     **error);
gboolean     rk_note_unlink_project   (RkNote      *self,
                                       RkDatabase  *db,
                                       const char  *project_id,
                                       GError     **error);

const char  *rk_note_get_id           (RkNote      *self);
gint64       rk_note_get_rowid        (RkNote      *self);
const char  *rk_note_get_meeting_id   (RkNote      *self);
const char  *rk_note_get_author_id    (RkNote      *self);
const char  *rk_note_get_date         (RkNote      *self);
const char  *rk_note_get_title        (RkNote      *self);
const char  *rk_note_get_text         (RkNote      *self);
gboolean     rk_note_get_is_example   (RkNote      *self);
const char  *rk_note_get_updated_at   (RkNote      *self);
const char * const *rk_note_get_project_ids (RkNote *self);

G_END_DECLS
