/* rk-project-notes-group.c: the advisory board's notes on a project's page
 *
 * Lists the notes that concern a project, the newest first, as rows that
 * open the note with one click (RkProjectNotesGroup::open-note). A project
 * the board discussed often keeps its page short: the newest notes are
 * shown, and a last row leads to all of them in the Advisory Board section
 * when someone handles RkProjectNotesGroup::show-all-notes. The group
 * follows notes and links made elsewhere, once per main loop turn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-notes-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-board.h"
#include "rk-format.h"
#include "rk-note-list.h"
#include "rk-note-row.h"
#include "rk-project-notes-group.h"

/* Also the figure bench-board measures. */
#define NOTES_SHOWN 20

struct _RkProjectNotesGroup
{
  AdwPreferencesGroup  parent_instance;

  RkDatabase          *db;
  char                *project_id;
  GPtrArray           *rows;
  guint                n_notes;
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (RkProjectNotesGroup, rk_project_notes_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  OPEN_NOTE,
  SHOW_ALL_NOTES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_note_activated_cb (AdwActionRow        *row,
                      RkProjectNotesGroup *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "note-id"));

  g_signal_emit (self, signals[OPEN_NOTE], 0, id);
}

static void
on_show_all_cb (AdwActionRow        *row,
                RkProjectNotesGroup *self)
{
  g_autofree char *id = g_strdup (self->project_id);

  g_signal_emit (self, signals[SHOW_ALL_NOTES], 0, id);
}

/* The date, and the meeting when the note belongs to one. */
static char *
describe (RkProjectNotesGroup *self,
          RkNote              *note)
{
  g_autofree char *date = rk_format_date (rk_note_get_date (note));
  g_autoptr(RkMeeting) meeting = NULL;

  if (rk_note_get_meeting_id (note) != NULL)
    meeting = rk_meeting_load (self->db, rk_note_get_meeting_id (note), NULL);
  if (meeting == NULL || *rk_meeting_get_title (meeting) == '\0')
    return g_steal_pointer (&date);

  /* Translators: a note's date and the title of its meeting */
  return g_strdup_printf (_("%s · %s"), date, rk_meeting_get_title (meeting));
}

static void
rebuild (RkProjectNotesGroup *self)
{
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->n_notes = 0;

  if (self->db == NULL || self->project_id == NULL)
    return;

  notes = rk_note_list_for_project (self->db, self->project_id, NOTES_SHOWN, &self->n_notes, &error);
  if (notes == NULL)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(RkNote) note = g_list_model_get_item (notes, i);
      g_autofree char *subtitle = describe (self, note);

      row = rk_note_action_row_new (note, subtitle);
      g_signal_connect (row, "activated", G_CALLBACK (on_note_activated_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  /* The rest is one click away where someone can show it. */
  if (self->n_notes > NOTES_SHOWN &&
      g_signal_has_handler_pending (self, signals[SHOW_ALL_NOTES], 0, FALSE))
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Show All %u Notes", "Show All %u Notes",
                                                          self->n_notes),
                                                self->n_notes);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_show_all_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->n_notes == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No notes of the advisory board concern this project yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  RkProjectNotesGroup *self = user_data;

  self->refresh_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (RkProjectNotesGroup *self)
{
  /* A batch of changes is one rebuild. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
rk_project_notes_group_dispose (GObject *object)
{
  RkProjectNotesGroup *self = (RkProjectNotesGroup *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PROJECT_NOTES_GROUP);

  G_OBJECT_CLASS (rk_project_notes_group_parent_class)->dispose (object);
}

static void
rk_project_notes_group_finalize (GObject *object)
{
  RkProjectNotesGroup *self = (RkProjectNotesGroup *) object;

  g_free (self->project_id);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (rk_project_notes_group_parent_class)->finalize (object);
}

static void
rk_project_notes_group_class_init (RkProjectNotesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_project_notes_group_dispose;
  object_class->finalize = rk_project_notes_group_finalize;

  /**
   * RkProjectNotesGroup::open-note:
   * @note_id: the key of the note the user activated
   */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RkProjectNotesGroup::show-all-notes:
   * @project_id: the project whose notes to show
   *
   * Emitted from the last row when the project has more notes than the
   * group lists; the row is there only while a handler is connected.
   */
  signals[SHOW_ALL_NOTES] =
    g_signal_new ("show-all-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-project-notes-group.ui");
}

static void
rk_project_notes_group_init (RkProjectNotesGroup *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rk_project_notes_group_new (void)
{
  return g_object_new (RK_TYPE_PROJECT_NOTES_GROUP, NULL);
}

/**
 * rk_project_notes_group_set_project:
 * @db: (nullable): the database
 * @project_id: (nullable): the project whose notes to list
 *
 * Lists the notes that concern the project now, and follows changes to
 * notes and their links from then on.
 */
void
rk_project_notes_group_set_project (RkProjectNotesGroup *self,
                                    RkDatabase          *db,
                                    const char          *project_id)
{
  g_return_if_fail (RK_IS_PROJECT_NOTES_GROUP (self));
  g_return_if_fail (db == NULL || RK_IS_DATABASE (db));

  if (self->db != db)
    {
      if (self->db != NULL)
        g_signal_handlers_disconnect_by_data (self->db, self);
      g_set_object (&self->db, db);
      if (db != NULL)
        {
          g_signal_connect_object (db, "changed::note", G_CALLBACK (on_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (db, "changed::note_project", G_CALLBACK (on_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          g_signal_connect_object (db, "changed::meeting", G_CALLBACK (on_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }

  rk_set_str (&self->project_id, project_id);
  rebuild (self);
}

/**
 * rk_project_notes_group_get_n_notes:
 *
 * Returns: how many notes concern the project, listed or not
 */
guint
rk_project_notes_group_get_n_notes (RkProjectNotesGroup *self)
{
  g_return_val_if_fail (RK_IS_PROJECT_NOTES_GROUP (self), 0);
  return self->n_notes;
}
