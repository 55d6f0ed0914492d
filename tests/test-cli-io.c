/* test-cli-io.c: import, export and backups from the command line, run as
 * a user would run them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rk-database-private.h"
#include "rk-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

/* Runs the real executable, without a display, and returns what it said. */
static void
run (RunResult  *result,
     const char *first_arg,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("RK_EXECUTABLE"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* Until the application offers the options, there is nothing to run. */
static gboolean
options_missing (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--help", NULL);
  if (strstr (result.out, "--import-projects") != NULL)
    return FALSE;

  g_test_skip ("The application does not offer --import-projects yet.");
  return TRUE;
}

static char *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = rk_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
new_database (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_auto(RunResult) result = { 0 };

  run (&result, "--database", path, "--load-example-data", NULL);
  g_assert_cmpint (result.status, ==, 0);
  return g_steal_pointer (&path);
}

static void
test_help (void)
{
  g_auto(RunResult) result = { 0 };
  static const char * const options[] = {
    "--import-projects", "--import-organisations", "--export-projects",
    "--export-organisations", "--csv-format", "--export-json", "--import-json", "--backup",
    "--export-changes", "--import-changes",
  };

  if (options_missing ())
    return;

  run (&result, "--help", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (result.out, options[i]));
}

static void
test_import_and_export (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_auto(RunResult) import = { 0 };
  g_auto(RunResult) again = { 0 };
  g_auto(RunResult) export = { 0 };
  g_auto(RunResult) listed = { 0 };

  if (options_missing ())
    return;

  db = new_database ();
  csv = write_file ("projekte.csv",
                    "\xEF\xBB\xBFKennung;Titel;Status;Projektvolumen (EUR)\r\n"
                    "13-02_VM;Mobilitätsregion: InnaMoRuhr;In Umsetzung;1.500.000,00 €\r\n"
                    "20-01_MHKBD;Heimat Ruhr;Projektvorschlag;\r\n");

  run (&import, "--database", db, "--import-projects", csv, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "Projects: 1 new, 1 updated, 0 unchanged.\n");

  run (&again, "--database", db, "--import-projects", csv, NULL);
  g_assert_cmpstr (again.out, ==, "Projects: 0 new, 0 updated, 2 unchanged.\n");

  run (&listed, "--database", db, "--list-projects", "--search", "heimat", NULL);
  g_assert_cmpstr (listed.out, ==, "20-01_MHKBD\tHeimat Ruhr\tproposal\n");

  /* English: commas, keys, ISO dates, a decimal point. */
  dir = rk_test_make_dir ();
  out = g_build_filename (dir, "projects.csv", NULL);
  run (&export, "--database", db, "--export-projects", out, "--csv-format", "en", NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "9 projects were written to"));
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "code,title,field,pillar,status,"));
  g_assert_nonnull (strstr (contents, "\r\n13-02_VM,Mobilitätsregion: InnaMoRuhr,Networked mobility – short distances,"
                                      "ministry_project,in_implementation,VM,1500000.00,"));
}

static void
test_import_refused (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *no_code = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(RunResult) bad = { 0 };
  g_auto(RunResult) missing = { 0 };
  g_auto(RunResult) absent = { 0 };
  g_auto(GStrv) lines = NULL;

  if (options_missing ())
    return;

  db = new_database ();
  csv = write_file ("bad.csv",
                    "Kennung;Titel;Handlungsfeld;Beginn\n"
                    "01-01_VM;Radweg;1;01.01.2024\n"
                    "01-02_VM;Schiene;7;31.02.2024\n");
  before = rk_test_database_bytes (db);

  /* Each error with file, line and column; nothing written. */
  run (&bad, "--database", db, "--import-projects", csv, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  lines = g_strsplit (bad.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "“bad.csv”, line 3, column 3 (Handlungsfeld): “7” is not a field of action: give its number, 1 to 5, or its name.");
  g_assert_cmpstr (lines[1], ==, "“bad.csv”, line 3, column 4 (Beginn): “31.02.2024” is not a valid date.");
  g_assert_cmpstr (lines[2], ==, "The file “bad.csv” has 2 errors; nothing was imported.");
  after = rk_test_database_bytes (db);
  g_assert_true (g_bytes_equal (before, after));

  no_code = write_file ("ohne.csv", "Titel\nRadweg\n");
  run (&missing, "--database", db, "--import-projects", no_code, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.err, ==, "“ohne.csv”, line 1: The column “Kennung” (“code”) is missing; every project file needs it.\n");

  run (&absent, "--database", db, "--import-organisations", "/nonexistent/partner.csv", NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "/nonexistent/partner.csv"));
}

static void
test_import_organisations (void)
{
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_auto(RunResult) result = { 0 };

  if (options_missing ())
    return;

  db = new_database ();
  csv = write_file ("partner.csv",
                    "name,kind,municipality,email\n"
                    "Emschergenossenschaft/Lippeverband,association,Essen,info@eglv.de\n"
                    "\"Müller, Hans\",private_person,,\n");
  run (&result, "--database", db, "--import-organisations", csv, NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "Partner organisations: 1 new, 1 updated, 0 unchanged.\n");
}

