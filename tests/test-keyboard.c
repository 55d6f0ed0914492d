/* test-keyboard.c: everything by keyboard
 *
 *   - the shortcuts window lists every accelerator the app sets and every
 *     key the sections bind, and nothing else;
 *   - Escape takes a narrow window from a record back to its list, in
 *     each list-and-detail section, and closes the sections' popovers;
 *   - Tab moves the focus in reading order: down the header bar, the list
 *     and then the record, each top to bottom and left to right.
 *
 * A key press is played by activating the shortcut the widget has for it,
 * as GTK does when the key arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-application.h"
#include "rk-board-page.h"
#include "rk-example.h"
#include "rk-note-list.h"
#include "rk-organisation.h"
#include "rk-partners-page.h"
#include "rk-project-list.h"
#include "rk-projects-page.h"
#include "rk-report.h"
#include "rk-reports-page.h"
#include "rk-test-util.h"
#include "rk-window.h"

static char *database_path;

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

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
in_transition (GtkWidget *widget)
{
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;

  return FALSE;
}

/* Lets a change play out: its transitions end, and the window lays out
 * and draws the result. */
static void
settle (GtkWidget *window)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (window, count_frame_cb, &frames, NULL);

  WAIT_UNTIL (frames >= 2 && !in_transition (window));
  frames = 0;
  WAIT_UNTIL (frames >= 2);
  gtk_widget_remove_tick_callback (window, id);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_page (RkWindow   *window,
           const char *section)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  /* Each section's page is built into a placeholder of the stack. */
  return adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, section)));
}

static RkWindow *
open_window (RkDatabase *db,
             const char *section,
             int         width,
             int         height)
{
  RkWindow *window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle (GTK_WIDGET (window));
  return window;
}

static RkDatabase *
open_database (void)
{
  g_autoptr(GError) error = NULL;
  RkDatabase *db = rk_database_open (database_path, RK_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static char *
first_id (RkRecordList *list)
{
  g_autoptr(GObject) item = NULL;
  char *id = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_object_get (item, "id", &id, NULL);
  return id;
}

/* Opens the first record of a section, as choosing it in the list does. */
static void
open_first_record (RkDatabase *db,
                   const char *section,
                   GtkWidget  *page)
{
  if (g_str_equal (section, "projects"))
    {
      g_autoptr(RkRecordList) list = rk_project_list_new (db);
      g_autofree char *id = first_id (list);

      rk_projects_page_select (RK_PROJECTS_PAGE (page), id);
    }
  else if (g_str_equal (section, "partners"))
    {
      g_autoptr(RkRecordList) list = rk_organisation_list_new (db);
      g_autofree char *id = first_id (list);

      rk_partners_page_select (RK_PARTNERS_PAGE (page), id);
    }
  else if (g_str_equal (section, "board"))
    {
      g_autoptr(RkRecordList) list = rk_note_list_new (db);
      g_autofree char *id = first_id (list);

      rk_board_page_open_note (RK_BOARD_PAGE (page), id);
    }
  else if (g_str_equal (section, "reports"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RkReport) report = rk_report_find_latest (db, &error);

      g_assert_no_error (error);
      g_assert_nonnull (report);
      rk_reports_page_select (RK_REPORTS_PAGE (page), rk_report_get_id (report));
    }
}

/* Keys */

/* A key as the shortcuts window and a binding would both write it; the
 * keypad's Delete and Enter are the same keys as the main ones. */
static char *
key_name (guint           keyval,
          GdkModifierType modifiers)
{
  keyval = gdk_keyval_to_lower (keyval);
  if (keyval == GDK_KEY_KP_Delete)
    keyval = GDK_KEY_Delete;
  else if (keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    keyval = GDK_KEY_Return;

  return gtk_accelerator_name (keyval, modifiers & gtk_accelerator_get_default_mod_mask ());
}

static void
add_accelerators (GHashTable *set,
                  const char *accelerators,
                  const char *what)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &modifiers));
      g_hash_table_insert (set, key_name (keyval, modifiers), g_strdup (what));
    }
}

/* Whether @action_name is an action the app's own class installed, not
 * one it inherits from GTK. */
static gboolean
is_own_action (GtkWidget  *widget,
               const char *action_name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  GType owner;
  const char *name, *property;
  const GVariantType *parameter_type;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type, &property); i++)
    if (g_str_equal (name, action_name))
      return g_str_has_prefix (g_type_name (owner), "Rk");

  return FALSE;
}

