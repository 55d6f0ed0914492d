/* rk-organisation.c: partner organisations and their roles in projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-organisation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rk-backup.h"
#include "rk-organisation.h"
#include "rk-record-list-private.h"
#include "rk-record-private.h"
#include "rk-snapshot-private.h"

struct _RkOrganisation
{
  GObject  parent_instance;

  gint64   rowid;
  char    *id;
  char    *name;
  RkKind   kind;
  char    *municipality_id;  /* NULL outside the 53 */
  char    *address;
  char    *website;
  char    *email;
  char    *phone;
  char    *notes;
  char    *erased_at;        /* when personal data was erased */
  gboolean is_example;
  char    *created_at;
  char    *updated_at;
};

G_DEFINE_FINAL_TYPE (RkOrganisation, rk_organisation, G_TYPE_OBJECT)
G_DEFINE_QUARK (rk-organisation-error-quark, rk_organisation_error)

/* Property ids are column positions and parameter numbers, as in
 * rk-project.c. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_MUNICIPALITY_ID,
  PROP_ADDRESS,
  PROP_WEBSITE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_NOTES,
  PROP_ERASED_AT,
  PROP_IS_EXAMPLE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

#define COLUMN(prop, name, type, field) \
  [prop] = { name, RK_COLUMN_##type, G_STRUCT_OFFSET (RkOrganisation, field), NULL }

static const RkColumn columns[N_PROPS] = {
  COLUMN (PROP_ID, "id", TEXT, id),
  COLUMN (PROP_NAME, "name", TEXT, name),
  [PROP_KIND] = { "kind", RK_COLUMN_ENUM, G_STRUCT_OFFSET (RkOrganisation, kind), rk_kind_get_type },
  COLUMN (PROP_MUNICIPALITY_ID, "municipality-id", OPTIONAL_TEXT, municipality_id),
  COLUMN (PROP_ADDRESS, "address", TEXT, address),
  COLUMN (PROP_WEBSITE, "website", TEXT, website),
  COLUMN (PROP_EMAIL, "email", TEXT, email),
  COLUMN (PROP_PHONE, "phone", TEXT, phone),
  COLUMN (PROP_NOTES, "notes", TEXT, notes),
  COLUMN (PROP_ERASED_AT, "erased-at", OPTIONAL_TEXT, erased_at),
  COLUMN (PROP_IS_EXAMPLE, "is-example", BOOLEAN, is_example),
  COLUMN (PROP_CREATED_AT, "created-at", OPTIONAL_TEXT, created_at),
  COLUMN (PROP_UPDATED_AT, "updated-at", OPTIONAL_TEXT, updated_at),
};

#define ORGANISATION_COLUMNS \
  "rowid, id, name, kind, municipality_id, address, website, email, phone," \
  " notes, erased_at, is_example, created_at, updated_at"

static GParamSpec *properties[N_PROPS];

static const RkRecordKind kind = {
  .table = "organisation",
  .columns = columns,
  .n_columns = N_PROPS,
  .pspecs = properties,
  .id_prop = PROP_ID,
  .created_prop = PROP_CREATED_AT,
  .updated_prop = PROP_UPDATED_AT,
  .rowid_offset = G_STRUCT_OFFSET (RkOrganisation, rowid),
};

static void
rk_organisation_finalize (GObject *object)
{
  rk_record_finalize (object, columns, N_PROPS);

  G_OBJECT_CLASS (rk_organisation_parent_class)->finalize (object);
}

static void
rk_organisation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  rk_record_get_property (object, &columns[prop_id], value);
}

static void
rk_organisation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (rk_record_set_column (object, &columns[prop_id], value))
    g_object_notify_by_pspec (object, pspec);
}

static void
rk_organisation_class_init (RkOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rk_organisation_finalize;
  object_class->get_property = rk_organisation_get_property;
  object_class->set_property = rk_organisation_set_property;

  rk_record_install_properties (object_class, columns, N_PROPS, properties);
}

static void
rk_organisation_init (RkOrganisation *self)
{
  rk_record_init (self, columns, N_PROPS);
  self->kind = RK_KIND_OTHER;
}

RkOrganisation *
rk_organisation_new (void)
{
  return g_object_new (RK_TYPE_ORGANISATION, NULL);
}

static gboolean
read_one (RkOrganisation  *self,
          RkDatabase      *db,
          const char      *sql,
          const char      *id,
          gint64           rowid,
          GError         **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_NOT_FOUND,
                           _("The organisation no longer exists."));
      return FALSE;
    }

  self->rowid = sqlite3_column_int64 (stmt, 0);
  rk_record_read_row (self, columns, N_PROPS, properties, stmt);
  return TRUE;
}

RkOrganisation *
rk_organisation_load (RkDatabase  *db,
                      const char  *id,
                      GError     **error)
{
  g_autoptr(RkOrganisation) self = rk_organisation_new ();

  g_return_val_if_fail (RK_IS_DATABASE (db) && id != NULL, NULL);

  if (!read_one (self, db, "SELECT " ORGANISATION_COLUMNS " FROM organisation WHERE id = ?",
                 id, 0, error))
    return NULL;
  return g_steal_pointer (&self);
}

RkOrganisation *
rk_organisation_load_by_rowid (RkDatabase  *db,
                               gint64       rowid,
                               GError     **error)
{
  g_autoptr(RkOrganisation) self = rk_organisation_new ();

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  if (!read_one (self, db, "SELECT " ORGANISATION_COLUMNS " FROM organisation WHERE rowid = ?",
                 NULL, rowid, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
rk_organisation_reload (RkOrganisation  *self,
                        RkDatabase      *db,
                        GError         **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);

  id = g_strdup (self->id);
  return read_one (self, db, "SELECT " ORGANISATION_COLUMNS " FROM organisation WHERE id = ?",
                   id, 0, error);
}

/* An address as people type it: something@something.tld, no spaces. */
static gboolean
email_is_valid (const char *email)
{
  return g_regex_match_simple ("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$", email, 0, 0);
}

