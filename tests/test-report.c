/* test-report.c: progress reports, the headline sentence, the chart and
 * the PDF
 *
 * Run twice: in English, and in German (LANGUAGE=de), where the headline
 * must read as the progress reports write it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <pango/pangocairo.h>

#include "rk-chart.h"
#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-project.h"
#include "rk-report-pdf.h"
#include "rk-report.h"
#include "rk-summary.h"
#include "rk-test-util.h"

#define FIELD_MOBILITY  "013d95f2-394c-5685-a211-d33321d564f9"
#define FIELD_ECONOMY   "fa286129-ddb4-5850-8311-89ad8bd5bd68"
#define FIELD_DIVERSITY "5a540593-f64e-567f-a631-068c2d16ffb5"
#define FIELD_ENERGY    "3d4871be-ff18-57ca-9c0c-6140cba11d56"
#define FIELD_EDUCATION "8c57e2b9-68fb-5100-99c6-59c8d299543d"

static gboolean
is_german (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de");
}

static RkProject *
add_project (RkDatabase *db,
             const char *code,
             const char *title,
             const char *field_id,
             RkStatus    status,
             const char *current_status,
             gint64      volume_cents)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "code", code, "title", title, "field-id", field_id,
                "status", status, "current-status", current_status,
                "lead-ministry", "MKW", "volume-cents", volume_cents, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
  return project;
}

static void
save_project (RkDatabase *db,
              RkProject  *project)
{
  g_autoptr(GError) error = NULL;

  rk_project_save (project, db, &error);
  g_assert_no_error (error);
}

static char *
table_dump (RkDatabase *db,
            const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, i) ?: (const guint8 *) "NULL");
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Both tables of reports, to see that nothing in them changed. */
static char *
reports_dump (RkDatabase *db)
{
  g_autofree char *reports = table_dump (db, "SELECT * FROM report ORDER BY id");
  g_autofree char *entries = table_dump (db, "SELECT * FROM report_entry ORDER BY id");

  return g_strconcat (reports, entries, NULL);
}

static RkReportEntry *
find_entry (GListModel *entries,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RkReportEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (rk_report_entry_get_project_title (entry), title))
        return entry;
    }

  g_assert_not_reached ();
}

/* The headline sentence */

static char *
headline (guint proposal,
          guint under_review,
          guint in_implementation,
          guint completed,
          guint not_pursued)
{
  guint counts[RK_N_STATUSES] = { proposal, under_review, in_implementation, completed, not_pursued };

  return rk_headline_sentence (counts);
}

static void
test_headline_published (void)
{
  g_autofree char *sentence = headline (0, 17, 55, 1, 0);

  /* The Progress Report 2021: 55 in implementation, 1 completed, 17
   * under review. */
  if (is_german ())
    g_assert_cmpstr (sentence, ==, "Von den 73 Projekten sind 55 in Umsetzung, 1 ist abgeschlossen "
                                   "und bei 17 werden Umsetzbarkeit und Finanzierbarkeit geprüft.");
  else
    g_assert_cmpstr (sentence, ==, "Of the 73 projects, 55 are in implementation, 1 is completed "
                                   "and for 17 feasibility and financing are under review.");
}

static void
test_headline_other_reports (void)
{
  g_autofree char *report_2024 = headline (0, 0, 16, 42, 15);
  g_autofree char *two = headline (1, 0, 0, 0, 1);
  g_autofree char *all = headline (2, 3, 4, 5, 6);

  /* Progress Report 2024; the first clause may be any status. */
  if (is_german ())
    {
      g_assert_cmpstr (report_2024, ==, "Von den 73 Projekten sind 16 in Umsetzung, 42 sind abgeschlossen "
                                        "und 15 werden nicht weiterverfolgt.");
      g_assert_cmpstr (two, ==, "Von den 2 Projekten ist 1 ein Projektvorschlag und 1 wird nicht weiterverfolgt.");
      g_assert_cmpstr (all, ==, "Von den 20 Projekten sind 4 in Umsetzung, 5 sind abgeschlossen, "
                                "bei 3 werden Umsetzbarkeit und Finanzierbarkeit geprüft, "
                                "2 sind Projektvorschläge und 6 werden nicht weiterverfolgt.");
    }
  else
    {
      g_assert_cmpstr (report_2024, ==, "Of the 73 projects, 16 are in implementation, 42 are completed "
                                        "and 15 are not pursued further.");
      g_assert_cmpstr (two, ==, "Of the 2 projects, 1 is a proposal and 1 is not pursued further.");
      g_assert_cmpstr (all, ==, "Of the 20 projects, 4 are in implementation, 5 are completed, "
                                "for 3 feasibility and financing are under review, "
                                "2 are proposals and 6 are not pursued further.");
    }
}

