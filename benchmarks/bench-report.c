/* bench-report.c: a progress report of 1,000 projects written as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a database with generated projects, each with a current-status
 * text and milestones, takes a progress report of them, and measures what
 * "Export as PDF…" and `--report-pdf` cost: reading the report, laying it
 * out and writing every page. It prints the median of 5 runs (after one
 * warm-up) beside the target, 2 s, and exits 0 whether the target
 * is met or not; 1 only when something fails outright.
 *
 * The data comes from a fixed seed, so every run measures the same report.
 */
#define G_LOG_DOMAIN "bench-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rk-database-private.h"
#include "rk-reference.h"
#include "rk-report-pdf.h"
#include "rk-report.h"

#define N_RUNS 5
#define SEED 20211207 /* the day the cabinet adopted the Progress Report 2021 */
#define TARGET_MS 2000.0

static const char * const ministries[] = {
  "MKW", "MWIDE", "MSB", "MI", "VM", "MULNV", "MAGS", "MKFFI", "FM", "MdJ",
  "MHKBD", "MBEI", "StK",
};

static const char * const themes[] = {
  "Mobilität", "Radschnellweg", "Nahverkehr", "Wasserstoff", "Klimaschutz",
  "Quartier", "Industriekultur", "Künste", "Bildung", "Grundschule",
  "Forschung", "Gründung", "Digitalisierung", "Sicherheit", "Integration",
  "Fachkräfte", "Tourismus", "Renaturierung", "Strukturwandel", "Campus",
};

static const char * const places[] = {
  "Ruhr", "Emscher", "Zollverein", "Bochum", "Dortmund", "Duisburg", "Essen",
  "Gelsenkirchen", "Hagen", "Hamm", "Herne", "Oberhausen", "Recklinghausen",
  "Unna", "Wesel", "Moers", "Witten", "Marl",
};

static const char * const sentences[] = {
  "Die Förderbescheide wurden übergeben.",
  "Die Kommunen haben mit der Umsetzung begonnen.",
  "Die Ausschreibung ist abgeschlossen.",
  "Ein erster Abschnitt wurde eröffnet.",
  "Die Machbarkeitsstudie liegt vor; die Finanzierung wird geprüft.",
  "Der Beirat hat das Vorhaben beraten.",
  "Zurzeit werden Partner aus der Region gewonnen.",
  "Die Arbeiten liegen im Zeitplan.",
};

static const char * const milestone_texts[] = {
  "Vertrag unterzeichnet", "Förderbescheid übergeben", "Baubeginn",
  "Eröffnung", "Zwischenbericht vorgelegt", "Ausschreibung veröffentlicht",
};

