/* test-project.c: projects, their milestones and municipalities, the list
 * model, and money and dates in the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "rk-database-private.h"
#include "rk-format.h"
#include "rk-project-list.h"
#include "rk-reference.h"
#include "rk-test-util.h"

#define FIELD_MOBILITY "013d95f2-394c-5685-a211-d33321d564f9"
#define FIELD_EDUCATION "8c57e2b9-68fb-5100-99c6-59c8d299543d"
#define ESSEN "39410dd2-c74b-5ff8-9602-f701b140e45c"
#define BOCHUM "cdd305ed-cd0b-5e7a-b9fb-cd9f2ebba323"

static RkProject *
add_project (RkDatabase *db,
             const char *code,
             const char *title,
             const char *field_id,
             RkStatus    status)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "code", code, "title", title, "field-id", field_id,
                "status", status, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
  return project;
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

static void
test_create_update_delete (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(RkProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;

  g_object_set (project,
                "code", "07-01_MKW",
                "title", "Neue Künste Ruhr",
                "goal", "Urbane Künste und Neuer Zirkus stärken",
                "field-id", FIELD_EDUCATION,
                "pillar", RK_PILLAR_MINISTRY_PROJECT,
                "status", RK_STATUS_IN_IMPLEMENTATION,
                "lead-ministry", "MKW",
                "volume-cents", (gint64) 400000000,
                "start-date", "2022-01-01",
                "end-date", "2030-12-31",
                "outlook", "Bis 2030",
                NULL);
  g_assert_true (rk_project_insert (project, db, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (rk_project_get_id (project)));
  g_assert_nonnull (rk_project_get_updated_at (project));
  created = g_strdup (rk_project_get_updated_at (project));

  loaded = rk_project_load (db, rk_project_get_id (project), &error);
  g_assert_no_error (error);
  g_assert_true (rk_project_equal_values (project, loaded));
  g_assert_cmpint (rk_project_get_volume_cents (loaded), ==, 400000000);
  g_assert_cmpint (rk_project_get_status (loaded), ==, RK_STATUS_IN_IMPLEMENTATION);
  g_assert_cmpstr (rk_project_get_end_date (loaded), ==, "2030-12-31");

  /* Stored as stable keys, not labels. */
  g_autofree char *row = table_dump (db, "SELECT status, pillar, volume_cents FROM project");
  g_assert_cmpstr (row, ==, "in_implementation|ministry_project|400000000|\n");

  /* Update: empty optional text is NULL, the change time moves. */
  g_object_set (loaded, "title", "Neue Künste Ruhr (NKR)", "code", "", "volume-cents", RK_NO_VOLUME, NULL);
  g_assert_true (rk_project_save (loaded, db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rk_project_get_updated_at (loaded), >=, created);
  g_assert_true (rk_project_reload (project, db, &error));
  g_assert_cmpstr (rk_project_get_title (project), ==, "Neue Künste Ruhr (NKR)");
  g_assert_null (rk_project_get_code (project));
  g_assert_cmpint (rk_project_get_volume_cents (project), ==, RK_NO_VOLUME);

  g_assert_true (rk_project_delete (db, rk_project_get_id (project), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 0);
  g_assert_null (rk_project_load (db, rk_project_get_id (project), &error));
  g_assert_error (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_NOT_FOUND);
}

static void
assert_invalid (RkDatabase *db,
                RkProject  *project,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = table_dump (db, "SELECT * FROM project ORDER BY id");
  g_autofree char *after = NULL;

  g_assert_false (rk_project_save (project, db, &error));
  g_assert_error (error, RK_PROJECT_ERROR, code);
  g_assert_true (g_str_has_suffix (error->message, "."));

  /* Nothing invalid is stored. */
  after = table_dump (db, "SELECT * FROM project ORDER BY id");
  g_assert_cmpstr (before, ==, after);
}

static void
test_validation (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) first = add_project (db, "13-02_VM", "Mobilitätsregion", FIELD_MOBILITY, RK_STATUS_PROPOSAL);
  g_autoptr(RkProject) second = add_project (db, "07-01_MKW", "Neue Künste Ruhr", NULL, RK_STATUS_PROPOSAL);
  g_autoptr(RkProject) edited = rk_project_copy (second);
  g_autoptr(GError) error = NULL;

  g_object_set (edited, "title", "   ", NULL);
  assert_invalid (db, edited, RK_PROJECT_ERROR_TITLE_REQUIRED);

  g_object_set (edited, "title", "Neue Künste Ruhr", "code", "13-02_VM", NULL);
  assert_invalid (db, edited, RK_PROJECT_ERROR_CODE_TAKEN);
  g_assert_false (rk_project_validate (edited, db, &error));
  g_assert_nonnull (strstr (error->message, "Mobilitätsregion"));
  g_clear_error (&error);

  g_object_set (edited, "code", "07-01_MKW", "start-date", "2022-01-01", "end-date", "2021-12-31", NULL);
  assert_invalid (db, edited, RK_PROJECT_ERROR_END_BEFORE_START);

  g_object_set (edited, "end-date", "2021-02-30", NULL);
  assert_invalid (db, edited, RK_PROJECT_ERROR_INVALID_DATE);

  /* A negative volume cannot even be set: the property refuses it, and
   * typed amounts are checked by rk_parse_money(). */
  g_object_set (edited, "end-date", NULL, NULL);

  /* Its own code is no conflict; the same end and start day is fine. */
  g_object_set (edited, "volume-cents", (gint64) 0, "start-date", "2022-01-01", "end-date", "2022-01-01", NULL);
  g_assert_true (rk_project_save (edited, db, &error));
  g_assert_no_error (error);
}

