/* rk-format.h: money and dates as people read and type them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RK_FORMAT_ERROR (rk_format_error_quark ())

typedef enum {
  RK_FORMAT_ERROR_INVALID,
  RK_FORMAT_ERROR_NEGATIVE,
  RK_FORMAT_ERROR_TOO_LARGE,
} RkFormatError;

GQuark    rk_format_error_quark   (void);

gboolean  rk_ui_language_is_german (void);

char     *rk_format_money         (gint64       cents);
gboolean  rk_parse_money          (const char  *text,
                                   gint64      *out_cents,
                                   GError     **error);

char     *rk_format_date          (const char  *iso_date);
gboolean  rk_parse_date           (const char  *text,
                                   char       **out_iso_date,
                                   GError     **error);
gboolean  rk_iso_date_is_valid    (const char  *iso_date);

char     *rk_format_timestamp     (const char  *iso_timestamp);

G_END_DECLS
