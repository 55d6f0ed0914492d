/* rk-export.h: projects and organisations as CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rk-csv-columns.h"
#include "rk-database.h"

G_BEGIN_DECLS

gboolean rk_export_csv_to_stream (RkDatabase          *db,
                                  RkCsvKind            kind,
                                  const char * const  *ids,
                                  RkCsvFormat          format,
                                  GOutputStream       *stream,
                                  GCancellable        *cancellable,
                                  guint               *out_n_records,
                                  GError             **error);
gboolean rk_export_csv           (RkDatabase          *db,
                                  RkCsvKind            kind,
                                  const char * const  *ids,
                                  RkCsvFormat          format,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  guint               *out_n_records,
                                  GError             **error);
void     rk_export_csv_async     (RkDatabase          *db,
                                  RkCsvKind            kind,
                                  const char * const  *ids,
                                  RkCsvFormat          format,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean rk_export_csv_finish    (GAsyncResult        *result,
                                  guint               *out_n_records,
                                  GError             **error);

G_END_DECLS
