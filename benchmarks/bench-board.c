/* bench-board.c: the advisory board's notes at 20,000 notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a database with generated projects, board members, meetings and
 * notes linked to the projects, then measures what a user waits for:
 * opening the notes list until its first page is there, each search and
 * filter, and a project's notes as its page lists them. Like
 * bench-projects it prints each figure next to the target and
 * exits 0 whether the targets are met or not; 1 only when something fails
 * outright. The data comes from a fixed seed, so every run measures the
 * same database.
 */
#define G_LOG_DOMAIN "bench-board"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rk-database-private.h"
#include "rk-note-list.h"

#define N_RUNS 5
#define FIRST_PAGE 30
#define PROJECT_PAGE 20 /* the notes a project's page lists (RkProjectNotesGroup) */
#define SEED 20181022 /* the day the board was constituted */
#define MARK_KEY "bench_board"

#define TARGET_MS 16.0

#define N_MEMBERS 12
#define N_MEETINGS 120

/* ------------------------------------------------------------------ */
/* The vocabulary of the generated records                             */
/* ------------------------------------------------------------------ */

static const char * const themes[] = {
  "Mobilität", "Radschnellweg", "Nahverkehr", "Wasserstoff", "Energiewende",
  "Klimaanpassung", "Fernwärme", "Kreislaufwirtschaft", "Brachfläche",
  "Quartier", "Industriekultur", "Künste", "Zirkus", "Festival", "Gesundheit",
  "Pflege", "Bildung", "Grundschule", "Ausbildung", "Hochschule",
  "Forschung", "Innovation", "Gründung", "Digitalisierung", "Glasfaser",
  "Verwaltung", "Sicherheit", "Prävention", "Integration", "Zusammenhalt",
  "Ehrenamt", "Familie", "Fachkräfte", "Mittelstand", "Handwerk", "Stahl",
  "Tourismus", "Renaturierung", "Strukturwandel", "Kompetenzzentrum",
};

static const char * const places[] = {
  "Ruhr", "Emscher", "Zollverein", "Phoenix-See", "Bochum", "Bottrop",
  "Dortmund", "Duisburg", "Essen", "Gelsenkirchen", "Hagen", "Hamm", "Herne",
  "Mülheim", "Oberhausen", "Witten", "Recklinghausen", "Marl", "Unna",
  "Lünen", "Moers", "Wesel", "Dinslaken", "Xanten",
};

static const char * const note_kinds[] = {
  "Beratung", "Empfehlung", "Rückfrage", "Hinweis", "Priorisierung",
  "Stellungnahme", "Gespräch", "Vorschlag", "Bewertung", "Ergebnis",
};

static const char * const verbs[] = {
  "empfiehlt", "begrüßt", "fragt nach", "regt an", "unterstützt", "prüft",
  "bittet um", "hebt hervor", "diskutiert", "bewertet",
};

static const char * const objects[] = {
  "die Auswahl als Leitprojekt", "eine engere Abstimmung mit den Kommunen",
  "einen Zeitplan für die Umsetzung", "die Beteiligung der Kammern",
  "eine Prüfung der Finanzierung", "die Einbindung der Hochschulen",
  "einen Bericht in der nächsten Sitzung", "die Verstetigung nach 2025",
  "eine bessere Sichtbarkeit in der Region", "die Zusammenarbeit der Ressorts",
};

static const char * const surnames[] = {
  "Becker", "Hoffmann", "Krüger", "Lehmann", "Neumann", "Özdemir",
  "Schäfer", "Schulte", "Wagner", "Yılmaz", "Zimmermann", "Brandt",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
make_uuid (char   out[37],
           GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand);
  guint32 c = g_rand_int (rand), d = g_rand_int (rand);

  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, (c >> 16 & 0x3fff) | 0x8000, c & 0xffff, d);
}

/* A day from the board's constitution to mid-2025. */
static void
make_date (char   out[11],
           GRand *rand)
{
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_OCTOBER, 2018);

  g_date_add_days (date, g_rand_int_range (rand, 0, 6 * 365 + 250));
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* Two to four paragraphs of one to three sentences, as notes are. */
static void
make_text (GString *text,
           GRand   *rand)
{
  int paragraphs = g_rand_int_range (rand, 2, 5);

  g_string_truncate (text, 0);
  for (int p = 0; p < paragraphs; p++)
    {
      int sentences = g_rand_int_range (rand, 1, 4);

      if (p > 0)
        g_string_append (text, "\n\n");
      for (int s = 0; s < sentences; s++)
        g_string_append_printf (text, "%sDer Beirat %s %s für %s in %s.", s > 0 ? " " : "",
                                PICK (rand, verbs), PICK (rand, objects),
                                PICK (rand, themes), PICK (rand, places));
    }
}

