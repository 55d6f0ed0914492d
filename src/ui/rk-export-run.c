/* rk-export-run.c: exporting projects or organisations to a CSV file
 *
 * When the list is filtered, the user says whether to export what it
 * shows or everything; then the file chooser asks where, with the format
 * as a choice beside the name; the file is written in a thread and a
 * toast says how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-export-run"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-export.h"
#include "rk-export-run.h"
#include "rk-organisation.h"
#include "rk-project.h"
#include "rk-toast.h"

typedef struct
{
  GtkWidget  *widget;   /* for the toast; inside the window's overlay */
  RkDatabase *db;
  RkCsvKind   kind;
  GStrv       ids;      /* NULL for everything */
  GFile      *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->widget);
  g_clear_object (&export->db);
  g_strfreev (export->ids);
  g_clear_object (&export->file);
  g_free (export);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/**
 * rk_export_default_format:
 *
 * Returns: the setting `csv-format`, or when it is empty the format of
 *   the interface language
 */
RkCsvFormat
rk_export_default_format (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *setting = g_settings_get_string (settings, "csv-format");
  RkCsvFormat format;

  if (!rk_csv_format_from_string (setting, &format))
    format = rk_csv_format_default ();
  return format;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *text = NULL;
  guint n = 0;

  if (!rk_export_csv_finish (result, &n, &error))
    {
      rk_toast_show_error (export->widget, error);
      return;
    }

  if (export->kind == RK_CSV_KIND_PROJECTS)
    text = g_strdup_printf (ngettext ("%u project was exported to “%s”.",
                                      "%u projects were exported to “%s”.", n), n, name);
  else
    text = g_strdup_printf (ngettext ("%u partner organisation was exported to “%s”.",
                                      "%u partner organisations were exported to “%s”.", n), n, name);
  rk_toast_show (export->widget, adw_toast_new (text));
}

/**
 * rk_export_run_to_file:
 * @widget: a widget inside the window, where the toast is shown
 * @ids: (nullable) (array zero-terminated=1): the keys of the records, in
 *   their order, or %NULL for all
 *
 * Writes the file in a thread and says in a toast how it went.
 */
void
rk_export_run_to_file (GtkWidget          *widget,
                       RkDatabase         *db,
                       RkCsvKind           kind,
                       const char * const *ids,
                       RkCsvFormat         format,
                       GFile              *file)
{
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->widget = g_object_ref (widget);
  export->db = g_object_ref (db);
  export->kind = kind;
  export->file = g_object_ref (file);

  rk_export_csv_async (db, kind, ids, format, file, NULL, written_cb, export);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GFile) file = NULL;
  RkCsvFormat format = RK_CSV_FORMAT_EN;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      rk_csv_format_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format"), &format);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    rk_export_run_to_file (export->widget, export->db, export->kind,
                           (const char * const *) export->ids, format, file);
}

static void
choose_file (Export *export)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  const char *ids[] = { "de", "en", NULL };
  const char *labels[] = { _("German Excel (semicolons)"), _("English (commas)"), NULL };
  gboolean projects = export->kind == RK_CSV_KIND_PROJECTS;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (export->widget));

  chooser = gtk_file_chooser_native_new (projects ? _("Export Projects") : _("Export Partner Organisations"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);

  /* Translators: the start of an exported file's name, before its date */
  name = g_strdup_printf ("%s-%s.csv", projects ? _("projects") : _("partner-organisations"), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format",
                               rk_csv_format_to_string (rk_export_default_format ()));

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The keys of what the list shows, in its order. */
static GStrv
list_ids (RkRecordList *list)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (RK_IS_PROJECT (item))
        g_strv_builder_add (builder, rk_project_get_id (RK_PROJECT (item)));
      else if (RK_IS_ORGANISATION (item))
        g_strv_builder_add (builder, rk_organisation_get_id (RK_ORGANISATION (item)));
    }

  return g_strv_builder_end (builder);
}

typedef struct
{
  Export       *export;
  RkRecordList *list;
} Which;

static void
on_which_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  Which *which = user_data;
  Export *export = g_steal_pointer (&which->export);

  if (g_str_equal (response, "shown"))
    export->ids = list_ids (which->list);

  if (g_str_equal (response, "cancel"))
    export_free (export);
  else
    choose_file (export);

  g_object_unref (which->list);
  g_free (which);
}

/**
 * rk_export_run:
 * @widget: a widget inside the window, such as the section's page
 * @list: (nullable): the section's list; when it is filtered, the user
 *   chooses between what it shows and everything
 *
 * Asks what and where to export, then writes the file in a thread.
 */
void
rk_export_run (GtkWidget    *widget,
               RkDatabase   *db,
               RkCsvKind     kind,
               RkRecordList *list)
{
  Export *export;
  AdwMessageDialog *dialog;
  GtkRoot *root;
  Which *which;
  g_autofree char *body = NULL;
  guint shown, total;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (RK_IS_DATABASE (db));
  g_return_if_fail (list == NULL || RK_IS_RECORD_LIST (list));

  export = g_new0 (Export, 1);
  export->widget = g_object_ref (widget);
  export->db = g_object_ref (db);
  export->kind = kind;

  shown = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
  total = list != NULL ? rk_record_list_get_n_total (list) : 0;
  if (list == NULL || shown == total || shown == 0)
    {
      choose_file (export);
      return;
    }

  if (kind == RK_CSV_KIND_PROJECTS)
    body = g_strdup_printf (ngettext ("The list shows %u of %u project.",
                                      "The list shows %u of %u projects.", total), shown, total);
  else
    body = g_strdup_printf (ngettext ("The list shows %u of %u partner organisation.",
                                      "The list shows %u of %u partner organisations.", total), shown, total);

  root = gtk_widget_get_root (widget);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       kind == RK_CSV_KIND_PROJECTS
                                                       ? _("Export Which Projects?")
                                                       : _("Export Which Partner Organisations?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "all", _("_All"),
                                    "shown", _("_Only Those Shown"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "shown", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "shown");
  adw_message_dialog_set_close_response (dialog, "cancel");

  which = g_new0 (Which, 1);
  which->export = export;
  which->list = g_object_ref (list);
  g_signal_connect (dialog, "response", G_CALLBACK (on_which_response_cb), which);
  gtk_window_present (GTK_WINDOW (dialog));
}
