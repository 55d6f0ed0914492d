/* rk-board.h: the advisory board's members and meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-snapshot.h"

G_BEGIN_DECLS

#define RK_BOARD_ERROR (rk_board_error_quark ())

/* What is wrong with a member or a meeting, so the interface can say it
 * at the field. */
typedef enum {
  RK_BOARD_ERROR_NAME_REQUIRED,
  RK_BOARD_ERROR_INVALID_DATE,
  RK_BOARD_ERROR_END_BEFORE_START,
  RK_BOARD_ERROR_DATE_REQUIRED,
  RK_BOARD_ERROR_NOT_FOUND,
} RkBoardError;

#define RK_TYPE_BOARD_MEMBER (rk_board_member_get_type ())
G_DECLARE_FINAL_TYPE (RkBoardMember, rk_board_member, RK, BOARD_MEMBER, GObject)

#define RK_TYPE_MEETING (rk_meeting_get_type ())
G_DECLARE_FINAL_TYPE (RkMeeting, rk_meeting, RK, MEETING, GObject)

GQuark         rk_board_error_quark             (void);

RkBoardMember *rk_board_member_new              (void);
RkBoardMember *rk_board_member_load             (RkDatabase     *db,
                                                 const char     *id,
                                                 GError        **error);
gboolean       rk_board_member_reload           (RkBoardMember  *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_board_member_validate         (RkBoardMember  *self,
                                                 GError        **error);
gboolean       rk_board_member_insert           (RkBoardMember  *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_board_member_save             (RkBoardMember  *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_board_member_delete           (RkDatabase     *db,
                                                 const char     *id,
                                                 RkSnapshot    **out_snapshot,
                                                 GError        **error);
gboolean       rk_board_member_equal_values     (RkBoardMember  *self,
                                                 RkBoardMember  *other);
RkBoardMember *rk_board_member_copy             (RkBoardMember  *self);
void           rk_board_member_set_values_from  (RkBoardMember  *self,
                                                 RkBoardMember  *other);
gboolean       rk_board_member_is_current       (RkBoardMember  *self,
                                                 const char     *today);

const char    *rk_board_member_get_id           (RkBoardMember  *self);
const char    *rk_board_member_get_name         (RkBoardMember  *self);
const char    *rk_board_member_get_organisation (RkBoardMember  *self);
const char    *rk_board_member_get_function     (RkBoardMember  *self);
const char    *rk_board_member_get_active_from  (RkBoardMember  *self);
const char    *rk_board_member_get_active_to    (RkBoardMember  *self);
gboolean       rk_board_member_get_is_example   (RkBoardMember  *self);
const char    *rk_board_member_get_updated_at   (RkBoardMember  *self);

GListModel    *rk_database_list_board_members   (RkDatabase     *db,
                                                 GError        **error);

RkMeeting     *rk_meeting_new                   (void);
RkMeeting     *rk_meeting_load                  (RkDatabase     *db,
                                                 const char     *id,
                                                 GError        **error);
gboolean       rk_meeting_reload                (RkMeeting      *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_meeting_validate              (RkMeeting      *self,
                                                 GError        **error);
gboolean       rk_meeting_insert                (RkMeeting      *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_meeting_save                  (RkMeeting      *self,
                                                 RkDatabase     *db,
                                                 GError        **error);
gboolean       rk_meeting_delete                (RkDatabase     *db,
                                                 const char     *id,
                                                 RkSnapshot    **out_snapshot,
                                                 GError        **error);
gboolean       rk_meeting_equal_values          (RkMeeting      *self,
                                                 RkMeeting      *other);
RkMeeting     *rk_meeting_copy                  (RkMeeting      *self);
void           rk_meeting_set_values_from       (RkMeeting      *self,
                                                 RkMeeting      *other);
char          *rk_meeting_dup_label             (RkMeeting      *self);

const char    *rk_meeting_get_id                (RkMeeting      *self);
const char    *rk_meeting_get_date              (RkMeeting      *self);
const char    *rk_meeting_get_place             (RkMeeting      *self);
const char    *rk_meeting_get_title             (RkMeeting      *self);
const char * const *rk_meeting_get_member_ids   (RkMeeting      *self);
gboolean       rk_meeting_get_is_example        (RkMeeting      *self);
const char    *rk_meeting_get_updated_at        (RkMeeting      *self);

GListModel    *rk_database_list_meetings        (RkDatabase     *db,
                                                 GError        **error);

char          *rk_today                         (void);

G_END_DECLS