static void
test_headline_one_project (void)
{
  g_autofree char *implementation = headline (0, 0, 1, 0, 0);
  g_autofree char *review = headline (0, 1, 0, 0, 0);

  if (is_german ())
    {
      g_assert_cmpstr (implementation, ==, "Das einzige Projekt ist in Umsetzung.");
      g_assert_cmpstr (review, ==, "Beim einzigen Projekt werden Umsetzbarkeit und Finanzierbarkeit geprüft.");
    }
  else
    {
      g_assert_cmpstr (implementation, ==, "The only project is in implementation.");
      g_assert_cmpstr (review, ==, "For the only project, feasibility and financing are under review.");
    }
}

static void
test_headline_no_projects (void)
{
  g_autofree char *none = headline (0, 0, 0, 0, 0);

  g_assert_cmpstr (none, ==, is_german () ? "Es sind noch keine Projekte erfasst."
                                          : "There are no projects yet.");
}

static void
test_headline_single_status (void)
{
  g_autofree char *five = headline (0, 0, 5, 0, 0);
  g_autofree char *two = headline (0, 0, 0, 2, 0);
  g_autofree char *dropped = headline (0, 0, 0, 0, 3);

  if (is_german ())
    {
      g_assert_cmpstr (five, ==, "Alle 5 Projekte sind in Umsetzung.");
      g_assert_cmpstr (two, ==, "Beide Projekte sind abgeschlossen.");
      g_assert_cmpstr (dropped, ==, "Keines der 3 Projekte wird weiterverfolgt.");
    }
  else
    {
      g_assert_cmpstr (five, ==, "All 5 projects are in implementation.");
      g_assert_cmpstr (two, ==, "Both projects are completed.");
      g_assert_cmpstr (dropped, ==, "None of the 3 projects is pursued further.");
    }
}

/* Snapshot, freeze, duplicate, compare */

