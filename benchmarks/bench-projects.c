/* bench-projects.c: the project list at 100,000 projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a database with generated projects, then measures what a user
 * waits for: opening the database until the first page of the list is
 * there, each search, each filter change, and the memory the app holds
 * after scrolling through the whole list. It prints the figures next to the
 * issue's targets and exits 0 whether they are met or not: it measures, it
 * does not judge. It exits 1 only when something fails outright.
 *
 * The data is generated from a fixed seed, so every run measures the same
 * database and figures from two machines or two commits can be compared.
 */
#define G_LOG_DOMAIN "bench-projects"

#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rk-database-private.h"
#include "rk-project-list.h"
#include "rk-reference.h"

#define N_RUNS 5
#define FIRST_PAGE 30
#define SEED 20191105 /* the day the cabinet adopted the five fields */
#define MARK_KEY "bench_projects"

#define TARGET_OPEN_MS 50.0
#define TARGET_CHANGE_MS 16.0
#define TARGET_PEAK_MIB 120.0

/* ------------------------------------------------------------------ */
/* The vocabulary of the generated projects                            */
/* ------------------------------------------------------------------ */

/* The lead ministries of domain.md; MHKBG and MHKBD are one ministry
 * under two names, so it counts once, by its current name. */
static const char * const ministries[] = {
  "MKW", "MWIDE", "MSB", "MI", "VM", "MULNV", "MAGS", "MKFFI", "FM", "MdJ",
  "MHKBD", "MBEI", "StK",
};
G_STATIC_ASSERT (G_N_ELEMENTS (ministries) == 13);

static const char * const themes[] = {
  "Mobilität", "Radweg", "Radschnellweg", "Nahverkehr", "Schiene", "Bahnhof",
  "Busnetz", "Carsharing", "Logistik", "Hafen", "Binnenhafen", "Wasserstoff",
  "Energie", "Energiewende", "Klimaschutz", "Klimaanpassung", "Infrastruktur",
  "Wärmenetz", "Fernwärme", "Solarenergie", "Photovoltaik", "Windkraft",
  "Kreislaufwirtschaft", "Recycling", "Flächen", "Brachfläche",
  "Gewerbefläche", "Quartier", "Stadtteil", "Nachbarschaft", "Wohnen",
  "Wohnungsbau", "Sanierung", "Denkmal", "Industriekultur", "Kultur",
  "Künste", "Theater", "Museum", "Musik", "Festival", "Zirkus", "Sport",
  "Bewegung", "Gesundheit", "Pflege", "Krankenhaus", "Medizin", "Bildung",
  "Schule", "Grundschule", "Kita", "Ausbildung", "Weiterbildung",
  "Hochschule", "Universität", "Forschung", "Wissenschaft", "Innovation",
  "Gründung", "Startups", "Digitalisierung", "Breitband", "Glasfaser",
  "Daten", "Verwaltung", "Sicherheit", "Polizei", "Prävention",
  "Integration", "Vielfalt", "Zusammenhalt", "Teilhabe", "Ehrenamt",
  "Familie", "Jugend", "Senioren", "Arbeit", "Beschäftigung", "Fachkräfte",
  "Wirtschaft", "Mittelstand", "Handwerk", "Industrie", "Stahl", "Chemie",
  "Tourismus", "Freizeit", "Natur", "Wasser", "Gewässer", "Renaturierung",
  "Umwelt", "Luftreinhaltung", "Lärmschutz", "Wald", "Park", "Landschaft",
  "Strukturwandel", "Zukunft", "Netzwerk", "Kompetenzzentrum", "Labor",
  "Campus", "Zentrum", "Allianz", "Initiative", "Offensive", "Programm",
  "Modellregion", "Cluster", "Plattform", "Agentur", "Akademie", "Werkstatt",
  "Dialog", "Forum", "Atlas", "Strategie", "Lotsen", "Gästeführung",
  "Sprachförderung", "Ganztag", "Berufsorientierung", "Quartiersmanagement",
};