static void
test_milestones (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, NULL, "Research Alliance Ruhr", FIELD_EDUCATION, RK_STATUS_IN_IMPLEMENTATION);
  const char *id = rk_project_get_id (project);
  g_autoptr(RkMilestone) opened = NULL;
  g_autoptr(RkMilestone) contract = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(RkMilestone) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (rk_project_get_updated_at (project));

  opened = rk_project_add_milestone (db, id, "2023-10-24", "Eröffnung", &error);
  g_assert_no_error (error);
  contract = rk_project_add_milestone (db, id, "2021-07-07", "Vertrag unterzeichnet", &error);
  g_assert_no_error (error);

  g_assert_null (rk_project_add_milestone (db, id, "24.10.2023", "Falsches Format", &error));
  g_assert_error (error, RK_PROJECT_ERROR, RK_PROJECT_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* By date, and marking one done is stored. */
  milestones = rk_project_list_milestones (db, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 2);
  first = g_list_model_get_item (milestones, 0);
  g_assert_cmpstr (rk_milestone_get_text (first), ==, "Vertrag unterzeichnet");
  g_object_set (first, "done", TRUE, NULL);
  g_assert_true (rk_milestone_save (first, db, &error));
  g_clear_object (&milestones);
  g_clear_object (&first);
  milestones = rk_project_list_milestones (db, id, &error);
  first = g_list_model_get_item (milestones, 0);
  g_assert_true (rk_milestone_get_done (first));

  g_assert_true (rk_project_remove_milestone (db, opened, &error));
  g_clear_object (&milestones);
  milestones = rk_project_list_milestones (db, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), ==, 1);

  /* Every change to a part is a change to the project. */
  g_assert_true (rk_project_reload (project, db, &error));
  g_assert_cmpstr (rk_project_get_updated_at (project), >, before);
}

