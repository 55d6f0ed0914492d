/* rk-organisation-editor.c: the detail page of a partner organisation
 *
 * Like the project editor: a value is checked before it reaches the
 * organisation, invalid input stays in its field with a message, valid
 * edits save half a second after the last keystroke and when leaving. A
 * name that matches another organisation's is flagged with a way to open
 * that one. People (private persons, the self-employed) get their personal
 * data rights: export and erase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-organisation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-format.h"
#include "rk-organisation-editor.h"
#include "rk-personal-data.h"
#include "rk-reference.h"
#include "rk-text-area.h"

#define SAVE_DELAY_MS 500

struct _RkOrganisationEditor
{
  GtkWidget       parent_instance;

  GtkWidget     *clamp;

  RkDatabase     *db;
  RkOrganisation *organisation;
  RkOrganisation *saved;
  char           *duplicate_id;
  GHashTable     *errors;        /* GtkWidget → message */
  GPtrArray      *project_rows;
  GListModel     *municipalities;
  guint           save_id;
  gboolean        loading;

  GtkLabel       *example_note;
  AdwEntryRow    *name_row;
  AdwActionRow   *duplicate_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *municipality_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *website_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  GtkWidget      *open_website_button;
  GtkWidget      *write_email_button;
  AdwActionRow   *changed_row;
  GtkLabel       *validation_label;
  GtkScrolledWindow *notes_area;
  GtkTextView    *notes_view;
  AdwPreferencesGroup *personal_group;
  AdwPreferencesGroup *projects_group;
};

G_DEFINE_FINAL_TYPE (RkOrganisationEditor, rk_organisation_editor, GTK_TYPE_WIDGET)

enum {
  OPEN_PROJECT,
  OPEN_ORGANISATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_link_buttons (RkOrganisationEditor *self);

static void
update_validation (RkOrganisationEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer widget, message;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->website_row), GTK_WIDGET (self->email_row),
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
  update_link_buttons (self);
}

static void
set_error (RkOrganisationEditor *self,
           gpointer              widget,
           const char           *message)
{
  if (message != NULL)
    g_hash_table_insert (self->errors, widget, g_strdup (message));
  else
    g_hash_table_remove (self->errors, widget);
  update_validation (self);
}

/* Opening an address works only for a valid, stored one. */
static void
update_link_buttons (RkOrganisationEditor *self)
{
  gboolean has_website = self->organisation != NULL &&
                         *rk_organisation_get_website (self->organisation) != '\0' &&
                         !g_hash_table_contains (self->errors, self->website_row);
  gboolean has_email = self->organisation != NULL &&
                       *rk_organisation_get_email (self->organisation) != '\0' &&
                       !g_hash_table_contains (self->errors, self->email_row);

  gtk_widget_set_sensitive (self->open_website_button, has_website);
  gtk_widget_set_sensitive (self->write_email_button, has_email);
}

static void
update_changed_row (RkOrganisationEditor *self)
{
  g_autofree char *when = rk_format_timestamp (rk_organisation_get_updated_at (self->organisation));

  adw_action_row_set_subtitle (self->changed_row, when);
}

