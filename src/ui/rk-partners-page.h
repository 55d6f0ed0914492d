/* rk-partners-page.h: the Partners section, list beside detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"
#include "rk-record-list.h"

G_BEGIN_DECLS

#define RK_TYPE_PARTNERS_PAGE (rk_partners_page_get_type ())
G_DECLARE_FINAL_TYPE (RkPartnersPage, rk_partners_page, RK, PARTNERS_PAGE, GtkWidget)

void     rk_partners_page_set_database (RkPartnersPage *self,
                                        RkDatabase     *db);
void     rk_partners_page_select       (RkPartnersPage *self,
                                        const char     *organisation_id);
void     rk_partners_page_focus_search (RkPartnersPage *self);
void     rk_partners_page_new_organisation (RkPartnersPage *self);
gboolean rk_partners_page_flush        (RkPartnersPage *self);

RkRecordList *rk_partners_page_get_list (RkPartnersPage *self);

G_END_DECLS
