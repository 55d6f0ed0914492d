/* rk-import-dialog.c: importing projects or organisations from a CSV file
 *
 * Choose a file; it is read and planned in a thread while a progress bar
 * moves and Cancel stays at hand; then the preview says how many records
 * are new, updated and unchanged, and lists every error with its line and
 * column. Import is offered only for a file without errors; it runs in a
 * thread too, after a backup, and writes all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-backup.h"
#include "rk-import-dialog.h"
#include "rk-import.h"

/* The preview lists at most this many errors; the count says the rest. */
#define MAX_LISTED_ISSUES 200

struct _RkImportDialog
{
  AdwWindow       parent_instance;

  RkDatabase     *db;
  RkCsvKind       kind;
  RkImport       *import;
  GCancellable   *cancellable;
  guint           progress_id;
  gboolean        busy;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  GtkButton      *import_button;
  GtkStack       *stack;
  AdwStatusPage  *choose_page;
  AdwStatusPage  *progress_page;
  GtkProgressBar *progress_bar;
  AdwPreferencesGroup *counts_group;
  GtkLabel       *new_label;
  GtkLabel       *updated_label;
  GtkLabel       *unchanged_label;
  AdwPreferencesGroup *errors_group;
  GtkListBox     *errors_list;
  AdwPreferencesGroup *notes_group;
  GtkListBox     *notes_list;
  AdwPreferencesGroup *file_group;
  GtkLabel       *encoding_label;
  GtkLabel       *delimiter_label;
  GtkLabel       *language_label;
  AdwStatusPage  *failed_page;
  AdwStatusPage  *done_page;
};

G_DEFINE_FINAL_TYPE (RkImportDialog, rk_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
backups_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  return g_settings_get_int (settings, "backups-kept");
}

static void
show_page (RkImportDialog *self,
           const char     *name)
{
  gboolean done = g_str_equal (name, "done");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_button_set_label (self->cancel_button, done ? _("_Close") : _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !done);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            g_str_equal (name, "preview") && self->import != NULL &&
                            rk_import_get_n_errors (self->import) == 0 &&
                            rk_import_get_n_new (self->import) + rk_import_get_n_updated (self->import) > 0);
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  RkImportDialog *self = user_data;

  if (self->import != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, rk_import_get_progress (self->import));
  return G_SOURCE_CONTINUE;
}

static void
start_work (RkImportDialog *self,
            const char     *title)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;

  adw_status_page_set_title (self->progress_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  show_page (self, "progress");
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (100, poll_progress_cb, self);
}

static void
stop_work (RkImportDialog *self)
{
  self->busy = FALSE;
  g_clear_handle_id (&self->progress_id, g_source_remove);
}

static GtkWidget *
issue_row (RkImport            *import,
           const RkImportIssue *issue)
{
  g_autofree char *position = rk_import_issue_get_position (issue);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (issue->is_error ? "dialog-error-symbolic"
                                                                  : "dialog-information-symbolic");

  /* The place first: that is what the user looks for in the file. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), position != NULL ? position : issue->message);
  if (position != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  issue->is_error ? _("Error") : _("Notice"), -1);
  if (issue->is_error)
    gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_label (label, text);
}

/* Shows what the import found: counts, errors, notes and how the file
 * was read. */
static void
show_preview (RkImportDialog *self)
{
  RkImport *import = self->import;
  guint n_errors = rk_import_get_n_errors (import);
  guint n_listed = 0, n_notes = 0;
  gboolean read = rk_import_get_n_records (import) > 0 || n_errors == 0;

  clear_list (self->errors_list);
  clear_list (self->notes_list);

  for (guint i = 0; i < rk_import_get_n_issues (import); i++)
    {
      const RkImportIssue *issue = rk_import_get_issue (import, i);

      if (issue->is_error && n_listed++ >= MAX_LISTED_ISSUES)
        continue;
      n_notes += !issue->is_error;
      gtk_list_box_append (issue->is_error ? self->errors_list : self->notes_list,
                           issue_row (import, issue));
    }

  if (n_errors > 0)
    {
      g_autofree char *description = NULL;

      if (n_errors > MAX_LISTED_ISSUES)
        description = g_strdup_printf (ngettext ("The file has %u error; the first %u are listed. Correct them in the file and choose it again: nothing is imported until then.",
                                                 "The file has %u errors; the first %u are listed. Correct them in the file and choose it again: nothing is imported until then.",
                                                 n_errors),
                                       n_errors, MAX_LISTED_ISSUES);
      else
        description = g_strdup_printf (ngettext ("The file has %u error. Correct it in the file and choose the file again: nothing is imported until then.",
                                                 "The file has %u errors. Correct them in the file and choose the file again: nothing is imported until then.",
                                                 n_errors),
                                       n_errors);
      adw_preferences_group_set_description (self->errors_group, description);
    }

  set_count (self->new_label, rk_import_get_n_new (import));
  set_count (self->updated_label, rk_import_get_n_updated (import));
  set_count (self->unchanged_label, rk_import_get_n_unchanged (import));
  gtk_label_set_label (self->encoding_label, rk_import_get_encoding_label (import));
  gtk_label_set_label (self->delimiter_label, rk_import_get_delimiter_label (import));
  gtk_label_set_label (self->language_label, rk_import_get_language_label (import));

  /* Counts of a file with errors would promise what will not happen. */
  gtk_widget_set_visible (GTK_WIDGET (self->counts_group), n_errors == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), n_notes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), read);

  show_page (self, "preview");
}

