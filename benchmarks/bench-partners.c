/* bench-partners.c: the partner list at 50,000 organisations and 200,000
 * project links
 *
 * Generates the data (deterministic), then measures, each as the median
 * of 5 runs after one warm-up run: the partner list ready after opening
 * (query and the first page of items), a set of searches, a filter, and a
 * project's partner group. Prints each figure beside the target (16 ms)
 * and exits 0 either way: a benchmark, not a test.
 *
 *   bench-partners [--organisations N] [--links N] [--database FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rk-database-private.h"
#include "rk-organisation.h"

#define N_RUNS 5
#define TARGET_MS 16.0

static const char * const words[] = {
  "Stiftung", "Zollverein", "Emscher", "Ruhr", "Verband", "Institut", "Forschung",
  "Hochschule", "Stadtwerke", "Verkehrsbetriebe", "Handwerkskammer", "Industrie",
  "Kultur", "Bildung", "Wasser", "Energie", "Mülheim", "Gelsenkirchen", "Dortmund",
  "Bochum", "Essen", "Künste", "Zirkus", "Hafen", "Logistik", "Wasserstoff",
  "Quartier", "Netzwerk", "Agentur", "Genossenschaft", "Gesellschaft", "Förderverein",
};
static const char * const forms[] = { "e.V.", "GmbH", "gGmbH", "AG", "eG", "", "", "" };
static const char * const kinds[] = {
  "authority", "company", "association", "club", "self_employed", "private_person",
  "research", "municipality", "other",
};
static const char * const roles[] = { "lead_partner", "partner", "funder", "proposer" };

static double
median_ms (double *values)
{
  for (guint i = 1; i < N_RUNS; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double swap = values[j];
        values[j] = values[j - 1];
        values[j - 1] = swap;
      }
  return values[N_RUNS / 2];
}

static guint n_targets, n_met;

static void
report (const char *what,
        guint       rows,
        double      ms)
{
  gboolean met = ms <= TARGET_MS;

  n_targets++;
  n_met += met;
  g_print ("  %-40s %9u %8.1f ms  <= %4.0f ms  %s\n", what, rows, ms, TARGET_MS, met ? "PASS" : "MISS");
}

static gboolean
generate (RkDatabase  *db,
          guint        n_organisations,
          guint        n_links,
          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  g_autoptr(GPtrArray) organisation_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) project_ids = g_ptr_array_new_with_free_func (g_free);
  guint n_projects = MAX (1, n_links / 20);

  if (!rk_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < n_projects; i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db,
        "INSERT INTO project (id, code, title, created_at, updated_at)"
        " VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", error);
      g_autofree char *id = rk_new_key ();
      g_autofree char *code = g_strdup_printf ("%02u-%05u_BM", i % 50, i);
      g_autofree char *title = g_strdup_printf ("Projekt %s %u", words[i % G_N_ELEMENTS (words)], i);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        goto failed;
      g_ptr_array_add (project_ids, g_steal_pointer (&id));
    }

  for (guint i = 0; i < n_organisations; i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db,
        "INSERT INTO organisation (id, name, kind, address, notes, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', ?)", error);
      g_autofree char *id = rk_new_key ();
      g_autofree char *name = g_strdup_printf ("%s %s %s %u %s",
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               i, forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))]);
      g_autofree char *address = g_strdup_printf ("%sstraße %u, %s", words[i % G_N_ELEMENTS (words)],
                                                  1 + i % 200, words[(i / 7) % G_N_ELEMENTS (words)]);
      g_autofree char *updated = g_strdup_printf ("2026-%02u-%02uT12:00:00Z", 1 + i % 12, 1 + i % 28);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, address, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, i % 3 == 0 ? "Partner aus dem Ruhrgebiet" : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, updated, -1, SQLITE_TRANSIENT);
      if (!rk_database_step_done (db, stmt, error))
        goto failed;
      g_ptr_array_add (organisation_ids, g_steal_pointer (&id));
    }

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db,
        "INSERT OR IGNORE INTO project_partner (id, project_id, organisation_id, role, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, 'x', 'x')", error);
      g_autofree char *id = rk_new_key ();

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, project_ids->pdata[i % project_ids->len], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, organisation_ids->pdata[g_rand_int_range (rand, 0, organisation_ids->len)],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, roles[i % G_N_ELEMENTS (roles)], -1, SQLITE_STATIC);
      if (!rk_database_step_done (db, stmt, error))
        goto failed;
    }

  return rk_database_commit (db, error);

failed:
  rk_database_rollback (db);
  return FALSE;
}

static char *
some_project (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT id FROM project ORDER BY code LIMIT 1 OFFSET 777", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

int
main (int   argc,
      char *argv[])
{
  int n_organisations = 50000, n_links = 200000;
  g_autofree char *database = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_id = NULL;
  GOptionEntry entries[] = {
    { "organisations", 0, 0, G_OPTION_ARG_INT, &n_organisations, "Organisations to generate", "N" },
    { "links", 0, 0, G_OPTION_ARG_INT, &n_links, "Project links to generate", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Where to generate (default: a temporary folder)", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  static const char * const searches[] = { "zoll", "mulheim", "stiftung kunste", "k", "xylophon" };
  double times[N_RUNS];
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (database == NULL)
    {
      dir = g_dir_make_tmp ("rk-bench-XXXXXX", &error);
      if (dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      database = g_build_filename (dir, "bench.db", NULL);
    }

  g_print ("Ruhr-Konferenz partner list benchmark: %d organisations, %d links\n", n_organisations, n_links);
  g_print ("Each time is the median of %d runs after 1 warm-up run.\n", N_RUNS);

  {
    g_autoptr(RkDatabase) db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);

    start = g_get_monotonic_time ();
    if (db == NULL || !generate (db, n_organisations, n_links, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    g_print ("Generated in %.1f s\n\n", (g_get_monotonic_time () - start) / 1e6);
  }

  g_print ("                                               rows    median      target\n");

  /* The list ready after opening: open, query, the first page of items. */
  for (int run = -1; run < N_RUNS; run++)
    {
      g_autoptr(RkDatabase) db = NULL;
      g_autoptr(RkRecordList) list = NULL;

      start = g_get_monotonic_time ();
      db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
      list = rk_organisation_list_new (db);
      for (guint i = 0; i < 30; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      if (run >= 0)
        times[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (run == N_RUNS - 1)
        report ("partner list ready after opening", g_list_model_get_n_items (G_LIST_MODEL (list)),
                median_ms (times));
    }

  {
    g_autoptr(RkDatabase) db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(RkRecordList) list = rk_organisation_list_new (db);

    for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
      {
        g_autofree char *what = g_strdup_printf ("search \"%s\"", searches[s]);

        for (int run = -1; run < N_RUNS; run++)
          {
            rk_record_list_set_search (list, NULL);
            start = g_get_monotonic_time ();
            rk_record_list_set_search (list, searches[s]);
            if (run >= 0)
              times[run] = (g_get_monotonic_time () - start) / 1000.0;
          }
        report (what, g_list_model_get_n_items (G_LIST_MODEL (list)), median_ms (times));
      }
    rk_record_list_set_search (list, NULL);

    for (int run = -1; run < N_RUNS; run++)
      {
        rk_organisation_list_set_kind (list, NULL);
        start = g_get_monotonic_time ();
        rk_organisation_list_set_kind (list, "research");
        if (run >= 0)
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
      }
    report ("filter by kind (research)", g_list_model_get_n_items (G_LIST_MODEL (list)), median_ms (times));

    /* A project's partner group: the links of one project, by role. */
    project_id = some_project (db);
    for (int run = -1; run < N_RUNS; run++)
      {
        g_autoptr(GListModel) partners = NULL;

        start = g_get_monotonic_time ();
        partners = rk_project_list_partners (db, project_id, &error);
        if (run >= 0)
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
        if (run == N_RUNS - 1)
          report ("a project's partner group", g_list_model_get_n_items (partners), median_ms (times));
      }

    /* An organisation's projects, from its detail page. */
    for (int run = -1; run < N_RUNS; run++)
      {
        g_autoptr(RkOrganisation) first = g_list_model_get_item (G_LIST_MODEL (list), 100);
        g_autoptr(GListModel) projects = NULL;

        start = g_get_monotonic_time ();
        projects = rk_organisation_list_projects (db, rk_organisation_get_id (first), &error);
        if (run >= 0)
          times[run] = (g_get_monotonic_time () - start) / 1000.0;
        if (run == N_RUNS - 1)
          report ("an organisation's projects", g_list_model_get_n_items (projects), median_ms (times));
      }
  }

  g_print ("\n%u of %u targets met.\n", n_met, n_targets);

  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_unlink (database);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }

  return 0;
}
