/* test-report-ui.c: the Overview and Reports sections, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "rk-chart-widget.h"
#include "rk-chart.h"
#include "rk-cli-report.h"
#include "rk-database-private.h"
#include "rk-overview-page.h"
#include "rk-project.h"
#include "rk-report.h"
#include "rk-reports-page.h"
#include "rk-summary.h"
#include "rk-test-util.h"
#include "rk-window.h"
#include "rk-test-objects.h"

#define FIELD_MOBILITY "013d95f2-394c-5685-a211-d33321d564f9"
#define FIELD_ECONOMY  "fa286129-ddb4-5850-8311-89ad8bd5bd68"
#define FIELD_ENERGY   "3d4871be-ff18-57ca-9c0c-6140cba11d56"

static gboolean
is_german (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de");
}

static void
iterate_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop until @condition holds; fails after ten seconds. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > _deadline) \
          g_error ("Waited in vain for %s", #condition); \
        g_main_context_iteration (NULL, FALSE); \
      } \
  } G_STMT_END

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

static void
collect_widgets (GtkWidget     *root,
                 GType          type,
                 Predicate      predicate,
                 gconstpointer  data,
                 GPtrArray     *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (predicate == NULL || predicate (child, data)))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, predicate, data, found);
    }
}

static GtkWidget *
find_widget (GtkWidget     *root,
             GType          type,
             Predicate      predicate,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, predicate, data, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

static gboolean
is_button_role (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_BUTTON;
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
stack_has_page (GtkWidget     *widget,
                gconstpointer  name)
{
  return gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL;
}

static RkDatabase *
open_test_database (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static void
add_project (RkDatabase *db,
             const char *title,
             const char *field_id,
             RkStatus    status,
             const char *text)
{
  g_autoptr(RkProject) project = rk_project_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (project, "title", title, "field-id", field_id, "status", status,
                "current-status", text, "volume-cents", (gint64) 100000000, NULL);
  rk_project_insert (project, db, &error);
  g_assert_no_error (error);
}

/* The 73 projects of the Progress Report 2021: 55 in implementation, 1
 * completed, 17 under review, over three fields. */
static void
add_published_projects (RkDatabase *db)
{
  const char *fields[] = { FIELD_MOBILITY, FIELD_ECONOMY, FIELD_ENERGY };

  for (guint i = 0; i < 73; i++)
    {
      g_autofree char *title = g_strdup_printf ("Projekt %02u", i + 1);
      RkStatus status = i < 55 ? RK_STATUS_IN_IMPLEMENTATION : i < 56 ? RK_STATUS_COMPLETED
                                                                     : RK_STATUS_UNDER_REVIEW;

      add_project (db, title, fields[i % 3], status, "Stand");
    }
}

static GtkWindow *
new_window_with (GtkWidget *page,
                 int        width,
                 int        height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  iterate_main_loop ();
  return GTK_WINDOW (window);
}

/* Overview */

static void
test_overview_headline (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkOverviewPage *page = g_object_new (RK_TYPE_OVERVIEW_PAGE, NULL);
  GtkWindow *window = new_window_with (GTK_WIDGET (page), 900, 700);
  GtkWidget *headline;
  GtkStack *stack;
  guint counts[RK_N_STATUSES] = { 0, 17, 55, 1, 0 };
  g_autofree char *expected = rk_headline_sentence (counts);

  stack = GTK_STACK (find_widget (GTK_WIDGET (page), GTK_TYPE_STACK, stack_has_page, "overview"));
  rk_overview_page_set_database (page, db);
  /* The projects are counted in a thread. */
  g_assert_true (rk_overview_page_get_loading (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  WAIT_UNTIL (!rk_overview_page_get_loading (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  add_published_projects (db);
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "overview") == 0);

  headline = find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, has_css_class, "title-4");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (headline)), ==, expected);
  if (!is_german ())
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (headline)), ==,
                     "Of the 73 projects, 55 are in implementation, 1 is completed "
                     "and for 17 feasibility and financing are under review.");

  /* It follows the projects. */
  add_project (db, "Neu", FIELD_MOBILITY, RK_STATUS_PROPOSAL, "");
  counts[RK_STATUS_PROPOSAL] = 1;
  g_free (expected);
  expected = rk_headline_sentence (counts);
  WAIT_UNTIL (g_strcmp0 (gtk_label_get_text (GTK_LABEL (headline)), expected) == 0);

  gtk_window_destroy (window);
}