static void
show_failure (RkImportDialog *self,
              const GError   *error)
{
  adw_status_page_set_description (self->failed_page, error->message);
  show_page (self, "failed");
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RkImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  rk_import_prepare_finish (RK_IMPORT (source), result, &error);

  /* Closed meanwhile: nothing to show. */
  if (self->stack == NULL || RK_IMPORT (source) != self->import)
    return;

  stop_work (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->import);
      show_page (self, "choose");
      return;
    }

  /* A file that cannot be read, or lacks a column, is shown as its
   * issues; a failing database as what it says. */
  if (error != NULL && error->domain != RK_IMPORT_ERROR)
    show_failure (self, error);
  else
    show_preview (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RkImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  gboolean ok;

  ok = rk_import_apply_finish (RK_IMPORT (source), result, &error);
  if (self->stack == NULL)
    return;

  stop_work (self);

  if (!ok)
    {
      /* Cancelled or refused: nothing was written. The database may have
       * changed since the preview, so the preview shows what it is now. */
      if (error->domain == RK_IMPORT_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_preview (self);
      else
        show_failure (self, error);
      return;
    }

  summary = rk_import_get_summary (self->import);
  description = g_strdup_printf ("%s\n\n%s", summary,
                                 _("The database was backed up before the import, so “Restore from Backup…” can undo it."));
  adw_status_page_set_description (self->done_page, description);
  show_page (self, "done");
  g_signal_emit (self, signals[IMPORTED], 0, summary);
}

static void
on_import_clicked_cb (RkImportDialog *self)
{
  g_return_if_fail (self->import != NULL);

  start_work (self, self->kind == RK_CSV_KIND_PROJECTS ? _("Importing the Projects")
                                                       : _("Importing the Partner Organisations"));
  rk_import_apply_async (self->import, self->db, backups_kept (), self->cancellable,
                         applied_cb, g_object_ref (self));
}

static void
on_cancel_clicked_cb (RkImportDialog *self)
{
  /* Cancel stops the work; the page it returns to is the callback's. */
  if (self->busy)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  RkImportDialog *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    rk_import_dialog_open_file (self, file);
}

static void
rk_import_dialog_dispose (GObject *object)
{
  RkImportDialog *self = (RkImportDialog *) object;

  /* Work in a thread stops; its callback finds the dialog gone. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_IMPORT_DIALOG);
  self->stack = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_import_dialog_parent_class)->dispose (object);
}

static gboolean
rk_import_dialog_close_request (GtkWindow *window)
{
  RkImportDialog *self = RK_IMPORT_DIALOG (window);

  if (self->busy)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (rk_import_dialog_parent_class)->close_request (window);
}

static void
rk_import_dialog_class_init (RkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rk_import_dialog_dispose;
  window_class->close_request = rk_import_dialog_close_request;

  /**
   * RkImportDialog::imported:
   * @summary: what was imported, one sentence for a toast
   *
   * Emitted after records were written.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, new_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, updated_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, errors_group);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, errors_list);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, notes_list);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, encoding_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, delimiter_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, language_label);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, RkImportDialog, done_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, rk_import_dialog_choose_file);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rk_import_dialog_init (RkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rk_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @db: the database to import into
 * @kind: projects or organisations
 *
 * Returns: (transfer none): the dialog, not shown yet; it offers to choose
 *   a file
 */
RkImportDialog *
rk_import_dialog_new (GtkWindow  *parent,
                      RkDatabase *db,
                      RkCsvKind   kind)
{
  RkImportDialog *self;
  gboolean projects = kind == RK_CSV_KIND_PROJECTS;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  self = g_object_new (RK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;

  gtk_window_set_title (GTK_WINDOW (self), projects ? _("Import Projects") : _("Import Partner Organisations"));
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  adw_status_page_set_title (self->choose_page, gtk_window_get_title (GTK_WINDOW (self)));
  adw_status_page_set_description (self->choose_page,
    projects
    ? _("Choose a CSV file saved from Excel or LibreOffice. Projects are matched by their code: known ones are updated, new ones added. Before anything is written you see what will change.")
    : _("Choose a CSV file saved from Excel or LibreOffice. Partner organisations are matched by their name: known ones are updated, new ones added. Before anything is written you see what will change."));

  return self;
}

/**
 * rk_import_dialog_choose_file:
 *
 * Asks for the file to import, through the portal where there is one.
 */
void
rk_import_dialog_choose_file (RkImportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (RK_IS_IMPORT_DIALOG (self));

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (gtk_window_get_title (GTK_WINDOW (self)), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * rk_import_dialog_open_file:
 * @file: the CSV file
 *
 * Reads and plans @file in a thread and then shows the preview.
 */
void
rk_import_dialog_open_file (RkImportDialog *self,
                            GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (RK_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    g_cancellable_cancel (self->cancellable);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  g_clear_object (&self->import);
  self->import = rk_import_new (self->kind);
  start_work (self, _("Reading the File"));
  rk_import_prepare_async (self->import, self->db, file, self->cancellable,
                           prepared_cb, g_object_ref (self));
}

/**
 * rk_import_dialog_get_page:
 *
 * Returns: what the dialog shows: "choose", "progress", "preview",
 *   "failed" or "done"
 */
const char *
rk_import_dialog_get_page (RkImportDialog *self)
{
  g_return_val_if_fail (RK_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
