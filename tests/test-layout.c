/* test-layout.c: every section at 360×640 and at 1280×800, and its words
 *
 * The real window with the example data, at a phone's width and at a
 * laptop's, in each section: with its list, with a record open and, where
 * the window folds, with the record over the list. Each time the window
 * is laid out and drawn, and then every widget that shows is checked:
 *   - no widget is allocated less than its minimum size, and no section
 *     needs more than 360 pixels;
 *   - every control lies inside the window, or inside the scrolled
 *     window that scrolls it into view;
 *   - controls side by side in a box or grid do not overlap;
 *   - no text on a button is cut short (ellipsized);
 *   - GTK warned of no allocation.
 * The same walk reads every text that shows (labels, placeholders,
 * tooltips, and what the section's own popovers hold) and fails on an
 * English word in the German interface or a German one in the English
 * interface; the example data and proper names are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-board-page.h"
#include "rk-database-private.h"
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
#include "rk-test-objects.h"

/* The minimum width of the app: a phone held upright. */
#define NARROW_WIDTH 360

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = { { 360, 640 }, { 1280, 800 } };

static char *database_path;
static GPtrArray *gtk_warnings;

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

/* GTK's warnings, such as of a negative size, gathered while a test runs. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (gtk_warnings != NULL && (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)))
    {
      const char *domain = NULL, *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }
      if (message != NULL)
        g_ptr_array_add (gtk_warnings, g_strdup_printf ("%s: %s", domain ?: "?", message));
    }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Waits for the window to have drawn a few frames since now: by then a
 * change has been laid out. */
static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Whether a stack, leaflet, squeezer or revealer under @widget is still
 * on its way from one child or size to the next. */
static gboolean
in_transition (GtkWidget *widget)
{
  if ((GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget))) ||
      (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (widget))) ||
      (ADW_IS_SQUEEZER (widget) && adw_squeezer_get_transition_running (ADW_SQUEEZER (widget))) ||
      (GTK_IS_REVEALER (widget) &&
       gtk_revealer_get_child_revealed (GTK_REVEALER (widget)) != gtk_revealer_get_reveal_child (GTK_REVEALER (widget))))
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

  gtk_widget_queue_draw (window);
  WAIT_UNTIL (frames >= 3);
  WAIT_UNTIL (!in_transition (window));
  frames = 0;
  WAIT_UNTIL (frames >= 3);
  gtk_widget_remove_tick_callback (window, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

/* The board's list of notes, members or meetings. */
static GtkStack *
find_mode_stack (GtkWidget *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (page);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), "members") != NULL)
        return GTK_STACK (child);
      if ((found = find_mode_stack (child)) != NULL)
        return found;
    }

  return NULL;
}

/* The layout checks */

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_CALENDAR (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
         ADW_IS_ENTRY_ROW (widget) || gtk_widget_get_focusable (widget);
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL && !GTK_IS_WINDOW (w); w = gtk_widget_get_parent (w))
    {
      const char *label = GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w))
                          : GTK_IS_BUTTON (w) ? gtk_button_get_label (GTK_BUTTON (w))
                          : ADW_IS_PREFERENCES_ROW (w) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w))
                          : gtk_widget_get_tooltip_text (w);

      if (path->len > 0)
        g_string_prepend (path, " > ");
      if (label != NULL && *label != '\0')
        {
          g_autofree char *shown = g_strndup (label, 40);
          g_string_prepend (path, "”");
          g_string_prepend (path, shown);
          g_string_prepend (path, "“");
          g_string_prepend_c (path, ' ');
        }
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (path->len > 400)
        break;
    }

  return g_string_free (path, FALSE);
}

/* The space a widget takes beyond its allocation: its margins. */
static void
get_margins (GtkWidget *widget,
             int       *horizontal,
             int       *vertical)
{
  GtkBorder css;

  gtk_style_context_get_margin (gtk_widget_get_style_context (widget), &css);
  *horizontal = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget) +
                css.left + css.right;
  *vertical = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget) +
              css.top + css.bottom;
}