static const char * const status_keys[] = {
  "proposal", "under_review", "in_implementation", "completed", "not_pursued",
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

/* Writes the projects and their milestones in one transaction. */
static gboolean
generate (RkDatabase  *db,
          guint        n_projects,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GListModel) fields = rk_database_list_fields (db);
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *now = "2021-12-01T00:00:00.000000Z";

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (fields, i % g_list_model_get_n_items (fields));
      RkStatement *stmt;
      char id[37], code[32];
      int n_sentences = g_rand_int_range (rand, 2, 6);
      int n_milestones = g_rand_int_range (rand, 0, 5);

      make_uuid (id, rand);
      g_snprintf (code, sizeof code, "%02u-%03u_%s", i % 99 + 1, i + 1, PICK (rand, ministries));
      g_string_printf (title, "%s %s %u", PICK (rand, themes), PICK (rand, places), i + 1);
      g_string_truncate (text, 0);
      for (int s = 0; s < n_sentences; s++)
        g_string_append_printf (text, "%s%s", s > 0 ? " " : "", PICK (rand, sentences));

      stmt = rk_database_prepare (db, "INSERT INTO project (id, code, title, field_id, status, lead_ministry,"
                                      " volume_cents, current_status, created_at, updated_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, title->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, rk_field_get_id (field), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, PICK (rand, status_keys), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, strchr (code, '_') + 1, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, (gint64) g_rand_int_range (rand, 50, 150000) * 100000);
      sqlite3_bind_text (stmt, 8, text->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
      if (!rk_database_step_done (db, stmt, error))
        goto failed;

      for (int m = 0; m < n_milestones; m++)
        {
          char milestone_id[37], date[11];

          make_uuid (milestone_id, rand);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_rand_int_range (rand, 2019, 2027),
                      g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          stmt = rk_database_prepare (db, "INSERT INTO milestone (id, project_id, date, text, done,"
                                          " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_text (stmt, 1, milestone_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, PICK (rand, milestone_texts), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, g_rand_boolean (rand));
          sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
          if (!rk_database_step_done (db, stmt, error))
            goto failed;
        }
    }

  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

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

static void
print_row (const char *label,
           double      value,
           const char *unit,
           double      target)
{
  printf ("  %-44s %9.1f %-3s", label, value, unit);
  if (target > 0)
    printf ("  <= %6.0f %-3s  %s\n", target, unit, value <= target ? "PASS" : "MISS");
  else
    printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *keep = NULL;
  int n_projects = 1000;
  double write_ms[N_RUNS], load_ms[N_RUNS], layout_ms[N_RUNS];
  double generate_start, generate_ms, create_start, create_ms;
  guint n_pages = 0;
  GStatBuf st;
  const GOptionEntry entries[] = {
    { "projects", 'n', 0, G_OPTION_ARG_INT, &n_projects,
      "How many projects to generate (default 1000)", "N" },
    { "keep-pdf", 'k', 0, G_OPTION_ARG_FILENAME, &keep,
      "Keep the last PDF written as FILE, to look at", "FILE" },
    { "keep-database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "Keep the generated database as FILE (it must not exist)", "FILE" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "Measures writing a progress report of generated projects as PDF.\n"
    "Exits 0 whether the target is met or not; 1 if something fails.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 1;
    }
  if (n_projects < 1)
    {
      fprintf (stderr, "bench-report: --projects must be at least 1\n");
      return 1;
    }

  /* The report in the user's language, figures with a decimal point. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  tmp_dir = g_dir_make_tmp ("rk-bench-report-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      fprintf (stderr, "bench-report: %s\n", error->message);
      return 1;
    }
  if (database == NULL)
    database = g_build_filename (tmp_dir, "bench.db", NULL);
  else if (g_file_test (database, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, "bench-report: %s exists; it is left alone\n", database);
      return 1;
    }
  pdf = g_build_filename (tmp_dir, "report.pdf", NULL);

  printf ("Ruhr-Konferenz progress report benchmark: %d projects\n", n_projects);
  printf ("Each time is the median of %d runs after 1 warm-up run.\n", N_RUNS);
  fflush (stdout);

  db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
  generate_start = now_ms ();
  if (db == NULL || !generate (db, n_projects, &error))
    {
      fprintf (stderr, "bench-report: generating the projects failed: %s\n", error->message);
      return 1;
    }
  generate_ms = now_ms () - generate_start;

  create_start = now_ms ();
  report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", &error);
  if (report == NULL)
    {
      fprintf (stderr, "bench-report: taking the report failed: %s\n", error->message);
      return 1;
    }
  create_ms = now_ms () - create_start;

  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (pdf);
      g_autoptr(RkReportDocument) document = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double t0, t1, t2, t3;

      /* The whole export, as the window and --report-pdf do it. */
      t0 = now_ms ();
      if (!rk_report_pdf_write (db, rk_report_get_id (report), file, NULL, &error))
        {
          fprintf (stderr, "bench-report: writing the PDF failed: %s\n", error->message);
          return 1;
        }
      t1 = now_ms ();

      /* Its first two steps alone: reading, and laying out the pages. */
      document = rk_report_document_new (db, rk_report_get_id (report), &error);
      t2 = now_ms ();
      surface = cairo_pdf_surface_create_for_stream (NULL, NULL, RK_REPORT_PAGE_WIDTH, RK_REPORT_PAGE_HEIGHT);
      cr = cairo_create (surface);
      n_pages = rk_report_document_paginate (document, cr, RK_REPORT_PAGE_WIDTH, RK_REPORT_PAGE_HEIGHT);
      t3 = now_ms ();
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      if (run >= 0)
        {
          write_ms[run] = t1 - t0;
          load_ms[run] = t2 - t1;
          layout_ms[run] = t3 - t2;
        }
    }

  printf ("Generated %d projects with milestones in %.0f ms; report taken in %.0f ms\n",
          n_projects, generate_ms, create_ms);
  printf ("\n  %-44s %9s %-3s  %s\n", "", "median", "", "target");
  print_row ("report written as PDF", median (write_ms, N_RUNS), "ms", TARGET_MS);
  print_row ("  reading the report", median (load_ms, N_RUNS), "ms", 0);
  print_row ("  laying out the pages", median (layout_ms, N_RUNS), "ms", 0);
  printf ("  %-44s %9u\n", "pages", n_pages);
  if (g_stat (pdf, &st) == 0)
    print_row ("PDF size", st.st_size / 1048576.0, "MiB", 0);

  if (keep != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (pdf);
      g_autoptr(GFile) to = g_file_new_for_commandline_arg (keep);

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        {
          fprintf (stderr, "bench-report: keeping the PDF failed: %s\n", error->message);
          return 1;
        }
      printf ("The PDF is kept as %s\n", keep);
    }

  g_clear_object (&report);
  g_clear_object (&db);
  g_unlink (pdf);
  if (g_str_has_prefix (database, tmp_dir))
    {
      const char * const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (database, suffixes[i], NULL);
          g_unlink (file);
        }
    }
  g_rmdir (tmp_dir);

  return 0;
}