gboolean
rk_organisation_editor_flush (RkOrganisationEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RK_IS_ORGANISATION_EDITOR (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->organisation == NULL || self->db == NULL ||
      rk_organisation_equal_values (self->organisation, self->saved))
    return TRUE;

  if (!rk_organisation_save (self->organisation, self->db, &error))
    {
      set_error (self, self, error->message);
      return FALSE;
    }

  set_error (self, self, NULL);
  g_set_object (&self->saved, NULL);
  self->saved = rk_organisation_copy (self->organisation);
  update_changed_row (self);
  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  RkOrganisationEditor *self = user_data;

  self->save_id = 0;
  rk_organisation_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
try_apply (RkOrganisationEditor *self,
           gpointer              widget,
           const char           *property,
           const GValue         *value)
{
  g_autoptr(RkOrganisation) trial = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->organisation == NULL)
    return;

  trial = rk_organisation_copy (self->organisation);
  g_object_set_property (G_OBJECT (trial), property, value);
  if (!rk_organisation_validate (trial, &error))
    {
      set_error (self, widget, error->message);
      return;
    }

  g_object_set_property (G_OBJECT (self->organisation), property, value);
  set_error (self, widget, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
apply_text (RkOrganisationEditor *self,
            gpointer              widget,
            const char           *property,
            const char           *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_value_init (&value, G_TYPE_STRING);
  /* Notes keep their line breaks and spaces; one-line fields are trimmed. */
  g_value_set_string (&value, g_str_equal (property, "notes") ? text : stripped);
  try_apply (self, widget, property, &value);
}

static void
check_duplicates (RkOrganisationEditor *self,
                  const char           *name)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->duplicate_id, g_free);
  found = rk_organisation_find_duplicates (self->db, name,
                                           rk_organisation_get_id (self->organisation), NULL);
  if (found != NULL && found->len > 0)
    {
      RkOrganisation *other = g_ptr_array_index (found, 0);

      self->duplicate_id = g_strdup (rk_organisation_get_id (other));
      /* Translators: %s is the other organisation's name */
      subtitle = g_strdup_printf (_("“%s” has the same name, apart from spelling or legal form."),
                                  rk_organisation_get_name (other));
      adw_action_row_set_subtitle (self->duplicate_row, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_row), self->duplicate_id != NULL);
}

static void
on_name_changed_cb (RkOrganisationEditor *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  apply_text (self, self->name_row, "name", name);
  if (!self->loading && self->organisation != NULL)
    check_duplicates (self, name);
}

static void
on_open_duplicate_cb (RkOrganisationEditor *self)
{
  g_autofree char *id = g_strdup (self->duplicate_id);

  if (id != NULL)
    g_signal_emit (self, signals[OPEN_ORGANISATION], 0, id);
}

static void
on_address_changed_cb (RkOrganisationEditor *self)
{
  apply_text (self, self->address_row, "address", gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
}

static void
on_website_changed_cb (RkOrganisationEditor *self)
{
  apply_text (self, self->website_row, "website", gtk_editable_get_text (GTK_EDITABLE (self->website_row)));
}

static void
on_email_changed_cb (RkOrganisationEditor *self)
{
  apply_text (self, self->email_row, "email", gtk_editable_get_text (GTK_EDITABLE (self->email_row)));
}

static void
on_phone_changed_cb (RkOrganisationEditor *self)
{
  apply_text (self, self->phone_row, "phone", gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
}

static void
on_notes_changed_cb (GtkTextBuffer        *buffer,
                     RkOrganisationEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_text (self, NULL, "notes", text);
}

static void
update_personal (RkOrganisationEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->personal_group),
                          self->organisation != NULL &&
                          rk_organisation_is_personal (self->organisation) &&
                          !rk_organisation_is_erased (self->organisation));
}

static void
on_kind_selected_cb (RkOrganisationEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, RK_TYPE_KIND);
  g_value_set_enum (&value, selected);
  try_apply (self, NULL, "kind", &value);
  update_personal (self);
}

