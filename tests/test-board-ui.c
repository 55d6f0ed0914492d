/* test-board-ui.c: the Advisory Board section's real widgets, under Xvfb
 *
 * The section is built on its own inside a window with a toast overlay,
 * as the main window holds it, and a project's notes group inside a
 * second window, as a project's page holds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-board-page.h"
#include "rk-board.h"
#include "rk-database-private.h"
#include "rk-date-row.h"
#include "rk-example.h"
#include "rk-meeting-editor.h"
#include "rk-member-editor.h"
#include "rk-note-editor.h"
#include "rk-note-row.h"
#include "rk-project-chooser.h"
#include "rk-project-notes-group.h"
#include "rk-project.h"
#include "rk-test-util.h"
#include "rk-test-objects.h"

static void
iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             Predicate      predicate,
             gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (predicate == NULL || predicate (child, data)))
        return child;
      if ((found = find_widget (child, type, predicate, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_status (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS &&
         gtk_widget_get_mapped (widget);
}

static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *placeholder = NULL;

  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, text) == 0;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static gboolean
has_page (GtkWidget     *widget,
          gconstpointer  name)
{
  return gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL;
}

static gboolean
is_alert (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT;
}

static gboolean
heading_is (GtkWidget     *widget,
            gconstpointer  heading)
{
  return g_strcmp0 (rk_note_row_get_heading (RK_NOTE_ROW (widget)), heading) == 0;
}

static const char *
count_label_text (GtkWidget *page)
{
  GtkWidget *label = find_widget (page, GTK_TYPE_LABEL, is_status, NULL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "(none)";
}

/* Runs the main loop until @condition holds; fails after ten seconds. This
 * waits for a state (a search entry's delayed signal), not for a time. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > _deadline) \
          g_error ("Waited in vain for %s (count: %s)", #condition, count_label_text (page)); \
        g_main_context_iteration (NULL, FALSE); \
      } \
  } G_STMT_END

static gint64
count_rows (RkDatabase *db,
            const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (RkDatabase *db,
            const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static RkProject *
add_project (RkDatabase *db,
             const char *code,
             const char *title)
{
  g_autoptr(GError) error = NULL;
  RkProject *project = rk_project_new ();

  g_object_set (project, "code", code, "title", title, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
  return project;
}

/* The section in a window with a toast overlay, as the main window has. */
static GtkWidget *
new_board_window (RkDatabase *db,
                  int         width,
                  GtkWidget **out_page)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = g_object_new (RK_TYPE_BOARD_PAGE, NULL);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
  rk_board_page_set_database (RK_BOARD_PAGE (page), db);
  gtk_window_present (GTK_WINDOW (window));
  iterate_main_loop ();

  *out_page = page;
  return window;
}