static void
render_widget (GtkWidget  *widget,
               guchar    **out_pixels,
               int        *out_width,
               int        *out_height,
               gsize      *out_stride)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width, height;

  /* Under load the first frame may not be there yet: wait for it (a
   * state, not a time), ten seconds at most. */
  for (;;)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        {
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (snapshot);
        }
      else
        g_object_unref (snapshot);

      if (node != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  *out_stride = width * 4;
  *out_pixels = g_malloc (*out_stride * height);
  gdk_texture_download (texture, *out_pixels, *out_stride);
  *out_width = width;
  *out_height = height;
}

/* The pixel as 0xRRGGBB; the download is B, G, R, A in memory. */
static guint32
pixel_at (const guchar *pixels,
          gsize         stride,
          int           x,
          int           y)
{
  const guchar *p = pixels + y * stride + x * 4;

  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static guint32
rgb_to_hex (const RkRgb *rgb)
{
  return (guint32) (rgb->red * 255 + 0.5) << 16 | (guint32) (rgb->green * 255 + 0.5) << 8 |
         (guint32) (rgb->blue * 255 + 0.5);
}

static void
on_overview_shows_cb (GtkStack   *stack,
                      GParamSpec *pspec,
                      gboolean   *showed_empty)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0)
    *showed_empty = TRUE;
}

/* The window draws its first frame with empty sections and builds them
 * after it, the Overview first; the Overview says it is loading until its
 * figures come, and never shows "No Projects Yet" on the way. */
static void
test_window_fills_after_first_frame (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkWindow *window;
  AdwViewStack *stack;
  GtkWidget *overview = NULL;
  GtkStack *overview_stack = NULL;
  gboolean showed_empty = FALSE;

  add_published_projects (db);
  window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  adw_view_stack_set_visible_child_name (stack, "overview");
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    g_assert_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, rk_sections[i]))));
  g_assert_false (rk_window_get_loaded (window));

  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL ((overview = adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "overview")))) != NULL);
  overview_stack = GTK_STACK (find_widget (overview, GTK_TYPE_STACK, stack_has_page, "loading"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (overview_stack), !=, "empty");
  g_signal_connect (overview_stack, "notify::visible-child-name", G_CALLBACK (on_overview_shows_cb), &showed_empty);

  WAIT_UNTIL (rk_window_get_loaded (window));
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    g_assert_nonnull (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, rk_sections[i]))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (overview_stack), ==, "overview");
  g_assert_false (showed_empty);
  g_signal_handlers_disconnect_by_func (overview_stack, on_overview_shows_cb, &showed_empty);
  gtk_window_destroy (GTK_WINDOW (window));

  /* An action that needs a section before the first frame builds them. */
  window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    g_assert_nonnull (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, rk_sections[i]))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_overview_chart_renders (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkOverviewPage *page = g_object_new (RK_TYPE_OVERVIEW_PAGE, NULL);
  GtkWindow *window;
  GtkWidget *chart;
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;
  gboolean seen[RK_N_STATUSES] = { FALSE };

  /* Every status, so every colour is there. */
  for (guint i = 0; i < 15; i++)
    add_project (db, "P", i < 10 ? FIELD_MOBILITY : FIELD_ENERGY, i % RK_N_STATUSES, "");

  window = new_window_with (GTK_WIDGET (page), 1000, 900);
  rk_overview_page_set_database (page, db);
  WAIT_UNTIL (!rk_overview_page_get_loading (page));
  iterate_main_loop ();

  chart = find_widget (GTK_WIDGET (page), RK_TYPE_CHART_WIDGET, NULL, NULL);
  g_assert_nonnull (chart);
  WAIT_UNTIL (gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 100);
  render_widget (chart, &pixels, &width, &height, &stride);

  /* Not blank: text, legend and bars in many colours. */
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      g_hash_table_add (colors, GUINT_TO_POINTER (pixel_at (pixels, stride, x, y)));
  g_assert_cmpuint (g_hash_table_size (colors), >, 10);

  /* Each segment, where its button lies, has its status's colour. */
  collect_widgets (chart, GTK_TYPE_WIDGET, is_button_role, NULL, segments);
  g_assert_cmpuint (segments->len, ==, 10);
  for (guint i = 0; i < segments->len; i++)
    {
      GtkWidget *segment = g_ptr_array_index (segments, i);
      graphene_rect_t bounds;
      guint32 pixel;
      gboolean known = FALSE;

      g_assert_true (gtk_widget_get_focusable (segment));
      g_assert_nonnull (gtk_widget_get_tooltip_text (segment));
      g_assert_true (gtk_widget_compute_bounds (segment, chart, &bounds));
      pixel = pixel_at (pixels, stride, (int) (bounds.origin.x + bounds.size.width - 3),
                        (int) (bounds.origin.y + 3));

      for (guint status = 0; status < RK_N_STATUSES; status++)
        if (pixel == rgb_to_hex (rk_chart_get_status_color (status)))
          {
            /* The tooltip names the status the colour stands for. */
            g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (segment), rk_status_get_phrase (status)));
            seen[status] = known = TRUE;
          }
      if (!known)
        g_error ("Segment %u is #%06x, not a status colour", i, pixel);
    }
  for (guint status = 0; status < RK_N_STATUSES; status++)
    g_assert_true (seen[status]);

  gtk_window_destroy (window);
}

