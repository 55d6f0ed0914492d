/* test-ui.c: the real widgets, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-board-page.h"
#include "rk-database-private.h"
#include "rk-meeting-editor.h"
#include "rk-member-editor.h"
#include "rk-note-editor.h"
#include "rk-note-row.h"
#include "rk-project-chooser.h"
#include "rk-project-notes-group.h"
#include "rk-project-list.h"
#include "rk-project.h"
#include "rk-text-area.h"
#include "rk-backups-dialog.h"
#include "rk-date-row.h"
#include "rk-import-dialog.h"
#include "rk-project-editor.h"
#include "rk-project-row.h"
#include "rk-organisation-editor.h"
#include "rk-overview-page.h"
#include "rk-organisation.h"
#include "rk-partners-page.h"
#include "rk-preferences-window.h"
#include "rk-project-partners-group.h"
#include "rk-projects-page.h"
#include "rk-reports-page.h"
#include "rk-test-disk.h"
#include "rk-test-util.h"
#include "rk-window.h"
#include "rk-test-objects.h"

static const char * const titles_en[] = {
  "Overview", "Projects", "Partners", "Advisory Board", "Reports",
};
static const char * const titles_de[] = {
  "Übersicht", "Projekte", "Partner", "Beirat", "Berichte",
};

static const char * const *
expected_titles (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de") ? titles_de : titles_en;
}

static void
iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static RkDatabase *
open_test_database (RkDatabaseOpenFlags flags)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (flags & RK_DATABASE_OPEN_READ_ONLY)
    rk_test_make_checkpointed_database (path);

  db = rk_database_open (path, flags, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static RkWindow *
new_window (RkDatabase *db)
{
  RkWindow *window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);

  gtk_window_present (GTK_WINDOW (window));
  iterate_main_loop ();
  return window;
}

static void
collect_ui_files (const char *path,
                  GPtrArray  *found)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, found);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

/* The version macros do not reach .ui files: a widget or property newer
 * than the platform floor fails only when the file is loaded. */
static void
test_every_ui_file_loads (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) template_re = g_regex_new ("<template class=\"(\\w+)\"", 0, 0, NULL);

  /* Every class with a template; a new one must be added here, or the
   * assertion below names its .ui file. */
  g_type_ensure (RK_TYPE_WINDOW);
  g_type_ensure (RK_TYPE_PROJECTS_PAGE);
  g_type_ensure (RK_TYPE_PROJECT_EDITOR);
  g_type_ensure (RK_TYPE_PROJECT_ROW);
  g_type_ensure (RK_TYPE_DATE_ROW);
  g_type_ensure (RK_TYPE_PARTNERS_PAGE);
  g_type_ensure (RK_TYPE_ORGANISATION_EDITOR);
  g_type_ensure (RK_TYPE_OVERVIEW_PAGE);
  g_type_ensure (RK_TYPE_REPORTS_PAGE);
  g_type_ensure (RK_TYPE_BOARD_PAGE);
  g_type_ensure (RK_TYPE_NOTE_EDITOR);
  g_type_ensure (RK_TYPE_NOTE_ROW);
  g_type_ensure (RK_TYPE_MEMBER_EDITOR);
  g_type_ensure (RK_TYPE_MEETING_EDITOR);
  g_type_ensure (RK_TYPE_PROJECT_CHOOSER);
  g_type_ensure (RK_TYPE_PROJECT_NOTES_GROUP);
  g_type_ensure (RK_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (RK_TYPE_IMPORT_DIALOG);
  g_type_ensure (RK_TYPE_BACKUPS_DIALOG);

  collect_ui_files (RESOURCE_PATH "/", files);
  g_assert_cmpuint (files->len, >=, 2);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (file, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("Loading %s", file);
      g_assert_cmpstr (file, !=, NULL);
      g_assert_nonnull (bytes);

      if (g_regex_match (template_re, g_bytes_get_data (bytes, NULL), 0, &match))
        {
          g_autofree char *class_name = g_match_info_fetch (match, 1);
          GType type = g_type_from_name (class_name);
          GObject *object;

          /* A template is loaded by making an instance of its class; any
           * error in it is a critical, fatal in tests. */
          g_assert_cmpuint (type, !=, G_TYPE_INVALID);
          object = g_object_new (type, NULL);
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          else
            g_object_unref (g_object_ref_sink (object));
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();
          GSList *objects;

          gtk_builder_add_from_resource (builder, file, &error);
          g_assert_no_error (error);

          objects = gtk_builder_get_objects (builder);
          for (GSList *l = objects; l != NULL; l = l->next)
            if (GTK_IS_WINDOW (l->data))
              gtk_window_destroy (l->data);
          g_slist_free (objects);
        }
    }
}

