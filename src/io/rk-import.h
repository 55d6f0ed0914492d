/* rk-import.h: projects and organisations from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rk-csv-columns.h"
#include "rk-database.h"

G_BEGIN_DECLS

#define RK_IMPORT_ERROR (rk_import_error_quark ())

typedef enum {
  RK_IMPORT_ERROR_UNREADABLE,   /* not read: no file, not text, broken quotes */
  RK_IMPORT_ERROR_COLUMNS,      /* a required column missing, one twice */
  RK_IMPORT_ERROR_INVALID,      /* rows with errors: nothing was imported */
} RkImportError;

/* A problem of the file, where it is and what. */
typedef struct
{
  guint     line;      /* from 1; 0 for the file as a whole */
  guint     column;    /* the cell, from 1; 0 for the line as a whole */
  char     *heading;   /* (nullable) the column's heading in the file */
  char     *message;   /* one sentence */
  gboolean  is_error;  /* FALSE for a note, such as an ignored column */
} RkImportIssue;

#define RK_TYPE_IMPORT (rk_import_get_type ())
G_DECLARE_FINAL_TYPE (RkImport, rk_import, RK, IMPORT, GObject)

GQuark               rk_import_error_quark          (void);

RkImport            *rk_import_new                  (RkCsvKind       kind);
RkCsvKind            rk_import_get_kind             (RkImport       *self);

gboolean             rk_import_read_data            (RkImport       *self,
                                                     const char     *data,
                                                     gsize           length,
                                                     const char     *display_name,
                                                     GError        **error);
gboolean             rk_import_read_file            (RkImport       *self,
                                                     GFile          *file,
                                                     GCancellable   *cancellable,
                                                     GError        **error);
gboolean             rk_import_plan                 (RkImport       *self,
                                                     RkDatabase     *db,
                                                     GCancellable   *cancellable,
                                                     GError        **error);
gboolean             rk_import_apply                (RkImport       *self,
                                                     RkDatabase     *db,
                                                     int             backups_kept,
                                                     GCancellable   *cancellable,
                                                     GError        **error);

void                 rk_import_prepare_async        (RkImport            *self,
                                                     RkDatabase          *db,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean             rk_import_prepare_finish       (RkImport            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void                 rk_import_apply_async          (RkImport            *self,
                                                     RkDatabase          *db,
                                                     int                  backups_kept,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean             rk_import_apply_finish         (RkImport            *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

double               rk_import_get_progress         (RkImport       *self);
const char          *rk_import_get_display_name     (RkImport       *self);
const char          *rk_import_get_encoding_label   (RkImport       *self);
const char          *rk_import_get_delimiter_label  (RkImport       *self);
const char          *rk_import_get_language_label   (RkImport       *self);
RkCsvFormat          rk_import_get_language         (RkImport       *self);
guint                rk_import_get_n_records        (RkImport       *self);
guint                rk_import_get_n_new            (RkImport       *self);
guint                rk_import_get_n_updated        (RkImport       *self);
guint                rk_import_get_n_unchanged      (RkImport       *self);
guint                rk_import_get_n_errors         (RkImport       *self);
guint                rk_import_get_n_issues         (RkImport       *self);
const RkImportIssue *rk_import_get_issue            (RkImport       *self,
                                                     guint           index);
char                *rk_import_issue_get_position   (const RkImportIssue *issue);
char                *rk_import_issue_to_string      (RkImport            *self,
                                                     const RkImportIssue *issue);
char                *rk_import_get_summary          (RkImport       *self);

G_END_DECLS
