/* rk-date-row.h: a row that holds an optional date, picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RK_TYPE_DATE_ROW (rk_date_row_get_type ())
G_DECLARE_FINAL_TYPE (RkDateRow, rk_date_row, RK, DATE_ROW, AdwActionRow)

const char *rk_date_row_get_date (RkDateRow  *self);
void        rk_date_row_set_date (RkDateRow  *self,
                                  const char *iso_date);

G_END_DECLS