static void
test_municipalities (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, NULL, "SiKo Ruhr", NULL, RK_STATUS_PROPOSAL);
  const char *id = rk_project_get_id (project);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (rk_project_add_municipality (db, id, ESSEN, &error));
  g_assert_true (rk_project_add_municipality (db, id, BOCHUM, &error));
  g_assert_true (rk_project_add_municipality (db, id, ESSEN, &error));
  g_assert_no_error (error);

  ids = rk_project_list_municipalities (db, id, &error);
  g_assert_cmpstrv (ids, ((const char *[]) { BOCHUM, ESSEN, NULL }));
  g_clear_pointer (&ids, g_strfreev);

  g_assert_false (rk_project_add_municipality (db, id, "no-such-municipality", &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_clear_error (&error);

  g_assert_true (rk_project_remove_municipality (db, id, BOCHUM, &error));
  ids = rk_project_list_municipalities (db, id, &error);
  g_assert_cmpstrv (ids, ((const char *[]) { ESSEN, NULL }));
}

static const char * const all_rows =
  "SELECT * FROM project ORDER BY id;"; /* first statement only: see dump_all */

static char *
dump_all (RkDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM project ORDER BY id",
    "SELECT * FROM milestone ORDER BY id",
    "SELECT * FROM project_municipality ORDER BY id",
    "SELECT * FROM project_partner ORDER BY id",
    "SELECT * FROM note_project ORDER BY id",
    "SELECT * FROM report_entry ORDER BY id",
  };
  g_autofree char *words = rk_test_dump_words (db, "project_fts");
  g_autoptr(GString) out = g_string_new (NULL);

  (void) all_rows;
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *dump = table_dump (db, queries[i]);
      g_string_append_printf (out, "%s:\n%s", queries[i], dump);
    }
  g_string_append_printf (out, "search index:\n%s", words);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, "13-02_VM", "Mobilitätsregion", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION);
  g_autoptr(RkProject) other = add_project (db, "07-01_MKW", "Neue Künste Ruhr", NULL, RK_STATUS_PROPOSAL);
  const char *id = rk_project_get_id (project);
  g_autoptr(RkMilestone) milestone = NULL;
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = rk_timestamp_now ();

  milestone = rk_project_add_milestone (db, id, "2020-07-27", "Förderbescheid", &error);
  g_assert_true (rk_project_add_municipality (db, id, ESSEN, &error));

  /* A partner, a board note and a report entry refer to the project. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_true (rk_database_exec (db,
    "INSERT INTO organisation (id, name, kind, created_at, updated_at) VALUES ('org-1', 'VRR', 'company', 'x', 'x');"
    "INSERT INTO note (id, date, title, created_at, updated_at) VALUES ('note-1', '2020-01-01', 'Sitzung', 'x', 'x');"
    "INSERT INTO report (id, title, as_of, created_at, updated_at) VALUES ('rep-1', 'Fortschrittsbericht 2021', '2021-12-07', 'x', 'x');",
    &error));
  g_assert_no_error (error);
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db,
      "INSERT INTO project_partner (id, project_id, organisation_id, role, created_at, updated_at) VALUES ('pp-1', ?1, 'org-1', 'partner', 'x', 'x');", &error);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    g_assert_true (rk_database_step_done (db, stmt, &error));
  }
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db,
      "INSERT INTO note_project (id, note_id, project_id, created_at, updated_at) VALUES ('np-1', 'note-1', ?1, 'x', 'x');", &error);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    g_assert_true (rk_database_step_done (db, stmt, &error));
  }
  {
    g_autoptr(RkStatement) stmt = rk_database_prepare (db,
      "INSERT INTO report_entry (id, report_id, project_id, project_title, status, created_at, updated_at) VALUES ('re-1', 'rep-1', ?1, 'Mobilitätsregion', 'in_implementation', 'x', 'x');", &error);
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
    g_assert_true (rk_database_step_done (db, stmt, &error));
  }
  g_assert_true (rk_database_commit (db, &error));
  g_assert_no_error (error);
  (void) now;

  before = dump_all (db);

  g_assert_true (rk_project_delete (db, id, &snapshot, &error));
  g_assert_no_error (error);
  deleted = dump_all (db);
  g_assert_cmpstr (deleted, !=, before);
  g_assert_null (strstr (deleted, "Förderbescheid"));
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);

  /* Undo brings back the project, its parts and its links, exactly. */
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_undo_refused_leaves_nothing_half (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, "13-02_VM", "Mobilitätsregion", NULL, RK_STATUS_PROPOSAL);
  g_autoptr(RkProject) usurper = NULL;
  g_autoptr(RkMilestone) milestone = NULL;
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  milestone = rk_project_add_milestone (db, rk_project_get_id (project), "2020-07-27", "Förderbescheid", NULL);
  g_assert_true (rk_project_delete (db, rk_project_get_id (project), &snapshot, &error));

  /* Meanwhile another project took the code. */
  usurper = add_project (db, "13-02_VM", "Ein anderes Projekt", NULL, RK_STATUS_PROPOSAL);
  before = dump_all (db);

  g_assert_false (rk_snapshot_restore (snapshot, db, &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_UNIQUE);
  g_autofree char *after = dump_all (db);
  g_assert_cmpstr (after, ==, before);
}

