/* bench-startup.c: start-up at 100,000 projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a database of 100,000 projects, 50,000 partner organisations
 * and 20,000 advisory board notes, and a small one with a hundredth of
 * each, then launches by turns a bare libadwaita window (bare-window.c) and
 * ruhr-konferenz with either database, and measures each time from the
 * spawn to the first frame of the first window. Both programs print that
 * moment themselves when RK_STARTUP_PROBE is set (CLOCK_MONOTONIC, the
 * same clock for every process) and end; the app also prints when every
 * section has its data. The app starts once on the Overview, its default
 * section, and once on the Projects section, the remembered one.
 *
 * It needs an X display (build-aux/bench startup provides one with
 * xvfb-run when there is none; without one it exits 77, skipped). It
 * prints the figures beside the target and exits 0 whether it is
 * met or not; 1 only when something fails outright.
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rk-backup.h"
#include "rk-database-private.h"

#define DEFAULT_RUNS 11
#define TARGET_RATIO 1.2
#define LAUNCH_TIMEOUT_S 60
#define MARK_KEY "bench_startup"

/* ------------------------------------------------------------------ */
/* Generating                                                          */
/* ------------------------------------------------------------------ */

/* A word list per kind; the statements below pick from them by the row
 * number, so each row differs from its neighbours and the search index
 * gets real words. */
static const char * const themes[] = {
  "Mobilität", "Radschnellweg", "Nahverkehr", "Wasserstoff", "Energiewende",
  "Klimaanpassung", "Wärmenetz", "Kreislaufwirtschaft", "Brachfläche",
  "Quartier", "Wohnungsbau", "Industriekultur", "Künste", "Zirkus",
  "Gesundheit", "Bildung", "Ausbildung", "Hochschule", "Forschung",
  "Gründung", "Digitalisierung", "Glasfaser", "Verwaltung", "Integration",
  "Ehrenamt", "Fachkräfte", "Mittelstand", "Logistik", "Renaturierung",
  "Strukturwandel", "Tourismus", "Sport",
};

static const char * const places[] = {
  "Bochum", "Bottrop", "Dortmund", "Duisburg", "Essen", "Gelsenkirchen",
  "Hagen", "Hamm", "Herne", "Mülheim", "Oberhausen", "Witten", "Marl",
  "Recklinghausen", "Unna", "Moers", "Wesel", "Zollverein", "Emscher",
  "Phoenix-See",
};

static const char * const ministries[] = {
  "MKW", "MWIDE", "MSB", "MI", "VM", "MULNV", "MAGS", "MKFFI", "FM", "MdJ",
  "MHKBD", "MBEI", "StK",
};

static const char * const bodies[] = {
  "Stiftung", "Verein", "GmbH", "Verband", "Institut", "Genossenschaft",
  "Agentur", "Netzwerk", "Kammer", "Hochschule",
};

typedef struct
{
  const char         *kind;
  const char * const *words;
  guint               n_words;
} WordList;

static const WordList word_lists[] = {
  { "theme", themes, G_N_ELEMENTS (themes) },
  { "place", places, G_N_ELEMENTS (places) },
  { "ministry", ministries, G_N_ELEMENTS (ministries) },
  { "body", bodies, G_N_ELEMENTS (bodies) },
};

/* Keys are UUID-shaped and follow from the table's tag and the row
 * number, so links can name their rows without looking them up. */
#define KEY(tag, n) "printf('%08x-0000-4000-8000-%012x', " tag ", " n ")"
#define WORD(kind, n) "(SELECT w FROM temp.word WHERE kind = '" kind "' AND n = (" n ") % " \
                      "(SELECT count(*) FROM temp.word WHERE kind = '" kind "'))"
#define ROWS "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ?1) "
#define STAMP(n) "strftime('%Y-%m-%dT%H:%M:%S.000000Z', 1577836800 + (" n ") * 2654435761 % 170000000, 'unixepoch')"

enum { TAG_PROJECT = 1, TAG_ORGANISATION, TAG_PARTNER, TAG_MEMBER, TAG_MEETING, TAG_NOTE, TAG_NOTE_PROJECT };

#define N_MEMBERS 30
#define N_MEETINGS 150

typedef struct
{
  const char *sql;
  int         count;  /* which count ?1 is: 0 projects, 1 organisations, 2 notes, 3 fixed */
  int         fixed;
} Step;

