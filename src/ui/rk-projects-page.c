/* rk-projects-page.c: the Projects section, list beside detail
 *
 * The list is an RkRecordList: search, filters and sort run in SQLite
 * and rows are built as they scroll into view. Selecting a project opens
 * it in the editor beside the list, or over it when the window is narrow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-projects-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-example.h"
#include "rk-project-editor.h"
#include "rk-project-list.h"
#include "rk-project-row.h"
#include "rk-projects-page.h"
#include "rk-reference.h"
#include "rk-toast.h"

struct _RkProjectsPage
{
  GtkWidget              parent_instance;

  RkDatabase         *db;
  RkRecordList      *list;
  GtkSingleSelection *selection;
  char               *selected_id;
  GStrv               ministries;

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkButton          *back_button;
  GtkLabel           *detail_title;
  GtkStack           *detail_stack;
  RkProjectEditor    *editor;
  GtkDropDown        *field_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *pillar_filter;
  GtkDropDown        *ministry_filter;
  GtkDropDown        *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (RkProjectsPage, rk_projects_page, GTK_TYPE_WIDGET)

enum {
  OPEN_ORGANISATION,
  OPEN_NOTE,
  SHOW_PROJECT_NOTES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_open_organisation_cb (RkProjectsPage *self,
                         const char     *organisation_id)
{
  g_signal_emit (self, signals[OPEN_ORGANISATION], 0, organisation_id);
}

static void
on_open_note_cb (RkProjectsPage *self,
                 const char     *note_id)
{
  g_signal_emit (self, signals[OPEN_NOTE], 0, note_id);
}

static void
on_show_project_notes_cb (RkProjectsPage *self,
                          const char     *project_id)
{
  g_signal_emit (self, signals[SHOW_PROJECT_NOTES], 0, project_id);
}

static void
update_actions (RkProjectsPage *self)
{
  gboolean writable = self->db != NULL && !rk_database_get_read_only (self->db);
  gboolean selected = rk_project_editor_get_project (self->editor) != NULL;
  gboolean has_example = self->db != NULL && rk_example_is_loaded (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.delete", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.undo",
                                 writable && rk_project_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.load-example-data", writable && !has_example);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.remove-example-data", writable && has_example);
}

static void
update_count (RkProjectsPage *self)
{
  guint shown = 0, total = 0;
  g_autofree char *text = NULL;

  if (self->list != NULL)
    {
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
      total = rk_record_list_get_n_total (self->list);
    }

  /* Translators: "3 of 73 projects" */
  text = g_strdup_printf (ngettext ("%u of %u project", "%u of %u projects", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
  update_actions (self);
}

static void
update_detail_title (RkProjectsPage *self)
{
  RkProject *project = rk_project_editor_get_project (self->editor);

  gtk_label_set_text (self->detail_title, project != NULL ? rk_project_get_title (project) : "");
}

static void
show_project (RkProjectsPage *self,
              RkProject      *project)
{
  RkProject *old = rk_project_editor_get_project (self->editor);

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_detail_title, self);

  rk_project_editor_set_project (self->editor, project);
  gtk_stack_set_visible_child_name (self->detail_stack, project != NULL ? "editor" : "none");

  if (project != NULL)
    g_signal_connect_object (project, "notify::title", G_CALLBACK (update_detail_title),
                             self, G_CONNECT_SWAPPED);
  update_detail_title (self);
  update_actions (self);
}

