/* rk-project-editor.c: the detail page of a project; edits save themselves
 *
 * The editor works on the project object the list shows, so the list
 * follows every valid edit at once. A value is checked before it reaches
 * the project: an invalid one stays in its field with a message and is
 * never stored, while everything valid is saved half a second after the
 * last keystroke, and at once when the user leaves the project. Each save
 * keeps the state before it, so Ctrl+Z steps back through the edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rk-date-row.h"
#include "rk-format.h"
#include "rk-project-editor.h"
#include "rk-project-notes-group.h"
#include "rk-project-partners-group.h"
#include "rk-reference.h"
#include "rk-text-area.h"

#define SAVE_DELAY_MS 500

struct _RkProjectEditor
{
  GtkWidget         parent_instance;

  GtkWidget     *clamp;

  RkDatabase    *db;
  RkProject     *project;
  RkProject     *saved;          /* the project as last stored */
  GPtrArray     *undo_stack;     /* RkProject states before each save */
  GHashTable    *errors;         /* GtkWidget → message */
  GHashTable    *dirty_milestones;
  GPtrArray     *text_views;
  GPtrArray     *milestone_rows;
  GPtrArray     *municipality_rows;
  GStrv          municipality_ids;
  GListModel    *fields;
  guint          save_id;
  gboolean       loading;

  GtkLabel      *example_note;
  AdwEntryRow   *title_row;
  AdwEntryRow   *code_row;
  AdwComboRow   *field_row;
  AdwComboRow   *pillar_row;
  AdwComboRow   *status_row;
  AdwEntryRow   *ministry_row;
  AdwEntryRow   *volume_row;
  RkDateRow     *start_row;
  RkDateRow     *end_row;
  AdwActionRow  *changed_row;
  GtkLabel      *validation_label;
  AdwPreferencesGroup *texts_group;
  AdwPreferencesGroup *milestones_group;
  AdwPreferencesGroup *municipalities_group;
  RkProjectPartnersGroup *partners_group;
  RkProjectNotesGroup *notes_group;
  GtkPopover    *municipality_popover;
  GtkSearchEntry *municipality_search;
  GtkListBox    *municipality_list;
};

G_DEFINE_FINAL_TYPE (RkProjectEditor, rk_project_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  OPEN_ORGANISATION,
  OPEN_NOTE,
  SHOW_NOTES,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The long texts of a project page on ruhr-konferenz.nrw, in their order. */
static const struct {
  const char *property;
  const char *label;
} texts[] = {
  { "goal", N_("Goal") },
  { "added-value", N_("Added Value") },
  { "approach", N_("Approach") },
  { "beneficiaries", N_("Beneficiaries") },
  { "current-status", N_("Current Status") },
  { "outlook", N_("Outlook") },
};

static void sync_widgets        (RkProjectEditor *self);
static void rebuild_milestones  (RkProjectEditor *self);

static void
update_validation (RkProjectEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer widget, message;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->code_row), GTK_WIDGET (self->volume_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
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
set_error (RkProjectEditor *self,
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
set_can_undo_changed (RkProjectEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
update_changed_row (RkProjectEditor *self)
{
  g_autofree char *when = rk_format_timestamp (rk_project_get_updated_at (self->project));

  adw_action_row_set_subtitle (self->changed_row, when);
}

static gboolean
save_milestones (RkProjectEditor *self)
{
  GHashTableIter iter;
  gpointer milestone;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, self->dirty_milestones);
  while (g_hash_table_iter_next (&iter, &milestone, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (rk_milestone_save (milestone, self->db, &error))
        g_hash_table_iter_remove (&iter);
      else
        {
          set_error (self, self->milestones_group, error->message);
          ok = FALSE;
        }
    }

  return ok;
}

/**
 * rk_project_editor_flush:
 *
 * Saves what is pending now; done when the user leaves the project or the
 * window.
 *
 * Returns: %FALSE when something could not be stored; the editor then
 *   shows why and keeps the edit on screen to try again
 */
gboolean
rk_project_editor_flush (RkProjectEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_PROJECT_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->project == NULL || self->db == NULL)
    return TRUE;

  if (!save_milestones (self))
    return FALSE;

  if (rk_project_equal_values (self->project, self->saved))
    return TRUE;

  if (!rk_project_save (self->project, self->db, &error))
    {
      set_error (self, self, error->message);
      return FALSE;
    }

  set_error (self, self, NULL);
  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->saved));
  self->saved = rk_project_copy (self->project);
  update_changed_row (self);
  set_can_undo_changed (self);

  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  RkProjectEditor *self = user_data;

  self->save_id = 0;
  rk_project_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RkProjectEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

/* Gives @property the new value if the project stays valid with it;
 * otherwise the value stays in @widget with the reason beside it. */
static void
try_apply (RkProjectEditor *self,
           gpointer         widget,
           const char      *property,
           const GValue    *value)
{
  g_autoptr(RkProject) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->project == NULL)
    return;

  trial = rk_project_copy (self->project);
  g_object_set_property (G_OBJECT (trial), property, value);
  if (!rk_project_validate (trial, self->db, &error))
    {
      set_error (self, widget, error->message);
      return;
    }

  set_error (self, widget, NULL);
  g_object_set_property (G_OBJECT (self->project), property, value);
  schedule_save (self);
}

static void
apply_string (RkProjectEditor *self,
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
apply_enum (RkProjectEditor *self,
            const char      *property,
            GType            type,
            guint            selected)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, type);
  g_value_set_enum (&value, selected);
  try_apply (self, NULL, property, &value);
}