static void
test_window_sections (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  RkWindow *window = new_window (db);
  const char * const *titles = expected_titles ();
  AdwViewStack *stack;
  g_autoptr(GtkSelectionModel) pages = NULL;

  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (stack)));

  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, RK_N_SECTIONS);

  for (guint i = 0; i < RK_N_SECTIONS; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, rk_sections[i]);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));

      /* Until its issue lands, a section says what it will hold. */
      if (ADW_IS_STATUS_PAGE (child))
        g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (child))), >, 20);
    }

  /* The window title stays the programme's name in every language. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ruhr-Konferenz");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_section_action_and_settings (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  RkWindow *window;
  AdwViewStack *stack;
  g_autofree char *last = NULL;

  /* The last section is where the window opens. */
  g_settings_set_string (settings, "last-section", "reports");
  window = new_window (db);
  stack = ADW_VIEW_STACK (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reports");

  /* Switching by action (Alt+3 in the app) is remembered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "partners"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "partners");
  last = g_settings_get_string (settings, "last-section");
  g_assert_cmpstr (last, ==, "partners");

  /* The size is remembered when the window closes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  iterate_main_loop ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "last-section");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_read_only (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_READ_ONLY);
  RkWindow *window = new_window (db);
  GtkRevealer *revealer;
  GtkWidget *label;

  g_assert_true (rk_database_get_read_only (db));
  revealer = GTK_REVEALER (find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  label = gtk_revealer_get_child (revealer);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            _("This database is read-only. Everything can be viewed, but changes cannot be saved.")));

  /* Edits are disabled: nothing can be created, the editors do not edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (find_descendant (find_descendant (rk_window_get_projects_page (window), RK_TYPE_PROJECT_EDITOR), ADW_TYPE_CLAMP)));
  g_assert_false (gtk_widget_get_sensitive (find_descendant (find_descendant (rk_window_get_partners_page (window), RK_TYPE_ORGANISATION_EDITOR), ADW_TYPE_CLAMP)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_window_open_error (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  RkWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *stack;

  g_assert_true (g_file_set_contents (path, "not a database at all", -1, NULL));
  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);

  window = new_window (NULL);
  stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  g_assert_false (gtk_widget_is_sensitive (stack));

  rk_window_show_open_error (window, error);
  iterate_main_loop ();

  /* The dialog says what happened and offers the two ways on. */
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), error->message));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));

  /* Closing it without a database closes the window. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  adw_message_dialog_response (dialog, "close");
  iterate_main_loop ();
  g_assert_null (window);
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
button_has_label (GtkWidget     *widget,
                  gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *placeholder = NULL;

  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, text) == 0;
}

/* The project list, not the lists inside the drop-downs' popovers. */
static gboolean
selects_one (GtkWidget     *widget,
             gconstpointer  data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

  return GTK_IS_SINGLE_SELECTION (model) &&
         RK_IS_RECORD_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_status (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_STATUS;
}

/* Runs the main loop until @condition holds; fails after ten seconds. This
 * waits for a state (a search entry's delayed signal), not for a time. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > _deadline) \
          g_error ("Waited in vain for %s", #condition); \
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
stored_title (RkDatabase *db)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT title FROM project ORDER BY created_at DESC LIMIT 1", NULL);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
is_alert (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT;
}

/* The "N of M projects" line, which a screen reader hears as a status. */
static const char *
count_label_text (GtkWidget *page)
{
  return gtk_label_get_text (GTK_LABEL (find_widget (page, GTK_TYPE_LABEL, is_status, NULL)));
}

static char *
project_id_by_title (RkDatabase *db,
                     const char *pattern)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, "SELECT id FROM project WHERE title LIKE ?", NULL);

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_projects_workflow (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  RkWindow *window = new_window (db);
  GtkWidget *page = rk_window_get_projects_page (window);
  GtkWidget *title_row, *field_row, *search, *field_filter;
  GtkWidget *focus;
  g_autofree char *title = NULL;
  g_autofree char *expected_count = NULL;
  g_autofree char *first_id = NULL;

  /* Ctrl+N's action: a new project, selected, the cursor in its title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project"), ==, 1);
  title_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  g_assert_nonnull (title_row);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == title_row || gtk_widget_is_ancestor (focus, title_row));

  /* Type a title: the list follows at once, the database once saved. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zeche Zollverein Welterbe");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  title = stored_title (db);
  g_assert_cmpstr (title, ==, "Zeche Zollverein Welterbe");
  g_clear_pointer (&title, g_free);

  /* An empty title stays on screen with a message; nothing is stored. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  title = stored_title (db);
  g_assert_cmpstr (title, ==, "Zeche Zollverein Welterbe");
  g_clear_pointer (&title, g_free);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zeche Zollverein Welterbe");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));

  /* The field of action, by name in the UI's language. */
  field_row = find_widget (page, ADW_TYPE_COMBO_ROW, row_has_title, _("Field of Action"));
  g_assert_nonnull (field_row);
  {
    GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (field_row));
    const char *first = gtk_string_list_get_string (GTK_STRING_LIST (names), 1);

    g_assert_cmpstr (first, ==, g_str_has_prefix (g_getenv ("LANGUAGE"), "de")
                                ? "Vernetzte Mobilität – kurze Wege"
                                : "Networked mobility – short distances");
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (field_row), 4);
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE field_id = '3d4871be-ff18-57ca-9c0c-6140cba11d56'"), ==, 1);

  /* A second project; then find the first by search, without umlauts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  iterate_main_loop ();
  search = find_widget (page, GTK_TYPE_SEARCH_ENTRY, has_placeholder, _("Search projects"));
  gtk_editable_set_text (GTK_EDITABLE (search), "zollv");
  expected_count = g_strdup_printf (ngettext ("%u of %u project", "%u of %u projects", 2), 1, 2);
  WAIT_UNTIL (g_strcmp0 (count_label_text (page), expected_count) == 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_clear_pointer (&expected_count, g_free);
  expected_count = g_strdup_printf (ngettext ("%u of %u project", "%u of %u projects", 2), 2, 2);
  WAIT_UNTIL (g_strcmp0 (count_label_text (page), expected_count) == 0);

  /* Filter by field: the fourth field shows the first project only. */
  field_filter = find_widget (page, GTK_TYPE_DROP_DOWN, NULL, NULL);
  g_assert_nonnull (field_filter);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field_filter), 4);
  g_clear_pointer (&expected_count, g_free);
  expected_count = g_strdup_printf (ngettext ("%u of %u project", "%u of %u projects", 2), 1, 2);
  g_assert_cmpstr (count_label_text (page), ==, expected_count);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field_filter), 0);

  /* Ctrl+Z steps back through the saved edits of the open project. */
  first_id = project_id_by_title (db, "Zeche%");
  rk_projects_page_select (RK_PROJECTS_PAGE (page), first_id);
  iterate_main_loop ();
  title_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zollverein");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Aaa Zollverein");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE title = 'Aaa Zollverein'"), ==, 1);

  /* The rename moved it to the top of the list; it stayed selected. */
  {
    GtkWidget *list = find_widget (page, GTK_TYPE_LIST_VIEW, selects_one, NULL);
    GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (list));
    RkProject *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));

    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 0);
    g_assert_cmpstr (rk_project_get_id (selected), ==, first_id);
  }

  g_assert_true (gtk_widget_activate_action (page, "projects.undo", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE title = 'Zollverein'"), ==, 1);
  g_assert_true (gtk_widget_activate_action (page, "projects.undo", NULL));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE title = 'Zeche Zollverein Welterbe'"), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Zeche Zollverein Welterbe");

  /* Delete, then Undo from the toast: the project is back, selected. */
  g_assert_true (rk_database_begin (db, NULL));
  g_assert_true (rk_database_exec (db, "INSERT INTO milestone (id, project_id, date, text, created_at, updated_at)"
                                       " SELECT 'm-1', id, '2001-12-14', 'Welterbe', 'x', 'x' FROM project WHERE title LIKE 'Zeche%'", NULL));
  g_assert_true (rk_database_commit (db, NULL));
  g_assert_true (gtk_widget_activate_action (page, "projects.delete", NULL));
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM milestone"), ==, 0);
  {
    GtkWidget *overlay = find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL, NULL);
    GtkWidget *undo = find_widget (overlay, GTK_TYPE_BUTTON, button_has_label, _("_Undo"));

    g_assert_nonnull (undo);
    /* A click; activating by keyboard would wait out the press animation. */
    g_signal_emit_by_name (undo, "clicked");
    iterate_main_loop ();
  }
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project"), ==, 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM milestone WHERE text = 'Welterbe'"), ==, 1);
  title_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  g_assert_true (gtk_widget_get_mapped (title_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Zeche Zollverein Welterbe");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_projects_code_must_be_unique (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  RkWindow *window = new_window (db);
  GtkWidget *page = rk_window_get_projects_page (window);
  GtkWidget *code_row, *ministry_row, *message;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  code_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Code"));
  gtk_editable_set_text (GTK_EDITABLE (code_row), "13-02_VM");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  code_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Code"));
  ministry_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Lead Ministry"));
  gtk_editable_set_text (GTK_EDITABLE (code_row), "13-02_VM");
  gtk_editable_set_text (GTK_EDITABLE (ministry_row), "VM");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));

  /* The taken code stays in its field, marked, with a sentence; the
   * valid lead ministry is saved all the same. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "13-02_VM");
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  message = find_widget (page, GTK_TYPE_LABEL, is_alert, NULL);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "13-02_VM"));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE code = '13-02_VM'"), ==, 1);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project WHERE lead_ministry = 'VM' AND code IS NULL"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_projects_fold_at_360 (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  RkWindow *window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  GtkWidget *page = rk_window_get_projects_page (window);
  AdwLeaflet *leaflet;
  GtkWidget *back;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "projects");
  iterate_main_loop ();

  leaflet = ADW_LEAFLET (find_widget (page, ADW_TYPE_LEAFLET, NULL, NULL));
  WAIT_UNTIL (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  /* A new project opens over the list, with a way back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  iterate_main_loop ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  back = find_widget (page, GTK_TYPE_BUTTON, has_action, "projects.back");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  g_assert_nonnull (gtk_widget_get_tooltip_text (back));
  g_assert_true (gtk_widget_activate_action (page, "projects.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
entry_row_has_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static void
test_partner_from_project_and_back (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  g_autoptr(RkOrganisation) stiftung = rk_organisation_new ();
  RkWindow *window = new_window (db);
  GtkWidget *projects = rk_window_get_projects_page (window);
  GtkWidget *partners = rk_window_get_partners_page (window);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  GtkWidget *group, *add, *search, *candidates, *open, *name_row;
  g_autofree char *open_label = NULL;

  g_object_set (stiftung, "name", "Stiftung Zollverein", "kind", RK_KIND_ASSOCIATION, NULL);
  g_assert_true (rk_organisation_insert (stiftung, db, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  iterate_main_loop ();

  /* Add the partner from the project's page: the chooser's search. */
  group = find_widget (projects, RK_TYPE_PROJECT_PARTNERS_GROUP, NULL, NULL);
  g_assert_nonnull (group);
  add = find_widget (group, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add), ==, _("Add Partner"));
  search = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add))), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "zollv");
  candidates = find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add))), GTK_TYPE_LIST_BOX, NULL, NULL);
  WAIT_UNTIL (gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 0) != NULL &&
              gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 1) == NULL);
  g_signal_emit_by_name (candidates, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 0));
  iterate_main_loop ();
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM project_partner WHERE role = 'partner'"), ==, 1);
  g_assert_nonnull (find_widget (group, ADW_TYPE_COMBO_ROW, row_has_title, "Stiftung Zollverein"));

  /* Open the organisation: the Partners section shows it. */
  open_label = g_strdup_printf (_("Open %s"), "Stiftung Zollverein");
  open = find_widget (group, GTK_TYPE_BUTTON, has_tooltip, open_label);
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  iterate_main_loop ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "partners");
  name_row = find_widget (partners, ADW_TYPE_ENTRY_ROW, entry_row_has_text, "Stiftung Zollverein");
  g_assert_nonnull (name_row);
  g_assert_true (gtk_widget_get_mapped (name_row));

  /* And back: its project, one click away. */
  {
    GtkWidget *row = find_widget (partners, ADW_TYPE_ACTION_ROW, row_has_title, _("New Project"));

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    iterate_main_loop ();
  }
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");
  g_assert_nonnull (find_widget (group, ADW_TYPE_COMBO_ROW, row_has_title, "Stiftung Zollverein"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
check_has_label (GtkWidget     *widget,
                 gconstpointer  label)
{
  return g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static void
test_partners_merge_with_choice (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  g_autoptr(RkOrganisation) target = rk_organisation_new ();
  g_autoptr(RkOrganisation) source = rk_organisation_new ();
  RkWindow *window = new_window (db);
  GtkWidget *partners = rk_window_get_partners_page (window);
  AdwMessageDialog *dialog;
  GtkWidget *candidates, *shorter;
  g_autofree char *address = NULL;

  g_object_set (target, "name", "Stiftung Zollverein", "address", "Essen", NULL);
  g_object_set (source, "name", "stiftung zollverein e.V.", "address", "Gelsenkirchener Straße 181, Essen", NULL);
  g_assert_true (rk_organisation_insert (target, db, NULL) && rk_organisation_insert (source, db, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "partners");
  rk_partners_page_select (RK_PARTNERS_PAGE (partners), rk_organisation_get_id (source));
  iterate_main_loop ();
  g_assert_true (gtk_widget_activate_action (partners, "partners.merge", NULL));
  iterate_main_loop ();

  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "merge"));
  candidates = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LIST_BOX, NULL, NULL);
  gtk_list_box_select_row (GTK_LIST_BOX (candidates), gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 0));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "merge"));

  /* The longer address is chosen; the user prefers the shorter one. */
  shorter = find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_CHECK_BUTTON, check_has_label, "Essen");
  g_assert_nonnull (shorter);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (shorter)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (shorter), TRUE);
  adw_message_dialog_response (dialog, "merge");
  iterate_main_loop ();

  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_true (rk_organisation_reload (target, db, NULL));
  g_object_get (target, "address", &address, NULL);
  g_assert_cmpstr (address, ==, "Essen");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The disk fills up, or turns read-only, while a title is being typed:
 * the editor says so, the typed title stays in its field, the database
 * keeps the last title saved, and the next save stores the new one. */
