/* rk-organisation-editor.h: the detail page of a partner organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rk-organisation.h"

G_BEGIN_DECLS

#define RK_TYPE_ORGANISATION_EDITOR (rk_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (RkOrganisationEditor, rk_organisation_editor, RK, ORGANISATION_EDITOR, GtkWidget)

void            rk_organisation_editor_set_database     (RkOrganisationEditor *self,
                                                         RkDatabase           *db);
void            rk_organisation_editor_set_organisation (RkOrganisationEditor *self,
                                                         RkOrganisation       *organisation);
RkOrganisation *rk_organisation_editor_get_organisation (RkOrganisationEditor *self);
gboolean        rk_organisation_editor_flush            (RkOrganisationEditor *self);
void            rk_organisation_editor_focus_name       (RkOrganisationEditor *self);

G_END_DECLS
