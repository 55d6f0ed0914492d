/* test-crash.c: the process is killed (SIGKILL) at random moments during a
 * large import, a merge and a stream of edits; every time the database
 * passes SQLite's integrity check, each change is either wholly there or
 * wholly absent, and nothing reported as saved is lost (issue #9)
 *
 * The moments are drawn from a seeded GRand: RK_CRASH_SEED=N repeats or
 * varies them. Where a kill lands does not change what is asserted; the
 * tallies of where they landed are printed with g_test_message().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-project-list.h"
#include "rk-project.h"
#include "rk-record-list.h"
#include "rk-test-util.h"

/* The number of kills of each kind; RK_CRASH_KILLS=N (4 or more)
 * sets another, as the sanitizer run does (build-aux/dev), where each
 * run takes several times as long. */
#define N_KILLS 20
static guint n_kills = N_KILLS;

/* Enough projects that an import takes most of a second here. */
#define N_IMPORTED 20000
/* Enough changed records that a merge takes a noticeable while. */
#define N_SENT 3000
#define N_EDITED_PROJECTS 4
/* The stream of edits runs at most this long before its kill. */
#define MAX_EDIT_DELAY_MS 250

static GRand *
new_rand (void)
{
  const char *text = g_getenv ("RK_CRASH_SEED");
  guint32 seed = text != NULL ? (guint32) g_ascii_strtoull (text, NULL, 10) : 20261126;

  g_test_message ("seed %u (RK_CRASH_SEED)", seed);
  return g_rand_new_with_seed (seed);
}

/* A run of a program, killed at a moment or left to finish. */
typedef struct
{
  GSubprocess *process;
  guint        kill_id;
  gboolean     done;
  char        *out;
  char        *err;
  GError      *error;
} Run;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &run->error);
  run->done = TRUE;
}

static gboolean
kill_cb (gpointer user_data)
{
  Run *run = user_data;

  /* SIGKILL; nothing if it has ended already. */
  g_subprocess_force_exit (run->process);
  run->kill_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * run_until:
 * @argv: the program and its arguments
 * @kill_after_ms: when to kill it, from its start; -1 never
 * @out_killed: (out): whether the kill ended it, rather than itself
 * @out_elapsed_ms: (out) (optional): how long it ran
 *
 * Returns: what it wrote to standard output up to its end
 */
static char *
run_until (const char * const *argv,
           int                 kill_after_ms,
           gboolean           *out_killed,
           double             *out_elapsed_ms)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { NULL };
  gint64 start = g_get_monotonic_time ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  run.process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (run.process, NULL, NULL, communicated_cb, &run);
  if (kill_after_ms == 0)
    g_subprocess_force_exit (run.process);
  else if (kill_after_ms > 0)
    run.kill_id = g_timeout_add (kill_after_ms, kill_cb, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&run.kill_id, g_source_remove);
  g_assert_no_error (run.error);

  g_subprocess_wait (run.process, NULL, &error);
  g_assert_no_error (error);
  if (out_elapsed_ms != NULL)
    *out_elapsed_ms = (g_get_monotonic_time () - start) / 1000.0;

  *out_killed = g_subprocess_get_if_signaled (run.process);
  if (*out_killed)
    g_assert_cmpint (g_subprocess_get_term_sig (run.process), ==, SIGKILL);
  else
    {
      if (g_subprocess_get_exit_status (run.process) != 0)
        g_test_message ("%s said: %s", argv[0], run.err);
      g_assert_true (g_subprocess_get_if_exited (run.process));
      g_assert_cmpint (g_subprocess_get_exit_status (run.process), ==, 0);
    }

  g_free (run.err);
  g_object_unref (run.process);
  return run.out;
}

/* The kill moments for n_kills runs of a program that takes @duration_ms
 * to finish. Half of them: one in each of n_kills / 2 - 1 parts (nine of
 * twenty) of 0 to 1.5 × its duration, and one at 2 to 3 × its duration,
 * which a run on a busy machine still finishes before. The rest: one in
 * each of as many parts of 0.85 to 1.15 × its duration as there are kills
 * left, where it writes its last records, commits, and copies the log
 * into the database file as it closes. */