static void
test_projects_disk_fails (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  RkWindow *window = new_window (db);
  GtkWidget *page = rk_window_get_projects_page (window);
  const struct {
    RkTestDiskState state;
    const char *title;
    const char *message;
  } failures[] = {
    { RK_TEST_DISK_FULL, "Zeche Zollverein Welterbe",
      N_("The changes could not be saved because the disk is full. Everything stays as it was; free some space and try again.") },
    { RK_TEST_DISK_READ_ONLY, "Zeche Zollverein Weltkulturerbe",
      N_("The changes could not be saved because the database file cannot be written; the disk may be read-only or no longer connected. Everything stays as it was; try again when it can be written.") },
  };
  GtkWidget *title_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-project", NULL));
  iterate_main_loop ();
  title_row = find_widget (page, ADW_TYPE_ENTRY_ROW, row_has_title, _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zeche Zollverein");
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));

  for (guint f = 0; f < G_N_ELEMENTS (failures); f++)
    {
      g_autofree char *title = NULL;

      gtk_editable_set_text (GTK_EDITABLE (title_row), failures[f].title);
      rk_test_disk_set_state (failures[f].state);
      g_assert_false (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
      rk_test_disk_set_state (RK_TEST_DISK_WORKS);

      g_assert_nonnull (find_widget (page, GTK_TYPE_LABEL, label_contains, _(failures[f].message)));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, failures[f].title);
      title = stored_title (db);
      g_assert_cmpstr (title, ==, f == 0 ? "Zeche Zollverein" : failures[f - 1].title);
      g_clear_pointer (&title, g_free);

      /* Trying again, on a disk that works. */
      g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
      g_assert_null (find_widget (page, GTK_TYPE_LABEL, label_contains, _(failures[f].message)));
      title = stored_title (db);
      g_assert_cmpstr (title, ==, failures[f].title);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Turns the main loop @n times, or until nothing is waiting: enough for
 * what a step started, without waiting for a 10 MB text's layout, which a
 * text view finishes bit by bit in idle time. */
static void
iterate_a_little (guint n)
{
  for (guint i = 0; i < n && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* Whether the text area shows its whole text, without scrolling. */
static gboolean
shows_whole_text (GtkWidget *area)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (area));

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static void
append_lines (GtkTextView *view,
              guint        n)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  for (guint i = 0; i < n; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "\nDas Land fördert den Strukturwandel im Ruhrgebiet.", -1);
      iterate_a_little (10);
    }
}

