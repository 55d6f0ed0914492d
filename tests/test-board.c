/* test-board.c: the advisory board's members, meetings and notes, the
 * links of notes to projects, the note list, and deleting with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "rk-board.h"
#include "rk-database-private.h"
#include "rk-note-list.h"
#include "rk-project.h"
#include "rk-test-util.h"

static RkBoardMember *
add_member (RkDatabase *db,
            const char *name,
            const char *active_from,
            const char *active_to)
{
  g_autoptr(GError) error = NULL;
  RkBoardMember *member = rk_board_member_new ();

  g_object_set (member, "name", name, "organisation", "DGB NRW", "function", "Vorsitzende",
                "active-from", active_from, "active-to", active_to, NULL);
  rk_board_member_insert (member, db, &error);
  g_assert_no_error (error);
  return member;
}

static RkMeeting *
add_meeting (RkDatabase         *db,
             const char         *date,
             const char         *title,
             const char * const *member_ids)
{
  g_autoptr(GError) error = NULL;
  RkMeeting *meeting = rk_meeting_new ();

  g_object_set (meeting, "date", date, "title", title, "place", "Essen",
                "member-ids", member_ids, NULL);
  rk_meeting_insert (meeting, db, &error);
  g_assert_no_error (error);
  return meeting;
}

static RkNote *
add_note (RkDatabase *db,
          const char *date,
          const char *title,
          const char *text,
          const char *meeting_id,
          const char *author_id)
{
  g_autoptr(GError) error = NULL;
  RkNote *note = rk_note_new ();

  g_object_set (note, "date", date, "title", title, "text", text,
                "meeting-id", meeting_id, "author-id", author_id, NULL);
  rk_note_insert (note, db, &error);
  g_assert_no_error (error);
  return note;
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

/* Every table the board touches, and the search index. */
static char *
dump_board (RkDatabase *db)
{
  static const char * const queries[] = {
    "SELECT * FROM board_member ORDER BY id",
    "SELECT * FROM meeting ORDER BY id",
    "SELECT * FROM meeting_member ORDER BY id",
    "SELECT * FROM note ORDER BY id",
    "SELECT * FROM note_project ORDER BY id",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *words = rk_test_dump_words (db, "note_fts");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *dump = table_dump (db, queries[i]);
      g_string_append_printf (out, "%s:\n%s", queries[i], dump);
    }
  g_string_append_printf (out, "search index:\n%s", words);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
query_int64 (RkDatabase *db,
             const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
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
seen_table (GPtrArray  *seen,
            const char *table)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (seen, i), table) &&
        ((const char *) g_ptr_array_index (seen, i))[strlen (table)] == '/')
      return TRUE;
  return FALSE;
}

static void
run_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ------------------------------------------------------------------ */