static int
kill_moment (GRand  *rand,
             guint   i,
             double  duration_ms)
{
  const guint n_spread = n_kills / 2 - 1;
  double spread = g_rand_double (rand);

  if (i < n_spread)
    return (int) (duration_ms * 1.5 * (i + spread) / n_spread);
  if (i == n_spread)
    return (int) (duration_ms * (2.0 + spread));
  return (int) (duration_ms * (0.85 + 0.3 * (i - n_spread - 1 + spread) / (n_kills - n_spread - 1)));
}

/* How long a run to the end takes, for the next kill moments: the
 * shortest seen so far, as the machine's load changes. */
static double
shorter_run (double   duration_ms,
             gboolean killed,
             double   elapsed_ms)
{
  return killed ? duration_ms : MIN (duration_ms, elapsed_ms);
}

/* Opens a database as the app would on its next start, and runs
 * SQLite's integrity and foreign key checks on it. */
static RkDatabase *
open_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  rk_database_check_integrity (db, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Some of a database's rows, compared with another's. */
typedef struct
{
  const char *table;
  const char *columns;  /* or "*" */
} Compared;

/**
 * count_differences:
 * @other: another database file
 * @compared: (array length=n_compared): what to compare
 *
 * Returns: how many rows differ, in any of the compared columns, between
 *   @db and @other: those only in one of them plus those only in the other
 */
static gint64
count_differences (RkDatabase     *db,
                   const char     *other,
                   const Compared *compared,
                   guint           n_compared)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT 0");
  gint64 n;

  for (guint i = 0; i < n_compared; i++)
    {
      const char *t = compared[i].table, *c = compared[i].columns;

      g_string_append_printf (sql, " + (SELECT count(*) FROM (SELECT %s FROM main.%s EXCEPT SELECT %s FROM other.%s))"
                                   " + (SELECT count(*) FROM (SELECT %s FROM other.%s EXCEPT SELECT %s FROM main.%s))",
                              c, t, c, t, c, t, c, t);
    }

  {
    g_autoptr(RkStatement) attach = rk_database_prepare (db, "ATTACH DATABASE ?1 AS other", &error);

    g_assert_no_error (error);
    sqlite3_bind_text (attach, 1, other, -1, SQLITE_TRANSIENT);
    rk_database_step_done (db, attach, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RkStatement) count = rk_database_prepare (db, sql->str, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
    n = sqlite3_column_int64 (count, 0);
  }
  rk_database_exec (db, "DETACH DATABASE other", &error);
  g_assert_no_error (error);

  return n;
}

/* How many projects a search for @word finds, as the Projects list
 * searches. */
static guint
count_found (RkDatabase *db,
             const char *word)
{
  g_autoptr(RkRecordList) list = rk_project_list_new (db);

  rk_record_list_set_search (list, word);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static char *
new_database_with_example (const char *dir,
                           const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(RkDatabase) db = open_checked (path);
  g_autoptr(GError) error = NULL;

  rk_example_load (db, &error);
  g_assert_no_error (error);
  return path;
}

/* One change to a database, run as a whole: the states before and after
 * it, and what each killed run left. */
typedef struct Killed Killed;
struct Killed
{
  const char *what;        /* "import", for messages */
  char       *path;        /* the database the run changes */
  GBytes     *pristine;    /* its bytes before */
  GBytes     *pristine_base; /* the base snapshot beside it, if any */
  char       *before;      /* copies of the states before and after */
  char       *after;
  /* Asserts that @db holds the change whole or not at all, and says which. */
  gboolean  (*check) (Killed     *self,
                      RkDatabase *db);
  gpointer    data;
};

static void
killed_clear (Killed *self)
{
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->pristine, g_bytes_unref);
  g_clear_pointer (&self->pristine_base, g_bytes_unref);
  g_clear_pointer (&self->before, g_free);
  g_clear_pointer (&self->after, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Killed, killed_clear)

/* Puts the database back as it was before the change, without the
 * write-ahead log and shared memory a killed process left beside it. */
static void
killed_restore (Killed     *self,
                const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *base = g_strconcat (path, ".base", NULL);

  g_unlink (wal);
  g_unlink (shm);
  write_bytes (path, self->pristine);
  if (self->pristine_base != NULL)
    write_bytes (base, self->pristine_base);
}

/**
 * kill_repeatedly:
 * @argv: the run that makes the change in @self's database; the database
 *   is its third argument, which is replaced by @self's after copy for
 *   a first run to the end
 *
 * Runs the change to the end once, then n_kills times killed at a random
 * moment, and checks the database after each.
 */
static void
kill_repeatedly (Killed      *self,
                 const char **argv,
                 const char  *expected_out)
{
  g_autoptr(GRand) rand = new_rand ();
  g_autofree char *out = NULL;
  double duration;
  guint n_absent = 0, n_killed_after_commit = 0, n_finished = 0;
  gboolean killed;

  g_assert_cmpstr (argv[2], ==, self->path);
  self->before = g_strconcat (self->path, ".before", NULL);
  self->after = g_strconcat (self->path, ".after", NULL);
  write_bytes (self->before, self->pristine);

  /* One run to the end: the state after, and how long it takes. */
  killed_restore (self, self->after);
  argv[2] = self->after;
  out = run_until (argv, -1, &killed, &duration);
  argv[2] = self->path;
  g_assert_nonnull (strstr (out, expected_out));

  for (guint i = 0; i < n_kills; i++)
    {
      int moment = kill_moment (rand, i, duration);
      g_autoptr(RkDatabase) db = NULL;
      g_autofree char *said = NULL;
      double elapsed;
      gboolean present;

      killed_restore (self, self->path);
      said = run_until (argv, moment, &killed, &elapsed);
      duration = shorter_run (duration, killed, elapsed);

      db = open_checked (self->path);
      present = self->check (self, db);
      g_test_message ("kill at %d ms (a whole run takes %.0f ms): %s %s", moment, duration, self->what,
                      !present ? "absent" : killed ? "present, killed after its commit" : "finished");
      if (!present)
        {
          g_assert_true (killed);
          n_absent++;
        }
      else if (killed)
        n_killed_after_commit++;
      else
        n_finished++;
    }

  g_test_message ("%u runs killed with the %s absent, %u killed after it was committed, %u finished",
                  n_absent, self->what, n_killed_after_commit, n_finished);
  g_assert_cmpuint (n_absent, >, 0);
  g_assert_cmpuint (n_killed_after_commit + n_finished, >, 0);
}

/* The fields an import writes, without the key and times it mints. */
static const Compared imported[] = {
  { "project", "code, title, goal, field_id, pillar, status, lead_ministry, volume_cents,"
               " start_date, end_date, added_value, approach, beneficiaries, current_status,"
               " outlook, is_example" },
};

static gboolean
check_import (Killed     *self,
              RkDatabase *db)
{
  g_autoptr(GError) error = NULL;
  gint64 n_before = GPOINTER_TO_INT (self->data);
  gint64 n = rk_database_count_rows (db, "project", &error);

  g_assert_no_error (error);
  if (n == n_before)
    {
      g_assert_cmpint (count_differences (db, self->before, imported, G_N_ELEMENTS (imported)), ==, 0);
      g_assert_cmpuint (count_found (db, "Zechenprojekt"), ==, 0);
      return FALSE;
    }

  g_assert_cmpint (n, ==, n_before + N_IMPORTED);
  g_assert_cmpint (count_differences (db, self->after, imported, G_N_ELEMENTS (imported)), ==, 0);
  g_assert_cmpuint (count_found (db, "Zechenprojekt"), ==, N_IMPORTED);
  g_assert_cmpuint (count_found (db, "Kokerei 12345"), ==, 1);
  g_assert_cmpuint (count_found (db, "Halde"), ==, N_IMPORTED);
  return TRUE;
}

/* A large import: the file's projects are all there, each with every
 * field, or none of them is. */
static void
test_import (void)
{
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *csv = g_build_filename (dir, "projekte.csv", NULL);
  g_autoptr(GString) rows = g_string_new ("code,title,goal,status,lead_ministry,approach\n");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Killed) import = { "import", new_database_with_example (dir, "programm.db") };
  const char *argv[] = { g_getenv ("RK_EXECUTABLE"), "--database", import.path, "--import-projects", csv, NULL };

  for (guint i = 0; i < N_IMPORTED; i++)
    g_string_append_printf (rows, "CR-%05u,Zechenprojekt %u,Kokerei %u,in_implementation,VM,Halde %u\n", i, i, i, i);
  g_file_set_contents (csv, rows->str, rows->len, &error);
  g_assert_no_error (error);

  import.pristine = rk_test_read_file (import.path);
  {
    g_autoptr(RkDatabase) db = open_checked (import.path);

    import.data = GINT_TO_POINTER ((int) rk_database_count_rows (db, "project", &error));
    g_assert_no_error (error);
  }
  import.check = check_import;

  expected = g_strdup_printf ("Projects: %u new, 0 updated, 0 unchanged.\n", N_IMPORTED);
  kill_repeatedly (&import, argv, expected);
}

/* Changes @sql, in one transaction. */
static void
change (const char *path,
        const char *sql)
{
  g_autoptr(RkDatabase) db = open_checked (path);
  g_autoptr(GError) error = NULL;

  rk_database_begin (db, &error);
  g_assert_no_error (error);
  rk_database_exec (db, sql, &error);
  g_assert_no_error (error);
  rk_database_commit (db, &error);
  g_assert_no_error (error);
}

/* Thousands of changes made on one copy, for the package. */
static void
change_sender (const char *path)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < N_SENT; i++)
    {
      g_autofree char *project = g_strdup_printf ("c0000000-0000-4000-8000-%012u", i);
      g_autofree char *milestone = g_strdup_printf ("d0000000-0000-4000-8000-%012u", i);

      g_string_append_printf (sql, "INSERT INTO project (id, code, title, goal, created_at, updated_at)"
                                   " VALUES ('%s', 'LAP-%05u', 'Laptopprojekt %u', 'Kokerei', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z');"
                                   "INSERT INTO milestone (id, project_id, date, text, created_at, updated_at)"
                                   " VALUES ('%s', '%s', '2027-01-01', 'Start %u', '2026-11-26T12:00:00Z', '2026-11-26T12:00:00Z');",
                              project, i, i, milestone, project, i);
    }
  g_string_append (sql, "UPDATE project SET title = title || ' (Laptop 2)', updated_at = '2026-11-26T12:00:01Z' WHERE is_example;");
  change (path, sql->str);
}

