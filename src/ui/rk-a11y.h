/* rk-a11y.h: what a screen reader needs and GTK 4.8 does not give
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rk_a11y_fix_tree        (GtkWidget  *root);
void rk_a11y_label_list_item (GtkWidget  *row,
                              const char *label);
void rk_a11y_label_with_lists (GtkWidget  *widget,
                               const char *label);

G_END_DECLS