static void
on_show_projects_cb (RkOverviewPage *page,
                     const char     *field_id,
                     const char     *status_key,
                     GStrv          *out)
{
  g_strfreev (*out);
  *out = g_strdupv ((char *[]) { (char *) field_id, (char *) status_key, NULL });
}

static gboolean
tooltip_is (GtkWidget     *widget,
            gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static void
test_overview_activate_segment (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkOverviewPage *page = g_object_new (RK_TYPE_OVERVIEW_PAGE, NULL);
  GtkWindow *window;
  GtkWidget *chart, *segment;
  g_auto(GStrv) shown = NULL;
  g_autofree char *label = NULL;

  add_published_projects (db);
  window = new_window_with (GTK_WIDGET (page), 1000, 900);
  rk_overview_page_set_database (page, db);
  g_signal_connect (page, "show-projects", G_CALLBACK (on_show_projects_cb), &shown);
  WAIT_UNTIL (!rk_overview_page_get_loading (page));
  iterate_main_loop ();

  /* 73 projects over three fields: 25 in mobility, of them 19 in
   * implementation (positions 0, 3, …, 54). */
  chart = find_widget (GTK_WIDGET (page), RK_TYPE_CHART_WIDGET, NULL, NULL);
  label = g_strdup_printf (ngettext ("%s, %s: %u project", "%s, %s: %u projects", 19),
                           is_german () ? "Vernetzte Mobilität – kurze Wege" : "Networked mobility – short distances",
                           rk_status_get_phrase (RK_STATUS_IN_IMPLEMENTATION), 19);
  if (!is_german ())
    g_assert_cmpstr (label, ==, "Networked mobility – short distances, in implementation: 19 projects");
  segment = find_widget (chart, GTK_TYPE_WIDGET, tooltip_is, label);
  g_assert_nonnull (segment);

  /* By keyboard: it takes the focus, and Enter activates it. */
  g_assert_true (gtk_widget_grab_focus (segment));
  g_assert_true (gtk_widget_has_focus (segment));
  g_assert_true (gtk_widget_activate (segment));
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown[0], ==, FIELD_MOBILITY);
  g_assert_cmpstr (shown[1], ==, "in_implementation");

  gtk_window_destroy (window);
}

/* Reports */

static AdwMessageDialog *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static GtkWindow *
find_window_titled (GtkWindow  *parent,
                    const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == parent &&
          g_strcmp0 (gtk_window_get_title (toplevel), title) == 0)
        return toplevel;
    }

  return NULL;
}

