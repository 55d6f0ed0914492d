/* rk-export-run.h: exporting projects or organisations to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-csv-columns.h"
#include "rk-database.h"
#include "rk-record-list.h"

G_BEGIN_DECLS

RkCsvFormat rk_export_default_format (void);
void        rk_export_run            (GtkWidget          *widget,
                                      RkDatabase         *db,
                                      RkCsvKind           kind,
                                      RkRecordList       *list);
void        rk_export_run_to_file    (GtkWidget          *widget,
                                      RkDatabase         *db,
                                      RkCsvKind           kind,
                                      const char * const *ids,
                                      RkCsvFormat         format,
                                      GFile              *file);

G_END_DECLS