/* The keys the app's widgets bind to their actions
 * (gtk_widget_class_add_binding_action()), but not the keys that GTK's
 * classes bind, which its subclasses inherit. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *set)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Rk"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
              guint keyval;
              g_autofree char *action = NULL;

              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (shortcut_action) ||
                  !is_own_action (widget, gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action))))
                continue;
              keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));

              action = gtk_shortcut_action_to_string (shortcut_action);
              g_hash_table_insert (set,
                                   key_name (keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                                   g_strdup_printf ("%s: %s", G_OBJECT_TYPE_NAME (widget), action));
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, set);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(RkApplication) app = rk_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  GSList *objects;
  RkWindow *window;
  GHashTableIter iter;
  gpointer key, value;
  guint missing = 0, stray = 0;

  /* Its own instance, not one on the session bus, so that its startup
   * runs here and sets the accelerators. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* What the shortcuts window lists: its own accelerators, and those of
   * the actions it names as the app sets them. */
  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &title, "accelerator", &accelerator, "action-name", &action, NULL);
      if (accelerator != NULL)
        add_accelerators (listed, accelerator, title);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

          g_assert_nonnull (accels[0]);
          for (guint i = 0; accels[i] != NULL; i++)
            add_accelerators (listed, accels[i], title);
        }
    }
  g_slist_free (objects);

  /* What the app sets, and what the sections bind. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (bound, accels[j], actions[i]);
    }
  g_assert_true (g_hash_table_contains (bound, "<Control>comma"));

  window = g_object_new (RK_TYPE_WINDOW, "application", app, NULL);
  rk_window_get_projects_page (window); /* builds every section */
  collect_bindings (GTK_WIDGET (window), bound);
  gtk_window_destroy (GTK_WINDOW (window));

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      {
        g_test_message ("%s (%s) is not in the shortcuts window", (char *) key, (char *) value);
        missing++;
      }

  /* F10 opens the primary menu: GTK binds it, not the app. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (bound, key) && !g_str_equal (key, "F10"))
      {
        g_test_message ("the shortcuts window lists %s (%s), which nothing binds", (char *) key, (char *) value);
        stray++;
      }

  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (stray, ==, 0);
}

/* Plays @keyval on @widget: activates the shortcut @widget has for it, or
 * hands it to the key controller that waits for it. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          gboolean handled = FALSE;

          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          if (handled)
            return TRUE;
          continue;
        }
      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
test_escape_back_to_list (gconstpointer data)
{
  const char *section = data;
  g_autoptr(RkDatabase) db = open_database ();
  RkWindow *window = open_window (db, section, 360, 640);
  GtkWidget *page = find_page (window, section);
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (page, ADW_TYPE_LEAFLET));

  g_assert_nonnull (leaflet);
  WAIT_UNTIL (adw_leaflet_get_folded (leaflet));

  open_first_record (db, section, page);
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");

  g_assert_true (press_key (page, GDK_KEY_Escape));
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_NATIVE (child) || !gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_MENU_BUTTON (child))
        g_ptr_array_add (buttons, child);
      collect_menu_buttons (child, buttons);
    }
}

/* Escape closes each popover that shows in a section's list. */
static void
test_escape_closes_popovers (void)
{
  g_autoptr(RkDatabase) db = open_database ();
  guint checked = 0;

  for (guint s = 0; s < RK_N_SECTIONS; s++)
    {
      RkWindow *window = open_window (db, rk_sections[s], 1280, 800);
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

      collect_menu_buttons (GTK_WIDGET (window), buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkMenuButton *button = g_ptr_array_index (buttons, i);
          GtkPopover *popover = gtk_menu_button_get_popover (button);

          if (popover == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (button)))
            continue;

          gtk_menu_button_popup (button);
          WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
          g_assert_true (press_key (GTK_WIDGET (popover), GDK_KEY_Escape));
          WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
          checked++;
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* The main menu and the three filters at least. */
  g_assert_cmpuint (checked, >=, 4);
}

/* Reading order */

/* The part of the window a widget is in, in reading order: the header
 * bar, the list, the record; and where it is in that part as if nothing
 * were scrolled. */
static gboolean
reading_position (GtkWidget       *window,
                  GtkWidget       *widget,
                  double          *part,
                  graphene_rect_t *where)
{
  GtkWidget *region = NULL, *leaflet_child = NULL;
  GtkWidget *scrolled = NULL;
  graphene_rect_t inner, outer;

  *part = 0;
  for (GtkWidget *w = widget; w != NULL && w != window; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      /* A long text's own scrolled window (rk-text-area.c) is a part of
       * its page: the page's counts. */
      if (scrolled == NULL && GTK_IS_SCROLLED_WINDOW (w) &&
          !GTK_IS_TEXT_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (w))))
        scrolled = w;
      if (ADW_IS_HEADER_BAR (w))
        {
          region = w;
          *part = 0;
        }
      else if (parent != NULL && ADW_IS_LEAFLET (parent))
        leaflet_child = w;
    }

  if (region == NULL)
    {
      graphene_rect_t column;

      region = leaflet_child != NULL ? leaflet_child : window;
      /* A leaflet's children read left to right. */
      *part = 1;
      if (leaflet_child != NULL &&
          gtk_widget_compute_bounds (leaflet_child, gtk_widget_get_parent (leaflet_child), &column))
        *part += column.origin.x / 10000;
    }

  if (scrolled != NULL && gtk_widget_is_ancestor (scrolled, region))
    {
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

      if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
        content = gtk_viewport_get_child (GTK_VIEWPORT (content));
      if (!gtk_widget_compute_bounds (widget, content, &inner) ||
          !gtk_widget_compute_bounds (scrolled, region, &outer))
        return FALSE;
      graphene_rect_offset (&inner, outer.origin.x, outer.origin.y);
      *where = inner;
      return TRUE;
    }

  return gtk_widget_compute_bounds (widget, region, where);
}

