/* test-io-ui.c: the import and backup dialogs and the export, under Xvfb
 *
 * With RK_IO_UI_SHOTS set to a folder, the dialogs are also saved there as
 * PNG files, to look at them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-backup.h"
#include "rk-backups-dialog.h"
#include "rk-changes.h"
#include "rk-conflicts-dialog.h"
#include "rk-database-private.h"
#include "rk-example.h"
#include "rk-export-run.h"
#include "rk-import-dialog.h"
#include "rk-project-list.h"
#include "rk-test-util.h"
#include "rk-test-objects.h"

static gboolean
german (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de");
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, or fails after ten seconds. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 300 * 1000;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Saves the window as a PNG when RK_IO_UI_SHOTS names a folder. */
static void
shoot (GtkWidget  *window,
       const char *name)
{
  const char *folder = g_getenv ("RK_IO_UI_SHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (folder == NULL)
    return;

  settle ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", name, german () ? "de" : "en");
  path = g_build_filename (folder, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static RkDatabase *
open_database (gboolean example)
{
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_test_open_new_database ();

  if (example)
    {
      rk_example_load (db, &error);
      g_assert_no_error (error);
    }
  return db;
}

static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static GtkWindow *
new_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (adw_application_window_new (NULL));

  gtk_window_set_default_size (parent, 900, 700);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (parent), adw_toast_overlay_new ());
  gtk_window_present (parent);
  return parent;
}

static gboolean
not_busy (gpointer data)
{
  const char *page = rk_import_dialog_get_page (data);

  return !g_str_equal (page, "progress");
}

static GtkWidget *
find_child (GtkWidget  *widget,
            const char *buildable_id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), buildable_id));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_import_preview_with_errors (void)
{
  g_autoptr(RkDatabase) db = open_database (FALSE);
  GtkWindow *parent = new_parent ();
  RkImportDialog *dialog = rk_import_dialog_new (parent, db, RK_CSV_KIND_PROJECTS);
  g_autoptr(GFile) file = write_file ("projekte.csv",
                                      "Kennung;Titel;Handlungsfeld;Beginn;Farbe\n"
                                      "01-01_VM;Radweg;1;01.01.2024;blau\n"
                                      "01-02_VM;Schiene;7;2024-02-30;rot\n", -1);
  GtkWidget *errors, *first;
  g_autofree char *position = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "choose");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Import Projects"));
  shoot (GTK_WIDGET (dialog), "import-choose");

  rk_import_dialog_open_file (dialog, file);
  wait_until (not_busy, dialog);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "preview");

  /* Every error, by line and column; and no way to import. */
  g_assert_false (gtk_widget_get_sensitive (find_child (GTK_WIDGET (dialog), "import_button")));
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (dialog), "counts_group")));
  errors = find_child (GTK_WIDGET (dialog), "errors_list");
  g_assert_cmpuint (count_rows (errors), ==, 2);
  first = gtk_widget_get_first_child (errors);
  position = g_strdup_printf (_("Line %u, column %u (%s)"), 3, 3, "Handlungsfeld");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, position);
  g_assert_cmpuint (count_rows (find_child (GTK_WIDGET (dialog), "notes_list")), ==, 1);
  shoot (GTK_WIDGET (dialog), "import-errors");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 0);
}

static void
on_imported_cb (RkImportDialog *dialog,
                const char     *summary,
                char          **out_summary)
{
  *out_summary = g_strdup (summary);
}

static void
on_changed_cb (RkDatabase *db,
               const char *table,
               const char *key,
               guint      *n_changed)
{
  (*n_changed)++;
}

static gboolean
is_done (gpointer data)
{
  return g_str_equal (rk_import_dialog_get_page (data), "done");
}