static const Step steps[] = {
  { ROWS "INSERT INTO project (id, code, title, goal, field_id, pillar, status, lead_ministry,"
    " volume_cents, start_date, end_date, current_status, created_at, updated_at)"
    " SELECT " KEY ("1", "i") ","
    "  printf('%02d-%05d_%s', i % 99 + 1, i, " WORD ("ministry", "i * 7") "),"
    "  " WORD ("theme", "i") " || ' ' || " WORD ("place", "i / 3") " || ' ' || (i % 97 + 1),"
    "  'Ziel ist es, ' || " WORD ("theme", "i * 5 + 1") " || ' in ' || " WORD ("place", "i * 3 + 2") ""
    "   || ' zu stärken. Das Projekt verbindet ' || " WORD ("theme", "i * 11 + 3") ""
    "   || ' und ' || " WORD ("theme", "i * 13 + 7") " || '.',"
    "  CASE WHEN i % 50 = 0 THEN NULL ELSE (SELECT id FROM field WHERE position = i % 5 + 1) END,"
    "  CASE i % 7 WHEN 0 THEN 'state_programme' WHEN 1 THEN 'partner_project'"
    "   WHEN 2 THEN 'partner_project' ELSE 'ministry_project' END,"
    "  CASE i % 10 WHEN 0 THEN 'proposal' WHEN 1 THEN 'under_review' WHEN 2 THEN 'under_review'"
    "   WHEN 3 THEN 'completed' WHEN 4 THEN 'completed' WHEN 5 THEN 'not_pursued'"
    "   ELSE 'in_implementation' END,"
    "  " WORD ("ministry", "i * 7") ","
    "  CASE WHEN i % 10 = 0 THEN NULL ELSE (i * 104729 % 150000 + 50) * 100000 END,"
    "  date('2019-01-01', '+' || (i % 2500) || ' days'),"
    "  date('2019-01-01', '+' || (i % 2500 + 365 + i % 3000) || ' days'),"
    "  'Die Ausschreibung für ' || " WORD ("theme", "i * 17 + 5") " || ' in '"
    "   || " WORD ("place", "i * 7 + 1") " || ' ist abgeschlossen.',"
    "  " STAMP ("i") ", " STAMP ("i + 1") " FROM s",
    0, 0 },
  { ROWS "INSERT INTO organisation (id, name, kind, municipality_id, address, website, email,"
    " created_at, updated_at)"
    " SELECT " KEY ("2", "i") ","
    "  " WORD ("body", "i") " " " || ' ' || " WORD ("theme", "i / 7") " || ' ' || " WORD ("place", "i / 3") ""
    "   || ' ' || (i + 1),"
    "  CASE i % 9 WHEN 0 THEN 'authority' WHEN 1 THEN 'company' WHEN 2 THEN 'association'"
    "   WHEN 3 THEN 'club' WHEN 4 THEN 'self_employed' WHEN 5 THEN 'private_person'"
    "   WHEN 6 THEN 'research' WHEN 7 THEN 'municipality' ELSE 'other' END,"
    "  " WORD ("municipality", "i") ","
    "  'Hauptstraße ' || (i % 200 + 1) || ', ' || " WORD ("place", "i") ","
    "  'https://example.org/' || (i + 1), 'info' || (i + 1) || '@example.org',"
    "  " STAMP ("i") ", " STAMP ("i + 2") " FROM s",
    1, 0 },
  /* One project link per organisation. */
  { ROWS "INSERT INTO project_partner (id, project_id, organisation_id, role, created_at, updated_at)"
    " SELECT " KEY ("3", "i") ", " KEY ("1", "i * 7 % ?2") ", " KEY ("2", "i") ","
    "  CASE i % 4 WHEN 0 THEN 'lead_partner' WHEN 1 THEN 'funder' ELSE 'partner' END,"
    "  " STAMP ("i") ", " STAMP ("i") " FROM s",
    1, 0 },
  { ROWS "INSERT INTO board_member (id, name, organisation, function, created_at, updated_at)"
    " SELECT " KEY ("4", "i") ", 'Mitglied ' || (i + 1), " WORD ("body", "i") " || ' ' || " WORD ("place", "i") ","
    "  'Vertretung', " STAMP ("i") ", " STAMP ("i") " FROM s",
    3, N_MEMBERS },
  { ROWS "INSERT INTO meeting (id, date, place, title, created_at, updated_at)"
    " SELECT " KEY ("5", "i") ", date('2019-06-01', '+' || (i * 14) || ' days'), " WORD ("place", "i") ","
    "  (i + 1) || '. Sitzung des Beirats', " STAMP ("i") ", " STAMP ("i") " FROM s",
    3, N_MEETINGS },
  { ROWS "INSERT INTO note (id, meeting_id, author_id, date, title, text, created_at, updated_at)"
    " SELECT " KEY ("6", "i") ", " KEY ("5", "i % 150") ", " KEY ("4", "i % 30") ","
    "  date('2019-06-01', '+' || (i % 150 * 14) || ' days'),"
    "  " WORD ("theme", "i * 3") " || ' in ' || " WORD ("place", "i") ","
    "  'Der Beirat empfiehlt, ' || " WORD ("theme", "i * 7 + 2") " || ' und '"
    "   || " WORD ("theme", "i * 11 + 5") " || ' in ' || " WORD ("place", "i * 5 + 3") " || ' zu bündeln.',"
    "  " STAMP ("i") ", " STAMP ("i") " FROM s",
    2, 0 },
  /* Each note is about one project. */
  { ROWS "INSERT INTO note_project (id, note_id, project_id, created_at, updated_at)"
    " SELECT " KEY ("7", "i") ", " KEY ("6", "i") ", " KEY ("1", "i * 13 % ?2") ","
    "  " STAMP ("i") ", " STAMP ("i") " FROM s",
    2, 0 },
};

