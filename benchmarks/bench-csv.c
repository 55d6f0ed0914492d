/* bench-csv.c: importing and exporting 100,000 projects as CSV
 *
 * Generates a German Excel file of projects (deterministic: a fixed seed)
 * with every column filled as a ministry's spreadsheet would fill it,
 * texts of 10 to 40 words, then measures what the user waits for: the
 * import into an empty database (reading the file, planning, writing in
 * one transaction with the search index), the same file again (everything
 * unchanged), and the export in both formats. It also shows the checkpoint
 * that follows an import in the background (copying the write-ahead log
 * into the database file; the window is usable meanwhile), and for
 * comparison a file with the same columns but no long texts, since the
 * search index is much of the cost. Each figure is the median of several runs and stands beside
 * the target; it exits 0 whether the targets are met or not: a
 * benchmark, not a test.
 *
 *   bench-csv [--projects N] [--keep FOLDER]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rk-database-private.h"
#include "rk-export.h"
#include "rk-import.h"

#define SEED 20191105
#define IMPORT_RUNS 5
#define EXPORT_RUNS 5
#define TARGET_IMPORT_S 3.0
#define TARGET_EXPORT_S 1.0

static const char * const ministries[] = {
  "MKW", "MWIDE", "MSB", "MI", "VM", "MULNV", "MAGS", "MKFFI", "FM", "MdJ", "MHKBD", "MBEI", "StK",
};
static const char * const statuses[] = {
  "Projektvorschlag", "Umsetzbarkeit und Finanzierbarkeit werden geprüft", "In Umsetzung",
  "Abgeschlossen", "Nicht weiterverfolgt",
};
static const char * const pillars[] = { "Ressortprojekt", "Partnerprojekt", "Landesprogramm" };
static const char * const fields[] = {
  "Vernetzte Mobilität – kurze Wege", "Erfolgreiche Wirtschaft – gute Arbeit",
  "Gelebte Vielfalt – starker Zusammenhalt", "Sichere Energie – gesunde Umwelt",
  "Beste Bildung – exzellente Forschung",
};
static const char * const themes[] = {
  "Mobilität", "Radschnellweg", "Nahverkehr", "Wasserstoff", "Energiewende", "Klimaanpassung",
  "Quartier", "Industriekultur", "Künste", "Zirkus", "Gesundheit", "Bildung", "Grundschule",
  "Hochschule", "Forschung", "Gründung", "Digitalisierung", "Glasfaser", "Integration",
  "Zusammenhalt", "Fachkräfte", "Handwerk", "Tourismus", "Renaturierung", "Strukturwandel",
};
static const char * const places[] = {
  "Ruhr", "Emscher", "Zollverein", "Phoenix-See", "Bochum", "Dortmund", "Duisburg", "Essen",
  "Gelsenkirchen", "Mülheim", "Oberhausen", "Recklinghausen", "Bönen", "Hünxe", "Xanten",
};
static const char * const municipalities[] = {
  "Bochum", "Dortmund", "Duisburg", "Essen", "Mülheim an der Ruhr", "Hamm", "Herne",
  "Wetter (Ruhr)", "Castrop-Rauxel", "Bönen", "Fröndenberg", "Hünxe", "Voerde (Niederrhein)",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* 10 to 40 words in sentences; a third with a line break, as Excel cells
 * with Alt+Enter have them. */
static void
append_text (GString *out,
             GRand   *rand)
{
  int words = 0, wanted = g_rand_int_range (rand, 10, 41);

  while (words < wanted)
    {
      if (words > 0)
        g_string_append (out, g_rand_int_range (rand, 0, 6) == 0 ? "\n" : " ");
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          g_string_append_printf (out, "Ziel ist es, %s in %s zu stärken.", PICK (rand, themes), PICK (rand, places));
          words += 8;
          break;
        case 1:
          g_string_append_printf (out, "Bis %d sollen %d Standorte für %s entstehen.",
                                  g_rand_int_range (rand, 2025, 2036), g_rand_int_range (rand, 3, 250),
                                  PICK (rand, themes));
          words += 8;
          break;
        default:
          g_string_append_printf (out, "Gemeinsam mit Partnern aus %s; %s und \"%s\" im Mittelpunkt.",
                                  PICK (rand, places), PICK (rand, themes), PICK (rand, themes));
          words += 10;
          break;
        }
    }
}

