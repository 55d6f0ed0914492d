/* rk-record-list.c: records as a list model, searched, filtered and
 * sorted in SQLite
 *
 * One implementation serves the projects, the organisations and the notes;
 * an RkRecordListSpec names the table, the statements and how an item is
 * loaded. The model keeps only the rowids of the query's result, in order:
 * 8 bytes a record. An item is built when the view asks for it and kept while
 * someone holds it, so scrolling through 100,000 records never holds
 * 100,000 objects. A change to the database refreshes the list once per
 * main loop turn and tells the view only the range that moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rk-record-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rk-database-private.h"
#include "rk-record-list-private.h"

struct _RkRecordList
{
  GObject        parent_instance;

  RkDatabase    *db;
  GArray        *rowids;       /* gint64, the current result in order */
  GArray        *unsearched;   /* gint64, the result without the search;
                                * NULL when a filter, the sort or the data
                                * changed since it was read */
  GHashTable    *items;        /* rowid → item, not owned (weak) */
  const RkRecordListSpec *spec;
  char          *fts_query;    /* NULL when not searching */
  char          *filters[RK_RECORD_LIST_MAX_FILTERS];
  guint          sort;
  guint          n_total;
  guint          refresh_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RkRecordList, rk_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
rk_record_list_get_item_type (GListModel *model)
{
  return RK_RECORD_LIST (model)->spec->item_type ();
}

static guint
rk_record_list_get_n_items (GListModel *model)
{
  return RK_RECORD_LIST (model)->rowids->len;
}

static void
on_item_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  RkRecordList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static gpointer
rk_record_list_get_item (GListModel *model,
                          guint       position)
{
  RkRecordList *self = RK_RECORD_LIST (model);
  g_autoptr(GError) error = NULL;
  GObject *item;
  gint64 rowid;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  item = g_hash_table_lookup (self->items, &rowid);
  if (item != NULL)
    return g_object_ref (item);

  item = self->spec->load (self->db, rowid, &error);
  if (item == NULL)
    {
      /* Deleted since the last refresh, which is on its way: an empty
       * item keeps the model's promise of an object. */
      g_debug ("%s %" G_GINT64_FORMAT " is gone: %s", self->spec->table, rowid, error->message);
      return g_object_new (self->spec->item_type (), NULL);
    }

  g_hash_table_insert (self->items, g_memdup2 (&rowid, sizeof rowid), item);
  g_object_weak_ref (item, on_item_finalized, self);

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rk_record_list_get_item_type;
  iface->get_n_items = rk_record_list_get_n_items;
  iface->get_item = rk_record_list_get_item;
}

/**
 * rk_search_to_fts_query:
 * @text: what the user typed
 *
 * Turns typed text into an FTS5 query: every word must occur, as the start
 * of a word ("zoll" finds "Zollverein"). FTS5 syntax in the input has no
 * effect, since each word is quoted.
 *
 * Returns: (nullable): the query, or %NULL when @text has no words
 */
char *
rk_search_to_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* The filtered, sorted list without the search: one scan of a covering
 * index, kept so that each key typed costs only the search itself. */
static GArray *
run_filtered (RkRecordList  *self,
              GError        **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = rk_database_prepare (self->db, self->spec->queries[self->sort], error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < self->spec->n_filters; i++)
    sqlite3_bind_text (stmt, i + 1, self->filters[i], -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (self->db, error, _(self->spec->what));
      return NULL;
    }

  return g_steal_pointer (&rowids);
}

/* Searching keeps the order of the filtered list and drops the rows the
 * index does not find. Joining the index to the table instead costs a
 * lookup per hit and a sort of all hits: 80 ms for a first letter that
 * matches most of 100,000 projects. A bitmap over the rowids is 1 bit a
 * record. */
