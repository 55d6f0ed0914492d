/* rk-note-editor.c: the detail page of a note; edits save themselves
 *
 * Works like the project editor: the editor changes the note object the
 * list shows, a value is checked before it reaches the note, everything
 * valid is saved half a second after the last keystroke and at once when
 * the user leaves the note, and each save keeps the state before it for
 * Ctrl+Z. Links to projects are written at once, each in a transaction of
 * its own, like a project's municipalities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-board.h"
#include "rk-date-row.h"
#include "rk-format.h"
#include "rk-note-editor.h"
#include "rk-project-chooser.h"
#include "rk-project.h"
#include "rk-text-area.h"

#define SAVE_DELAY_MS 500

struct _RkNoteEditor
{
  GtkWidget         parent_instance;

  GtkWidget        *clamp;

  RkDatabase       *db;
  RkNote           *note;
  RkNote           *saved;          /* the note as last stored */
  GPtrArray        *undo_stack;     /* RkNote states before each save */
  GHashTable       *errors;         /* GtkWidget → message */
  GPtrArray        *project_rows;
  GListModel       *meetings;       /* RkMeeting, in the order of the combo */
  GListModel       *members;        /* RkBoardMember, likewise */
  guint             save_id;
  gboolean          loading;

  GtkLabel         *example_note;
  AdwEntryRow      *title_row;
  RkDateRow        *date_row;
  AdwComboRow      *meeting_row;
  AdwComboRow      *author_row;
  AdwActionRow     *changed_row;
  GtkLabel         *validation_label;
  GtkScrolledWindow *text_area;
  GtkTextView      *text_view;
  AdwPreferencesGroup *projects_group;
  RkProjectChooser *project_chooser;
};

G_DEFINE_FINAL_TYPE (RkNoteEditor, rk_note_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  OPEN_PROJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sync_widgets     (RkNoteEditor *self);
static void rebuild_projects (RkNoteEditor *self);

static void
update_validation (RkNoteEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer widget, message;
  GtkWidget *rows[] = { GTK_WIDGET (self->title_row), GTK_WIDGET (self->date_row) };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_hash_table_contains (self->errors, rows[i]))
      gtk_widget_add_css_class (rows[i], "error");
    else
      gtk_widget_remove_css_class (rows[i], "error");

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &widget, &message))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }

  gtk_label_set_text (self->validation_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->validation_label), text->len > 0);
}

static void
set_error (RkNoteEditor *self,
           gpointer      widget,
           const char   *message)
{
  if (message != NULL)
    g_hash_table_insert (self->errors, widget, g_strdup (message));
  else
    g_hash_table_remove (self->errors, widget);
  update_validation (self);
}

static void
set_can_undo_changed (RkNoteEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
update_changed_row (RkNoteEditor *self)
{
  g_autofree char *when = rk_format_timestamp (rk_note_get_updated_at (self->note));

  adw_action_row_set_subtitle (self->changed_row, when);
}

/**
 * rk_note_editor_flush:
 *
 * Saves what is pending now; done when the user leaves the note or the
 * window.
 *
 * Returns: %FALSE when something could not be stored; the editor then
 *   shows why and keeps the edit on screen to try again
 */
gboolean
rk_note_editor_flush (RkNoteEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_NOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->note == NULL || self->db == NULL || rk_note_equal_values (self->note, self->saved))
    return TRUE;

  if (!rk_note_save (self->note, self->db, &error))
    {
      set_error (self, self, error->message);
      return FALSE;
    }

  set_error (self, self, NULL);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->saved));
  self->saved = rk_note_copy (self->note);
  update_changed_row (self);
  set_can_undo_changed (self);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  RkNoteEditor *self = user_data;

  self->save_id = 0;
  rk_note_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RkNoteEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
  set_can_undo_changed (self);
}

/* Gives @property the new value if the note stays valid with it;
 * otherwise the value stays in @widget with the reason beside it. */