static void
test_member_validation (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkBoardMember) member = add_member (db, "Anja Weber", "2018-10-22", NULL);
  g_autoptr(RkBoardMember) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_uuid_string_is_valid (rk_board_member_get_id (member)));
  loaded = rk_board_member_load (db, rk_board_member_get_id (member), &error);
  g_assert_no_error (error);
  g_assert_true (rk_board_member_equal_values (member, loaded));
  g_assert_null (rk_board_member_get_active_to (loaded));

  before = dump_board (db);

  /* Each refusal is one sentence and stores nothing. */
  g_object_set (loaded, "name", "  ", NULL);
  g_assert_false (rk_board_member_save (loaded, db, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NAME_REQUIRED);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  g_object_set (loaded, "name", "Anja Weber", "active-to", "2018-10-21", NULL);
  g_assert_false (rk_board_member_save (loaded, db, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_END_BEFORE_START);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  g_object_set (loaded, "active-to", "2023-02-30", NULL);
  g_assert_false (rk_board_member_save (loaded, db, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_INVALID_DATE);
  g_clear_error (&error);

  after = dump_board (db);
  g_assert_cmpstr (after, ==, before);

  /* Ending on the day it began is a membership of one day. */
  g_object_set (loaded, "active-to", "2018-10-22", "function", "Vorsitzende DGB NRW", NULL);
  g_assert_true (rk_board_member_save (loaded, db, &error));
  g_assert_no_error (error);
  g_assert_true (rk_board_member_reload (member, db, &error));
  g_assert_cmpstr (rk_board_member_get_function (member), ==, "Vorsitzende DGB NRW");
  g_assert_cmpstr (rk_board_member_get_active_to (member), ==, "2018-10-22");
}

static void
test_members_current_and_former (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkBoardMember) kirchhoff = add_member (db, "Arndt G. Kirchhoff", "2018-10-22", "2023-08-16");
  g_autoptr(RkBoardMember) zimmer = add_member (db, "Zora Zimmer", "2024-01-01", NULL);
  g_autoptr(RkBoardMember) weber = add_member (db, "Anja Weber", "2018-10-22", "2023-08-16");
  g_autoptr(RkBoardMember) future = add_member (db, "Berta Bald", "2024-01-01", "2999-12-31");
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "Berta Bald", "Zora Zimmer", "Anja Weber", "Arndt G. Kirchhoff" };

  g_assert_true (rk_board_member_is_current (zimmer, "2025-06-01"));
  g_assert_true (rk_board_member_is_current (future, "2025-06-01"));
  g_assert_false (rk_board_member_is_current (weber, "2025-06-01"));
  g_assert_true (rk_board_member_is_current (weber, "2023-08-16"));

  /* Current members first, then former ones, each by name. */
  members = rk_database_list_board_members (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (members, i);
      g_assert_cmpstr (rk_board_member_get_name (member), ==, expected[i]);
    }
}

#define WEBERS_ATTENDANCE \
  "SELECT id FROM meeting_member WHERE board_member_id =" \
  " (SELECT id FROM board_member WHERE name = 'Anja Weber')"

