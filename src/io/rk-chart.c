/* rk-chart.c: projects per field of action by status, as stacked bars
 *
 * One horizontal bar per field of action, its segments the statuses, with
 * the field's name and volume above it and its number of projects after
 * it; a legend on top. The drawing is plain cairo and pango, so the PDF
 * writer draws it on a page and the overview's widget on the screen, from
 * the same code. The widget puts a focusable button over each segment;
 * rk_chart_get_segment() says where they are.
 *
 * The status colours live here and nowhere else. They are the Okabe–Ito
 * palette, which stays distinct for the common kinds of colour blindness,
 * and segments are also set apart by a gap, so no reader depends on hue
 * alone. Each colour has the text colour (black or white) that keeps the
 * count printed on it at a contrast of at least 4.5:1; the names and
 * figures beside the bars are drawn in the foreground colour of the style,
 * light or dark. Not every hue stands out from every background by 4.5:1
 * (the orange and the grey on white do not), so segments and legend
 * swatches are outlined in the same hue, darkened on a light background
 * or lightened on a dark one until it does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rk-chart.h"
#include "rk-format.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* In the order of RkStatus. */
static const RkRgb status_colors[RK_N_STATUSES] = {
  RGB (0xCC79A7),   /* proposal: reddish purple */
  RGB (0xE69F00),   /* under review: orange */
  RGB (0x0072B2),   /* in implementation: blue */
  RGB (0x009E73),   /* completed: bluish green */
  RGB (0x999999),   /* not pursued: grey, the one without a hue */
};

static const RkRgb black = RGB (0x000000);
static const RkRgb white = RGB (0xFFFFFF);

typedef struct
{
  PangoLayout *name;
  PangoLayout *volume;
  PangoLayout *total;
  PangoLayout *counts[RK_N_STATUSES];  /* NULL where the number does not fit */
  double       name_y;
  double       volume_x;
  double       volume_y;
  double       bar_y;
  double       bar_length;
} Row;

struct _RkChart
{
  RkSummary   *summary;
  RkRgb        foreground;
  RkRgb        background;

  double       width;
  double       height;
  double       line;          /* the height of a line of text */
  double       bar_height;
  PangoLayout *legend[RK_N_STATUSES];
  double       legend_x[RK_N_STATUSES];
  double       legend_y[RK_N_STATUSES];
  GArray      *rows;          /* Row, one per field of the summary */
  GArray      *segments;      /* RkChartSegment */
};

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (const RkRgb *rgb)
{
  return 0.2126 * linear (rgb->red) + 0.7152 * linear (rgb->green) + 0.0722 * linear (rgb->blue);
}

/**
 * rk_rgb_contrast_ratio:
 *
 * Returns: the WCAG 2 contrast ratio of two colours, from 1 to 21
 */
double
rk_rgb_contrast_ratio (const RkRgb *a,
                       const RkRgb *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * rk_chart_get_status_color:
 *
 * Returns: (transfer none): the colour of a status in the chart, the same
 *   in light and dark style
 */
const RkRgb *
rk_chart_get_status_color (RkStatus status)
{
  g_return_val_if_fail (status < RK_N_STATUSES, &black);

  return &status_colors[status];
}

/**
 * rk_chart_get_status_text_color:
 *
 * Returns: (transfer none): black or white, whichever contrasts more with
 *   the status colour, for text drawn on it
 */
const RkRgb *
rk_chart_get_status_text_color (RkStatus status)
{
  const RkRgb *color = rk_chart_get_status_color (status);

  return rk_rgb_contrast_ratio (color, &black) >= rk_rgb_contrast_ratio (color, &white)
         ? &black : &white;
}

/**
 * rk_chart_get_status_border_color:
 * @background: what the chart is drawn on
 * @border: (out caller-allocates): the colour to outline the status's
 *   segments and legend swatch with
 *
 * The status colour itself where it stands out from @background by at
 * least 4.5:1, and otherwise the same hue mixed with black (on a light
 * background) or white (on a dark one), no more than it takes.
 */
void
rk_chart_get_status_border_color (RkStatus     status,
                                  const RkRgb *background,
                                  RkRgb       *border)
{
  const RkRgb *fill = rk_chart_get_status_color (status);
  const RkRgb *toward = luminance (background) > 0.18 ? &black : &white;

  g_return_if_fail (background != NULL);
  g_return_if_fail (border != NULL);

  for (guint step = 0; step <= 40; step++)
    {
      double t = step / 40.0;

      border->red = fill->red + (toward->red - fill->red) * t;
      border->green = fill->green + (toward->green - fill->green) * t;
      border->blue = fill->blue + (toward->blue - fill->blue) * t;
      if (rk_rgb_contrast_ratio (border, background) >= 4.5)
        return;
    }
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->name);
  g_clear_object (&row->volume);
  g_clear_object (&row->total);
  for (guint i = 0; i < RK_N_STATUSES; i++)
    g_clear_object (&row->counts[i]);
}