static GStrv
list_titles (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RkProject) project = g_list_model_get_item (model, i);
      g_strv_builder_add (builder, rk_project_get_title (project));
    }
  return g_strv_builder_end (builder);
}

#define assert_titles(model, ...) \
  G_STMT_START { \
    g_auto(GStrv) _titles = list_titles (G_LIST_MODEL (model)); \
    g_assert_cmpstrv (_titles, ((const char *[]) { __VA_ARGS__, NULL })); \
  } G_STMT_END

static RkDatabase *
database_with_projects (void)
{
  RkDatabase *db = rk_test_open_new_database ();
  g_autoptr(RkProject) a = add_project (db, "13-02_VM", "Mobilitätsregion Ruhr", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION);
  g_autoptr(RkProject) b = add_project (db, "07-01_MKW", "Neue Künste Ruhr", FIELD_EDUCATION, RK_STATUS_IN_IMPLEMENTATION);
  g_autoptr(RkProject) c = add_project (db, "02-01_MSB", "Familiengrundschulzentren", FIELD_EDUCATION, RK_STATUS_COMPLETED);
  g_autoptr(RkProject) d = add_project (db, NULL, "Radweg am Zollverein in Mülheim", FIELD_MOBILITY, RK_STATUS_PROPOSAL);
  g_autoptr(GError) error = NULL;

  g_object_set (a, "lead-ministry", "VM", "pillar", RK_PILLAR_MINISTRY_PROJECT, NULL);
  g_object_set (b, "lead-ministry", "MKW", NULL);
  g_object_set (c, "lead-ministry", "MSB", "pillar", RK_PILLAR_PARTNER_PROJECT, NULL);
  g_object_set (d, "lead-ministry", "VM", "pillar", RK_PILLAR_STATE_PROGRAMME,
                "goal", "Eine Verbindung für Kunst und Kultur", NULL);
  g_assert_true (rk_project_save (a, db, &error) && rk_project_save (b, db, &error) &&
                 rk_project_save (c, db, &error) && rk_project_save (d, db, &error));
  return db;
}

/* A 10 MB text: saved, read back whole, found by its last word, deleted
 * and restored. */
static void
test_huge_text (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(RkProject) loaded = NULL;
  g_autoptr(RkRecordList) list = NULL;
  g_autoptr(GString) text = g_string_sized_new (10 * 1024 * 1024 + 64);
  g_autoptr(GError) error = NULL;

  while (text->len < 10 * 1024 * 1024)
    g_string_append (text, "Strukturwandel im Ruhrgebiet braucht Zeit. ");
  g_string_append (text, "Schlusswort");

  g_object_set (project, "code", "X-1", "title", "Sehr lang", "approach", text->str, NULL);
  g_assert_true (rk_project_insert (project, db, &error));
  g_assert_no_error (error);

  loaded = rk_project_load (db, rk_project_get_id (project), &error);
  g_assert_no_error (error);
  {
    g_autofree char *approach = NULL;

    g_object_get (loaded, "approach", &approach, NULL);
    g_assert_cmpstr (approach, ==, text->str);
  }

  list = rk_project_list_new (db);
  rk_record_list_set_search (list, "schlussw");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
test_list_search (void)
{
  g_autoptr(RkDatabase) db = database_with_projects ();
  g_autoptr(RkRecordList) list = rk_project_list_new (db);

  assert_titles (list, "Familiengrundschulzentren", "Mobilitätsregion Ruhr", "Neue Künste Ruhr",
                 "Radweg am Zollverein in Mülheim");
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 4);

  /* Prefixes, and without diacritics in either direction. */
  rk_record_list_set_search (list, "zoll");
  assert_titles (list, "Radweg am Zollverein in Mülheim");
  rk_record_list_set_search (list, "kunste");
  assert_titles (list, "Neue Künste Ruhr");
  rk_record_list_set_search (list, "Mulheim");
  assert_titles (list, "Radweg am Zollverein in Mülheim");
  rk_record_list_set_search (list, "MÜLH");
  assert_titles (list, "Radweg am Zollverein in Mülheim");

  /* Every word must match; the goal and the code count too. */
  rk_record_list_set_search (list, "ruhr neue");
  assert_titles (list, "Neue Künste Ruhr");
  rk_record_list_set_search (list, "kultur");
  assert_titles (list, "Radweg am Zollverein in Mülheim");
  rk_record_list_set_search (list, "13-02");
  assert_titles (list, "Mobilitätsregion Ruhr");

  /* FTS syntax typed by the user is just text. */
  rk_record_list_set_search (list, "\"ruhr* ( ^");
  assert_titles (list, "Mobilitätsregion Ruhr", "Neue Künste Ruhr");
  rk_record_list_set_search (list, "nichts passt");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 4);

  rk_record_list_set_search (list, "  ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
}

