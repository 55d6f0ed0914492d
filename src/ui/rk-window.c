/* rk-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-backups-dialog.h"
#include "rk-conflicts-dialog.h"
#include "rk-export-run.h"
#include "rk-import-dialog.h"
#include "rk-overview-page.h"
#include "rk-partners-page.h"
#include "rk-board-page.h"
#include "rk-projects-page.h"
#include "rk-reports-page.h"
#include "rk-window.h"

struct _RkWindow
{
  AdwApplicationWindow  parent_instance;

  RkDatabase           *database;
  GSettings            *settings;

  /* Template widgets */
  AdwViewStack         *stack;
  AdwBin               *bins[RK_N_SECTIONS];   /* in the order of rk_sections */
  GtkRevealer          *read_only_revealer;
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* The sections' pages, built after the first frame (or when asked
   * for); NULL until then. */
  RkOverviewPage       *overview_page;
  RkProjectsPage       *projects_page;
  RkPartnersPage       *partners_page;
  RkBoardPage          *board_page;
  RkReportsPage        *reports_page;

  /* Start-up draws the window with empty sections first, then builds the
   * section on screen, then the others, one per main loop turn. */
  guint                 pages_idle_id;
  GdkFrameClock        *frame_clock;     /* until the first frame */
  gulong                after_paint_id;
  gboolean              drawn;
  gboolean              loaded;
};

G_DEFINE_FINAL_TYPE (RkWindow, rk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_DRAWN,
  PROP_LOADED,
  N_PROPS
};

enum {
  SECTION_OVERVIEW,
  SECTION_PROJECTS,
  SECTION_PARTNERS,
  SECTION_BOARD,
  SECTION_REPORTS,
};

static GParamSpec *properties[N_PROPS];

static void
update_window_actions (RkWindow *self)
{
  gboolean writable = self->database != NULL && !rk_database_get_read_only (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-project", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-project", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-example-data", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-example-data", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-projects", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-organisations", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-changes", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-changes", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-projects", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-organisations", self->database != NULL);
}

const char * const rk_sections[RK_N_SECTIONS] = {
  "overview", "projects", "partners", "board", "reports",
};

static void choose_database (RkWindow *self,
                             gboolean  create);

static void update_loaded             (RkWindow   *self);
static void on_open_project_cb        (RkWindow   *self,
                                       const char *project_id);
static void on_show_projects_cb       (RkWindow   *self,
                                       const char *field_id,
                                       const char *status_key);
static void on_open_organisation_cb   (RkWindow   *self,
                                       const char *organisation_id);
static void on_open_note_cb           (RkWindow   *self,
                                       const char *note_id);
static void on_show_project_notes_cb  (RkWindow   *self,
                                       const char *project_id);

/* Each section's page, in the order of rk_sections: its type and where
 * the window keeps it. */
static const struct
{
  GType (*get_type) (void);
  gsize   offset;
} page_classes[RK_N_SECTIONS] = {
  { rk_overview_page_get_type, G_STRUCT_OFFSET (RkWindow, overview_page) },
  { rk_projects_page_get_type, G_STRUCT_OFFSET (RkWindow, projects_page) },
  { rk_partners_page_get_type, G_STRUCT_OFFSET (RkWindow, partners_page) },
  { rk_board_page_get_type, G_STRUCT_OFFSET (RkWindow, board_page) },
  { rk_reports_page_get_type, G_STRUCT_OFFSET (RkWindow, reports_page) },
};

/* What the window does when a page asks for another section. */
static const struct
{
  guint       section;
  const char *signal;
  GCallback   callback;
} page_signals[] = {
  { SECTION_OVERVIEW, "show-projects", G_CALLBACK (on_show_projects_cb) },
  { SECTION_OVERVIEW, "notify::loading", G_CALLBACK (update_loaded) },
  { SECTION_PROJECTS, "open-organisation", G_CALLBACK (on_open_organisation_cb) },
  { SECTION_PROJECTS, "open-note", G_CALLBACK (on_open_note_cb) },
  { SECTION_PROJECTS, "show-project-notes", G_CALLBACK (on_show_project_notes_cb) },
  { SECTION_PARTNERS, "open-project", G_CALLBACK (on_open_project_cb) },
  { SECTION_BOARD, "open-project", G_CALLBACK (on_open_project_cb) },
};

