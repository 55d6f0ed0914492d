/* rk-personal-data.h: what the database holds on a person (GDPR Art. 15)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

char *rk_personal_data_to_json (RkDatabase  *db,
                                const char  *organisation_id,
                                GError     **error);

G_END_DECLS