static GArray *
run_query (RkRecordList  *self,
           GError        **error)
{
  g_autoptr(RkStatement) stmt = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autofree guint8 *hits = NULL;
  gint64 max_rowid = 0;
  int rc;

  if (self->unsearched == NULL)
    {
      self->unsearched = run_filtered (self, error);
      if (self->unsearched == NULL)
        return NULL;
    }

  if (self->fts_query == NULL)
    return g_array_copy (self->unsearched);

  for (guint i = 0; i < self->unsearched->len; i++)
    max_rowid = MAX (max_rowid, g_array_index (self->unsearched, gint64, i));
  hits = g_malloc0 (max_rowid / 8 + 1);

  stmt = rk_database_prepare (self->db, self->spec->search_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, self->fts_query, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (rowid > 0 && rowid <= max_rowid)
        hits[rowid / 8] |= 1 << (rowid % 8);
    }

  if (rc != SQLITE_DONE)
    {
      rk_database_set_error (self->db, error, _(self->spec->what));
      return NULL;
    }

  rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->unsearched->len; i++)
    {
      gint64 rowid = g_array_index (self->unsearched, gint64, i);

      if (rowid > 0 && (hits[rowid / 8] & (1 << (rowid % 8))) != 0)
        g_array_append_val (rowids, rowid);
    }

  return g_steal_pointer (&rowids);
}

