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

/* One table a deletion removes or changes rows of, the record itself
 * first. @announce: tell the database's observers about each dependent
 * row, for tables whose rows are shown on their own. */
typedef struct
{
  const char     *table;
  const char     *column;
  RkSnapshotMode  mode;
  gboolean        announce;
} RkSnapshotRow;

gboolean rk_snapshot_delete  (RkDatabase           *db,
                              const char           *id,
                              const RkSnapshotRow  *rows,
                              guint                 n_rows,
                              GQuark                not_found_domain,
                              int                   not_found_code,
                              const char           *not_found_message,
                              RkSnapshot          **out_snapshot,
                              GError              **error);

G_END_DECLS