static void
test_meeting_members_present (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkBoardMember) kirchhoff = add_member (db, "Arndt G. Kirchhoff", "2018-10-22", NULL);
  g_autoptr(RkBoardMember) weber = add_member (db, "Anja Weber", "2018-10-22", NULL);
  g_autoptr(RkBoardMember) overbeck = add_member (db, "Dr. Franz-Josef Overbeck", "2018-10-22", NULL);
  const char *all[] = { rk_board_member_get_id (overbeck), rk_board_member_get_id (kirchhoff),
                        rk_board_member_get_id (weber), NULL };
  const char *two[] = { rk_board_member_get_id (weber), rk_board_member_get_id (overbeck), NULL };
  g_autoptr(RkMeeting) meeting = add_meeting (db, "2018-10-22", "Konstituierende Sitzung", all);
  g_autoptr(RkMeeting) loaded = NULL;
  g_autoptr(RkMeeting) empty = rk_meeting_new ();
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_row = NULL;
  g_autofree char *label = NULL;

  /* Stored in one write, read back by name. */
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, 3);
  loaded = rk_meeting_load (db, rk_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (rk_meeting_get_member_ids (loaded),
                    ((const char *[]) { rk_board_member_get_id (weber), rk_board_member_get_id (kirchhoff),
                                        rk_board_member_get_id (overbeck), NULL }));
  g_assert_true (rk_meeting_equal_values (meeting, loaded));

  /* One fewer present: only that row goes; the others keep their keys. */
  kept_row = table_dump (db, WEBERS_ATTENDANCE);
  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_object_set (loaded, "member-ids", two, "place", "Bischofshaus, Essen", NULL);
  g_assert_false (rk_meeting_equal_values (meeting, loaded));
  g_assert_true (rk_meeting_save (loaded, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, 2);
  g_assert_true (seen_table (seen, "meeting"));
  g_assert_true (seen_table (seen, "meeting_member"));
  {
    g_autofree char *row = table_dump (db, WEBERS_ATTENDANCE);
    g_assert_cmpstr (row, ==, kept_row);
  }
  g_assert_true (rk_meeting_reload (meeting, db, &error));
  g_assert_cmpstr (rk_meeting_get_place (meeting), ==, "Bischofshaus, Essen");
  g_assert_cmpuint (g_strv_length ((GStrv) rk_meeting_get_member_ids (meeting)), ==, 2);

  /* The order of ticking does not make a change. */
  {
    const char *reversed[] = { two[1], two[0], NULL };
    g_autoptr(RkMeeting) copy = rk_meeting_copy (meeting);

    g_object_set (copy, "member-ids", reversed, NULL);
    g_assert_true (rk_meeting_equal_values (copy, meeting));
  }

  /* A meeting needs a date; the title may wait. */
  g_assert_false (rk_meeting_insert (empty, db, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_DATE_REQUIRED);
  g_clear_error (&error);
  g_object_set (empty, "date", "2019-13-01", NULL);
  g_assert_false (rk_meeting_insert (empty, db, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_INVALID_DATE);
  g_clear_error (&error);
  g_object_set (empty, "date", "2019-11-05", NULL);
  g_assert_true (rk_meeting_insert (empty, db, &error));

  /* Newest first, each with who was there. */
  meetings = rk_database_list_meetings (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  {
    g_autoptr(RkMeeting) first = g_list_model_get_item (meetings, 0);
    g_autoptr(RkMeeting) second = g_list_model_get_item (meetings, 1);

    g_assert_cmpstr (rk_meeting_get_date (first), ==, "2019-11-05");
    g_assert_cmpuint (g_strv_length ((GStrv) rk_meeting_get_member_ids (first)), ==, 0);
    g_assert_cmpuint (g_strv_length ((GStrv) rk_meeting_get_member_ids (second)), ==, 2);
  }

  label = rk_meeting_dup_label (meeting);
  g_assert_nonnull (strstr (label, "Konstituierende Sitzung"));
}

/* A member's deletion takes their attendance and leaves their notes
 * without an author; Undo brings all of it back exactly. The same for a
 * meeting and its notes. */
static void
test_member_and_meeting_delete_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkBoardMember) weber = add_member (db, "Anja Weber", "2018-10-22", NULL);
  g_autoptr(RkBoardMember) kirchhoff = add_member (db, "Arndt G. Kirchhoff", "2018-10-22", NULL);
  const char *both[] = { rk_board_member_get_id (weber), rk_board_member_get_id (kirchhoff), NULL };
  g_autoptr(RkMeeting) meeting = add_meeting (db, "2018-10-22", "Konstituierende Sitzung", both);
  g_autoptr(RkNote) note = add_note (db, "2018-10-22", "Arbeitsweise", "Text", rk_meeting_get_id (meeting),
                                     rk_board_member_get_id (weber));
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_board (db);
  g_autofree char *after = NULL;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_assert_true (rk_board_member_delete (db, rk_board_member_get_id (weber), &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "board_member", NULL), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note WHERE author_id IS NULL"), ==, 1);
  /* The note lost its author: lists that show it hear of it. */
  g_assert_true (seen_table (seen, "note"));
  g_assert_true (seen_table (seen, "board_member"));

  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = dump_board (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&snapshot, rk_snapshot_free);
  g_clear_pointer (&after, g_free);

  g_assert_true (rk_meeting_delete (db, rk_meeting_get_id (meeting), &snapshot, &error));
  g_assert_cmpint (rk_database_count_rows (db, "meeting", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "meeting_member", NULL), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM note WHERE meeting_id IS NULL"), ==, 1);
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = dump_board (db);
  g_assert_cmpstr (after, ==, before);

  /* Deleting what is gone says so. */
  g_assert_true (rk_meeting_delete (db, rk_meeting_get_id (meeting), NULL, &error));
  g_assert_false (rk_meeting_delete (db, rk_meeting_get_id (meeting), NULL, &error));
  g_assert_error (error, RK_BOARD_ERROR, RK_BOARD_ERROR_NOT_FOUND);
}

static void
test_note_create_and_validate (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkNote) note = rk_note_new ();
  g_autoptr(RkNote) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (note, "title", "Leitprojekte", "text", "Erster Absatz.\n\nZweiter Absatz.", NULL);
  g_assert_false (rk_note_insert (note, db, &error));
  g_assert_error (error, RK_NOTE_ERROR, RK_NOTE_ERROR_DATE_REQUIRED);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);
  g_assert_cmpint (rk_database_count_rows (db, "note", NULL), ==, 0);

  g_object_set (note, "date", "2019-02-29", NULL);
  g_assert_false (rk_note_insert (note, db, &error));
  g_assert_error (error, RK_NOTE_ERROR, RK_NOTE_ERROR_INVALID_DATE);
  g_clear_error (&error);

  /* Meeting and author are optional; empty means none. */
  g_object_set (note, "date", "2019-03-01", "meeting-id", "", "author-id", NULL, NULL);
  g_assert_true (rk_note_insert (note, db, &error));
  g_assert_no_error (error);
  g_assert_null (rk_note_get_meeting_id (note));

  loaded = rk_note_load (db, rk_note_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_true (rk_note_equal_values (note, loaded));
  g_assert_cmpstr (rk_note_get_text (loaded), ==, "Erster Absatz.\n\nZweiter Absatz.");
  g_assert_cmpint (rk_note_get_rowid (loaded), ==, rk_note_get_rowid (note));

  /* A meeting or author that does not exist is refused by the database. */
  g_object_set (loaded, "author-id", "no-such-member", NULL);
  g_assert_false (rk_note_save (loaded, db, &error));
  g_assert_error (error, RK_DATABASE_ERROR, SQLITE_CONSTRAINT_FOREIGNKEY);
}

static void
test_note_links (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) mobility = add_project (db, "Mobilitätsregion Ruhr");
  g_autoptr(RkProject) arts = add_project (db, "Neue Künste Ruhr");
  g_autoptr(RkProject) other = add_project (db, "Research Alliance Ruhr");
  g_autoptr(RkNote) note = add_note (db, "2019-11-05", "Leitprojekte", "Beratung", NULL, NULL);
  g_autoptr(RkNote) older = add_note (db, "2019-01-10", "Vorbereitung", "", NULL, NULL);
  g_autoptr(GListModel) for_project = NULL;
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *changed_before = g_strdup (rk_note_get_updated_at (note));
  guint n_notes = 0;

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);

  /* Two links, kept by project title; each marks the note as changed. */
  g_assert_true (rk_note_link_project (note, db, rk_project_get_id (arts), &error));
  g_assert_true (rk_note_link_project (note, db, rk_project_get_id (mobility), &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (rk_note_get_project_ids (note),
                    ((const char *[]) { rk_project_get_id (mobility), rk_project_get_id (arts), NULL }));
  g_assert_cmpstr (rk_note_get_updated_at (note), >, changed_before);
  g_assert_true (seen_table (seen, "note_project"));
  g_assert_true (seen_table (seen, "note"));

  /* Linking again changes and announces nothing. */
  g_ptr_array_set_size (seen, 0);
  g_assert_true (rk_note_link_project (note, db, rk_project_get_id (arts), &error));
  g_assert_cmpint (rk_database_count_rows (db, "note_project", NULL), ==, 2);
  g_assert_cmpuint (seen->len, ==, 0);

  /* A project that is gone cannot be linked. */
  g_assert_false (rk_note_link_project (note, db, "no-such-project", &error));
  g_assert_error (error, RK_NOTE_ERROR, RK_NOTE_ERROR_PROJECT_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (rk_note_link_project (older, db, rk_project_get_id (arts), &error));

  /* A project's notes, newest first. */
  for_project = rk_note_list_for_project (db, rk_project_get_id (arts), 0, &n_notes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (for_project), ==, 2);
  g_assert_cmpuint (n_notes, ==, 2);
  {
    g_autoptr(RkNote) first = g_list_model_get_item (for_project, 0);
    g_assert_cmpstr (rk_note_get_title (first), ==, "Leitprojekte");
  }
  g_clear_object (&for_project);
  for_project = rk_note_list_for_project (db, rk_project_get_id (other), 0, &n_notes, &error);
  g_assert_cmpuint (g_list_model_get_n_items (for_project), ==, 0);
  g_assert_cmpuint (n_notes, ==, 0);
  g_clear_object (&for_project);

  /* Only the newest are built when a page shows a few. */
  for_project = rk_note_list_for_project (db, rk_project_get_id (arts), 1, &n_notes, &error);
  g_assert_cmpuint (g_list_model_get_n_items (for_project), ==, 1);
  g_assert_cmpuint (n_notes, ==, 2);
  g_clear_object (&for_project);

  /* Unlinking removes one row; unlinking again changes nothing. */
  g_assert_true (rk_note_unlink_project (note, db, rk_project_get_id (arts), &error));
  g_assert_true (rk_note_unlink_project (note, db, rk_project_get_id (arts), &error));
  g_assert_no_error (error);
  g_assert_cmpstrv (rk_note_get_project_ids (note),
                    ((const char *[]) { rk_project_get_id (mobility), NULL }));

  /* A project's deletion takes its links; its Undo brings them back. */
  g_assert_true (rk_project_delete (db, rk_project_get_id (mobility), &snapshot, &error));
  g_assert_true (rk_note_reload (note, db, &error));
  g_assert_cmpuint (g_strv_length ((GStrv) rk_note_get_project_ids (note)), ==, 0);
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_true (rk_note_reload (note, db, &error));
  g_assert_cmpuint (g_strv_length ((GStrv) rk_note_get_project_ids (note)), ==, 1);
}

static void
test_note_delete_and_undo (void)
{
  g_autoptr(RkDatabase) db = rk_test_open_new_database ();
  g_autoptr(RkProject) arts = add_project (db, "Neue Künste Ruhr");
  g_autoptr(RkProject) mobility = add_project (db, "Mobilitätsregion Ruhr");
  g_autoptr(RkNote) note = add_note (db, "2019-11-05", "Zirkus und Urbane Künste",
                                     "Beratung über Künste", NULL, NULL);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(RkRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rk_note_link_project (note, db, rk_project_get_id (arts), &error));
  g_assert_true (rk_note_link_project (note, db, rk_project_get_id (mobility), &error));
  before = dump_board (db);

  g_assert_true (rk_note_delete (db, rk_note_get_id (note), &snapshot, &error));
  g_assert_no_error (error);
  deleted = dump_board (db);
  g_assert_cmpint (rk_database_count_rows (db, "note", NULL), ==, 0);
  g_assert_cmpint (rk_database_count_rows (db, "note_project", NULL), ==, 0);
  g_assert_null (strstr (deleted, "Zirkus"));

  /* Undo: the note, its links and its place in the search, exactly. */
  g_assert_true (rk_snapshot_restore (snapshot, db, &error));
  g_assert_no_error (error);
  after = dump_board (db);
  g_assert_cmpstr (after, ==, before);

  list = rk_note_list_new (db);
  rk_record_list_set_search (list, "zirkus");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static GStrv
list_titles (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RkNote) note = g_list_model_get_item (model, i);
      g_strv_builder_add (builder, rk_note_get_title (note));
    }
  return g_strv_builder_end (builder);
}

#define assert_titles(model, ...) \
  G_STMT_START { \
    g_auto(GStrv) _titles = list_titles (G_LIST_MODEL (model)); \
    g_assert_cmpstrv (_titles, ((const char *[]) { __VA_ARGS__, NULL })); \
  } G_STMT_END

typedef struct
{
  RkDatabase    *db;
  RkBoardMember *weber;
  RkBoardMember *kirchhoff;
  RkMeeting     *meeting;
  RkProject     *arts;
  RkProject     *mobility;
} Board;

static void
board_init (Board *board)
{
  const char *present[3];
  g_autoptr(RkNote) a = NULL;
  g_autoptr(RkNote) b = NULL;
  g_autoptr(RkNote) c = NULL;
  g_autoptr(RkNote) d = NULL;

  board->db = rk_test_open_new_database ();
  board->weber = add_member (board->db, "Anja Weber", "2018-10-22", "2023-08-16");
  board->kirchhoff = add_member (board->db, "Arndt G. Kirchhoff", "2018-10-22", "2023-08-16");
  present[0] = rk_board_member_get_id (board->weber);
  present[1] = rk_board_member_get_id (board->kirchhoff);
  present[2] = NULL;
  board->meeting = add_meeting (board->db, "2019-11-05", "Zweite Sitzung", present);
  board->arts = add_project (board->db, "Neue Künste Ruhr");
  board->mobility = add_project (board->db, "Mobilitätsregion Ruhr");

  a = add_note (board->db, "2019-11-05", "Leitprojekte auswählen", "Kriterien für Leitprojekte",
                rk_meeting_get_id (board->meeting), rk_board_member_get_id (board->weber));
  b = add_note (board->db, "2019-11-05", "Zirkusschule", "Neuer Zirkus in Gelsenkirchen",
                rk_meeting_get_id (board->meeting), rk_board_member_get_id (board->kirchhoff));
  c = add_note (board->db, "2020-03-12", "Radschnellweg Mülheim", "Trasse über die Ruhr",
                NULL, rk_board_member_get_id (board->weber));
  d = add_note (board->db, "2018-12-01", "Vorgespräch", "Ohne Bezug", NULL, NULL);

  g_assert_true (rk_note_link_project (a, board->db, rk_project_get_id (board->arts), NULL));
  g_assert_true (rk_note_link_project (a, board->db, rk_project_get_id (board->mobility), NULL));
  g_assert_true (rk_note_link_project (b, board->db, rk_project_get_id (board->arts), NULL));
  g_assert_true (rk_note_link_project (c, board->db, rk_project_get_id (board->mobility), NULL));
}

static void
board_clear (Board *board)
{
  g_clear_object (&board->weber);
  g_clear_object (&board->kirchhoff);
  g_clear_object (&board->meeting);
  g_clear_object (&board->arts);
  g_clear_object (&board->mobility);
  g_clear_object (&board->db);
}

static void
test_list_order_and_search (void)
{
  Board board;
  g_autoptr(RkRecordList) list = NULL;

  board_init (&board);
  list = rk_note_list_new (board.db);

  /* Newest first; on the same day, the one written later first. */
  assert_titles (list, "Radschnellweg Mülheim", "Zirkusschule", "Leitprojekte auswählen", "Vorgespräch");
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 4);
  g_assert_cmpuint (rk_record_list_get_n_loaded (list), ==, 0);

  /* Prefixes, in title and text, without diacritics either way. */
  rk_record_list_set_search (list, "mulh");
  assert_titles (list, "Radschnellweg Mülheim");
  rk_record_list_set_search (list, "AUSWAHLEN");
  assert_titles (list, "Leitprojekte auswählen");
  rk_record_list_set_search (list, "zirkus gelsen");
  assert_titles (list, "Zirkusschule");
  rk_record_list_set_search (list, "leitprojekte");
  assert_titles (list, "Leitprojekte auswählen");
  rk_record_list_set_search (list, "\"ruhr* ( ^");
  assert_titles (list, "Radschnellweg Mülheim");
  rk_record_list_set_search (list, "nichts");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (rk_record_list_get_n_total (list), ==, 4);
  rk_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  g_clear_object (&list);
  board_clear (&board);
}

static void
test_list_filters (void)
{
  Board board;
  g_autoptr(RkRecordList) list = NULL;

  board_init (&board);
  list = rk_note_list_new (board.db);

  rk_note_list_set_author_id (list, rk_board_member_get_id (board.weber));
  assert_titles (list, "Radschnellweg Mülheim", "Leitprojekte auswählen");

  rk_note_list_set_author_id (list, NULL);
  rk_note_list_set_project_id (list, rk_project_get_id (board.arts));
  assert_titles (list, "Zirkusschule", "Leitprojekte auswählen");

  /* Filters combine, and a search searches within them. */
  rk_note_list_set_author_id (list, rk_board_member_get_id (board.weber));
  assert_titles (list, "Leitprojekte auswählen");
  rk_note_list_set_project_id (list, rk_project_get_id (board.mobility));
  assert_titles (list, "Radschnellweg Mülheim", "Leitprojekte auswählen");
  rk_record_list_set_search (list, "trasse");
  assert_titles (list, "Radschnellweg Mülheim");
  rk_record_list_set_search (list, NULL);

  rk_note_list_set_author_id (list, "");
  rk_note_list_set_project_id (list, NULL);
  rk_note_list_set_meeting_id (list, rk_meeting_get_id (board.meeting));
  assert_titles (list, "Zirkusschule", "Leitprojekte auswählen");
  rk_note_list_set_meeting_id (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  g_clear_object (&list);
  board_clear (&board);
}

/* A list filtered by project follows links made elsewhere, and an item
 * someone holds shows the stored values. */
static void
test_list_follows_changes (void)
{
  Board board;
  g_autoptr(RkRecordList) list = NULL;
  g_autoptr(RkNote) held = NULL;
  g_autoptr(RkNote) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  board_init (&board);
  list = rk_note_list_new (board.db);
  rk_note_list_set_project_id (list, rk_project_get_id (board.arts));
  assert_titles (list, "Zirkusschule", "Leitprojekte auswählen");
  held = g_list_model_get_item (G_LIST_MODEL (list), 0);

  /* A link made through another object. */
  {
    g_autoptr(RkRecordList) all = rk_note_list_new (board.db);
    g_autoptr(RkNote) radweg = g_list_model_get_item (G_LIST_MODEL (all), 0);

    g_assert_true (rk_note_link_project (radweg, board.db, rk_project_get_id (board.arts), &error));
    g_assert_no_error (error);
  }
  run_main_loop ();
  assert_titles (list, "Radschnellweg Mülheim", "Zirkusschule", "Leitprojekte auswählen");

  edited = rk_note_load (board.db, rk_note_get_id (held), &error);
  g_object_set (edited, "date", "2021-01-01", "title", "Zirkusschule Gelsenkirchen", NULL);
  g_assert_true (rk_note_save (edited, board.db, &error));
  run_main_loop ();
  g_assert_cmpstr (rk_note_get_title (held), ==, "Zirkusschule Gelsenkirchen");
  g_assert_true (rk_record_list_find (list, rk_note_get_id (held), &position));
  g_assert_cmpuint (position, ==, 0);

  /* Deleting the note takes it from the list. */
  g_assert_true (rk_note_delete (board.db, rk_note_get_id (held), NULL, &error));
  run_main_loop ();
  assert_titles (list, "Radschnellweg Mülheim", "Leitprojekte auswählen");

  g_clear_object (&held);
  g_clear_object (&list);
  board_clear (&board);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/board/member/validation", test_member_validation);
  g_test_add_func ("/board/member/current-and-former", test_members_current_and_former);
  g_test_add_func ("/board/meeting/members-present", test_meeting_members_present);
  g_test_add_func ("/board/delete-and-undo", test_member_and_meeting_delete_undo);
  g_test_add_func ("/board/note/create-and-validate", test_note_create_and_validate);
  g_test_add_func ("/board/note/links", test_note_links);
  g_test_add_func ("/board/note/delete-and-undo", test_note_delete_and_undo);
  g_test_add_func ("/board/note-list/order-and-search", test_list_order_and_search);
  g_test_add_func ("/board/note-list/filters", test_list_filters);
  g_test_add_func ("/board/note-list/follows-changes", test_list_follows_changes);

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