/* A web address with or without https://; the host needs a dot. */
static gboolean
website_is_valid (const char *website)
{
  return g_regex_match_simple ("^(https?://)?[^/\\s:]+\\.[^/\\s:]{2,}(:[0-9]+)?(/\\S*)?$",
                               website, G_REGEX_CASELESS, 0);
}

/**
 * rk_organisation_validate:
 *
 * A name, and e-mail and web addresses that a mail program and a browser
 * can use, with a sentence the interface shows at the field.
 */
gboolean
rk_organisation_validate (RkOrganisation  *self,
                          GError         **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);

  name = g_strstrip (g_strdup (self->name));
  if (*name == '\0')
    {
      g_set_error_literal (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_NAME_REQUIRED,
                           _("An organisation needs a name."));
      return FALSE;
    }

  if (*self->email != '\0' && !email_is_valid (self->email))
    {
      g_set_error (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_EMAIL,
                   _("“%s” is not an e-mail address."), self->email);
      return FALSE;
    }

  if (*self->website != '\0' && !website_is_valid (self->website))
    {
      g_set_error (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_WEBSITE,
                   _("“%s” is not a web address."), self->website);
      return FALSE;
    }

  return TRUE;
}

/* Validates, then writes every column in a transaction of its own. */
static gboolean
write_organisation (RkOrganisation *self,
                    RkDatabase  *db,
                    const char  *sql,
                    GError     **error)
{
  return rk_organisation_validate (self, error) &&
         rk_record_write (self, &kind, db, sql, NULL, error);
}

gboolean
rk_organisation_insert (RkOrganisation  *self,
                        RkDatabase      *db,
                        GError         **error)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);

  rk_record_new_key (self, &kind);

  return write_organisation (self, db,
                             "INSERT INTO organisation (id, name, kind, municipality_id, address,"
                             " website, email, phone, notes, erased_at, is_example, created_at,"
                             " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                             " ?12, ?13)",
                             error);
}

#define UPDATE_ORGANISATION \
  "UPDATE organisation SET name = ?2, kind = ?3, municipality_id = ?4," \
  " address = ?5, website = ?6, email = ?7, phone = ?8, notes = ?9," \
  " erased_at = ?10, is_example = ?11, created_at = ?12," \
  " updated_at = ?13 WHERE id = ?1"

gboolean
rk_organisation_save (RkOrganisation  *self,
                      RkDatabase      *db,
                      GError         **error)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (self->id != NULL, FALSE);

  return write_organisation (self, db, UPDATE_ORGANISATION, error);
}

static gboolean
run_with_key (RkDatabase  *db,
              const char  *sql,
              const char  *key,
              const char  *other,
              GError     **error)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, other, -1, SQLITE_TRANSIENT);
  return rk_database_step_done (db, stmt, error);
}