static GtkWidget *
get_page (RkWindow *self,
          guint     section)
{
  g_assert (section < RK_N_SECTIONS);

  return G_STRUCT_MEMBER (GtkWidget *, self, page_classes[section].offset);
}

static void
give_page_database (RkWindow *self,
                    guint     section)
{
  switch (section)
    {
    case SECTION_OVERVIEW: rk_overview_page_set_database (self->overview_page, self->database); break;
    case SECTION_PROJECTS: rk_projects_page_set_database (self->projects_page, self->database); break;
    case SECTION_PARTNERS: rk_partners_page_set_database (self->partners_page, self->database); break;
    case SECTION_BOARD: rk_board_page_set_database (self->board_page, self->database); break;
    case SECTION_REPORTS: rk_reports_page_set_database (self->reports_page, self->database); break;
    default: g_assert_not_reached ();
    }
}

/* Loaded: every section is built and has its data, the Overview's
 * figures included. */
static void
update_loaded (RkWindow *self)
{
  gboolean loaded = self->overview_page != NULL && !rk_overview_page_get_loading (self->overview_page);

  for (guint i = 0; loaded && i < RK_N_SECTIONS; i++)
    loaded = get_page (self, i) != NULL;

  if (loaded == self->loaded)
    return;
  self->loaded = loaded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* Builds a section's page into its place in the view stack and gives it
 * the database. */
static void
ensure_page (RkWindow *self,
             guint     section)
{
  GtkWidget *page;

  if (get_page (self, section) != NULL)
    return;

  page = g_object_new (page_classes[section].get_type (), NULL);
  G_STRUCT_MEMBER (GtkWidget *, self, page_classes[section].offset) = page;
  for (guint i = 0; i < G_N_ELEMENTS (page_signals); i++)
    if (page_signals[i].section == section)
      g_signal_connect_object (page, page_signals[i].signal, page_signals[i].callback,
                               self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->bins[section], page);
  rk_a11y_fix_tree (page);
  if (self->database != NULL)
    give_page_database (self, section);
  update_loaded (self);
}

/* Every section is built now; what needs a section other than the one
 * shown calls this first. */
static void
ensure_all_pages (RkWindow *self)
{
  g_clear_handle_id (&self->pages_idle_id, g_source_remove);
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    ensure_page (self, i);
}

static guint
visible_section (RkWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < RK_N_SECTIONS; i++)
    if (g_strcmp0 (name, rk_sections[i]) == 0)
      return i;
  return SECTION_OVERVIEW;
}

/* A section the user switches to after the first frame is built at once. */
static void
on_visible_section_cb (RkWindow *self)
{
  if (self->drawn)
    ensure_page (self, visible_section (self));
}

/* The section on screen first, then one section a main loop turn, so
 * that input and frames coming meanwhile are not kept waiting for all of
 * them. */
static gboolean
build_pages_idle_cb (gpointer user_data)
{
  RkWindow *self = user_data;
  guint section = visible_section (self);

  for (guint i = 0; i < RK_N_SECTIONS && get_page (self, section) != NULL; i++)
    section = i;

  if (get_page (self, section) != NULL)
    {
      self->pages_idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  ensure_page (self, section);
  return G_SOURCE_CONTINUE;
}

/* The shortcuts window, which the application leaves to the window
 * (rk-application.c) so that it is not built before the first frame. */
static gboolean
add_help_overlay_cb (gpointer user_data)
{
  RkWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_window_get_application (GTK_WINDOW (self)) == NULL ||
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self)) != NULL)
    return G_SOURCE_REMOVE;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return G_SOURCE_REMOVE;
}

/* The first frame is on screen: the main menu's popover, the sections,
 * then the shortcuts window follow. */
