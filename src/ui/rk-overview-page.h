/* rk-overview-page.h: the programme at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_OVERVIEW_PAGE (rk_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (RkOverviewPage, rk_overview_page, RK, OVERVIEW_PAGE, GtkWidget)

void     rk_overview_page_set_database (RkOverviewPage *self,
                                        RkDatabase     *db);
void     rk_overview_page_refresh      (RkOverviewPage *self);
gboolean rk_overview_page_get_loading  (RkOverviewPage *self);

G_END_DECLS
