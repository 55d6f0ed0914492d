/* test-organisation.c: partner organisations, links, duplicates, merge,
 * personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "rk-database-private.h"
#include "rk-organisation.h"
#include "rk-personal-data.h"
#include "rk-project.h"
#include "rk-test-util.h"

#define ESSEN "39410dd2-c74b-5ff8-9602-f701b140e45c"

static RkOrganisation *
add_organisation (RkDatabase *db,
                  const char *name,
                  RkKind      kind)
{
  g_autoptr(GError) error = NULL;
  RkOrganisation *organisation = rk_organisation_new ();

  g_object_set (organisation, "name", name, "kind", kind, NULL);
  rk_organisation_insert (organisation, db, &error);
  g_assert_no_error (error);
  return organisation;
}

static RkProject *
add_project (RkDatabase *db,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "title", title, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
  return project;
}

static char *
dump (RkDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM organisation ORDER BY id",
    "SELECT * FROM project_partner ORDER BY id",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *words = rk_test_dump_words (db, "organisation_fts");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, queries[i], NULL);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?: (const guint8 *) "NULL");
          g_string_append_c (out, '\n');
        }
    }
  g_string_append (out, words);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_validation (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkOrganisation) organisation = add_organisation (db, "Emschergenossenschaft", RK_KIND_ASSOCIATION);
  g_autoptr(GError) error = NULL;

  g_object_set (organisation, "email", "info@eglv", NULL);
  g_assert_false (rk_organisation_save (organisation, db, &error));
  g_assert_error (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_EMAIL);
  g_clear_error (&error);

  g_object_set (organisation, "email", "info@eglv.de", "website", "eglv", NULL);
  g_assert_false (rk_organisation_save (organisation, db, &error));
  g_assert_error (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_INVALID_WEBSITE);
  g_clear_error (&error);

  g_object_set (organisation, "website", "www.eglv.de", NULL);
  g_assert_true (rk_organisation_save (organisation, db, &error));
  g_object_set (organisation, "website", "https://www.eglv.de/wasserwirtschaft", NULL);
  g_assert_true (rk_organisation_save (organisation, db, &error));

  g_object_set (organisation, "name", " ", NULL);
  g_assert_false (rk_organisation_save (organisation, db, &error));
  g_assert_error (error, RK_ORGANISATION_ERROR, RK_ORGANISATION_ERROR_NAME_REQUIRED);
}

static void
test_links_from_both_sides (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) spin = add_project (db, "Spitzencluster Industrielle Innovationen");
  g_autoptr(RkProject) siko = add_project (db, "SiKo Ruhr");
  g_autoptr(RkOrganisation) verein = add_organisation (db, "SPIN e.V.", RK_KIND_ASSOCIATION);
  g_autoptr(RkOrganisation) rwe = add_organisation (db, "RWE Generation", RK_KIND_COMPANY);
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(RkPartnerLink) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rk_partner_link_add (db, rk_project_get_id (spin), rk_organisation_get_id (rwe), RK_ROLE_PARTNER, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (spin), rk_organisation_get_id (verein), RK_ROLE_LEAD_PARTNER, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (siko), rk_organisation_get_id (rwe), RK_ROLE_FUNDER, &error));
  /* Adding again changes the role, not the number of links. */
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (siko), rk_organisation_get_id (rwe), RK_ROLE_PROPOSER, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, 3);

  /* From the project: the lead partner first. */
  partners = rk_project_list_partners (db, rk_project_get_id (spin), &error);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 2);
  first = g_list_model_get_item (partners, 0);
  g_assert_cmpstr (rk_partner_link_get_organisation_name (first), ==, "SPIN e.V.");
  g_assert_cmpint (rk_partner_link_get_role (first), ==, RK_ROLE_LEAD_PARTNER);
  g_clear_object (&first);

  /* From the organisation: its projects with its role in each. */
  projects = rk_organisation_list_projects (db, rk_organisation_get_id (rwe), &error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  first = g_list_model_get_item (projects, 0);
  g_assert_cmpstr (rk_partner_link_get_project_title (first), ==, "SiKo Ruhr");
  g_assert_cmpint (rk_partner_link_get_role (first), ==, RK_ROLE_PROPOSER);

  g_assert_true (rk_partner_link_set_role (db, first, RK_ROLE_FUNDER, &error));
  g_assert_true (rk_partner_link_remove (db, first, &error));
  g_clear_object (&projects);
  projects = rk_organisation_list_projects (db, rk_organisation_get_id (rwe), &error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  g_assert_cmpuint (rk_organisation_count_links (db, rk_organisation_get_id (rwe)), ==, 1);
}

static void
test_duplicates (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkOrganisation) stiftung = add_organisation (db, "Stiftung Zollverein", RK_KIND_ASSOCIATION);
  g_autoptr(RkOrganisation) other = add_organisation (db, "Zollverein Stiftung", RK_KIND_ASSOCIATION);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const same[] = {
    "stiftung zollverein e.V.", "Stiftung  Zollverein", "STIFTUNG ZOLLVEREIN gGmbH",
    "Stiftung Zollverein GmbH & Co. KG", "Stiftung Zollverein eG", "Stíftung Zollvérein AG",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = rk_organisation_name_key ("Stiftung Zollverein");
      g_autofree char *b = rk_organisation_name_key (same[i]);

      g_assert_cmpstr (a, ==, b);
    }

  found = rk_organisation_find_duplicates (db, "stiftung zollverein e.V.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (rk_organisation_get_id (found->pdata[0]), ==, rk_organisation_get_id (stiftung));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* Not itself, and a legal form alone is no name. */
  found = rk_organisation_find_duplicates (db, "Stiftung Zollverein", rk_organisation_get_id (stiftung), &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = rk_organisation_find_duplicates (db, "Stiftung AG", NULL, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_merge_and_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) p1 = add_project (db, "Neue Künste Ruhr");
  g_autoptr(RkProject) p2 = add_project (db, "Research Alliance Ruhr");
  g_autoptr(RkOrganisation) target = add_organisation (db, "Stiftung Zollverein", RK_KIND_ASSOCIATION);
  g_autoptr(RkOrganisation) source = add_organisation (db, "stiftung zollverein e.V.", RK_KIND_ASSOCIATION);
  g_autoptr(RkOrganisation) merged = NULL;
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_set (target, "address", "Gelsenkirchener Straße 181, 45309 Essen", "phone", "0201 123", NULL);
  g_object_set (source, "address", "Essen", "notes", "Trägerin des Welterbes", "phone", "0201 246810", NULL);
  g_assert_true (rk_organisation_save (target, db, &error) && rk_organisation_save (source, db, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (p1), rk_organisation_get_id (target), RK_ROLE_PARTNER, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (p1), rk_organisation_get_id (source), RK_ROLE_FUNDER, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (p2), rk_organisation_get_id (source), RK_ROLE_PROPOSER, &error));
  before = dump (db);

  /* The phone number as the user chose, the rest by length. */
  g_hash_table_insert (choices, (gpointer) "phone", GINT_TO_POINTER (RK_MERGE_KEEP_TARGET));
  g_assert_true (rk_organisation_merge (db, rk_organisation_get_id (target), rk_organisation_get_id (source),
                                        choices, &snapshot, &error));
  g_assert_no_error (error);

  g_assert_cmpint (rk_database_count_rows (db, "organisation", NULL), ==, 1);
  merged = rk_organisation_load (db, rk_organisation_get_id (target), &error);
  g_assert_nonnull (merged);
  {
    g_autofree char *address = NULL, *notes = NULL, *phone = NULL;

    g_object_get (merged, "address", &address, "notes", &notes, "phone", &phone, NULL);
    g_assert_cmpstr (address, ==, "Gelsenkirchener Straße 181, 45309 Essen");
    g_assert_cmpstr (notes, ==, "Trägerin des Welterbes");
    g_assert_cmpstr (phone, ==, "0201 123");
  }

  /* Links moved; where both were partners, the target's link stays. */
  projects = rk_organisation_list_projects (db, rk_organisation_get_id (target), &error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, 2);

  /* Undo brings both back, exactly. */
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_and_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) project = add_project (db, "SiKo Ruhr");
  g_autoptr(RkOrganisation) organisation = add_organisation (db, "Bundespolizei", RK_KIND_AUTHORITY);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rk_partner_link_add (db, rk_project_get_id (project), rk_organisation_get_id (organisation), RK_ROLE_PARTNER, &error));
  before = dump (db);
  g_assert_true (rk_organisation_delete (db, rk_organisation_get_id (organisation), &snapshot, &error));
  g_assert_cmpint (rk_database_count_rows (db, "project_partner", NULL), ==, 0);
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_erase_leaves_no_trace (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, NULL);
  g_autoptr(RkProject) project = add_project (db, "Neue Künste Ruhr");
  g_autoptr(RkOrganisation) person = add_organisation (db, "Erika Mustermann", RK_KIND_SELF_EMPLOYED);
  g_autoptr(RkOrganisation) erased = NULL;
  g_autoptr(GListModel) partners = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  static const char * const values[] = {
    "Mustermann", "erika@mustermann.example", "Heidestraße 17", "0170 5551234", "Zirkuspädagogin",
  };

  g_assert_true (rk_organisation_is_personal (person));
  g_object_set (person, "email", values[1], "address", values[2], "phone", values[3],
                "notes", values[4], "website", "www.mustermann.example", "municipality-id", ESSEN, NULL);
  g_assert_true (rk_organisation_save (person, db, &error));
  g_assert_true (rk_partner_link_add (db, rk_project_get_id (project), rk_organisation_get_id (person), RK_ROLE_PROPOSER, &error));

  /* Art. 15: everything stored on the person, with the project named. */
  json = rk_personal_data_to_json (db, rk_organisation_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"name\": \"Erika Mustermann\""));
  g_assert_nonnull (strstr (json, "\"email\": \"erika@mustermann.example\""));
  g_assert_nonnull (strstr (json, "\"project_title\": \"Neue Künste Ruhr\""));
  g_assert_nonnull (strstr (json, "\"role\": \"proposer\""));

  /* Art. 17: the values are gone from the database and its files; the
   * link stays, anonymous. */
  g_assert_true (rk_organisation_erase_personal_data (db, rk_organisation_get_id (person), &error));
  g_assert_no_error (error);
  erased = rk_organisation_load (db, rk_organisation_get_id (person), &error);
  g_assert_true (rk_organisation_is_erased (erased));
  g_assert_cmpstr (rk_organisation_get_email (erased), ==, "");
  partners = rk_project_list_partners (db, rk_project_get_id (project), &error);
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_false (file_contains (path, values[i]));
      g_assert_false (file_contains (wal, values[i]));
    }
  g_clear_object (&db);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_false (file_contains (path, values[i]));
}

