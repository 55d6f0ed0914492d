/* rk-board-page.c: the Advisory Board section, list beside detail
 *
 * The list side shows the notes, newest first, under the heading of their
 * meeting or, without one, of their month; they are searched and filtered
 * by author and by project in SQLite, and rows are built as they scroll
 * into view. Two more lists hold the members, current and former, and the
 * meetings. Whatever is chosen opens in its editor beside the list, or
 * over it when the window is narrow; edits save themselves, and deleting
 * shows a toast with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-board-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rk-board-page.h"
#include "rk-board.h"
#include "rk-format.h"
#include "rk-meeting-editor.h"
#include "rk-member-editor.h"
#include "rk-note-editor.h"
#include "rk-note-list.h"
#include "rk-note-row.h"
#include "rk-project-chooser.h"
#include "rk-project.h"
#include "rk-toast.h"

typedef enum {
  DETAIL_NONE,
  DETAIL_NOTE,
  DETAIL_MEMBER,
  DETAIL_MEETING,
} DetailKind;

struct _RkBoardPage
{
  GtkWidget           parent_instance;

  RkDatabase         *db;
  RkRecordList       *notes;
  GtkSingleSelection *selection;
  char               *selected_note_id;
  GListStore         *members;          /* RkBoardMember, current ones first */
  GListStore         *meetings;         /* RkMeeting, newest first */
  GHashTable         *member_names;     /* key → name */
  GHashTable         *meeting_by_id;    /* key → RkMeeting */
  GStrv               author_ids;       /* the author filter's choices after "All" */
  char               *author_filter_id;
  char               *project_filter_id;
  char               *meeting_filter_id;
  char               *today;
  GHashTable         *bound;            /* GtkListItem of the note rows on screen */
  DetailKind          detail;
  GObject            *titled;           /* what the detail title follows */
  guint               rows_refresh_id;
  guint               lists_refresh_id;
  gboolean            syncing;          /* selections set by code, not by the user */

  AdwLeaflet         *leaflet;
  GtkStack           *mode_stack;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *notes_stack;
  GtkListView        *notes_view;
  GtkLabel           *members_count_label;
  GtkStack           *members_stack;
  GtkListBox         *members_list;
  GtkLabel           *meetings_count_label;
  GtkStack           *meetings_stack;
  GtkListBox         *meetings_list;
  GtkButton          *back_button;
  GtkLabel           *detail_title;
  GtkButton          *delete_button;
  GtkStack           *detail_stack;
  RkNoteEditor       *note_editor;
  RkMemberEditor     *member_editor;
  RkMeetingEditor    *meeting_editor;
  GtkDropDown        *author_filter;
  GtkLabel           *project_filter_label;
  GtkButton          *project_filter_clear;
  RkProjectChooser   *project_filter_chooser;
};

G_DEFINE_FINAL_TYPE (RkBoardPage, rk_board_page, GTK_TYPE_WIDGET)

enum {
  OPEN_PROJECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload_lists (RkBoardPage *self);

static gboolean
current_can_undo (RkBoardPage *self)
{
  switch (self->detail)
    {
    case DETAIL_NOTE:
      return rk_note_editor_can_undo (self->note_editor);
    case DETAIL_MEMBER:
      return rk_member_editor_can_undo (self->member_editor);
    case DETAIL_MEETING:
      return rk_meeting_editor_can_undo (self->meeting_editor);
    case DETAIL_NONE:
    default:
      return FALSE;
    }
}

static void
update_actions (RkBoardPage *self)
{
  gboolean writable = self->db != NULL && !rk_database_get_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new-note", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new-member", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.new-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete", writable && self->detail != DETAIL_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo", writable && current_can_undo (self));
}

/* Notes: what the list shows */

static const char *
member_name (RkBoardPage *self,
             const char  *member_id)
{
  return member_id != NULL ? g_hash_table_lookup (self->member_names, member_id) : NULL;
}

static char *
project_title (RkBoardPage *self,
               const char  *project_id)
{
  g_autoptr(RkProject) project = NULL;

  if (project_id == NULL || self->db == NULL)
    return NULL;
  project = rk_project_load (self->db, project_id, NULL);
  if (project == NULL)
    return NULL;
  return g_strdup (*rk_project_get_title (project) != '\0' ? rk_project_get_title (project)
                                                           : _("Untitled Project"));
}

static void
update_count (RkBoardPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) filters = g_ptr_array_new_with_free_func (g_free);
  guint shown = 0, total = 0;

  if (self->notes != NULL)
    {
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
      total = rk_record_list_get_n_total (self->notes);
    }

  /* Translators: "3 of 73 notes" */
  g_string_printf (text, ngettext ("%u of %u note", "%u of %u notes", total), shown, total);

  /* The filters in force, so a short list is never a mystery. */
  if (member_name (self, self->author_filter_id) != NULL)
    /* Translators: a filter of the notes list, by author */
    g_ptr_array_add (filters, g_strdup_printf (_("written by %s"),
                                               member_name (self, self->author_filter_id)));
  if (self->project_filter_id != NULL)
    {
      g_autofree char *title = project_title (self, self->project_filter_id);

      /* Translators: a filter of the notes list, by project */
      g_ptr_array_add (filters, g_strdup_printf (_("on “%s”"), title != NULL ? title : ""));
    }
  if (self->meeting_filter_id != NULL && g_hash_table_contains (self->meeting_by_id, self->meeting_filter_id))
    {
      g_autofree char *label = rk_meeting_dup_label (g_hash_table_lookup (self->meeting_by_id,
                                                                          self->meeting_filter_id));

      /* Translators: a filter of the notes list, by meeting */
      g_ptr_array_add (filters, g_strdup_printf (_("of the meeting %s"), label));
    }
  for (guint i = 0; i < filters->len; i++)
    g_string_append_printf (text, ", %s", (const char *) g_ptr_array_index (filters, i));

  gtk_label_set_text (self->count_label, text->str);
  gtk_stack_set_visible_child_name (self->notes_stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
}

