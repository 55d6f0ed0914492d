/* rk-member-editor.c: the detail page of a board member
 *
 * Edits save themselves as in the project editor: checked before they
 * reach the member, stored half a second after the last keystroke and at
 * once when the user leaves, each save undoable with Ctrl+Z. Below the
 * details, the newest notes the member wrote (all of them are one click
 * away in the notes list) and the meetings they attended.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-member-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-date-row.h"
#include "rk-format.h"
#include "rk-member-editor.h"
#include "rk-note-list.h"
#include "rk-note-row.h"

#define SAVE_DELAY_MS 500
#define NOTES_SHOWN 5

struct _RkMemberEditor
{
  GtkWidget            parent_instance;

  GtkWidget           *clamp;

  RkDatabase          *db;
  RkBoardMember       *member;
  RkBoardMember       *saved;          /* the member as last stored */
  GPtrArray           *undo_stack;     /* RkBoardMember states before each save */
  GHashTable          *errors;         /* GtkWidget → message */
  GPtrArray           *note_rows;
  GPtrArray           *meeting_rows;
  RkRecordList        *notes;          /* the member's notes, newest first */
  guint                save_id;
  gboolean             loading;

  GtkLabel            *example_note;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *function_row;
  RkDateRow           *from_row;
  RkDateRow           *to_row;
  AdwActionRow        *changed_row;
  GtkLabel            *validation_label;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *meetings_group;
};

G_DEFINE_FINAL_TYPE (RkMemberEditor, rk_member_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  OPEN_NOTE,
  SHOW_NOTES,
  OPEN_MEETING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_validation (RkMemberEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer widget, message;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->from_row), GTK_WIDGET (self->to_row),
  };

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
set_error (RkMemberEditor *self,
           gpointer        widget,
           const char     *message)
{
  if (message != NULL)
    g_hash_table_insert (self->errors, widget, g_strdup (message));
  else
    g_hash_table_remove (self->errors, widget);
  update_validation (self);
}

static void
set_can_undo_changed (RkMemberEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
update_changed_row (RkMemberEditor *self)
{
  g_autofree char *when = rk_format_timestamp (rk_board_member_get_updated_at (self->member));

  adw_action_row_set_subtitle (self->changed_row, when);
}

/**
 * rk_member_editor_flush:
 *
 * Saves what is pending now.
 *
 * Returns: %FALSE when something could not be stored; the editor then
 *   shows why
 */
gboolean
rk_member_editor_flush (RkMemberEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->member == NULL || self->db == NULL ||
      rk_board_member_equal_values (self->member, self->saved))
    return TRUE;

  if (!rk_board_member_save (self->member, self->db, &error))
    {
      set_error (self, self, error->message);
      return FALSE;
    }

  set_error (self, self, NULL);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->saved));
  self->saved = rk_board_member_copy (self->member);
  update_changed_row (self);
  set_can_undo_changed (self);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  RkMemberEditor *self = user_data;

  self->save_id = 0;
  rk_member_editor_flush (self);
  return G_SOURCE_REMOVE;
}

/* Gives @property the new value if the member stays valid with it;
 * otherwise the value stays in @widget with the reason beside it. */
static void
apply_string (RkMemberEditor *self,
              gpointer        widget,
              const char     *property,
              const char     *text)
{
  g_autoptr(RkBoardMember) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->member == NULL)
    return;

  trial = rk_board_member_copy (self->member);
  g_object_set (trial, property, text, NULL);
  if (!rk_board_member_validate (trial, &error))
    {
      set_error (self, widget, error->message);
      return;
    }

  set_error (self, widget, NULL);
  g_object_set (self->member, property, text, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
  set_can_undo_changed (self);
}

