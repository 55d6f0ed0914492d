/* rk-project-partners-group.c: a project's partner organisations
 *
 * One row per partner with its role in a combo; a chooser with search adds
 * an organisation, or creates one from what was typed. Each change is
 * stored at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-project-partners-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-organisation.h"
#include "rk-project-partners-group.h"

struct _RkProjectPartnersGroup
{
  AdwPreferencesGroup  parent_instance;

  RkDatabase          *db;
  char                *project_id;
  GPtrArray           *rows;
  GtkMenuButton       *add_button;
  GtkSearchEntry      *search;
  GtkListBox          *candidates;
  GtkButton           *create_button;
};

G_DEFINE_FINAL_TYPE (RkProjectPartnersGroup, rk_project_partners_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  OPEN_ORGANISATION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (RkProjectPartnersGroup *self);

static void
show_error (RkProjectPartnersGroup *self,
            const GError           *error)
{
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
}

static void
on_role_selected_cb (AdwComboRow            *row,
                     GParamSpec             *pspec,
                     RkProjectPartnersGroup *self)
{
  RkPartnerLink *link = g_object_get_data (G_OBJECT (row), "link");
  guint role = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (role == GTK_INVALID_LIST_POSITION || role == rk_partner_link_get_role (link))
    return;
  if (!rk_partner_link_set_role (self->db, link, role, &error))
    show_error (self, error);
}

static void
on_remove_cb (GtkButton              *button,
              RkProjectPartnersGroup *self)
{
  RkPartnerLink *link = g_object_get_data (G_OBJECT (button), "link");
  g_autoptr(GError) error = NULL;

  if (!rk_partner_link_remove (self->db, link, &error))
    show_error (self, error);
  rebuild (self);
}

static void
on_open_cb (GtkButton              *button,
            RkProjectPartnersGroup *self)
{
  RkPartnerLink *link = g_object_get_data (G_OBJECT (button), "link");

  g_signal_emit (self, signals[OPEN_ORGANISATION], 0, rk_partner_link_get_organisation_id (link));
}

static GtkWidget *
new_row (RkProjectPartnersGroup *self,
         RkPartnerLink          *link)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name = rk_partner_link_get_organisation_name (link);

  for (guint i = 0; i < RK_N_ROLES; i++)
    gtk_string_list_append (roles, rk_role_get_label (i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (roles));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), rk_partner_link_get_role (link));
  g_object_set_data_full (G_OBJECT (row), "link", g_object_ref (link), g_object_unref);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_role_selected_cb), self);

  /* Translators: %s is an organisation's name */
  open_label = g_strdup_printf (_("Open %s"), name);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
  g_object_set_data (G_OBJECT (open), "link", link);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  /* Translators: %s is an organisation's name */
  remove_label = g_strdup_printf (_("Remove %s as Partner"), name);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "link", link);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
rebuild (RkProjectPartnersGroup *self)
{
  g_autoptr(GListModel) links = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);

  if (self->db == NULL || self->project_id == NULL)
    return;

  links = rk_project_list_partners (self->db, self->project_id, &error);
  if (links == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(RkPartnerLink) link = g_list_model_get_item (links, i);
      GtkWidget *row = new_row (self, link);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No partner organisation yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
fill_candidates (RkProjectPartnersGroup *self)
{
  g_autoptr(RkRecordList) list = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  GtkWidget *child;
  g_autofree char *create = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->candidates))) != NULL)
    gtk_list_box_remove (self->candidates, child);

  /* Translators: %s is what was typed in the search field */
  create = g_strdup_printf (_("New Organisation “%s”"), text);
  gtk_button_set_label (self->create_button, *text != '\0' ? create : _("New Organisation"));

  if (self->db == NULL)
    return;

  list = rk_organisation_list_new (self->db);
  rk_record_list_set_search (list, text);
  /* The first hits; typing narrows them. */
  for (guint i = 0; i < MIN (30, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
    {
      g_autoptr(RkOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (list), i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (rk_organisation_get_name (organisation));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rk_organisation_get_name (organisation), -1);
      g_object_set_data_full (G_OBJECT (row), "organisation-id",
                              g_strdup (rk_organisation_get_id (organisation)), g_free);
      gtk_list_box_append (self->candidates, row);
    }
}

static void
add_partner (RkProjectPartnersGroup *self,
             const char             *organisation_id)
{
  g_autoptr(GError) error = NULL;

  if (!rk_partner_link_add (self->db, self->project_id, organisation_id, RK_ROLE_PARTNER, &error))
    show_error (self, error);
  gtk_menu_button_popdown (self->add_button);
  rebuild (self);
}

static void
on_candidate_activated_cb (GtkListBox             *box,
                           GtkListBoxRow          *row,
                           RkProjectPartnersGroup *self)
{
  add_partner (self, g_object_get_data (G_OBJECT (row), "organisation-id"));
}

static void
on_search_activate_cb (RkProjectPartnersGroup *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->candidates, 0);

  if (first != NULL)
    on_candidate_activated_cb (self->candidates, first, self);
}

static void
on_create_cb (RkProjectPartnersGroup *self)
{
  g_autoptr(RkOrganisation) organisation = rk_organisation_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));
  g_autoptr(GError) error = NULL;

  g_object_set (organisation, "name", *name != '\0' ? name : _("New Organisation"), NULL);
  if (!rk_organisation_insert (organisation, self->db, &error))
    {
      show_error (self, error);
      return;
    }
  add_partner (self, rk_organisation_get_id (organisation));
}

static void
on_popover_show_cb (RkProjectPartnersGroup *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  fill_candidates (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
rk_project_partners_group_dispose (GObject *object)
{
  RkProjectPartnersGroup *self = (RkProjectPartnersGroup *) object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->project_id, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rk_project_partners_group_parent_class)->dispose (object);
}

static void
rk_project_partners_group_class_init (RkProjectPartnersGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rk_project_partners_group_dispose;

  /**
   * RkProjectPartnersGroup::open-organisation:
   * @organisation_id: the partner to show
   */
  signals[OPEN_ORGANISATION] =
    g_signal_new ("open-organisation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rk_project_partners_group_init (RkProjectPartnersGroup *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Partners"));

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search partner organisations"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search partner organisations"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (fill_candidates), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate_cb), self);

  self->candidates = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->candidates, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->candidates), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->candidates), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Partner Organisations"), -1);
  g_signal_connect (self->candidates, "row-activated", G_CALLBACK (on_candidate_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->candidates));

  self->create_button = GTK_BUTTON (gtk_button_new_with_label (_("New Organisation")));
  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (on_create_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->create_button));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show_cb), self);

  self->add_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->add_button, "list-add-symbolic");
  gtk_menu_button_set_popover (self->add_button, popover);
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button), _("Add Partner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Partner"), -1);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->add_button));
}

void
rk_project_partners_group_set_project (RkProjectPartnersGroup *self,
                                       RkDatabase             *db,
                                       const char             *project_id)
{
  g_return_if_fail (RK_IS_PROJECT_PARTNERS_GROUP (self));

  g_set_object (&self->db, db);
  rk_set_str (&self->project_id, project_id);
  rebuild (self);
}
