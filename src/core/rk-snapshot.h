/* rk-snapshot.h: rows kept aside so that a deletion can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

typedef struct _RkSnapshot RkSnapshot;

RkSnapshot *rk_snapshot_new     (void);
void        rk_snapshot_free    (RkSnapshot  *self);
gboolean    rk_snapshot_restore (RkSnapshot  *self,
                                 RkDatabase  *db,
                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkSnapshot, rk_snapshot_free)

G_END_DECLS