static void
on_first_after_paint_cb (GdkFrameClock *clock,
                         RkWindow      *self)
{
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
  self->drawn = TRUE;
  gtk_menu_button_set_menu_model (self->menu_button, self->primary_menu);
  if (self->pages_idle_id == 0)
    self->pages_idle_id = g_idle_add (build_pages_idle_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, add_help_overlay_cb, g_object_ref (self), g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

static void
rk_window_map (GtkWidget *widget)
{
  RkWindow *self = RK_WINDOW (widget);

  GTK_WIDGET_CLASS (rk_window_parent_class)->map (widget);

  if (!self->drawn && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                               G_CALLBACK (on_first_after_paint_cb), self);
    }
}

static void
on_database_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  RkWindow *self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (path == NULL)
    {
      /* Cancelled: without a database there is nothing to show, so ask
       * again rather than leave an empty window. */
      if (self->database == NULL)
        {
          g_set_error_literal (&error, RK_DATABASE_ERROR, 0,
                               _("No database is open."));
          rk_window_show_open_error (self, error);
        }
      return;
    }

  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      rk_window_show_open_error (self, error);
      return;
    }

  rk_window_set_database (self, db);
}

static void
choose_database (RkWindow *self,
                 gboolean  create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Ruhr-Konferenz Databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");

  if (create)
    chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Create"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Open"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "ruhr-konferenz.db");

  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_database_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
close_window_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  RkWindow *self = user_data;

  if (g_str_equal (response, "open"))
    choose_database (self, FALSE);
  else if (g_str_equal (response, "new"))
    choose_database (self, TRUE);
  else if (self->database == NULL)
    /* The dialog closes itself after this signal: close the window once
     * it has, not from under it. */
    g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb,
                     g_object_ref (self), g_object_unref);
}

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
rk_window_save_size (RkWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window's default size is the size it returns to. */
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_apply (self->settings);
}

static gboolean
showing (RkWindow   *self,
         const char *section)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), section) == 0;
}

/* Ctrl+N creates what the section shows: an organisation among the
 * partners, a project everywhere else. */
static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  ensure_all_pages (self);
  if (showing (self, "partners"))
    {
      rk_partners_page_new_organisation (self->partners_page);
      return;
    }
  if (showing (self, "board"))
    {
      rk_board_page_new_note (self->board_page);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, "projects");
  rk_projects_page_new_project (self->projects_page);
}

static void
on_show_projects_cb (RkWindow   *self,
                     const char *field_id,
                     const char *status_key)
{
  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "projects");
  rk_projects_page_show_filtered (self->projects_page, field_id, status_key);
}

static void
on_open_project_cb (RkWindow   *self,
                    const char *project_id)
{
  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "projects");
  rk_projects_page_select (self->projects_page, project_id);
}

static void
on_open_organisation_cb (RkWindow   *self,
                         const char *organisation_id)
{
  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "partners");
  rk_partners_page_select (self->partners_page, organisation_id);
}

static void
on_open_note_cb (RkWindow   *self,
                 const char *note_id)
{
  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "board");
  rk_board_page_open_note (self->board_page, note_id);
}

static void
on_show_project_notes_cb (RkWindow   *self,
                          const char *project_id)
{
  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "board");
  rk_board_page_show_project_notes (self->board_page, project_id);
}

static void
delete_project_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "projects");
  gtk_widget_activate_action (GTK_WIDGET (self->projects_page), "projects.delete", NULL);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  /* Each list section searches its own list; from the others Ctrl+F goes
   * to the projects. */
  ensure_all_pages (self);
  if (showing (self, "partners"))
    {
      rk_partners_page_focus_search (self->partners_page);
      return;
    }
  if (showing (self, "board"))
    {
      rk_board_page_focus_search (self->board_page);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, "projects");
  rk_projects_page_focus_search (self->projects_page);
}

static void
load_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  ensure_all_pages (self);
  adw_view_stack_set_visible_child_name (self->stack, "projects");
  rk_projects_page_load_example_data (self->projects_page);
}

static void
remove_example_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ensure_all_pages (RK_WINDOW (widget));
  rk_projects_page_remove_example_data (RK_WINDOW (widget)->projects_page);
}