static const char * const places[] = {
  "Ruhr", "Ruhrgebiet", "Metropole Ruhr", "Emscher", "Lippe", "Zollverein",
  "Phoenix-See", "Landschaftspark", "Gasometer", "Zeche", "Halde",
  "Rhein-Herne-Kanal", "Bochum", "Bottrop", "Dortmund", "Duisburg", "Essen",
  "Gelsenkirchen", "Hagen", "Hamm", "Herne", "Mülheim", "Oberhausen",
  "Witten", "Hattingen", "Recklinghausen", "Marl", "Gladbeck", "Dorsten",
  "Herten", "Unna", "Lünen", "Kamen", "Bönen", "Fröndenberg", "Moers",
  "Wesel", "Dinslaken", "Hünxe", "Xanten", "Schwerte", "Castrop-Rauxel",
};

static const char * const adjectives[] = {
  "Neue", "Grüne", "Digitale", "Vernetzte", "Smarte", "Nachhaltige",
  "Starke", "Offene", "Innovative", "Regionale", "Kommunale", "Soziale",
  "Klimaneutrale", "Lebendige", "Sichere", "Saubere", "Gesunde",
  "Exzellente", "Kreative", "Urbane", "Inklusive", "Mobile",
};

static const char * const verbs_inf[] = {
  "stärken", "fördern", "verbessern", "ausbauen", "vernetzen", "sichern",
  "entwickeln", "erproben", "verstetigen", "beschleunigen", "bündeln",
};

static const char * const verbs_3rd[] = {
  "stärkt", "fördert", "verbindet", "entwickelt", "unterstützt", "erprobt",
  "bündelt", "öffnet",
};

static const char * const beneficiaries[] = {
  "Schülerinnen und Schüler", "Pendlerinnen und Pendler", "Unternehmen",
  "Familien", "Kommunen", "Studierende", "Beschäftigte", "Vereine",
  "Gründerinnen und Gründer", "ältere Menschen", "Zugewanderte",
};

static const char * const partners[] = {
  "der Universitätsallianz Ruhr", "dem Regionalverband Ruhr",
  "der Emschergenossenschaft", "den Kammern", "kommunalen Unternehmen",
  "den Hochschulen", "den Verbänden", "der Wirtschaftsförderung",
  "den Verkehrsunternehmen", "freien Trägern",
};

static const char * const things[] = {
  "Standorte", "Projekte", "Kilometer Radweg", "Ladepunkte", "Plätze",
  "Arbeitsplätze", "Beratungsstellen", "Schulen", "Quartiere",
};

static const char * const months[] = {
  "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
  "September", "Oktober", "November", "Dezember",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* The programme's weights, roughly as the progress reports have them:
 * most projects in implementation or completed. */
static const char * const status_keys[] = {
  "proposal", "under_review", "in_implementation", "completed", "not_pursued",
};
static const int status_weights[] = { 10, 15, 40, 25, 10 };

static const char * const pillar_keys[] = {
  "ministry_project", "partner_project", "state_programme",
};
static const int pillar_weights[] = { 50, 35, 15 };

static int
pick_weighted (GRand     *rand,
               const int *weights,
               int        n)
{
  int total = 0, r;

  for (int i = 0; i < n; i++)
    total += weights[i];
  r = g_rand_int_range (rand, 0, total);
  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  g_assert_not_reached ();
}

static void
append_title (GString *title,
              GRand   *rand)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      g_string_append_printf (title, "%s %s %s", PICK (rand, adjectives),
                              PICK (rand, themes), PICK (rand, places));
      break;
    case 1:
      g_string_append_printf (title, "%s %s", PICK (rand, themes), PICK (rand, places));
      break;
    case 2:
      g_string_append_printf (title, "%s und %s in %s", PICK (rand, themes),
                              PICK (rand, themes), PICK (rand, places));
      break;
    case 3:
      g_string_append_printf (title, "%s-%s %s", PICK (rand, themes),
                              PICK (rand, themes), PICK (rand, places));
      break;
    case 4:
      g_string_append_printf (title, "%s: %s %s", PICK (rand, places),
                              PICK (rand, adjectives), PICK (rand, themes));
      break;
    default:
      g_string_append_printf (title, "%s %s %d", PICK (rand, themes),
                              PICK (rand, themes), g_rand_int_range (rand, 2025, 2036));
      break;
    }
}

