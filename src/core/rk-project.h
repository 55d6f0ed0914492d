/* rk-project.h: a project of the programme, its milestones and municipalities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-enums.h"
#include "rk-snapshot.h"

G_BEGIN_DECLS

#define RK_PROJECT_ERROR (rk_project_error_quark ())

/* What is wrong with a project, so the interface can say it at the field. */
typedef enum {
  RK_PROJECT_ERROR_TITLE_REQUIRED,
  RK_PROJECT_ERROR_CODE_TAKEN,
  RK_PROJECT_ERROR_END_BEFORE_START,
  RK_PROJECT_ERROR_INVALID_DATE,
  RK_PROJECT_ERROR_NOT_FOUND,
} RkProjectError;

/* No volume recorded. */
#define RK_NO_VOLUME ((gint64) -1)

#define RK_TYPE_PROJECT (rk_project_get_type ())
G_DECLARE_FINAL_TYPE (RkProject, rk_project, RK, PROJECT, GObject)

#define RK_TYPE_MILESTONE (rk_milestone_get_type ())
G_DECLARE_FINAL_TYPE (RkMilestone, rk_milestone, RK, MILESTONE, GObject)

GQuark      rk_project_error_quark        (void);

RkProject  *rk_project_new                (void);
RkProject  *rk_project_load               (RkDatabase   *db,
                                           const char   *id,
                                           GError      **error);
RkProject  *rk_project_load_by_rowid      (RkDatabase   *db,
                                           gint64        rowid,
                                           GError      **error);
gboolean    rk_project_reload             (RkProject    *self,
                                           RkDatabase   *db,
                                           GError      **error);
gboolean    rk_project_validate           (RkProject    *self,
                                           RkDatabase   *db,
                                           GError      **error);
gboolean    rk_project_insert             (RkProject    *self,
                                           RkDatabase   *db,
                                           GError      **error);
gboolean    rk_project_save               (RkProject    *self,
                                           RkDatabase   *db,
                                           GError      **error);
gboolean    rk_project_delete             (RkDatabase   *db,
                                           const char   *id,
                                           RkSnapshot  **out_snapshot,
                                           GError      **error);
gboolean    rk_project_equal_values       (RkProject    *self,
                                           RkProject    *other);
RkProject  *rk_project_copy               (RkProject    *self);
void        rk_project_set_values_from    (RkProject    *self,
                                           RkProject    *other);

const char *rk_project_get_id             (RkProject    *self);
gint64      rk_project_get_rowid          (RkProject    *self);
const char *rk_project_get_code           (RkProject    *self);
const char *rk_project_get_title          (RkProject    *self);
const char *rk_project_get_goal           (RkProject    *self);
const char *rk_project_get_field_id       (RkProject    *self);
RkPillar    rk_project_get_pillar         (RkProject    *self);
RkStatus    rk_project_get_status         (RkProject    *self);
const char *rk_project_get_lead_ministry  (RkProject    *self);
gint64      rk_project_get_volume_cents   (RkProject    *self);
const char *rk_project_get_start_date     (RkProject    *self);
const char *rk_project_get_end_date       (RkProject    *self);
const char *rk_project_get_current_status (RkProject    *self);
gboolean    rk_project_get_is_example     (RkProject    *self);
const char *rk_project_get_updated_at     (RkProject    *self);

GListModel *rk_project_list_milestones    (RkDatabase   *db,
                                           const char   *project_id,
                                           GError      **error);
RkMilestone *rk_project_add_milestone     (RkDatabase   *db,
                                           const char   *project_id,
                                           const char   *date,
                                           const char   *text,
                                           GError      **error);
gboolean    rk_milestone_save             (RkMilestone  *self,
                                           RkDatabase   *db,
                                           GError      **error);
gboolean    rk_project_remove_milestone   (RkDatabase   *db,
                                           RkMilestone  *milestone,
                                           GError      **error);
const char *rk_milestone_get_id           (RkMilestone  *self);
const char *rk_milestone_get_date         (RkMilestone  *self);
const char *rk_milestone_get_text         (RkMilestone  *self);
gboolean    rk_milestone_get_done         (RkMilestone  *self);

GStrv       rk_project_list_municipalities (RkDatabase  *db,
                                            const char  *project_id,
                                            GError     **error);
gboolean    rk_project_add_municipality    (RkDatabase  *db,
                                            const char  *project_id,
                                            const char  *municipality_id,
                                            GError     **error);
gboolean    rk_project_remove_municipality (RkDatabase  *db,
                                            const char  *project_id,
                                            const char  *municipality_id,
                                            GError     **error);

GStrv       rk_database_list_lead_ministries (RkDatabase *db);

G_END_DECLS