static void
test_list_filters_and_sort (void)
{
  g_autoptr(RkDatabase) db = database_with_projects ();
  g_autoptr(RkRecordList) list = rk_project_list_new (db);
  g_auto(GStrv) ministries = rk_database_list_lead_ministries (db);

  g_assert_cmpstrv (ministries, ((const char *[]) { "MKW", "MSB", "VM", NULL }));

  rk_project_list_set_field_id (list, FIELD_MOBILITY);
  assert_titles (list, "Mobilitätsregion Ruhr", "Radweg am Zollverein in Mülheim");
  rk_project_list_set_status (list, "proposal");
  assert_titles (list, "Radweg am Zollverein in Mülheim");
  rk_project_list_set_status (list, NULL);
  rk_project_list_set_pillar (list, "ministry_project");
  assert_titles (list, "Mobilitätsregion Ruhr");
  rk_project_list_set_pillar (list, NULL);
  rk_project_list_set_field_id (list, NULL);
  rk_project_list_set_lead_ministry (list, "VM");
  rk_record_list_set_search (list, "ruhr");
  assert_titles (list, "Mobilitätsregion Ruhr");
  rk_record_list_set_search (list, NULL);
  rk_project_list_set_lead_ministry (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* Codes sort first where there is none; status in the order of work. */
  rk_record_list_set_sort (list, RK_PROJECT_SORT_CODE);
  assert_titles (list, "Radweg am Zollverein in Mülheim", "Familiengrundschulzentren",
                 "Neue Künste Ruhr", "Mobilitätsregion Ruhr");
  rk_record_list_set_sort (list, RK_PROJECT_SORT_STATUS);
  assert_titles (list, "Radweg am Zollverein in Mülheim", "Mobilitätsregion Ruhr",
                 "Neue Künste Ruhr", "Familiengrundschulzentren");
  rk_record_list_set_sort (list, RK_PROJECT_SORT_UPDATED);
  assert_titles (list, "Radweg am Zollverein in Mülheim", "Familiengrundschulzentren",
                 "Neue Künste Ruhr", "Mobilitätsregion Ruhr");
}

static void
test_list_items_on_demand (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  RkProject *item;

  g_assert_true (rk_database_begin (db, &error));
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *key = rk_new_key ();
      g_autofree char *title = g_strdup_printf ("Projekt %04u", i);
      g_autoptr(RkStatement) stmt = rk_database_prepare (db,
        "INSERT INTO project (id, title, created_at, updated_at) VALUES (?, ?, 'x', 'x')", &error);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
      g_assert_true (rk_database_step_done (db, stmt, &error));
    }
  g_assert_true (rk_database_commit (db, &error));

  list = rk_project_list_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_assert_cmpuint (rk_record_list_get_n_loaded (list), ==, 0);

  /* Built when asked for, the same object while it is held, gone after. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 500);
  g_assert_cmpstr (rk_project_get_title (item), ==, "Projekt 0500");
  g_assert_cmpuint (rk_record_list_get_n_loaded (list), ==, 1);
  {
    g_autoptr(RkProject) again = g_list_model_get_item (G_LIST_MODEL (list), 500);
    g_assert_true (again == item);
  }
  g_object_unref (item);
  g_assert_cmpuint (rk_record_list_get_n_loaded (list), ==, 0);
}

typedef struct
{
  guint n_signals;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->n_signals++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
run_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_list_follows_changes (void)
{
  g_autoptr(RkDatabase) db = database_with_projects ();
  g_autoptr(RkRecordList) list = rk_project_list_new (db);
  g_autoptr(RkProject) held = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_autoptr(RkProject) edited = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged seen = { 0 };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_assert_cmpstr (rk_project_get_title (held), ==, "Neue Künste Ruhr");

  /* A batch of three new projects is one items-changed. */
  g_assert_true (rk_database_begin (db, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *key = rk_new_key ();
      g_autoptr(RkStatement) stmt = rk_database_prepare (db,
        "INSERT INTO project (id, title, created_at, updated_at) VALUES (?, 'Zeche Zollverein', 'x', 'x')", &error);

      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      g_assert_true (rk_database_step_done (db, stmt, &error));
      rk_database_note_change (db, "project", key);
    }
  g_assert_true (rk_database_commit (db, &error));
  run_main_loop ();
  g_assert_cmpuint (seen.n_signals, ==, 1);
  g_assert_cmpuint (seen.position, ==, 4);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 7);

  /* An edit elsewhere that keeps the order moves nothing, and an item
   * someone holds shows the new values. */
  seen.n_signals = 0;
  edited = rk_project_load (db, rk_project_get_id (held), &error);
  g_object_set (edited, "goal", "Urbane Künste", NULL);
  g_assert_true (rk_project_save (edited, db, &error));
  run_main_loop ();
  g_assert_cmpuint (seen.n_signals, ==, 0);
  g_assert_cmpstr (rk_project_get_goal (held), ==, "Urbane Künste");

  /* A rename that moves the item changes only the range it crosses, and
   * the item is found at its new place. */
  g_object_set (edited, "title", "Aaa Neue Künste Ruhr", NULL);
  g_assert_true (rk_project_save (edited, db, &error));
  run_main_loop ();
  g_assert_cmpuint (seen.n_signals, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 3);
  g_assert_cmpuint (seen.added, ==, 3);
  g_assert_true (rk_record_list_find (list, rk_project_get_id (held), &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpstr (rk_project_get_title (held), ==, "Aaa Neue Künste Ruhr");
}

static void
test_format_money_and_dates (void)
{
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *restore = g_strdup (saved);
  gint64 cents = 0;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *text;
    gint64      cents;
  } german[] = {
    { "1.234.567,00 €", 123456700 },
    { "1234567,89", 123456789 },
    { "1.234", 123400 },
    { "12,5", 1250 },
    { "1,234,567.89", 123456789 },
    { "EUR 0,99", 99 },
    { "15 000 000", 1500000000 },
  };
  static const char * const invalid[] = { "", "abc", "1,2,3.4.5", "12,345", "1.5.2024", "1e5", "12,555" };

  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));

  g_autofree char *money = rk_format_money (123456700);
  g_assert_cmpstr (money, ==, "1.234.567,00 €");
  g_autofree char *small = rk_format_money (5);
  g_assert_cmpstr (small, ==, "0,05 €");
  g_autofree char *date = rk_format_date ("2024-12-31");
  g_assert_cmpstr (date, ==, "31.12.2024");

  for (guint i = 0; i < G_N_ELEMENTS (german); i++)
    {
      g_assert_true (rk_parse_money (german[i].text, &cents, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cents, ==, german[i].cents);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (rk_parse_money (invalid[i], &cents, &error));
      g_assert_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_false (rk_parse_money ("-5,00", &cents, &error));
  g_assert_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_NEGATIVE);
  g_clear_error (&error);

  g_autofree char *iso = NULL;
  g_assert_true (rk_parse_date ("31.12.2024", &iso, &error));
  g_assert_cmpstr (iso, ==, "2024-12-31");
  g_clear_pointer (&iso, g_free);
  g_assert_true (rk_parse_date ("2024-02-29", &iso, &error));
  g_clear_pointer (&iso, g_free);
  g_assert_false (rk_parse_date ("2023-02-29", &iso, &error));
  g_assert_error (error, RK_FORMAT_ERROR, RK_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_nonnull (setlocale (LC_ALL, "en_GB.UTF-8"));
  g_autofree char *pounds_locale = rk_format_money (123456789);
  g_assert_cmpstr (pounds_locale, ==, "€1,234,567.89");
  g_assert_true (rk_parse_money ("1,234.50", &cents, &error));
  g_assert_cmpint (cents, ==, 123450);
  g_autofree char *british = rk_format_date ("2024-12-31");
  g_assert_cmpstr (british, ==, "31/12/2024");

  setlocale (LC_ALL, restore);
}

static void
test_reference_lists (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GListModel) fields = rk_database_list_fields (db);
  g_autoptr(GListModel) municipalities = rk_database_list_municipalities (db);
  g_autoptr(RkField) first = g_list_model_get_item (fields, 0);
  g_autoptr(RkMunicipality) bochum = g_list_model_get_item (municipalities, 2);

  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (municipalities), ==, 53);
  g_assert_cmpstr (rk_field_get_name_de (first), ==, "Vernetzte Mobilität – kurze Wege");
  g_assert_true (rk_database_find_field (db, FIELD_EDUCATION) != NULL);
  g_assert_null (rk_database_find_field (db, "nope"));
  g_assert_cmpstr (rk_municipality_get_name (bochum), ==, "Bochum");
  g_assert_null (rk_municipality_get_district (bochum));

  /* The UI language picks the field name. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_true (rk_ui_language_is_german ());
  g_assert_cmpstr (rk_field_get_name (first), ==, "Vernetzte Mobilität – kurze Wege");
  g_setenv ("LANGUAGE", "en_GB:en", TRUE);
  g_assert_false (rk_ui_language_is_german ());
  g_assert_cmpstr (rk_field_get_name (first), ==, "Networked mobility – short distances");
}

/* A database written elsewhere may hold bytes that are not UTF-8 in a
 * text column: the project loads, its text valid, the bad bytes shown as
 * U+FFFD and the rest kept. */