static void
append_goal_sentence (GString *text,
                      GRand   *rand)
{
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      g_string_append_printf (text, "Ziel ist es, %s in %s zu %s.", PICK (rand, themes),
                              PICK (rand, places), PICK (rand, verbs_inf));
      break;
    case 1:
      g_string_append_printf (text, "Das Projekt %s %s und %s für %s.", PICK (rand, verbs_3rd),
                              PICK (rand, themes), PICK (rand, themes),
                              PICK (rand, beneficiaries));
      break;
    case 2:
      g_string_append_printf (text, "Gemeinsam mit %s entsteht in %s ein Zentrum für %s.",
                              PICK (rand, partners), PICK (rand, places), PICK (rand, themes));
      break;
    case 3:
      g_string_append_printf (text, "Bis %d sollen %d %s in der Region entstehen.",
                              g_rand_int_range (rand, 2025, 2036),
                              g_rand_int_range (rand, 3, 250), PICK (rand, things));
      break;
    default:
      g_string_append_printf (text, "Im Mittelpunkt stehen %s, %s und %s.", PICK (rand, themes),
                              PICK (rand, themes), PICK (rand, themes));
      break;
    }
}

static void
append_status_sentence (GString *text,
                        GRand   *rand)
{
  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      g_string_append_printf (text, "Die Förderbescheide wurden im %s %d übergeben.",
                              PICK (rand, months), g_rand_int_range (rand, 2020, 2026));
      break;
    case 1:
      g_string_append_printf (text, "Im Jahr %d haben %d Kommunen mit der Umsetzung begonnen.",
                              g_rand_int_range (rand, 2020, 2026), g_rand_int_range (rand, 2, 54));
      break;
    case 2:
      g_string_append_printf (text, "Die Ausschreibung für %s in %s ist abgeschlossen.",
                              PICK (rand, themes), PICK (rand, places));
      break;
    case 3:
      g_string_append_printf (text, "Ein erster Abschnitt in %s wurde %d eröffnet.",
                              PICK (rand, places), g_rand_int_range (rand, 2020, 2026));
      break;
    case 4:
      g_string_append (text, "Die Machbarkeitsstudie liegt vor; die Finanzierung wird geprüft.");
      break;
    case 5:
      g_string_append_printf (text, "Der Beirat hat das Vorhaben im %s %d beraten.",
                              PICK (rand, months), g_rand_int_range (rand, 2019, 2024));
      break;
    default:
      g_string_append_printf (text, "Zurzeit werden Partner aus %s und %s gewonnen.",
                              PICK (rand, places), PICK (rand, places));
      break;
    }
}

static int
count_words (const char *text)
{
  int n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* A text of 10 to 40 words in whole sentences, none of them twice, as
 * real texts vary in length but not in kind. */
static void
make_text (GString *text,
           GRand   *rand,
           void   (*append_sentence) (GString *, GRand *))
{
  g_autoptr(GString) sentence = g_string_new (NULL);
  int wanted = g_rand_int_range (rand, 10, 41);
  int words = 0;

  g_string_truncate (text, 0);
  while (words < wanted)
    {
      int n;

      g_string_truncate (sentence, 0);
      append_sentence (sentence, rand);
      n = count_words (sentence->str);
      if (words >= 10 && words + n > 40)
        break;
      if (strstr (text->str, sentence->str) != NULL)
        continue;

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, sentence->str, sentence->len);
      words += n;
    }
}

/* Keys are UUIDs as everywhere, but from the seeded generator, so the
 * database is the same on every run. */
static void
make_uuid (char   out[37],
           GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand);
  guint32 c = g_rand_int (rand), d = g_rand_int (rand);

  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, (c >> 16 & 0x3fff) | 0x8000, c & 0xffff, d);
}

static void
make_date (char   out[11],
           GDate *date)
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

/* A time between 2020 and mid-2025, in the form of rk_timestamp_now(). */
static void
make_timestamp (char   out[28],
                gint64 seconds_since_2020,
                int    micros)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) t = g_date_time_add_seconds (base, (double) seconds_since_2020);
  g_autofree char *s = g_date_time_format (t, "%Y-%m-%dT%H:%M:%S");

  g_snprintf (out, 28, "%s.%06dZ", s, micros);
}