static gboolean
step (RkDatabase  *db,
      const char  *sql,
      const char **texts,
      int          n_texts,
      GError     **error)
{
  RkStatement *stmt = rk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < n_texts; i++)
    sqlite3_bind_text (stmt, i + 1, texts[i], -1, SQLITE_STATIC);
  return rk_database_step_done (db, stmt, error);
}

/* Writes everything in one transaction through prepared statements; the
 * search index fills itself through the schema's triggers. A project's
 * share of the links falls with its rank, as a few projects are discussed
 * far more often than most. */
static gboolean
generate (RkDatabase  *db,
          guint        n_notes,
          guint        n_projects,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) meeting_dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *mark = NULL;
  const char *now = "2025-06-30T12:00:00.000000Z";

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_projects; i++)
    {
      char id[37];
      const char *texts[3];

      make_uuid (id, rand);
      g_string_printf (title, "%s %s %u", PICK (rand, themes), PICK (rand, places), i + 1);
      texts[0] = id;
      texts[1] = title->str;
      texts[2] = now;
      if (!step (db, "INSERT INTO project (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                 texts, 3, error))
        goto failed;
      g_ptr_array_add (projects, g_strdup (id));
    }

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      char id[37];
      g_autofree char *name = g_strdup_printf ("Dr. %c. %s", 'A' + (int) i,
                                               surnames[i % G_N_ELEMENTS (surnames)]);
      const char *texts[5] = { id, name, PICK (rand, places), i < 8 ? "2023-08-16" : NULL, now };

      make_uuid (id, rand);
      if (!step (db, "INSERT INTO board_member (id, name, organisation, active_from, active_to,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, '2018-10-22', ?4, ?5, ?5)",
                 texts, 5, error))
        goto failed;
      g_ptr_array_add (members, g_strdup (id));
    }

  for (guint i = 0; i < N_MEETINGS; i++)
    {
      char id[37], date[11];
      g_autofree char *name = g_strdup_printf ("%u. Sitzung", i + 1);
      const char *texts[4] = { id, date, name, now };

      make_uuid (id, rand);
      make_date (date, rand);
      if (!step (db, "INSERT INTO meeting (id, date, place, title, created_at, updated_at)"
                     " VALUES (?1, ?2, 'Essen', ?3, ?4, ?4)", texts, 4, error))
        goto failed;
      g_ptr_array_add (meetings, g_strdup (id));
      g_ptr_array_add (meeting_dates, g_strdup (date));

      for (guint m = 0; m < N_MEMBERS; m++)
        {
          char key[37];
          const char *link[4] = { key, id, g_ptr_array_index (members, m), now };

          make_uuid (key, rand);
          if (g_rand_int_range (rand, 0, 4) != 0 &&
              !step (db, "INSERT INTO meeting_member (id, meeting_id, board_member_id,"
                         " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)", link, 4, error))
            goto failed;
        }
    }

  for (guint i = 0; i < n_notes; i++)
    {
      char id[37], date[11];
      const char *meeting = NULL, *author = NULL;
      const char *texts[7];
      int n_links = g_rand_int_range (rand, 1, 4);

      make_uuid (id, rand);
      make_date (date, rand);

      /* Four in ten notes were written at a meeting, on its day. */
      if (g_rand_int_range (rand, 0, 10) < 4)
        {
          guint m = g_rand_int_range (rand, 0, N_MEETINGS);

          meeting = g_ptr_array_index (meetings, m);
          strcpy (date, g_ptr_array_index (meeting_dates, m));
        }
      if (g_rand_int_range (rand, 0, 5) != 0)
        author = g_ptr_array_index (members, g_rand_int_range (rand, 0, N_MEMBERS));

      g_string_printf (title, "%s: %s %s", PICK (rand, note_kinds), PICK (rand, themes),
                       PICK (rand, places));
      make_text (text, rand);

      texts[0] = id;
      texts[1] = meeting;
      texts[2] = author;
      texts[3] = date;
      texts[4] = title->str;
      texts[5] = text->str;
      texts[6] = now;
      if (!step (db, "INSERT INTO note (id, meeting_id, author_id, date, title, text, created_at,"
                     " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", texts, 7, error))
        goto failed;

      for (int l = 0; l < n_links; l++)
        {
          char key[37];
          /* rank = n * u^3: the first projects get most of the links */
          double u = g_rand_double (rand);
          guint rank = MIN ((guint) (n_projects * u * u * u), n_projects - 1);
          const char *link[4] = { key, id, g_ptr_array_index (projects, rank), now };

          make_uuid (key, rand);
          if (!step (db, "INSERT OR IGNORE INTO note_project (id, note_id, project_id,"
                         " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)", link, 4, error))
            goto failed;
        }
    }

  {
    const char *texts[2] = { MARK_KEY, NULL };

    mark = g_strdup_printf ("%u", n_notes);
    texts[1] = mark;
    if (!step (db, "INSERT OR REPLACE INTO local (key, value) VALUES (?1, ?2)", texts, 2, error))
      goto failed;
  }

  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

static gint64
read_mark (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT value FROM local WHERE key = '" MARK_KEY "'", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
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

static gboolean
prepare_database (const char  *path,
                  guint        n_notes,
                  guint        n_projects,
                  gboolean     reuse,
                  double      *out_generate_s,
                  GError     **error)
{
  g_autoptr(RkDatabase) db = NULL;
  gint64 start;

  *out_generate_s = -1;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RkDatabase) old = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, error);
      gint64 mark;

      if (old == NULL)
        return FALSE;
      mark = read_mark (old);
      if (mark < 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "%s exists and was not made by this benchmark; it is left alone", path);
          return FALSE;
        }
      if (reuse && mark == n_notes && rk_database_count_rows (old, "note", NULL) == n_notes)
        return TRUE;

      g_clear_object (&old);
      remove_database_files (path);
    }

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!generate (db, n_notes, n_projects, error))
    return FALSE;
  *out_generate_s = (g_get_monotonic_time () - start) / 1e6;

  /* No ANALYZE, as in the app; closing checkpoints the WAL into the file. */
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Measuring                                                           */
/* ------------------------------------------------------------------ */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static guint n_targets, n_met;