static void
on_selection_changed_cb (RkProjectsPage *self)
{
  RkProject *project = gtk_single_selection_get_selected_item (self->selection);
  guint position;

  /* A refresh may drop the selection for a moment: the open project stays
   * open and selected wherever it moved. */
  if (project == NULL && self->selected_id != NULL &&
      rk_record_list_find (self->list, self->selected_id, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      return;
    }

  g_free (self->selected_id);
  self->selected_id = project != NULL ? g_strdup (rk_project_get_id (project)) : NULL;
  show_project (self, project);
}

static void
on_list_activate_cb (RkProjectsPage *self,
                     guint           position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_items_changed_cb (RkProjectsPage *self)
{
  update_count (self);
}

static void
on_folded_changed_cb (RkProjectsPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed_cb (RkProjectsPage *self)
{
  if (self->list != NULL)
    rk_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (RkProjectsPage *self)
{
  /* Enter opens the first hit. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_stop_search_cb (RkProjectsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed_cb (RkProjectsPage *self)
{
  guint field = gtk_drop_down_get_selected (self->field_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint pillar = gtk_drop_down_get_selected (self->pillar_filter);
  guint ministry = gtk_drop_down_get_selected (self->ministry_filter);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(RkField) chosen = NULL;

  if (self->list == NULL)
    return;

  /* Position 0 of each drop-down is "All". */
  fields = rk_database_list_fields (self->db);
  if (field != GTK_INVALID_LIST_POSITION && field > 0)
    chosen = g_list_model_get_item (fields, field - 1);

  rk_project_list_set_field_id (self->list, chosen != NULL ? rk_field_get_id (chosen) : NULL);
  rk_project_list_set_status (self->list, status > 0 && status != GTK_INVALID_LIST_POSITION
                                          ? rk_status_to_key (status - 1) : NULL);
  rk_project_list_set_pillar (self->list, pillar > 0 && pillar != GTK_INVALID_LIST_POSITION
                                          ? rk_pillar_to_key (pillar - 1) : NULL);
  rk_project_list_set_lead_ministry (self->list,
                                     ministry > 0 && ministry != GTK_INVALID_LIST_POSITION &&
                                     self->ministries != NULL &&
                                     ministry - 1 < g_strv_length (self->ministries)
                                     ? self->ministries[ministry - 1] : NULL);
}

static void
on_sort_changed_cb (RkProjectsPage *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->list != NULL && sort != GTK_INVALID_LIST_POSITION)
    rk_record_list_set_sort (self->list, sort);
}

static void
fill_filters (RkProjectsPage *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) pillars = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ministries = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);
  g_autoptr(GListModel) all_fields = rk_database_list_fields (self->db);

  gtk_string_list_append (fields, _("All fields of action"));
  for (guint i = 0; i < g_list_model_get_n_items (all_fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (all_fields, i);
      gtk_string_list_append (fields, rk_field_get_name (field));
    }

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < RK_N_STATUSES; i++)
    gtk_string_list_append (statuses, rk_status_get_label (i));

  gtk_string_list_append (pillars, _("All pillars"));
  for (guint i = 0; i < RK_N_PILLARS; i++)
    gtk_string_list_append (pillars, rk_pillar_get_label (i));

  g_strfreev (self->ministries);
  self->ministries = rk_database_list_lead_ministries (self->db);
  gtk_string_list_append (ministries, _("All ministries"));
  for (guint i = 0; self->ministries[i] != NULL; i++)
    gtk_string_list_append (ministries, self->ministries[i]);

  /* In the order of RkProjectSort. */
  gtk_string_list_append (sorts, _("Title"));
  gtk_string_list_append (sorts, _("Code"));
  gtk_string_list_append (sorts, _("Status"));
  gtk_string_list_append (sorts, _("Last Changed"));

  gtk_drop_down_set_model (self->field_filter, G_LIST_MODEL (fields));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->pillar_filter, G_LIST_MODEL (pillars));
  gtk_drop_down_set_model (self->ministry_filter, G_LIST_MODEL (ministries));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, rk_project_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RkProjectsPage           *self)
{
  rk_project_row_set_project (RK_PROJECT_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item), self->db);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  rk_project_row_set_project (RK_PROJECT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rk_projects_page_new_project (RK_PROJECTS_PAGE (widget));
}