static void
apply_string (RkNoteEditor *self,
              gpointer      widget,
              const char   *property,
              const char   *text)
{
  g_autoptr(RkNote) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->note == NULL)
    return;

  trial = rk_note_copy (self->note);
  g_object_set (trial, property, text, NULL);
  if (!rk_note_validate (trial, &error))
    {
      set_error (self, widget, error->message);
      return;
    }

  set_error (self, widget, NULL);
  g_object_set (self->note, property, text, NULL);
  schedule_save (self);
}

static void
on_title_changed_cb (RkNoteEditor *self)
{
  apply_string (self, self->title_row, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_date_changed_cb (RkNoteEditor *self)
{
  apply_string (self, self->date_row, "date", rk_date_row_get_date (self->date_row));
}

static void
on_meeting_selected_cb (RkNoteEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->meeting_row);
  g_autoptr(RkMeeting) meeting = NULL;

  /* Position 0 is "No meeting"; the meetings follow, newest first. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->meetings != NULL)
    meeting = g_list_model_get_item (self->meetings, selected - 1);
  apply_string (self, NULL, "meeting-id", meeting != NULL ? rk_meeting_get_id (meeting) : NULL);
}

static void
on_author_selected_cb (RkNoteEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->author_row);
  g_autoptr(RkBoardMember) member = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->members != NULL)
    member = g_list_model_get_item (self->members, selected - 1);
  apply_string (self, NULL, "author-id", member != NULL ? rk_board_member_get_id (member) : NULL);
}

static void
on_text_changed_cb (GtkTextBuffer *buffer,
                    RkNoteEditor  *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_string (self, self->text_view, "text", text);
}

/* Meetings and members to choose from */

static guint
position_of_meeting (RkNoteEditor *self,
                     const char   *meeting_id)
{
  for (guint i = 0; meeting_id != NULL && self->meetings != NULL &&
                    i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (self->meetings, i);

      if (g_strcmp0 (rk_meeting_get_id (meeting), meeting_id) == 0)
        return i + 1;
    }

  return 0;
}

static guint
position_of_member (RkNoteEditor *self,
                    const char   *member_id)
{
  for (guint i = 0; member_id != NULL && self->members != NULL &&
                    i < g_list_model_get_n_items (self->members); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (self->members, i);

      if (g_strcmp0 (rk_board_member_get_id (member), member_id) == 0)
        return i + 1;
    }

  return 0;
}

static void
fill_choices (RkNoteEditor *self)
{
  g_autoptr(GtkStringList) meeting_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) member_names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean was_loading = self->loading;

  g_clear_object (&self->meetings);
  g_clear_object (&self->members);
  if (self->db == NULL)
    return;

  self->meetings = rk_database_list_meetings (self->db, &error);
  if (self->meetings == NULL)
    {
      g_warning ("%s", error->message);
      self->meetings = G_LIST_MODEL (g_list_store_new (RK_TYPE_MEETING));
      g_clear_error (&error);
    }
  self->members = rk_database_list_board_members (self->db, &error);
  if (self->members == NULL)
    {
      g_warning ("%s", error->message);
      self->members = G_LIST_MODEL (g_list_store_new (RK_TYPE_BOARD_MEMBER));
    }

  gtk_string_list_append (meeting_names, _("No meeting"));
  for (guint i = 0; i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (self->meetings, i);
      g_autofree char *label = rk_meeting_dup_label (meeting);

      gtk_string_list_append (meeting_names, label);
    }

  gtk_string_list_append (member_names, _("No author"));
  for (guint i = 0; i < g_list_model_get_n_items (self->members); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (self->members, i);

      gtk_string_list_append (member_names, rk_board_member_get_name (member));
    }

  /* Swapping the models moves the selection: that is no edit. */
  self->loading = TRUE;
  adw_combo_row_set_model (self->meeting_row, G_LIST_MODEL (meeting_names));
  adw_combo_row_set_model (self->author_row, G_LIST_MODEL (member_names));
  if (self->note != NULL)
    {
      adw_combo_row_set_selected (self->meeting_row,
                                  position_of_meeting (self, rk_note_get_meeting_id (self->note)));
      adw_combo_row_set_selected (self->author_row,
                                  position_of_member (self, rk_note_get_author_id (self->note)));
    }
  self->loading = was_loading;
}

static void
on_choices_changed_cb (RkNoteEditor *self)
{
  fill_choices (self);
}

/* Linked projects */

static void
on_open_project_cb (AdwActionRow *row,
                    RkNoteEditor *self)
{
  g_signal_emit (self, signals[OPEN_PROJECT], 0, g_object_get_data (G_OBJECT (row), "project-id"));
}

static void
on_unlink_cb (GtkButton    *button,
              RkNoteEditor *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "project-id"));
  g_autoptr(GError) error = NULL;

  if (self->note == NULL)
    return;

  /* A pending edit is stored first: the link marks the note as changed,
   * and the list reads it back. */
  rk_note_editor_flush (self);
  if (!rk_note_unlink_project (self->note, self->db, id, &error))
    set_error (self, self->projects_group, error->message);
  else
    set_error (self, self->projects_group, NULL);
}

