/* rk-overview-page.c: the programme at a glance
 *
 * The headline sentence of the progress reports, the total volume, and
 * the chart of projects per field of action by status, all computed from
 * the projects as they are now and kept current: every committed change
 * to a project refreshes the page, once per main loop turn. The counting
 * reads every project, so it runs in a thread (rk-summary.c); until its
 * first result the page shows that it is loading, and later results
 * replace the figures shown without it. A bar
 * segment, clicked or activated by keyboard, asks for the projects of its
 * field in its status (#RkOverviewPage::show-projects).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-chart-widget.h"
#include "rk-format.h"
#include "rk-overview-page.h"
#include "rk-summary.h"

struct _RkOverviewPage
{
  GtkWidget      parent_instance;

  RkDatabase    *db;
  guint          refresh_id;
  GCancellable  *cancellable;   /* of the counting under way, if any */
  gboolean       again;         /* a change came while it counted */
  gboolean       loading;       /* no figures of @db shown yet */

  GtkStack      *stack;
  GtkLabel      *headline_label;
  GtkLabel      *volume_label;
  RkChartWidget *chart;
};

G_DEFINE_FINAL_TYPE (RkOverviewPage, rk_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_PROJECTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_loading (RkOverviewPage *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_summary (RkOverviewPage *self,
              RkSummary      *summary,
              const GError   *error)
{
  g_autofree char *headline = NULL;
  g_autofree char *money = NULL;
  g_autofree char *volume = NULL;

  if (summary == NULL)
    {
      /* The page says what went wrong where the sentence would be. */
      gtk_label_set_text (self->headline_label, error->message);
      gtk_label_set_text (self->volume_label, "");
      rk_chart_widget_set_summary (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->stack, "overview");
      return;
    }

  headline = rk_summary_get_headline (summary);
  money = rk_format_money (summary->volume_cents);
  /* Translators: %s is an amount of money */
  volume = g_strdup_printf (_("Total project volume: %s"), money);

  gtk_label_set_text (self->headline_label, headline);
  gtk_label_set_text (self->volume_label, volume);
  rk_chart_widget_set_summary (self->chart, summary);
  gtk_stack_set_visible_child_name (self->stack, summary->total > 0 ? "overview" : "empty");
}

static void
on_summary_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkSummary) summary = rk_summary_new_for_projects_finish (result, &error);
  RkOverviewPage *self = user_data;

  /* Cancelled: the page may be gone, or has another database. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  show_summary (self, summary, error);
  set_loading (self, FALSE);

  if (self->again)
    rk_overview_page_refresh (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  RkOverviewPage *self = user_data;

  self->refresh_id = 0;
  rk_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A batch of changes (an import, the example data) refreshes once. */
static void
on_project_changed_cb (RkOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_segment_activated_cb (RkOverviewPage *self,
                         const char     *field_id,
                         const char     *status_key)
{
  g_signal_emit (self, signals[SHOW_PROJECTS], 0, field_id, status_key);
}

static void
rk_overview_page_dispose (GObject *object)
{
  RkOverviewPage *self = (RkOverviewPage *) object;
  GtkWidget *child;

  /* No change after this may schedule a refresh of a page on its way out. */
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_OVERVIEW_PAGE);
  /* Whatever the template left at the top goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rk_overview_page_parent_class)->dispose (object);
}

static void
rk_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkOverviewPage *self = RK_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_overview_page_class_init (RkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_overview_page_dispose;
  object_class->get_property = rk_overview_page_get_property;

  /**
   * RkOverviewPage:loading:
   *
   * Whether the page waits for the first figures of its database.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RkOverviewPage::show-projects:
   * @field_id: the key of a field of action
   * @status_key: the key of a status
   *
   * Asks for the projects of one field in one status, as a bar segment
   * of the chart shows them; the window shows them in Projects.
   */
  signals[SHOW_PROJECTS] =
    g_signal_new ("show-projects",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_CHART_WIDGET);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-overview-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, volume_label);
  gtk_widget_class_bind_template_child (widget_class, RkOverviewPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_segment_activated_cb);
}

static void
rk_overview_page_init (RkOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rk_overview_page_set_database (RkOverviewPage *self,
                               RkDatabase     *db)
{
  g_return_if_fail (RK_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (db == NULL || RK_IS_DATABASE (db));

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_set_object (&self->db, db);

  /* What is being counted is of the other database. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->again = FALSE;

  if (db != NULL)
    {
      g_signal_connect_object (db, "changed::project", G_CALLBACK (on_project_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      set_loading (self, TRUE);
    }

  rk_overview_page_refresh (self);
}

/**
 * rk_overview_page_get_loading:
 *
 * Returns: whether the page waits for the first figures of its database
 */
gboolean
rk_overview_page_get_loading (RkOverviewPage *self)
{
  g_return_val_if_fail (RK_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loading;
}

/**
 * rk_overview_page_refresh:
 *
 * Counts the projects again and shows the result; changes to projects do
 * this by themselves.
 */
void
rk_overview_page_refresh (RkOverviewPage *self)
{
  g_return_if_fail (RK_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->db == NULL)
    {
      rk_chart_widget_set_summary (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_loading (self, FALSE);
      return;
    }

  /* One count at a time; a change meanwhile counts again after it. */
  if (self->cancellable != NULL)
    {
      self->again = TRUE;
      return;
    }

  self->again = FALSE;
  self->cancellable = g_cancellable_new ();
  rk_summary_new_for_projects_async (self->db, self->cancellable, on_summary_cb, self);
}