/**
 * rk_chart_new:
 * @summary: the counts to draw
 *
 * Returns: (transfer full): a chart; lay it out before drawing it
 */
RkChart *
rk_chart_new (RkSummary *summary)
{
  RkChart *self = g_new0 (RkChart, 1);

  g_return_val_if_fail (summary != NULL, NULL);

  self->summary = rk_summary_ref (summary);
  self->foreground = black;
  self->background = white;
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->segments = g_array_new (FALSE, TRUE, sizeof (RkChartSegment));

  return self;
}

void
rk_chart_free (RkChart *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < RK_N_STATUSES; i++)
    g_clear_object (&self->legend[i]);
  g_array_unref (self->rows);
  g_array_unref (self->segments);
  rk_summary_unref (self->summary);
  g_free (self);
}

RkSummary *
rk_chart_get_summary (RkChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->summary;
}

/**
 * rk_chart_set_colors:
 * @foreground: the colour of names and figures, the style's text colour
 * @background: what the chart is drawn on, which the gaps between
 *   segments show and the segments' outlines stand out from
 */
void
rk_chart_set_colors (RkChart     *self,
                     const RkRgb *foreground,
                     const RkRgb *background)
{
  g_return_if_fail (self != NULL);

  self->foreground = *foreground;
  self->background = *background;
}

