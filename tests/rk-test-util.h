/* rk-test-util.h: helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rk-database.h"

G_BEGIN_DECLS

char   *rk_test_make_dir                    (void);
char   *rk_test_new_database_path           (void);
RkDatabase *rk_test_open_new_database (void);
GBytes *rk_test_read_file                   (const char *path);
GBytes *rk_test_database_bytes              (const char *path);
void    rk_test_make_checkpointed_database  (const char *path);
void    rk_test_remove_dirs                 (void);
char   *rk_test_dump_words                  (RkDatabase *db,
                                             const char *fts_table);
void    rk_test_assert_search_index_fresh   (RkDatabase *db);

G_END_DECLS
