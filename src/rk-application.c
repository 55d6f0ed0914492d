/* rk-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-application.h"
#include "rk-backup.h"
#include "rk-cli-io.h"
#include "rk-cli-report.h"
#include "rk-cli.h"
#include "rk-database.h"
#include "rk-partners-page.h"
#include "rk-preferences-window.h"
#include "rk-projects-page.h"
#include "rk-window.h"

struct _RkApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
};

G_DEFINE_FINAL_TYPE (RkApplication, rk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE instead of the default one"), N_("FILE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the database and print the number of rows of each table"), NULL },
  { "load-example-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the example projects, partner organisations and board members"), NULL },
  { "list-projects", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the projects, one per line: code, title and status key, sorted by code"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --list-projects: only the projects that match TEXT"), N_("TEXT") },
  { "report-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the latest progress report, or the current state of the projects when there is none, as a PDF to FILE"), N_("FILE") },
  { "import-projects", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the projects of the CSV file FILE, matched by code: known ones are updated, new ones added; a file with an error changes nothing"), N_("FILE") },
  { "import-organisations", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the partner organisations of the CSV file FILE, matched by name; a file with an error changes nothing"), N_("FILE") },
  { "export-projects", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every project to the CSV file FILE"), N_("FILE") },
  { "export-organisations", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every partner organisation to the CSV file FILE"), N_("FILE") },
  { "csv-format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-projects or --export-organisations: de for German Excel or en; without it the setting or the interface language decides"), N_("FORMAT") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the whole database to the archive FILE (JSON)"), N_("FILE") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the archive FILE (JSON) into a new, empty database"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the database into FILE, safely even while the app is running: a copy for another laptop, which can then exchange changes with this one"), N_("FILE") },
  { "export-changes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the changes of this copy into the change package FILE"), N_("FILE") },
  { "import-changes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge the change package FILE from another copy; prints what changed and any conflicts"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static const char *
rk_application_get_database_path (RkApplication *self)
{
  if (self->database_path == NULL)
    self->database_path = rk_database_default_path ();

  return self->database_path;
}

static int
rk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RkApplication *self = RK_APPLICATION (app);
  g_autofree char *database = NULL;
  g_autofree char *search = NULL;
  g_autofree char *report_pdf = NULL;
  g_autofree char *target = NULL;
  g_autofree char *csv_format = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "ruhr-konferenz", VERSION);
      return RK_EXIT_OK;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      /* Relative to where the command was typed, not to the primary
       * instance; another database is another instance. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
      g_application_set_flags (app, g_application_get_flags (app) |
                                    G_APPLICATION_NON_UNIQUE);
    }

  /* Batch options do their work here, before GTK is initialised, so they
   * need no display. */
  if (g_variant_dict_lookup (options, "report-pdf", "^ay", &report_pdf))
    return rk_cli_report_pdf (rk_application_get_database_path (self), report_pdf);

  if (g_variant_dict_contains (options, "check"))
    return rk_cli_check (rk_application_get_database_path (self));

  if (g_variant_dict_contains (options, "load-example-data"))
    return rk_cli_load_example_data (rk_application_get_database_path (self));

  g_variant_dict_lookup (options, "search", "s", &search);
  if (g_variant_dict_contains (options, "list-projects"))
    return rk_cli_list_projects (rk_application_get_database_path (self), search);

  if (search != NULL)
    {
      g_printerr ("%s\n", _("--search goes with --list-projects."));
      return RK_EXIT_INPUT_REFUSED;
    }

  g_variant_dict_lookup (options, "csv-format", "s", &csv_format);
  if (g_variant_dict_lookup (options, "export-projects", "^ay", &target))
    return rk_cli_export_csv (rk_application_get_database_path (self), RK_CSV_KIND_PROJECTS, target, csv_format);
  if (g_variant_dict_lookup (options, "export-organisations", "^ay", &target))
    return rk_cli_export_csv (rk_application_get_database_path (self), RK_CSV_KIND_ORGANISATIONS, target, csv_format);
  if (csv_format != NULL)
    {
      g_printerr ("%s\n", _("--csv-format goes with --export-projects or --export-organisations."));
      return RK_EXIT_INPUT_REFUSED;
    }

  if (g_variant_dict_lookup (options, "import-projects", "^ay", &target))
    return rk_cli_import_csv (rk_application_get_database_path (self), RK_CSV_KIND_PROJECTS, target);
  if (g_variant_dict_lookup (options, "import-organisations", "^ay", &target))
    return rk_cli_import_csv (rk_application_get_database_path (self), RK_CSV_KIND_ORGANISATIONS, target);
  if (g_variant_dict_lookup (options, "export-json", "^ay", &target))
    return rk_cli_export_json (rk_application_get_database_path (self), target);
  if (g_variant_dict_lookup (options, "import-json", "^ay", &target))
    return rk_cli_import_json (rk_application_get_database_path (self), target);
  if (g_variant_dict_lookup (options, "export-changes", "^ay", &target))
    return rk_cli_export_changes (rk_application_get_database_path (self), target);
  if (g_variant_dict_lookup (options, "import-changes", "^ay", &target))
    return rk_cli_import_changes (rk_application_get_database_path (self), target);
  if (g_variant_dict_lookup (options, "backup", "^ay", &target))
    return rk_cli_backup (rk_application_get_database_path (self), target);

  return -1;
}

