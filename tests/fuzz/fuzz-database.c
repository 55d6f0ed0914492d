/* fuzz-database.c: opening a hostile database file under libFuzzer
 *
 * Each input becomes a database file that is opened as the application
 * opens one given with --database. It must be refused with a sentence or
 * opened cleanly, never crash (AddressSanitizer watches every read). If it
 * opens, what the first window reads follows: the overview's summary, the
 * lists of projects, partners, notes, board members, meetings and
 * reports, the first project by its key, and a search. Built only with
 * -Dfuzzing=true and clang; how to run it: tests/fuzz/meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-util.h"
#include "rk-board.h"
#include "rk-note-list.h"
#include "rk-organisation.h"
#include "rk-project-list.h"
#include "rk-project.h"
#include "rk-report.h"
#include "rk-summary.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *path;

/* Every item of the list, as the list view binds them; the number of
 * items it holds. */
static guint
read_all (GListModel *list)
{
  guint n;

  if (list == NULL)
    return 0;
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (list, i);

      g_clear_object (&item);
    }
  return n;
}

static void
read_projects (RkDatabase *db)
{
  g_autoptr(RkRecordList) list = rk_project_list_new (db);
  g_autoptr(GObject) first = NULL;
  g_autoptr(RkProject) project = NULL;

  /* The lead ministries of the list's filter. */
  g_strfreev (rk_database_list_lead_ministries (db));

  if (read_all (G_LIST_MODEL (list)) == 0)
    return;

  /* The detail page loads the selected project afresh. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  if (first != NULL)
    project = rk_project_load (db, rk_project_get_id (RK_PROJECT (first)), NULL);

  rk_record_list_set_search (list, "ruhr");
  read_all (G_LIST_MODEL (list));
  rk_record_list_set_search (list, "\"x*");
  read_all (G_LIST_MODEL (list));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RkSummary *summary;

  if (path == NULL)
    {
      g_autofree char *dir = fuzz_make_dir ("rk-fuzz-database");

      fuzz_quiet_logs ();
      path = g_build_filename (dir, "hostile.db", NULL);
    }

  fuzz_write_database (path, data, size);
  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      if (!g_str_has_suffix (error->message, "."))
        abort ();
      return 0;
    }

  summary = rk_summary_new_for_projects (db, NULL);
  g_clear_pointer (&summary, rk_summary_unref);
  read_projects (db);
  {
    g_autoptr(RkRecordList) organisations = rk_organisation_list_new (db);
    g_autoptr(RkRecordList) notes = rk_note_list_new (db);
    g_autoptr(RkRecordList) reports = rk_report_list_new (db);
    g_autoptr(GListModel) members = rk_database_list_board_members (db, NULL);
    g_autoptr(GListModel) meetings = rk_database_list_meetings (db, NULL);

    read_all (G_LIST_MODEL (organisations));
    read_all (G_LIST_MODEL (notes));
    read_all (G_LIST_MODEL (reports));
    read_all (members);
    read_all (meetings);
  }
  return 0;
}