static void
on_io_done_cb (RkWindow   *self,
               const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);
  RkImportDialog *dialog;

  dialog = rk_import_dialog_new (GTK_WINDOW (self), self->database,
                                 g_str_equal (action_name, "win.import-organisations")
                                 ? RK_CSV_KIND_ORGANISATIONS : RK_CSV_KIND_PROJECTS);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_io_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  rk_import_dialog_choose_file (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  ensure_all_pages (self);
  /* What the section's list shows, or everything: the user chooses. */
  if (g_str_equal (action_name, "win.export-organisations"))
    rk_export_run (GTK_WIDGET (self->partners_page), self->database, RK_CSV_KIND_ORGANISATIONS,
                   rk_partners_page_get_list (self->partners_page));
  else
    rk_export_run (GTK_WIDGET (self->projects_page), self->database, RK_CSV_KIND_PROJECTS,
                   rk_projects_page_get_list (self->projects_page));
}

static void
restore_backup_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);
  RkBackupsDialog *dialog = rk_backups_dialog_new (GTK_WINDOW (self), self->database);

  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_io_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
changes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RkWindow *self = RK_WINDOW (widget);

  if (g_str_equal (action_name, "win.save-copy"))
    rk_changes_run_save_copy (GTK_WINDOW (self), self->database);
  else if (g_str_equal (action_name, "win.export-changes"))
    rk_changes_run_export (GTK_WINDOW (self), self->database);
  else if (g_str_equal (action_name, "win.import-changes"))
    rk_changes_run_import (GTK_WINDOW (self), self->database);
  else
    gtk_window_present (GTK_WINDOW (rk_conflicts_dialog_new (GTK_WINDOW (self), self->database)));
}

static gboolean
rk_window_close_request (GtkWindow *window)
{
  RkWindow *self = RK_WINDOW (window);

  /* Edits save themselves: what is pending is stored before closing. */
  if (self->projects_page != NULL)
    rk_projects_page_flush (self->projects_page);
  if (self->partners_page != NULL)
    rk_partners_page_flush (self->partners_page);
  if (self->reports_page != NULL)
    rk_reports_page_flush (self->reports_page);
  if (self->board_page != NULL)
    rk_board_page_flush (self->board_page);
  rk_window_save_size (self);

  return GTK_WINDOW_CLASS (rk_window_parent_class)->close_request (window);
}

static void
rk_window_dispose (GObject *object)
{
  RkWindow *self = (RkWindow *) object;

  g_clear_handle_id (&self->pages_idle_id, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  /* The switchers go before the stack they show. */
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_WINDOW);
  /* The pages went with their places in the stack. */
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    G_STRUCT_MEMBER (GtkWidget *, self, page_classes[i].offset) = NULL;
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rk_window_parent_class)->dispose (object);
}

static void
rk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RkWindow *self = RK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_DRAWN:
      g_value_set_boolean (value, self->drawn);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RkWindow *self = RK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      rk_window_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_window_class_init (RkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rk_window_dispose;
  object_class->get_property = rk_window_get_property;
  object_class->set_property = rk_window_set_property;

  widget_class->map = rk_window_map;

  window_class->close_request = rk_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         RK_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  /**
   * RkWindow:drawn:
   *
   * Whether the window's first frame is on screen; what start-up does
   * after it waits for this (rk-application.c).
   */
  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  /**
   * RkWindow:loaded:
   *
   * Whether every section is built and has its data: the window is drawn
   * first and fills its sections right after (rk_window_get_*_page()
   * builds them at once).
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RkWindow, stack);
  gtk_widget_class_bind_template_child_full (widget_class, "overview_bin", FALSE,
                                             G_STRUCT_OFFSET (RkWindow, bins[SECTION_OVERVIEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "projects_bin", FALSE,
                                             G_STRUCT_OFFSET (RkWindow, bins[SECTION_PROJECTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "partners_bin", FALSE,
                                             G_STRUCT_OFFSET (RkWindow, bins[SECTION_PARTNERS]));
  gtk_widget_class_bind_template_child_full (widget_class, "board_bin", FALSE,
                                             G_STRUCT_OFFSET (RkWindow, bins[SECTION_BOARD]));
  gtk_widget_class_bind_template_child_full (widget_class, "reports_bin", FALSE,
                                             G_STRUCT_OFFSET (RkWindow, bins[SECTION_REPORTS]));
  gtk_widget_class_bind_template_child (widget_class, RkWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RkWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.delete-project", NULL, delete_project_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.load-example-data", NULL, load_example_action);
  gtk_widget_class_install_action (widget_class, "win.remove-example-data", NULL, remove_example_action);
  gtk_widget_class_install_action (widget_class, "win.import-projects", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-organisations", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-projects", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-organisations", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "win.export-changes", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "win.import-changes", NULL, changes_action);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL, changes_action);
}

/* The view switcher bar of a narrow window gives each section about
 * 70 px, and libadwaita 1.2 cuts a longer title short: "Advisory B…".
 * Its labels may take a second line instead. */
static void
wrap_switcher_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE)
    {
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD);
      gtk_label_set_lines (GTK_LABEL (widget), 2);
      gtk_label_set_justify (GTK_LABEL (widget), GTK_JUSTIFY_CENTER);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_switcher_labels (child);
}