static void
on_undo_delete_cb (AdwToast       *toast,
                   RkProjectsPage *self)
{
  RkSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  const char *id = g_object_get_data (G_OBJECT (toast), "project-id");
  g_autoptr(GError) error = NULL;

  if (!rk_snapshot_restore (snapshot, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  rk_projects_page_select (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkProjectsPage *self = RK_PROJECTS_PAGE (widget);
  RkProject *project = rk_project_editor_get_project (self->editor);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (project == NULL)
    return;

  rk_project_editor_flush (self->editor);
  id = g_strdup (rk_project_get_id (project));
  title = g_strdup (rk_project_get_title (project));

  g_clear_pointer (&self->selected_id, g_free);
  show_project (self, NULL);

  if (!rk_project_delete (self->db, id, &snapshot, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* Translators: %s is a project's title */
  toast = adw_toast_new_format (_("“%s” deleted"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) rk_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "project-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  rk_toast_show (GTK_WIDGET (self), toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkProjectsPage *self = RK_PROJECTS_PAGE (widget);

  rk_project_editor_undo (self->editor);
  update_actions (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rk_projects_page_focus_search (RK_PROJECTS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkProjectsPage *self = RK_PROJECTS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    {
      rk_project_editor_flush (self->editor);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RkProjectsPage *self = RK_PROJECTS_PAGE (widget);

  gtk_drop_down_set_selected (self->field_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->pillar_filter, 0);
  gtk_drop_down_set_selected (self->ministry_filter, 0);
}

static void
load_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rk_projects_page_load_example_data (RK_PROJECTS_PAGE (widget));
}

static void
remove_example_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  rk_projects_page_remove_example_data (RK_PROJECTS_PAGE (widget));
}

static void
rk_projects_page_dispose (GObject *object)
{
  RkProjectsPage *self = (RkProjectsPage *) object;

  if (self->editor != NULL)
    rk_project_editor_flush (self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PROJECTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->db);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->ministries, g_strfreev);

  G_OBJECT_CLASS (rk_projects_page_parent_class)->dispose (object);
}

static void
rk_projects_page_class_init (RkProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_projects_page_dispose;

  /**
   * RkProjectsPage::open-organisation:
   * @organisation_id: a partner of the open project
   */
  signals[OPEN_ORGANISATION] =
    g_signal_new ("open-organisation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A board note of the open project, or all of them. */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_PROJECT_NOTES] =
    g_signal_new ("show-project-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_PROJECT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-projects-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, editor);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, field_filter);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, pillar_filter);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, ministry_filter);
  gtk_widget_class_bind_template_child (widget_class, RkProjectsPage, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);

  gtk_widget_class_install_action (widget_class, "projects.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "projects.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "projects.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "projects.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "projects.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "projects.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "projects.load-example-data", NULL, load_example_action);
  gtk_widget_class_install_action (widget_class, "projects.remove-example-data", NULL, remove_example_action);

  /* In the bubble phase: a text field that uses the key gets it first, so
   * Delete deletes text there and the project only from the list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "projects.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "projects.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "projects.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "projects.back", NULL);
}

static void
rk_projects_page_init (RkProjectsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->editor, "open-organisation", G_CALLBACK (on_open_organisation_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "open-note", G_CALLBACK (on_open_note_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "show-project-notes", G_CALLBACK (on_show_project_notes_cb),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
}

void
rk_projects_page_set_database (RkProjectsPage *self,
                               RkDatabase     *db)
{
  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  show_project (self, NULL);
  rk_project_editor_set_database (self->editor, db);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_set_object (&self->db, db);

  if (db != NULL)
    {
      self->list = rk_project_list_new (db);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::n-total",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      fill_filters (self);
    }

  update_count (self);
}

/**
 * rk_projects_page_new_project:
 *
 * Creates a project, shows it and puts the cursor in its title, ready to
 * be typed over. Search and filters are cleared so that it is in sight.
 */
void
rk_projects_page_new_project (RkProjectsPage *self)
{
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  if (self->db == NULL)
    return;

  rk_project_editor_flush (self->editor);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rk_record_list_set_search (self->list, NULL);
  reset_filters_action (GTK_WIDGET (self), NULL, NULL);

  g_object_set (project, "title", _("New Project"), NULL);
  if (!rk_project_insert (project, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  rk_projects_page_select (self, rk_project_get_id (project));
  rk_project_editor_focus_title (self->editor);
}

/**
 * rk_projects_page_select:
 *
 * Selects and opens a project, if the list shows it.
 */
void
rk_projects_page_select (RkProjectsPage *self,
                         const char     *project_id)
{
  guint position;

  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  if (self->list == NULL || !rk_record_list_find (self->list, project_id, &position))
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
rk_projects_page_focus_search (RkProjectsPage *self)
{
  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
rk_projects_page_flush (RkProjectsPage *self)
{
  g_return_val_if_fail (RK_IS_PROJECTS_PAGE (self), TRUE);

  return rk_project_editor_flush (self->editor);
}

void
rk_projects_page_load_example_data (RkProjectsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  if (!rk_example_load (self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  fill_filters (self);
  rk_toast_show (GTK_WIDGET (self), adw_toast_new (_("Example data loaded: projects, partner organisations and advisory board members from public sources")));
  update_actions (self);
}

void
rk_projects_page_remove_example_data (RkProjectsPage *self)
{
  g_autoptr(GError) error = NULL;
  RkProject *project;

  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  rk_project_editor_flush (self->editor);
  project = rk_project_editor_get_project (self->editor);
  if (project != NULL && rk_project_get_is_example (project))
    {
      g_clear_pointer (&self->selected_id, g_free);
      show_project (self, NULL);
    }

  if (!rk_example_remove (self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  fill_filters (self);
  rk_toast_show (GTK_WIDGET (self), adw_toast_new (_("Example data removed")));
  update_actions (self);
}

/**
 * rk_projects_page_show_filtered:
 * @field_id: (nullable): a field of action's key, or %NULL for all
 * @status_key: (nullable): a status key, or %NULL for all
 *
 * Shows the projects of one field in one status, as a bar of the overview
 * chart asks for: the search is cleared and the other filters reset.
 */
void
rk_projects_page_show_filtered (RkProjectsPage *self,
                                const char     *field_id,
                                const char     *status_key)
{
  g_autoptr(GListModel) fields = NULL;
  RkStatus status;

  g_return_if_fail (RK_IS_PROJECTS_PAGE (self));

  if (self->db == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  rk_record_list_set_search (self->list, NULL);
  reset_filters_action (GTK_WIDGET (self), NULL, NULL);

  fields = rk_database_list_fields (self->db);
  for (guint i = 0; field_id != NULL && i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (fields, i);

      if (g_str_equal (rk_field_get_id (field), field_id))
        gtk_drop_down_set_selected (self->field_filter, i + 1);
    }

  if (status_key != NULL && rk_status_from_key (status_key, &status))
    gtk_drop_down_set_selected (self->status_filter, status + 1);
}

/**
 * rk_projects_page_get_list:
 *
 * Returns: (transfer none) (nullable): the list as the user filtered,
 *   searched and sorted it, for exporting what it shows
 */
RkRecordList *
rk_projects_page_get_list (RkProjectsPage *self)
{
  g_return_val_if_fail (RK_IS_PROJECTS_PAGE (self), NULL);

  return self->list;
}
