/* test-changes.c: copies on several laptops merge their change packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-database-private.h"
#include "rk-organisation.h"
#include "rk-test-util.h"

/* A time after the last, for updated_at: every edit is later than the one
 * before, whichever copy makes it. */
static guint tick;

/* The clock of the records' times: one second on at each change. */
static char *
next_time (void)
{
  tick++;
  return g_strdup_printf ("2026-11-26T%02u:%02u:%02u.000000Z", 10 + tick / 3600, (tick / 60) % 60, tick % 60);
}

static void
exec (RkDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db, sql, &error));
  g_assert_true (rk_database_commit (db, &error));
  g_assert_no_error (error);
}

/* A random edit may break a rule, a code taken already: then it is not
 * made, as in the app. */
static gboolean
try_exec (RkDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_database_begin (db, &error));
  if (!rk_database_exec (db, sql, &error))
    {
      rk_database_rollback (db);
      return FALSE;
    }
  g_assert_true (rk_database_commit (db, &error));
  return TRUE;
}

static char *
query_text (RkDatabase *db,
            const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
query_int (RkDatabase *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

/* Every record of every table, field by field. */
static char *
dump_records (RkDatabase *db)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint t = 0; rk_database_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", rk_database_tables[t]);
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

      g_string_append_printf (out, "%s:\n", rk_database_tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?: (const guint8 *) "NULL");
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static RkDatabase *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static RkDatabase *
make_copy (RkDatabase *db)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_database_make_copy (db, path, &error));
  g_assert_no_error (error);
  return open_path (path);
}

