/* rk-project-chooser.c: a popover that finds a project by search
 *
 * The list is the projects' own RkRecordList, searched in SQLite and built
 * row by row as it scrolls, so choosing among 100,000 projects is as quick
 * as among ten. It is made when the popover first opens, not before: a page
 * that is never used to link a project never reads the list. Projects
 * already chosen carry a check mark; choosing one emits
 * RkProjectChooser::project-chosen and closes the popover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-project-chooser.h"
#include "rk-project-list.h"

struct _RkProjectChooser
{
  GtkPopover      parent_instance;

  RkDatabase     *db;
  RkRecordList   *list;
  GStrv           marked;
  GHashTable     *bound;         /* GtkListItem, the rows on screen */

  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (RkProjectChooser, rk_project_chooser, GTK_TYPE_POPOVER)

enum {
  PROJECT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_stack (RkProjectChooser *self)
{
  gboolean empty = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
update_row (RkProjectChooser *self,
            GtkListItem      *item)
{
  RkProject *project = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *code = g_object_get_data (G_OBJECT (box), "code");
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "check");
  gboolean marked;
  g_autofree char *accessible = NULL;

  if (project == NULL)
    return;

  marked = self->marked != NULL && rk_project_get_id (project) != NULL &&
           g_strv_contains ((const char * const *) self->marked, rk_project_get_id (project));

  gtk_label_set_text (title, *rk_project_get_title (project) != '\0'
                             ? rk_project_get_title (project) : _("Untitled Project"));
  gtk_label_set_text (code, rk_project_get_code (project) ?: "");
  gtk_widget_set_visible (GTK_WIDGET (code), rk_project_get_code (project) != NULL);
  gtk_widget_set_visible (check, marked);

  /* Translators: a project in a chooser that is linked already */
  accessible = marked ? g_strdup_printf (_("%s, linked"), gtk_label_get_text (title))
                      : g_strdup (gtk_label_get_text (title));
  rk_a11y_label_list_item (box, accessible);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RkProjectChooser         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Linked"), -1);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), code);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);

  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "code", code);
  g_object_set_data (G_OBJECT (box), "check", check);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RkProjectChooser         *self)
{
  g_hash_table_add (self->bound, item);
  update_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RkProjectChooser         *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
ensure_list (RkProjectChooser *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->list != NULL || self->db == NULL)
    return;

  self->list = rk_project_list_new (self->db);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_stack),
                           self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_stack (self);
}

static void
choose (RkProjectChooser *self,
        guint             position)
{
  g_autoptr(RkProject) project = NULL;
  g_autofree char *id = NULL;

  if (self->list == NULL)
    return;

  project = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (project == NULL || rk_project_get_id (project) == NULL)
    return;

  /* The handler may change what the popover shows: keep the key. */
  id = g_strdup (rk_project_get_id (project));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PROJECT_CHOSEN], 0, id);
}

static void
on_activate_cb (RkProjectChooser *self,
                guint             position)
{
  choose (self, position);
}

static void
on_search_changed_cb (RkProjectChooser *self)
{
  if (self->list != NULL)
    rk_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (RkProjectChooser *self)
{
  /* Enter takes the first hit. */
  on_search_changed_cb (self);
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    choose (self, 0);
}

static void
on_show_cb (RkProjectChooser *self)
{
  ensure_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->list != NULL)
    rk_record_list_set_search (self->list, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
rk_project_chooser_dispose (GObject *object)
{
  RkProjectChooser *self = (RkProjectChooser *) object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PROJECT_CHOOSER);
  g_clear_object (&self->list);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_project_chooser_parent_class)->dispose (object);
}

static void
rk_project_chooser_finalize (GObject *object)
{
  RkProjectChooser *self = (RkProjectChooser *) object;

  g_strfreev (self->marked);
  g_hash_table_unref (self->bound);

  G_OBJECT_CLASS (rk_project_chooser_parent_class)->finalize (object);
}

static void
rk_project_chooser_class_init (RkProjectChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_project_chooser_dispose;
  object_class->finalize = rk_project_chooser_finalize;

  /**
   * RkProjectChooser::project-chosen:
   * @project_id: the chosen project's key
   *
   * Emitted when the user picks a project; the popover has closed.
   */
  signals[PROJECT_CHOSEN] =
    g_signal_new ("project-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-project-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, RkProjectChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RkProjectChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, RkProjectChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_cb);
}

static void
rk_project_chooser_init (RkProjectChooser *self)
{
  GtkListItemFactory *factory;

  self->bound = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  update_stack (self);
}

GtkWidget *
rk_project_chooser_new (void)
{
  return g_object_new (RK_TYPE_PROJECT_CHOOSER, NULL);
}

void
rk_project_chooser_set_database (RkProjectChooser *self,
                                 RkDatabase       *db)
{
  g_return_if_fail (RK_IS_PROJECT_CHOOSER (self));

  if (!g_set_object (&self->db, db))
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->list);
  update_stack (self);
}

/**
 * rk_project_chooser_set_marked:
 * @project_ids: (nullable): the projects to show with a check mark, those
 *   chosen already
 */
void
rk_project_chooser_set_marked (RkProjectChooser   *self,
                               const char * const *project_ids)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (RK_IS_PROJECT_CHOOSER (self));

  g_strfreev (self->marked);
  self->marked = g_strdupv ((GStrv) project_ids);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);
}
