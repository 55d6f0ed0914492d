/* rk-text-area.h: the long texts of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The tallest a text area grows before its text scrolls. */
#define RK_TEXT_AREA_MAX_HEIGHT 400

GtkWidget *rk_text_area_new   (GtkWidget          *label,
                               GtkTextView       **out_view);
void       rk_text_area_setup (GtkScrolledWindow  *area);

G_END_DECLS