static void
on_title_changed_cb (RkProjectEditor *self)
{
  apply_string (self, self->title_row, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_code_changed_cb (RkProjectEditor *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));

  apply_string (self, self->code_row, "code", code);
}

static void
on_ministry_changed_cb (RkProjectEditor *self)
{
  g_autofree char *ministry = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ministry_row))));

  apply_string (self, self->ministry_row, "lead-ministry", ministry);
}

static void
on_volume_changed_cb (RkProjectEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->volume_row));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gint64 cents = RK_NO_VOLUME;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->loading)
    return;

  if (*stripped != '\0' && !rk_parse_money (stripped, &cents, &error))
    {
      set_error (self, self->volume_row, error->message);
      return;
    }

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, cents);
  try_apply (self, self->volume_row, "volume-cents", &value);
}

static void
on_start_changed_cb (RkProjectEditor *self)
{
  apply_string (self, self->start_row, "start-date", rk_date_row_get_date (self->start_row));
  if (!g_hash_table_contains (self->errors, self->start_row))
    set_error (self, self->end_row, NULL);
}

static void
on_end_changed_cb (RkProjectEditor *self)
{
  apply_string (self, self->end_row, "end-date", rk_date_row_get_date (self->end_row));
  if (!g_hash_table_contains (self->errors, self->end_row))
    set_error (self, self->start_row, NULL);
}

static void
on_field_selected_cb (RkProjectEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->field_row);
  g_autoptr(RkField) field = NULL;

  /* Position 0 is "Not assigned"; the fields follow in their order. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->fields != NULL)
    field = g_list_model_get_item (self->fields, selected - 1);
  apply_string (self, NULL, "field-id", field != NULL ? rk_field_get_id (field) : NULL);
}

static void
on_pillar_selected_cb (RkProjectEditor *self)
{
  apply_enum (self, "pillar", RK_TYPE_PILLAR, adw_combo_row_get_selected (self->pillar_row));
}

static void
on_status_selected_cb (RkProjectEditor *self)
{
  apply_enum (self, "status", RK_TYPE_STATUS, adw_combo_row_get_selected (self->status_row));
}

static void
on_text_changed_cb (GtkTextBuffer   *buffer,
                    RkProjectEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_string (self, NULL, g_object_get_data (G_OBJECT (buffer), "property"), text);
}

/* Milestones */

static void
on_milestone_done_cb (GtkCheckButton  *check,
                      RkProjectEditor *self)
{
  RkMilestone *milestone = g_object_get_data (G_OBJECT (check), "milestone");
  g_autoptr(GError) error = NULL;

  g_object_set (milestone, "done", gtk_check_button_get_active (check), NULL);
  if (!rk_milestone_save (milestone, self->db, &error))
    set_error (self, self->milestones_group, error->message);
}

static void
on_milestone_text_cb (GtkEditable     *row,
                      RkProjectEditor *self)
{
  RkMilestone *milestone = g_object_get_data (G_OBJECT (row), "milestone");

  g_object_set (milestone, "text", gtk_editable_get_text (row), NULL);
  g_hash_table_add (self->dirty_milestones, g_object_ref (milestone));
  schedule_save (self);
}