typedef struct
{
  int projects;
  int organisations;
  int notes;
} Sizes;

static gboolean
run_step (RkDatabase   *db,
          const Step   *step,
          const Sizes  *sizes,
          GError      **error)
{
  const int counts[] = { sizes->projects, sizes->organisations, sizes->notes, step->fixed };
  RkStatement *stmt = rk_database_prepare (db, step->sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, counts[step->count]);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, sizes->projects);
  return rk_database_step_done (db, stmt, error);
}

static char *
sizes_mark (const Sizes *sizes)
{
  return g_strdup_printf ("%d/%d/%d", sizes->projects, sizes->organisations, sizes->notes);
}

/* One transaction of INSERT … SELECT statements: the rows come from
 * SQLite itself, and the search index fills itself through the schema's
 * triggers, as for records the user creates. */
static gboolean
generate (RkDatabase   *db,
          const Sizes  *sizes,
          GError      **error)
{
  g_autofree char *mark = sizes_mark (sizes);
  RkStatement *stmt;

  if (!rk_database_exec (db, "CREATE TEMP TABLE word (kind TEXT, n INTEGER, w TEXT,"
                             " PRIMARY KEY (kind, n))", error) ||
      !rk_database_begin (db, error))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
    for (guint n = 0; n < word_lists[l].n_words; n++)
      {
        stmt = rk_database_prepare (db, "INSERT INTO temp.word (kind, n, w) VALUES (?, ?, ?)", error);
        if (stmt == NULL)
          goto failed;
        sqlite3_bind_text (stmt, 1, word_lists[l].kind, -1, SQLITE_STATIC);
        sqlite3_bind_int (stmt, 2, n);
        sqlite3_bind_text (stmt, 3, word_lists[l].words[n], -1, SQLITE_STATIC);
        if (!rk_database_step_done (db, stmt, error))
          goto failed;
      }

  /* The municipalities are reference rows, numbered like the words. */
  if (!rk_database_exec (db, "INSERT INTO temp.word (kind, n, w) SELECT 'municipality',"
                             " row_number () OVER (ORDER BY id) - 1, id FROM municipality", error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!run_step (db, &steps[i], sizes, error))
      goto failed;

  /* Marks the file as the benchmark's own, so a later run replaces or
   * reuses it but never a database of real work given by mistake. */
  stmt = rk_database_prepare (db, "INSERT OR REPLACE INTO local (key, value) VALUES ('" MARK_KEY "', ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, mark, -1, SQLITE_STATIC);
  if (!rk_database_step_done (db, stmt, error))
    goto failed;

  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Preparing the files                                                 */
/* ------------------------------------------------------------------ */

static char *
read_mark (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT value FROM local WHERE key = '" MARK_KEY "'", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
remove_database_files (const char *path)
{
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The backups the app made of a database of this benchmark: the first
 * start of a day makes one. */
static void
remove_backups (const char *path)
{
  g_autoptr(GListModel) backups = rk_backup_list (path, NULL);
  g_autofree char *folder = rk_backup_folder (path);

  for (guint i = 0; backups != NULL && i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RkBackup) backup = g_list_model_get_item (backups, i);
      g_unlink (rk_backup_get_path (backup));
    }
  g_rmdir (folder); /* only when empty */
}

static gboolean
prepare_database (const char   *path,
                  const Sizes  *sizes,
                  gboolean      reuse,
                  double       *out_generate_s,
                  GError      **error)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autofree char *wanted = sizes_mark (sizes);
  gint64 start;

  *out_generate_s = -1;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RkDatabase) old = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, error);
      g_autofree char *mark = NULL;

      if (old == NULL)
        return FALSE;

      mark = read_mark (old);
      if (mark == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "%s exists and was not made by this benchmark; it is left alone", path);
          return FALSE;
        }
      if (reuse && g_str_equal (mark, wanted) &&
          rk_database_count_rows (old, "project", NULL) == sizes->projects)
        return TRUE;

      g_clear_object (&old);
      remove_database_files (path);
      remove_backups (path);
    }

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!generate (db, sizes, error))
    return FALSE;
  *out_generate_s = (g_get_monotonic_time () - start) / 1e6;

  /* Closing checkpoints the write-ahead log into the file. */
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Launching                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *label;
  gboolean    bare;
  gboolean    large;
  const char *section;    /* the app's last-section setting */
  double     *times;      /* ms, one per run */
  double     *ready;      /* ms until every section has its data */
  guint       n_projects; /* rows of the lists at the first frame */
  guint       n_partners;
} Launch;

