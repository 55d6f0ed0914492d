/* rk-cli-io.h: import, export and backups from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-cli.h"
#include "rk-csv-columns.h"

G_BEGIN_DECLS

int          rk_cli_io_backups_kept (void);
gboolean     rk_cli_io_csv_format   (const char  *text,
                                     RkCsvFormat *out_format);

RkExitStatus rk_cli_import_csv      (const char  *path,
                                     RkCsvKind    kind,
                                     const char  *file);
RkExitStatus rk_cli_export_csv      (const char  *path,
                                     RkCsvKind    kind,
                                     const char  *file,
                                     const char  *format);
RkExitStatus rk_cli_export_json     (const char  *path,
                                     const char  *file);
RkExitStatus rk_cli_import_json     (const char  *path,
                                     const char  *file);
RkExitStatus rk_cli_export_changes  (const char  *path,
                                     const char  *file);
RkExitStatus rk_cli_import_changes  (const char  *path,
                                     const char  *file);
RkExitStatus rk_cli_backup          (const char  *path,
                                     const char  *file);

G_END_DECLS