static void
on_municipality_selected_cb (RkOrganisationEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->municipality_row);
  g_autoptr(RkMunicipality) municipality = NULL;

  /* Position 0 is "None"; the 53 follow by name. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->municipalities != NULL)
    municipality = g_list_model_get_item (self->municipalities, selected - 1);
  apply_text (self, NULL, "municipality-id",
              municipality != NULL ? rk_municipality_get_id (municipality) : "");
}

static void
show_uri (RkOrganisationEditor *self,
          const char           *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_open_website_cb (RkOrganisationEditor *self)
{
  const char *website = rk_organisation_get_website (self->organisation);
  g_autofree char *uri = NULL;

  if (website == NULL || *website == '\0' || g_hash_table_contains (self->errors, self->website_row))
    return;

  uri = g_str_has_prefix (website, "http://") || g_str_has_prefix (website, "https://")
        ? g_strdup (website) : g_strconcat ("https://", website, NULL);
  show_uri (self, uri);
}

static void
on_write_email_cb (RkOrganisationEditor *self)
{
  const char *email = rk_organisation_get_email (self->organisation);
  g_autofree char *uri = NULL;

  if (email == NULL || *email == '\0' || g_hash_table_contains (self->errors, self->email_row))
    return;

  uri = g_strconcat ("mailto:", email, NULL);
  show_uri (self, uri);
}

static void
on_project_activated_cb (AdwActionRow         *row,
                         RkOrganisationEditor *self)
{
  g_signal_emit (self, signals[OPEN_PROJECT], 0, g_object_get_data (G_OBJECT (row), "project-id"));
}

static void
rebuild_projects (RkOrganisationEditor *self)
{
  g_autoptr(GListModel) links = NULL;

  for (guint i = 0; i < self->project_rows->len; i++)
    adw_preferences_group_remove (self->projects_group, g_ptr_array_index (self->project_rows, i));
  g_ptr_array_set_size (self->project_rows, 0);

  if (self->organisation == NULL || rk_organisation_get_id (self->organisation) == NULL)
    return;

  links = rk_organisation_list_projects (self->db, rk_organisation_get_id (self->organisation), NULL);
  for (guint i = 0; links != NULL && i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RkPartnerLink) link = g_list_model_get_item (links, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_partner_link_get_project_title (link));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rk_role_get_label (rk_partner_link_get_role (link)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "project-id",
                              g_strdup (rk_partner_link_get_project_id (link)), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_project_activated_cb), self);
      adw_preferences_group_add (self->projects_group, row);
      g_ptr_array_add (self->project_rows, row);
    }

  if (self->project_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not a partner of any project yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->projects_group, row);
      g_ptr_array_add (self->project_rows, row);
    }
}

static void
sync_widgets (RkOrganisationEditor *self)
{
  RkOrganisation *organisation = self->organisation;
  g_autofree char *address = NULL, *phone = NULL, *notes = NULL;
  guint municipality_position = 0;

  self->loading = TRUE;

  g_object_get (organisation, "address", &address, "phone", &phone, "notes", &notes, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rk_organisation_get_name (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), rk_organisation_get_website (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), rk_organisation_get_email (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes, -1);
  adw_combo_row_set_selected (self->kind_row, rk_organisation_get_kind (organisation));

  for (guint i = 0; self->municipalities != NULL && i < g_list_model_get_n_items (self->municipalities); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (self->municipalities, i);

      if (g_strcmp0 (rk_municipality_get_id (municipality),
                     rk_organisation_get_municipality_id (organisation)) == 0)
        municipality_position = i + 1;
    }
  adw_combo_row_set_selected (self->municipality_row, municipality_position);

  gtk_widget_set_visible (GTK_WIDGET (self->example_note), rk_organisation_get_is_example (organisation));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_row), FALSE);
  update_changed_row (self);
  update_personal (self);

  self->loading = FALSE;

  g_hash_table_remove_all (self->errors);
  update_validation (self);
  rebuild_projects (self);
}

/* Personal data */

