/* rk-toast.c: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-toast"

#include "config.h"

#include "rk-toast.h"

/**
 * rk_toast_show:
 * @widget: a widget inside the window's toast overlay
 * @toast: (transfer full): the toast
 */
void
rk_toast_show (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * rk_toast_show_error:
 *
 * Shows the error's sentence until the user dismisses it: an error is not
 * to be missed.
 */
void
rk_toast_show_error (GtkWidget    *widget,
                     const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  rk_toast_show (widget, toast);
}