static gboolean
check_merge (Killed     *self,
             RkDatabase *db)
{
  g_autoptr(GArray) compared = g_array_new (FALSE, FALSE, sizeof (Compared));
  Compared conflicts = { "sync_conflict", "table_name, row_id, column_name, mine, theirs, mine_time, theirs_time, kept" };
  gint64 n_from_before, n_from_after;

  /* Every record of the programme, and the conflicts listed. */
  g_array_append_val (compared, conflicts);
  for (guint i = 0; rk_database_tables[i] != NULL; i++)
    {
      Compared records = { rk_database_tables[i], "*" };

      g_array_append_val (compared, records);
    }
  n_from_before = count_differences (db, self->before, (Compared *) compared->data, compared->len);
  n_from_after = count_differences (db, self->after, (Compared *) compared->data, compared->len);
  if (n_from_before != 0 && n_from_after != 0)
    g_error ("the copy is neither as before the merge (%" G_GINT64_FORMAT " rows differ)"
             " nor as after it (%" G_GINT64_FORMAT " rows differ)", n_from_before, n_from_after);

  g_assert_cmpuint (count_found (db, "Laptopprojekt"), ==, n_from_before == 0 ? 0 : N_SENT);
  if (n_from_before == 0)
    return FALSE;

  g_assert_cmpuint (count_found (db, "Laptopprojekt 2999"), ==, 1);
  return TRUE;
}