static void
test_invalid_utf8_in_file (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, "X-2", "Zeche", NULL, RK_STATUS_PROPOSAL);
  g_autoptr(RkProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "UPDATE project SET title = ?1, goal = ?2 WHERE id = ?3", &error);
  static const char bad_title[] = "Zeche \xff Zollverein";
  static const char bad_goal[] = "Kohle\xc3";

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, bad_title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bad_goal, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, rk_project_get_id (project), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  loaded = rk_project_load (db, rk_project_get_id (project), &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (rk_project_get_title (loaded), -1, NULL));
  g_assert_cmpstr (rk_project_get_title (loaded), ==, "Zeche \xef\xbf\xbd Zollverein");
  g_assert_cmpstr (rk_project_get_goal (loaded), ==, "Kohle\xef\xbf\xbd");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/project/create-update-delete", test_create_update_delete);
  g_test_add_func ("/project/validation", test_validation);
  g_test_add_func ("/project/milestones", test_milestones);
  g_test_add_func ("/project/municipalities", test_municipalities);
  g_test_add_func ("/project/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/project/undo-refused", test_undo_refused_leaves_nothing_half);
  g_test_add_func ("/project/huge-text", test_huge_text);
  g_test_add_func ("/project/invalid-utf8-in-file", test_invalid_utf8_in_file);
  g_test_add_func ("/project-list/search", test_list_search);
  g_test_add_func ("/project-list/filters-and-sort", test_list_filters_and_sort);
  g_test_add_func ("/project-list/items-on-demand", test_list_items_on_demand);
  g_test_add_func ("/project-list/follows-changes", test_list_follows_changes);
  g_test_add_func ("/format/money-and-dates", test_format_money_and_dates);
  g_test_add_func ("/reference/lists", test_reference_lists);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
