/* bare-window.c: the yardstick of bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least a libadwaita app can show: an AdwApplicationWindow with a
 * header bar and nothing else. bench-startup launches it beside
 * ruhr-konferenz and compares the time each takes from being spawned to
 * its first frame. With RK_STARTUP_PROBE set it prints that moment, as
 * ruhr-konferenz does, and quits.
 */
#include <adwaita.h>
#include <stdio.h>

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GtkApplication *app)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  g_application_quit (G_APPLICATION (app));
}

static void
on_map_cb (GtkWidget      *window,
           GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  if (g_getenv ("RK_STARTUP_PROBE") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_map_cb), app);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("org.nrw.RuhrKonferenz.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