/* A note's group: its meeting, or else the month of its date. */
static char *
group_key (RkBoardPage *self,
           RkNote      *note)
{
  const char *meeting_id = rk_note_get_meeting_id (note);
  const char *date = rk_note_get_date (note);

  if (meeting_id != NULL && g_hash_table_contains (self->meeting_by_id, meeting_id))
    return g_strconcat ("meeting:", meeting_id, NULL);
  return g_strdup_printf ("month:%.7s", date != NULL ? date : "");
}

static char *
group_heading (RkBoardPage *self,
               RkNote      *note)
{
  const char *meeting_id = rk_note_get_meeting_id (note);
  RkMeeting *meeting = meeting_id != NULL ? g_hash_table_lookup (self->meeting_by_id, meeting_id) : NULL;
  g_autoptr(GDateTime) month = NULL;
  int y, m;

  if (meeting != NULL)
    return rk_meeting_dup_label (meeting);

  if (rk_note_get_date (note) == NULL ||
      sscanf (rk_note_get_date (note), "%d-%d", &y, &m) != 2 ||
      (month = g_date_time_new_local (y, m, 1, 0, 0, 0)) == NULL)
    return g_strdup ("");

  /* The month as a heading, in the nominative: “October 2018”. */
  return g_date_time_format (month, "%OB %Y");
}

static char *
note_details (RkBoardPage *self,
              RkNote      *note)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_projects = g_strv_length ((GStrv) rk_note_get_project_ids (note));

  g_ptr_array_add (parts, rk_format_date (rk_note_get_date (note)));
  if (member_name (self, rk_note_get_author_id (note)) != NULL)
    g_ptr_array_add (parts, g_strdup (member_name (self, rk_note_get_author_id (note))));
  if (n_projects > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u project", "%u projects", n_projects), n_projects));
  if (rk_note_get_is_example (note))
    g_ptr_array_add (parts, g_strdup (_("Example data")));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (GStrv) parts->pdata);
}