/* A long text's area grows with its text, as typed and when the window
 * narrows, until it is as tall as RK_TEXT_AREA_MAX_HEIGHT; beyond, the
 * text scrolls inside. */
static void
test_projects_text_area_grows (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(GError) error = NULL;
  RkWindow *window;
  GtkWidget *page, *area;
  GtkTextView *view;
  int short_height, grown_height;

  g_object_set (project, "code", "10-01_MWIDE", "title", "Wachsender Text",
                "field-id", "8c57e2b9-68fb-5100-99c6-59c8d299543d",
                "goal", "Das Land fördert neue Künste im Ruhrgebiet.", NULL);
  g_assert_true (rk_project_insert (project, db, &error));
  g_assert_no_error (error);

  window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "projects");
  iterate_main_loop ();
  page = rk_window_get_projects_page (window);
  rk_projects_page_select (RK_PROJECTS_PAGE (page), rk_project_get_id (project));
  iterate_main_loop ();

  view = GTK_TEXT_VIEW (find_descendant (page, GTK_TYPE_TEXT_VIEW));
  area = gtk_widget_get_parent (GTK_WIDGET (view));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (area));
  WAIT_UNTIL (gtk_widget_get_height (area) > 0 && shows_whole_text (area));
  short_height = gtk_widget_get_height (area);
  g_assert_cmpint (short_height, <, RK_TEXT_AREA_MAX_HEIGHT);

  /* Five more lines: taller, all of it in sight. */
  append_lines (view, 5);
  WAIT_UNTIL (gtk_widget_get_height (area) > short_height && shows_whole_text (area));
  grown_height = gtk_widget_get_height (area);

  /* Narrower, the lines wrap: taller again, all of it in sight. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  WAIT_UNTIL (gtk_widget_get_width (area) < 360 && gtk_widget_get_height (area) > grown_height &&
              shows_whole_text (area));

  /* Far more than fits: as tall as allowed, the rest scrolls. */
  append_lines (view, 60);
  WAIT_UNTIL (gtk_widget_get_height (area) == RK_TEXT_AREA_MAX_HEIGHT && !shows_whole_text (area));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A project whose goal is 10 MB: the editor shows it, takes a word typed
 * at its end and saves it. (Before the texts had scrolled areas of their
 * own, the editor laid the whole text out again frame after frame: over a
 * minute for this test.) */