static RkDatabase *
open_test_database (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

/* Picks a project in a chooser as the user does: types, presses Enter. */
static void
choose_project (GtkWidget  *menu_button,
                const char *search)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  GtkWidget *entry;

  g_assert_true (RK_IS_PROJECT_CHOOSER (popover));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  iterate_main_loop ();
  entry = find_widget (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  g_signal_emit_by_name (entry, "activate");
  iterate_main_loop ();
}

typedef struct
{
  GtkWidget *page;
  char      *opened;
} OpenNote;

static void
on_open_note_cb (RkProjectNotesGroup *group,
                 const char          *note_id,
                 OpenNote            *open)
{
  /* What the lead's window does: switch to the section, open the note. */
  g_free (open->opened);
  open->opened = g_strdup (note_id);
  rk_board_page_open_note (RK_BOARD_PAGE (open->page), note_id);
}

/* The walk: a meeting with the members present, a note written
 * for it with paragraphs, two projects linked, and the note found again
 * from a project's page with one click. */
static void
test_note_for_meeting (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  g_autoptr(RkProject) arts = add_project (db, "07-01_MKW", "Neue Künste Ruhr");
  g_autoptr(RkProject) mobility = add_project (db, "13-02_VM", "Mobilitätsregion Ruhr");
  g_autoptr(RkProject) other = add_project (db, NULL, "Research Alliance Ruhr");
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *window, *group_window, *group;
  GtkWidget *meeting_editor, *note_editor, *row, *check, *button, *text_view;
  g_autofree char *note_id = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *text = NULL;
  OpenNote open = { NULL, NULL };
  const char *body = "Der Beirat berät über die Auswahl der Leitprojekte.\n\n"
                     "Zweiter Absatz: Kriterien und Zeitplan.";

  window = new_board_window (db, 1100, &page);

  /* A member first, then a meeting with the member present. */
  g_assert_true (gtk_widget_activate_action (page, "board.new-member", NULL));
  iterate_main_loop ();
  row = find_widget (find_widget (page, RK_TYPE_MEMBER_EDITOR, NULL, NULL),
                     ADW_TYPE_ENTRY_ROW, row_has_title, _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Anja Weber");
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));

  g_assert_true (gtk_widget_activate_action (page, "board.new-meeting", NULL));
  iterate_main_loop ();
  meeting_editor = find_widget (page, RK_TYPE_MEETING_EDITOR, NULL, NULL);
  g_assert_true (gtk_widget_get_mapped (meeting_editor));
  row = find_widget (meeting_editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Zweite Sitzung");
  row = find_widget (meeting_editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Place"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Bischofshaus, Essen");
  iterate_main_loop ();
  check = find_widget (find_widget (meeting_editor, ADW_TYPE_ACTION_ROW, row_has_title, "Anja Weber"),
                       GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM meeting WHERE title = 'Zweite Sitzung'"
                                   " AND place = 'Bischofshaus, Essen'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM meeting_member"), ==, 1);
  meeting_id = query_text (db, "SELECT id FROM meeting");

  /* A note for this meeting, from the meeting: dated like it, its own. */
  button = find_widget (meeting_editor, GTK_TYPE_BUTTON, has_tooltip, _("New Note for This Meeting"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate_main_loop ();

  note_editor = find_widget (page, RK_TYPE_NOTE_EDITOR, NULL, NULL);
  g_assert_true (gtk_widget_get_mapped (note_editor));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (
                      find_widget (note_editor, ADW_TYPE_COMBO_ROW, row_has_title, _("Meeting")))), ==, 1);
  row = find_widget (note_editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  }
  gtk_editable_set_text (GTK_EDITABLE (row), "Auswahl der Leitprojekte");
  text_view = find_widget (note_editor, GTK_TYPE_TEXT_VIEW, NULL, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), body, -1);

  /* The author, by name. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (note_editor, ADW_TYPE_COMBO_ROW,
                                                          row_has_title, _("Author"))), 1);
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));

  note_id = query_text (db, "SELECT id FROM note WHERE title = 'Auswahl der Leitprojekte'");
  g_assert_nonnull (note_id);
  text = query_text (db, "SELECT text FROM note");
  g_assert_cmpstr (text, ==, body);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note n JOIN meeting m ON m.id = n.meeting_id"
                                   " JOIN board_member b ON b.id = n.author_id"
                                   " WHERE n.date = m.date AND b.name = 'Anja Weber'"), ==, 1);

  /* Two projects linked through the chooser, by search without umlauts. */
  button = find_widget (note_editor, GTK_TYPE_MENU_BUTTON, has_tooltip, _("Link a Project"));
  g_assert_nonnull (button);
  choose_project (button, "kunste");
  choose_project (button, "mobilitat");
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note_project"), ==, 2);
  g_assert_nonnull (find_widget (note_editor, ADW_TYPE_ACTION_ROW, row_has_title, "Neue Künste Ruhr"));
  g_assert_nonnull (find_widget (note_editor, ADW_TYPE_ACTION_ROW, row_has_title, "Mobilitätsregion Ruhr"));

  /* The note in the list, under the heading of its meeting. */
  {
    g_autoptr(RkMeeting) meeting = rk_meeting_load (db, meeting_id, &error);
    g_autofree char *heading = rk_meeting_dup_label (meeting);

    WAIT_UNTIL (find_widget (page, RK_TYPE_NOTE_ROW, heading_is, heading) != NULL);
  }

  /* A project's page lists the note; one click opens it in the section. */
  rk_board_page_show_project_notes (RK_BOARD_PAGE (page), rk_project_get_id (other));
  iterate_main_loop ();
  g_assert_null (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));

  group_window = gtk_window_new ();
  group = rk_project_notes_group_new ();
  gtk_window_set_child (GTK_WINDOW (group_window), group);
  open.page = page;
  g_signal_connect (group, "open-note", G_CALLBACK (on_open_note_cb), &open);
  rk_project_notes_group_set_project (RK_PROJECT_NOTES_GROUP (group), db, rk_project_get_id (mobility));
  gtk_window_present (GTK_WINDOW (group_window));
  iterate_main_loop ();
  g_assert_cmpuint (rk_project_notes_group_get_n_notes (RK_PROJECT_NOTES_GROUP (group)), ==, 1);

  row = find_widget (group, ADW_TYPE_ACTION_ROW, row_has_title, "Auswahl der Leitprojekte");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  iterate_main_loop ();
  g_assert_cmpstr (open.opened, ==, note_id);
  g_assert_nonnull (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));
  g_assert_cmpstr (rk_note_get_id (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor))), ==, note_id);
  g_assert_true (gtk_widget_get_mapped (note_editor));
  row = find_widget (note_editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Auswahl der Leitprojekte");

  /* A project without notes says so; a link made elsewhere shows at once. */
  rk_project_notes_group_set_project (RK_PROJECT_NOTES_GROUP (group), db, rk_project_get_id (other));
  g_assert_cmpuint (rk_project_notes_group_get_n_notes (RK_PROJECT_NOTES_GROUP (group)), ==, 0);
  {
    g_autoptr(RkNote) note = rk_note_load (db, note_id, &error);

    g_assert_true (rk_note_link_project (note, db, rk_project_get_id (other), &error));
  }
  iterate_main_loop ();
  g_assert_cmpuint (rk_project_notes_group_get_n_notes (RK_PROJECT_NOTES_GROUP (group)), ==, 1);

  /* Unlinking in the editor takes the note off that project's page. */
  rk_project_notes_group_set_project (RK_PROJECT_NOTES_GROUP (group), db, rk_project_get_id (arts));
  {
    g_autofree char *label = g_strdup_printf (_("Remove Link to “%s”"), "Neue Künste Ruhr");

    button = find_widget (note_editor, GTK_TYPE_BUTTON, has_tooltip, label);
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
  }
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note_project"), ==, 2);
  g_assert_cmpuint (rk_project_notes_group_get_n_notes (RK_PROJECT_NOTES_GROUP (group)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (group_window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_free (open.opened);
}

static void
add_note (RkDatabase *db,
          const char *date,
          const char *title,
          const char *text,
          const char *author_id)
{
  g_autoptr(RkNote) note = rk_note_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (note, "date", date, "title", title, "text", text, "author-id", author_id, NULL);
  g_assert_true (rk_note_insert (note, db, &error));
  g_assert_no_error (error);
}

/* Search, the author filter, the month headings, and the example data. */
static void
test_search_and_filters (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  g_autoptr(GError) error = NULL;
  g_autofree char *weber = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *october = NULL;
  GtkWidget *page, *window, *search, *author_filter;

  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  weber = query_text (db, "SELECT id FROM board_member WHERE name = 'Anja Weber'");
  add_note (db, "2019-11-05", "Zirkusschule", "Neuer Zirkus in Gelsenkirchen", weber);
  add_note (db, "2019-11-20", "Radschnellweg", "Trasse in Mülheim", NULL);

  window = new_board_window (db, 1100, &page);

  expected = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", 3), 3, 3);
  g_assert_cmpstr (count_label_text (page), ==, expected);

  /* Notes without a meeting under their month, the example under its
   * meeting. */
  {
    g_autoptr(GDateTime) month = g_date_time_new_local (2019, 11, 1, 0, 0, 0);

    october = g_date_time_format (month, "%OB %Y");
  }
  WAIT_UNTIL (find_widget (page, RK_TYPE_NOTE_ROW, heading_is, october) != NULL);
  {
    g_autoptr(RkMeeting) meeting = rk_meeting_load (db, "df4ea0e5-efc8-56b6-af09-197e1ad5ab46", &error);
    g_autofree char *heading = rk_meeting_dup_label (meeting);

    g_assert_no_error (error);
    WAIT_UNTIL (find_widget (page, RK_TYPE_NOTE_ROW, heading_is, heading) != NULL);
  }

  /* Without umlauts, by prefix. */
  search = find_widget (page, GTK_TYPE_SEARCH_ENTRY, has_placeholder, _("Search notes"));
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "mulh");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", 3), 1, 3);
  WAIT_UNTIL (g_strcmp0 (count_label_text (page), expected) == 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");

  /* The author filter: Anja Weber wrote one; the count says so. */
  author_filter = find_widget (page, GTK_TYPE_DROP_DOWN, NULL, NULL);
  g_assert_nonnull (author_filter);
  {
    GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (author_filter));
    guint position = 0;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Anja Weber") == 0)
        position = i;
    g_assert_cmpuint (position, >, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (author_filter), position);
  }
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", 3), 1, 3);
  WAIT_UNTIL (g_str_has_prefix (count_label_text (page), expected));
  g_assert_nonnull (strstr (count_label_text (page), "Anja Weber"));
  g_assert_true (gtk_widget_activate_action (page, "board.reset-filters", NULL));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", 3), 3, 3);
  WAIT_UNTIL (g_strcmp0 (count_label_text (page), expected) == 0);

  /* The example note says it is one, where it is read. */
  rk_board_page_open_note (RK_BOARD_PAGE (page), "93439d64-c52c-58ca-b6bf-01d44c57191c");
  iterate_main_loop ();
  {
    GtkWidget *note_editor = find_widget (page, RK_TYPE_NOTE_EDITOR, NULL, NULL);
    GtkWidget *example = find_widget (note_editor, GTK_TYPE_LABEL, has_css_class, "example-note");

    g_assert_nonnull (example);
    g_assert_true (gtk_widget_get_visible (example));
  }

  /* The members, current and former: the example members are former. */
  gtk_stack_set_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK, has_page, "members")),
                                    "members");
  iterate_main_loop ();
  {
    GtkWidget *list = find_widget (page, GTK_TYPE_LIST_BOX, has_css_class, "navigation-sidebar");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    GtkWidget *header = gtk_list_box_row_get_header (first);

    g_assert_nonnull (header);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, _("Former Members"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Delete with the key's action, then Undo from the toast: the note is back
 * with its links, open. The same for a member and their notes. */
static void
test_delete_and_undo (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  g_autoptr(RkProject) arts = add_project (db, "07-01_MKW", "Neue Künste Ruhr");
  g_autoptr(GError) error = NULL;
  g_autofree char *note_id = NULL;
  GtkWidget *page, *window, *note_editor, *overlay, *undo, *row;

  add_note (db, "2019-11-05", "Zirkusschule", "Neuer Zirkus", NULL);
  note_id = query_text (db, "SELECT id FROM note");
  {
    g_autoptr(RkNote) note = rk_note_load (db, note_id, &error);
    g_assert_true (rk_note_link_project (note, db, rk_project_get_id (arts), &error));
  }

  window = new_board_window (db, 1100, &page);
  rk_board_page_open_note (RK_BOARD_PAGE (page), note_id);
  iterate_main_loop ();
  note_editor = find_widget (page, RK_TYPE_NOTE_EDITOR, NULL, NULL);

  /* An edit, undone with Ctrl+Z's action. */
  row = find_widget (note_editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (row), "Zirkusschule Gelsenkirchen");
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));
  g_assert_true (gtk_widget_activate_action (page, "board.undo", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note WHERE title = 'Zirkusschule'"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Zirkusschule");

  /* A date cleared is refused at the field and never stored. */
  rk_date_row_set_date (RK_DATE_ROW (find_widget (note_editor, RK_TYPE_DATE_ROW, NULL, NULL)), NULL);
  g_assert_true (gtk_widget_has_css_class (find_widget (note_editor, RK_TYPE_DATE_ROW, NULL, NULL), "error"));
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note WHERE date = '2019-11-05'"), ==, 1);
  rk_date_row_set_date (RK_DATE_ROW (find_widget (note_editor, RK_TYPE_DATE_ROW, NULL, NULL)), "2019-11-06");

  g_assert_true (gtk_widget_activate_action (page, "board.delete", NULL));
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note"), ==, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note_project"), ==, 0);
  g_assert_null (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));

  overlay = find_widget (window, ADW_TYPE_TOAST_OVERLAY, NULL, NULL);
  if (overlay == NULL)
    overlay = gtk_window_get_child (GTK_WINDOW (window));
  undo = find_widget (overlay, GTK_TYPE_BUTTON, button_has_label, _("_Undo"));
  g_assert_nonnull (undo);
  /* A click; activating by keyboard would wait out the press animation. */
  g_signal_emit_by_name (undo, "clicked");
  iterate_main_loop ();

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note WHERE date = '2019-11-06'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note_project"), ==, 1);
  g_assert_nonnull (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));
  g_assert_cmpstr (rk_note_get_id (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor))), ==, note_id);
  g_assert_true (gtk_widget_get_mapped (note_editor));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A membership cannot end before it began; the sentence says so at the
 * field, and nothing invalid is stored. */