static GStrv
list_names (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RkOrganisation) organisation = g_list_model_get_item (model, i);
      g_strv_builder_add (builder, rk_organisation_get_name (organisation));
    }
  return g_strv_builder_end (builder);
}

#define assert_names(model, ...) \
  G_STMT_START { \
    g_auto(GStrv) _names = list_names (G_LIST_MODEL (model)); \
    g_assert_cmpstrv (_names, ((const char *[]) { __VA_ARGS__, NULL })); \
  } G_STMT_END

static void
test_list (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkOrganisation) a = add_organisation (db, "Universität Duisburg-Essen", RK_KIND_RESEARCH);
  g_autoptr(RkOrganisation) b = add_organisation (db, "Stiftung Zollverein", RK_KIND_ASSOCIATION);
  g_autoptr(RkOrganisation) c = add_organisation (db, "Stadt Mülheim an der Ruhr", RK_KIND_MUNICIPALITY);
  g_autoptr(RkRecordList) list = rk_organisation_list_new (db);
  g_autoptr(GError) error = NULL;

  g_object_set (c, "municipality-id", "eb1af181-f011-5378-a631-5928a37f961c", NULL);
  g_assert_true (rk_organisation_save (c, db, &error));
  rk_record_list_refresh (list, NULL);

  assert_names (list, "Stadt Mülheim an der Ruhr", "Stiftung Zollverein", "Universität Duisburg-Essen");
  rk_record_list_set_search (list, "zollv");
  assert_names (list, "Stiftung Zollverein");
  rk_record_list_set_search (list, "universitat");
  assert_names (list, "Universität Duisburg-Essen");
  rk_record_list_set_search (list, "mulh");
  assert_names (list, "Stadt Mülheim an der Ruhr");
  rk_record_list_set_search (list, NULL);
  rk_organisation_list_set_kind (list, "association");
  assert_names (list, "Stiftung Zollverein");
  rk_organisation_list_set_kind (list, NULL);
  rk_organisation_list_set_municipality (list, "eb1af181-f011-5378-a631-5928a37f961c");
  assert_names (list, "Stadt Mülheim an der Ruhr");
  rk_organisation_list_set_municipality (list, NULL);
  rk_record_list_set_sort (list, RK_ORGANISATION_SORT_UPDATED);
  assert_names (list, "Stadt Mülheim an der Ruhr", "Stiftung Zollverein", "Universität Duisburg-Essen");
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/organisation/validation", test_validation);
  g_test_add_func ("/organisation/links-from-both-sides", test_links_from_both_sides);
  g_test_add_func ("/organisation/duplicates", test_duplicates);
  g_test_add_func ("/organisation/merge-and-undo", test_merge_and_undo);
  g_test_add_func ("/organisation/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/organisation/erase-leaves-no-trace", test_erase_leaves_no_trace);
  g_test_add_func ("/organisation/list", test_list);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
