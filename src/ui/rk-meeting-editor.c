/* rk-meeting-editor.c: the detail page of a board meeting
 *
 * Date, title and place, the members present as a check list of every
 * member, current and former, and the notes of the meeting. Edits save
 * themselves as in the project editor; ticking a member is an edit like
 * any other, saved with the meeting in one transaction and undoable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-date-row.h"
#include "rk-format.h"
#include "rk-meeting-editor.h"
#include "rk-note-list.h"
#include "rk-note-row.h"

#define SAVE_DELAY_MS 500
#define NOTES_SHOWN 10

struct _RkMeetingEditor
{
  GtkWidget            parent_instance;

  GtkWidget           *clamp;

  RkDatabase          *db;
  RkMeeting           *meeting;
  RkMeeting           *saved;          /* the meeting as last stored */
  GPtrArray           *undo_stack;     /* RkMeeting states before each save */
  GHashTable          *errors;         /* GtkWidget → message */
  GPtrArray           *member_rows;
  GPtrArray           *note_rows;
  RkRecordList        *notes;          /* the meeting's notes, newest first */
  guint                save_id;
  gboolean             loading;

  GtkLabel            *example_note;
  AdwEntryRow         *title_row;
  RkDateRow           *date_row;
  AdwEntryRow         *place_row;
  AdwActionRow        *changed_row;
  GtkLabel            *validation_label;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *notes_group;
};

G_DEFINE_FINAL_TYPE (RkMeetingEditor, rk_meeting_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  OPEN_NOTE,
  NEW_NOTE,
  SHOW_NOTES,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild_members (RkMeetingEditor *self);

static void
update_validation (RkMeetingEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer widget, message;

  if (g_hash_table_contains (self->errors, self->date_row))
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

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
set_error (RkMeetingEditor *self,
           gpointer         widget,
           const char      *message)
{
  if (message != NULL)
    g_hash_table_insert (self->errors, widget, g_strdup (message));
  else
    g_hash_table_remove (self->errors, widget);
  update_validation (self);
}

static void
set_can_undo_changed (RkMeetingEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
update_changed_row (RkMeetingEditor *self)
{
  g_autofree char *when = rk_format_timestamp (rk_meeting_get_updated_at (self->meeting));

  adw_action_row_set_subtitle (self->changed_row, when);
}

/**
 * rk_meeting_editor_flush:
 *
 * Saves what is pending now.
 *
 * Returns: %FALSE when something could not be stored; the editor then
 *   shows why
 */
gboolean
rk_meeting_editor_flush (RkMeetingEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->meeting == NULL || self->db == NULL || rk_meeting_equal_values (self->meeting, self->saved))
    return TRUE;

  if (!rk_meeting_save (self->meeting, self->db, &error))
    {
      set_error (self, self, error->message);
      return FALSE;
    }

  set_error (self, self, NULL);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->saved));
  self->saved = rk_meeting_copy (self->meeting);
  update_changed_row (self);
  set_can_undo_changed (self);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  RkMeetingEditor *self = user_data;

  self->save_id = 0;
  rk_meeting_editor_flush (self);
  return G_SOURCE_REMOVE;
}

/* Gives @property the new value if the meeting stays valid with it;
 * otherwise the value stays in @widget with the reason beside it. */
static void
try_apply (RkMeetingEditor *self,
           gpointer         widget,
           const char      *property,
           const GValue    *value)
{
  g_autoptr(RkMeeting) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->meeting == NULL)
    return;

  trial = rk_meeting_copy (self->meeting);
  g_object_set_property (G_OBJECT (trial), property, value);
  if (!rk_meeting_validate (trial, &error))
    {
      set_error (self, widget, error->message);
      return;
    }

  set_error (self, widget, NULL);
  g_object_set_property (G_OBJECT (self->meeting), property, value);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
  set_can_undo_changed (self);
}

static void
apply_string (RkMeetingEditor *self,
              gpointer         widget,
              const char      *property,
              const char      *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  try_apply (self, widget, property, &value);
}

