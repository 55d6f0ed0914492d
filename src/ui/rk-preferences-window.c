/* rk-preferences-window.c: what users set
 *
 * The settings that are the user's to choose, bound to GSettings: each
 * change is stored as it is made, as everywhere in the app. The window's
 * size and section are remembered without asking and are not here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-preferences-window"

#include "config.h"

#include "rk-a11y.h"
#include "rk-preferences-window.h"

struct _RkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkSwitch            *backup_on_start_switch;
  GtkSpinButton        *backups_kept_spin;
  AdwComboRow          *csv_format_row;
};

G_DEFINE_FINAL_TYPE (RkPreferencesWindow, rk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of its model. */
static const char * const csv_formats[] = { "", "de", "en" };

static gboolean
csv_format_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  const char *format = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (csv_formats); i++)
    if (g_str_equal (format, csv_formats[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
csv_format_set_mapping (const GValue       *value,
                        const GVariantType *expected_type,
                        gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (csv_formats))
    return NULL;

  return g_variant_new_string (csv_formats[position]);
}

static void
rk_preferences_window_dispose (GObject *object)
{
  RkPreferencesWindow *self = (RkPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rk_preferences_window_parent_class)->dispose (object);
}

static void
rk_preferences_window_class_init (RkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RkPreferencesWindow, backup_on_start_switch);
  gtk_widget_class_bind_template_child (widget_class, RkPreferencesWindow, backups_kept_spin);
  gtk_widget_class_bind_template_child (widget_class, RkPreferencesWindow, csv_format_row);
}

static void
rk_preferences_window_init (RkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rk_a11y_fix_tree (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "backup-on-start",
                   self->backup_on_start_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backups-kept",
                   self->backups_kept_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "csv-format",
                                self->csv_format_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                csv_format_get_mapping, csv_format_set_mapping, NULL, NULL);
}

/**
 * rk_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, not yet shown
 */
GtkWidget *
rk_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
