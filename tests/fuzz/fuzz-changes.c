/* fuzz-changes.c: the change package reader under libFuzzer
 *
 * The first byte chooses what the rest is: 0, a whole package as it
 * arrives from outside (header, changeset, digest); 1, a changeset, put
 * into a package with this database's origin and a correct digest, so that
 * the fuzzer reaches the merging itself. Each input is imported into the
 * same small database, made afresh from a template every time. What must
 * always hold: no crash, no read beyond a buffer (AddressSanitizer), every
 * refusal a sentence, and the database whole afterwards. Built only with
 * -Dfuzzing=true and clang; how to run it: tests/fuzz/meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-database-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *template_path;
static char *work_path;
static char *origin;

static void
set_up (void)
{
  g_autofree char *dir = fuzz_make_dir ("rk-fuzz-changes");
  g_autofree char *first = g_build_filename (dir, "first.db", NULL);
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  template_path = g_build_filename (dir, "template.db", NULL);
  work_path = g_build_filename (dir, "work.db", NULL);

  /* A database with a copy, so that it has an origin; a project and a
   * milestone for the changes to meet. */
  db = rk_database_open (first, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL ||
      !rk_database_exec (db, "INSERT INTO project (id, code, title, created_at, updated_at)"
                             " VALUES ('p', 'C', 'T', 'x', 'x');"
                             "INSERT INTO milestone (id, project_id, date, text, created_at, updated_at)"
                             " VALUES ('m', 'p', '2027-01-01', '', 'x', 'x')", &error) ||
      !rk_database_make_copy (db, template_path, &error))
    g_error ("%s", error->message);
  g_clear_object (&db);

  db = rk_database_open (template_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT value FROM local WHERE key = 'origin_id'", NULL);

    sqlite3_step (stmt);
    origin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
}

static GBytes *
wrap (const uint8_t *changeset,
      size_t         size)
{
  g_autoptr(GByteArray) package = g_byte_array_new ();
  g_autofree char *header = g_strdup_printf ("RK-CHANGES 1\norigin %s\nsender fuzz\ncreated x\nlength %zu\n\n",
                                             origin, size);
  g_autofree char *digest = NULL;

  g_byte_array_append (package, (const guint8 *) header, strlen (header));
  g_byte_array_append (package, changeset, size);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, package->data, package->len);
  g_byte_array_append (package, (const guint8 *) "sha256 ", 7);
  g_byte_array_append (package, (const guint8 *) digest, 64);
  g_byte_array_append (package, (const guint8 *) "\n", 1);
  return g_byte_array_free_to_bytes (g_steal_pointer (&package));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;

  if (template_path == NULL)
    set_up ();
  if (size == 0)
    return 0;

  /* The same database every time. */
  fuzz_copy_database (template_path, work_path);
  db = rk_database_open (work_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    abort ();

  package = data[0] & 1 ? wrap (data + 1, size - 1) : g_bytes_new (data + 1, size - 1);
  if (!rk_changes_import_data (db, g_bytes_get_data (package, NULL), g_bytes_get_size (package),
                               "fuzz", 0, NULL, &error))
    {
      if (!g_str_has_suffix (error->message, "."))
        abort ();
      g_clear_error (&error);
    }

  if (!rk_database_check_integrity (db, &error))
    abort ();

  return 0;
}
