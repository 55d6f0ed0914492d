/* rk-partners-page.c: the Partners section, list beside detail
 *
 * The organisations as an RkRecordList beside the organisation editor, in
 * an AdwLeaflet that folds on a narrow window, as in the Projects section.
 * Deleting asks first when the organisation is a partner in projects;
 * Merge Into… combines two organisations; both can be undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-partners-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-example.h"
#include "rk-organisation-editor.h"
#include "rk-organisation.h"
#include "rk-partners-page.h"
#include "rk-reference.h"
#include "rk-toast.h"

struct _RkPartnersPage
{
  GtkWidget           parent_instance;

  RkDatabase         *db;
  RkRecordList       *list;
  GtkSingleSelection *selection;
  char               *selected_id;
  GListModel         *municipalities;

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkButton          *back_button;
  GtkLabel           *detail_title;
  GtkStack           *detail_stack;
  RkOrganisationEditor *editor;
  GtkDropDown        *kind_filter;
  GtkDropDown        *municipality_filter;
  GtkDropDown        *sort_dropdown;
};

G_DEFINE_FINAL_TYPE (RkPartnersPage, rk_partners_page, GTK_TYPE_WIDGET)

enum {
  OPEN_PROJECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (RkPartnersPage *self)
{
  gboolean writable = self->db != NULL && !rk_database_get_read_only (self->db);
  gboolean selected = rk_organisation_editor_get_organisation (self->editor) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.delete", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.merge", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "partners.load-example-data",
                                 writable && self->db != NULL && !rk_example_is_loaded (self->db));
}

static void
update_count (RkPartnersPage *self)
{
  guint shown = 0, total = 0;
  g_autofree char *text = NULL;

  if (self->list != NULL)
    {
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
      total = rk_record_list_get_n_total (self->list);
    }

  /* Translators: "3 of 31 organisations" */
  text = g_strdup_printf (ngettext ("%u of %u organisation", "%u of %u organisations", total), shown, total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
  update_actions (self);
}

static void
update_detail_title (RkPartnersPage *self)
{
  RkOrganisation *organisation = rk_organisation_editor_get_organisation (self->editor);

  gtk_label_set_text (self->detail_title,
                      organisation != NULL ? rk_organisation_get_name (organisation) : "");
}

static void
show_organisation (RkPartnersPage *self,
                   RkOrganisation *organisation)
{
  RkOrganisation *old = rk_organisation_editor_get_organisation (self->editor);

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, update_detail_title, self);

  rk_organisation_editor_set_organisation (self->editor, organisation);
  gtk_stack_set_visible_child_name (self->detail_stack, organisation != NULL ? "editor" : "none");
  if (organisation != NULL)
    g_signal_connect_object (organisation, "notify::name", G_CALLBACK (update_detail_title),
                             self, G_CONNECT_SWAPPED);
  update_detail_title (self);
  update_actions (self);
}

static void
on_selection_changed_cb (RkPartnersPage *self)
{
  RkOrganisation *organisation = gtk_single_selection_get_selected_item (self->selection);
  guint position;

  if (organisation == NULL && self->selected_id != NULL &&
      rk_record_list_find (self->list, self->selected_id, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      return;
    }

  g_free (self->selected_id);
  self->selected_id = organisation != NULL ? g_strdup (rk_organisation_get_id (organisation)) : NULL;
  show_organisation (self, organisation);
}

static void
on_list_activate_cb (RkPartnersPage *self,
                     guint           position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_folded_changed_cb (RkPartnersPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed_cb (RkPartnersPage *self)
{
  if (self->list != NULL)
    rk_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (RkPartnersPage *self)
{
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
    }
}

static void
on_stop_search_cb (RkPartnersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed_cb (RkPartnersPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint municipality = gtk_drop_down_get_selected (self->municipality_filter);
  g_autoptr(RkMunicipality) chosen = NULL;

  if (self->list == NULL)
    return;

  /* Position 0 of each drop-down is "All". */
  if (municipality != GTK_INVALID_LIST_POSITION && municipality > 0)
    chosen = g_list_model_get_item (self->municipalities, municipality - 1);

  rk_organisation_list_set_kind (self->list, kind > 0 && kind != GTK_INVALID_LIST_POSITION
                                             ? rk_kind_to_key (kind - 1) : NULL);
  rk_organisation_list_set_municipality (self->list, chosen != NULL ? rk_municipality_get_id (chosen) : NULL);
}

static void
on_sort_changed_cb (RkPartnersPage *self)
{
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->list != NULL && sort != GTK_INVALID_LIST_POSITION)
    rk_record_list_set_sort (self->list, sort);
}

static void
fill_filters (RkPartnersPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) municipalities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("All kinds"));
  for (guint i = 0; i < RK_N_KINDS; i++)
    gtk_string_list_append (kinds, rk_kind_get_label (i));

  gtk_string_list_append (municipalities, _("All municipalities"));
  for (guint i = 0; i < g_list_model_get_n_items (self->municipalities); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (self->municipalities, i);
      gtk_string_list_append (municipalities, rk_municipality_get_name (municipality));
    }

  /* In the order of RkOrganisationSort. */
  gtk_string_list_append (sorts, _("Name"));
  gtk_string_list_append (sorts, _("Last Changed"));

  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->municipality_filter, G_LIST_MODEL (municipalities));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
}

