/* rk-toast.h: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rk_toast_show       (GtkWidget    *widget,
                          AdwToast     *toast);
void rk_toast_show_error (GtkWidget    *widget,
                          const GError *error);

G_END_DECLS
