/* bench-changes.c: a change package of 10,000 changed records
 *
 * An origin database of 20,000 projects is copied for a second laptop;
 * there, 10,000 records change: 4,000 projects get a new status and goal,
 * 3,000 new projects come, 3,000 milestones are added. The benchmark times
 * the export of the package on the copy and its import into the origin
 * (merging, in one transaction, with the backup switched off as it is
 * timed on its own), each the median of 5 runs on fresh files. It exits 0
 * whether the targets are met or not: a benchmark, not a test.
 *
 *   bench-changes [--keep FOLDER]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-database-private.h"

#define SEED 20191105
#define N_PROJECTS 20000
#define N_UPDATED 4000
#define N_NEW 3000
#define N_MILESTONES 3000
#define RUNS 5
#define TARGET_S 1.0

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double swap = values[j];
        values[j] = values[j - 1];
        values[j - 1] = swap;
      }
  return values[n / 2];
}

static void
check (gboolean     ok,
       GError      *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static void
exec (RkDatabase *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  check (rk_database_exec (db, sql, &error), error);
}

/* Rows made by SQL itself, each with a key of its own. */
#define KEY "lower (hex (randomblob (4)) || '-' || hex (randomblob (2)) || '-4' || substr (hex (randomblob (2)), 2)" \
            " || '-a' || substr (hex (randomblob (2)), 2) || '-' || hex (randomblob (6)))"

static void
make_origin (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  check (db != NULL, error);
  check (rk_database_begin (db, &error), error);
  exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
            " INSERT INTO project (id, code, title, goal, created_at, updated_at)"
            " SELECT " KEY ", 'P-' || i, 'Projekt ' || i || ' im Ruhrgebiet',"
            " 'Ziel des Projekts ' || i, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z' FROM n");
  check (rk_database_commit (db, &error), error);
}

static void
change_copy (RkDatabase *db)
{
  g_autoptr(GError) error = NULL;

  check (rk_database_begin (db, &error), error);
  exec (db, "UPDATE project SET status = 'in_implementation', goal = goal || ' (erweitert)',"
            " updated_at = '2026-11-26T10:00:00.000000Z' WHERE rowid % 5 = 0");
  exec (db, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
            " INSERT INTO project (id, code, title, created_at, updated_at)"
            " SELECT " KEY ", 'N-' || i, 'Neues Projekt ' || i,"
            " '2026-11-26T10:00:00.000000Z', '2026-11-26T10:00:00.000000Z' FROM n");
  exec (db, "INSERT INTO milestone (id, project_id, date, text, created_at, updated_at)"
            " SELECT " KEY ", id, '2027-06-30', 'Zwischenbericht',"
            " '2026-11-26T10:00:00.000000Z', '2026-11-26T10:00:00.000000Z'"
            " FROM project WHERE rowid % 5 = 1 AND rowid <= 15000");
  check (rk_database_commit (db, &error), error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  double exports[RUNS], imports[RUNS];
  guint n_changes = 0, n_applied = 0;
  gsize package_size = 0;
  const GOptionEntry entries[] = {
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &folder, "Keep the files in FOLDER", "FOLDER" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-changes: %s\n", error->message);
      return 1;
    }
  if (folder == NULL)
    folder = g_dir_make_tmp ("rk-bench-changes-XXXXXX", NULL);
  g_mkdir_with_parents (folder, 0700);

  printf ("Ruhr-Konferenz change package benchmark: %d projects; on the copy %d updated,"
          " %d new projects, %d new milestones\n", N_PROJECTS, N_UPDATED, N_NEW, N_MILESTONES);
  printf ("Median of %d runs, each on fresh files. SQLite %s\n\n", RUNS, sqlite3_libversion ());

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *origin_path = g_build_filename (folder, "origin.db", NULL);
      g_autofree char *copy_path = g_build_filename (folder, "copy.db", NULL);
      g_autofree char *package = g_build_filename (folder, "changes.rkchanges", NULL);
      g_autoptr(RkDatabase) origin = NULL;
      g_autoptr(RkDatabase) copy = NULL;
      RkChangesSummary summary;
      GStatBuf st;
      double start;

      for (guint f = 0; f < 2; f++)
        {
          const char *stem = f == 0 ? origin_path : copy_path;
          const char *suffixes[] = { "", "-wal", "-shm", ".base" };

          for (guint s = 0; s < G_N_ELEMENTS (suffixes); s++)
            {
              g_autofree char *name = g_strconcat (stem, suffixes[s], NULL);
              g_unlink (name);
            }
        }

      make_origin (origin_path);
      origin = rk_database_open (origin_path, RK_DATABASE_OPEN_DEFAULT, &error);
      check (origin != NULL, error);
      check (rk_database_make_copy (origin, copy_path, &error), error);
      copy = rk_database_open (copy_path, RK_DATABASE_OPEN_DEFAULT, &error);
      check (copy != NULL, error);
      change_copy (copy);

      start = now_s ();
      check (rk_changes_export (copy, package, &n_changes, &error), error);
      exports[run] = now_s () - start;

      start = now_s ();
      check (rk_changes_import (origin, package, 0, &summary, &error), error);
      imports[run] = now_s () - start;
      n_applied = summary.n_applied;
      if (g_stat (package, &st) == 0)
        package_size = st.st_size;
    }

  printf ("| what | records | median | target |\n| --- | ---: | ---: | ---: |\n");
  printf ("| export of the package (%.1f MiB) | %u | %.2f s | ≤ %.0f s %s |\n",
          package_size / 1048576.0, n_changes, median (exports, RUNS), TARGET_S,
          median (exports, RUNS) <= TARGET_S ? "PASS" : "MISS");
  printf ("| import: merged in one transaction | %u | %.2f s | ≤ %.0f s %s |\n",
          n_applied, median (imports, RUNS), TARGET_S,
          median (imports, RUNS) <= TARGET_S ? "PASS" : "MISS");

  return 0;
}
