/* rk-changes.h: change packages between copies of the programme database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_CHANGES_ERROR (rk_changes_error_quark ())

typedef enum {
  RK_CHANGES_ERROR_NOT_A_PACKAGE,  /* not a change package at all */
  RK_CHANGES_ERROR_DAMAGED,        /* cut short or altered */
  RK_CHANGES_ERROR_TOO_NEW,        /* written by a newer version */
  RK_CHANGES_ERROR_FOREIGN,        /* of another programme database */
  RK_CHANGES_ERROR_NO_ORIGIN,      /* this database was never copied */
} RkChangesError;

/* What an import did. */
typedef struct
{
  guint    n_applied;    /* changed rows: inserted, updated or deleted */
  guint    n_skipped;    /* rows this copy had already, or had deleted */
  guint    n_conflicts;  /* fields both copies changed, newly listed */
  gboolean from_self;    /* the package came from this very copy */
} RkChangesSummary;

/* A field both copies changed (column "*": a record changed on one side
 * and deleted on the other), as sync_conflict lists it. */
typedef struct
{
  gint64    id;
  char     *table;
  char     *row_id;
  char     *column;
  char     *mine;
  char     *theirs;
  char     *mine_time;
  char     *theirs_time;
  gboolean  kept_theirs;
} RkChangesConflict;

GQuark   rk_changes_error_quark (void);

GPtrArray *rk_changes_list_conflicts (RkDatabase  *db,
                                      GError     **error);
gboolean rk_changes_resolve     (RkDatabase        *db,
                                 gint64             conflict_id,
                                 gboolean           keep_mine,
                                 GError           **error);
char    *rk_changes_describe    (RkDatabase        *db,
                                 const char        *table,
                                 const char        *row_id);
gboolean rk_changes_resolve_all (RkDatabase        *db,
                                 gboolean           keep_mine,
                                 GError           **error);

gboolean rk_changes_export      (RkDatabase        *db,
                                 const char        *path,
                                 guint             *out_n_changes,
                                 GError           **error);
gboolean rk_changes_import      (RkDatabase        *db,
                                 const char        *path,
                                 int                backups_kept,
                                 RkChangesSummary  *out_summary,
                                 GError           **error);
gboolean rk_changes_import_data (RkDatabase        *db,
                                 const guint8      *data,
                                 gsize              length,
                                 const char        *display_name,
                                 int                backups_kept,
                                 RkChangesSummary  *out_summary,
                                 GError           **error);

G_END_DECLS