static void
on_milestone_date_cb (GtkCalendar     *calendar,
                      RkProjectEditor *self)
{
  RkMilestone *milestone = g_object_get_data (G_OBJECT (calendar), "milestone");
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  g_object_set (milestone, "date", iso, NULL);
  if (!rk_milestone_save (milestone, self->db, &error))
    set_error (self, self->milestones_group, error->message);
  rebuild_milestones (self);
}

static void
on_remove_milestone_cb (GtkButton       *button,
                        RkProjectEditor *self)
{
  RkMilestone *milestone = g_object_get_data (G_OBJECT (button), "milestone");
  g_autoptr(GError) error = NULL;

  rk_project_editor_flush (self);
  g_hash_table_remove (self->dirty_milestones, milestone);
  if (!rk_project_remove_milestone (self->db, milestone, &error))
    set_error (self, self->milestones_group, error->message);
  rebuild_milestones (self);
}

static GtkWidget *
new_milestone_row (RkProjectEditor *self,
                   RkMilestone     *milestone)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *date_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = rk_format_date (rk_milestone_get_date (milestone));
  g_autofree char *date_label = g_strdup_printf (_("Change Date of Milestone of %s"), date);
  g_autofree char *remove_label = g_strdup_printf (_("Remove Milestone of %s"), date);
  g_autofree char *done_label = g_strdup_printf (_("Milestone of %s Done"), date);
  int y, m, d;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  gtk_editable_set_text (GTK_EDITABLE (row), rk_milestone_get_text (milestone));
  g_object_set_data_full (G_OBJECT (row), "milestone", g_object_ref (milestone), g_object_unref);
  g_signal_connect (row, "changed", G_CALLBACK (on_milestone_text_cb), self);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), rk_milestone_get_done (milestone));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, done_label, -1);
  g_object_set_data (G_OBJECT (check), "milestone", milestone);
  g_signal_connect (check, "toggled", G_CALLBACK (on_milestone_done_cb), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);

  if (sscanf (rk_milestone_get_date (milestone), "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);
      if (day != NULL)
        gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    }
  g_object_set_data (G_OBJECT (calendar), "milestone", milestone);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_milestone_date_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (date_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (date_button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (date_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (date_button, "flat");
  gtk_widget_set_tooltip_text (date_button, _("Change Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (date_button), GTK_ACCESSIBLE_PROPERTY_LABEL, date_label, -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), date_button);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Milestone"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "milestone", milestone);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_milestone_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  return row;
}

static void
rebuild_milestones (RkProjectEditor *self)
{
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->milestone_rows->len; i++)
    adw_preferences_group_remove (self->milestones_group, g_ptr_array_index (self->milestone_rows, i));
  g_ptr_array_set_size (self->milestone_rows, 0);

  if (self->project == NULL || rk_project_get_id (self->project) == NULL)
    return;

  milestones = rk_project_list_milestones (self->db, rk_project_get_id (self->project), &error);
  if (milestones == NULL)
    {
      set_error (self, self->milestones_group, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(RkMilestone) milestone = g_list_model_get_item (milestones, i);
      GtkWidget *row = new_milestone_row (self, milestone);

      adw_preferences_group_add (self->milestones_group, row);
      g_ptr_array_add (self->milestone_rows, row);
    }
}

static void
on_add_milestone_cb (RkProjectEditor *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (today, "%Y-%m-%d");
  g_autoptr(RkMilestone) milestone = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  rk_project_editor_flush (self);
  milestone = rk_project_add_milestone (self->db, rk_project_get_id (self->project), iso, "", &error);
  if (milestone == NULL)
    {
      set_error (self, self->milestones_group, error->message);
      return;
    }

  rebuild_milestones (self);

  /* The new one is where the text is typed next. */
  for (guint i = 0; i < self->milestone_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->milestone_rows, i);
      RkMilestone *shown = g_object_get_data (G_OBJECT (row), "milestone");

      if (g_strcmp0 (rk_milestone_get_id (shown), rk_milestone_get_id (milestone)) == 0)
        gtk_widget_grab_focus (row);
    }
}

/* Municipalities */

static void
on_remove_municipality_cb (GtkButton       *button,
                           RkProjectEditor *self);

static void
rebuild_municipalities (RkProjectEditor *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->municipality_rows->len; i++)
    adw_preferences_group_remove (self->municipalities_group, g_ptr_array_index (self->municipality_rows, i));
  g_ptr_array_set_size (self->municipality_rows, 0);
  g_clear_pointer (&self->municipality_ids, g_strfreev);

  if (self->project == NULL || self->db == NULL)
    return;

  self->municipality_ids = rk_project_list_municipalities (self->db, rk_project_get_id (self->project), &error);
  if (self->municipality_ids == NULL)
    {
      set_error (self, self->municipalities_group, error->message);
      return;
    }

  all = rk_database_list_municipalities (self->db);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (all, i);
      const char *district = rk_municipality_get_district (municipality);
      GtkWidget *row, *remove;
      g_autofree char *label = NULL;

      if (!g_strv_contains ((const char * const *) self->municipality_ids,
                            rk_municipality_get_id (municipality)))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_municipality_get_name (municipality));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), district != NULL ? district : _("Independent city"));

      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      label = g_strdup_printf (_("Remove %s"), rk_municipality_get_name (municipality));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "municipality-id",
                              g_strdup (rk_municipality_get_id (municipality)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_municipality_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->municipalities_group, row);
      g_ptr_array_add (self->municipality_rows, row);
    }

  if (self->municipality_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No municipality assigned"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->municipalities_group, row);
      g_ptr_array_add (self->municipality_rows, row);
    }
}