static void
rk_window_init (RkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (BASE_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "last-section",
                   self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  /* A homogeneous stack measures every section for the first frame,
   * building the styles of all their widgets: most of the start-up time.
   * Each section fits a 360 px window on its own (test-layout). */
  adw_view_stack_set_hhomogeneous (self->stack, FALSE);
  adw_view_stack_set_vhomogeneous (self->stack, FALSE);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_section_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
  update_window_actions (self);

  /* Building the main menu's popover waits for the first frame; an empty
   * menu keeps the button from looking disabled until then. */
  {
    g_autoptr(GMenu) empty = g_menu_new ();

    gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (empty));
  }

  wrap_switcher_labels (GTK_WIDGET (self->switcher_bar));
  rk_a11y_fix_tree (GTK_WIDGET (self));
}

RkWindow *
rk_window_new (RkApplication *application,
               RkDatabase    *database)
{
  g_return_val_if_fail (RK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database == NULL || RK_IS_DATABASE (database), NULL);

  return g_object_new (RK_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       NULL);
}

/**
 * rk_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open database, if any
 */
RkDatabase *
rk_window_get_database (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  return self->database;
}

void
rk_window_set_database (RkWindow   *self,
                        RkDatabase *database)
{
  g_return_if_fail (RK_IS_WINDOW (self));
  g_return_if_fail (database == NULL || RK_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), database != NULL);
  /* The pages built so far; the others get it when they are built. */
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    if (get_page (self, i) != NULL)
      give_page_database (self, i);
  update_window_actions (self);
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 database != NULL && rk_database_get_read_only (database));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * rk_window_show_open_error:
 * @error: why the database could not be opened
 *
 * Says what happened and offers to open another file or to start a new
 * database elsewhere; closing the dialog without a database closes the
 * window.
 */
void
rk_window_show_open_error (RkWindow     *self,
                           const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (RK_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("You can open another database file or start a new database in another place."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Database Could Not Be Opened"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "open", _("_Open Other File…"),
                                    "new", _("_New Database…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_response_cb), self, 0);
  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * rk_window_get_projects_page:
 *
 * Returns: (transfer none): the Projects section
 */
GtkWidget *
rk_window_get_projects_page (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  ensure_all_pages (self);
  return GTK_WIDGET (self->projects_page);
}

/**
 * rk_window_get_partners_page:
 *
 * Returns: (transfer none): the Partners section
 */
GtkWidget *
rk_window_get_partners_page (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), NULL);

  ensure_all_pages (self);
  return GTK_WIDGET (self->partners_page);
}

/**
 * rk_window_get_loaded:
 *
 * Returns: whether every section is built and has its data
 */
gboolean
rk_window_get_loaded (RkWindow *self)
{
  g_return_val_if_fail (RK_IS_WINDOW (self), FALSE);

  return self->loaded;
}