static char *
export (RkDatabase *db)
{
  g_autofree char *dir = rk_test_make_dir ();
  char *path = g_build_filename (dir, "changes.rkchanges", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_changes_export (db, path, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static RkChangesSummary
import (RkDatabase *db,
        const char *package)
{
  g_autoptr(GError) error = NULL;
  RkChangesSummary summary;

  rk_changes_import (db, package, 0, &summary, &error);
  g_assert_no_error (error);
  return summary;
}

/* From one copy to the other. */
static RkChangesSummary
send (RkDatabase *from,
      RkDatabase *to)
{
  g_autofree char *package = export (from);

  return import (to, package);
}

static void
add_project (RkDatabase *db,
             const char *id,
             const char *code,
             const char *title)
{
  g_autofree char *now = next_time ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO project (id, code, title, created_at, updated_at)"
                                          " VALUES ('%s', '%s', '%s', '%s', '%s')", id, code, title, now, now);

  exec (db, sql);
}

static void
set_field (RkDatabase *db,
           const char *table,
           const char *id,
           const char *column,
           const char *value)
{
  g_autofree char *now = next_time ();
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = '%s', updated_at = '%s' WHERE id = '%s'",
                                          table, column, value, now, id);

  exec (db, sql);
}

#define P1 "10000000-0000-4000-8000-000000000001"
#define P2 "20000000-0000-4000-8000-000000000002"

static RkDatabase *
make_origin (void)
{
  RkDatabase *db = rk_test_open_new_database ();

  add_project (db, P1, "07-01_MKW", "Neue Künste Ruhr");
  add_project (db, P2, "13-02_VM", "Mobilitätsregion");
  return db;
}

static void
test_copy (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *origin_a = query_text (a, "SELECT value FROM local WHERE key = 'origin_id'");
  g_autofree char *origin_b = query_text (b, "SELECT value FROM local WHERE key = 'origin_id'");
  g_autofree char *base_a = rk_database_base_path (rk_database_get_path (a));
  g_autofree char *base_b = rk_database_base_path (rk_database_get_path (b));
  g_autofree char *records_a = dump_records (a);
  g_autofree char *records_b = dump_records (b);

  /* One origin, two identities, the same records, a base beside each. */
  g_assert_nonnull (origin_a);
  g_assert_cmpstr (origin_a, ==, origin_b);
  g_assert_cmpstr (origin_a, ==, rk_database_get_copy_id (a));
  g_assert_cmpstr (rk_database_get_copy_id (a), !=, rk_database_get_copy_id (b));
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_true (g_file_test (base_a, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (base_b, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM local WHERE key = 'base_pending'"), ==, 0);

  /* Nothing changed, nothing to send. */
  {
    RkChangesSummary summary = send (a, b);

    g_assert_cmpuint (summary.n_applied, ==, 0);
  }
}

static void
test_fields_merge (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;
  RkChangesSummary summary;

  /* Different fields of one record, and a record each. */
  set_field (a, "project", P1, "title", "Neue Künste Ruhr 2030");
  set_field (b, "project", P1, "goal", "Urbane Künste stärken");
  add_project (a, "30000000-0000-4000-8000-000000000003", "A-1", "Nur in A");
  add_project (b, "40000000-0000-4000-8000-000000000004", "B-1", "Nur in B");

  summary = send (a, b);
  g_assert_cmpuint (summary.n_applied, ==, 2);
  g_assert_cmpuint (summary.n_conflicts, ==, 0);
  summary = send (b, a);
  g_assert_cmpuint (summary.n_conflicts, ==, 0);
  send (a, b);

  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_nonnull (strstr (records_a, "Neue Künste Ruhr 2030|Urbane Künste stärken|"));
  g_assert_nonnull (strstr (records_a, "Nur in A"));
  g_assert_nonnull (strstr (records_a, "Nur in B"));
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM sync_conflict"), ==, 0);

  /* The search index follows a merged change. */
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM project_fts WHERE project_fts MATCH 'urbane'"), ==, 1);
}

static void
test_same_field (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;
  g_autofree char *package = NULL;
  RkChangesSummary summary;

  set_field (a, "project", P1, "title", "Titel aus A");
  set_field (b, "project", P1, "title", "Titel aus B");   /* later */

  package = export (b);
  summary = import (a, package);
  g_assert_cmpuint (summary.n_conflicts, ==, 1);
  send (a, b);

  /* The newer change wins on both; the copy that met the conflict lists
   * it with both values and both times. Its package then carries the
   * merged record, which is no conflict to the other. */
  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_nonnull (strstr (records_a, "Titel aus B"));
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM sync_conflict WHERE column_name = 'title'"
                                 " AND mine = 'Titel aus A' AND theirs = 'Titel aus B' AND kept = 'theirs'"
                                 " AND mine_time < theirs_time"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM sync_conflict"), ==, 0);

  /* The same package again changes nothing and lists nothing new. */
  summary = import (a, package);
  g_assert_cmpuint (summary.n_applied, ==, 0);
  g_assert_cmpuint (summary.n_conflicts, ==, 0);
  g_free (records_b);
  records_b = dump_records (a);
  g_assert_cmpstr (records_a, ==, records_b);

  /* Keep mine: a's title again, as the newest change, which b then
   * takes as well; the conflict leaves the list. */
  {
    g_autoptr(GPtrArray) conflicts = rk_changes_list_conflicts (a, NULL);
    RkChangesConflict *conflict;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (conflicts->len, ==, 1);
    conflict = g_ptr_array_index (conflicts, 0);
    g_assert_cmpstr (conflict->table, ==, "project");
    g_assert_cmpstr (conflict->row_id, ==, P1);
    g_assert_true (conflict->kept_theirs);
    g_assert_true (rk_changes_resolve (a, conflict->id, TRUE, &error));
    g_assert_no_error (error);
    g_assert_false (rk_changes_resolve (a, conflict->id, TRUE, &error));
    g_assert_error (error, RK_DATABASE_ERROR, SQLITE_NOTFOUND);
  }
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM sync_conflict"), ==, 0);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE title = 'Titel aus A'"), ==, 1);
  send (a, b);
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM project WHERE title = 'Titel aus A'"), ==, 1);
}

static void
test_delete_against_update (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;

  exec (a, "DELETE FROM project WHERE id = '" P1 "'");
  set_field (b, "project", P1, "title", "Geändert in B");

  send (a, b);
  send (b, a);

  /* The deletion wins everywhere, and the change is listed. */
  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE id = '" P1 "'"), ==, 0);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM tombstone WHERE id = '" P1 "' AND table_name = 'project'"), ==, 1);
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM sync_conflict WHERE row_id = '" P1 "' AND column_name = '*'"), ==, 1);
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autoptr(GBytes) bytes = rk_test_read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  gsize length = strlen (text);

  /* Binary data: NUL bytes do not end it. */
  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

/* Adds a private person, o1 "Erika Muster", to @origin, then makes two
 * copies of it. */
static void
copies_with_person (RkDatabase  *origin,
                    RkDatabase **out_a,
                    RkDatabase **out_b)
{
  g_autofree char *now = next_time ();
  g_autofree char *sql = g_strdup_printf ("INSERT INTO organisation (id, name, kind, phone, created_at, updated_at)"
                                          " VALUES ('o1', 'Erika Muster', 'private_person', '0201 1', '%s', '%s')",
                                          now, now);

  exec (origin, sql);
  *out_a = make_copy (origin);
  *out_b = make_copy (origin);
}

/* A record made on one copy and deleted on another stays deleted, though
 * the first copy sends it with every package. A person erased on one copy
 * stays erased, though the other copy changed the phone number, and no
 * file keeps the erased values: not the databases, not the base
 * snapshots, not the packages sent after. */
static void
test_deleted_stays_deleted (void)
{
  g_autoptr(RkDatabase) origin = make_origin ();
  g_autoptr(RkDatabase) a = NULL;
  g_autoptr(RkDatabase) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;
  g_autofree char *package = NULL;
  g_autofree char *base_a = NULL;
  g_autofree char *base_b = NULL;

  copies_with_person (origin, &a, &b);
  base_a = rk_database_base_path (rk_database_get_path (a));
  base_b = rk_database_base_path (rk_database_get_path (b));
  g_assert_true (file_contains (base_b, "Erika"));

  add_project (b, "70000000-0000-4000-8000-000000000007", "B-7", "Aus B");
  send (b, a);
  exec (a, "DELETE FROM project WHERE id = '70000000-0000-4000-8000-000000000007'");
  set_field (b, "organisation", "o1", "phone", "0201 2");
  g_assert_true (rk_organisation_erase_personal_data (a, "o1", &error));
  g_assert_no_error (error);

  package = export (a);
  g_assert_false (file_contains (package, "Erika"));
  import (b, package);
  send (b, a);
  send (a, b);

  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE code = 'B-7'"), ==, 0);
  g_assert_null (strstr (records_a, "Erika"));
  g_assert_null (strstr (records_a, "0201"));
  g_assert_false (file_contains (base_a, "Erika"));
  g_assert_false (file_contains (base_b, "Erika"));
  /* Nor the search index's words, which it keeps in lower case. */
  g_assert_false (file_contains (base_a, "erika"));
  g_assert_false (file_contains (base_b, "erika"));
  g_assert_false (file_contains (rk_database_get_path (a), "erika"));
  g_assert_false (file_contains (rk_database_get_path (b), "erika"));
}

/* Packages crossing in the post: two copies write theirs before either
 * has the other's. The same value set on both at different times ends
 * with the later time on both; a person erased on both ends erased alike,
 * not with each copy's erasure swapped for the other's. */
static void
test_crossing (void)
{
  g_autoptr(RkDatabase) origin = make_origin ();
  g_autoptr(RkDatabase) a = NULL;
  g_autoptr(RkDatabase) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *package_a = NULL;
  g_autofree char *package_b = NULL;
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;

  copies_with_person (origin, &a, &b);

  set_field (a, "project", P1, "goal", "Dasselbe Ziel");
  set_field (b, "project", P1, "goal", "Dasselbe Ziel");   /* later */
  g_assert_true (rk_organisation_erase_personal_data (a, "o1", &error));
  g_assert_no_error (error);
  g_assert_true (rk_organisation_erase_personal_data (b, "o1", &error));
  g_assert_no_error (error);
  exec (b, "UPDATE organisation SET erased_at = '2030-01-01T00:00:00.000000Z' WHERE id = 'o1'");

  package_a = export (a);
  package_b = export (b);
  import (a, package_b);
  import (b, package_a);

  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE goal = 'Dasselbe Ziel'"
                                 " AND updated_at = (SELECT max (updated_at) FROM project)"), ==, 1);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM organisation WHERE erased_at LIKE '2030-%'"), ==, 1);
}