/* A merge of a package of thousands of changes: the copy that merges
 * has none of them or all of them, field by field as a copy that merged
 * it without a kill. */
static void
test_merge (void)
{
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *origin = new_database_with_example (dir, "origin.db");
  g_autofree char *sender = g_build_filename (dir, "laptop-2.db", NULL);
  g_autofree char *package = g_build_filename (dir, "laptop-2.rkchanges", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Killed) merge = { "merge", g_build_filename (dir, "laptop-1.db", NULL) };
  const char *argv[] = { g_getenv ("RK_EXECUTABLE"), "--database", merge.path, "--import-changes", package, NULL };
  guint n_changes = 0;

  {
    g_autoptr(RkDatabase) db = open_checked (origin);

    rk_database_make_copy (db, sender, &error);
    g_assert_no_error (error);
    rk_database_make_copy (db, merge.path, &error);
    g_assert_no_error (error);
  }
  change_sender (sender);
  /* A change of the receiving copy's own, which the package's meets. */
  change (merge.path, "UPDATE project SET title = 'Hier geändert', updated_at = '2026-11-26T11:00:00Z'"
                      " WHERE rowid = (SELECT min(rowid) FROM project)");
  {
    g_autoptr(RkDatabase) db = open_checked (sender);

    rk_changes_export (db, package, &n_changes, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_changes, >=, 2 * N_SENT);
  }

  merge.pristine = rk_test_read_file (merge.path);
  base = g_strconcat (merge.path, ".base", NULL);
  merge.pristine_base = rk_test_read_file (base);
  merge.check = check_merge;

  expected = g_strdup_printf ("%u records were changed; 0 were known already; 1 new conflict.\n", n_changes);
  kill_repeatedly (&merge, argv, expected);
}

