/* rk-summary.h: the programme in figures, and the sentence that says them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rk-database.h"
#include "rk-enums.h"

G_BEGIN_DECLS

/* The projects of one field of action. */
typedef struct
{
  char   *field_id;           /* NULL for the projects not assigned yet */
  char   *name;               /* in the UI's language */
  guint   counts[RK_N_STATUSES];
  guint   total;
  gint64  volume_cents;       /* the sum of the volumes recorded */
  guint   n_without_volume;
} RkSummaryField;

typedef struct
{
  guint      counts[RK_N_STATUSES];
  guint      total;
  gint64     volume_cents;
  guint      n_without_volume;
  GPtrArray *fields;          /* RkSummaryField: the five in their order,
                               * then the unassigned ones if there are any */
} RkSummary;

RkSummary  *rk_summary_new_for_projects (RkDatabase     *db,
                                         GError        **error);
void        rk_summary_new_for_projects_async  (RkDatabase          *db,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
RkSummary  *rk_summary_new_for_projects_finish (GAsyncResult        *result,
                                                GError             **error);
RkSummary  *rk_summary_new_for_report   (RkDatabase     *db,
                                         const char     *report_id,
                                         GError        **error);
RkSummary  *rk_summary_ref              (RkSummary      *self);
void        rk_summary_unref            (RkSummary      *self);
char       *rk_summary_get_headline     (RkSummary      *self);

char       *rk_headline_sentence        (const guint     counts[RK_N_STATUSES]);
const char *rk_status_get_phrase        (RkStatus        status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RkSummary, rk_summary_unref)

G_END_DECLS