static char *
generate (const char *folder,
          const char *name,
          guint       n_projects,
          gboolean    texts)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF" "Kennung;Titel;Handlungsfeld;Säule;Status;"
                                         "Federführung;Projektvolumen (EUR);Beginn;Ende;Ziel;Mehrwert;"
                                         "Vorgehen;Nutzen für;Aktueller Stand;Ausblick;Kommunen\r\n");
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  for (guint i = 0; i < n_projects; i++)
    {
      int year = g_rand_int_range (rand, 2019, 2026);

      g_string_append_printf (out, "%02u-%03u_%s;%s %s %s;%s;%s;%s;%s;%d,%02d;01.%02d.%d;31.12.%d;",
                              i / 1000 + 1, i % 1000, PICK (rand, ministries),
                              PICK (rand, themes), PICK (rand, themes), PICK (rand, places),
                              PICK (rand, fields), PICK (rand, pillars), PICK (rand, statuses),
                              PICK (rand, ministries), g_rand_int_range (rand, 10000, 50000000),
                              g_rand_int_range (rand, 0, 100), g_rand_int_range (rand, 1, 13), year,
                              year + g_rand_int_range (rand, 1, 10));

      /* Ziel and Aktueller Stand have texts; the other texts are empty,
       * as in most sheets. */
      g_string_truncate (cell, 0);
      append_text (cell, rand);
      rk_csv_append_cell (out, texts ? cell->str : NULL, ';');
      g_string_append (out, ";;;Bürgerinnen und Bürger;");
      g_string_truncate (cell, 0);
      append_text (cell, rand);
      rk_csv_append_cell (out, texts ? cell->str : NULL, ';');
      g_string_append (out, ";;");

      if (i % 3 == 0)
        {
          g_string_truncate (cell, 0);
          g_string_append_printf (cell, "%s, %s", PICK (rand, municipalities), PICK (rand, municipalities));
          rk_csv_append_cell (out, cell->str, ';');
        }
      g_string_append (out, "\r\n");
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  return path;
}

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

static guint n_targets, n_met;

static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
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

static void
report (const char *what,
        guint       rows,
        double      seconds,
        double      target)
{
  g_autofree char *count = rows > 0 ? format_count (rows) : g_strdup ("");

  printf ("| %s | %s | %.2f s | ", what, count, seconds);
  if (target > 0)
    {
      gboolean met = seconds <= target;

      n_targets++;
      n_met += met;
      printf ("≤ %.0f s %s |\n", target, met ? "PASS" : "MISS");
    }
  else
    printf (" |\n");
  fflush (stdout);
}

