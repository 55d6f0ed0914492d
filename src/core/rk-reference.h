/* rk-reference.h: the reference rows that ship with the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"

G_BEGIN_DECLS

#define RK_TYPE_FIELD (rk_field_get_type ())
G_DECLARE_FINAL_TYPE (RkField, rk_field, RK, FIELD, GObject)

#define RK_TYPE_MUNICIPALITY (rk_municipality_get_type ())
G_DECLARE_FINAL_TYPE (RkMunicipality, rk_municipality, RK, MUNICIPALITY, GObject)

const char *rk_field_get_id                (RkField        *self);
int         rk_field_get_position          (RkField        *self);
const char *rk_field_get_name_de           (RkField        *self);
const char *rk_field_get_name_en           (RkField        *self);
const char *rk_field_get_name              (RkField        *self);

const char *rk_municipality_get_id         (RkMunicipality *self);
const char *rk_municipality_get_name       (RkMunicipality *self);
const char *rk_municipality_get_district   (RkMunicipality *self);

GListModel *rk_database_list_fields        (RkDatabase     *db);
GListModel *rk_database_list_municipalities (RkDatabase    *db);
RkField    *rk_database_find_field         (RkDatabase     *db,
                                            const char     *id);

G_END_DECLS