typedef struct
{
  gboolean  done;
  char     *out;
  GError   *error;
} Waiting;

static void
on_communicated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Waiting *waiting = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                        &waiting->out, NULL, &waiting->error);
  waiting->done = TRUE;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/* Spawns argv and returns the milliseconds from the spawn to the first
 * frame the child reports, or -1. */
static double
launch_once (const char * const *argv,
             char              **envp,
             Launch             *launch,
             double             *out_ready_ms,
             GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  Waiting waiting = { FALSE, NULL, NULL };
  g_autofree char *out = NULL;
  gint64 frame_us = 0, ready_us = 0, start_us;
  guint timeout_id;
  const char *line;

  g_subprocess_launcher_set_environ (launcher, envp);

  start_us = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return -1;

  timeout_id = g_timeout_add_seconds (LAUNCH_TIMEOUT_S, on_timeout_cb, process);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated_cb, &waiting);
  while (!waiting.done)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&timeout_id, g_source_remove);
  out = waiting.out;
  if (waiting.error != NULL)
    {
      g_propagate_error (error, waiting.error);
      return -1;
    }
  if (!g_subprocess_wait (process, NULL, error))
    return -1;

  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL ||
      sscanf (line, "first-frame %" G_GINT64_FORMAT " all-sections %" G_GINT64_FORMAT
              " projects %u partners %u",
              &frame_us, &ready_us, &launch->n_projects, &launch->n_partners) < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s drew no first frame within %d s (exit status %d)",
                   argv[0], LAUNCH_TIMEOUT_S, g_subprocess_get_status (process));
      return -1;
    }

  if (out_ready_ms != NULL)
    *out_ready_ms = ((ready_us > 0 ? ready_us : frame_us) - start_us) / 1000.0;
  return (frame_us - start_us) / 1000.0;
}

/* The app reads its settings from a key file of its own, so each launch
 * opens the section it is meant to and nothing of the caller's settings
 * plays a part. Backups on start stay on, as by default. */
static char **
make_environment (const char  *config_home,
                  const char  *section,
                  GError     **error)
{
  g_autofree char *folder = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[org/nrw/RuhrKonferenz]\nlast-section='%s'\n", section);
  char **envp = g_get_environ ();

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !g_file_set_contents (keyfile, contents, -1, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot create %s", folder);
      g_strfreev (envp);
      return NULL;
    }

  envp = g_environ_setenv (envp, "RK_STARTUP_PROBE", "1", TRUE);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", RK_SCHEMAS_DIR, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config_home, TRUE);
  return envp;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *values,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof *values);

  qsort (sorted, n, sizeof *sorted, compare_double);
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static char *
describe_sizes (const Sizes *sizes)
{
  return g_strdup_printf ("%d projects, %d organisations, %d notes",
                          sizes->projects, sizes->organisations, sizes->notes);
}

/* ------------------------------------------------------------------ */