static void
on_name_changed_cb (RkMemberEditor *self)
{
  apply_string (self, self->name_row, "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
on_organisation_changed_cb (RkMemberEditor *self)
{
  apply_string (self, self->organisation_row, "organisation",
                gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));
}

static void
on_function_changed_cb (RkMemberEditor *self)
{
  apply_string (self, self->function_row, "function",
                gtk_editable_get_text (GTK_EDITABLE (self->function_row)));
}

/* The two dates are checked against each other: when one is refused and
 * the other then changes so that both fit, the refused one is taken now,
 * not left on screen unsaved. */
static void
on_from_changed_cb (RkMemberEditor *self)
{
  apply_string (self, self->from_row, "active-from", rk_date_row_get_date (self->from_row));
  if (!g_hash_table_contains (self->errors, self->from_row) &&
      g_hash_table_contains (self->errors, self->to_row))
    apply_string (self, self->to_row, "active-to", rk_date_row_get_date (self->to_row));
}

static void
on_to_changed_cb (RkMemberEditor *self)
{
  apply_string (self, self->to_row, "active-to", rk_date_row_get_date (self->to_row));
  if (!g_hash_table_contains (self->errors, self->to_row) &&
      g_hash_table_contains (self->errors, self->from_row))
    apply_string (self, self->from_row, "active-from", rk_date_row_get_date (self->from_row));
}

/* Notes and meetings */

static void
on_note_activated_cb (AdwActionRow   *row,
                      RkMemberEditor *self)
{
  g_signal_emit (self, signals[OPEN_NOTE], 0, g_object_get_data (G_OBJECT (row), "note-id"));
}

static void
on_show_notes_cb (AdwActionRow   *row,
                  RkMemberEditor *self)
{
  if (self->member != NULL)
    g_signal_emit (self, signals[SHOW_NOTES], 0, rk_board_member_get_id (self->member));
}

static void
on_meeting_activated_cb (AdwActionRow   *row,
                         RkMemberEditor *self)
{
  g_signal_emit (self, signals[OPEN_MEETING], 0, g_object_get_data (G_OBJECT (row), "meeting-id"));
}

static GtkWidget *
add_dim_row (AdwPreferencesGroup *group,
             GPtrArray           *rows,
             const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static void
rebuild_notes (RkMemberEditor *self)
{
  guint n_notes;

  for (guint i = 0; i < self->note_rows->len; i++)
    adw_preferences_group_remove (self->notes_group, g_ptr_array_index (self->note_rows, i));
  g_ptr_array_set_size (self->note_rows, 0);

  if (self->member == NULL || self->notes == NULL)
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
    add_dim_row (self->notes_group, self->note_rows, _("No notes written yet"));
}

static void
rebuild_meetings (RkMemberEditor *self)
{
  g_autoptr(GListModel) meetings = NULL;

  for (guint i = 0; i < self->meeting_rows->len; i++)
    adw_preferences_group_remove (self->meetings_group, g_ptr_array_index (self->meeting_rows, i));
  g_ptr_array_set_size (self->meeting_rows, 0);

  if (self->member == NULL || self->db == NULL)
    return;

  meetings = rk_database_list_meetings (self->db, NULL);
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(RkMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *label = NULL;
      GtkWidget *row;

      if (!g_strv_contains (rk_meeting_get_member_ids (meeting), rk_board_member_get_id (self->member)))
        continue;

      label = rk_meeting_dup_label (meeting);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (*rk_meeting_get_place (meeting) != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rk_meeting_get_place (meeting));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "meeting-id", g_strdup (rk_meeting_get_id (meeting)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_meeting_activated_cb), self);
      adw_preferences_group_add (self->meetings_group, row);
      g_ptr_array_add (self->meeting_rows, row);
    }

  if (self->meeting_rows->len == 0)
    add_dim_row (self->meetings_group, self->meeting_rows, _("No meeting attended on record"));
}

static void
sync_widgets (RkMemberEditor *self)
{
  RkBoardMember *member = self->member;

  if (member == NULL)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rk_board_member_get_name (member));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), rk_board_member_get_organisation (member));
  gtk_editable_set_text (GTK_EDITABLE (self->function_row), rk_board_member_get_function (member));
  rk_date_row_set_date (self->from_row, rk_board_member_get_active_from (member));
  rk_date_row_set_date (self->to_row, rk_board_member_get_active_to (member));
  gtk_widget_set_visible (GTK_WIDGET (self->example_note), rk_board_member_get_is_example (member));
  update_changed_row (self);
  self->loading = FALSE;

  g_hash_table_remove_all (self->errors);
  update_validation (self);
}

static void
rk_member_editor_dispose (GObject *object)
{
  RkMemberEditor *self = (RkMemberEditor *) object;
  GtkWidget *child;

  rk_member_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_MEMBER_EDITOR);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->notes);
  g_clear_object (&self->member);
  g_clear_object (&self->saved);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_member_editor_parent_class)->dispose (object);
}

