/* rk-enums.c: the programme's vocabularies, stored as stable keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-enums.h"

/* The keys are what the database stores and what files exchange; they never
 * change. The labels are for people and follow the UI language. */
typedef struct {
  const char *key;
  const char *label;
} Term;

static const Term statuses[RK_N_STATUSES] = {
  { "proposal", N_("Proposal") },
  { "under_review", N_("Feasibility and financing under review") },
  { "in_implementation", N_("In implementation") },
  { "completed", N_("Completed") },
  { "not_pursued", N_("Not pursued further") },
}, pillars[RK_N_PILLARS] = {
  { "ministry_project", N_("Ministry project") },
  { "partner_project", N_("Partner project") },
  { "state_programme", N_("State programme") },
}, kinds[RK_N_KINDS] = {
  { "authority", N_("Authority") },
  { "company", N_("Company") },
  { "association", N_("Association") },
  { "club", N_("Club") },
  { "self_employed", N_("Liberal profession or self-employed") },
  { "private_person", N_("Private person") },
  { "research", N_("University or research") },
  { "municipality", N_("Municipality") },
  { "other", N_("Other") },
}, roles[RK_N_ROLES] = {
  { "lead_partner", N_("Lead partner") },
  { "partner", N_("Partner") },
  { "funder", N_("Funder") },
  { "proposer", N_("Proposer") },
};

G_DEFINE_ENUM_TYPE (RkStatus, rk_status,
  G_DEFINE_ENUM_VALUE (RK_STATUS_PROPOSAL, "proposal"),
  G_DEFINE_ENUM_VALUE (RK_STATUS_UNDER_REVIEW, "under_review"),
  G_DEFINE_ENUM_VALUE (RK_STATUS_IN_IMPLEMENTATION, "in_implementation"),
  G_DEFINE_ENUM_VALUE (RK_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (RK_STATUS_NOT_PURSUED, "not_pursued"))

G_DEFINE_ENUM_TYPE (RkPillar, rk_pillar,
  G_DEFINE_ENUM_VALUE (RK_PILLAR_MINISTRY_PROJECT, "ministry_project"),
  G_DEFINE_ENUM_VALUE (RK_PILLAR_PARTNER_PROJECT, "partner_project"),
  G_DEFINE_ENUM_VALUE (RK_PILLAR_STATE_PROGRAMME, "state_programme"))

G_DEFINE_ENUM_TYPE (RkKind, rk_kind,
  G_DEFINE_ENUM_VALUE (RK_KIND_AUTHORITY, "authority"),
  G_DEFINE_ENUM_VALUE (RK_KIND_COMPANY, "company"),
  G_DEFINE_ENUM_VALUE (RK_KIND_ASSOCIATION, "association"),
  G_DEFINE_ENUM_VALUE (RK_KIND_CLUB, "club"),
  G_DEFINE_ENUM_VALUE (RK_KIND_SELF_EMPLOYED, "self_employed"),
  G_DEFINE_ENUM_VALUE (RK_KIND_PRIVATE_PERSON, "private_person"),
  G_DEFINE_ENUM_VALUE (RK_KIND_RESEARCH, "research"),
  G_DEFINE_ENUM_VALUE (RK_KIND_MUNICIPALITY, "municipality"),
  G_DEFINE_ENUM_VALUE (RK_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (RkRole, rk_role,
  G_DEFINE_ENUM_VALUE (RK_ROLE_LEAD_PARTNER, "lead_partner"),
  G_DEFINE_ENUM_VALUE (RK_ROLE_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (RK_ROLE_FUNDER, "funder"),
  G_DEFINE_ENUM_VALUE (RK_ROLE_PROPOSER, "proposer"))

const char *
rk_status_to_key (RkStatus status)
{
  g_return_val_if_fail (status < RK_N_STATUSES, NULL);

  return statuses[status].key;
}

static int
find_term (const Term *terms,
           guint       n_terms,
           const char *key)
{
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].key, key) == 0)
      return i;

  return -1;
}

gboolean
rk_status_from_key (const char *key,
                    RkStatus   *out_status)
{
  int i = find_term (statuses, RK_N_STATUSES, key);

  if (i >= 0)
    *out_status = i;
  return i >= 0;
}

const char *
rk_status_get_label (RkStatus status)
{
  g_return_val_if_fail (status < RK_N_STATUSES, NULL);

  return _(statuses[status].label);
}

const char *
rk_pillar_to_key (RkPillar pillar)
{
  g_return_val_if_fail (pillar < RK_N_PILLARS, NULL);

  return pillars[pillar].key;
}

gboolean
rk_pillar_from_key (const char *key,
                    RkPillar   *out_pillar)
{
  int i = find_term (pillars, RK_N_PILLARS, key);

  if (i >= 0)
    *out_pillar = i;
  return i >= 0;
}

const char *
rk_pillar_get_label (RkPillar pillar)
{
  g_return_val_if_fail (pillar < RK_N_PILLARS, NULL);

  return _(pillars[pillar].label);
}

const char *
rk_kind_to_key (RkKind kind)
{
  g_return_val_if_fail (kind < RK_N_KINDS, NULL);
  return kinds[kind].key;
}

gboolean
rk_kind_from_key (const char *key,
                  RkKind     *out_kind)
{
  int i = find_term (kinds, RK_N_KINDS, key);

  if (i >= 0)
    *out_kind = i;
  return i >= 0;
}

const char *
rk_kind_get_label (RkKind kind)
{
  g_return_val_if_fail (kind < RK_N_KINDS, NULL);
  return _(kinds[kind].label);
}

/**
 * rk_kind_is_personal:
 *
 * Returns: whether organisations of this kind are people, whose data the
 *   GDPR protects: private persons, liberal professions and self-employed
 */
gboolean
rk_kind_is_personal (RkKind kind)
{
  return kind == RK_KIND_PRIVATE_PERSON || kind == RK_KIND_SELF_EMPLOYED;
}

const char *
rk_role_to_key (RkRole role)
{
  g_return_val_if_fail (role < RK_N_ROLES, NULL);
  return roles[role].key;
}

gboolean
rk_role_from_key (const char *key,
                  RkRole     *out_role)
{
  int i = find_term (roles, RK_N_ROLES, key);

  if (i >= 0)
    *out_role = i;
  return i >= 0;
}

const char *
rk_role_get_label (RkRole role)
{
  g_return_val_if_fail (role < RK_N_ROLES, NULL);
  return _(roles[role].label);
}
