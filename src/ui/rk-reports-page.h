/* rk-reports-page.h: the Reports section, progress reports beside their
 * entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_REPORTS_PAGE (rk_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (RkReportsPage, rk_reports_page, RK, REPORTS_PAGE, GtkWidget)

void     rk_reports_page_set_database (RkReportsPage *self,
                                       RkDatabase    *db);
gboolean rk_reports_page_flush        (RkReportsPage *self);
void     rk_reports_page_select       (RkReportsPage *self,
                                       const char    *report_id);
void     rk_reports_page_new_report   (RkReportsPage *self);
void     rk_reports_page_export_pdf   (RkReportsPage *self,
                                       GFile         *file);
void     rk_reports_page_print        (RkReportsPage *self,
                                       const char    *export_path);

G_END_DECLS
