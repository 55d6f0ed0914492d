/* test-example.c: loading and removing the example data set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-test-util.h"

#define N_PROJECTS        8
#define N_ORGANISATIONS   31
#define N_BOARD_MEMBERS   3
#define N_PARTNER_LINKS   32
#define N_MILESTONES      5
#define N_MUNICIPALITIES  3
#define N_MEETINGS        1
#define N_ATTENDANCES     3
#define N_NOTES           1

static gint64
query_int64 (RkDatabase *db,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GStrv
query_strv (RkDatabase *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_strv_builder_end (builder);
}

static void
exec_sql (RkDatabase *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
on_changed_cb (RkDatabase *db,
               const char *table,
               const char *key,
               GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s/%s", table, key));
}

static gboolean
seen_contains (GPtrArray  *seen,
               const char *change)
{
  return g_ptr_array_find_with_equal_func (seen, change, g_str_equal, NULL);
}

static gint64
count_example_rows (RkDatabase *db)
{
  return query_int64 (db,
                      "SELECT (SELECT count(*) FROM project WHERE is_example = 1)"
                      " + (SELECT count(*) FROM organisation WHERE is_example = 1)"
                      " + (SELECT count(*) FROM board_member WHERE is_example = 1)"
                      " + (SELECT count(*) FROM meeting WHERE is_example = 1)"
                      " + (SELECT count(*) FROM note WHERE is_example = 1)");
}

static void
assert_whole_set (RkDatabase *db)
{
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, N_PROJECTS);
  g_assert_cmpint (rk_database_count_rows (db, "organisation", NULL), ==, N_ORGANISATIONS);
  g_assert_cmpint (rk_database_count_rows (db, "board_member", NULL), ==, N_BOARD_MEMBERS);
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, N_PARTNER_LINKS);
  g_assert_cmpint (rk_database_count_rows (db, "milestone", NULL), ==, N_MILESTONES);
  g_assert_cmpint (rk_database_count_rows (db, "project_municipality", NULL), ==, N_MUNICIPALITIES);
  g_assert_cmpint (rk_database_count_rows (db, "meeting", NULL), ==, N_MEETINGS);
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, N_ATTENDANCES);
  g_assert_cmpint (rk_database_count_rows (db, "note", NULL), ==, N_NOTES);
}

static void
test_load (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (rk_example_is_loaded (db));
  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  g_assert_true (rk_example_is_loaded (db));

  assert_whole_set (db);
  g_assert_cmpint (N_ORGANISATIONS, >=, 15);

  /* Every row is marked, so the interface can say it is an example. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE is_example <> 1"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organisation WHERE is_example <> 1"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM board_member WHERE is_example <> 1"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM meeting WHERE is_example <> 1"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note WHERE is_example <> 1"), ==, 0);

  /* Every project is linked to at least one partner, and every
   * organisation to a project. */
  g_assert_cmpint (query_int64 (db,
                                "SELECT count(*) FROM project p WHERE NOT EXISTS"
                                " (SELECT 1 FROM project_partner pp WHERE pp.project_id = p.id)"),
                   ==, 0);
  g_assert_cmpint (query_int64 (db,
                                "SELECT count(*) FROM organisation o WHERE NOT EXISTS"
                                " (SELECT 1 FROM project_partner pp WHERE pp.organisation_id = o.id)"),
                   ==, 0);

  /* Each project's page says it is example data. */
  g_assert_cmpint (query_int64 (db,
                                "SELECT count(*) FROM project"
                                " WHERE instr (current_status, 'Beispieldaten') = 0"),
                   ==, 0);

  /* Every row was announced once the transaction committed. */
  g_assert_cmpuint (seen->len, ==, N_PROJECTS + N_ORGANISATIONS + N_BOARD_MEMBERS +
                                   N_PARTNER_LINKS + N_MILESTONES + N_MUNICIPALITIES +
                                   N_MEETINGS + N_ATTENDANCES + N_NOTES);
  g_assert_true (seen_contains (seen, "project/0a023f8c-bf3e-579b-85ef-55cec0ec674a"));
  g_assert_true (seen_contains (seen, "board_member/a1709836-8873-5282-b71f-047708b46a2c"));

  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* The facts of domain.md, and no more: one code, two volumes, no dates. */
