/* crash-editor.c: saves edits one after another until it is killed, for
 * tests/test-crash.c
 *
 *   crash-editor DATABASE PARENT-PID FIRST-EDIT PROJECT-ID…
 *
 * Edit n goes to project number (n - 1) mod the number of projects given
 * and, in one save through the model layer, sets its title, goal,
 * approach, current status, outlook and volume to n. After the save
 * returns, the editor writes n on a line of its own to standard output:
 * from then on the edit counts as saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <signal.h>
#include <unistd.h>

#include "rk-project.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RkDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint64 parent, first;
  guint n_projects;

  if (argc < 5 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT, &parent, NULL) ||
      !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT32 / 2, &first, NULL))
    {
      fprintf (stderr, "usage: crash-editor DATABASE PARENT-PID FIRST-EDIT PROJECT-ID…\n");
      return 2;
    }
  n_projects = (guint) argc - 4;

  /* It edits until it is killed; if the test dies first, so does it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if ((guint64) getppid () != parent)
    return 3;

  db = rk_database_open (argv[1], RK_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint64 n = first; ; n++)
    {
      const char *id = argv[4 + (n - 1) % n_projects];
      g_autoptr(RkProject) project = rk_project_load (db, id, &error);
      g_autofree char *title = g_strdup_printf ("Stand e%08" G_GUINT64_FORMAT, n);
      g_autofree char *word = g_strdup_printf ("e%08" G_GUINT64_FORMAT, n);

      if (project == NULL)
        break;
      g_object_set (project,
                    "title", title,
                    "goal", word,
                    "approach", word,
                    "current-status", word,
                    "outlook", word,
                    "volume-cents", (gint64) n * 100,
                    NULL);
      if (!rk_project_save (project, db, &error))
        break;

      printf ("%" G_GUINT64_FORMAT "\n", n);
      fflush (stdout);
    }

  fprintf (stderr, "%s\n", error->message);
  return 1;
}