/**
 * rk_organisation_delete:
 * @out_snapshot: (out) (optional): what brings the organisation and its
 *   project links back
 */
gboolean
rk_organisation_delete (RkDatabase  *db,
                        const char  *id,
                        RkSnapshot **out_snapshot,
                        GError     **error)
{
  g_autoptr(RkSnapshot) snapshot = rk_snapshot_new ();

  g_return_val_if_fail (RK_IS_DATABASE (db) && id != NULL, FALSE);

  if (!rk_database_begin (db, error))
    return FALSE;

  if (!rk_snapshot_capture (snapshot, db, "organisation", "id", id, RK_SNAPSHOT_INSERT, error) ||
      !rk_snapshot_capture (snapshot, db, "project_partner", "organisation_id", id,
                            RK_SNAPSHOT_INSERT, error) ||
      !run_with_key (db, "DELETE FROM organisation WHERE id = ?1 AND ?2 IS NULL", id, NULL, error))
    goto failed;

  if (sqlite3_changes (rk_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_NOT_FOUND,
                           _("The organisation no longer exists."));
      goto failed;
    }

  rk_database_note_change (db, "organisation", id);
  rk_database_note_change (db, "project_partner", NULL);
  if (!rk_database_commit (db, error))
    return FALSE;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

gboolean
rk_organisation_equal_values (RkOrganisation *self,
                              RkOrganisation *other)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self) && RK_IS_ORGANISATION (other), FALSE);

  return rk_record_equal_columns (self, other, columns, PROP_NAME, PROP_IS_EXAMPLE);
}

RkOrganisation *
rk_organisation_copy (RkOrganisation *self)
{
  RkOrganisation *copy;

  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);

  copy = rk_organisation_new ();
  copy->rowid = self->rowid;
  rk_record_copy_columns (copy, self, columns, 1, N_PROPS - 1);
  return copy;
}

void
rk_organisation_set_values_from (RkOrganisation *self,
                                 RkOrganisation *other)
{
  g_return_if_fail (RK_IS_ORGANISATION (self) && RK_IS_ORGANISATION (other));

  rk_record_copy_columns (self, other, columns, PROP_NAME, PROP_IS_EXAMPLE);
}

const char *
rk_organisation_get_id (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->id;
}

const char *
rk_organisation_get_name (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->name;
}

RkKind
rk_organisation_get_kind (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), RK_KIND_OTHER);
  return self->kind;
}

const char *
rk_organisation_get_municipality_id (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->municipality_id;
}

const char *
rk_organisation_get_website (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->website;
}

const char *
rk_organisation_get_email (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->email;
}

const char *
rk_organisation_get_updated_at (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), NULL);
  return self->updated_at;
}

gboolean
rk_organisation_get_is_example (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);
  return self->is_example;
}

gboolean
rk_organisation_is_personal (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);
  return rk_kind_is_personal (self->kind);
}

gboolean
rk_organisation_is_erased (RkOrganisation *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION (self), FALSE);
  return self->erased_at != NULL;
}

/* Duplicates */

static const char * const legal_forms[] = {
  "ev", "e v", "ggmbh", "gmbh", "ag", "kg", "eg", "mbh", "gmbh co kg", NULL
};

/**
 * rk_organisation_name_key:
 * @name: an organisation's name
 *
 * Returns: the name with case, diacritics, spacing, punctuation and a
 *   trailing legal form (e.V., gGmbH, GmbH, AG, KG, eG) taken away, so that
 *   "stiftung zollverein e.V." and "Stiftung  Zollverein" have one key
 */
char *
rk_organisation_name_key (const char *name)
{
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  gboolean changed = TRUE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  ascii = g_str_to_ascii (name, "C");
  lower = g_ascii_strdown (ascii, -1);

  /* Words only, one space between them. */
  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, *p);
      else if (key->len > 0 && key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  while (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);

  /* "… GmbH & Co. KG" ends in several: take them off one after another. */
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; legal_forms[i] != NULL; i++)
        {
          gsize n = strlen (legal_forms[i]);

          if (key->len > n + 1 && g_str_has_suffix (key->str, legal_forms[i]) &&
              key->str[key->len - n - 1] == ' ')
            {
              g_string_truncate (key, key->len - n - 1);
              changed = TRUE;
            }
        }
      if (key->len > 3 && g_str_has_suffix (key->str, " co"))
        {
          g_string_truncate (key, key->len - 3);
          changed = TRUE;
        }
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * rk_organisation_find_duplicates:
 * @name: a new or changed name
 * @except_id: (nullable): the organisation itself
 *
 * Returns: (transfer full) (element-type RkOrganisation): the other
 *   organisations whose name has the same key
 */
