/* rk-conflicts-dialog.c: copies on several laptops, from the window
 *
 * Save a Copy…, Export Changes… and Import Changes… (rk-changes.c), and
 * the Conflicts window: each field that two copies changed differently,
 * with this copy's value, the incoming one and when each was made; the
 * newer one is kept until the user decides, one by one or all at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-conflicts-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-backup.h"
#include "rk-changes.h"
#include "rk-conflicts-dialog.h"
#include "rk-format.h"
#include "rk-toast.h"

struct _RkConflictsDialog
{
  AdwWindow            parent_instance;

  RkDatabase          *db;
  GtkStack            *stack;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
  GtkWidget           *keep_all;
  GtkWidget           *take_all;
};

G_DEFINE_FINAL_TYPE (RkConflictsDialog, rk_conflicts_dialog, ADW_TYPE_WINDOW)

/* The fields and records a conflict can name, as the interface calls
 * them. */
static const struct {
  const char *name;
  const char *label;
} fields[] = {
  { "code", N_("Code") }, { "title", N_("Title") }, { "goal", N_("Goal") },
  { "field_id", N_("Field of Action") }, { "pillar", N_("Pillar") }, { "status", N_("Status") },
  { "lead_ministry", N_("Lead Ministry") }, { "volume_cents", N_("Volume") },
  { "start_date", N_("Start") }, { "end_date", N_("End") }, { "added_value", N_("Added Value") },
  { "approach", N_("Approach") }, { "beneficiaries", N_("Beneficiaries") },
  { "current_status", N_("Current Status") }, { "outlook", N_("Outlook") },
  { "name", N_("Name") }, { "kind", N_("Kind") }, { "address", N_("Address") },
  { "website", N_("Website") }, { "email", N_("E-Mail") }, { "phone", N_("Phone") },
  { "notes", N_("Notes") }, { "text", N_("Text") }, { "date", N_("Date") },
  { "place", N_("Place") }, { "role", N_("Role") }, { "done", N_("Done") },
};

static const struct {
  const char *table;
  const char *label;
} tables[] = {
  { "project", N_("Project") }, { "milestone", N_("Milestone") },
  { "organisation", N_("Partner Organisation") }, { "project_partner", N_("Partner Role") },
  { "board_member", N_("Board Member") }, { "meeting", N_("Meeting") }, { "note", N_("Note") },
  { "report", N_("Progress Report") }, { "report_entry", N_("Report Entry") },
  { "project_municipality", N_("Municipality of a Project") },
};

static const char *
field_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return _(fields[i].label);
  return name;
}

static const char *
table_label (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return _(tables[i].label);
  return table;
}

static void reload (RkConflictsDialog *self);

static void
settle (RkConflictsDialog *self,
        gint64             id,
        gboolean           keep_mine)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = id < 0 ? rk_changes_resolve_all (self->db, keep_mine, &error)
                       : rk_changes_resolve (self->db, id, keep_mine, &error);

  if (!ok)
    rk_toast_show_error (GTK_WIDGET (self->stack), error);
  reload (self);
}

static void
on_keep_mine_cb (GtkButton         *button,
                 RkConflictsDialog *self)
{
  settle (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "conflict")), TRUE);
}

static void
on_take_theirs_cb (GtkButton         *button,
                   RkConflictsDialog *self)
{
  settle (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "conflict")), FALSE);
}

static void
on_keep_all_cb (GtkButton         *button,
                RkConflictsDialog *self)
{
  settle (self, -1, TRUE);
}

static void
on_take_all_cb (GtkButton         *button,
                RkConflictsDialog *self)
{
  settle (self, -1, FALSE);
}