/* For benchmarks/bench-startup.c: with RK_STARTUP_PROBE set, the app
 * prints when its first frame has been drawn and when every section has
 * its data (CLOCK_MONOTONIC, which the benchmark shares), with the rows of
 * the two large lists, and closes its window: it ends once the backup of
 * the day, if one is under way, is written. */
static void
probe_print (RkWindow *window)
{
  gint64 frame = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (window), "rk-probe-frame"));
  RkRecordList *projects, *partners;

  if (frame == 0 || !rk_window_get_loaded (window))
    return;

  projects = rk_projects_page_get_list (RK_PROJECTS_PAGE (rk_window_get_projects_page (window)));
  partners = rk_partners_page_get_list (RK_PARTNERS_PAGE (rk_window_get_partners_page (window)));
  g_print ("first-frame %" G_GINT64_FORMAT " all-sections %" G_GINT64_FORMAT " projects %u partners %u\n",
           frame, g_get_monotonic_time (),
           projects != NULL ? g_list_model_get_n_items (G_LIST_MODEL (projects)) : 0,
           partners != NULL ? g_list_model_get_n_items (G_LIST_MODEL (partners)) : 0);
  g_signal_handlers_disconnect_by_func (window, probe_print, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_probe_drawn_cb (RkWindow *window)
{
  g_object_set_data (G_OBJECT (window), "rk-probe-frame", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  probe_print (window);
}

static void
on_backup_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rk_backup_on_start_finish (result, &error))
    g_warning ("%s", error->message);
  g_application_release (G_APPLICATION (user_data));
}

/* The backup of the day starts once the window shows every section, so
 * that it keeps neither the first frame nor the lists waiting, or when the
 * window goes before that; the app stays until it is written. */
static void
start_backup (RkWindow *window)
{
  GApplication *app = g_application_get_default ();
  RkDatabase *db = g_object_get_data (G_OBJECT (window), "rk-backup-database");
  g_autoptr(GSettings) settings = NULL;

  if (db == NULL || (!rk_window_get_loaded (window) && gtk_widget_get_visible (GTK_WIDGET (window))))
    return;

  g_signal_handlers_disconnect_by_func (window, start_backup, NULL);
  settings = g_settings_new (BASE_ID);
  if (app != NULL && g_settings_get_boolean (settings, "backup-on-start"))
    {
      g_application_hold (app);
      rk_backup_on_start_async (db, g_settings_get_int (settings, "backups-kept"),
                                NULL, on_backup_done_cb, app);
    }
  g_object_set_data (G_OBJECT (window), "rk-backup-database", NULL);
}