static void
update_note_row (RkBoardPage *self,
                 GtkListItem *item)
{
  RkNote *note = gtk_list_item_get_item (item);
  RkNoteRow *row = RK_NOTE_ROW (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  g_autoptr(RkNote) previous = NULL;
  g_autofree char *key = NULL;
  g_autofree char *previous_key = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *details = NULL;

  if (note == NULL || self->notes == NULL)
    return;

  /* A row opens a group when the note above belongs to another one. */
  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    previous = g_list_model_get_item (G_LIST_MODEL (self->notes), position - 1);
  key = group_key (self, note);
  if (previous != NULL)
    previous_key = group_key (self, previous);
  if (g_strcmp0 (key, previous_key) != 0)
    heading = group_heading (self, note);
  details = note_details (self, note);

  rk_note_row_set_note (row, note);
  rk_note_row_set_heading (row, heading);
  rk_note_row_set_details (row, details);
}

static gboolean
rows_refresh_cb (gpointer user_data)
{
  RkBoardPage *self = user_data;
  GHashTableIter iter;
  gpointer item;

  self->rows_refresh_id = 0;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_note_row (self, item);

  return G_SOURCE_REMOVE;
}

/* Headings depend on the neighbours, so any move or change of a note
 * refreshes the rows on screen, once per main loop turn. */
static void
queue_rows_refresh (RkBoardPage *self)
{
  if (self->rows_refresh_id == 0)
    self->rows_refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rows_refresh_cb, self, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RkBoardPage              *self)
{
  gtk_list_item_set_child (item, rk_note_row_new ());
  g_signal_connect_object (item, "notify::position", G_CALLBACK (queue_rows_refresh),
                           self, G_CONNECT_SWAPPED);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RkBoardPage              *self)
{
  RkNote *note = gtk_list_item_get_item (item);

  g_hash_table_add (self->bound, item);
  g_signal_connect_object (note, "notify", G_CALLBACK (queue_rows_refresh), self, G_CONNECT_SWAPPED);
  update_note_row (self, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RkBoardPage              *self)
{
  RkNote *note = gtk_list_item_get_item (item);

  g_hash_table_remove (self->bound, item);
  if (note != NULL)
    g_signal_handlers_disconnect_by_func (note, queue_rows_refresh, self);
  rk_note_row_set_note (RK_NOTE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The detail side */

static void
update_detail_title (RkBoardPage *self)
{
  g_autofree char *title = NULL;

  switch (self->detail)
    {
    case DETAIL_NOTE:
      title = g_strdup (*rk_note_get_title (RK_NOTE (self->titled)) != '\0'
                        ? rk_note_get_title (RK_NOTE (self->titled)) : _("Untitled Note"));
      break;
    case DETAIL_MEMBER:
      title = g_strdup (rk_board_member_get_name (RK_BOARD_MEMBER (self->titled)));
      break;
    case DETAIL_MEETING:
      title = rk_meeting_dup_label (RK_MEETING (self->titled));
      break;
    case DETAIL_NONE:
    default:
      break;
    }

  gtk_label_set_text (self->detail_title, title != NULL ? title : "");
}

static void
unselect_lists (RkBoardPage *self,
                DetailKind   keep)
{
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;
  if (keep != DETAIL_NOTE && self->selection != NULL)
    {
      g_clear_pointer (&self->selected_note_id, g_free);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  if (keep != DETAIL_MEMBER)
    gtk_list_box_unselect_all (self->members_list);
  if (keep != DETAIL_MEETING)
    gtk_list_box_unselect_all (self->meetings_list);
  self->syncing = was_syncing;
}

/* Shows @object in its editor; leaving a record stores what is pending
 * for it. */
static void
show_detail (RkBoardPage *self,
             DetailKind   kind,
             gpointer     object)
{
  static const char * const pages[] = { "none", "note", "member", "meeting" };
  const char *delete_label = _("Delete");

  if (object == NULL)
    kind = DETAIL_NONE;

  if (kind != DETAIL_NOTE)
    rk_note_editor_set_note (self->note_editor, NULL);
  if (kind != DETAIL_MEMBER)
    rk_member_editor_set_member (self->member_editor, NULL);
  if (kind != DETAIL_MEETING)
    rk_meeting_editor_set_meeting (self->meeting_editor, NULL);
  unselect_lists (self, kind);

  if (self->titled != NULL)
    g_signal_handlers_disconnect_by_func (self->titled, update_detail_title, self);
  g_clear_object (&self->titled);

  switch (kind)
    {
    case DETAIL_NOTE:
      rk_note_editor_set_note (self->note_editor, object);
      g_signal_connect_object (object, "notify::title", G_CALLBACK (update_detail_title),
                               self, G_CONNECT_SWAPPED);
      delete_label = _("Delete Note");
      break;
    case DETAIL_MEMBER:
      rk_member_editor_set_member (self->member_editor, object);
      g_signal_connect_object (object, "notify::name", G_CALLBACK (update_detail_title),
                               self, G_CONNECT_SWAPPED);
      delete_label = _("Delete Board Member");
      break;
    case DETAIL_MEETING:
      rk_meeting_editor_set_meeting (self->meeting_editor, object);
      g_signal_connect_object (object, "notify", G_CALLBACK (update_detail_title),
                               self, G_CONNECT_SWAPPED);
      delete_label = _("Delete Meeting");
      break;
    case DETAIL_NONE:
    default:
      break;
    }

  self->detail = kind;
  self->titled = object != NULL ? g_object_ref (object) : NULL;
  gtk_stack_set_visible_child_name (self->detail_stack, pages[kind]);

  {
    /* Translators: a button's tooltip, with its key in brackets */
    g_autofree char *tooltip = g_strdup_printf (_("%s (Delete)"), delete_label);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  }

  update_detail_title (self);
  update_actions (self);
}

static void
on_note_selection_changed_cb (RkBoardPage *self)
{
  RkNote *note = gtk_single_selection_get_selected_item (self->selection);
  guint position;

  if (self->syncing)
    return;

  /* A refresh may drop the selection for a moment: the open note stays
   * open and selected wherever it moved. */
  if (note == NULL && self->selected_note_id != NULL &&
      rk_record_list_find (self->notes, self->selected_note_id, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      return;
    }

  g_free (self->selected_note_id);
  self->selected_note_id = note != NULL ? g_strdup (rk_note_get_id (note)) : NULL;
  if (note != NULL)
    show_detail (self, DETAIL_NOTE, note);
  else if (self->detail == DETAIL_NOTE)
    show_detail (self, DETAIL_NONE, NULL);
}

static gboolean
select_note (RkBoardPage *self,
             const char  *note_id)
{
  guint position;

  if (self->notes == NULL || !rk_record_list_find (self->notes, note_id, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->notes_view), "list.scroll-to-item", "u", position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

static void
on_note_activate_cb (RkBoardPage *self,
                     guint        position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_items_changed_cb (RkBoardPage *self)
{
  update_count (self);
  queue_rows_refresh (self);
}

/* Members and meetings */

static void
set_row_label (GtkWidget  *row,
               const char *title,
               const char *details)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *details_label = gtk_label_new (details);
  g_autofree char *accessible = g_strjoin (", ", title, details, NULL);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (details_label), 0);
  gtk_label_set_wrap (GTK_LABEL (details_label), TRUE);
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_widget_add_css_class (details_label, "caption");
  gtk_widget_set_visible (details_label, *details != '\0');
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), details_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static char *
membership_period (RkBoardMember *member)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (rk_board_member_get_active_from (member) != NULL)
    from = rk_format_date (rk_board_member_get_active_from (member));
  if (rk_board_member_get_active_to (member) != NULL)
    to = rk_format_date (rk_board_member_get_active_to (member));

  if (from != NULL && to != NULL)
    /* Translators: a membership from one date to another */
    return g_strdup_printf (_("%s to %s"), from, to);
  if (from != NULL)
    /* Translators: a membership that began on a date and lasts */
    return g_strdup_printf (_("since %s"), from);
  if (to != NULL)
    /* Translators: a membership that ended on a date */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  RkBoardMember *member = item;
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *details = NULL;
  char *period;

  if (*rk_board_member_get_function (member) != '\0')
    g_ptr_array_add (parts, g_strdup (rk_board_member_get_function (member)));
  if (*rk_board_member_get_organisation (member) != '\0')
    g_ptr_array_add (parts, g_strdup (rk_board_member_get_organisation (member)));
  if ((period = membership_period (member)) != NULL)
    g_ptr_array_add (parts, period);
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (GStrv) parts->pdata);

  set_row_label (row, rk_board_member_get_name (member), details);
  return row;
}

static void
member_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  RkBoardPage *self = user_data;
  g_autoptr(RkBoardMember) member = g_list_model_get_item (G_LIST_MODEL (self->members),
                                                           gtk_list_box_row_get_index (row));
  g_autoptr(RkBoardMember) previous = NULL;
  gboolean current;
  GtkWidget *header;

  if (member == NULL)
    return;
  current = rk_board_member_is_current (member, self->today);
  if (before != NULL)
    previous = g_list_model_get_item (G_LIST_MODEL (self->members), gtk_list_box_row_get_index (before));

  /* The current members come first, then the former ones. */
  if (previous != NULL && rk_board_member_is_current (previous, self->today) == current)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (current ? _("Current Members") : _("Former Members"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, previous != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  RkMeeting *meeting = item;
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_present = g_strv_length ((GStrv) rk_meeting_get_member_ids (meeting));
  g_autofree char *details = NULL;

  g_ptr_array_add (parts, rk_format_date (rk_meeting_get_date (meeting)));
  if (*rk_meeting_get_place (meeting) != '\0')
    g_ptr_array_add (parts, g_strdup (rk_meeting_get_place (meeting)));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u member present", "%u members present", n_present),
                                           n_present));
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (GStrv) parts->pdata);

  set_row_label (row, *rk_meeting_get_title (meeting) != '\0' ? rk_meeting_get_title (meeting)
                                                              : _("Untitled Meeting"),
                 details);
  return row;
}

static int
find_member (RkBoardPage *self,
             const char  *member_id)
{
  for (guint i = 0; member_id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (g_strcmp0 (rk_board_member_get_id (member), member_id) == 0)
        return i;
    }
  return -1;
}

static int
find_meeting (RkBoardPage *self,
              const char  *meeting_id)
{
  for (guint i = 0; meeting_id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->meetings)); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);

      if (g_strcmp0 (rk_meeting_get_id (meeting), meeting_id) == 0)
        return i;
    }
  return -1;
}