static void
test_same_code (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *records_a = NULL;
  g_autofree char *records_b = NULL;

  add_project (a, "50000000-0000-4000-8000-000000000005", "99-01_X", "Aus A");
  add_project (b, "60000000-0000-4000-8000-000000000006", "99-01_X", "Aus B");

  send (a, b);
  send (b, a);
  send (a, b);

  /* Both projects stay; the one with the greater key has its code
   * suffixed, on both copies alike. */
  records_a = dump_records (a);
  records_b = dump_records (b);
  g_assert_cmpstr (records_a, ==, records_b);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE code = '99-01_X' AND title = 'Aus A'"), ==, 1);
  g_assert_cmpint (query_int (a, "SELECT count(*) FROM project WHERE code = '99-01_X-6000' AND title = 'Aus B'"), ==, 1);
}

static void
test_echo (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autofree char *package = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RkChangesSummary summary;

  set_field (a, "project", P1, "title", "Aus A");
  package = export (a);

  /* A copy's own package comes back: skipped. */
  before = dump_records (a);
  summary = import (a, package);
  g_assert_true (summary.from_self);
  after = dump_records (a);
  g_assert_cmpstr (before, ==, after);

  /* Through b and back: a's own change is no change to a. */
  import (b, package);
  summary = send (b, a);
  g_assert_cmpuint (summary.n_conflicts, ==, 0);
  g_free (after);
  after = dump_records (a);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (RkDatabase *db,
                GBytes     *package,
                int         code)
{
  g_autoptr(GBytes) before = rk_test_database_bytes (rk_database_get_path (db));
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_changes_import_data (db, g_bytes_get_data (package, NULL), g_bytes_get_size (package),
                                          "paket.rkchanges", 0, NULL, &error));
  g_assert_error (error, RK_CHANGES_ERROR, code);
  g_assert_nonnull (strstr (error->message, "paket.rkchanges"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  after = rk_test_database_bytes (rk_database_get_path (db));
  g_assert_true (g_bytes_equal (before, after));
}

/* @package with its header's first line replaced and its digest made
 * again, as a newer version would write it. */
static GBytes *
rewrite_version (GBytes *package)
{
  gsize length;
  const char *data = g_bytes_get_data (package, &length);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *digest = NULL;
  gsize body = length - strlen ("sha256 ") - 65;

  g_byte_array_append (out, (const guint8 *) "RK-CHANGES 2", 12);
  g_byte_array_append (out, (const guint8 *) data + 12, body - 12);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, out->data, out->len);
  g_byte_array_append (out, (const guint8 *) "sha256 ", 7);
  g_byte_array_append (out, (const guint8 *) digest, 64);
  g_byte_array_append (out, (const guint8 *) "\n", 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A package around @changeset, with @db's origin and a correct digest:
 * what a damaged changeset inside an intact package looks like. */
static GBytes *
wrap_changeset (RkDatabase   *db,
                const guint8 *changeset,
                gsize         size)
{
  g_autofree char *origin = query_text (db, "SELECT value FROM local WHERE key = 'origin_id'");
  g_autofree char *header = g_strdup_printf ("RK-CHANGES 1\norigin %s\nsender x\ncreated x\nlength %"
                                             G_GSIZE_FORMAT "\n\n", origin, size);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *digest = NULL;

  g_byte_array_append (out, (const guint8 *) header, strlen (header));
  g_byte_array_append (out, changeset, size);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, out->data, out->len);
  g_byte_array_append (out, (const guint8 *) "sha256 ", 7);
  g_byte_array_append (out, (const guint8 *) digest, 64);
  g_byte_array_append (out, (const guint8 *) "\n", 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_refused (void)
{
  g_autoptr(RkDatabase) a = make_origin ();
  g_autoptr(RkDatabase) b = make_copy (a);
  g_autoptr(RkDatabase) other = make_origin ();
  g_autoptr(RkDatabase) other_copy = make_copy (other);
  g_autofree char *path = NULL;
  g_autofree char *foreign_path = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GBytes) foreign = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(GByteArray) flipped = g_byte_array_new ();
  gsize length;

  set_field (a, "project", P1, "title", "Aus A");
  path = export (a);
  package = rk_test_read_file (path);
  set_field (other, "project", P1, "title", "Aus einer anderen Datenbank");
  foreign_path = export (other);
  foreign = rk_test_read_file (foreign_path);

  /* One byte of the changeset altered; the end cut off; a future format;
   * another programme database; something else entirely. */
  {
    const guint8 *bytes = g_bytes_get_data (package, &length);

    g_byte_array_append (flipped, bytes, length);
  }
  flipped->data[length - 80] ^= 0x20;
  {
    g_autoptr(GBytes) bytes = g_bytes_new (flipped->data, flipped->len);
    assert_refused (b, bytes, RK_CHANGES_ERROR_DAMAGED);
  }
  for (gsize keep = 0; keep < length; keep += MAX (1, length / 7))
    {
      cut = g_bytes_new_from_bytes (package, 0, keep);
      assert_refused (b, cut, keep < strlen ("RK-CHANGES ") ? RK_CHANGES_ERROR_NOT_A_PACKAGE
                                                           : RK_CHANGES_ERROR_DAMAGED);
      g_clear_pointer (&cut, g_bytes_unref);
    }
  newer = rewrite_version (package);
  assert_refused (b, newer, RK_CHANGES_ERROR_TOO_NEW);
  assert_refused (b, foreign, RK_CHANGES_ERROR_FOREIGN);
  {
    g_autoptr(GBytes) csv = g_bytes_new_static ("code;title\n", 11);
    assert_refused (b, csv, RK_CHANGES_ERROR_NOT_A_PACKAGE);
  }

  /* Changesets the fuzzer found: a table of no columns sent SQLite 3.40
   * into an endless loop; a table this database does not have; a record
   * cut short. And text that is not UTF-8. */
  {
    static const guint8 no_columns[] = { 'T', 0x00, 0x13, 0x01 };
    static const guint8 no_table[] = { 'T', 0x01, 0x01, 'x', 0x00, SQLITE_DELETE, 0x00, 0x05 };
    static const guint8 cut_short[] = { 'T', 0x01, 0x01, 'f', 'i', 'e', 'l', 'd', 0x00, SQLITE_DELETE, 0x00, 0x03, 0x09 };
    g_autoptr(GBytes) first_bytes = wrap_changeset (b, no_columns, sizeof no_columns);
    g_autoptr(GBytes) second_bytes = wrap_changeset (b, no_table, sizeof no_table);
    g_autoptr(GBytes) third_bytes = wrap_changeset (b, cut_short, sizeof cut_short);
    /* A new field of action whose German name is not UTF-8. */
    static const guint8 bad_text[] = { 'T', 0x04, 0x01, 0x00, 0x00, 0x00, 'f', 'i', 'e', 'l', 'd', 0x00,
                                       SQLITE_INSERT, 0x00,
                                       0x03, 0x02, 'f', '6',
                                       0x01, 0, 0, 0, 0, 0, 0, 0, 0x06,
                                       0x03, 0x02, 0xc3, 0x28,
                                       0x03, 0x01, 'x' };
    g_autoptr(GBytes) fourth_bytes = wrap_changeset (b, bad_text, sizeof bad_text);

    assert_refused (b, first_bytes, RK_CHANGES_ERROR_DAMAGED);
    assert_refused (b, second_bytes, RK_CHANGES_ERROR_DAMAGED);
    assert_refused (b, third_bytes, RK_CHANGES_ERROR_DAMAGED);
    assert_refused (b, fourth_bytes, RK_CHANGES_ERROR_DAMAGED);
  }

  /* The real one still goes in. */
  import (b, path);
  g_assert_cmpint (query_int (b, "SELECT count(*) FROM project WHERE title = 'Aus A'"), ==, 1);
}

/* One of @table's records chosen by @rand, or NULL when it has none:
 * the same one for the same seed on every run. */
static char *
pick_row (RkDatabase *db,
          const char *table,
          GRand      *rand)
{
  g_autofree char *count_sql = g_strconcat ("SELECT count(*) FROM ", table, NULL);
  g_autofree char *row_sql = NULL;
  gint64 n = query_int (db, count_sql);

  if (n == 0)
    return NULL;
  row_sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET %d",
                             table, g_rand_int_range (rand, 0, (gint32) n));
  return query_text (db, row_sql);
}

/* Three copies, random edits on each, packages exchanged in random order
 * until nothing more changes: every copy holds the same records, and what
 * only one copy touched is there. */
static void
test_convergence (gconstpointer data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  RkDatabase *copies[3];
  g_autoptr(GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;

  tick = 0;     /* the same times for a seed run alone */
  copies[0] = make_origin ();
  copies[1] = make_copy (copies[0]);
  copies[2] = make_copy (copies[0]);

  for (guint round = 0; round < 4; round++)
    {
      for (guint c = 0; c < 3; c++)
        for (guint op = 0; op < 12; op++)
          {
            RkDatabase *db = copies[c];
            g_autofree char *id = g_strdup_printf ("%08x-%04x-4000-8000-%012x", g_rand_int (rand),
                                                   round, c * 100 + op);
            g_autofree char *project = pick_row (db, "project", rand);
            g_autofree char *org = pick_row (db, "organisation", rand);
            g_autofree char *now = next_time ();
            g_autofree char *sql = NULL;
            g_autofree char *marker = NULL;

            switch (g_rand_int_range (rand, 0, 9))
              {
              case 0:
                marker = g_strdup_printf ("Nur-%u-%u-%u", round, c, op);
                sql = g_strdup_printf ("INSERT INTO project (id, code, title, created_at, updated_at)"
                                       " VALUES ('%s', 'K-%u', '%s', '%s', '%s')",
                                       id, g_rand_int_range (rand, 0, 6), marker, now, now);
                break;
              case 1:
              case 2:
                if (project != NULL)
                  sql = g_strdup_printf ("UPDATE project SET %s = 'Wert %u', updated_at = '%s' WHERE id = '%s'",
                                         g_rand_boolean (rand) ? "goal" : "outlook",
                                         g_rand_int (rand) % 1000, now, project);
                break;
              case 3:
                if (project != NULL && g_rand_int_range (rand, 0, 3) == 0)
                  sql = g_strdup_printf ("DELETE FROM project WHERE id = '%s' AND title NOT LIKE 'Nur-%%'", project);
                break;
              case 4:
                if (project != NULL)
                  sql = g_strdup_printf ("INSERT INTO milestone (id, project_id, date, text, created_at, updated_at)"
                                         " VALUES ('%s', '%s', '2027-01-01', 'Meilenstein', '%s', '%s')",
                                         id, project, now, now);
                break;
              case 5:
                sql = g_strdup_printf ("INSERT INTO organisation (id, name, kind, created_at, updated_at)"
                                       " VALUES ('%s', 'Verein %u', 'association', '%s', '%s')",
                                       id, g_rand_int (rand) % 100, now, now);
                break;
              case 6:
                if (project != NULL && org != NULL)
                  sql = g_strdup_printf ("INSERT OR IGNORE INTO project_partner (id, project_id, organisation_id, role,"
                                         " created_at, updated_at) VALUES ('%s', '%s', '%s', 'partner', '%s', '%s')",
                                         id, project, org, now, now);
                break;
              case 7:
                if (org != NULL)
                  sql = g_strdup_printf (g_rand_boolean (rand)
                                         ? "DELETE FROM organisation WHERE id = '%s'"
                                         : "UPDATE organisation SET notes = 'Notiz', updated_at = '2026-12' WHERE id = '%s'",
                                         org);
                break;
              default:
                sql = g_strdup_printf ("INSERT INTO note (id, date, title, text, created_at, updated_at)"
                                       " VALUES ('%s', '2026-11-26', 'Notiz %u', '', '%s', '%s')",
                                       id, g_rand_int (rand) % 100, now, now);
                break;
              }
            if (sql != NULL && try_exec (db, sql) && marker != NULL)
              g_ptr_array_add (markers, g_steal_pointer (&marker));
          }

      /* Packages in a random order: pairwise, and through copy 0. */
      for (guint n = 0; n < 6; n++)
        {
          guint from = g_rand_int_range (rand, 0, 3);
          guint to = (from + g_rand_int_range (rand, 1, 3)) % 3;

          send (copies[from], copies[to]);
        }
    }

  /* Until quiet: everyone through copy 0, then copy 0 to everyone. */
  for (guint n = 0; n < 3; n++)
    {
      send (copies[1], copies[0]);
      send (copies[2], copies[0]);
      send (copies[0], copies[1]);
      send (copies[0], copies[2]);
    }

  first = dump_records (copies[0]);
  for (guint c = 1; c < 3; c++)
    {
      g_autofree char *records = dump_records (copies[c]);

      g_assert_cmpstr (first, ==, records);
    }
  for (guint i = 0; i < markers->len; i++)
    g_assert_nonnull (strstr (first, g_ptr_array_index (markers, i)));
  g_assert_cmpuint (markers->len, >, 0);

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (rk_database_check_integrity (copies[c], &error));
      g_assert_no_error (error);
      g_object_unref (copies[c]);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint64 n_seeds;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changes/copy", test_copy);
  g_test_add_func ("/changes/fields-merge", test_fields_merge);
  g_test_add_func ("/changes/same-field", test_same_field);
  g_test_add_func ("/changes/delete-against-update", test_delete_against_update);
  g_test_add_func ("/changes/same-code", test_same_code);
  g_test_add_func ("/changes/deleted-stays-deleted", test_deleted_stays_deleted);
  g_test_add_func ("/changes/crossing", test_crossing);
  g_test_add_func ("/changes/echo", test_echo);
  g_test_add_func ("/changes/refused", test_refused);
  /* RK_CONVERGENCE_SEEDS=N runs seeds 1 to N instead of the six of CI. */
  n_seeds = g_ascii_strtoull (g_getenv ("RK_CONVERGENCE_SEEDS") ?: "6", NULL, 10);
  for (guint seed = 1; seed <= n_seeds; seed++)
    {
      g_autofree char *name = g_strdup_printf ("/changes/convergence/%u", seed);

      g_test_add_data_func (name, GUINT_TO_POINTER (seed), test_convergence);
    }

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