static void
test_snapshot (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) spin = add_project (db, "04-01_MWIDE", "Spitzencluster Industrielle Innovationen (SPIN)",
                                           FIELD_ENERGY, RK_STATUS_IN_IMPLEMENTATION,
                                           "SPIN e.V. arbeitet seit 2019.", 1500000000);
  g_autoptr(RkProject) kuenste = add_project (db, "07-01_MKW", "Neue Künste Ruhr", FIELD_DIVERSITY,
                                              RK_STATUS_UNDER_REVIEW, "", RK_NO_VOLUME);
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  RkReportEntry *entry;

  report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (rk_report_get_id (report)));
  g_assert_cmpint (rk_report_get_state (report), ==, RK_REPORT_DRAFT);

  /* Every project, with its status and text as they are now, in the order
   * of the fields (diversity is field 3, energy field 4). */
  entries = rk_report_list_entries (report, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  entry = find_entry (entries, "Neue Künste Ruhr");
  g_assert_cmpstr (rk_report_entry_get_project_code (entry), ==, "07-01_MKW");
  g_assert_cmpstr (rk_report_entry_get_field_id (entry), ==, FIELD_DIVERSITY);
  g_assert_cmpint (rk_report_entry_get_status (entry), ==, RK_STATUS_UNDER_REVIEW);
  {
    g_autoptr(RkReportEntry) first = g_list_model_get_item (entries, 0);
    g_assert_true (first == entry);
  }
  entry = find_entry (entries, "Spitzencluster Industrielle Innovationen (SPIN)");
  g_assert_cmpstr (rk_report_entry_get_text (entry), ==, "SPIN e.V. arbeitet seit 2019.");
  g_assert_cmpstr (rk_report_entry_get_project_id (entry), ==, rk_project_get_id (spin));

  /* The report no longer follows the projects. */
  g_object_set (spin, "status", RK_STATUS_COMPLETED, "current-status", "Abgeschlossen.",
                "title", "SPIN", NULL);
  save_project (db, spin);
  g_clear_object (&entries);
  entries = rk_report_list_entries (report, db, &error);
  entry = find_entry (entries, "Spitzencluster Industrielle Innovationen (SPIN)");
  g_assert_cmpint (rk_report_entry_get_status (entry), ==, RK_STATUS_IN_IMPLEMENTATION);
  g_assert_cmpstr (rk_report_entry_get_text (entry), ==, "SPIN e.V. arbeitet seit 2019.");

  /* A draft's entries can be edited. */
  g_object_set (entry, "status", RK_STATUS_COMPLETED, "text", "Überführt in SPIN e.V.", NULL);
  g_assert_true (rk_report_entry_save (entry, db, &error));
  g_assert_no_error (error);
  g_autofree char *row = table_dump (db, "SELECT status, text FROM report_entry WHERE project_title LIKE 'Spitzen%'");
  g_assert_cmpstr (row, ==, "completed|Überführt in SPIN e.V.|\n");

  /* A title and a valid date are required. */
  g_assert_null (rk_report_create (db, "  ", "2021-12-07", &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_TITLE_REQUIRED);
  g_clear_error (&error);
  g_assert_null (rk_report_create (db, "Bericht", "2021-02-30", &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_assert_cmpint (rk_database_count_rows (db, "report", NULL), ==, 1);
}

static void
test_adopt_freezes (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, "13-02_VM", "Mobilitätsregion", FIELD_MOBILITY,
                                              RK_STATUS_IN_IMPLEMENTATION, "Förderbescheid übergeben.", 100);
  g_autoptr(RkReport) report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  g_autoptr(RkReport) stale = NULL;
  g_autoptr(RkReport) next = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) next_entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RkReportEntry *entry;

  stale = rk_report_load (db, rk_report_get_id (report), &error);
  entries = rk_report_list_entries (report, db, &error);
  g_assert_no_error (error);

  g_assert_true (rk_report_adopt (report, db, &error));
  g_assert_no_error (error);
  g_assert_true (rk_report_is_adopted (report));
  before = reports_dump (db);

  /* The entries refuse edits, with a sentence that says why. */
  entry = find_entry (entries, "Mobilitätsregion");
  g_object_set (entry, "text", "Geändert", NULL);
  g_assert_false (rk_report_entry_save (entry, db, &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED);
  g_assert_nonnull (strstr (error->message, "Fortschrittsbericht 2021"));
  g_clear_error (&error);

  /* So do the title and date, even through an object loaded before the
   * adoption, which learns of it. */
  g_assert_false (rk_report_is_adopted (stale));
  g_object_set (stale, "title", "Umbenannt", NULL);
  g_assert_false (rk_report_save (stale, db, &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED);
  g_assert_true (rk_report_is_adopted (stale));
  g_clear_error (&error);

  g_assert_false (rk_report_adopt (report, db, &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED);
  g_clear_error (&error);
  g_assert_false (rk_report_delete (db, rk_report_get_id (report), NULL, &error));
  g_assert_error (error, RK_REPORT_ERROR, RK_REPORT_ERROR_ADOPTED);
  g_clear_error (&error);

  after = reports_dump (db);
  g_assert_cmpstr (before, ==, after);

  /* Deleting the project keeps the adopted report as it was. */
  g_assert_true (rk_project_delete (db, rk_project_get_id (project), NULL, &error));
  g_clear_pointer (&after, g_free);
  after = table_dump (db, "SELECT project_id, project_code, project_title, status, text FROM report_entry");
  g_assert_cmpstr (after, ==, "NULL|13-02_VM|Mobilitätsregion|in_implementation|Förderbescheid übergeben.|\n");

  /* Duplicate as Draft starts the next report from this one. */
  next = rk_report_duplicate (report, db, "Fortschrittsbericht 2022", "2022-12-31", &error);
  g_assert_no_error (error);
  g_assert_false (rk_report_is_adopted (next));
  g_assert_cmpstr (rk_report_get_title (next), ==, "Fortschrittsbericht 2022");
  next_entries = rk_report_list_entries (next, db, &error);
  g_assert_cmpuint (g_list_model_get_n_items (next_entries), ==, 1);
  entry = find_entry (next_entries, "Mobilitätsregion");
  g_assert_cmpstr (rk_report_entry_get_text (entry), ==, "Förderbescheid übergeben.");
  g_object_set (entry, "text", "Erster Abschnitt eröffnet.", NULL);
  g_assert_true (rk_report_entry_save (entry, db, &error));
  g_assert_no_error (error);

  /* The latest report is the new draft; its previous one the adopted. */
  {
    g_autoptr(RkReport) latest = rk_report_find_latest (db, &error);
    g_autoptr(RkReport) previous = rk_report_find_previous (next, db, &error);
    g_autoptr(RkReport) none = rk_report_find_previous (report, db, &error);

    g_assert_cmpstr (rk_report_get_id (latest), ==, rk_report_get_id (next));
    g_assert_cmpstr (rk_report_get_id (previous), ==, rk_report_get_id (report));
    g_assert_null (none);
    g_assert_no_error (error);
  }
}

static void
test_compare (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) a = add_project (db, "01-01_VM", "Radschnellweg Ruhr", FIELD_MOBILITY,
                                        RK_STATUS_IN_IMPLEMENTATION, "Erster Abschnitt gebaut.", 100);
  g_autoptr(RkProject) b = add_project (db, "02-01_MWIDE", "Digitale Modelldestination", FIELD_ECONOMY,
                                        RK_STATUS_UNDER_REVIEW, "Wird geprüft.", 100);
  g_autoptr(RkProject) c = add_project (db, "03-01_MKFFI", "Integration vor Ort", FIELD_DIVERSITY,
                                        RK_STATUS_PROPOSAL, "Vorschlag.", 100);
  g_autoptr(RkProject) d = NULL;
  g_autoptr(RkReport) first = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  g_autoptr(RkReport) second = NULL;
  g_autoptr(RkReport) previous = NULL;
  g_autoptr(RkReportComparison) comparison = NULL;
  g_autoptr(RkReportComparison) first_comparison = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  RkReportChange *change;

  g_assert_true (rk_report_adopt (first, db, NULL));

  /* A moves on, B stays as it was, C is dropped, D is new. */
  g_object_set (a, "status", RK_STATUS_COMPLETED, "current-status", "Fertiggestellt.", NULL);
  save_project (db, a);
  g_assert_true (rk_project_delete (db, rk_project_get_id (c), NULL, NULL));
  d = add_project (db, "05-01_MKW", "Research Alliance Ruhr", FIELD_EDUCATION,
                   RK_STATUS_IN_IMPLEMENTATION, "Eröffnet am 24.10.2023.", 12300000000);

  second = rk_report_create (db, "Fortschrittsbericht 2023", "2023-12-31", &error);
  g_assert_no_error (error);
  previous = rk_report_find_previous (second, db, &error);
  g_assert_nonnull (previous);
  comparison = rk_report_compare (second, previous, db, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (comparison->previous_title, ==, "Fortschrittsbericht 2021");
  g_assert_cmpuint (comparison->then_counts[RK_STATUS_PROPOSAL], ==, 1);
  g_assert_cmpuint (comparison->then_counts[RK_STATUS_UNDER_REVIEW], ==, 1);
  g_assert_cmpuint (comparison->then_counts[RK_STATUS_IN_IMPLEMENTATION], ==, 1);
  g_assert_cmpuint (comparison->then_counts[RK_STATUS_COMPLETED], ==, 0);
  g_assert_cmpuint (comparison->now_counts[RK_STATUS_PROPOSAL], ==, 0);
  g_assert_cmpuint (comparison->now_counts[RK_STATUS_UNDER_REVIEW], ==, 1);
  g_assert_cmpuint (comparison->now_counts[RK_STATUS_IN_IMPLEMENTATION], ==, 1);
  g_assert_cmpuint (comparison->now_counts[RK_STATUS_COMPLETED], ==, 1);

  g_assert_cmpuint (comparison->changed->len, ==, 1);
  change = g_ptr_array_index (comparison->changed, 0);
  g_assert_cmpstr (change->title, ==, "Radschnellweg Ruhr");
  g_assert_cmpint (change->old_status, ==, RK_STATUS_IN_IMPLEMENTATION);
  g_assert_cmpint (change->new_status, ==, RK_STATUS_COMPLETED);

  g_assert_cmpuint (comparison->added->len, ==, 1);
  change = g_ptr_array_index (comparison->added, 0);
  g_assert_cmpstr (change->code, ==, "05-01_MKW");
  g_assert_cmpint (change->new_status, ==, RK_STATUS_IN_IMPLEMENTATION);

  /* The dropped project was deleted: it is known by its code. */
  g_assert_cmpuint (comparison->dropped->len, ==, 1);
  change = g_ptr_array_index (comparison->dropped, 0);
  g_assert_cmpstr (change->title, ==, "Integration vor Ort");
  g_assert_null (change->entry_id);
  g_assert_cmpint (change->old_status, ==, RK_STATUS_PROPOSAL);

  /* Completeness: B's text is what the last report said; A's is new. */
  entries = rk_report_list_entries (second, db, &error);
  g_assert_true (rk_report_comparison_text_unchanged (comparison, rk_report_entry_get_id (find_entry (entries, "Digitale Modelldestination"))));
  g_assert_false (rk_report_comparison_text_unchanged (comparison, rk_report_entry_get_id (find_entry (entries, "Radschnellweg Ruhr"))));
  g_assert_false (rk_report_comparison_text_unchanged (comparison, rk_report_entry_get_id (find_entry (entries, "Research Alliance Ruhr"))));
  g_assert_cmpuint (g_hash_table_size (comparison->unchanged_text), ==, 1);

  /* Without a previous report everything is new. */
  first_comparison = rk_report_compare (first, NULL, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first_comparison->added->len, ==, 3);
  g_assert_cmpuint (first_comparison->changed->len, ==, 0);
  g_assert_null (first_comparison->previous_id);
}

static void
test_delete_draft_and_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, NULL, "Neue Künste Ruhr", FIELD_DIVERSITY,
                                              RK_STATUS_IN_IMPLEMENTATION, "Läuft.", 100);
  g_autoptr(RkReport) report = rk_report_create (db, "Entwurf", "2024-12-31", NULL);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = reports_dump (db);
  g_autofree char *after = NULL;

  g_assert_true (rk_report_delete (db, rk_report_get_id (report), &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "report_entry", NULL), ==, 0);

  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = reports_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_report_list (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkRecordList) list = rk_report_list_new (db);
  g_autoptr(RkReport) old = rk_report_create (db, "Fortschrittsbericht 2020", "2020-08-31", NULL);
  g_autoptr(RkReport) newest = rk_report_create (db, "Fortschrittsbericht 2024", "2025-11-26", NULL);
  g_autoptr(RkReport) middle = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  g_autoptr(RkReport) first = NULL;
  g_autoptr(RkReport) last = NULL;

  rk_record_list_refresh (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (rk_report_get_title (first), ==, "Fortschrittsbericht 2024");
  g_assert_cmpstr (rk_report_get_title (last), ==, "Fortschrittsbericht 2020");
  g_assert_cmpstr (rk_report_state_get_label (RK_REPORT_ADOPTED), ==, is_german () ? "Beschlossen" : "Adopted");
}

/* Figures */

static void
test_summary (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) a = add_project (db, NULL, "A", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "", 150);
  g_autoptr(RkProject) b = add_project (db, NULL, "B", FIELD_MOBILITY, RK_STATUS_COMPLETED, "", 250);
  g_autoptr(RkProject) c = add_project (db, NULL, "C", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "", RK_NO_VOLUME);
  g_autoptr(RkProject) d = add_project (db, NULL, "D", NULL, RK_STATUS_PROPOSAL, "", 1000);
  g_autoptr(RkSummary) summary = NULL;
  g_autoptr(RkSummary) report_summary = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  RkSummaryField *mobility, *none;

  summary = rk_summary_new_for_projects (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->total, ==, 4);
  g_assert_cmpint (summary->volume_cents, ==, 1400);
  g_assert_cmpuint (summary->fields->len, ==, 6);

  mobility = g_ptr_array_index (summary->fields, 0);
  g_assert_cmpstr (mobility->field_id, ==, FIELD_MOBILITY);
  g_assert_cmpstr (mobility->name, ==, is_german () ? "Vernetzte Mobilität – kurze Wege"
                                                    : "Networked mobility – short distances");
  g_assert_cmpuint (mobility->counts[RK_STATUS_IN_IMPLEMENTATION], ==, 2);
  g_assert_cmpuint (mobility->counts[RK_STATUS_COMPLETED], ==, 1);
  g_assert_cmpuint (mobility->total, ==, 3);
  g_assert_cmpint (mobility->volume_cents, ==, 400);
  g_assert_cmpuint (mobility->n_without_volume, ==, 1);
  g_assert_cmpuint (((RkSummaryField *) g_ptr_array_index (summary->fields, 1))->total, ==, 0);

  none = g_ptr_array_index (summary->fields, 5);
  g_assert_null (none->field_id);
  g_assert_cmpuint (none->counts[RK_STATUS_PROPOSAL], ==, 1);

  /* A report counts its own entries. */
  report = rk_report_create (db, "Bericht", "2024-12-31", &error);
  g_object_set (a, "status", RK_STATUS_COMPLETED, NULL);
  save_project (db, a);
  report_summary = rk_summary_new_for_report (db, rk_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report_summary->counts[RK_STATUS_IN_IMPLEMENTATION], ==, 2);
  g_assert_cmpint (report_summary->volume_cents, ==, 1400);
}

/* The chart */

static void
test_chart_palette (void)
{
  const RkRgb light = { 0.98, 0.98, 0.98 }, dark = { 0.14, 0.14, 0.14 };

  for (guint status = 0; status < RK_N_STATUSES; status++)
    {
      const RkRgb *color = rk_chart_get_status_color (status);

      /* The count on a segment is readable… */
      g_assert_cmpfloat (rk_rgb_contrast_ratio (color, rk_chart_get_status_text_color (status)), >=, 4.5);

      /* …and no two statuses share a colour. */
      for (guint other = 0; other < status; other++)
        g_assert_cmpfloat (rk_rgb_contrast_ratio (color, rk_chart_get_status_color (other)), >, 1.05);
    }

  g_assert_cmpfloat (rk_rgb_contrast_ratio (&light, &dark), >, 4.5);
  g_assert_cmpfloat (rk_rgb_contrast_ratio (&light, &light), ==, 1.0);
}

static void
test_chart_draws (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkSummary) summary = NULL;
  g_autoptr(RkChart) chart = NULL;
  PangoContext *context;
  const RkRgb black = { 0, 0, 0 }, white = { 1, 1, 1 };
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(RkProject) project = add_project (db, NULL, "P", i < 7 ? FIELD_MOBILITY : FIELD_ENERGY,
                                                  i % RK_N_STATUSES, "", 100);
    }

  summary = rk_summary_new_for_projects (db, NULL);
  chart = rk_chart_new (summary);
  rk_chart_set_colors (chart, &black, &white);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 600);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  height = rk_chart_layout (chart, context, 600);
  g_assert_cmpfloat (height, >, 100);
  g_assert_cmpfloat (height, <, 600);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  rk_chart_draw (chart, cr);
  cairo_surface_flush (surface);

  /* Each segment is drawn in its status's colour. */
  g_assert_cmpuint (rk_chart_get_n_segments (chart), ==, 10);
  for (guint i = 0; i < rk_chart_get_n_segments (chart); i++)
    {
      const RkChartSegment *segment = rk_chart_get_segment (chart, i);
      const RkRgb *expected = rk_chart_get_status_color (segment->status);
      guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface) / 4;
      int x = (int) (segment->x + segment->width - 3), y = (int) (segment->y + 3);
      guint32 pixel = pixels[y * stride + x];
      g_autofree char *description = rk_chart_describe_segment (chart, i);

      g_assert_cmpfloat (segment->width, >, 6);
      g_assert_cmpint ((pixel >> 16) & 0xff, ==, (int) (expected->red * 255 + 0.5));
      g_assert_cmpint ((pixel >> 8) & 0xff, ==, (int) (expected->green * 255 + 0.5));
      g_assert_cmpint (pixel & 0xff, ==, (int) (expected->blue * 255 + 0.5));
      g_assert_nonnull (strstr (description, rk_status_get_phrase (segment->status)));
    }

  {
    /* Mobility has 7 projects: 2 proposals, 2 under review, 1 each else. */
    const RkChartSegment *first = rk_chart_get_segment (chart, 0);
    g_autofree char *description = rk_chart_describe_segment (chart, 0);

    g_assert_cmpstr (first->field_id, ==, FIELD_MOBILITY);
    g_assert_cmpint (first->status, ==, RK_STATUS_PROPOSAL);
    g_assert_cmpuint (first->count, ==, 2);
    g_assert_cmpstr (description, ==, is_german () ? "Vernetzte Mobilität – kurze Wege, Projektvorschlag: 2 Projekte"
                                                   : "Networked mobility – short distances, proposal: 2 projects");
  }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The PDF */