static void
on_project_chosen_cb (RkNoteEditor *self,
                      const char   *project_id)
{
  g_autoptr(GError) error = NULL;

  if (self->note == NULL)
    return;

  rk_note_editor_flush (self);
  if (!rk_note_link_project (self->note, self->db, project_id, &error))
    set_error (self, self->projects_group, error->message);
  else
    set_error (self, self->projects_group, NULL);
}

static void
rebuild_projects (RkNoteEditor *self)
{
  const char * const *ids;

  for (guint i = 0; i < self->project_rows->len; i++)
    adw_preferences_group_remove (self->projects_group, g_ptr_array_index (self->project_rows, i));
  g_ptr_array_set_size (self->project_rows, 0);

  if (self->note == NULL || self->db == NULL)
    return;

  ids = rk_note_get_project_ids (self->note);
  rk_project_chooser_set_marked (self->project_chooser, ids);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(RkProject) project = rk_project_load (self->db, ids[i], NULL);
      g_autofree char *label = NULL;
      const char *title;
      GtkWidget *row, *remove, *arrow;

      if (project == NULL)
        continue;

      title = *rk_project_get_title (project) != '\0' ? rk_project_get_title (project)
                                                      : _("Untitled Project");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (rk_project_get_code (project) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rk_project_get_code (project));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "project-id", g_strdup (ids[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_open_project_cb), self);

      /* Translators: %s is a project's title */
      label = g_strdup_printf (_("Remove Link to “%s”"), title);
      remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "project-id", g_strdup (ids[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open Project"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

      adw_preferences_group_add (self->projects_group, row);
      g_ptr_array_add (self->project_rows, row);
    }

  if (self->project_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No project linked yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->projects_group, row);
      g_ptr_array_add (self->project_rows, row);
    }
}

/* Widgets from the note */

static void
sync_widgets (RkNoteEditor *self)
{
  RkNote *note = self->note;

  if (note == NULL)
    return;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rk_note_get_title (note));
  rk_date_row_set_date (self->date_row, rk_note_get_date (note));
  adw_combo_row_set_selected (self->meeting_row, position_of_meeting (self, rk_note_get_meeting_id (note)));
  adw_combo_row_set_selected (self->author_row, position_of_member (self, rk_note_get_author_id (note)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), rk_note_get_text (note), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->example_note), rk_note_get_is_example (note));
  update_changed_row (self);

  self->loading = FALSE;

  g_hash_table_remove_all (self->errors);
  update_validation (self);
  rebuild_projects (self);
}

static void
rk_note_editor_dispose (GObject *object)
{
  RkNoteEditor *self = (RkNoteEditor *) object;
  GtkWidget *child;

  rk_note_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_NOTE_EDITOR);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->note);
  g_clear_object (&self->saved);
  g_clear_object (&self->db);
  g_clear_object (&self->meetings);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (rk_note_editor_parent_class)->dispose (object);
}

static void
rk_note_editor_finalize (GObject *object)
{
  RkNoteEditor *self = (RkNoteEditor *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->project_rows);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (rk_note_editor_parent_class)->finalize (object);
}