static void
rk_member_editor_finalize (GObject *object)
{
  RkMemberEditor *self = (RkMemberEditor *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->note_rows);
  g_ptr_array_unref (self->meeting_rows);
  g_hash_table_unref (self->errors);

  G_OBJECT_CLASS (rk_member_editor_parent_class)->finalize (object);
}

static void
rk_member_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RkMemberEditor *self = RK_MEMBER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rk_member_editor_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_member_editor_class_init (RkMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_member_editor_dispose;
  object_class->finalize = rk_member_editor_finalize;
  object_class->get_property = rk_member_editor_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Each with a key: of a note, of this member, of a meeting. */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_NOTES] =
    g_signal_new ("show-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[OPEN_MEETING] =
    g_signal_new ("open-meeting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-member-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, clamp);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, example_note);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, function_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, changed_row);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, RkMemberEditor, meetings_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_function_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_from_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_to_changed_cb);
}

static void
rk_member_editor_init (RkMemberEditor *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->note_rows = g_ptr_array_new ();
  self->meeting_rows = g_ptr_array_new ();
  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
rk_member_editor_set_database (RkMemberEditor *self,
                               RkDatabase     *db)
{
  g_return_if_fail (RK_IS_MEMBER_EDITOR (self));

  /* A read-only database can be read but not edited; the page still
   * scrolls. */
  gtk_widget_set_sensitive (self->clamp, db == NULL || !rk_database_get_read_only (db));

  rk_member_editor_set_member (self, NULL);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  if (!g_set_object (&self->db, db) || db == NULL)
    return;

  g_signal_connect_object (db, "changed::meeting", G_CALLBACK (rebuild_meetings),
                           self, G_CONNECT_SWAPPED);
}

/**
 * rk_member_editor_set_member:
 * @member: (nullable): the member to edit
 *
 * Saves what is pending for the member shown so far, then shows @member.
 */
void
rk_member_editor_set_member (RkMemberEditor *self,
                             RkBoardMember  *member)
{
  g_return_if_fail (RK_IS_MEMBER_EDITOR (self));

  if (self->member == member)
    return;

  rk_member_editor_flush (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_clear_object (&self->saved);
  g_set_object (&self->member, member);
  g_clear_object (&self->notes);

  if (member != NULL && self->db != NULL)
    {
      self->saved = rk_board_member_copy (member);
      self->notes = rk_note_list_new (self->db);
      rk_note_list_set_author_id (self->notes, rk_board_member_get_id (member));
      g_signal_connect_object (self->notes, "items-changed", G_CALLBACK (rebuild_notes),
                               self, G_CONNECT_SWAPPED);
      sync_widgets (self);
    }
  rebuild_notes (self);
  rebuild_meetings (self);
  set_can_undo_changed (self);
}

RkBoardMember *
rk_member_editor_get_member (RkMemberEditor *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), NULL);
  return self->member;
}

gboolean
rk_member_editor_can_undo (RkMemberEditor *self)
{
  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), FALSE);
  return self->undo_stack->len > 0 ||
         (self->member != NULL && self->saved != NULL &&
          !rk_board_member_equal_values (self->member, self->saved));
}

/**
 * rk_member_editor_undo:
 *
 * Puts back the member as before the last saved edit, and stores that.
 *
 * Returns: whether there was an edit to undo
 */
gboolean
rk_member_editor_undo (RkMemberEditor *self)
{
  g_autoptr(RkBoardMember) previous = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_MEMBER_EDITOR (self), FALSE);

  if (self->member == NULL || !rk_member_editor_flush (self) || self->undo_stack->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  rk_board_member_set_values_from (self->member, previous);
  if (!rk_board_member_save (self->member, self->db, &error))
    {
      set_error (self, self, error->message);
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&previous));
      return FALSE;
    }

  g_clear_object (&self->saved);
  self->saved = rk_board_member_copy (self->member);
  sync_widgets (self);
  set_can_undo_changed (self);
  return TRUE;
}

void
rk_member_editor_focus_name (RkMemberEditor *self)
{
  g_return_if_fail (RK_IS_MEMBER_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