static PangoLayout *
new_layout (PangoContext *context,
            const char   *text,
            gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/**
 * rk_chart_layout:
 * @context: the context the text is laid out in: the widget's, or one
 *   made for the PDF page; its font is the chart's base font
 * @width: the width to fill, in the units @context lays out in
 *
 * Places everything and the segments; call again when the width, the
 * font or the colours' meaning changes.
 *
 * Returns: the height the chart needs at that width
 */
double
rk_chart_layout (RkChart      *self,
                 PangoContext *context,
                 double        width)
{
  g_autoptr(PangoLayout) probe = NULL;
  double x = 0, y = 0, max_total_width = 0, available;
  guint max_total = 1;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  g_array_set_size (self->rows, 0);
  g_array_set_size (self->segments, 0);
  self->width = width;

  probe = new_layout (context, "0", FALSE);
  layout_size (probe, NULL, &self->line);
  self->bar_height = round (self->line * 1.6);

  /* The legend, in lines that wrap like words; an item wider than the
   * chart wraps within itself. */
  {
    double row_height = self->line;

    for (guint i = 0; i < RK_N_STATUSES; i++)
      {
        double text_width, text_height, item_width;

        g_clear_object (&self->legend[i]);
        self->legend[i] = new_layout (context, rk_status_get_label (i), FALSE);
        layout_size (self->legend[i], &text_width, NULL);
        if (self->line + text_width > width)
          {
            pango_layout_set_wrap (self->legend[i], PANGO_WRAP_WORD);
            pango_layout_set_width (self->legend[i], (int) (MAX (width - self->line, self->line) * PANGO_SCALE));
            layout_size (self->legend[i], &text_width, NULL);
          }
        layout_size (self->legend[i], NULL, &text_height);
        item_width = self->line + text_width;

        if (x > 0 && x + item_width > width)
          {
            x = 0;
            y += row_height + self->line * 0.3;
            row_height = self->line;
          }
        self->legend_x[i] = x;
        self->legend_y[i] = y;
        row_height = MAX (row_height, text_height);
        x += item_width + self->line * 1.2;
      }
    y += row_height + self->line * 1.2;
  }

  for (guint i = 0; i < self->summary->fields->len; i++)
    {
      RkSummaryField *field = g_ptr_array_index (self->summary->fields, i);
      g_autofree char *total = g_strdup_printf ("%u", field->total);
      Row row = { 0 };
      double total_width;

      row.total = new_layout (context, total, TRUE);
      layout_size (row.total, &total_width, NULL);
      max_total_width = MAX (max_total_width, total_width);
      max_total = MAX (max_total, field->total);
      g_array_append_val (self->rows, row);
    }

  available = MAX (width - max_total_width - self->line * 0.5, self->line);

  for (guint i = 0; i < self->rows->len; i++)
    {
      RkSummaryField *field = g_ptr_array_index (self->summary->fields, i);
      Row *row = &g_array_index (self->rows, Row, i);
      g_autofree char *money = rk_format_money (field->volume_cents);
      g_autofree char *volume = NULL;
      double volume_width, volume_height, name_width, name_height, bar_x = 0;

      if (field->total == 0)
        volume = g_strdup ("");
      else if (field->n_without_volume == field->total)
        volume = g_strdup (_("No volume recorded"));
      else
        /* Translators: the total project volume of a field of action, as
         * the chart shows it beside the field's name */
        volume = g_strdup_printf (_("Volume %s"), money);
      row->volume = new_layout (context, volume, FALSE);
      layout_size (row->volume, &volume_width, &volume_height);

      /* The name with the volume beside it, or, where the two do not fit
       * on one line, the volume under the name. */
      row->name = new_layout (context, field->name, TRUE);
      layout_size (row->name, &name_width, NULL);
      pango_layout_set_wrap (row->name, PANGO_WRAP_WORD);
      row->name_y = y;
      if (name_width + self->line + volume_width <= width)
        {
          layout_size (row->name, NULL, &name_height);
          row->volume_x = width - volume_width;
          row->volume_y = y;
          y += MAX (name_height, volume_height);
        }
      else
        {
          pango_layout_set_width (row->name, (int) (width * PANGO_SCALE));
          layout_size (row->name, NULL, &name_height);
          row->volume_x = 0;
          row->volume_y = y + name_height;
          y += name_height + volume_height;
        }
      y += self->line * 0.3;
      row->bar_y = y;
      row->bar_length = field->total > 0 ? round (available * field->total / max_total) : 0;

      for (guint status = 0; status < RK_N_STATUSES; status++)
        {
          RkChartSegment segment = { 0 };
          g_autofree char *count = NULL;
          double count_width;

          if (field->counts[status] == 0)
            continue;

          segment.field_index = i;
          segment.field_id = field->field_id;
          segment.status = status;
          segment.count = field->counts[status];
          segment.x = bar_x;
          segment.y = y;
          segment.width = row->bar_length * field->counts[status] / field->total;
          segment.height = self->bar_height;
          bar_x += segment.width;
          g_array_append_val (self->segments, segment);

          count = g_strdup_printf ("%u", segment.count);
          row->counts[status] = new_layout (context, count, FALSE);
          layout_size (row->counts[status], &count_width, NULL);
          if (count_width + self->line * 0.5 > segment.width)
            g_clear_object (&row->counts[status]);
        }

      y += self->bar_height + self->line;
    }

  self->height = MAX (y - self->line * 0.5, 0);
  return self->height;
}

static void
set_source (cairo_t     *cr,
            const RkRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->red, rgb->green, rgb->blue);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * rk_chart_draw:
 *
 * Draws the chart as rk_chart_layout() placed it, from (0, 0).
 */
/* A filled rectangle with an outline inside its edge. */
static void
draw_box (cairo_t     *cr,
          double       x,
          double       y,
          double       width,
          double       height,
          const RkRgb *fill,
          const RkRgb *border,
          double       line_width)
{
  set_source (cr, fill);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);

  line_width = MIN (line_width, MIN (width, height) / 2);
  set_source (cr, border);
  cairo_set_line_width (cr, line_width);
  cairo_rectangle (cr, x + line_width / 2, y + line_width / 2,
                   width - line_width, height - line_width);
  cairo_stroke (cr);
}