static void
test_facts (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) volumes = NULL;
  g_auto(GStrv) ministries = NULL;
  g_auto(GStrv) members = NULL;
  g_auto(GStrv) meetings = NULL;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);

  codes = query_strv (db, "SELECT code || ' ' || lead_ministry || ' ' || title FROM project WHERE code IS NOT NULL");
  g_assert_cmpstrv (codes, ((const char *[]) { "13-02_VM VM Mobilitätsregion: InnaMoRuhr", NULL }));

  volumes = query_strv (db, "SELECT title || ' ' || volume_cents FROM project"
                            " WHERE volume_cents IS NOT NULL ORDER BY volume_cents");
  g_assert_cmpstrv (volumes, ((const char *[]) {
    "Metropole Ruhr: Digitale Modelldestination 150000000",
    "Research Alliance Ruhr (Research Departments der UA Ruhr) 12300000000",
    NULL }));

  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project"
                                    " WHERE start_date IS NOT NULL OR end_date IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project"
                                    " WHERE pillar <> 'ministry_project'"), ==, 0);

  ministries = query_strv (db, "SELECT lead_ministry || ' ' || f.position FROM project p"
                               " JOIN field f ON f.id = p.field_id ORDER BY p.title");
  g_assert_cmpstrv (ministries, ((const char *[]) {
    "MSB 5",    /* Familiengrundschulzentren im Ruhrgebiet */
    "MULNV 4",  /* Klimaresiliente Region */
    "MWIDE 2",  /* Metropole Ruhr: Digitale Modelldestination */
    "VM 1",     /* Mobilitätsregion: InnaMoRuhr */
    "MKW 3",    /* Neue Künste Ruhr */
    "MKW 5",    /* Research Alliance Ruhr */
    "MI 3",     /* SiKo Ruhr */
    "MWIDE 4",  /* Spitzencluster Industrielle Innovationen */
    NULL }));

  /* Only dated facts, all in the past and done. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM milestone WHERE done = 1"
                                    " AND date < '2024-01-01'"), ==, N_MILESTONES);

  members = query_strv (db, "SELECT name || ', ' || function || ', ' || organisation || ', '"
                            " || active_from || '–' || active_to FROM board_member ORDER BY name");
  g_assert_cmpstrv (members, ((const char *[]) {
    "Anja Weber, Vorsitzende, DGB NRW, 2018-10-22–2023-08-16",
    "Arndt G. Kirchhoff, Präsident, unternehmer nrw, 2018-10-22–2023-08-16",
    "Dr. Franz-Josef Overbeck, Bischof von Essen, Bistum Essen, 2018-10-22–2023-08-16",
    NULL }));

  /* The constituent meeting, with all three present. */
  meetings = query_strv (db, "SELECT date || ', ' || place || ', ' || title FROM meeting");
  g_assert_cmpstrv (meetings, ((const char *[]) {
    "2018-10-22, Bischofshaus, Essen, Konstituierende Sitzung des Beirats", NULL }));
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM meeting_member mm"
                                    " JOIN board_member b ON b.id = mm.board_member_id"
                                    " JOIN meeting m ON m.id = mm.meeting_id"
                                    " WHERE m.date = '2018-10-22'"), ==, 3);

  /* No minutes are public: the one note says it shows the format only,
   * and claims no author and no project. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note n JOIN meeting m ON m.id = n.meeting_id"
                                    " WHERE n.author_id IS NULL AND n.date = m.date"
                                    " AND instr (n.title, 'Beispiel') > 0"
                                    " AND instr (n.text, 'keine Wiedergabe der Sitzung') > 0"), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "note_project", NULL), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note_fts WHERE note_fts MATCH 'format*'"), ==, 1);

  /* Cities are linked to their seeded municipality. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organisation o"
                                    " JOIN municipality m ON m.id = o.municipality_id"
                                    " WHERE o.kind = 'municipality' AND o.name = 'Stadt ' || m.name"),
                   ==, 3);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project_partner WHERE role = 'funder'"), ==, 2);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project_partner WHERE role = 'lead_partner'"), ==, 1);
}

/* No source gives a project's status, so none may claim one: every example
 * project keeps the schema's default. */