static GtkWidget *
scrolling_ancestor (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      return w;

  return NULL;
}

static gboolean
lays_out_side_by_side (GtkWidget *parent)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (parent);

  return GTK_IS_BOX_LAYOUT (layout) || GTK_IS_GRID_LAYOUT (layout) || GTK_IS_CENTER_LAYOUT (layout);
}

static void
check_widget (GtkWidget *window,
              GtkWidget *widget,
              GPtrArray *problems)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int min_width, min_height, margin_h, margin_v;
  graphene_rect_t bounds, area;

  /* compute_bounds() gives the border box, which with the margins is what
   * a measure counts. */
  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    return;
  get_margins (widget, &margin_h, &margin_v);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, (int) bounds.size.width + margin_h,
                      &min_height, NULL, NULL, NULL);
  /* What a scrolled window holds is its view, smaller than its content
   * in the directions it scrolls. */
  if (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (widget)))
    {
      GtkPolicyType hpolicy, vpolicy;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (widget)), &hpolicy, &vpolicy);
      if (hpolicy != GTK_POLICY_NEVER)
        min_width = 0;
      if (vpolicy != GTK_POLICY_NEVER)
        min_height = 0;
    }
  if (bounds.size.width + 1 < min_width - margin_h || bounds.size.height + 1 < min_height - margin_v)
    {
      g_autofree char *path = describe (widget);

      g_ptr_array_add (problems,
                       g_strdup_printf ("%s is %d×%d, less than its minimum %d×%d",
                                        path, (int) bounds.size.width, (int) bounds.size.height,
                                        min_width - margin_h, min_height - margin_v));
    }

  /* A button's text is its name: cut short, it says something else. */
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) != NULL &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      g_autofree char *path = describe (widget);

      g_ptr_array_add (problems, g_strdup_printf ("%s is cut short to fit its %d px", path, width));
    }

  if (!is_control (widget) || width <= 0 || height <= 0)
    return;

  /* Inside the window, or inside the scrolled window that brings it into
   * view: across it, as none of them scrolls sideways. */
  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return;
  if (scrolling_ancestor (widget) != NULL)
    {
      GtkWidget *scrolled = scrolling_ancestor (widget);
      GtkPolicyType hpolicy;

      if (!gtk_widget_compute_bounds (scrolled, window, &area))
        return;
      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &hpolicy, NULL);
      if (hpolicy != GTK_POLICY_NEVER)
        {
          area.origin.x = bounds.origin.x;
          area.size.width = bounds.size.width;
        }
      area.origin.y = bounds.origin.y;
      area.size.height = bounds.size.height;
    }
  else
    graphene_rect_init (&area, 0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));

  if (bounds.origin.x < area.origin.x - 1 || bounds.origin.y < area.origin.y - 1 ||
      bounds.origin.x + bounds.size.width > area.origin.x + area.size.width + 1 ||
      bounds.origin.y + bounds.size.height > area.origin.y + area.size.height + 1)
    {
      g_autofree char *path = describe (widget);

      g_ptr_array_add (problems,
                       g_strdup_printf ("%s at %.0f,%.0f %.0f×%.0f is cut off by its view at %.0f,%.0f %.0f×%.0f",
                                        path, bounds.origin.x, bounds.origin.y,
                                        bounds.size.width, bounds.size.height,
                                        area.origin.x, area.origin.y, area.size.width, area.size.height));
    }
}

