/* rk-note-row.c: a note in the list, under the heading of its group
 *
 * GTK 4.8's list view has no section headers, so the first row of each
 * group (a meeting, or a month) shows the group's heading above itself;
 * the page decides which rows those are. The row follows its note's
 * title, so an edit shows in the list at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"
#include "rk-note-row.h"

struct _RkNoteRow
{
  GtkWidget  parent_instance;

  RkNote    *note;
  gulong     notify_id;

  GtkLabel  *heading_label;
  GtkLabel  *title_label;
  GtkLabel  *details_label;
};

G_DEFINE_FINAL_TYPE (RkNoteRow, rk_note_row, GTK_TYPE_WIDGET)

static void
update (RkNoteRow *self)
{
  g_autofree char *accessible = NULL;

  if (self->note != NULL)
    gtk_label_set_text (self->title_label, *rk_note_get_title (self->note) != '\0'
                                           ? rk_note_get_title (self->note)
                                           : _("Untitled Note"));

  /* A screen reader reads the row as its content, in one go, the group
   * first when the row opens one. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->heading_label)))
    accessible = g_strjoin (", ", gtk_label_get_text (self->heading_label),
                            gtk_label_get_text (self->title_label),
                            gtk_label_get_text (self->details_label), NULL);
  else
    accessible = g_strjoin (", ", gtk_label_get_text (self->title_label),
                            gtk_label_get_text (self->details_label), NULL);
  rk_a11y_label_list_item (GTK_WIDGET (self), accessible);
}

static void
rk_note_row_dispose (GObject *object)
{
  RkNoteRow *self = (RkNoteRow *) object;
  GtkWidget *child;

  if (self->note != NULL)
    g_clear_signal_handler (&self->notify_id, self->note);
  g_clear_object (&self->note);
  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_NOTE_ROW);
  /* The template's top box is no bound child: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rk_note_row_parent_class)->dispose (object);
}

static void
rk_note_row_class_init (RkNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_note_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RkNoteRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RkNoteRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RkNoteRow, details_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rk_note_row_init (RkNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rk_note_row_new (void)
{
  return g_object_new (RK_TYPE_NOTE_ROW, NULL);
}

void
rk_note_row_set_note (RkNoteRow *self,
                      RkNote    *note)
{
  g_return_if_fail (RK_IS_NOTE_ROW (self));

  if (self->note != NULL)
    g_clear_signal_handler (&self->notify_id, self->note);
  g_set_object (&self->note, note);

  if (note != NULL)
    {
      self->notify_id = g_signal_connect_object (note, "notify::title", G_CALLBACK (update),
                                                 self, G_CONNECT_SWAPPED);
      update (self);
    }
}

RkNote *
rk_note_row_get_note (RkNoteRow *self)
{
  g_return_val_if_fail (RK_IS_NOTE_ROW (self), NULL);
  return self->note;
}

/**
 * rk_note_row_set_heading:
 * @heading: (nullable): the heading of the group this row opens, or %NULL
 *   when it continues the group of the row above
 */
void
rk_note_row_set_heading (RkNoteRow  *self,
                         const char *heading)
{
  g_return_if_fail (RK_IS_NOTE_ROW (self));

  gtk_label_set_text (self->heading_label, heading ?: "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading != NULL);
  update (self);
}

const char *
rk_note_row_get_heading (RkNoteRow *self)
{
  g_return_val_if_fail (RK_IS_NOTE_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->heading_label))
         ? gtk_label_get_text (self->heading_label) : NULL;
}

void
rk_note_row_set_details (RkNoteRow  *self,
                         const char *details)
{
  g_return_if_fail (RK_IS_NOTE_ROW (self));

  gtk_label_set_text (self->details_label, details ?: "");
  update (self);
}

/**
 * rk_note_action_row_new:
 * @subtitle: (nullable): what to show under the title, such as the date
 *
 * A note as a row of a preferences group, where a page lists a few: its
 * title and @subtitle, and an arrow that says it opens. The note's key is
 * the row's data "note-id"; the caller connects to "activated".
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
rk_note_action_row_new (RkNote     *note,
                        const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  g_return_val_if_fail (RK_IS_NOTE (note), NULL);

  /* Titles are the users' text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *rk_note_get_title (note) != '\0' ? rk_note_get_title (note)
                                                                   : _("Untitled Note"));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Note"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "note-id", g_strdup (rk_note_get_id (note)), g_free);

  return row;
}