GPtrArray *
rk_organisation_find_duplicates (RkDatabase  *db,
                                 const char  *name,
                                 const char  *except_id,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *key = rk_organisation_name_key (name);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  if (*key == '\0')
    return g_steal_pointer (&found);

  stmt = rk_database_prepare (db, "SELECT rowid, name FROM organisation WHERE id IS NOT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, except_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other = rk_organisation_name_key ((const char *) sqlite3_column_text (stmt, 1));

      if (g_str_equal (key, other))
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (rowids, rowid);
        }
    }
  g_clear_pointer (&stmt, sqlite3_reset);

  for (guint i = 0; i < rowids->len; i++)
    {
      RkOrganisation *match = rk_organisation_load_by_rowid (db, g_array_index (rowids, gint64, i), error);

      if (match == NULL)
        return NULL;
      g_ptr_array_add (found, match);
    }

  return g_steal_pointer (&found);
}

guint
rk_organisation_count_links (RkDatabase *db,
                             const char *id)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT count(*) FROM project_partner WHERE organisation_id = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

/* Merge */

/* The text properties a merge combines, and whether each is personal. */
static const guint merged_props[] = {
  PROP_ADDRESS, PROP_WEBSITE, PROP_EMAIL, PROP_PHONE, PROP_NOTES,
};

/**
 * rk_organisation_merge:
 * @target_id: the organisation that stays
 * @source_id: the one merged into it and then gone
 * @choices: (nullable): property name → GINT_TO_POINTER (#RkMergeChoice);
 *   a field not named keeps the longer of the two texts
 * @out_snapshot: (out) (optional): what Undo needs to bring both back
 *
 * Moves the source's project links to the target (where both were
 * partners of the same project, the target's link stays), fills the
 * target's fields and deletes the source, in one transaction.
 */