/* Rows */

static void
update_row (GtkWidget *box)
{
  RkOrganisation *organisation = g_object_get_data (G_OBJECT (box), "organisation");
  RkPartnersPage *self = g_object_get_data (G_OBJECT (box), "page");
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  g_autoptr(GString) text = g_string_new (rk_kind_get_label (rk_organisation_get_kind (organisation)));
  g_autofree char *accessible = NULL;
  const char *municipality_id = rk_organisation_get_municipality_id (organisation);

  for (guint i = 0; municipality_id != NULL && i < g_list_model_get_n_items (self->municipalities); i++)
    {
      g_autoptr(RkMunicipality) municipality = g_list_model_get_item (self->municipalities, i);

      if (g_str_equal (rk_municipality_get_id (municipality), municipality_id))
        g_string_append_printf (text, " · %s", rk_municipality_get_name (municipality));
    }
  if (rk_organisation_is_personal (organisation))
    g_string_append_printf (text, " · %s", _("Personal data"));
  if (rk_organisation_get_is_example (organisation))
    g_string_append_printf (text, " · %s", _("Example data"));

  gtk_label_set_text (GTK_LABEL (name), rk_organisation_get_name (organisation));
  gtk_label_set_text (GTK_LABEL (details), text->str);

  accessible = g_strconcat (rk_organisation_get_name (organisation), ", ", text->str, NULL);
  rk_a11y_label_list_item (box, accessible);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              RkPartnersPage           *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  g_object_set_data (G_OBJECT (box), "page", self);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RkPartnersPage           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RkOrganisation *organisation = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (box), "organisation", g_object_ref (organisation), g_object_unref);
  g_signal_connect_object (organisation, "notify", G_CALLBACK (update_row), box, G_CONNECT_SWAPPED);
  update_row (box);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               RkPartnersPage           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  RkOrganisation *organisation = g_object_get_data (G_OBJECT (box), "organisation");

  if (organisation != NULL)
    g_signal_handlers_disconnect_by_data (organisation, box);
  g_object_set_data (G_OBJECT (box), "organisation", NULL);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rk_partners_page_new_organisation (RK_PARTNERS_PAGE (widget));
}