static char *
format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

#define LABEL_WIDTH 44

static void
print_group (const char *title)
{
  printf ("\n%s\n", title);
}

/* Pads by characters, not bytes, so labels with umlauts line up. */
static void
print_row (const char *label,
           gint64      n_rows,
           double      value,
           double      target)
{
  g_autofree char *rows = n_rows >= 0 ? format_count (n_rows) : g_strdup ("");
  int n = g_utf8_strlen (label, -1) + 2;

  printf ("  %s", label);
  for (; n < LABEL_WIDTH; n++)
    fputc (' ', stdout);
  printf ("%9s %9.2f ms", rows, value);
  if (target > 0)
    {
      gboolean met = value <= target;

      n_targets++;
      n_met += met;
      printf ("  <= %3.0f ms  %s\n", target, met ? "PASS" : "MISS");
    }
  else
    printf ("\n");
  fflush (stdout);
}

typedef struct
{
  double total;
  double open;
  double list;
  double page;
} OpenTimes;

/* Opening the database, the notes list and its first page, as the
 * Advisory Board section does when the app starts on it. */
static gboolean
measure_open (const char  *path,
              OpenTimes   *out,
              GError     **error)
{
  double total[N_RUNS], open_ms[N_RUNS], list_ms[N_RUNS], page_ms[N_RUNS];

  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(RkDatabase) db = NULL;
      g_autoptr(RkRecordList) notes = NULL;
      double t0, t1, t2, t3;

      t0 = now_ms ();
      db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, error);
      if (db == NULL)
        return FALSE;
      t1 = now_ms ();
      notes = rk_note_list_new (db);
      t2 = now_ms ();
      for (guint i = 0; i < FIRST_PAGE; i++)
        {
          g_autoptr(RkNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
          g_assert (note != NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (notes)));
        }
      t3 = now_ms ();

      if (run >= 0)
        {
          total[run] = t3 - t0;
          open_ms[run] = t1 - t0;
          list_ms[run] = t2 - t1;
          page_ms[run] = t3 - t2;
        }
    }

  out->total = median (total, N_RUNS);
  out->open = median (open_ms, N_RUNS);
  out->list = median (list_ms, N_RUNS);
  out->page = median (page_ms, N_RUNS);
  return TRUE;
}

/* What the list shows; each setter runs a query only when its value
 * changes, so going from one state to the next runs exactly one. */
typedef struct
{
  const char *search;
  const char *author;
  const char *project;
} ListState;