/* Whether @b comes after @a when reading: in a later part, or lower, or
 * on the same line further right. */
static gboolean
reads_after (double                 part_a,
             const graphene_rect_t *a,
             double                 part_b,
             const graphene_rect_t *b)
{
  double line = MIN (a->size.height, b->size.height) / 2;

  if (part_a != part_b)
    return part_b > part_a;
  if (b->origin.y >= a->origin.y + line)
    return TRUE;
  if (b->origin.y > a->origin.y - line)
    return b->origin.x >= a->origin.x;
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  GtkWidget *labelled = widget;

  /* A button says what it is by its label or tooltip, or its parent's. */
  for (guint i = 0; i < 3 && labelled != NULL; i++, labelled = gtk_widget_get_parent (labelled))
    {
      const char *text = GTK_IS_BUTTON (labelled) ? gtk_button_get_label (GTK_BUTTON (labelled)) : NULL;

      if (text == NULL && ADW_IS_PREFERENCES_ROW (labelled))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (labelled));
      if (text == NULL)
        text = gtk_widget_get_tooltip_text (labelled);
      if (text != NULL)
        return g_strdup_printf ("%s “%s”", G_OBJECT_TYPE_NAME (widget), text);
    }

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

static void
test_focus_order (gconstpointer data)
{
  const char *section = data;
  g_autoptr(RkDatabase) db = open_database ();
  RkWindow *window = open_window (db, section, 1280, 800);
  GtkWidget *page = find_page (window, section);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *first = NULL, *previous = NULL;
  graphene_rect_t previous_where = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  double previous_part = 0;
  guint steps = 0;

  open_first_record (db, section, page);
  settle (GTK_WIDGET (window));

  /* From nothing, Tab by Tab, until the focus comes round again. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (steps = 0; steps < 400; steps++)
    {
      GtkWidget *focus;
      graphene_rect_t where;
      double part;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        break;
      settle (GTK_WIDGET (window));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || focus == first)
        break;
      if (first == NULL)
        first = focus;

      if (!reading_position (GTK_WIDGET (window), focus, &part, &where))
        continue;
      {
        g_autofree char *d = describe (focus);

        g_ptr_array_add (order, g_strdup_printf ("%s in part %.2f at %.0f,%.0f", d, part,
                                                 where.origin.x, where.origin.y));
      }
      if (previous != NULL && !reads_after (previous_part, &previous_where, part, &where))
        {
          g_autofree char *a = describe (previous);
          g_autofree char *b = describe (focus);

          g_ptr_array_add (problems,
                           g_strdup_printf ("%s (in part %.2f at %.0f,%.0f) comes after %s (in part %.2f at %.0f,%.0f)",
                                            b, part, where.origin.x, where.origin.y,
                                            a, previous_part, previous_where.origin.x,
                                            previous_where.origin.y));
        }
      previous = focus;
      previous_where = where;
      previous_part = part;
    }

  g_test_message ("%u focus steps in the %s section", steps, section);
  for (guint i = 0; problems->len > 0 && i < order->len; i++)
    g_test_message ("Tab %u: %s", i + 1, (char *) g_ptr_array_index (order, i));
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (steps, >, 5);
  g_assert_cmpuint (problems->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
make_example_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;

  database_path = rk_test_new_database_path ();
  db = rk_database_open (database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);
  report = rk_report_create (db, "Fortschrittsbericht 2024", "2024-12-31", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const list_detail[] = { "projects", "partners", "board", "reports" };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database in
   * XDG_DATA_DIRS, and without it no SVG icon loads. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  make_example_database ();

  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);
  for (guint i = 0; i < G_N_ELEMENTS (list_detail); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/escape-back-to-list/%s", list_detail[i]);

      g_test_add_data_func (path, list_detail[i], test_escape_back_to_list);
    }
  g_test_add_func ("/keyboard/escape-closes-popovers", test_escape_closes_popovers);
  for (guint i = 0; i < RK_N_SECTIONS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/focus-order/%s", rk_sections[i]);

      g_test_add_data_func (path, rk_sections[i], test_focus_order);
    }

  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