static void
on_remove_municipality_cb (GtkButton       *button,
                           RkProjectEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "municipality-id");
  g_autoptr(GError) error = NULL;

  rk_project_editor_flush (self);
  if (!rk_project_remove_municipality (self->db, rk_project_get_id (self->project), id, &error))
    set_error (self, self->municipalities_group, error->message);
  rebuild_municipalities (self);
}

static gboolean
municipality_visible (GtkListBoxRow *row,
                      gpointer       user_data)
{
  RkProjectEditor *self = user_data;
  RkMunicipality *municipality = g_object_get_data (G_OBJECT (row), "municipality");
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->municipality_search));

  if (self->municipality_ids != NULL &&
      g_strv_contains ((const char * const *) self->municipality_ids, rk_municipality_get_id (municipality)))
    return FALSE;

  /* "Mulheim" finds "Mülheim": GLib folds to ASCII alternates. */
  return *search == '\0' ||
         g_str_match_string (search, rk_municipality_get_name (municipality), TRUE) ||
         (rk_municipality_get_district (municipality) != NULL &&
          g_str_match_string (search, rk_municipality_get_district (municipality), TRUE));
}

static void
on_municipality_popover_show_cb (RkProjectEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->municipality_search), "");
  gtk_list_box_invalidate_filter (self->municipality_list);
  gtk_widget_grab_focus (GTK_WIDGET (self->municipality_search));
}

static void
on_municipality_search_cb (RkProjectEditor *self)
{
  gtk_list_box_invalidate_filter (self->municipality_list);
}

static void
on_municipality_activated_cb (RkProjectEditor *self,
                              GtkListBoxRow   *row)
{
  RkMunicipality *municipality = g_object_get_data (G_OBJECT (row), "municipality");
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  rk_project_editor_flush (self);
  if (!rk_project_add_municipality (self->db, rk_project_get_id (self->project),
                                    rk_municipality_get_id (municipality), &error))
    set_error (self, self->municipalities_group, error->message);
  gtk_popover_popdown (self->municipality_popover);
  rebuild_municipalities (self);
}

static void
on_municipality_search_activate_cb (RkProjectEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->municipality_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      {
        on_municipality_activated_cb (self, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
fill_municipality_list (RkProjectEditor *self)
{
  g_autoptr(GListModel) all = rk_database_list_municipalities (self->db);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->municipality_list))) != NULL)
    gtk_list_box_remove (self->municipality_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (all, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (rk_municipality_get_name (municipality));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rk_municipality_get_name (municipality), -1);
      g_object_set_data_full (G_OBJECT (row), "municipality", g_object_ref (municipality), g_object_unref);
      gtk_list_box_append (self->municipality_list, row);
    }
}

/* Widgets from the project */