static void
test_import_apply (void)
{
  g_autoptr(RkDatabase) db = open_database (TRUE);
  GtkWindow *parent = new_parent ();
  RkImportDialog *dialog = rk_import_dialog_new (parent, db, RK_CSV_KIND_PROJECTS);
  g_autoptr(GFile) file = write_file ("projects.csv",
                                      "code,title,status\n"
                                      "13-02_VM,Mobilitätsregion: InnaMoRuhr,in_implementation\n"
                                      "20-01_MHKBD,Neues Projekt,proposal\n", -1);
  g_autofree char *summary = NULL;
  g_autoptr(GListModel) backups = NULL;
  guint n_changed = 0;

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &summary);
  g_signal_connect (db, "changed::project", G_CALLBACK (on_changed_cb), &n_changed);
  gtk_window_present (GTK_WINDOW (dialog));

  rk_import_dialog_open_file (dialog, file);
  wait_until (not_busy, dialog);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_child (GTK_WIDGET (dialog), "new_label"))), ==, "1");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_child (GTK_WIDGET (dialog), "updated_label"))), ==, "1");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_child (GTK_WIDGET (dialog), "unchanged_label"))), ==, "0");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (dialog), "errors_group")));
  g_assert_true (gtk_widget_get_sensitive (find_child (GTK_WIDGET (dialog), "import_button")));
  shoot (GTK_WIDGET (dialog), "import-preview");

  /* Nothing is written before Import. */
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 8);
  g_signal_emit_by_name (find_child (GTK_WIDGET (dialog), "import_button"), "clicked");
  wait_until (is_done, dialog);
  shoot (GTK_WIDGET (dialog), "import-done");

  /* The app's connection sees the records and was told of them. */
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 9);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_nonnull (summary);
  g_assert_true (g_str_has_suffix (summary, "."));

  /* And a backup of the state before was made. */
  backups = rk_backup_list (rk_database_get_path (db), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static void
test_import_cancel (void)
{
  g_autoptr(RkDatabase) db = open_database (FALSE);
  GtkWindow *parent = new_parent ();
  RkImportDialog *dialog = rk_import_dialog_new (parent, db, RK_CSV_KIND_PROJECTS);
  g_autoptr(GString) data = g_string_new ("code;title;goal\n");
  g_autoptr(GFile) file = NULL;
  GtkWidget *cancel = find_child (GTK_WIDGET (dialog), "cancel_button");

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (data, "P-%05u;Projekt %u;Ein Ziel für Projekt %u\n", i, i, i);
  file = write_file ("gross.csv", data->str, data->len);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Cancel while the file is read: back to choosing one. */
  rk_import_dialog_open_file (dialog, file);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "progress");
  g_signal_emit_by_name (cancel, "clicked");
  wait_until (not_busy, dialog);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "choose");

  /* Cancel while importing: nothing written, the preview again. */
  rk_import_dialog_open_file (dialog, file);
  wait_until (not_busy, dialog);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "preview");
  g_signal_emit_by_name (find_child (GTK_WIDGET (dialog), "import_button"), "clicked");
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "progress");
  g_signal_emit_by_name (cancel, "clicked");
  wait_until (not_busy, dialog);
  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static void
test_import_missing_column (void)
{
  g_autoptr(RkDatabase) db = open_database (FALSE);
  GtkWindow *parent = new_parent ();
  RkImportDialog *dialog = rk_import_dialog_new (parent, db, RK_CSV_KIND_ORGANISATIONS);
  g_autoptr(GFile) file = write_file ("partner.csv", "Art;Kommune\nVerein;Essen\n", -1);
  GtkWidget *errors;

  gtk_window_present (GTK_WINDOW (dialog));
  rk_import_dialog_open_file (dialog, file);
  wait_until (not_busy, dialog);

  g_assert_cmpstr (rk_import_dialog_get_page (dialog), ==, "preview");
  errors = find_child (GTK_WIDGET (dialog), "errors_list");
  g_assert_cmpuint (count_rows (errors), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (find_child (GTK_WIDGET (dialog), "import_button")));

  /* Closing the dialog imports nothing. */
  gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
  g_assert_cmpint (rk_database_count_rows (db, "organisation", NULL), ==, 0);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_export (void)
{
  g_autoptr(RkDatabase) db = open_database (TRUE);
  GtkWindow *parent = new_parent ();
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent));
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "projekte.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RkRecordList) list = rk_project_list_new (db);
  AdwMessageDialog *which;
  g_autofree char *body = NULL;

  rk_export_run_to_file (content, db, RK_CSV_KIND_PROJECTS, NULL, RK_CSV_FORMAT_DE, file);
  wait_until (file_exists, file);
  settle ();

  bytes = rk_test_read_file (path);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "\xEF\xBB\xBF" "Kennung;Titel;"));

  /* A filtered list asks what to export. */
  rk_record_list_set_search (list, "kunste");
  rk_export_run (content, db, RK_CSV_KIND_PROJECTS, list);
  which = find_dialog_for (parent);
  g_assert_nonnull (which);
  body = g_strdup_printf (ngettext ("The list shows %u of %u project.", "The list shows %u of %u projects.", 8), 1, 8);
  g_assert_cmpstr (adw_message_dialog_get_body (which), ==, body);
  g_assert_true (adw_message_dialog_has_response (which, "shown"));
  g_assert_true (adw_message_dialog_has_response (which, "all"));
  adw_message_dialog_response (which, "cancel");
  settle ();

  gtk_window_destroy (parent);
}

