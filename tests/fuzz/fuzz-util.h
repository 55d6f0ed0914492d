/* fuzz-util.h: what the libFuzzer targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  fuzz_quiet_logs        (void);
char *fuzz_make_dir          (const char   *name);
void  fuzz_write_database    (const char   *path,
                              const guint8 *data,
                              gsize         size);
void  fuzz_copy_database     (const char   *from,
                              const char   *to);

G_END_DECLS
