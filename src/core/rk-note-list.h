/* rk-note-list.h: the advisory board's notes as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-note.h"
#include "rk-record-list.h"

G_BEGIN_DECLS

RkRecordList *rk_note_list_new            (RkDatabase   *db);
void          rk_note_list_set_author_id  (RkRecordList *self,
                                           const char   *member_id);
void          rk_note_list_set_project_id (RkRecordList *self,
                                           const char   *project_id);
void          rk_note_list_set_meeting_id (RkRecordList *self,
                                           const char   *meeting_id);

GListModel   *rk_note_list_for_project    (RkDatabase   *db,
                                           const char   *project_id,
                                           guint         max_items,
                                           guint        *out_n_notes,
                                           GError      **error);

G_END_DECLS
