/* rk-project-partners-group.h: a project's partner organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_PROJECT_PARTNERS_GROUP (rk_project_partners_group_get_type ())
G_DECLARE_FINAL_TYPE (RkProjectPartnersGroup, rk_project_partners_group, RK, PROJECT_PARTNERS_GROUP, AdwPreferencesGroup)

void rk_project_partners_group_set_project (RkProjectPartnersGroup *self,
                                            RkDatabase             *db,
                                            const char             *project_id);

G_END_DECLS