#define INSERT_PROJECT \
  "INSERT INTO project (id, code, title, goal, field_id, pillar, status," \
  " lead_ministry, volume_cents, start_date, end_date, current_status," \
  " created_at, updated_at)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"

/* Writes all projects in one transaction through one prepared statement,
 * the fastest way SQLite offers; the search index fills itself through the
 * schema's triggers, as it does for projects the user creates. */
static gboolean
generate (RkDatabase  *db,
          guint        n_projects,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GListModel) fields = rk_database_list_fields (db);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) goal = g_string_new (NULL);
  g_autoptr(GString) current = g_string_new (NULL);
  g_autofree guint32 *combos = NULL;
  g_autofree char *mark = NULL;
  const guint n_combos = 99 * 99 * G_N_ELEMENTS (ministries);
  const guint n_fields = g_list_model_get_n_items (fields);
  const gint64 span = (gint64) (5.5 * 365 * 24 * 3600);

  /* Codes "forum-project_ministry" in a shuffled order, so that neither
   * rowid nor title order follows the code; each combination once. */
  combos = g_new (guint32, n_combos);
  for (guint i = 0; i < n_combos; i++)
    combos[i] = i;
  for (guint i = n_combos - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      guint32 tmp = combos[i];

      combos[i] = combos[j];
      combos[j] = tmp;
    }

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(RkField) field = NULL;
      RkStatement *stmt;
      guint32 combo = combos[i % n_combos];
      guint round = i / n_combos;
      guint n_ministries = G_N_ELEMENTS (ministries);
      const char *ministry = ministries[combo % n_ministries];
      char id[37], code[32], start[11], end[11], created[28], updated[28];
      gint64 updated_s, created_s;

      stmt = rk_database_prepare (db, INSERT_PROJECT, error);
      if (stmt == NULL)
        goto failed;

      make_uuid (id, rand);
      if (round == 0)
        g_snprintf (code, sizeof code, "%02u-%02u_%s", combo / n_ministries / 99 + 1,
                    combo / n_ministries % 99 + 1, ministry);
      else
        g_snprintf (code, sizeof code, "%02u-%02u_%s-%u", combo / n_ministries / 99 + 1,
                    combo / n_ministries % 99 + 1, ministry, round + 1);

      g_string_truncate (title, 0);
      append_title (title, rand);
      make_text (goal, rand, append_goal_sentence);
      make_text (current, rand, append_status_sentence);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, title->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, goal->str, -1, SQLITE_STATIC);

      /* A few projects not yet assigned to a field. */
      if (g_rand_int_range (rand, 0, 50) != 0)
        {
          field = g_list_model_get_item (fields, g_rand_int_range (rand, 0, n_fields));
          sqlite3_bind_text (stmt, 5, rk_field_get_id (field), -1, SQLITE_STATIC);
        }

      sqlite3_bind_text (stmt, 6, pillar_keys[pick_weighted (rand, pillar_weights, G_N_ELEMENTS (pillar_weights))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, status_keys[pick_weighted (rand, status_weights, G_N_ELEMENTS (status_weights))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, ministry, -1, SQLITE_STATIC);

      /* Volumes from 50,000 € to 150 million €, evenly on a log scale,
       * in whole thousands; one in ten has none recorded yet. */
      if (g_rand_int_range (rand, 0, 10) != 0)
        {
          double euros = exp (g_rand_double_range (rand, log (5e4), log (1.5e8)));
          sqlite3_bind_int64 (stmt, 9, (gint64) (euros / 1000) * 1000 * 100);
        }

      if (g_rand_int_range (rand, 0, 7) != 0)
        {
          g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2019);

          g_date_add_days (date, g_rand_int_range (rand, 0, 7 * 365));
          make_date (start, date);
          sqlite3_bind_text (stmt, 10, start, -1, SQLITE_STATIC);

          if (g_rand_int_range (rand, 0, 5) != 0)
            {
              g_date_add_years (date, g_rand_int_range (rand, 1, 11));
              make_date (end, date);
              sqlite3_bind_text (stmt, 11, end, -1, SQLITE_STATIC);
            }
        }

      sqlite3_bind_text (stmt, 12, current->str, -1, SQLITE_STATIC);

      updated_s = (gint64) (g_rand_double (rand) * span);
      created_s = updated_s - (gint64) (g_rand_double (rand) * updated_s);
      make_timestamp (created, created_s, g_rand_int_range (rand, 0, 1000000));
      make_timestamp (updated, updated_s, g_rand_int_range (rand, 0, 1000000));
      sqlite3_bind_text (stmt, 13, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, updated, -1, SQLITE_STATIC);

      if (!rk_database_step_done (db, stmt, error))
        goto failed;
    }

  /* Marks the file as the benchmark's own, so a later run replaces or
   * reuses it but never a database of real work given by mistake. */
  {
    RkStatement *stmt =
      rk_database_prepare (db, "INSERT OR REPLACE INTO local (key, value) VALUES (?, ?)", error);

    if (stmt == NULL)
      goto failed;
    mark = g_strdup_printf ("%u", n_projects);
    sqlite3_bind_text (stmt, 1, MARK_KEY, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, mark, -1, SQLITE_STATIC);
    if (!rk_database_step_done (db, stmt, error))
      goto failed;
  }

  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Preparing the file                                                  */
