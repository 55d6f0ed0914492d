/* test-palette.c: the status colours against every background
 *
 * One palette serves the chart, its PDF and the project list's status
 * tags (rk-chart.c). Text on a status colour, the tags' labels and the
 * counts on the bars, has its contrast of 4.5:1 checked in test-report.c
 * (/report/chart/palette). Here: the segments and legend swatches against
 * what they are drawn on, in the light, dark and high-contrast styles (the
 * high-contrast style keeps the backgrounds and strengthens borders) and
 * on the PDF's white page. A hue that does not stand out by 4.5:1 is
 * outlined in a border colour that does, of the same hue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "rk-chart.h"
#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-summary.h"
#include "rk-test-util.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef struct
{
  const char *name;
  RkRgb       color;
} Background;

/* libadwaita 1.2's window and view backgrounds, light and dark; its
 * high-contrast style uses the same ones. */
static const Background backgrounds[] = {
  { "light window (#fafafa)", RGB (0xfafafa) },
  { "light view and PDF page (#ffffff)", RGB (0xffffff) },
  { "dark window (#242424)", RGB (0x242424) },
  { "dark view (#1e1e1e)", RGB (0x1e1e1e) },
};

/* Hue in degrees, or a negative number for a grey. */
static double
hue (const RkRgb *c)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double h;

  if (max - min < 0.02)
    return -1;
  if (max == c->red)
    h = fmod ((c->green - c->blue) / (max - min), 6);
  else if (max == c->green)
    h = (c->blue - c->red) / (max - min) + 2;
  else
    h = (c->red - c->green) / (max - min) + 4;

  h *= 60;
  return h < 0 ? h + 360 : h;
}

static double
hue_distance (double a,
              double b)
{
  double d = fabs (a - b);

  return MIN (d, 360 - d);
}

/* The Okabe–Ito colours, in the order of RkStatus: kept, not tuned. */
static void
test_okabe_ito (void)
{
  static const RkRgb okabe_ito[RK_N_STATUSES] = {
    RGB (0xCC79A7), RGB (0xE69F00), RGB (0x0072B2), RGB (0x009E73), RGB (0x999999),
  };

  for (guint status = 0; status < RK_N_STATUSES; status++)
    {
      const RkRgb *color = rk_chart_get_status_color (status);

      g_assert_cmpfloat_with_epsilon (color->red, okabe_ito[status].red, 1e-9);
      g_assert_cmpfloat_with_epsilon (color->green, okabe_ito[status].green, 1e-9);
      g_assert_cmpfloat_with_epsilon (color->blue, okabe_ito[status].blue, 1e-9);
    }
}

static void
test_outlines (void)
{
  guint outlined = 0;

  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    for (guint status = 0; status < RK_N_STATUSES; status++)
      {
        const RkRgb *background = &backgrounds[b].color;
        const RkRgb *fill = rk_chart_get_status_color (status);
        double fill_contrast = rk_rgb_contrast_ratio (fill, background);
        RkRgb border;
        double border_contrast;

        rk_chart_get_status_border_color (status, background, &border);
        border_contrast = rk_rgb_contrast_ratio (&border, background);
        g_test_message ("%s on the %s: fill %.2f:1, outline %.2f:1",
                        rk_status_to_key (status), backgrounds[b].name, fill_contrast, border_contrast);

        /* Every segment and swatch stands out from its background… */
        g_assert_cmpfloat (border_contrast, >=, 4.5);

        /* …by its own colour where that is enough… */
        if (fill_contrast >= 4.5)
          {
            g_assert_cmpfloat (rk_rgb_contrast_ratio (&border, fill), ==, 1.0);
            continue;
          }

        /* …and otherwise by an outline of the same hue. */
        outlined++;
        if (hue (fill) < 0)
          g_assert_cmpfloat (hue (&border), <, 0);
        else
          g_assert_cmpfloat (hue_distance (hue (&border), hue (fill)), <=, 10);
      }

  /* The orange and the grey do not stand out from white on their own. */
  g_assert_cmpuint (outlined, >, 0);
}

/* The outline is drawn: inside the edge of each segment, the fill in the
 * middle. */
static void
test_outlines_drawn (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkSummary) summary = NULL;
  g_autoptr(RkChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  const RkRgb text = RGB (0x333333), background = RGB (0xfafafa);
  cairo_surface_t *surface;
  PangoContext *context;
  guint32 *pixels;
  int stride;
  cairo_t *cr;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  summary = rk_summary_new_for_projects (db, &error);
  g_assert_no_error (error);
  chart = rk_chart_new (summary);
  rk_chart_set_colors (chart, &text, &background);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 800);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  rk_chart_layout (chart, context, 600);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  rk_chart_draw (chart, cr);
  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;

  g_assert_cmpuint (rk_chart_get_n_segments (chart), >, 0);
  for (guint i = 0; i < rk_chart_get_n_segments (chart); i++)
    {
      const RkChartSegment *segment = rk_chart_get_segment (chart, i);
      const RkRgb *fill = rk_chart_get_status_color (segment->status);
      RkRgb border;
      int right = (int) (segment->x + segment->width) - 1;
      int middle_y = (int) (segment->y + segment->height / 2);
      guint32 edge = pixels[middle_y * stride + right];
      guint32 inside = pixels[((int) segment->y + 3) * stride + right - 3];

      rk_chart_get_status_border_color (segment->status, &background, &border);
      g_assert_cmpint ((edge >> 16) & 0xff, ==, (int) round (border.red * 255));
      g_assert_cmpint ((edge >> 8) & 0xff, ==, (int) round (border.green * 255));
      g_assert_cmpint (edge & 0xff, ==, (int) round (border.blue * 255));
      g_assert_cmpint ((inside >> 16) & 0xff, ==, (int) round (fill->red * 255));
      g_assert_cmpint ((inside >> 8) & 0xff, ==, (int) round (fill->green * 255));
      g_assert_cmpint (inside & 0xff, ==, (int) round (fill->blue * 255));
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/palette/okabe-ito", test_okabe_ito);
  g_test_add_func ("/palette/outlines", test_outlines);
  g_test_add_func ("/palette/outlines-drawn", test_outlines_drawn);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