static void
on_export_chosen_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     RkOrganisationEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->organisation != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      json = rk_personal_data_to_json (self->db, rk_organisation_get_id (self->organisation), &error);
      if (json == NULL ||
          !g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, &error))
        set_error (self, self->personal_group, error->message);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_personal_data_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RkOrganisationEditor *self = RK_ORGANISATION_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->organisation == NULL)
    return;

  rk_organisation_editor_flush (self);
  chooser = gtk_file_chooser_native_new (_("Export Personal Data"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name suggested for a person's data; %s is the name */
  name = g_strdup_printf (_("Personal data %s.json"), rk_organisation_get_name (self->organisation));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_erase_response_cb (AdwMessageDialog     *dialog,
                      const char           *response,
                      RkOrganisationEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RkOrganisation) organisation = NULL;

  if (!g_str_equal (response, "erase") || self->organisation == NULL)
    return;

  organisation = g_object_ref (self->organisation);
  if (!rk_organisation_erase_personal_data (self->db, rk_organisation_get_id (organisation), &error))
    {
      set_error (self, self->personal_group, error->message);
      return;
    }

  rk_organisation_reload (organisation, self->db, NULL);
  g_set_object (&self->saved, NULL);
  self->saved = rk_organisation_copy (organisation);
  sync_widgets (self);
}

static void
erase_personal_data_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RkOrganisationEditor *self = RK_ORGANISATION_EDITOR (widget);
  GtkWidget *dialog;

  if (self->organisation == NULL)
    return;

  rk_organisation_editor_flush (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Erase Personal Data?"), NULL);
  /* Translators: %s is a person's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The name, address, website, e-mail, phone and notes of “%s” will be erased from the database. The links to projects remain, without the name. This cannot be undone."),
                                  rk_organisation_get_name (self->organisation));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rk_organisation_editor_dispose (GObject *object)
{
  RkOrganisationEditor *self = (RkOrganisationEditor *) object;
  GtkWidget *child;

  rk_organisation_editor_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_ORGANISATION_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->organisation);
  g_clear_object (&self->saved);
  g_clear_object (&self->db);
  g_clear_object (&self->municipalities);

  G_OBJECT_CLASS (rk_organisation_editor_parent_class)->dispose (object);
}

static void
rk_organisation_editor_finalize (GObject *object)
{
  RkOrganisationEditor *self = (RkOrganisationEditor *) object;

  g_hash_table_unref (self->errors);
  g_ptr_array_unref (self->project_rows);
  g_free (self->duplicate_id);

  G_OBJECT_CLASS (rk_organisation_editor_parent_class)->finalize (object);
}

static void
rk_organisation_editor_class_init (RkOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_organisation_editor_dispose;
  object_class->finalize = rk_organisation_editor_finalize;

  /**
   * RkOrganisationEditor::open-project:
   * @project_id: the project to show
   */
  signals[OPEN_PROJECT] =
    g_signal_new ("open-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RkOrganisationEditor::open-organisation:
   * @organisation_id: another organisation to show (a duplicate)
   */
  signals[OPEN_ORGANISATION] =
    g_signal_new ("open-organisation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-organisation-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, clamp);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, example_note);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, duplicate_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, municipality_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, website_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, open_website_button);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, write_email_button);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, changed_row);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, validation_label);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, notes_area);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, personal_group);
  gtk_widget_class_bind_template_child (widget_class, RkOrganisationEditor, projects_group);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_duplicate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_municipality_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_website_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_phone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_website_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_write_email_cb);

  gtk_widget_class_install_action (widget_class, "organisation.export-personal-data", NULL,
                                   export_personal_data_action);
  gtk_widget_class_install_action (widget_class, "organisation.erase-personal-data", NULL,
                                   erase_personal_data_action);
}

static void
rk_organisation_editor_init (RkOrganisationEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->errors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->project_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rk_text_area_setup (self->notes_area);

  /* The combo positions are the enumeration values. */
  for (guint i = 0; i < RK_N_KINDS; i++)
    gtk_string_list_append (kinds, rk_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (on_notes_changed_cb), self);
}

void
rk_organisation_editor_set_database (RkOrganisationEditor *self,
                                     RkDatabase           *db)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (RK_IS_ORGANISATION_EDITOR (self));

  /* A read-only database can be read but not edited; the page still
   * scrolls. */
  gtk_widget_set_sensitive (self->clamp, db == NULL || !rk_database_get_read_only (db));

  rk_organisation_editor_set_organisation (self, NULL);
  if (!g_set_object (&self->db, db) || db == NULL)
    return;

  g_clear_object (&self->municipalities);
  self->municipalities = rk_database_list_municipalities (db);
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (self->municipalities); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (self->municipalities, i);
      gtk_string_list_append (names, rk_municipality_get_name (municipality));
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->municipality_row, G_LIST_MODEL (names));
  self->loading = FALSE;
}

void
rk_organisation_editor_set_organisation (RkOrganisationEditor *self,
                                         RkOrganisation       *organisation)
{
  g_return_if_fail (RK_IS_ORGANISATION_EDITOR (self));

  if (self->organisation == organisation)
    return;

  rk_organisation_editor_flush (self);
  g_clear_object (&self->saved);
  g_set_object (&self->organisation, organisation);
  if (organisation != NULL)
    {
      self->saved = rk_organisation_copy (organisation);
      sync_widgets (self);
    }
}

RkOrganisation *
rk_organisation_editor_get_organisation (RkOrganisationEditor *self)
{
  g_return_val_if_fail (RK_IS_ORGANISATION_EDITOR (self), NULL);
  return self->organisation;
}

void
rk_organisation_editor_focus_name (RkOrganisationEditor *self)
{
  g_return_if_fail (RK_IS_ORGANISATION_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
