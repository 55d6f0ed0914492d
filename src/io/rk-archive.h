/* rk-archive.h: the whole database as one JSON file, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_ARCHIVE_ERROR (rk_archive_error_quark ())

typedef enum {
  RK_ARCHIVE_ERROR_INVALID,     /* not an archive, or a damaged one */
  RK_ARCHIVE_ERROR_TOO_NEW,     /* written by a newer version */
  RK_ARCHIVE_ERROR_NOT_EMPTY,   /* the database already holds records */
} RkArchiveError;

GQuark   rk_archive_error_quark (void);

char    *rk_archive_to_json     (RkDatabase    *db,
                                 GError       **error);
gboolean rk_archive_export      (RkDatabase    *db,
                                 GFile         *file,
                                 GError       **error);
gboolean rk_archive_import_data (RkDatabase    *db,
                                 const char    *text,
                                 gsize          length,
                                 const char    *display_name,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean rk_archive_import      (RkDatabase    *db,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