static gboolean
open_database_cb (gpointer user_data)
{
  RkWindow *window = user_data;
  RkApplication *self = RK_APPLICATION (g_application_get_default ());
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    return G_SOURCE_REMOVE;

  db = rk_database_open (rk_application_get_database_path (self),
                         RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      rk_window_show_open_error (window, error);
      return G_SOURCE_REMOVE;
    }

  rk_window_set_database (window, db);
  g_object_set_data_full (G_OBJECT (window), "rk-backup-database",
                          g_object_ref (db), g_object_unref);
  g_signal_connect (window, "notify::loaded", G_CALLBACK (start_backup), NULL);
  g_signal_connect (window, "hide", G_CALLBACK (start_backup), NULL);
  return G_SOURCE_REMOVE;
}

/* The database opens right after the window's first frame, before the
 * window builds its sections, which then get it. */
static void
on_drawn_cb (RkWindow *window)
{
  g_signal_handlers_disconnect_by_func (window, on_drawn_cb, NULL);
  g_idle_add_full (G_PRIORITY_HIGH, open_database_cb, g_object_ref (window), g_object_unref);
}

static void
rk_application_activate (GApplication *app)
{
  RkApplication *self = RK_APPLICATION (app);
  GtkWindow *window;

  /* Started again: the window that is already there comes to the front. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* The first frame shows the window's header bar and view switcher at
   * once; the database, its sections and their data follow. */
  window = GTK_WINDOW (rk_window_new (self, NULL));
  g_signal_connect (window, "notify::drawn", G_CALLBACK (on_drawn_cb), NULL);
  if (g_getenv ("RK_STARTUP_PROBE") != NULL)
    {
      g_signal_connect (window, "notify::drawn", G_CALLBACK (on_probe_drawn_cb), NULL);
      g_signal_connect (window, "notify::loaded", G_CALLBACK (probe_print), NULL);
    }
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RkApplication *self = user_data;
  static const char *developers[] = {
    "Ruhr-Konferenz developers",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Ruhr-Konferenz"),
                        "application-icon", APP_ID,
                        "developer-name", _("Ruhr-Konferenz developers"),
                        "version", VERSION,
                        "website", "https://www.ruhr-konferenz.nrw/",
                        "comments", _("Manage the projects, partner organisations, advisory board and progress reports of the Ruhr-Konferenz, the programme of the state government of North Rhine-Westphalia for the Ruhr region."),
                        "copyright", "© 2026 Ruhr-Konferenz developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (rk_preferences_window_new (parent)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
load_resources (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PATH "/icons");
}

static void
rk_application_startup (GApplication *app)
{
  /* With the resource base path GTK would build the shortcuts window
   * (gtk/help-overlay.ui) into every new window, before its first frame;
   * the window adds it after that frame instead (rk-window.c). So the
   * parent classes start without the path, and what they would take from
   * it is loaded here: the app's styles and icons. */
  g_application_set_resource_base_path (app, NULL);
  G_APPLICATION_CLASS (rk_application_parent_class)->startup (app);
  g_application_set_resource_base_path (app, RESOURCE_PATH);
  load_resources ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-project",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.find",
                                         (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.section::%s", rk_sections[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), action,
                                             (const char *[]) { accel, NULL });
    }
}

static void
rk_application_finalize (GObject *object)
{
  RkApplication *self = (RkApplication *) object;

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (rk_application_parent_class)->finalize (object);
}

static void
rk_application_class_init (RkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rk_application_finalize;

  app_class->handle_local_options = rk_application_handle_local_options;
  app_class->startup = rk_application_startup;
  app_class->activate = rk_application_activate;
}

static void
rk_application_init (RkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Manage the projects, partner organisations, advisory board and progress reports of the Ruhr-Konferenz."));
}

RkApplication *
rk_application_new (void)
{
  return g_object_new (RK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* The same resources serve the .Devel build. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