static void
test_projects_long_text (void)
{
  g_autoptr(RkDatabase) db = open_test_database (RK_DATABASE_OPEN_DEFAULT);
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(RkProject) stored = NULL;
  gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) goal = g_string_sized_new (size + 200);
  g_autoptr(GError) error = NULL;
  RkWindow *window;
  GtkWidget *page, *view;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  while (goal->len < size)
    g_string_append (goal, "Der Strukturwandel im Ruhrgebiet braucht gute Ideen, verlässliche Partner "
                           "und einen langen Atem; jedes Projekt trägt dazu bei.\n");
  g_string_append (goal, "Schluss");
  g_object_set (project, "code", "10-01_MWIDE", "title", "Langer Text",
                "field-id", "8c57e2b9-68fb-5100-99c6-59c8d299543d", "goal", goal->str, NULL);
  g_assert_true (rk_project_insert (project, db, &error));
  g_assert_no_error (error);

  window = new_window (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "projects");
  page = rk_window_get_projects_page (window);
  rk_projects_page_select (RK_PROJECTS_PAGE (page), rk_project_get_id (project));
  iterate_a_little (100);

  view = find_descendant (page, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (goal->str, -1));
  for (const char *c = " und weiter"; *c != '\0'; c++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, c, 1);
      iterate_a_little (10);
    }
  g_assert_true (rk_projects_page_flush (RK_PROJECTS_PAGE (page)));
  stored = rk_project_load (db, rk_project_get_id (project), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (rk_project_get_goal (stored), "Schluss und weiter"));
  g_assert_cmpuint (strlen (rk_project_get_goal (stored)), ==, goal->len + strlen (" und weiter"));
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
   * XDG_DATA_DIRS, and without it no SVG icon loads. Settings live in
   * memory and every database in a folder of its own anyway. */
  rk_test_disk_install ();
  g_test_init (&argc, &argv, NULL);

  /* Without a display there is nothing to test here: skip, do not fail. */
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/ui/every-ui-file-loads", test_every_ui_file_loads);
  g_test_add_func ("/ui/window/sections", test_window_sections);
  g_test_add_func ("/ui/window/section-action-and-settings", test_window_section_action_and_settings);
  g_test_add_func ("/ui/window/read-only", test_window_read_only);
  g_test_add_func ("/ui/window/open-error", test_window_open_error);
  g_test_add_func ("/ui/projects/workflow", test_projects_workflow);
  g_test_add_func ("/ui/projects/code-must-be-unique", test_projects_code_must_be_unique);
  g_test_add_func ("/ui/projects/fold-at-360", test_projects_fold_at_360);
  g_test_add_func ("/ui/projects/disk-fails", test_projects_disk_fails);
  g_test_add_func ("/ui/projects/long-text", test_projects_long_text);
  g_test_add_func ("/ui/projects/text-area-grows", test_projects_text_area_grows);
  g_test_add_func ("/ui/partners/from-project-and-back", test_partner_from_project_and_back);
  g_test_add_func ("/ui/partners/merge-with-choice", test_partners_merge_with_choice);

  rk_test_add_objects_left_check ();
  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}

