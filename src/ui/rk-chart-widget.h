/* rk-chart-widget.h: the overview chart on screen, its segments buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rk-summary.h"

G_BEGIN_DECLS

#define RK_TYPE_CHART_WIDGET (rk_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (RkChartWidget, rk_chart_widget, RK, CHART_WIDGET, GtkWidget)

GtkWidget *rk_chart_widget_new         (void);
void       rk_chart_widget_set_summary (RkChartWidget *self,
                                        RkSummary     *summary);

G_END_DECLS
