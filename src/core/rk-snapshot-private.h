/* rk-snapshot-private.h: how the model layer fills a snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-snapshot.h"

G_BEGIN_DECLS

typedef enum {
  RK_SNAPSHOT_INSERT, /* the rows are deleted: insert them again */
  RK_SNAPSHOT_RELINK, /* the rows stay, their link is set to NULL: set it back */
  RK_SNAPSHOT_UPDATE, /* the rows stay but change: put every column back */
} RkSnapshotMode;

gboolean rk_snapshot_capture (RkSnapshot     *self,
                              RkDatabase     *db,
                              const char     *table,
                              const char     *column,
                              const char     *key,
                              RkSnapshotMode  mode,
                              GError        **error);

G_END_DECLS