/* Answers the title-and-date dialog with @title. */
static void
answer_report_dialog (GtkWindow  *window,
                      const char *title,
                      const char *response)
{
  AdwMessageDialog *dialog;
  GtkWidget *title_row;

  iterate_main_loop ();
  dialog = find_dialog_for (window);
  g_assert_nonnull (dialog);
  title_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL, NULL);
  g_assert_nonnull (title_row);

  /* No title, no report. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), " ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, response));
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));

  /* A button responds and closes the dialog; here that is two steps. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_main_loop ();
}

static char *
query_text (RkDatabase *db,
            const char *sql)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (db, sql, NULL);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static GPtrArray *
entry_rows (GtkWidget *page)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect_widgets (page, ADW_TYPE_EXPANDER_ROW, NULL, NULL, rows);
  return rows;
}

static void
test_reports_workflow (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkReportsPage *page = g_object_new (RK_TYPE_REPORTS_PAGE, NULL);
  GtkWindow *window = new_window_with (GTK_WIDGET (page), 1100, 800);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *view, *list, *adopted_note;
  GtkTextBuffer *buffer;
  GtkStack *list_stack;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *comparison_title = NULL;

  add_project (db, "Radschnellweg Ruhr", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "Erster Abschnitt.");
  add_project (db, "Digitale Modelldestination", FIELD_ECONOMY, RK_STATUS_UNDER_REVIEW, "Wird geprüft.");
  add_project (db, "SPIN", FIELD_ENERGY, RK_STATUS_COMPLETED, "Überführt.");

  rk_reports_page_set_database (page, db);
  list_stack = GTK_STACK (find_widget (GTK_WIDGET (page), GTK_TYPE_STACK, stack_has_page, "empty"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");

  /* New Report asks for a title and a date, then takes the snapshot. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.new", NULL));
  answer_report_dialog (window, "Fortschrittsbericht 2021", "create");
  g_assert_cmpint (rk_database_count_rows (db, "report", NULL), ==, 1);
  g_assert_cmpint (rk_database_count_rows (db, "report_entry", NULL), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  list = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, has_css_class, "navigation-sidebar");
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));

  rows = entry_rows (GTK_WIDGET (page));
  g_assert_cmpuint (rows->len, ==, 3);

  /* A draft's entry is edited where it is shown, and saves itself. */
  adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  view = find_widget (g_ptr_array_index (rows, 0), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_nonnull (view);
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, "Zweiter Abschnitt im Bau.", -1);
  g_assert_true (rk_reports_page_flush (page));
  text = query_text (db, "SELECT text FROM report_entry WHERE project_title = 'Radschnellweg Ruhr'");
  g_assert_cmpstr (text, ==, "Zweiter Abschnitt im Bau.");

  /* Adopt asks first, and says that it freezes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.adopt", NULL));
  iterate_main_loop ();
  {
    AdwMessageDialog *dialog = find_dialog_for (window);

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Fortschrittsbericht 2021"));
    g_assert_true (adw_message_dialog_has_response (dialog, "adopt"));
    adw_message_dialog_response (dialog, "adopt");
    gtk_window_destroy (GTK_WINDOW (dialog));
    iterate_main_loop ();
  }
  status = query_text (db, "SELECT status FROM report");
  g_assert_cmpstr (status, ==, "adopted");

  /* Frozen, and shown to be. */
  adopted_note = find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, has_css_class, "read-only-note");
  g_assert_true (gtk_widget_get_visible (adopted_note));
  g_ptr_array_unref (rows);
  rows = entry_rows (GTK_WIDGET (page));
  adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  view = find_widget (g_ptr_array_index (rows, 0), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                                       row_has_title, _("Title")))));

  /* Duplicate as Draft starts the next one; its unchanged texts are
   * flagged. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.duplicate", NULL));
  answer_report_dialog (window, "Fortschrittsbericht 2022", "duplicate");
  g_assert_cmpint (rk_database_count_rows (db, "report", NULL), ==, 2);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    expected = g_strdup_printf (ngettext ("The current-status text of %u project is still that of “%s”.",
                                          "The current-status texts of %u projects are still those of “%s”.", 3),
                                3, "Fortschrittsbericht 2021");
    collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL, NULL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (gtk_widget_get_visible (g_ptr_array_index (labels, i)) &&
          g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), expected) == 0)
        found = TRUE;
    g_assert_true (found);
  }

  /* Compare with the previous report opens a window that says with
   * which. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.compare", NULL));
  iterate_main_loop ();
  comparison_title = g_strdup_printf (_("Compared with “%s”"), "Fortschrittsbericht 2021");
  {
    GtkWindow *comparison = find_window_titled (window, comparison_title);

    g_assert_nonnull (comparison);
    gtk_window_destroy (comparison);
  }

  /* A draft can be deleted, and the deletion undone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.delete", NULL));
  iterate_main_loop ();
  g_assert_cmpint (rk_database_count_rows (db, "report", NULL), ==, 1);

  gtk_window_destroy (window);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_reports_read_only (void)
{
  g_autofree char *path = rk_test_new_database_path ();
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *report_id = NULL;
  RkReportsPage *page;
  GtkWindow *window;
  GtkWidget *view;

  /* A draft in a file that is opened read-only. */
  db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_project (db, "Radschnellweg Ruhr", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "Erster Abschnitt.");
  report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  report_id = g_strdup (rk_report_get_id (report));
  g_clear_object (&report);
  g_clear_object (&db);
  db = rk_database_open (path, RK_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  page = g_object_new (RK_TYPE_REPORTS_PAGE, NULL);
  window = new_window_with (GTK_WIDGET (page), 1100, 800);
  rk_reports_page_set_database (page, db);
  rk_reports_page_select (page, report_id);
  iterate_main_loop ();

  /* It can be read, exported and printed, not changed. */
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, has_action, "reports.new")));
  g_assert_false (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, has_action, "reports.adopt")));
  g_assert_true (gtk_widget_is_sensitive (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, has_action, "reports.print")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                                       row_has_title, _("Title")))));
  rows = entry_rows (GTK_WIDGET (page));
  g_assert_cmpuint (rows->len, ==, 1);
  adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  view = find_widget (g_ptr_array_index (rows, 0), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  gtk_window_destroy (window);
}