static void
test_member_validation (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  GtkWidget *page, *window, *editor, *from_row, *to_row, *message;

  window = new_board_window (db, 1100, &page);
  g_assert_true (gtk_widget_activate_action (page, "board.new-member", NULL));
  iterate_main_loop ();
  editor = find_widget (page, RK_TYPE_MEMBER_EDITOR, NULL, NULL);
  g_assert_true (gtk_widget_get_mapped (editor));

  gtk_editable_set_text (GTK_EDITABLE (find_widget (editor, ADW_TYPE_ENTRY_ROW, row_has_title, _("Name"))),
                         "Dr. Franz-Josef Overbeck");
  from_row = find_widget (editor, RK_TYPE_DATE_ROW, row_has_title, _("Active From"));
  to_row = find_widget (editor, RK_TYPE_DATE_ROW, row_has_title, _("Active To"));
  rk_date_row_set_date (RK_DATE_ROW (from_row), "2018-10-22");
  rk_date_row_set_date (RK_DATE_ROW (to_row), "2018-10-01");
  g_assert_true (gtk_widget_has_css_class (to_row, "error"));
  message = find_widget (editor, GTK_TYPE_LABEL, is_alert, NULL);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (message)), "."));
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM board_member WHERE active_to IS NULL"
                                   " AND active_from = '2018-10-22' AND name LIKE 'Dr.%'"), ==, 1);

  /* Fixing the start clears the mark on the end as well. */
  rk_date_row_set_date (RK_DATE_ROW (from_row), "2018-09-01");
  g_assert_false (gtk_widget_has_css_class (to_row, "error"));
  g_assert_true (rk_board_page_flush (RK_BOARD_PAGE (page)));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM board_member WHERE active_to = '2018-10-01'"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Removing the example data from the main menu closes what of it is open
 * here, and the lists follow. */