static void
test_csv_format (void)
{
  g_autofree char *db = NULL;
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *out = g_build_filename (dir, "partner.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(RunResult) german = { 0 };
  g_auto(RunResult) wrong = { 0 };
  g_auto(RunResult) alone = { 0 };

  if (options_missing ())
    return;

  db = new_database ();
  run (&german, "--database", db, "--export-organisations", out, "--csv-format", "de", NULL);
  g_assert_cmpint (german.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFName;Art;Kommune;Anschrift;Website;E-Mail;Telefon;Notizen\r\n"));

  run (&wrong, "--database", db, "--export-organisations", out, "--csv-format", "fr", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_cmpstr (wrong.err, ==, "“fr” is not a CSV format: use de or en.\n");

  run (&alone, "--database", db, "--csv-format", "de", NULL);
  g_assert_cmpint (alone.status, ==, 1);
  g_assert_nonnull (strstr (alone.err, "--export-projects"));
}

static void
test_json (void)
{
  g_autofree char *db = NULL;
  g_autofree char *copy = rk_test_new_database_path ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "archiv.json", NULL);
  g_autofree char *second = g_build_filename (dir, "archiv2.json", NULL);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_auto(RunResult) export = { 0 };
  g_auto(RunResult) import = { 0 };
  g_auto(RunResult) export_again = { 0 };
  g_auto(RunResult) refused = { 0 };

  if (options_missing ())
    return;

  db = new_database ();
  run (&export, "--database", db, "--export-json", first, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run (&import, "--database", copy, "--import-json", first, NULL);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  run (&export_again, "--database", copy, "--export-json", second, NULL);
  g_assert_cmpint (export_again.status, ==, 0);

  a = rk_test_read_file (first);
  b = rk_test_read_file (second);
  g_assert_true (g_bytes_equal (a, b));

  /* Only into an empty database. */
  run (&refused, "--database", db, "--import-json", first, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "is not empty"));
}

static void
test_backup (void)
{
  g_autofree char *db = NULL;
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *backup = g_build_filename (dir, "sicherung.db", NULL);
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) check = { 0 };

  if (options_missing ())
    return;

  db = new_database ();
  run (&result, "--database", db, "--backup", backup, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  run (&check, "--database", backup, "--check", NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^project +8$", check.out, G_REGEX_MULTILINE, 0));
}

/* A copy for another laptop, a change made there, its package merged
 * here: once, then again to no effect; a damaged package is refused. */
static void
test_changes (void)
{
  g_autofree char *db = NULL;
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *copy = g_build_filename (dir, "laptop-2.db", NULL);
  g_autofree char *package = g_build_filename (dir, "aenderungen.rkchanges", NULL);
  g_autofree char *csv = write_file ("neu.csv", "code,title\n99-01_NEU,Neu auf Laptop 2\n");
  g_autofree char *damaged = write_file ("kaputt.rkchanges", "RK-CHANGES 1\norigin x\n");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_auto(RunResult) copied = { 0 };
  g_auto(RunResult) imported = { 0 };
  g_auto(RunResult) exported = { 0 };
  g_auto(RunResult) merged = { 0 };
  g_auto(RunResult) again = { 0 };
  g_auto(RunResult) refused = { 0 };
  g_auto(RunResult) listed = { 0 };

  db = new_database ();
  run (&copied, "--database", db, "--backup", copy, NULL);
  g_assert_cmpint (copied.status, ==, 0);
  run (&imported, "--database", copy, "--import-projects", csv, NULL);
  g_assert_cmpint (imported.status, ==, 0);

  run (&exported, "--database", copy, "--export-changes", package, NULL);
  g_assert_cmpstr (exported.err, ==, "");
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "holds 1 changed record."));

  run (&merged, "--database", db, "--import-changes", package, NULL);
  g_assert_cmpstr (merged.err, ==, "");
  g_assert_cmpint (merged.status, ==, 0);
  g_assert_cmpstr (merged.out, ==, "1 record was changed; 0 were known already; 0 new conflicts.\n");
  run (&listed, "--database", db, "--list-projects", "--search", "laptop", NULL);
  g_assert_cmpstr (listed.out, ==, "99-01_NEU\tNeu auf Laptop 2\tproposal\n");

  run (&again, "--database", db, "--import-changes", package, NULL);
  g_assert_cmpstr (again.out, ==, "0 records were changed; 1 was known already; 0 new conflicts.\n");

  before = rk_test_database_bytes (db);
  run (&refused, "--database", db, "--import-changes", damaged, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "kaputt.rkchanges"));
  after = rk_test_database_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_database_fails (void)
{
  g_autofree char *db = write_file ("kein.db", "Kennung;Titel\n");
  g_autofree char *csv = write_file ("p.csv", "code,title\nA,B\n");
  g_auto(RunResult) result = { 0 };

  if (options_missing ())
    return;

  run (&result, "--database", db, "--import-projects", csv, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "kein.db"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-io/help", test_help);
  g_test_add_func ("/cli-io/import-and-export", test_import_and_export);
  g_test_add_func ("/cli-io/import-refused", test_import_refused);
  g_test_add_func ("/cli-io/import-organisations", test_import_organisations);
  g_test_add_func ("/cli-io/csv-format", test_csv_format);
  g_test_add_func ("/cli-io/json", test_json);
  g_test_add_func ("/cli-io/backup", test_backup);
  g_test_add_func ("/cli-io/changes", test_changes);
  g_test_add_func ("/cli-io/database-fails", test_database_fails);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
