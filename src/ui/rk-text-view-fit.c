/* rk-text-view-fit.c: text views as tall as their text
 *
 * A GtkTextView outside a scrolled window should be as tall as its text.
 * GTK 4.8 lays the text out after the view has its size, and when the
 * text then needs more room, it does not ask for it: a text set before the
 * view shows, or re-wrapped to a narrower window, is cut off at the
 * bottom. After each frame, a fitted view compares what it needs with what
 * it has and asks again; tests/test-layout.c checks the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-text-view-fit"

#include "config.h"

#include "rk-text-view-fit.h"

typedef struct
{
  GtkWidget     *view;
  GdkFrameClock *clock;
  gulong         after_paint_id;
  int            asked;
} Fit;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Fit           *fit)
{
  graphene_rect_t bounds;
  int min_height;

  if (!gtk_widget_compute_bounds (fit->view, fit->view, &bounds))
    return;

  gtk_widget_measure (fit->view, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  min_height -= gtk_widget_get_margin_top (fit->view) + gtk_widget_get_margin_bottom (fit->view);

  /* Asked once for this height already: the parent has its reasons. */
  if (bounds.size.height + 0.5 >= min_height || min_height == fit->asked)
    return;

  fit->asked = min_height;
  gtk_widget_queue_resize (fit->view);
}

static void
on_map_cb (GtkWidget *view,
           Fit       *fit)
{
  fit->clock = gtk_widget_get_frame_clock (view);
  fit->asked = 0;
  if (fit->clock != NULL)
    fit->after_paint_id = g_signal_connect (fit->clock, "after-paint",
                                            G_CALLBACK (on_after_paint_cb), fit);
}

static void
on_unmap_cb (GtkWidget *view,
             Fit       *fit)
{
  if (fit->clock != NULL)
    g_clear_signal_handler (&fit->after_paint_id, fit->clock);
  fit->clock = NULL;
}

static void
on_changed_cb (GtkTextBuffer *buffer,
               GtkWidget     *view)
{
  Fit *fit = g_object_get_data (G_OBJECT (view), "rk-text-view-fit");

  if (fit != NULL)
    fit->asked = 0;
}

static void
fit_free (gpointer data)
{
  Fit *fit = data;

  if (fit->clock != NULL)
    g_clear_signal_handler (&fit->after_paint_id, fit->clock);
  g_free (fit);
}

/**
 * rk_text_view_fit_content:
 * @view: a text view that is not in a scrolled window
 *
 * Keeps @view as tall as its text, whenever the text or the view's width
 * changes.
 */
void
rk_text_view_fit_content (GtkTextView *view)
{
  Fit *fit;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  fit = g_new0 (Fit, 1);
  fit->view = GTK_WIDGET (view);
  g_object_set_data_full (G_OBJECT (view), "rk-text-view-fit", fit, fit_free);
  g_signal_connect (view, "map", G_CALLBACK (on_map_cb), fit);
  g_signal_connect (view, "unmap", G_CALLBACK (on_unmap_cb), fit);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                           G_CALLBACK (on_changed_cb), view, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    on_map_cb (GTK_WIDGET (view), fit);
}
