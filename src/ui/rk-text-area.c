/* rk-text-area.c: the long texts of a record
 *
 * A record's long texts (a project's goal and the like, an organisation's
 * notes, a board note, a report entry) stand in pages that scroll. Each
 * text view sits in a scrolled window of its own, which grows with the
 * text up to RK_TEXT_AREA_MAX_HEIGHT and then scrolls. GTK lays out the
 * lines on screen at once and the others in the background, so a text of
 * 10 MB opens as quickly as a short one; a view as tall as all of its
 * text would have to lay all of it out first, and again whenever the
 * window's width changes.
 *
 * The pages give their rows the height they need at least, so the area
 * needs as much as its text, up to its limit. How tall the text is shows
 * only once GTK has laid it out, at a new width too, and GTK 4.8 does not
 * ask again then: after each frame, the area compares and asks.
 * /ui/projects/text-area-grows checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-text-area"

#include "config.h"

#include "rk-text-area.h"

/* The height of three lines of text. */
#define MIN_HEIGHT 72

typedef struct
{
  GtkScrolledWindow *area;
  GtkWidget         *view;
  int                min_height;   /* with no text */
  GdkFrameClock     *clock;
  gulong             after_paint_id;
} Fit;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Fit           *fit)
{
  int text_height, wanted;

  gtk_widget_measure (fit->view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (fit->view),
                      NULL, &text_height, NULL, NULL);
  wanted = CLAMP (text_height, fit->min_height, RK_TEXT_AREA_MAX_HEIGHT);
  if (wanted != gtk_scrolled_window_get_min_content_height (fit->area))
    gtk_scrolled_window_set_min_content_height (fit->area, wanted);
}

static void
on_map_cb (GtkWidget *area,
           Fit       *fit)
{
  fit->clock = gtk_widget_get_frame_clock (area);
  if (fit->clock != NULL)
    fit->after_paint_id = g_signal_connect (fit->clock, "after-paint",
                                            G_CALLBACK (on_after_paint_cb), fit);
}

static void
on_unmap_cb (GtkWidget *area,
             Fit       *fit)
{
  if (fit->clock != NULL)
    g_clear_signal_handler (&fit->after_paint_id, fit->clock);
  fit->clock = NULL;
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
 * rk_text_area_setup:
 * @area: a scrolled window whose child is a text view, with the least
 *   height as its minimum content height
 *
 * Makes @area as tall as its text, up to %RK_TEXT_AREA_MAX_HEIGHT, and
 * scroll beyond. For the text areas of .ui files; rk_text_area_new()
 * calls it too.
 */
void
rk_text_area_setup (GtkScrolledWindow *area)
{
  Fit *fit;

  g_return_if_fail (GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (area)));

  gtk_scrolled_window_set_policy (area, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (area, RK_TEXT_AREA_MAX_HEIGHT);

  fit = g_new0 (Fit, 1);
  fit->area = area;
  fit->view = gtk_scrolled_window_get_child (area);
  fit->min_height = MAX (gtk_scrolled_window_get_min_content_height (area), 0);
  g_object_set_data_full (G_OBJECT (area), "rk-text-area", fit, fit_free);
  g_signal_connect (area, "map", G_CALLBACK (on_map_cb), fit);
  g_signal_connect (area, "unmap", G_CALLBACK (on_unmap_cb), fit);
  if (gtk_widget_get_mapped (GTK_WIDGET (area)))
    on_map_cb (GTK_WIDGET (area), fit);
}

/**
 * rk_text_area_new:
 * @label: the heading above the text, which names it
 * @out_view: (out) (transfer none): the text view inside
 *
 * Returns: (transfer floating): a text area (rk_text_area_setup()) with an
 *   empty text view that wraps words, leaves Tab to move the focus on and
 *   is labelled by @label
 */
GtkWidget *
rk_text_area_new (GtkWidget    *label,
                  GtkTextView **out_view)
{
  GtkWidget *area = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_add_css_class (view, "card");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  if (GTK_IS_LABEL (label))
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (area), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (area), MIN_HEIGHT);
  rk_text_area_setup (GTK_SCROLLED_WINDOW (area));

  *out_view = GTK_TEXT_VIEW (view);
  return area;
}