static void
sync_widgets (RkProjectEditor *self)
{
  RkProject *project = self->project;
  g_autofree char *volume = NULL;
  guint field_position = 0;

  if (project == NULL)
    return;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), rk_project_get_title (project));
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), rk_project_get_code (project) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->ministry_row), rk_project_get_lead_ministry (project));
  if (rk_project_get_volume_cents (project) != RK_NO_VOLUME)
    volume = rk_format_money (rk_project_get_volume_cents (project));
  gtk_editable_set_text (GTK_EDITABLE (self->volume_row), volume ?: "");

  for (guint i = 0; self->fields != NULL && i < g_list_model_get_n_items (self->fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (self->fields, i);

      if (g_strcmp0 (rk_field_get_id (field), rk_project_get_field_id (project)) == 0)
        field_position = i + 1;
    }
  adw_combo_row_set_selected (self->field_row, field_position);
  adw_combo_row_set_selected (self->pillar_row, rk_project_get_pillar (project));
  adw_combo_row_set_selected (self->status_row, rk_project_get_status (project));
  rk_date_row_set_date (self->start_row, rk_project_get_start_date (project));
  rk_date_row_set_date (self->end_row, rk_project_get_end_date (project));

  for (guint i = 0; i < self->text_views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (self->text_views, i);
      g_autofree char *text = NULL;

      g_object_get (project, texts[i].property, &text, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ?: "", -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->example_note), rk_project_get_is_example (project));
  update_changed_row (self);

  self->loading = FALSE;

  g_hash_table_remove_all (self->errors);
  update_validation (self);
  rebuild_milestones (self);
  rebuild_municipalities (self);
  rk_project_partners_group_set_project (self->partners_group, self->db, rk_project_get_id (project));
  rk_project_notes_group_set_project (self->notes_group, self->db, rk_project_get_id (project));
}

static void
on_open_organisation_cb (RkProjectEditor *self,
                         const char      *organisation_id)
{
  rk_project_editor_flush (self);
  g_signal_emit (self, signals[OPEN_ORGANISATION], 0, organisation_id);
}

static void
on_open_note_cb (RkProjectEditor *self,
                 const char      *note_id)
{
  rk_project_editor_flush (self);
  g_signal_emit (self, signals[OPEN_NOTE], 0, note_id);
}

static void
on_show_all_notes_cb (RkProjectEditor *self,
                      const char      *project_id)
{
  rk_project_editor_flush (self);
  g_signal_emit (self, signals[SHOW_NOTES], 0, project_id);
}

static void
build_text_views (RkProjectEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(texts[i].label));
      GtkTextView *view;
      GtkWidget *area = rk_text_area_new (label, &view);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");

      g_object_set_data (G_OBJECT (buffer), "property", (gpointer) texts[i].property);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed_cb), self);

      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), area);
      if (i > 0)
        gtk_widget_set_margin_top (box, 12);
      adw_preferences_group_add (self->texts_group, box);
      g_ptr_array_add (self->text_views, view);
    }
}

static void
rk_project_editor_dispose (GObject *object)
{
  RkProjectEditor *self = (RkProjectEditor *) object;
  GtkWidget *child;

  rk_project_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PROJECT_EDITOR);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->project);
  g_clear_object (&self->saved);
  g_clear_object (&self->db);
  g_clear_object (&self->fields);

  G_OBJECT_CLASS (rk_project_editor_parent_class)->dispose (object);
}

static void
rk_project_editor_finalize (GObject *object)
{
  RkProjectEditor *self = (RkProjectEditor *) object;

  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->text_views);
  g_ptr_array_unref (self->milestone_rows);
  g_ptr_array_unref (self->municipality_rows);
  g_hash_table_unref (self->errors);
  g_hash_table_unref (self->dirty_milestones);
  g_strfreev (self->municipality_ids);

  G_OBJECT_CLASS (rk_project_editor_parent_class)->finalize (object);
}

static void
rk_project_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RkProjectEditor *self = RK_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rk_project_editor_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_project_editor_class_init (RkProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_project_editor_dispose;
  object_class->finalize = rk_project_editor_finalize;
  object_class->get_property = rk_project_editor_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RkProjectEditor::open-organisation:
   * @organisation_id: a partner of the project to show
   */
  signals[OPEN_ORGANISATION] =
    g_signal_new ("open-organisation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A board note on the project, and all of them, to show in the
   * Advisory Board section. */
  signals[OPEN_NOTE] =
    g_signal_new ("open-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_NOTES] =
    g_signal_new ("show-project-notes", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_DATE_ROW);
  g_type_ensure (RK_TYPE_PROJECT_PARTNERS_GROUP);
  g_type_ensure (RK_TYPE_PROJECT_NOTES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-project-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, clamp);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, example_note);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, field_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, ministry_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, volume_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, changed_row);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, texts_group);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, milestones_group);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, municipalities_group);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, partners_group);
  gtk_widget_class_bind_template_callback (widget_class, on_open_organisation_cb);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, notes_group);
  gtk_widget_class_bind_template_callback (widget_class, on_open_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_notes_cb);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, municipality_popover);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, municipality_search);
  gtk_widget_class_bind_template_child (widget_class, RkProjectEditor, municipality_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_code_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ministry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_volume_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_end_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pillar_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_milestone_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_activated_cb);
}

