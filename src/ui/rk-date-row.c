/* rk-date-row.c: a row that holds an optional date, picked from a calendar
 *
 * The date is ISO 8601 text (or none) and is shown as the locale writes
 * dates; the calendar works by keyboard as well as by pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rk-a11y.h"
#include "rk-database.h"
#include "rk-date-row.h"
#include "rk-format.h"

struct _RkDateRow
{
  AdwActionRow   parent_instance;

  char          *date;
  gboolean       updating;

  GtkMenuButton *button;
  GtkLabel      *date_label;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;
};

G_DEFINE_FINAL_TYPE (RkDateRow, rk_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_display (RkDateRow *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;

  if (self->date != NULL)
    shown = rk_format_date (self->date);
  gtk_label_set_text (self->date_label, shown != NULL ? shown : _("Not set"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), self->date != NULL);

  /* Translators: the accessible name of a date button, e.g. “Start: 31.12.2024” */
  label = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                           gtk_label_get_text (self->date_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a date"));

  if (self->date != NULL)
    {
      int y, m, d;

      if (sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (y, m, d, 0, 0, 0);

          self->updating = TRUE;
          if (dt != NULL)
            gtk_calendar_select_day (self->calendar, dt);
          self->updating = FALSE;
        }
    }
}

static void
on_day_selected_cb (RkDateRow *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  rk_date_row_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked_cb (RkDateRow *self)
{
  rk_date_row_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
rk_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RK_TYPE_DATE_ROW);

  G_OBJECT_CLASS (rk_date_row_parent_class)->dispose (object);
}

static void
rk_date_row_finalize (GObject *object)
{
  RkDateRow *self = (RkDateRow *) object;

  g_free (self->date);

  G_OBJECT_CLASS (rk_date_row_parent_class)->finalize (object);
}

static void
rk_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RkDateRow *self = RK_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RkDateRow *self = RK_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      rk_date_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_date_row_class_init (RkDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_date_row_dispose;
  object_class->finalize = rk_date_row_finalize;
  object_class->get_property = rk_date_row_get_property;
  object_class->set_property = rk_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RkDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, RkDateRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, RkDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, RkDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, RkDateRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
rk_date_row_init (RkDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The button's own label already says "Start: 31.12.2024"; the row's
   * title as well would make it "Start: 31.12.2024 Start". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  rk_a11y_fix_tree (GTK_WIDGET (self->popover));
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (update_display), self);
  update_display (self);
}

/**
 * rk_date_row_get_date:
 *
 * Returns: (nullable): the date as `YYYY-MM-DD`, or %NULL when none is set
 */
const char *
rk_date_row_get_date (RkDateRow *self)
{
  g_return_val_if_fail (RK_IS_DATE_ROW (self), NULL);
  return self->date;
}

void
rk_date_row_set_date (RkDateRow  *self,
                      const char *iso_date)
{
  g_return_if_fail (RK_IS_DATE_ROW (self));

  if (!rk_set_str (&self->date, iso_date))
    return;

  update_display (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
