/* rk-a11y.c: what a screen reader needs and GTK 4.8 does not give
 *
 * GTK 4.8 names a few of its own widgets badly or not at all; newer GTK
 * versions fix each of these. The helpers here fill the gaps for this
 * app's widgets, and tests/test-a11y.py checks the result as a screen
 * reader sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include "rk-a11y.h"

/* A button with a mnemonic ("_New Project") is named by its label
 * property, which GTK 4.8 sets to the text with the underscore, and by its
 * mnemonic label: "_New Project New Project". The label alone reads right. */
static void
fix_mnemonic_button (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A drop-down or a menu button is labelled by its mnemonic label, but the
 * focus goes to the toggle button inside it, which GTK 4.8 leaves unnamed. */
static void
label_inner_button (GtkWidget *widget)
{
  GList *labels = gtk_widget_list_mnemonic_labels (widget);
  GtkWidget *inner = gtk_widget_get_first_child (widget);

  if (labels != NULL && GTK_IS_BUTTON (inner))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, labels->data, NULL,
                                    -1);
  g_list_free (labels);
}

/* The calendar's arrows are icons without a name or a tooltip. In GTK 4.8
 * they are its four buttons, in this order. */
static void
label_calendar (GtkWidget *calendar)
{
  static const char * const names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  /* The buttons sit in the calendar's header box, its first child. */
  GtkWidget *header = gtk_widget_get_first_child (calendar);
  GtkWidget *buttons[G_N_ELEMENTS (names)];
  guint n = 0;

  for (GtkWidget *child = header != NULL ? gtk_widget_get_first_child (header) : NULL;
       child != NULL && n < G_N_ELEMENTS (buttons);
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      buttons[n++] = child;

  if (n != G_N_ELEMENTS (buttons))
    return;

  for (guint i = 0; i < n; i++)
    {
      gtk_widget_set_tooltip_text (buttons[i], _(names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                      -1);
    }
}

/**
 * rk_a11y_fix_tree:
 * @root: a widget whose descendants are built
 *
 * Names what GTK 4.8 leaves unnamed or misnames under @root: buttons with
 * a mnemonic, the toggle buttons inside drop-downs and menu buttons, and
 * the calendar's arrows. Call it once the widgets are there; popovers
 * count, as they are their menu button's children.
 */
void
rk_a11y_fix_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    fix_mnemonic_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root) || GTK_IS_MENU_BUTTON (root))
    label_inner_button (root);
  else if (GTK_IS_CALENDAR (root))
    label_calendar (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rk_a11y_fix_tree (child);
}

/**
 * rk_a11y_label_list_item:
 * @row: a list view's row widget, the child of its list item
 * @label: what the row reads as
 *
 * Names a row and the list item that holds it: in a GtkListView the focus
 * goes to the list item, which GTK 4.8 does not let a factory name.
 */
void
rk_a11y_label_list_item (GtkWidget  *row,
                         const char *label)
{
  GtkWidget *parent;

  g_return_if_fail (GTK_IS_WIDGET (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  parent = gtk_widget_get_parent (row);
  if (parent != NULL &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (parent)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
label_lists (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        continue;
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      label_lists (child, label);
    }
}

/**
 * rk_a11y_label_with_lists:
 * @widget: a row that holds lists of its own, such as an AdwExpanderRow
 * @label: what the row reads as
 *
 * Names @widget and the list boxes inside it, but not the rows in them:
 * libadwaita 1.2 builds an expander row from unnamed lists.
 */
void
rk_a11y_label_with_lists (GtkWidget  *widget,
                          const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  label_lists (widget, label);
}
