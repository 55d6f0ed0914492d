/* test-preferences.c: the Preferences window, under Xvfb
 *
 * Opened by app.preferences (Ctrl+comma); each of its widgets changes its
 * setting at once, and shows a setting changed elsewhere. The settings
 * live in GSettings' memory backend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rk-application.h"
#include "rk-preferences-window.h"

/* Runs the main loop until @condition holds; fails after ten seconds. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > _deadline) \
          g_error ("Waited in vain for %s", #condition); \
        g_main_context_iteration (NULL, FALSE); \
      } \
  } G_STMT_END

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RK_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_opened_by_the_app (void)
{
  g_autoptr(RkApplication) app = rk_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWindow *window;

  /* Its own instance, so that its startup runs here. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_assert_null (find_preferences_window ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  WAIT_UNTIL (find_preferences_window () != NULL);

  window = find_preferences_window ();
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (window));
  gtk_window_destroy (window);
}

static void
test_bound_to_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  GtkWidget *window;
  GtkSwitch *backup_on_start;
  GtkSpinButton *backups_kept;
  AdwComboRow *csv_format;
  GtkWidget *row;
  g_autofree char *format = NULL;

  /* The defaults the schema gives. */
  g_assert_true (g_settings_get_boolean (settings, "backup-on-start"));
  g_assert_cmpint (g_settings_get_int (settings, "backups-kept"), ==, 10);
  format = g_settings_get_string (settings, "csv-format");
  g_assert_cmpstr (format, ==, "");

  window = rk_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (window));

  backup_on_start = GTK_SWITCH (find_widget (window, GTK_TYPE_SWITCH));
  backups_kept = GTK_SPIN_BUTTON (find_widget (window, GTK_TYPE_SPIN_BUTTON));
  csv_format = ADW_COMBO_ROW (find_widget (window, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (backup_on_start);
  g_assert_nonnull (backups_kept);
  g_assert_nonnull (csv_format);

  /* The widgets show the settings… */
  g_assert_true (gtk_switch_get_active (backup_on_start));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (backups_kept), ==, 10);
  g_assert_cmpuint (adw_combo_row_get_selected (csv_format), ==, 0);

  /* …and change them: the switch by activating its row, as a click or
   * Enter on the row does. */
  row = gtk_widget_get_ancestor (GTK_WIDGET (backup_on_start), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  /* The switch slides over before it changes. */
  WAIT_UNTIL (!gtk_switch_get_active (backup_on_start));
  g_assert_false (g_settings_get_boolean (settings, "backup-on-start"));

  gtk_spin_button_set_value (backups_kept, 25);
  g_assert_cmpint (g_settings_get_int (settings, "backups-kept"), ==, 25);

  adw_combo_row_set_selected (csv_format, 1);
  g_clear_pointer (&format, g_free);
  format = g_settings_get_string (settings, "csv-format");
  g_assert_cmpstr (format, ==, "de");
  adw_combo_row_set_selected (csv_format, 2);
  g_clear_pointer (&format, g_free);
  format = g_settings_get_string (settings, "csv-format");
  g_assert_cmpstr (format, ==, "en");

  /* A setting changed elsewhere shows at once. */
  g_settings_set_int (settings, "backups-kept", 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (backups_kept), ==, 3);
  g_settings_set_string (settings, "csv-format", "");
  g_assert_cmpuint (adw_combo_row_get_selected (csv_format), ==, 0);
  g_settings_set_boolean (settings, "backup-on-start", TRUE);
  g_assert_true (gtk_switch_get_active (backup_on_start));

  /* The spin button keeps to the schema's range. */
  gtk_spin_button_set_value (backups_kept, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "backups-kept"), ==, 100);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RK_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it hides the MIME database in
   * XDG_DATA_DIRS, and without it no SVG icon loads. Settings live in
   * memory. */
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/preferences/bound-to-settings", test_bound_to_settings);
  g_test_add_func ("/preferences/opened-by-the-app", test_opened_by_the_app);

  return g_test_run ();
}
