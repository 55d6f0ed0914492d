/* rk-enums.h: the programme's vocabularies, stored as stable keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The status vocabulary of the progress reports (domain.md). */
typedef enum {
  RK_STATUS_PROPOSAL,
  RK_STATUS_UNDER_REVIEW,
  RK_STATUS_IN_IMPLEMENTATION,
  RK_STATUS_COMPLETED,
  RK_STATUS_NOT_PURSUED,
} RkStatus;
#define RK_N_STATUSES (RK_STATUS_NOT_PURSUED + 1)

/* The three pillars of the Progress Report 2020. */
typedef enum {
  RK_PILLAR_MINISTRY_PROJECT,
  RK_PILLAR_PARTNER_PROJECT,
  RK_PILLAR_STATE_PROGRAMME,
} RkPillar;
#define RK_N_PILLARS (RK_PILLAR_STATE_PROGRAMME + 1)

#define RK_TYPE_STATUS (rk_status_get_type ())
#define RK_TYPE_PILLAR (rk_pillar_get_type ())

GType        rk_status_get_type   (void) G_GNUC_CONST;
GType        rk_pillar_get_type   (void) G_GNUC_CONST;

const char  *rk_status_to_key     (RkStatus     status);
gboolean     rk_status_from_key   (const char  *key,
                                   RkStatus    *out_status);
const char  *rk_status_get_label  (RkStatus     status);

const char  *rk_pillar_to_key     (RkPillar     pillar);
gboolean     rk_pillar_from_key   (const char  *key,
                                   RkPillar    *out_pillar);
const char  *rk_pillar_get_label  (RkPillar     pillar);

G_END_DECLS