static void
test_status_default (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RkStatement) stmt = NULL;
  g_autofree char *default_status = NULL;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);

  stmt = rk_database_prepare (db, "SELECT dflt_value FROM pragma_table_info ('project')"
                                  " WHERE name = 'status'", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  default_status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_reset);
  g_assert_cmpstr (default_status, ==, "'proposal'");

  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE status <> 'proposal'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE status = 'proposal'"), ==, N_PROJECTS);
}

static void
test_load_twice (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  before = query_strv (db, "SELECT id || updated_at FROM project ORDER BY id");

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);

  assert_whole_set (db);
  g_assert_cmpuint (seen->len, ==, 0);
  after = query_strv (db, "SELECT id || updated_at FROM project ORDER BY id");
  g_assert_cmpstrv (after, before);

  /* A row the user deleted comes back, with its links; edits stay. */
  exec_sql (db, "UPDATE project SET goal = 'Eigener Text' WHERE code = '13-02_VM'");
  exec_sql (db, "DELETE FROM organisation WHERE name = 'SPIN e.V.'");
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, N_PARTNER_LINKS - 1);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  assert_whole_set (db);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (seen_contains (seen, "organisation/f35e498e-33b6-5f84-a5ff-f5f1009183f4"));
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE goal = 'Eigener Text'"), ==, 1);
}

/* The same keys on every install, so copies can be merged. */
static void
test_fixed_keys (void)
{
  static const char * const queries[] = {
    "SELECT id FROM project ORDER BY id",
    "SELECT id FROM organisation ORDER BY id",
    "SELECT id FROM board_member ORDER BY id",
    "SELECT id FROM project_partner ORDER BY id",
    "SELECT id FROM milestone ORDER BY id",
    "SELECT id FROM project_municipality ORDER BY id",
    "SELECT id FROM meeting ORDER BY id",
    "SELECT id FROM meeting_member ORDER BY id",
    "SELECT id FROM note ORDER BY id",
  };
  g_autoptr(RkDatabase) first = rk_test_open_new_database ();
  g_autoptr(RkDatabase) second = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_example_load (first, &error));
  g_assert_true (rk_example_load (second, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(GStrv) a = query_strv (first, queries[i]);
      g_auto(GStrv) b = query_strv (second, queries[i]);

      g_assert_cmpuint (g_strv_length (a), >, 0);
      for (guint j = 0; j < g_strv_length (a); j++)
        g_assert_true (g_uuid_string_is_valid (a[j]));
      g_assert_cmpstrv (a, b);
    }
}

static void
test_remove (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  exec_sql (db,
            "INSERT INTO project (id, code, title, created_at, updated_at) VALUES"
            " ('6a1ad9a8-7f3a-4f57-9d55-0d8f3b0b6f01', '07-01_MKW', 'Eigenes Projekt',"
            "  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_assert_true (rk_example_remove (db, &error));
  g_assert_no_error (error);

  g_assert_false (rk_example_is_loaded (db));
  g_assert_cmpint (count_example_rows (db), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE title = 'Eigenes Projekt'"), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "organisation", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "board_member", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "meeting", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "note", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "milestone", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project_municipality", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "field", NULL), ==, 5);
  g_assert_cmpint (rk_database_count_rows (db, "municipality", NULL), ==, 53);

  /* Every removed row was announced, the user's project was not. */
  g_assert_cmpuint (seen->len, ==, N_PROJECTS + N_ORGANISATIONS + N_BOARD_MEMBERS +
                                   N_PARTNER_LINKS + N_MILESTONES + N_MUNICIPALITIES +
                                   N_MEETINGS + N_ATTENDANCES + N_NOTES);
  g_assert_true (seen_contains (seen, "project/0a023f8c-bf3e-579b-85ef-55cec0ec674a"));
  g_assert_false (seen_contains (seen, "project/6a1ad9a8-7f3a-4f57-9d55-0d8f3b0b6f01"));

  /* The search index forgets the example rows too: only the user's
   * project's words are left, each in one row. */
  {
    g_autofree char *project_words = rk_test_dump_words (db, "project_fts");
    g_autofree char *organisation_words = rk_test_dump_words (db, "organisation_fts");
    g_autofree char *note_words = rk_test_dump_words (db, "note_fts");
    g_auto(GStrv) lines = g_strsplit (project_words, "\n", -1);

    g_assert_cmpstr (organisation_words, ==, "");
    g_assert_cmpstr (note_words, ==, "");
    g_assert_cmpuint (g_strv_length (lines), >, 1);
    for (guint i = 0; lines[i][0] != '\0'; i++)
      g_assert_true (g_str_has_suffix (lines[i], "|1"));
  }

  g_assert_true (rk_database_check_integrity (db, &error));
  g_assert_no_error (error);

  /* Nothing left to remove is no error; loading again works. */
  g_assert_true (rk_example_remove (db, &error));
  g_assert_no_error (error);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, N_PROJECTS + 1);
}

