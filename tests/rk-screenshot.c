/* rk-screenshot.c: renders the real main window to a PNG file
 *
 * Used by build-aux/screenshots for data/screenshots/ and for looking at
 * the app by eye; not installed.
 *
 *   rk-screenshot [--dark] [--width W] [--height H] [--section NAME]
 *                 [--example] [--project TEXT] [--organisation TEXT]
 *                 [--note TEXT] [--report TITLE] --database FILE OUTPUT.png
 *
 * W×H is the size of the window as it shows, without what the window
 * system draws around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-board-page.h"
#include "rk-example.h"
#include "rk-note-list.h"
#include "rk-organisation.h"
#include "rk-partners-page.h"
#include "rk-project-list.h"
#include "rk-projects-page.h"
#include "rk-report.h"
#include "rk-reports-page.h"
#include "rk-window.h"

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A section, wherever the window holds it. */
static GtkWidget *
find_page (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_page (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A draft report of the example projects as they stand in the data set:
 * proposals, as the 75 were in September 2019. */
static RkReport *
find_or_create_report (RkDatabase  *db,
                       const char  *title,
                       GError     **error)
{
  g_autoptr(RkRecordList) reports = rk_report_list_new (db);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reports)); i++)
    {
      g_autoptr(RkReport) report = g_list_model_get_item (G_LIST_MODEL (reports), i);

      if (g_str_equal (rk_report_get_title (report), title))
        return g_steal_pointer (&report);
    }

  return rk_report_create (db, title, "2019-09-30", error);
}

/* Lets the window lay itself out and paint a few frames. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *section = NULL;
  gboolean dark = FALSE;
  gboolean example = FALSE;
  g_autofree char *project = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *note = NULL;
  g_autofree char *report_title = NULL;
  int width = 1000, height = 700;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Database", "FILE" },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section, "Section to show", "NAME" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height", "H" },
    { "example", 0, 0, G_OPTION_ARG_NONE, &example, "Load the example data", NULL },
    { "project", 0, 0, G_OPTION_ARG_STRING, &project, "Open the first project found by this search", "TEXT" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, "Open the first organisation found by this search", "TEXT" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "Open the first advisory board note found by this search", "TEXT" },
    { "report", 0, 0, G_OPTION_ARG_STRING, &report_title, "Open the report of this title, made as a draft if there is none", "TITLE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;
  GtkSnapshot *snapshot;
  RkWindow *window;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR") ?: LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || database == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "usage: rk-screenshot --database FILE OUTPUT.png");
      return 1;
    }

  gtk_init ();
  adw_init ();
  /* Look as on a GNOME desktop, whatever the X server says. */
  g_object_set (gtk_settings_get_default (),
                "gtk-font-name", "Cantarell 11",
                "gtk-decoration-layout", "appmenu:close",
                NULL);

  /* What AdwApplication does for the app: its icons and style sheet. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);

  db = rk_database_open (database, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (example && !rk_example_is_loaded (db) && !rk_example_load (db, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* Before the window, so that its list holds the report. */
  if (report_title != NULL && (report = find_or_create_report (db, report_title, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  /* The window builds its sections' pages after its first frame; the
   * selections below need them. */
  if (section != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  for (gboolean loaded = FALSE; !loaded; g_object_get (window, "loaded", &loaded, NULL))
    g_main_context_iteration (NULL, TRUE);
  if (project != NULL)
    {
      g_autoptr(RkRecordList) list = rk_project_list_new (db);
      g_autoptr(RkProject) found = NULL;

      rk_record_list_set_search (list, project);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
        {
          found = g_list_model_get_item (G_LIST_MODEL (list), 0);
          rk_projects_page_select (RK_PROJECTS_PAGE (rk_window_get_projects_page (window)),
                                   rk_project_get_id (found));
        }
    }
  if (organisation != NULL)
    {
      g_autoptr(RkRecordList) list = rk_organisation_list_new (db);
      g_autoptr(RkOrganisation) found = NULL;

      rk_record_list_set_search (list, organisation);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
        {
          found = g_list_model_get_item (G_LIST_MODEL (list), 0);
          rk_partners_page_select (RK_PARTNERS_PAGE (rk_window_get_partners_page (window)),
                                   rk_organisation_get_id (found));
        }
    }
  if (note != NULL && find_page (GTK_WIDGET (window), RK_TYPE_BOARD_PAGE) != NULL)
    {
      g_autoptr(RkRecordList) list = rk_note_list_new (db);
      g_autoptr(RkNote) found = NULL;

      rk_record_list_set_search (list, note);
      if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
        {
          found = g_list_model_get_item (G_LIST_MODEL (list), 0);
          rk_board_page_open_note (RK_BOARD_PAGE (find_page (GTK_WIDGET (window), RK_TYPE_BOARD_PAGE)),
                                   rk_note_get_id (found));
        }
    }
  if (report != NULL)
    rk_reports_page_select (RK_REPORTS_PAGE (find_page (GTK_WIDGET (window), RK_TYPE_REPORTS_PAGE)),
                            rk_report_get_id (report));
  settle (500);
  /* The default size counts what the window system draws around the
   * window (on X11 without a compositor, a border to resize it by). */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (window)));
  settle (1500);

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, argv[1]))
    {
      g_printerr ("Could not write %s\n", argv[1]);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