static gboolean
backups_read (gpointer data)
{
  return !g_str_equal (rk_backups_dialog_get_page (data), "loading");
}

static void
on_restored_cb (RkBackupsDialog *dialog,
                const char      *message,
                char           **out_message)
{
  *out_message = g_strdup (message);
}

static gboolean
has_message (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_backups_restore (void)
{
  g_autoptr(RkDatabase) db = open_database (TRUE);
  GtkWindow *parent = new_parent ();
  RkBackupsDialog *dialog;
  AdwMessageDialog *confirm;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *list, *row;
  guint n_changed = 0;

  g_assert_true (rk_backup_create (db, RK_BACKUP_REASON_START, 10, NULL, &error));
  g_assert_true (rk_database_exec (db, "DELETE FROM project WHERE code IS NULL", &error));
  g_assert_true (rk_backup_create (db, RK_BACKUP_REASON_IMPORT, 10, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 1);

  dialog = rk_backups_dialog_new (parent, db);
  g_signal_connect (dialog, "restored", G_CALLBACK (on_restored_cb), &message);
  g_signal_connect (db, "changed::project", G_CALLBACK (on_changed_cb), &n_changed);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (backups_read, dialog);
  g_assert_cmpstr (rk_backups_dialog_get_page (dialog), ==, "list");

  /* Newest first, each with why it was made and what it holds. */
  list = find_child (GTK_WIDGET (dialog), "list_box");
  g_assert_cmpuint (count_rows (list), ==, 2);
  row = gtk_widget_get_first_child (list);
  counts = g_strdup_printf (ngettext ("%u project", "%u projects", 1), 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Before an import")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), counts));
  shoot (GTK_WIDGET (dialog), "backups");

  /* Restore asks first. */
  rk_backups_dialog_restore (dialog, 1);
  confirm = find_dialog_for (GTK_WINDOW (dialog));
  g_assert_nonnull (confirm);
  shoot (GTK_WIDGET (confirm), "backups-confirm");
  adw_message_dialog_response (confirm, "restore");
  wait_until (has_message, &message);

  g_assert_cmpint (rk_database_count_rows (db, "project", NULL), ==, 8);
  g_assert_cmpuint (n_changed, >=, 8);
  g_assert_true (g_str_has_suffix (message, "."));

  gtk_window_destroy (parent);
}

static void
test_backups_empty (void)
{
  g_autoptr(RkDatabase) db = open_database (FALSE);
  GtkWindow *parent = new_parent ();
  RkBackupsDialog *dialog = rk_backups_dialog_new (parent, db);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until (backups_read, dialog);
  g_assert_cmpstr (rk_backups_dialog_get_page (dialog), ==, "empty");
  shoot (GTK_WIDGET (dialog), "backups-empty");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

static void
collect_buttons (GtkWidget  *widget,
                 const char *label,
                 GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_get_mapped (child))
        g_ptr_array_add (found, child);
      collect_buttons (child, label, found);
    }
}

static guint
count_buttons (GtkWidget  *widget,
               const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_buttons (widget, label, found);
  return found->len;
}

static void
click_first (GtkWidget  *widget,
             const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_buttons (widget, label, found);
  g_assert_cmpuint (found->len, >, 0);
  gtk_widget_activate (g_ptr_array_index (found, 0));
}

static gchar *
query_title (RkDatabase *db,
             const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT title FROM project WHERE id = '%s'", id);
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Two copies change the same two titles: the conflicts window lists both,
 * Keep Mine settles one, Take All Theirs the rest. */
static void
test_conflicts (void)
{
  g_autoptr(RkDatabase) a = open_database (FALSE);
  g_autoptr(RkDatabase) b = NULL;
  g_autofree char *copy = rk_test_new_database_path ();
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *package = g_build_filename (dir, "b.rkchanges", NULL);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  const char *keep = german () ? "_Meine behalten" : "_Keep Mine";
  const char *take_all = german () ? "Alle _fremden übernehmen" : "Take All _Theirs";
  GtkWindow *parent;
  RkConflictsDialog *dialog;

  g_assert_true (rk_database_exec (a, "INSERT INTO project (id, code, title, created_at, updated_at) VALUES"
                                      " ('p1', 'A', 'Eins', 't0', 't0'), ('p2', 'B', 'Zwei', 't0', 't0')", &error));
  g_assert_true (rk_database_make_copy (a, copy, &error));
  b = rk_database_open (copy, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rk_database_exec (a, "UPDATE project SET title = title || ' hier', updated_at = 't1'", &error));
  g_assert_true (rk_database_exec (b, "UPDATE project SET title = title || ' dort', updated_at = 't2'", &error));
  g_assert_true (rk_changes_export (b, package, NULL, &error));
  g_assert_true (rk_changes_import (a, package, 0, NULL, &error));
  g_assert_no_error (error);

  parent = new_parent ();
  dialog = rk_conflicts_dialog_new (parent, a);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();
  shoot (GTK_WIDGET (dialog), "conflicts");
  g_assert_cmpuint (count_buttons (GTK_WIDGET (dialog), keep), ==, 2);

  /* The newer change was kept; Keep Mine brings this copy's back. */
  title = query_title (a, "p1");
  g_assert_cmpstr (title, ==, "Eins dort");
  click_first (GTK_WIDGET (dialog), keep);
  settle ();
  {
    g_autofree char *first = query_title (a, "p1");
    g_autofree char *second = query_title (a, "p2");

    g_assert_true (g_str_has_suffix (first, " hier") != g_str_has_suffix (second, " hier"));
  }
  g_assert_cmpuint (count_buttons (GTK_WIDGET (dialog), keep), ==, 1);

  /* Take All Theirs: the other keeps the newer change it had. */
  click_first (GTK_WIDGET (dialog), take_all);
  settle ();
  g_assert_cmpuint (count_buttons (GTK_WIDGET (dialog), keep), ==, 0);
  {
    g_autofree char *first = query_title (a, "p1");
    g_autofree char *second = query_title (a, "p2");

    g_assert_true (g_str_has_suffix (first, " dort") != g_str_has_suffix (second, " dort"));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (parent);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* As test-ui.c: no isolated folders, so that icons load. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-font-name", "Cantarell 11", NULL);

  g_test_add_func ("/io-ui/import/preview-with-errors", test_import_preview_with_errors);
  g_test_add_func ("/io-ui/import/apply", test_import_apply);
  g_test_add_func ("/io-ui/import/cancel", test_import_cancel);
  g_test_add_func ("/io-ui/import/missing-column", test_import_missing_column);
  g_test_add_func ("/io-ui/export", test_export);
  g_test_add_func ("/io-ui/backups/restore", test_backups_restore);
  g_test_add_func ("/io-ui/backups/empty", test_backups_empty);
  g_test_add_func ("/io-ui/conflicts", test_conflicts);

  rk_test_add_objects_left_check ();
  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