static void
apply_state (RkRecordList    *notes,
             const ListState *state)
{
  rk_record_list_set_search (notes, state->search);
  rk_note_list_set_author_id (notes, state->author);
  rk_note_list_set_project_id (notes, state->project);
}

/* The time from one state to another, with the first page of the result
 * built as the view would. */
static double
measure_change (RkRecordList    *notes,
                const ListState *from,
                const ListState *to,
                guint           *out_n_items)
{
  static const ListState all = { NULL, NULL, NULL };
  double times[N_RUNS];

  for (int run = -1; run < N_RUNS; run++)
    {
      double t0;

      apply_state (notes, &all);
      apply_state (notes, from);

      t0 = now_ms ();
      apply_state (notes, to);
      for (guint i = 0; i < FIRST_PAGE && i < g_list_model_get_n_items (G_LIST_MODEL (notes)); i++)
        {
          g_autoptr(RkNote) note = g_list_model_get_item (G_LIST_MODEL (notes), i);
        }
      if (run >= 0)
        times[run] = now_ms () - t0;
    }

  *out_n_items = g_list_model_get_n_items (G_LIST_MODEL (notes));
  apply_state (notes, &all);
  return median (times, N_RUNS);
}

static double
measure_project_notes (RkDatabase *db,
                       const char *project_id,
                       guint      *out_n)
{
  double times[N_RUNS];

  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(GListModel) notes = NULL;
      g_autoptr(GError) error = NULL;
      double t0 = now_ms ();

      notes = rk_note_list_for_project (db, project_id, PROJECT_PAGE, out_n, &error);
      g_assert_no_error (error);
      if (run >= 0)
        times[run] = now_ms () - t0;
    }

  return median (times, N_RUNS);
}

/* The project with the most notes, and one at the median of those with
 * any. */
static void
pick_projects (RkDatabase  *db,
               char       **out_busiest,
               char       **out_typical)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  stmt = rk_database_prepare (db, "SELECT project_id FROM note_project GROUP BY project_id"
                                  " ORDER BY count(*) DESC, project_id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_assert (ids->len > 0);

  *out_busiest = g_strdup (g_ptr_array_index (ids, 0));
  *out_typical = g_strdup (g_ptr_array_index (ids, ids->len / 2));
}

