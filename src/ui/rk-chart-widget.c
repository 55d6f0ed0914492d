/* rk-chart-widget.c: the overview chart on screen, its segments buttons
 *
 * The chart is drawn by rk-chart.c, the code the PDF uses too. Over each
 * bar segment lies a small button of its own: it takes the keyboard focus
 * in reading order, has an accessible name that says what the segment
 * shows ("Networked mobility – short distances, in implementation: 12
 * projects"), and is activated by click, Enter or Space, when the chart
 * emits #RkChartWidget::segment-activated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-chart-widget"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rk-chart-widget.h"
#include "rk-chart.h"

/* A segment's button: focusable, a button to assistive technology, and
 * without any minimum size, since a segment of one project in a hundred
 * is narrow. It draws only its focus ring and hover tint; the chart
 * beneath draws the segment. */
#define RK_TYPE_CHART_SEGMENT_BUTTON (rk_chart_segment_button_get_type ())
G_DECLARE_FINAL_TYPE (RkChartSegmentButton, rk_chart_segment_button, RK, CHART_SEGMENT_BUTTON, GtkWidget)

struct _RkChartSegmentButton
{
  GtkWidget  parent_instance;

  char      *field_id;
  RkStatus   status;
};

G_DEFINE_FINAL_TYPE (RkChartSegmentButton, rk_chart_segment_button, GTK_TYPE_WIDGET)

enum {
  SEGMENT_CLICKED,
  N_SEGMENT_SIGNALS
};

static guint segment_signals[N_SEGMENT_SIGNALS];

struct _RkChartWidget
{
  GtkWidget  parent_instance;

  RkChart   *chart;
  GPtrArray *buttons;        /* RkChartSegmentButton, parallel to the segments
                              * that have a field; not owned */
  GArray    *button_index;   /* guint: the chart segment of each button */
  double     laid_out_width; /* the width the chart was last laid out at */
};

G_DEFINE_FINAL_TYPE (RkChartWidget, rk_chart_widget, GTK_TYPE_WIDGET)

enum {
  SEGMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* RkChartSegmentButton */

static void
on_segment_released_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        RkChartSegmentButton *self)
{
  if (n_press == 1 && gtk_widget_contains (GTK_WIDGET (self), x, y))
    g_signal_emit (self, segment_signals[SEGMENT_CLICKED], 0);
}

static void
rk_chart_segment_button_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GdkRGBA fg;

  gtk_style_context_get_color (style, &fg);

  if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT)
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 0.25 },
                               &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* A ring in the text colour, and inside it one in the opposite, so it
   * shows on every segment colour and on either background. */
  if (gtk_widget_has_visible_focus (widget))
    {
      gboolean light_text = fg.red + fg.green + fg.blue > 1.5;
      GdkRGBA inner = light_text ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
      GskRoundedRect outer_rect, inner_rect;

      gsk_rounded_rect_init_from_rect (&outer_rect, &GRAPHENE_RECT_INIT (-3, -3, width + 6, height + 6), 4);
      gsk_rounded_rect_init_from_rect (&inner_rect, &GRAPHENE_RECT_INIT (-1, -1, width + 2, height + 2), 2);
      gtk_snapshot_append_border (snapshot, &outer_rect, (float[]) { 2, 2, 2, 2 },
                                  (GdkRGBA[]) { fg, fg, fg, fg });
      gtk_snapshot_append_border (snapshot, &inner_rect, (float[]) { 1, 1, 1, 1 },
                                  (GdkRGBA[]) { inner, inner, inner, inner });
    }
}

static void
rk_chart_segment_button_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (rk_chart_segment_button_parent_class)->state_flags_changed (widget, previous);
}

static void
rk_chart_segment_button_finalize (GObject *object)
{
  RkChartSegmentButton *self = (RkChartSegmentButton *) object;

  g_free (self->field_id);

  G_OBJECT_CLASS (rk_chart_segment_button_parent_class)->finalize (object);
}

static void
rk_chart_segment_button_class_init (RkChartSegmentButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rk_chart_segment_button_finalize;
  widget_class->snapshot = rk_chart_segment_button_snapshot;
  widget_class->state_flags_changed = rk_chart_segment_button_state_flags_changed;

  segment_signals[SEGMENT_CLICKED] =
    g_signal_new ("clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, segment_signals[SEGMENT_CLICKED]);

  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "clicked", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "clicked", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "clicked", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "clicked", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "clicked", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartsegment");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
rk_chart_segment_button_init (RkChartSegmentButton *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_segment_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* RkChartWidget */

static void
on_segment_clicked_cb (RkChartSegmentButton *segment,
                       RkChartWidget        *self)
{
  g_signal_emit (self, signals[SEGMENT_ACTIVATED], 0,
                 segment->field_id, rk_status_to_key (segment->status));
}

static void
remove_buttons (RkChartWidget *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->buttons, i));
  g_ptr_array_set_size (self->buttons, 0);
  g_array_set_size (self->button_index, 0);
}

static void
ensure_layout (RkChartWidget *self,
               double         width)
{
  if (self->chart == NULL || width == self->laid_out_width)
    return;

  rk_chart_layout (self->chart, gtk_widget_get_pango_context (GTK_WIDGET (self)), width);
  self->laid_out_width = width;
}

static GtkSizeRequestMode
rk_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rk_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RkChartWidget *self = RK_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
      return;
    }

  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  /* Measuring for another width lays the chart out anew; the next
   * allocation or drawing lays it out for its own width again. */
  self->laid_out_width = -1;
  *minimum = *natural = (int) ceil (rk_chart_layout (self->chart, gtk_widget_get_pango_context (widget),
                                                     for_size > 0 ? for_size : 720));
}