static void
on_title_changed_cb (RkMeetingEditor *self)
{
  apply_string (self, self->title_row, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_date_changed_cb (RkMeetingEditor *self)
{
  apply_string (self, self->date_row, "date", rk_date_row_get_date (self->date_row));
}

static void
on_place_changed_cb (RkMeetingEditor *self)
{
  apply_string (self, self->place_row, "place", gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
}

static void
on_present_toggled_cb (GtkCheckButton  *check,
                       RkMeetingEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; i < self->member_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->member_rows, i);
      GtkCheckButton *box = g_object_get_data (row, "check");

      if (box != NULL && gtk_check_button_get_active (box))
        g_strv_builder_add (builder, g_object_get_data (row, "member-id"));
    }

  g_value_init (&value, G_TYPE_STRV);
  g_value_take_boxed (&value, g_strv_builder_end (builder));
  try_apply (self, self->members_group, "member-ids", &value);
}

/* Members and notes */

static void
rebuild_members (RkMeetingEditor *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autofree char *today = rk_today ();
  const char * const *present;

  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);

  if (self->meeting == NULL || self->db == NULL)
    return;

  present = rk_meeting_get_member_ids (self->meeting);
  members = rk_database_list_board_members (self->db, NULL);
  for (guint i = 0; members != NULL && i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(RkBoardMember) member = g_list_model_get_item (members, i);
      g_autoptr(GString) subtitle = g_string_new (rk_board_member_get_function (member));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (*rk_board_member_get_organisation (member) != '\0')
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? ", " : "",
                                rk_board_member_get_organisation (member));
      if (!rk_board_member_is_current (member, today))
        {
          if (subtitle->len > 0)
            g_string_append (subtitle, " · ");
          g_string_append (subtitle, _("Former member"));
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_board_member_get_name (member));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains (present, rk_board_member_get_id (member)));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "member-id",
                              g_strdup (rk_board_member_get_id (member)), g_free);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_present_toggled_cb), self);

      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }

  if (self->member_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No board members yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
}

static void
on_members_changed_cb (RkMeetingEditor *self)
{
  if (self->loading)
    return;

  /* Names and functions change, members come and go: what is pending is
   * stored, and the meeting read again, since a deleted member's
   * attendance went with them. */
  if (self->meeting != NULL && self->db != NULL)
    {
      rk_meeting_editor_flush (self);
      if (rk_meeting_reload (self->meeting, self->db, NULL))
        {
          g_clear_object (&self->saved);
          self->saved = rk_meeting_copy (self->meeting);
        }
    }
  rebuild_members (self);
}

static void
on_note_activated_cb (AdwActionRow    *row,
                      RkMeetingEditor *self)
{
  g_signal_emit (self, signals[OPEN_NOTE], 0, g_object_get_data (G_OBJECT (row), "note-id"));
}

static void
on_show_notes_cb (AdwActionRow    *row,
                  RkMeetingEditor *self)
{
  if (self->meeting != NULL)
    g_signal_emit (self, signals[SHOW_NOTES], 0, rk_meeting_get_id (self->meeting));
}

static void
on_new_note_cb (RkMeetingEditor *self)
{
  if (self->meeting != NULL && rk_meeting_editor_flush (self))
    g_signal_emit (self, signals[NEW_NOTE], 0, rk_meeting_get_id (self->meeting));
}

static void
rebuild_notes (RkMeetingEditor *self)
{
  guint n_notes;

  for (guint i = 0; i < self->note_rows->len; i++)
    adw_preferences_group_remove (self->notes_group, g_ptr_array_index (self->note_rows, i));
  g_ptr_array_set_size (self->note_rows, 0);

  if (self->meeting == NULL || self->notes == NULL)
    return;

  n_notes = g_list_model_get_n_items (G_LIST_MODEL (self->notes));
  for (guint i = 0; i < n_notes && i < NOTES_SHOWN; i++)
    {
      g_autoptr(RkNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes), i);
      g_autofree char *date = rk_format_date (rk_note_get_date (note));
      GtkWidget *row = rk_note_action_row_new (note, date);

      g_signal_connect (row, "activated", G_CALLBACK (on_note_activated_cb), self);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }

  if (n_notes > NOTES_SHOWN)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Show All %u Notes", "Show All %u Notes", n_notes),
                                                n_notes);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_show_notes_cb), self);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }

  if (n_notes == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No notes of this meeting yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }
}

static void
sync_widgets (RkMeetingEditor *self)
{
  RkMeeting *meeting = self->meeting;

  if (meeting == NULL)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rk_meeting_get_title (meeting));
  rk_date_row_set_date (self->date_row, rk_meeting_get_date (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), rk_meeting_get_place (meeting));
  gtk_widget_set_visible (GTK_WIDGET (self->example_note), rk_meeting_get_is_example (meeting));
  update_changed_row (self);
  rebuild_members (self);
  self->loading = FALSE;

  g_hash_table_remove_all (self->errors);
  update_validation (self);
}

