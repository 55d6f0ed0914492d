/* rk-database.h: the programme database, one SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RK_DATABASE_ERROR (rk_database_error_quark ())

/*
 * Errors that come from SQLite carry the SQLite extended result code as
 * their code (SQLITE_CORRUPT, SQLITE_CONSTRAINT_UNIQUE, …), so callers can
 * match on it. Conditions the application itself detects use these codes,
 * which lie outside SQLite's range.
 */
typedef enum {
  RK_DATABASE_ERROR_NOT_A_DATABASE = 0x10000, /* not a SQLite file at all */
  RK_DATABASE_ERROR_TRUNCATED,                /* shorter than its header says */
  RK_DATABASE_ERROR_FOREIGN,                  /* a SQLite file of another program */
  RK_DATABASE_ERROR_TOO_NEW,                  /* written by a newer version */
  RK_DATABASE_ERROR_READ_ONLY,                /* a write to a read-only copy */
  RK_DATABASE_ERROR_ALTERED,                  /* its schema differs from ours */
} RkDatabaseError;

typedef enum {
  RK_DATABASE_OPEN_DEFAULT   = 0,
  RK_DATABASE_OPEN_READ_ONLY = 1 << 0,
} RkDatabaseOpenFlags;

/* The tables that hold the programme's records, in a fixed order. */
extern const char * const rk_database_tables[];

#define RK_TYPE_DATABASE (rk_database_get_type ())
G_DECLARE_FINAL_TYPE (RkDatabase, rk_database, RK, DATABASE, GObject)

GQuark       rk_database_error_quark        (void);

char        *rk_database_default_path       (void);
RkDatabase  *rk_database_open               (const char           *path,
                                             RkDatabaseOpenFlags   flags,
                                             GError              **error);
const char  *rk_database_get_path           (RkDatabase           *self);
gboolean     rk_database_get_read_only      (RkDatabase           *self);
int          rk_database_get_schema_version (RkDatabase           *self);
const char  *rk_database_get_copy_id        (RkDatabase           *self);

gboolean     rk_database_begin              (RkDatabase           *self,
                                             GError              **error);
gboolean     rk_database_commit             (RkDatabase           *self,
                                             GError              **error);
void         rk_database_rollback           (RkDatabase           *self);
void         rk_database_note_change        (RkDatabase           *self,
                                             const char           *table,
                                             const char           *key);

gboolean     rk_database_check_integrity    (RkDatabase           *self,
                                             GError              **error);
gint64       rk_database_count_rows         (RkDatabase           *self,
                                             const char           *table,
                                             GError              **error);

char        *rk_timestamp_now               (void);
gboolean     rk_set_str                     (char                **str_pointer,
                                             const char           *new_str);
char        *rk_new_key                     (void);

G_END_DECLS
