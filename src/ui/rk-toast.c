/* rk-toast.c: toasts from anywhere in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-toast.h"

/* libadwaita 1.2 leaves the button that closes a toast, an icon, without
 * a name. */
static void
name_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0)
    {
      gtk_widget_set_tooltip_text (widget, _("Close"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_close_button (child);
}

/* The overlay builds a widget for each toast when it shows it, now or
 * after the toasts before it: a toast's button with a mnemonic ("_Undo")
 * and the one that closes it are to be named whenever that happens. */
static void
on_overlay_children_changed_cb (GListModel *children,
                                guint       position,
                                guint       removed,
                                guint       added,
                                gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      rk_a11y_fix_tree (child);
      name_close_button (child);
    }
}

static void
watch_overlay (GtkWidget *overlay)
{
  GListModel *children;

  if (g_object_get_data (G_OBJECT (overlay), "rk-toast-children") != NULL)
    return;

  children = gtk_widget_observe_children (overlay);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_overlay_children_changed_cb), NULL);
  g_object_set_data_full (G_OBJECT (overlay), "rk-toast-children", children, g_object_unref);
}

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
    {
      watch_overlay (overlay);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
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
