/* rk-conflicts-dialog.h: the conflicts of merged change packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_CONFLICTS_DIALOG (rk_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RkConflictsDialog, rk_conflicts_dialog, RK, CONFLICTS_DIALOG, AdwWindow)

RkConflictsDialog *rk_conflicts_dialog_new (GtkWindow  *parent,
                                            RkDatabase *db);

void rk_changes_run_save_copy (GtkWindow  *parent,
                               RkDatabase *db);
void rk_changes_run_export    (GtkWindow  *parent,
                               RkDatabase *db);
void rk_changes_run_import    (GtkWindow  *parent,
                               RkDatabase *db);

G_END_DECLS
