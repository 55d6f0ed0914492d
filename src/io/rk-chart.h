/* rk-chart.h: projects per field of action by status, as stacked bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rk-summary.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue;   /* 0 to 1, sRGB */
} RkRgb;

/* A bar segment: the projects of one field in one status, where the last
 * rk_chart_layout() put them. */
typedef struct
{
  guint       field_index;   /* into the summary's fields */
  const char *field_id;      /* NULL for the projects without a field */
  RkStatus    status;
  guint       count;
  double      x, y, width, height;
} RkChartSegment;

typedef struct _RkChart RkChart;

const RkRgb          *rk_chart_get_status_color        (RkStatus      status);
const RkRgb          *rk_chart_get_status_text_color   (RkStatus      status);
void                  rk_chart_get_status_border_color (RkStatus      status,
                                                        const RkRgb  *background,
                                                        RkRgb        *border);
double                rk_rgb_contrast_ratio            (const RkRgb  *a,
                                                        const RkRgb  *b);

RkChart              *rk_chart_new                   (RkSummary    *summary);
void                  rk_chart_free                  (RkChart      *self);
RkSummary            *rk_chart_get_summary           (RkChart      *self);
void                  rk_chart_set_colors            (RkChart      *self,
                                                      const RkRgb  *foreground,
                                                      const RkRgb  *background);
double                rk_chart_layout                (RkChart      *self,
                                                      PangoContext *context,
                                                      double        width);
void                  rk_chart_draw                  (RkChart      *self,
                                                      cairo_t      *cr);
guint                 rk_chart_get_n_segments        (RkChart      *self);
const RkChartSegment *rk_chart_get_segment           (RkChart      *self,
                                                      guint         index);
char                 *rk_chart_describe_segment      (RkChart      *self,
                                                      guint         index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkChart, rk_chart_free)

G_END_DECLS
