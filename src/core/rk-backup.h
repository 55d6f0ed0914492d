/* rk-backup.h: copies of the database, made while it is in use, and
 * restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_BACKUP_ERROR (rk_backup_error_quark ())

typedef enum {
  RK_BACKUP_ERROR_FAILED,       /* the copy could not be made */
  RK_BACKUP_ERROR_UNUSABLE,     /* the backup is not a database of this app */
  RK_BACKUP_ERROR_TOO_NEW,      /* written by a newer version */
} RkBackupError;

/* Why a backup was made; part of its file name. */
typedef enum {
  RK_BACKUP_REASON_START,
  RK_BACKUP_REASON_IMPORT,
  RK_BACKUP_REASON_RESTORE,
} RkBackupReason;

#define RK_BACKUPS_KEPT_DEFAULT 10

#define RK_TYPE_BACKUP (rk_backup_get_type ())
G_DECLARE_FINAL_TYPE (RkBackup, rk_backup, RK, BACKUP, GObject)

GQuark          rk_backup_error_quark           (void);

char           *rk_database_base_path           (const char          *path);
gboolean        rk_database_make_copy           (RkDatabase          *db,
                                                 const char          *path,
                                                 GError             **error);
gboolean        rk_database_backup_to           (RkDatabase          *db,
                                                 const char          *path,
                                                 GError             **error);
gboolean        rk_database_is_empty            (RkDatabase          *db,
                                                 gboolean            *out_empty,
                                                 GError             **error);
void            rk_database_announce_all        (RkDatabase          *db);

char           *rk_backup_folder                (const char          *database_path);
gboolean        rk_backup_create                (RkDatabase          *db,
                                                 RkBackupReason       reason,
                                                 int                  kept,
                                                 char               **out_path,
                                                 GError             **error);
gboolean        rk_backup_on_start              (RkDatabase          *db,
                                                 int                  kept,
                                                 GError             **error);
void            rk_backup_on_start_async        (RkDatabase          *db,
                                                 int                  kept,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        rk_backup_on_start_finish       (GAsyncResult        *result,
                                                 GError             **error);
GListModel     *rk_backup_list                  (const char          *database_path,
                                                 GError             **error);
void            rk_backup_list_async            (const char          *database_path,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GListModel     *rk_backup_list_finish           (GAsyncResult        *result,
                                                 GError             **error);
gboolean        rk_backup_restore               (RkDatabase          *db,
                                                 const char          *backup_path,
                                                 int                  kept,
                                                 GError             **error);
void            rk_backup_restore_async         (RkDatabase          *db,
                                                 const char          *backup_path,
                                                 int                  kept,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        rk_backup_restore_finish        (GAsyncResult        *result,
                                                 GError             **error);

const char     *rk_backup_get_path              (RkBackup            *self);
GDateTime      *rk_backup_get_created           (RkBackup            *self);
RkBackupReason  rk_backup_get_reason            (RkBackup            *self);
gboolean        rk_backup_is_usable             (RkBackup            *self);
gint64          rk_backup_get_n_projects        (RkBackup            *self);
gint64          rk_backup_get_n_organisations   (RkBackup            *self);
gint64          rk_backup_get_n_board_members   (RkBackup            *self);
gint64          rk_backup_get_n_notes           (RkBackup            *self);
gint64          rk_backup_get_n_reports         (RkBackup            *self);

G_END_DECLS