static void
on_member_selected_cb (RkBoardPage   *self,
                       GtkListBoxRow *row)
{
  g_autoptr(RkBoardMember) member = NULL;
  RkBoardMember *shown;

  if (self->syncing || row == NULL)
    return;

  shown = rk_member_editor_get_member (self->member_editor);

  member = g_list_model_get_item (G_LIST_MODEL (self->members), gtk_list_box_row_get_index (row));
  /* The list is read anew after each change; the editor keeps its own. */
  if (member == NULL || (shown != NULL && g_strcmp0 (rk_board_member_get_id (shown),
                                                     rk_board_member_get_id (member)) == 0))
    return;
  show_detail (self, DETAIL_MEMBER, member);
}

static void
on_meeting_selected_cb (RkBoardPage   *self,
                        GtkListBoxRow *row)
{
  g_autoptr(RkMeeting) meeting = NULL;
  RkMeeting *shown;

  if (self->syncing || row == NULL)
    return;

  shown = rk_meeting_editor_get_meeting (self->meeting_editor);

  meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), gtk_list_box_row_get_index (row));
  if (meeting == NULL || (shown != NULL && g_strcmp0 (rk_meeting_get_id (shown),
                                                      rk_meeting_get_id (meeting)) == 0))
    return;
  show_detail (self, DETAIL_MEETING, meeting);
}

static void
on_row_activated_cb (RkBoardPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
select_member (RkBoardPage *self,
               const char  *member_id)
{
  int index = find_member (self, member_id);

  if (index >= 0)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "members");
      gtk_list_box_select_row (self->members_list,
                               gtk_list_box_get_row_at_index (self->members_list, index));
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
select_meeting (RkBoardPage *self,
                const char  *meeting_id)
{
  int index = find_meeting (self, meeting_id);

  if (index >= 0)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "meetings");
      gtk_list_box_select_row (self->meetings_list,
                               gtk_list_box_get_row_at_index (self->meetings_list, index));
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

/* Filters */

static void
update_project_filter_label (RkBoardPage *self)
{
  g_autofree char *title = project_title (self, self->project_filter_id);

  gtk_label_set_text (self->project_filter_label, title != NULL ? title : _("All projects"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->project_filter_clear), self->project_filter_id != NULL);
  rk_project_chooser_set_marked (self->project_filter_chooser,
                                 (const char * const []) { self->project_filter_id, NULL });
}

static void
set_project_filter (RkBoardPage *self,
                    const char  *project_id)
{
  rk_set_str (&self->project_filter_id, project_id);
  if (self->notes != NULL)
    rk_note_list_set_project_id (self->notes, project_id);
  update_project_filter_label (self);
  update_count (self);
}

static void
set_meeting_filter (RkBoardPage *self,
                    const char  *meeting_id)
{
  rk_set_str (&self->meeting_filter_id, meeting_id);
  if (self->notes != NULL)
    rk_note_list_set_meeting_id (self->notes, meeting_id);
  update_count (self);
}

static void
on_author_filter_changed_cb (RkBoardPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->author_filter);
  const char *id = NULL;

  if (self->syncing)
    return;

  /* Position 0 is "All authors". */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->author_ids != NULL &&
      selected - 1 < g_strv_length (self->author_ids))
    id = self->author_ids[selected - 1];

  rk_set_str (&self->author_filter_id, id);
  if (self->notes != NULL)
    rk_note_list_set_author_id (self->notes, id);
  update_count (self);
}

