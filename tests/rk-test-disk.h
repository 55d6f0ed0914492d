/* rk-test-disk.h: a disk that fills up or turns read-only on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RK_TEST_DISK_WORKS,
  RK_TEST_DISK_FULL,
  RK_TEST_DISK_READ_ONLY,
} RkTestDiskState;

void rk_test_disk_install   (void);
void rk_test_disk_set_state (RkTestDiskState state);

G_END_DECLS
