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

/* Kinds of partner organisation; two of them hold personal data. */
typedef enum {
  RK_KIND_AUTHORITY,
  RK_KIND_COMPANY,
  RK_KIND_ASSOCIATION,
  RK_KIND_CLUB,
  RK_KIND_SELF_EMPLOYED,
  RK_KIND_PRIVATE_PERSON,
  RK_KIND_RESEARCH,
  RK_KIND_MUNICIPALITY,
  RK_KIND_OTHER,
} RkKind;
#define RK_N_KINDS (RK_KIND_OTHER + 1)

/* An organisation's role in a project. */
typedef enum {
  RK_ROLE_LEAD_PARTNER,
  RK_ROLE_PARTNER,
  RK_ROLE_FUNDER,
  RK_ROLE_PROPOSER,
} RkRole;
#define RK_N_ROLES (RK_ROLE_PROPOSER + 1)

#define RK_TYPE_STATUS (rk_status_get_type ())
#define RK_TYPE_KIND (rk_kind_get_type ())
#define RK_TYPE_ROLE (rk_role_get_type ())
#define RK_TYPE_PILLAR (rk_pillar_get_type ())

GType        rk_status_get_type   (void) G_GNUC_CONST;
GType        rk_pillar_get_type   (void) G_GNUC_CONST;
GType        rk_kind_get_type     (void) G_GNUC_CONST;
GType        rk_role_get_type     (void) G_GNUC_CONST;

const char  *rk_status_to_key     (RkStatus     status);
gboolean     rk_status_from_key   (const char  *key,
                                   RkStatus    *out_status);
const char  *rk_status_get_label  (RkStatus     status);

const char  *rk_pillar_to_key     (RkPillar     pillar);
gboolean     rk_pillar_from_key   (const char  *key,
                                   RkPillar    *out_pillar);
const char  *rk_pillar_get_label  (RkPillar     pillar);

const char  *rk_kind_to_key       (RkKind       kind);
gboolean     rk_kind_from_key     (const char  *key,
                                   RkKind      *out_kind);
const char  *rk_kind_get_label    (RkKind       kind);
gboolean     rk_kind_is_personal  (RkKind       kind);

const char  *rk_role_to_key       (RkRole       role);
gboolean     rk_role_from_key     (const char  *key,
                                   RkRole      *out_role);
const char  *rk_role_get_label    (RkRole       role);

G_END_DECLS