static void
on_undo_cb (AdwToast       *toast,
            RkPartnersPage *self)
{
  RkSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  const char *id = g_object_get_data (G_OBJECT (toast), "organisation-id");
  g_autoptr(GError) error = NULL;

  if (!rk_snapshot_restore (snapshot, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  rk_partners_page_select (self, id);
}

static void
toast_with_undo (RkPartnersPage *self,
                 const char     *message,
                 RkSnapshot     *snapshot,
                 const char     *select_id)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", snapshot, (GDestroyNotify) rk_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "organisation-id", g_strdup (select_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_cb), self, 0);
  rk_toast_show (GTK_WIDGET (self), toast);
}

static void
delete_now (RkPartnersPage *self)
{
  RkOrganisation *organisation = rk_organisation_editor_get_organisation (self->editor);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (organisation == NULL)
    return;

  id = g_strdup (rk_organisation_get_id (organisation));
  /* Translators: %s is an organisation's name */
  message = g_strdup_printf (_("“%s” deleted"), rk_organisation_get_name (organisation));
  g_clear_pointer (&self->selected_id, g_free);
  show_organisation (self, NULL);

  if (!rk_organisation_delete (self->db, id, &snapshot, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  toast_with_undo (self, message, g_steal_pointer (&snapshot), id);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RkPartnersPage   *self)
{
  if (g_str_equal (response, "delete"))
    delete_now (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RkPartnersPage *self = RK_PARTNERS_PAGE (widget);
  RkOrganisation *organisation = rk_organisation_editor_get_organisation (self->editor);
  GtkWidget *dialog;
  guint n_links;

  if (organisation == NULL)
    return;

  rk_organisation_editor_flush (self->editor);
  n_links = rk_organisation_count_links (self->db, rk_organisation_get_id (organisation));
  if (n_links == 0)
    {
      delete_now (self);
      return;
    }

  /* Links go with the organisation: say how many, and ask. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Delete Organisation?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  ngettext ("“%s” is a partner in %u project. Its role there is deleted with it.",
                                            "“%s” is a partner in %u projects. Its roles there are deleted with it.",
                                            n_links),
                                  rk_organisation_get_name (organisation), n_links);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Merge */

static void
on_merge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      RkPartnersPage   *self)
{
  GtkListBox *candidates = g_object_get_data (G_OBJECT (dialog), "candidates");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (candidates);
  RkOrganisation *source = rk_organisation_editor_get_organisation (self->editor);
  g_autoptr(RkSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *message = NULL;
  RkOrganisation *target;

  if (!g_str_equal (response, "merge") || row == NULL || source == NULL)
    return;

  target = g_object_get_data (G_OBJECT (row), "organisation");
  source_id = g_strdup (rk_organisation_get_id (source));
  /* Translators: the first %s is merged into the second */
  message = g_strdup_printf (_("“%s” merged into “%s”"), rk_organisation_get_name (source),
                             rk_organisation_get_name (target));
  g_clear_pointer (&self->selected_id, g_free);
  show_organisation (self, NULL);

  /* Each field keeps what the user chose, the longer text by default. */
  if (!rk_organisation_merge (self->db, rk_organisation_get_id (target), source_id,
                              g_object_get_data (G_OBJECT (dialog), "choices"),
                              &snapshot, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  rk_partners_page_select (self, rk_organisation_get_id (target));
  toast_with_undo (self, message, g_steal_pointer (&snapshot), source_id);
}

static void
fill_candidates (GtkListBox     *box,
                 RkPartnersPage *self,
                 const char     *search)
{
  g_autoptr(RkRecordList) list = rk_organisation_list_new (self->db);
  RkOrganisation *source = rk_organisation_editor_get_organisation (self->editor);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);

  rk_record_list_set_search (list, search);
  /* Enough to pick from; the search narrows a long list. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && shown < 50; i++)
    {
      g_autoptr(RkOrganisation) candidate = g_list_model_get_item (G_LIST_MODEL (list), i);
      GtkWidget *row;

      if (g_strcmp0 (rk_organisation_get_id (candidate), rk_organisation_get_id (source)) == 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rk_organisation_get_name (candidate));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rk_kind_get_label (rk_organisation_get_kind (candidate)));
      g_object_set_data_full (G_OBJECT (row), "organisation", g_object_ref (candidate), g_object_unref);
      gtk_list_box_append (box, row);
      shown++;
    }
}

static void
on_merge_search_cb (GtkSearchEntry *entry,
                    RkPartnersPage *self)
{
  fill_candidates (g_object_get_data (G_OBJECT (entry), "candidates"), self,
                   gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The text fields a merge combines, with their labels. */
static const struct {
  const char *property;
  const char *label;
} merged_fields[] = {
  { "address", N_("Address") },
  { "website", N_("Website") },
  { "email", N_("E-Mail") },
  { "phone", N_("Phone") },
  { "notes", N_("Notes") },
};

static void
on_choice_toggled_cb (GtkCheckButton   *button,
                      AdwMessageDialog *dialog)
{
  GHashTable *choices = g_object_get_data (G_OBJECT (dialog), "choices");

  if (gtk_check_button_get_active (button))
    g_hash_table_insert (choices, g_object_get_data (G_OBJECT (button), "property"),
                         g_object_get_data (G_OBJECT (button), "choice"));
}

static GtkWidget *
choice_button (const char       *property,
               const char       *value,
               RkMergeChoice     choice,
               GtkCheckButton   *group,
               AdwMessageDialog *dialog)
{
  GtkWidget *button = gtk_check_button_new_with_label (value);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_object_set_data (G_OBJECT (button), "property", (gpointer) property);
  g_object_set_data (G_OBJECT (button), "choice", GINT_TO_POINTER (choice));
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_choice_toggled_cb), dialog, 0);
  return button;
}

/* Where both have a different text, the user picks one; the longer is
 * chosen to begin with. */
static void
show_choices (AdwMessageDialog *dialog,
              RkOrganisation   *source,
              RkOrganisation   *target)
{
  GtkBox *box = g_object_get_data (G_OBJECT (dialog), "choice-box");
  GHashTable *choices = g_object_get_data (G_OBJECT (dialog), "choices");
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  g_hash_table_remove_all (choices);

  for (guint i = 0; target != NULL && i < G_N_ELEMENTS (merged_fields); i++)
    {
      g_autofree char *mine = NULL, *theirs = NULL;
      GtkWidget *heading, *keep, *take;

      g_object_get (target, merged_fields[i].property, &mine, NULL);
      g_object_get (source, merged_fields[i].property, &theirs, NULL);
      if (*mine == '\0' || *theirs == '\0' || g_str_equal (mine, theirs))
        continue;

      heading = gtk_label_new (_(merged_fields[i].label));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      keep = choice_button (merged_fields[i].property, mine, RK_MERGE_KEEP_TARGET, NULL, dialog);
      take = choice_button (merged_fields[i].property, theirs, RK_MERGE_TAKE_SOURCE,
                            GTK_CHECK_BUTTON (keep), dialog);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_utf8_strlen (theirs, -1) > g_utf8_strlen (mine, -1)
                                                     ? take : keep), TRUE);
      gtk_box_append (box, heading);
      gtk_box_append (box, keep);
      gtk_box_append (box, take);
    }
}

static void
on_candidate_selected_cb (GtkListBox       *box,
                          GtkListBoxRow    *row,
                          AdwMessageDialog *dialog)
{
  RkPartnersPage *self = g_object_get_data (G_OBJECT (dialog), "page");

  /* The list empties as the dialog goes away, hidden by then. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (box)))
    return;

  adw_message_dialog_set_response_enabled (dialog, "merge", row != NULL);
  show_choices (dialog, rk_organisation_editor_get_organisation (self->editor),
                row != NULL ? g_object_get_data (G_OBJECT (row), "organisation") : NULL);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RkPartnersPage *self = RK_PARTNERS_PAGE (widget);
  RkOrganisation *source = rk_organisation_editor_get_organisation (self->editor);
  GtkWidget *dialog, *box, *search, *scrolled, *candidates, *choice_box;

  if (source == NULL)
    return;

  rk_organisation_editor_flush (self->editor);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Merge Into Another Organisation"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Choose the organisation that “%s” is merged into. Its project links move there; where both have a different text, choose which one stays. “%s” is then deleted; Undo brings both back."),
                                  rk_organisation_get_name (source), rk_organisation_get_name (source));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Search partner organisations"), NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  candidates = gtk_list_box_new ();
  gtk_widget_add_css_class (candidates, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (candidates), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organisations to merge into"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), candidates);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  choice_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_box_append (GTK_BOX (box), choice_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "page", self);
  g_object_set_data (G_OBJECT (dialog), "choice-box", choice_box);
  g_object_set_data_full (G_OBJECT (dialog), "choices",
                          g_hash_table_new (g_str_hash, g_str_equal),
                          (GDestroyNotify) g_hash_table_unref);

  g_object_set_data (G_OBJECT (search), "candidates", candidates);
  g_object_set_data (G_OBJECT (dialog), "candidates", candidates);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (on_merge_search_cb), self, 0);
  g_signal_connect_object (candidates, "row-selected", G_CALLBACK (on_candidate_selected_cb), dialog, 0);
  fill_candidates (GTK_LIST_BOX (candidates), self, NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", FALSE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);
  rk_a11y_fix_tree (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rk_partners_page_focus_search (RK_PARTNERS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RkPartnersPage *self = RK_PARTNERS_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    {
      rk_organisation_editor_flush (self->editor);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RkPartnersPage *self = RK_PARTNERS_PAGE (widget);

  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_drop_down_set_selected (self->municipality_filter, 0);
}

static void
load_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RkPartnersPage *self = RK_PARTNERS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!rk_example_load (self->db, &error))
    rk_toast_show_error (GTK_WIDGET (self), error);
  rk_record_list_refresh (self->list, NULL);
}

static void
on_open_project_cb (RkPartnersPage *self,
                    const char     *project_id)
{
  rk_organisation_editor_flush (self->editor);
  g_signal_emit (self, signals[OPEN_PROJECT], 0, project_id);
}

static void
on_open_organisation_cb (RkPartnersPage *self,
                         const char     *organisation_id)
{
  rk_partners_page_select (self, organisation_id);
}

static void
rk_partners_page_dispose (GObject *object)
{
  RkPartnersPage *self = (RkPartnersPage *) object;

  if (self->editor != NULL)
    rk_organisation_editor_flush (self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PARTNERS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->db);
  g_clear_object (&self->municipalities);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (rk_partners_page_parent_class)->dispose (object);
}

static void
rk_partners_page_class_init (RkPartnersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_partners_page_dispose;

  /**
   * RkPartnersPage::open-project:
   * @project_id: a project the open organisation takes part in
   */
  signals[OPEN_PROJECT] =
    g_signal_new ("open-project", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RK_TYPE_ORGANISATION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-partners-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, editor);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, municipality_filter);
  gtk_widget_class_bind_template_child (widget_class, RkPartnersPage, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);

  gtk_widget_class_install_action (widget_class, "partners.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "partners.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "partners.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "partners.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "partners.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "partners.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "partners.load-example-data", NULL, load_example_action);

  /* In the bubble phase, as in the Projects section. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "partners.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "partners.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "partners.back", NULL);
}

static void
rk_partners_page_init (RkPartnersPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->editor, "open-project", G_CALLBACK (on_open_project_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "open-organisation", G_CALLBACK (on_open_organisation_cb),
                           self, G_CONNECT_SWAPPED);
  update_count (self);
}

void
rk_partners_page_set_database (RkPartnersPage *self,
                               RkDatabase     *db)
{
  g_return_if_fail (RK_IS_PARTNERS_PAGE (self));

  show_organisation (self, NULL);
  rk_organisation_editor_set_database (self->editor, db);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->municipalities);
  g_set_object (&self->db, db);

  if (db != NULL)
    {
      self->municipalities = rk_database_list_municipalities (db);
      self->list = rk_organisation_list_new (db);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected-item",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "notify::n-total",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      fill_filters (self);
    }

  update_count (self);
}

void
rk_partners_page_select (RkPartnersPage *self,
                         const char     *organisation_id)
{
  guint position;

  g_return_if_fail (RK_IS_PARTNERS_PAGE (self));

  if (self->list == NULL)
    return;

  /* Not found among the current hits (or not listed yet): show all, read
   * the list now and look again. */
  if (!rk_record_list_find (self->list, organisation_id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      rk_record_list_set_search (self->list, NULL);
      reset_filters_action (GTK_WIDGET (self), NULL, NULL);
      rk_record_list_refresh (self->list, NULL);
      if (!rk_record_list_find (self->list, organisation_id, &position))
        return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
rk_partners_page_focus_search (RkPartnersPage *self)
{
  g_return_if_fail (RK_IS_PARTNERS_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * rk_partners_page_new_organisation:
 *
 * Adds an organisation, shows it and puts the cursor in its name.
 */
void
rk_partners_page_new_organisation (RkPartnersPage *self)
{
  g_autoptr(RkOrganisation) organisation = rk_organisation_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RK_IS_PARTNERS_PAGE (self));

  if (self->db == NULL)
    return;

  rk_organisation_editor_flush (self->editor);
  g_object_set (organisation, "name", _("New Organisation"), NULL);
  if (!rk_organisation_insert (organisation, self->db, &error))
    {
      rk_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  rk_record_list_refresh (self->list, NULL);
  rk_partners_page_select (self, rk_organisation_get_id (organisation));
  rk_organisation_editor_focus_name (self->editor);
}

gboolean
rk_partners_page_flush (RkPartnersPage *self)
{
  g_return_val_if_fail (RK_IS_PARTNERS_PAGE (self), TRUE);

  return rk_organisation_editor_flush (self->editor);
}

/**
 * rk_partners_page_get_list:
 *
 * Returns: (transfer none) (nullable): the list as the user filtered,
 *   searched and sorted it, for exporting what it shows
 */
RkRecordList *
rk_partners_page_get_list (RkPartnersPage *self)
{
  g_return_val_if_fail (RK_IS_PARTNERS_PAGE (self), NULL);

  return self->list;
}