static void
rk_note_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RkNoteEditor *self = RK_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rk_note_editor_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_note_editor_class_init (RkNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_note_editor_dispose;
  object_class->finalize = rk_note_editor_finalize;
  object_class->get_property = rk_note_editor_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RkNoteEditor::open-project:
   * @project_id: the key of a linked project
   *
   * Emitted when the user activates a linked project's row.
   */
  signals[OPEN_PROJECT] =
    g_signal_new ("open-project",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_DATE_ROW);
  g_type_ensure (RK_TYPE_PROJECT_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-note-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, clamp);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, example_note);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, changed_row);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, text_area);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, projects_group);
  gtk_widget_class_bind_template_child (widget_class, RkNoteEditor, project_chooser);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_author_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_project_chosen_cb);
}

static void
rk_note_editor_init (RkNoteEditor *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->project_rows = g_ptr_array_new ();
  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_text_area_setup (self->text_area);

  g_signal_connect (gtk_text_view_get_buffer (self->text_view), "changed",
                    G_CALLBACK (on_text_changed_cb), self);
}

void
rk_note_editor_set_database (RkNoteEditor *self,
                             RkDatabase   *db)
{
  g_return_if_fail (RK_IS_NOTE_EDITOR (self));

  /* A read-only database can be read but not edited; the page still
   * scrolls. */
  gtk_widget_set_sensitive (self->clamp, db == NULL || !rk_database_get_read_only (db));

  rk_note_editor_set_note (self, NULL);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (!g_set_object (&self->db, db))
    return;

  rk_project_chooser_set_database (self->project_chooser, db);
  fill_choices (self);
  if (db != NULL)
    {
      g_signal_connect_object (db, "changed::meeting", G_CALLBACK (on_choices_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (db, "changed::board_member", G_CALLBACK (on_choices_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/**
 * rk_note_editor_set_note:
 * @note: (nullable): the note to edit; the object the list shows
 *
 * Saves what is pending for the note shown so far, then shows @note.
 */
void
rk_note_editor_set_note (RkNoteEditor *self,
                         RkNote       *note)
{
  g_return_if_fail (RK_IS_NOTE_EDITOR (self));

  if (self->note == note)
    return;

  rk_note_editor_flush (self);
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_func (self->note, rebuild_projects, self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_clear_object (&self->saved);
  g_set_object (&self->note, note);

  if (note != NULL)
    {
      self->saved = rk_note_copy (note);
      g_signal_connect_object (note, "notify::project-ids", G_CALLBACK (rebuild_projects),
                               self, G_CONNECT_SWAPPED);
      sync_widgets (self);
    }
  set_can_undo_changed (self);
}

RkNote *
rk_note_editor_get_note (RkNoteEditor *self)
{
  g_return_val_if_fail (RK_IS_NOTE_EDITOR (self), NULL);
  return self->note;
}

gboolean
rk_note_editor_can_undo (RkNoteEditor *self)
{
  g_return_val_if_fail (RK_IS_NOTE_EDITOR (self), FALSE);
  return self->undo_stack->len > 0 ||
         (self->note != NULL && self->saved != NULL &&
          !rk_note_equal_values (self->note, self->saved));
}

/**
 * rk_note_editor_undo:
 *
 * Puts back the note as it was before its last saved edit, and stores
 * that; called again, it goes further back. Links are not edits of the
 * note: they are undone by removing or adding them again.
 *
 * Returns: whether there was an edit to undo
 */
gboolean
rk_note_editor_undo (RkNoteEditor *self)
{
  g_autoptr(RkNote) previous = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_NOTE_EDITOR (self), FALSE);

  if (self->note == NULL || !rk_note_editor_flush (self) || self->undo_stack->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  rk_note_set_values_from (self->note, previous);
  if (!rk_note_save (self->note, self->db, &error))
    {
      set_error (self, self, error->message);
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&previous));
      return FALSE;
    }

  g_clear_object (&self->saved);
  self->saved = rk_note_copy (self->note);
  sync_widgets (self);
  set_can_undo_changed (self);
  return TRUE;
}

void
rk_note_editor_focus_title (RkNoteEditor *self)
{
  g_return_if_fail (RK_IS_NOTE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
