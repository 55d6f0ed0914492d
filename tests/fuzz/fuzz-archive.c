/* fuzz-archive.c: the JSON archive import under libFuzzer
 *
 * Each input is imported as an archive into an empty database, as
 * `ruhr-konferenz --import-json` and the window's import do. What must
 * always hold: no crash, no read beyond a buffer (AddressSanitizer), every
 * refusal a sentence that leaves the database empty, and an accepted
 * archive a whole database that exports again. Built only with
 * -Dfuzzing=true and clang; how to run it: tests/fuzz/meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-util.h"
#include "rk-archive.h"
#include "rk-backup.h"
#include "rk-database-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *template_path;
static char *work_path;
static RkDatabase *db;

static void
set_up (void)
{
  g_autofree char *dir = fuzz_make_dir ("rk-fuzz-archive");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) template = NULL;

  fuzz_quiet_logs ();
  template_path = g_build_filename (dir, "template.db", NULL);
  work_path = g_build_filename (dir, "work.db", NULL);
  template = rk_database_open (template_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (template == NULL)
    g_error ("%s", error->message);
}

/* An empty database: the one of the last input if its import was refused,
 * a fresh copy of the template after one that was accepted. */
static RkDatabase *
empty_database (void)
{
  g_autoptr(GError) error = NULL;

  if (db != NULL)
    return db;
  fuzz_copy_database (template_path, work_path);
  db = rk_database_open (work_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  return db;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gboolean empty = FALSE;

  if (template_path == NULL)
    set_up ();

  if (!rk_archive_import_data (empty_database (), (const char *) data, size,
                               "fuzz.json", NULL, &error))
    {
      if (!g_str_has_suffix (error->message, "."))
        abort ();
      g_clear_error (&error);
      if (!rk_database_is_empty (db, &empty, &error) || !empty)
        abort ();
      return 0;
    }

  if (!rk_database_check_integrity (db, &error))
    abort ();
  json = rk_archive_to_json (db, &error);
  if (json == NULL)
    abort ();
  g_clear_object (&db);
  return 0;
}