static void
check_siblings (GtkWidget *window,
                GtkWidget *parent,
                GPtrArray *problems)
{
  if (!lays_out_side_by_side (parent))
    return;

  for (GtkWidget *a = gtk_widget_get_first_child (parent); a != NULL; a = gtk_widget_get_next_sibling (a))
    {
      graphene_rect_t ra;

      if (!gtk_widget_get_mapped (a) || !gtk_widget_compute_bounds (a, window, &ra) ||
          ra.size.width <= 0 || ra.size.height <= 0)
        continue;

      for (GtkWidget *b = gtk_widget_get_next_sibling (a); b != NULL; b = gtk_widget_get_next_sibling (b))
        {
          graphene_rect_t rb, both;

          if (!gtk_widget_get_mapped (b) || !gtk_widget_compute_bounds (b, window, &rb) ||
              rb.size.width <= 0 || rb.size.height <= 0)
            continue;

          if (graphene_rect_intersection (&ra, &rb, &both) &&
              both.size.width > 1 && both.size.height > 1)
            {
              g_autofree char *pa = describe (a);
              g_autofree char *pb = describe (b);

              g_ptr_array_add (problems, g_strdup_printf ("%s overlaps %s", pa, pb));
            }
        }
    }
}

typedef void (*VisitFunc) (GtkWidget *window,
                           GtkWidget *widget,
                           gpointer   data);

/* Every widget that shows, in the window itself (popovers are windows of
 * their own and are visited when they are open). */
static void
visit_showing (GtkWidget *window,
               GtkWidget *widget,
               VisitFunc  func,
               gpointer   data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_NATIVE (child) || !gtk_widget_get_mapped (child))
        continue;
      func (window, child, data);
      visit_showing (window, child, func, data);
    }
}

static void
layout_visit (GtkWidget *window,
              GtkWidget *widget,
              gpointer   data)
{
  check_widget (window, widget, data);
  check_siblings (window, widget, data);
}

/* The innermost widgets that make a window wider than a phone, shown or
 * not: a stack is as wide as its widest page. */
static void
collect_too_wide (GtkWidget *widget,
                  GPtrArray *problems)
{
  gboolean inner = FALSE;
  int min_width;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_NATIVE (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      if (min_width > NARROW_WIDTH)
        {
          collect_too_wide (child, problems);
          inner = TRUE;
        }
    }

  if (!inner)
    {
      g_autofree char *path = describe (widget);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_ptr_array_add (problems, g_strdup_printf ("%s needs %d pixels, more than %d",
                                                  path, min_width, NARROW_WIDTH));
    }
}

static void
check_layout (RkWindow   *window,
              const char *what,
              GPtrArray  *failures)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int min_width;

  /* Drawn as well as laid out: a widget's snapshot code runs too. */
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  if (min_width > NARROW_WIDTH)
    collect_too_wide (content, problems);

  visit_showing (GTK_WIDGET (window), GTK_WIDGET (window), layout_visit, problems);

  for (guint i = 0; i < gtk_warnings->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (gtk_warnings, i)));
  g_ptr_array_set_size (gtk_warnings, 0);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (failures, g_strdup_printf ("%s: %s", what, (char *) g_ptr_array_index (problems, i)));
}

/* The words */

/* Common words of each interface language that the other must not show.
 * Words the two languages share (Status, Partner, Name, Start, Filter,
 * Organisation, Export, Import, Code, Text, Website) are not on either
 * list. */
static const char * const english_words[] = {
  "the", "and", "of", "for", "with", "from", "to", "by", "all", "All", "no", "No",
  "Project", "Projects", "Search", "Delete", "New", "None", "Save", "Cancel", "Open",
  "Close", "Add", "Remove", "Sort", "Title", "Date", "Meeting", "Meetings", "Member",
  "Members", "Note", "Notes", "Report", "Reports", "Overview", "Preferences",
  "Settings", "Example", "data", "Undo", "Back", "List", "Draft", "Adopted", "Print",
  "Show", "Edit", "Choose", "Untitled", "Field", "Lead", "Ministry", "Volume", "End",
  "Last", "Changed", "Milestone", "Milestones", "Municipality", "Municipalities",
  "Board", "Advisory", "Description", "Select", "Menu", "More", "Actions", "Kind",
  "proposal", "Proposal", "completed", "Completed", "projects", "not", "set", "Not",
  "Set", "Reset", "Filters", "Go", "Yet", "Selected", "Duplicate", "Compare", "Adopt",
  "Previous", "Next", "Month", "Year", "Today", "Clear", "Link", "Author", "Place",
  "Active", "Function", "Address", "Phone", "E-mail",
  NULL
};