static void
rk_project_editor_init (RkProjectEditor *self)
{
  g_autoptr(GtkStringList) pillars = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->undo_stack = g_ptr_array_new_with_free_func (g_object_unref);
  self->text_views = g_ptr_array_new ();
  self->milestone_rows = g_ptr_array_new ();
  self->municipality_rows = g_ptr_array_new ();
  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->dirty_milestones = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The combo positions are the enumeration values. */
  for (guint i = 0; i < RK_N_PILLARS; i++)
    gtk_string_list_append (pillars, rk_pillar_get_label (i));
  for (guint i = 0; i < RK_N_STATUSES; i++)
    gtk_string_list_append (statuses, rk_status_get_label (i));
  adw_combo_row_set_model (self->pillar_row, G_LIST_MODEL (pillars));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_use_subtitle (self->status_row, FALSE);

  gtk_list_box_set_filter_func (self->municipality_list, municipality_visible, self, NULL);
  build_text_views (self);
}

void
rk_project_editor_set_database (RkProjectEditor *self,
                                RkDatabase      *db)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (RK_IS_PROJECT_EDITOR (self));

  /* A read-only database can be read but not edited; the page still
   * scrolls. */
  gtk_widget_set_sensitive (self->clamp, db == NULL || !rk_database_get_read_only (db));

  rk_project_editor_set_project (self, NULL);
  if (!g_set_object (&self->db, db) || db == NULL)
    return;

  g_clear_object (&self->fields);
  self->fields = rk_database_list_fields (db);
  gtk_string_list_append (names, _("Not assigned"));
  for (guint i = 0; i < g_list_model_get_n_items (self->fields); i++)
    {
      g_autoptr(RkField) field = g_list_model_get_item (self->fields, i);
      gtk_string_list_append (names, rk_field_get_name (field));
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (names));
  self->loading = FALSE;

  fill_municipality_list (self);
}

/**
 * rk_project_editor_set_project:
 * @project: (nullable): the project to edit; the object the list shows
 *
 * Saves what is pending for the project shown so far, then shows @project.
 */
void
rk_project_editor_set_project (RkProjectEditor *self,
                               RkProject       *project)
{
  g_return_if_fail (RK_IS_PROJECT_EDITOR (self));

  if (self->project == project)
    return;

  rk_project_editor_flush (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_hash_table_remove_all (self->dirty_milestones);
  g_clear_object (&self->saved);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      self->saved = rk_project_copy (project);
      sync_widgets (self);
    }
  set_can_undo_changed (self);
}

RkProject *
rk_project_editor_get_project (RkProjectEditor *self)
{
  g_return_val_if_fail (RK_IS_PROJECT_EDITOR (self), NULL);
  return self->project;
}

gboolean
rk_project_editor_can_undo (RkProjectEditor *self)
{
  g_return_val_if_fail (RK_IS_PROJECT_EDITOR (self), FALSE);
  return self->undo_stack->len > 0 ||
         (self->project != NULL && self->saved != NULL &&
          !rk_project_equal_values (self->project, self->saved));
}

/**
 * rk_project_editor_undo:
 *
 * Puts back the project as it was before its last saved edit, and stores
 * that; called again, it goes further back.
 *
 * Returns: whether there was an edit to undo
 */
gboolean
rk_project_editor_undo (RkProjectEditor *self)
{
  g_autoptr(RkProject) previous = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_PROJECT_EDITOR (self), FALSE);

  if (self->project == NULL || !rk_project_editor_flush (self) || self->undo_stack->len == 0)
    return FALSE;

  previous = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  rk_project_set_values_from (self->project, previous);
  if (!rk_project_save (self->project, self->db, &error))
    {
      set_error (self, self, error->message);
      g_ptr_array_add (self->undo_stack, g_steal_pointer (&previous));
      return FALSE;
    }

  g_set_object (&self->saved, NULL);
  self->saved = rk_project_copy (self->project);
  sync_widgets (self);
  set_can_undo_changed (self);
  return TRUE;
}

void
rk_project_editor_focus_title (RkProjectEditor *self)
{
  g_return_if_fail (RK_IS_PROJECT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
