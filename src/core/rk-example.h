/* rk-example.h: the example data set of the programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

gboolean  rk_example_load       (RkDatabase  *db,
                                 GError     **error);
gboolean  rk_example_remove     (RkDatabase  *db,
                                 GError     **error);
gboolean  rk_example_is_loaded  (RkDatabase  *db);

G_END_DECLS