static GtkWidget *
choice_button (RkConflictsDialog *self,
               const char        *label,
               gint64             id,
               GCallback          callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "conflict", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static char *
shown_value (const char *value)
{
  /* Translators: a value in quotation marks */
  return value != NULL && *value != '\0' ? g_strdup_printf (_("“%s”"), value) : g_strdup (_("empty"));
}

static GtkWidget *
conflict_row (RkConflictsDialog *self,
              RkChangesConflict *conflict)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *record = rk_changes_describe (self->db, conflict->table, conflict->row_id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  title = record != NULL
          /* Translators: a record's kind and its title, as “Project „Neue Künste Ruhr“” */
          ? g_strdup_printf (_("%s “%s”"), table_label (conflict->table), record)
          : g_strdup (table_label (conflict->table));

  if (g_str_equal (conflict->column, "*"))
    {
      subtitle = g_strdup (_("Changed on one copy and deleted on the other: the deletion stands."));
      gtk_box_append (GTK_BOX (buttons), choice_button (self, _("_Dismiss"), conflict->id,
                                                        G_CALLBACK (on_keep_mine_cb)));
    }
  else
    {
      g_autofree char *mine = shown_value (conflict->mine);
      g_autofree char *theirs = shown_value (conflict->theirs);
      g_autofree char *mine_time = conflict->mine_time != NULL ? rk_format_timestamp (conflict->mine_time) : g_strdup ("–");
      g_autofree char *theirs_time = conflict->theirs_time != NULL ? rk_format_timestamp (conflict->theirs_time) : g_strdup ("–");
      g_autofree char *with_field = g_strdup_printf ("%s · %s", title, field_label (conflict->column));

      g_free (title);
      title = g_steal_pointer (&with_field);
      subtitle = g_strdup_printf (_("This copy: %s, %s\nIncoming: %s, %s\nKept for now: %s"),
                                  mine, mine_time, theirs, theirs_time,
                                  conflict->kept_theirs ? _("the incoming value, the newer one")
                                                        : _("this copy's value, the newer one"));
      gtk_box_append (GTK_BOX (buttons), choice_button (self, _("_Keep Mine"), conflict->id,
                                                        G_CALLBACK (on_keep_mine_cb)));
      gtk_box_append (GTK_BOX (buttons), choice_button (self, _("_Take Theirs"), conflict->id,
                                                        G_CALLBACK (on_take_theirs_cb)));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
  return row;
}

static void
reload (RkConflictsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = rk_changes_list_conflicts (self->db, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (conflicts == NULL)
    {
      rk_toast_show_error (GTK_WIDGET (self->stack), error);
      return;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      GtkWidget *row = conflict_row (self, g_ptr_array_index (conflicts, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, conflicts->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->keep_all, conflicts->len > 0);
  gtk_widget_set_sensitive (self->take_all, conflicts->len > 0);
}

static void
rk_conflicts_dialog_finalize (GObject *object)
{
  RkConflictsDialog *self = (RkConflictsDialog *) object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rk_conflicts_dialog_parent_class)->finalize (object);
}

static void
rk_conflicts_dialog_class_init (RkConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rk_conflicts_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rk_conflicts_dialog_init (RkConflictsDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->rows = g_ptr_array_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Conflicts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every change from the other copies has been merged."));

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group,
                                         _("Both copies changed these fields. Until you decide, the newer change is kept; what you choose becomes the newest change and reaches the other copies with your next change package."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);

  self->keep_all = gtk_button_new_with_mnemonic (_("Keep _All Mine"));
  self->take_all = gtk_button_new_with_mnemonic (_("Take All _Theirs"));
  g_signal_connect (self->keep_all, "clicked", G_CALLBACK (on_keep_all_cb), self);
  g_signal_connect (self->take_all, "clicked", G_CALLBACK (on_take_all_cb), self);
  gtk_widget_set_halign (actions, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (actions, 12);
  gtk_widget_set_margin_bottom (actions, 12);
  gtk_box_append (GTK_BOX (actions), self->keep_all);
  gtk_box_append (GTK_BOX (actions), self->take_all);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (list), page);
  gtk_box_append (GTK_BOX (list), actions);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, list, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * rk_conflicts_dialog_new:
 *
 * The conflicts of @db, with a choice for each.
 */
RkConflictsDialog *
rk_conflicts_dialog_new (GtkWindow  *parent,
                         RkDatabase *db)
{
  RkConflictsDialog *self = g_object_new (RK_TYPE_CONFLICTS_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->db = g_object_ref (db);
  reload (self);
  return self;
}

/* The menu's commands */

typedef struct
{
  GtkWindow  *parent;
  RkDatabase *db;
  char       *db_path;
  int         backups_kept;
  GFile      *file;
  gboolean    is_copy;
  RkChangesSummary summary;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->parent);
  g_clear_object (&job->db);
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_free (job);
}

static void
job_free_closure (gpointer  data,
                  GClosure *closure)
{
  job_free (data);
}

static Job *
job_new (GtkWindow  *parent,
         RkDatabase *db)
{
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->db = g_object_ref (db);
  job->db_path = g_strdup (rk_database_get_path (db));
  return job;
}

static GtkFileChooserNative *
chooser_new (GtkWindow            *parent,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN || g_str_has_suffix (name, ".rkchanges"))
    {
      gtk_file_filter_set_name (filter, _("Change Packages"));
      gtk_file_filter_add_pattern (filter, "*.rkchanges");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  return chooser;
}

static GFile *
chosen_file (GtkNativeDialog *chooser,
             int              response)
{
  GFile *file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  return file;
}

/* Where to save a copy (@job's is_copy) or a change package. */
static void
on_save_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   Job             *job)
{
  g_autoptr(GFile) file = chosen_file (chooser, response);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint n = 0;

  if (path == NULL)
    ;
  else if (!(job->is_copy ? rk_database_make_copy (job->db, path, &error)
                          : rk_changes_export (job->db, path, &n, &error)))
    rk_toast_show_error (GTK_WIDGET (job->parent), error);
  else
    {
      message = job->is_copy
                ? g_strdup_printf (_("The copy “%s” is saved. Open it on the other laptop; the two copies can then exchange their changes."), name)
                : g_strdup_printf (ngettext ("The change package “%s” holds %u changed record.",
                                             "The change package “%s” holds %u changed records.", n),
                                   name, n);
      toast = adw_toast_new (message);
      /* What to do next is to be read, not missed. */
      if (job->is_copy)
        adw_toast_set_timeout (toast, 0);
      rk_toast_show (GTK_WIDGET (job->parent), toast);
    }
  job_free (job);
}

/**
 * rk_changes_run_save_copy:
 *
 * Asks where, and saves a copy of @db for another laptop.
 */
void
rk_changes_run_save_copy (GtkWindow  *parent,
                          RkDatabase *db)
{
  GtkFileChooserNative *chooser = chooser_new (parent, _("Save a Copy for Another Laptop"),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               /* Translators: the name of a copy's file */
                                               _("ruhr-konferenz-copy.db"));

  Job *job = job_new (parent, db);

  job->is_copy = TRUE;
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * rk_changes_run_export:
 *
 * Asks where, and writes this copy's change package.
 */
void
rk_changes_run_export (GtkWindow  *parent,
                       RkDatabase *db)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the start of a change package's name, before its date */
  g_autofree char *name = g_strdup_printf ("%s-%s.rkchanges", _("changes"), today);
  GtkFileChooserNative *chooser = chooser_new (parent, _("Export Changes"),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chosen_cb), job_new (parent, db));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(RkDatabase) db = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(GError) error = NULL;

  db = rk_database_open (job->db_path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL || !rk_changes_import (db, path, job->backups_kept, &job->summary, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_show_conflicts_cb (AdwToast *toast,
                      Job      *job)
{
  gtk_window_present (GTK_WINDOW (rk_conflicts_dialog_new (job->parent, job->db)));
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rk_toast_show_error (GTK_WIDGET (job->parent), error);
      return;
    }

  /* Written on another connection: the lists and pages learn of it. */
  rk_database_announce_all (job->db);

  if (job->summary.from_self)
    {
      rk_toast_show (GTK_WIDGET (job->parent),
                     adw_toast_new (_("This change package came from this copy; it holds nothing new.")));
      return;
    }

  changed = g_strdup_printf (ngettext ("%u record changed", "%u records changed", job->summary.n_applied),
                             job->summary.n_applied);
  message = job->summary.n_conflicts > 0
            ? g_strdup_printf (ngettext ("%s, %u new conflict.", "%s, %u new conflicts.", job->summary.n_conflicts),
                               changed, job->summary.n_conflicts)
            /* Translators: “%s” is “3 records changed” */
            : g_strdup_printf (_("%s, no conflicts."), changed);
  toast = adw_toast_new (message);
  if (job->summary.n_conflicts > 0)
    {
      adw_toast_set_button_label (toast, _("_Show Conflicts"));
      adw_toast_set_timeout (toast, 0);
      /* The toast outlives the task: it has a job of its own. */
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_show_conflicts_cb),
                             job_new (job->parent, job->db), job_free_closure, 0);
    }
  rk_toast_show (GTK_WIDGET (job->parent), toast);
}

static void
on_import_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     Job             *job)
{
  g_autoptr(GFile) file = chosen_file (chooser, response);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (file == NULL)
    {
      job_free (job);
      return;
    }

  settings = g_settings_new (BASE_ID);
  job->backups_kept = g_settings_get_int (settings, "backups-kept");
  job->file = g_object_ref (file);
  task = g_task_new (NULL, NULL, on_imported_cb, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * rk_changes_run_import:
 *
 * Asks for a change package and merges it in a thread; a toast says what
 * changed and opens the conflicts, if there are new ones.
 */
void
rk_changes_run_import (GtkWindow  *parent,
                       RkDatabase *db)
{
  GtkFileChooserNative *chooser = chooser_new (parent, _("Import Changes"),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen_cb), job_new (parent, db));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
