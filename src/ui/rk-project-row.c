/* rk-project-row.c: a project in the list
 *
 * Shows title, code, field of action and the status as a coloured tag, and
 * follows the project's properties, so an edit shows in the list at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-chart.h"
#include "rk-project-row.h"
#include "rk-reference.h"

struct _RkProjectRow
{
  GtkWidget   parent_instance;

  RkProject  *project;
  RkDatabase *db;
  gulong      notify_id;

  GtkLabel   *title_label;
  GtkLabel   *status_tag;
  GtkLabel   *details_label;
};

G_DEFINE_FINAL_TYPE (RkProjectRow, rk_project_row, GTK_TYPE_WIDGET)

/**
 * rk_status_tag_update:
 *
 * Shows @status on a tag label, in the status's colour (style.css).
 */
void
rk_status_tag_update (GtkLabel *tag,
                      RkStatus  status)
{
  for (guint i = 0; i < RK_N_STATUSES; i++)
    {
      g_autofree char *css_class = g_strconcat ("status-", rk_status_to_key (i), NULL);

      if (i == status)
        gtk_widget_add_css_class (GTK_WIDGET (tag), css_class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (tag), css_class);
    }
  gtk_label_set_text (tag, rk_status_get_label (status));
}

/* The tags take the chart's status colours (rk-chart.c), so one palette,
 * checked for contrast there, serves the whole app. */
static void
install_status_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GString) css = g_string_new (NULL);
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;

  for (guint i = 0; i < RK_N_STATUSES; i++)
    {
      const RkRgb *background = rk_chart_get_status_color (i);
      const RkRgb *text = rk_chart_get_status_text_color (i);

      g_string_append_printf (css,
                              ".status-tag.status-%s { background-color: rgb(%d, %d, %d); color: rgb(%d, %d, %d); }\n",
                              rk_status_to_key (i),
                              (int) (background->red * 255 + 0.5), (int) (background->green * 255 + 0.5),
                              (int) (background->blue * 255 + 0.5),
                              (int) (text->red * 255 + 0.5), (int) (text->green * 255 + 0.5),
                              (int) (text->blue * 255 + 0.5));
    }

  gtk_css_provider_load_from_data (provider, css->str, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
update (RkProjectRow *self)
{
  RkProject *project = self->project;
  RkField *field;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *accessible = NULL;

  if (project == NULL)
    return;

  gtk_label_set_text (self->title_label, *rk_project_get_title (project) != '\0'
                                         ? rk_project_get_title (project)
                                         : _("Untitled Project"));
  rk_status_tag_update (self->status_tag, rk_project_get_status (project));

  if (rk_project_get_code (project) != NULL)
    g_string_append (details, rk_project_get_code (project));
  field = rk_database_find_field (self->db, rk_project_get_field_id (project));
  if (field != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, rk_field_get_name (field));
    }
  if (rk_project_get_is_example (project))
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, _("Example data"));
    }
  gtk_label_set_text (self->details_label, details->str);

  /* A screen reader reads the row as its content, in one go. */
  accessible = g_strjoin (", ", gtk_label_get_text (self->title_label),
                          gtk_label_get_text (self->status_tag), details->str, NULL);
  rk_a11y_label_list_item (GTK_WIDGET (self), accessible);
}

static void
rk_project_row_dispose (GObject *object)
{
  RkProjectRow *self = (RkProjectRow *) object;
  GtkWidget *child;

  if (self->project != NULL)
    g_clear_signal_handler (&self->notify_id, self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PROJECT_ROW);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rk_project_row_parent_class)->dispose (object);
}

static void
rk_project_row_class_init (RkProjectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_project_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-project-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RkProjectRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RkProjectRow, status_tag);
  gtk_widget_class_bind_template_child (widget_class, RkProjectRow, details_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  install_status_css ();
}

static void
rk_project_row_init (RkProjectRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rk_project_row_new (void)
{
  return g_object_new (RK_TYPE_PROJECT_ROW, NULL);
}

void
rk_project_row_set_project (RkProjectRow *self,
                            RkProject    *project,
                            RkDatabase   *db)
{
  g_return_if_fail (RK_IS_PROJECT_ROW (self));

  if (self->project != NULL)
    g_clear_signal_handler (&self->notify_id, self->project);
  g_set_object (&self->project, project);
  g_set_object (&self->db, db);

  if (project != NULL)
    {
      self->notify_id = g_signal_connect_object (project, "notify", G_CALLBACK (update),
                                                 self, G_CONNECT_SWAPPED);
      update (self);
    }
}