static char *
pdf_text (const char *pdf)
{
  const char *pdftotext = g_getenv ("RK_PDFTOTEXT");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status = 0;
  const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext failed: %s", err);

  /* Lines wrap where the page ends them: compare words, not lines. */
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static char *
normalize (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static const char * const pdf_titles[] = {
  "Research Alliance Ruhr (Research Departments der UA Ruhr)",
  "SiKo Ruhr – Sicherheitskooperation Ruhr",
  "Spitzencluster Industrielle Innovationen (SPIN)",
  "Neue Künste Ruhr",
  "Metropole Ruhr: Digitale Modelldestination für Gäste aus aller Welt und die Menschen im Ruhrgebiet",
  "Familiengrundschulzentren im Ruhrgebiet",
  "InnaMoRuhr",
  "Klimaresiliente Region / Offensive Grüne Infrastruktur 2030",
  "Ohne Handlungsfeld & <Markup>",
};

static void
fill_pdf_database (RkDatabase *db)
{
  const char *fields[] = { FIELD_EDUCATION, FIELD_DIVERSITY, FIELD_ENERGY, FIELD_DIVERSITY,
                           FIELD_ECONOMY, FIELD_EDUCATION, FIELD_MOBILITY, FIELD_ENERGY, NULL };
  g_autoptr(GString) long_text = g_string_new (NULL);

  /* A text longer than a page, to be broken across pages. */
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (long_text, "Satz %u des langen Sachstands über den Fortgang der Arbeiten. ", i);

  for (guint i = 0; i < G_N_ELEMENTS (pdf_titles); i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u-01_MKW", i + 1);
      g_autoptr(RkProject) project = add_project (db, code, pdf_titles[i], fields[i],
                                                  i % RK_N_STATUSES,
                                                  i == 3 ? long_text->str : "Der Stand ist gut.",
                                                  i == 2 ? RK_NO_VOLUME : (gint64) (i + 1) * 123456789);
      g_autoptr(RkMilestone) milestone =
        rk_project_add_milestone (db, rk_project_get_id (project), "2021-07-07", "Vertrag unterzeichnet", NULL);
    }
}

static void
assert_pdf_holds (const char *pdf,
                  RkDatabase *db,
                  const char *report_id)
{
  g_autofree char *text = pdf_text (pdf);
  g_autoptr(RkSummary) summary = report_id != NULL ? rk_summary_new_for_report (db, report_id, NULL)
                                                   : rk_summary_new_for_projects (db, NULL);
  g_autofree char *headline_text = rk_summary_get_headline (summary);
  g_autofree char *sentence = normalize (headline_text);
  g_autofree char *contents = g_strdup_printf ("%s ", _("Contents"));

  for (guint i = 0; i < G_N_ELEMENTS (pdf_titles); i++)
    if (strstr (text, pdf_titles[i]) == NULL)
      g_error ("“%s” is missing from the PDF:\n%s", pdf_titles[i], text);

  g_assert_nonnull (strstr (text, sentence));
  g_assert_nonnull (strstr (text, contents));
  g_assert_nonnull (strstr (text, is_german () ? "Vernetzte Mobilität – kurze Wege" : "Networked mobility – short distances"));
  g_assert_nonnull (strstr (text, "Vertrag unterzeichnet"));
  /* The long text went over a page break whole. */
  g_assert_nonnull (strstr (text, "Satz 119 des langen Sachstands"));
  g_assert_nonnull (strstr (text, is_german () ? "Seite 3 von" : "Page 3 of"));
}

static void
test_pdf_report (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Bericht.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (g_getenv ("RK_PDFTOTEXT") == NULL || *g_getenv ("RK_PDFTOTEXT") == '\0')
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  fill_pdf_database (db);
  report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", &error);
  g_assert_no_error (error);

  g_assert_true (rk_report_pdf_write (db, rk_report_get_id (report), file, NULL, &error));
  g_assert_no_error (error);
  assert_pdf_holds (path, db, rk_report_get_id (report));

  /* The title page: programme, title, reporting date in the locale. */
  text = pdf_text (path);
  date = rk_format_date ("2021-12-07");
  g_assert_true (g_str_has_prefix (g_strchug (text), "Ruhr-Konferenz"));
  g_assert_nonnull (strstr (text, "Fortschrittsbericht 2021"));
  g_assert_nonnull (strstr (text, date));
}

static void
test_pdf_current_state (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Stand.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (g_getenv ("RK_PDFTOTEXT") == NULL || *g_getenv ("RK_PDFTOTEXT") == '\0')
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  fill_pdf_database (db);
  g_assert_true (rk_report_pdf_write (db, NULL, file, NULL, &error));
  g_assert_no_error (error);
  assert_pdf_holds (path, db, NULL);
}

static void
test_pdf_write_fails_cleanly (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "Bericht.pdf", NULL);
  g_autofree char *existing = g_build_filename (dir, "Bericht.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_false (rk_report_pdf_write (db, NULL, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  /* Cancelled: an earlier file is left as it was. */
  g_assert_true (g_file_set_contents (existing, "earlier", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (rk_report_pdf_write (db, NULL, existing_file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = rk_test_read_file (existing);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "earlier", 7);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_report_pdf_write_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_pdf_write_async (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "Bericht.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  gboolean done = FALSE;

  fill_pdf_database (db);
  rk_report_pdf_write_async (db, NULL, file, NULL, on_written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  bytes = rk_test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Translations from the build tree, where the tests can find them. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/headline/published", test_headline_published);
  g_test_add_func ("/report/headline/other-reports", test_headline_other_reports);
  g_test_add_func ("/report/headline/one-project", test_headline_one_project);
  g_test_add_func ("/report/headline/no-projects", test_headline_no_projects);
  g_test_add_func ("/report/headline/single-status", test_headline_single_status);
  g_test_add_func ("/report/snapshot", test_snapshot);
  g_test_add_func ("/report/adopt-freezes", test_adopt_freezes);
  g_test_add_func ("/report/compare", test_compare);
  g_test_add_func ("/report/delete-draft-and-undo", test_delete_draft_and_undo);
  g_test_add_func ("/report/list", test_report_list);
  g_test_add_func ("/report/summary", test_summary);
  g_test_add_func ("/report/chart/palette", test_chart_palette);
  g_test_add_func ("/report/chart/draws", test_chart_draws);
  g_test_add_func ("/report/pdf/report", test_pdf_report);
  g_test_add_func ("/report/pdf/current-state", test_pdf_current_state);
  g_test_add_func ("/report/pdf/write-fails-cleanly", test_pdf_write_fails_cleanly);
  g_test_add_func ("/report/pdf/write-async", test_pdf_write_async);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
