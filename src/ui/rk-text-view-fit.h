/* rk-text-view-fit.h: text views as tall as their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rk_text_view_fit_content (GtkTextView *view);

G_END_DECLS