gboolean
rk_organisation_merge (RkDatabase  *db,
                       const char  *target_id,
                       const char  *source_id,
                       GHashTable  *choices,
                       RkSnapshot **out_snapshot,
                       GError     **error)
{
  g_autoptr(RkSnapshot) snapshot = rk_snapshot_new ();
  g_autoptr(RkOrganisation) target = NULL;
  g_autoptr(RkOrganisation) source = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = rk_timestamp_now ();

  g_return_val_if_fail (RK_IS_DATABASE (db), FALSE);

  if (g_strcmp0 (target_id, source_id) == 0)
    {
      g_set_error_literal (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_SAME,
                           _("An organisation cannot be merged into itself."));
      return FALSE;
    }

  if ((target = rk_organisation_load (db, target_id, error)) == NULL ||
      (source = rk_organisation_load (db, source_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (merged_props); i++)
    {
      const RkColumn *column = &columns[merged_props[i]];
      const char *kept = *(char **) ((guint8 *) target + column->offset);
      const char *other = *(char **) ((guint8 *) source + column->offset);
      RkMergeChoice choice = RK_MERGE_LONGER;

      if (choices != NULL)
        choice = GPOINTER_TO_INT (g_hash_table_lookup (choices, column->name));

      if (choice == RK_MERGE_TAKE_SOURCE ||
          (choice == RK_MERGE_LONGER && g_utf8_strlen (other, -1) > g_utf8_strlen (kept, -1)))
        g_object_set (target, column->name, other, NULL);
    }
  if (target->municipality_id == NULL)
    g_object_set (target, "municipality-id", source->municipality_id, NULL);
  rk_set_str (&target->updated_at, now);

  if (!rk_organisation_validate (target, error) || !rk_database_begin (db, error))
    return FALSE;

  /* Parents first: the source comes back before its links are pointed at
   * it again, and the target gets its old values. */
  stmt = rk_database_prepare (db, "SELECT id, project_id IN (SELECT project_id FROM project_partner"
                                  " WHERE organisation_id = ?2) FROM project_partner"
                                  " WHERE organisation_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, target_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (sqlite3_column_int (stmt, 1) ? dropped : moved,
                     g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_reset);

  if (!rk_snapshot_capture (snapshot, db, "organisation", "id", source_id, RK_SNAPSHOT_INSERT, error) ||
      !rk_snapshot_capture (snapshot, db, "organisation", "id", target_id, RK_SNAPSHOT_UPDATE, error))
    goto failed;
  for (guint i = 0; i < moved->len; i++)
    if (!rk_snapshot_capture (snapshot, db, "project_partner", "id", moved->pdata[i],
                              RK_SNAPSHOT_UPDATE, error))
      goto failed;
  for (guint i = 0; i < dropped->len; i++)
    if (!rk_snapshot_capture (snapshot, db, "project_partner", "id", dropped->pdata[i],
                              RK_SNAPSHOT_INSERT, error))
      goto failed;

  for (guint i = 0; i < moved->len; i++)
    {
      stmt = rk_database_prepare (db, "UPDATE project_partner SET organisation_id = ?1,"
                                      " updated_at = ?2 WHERE id = ?3", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, target_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, moved->pdata[i], -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        goto failed;
      g_clear_pointer (&stmt, sqlite3_reset);
    }

  if (!run_with_key (db, "DELETE FROM organisation WHERE id = ?1 AND ?2 IS NULL", source_id, NULL, error))
    goto failed;

  stmt = rk_database_prepare (db, UPDATE_ORGANISATION, error);
  if (stmt == NULL)
    goto failed;
  rk_record_bind (target, columns, N_PROPS, stmt);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  rk_database_note_change (db, "organisation", source_id);
  rk_database_note_change (db, "organisation", target_id);
  rk_database_note_change (db, "project_partner", NULL);
  if (!rk_database_commit (db, error))
    return FALSE;

  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;

failed:
  rk_database_rollback (db);
  return FALSE;
}

/* Erasure */

/**
 * rk_organisation_erase_personal_data:
 *
 * Replaces the name and every contact field of a person (GDPR Art. 17):
 * the links to projects stay, anonymous. The search index is rebuilt and
 * the write-ahead log emptied, so no trace of the values stays in the
 * files; this cannot be undone.
 */
gboolean
rk_organisation_erase_personal_data (RkDatabase  *db,
                                     const char  *id,
                                     GError     **error)
{
  g_autoptr(RkOrganisation) self = rk_organisation_load (db, id, error);
  g_autofree char *now = rk_timestamp_now ();

  if (self == NULL)
    return FALSE;

  g_object_set (self,
                "name", _("Erased personal data"),
                "address", "", "website", "", "email", "", "phone", "", "notes", "",
                "municipality-id", NULL,
                "erased-at", now,
                NULL);
  if (!rk_organisation_save (self, db, error))
    return FALSE;

  return rk_organisation_finish_erasure (db, id, error);
}

/* The erased fields, as rk_organisation_erase_personal_data() leaves them. */
#define BLANK_FIELDS \
  "name = ?1, address = '', website = '', email = '', phone = '', notes = '', municipality_id = NULL"

/**
 * rk_organisation_finish_erasure:
 * @id: an organisation whose personal data was erased
 *
 * Leaves no trace of the erased values in the files: the search index is
 * merged, the write-ahead log emptied, and the base snapshot beside the
 * database (the records as they were when a copy was made for another
 * laptop) loses them too. It keeps the record's erasure itself unrecorded,
 * so that the next change package carries it to the other copies.
 */
gboolean
rk_organisation_finish_erasure (RkDatabase  *db,
                                const char  *id,
                                GError     **error)
{
  g_autofree char *base = rk_database_base_path (rk_database_get_path (db));

  /* FTS5 keeps replaced terms in older segments until they are merged;
   * "optimize" merges them all, and secure_delete zeroes what is freed. */
  if (!rk_database_exec (db, "INSERT INTO organisation_fts (organisation_fts) VALUES ('optimize')", error) ||
      !rk_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;

  if (g_file_test (base, G_FILE_TEST_IS_REGULAR))
    {
      sqlite3 *handle = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_open_v2 (base, &handle, SQLITE_OPEN_READWRITE, NULL);

      /* The base serves only to compare records: nothing in it runs, and
       * its search index, which no one reads, goes with the words it
       * holds (the index is the app's to keep, and only in the database). */
      if (rc == SQLITE_OK)
        {
          sqlite3_db_config (handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
          sqlite3_db_config (handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
          sqlite3_db_config (handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
          rc = sqlite3_exec (handle, "PRAGMA secure_delete = ON;"
                                     "INSERT INTO organisation_fts (organisation_fts) VALUES ('delete-all')",
                             NULL, NULL, NULL);
        }
      if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2 (handle, "UPDATE organisation SET " BLANK_FIELDS " WHERE id = ?2",
                                 -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, _("Erased personal data"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (handle);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, RK_DATABASE_ERROR, rc,
                       _("The personal data could not be erased from the base snapshot: %s."),
                       handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
          sqlite3_close (handle);
          return FALSE;
        }
      sqlite3_close (handle);
    }

  return TRUE;
}

/**
 * rk_organisation_erase_arrived:
 * @out_ids: (out) (element-type utf8): the organisations erased here now
 *
 * Inside a transaction, after a change package that brought erasures from
 * another copy: blanks the personal data of every organisation that is
 * marked as erased but still holds some. rk_organisation_finish_erasure()
 * then follows for each, after the commit.
 */
gboolean
rk_organisation_erase_arrived (RkDatabase  *db,
                               GPtrArray  **out_ids,
                               GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RkStatement) find =
    rk_database_prepare (db, "SELECT id FROM organisation WHERE erased_at IS NOT NULL AND"
                             " (name <> ?1 OR address <> '' OR website <> '' OR email <> ''"
                             "  OR phone <> '' OR notes <> '' OR municipality_id IS NOT NULL)", error);

  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, _("Erased personal data"), -1, SQLITE_STATIC);
  while (sqlite3_step (find) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (find, 0)));
  g_clear_pointer (&find, sqlite3_reset);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RkStatement) blank =
        rk_database_prepare (db, "UPDATE organisation SET " BLANK_FIELDS " WHERE id = ?2", error);

      if (blank == NULL)
        return FALSE;
      sqlite3_bind_text (blank, 1, _("Erased personal data"), -1, SQLITE_STATIC);
      sqlite3_bind_text (blank, 2, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      if (!rk_database_step_done (db, blank, error))
        return FALSE;
      rk_database_note_change (db, "organisation", g_ptr_array_index (ids, i));
    }

  *out_ids = g_steal_pointer (&ids);
  return TRUE;
}

/* The list */

enum {
  FILTER_KIND,
  FILTER_MUNICIPALITY,
  N_FILTERS
};

#define SELECT_FILTERED \
  "SELECT rowid FROM organisation" \
  " WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR municipality_id = ?2)"

/* In the order of RkOrganisationSort, each on its covering index. */
static const char * const queries[] = {
  SELECT_FILTERED " ORDER BY name COLLATE NOCASE",
  SELECT_FILTERED " ORDER BY updated_at DESC",
};

static gpointer
load_item (RkDatabase  *db,
           gint64       rowid,
           GError     **error)
{
  return rk_organisation_load_by_rowid (db, rowid, error);
}

static gboolean
reload_item (gpointer     item,
             RkDatabase  *db,
             GError     **error)
{
  return rk_organisation_reload (item, db, error);
}

static const char *
item_key (gpointer item)
{
  return rk_organisation_get_id (item);
}

static const RkRecordListSpec list_spec = {
  .table = "organisation",
  .item_type = rk_organisation_get_type,
  .queries = queries,
  .n_sorts = G_N_ELEMENTS (queries),
  .n_filters = N_FILTERS,
  .search_sql = "SELECT rowid FROM organisation_fts WHERE organisation_fts MATCH ?",
  .count_sql = "SELECT count(*) FROM organisation",
  .rowid_sql = "SELECT rowid FROM organisation WHERE id = ?",
  .what = N_("Listing the organisations"),
  .load = load_item,
  .reload = reload_item,
  .get_key = item_key,
};

/**
 * rk_organisation_list_new:
 *
 * Returns: (transfer full): all organisations by name; sort by an
 *   #RkOrganisationSort
 */
RkRecordList *
rk_organisation_list_new (RkDatabase *db)
{
  return rk_record_list_new (db, &list_spec);
}

void
rk_organisation_list_set_kind (RkRecordList *list,
                               const char   *kind_key)
{
  rk_record_list_set_filter (list, FILTER_KIND, kind_key);
}

void
rk_organisation_list_set_municipality (RkRecordList *list,
                                       const char   *municipality_id)
{
  rk_record_list_set_filter (list, FILTER_MUNICIPALITY, municipality_id);
}