static guint
count_all (RkRecordList *self)
{
  g_autoptr(RkStatement) stmt = rk_database_prepare (self->db, self->spec->count_sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/* Runs the query and tells the view, in one items-changed, the range
 * between the first and the last position that differ. */
static gboolean
update (RkRecordList  *self,
        GError        **error)
{
  g_autoptr(GArray) old = NULL;
  GArray *rowids;
  guint n_total, prefix = 0, suffix = 0, old_len, new_len;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  rowids = run_query (self, error);
  if (rowids == NULL)
    return FALSE;

  old = self->rowids;
  self->rowids = rowids;
  old_len = old->len;
  new_len = rowids->len;

  while (prefix < old_len && prefix < new_len &&
         g_array_index (old, gint64, prefix) == g_array_index (rowids, gint64, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_array_index (old, gint64, old_len - 1 - suffix) ==
         g_array_index (rowids, gint64, new_len - 1 - suffix))
    suffix++;

  n_total = count_all (self);
  if (n_total != self->n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }

  if (prefix == old_len && prefix == new_len)
    return TRUE;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * rk_record_list_refresh:
 *
 * Reads the list from the database now and tells the view, in one
 * items-changed, the range between the first and the last position that
 * differ.
 */
gboolean
rk_record_list_refresh (RkRecordList  *self,
                         GError        **error)
{
  g_return_val_if_fail (RK_IS_RECORD_LIST (self), FALSE);

  g_clear_pointer (&self->unsearched, g_array_unref);
  return update (self, error);
}

static gboolean
refresh_cb (gpointer user_data)
{
  RkRecordList *self = user_data;
  g_autoptr(GError) error = NULL;

  self->refresh_id = 0;
  if (!rk_record_list_refresh (self, &error))
    g_warning ("%s", error->message);

  return G_SOURCE_REMOVE;
}

static void
on_record_changed_cb (RkRecordList *self,
                       const char    *table,
                       const char    *key,
                       RkDatabase    *db)
{
  GHashTableIter iter;
  gpointer value;

  /* Items someone holds show the stored values at once. */
  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (self->spec->get_key (value), key) == 0)
      {
        self->spec->reload (value, db, NULL);
        break;
      }

  /* The filtered list is stale now, even for a search typed before the
   * refresh below runs. A batch of changes is one refresh. */
  g_clear_pointer (&self->unsearched, g_array_unref);
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
rk_record_list_dispose (GObject *object)
{
  RkRecordList *self = (RkRecordList *) object;
  GHashTableIter iter;
  gpointer value;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->items != NULL)
    {
      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, on_item_finalized, self);
      g_clear_pointer (&self->items, g_hash_table_unref);
    }

  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (rk_record_list_parent_class)->dispose (object);
}

static void
rk_record_list_finalize (GObject *object)
{
  RkRecordList *self = (RkRecordList *) object;

  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->unsearched, g_array_unref);
  g_free (self->fts_query);
  for (guint i = 0; i < RK_RECORD_LIST_MAX_FILTERS; i++)
    g_free (self->filters[i]);

  G_OBJECT_CLASS (rk_record_list_parent_class)->finalize (object);
}

static void
rk_record_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RkRecordList *self = RK_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rowids->len);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rk_record_list_class_init (RkRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rk_record_list_dispose;
  object_class->finalize = rk_record_list_finalize;
  object_class->get_property = rk_record_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rk_record_list_init (RkRecordList *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * rk_record_list_new:
 * @spec: the statements and item functions; static, kept by reference
 *
 * Returns: (transfer full): every record in the first sort, ready to use
 */
RkRecordList *
rk_record_list_new (RkDatabase             *db,
                    const RkRecordListSpec *spec)
{
  RkRecordList *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (RK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (spec != NULL && spec->n_filters <= RK_RECORD_LIST_MAX_FILTERS, NULL);

  self = g_object_new (RK_TYPE_RECORD_LIST, NULL);
  self->db = g_object_ref (db);
  self->spec = spec;
  signal = g_strconcat ("changed::", spec->table, NULL);
  g_signal_connect_object (db, signal, G_CALLBACK (on_record_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (!rk_record_list_refresh (self, &error))
    g_warning ("%s", error->message);

  return self;
}

RkDatabase *
rk_record_list_get_database (RkRecordList *self)
{
  g_return_val_if_fail (RK_IS_RECORD_LIST (self), NULL);
  return self->db;
}

static void
set_filter (RkRecordList  *self,
            char          **filter,
            const char     *value)
{
  g_autoptr(GError) error = NULL;

  if (value != NULL && *value == '\0')
    value = NULL;
  if (!rk_set_str (filter, value))
    return;

  /* A new search keeps the filtered list it searches in. */
  if (filter == &self->fts_query ? !update (self, &error)
                                 : !rk_record_list_refresh (self, &error))
    g_warning ("%s", error->message);
}

/**
 * rk_record_list_set_search:
 * @text: (nullable): what the user typed; words are matched as prefixes,
 *   without regard to case and diacritics
 */
void
rk_record_list_set_search (RkRecordList *self,
                           const char   *text)
{
  g_autofree char *query = NULL;

  g_return_if_fail (RK_IS_RECORD_LIST (self));

  query = rk_search_to_fts_query (text);
  set_filter (self, &self->fts_query, query);
}

/**
 * rk_record_list_set_filter:
 * @index: which of the spec's filters
 * @value: (nullable): the value the column must have; %NULL or "" for all
 */
void
rk_record_list_set_filter (RkRecordList *self,
                           guint         index,
                           const char   *value)
{
  g_return_if_fail (RK_IS_RECORD_LIST (self));
  g_return_if_fail (index < self->spec->n_filters);

  set_filter (self, &self->filters[index], value);
}

/**
 * rk_record_list_set_sort:
 * @sort: which of the spec's orders
 */
void
rk_record_list_set_sort (RkRecordList *self,
                         guint         sort)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RK_IS_RECORD_LIST (self));
  g_return_if_fail (sort < self->spec->n_sorts);

  if (self->sort == sort)
    return;

  self->sort = sort;
  if (!rk_record_list_refresh (self, &error))
    g_warning ("%s", error->message);
}

/**
 * rk_record_list_get_n_total:
 *
 * Returns: how many records there are, whatever the search and filters:
 *   the M of "N of M projects"
 */
guint
rk_record_list_get_n_total (RkRecordList *self)
{
  g_return_val_if_fail (RK_IS_RECORD_LIST (self), 0);
  return self->n_total;
}

/**
 * rk_record_list_find:
 * @id: a record's key
 * @out_position: (out): where it is
 *
 * Finds a record in the current result, so that a view can keep it
 * selected when the list moves around it.
 */
gboolean
rk_record_list_find (RkRecordList *self,
                      const char    *id,
                      guint         *out_position)
{
  g_autoptr(RkStatement) stmt = NULL;
  gint64 rowid;

  g_return_val_if_fail (RK_IS_RECORD_LIST (self), FALSE);

  if (id == NULL)
    return FALSE;

  stmt = rk_database_prepare (self->db, self->spec->rowid_sql, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  rowid = sqlite3_column_int64 (stmt, 0);

  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      {
        *out_position = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * rk_record_list_get_n_loaded:
 *
 * Returns: how many items exist as objects right now; for tests that
 *   items are built on demand
 */
guint
rk_record_list_get_n_loaded (RkRecordList *self)
{
  g_return_val_if_fail (RK_IS_RECORD_LIST (self), 0);
  return g_hash_table_size (self->items);
}
