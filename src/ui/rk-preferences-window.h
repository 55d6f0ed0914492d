/* rk-preferences-window.h: what users set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RK_TYPE_PREFERENCES_WINDOW (rk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (RkPreferencesWindow, rk_preferences_window, RK, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *rk_preferences_window_new (GtkWindow *parent);

G_END_DECLS