static const char * const german_words[] = {
  "und", "der", "die", "das", "den", "dem", "mit", "für", "von", "nicht", "oder",
  "Projekt", "Projekte", "Suche", "Suchen", "Löschen", "Neu", "Neue", "Neues", "Neuer",
  "Keine", "Kein", "Speichern", "Abbrechen", "Öffnen", "Schließen", "Hinzufügen",
  "Entfernen", "Sortieren", "Titel", "Datum", "Sitzung", "Sitzungen", "Mitglied",
  "Mitglieder", "Notiz", "Notizen", "Bericht", "Berichte", "Übersicht", "Einstellungen",
  "Beispieldaten", "Rückgängig", "Zurück", "Liste", "Entwurf", "Beschlossen",
  "beschlossen", "Drucken", "Anzeigen", "Bearbeiten", "Wählen", "Handlungsfeld",
  "Federführung", "Ressort", "Projektvolumen", "Ende", "Geändert", "Meilenstein",
  "Meilensteine", "Kommune", "Kommunen", "Beirat", "Beschreibung", "Menü", "Art",
  "Projektvorschlag", "abgeschlossen", "Umsetzung", "Stichtag", "Fortschrittsbericht",
  "Vorheriger", "Nächster", "Monat", "Jahr", "Heute", "Verfasser", "Ort", "Funktion",
  "Anschrift", "Telefon",
  NULL
};

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* What the example data and the reference lists hold that is no
 * interface text: names of projects, organisations, people, places, the
 * notes' texts. They are cut out of a text before its words are read. */
static GPtrArray *
collect_data_strings (RkDatabase *db)
{
  static const char * const queries[] = {
    "SELECT code FROM project UNION SELECT title FROM project UNION SELECT goal FROM project"
    " UNION SELECT lead_ministry FROM project UNION SELECT added_value FROM project"
    " UNION SELECT approach FROM project UNION SELECT beneficiaries FROM project"
    " UNION SELECT current_status FROM project UNION SELECT outlook FROM project",
    "SELECT name FROM organisation UNION SELECT address FROM organisation"
    " UNION SELECT website FROM organisation UNION SELECT email FROM organisation"
    " UNION SELECT notes FROM organisation",
    "SELECT name FROM board_member UNION SELECT organisation FROM board_member"
    " UNION SELECT function FROM board_member",
    "SELECT title FROM meeting UNION SELECT place FROM meeting",
    "SELECT title FROM note UNION SELECT text FROM note",
    "SELECT text FROM milestone",
    "SELECT name FROM municipality UNION SELECT district FROM municipality",
    "SELECT title FROM report",
  };
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(RkStatement) stmt = rk_database_prepare (db, queries[i], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (text != NULL && strlen (text) > 1)
            g_ptr_array_add (strings, g_strdup (text));
        }
    }

  /* The longest first, so that a name is cut out before a part of it. */
  g_ptr_array_sort (strings, longest_first);

  return strings;
}

typedef struct
{
  GPtrArray          *data;
  const char * const *deny;
  GHashTable         *found;
  guint               n_main_menus;   /* how often the main menu was read */
} Words;