/* The edit number a project's fields carry, after checking that they all
 * carry the same one. */
static guint64
edit_of (RkProject *project)
{
  const char *title = rk_project_get_title (project);
  g_autofree char *word = NULL;
  guint64 n = 0;

  g_assert_true (g_str_has_prefix (title, "Stand e"));
  g_assert_true (g_ascii_string_to_unsigned (title + strlen ("Stand e"), 10, 0, G_MAXUINT32, &n, NULL));
  word = g_strdup_printf ("e%08" G_GUINT64_FORMAT, n);
  g_assert_cmpstr (rk_project_get_goal (project), ==, word);
  g_assert_cmpstr (rk_project_get_current_status (project), ==, word);
  g_assert_cmpint (rk_project_get_volume_cents (project), ==, (gint64) n * 100);
  {
    g_autofree char *approach = NULL;
    g_autofree char *outlook = NULL;

    g_object_get (project, "approach", &approach, "outlook", &outlook, NULL);
    g_assert_cmpstr (approach, ==, word);
    g_assert_cmpstr (outlook, ==, word);
  }

  return n;
}

/* A stream of edits, each one save: after every kill, no project holds
 * half an edit, and every edit the editor reported saved is there. */
static void
test_edits (void)
{
  g_autoptr(GRand) rand = new_rand ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "programm.db", NULL);
  g_autofree char *parent = g_strdup_printf ("%d", (int) getpid ());
  char *ids[N_EDITED_PROJECTS] = { NULL };
  guint64 next = 1;
  guint n_before_first = 0, n_unreported = 0;

  {
    g_autoptr(RkDatabase) db = open_checked (path);

    for (guint i = 0; i < N_EDITED_PROJECTS; i++)
      {
        g_autoptr(RkProject) project = rk_project_new ();
        g_autofree char *code = g_strdup_printf ("ED-%u", i);
        g_autoptr(GError) error = NULL;

        g_object_set (project, "code", code, "title", "Stand e00000000", "goal", "e00000000",
                      "approach", "e00000000", "current-status", "e00000000",
                      "outlook", "e00000000", "volume-cents", (gint64) 0, NULL);
        rk_project_insert (project, db, &error);
        g_assert_no_error (error);
        ids[i] = g_strdup (rk_project_get_id (project));
      }
  }

  for (guint i = 0; i < n_kills; i++)
    {
      g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
      const char *argv[] = { g_getenv ("RK_CRASH_EDITOR"), path, parent, first,
                             ids[0], ids[1], ids[2], ids[3], NULL };
      int moment = g_rand_int_range (rand, 0, MAX_EDIT_DELAY_MS + 1);
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(RkDatabase) db = NULL;
      guint64 reported = next - 1, last = 0;
      gboolean killed;

      G_STATIC_ASSERT (N_EDITED_PROJECTS == 4);
      out = run_until (argv, moment, &killed, NULL);
      g_assert_true (killed);

      /* Only whole lines count: the kill may cut the last one short. */
      lines = g_strsplit (out, "\n", -1);
      for (guint l = 0; lines[l] != NULL && lines[l + 1] != NULL; l++)
        {
          guint64 n = 0;

          g_assert_true (g_ascii_string_to_unsigned (lines[l], 10, 0, G_MAXUINT32, &n, NULL));
          g_assert_cmpuint (n, ==, reported + 1);
          reported = n;
        }

      db = open_checked (path);
      for (guint p = 0; p < N_EDITED_PROJECTS; p++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RkProject) project = rk_project_load (db, ids[p], &error);

          g_assert_no_error (error);
          last = MAX (last, edit_of (project));
        }

      /* The edit after the last reported one may have been saved just
       * before the kill, but none later, and none reported is lost. */
      g_assert_cmpuint (last, >=, reported);
      g_assert_cmpuint (last, <=, reported + 1);

      /* Each project holds the last edit that was its turn. */
      for (guint p = 0; p < N_EDITED_PROJECTS; p++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RkProject) project = rk_project_load (db, ids[p], &error);
          guint64 n = edit_of (project);
          g_autofree char *word = g_strdup_printf ("e%08" G_GUINT64_FORMAT, n);
          g_autoptr(RkRecordList) found = rk_project_list_new (db);
          g_autoptr(RkProject) item = NULL;

          if (last >= p + 1)
            g_assert_cmpuint (n, ==, last - (last - (p + 1)) % N_EDITED_PROJECTS);
          else
            g_assert_cmpuint (n, ==, 0);

          /* The search index holds this edit, not an earlier one. */
          rk_record_list_set_search (found, word);
          if (n > 0)
            {
              g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
              item = g_list_model_get_item (G_LIST_MODEL (found), 0);
              g_assert_cmpstr (rk_project_get_id (item), ==, ids[p]);
            }
        }
      g_assert_cmpuint (count_found (db, "Stand"), ==, N_EDITED_PROJECTS);

      g_test_message ("kill at %d ms: edits %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                      " reported saved, %" G_GUINT64_FORMAT " in the database",
                      moment, next, reported, last);
      if (reported < next)
        n_before_first++;
      if (last > reported)
        n_unreported++;
      next = last + 1;
    }

  g_test_message ("%u kills before the first edit was reported, %u between a commit and its report; %" G_GUINT64_FORMAT " edits in all",
                  n_before_first, n_unreported, next - 1);
  g_assert_cmpuint (next - 1, >, 0);

  for (guint i = 0; i < N_EDITED_PROJECTS; i++)
    g_free (ids[i]);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (g_getenv ("RK_CRASH_KILLS") != NULL)
    n_kills = MAX (4, (guint) g_ascii_strtoull (g_getenv ("RK_CRASH_KILLS"), NULL, 10));

  g_test_add_func ("/crash/import", test_import);
  g_test_add_func ("/crash/merge", test_merge);
  g_test_add_func ("/crash/edits", test_edits);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