static void
test_example_data_removed (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *window, *list, *member_editor, *note_editor;
  g_autofree char *expected = NULL;

  g_assert_true (rk_example_load (db, &error));
  window = new_board_window (db, 1100, &page);
  member_editor = find_widget (page, RK_TYPE_MEMBER_EDITOR, NULL, NULL);
  note_editor = find_widget (page, RK_TYPE_NOTE_EDITOR, NULL, NULL);

  gtk_stack_set_visible_child_name (GTK_STACK (find_widget (page, GTK_TYPE_STACK, has_page, "members")),
                                    "members");
  list = find_widget (page, GTK_TYPE_LIST_BOX, has_css_class, "navigation-sidebar");
  gtk_list_box_select_row (GTK_LIST_BOX (list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  iterate_main_loop ();
  g_assert_nonnull (rk_member_editor_get_member (RK_MEMBER_EDITOR (member_editor)));

  g_assert_true (rk_example_remove (db, &error));
  g_assert_no_error (error);
  iterate_main_loop ();
  g_assert_null (rk_member_editor_get_member (RK_MEMBER_EDITOR (member_editor)));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

  /* The same for the example note. */
  g_assert_true (rk_example_load (db, &error));
  iterate_main_loop ();
  rk_board_page_open_note (RK_BOARD_PAGE (page), "93439d64-c52c-58ca-b6bf-01d44c57191c");
  iterate_main_loop ();
  g_assert_nonnull (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));
  g_assert_true (rk_example_remove (db, &error));
  iterate_main_loop ();
  g_assert_null (rk_note_editor_get_note (RK_NOTE_EDITOR (note_editor)));
  expected = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", 0), 0, 0);
  WAIT_UNTIL (g_strcmp0 (count_label_text (page), expected) == 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM note"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A read-only database is shown, but nothing can be created, deleted or
 * edited. */
static void
test_read_only (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *window;
  GType editors[] = { RK_TYPE_NOTE_EDITOR, RK_TYPE_MEMBER_EDITOR, RK_TYPE_MEETING_EDITOR };

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  db = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = new_board_window (db, 1100, &page);
  rk_board_page_open_note (RK_BOARD_PAGE (page), "93439d64-c52c-58ca-b6bf-01d44c57191c");
  iterate_main_loop ();
  g_assert_nonnull (rk_note_editor_get_note (RK_NOTE_EDITOR (find_widget (page, RK_TYPE_NOTE_EDITOR, NULL, NULL))));

  gtk_widget_activate_action (page, "board.new-note", NULL);
  gtk_widget_activate_action (page, "board.new-member", NULL);
  gtk_widget_activate_action (page, "board.new-meeting", NULL);
  gtk_widget_activate_action (page, "board.delete", NULL);
  iterate_main_loop ();
  g_assert_cmpint (rk_database_count_rows (db, "note", NULL), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "board_member", NULL), ==, 3);
  g_assert_cmpint (rk_database_count_rows (db, "meeting", NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    g_assert_false (gtk_widget_get_sensitive (find_widget (find_widget (page, editors[i], NULL, NULL),
                                                           ADW_TYPE_CLAMP, NULL, NULL)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 pixels the section folds: the list, then the note over it, and
 * back. */
static void
test_fold_at_360 (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  GtkWidget *page, *window;
  AdwLeaflet *leaflet;

  window = new_board_window (db, 360, &page);
  leaflet = ADW_LEAFLET (find_widget (page, ADW_TYPE_LEAFLET, NULL, NULL));
  WAIT_UNTIL (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  rk_board_page_new_note (RK_BOARD_PAGE (page));
  iterate_main_loop ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_true (gtk_widget_activate_action (page, "board.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
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

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database in
   * XDG_DATA_DIRS, and without it no SVG icon loads. */
  g_test_init (&argc, &argv, NULL);

  /* Without a display there is nothing to test here: skip, do not fail. */
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/board-ui/note-for-meeting", test_note_for_meeting);
  g_test_add_func ("/board-ui/search-and-filters", test_search_and_filters);
  g_test_add_func ("/board-ui/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/board-ui/member-validation", test_member_validation);
  g_test_add_func ("/board-ui/example-data-removed", test_example_data_removed);
  g_test_add_func ("/board-ui/read-only", test_read_only);
  g_test_add_func ("/board-ui/fold-at-360", test_fold_at_360);

  rk_test_add_objects_left_check ();
  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