void
rk_chart_draw (RkChart *self,
               cairo_t *cr)
{
  RkRgb borders[RK_N_STATUSES];
  double swatch, outline;

  g_return_if_fail (self != NULL);

  cairo_save (cr);

  for (guint i = 0; i < RK_N_STATUSES; i++)
    rk_chart_get_status_border_color (i, &self->background, &borders[i]);
  outline = MAX (1, round (self->line * 0.08));

  swatch = round (self->line * 0.75);
  for (guint i = 0; i < RK_N_STATUSES && self->legend[i] != NULL; i++)
    {
      draw_box (cr, self->legend_x[i], self->legend_y[i] + (self->line - swatch) / 2,
                swatch, swatch, &status_colors[i], &borders[i], outline);
      set_source (cr, &self->foreground);
      show_layout (cr, self->legend[i], self->legend_x[i] + self->line, self->legend_y[i]);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      set_source (cr, &self->foreground);
      show_layout (cr, row->name, 0, row->name_y);
      show_layout (cr, row->volume, row->volume_x, row->volume_y);

      /* An empty field still shows where its bar would start. */
      if (row->bar_length == 0)
        {
          cairo_save (cr);
          cairo_set_source_rgba (cr, self->foreground.red, self->foreground.green,
                                 self->foreground.blue, 0.5);
          cairo_rectangle (cr, 0, row->bar_y, MAX (1, self->line * 0.1), self->bar_height);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      {
        double total_height;

        layout_size (row->total, NULL, &total_height);
        set_source (cr, &self->foreground);
        show_layout (cr, row->total, row->bar_length + self->line * 0.4,
                     row->bar_y + (self->bar_height - total_height) / 2);
      }
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      const RkChartSegment *segment = &g_array_index (self->segments, RkChartSegment, i);
      Row *row = &g_array_index (self->rows, Row, segment->field_index);
      PangoLayout *count = row->counts[segment->status];
      double gap = segment->x > 0 ? MAX (1, round (self->line * 0.1)) : 0;

      /* The gap before each segment but the first keeps neighbours apart
       * for readers who cannot tell their colours apart. */
      draw_box (cr, segment->x + gap, segment->y, MAX (segment->width - gap, 0.5), segment->height,
                &status_colors[segment->status], &borders[segment->status], outline);

      if (count != NULL)
        {
          double count_width, count_height;

          layout_size (count, &count_width, &count_height);
          set_source (cr, rk_chart_get_status_text_color (segment->status));
          show_layout (cr, count, segment->x + (segment->width - count_width) / 2,
                       segment->y + (segment->height - count_height) / 2);
        }
    }

  cairo_restore (cr);
}

guint
rk_chart_get_n_segments (RkChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->segments->len;
}

/**
 * rk_chart_get_segment:
 *
 * Returns: (transfer none): a segment as the last layout placed it
 */
const RkChartSegment *
rk_chart_get_segment (RkChart *self,
                      guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->segments->len, NULL);

  return &g_array_index (self->segments, RkChartSegment, index);
}

/**
 * rk_chart_describe_segment:
 *
 * Returns: (transfer full): what a segment shows, in words, for its
 *   accessible name and tooltip: “Networked mobility – short distances,
 *   in implementation: 12 projects”
 */
char *
rk_chart_describe_segment (RkChart *self,
                           guint    index)
{
  const RkChartSegment *segment = rk_chart_get_segment (self, index);
  RkSummaryField *field;

  g_return_val_if_fail (segment != NULL, NULL);

  field = g_ptr_array_index (self->summary->fields, segment->field_index);
  /* Translators: a bar segment of the overview chart, read out and shown
   * as a tooltip: “Networked mobility – short distances, in
   * implementation: 12 projects”; the first %s is the field of action,
   * the second the status as it reads in a sentence */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s: %u project", "%s, %s: %u projects",
                                       segment->count),
                          field->name, rk_status_get_phrase (segment->status), segment->count);
}