/* ------------------------------------------------------------------ */

/* The benchmark's mark of a database, -1 when it has none. */
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
      gint64 mark, count;

      if (old == NULL)
        return FALSE;

      mark = read_mark (old);
      if (mark < 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       "%s exists and was not made by this benchmark; it is left alone",
                       path);
          return FALSE;
        }

      count = rk_database_count_rows (old, "project", error);
      if (count < 0)
        return FALSE;
      if (reuse && mark == n_projects && count == n_projects)
        return TRUE;

      g_clear_object (&old);
      remove_database_files (path);
    }

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!generate (db, n_projects, error))
    return FALSE;
  *out_generate_s = (g_get_monotonic_time () - start) / 1e6;

  /* No ANALYZE: the app never runs it, so the planner works without
   * statistics here as on a user's laptop. Closing (when db goes out of
   * scope) checkpoints the WAL into the file, so each measured open reads
   * one plain database file. */
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

/* A line of /proc/self/status, such as VmHWM, in kB; -1 when unknown. */
static gint64
read_status_kb (const char *key)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize key_len = strlen (key);

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ':')
      return g_ascii_strtoll (lines[i] + key_len + 1, NULL, 10);

  return -1;
}

/* Writing 5 to clear_refs sets the peak back to the current RSS (Linux
 * 4.0 and later), so the peak measured is the app's, not the generator's. */
static gboolean
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, "5", 1) == 1;
  close (fd);
  return ok;
}

/* Drops the file's pages from the kernel's cache, as after a reboot; the
 * pages are clean after the connection closed, so the kernel lets go. */
static gboolean
evict_from_page_cache (const char *path)
{
  int fd = open (path, O_RDONLY);
  int rc;

  if (fd < 0)
    return FALSE;
  fdatasync (fd);
  rc = posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  close (fd);
  return rc == 0;
}

typedef struct
{
  double total;
  double open;
  double list;
  double page;
} OpenTimes;

