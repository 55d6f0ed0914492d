/* test-cli.c: the command line, run as a user would run it
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

/* One sentence on standard error, that names the file. */
static void
assert_one_sentence (const char *err,
                     const char *path)
{
  g_autofree char *line = g_strchomp (g_strdup (err));

  g_assert_null (strchr (line, '\n'));
  g_assert_true (g_str_has_suffix (line, "."));
  g_assert_nonnull (strstr (line, path));
}

static void
test_version (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "ruhr-konferenz " VERSION "\n");
}

static void
test_help (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database"));
  g_assert_nonnull (strstr (result.out, "--check"));
  g_assert_nonnull (strstr (result.out, "--version"));
}

static void
test_check_new (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_auto(RunResult) result = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&result, "--check", "--database", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A summary line, then one line per table with its row count. */
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 15 + 1);
  g_autofree char *version = g_strdup_printf ("schema version %d", RK_SCHEMA_VERSION);
  g_assert_nonnull (strstr (lines[0], version));
  g_assert_true (g_regex_match_simple ("^field +5$", lines[1], 0, 0));
  g_assert_true (g_regex_match_simple ("^municipality +53$", lines[2], 0, 0));
  g_assert_true (g_regex_match_simple ("^project +0$", lines[3], 0, 0));
  g_assert_true (g_regex_match_simple ("^report_entry +0$", lines[14], 0, 0));

  /* Checking again finds the same file, not a second seeding. */
  run_result_clear (&result);
  run (&result, "--check", "--database", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\nmunicipality                 53\n"));
}

static void
assert_check_refuses (const char *path)
{
  g_autoptr(GBytes) before = rk_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_auto(RunResult) result = { 0 };

  run (&result, "--check", "--database", path, NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_sentence (result.err, path);

  after = rk_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_check_garbage (void)
{
  g_autofree char *path = rk_test_new_database_path ();

  g_assert_true (g_file_set_contents (path, "Kennung;Titel\n13-02_VM;Mobilitätsregion\n", -1, NULL));
  assert_check_refuses (path);
}

static void
test_check_truncated (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GBytes) whole = NULL;
  gsize length;
  const char *data;

  rk_test_make_checkpointed_database (path);
  whole = rk_test_read_file (path);
  data = g_bytes_get_data (whole, &length);
  g_assert_true (g_file_set_contents (path, data, length / 3, NULL));

  assert_check_refuses (path);
}

static void
test_unknown_option (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--no-such-option", NULL);
  g_assert_cmpint (result.status, !=, 0);
  g_assert_nonnull (strstr (result.err, "no-such-option"));
}

static void
test_example_data_loads_once (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_auto(RunResult) first = { 0 };
  g_auto(RunResult) second = { 0 };
  g_auto(RunResult) listed = { 0 };
  g_auto(RunResult) check = { 0 };

  run (&first, "--database", path, "--load-example-data", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");

  run (&second, "--database", path, "--load-example-data", NULL);
  g_assert_cmpint (second.status, ==, 0);

  /* Loading twice does not duplicate: still the eight example projects. */
  run (&listed, "--database", path, "--list-projects", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_auto(GStrv) lines = g_strsplit (listed.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 1, ==, 8);
  run (&check, "--database", path, "--check", NULL);
  g_assert_true (g_regex_match_simple ("^project +8$", check.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^board_member +3$", check.out, G_REGEX_MULTILINE, 0));
}

static void
test_list_projects (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_auto(RunResult) load = { 0 };
  g_auto(RunResult) all = { 0 };
  g_auto(RunResult) found = { 0 };
  g_auto(RunResult) none = { 0 };
  g_auto(RunResult) alone = { 0 };
  g_auto(GStrv) lines = NULL;

  run (&load, "--database", path, "--load-example-data", NULL);
  g_assert_cmpint (load.status, ==, 0);

  /* code<TAB>title<TAB>status-key, sorted by code: those without first. */
  run (&all, "--database", path, "--list-projects", NULL);
  g_assert_cmpint (all.status, ==, 0);
  lines = g_strsplit (all.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  g_assert_cmpstr (lines[7], ==, "13-02_VM\tMobilitätsregion: InnaMoRuhr\tproposal");
  for (guint i = 0; i < 8; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (columns), ==, 3);
    }

  /* The search works as in the window: without diacritics, by prefix. */
  run (&found, "--database", path, "--list-projects", "--search", "kunste", NULL);
  g_assert_cmpstr (found.out, ==, "\tNeue Künste Ruhr\tproposal\n");
  run (&none, "--database", path, "--list-projects", "--search", "Wolkenkuckucksheim", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_cmpstr (none.out, ==, "");

  run (&alone, "--database", path, "--search", "kunste", NULL);
  g_assert_cmpint (alone.status, ==, 1);
  assert_one_sentence (alone.err, "--list-projects");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check/new", test_check_new);
  g_test_add_func ("/cli/check/garbage", test_check_garbage);
  g_test_add_func ("/cli/check/truncated", test_check_truncated);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/example-data/loads-once", test_example_data_loads_once);
  g_test_add_func ("/cli/list-projects", test_list_projects);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