/* Imports @csv into @database: reading, then planning and writing. */
static void
import_once (const char *database,
             const char *csv,
             guint       expect_new,
             double     *out_read,
             double     *out_write,
             double     *out_checkpoint)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkImport) import = rk_import_new (RK_CSV_KIND_PROJECTS);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GError) error = NULL;
  double start;

  db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  start = now_s ();
  if (!rk_import_read_file (import, file, NULL, &error))
    g_error ("%s", error->message);
  *out_read = now_s () - start;

  start = now_s ();
  if (!rk_import_apply (import, db, 10, NULL, &error))
    g_error ("%s", error->message);
  *out_write = now_s () - start;

  start = now_s ();
  sqlite3_wal_checkpoint_v2 (rk_database_get_handle (db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (out_checkpoint != NULL)
    *out_checkpoint = now_s () - start;

  if (rk_import_get_n_new (import) != expect_new || rk_import_get_n_errors (import) != 0)
    g_error ("expected %u new projects, got %u", expect_new, rk_import_get_n_new (import));
}

static void
fresh_database (const char *database)
{
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database, "-shm", NULL);

  g_unlink (database);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *short_csv = NULL;
  g_autofree char *database = NULL;
  int n_projects = 100000;
  double read[IMPORT_RUNS], write[IMPORT_RUNS], total[IMPORT_RUNS];
  double again_read[IMPORT_RUNS], again_write[IMPORT_RUNS], again[IMPORT_RUNS];
  double checkpoint[IMPORT_RUNS], short_total[IMPORT_RUNS];
  double de[EXPORT_RUNS], en[EXPORT_RUNS];
  GStatBuf st;
  const GOptionEntry entries[] = {
    { "projects", 'n', 0, G_OPTION_ARG_INT, &n_projects, "How many projects (default 100000)", "N" },
    { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &folder, "Keep the files in FOLDER", "FOLDER" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_projects < 1)
    {
      fprintf (stderr, "bench-csv: %s\n", error != NULL ? error->message : "--projects must be positive");
      return 1;
    }

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  if (folder == NULL)
    folder = g_dir_make_tmp ("rk-bench-csv-XXXXXX", NULL);
  g_mkdir_with_parents (folder, 0700);
  database = g_build_filename (folder, "bench.db", NULL);

  printf ("Ruhr-Konferenz CSV benchmark: %d projects\n", n_projects);
  printf ("Import: median of %d runs, each into a new database; export: median of %d runs.\n",
          IMPORT_RUNS, EXPORT_RUNS);
  printf ("SQLite %s, GLib %u.%u.%u\n", sqlite3_libversion (),
          glib_major_version, glib_minor_version, glib_micro_version);
  csv = generate (folder, "projekte.csv", n_projects, TRUE);
  short_csv = generate (folder, "projekte-ohne-texte.csv", n_projects, FALSE);
  printf ("File %s: %.1f MiB, German Excel format (UTF-8 with BOM, semicolons)\n\n",
          csv, g_stat (csv, &st) == 0 ? st.st_size / 1048576.0 : 0.0);
  printf ("| what | rows | median | target |\n| --- | ---: | ---: | ---: |\n");

  for (guint i = 0; i < IMPORT_RUNS; i++)
    {
      fresh_database (database);
      import_once (database, csv, n_projects, &read[i], &write[i], &checkpoint[i]);
      total[i] = read[i] + write[i];
      import_once (database, csv, 0, &again_read[i], &again_write[i], NULL);
      again[i] = again_read[i] + again_write[i];

      fresh_database (database);
      import_once (database, short_csv, n_projects, &again_read[i], &again_write[i], NULL);
      short_total[i] = again_read[i] + again_write[i];

      /* The database the export reads is the full one. */
      fresh_database (database);
      import_once (database, csv, n_projects, &again_read[i], &again_write[i], NULL);
    }

  report ("import into an empty database", n_projects, median (total, IMPORT_RUNS), TARGET_IMPORT_S);
  report ("  reading (decode, split, headings)", 0, median (read, IMPORT_RUNS), 0);
  report ("  planning and writing, one transaction", 0, median (write, IMPORT_RUNS), 0);
  report ("  then, in the background: the log copied into the file", 0, median (checkpoint, IMPORT_RUNS), 0);
  report ("the same file again (all unchanged)", n_projects, median (again, IMPORT_RUNS), 0);
  report ("for comparison: no long texts (code, title, labels, figures, dates)", n_projects,
          median (short_total, IMPORT_RUNS), 0);

  for (guint i = 0; i < EXPORT_RUNS; i++)
    {
      g_autoptr(RkDatabase) db = rk_database_open (database, RK_DATABASE_OPEN_READ_ONLY, &error);
      g_autofree char *out_de = g_build_filename (folder, "export-de.csv", NULL);
      g_autofree char *out_en = g_build_filename (folder, "export-en.csv", NULL);
      g_autoptr(GFile) file_de = g_file_new_for_path (out_de);
      g_autoptr(GFile) file_en = g_file_new_for_path (out_en);
      double start;

      if (db == NULL)
        g_error ("%s", error->message);

      start = now_s ();
      if (!rk_export_csv (db, RK_CSV_KIND_PROJECTS, NULL, RK_CSV_FORMAT_DE, file_de, NULL, NULL, &error))
        g_error ("%s", error->message);
      de[i] = now_s () - start;

      start = now_s ();
      if (!rk_export_csv (db, RK_CSV_KIND_PROJECTS, NULL, RK_CSV_FORMAT_EN, file_en, NULL, NULL, &error))
        g_error ("%s", error->message);
      en[i] = now_s () - start;
    }

  report ("export, de", n_projects, median (de, EXPORT_RUNS), TARGET_EXPORT_S);
  report ("export, en", n_projects, median (en, EXPORT_RUNS), TARGET_EXPORT_S);

  printf ("\n%u of %u targets met.\n", n_met, n_targets);
  return 0;
}