static void
select_author_filter (RkBoardPage *self,
                      const char  *member_id)
{
  guint position = 0;

  for (guint i = 0; member_id != NULL && self->author_ids != NULL && self->author_ids[i] != NULL; i++)
    if (g_str_equal (self->author_ids[i], member_id))
      position = i + 1;

  gtk_drop_down_set_selected (self->author_filter, position);
  on_author_filter_changed_cb (self);
}

static void
on_filter_project_chosen_cb (RkBoardPage *self,
                             const char  *project_id)
{
  set_project_filter (self, project_id);
}

static void
on_project_filter_clear_cb (RkBoardPage *self)
{
  set_project_filter (self, NULL);
}

static void
reset_filters (RkBoardPage *self)
{
  select_author_filter (self, NULL);
  set_project_filter (self, NULL);
  set_meeting_filter (self, NULL);
}

static void
clear_search (RkBoardPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->notes != NULL)
    rk_record_list_set_search (self->notes, NULL);
}

/* Reading the members and meetings anew */

static void
fill_author_filter (RkBoardPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *kept = g_strdup (self->author_filter_id);

  gtk_string_list_append (names, _("All authors"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->members)); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      gtk_string_list_append (names, rk_board_member_get_name (member));
      g_strv_builder_add (ids, rk_board_member_get_id (member));
    }

  g_strfreev (self->author_ids);
  self->author_ids = g_strv_builder_end (ids);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->author_filter, G_LIST_MODEL (names));
  self->syncing = FALSE;

  /* The chosen author stays chosen; a deleted one means all again. */
  select_author_filter (self, kept);
}

static void
reload_lists (RkBoardPage *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *members_text = NULL;
  g_autofree char *meetings_text = NULL;
  RkBoardMember *shown_member = rk_member_editor_get_member (self->member_editor);
  RkMeeting *shown_meeting = rk_meeting_editor_get_meeting (self->meeting_editor);
  guint n_members = 0, n_meetings = 0;
  int index;

  g_clear_handle_id (&self->lists_refresh_id, g_source_remove);
  g_hash_table_remove_all (self->member_names);
  g_hash_table_remove_all (self->meeting_by_id);
  g_free (self->today);
  self->today = rk_today ();

  if (self->db != NULL)
    {
      members = rk_database_list_board_members (self->db, &error);
      if (members == NULL)
        {
          rk_toast_show_error (GTK_WIDGET (self), error);
          g_clear_error (&error);
        }
      meetings = rk_database_list_meetings (self->db, &error);
      if (meetings == NULL)
        rk_toast_show_error (GTK_WIDGET (self), error);
    }

  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (members, i);

      g_hash_table_insert (self->member_names, g_strdup (rk_board_member_get_id (member)),
                           g_strdup (rk_board_member_get_name (member)));
    }
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);

      g_hash_table_insert (self->meeting_by_id, g_strdup (rk_meeting_get_id (meeting)),
                           g_object_ref (meeting));
    }

  self->syncing = TRUE;
  n_members = members != NULL ? g_list_model_get_n_items (members) : 0;
  n_meetings = meetings != NULL ? g_list_model_get_n_items (meetings) : 0;
  g_list_store_remove_all (self->members);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(GObject) member = g_list_model_get_item (members, i);
      g_list_store_append (self->members, member);
    }
  g_list_store_remove_all (self->meetings);
  for (guint i = 0; i < n_meetings; i++)
    {
      g_autoptr(GObject) meeting = g_list_model_get_item (meetings, i);
      g_list_store_append (self->meetings, meeting);
    }

  /* What the editors show stays selected; what was deleted elsewhere,
   * such as the example data, is no longer shown. */
  if (self->detail == DETAIL_MEMBER && shown_member != NULL)
    {
      if ((index = find_member (self, rk_board_member_get_id (shown_member))) >= 0)
        gtk_list_box_select_row (self->members_list,
                                 gtk_list_box_get_row_at_index (self->members_list, index));
      else
        show_detail (self, DETAIL_NONE, NULL);
    }
  if (self->detail == DETAIL_MEETING && shown_meeting != NULL)
    {
      if ((index = find_meeting (self, rk_meeting_get_id (shown_meeting))) >= 0)
        gtk_list_box_select_row (self->meetings_list,
                                 gtk_list_box_get_row_at_index (self->meetings_list, index));
      else
        show_detail (self, DETAIL_NONE, NULL);
    }
  self->syncing = FALSE;

  members_text = g_strdup_printf (ngettext ("%u member", "%u members", n_members), n_members);
  gtk_label_set_text (self->members_count_label, members_text);
  gtk_stack_set_visible_child_name (self->members_stack, n_members > 0 ? "list" : "empty");
  meetings_text = g_strdup_printf (ngettext ("%u meeting", "%u meetings", n_meetings), n_meetings);
  gtk_label_set_text (self->meetings_count_label, meetings_text);
  gtk_stack_set_visible_child_name (self->meetings_stack, n_meetings > 0 ? "list" : "empty");

  fill_author_filter (self);
  if (self->meeting_filter_id != NULL &&
      !g_hash_table_contains (self->meeting_by_id, self->meeting_filter_id))
    set_meeting_filter (self, NULL);
  update_count (self);
  queue_rows_refresh (self);
}

