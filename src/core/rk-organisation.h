/* rk-organisation.h: partner organisations and their roles in projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-enums.h"
#include "rk-record-list.h"
#include "rk-snapshot.h"

G_BEGIN_DECLS

#define RK_ORGANISATION_ERROR (rk_organisation_error_quark ())

typedef enum {
  RK_ORGANISATION_ERROR_NAME_REQUIRED,
  RK_ORGANISATION_ERROR_INVALID_EMAIL,
  RK_ORGANISATION_ERROR_INVALID_WEBSITE,
  RK_ORGANISATION_ERROR_NOT_FOUND,
  RK_ORGANISATION_ERROR_SAME,
} RkOrganisationError;

typedef enum {
  RK_ORGANISATION_SORT_NAME,
  RK_ORGANISATION_SORT_UPDATED,
} RkOrganisationSort;

#define RK_TYPE_ORGANISATION (rk_organisation_get_type ())
G_DECLARE_FINAL_TYPE (RkOrganisation, rk_organisation, RK, ORGANISATION, GObject)

#define RK_TYPE_PARTNER_LINK (rk_partner_link_get_type ())
G_DECLARE_FINAL_TYPE (RkPartnerLink, rk_partner_link, RK, PARTNER_LINK, GObject)

GQuark          rk_organisation_error_quark      (void);

RkOrganisation *rk_organisation_new              (void);
RkOrganisation *rk_organisation_load             (RkDatabase      *db,
                                                  const char      *id,
                                                  GError         **error);
RkOrganisation *rk_organisation_load_by_rowid    (RkDatabase      *db,
                                                  gint64           rowid,
                                                  GError         **error);
gboolean        rk_organisation_reload           (RkOrganisation  *self,
                                                  RkDatabase      *db,
                                                  GError         **error);
gboolean        rk_organisation_validate         (RkOrganisation  *self,
                                                  GError         **error);
gboolean        rk_organisation_insert           (RkOrganisation  *self,
                                                  RkDatabase      *db,
                                                  GError         **error);
gboolean        rk_organisation_save             (RkOrganisation  *self,
                                                  RkDatabase      *db,
                                                  GError         **error);
gboolean        rk_organisation_delete           (RkDatabase      *db,
                                                  const char      *id,
                                                  RkSnapshot     **out_snapshot,
                                                  GError         **error);
gboolean        rk_organisation_equal_values     (RkOrganisation  *self,
                                                  RkOrganisation  *other);
RkOrganisation *rk_organisation_copy             (RkOrganisation  *self);
void            rk_organisation_set_values_from  (RkOrganisation  *self,
                                                  RkOrganisation  *other);

const char     *rk_organisation_get_id           (RkOrganisation  *self);
const char     *rk_organisation_get_name         (RkOrganisation  *self);
RkKind          rk_organisation_get_kind         (RkOrganisation  *self);
const char     *rk_organisation_get_municipality_id (RkOrganisation *self);
const char     *rk_organisation_get_website      (RkOrganisation  *self);
const char     *rk_organisation_get_email        (RkOrganisation  *self);
const char     *rk_organisation_get_updated_at   (RkOrganisation  *self);
gboolean        rk_organisation_get_is_example   (RkOrganisation  *self);
gboolean        rk_organisation_is_personal      (RkOrganisation  *self);
gboolean        rk_organisation_is_erased        (RkOrganisation  *self);

char           *rk_organisation_name_key         (const char      *name);
GPtrArray      *rk_organisation_find_duplicates  (RkDatabase      *db,
                                                  const char      *name,
                                                  const char      *except_id,
                                                  GError         **error);
guint           rk_organisation_count_links      (RkDatabase      *db,
                                                  const char      *id);

/* Per field, which of the two keeps its value in a merge. */
typedef enum {
  RK_MERGE_LONGER,
  RK_MERGE_KEEP_TARGET,
  RK_MERGE_TAKE_SOURCE,
} RkMergeChoice;

gboolean        rk_organisation_merge            (RkDatabase      *db,
                                                  const char      *target_id,
                                                  const char      *source_id,
                                                  GHashTable      *choices,
                                                  RkSnapshot     **out_snapshot,
                                                  GError         **error);
gboolean        rk_organisation_finish_erasure (RkDatabase   *db,
                                                const char   *id,
                                                GError      **error);
gboolean        rk_organisation_erase_arrived  (RkDatabase   *db,
                                                GPtrArray   **out_ids,
                                                GError      **error);
gboolean        rk_organisation_erase_personal_data (RkDatabase   *db,
                                                  const char      *id,
                                                  GError         **error);

RkRecordList   *rk_organisation_list_new         (RkDatabase      *db);
void            rk_organisation_list_set_kind    (RkRecordList    *list,
                                                  const char      *kind_key);
void            rk_organisation_list_set_municipality (RkRecordList *list,
                                                  const char      *municipality_id);

/* Links between projects and organisations, seen from either side. */
const char     *rk_partner_link_get_id           (RkPartnerLink   *self);
const char     *rk_partner_link_get_project_id   (RkPartnerLink   *self);
const char     *rk_partner_link_get_project_title (RkPartnerLink  *self);
const char     *rk_partner_link_get_project_code (RkPartnerLink   *self);
const char     *rk_partner_link_get_organisation_id (RkPartnerLink *self);
const char     *rk_partner_link_get_organisation_name (RkPartnerLink *self);
RkKind          rk_partner_link_get_kind         (RkPartnerLink   *self);
RkRole          rk_partner_link_get_role         (RkPartnerLink   *self);

GListModel     *rk_project_list_partners         (RkDatabase      *db,
                                                  const char      *project_id,
                                                  GError         **error);
GListModel     *rk_organisation_list_projects    (RkDatabase      *db,
                                                  const char      *organisation_id,
                                                  GError         **error);
gboolean        rk_partner_link_add              (RkDatabase      *db,
                                                  const char      *project_id,
                                                  const char      *organisation_id,
                                                  RkRole           role,
                                                  GError         **error);
gboolean        rk_partner_link_set_role         (RkDatabase      *db,
                                                  RkPartnerLink   *link,
                                                  RkRole           role,
                                                  GError         **error);
gboolean        rk_partner_link_remove           (RkDatabase      *db,
                                                  RkPartnerLink   *link,
                                                  GError         **error);

G_END_DECLS
