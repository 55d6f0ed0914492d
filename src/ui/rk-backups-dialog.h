/* rk-backups-dialog.h: Restore from Backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_BACKUPS_DIALOG (rk_backups_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RkBackupsDialog, rk_backups_dialog, RK, BACKUPS_DIALOG, AdwWindow)

RkBackupsDialog *rk_backups_dialog_new         (GtkWindow       *parent,
                                                RkDatabase      *db);
const char      *rk_backups_dialog_get_page    (RkBackupsDialog *self);
GListModel      *rk_backups_dialog_get_backups (RkBackupsDialog *self);
void             rk_backups_dialog_restore     (RkBackupsDialog *self,
                                                guint            position);

G_END_DECLS