static gboolean
lists_refresh_cb (gpointer user_data)
{
  RkBoardPage *self = user_data;

  self->lists_refresh_id = 0;
  reload_lists (self);
  return G_SOURCE_REMOVE;
}

static void
on_board_changed_cb (RkBoardPage *self)
{
  /* A batch of changes is one reload. */
  if (self->lists_refresh_id == 0)
    self->lists_refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, lists_refresh_cb, self, NULL);
}

static void
on_project_changed_cb (RkBoardPage *self)
{
  /* A project that is gone filters nothing any more. */
  if (self->project_filter_id != NULL && self->db != NULL)
    {
      g_autoptr(RkProject) project = rk_project_load (self->db, self->project_filter_id, NULL);

      if (project == NULL)
        set_project_filter (self, NULL);
    }
  update_project_filter_label (self);
  update_count (self);
}

/* Template callbacks */

static void
on_folded_changed_cb (RkBoardPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_mode_changed_cb (RkBoardPage *self)
{
  update_actions (self);
}

static void
on_search_changed_cb (RkBoardPage *self)
{
  if (self->notes != NULL)
    rk_record_list_set_search (self->notes, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (RkBoardPage *self)
{
  /* Enter opens the first hit. */
  on_search_changed_cb (self);
  if (self->notes != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->notes)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_stop_search_cb (RkBoardPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_open_project_cb (RkBoardPage *self,
                    const char  *project_id)
{
  g_signal_emit (self, signals[OPEN_PROJECT], 0, project_id);
}

static void
on_open_note_cb (RkBoardPage *self,
                 const char  *note_id)
{
  g_autofree char *id = g_strdup (note_id);

  rk_board_page_open_note (self, id);
}

static void
on_open_meeting_cb (RkBoardPage *self,
                    const char  *meeting_id)
{
  g_autofree char *id = g_strdup (meeting_id);

  select_meeting (self, id);
}

static void
show_notes_filtered (RkBoardPage *self,
                     const char  *author_id,
                     const char  *project_id,
                     const char  *meeting_id)
{
  rk_board_page_flush (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "notes");
  clear_search (self);
  select_author_filter (self, author_id);
  set_project_filter (self, project_id);
  set_meeting_filter (self, meeting_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_show_member_notes_cb (RkBoardPage *self,
                         const char  *member_id)
{
  g_autofree char *id = g_strdup (member_id);

  show_notes_filtered (self, id, NULL, NULL);
}

static void
on_show_meeting_notes_cb (RkBoardPage *self,
                          const char  *meeting_id)
{
  g_autofree char *id = g_strdup (meeting_id);

  show_notes_filtered (self, NULL, NULL, id);
}

/* Creating */

static void
create_note (RkBoardPage *self,
             RkMeeting   *meeting)
{
  g_autoptr(RkNote) note = rk_note_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rk_today ();

  if (self->db == NULL)
    return;

  rk_board_page_flush (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "notes");
  clear_search (self);
  reset_filters (self);

  g_object_set (note,
                "title", _("New Note"),
                "date", meeting != NULL ? rk_meeting_get_date (meeting) : today,
                "meeting-id", meeting != NULL ? rk_meeting_get_id (meeting) : NULL,
                NULL);
  if (!rk_note_insert (note, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->notes, NULL);
  select_note (self, rk_note_get_id (note));
  rk_note_editor_focus_title (self->note_editor);
}

static void
on_new_meeting_note_cb (RkBoardPage *self,
                        const char  *meeting_id)
{
  g_autoptr(RkMeeting) meeting = NULL;

  if (self->db == NULL)
    return;
  meeting = rk_meeting_load (self->db, meeting_id, NULL);
  if (meeting != NULL)
    create_note (self, meeting);
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rk_board_page_new_note (RK_BOARD_PAGE (widget));
}

static void
new_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RkBoardPage *self = RK_BOARD_PAGE (widget);
  g_autoptr(RkBoardMember) member = rk_board_member_new ();
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;

  rk_board_page_flush (self);
  g_object_set (member, "name", _("New Board Member"), NULL);
  if (!rk_board_member_insert (member, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  reload_lists (self);
  select_member (self, rk_board_member_get_id (member));
  rk_member_editor_focus_name (self->member_editor);
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RkBoardPage *self = RK_BOARD_PAGE (widget);
  g_autoptr(RkMeeting) meeting = rk_meeting_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *today = rk_today ();

  if (self->db == NULL)
    return;

  rk_board_page_flush (self);
  g_object_set (meeting, "date", today, "title", _("New Meeting"), NULL);
  if (!rk_meeting_insert (meeting, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  reload_lists (self);
  select_meeting (self, rk_meeting_get_id (meeting));
  rk_meeting_editor_focus_title (self->meeting_editor);
}

/* Deleting, with Undo */

static void
on_undo_delete_cb (AdwToast    *toast,
                   RkBoardPage *self)
{
  RkSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  DetailKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "kind"));
  const char *id = g_object_get_data (G_OBJECT (toast), "id");
  g_autoptr(GError) error = NULL;

  if (self->db == NULL)
    return;

  if (!rk_snapshot_restore (snapshot, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  reload_lists (self);
  switch (kind)
    {
    case DETAIL_NOTE:
      rk_board_page_open_note (self, id);
      break;
    case DETAIL_MEMBER:
      select_member (self, id);
      break;
    case DETAIL_MEETING:
      select_meeting (self, id);
      break;
    case DETAIL_NONE:
    default:
      break;
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkBoardPage *self = RK_BOARD_PAGE (widget);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  DetailKind kind = self->detail;
  AdwToast *toast;
  gboolean deleted = FALSE;

  switch (kind)
    {
    case DETAIL_NOTE:
      {
        RkNote *note = rk_note_editor_get_note (self->note_editor);

        rk_note_editor_flush (self->note_editor);
        id = g_strdup (rk_note_get_id (note));
        name = g_strdup (*rk_note_get_title (note) != '\0' ? rk_note_get_title (note) : _("Untitled Note"));
        show_detail (self, DETAIL_NONE, NULL);
        deleted = rk_note_delete (self->db, id, &snapshot, &error);
      }
      break;

    case DETAIL_MEMBER:
      {
        RkBoardMember *member = rk_member_editor_get_member (self->member_editor);

        rk_member_editor_flush (self->member_editor);
        id = g_strdup (rk_board_member_get_id (member));
        name = g_strdup (rk_board_member_get_name (member));
        show_detail (self, DETAIL_NONE, NULL);
        deleted = rk_board_member_delete (self->db, id, &snapshot, &error);
      }
      break;

    case DETAIL_MEETING:
      {
        RkMeeting *meeting = rk_meeting_editor_get_meeting (self->meeting_editor);

        rk_meeting_editor_flush (self->meeting_editor);
        id = g_strdup (rk_meeting_get_id (meeting));
        name = rk_meeting_dup_label (meeting);
        show_detail (self, DETAIL_NONE, NULL);
        deleted = rk_meeting_delete (self->db, id, &snapshot, &error);
      }
      break;

    case DETAIL_NONE:
    default:
      return;
    }

  if (!deleted)
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->notes, NULL);
  reload_lists (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* Translators: %s is the title of a note, the name of a board member or
   * the date and title of a meeting */
  toast = adw_toast_new_format (_("“%s” deleted"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) rk_snapshot_free);
  g_object_set_data (G_OBJECT (toast), "kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (toast), "id", g_steal_pointer (&id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  rk_toast_show (GTK_WIDGET (self), toast);
}

/* Other actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkBoardPage *self = RK_BOARD_PAGE (widget);

  switch (self->detail)
    {
    case DETAIL_NOTE:
      rk_note_editor_undo (self->note_editor);
      break;
    case DETAIL_MEMBER:
      rk_member_editor_undo (self->member_editor);
      break;
    case DETAIL_MEETING:
      rk_meeting_editor_undo (self->meeting_editor);
      break;
    case DETAIL_NONE:
    default:
      break;
    }
  update_actions (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rk_board_page_focus_search (RK_BOARD_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkBoardPage *self = RK_BOARD_PAGE (widget);
  const char *mode;

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    {
      rk_board_page_flush (self);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      mode = gtk_stack_get_visible_child_name (self->mode_stack);
      gtk_widget_grab_focus (g_strcmp0 (mode, "members") == 0 ? GTK_WIDGET (self->members_list)
                             : g_strcmp0 (mode, "meetings") == 0 ? GTK_WIDGET (self->meetings_list)
                             : GTK_WIDGET (self->notes_view));
    }
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  reset_filters (RK_BOARD_PAGE (widget));
}

static void
rk_board_page_dispose (GObject *object)
{
  RkBoardPage *self = (RkBoardPage *) object;

  if (self->note_editor != NULL)
    rk_board_page_flush (self);
  g_clear_handle_id (&self->rows_refresh_id, g_source_remove);
  g_clear_handle_id (&self->lists_refresh_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (self->titled != NULL)
    g_signal_handlers_disconnect_by_func (self->titled, update_detail_title, self);
  g_clear_object (&self->titled);
  if (self->notes_view != NULL)
    gtk_list_view_set_model (self->notes_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_BOARD_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->notes);
  g_clear_object (&self->members);
  g_clear_object (&self->meetings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_board_page_parent_class)->dispose (object);
}

static void
rk_board_page_finalize (GObject *object)
{
  RkBoardPage *self = (RkBoardPage *) object;

  g_free (self->selected_note_id);
  g_free (self->author_filter_id);
  g_free (self->project_filter_id);
  g_free (self->meeting_filter_id);
  g_free (self->today);
  g_strfreev (self->author_ids);
  g_hash_table_unref (self->member_names);
  g_hash_table_unref (self->meeting_by_id);
  g_hash_table_unref (self->bound);

  G_OBJECT_CLASS (rk_board_page_parent_class)->finalize (object);
}

static void
rk_board_page_class_init (RkBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_board_page_dispose;
  object_class->finalize = rk_board_page_finalize;

  /**
   * RkBoardPage::open-project:
   * @project_id: the key of a project a note is linked to
   *
   * Emitted when the user opens a linked project from a note.
   */
  signals[OPEN_PROJECT] =
    g_signal_new ("open-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_NOTE_EDITOR);
  g_type_ensure (RK_TYPE_MEMBER_EDITOR);
  g_type_ensure (RK_TYPE_MEETING_EDITOR);
  g_type_ensure (RK_TYPE_PROJECT_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-board-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, members_count_label);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, members_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, meetings_count_label);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, meetings_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, note_editor);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, member_editor);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, meeting_editor);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, author_filter);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, project_filter_label);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, project_filter_clear);
  gtk_widget_class_bind_template_child (widget_class, RkBoardPage, project_filter_chooser);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_member_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_author_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_project_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_project_filter_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_meeting_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_member_notes_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_meeting_notes_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_meeting_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);

  gtk_widget_class_install_action (widget_class, "board.new-note", NULL, new_note_action);
  gtk_widget_class_install_action (widget_class, "board.new-member", NULL, new_member_action);
  gtk_widget_class_install_action (widget_class, "board.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "board.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "board.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "board.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "board.reset-filters", NULL, reset_filters_action);

  /* In the bubble phase: a text field that uses the key gets it first, so
   * Delete deletes text there and the record only from the lists. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "board.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "board.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "board.new-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "board.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.back", NULL);
}

static void
rk_board_page_init (RkBoardPage *self)
{
  GtkListItemFactory *factory;

  self->members = g_list_store_new (RK_TYPE_BOARD_MEMBER);
  self->meetings = g_list_store_new (RK_TYPE_MEETING);
  self->member_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->meeting_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->bound = g_hash_table_new (NULL, NULL);
  self->today = rk_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->notes_view, factory);
  g_object_unref (factory);

  gtk_list_box_bind_model (self->members_list, G_LIST_MODEL (self->members),
                           create_member_row, self, NULL);
  gtk_list_box_set_header_func (self->members_list, member_header_cb, self, NULL);
  gtk_list_box_bind_model (self->meetings_list, G_LIST_MODEL (self->meetings),
                           create_meeting_row, self, NULL);

  update_project_filter_label (self);
  reload_lists (self);
  update_actions (self);
}

/**
 * rk_board_page_set_database:
 * @db: (nullable): the database to show
 */
void
rk_board_page_set_database (RkBoardPage *self,
                            RkDatabase  *db)
{
  g_return_if_fail (RK_IS_BOARD_PAGE (self));

  show_detail (self, DETAIL_NONE, NULL);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_list_view_set_model (self->notes_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->notes);
  g_set_object (&self->db, db);

  rk_note_editor_set_database (self->note_editor, db);
  rk_member_editor_set_database (self->member_editor, db);
  rk_meeting_editor_set_database (self->meeting_editor, db);
  rk_project_chooser_set_database (self->project_filter_chooser, db);
  g_clear_pointer (&self->author_filter_id, g_free);
  g_clear_pointer (&self->project_filter_id, g_free);
  g_clear_pointer (&self->meeting_filter_id, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (db != NULL)
    {
      self->notes = rk_note_list_new (db);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->notes)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_note_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->notes, "items-changed",
                               G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->notes, "notify::n-total",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->notes_view, GTK_SELECTION_MODEL (self->selection));

      g_signal_connect_object (db, "changed::board_member", G_CALLBACK (on_board_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (db, "changed::meeting", G_CALLBACK (on_board_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (db, "changed::meeting_member", G_CALLBACK (on_board_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (db, "changed::project", G_CALLBACK (on_project_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update_project_filter_label (self);
  reload_lists (self);
  update_count (self);
  update_actions (self);
}

/**
 * rk_board_page_new_note:
 *
 * Writes a new note dated today, shows it and puts the cursor in its
 * title, ready to be typed over. Search and filters are cleared so that
 * it is in sight.
 */
void
rk_board_page_new_note (RkBoardPage *self)
{
  g_return_if_fail (RK_IS_BOARD_PAGE (self));

  create_note (self, NULL);
}

/**
 * rk_board_page_open_note:
 * @note_id: a note's key
 *
 * Shows the note in the notes list and opens it; when the search or the
 * filters hide it, they are cleared.
 */
void
rk_board_page_open_note (RkBoardPage *self,
                         const char  *note_id)
{
  guint position;

  g_return_if_fail (RK_IS_BOARD_PAGE (self));

  if (self->notes == NULL || note_id == NULL)
    return;

  rk_board_page_flush (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "notes");

  /* A note written a moment ago may still wait for the list's refresh. */
  if (!rk_record_list_find (self->notes, note_id, &position))
    rk_record_list_refresh (self->notes, NULL);
  if (!rk_record_list_find (self->notes, note_id, &position))
    {
      clear_search (self);
      reset_filters (self);
    }

  select_note (self, note_id);
}

/**
 * rk_board_page_show_project_notes:
 * @project_id: a project's key
 *
 * Shows the notes list filtered to the notes that concern a project.
 */
void
rk_board_page_show_project_notes (RkBoardPage *self,
                                  const char  *project_id)
{
  g_return_if_fail (RK_IS_BOARD_PAGE (self));

  show_notes_filtered (self, NULL, project_id, NULL);
}

void
rk_board_page_focus_search (RkBoardPage *self)
{
  g_return_if_fail (RK_IS_BOARD_PAGE (self));

  gtk_stack_set_visible_child_name (self->mode_stack, "notes");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rk_board_page_flush:
 *
 * Stores what is pending in the open editor; done when the user leaves
 * the section or closes the window.
 *
 * Returns: %FALSE when something could not be stored
 */
gboolean
rk_board_page_flush (RkBoardPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (RK_IS_BOARD_PAGE (self), TRUE);

  ok &= rk_note_editor_flush (self->note_editor);
  ok &= rk_member_editor_flush (self->member_editor);
  ok &= rk_meeting_editor_flush (self->meeting_editor);
  return ok;
}
