/* rk-import-dialog.h: importing projects or organisations from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-csv-columns.h"
#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_IMPORT_DIALOG (rk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RkImportDialog, rk_import_dialog, RK, IMPORT_DIALOG, AdwWindow)

RkImportDialog *rk_import_dialog_new         (GtkWindow      *parent,
                                              RkDatabase     *db,
                                              RkCsvKind       kind);
void            rk_import_dialog_choose_file (RkImportDialog *self);
void            rk_import_dialog_open_file   (RkImportDialog *self,
                                              GFile          *file);
const char     *rk_import_dialog_get_page    (RkImportDialog *self);

G_END_DECLS
