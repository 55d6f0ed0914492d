/* rk-test-util.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char   *rk_test_make_dir                    (void);
char   *rk_test_new_database_path           (void);
GBytes *rk_test_read_file                   (const char *path);
void    rk_test_make_checkpointed_database  (const char *path);
void    rk_test_remove_dirs                 (void);

G_END_DECLS
