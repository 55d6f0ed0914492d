/* rk-partner-link.c: the link between a project and an organisation
 *
 * The same link is listed from the project's side (its partners) and from
 * the organisation's side (its projects); a change to it marks both as
 * changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-partner-link"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-organisation.h"

struct _RkPartnerLink
{
  GObject  parent_instance;

  char    *id;
  char    *project_id;
  char    *project_code;
  char    *project_title;
  char    *organisation_id;
  char    *organisation_name;
  RkKind   kind;
  RkRole   role;
};

G_DEFINE_FINAL_TYPE (RkPartnerLink, rk_partner_link, G_TYPE_OBJECT)

static void
rk_partner_link_finalize (GObject *object)
{
  RkPartnerLink *self = (RkPartnerLink *) object;

  g_free (self->id);
  g_free (self->project_id);
  g_free (self->project_code);
  g_free (self->project_title);
  g_free (self->organisation_id);
  g_free (self->organisation_name);

  G_OBJECT_CLASS (rk_partner_link_parent_class)->finalize (object);
}

static void
rk_partner_link_class_init (RkPartnerLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rk_partner_link_finalize;
}

static void
rk_partner_link_init (RkPartnerLink *self)
{
}

#define COLUMN_TEXT(stmt, i) g_strdup ((const char *) sqlite3_column_text (stmt, i))

static GListModel *
list_links (RkDatabase  *db,
            const char  *sql,
            const char  *key,
            GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RK_TYPE_PARTNER_LINK);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(RkPartnerLink) link = g_object_new (RK_TYPE_PARTNER_LINK, NULL);

      link->id = COLUMN_TEXT (stmt, 0);
      link->project_id = COLUMN_TEXT (stmt, 1);
      link->project_code = COLUMN_TEXT (stmt, 2);
      link->project_title = COLUMN_TEXT (stmt, 3);
      link->organisation_id = COLUMN_TEXT (stmt, 4);
      link->organisation_name = COLUMN_TEXT (stmt, 5);
      rk_kind_from_key ((const char *) sqlite3_column_text (stmt, 6), &link->kind);
      rk_role_from_key ((const char *) sqlite3_column_text (stmt, 7), &link->role);
      g_list_store_append (store, link);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

#define SELECT_LINKS \
  "SELECT pp.id, p.id, p.code, p.title, o.id, o.name, o.kind, pp.role" \
  " FROM project_partner pp" \
  " JOIN project p ON p.id = pp.project_id" \
  " JOIN organisation o ON o.id = pp.organisation_id"

/* Roles in the order of RkRole: lead partner first. */
#define ROLE_ORDER \
  "CASE pp.role WHEN 'lead_partner' THEN 0 WHEN 'partner' THEN 1" \
  " WHEN 'funder' THEN 2 ELSE 3 END"

/**
 * rk_project_list_partners:
 *
 * Returns: (transfer full): the project's partners as #RkPartnerLink, lead
 *   partner first, then by name
 */
GListModel *
rk_project_list_partners (RkDatabase  *db,
                          const char  *project_id,
                          GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return list_links (db, SELECT_LINKS " WHERE pp.project_id = ?"
                         " ORDER BY " ROLE_ORDER ", o.name COLLATE NOCASE",
                     project_id, error);
}

/**
 * rk_organisation_list_projects:
 *
 * Returns: (transfer full): the projects the organisation takes part in,
 *   as #RkPartnerLink, by title
 */
GListModel *
rk_organisation_list_projects (RkDatabase  *db,
                               const char  *organisation_id,
                               GError     **error)
{
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  return list_links (db, SELECT_LINKS " WHERE pp.organisation_id = ?"
                         " ORDER BY p.title COLLATE NOCASE",
                     organisation_id, error);
}

/* Runs one write on a link, marking the project and the organisation as
 * changed, in one transaction. */
static gboolean
write_link (RkDatabase  *db,
            const char  *sql,
            const char  *link_id,
            const char  *project_id,
            const char  *organisation_id,
            const char  *role_key,
            GError     **error)
{
  g_autofree char *now = rk_timestamp_now ();
  g_autoptr(RkStatement) stmt = NULL;

  if (!rk_database_begin (db, error))
    return FALSE;

  stmt = rk_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, link_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, project_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, organisation_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, role_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, sqlite3_reset);

  stmt = rk_database_prepare (db, "UPDATE project SET updated_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, project_id, -1, SQLITE_TRANSIENT);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  rk_database_note_change (db, "project_partner", link_id);
  rk_database_note_change (db, "project", project_id);
  rk_database_note_change (db, "organisation", organisation_id);
  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

/**
 * rk_partner_link_add:
 *
 * Makes the organisation a partner of the project in @role; one that is
 * a partner already keeps its link and gets the role.
 */
gboolean
rk_partner_link_add (RkDatabase  *db,
                     const char  *project_id,
                     const char  *organisation_id,
                     RkRole       role,
                     GError     **error)
{
  g_autofree char *key = rk_new_key ();

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  return write_link (db,
                     "INSERT INTO project_partner (id, project_id, organisation_id, role,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                     " ON CONFLICT (project_id, organisation_id) DO UPDATE SET role = ?4,"
                     " updated_at = ?5",
                     key, project_id, organisation_id, rk_role_to_key (role), error);
}

gboolean
rk_partner_link_set_role (RkDatabase     *db,
                          RkPartnerLink  *link,
                          RkRole          role,
                          GError        **error)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (link), FALSE);

  if (!write_link (db,
                   "UPDATE project_partner SET role = ?4, updated_at = ?5"
                   " WHERE id = ?1 AND project_id = ?2 AND organisation_id = ?3",
                   link->id, link->project_id, link->organisation_id, rk_role_to_key (role), error))
    return FALSE;

  link->role = role;
  return TRUE;
}

gboolean
rk_partner_link_remove (RkDatabase     *db,
                        RkPartnerLink  *link,
                        GError        **error)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (link), FALSE);

  return write_link (db,
                     "DELETE FROM project_partner"
                     " WHERE id = ?1 AND project_id = ?2 AND organisation_id = ?3",
                     link->id, link->project_id, link->organisation_id, NULL, error);
}

const char *
rk_partner_link_get_id (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->id;
}

const char *
rk_partner_link_get_project_id (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->project_id;
}

const char *
rk_partner_link_get_project_title (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->project_title;
}

const char *
rk_partner_link_get_project_code (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->project_code;
}

const char *
rk_partner_link_get_organisation_id (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->organisation_id;
}

const char *
rk_partner_link_get_organisation_name (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), NULL);
  return self->organisation_name;
}

RkKind
rk_partner_link_get_kind (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), RK_KIND_OTHER);
  return self->kind;
}

RkRole
rk_partner_link_get_role (RkPartnerLink *self)
{
  g_return_val_if_fail (RK_IS_PARTNER_LINK (self), RK_ROLE_PARTNER);
  return self->role;
}