static void
check_text (Words      *words,
            const char *text,
            GtkWidget  *widget)
{
  g_autoptr(GString) rest = NULL;
  g_auto(GStrv) tokens = NULL;

  if (text == NULL || *text == '\0')
    return;

  rest = g_string_new (text);
  for (guint i = 0; i < words->data->len; i++)
    g_string_replace (rest, g_ptr_array_index (words->data, i), " ", 0);
  /* Proper names, in every language. */
  g_string_replace (rest, "Ruhr-Konferenz", " ", 0);

  tokens = g_regex_split_simple ("[^\\pL\\-]+", rest->str, 0, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_strv_contains (words->deny, tokens[i]))
      {
        g_autofree char *path = describe (widget);

        g_hash_table_add (words->found, g_strdup_printf ("“%s” in “%s”, %s", tokens[i], text, path));
      }
}

static void
words_visit (GtkWidget *window,
             GtkWidget *widget,
             gpointer   data)
{
  Words *words = data;

  if (GTK_IS_LABEL (widget))
    check_text (words, gtk_label_get_text (GTK_LABEL (widget)), widget);
  if (GTK_IS_TEXT (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (words, placeholder, widget);
    }
  check_text (words, gtk_widget_get_tooltip_text (widget), widget);
}

static void
check_words_in (GtkWidget *root,
                Words     *words)
{
  words_visit (root, root, words);
  visit_showing (root, root, words_visit, words);
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

static gboolean
in_window (GtkWidget *window,
           GtkWidget *widget)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.x >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window) &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window);
}

/* Scrolls the view that holds @widget so that @widget is in its middle.
 * Returns whether it is in the window then. */
static gboolean
scroll_into_view (GtkWidget *window,
                  GtkWidget *widget)
{
  GtkWidget *scrolled = scrolling_ancestor (widget);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;

  if (scrolled == NULL)
    return in_window (window, widget);

  /* Where @widget is in what scrolls, not in what shows of it now. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* The view follows the focus: it is to stay where it is put. And
   * what is put in view may grow as it is drawn: try again then. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint tries = 0; tries < 3 && !in_window (window, widget); tries++)
    {
      if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
        return FALSE;
      gtk_adjustment_set_value (adjustment,
                                bounds.origin.y - gtk_adjustment_get_page_size (adjustment) / 2);
      settle (window);
    }

  return in_window (window, widget);
}

/* Every item of a menu model and of its sections and submenus, shown or
 * not: a submenu's items show only once it is opened. */
static void
check_menu_model (GMenuModel *model,
                  GtkWidget  *button,
                  Words      *words)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (words, label, button);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          check_menu_model (linked, button, words);
        }
    }
}

/* Opens the button's popover, reads what it shows, and closes it. */
static void
check_popover_words (GtkMenuButton *button,
                     Words         *words)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  gtk_menu_button_popup (button);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  settle (GTK_WIDGET (popover));
  check_words_in (GTK_WIDGET (popover), words);
  gtk_menu_button_popdown (button);
  WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
}

/* The words of a state, of the window's main menu, and of the popovers of
 * the section's own menu buttons. */
static void
check_words (RkWindow   *window,
             GtkWidget  *page,
             const char *what,
             Words      *words)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) window_buttons = g_ptr_array_new ();

  check_words_in (GTK_WIDGET (window), words);

  /* The main menu, as it opens, and every item it holds. */
  collect_menu_buttons (GTK_WIDGET (window), window_buttons);
  for (guint i = 0; i < window_buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (window_buttons, i);

      if (!gtk_menu_button_get_primary (button))
        continue;
      g_assert_nonnull (gtk_menu_button_get_menu_model (button));
      check_menu_model (gtk_menu_button_get_menu_model (button), GTK_WIDGET (button), words);
      check_popover_words (button, words);
      words->n_main_menus++;
    }

  collect_menu_buttons (page, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = g_ptr_array_index (buttons, i);
      GtkPopover *popover = gtk_menu_button_get_popover (button);

      if (popover == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (button)))
        continue;
      if (!scroll_into_view (GTK_WIDGET (window), GTK_WIDGET (button)))
        {
          g_autofree char *path = describe (GTK_WIDGET (button));

          g_hash_table_add (words->found, g_strdup_printf ("no word: %s is out of reach", path));
          continue;
        }
      check_popover_words (button, words);
    }
}

