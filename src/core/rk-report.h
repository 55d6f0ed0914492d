/* rk-report.h: progress reports, the projects as they stood at a
 * reporting date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-enums.h"
#include "rk-record-list.h"
#include "rk-snapshot.h"

G_BEGIN_DECLS

#define RK_REPORT_ERROR (rk_report_error_quark ())

typedef enum {
  RK_REPORT_ERROR_TITLE_REQUIRED,
  RK_REPORT_ERROR_INVALID_DATE,
  RK_REPORT_ERROR_ADOPTED,      /* an adopted report is frozen */
  RK_REPORT_ERROR_NOT_FOUND,
} RkReportError;

/* Stored as "draft" and "adopted". */
typedef enum {
  RK_REPORT_DRAFT,
  RK_REPORT_ADOPTED,
} RkReportState;

#define RK_TYPE_REPORT_STATE (rk_report_state_get_type ())
GType rk_report_state_get_type (void) G_GNUC_CONST;

#define RK_TYPE_REPORT (rk_report_get_type ())
G_DECLARE_FINAL_TYPE (RkReport, rk_report, RK, REPORT, GObject)

#define RK_TYPE_REPORT_ENTRY (rk_report_entry_get_type ())
G_DECLARE_FINAL_TYPE (RkReportEntry, rk_report_entry, RK, REPORT_ENTRY, GObject)

GQuark         rk_report_error_quark        (void);
const char    *rk_report_state_get_label    (RkReportState  state);

RkReport      *rk_report_create             (RkDatabase    *db,
                                             const char    *title,
                                             const char    *as_of,
                                             GError       **error);
RkReport      *rk_report_load               (RkDatabase    *db,
                                             const char    *id,
                                             GError       **error);
RkReport      *rk_report_load_by_rowid      (RkDatabase    *db,
                                             gint64         rowid,
                                             GError       **error);
gboolean       rk_report_reload             (RkReport      *self,
                                             RkDatabase    *db,
                                             GError       **error);
gboolean       rk_report_validate           (RkReport      *self,
                                             GError       **error);
gboolean       rk_report_save               (RkReport      *self,
                                             RkDatabase    *db,
                                             GError       **error);
gboolean       rk_report_adopt              (RkReport      *self,
                                             RkDatabase    *db,
                                             GError       **error);
RkReport      *rk_report_duplicate          (RkReport      *self,
                                             RkDatabase    *db,
                                             const char    *title,
                                             const char    *as_of,
                                             GError       **error);
gboolean       rk_report_delete             (RkDatabase    *db,
                                             const char    *id,
                                             RkSnapshot   **out_snapshot,
                                             GError       **error);
RkReport      *rk_report_find_latest        (RkDatabase    *db,
                                             GError       **error);
RkReport      *rk_report_find_previous      (RkReport      *self,
                                             RkDatabase    *db,
                                             GError       **error);
RkRecordList  *rk_report_list_new           (RkDatabase    *db);

const char    *rk_report_get_id             (RkReport      *self);
const char    *rk_report_get_title          (RkReport      *self);
const char    *rk_report_get_as_of          (RkReport      *self);
RkReportState  rk_report_get_state          (RkReport      *self);
gboolean       rk_report_is_adopted         (RkReport      *self);
const char    *rk_report_get_created_at     (RkReport      *self);

GListModel    *rk_report_list_entries       (RkReport      *self,
                                             RkDatabase    *db,
                                             GError       **error);
gboolean       rk_report_entry_save         (RkReportEntry *self,
                                             RkDatabase    *db,
                                             GError       **error);
const char    *rk_report_entry_get_id       (RkReportEntry *self);
const char    *rk_report_entry_get_report_id (RkReportEntry *self);
const char    *rk_report_entry_get_project_id (RkReportEntry *self);
const char    *rk_report_entry_get_project_code (RkReportEntry *self);
const char    *rk_report_entry_get_project_title (RkReportEntry *self);
const char    *rk_report_entry_get_field_id (RkReportEntry *self);
RkStatus       rk_report_entry_get_status   (RkReportEntry *self);
const char    *rk_report_entry_get_text     (RkReportEntry *self);

/* One project as two reports see it. */
typedef struct
{
  char     *key;          /* what matches it across reports */
  char     *entry_id;     /* in the newer report; NULL when dropped */
  char     *code;         /* nullable */
  char     *title;
  char     *field_id;     /* nullable */
  RkStatus  old_status;   /* meaningless for an added project */
  RkStatus  new_status;   /* meaningless for a dropped project */
} RkReportChange;

/* What changed between a report and the one before it. */
typedef struct
{
  char       *previous_id;    /* NULL when there is no previous report */
  char       *previous_title;
  char       *previous_as_of;
  guint       then_counts[RK_N_STATUSES];
  guint       now_counts[RK_N_STATUSES];
  GPtrArray  *changed;        /* RkReportChange: the status differs */
  GPtrArray  *added;          /* RkReportChange: not in the previous report */
  GPtrArray  *dropped;        /* RkReportChange: only in the previous report */
  GHashTable *unchanged_text; /* entry ids whose text is word for word the previous one */
} RkReportComparison;

RkReportComparison *rk_report_compare            (RkReport           *self,
                                                  RkReport           *previous,
                                                  RkDatabase         *db,
                                                  GError            **error);
void                rk_report_comparison_free    (RkReportComparison *self);
gboolean            rk_report_comparison_text_unchanged (RkReportComparison *self,
                                                         const char         *entry_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkReportComparison, rk_report_comparison_free)

G_END_DECLS
