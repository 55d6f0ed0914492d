/* rk-board-page.h: the Advisory Board section, list beside detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_BOARD_PAGE (rk_board_page_get_type ())
G_DECLARE_FINAL_TYPE (RkBoardPage, rk_board_page, RK, BOARD_PAGE, GtkWidget)

void     rk_board_page_set_database       (RkBoardPage *self,
                                           RkDatabase  *db);
void     rk_board_page_new_note           (RkBoardPage *self);
void     rk_board_page_open_note          (RkBoardPage *self,
                                           const char  *note_id);
void     rk_board_page_show_project_notes (RkBoardPage *self,
                                           const char  *project_id);
void     rk_board_page_focus_search       (RkBoardPage *self);
gboolean rk_board_page_flush              (RkBoardPage *self);

G_END_DECLS
