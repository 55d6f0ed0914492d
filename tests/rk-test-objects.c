/* rk-test-objects.c: no object of the app's own types outlives the tests
 *
 * The widget tests run without LeakSanitizer's leak check (build-aux/dev
 * says why), so they count the app's objects themselves. This file
 * defines GObject's four constructors in the test executable, which takes
 * precedence over libgobject's for every caller: the app's code, GTK
 * building a template, anyone. Each passes the call on to libgobject and
 * follows every object whose type name begins with "Rk" with a weak
 * reference until it is finalized. (GLib's own per-type instance counts
 * are compiled out of Debian's GLib.)
 *
 * rk_test_add_objects_left_check() adds a last test case: once every
 * other test has run and closed its windows, none of those objects is
 * alive. A window, page, editor, list or record that outlives its use is
 * a leak, and the case names its type.
 *
 * test-ui, test-io-ui, test-board-ui, test-report-ui and test-layout run
 * it. Two widget tests do not, for what they do themselves:
 * test-preferences and test-keyboard register an RkApplication without
 * running it, and GTK 4.8 keeps a registered application referenced until
 * g_application_run() ends (a plain GtkApplication too); and in
 * test-keyboard, the board's Filter Notes popover stays alive with the
 * project chooser inside it, unparented, held by one reference we have
 * not traced. It takes this sequence of the test: in a board window, the
 * main menu and then Filter Notes opened and closed by Escape; then, in a
 * reports window, its main menu and More Report Actions likewise. Leave
 * out any one of the four and nothing stays alive; so it looks like GTK's
 * bookkeeping of popovers across windows, not a reference of ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <glib-object.h>
#include <string.h>

#include "rk-test-objects.h"

static GMutex lock;
static GHashTable *alive;   /* GObject * → its type's name, not owned */

static void
on_finalized (gpointer  data,
              GObject  *where_the_object_was)
{
  g_mutex_lock (&lock);
  g_hash_table_remove (alive, where_the_object_was);
  g_mutex_unlock (&lock);
}

static gpointer
follow (gpointer object)
{
  const char *name;

  if (object == NULL)
    return NULL;

  name = G_OBJECT_TYPE_NAME (object);
  if (name[0] == 'R' && name[1] == 'k')
    {
      g_mutex_lock (&lock);
      if (alive == NULL)
        alive = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (alive, object, (gpointer) name);
      g_mutex_unlock (&lock);
      g_object_weak_ref (object, on_finalized, NULL);
    }

  return object;
}

static gpointer
next (const char *symbol)
{
  gpointer function = dlsym (RTLD_NEXT, symbol);

  if (function == NULL)
    g_error ("%s not found: %s", symbol, dlerror ());
  return function;
}

GObject *
g_object_new_with_properties (GType          type,
                              guint          n_properties,
                              const char    *names[],
                              const GValue   values[])
{
  static GObject *(*real) (GType, guint, const char *[], const GValue[]);

  if (real == NULL)
    real = next ("g_object_new_with_properties");
  return follow (real (type, n_properties, names, values));
}

GObject *
g_object_new_valist (GType       type,
                     const char *first_property_name,
                     va_list     args)
{
  static GObject *(*real) (GType, const char *, va_list);

  if (real == NULL)
    real = next ("g_object_new_valist");
  return follow (real (type, first_property_name, args));
}

gpointer
g_object_new (GType       type,
              const char *first_property_name,
              ...)
{
  static GObject *(*real) (GType, const char *, va_list);
  GObject *object;
  va_list args;

  if (real == NULL)
    real = next ("g_object_new_valist");
  va_start (args, first_property_name);
  object = real (type, first_property_name, args);
  va_end (args);

  return follow (object);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
gpointer
g_object_newv (GType       type,
               guint       n_parameters,
               GParameter *parameters)
{
  static gpointer (*real) (GType, guint, GParameter *);

  if (real == NULL)
    real = next ("g_object_newv");
  return follow (real (type, n_parameters, parameters));
}
G_GNUC_END_IGNORE_DEPRECATIONS

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* How many objects are alive; with @names, which types, and how many of
 * each ("RkProject ×2"), in the order of the types' names. */
static guint
n_alive (GString *names)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gpointer *types = NULL;
  GHashTableIter iter;
  gpointer name;
  guint n, n_types;

  g_mutex_lock (&lock);
  n = alive != NULL ? g_hash_table_size (alive) : 0;
  if (names != NULL && alive != NULL)
    {
      g_hash_table_iter_init (&iter, alive);
      while (g_hash_table_iter_next (&iter, NULL, &name))
        g_hash_table_insert (counts, name,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
    }
  g_mutex_unlock (&lock);

  types = g_hash_table_get_keys_as_array (counts, &n_types);
  g_qsort_with_data (types, n_types, sizeof (gpointer), compare_names, NULL);
  for (guint i = 0; names != NULL && i < n_types; i++)
    g_string_append_printf (names, " %s ×%u", (const char *) types[i],
                            GPOINTER_TO_UINT (g_hash_table_lookup (counts, types[i])));

  return n;
}

static void
wake_up (gpointer data)
{
}

static void
test_no_objects_left (void)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* What the last test closed may go in the main loop's next turns, or
   * when a thread of its own ends: the loop runs until then, looking
   * again at least every 10 ms. */
  while (n_alive (NULL) > 0 && g_get_monotonic_time () < deadline)
    {
      g_timeout_add_once (10, wake_up, NULL);
      g_main_context_iteration (NULL, TRUE);
    }

  if (n_alive (names) > 0)
    g_error ("Alive after every test:%s", names->str);
}

/**
 * rk_test_add_objects_left_check:
 *
 * Adds /left-over/objects, which runs after every test added before.
 */
void
rk_test_add_objects_left_check (void)
{
  g_test_add_func ("/left-over/objects", test_no_objects_left);
}