static gboolean
file_is_complete_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A PDF ends with %%EOF; its streams hold NUL bytes, so look only at
   * its last line. */
  return g_file_get_contents (path, &contents, &length, NULL) && length > 1000 &&
         memcmp (contents, "%PDF-", 5) == 0 && g_strstr_len (contents + length - 8, 8, "%%EOF") != NULL;
}

static char *
pdf_words (const char *pdf)
{
  const char *argv[] = { g_getenv ("RK_PDFTOTEXT"), "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static void
test_reports_export_and_print (void)
{
  g_autoptr(RkDatabase) db = open_test_database ();
  RkReportsPage *page = g_object_new (RK_TYPE_REPORTS_PAGE, NULL);
  GtkWindow *window = new_window_with (GTK_WIDGET (page), 1100, 800);
  g_autoptr(RkReport) report = NULL;
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *exported = g_build_filename (dir, "export.pdf", NULL);
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autofree char *headline = NULL;
  g_autofree char *expected_headline = NULL;

  if (g_getenv ("RK_PDFTOTEXT") == NULL || *g_getenv ("RK_PDFTOTEXT") == '\0')
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      gtk_window_destroy (window);
      return;
    }

  add_project (db, "Radschnellweg Ruhr", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "Erster Abschnitt.");
  add_project (db, "Neue Künste Ruhr", FIELD_ECONOMY, RK_STATUS_UNDER_REVIEW, "Wird geprüft.");
  report = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  rk_reports_page_set_database (page, db);
  rk_reports_page_select (page, rk_report_get_id (report));
  iterate_main_loop ();

  {
    guint counts[RK_N_STATUSES] = { 0, 1, 1, 0, 0 };
    headline = rk_headline_sentence (counts);
  }

  /* Export as PDF runs in a thread; the file appears when complete. */
  rk_reports_page_export_pdf (page, file);
  WAIT_UNTIL (file_is_complete_pdf (exported));
  {
    g_autofree char *words = pdf_words (exported);

    g_assert_nonnull (strstr (words, "Radschnellweg Ruhr"));
    g_assert_nonnull (strstr (words, "Neue Künste Ruhr"));
    g_assert_nonnull (strstr (words, headline));
  }

  /* Print uses the same layout: printed to a file, the same text. */
  rk_reports_page_print (page, printed);
  WAIT_UNTIL (file_is_complete_pdf (printed));
  {
    g_autofree char *words = pdf_words (printed);

    g_assert_nonnull (strstr (words, "Radschnellweg Ruhr"));
    g_assert_nonnull (strstr (words, "Neue Künste Ruhr"));
    g_assert_nonnull (strstr (words, headline));
    g_assert_nonnull (strstr (words, "Fortschrittsbericht 2021"));
  }

  gtk_window_destroy (window);
}

/* The command line */

static void
test_cli_report_pdf (void)
{
  g_autofree char *dir = rk_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *current = g_build_filename (dir, "current.pdf", NULL);
  g_autofree char *latest = g_build_filename (dir, "latest.pdf", NULL);
  g_autoptr(GError) error = NULL;
  RkExitStatus status;
  int saved_stdout;

  if (g_getenv ("RK_PDFTOTEXT") == NULL || *g_getenv ("RK_PDFTOTEXT") == '\0')
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  {
    g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    add_project (db, "Radschnellweg Ruhr", FIELD_MOBILITY, RK_STATUS_IN_IMPLEMENTATION, "Erster Abschnitt.");
  }

  /* Its sentence on standard output would break the TAP stream. */
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  g_assert_true (freopen ("/dev/null", "w", stdout) != NULL);

  /* No report yet: the projects as they are now. */
  status = rk_cli_report_pdf (path, current);

  {
    g_autoptr(RkDatabase) db = rk_database_open (path, RK_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(RkReport) old = rk_report_create (db, "Fortschrittsbericht 2020", "2020-08-31", NULL);
    g_autoptr(RkReport) newer = rk_report_create (db, "Fortschrittsbericht 2021", "2021-12-07", NULL);
  }
  if (status == RK_EXIT_OK)
    status = rk_cli_report_pdf (path, latest);

  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);

  g_assert_cmpint (status, ==, RK_EXIT_OK);
  {
    g_autofree char *words = pdf_words (current);
    g_autofree char *title = g_strdup (_("Current State of the Projects"));

    g_assert_nonnull (strstr (words, "Radschnellweg Ruhr"));
    g_assert_nonnull (strstr (words, title));
  }
  {
    /* The latest report by reporting date. */
    g_autofree char *words = pdf_words (latest);

    g_assert_nonnull (strstr (words, "Fortschrittsbericht 2021"));
    g_assert_null (strstr (words, "Fortschrittsbericht 2020"));
  }

  /* A folder that does not exist: refused, with a sentence. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "missing", "x.pdf", NULL);

    fflush (stderr);
    g_assert_cmpint (rk_cli_report_pdf (path, nowhere), ==, RK_EXIT_INPUT_REFUSED);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Translations from the build tree, where the tests can find them. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database, and then
   * no SVG icon loads (see test-ui.c). */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/report-ui/overview/headline", test_overview_headline);
  g_test_add_func ("/report-ui/overview/chart-renders", test_overview_chart_renders);
  g_test_add_func ("/report-ui/overview/activate-segment", test_overview_activate_segment);
  g_test_add_func ("/report-ui/overview/window-fills-after-first-frame", test_window_fills_after_first_frame);
  g_test_add_func ("/report-ui/reports/workflow", test_reports_workflow);
  g_test_add_func ("/report-ui/reports/export-and-print", test_reports_export_and_print);
  g_test_add_func ("/report-ui/reports/read-only", test_reports_read_only);
  g_test_add_func ("/report-ui/cli/report-pdf", test_cli_report_pdf);

  rk_test_add_objects_left_check ();
  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