/* The user's rows stay when they were linked to an example row; the links
 * go. */
static void
test_remove_keeps_user_rows (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);

  /* A user's project with an example partner, a user's organisation in an
   * example project, a user's note by an example member about an example
   * project. */
  exec_sql (db,
            "INSERT INTO project (id, title, created_at, updated_at) VALUES"
            " ('user-project', 'Eigenes Projekt', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
            "INSERT INTO project_partner (id, project_id, organisation_id, created_at, updated_at)"
            " SELECT 'user-link-1', 'user-project', id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'"
            " FROM organisation WHERE name = 'TU Dortmund';"
            "INSERT INTO organisation (id, name, created_at, updated_at) VALUES"
            " ('user-organisation', 'Eigene Organisation', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
            "INSERT INTO project_partner (id, project_id, organisation_id, created_at, updated_at)"
            " SELECT 'user-link-2', id, 'user-organisation', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'"
            " FROM project WHERE code = '13-02_VM';"
            "INSERT INTO note (id, author_id, date, title, created_at, updated_at)"
            " SELECT 'user-note', id, '2023-01-01', 'Eigene Notiz', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'"
            " FROM board_member WHERE name = 'Anja Weber';"
            "INSERT INTO note_project (id, note_id, project_id, created_at, updated_at)"
            " SELECT 'user-note-link', 'user-note', id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'"
            " FROM project WHERE code = '13-02_VM';");

  g_assert_true (rk_example_remove (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_example_rows (db), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM project WHERE id = 'user-project'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM organisation WHERE id = 'user-organisation'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note WHERE id = 'user-note' AND author_id IS NULL"), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "note_project", NULL), ==, 0);
}

/* Loading is one transaction: when a row cannot be added, none is. */
static void
test_load_is_one_transaction (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  /* The user's own project with the code of an example project, under
   * another key: the example project comes after others in the set. */
  exec_sql (db,
            "INSERT INTO project (id, code, title, created_at, updated_at) VALUES"
            " ('7a3c1e0e-2b1d-4a53-8f7e-4d6c0e2f9a11', '13-02_VM', 'Mobilitätsregion',"
            "  '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')");

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_assert_false (rk_example_load (db, &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_UNIQUE);
  g_assert_true (g_str_has_prefix (error->message, "Loading the example data failed: "));
  g_clear_error (&error);

  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_false (rk_example_is_loaded (db));
  g_assert_cmpint (count_example_rows (db), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "milestone", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "project_municipality", NULL), ==, 0);

  /* The connection is usable again afterwards. */
  g_assert_true (rk_database_begin (db, &error));
  g_assert_no_error (error);
  rk_database_rollback (db);
}

static void
test_read_only (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  rk_test_make_checkpointed_database (path);
  db = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_assert_false (rk_example_load (db, &error));
  g_assert_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (rk_example_remove (db, &error));
  g_assert_error (error, RK_DATABASE_ERROR, RK_DATABASE_ERROR_READ_ONLY);
  g_assert_false (rk_example_is_loaded (db));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/example/load", test_load);
  g_test_add_func ("/example/facts", test_facts);
  g_test_add_func ("/example/status-default", test_status_default);
  g_test_add_func ("/example/load-twice", test_load_twice);
  g_test_add_func ("/example/fixed-keys", test_fixed_keys);
  g_test_add_func ("/example/remove", test_remove);
  g_test_add_func ("/example/remove-keeps-user-rows", test_remove_keeps_user_rows);
  g_test_add_func ("/example/load-is-one-transaction", test_load_is_one_transaction);
  g_test_add_func ("/example/read-only", test_read_only);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
