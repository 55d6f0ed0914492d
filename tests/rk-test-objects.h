/* rk-test-objects.h: no object of the app's own types outlives the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void rk_test_add_objects_left_check (void);

G_END_DECLS
