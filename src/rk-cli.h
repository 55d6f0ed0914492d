/* rk-cli.h: batch work without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every batch option. */
typedef enum {
  RK_EXIT_OK = 0,              /* done */
  RK_EXIT_INPUT_REFUSED = 1,   /* the input was refused; nothing changed */
  RK_EXIT_DATABASE_FAILED = 2, /* the database could not be opened or used */
} RkExitStatus;

void         rk_cli_print_error (const GError *error);
RkExitStatus rk_cli_check             (const char   *path);
RkExitStatus rk_cli_load_example_data (const char   *path);
RkExitStatus rk_cli_list_projects     (const char   *path,
                                       const char   *search);

G_END_DECLS