static gboolean
measure_open (const char  *path,
              gboolean     cold,
              OpenTimes   *out,
              GError     **error)
{
  double total[N_RUNS], open_ms[N_RUNS], list_ms[N_RUNS], page_ms[N_RUNS];

  /* One warm-up run, then N_RUNS measured ones. */
  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(RkDatabase) db = NULL;
      g_autoptr(RkRecordList) projects = NULL;
      double t0, t1, t2, t3;

      if (cold)
        evict_from_page_cache (path);

      t0 = now_ms ();
      db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, error);
      if (db == NULL)
        return FALSE;
      t1 = now_ms ();
      projects = rk_project_list_new (db);
      t2 = now_ms ();
      for (guint i = 0; i < FIRST_PAGE; i++)
        {
          g_autoptr(RkProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
          g_assert (project != NULL || i >= g_list_model_get_n_items (G_LIST_MODEL (projects)));
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

/* What the list shows: search, filters and sort, as the interface sets
 * them. field is a position 1–5, 0 for all fields. */
typedef struct
{
  const char    *search;
  const char    *status;
  int            field;
  const char    *pillar;
  const char    *ministry;
  RkProjectSort  sort;
} ListState;

static const ListState all_projects = { NULL, NULL, 0, NULL, NULL, RK_PROJECT_SORT_TITLE };

static char *field_ids[6];

/* Each setter refreshes only when its value changes, so going from one
 * state to another that differs in one setting runs exactly one query. */
static void
apply_state (RkRecordList   *projects,
             const ListState *state)
{
  rk_record_list_set_search (projects, state->search);
  rk_project_list_set_status (projects, state->status);
  rk_project_list_set_field_id (projects, field_ids[state->field]);
  rk_project_list_set_pillar (projects, state->pillar);
  rk_project_list_set_lead_ministry (projects, state->ministry);
  rk_record_list_set_sort (projects, state->sort);
}

typedef struct
{
  const char *group;
  const char *label;
  ListState   from;
  ListState   to;
  double      target_ms;  /* 0 for a figure without a target */
} Change;

static const Change changes[] = {
  { "Search (rk_record_list_set_search, refreshes at once)", NULL, { 0 }, { 0 }, 0 },
  { NULL, "\"zoll\"", { NULL }, { "zoll" }, TARGET_CHANGE_MS },
  { NULL, "\"kunste\" (finds Künste)", { NULL }, { "kunste" }, TARGET_CHANGE_MS },
  { NULL, "\"mulheim\" (finds Mülheim)", { NULL }, { "mulheim" }, TARGET_CHANGE_MS },
  { NULL, "\"wasserstoff quartier\"", { NULL }, { "wasserstoff quartier" }, TARGET_CHANGE_MS },
  { NULL, "\"13-02\" (a code)", { NULL }, { "13-02" }, TARGET_CHANGE_MS },
  { NULL, "\"bildung forschung\"", { NULL }, { "bildung forschung" }, TARGET_CHANGE_MS },
  { NULL, "\"mkw\" (a lead ministry)", { NULL }, { "mkw" }, TARGET_CHANGE_MS },
  { NULL, "\"k\" (first letter typed)", { NULL }, { "k" }, TARGET_CHANGE_MS },
  { NULL, "\"xylophon\" (nothing)", { NULL }, { "xylophon" }, TARGET_CHANGE_MS },
  { NULL, "\"zoll\" -> \"zollv\" (typing on)", { "zoll" }, { "zollv" }, TARGET_CHANGE_MS },
  { NULL, "\"zoll\" -> none (search cleared)", { "zoll" }, { NULL }, TARGET_CHANGE_MS },

  { "Filter", NULL, { 0 }, { 0 }, 0 },
  { NULL, "status in_implementation", { NULL }, { NULL, "in_implementation" }, TARGET_CHANGE_MS },
  { NULL, "status not_pursued", { NULL }, { NULL, "not_pursued" }, TARGET_CHANGE_MS },
  { NULL, "field 3", { NULL }, { NULL, NULL, 3 }, TARGET_CHANGE_MS },
  { NULL, "pillar partner_project", { NULL }, { NULL, NULL, 0, "partner_project" }, TARGET_CHANGE_MS },
  { NULL, "lead ministry MKW", { NULL }, { NULL, NULL, 0, NULL, "MKW" }, TARGET_CHANGE_MS },
  { NULL, "+ MKW to status and field 3",
    { NULL, "in_implementation", 3 }, { NULL, "in_implementation", 3, NULL, "MKW" }, TARGET_CHANGE_MS },
  { NULL, "+ status to search \"zoll\"",
    { "zoll" }, { "zoll", "in_implementation" }, TARGET_CHANGE_MS },
  { NULL, "status cleared (all projects)", { NULL, "in_implementation" }, { NULL }, TARGET_CHANGE_MS },

  { "Sort (informational)", NULL, { 0 }, { 0 }, 0 },
  { NULL, "by code", { NULL }, { .sort = RK_PROJECT_SORT_CODE }, 0 },
  { NULL, "by status", { NULL }, { .sort = RK_PROJECT_SORT_STATUS }, 0 },
  { NULL, "by last change", { NULL }, { .sort = RK_PROJECT_SORT_UPDATED }, 0 },
  { NULL, "by title (from by code)", { .sort = RK_PROJECT_SORT_CODE }, { NULL }, 0 },
};

static double
measure_change (RkRecordList *projects,
                const Change  *change,
                guint         *out_n_items)
{
  double times[N_RUNS];

  for (int run = -1; run < N_RUNS; run++)
    {
      double t0;

      apply_state (projects, &all_projects);
      apply_state (projects, &change->from);

      t0 = now_ms ();
      apply_state (projects, &change->to);
      if (run >= 0)
        times[run] = now_ms () - t0;
    }

  *out_n_items = g_list_model_get_n_items (G_LIST_MODEL (projects));
  apply_state (projects, &all_projects);

  return median (times, N_RUNS);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

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

/* Pads by characters, not bytes, so labels with umlauts line up. */
static void
print_padded (const char *text,
              int         width)
{
  int n = g_utf8_strlen (text, -1);

  fputs (text, stdout);
  for (; n < width; n++)
    fputc (' ', stdout);
}

#define LABEL_WIDTH 40

static void
print_group (const char *title)
{
  printf ("\n%s\n", title);
}

/* One row: label, rows in the result (or blank), the figure, its target
 * and whether it is met. A target of 0 marks a figure without one. */
static void
print_row (const char *label,
           gint64      n_rows,
           double      value,
           const char *unit,
           double      target)
{
  g_autofree char *rows = n_rows >= 0 ? format_count (n_rows) : g_strdup ("");
  g_autofree char *indented = g_strconcat ("  ", label, NULL);

  print_padded (indented, LABEL_WIDTH);
  printf ("%9s %9.1f %-3s", rows, value, unit);
  if (target > 0)
    {
      gboolean met = value <= target;

      n_targets++;
      n_met += met;
      printf ("  <= %5.0f %-3s  %s\n", target, unit, met ? "PASS" : "MISS");
    }
  else
    printf ("\n");
}

/* ------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkRecordList) projects = NULL;
  g_autoptr(GListModel) fields = NULL;
  g_autofree char *database = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *n_text = NULL;
  int n_projects = 100000;
  gboolean reuse = FALSE;
  gboolean peak_reset;
  double generate_s;
  OpenTimes warm, cold;
  gboolean have_cold;
  gint64 rss_before_kb, hwm_kb, size;
  double scroll_start, scroll_s;
  guint n_items;
  GStatBuf st;
  const GOptionEntry entries[] = {
    { "projects", 'n', 0, G_OPTION_ARG_INT, &n_projects,
      "How many projects to generate (default 100000)", "N" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Keep the generated database in FILE instead of a temporary folder", "FILE" },
    { "reuse", 'r', 0, G_OPTION_ARG_NONE, &reuse,
      "Use the database FILE as it is when it already has N generated projects", NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Measures the project list of Ruhr-Konferenz on generated projects:\n"
    "opening with the first page, searches, filter and sort changes,\n"
    "and the peak memory after scrolling through the whole list.\n"
    "Exits 0 whether the targets are met or not; 1 if something fails.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-projects: %s\n", error->message);
      return 1;
    }
  if (n_projects < FIRST_PAGE)
    {
      fprintf (stderr, "bench-projects: --projects must be at least %d\n", FIRST_PAGE);
      return 1;
    }
  if (reuse && database == NULL)
    {
      fprintf (stderr, "bench-projects: --reuse needs --database FILE\n");
      return 1;
    }

  if (database == NULL)
    {
      tmp_dir = g_dir_make_tmp ("rk-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          fprintf (stderr, "bench-projects: %s\n", error->message);
          return 1;
        }
      database = g_build_filename (tmp_dir, "bench.db", NULL);
    }

  /* Error messages in UTF-8 whatever the locale; figures with a decimal
   * point whatever the language, so README can quote them. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  n_text = format_count (n_projects);
  printf ("Ruhr-Konferenz project list benchmark: %s projects\n", n_text);
  printf ("Each time is the median of %d runs after 1 warm-up run.\n", N_RUNS);
  printf ("SQLite %s, GLib %u.%u.%u\n", sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version);
  fflush (stdout);

  if (!prepare_database (database, n_projects, reuse, &generate_s, &error))
    {
      fprintf (stderr, "bench-projects: preparing %s failed: %s\n", database, error->message);
      return 1;
    }
  size = g_stat (database, &st) == 0 ? st.st_size : 0;
  if (generate_s >= 0)
    printf ("Database %s: generated in %.1f s, %.1f MiB\n",
            database, generate_s, size / 1048576.0);
  else
    printf ("Database %s: reused, %.1f MiB\n", database, size / 1048576.0);

  /* From here on the process is what the app would be. */
  peak_reset = reset_peak_rss ();

  print_group ("Open (rk_database_open + rk_project_list_new + first 30 items)");
  printf ("  %-*s%9s %9s %-3s  %s\n", LABEL_WIDTH - 2, "", "rows", "median", "", "target");
  if (!measure_open (database, FALSE, &warm, &error))
    {
      fprintf (stderr, "bench-projects: opening %s failed: %s\n", database, error->message);
      return 1;
    }
  print_row ("list ready after opening", n_projects, warm.total, "ms", TARGET_OPEN_MS);
  print_row ("  rk_database_open", -1, warm.open, "ms", 0);
  print_row ("  rk_project_list_new", -1, warm.list, "ms", 0);
  print_row ("  first 30 items", -1, warm.page, "ms", 0);

  have_cold = evict_from_page_cache (database);
  if (have_cold && measure_open (database, TRUE, &cold, &error))
    print_row ("same, file not in the OS cache", -1, cold.total, "ms", 0);
  g_clear_error (&error);

  db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-projects: opening %s failed: %s\n", database, error->message);
      return 1;
    }
  fields = rk_database_list_fields (db);
  for (guint i = 0; i < g_list_model_get_n_items (fields) && i < 5; i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (fields, i);
      field_ids[rk_field_get_position (field)] = g_strdup (rk_field_get_id (field));
    }
  projects = rk_project_list_new (db);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      double ms;

      if (changes[i].group != NULL)
        {
          print_group (changes[i].group);
          continue;
        }

      ms = measure_change (projects, &changes[i], &n_items);
      print_row (changes[i].label, n_items, ms, "ms", changes[i].target_ms);
      fflush (stdout);
    }

  /* A view asks for each item as it scrolls past and drops it once it is
   * out of sight; the list must not keep what it has handed out. */
  print_group ("Memory (scrolling through the whole list, item by item)");
  apply_state (projects, &all_projects);
  rss_before_kb = read_status_kb ("VmRSS");
  scroll_start = now_ms ();
  n_items = g_list_model_get_n_items (G_LIST_MODEL (projects));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RkProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
      if (project == NULL)
        {
          fprintf (stderr, "bench-projects: item %u of %u is missing\n", i, n_items);
          return 1;
        }
    }
  scroll_s = (now_ms () - scroll_start) / 1000.0;
  hwm_kb = read_status_kb ("VmHWM");

  print_row ("RSS before scrolling", -1, rss_before_kb / 1024.0, "MiB", 0);
  print_row (peak_reset ? "peak RSS after scrolling (VmHWM)"
                        : "peak RSS incl. generation (VmHWM)",
             n_items, hwm_kb / 1024.0, "MiB", TARGET_PEAK_MIB);
  print_row ("time to scroll through all", -1, scroll_s, "s", 0);
  printf ("  %-*s%9u\n", LABEL_WIDTH - 2, "items still held afterwards",
          rk_record_list_get_n_loaded (projects));

  printf ("\n%u of %u targets met.\n", n_met, n_targets);

  g_clear_object (&projects);
  g_clear_object (&fields);
  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (field_ids); i++)
    g_free (field_ids[i]);

  if (tmp_dir != NULL)
    {
      remove_database_files (database);
      g_rmdir (tmp_dir);
    }

  return 0;
}