static char *
pick_member (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt =
    rk_database_prepare (db, "SELECT id FROM board_member ORDER BY name LIMIT 1", NULL);

  g_assert (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkRecordList) notes = NULL;
  g_autofree char *database = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *n_text = NULL;
  g_autofree char *busiest = NULL;
  g_autofree char *typical = NULL;
  g_autofree char *member = NULL;
  int n_notes = 20000;
  int n_projects = 2000;
  gboolean reuse = FALSE;
  double generate_s, ms;
  OpenTimes open_times;
  guint n_items;
  GStatBuf st;
  const GOptionEntry entries[] = {
    { "notes", 'n', 0, G_OPTION_ARG_INT, &n_notes,
      "How many notes to generate (default 20000)", "N" },
    { "projects", 'p', 0, G_OPTION_ARG_INT, &n_projects,
      "How many projects the notes are linked to (default 2000)", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Keep the generated database in FILE instead of a temporary folder", "FILE" },
    { "reuse", 'r', 0, G_OPTION_ARG_NONE, &reuse,
      "Use the database FILE as it is when it already has N generated notes", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Measures the advisory board's notes in Ruhr-Konferenz on generated data:\n"
    "opening the notes list with its first page, searches, filters,\n"
    "and the notes a project's page lists.\n"
    "Exits 0 whether the targets are met or not; 1 if something fails.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-board: %s\n", error->message);
      return 1;
    }
  if (n_notes < FIRST_PAGE || n_projects < 10)
    {
      fprintf (stderr, "bench-board: --notes must be at least %d and --projects at least 10\n", FIRST_PAGE);
      return 1;
    }
  if (reuse && database == NULL)
    {
      fprintf (stderr, "bench-board: --reuse needs --database FILE\n");
      return 1;
    }

  if (database == NULL)
    {
      tmp_dir = g_dir_make_tmp ("rk-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          fprintf (stderr, "bench-board: %s\n", error->message);
          return 1;
        }
      database = g_build_filename (tmp_dir, "bench.db", NULL);
    }

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  n_text = format_count (n_notes);
  printf ("Ruhr-Konferenz advisory board benchmark: %s notes, %d projects, %d members, %d meetings\n",
          n_text, n_projects, N_MEMBERS, N_MEETINGS);
  printf ("Each time is the median of %d runs after 1 warm-up run.\n", N_RUNS);
  printf ("SQLite %s, GLib %u.%u.%u\n", sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version);
  fflush (stdout);

  if (!prepare_database (database, n_notes, n_projects, reuse, &generate_s, &error))
    {
      fprintf (stderr, "bench-board: preparing %s failed: %s\n", database, error->message);
      return 1;
    }
  if (generate_s >= 0)
    printf ("Database %s: generated in %.1f s, %.1f MiB\n", database, generate_s,
            g_stat (database, &st) == 0 ? st.st_size / 1048576.0 : 0);
  else
    printf ("Database %s: reused\n", database);

  print_group ("Notes list (rk_database_open + rk_note_list_new + first 30 items)");
  if (!measure_open (database, &open_times, &error))
    {
      fprintf (stderr, "bench-board: opening %s failed: %s\n", database, error->message);
      return 1;
    }
  print_row ("notes list ready after opening", n_notes, open_times.total, TARGET_MS);
  print_row ("  rk_database_open", -1, open_times.open, 0);
  print_row ("  rk_note_list_new (newest first)", -1, open_times.list, 0);
  print_row ("  first 30 items", -1, open_times.page, 0);

  db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-board: opening %s failed: %s\n", database, error->message);
      return 1;
    }
  notes = rk_note_list_new (db);
  pick_projects (db, &busiest, &typical);
  member = pick_member (db);

  print_group ("Search (rk_record_list_set_search + first 30 items)");
  {
    static const struct {
      const char *label;
      const char *from;
      const char *to;
    } searches[] = {
      { "\"zirkus\"", NULL, "zirkus" },
      { "\"mulheim\" (finds Mülheim)", NULL, "mulheim" },
      { "\"leitprojekt\"", NULL, "leitprojekt" },
      { "\"wasserstoff essen\"", NULL, "wasserstoff essen" },
      { "\"d\" (first letter typed)", NULL, "d" },
      { "\"xylophon\" (nothing)", NULL, "xylophon" },
      { "\"zirkus\" -> \"zirkus g\" (typing on)", "zirkus", "zirkus g" },
      { "\"zirkus\" -> none (search cleared)", "zirkus", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        ListState from = { searches[i].from, NULL, NULL };
        ListState to = { searches[i].to, NULL, NULL };

        ms = measure_change (notes, &from, &to, &n_items);
        print_row (searches[i].label, n_items, ms, TARGET_MS);
      }
  }

  print_group ("Filters (rk_note_list_set_author_id / _set_project_id + first 30 items)");
  {
    ListState none = { NULL, NULL, NULL };
    ListState by_member = { NULL, member, NULL };
    ListState by_busiest = { NULL, NULL, busiest };
    ListState by_typical = { NULL, NULL, typical };
    ListState member_and_project = { NULL, member, busiest };
    ListState search_in_project = { "beirat", NULL, busiest };

    ms = measure_change (notes, &none, &by_member, &n_items);
    print_row ("by member", n_items, ms, TARGET_MS);
    ms = measure_change (notes, &none, &by_busiest, &n_items);
    print_row ("by project (the one with most notes)", n_items, ms, TARGET_MS);
    ms = measure_change (notes, &none, &by_typical, &n_items);
    print_row ("by project (a typical one)", n_items, ms, TARGET_MS);
    ms = measure_change (notes, &by_member, &member_and_project, &n_items);
    print_row ("+ project to member", n_items, ms, TARGET_MS);
    ms = measure_change (notes, &by_busiest, &search_in_project, &n_items);
    print_row ("+ search \"beirat\" to project", n_items, ms, TARGET_MS);
    ms = measure_change (notes, &by_busiest, &none, &n_items);
    print_row ("project cleared (all notes)", n_items, ms, TARGET_MS);
  }

  print_group ("A project's notes (rk_note_list_for_project, the newest 20 built)");
  ms = measure_project_notes (db, busiest, &n_items);
  print_row ("the project with most notes", n_items, ms, TARGET_MS);
  ms = measure_project_notes (db, typical, &n_items);
  print_row ("a typical project", n_items, ms, TARGET_MS);

  printf ("\n%u of %u targets met.\n", n_met, n_targets);

  g_clear_object (&notes);
  g_clear_object (&db);
  if (tmp_dir != NULL)
    {
      remove_database_files (database);
      g_rmdir (tmp_dir);
    }

  return 0;
}