static char *
small_path (const char *path)
{
  if (g_str_has_suffix (path, ".db"))
    {
      g_autofree char *stem = g_strndup (path, strlen (path) - 3);
      return g_strconcat (stem, "-small.db", NULL);
    }
  return g_strconcat (path, "-small", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *small = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *large_text = NULL;
  g_autofree char *small_text = NULL;
  g_autofree double *times = NULL;
  g_autofree double *first_of_day = NULL;
  Sizes large_sizes = { 100000, 50000, 20000 };
  Sizes small_sizes;
  gboolean reuse = FALSE;
  int n_runs = DEFAULT_RUNS;
  double bare_ms, day_ms;
  guint n_targets = 0, n_met = 0;
  Launch launches[] = {
    { "bare libadwaita window", TRUE, FALSE, NULL },
    { "ruhr-konferenz, Overview", FALSE, TRUE, "overview" },
    { "ruhr-konferenz, Projects", FALSE, TRUE, "projects" },
    { "ruhr-konferenz, Overview", FALSE, FALSE, "overview" },
    { "ruhr-konferenz, Projects", FALSE, FALSE, "projects" },
  };
  char **environments[G_N_ELEMENTS (launches)] = { NULL };
  const GOptionEntry entries[] = {
    { "projects", 'n', 0, G_OPTION_ARG_INT, &large_sizes.projects,
      "How many projects to generate (default 100000)", "N" },
    { "organisations", 0, 0, G_OPTION_ARG_INT, &large_sizes.organisations,
      "How many partner organisations (default 50000)", "N" },
    { "notes", 0, 0, G_OPTION_ARG_INT, &large_sizes.notes,
      "How many advisory board notes (default 20000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs,
      "Launches of each program, after one warm-up (default 7)", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Keep the generated database in FILE (and the small one in FILE-small.db) instead of a temporary folder", "FILE" },
    { "reuse", 'r', 0, G_OPTION_ARG_NONE, &reuse,
      "Use the database FILE as it is when it already has the sizes asked for", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Measures the start-up of Ruhr-Konferenz on a large generated database:\n"
    "from the spawn to the first frame of the first window, beside a bare\n"
    "libadwaita window, and the same on a database a hundredth the size.\n"
    "Needs an X display. Exits 0 whether the target is met or not.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }
  if (reuse && database == NULL)
    {
      fprintf (stderr, "bench-startup: --reuse needs --database FILE\n");
      return 1;
    }
  if (n_runs < 1 || large_sizes.projects < 100 || large_sizes.organisations < 0 || large_sizes.notes < 0)
    {
      fprintf (stderr, "bench-startup: --runs must be at least 1 and --projects at least 100\n");
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      /* 77: skipped, for meson test --benchmark without a display. */
      fprintf (stderr, "bench-startup: needs an X display; build-aux/bench startup runs it under xvfb-run\n");
      return 77;
    }
  small_sizes = (Sizes) { large_sizes.projects / 100, large_sizes.organisations / 100,
                          large_sizes.notes / 100 };

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  work_dir = g_dir_make_tmp ("rk-bench-startup-XXXXXX", &error);
  if (work_dir == NULL)
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return 1;
    }
  if (database == NULL)
    database = g_build_filename (work_dir, "bench.db", NULL);
  small = small_path (database);

  large_text = describe_sizes (&large_sizes);
  small_text = describe_sizes (&small_sizes);
  printf ("Ruhr-Konferenz start-up benchmark: %s\n", large_text);
  printf ("From the spawn to the first frame of the first window (GSK_RENDERER=cairo, X display %s);\n"
          "each figure is the median of %d launches after 1 warm-up, the programs taking turns.\n",
          g_getenv ("DISPLAY"), n_runs);
  fflush (stdout);

  {
    const char *paths[] = { database, small };
    const Sizes *sizes[] = { &large_sizes, &small_sizes };

    for (guint i = 0; i < 2; i++)
      {
        double generate_s;
        GStatBuf st;

        if (!prepare_database (paths[i], sizes[i], reuse, &generate_s, &error))
          {
            fprintf (stderr, "bench-startup: preparing %s failed: %s\n", paths[i], error->message);
            return 1;
          }
        if (generate_s >= 0)
          printf ("Database %s: generated in %.1f s, %.1f MiB\n", paths[i], generate_s,
                  g_stat (paths[i], &st) == 0 ? st.st_size / 1048576.0 : 0);
        else
          printf ("Database %s: reused, %.1f MiB\n", paths[i],
                  g_stat (paths[i], &st) == 0 ? st.st_size / 1048576.0 : 0);
      }
  }
  fflush (stdout);

  times = g_new0 (double, 2 * G_N_ELEMENTS (launches) * n_runs);
  for (guint l = 0; l < G_N_ELEMENTS (launches); l++)
    {
      g_autofree char *config = g_build_filename (work_dir, launches[l].section ? launches[l].section : "bare", NULL);

      launches[l].times = times + 2 * l * n_runs;
      launches[l].ready = launches[l].times + n_runs;
      environments[l] = make_environment (config, launches[l].section ? launches[l].section : "overview", &error);
      if (environments[l] == NULL)
        {
          fprintf (stderr, "bench-startup: %s\n", error->message);
          return 1;
        }
    }

  /* The first start of a day backs the database up (the setting
   * backup-on-start): measured on its own, with the day's backup removed
   * before each launch. */
  first_of_day = g_new0 (double, n_runs);
  for (int run = 0; run < n_runs; run++)
    {
      const char * const app_argv[] = { RK_EXECUTABLE, "--database", database, NULL };

      remove_backups (database);
      first_of_day[run] = launch_once (app_argv, environments[1], &launches[1], NULL, &error);
      if (first_of_day[run] < 0)
        {
          fprintf (stderr, "bench-startup: %s\n", error->message);
          return 1;
        }
    }
  day_ms = median (first_of_day, n_runs);

  /* Round by round, each program once, so a change in the machine's load
   * falls on all of them alike. */
  for (int run = -1; run < n_runs; run++)
    for (guint l = 0; l < G_N_ELEMENTS (launches); l++)
      {
        const char * const bare_argv[] = { RK_BARE_WINDOW, NULL };
        const char * const app_argv[] = { RK_EXECUTABLE, "--database",
                                          launches[l].large ? database : small, NULL };
        double ready_ms;
        double ms = launch_once (launches[l].bare ? bare_argv : app_argv,
                                 environments[l], &launches[l], &ready_ms, &error);

        if (ms < 0)
          {
            fprintf (stderr, "bench-startup: %s\n", error->message);
            return 1;
          }
        if (run >= 0)
          {
            launches[l].times[run] = ms;
            launches[l].ready[run] = ready_ms;
          }
      }

  bare_ms = median (launches[0].times, n_runs);

  printf ("\n  %-44s %9s %9s %14s  %s\n", "first frame", "median", "ratio", "target",
          "every section ready (rows)");
  for (guint l = 0; l < G_N_ELEMENTS (launches); l++)
    {
      double ms = median (launches[l].times, n_runs);
      g_autofree char *label = NULL;

      if (launches[l].bare)
        {
          printf ("  %-44s %6.1f ms\n", launches[l].label, ms);
          continue;
        }

      label = g_strdup_printf ("%s, %s database", launches[l].label,
                               launches[l].large ? "large" : "small");

      n_targets++;
      n_met += ms / bare_ms <= TARGET_RATIO;
      printf ("  %-44s %6.1f ms %9.2f  <= %.2f %s  %6.1f ms (%u projects, %u partners)\n",
              label, ms, ms / bare_ms,
              TARGET_RATIO, ms / bare_ms <= TARGET_RATIO ? "PASS" : "MISS",
              median (launches[l].ready, n_runs), launches[l].n_projects, launches[l].n_partners);
    }

  printf ("\n  large database: %s\n  small database: %s\n", large_text, small_text);
  printf ("  large minus small: Overview %+.1f ms, Projects %+.1f ms\n",
          median (launches[1].times, n_runs) - median (launches[3].times, n_runs),
          median (launches[2].times, n_runs) - median (launches[4].times, n_runs));
  printf ("  first start of the day (makes the day's backup), Overview, large: %.1f ms, ratio %.2f\n",
          day_ms, day_ms / bare_ms);

  printf ("\nfirst window: %.1f ms, bare libadwaita window: %.1f ms, ratio %.2f (target <= %.1f)\n",
          median (launches[1].times, n_runs), bare_ms, median (launches[1].times, n_runs) / bare_ms,
          TARGET_RATIO);
  printf ("%u of %u targets met.\n", n_met, n_targets);

  for (guint l = 0; l < G_N_ELEMENTS (launches); l++)
    g_strfreev (environments[l]);
  remove_backups (database);
  remove_backups (small);
  if (g_str_has_prefix (database, work_dir))
    {
      remove_database_files (database);
      remove_database_files (small);
    }
  remove_tree (work_dir);

  return 0;
}