static void
rk_chart_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RkChartWidget *self = RK_CHART_WIDGET (widget);

  self->laid_out_width = -1;
  ensure_layout (self, width);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      const RkChartSegment *segment =
        rk_chart_get_segment (self->chart, g_array_index (self->button_index, guint, i));
      GtkAllocation allocation = {
        (int) floor (segment->x),
        (int) floor (segment->y),
        MAX (1, (int) ceil (segment->x + segment->width) - (int) floor (segment->x)),
        (int) ceil (segment->height),
      };

      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (button, &allocation, -1);
    }
}

static void
rk_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  RkChartWidget *self = RK_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg;
  RkRgb foreground, background;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  gtk_style_context_get_color (style, &fg);
  foreground = (RkRgb) { fg.red, fg.green, fg.blue };
  /* The chart is drawn on the window's background, whose colour the
   * style names, light, dark or high contrast; else light text means a
   * dark style. */
  if (gtk_style_context_lookup_color (style, "window_bg_color", &bg))
    background = (RkRgb) { bg.red, bg.green, bg.blue };
  else
    background = fg.red + fg.green + fg.blue > 1.5 ? (RkRgb) { 0.14, 0.14, 0.14 } : (RkRgb) { 1, 1, 1 };
  rk_chart_set_colors (self->chart, &foreground, &background);

  ensure_layout (self, width);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  rk_chart_draw (self->chart, cr);
  cairo_destroy (cr);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
rk_chart_widget_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  RkChartWidget *self = RK_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (rk_chart_widget_parent_class)->css_changed (widget, change);

  /* The font may have changed: lay out again. */
  self->laid_out_width = -1;
  gtk_widget_queue_resize (widget);
}

static void
rk_chart_widget_dispose (GObject *object)
{
  RkChartWidget *self = (RkChartWidget *) object;

  remove_buttons (self);
  g_clear_pointer (&self->chart, rk_chart_free);

  G_OBJECT_CLASS (rk_chart_widget_parent_class)->dispose (object);
}

static void
rk_chart_widget_finalize (GObject *object)
{
  RkChartWidget *self = (RkChartWidget *) object;

  g_ptr_array_unref (self->buttons);
  g_array_unref (self->button_index);

  G_OBJECT_CLASS (rk_chart_widget_parent_class)->finalize (object);
}

static void
rk_chart_widget_class_init (RkChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_chart_widget_dispose;
  object_class->finalize = rk_chart_widget_finalize;
  widget_class->get_request_mode = rk_chart_widget_get_request_mode;
  widget_class->measure = rk_chart_widget_measure;
  widget_class->size_allocate = rk_chart_widget_size_allocate;
  widget_class->snapshot = rk_chart_widget_snapshot;
  widget_class->css_changed = rk_chart_widget_css_changed;

  /**
   * RkChartWidget::segment-activated:
   * @field_id: the field of action's key
   * @status_key: the status's key
   *
   * Emitted when a bar segment is clicked or activated by keyboard.
   */
  signals[SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rk_chart_widget_init (RkChartWidget *self)
{
  self->buttons = g_ptr_array_new ();
  self->button_index = g_array_new (FALSE, FALSE, sizeof (guint));
  self->laid_out_width = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Projects per field of action by status"), -1);
}

GtkWidget *
rk_chart_widget_new (void)
{
  return g_object_new (RK_TYPE_CHART_WIDGET, NULL);
}

/**
 * rk_chart_widget_set_summary:
 * @summary: (nullable): the counts to show
 *
 * Shows new counts, with a button for each segment of a field of action.
 * (The projects without a field have a bar but no buttons: the project
 * list cannot show them apart.)
 */
void
rk_chart_widget_set_summary (RkChartWidget *self,
                             RkSummary     *summary)
{
  g_return_if_fail (RK_IS_CHART_WIDGET (self));

  remove_buttons (self);
  g_clear_pointer (&self->chart, rk_chart_free);
  self->laid_out_width = -1;

  if (summary != NULL)
    {
      self->chart = rk_chart_new (summary);

      /* The segments do not depend on the width: lay out once to learn
       * them, and make their buttons in reading order. */
      ensure_layout (self, 720);
      for (guint i = 0; i < rk_chart_get_n_segments (self->chart); i++)
        {
          const RkChartSegment *segment = rk_chart_get_segment (self->chart, i);
          g_autofree char *description = NULL;
          RkChartSegmentButton *button;

          if (segment->field_id == NULL)
            continue;

          description = rk_chart_describe_segment (self->chart, i);
          button = g_object_new (RK_TYPE_CHART_SEGMENT_BUTTON, "tooltip-text", description, NULL);
          button->field_id = g_strdup (segment->field_id);
          button->status = segment->status;
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          description, -1);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_segment_clicked_cb), self, 0);
          gtk_widget_set_parent (GTK_WIDGET (button), GTK_WIDGET (self));
          g_ptr_array_add (self->buttons, button);
          g_array_append_val (self->button_index, i);
        }
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}