/* The states of the sections */

typedef enum {
  CHECK_LAYOUT,
  CHECK_WORDS,
} Check;

typedef struct
{
  Check       check;
  const char *section;
  Size        size;
  GPtrArray  *failures;
  Words       words;
} Run;

static void
check_state (Run        *run,
             RkWindow   *window,
             GtkWidget  *page,
             const char *state)
{
  g_autofree char *what = g_strdup_printf ("%s %d×%d, %s", run->section,
                                           run->size.width, run->size.height, state);

  settle (GTK_WIDGET (window));
  g_test_message ("Checking %s", what);
  if (run->check == CHECK_LAYOUT)
    check_layout (window, what, run->failures);
  else
    check_words (window, page, what, &run->words);
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

/* Opens the first row of a board list, as a click does. */
static void
open_first_row (GtkStack   *modes,
                const char *mode)
{
  GtkListBox *list;
  GtkListBoxRow *row;

  gtk_stack_set_visible_child_name (modes, mode);
  list = GTK_LIST_BOX (find_widget (gtk_stack_get_child_by_name (modes, mode), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  gtk_list_box_select_row (list, row);
  g_signal_emit_by_name (list, "row-activated", row);
}

static void
visit_states (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = rk_database_open (database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  RkWindow *window;
  GtkWidget *page;
  GdkSurface *surface;

  g_assert_no_error (error);
  window = g_object_new (RK_TYPE_WINDOW, "database", db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), run->size.width, run->size.height);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", run->section);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle (GTK_WIDGET (window));
  /* The default size counts what the window draws around itself (on X11
   * without a compositor, a border to resize it by): add that, where the
   * screen has room for it. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * run->size.width - gtk_widget_get_width (GTK_WIDGET (window)),
                               2 * run->size.height - gtk_widget_get_height (GTK_WIDGET (window)));
  settle (GTK_WIDGET (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (run->check == CHECK_LAYOUT &&
      (gtk_widget_get_width (GTK_WIDGET (window)) != run->size.width ||
       gtk_widget_get_height (GTK_WIDGET (window)) != run->size.height) &&
      (gdk_surface_get_width (surface) != run->size.width ||
       gdk_surface_get_height (surface) != run->size.height))
    g_ptr_array_add (run->failures,
                     g_strdup_printf ("%s: the window is %d×%d, not %d×%d", run->section,
                                      gtk_widget_get_width (GTK_WIDGET (window)),
                                      gtk_widget_get_height (GTK_WIDGET (window)),
                                      run->size.width, run->size.height));
  page = find_page (window, run->section);
  g_assert_nonnull (page);

  check_state (run, window, page, "the list");

  if (g_str_equal (run->section, "projects"))
    {
      g_autoptr(RkRecordList) list = rk_project_list_new (db);
      g_autofree char *id = first_id (list);

      rk_projects_page_select (RK_PROJECTS_PAGE (page), id);
      check_state (run, window, page, "a project open");
    }
  else if (g_str_equal (run->section, "partners"))
    {
      g_autoptr(RkRecordList) list = rk_organisation_list_new (db);
      g_autofree char *id = first_id (list);

      rk_partners_page_select (RK_PARTNERS_PAGE (page), id);
      check_state (run, window, page, "an organisation open");
    }
  else if (g_str_equal (run->section, "board"))
    {
      g_autoptr(RkRecordList) list = rk_note_list_new (db);
      g_autofree char *id = first_id (list);
      GtkStack *modes = find_mode_stack (page);

      rk_board_page_open_note (RK_BOARD_PAGE (page), id);
      check_state (run, window, page, "a note open");

      g_assert_nonnull (modes);
      if (run->size.width == NARROW_WIDTH)
        gtk_widget_activate_action (page, "board.back", NULL);
      open_first_row (modes, "members");
      check_state (run, window, page, "a member open");

      if (run->size.width == NARROW_WIDTH)
        gtk_widget_activate_action (page, "board.back", NULL);
      open_first_row (modes, "meetings");
      check_state (run, window, page, "a meeting open");
    }
  else if (g_str_equal (run->section, "reports"))
    {
      g_autoptr(RkReport) report = rk_report_find_latest (db, &error);

      g_assert_no_error (error);
      g_assert_nonnull (report);
      GtkWidget *entry;

      rk_reports_page_select (RK_REPORTS_PAGE (page), rk_report_get_id (report));
      check_state (run, window, page, "a report open");

      entry = find_widget (page, ADW_TYPE_EXPANDER_ROW);
      g_assert_nonnull (entry);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (entry), TRUE);
      check_state (run, window, page, "a report entry expanded");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_layout (gconstpointer data)
{
  const char *section = data;
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Run run = { CHECK_LAYOUT, section, sizes[i], failures, { NULL, NULL, NULL } };

      visit_states (&run);
    }

  /* Every failure is listed, and the other sections still run. */
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (failures, i));
  if (failures->len > 0)
    g_test_fail ();
}

static void
test_words (gconstpointer data)
{
  const char *section = data;
  gboolean german = g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de");
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = rk_database_open (database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) data_strings = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char **list = NULL;

  g_assert_no_error (error);
  data_strings = collect_data_strings (db);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Run run = { CHECK_WORDS, section, sizes[i], NULL,
                  { data_strings, german ? english_words : german_words, found, 0 } };

      visit_states (&run);
      g_assert_cmpuint (run.words.n_main_menus, >, 0);
    }

  list = (char **) g_hash_table_get_keys_as_array (found, NULL);
  for (guint i = 0; list[i] != NULL; i++)
    g_test_message ("%s word %s", german ? "English" : "German", list[i]);
  if (g_hash_table_size (found) > 0)
    g_test_fail ();
}

static void
make_example_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(RkReport) report = NULL;
  g_autoptr(RkRecordList) list = NULL;

  database_path = rk_test_new_database_path ();
  db = rk_database_open (database_path, RK_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (rk_example_load (db, &error));
  g_assert_no_error (error);

  /* The example projects are all proposals: one in each status, so that
   * the longest status ("Umsetzbarkeit und Finanzierbarkeit werden
   * geprüft") shows as well. */
  list = rk_project_list_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, RK_N_STATUSES);
  for (guint i = 0; i < RK_N_STATUSES; i++)
    {
      g_autoptr(RkProject) project = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_object_set (project, "status", i, NULL);
      g_assert_true (rk_project_save (project, db, &error));
      g_assert_no_error (error);
    }

  /* The example data has no report: one as the Reports section makes it. */
  report = rk_report_create (db, "Fortschrittsbericht 2024", "2024-12-31", &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = NULL;
  int status;

  /* Translations from the build tree, where the tests can find them. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_log_set_writer_func (log_writer, NULL, NULL);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database in
   * XDG_DATA_DIRS, and without it no SVG icon loads. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  /* A warning fails the test that caused it, with the others it finds,
   * rather than ending the run; criticals still end it. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  adw_init ();
  /* What AdwApplication does for the app: its icons and style sheet. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PATH "/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_warnings = g_ptr_array_new_with_free_func (g_free);

  make_example_database ();

  for (guint i = 0; i < RK_N_SECTIONS; i++)
    {
      g_autofree char *layout = g_strdup_printf ("/layout/%s", rk_sections[i]);
      g_autofree char *words = g_strdup_printf ("/language/%s", rk_sections[i]);

      g_test_add_data_func (layout, rk_sections[i], test_layout);
      g_test_add_data_func (words, rk_sections[i], test_words);
    }

  rk_test_add_objects_left_check ();
  status = g_test_run ();
  rk_test_remove_dirs ();
  return status;
}