static void
rk_meeting_editor_dispose (GObject *object)
{
  RkMeetingEditor *self = (RkMeetingEditor *) object;
  GtkWidget *child;

  rk_meeting_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_MEETING_EDITOR);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->notes);
  g_clear_object (&self->meeting);
  g_clear_object (&self->saved);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_meeting_editor_parent_class)->dispose (object);
}

static void
rk_meeting_editor_finalize (GObject *object)
{
  RkMeetingEditor *self = (RkMeetingEditor *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->member_rows);
  g_ptr_array_unref (self->note_rows);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (rk_meeting_editor_parent_class)->finalize (object);
}

static void
rk_meeting_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkMeetingEditor *self = RK_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rk_meeting_editor_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_meeting_editor_class_init (RkMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_meeting_editor_dispose;
  object_class->finalize = rk_meeting_editor_finalize;
  object_class->get_property = rk_meeting_editor_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Each with a key: of a note, or of this meeting. */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NEW_NOTE] =
    g_signal_new ("new-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_NOTES] =
    g_signal_new ("show-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-meeting-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, clamp);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, example_note);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, changed_row);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, RkMeetingEditor, notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_note_cb);
}

static void
rk_meeting_editor_init (RkMeetingEditor *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->member_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rk_meeting_editor_set_database (RkMeetingEditor *self,
                                RkDatabase      *db)
{
  g_return_if_fail (RK_IS_MEETING_EDITOR (self));

  /* A read-only database can be read but not edited; the page still
   * scrolls. */
  gtk_widget_set_sensitive (self->clamp, db == NULL || !rk_database_get_read_only (db));

  rk_meeting_editor_set_meeting (self, NULL);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (!g_set_object (&self->db, db) || db == NULL)
    return;

  g_signal_connect_object (db, "changed::board_member", G_CALLBACK (on_members_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rk_meeting_editor_set_meeting:
 * @meeting: (nullable): the meeting to edit
 *
 * Saves what is pending for the meeting shown so far, then shows
 * @meeting.
 */
void
rk_meeting_editor_set_meeting (RkMeetingEditor *self,
                               RkMeeting       *meeting)
{
  g_return_if_fail (RK_IS_MEETING_EDITOR (self));

  if (self->meeting == meeting)
    return;

  rk_meeting_editor_flush (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_clear_object (&self->saved);
  g_set_object (&self->meeting, meeting);
  g_clear_object (&self->notes);

  if (meeting != NULL && self->db != NULL)
    {
      self->saved = rk_meeting_copy (meeting);
      self->notes = rk_note_list_new (self->db);
      rk_note_list_set_meeting_id (self->notes, rk_meeting_get_id (meeting));
      g_signal_connect_object (self->notes, "items-changed", G_CALLBACK (rebuild_notes),
                               self, G_CONNECT_SWAPPED);
      sync_widgets (self);
    }
  else
    rebuild_members (self);
  rebuild_notes (self);
  set_can_undo_changed (self);
}

RkMeeting *
rk_meeting_editor_get_meeting (RkMeetingEditor *self)
{
  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), NULL);
  return self->meeting;
}

gboolean
rk_meeting_editor_can_undo (RkMeetingEditor *self)
{
  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), FALSE);
  return self->undo_stack->len > 0 ||
         (self->meeting != NULL && self->saved != NULL &&
          !rk_meeting_equal_values (self->meeting, self->saved));
}

/**
 * rk_meeting_editor_undo:
 *
 * Puts back the meeting, with who was present, as before the last saved
 * edit, and stores that.
 *
 * Returns: whether there was an edit to undo
 */
gboolean
rk_meeting_editor_undo (RkMeetingEditor *self)
{
  g_autoptr(RkMeeting) previous = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_MEETING_EDITOR (self), FALSE);

  if (self->meeting == NULL || !rk_meeting_editor_flush (self) || self->undo_stack->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  rk_meeting_set_values_from (self->meeting, previous);
  if (!rk_meeting_save (self->meeting, self->db, &error))
    {
      set_error (self, self, error->message);
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&previous));
      return FALSE;
    }

  g_clear_object (&self->saved);
  self->saved = rk_meeting_copy (self->meeting);
  sync_widgets (self);
  set_can_undo_changed (self);
  return TRUE;
}

void
rk_meeting_editor_focus_title (RkMeetingEditor *self)
{
  g_return_if_fail (RK_IS_MEETING_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
