/* rk-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-application.h"
#include "rk-database.h"

G_BEGIN_DECLS

/* The sections of the view switcher, by page name, in their order. */
#define RK_N_SECTIONS 5
extern const char * const rk_sections[RK_N_SECTIONS];

#define RK_TYPE_WINDOW (rk_window_get_type ())
G_DECLARE_FINAL_TYPE (RkWindow, rk_window, RK, WINDOW, AdwApplicationWindow)

RkWindow   *rk_window_new             (RkApplication *application,
                                       RkDatabase    *database);
RkDatabase *rk_window_get_database    (RkWindow      *self);
void        rk_window_set_database    (RkWindow      *self,
                                       RkDatabase    *database);
void        rk_window_show_open_error (RkWindow      *self,
                                       const GError  *error);
GtkWidget  *rk_window_get_projects_page (RkWindow    *self);
GtkWidget  *rk_window_get_partners_page (RkWindow    *self);
gboolean    rk_window_get_loaded        (RkWindow    *self);

G_END_DECLS
