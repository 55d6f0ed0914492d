/* test-cli.c: the command line, run as a user would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 14 + 1);
  g_assert_nonnull (strstr (lines[0], "schema version 1"));
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

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
