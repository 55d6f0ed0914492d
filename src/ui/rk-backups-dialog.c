/* rk-backups-dialog.c: Restore from Backup
 *
 * Lists the backups of the open database, newest first, each with its
 * time, why it was made and what it holds; restores one after the user
 * confirms, in a thread, backing up the current state first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-backups-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-backup.h"
#include "rk-backups-dialog.h"
#include "rk-format.h"

struct _RkBackupsDialog
{
  AdwWindow      parent_instance;

  RkDatabase    *db;
  GListModel    *backups;
  GCancellable  *cancellable;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *list_box;
  AdwStatusPage *failed_page;
};

G_DEFINE_FINAL_TYPE (RkBackupsDialog, rk_backups_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_created (RkBackup *backup)
{
  g_autofree char *iso = g_date_time_format_iso8601 (rk_backup_get_created (backup));

  return rk_format_timestamp (iso);
}

static const char *
reason_label (RkBackupReason reason)
{
  switch (reason)
    {
    case RK_BACKUP_REASON_START:
      return _("When the app started");
    case RK_BACKUP_REASON_IMPORT:
      return _("Before an import");
    case RK_BACKUP_REASON_RESTORE:
    default:
      return _("Before a restore");
    }
}

/* "8 projects, 31 partner organisations, 3 board members, 1 note,
 * 0 reports" */
static char *
describe_counts (RkBackup *backup)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n;

  n = rk_backup_get_n_projects (backup);
  g_string_append_printf (text, ngettext ("%u project", "%u projects", n), n);
  g_string_append (text, ", ");
  n = rk_backup_get_n_organisations (backup);
  g_string_append_printf (text, ngettext ("%u partner organisation", "%u partner organisations", n), n);
  g_string_append (text, ", ");
  n = rk_backup_get_n_board_members (backup);
  g_string_append_printf (text, ngettext ("%u board member", "%u board members", n), n);
  g_string_append (text, ", ");
  n = rk_backup_get_n_notes (backup);
  g_string_append_printf (text, ngettext ("%u note", "%u notes", n), n);
  g_string_append (text, ", ");
  n = rk_backup_get_n_reports (backup);
  g_string_append_printf (text, ngettext ("%u progress report", "%u progress reports", n), n);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  RkBackupsDialog *self;
  RkBackup        *backup;
} Restore;

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr(RkBackupsDialog) self = restore->self;
  g_autoptr(RkBackup) backup = restore->backup;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *message = NULL;

  g_free (restore);

  if (!rk_backup_restore_finish (result, &error))
    {
      if (self->stack != NULL)
        {
          adw_status_page_set_description (self->failed_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "failed");
        }
      return;
    }

  created = format_created (backup);
  /* Translators: %s is the date and time the backup was made */
  message = g_strdup_printf (_("The backup of %s was restored."), created);
  g_signal_emit (self, signals[RESTORED], 0, message);

  if (self->stack != NULL)
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  RkBackupsDialog *self = user_data;
  RkBackup *backup = g_object_get_data (G_OBJECT (dialog), "rk-backup");
  g_autoptr(GSettings) settings = NULL;
  Restore *restore;

  if (!g_str_equal (response, "restore"))
    return;

  settings = g_settings_new (BASE_ID);
  gtk_stack_set_visible_child_name (self->stack, "restoring");

  restore = g_new0 (Restore, 1);
  restore->self = g_object_ref (self);
  restore->backup = g_object_ref (backup);

  /* Restoring is not cancelled half-way; the dialog waits for it. */
  rk_backup_restore_async (self->db, rk_backup_get_path (backup),
                           g_settings_get_int (settings, "backups-kept"),
                           NULL, restored_cb, restore);
}

/**
 * rk_backups_dialog_restore:
 * @position: the backup's position in the list, newest first
 *
 * Asks the user to confirm, then restores the backup.
 */
void
rk_backups_dialog_restore (RkBackupsDialog *self,
                           guint            position)
{
  g_autoptr(RkBackup) backup = NULL;
  g_autofree char *created = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (RK_IS_BACKUPS_DIALOG (self));
  g_return_if_fail (self->backups != NULL);

  backup = g_list_model_get_item (self->backups, position);
  g_return_if_fail (backup != NULL);

  created = format_created (backup);
  /* Translators: %s is the date and time the backup was made */
  heading = g_strdup_printf (_("Restore the Backup of %s?"), created);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
    _("All projects, partner organisations, board members, notes and reports are replaced by the state of this backup. The current state is backed up first, so the restore can be undone.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "rk-backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_clicked_cb (GtkButton       *button,
                       RkBackupsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  rk_backups_dialog_restore (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static GtkWidget *
backup_row (RkBackupsDialog *self,
            RkBackup        *backup)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));
  g_autofree char *created = format_created (backup);
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  if (rk_backup_is_usable (backup))
    {
      counts = describe_counts (backup);
      subtitle = g_strdup_printf ("%s · %s", reason_label (rk_backup_get_reason (backup)), counts);
    }
  else
    subtitle = g_strdup_printf ("%s · %s", reason_label (rk_backup_get_reason (backup)),
                                _("This backup cannot be read and cannot be restored."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), created);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, rk_backup_is_usable (backup) && !rk_database_get_read_only (self->db));
  /* Translators: %s is the date and time the backup was made */
  {
    g_autofree char *label = g_strdup_printf (_("Restore the backup of %s"), created);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RkBackupsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = rk_backup_list_finish (result, &error);

  if (self->stack == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (backups == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  g_set_object (&self->backups, backups);
  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(RkBackup) backup = g_list_model_get_item (backups, i);

      gtk_list_box_append (self->list_box, backup_row (self, backup));
    }

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (backups) > 0 ? "list" : "empty");
}

static void
rk_backups_dialog_dispose (GObject *object)
{
  RkBackupsDialog *self = (RkBackupsDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_BACKUPS_DIALOG);
  self->stack = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->backups);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_backups_dialog_parent_class)->dispose (object);
}

static void
rk_backups_dialog_class_init (RkBackupsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_backups_dialog_dispose;

  /**
   * RkBackupsDialog::restored:
   * @message: one sentence for a toast
   *
   * Emitted after a backup was restored; the database's lists and pages
   * have been told already.
   */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-backups-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RkBackupsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RkBackupsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, RkBackupsDialog, failed_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rk_backups_dialog_init (RkBackupsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * rk_backups_dialog_new:
 * @db: the open database, whose backups are listed
 *
 * Returns: (transfer none): the dialog, not shown yet; it reads the
 *   backups in a thread
 */
RkBackupsDialog *
rk_backups_dialog_new (GtkWindow  *parent,
                       RkDatabase *db)
{
  RkBackupsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);

  self = g_object_new (RK_TYPE_BACKUPS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);

  rk_backup_list_async (rk_database_get_path (db), self->cancellable, listed_cb, g_object_ref (self));
  return self;
}

/**
 * rk_backups_dialog_get_page:
 *
 * Returns: "loading", "empty", "list", "restoring" or "failed"
 */
const char *
rk_backups_dialog_get_page (RkBackupsDialog *self)
{
  g_return_val_if_fail (RK_IS_BACKUPS_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * rk_backups_dialog_get_backups:
 *
 * Returns: (transfer none) (nullable): the backups listed, once read
 */
GListModel *
rk_backups_dialog_get_backups (RkBackupsDialog *self)
{
  g_return_val_if_fail (RK_IS_BACKUPS_DIALOG (self), NULL);

  return self->backups;
}
