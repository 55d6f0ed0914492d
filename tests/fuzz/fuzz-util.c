/* fuzz-util.c: what the libFuzzer targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-util.h"

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* A warning is how the lists report a damaged file: expected here, and
   * printing millions of them would slow the fuzzer down. A critical is a
   * programming error and must stop it. */
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          fprintf (stderr, "%s\n", (const char *) fields[i].value);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_quiet_logs (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (quiet_writer, NULL, NULL);
}

/* A folder of its own for each run, removed by nobody: it lives in the
 * temporary folder and holds a few small files. */
char *
fuzz_make_dir (const char *name)
{
  g_autofree char *template = g_strconcat (name, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  if (dir == NULL)
    g_error ("%s", error->message);
  return dir;
}

/* The database file at path becomes these bytes, without the write-ahead
 * log or shared memory of an earlier one beside it. */
void
fuzz_write_database (const char   *path,
                     const guint8 *data,
                     gsize         size)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    g_error ("%s", error->message);
}

void
fuzz_copy_database (const char *from,
                    const char *to)
{
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (from, &bytes, &length, &error))
    g_error ("%s", error->message);
  fuzz_write_database (to, (const guint8 *) bytes, length);
}
