/* rk-database-private.h: statement access for the model layer and io
 *
 * Only src/core and src/io include this; the UI never sees SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "rk-database.h"

G_BEGIN_DECLS

/* A cached statement. Declared with g_autoptr(RkStatement) it is reset when
 * it goes out of scope, so no read transaction stays open by accident. */
typedef sqlite3_stmt RkStatement;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkStatement, sqlite3_reset)

sqlite3     *rk_database_get_handle  (RkDatabase  *self);
RkStatement *rk_database_prepare     (RkDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean     rk_database_exec        (RkDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean     rk_database_step_done   (RkDatabase  *self,
                                      RkStatement *stmt,
                                      GError     **error);
gboolean     rk_database_flush_search (RkDatabase *self,
                                       GError    **error);
void         rk_database_set_error   (RkDatabase  *self,
                                      GError     **error,
                                      const char  *what);

/* rk-schema.c */
#define RK_SCHEMA_VERSION 6
#define RK_APPLICATION_ID 0x524b4e57 /* "RKNW" */

typedef struct
{
  const char *name;
  const char *sql;
} RkSchemaIndex;

gboolean     rk_schema_migrate       (sqlite3     *db,
                                      int          from_version,
                                      int          to_version,
                                      GError     **error);
const RkSchemaIndex *
             rk_schema_get_indexes   (const char  *table);
const char  *rk_schema_get_search_fill (const char *table);
gboolean     rk_schema_add_search_triggers (sqlite3 *db,
                                            GError **error);
const char * const *rk_schema_get_search_flush (void);
gboolean     rk_schema_note_new_rows (sqlite3     *db,
                                      const char  *table,
                                      gboolean     note,
                                      GError     **error);

G_END_DECLS
